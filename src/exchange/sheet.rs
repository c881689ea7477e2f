//! The CSV sheet a reporter keeps: one claim a row, with columns `text`, `claimant` and `via`
//! (outlets joined by `>`), and optionally `uid`, `story`, `made_at`, `status`, `note`, `url`,
//! `role`, `affiliation`, `confidential`, and the grades `reliability` (A–F) and
//! `credibility` (1–6).

use std::collections::HashMap;
use std::io::{Read, Write};

use anyhow::{Result, anyhow, bail};
use uuid::Uuid;

use super::record::{AttributionRecord, ClaimRecord, ClaimantRecord, EventRecord};
use super::{ClaimSink, cell};
use crate::model::{ClaimDetail, Credibility, Graded, Reliability, Status, check_claim_text};
use crate::time::{Timestamp, parse_absolute};

pub const COLUMNS: [&str; 14] = [
    "uid",
    "text",
    "claimant",
    "via",
    "story",
    "made_at",
    "status",
    "note",
    "url",
    "role",
    "affiliation",
    "confidential",
    "reliability",
    "credibility",
];

const REQUIRED: [&str; 3] = ["text", "claimant", "via"];

/// Writes one row a claim: its first attribution, and its current status with that
/// status's note.
pub struct SheetWriter<W: Write> {
    out: csv::Writer<W>,
}

impl<W: Write> SheetWriter<W> {
    pub fn begin(out: W) -> Result<Self> {
        let mut out = csv::Writer::from_writer(out);
        out.write_record(COLUMNS)?;
        Ok(SheetWriter { out })
    }
}

impl<W: Write> ClaimSink for SheetWriter<W> {
    fn claim(&mut self, detail: ClaimDetail) -> Result<()> {
        let claim = &detail.claim;
        let first = claim.attributions.first();
        let text = |v: Option<&String>| v.cloned().unwrap_or_default();
        let via: Vec<&str> = first
            .map(|a| a.via.iter().map(|o| o.name.as_str()).collect())
            .unwrap_or_default();
        let note = detail.history.last().and_then(|e| e.note.clone());
        let row = [
            claim.uid.clone(),
            claim.text.clone(),
            first.map(|a| a.claimant.name.clone()).unwrap_or_default(),
            via.join(" > "),
            text(claim.story.as_ref()),
            claim.made_at.map(|t| t.to_string()).unwrap_or_default(),
            claim.status.to_string(),
            note.unwrap_or_default(),
            text(first.and_then(|a| a.url.as_ref())),
            text(first.and_then(|a| a.claimant.role.as_ref())),
            text(first.and_then(|a| a.claimant.affiliation.as_ref())),
            // Kept so that a sheet exported with --reveal does not unmask the source where
            // it is imported.
            if first.is_some_and(|a| a.claimant.confidential) {
                "yes".to_owned()
            } else {
                String::new()
            },
            first
                .and_then(|a| a.claimant.reliability)
                .map(|r| r.to_string())
                .unwrap_or_default(),
            first
                .and_then(|a| a.credibility())
                .map(|c| c.to_string())
                .unwrap_or_default(),
        ];
        self.out
            .write_record(row.iter().map(|value| cell::to_sheet(value).into_owned()))?;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

/// A sheet row, ready for the importer: the claimant's details and the claim.
#[derive(Debug)]
pub struct SheetRow {
    pub claimant: ClaimantRecord,
    pub claim: ClaimRecord,
}

/// Reads the sheet a row at a time; `by` and `at` are who is importing it, and when.
pub fn read(
    reader: impl Read,
    by: &str,
    at: Timestamp,
    mut each: impl FnMut(&str, SheetRow) -> Result<()>,
) -> Result<()> {
    let mut rows = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(reader);
    let header = rows.headers().map_err(|e| anyhow!("the header row: {e}"))?;
    let columns: HashMap<String, usize> = header
        .iter()
        .enumerate()
        .map(|(i, name)| (name.trim().to_lowercase(), i))
        .collect();
    if let Some(missing) = REQUIRED.iter().find(|c| !columns.contains_key(**c)) {
        bail!(
            "the sheet has no \"{missing}\" column (it needs text, claimant and via; found: {})",
            header.iter().collect::<Vec<_>>().join(", ")
        );
    }
    for row in rows.records() {
        let row = row.map_err(|e| anyhow!("{e}"))?;
        let line = row.position().map_or(0, |p| p.line());
        let place = format!("line {line}");
        let get = |name: &str| -> Option<String> {
            columns
                .get(name)
                .and_then(|&i| row.get(i))
                .map(|value| cell::from_sheet(value).trim())
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let parsed = parse_row(&get, by, at).map_err(|e| anyhow!("{place}, {e}"))?;
        each(&place, parsed)?;
    }
    Ok(())
}

fn parse_row(get: &dyn Fn(&str) -> Option<String>, by: &str, at: Timestamp) -> Result<SheetRow> {
    let column = |name: &str, e: String| anyhow!("column {name}: {e}");
    let text = check_claim_text(&get("text").unwrap_or_default()).map_err(|e| column("text", e))?;
    let claimant = get("claimant").ok_or_else(|| column("claimant", "cannot be empty".into()))?;
    let via = match get("via") {
        Some(chain) => chain
            .split('>')
            .map(|o| {
                let o = o.trim();
                if o.is_empty() {
                    Err(column("via", format!("\"{chain}\" has an empty step")))
                } else {
                    Ok(o.to_owned())
                }
            })
            .collect::<Result<Vec<_>>>()?,
        None => Vec::new(),
    };
    let status: Status = match get("status") {
        Some(s) => s.parse().map_err(|e| column("status", e))?,
        None => Status::Unverified,
    };
    let made_at = get("made_at")
        .map(|d| parse_absolute(&d))
        .transpose()
        .map_err(|e| column("made_at", e))?;
    let uid = get("uid")
        .map(|u| Uuid::parse_str(&u).map_err(|_| column("uid", format!("\"{u}\" is not a UUID"))))
        .transpose()?;
    let confidential = match get("confidential").map(|v| v.to_lowercase()) {
        None => false,
        Some(v) if ["yes", "y", "true", "1", "x"].contains(&v.as_str()) => true,
        Some(v) if ["no", "n", "false", "0"].contains(&v.as_str()) => false,
        Some(v) => return Err(column("confidential", format!("\"{v}\" is not yes or no"))),
    };
    let reliability = get("reliability")
        .map(|r| {
            r.parse::<Reliability>()
                .map_err(|e| column("reliability", e))
        })
        .transpose()?;
    let credibility = get("credibility")
        .map(|c| {
            c.parse::<Credibility>()
                .map_err(|e| column("credibility", e))
        })
        .transpose()?;
    let attribution = AttributionRecord {
        claimant: claimant.clone(),
        recorded_as: None,
        via,
        via_recorded_as: Vec::new(),
        medium: None,
        made_at,
        url: get("url"),
        logged_at: at,
        logged_by: by.to_owned(),
        credibility: credibility
            .map(|g| Graded::new(g, at, by, None))
            .into_iter()
            .collect(),
    };
    Ok(SheetRow {
        claimant: ClaimantRecord {
            role: get("role"),
            affiliation: get("affiliation"),
            confidential,
            reliability: reliability
                .map(|g| Graded::new(g, at, by, None))
                .into_iter()
                .collect(),
            ..ClaimantRecord::named(&claimant)
        },
        claim: ClaimRecord {
            uid: uid.unwrap_or_else(Uuid::new_v4).hyphenated().to_string(),
            text,
            story: get("story"),
            made_at,
            logged_at: at,
            logged_by: by.to_owned(),
            status,
            attributions: vec![attribution],
            history: vec![EventRecord {
                status,
                at,
                by: by.to_owned(),
                note: get("note"),
                evidence: Vec::new(),
            }],
            edits: Vec::new(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(sheet: &str) -> Result<Vec<SheetRow>> {
        let at = parse_absolute("2014-06-12T12:00:00Z").unwrap();
        let mut out = Vec::new();
        read(sheet.as_bytes(), "desk", at, |_, row| {
            out.push(row);
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn a_reporters_sheet_reads_with_headers_in_any_case_and_order() {
        let sheet = "Via,TEXT,Claimant,Status,Made_At\n\
                     SITE Intelligence Group > NBC News,March to Baghdad,Adnani,disputed,2014-06-12\n";
        let row = rows(sheet).unwrap().remove(0);
        assert_eq!(row.claim.text, "March to Baghdad");
        assert_eq!(row.claim.status, Status::Disputed);
        assert_eq!(
            row.claim.attributions[0].via,
            ["SITE Intelligence Group", "NBC News"]
        );
        assert_eq!(
            row.claim.made_at.unwrap().to_string(),
            "2014-06-12T00:00:00Z"
        );
        assert_eq!(row.claimant.name, "Adnani");
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let err = rows("text,claimant\nx,y\n").unwrap_err().to_string();
        assert!(err.starts_with("the sheet has no \"via\" column"), "{err}");
    }

    #[test]
    fn a_bad_cell_is_named_by_line_and_column() {
        let err = rows("text,claimant,via,made_at\nok,a,,2014-06-12\nbad,b,,2014-13-45\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("line 3, column made_at: malformed date"),
            "{err}"
        );
        let err = rows("text,claimant,via\nx,y,SITE > > NBC\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("column via"), "{err}");
    }
}
