//! The desk ledger on a real PostgreSQL server: `.ci/run` starts a throwaway cluster and
//! sets CLAIMTRAIL_TEST_PG to its administrator's URL. Each test makes a database of its
//! own, sets the ledger up with `claimtrail desk init`, and checks what the server itself
//! enforces, through plain SQL as any client would send it.

mod common;

use std::sync::atomic::{AtomicU32, Ordering};

use common::claimtrail;
use postgres::{Client, NoTls};

/// The administrator's URL of the test server, or `None` (with a note) where none runs.
fn server() -> Option<String> {
    let url = std::env::var("CLAIMTRAIL_TEST_PG")
        .ok()
        .filter(|u| !u.is_empty());
    if url.is_none() {
        eprintln!("CLAIMTRAIL_TEST_PG is not set; skipping (.ci/run starts a server for these)");
    }
    url
}

/// A database of this test's own on the server, set up with `desk init`, with a reporter
/// and an editor login; returns (admin, reporter, editor) URLs.
fn desk(admin: &str) -> (String, String, String) {
    static N: AtomicU32 = AtomicU32::new(0);
    let tag = format!(
        "{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    );
    let db = format!("desk_{tag}");
    let mut client = Client::connect(admin, NoTls).expect("connect as administrator");
    client
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    let base = admin.rsplit_once('/').unwrap().0;
    let desk_admin = format!("{base}/{db}");
    let out = claimtrail()
        .args(["desk", "init", &desk_admin])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (reporter, editor) = (format!("rep_{tag}"), format!("ed_{tag}"));
    let mut client = Client::connect(&desk_admin, NoTls).unwrap();
    client
        .batch_execute(&format!(
            "CREATE ROLE {reporter} LOGIN IN ROLE claimtrail_reporter;
             CREATE ROLE {editor} LOGIN IN ROLE claimtrail_editor;"
        ))
        .unwrap();
    let as_user = |user: &str| {
        let (scheme, rest) = desk_admin.split_once("://").unwrap();
        let host = rest.split_once('@').map_or(rest, |(_, h)| h);
        format!("{scheme}://{user}@{host}")
    };
    (desk_admin.clone(), as_user(&reporter), as_user(&editor))
}

fn connect(url: &str) -> Client {
    Client::connect(url, NoTls).expect("connect")
}

#[test]
fn init_is_once_and_says_so() {
    let Some(admin) = server() else { return };
    let (desk_admin, _, _) = desk(&admin);
    let again = claimtrail()
        .args(["desk", "init", &desk_admin])
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(
        String::from_utf8_lossy(&again.stdout),
        "the desk ledger is already set up there\n"
    );
}

#[test]
fn the_server_keeps_the_history_append_only_and_the_status_following_it() {
    let Some(admin) = server() else { return };
    let (desk_admin, reporter, _) = desk(&admin);
    let mut rep = connect(&reporter);
    let claimant: i64 = rep
        .query_one(
            "INSERT INTO claimants (name, name_key) VALUES ('Jabbar Yawar', 'jabbar yawar') RETURNING id",
            &[],
        )
        .unwrap()
        .get(0);
    // Whoever the client says it is, the server records the connection's own role.
    let (claim, by): (i64, String) = {
        let row = rep
            .query_one(
                "INSERT INTO claims (uid, text, logged_by) VALUES (gen_random_uuid(), 'Kirkuk has fallen', 'someone else') RETURNING id, logged_by",
                &[],
            )
            .unwrap();
        (row.get(0), row.get(1))
    };
    assert!(reporter.contains(&format!("{by}@")), "{by} for {reporter}");
    rep.execute(
        "INSERT INTO attributions (claim_id, claimant_id) VALUES ($1, $2)",
        &[&claim, &claimant],
    )
    .unwrap();
    rep.batch_execute(&format!(
        "INSERT INTO status_events (claim_id, status) VALUES ({claim}, 'unverified');
         INSERT INTO status_events (claim_id, status) VALUES ({claim}, 'disputed');"
    ))
    .unwrap();
    let status: String = rep
        .query_one("SELECT status FROM claims WHERE id = $1", &[&claim])
        .unwrap()
        .get(0);
    assert_eq!(status, "disputed");

    // Not even the owner of the database may rewrite the history.
    let mut owner = connect(&desk_admin);
    for sql in [
        "UPDATE status_events SET status = 'verified'",
        "DELETE FROM status_events",
        "DELETE FROM attributions",
        "DELETE FROM claims",
        "UPDATE claims SET status = 'verified'",
        "UPDATE claims SET status = 'bogus'",
        "INSERT INTO status_events (claim_id, status) VALUES (1, 'maybe')",
    ] {
        assert!(owner.batch_execute(sql).is_err(), "{sql} was allowed");
    }
}

#[test]
fn a_reporter_never_reads_a_confidential_name_and_an_editor_does() {
    let Some(admin) = server() else { return };
    let (_, reporter, editor) = desk(&admin);
    let mut rep = connect(&reporter);
    rep.batch_execute(
        "INSERT INTO claimants (name, name_key, role, confidential)
         VALUES ('Pentagon insider', 'pentagon insider', 'defense official', true);
         INSERT INTO claimants (name, name_key) VALUES ('Jabbar Yawar', 'jabbar yawar');",
    )
    .unwrap();
    let names = |client: &mut Client, sql: &str| -> Vec<String> {
        client
            .query(sql, &[])
            .unwrap()
            .iter()
            .map(|r| r.get::<_, String>(0))
            .collect()
    };
    let seen = names(&mut rep, "SELECT name FROM claimants ORDER BY id");
    assert_eq!(seen, ["Jabbar Yawar"]);
    let shown = names(&mut rep, "SELECT name FROM claimants_visible ORDER BY id");
    assert!(shown[0].starts_with("confidential source #"), "{shown:?}");
    assert!(!shown.iter().any(|n| n.contains("Pentagon")));
    let mut ed = connect(&editor);
    let all = names(&mut ed, "SELECT name FROM claimants ORDER BY id");
    assert_eq!(all, ["Pentagon insider", "Jabbar Yawar"]);
}

#[test]
fn a_missing_server_or_database_gets_one_clear_line() {
    let Some(admin) = server() else { return };
    let base = admin.rsplit_once('/').unwrap().0;
    let missing_db = claimtrail()
        .args(["desk", "init", &format!("{base}/no_such_database")])
        .output()
        .unwrap();
    assert_eq!(missing_db.status.code(), Some(1));
    let said = String::from_utf8_lossy(&missing_db.stderr);
    assert!(
        said.contains("has no such database") && said.lines().count() == 1,
        "{said}"
    );
    let nobody = claimtrail()
        .args(["desk", "init", "postgres://nobody@127.0.0.1:1/desk"])
        .output()
        .unwrap();
    assert_eq!(nobody.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&nobody.stderr).contains("cannot reach the desk server"));
}

/// Until the everyday commands run on a desk server, a server's URL given as the ledger is
/// refused plainly rather than taken for a file name.
#[test]
fn a_desk_url_as_the_ledger_is_refused_plainly_for_now() {
    for way in [
        ["--db", "postgres://alice@desk/claims"],
        ["--reporter", "alice"],
    ] {
        let out = claimtrail()
            .env("CLAIMTRAIL_DB", "postgresql://alice@desk/claims")
            .args(way)
            .arg("list")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "claimtrail: the everyday commands do not run on a desk server yet; only claimtrail desk init does (give --db a ledger file)\n"
        );
    }
}
