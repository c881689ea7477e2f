//! Claims as ledgers exchange them: named by names and uids rather than row ids, so that one
//! ledger's contents merge into another's. What `copy_between`, `push`, `pull` and every
//! import hand the store, and what the store gives back for export; the file formats in
//! `exchange` read and write them.

use serde::{Deserialize, Serialize};

use crate::model::{
    Attribution, ClaimDetail, ClaimEdit, ClaimantKind, Credibility, EditField, Graded, OutletKind,
    Reliability, Status, StatusEvent,
};
use crate::time::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimantRecord {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub affiliation: Option<String>,
    #[serde(default = "person")]
    pub kind: ClaimantKind,
    #[serde(default)]
    pub confidential: bool,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Its reliability as editors have graded it, oldest first; the latest stands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reliability: Vec<Graded<Reliability>>,
    /// Duplicates folded into this claimant; attributions may still name them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<MergedClaimant>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergedClaimant {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub affiliation: Option<String>,
    #[serde(default = "person")]
    pub kind: ClaimantKind,
    #[serde(default)]
    pub confidential: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutletRecord {
    pub name: String,
    #[serde(default = "other")]
    pub kind: OutletKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<MergedOutlet>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergedOutlet {
    pub name: String,
    #[serde(default = "other")]
    pub kind: OutletKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRecord {
    pub uid: String,
    pub text: String,
    #[serde(default)]
    pub story: Option<String>,
    #[serde(default)]
    pub made_at: Option<Timestamp>,
    pub logged_at: Timestamp,
    pub logged_by: String,
    /// The latest event's status, written for readers; on import it must agree.
    pub status: Status,
    pub attributions: Vec<AttributionRecord>,
    pub history: Vec<EventRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<EditRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributionRecord {
    pub claimant: String,
    /// The merged duplicate this attribution was logged under, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_as: Option<String>,
    #[serde(default)]
    pub via: Vec<String>,
    /// For each outlet in `via`, the merged duplicate it was logged under, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via_recorded_as: Vec<Option<String>>,
    #[serde(default)]
    pub medium: Option<String>,
    #[serde(default)]
    pub made_at: Option<Timestamp>,
    #[serde(default)]
    pub url: Option<String>,
    pub logged_at: Timestamp,
    pub logged_by: String,
    /// The credibility of what it says, as graded, oldest first; the latest stands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credibility: Vec<Graded<Credibility>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    pub status: Status,
    pub at: Timestamp,
    pub by: String,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditRecord {
    pub field: EditField,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub at: Timestamp,
    pub by: String,
    #[serde(default)]
    pub note: Option<String>,
}

impl ClaimantRecord {
    /// A claimant known only by name: a person, with nothing else on record.
    pub fn named(name: &str) -> ClaimantRecord {
        ClaimantRecord {
            name: name.to_owned(),
            role: None,
            affiliation: None,
            kind: ClaimantKind::Person,
            confidential: false,
            aliases: Vec::new(),
            reliability: Vec::new(),
            merged: Vec::new(),
        }
    }
}

impl From<&MergedClaimant> for ClaimantRecord {
    fn from(m: &MergedClaimant) -> Self {
        ClaimantRecord {
            role: m.role.clone(),
            affiliation: m.affiliation.clone(),
            kind: m.kind,
            confidential: m.confidential,
            ..ClaimantRecord::named(&m.name)
        }
    }
}

fn person() -> ClaimantKind {
    ClaimantKind::Person
}

fn other() -> OutletKind {
    OutletKind::Other
}

impl From<ClaimDetail> for ClaimRecord {
    fn from(detail: ClaimDetail) -> Self {
        let claim = detail.claim;
        ClaimRecord {
            uid: claim.uid,
            text: claim.text,
            story: claim.story,
            made_at: claim.made_at,
            logged_at: claim.logged_at,
            logged_by: claim.logged_by,
            status: claim.status,
            attributions: claim.attributions.into_iter().map(Into::into).collect(),
            history: detail.history.into_iter().map(Into::into).collect(),
            edits: detail.edits.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<Attribution> for AttributionRecord {
    fn from(a: Attribution) -> Self {
        let via_recorded_as: Vec<Option<String>> =
            a.via.iter().map(|o| o.recorded_as.clone()).collect();
        AttributionRecord {
            claimant: a.claimant.name,
            recorded_as: a.recorded_as,
            via_recorded_as: if via_recorded_as.iter().any(Option::is_some) {
                via_recorded_as
            } else {
                Vec::new()
            },
            via: a.via.into_iter().map(|o| o.name).collect(),
            medium: a.medium,
            made_at: a.made_at,
            url: a.url,
            logged_at: a.logged_at,
            logged_by: a.logged_by,
            credibility: a.grades,
        }
    }
}

impl From<StatusEvent> for EventRecord {
    fn from(e: StatusEvent) -> Self {
        EventRecord {
            status: e.status,
            at: e.at,
            by: e.by,
            note: e.note,
            evidence: e.evidence,
        }
    }
}

impl From<ClaimEdit> for EditRecord {
    fn from(e: ClaimEdit) -> Self {
        EditRecord {
            field: e.field,
            old_value: e.old_value,
            new_value: e.new_value,
            at: e.at,
            by: e.by,
            note: e.note,
        }
    }
}
