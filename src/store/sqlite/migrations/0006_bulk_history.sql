-- Version 6: imports also settle statuses and per-source counts in bulk. While an import
-- holds its bulk_load row, a claim it adds takes its status from its history once, at the
-- end, rather than once per event, and its sources are counted with one GROUP BY rather
-- than one upsert per row. Claims that were already here keep the per-row triggers.

DROP TRIGGER status_events_current;
CREATE TRIGGER status_events_current AFTER INSERT ON status_events
WHEN NEW.claim_id < coalesce((SELECT first_new_claim FROM bulk_load), NEW.claim_id + 1)
BEGIN
    UPDATE claims SET status = (
        SELECT status FROM status_events
        WHERE claim_id = NEW.claim_id
        ORDER BY at DESC, id DESC LIMIT 1
    ) WHERE id = NEW.claim_id;
END;

DROP TRIGGER claim_sources_count_in;
CREATE TRIGGER claim_sources_count_in AFTER INSERT ON claim_sources
WHEN NEW.claim_id < coalesce((SELECT first_new_claim FROM bulk_load), NEW.claim_id + 1)
BEGIN
    INSERT INTO source_counts (kind, source_id, status, claims, oldest_logged_at)
    VALUES (NEW.kind, NEW.source_id, NEW.status, 1, NEW.logged_at)
    ON CONFLICT (kind, source_id, status) DO UPDATE SET
        claims = claims + 1,
        oldest_logged_at = min(oldest_logged_at, excluded.oldest_logged_at);
END;
