//! `claimtrail list`: the claims still needing work, or whichever the filters pick.

use std::io::Write;

use anyhow::Result;

use super::{Context, claim_filter, now};
use crate::cli::ListArgs;
use crate::model::{Status, Visibility};
use crate::render;

pub fn run(ctx: &Context, args: ListArgs, out: &mut dyn Write) -> Result<()> {
    let now = now()?;
    let statuses = if args.all {
        Vec::new()
    } else if args.status.is_empty() {
        Status::open()
    } else {
        args.status
    };
    let filter = claim_filter(args.filter, statuses, now);
    let claims = ctx
        .store()?
        .list_claims(&filter, Visibility::from_reveal(args.reveal))?;
    if claims.is_empty() {
        // Said on stderr, so that a script reading stdout sees an empty list, not a sentence.
        eprintln!("claimtrail: no claims match these filters");
        if args.format == crate::cli::Format::Table {
            return Ok(());
        }
    }
    render::claims::list(out, &claims, args.format, now)?;
    Ok(())
}
