//! Shared by the integration tests: run the real binary on a temporary ledger with a fixed
//! environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A temporary ledger; the folder (and the ledger) go when it drops.
pub struct Ledger {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Ledger {
    pub fn new() -> Ledger {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("claims.db");
        Ledger { dir, db }
    }

    /// `claimtrail --db <ledger> <args>` with a clean, fixed environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = claimtrail();
        cmd.arg("--db").arg(&self.db);
        cmd
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("run claimtrail");
        assert!(
            out.status.success(),
            "claimtrail {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
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

/// The binary with the environment the tests rely on: UTC, a known reporter, no backtraces,
/// no ambient ledger, and no terminal width.
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

/// The same as `claimtrail()`, as a plain std Command, for children that run alongside the
/// test.
pub fn spawn_claimtrail() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimtrail"));
    cmd.env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("CLAIMTRAIL_DB")
        .env_remove("CLAIMTRAIL_NOW")
        .env_remove("COLUMNS")
        .env("CLAIMTRAIL_REPORTER", "tester")
        .env("TZ", "UTC")
        .env("NO_COLOR", "1");
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
