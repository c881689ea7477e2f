//! `claimtrail mark`: record where verification of a claim now stands.

use std::io::Write;

use anyhow::Result;

use super::{Context, now};
use crate::cli::MarkArgs;
use crate::store::NewEvent;

pub fn run(ctx: &Context, args: MarkArgs, out: &mut dyn Write) -> Result<()> {
    let reporter = ctx.reporter()?;
    let event = NewEvent {
        status: args.status,
        note: args.note,
        evidence: args.evidence,
    };
    let before = ctx.store()?.mark(args.id, &event, &reporter, now()?)?;
    if before == args.status {
        writeln!(out, "claim {} stays {}", args.id, args.status)?;
    } else {
        writeln!(out, "claim {}: {before} → {}", args.id, args.status)?;
    }
    Ok(())
}
