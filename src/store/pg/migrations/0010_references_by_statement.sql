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

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM (VALUES
        ('attributions', 'claim', 'claim_id', 'claims'),
        ('attributions', 'claimant', 'claimant_id', 'claimants'),
        ('relays', 'attribution', 'attribution_id', 'attributions'),
        ('relays', 'outlet', 'outlet_id', 'outlets'),
        ('status_events', 'claim', 'claim_id', 'claims'),
        ('evidence', 'event', 'event_id', 'status_events')) AS t (child, what, col, parent)
    LOOP
        EXECUTE format('CREATE TRIGGER %s_%s_exists AFTER INSERT ON %I
                        REFERENCING NEW TABLE AS added FOR EACH STATEMENT
                        EXECUTE FUNCTION claimtrail_references(%L, %L)',
                       r.child, r.what, r.child, r.col, r.parent);
    END LOOP;
END $$;

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
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['claims', 'claimants', 'outlets', 'attributions', 'status_events']
    LOOP
        EXECUTE format('CREATE TRIGGER %s_never_truncated BEFORE TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_refuse(%L)',
                       t, t, 'the ledger is never truncated');
    END LOOP;
END $$;
