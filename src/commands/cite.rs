//! `claimtrail cite`: another attribution for a claim already logged.

use std::io::Write;

use anyhow::Result;

use super::{Context, attribution, now};
use crate::cli::CiteArgs;
use crate::model::Visibility;

pub fn run(ctx: &Context, args: CiteArgs, out: &mut dyn Write) -> Result<()> {
    let reporter = ctx.reporter()?;
    let mut store = ctx.store()?;
    let new = attribution::from_args(args.attribution);
    let logged = store.cite(args.id, &new, &reporter, now()?)?;
    attribution::report_new_names(out, &logged)?;
    let sources = store
        .claim_detail(args.id, Visibility::Redacted)?
        .map(|d| d.claim.independent_sources())
        .unwrap_or(0);
    let plural = if sources == 1 { "" } else { "s" };
    writeln!(
        out,
        "cited claim {} to \"{}\": {sources} independent source{plural}",
        logged.id, logged.claimant.name
    )?;
    Ok(())
}
