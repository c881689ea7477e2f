//! `claimtrail add`: log a claim.

use std::io::{Read, Write};

use anyhow::{Context as _, Result};

use super::{Context, attribution, now, twins};
use crate::cli::{AddArgs, ClaimText};
use crate::error::usage;
use crate::model;
use crate::store::{NewClaim, NewEvent, WordPairs};

pub fn run(ctx: &Context, args: AddArgs, out: &mut dyn Write) -> Result<()> {
    let reporter = ctx.reporter()?;
    let text = match args.text {
        ClaimText::Stdin => read_stdin()?,
        ClaimText::Typed(text) => text,
    };
    let made_at = args.attribution.made_at;
    let alike = match args.quiet {
        true => WordPairs::Nothing,
        false => twins::words(&text),
    };
    let claim = NewClaim {
        alike,
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
        twins::point_out(ctx, &claim, &logged, &[])?;
    }
    Ok(())
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
