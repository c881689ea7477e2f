-- Version 3: the per-source report without a scan. The database keeps, as claims,
-- attributions, relays and status events are written, which claims each claimant and outlet
-- carries and how many of them stand at each status. `claimtrail check` recounts both.

-- One row per claim a source (a surviving claimant or outlet) carries, however many
-- attributions or relays join them, with the claim's status and logging time copied in.
CREATE TABLE claim_sources (
    kind          TEXT NOT NULL CHECK (kind IN ('claimant', 'outlet')),
    source_id     INTEGER NOT NULL,
    claim_id      INTEGER NOT NULL REFERENCES claims(id),
    status        TEXT NOT NULL,
    logged_at     TEXT NOT NULL,
    PRIMARY KEY (kind, source_id, claim_id)
) WITHOUT ROWID;

CREATE INDEX claim_sources_claim ON claim_sources (claim_id);
CREATE INDEX claim_sources_oldest ON claim_sources (kind, source_id, status, logged_at);

-- Per source and status: how many claims, and when the oldest of them was logged.
CREATE TABLE source_counts (
    kind          TEXT NOT NULL,
    source_id     INTEGER NOT NULL,
    status        TEXT NOT NULL,
    claims        INTEGER NOT NULL CHECK (claims > 0),
    oldest_logged_at TEXT NOT NULL,
    PRIMARY KEY (kind, source_id, status)
) WITHOUT ROWID;

-- What the ledger already holds.
INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
SELECT DISTINCT 'claimant', coalesce(s.merged_into, s.id), c.id, c.status, c.logged_at
FROM attributions a
JOIN claimants s ON s.id = a.claimant_id
JOIN claims c ON c.id = a.claim_id;

INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
SELECT DISTINCT 'outlet', coalesce(o.merged_into, o.id), c.id, c.status, c.logged_at
FROM relays r
JOIN attributions a ON a.id = r.attribution_id
JOIN outlets o ON o.id = r.outlet_id
JOIN claims c ON c.id = a.claim_id;

INSERT INTO source_counts (kind, source_id, status, claims, oldest_logged_at)
SELECT kind, source_id, status, count(*), min(logged_at)
FROM claim_sources GROUP BY kind, source_id, status;

-- Kept current from here on.
CREATE TRIGGER claim_sources_count_in AFTER INSERT ON claim_sources
BEGIN
    INSERT INTO source_counts (kind, source_id, status, claims, oldest_logged_at)
    VALUES (NEW.kind, NEW.source_id, NEW.status, 1, NEW.logged_at)
    ON CONFLICT (kind, source_id, status) DO UPDATE SET
        claims = claims + 1,
        oldest_logged_at = min(oldest_logged_at, excluded.oldest_logged_at);
END;

CREATE TRIGGER claim_sources_count_out AFTER DELETE ON claim_sources
BEGIN
    DELETE FROM source_counts
    WHERE kind = OLD.kind AND source_id = OLD.source_id AND status = OLD.status AND claims = 1;
    UPDATE source_counts SET
        claims = claims - 1,
        oldest_logged_at = (
            SELECT min(logged_at) FROM claim_sources
            WHERE kind = OLD.kind AND source_id = OLD.source_id AND status = OLD.status)
    WHERE kind = OLD.kind AND source_id = OLD.source_id AND status = OLD.status;
END;

CREATE TRIGGER claim_sources_count_move AFTER UPDATE OF status ON claim_sources
WHEN OLD.status IS NOT NEW.status
BEGIN
    DELETE FROM source_counts
    WHERE kind = OLD.kind AND source_id = OLD.source_id AND status = OLD.status AND claims = 1;
    UPDATE source_counts SET
        claims = claims - 1,
        oldest_logged_at = (
            SELECT min(logged_at) FROM claim_sources
            WHERE kind = OLD.kind AND source_id = OLD.source_id AND status = OLD.status)
    WHERE kind = OLD.kind AND source_id = OLD.source_id AND status = OLD.status;
    INSERT INTO source_counts (kind, source_id, status, claims, oldest_logged_at)
    VALUES (NEW.kind, NEW.source_id, NEW.status, 1, NEW.logged_at)
    ON CONFLICT (kind, source_id, status) DO UPDATE SET
        claims = claims + 1,
        oldest_logged_at = min(oldest_logged_at, excluded.oldest_logged_at);
END;

CREATE TRIGGER attributions_claim_sources AFTER INSERT ON attributions
BEGIN
    INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
    SELECT 'claimant', coalesce(s.merged_into, s.id), c.id, c.status, c.logged_at
    FROM claimants s, claims c
    WHERE s.id = NEW.claimant_id AND c.id = NEW.claim_id
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER relays_claim_sources AFTER INSERT ON relays
BEGIN
    INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
    SELECT 'outlet', coalesce(o.merged_into, o.id), c.id, c.status, c.logged_at
    FROM outlets o, attributions a, claims c
    WHERE o.id = NEW.outlet_id AND a.id = NEW.attribution_id AND c.id = a.claim_id
    ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER claims_claim_sources AFTER UPDATE OF status ON claims
WHEN OLD.status IS NOT NEW.status
BEGIN
    UPDATE claim_sources SET status = NEW.status WHERE claim_id = NEW.id;
END;
