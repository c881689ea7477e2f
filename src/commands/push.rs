//! `claimtrail push URL`: what changed in this ledger since the last push onto a desk server.

use std::io::Write;

use anyhow::Result;

use super::Context;
use super::import::merged;
use super::pull::Peer;
use crate::cli::SyncArgs;
use crate::model::Visibility;
use crate::store::{copy_between, pg};

pub fn run(ctx: &Context, args: SyncArgs, out: &mut dyn Write) -> Result<()> {
    let (mut local, mut desk) = ctx.local_and_desk(&args.url)?;
    let peer = Peer::of(desk.as_ref(), &args.url)?;
    let since = peer.marks(|key| local.sync_marks(key))?.pushed;
    // The server keeps confidential names from those who may not see them; it needs them
    // to match a source it already has.
    let copied = copy_between(
        local.as_ref(),
        desk.as_mut(),
        Visibility::Revealed,
        since.as_deref(),
    )?;
    // Recorded once the desk has committed: a push cut short is sent again, and merges
    // as nothing new.
    local.import(
        true,
        Box::new(|importer| importer.pushed(&peer.key, &copied.mark)),
    )?;
    writeln!(
        out,
        "pushed to {}: {}",
        pg::shown(&args.url),
        merged(&copied.counts, "there")
    )?;
    Ok(())
}
