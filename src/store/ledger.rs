//! The ledger's interface: what the commands may ask of a ledger, whichever backend holds
//! it, and the plain types they ask in. A local file (`sqlite`) and a desk server (`pg`)
//! each implement every trait here; nothing outside `store` knows which one it has.

use std::path::Path;

use anyhow::Result;

use crate::model::{
    Claim, ClaimDetail, ClaimId, Claimant, ClaimantKind, ClaimantSummary, Credibility, EditField,
    GroupCounts, OutletKind, OutletSummary, Reliability, Status, StoryCount, Visibility, describe,
};
use crate::portable::{ClaimRecord, ClaimantRecord, OutletRecord};
use crate::time::Timestamp;

/// What a claim that duplicates another must share with it: two of its content words, or
/// its one word when it has just one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordPairs {
    Pairs(Vec<(String, String)>),
    Single(String),
    Nothing,
}

impl WordPairs {
    /// At most `most` words are paired, the longest first: long words are the rare ones
    /// that tell claims apart.
    pub fn of(words: impl IntoIterator<Item = String>, most: usize) -> WordPairs {
        let mut words: Vec<String> = words.into_iter().collect();
        words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        words.dedup();
        words.truncate(most);
        match words.len() {
            0 => WordPairs::Nothing,
            1 => WordPairs::Single(words.remove(0)),
            _ => {
                let mut pairs = Vec::new();
                for (i, a) in words.iter().enumerate() {
                    for b in &words[i + 1..] {
                        pairs.push((a.clone(), b.clone()));
                    }
                }
                WordPairs::Pairs(pairs)
            }
        }
    }
}

/// A whole ledger: every area below.
pub trait Ledger: Claims + Sources + Reports + Exchange + Upkeep {}

impl<T: Claims + Sources + Reports + Exchange + Upkeep> Ledger for T {}

/// Claims, their attributions and their status history.
pub trait Claims {
    /// Logs several claims, each with its first attribution and first status event, in one
    /// transaction: all of them, or none.
    fn add_claims(&mut self, claims: &[NewClaim], by: &str, at: Timestamp) -> Result<Vec<Logged>>;

    /// Logs one claim with its first attribution and first status event, all or nothing.
    fn add_claim(&mut self, claim: &NewClaim, by: &str, at: Timestamp) -> Result<Logged> {
        let mut logged = self.add_claims(std::slice::from_ref(claim), by, at)?;
        logged
            .pop()
            .ok_or_else(|| anyhow::anyhow!("the claim was not logged"))
    }

    /// Records another attribution of an existing claim: how corroboration is logged.
    fn cite(
        &mut self,
        id: ClaimId,
        attribution: &NewAttribution,
        by: &str,
        at: Timestamp,
    ) -> Result<Logged>;

    /// Appends a status event; returns the status the claim had before.
    fn mark(&mut self, id: ClaimId, event: &NewEvent, by: &str, at: Timestamp) -> Result<Status>;

    /// Corrects fields of a claim, keeping each old value in its history; returns the
    /// fields that actually changed.
    fn edit_claim(
        &mut self,
        id: ClaimId,
        changes: &[(EditField, Option<String>)],
        note: Option<&str>,
        by: &str,
        at: Timestamp,
    ) -> Result<Vec<EditField>>;

    /// Grades again the credibility of one of the claim's attributions, numbered from 1 as
    /// `show` lists them (`None` for the only one), keeping the earlier grade in its history.
    /// Returns the attribution's number and the grade it had.
    fn grade_attribution(
        &mut self,
        id: ClaimId,
        which: Option<usize>,
        credibility: Credibility,
        note: Option<&str>,
        by: &str,
        at: Timestamp,
    ) -> Result<(usize, Option<Credibility>)>;

    /// Every story with how many claims it has and how many of them are open, by name.
    fn stories(&self) -> Result<Vec<StoryCount>>;

    /// How many claims the filter selects.
    fn count_claims(&self, filter: &ClaimFilter) -> Result<u64>;

    /// The claims the filter selects, oldest logged first, each with its attributions.
    fn list_claims(&self, filter: &ClaimFilter, visibility: Visibility) -> Result<Vec<Claim>>;

    /// One claim whole, with its full status history; `None` when no claim has that id.
    fn claim_detail(&self, id: ClaimId, visibility: Visibility) -> Result<Option<ClaimDetail>>;

    /// Calls `each` with every claim the filter selects, whole, in the order they were
    /// logged, a batch at a time so that memory does not grow with the ledger. Returns how
    /// many there were.
    fn each_claim(
        &self,
        filter: &ClaimFilter,
        visibility: Visibility,
        each: &mut dyn FnMut(ClaimDetail) -> Result<()>,
    ) -> Result<u64>;
}

/// Claimants and outlets as things in their own right.
pub trait Sources {
    /// Every claimant (merged duplicates folded in), most claims first.
    fn claimants(&self, visibility: Visibility) -> Result<Vec<ClaimantSummary>>;

    /// Every outlet (merged duplicates folded in), most claims first.
    fn outlets(&self) -> Result<Vec<OutletSummary>>;

    /// Applies `edit` to the claimant `name` names; returns it as it now stands. A grade is
    /// kept as given by `by` at `at`, beside the ones before it.
    fn edit_claimant(
        &mut self,
        name: &str,
        edit: &ClaimantEdit,
        visibility: Visibility,
        by: &str,
        at: Timestamp,
    ) -> Result<Claimant>;

    fn edit_outlet(&mut self, name: &str, edit: &OutletEdit) -> Result<OutletSummary>;

    /// Folds the claimant `from` into `into`. The survivor becomes confidential if either
    /// was, and takes the duplicate's role and affiliation where it has none.
    fn merge_claimants(
        &mut self,
        from: &str,
        into: &str,
        visibility: Visibility,
    ) -> Result<(Claimant, Claimant)>;

    /// Folds the outlet `from` into `into`; returns their names.
    fn merge_outlets(&mut self, from: &str, into: &str) -> Result<(String, String)>;
}

/// The counts behind the per-source report.
pub trait Reports {
    /// For each of `groups`, one row per group among the claims the filter selects, asked
    /// together. A claim counts once per group however many of its attributions name that
    /// group.
    fn group_counts(
        &self,
        groups: &[Group],
        filter: &ClaimFilter,
        visibility: Visibility,
    ) -> Result<Vec<Vec<GroupCounts>>>;
}

/// Moving a ledger's contents out and in as interchange records.
pub trait Exchange {
    /// Every claimant, merged duplicates under their survivors, ordered by name.
    fn claimant_records(&self, visibility: Visibility) -> Result<Vec<ClaimantRecord>>;

    /// Every outlet, merged duplicates under their survivors, ordered by name.
    fn outlet_records(&self) -> Result<Vec<OutletRecord>>;

    /// Whether confidential claimants' names may be read here: always from a local file; on
    /// a desk server, by editors only.
    fn may_reveal(&self) -> Result<bool>;

    /// What a ledger file keeps its sync marks with this ledger under: a desk's own
    /// identity, the same on its primary and every standby. None for a file.
    fn sync_identity(&self) -> Result<Option<String>>;

    /// Runs `f` with an importer in one transaction: committed when `commit` is set and
    /// `f` succeeds, rolled back otherwise (a dry run, or a bad record anywhere).
    fn import(&mut self, commit: bool, f: ImportWith<'_>) -> Result<ImportCounts>;

    /// Calls `each` with what changed since the mark `since` (everything without one), in
    /// one snapshot: the claimants and outlets first, then the claims in the order they
    /// were logged. Returns the ledger's mark as of that snapshot, for the next call.
    fn changes(
        &self,
        since: Option<&str>,
        visibility: Visibility,
        each: &mut dyn FnMut(Change) -> Result<()>,
    ) -> Result<String>;

    /// How far this ledger file last synced with `peer` (a desk's address).
    fn sync_marks(&self, peer: &str) -> Result<SyncMarks>;
}

/// Something that changed in a ledger, as `Exchange::changes` hands it over.
pub enum Change {
    Claimant(ClaimantRecord),
    Outlet(OutletRecord),
    Claim(Box<ClaimDetail>),
}

/// How far a ledger file last synced with one desk: the desk's mark it last pulled to, and
/// its own mark it last pushed from (none before the first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncMarks {
    pub pulled: Option<String>,
    pub pushed: Option<String>,
}

/// What an import runs inside its transaction.
pub type ImportWith<'a> = Box<dyn FnOnce(&mut dyn Import) -> Result<()> + 'a>;

/// Merges interchange records into a ledger: claims matched by uid, claimants and outlets
/// by name and alias.
pub trait Import {
    /// Matches the claimant by name or alias, or adds it; fills in what the ledger lacks.
    fn claimant(&mut self, record: &ClaimantRecord) -> Result<()>;

    /// Matches the outlet by name or alias, or adds it.
    fn outlet(&mut self, record: &OutletRecord) -> Result<()>;

    /// A claim matched by uid: a new one is added whole; a known one gains the
    /// attributions, status events and corrections it lacks, never twice. New claims are
    /// gathered and written together, so an error may come with a later record or at the
    /// end; it names the claim, and `place`, where it was read.
    fn claim(&mut self, record: ClaimRecord, place: String) -> Result<()>;

    /// For rows of a sheet, which summarise a claim and cannot add to its history: a claim
    /// already here by uid, or with the same text from the same claimant, is left alone.
    fn claim_unless_present(&mut self, record: &ClaimRecord) -> Result<()>;

    /// Whether this ledger already holds the claim with `uid`.
    fn holds(&mut self, uid: &str) -> Result<bool>;

    /// This ledger's change mark, inside the import's transaction.
    fn change_mark(&mut self) -> Result<String>;

    /// How far this ledger file last synced with `peer`, inside the import's transaction.
    fn sync_marks(&mut self, peer: &str) -> Result<SyncMarks>;

    /// Records that this ledger file pulled from `peer` up to the desk's `mark`, its own
    /// mark having been `before` as the pull began. What the pull wrote came from the desk:
    /// when nothing was waiting to be pushed there, the next push starts after it rather
    /// than sending it back.
    fn pulled(&mut self, peer: &str, mark: &str, before: &str) -> Result<()>;

    /// Records that this ledger file pushed to `peer` everything up to its own `mark`.
    fn pushed(&mut self, peer: &str, mark: &str) -> Result<()>;
}

/// Looking after the ledger itself.
pub trait Upkeep {
    /// Runs the store's own integrity checks and claimtrail's invariants.
    fn check(&self) -> Result<CheckReport>;

    /// Copies the ledger to `dest`; an existing file is replaced only when `force` is set.
    /// Returns how many claims the copy holds.
    fn backup_to(&self, dest: &Path, force: bool) -> Result<u64>;
}

/// Who made a claim and who relayed it, as a reporter types it.
#[derive(Debug, Clone, Default)]
pub struct NewAttribution {
    pub claimant: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub kind: Option<ClaimantKind>,
    pub confidential: bool,
    pub via: Vec<String>,
    pub medium: Option<String>,
    pub made_at: Option<Timestamp>,
    pub url: Option<String>,
    pub credibility: Option<Credibility>,
}

#[derive(Debug, Clone)]
pub struct NewClaim {
    pub text: String,
    pub story: Option<String>,
    pub made_at: Option<Timestamp>,
    pub attribution: NewAttribution,
    pub first_event: NewEvent,
    /// Words an open claim like this one would share with it, looked for as it is logged
    /// (`Logged::alike`); `WordPairs::Nothing` looks for none.
    pub alike: WordPairs,
}

#[derive(Debug, Clone)]
pub struct NewEvent {
    pub status: Status,
    pub note: Option<String>,
    pub evidence: Vec<String>,
}

/// What logging a claim or an attribution did besides the obvious.
#[derive(Debug, Clone)]
pub struct Logged {
    pub id: ClaimId,
    /// The claimant as stored (its name already hidden if confidential and not revealed).
    pub claimant: Claimant,
    pub claimant_is_new: bool,
    /// Existing claimants with names like a new one's: perhaps the same, to be merged.
    pub similar_claimants: Vec<String>,
    /// Outlets created on the fly, each with existing outlets of a similar name.
    pub new_outlets: Vec<(String, Vec<String>)>,
    /// Details given that differ from what the ledger already holds, which were kept.
    pub kept: Vec<String>,
    /// Open claims already logged that share words with a new claim (`NewClaim::alike`),
    /// newest first.
    pub alike: Vec<(ClaimId, String)>,
}

/// Every field narrows the selection; the default selects every claim.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Only claims whose current status is one of these (all when empty).
    pub statuses: Vec<Status>,
    /// Only claims with an attribution to this claimant (by name or alias).
    pub by: Option<String>,
    /// Only claims relayed, anywhere in a chain, by this outlet (by name or alias).
    pub via: Option<String>,
    pub story: Option<String>,
    /// Only claims logged at or after this time.
    pub since: Option<Timestamp>,
    /// Only claims logged before this time.
    pub logged_before: Option<Timestamp>,
    /// Words that must all appear in the text.
    pub search: Option<String>,
    pub limit: Option<u64>,
    /// Only claims changed since this mark of the ledger's (`Exchange::changes`).
    pub changed_since: Option<String>,
}

impl ClaimFilter {
    /// True when the filter narrows nothing.
    pub fn selects_everything(&self) -> bool {
        self.statuses.is_empty()
            && self.by.is_none()
            && self.via.is_none()
            && self.story.is_none()
            && self.since.is_none()
            && self.logged_before.is_none()
            && self.search.is_none()
            && self.limit.is_none()
            && self.changed_since.is_none()
    }
}

/// What an import added, and what it found already there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub claims_added: u64,
    pub claims_known: u64,
    pub attributions_added: u64,
    pub events_added: u64,
    pub edits_added: u64,
    /// Corrections from elsewhere that do not apply to this ledger's current wording.
    pub edits_not_applicable: u64,
    pub claimants_added: u64,
    pub outlets_added: u64,
    /// Reliability and credibility grades new to this ledger.
    pub grades_added: u64,
}

/// What the report groups claims by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Claimant,
    Outlet,
}

/// The name the report shows for a group: a hidden claimant by its placeholder, still with
/// its role and affiliation.
pub fn group_name(
    id: i64,
    name: String,
    role: Option<String>,
    affiliation: Option<String>,
    hidden: bool,
) -> String {
    if hidden {
        describe(
            &Claimant::placeholder(id),
            role.as_deref(),
            affiliation.as_deref(),
        )
    } else {
        name
    }
}

/// Changes to a claimant; `None` leaves a field as it is, an empty string clears it.
#[derive(Debug, Clone, Default)]
pub struct ClaimantEdit {
    pub rename: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub kind: Option<ClaimantKind>,
    pub confidential: Option<bool>,
    pub reliability: Option<Reliability>,
    pub add_aliases: Vec<String>,
    pub remove_aliases: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct OutletEdit {
    pub rename: Option<String>,
    pub kind: Option<OutletKind>,
    pub add_aliases: Vec<String>,
    pub remove_aliases: Vec<String>,
}

/// What `check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub claims: u64,
    pub attributions: u64,
    pub events: u64,
    pub edits: u64,
    /// One line each; empty when all is well.
    pub problems: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::WordPairs;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn a_claim_is_searched_by_pairs_of_its_longest_words() {
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            WordPairs::of(words(&["kirkuk", "peshmerga", "army"]), 12),
            WordPairs::Pairs(vec![
                pair("peshmerga", "kirkuk"),
                pair("peshmerga", "army"),
                pair("kirkuk", "army"),
            ])
        );
        assert_eq!(
            WordPairs::of(words(&["kirkuk", "peshmerga", "army"]), 2),
            WordPairs::Pairs(vec![pair("peshmerga", "kirkuk")])
        );
        assert_eq!(
            WordPairs::of(words(&["mosul"]), 12),
            WordPairs::Single("mosul".to_owned())
        );
        assert_eq!(WordPairs::of(Vec::new(), 12), WordPairs::Nothing);
    }
}
