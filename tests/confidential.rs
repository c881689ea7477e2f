//! A confidential claimant, the official who told NBC News "We're not going to war in Iraq
//! anytime soon", is never named in what claimtrail prints unless `--reveal` asks for it.

mod common;

use common::Ledger;

const NAME: &str = "Colonel Hidden Name";
const ALIAS: &str = "Hidden";
const PLACEHOLDER: &str = "confidential source #";
const QUOTE: &str = "We're not going to war in Iraq anytime soon.";

const FORMATS: [&str; 3] = ["table", "json", "csv"];

/// The commands that read the ledger, with and without filters.
const READS: &[&[&str]] = &[
    &["list"],
    &["list", "--all"],
    &["list", "--by", NAME],
    &["list", "--via", "Reuters"],
    &["list", "--search", "war"],
    &["show", "1"],
    &["report"],
    &["report", "--group", "claimant"],
    &["report", "--group", "outlet"],
    &["report", "--story", "iraq-2014"],
    &["sources"],
    &["outlets"],
    &["outlets", "--all"],
];

/// Whether this read names claimants at all, so should show the placeholder.
fn names_claimants(args: &[&str], format: &str) -> bool {
    match args {
        ["outlets", ..] => false,
        ["report", "--group", "outlet"] => false,
        // show as CSV is the status history alone
        ["show", ..] => format != "csv",
        _ => true,
    }
}

/// Whether the output names the claimant: "Hidden" is in the name and is the alias.
fn leaks(output: &str) -> bool {
    output.to_lowercase().contains(&ALIAS.to_lowercase())
}

/// Runs and returns (exit code, stdout, stderr).
fn run(ledger: &Ledger, args: &[&str]) -> (Option<i32>, String, String) {
    let out = ledger
        .cmd()
        .env("CLAIMTRAIL_NOW", "2014-06-12T12:00:00Z")
        .args(args)
        .output()
        .expect("run claimtrail");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

fn ok(ledger: &Ledger, args: &[&str]) -> String {
    let (code, out, err) = run(ledger, args);
    assert_eq!(code, Some(0), "claimtrail {args:?} failed: {err}");
    out
}

/// The writes that set the scene, each with whether what it prints names the confidential
/// claimant.
const WRITES: &[(&[&str], bool)] = &[
    (
        &[
            "add",
            QUOTE,
            "--by",
            NAME,
            "--role",
            "defense official",
            "--affiliation",
            "U.S. government",
            "--confidential",
            "--via",
            "NBC News",
            "--story",
            "iraq-2014",
        ],
        true,
    ),
    (
        &[
            "add",
            "March to Baghdad... We have a score to settle.",
            "--by",
            "Abu Muhammad al-Adnani",
            "--role",
            "spokesman",
            "--via",
            "SITE",
            "--via",
            "NBC News",
            "--story",
            "iraq-2014",
        ],
        false,
    ),
    (&["cite", "1", "--by", NAME, "--via", "Reuters"], true),
    (
        &["mark", "2", "verified", "--note", "SITE translation"],
        false,
    ),
    (
        &["mark", "1", "corroborated", "--note", "a second official"],
        false,
    ),
    (&["sources", "edit", NAME, "--alias", ALIAS], true),
];

/// Makes the ledger what it is after `WRITES`; returns what each of them printed.
fn newsroom(ledger: &Ledger) -> Vec<String> {
    WRITES.iter().map(|(args, _)| ok(ledger, args)).collect()
}

/// What every read prints in every format, as (command, names claimants, stdout).
fn read_everything(ledger: &Ledger, reveal: bool) -> Vec<(String, bool, String)> {
    let mut printed = Vec::new();
    for args in READS {
        for format in FORMATS {
            // Unlimited width, so that no name is wrapped over two lines.
            let mut all = vec!["--wide"];
            all.extend_from_slice(args);
            all.extend(["--format", format]);
            if reveal && names_claimants(args, format) {
                all.push("--reveal");
            }
            let out = ok(ledger, &all);
            printed.push((all.join(" "), names_claimants(args, format), out));
        }
    }
    printed
}

/// The reads that name the claimant, or fail to show the placeholder where they should.
fn unmasked(ledger: &Ledger) -> Vec<String> {
    let mut wrong = Vec::new();
    for (command, names, out) in read_everything(ledger, false) {
        if leaks(&out) {
            wrong.push(format!("{command} named the claimant:\n{out}"));
        } else if names && !out.contains(PLACEHOLDER) {
            wrong.push(format!("{command} has no \"{PLACEHOLDER}\":\n{out}"));
        }
    }
    wrong
}

fn no_read_command_in_any_format_names_a_confidential_claimant(ledger: &Ledger) {
    newsroom(ledger);
    let wrong = unmasked(ledger);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn reveal_names_the_confidential_claimant_in_every_read(ledger: &Ledger) {
    newsroom(ledger);
    let unnamed: Vec<String> = read_everything(ledger, true)
        .into_iter()
        .filter(|(_, names, out)| *names && !out.contains(NAME))
        .map(|(command, _, out)| format!("{command}:\n{out}"))
        .collect();
    assert!(
        unnamed.is_empty(),
        "--reveal did not name {NAME}:\n{}",
        unnamed.join("\n")
    );

    let sources = ok(ledger, &["sources", "--reveal", "--format", "json"]);
    let sources: serde_json::Value = serde_json::from_str(&sources).unwrap();
    let row = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["confidential"] == true)
        .expect("the confidential claimant's row");
    assert_eq!(row["name"], NAME);
    assert_eq!(row["confidential"], true);
    assert_eq!(row["aliases"], serde_json::json!([ALIAS]));
}

fn what_the_writes_print_names_only_the_placeholder(ledger: &Ledger) {
    let printed = newsroom(ledger);
    for ((args, names), out) in WRITES.iter().zip(&printed) {
        assert!(!leaks(out), "{args:?} named the claimant:\n{out}");
        if *names {
            assert!(out.contains(PLACEHOLDER), "{args:?} printed:\n{out}");
        }
    }
    let [add, _, cite, _, _, edit] = &printed[..] else {
        panic!("one output per write: {printed:?}");
    };
    assert!(
        add.contains("new claimant \"confidential source #1\" (person, confidential)"),
        "{add}"
    );
    assert_eq!(
        cite.trim(),
        "cited claim 1 to \"confidential source #1\": 1 independent source"
    );
    assert!(
        edit.starts_with("updated confidential source #1 (defense official, U.S. government)"),
        "{edit}"
    );
}

fn the_real_name_and_the_alias_find_the_claims_but_the_output_stays_masked(ledger: &Ledger) {
    newsroom(ledger);
    for by in [NAME, "colonel hidden name", ALIAS] {
        let out = ok(ledger, &["list", "--all", "--by", by, "--format", "json"]);
        let claims: serde_json::Value = serde_json::from_str(&out).unwrap();
        let ids: Vec<i64> = claims
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, [1], "--by {by:?}");
        assert_eq!(
            claims[0]["attributions"][0]["claimant"],
            "confidential source #1"
        );
        assert_eq!(claims[0]["attributions"][0]["role"], "defense official");
        assert!(!leaks(&out), "--by {by:?}:\n{out}");
    }
}

fn a_duplicate_merged_into_a_confidential_claimant_is_hidden_with_it(ledger: &Ledger) {
    newsroom(ledger);
    let out = ok(
        ledger,
        &[
            "add",
            "So far the U.S. has not agreed to fly combat missions over Iraq.",
            "--by",
            "Col. Hidden",
            "--via",
            "NBC News",
        ],
    );
    let id = common::logged_id(&out).to_string();
    let out = ok(ledger, &["sources", "merge", "Col. Hidden", NAME]);
    assert!(
        out.starts_with("merged \"Col. Hidden\" into \"confidential source #1\""),
        "{out}"
    );

    // The name it was logged under is as secret as the claimant now.
    let wrong = unmasked(ledger);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    for format in FORMATS {
        let out = ok(ledger, &["show", &id, "--format", format]);
        assert!(!leaks(&out), "show {id} --format {format}:\n{out}");
    }
    let revealed = ok(ledger, &["show", &id, "--reveal", "--format", "json"]);
    let revealed: serde_json::Value = serde_json::from_str(&revealed).unwrap();
    assert_eq!(revealed["attributions"][0]["claimant"], NAME);
    assert_eq!(revealed["attributions"][0]["recorded_as"], "Col. Hidden");
}

fn did_you_mean_never_offers_a_confidential_claimant(ledger: &Ledger) {
    newsroom(ledger);

    // Suggestions work for named claimants...
    let (code, _, err) = run(ledger, &["list", "--by", "Adnani"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("did you mean \"Abu Muhammad al-Adnani\"?"),
        "{err}"
    );

    // ...but a near miss on a confidential name or alias offers nothing.
    for typo in ["Colonel Hidden", "Hidden Nam", "Hidd"] {
        for args in [
            vec!["list", "--by", typo],
            vec!["sources", "edit", typo, "--role", "colonel"],
            vec!["sources", "merge", typo, "Abu Muhammad al-Adnani"],
        ] {
            let (code, out, err) = run(ledger, &args);
            assert_eq!(code, Some(1), "{args:?}: {out}{err}");
            assert!(err.contains("no claimant named"), "{args:?}: {err}");
            assert!(!err.contains("did you mean"), "{args:?}: {err}");
            assert!(
                !err.to_lowercase().contains("hidden name\""),
                "{args:?}: {err}"
            );
        }
    }

    // Logging a new, public claimant with a near name does not point at the hidden one.
    let out = ok(ledger, &["add", QUOTE, "--by", "Colonel Hidden"]);
    assert!(out.contains("new claimant \"Colonel Hidden\""), "{out}");
    assert!(!out.to_lowercase().contains("hidden name"), "{out}");
}

fn a_name_clash_does_not_reveal_who_already_holds_the_name(ledger: &Ledger) {
    // Someone who knows only the alias must not learn the name from the refusal.
    newsroom(ledger);
    let mut leaked = Vec::new();
    for change in ["--alias", "--rename"] {
        let args = ["sources", "edit", "Abu Muhammad al-Adnani", change, ALIAS];
        let (code, out, err) = run(ledger, &args);
        assert_eq!(code, Some(1), "{args:?} should be refused: {out}");
        if err.contains(NAME) {
            leaked.push(format!("{args:?}: {err}"));
        }
    }
    assert!(
        leaked.is_empty(),
        "named the confidential claimant:\n{}",
        leaked.join("")
    );
}

on_both_backends!(
    no_read_command_in_any_format_names_a_confidential_claimant,
    reveal_names_the_confidential_claimant_in_every_read,
    what_the_writes_print_names_only_the_placeholder,
    the_real_name_and_the_alias_find_the_claims_but_the_output_stays_masked,
    a_duplicate_merged_into_a_confidential_claimant_is_hidden_with_it,
    did_you_mean_never_offers_a_confidential_claimant,
    a_name_clash_does_not_reveal_who_already_holds_the_name,
);
