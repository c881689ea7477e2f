//! Desk ledgers for the tests, on the PostgreSQL server `.ci/run` starts (its administrator's
//! URL is in CLAIMTRAIL_TEST_PG). Each test gets a database of its own, set up with
//! `claimtrail desk init`.

use std::sync::atomic::{AtomicU32, Ordering};

use postgres::{Client, NoTls};

/// The administrator's URL of the test server, or `None` (with a note) where none runs.
pub fn server() -> Option<String> {
    let url = std::env::var("CLAIMTRAIL_TEST_PG")
        .ok()
        .filter(|u| !u.is_empty());
    if url.is_none() {
        eprintln!("CLAIMTRAIL_TEST_PG is not set; skipping (.ci/run starts a server for these)");
    }
    url
}

/// A fresh desk ledger of this test's own: its administrator's URL, and a way to name
/// logins on it.
pub struct Desk {
    pub admin: String,
    pub tag: String,
}

impl Desk {
    pub fn new(server: &str) -> Desk {
        static N: AtomicU32 = AtomicU32::new(0);
        let tag = format!(
            "{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        );
        let db = format!("desk_{tag}");
        connect(server)
            .batch_execute(&format!("CREATE DATABASE {db}"))
            .expect("create the test database");
        let base = server.rsplit_once('/').expect("a database in the URL").0;
        let admin = format!("{base}/{db}");
        let out = super::claimtrail()
            .args(["desk", "init", &admin])
            .output()
            .expect("run desk init");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Desk { admin, tag }
    }

    /// The URL of a login `name` (made if missing) in `group` on this desk.
    pub fn login(&self, name: &str, group: &str) -> String {
        connect(&self.admin)
            .batch_execute(&format!(
                "DO $$ BEGIN CREATE ROLE {name} LOGIN IN ROLE {group};
                 EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;"
            ))
            .expect("create a login");
        self.as_user(name)
    }

    pub fn as_user(&self, user: &str) -> String {
        let (scheme, rest) = self.admin.split_once("://").expect("a URL");
        let host = rest.split_once('@').map_or(rest, |(_, h)| h);
        format!("{scheme}://{user}@{host}")
    }
}

pub fn connect(url: &str) -> Client {
    Client::connect(url, NoTls).expect("connect")
}
