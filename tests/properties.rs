//! Property tests that run the real binary: whatever text and names go in come back out of
//! `show --format json` as the program promises to store them (claim text trimmed; names
//! trimmed with inner white space folded), and an edit keeps the old text exactly.
//!
//! Each case gets a fresh ledger (a run of the binary takes milliseconds), so cases cannot
//! see each other's claimants or outlets.

mod common;

use std::collections::HashMap;
use std::sync::OnceLock;

use common::{Ledger, logged_id};
use proptest::prelude::*;
use serde_json::Value;

/// Each case runs the binary a few times, so keep the count modest; set PROPTEST_CASES to
/// search harder.
fn config() -> ProptestConfig {
    if std::env::var_os("PROPTEST_CASES").is_some() {
        ProptestConfig::default()
    } else {
        ProptestConfig::with_cases(32)
    }
}

/// Pieces that text from the field is made of, and that tend to break things.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => "\\PC{1,40}",
        1 => "\\PC{1,200}",
        1 => Just("'; DROP TABLE claims; --".to_owned()),
        1 => Just("\" OR 1=1 -- %_ \\%".to_owned()),
        1 => "[\"'`\\\\%_]{1,6}",
        // Latin letters under combining marks, and decomposed accents.
        1 => "([a-zA-Z][\u{300}-\u{36f}\u{1ab0}-\u{1abe}]{1,3}){1,4}",
        // Arabic and Hebrew, with the marks that steer bidirectional text.
        1 => "[\u{600}-\u{6ff} ]{1,24}",
        1 => "[\u{5d0}-\u{5ea}\u{591}-\u{5c7} ]{1,16}",
        1 => "[\u{200e}\u{200f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{61c}]{1,3}",
        // Emoji, including ZWJ sequences, flags, skin tones and variation selectors.
        1 => "[\u{1f300}-\u{1faff}\u{2600}-\u{27bf}]{1,4}",
        1 => prop::sample::select(vec![
            "👩\u{200d}👩\u{200d}👧\u{200d}👦".to_owned(),
            "🇮🇶🇸🇾".to_owned(),
            "👍🏽".to_owned(),
            "❤\u{fe0f}".to_owned(),
            "\u{feff}".to_owned(),
            "a\u{200b}b\u{200c}c\u{200d}d".to_owned(),
        ]),
        // CJK and astral-plane letters.
        1 => "[\u{4e00}-\u{9fff}\u{3040}-\u{30ff}\u{20000}-\u{2a6df}]{1,8}",
        // White space of every sort, inside and around the text.
        2 => concat!(
            "[ \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{1680}\u{2000}-\u{200a}",
            "\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}]{1,4}"
        ),
        // Control characters other than NUL, which the program refuses.
        1 => "[\u{1}-\u{8}\u{e}-\u{1f}\u{7f}\u{80}-\u{9f}]{1,3}",
        // Things a shell or an argument parser might take for its own.
        1 => prop::sample::select(vec![
            "-".to_owned(),
            "--".to_owned(),
            "--help".to_owned(),
            "-h".to_owned(),
            "--by".to_owned(),
            "--format=json".to_owned(),
            "$HOME".to_owned(),
            "%s%n{}".to_owned(),
            "\\n\\u0000\\x00".to_owned(),
        ]),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..6).prop_map(|pieces| pieces.concat())
}

/// A claimant or outlet name: shorter, and with white space runs between words.
fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..4).prop_map(|pieces| pieces.join("  "))
}

/// How the program stores a name: trimmed, inner white space runs folded to one space.
fn tidy(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The outlets every new ledger starts with: lookup key (name or alias) -> name.
fn seeded_outlets() -> &'static HashMap<String, String> {
    static SEEDED: OnceLock<HashMap<String, String>> = OnceLock::new();
    SEEDED.get_or_init(|| {
        let ledger = Ledger::new();
        let outlets = ledger.json(&["outlets", "--all"]);
        let mut keys = HashMap::new();
        for outlet in outlets.as_array().expect("a list of outlets") {
            let name = outlet["name"].as_str().expect("a name").to_owned();
            keys.insert(tidy(&name).to_lowercase(), name.clone());
            for alias in outlet["aliases"].as_array().expect("a list of aliases") {
                let alias = alias.as_str().expect("an alias");
                keys.insert(tidy(alias).to_lowercase(), name.clone());
            }
        }
        assert!(keys.contains_key("ap"), "seeded outlets changed: {keys:?}");
        keys
    })
}

/// Outlet names: generated ones, and seeded names and aliases in other cases and spacing.
fn outlet_name() -> impl Strategy<Value = String> {
    let mut seeded: Vec<String> = seeded_outlets().keys().cloned().collect();
    seeded.sort();
    let respelled = (
        prop::sample::select(seeded),
        any::<u64>(),
        "[ \t]{0,2}",
        "[ \t]{0,2}",
    )
        .prop_map(|(key, mask, lead, trail)| {
            let mixed: String = key
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if mask >> (i % 64) & 1 == 1 {
                        c.to_uppercase().collect::<String>()
                    } else if c == ' ' {
                        " \t ".to_owned()
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            format!("{lead}{mixed}{trail}")
        });
    prop_oneof![3 => name(), 1 => respelled]
}

/// The outlet a `--via` name should resolve to on a fresh ledger.
fn expected_outlet(name: &str) -> String {
    let tidied = tidy(name);
    seeded_outlets()
        .get(&tidied.to_lowercase())
        .cloned()
        .unwrap_or(tidied)
}

/// `add` with the text on standard input (`add -`); returns the new claim's id.
fn add_from_stdin(ledger: &Ledger, text: &str, by: &str) -> i64 {
    let out = ledger
        .cmd()
        .args(["add", "-", &format!("--by={by}")])
        .write_stdin(text.as_bytes().to_vec())
        .output()
        .expect("run claimtrail");
    assert!(
        out.status.success(),
        "add - with {text:?} on stdin failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    logged_id(&String::from_utf8(out.stdout).expect("utf-8 output"))
}

fn show(ledger: &Ledger, id: i64) -> Value {
    ledger.json(&["show", &id.to_string()])
}

/// The most characters a claim may have, after trimming (model::MAX_CLAIM_CHARS).
const MAX_CLAIM_CHARS: usize = 20_000;

proptest! {
    #![proptest_config(config())]

    #[test]
    fn claim_text_comes_back_trimmed_whichever_way_it_goes_in(text in text()) {
        prop_assume!(!text.trim().is_empty());
        // A bare "-" on the command line means "read standard input".
        prop_assume!(text != "-");
        let ledger = Ledger::new();

        // Inline, as the first argument (a leading '-' would be read as an option there).
        if !text.starts_with('-') {
            let id = ledger.add(&[&text, "--by", "Someone"]);
            prop_assert_eq!(show(&ledger, id)["text"].clone(), Value::from(text.trim()), "inline");
        }
        // Inline after "--", where nothing is an option.
        let id = ledger.add(&["--by", "Someone", "--", &text]);
        prop_assert_eq!(show(&ledger, id)["text"].clone(), Value::from(text.trim()), "after --");
        // On standard input.
        let id = add_from_stdin(&ledger, &text, "Someone");
        prop_assert_eq!(show(&ledger, id)["text"].clone(), Value::from(text.trim()), "stdin");
    }

    #[test]
    fn claimant_and_outlet_names_come_back_tidied(by in name(), via in outlet_name()) {
        prop_assume!(!by.trim().is_empty() && !via.trim().is_empty());
        let ledger = Ledger::new();
        if via.contains('>') {
            // ">" separates the outlets of a chain, so no outlet's name may hold it.
            let out = ledger
                .cmd()
                .args(["add", "A claim", &format!("--by={by}"), &format!("--via={via}")])
                .output()
                .expect("run claimtrail");
            let said = String::from_utf8_lossy(&out.stderr);
            prop_assert_eq!(out.status.code(), Some(2), "{}", said);
            prop_assert!(said.contains("separates the outlets of a chain"), "{}", said);
            prop_assert!(!ledger.path().exists(), "a refused add made a ledger");
            return Ok(());
        }
        // The `--opt=value` form, so that a name with a leading '-' is still a value.
        let id = ledger.add(&[
            "A claim",
            &format!("--by={by}"),
            &format!("--via={via}"),
        ]);
        let shown = show(&ledger, id);
        let attribution = &shown["attributions"][0];
        prop_assert_eq!(attribution["claimant"].clone(), Value::from(tidy(&by)));
        prop_assert_eq!(
            attribution["via"].as_array().map(Vec::len),
            Some(1),
            "{}",
            shown
        );
        prop_assert_eq!(attribution["via"][0].clone(), Value::from(expected_outlet(&via)));
    }

    #[test]
    fn an_edit_replaces_the_text_and_keeps_the_old_text_exactly(old in text(), new in text()) {
        prop_assume!(!old.trim().is_empty() && !new.trim().is_empty());
        let ledger = Ledger::new();
        let id = add_from_stdin(&ledger, &old, "Someone");
        let edit = ledger.ok(&["edit", &id.to_string(), &format!("--text={new}")]);
        let shown = show(&ledger, id);
        prop_assert_eq!(shown["text"].as_str(), Some(new.trim()));
        let edits = shown["edits"].as_array().expect("a list of edits");
        if old.trim() == new.trim() {
            prop_assert!(edit.contains("nothing changed"), "{}", edit);
            prop_assert!(edits.is_empty(), "{}", shown);
        } else {
            prop_assert_eq!(edits.len(), 1, "{}", shown);
            prop_assert_eq!(edits[0]["field"].as_str(), Some("text"));
            prop_assert_eq!(edits[0]["old_value"].as_str(), Some(old.trim()));
            prop_assert_eq!(edits[0]["new_value"].as_str(), Some(new.trim()));
        }
    }

    #[test]
    fn claim_text_is_held_to_its_length_limit_after_trimming(
        chars in (MAX_CLAIM_CHARS - 3)..=(MAX_CLAIM_CHARS + 3),
        fill in prop::sample::select(vec!['a', 'é', '\u{627}', '中', '😀']),
        pad in "[ \n\u{3000}]{0,3}",
    ) {
        // Surrounding white space does not count toward the limit.
        let text = format!("{pad}{}{pad}", fill.to_string().repeat(chars));
        let ledger = Ledger::new();
        let out = ledger
            .cmd()
            .args(["add", "-", "--by", "Someone"])
            .write_stdin(text.as_bytes().to_vec())
            .output()
            .expect("run claimtrail");
        if chars <= MAX_CLAIM_CHARS {
            prop_assert!(
                out.status.success(),
                "{} chars refused: {}",
                chars,
                String::from_utf8_lossy(&out.stderr)
            );
            let id = logged_id(&String::from_utf8_lossy(&out.stdout));
            prop_assert_eq!(show(&ledger, id)["text"].clone(), Value::from(text.trim()));
        } else {
            prop_assert!(!out.status.success(), "{} chars accepted", chars);
            let err = String::from_utf8_lossy(&out.stderr);
            prop_assert!(err.contains("too long"), "{}", err);
        }
    }
}
