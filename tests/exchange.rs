//! Import and export: lossless round trips through claimtrail's JSON and JSONL (the demo
//! ledger with merges and corrections, and 10,000 generated claims), idempotent re-imports,
//! merging two desks' ledgers, all-or-nothing imports of bad files, reporters' CSV sheets,
//! confidential claimants kept out of exports, and the files an export leaves behind.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use common::Ledger;
use serde_json::{Value, json};

/// "Now" for every command unless a test moves the clock itself.
const NOW: &str = "2014-06-12T12:00:00Z";

/// How a run ended and what it printed.
struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_with(ledger: &Ledger, now: &str, args: &[&str], stdin: Option<&[u8]>) -> Ran {
    let mut cmd = ledger.cmd();
    cmd.env("CLAIMTRAIL_NOW", now).args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    }
    let out = cmd.output().expect("run claimtrail");
    Ran {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

fn run(ledger: &Ledger, args: &[&str]) -> Ran {
    run_with(ledger, NOW, args, None)
}

/// Runs at `now`, expects success, returns stdout.
fn ok_at(ledger: &Ledger, now: &str, args: &[&str]) -> String {
    let ran = run_with(ledger, now, args, None);
    assert_eq!(
        ran.code,
        Some(0),
        "claimtrail {args:?} failed: {}",
        ran.stderr
    );
    ran.stdout
}

fn ok(ledger: &Ledger, args: &[&str]) -> String {
    ok_at(ledger, NOW, args)
}

/// Expects success and nothing at all on stderr (no progress bar, no note), returns stdout.
fn quiet(ledger: &Ledger, args: &[&str]) -> String {
    let ran = run(ledger, args);
    assert_eq!(
        ran.code,
        Some(0),
        "claimtrail {args:?} failed: {}",
        ran.stderr
    );
    assert_eq!(ran.stderr, "", "claimtrail {args:?} wrote to stderr");
    ran.stdout
}

fn json_of(ledger: &Ledger, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(ledger, &all)).expect("valid JSON")
}

fn text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// A file beside the ledger.
fn file(ledger: &Ledger, name: &str) -> PathBuf {
    ledger.dir.path().join(name)
}

/// `export --reveal -o NAME` plus `extra`; checks the message and the quiet stderr.
fn export(ledger: &Ledger, name: &str, extra: &[&str]) -> PathBuf {
    let path = file(ledger, name);
    let mut args = vec!["export", "--reveal", "-o", arg(&path)];
    args.extend_from_slice(extra);
    let out = quiet(ledger, &args);
    let expected = format!("claims to {}\n", path.display());
    assert!(
        out.starts_with("exported ") && out.ends_with(&expected),
        "{out}"
    );
    path
}

/// `import FILE`, expecting success and a quiet stderr; returns the summary line.
fn import(ledger: &Ledger, path: &Path) -> String {
    quiet(ledger, &["import", arg(path)]).trim_end().to_owned()
}

/// Who `ledger` records as having logged a row it imported that the file says `who` logged:
/// a local ledger keeps the file's word, while a desk server stamps every row with the login
/// that wrote it, whatever a client sends (here `tester`, the login `cmd()` uses).
fn imported_by<'a>(ledger: &Ledger, who: &'a str) -> &'a str {
    if ledger.desk.is_some() { "tester" } else { who }
}

/// Makes the (empty) ledger the demo ledger, built at NOW.
fn demo(ledger: &Ledger) {
    ok(ledger, &["demo", "--db", arg(ledger.path())]);
}

/// A command's arguments written joined by `|`.
fn words(step: &str) -> Vec<&str> {
    step.split('|').collect()
}

/// Runs each step, written as its arguments joined by `|`.
fn steps(ledger: &Ledger, steps: &[&str]) {
    for step in steps {
        ok(ledger, &words(step));
    }
}

/// The demo ledger after a day's housekeeping: a claimant merged into the confidential
/// one, an outlet logged on the fly and merged into a known one, an alias, corrections
/// (text twice, story and date) and a status change with evidence.
fn busy_demo(ledger: &Ledger) {
    demo(ledger);
    steps(
        ledger,
        &[
            "sources|merge|U.S. officials|Senior U.S. defense official",
            "cite|10|--by|Jabbar Yawar|--via|Rudaw|--via|Reuters News|--url|https://rudaw.example/k",
            "outlets|merge|Reuters News|Reuters",
            "sources|edit|Fareed Yasseen|--alias|Ambassador Yasseen",
            "edit|11|--text|\"No Iraqi army remains in Kirkuk.\"|--note|checked against the tape",
            "edit|11|--text|“No Iraqi army remains in Kirkuk,” said Yawar.",
            "edit|3|--story|iraq-parliament|--made-at|2014-06-11 18:00",
            "mark|4|corroborated|--note|a second monitor has it|--evidence|https://monitor.example/1",
            "mark|4|corroborated|--evidence|https://monitor.example/2|--evidence|https://m.example/3",
        ],
    );
}

/// Every claim as `show --reveal --format json` gives it, in id order.
fn shows(ledger: &Ledger) -> Vec<Value> {
    ids(ledger)
        .iter()
        .map(|id| json_of(ledger, &["show", &id.to_string(), "--reveal"]))
        .collect()
}

fn list_all(ledger: &Ledger) -> Vec<Value> {
    json_of(ledger, &["list", "--all", "--reveal"])
        .as_array()
        .expect("a list")
        .clone()
}

fn ids(ledger: &Ledger) -> Vec<i64> {
    list_all(ledger)
        .iter()
        .map(|c| c["id"].as_i64().expect("id"))
        .collect()
}

/// Everything a user can read about the ledger's contents.
fn state(ledger: &Ledger) -> Vec<Value> {
    let mut all = vec![
        Value::Array(list_all(ledger)),
        json_of(ledger, &["sources", "--reveal"]),
        json_of(ledger, &["outlets", "--all"]),
    ];
    all.extend(shows(ledger));
    all
}

/// Everything the ledger holds (a file's bytes, a desk's whole export) and what a user can
/// read of it, taken after a read so a file is settled.
fn snapshot(ledger: &Ledger) -> (Vec<u8>, Vec<Value>) {
    let seen = state(ledger);
    (ledger.snapshot(), seen)
}

fn assert_unchanged(ledger: &Ledger, before: &(Vec<u8>, Vec<Value>), what: &str) {
    let after = snapshot(ledger);
    assert!(after.1 == before.1, "{what}: the ledger's contents changed");
    assert!(after.0 == before.0, "{what}: what the ledger holds changed");
}

fn history(ledger: &Ledger, id: i64) -> Vec<Value> {
    json_of(ledger, &["show", &id.to_string(), "--reveal"])["history"]
        .as_array()
        .expect("history")
        .clone()
}

/// The id of the one claim whose text has these words.
fn id_of(ledger: &Ledger, words: &str) -> i64 {
    let found = json_of(ledger, &["list", "--all", "--search", words]);
    let found = found.as_array().expect("a list");
    assert_eq!(found.len(), 1, "claims with {words:?}: {found:?}");
    found[0]["id"].as_i64().expect("id")
}

fn claimant_names(ledger: &Ledger) -> Vec<String> {
    names(&json_of(ledger, &["sources", "--reveal"]))
}

fn outlet_names(ledger: &Ledger) -> Vec<String> {
    names(&json_of(ledger, &["outlets", "--all"]))
}

/// The names in a `sources` or `outlets` listing, sorted (listings sort by counts).
fn names(list: &Value) -> Vec<String> {
    let mut names: Vec<String> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["name"].as_str().expect("name").to_owned())
        .collect();
    names.sort();
    names
}

fn round_trip(a: &Ledger, ext: &str) {
    busy_demo(a);
    let first = export(a, &format!("a.{ext}"), &[]);

    let b = a.another();
    let summary = import(&b, &first);
    assert!(
        summary.starts_with(&format!(
            "imported {}: 11 new claims, 14 attributions, 21 status events, 4 corrections, ",
            first.display()
        )),
        "{summary}"
    );
    let second = export(&b, &format!("b.{ext}"), &[]);

    assert!(
        fs::read(&first).unwrap() == fs::read(&second).unwrap(),
        "the {ext} exports differ:\n{}\n---\n{}",
        text(&first),
        text(&second)
    );
    // What the merges folded in is kept, with what each attribution was logged under.
    let exported = text(&first);
    for kept in [
        r#""recorded_as":"U.S. officials""#,
        r#""via_recorded_as":[null,"Reuters News"]"#,
        r#""merged":[{"name":"Reuters News","kind":"other"}]"#,
    ] {
        assert!(exported.contains(kept), "{kept} is not in the {ext} export");
    }
    assert_eq!(ids(a), ids(&b));
    for (id, (left, right)) in ids(a).iter().zip(shows(a).iter().zip(shows(&b))) {
        assert_eq!(*left, right, "show {id} differs after the {ext} round trip");
    }
    assert_eq!(
        json_of(a, &["sources", "--reveal"]),
        json_of(&b, &["sources", "--reveal"])
    );
    assert_eq!(
        json_of(a, &["outlets", "--all"]),
        json_of(&b, &["outlets", "--all"])
    );
}

fn json_round_trip_of_the_demo_ledger_is_byte_identical(ledger: &Ledger) {
    round_trip(ledger, "json");
}

fn jsonl_round_trip_of_the_demo_ledger_is_byte_identical(ledger: &Ledger) {
    round_trip(ledger, "jsonl");
}

// ---------------------------------------------------------------------------------------
// 10,000 generated claims

const CLAIMS: usize = 10_000;
const STATUSES: [&str; 6] = [
    "unverified",
    "corroborated",
    "verified",
    "disputed",
    "false",
    "retracted",
];
const REPORTERS: [&str; 4] = ["tester", "Zoë Ødegaard", "Łukasz", "记者"];
const NEW_OUTLETS: [(&str, &str); 6] = [
    ("Rudaw", "broadcaster"),
    ("Kurdistan 24", "online"),
    ("Al Sumaria", "broadcaster"),
    ("Ахбар Медиа", "online"),
    ("Νέα Εφημερίδα", "newspaper"),
    ("Αγγελιοφόρος", "other"),
];
const KNOWN_OUTLETS: [&str; 5] = [
    "Reuters",
    "NBC News",
    "Associated Press",
    "SITE Intelligence Group",
    "France Inter",
];

/// A small deterministic generator (xorshift), so a failure can be reproduced.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn chance(&mut self, in_ten: usize) -> bool {
        self.below(10) < in_ten
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Seconds after 2014-06-01 as stored: RFC 3339, UTC, second precision.
fn at(seconds: usize) -> String {
    const JUNE_2014: i64 = 1_401_580_800;
    chrono::DateTime::from_timestamp(JUNE_2014 + seconds as i64, 0)
        .expect("a time")
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

fn generated_claimants() -> Vec<Value> {
    let people = [
        "Abū Muḥammad al-ʿAdnānī",
        "Фарид Ясин",
        "李明",
        "Ζωή Κωνσταντίνου",
        "José Núñez",
        "محمد العلي",
        "Jabbar Yawar",
        "Ayşe Öztürk",
    ];
    let kinds = ["person", "official", "organization", "anonymous"];
    people
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let aliases: Vec<String> = if i % 3 == 0 {
                vec![format!("{name} (alias)")]
            } else {
                Vec::new()
            };
            json!({
                "name": name,
                "role": (i % 2 == 0).then(|| format!("spokesperson №{i}")),
                "affiliation": (i % 4 != 1).then(|| format!("Ministry «{i}»")),
                "kind": kinds[i % kinds.len()],
                "confidential": i == 5,
                "aliases": aliases,
            })
        })
        .collect()
}

fn generated_outlets() -> Vec<Value> {
    NEW_OUTLETS
        .iter()
        .enumerate()
        .map(|(i, (name, kind))| {
            let aliases: Vec<String> = if i % 2 == 0 {
                vec![format!("{name} TV")]
            } else {
                Vec::new()
            };
            json!({"name": name, "kind": kind, "aliases": aliases})
        })
        .collect()
}

/// Totals the import should report.
#[derive(Default)]
struct Totals {
    attributions: usize,
    events: usize,
    edits: usize,
}

/// One claim record as an export writes it: nulls for missing values, `edits` only when
/// there are some.
fn generated_claim(i: usize, dice: &mut Dice, claimants: &[&str], totals: &mut Totals) -> Value {
    let logged = i * 600;
    let uid = format!("{i:08x}-0000-4000-8000-{i:012x}");
    let by = dice.pick(&REPORTERS);
    let mut story = (i % 4 != 0).then(|| format!("story-{}", i % 9));
    let mut made_at = dice.chance(7).then(|| at(logged.saturating_sub(3600)));
    let mut text = format!(
        "Claim {i}: «{}» — 市民 {} said \"the bridge at {} is {}\" · ünïcödé ✓",
        dice.pick(&["Mosul", "Tikrit", "Kirkuk", "Baghdad", "Samarra"]),
        dice.below(1000),
        dice.pick(&["north", "south", "east"]),
        dice.pick(&["open", "closed", "contested"]),
    );
    if i % 17 == 0 {
        text.push_str("\nSecond line, with a comma, and a tab\there.");
    }

    let attributions: Vec<Value> = (0..1 + dice.below(3))
        .map(|n| {
            let mut chain: Vec<&str> = Vec::new();
            for _ in 0..dice.below(4) {
                let outlet = if dice.chance(5) {
                    NEW_OUTLETS[dice.below(NEW_OUTLETS.len())].0
                } else {
                    dice.pick(&KNOWN_OUTLETS)
                };
                if !chain.contains(&outlet) {
                    chain.push(outlet);
                }
            }
            json!({
                "claimant": dice.pick(claimants),
                "via": chain,
                "medium": dice.chance(3).then_some("radio interview"),
                "made_at": made_at.clone(),
                "url": dice.chance(4).then(|| format!("https://news.example/{i}/{n}")),
                "logged_at": at(logged + n * 60),
                "logged_by": dice.pick(&REPORTERS),
            })
        })
        .collect();

    let mut when = logged;
    let history: Vec<Value> = (0..1 + dice.below(4))
        .map(|n| {
            if n > 0 {
                when += 1 + dice.below(7200);
            }
            let evidence: Vec<String> = (0..dice.below(3))
                .map(|e| format!("https://evidence.example/{i}/{n}/{e}"))
                .collect();
            json!({
                "status": if n == 0 { "unverified" } else { dice.pick(&STATUSES) },
                "at": at(when),
                "by": dice.pick(&REPORTERS),
                "note": dice.chance(6).then(|| format!("note {n} on claim {i}: “checked”")),
                "evidence": evidence,
            })
        })
        .collect();
    let status = history.last().unwrap()["status"].clone();

    // Corrections, oldest first, each replacing the value the one before left.
    let mut edits = Vec::new();
    let mut edit_at = logged + 30;
    let mut edit = |field: &str, old: Value, new: Value| {
        edit_at += 1 + dice.below(600);
        edits.push(json!({
            "field": field,
            "old_value": old,
            "new_value": new,
            "at": at(edit_at),
            "by": dice.pick(&REPORTERS),
            "note": (edit_at % 2 == 0).then_some("correction"),
        }));
    };
    if i % 5 == 0 {
        for round in 1..=1 + i % 2 {
            let corrected = format!("{text} (corrected ×{round})");
            edit("text", json!(text), json!(corrected));
            text = corrected;
        }
    }
    if i % 11 == 0 {
        let moved = Some(format!("moved-{}", i % 3));
        edit("story", json!(story), json!(moved));
        story = moved;
    }
    if i % 13 == 0 {
        let redated = Some(at(logged + 7));
        edit("made_at", json!(made_at), json!(redated));
        made_at = redated;
    }

    totals.attributions += attributions.len();
    totals.events += history.len();
    totals.edits += edits.len();
    let mut claim = json!({
        "uid": uid,
        "text": text,
        "story": story,
        "made_at": made_at,
        "logged_at": at(logged),
        "logged_by": by,
        "status": status,
        "attributions": attributions,
        "history": history,
    });
    if !edits.is_empty() {
        claim["edits"] = Value::Array(edits);
    }
    claim
}

/// A claim record as `ledger` holds it once imported: who logged the claim, each
/// attribution, each status event and each correction as `imported_by` says.
fn as_imported(ledger: &Ledger, mut claim: Value) -> Value {
    let stamp = |record: &mut Value, field: &str| {
        let who = imported_by(ledger, record[field].as_str().expect("a name")).to_owned();
        record[field] = json!(who);
    };
    stamp(&mut claim, "logged_by");
    for (list, field) in [
        ("attributions", "logged_by"),
        ("history", "by"),
        ("edits", "by"),
    ] {
        if let Some(records) = claim.get_mut(list).and_then(Value::as_array_mut) {
            records.iter_mut().for_each(|r| stamp(r, field));
        }
    }
    claim
}

/// Sorts a record's aliases, whose order an export does not promise.
fn with_sorted_aliases(mut record: Value) -> Value {
    if let Some(aliases) = record["aliases"].as_array_mut() {
        aliases.sort_by_key(|a| a.as_str().unwrap_or_default().to_owned());
    }
    record
}

/// The records of a JSONL export: claimants, outlets and claims.
fn jsonl_records(path: &Path) -> (Vec<Value>, Vec<Value>, Vec<Value>) {
    let (mut claimants, mut outlets, mut claims) = (Vec::new(), Vec::new(), Vec::new());
    let content = text(path);
    let mut lines = content.lines();
    assert_eq!(lines.next(), Some(r#"{"claimtrail":1}"#));
    for line in lines {
        let record: Value = serde_json::from_str(line).expect("a JSON line");
        let (tag, body) = record.as_object().unwrap().iter().next().unwrap();
        match tag.as_str() {
            "claimant" => claimants.push(body.clone()),
            "outlet" => outlets.push(body.clone()),
            "claim" => claims.push(body.clone()),
            other => panic!("unexpected record {other}"),
        }
    }
    (claimants, outlets, claims)
}

fn ten_thousand_generated_claims_round_trip_losslessly(one: &Ledger) {
    let started = Instant::now();
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let claimants = generated_claimants();
    let outlets = generated_outlets();
    let claimant_pool: Vec<&str> = claimants
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    let mut totals = Totals::default();
    let claims: Vec<Value> = (0..CLAIMS)
        .map(|i| generated_claim(i, &mut dice, &claimant_pool, &mut totals))
        .collect();
    let mut lines = vec![json!({"claimtrail": 1}).to_string()];
    lines.extend(claimants.iter().map(|c| json!({"claimant": c}).to_string()));
    lines.extend(outlets.iter().map(|o| json!({"outlet": o}).to_string()));
    lines.extend(claims.iter().map(|c| json!({"claim": c}).to_string()));
    let generated = file(one, "generated.jsonl");
    fs::write(&generated, lines.join("\n") + "\n").unwrap();
    let generating = started.elapsed();

    let step = Instant::now();
    assert_eq!(
        import(one, &generated),
        format!(
            "imported {}: {CLAIMS} new claims, {} attributions, {} status events, {} corrections, {} new claimants, {} new outlets",
            generated.display(),
            totals.attributions,
            totals.events,
            totals.edits,
            claimants.len(),
            outlets.len()
        )
    );
    let first_import = step.elapsed();

    let step = Instant::now();
    let first = export(one, "one.jsonl", &[]);
    let first_export = step.elapsed();

    let two = one.another();
    let step = Instant::now();
    import(&two, &first);
    let second_import = step.elapsed();
    let second = export(&two, "two.jsonl", &[]);

    assert!(
        fs::read(&first).unwrap() == fs::read(&second).unwrap(),
        "the two exports of the generated ledger differ"
    );
    let counted = format!(
        "ok: {CLAIMS} claims, {} attributions, {} status events, {} edits; ",
        totals.attributions, totals.events, totals.edits
    );
    for ledger in [one, &two] {
        let checked = quiet(ledger, &["check"]);
        assert!(checked.starts_with(&counted), "{checked}");
    }

    // What went in is what came out, claim by claim and name by name.
    let (exported_claimants, exported_outlets, exported_claims) = jsonl_records(&first);
    assert_eq!(exported_claims.len(), CLAIMS);
    for (i, (wrote, read)) in claims.iter().zip(&exported_claims).enumerate() {
        assert_eq!(
            as_imported(one, wrote.clone()),
            *read,
            "claim {i} changed on the way through"
        );
    }
    let exported_claimants: Vec<Value> = exported_claimants
        .into_iter()
        .map(with_sorted_aliases)
        .collect();
    assert_eq!(exported_claimants.len(), claimants.len());
    for claimant in &claimants {
        let claimant = with_sorted_aliases(claimant.clone());
        assert!(
            exported_claimants.contains(&claimant),
            "{claimant} is not in the export"
        );
    }
    for outlet in &outlets {
        assert!(
            exported_outlets.contains(outlet),
            "{outlet} is not in the export"
        );
    }
    eprintln!(
        "10,000 claims: generate {generating:.2?}, import {first_import:.2?}, export {first_export:.2?}, \
         re-import {second_import:.2?}, whole test {:.2?}",
        started.elapsed()
    );
}

// ---------------------------------------------------------------------------------------
// Idempotence

fn importing_the_same_file_twice_adds_nothing_the_second_time(source: &Ledger) {
    busy_demo(source);
    for ext in ["json", "jsonl"] {
        let exported = export(source, &format!("all.{ext}"), &[]);
        let ledger = source.another();
        assert!(import(&ledger, &exported).contains("11 new claims"));
        let before = state(&ledger);
        assert_eq!(
            import(&ledger, &exported),
            format!(
                "imported {}: nothing new; 11 claims were already here",
                exported.display()
            )
        );
        assert!(
            state(&ledger) == before,
            "a second {ext} import changed the ledger"
        );
        // Nor does the ledger it came from gain anything.
        let before = state(source);
        assert_eq!(
            import(source, &exported),
            format!(
                "imported {}: nothing new; 11 claims were already here",
                exported.display()
            )
        );
        assert!(state(source) == before);
    }
}

const SHEET: &str = "\
Text,CLAIMANT,Via,Status,Note,Made_At,Story,URL,Role,Affiliation
March to Baghdad,Abu Muhammad al-Adnani,SITE Intelligence Group > NBC News,disputed,\"recording not authenticated, per SITE\",2014-06-12,iraq-2014,https://site.example/adnani,spokesman,Islamic State in Iraq and the Levant
\"Kirkuk has fallen, \"\"all of it\"\",
and the army has gone\",Jabbar Yawar,AP,unverified,,2014-06-12 09:30,iraq-2014,,,
We need drones.,Fareed Yasseen,France Inter > Reuters,,,,,,,
";

fn a_reporters_sheet_imported_twice_adds_nothing_the_second_time(ledger: &Ledger) {
    let sheet = file(ledger, "sheet.csv");
    fs::write(&sheet, SHEET).unwrap();
    assert_eq!(
        import(ledger, &sheet),
        format!(
            "imported {}: 3 new claims, 3 attributions, 3 status events, 3 new claimants",
            sheet.display()
        )
    );
    let before = state(ledger);
    assert_eq!(
        import(ledger, &sheet),
        format!(
            "imported {}: nothing new; 3 claims were already here",
            sheet.display()
        )
    );
    assert!(state(ledger) == before, "a second sheet import changed it");
}

// ---------------------------------------------------------------------------------------
// Merging two desks' ledgers

/// 12 June 2014 at this hour.
fn hour(h: u32) -> String {
    format!("2014-06-12T{h:02}:00:00Z")
}

/// Runs `step` (arguments joined by `|`) as `who` (a login of that name on a desk) at
/// `h`:00; expects success and returns stdout.
fn as_at(ledger: &Ledger, who: &str, h: u32, step: &str) -> String {
    let args = words(step);
    let out = ledger
        .cmd_as(who)
        .env("CLAIMTRAIL_NOW", hour(h))
        .args(&args)
        .output()
        .expect("run claimtrail");
    assert!(
        out.status.success(),
        "claimtrail {args:?} as {who} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// The changes to the ISIS recording claim, in time order, alternating between the desks:
/// who (alice on A, bob on B), the hour, the status, a note and evidence ("" for none).
const BAGHDAD_CHANGES: [(&str, u32, &str, &str, &str); 4] = [
    ("alice", 13, "corroborated", "A: a second monitor", ""),
    ("bob", 14, "disputed", "B: voice doubted", ""),
    ("alice", 15, "verified", "", "https://a.example/voice"),
    ("bob", 16, "disputed", "B: still doubted", ""),
];

fn a_merge_brings_new_claims_and_status_events_in_time_order(a: &Ledger) {
    demo(a);
    let b = a.another();
    import(&b, &export(a, "start.json", &[]));
    let baghdad = id_of(a, "march on Baghdad");
    let kirkuk = id_of(a, "whole of Kirkuk");
    assert_eq!(id_of(&b, "march on Baghdad"), baghdad);
    assert_eq!(id_of(&b, "whole of Kirkuk"), kirkuk);

    let mut expected = history(&b, baghdad);
    for (who, h, status, note, evidence) in BAGHDAD_CHANGES {
        let desk = if who == "alice" { a } else { &b };
        let mut step = format!("mark|{baghdad}|{status}");
        if !note.is_empty() {
            step += &format!("|--note|{note}");
        }
        if !evidence.is_empty() {
            step += &format!("|--evidence|{evidence}");
        }
        as_at(desk, who, h, &step);
        let evidence: Vec<&str> = Some(evidence)
            .filter(|e| !e.is_empty())
            .into_iter()
            .collect();
        // Alice's events reach B by the import, Bob's are B's own.
        let by = if who == "alice" {
            imported_by(&b, who)
        } else {
            who
        };
        expected.push(json!({
            "status": status,
            "at": hour(h),
            "by": by,
            "note": Some(note).filter(|n| !n.is_empty()),
            "evidence": evidence,
        }));
    }
    as_at(
        &b,
        "bob",
        17,
        &format!("mark|{kirkuk}|verified|--note|B: confirmed"),
    );
    let add = "add|Peshmerga have entered Jalawla.|--by|Jabbar Yawar|--via|AP";
    let new = common::logged_id(&as_at(a, "alice", 18, add));
    as_at(a, "alice", 19, &format!("mark|{new}|corroborated"));

    let update = export(a, "update.json", &[]);
    assert_eq!(
        import(&b, &update),
        format!(
            "imported {}: 1 new claim, 1 attribution, 4 status events; 11 claims were already here",
            update.display()
        )
    );

    // A's events interleave with B's by time; B's own stay; nothing is doubled.
    assert_eq!(history(&b, baghdad), expected);
    let shown = json_of(&b, &["show", &baghdad.to_string()]);
    assert_eq!(shown["status"], "disputed", "B's 16:00 event is the latest");
    let kirkuk_history = history(&b, kirkuk);
    assert_eq!(kirkuk_history.len(), 2);
    assert_eq!(kirkuk_history[1]["note"], "B: confirmed");

    let jalawla = id_of(&b, "Jalawla");
    let shown = json_of(&b, &["show", &jalawla.to_string()]);
    assert_eq!(shown["status"], "corroborated");
    assert_eq!(shown["logged_by"], imported_by(&b, "alice"));
    assert_eq!(shown["logged_at"], hour(18));
    assert_eq!(shown["attributions"][0]["claimant"], "Jabbar Yawar");
    assert_eq!(shown["attributions"][0]["via"], json!(["Associated Press"]));
    assert_eq!(history(&b, jalawla).len(), 2);
    assert_eq!(list_all(&b).len(), 12);

    // The same update again changes nothing.
    let settled = state(&b);
    assert!(import(&b, &update).contains("nothing new; 12 claims were already here"));
    assert!(state(&b) == settled);
}

fn a_merge_matches_names_the_other_ledger_knows_as_aliases(a: &Ledger) {
    demo(a);
    let b = a.another();
    import(&b, &export(a, "start.json", &[]));
    steps(
        &b,
        &[
            "sources|edit|Fareed Yasseen|--alias|Ambassador Yasseen",
            "add|Mosul's governor has fled.|--by|Jabbar Yawar|--via|Rudaw Media Network",
            "outlets|edit|Rudaw Media Network|--alias|Rudaw",
        ],
    );
    let claimants_before = claimant_names(&b);
    let outlets_before = outlet_names(&b);

    // A, not knowing the aliases, logs under them.
    steps(
        a,
        &["add|We need drones now.|--by|Ambassador Yasseen|--via|Rudaw|--via|AP"],
    );
    let update = export(a, "update.json", &[]);
    assert_eq!(
        import(&b, &update),
        format!(
            "imported {}: 1 new claim, 1 attribution, 1 status event; 11 claims were already here",
            update.display()
        )
    );
    assert_eq!(claimant_names(&b), claimants_before);
    assert_eq!(outlet_names(&b), outlets_before);
    let shown = json_of(&b, &["show", &id_of(&b, "drones now").to_string()]);
    assert_eq!(shown["attributions"][0]["claimant"], "Fareed Yasseen");
    assert_eq!(
        shown["attributions"][0]["via"],
        json!(["Rudaw Media Network", "Associated Press"])
    );
}

fn names_renamed_in_one_ledger_are_not_duplicated_in_the_other(a: &Ledger) {
    demo(a);
    let b = a.another();
    import(&b, &export(a, "start.json", &[]));
    let claimants_before = claimant_names(&b);
    let outlets_before = outlet_names(&b);
    let shared_before = list_all(&b);

    // A renames; the old names stay A's aliases, and are B's names.
    steps(
        a,
        &[
            "sources|edit|Jabbar Yawar|--rename|Brig. Gen. Jabbar Yawar",
            "outlets|edit|Reuters|--rename|Reuters News Agency",
            "add|Peshmerga have entered Jalawla.|--by|Brig. Gen. Jabbar Yawar|--via|Reuters News Agency",
        ],
    );
    let update = export(a, "update.json", &[]);
    let summary = import(&b, &update);

    assert_eq!(
        claimant_names(&b),
        claimants_before,
        "B gained a duplicate claimant ({summary})"
    );
    assert_eq!(
        outlet_names(&b),
        outlets_before,
        "B gained a duplicate outlet ({summary})"
    );
    let shared_after: Vec<Value> = list_all(&b).into_iter().take(11).collect();
    assert!(
        shared_after == shared_before,
        "claims both ledgers had gained attributions ({summary})"
    );
    let shown = json_of(&b, &["show", &id_of(&b, "Jalawla").to_string()]);
    assert_eq!(shown["attributions"][0]["claimant"], "Jabbar Yawar");
    assert_eq!(shown["attributions"][0]["via"], json!(["Reuters"]));
}

// ---------------------------------------------------------------------------------------
// All or nothing

/// Puts something in the ledger, to show a failed import leaves it as it was.
fn target(ledger: &Ledger) {
    steps(ledger, &["add|Already here.|--by|Someone|--via|CNN"]);
}

/// Imports `bad`, for real and as a dry run, expecting each to fail alike: exit 1, one line
/// naming one of `place` and `field`, the ledger unchanged. Returns what was wrong, so every
/// case is reported at once.
fn refused(ledger: &Ledger, bad: &Path, place: &[String], field: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut messages = Vec::new();
    for args in [
        vec!["import", arg(bad)],
        vec!["import", arg(bad), "--dry-run"],
    ] {
        let before = snapshot(ledger);
        let ran = run(ledger, &args);
        let message = ran.stderr.trim_end().to_owned();
        let mut fault = |what: String| wrong.push(format!("{args:?}: {what}; stderr: {message}"));
        if ran.code != Some(1) {
            fault(format!("exit {:?}", ran.code));
        }
        if !ran.stdout.is_empty() {
            fault(format!("stdout {:?}", ran.stdout));
        }
        if message.lines().count() != 1 || !message.starts_with("claimtrail: ") {
            fault("not one line".to_owned());
        }
        if !place.iter().any(|p| message.contains(p.as_str())) {
            fault(format!("no place (one of {place:?})"));
        }
        if !message.contains(field) {
            fault(format!("no field {field:?}"));
        }
        if snapshot(ledger) != before {
            fault("the ledger changed".to_owned());
        }
        messages.push(message);
    }
    if messages[0] != messages[1] {
        wrong.push(format!("the dry run failed differently: {messages:?}"));
    }
    wrong
}

type Spoil = fn(&mut Value);

/// Bad values for the third claim, and the field each names.
const SPOILS: &[(&str, Spoil)] = &[
    ("status", |c| c["status"] = json!("verfied")),
    ("made_at", |c| c["made_at"] = json!("2014-13-45")),
    ("logged_at", |c| c["logged_at"] = json!("yesterday")),
    ("attributions", |c| c["attributions"] = json!([])),
    ("history", |c| c["history"] = json!([])),
    ("status", |c| c["status"] = json!("false")),
    ("uid", |c| c["uid"] = json!("not-a-uid")),
    // Found only as the claim is written, after the claims read with it were gathered.
    ("placeholder", |c| {
        c["attributions"][0]["claimant"] = json!("confidential source #99")
    }),
];

/// The lines of an export with the third claim spoiled, and the 1-based line it is on.
fn spoiled(lines: &[&str], is_claim: fn(&str) -> bool, spoil: Spoil) -> (String, usize) {
    let index = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| is_claim(l))
        .nth(2)
        .expect("a third claim")
        .0;
    let line = lines[index];
    let (body, comma) = match line.strip_suffix(',') {
        Some(body) => (body, ","),
        None => (line, ""),
    };
    let mut record: Value = serde_json::from_str(body).expect("a record");
    match record.get_mut("claim") {
        Some(claim) => spoil(claim),
        None => spoil(&mut record),
    }
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    out[index] = format!("{record}{comma}");
    (out.join("\n") + "\n", index + 1)
}

fn bad_imports_write_nothing(source: &Ledger, ext: &str) {
    demo(source);
    let good = text(&export(source, &format!("good.{ext}"), &[]));
    let lines: Vec<&str> = good.lines().collect();
    let is_claim: fn(&str) -> bool = if ext == "json" {
        |l| l.starts_with("{\"uid\"")
    } else {
        |l| l.starts_with("{\"claim\":")
    };
    let ledger = source.another();
    target(&ledger);
    let mut problems = Vec::new();
    for (n, (field, spoil)) in SPOILS.iter().enumerate() {
        let (content, line) = spoiled(&lines, is_claim, *spoil);
        let bad = file(&ledger, &format!("bad-{n}.{ext}"));
        fs::write(&bad, content).unwrap();
        let place = if ext == "json" {
            vec![
                "claims record 3".to_owned(),
                "claims[2]".to_owned(),
                format!("line {line}"),
            ]
        } else {
            vec![format!("line {line}:"), format!("line {line}, column ")]
        };
        problems.extend(refused(&ledger, &bad, &place, field));
    }
    assert!(
        problems.is_empty(),
        "bad {ext} imports:\n{}",
        problems.join("\n")
    );
}

fn a_bad_claim_in_a_json_file_is_named_and_nothing_is_written(ledger: &Ledger) {
    bad_imports_write_nothing(ledger, "json");
}

fn a_bad_claim_in_a_jsonl_file_is_named_and_nothing_is_written(ledger: &Ledger) {
    bad_imports_write_nothing(ledger, "jsonl");
}

/// An import into an empty ledger sets some indexes aside while it loads and builds them
/// again at the end: a failure must put them back, and a success leave counts a recount
/// agrees with, as must an import into a ledger that already holds claims.
fn imports_into_empty_and_busy_ledgers_leave_sound_indexes(source: &Ledger) {
    busy_demo(source);
    let good = export(source, "good.jsonl", &[]);
    let lines = text(&good);
    let lines: Vec<&str> = lines.lines().collect();
    let (content, line) = spoiled(&lines, |l| l.starts_with("{\"claim\":"), SPOILS[0].1);

    let empty = source.another();
    quiet(&empty, &["check"]);
    let bad = file(&empty, "bad.jsonl");
    fs::write(&bad, content).unwrap();
    let problems = refused(&empty, &bad, &[format!("line {line}")], "status");
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let busy = source.another();
    target(&busy);
    for ledger in [&empty, &busy] {
        import(ledger, &good);
        let checked = quiet(ledger, &["check"]);
        assert!(checked.starts_with("ok: "), "{checked}");
        let open = json_of(ledger, &["list", "--by", "Abu Muhammad al-Adnani", "--all"]);
        assert!(!open.as_array().unwrap().is_empty(), "{open}");
    }
}

fn a_bad_row_in_a_sheet_is_named_and_nothing_is_written(ledger: &Ledger) {
    target(ledger);
    let header = "text,claimant,via,status,made_at,uid\n\
                  First claim,Alpha,AP,verified,2014-06-11,\n\
                  Second claim,Beta,Reuters > NBC News,unverified,,\n";
    let third = [
        ("status", "Third claim,Gamma,,verfied,,"),
        ("made_at", "Third claim,Gamma,,verified,2014-13-45,"),
        ("claimant", "Third claim,,,verified,,"),
        ("via", "Third claim,Gamma,SITE > > NBC,verified,,"),
        ("uid", "Third claim,Gamma,,verified,,not-a-uid"),
        ("text", " ,Gamma,,verified,,"),
    ];
    let mut problems = Vec::new();
    for (n, (column, row)) in third.iter().enumerate() {
        let bad = file(ledger, &format!("bad-{n}.csv"));
        fs::write(&bad, format!("{header}{row}\n")).unwrap();
        let place = ["line 4".to_owned()];
        problems.extend(refused(ledger, &bad, &place, &format!("column {column}")));
    }
    assert!(
        problems.is_empty(),
        "bad sheet imports:\n{}",
        problems.join("\n")
    );
}

fn a_dry_run_says_what_would_be_added_and_writes_nothing(source: &Ledger) {
    busy_demo(source);
    let ledger = source.another();
    target(&ledger);
    for ext in ["json", "jsonl", "csv"] {
        let good = export(source, &format!("good.{ext}"), &[]);
        let before = snapshot(&ledger);
        let dry = quiet(&ledger, &["import", arg(&good), "--dry-run"]);
        let prefix = format!("dry run, nothing written: {} would add ", good.display());
        let would = dry
            .trim_end()
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{dry}"))
            .to_owned();
        assert!(would.starts_with("11 new claims, "), "{would}");
        assert_unchanged(&ledger, &before, "a dry run");

        // The real import does just what the dry run said.
        let fresh = source.another();
        target(&fresh);
        assert_eq!(
            import(&fresh, &good),
            format!("imported {}: {would}", good.display())
        );
    }
}

// ---------------------------------------------------------------------------------------
// Reporters' sheets

fn a_reporters_sheet_imports_field_by_field(ledger: &Ledger) {
    let sheet = file(ledger, "desk sheet.csv");
    fs::write(&sheet, SHEET).unwrap();
    import(ledger, &sheet);
    let shown = shows(ledger);
    assert_eq!(shown.len(), 3);

    let attribution = |claim: &Value| claim["attributions"][0].clone();
    let march = &shown[0];
    assert_eq!(march["text"], "March to Baghdad");
    assert_eq!(march["story"], "iraq-2014");
    assert_eq!(march["made_at"], "2014-06-12T00:00:00Z");
    assert_eq!(march["status"], "disputed");
    assert_eq!(march["logged_at"], NOW);
    assert_eq!(march["logged_by"], "tester");
    assert_eq!(
        attribution(march),
        json!({
            "claimant": "Abu Muhammad al-Adnani",
            "role": "spokesman",
            "affiliation": "Islamic State in Iraq and the Levant",
            "via": ["SITE Intelligence Group", "NBC News"],
            "medium": null,
            "made_at": "2014-06-12T00:00:00Z",
            "url": "https://site.example/adnani",
            "logged_at": NOW,
            "logged_by": "tester",
        })
    );
    assert_eq!(
        march["history"],
        json!([{"status": "disputed", "at": NOW, "by": "tester",
                "note": "recording not authenticated, per SITE", "evidence": []}])
    );

    let kirkuk = &shown[1];
    assert_eq!(
        kirkuk["text"],
        "Kirkuk has fallen, \"all of it\",\nand the army has gone"
    );
    assert_eq!(kirkuk["made_at"], "2014-06-12T09:30:00Z");
    assert_eq!(kirkuk["status"], "unverified");
    assert_eq!(attribution(kirkuk)["via"], json!(["Associated Press"]));
    assert_eq!(attribution(kirkuk)["url"], Value::Null);
    assert_eq!(attribution(kirkuk)["role"], Value::Null);
    assert_eq!(kirkuk["history"][0]["note"], Value::Null);

    let drones = &shown[2];
    assert_eq!(drones["status"], "unverified", "no status means unverified");
    assert_eq!(drones["story"], Value::Null);
    assert_eq!(drones["made_at"], Value::Null);
    assert_eq!(
        attribution(drones)["via"],
        json!(["France Inter", "Reuters"])
    );

    let adnani = json_of(ledger, &["sources"])
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Abu Muhammad al-Adnani")
        .cloned()
        .expect("the claimant");
    assert_eq!(adnani["role"], "spokesman");
    assert_eq!(
        adnani["affiliation"],
        "Islamic State in Iraq and the Levant"
    );
    // AP is the Associated Press, not a new outlet.
    let outlets = outlet_names(ledger);
    assert!(!outlets.iter().any(|o| o == "AP"), "{outlets:?}");
}

fn a_sheet_without_a_via_column_is_refused_by_name(ledger: &Ledger) {
    target(ledger);
    let sheet = file(ledger, "no-via.csv");
    fs::write(&sheet, "Text,Claimant,Status\nA claim,Someone,verified\n").unwrap();
    let problems = refused(ledger, &sheet, &["\"via\" column".to_owned()], "via");
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The rows of a CSV export, below its header.
fn sheet_rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).expect("a CSV file");
    reader
        .records()
        .map(|r| r.expect("a CSV row").iter().map(str::to_owned).collect())
        .collect()
}

/// One half of a grade code such as "B2": empty when not graded.
fn grade_part(code: &Value, i: usize) -> String {
    let part = or_empty(code).chars().nth(i).map(String::from);
    part.filter(|p| p != "?").unwrap_or_default()
}

fn or_empty(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

fn a_csv_export_is_a_row_a_claim_with_its_current_status(ledger: &Ledger) {
    busy_demo(ledger);
    steps(
        ledger,
        &["mark|10|disputed|--note|Reuters could not reach Yawar"],
    );
    let path = export(ledger, "claims.csv", &[]);
    let raw = text(&path);
    assert_eq!(
        raw.lines().next(),
        Some(
            "uid,text,claimant,via,story,made_at,status,note,url,role,affiliation,confidential,reliability,credibility"
        )
    );
    let rows = sheet_rows(&path);
    let shown = shows(ledger);
    assert_eq!(rows.len(), shown.len());
    let confidential: Vec<String> = json_of(ledger, &["sources", "--reveal"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["confidential"] == true)
        .map(|c| or_empty(&c["name"]))
        .collect();
    for (row, claim) in rows.iter().zip(&shown) {
        let first = &claim["attributions"][0];
        let via: Vec<String> = first["via"]
            .as_array()
            .unwrap()
            .iter()
            .map(or_empty)
            .collect();
        let latest = claim["history"].as_array().unwrap().last().unwrap();
        let expected = [
            or_empty(&claim["uid"]),
            or_empty(&claim["text"]),
            or_empty(&first["claimant"]),
            via.join(" > "),
            or_empty(&claim["story"]),
            or_empty(&claim["made_at"]),
            or_empty(&claim["status"]),
            or_empty(&latest["note"]),
            or_empty(&first["url"]),
            or_empty(&first["role"]),
            or_empty(&first["affiliation"]),
            // The sheet keeps the flag, so the source stays confidential where it is imported.
            if confidential.contains(&or_empty(&first["claimant"]))
                || or_empty(&first["claimant"]).starts_with("confidential source #")
            {
                "yes".to_owned()
            } else {
                String::new()
            },
            // `show` gives the grades as one code, "B2", "?" where one is not given.
            grade_part(&first["grade"], 0),
            grade_part(&first["grade"], 1),
        ];
        assert_eq!(row, &expected, "claim {}", claim["id"]);
    }
    let kirkuk = &rows[9];
    assert_eq!(kirkuk[3], "Reuters > NBC News");
    assert_eq!(kirkuk[6], "disputed");
    assert_eq!(kirkuk[7], "Reuters could not reach Yawar");
}

fn a_csv_export_imports_into_an_empty_ledger_as_the_same_claims(source: &Ledger) {
    busy_demo(source);
    let path = export(source, "claims.csv", &[]);
    let copy = source.another();
    assert!(import(&copy, &path).starts_with(&format!(
        "imported {}: 11 new claims, 11 attributions, 11 status events",
        path.display()
    )));
    let essentials = |ledger: &Ledger| -> Vec<Value> {
        list_all(ledger)
            .iter()
            .map(|c| {
                json!([
                    c["uid"],
                    c["text"],
                    c["status"],
                    c["story"],
                    c["attributions"][0]["claimant"],
                    c["attributions"][0]["via"]
                ])
            })
            .collect()
    };
    assert_eq!(essentials(&copy), essentials(source));
}

fn a_csv_export_imported_into_the_same_ledger_adds_nothing(ledger: &Ledger) {
    busy_demo(ledger);
    let path = export(ledger, "claims.csv", &[]);
    let before = state(ledger);
    assert_eq!(
        import(ledger, &path),
        format!(
            "imported {}: nothing new; 11 claims were already here",
            path.display()
        )
    );
    assert!(state(ledger) == before, "the ledger changed");
}

// ---------------------------------------------------------------------------------------
// Confidential claimants

/// Names that must not leave the newsroom unless asked: a confidential claimant, its alias,
/// a confidential duplicate merged into another claimant, that duplicate's alias, and the
/// claimant it was merged into, confidential since.
const SECRETS: [&str; 5] = [
    "Senior U.S. defense official",
    "Colonel Hidden",
    "Deep Throat",
    "Garage Source",
    "U.S. officials",
];

fn ledger_with_secrets(ledger: &Ledger) {
    demo(ledger);
    steps(
        ledger,
        &[
            "sources|edit|Senior U.S. defense official|--alias|Colonel Hidden",
            "add|The embassy is being evacuated.|--by|Deep Throat|--confidential|--via|NBC News",
            "sources|edit|Deep Throat|--alias|Garage Source",
            "sources|merge|Deep Throat|U.S. officials",
            "mark|6|false|--note|denied on the record",
            "mark|12|verified|--note|embassy statement",
        ],
    );
}

fn leaked(output: &str) -> Vec<&'static str> {
    let lower = output.to_lowercase();
    SECRETS
        .into_iter()
        .filter(|s| lower.contains(&s.to_lowercase()))
        .collect()
}

fn exports_without_reveal_name_no_confidential_claimant(ledger: &Ledger) {
    ledger_with_secrets(ledger);
    for format in ["json", "jsonl", "csv"] {
        for to_file in [false, true] {
            let path = file(ledger, &format!("hidden.{format}"));
            let mut args = vec!["export", "--format", format];
            if to_file {
                args.extend(["-o", arg(&path)]);
            }
            let ran = run(ledger, &args);
            assert_eq!(ran.code, Some(0), "{}", ran.stderr);
            let written = if to_file { text(&path) } else { ran.stdout };
            assert!(written.contains("confidential source #"), "{format}");
            assert_eq!(leaked(&written), Vec::<&str>::new(), "{format} export");
            assert_eq!(
                ran.stderr,
                "note: 2 confidential claimants are exported as placeholders; add --reveal for a complete export\n",
                "{format}"
            );
        }
    }
}

fn exports_with_reveal_name_them_but_claimreview_never_does(ledger: &Ledger) {
    ledger_with_secrets(ledger);
    for format in ["json", "jsonl"] {
        let written = quiet(ledger, &["export", "--reveal", "--format", format]);
        assert_eq!(leaked(&written), SECRETS, "{format} with --reveal");
    }
    let sheet = quiet(ledger, &["export", "--reveal", "--format", "csv"]);
    assert!(sheet.contains("Senior U.S. defense official"));
    assert!(sheet.contains("U.S. officials"));

    for reveal in [false, true] {
        let mut args = vec![
            "export",
            "--format",
            "claimreview",
            "--publisher",
            "The Desk",
            "--url-template",
            "https://desk.example/checks/{uid}",
        ];
        if reveal {
            args.push("--reveal");
        }
        let review = quiet(ledger, &args);
        assert_eq!(leaked(&review), Vec::<&str>::new(), "ClaimReview");
        let reviews: Value = serde_json::from_str(&review).expect("JSON-LD");
        let texts: Vec<String> = reviews
            .as_array()
            .unwrap()
            .iter()
            .map(|r| or_empty(&r["claimReviewed"]))
            .collect();
        assert!(
            texts.iter().any(|t| t.contains("going to war")),
            "{texts:?}"
        );
        assert!(texts.iter().any(|t| t.contains("evacuated")), "{texts:?}");
        assert!(review.contains("Confidential source"));
    }
}

/// Makes `source` the demo ledger; returns its export without --reveal, and the
/// placeholder it gives the confidential claimant.
fn redacted_demo(source: &Ledger) -> (PathBuf, String) {
    demo(source);
    let path = file(source, "redacted.json");
    let ran = run(source, &["export", "-o", arg(&path)]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let quote = json_of(
        source,
        &["show", &id_of(source, "going to war").to_string()],
    );
    let placeholder = or_empty(&quote["attributions"][0]["claimant"]);
    assert!(placeholder.starts_with("confidential source #"), "{quote}");
    (path, placeholder)
}

/// A placeholder cannot say who it stands for, so an export made without --reveal is
/// refused whole, saying how to make one that imports, rather than losing the source.
fn a_redacted_export_is_refused_with_the_way_to_make_one_that_imports(source: &Ledger) {
    let (path, placeholder) = redacted_demo(source);
    let ledger = source.another();
    ledger.ok(&["list"]);
    let before = snapshot(&ledger);
    let ran = run(&ledger, &["import", arg(&path)]);
    assert_eq!(ran.code, Some(1), "{}", ran.stdout);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(ran.stderr.contains(&placeholder), "{}", ran.stderr);
    assert!(ran.stderr.contains("--reveal"), "{}", ran.stderr);
    assert_eq!(snapshot(&ledger), before);
}

fn a_redacted_export_never_lands_on_another_ledgers_confidential_claimant(source: &Ledger) {
    let (path, placeholder) = redacted_demo(source);

    // This desk's own confidential source has the same number as the other desk's.
    let ledger = source.another();
    let number: i64 = placeholder["confidential source #".len()..]
        .parse()
        .unwrap();
    for n in 1..number {
        steps(&ledger, &[&format!("add|Claim {n}.|--by|Person {n}")]);
    }
    steps(
        &ledger,
        &["add|Our own secret.|--by|Our Mole|--confidential"],
    );
    let ours = json_of(
        &ledger,
        &["show", &id_of(&ledger, "own secret").to_string()],
    );
    assert_eq!(ours["attributions"][0]["claimant"], placeholder.as_str());

    let before = snapshot(&ledger);
    let ran = run(&ledger, &["import", arg(&path)]);
    if ran.code == Some(0) {
        let quote = id_of(&ledger, "going to war");
        let shown = json_of(&ledger, &["show", &quote.to_string(), "--reveal"]);
        assert_ne!(
            shown["attributions"][0]["claimant"], "Our Mole",
            "the other desk's confidential quote is now attributed to our source"
        );
        let mole = json_of(&ledger, &["sources", "--reveal"])
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "Our Mole")
            .cloned()
            .unwrap();
        assert_eq!(mole["claims"], 1, "{mole}");
        assert_eq!(mole["role"], Value::Null, "{mole}");
    } else {
        // Refusing is fine too, if it says why and writes nothing.
        assert!(ran.stderr.contains("--reveal"), "{}", ran.stderr);
        assert_unchanged(&ledger, &before, "a refused redacted import");
    }
}

// ---------------------------------------------------------------------------------------
// Standard input and output, formats, files

fn export_without_a_file_writes_to_standard_output_and_import_reads_standard_input(
    source: &Ledger,
) {
    busy_demo(source);
    let written = quiet(source, &["export", "--reveal"]);
    let parsed: Value = serde_json::from_str(&written).expect("a JSON document on stdout");
    assert_eq!(parsed["claimtrail"], 1);
    assert_eq!(parsed["claims"].as_array().unwrap().len(), 11);
    assert_eq!(quiet(source, &["export", "--reveal", "-o", "-"]), written);
    assert_eq!(
        text(&export(source, "all.json", &[])),
        written,
        "stdout and a file get the same export"
    );

    let lines = quiet(source, &["export", "--reveal", "--format", "jsonl"]);
    assert!(lines.starts_with("{\"claimtrail\":1}\n"));
    let ledger = source.another();
    let ran = run_with(
        &ledger,
        NOW,
        &["import", "-", "--format", "jsonl"],
        Some(lines.as_bytes()),
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stderr, "");
    assert!(
        ran.stdout.starts_with("imported -: 11 new claims, "),
        "{}",
        ran.stdout
    );
    assert_eq!(shows(&ledger), shows(source));

    let sheet = quiet(source, &["export", "--reveal", "--format", "csv"]);
    let from_sheet = source.another();
    let ran = run_with(
        &from_sheet,
        NOW,
        &["import", "-", "--format", "csv"],
        Some(sheet.as_bytes()),
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(list_all(&from_sheet).len(), 11);
}

fn import_needs_a_format_it_can_tell_and_a_file_it_can_read(ledger: &Ledger) {
    target(ledger);
    let before = snapshot(ledger);

    let ran = run_with(ledger, NOW, &["import", "-"], Some(b"{\"claimtrail\":1}\n"));
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    assert!(ran.stderr.contains("--format"), "{}", ran.stderr);

    let notes = file(ledger, "notes.txt");
    fs::write(&notes, "{\"claimtrail\":1}\n").unwrap();
    let ran = run(ledger, &["import", arg(&notes)]);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("notes.txt") && ran.stderr.contains("--format"),
        "{}",
        ran.stderr
    );

    let missing = file(ledger, "missing.json");
    let ran = run(ledger, &["import", arg(&missing)]);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(
        ran.stderr
            .starts_with(&format!("claimtrail: cannot read {}", missing.display())),
        "{}",
        ran.stderr
    );
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    assert_unchanged(ledger, &before, "imports that could not start");
}

fn leftovers(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial"))
        .collect()
}

fn exports_are_private_whole_files_or_nothing(ledger: &Ledger) {
    demo(ledger);
    let folder = ledger.dir.path();
    for name in ["a.json", "a.jsonl", "a.csv"] {
        let path = export(ledger, name, &[]);
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{name} is mode {mode:o}");
    }
    // A file already there, readable by all, is replaced by a private one.
    let old = file(ledger, "old.json");
    fs::write(&old, "stale").unwrap();
    fs::set_permissions(&old, fs::Permissions::from_mode(0o644)).unwrap();
    export(ledger, "old.json", &[]);
    assert_eq!(
        fs::metadata(&old).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(text(&old).starts_with("{\"claimtrail\": 1,"));
    assert_eq!(leftovers(folder), Vec::<String>::new());

    let nowhere = folder.join("no such folder").join("out.json");
    let ran = run(ledger, &["export", "--reveal", "-o", arg(&nowhere)]);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(
        ran.stderr
            .starts_with(&format!("claimtrail: cannot write {}", nowhere.display())),
        "{}",
        ran.stderr
    );
    assert_eq!(ran.stdout, "");
    assert!(!folder.join("no such folder").exists());
    assert_eq!(leftovers(folder), Vec::<String>::new());
}

fn a_failed_export_leaves_no_partial_file_behind(ledger: &Ledger) {
    demo(ledger);
    let folder = ledger.dir.path();
    // A folder where the file should go: the export is written, then cannot be put there.
    let taken = file(ledger, "taken.json");
    fs::create_dir_all(taken.join("inside")).unwrap();
    let ran = run(ledger, &["export", "--reveal", "-o", arg(&taken)]);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(
        ran.stderr
            .starts_with(&format!("claimtrail: cannot write {}", taken.display())),
        "{}",
        ran.stderr
    );
    assert!(taken.join("inside").is_dir(), "the folder was disturbed");
    assert_eq!(
        leftovers(folder),
        Vec::<String>::new(),
        "a failed export left its scratch file, naming confidential sources"
    );
}

fn export_filters_take_the_claims_list_would_show(ledger: &Ledger) {
    busy_demo(ledger);
    let filters = [
        "--status|verified|--story|iraq-2014|--by|Fareed Yasseen",
        "--by|Ambassador Yasseen",
        "--via|Reuters",
        "--via|SITE",
        "--status|unverified|--status|disputed",
        "--search|Kirkuk",
        "--since|2014-06-12",
        "--older-than|6h",
        "--story|iraq-parliament",
        "--limit|3",
    ];
    let uids = |claims: &Value| -> Vec<String> {
        claims
            .as_array()
            .unwrap()
            .iter()
            .map(|c| or_empty(&c["uid"]))
            .collect()
    };
    for filter in filters {
        let exported = quiet(ledger, &words(&format!("export|--reveal|{filter}")));
        let exported: Value = serde_json::from_str(&exported).unwrap();
        let all = if filter.contains("--status") {
            ""
        } else {
            "--all|"
        };
        let listed = json_of(ledger, &words(&format!("list|{all}{filter}")));
        assert!(!uids(&listed).is_empty(), "{filter} matches nothing");
        assert_eq!(uids(&exported["claims"]), uids(&listed), "{filter}");
    }

    let one = quiet(
        ledger,
        &words(&format!("export|--reveal|--format|jsonl|{}", filters[0])),
    );
    let claims: Vec<&str> = one
        .lines()
        .filter(|l| l.starts_with("{\"claim\":"))
        .collect();
    assert_eq!(claims.len(), 1);
    assert!(claims[0].contains("We need equipment, extra aviation and drones."));

    // A filter that matches nothing exports an empty ledger and says so.
    let none = run(ledger, &words("export|--search|zeppelin"));
    assert_eq!(none.code, Some(0));
    assert!(
        none.stderr
            .contains("note: no claims match these filters; the export holds none"),
        "{}",
        none.stderr
    );
    let empty: Value = serde_json::from_str(&none.stdout).unwrap();
    assert_eq!(empty["claims"], json!([]));
}

fn imports_and_exports_print_no_progress_when_stderr_is_not_a_terminal(source: &Ledger) {
    busy_demo(source);
    let ledger = source.another();
    for ext in ["json", "jsonl", "csv"] {
        let path = export(source, &format!("all.{ext}"), &[]);
        let target = source.another();
        // `quiet` fails on any stderr output.
        quiet(&target, &["import", arg(&path), "--dry-run"]);
        quiet(&target, &["import", arg(&path)]);
        quiet(&ledger, &["import", arg(&path)]);
    }
    quiet(&ledger, &["export", "--reveal", "--format", "jsonl"]);
}

fn a_revealed_sheet_keeps_its_confidential_sources_confidential_where_imported(source: &Ledger) {
    busy_demo(source);
    let path = export(source, "revealed.csv", &[]); // export() always reveals
    let ledger = source.another();
    let ran = run(&ledger, &["import", arg(&path)]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let listed = ledger.ok(&["list", "--all", "--format", "csv"]);
    assert!(!listed.contains("Senior U.S. defense official"), "{listed}");
    assert!(listed.contains("confidential source #"), "{listed}");
}

on_both_backends!(
    json_round_trip_of_the_demo_ledger_is_byte_identical,
    jsonl_round_trip_of_the_demo_ledger_is_byte_identical,
    ten_thousand_generated_claims_round_trip_losslessly,
    importing_the_same_file_twice_adds_nothing_the_second_time,
    a_reporters_sheet_imported_twice_adds_nothing_the_second_time,
    a_merge_brings_new_claims_and_status_events_in_time_order,
    a_merge_matches_names_the_other_ledger_knows_as_aliases,
    names_renamed_in_one_ledger_are_not_duplicated_in_the_other,
    a_bad_claim_in_a_json_file_is_named_and_nothing_is_written,
    a_bad_claim_in_a_jsonl_file_is_named_and_nothing_is_written,
    imports_into_empty_and_busy_ledgers_leave_sound_indexes,
    a_bad_row_in_a_sheet_is_named_and_nothing_is_written,
    a_dry_run_says_what_would_be_added_and_writes_nothing,
    a_reporters_sheet_imports_field_by_field,
    a_sheet_without_a_via_column_is_refused_by_name,
    a_csv_export_is_a_row_a_claim_with_its_current_status,
    a_csv_export_imports_into_an_empty_ledger_as_the_same_claims,
    a_csv_export_imported_into_the_same_ledger_adds_nothing,
    exports_without_reveal_name_no_confidential_claimant,
    exports_with_reveal_name_them_but_claimreview_never_does,
    a_redacted_export_is_refused_with_the_way_to_make_one_that_imports,
    a_redacted_export_never_lands_on_another_ledgers_confidential_claimant,
    export_without_a_file_writes_to_standard_output_and_import_reads_standard_input,
    import_needs_a_format_it_can_tell_and_a_file_it_can_read,
    exports_are_private_whole_files_or_nothing,
    a_failed_export_leaves_no_partial_file_behind,
    export_filters_take_the_claims_list_would_show,
    imports_and_exports_print_no_progress_when_stderr_is_not_a_terminal,
    a_revealed_sheet_keeps_its_confidential_sources_confidential_where_imported,
);

/// `-o` naming a pipe or a device writes into it and leaves it what it was: replacing
/// `/dev/null` with a file of the export would break every other program on the machine.
#[test]
#[cfg(unix)]
fn an_export_into_a_pipe_writes_through_it_and_leaves_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let ledger = Ledger::new();
    ledger.add(&["Mosul has fallen", "--by", "Atheel al-Nujaifi"]);
    let pipe = ledger.dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::read_to_string(pipe).expect("read the pipe"))
    };
    let said = ledger.ok(&["export", "--format", "jsonl", "-o", pipe.to_str().unwrap()]);
    assert!(said.starts_with("exported 1 claim"), "{said}");
    let read = reader.join().unwrap();
    assert!(read.contains("Mosul has fallen"), "{read}");
    let kind = std::fs::metadata(&pipe).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced");

    let out = ledger
        .cmd()
        .args(["export", "-o", ledger.dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a directory"));
}
