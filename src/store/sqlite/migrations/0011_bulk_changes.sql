-- Version 11: an import notes each claim it adds as changed once, at the end, rather than
-- once for the claim, each attribution and each status event as they are written (see
-- version 6 for the bulk load). Claims that were already here are noted as before.
DROP TRIGGER claims_changed;
CREATE TRIGGER claims_changed AFTER INSERT ON claims
WHEN NEW.id < coalesce((SELECT first_new_claim FROM bulk_load), NEW.id + 1)
BEGIN INSERT INTO changes (kind, id) VALUES ('claim', NEW.id); END;
DROP TRIGGER attributions_changed;
CREATE TRIGGER attributions_changed AFTER INSERT ON attributions
WHEN NEW.claim_id < coalesce((SELECT first_new_claim FROM bulk_load), NEW.claim_id + 1)
BEGIN INSERT INTO changes (kind, id) VALUES ('claim', NEW.claim_id); END;
DROP TRIGGER status_events_changed;
CREATE TRIGGER status_events_changed AFTER INSERT ON status_events
WHEN NEW.claim_id < coalesce((SELECT first_new_claim FROM bulk_load), NEW.claim_id + 1)
BEGIN INSERT INTO changes (kind, id) VALUES ('claim', NEW.claim_id); END;
