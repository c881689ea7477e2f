//! Every export format, written and read back: claimtrail's JSON, JSONL and CSV give back the
//! claim as it was; ClaimReview is JSON whose claim text is the claim's.
#![no_main]

use arbitrary::Arbitrary;
use claimtrail::exchange::claimreview::{ClaimReviewWriter, Publisher};
use claimtrail::exchange::json::{JsonWriter, JsonlWriter, read_ledger, read_lines};
use claimtrail::exchange::record::{ClaimRecord, Record};
use claimtrail::exchange::{ClaimSink, sheet};
use claimtrail::model::{
    Attribution, Claim, ClaimDetail, ClaimId, Claimant, ClaimantKind, Credibility, Graded, Outlet,
    Reliability, Status, StatusEvent, check_claim_text, check_outlet_name,
};
use claimtrail::time::Timestamp;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    claimant: String,
    role: String,
    affiliation: String,
    confidential: bool,
    via: Vec<String>,
    story: String,
    note: String,
    url: String,
    status: u8,
    made_at: Option<u32>,
    reliability: Option<u8>,
    credibility: Option<u8>,
}

/// A name as the ledger keeps it, or `None` where it would refuse it.
fn name(raw: &str) -> Option<String> {
    let tidy = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(tidy).filter(|n| !n.is_empty() && !n.contains('\0'))
}

/// An optional value as the ledger keeps it: trimmed, and absent when empty.
fn optional(raw: &str) -> Option<String> {
    Some(raw.trim().to_owned()).filter(|v| !v.is_empty())
}

fn detail(input: &Input) -> Option<ClaimDetail> {
    let text = check_claim_text(&input.text).ok()?;
    let at = Timestamp::parse_stored("2014-06-12T12:00:00Z").ok()?;
    let made_at = input
        .made_at
        .and_then(|s| chrono::DateTime::from_timestamp(946_684_800 + i64::from(s), 0))
        .map(Timestamp::from_utc);
    let via = input
        .via
        .iter()
        .map(|o| name(o).and_then(|n| check_outlet_name(&n).ok()))
        .collect::<Option<Vec<_>>>()?;
    let status = Status::ALL[usize::from(input.status) % Status::ALL.len()];
    let attribution = Attribution {
        claimant: Claimant {
            id: 1,
            name: name(&input.claimant)?,
            role: optional(&input.role),
            affiliation: optional(&input.affiliation),
            kind: ClaimantKind::Person,
            confidential: input.confidential,
            reliability: input
                .reliability
                .map(|r| Reliability::ALL[usize::from(r) % Reliability::ALL.len()]),
        },
        recorded_as: None,
        via: via
            .into_iter()
            .enumerate()
            .map(|(i, name)| Outlet {
                id: i as i64 + 1,
                name,
                recorded_as: None,
            })
            .collect(),
        medium: None,
        made_at,
        url: optional(&input.url),
        logged_at: at,
        logged_by: "desk".to_owned(),
        grades: input
            .credibility
            .and_then(|n| Credibility::new(i64::from(n % 6) + 1).ok())
            .map(|grade| Graded {
                grade,
                at,
                by: "desk".to_owned(),
                note: None,
            })
            .into_iter()
            .collect(),
    };
    Some(ClaimDetail {
        claim: Claim {
            id: ClaimId(1),
            uid: "6f1c2a8e-4b1d-4c61-9a55-0d3f0a4e2b7c".to_owned(),
            text,
            story: optional(&input.story),
            status,
            made_at,
            logged_at: at,
            logged_by: "desk".to_owned(),
            attributions: vec![attribution],
        },
        history: vec![StatusEvent {
            status,
            at,
            by: "desk".to_owned(),
            note: optional(&input.note),
            evidence: Vec::new(),
        }],
        edits: Vec::new(),
    })
}

fn written(sink: &mut dyn ClaimSink, detail: &ClaimDetail) {
    sink.claim(detail.clone()).expect("written to memory");
    sink.finish().expect("written to memory");
}

fn claims_in(read: impl FnOnce(&mut dyn FnMut(Record))) -> Vec<ClaimRecord> {
    let mut claims = Vec::new();
    read(&mut |record| {
        if let Record::Claim(claim) = record {
            claims.push(*claim);
        }
    });
    claims
}

fn json_round_trip(detail: &ClaimDetail) {
    let expected = ClaimRecord::from(detail.clone());
    let mut json = Vec::new();
    written(&mut JsonWriter::begin(&mut json, &[], &[]).unwrap(), detail);
    let back = claims_in(|each| {
        read_ledger(&json[..], |item| Ok(each(item.record))).expect("its own JSON reads back")
    });
    assert_eq!(back, [expected.clone()]);
    let mut jsonl = Vec::new();
    written(
        &mut JsonlWriter::begin(&mut jsonl, &[], &[]).unwrap(),
        detail,
    );
    let back = claims_in(|each| {
        read_lines(&jsonl[..], |item| Ok(each(item.record))).expect("its own JSONL reads back")
    });
    assert_eq!(back, [expected]);
}

fn sheet_round_trip(detail: &ClaimDetail) {
    let mut csv = Vec::new();
    written(&mut sheet::SheetWriter::begin(&mut csv).unwrap(), detail);
    let claim = &detail.claim;
    let first = &claim.attributions[0];
    let mut rows = Vec::new();
    sheet::read(&csv[..], "desk", claim.logged_at, |_, row| {
        rows.push(row);
        Ok(())
    })
    .expect("its own CSV reads back");
    let [row] = &rows[..] else {
        panic!("one claim written, {} rows read", rows.len())
    };
    assert_eq!(row.claim.uid, claim.uid);
    assert_eq!(row.claim.text, claim.text);
    assert_eq!(row.claim.story, claim.story);
    assert_eq!(row.claim.status, claim.status);
    assert_eq!(row.claim.made_at, claim.made_at);
    assert_eq!(row.claim.history[0].note, detail.history[0].note);
    assert_eq!(row.claimant.name, first.claimant.name);
    assert_eq!(row.claimant.role, first.claimant.role);
    assert_eq!(row.claimant.affiliation, first.claimant.affiliation);
    assert_eq!(row.claimant.confidential, first.claimant.confidential);
    let via: Vec<&str> = first.via.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(row.claim.attributions[0].via, via);
    assert_eq!(row.claim.attributions[0].url, first.url);
    let reliability: Vec<Reliability> = row.claimant.reliability.iter().map(|g| g.grade).collect();
    assert_eq!(
        reliability,
        first.claimant.reliability.into_iter().collect::<Vec<_>>()
    );
    let credibility: Vec<Credibility> = row.claim.attributions[0]
        .credibility
        .iter()
        .map(|g| g.grade)
        .collect();
    assert_eq!(
        credibility,
        first.credibility().into_iter().collect::<Vec<_>>()
    );
}

fn claimreview_is_json(detail: &ClaimDetail) {
    let publisher = Publisher {
        name: "Desk".to_owned(),
        url: None,
        url_template: "https://desk.example/{uid}".to_owned(),
    };
    let mut out = Vec::new();
    written(
        &mut ClaimReviewWriter::begin(&mut out, publisher).unwrap(),
        detail,
    );
    let reviews: serde_json::Value = serde_json::from_slice(&out).expect("ClaimReview is JSON");
    let reviews = reviews.as_array().expect("a list of reviews");
    let settled = !detail.claim.status.is_open();
    assert_eq!(reviews.len(), usize::from(settled));
    if let Some(review) = reviews.first() {
        assert_eq!(review["claimReviewed"], detail.claim.text);
    }
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(!text.contains('<') && !text.contains('>'));
}

fuzz_target!(|input: Input| {
    let Some(detail) = detail(&input) else {
        return;
    };
    json_round_trip(&detail);
    sheet_round_trip(&detail);
    claimreview_is_json(&detail);
});
