//! SQLite's bulk-load path for an import: per-claim indexing set aside while the engine
//! merges the records, then done once, set-based, at the end.

use rusqlite::{Transaction, params};

/// Indexes an import into an empty ledger drops while it writes and builds again at the
/// end, sorted once rather than updated row by row. The import's own lookups (claims by
/// uid, a claim's attributions and history) keep theirs.
const REBUILT_AFTER_LOAD: &[&str] = &[
    "claims_status_logged",
    "claims_story",
    "claims_open_by_age",
    "attributions_claimant",
    "relays_outlet",
    "claim_sources_claim",
    "claim_sources_oldest",
];

/// Triggers an import into an empty ledger drops while it writes and creates again at the
/// end: every claim it writes is new, so each of them would only find the bulk load under
/// way and do nothing, at a cost per row. Claims are written with the status their history
/// leaves them at.
const SET_ASIDE_WHEN_EMPTY: &[&str] = &[
    "claims_fts_insert",
    "claims_changed",
    "attributions_claim_sources",
    "attributions_changed",
    "relays_claim_sources",
    "status_events_current",
    "status_events_changed",
];

/// Sets the per-claim indexing triggers aside for the claims this import adds (see
/// migrations 0005, 0006 and 0011), and gives SQLite room to keep the indexes it touches
/// in memory. Into an empty ledger, also drops the indexes rebuilt and the triggers created
/// again at the end, and returns their definitions.
pub fn begin(tx: &Transaction) -> rusqlite::Result<Vec<String>> {
    tx.pragma_update(None, "cache_size", -16_384)?;
    tx.execute(
        "INSERT INTO bulk_load (first_new_claim, first_new_attribution)
         VALUES ((SELECT coalesce(max(id), 0) + 1 FROM claims),
                 (SELECT coalesce(max(id), 0) + 1 FROM attributions))",
        [],
    )?;
    let empty: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM claims)", [], |r| r.get(0))?;
    if !empty {
        return Ok(Vec::new());
    }
    let mut definitions = Vec::new();
    for (kind, names) in [
        ("index", REBUILT_AFTER_LOAD),
        ("trigger", SET_ASIDE_WHEN_EMPTY),
    ] {
        for name in names {
            let sql: String = tx.query_row(
                "SELECT sql FROM sqlite_schema WHERE type = ?1 AND name = ?2",
                [kind, name],
                |r| r.get(0),
            )?;
            tx.execute_batch(&format!("DROP {kind} {name}"))?;
            definitions.push(sql);
        }
    }
    Ok(definitions)
}

/// Indexes everything the import added: which claims each source carries (the report's
/// counts follow by trigger), the full-text index, and the change log. In slices of ids, so that however
/// large the import, SQLite's working memory stays small.
pub fn finish(tx: &Transaction, set_aside: &[String]) -> rusqlite::Result<()> {
    const SLICE: i64 = 5_000;
    tx.pragma_update(None, "temp_store", "FILE")?;
    let (first_claim, first_attribution): (i64, i64) = tx.query_row(
        "SELECT first_new_claim, first_new_attribution FROM bulk_load",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let last_claim: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) FROM claims", [], |r| r.get(0))?;
    let last_attribution: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) FROM attributions", [], |r| {
            r.get(0)
        })?;
    for from in (first_attribution..=last_attribution).step_by(SLICE as usize) {
        let to = from + SLICE;
        tx.execute(
            "INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
             SELECT 'claimant', coalesce(s.merged_into, s.id), c.id, c.status, c.logged_at
             FROM attributions a
             JOIN claimants s ON s.id = a.claimant_id
             JOIN claims c ON c.id = a.claim_id
             WHERE a.id >= ?1 AND a.id < ?2
             ON CONFLICT DO NOTHING",
            params![from, to],
        )?;
        tx.execute(
            "INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
             SELECT 'outlet', coalesce(o.merged_into, o.id), c.id, c.status, c.logged_at
             FROM attributions a
             JOIN relays r ON r.attribution_id = a.id
             JOIN outlets o ON o.id = r.outlet_id
             JOIN claims c ON c.id = a.claim_id
             WHERE a.id >= ?1 AND a.id < ?2
             ON CONFLICT DO NOTHING",
            params![from, to],
        )?;
    }
    for sql in set_aside {
        tx.execute_batch(sql)?;
    }
    // Into an empty ledger, every source's counts come from one pass over the rebuilt
    // (kind, source, status) index, already in order; otherwise slice by slice.
    if set_aside.is_empty() {
        for from in (first_claim..=last_claim).step_by(SLICE as usize) {
            tx.execute(
                &count_sources("claim_id >= ?1 AND claim_id < ?2"),
                params![from, from + SLICE],
            )?;
        }
    } else {
        tx.execute(&count_sources("true"), [])?;
    }
    for from in (first_claim..=last_claim).step_by(SLICE as usize) {
        tx.execute(
            "INSERT INTO claims_fts (rowid, text)
             SELECT id, text FROM claims WHERE id >= ?1 AND id < ?2",
            params![from, from + SLICE],
        )?;
    }
    tx.execute(
        "INSERT INTO changes (kind, id) SELECT 'claim', id FROM claims WHERE id >= ?1",
        [first_claim],
    )?;
    tx.execute("DELETE FROM bulk_load", [])?;
    tx.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// Adds the counts of the claim_sources rows `filter` selects to source_counts.
fn count_sources(filter: &str) -> String {
    format!(
        "INSERT INTO source_counts (kind, source_id, status, claims, oldest_logged_at)
         SELECT kind, source_id, status, count(*), min(logged_at) FROM claim_sources
         WHERE {filter}
         GROUP BY kind, source_id, status
         ON CONFLICT (kind, source_id, status) DO UPDATE SET
             claims = claims + excluded.claims,
             oldest_logged_at = min(oldest_logged_at, excluded.oldest_logged_at)"
    )
}
