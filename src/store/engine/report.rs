//! The counts behind the per-source report, aggregated in SQL so the report never loads
//! the claims themselves.

use anyhow::Result;

use super::claims::latest_reliability;
use super::filter::{self, status_list};
use super::{Read as _, Seam};
use crate::model::{GroupCounts, Status, Visibility};
use crate::store::{ClaimFilter, Group, group_name};

/// One row per group among the claims the filter selects; a claim counts once per group.
pub fn group_counts(
    db: &mut dyn Seam,
    group: Group,
    filter: &ClaimFilter,
    visibility: Visibility,
) -> Result<Vec<GroupCounts>> {
    let dialect = db.dialect();
    let (kind, names, private) = match group {
        Group::Claimant => (
            "claimant",
            dialect.claimants(),
            "g.role, g.affiliation, g.confidential",
        ),
        Group::Outlet => (
            "outlet",
            "outlets",
            "NULL AS role, NULL AS affiliation, false AS confidential",
        ),
    };
    let (sql, params) = if dialect.keeps_source_counts() && filter.selects_everything() {
        let sql = format!(
            "SELECT g.id, g.name, {private}, st.n_unverified AS unverified,
                    st.n_corroborated AS corroborated, st.n_verified AS verified,
                    st.n_disputed AS disputed, st.n_false AS \"false\",
                    st.n_retracted AS retracted, st.oldest_open
             FROM source_totals st JOIN {names} g ON g.id = st.source_id
             WHERE st.kind = '{kind}'"
        );
        (sql, Vec::new())
    } else if dialect.keeps_source_counts() {
        // CROSS JOIN keeps the claims outermost: the filter picks them by index, and each
        // then finds its sources, rather than every source being walked.
        let clause = filter::clause(db, filter)?;
        let sql = format!(
            "SELECT g.id, g.name, {private}, {}
             FROM claims c
             CROSS JOIN claim_sources cs ON cs.claim_id = c.id AND cs.kind = '{kind}'
             JOIN {names} g ON g.id = cs.source_id
             WHERE {}
             GROUP BY g.id",
            by_status("cs.status", "cs.logged_at"),
            clause.sql
        );
        (sql, clause.params)
    } else {
        if let Some(sql) = dialect.before_grouping() {
            db.execute(sql, &[])?;
        }
        let clause = filter::clause(db, filter)?;
        let sources = match group {
            Group::Claimant => format!("JOIN {names} s ON s.id = a.claimant_id"),
            Group::Outlet => {
                "JOIN relays r ON r.attribution_id = a.id JOIN outlets s ON s.id = r.outlet_id"
                    .to_owned()
            }
        };
        // A claim counts once per group, however many of its attributions name it.
        let sql = format!(
            "WITH carried AS (
                 SELECT DISTINCT coalesce(s.merged_into, s.id) AS source, c.id, c.status,
                        c.logged_at
                 FROM claims c JOIN attributions a ON a.claim_id = c.id {sources}
                 WHERE {})
             SELECT g.id, g.name, {private}, {}
             FROM carried JOIN {names} g ON g.id = carried.source
             GROUP BY {}",
            clause.sql,
            by_status("carried.status", "carried.logged_at"),
            match group {
                Group::Claimant => "g.id, g.name, g.role, g.affiliation, g.confidential",
                Group::Outlet => "g.id, g.name",
            }
        );
        (sql, clause.params)
    };
    // Outlets are not graded.
    let graded = match group {
        Group::Claimant => latest_reliability(db)?,
        Group::Outlet => Default::default(),
    };
    let mut counts = Vec::new();
    db.each(&sql, &params, &mut |row| {
        let group_id = row.int("id")?;
        let hidden = row.flag("confidential")? && visibility == Visibility::Redacted;
        let name = group_name(
            group_id,
            row.text("name")?,
            row.opt_text("role")?,
            row.opt_text("affiliation")?,
            hidden,
        );
        counts.push(GroupCounts {
            group_id,
            name,
            reliability: graded.get(&group_id).copied(),
            by_status: Status::ALL
                .iter()
                .map(|s| row.count(s.as_str()))
                .collect::<Result<_>>()?,
            oldest_open_at: row.opt_time("oldest_open")?,
        });
        Ok(())
    })?;
    Ok(counts)
}

/// A column per status counting the rows at it, named for the status, then
/// `oldest_open`, the oldest `logged` among open statuses. The statuses are literals from a
/// closed vocabulary.
fn by_status(status: &str, logged: &str) -> String {
    let mut columns: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("count(*) FILTER (WHERE {status} = '{s}') AS \"{s}\""))
        .collect();
    columns.push(format!(
        "min({logged}) FILTER (WHERE {status} IN ({})) AS oldest_open",
        status_list(&Status::open())
    ));
    columns.join(", ")
}
