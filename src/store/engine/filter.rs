//! Which claims a read command looks at, turned into one WHERE clause over `claims c`
//! shared by the list, the export and the report.

use anyhow::{Result, bail};

use super::names::{CLAIMANTS, NameTable, OUTLETS};
use super::{Dialect, Read as _, Seam, Value};
use crate::model::Status;
use crate::store::ClaimFilter;
use crate::values;

/// A WHERE clause over `claims c`, and its parameters in order (`?1` on).
pub struct Clause {
    /// The claims table as `c`, with the index to reach it by when that matters.
    pub from: String,
    pub sql: String,
    pub params: Vec<Value>,
}

impl Clause {
    /// The next parameter's placeholder, for a statement that adds its own after these.
    pub fn next(&self) -> usize {
        self.params.len() + 1
    }
}

/// A claimant or outlet the filter names, as its surviving row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Source {
    table: &'static NameTable,
    id: i64,
}

/// The claims the filter selects, reached however suits a scan in id order. Resolves
/// names to rows (an unknown name is an error that suggests near ones).
pub fn clause(db: &mut dyn Seam, filter: &ClaimFilter) -> Result<Clause> {
    driven(db, filter, None, "claims c")
}

/// The claims the filter selects, reached the fastest way for a listing in age order.
/// SQLite's planner, which has no statistics here, would walk every claim of the statuses
/// asked for and sort them; the per-source counts the ledger keeps say better.
pub fn listing(db: &mut dyn Seam, filter: &ClaimFilter) -> Result<Clause> {
    if db.dialect() != Dialect::Sqlite {
        return clause(db, filter);
    }
    match route(db, filter)? {
        Route::FromSource(source) => driven(db, filter, Some(source), "claims c NOT INDEXED"),
        Route::OpenByAge => driven(db, filter, None, "claims c INDEXED BY claims_open_by_age"),
        Route::Planner => clause(db, filter),
    }
}

/// How a listing reaches its claims.
enum Route {
    /// From the one source's own claims, then sorted: when it has few.
    FromSource(Source),
    /// Along the partial index of open claims in age order, stopping at the limit.
    OpenByAge,
    Planner,
}

fn route(db: &mut dyn Seam, filter: &ClaimFilter) -> Result<Route> {
    let open = filter.statuses.len() == Status::open().len()
        && Status::open().iter().all(|s| filter.statuses.contains(s));
    let by_age = open && filter.search.is_none();
    let mut narrowest: Option<(Source, u64, u64)> = None;
    for source in sources(db, filter)? {
        let (asked, all) = source_claims(db, filter, source)?;
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
    let claims = db
        .query_one("SELECT coalesce(max(id), 0) AS n FROM claims", &[])?
        .count("n")?;
    let walked = match filter.limit {
        Some(limit) if all > 0 => limit.saturating_mul(claims) / all,
        _ => u64::MAX,
    };
    Ok(if asked <= walked {
        Route::FromSource(source)
    } else {
        Route::OpenByAge
    })
}

/// The claimant and outlet the filter names, as surviving rows.
fn sources(db: &mut dyn Seam, filter: &ClaimFilter) -> Result<Vec<Source>> {
    let mut sources = Vec::new();
    for (table, name) in [(&CLAIMANTS, &filter.by), (&OUTLETS, &filter.via)] {
        if let Some(name) = name {
            let id = table.require(db, name)?;
            sources.push(Source { table, id });
        }
    }
    Ok(sources)
}

/// How many of a source's claims have the statuses asked for, and how many it has.
fn source_claims(db: &mut dyn Seam, filter: &ClaimFilter, source: Source) -> Result<(u64, u64)> {
    let sql = format!(
        "SELECT coalesce(sum(claims), 0) AS everything,
                coalesce(sum(claims) FILTER (WHERE true{}), 0) AS asked
         FROM source_counts WHERE kind = ?1 AND source_id = ?2",
        source_statuses(filter)
    );
    let row = db.query_one(&sql, values![source.table.noun, source.id])?;
    Ok((row.count("asked")?, row.count("everything")?))
}

/// The statuses as SQL literals in their canonical order, so that the partial index of
/// open claims, whose WHERE names them so, is seen to apply. They come from a closed
/// vocabulary, never from the user's text.
pub fn status_list(statuses: &[Status]) -> String {
    let mut statuses = statuses.to_vec();
    statuses.sort();
    statuses.dedup();
    let quoted: Vec<String> = statuses
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    quoted.join(", ")
}

fn source_statuses(filter: &ClaimFilter) -> String {
    if filter.statuses.is_empty() {
        String::new()
    } else {
        format!(" AND status IN ({})", status_list(&filter.statuses))
    }
}

/// Whether the claim `c` names the source, through the per-source index the ledger keeps.
fn carries(source: Source, param: usize, driving: Option<&str>) -> String {
    let kind = source.table.noun;
    match driving {
        Some(statuses) => format!(
            "c.id IN (SELECT claim_id FROM claim_sources
                      WHERE kind = '{kind}' AND source_id = ?{param}{statuses})"
        ),
        // A lookup per candidate claim on the table's key, not a list of all that source's
        // claims: a busy source carries hundreds of thousands.
        None => format!(
            "EXISTS (SELECT 1 FROM claim_sources cs
                     WHERE cs.kind = '{kind}' AND cs.source_id = ?{param} AND cs.claim_id = c.id)"
        ),
    }
}

fn driven(
    db: &mut dyn Seam,
    filter: &ClaimFilter,
    drive: Option<Source>,
    from: &str,
) -> Result<Clause> {
    let dialect = db.dialect();
    let mut parts: Vec<String> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    if !filter.statuses.is_empty() {
        parts.push(format!("c.status IN ({})", status_list(&filter.statuses)));
    }
    for source in sources(db, filter)? {
        let statuses = source_statuses(filter);
        let driving = (Some(source) == drive).then_some(statuses.as_str());
        parts.push(carries(source, params.len() + 1, driving));
        params.push(Value::Int(source.id));
    }
    if let Some(story) = &filter.story {
        require_story(db, story)?;
        parts.push(format!(
            "{} = {}",
            dialect.caseless("c.story"),
            dialect.caseless(&format!("?{}", params.len() + 1))
        ));
        params.push(Value::from(story.trim()));
    }
    if let Some(since) = filter.since {
        parts.push(format!("c.logged_at >= ?{}", params.len() + 1));
        params.push(Value::Time(since));
    }
    if let Some(before) = filter.logged_before {
        parts.push(format!("c.logged_at < ?{}", params.len() + 1));
        params.push(Value::Time(before));
    }
    if let Some(mark) = &filter.changed_since {
        parts.push(format!(
            "c.id IN (SELECT n.id FROM changes n WHERE n.kind = 'claim' AND {})",
            dialect.changed_since(params.len() + 1)
        ));
        params.push(Value::from(mark.as_str()));
    }
    if let Some(words) = &filter.search {
        let (sql, values) = dialect.words_in_text(words, params.len() + 1);
        parts.push(sql);
        params.extend(values);
    }
    let sql = if parts.is_empty() {
        "true".to_owned()
    } else {
        parts.join(" AND ")
    };
    Ok(Clause {
        from: from.to_owned(),
        sql,
        params,
    })
}

/// A story is known only through its claims: one no claim has is a slip, and the nearest
/// story is suggested.
fn require_story(db: &mut dyn Seam, story: &str) -> Result<()> {
    let dialect = db.dialect();
    let sql = format!(
        "SELECT 1 AS known FROM claims WHERE {} = {} LIMIT 1",
        dialect.caseless("story"),
        dialect.caseless("?1")
    );
    if db.query_opt(&sql, values![story.trim()])?.is_some() {
        return Ok(());
    }
    let stories: Vec<String> = db
        .query(
            "SELECT DISTINCT story FROM claims WHERE story IS NOT NULL",
            &[],
        )?
        .iter()
        .map(|r| r.text("story"))
        .collect::<Result<_>>()?;
    match crate::suggest::closest(story, stories.iter().map(String::as_str)) {
        Some(near) => bail!("no story \"{}\" (did you mean \"{near}\"?)", story.trim()),
        None => bail!("no story \"{}\" in this ledger", story.trim()),
    }
}
