//! What `add` and `extract --add` share: noticing that a claim just logged reads like one
//! already open, heard again from another outlet, and saying how to record it as
//! corroboration instead.

use std::io::Write;

use anyhow::Result;

use super::{Context, shell_quote};
use crate::model::ClaimId;
use crate::render;
use crate::resemblance;
use crate::store::{Logged, NewAttribution, NewClaim, WordPairs};

/// The words an open claim like one with `text` would share with it: what `add` asks the
/// ledger to look for as it logs the claim.
pub fn words(text: &str) -> WordPairs {
    WordPairs::of(resemblance::content_words(text), 12)
}

/// A claim already open in the ledger with nearly the same words was probably heard again
/// from another outlet: says which, on stderr, and the `cite` that would have recorded the
/// corroboration instead. The candidates are those the ledger found as it logged the claim
/// (`Logged::alike`); claims in `batch` (logged together with this one) are not its twins.
pub fn point_out(
    ctx: &Context,
    claim: &NewClaim,
    logged: &Logged,
    batch: &[ClaimId],
) -> Result<()> {
    let best = logged
        .alike
        .iter()
        .filter(|(id, _)| *id != logged.id && !batch.contains(id))
        .map(|(id, text)| (resemblance::resemblance(&claim.text, text), id, text))
        .filter(|(score, _, _)| *score >= resemblance::THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let Some((_, id, text)) = best else {
        return Ok(());
    };
    let mut err = std::io::stderr();
    writeln!(
        err,
        "claim {} reads like open claim {id} (\"{}\"); if it is the same claim from another source, this records it as corroboration instead:",
        logged.id,
        render::shorten(text, 80)
    )?;
    let db = ctx.db_flag();
    writeln!(
        err,
        "  {}",
        cite_command(*id, db.as_deref(), &claim.attribution, logged)
    )?;
    Ok(())
}

/// `claimtrail cite ID ...` with the attribution just logged, quoted for a POSIX shell. A
/// confidential claimant is named by its placeholder, as in every message.
fn cite_command(id: ClaimId, db: Option<&str>, a: &NewAttribution, logged: &Logged) -> String {
    let mut words = vec!["claimtrail".to_owned()];
    if let Some(db) = db {
        words.push("--db".to_owned());
        words.push(shell_quote(db));
    }
    words.extend(["cite".to_owned(), id.to_string()]);
    let mut flag = |name: &str, value: &str| {
        words.push(format!("--{name}"));
        words.push(shell_quote(value));
    };
    flag("by", &logged.claimant.name);
    if let Some(role) = &a.role {
        flag("role", role);
    }
    if let Some(affiliation) = &a.affiliation {
        flag("affiliation", affiliation);
    }
    for outlet in &a.via {
        flag("via", outlet);
    }
    if let Some(medium) = &a.medium {
        flag("medium", medium);
    }
    if let Some(made_at) = &a.made_at {
        flag("made-at", &made_at.to_string());
    }
    if let Some(url) = &a.url {
        flag("url", url);
    }
    words.join(" ")
}
