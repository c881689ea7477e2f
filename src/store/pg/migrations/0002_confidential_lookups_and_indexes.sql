-- Server schema 2: what the everyday commands need to run on a desk.

-- Reporters read aliases, but a confidential claimant's aliases would name it: they are
-- hidden with it. Editors move aliases when they merge.
GRANT SELECT ON claimant_aliases TO claimtrail_reporter;
GRANT UPDATE ON claimant_aliases, outlet_aliases TO claimtrail_editor;
ALTER TABLE claimant_aliases ENABLE ROW LEVEL SECURITY;
CREATE POLICY claimant_aliases_follow_their_claimant ON claimant_aliases FOR SELECT
    TO claimtrail_reporter
    USING (EXISTS (SELECT 1 FROM claimants c WHERE c.id = claimant_id));
CREATE POLICY claimant_aliases_reporters_add ON claimant_aliases FOR INSERT
    TO claimtrail_reporter WITH CHECK (true);
CREATE POLICY claimant_aliases_editors_remove ON claimant_aliases FOR DELETE
    TO claimtrail_editor USING (true);
CREATE POLICY claimant_aliases_editors_move ON claimant_aliases FOR UPDATE
    TO claimtrail_editor USING (true);

-- Logging a claim fills in what the ledger did not know of its claimant, and may make it
-- confidential; nothing else a reporter does changes a claimant.
CREATE FUNCTION claimtrail_fill_in(claimant bigint, new_role text, new_affiliation text,
                                   make_confidential boolean) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    UPDATE claimants SET role = coalesce(role, new_role),
                         affiliation = coalesce(affiliation, new_affiliation),
                         confidential = confidential OR make_confidential
    WHERE id = claimant
$$;

-- Whoever already knows a name may log claims to it, confidential or not: this gives the
-- row a name or alias stands for, and nothing about it.
CREATE FUNCTION claimtrail_claimant_named(key text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT coalesce(c.merged_into, c.id) FROM claimants c WHERE c.name_key = key
    UNION ALL
    SELECT coalesce(c.merged_into, c.id) FROM claimant_aliases a
    JOIN claimants c ON c.id = a.claimant_id WHERE a.alias_key = key
    LIMIT 1
$$;

-- The view sorts by name as the local ledger does, without a hidden name to sort by.
DROP VIEW claimants_visible;
CREATE VIEW claimants_visible AS
SELECT id,
       CASE WHEN confidential AND NOT pg_has_role(session_user, 'claimtrail_editor', 'MEMBER')
            THEN 'confidential source #' || id ELSE name END AS name,
       CASE WHEN confidential AND NOT pg_has_role(session_user, 'claimtrail_editor', 'MEMBER')
            THEN 'confidential source #' || id ELSE name_key END AS name_key,
       CASE WHEN confidential AND NOT pg_has_role(session_user, 'claimtrail_editor', 'MEMBER')
            THEN NULL ELSE role END AS role,
       CASE WHEN confidential AND NOT pg_has_role(session_user, 'claimtrail_editor', 'MEMBER')
            THEN NULL ELSE affiliation END AS affiliation,
       kind, confidential, merged_into
FROM claimants;
GRANT SELECT ON claimants_visible TO claimtrail_reporter;

-- The open list in age order, the words of a claim for search and for spotting the same
-- claim twice, and a claim's corrections.
CREATE INDEX claims_open_by_age ON claims (logged_at, id)
    WHERE status IN ('unverified', 'corroborated', 'disputed');
CREATE INDEX claims_words ON claims USING gin (to_tsvector('simple', text));
CREATE INDEX claim_edits_claim ON claim_edits (claim_id, at, id);
