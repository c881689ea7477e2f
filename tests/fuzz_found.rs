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

// A claim's first letter is capitalised; "ﬀ" (one letter, a ligature) capitalises to "FF",
// two, and "ß" to "SS", which changed the word the copy had.
#[test]
fn a_first_letter_whose_capital_is_two_letters() {
    for (copy, claim) in [
        (
            "ﬀx fighters will march, according to Fareed Yasseen.",
            "ﬀx fighters will march.",
        ),
        (
            "ßeta units will march, according to Fareed Yasseen.",
            "ßeta units will march.",
        ),
        (
            "ıraq will ask for help, according to Fareed Yasseen.",
            "ıraq will ask for help.",
        ),
    ] {
        assert_eq!(proposals(copy), [claim], "{copy}");
    }
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

// An outlet whose name held ">" came back from claimtrail's own CSV as a longer chain
// (found by export_roundtrip); such a name is refused wherever it could come in.
#[test]
fn an_outlet_named_like_a_chain_is_refused_on_import() {
    use claimtrail::exchange::json::read_lines;
    use claimtrail::exchange::record::Record;
    let jsonl = r#"{"claim":{"uid":"6f1c2a8e-4b1d-4c61-9a55-0d3f0a4e2b7c","text":"x","logged_at":"2014-06-12T12:00:00Z","logged_by":"desk","status":"unverified","attributions":[{"claimant":"y","via":["SITE > NBC"],"logged_at":"2014-06-12T12:00:00Z","logged_by":"desk"}],"history":[{"status":"unverified","at":"2014-06-12T12:00:00Z","by":"desk"}]}}
{"outlet":{"name":"NBC>MSNBC"}}"#;
    let mut refused = Vec::new();
    read_lines(jsonl.as_bytes(), |item| {
        match item.record {
            Record::Claim(mut claim) => refused.push(claim.validate().unwrap_err()),
            Record::Outlet(outlet) => refused.push(outlet.validate().unwrap_err()),
            _ => {}
        }
        Ok(())
    })
    .unwrap();
    assert_eq!(refused.len(), 2);
    assert!(
        refused[0].starts_with("field attributions[0]: outlet name \"SITE > NBC\" cannot contain"),
        "{}",
        refused[0]
    );
    assert!(
        refused[1].starts_with("field name: outlet name \"NBC>MSNBC\""),
        "{}",
        refused[1]
    );
}
