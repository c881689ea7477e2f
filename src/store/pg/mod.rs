//! The desk ledger on a PostgreSQL server: its schema, applied once by an administrator,
//! connections that say plainly what is wrong when the server is not there, and every
//! area of the ledger's interface. All of the server's SQL lives here.
//!
//! Writes run at READ COMMITTED, each command one transaction; mark, cite and edit lock
//! their claim's row first (`SELECT ... FOR UPDATE`), so writers to one claim queue rather
//! than abort, as they do on SQLite's write lock. Reads run in one REPEATABLE READ
//! snapshot, so a listing and the attributions loaded for it agree.

mod backup;
mod seam;
mod tls;
mod wire;

use std::cell::{Cell, RefCell};

use anyhow::{Result, anyhow, bail};
use tokio_postgres::error::SqlState;

use seam::PgSeam;
use wire::Wire;

use crate::model::Visibility;
use crate::store::Exchange as _;
use crate::store::engine::{self, Backend, Seam};

/// An open desk ledger: one connection, as the role in the URL.
pub struct PgStore {
    wire: RefCell<Wire>,
    url: String,
    /// What the connection's first question found: set with the first transaction.
    found: Cell<Option<Found>>,
}

/// What a connection asks first, sent with its first statements rather than before them.
const FIRST_QUESTION: &str = "SELECT (SELECT max(version) FROM claimtrail_schema) AS version,
        pg_has_role(session_user, 'claimtrail_editor', 'MEMBER') AS editor,
        pg_is_in_recovery() AS standby";

#[derive(Debug, Clone, Copy)]
struct Found {
    editor: bool,
    standby: bool,
}

/// How a transaction runs: reads in one REPEATABLE READ, read-only snapshot; writes at
/// READ COMMITTED.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Read,
    Write,
}

impl PgStore {
    /// Connects. Whether the server holds a ledger this claimtrail can read is asked
    /// with the first statements the command sends, not in a round trip of its own.
    pub fn open(url: &str) -> Result<PgStore> {
        Ok(PgStore {
            wire: RefCell::new(connect(url)?),
            url: url.to_owned(),
            found: Cell::new(None),
        })
    }

    /// Runs `f` in one transaction, committed when `commit` is set and `f` succeeds. A
    /// read's end is sent with whatever the connection sends next, or not at all: nothing
    /// waits on it.
    fn transaction<T>(
        &self,
        mode: Mode,
        commit: bool,
        f: impl FnOnce(&mut dyn Seam) -> Result<T>,
    ) -> Result<T> {
        let mut wire = self.wire.borrow_mut();
        let first = self.found.get().is_none();
        if first {
            wire.hold_kept(FIRST_QUESTION);
        }
        let begin = match mode {
            Mode::Read => "START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
            Mode::Write => "START TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE",
        };
        wire.hold(begin.to_owned(), Vec::new());
        let value = f(&mut PgSeam::new(&mut wire));
        if first {
            let answer = wire.answer();
            let found = self
                .first_answer(answer)
                .inspect_err(|_| wire.drop_held())?;
            self.found.set(Some(found));
            if found.standby && mode == Mode::Write {
                wire.drop_held();
                bail!(self.standby_refusal(&mut wire));
            }
        }
        let value = match value {
            Ok(value) => value,
            Err(e) => {
                wire.drop_held();
                wire.hold("ROLLBACK".to_owned(), Vec::new());
                return Err(self.explain(e));
            }
        };
        match (mode, commit) {
            (Mode::Write, true) => {
                wire.query("COMMIT".to_owned(), Vec::new())
                    .map_err(|e| self.explain(e))?;
            }
            (Mode::Read, _) => wire.hold("COMMIT".to_owned(), Vec::new()),
            (Mode::Write, false) => {
                wire.drop_held();
                wire.hold("ROLLBACK".to_owned(), Vec::new());
            }
        }
        Ok(value)
    }

    /// What the first question found, or why this server cannot be used.
    fn first_answer(
        &self,
        answer: Option<Result<Vec<tokio_postgres::Row>, tokio_postgres::Error>>,
    ) -> Result<Found> {
        let url = &self.url;
        let rows = match answer {
            Some(Ok(rows)) => rows,
            Some(Err(e)) => {
                return Err(match e.code() {
                    Some(code)
                        if *code == SqlState::UNDEFINED_TABLE
                            || *code == SqlState::UNDEFINED_OBJECT =>
                    {
                        no_ledger(url)
                    }
                    Some(code) if *code == SqlState::INSUFFICIENT_PRIVILEGE => anyhow!(
                        "your login on the desk server at {} is not a member of the desk: an administrator runs GRANT claimtrail_reporter TO {} (or claimtrail_editor)",
                        shown(url),
                        login(url)
                    ),
                    _ => self.explain(e.into()),
                });
            }
            None => bail!(
                "lost the connection to the desk server at {}; try again",
                shown(url)
            ),
        };
        let row = rows
            .first()
            .ok_or_else(|| anyhow!("the desk server at {} sent no answer", shown(url)))?;
        let version: Option<i32> = row.try_get("version")?;
        match version {
            None => return Err(no_ledger(url)),
            Some(v) if v > VERSION => bail!(newer(url, v)),
            Some(v) if v < VERSION => bail!(
                "the desk ledger at {} is at server schema {v} and this claimtrail needs {VERSION}: an administrator upgrades it with claimtrail desk init {}",
                shown(url),
                shown(url)
            ),
            Some(_) => {}
        }
        Ok(Found {
            editor: row.try_get("editor")?,
            standby: row.try_get("standby")?,
        })
    }

    /// The line for a write sent to a hot standby: where the primary is, as the desk
    /// recorded it when it was set up.
    fn standby_refusal(&self, wire: &mut Wire) -> String {
        let primary: Option<String> = wire
            .query(
                "SELECT primary_at FROM claimtrail_schema LIMIT 1".to_owned(),
                Vec::new(),
            )
            .ok()
            .and_then(|(rows, _)| rows.first().and_then(|r| r.try_get(0).ok()))
            .flatten();
        let server = shown(&self.url);
        match primary {
            Some(at) => format!(
                "the desk server at {server} is a read-only standby: write to the primary, {}",
                on_host(&self.url, &at)
            ),
            None => format!(
                "the desk server at {server} is a read-only standby: write to the primary server it replicates"
            ),
        }
    }

    /// Whether this login may see confidential claimants.
    fn may_see_confidential(&self) -> Result<bool> {
        if self.found.get().is_none() {
            self.read(|_| Ok(()))?;
        }
        Ok(self.found.get().is_some_and(|f| f.editor))
    }

    /// Says what the server refused, in a line, for errors from inside a transaction,
    /// after what the engine said of where it was (which record of an import).
    fn explain(&self, e: anyhow::Error) -> anyhow::Error {
        let Some(pg) = e.downcast_ref::<tokio_postgres::Error>() else {
            return e;
        };
        let places: Vec<String> = e
            .chain()
            .take_while(|layer| layer.downcast_ref::<tokio_postgres::Error>().is_none())
            .map(ToString::to_string)
            .collect();
        places
            .into_iter()
            .rev()
            .fold(self.explain_server(pg), |e, place| e.context(place))
    }

    fn explain_server(&self, pg: &tokio_postgres::Error) -> anyhow::Error {
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
        self.transaction(Mode::Read, true, f)
    }

    fn write<T>(&self, commit: bool, f: impl FnOnce(&mut dyn Seam) -> Result<T>) -> Result<T> {
        self.transaction(Mode::Write, commit, f)
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
    include_str!("migrations/0004_source_totals.sql"),
    include_str!("migrations/0005_primary.sql"),
    include_str!("migrations/0006_changes.sql"),
    include_str!("migrations/0007_statuses_by_statement.sql"),
    include_str!("migrations/0008_ledger_id.sql"),
    include_str!("migrations/0009_tallies_summed.sql"),
    include_str!("migrations/0010_references_by_statement.sql"),
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
pub(crate) fn connect(url: &str) -> Result<Wire> {
    let mut config: tokio_postgres::Config = url
        .parse()
        .map_err(|e| anyhow!("\"{}\" is not a desk server address: {e}", shown(url)))?;
    if config.get_password().is_none()
        && let Some(password) = std::env::var_os("PGPASSWORD").filter(|p| !p.is_empty())
    {
        config.password(password.as_encoded_bytes());
    }
    Wire::connect(&config, tls::connector()?).map_err(|e| explain(url, &e))
}

/// Creates the ledger's tables, triggers and roles on an existing server database, in one
/// transaction; a database that already has them is left as it is, and one written by a
/// newer claimtrail is refused untouched. The address it was set up at is recorded as the
/// primary's, for a write sent to a standby to name.
pub fn init(url: &str) -> Result<Init> {
    let mut wire = connect(url)?;
    let failed = |e: tokio_postgres::Error| {
        let why = e
            .as_db_error()
            .map_or(e.to_string(), |db| db.message().to_owned());
        anyhow!("cannot set up the desk ledger at {}: {why}", shown(url))
    };
    wire.batch_execute("BEGIN").map_err(failed)?;
    let found = schema_version(&mut wire)?;
    let from = found.unwrap_or(0);
    if from > VERSION {
        bail!(newer(url, from));
    }
    if from == VERSION {
        return Ok(Init::AlreadyThere);
    }
    for migration in &MIGRATIONS[from as usize..] {
        wire.batch_execute(migration).map_err(failed)?;
    }
    // The outlets a new local ledger knows, by the same list; ones the desk merged or
    // renamed are found by their old names and left as they are.
    let outlets = crate::store::Store::in_memory()?.outlet_records()?;
    engine::seed_outlets(&mut PgSeam::new(&mut wire), &outlets)?;
    wire.hold(
        "UPDATE claimtrail_schema SET version = $1, primary_at = $2".to_owned(),
        vec![engine::Value::Int(VERSION.into()), address(url).into()],
    );
    wire.query("COMMIT".to_owned(), Vec::new())?;
    Ok(match found {
        None => Init::Created,
        Some(from) => Init::Upgraded { from, to: VERSION },
    })
}

fn no_ledger(url: &str) -> anyhow::Error {
    anyhow!(
        "the desk server at {} has no claimtrail ledger yet: an administrator sets it up with claimtrail desk init {}",
        shown(url),
        shown(url)
    )
}

fn newer(url: &str, version: i32) -> String {
    format!(
        "the desk ledger at {} was made by a newer claimtrail (server schema {version}; this one knows {VERSION}): upgrade claimtrail",
        shown(url)
    )
}

fn schema_version(wire: &mut Wire) -> Result<Option<i32>> {
    let (rows, _) = wire.query(
        "SELECT to_regclass('public.claimtrail_schema') IS NOT NULL AS there".to_owned(),
        Vec::new(),
    )?;
    if !rows
        .first()
        .map(|r| r.try_get("there"))
        .transpose()?
        .unwrap_or(false)
    {
        return Ok(None);
    }
    let (rows, _) = wire.query(
        "SELECT max(version) AS version FROM claimtrail_schema".to_owned(),
        Vec::new(),
    )?;
    Ok(rows.first().map(|r| r.try_get("version")).transpose()?)
}

/// Where a URL points, without who logs in or how: `HOST:PORT/DATABASE`. A ledger file
/// keeps how far it synced with a desk under this name.
pub fn address(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let at = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    at.split('?').next().unwrap_or(at).to_owned()
}

/// The URL of `address` for the user `url` logs in as.
fn on_host(url: &str, address: &str) -> String {
    let scheme = url.split_once("://").map_or("postgres", |(s, _)| s);
    format!("{scheme}://{}@{address}", login(url))
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

fn explain(url: &str, e: &tokio_postgres::Error) -> anyhow::Error {
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
