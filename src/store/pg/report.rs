//! The counts behind the per-source report, grouped on the server so the report never
//! loads the claims themselves.

use anyhow::Result;

use super::PgStore;
use super::filter;
use super::rows::{Params, count, time_opt};
use crate::model::GroupCounts;
use crate::model::{Status, Visibility};
use crate::store::{ClaimFilter, Group, Reports, group_name};

impl Reports for PgStore {
    fn group_counts(
        &self,
        group: Group,
        filter: &ClaimFilter,
        visibility: Visibility,
    ) -> Result<Vec<GroupCounts>> {
        let visibility = self.allowed(visibility)?;
        let (sources, names, private, grouped) = match group {
            Group::Claimant => (
                "JOIN claimants_visible s ON s.id = a.claimant_id",
                "claimants_visible",
                "g.role, g.affiliation, g.confidential",
                "g.id, g.name, g.role, g.affiliation, g.confidential",
            ),
            Group::Outlet => (
                "JOIN relays r ON r.attribution_id = a.id JOIN outlets s ON s.id = r.outlet_id",
                "outlets",
                "NULL::text, NULL::text, false",
                "g.id, g.name",
            ),
        };
        self.read(|tx| {
            // Room to group a big desk's claims in memory rather than spill them to disk.
            tx.execute("SET LOCAL work_mem = '64MB'", &[])?;
            let mut params = Params::default();
            let clause = filter::clause(filter, tx, &mut params)?;
            // A claim counts once per group, however many of its attributions name it.
            let sql = format!(
                "WITH carried AS (
                     SELECT DISTINCT coalesce(s.merged_into, s.id) AS source, c.id, c.status,
                            c.logged_at
                     FROM claims c JOIN attributions a ON a.claim_id = c.id {sources}
                     WHERE {clause})
                 SELECT g.id, g.name, {private}, {}
                 FROM carried JOIN {names} g ON g.id = carried.source
                 GROUP BY {grouped}",
                by_status()
            );
            let statuses = Status::ALL.len();
            let rows = tx.query(&sql, &params.refs())?;
            rows.iter()
                .map(|row| {
                    let group_id: i64 = row.try_get(0)?;
                    let hidden = row.try_get::<_, bool>(4)? && visibility == Visibility::Redacted;
                    let name = group_name(
                        group_id,
                        row.try_get(1)?,
                        row.try_get(2)?,
                        row.try_get(3)?,
                        hidden,
                    );
                    Ok(GroupCounts {
                        group_id,
                        name,
                        by_status: (0..statuses)
                            .map(|i| count(row, 5 + i))
                            .collect::<Result<_>>()?,
                        oldest_open_at: time_opt(row, 5 + statuses)?,
                    })
                })
                .collect()
        })
    }
}

/// A count per status in the order of `Status::ALL`, then the oldest open claim's logging.
fn by_status() -> String {
    let mut columns: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("count(*) FILTER (WHERE carried.status = '{}')", s.as_str()))
        .collect();
    let open: Vec<String> = Status::open()
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    columns.push(format!(
        "min(carried.logged_at) FILTER (WHERE carried.status IN ({}))",
        open.join(", ")
    ));
    columns.join(", ")
}
