//! The per-source report: how each claimant and outlet has done so far, computed into plain
//! rows that the renderers turn into tables, JSON or CSV.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{GroupCounts, Reliability, Status};
use crate::time::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportRow {
    pub name: String,
    /// A claimant's reliability as an editor graded it: shown beside its record, never
    /// drawn from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    pub claims: u64,
    /// Every status, zero where none.
    pub by_status: BTreeMap<Status, u64>,
    /// Of the settled claims, the share verified; `None` while nothing is settled.
    pub verified_share: Option<f64>,
    /// Of the settled claims, the share shown false or retracted.
    pub false_share: Option<f64>,
    /// When the oldest still-open claim was logged.
    pub oldest_open_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimants: Option<Vec<ReportRow>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlets: Option<Vec<ReportRow>>,
}

/// One row per group, most claims first, then by name.
pub fn rows(groups: Vec<GroupCounts>) -> Vec<ReportRow> {
    let mut rows: Vec<ReportRow> = groups
        .into_iter()
        .map(|g| {
            with_shares(ReportRow {
                claims: g.by_status.iter().sum(),
                by_status: Status::ALL.iter().copied().zip(g.by_status).collect(),
                name: g.name,
                reliability: g.reliability,
                verified_share: None,
                false_share: None,
                oldest_open_at: g.oldest_open_at,
            })
        })
        .collect();
    rows.sort_by_cached_key(|r| (std::cmp::Reverse(r.claims), r.name.to_lowercase()));
    rows
}

fn with_shares(mut row: ReportRow) -> ReportRow {
    let count = |s: Status| row.by_status.get(&s).copied().unwrap_or(0);
    let settled: u64 = Status::ALL
        .iter()
        .filter(|s| !s.is_open())
        .map(|s| count(*s))
        .sum();
    if settled > 0 {
        let share = |n: u64| n as f64 / settled as f64;
        row.verified_share = Some(share(count(Status::Verified)));
        row.false_share = Some(share(count(Status::False) + count(Status::Retracted)));
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        crate::time::parse_when(s).unwrap()
    }

    fn group(
        id: i64,
        name: &str,
        counts: &[(Status, u64)],
        oldest_open: Option<&str>,
    ) -> GroupCounts {
        GroupCounts {
            group_id: id,
            name: name.into(),
            reliability: None,
            by_status: Status::ALL
                .iter()
                .map(|s| counts.iter().find(|(c, _)| c == s).map_or(0, |(_, n)| *n))
                .collect(),
            oldest_open_at: oldest_open.map(at),
        }
    }

    #[test]
    fn shares_are_of_settled_claims() {
        let rows = rows(vec![
            group(
                1,
                "Reuters",
                &[
                    (Status::Verified, 3),
                    (Status::False, 1),
                    (Status::Unverified, 2),
                    (Status::Disputed, 1),
                ],
                Some("2014-06-12T07:00:00Z"),
            ),
            group(
                2,
                "AFP",
                &[(Status::Unverified, 1)],
                Some("2014-06-12T11:00:00Z"),
            ),
        ]);
        assert_eq!(rows.len(), 2);
        let reuters = &rows[0];
        assert_eq!(reuters.name, "Reuters");
        assert_eq!(reuters.claims, 7);
        assert_eq!(reuters.by_status[&Status::Verified], 3);
        assert_eq!(reuters.by_status[&Status::Retracted], 0);
        assert_eq!(reuters.verified_share, Some(0.75));
        assert_eq!(reuters.false_share, Some(0.25));
        assert_eq!(reuters.oldest_open_at, Some(at("2014-06-12T07:00:00Z")));
        let afp = &rows[1];
        assert_eq!(afp.verified_share, None);
        assert_eq!(afp.false_share, None);
    }

    #[test]
    fn retracted_claims_count_as_shown_false() {
        let rows = rows(vec![group(
            5,
            "Ban Ki-moon",
            &[(Status::Retracted, 2)],
            None,
        )]);
        assert_eq!(rows[0].oldest_open_at, None);
        assert_eq!(rows[0].false_share, Some(1.0));
        assert_eq!(rows[0].verified_share, Some(0.0));
    }

    #[test]
    fn rows_run_from_most_claims_to_fewest_then_by_name() {
        let rows = rows(vec![
            group(1, "b", &[(Status::Verified, 1)], None),
            group(2, "a", &[(Status::Verified, 1)], None),
            group(3, "c", &[(Status::Verified, 4)], None),
        ]);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["c", "a", "b"]);
    }
}
