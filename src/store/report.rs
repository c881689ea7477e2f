//! The counts behind the per-source report, aggregated in SQL so the report never loads the
//! claims themselves.

use anyhow::Result;
use rusqlite::params_from_iter;

use super::Store;
use super::convert::count;
use super::filter::ClaimFilter;
use crate::model::{Claimant, Status, Visibility, describe};
use crate::time::Timestamp;

/// What the report groups claims by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Claimant,
    Outlet,
}

/// How many of a group's claims stand at one status, and when the oldest of them was logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupStatusCount {
    pub group_id: i64,
    pub name: String,
    pub status: Status,
    pub claims: u64,
    pub oldest_logged_at: Timestamp,
}

impl Store {
    /// One row per (group, status) among the claims the filter selects. A claim counts once
    /// per group however many of its attributions name that group.
    pub fn group_status_counts(
        &self,
        group: Group,
        filter: &ClaimFilter,
        visibility: Visibility,
    ) -> Result<Vec<GroupStatusCount>> {
        let clause = filter.clause(&self.conn)?;
        let pairs = match group {
            Group::Claimant => {
                "SELECT DISTINCT coalesce(s.merged_into, s.id) AS gid, p.id, p.status, p.logged_at
                 FROM picked p
                 JOIN attributions a ON a.claim_id = p.id
                 JOIN claimants s ON s.id = a.claimant_id"
            }
            Group::Outlet => {
                "SELECT DISTINCT coalesce(o.merged_into, o.id) AS gid, p.id, p.status, p.logged_at
                 FROM picked p
                 JOIN attributions a ON a.claim_id = p.id
                 JOIN relays r ON r.attribution_id = a.id
                 JOIN outlets o ON o.id = r.outlet_id"
            }
        };
        let (table, private) = match group {
            Group::Claimant => ("claimants", "g.role, g.affiliation, g.confidential"),
            Group::Outlet => ("outlets", "NULL, NULL, 0"),
        };
        let sql = format!(
            "WITH picked AS (SELECT c.id, c.status, c.logged_at FROM claims c WHERE {where_}),
                  pairs AS ({pairs})
             SELECT g.id, g.name, {private}, pairs.status, count(*), min(pairs.logged_at)
             FROM pairs JOIN {table} g ON g.id = pairs.gid
             GROUP BY g.id, pairs.status
             ORDER BY g.id, pairs.status",
            where_ = clause.sql,
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(&clause.params), |row| {
                let group_id: i64 = row.get(0)?;
                let hidden = row.get::<_, bool>(4)? && visibility == Visibility::Redacted;
                let name = if hidden {
                    // A hidden claimant still shows its role and affiliation.
                    let (role, affiliation): (Option<String>, Option<String>) =
                        (row.get(2)?, row.get(3)?);
                    describe(
                        &Claimant::placeholder(group_id),
                        role.as_deref(),
                        affiliation.as_deref(),
                    )
                } else {
                    row.get(1)?
                };
                Ok(GroupStatusCount {
                    group_id,
                    name,
                    status: row.get(5)?,
                    claims: count(row, 6)?,
                    oldest_logged_at: row.get(7)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }
}
