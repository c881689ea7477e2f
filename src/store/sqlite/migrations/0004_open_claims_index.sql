-- Version 4: indexes for the everyday reads. The open list, oldest first, straight from an
-- index of the open claims alone.
-- The list query spells its status condition exactly so, which lets SQLite use it.
CREATE INDEX claims_open_by_age ON claims (logged_at, id)
WHERE status IN ('unverified', 'corroborated', 'disputed');

-- Stories are matched without regard to case; the index must compare the same way.
DROP INDEX claims_story;
CREATE INDEX claims_story ON claims (story COLLATE NOCASE);
