//! `check` and `backup` for a desk ledger. The server keeps its own pages sound; `check`
//! looks at claimtrail's invariants. A backup is a local ledger file holding everything the
//! role may see, made by the same merge as `pull`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use super::PgStore;
use super::rows::count;
use crate::model::Visibility;
use crate::store::{CheckReport, Store, Upkeep, copy_between};

/// Each invariant: a query returning one text row per breach.
const INVARIANTS: &[&str] = &[
    "SELECT 'claim ' || c.id || ' has no attribution' FROM claims c
     WHERE NOT EXISTS (SELECT 1 FROM attributions a WHERE a.claim_id = c.id)",
    "SELECT 'claim ' || c.id || ' has no status event' FROM claims c
     WHERE NOT EXISTS (SELECT 1 FROM status_events e WHERE e.claim_id = c.id)",
    "SELECT 'claim ' || c.id || ' shows status ' || c.status || ' but its latest event says '
            || claimtrail_latest_status(c.id)
     FROM claims c WHERE c.status IS DISTINCT FROM claimtrail_latest_status(c.id)",
    "SELECT 'attribution ' || r.attribution_id || ' has a gap in its relay chain'
     FROM relays r GROUP BY r.attribution_id HAVING max(r.position) + 1 <> count(*)",
    "SELECT 'claimant ' || c.id || ' is merged into a merged claimant' FROM claimants_visible c
     JOIN claimants_visible s ON s.id = c.merged_into WHERE s.merged_into IS NOT NULL",
    "SELECT 'outlet ' || o.id || ' is merged into a merged outlet' FROM outlets o
     JOIN outlets s ON s.id = o.merged_into WHERE s.merged_into IS NOT NULL",
];

impl Upkeep for PgStore {
    fn check(&self) -> Result<CheckReport> {
        self.read(|tx| {
            let mut problems = Vec::new();
            for sql in INVARIANTS {
                for row in tx.query(sql, &[])? {
                    problems.push(row.try_get(0)?);
                }
            }
            let mut total = |table: &str| -> Result<u64> {
                count(
                    &tx.query_one(&format!("SELECT count(*) FROM {table}"), &[])?,
                    0,
                )
            };
            Ok(CheckReport {
                claims: total("claims")?,
                attributions: total("attributions")?,
                events: total("status_events")?,
                edits: total("claim_edits")?,
                problems,
            })
        })
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
