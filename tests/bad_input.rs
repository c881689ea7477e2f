//! Bad input is refused cleanly: one line on stderr starting with `claimtrail: ` that names
//! the problem, exit 2 for usage errors (whatever clap and its value parsers reject) and 1 for
//! the rest, no panic or backtrace, nothing on stdout, and the ledger left exactly as it was.

mod common;

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::Ledger;

const STATUSES: &str = "unverified, corroborated, verified, disputed, false, retracted";

/// One bad command line run against the shared ledger.
struct Case {
    name: &'static str,
    args: Vec<OsString>,
    code: i32,
    /// A piece of the message that names the problem.
    needle: &'static str,
    /// Run with RUST_BACKTRACE=1, to show that no backtrace leaks even then.
    backtrace: bool,
    /// What to feed on standard input (for `add -`).
    stdin: Option<Vec<u8>>,
}

fn case(name: &'static str, args: &[&str], code: i32, needle: &'static str) -> Case {
    Case {
        name,
        args: args.iter().map(OsString::from).collect(),
        code,
        needle,
        backtrace: false,
        stdin: None,
    }
}

impl Case {
    fn with_backtrace(mut self) -> Case {
        self.backtrace = true;
        self
    }

    fn with_stdin(mut self, bytes: &[u8]) -> Case {
        self.stdin = Some(bytes.to_vec());
        self
    }
}

/// Each row: what it is, the arguments after `--db <ledger>`, the exit code, and a piece of
/// the message. Kept one row a line, so rustfmt is told to leave the table alone.
#[rustfmt::skip]
fn cases() -> Vec<Case> {
    let adnani = "Abu Muhammad al-Adnani";
    let mut invalid_utf8 = case("add with invalid UTF-8 text", &[], 2, "invalid UTF-8");
    invalid_utf8.args = vec![
        "add".into(),
        OsStr::from_bytes(&[0x66, 0xff, 0x6f]).to_owned(),
        "--by".into(),
        "Someone".into(),
    ];

    vec![
        // Empty or unreadable text and names.
        case("add with empty text", &["add", "", "--by", "Someone"], 2, "claim text cannot be empty"),
        case("add with blank text", &["add", "   ", "--by", "Someone"], 2, "claim text cannot be empty").with_backtrace(),
        invalid_utf8.with_backtrace(),
        case("add without --by", &["add", "A new claim"], 2, "--by"),
        case("add with empty --by", &["add", "A new claim", "--by", ""], 2, "claimant name cannot be empty"),
        case("cite with empty --by", &["cite", "1", "--by", ""], 2, "claimant name cannot be empty"),
        case("empty --reporter", &["--reporter", "", "add", "A new claim", "--by", "Someone"], 2, "reporter name cannot be empty"),
        case("mark with empty --note", &["mark", "1", "verified", "--note", ""], 2, "note cannot be empty"),
        case("mark with blank --evidence", &["mark", "1", "verified", "--evidence", " "], 2, "evidence url cannot be empty"),
        case("list with empty --search", &["list", "--search", ""], 2, "search words cannot be empty"),
        case("push to a file, not a desk server", &["push", "elsewhere.db"], 2, "\"elsewhere.db\" is not a desk server"),
        case("pull from a file, not a desk server", &["pull", "elsewhere.db"], 2, "\"elsewhere.db\" is not a desk server"),

        // Statuses, kinds and other fixed vocabularies.
        case("add with unknown status", &["add", "A new claim", "--by", "Someone", "--status", "verfied"], 2, STATUSES),
        case("mark with unknown status", &["mark", "1", "verfied"], 2, STATUSES).with_backtrace(),
        case("list with unknown status", &["list", "--status", "bogus"], 2, STATUSES),
        case("cite with unknown claimant kind", &["cite", "1", "--by", "Someone", "--kind", "alien"], 2, "unknown claimant kind \"alien\""),
        case("outlets edit with unknown kind", &["outlets", "edit", "Reuters", "--kind", "tv"], 2, "unknown outlet kind \"tv\""),
        case("report with unknown group", &["report", "--group", "bogus"], 2, "'bogus'"),
        case("list with unknown format", &["list", "--format", "xml"], 2, "'xml'"),

        // Claim ids.
        case("mark an unknown id", &["mark", "999", "verified"], 1, "no claim with id 999"),
        case("show an unknown id", &["show", "999"], 1, "no claim with id 999").with_backtrace(),
        case("cite an unknown id", &["cite", "999", "--by", "Someone"], 1, "no claim with id 999"),
        case("show id 0", &["show", "0"], 2, "claim ids are positive whole numbers"),
        case("show a negative id", &["show", "-5"], 2, "claim ids are positive whole numbers"),
        case("show a word as id", &["show", "abc"], 2, "claim ids are whole numbers"),
        case("show an id too large", &["show", "99999999999999999999999"], 2, "no claim has an id as large as"),
        case("list with a non-numeric --limit", &["list", "--limit", "abc"], 2, "the limit is a whole number"),
        case("list with a negative --limit", &["list", "--limit", "-1"], 2, "the limit is a whole number"),
        case("list with a span too long", &["list", "--since", "999999999w"], 2, "longer than a century"),

        // Dates and durations.
        case("add with an impossible date", &["add", "A new claim", "--by", "Someone", "--made-at", "2014-13-45"], 2, "malformed date"),
        case("cite with a date before year 1000", &["cite", "1", "--by", "Someone", "--made-at", "0999-01-01"], 2, "out of range"),
        case("list with a bad duration unit", &["list", "--older-than", "5x"], 2, "malformed duration"),
        case("list --since a word", &["list", "--since", "last tuesday"], 2, "malformed date \"last tuesday\""),
        case("list --since a bad span ago", &["list", "--since", "3x ago"], 2, "malformed duration \"3x\""),

        // Names the ledger does not know.
        case("list by an unknown claimant", &["list", "--by", "Nobody Known"], 1, "no claimant named \"Nobody Known\"").with_backtrace(),
        case("list via an unknown outlet", &["list", "--via", "Unknown Outlet"], 1, "no outlet named \"Unknown Outlet\""),
        case("edit an unknown claimant", &["sources", "edit", "Nobody", "--role", "x"], 1, "no claimant named \"Nobody\""),
        case("edit an unknown outlet", &["outlets", "edit", "Nowhere", "--kind", "wire"], 1, "no outlet named \"Nowhere\""),
        case("merge an unknown claimant", &["sources", "merge", "Nobody", adnani], 1, "no claimant named \"Nobody\""),

        // Edits and merges that cannot be done. The last three change something first in
        // their transaction (role, affiliation, kind), which the failure must undo.
        case("edit a claimant with nothing to change", &["sources", "edit", adnani], 2, "nothing to change"),
        case("edit an outlet with nothing to change", &["outlets", "edit", "Reuters"], 2, "nothing to change"),
        case("merge a claimant into itself", &["sources", "merge", adnani, "abu muhammad AL-ADNANI"], 1, "already name the same claimant"),
        case("merge an outlet into its own alias", &["outlets", "merge", "SITE Intelligence Group", "SITE"], 1, "already name the same outlet"),
        case("rename a claimant onto another", &["sources", "edit", adnani, "--role", "spokesman", "--rename", "Iraqi army spokesman"], 1, "already names the claimant"),
        case("alias a claimant with another's name", &["sources", "edit", adnani, "--affiliation", "ISIL", "--alias", "Iraqi army spokesman"], 1, "already names the claimant"),
        case("rename an outlet onto another", &["outlets", "edit", "NBC News", "--kind", "wire", "--rename", "Reuters"], 1, "already names the outlet"),

        // Words clap does not accept together, or at all.
        case("list --all with --status", &["list", "--all", "--status", "verified"], 2, "cannot be used with"),
        case("edit both confidential and not", &["sources", "edit", adnani, "--confidential", "--not-confidential"], 2, "cannot be used with"),
        case("an unknown subcommand", &["frobnicate"], 2, "unrecognized subcommand 'frobnicate'").with_backtrace(),
        case("an unknown option", &["list", "--colour"], 2, "--colour"),
        case("completions for an unknown shell", &["completions", "tcsh"], 2, "possible values: bash"),
    ]
}

/// Text on standard input, the commands that correct and copy, and text too long to be a claim.
#[rustfmt::skip]
fn later_cases(ledger: &Ledger) -> Vec<Case> {
    let megabyte = "a".repeat(1 << 20);
    let long = "word ".repeat(6_000);
    let add_stdin = ["add", "-", "--by", "Someone"];
    let mut cases = vec![
        case("add a megabyte of text from stdin", &add_stdin, 2, "claim text is too long").with_stdin(megabyte.as_bytes()),
        case("add 30,000 characters inline", &["add", &long, "--by", "Someone"], 2, "claim text is too long"),
        case("add text with a NUL byte from stdin", &add_stdin, 2, "NUL").with_stdin(b"March\0to Baghdad"),
        case("add invalid UTF-8 from stdin", &add_stdin, 2, "not UTF-8").with_stdin(&[0x66, 0xff, 0x6f]).with_backtrace(),
        case("add blank text from stdin", &add_stdin, 2, "claim text cannot be empty").with_stdin(b"  \n\t "),
        case("edit an unknown claim", &["edit", "999", "--text", "New words"], 1, "no claim with id 999"),
        case("edit with nothing to change", &["edit", "1"], 2, "nothing to change"),
        case("edit to empty text", &["edit", "1", "--text", " "], 2, "claim text cannot be empty"),
        case("edit with a malformed date", &["edit", "1", "--made-at", "2014-13-45"], 2, "malformed date"),
        case("retract an unknown claim", &["retract", "999"], 1, "no claim with id 999"),
        case("back up into a missing folder", &["backup", "/nonexistent-folder/copy.db"], 1, "does not exist"),
        case("back up onto a directory", &["backup", "/tmp"], 1, "is a directory"),
        case("ClaimReview with a relative URL template", &["export", "--format", "claimreview", "--publisher", "Desk", "--url-template", "checks/{uid}"], 2, "must be a web address"),
        case("ClaimReview with a bare publisher url", &["export", "--format", "claimreview", "--publisher", "Desk", "--publisher-url", "desk.example", "--url-template", "https://d.example/{uid}"], 2, "is not a web address"),
        case("import a file of unknown format", &["import", "notes.txt"], 2, "give --format"),
        case("import a missing file", &["import", "/nonexistent-folder/ledger.json"], 1, "cannot read"),
        case("extract from a missing file", &["extract", "/nonexistent-folder/copy.txt", "--add"], 1, "cannot read"),
        case("extract from empty input", &["extract", "-", "--add"], 2, "standard input is empty").with_stdin(b" \n\n "),
        case("extract from input that is not UTF-8", &["extract", "-", "--add"], 2, "not UTF-8").with_stdin(&[0x66, 0xff, 0x6f]).with_backtrace(),
        case("extract interactively without a terminal", &["extract", "-", "--interactive"], 2, "needs a terminal").with_stdin(b"Officials said the talks had failed."),
        case("extract with both --add and --interactive", &["extract", "-", "--add", "--interactive"], 2, "cannot be used with"),
        case("extract with an empty --outlet", &["extract", "-", "--outlet", ""], 2, "outlet name cannot be empty"),
        case("a whole chain given as one outlet", &["add", "x", "--by", "y", "--via", "SITE > NBC News"], 2, "cannot contain \">\""),
        case("an outlet renamed to a chain", &["outlets", "edit", "NBC News", "--rename", "NBC>MSNBC"], 2, "separates the outlets of a chain"),
    ];
    // A desk ledger is no file to back up over: its backup is a local file of its own.
    if ledger.desk.is_none() {
        let db = ledger.path().to_str().expect("utf-8 path");
        cases.push(case("back up over the ledger itself", &["backup", db], 1, "add --force"));
    }
    cases
}

/// What a refused command must look like; returns what is wrong with it, if anything.
fn refusal_problems(out: &Output, code: i32, needle: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() != Some(code) {
        problems.push(format!(
            "exit code {:?}, expected {code}",
            out.status.code()
        ));
    }
    if !out.stdout.is_empty() {
        problems.push(format!(
            "stdout not empty: {:?}",
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    let leaks = ["panicked", "backtrace", "RUST_BACKTRACE"];
    if leaks.iter().any(|l| stderr.contains(l)) {
        problems.push("stderr has panic or backtrace text".to_owned());
    }
    if stderr.lines().count() != 1 || !stderr.ends_with('\n') {
        problems.push("stderr is not exactly one line".to_owned());
    }
    if !stderr.starts_with("claimtrail: ") {
        problems.push("stderr does not start with \"claimtrail: \"".to_owned());
    }
    if !stderr.contains(needle) {
        problems.push(format!("message does not contain {needle:?}"));
    }
    if !problems.is_empty() {
        problems.push(format!("stderr was: {stderr:?}"));
    }
    problems
}

/// Everything a rejected command must leave alone: what the ledger shows, everything it
/// holds, and every file in its folder byte for byte (the ledger, and any -wal, -shm or
/// scratch file).
#[derive(Debug, PartialEq)]
struct Snapshot {
    views: Vec<String>,
    held: Vec<u8>,
    files: BTreeMap<PathBuf, Vec<u8>>,
}

fn snapshot(ledger: &Ledger, ids: &[i64]) -> Snapshot {
    let mut views = vec![
        ledger.ok(&["list", "--all", "--format", "json"]),
        ledger.ok(&["sources", "--format", "json"]),
        ledger.ok(&["outlets", "--all", "--format", "json"]),
    ];
    for id in ids {
        views.push(ledger.ok(&["show", &id.to_string(), "--format", "json"]));
    }
    // Files last, so that they are read after the reads above have closed the ledger.
    Snapshot {
        views,
        held: ledger.snapshot(),
        files: folder_files(ledger.dir.path()),
    }
}

fn folder_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("read ledger folder")
        .map(|entry| entry.expect("folder entry").path())
        .filter(|path| path.is_file())
        .map(|path| {
            let bytes = std::fs::read(&path).expect("read file");
            (path, bytes)
        })
        .collect()
}

/// Two claims, by two claimants, through three outlets: names for the bad edits to collide
/// with. Returns their ids.
fn populate(ledger: &Ledger) -> Vec<i64> {
    let first = ledger.add(&[
        "March to Baghdad",
        "--by",
        "Abu Muhammad al-Adnani",
        "--via",
        "SITE",
        "--via",
        "NBC News",
        "--made-at",
        "2014-06-12",
    ]);
    let second = ledger.add(&[
        "Tikrit remains under government control",
        "--by",
        "Iraqi army spokesman",
        "--via",
        "Reuters",
        "--status",
        "disputed",
    ]);
    vec![first, second]
}

fn bad_input_is_refused_in_one_line_and_leaves_the_ledger_alone(ledger: &Ledger) {
    let ids = populate(ledger);
    let mut before = snapshot(ledger, &ids);
    let mut cases = cases();
    cases.extend(later_cases(ledger));
    let mut failures = Vec::new();

    for case in &cases {
        let mut cmd = ledger.cmd();
        cmd.args(&case.args);
        if case.backtrace {
            cmd.env("RUST_BACKTRACE", "1");
        }
        if let Some(bytes) = &case.stdin {
            cmd.write_stdin(bytes.clone());
        }
        let out = cmd.output().expect("run claimtrail");
        let mut problems = refusal_problems(&out, case.code, case.needle);

        let after = snapshot(ledger, &ids);
        if after != before {
            problems.push("the ledger changed".to_owned());
            // Judge the cases that follow against the ledger as it now is.
            before = after;
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{} ({:?}):\n    {}",
                case.name,
                case.args,
                problems.join("\n    ")
            ));
        }
    }

    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// A `--db` that is not a usable ledger, built in a fresh folder.
struct DbCase {
    name: &'static str,
    /// Makes whatever `--db` will point at inside the folder and returns that path, or None
    /// when this machine cannot build it.
    setup: fn(&Path) -> Option<PathBuf>,
    code: i32,
    needle: &'static str,
    backtrace: bool,
}

fn db_cases() -> Vec<DbCase> {
    vec![
        DbCase {
            name: "a directory",
            setup: |dir| {
                let path = dir.join("ledger.db");
                std::fs::create_dir(&path).expect("make directory");
                Some(path)
            },
            code: 1,
            needle: "is a directory",
            backtrace: false,
        },
        DbCase {
            name: "an empty file",
            setup: |dir| write(dir.join("empty.db"), b""),
            code: 1,
            needle: "is not a claimtrail database",
            backtrace: false,
        },
        DbCase {
            name: "a PNG image",
            setup: |dir| {
                let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
                png.extend_from_slice(
                    b"\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89",
                );
                write(dir.join("picture.png"), &png)
            },
            code: 1,
            needle: "is not a claimtrail database",
            backtrace: true,
        },
        DbCase {
            name: "the SQLite header and nothing else",
            setup: |dir| write(dir.join("stub.db"), b"SQLite format 3\0garbage"),
            code: 1,
            needle: "is not a claimtrail database",
            backtrace: false,
        },
        DbCase {
            name: "a file in a folder that does not exist",
            setup: |dir| Some(dir.join("missing").join("ledger.db")),
            code: 1,
            needle: "does not exist",
            backtrace: false,
        },
        DbCase {
            name: "a SQLite database that is not claimtrail's",
            setup: foreign_sqlite,
            code: 1,
            needle: "is not a claimtrail database",
            backtrace: false,
        },
        DbCase {
            name: "a ledger written by a newer claimtrail",
            setup: newer_ledger,
            code: 1,
            needle: "newer claimtrail",
            backtrace: true,
        },
    ]
}

fn write(path: PathBuf, bytes: &[u8]) -> Option<PathBuf> {
    std::fs::write(&path, bytes).expect("write file");
    Some(path)
}

/// Built with the sqlite3 shell when there is one (the crate's rusqlite is not available to
/// the tests); skipped otherwise.
fn foreign_sqlite(dir: &Path) -> Option<PathBuf> {
    let path = dir.join("other.db");
    let made = std::process::Command::new("sqlite3")
        .arg(&path)
        .arg("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');")
        .status();
    match made {
        Ok(status) if status.success() => Some(path),
        _ => None,
    }
}

/// A real ledger whose header says schema version 99: SQLite keeps user_version as a
/// big-endian u32 at byte 60 of the file.
fn newer_ledger(dir: &Path) -> Option<PathBuf> {
    let path = dir.join("newer.db");
    let out = common::claimtrail()
        .arg("--db")
        .arg(&path)
        .args(["add", "A claim from the future", "--by", "Someone"])
        .output()
        .expect("run claimtrail");
    assert!(out.status.success(), "making the ledger failed: {out:?}");
    // The header is only authoritative once the WAL has been checkpointed into the file.
    let wal = dir.join("newer.db-wal");
    let wal_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert_eq!(wal_len, 0, "the ledger's WAL was left un-checkpointed");
    let mut bytes = std::fs::read(&path).expect("read ledger");
    let version = u32::from_be_bytes(bytes[60..64].try_into().expect("four bytes"));
    assert!(
        (1..99).contains(&version),
        "expected a current ledger version, found {version}"
    );
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(&path, bytes).expect("write ledger");
    Some(path)
}

#[test]
fn what_is_not_a_ledger_is_refused_and_left_alone() {
    let mut failures = Vec::new();
    let mut skipped = Vec::new();
    let cases = db_cases();

    for case in &cases {
        let dir = tempfile::tempdir().expect("temp dir");
        let Some(db) = (case.setup)(dir.path()) else {
            skipped.push(case.name);
            continue;
        };
        let before = folder_files(dir.path());
        let existed = db.exists();
        let folder_existed = db.parent().is_some_and(Path::exists);

        let mut cmd = common::claimtrail();
        cmd.arg("--db").arg(&db).arg("list");
        if case.backtrace {
            cmd.env("RUST_BACKTRACE", "1");
        }
        let out = cmd.output().expect("run claimtrail");
        let mut problems = refusal_problems(&out, case.code, case.needle);

        if folder_files(dir.path()) != before {
            problems.push("files in the folder were changed, created or removed".to_owned());
        }
        if db.exists() != existed {
            problems.push(format!("{} was created", db.display()));
        }
        if db.parent().is_some_and(Path::exists) != folder_existed {
            problems.push("the ledger's folder was created".to_owned());
        }
        if !problems.is_empty() {
            failures.push(format!(
                "--db {}:\n    {}",
                case.name,
                problems.join("\n    ")
            ));
        }
    }

    if !skipped.is_empty() {
        eprintln!("skipped (cannot be built here): {skipped:?}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn sql_in_text_and_names_is_just_text(ledger: &Ledger) {
    let ids = populate(ledger);
    let text = "'; DROP TABLE claims; --";
    let claimant = "Robert'); DROP TABLE claimants; --";
    let outlet = "x\" OR 1=1; DELETE FROM outlets; --";

    let sql_text = ledger.add(&[text, "--by", "Hoshyar Zebari"]);
    let sql_names = ledger.add(&["Mosul has fallen", "--by", claimant, "--via", outlet]);

    let shown = ledger.json(&["show", &sql_text.to_string()]);
    assert_eq!(shown["text"], text);
    assert_eq!(shown["attributions"][0]["claimant"], "Hoshyar Zebari");

    let shown = ledger.json(&["show", &sql_names.to_string()]);
    assert_eq!(shown["text"], "Mosul has fallen");
    assert_eq!(shown["attributions"][0]["claimant"], claimant);
    assert_eq!(shown["attributions"][0]["via"][0], outlet);

    // The names are found again as names, not as SQL.
    let by = ledger.json(&["list", "--by", claimant]);
    assert_eq!(by.as_array().map(Vec::len), Some(1), "{by}");
    assert_eq!(by[0]["id"], sql_names);

    let all = ledger.json(&["list", "--all"]);
    let listed: Vec<i64> = all
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|c| c["id"].as_i64().expect("an id"))
        .collect();
    let mut expected = ids.clone();
    expected.extend([sql_text, sql_names]);
    assert_eq!(listed, expected);
    assert_eq!(
        ledger.json(&["show", &ids[0].to_string()])["text"],
        "March to Baghdad"
    );
}

/// A slip in a filter names what was meant; a filter that matches nothing says so on stderr
/// and leaves stdout empty for scripts.
fn slips_in_filters_are_answered_with_what_was_meant(ledger: &Ledger) {
    populate(ledger);
    ledger.add(&[
        "Kirkuk has fallen",
        "--by",
        "Jabbar Yawar",
        "--story",
        "iraq-2014",
    ]);
    let run = |args: &[&str]| ledger.cmd().args(args).output().unwrap();

    let story = run(&["list", "--story", "iraq2014"]);
    assert_eq!(story.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&story.stderr),
        "claimtrail: no story \"iraq2014\" (did you mean \"iraq-2014\"?)\n"
    );
    let status = run(&["list", "--status", "verfied"]);
    assert_eq!(status.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&status.stderr).contains("did you mean \"verified\"?"));
    let outlet = run(&["list", "--via", "Reuter"]);
    assert!(String::from_utf8_lossy(&outlet.stderr).contains("did you mean \"Reuters\"?"));

    let fresh = ledger.another();
    let empty = fresh.cmd().arg("list").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&empty.stderr),
        "claimtrail: no claims yet: log one with claimtrail add\n"
    );
    assert!(empty.stdout.is_empty());
    let id = fresh.add(&[
        "Kirkuk has fallen",
        "--by",
        "Jabbar Yawar",
        "--status",
        "verified",
    ]);
    assert!(id > 0);
    let settled = fresh.cmd().arg("list").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&settled.stderr),
        "claimtrail: no open claims: every claim is settled (--all lists them)\n"
    );
    for format in ["table", "json"] {
        let none = run(&["list", "--search", "zeppelin", "--format", format]);
        assert!(none.status.success());
        assert_eq!(
            String::from_utf8_lossy(&none.stderr),
            "claimtrail: no claims match these filters\n"
        );
        let shown = String::from_utf8_lossy(&none.stdout);
        assert!(
            shown.trim().is_empty() || shown.trim() == "[]",
            "{format}: {shown}"
        );
    }
}

on_both_backends!(
    bad_input_is_refused_in_one_line_and_leaves_the_ledger_alone,
    sql_in_text_and_names_is_just_text,
    slips_in_filters_are_answered_with_what_was_meant,
);
