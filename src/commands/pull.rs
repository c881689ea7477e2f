//! `claimtrail pull URL`: what changed on a desk server since the last pull into this ledger.

use std::io::Write;

use anyhow::Result;

use super::Context;
use super::import::merged;
use crate::cli::SyncArgs;
use crate::model::Visibility;
use crate::store::{Ledger, SyncMarks, copy_changes, pg};

pub fn run(ctx: &Context, args: SyncArgs, out: &mut dyn Write) -> Result<()> {
    let (mut local, desk) = ctx.local_and_desk(&args.url)?;
    let visibility = if desk.may_reveal()? {
        Visibility::Revealed
    } else {
        Visibility::Redacted
    };
    let peer = Peer::of(desk.as_ref(), &args.url)?;
    let mut hidden = 0;
    let counts = local.import(
        true,
        Box::new(|importer| {
            let since = peer.marks(|key| importer.sync_marks(key))?.pulled;
            let before = importer.change_mark()?;
            let (mark, left_out) =
                copy_changes(desk.as_ref(), importer, visibility, since.as_deref())?;
            hidden = left_out;
            importer.pulled(&peer.key, &mark, &before)
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

/// A desk as a ledger file keeps its sync marks with it: under the desk's own identity,
/// whichever of its servers is reached.
pub(super) struct Peer {
    pub key: String,
    /// HOST:PORT/DBNAME, what marks were kept under before desks had an identity.
    address: String,
}

impl Peer {
    pub fn of(desk: &dyn Ledger, url: &str) -> Result<Peer> {
        let address = pg::address(url);
        let key = desk.sync_identity()?.unwrap_or_else(|| address.clone());
        Ok(Peer { key, address })
    }

    /// The marks kept for this desk; those an earlier claimtrail kept under its address
    /// when there are none yet under its identity.
    pub fn marks(&self, mut read: impl FnMut(&str) -> Result<SyncMarks>) -> Result<SyncMarks> {
        let marks = read(&self.key)?;
        if marks.pulled.is_some() || marks.pushed.is_some() || self.key == self.address {
            return Ok(marks);
        }
        read(&self.address)
    }
}
