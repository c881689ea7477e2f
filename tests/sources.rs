//! Claimants and outlets as things in their own right: listed with their counts, edited,
//! and merged when the desk logged one source under two names.

mod common;

use common::{Ledger, named_row, names};
use serde_json::{Value, json};

const ADNANI: &str = "Abu Muhammad al-Adnani";
const ISIL: &str = "Islamic State in Iraq and the Levant";

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

fn json(ledger: &Ledger, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(ledger, &all)).expect("valid JSON")
}

fn add(ledger: &Ledger, args: &[&str]) -> i64 {
    let mut all = vec!["add"];
    all.extend_from_slice(args);
    common::logged_id(&ok(ledger, &all))
}

/// The ids of every claim (settled too) these filters select.
fn ids(ledger: &Ledger, filters: &[&str]) -> Vec<i64> {
    let mut args = vec!["list", "--all"];
    args.extend_from_slice(filters);
    json(ledger, &args)
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect()
}

fn show(ledger: &Ledger, id: i64) -> Value {
    json(ledger, &["show", &id.to_string()])
}

/// Adnani twice, Yasseen and the anonymous U.S. officials once each; one of Adnani's settled.
fn some_sources(ledger: &Ledger) {
    add(
        ledger,
        &[
            "March to Baghdad... We have a score to settle.",
            "--by",
            ADNANI,
            "--role",
            "spokesman",
            "--affiliation",
            ISIL,
            "--via",
            "SITE",
            "--via",
            "NBC News",
        ],
    );
    add(
        ledger,
        &[
            "What have you done to your people? What do you know about policy, leadership, and military command?",
            "--by",
            ADNANI,
            "--via",
            "SITE",
            "--via",
            "NBC News",
        ],
    );
    add(
        ledger,
        &[
            "We need equipment, extra aviation and drones.",
            "--by",
            "Fareed Yasseen",
            "--role",
            "ambassador to France",
            "--affiliation",
            "Government of Iraq",
            "--kind",
            "official",
            "--via",
            "France Inter",
            "--via",
            "Reuters",
            "--via",
            "NBC News",
        ],
    );
    add(
        ledger,
        &[
            "The Iraqi government has asked the U.S. military to fly combat missions over military encampments.",
            "--by",
            "U.S. officials",
            "--kind",
            "anonymous",
            "--affiliation",
            "U.S. government",
            "--via",
            "NBC News",
        ],
    );
    ok(ledger, &["mark", "1", "verified"]);
}

fn yawar(ledger: &Ledger) -> i64 {
    add(
        ledger,
        &[
            "The whole of Kirkuk has fallen into the hands of peshmerga.",
            "--by",
            "Jabbar Yawar",
            "--role",
            "spokesman",
            "--affiliation",
            "Kurdish peshmerga",
            "--via",
            "Reuters",
            "--via",
            "NBC News",
        ],
    )
}

fn sources_lists_each_claimant_with_claims_and_open_counts(ledger: &Ledger) {
    some_sources(ledger);
    let sources = json(ledger, &["sources"]);
    assert_eq!(
        names(&sources),
        [ADNANI, "Fareed Yasseen", "U.S. officials"],
        "most claims first, then by name"
    );
    assert_eq!(
        *named_row(&sources, ADNANI),
        json!({
            "name": ADNANI,
            "role": "spokesman",
            "affiliation": ISIL,
            "kind": "person",
            "confidential": false,
            "reliability": null,
            "aliases": [],
            "claims": 2,
            "open": 1,
        })
    );
    assert_eq!(
        *named_row(&sources, "U.S. officials"),
        json!({
            "name": "U.S. officials",
            "role": null,
            "affiliation": "U.S. government",
            "kind": "anonymous",
            "confidential": false,
            "reliability": null,
            "aliases": [],
            "claims": 1,
            "open": 1,
        })
    );
    assert_eq!(named_row(&sources, "Fareed Yasseen")["kind"], "official");

    let table = ok(ledger, &["sources"]);
    let adnani: Vec<&str> = table
        .lines()
        .find(|l| l.contains(ADNANI))
        .unwrap_or_else(|| panic!("{table}"))
        .split_whitespace()
        .collect();
    assert!(
        adnani.ends_with(&["person", "2", "1"]),
        "kind, claims, open: {adnani:?}"
    );
}

fn outlets_lists_those_with_claims_and_all_lists_the_known_ones_too(ledger: &Ledger) {
    some_sources(ledger);
    let outlets = json(ledger, &["outlets"]);
    assert_eq!(
        names(&outlets),
        [
            "NBC News",
            "SITE Intelligence Group",
            "France Inter",
            "Reuters"
        ]
    );
    assert_eq!(
        *named_row(&outlets, "NBC News"),
        json!({"name": "NBC News", "kind": "broadcaster", "aliases": ["NBC"],
               "claims": 4, "open": 3})
    );
    assert_eq!(
        *named_row(&outlets, "SITE Intelligence Group"),
        json!({"name": "SITE Intelligence Group", "kind": "monitor",
               "aliases": ["SITE", "SITE Intel Group"], "claims": 2, "open": 1})
    );

    let all = json(ledger, &["outlets", "--all"]);
    assert!(all.as_array().unwrap().len() > outlets.as_array().unwrap().len());
    assert_eq!(
        *named_row(&all, "Agence France-Presse"),
        json!({"name": "Agence France-Presse", "kind": "wire",
               "aliases": ["AFP", "Agence France Presse"], "claims": 0, "open": 0})
    );
    assert_eq!(
        named_row(&all, "Associated Press")["aliases"],
        json!(["AP", "The Associated Press"])
    );
    assert_eq!(named_row(&all, "NBC News")["claims"], 4);

    // A new ledger has no outlets with claims.
    let empty = ledger.another();
    assert_eq!(json(&empty, &["outlets"]), json!([]));
    assert!(ok(&empty, &["outlets"]).contains("--all lists the known ones"));
}

fn editing_a_claimant_changes_details_aliases_and_name(ledger: &Ledger) {
    let id = yawar(ledger);
    let out = ok(
        ledger,
        &[
            "sources",
            "edit",
            "jabbar yawar",
            "--role",
            "peshmerga spokesman",
            "--affiliation",
            "Kurdistan Regional Government",
            "--kind",
            "official",
            "--alias",
            "Yawar",
        ],
    );
    assert_eq!(
        out.trim(),
        "updated Jabbar Yawar (peshmerga spokesman, Kurdistan Regional Government) [official]"
    );
    let sources = json(ledger, &["sources"]);
    assert_eq!(sources[0]["role"], "peshmerga spokesman");
    assert_eq!(sources[0]["affiliation"], "Kurdistan Regional Government");
    assert_eq!(sources[0]["kind"], "official");
    assert_eq!(sources[0]["aliases"], json!(["Yawar"]));
    assert_eq!(ids(ledger, &["--by", "yawar"]), [id]);
    // The claim shows the claimant as it now stands.
    assert_eq!(
        show(ledger, id)["attributions"][0]["role"],
        "peshmerga spokesman"
    );

    // Dropping the alias: it no longer finds anyone.
    ok(
        ledger,
        &["sources", "edit", "Jabbar Yawar", "--unalias", "Yawar"],
    );
    let (code, _, err) = run(ledger, &["list", "--by", "Yawar"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("no claimant named \"Yawar\""), "{err}");
    assert_eq!(json(ledger, &["sources"])[0]["aliases"], json!([]));

    // Renaming to another transliteration keeps the old name as an alias.
    let out = ok(
        ledger,
        &["sources", "edit", "Jabbar Yawar", "--rename", "Jabar Yawar"],
    );
    assert!(out.starts_with("updated Jabar Yawar ("), "{out}");
    let sources = json(ledger, &["sources"]);
    assert_eq!(sources[0]["name"], "Jabar Yawar");
    assert_eq!(sources[0]["aliases"], json!(["Jabbar Yawar"]));
    assert_eq!(ids(ledger, &["--by", "Jabbar Yawar"]), [id]);
    assert_eq!(
        show(ledger, id)["attributions"][0]["claimant"],
        "Jabar Yawar"
    );

    // An empty role clears it; the affiliation stays.
    let out = ok(ledger, &["sources", "edit", "Jabar Yawar", "--role", ""]);
    assert_eq!(
        out.trim(),
        "updated Jabar Yawar (Kurdistan Regional Government) [official]"
    );
    let sources = json(ledger, &["sources"]);
    assert_eq!(sources[0]["role"], Value::Null);
    assert_eq!(sources[0]["affiliation"], "Kurdistan Regional Government");
}

fn an_edit_that_changes_nothing_or_names_no_one_is_refused(ledger: &Ledger) {
    yawar(ledger);
    let before = ledger.snapshot();
    let (code, _, err) = run(ledger, &["sources", "edit", "Jabbar Yawar"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("nothing to change"), "{err}");
    let (code, _, err) = run(ledger, &["sources", "edit", "Yawer", "--role", "x"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("no claimant named \"Yawer\""), "{err}");
    assert_eq!(ledger.snapshot(), before);
}

fn editing_an_outlet_sets_its_kind_and_an_alias_that_filters_find(ledger: &Ledger) {
    let id = add(
        ledger,
        &[
            "We need equipment, extra aviation and drones.",
            "--by",
            "Fareed Yasseen",
            "--via",
            "France Inter",
            "--via",
            "Le Monde",
        ],
    );
    let out = ok(
        ledger,
        &[
            "outlets",
            "edit",
            "Le Monde",
            "--kind",
            "newspaper",
            "--alias",
            "LM",
        ],
    );
    assert_eq!(out.trim(), "updated \"Le Monde\" [newspaper, also LM]");
    assert_eq!(
        *named_row(&json(ledger, &["outlets"]), "Le Monde"),
        json!({"name": "Le Monde", "kind": "newspaper", "aliases": ["LM"],
               "claims": 1, "open": 1})
    );
    assert_eq!(ids(ledger, &["--via", "LM"]), [id]);
    assert_eq!(ids(ledger, &["--via", "lm"]), [id]);

    // Logging through the alias is logging through Le Monde.
    let out = ok(
        ledger,
        &[
            "cite",
            &id.to_string(),
            "--by",
            "Fareed Yasseen",
            "--via",
            "LM",
        ],
    );
    assert!(!out.contains("new outlet"), "{out}");
    assert_eq!(
        show(ledger, id)["attributions"][1]["via"],
        json!(["Le Monde"])
    );
}

fn mark(ledger: &Ledger, id: i64, status: &str, note: &str, evidence: &[&str]) {
    let id = id.to_string();
    let mut args = vec!["mark", &id, status, "--note", note];
    for url in evidence {
        args.extend(["--evidence", url]);
    }
    ok(ledger, &args);
}

/// Adnani logged under a short name once and his full name after; both claims moved through
/// verification. Returns their ids.
fn adnani_under_two_names(ledger: &Ledger) -> (i64, i64) {
    let first = add(
        ledger,
        &[
            "What have you done to your people?",
            "--by",
            "Adnani",
            "--via",
            "SITE",
            "--via",
            "NBC News",
        ],
    );
    let second = add(
        ledger,
        &[
            "March to Baghdad... We have a score to settle.",
            "--by",
            ADNANI,
            "--role",
            "spokesman",
            "--affiliation",
            ISIL,
            "--via",
            "NBC News",
        ],
    );
    // The short name again, through another first outlet, on the second claim.
    ok(
        ledger,
        &[
            "cite",
            &second.to_string(),
            "--by",
            "Adnani",
            "--via",
            "SITE",
        ],
    );
    mark(
        ledger,
        first,
        "disputed",
        "audio quality too poor to be sure",
        &[],
    );
    mark(
        ledger,
        first,
        "verified",
        "SITE translation matches the recording",
        &[
            "https://ent.siteintelgroup.com/",
            "https://www.nbcnews.com/",
        ],
    );
    mark(
        ledger,
        second,
        "corroborated",
        "a second translation agrees",
        &[],
    );
    (first, second)
}

fn merging_claimants_folds_counts_and_keeps_every_attribution_as_recorded(ledger: &Ledger) {
    let (first, second) = adnani_under_two_names(ledger);
    let before = show(ledger, first);
    assert_eq!(before["history"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        show(ledger, second)["independent_sources"],
        2,
        "two names, two first outlets"
    );
    let sources = json(ledger, &["sources"]);
    assert_eq!(named_row(&sources, "Adnani")["claims"], 2);
    assert_eq!(named_row(&sources, ADNANI)["claims"], 1);
    assert_eq!(ids(ledger, &["--by", ADNANI]), [second]);

    let out = ok(ledger, &["sources", "merge", "Adnani", ADNANI]);
    assert!(
        out.starts_with(&format!("merged \"Adnani\" into \"{ADNANI}\"")),
        "{out}"
    );

    // One claimant, with both claims.
    let sources = json(ledger, &["sources"]);
    assert_eq!(names(&sources), [ADNANI]);
    assert_eq!(sources[0]["claims"], 2);
    assert_eq!(sources[0]["open"], 1);
    let report = json(ledger, &["report", "--group", "claimant"]);
    assert_eq!(names(&report["claimants"]), [ADNANI]);
    assert_eq!(report["claimants"][0]["claims"], 2);
    assert_eq!(report["claimants"][0]["by_status"]["verified"], 1);
    assert_eq!(report["claimants"][0]["by_status"]["corroborated"], 1);

    // The history is untouched, event for event.
    let after = show(ledger, first);
    assert_eq!(after["history"], before["history"]);
    assert_eq!(after["status"], "verified");
    assert_eq!(
        after["history"][2]["evidence"],
        json!([
            "https://ent.siteintelgroup.com/",
            "https://www.nbcnews.com/"
        ])
    );

    // The attribution now names the survivor and remembers the name it was logged under.
    let attribution = &after["attributions"][0];
    assert_eq!(attribution["claimant"], ADNANI);
    assert_eq!(attribution["recorded_as"], "Adnani");
    assert_eq!(attribution["role"], "spokesman");
    assert_eq!(
        attribution["via"],
        json!(["SITE Intelligence Group", "NBC News"])
    );
    let table = ok(ledger, &["show", &first.to_string()]);
    assert!(table.contains("logged as \"Adnani\""), "{table}");

    // On the claim cited under both names: one claimant now, so one origin.
    let cited = show(ledger, second);
    let attributions = cited["attributions"].as_array().unwrap();
    assert!(attributions[0].get("recorded_as").is_none(), "{cited:#}");
    assert_eq!(attributions[1]["claimant"], ADNANI);
    assert_eq!(attributions[1]["recorded_as"], "Adnani");
    assert_eq!(cited["independent_sources"], 1);

    // Either name finds both claims.
    assert_eq!(ids(ledger, &["--by", "Adnani"]), [first, second]);
    assert_eq!(ids(ledger, &["--by", ADNANI]), [first, second]);
}

fn merging_outlets_folds_chains_and_counts_into_the_survivor(ledger: &Ledger) {
    let nightly = add(
        ledger,
        &[
            "The Iraqi government has asked the U.S. military to fly combat missions over military encampments.",
            "--by",
            "U.S. officials",
            "--via",
            "NBC Nightly",
        ],
    );
    let news = add(
        ledger,
        &[
            "The Iraqi government has asked the U.S. for assistance in combating the militants.",
            "--by",
            "Nouri al-Maliki",
            "--via",
            "NBC News",
        ],
    );
    // The officials' word again, on the prime minister's claim.
    ok(
        ledger,
        &[
            "cite",
            &news.to_string(),
            "--by",
            "U.S. officials",
            "--via",
            "NBC Nightly",
        ],
    );
    assert_eq!(
        show(ledger, news)["independent_sources"],
        2,
        "two claimants, two first outlets"
    );
    let outlets = json(ledger, &["outlets"]);
    assert_eq!(named_row(&outlets, "NBC Nightly")["claims"], 2);
    assert_eq!(named_row(&outlets, "NBC News")["claims"], 1);

    let out = ok(ledger, &["outlets", "merge", "NBC Nightly", "NBC News"]);
    assert!(
        out.starts_with("merged \"NBC Nightly\" into \"NBC News\""),
        "{out}"
    );

    // Chains show the survivor, and both attributions now share a first outlet.
    assert_eq!(
        show(ledger, nightly)["attributions"][0]["via"],
        json!(["NBC News"])
    );
    let claim = show(ledger, news);
    assert_eq!(claim["attributions"][0]["via"], json!(["NBC News"]));
    assert_eq!(claim["attributions"][1]["via"], json!(["NBC News"]));
    assert_eq!(claim["independent_sources"], 1);

    // Both claims count under NBC News, once each.
    let report = json(ledger, &["report", "--group", "outlet"]);
    assert_eq!(names(&report["outlets"]), ["NBC News"]);
    assert_eq!(report["outlets"][0]["claims"], 2);
    assert_eq!(report["outlets"][0]["by_status"]["unverified"], 2);
    let outlets = json(ledger, &["outlets"]);
    assert_eq!(names(&outlets), ["NBC News"]);
    assert_eq!(outlets[0]["claims"], 2);
    assert_eq!(outlets[0]["open"], 2);

    // The old name now stands for NBC News.
    assert_eq!(ids(ledger, &["--via", "NBC Nightly"]), [nightly, news]);
}

fn merging_a_source_into_itself_is_refused(ledger: &Ledger) {
    add(
        ledger,
        &["March to Baghdad", "--by", ADNANI, "--via", "SITE"],
    );
    ok(ledger, &["sources", "edit", ADNANI, "--alias", "al-Adnani"]);
    let before = ledger.snapshot();

    let (code, out, err) = run(ledger, &["sources", "merge", "al-Adnani", ADNANI]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&format!(
            "\"al-Adnani\" and \"{ADNANI}\" already name the same claimant"
        )),
        "{err}"
    );

    let (code, _, err) = run(
        ledger,
        &["outlets", "merge", "SITE", "SITE Intelligence Group"],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("already name the same outlet"), "{err}");

    assert_eq!(ledger.snapshot(), before);
    assert_eq!(json(ledger, &["sources"])[0]["claims"], 1);
}

// BUG: renaming a survivor to the name of a duplicate merged into it fails with a raw
// "UNIQUE constraint failed: claimants.name_key" (outlets.name_key for outlets) and changes
// nothing, though that name already stands for the survivor.

fn a_claimant_can_take_the_name_of_a_duplicate_merged_into_it(ledger: &Ledger) {
    let (first, _) = adnani_under_two_names(ledger);
    ok(ledger, &["sources", "merge", "Adnani", ADNANI]);
    let (code, _, err) = run(ledger, &["sources", "edit", ADNANI, "--rename", "Adnani"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(names(&json(ledger, &["sources"])), ["Adnani"]);
    assert_eq!(show(ledger, first)["attributions"][0]["claimant"], "Adnani");
}

fn an_outlet_can_take_the_name_of_a_duplicate_merged_into_it(ledger: &Ledger) {
    let id = add(
        ledger,
        &[
            "We're not going to war in Iraq anytime soon.",
            "--by",
            "U.S. officials",
            "--via",
            "NBC Nightly",
        ],
    );
    ok(ledger, &["outlets", "merge", "NBC Nightly", "NBC News"]);
    let (code, _, err) = run(
        ledger,
        &["outlets", "edit", "NBC News", "--rename", "NBC Nightly"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(names(&json(ledger, &["outlets"])), ["NBC Nightly"]);
    assert_eq!(
        show(ledger, id)["attributions"][0]["via"],
        json!(["NBC Nightly"])
    );
}

// BUG: renaming to one of its own aliases leaves the new name listed among the aliases too,
// and `--unalias` then refuses to drop it ("is the outlet's name, not an alias").

fn renaming_to_an_alias_makes_it_the_name_and_no_longer_an_alias(ledger: &Ledger) {
    add(
        ledger,
        &[
            "Lawmakers are expected to convene for an emergency session Thursday.",
            "--by",
            "Iraqi parliament",
            "--via",
            "AP",
        ],
    );
    ok(
        ledger,
        &["outlets", "edit", "Associated Press", "--rename", "AP"],
    );
    let outlets = json(ledger, &["outlets"]);
    assert_eq!(
        *named_row(&outlets, "AP"),
        json!({"name": "AP", "kind": "wire",
               "aliases": ["Associated Press", "The Associated Press"],
               "claims": 1, "open": 1})
    );
}

/// `list --by` and `--via` reach a source's claims by one of three routes, chosen from the
/// counts the ledger keeps (the source's own claims, open claims by age, or SQLite's
/// choice); whichever it takes, the listing is the one a reader would pick out by hand.
fn a_listing_by_source_is_the_same_whichever_way_the_ledger_reaches_it(ledger: &Ledger) {
    ok(ledger, &["demo", "--db", ledger.db.to_str().unwrap()]);
    let all = json(ledger, &["list", "--all"]);
    let all = all.as_array().expect("array");
    let mut sources: Vec<(&str, String)> = Vec::new();
    for claim in all {
        for a in claim["attributions"].as_array().unwrap() {
            sources.push(("--by", a["claimant"].as_str().unwrap().to_owned()));
            for outlet in a["via"].as_array().unwrap() {
                sources.push(("--via", outlet.as_str().unwrap().to_owned()));
            }
        }
    }
    sources.sort();
    sources.dedup();
    assert!(sources.len() > 10, "{sources:?}");
    let carries = |claim: &Value, flag: &str, name: &str| {
        claim["attributions"].as_array().unwrap().iter().any(|a| {
            if flag == "--by" {
                a["claimant"] == name
            } else {
                a["via"].as_array().unwrap().iter().any(|o| o == name)
            }
        })
    };
    let open = ["unverified", "corroborated", "disputed"];
    let statuses: [(&[&str], Vec<&str>); 3] = [
        (&[], open.to_vec()),
        (&["--all"], vec![]),
        (&["--status", "verified"], vec!["verified"]),
    ];
    let mut checked = 0;
    for (flag, name) in &sources {
        for (args, wanted) in &statuses {
            for limit in [None, Some(1), Some(2)] {
                let mut expected: Vec<&Value> = all
                    .iter()
                    .filter(|c| carries(c, flag, name))
                    .filter(|c| {
                        wanted.is_empty() || wanted.contains(&c["status"].as_str().unwrap())
                    })
                    .collect();
                expected.sort_by_key(|c| (c["logged_at"].as_str().unwrap(), c["id"].as_i64()));
                let expected: Vec<i64> = expected
                    .iter()
                    .map(|c| c["id"].as_i64().unwrap())
                    .take(limit.unwrap_or(usize::MAX))
                    .collect();
                let limit_text = limit.map(|n| n.to_string());
                let mut list = vec!["list", flag, name.as_str()];
                list.extend_from_slice(args);
                if let Some(n) = &limit_text {
                    list.extend(["--limit", n.as_str()]);
                }
                let listed: Vec<i64> = json(ledger, &list)
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["id"].as_i64().unwrap())
                    .collect();
                assert_eq!(listed, expected, "claimtrail {list:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 90);
}

on_both_backends!(
    sources_lists_each_claimant_with_claims_and_open_counts,
    outlets_lists_those_with_claims_and_all_lists_the_known_ones_too,
    editing_a_claimant_changes_details_aliases_and_name,
    an_edit_that_changes_nothing_or_names_no_one_is_refused,
    editing_an_outlet_sets_its_kind_and_an_alias_that_filters_find,
    merging_claimants_folds_counts_and_keeps_every_attribution_as_recorded,
    merging_outlets_folds_chains_and_counts_into_the_survivor,
    merging_a_source_into_itself_is_refused,
    a_claimant_can_take_the_name_of_a_duplicate_merged_into_it,
    an_outlet_can_take_the_name_of_a_duplicate_merged_into_it,
    renaming_to_an_alias_makes_it_the_name_and_no_longer_an_alias,
    a_listing_by_source_is_the_same_whichever_way_the_ledger_reaches_it,
);
