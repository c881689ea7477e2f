-- Version 5: imports index in bulk. While an import's transaction holds a row here, the
-- triggers that index one claim at a time stand aside for the claims it adds; the import
-- indexes them all at the end, in the same transaction (see store::exchange). Nobody else
-- ever sees the row: it is written and removed inside that one transaction.
CREATE TABLE bulk_load (
    first_new_claim        INTEGER NOT NULL,
    first_new_attribution  INTEGER NOT NULL
);

DROP TRIGGER claims_fts_insert;
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims
WHEN NOT EXISTS (SELECT 1 FROM bulk_load)
BEGIN INSERT INTO claims_fts (rowid, text) VALUES (NEW.id, NEW.text); END;

DROP TRIGGER claims_fts_update;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims
WHEN NEW.id < coalesce((SELECT first_new_claim FROM bulk_load), NEW.id + 1)
BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
    INSERT INTO claims_fts (rowid, text) VALUES (NEW.id, NEW.text);
END;

DROP TRIGGER attributions_claim_sources;
CREATE TRIGGER attributions_claim_sources AFTER INSERT ON attributions
WHEN NOT EXISTS (SELECT 1 FROM bulk_load)
BEGIN
    INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
    SELECT 'claimant', coalesce(s.merged_into, s.id), c.id, c.status, c.logged_at
    FROM claimants s, claims c
    WHERE s.id = NEW.claimant_id AND c.id = NEW.claim_id
    ON CONFLICT DO NOTHING;
END;

DROP TRIGGER relays_claim_sources;
CREATE TRIGGER relays_claim_sources AFTER INSERT ON relays
WHEN NOT EXISTS (SELECT 1 FROM bulk_load)
BEGIN
    INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
    SELECT 'outlet', coalesce(o.merged_into, o.id), c.id, c.status, c.logged_at
    FROM outlets o, attributions a, claims c
    WHERE o.id = NEW.outlet_id AND a.id = NEW.attribution_id AND c.id = a.claim_id
    ON CONFLICT DO NOTHING;
END;
