-- Version 7: a row per source with all its counts, so that the report reads one row a
-- source instead of folding up to six. Kept from source_counts by triggers; `claimtrail
-- check` recounts it.
CREATE TABLE source_totals (
    kind          TEXT NOT NULL,
    source_id     INTEGER NOT NULL,
    n_unverified    INTEGER NOT NULL DEFAULT 0,
    n_corroborated  INTEGER NOT NULL DEFAULT 0,
    n_verified      INTEGER NOT NULL DEFAULT 0,
    n_disputed      INTEGER NOT NULL DEFAULT 0,
    n_false         INTEGER NOT NULL DEFAULT 0,
    n_retracted     INTEGER NOT NULL DEFAULT 0,
    -- when the oldest of its open claims was logged; NULL when none is open
    oldest_open   TEXT,
    PRIMARY KEY (kind, source_id)
) WITHOUT ROWID;

INSERT INTO source_totals (kind, source_id, n_unverified, n_corroborated, n_verified, n_disputed, n_false, n_retracted, oldest_open)
SELECT kind, source_id,
       coalesce(sum(claims) FILTER (WHERE status = 'unverified'), 0),
       coalesce(sum(claims) FILTER (WHERE status = 'corroborated'), 0),
       coalesce(sum(claims) FILTER (WHERE status = 'verified'), 0),
       coalesce(sum(claims) FILTER (WHERE status = 'disputed'), 0),
       coalesce(sum(claims) FILTER (WHERE status = 'false'), 0),
       coalesce(sum(claims) FILTER (WHERE status = 'retracted'), 0),
       min(oldest_logged_at) FILTER (WHERE status IN ('unverified', 'corroborated', 'disputed'))
FROM source_counts GROUP BY kind, source_id;

CREATE TRIGGER source_totals_in AFTER INSERT ON source_counts
BEGIN
    INSERT INTO source_totals (kind, source_id, n_unverified, n_corroborated, n_verified, n_disputed, n_false, n_retracted, oldest_open)
    SELECT NEW.kind, NEW.source_id,
           coalesce(sum(claims) FILTER (WHERE status = 'unverified'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'corroborated'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'verified'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'disputed'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'false'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'retracted'), 0),
           min(oldest_logged_at) FILTER (WHERE status IN ('unverified', 'corroborated', 'disputed'))
    FROM source_counts WHERE kind = NEW.kind AND source_id = NEW.source_id
    ON CONFLICT (kind, source_id) DO UPDATE SET
        n_unverified = excluded.n_unverified,
        n_corroborated = excluded.n_corroborated,
        n_verified = excluded.n_verified,
        n_disputed = excluded.n_disputed,
        n_false = excluded.n_false,
        n_retracted = excluded.n_retracted,
        oldest_open = excluded.oldest_open;
END;

CREATE TRIGGER source_totals_change AFTER UPDATE ON source_counts
BEGIN
    INSERT INTO source_totals (kind, source_id, n_unverified, n_corroborated, n_verified, n_disputed, n_false, n_retracted, oldest_open)
    SELECT NEW.kind, NEW.source_id,
           coalesce(sum(claims) FILTER (WHERE status = 'unverified'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'corroborated'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'verified'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'disputed'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'false'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'retracted'), 0),
           min(oldest_logged_at) FILTER (WHERE status IN ('unverified', 'corroborated', 'disputed'))
    FROM source_counts WHERE kind = NEW.kind AND source_id = NEW.source_id
    ON CONFLICT (kind, source_id) DO UPDATE SET
        n_unverified = excluded.n_unverified,
        n_corroborated = excluded.n_corroborated,
        n_verified = excluded.n_verified,
        n_disputed = excluded.n_disputed,
        n_false = excluded.n_false,
        n_retracted = excluded.n_retracted,
        oldest_open = excluded.oldest_open;
END;

CREATE TRIGGER source_totals_out AFTER DELETE ON source_counts
BEGIN
    INSERT INTO source_totals (kind, source_id, n_unverified, n_corroborated, n_verified, n_disputed, n_false, n_retracted, oldest_open)
    SELECT OLD.kind, OLD.source_id,
           coalesce(sum(claims) FILTER (WHERE status = 'unverified'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'corroborated'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'verified'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'disputed'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'false'), 0),
           coalesce(sum(claims) FILTER (WHERE status = 'retracted'), 0),
           min(oldest_logged_at) FILTER (WHERE status IN ('unverified', 'corroborated', 'disputed'))
    FROM source_counts WHERE kind = OLD.kind AND source_id = OLD.source_id
    ON CONFLICT (kind, source_id) DO UPDATE SET
        n_unverified = excluded.n_unverified,
        n_corroborated = excluded.n_corroborated,
        n_verified = excluded.n_verified,
        n_disputed = excluded.n_disputed,
        n_false = excluded.n_false,
        n_retracted = excluded.n_retracted,
        oldest_open = excluded.oldest_open;
    DELETE FROM source_totals
    WHERE kind = OLD.kind AND source_id = OLD.source_id
      AND NOT EXISTS (SELECT 1 FROM source_counts WHERE kind = OLD.kind AND source_id = OLD.source_id);
END;
