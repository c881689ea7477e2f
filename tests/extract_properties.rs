//! `extract` over copy built from the pieces real copy is made of (datelines, curly and
//! straight quotes, dashes, reporting verbs, names in many scripts) with stray characters
//! dropped in anywhere: it always returns, quickly, and every word it proposes as a claim
//! is a word of the copy. The fuzz targets in fuzz/ check the same of arbitrary input.

#[path = "../fuzz/fuzz_targets/shared/mod.rs"]
mod shared;

use std::time::{Duration, Instant};

use claimtrail::extract::{Setup, extract};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Abu Bakr al-Baghdadi".to_owned()),
        Just("Fareed Yasseen".to_owned()),
        Just("Ban Ki-moon".to_owned()),
        Just("a spokesman for the regional governor".to_owned()),
        Just("two officials".to_owned()),
        Just("Reuters".to_owned()),
        Just("Сергей Лавров".to_owned()),
        Just("محمد العبيدي".to_owned()),
        Just("İlham Əliyev".to_owned()),
        "[A-Z][a-zé]{2,9} [A-Z][a-zö]{2,12}",
    ]
}

fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{2,10}( [a-z]{2,10}){2,12}",
        "\\PC{1,60}",
        Just("the road is closed".to_owned()),
        Just("militants will march on Baghdad".to_owned()),
    ]
}

/// One sentence in a shape attribution takes.
fn sentence() -> impl Strategy<Value = String> {
    let verb = prop_oneof![
        Just("said"),
        Just("told Reuters"),
        Just("said in a statement"),
        Just("denied"),
        Just("added"),
        Just("reported"),
    ];
    let quote = prop_oneof![
        Just(("“", "”")),
        Just(("\"", "\"")),
        Just(("«", "»")),
        Just(("‘", "’"))
    ];
    (name(), verb, words(), quote, 0..6u8).prop_map(|(who, verb, what, (open, close), shape)| {
        match shape {
            0 => format!("{who} {verb} that {what}."),
            1 => format!("{open}{what},{close} {who} {verb}."),
            2 => format!("{who} {verb}: {open}{what}.{close}"),
            3 => format!("{what}, according to {who}."),
            4 => format!("WARSAW, March 3 (Reuters) — {who} {verb} {what}."),
            _ => format!("{what}, {who} {verb}, citing {who} — {what}"),
        }
    })
}

/// A stray character, as copy pasted from the web carries them.
fn stray() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\u{200b}"),
        Just("\u{a0}"),
        Just("\u{301}"),
        Just("—"),
        Just("–"),
        Just("“"),
        Just("’"),
        Just("İ"),
        Just("中"),
        Just("😀"),
        Just("\n\n"),
        Just("."),
    ]
    .prop_map(str::to_owned)
}

/// Paragraphs of sentences, with stray characters put in at any character boundary.
fn copy() -> impl Strategy<Value = String> {
    let paragraph = prop::collection::vec(sentence(), 1..4).prop_map(|s| s.join(" "));
    let paragraphs = prop::collection::vec(paragraph, 1..5).prop_map(|p| p.join("\n\n"));
    (
        paragraphs,
        prop::collection::vec((any::<prop::sample::Index>(), stray()), 0..8),
    )
        .prop_map(|(mut copy, strays)| {
            for (at, s) in strays {
                let boundaries: Vec<usize> = copy.char_indices().map(|(i, _)| i).collect();
                let i = boundaries.get(at.index(boundaries.len().max(1))).copied();
                copy.insert_str(i.unwrap_or(copy.len()), &s);
            }
            copy
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(400)
    ))]

    #[test]
    fn extract_returns_quickly_with_words_from_the_copy(copy in copy(), outlet in any::<bool>()) {
        let setup = Setup {
            outlet: outlet.then(|| "Reuters".to_owned()),
            ..Setup::default()
        };
        let started = Instant::now();
        let proposals = extract(&copy, &setup);
        prop_assert!(started.elapsed() < Duration::from_secs(1));
        shared::words_come_from_the_copy(&copy, &proposals);
        for p in &proposals {
            prop_assert!(!p.attributions.is_empty());
            prop_assert!(p.attributions.iter().all(|a| !a.claimant.trim().is_empty()));
        }
    }
}
