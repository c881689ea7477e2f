//! Claimants and outlets as interchange records, put together from rows the same way
//! whichever backend read them: merged duplicates under their survivors, and a hidden
//! claimant named by its placeholder, without aliases that would name it.

use std::collections::HashMap;

use crate::model::{Claimant, ClaimantKind, Graded, OutletKind, Reliability, Visibility};
use crate::portable::{ClaimantRecord, MergedClaimant, MergedOutlet, OutletRecord};

/// A claimants row, in name order.
pub struct ClaimantRow {
    pub id: i64,
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub kind: ClaimantKind,
    pub confidential: bool,
    pub merged_into: Option<i64>,
    /// Its reliability grades, oldest first.
    pub reliability: Vec<Graded<Reliability>>,
}

/// An outlets row, in name order.
pub struct OutletRow {
    pub id: i64,
    pub name: String,
    pub kind: OutletKind,
    pub merged_into: Option<i64>,
}

pub fn claimant_records(
    rows: Vec<ClaimantRow>,
    aliases: &HashMap<i64, Vec<String>>,
    visibility: Visibility,
) -> Vec<ClaimantRecord> {
    let mut survivors: Vec<(i64, ClaimantRecord)> = Vec::new();
    let mut merged: HashMap<i64, Vec<MergedClaimant>> = HashMap::new();
    for row in rows {
        let hidden = row.confidential && visibility == Visibility::Redacted;
        let name = if hidden {
            Claimant::placeholder(row.id)
        } else {
            row.name
        };
        match row.merged_into {
            Some(survivor) => merged.entry(survivor).or_default().push(MergedClaimant {
                name,
                role: row.role,
                affiliation: row.affiliation,
                kind: row.kind,
                confidential: row.confidential,
            }),
            None => survivors.push((
                row.id,
                ClaimantRecord {
                    name,
                    role: row.role,
                    affiliation: row.affiliation,
                    kind: row.kind,
                    confidential: row.confidential,
                    aliases: if hidden {
                        Vec::new()
                    } else {
                        aliases.get(&row.id).cloned().unwrap_or_default()
                    },
                    reliability: row.reliability,
                    merged: Vec::new(),
                },
            )),
        }
    }
    survivors
        .into_iter()
        .map(|(id, mut record)| {
            record.merged = merged.remove(&id).unwrap_or_default();
            if record.confidential && visibility == Visibility::Redacted {
                // A hidden claimant's duplicates would name it.
                for (n, m) in record.merged.iter_mut().enumerate() {
                    m.name = format!("{} (duplicate {})", record.name, n + 1);
                }
            }
            record
        })
        .collect()
}

pub fn outlet_records(
    rows: Vec<OutletRow>,
    aliases: &HashMap<i64, Vec<String>>,
) -> Vec<OutletRecord> {
    let mut survivors: Vec<(i64, OutletRecord)> = Vec::new();
    let mut merged: HashMap<i64, Vec<MergedOutlet>> = HashMap::new();
    for row in rows {
        match row.merged_into {
            Some(survivor) => merged.entry(survivor).or_default().push(MergedOutlet {
                name: row.name,
                kind: row.kind,
            }),
            None => survivors.push((
                row.id,
                OutletRecord {
                    name: row.name,
                    kind: row.kind,
                    aliases: aliases.get(&row.id).cloned().unwrap_or_default(),
                    merged: Vec::new(),
                },
            )),
        }
    }
    survivors
        .into_iter()
        .map(|(id, mut record)| {
            record.merged = merged.remove(&id).unwrap_or_default();
            record
        })
        .collect()
}
