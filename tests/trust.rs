//! The ledger can be trusted: nothing lost under concurrent writers or a killed process,
//! history the database itself will not let anyone rewrite, migrations from the first
//! released schema, `check` that finds what is wrong, and private backups.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Ledger, spawn_claimtrail, succeeded};
use rusqlite::Connection;
use serde_json::Value;

const WRITERS: usize = 8;
const CLAIMS_EACH: usize = 100;
const MARKS_EACH: usize = 50;

/// Runs as `reporter` (a login of that name on a desk) and expects success; returns stdout.
fn run_ok(ledger: &Ledger, args: &[&str], reporter: &str) -> String {
    let out = ledger
        .cmd_as(reporter)
        .args(args)
        .output()
        .expect("run claimtrail");
    succeeded(out, &format!("{args:?} as {reporter}"))
}

fn claims(ledger: &Ledger) -> Vec<Value> {
    ledger
        .json(&["list", "--all"])
        .as_array()
        .expect("array")
        .clone()
}

fn assert_check_passes(ledger: &Ledger) {
    let out = ledger.ok(&["check"]);
    assert!(out.starts_with("ok: "), "{out}");
}

fn eight_reporters_writing_at_once_lose_nothing(ledger: &Ledger) {
    ledger.ok(&["list"]);
    std::thread::scope(|scope| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                scope.spawn(move || {
                    let reporter = format!("reporter_{w}");
                    let mut ids = Vec::new();
                    for i in 0..CLAIMS_EACH {
                        let text = format!("claim {i} from {reporter}");
                        let source = format!("Source {w}");
                        let out = run_ok(
                            ledger,
                            &["add", &text, "--by", &source, "--via", "Reuters"],
                            &reporter,
                        );
                        ids.push(common::logged_id(&out));
                    }
                    for id in ids.iter().take(MARKS_EACH) {
                        run_ok(ledger, &["mark", &id.to_string(), "verified"], &reporter);
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().expect("no writer failed");
        }
    });
    let all = claims(ledger);
    assert_eq!(all.len(), WRITERS * CLAIMS_EACH);
    for w in 0..WRITERS {
        let reporter = format!("reporter_{w}");
        let mine: Vec<&Value> = all.iter().filter(|c| c["logged_by"] == reporter).collect();
        assert_eq!(mine.len(), CLAIMS_EACH, "{reporter}'s claims");
        let verified = mine.iter().filter(|c| c["status"] == "verified").count();
        assert_eq!(verified, MARKS_EACH, "{reporter}'s marks");
    }
    assert_check_passes(ledger);
}

/// Starts `args` with the test hook that holds the transaction open, waits until it is
/// holding, and kills it.
fn kill_mid_write(ledger: &Ledger, args: &[&str]) {
    let marker = ledger.dir.path().join("holding");
    let _ = std::fs::remove_file(&marker);
    let mut child = spawn_claimtrail()
        .arg("--db")
        .arg(ledger.path())
        .args(args)
        .env("CLAIMTRAIL_TEST_HOLD_BEFORE_COMMIT", &marker)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !marker.exists() {
        assert!(
            Instant::now() < deadline,
            "{args:?} never reached its commit"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
}

#[test]
fn a_write_killed_before_commit_leaves_nothing_behind() {
    let ledger = Ledger::new();
    ledger.add(&["Kept claim", "--by", "Jabbar Yawar", "--via", "Reuters"]);
    ledger.ok(&["mark", "1", "corroborated"]);
    let before = ledger.ok(&["show", "1", "--format", "json"]);
    let sources_before = ledger.ok(&["sources", "--format", "json"]);

    let writes: &[&[&str]] = &[
        &[
            "add",
            "Lost claim",
            "--by",
            "New Person",
            "--via",
            "New Outlet",
        ],
        &["mark", "1", "false", "--note", "never recorded"],
        &["cite", "1", "--by", "Someone Else", "--via", "AFP"],
        &["edit", "1", "--text", "Rewritten"],
        &["sources", "edit", "Jabbar Yawar", "--role", "spokesman"],
    ];
    for args in writes {
        kill_mid_write(&ledger, args);
        assert_check_passes(&ledger);
        assert_eq!(claims(&ledger).len(), 1, "after killing {args:?}");
        assert_eq!(
            ledger.ok(&["show", "1", "--format", "json"]),
            before,
            "{args:?}"
        );
        assert_eq!(ledger.ok(&["sources", "--format", "json"]), sources_before);
    }
    // And the ledger still takes writes afterwards.
    ledger.add(&["After the crashes", "--by", "Jabbar Yawar"]);
    assert_eq!(claims(&ledger).len(), 2);
}

#[test]
fn writes_killed_at_arbitrary_moments_are_all_or_nothing() {
    let ledger = Ledger::new();
    ledger.ok(&["list"]);
    let attempts = 40;
    for i in 0..attempts {
        let text = format!("attempt {i}");
        let mut child = spawn_claimtrail()
            .arg("--db")
            .arg(ledger.path())
            .args([
                "add", &text, "--by", "Racer", "--via", "SITE", "--via", "NBC News",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        // Spread the kills over a process's whole life, from start-up to after its commit.
        std::thread::sleep(Duration::from_micros(500 * (i % 30) as u64));
        let _ = child.kill();
        child.wait().expect("reaped");
    }
    assert_check_passes(&ledger);
    for claim in claims(&ledger) {
        // Every claim that made it is whole: its attribution with the full chain.
        let via = &claim["attributions"][0]["via"];
        assert_eq!(
            via,
            &serde_json::json!(["SITE Intelligence Group", "NBC News"])
        );
    }
}

#[test]
fn the_database_itself_refuses_to_rewrite_history() {
    let ledger = Ledger::new();
    ledger.add(&[
        "March to Baghdad",
        "--by",
        "Abu Muhammad al-Adnani",
        "--via",
        "SITE",
    ]);
    ledger.ok(&[
        "mark",
        "1",
        "verified",
        "--evidence",
        "https://example.org/a",
    ]);
    let conn = Connection::open(ledger.path()).expect("open");
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let refused = [
        ("UPDATE status_events SET status = 'false'", "append-only"),
        ("DELETE FROM status_events", "append-only"),
        (
            "UPDATE evidence SET url = 'https://example.org/b'",
            "append-only",
        ),
        ("DELETE FROM attributions", "append-only"),
        ("UPDATE attributions SET medium = 'rumour'", "append-only"),
        ("DELETE FROM relays", "append-only"),
        ("DELETE FROM claims", "never deleted"),
        ("UPDATE claims SET status = 'false'", "status event"),
        ("UPDATE claims SET text = 'Something else'", "edit"),
        (
            "UPDATE claims SET uid = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa'",
            "fixed",
        ),
        (
            "INSERT INTO status_events (claim_id, status, at, by) VALUES (1, 'verfied', '2014-06-12T00:00:00Z', 'x')",
            "CHECK",
        ),
        (
            "INSERT INTO status_events (claim_id, status, at, by) VALUES (1, 'false', '2014-13-45T00:00:00Z', 'x')",
            "CHECK",
        ),
        (
            "INSERT INTO status_events (claim_id, status, at, by) VALUES (999, 'false', '2014-06-12T00:00:00Z', 'x')",
            "FOREIGN KEY",
        ),
        ("UPDATE claimants SET kind = 'alien'", "CHECK"),
        ("UPDATE outlets SET name = '  '", "CHECK"),
    ];
    for (sql, why) in refused {
        let err = conn.execute(sql, []).expect_err(sql).to_string();
        assert!(err.contains(why), "{sql}: {err}");
    }
    drop(conn);
    let shown = ledger.json(&["show", "1"]);
    assert_eq!(shown["status"], "verified");
    assert_eq!(shown["history"].as_array().unwrap().len(), 2);
    assert_check_passes(&ledger);
}

#[test]
fn the_current_status_follows_the_latest_event_even_by_direct_sql() {
    let ledger = Ledger::new();
    ledger.add(&["A claim", "--by", "Someone"]);
    let conn = Connection::open(ledger.path()).expect("open");
    conn.execute(
        "INSERT INTO status_events (claim_id, status, at, by) VALUES (1, 'disputed', '2099-01-01T00:00:00Z', 'sql')",
        [],
    )
    .unwrap();
    drop(conn);
    assert_eq!(ledger.json(&["show", "1"])["status"], "disputed");
    assert_check_passes(&ledger);
}

#[test]
fn check_reports_what_tampering_broke() {
    let ledger = Ledger::new();
    ledger.add(&["One", "--by", "Someone", "--via", "Reuters"]);
    ledger.add(&["Two", "--by", "Someone", "--via", "AFP", "--via", "NBC"]);
    let conn = Connection::open(ledger.path()).expect("open");
    conn.execute_batch(
        "DROP TRIGGER attributions_no_delete;
         DROP TRIGGER relays_no_delete;
         DELETE FROM relays WHERE attribution_id = 2 AND position = 0;
         DELETE FROM relays WHERE attribution_id = 1;
         DELETE FROM attributions WHERE claim_id = 1;",
    )
    .unwrap();
    drop(conn);
    let out = ledger.cmd().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("problem: claim 1 has no attribution"),
        "{stdout}"
    );
    assert!(
        stdout.contains("problem: attribution 2 has a gap in its relay chain"),
        "{stdout}"
    );
    // Rows deleted behind the triggers' backs also leave the report's counts out of step.
    assert!(
        stdout.contains("problem: the report's record of the claims claimant"),
        "{stdout}"
    );
    let problems = stdout
        .lines()
        .filter(|l| l.starts_with("problem: "))
        .count();
    assert!(
        stderr.starts_with(&format!("claimtrail: {problems} problems found")),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
}

/// A ledger as the first released claimtrail wrote it: schema version 1, filled by SQL.
fn first_release_ledger(path: &Path) {
    let conn = Connection::open(path).expect("create");
    conn.execute_batch(include_str!("../schema.sql")).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute_batch(
        "INSERT INTO claimants (id, name, name_key, kind) VALUES (1, 'Fareed Yasseen', 'fareed yasseen', 'official');
         INSERT INTO claims (id, uid, text, story, logged_at, logged_by)
             VALUES (1, '00000000-0000-4000-8000-000000000001', 'We need equipment, extra aviation and drones.',
                     'iraq-2014', '2014-06-12T10:00:00Z', 'reporter');
         INSERT INTO attributions (id, claim_id, claimant_id, medium, logged_at, logged_by)
             VALUES (1, 1, 1, 'radio interview', '2014-06-12T10:00:00Z', 'reporter');
         INSERT INTO relays (attribution_id, position, outlet_id) VALUES (1, 0, 11), (1, 1, 2);
         INSERT INTO status_events (claim_id, status, at, by) VALUES (1, 'unverified', '2014-06-12T10:00:00Z', 'reporter');
         INSERT INTO status_events (claim_id, status, at, by, note) VALUES (1, 'verified', '2014-06-12T11:00:00Z', 'editor', 'heard the broadcast');",
    )
    .unwrap();
}

#[test]
fn a_ledger_from_the_first_release_is_migrated_and_keeps_everything() {
    let ledger = Ledger::new();
    first_release_ledger(ledger.path());

    let shown = ledger.json(&["show", "1"]);
    assert_eq!(
        shown["text"],
        "We need equipment, extra aviation and drones."
    );
    assert_eq!(shown["status"], "verified");
    assert_eq!(
        shown["attributions"][0]["via"],
        serde_json::json!(["France Inter", "Reuters"])
    );
    assert_eq!(shown["history"][1]["note"], "heard the broadcast");

    let conn = Connection::open(ledger.path()).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    let fresh = Ledger::new();
    fresh.ok(&["list"]);
    let latest: i64 = Connection::open(fresh.path())
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert!(latest >= 3);
    assert_eq!(version, latest, "migrated to the version a new ledger has");

    // Version 3's running counts were built from what the ledger held.
    let report = ledger.json(&["report"]);
    assert_eq!(report["claimants"][0]["name"], "Fareed Yasseen");
    assert_eq!(report["claimants"][0]["by_status"]["verified"], 1);
    assert_eq!(report["outlets"].as_array().unwrap().len(), 2);

    // What version 2 brought works on the migrated ledger.
    ledger.ok(&[
        "edit",
        "1",
        "--text",
        "\"We need equipment, extra aviation and drones.\"",
    ]);
    let shown = ledger.json(&["show", "1"]);
    assert_eq!(
        shown["edits"][0]["old_value"],
        "We need equipment, extra aviation and drones."
    );
    assert_check_passes(&ledger);
}

fn corrections_and_retractions_keep_every_earlier_word(ledger: &Ledger) {
    ledger.add(&[
        "March to Bagdad",
        "--by",
        "Abu Muhammad al-Adnani",
        "--story",
        "iraq",
    ]);
    ledger.ok(&["edit", "1", "--text", "March to Baghdad", "--note", "typo"]);
    ledger.ok(&[
        "edit",
        "1",
        "--story",
        "iraq-2014",
        "--made-at",
        "2014-06-12",
    ]);
    ledger.ok(&["retract", "1", "--note", "SITE withdrew its translation"]);

    let shown = ledger.json(&["show", "1"]);
    assert_eq!(shown["text"], "March to Baghdad");
    assert_eq!(shown["story"], "iraq-2014");
    assert_eq!(shown["status"], "retracted");
    let edits = shown["edits"].as_array().unwrap();
    assert_eq!(edits.len(), 3);
    assert_eq!(edits[0]["field"], "text");
    assert_eq!(edits[0]["old_value"], "March to Bagdad");
    assert_eq!(edits[0]["by"], "tester");
    assert_eq!(edits[0]["note"], "typo");
    assert_eq!(edits[1]["field"], "story");
    assert_eq!(edits[1]["old_value"], "iraq");
    assert_eq!(edits[2]["field"], "made_at");
    assert_eq!(edits[2]["old_value"], Value::Null);
    let history = shown["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["note"], "SITE withdrew its translation");

    // Retracted claims stay in the ledger and in searches for the corrected text.
    assert_eq!(
        ledger
            .json(&["list", "--all", "--search", "Baghdad"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        ledger
            .json(&["list", "--all", "--search", "Bagdad"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let table = ledger.ok(&["show", "1"]);
    assert!(
        table.contains("Corrections") && table.contains("March to Bagdad"),
        "{table}"
    );
    assert_check_passes(ledger);
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn ledgers_and_backups_are_readable_by_their_owner_alone(ledger: &Ledger) {
    ledger.add(&["Secret-ish", "--by", "Pentagon source", "--confidential"]);
    // A desk ledger is no local file: what it writes here is its backup.
    if ledger.desk.is_none() {
        assert_eq!(mode(ledger.path()), 0o600);
    }
    let copy = ledger.dir.path().join("copy.db");
    let out = ledger.ok(&["backup", copy.to_str().unwrap()]);
    assert_eq!(
        out.trim(),
        format!("backed up 1 claim to {}", copy.display())
    );
    assert_eq!(mode(&copy), 0o600);
}

fn a_backup_is_a_whole_ledger_and_is_not_overwritten_by_accident(ledger: &Ledger) {
    ledger.add(&["One", "--by", "Someone", "--via", "Reuters"]);
    ledger.ok(&["mark", "1", "verified"]);
    let copy_path = ledger.dir.path().join("copy.db");
    let copy_arg = copy_path.to_str().unwrap();
    ledger.ok(&["backup", copy_arg]);

    let copy = Ledger::at(copy_path.clone());
    assert_eq!(copy.ok(&["show", "1"]), ledger.ok(&["show", "1"]));
    assert_check_passes(&copy);

    ledger.add(&["Two", "--by", "Someone"]);
    let before = std::fs::read(&copy_path).unwrap();
    let out = ledger.cmd().args(["backup", copy_arg]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("add --force"));
    assert_eq!(std::fs::read(&copy_path).unwrap(), before);

    ledger.ok(&["backup", copy_arg, "--force"]);
    assert_eq!(claims(&copy).len(), 2);
}

fn backups_taken_while_reporters_write_are_each_consistent(ledger: &Ledger) {
    ledger.add(&["Seed", "--by", "Someone"]);
    let mut counts = Vec::new();
    std::thread::scope(|scope| {
        let writers: Vec<_> = (0..2)
            .map(|w| {
                scope.spawn(move || {
                    for i in 0..40 {
                        let text = format!("claim {i} from writer {w}");
                        run_ok(
                            ledger,
                            &["add", &text, "--by", "Writer", "--via", "AFP"],
                            "w",
                        );
                    }
                })
            })
            .collect();
        for b in 0..6 {
            let path = ledger.dir.path().join(format!("backup-{b}.db"));
            ledger.ok(&["backup", path.to_str().unwrap()]);
            let copy = Ledger::at(path);
            assert_check_passes(&copy);
            counts.push(claims(&copy).len());
            std::thread::sleep(Duration::from_millis(30));
        }
        for w in writers {
            w.join().unwrap();
        }
    });
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
    assert!(counts.iter().all(|&n| (1..=81).contains(&n)), "{counts:?}");
    assert_eq!(claims(ledger).len(), 81);
}

on_both_backends!(
    eight_reporters_writing_at_once_lose_nothing,
    corrections_and_retractions_keep_every_earlier_word,
    ledgers_and_backups_are_readable_by_their_owner_alone,
    a_backup_is_a_whole_ledger_and_is_not_overwritten_by_accident,
    backups_taken_while_reporters_write_are_each_consistent,
);
