//! The claimants and outlets as interchange records, for export. Claims are streamed by
//! `Store::each_claim`; importing is `store::import`.

use std::collections::HashMap;

use anyhow::Result;

use super::Store;
use super::names::{CLAIMANTS, OUTLETS};
use crate::exchange::record::{ClaimantRecord, MergedClaimant, MergedOutlet, OutletRecord};
use crate::model::{Claimant, Visibility};
use crate::store::{Exchange, ImportCounts, ImportWith};

impl Exchange for Store {
    fn claimant_records(&self, visibility: Visibility) -> Result<Vec<ClaimantRecord>> {
        let aliases = CLAIMANTS
            .aliases_by_owner(&self.conn, false)
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, name, role, affiliation, kind, confidential, merged_into
                 FROM claimants ORDER BY name_key, id",
            )
            .map_err(|e| self.err(e))?;
        let mut survivors: Vec<(i64, ClaimantRecord)> = Vec::new();
        let mut merged: HashMap<i64, Vec<MergedClaimant>> = HashMap::new();
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let id: i64 = row.get(0)?;
            let confidential: bool = row.get(5)?;
            let hidden = confidential && visibility == Visibility::Redacted;
            let name = if hidden {
                Claimant::placeholder(id)
            } else {
                row.get(1)?
            };
            let (role, affiliation, kind) = (row.get(2)?, row.get(3)?, row.get(4)?);
            match row.get::<_, Option<i64>>(6)? {
                Some(survivor) => merged.entry(survivor).or_default().push(MergedClaimant {
                    name,
                    role,
                    affiliation,
                    kind,
                    confidential,
                }),
                None => survivors.push((
                    id,
                    ClaimantRecord {
                        name,
                        role,
                        affiliation,
                        kind,
                        confidential,
                        aliases: if hidden {
                            Vec::new()
                        } else {
                            aliases.get(&id).cloned().unwrap_or_default()
                        },
                        merged: Vec::new(),
                    },
                )),
            }
        }
        Ok(survivors
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
            .collect())
    }

    fn outlet_records(&self) -> Result<Vec<OutletRecord>> {
        let aliases = OUTLETS
            .aliases_by_owner(&self.conn, false)
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, kind, merged_into FROM outlets ORDER BY name_key, id")
            .map_err(|e| self.err(e))?;
        let mut survivors: Vec<(i64, OutletRecord)> = Vec::new();
        let mut merged: HashMap<i64, Vec<MergedOutlet>> = HashMap::new();
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let id: i64 = row.get(0)?;
            let (name, kind) = (row.get(1)?, row.get(2)?);
            match row.get::<_, Option<i64>>(3)? {
                Some(survivor) => merged
                    .entry(survivor)
                    .or_default()
                    .push(MergedOutlet { name, kind }),
                None => survivors.push((
                    id,
                    OutletRecord {
                        name,
                        kind,
                        aliases: aliases.get(&id).cloned().unwrap_or_default(),
                        merged: Vec::new(),
                    },
                )),
            }
        }
        Ok(survivors
            .into_iter()
            .map(|(id, mut record)| {
                record.merged = merged.remove(&id).unwrap_or_default();
                record
            })
            .collect())
    }

    fn may_reveal(&self) -> Result<bool> {
        Ok(true)
    }

    fn import(&mut self, commit: bool, f: ImportWith<'_>) -> Result<ImportCounts> {
        self.import_records(commit, f)
    }
}
