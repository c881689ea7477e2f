//! A ledger in a local SQLite file: the only module that knows rusqlite.

mod backup;
mod check;
mod claims;
mod convert;
mod exchange;
mod filter;
mod import;
mod names;
mod open;
mod report;
mod seam;
mod sources;

use std::path::{Path, PathBuf};

use anyhow::Result;
use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

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

    /// Runs `f` in one IMMEDIATE transaction: it takes the write lock up front, so two
    /// reporters writing at once queue on the busy timeout instead of failing.
    fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.transaction(true, f)
    }

    /// Like `write`, but rolled back at the end unless `commit` is set: a dry run.
    fn transaction<T>(
        &mut self,
        commit: bool,
        f: impl FnOnce(&Transaction) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| explain(&path, e))?;
        let value = f(&tx)?;
        if commit {
            hold_before_commit();
            tx.commit().map_err(|e| explain(&path, e))?;
        } else {
            tx.rollback().map_err(|e| explain(&path, e))?;
        }
        Ok(value)
    }
}

/// `execute` and `query_row` through the statement cache: the same statements run once per
/// record on an import of a million claims, and preparing them each time dominated.
trait Cached {
    fn run<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize>;
    fn one<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T>;
}

impl Cached for Connection {
    fn run<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    fn one<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.prepare_cached(sql)?.query_row(params, f)
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
