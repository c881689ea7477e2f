//! The desk ledger on a real PostgreSQL server: `.ci/run` starts a throwaway cluster and
//! sets CLAIMTRAIL_TEST_PG to its administrator's URL. Each test makes a database of its
//! own, sets the ledger up with `claimtrail desk init`, and checks what the server itself
//! enforces, through plain SQL as any client would send it, and what the commands do there
//! that a local ledger cannot: many writers at once, roles, push and pull.

mod common;

use std::path::Path;
use std::process::Output;

use common::desk::{Desk, connect, server};
use common::{claimtrail, logged_id, spawn_claimtrail};
use postgres::Client;
use serde_json::Value;

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
fn every_reference_into_the_ledger_must_name_a_row_that_stays() {
    let Some(admin) = server() else { return };
    let (desk_admin, reporter, editor) = desk(&admin);
    ok(
        &editor,
        &[
            "add",
            "Mosul has fallen",
            "--by",
            "Jabbar Yawar",
            "--via",
            "Reuters",
        ],
    );
    // A reporter's claim by a confidential source: the check sees the source the reporter
    // may not read.
    ok(
        &editor,
        &[
            "add",
            "The dam holds",
            "--by",
            "an engineer at the dam",
            "--confidential",
        ],
    );
    ok(
        &reporter,
        &[
            "cite",
            "2",
            "--by",
            "an engineer at the dam",
            "--confidential",
        ],
    );
    let mut owner = connect(&desk_admin);
    for (sql, said) in [
        (
            "INSERT INTO relays (attribution_id, position, outlet_id) VALUES (1, 5, 424242)",
            "relays.outlet_id 424242 names no row of outlets",
        ),
        (
            "INSERT INTO relays (attribution_id, position, outlet_id) SELECT 424242, 0, min(id) FROM outlets",
            "relays.attribution_id 424242 names no row of attributions",
        ),
        (
            "INSERT INTO attributions (claim_id, claimant_id) VALUES (424242, 1)",
            "attributions.claim_id 424242 names no row of claims",
        ),
        (
            "INSERT INTO attributions (claim_id, claimant_id) VALUES (1, 424242)",
            "attributions.claimant_id 424242 names no row of claimants",
        ),
        (
            "INSERT INTO status_events (claim_id, status) VALUES (424242, 'verified')",
            "status_events.claim_id 424242 names no row of claims",
        ),
        (
            "INSERT INTO evidence (event_id, position, url) VALUES (424242, 0, 'https://example.org')",
            "evidence.event_id 424242 names no row of status_events",
        ),
        ("DELETE FROM outlets", "outlets are never deleted"),
        ("DELETE FROM claimants", "claimants are never deleted"),
        (
            "UPDATE outlets SET id = id + 1000",
            "an outlet's id is fixed",
        ),
        (
            "UPDATE claimants SET id = id + 1000",
            "a claimant's id is fixed",
        ),
        ("TRUNCATE claims CASCADE", "never truncated"),
        ("TRUNCATE outlets CASCADE", "never truncated"),
    ] {
        let err = owner.batch_execute(sql).expect_err(sql);
        let shown = err.as_db_error().map(|e| e.message().to_owned());
        assert!(
            shown.as_deref().is_some_and(|m| m.contains(said)),
            "{sql}: {err:?}"
        );
    }
    let clean = ok(&editor, &["check"]);
    assert!(clean.starts_with("ok: 2 claims, 3 attributions"), "{clean}");
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

/// `claimtrail --db DB ARGS`.
fn run(db: &str, args: &[&str]) -> Output {
    claimtrail()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run claimtrail")
}

/// Runs and expects success; returns stdout.
fn ok(db: &str, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "claimtrail {args:?} on {db} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Runs, expects exit 1 with one line on stderr, and returns that line.
fn refused(db: &str, args: &[&str]) -> String {
    let out = run(db, args);
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{args:?} on {db}: {said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.starts_with("claimtrail: "), "{said}");
    assert!(out.stdout.is_empty());
    said
}

fn json(db: &str, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(db, &all)).expect("JSON")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn eight_reporters_adding_and_marking_at_once_lose_nothing() {
    let Some(admin) = server() else { return };
    let desk = Desk::new(&admin);
    let logins: Vec<String> = (0..8)
        .map(|w| desk.login(&format!("rep{w}_{}", desk.tag), "claimtrail_reporter"))
        .collect();
    // Each worker is its own process per command, as eight laptops would be; they share
    // claimants and outlets, so new names race too.
    let workers: Vec<_> = logins
        .iter()
        .enumerate()
        .map(|(w, url)| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut ids = Vec::new();
                for i in 0..100 {
                    let out = spawn_claimtrail()
                        .args(["--db", &url, "add", &format!("claim {i} from worker {w}")])
                        .args(["--by", &format!("Official {}", i % 5)])
                        .args(["--via", &format!("Outlet {}", i % 7), "--story", "race"])
                        .output()
                        .expect("run add");
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    ids.push(logged_id(&String::from_utf8_lossy(&out.stdout)));
                }
                for id in ids.iter().step_by(2) {
                    let out = spawn_claimtrail()
                        .args(["--db", &url, "mark", &id.to_string(), "verified"])
                        .output()
                        .expect("run mark");
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
                ids
            })
        })
        .collect();
    let mut all: Vec<i64> = workers
        .into_iter()
        .flat_map(|w| w.join().expect("a worker panicked"))
        .collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), 800, "every add got its own claim");

    let reader = &logins[0];
    let claims = json(reader, &["list", "--all"]);
    let claims = claims.as_array().expect("claims");
    assert_eq!(claims.len(), 800);
    let verified = claims.iter().filter(|c| c["status"] == "verified").count();
    assert_eq!(verified, 400);
    for (w, login) in logins.iter().enumerate() {
        let user = login
            .split("://")
            .nth(1)
            .unwrap()
            .split('@')
            .next()
            .unwrap();
        let theirs = claims.iter().filter(|c| c["logged_by"] == user).count();
        assert_eq!(theirs, 100, "worker {w} as {user}");
    }
    let sources = json(reader, &["sources"]);
    assert_eq!(sources.as_array().unwrap().len(), 5, "{sources:#}");
    let check = ok(reader, &["check"]);
    assert!(check.starts_with("ok: 800 claims"), "{check}");
}

#[test]
fn a_reporter_never_sees_a_confidential_name_and_an_editor_with_reveal_does() {
    let Some(admin) = server() else { return };
    let (_, reporter, editor) = desk(&admin);
    let name = "Colonel Hidden Name";
    ok(
        &reporter,
        &[
            "add",
            "The bridge was blown at dawn",
            "--by",
            name,
            "--confidential",
            "--role",
            "army officer",
        ],
    );
    ok(&reporter, &["cite", "1", "--by", name, "--via", "Reuters"]);
    let mut reads: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["show", "1"],
        vec!["report"],
        vec!["sources"],
        vec!["export", "--format", "jsonl"],
    ];
    for read in reads.clone() {
        for format in ["json", "csv"] {
            if read[0] != "export" {
                let mut with = read.clone();
                with.extend(["--format", format]);
                reads.push(with);
            }
        }
    }
    for read in &reads {
        // --wide keeps each row on one line, so a name is never broken across two.
        let out = ok(&reporter, &[&["--wide"][..], read].concat());
        assert!(!out.contains("Hidden"), "{read:?} named the source:\n{out}");
        let names_no_one = read[0] == "show" && read.contains(&"csv");
        assert!(
            names_no_one || out.contains("confidential source #"),
            "{read:?}:\n{out}"
        );
    }
    for read in [
        &["list", "--reveal"][..],
        &["show", "1", "--reveal"],
        &["export", "--reveal"],
    ] {
        let said = refused(&reporter, read);
        assert!(said.contains("--reveal is for editors"), "{said}");
    }
    // Straight to the server, as psql would: no table or view gives the name away.
    let mut rep = connect(&reporter);
    for sql in [
        "SELECT * FROM claimants",
        "SELECT * FROM claimants_visible",
        "SELECT * FROM claimant_aliases",
    ] {
        let rows = rep.simple_query(sql).expect(sql);
        assert!(
            !format!("{rows:?}").contains("Hidden"),
            "{sql} showed the name"
        );
    }
    assert!(
        rep.simple_query("UPDATE claimants SET confidential = false")
            .is_err()
    );

    for read in [
        &["list", "--reveal"][..],
        &["show", "1", "--reveal"],
        &["report", "--reveal"],
    ] {
        let wide = [&["--wide"][..], read].concat();
        assert!(ok(&editor, &wide).contains(name), "{read:?} as editor");
    }
    assert!(
        !ok(&editor, &["list"]).contains(name),
        "editors reveal only when they ask"
    );
}

#[test]
fn reporters_add_cite_and_mark_but_only_editors_correct_and_merge() {
    let Some(admin) = server() else { return };
    let (_, reporter, editor) = desk(&admin);
    ok(
        &reporter,
        &[
            "add",
            "Tikrit has fallen",
            "--by",
            "Jabbar Yawar",
            "--via",
            "Reuters",
        ],
    );
    ok(
        &reporter,
        &["add", "Mosul has fallen", "--by", "Atheel al-Nujaifi"],
    );
    ok(
        &reporter,
        &["cite", "1", "--by", "Jabbar Yawar", "--via", "AP"],
    );
    ok(&reporter, &["mark", "1", "corroborated"]);
    for write in [
        &["edit", "1", "--text", "Tikrit has been taken"][..],
        &[
            "sources",
            "edit",
            "Jabbar Yawar",
            "--role",
            "peshmerga spokesman",
        ],
        &["sources", "merge", "Jabbar Yawar", "Atheel al-Nujaifi"],
        &["outlets", "merge", "AP", "Reuters"],
        &["sources", "edit", "Jabbar Yawar", "--reliability", "B"],
    ] {
        let before = ok(&editor, &["export", "--format", "jsonl", "--reveal"]);
        let said = refused(&reporter, write);
        assert!(said.contains("may not do that"), "{write:?}: {said}");
        assert_eq!(
            ok(&editor, &["export", "--format", "jsonl", "--reveal"]),
            before
        );
    }
    ok(&editor, &["edit", "1", "--text", "Tikrit has been taken"]);
    let shown = json(&reporter, &["show", "1"]);
    assert_eq!(shown["text"], "Tikrit has been taken");
    assert_eq!(shown["edits"][0]["old_value"], "Tikrit has fallen");
}

#[test]
fn pushing_twice_then_pulling_into_a_fresh_ledger_matches_the_server() {
    let Some(admin) = server() else { return };
    let (_, reporter, editor) = desk(&admin);
    let dir = tempfile::tempdir().unwrap();
    let laptop = dir.path().join("laptop.db");
    let laptop = path(&laptop);
    // Offline in the field: two claims, one from a confidential source, and a status change.
    ok(
        laptop,
        &[
            "add",
            "Mosul airport has fallen",
            "--by",
            "Atheel al-Nujaifi",
            "--role",
            "governor",
            "--via",
            "Reuters",
            "--made-at",
            "2014-06-10",
        ],
    );
    ok(
        laptop,
        &[
            "add",
            "The army left its posts",
            "--by",
            "Colonel Hidden Name",
            "--confidential",
        ],
    );
    ok(
        laptop,
        &[
            "mark",
            "1",
            "disputed",
            "--note",
            "army denies",
            "--evidence",
            "https://example.org/denial",
        ],
    );
    // Meanwhile at the desk.
    ok(
        &editor,
        &[
            "add",
            "Tikrit has fallen",
            "--by",
            "Jabbar Yawar",
            "--via",
            "AP",
        ],
    );

    let first = ok(laptop, &["push", &reporter]);
    assert!(first.contains("2 new claims"), "{first}");
    // The second sends only what changed since the first: nothing.
    let second = ok(laptop, &["push", &reporter]);
    assert!(second.ends_with(": nothing new\n"), "{second}");

    let listed = json(&editor, &["list", "--all", "--reveal"]);
    assert_eq!(
        listed.as_array().unwrap().len(),
        3,
        "nothing was duplicated"
    );
    let airport = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "Mosul airport has fallen")
        .expect("the pushed claim");
    assert_eq!(airport["status"], "disputed");
    let user = reporter
        .split("://")
        .nth(1)
        .unwrap()
        .split('@')
        .next()
        .unwrap();
    assert_eq!(airport["logged_by"], user, "the server names who pushed it");

    let fresh = dir.path().join("fresh.db");
    let fresh = path(&fresh);
    let pulled = ok(fresh, &["pull", &editor]);
    assert!(pulled.contains("3 new claims"), "{pulled}");
    let server_export = ok(&editor, &["export", "--format", "jsonl", "--reveal"]);
    let local_export = ok(fresh, &["export", "--format", "jsonl", "--reveal"]);
    assert_eq!(local_export, server_export);
    assert_eq!(
        ok(fresh, &["report", "--format", "csv", "--reveal"]),
        ok(&editor, &["report", "--format", "csv", "--reveal"])
    );
    // What a first pull brought came from the desk: pushing it back sends nothing.
    let back = ok(fresh, &["push", &editor]);
    assert!(back.ends_with(": nothing new\n"), "{back}");

    // A reporter's pull leaves behind what it may not see, and says so.
    let theirs = dir.path().join("reporter.db");
    let out = run(path(&theirs), &["pull", &reporter]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 claim from confidential sources"));
    let pulled = json(path(&theirs), &["list", "--all", "--reveal"]);
    assert_eq!(pulled.as_array().unwrap().len(), 2);

    // A confidential claim of the reporter's own, pushed, is not one left behind.
    let own = dir.path().join("own.db");
    ok(
        path(&own),
        &[
            "add",
            "The army left",
            "--by",
            "Colonel X",
            "--confidential",
        ],
    );
    ok(path(&own), &["push", &reporter]);
    let out = run(path(&own), &["pull", &reporter]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("note: 1 claim from confidential sources"),
        "{said}"
    );
    let listed = json(path(&own), &["list", "--all"]);
    assert_eq!(listed.as_array().unwrap().len(), 3, "{listed}");
}

#[test]
fn a_claim_marked_differently_on_both_sides_keeps_both_events() {
    let Some(admin) = server() else { return };
    let (_, _, editor) = desk(&admin);
    let dir = tempfile::tempdir().unwrap();
    let laptop = dir.path().join("laptop.db");
    let laptop = path(&laptop);
    let at = |when: &str, db: &str, args: &[&str]| {
        let out = claimtrail()
            .env("CLAIMTRAIL_NOW", when)
            .arg("--db")
            .arg(db)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    at(
        "2014-06-12T08:00:00Z",
        &editor,
        &["add", "Tikrit has fallen", "--by", "Jabbar Yawar"],
    );
    ok(laptop, &["pull", &editor]);
    at(
        "2014-06-12T09:00:00Z",
        &editor,
        &["mark", "1", "verified", "--note", "desk confirmed"],
    );
    at(
        "2014-06-12T10:00:00Z",
        laptop,
        &["mark", "1", "false", "--note", "field says no"],
    );
    ok(laptop, &["push", &editor]);
    ok(laptop, &["pull", &editor]);
    for db in [laptop, editor.as_str()] {
        let shown = json(db, &["show", "1"]);
        let statuses: Vec<&str> = shown["history"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, ["unverified", "verified", "false"], "on {db}");
        assert_eq!(shown["status"], "false", "the latest event wins, on {db}");
    }
}

#[test]
fn every_way_the_server_can_be_missing_gets_one_clear_line() {
    let Some(admin) = server() else { return };
    let desk = Desk::new(&admin);
    let base = admin.rsplit_once('/').unwrap().0;
    let (scheme_host, db) = (base.to_owned(), desk.admin.rsplit_once('/').unwrap().1);
    connect(&desk.admin)
        .batch_execute(
            "DO $$ BEGIN CREATE ROLE claimtrail_pw_test LOGIN PASSWORD 'right';
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;",
        )
        .unwrap();
    let host = scheme_host.split('@').nth(1).unwrap();
    let cases = [
        (
            "postgres://nobody@127.0.0.1:1/desk".to_owned(),
            "cannot reach the desk server",
        ),
        (
            format!("postgres://claimtrail_pw_test:wrong@{host}/{db}"),
            "refused the login",
        ),
        (
            format!("postgres://claimtrail_pw_test@{host}/{db}"),
            "asks for a password",
        ),
        (
            format!("postgres://claimtrail_pw_test:right@{host}/{db}"),
            "is not a member of the desk",
        ),
        (format!("{base}/no_such_database"), "has no such database"),
        (format!("{base}/postgres"), "has no claimtrail ledger yet"),
    ];
    for (url, needle) in cases {
        for args in [
            &["list"][..],
            &["add", "A claim", "--by", "Someone"],
            &["report"],
        ] {
            let said = refused(&url, args);
            assert!(said.contains(needle), "{url} {args:?}: {said}");
            assert!(!said.contains("wrong"), "the password was echoed: {said}");
        }
    }
    // Pushing to a server that is not there loses nothing here.
    let dir = tempfile::tempdir().unwrap();
    let laptop = dir.path().join("laptop.db");
    ok(path(&laptop), &["add", "A claim", "--by", "Someone"]);
    let before = std::fs::read(&laptop).unwrap();
    let said = refused(
        path(&laptop),
        &["push", "postgres://nobody@127.0.0.1:1/desk"],
    );
    assert!(said.contains("cannot reach"), "{said}");
    assert_eq!(std::fs::read(&laptop).unwrap(), before);
}

#[test]
fn a_desk_from_a_newer_claimtrail_is_refused_untouched() {
    let Some(admin) = server() else { return };
    let (desk_admin, reporter, _) = desk(&admin);
    ok(
        &reporter,
        &["add", "Tikrit has fallen", "--by", "Jabbar Yawar"],
    );
    connect(&desk_admin)
        .batch_execute("UPDATE claimtrail_schema SET version = 99")
        .unwrap();
    let before = connect(&desk_admin)
        .simple_query("SELECT * FROM claims, claimtrail_schema")
        .map(|rows| format!("{rows:?}"))
        .unwrap();
    for (db, args) in [
        (reporter.as_str(), &["list"][..]),
        (
            reporter.as_str(),
            &["add", "Mosul has fallen", "--by", "Someone"],
        ),
        ("", &["desk", "init", &desk_admin]),
    ] {
        let out = if db.is_empty() {
            claimtrail().args(args).output().unwrap()
        } else {
            run(db, args)
        };
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {said}");
        assert!(
            said.contains("made by a newer claimtrail (server schema 99"),
            "{said}"
        );
    }
    let after = connect(&desk_admin)
        .simple_query("SELECT * FROM claims, claimtrail_schema")
        .map(|rows| format!("{rows:?}"))
        .unwrap();
    assert_eq!(after, before);
}

#[test]
fn desk_init_upgrades_a_desk_set_up_by_an_earlier_claimtrail() {
    let Some(admin) = server() else { return };
    let base = admin.rsplit_once('/').unwrap().0;
    let db = format!("desk_old_{}", std::process::id());
    let mut server = connect(&admin);
    for sql in [
        format!("DROP DATABASE IF EXISTS {db}"),
        format!("CREATE DATABASE {db}"),
    ] {
        server.batch_execute(&sql).unwrap();
    }
    let old = format!("{base}/{db}");
    // Server schema 1 as the first release applied it, with a claim logged under it.
    let mut client = connect(&old);
    client
        .batch_execute(include_str!("../schema-postgres.sql"))
        .unwrap();
    client
        .batch_execute(
            "INSERT INTO claimants (name, name_key) VALUES ('Jabbar Yawar', 'jabbar yawar');
             INSERT INTO claims (uid, text) VALUES (gen_random_uuid(), 'Kirkuk has fallen');
             INSERT INTO attributions (claim_id, claimant_id) VALUES (1, 1);
             INSERT INTO status_events (claim_id, status) VALUES (1, 'unverified');",
        )
        .unwrap();
    let said = refused(&old, &["list"]);
    assert!(said.contains("is at server schema 1"), "{said}");

    let upgraded = claimtrail().args(["desk", "init", &old]).output().unwrap();
    assert!(upgraded.status.success());
    let said = String::from_utf8_lossy(&upgraded.stdout).into_owned();
    let latest: i32 = connect(&old)
        .query_one("SELECT max(version) FROM claimtrail_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(
        said,
        format!("upgraded the desk ledger from server schema 1 to {latest}\n")
    );
    let listed = json(&old, &["list"]);
    assert_eq!(listed[0]["text"], "Kirkuk has fallen");
    // The per-source totals a later schema keeps count what was there before it.
    let report = json(&old, &["report"]);
    assert_eq!(
        report["claimants"][0]["by_status"]["unverified"], 1,
        "{report}"
    );
    let outlets = ok(&old, &["outlets", "--all", "--format", "csv"]);
    assert!(
        outlets.contains("Bloomberg"),
        "the seed list caught up:\n{outlets}"
    );
    let twice = claimtrail().args(["desk", "init", &old]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&twice.stdout),
        "the desk ledger is already set up there\n"
    );
}

#[test]
fn connections_are_encrypted_and_the_servers_certificate_is_checked() {
    let Some(admin) = server() else { return };
    let Some(ca) = std::env::var_os("CLAIMTRAIL_TEST_PG_CA") else {
        eprintln!("CLAIMTRAIL_TEST_PG_CA is not set; skipping (.ci/run sets it)");
        return;
    };
    let desk = Desk::new(&admin);
    // The server refuses this login anything but TLS.
    let url = desk.login("claimtrail_tls_test", "claimtrail_reporter");
    ok(&url, &["add", "Kirkuk has fallen", "--by", "Jabbar Yawar"]);
    assert_eq!(json(&url, &["list"])[0]["text"], "Kirkuk has fallen");
    let said = refused(&format!("{url}?sslmode=disable"), &["list"]);
    assert!(said.contains("takes encrypted connections only"), "{said}");

    // A certificate from an authority this machine does not know is not taken on trust.
    let out = claimtrail()
        .env_remove("PGSSLROOTCERT")
        .args(["--db", &url, "list"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        said.contains("does not trust") && said.contains("PGSSLROOTCERT"),
        "{said}"
    );
    let out = claimtrail()
        .env("PGSSLROOTCERT", &ca)
        .args(["--db", &format!("{url}?sslmode=require"), "list"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_password_in_the_url_is_never_printed() {
    let Some(admin) = server() else { return };
    let desk = Desk::new(&admin);
    let url = desk.login(&format!("rep_{}", desk.tag), "claimtrail_reporter");
    // The test server trusts this login, so any password gets in; none may come back out.
    let with_password = url.replacen('@', ":hunter2@", 1);
    let claim = ["add", "Tikrit has fallen", "--by", "Jabbar Yawar"];
    ok(&with_password, &claim);
    let again = run(&with_password, &claim);
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(
        said.contains("cite 1"),
        "the duplicate is pointed out: {said}"
    );
    let demo = run(&with_password, &["demo"]);
    for out in [&again, &demo] {
        for stream in [&out.stdout, &out.stderr] {
            assert!(!String::from_utf8_lossy(stream).contains("hunter2"));
        }
    }
}

/// `check` on a desk runs the same invariants as on a file (written once, in the engine):
/// tampering behind the server's triggers and keys is found.
#[test]
fn check_on_a_desk_finds_what_tampering_broke() {
    let Some(server) = server() else { return };
    let (admin, _, editor) = desk(&server);
    let id = logged_id(&ok(
        &editor,
        &["add", "One", "--by", "Someone", "--via", "Reuters"],
    ));
    ok(
        &editor,
        &["edit", &id.to_string(), "--text", "One, corrected"],
    );
    let clean = ok(&editor, &["check"]);
    assert!(clean.starts_with("ok: 1 claim"), "{clean}");
    // As the server's owner, with triggers and foreign keys switched off for the session.
    connect(&admin)
        .batch_execute(
            "SET session_replication_role = replica;
             UPDATE claims SET text = 'Tampered';
             UPDATE relays SET outlet_id = 999999;",
        )
        .expect("tamper");
    let out = run(&editor, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "problem: claim {id} text differs from its latest edit"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("names no outlet"), "{stdout}");
}

#[test]
fn reporters_grade_what_they_log_and_only_editors_grade_sources() {
    let Some(admin) = server() else { return };
    let (admin, reporter, editor) = desk(&admin);
    ok(
        &reporter,
        &[
            "add",
            "Mosul has fallen",
            "--by",
            "Atheel al-Nujaifi",
            "--credibility",
            "2",
        ],
    );
    ok(
        &reporter,
        &["cite", "1", "--by", "Jabbar Yawar", "--credibility", "3"],
    );
    ok(
        &reporter,
        &["edit", "1", "--credibility", "1", "--attribution", "2"],
    );
    let said = refused(
        &reporter,
        &["sources", "edit", "Jabbar Yawar", "--reliability", "A"],
    );
    assert!(said.contains("may not do that"), "{said}");
    ok(
        &editor,
        &["sources", "edit", "Jabbar Yawar", "--reliability", "B"],
    );
    let grades: Vec<Value> = json(&reporter, &["show", "1"])["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["grade"].clone())
        .collect();
    assert_eq!(grades, ["?2", "B1"]);

    // Not through plain SQL either, and the server stamps who graded.
    let mut sql = connect(&reporter);
    let err = sql
        .execute(
            "INSERT INTO reliability_grades (claimant_id, grade) VALUES (1, 'A')",
            &[],
        )
        .unwrap_err();
    let said = err
        .as_db_error()
        .map(|e| e.message().to_owned())
        .unwrap_or_default();
    assert!(said.contains("permission denied"), "{err:?}");
    let by: Vec<String> = connect(&admin)
        .query("SELECT by FROM credibility_grades ORDER BY id", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let login = |url: &str| {
        url.split("://")
            .nth(1)
            .unwrap()
            .split('@')
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(by, [login(&reporter), login(&reporter), login(&reporter)]);
    for change in [
        "UPDATE credibility_grades SET grade = 6",
        "DELETE FROM reliability_grades",
    ] {
        let err = connect(&admin).execute(change, &[]).unwrap_err();
        let said = err
            .as_db_error()
            .map(|e| e.message().to_owned())
            .unwrap_or_default();
        assert_eq!(said, "grades are append-only", "{err:?}");
    }

    // Grades go down with a pull and come back up with a push.
    let dir = tempfile::tempdir().unwrap();
    let laptop = dir.path().join("laptop.db");
    let laptop = path(&laptop);
    ok(laptop, &["pull", &editor]);
    assert_eq!(
        json(laptop, &["sources"])
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "Jabbar Yawar")
            .unwrap()["reliability"],
        "B"
    );
    ok(
        laptop,
        &["edit", "1", "--credibility", "4", "--attribution", "1"],
    );
    ok(
        laptop,
        &["sources", "edit", "Atheel al-Nujaifi", "--reliability", "C"],
    );
    let pushed = ok(laptop, &["push", &editor]);
    assert!(pushed.contains("2 grades"), "{pushed}");
    let shown = json(&reporter, &["show", "1"]);
    assert_eq!(shown["attributions"][0]["grade"], "C4");
    assert!(ok(&editor, &["check"]).starts_with("ok:"));
    // A reporter's push that would grade a source is refused whole.
    ok(
        laptop,
        &["sources", "edit", "Atheel al-Nujaifi", "--reliability", "D"],
    );
    let said = refused(laptop, &["push", &reporter]);
    assert!(said.contains("may not do that"), "{said}");
    assert_eq!(
        json(&reporter, &["show", "1"])["attributions"][0]["grade"],
        "C4"
    );
}

#[test]
fn a_hot_standby_answers_reads_and_sends_writes_to_the_primary() {
    let Some(admin) = server() else { return };
    let Some(standby) = std::env::var("CLAIMTRAIL_TEST_PG_STANDBY")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        eprintln!("CLAIMTRAIL_TEST_PG_STANDBY is not set; skipping (.ci/run starts a standby)");
        return;
    };
    let desk = Desk::new(&admin);
    let primary = desk.login(&format!("sb_{}", desk.tag), "claimtrail_reporter");
    ok(
        &primary,
        &[
            "add",
            "The bridge at Mosul was closed",
            "--by",
            "Jabbar Yawar",
            "--via",
            "Reuters",
        ],
    );
    // The same login and database, on the standby, once it has replayed them.
    let (head, rest) = primary.rsplit_once('@').unwrap();
    let (host, db) = rest.split_once('/').unwrap();
    let standby_host = standby
        .rsplit_once('@')
        .unwrap()
        .1
        .split('/')
        .next()
        .unwrap();
    let replica = format!("{head}@{standby_host}/{db}");
    let mut replayed = false;
    for _ in 0..100 {
        let out = run(&replica, &["list", "--format", "json"]);
        if out.status.success() && String::from_utf8_lossy(&out.stdout).contains("Mosul") {
            replayed = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(replayed, "the standby never showed the claim");

    for args in [
        &["show", "1"][..],
        &["report"][..],
        &["sources"][..],
        &["export", "--format", "jsonl"][..],
    ] {
        ok(&replica, args);
    }
    let local = tempfile::tempdir().unwrap();
    let file = local.path().join("laptop.db");
    let pulled = ok(path(&file), &["pull", &replica]);
    assert!(pulled.contains("1 new claim"), "{pulled}");
    // The standby and its primary are one desk: what came from one is not sent to the other.
    let pushed = ok(path(&file), &["push", &primary]);
    assert!(pushed.ends_with(": nothing new\n"), "{pushed}");

    let said = refused(&replica, &["add", "The dam holds", "--by", "Jabbar Yawar"]);
    assert!(
        said.contains("read-only standby") && said.contains(&format!("@{host}/{db}")),
        "{said}"
    );
    let said = refused(&replica, &["mark", "1", "verified"]);
    assert!(said.contains("read-only standby"), "{said}");
    let listed = json(&primary, &["list", "--all"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["status"], "unverified");
}

#[test]
fn check_on_a_desk_recounts_the_per_source_totals_the_server_keeps() {
    let Some(server) = server() else { return };
    let (admin, reporter, editor) = desk(&server);
    for i in 0..3 {
        ok(
            &reporter,
            &[
                "add",
                &format!("Claim {i}"),
                "--by",
                "Someone",
                "--via",
                "Reuters",
            ],
        );
    }
    ok(&reporter, &["mark", "2", "verified"]);
    let report = json(&reporter, &["report"]);
    assert_eq!(
        report["claimants"][0]["by_status"]["unverified"], 2,
        "{report}"
    );
    assert_eq!(
        report["claimants"][0]["by_status"]["verified"], 1,
        "{report}"
    );
    assert!(ok(&editor, &["check"]).starts_with("ok: 3 claims"));
    // A tally moved by hand, and a claim's record dropped, as the owner can.
    connect(&admin)
        .batch_execute(
            "SET session_replication_role = replica;
             UPDATE source_tallies SET n_verified = 5 WHERE kind = 'outlet';
             UPDATE source_tallies SET oldest_open = NULL WHERE kind = 'claimant';
             DELETE FROM claim_sources WHERE kind = 'claimant' AND claim_id = 3;",
        )
        .expect("tamper");
    let out = run(&editor, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("the report's count of verified claims for outlet"),
        "{stdout}"
    );
    assert!(
        stdout.contains("carries is out of step (claim 3)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("the report's oldest open claim for claimant"),
        "{stdout}"
    );
}

/// The number before `what` in a line of counts ("3 new claims, ..."), 0 when absent.
fn counted(line: &str, what: &[&str]) -> u64 {
    line.split([':', ',', ';'])
        .map(str::trim)
        .find_map(|part| {
            let (n, rest) = part.split_once(' ')?;
            what.iter()
                .any(|w| rest.starts_with(w))
                .then(|| n.parse().ok())
                .flatten()
        })
        .unwrap_or(0)
}

#[test]
fn pulling_while_eight_reporters_write_misses_nothing_and_brings_nothing_twice() {
    let Some(server) = server() else { return };
    let desk = Desk::new(&server);
    let logins: Vec<String> = (0..8)
        .map(|w| desk.login(&format!("sync{w}_{}", desk.tag), "claimtrail_reporter"))
        .collect();
    let reader = logins[0].clone();
    let laptop = tempfile::tempdir().unwrap();
    let file = laptop.path().join("laptop.db");
    let done = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let writers: Vec<_> = logins
        .iter()
        .enumerate()
        .map(|(w, url)| {
            let (url, done) = (url.clone(), done.clone());
            std::thread::spawn(move || {
                for i in 0..25 {
                    let out = spawn_claimtrail()
                        .args(["--db", &url, "add", &format!("claim {i} of writer {w}")])
                        .args(["--by", &format!("Official {}", i % 3), "--via", "Reuters"])
                        .output()
                        .expect("run add");
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
                done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            })
        })
        .collect();
    // Pull over and over while they write, and once more after.
    let (mut new, mut again, mut pulls) = (0, 0, 0);
    loop {
        let finished = done.load(std::sync::atomic::Ordering::SeqCst) == 8;
        let said = ok(path(&file), &["pull", &reader]);
        new += counted(&said, &["new claim"]);
        again += counted(&said, &["claim was already", "claims were already"]);
        pulls += 1;
        if finished {
            break;
        }
    }
    for writer in writers {
        writer.join().expect("a writer panicked");
    }
    assert!(pulls > 2, "the writers finished before a second pull");
    assert_eq!(new, 200, "every claim arrived once, none missed");
    assert_eq!(again, 0, "no claim was brought twice");
    let uids = |db: &str| {
        let mut uids: Vec<String> = json(db, &["list", "--all"])
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["uid"].as_str().unwrap().to_owned())
            .collect();
        uids.sort();
        uids
    };
    assert_eq!(uids(path(&file)), uids(&reader));
    assert!(
        ok(path(&file), &["check"])
            .starts_with("ok: 200 claims, 200 attributions, 200 status events")
    );
    // Nothing changed since: the next pull brings nothing.
    assert!(ok(path(&file), &["pull", &reader]).contains("nothing new"));
}

/// A claimtrail JSONL file of `n` claims, as another ledger would export them: claim `i`
/// is `status` (its history leading there) and its text, note and names hold what COPY's
/// text format must escape (tabs, line breaks, backslashes, `\N`). Claim 2's chain has two
/// outlets, the rest one.
fn claims_file(dir: &Path, n: usize, name: &str) -> std::path::PathBuf {
    let mut lines = vec![serde_json::json!({"claimtrail": 1})];
    for i in 0..n {
        let status = ["unverified", "corroborated", "verified", "disputed"][i % 4];
        let mut history = vec![serde_json::json!({
            "status": "unverified", "at": "2026-01-02T00:00:00Z", "by": "tester",
            "note": null, "evidence": []})];
        if status != "unverified" {
            history.push(serde_json::json!({
                "status": status, "at": format!("2026-01-03T00:00:{:02}Z", i % 60), "by": "tester",
                "note": "tab\there, a line\nbreak and a back\\slash \\N", "evidence": [
                    format!("https://evidence.example/{i}")]}));
        }
        let via = match i {
            2 => vec![
                "Reuters".to_owned(),
                "Outlet \\ with a backslash".to_owned(),
            ],
            _ => vec![format!("Outlet {}", i % 7)],
        };
        lines.push(serde_json::json!({"claim": {
            "uid": format!("00000000-0000-4000-8000-{i:012}"),
            "text": format!("Claim {i}: a tab\there, a line\nbreak, a back\\slash and \\N"),
            "story": if i % 3 == 0 { Some("mosul") } else { None },
            "made_at": null,
            "logged_at": "2026-01-02T00:00:00Z",
            "logged_by": "tester",
            "status": status,
            "attributions": [{
                "claimant": format!("Source \\{}", i % 11), "via": via, "medium": null,
                "made_at": null, "url": null,
                "logged_at": "2026-01-02T00:00:00Z", "logged_by": "tester"}],
            "history": history,
        }}));
    }
    let file = dir.join(name);
    let text: Vec<String> = lines.iter().map(Value::to_string).collect();
    std::fs::write(&file, text.join("\n") + "\n").unwrap();
    file
}

#[test]
fn a_large_import_goes_to_the_desk_in_batches_and_reads_back_exactly() {
    let Some(server) = server() else { return };
    let (_, reporter, _) = desk(&server);
    let dir = tempfile::tempdir().unwrap();
    // More than one batch of claims, each table's rows sent as one COPY.
    let file = claims_file(dir.path(), 4100, "many.jsonl");
    let said = ok(&reporter, &["import", path(&file)]);
    assert!(said.contains("4100 new claims"), "{said}");
    let checked = ok(&reporter, &["check"]);
    assert!(checked.starts_with("ok: 4100 claims"), "{checked}");

    let back = dir.path().join("back.jsonl");
    ok(
        &reporter,
        &["export", "--format", "jsonl", "-o", path(&back)],
    );
    let claims_in = |file: &Path| -> Vec<Value> {
        let mut claims: Vec<Value> = std::fs::read_to_string(file)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter_map(|r| r.get("claim").cloned())
            .collect();
        claims.sort_by_key(|c| c["uid"].as_str().unwrap().to_owned());
        claims
    };
    let (sent, read) = (claims_in(&file), claims_in(&back));
    assert_eq!(sent.len(), read.len());
    for (s, r) in sent.iter().zip(&read) {
        for field in ["uid", "text", "story", "status"] {
            assert_eq!(s[field], r[field], "{field} of {}", s["uid"]);
        }
        let notes = |c: &Value| -> Vec<Value> {
            let history = c["history"].as_array().unwrap();
            history.iter().map(|e| e["note"].clone()).collect()
        };
        assert_eq!(notes(s), notes(r), "history of {}", s["uid"]);
        let a = (&s["attributions"][0], &r["attributions"][0]);
        assert_eq!(a.0["claimant"], a.1["claimant"], "claimant of {}", s["uid"]);
        assert_eq!(a.0["via"], a.1["via"], "chain of {}", s["uid"]);
    }
    let again = ok(&reporter, &["import", path(&file)]);
    assert!(again.contains("nothing new"), "{again}");
}

#[test]
fn an_import_the_server_refuses_names_the_claim_and_writes_nothing() {
    let Some(server) = server() else { return };
    let (admin, reporter, _) = desk(&server);
    let dir = tempfile::tempdir().unwrap();
    let file = claims_file(dir.path(), 20, "some.jsonl");
    // A rule of the server's own that only claim 2 (line 4 of the file) breaks, found only
    // once its rows were sent together with the others'.
    connect(&admin)
        .batch_execute("ALTER TABLE relays ADD CONSTRAINT one_outlet CHECK (position < 1)")
        .unwrap();
    let said = refused(&reporter, &["import", path(&file)]);
    assert!(
        said.contains("line 4: claim 00000000-0000-4000-8000-000000000002: ")
            && said.contains("one_outlet"),
        "{said}"
    );
    let mut db = connect(&admin);
    for table in ["claims", "claimants", "attributions", "status_events"] {
        let rows: i64 = db
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .unwrap()
            .get(0);
        assert_eq!(rows, 0, "{table}");
    }
}

#[test]
fn marks_an_earlier_claimtrail_kept_under_the_desks_address_are_still_read() {
    let Some(server) = server() else { return };
    let (_, reporter, _) = desk(&server);
    let dir = tempfile::tempdir().unwrap();
    let laptop = dir.path().join("laptop.db");
    let laptop = path(&laptop);
    ok(
        laptop,
        &["add", "The bridge is closed", "--by", "Jabbar Yawar"],
    );
    let first = ok(laptop, &["push", &reporter]);
    assert!(first.contains("1 new claim"), "{first}");
    // As a claimtrail from before desks had an identity kept them: by HOST:PORT/DBNAME.
    let address = reporter
        .rsplit_once('@')
        .unwrap()
        .1
        .split('?')
        .next()
        .unwrap();
    rusqlite::Connection::open(laptop)
        .unwrap()
        .execute("UPDATE sync_marks SET peer = ?1", [address])
        .unwrap();
    let again = ok(laptop, &["push", &reporter]);
    assert!(again.ends_with(": nothing new\n"), "{again}");
}
