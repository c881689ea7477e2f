//! The counts behind the per-source report, aggregated in SQL so the report never loads
//! the claims themselves.

use anyhow::Result;

use std::collections::HashMap;

use super::claims::LATEST_RELIABILITY;
use super::filter::{self, status_list};
use super::{Read as _, Reading, Seam, Value, Values};
use crate::model::{GroupCounts, Status, Visibility};
use crate::store::{ClaimFilter, Group, group_name};

/// For each of `groups`, one row per group among the claims the filter selects; a claim
/// counts once per group. Every group's statement and the claimants' grades go together.
pub fn group_counts(
    db: &mut dyn Seam,
    groups: &[Group],
    filter: &ClaimFilter,
    visibility: Visibility,
) -> Result<Vec<Vec<GroupCounts>>> {
    if !filter.selects_everything()
        && let Some(sql) = db.dialect().before_grouping()
    {
        db.defer(sql, &[])?;
    }
    let mut statements = Vec::new();
    for group in groups {
        statements.push(counting(db, *group, filter)?);
    }
    let mut counts: Vec<Vec<GroupCounts>> = vec![Vec::new(); groups.len()];
    // Outlets are not graded; claimants' latest grades are asked with the counts.
    let mut graded = HashMap::new();
    {
        let mut reads: Vec<Reading<'_>> = statements
            .into_iter()
            .zip(counts.iter_mut())
            .map(|((sql, params), counts)| {
                Reading::new(sql, params, move |row: &dyn Values| {
                    counts.push(counts_from(row, visibility)?);
                    Ok(())
                })
            })
            .collect();
        if groups.contains(&Group::Claimant) {
            reads.push(Reading::new(
                LATEST_RELIABILITY,
                Vec::new(),
                |row: &dyn Values| {
                    graded.insert(row.int("claimant_id")?, row.word("grade")?);
                    Ok(())
                },
            ));
        }
        db.each_of(&mut reads)?;
    }
    for (group, counts) in groups.iter().zip(counts.iter_mut()) {
        if *group == Group::Claimant {
            for row in counts.iter_mut() {
                row.reliability = graded.get(&row.group_id).copied();
            }
        }
    }
    Ok(counts)
}

/// The statement counting the claims the filter selects for each source of `group`.
fn counting(db: &mut dyn Seam, group: Group, filter: &ClaimFilter) -> Result<(String, Vec<Value>)> {
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
    Ok(if filter.selects_everything() {
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
    })
}

/// A row of a group's counts.
fn counts_from(row: &dyn Values, visibility: Visibility) -> Result<GroupCounts> {
    let group_id = row.int("id")?;
    let hidden = row.flag("confidential")? && visibility == Visibility::Redacted;
    let name = group_name(
        group_id,
        row.text("name")?,
        row.opt_text("role")?,
        row.opt_text("affiliation")?,
        hidden,
    );
    Ok(GroupCounts {
        group_id,
        name,
        reliability: None,
        by_status: Status::ALL
            .iter()
            .map(|s| row.count(s.as_str()))
            .collect::<Result<_>>()?,
        oldest_open_at: row.opt_time("oldest_open")?,
    })
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
