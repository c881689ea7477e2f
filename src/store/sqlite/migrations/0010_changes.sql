-- Version 10: sync by change. Every write notes which claim, claimant or outlet it touched,
-- in order (a file has one writer at a time, so the order is the order of commits); a
-- ledger's mark is the last note it holds. A laptop keeps, per desk it syncs with, the desk's
-- mark it last pulled to and its own mark it last pushed from, and moves only what changed
-- since. Notes are never deleted, so a rowid is never reused and orders them without
-- AUTOINCREMENT's bookkeeping.
CREATE TABLE changes (
    seq           INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('claim', 'claimant', 'outlet')),
    id            INTEGER NOT NULL
);

CREATE TABLE sync_marks (
    peer          TEXT PRIMARY KEY,
    pulled        TEXT,
    pushed        TEXT
);

-- A claim's row changes only as its history and corrections grow, which are noted.
CREATE TRIGGER claims_changed AFTER INSERT ON claims
BEGIN INSERT INTO changes (kind, id) VALUES ('claim', NEW.id); END;
CREATE TRIGGER attributions_changed AFTER INSERT ON attributions
BEGIN INSERT INTO changes (kind, id) VALUES ('claim', NEW.claim_id); END;
CREATE TRIGGER status_events_changed AFTER INSERT ON status_events
BEGIN INSERT INTO changes (kind, id) VALUES ('claim', NEW.claim_id); END;
CREATE TRIGGER claim_edits_changed AFTER INSERT ON claim_edits
BEGIN INSERT INTO changes (kind, id) VALUES ('claim', NEW.claim_id); END;
CREATE TRIGGER credibility_grades_changed AFTER INSERT ON credibility_grades
BEGIN
    INSERT INTO changes (kind, id)
    SELECT 'claim', claim_id FROM attributions WHERE id = NEW.attribution_id;
END;

CREATE TRIGGER claimants_changed_in AFTER INSERT ON claimants
BEGIN INSERT INTO changes (kind, id) VALUES ('claimant', NEW.id); END;
CREATE TRIGGER claimants_changed AFTER UPDATE ON claimants
BEGIN INSERT INTO changes (kind, id) VALUES ('claimant', NEW.id); END;
CREATE TRIGGER claimant_aliases_changed_in AFTER INSERT ON claimant_aliases
BEGIN INSERT INTO changes (kind, id) VALUES ('claimant', NEW.claimant_id); END;
CREATE TRIGGER claimant_aliases_changed AFTER UPDATE ON claimant_aliases
BEGIN INSERT INTO changes (kind, id) VALUES ('claimant', NEW.claimant_id); END;
CREATE TRIGGER reliability_grades_changed AFTER INSERT ON reliability_grades
BEGIN INSERT INTO changes (kind, id) VALUES ('claimant', NEW.claimant_id); END;
CREATE TRIGGER outlets_changed_in AFTER INSERT ON outlets
BEGIN INSERT INTO changes (kind, id) VALUES ('outlet', NEW.id); END;
CREATE TRIGGER outlets_changed AFTER UPDATE ON outlets
BEGIN INSERT INTO changes (kind, id) VALUES ('outlet', NEW.id); END;
CREATE TRIGGER outlet_aliases_changed_in AFTER INSERT ON outlet_aliases
BEGIN INSERT INTO changes (kind, id) VALUES ('outlet', NEW.outlet_id); END;
CREATE TRIGGER outlet_aliases_changed AFTER UPDATE ON outlet_aliases
BEGIN INSERT INTO changes (kind, id) VALUES ('outlet', NEW.outlet_id); END;

-- What the ledger already holds counts as changed once.
INSERT INTO changes (kind, id) SELECT 'claimant', id FROM claimants;
INSERT INTO changes (kind, id) SELECT 'outlet', id FROM outlets;
INSERT INTO changes (kind, id) SELECT 'claim', id FROM claims;
