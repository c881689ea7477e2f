//! The desk ledger on a PostgreSQL server: its schema, applied once by an administrator,
//! and connections that say plainly what is wrong when the server is not there. All of the
//! server's SQL lives here, beside the SQLite backend's.

use anyhow::{Result, anyhow, bail};
use postgres::error::SqlState;
use postgres::{Client, NoTls};

/// The server schema; its version is recorded in `claimtrail_schema`.
const SCHEMA: &str = include_str!("schema.sql");
const VERSION: i32 = 1;

/// What `desk init` found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Init {
    Created,
    AlreadyThere,
}

/// Whether a `--db` value names a desk server rather than a file.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// Connects, turning the ways a server can be missing into one line that says what to do.
pub fn connect(url: &str) -> Result<Client> {
    Client::connect(url, NoTls).map_err(|e| explain(url, &e))
}

/// Creates the ledger's tables, triggers and roles on an existing server database, in one
/// transaction; a database that already has them is left as it is, and one written by a
/// newer claimtrail is refused untouched.
pub fn init(url: &str) -> Result<Init> {
    let mut client = connect(url)?;
    let mut tx = client.transaction()?;
    match schema_version(&mut tx)? {
        Some(v) if v > VERSION => bail!(
            "the desk ledger at {} was made by a newer claimtrail (server schema {v}; this one knows {VERSION}): upgrade claimtrail",
            shown(url)
        ),
        Some(_) => return Ok(Init::AlreadyThere),
        None => {}
    }
    tx.batch_execute(SCHEMA).map_err(|e| {
        let why = e
            .as_db_error()
            .map_or(e.to_string(), |db| db.message().to_owned());
        anyhow!("cannot create the desk ledger at {}: {why}", shown(url))
    })?;
    tx.commit()?;
    Ok(Init::Created)
}

fn schema_version(client: &mut impl postgres::GenericClient) -> Result<Option<i32>> {
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('public.claimtrail_schema') IS NOT NULL",
            &[],
        )?
        .get(0);
    if !exists {
        return Ok(None);
    }
    let version: i32 = client
        .query_one("SELECT max(version) FROM claimtrail_schema", &[])?
        .get(0);
    Ok(Some(version))
}

/// The URL without its password, for messages.
fn shown(url: &str) -> String {
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
    if cause.contains("password") {
        return anyhow!(
            "the desk server at {server} asks for a password: put it in the URL (postgres://USER:PASSWORD@HOST/DB) or in ~/.pgpass"
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
