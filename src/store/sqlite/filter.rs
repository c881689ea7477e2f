//! Which claims a read command looks at, turned into one WHERE clause shared by the list and
//! the report.

use anyhow::Result;
use rusqlite::Connection;
use rusqlite::types::Value;

use super::names::{CLAIMANTS, OUTLETS};
use crate::model::Status;
use crate::store::ClaimFilter;

/// A WHERE clause over `claims c`, and its parameters in order.
pub struct Clause {
    /// The claims table as `c`, with the index to reach it by when that matters.
    pub from: String,
    pub sql: String,
    pub params: Vec<Value>,
}

impl ClaimFilter {
    /// The claims the filter selects, reached however suits a scan in id order. Resolves
    /// names to rows (an unknown name is an error that suggests near ones).
    pub fn clause(&self, conn: &Connection) -> Result<Clause> {
        self.clause_driven(conn, None, "claims c")
    }

    /// The claims the filter selects, reached the fastest way for a listing in age order.
    /// SQLite's planner, which has no statistics here, would walk every claim of the
    /// statuses asked for and sort them; the per-source counts the ledger keeps say better.
    pub fn listing(&self, conn: &Connection) -> Result<Clause> {
        match self.route(conn)? {
            Route::FromSource(source) => {
                self.clause_driven(conn, Some(source), "claims c NOT INDEXED")
            }
            Route::OpenByAge => {
                self.clause_driven(conn, None, "claims c INDEXED BY claims_open_by_age")
            }
            Route::Planner => self.clause(conn),
        }
    }

    fn route(&self, conn: &Connection) -> Result<Route> {
        let open = self.statuses.len() == Status::open().len()
            && Status::open().iter().all(|s| self.statuses.contains(s));
        let by_age = open && self.search.is_none();
        let mut narrowest: Option<(Source, u64, u64)> = None;
        for source in self.sources(conn)? {
            let (asked, all) = self.source_claims(conn, source)?;
            if narrowest.is_none_or(|(_, n, _)| asked < n) {
                narrowest = Some((source, asked, all));
            }
        }
        let Some((source, asked, all)) = narrowest else {
            return Ok(if by_age {
                Route::OpenByAge
            } else {
                Route::Planner
            });
        };
        if !by_age {
            return Ok(Route::FromSource(source));
        }
        // Walking open claims by age meets one of this source's about once in
        // (claims / all); reading its own claims costs one lookup each.
        let claims: i64 =
            conn.query_row("SELECT coalesce(max(id), 0) FROM claims", [], |r| r.get(0))?;
        let walked = match self.limit {
            Some(limit) if all > 0 => limit.saturating_mul(claims as u64) / all,
            _ => u64::MAX,
        };
        Ok(if asked <= walked {
            Route::FromSource(source)
        } else {
            Route::OpenByAge
        })
    }

    /// The claimant and outlet the filter names, as surviving rows.
    fn sources(&self, conn: &Connection) -> Result<Vec<Source>> {
        let mut sources = Vec::new();
        if let Some(name) = &self.by {
            let id = CLAIMANTS.require(conn, name)?;
            sources.push(Source {
                kind: "claimant",
                id,
            });
        }
        if let Some(name) = &self.via {
            let id = OUTLETS.require(conn, name)?;
            sources.push(Source { kind: "outlet", id });
        }
        Ok(sources)
    }

    /// How many of a source's claims have the statuses asked for, and how many it has.
    fn source_claims(&self, conn: &Connection, source: Source) -> Result<(u64, u64)> {
        let sql = format!(
            "SELECT coalesce(sum(claims), 0),
                    coalesce(sum(claims) FILTER (WHERE 1{}), 0)
             FROM source_counts WHERE kind = ?1 AND source_id = ?2",
            self.source_statuses()
        );
        let (all, asked): (i64, i64) =
            conn.query_row(&sql, rusqlite::params![source.kind, source.id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        Ok((asked as u64, all as u64))
    }

    /// The statuses as SQL literals in their canonical order, so that the partial index of
    /// open claims, whose WHERE names them so, is seen to apply. They come from a closed
    /// vocabulary, never from the user's text.
    fn status_list(&self) -> String {
        let mut statuses = self.statuses.clone();
        statuses.sort();
        statuses.dedup();
        let quoted: Vec<String> = statuses
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect();
        quoted.join(", ")
    }

    fn source_statuses(&self) -> String {
        if self.statuses.is_empty() {
            String::new()
        } else {
            format!(" AND status IN ({})", self.status_list())
        }
    }

    fn clause_driven(
        &self,
        conn: &Connection,
        drive: Option<Source>,
        from: &str,
    ) -> Result<Clause> {
        let mut parts: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        if !self.statuses.is_empty() {
            parts.push(format!("c.status IN ({})", self.status_list()));
        }
        for source in self.sources(conn)? {
            if Some(source) == drive {
                parts.push(format!(
                    "c.id IN (SELECT claim_id FROM claim_sources
                              WHERE kind = '{}' AND source_id = ?{})",
                    source.kind,
                    self.source_statuses()
                ));
            } else {
                // A lookup per candidate claim on the table's key, not a list of all that
                // source's claims: a busy source carries hundreds of thousands.
                parts.push(format!(
                    "EXISTS (SELECT 1 FROM claim_sources cs
                             WHERE cs.kind = '{}' AND cs.source_id = ? AND cs.claim_id = c.id)",
                    source.kind
                ));
            }
            params.push(Value::from(source.id));
        }
        if let Some(story) = &self.story {
            require_story(conn, story)?;
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
        Ok(Clause {
            from: from.to_owned(),
            sql,
            params,
        })
    }
}

/// Each word becomes a quoted FTS5 string, so punctuation and FTS operators in what the user
/// typed are searched for rather than obeyed; all words must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Source {
    kind: &'static str,
    id: i64,
}

/// How a listing reaches its claims.
enum Route {
    /// From the one source's own claims, then sorted: when it has few.
    FromSource(Source),
    /// Along the partial index of open claims in age order, stopping at the limit.
    OpenByAge,
    Planner,
}

/// A story is known only through its claims: one no claim has is a slip, and the nearest
/// story is suggested.
fn require_story(conn: &Connection, story: &str) -> Result<()> {
    let known: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM claims WHERE story = ?1 COLLATE NOCASE)",
        [story.trim()],
        |r| r.get(0),
    )?;
    if known {
        return Ok(());
    }
    let mut stmt = conn.prepare("SELECT DISTINCT story FROM claims WHERE story IS NOT NULL")?;
    let stories: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match crate::suggest::closest(story, stories.iter().map(String::as_str)) {
        Some(near) => anyhow::bail!("no story \"{}\" (did you mean \"{near}\"?)", story.trim()),
        None => anyhow::bail!("no story \"{}\" in this ledger", story.trim()),
    }
}

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
