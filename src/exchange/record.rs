//! claimtrail's own interchange format: the portable records (`crate::portable`) as JSON,
//! each checked on the way in, and the envelope that names what each JSONL line holds.

use serde::{Deserialize, Serialize};

use uuid::Uuid;

use crate::model::{check_claim_text, check_outlet_name};
pub use crate::portable::*;

/// The version of the interchange format written by this claimtrail.
pub const FORMAT_VERSION: u32 = 1;

impl ClaimRecord {
    /// Refuses what could not have come from a ledger, naming the field; tidies the uid.
    pub fn validate(&mut self) -> Result<(), String> {
        let uid = Uuid::parse_str(self.uid.trim())
            .map_err(|_| format!("field uid: \"{}\" is not a UUID", self.uid))?;
        self.uid = uid.hyphenated().to_string();
        self.text = check_claim_text(&self.text).map_err(|e| format!("field text: {e}"))?;
        if self.logged_by.trim().is_empty() {
            return Err("field logged_by: cannot be empty".into());
        }
        if self.attributions.is_empty() {
            return Err("field attributions: a claim needs at least one".into());
        }
        for (i, a) in self.attributions.iter().enumerate() {
            if a.claimant.trim().is_empty() {
                return Err(format!("field attributions[{i}]: names cannot be empty"));
            }
            for outlet in &a.via {
                check_outlet_name(outlet).map_err(|e| format!("field attributions[{i}]: {e}"))?;
            }
        }
        let latest = self
            .history
            .iter()
            .enumerate()
            .max_by_key(|(i, e)| (e.at, *i))
            .map(|(_, e)| e.status)
            .ok_or("field history: a claim needs at least one status event")?;
        if latest != self.status {
            return Err(format!(
                "field status: \"{}\" is not the latest status in its history (\"{latest}\")",
                self.status
            ));
        }
        Ok(())
    }
}

impl OutletRecord {
    /// Refuses a name that could not be an outlet's, naming the field.
    pub fn validate(&self) -> Result<(), String> {
        check_outlet_name(&self.name).map_err(|e| format!("field name: {e}"))?;
        for alias in &self.aliases {
            check_outlet_name(alias).map_err(|e| format!("field aliases: {e}"))?;
        }
        for merged in &self.merged {
            check_outlet_name(&merged.name).map_err(|e| format!("field merged: {e}"))?;
        }
        Ok(())
    }
}

/// One line of JSONL: each names what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Record {
    Claimtrail(u32),
    Claimant(ClaimantRecord),
    Outlet(OutletRecord),
    Claim(Box<ClaimRecord>),
}
