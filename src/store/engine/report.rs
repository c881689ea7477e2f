//! The counts behind the per-source report, aggregated in SQL so the report never loads
//! the claims themselves.

use anyhow::Result;

use std::collections::HashMap;

use super::claims::LATEST_RELIABILITY;
use super::filter::{self, status_list};
use super::{Read as _, Reading, Seam, Values};
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
    let (sql, params) = if filter.selects_everything() {
        let sql = format!(
            "SELECT g.id, g.name, {private}, st.n_unverified AS unverified,
                    st.n_corroborated AS corroborated, st.n_verified AS verified,
                    st.n_disputed AS disputed, st.n_false AS \"false\",
                    st.n_retracted AS retracted, st.oldest_open
             FROM source_totals st JOIN {names} g ON g.id = st.source_id
             WHERE st.kind = '{kind}'"
        );
        (sql, Vec::new())
    } else {
        if let Some(sql) = dialect.before_grouping() {
            db.execute(sql, &[])?;
        }
        let clause = filter::clause(db, filter)?;
        let sql = format!(
            "SELECT g.id, g.name, {private}, {}
             FROM claims c
             {} claim_sources cs ON cs.claim_id = c.id AND cs.kind = '{kind}'
             JOIN {names} g ON g.id = cs.source_id
             WHERE {}
             GROUP BY {}",
            by_status("cs.status", "cs.logged_at"),
            dialect.outer_first(),
            clause.sql,
            match group {
                Group::Claimant => "g.id, g.name, g.role, g.affiliation, g.confidential",
                Group::Outlet => "g.id, g.name",
            }
        );
        (sql, clause.params)
    };
    let mut counts = Vec::new();
    let mut read_counts = |row: &dyn Values| {
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
            reliability: None,
            by_status: Status::ALL
                .iter()
                .map(|s| row.count(s.as_str()))
                .collect::<Result<_>>()?,
            oldest_open_at: row.opt_time("oldest_open")?,
        });
        Ok(())
    };
    // Outlets are not graded; a claimant's latest grade is asked with the counts.
    let mut graded = HashMap::new();
    let mut read_grades = |row: &dyn Values| {
        graded.insert(row.int("claimant_id")?, row.word("grade")?);
        Ok(())
    };
    let mut reads = vec![Reading::new(sql, params, &mut read_counts)];
    if group == Group::Claimant {
        reads.push(Reading::new(
            LATEST_RELIABILITY,
            Vec::new(),
            &mut read_grades,
        ));
    }
    db.each_of(&mut reads)?;
    drop(reads);
    for group in &mut counts {
        group.reliability = graded.get(&group.group_id).copied();
    }
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
