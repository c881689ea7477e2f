//! Opening a ledger: refuse what is not one, create a new one whole, migrate an old one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

/// Append-only: each entry brings a ledger from version `index` to `index + 1`. Never reorder
/// or edit an entry once released; add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("../../../schema.sql"),
    include_str!("migrations/0002_claim_edits.sql"),
    include_str!("migrations/0003_source_counts.sql"),
    include_str!("migrations/0004_open_claims_index.sql"),
    include_str!("migrations/0005_bulk_load.sql"),
    include_str!("migrations/0006_bulk_history.sql"),
    include_str!("migrations/0007_source_totals.sql"),
    include_str!("migrations/0008_edits_applied_by_the_engine.sql"),
    include_str!("migrations/0009_grades.sql"),
    include_str!("migrations/0010_changes.sql"),
    include_str!("migrations/0011_bulk_changes.sql"),
];

/// 'CtTr', written into the file header by the first migration.
const APPLICATION_ID: i64 = 1_131_107_442;

const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

pub fn open(path: &Path) -> Result<Connection> {
    let shown = path.display();
    if path.is_dir() {
        bail!("{shown} is a directory, not a claimtrail database");
    }
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !folder.is_dir()
    {
        bail!(
            "cannot create {shown}: folder {} does not exist",
            folder.display()
        );
    }
    if !path.exists() {
        create(path)?;
    }
    ensure_sqlite_file(path)?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| format!("cannot open {shown}"))?;
    configure(&conn)?;
    check_identity(&conn, path)?;
    migrate(&conn, path)?;
    Ok(conn)
}

/// A ledger that lives only as long as the process: what a new ledger knows (the seeded
/// outlets), for commands that read it without wanting a file made.
pub fn open_in_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate(&conn, Path::new(":memory:"))?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // An import cycles through a few dozen statements per record; keep them all prepared.
    conn.set_prepared_statement_cache_capacity(128);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Statement journals and sorts in memory: a trigger-firing insert otherwise writes a
    // temporary file, and an import does hundreds of thousands of them.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// Looks at the file's first bytes before SQLite does, so that a stray file is refused
/// without SQLite writing anything next to it.
fn ensure_sqlite_file(path: &Path) -> Result<()> {
    let shown = path.display();
    let mut header = [0u8; 16];
    let read = File::open(path)
        .and_then(|mut f| read_up_to(&mut f, &mut header))
        .with_context(|| format!("cannot read {shown}"))?;
    if read < header.len() || &header != b"SQLite format 3\0" {
        bail!("{shown} is not a claimtrail database");
    }
    Ok(())
}

fn read_up_to(f: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match f.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let shown = path.display();
    let not_ours = || anyhow::anyhow!("{shown} is not a claimtrail database");
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| not_ours())?;
    if app_id != APPLICATION_ID {
        return Err(not_ours());
    }
    let version = user_version(conn)?;
    if version > MIGRATIONS.len() as i64 {
        bail!(
            "{shown} was written by a newer claimtrail (ledger version {version}; this one knows up to {}): upgrade claimtrail to use it",
            MIGRATIONS.len()
        );
    }
    Ok(())
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Applies the migrations this ledger has not seen, all in one transaction.
fn migrate(conn: &Connection, path: &Path) -> Result<()> {
    if user_version(conn)? >= MIGRATIONS.len() as i64 {
        return Ok(());
    }
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Exclusive)?;
    // Another process may have migrated while this one waited for the lock.
    let from = user_version(&tx)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql).with_context(|| {
            format!(
                "cannot upgrade {} to ledger version {}",
                path.display(),
                index + 1
            )
        })?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

/// Builds a new ledger beside `path` and links it into place only when complete, so no
/// process ever sees a half-made ledger, and two processes creating it at once agree on one.
fn create(path: &Path) -> Result<()> {
    let shown = path.display();
    let scratch = scratch_path(path);
    let _ = fs::remove_file(&scratch);
    let built = build_new(&scratch);
    let linked = built.and_then(|()| {
        match fs::hard_link(&scratch, path) {
            Ok(()) => Ok(()),
            // Someone else created it first: theirs stands.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
            // File systems without hard links: rename, which is still atomic.
            Err(_) if !path.exists() => fs::rename(&scratch, path),
            Err(e) => Err(e),
        }
        .map_err(anyhow::Error::from)
    });
    let _ = fs::remove_file(&scratch);
    linked.with_context(|| format!("cannot create {shown}"))
}

fn build_new(scratch: &Path) -> Result<()> {
    new_private_file(scratch)?;
    let conn = Connection::open(scratch)?;
    configure(&conn)?;
    migrate(&conn, scratch)?;
    // WAL lets readers carry on while a reporter writes; it is set once, here, because
    // several processes switching a shared file at once can fail.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.close().map_err(|(_, e)| e)?;
    Ok(())
}

pub(super) fn scratch_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".new-{}", std::process::id()));
    path.with_file_name(name)
}

/// The ledger may name confidential sources: only its owner may read it.
pub(super) fn new_private_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}
