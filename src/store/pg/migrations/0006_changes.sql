-- Version 6: sync by change. Every write notes, with its transaction's id, which claim,
-- claimant or outlet it touched. Transactions commit out of order, so "after the highest id
-- I saw" could skip one committed late; a reader's mark is instead the snapshot it read in
-- (pg_current_snapshot), and what changed since is exactly what that snapshot could not see
-- (pg_visible_in_snapshot): nothing skipped, nothing read twice. The notes are written by
-- statement triggers from what each statement changed.
CREATE TABLE changes (
    xid           xid8 NOT NULL DEFAULT pg_current_xact_id(),
    kind          text NOT NULL CHECK (kind IN ('claim', 'claimant', 'outlet')),
    id            bigint NOT NULL
);
CREATE INDEX changes_xid ON changes (xid);

CREATE FUNCTION claimtrail_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    -- TG_ARGV: the kind noted, and the column of the changed rows that names it
    EXECUTE format('INSERT INTO changes (kind, id) SELECT DISTINCT %L, %I FROM changed',
                   TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END $$;

-- A claim's row changes only as its history and corrections grow, which are noted.
CREATE TRIGGER claims_changed AFTER INSERT ON claims REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('claim', 'id');
CREATE TRIGGER attributions_changed AFTER INSERT ON attributions REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('claim', 'claim_id');
CREATE TRIGGER status_events_changed AFTER INSERT ON status_events REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('claim', 'claim_id');
CREATE TRIGGER claim_edits_changed AFTER INSERT ON claim_edits REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('claim', 'claim_id');
CREATE FUNCTION claimtrail_graded_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    INSERT INTO changes (kind, id)
    SELECT DISTINCT 'claim', a.claim_id FROM changed g JOIN attributions a ON a.id = g.attribution_id;
    RETURN NULL;
END $$;
CREATE TRIGGER credibility_grades_changed AFTER INSERT ON credibility_grades
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_graded_changed();

CREATE TRIGGER claimants_changed_in AFTER INSERT ON claimants REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('claimant', 'id');
CREATE TRIGGER claimants_changed AFTER UPDATE ON claimants REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('claimant', 'id');
CREATE TRIGGER claimant_aliases_changed_in AFTER INSERT ON claimant_aliases
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('claimant', 'claimant_id');
CREATE TRIGGER claimant_aliases_changed AFTER UPDATE ON claimant_aliases
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('claimant', 'claimant_id');
CREATE TRIGGER reliability_grades_changed AFTER INSERT ON reliability_grades
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('claimant', 'claimant_id');
CREATE TRIGGER outlets_changed_in AFTER INSERT ON outlets REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('outlet', 'id');
CREATE TRIGGER outlets_changed AFTER UPDATE ON outlets REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('outlet', 'id');
CREATE TRIGGER outlet_aliases_changed_in AFTER INSERT ON outlet_aliases
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('outlet', 'outlet_id');
CREATE TRIGGER outlet_aliases_changed AFTER UPDATE ON outlet_aliases
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_changed('outlet', 'outlet_id');

-- What a ledger already holds counts as changed once, by the transaction that upgrades it.
INSERT INTO changes (kind, id) SELECT 'claim', id FROM claims;
INSERT INTO changes (kind, id) SELECT 'claimant', id FROM claimants;
INSERT INTO changes (kind, id) SELECT 'outlet', id FROM outlets;

GRANT SELECT ON changes TO claimtrail_reporter;
