//! `check` and `backup` for a desk ledger. The server keeps its own pages sound; `check`
//! looks at claimtrail's invariants. A backup is a local ledger file holding everything the
//! role may see, made by the same merge as `pull`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use super::PgStore;
use super::seam::PgSeam;
use crate::model::Visibility;
use crate::store::{CheckReport, Store, Upkeep, copy_between, engine};

impl Upkeep for PgStore {
    /// The server keeps its own pages sound; claimtrail's invariants are the engine's.
    fn check(&self) -> Result<CheckReport> {
        self.read(|tx| engine::check::run(&mut PgSeam::new(tx)))
    }

    fn backup_to(&self, dest: &Path, force: bool) -> Result<u64> {
        if dest.is_dir() {
            bail!(
                "{} is a directory; give the backup a file name",
                dest.display()
            );
        }
        if dest.exists() && !force {
            bail!(
                "{} already exists; add --force to overwrite it",
                dest.display()
            );
        }
        // Written beside it and moved into place whole, so a failed backup leaves the last
        // one as it was.
        let mut scratch = dest.as_os_str().to_owned();
        scratch.push(".partial");
        let scratch = PathBuf::from(scratch);
        let _ = std::fs::remove_file(&scratch);
        let visibility = self
            .allowed(Visibility::Revealed)
            .unwrap_or(Visibility::Redacted);
        let copied =
            Store::open(&scratch).and_then(|mut copy| copy_between(self, &mut copy, visibility));
        match copied {
            Ok(copied) => {
                std::fs::rename(&scratch, dest)
                    .with_context(|| format!("cannot write {}", dest.display()))?;
                Ok(copied.counts.claims_added)
            }
            Err(e) => {
                let _ = std::fs::remove_file(&scratch);
                Err(e)
            }
        }
    }
}
