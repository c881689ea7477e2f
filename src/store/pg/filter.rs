//! Which claims a read command looks at, as one WHERE clause over `claims c` on the server.

use super::db::Db;
use anyhow::{Result, bail};

use super::names::{CLAIMANTS, OUTLETS};
use super::rows::Params;
use crate::store::ClaimFilter;

/// The clause; names are resolved to rows first (an unknown one is an error that suggests
/// near ones), and parameters are added to `params`.
pub fn clause(filter: &ClaimFilter, tx: &mut Db, params: &mut Params) -> Result<String> {
    let mut parts: Vec<String> = Vec::new();
    if !filter.statuses.is_empty() {
        let words: Vec<String> = filter.statuses.iter().map(|s| s.to_string()).collect();
        parts.push(format!("c.status = ANY({})", params.push(words)));
    }
    if let Some(name) = &filter.by {
        let id = CLAIMANTS.require(tx, name)?;
        parts.push(format!(
            "EXISTS (SELECT 1 FROM attributions a JOIN claimants_visible s ON s.id = a.claimant_id
                     WHERE a.claim_id = c.id AND coalesce(s.merged_into, s.id) = {})",
            params.push(id)
        ));
    }
    if let Some(name) = &filter.via {
        let id = OUTLETS.require(tx, name)?;
        parts.push(format!(
            "EXISTS (SELECT 1 FROM attributions a JOIN relays r ON r.attribution_id = a.id
                     JOIN outlets o ON o.id = r.outlet_id
                     WHERE a.claim_id = c.id AND coalesce(o.merged_into, o.id) = {})",
            params.push(id)
        ));
    }
    if let Some(story) = &filter.story {
        require_story(tx, story)?;
        parts.push(format!(
            "lower(c.story) = lower({})",
            params.push(story.trim().to_owned())
        ));
    }
    if let Some(since) = filter.since {
        parts.push(format!("c.logged_at >= {}", params.push(since.utc())));
    }
    if let Some(before) = filter.logged_before {
        parts.push(format!("c.logged_at < {}", params.push(before.utc())));
    }
    if let Some(words) = &filter.search {
        // Every word must appear, as the local ledger's full-text search has it.
        for word in words.split_whitespace() {
            parts.push(format!(
                "to_tsvector('simple', c.text) @@ phraseto_tsquery('simple', {})",
                params.push(word.to_owned())
            ));
        }
    }
    Ok(if parts.is_empty() {
        "true".to_owned()
    } else {
        parts.join(" AND ")
    })
}

/// A story is known only through its claims: one no claim has is a slip, and the nearest
/// story is suggested.
fn require_story(tx: &mut Db, story: &str) -> Result<()> {
    let known = tx
        .query_opt(
            "SELECT 1 FROM claims WHERE lower(story) = lower($1) LIMIT 1",
            &[&story.trim()],
        )?
        .is_some();
    if known {
        return Ok(());
    }
    let stories: Vec<String> = tx
        .query(
            "SELECT DISTINCT story FROM claims WHERE story IS NOT NULL",
            &[],
        )?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
    match crate::suggest::closest(story, stories.iter().map(String::as_str)) {
        Some(near) => bail!("no story \"{}\" (did you mean \"{near}\"?)", story.trim()),
        None => bail!("no story \"{}\" in this ledger", story.trim()),
    }
}
