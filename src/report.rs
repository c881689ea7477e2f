//! The per-source report: how each claimant and outlet has done so far, computed into plain
//! rows that the renderers turn into tables, JSON or CSV.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Status;
use crate::store::GroupStatusCount;
use crate::time::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportRow {
    pub name: String,
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

/// Folds (group, status) counts into one row per group, most claims first, then by name.
pub fn rows(counts: &[GroupStatusCount]) -> Vec<ReportRow> {
    let mut groups: BTreeMap<i64, ReportRow> = BTreeMap::new();
    for count in counts {
        let row = groups.entry(count.group_id).or_insert_with(|| ReportRow {
            name: count.name.clone(),
            claims: 0,
            by_status: Status::ALL.iter().map(|s| (*s, 0)).collect(),
            verified_share: None,
            false_share: None,
            oldest_open_at: None,
        });
        row.claims += count.claims;
        *row.by_status.entry(count.status).or_default() += count.claims;
        if count.status.is_open() {
            row.oldest_open_at = Some(match row.oldest_open_at {
                Some(t) => t.min(count.oldest_logged_at),
                None => count.oldest_logged_at,
            });
        }
    }
    let mut rows: Vec<ReportRow> = groups.into_values().map(with_shares).collect();
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

    fn count(
        group_id: i64,
        name: &str,
        status: Status,
        claims: u64,
        oldest: &str,
    ) -> GroupStatusCount {
        GroupStatusCount {
            group_id,
            name: name.into(),
            status,
            claims,
            oldest_logged_at: at(oldest),
        }
    }

    #[test]
    fn shares_are_of_settled_claims_and_the_oldest_open_claim_is_found() {
        let rows = rows(&[
            count(1, "Reuters", Status::Verified, 3, "2014-06-12T10:00:00Z"),
            count(1, "Reuters", Status::False, 1, "2014-06-12T08:00:00Z"),
            count(1, "Reuters", Status::Unverified, 2, "2014-06-12T09:00:00Z"),
            count(1, "Reuters", Status::Disputed, 1, "2014-06-12T07:00:00Z"),
            count(2, "AFP", Status::Unverified, 1, "2014-06-12T11:00:00Z"),
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
        assert_eq!(afp.oldest_open_at, Some(at("2014-06-12T11:00:00Z")));
    }

    #[test]
    fn a_group_with_nothing_open_has_no_oldest_open_claim() {
        let rows = rows(&[count(
            5,
            "Ban Ki-moon",
            Status::Retracted,
            2,
            "2014-06-11T00:00:00Z",
        )]);
        assert_eq!(rows[0].oldest_open_at, None);
        assert_eq!(rows[0].false_share, Some(1.0));
        assert_eq!(rows[0].verified_share, Some(0.0));
    }

    #[test]
    fn rows_run_from_most_claims_to_fewest_then_by_name() {
        let rows = rows(&[
            count(1, "b", Status::Verified, 1, "2014-06-12T10:00:00Z"),
            count(2, "a", Status::Verified, 1, "2014-06-12T10:00:00Z"),
            count(3, "c", Status::Verified, 4, "2014-06-12T10:00:00Z"),
        ]);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["c", "a", "b"]);
    }
}
