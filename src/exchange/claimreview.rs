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
        let text = serde_json::to_string_pretty(&review)?;
        self.out.write_all(safe_in_html(&text).as_bytes())?;
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
    let mut appearances: Vec<Value> = Vec::new();
    for a in claim.attributions.iter().filter_map(appearance) {
        if !appearances.contains(&a) {
            appearances.push(a);
        }
    }
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
    if let Some(url) = url.filter(|u| is_web_address(u)) {
        work["url"] = json!(url);
    }
    if let Some(made) = made {
        work["datePublished"] = json!(date(made));
    }
    work
}

/// Only absolute web addresses are URLs to a reader of JSON-LD; anything else is left out.
pub fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// JSON that can sit inside a `<script type="application/ld+json">` element: `<`, `>` and
/// `&` (which only occur inside strings) are written as escapes, so a claim quoting
/// `</script>` cannot end the element.
fn safe_in_html(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// schema.org Dates: YYYY-MM-DD.
fn date(t: Timestamp) -> String {
    t.utc().format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_web_addresses_count_as_urls() {
        assert!(is_web_address("https://desk.example/checks/1"));
        assert!(is_web_address("http://nbcnews.com"));
        assert!(!is_web_address("www.outlet.example/story"));
        assert!(!is_web_address("https://"));
        assert!(!is_web_address("https:///path"));
        assert!(!is_web_address("https://a b"));
    }

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let text = serde_json::to_string(&json!({"claimReviewed": "a </script> & b"})).unwrap();
        let safe = safe_in_html(&text);
        assert!(!safe.contains("</script>"));
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["claimReviewed"], "a </script> & b");
    }
}
