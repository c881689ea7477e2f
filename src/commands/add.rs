//! `claimtrail add`: log a claim.

use std::io::Write;

use anyhow::Result;

use super::{Context, attribution, now};
use crate::cli::AddArgs;
use crate::store::{NewClaim, NewEvent};

pub fn run(ctx: &Context, args: AddArgs, out: &mut dyn Write) -> Result<()> {
    let reporter = ctx.reporter()?;
    let made_at = args.attribution.made_at;
    let claim = NewClaim {
        text: args.text,
        story: args.story,
        made_at,
        attribution: attribution::from_args(args.attribution),
        first_event: NewEvent {
            status: args.status,
            note: args.note,
            evidence: Vec::new(),
        },
    };
    let logged = ctx.store()?.add_claim(&claim, &reporter, now()?)?;
    attribution::report_new_names(out, &logged)?;
    writeln!(out, "logged claim {} ({})", logged.id, args.status)?;
    Ok(())
}
