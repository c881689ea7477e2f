//! `check`: SQLite's own integrity checks, then claimtrail's invariants, each a query that
//! lists what breaks it.

use anyhow::Result;

use super::Store;
use super::convert::count;
use crate::store::{CheckReport, Upkeep};

/// Each invariant: a query returning one text row per breach.
const INVARIANTS: &[&str] = &[
    "SELECT 'claim ' || c.id || ' has no attribution' FROM claims c
     WHERE NOT EXISTS (SELECT 1 FROM attributions a WHERE a.claim_id = c.id)",
    "SELECT 'claim ' || c.id || ' has no status event' FROM claims c
     WHERE NOT EXISTS (SELECT 1 FROM status_events e WHERE e.claim_id = c.id)",
    "SELECT 'claim ' || c.id || ' shows status ' || c.status || ' but its latest event says '
            || e.status
     FROM claims c JOIN status_events e ON e.id = (
         SELECT id FROM status_events WHERE claim_id = c.id ORDER BY at DESC, id DESC LIMIT 1)
     WHERE e.status IS NOT c.status",
    "SELECT 'claim ' || c.id || ' text differs from its latest edit' FROM claims c
     JOIN claim_edits d ON d.id = (
         SELECT id FROM claim_edits WHERE claim_id = c.id AND field = 'text'
         ORDER BY id DESC LIMIT 1)
     WHERE d.new_value IS NOT c.text",
    "SELECT 'relay ' || r.attribution_id || '/' || r.position || ' belongs to no attribution'
     FROM relays r LEFT JOIN attributions a ON a.id = r.attribution_id WHERE a.id IS NULL",
    "SELECT 'relay ' || r.attribution_id || '/' || r.position || ' names no outlet'
     FROM relays r LEFT JOIN outlets o ON o.id = r.outlet_id WHERE o.id IS NULL",
    "SELECT 'attribution ' || attribution_id || ' has a gap in its relay chain'
     FROM relays GROUP BY attribution_id HAVING max(position) + 1 <> count(*)",
    "SELECT 'attribution ' || a.id || ' belongs to no claim'
     FROM attributions a LEFT JOIN claims c ON c.id = a.claim_id WHERE c.id IS NULL",
    "SELECT 'attribution ' || a.id || ' names no claimant'
     FROM attributions a LEFT JOIN claimants s ON s.id = a.claimant_id WHERE s.id IS NULL",
    "SELECT 'status event ' || e.id || ' belongs to no claim'
     FROM status_events e LEFT JOIN claims c ON c.id = e.claim_id WHERE c.id IS NULL",
    "SELECT 'claimant ' || s.id || ' is merged into one that is itself merged or missing'
     FROM claimants s LEFT JOIN claimants g ON g.id = s.merged_into
     WHERE s.merged_into IS NOT NULL AND (g.id IS NULL OR g.merged_into IS NOT NULL OR g.id = s.id)",
    "SELECT 'outlet ' || o.id || ' is merged into one that is itself merged or missing'
     FROM outlets o LEFT JOIN outlets g ON g.id = o.merged_into
     WHERE o.merged_into IS NOT NULL AND (g.id IS NULL OR g.merged_into IS NOT NULL OR g.id = o.id)",
    "SELECT 'claim ' || id || ' has a malformed time' FROM claims
     WHERE strftime('%Y-%m-%dT%H:%M:%SZ', logged_at) IS NOT logged_at
        OR (made_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%SZ', made_at) IS NOT made_at)",
    "SELECT 'status event ' || id || ' has a malformed time' FROM status_events
     WHERE strftime('%Y-%m-%dT%H:%M:%SZ', at) IS NOT at",
    "SELECT 'an import left its claims half-indexed (a row in bulk_load)' FROM bulk_load",
    // The report's running counts against a recount from the attributions and relays.
    "WITH truth AS (
         SELECT 'claimant' AS kind, coalesce(s.merged_into, s.id) AS source_id, c.id AS claim_id,
                c.status, c.logged_at
         FROM attributions a JOIN claimants s ON s.id = a.claimant_id
         JOIN claims c ON c.id = a.claim_id
         UNION
         SELECT 'outlet', coalesce(o.merged_into, o.id), c.id, c.status, c.logged_at
         FROM relays r JOIN attributions a ON a.id = r.attribution_id
         JOIN outlets o ON o.id = r.outlet_id JOIN claims c ON c.id = a.claim_id),
     kept AS (SELECT kind, source_id, claim_id, status, logged_at FROM claim_sources),
     wrong AS (
         SELECT * FROM (SELECT * FROM truth EXCEPT SELECT * FROM kept)
         UNION ALL
         SELECT * FROM (SELECT * FROM kept EXCEPT SELECT * FROM truth))
     SELECT 'the report''s record of the claims ' || kind || ' ' || source_id
            || ' carries is out of step (claim ' || claim_id || ')' FROM wrong",
    "WITH recount AS (
         SELECT kind, source_id, status, count(*) AS claims, min(logged_at) AS oldest
         FROM claim_sources GROUP BY kind, source_id, status),
     kept AS (SELECT kind, source_id, status, claims, oldest_logged_at FROM source_counts),
     wrong AS (
         SELECT * FROM (SELECT * FROM recount EXCEPT SELECT * FROM kept)
         UNION ALL
         SELECT * FROM (SELECT * FROM kept EXCEPT SELECT * FROM recount))
     SELECT 'the report''s count of ' || status || ' claims for ' || kind || ' ' || source_id
            || ' differs from a recount' FROM wrong",
    "WITH recount AS (
         SELECT kind, source_id,
                coalesce(sum(claims) FILTER (WHERE status = 'unverified'), 0),
                coalesce(sum(claims) FILTER (WHERE status = 'corroborated'), 0),
                coalesce(sum(claims) FILTER (WHERE status = 'verified'), 0),
                coalesce(sum(claims) FILTER (WHERE status = 'disputed'), 0),
                coalesce(sum(claims) FILTER (WHERE status = 'false'), 0),
                coalesce(sum(claims) FILTER (WHERE status = 'retracted'), 0),
                min(oldest_logged_at) FILTER (WHERE status IN ('unverified', 'corroborated', 'disputed'))
         FROM source_counts GROUP BY kind, source_id),
     kept AS (SELECT kind, source_id, n_unverified, n_corroborated, n_verified, n_disputed, n_false, n_retracted, oldest_open FROM source_totals),
     wrong AS (
         SELECT * FROM (SELECT * FROM recount EXCEPT SELECT * FROM kept)
         UNION ALL
         SELECT * FROM (SELECT * FROM kept EXCEPT SELECT * FROM recount))
     SELECT 'the report''s totals for ' || kind || ' ' || source_id
            || ' differ from its counts' FROM wrong",
];

impl Upkeep for Store {
    fn backup_to(&self, dest: &std::path::Path, force: bool) -> Result<u64> {
        self.copy_to(dest, force)
    }

    fn check(&self) -> Result<CheckReport> {
        // The recounts compare whole tables; let their working sets spill to disk rather
        // than grow in memory with the ledger.
        self.conn
            .pragma_update(None, "temp_store", "FILE")
            .map_err(|e| self.err(e))?;
        let mut problems = self.rows_of("PRAGMA integrity_check")?;
        if problems == ["ok"] {
            problems.clear();
        }
        problems.extend(self.foreign_key_problems()?);
        for sql in INVARIANTS {
            problems.extend(self.rows_of(sql)?);
        }
        if !self.search_index_is_sound() {
            problems.push("the full-text search index is out of step with the claims".into());
        }
        let total = |table: &str| -> Result<u64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    count(r, 0)
                })
                .map_err(|e| self.err(e))
        };
        Ok(CheckReport {
            claims: total("claims")?,
            attributions: total("attributions")?,
            events: total("status_events")?,
            edits: total("claim_edits")?,
            problems,
        })
    }
}

impl Store {
    fn rows_of(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    fn foreign_key_problems(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA foreign_key_check")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let table: String = r.get(0)?;
                let rowid: Option<i64> = r.get(1)?;
                let parent: String = r.get(2)?;
                let row = rowid.map(|id| format!(" {id}")).unwrap_or_default();
                Ok(format!("{table} row{row} points at a missing {parent} row"))
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    /// FTS5's own check compares the index with the claims it was built from. It is run as
    /// an INSERT that changes nothing, so a read-only ledger cannot run it: that is no fault.
    fn search_index_is_sound(&self) -> bool {
        let result = self.conn.execute(
            "INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)",
            [],
        );
        match result {
            Ok(_) => true,
            Err(e) => e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly),
        }
    }
}
