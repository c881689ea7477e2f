//! `claimtrail list`: the claims still needing work, or whichever the filters pick.

use std::io::Write;

use anyhow::Result;

use super::{Context, now, since_time};
use crate::cli::ListArgs;
use crate::model::{Status, Visibility};
use crate::render;
use crate::store::ClaimFilter;

pub fn run(ctx: &Context, args: ListArgs, out: &mut dyn Write) -> Result<()> {
    let now = now()?;
    let statuses = if args.all {
        Vec::new()
    } else if args.status.is_empty() {
        Status::open()
    } else {
        args.status
    };
    let filter = ClaimFilter {
        statuses,
        by: args.claimant,
        via: args.via,
        story: args.story,
        since: args.since.map(|s| since_time(s, now)),
        logged_before: args.older_than.map(|d| now.minus(d)),
        search: args.search,
        limit: args.limit,
    };
    let claims = ctx
        .store()?
        .list_claims(&filter, Visibility::from_reveal(args.reveal))?;
    render::claims::list(out, &claims, args.format, now)?;
    Ok(())
}
