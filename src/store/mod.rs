//! The ledger's storage: the only module that knows SQL. `ledger` is the interface the
//! commands use; `sqlite` keeps a ledger in a local file and `pg` on a desk's PostgreSQL
//! server. Everything outside speaks in the plain domain types of `crate::model`.

pub mod engine;
mod ledger;
mod names;
pub mod pg;
mod sqlite;

use std::path::Path;

use anyhow::Result;

use crate::model::Visibility;
use crate::portable::ClaimRecord;

pub use ledger::{
    Change, CheckReport, ClaimFilter, ClaimantEdit, Claims, Exchange, Group, Import, ImportCounts,
    ImportWith, Ledger, Logged, NewAttribution, NewClaim, NewEvent, OutletEdit, Reports, Sources,
    SyncMarks, Upkeep, WordPairs, group_name,
};
pub use sqlite::Store;

/// What a copy from one ledger into another did.
#[derive(Debug, Clone, Default)]
pub struct Copied {
    pub counts: ImportCounts,
    /// Claims left out because they name a confidential source this role may not see.
    pub hidden: u64,
    /// The copied ledger's change mark as of the copy.
    pub mark: String,
}

/// Merges every claimant, outlet and claim `from` holds, as `visibility` shows them, into
/// `to` in one transaction there: new claims and new status events cross in time order, and
/// what `to` already has is not added twice. Claims whose source `from` will only give as a
/// placeholder are left out and counted, since a placeholder cannot be matched to anyone.
pub fn copy_between(
    from: &dyn Ledger,
    to: &mut dyn Ledger,
    visibility: Visibility,
    since: Option<&str>,
) -> Result<Copied> {
    let mut copied = Copied::default();
    copied.counts = to.import(
        true,
        Box::new(|importer| {
            let (mark, hidden) = copy_changes(from, importer, visibility, since)?;
            copied.mark = mark;
            copied.hidden = hidden;
            Ok(())
        }),
    )?;
    Ok(copied)
}

/// Merges what changed in `from` since the mark `since` (everything without one) through
/// `importer`; returns `from`'s mark after it, and how many claims were left out because
/// they name a source given only as a placeholder.
pub fn copy_changes(
    from: &dyn Ledger,
    importer: &mut dyn Import,
    visibility: Visibility,
    since: Option<&str>,
) -> Result<(String, u64)> {
    let mut hidden = 0;
    let mark = from.changes(since, visibility, &mut |change| match change {
        Change::Claimant(claimant) if names::is_placeholder(&claimant.name) => Ok(()),
        Change::Claimant(claimant) => importer.claimant(&claimant),
        Change::Outlet(outlet) => importer.outlet(&outlet),
        Change::Claim(detail) => {
            let record = ClaimRecord::from(*detail);
            let placeholder = record.attributions.iter().any(|a| {
                names::is_placeholder(&a.claimant)
                    || a.recorded_as.as_deref().is_some_and(names::is_placeholder)
            });
            // A claim of the laptop's own, pushed before, is not one left behind.
            if placeholder {
                hidden += u64::from(!importer.holds(&record.uid)?);
                return Ok(());
            }
            importer.claim(record, String::new())
        }
    })?;
    Ok((mark, hidden))
}

/// Where a backup may go: a file name, in a folder that exists, not over a file unless
/// `force`.
fn check_backup_destination(dest: &std::path::Path, force: bool) -> Result<()> {
    let shown = dest.display();
    if dest.is_dir() {
        anyhow::bail!("{shown} is a directory; give the backup a file name");
    }
    if dest.exists() && !force {
        anyhow::bail!("{shown} already exists; add --force to overwrite it");
    }
    if let Some(folder) = dest.parent().filter(|p| !p.as_os_str().is_empty())
        && !folder.is_dir()
    {
        anyhow::bail!(
            "cannot write {shown}: folder {} does not exist",
            folder.display()
        );
    }
    Ok(())
}

/// Opens the ledger `db` names: a desk server for a `postgres://` URL, else a local file,
/// created when it does not exist.
pub fn open(db: &str) -> Result<Box<dyn Ledger>> {
    if pg::is_url(db) {
        Ok(Box::new(pg::PgStore::open(db)?))
    } else {
        Ok(Box::new(Store::open(Path::new(db))?))
    }
}
