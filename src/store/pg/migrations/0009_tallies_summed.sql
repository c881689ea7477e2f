-- Version 9: a statement's changes to the per-source tallies are noted once per source and
-- status it touched, with their sum, rather than once per row: a COPY of a thousand relays
-- to one outlet leaves one delta to fold at commit, not a thousand.
CREATE OR REPLACE FUNCTION claimtrail_claim_sources_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM claimtrail_tally(array(
        SELECT (kind, source_id, status, count(*))::claimtrail_delta FROM added
        GROUP BY kind, source_id, status));
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION claimtrail_claim_sources_removed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM claimtrail_tally(array(
        SELECT (kind, source_id, status, -count(*))::claimtrail_delta FROM removed
        GROUP BY kind, source_id, status));
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION claimtrail_claim_sources_moved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM claimtrail_tally(array(
        SELECT (kind, source_id, status, sum(delta))::claimtrail_delta
        FROM (SELECT kind, source_id, status, 1 AS delta FROM after
              UNION ALL
              SELECT kind, source_id, status, -1 FROM before) m
        GROUP BY kind, source_id, status
        HAVING sum(delta) <> 0));
    RETURN NULL;
END $$;
