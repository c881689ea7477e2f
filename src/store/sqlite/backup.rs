//! `backup`: a consistent copy through SQLite's online backup API, made while other
//! reporters keep writing, and readable by the owner alone.

use std::fs;
use std::io;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::Store;
use super::open::{new_private_file, scratch_path};

impl Store {
    /// The backup behind `Upkeep::backup_to`.
    pub(super) fn copy_to(&self, dest: &Path, force: bool) -> Result<u64> {
        crate::store::check_backup_destination(dest, force)?;
        let shown = dest.display();
        let scratch = scratch_path(dest);
        let _ = fs::remove_file(&scratch);
        let copied = self
            .copy_into(&scratch)
            .and_then(|claims| place(&scratch, dest, force).map(|()| claims));
        let _ = fs::remove_file(&scratch);
        copied.with_context(|| format!("cannot back up to {shown}"))
    }

    fn copy_into(&self, scratch: &Path) -> Result<u64> {
        new_private_file(scratch)?;
        let mut copy = Connection::open(scratch)?;
        {
            let backup = Backup::new(&self.conn, &mut copy)?;
            // All pages in one step: one read transaction, so the copy is one moment of the
            // ledger however busy the writers are.
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    _ => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        }
        let claims: i64 = copy.query_row("SELECT count(*) FROM claims", [], |r| r.get(0))?;
        let verdict: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if verdict != "ok" {
            bail!("the copy failed its check: {verdict}");
        }
        copy.close().map_err(|(_, e)| e)?;
        Ok(claims.max(0) as u64)
    }
}

/// Moves the finished copy into place: never over an existing file unless forced.
fn place(scratch: &Path, dest: &Path, force: bool) -> Result<()> {
    if force {
        fs::rename(scratch, dest)?;
        return Ok(());
    }
    match fs::hard_link(scratch, dest) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            bail!(
                "{} appeared while backing up; add --force to overwrite it",
                dest.display()
            )
        }
        Err(_) => Ok(fs::rename(scratch, dest)?),
    }
}
