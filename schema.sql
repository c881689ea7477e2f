-- claimtrail schema, version 1.
-- Times are RFC 3339 UTC with second precision and a Z suffix (2014-06-12T09:30:00Z),
-- so text order is time order; the CHECKs refuse any other form and impossible dates. Name keys are the names lowercased with spaces folded,
-- computed by claimtrail so that matching is case-insensitive for every script.

PRAGMA application_id = 1131107442; -- 'CtTr': marks the file as a claimtrail ledger

CREATE TABLE claimants (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key      TEXT NOT NULL,
    role          TEXT,
    affiliation   TEXT,
    kind          TEXT NOT NULL DEFAULT 'person'
                  CHECK (kind IN ('person', 'organization', 'official', 'anonymous')),
    confidential  INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    -- a merged duplicate keeps its row (attributions still point at it) and names its survivor
    merged_into   INTEGER REFERENCES claimants(id)
);

-- Names are unique among survivors; a merged duplicate's name only leads to its survivor.
CREATE INDEX claimants_name_key ON claimants (name_key);
CREATE UNIQUE INDEX claimants_survivor_name ON claimants (name_key) WHERE merged_into IS NULL;

CREATE TABLE claimant_aliases (
    claimant_id   INTEGER NOT NULL REFERENCES claimants(id),
    alias         TEXT NOT NULL CHECK (length(trim(alias)) > 0),
    alias_key     TEXT NOT NULL UNIQUE
);

CREATE TABLE outlets (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key      TEXT NOT NULL,
    kind          TEXT NOT NULL DEFAULT 'other'
                  CHECK (kind IN ('wire', 'broadcaster', 'newspaper', 'monitor', 'online', 'other')),
    merged_into   INTEGER REFERENCES outlets(id)
);

CREATE INDEX outlets_name_key ON outlets (name_key);
CREATE UNIQUE INDEX outlets_survivor_name ON outlets (name_key) WHERE merged_into IS NULL;

CREATE TABLE outlet_aliases (
    outlet_id     INTEGER NOT NULL REFERENCES outlets(id),
    alias         TEXT NOT NULL CHECK (length(trim(alias)) > 0),
    alias_key     TEXT NOT NULL UNIQUE
);

CREATE TABLE claims (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE CHECK (length(uid) = 36),
    text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
    story         TEXT CHECK (story IS NULL OR length(trim(story)) > 0),
    made_at       TEXT CHECK (made_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%SZ', made_at) IS made_at),
    logged_at     TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', logged_at) IS logged_at),
    logged_by     TEXT NOT NULL CHECK (length(trim(logged_by)) > 0),
    -- kept equal to the latest status event by the trigger below, never written directly
    status        TEXT NOT NULL DEFAULT 'unverified'
                  CHECK (status IN ('unverified', 'corroborated', 'verified', 'disputed', 'false', 'retracted'))
);

CREATE INDEX claims_status_logged ON claims (status, logged_at);
CREATE INDEX claims_story ON claims (story);

CREATE TABLE attributions (
    id            INTEGER PRIMARY KEY,
    claim_id      INTEGER NOT NULL REFERENCES claims(id),
    claimant_id   INTEGER NOT NULL REFERENCES claimants(id),
    medium        TEXT,
    made_at       TEXT CHECK (made_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%SZ', made_at) IS made_at),
    url           TEXT,
    logged_at     TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', logged_at) IS logged_at),
    logged_by     TEXT NOT NULL CHECK (length(trim(logged_by)) > 0)
);

CREATE INDEX attributions_claim ON attributions (claim_id);
CREATE INDEX attributions_claimant ON attributions (claimant_id, claim_id);

-- the relay chain of an attribution, nearest to the claimant first (position 0)
CREATE TABLE relays (
    attribution_id INTEGER NOT NULL REFERENCES attributions(id),
    position       INTEGER NOT NULL CHECK (position >= 0),
    outlet_id      INTEGER NOT NULL REFERENCES outlets(id),
    PRIMARY KEY (attribution_id, position)
) WITHOUT ROWID;

CREATE INDEX relays_outlet ON relays (outlet_id, attribution_id);

CREATE TABLE status_events (
    id            INTEGER PRIMARY KEY,
    claim_id      INTEGER NOT NULL REFERENCES claims(id),
    status        TEXT NOT NULL
                  CHECK (status IN ('unverified', 'corroborated', 'verified', 'disputed', 'false', 'retracted')),
    at            TEXT NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at) IS at),
    by            TEXT NOT NULL CHECK (length(trim(by)) > 0),
    note          TEXT
);

CREATE INDEX status_events_claim ON status_events (claim_id, at, id);

CREATE TABLE evidence (
    event_id      INTEGER NOT NULL REFERENCES status_events(id),
    position      INTEGER NOT NULL CHECK (position >= 0),
    url           TEXT NOT NULL CHECK (length(trim(url)) > 0),
    PRIMARY KEY (event_id, position)
) WITHOUT ROWID;

-- The history is append-only, and the database itself says so.
CREATE TRIGGER status_events_no_update BEFORE UPDATE ON status_events
BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
CREATE TRIGGER status_events_no_delete BEFORE DELETE ON status_events
BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
CREATE TRIGGER attributions_no_update BEFORE UPDATE ON attributions
BEGIN SELECT RAISE(ABORT, 'attributions are append-only'); END;
CREATE TRIGGER attributions_no_delete BEFORE DELETE ON attributions
BEGIN SELECT RAISE(ABORT, 'attributions are append-only'); END;
CREATE TRIGGER relays_no_update BEFORE UPDATE ON relays
BEGIN SELECT RAISE(ABORT, 'relay chains are append-only'); END;
CREATE TRIGGER relays_no_delete BEFORE DELETE ON relays
BEGIN SELECT RAISE(ABORT, 'relay chains are append-only'); END;
CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims
BEGIN SELECT RAISE(ABORT, 'claims are never deleted; mark them retracted instead'); END;

-- The current status is the latest event (by time, then by order of logging).
CREATE TRIGGER status_events_current AFTER INSERT ON status_events
BEGIN
    UPDATE claims SET status = (
        SELECT status FROM status_events
        WHERE claim_id = NEW.claim_id
        ORDER BY at DESC, id DESC LIMIT 1
    ) WHERE id = NEW.claim_id;
END;

-- Nothing but a status event moves a claim's status, and what identifies a claim never changes.
CREATE TRIGGER claims_status_follows_history BEFORE UPDATE OF status ON claims
WHEN NEW.status IS NOT OLD.status AND NEW.status IS NOT (
    SELECT status FROM status_events WHERE claim_id = NEW.id ORDER BY at DESC, id DESC LIMIT 1
)
BEGIN SELECT RAISE(ABORT, 'a claim''s status changes only by a new status event'); END;
CREATE TRIGGER claims_identity_fixed BEFORE UPDATE OF id, uid, logged_at, logged_by ON claims
WHEN NEW.id IS NOT OLD.id OR NEW.uid IS NOT OLD.uid
  OR NEW.logged_at IS NOT OLD.logged_at OR NEW.logged_by IS NOT OLD.logged_by
BEGIN SELECT RAISE(ABORT, 'a claim''s id, uid and logging are fixed once recorded'); END;

-- Full-text search over claim text.
CREATE VIRTUAL TABLE claims_fts USING fts5(text, content = 'claims', content_rowid = 'id');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims
BEGIN INSERT INTO claims_fts (rowid, text) VALUES (NEW.id, NEW.text); END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims
BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
    INSERT INTO claims_fts (rowid, text) VALUES (NEW.id, NEW.text);
END;

-- A new ledger already knows the major wires, broadcasters and monitors.
INSERT INTO outlets (id, name, name_key, kind) VALUES
    (1,  'Associated Press',          'associated press',          'wire'),
    (2,  'Reuters',                   'reuters',                   'wire'),
    (3,  'Agence France-Presse',      'agence france-presse',      'wire'),
    (4,  'SITE Intelligence Group',   'site intelligence group',   'monitor'),
    (5,  'BBC Monitoring',            'bbc monitoring',            'monitor'),
    (6,  'MEMRI',                     'memri',                     'monitor'),
    (7,  'NBC News',                  'nbc news',                  'broadcaster'),
    (8,  'BBC News',                  'bbc news',                  'broadcaster'),
    (9,  'CNN',                       'cnn',                       'broadcaster'),
    (10, 'Al Jazeera',                'al jazeera',                'broadcaster'),
    (11, 'France Inter',              'france inter',              'broadcaster'),
    (12, 'Bloomberg',                 'bloomberg',                 'wire'),
    (13, 'Deutsche Presse-Agentur',   'deutsche presse-agentur',   'wire'),
    (14, 'Xinhua',                    'xinhua',                    'wire'),
    (15, 'Anadolu Agency',            'anadolu agency',            'wire'),
    (16, 'Kyodo News',                'kyodo news',                'wire'),
    (17, 'United Press International','united press international','wire'),
    (18, 'The New York Times',        'the new york times',        'newspaper'),
    (19, 'The Washington Post',       'the washington post',       'newspaper'),
    (20, 'The Wall Street Journal',   'the wall street journal',   'newspaper'),
    (21, 'The Guardian',              'the guardian',              'newspaper'),
    (22, 'CBS News',                  'cbs news',                  'broadcaster'),
    (23, 'ABC News',                  'abc news',                  'broadcaster'),
    (24, 'Fox News',                  'fox news',                  'broadcaster'),
    (25, 'Sky News',                  'sky news',                  'broadcaster'),
    (26, 'TASS',                      'tass',                      'wire'),
    (27, 'Interfax',                  'interfax',                  'wire'),
    (28, 'Agencia EFE',               'agencia efe',               'wire'),
    (29, 'ANSA',                      'ansa',                      'wire');

INSERT INTO outlet_aliases (outlet_id, alias, alias_key) VALUES
    (1,  'AP',                         'ap'),
    (1,  'The Associated Press',       'the associated press'),
    (2,  'Thomson Reuters',            'thomson reuters'),
    (3,  'AFP',                        'afp'),
    (3,  'Agence France Presse',       'agence france presse'),
    (4,  'SITE',                       'site'),
    (4,  'SITE Intel Group',           'site intel group'),
    (6,  'Middle East Media Research Institute', 'middle east media research institute'),
    (7,  'NBC',                        'nbc'),
    (8,  'BBC',                        'bbc'),
    (9,  'Cable News Network',         'cable news network'),
    (12, 'Bloomberg News',             'bloomberg news'),
    (13, 'dpa',                        'dpa'),
    (14, 'Xinhua News Agency',         'xinhua news agency'),
    (15, 'Anadolu',                    'anadolu'),
    (15, 'AA',                         'aa'),
    (16, 'Kyodo',                      'kyodo'),
    (17, 'UPI',                        'upi'),
    (18, 'New York Times',             'new york times'),
    (18, 'NYT',                        'nyt'),
    (19, 'Washington Post',            'washington post'),
    (20, 'Wall Street Journal',        'wall street journal'),
    (20, 'WSJ',                        'wsj'),
    (21, 'Guardian',                   'guardian'),
    (22, 'CBS',                        'cbs'),
    (23, 'ABC',                        'abc'),
    (26, 'TASS Russian News Agency',   'tass russian news agency'),
    (28, 'EFE',                        'efe');
