//! The counts behind the per-source report, aggregated in SQL so the report never loads the
//! claims themselves.

use anyhow::Result;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::Store;
use crate::model::GroupCounts;
use crate::model::{Status, Visibility};
use crate::store::{ClaimFilter, Group, Reports, group_name};

impl Reports for Store {
    fn group_counts(
        &self,
        group: Group,
        filter: &ClaimFilter,
        visibility: Visibility,
    ) -> Result<Vec<GroupCounts>> {
        let (kind, table, private) = match group {
            Group::Claimant => (
                "claimant",
                "claimants",
                "g.role, g.affiliation, g.confidential",
            ),
            Group::Outlet => ("outlet", "outlets", "NULL, NULL, 0"),
        };
        let mut params: Vec<Value> = vec![Value::from(kind.to_owned())];
        let sql = if filter.selects_everything() {
            format!(
                "SELECT g.id, g.name, {private}, {TOTALS}
                 FROM source_totals st JOIN {table} g ON g.id = st.source_id
                 WHERE st.kind = ?"
            )
        } else {
            // CROSS JOIN keeps the claims outermost: the filter picks them by index, and
            // each then finds its sources, rather than every source being walked.
            let clause = filter.clause(&self.conn)?;
            params.extend(clause.params);
            format!(
                "SELECT g.id, g.name, {private}, {}
                 FROM claims c
                 CROSS JOIN claim_sources cs ON cs.claim_id = c.id AND cs.kind = ?
                 JOIN {table} g ON g.id = cs.source_id
                 WHERE {}
                 GROUP BY g.id",
                by_status("cs.status", "1", "cs.logged_at"),
                clause.sql
            )
        };
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let statuses = Status::ALL.len();
        let rows = stmt
            .query_map(params_from_iter(&params), |row| {
                let group_id: i64 = row.get(0)?;
                let hidden = row.get::<_, bool>(4)? && visibility == Visibility::Redacted;
                let name = group_name(group_id, row.get(1)?, row.get(2)?, row.get(3)?, hidden);
                let by_status = (0..statuses)
                    .map(|i| Ok(row.get::<_, Option<i64>>(5 + i)?.unwrap_or(0) as u64))
                    .collect::<rusqlite::Result<Vec<u64>>>()?;
                Ok(GroupCounts {
                    group_id,
                    name,
                    by_status,
                    oldest_open_at: row.get(5 + statuses)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }
}

/// The stored totals, a column per status in the order of `Status::ALL`, then when the
/// oldest open claim was logged.
const TOTALS: &str = "st.n_unverified, st.n_corroborated, st.n_verified, st.n_disputed, \
                      st.n_false, st.n_retracted, st.oldest_open";

/// A column per status summing `counted`, then the oldest `logged` among open statuses.
/// The statuses are literals from a closed vocabulary.
fn by_status(status: &str, counted: &str, logged: &str) -> String {
    let mut columns: Vec<String> = Status::ALL
        .iter()
        .map(|s| format!("sum({counted}) FILTER (WHERE {status} = '{}')", s.as_str()))
        .collect();
    let open: Vec<String> = Status::open()
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    columns.push(format!(
        "min({logged}) FILTER (WHERE {status} IN ({}))",
        open.join(", ")
    ));
    columns.join(", ")
}
