-- Version 10: a new row's references into the ledger are checked once per statement, for
-- all the statement's rows together, instead of by a foreign key row by row. A foreign key
-- runs a query and takes a row lock for every new row: loading 100,000 claims spent about
-- a third of its time there. What these keys name is never deleted, renumbered or
-- truncated (the triggers below refuse it; claims, attributions and status events already
-- were append-only), so a reference found when its row is added stays good, and the
-- statement's distinct keys are each looked up once, by index.
CREATE FUNCTION claimtrail_references() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    missing bigint;
BEGIN
    -- TG_ARGV[0]: the column of the new rows; TG_ARGV[1]: the table whose id it names.
    -- The LIMIT 1 keeps each key an index probe, however many rows the table holds.
    EXECUTE format(
        'SELECT k FROM (SELECT DISTINCT %1$I AS k FROM added) n
         WHERE (SELECT true FROM %2$I p WHERE p.id = n.k LIMIT 1) IS NULL LIMIT 1',
        TG_ARGV[0], TG_ARGV[1]) INTO missing;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION '%.% % names no row of %', TG_TABLE_NAME, TG_ARGV[0], missing,
            TG_ARGV[1] USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

ALTER TABLE attributions DROP CONSTRAINT attributions_claim_id_fkey,
                         DROP CONSTRAINT attributions_claimant_id_fkey;
ALTER TABLE relays DROP CONSTRAINT relays_attribution_id_fkey,
                   DROP CONSTRAINT relays_outlet_id_fkey;
ALTER TABLE status_events DROP CONSTRAINT status_events_claim_id_fkey;
ALTER TABLE evidence DROP CONSTRAINT evidence_event_id_fkey;

CREATE TRIGGER attributions_claim_exists AFTER INSERT ON attributions
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_references('claim_id', 'claims');
CREATE TRIGGER attributions_claimant_exists AFTER INSERT ON attributions
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_references('claimant_id', 'claimants');
CREATE TRIGGER relays_attribution_exists AFTER INSERT ON relays
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_references('attribution_id', 'attributions');
CREATE TRIGGER relays_outlet_exists AFTER INSERT ON relays
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_references('outlet_id', 'outlets');
CREATE TRIGGER status_events_claim_exists AFTER INSERT ON status_events
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_references('claim_id', 'claims');
CREATE TRIGGER evidence_event_exists AFTER INSERT ON evidence
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_references('event_id', 'status_events');

-- What those references name stays where it is.
CREATE TRIGGER claimants_never_deleted BEFORE DELETE ON claimants
    FOR EACH ROW EXECUTE FUNCTION claimtrail_refuse('claimants are never deleted; merge them instead');
CREATE TRIGGER outlets_never_deleted BEFORE DELETE ON outlets
    FOR EACH ROW EXECUTE FUNCTION claimtrail_refuse('outlets are never deleted; merge them instead');
CREATE TRIGGER claimants_id_fixed BEFORE UPDATE ON claimants
    FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id)
    EXECUTE FUNCTION claimtrail_refuse('a claimant''s id is fixed once recorded');
CREATE TRIGGER outlets_id_fixed BEFORE UPDATE ON outlets
    FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id)
    EXECUTE FUNCTION claimtrail_refuse('an outlet''s id is fixed once recorded');
CREATE TRIGGER claims_never_truncated BEFORE TRUNCATE ON claims
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_refuse('the ledger is never truncated');
CREATE TRIGGER claimants_never_truncated BEFORE TRUNCATE ON claimants
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_refuse('the ledger is never truncated');
CREATE TRIGGER outlets_never_truncated BEFORE TRUNCATE ON outlets
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_refuse('the ledger is never truncated');
CREATE TRIGGER attributions_never_truncated BEFORE TRUNCATE ON attributions
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_refuse('the ledger is never truncated');
CREATE TRIGGER status_events_never_truncated BEFORE TRUNCATE ON status_events
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_refuse('the ledger is never truncated');
