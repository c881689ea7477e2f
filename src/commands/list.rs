//! `claimtrail list`: the claims still needing work, or whichever the filters pick.

use std::io::Write;

use anyhow::Result;

use super::{Context, claim_filter, now};
use crate::cli::ListArgs;
use crate::model::{Status, Visibility};
use crate::render;
use crate::store::ClaimFilter;

pub fn run(ctx: &Context, args: ListArgs, out: &mut dyn Write) -> Result<()> {
    let now = now()?;
    let only_default = !args.all && args.status.is_empty() && args.filter.is_empty();
    let statuses = if args.all {
        Vec::new()
    } else if args.status.is_empty() {
        Status::open()
    } else {
        args.status
    };
    let filter = claim_filter(args.filter, statuses, now);
    let store = ctx.store()?;
    let claims = store.list_claims(&filter, Visibility::from_reveal(args.reveal))?;
    if claims.is_empty() {
        // Said on stderr, so that a script reading stdout sees an empty list, not a sentence.
        let why = if !only_default {
            "no claims match these filters"
        } else if store.count_claims(&ClaimFilter::default())? == 0 {
            "no claims yet: log one with claimtrail add"
        } else {
            "no open claims: every claim is settled (--all lists them)"
        };
        eprintln!("claimtrail: {why}");
        if args.format == crate::cli::Format::Table {
            return Ok(());
        }
    }
    render::claims::list(out, &claims, args.format.into(), now, &ctx.stdout_style())?;
    Ok(())
}
