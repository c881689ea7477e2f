//! Reading claims, written once for every ledger.

use anyhow::Result;

use super::{Seam, Value};
use crate::model::{Status, StoryCount};

/// `?from, ?from+1, ...`: a parameter for each of `n` values.
fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The open statuses as statement values, from the one place they are spelled.
fn open_statuses() -> Vec<Value> {
    Status::open()
        .into_iter()
        .map(|s| Value::Text(s.as_str().to_owned()))
        .collect()
}

/// Every story with how many claims it has and how many are open; stories that differ only
/// in case are one, shown under the first of their spellings in byte order.
pub fn stories(db: &mut dyn Seam) -> Result<Vec<StoryCount>> {
    let dialect = db.dialect();
    let open = open_statuses();
    let sql = format!(
        "SELECT min(story) AS story, count(*) AS claims,
                count(*) FILTER (WHERE status IN ({})) AS open
         FROM claims WHERE story IS NOT NULL
         GROUP BY {} ORDER BY {}",
        placeholders(1, open.len()),
        dialect.caseless("story"),
        dialect.caseless_order("story"),
    );
    db.query(&sql, &open)?
        .into_iter()
        .map(|row| {
            Ok(StoryCount {
                story: row.text("story")?,
                claims: row.count("claims")?,
                open: row.count("open")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_numbered_from_where_they_start() {
        assert_eq!(placeholders(1, 3), "?1, ?2, ?3");
        assert_eq!(placeholders(4, 1), "?4");
        assert_eq!(placeholders(1, 0), "");
    }
}
