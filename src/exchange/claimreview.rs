//! Settled claims as schema.org ClaimReview JSON-LD, ready to embed in a fact-check page and
//! read by fact-check aggregators. Confidential claimants are never named here.

use std::io::Write;

use anyhow::Result;
use serde_json::{Map, Value, json};

use super::ClaimSink;
use crate::model::{Attribution, ClaimDetail, ClaimantKind, Outlet, Status};
use crate::time::Timestamp;

/// Who publishes the reviews, and where each review will live.
pub struct Publisher {
    pub name: String,
    pub url: Option<String>,
    /// A URL with `{uid}` where the claim's uid goes.
    pub url_template: String,
}

/// The verdict scale: 1 (false) to 3 (true).
const WORST: u8 = 1;
const BEST: u8 = 3;

/// The rating a settled status earns, and the verdict in words; open claims have none.
pub fn rating(status: Status) -> Option<(u8, &'static str)> {
    match status {
        Status::Verified => Some((BEST, "True")),
        Status::Retracted => Some((2, "Retracted by its source")),
        Status::False => Some((WORST, "False")),
        Status::Unverified | Status::Corroborated | Status::Disputed => None,
    }
}

/// Writes a JSON array of ClaimReview objects, one a settled claim; open claims are skipped.
pub struct ClaimReviewWriter<W: Write> {
    out: W,
    publisher: Publisher,
    written: u64,
}

impl<W: Write> ClaimReviewWriter<W> {
    pub fn begin(mut out: W, publisher: Publisher) -> Result<Self> {
        out.write_all(b"[")?;
        Ok(ClaimReviewWriter {
            out,
            publisher,
            written: 0,
        })
    }
}

impl<W: Write> ClaimSink for ClaimReviewWriter<W> {
    fn claim(&mut self, detail: ClaimDetail) -> Result<()> {
        let Some(review) = review(&detail, &self.publisher) else {
            return Ok(());
        };
        self.out
            .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer_pretty(&mut self.out, &review)?;
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        let close = if self.written == 0 { "]\n" } else { "\n]\n" };
        self.out.write_all(close.as_bytes())?;
        self.out.flush()?;
        Ok(())
    }
}

/// One ClaimReview, or `None` for a claim not yet settled.
pub fn review(detail: &ClaimDetail, publisher: &Publisher) -> Option<Value> {
    let claim = &detail.claim;
    let (value, verdict) = rating(claim.status)?;
    let reviewed_at = detail.history.last().map_or(claim.logged_at, |e| e.at);
    let mut author = json!({"@type": "Organization", "name": publisher.name});
    if let Some(url) = &publisher.url {
        author["url"] = json!(url);
    }
    Some(json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": publisher.url_template.replace("{uid}", &claim.uid),
        "claimReviewed": claim.text,
        "datePublished": date(reviewed_at),
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": verdict,
        },
        "itemReviewed": item_reviewed(detail),
    }))
}

fn item_reviewed(detail: &ClaimDetail) -> Value {
    let claim = &detail.claim;
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    if let Some(first) = claim.attributions.first() {
        item.insert("author".into(), claimant(first));
    }
    if let Some(made) = claim
        .made_at
        .or_else(|| claim.attributions.first()?.made_at)
    {
        item.insert("datePublished".into(), json!(date(made)));
    }
    let appearances: Vec<Value> = claim.attributions.iter().filter_map(appearance).collect();
    if let Some(first) = claim.attributions.iter().find_map(first_appearance) {
        item.insert("firstAppearance".into(), first);
    }
    if !appearances.is_empty() {
        item.insert("appearance".into(), Value::Array(appearances));
    }
    Value::Object(item)
}

/// Who made the claim; a confidential claimant is described, never named.
fn claimant(a: &Attribution) -> Value {
    let c = &a.claimant;
    if c.kind == ClaimantKind::Organization && !c.confidential {
        return json!({"@type": "Organization", "name": c.name});
    }
    let name = if c.confidential {
        "Confidential source"
    } else {
        &c.name
    };
    let mut person = json!({"@type": "Person", "name": name});
    if let Some(role) = &c.role {
        person["jobTitle"] = json!(role);
    }
    if let Some(affiliation) = &c.affiliation {
        person["affiliation"] = json!({"@type": "Organization", "name": affiliation});
    }
    person
}

/// Where the claim appeared as this attribution's chain carried it: the last outlet's report.
fn appearance(a: &Attribution) -> Option<Value> {
    let last = a.via.last()?;
    Some(work(last, a.url.as_deref(), a.made_at))
}

/// Where it first appeared: the first outlet in the chain, nearest the claimant.
fn first_appearance(a: &Attribution) -> Option<Value> {
    let first = a.via.first()?;
    let url = (a.via.len() == 1).then_some(a.url.as_deref()).flatten();
    Some(work(first, url, a.made_at))
}

fn work(outlet: &Outlet, url: Option<&str>, made: Option<Timestamp>) -> Value {
    let mut work = json!({
        "@type": "CreativeWork",
        "publisher": {"@type": "Organization", "name": outlet.name},
    });
    if let Some(url) = url {
        work["url"] = json!(url);
    }
    if let Some(made) = made {
        work["datePublished"] = json!(date(made));
    }
    work
}

/// schema.org Dates: YYYY-MM-DD.
fn date(t: Timestamp) -> String {
    t.to_string()[..10].to_owned()
}
