-- Version 5: where the desk was set up, HOST:PORT/DATABASE, so that a write sent to a hot
-- standby (which replays this table from the primary) can say where to write instead.
ALTER TABLE claimtrail_schema ADD COLUMN primary_at text;
