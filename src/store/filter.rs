//! Which claims a read command looks at, turned into one WHERE clause shared by the list and
//! the report.

use anyhow::Result;
use rusqlite::Connection;
use rusqlite::types::Value;

use super::names::{CLAIMANTS, OUTLETS};
use crate::model::Status;
use crate::time::Timestamp;

/// Every field narrows the selection; the default selects every claim.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Only claims whose current status is one of these (all when empty).
    pub statuses: Vec<Status>,
    /// Only claims with an attribution to this claimant (by name or alias).
    pub by: Option<String>,
    /// Only claims relayed, anywhere in a chain, by this outlet (by name or alias).
    pub via: Option<String>,
    pub story: Option<String>,
    /// Only claims logged at or after this time.
    pub since: Option<Timestamp>,
    /// Only claims logged before this time.
    pub logged_before: Option<Timestamp>,
    /// Words that must all appear in the text.
    pub search: Option<String>,
    pub limit: Option<u64>,
}

/// A WHERE clause over `claims c`, and its parameters in order.
pub struct Clause {
    pub sql: String,
    pub params: Vec<Value>,
}

impl ClaimFilter {
    /// True when the filter narrows nothing.
    pub fn selects_everything(&self) -> bool {
        self.statuses.is_empty()
            && self.by.is_none()
            && self.via.is_none()
            && self.story.is_none()
            && self.since.is_none()
            && self.logged_before.is_none()
            && self.search.is_none()
            && self.limit.is_none()
    }

    /// Resolves names to rows (an unknown name is an error that suggests near ones) and builds
    /// the clause.
    pub fn clause(&self, conn: &Connection) -> Result<Clause> {
        let mut parts: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        if !self.statuses.is_empty() {
            let marks = vec!["?"; self.statuses.len()].join(", ");
            parts.push(format!("c.status IN ({marks})"));
            params.extend(
                self.statuses
                    .iter()
                    .map(|s| Value::from(s.as_str().to_owned())),
            );
        }
        if let Some(name) = &self.by {
            let id = CLAIMANTS.require(conn, name)?;
            // A lookup per candidate claim on the table's key, not a list of all that
            // source's claims: a busy source carries hundreds of thousands.
            parts.push(
                "EXISTS (SELECT 1 FROM claim_sources cs
                         WHERE cs.kind = 'claimant' AND cs.source_id = ? AND cs.claim_id = c.id)"
                    .into(),
            );
            params.push(Value::from(id));
        }
        if let Some(name) = &self.via {
            let id = OUTLETS.require(conn, name)?;
            parts.push(
                "EXISTS (SELECT 1 FROM claim_sources cs
                         WHERE cs.kind = 'outlet' AND cs.source_id = ? AND cs.claim_id = c.id)"
                    .into(),
            );
            params.push(Value::from(id));
        }
        if let Some(story) = &self.story {
            parts.push("c.story = ? COLLATE NOCASE".into());
            params.push(Value::from(story.trim().to_owned()));
        }
        if let Some(since) = self.since {
            parts.push("c.logged_at >= ?".into());
            params.push(Value::from(since.to_string()));
        }
        if let Some(before) = self.logged_before {
            parts.push("c.logged_at < ?".into());
            params.push(Value::from(before.to_string()));
        }
        if let Some(words) = &self.search {
            parts.push("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)".into());
            params.push(Value::from(fts_query(words)));
        }
        let sql = if parts.is_empty() {
            "1".to_owned()
        } else {
            parts.join(" AND ")
        };
        Ok(Clause { sql, params })
    }
}

/// Each word becomes a quoted FTS5 string, so punctuation and FTS operators in what the user
/// typed are searched for rather than obeyed; all words must match.
fn fts_query(words: &str) -> String {
    let quoted: Vec<String> = words
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if quoted.is_empty() {
        "\"\"".to_owned()
    } else {
        quoted.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn search_words_are_quoted_so_operators_are_literal() {
        assert_eq!(fts_query("march baghdad"), "\"march\" \"baghdad\"");
        assert_eq!(fts_query("\"; DROP"), "\"\"\";\" \"DROP\"");
        assert_eq!(fts_query("  "), "\"\"");
    }
}
