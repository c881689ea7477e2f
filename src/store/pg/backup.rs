//! `backup` of a desk ledger: a local ledger file holding everything the role may see, made
//! by the same merge as `pull`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::PgStore;
use crate::model::Visibility;
use crate::store::engine::Backend;
use crate::store::{Store, check_backup_destination, copy_between};

impl PgStore {
    pub(super) fn copy_to(&self, dest: &Path, force: bool) -> Result<u64> {
        check_backup_destination(dest, force)?;
        // Written beside it and moved into place whole, so a failed backup leaves the last
        // one as it was.
        let mut scratch = dest.as_os_str().to_owned();
        scratch.push(".partial");
        let scratch = PathBuf::from(scratch);
        let _ = std::fs::remove_file(&scratch);
        let visibility = self
            .allowed(Visibility::Revealed)
            .unwrap_or(Visibility::Redacted);
        let copied = Store::open(&scratch)
            .and_then(|mut copy| copy_between(self, &mut copy, visibility, None));
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
