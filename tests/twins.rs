//! The same claim logged twice: on deadline a reporter logs as new a claim already open
//! from another outlet, which hides the corroboration. `add` still logs it, and says on
//! stderr which claim it reads like and the `cite` that would have recorded it instead.

mod common;

use std::path::Path;
use std::process::Command;

use common::Ledger;

fn add(ledger: &Ledger, args: &[&str]) -> (String, String) {
    let mut all = vec!["add"];
    all.extend_from_slice(args);
    let out = ledger.cmd().args(&all).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Logs the example article's claims with `extract --add`.
fn mosul(ledger: &Ledger) {
    let path = Path::new("tests/fixtures/extract/mosul-2014.txt");
    ledger.ok(&[
        "extract",
        path.to_str().unwrap(),
        "--outlet",
        "NBC News",
        "--add",
    ]);
}

fn id_of(ledger: &Ledger, words: &str) -> i64 {
    let all = ledger.json(&["list", "--search", words]);
    all[0]["id"].as_i64().unwrap()
}

fn a_claim_heard_again_from_another_outlet_is_pointed_out_with_the_cite_to_run(ledger: &Ledger) {
    mosul(ledger);
    let kirkuk = id_of(ledger, "whole of Kirkuk peshmerga");
    let (out, said) = add(
        ledger,
        &[
            "Kirkuk has fallen to the peshmerga and no Iraqi army remains in the city.",
            "--by",
            "Jabbar Yawar",
            "--via",
            "Associated Press",
        ],
    );
    assert!(out.contains("logged claim"), "it is still logged: {out}");
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 2, "{said}");
    assert!(
        lines[0].contains(&format!("reads like open claim {kirkuk}")),
        "{said}"
    );
    let command = lines[1].trim();
    assert!(
        command.starts_with(&format!(
            "claimtrail --db {} cite {kirkuk} --by 'Jabbar Yawar'",
            ledger.db.display()
        )),
        "{command}"
    );

    // The command it gives is one that works, as printed.
    let bin = Path::new(env!("CARGO_BIN_EXE_claimtrail"));
    let ran = Command::new("sh")
        .arg("-c")
        .arg(command.replacen("claimtrail", &bin.display().to_string(), 1))
        .env("CLAIMTRAIL_REPORTER", "desk")
        .env("CLAIMTRAIL_CONFIG", common::NO_CONFIG)
        .envs(std::env::var_os("CLAIMTRAIL_TEST_PG_CA").map(|ca| ("PGSSLROOTCERT", ca)))
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let claim = ledger.json(&["show", &kirkuk.to_string()]);
    let via: Vec<&str> = claim["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["via"][0].as_str().unwrap())
        .collect();
    assert_eq!(via, ["Reuters", "Associated Press"]);
}

fn claims_of_their_own_are_not_pointed_out_and_quiet_silences_the_hint(ledger: &Ledger) {
    mosul(ledger);
    // A new claim about the same city is not the same claim.
    let (_, said) = add(
        ledger,
        &[
            "Kirkuk's governor said oil exports from the city continue.",
            "--by",
            "Governor",
        ],
    );
    assert_eq!(said, "", "{said}");
    let again = [
        "We need equipment, extra aviation and drones, the ambassador said.",
        "--by",
        "Fareed Yasseen",
    ];
    let (_, said) = add(ledger, &again);
    assert!(said.contains("reads like open claim"), "{said}");
    let mut quietly = again.to_vec();
    quietly.push("--quiet");
    let (_, said) = add(ledger, &quietly);
    assert_eq!(said, "");
}

fn the_hint_never_names_a_confidential_claimant(ledger: &Ledger) {
    add(
        ledger,
        &[
            "Iraq asked the U.S. to fly combat missions with drones.",
            "--by",
            "Officials",
        ],
    );
    let (_, said) = add(
        ledger,
        &[
            "Iraq has asked the U.S. to fly combat missions with manned aircraft and drones.",
            "--by",
            "Pentagon insider",
            "--confidential",
        ],
    );
    assert!(said.contains("--by 'confidential source #"), "{said}");
    assert!(!said.contains("Pentagon insider"), "{said}");
}

/// Copy from a second outlet repeats claims already open from the first: `extract --add`
/// points those out too, but never a claim logged from the same copy.
fn extract_add_points_out_claims_already_open_from_other_copy(ledger: &Ledger) {
    mosul(ledger);
    let kirkuk = id_of(ledger, "whole of Kirkuk peshmerga");
    let copy = ledger.dir.path().join("reuters.txt");
    std::fs::write(
        &copy,
        "KIRKUK, Iraq, June 12 (Reuters) - \"Kirkuk has fallen to the peshmerga and no Iraqi \
         army remains in the city,\" Jabbar Yawar, a spokesman for the Kurdish fighters, told \
         Reuters.\n\nBaghdad denied the report, a government spokesman said.\n",
    )
    .unwrap();
    let out = ledger
        .cmd()
        .args(["extract", copy.to_str().unwrap(), "--add"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains(&format!("reads like open claim {kirkuk}")),
        "{said}"
    );
    assert_eq!(said.matches("reads like").count(), 1, "{said}");

    // Logging the article itself again from scratch flags nothing within its own batch.
    let fresh = ledger.another();
    let path = Path::new("tests/fixtures/extract/mosul-2014.txt");
    let out = fresh
        .cmd()
        .args([
            "extract",
            path.to_str().unwrap(),
            "--outlet",
            "NBC News",
            "--add",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

on_both_backends!(
    a_claim_heard_again_from_another_outlet_is_pointed_out_with_the_cite_to_run,
    claims_of_their_own_are_not_pointed_out_and_quiet_silences_the_hint,
    the_hint_never_names_a_confidential_claimant,
    extract_add_points_out_claims_already_open_from_other_copy,
);
