//! `claimtrail add`: log a claim.

use std::io::{Read, Write};

use anyhow::{Context as _, Result};

use super::{Context, attribution, now, shell_quote};
use crate::cli::AddArgs;
use crate::error::usage;
use crate::model::{self, ClaimId};
use crate::render;
use crate::resemblance;
use crate::store::{Logged, NewAttribution, NewClaim, NewEvent, Store};

pub fn run(ctx: &Context, args: AddArgs, out: &mut dyn Write) -> Result<()> {
    let reporter = ctx.reporter()?;
    let text = if args.text == "-" {
        read_stdin()?
    } else {
        args.text
    };
    let made_at = args.attribution.made_at;
    let claim = NewClaim {
        text,
        story: args.story,
        made_at,
        attribution: attribution::from_args(args.attribution),
        first_event: NewEvent {
            status: args.status,
            note: args.note,
            evidence: Vec::new(),
        },
    };
    let mut store = ctx.store()?;
    let logged = store.add_claim(&claim, &reporter, now()?)?;
    attribution::report_new_names(out, &logged)?;
    writeln!(out, "logged claim {} ({})", logged.id, args.status)?;
    if !args.quiet {
        out.flush()?;
        point_out_a_twin(ctx, &store, &claim, &logged)?;
    }
    Ok(())
}

/// A claim already open in the ledger with nearly the same words was probably heard again
/// from another outlet: says which, on stderr, and the `cite` that would have recorded the
/// corroboration instead.
fn point_out_a_twin(ctx: &Context, store: &Store, claim: &NewClaim, logged: &Logged) -> Result<()> {
    let words: Vec<String> = resemblance::content_words(&claim.text)
        .into_iter()
        .collect();
    let candidates = store.open_claims_with_words(&words, logged.id, 20)?;
    let best = candidates
        .iter()
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

/// The claim text from standard input, held to the same rules as text typed inline.
fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("cannot read the claim text from standard input")?;
    let text = String::from_utf8(bytes)
        .map_err(|_| usage("the claim text on standard input is not UTF-8"))?;
    model::check_claim_text(&text).map_err(usage)
}
