//! `claimtrail backup`: a consistent copy of the ledger, readable by its owner alone.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::BackupArgs;

pub fn run(ctx: &Context, args: BackupArgs, out: &mut dyn Write) -> Result<()> {
    let claims = ctx.store()?.backup_to(&args.path, args.force)?;
    let noun = if claims == 1 { "claim" } else { "claims" };
    writeln!(out, "backed up {claims} {noun} to {}", args.path.display())?;
    Ok(())
}
