//! `claimtrail pull URL`: a desk server's claims and status changes into this ledger.

use std::io::Write;

use anyhow::Result;

use super::Context;
use super::import::merged;
use crate::cli::SyncArgs;
use crate::model::Visibility;
use crate::store::{copy_between, pg};

pub fn run(ctx: &Context, args: SyncArgs, out: &mut dyn Write) -> Result<()> {
    let (mut local, desk) = ctx.local_and_desk(&args.url)?;
    let visibility = if desk.may_reveal()? {
        Visibility::Revealed
    } else {
        Visibility::Redacted
    };
    let copied = copy_between(desk.as_ref(), local.as_mut(), visibility)?;
    writeln!(
        out,
        "pulled from {}: {}",
        pg::shown(&args.url),
        merged(&copied.counts, "here")
    )?;
    if copied.hidden > 0 {
        let claims = if copied.hidden == 1 {
            "1 claim".to_owned()
        } else {
            format!("{} claims", copied.hidden)
        };
        eprintln!(
            "note: {claims} from confidential sources your role may not see stayed on the server"
        );
    }
    Ok(())
}
