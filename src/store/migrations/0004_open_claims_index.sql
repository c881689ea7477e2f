-- Version 4: the open list, oldest first, straight from an index of the open claims alone.
-- The list query spells its status condition exactly so, which lets SQLite use it.
CREATE INDEX claims_open_by_age ON claims (logged_at, id)
WHERE status IN ('unverified', 'corroborated', 'disputed');
