//! What `check` asks of every ledger, whichever database holds it: claimtrail's invariants,
//! each a query listing what breaks it, and the totals it reports. A backend adds only the
//! checks of what is its own (SQLite's pages, its search index and kept counts).

use anyhow::Result;

use super::{Dialect, Read as _, Seam};
use crate::store::CheckReport;

/// Each invariant: a query returning one `problem` a breach. `{claimants}` is the relation
/// of the claimants the connection may see.
const INVARIANTS: &[&str] = &[
    "SELECT 'claim ' || c.id || ' has no attribution' AS problem FROM claims c
     WHERE NOT EXISTS (SELECT 1 FROM attributions a WHERE a.claim_id = c.id)",
    "SELECT 'claim ' || c.id || ' has no status event' AS problem FROM claims c
     WHERE NOT EXISTS (SELECT 1 FROM status_events e WHERE e.claim_id = c.id)",
    "SELECT 'claim ' || c.id || ' shows status ' || c.status || ' but its latest event says '
            || e.status AS problem
     FROM claims c JOIN status_events e ON e.id = (
         SELECT id FROM status_events WHERE claim_id = c.id ORDER BY at DESC, id DESC LIMIT 1)
     WHERE e.status IS DISTINCT FROM c.status",
    "SELECT 'claim ' || c.id || ' text differs from its latest edit' AS problem FROM claims c
     JOIN claim_edits d ON d.id = (
         SELECT id FROM claim_edits WHERE claim_id = c.id AND field = 'text'
         ORDER BY id DESC LIMIT 1)
     WHERE d.new_value IS DISTINCT FROM c.text",
    "SELECT 'relay ' || r.attribution_id || '/' || r.position || ' belongs to no attribution'
            AS problem
     FROM relays r LEFT JOIN attributions a ON a.id = r.attribution_id WHERE a.id IS NULL",
    "SELECT 'relay ' || r.attribution_id || '/' || r.position || ' names no outlet' AS problem
     FROM relays r LEFT JOIN outlets o ON o.id = r.outlet_id WHERE o.id IS NULL",
    "SELECT 'attribution ' || attribution_id || ' has a gap in its relay chain' AS problem
     FROM relays GROUP BY attribution_id HAVING max(position) + 1 <> count(*)",
    "SELECT 'attribution ' || a.id || ' belongs to no claim' AS problem
     FROM attributions a LEFT JOIN claims c ON c.id = a.claim_id WHERE c.id IS NULL",
    "SELECT 'attribution ' || a.id || ' names no claimant' AS problem
     FROM attributions a LEFT JOIN {claimants} s ON s.id = a.claimant_id WHERE s.id IS NULL",
    "SELECT 'status event ' || e.id || ' belongs to no claim' AS problem
     FROM status_events e LEFT JOIN claims c ON c.id = e.claim_id WHERE c.id IS NULL",
    "SELECT 'claimant ' || s.id || ' is merged into one that is itself merged or missing'
            AS problem
     FROM {claimants} s LEFT JOIN {claimants} g ON g.id = s.merged_into
     WHERE s.merged_into IS NOT NULL AND (g.id IS NULL OR g.merged_into IS NOT NULL OR g.id = s.id)",
    "SELECT 'outlet ' || o.id || ' is merged into one that is itself merged or missing'
            AS problem
     FROM outlets o LEFT JOIN outlets g ON g.id = o.merged_into
     WHERE o.merged_into IS NOT NULL AND (g.id IS NULL OR g.merged_into IS NOT NULL OR g.id = o.id)",
    // The report's running counts against a recount from the attributions and relays.
    "WITH truth AS (
         SELECT 'claimant' AS kind, coalesce(s.merged_into, s.id) AS source_id, c.id AS claim_id,
                c.status, c.logged_at
         FROM attributions a JOIN {claimants} s ON s.id = a.claimant_id
         JOIN claims c ON c.id = a.claim_id
         UNION
         SELECT 'outlet', coalesce(o.merged_into, o.id), c.id, c.status, c.logged_at
         FROM relays r JOIN attributions a ON a.id = r.attribution_id
         JOIN outlets o ON o.id = r.outlet_id JOIN claims c ON c.id = a.claim_id),
     kept AS (SELECT kind, source_id, claim_id, status, logged_at FROM claim_sources),
     wrong AS (
         SELECT * FROM (SELECT * FROM truth EXCEPT SELECT * FROM kept) AS missing
         UNION ALL
         SELECT * FROM (SELECT * FROM kept EXCEPT SELECT * FROM truth) AS extra)
     SELECT 'the report''s record of the claims ' || kind || ' ' || source_id
            || ' carries is out of step (claim ' || claim_id || ')' AS problem FROM wrong",
    "WITH recount AS (
         SELECT kind, source_id, status, count(*) AS claims FROM claim_sources
         GROUP BY kind, source_id, status),
     kept AS (SELECT kind, source_id, status, claims FROM source_counts),
     wrong AS (
         SELECT * FROM (SELECT * FROM recount EXCEPT SELECT * FROM kept) AS missing
         UNION ALL
         SELECT * FROM (SELECT * FROM kept EXCEPT SELECT * FROM recount) AS extra)
     SELECT 'the report''s count of ' || status || ' claims for ' || kind || ' ' || source_id
            || ' differs from a recount' AS problem FROM wrong",
    "WITH recount AS (
         SELECT kind, source_id,
                min(logged_at) FILTER (WHERE status IN ('unverified', 'corroborated', 'disputed'))
                    AS oldest
         FROM claim_sources GROUP BY kind, source_id)
     SELECT 'the report''s oldest open claim for ' || r.kind || ' ' || r.source_id
            || ' differs from a recount' AS problem
     FROM recount r LEFT JOIN source_totals t ON t.kind = r.kind AND t.source_id = r.source_id
     WHERE t.oldest_open IS DISTINCT FROM r.oldest",
];

/// The invariants' statements as `dialect` reads them.
fn invariants(dialect: Dialect) -> impl Iterator<Item = String> {
    INVARIANTS
        .iter()
        .map(move |sql| sql.replace("{claimants}", dialect.claimants()))
}

/// Every breach of claimtrail's invariants, and the ledger's totals.
pub fn run(db: &mut dyn Seam) -> Result<CheckReport> {
    let mut problems = Vec::new();
    for sql in invariants(db.dialect()) {
        for row in db.query(&sql, &[])? {
            problems.push(row.text("problem")?);
        }
    }
    let totals = db.query_one(
        "SELECT (SELECT count(*) FROM claims) AS claims,
                (SELECT count(*) FROM attributions) AS attributions,
                (SELECT count(*) FROM status_events) AS events,
                (SELECT count(*) FROM claim_edits) AS edits",
        &[],
    )?;
    Ok(CheckReport {
        claims: totals.count("claims")?,
        attributions: totals.count("attributions")?,
        events: totals.count("events")?,
        edits: totals.count("edits")?,
        problems,
    })
}
