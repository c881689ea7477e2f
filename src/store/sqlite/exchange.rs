//! The claimants and outlets as interchange records, for export. Claims are streamed by
//! `each_claim`; importing is `import.rs`.

use anyhow::Result;

use super::Store;
use super::names::{CLAIMANTS, OUTLETS};
use crate::exchange::record::{ClaimantRecord, OutletRecord};
use crate::model::Visibility;
use crate::store::records::{self, ClaimantRow, OutletRow};
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
        let rows = stmt
            .query_map([], |row| {
                Ok(ClaimantRow {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    role: row.get(2)?,
                    affiliation: row.get(3)?,
                    kind: row.get(4)?,
                    confidential: row.get(5)?,
                    merged_into: row.get(6)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(records::claimant_records(rows, &aliases, visibility))
    }

    fn outlet_records(&self) -> Result<Vec<OutletRecord>> {
        let aliases = OUTLETS
            .aliases_by_owner(&self.conn, false)
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, kind, merged_into FROM outlets ORDER BY name_key, id")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |row| {
                Ok(OutletRow {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    kind: row.get(2)?,
                    merged_into: row.get(3)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(records::outlet_records(rows, &aliases))
    }

    fn may_reveal(&self) -> Result<bool> {
        Ok(true)
    }

    fn import(&mut self, commit: bool, f: ImportWith<'_>) -> Result<ImportCounts> {
        self.import_records(commit, f)
    }
}
