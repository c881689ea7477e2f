//! Colour in tables helps and never gets in the way: statuses and stale ages coloured on a
//! terminal or with `--color always`, nothing styled with `--color never`, `NO_COLOR`, a
//! pipe, or a machine format. The table layout itself is pinned by snapshots.

mod common;

use std::process::Command;

use common::Ledger;

const NOW: &str = "2014-06-13T12:00:00Z";

/// Four claims logged across a day and a half, one of each kind of status.
fn ledger() -> Ledger {
    let ledger = Ledger::new();
    let at = |when: &str, args: &[&str]| {
        ledger.ok_at(when, args);
    };
    at(
        "2014-06-12T00:00:00Z",
        &[
            "add",
            "March to Baghdad... We have a score to settle.",
            "--by",
            "Abu Muhammad al-Adnani",
            "--via",
            "SITE",
            "--via",
            "NBC News",
            "--quiet",
        ],
    );
    at(
        "2014-06-12T09:00:00Z",
        &[
            "add",
            "Lawmakers are expected to convene for an emergency session Thursday to consider the request for a state of emergency.",
            "--by",
            "Associated Press",
            "--via",
            "NBC News",
            "--quiet",
        ],
    );
    at(
        "2014-06-13T08:00:00Z",
        &[
            "add",
            "We need equipment, extra aviation and drones.",
            "--by",
            "Fareed Yasseen",
            "--via",
            "France Inter",
            "--via",
            "Reuters",
            "--quiet",
        ],
    );
    at(
        "2014-06-13T09:00:00Z",
        &[
            "add",
            "The whole of Kirkuk has fallen into the hands of peshmerga.",
            "--by",
            "Jabbar Yawar",
            "--via",
            "Reuters",
            "--quiet",
        ],
    );
    at("2014-06-13T10:00:00Z", &["mark", "2", "disputed"]);
    at("2014-06-13T10:00:00Z", &["mark", "3", "corroborated"]);
    at("2014-06-13T10:00:00Z", &["mark", "4", "verified"]);
    ledger
}

fn list(ledger: &Ledger, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = ledger.cmd();
    cmd.env("CLAIMTRAIL_NOW", NOW)
        .env("COLUMNS", "100")
        .args(["list", "--all"])
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_table_without_colour() {
    let ledger = ledger();
    let plain = list(&ledger, &["--color", "never"], &[]);
    assert!(!plain.contains('\x1b'));
    insta::assert_snapshot!(plain);
}

#[test]
fn the_table_with_colour() {
    let ledger = ledger();
    let coloured = list(&ledger, &["--color", "always"], &[("NO_COLOR", "1")]);
    // Open statuses in bold colours, settled ones in plain colours, the open claim logged
    // a day and a half ago in bold red.
    assert!(
        coloured.contains("\x1b[1;33munverified"),
        "unverified in bold yellow"
    );
    assert!(
        coloured.contains("\x1b[1;31m1d\x1b[0m"),
        "the stale age in bold red"
    );
    assert!(
        coloured.contains("\x1b[32mverified"),
        "verified in plain green"
    );
    insta::assert_snapshot!(coloured);
}

#[test]
fn piped_output_json_and_no_color_carry_no_styling() {
    let ledger = ledger();
    assert!(!list(&ledger, &[], &[]).contains('\x1b'), "piped, auto");
    let json = list(&ledger, &["--color", "always", "--format", "json"], &[]);
    assert!(!json.contains('\x1b'));
    let csv = list(&ledger, &["--color", "always", "--format", "csv"], &[]);
    assert!(!csv.contains('\x1b'));
}

/// On a terminal (a pseudo-terminal from `script`), auto colours unless NO_COLOR is set.
#[test]
fn on_a_terminal_auto_colours_unless_no_color_is_set() {
    let ledger = ledger();
    let bin = env!("CARGO_BIN_EXE_claimtrail");
    let on_tty = |no_color: Option<&str>| {
        let line = format!("{bin} --db {} --no-pager list --all", ledger.db.display());
        let mut cmd = Command::new("script");
        cmd.args(["-qec", &line, "/dev/null"])
            .env("CLAIMTRAIL_CONFIG", common::NO_CONFIG)
            .env("CLAIMTRAIL_NOW", NOW)
            .env_remove("NO_COLOR");
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let out = cmd.output().expect("script from util-linux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let painted = |s: &str| s.contains("\x1b[1;33m") || s.contains("\x1b[32m");
    assert!(painted(&on_tty(None)), "auto on a terminal colours");
    assert!(!painted(&on_tty(Some("1"))), "NO_COLOR turns it off");
    assert!(painted(&on_tty(Some(""))), "an empty NO_COLOR does not");
}

/// `show` and `report` colour statuses the same way, and only when asked.
#[test]
fn show_and_report_colour_statuses_too() {
    let ledger = ledger();
    let run = |args: &[&str]| {
        let out = ledger
            .cmd()
            .env("CLAIMTRAIL_NOW", NOW)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let show = run(&["show", "2", "--color", "always"]);
    assert!(
        show.starts_with("Claim 2 · \x1b[1;35mdisputed\x1b[0m ·"),
        "{show}"
    );
    assert!(!run(&["show", "2"]).contains('\x1b'));
    let report = run(&["report", "--color", "always", "--wide"]);
    assert!(
        report.contains("\x1b[32m1\x1b[0m"),
        "a verified count in green: {report}"
    );
    assert!(
        report.contains("\x1b[1;31m1d 12h\x1b[0m"),
        "a stale oldest-open age: {report}"
    );
    assert!(!run(&["report"]).contains('\x1b'));
}

/// `report --output FILE` run on a terminal writes what a pipe would get: no colour, and rows
/// laid out for the file, not for the terminal's width.
#[test]
fn a_report_written_to_a_file_from_a_terminal_is_plain_text() {
    let ledger = ledger();
    let bin = env!("CARGO_BIN_EXE_claimtrail");
    let file = ledger.dir.path().join("report.txt");
    for colour in ["auto", "always"] {
        let line = format!(
            "stty cols 50; {bin} --db {} --color {colour} report --output {}",
            ledger.db.display(),
            file.display()
        );
        let out = Command::new("script")
            .args(["-qec", &line, "/dev/null"])
            .env("CLAIMTRAIL_CONFIG", common::NO_CONFIG)
            .env("CLAIMTRAIL_NOW", NOW)
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .output()
            .expect("script from util-linux");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        let written = std::fs::read_to_string(&file).expect("the report file");
        assert!(!written.contains('\x1b'), "--color {colour}: {written}");
        let piped = ledger
            .cmd()
            .env("CLAIMTRAIL_NOW", NOW)
            .arg("report")
            .output()
            .unwrap();
        assert_eq!(written, String::from_utf8(piped.stdout).unwrap());
    }
}
