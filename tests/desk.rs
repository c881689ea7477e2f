//! The desk ledger on a real PostgreSQL server: `.ci/run` starts a throwaway cluster and
//! sets CLAIMTRAIL_TEST_PG to its administrator's URL. Each test makes a database of its
//! own, sets the ledger up with `claimtrail desk init`, and checks what the server itself
//! enforces, through plain SQL as any client would send it.

mod common;

use common::claimtrail;
use common::desk::{Desk, connect, server};
use postgres::Client;

/// A database of this test's own, set up with `desk init`, with a reporter and an editor
/// login; returns (admin, reporter, editor) URLs.
fn desk(server: &str) -> (String, String, String) {
    let desk = Desk::new(server);
    let reporter = desk.login(&format!("rep_{}", desk.tag), "claimtrail_reporter");
    let editor = desk.login(&format!("ed_{}", desk.tag), "claimtrail_editor");
    (desk.admin.clone(), reporter, editor)
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
