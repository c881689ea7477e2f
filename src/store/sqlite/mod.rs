//! A ledger in a local SQLite file: the only module that knows rusqlite. The ledger's
//! behaviour is the engine's; this opens the file, migrates it, runs transactions under
//! SQLite's write lock, loads imports in bulk, backs up and checks what only a file keeps.

mod backup;
mod bulk;
mod check;
mod open;
mod seam;

use std::path::{Path, PathBuf};

use anyhow::Result;
use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

use crate::store::engine::{Backend, Seam};
use seam::SqliteSeam;

/// An open ledger.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the ledger at `path`, creating it (readable by the owner only) when it does not
    /// exist and migrating it when it was written by an older claimtrail.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = open::open(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// A fresh ledger in memory, gone when the process ends.
    pub fn in_memory() -> Result<Store> {
        Ok(Store {
            conn: open::open_in_memory()?,
            path: PathBuf::from(":memory:"),
        })
    }

    fn err(&self, e: rusqlite::Error) -> anyhow::Error {
        explain(&self.path, e)
    }

    /// Runs `f` in one transaction of `behavior`, committed when `commit` is set.
    fn transaction<T>(
        &self,
        behavior: TransactionBehavior,
        commit: bool,
        f: impl FnOnce(&Transaction) -> Result<T>,
    ) -> Result<T> {
        let tx = Transaction::new_unchecked(&self.conn, behavior).map_err(|e| self.err(e))?;
        let value = f(&tx)?;
        if commit {
            if matches!(behavior, TransactionBehavior::Immediate) {
                hold_before_commit();
            }
            tx.commit().map_err(|e| self.err(e))?;
        } else {
            tx.rollback().map_err(|e| self.err(e))?;
        }
        Ok(value)
    }
}

impl Backend for Store {
    /// A DEFERRED transaction: one snapshot, taking no write lock.
    fn read<T>(&self, f: impl FnOnce(&mut dyn Seam) -> Result<T>) -> Result<T> {
        self.transaction(TransactionBehavior::Deferred, true, |tx| {
            f(&mut SqliteSeam::new(tx, &self.path))
        })
    }

    /// An IMMEDIATE transaction: it takes the write lock up front, so two reporters writing
    /// at once queue on the busy timeout instead of failing.
    fn write<T>(&self, commit: bool, f: impl FnOnce(&mut dyn Seam) -> Result<T>) -> Result<T> {
        self.transaction(TransactionBehavior::Immediate, commit, |tx| {
            f(&mut SqliteSeam::new(tx, &self.path))
        })
    }

    fn bulk<T>(&self, commit: bool, f: impl FnOnce(&mut dyn Seam) -> Result<T>) -> Result<T> {
        self.transaction(TransactionBehavior::Immediate, commit, |tx| {
            let set_aside = bulk::begin(tx).map_err(|e| self.err(e))?;
            let value = f(&mut SqliteSeam::new(tx, &self.path))?;
            bulk::finish(tx, &set_aside).map_err(|e| self.err(e))?;
            Ok(value)
        })
    }

    fn own_problems(&self) -> Result<Vec<String>> {
        self.file_problems()
    }

    fn backup(&self, dest: &Path, force: bool) -> Result<u64> {
        self.copy_to(dest, force)
    }
}

/// For the crash tests only: with `CLAIMTRAIL_TEST_HOLD_BEFORE_COMMIT=PATH` set, a write
/// creates PATH and waits with its transaction open, so the test can kill it mid-write.
fn hold_before_commit() {
    if let Some(marker) = std::env::var_os("CLAIMTRAIL_TEST_HOLD_BEFORE_COMMIT") {
        let _ = std::fs::write(marker, b"holding");
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
}

/// Turns SQLite's wording for a few everyday failures into something a reporter can act on.
fn explain(path: &Path, e: rusqlite::Error) -> anyhow::Error {
    let shown = path.display();
    match e.sqlite_error_code() {
        Some(ErrorCode::ReadOnly) => {
            anyhow::anyhow!("cannot write to {shown}: the file is read-only")
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            anyhow::anyhow!("{shown} stayed locked by another claimtrail for too long; try again")
        }
        Some(ErrorCode::DiskFull) => anyhow::anyhow!("cannot write to {shown}: the disk is full"),
        _ => anyhow::Error::new(e).context(format!("database error in {shown}")),
    }
}
