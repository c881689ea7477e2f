//! `claimtrail push URL`: this ledger's claims and status changes onto a desk server.

use std::io::Write;

use anyhow::Result;

use super::Context;
use super::import::merged;
use crate::cli::SyncArgs;
use crate::model::Visibility;
use crate::store::{copy_between, pg};

pub fn run(ctx: &Context, args: SyncArgs, out: &mut dyn Write) -> Result<()> {
    let (local, mut desk) = ctx.local_and_desk(&args.url)?;
    // The server keeps confidential names from those who may not see them; it needs them
    // to match a source it already has.
    let copied = copy_between(local.as_ref(), desk.as_mut(), Visibility::Revealed)?;
    writeln!(
        out,
        "pushed to {}: {}",
        pg::shown(&args.url),
        merged(&copied.counts, "there")
    )?;
    Ok(())
}
