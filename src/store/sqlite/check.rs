//! What `check` looks at on a ledger file beyond claimtrail's invariants (`engine::check`):
//! SQLite's own integrity checks and what only a file keeps.

use anyhow::Result;

use super::Store;

/// The invariants of what only a ledger file keeps (times as text, the bulk loader's
/// scratch table, the report's running counts), each a query returning one text row per
/// breach; those of every ledger are in `engine::check`.
const FILE_INVARIANTS: &[&str] = &[
    "SELECT 'claim ' || id || ' has a malformed time' FROM claims
     WHERE strftime('%Y-%m-%dT%H:%M:%SZ', logged_at) IS NOT logged_at
        OR (made_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%SZ', made_at) IS NOT made_at)",
    "SELECT 'status event ' || id || ' has a malformed time' FROM status_events
     WHERE strftime('%Y-%m-%dT%H:%M:%SZ', at) IS NOT at",
    "SELECT 'an import left its claims half-indexed (a row in bulk_load)' FROM bulk_load",
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

impl Store {
    /// What `check` finds wrong that only a file can have: SQLite's own integrity checks,
    /// then the invariants above and the search index.
    pub(super) fn file_problems(&self) -> Result<Vec<String>> {
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
        for sql in FILE_INVARIANTS {
            problems.extend(self.rows_of(sql)?);
        }
        if !self.search_index_is_sound() {
            problems.push("the full-text search index is out of step with the claims".into());
        }
        Ok(problems)
    }

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
