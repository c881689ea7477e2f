//! Inputs the fuzzers (fuzz/) and property tests found to crash or mislead claimtrail, kept
//! as ordinary tests so that none comes back. Each names the shape of input, not the bug.

use claimtrail::extract::{Setup, extract};

fn proposals(copy: &str) -> Vec<String> {
    extract(copy, &Setup::default())
        .into_iter()
        .map(|p| p.text)
        .collect()
}

#[test]
fn a_curly_quote_across_the_eightieth_byte_of_a_paragraph() {
    let copy = "A spokesman for the regional governor, speaking to reporters on Tuesday, said: “The road is closed.”";
    assert_eq!(proposals(copy), ["The road is closed."]);
}

/// Who made and who relayed a proposal's first attribution.
fn first_attribution(copy: &str) -> (String, Vec<String>) {
    let found = extract(copy, &Setup::default());
    let a = &found.first().expect("a proposal").attributions[0];
    (a.claimant.clone(), a.via.clone())
}

// "İ" is two bytes and its lower case three, so a place found in lower-cased copy lay past
// the same place in the copy itself: inside the "Ö" here.
#[test]
fn a_letter_whose_lower_case_is_longer_before_the_author_of_a_recording() {
    let copy =
        "An audio recording of İsmail posted by Ömer Çelik on Sunday said the army had fled.";
    assert_eq!(first_attribution(copy), ("Ömer Çelik".to_owned(), vec![]));
}

// RFC 3339 allows a leap second, which chrono reads as a 61st second; written back as
// "…:60Z" it was a time the ledger could not store or read.
#[test]
fn a_leap_second_is_kept_as_the_second_before_it() {
    use claimtrail::time::{Timestamp, parse_absolute};
    let t = parse_absolute("2016-12-31T23:59:60Z").expect("a leap second is a date");
    assert_eq!(t.to_string(), "2016-12-31T23:59:59Z");
    assert_eq!(Timestamp::parse_stored(&t.to_string()), Ok(t));
}
