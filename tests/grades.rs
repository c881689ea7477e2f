//! Source grading on the NATO (Admiralty) system: an editor grades how reliable a claimant
//! has proved (A-F), any attribution may carry how credible that piece of information is
//! (1-6). Grades show beside the record, are corrected with their history kept, and travel
//! wherever claims do.

mod common;

use common::{Ledger, named_row};
use serde_json::Value;

const ADNANI: &str = "Abu Muhammad al-Adnani";
const YASSEEN: &str = "Fareed Yasseen";

fn run(ledger: &Ledger, args: &[&str]) -> (Option<i32>, String, String) {
    let out = ledger.cmd().args(args).output().expect("run claimtrail");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// A ledger with one claim, two attributions: Adnani's graded 3, Yasseen's not graded.
fn graded_claim(ledger: &Ledger) -> i64 {
    let id = ledger.add(&[
        "ISIS fighters will march on Baghdad",
        "--by",
        ADNANI,
        "--via",
        "SITE",
        "--via",
        "NBC News",
        "--credibility",
        "3",
    ]);
    ledger.ok(&["cite", &id.to_string(), "--by", YASSEEN, "--via", "Reuters"]);
    id
}

fn grades(shown: &Value) -> Vec<String> {
    shown["attributions"]
        .as_array()
        .expect("attributions")
        .iter()
        .map(|a| a["grade"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn a_grade_shows_as_reliability_and_credibility_beside_the_record(ledger: &Ledger) {
    let id = graded_claim(ledger).to_string();
    assert_eq!(grades(&ledger.json(&["show", &id])), ["?3", ""]);
    let said = ledger.ok(&["sources", "edit", ADNANI, "--reliability", "e"]);
    assert!(said.contains("reliability E: unreliable"), "{said}");
    ledger.ok(&["sources", "edit", YASSEEN, "--reliability", "B"]);
    assert_eq!(grades(&ledger.json(&["show", &id])), ["E3", "B?"]);
    let table = ledger.ok(&["--wide", "show", &id]);
    assert!(table.contains("graded E3"), "{table}");
    assert!(table.contains("credibility 3  possibly true"), "{table}");
    assert!(table.contains("reliability B  usually reliable"), "{table}");

    let sources = ledger.json(&["sources"]);
    assert_eq!(named_row(&sources, ADNANI)["reliability"], "E");
    let listing = ledger.ok(&["sources"]);
    assert!(
        listing.lines().next().unwrap().contains("grade"),
        "{listing}"
    );

    // Beside the track record, never drawn from it: a source whose claims all prove false
    // keeps the grade an editor gave it.
    ledger.ok(&["mark", &id, "false", "--note", "no march came"]);
    let report = ledger.json(&["report"]);
    assert_eq!(named_row(&report["claimants"], YASSEEN)["reliability"], "B");
    assert_eq!(
        named_row(&report["claimants"], YASSEEN)["by_status"]["false"],
        1
    );
    assert!(
        named_row(&report["outlets"], "Reuters")
            .get("reliability")
            .is_none()
    );
    let table = ledger.ok(&["report"]);
    assert!(
        table.contains("grade: how reliable an editor judged the source"),
        "{table}"
    );
    // At 80 columns the graded table is too wide in full: its headings shorten, and the
    // legend says what they stand for.
    assert!(
        table
            .lines()
            .any(|l| l.split_whitespace().take(3).eq(["claimant", "gr", "all"])),
        "{table}"
    );
    assert!(table.contains("all: claims in all; gr: grade."), "{table}");
    let wide = ledger.ok(&["report", "--wide"]);
    assert!(
        wide.lines().any(|l| l
            .split_whitespace()
            .take(3)
            .eq(["claimant", "grade", "claims"])),
        "{wide}"
    );
}

fn nothing_is_graded_until_someone_grades_it(ledger: &Ledger) {
    let id = ledger.add(&["Mosul has fallen", "--by", "Atheel al-Nujaifi"]);
    ledger.ok(&["mark", &id.to_string(), "verified"]);
    assert_eq!(grades(&ledger.json(&["show", &id.to_string()])), [""]);
    let sources = ledger.json(&["sources"]);
    assert_eq!(
        named_row(&sources, "Atheel al-Nujaifi")["reliability"],
        Value::Null
    );
    // No column of dashes where nobody has graded anything.
    assert!(!ledger.ok(&["sources"]).contains("grade"));
    assert!(!ledger.ok(&["report"]).contains("grade"));
}

fn a_grade_is_corrected_and_the_old_one_kept(ledger: &Ledger) {
    let id = graded_claim(ledger).to_string();
    let (code, _, err) = run(ledger, &["edit", &id, "--credibility", "5"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        err.trim(),
        format!(
            "claimtrail: claim {id} has 2 attributions: say which with --attribution N (show {id} lists them)"
        )
    );
    let said = ledger.ok(&[
        "edit",
        &id,
        "--credibility",
        "5",
        "--attribution",
        "1",
        "--note",
        "no sign of a march",
    ]);
    assert!(said.contains("credibility 5: improbable (was 3"), "{said}");
    let again = ledger.ok(&["edit", &id, "--credibility", "5", "--attribution", "1"]);
    assert!(
        again.contains("already graded 5; nothing changed"),
        "{again}"
    );
    ledger.ok(&["sources", "edit", ADNANI, "--reliability", "C"]);
    ledger.ok(&["sources", "edit", ADNANI, "--reliability", "E"]);
    assert_eq!(grades(&ledger.json(&["show", &id])), ["E5", ""]);

    let export = ledger.json(&["export", "--reveal"]);
    let history: Vec<i64> = export["claims"][0]["attributions"][0]["credibility"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["grade"].as_i64().unwrap())
        .collect();
    assert_eq!(history, [3, 5]);
    assert_eq!(
        export["claims"][0]["attributions"][0]["credibility"][1]["note"],
        "no sign of a march"
    );
    let adnani = named_row(&export["claimants"], ADNANI);
    let letters: Vec<&str> = adnani["reliability"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["grade"].as_str().unwrap())
        .collect();
    assert_eq!(letters, ["C", "E"]);
    assert!(ledger.ok(&["check"]).starts_with("ok:"));
}

fn grades_travel_through_every_export_and_import(ledger: &Ledger) {
    let id = graded_claim(ledger).to_string();
    ledger.ok(&["sources", "edit", ADNANI, "--reliability", "E"]);
    ledger.ok(&["edit", &id, "--credibility", "2", "--attribution", "2"]);
    let shown = grades(&ledger.json(&["show", &id]));
    for format in ["json", "jsonl", "csv"] {
        let file = ledger.dir.path().join(format!("out.{format}"));
        ledger.ok(&["export", "--reveal", "-o", file.to_str().unwrap()]);
        let other = ledger.another();
        let said = other.ok(&["import", file.to_str().unwrap()]);
        assert!(said.contains("1 new claim"), "{format}: {said}");
        let copied = grades(&other.json(&["show", "1"]));
        if format == "csv" {
            // A sheet holds a claim's first attribution only.
            assert_eq!(copied, [shown[0].clone()], "{format}");
        } else {
            assert_eq!(copied, shown, "{format}");
        }
        let again = other.ok(&["import", file.to_str().unwrap()]);
        assert!(again.contains("nothing new"), "{format}: {again}");
    }
}

fn grades_given_elsewhere_merge_into_the_history(ledger: &Ledger) {
    let id = graded_claim(ledger).to_string();
    let file = ledger.dir.path().join("first.json");
    ledger.ok(&["export", "--reveal", "-o", file.to_str().unwrap()]);
    let other = ledger.another();
    other.ok(&["import", file.to_str().unwrap()]);
    other.ok(&["edit", "1", "--credibility", "1", "--attribution", "1"]);
    other.ok(&["sources", "edit", YASSEEN, "--reliability", "A"]);
    let back = ledger.dir.path().join("back.json");
    other.ok(&["export", "--reveal", "-o", back.to_str().unwrap()]);
    let said = ledger.ok(&["import", back.to_str().unwrap()]);
    assert!(
        said.starts_with("imported") && said.contains("2 grades"),
        "{said}"
    );
    assert_eq!(grades(&ledger.json(&["show", &id])), ["?1", "A?"]);
    assert!(
        ledger
            .ok(&["import", back.to_str().unwrap()])
            .contains("nothing new")
    );
}

fn a_bad_grade_gets_one_line_and_changes_nothing(ledger: &Ledger) {
    let id = graded_claim(ledger).to_string();
    let before = ledger.snapshot();
    for (args, code, words) in [
        (
            vec!["add", "x", "--by", ADNANI, "--credibility", "7"],
            2,
            "unknown credibility \"7\"",
        ),
        (
            vec!["add", "x", "--by", ADNANI, "--credibility", "0"],
            2,
            "unknown credibility \"0\"",
        ),
        (
            vec!["cite", &id, "--by", ADNANI, "--credibility", "B"],
            2,
            "unknown credibility \"B\"",
        ),
        (
            vec!["sources", "edit", ADNANI, "--reliability", "G"],
            2,
            "unknown reliability \"G\"",
        ),
        (
            vec!["sources", "edit", ADNANI, "--reliability", "B2"],
            2,
            "unknown reliability",
        ),
        (vec!["edit", &id, "--attribution", "1"], 2, "--credibility"),
        (
            vec!["edit", &id, "--credibility", "2", "--attribution", "3"],
            1,
            "has no attribution 3",
        ),
        (
            vec!["edit", &id, "--credibility", "2", "--attribution", "0"],
            2,
            "--attribution",
        ),
        (
            vec!["edit", "99", "--credibility", "2"],
            1,
            "no claim with id 99",
        ),
    ] {
        let (got, _, err) = run(ledger, &args);
        assert_eq!(got, Some(code), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
    assert!(
        ledger.snapshot() == before,
        "a refused grade changed the ledger"
    );
}

fn a_merged_source_keeps_its_grade_history_and_gives_the_survivor_its_grade(ledger: &Ledger) {
    ledger.add(&["Tikrit has fallen", "--by", "al-Adnani"]);
    graded_claim(ledger);
    ledger.ok(&["sources", "edit", "al-Adnani", "--reliability", "D"]);
    ledger.ok(&["sources", "merge", "al-Adnani", ADNANI]);
    let sources = ledger.json(&["sources"]);
    assert_eq!(named_row(&sources, ADNANI)["reliability"], "D");
    // A grade the survivor already has is its own.
    ledger.add(&["Samarra has fallen", "--by", "Adnani"]);
    ledger.ok(&["sources", "edit", "Adnani", "--reliability", "F"]);
    ledger.ok(&["sources", "merge", "Adnani", ADNANI]);
    assert_eq!(
        named_row(&ledger.json(&["sources"]), ADNANI)["reliability"],
        "D"
    );
    assert!(ledger.ok(&["check"]).starts_with("ok:"));
}

on_both_backends!(
    a_grade_shows_as_reliability_and_credibility_beside_the_record,
    nothing_is_graded_until_someone_grades_it,
    a_grade_is_corrected_and_the_old_one_kept,
    grades_travel_through_every_export_and_import,
    grades_given_elsewhere_merge_into_the_history,
    a_bad_grade_gets_one_line_and_changes_nothing,
    a_merged_source_keeps_its_grade_history_and_gives_the_survivor_its_grade,
);
