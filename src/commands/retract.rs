//! `claimtrail retract`: the claimant or the relaying outlet withdrew the claim. Nothing is
//! deleted; the withdrawal is one more status event.

use std::io::Write;

use anyhow::Result;

use super::{Context, now};
use crate::cli::RetractArgs;
use crate::model::Status;
use crate::store::NewEvent;

pub fn run(ctx: &Context, args: RetractArgs, out: &mut dyn Write) -> Result<()> {
    let reporter = ctx.reporter()?;
    let event = NewEvent {
        status: Status::Retracted,
        note: args.note,
        evidence: args.evidence,
    };
    let before = ctx.store()?.mark(args.id, &event, &reporter, now()?)?;
    writeln!(
        out,
        "claim {}: {before} → retracted (kept in the ledger)",
        args.id
    )?;
    Ok(())
}
