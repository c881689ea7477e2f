-- Version 8: the ledger's own identity. A standby replays it with the rest, so a laptop
-- that pulls from a standby and pushes to the primary keeps one set of sync marks for the
-- desk, whichever address it was reached at.
ALTER TABLE claimtrail_schema ADD COLUMN ledger_id uuid NOT NULL DEFAULT gen_random_uuid();
