//! The desk ledger on a PostgreSQL server: its schema, applied once by an administrator,
//! connections that say plainly what is wrong when the server is not there, and every
//! area of the ledger's interface. All of the server's SQL lives here.
//!
//! Writes run at READ COMMITTED, each command one transaction; mark, cite and edit lock
//! their claim's row first (`SELECT ... FOR UPDATE`), so writers to one claim queue rather
//! than abort, as they do on SQLite's write lock. Reads run in one REPEATABLE READ
//! snapshot, so a listing and the attributions loaded for it agree.

mod backup;
mod db;
mod seam;
mod tls;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use anyhow::{Result, anyhow, bail};
use postgres::error::SqlState;
use postgres::{Client, IsolationLevel, Statement};

use db::Db;
use seam::PgSeam;

use crate::model::Visibility;
use crate::store::Exchange as _;
use crate::store::engine::{self, Backend, Seam};

/// An open desk ledger: one connection, as the role in the URL.
pub struct PgStore {
    client: RefCell<Client>,
    prepared: RefCell<HashMap<String, Statement>>,
    url: String,
    may_reveal: Cell<Option<bool>>,
}

impl PgStore {
    /// Connects and checks the server holds a ledger this claimtrail can read.
    pub fn open(url: &str) -> Result<PgStore> {
        let mut client = connect(url)?;
        let version = schema_version(&mut client).map_err(|e| {
            let refused = e
                .downcast_ref::<postgres::Error>()
                .and_then(postgres::Error::code)
                .is_some_and(|code| *code == SqlState::INSUFFICIENT_PRIVILEGE);
            if refused {
                anyhow!(
                    "your login on the desk server at {} is not a member of the desk: an administrator runs GRANT claimtrail_reporter TO {} (or claimtrail_editor)",
                    shown(url),
                    login(url)
                )
            } else {
                e
            }
        })?;
        match version {
            None => bail!(
                "the desk server at {} has no claimtrail ledger yet: an administrator sets it up with claimtrail desk init {}",
                shown(url),
                shown(url)
            ),
            Some(v) if v > VERSION => bail!(newer(url, v)),
            Some(v) if v < VERSION => bail!(
                "the desk ledger at {} is at server schema {v} and this claimtrail needs {VERSION}: an administrator upgrades it with claimtrail desk init {}",
                shown(url),
                shown(url)
            ),
            Some(_) => {}
        }
        Ok(PgStore {
            client: RefCell::new(client),
            prepared: RefCell::new(HashMap::new()),
            url: url.to_owned(),
            may_reveal: Cell::new(None),
        })
    }

    /// Runs `f` in one transaction at `isolation`, committed when `commit` is set and
    /// `f` succeeds.
    fn transaction<T>(
        &self,
        isolation: IsolationLevel,
        read_only: bool,
        commit: bool,
        f: impl FnOnce(&mut dyn Seam) -> Result<T>,
    ) -> Result<T> {
        let mut client = self.client.borrow_mut();
        let mut prepared = self.prepared.borrow_mut();
        let mut tx = client
            .build_transaction()
            .isolation_level(isolation)
            .read_only(read_only)
            .start()
            .map_err(|e| self.explain(e.into()))?;
        let value = f(&mut PgSeam::new(&mut Db::new(&mut tx, &mut prepared)))
            .map_err(|e| self.explain(e))?;
        if commit {
            tx.commit().map_err(|e| self.explain(e.into()))?;
        } else {
            tx.rollback().map_err(|e| self.explain(e.into()))?;
        }
        Ok(value)
    }

    /// Whether this login may see confidential claimants, asked once.
    fn may_see_confidential(&self) -> Result<bool> {
        if let Some(may) = self.may_reveal.get() {
            return Ok(may);
        }
        let may: bool = self
            .client
            .borrow_mut()
            .query_one(
                "SELECT pg_has_role(session_user, 'claimtrail_editor', 'MEMBER')",
                &[],
            )
            .and_then(|row| row.try_get(0))
            .map_err(|e| self.explain(e.into()))?;
        self.may_reveal.set(Some(may));
        Ok(may)
    }

    /// Says what the server refused, in a line, for errors from inside a transaction.
    fn explain(&self, e: anyhow::Error) -> anyhow::Error {
        let Some(pg) = e.downcast_ref::<postgres::Error>() else {
            return e;
        };
        let server = shown(&self.url);
        match pg.as_db_error() {
            Some(db) if *db.code() == SqlState::INSUFFICIENT_PRIVILEGE => anyhow!(
                "your role on the desk server at {server} may not do that (editors correct claims, grade and edit sources, and merge them): {}",
                db.message()
            ),
            Some(db) => anyhow!("the desk server at {server} refused: {}", db.message()),
            None if pg.is_closed() => {
                anyhow!("lost the connection to the desk server at {server}; try again")
            }
            None => explain(&self.url, pg),
        }
    }
}

/// Reads run in one REPEATABLE READ, read-only snapshot, so that a listing and the
/// attributions loaded for it agree; writes at READ COMMITTED, their claim's row locked.
impl Backend for PgStore {
    fn read<T>(&self, f: impl FnOnce(&mut dyn Seam) -> Result<T>) -> Result<T> {
        self.transaction(IsolationLevel::RepeatableRead, true, true, f)
    }

    fn write<T>(&self, commit: bool, f: impl FnOnce(&mut dyn Seam) -> Result<T>) -> Result<T> {
        self.transaction(IsolationLevel::ReadCommitted, false, commit, f)
    }

    fn allowed(&self, visibility: Visibility) -> Result<Visibility> {
        if visibility == Visibility::Revealed && !self.may_see_confidential()? {
            bail!(
                "--reveal is for editors: your role on the desk server may not see confidential sources (an administrator can GRANT claimtrail_editor)"
            );
        }
        Ok(visibility)
    }

    fn backup(&self, dest: &std::path::Path, force: bool) -> Result<u64> {
        self.copy_to(dest, force)
    }
}

/// The server schema, migration by migration, append-only like the local ledger's: the first
/// is `schema-postgres.sql`; each later one moves a desk up a version. Its version is
/// recorded in `claimtrail_schema`.
const MIGRATIONS: &[&str] = &[
    include_str!("../../../schema-postgres.sql"),
    include_str!("migrations/0002_confidential_lookups_and_indexes.sql"),
    include_str!("migrations/0003_grades.sql"),
];
const VERSION: i32 = MIGRATIONS.len() as i32;

/// What `desk init` found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Init {
    Created,
    Upgraded { from: i32, to: i32 },
    AlreadyThere,
}

/// Whether a `--db` value names a desk server rather than a file.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// Connects, turning the ways a server can be missing into one line that says what to do.
/// A password not in the URL may come from PGPASSWORD, as for psql, and so stay out of
/// shell history.
pub fn connect(url: &str) -> Result<Client> {
    let mut config: postgres::Config = url
        .parse()
        .map_err(|e| anyhow!("\"{}\" is not a desk server address: {e}", shown(url)))?;
    if config.get_password().is_none()
        && let Some(password) = std::env::var_os("PGPASSWORD").filter(|p| !p.is_empty())
    {
        config.password(password.as_encoded_bytes());
    }
    config
        .connect(tls::connector()?)
        .map_err(|e| explain(url, &e))
}

/// Creates the ledger's tables, triggers and roles on an existing server database, in one
/// transaction; a database that already has them is left as it is, and one written by a
/// newer claimtrail is refused untouched.
pub fn init(url: &str) -> Result<Init> {
    let mut client = connect(url)?;
    let mut tx = client.transaction()?;
    let found = schema_version(&mut tx)?;
    let from = found.unwrap_or(0);
    if from > VERSION {
        bail!(newer(url, from));
    }
    if from == VERSION {
        return Ok(Init::AlreadyThere);
    }
    for migration in &MIGRATIONS[from as usize..] {
        tx.batch_execute(migration).map_err(|e| {
            let why = e
                .as_db_error()
                .map_or(e.to_string(), |db| db.message().to_owned());
            anyhow!("cannot set up the desk ledger at {}: {why}", shown(url))
        })?;
    }
    // The outlets a new local ledger knows, by the same list; ones the desk merged or
    // renamed are found by their old names and left as they are.
    {
        let outlets = crate::store::Store::in_memory()?.outlet_records()?;
        let mut prepared = HashMap::new();
        let mut db = Db::new(&mut tx, &mut prepared);
        engine::seed_outlets(&mut PgSeam::new(&mut db), &outlets)?;
    }
    tx.execute("UPDATE claimtrail_schema SET version = $1", &[&VERSION])?;
    tx.commit()?;
    Ok(match found {
        None => Init::Created,
        Some(from) => Init::Upgraded { from, to: VERSION },
    })
}

fn newer(url: &str, version: i32) -> String {
    format!(
        "the desk ledger at {} was made by a newer claimtrail (server schema {version}; this one knows {VERSION}): upgrade claimtrail",
        shown(url)
    )
}

fn schema_version(client: &mut impl postgres::GenericClient) -> Result<Option<i32>> {
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('public.claimtrail_schema') IS NOT NULL",
            &[],
        )?
        .try_get(0)?;
    if !exists {
        return Ok(None);
    }
    let version: i32 = client
        .query_one("SELECT max(version) FROM claimtrail_schema", &[])?
        .try_get(0)?;
    Ok(Some(version))
}

/// The user a URL logs in as, for messages.
fn login(url: &str) -> String {
    let Some((user_info, _)) = url
        .split_once("://")
        .and_then(|(_, rest)| rest.rsplit_once('@'))
    else {
        return "USER".to_owned();
    };
    user_info.split(':').next().unwrap_or("USER").to_owned()
}

/// The URL without its password, for messages.
pub fn shown(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let (user_info, rest) = (&url[scheme + 3..at], &url[at..]);
            let user = user_info.split(':').next().unwrap_or("");
            format!("{}{user}{rest}", &url[..scheme + 3])
        }
        _ => url.to_owned(),
    }
}

fn explain(url: &str, e: &postgres::Error) -> anyhow::Error {
    let server = shown(url);
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        if db.message().contains("no encryption") {
            return anyhow!(
                "the desk server at {server} takes encrypted connections only: leave sslmode out of the URL, or set sslmode=require"
            );
        }
        if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            return anyhow!(
                "the desk server at {server} refused the login: check the user name and password"
            );
        }
        if *code == SqlState::INVALID_CATALOG_NAME {
            return anyhow!(
                "the desk server at {server} has no such database: create it first (createdb), then run claimtrail desk init"
            );
        }
        return anyhow!("the desk server at {server} said: {}", db.message());
    }
    let cause = std::error::Error::source(e)
        .map(ToString::to_string)
        .unwrap_or_else(|| e.to_string());
    if tls::untrusted(&cause) {
        return anyhow!(
            "the desk server at {server} has a certificate this machine does not trust ({cause}): set PGSSLROOTCERT to the certificate of the authority that signed it (PEM)"
        );
    }
    if cause.contains("password") {
        return anyhow!(
            "the desk server at {server} asks for a password: set PGPASSWORD, or put it in the URL (postgres://USER:PASSWORD@HOST/DB)"
        );
    }
    anyhow!(
        "cannot reach the desk server at {server} ({cause}): is PostgreSQL running there, and is the address right?"
    )
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn passwords_never_appear_in_messages() {
        assert_eq!(
            shown("postgres://alice:s3cret@desk.example:5432/claims"),
            "postgres://alice@desk.example:5432/claims"
        );
        assert_eq!(
            shown("postgres://alice@desk/claims"),
            "postgres://alice@desk/claims"
        );
    }
}
