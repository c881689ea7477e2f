//! `claimtrail pull URL`: what changed on a desk server since the last pull into this ledger.

use std::io::Write;

use anyhow::Result;

use super::Context;
use super::import::merged;
use crate::cli::SyncArgs;
use crate::model::Visibility;
use crate::store::{copy_changes, pg};

pub fn run(ctx: &Context, args: SyncArgs, out: &mut dyn Write) -> Result<()> {
    let (mut local, desk) = ctx.local_and_desk(&args.url)?;
    let visibility = if desk.may_reveal()? {
        Visibility::Revealed
    } else {
        Visibility::Redacted
    };
    let peer = pg::address(&args.url);
    let mut hidden = 0;
    let counts = local.import(
        true,
        Box::new(|importer| {
            let since = importer.sync_marks(&peer)?.pulled;
            let before = importer.change_mark()?;
            let (mark, left_out) =
                copy_changes(desk.as_ref(), importer, visibility, since.as_deref())?;
            hidden = left_out;
            importer.pulled(&peer, &mark, &before)
        }),
    )?;
    writeln!(
        out,
        "pulled from {}: {}",
        pg::shown(&args.url),
        merged(&counts, "here")
    )?;
    if hidden > 0 {
        let claims = if hidden == 1 {
            "1 claim".to_owned()
        } else {
            format!("{hidden} claims")
        };
        eprintln!(
            "note: {claims} from confidential sources your role may not see stayed on the server"
        );
    }
    Ok(())
}
