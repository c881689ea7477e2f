//! Whole-program behaviour: the demo, several reporters writing at once, and a closed pipe.

mod common;

use std::io::Read;
use std::process::Stdio;

use common::{Ledger, claimtrail, spawn_claimtrail};

#[test]
fn the_demo_builds_a_sample_ledger_and_shows_the_open_list_and_the_report() {
    let ledger = Ledger::new();
    let out = ledger.ok(&["--wide", "demo"]);
    assert!(out.contains("Open claims"), "{out}");
    assert!(out.contains("Per-source report"), "{out}");
    assert!(out.contains("Abu Muhammad al-Adnani"), "{out}");
    assert!(out.contains("SITE Intelligence Group → NBC News"), "{out}");
    assert!(out.contains("confidential source #"), "{out}");
    assert!(!out.contains("Senior U.S. defense official"), "{out}");

    // The ledger it leaves behind is a real one: settled claims are not in the open list.
    let open = ledger.json(&["list"]);
    let all = ledger.json(&["list", "--all"]);
    let open_count = open.as_array().unwrap().len();
    let all_count = all.as_array().unwrap().len();
    assert!(open_count > 0 && open_count < all_count);
    assert!(open.as_array().unwrap().iter().all(|c| {
        ["unverified", "corroborated", "disputed"].contains(&c["status"].as_str().unwrap())
    }));
}

#[test]
fn the_demo_refuses_a_ledger_that_already_holds_claims() {
    let ledger = Ledger::new();
    ledger.add(&["Kept as it is", "--by", "Someone"]);
    let before = ledger.bytes();
    let out = ledger.cmd().arg("demo").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("already holds 1 claim;"), "{err}");
    assert_eq!(ledger.bytes(), before);
}

#[test]
fn the_demo_without_db_uses_a_fresh_temporary_ledger() {
    let scratch = tempfile::tempdir().unwrap();
    let out = claimtrail()
        .arg("demo")
        .env("TMPDIR", scratch.path())
        .env("HOME", scratch.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let folder = std::fs::read_dir(scratch.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("claimtrail-demo-")
        })
        .expect("a demo folder under TMPDIR");
    assert!(
        text.contains(&folder.path().display().to_string()),
        "{text}"
    );

    // The commands it suggests for looking around work as printed.
    let hints: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("The ledger is at"))
        .skip(1)
        .map(str::trim)
        .collect();
    assert_eq!(hints.len(), 3, "{text}");
    for hint in hints {
        let ran = std::process::Command::new("sh")
            .arg("-c")
            .arg(hint)
            .env("CLAIMTRAIL_CONFIG", common::NO_CONFIG)
            .output()
            .unwrap();
        assert!(
            ran.status.success() && !ran.stdout.is_empty(),
            "{hint}: {}",
            String::from_utf8_lossy(&ran.stderr)
        );
    }
}

#[test]
fn two_reporters_writing_at_once_both_succeed() {
    let ledger = Ledger::new();
    ledger.ok(&["list"]); // create the ledger first, as a desk would
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let db = ledger.path().to_path_buf();
            std::thread::spawn(move || {
                for i in 0..15 {
                    let text = format!("claim {i} from reporter {w}");
                    let out = claimtrail()
                        .arg("--db")
                        .arg(&db)
                        .args([
                            "add",
                            &text,
                            "--by",
                            &format!("Source {w}"),
                            "--via",
                            "Reuters",
                        ])
                        .env("CLAIMTRAIL_REPORTER", format!("reporter-{w}"))
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    let id = common::logged_id(&String::from_utf8_lossy(&out.stdout));
                    let out = claimtrail()
                        .arg("--db")
                        .arg(&db)
                        .args(["mark", &id.to_string(), "corroborated"])
                        .output()
                        .unwrap();
                    assert!(out.status.success());
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer thread");
    }
    let all = ledger.json(&["list", "--all"]);
    let claims = all.as_array().unwrap();
    assert_eq!(claims.len(), 60);
    assert!(claims.iter().all(|c| c["status"] == "corroborated"));
}

#[test]
fn a_new_ledger_created_by_several_processes_at_once_is_one_ledger() {
    let ledger = Ledger::new();
    let children: Vec<_> = (0..6)
        .map(|i| {
            spawn_claimtrail()
                .arg("--db")
                .arg(ledger.path())
                .args(["add", &format!("claim {i}"), "--by", "Someone"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(ledger.json(&["list"]).as_array().unwrap().len(), 6);
}

#[test]
fn a_closed_pipe_ends_the_list_quietly() {
    let ledger = Ledger::new();
    // Enough text that the list outgrows the pipe's buffer, so writes fail mid-way.
    let long = "word ".repeat(4_000);
    for _ in 0..8 {
        ledger.add(&[&long, "--by", "Someone"]);
    }
    let mut child = spawn_claimtrail()
        .arg("--db")
        .arg(ledger.path())
        .args(["list", "--all"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then dropped: closed
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "exit {status:?}, stderr {err:?}");
    assert_eq!(err, "");
}
