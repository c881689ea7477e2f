//! The ledger's storage: the only module that knows SQL. `ledger` is the interface the
//! commands use; `sqlite` keeps a ledger in a local file and `pg` on a desk's PostgreSQL
//! server. Everything outside speaks in the plain domain types of `crate::model`.

pub mod engine;
mod ledger;
mod names;
pub mod pg;
mod sqlite;

use std::path::Path;

use anyhow::{Context as _, Result};

use crate::model::Visibility;
use crate::portable::ClaimRecord;

pub use ledger::{
    CheckReport, ClaimFilter, ClaimantEdit, Claims, Exchange, Group, Import, ImportCounts,
    ImportWith, Ledger, Logged, NewAttribution, NewClaim, NewEvent, OutletEdit, Reports, Sources,
    Upkeep, WordPairs, group_name,
};
pub use sqlite::Store;

/// What a copy from one ledger into another did.
#[derive(Debug, Clone, Default)]
pub struct Copied {
    pub counts: ImportCounts,
    /// Claims left out because they name a confidential source this role may not see.
    pub hidden: u64,
}

/// Merges every claimant, outlet and claim `from` holds, as `visibility` shows them, into
/// `to` in one transaction there: new claims and new status events cross in time order, and
/// what `to` already has is not added twice. Claims whose source `from` will only give as a
/// placeholder are left out and counted, since a placeholder cannot be matched to anyone.
pub fn copy_between(
    from: &dyn Ledger,
    to: &mut dyn Ledger,
    visibility: Visibility,
) -> Result<Copied> {
    let claimants = from.claimant_records(visibility)?;
    let outlets = from.outlet_records()?;
    let mut hidden = 0;
    let counts = to.import(
        true,
        Box::new(|importer| {
            for claimant in claimants.iter().filter(|c| !names::is_placeholder(&c.name)) {
                importer.claimant(claimant)?;
            }
            for outlet in &outlets {
                importer.outlet(outlet)?;
            }
            from.each_claim(&ClaimFilter::default(), visibility, &mut |detail| {
                let record = ClaimRecord::from(detail);
                let placeholder = record.attributions.iter().any(|a| {
                    names::is_placeholder(&a.claimant)
                        || a.recorded_as.as_deref().is_some_and(names::is_placeholder)
                });
                if placeholder {
                    hidden += 1;
                    return Ok(());
                }
                importer
                    .claim(&record)
                    .with_context(|| format!("claim {}", record.uid))
            })?;
            Ok(())
        }),
    )?;
    Ok(Copied { counts, hidden })
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
