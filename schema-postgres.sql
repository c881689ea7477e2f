-- claimtrail desk ledger: the server schema, version 1, applied by `claimtrail desk init`.
-- Never edited once released: later versions are the migrations in src/store/pg/migrations.
-- The same ledger as schema.sql and its migrations, held to the same rules by the server:
-- history is append-only, a claim's status follows its latest event, every vocabulary is
-- CHECKed, and who logged what is the connection's own role (session_user), never a value a
-- client supplies. A reporter role cannot read a confidential claimant's name, whatever it
-- queries.

CREATE TABLE claimtrail_schema (version integer NOT NULL);
INSERT INTO claimtrail_schema (version) VALUES (1);

CREATE TABLE claimants (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL CHECK (length(btrim(name)) > 0),
    name_key      text NOT NULL,
    role          text,
    affiliation   text,
    kind          text NOT NULL DEFAULT 'person'
                  CHECK (kind IN ('person', 'organization', 'official', 'anonymous')),
    confidential  boolean NOT NULL DEFAULT false,
    merged_into   bigint REFERENCES claimants (id)
);
CREATE INDEX claimants_name_key ON claimants (name_key);
CREATE UNIQUE INDEX claimants_survivor_name ON claimants (name_key) WHERE merged_into IS NULL;

CREATE TABLE claimant_aliases (
    claimant_id   bigint NOT NULL REFERENCES claimants (id),
    alias         text NOT NULL CHECK (length(btrim(alias)) > 0),
    alias_key     text NOT NULL UNIQUE
);

CREATE TABLE outlets (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL CHECK (length(btrim(name)) > 0),
    name_key      text NOT NULL,
    kind          text NOT NULL DEFAULT 'other'
                  CHECK (kind IN ('wire', 'broadcaster', 'newspaper', 'monitor', 'online', 'other')),
    merged_into   bigint REFERENCES outlets (id)
);
CREATE INDEX outlets_name_key ON outlets (name_key);
CREATE UNIQUE INDEX outlets_survivor_name ON outlets (name_key) WHERE merged_into IS NULL;

CREATE TABLE outlet_aliases (
    outlet_id     bigint NOT NULL REFERENCES outlets (id),
    alias         text NOT NULL CHECK (length(btrim(alias)) > 0),
    alias_key     text NOT NULL UNIQUE
);

CREATE TABLE claims (
    id            bigserial PRIMARY KEY,
    uid           uuid NOT NULL UNIQUE,
    text          text NOT NULL CHECK (length(btrim(text)) > 0),
    story         text CHECK (story IS NULL OR length(btrim(story)) > 0),
    made_at       timestamptz,
    logged_at     timestamptz NOT NULL DEFAULT now(),
    logged_by     text NOT NULL DEFAULT session_user,
    status        text NOT NULL DEFAULT 'unverified'
                  CHECK (status IN ('unverified', 'corroborated', 'verified', 'disputed', 'false', 'retracted'))
);
CREATE INDEX claims_status_logged ON claims (status, logged_at);
CREATE INDEX claims_story ON claims (lower(story));

CREATE TABLE attributions (
    id            bigserial PRIMARY KEY,
    claim_id      bigint NOT NULL REFERENCES claims (id),
    claimant_id   bigint NOT NULL REFERENCES claimants (id),
    medium        text,
    made_at       timestamptz,
    url           text,
    logged_at     timestamptz NOT NULL DEFAULT now(),
    logged_by     text NOT NULL DEFAULT session_user
);
CREATE INDEX attributions_claim ON attributions (claim_id);
CREATE INDEX attributions_claimant ON attributions (claimant_id, claim_id);

CREATE TABLE relays (
    attribution_id bigint NOT NULL REFERENCES attributions (id),
    position       integer NOT NULL CHECK (position >= 0),
    outlet_id      bigint NOT NULL REFERENCES outlets (id),
    PRIMARY KEY (attribution_id, position)
);
CREATE INDEX relays_outlet ON relays (outlet_id, attribution_id);

CREATE TABLE status_events (
    id            bigserial PRIMARY KEY,
    claim_id      bigint NOT NULL REFERENCES claims (id),
    status        text NOT NULL
                  CHECK (status IN ('unverified', 'corroborated', 'verified', 'disputed', 'false', 'retracted')),
    at            timestamptz NOT NULL DEFAULT now(),
    by            text NOT NULL DEFAULT session_user,
    note          text
);
CREATE INDEX status_events_claim ON status_events (claim_id, at, id);

CREATE TABLE evidence (
    event_id      bigint NOT NULL REFERENCES status_events (id),
    position      integer NOT NULL CHECK (position >= 0),
    url           text NOT NULL CHECK (length(btrim(url)) > 0),
    PRIMARY KEY (event_id, position)
);

CREATE TABLE claim_edits (
    id            bigserial PRIMARY KEY,
    claim_id      bigint NOT NULL REFERENCES claims (id),
    field         text NOT NULL CHECK (field IN ('text', 'story', 'made_at')),
    old_value     text,
    new_value     text,
    at            timestamptz NOT NULL DEFAULT now(),
    by            text NOT NULL DEFAULT session_user,
    note          text
);

-- Who did it is the connection's role, whatever the client sent.
CREATE FUNCTION claimtrail_stamp_logged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.logged_by := session_user;
    RETURN NEW;
END $$;
CREATE FUNCTION claimtrail_stamp_by() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.by := session_user;
    RETURN NEW;
END $$;
CREATE TRIGGER claims_logged_by BEFORE INSERT ON claims
    FOR EACH ROW EXECUTE FUNCTION claimtrail_stamp_logged();
CREATE TRIGGER attributions_logged_by BEFORE INSERT ON attributions
    FOR EACH ROW EXECUTE FUNCTION claimtrail_stamp_logged();
CREATE TRIGGER status_events_by BEFORE INSERT ON status_events
    FOR EACH ROW EXECUTE FUNCTION claimtrail_stamp_by();
CREATE TRIGGER claim_edits_by BEFORE INSERT ON claim_edits
    FOR EACH ROW EXECUTE FUNCTION claimtrail_stamp_by();

-- The history is append-only, and the server says so.
CREATE FUNCTION claimtrail_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER status_events_append_only BEFORE UPDATE OR DELETE ON status_events
    FOR EACH ROW EXECUTE FUNCTION claimtrail_refuse('status history is append-only');
CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON evidence
    FOR EACH ROW EXECUTE FUNCTION claimtrail_refuse('status history is append-only');
CREATE TRIGGER attributions_append_only BEFORE UPDATE OR DELETE ON attributions
    FOR EACH ROW EXECUTE FUNCTION claimtrail_refuse('attributions are append-only');
CREATE TRIGGER relays_append_only BEFORE UPDATE OR DELETE ON relays
    FOR EACH ROW EXECUTE FUNCTION claimtrail_refuse('relay chains are append-only');
CREATE TRIGGER claim_edits_append_only BEFORE UPDATE OR DELETE ON claim_edits
    FOR EACH ROW EXECUTE FUNCTION claimtrail_refuse('corrections are append-only');
CREATE TRIGGER claims_never_deleted BEFORE DELETE ON claims
    FOR EACH ROW EXECUTE FUNCTION claimtrail_refuse('claims are never deleted; mark them retracted instead');

-- The current status is the latest event (by time, then by order of logging), and nothing
-- else moves it; what identifies a claim never changes.
CREATE FUNCTION claimtrail_latest_status(claim bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT status FROM status_events WHERE claim_id = claim ORDER BY at DESC, id DESC LIMIT 1
$$;
CREATE FUNCTION claimtrail_follow_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claims SET status = claimtrail_latest_status(NEW.claim_id) WHERE id = NEW.claim_id;
    RETURN NULL;
END $$;
CREATE TRIGGER status_events_current AFTER INSERT ON status_events
    FOR EACH ROW EXECUTE FUNCTION claimtrail_follow_history();
CREATE FUNCTION claimtrail_guard_claim() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status
       AND NEW.status IS DISTINCT FROM claimtrail_latest_status(NEW.id) THEN
        RAISE EXCEPTION 'a claim''s status changes only by a new status event'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.uid IS DISTINCT FROM OLD.uid
       OR NEW.logged_at IS DISTINCT FROM OLD.logged_at
       OR NEW.logged_by IS DISTINCT FROM OLD.logged_by THEN
        RAISE EXCEPTION 'a claim''s id, uid and logging are fixed once recorded'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER claims_guard BEFORE UPDATE ON claims
    FOR EACH ROW EXECUTE FUNCTION claimtrail_guard_claim();

-- A new desk ledger already knows the major wires, broadcasters and monitors.
INSERT INTO outlets (name, name_key, kind) VALUES
    ('Associated Press', 'associated press', 'wire'),
    ('Reuters', 'reuters', 'wire'),
    ('Agence France-Presse', 'agence france-presse', 'wire'),
    ('SITE Intelligence Group', 'site intelligence group', 'monitor'),
    ('BBC Monitoring', 'bbc monitoring', 'monitor'),
    ('NBC News', 'nbc news', 'broadcaster'),
    ('France Inter', 'france inter', 'broadcaster');
INSERT INTO outlet_aliases (outlet_id, alias, alias_key)
SELECT id, a.alias, lower(a.alias) FROM outlets o JOIN (VALUES
    ('associated press', 'AP'), ('associated press', 'The Associated Press'),
    ('agence france-presse', 'AFP'), ('site intelligence group', 'SITE'),
    ('nbc news', 'NBC')) AS a (key, alias) ON a.key = o.name_key;

-- Who may do what. Reporters read, add, cite and mark; editors also correct, merge and
-- edit sources, and see confidential claimants.
-- Roles belong to the whole server, and several ledgers may be set up on it at once.
DO $$
BEGIN
    CREATE ROLE claimtrail_reporter NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$
BEGIN
    CREATE ROLE claimtrail_editor NOLOGIN IN ROLE claimtrail_reporter;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

GRANT SELECT ON claimtrail_schema, claim_edits, outlets, outlet_aliases TO claimtrail_reporter;
GRANT SELECT, INSERT ON claims, attributions, relays, status_events, evidence TO claimtrail_reporter;
GRANT INSERT ON claimants, claimant_aliases, outlets, outlet_aliases TO claimtrail_reporter;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO claimtrail_reporter;
GRANT UPDATE (text, story, made_at, status) ON claims TO claimtrail_editor;
GRANT UPDATE ON claimants, outlets TO claimtrail_editor;
GRANT INSERT ON claim_edits TO claimtrail_editor;
GRANT SELECT, DELETE ON claimant_aliases, outlet_aliases TO claimtrail_editor;
-- A reporter adding an attribution moves a claim's status through the history trigger.
GRANT UPDATE (status) ON claims TO claimtrail_reporter;

-- Confidential claimants: rows a reporter cannot read at all; what it reads instead is
-- the view, which names them by placeholder. An editor reads both.
ALTER TABLE claimants ENABLE ROW LEVEL SECURITY;
CREATE POLICY claimants_reporters_see_the_named ON claimants FOR SELECT TO claimtrail_reporter
    USING (NOT confidential OR pg_has_role(session_user, 'claimtrail_editor', 'MEMBER'));
CREATE POLICY claimants_reporters_add ON claimants FOR INSERT TO claimtrail_reporter
    WITH CHECK (true);
CREATE POLICY claimants_editors_edit ON claimants FOR UPDATE TO claimtrail_editor
    USING (true);
GRANT SELECT ON claimants TO claimtrail_reporter;

CREATE VIEW claimants_visible AS
SELECT id,
       CASE WHEN confidential AND NOT pg_has_role(session_user, 'claimtrail_editor', 'MEMBER')
            THEN 'confidential source #' || id ELSE name END AS name,
       CASE WHEN confidential AND NOT pg_has_role(session_user, 'claimtrail_editor', 'MEMBER')
            THEN NULL ELSE role END AS role,
       CASE WHEN confidential AND NOT pg_has_role(session_user, 'claimtrail_editor', 'MEMBER')
            THEN NULL ELSE affiliation END AS affiliation,
       kind, confidential, merged_into
FROM claimants;
GRANT SELECT ON claimants_visible TO claimtrail_reporter;
