-- Version 4: the per-source report without grouping the ledger, as a ledger file keeps it.
-- The server keeps which claims each surviving claimant and outlet carries (claim_sources,
-- the file's table) and, per source, how many stand at each status (source_tallies). Both
-- are written by statement triggers from what changed, set-based, so a bulk load pays once
-- per statement; `claimtrail check` recounts them. A statement only notes its changes to
-- the tallies (source_deltas); they are folded in once, as its transaction commits. A
-- tally moves by increments under its row lock, never by recounting, so concurrent
-- writers cannot lose one another's counts; rows are locked in (kind, source_id) order, so
-- they cannot deadlock over them either; and a row updated once per transaction, rather
-- than once per statement, does not grow a chain of versions a long import must walk.

CREATE TABLE claim_sources (
    kind          text NOT NULL CHECK (kind IN ('claimant', 'outlet')),
    source_id     bigint NOT NULL,
    claim_id      bigint NOT NULL REFERENCES claims (id),
    status        text NOT NULL,
    logged_at     timestamptz NOT NULL,
    PRIMARY KEY (kind, source_id, claim_id)
);
CREATE INDEX claim_sources_claim ON claim_sources (claim_id);
CREATE INDEX claim_sources_oldest ON claim_sources (kind, source_id, status, logged_at);

CREATE TABLE source_tallies (
    kind            text NOT NULL,
    source_id       bigint NOT NULL,
    n_unverified    bigint NOT NULL DEFAULT 0,
    n_corroborated  bigint NOT NULL DEFAULT 0,
    n_verified      bigint NOT NULL DEFAULT 0,
    n_disputed      bigint NOT NULL DEFAULT 0,
    n_false         bigint NOT NULL DEFAULT 0,
    n_retracted     bigint NOT NULL DEFAULT 0,
    -- when the oldest of its open claims was logged; NULL when none is open
    oldest_open     timestamptz,
    PRIMARY KEY (kind, source_id)
);

-- What the report reads, by the name a ledger file gives it.
CREATE VIEW source_totals AS
SELECT kind, source_id, n_unverified, n_corroborated, n_verified, n_disputed, n_false,
       n_retracted, oldest_open
FROM source_tallies;

-- Adds the signed rows of `changed` to the tallies, then finds again when the oldest open
-- claim of each source it touched was logged (three probes of claim_sources_oldest), in a
-- statement of its own: the rows are locked by then, so it sees every transaction that
-- committed changes to them before.
CREATE TYPE claimtrail_delta AS (kind text, source_id bigint, status text, delta bigint);
CREATE FUNCTION claimtrail_apply(changed claimtrail_delta[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    WITH d AS (
        SELECT c.kind, c.source_id,
               sum(c.delta) FILTER (WHERE c.status = 'unverified') AS u,
               sum(c.delta) FILTER (WHERE c.status = 'corroborated') AS co,
               sum(c.delta) FILTER (WHERE c.status = 'verified') AS v,
               sum(c.delta) FILTER (WHERE c.status = 'disputed') AS di,
               sum(c.delta) FILTER (WHERE c.status = 'false') AS f,
               sum(c.delta) FILTER (WHERE c.status = 'retracted') AS r
        FROM unnest(changed) AS c
        GROUP BY c.kind, c.source_id
        ORDER BY c.kind, c.source_id)
    INSERT INTO source_tallies AS t (kind, source_id, n_unverified, n_corroborated,
                                     n_verified, n_disputed, n_false, n_retracted)
    SELECT kind, source_id, coalesce(u, 0), coalesce(co, 0), coalesce(v, 0),
           coalesce(di, 0), coalesce(f, 0), coalesce(r, 0)
    FROM d
    ON CONFLICT (kind, source_id) DO UPDATE SET
        n_unverified = t.n_unverified + excluded.n_unverified,
        n_corroborated = t.n_corroborated + excluded.n_corroborated,
        n_verified = t.n_verified + excluded.n_verified,
        n_disputed = t.n_disputed + excluded.n_disputed,
        n_false = t.n_false + excluded.n_false,
        n_retracted = t.n_retracted + excluded.n_retracted;
    UPDATE source_tallies t SET oldest_open = least(
        (SELECT min(cs.logged_at) FROM claim_sources cs WHERE cs.kind = t.kind
           AND cs.source_id = t.source_id AND cs.status = 'unverified'),
        (SELECT min(cs.logged_at) FROM claim_sources cs WHERE cs.kind = t.kind
           AND cs.source_id = t.source_id AND cs.status = 'corroborated'),
        (SELECT min(cs.logged_at) FROM claim_sources cs WHERE cs.kind = t.kind
           AND cs.source_id = t.source_id AND cs.status = 'disputed'))
    FROM (SELECT DISTINCT kind, source_id FROM unnest(changed)) AS c
    WHERE t.kind = c.kind AND t.source_id = c.source_id;
    DELETE FROM source_tallies t
    USING unnest(changed) AS c
    WHERE t.kind = c.kind AND t.source_id = c.source_id
      AND t.n_unverified = 0 AND t.n_corroborated = 0 AND t.n_verified = 0
      AND t.n_disputed = 0 AND t.n_false = 0 AND t.n_retracted = 0;
$$;

-- The changes a transaction makes to the tallies, until it commits.
CREATE TABLE source_deltas (
    xid           xid8 NOT NULL DEFAULT pg_current_xact_id(),
    kind          text NOT NULL,
    source_id     bigint NOT NULL,
    status        text NOT NULL,
    delta         bigint NOT NULL
);
CREATE INDEX source_deltas_xid ON source_deltas (xid);

CREATE FUNCTION claimtrail_tally(changed claimtrail_delta[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    INSERT INTO source_deltas (kind, source_id, status, delta)
    SELECT kind, source_id, status, delta FROM unnest(changed);
$$;

-- True for the first delta of a transaction only, so that one fold is queued for its
-- commit, however many statements it runs.
CREATE FUNCTION claimtrail_first_delta() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('claimtrail.fold_queued', true) = pg_current_xact_id()::text THEN
        RETURN false;
    END IF;
    PERFORM set_config('claimtrail.fold_queued', pg_current_xact_id()::text, true);
    RETURN true;
END $$;

CREATE FUNCTION claimtrail_fold() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    taken claimtrail_delta[];
BEGIN
    WITH gone AS (
        DELETE FROM source_deltas WHERE xid = pg_current_xact_id()
        RETURNING kind, source_id, status, delta)
    SELECT array_agg((kind, source_id, status, delta)::claimtrail_delta) INTO taken FROM gone;
    IF taken IS NOT NULL THEN
        PERFORM claimtrail_apply(taken);
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER source_deltas_fold AFTER INSERT ON source_deltas
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (claimtrail_first_delta())
    EXECUTE FUNCTION claimtrail_fold();

CREATE FUNCTION claimtrail_claim_sources_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM claimtrail_tally(array(
        SELECT (kind, source_id, status, 1)::claimtrail_delta FROM added));
    RETURN NULL;
END $$;
CREATE FUNCTION claimtrail_claim_sources_removed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM claimtrail_tally(array(
        SELECT (kind, source_id, status, -1)::claimtrail_delta FROM removed));
    RETURN NULL;
END $$;
CREATE FUNCTION claimtrail_claim_sources_moved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM claimtrail_tally(array(
        SELECT (kind, source_id, status, 1)::claimtrail_delta FROM after
        UNION ALL
        SELECT (kind, source_id, status, -1)::claimtrail_delta FROM before));
    RETURN NULL;
END $$;
CREATE TRIGGER claim_sources_added AFTER INSERT ON claim_sources
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_claim_sources_added();
CREATE TRIGGER claim_sources_removed AFTER DELETE ON claim_sources
    REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_claim_sources_removed();
CREATE TRIGGER claim_sources_moved AFTER UPDATE ON claim_sources
    REFERENCING OLD TABLE AS before NEW TABLE AS after
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_claim_sources_moved();

-- claim_sources follows the attributions, relays and claims' statuses.
CREATE FUNCTION claimtrail_attributions_sources() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
    SELECT DISTINCT 'claimant', coalesce(s.merged_into, s.id), c.id, c.status, c.logged_at
    FROM added a JOIN claimants s ON s.id = a.claimant_id JOIN claims c ON c.id = a.claim_id
    ORDER BY 2, 3
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE FUNCTION claimtrail_relays_sources() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
    SELECT DISTINCT 'outlet', coalesce(o.merged_into, o.id), c.id, c.status, c.logged_at
    FROM added r JOIN outlets o ON o.id = r.outlet_id
    JOIN attributions a ON a.id = r.attribution_id JOIN claims c ON c.id = a.claim_id
    ORDER BY 2, 3
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE FUNCTION claimtrail_claims_sources() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    UPDATE claim_sources cs SET status = n.status
    FROM after n JOIN before o ON o.id = n.id
    WHERE cs.claim_id = n.id AND n.status IS DISTINCT FROM o.status;
    RETURN NULL;
END $$;
CREATE TRIGGER attributions_sources AFTER INSERT ON attributions
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_attributions_sources();
CREATE TRIGGER relays_sources AFTER INSERT ON relays
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_relays_sources();
CREATE TRIGGER claims_sources AFTER UPDATE ON claims
    REFERENCING OLD TABLE AS before NEW TABLE AS after
    FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_claims_sources();

-- What the ledger already holds.
INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
SELECT DISTINCT 'claimant', coalesce(s.merged_into, s.id), c.id, c.status, c.logged_at
FROM attributions a JOIN claimants s ON s.id = a.claimant_id JOIN claims c ON c.id = a.claim_id
UNION
SELECT DISTINCT 'outlet', coalesce(o.merged_into, o.id), c.id, c.status, c.logged_at
FROM relays r JOIN attributions a ON a.id = r.attribution_id
JOIN outlets o ON o.id = r.outlet_id JOIN claims c ON c.id = a.claim_id;

GRANT SELECT ON claim_sources, source_tallies, source_totals TO claimtrail_reporter;
-- A merge moves the claims one source carried to the one it joins.
GRANT INSERT, DELETE ON claim_sources TO claimtrail_editor;

-- Per source and status, as a ledger file keeps them: what a listing by source weighs.
CREATE VIEW source_counts AS
SELECT t.kind, t.source_id, s.status, s.claims
FROM source_tallies t
CROSS JOIN LATERAL (VALUES ('unverified', t.n_unverified), ('corroborated', t.n_corroborated),
    ('verified', t.n_verified), ('disputed', t.n_disputed), ('false', t.n_false),
    ('retracted', t.n_retracted)) AS s (status, claims)
WHERE s.claims > 0;
GRANT SELECT ON source_counts TO claimtrail_reporter;
