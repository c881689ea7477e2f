//! Shared by the integration tests: run the real binary on a temporary ledger with a fixed
//! environment.
#![allow(dead_code)]

pub mod desk;
pub mod proxy;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A temporary ledger; the folder (and the ledger) go when it drops. On a desk server, `db`
/// is the URL of an editor login named `tester`, the reporter the local tests log as.
pub struct Ledger {
    pub dir: TempDir,
    pub db: PathBuf,
    pub desk: Option<desk::Desk>,
}

impl Ledger {
    pub fn new() -> Ledger {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("claims.db");
        Ledger {
            dir,
            db,
            desk: None,
        }
    }

    /// The ledger file at `db`, such as a backup a test made.
    pub fn at(db: PathBuf) -> Ledger {
        Ledger {
            dir: tempfile::tempdir().expect("temp dir"),
            db,
            desk: None,
        }
    }

    /// A fresh desk ledger on the test server, or `None` where no server runs.
    pub fn on_desk() -> Option<Ledger> {
        let desk = desk::Desk::new(&desk::server()?);
        let url = desk.login("tester", "claimtrail_editor");
        Some(Ledger {
            dir: tempfile::tempdir().expect("temp dir"),
            db: PathBuf::from(url),
            desk: Some(desk),
        })
    }

    /// A new, empty ledger on the same backend: a file of its own, or a database of its own
    /// on the test server.
    pub fn another(&self) -> Ledger {
        match self.desk {
            Some(_) => Ledger::on_desk().expect("the test server"),
            None => Ledger::new(),
        }
    }

    /// Everything the ledger holds, to compare before and after: the file's bytes, or a
    /// desk ledger's whole export.
    pub fn snapshot(&self) -> Vec<u8> {
        if self.desk.is_none() {
            return self.bytes();
        }
        let out = self
            .cmd()
            .args(["export", "--format", "jsonl", "--reveal"])
            .output()
            .expect("export");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    /// `claimtrail --db <ledger> <args>` with a clean, fixed environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = claimtrail();
        cmd.arg("--db").arg(&self.db);
        cmd
    }

    /// `claimtrail` as another member of the desk: `--reporter WHO` on a local ledger, the
    /// login WHO (an editor) on a desk server, which records the login whatever is said.
    pub fn cmd_as(&self, who: &str) -> Command {
        let mut cmd = claimtrail();
        match &self.desk {
            Some(desk) => cmd.arg("--db").arg(desk.login(who, "claimtrail_editor")),
            None => cmd.arg("--db").arg(&self.db).args(["--reporter", who]),
        };
        cmd
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("run claimtrail");
        succeeded(out, &format!("{args:?}"))
    }

    /// Runs at the moment `when` (RFC 3339) and expects success; returns stdout.
    pub fn ok_at(&self, when: &str, args: &[&str]) -> String {
        let out = self
            .cmd()
            .env("CLAIMTRAIL_NOW", when)
            .args(args)
            .output()
            .expect("run claimtrail");
        succeeded(out, &format!("{args:?} at {when}"))
    }

    /// Runs with `--format json` appended and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&all)).expect("valid JSON")
    }

    /// Adds a claim and returns its id, read from "logged claim N".
    pub fn add(&self, args: &[&str]) -> i64 {
        let mut all = vec!["add"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        logged_id(&out)
    }

    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.db).expect("read ledger")
    }

    pub fn path(&self) -> &Path {
        &self.db
    }
}

/// A config file that is not there, for every run of the binary in a test: no one's own
/// settings change what a test sees.
pub const NO_CONFIG: &str = "/nonexistent/claimtrail-tests/config.toml";

/// The stdout of a claimtrail run that must have succeeded; `what` names the run when it
/// did not.
pub fn succeeded(out: std::process::Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "claimtrail {what} exited {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// The binary with the environment the tests rely on: UTC, a known reporter, no backtraces,
/// no ambient ledger or config file, no pager, and no terminal width.
pub fn claimtrail() -> Command {
    Command::from_std(spawn_claimtrail())
}

pub fn logged_id(out: &str) -> i64 {
    out.lines()
        .find_map(|l| l.strip_prefix("logged claim "))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no \"logged claim N\" in {out:?}"))
}

/// Declares each named test, a `fn(&Ledger)`, twice: on a local ledger file and on a desk
/// ledger (skipped, with a note, where no test server runs).
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $name() {
                super::$name(&$crate::common::Ledger::new())
            })*
        }
        mod postgres {
            $(#[test]
            fn $name() {
                if let Some(ledger) = $crate::common::Ledger::on_desk() {
                    super::$name(&ledger)
                }
            })*
        }
    };
}

/// The same as `claimtrail()`, as a plain std Command, for children that run alongside the
/// test.
pub fn spawn_claimtrail() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimtrail"));
    cmd.env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("CLAIMTRAIL_DB")
        .env_remove("CLAIMTRAIL_NOW")
        .env_remove("COLUMNS")
        .env_remove("CLAIMTRAIL_COLOR")
        .env_remove("CLAIMTRAIL_PAGER")
        .env_remove("PAGER")
        // No one's own config file: a test that wants one names it.
        .env("CLAIMTRAIL_CONFIG", NO_CONFIG)
        .env("CLAIMTRAIL_REPORTER", "tester")
        .env("TZ", "UTC")
        .env("NO_COLOR", "1");
    // The test server's self-signed certificate, so desk connections are encrypted.
    match std::env::var_os("CLAIMTRAIL_TEST_PG_CA") {
        Some(ca) => cmd.env("PGSSLROOTCERT", ca),
        None => cmd.env_remove("PGSSLROOTCERT"),
    };
    cmd
}

/// The row named `name` in a JSON listing (a report group, `sources`, `outlets`).
pub fn named_row<'a>(rows: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    rows.as_array()
        .expect("rows")
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no row {name:?} in {rows:#}"))
}

/// The names of a JSON listing's rows, in order.
pub fn names(rows: &serde_json::Value) -> Vec<&str> {
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect()
}

/// The first of `names` installed on this machine, as a path.
pub fn installed(names: &[&str]) -> Option<PathBuf> {
    names.iter().find_map(|name| {
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("command -v {name}"))
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim().to_owned()))
    })
}
