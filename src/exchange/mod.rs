//! Moving claims in and out of a ledger: claimtrail's own lossless JSON and JSONL, the CSV
//! sheet a reporter keeps, and schema.org ClaimReview for publishing verdicts.

pub mod cell;
pub mod claimreview;
pub mod json;
pub mod record;
pub mod sheet;

use std::path::Path;

use anyhow::{Context as _, Result, anyhow};

use crate::model::ClaimDetail;
use crate::store::Import;
use record::{FORMAT_VERSION, Record};

/// The formats `import` and `export` speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
    ClaimReview,
}

impl Format {
    /// The format a file name suggests.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "jsonld" => Some(Format::ClaimReview),
            _ => None,
        }
    }
}

/// Where an export's claims go, one at a time.
pub trait ClaimSink {
    fn claim(&mut self, detail: ClaimDetail) -> Result<()>;
    fn finish(&mut self) -> Result<()>;
}

/// A record read from a file, with where it was, for messages.
pub struct Item {
    pub position: String,
    pub record: Record,
}

/// Hands a record read from claimtrail's JSON or JSONL to an import, each checked first: a
/// newer format is refused, and a claim or outlet that could not have come from a ledger.
pub fn apply(importer: &mut dyn Import, item: Item) -> Result<()> {
    let Item { position, record } = item;
    match record {
        Record::Claimtrail(version) if version > FORMAT_VERSION => Err(anyhow!(
            "written by a newer claimtrail (format {version}; this one reads up to {FORMAT_VERSION})"
        )),
        Record::Claimtrail(_) => Ok(()),
        Record::Claimant(claimant) => importer.claimant(&claimant),
        Record::Outlet(outlet) => outlet
            .validate()
            .map_err(|e| anyhow!(e))
            .and_then(|()| importer.outlet(&outlet)),
        Record::Claim(mut claim) => {
            return match claim.validate() {
                Ok(()) => importer.claim(*claim, position),
                Err(e) => Err(anyhow!(e)).with_context(|| position),
            };
        }
    }
    .with_context(|| position)
}
