//! The claims in NBC News's report of 12 June 2014, "Militants Vow to March on Baghdad After
//! Taking Mosul, Tikrit", logged with their true relay chains over the day before
//! publication, moved through verification, and read back through every output format.

mod common;

use common::{Ledger, logged_id, named_row, names};
use serde_json::{Value, json};

/// "Now" for every command unless a test says otherwise: noon on the day of publication.
const NOW: &str = "2014-06-12T12:00:00Z";

const AP_TEXT: &str = "Lawmakers are expected to convene for an emergency session Thursday to consider the prime minister's request for a state of emergency.";
const ADNANI_TEXT: &str = "March to Baghdad... We have a score to settle.";
const OFFICIALS_TEXT: &str = "The Iraqi government has asked the U.S. military to fly combat missions with manned aircraft and drones over military encampments.";
const YASSEEN_TEXT: &str = "Iraq's ambassador to France called on the U.N. Security Council to approve extra military aid for Baghdad: \"We need equipment, extra aviation and drones.\"";
const YAWAR_TEXT: &str = "The whole of Kirkuk has fallen into the hands of peshmerga. No Iraqi army remains in Kirkuk now.";

/// When each claim reached the desk.
const AP_LOGGED: &str = "2014-06-11T10:00:00Z";
const ADNANI_LOGGED: &str = "2014-06-12T00:30:00Z";
const OFFICIALS_LOGGED: &str = "2014-06-12T02:00:00Z";
const YASSEEN_LOGGED: &str = "2014-06-12T05:00:00Z";
const YAWAR_LOGGED: &str = "2014-06-12T09:00:00Z";

/// The ids of the article's claims, in the order they were logged.
struct Article {
    ap: i64,
    adnani: i64,
    officials: i64,
    yasseen: i64,
    yawar: i64,
}

impl Article {
    fn all(&self) -> Vec<i64> {
        vec![
            self.ap,
            self.adnani,
            self.officials,
            self.yasseen,
            self.yawar,
        ]
    }
}

fn run(ledger: &Ledger, args: &[&str]) -> String {
    ledger.ok_at(NOW, args)
}

/// Runs with `--format json` appended, as of `NOW`, and parses stdout.
fn json(ledger: &Ledger, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&run(ledger, &all)).expect("valid JSON")
}

/// Logs a claim as of `now` and returns its id.
fn add_at(ledger: &Ledger, now: &str, args: &[&str]) -> i64 {
    let mut all = vec!["add"];
    all.extend_from_slice(args);
    logged_id(&ledger.ok_at(now, &all))
}

/// The ids `list` prints for these filters, in its order.
fn ids(ledger: &Ledger, filters: &[&str]) -> Vec<i64> {
    let mut args = vec!["list"];
    args.extend_from_slice(filters);
    json(ledger, &args)
        .as_array()
        .expect("a list is an array")
        .iter()
        .map(|c| c["id"].as_i64().expect("numeric id"))
        .collect()
}

fn show(ledger: &Ledger, id: i64) -> Value {
    json(ledger, &["show", &id.to_string()])
}

/// The claim's relay chains, one per attribution.
fn chains(claim: &Value) -> Vec<Vec<String>> {
    claim["attributions"]
        .as_array()
        .expect("attributions")
        .iter()
        .map(|a| {
            a["via"]
                .as_array()
                .expect("via is an array")
                .iter()
                .map(|o| o.as_str().expect("outlet name").to_owned())
                .collect()
        })
        .collect()
}

/// The article's claims, each logged as the desk would have: as it came in, with the chain
/// the article gives for it.
fn log_article(ledger: &Ledger) -> Article {
    let ap = add_at(
        ledger,
        AP_LOGGED,
        &[
            AP_TEXT,
            "--by",
            "The Associated Press",
            "--kind",
            "organization",
            "--via",
            "NBC News",
            "--made-at",
            "2014-06-11",
            "--story",
            "iraq-parliament",
        ],
    );
    let adnani = add_at(
        ledger,
        ADNANI_LOGGED,
        &[
            ADNANI_TEXT,
            "--by",
            "Abu Muhammad al-Adnani",
            "--role",
            "spokesman",
            "--affiliation",
            "Islamic State in Iraq and the Levant",
            "--via",
            "SITE",
            "--via",
            "NBC News",
            "--medium",
            "audio recording",
            "--made-at",
            "2014-06-12",
            "--story",
            "iraq-2014",
        ],
    );
    let officials = add_at(
        ledger,
        OFFICIALS_LOGGED,
        &[
            OFFICIALS_TEXT,
            "--by",
            "U.S. officials",
            "--kind",
            "anonymous",
            "--affiliation",
            "U.S. government",
            "--via",
            "NBC News",
            "--made-at",
            "2014-06-12",
            "--story",
            "iraq-2014",
        ],
    );
    let yasseen = add_at(
        ledger,
        YASSEEN_LOGGED,
        &[
            YASSEEN_TEXT,
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
            "NBC",
            "--medium",
            "radio interview",
            "--made-at",
            "2014-06-12",
            "--story",
            "iraq-2014",
        ],
    );
    let yawar = add_at(
        ledger,
        YAWAR_LOGGED,
        &[
            YAWAR_TEXT,
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
            "--medium",
            "interview",
            "--made-at",
            "2014-06-12",
            "--story",
            "iraq-2014",
        ],
    );
    Article {
        ap,
        adnani,
        officials,
        yasseen,
        yawar,
    }
}

fn is_uuid_v4(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    s.len() == 36
        && lengths == [8, 4, 4, 4, 12]
        && groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
        && groups[2].starts_with('4')
}

/// Splits CSV into records, honouring quoted fields with commas, quotes and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// The row of a report group with this name.
fn assert_share(row: &Value, field: &str, expected: f64) {
    let share = row[field]
        .as_f64()
        .unwrap_or_else(|| panic!("{field} is not a number in {row:#}"));
    assert!(
        (share - expected).abs() < 1e-9,
        "{field}: {share} != {expected} in {row:#}"
    );
}

fn adnanis_recording_is_logged_with_every_field_and_its_chain_under_canonical_names(
    ledger: &Ledger,
) {
    let out = run(
        ledger,
        &[
            "add",
            ADNANI_TEXT,
            "--by",
            "Abu Muhammad al-Adnani",
            "--role",
            "spokesman",
            "--affiliation",
            "Islamic State in Iraq and the Levant",
            "--via",
            "SITE",
            "--via",
            "NBC News",
            "--medium",
            "audio recording",
            "--made-at",
            "2014-06-12",
            "--story",
            "iraq-2014",
        ],
    );
    assert!(
        out.contains("new claimant \"Abu Muhammad al-Adnani\" (person)"),
        "{out}"
    );
    assert!(out.contains("logged claim 1 (unverified)"), "{out}");
    assert!(
        !out.contains("new outlet"),
        "SITE and NBC News are known: {out}"
    );

    let claim = show(ledger, 1);
    assert_eq!(claim["id"], 1);
    assert_eq!(claim["text"], ADNANI_TEXT);
    assert_eq!(claim["story"], "iraq-2014");
    assert_eq!(claim["status"], "unverified");
    assert_eq!(claim["made_at"], "2014-06-12T00:00:00Z");
    assert_eq!(claim["logged_at"], NOW);
    assert_eq!(claim["logged_by"], "tester");
    assert_eq!(claim["independent_sources"], 1);
    let uid = claim["uid"].as_str().expect("uid is a string");
    assert!(is_uuid_v4(uid), "uid {uid:?} is not a v4 UUID");
    assert_eq!(
        claim["attributions"],
        json!([{
            "claimant": "Abu Muhammad al-Adnani",
            "role": "spokesman",
            "affiliation": "Islamic State in Iraq and the Levant",
            "via": ["SITE Intelligence Group", "NBC News"],
            "medium": "audio recording",
            "made_at": "2014-06-12T00:00:00Z",
            "url": null,
            "logged_at": NOW,
            "logged_by": "tester",
        }])
    );
    assert_eq!(
        claim["history"],
        json!([{
            "status": "unverified",
            "at": NOW,
            "by": "tester",
            "note": null,
            "evidence": [],
        }])
    );

    // The list gives the same claim, without the history.
    let list = json(ledger, &["list"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["uid"], uid);
    assert_eq!(list[0]["attributions"], claim["attributions"]);
    assert!(list[0].get("history").is_none(), "{list:#}");
}

fn the_articles_claims_keep_their_relay_chains_nearest_the_claimant_first(ledger: &Ledger) {
    let article = log_article(ledger);
    let claims = json(ledger, &["list", "--all"]);
    let claims = claims.as_array().expect("array");
    assert_eq!(claims.len(), 5);
    let by_id = |id: i64| {
        claims
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("claim {id} missing"))
    };

    let yasseen = by_id(article.yasseen);
    assert_eq!(
        chains(yasseen),
        [["France Inter", "Reuters", "NBC News"]],
        "the alias NBC is stored as NBC News"
    );
    assert_eq!(yasseen["attributions"][0]["claimant"], "Fareed Yasseen");
    assert_eq!(yasseen["attributions"][0]["role"], "ambassador to France");
    assert_eq!(yasseen["attributions"][0]["medium"], "radio interview");
    assert_eq!(yasseen["text"], YASSEEN_TEXT);

    let ap = by_id(article.ap);
    assert_eq!(ap["attributions"][0]["claimant"], "The Associated Press");
    assert_eq!(chains(ap), [["NBC News"]]);
    assert_eq!(ap["story"], "iraq-parliament");
    assert_eq!(ap["made_at"], "2014-06-11T00:00:00Z");
    assert_eq!(ap["logged_at"], AP_LOGGED);

    let yawar = by_id(article.yawar);
    assert_eq!(yawar["attributions"][0]["claimant"], "Jabbar Yawar");
    assert_eq!(yawar["attributions"][0]["affiliation"], "Kurdish peshmerga");
    assert_eq!(chains(yawar), [["Reuters", "NBC News"]]);

    let officials = by_id(article.officials);
    assert_eq!(officials["attributions"][0]["claimant"], "U.S. officials");
    assert_eq!(officials["attributions"][0]["role"], Value::Null);
    assert_eq!(
        officials["attributions"][0]["affiliation"],
        "U.S. government"
    );
    assert_eq!(chains(officials), [["NBC News"]]);

    let adnani = by_id(article.adnani);
    assert_eq!(chains(adnani), [["SITE Intelligence Group", "NBC News"]]);

    // Oldest logged first, every claim open, each uid its own.
    assert_eq!(ids(ledger, &[]), article.all());
    let mut uids: Vec<&str> = claims.iter().map(|c| c["uid"].as_str().unwrap()).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), 5);
    assert!(claims.iter().all(|c| c["status"] == "unverified"));
}

fn cite_counts_corroboration_by_independent_origin(ledger: &Ledger) {
    let article = log_article(ledger);
    let sources = |id: i64| show(ledger, id)["independent_sources"].clone();

    // The same claimant through another outlet is still the one origin.
    let adnani = article.adnani.to_string();
    let out = run(
        ledger,
        &[
            "cite",
            &adnani,
            "--by",
            "Abu Muhammad al-Adnani",
            "--via",
            "Reuters",
            "--medium",
            "audio recording",
        ],
    );
    assert_eq!(
        out.trim(),
        format!("cited claim {adnani} to \"Abu Muhammad al-Adnani\": 1 independent source")
    );
    assert_eq!(sources(article.adnani), 1);
    assert_eq!(
        show(ledger, article.adnani)["attributions"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    // Another claimant whose words came through the same first outlet: still one origin.
    let officials = article.officials.to_string();
    let out = run(
        ledger,
        &[
            "cite",
            &officials,
            "--by",
            "Nouri al-Maliki",
            "--role",
            "prime minister",
            "--kind",
            "official",
            "--via",
            "NBC News",
        ],
    );
    assert!(
        out.contains(": 1 independent source\n"),
        "same first outlet, one origin: {out}"
    );
    assert_eq!(sources(article.officials), 1);

    // Iraq's ambassador on France Inter: another claimant, another first outlet. That NBC
    // News relayed it too at the end of the chain does not make it the same origin.
    let out = run(
        ledger,
        &[
            "cite",
            &officials,
            "--by",
            "Fareed Yasseen",
            "--via",
            "France Inter",
            "--via",
            "Reuters",
            "--via",
            "NBC News",
            "--medium",
            "radio interview",
        ],
    );
    assert!(
        out.contains(&format!(
            "cited claim {officials} to \"Fareed Yasseen\": 2 independent sources"
        )),
        "{out}"
    );
    let claim = show(ledger, article.officials);
    assert_eq!(claim["independent_sources"], 2);
    assert_eq!(
        chains(&claim),
        [
            vec!["NBC News"],
            vec!["NBC News"],
            vec!["France Inter", "Reuters", "NBC News"],
        ]
    );
    let claimants: Vec<&Value> = claim["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["claimant"])
        .collect();
    assert_eq!(
        claimants,
        ["U.S. officials", "Nouri al-Maliki", "Fareed Yasseen"]
    );
    // Citing is not a status change.
    assert_eq!(claim["status"], "unverified");
    assert_eq!(claim["history"].as_array().map(Vec::len), Some(1));
}

fn marking_settles_a_claim_and_every_status_event_is_kept_in_order(ledger: &Ledger) {
    let article = log_article(ledger);
    let id = article.yasseen.to_string();
    let out = ledger.ok_at(
        "2014-06-12T10:00:00Z",
        &[
            "mark",
            &id,
            "verified",
            "--note",
            "quote checked against the France Inter broadcast",
            "--evidence",
            "https://www.franceinter.fr/emissions/l-invite-de-7h50",
            "--evidence",
            "https://www.reuters.com/article/iraq-security-france",
        ],
    );
    assert_eq!(out.trim(), format!("claim {id}: unverified → verified"));

    // Settled: out of the open list, still in --all, alone at --status verified.
    let open = ids(ledger, &[]);
    assert!(!open.contains(&article.yasseen), "{open:?}");
    assert_eq!(open.len(), 4);
    assert_eq!(ids(ledger, &["--all"]), article.all());
    assert_eq!(ids(ledger, &["--status", "verified"]), [article.yasseen]);
    assert_eq!(
        ids(ledger, &["--status", "verified", "--status", "unverified"]),
        article.all()
    );

    let first = json!({
        "status": "unverified",
        "at": YASSEEN_LOGGED,
        "by": "tester",
        "note": null,
        "evidence": [],
    });
    let second = json!({
        "status": "verified",
        "at": "2014-06-12T10:00:00Z",
        "by": "tester",
        "note": "quote checked against the France Inter broadcast",
        "evidence": [
            "https://www.franceinter.fr/emissions/l-invite-de-7h50",
            "https://www.reuters.com/article/iraq-security-france",
        ],
    });
    let claim = show(ledger, article.yasseen);
    assert_eq!(claim["status"], "verified");
    assert_eq!(claim["history"], json!([first, second]));

    // Marking again, even to the same status, appends; nothing earlier changes.
    let out = ledger
        .cmd_as("editor")
        .env("CLAIMTRAIL_NOW", "2014-06-12T11:00:00Z")
        .args([
            "mark",
            &id,
            "verified",
            "--note",
            "second read of the transcript",
        ])
        .output()
        .expect("run claimtrail");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.trim(), format!("claim {id} stays verified"));
    let third = json!({
        "status": "verified",
        "at": "2014-06-12T11:00:00Z",
        "by": "editor",
        "note": "second read of the transcript",
        "evidence": [],
    });
    assert_eq!(
        show(ledger, article.yasseen)["history"],
        json!([first, second, third])
    );

    // A later change back to open brings it back into the list.
    ledger.ok_at(
        "2014-06-12T11:30:00Z",
        &[
            "mark",
            &id,
            "disputed",
            "--note",
            "embassy denies the quote",
        ],
    );
    assert!(ids(ledger, &[]).contains(&article.yasseen));
    let history = show(ledger, article.yasseen)["history"].clone();
    assert_eq!(history.as_array().map(Vec::len), Some(4));
    assert_eq!(history[3]["status"], "disputed");
}

fn marking_a_claim_that_does_not_exist_fails_and_says_so(ledger: &Ledger) {
    log_article(ledger);
    let out = ledger
        .cmd()
        .args(["mark", "99", "verified"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no claim with id 99"), "{err}");
}

fn list_filters_narrow_by_claimant_outlet_story_text_count_and_time(ledger: &Ledger) {
    let a = log_article(ledger);

    // Claimant, by name or alias, in any case.
    assert_eq!(ids(ledger, &["--by", "fareed yasseen"]), [a.yasseen]);
    run(
        ledger,
        &[
            "sources",
            "edit",
            "Abu Muhammad al-Adnani",
            "--alias",
            "Adnani",
        ],
    );
    assert_eq!(ids(ledger, &["--by", "ADNANI"]), [a.adnani]);

    // Outlet, anywhere in the chain, by name or alias.
    assert_eq!(ids(ledger, &["--via", "reuters"]), [a.yasseen, a.yawar]);
    assert_eq!(ids(ledger, &["--via", "France Inter"]), [a.yasseen]);
    assert_eq!(ids(ledger, &["--via", "site"]), [a.adnani]);
    assert_eq!(ids(ledger, &["--via", "NBC"]), a.all());
    assert_eq!(ids(ledger, &["--via", "AFP"]), Vec::<i64>::new());

    // Story, text, count.
    assert_eq!(ids(ledger, &["--story", "iraq-parliament"]), [a.ap]);
    assert_eq!(
        ids(ledger, &["--story", "iraq-2014"]),
        [a.adnani, a.officials, a.yasseen, a.yawar]
    );
    assert_eq!(ids(ledger, &["--search", "march"]), [a.adnani]);
    assert_eq!(
        ids(ledger, &["--search", "drones"]),
        [a.officials, a.yasseen]
    );
    assert_eq!(ids(ledger, &["--search", "kirkuk peshmerga"]), [a.yawar]);
    assert_eq!(ids(ledger, &["--limit", "1"]), [a.ap]);
    assert_eq!(
        ids(ledger, &["--limit", "2", "--via", "reuters"]),
        [a.yasseen, a.yawar]
    );

    // Time, as of noon on the 12th.
    assert_eq!(ids(ledger, &["--since", "6h"]), [a.yawar]);
    assert_eq!(ids(ledger, &["--since", "6h ago"]), [a.yawar]);
    assert_eq!(
        ids(ledger, &["--since", "today"]),
        [a.adnani, a.officials, a.yasseen, a.yawar]
    );
    assert_eq!(ids(ledger, &["--since", "yesterday"]).len(), 5);
    assert_eq!(
        ids(ledger, &["--since", "2014-06-12"]),
        [a.adnani, a.officials, a.yasseen, a.yawar]
    );
    assert_eq!(ids(ledger, &["--older-than", "1d"]), [a.ap]);
    assert_eq!(
        ids(ledger, &["--older-than", "8h"]),
        [a.ap, a.adnani, a.officials]
    );
    assert_eq!(
        ids(ledger, &["--since", "2014-06-12", "--older-than", "8h"]),
        [a.adnani, a.officials]
    );

    // Filters combine.
    assert_eq!(
        ids(ledger, &["--via", "reuters", "--since", "6h"]),
        [a.yawar]
    );
    assert_eq!(
        ids(ledger, &["--by", "Jabbar Yawar", "--search", "march"]),
        Vec::<i64>::new()
    );
}

fn an_unknown_name_in_a_filter_is_an_error_not_an_empty_list(ledger: &Ledger) {
    log_article(ledger);
    let out = ledger
        .cmd()
        .args(["list", "--by", "Yasseen"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no claimant named \"Yasseen\" (did you mean \"Fareed Yasseen\"?)"),
        "{err}"
    );
}

/// The article's claims at the statuses the report test needs:
/// AP disputed, Adnani unverified, officials retracted, Yasseen verified, Yawar false.
fn settle_some(ledger: &Ledger, a: &Article) {
    for (id, status) in [
        (a.ap, "disputed"),
        (a.officials, "retracted"),
        (a.yasseen, "verified"),
        (a.yawar, "false"),
    ] {
        run(ledger, &["mark", &id.to_string(), status]);
    }
}

fn the_report_counts_each_claimant_and_outlet_by_status_with_shares_of_settled_claims(
    ledger: &Ledger,
) {
    let a = log_article(ledger);
    settle_some(ledger, &a);
    let report = json(ledger, &["report"]);
    let keys: Vec<&String> = report.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["claimants", "outlets"]);

    // Outlets: most claims first, then by name.
    let outlets = &report["outlets"];
    assert_eq!(
        names(outlets),
        [
            "NBC News",
            "Reuters",
            "France Inter",
            "SITE Intelligence Group"
        ]
    );
    let nbc = named_row(outlets, "NBC News");
    assert_eq!(nbc["claims"], 5);
    assert_eq!(
        nbc["by_status"],
        json!({"unverified": 1, "corroborated": 0, "disputed": 1,
               "verified": 1, "false": 1, "retracted": 1})
    );
    // Settled: one verified, one false, one retracted; retracted counts as false.
    assert_share(nbc, "verified_share", 1.0 / 3.0);
    assert_share(nbc, "false_share", 2.0 / 3.0);
    assert_eq!(nbc["oldest_open_at"], AP_LOGGED);

    let reuters = named_row(outlets, "Reuters");
    assert_eq!(reuters["claims"], 2);
    assert_eq!(reuters["by_status"]["verified"], 1);
    assert_eq!(reuters["by_status"]["false"], 1);
    assert_share(reuters, "verified_share", 0.5);
    assert_share(reuters, "false_share", 0.5);
    assert_eq!(reuters["oldest_open_at"], Value::Null);

    let site = named_row(outlets, "SITE Intelligence Group");
    assert_eq!(site["claims"], 1);
    assert_eq!(site["verified_share"], Value::Null);
    assert_eq!(site["false_share"], Value::Null);
    assert_eq!(site["oldest_open_at"], ADNANI_LOGGED);

    let france_inter = named_row(outlets, "France Inter");
    assert_share(france_inter, "verified_share", 1.0);
    assert_share(france_inter, "false_share", 0.0);

    // Claimants: one claim each, so by name.
    let claimants = &report["claimants"];
    assert_eq!(
        names(claimants),
        [
            "Abu Muhammad al-Adnani",
            "Fareed Yasseen",
            "Jabbar Yawar",
            "The Associated Press",
            "U.S. officials",
        ]
    );
    let ap = named_row(claimants, "The Associated Press");
    assert_eq!(ap["claims"], 1);
    assert_eq!(ap["by_status"]["disputed"], 1);
    assert_eq!(ap["verified_share"], Value::Null);
    assert_eq!(ap["oldest_open_at"], AP_LOGGED);
    let officials = named_row(claimants, "U.S. officials");
    assert_eq!(officials["by_status"]["retracted"], 1);
    assert_share(officials, "verified_share", 0.0);
    assert_share(officials, "false_share", 1.0);
    assert_eq!(officials["oldest_open_at"], Value::Null);
    let yasseen = named_row(claimants, "Fareed Yasseen");
    assert_share(yasseen, "verified_share", 1.0);
    assert_share(yasseen, "false_share", 0.0);

    // Every row: all six statuses present, and they add up to the claims.
    for row in claimants
        .as_array()
        .unwrap()
        .iter()
        .chain(outlets.as_array().unwrap())
    {
        let by_status = row["by_status"].as_object().expect("by_status object");
        assert_eq!(by_status.len(), 6, "{row:#}");
        let total: u64 = by_status.values().map(|n| n.as_u64().unwrap()).sum();
        assert_eq!(Some(total), row["claims"].as_u64(), "{row:#}");
    }
}

fn the_report_can_show_one_group_and_one_story(ledger: &Ledger) {
    let a = log_article(ledger);
    settle_some(ledger, &a);

    let outlets_only = json(ledger, &["report", "--group", "outlet"]);
    let keys: Vec<&String> = outlets_only.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["outlets"]);
    assert_eq!(
        outlets_only["outlets"],
        json(ledger, &["report"])["outlets"]
    );

    let claimants_only = json(ledger, &["report", "--group", "claimant"]);
    let keys: Vec<&String> = claimants_only.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["claimants"]);

    let parliament = json(ledger, &["report", "--story", "iraq-parliament"]);
    assert_eq!(names(&parliament["claimants"]), ["The Associated Press"]);
    assert_eq!(names(&parliament["outlets"]), ["NBC News"]);
    assert_eq!(parliament["outlets"][0]["claims"], 1);
    assert_eq!(parliament["outlets"][0]["by_status"]["disputed"], 1);

    let main_story = json(
        ledger,
        &["report", "--story", "iraq-2014", "--group", "outlet"],
    );
    let nbc = named_row(&main_story["outlets"], "NBC News");
    assert_eq!(nbc["claims"], 4);
    assert_eq!(nbc["oldest_open_at"], ADNANI_LOGGED);
}

fn the_report_counts_a_claim_once_per_outlet_however_often_it_came_through(ledger: &Ledger) {
    let a = log_article(ledger);
    run(
        ledger,
        &[
            "cite",
            &a.officials.to_string(),
            "--by",
            "Fareed Yasseen",
            "--via",
            "France Inter",
            "--via",
            "Reuters",
            "--via",
            "NBC News",
        ],
    );
    // The officials' claim now reached NBC News twice, and Yasseen is named twice.
    let report = json(ledger, &["report"]);
    let nbc = named_row(&report["outlets"], "NBC News");
    assert_eq!(nbc["claims"], 5);
    assert_eq!(nbc["by_status"]["unverified"], 5);
    assert_eq!(named_row(&report["outlets"], "Reuters")["claims"], 3);
    assert_eq!(named_row(&report["outlets"], "France Inter")["claims"], 2);
    assert_eq!(
        named_row(&report["claimants"], "Fareed Yasseen")["claims"],
        2
    );
    assert_eq!(
        named_row(&report["claimants"], "U.S. officials")["claims"],
        1
    );
}

fn csv_has_a_header_and_one_row_per_claim(ledger: &Ledger) {
    let a = log_article(ledger);
    run(
        ledger,
        &[
            "cite",
            &a.officials.to_string(),
            "--by",
            "Fareed Yasseen",
            "--via",
            "France Inter",
            "--via",
            "Reuters",
            "--via",
            "NBC News",
        ],
    );
    run(ledger, &["mark", &a.yasseen.to_string(), "verified"]);

    let text = run(ledger, &["list", "--all", "--format", "csv"]);
    assert_eq!(
        text.lines().next(),
        Some(
            "id,uid,status,story,made_at,logged_at,logged_by,independent_sources,claimant,via,text"
        )
    );
    let records = parse_csv(&text);
    assert_eq!(records.len(), 6, "{text}");
    assert!(records.iter().all(|r| r.len() == 11), "{records:?}");
    let row = |id: i64| {
        records
            .iter()
            .find(|r| r[0] == id.to_string())
            .unwrap_or_else(|| panic!("no CSV row for claim {id}: {text}"))
    };

    let yasseen = row(a.yasseen);
    assert_eq!(yasseen[2], "verified");
    assert_eq!(yasseen[3], "iraq-2014");
    assert_eq!(yasseen[4], "2014-06-12T00:00:00Z");
    assert_eq!(yasseen[5], YASSEEN_LOGGED);
    assert_eq!(yasseen[6], "tester");
    assert_eq!(yasseen[7], "1");
    assert_eq!(yasseen[8], "Fareed Yasseen");
    assert_eq!(yasseen[9], "France Inter > Reuters > NBC News");
    assert_eq!(yasseen[10], YASSEEN_TEXT, "commas and quotes survive");
    assert_eq!(yasseen[1], show(ledger, a.yasseen)["uid"]);

    let officials = row(a.officials);
    assert_eq!(officials[7], "2");
    assert_eq!(officials[8], "U.S. officials; Fareed Yasseen");
    assert_eq!(officials[9], "NBC News; France Inter > Reuters > NBC News");

    // The default list is the open claims only, in CSV too.
    let open = run(ledger, &["list", "--format", "csv"]);
    assert_eq!(parse_csv(&open).len(), 5, "{open}");
}

fn tables_show_what_a_reporter_reads(ledger: &Ledger) {
    let a = log_article(ledger);
    settle_some(ledger, &a);

    // Unlimited width, so that each row is one line to take apart.
    let list = run(ledger, &["--wide", "list"]);
    let row = list
        .lines()
        .find(|l| l.contains("March to Baghdad"))
        .unwrap_or_else(|| panic!("Adnani's claim missing from\n{list}"));
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[0], a.adnani.to_string(), "{row}");
    assert_eq!(cells[1..3], ["11h", "30m"], "age at noon: {row}");
    assert_eq!(cells[3], "unverified", "{row}");
    assert!(row.contains("Abu Muhammad al-Adnani"), "{row}");
    assert!(row.contains("SITE Intelligence Group → NBC News"), "{row}");
    assert!(row.contains(ADNANI_TEXT), "{row}");
    assert!(list.contains("disputed"), "{list}");
    assert!(!list.contains("Kirkuk"), "Yawar's claim is settled: {list}");
    assert_eq!(list.lines().last(), Some("2 claims"));

    let report = run(ledger, &["--wide", "report"]);
    let lines: Vec<&str> = report.lines().collect();
    assert!(lines.contains(&"Claimants"), "{report}");
    assert!(lines.contains(&"Outlets"), "{report}");
    let nbc: Vec<&str> = lines
        .iter()
        .find(|l| l.trim_start().starts_with("NBC News"))
        .unwrap_or_else(|| panic!("no NBC News row in\n{report}"))
        .split_whitespace()
        .collect();
    // name, claims, unv cor dis ver fal ret, %ver, %fal, oldest open
    assert_eq!(
        nbc,
        [
            "NBC", "News", "5", "1", "0", "1", "1", "1", "1", "33%", "67%", "1d", "2h"
        ]
    );

    let show = run(ledger, &["show", &a.yawar.to_string()]);
    assert!(
        show.starts_with(&format!("Claim {} · false · 1 independent source", a.yawar)),
        "{show}"
    );
    assert!(show.contains("Reuters → NBC News"), "{show}");
}

fn an_unknown_outlet_is_created_on_the_fly_and_said_so(ledger: &Ledger) {
    log_article(ledger);
    let out = run(
        ledger,
        &[
            "add",
            "Terrorism must not be allowed to succeed in undoing the path towards democracy in Iraq.",
            "--by",
            "Ban Ki-moon",
            "--role",
            "Secretary-General",
            "--affiliation",
            "United Nations",
            "--medium",
            "statement",
            "--via",
            "Le Monde",
        ],
    );
    assert!(out.contains("new outlet \"Le Monde\" (other)"), "{out}");
    let id = logged_id(&out);
    assert_eq!(chains(&show(ledger, id)), [["Le Monde"]]);

    let outlets = json(ledger, &["outlets"]);
    assert_eq!(
        *named_row(&outlets, "Le Monde"),
        json!({"name": "Le Monde", "kind": "other", "aliases": [], "claims": 1, "open": 1})
    );

    // Named again, in another case, it is the same outlet and nothing new is announced.
    let out = run(
        ledger,
        &[
            "cite",
            &id.to_string(),
            "--by",
            "Ban Ki-moon",
            "--via",
            "le monde",
        ],
    );
    assert!(!out.contains("new outlet"), "{out}");
    assert_eq!(chains(&show(ledger, id)), [["Le Monde"], ["Le Monde"]]);
}

/// Stories that differ only in case are one story, shown under the first spelling in byte
/// order, with its claims and open claims counted from the same statuses on both backends.
fn stories_are_counted_whatever_their_case(ledger: &Ledger) {
    assert!(ledger.ok(&["stories"]).starts_with("no stories yet"));
    let id = ledger.add(&[
        "Kirkuk has fallen",
        "--by",
        "Jabbar Yawar",
        "--story",
        "iraq-2014",
    ]);
    ledger.add(&["Tikrit fell", "--by", "Officials", "--story", "Iraq-2014"]);
    ledger.add(&["Mosul fell", "--by", "Officials", "--story", "mosul"]);
    ledger.ok(&["mark", &id.to_string(), "verified"]);
    assert_eq!(
        ledger.json(&["stories"]),
        serde_json::json!([
            {"story": "Iraq-2014", "claims": 2, "open": 1},
            {"story": "mosul", "claims": 1, "open": 1},
        ])
    );
}

on_both_backends!(
    stories_are_counted_whatever_their_case,
    adnanis_recording_is_logged_with_every_field_and_its_chain_under_canonical_names,
    the_articles_claims_keep_their_relay_chains_nearest_the_claimant_first,
    cite_counts_corroboration_by_independent_origin,
    marking_settles_a_claim_and_every_status_event_is_kept_in_order,
    marking_a_claim_that_does_not_exist_fails_and_says_so,
    list_filters_narrow_by_claimant_outlet_story_text_count_and_time,
    an_unknown_name_in_a_filter_is_an_error_not_an_empty_list,
    the_report_counts_each_claimant_and_outlet_by_status_with_shares_of_settled_claims,
    the_report_can_show_one_group_and_one_story,
    the_report_counts_a_claim_once_per_outlet_however_often_it_came_through,
    csv_has_a_header_and_one_row_per_claim,
    tables_show_what_a_reporter_reads,
    an_unknown_outlet_is_created_on_the_fly_and_said_so,
);
