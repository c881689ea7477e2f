//! Moving claims in and out of a ledger: claimtrail's own lossless JSON and JSONL, the CSV
//! sheet a reporter keeps, and schema.org ClaimReview for publishing verdicts.

pub mod cell;
pub mod claimreview;
pub mod json;
pub mod record;
pub mod sheet;

use std::path::Path;

use anyhow::Result;

use crate::model::ClaimDetail;
use record::Record;

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
