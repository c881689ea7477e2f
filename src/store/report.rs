//! The counts behind the per-source report, aggregated in SQL so the report never loads the
//! claims themselves.

use anyhow::Result;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

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
    /// per group however many of its attributions name that group. Over the whole ledger
    /// the counts the database keeps current are read as they stand, without a scan.
    pub fn group_status_counts(
        &self,
        group: Group,
        filter: &ClaimFilter,
        visibility: Visibility,
    ) -> Result<Vec<GroupStatusCount>> {
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
                "SELECT g.id, g.name, {private}, sc.status, sc.claims, sc.oldest_logged_at
                 FROM source_counts sc JOIN {table} g ON g.id = sc.source_id
                 WHERE sc.kind = ?"
            )
        } else {
            // CROSS JOIN keeps the claims outermost: the filter picks them by index, and
            // each then finds its sources, rather than every source being walked.
            let clause = filter.clause(&self.conn)?;
            params.extend(clause.params);
            format!(
                "SELECT g.id, g.name, {private}, cs.status, count(*), min(cs.logged_at)
                 FROM claims c
                 CROSS JOIN claim_sources cs ON cs.claim_id = c.id AND cs.kind = ?
                 JOIN {table} g ON g.id = cs.source_id
                 WHERE {}
                 GROUP BY g.id, cs.status",
                clause.sql
            )
        };
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(&params), |row| {
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
