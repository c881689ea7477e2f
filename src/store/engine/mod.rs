//! The ledger's behaviour written once, over a narrow seam to whichever database holds the
//! ledger (`seam`), with a small dialect for what truly differs. A backend implements
//! `Backend`: it opens transactions and hands the engine a seam inside them, and keeps
//! only what is its own (opening, migrations, roles, bulk paths, backup, its own checks).
//! Every trait of the ledger's interface is implemented here, once, for every backend.

mod check;
mod claims;
mod exchange;
mod filter;
mod import;
mod merge;
mod names;
mod records;
mod report;
mod rows;
mod seam;
mod sources;
mod write;

use std::path::Path;

use anyhow::Result;

pub use import::seed_outlets;
pub use seam::{Cell, Dialect, Read, Reading, Row, Seam, Value, Values, find_column, insert_each};

use crate::model::{
    Claim, ClaimDetail, ClaimId, Claimant, ClaimantSummary, Credibility, EditField, Graded,
    GroupCounts, OutletSummary, Status, StoryCount, Visibility,
};
use crate::portable::{ClaimantRecord, OutletRecord};
use crate::store::{
    Change, CheckReport, ClaimFilter, ClaimantEdit, Claims, Exchange, Group, ImportCounts,
    ImportWith, Logged, NewAttribution, NewClaim, NewEvent, OutletEdit, Reports, Sources,
    SyncMarks, Upkeep,
};
use crate::time::Timestamp;

/// What a database must give the engine: transactions with a seam inside them.
pub trait Backend {
    /// Runs `f` in one read-only snapshot.
    fn read<T>(&self, f: impl FnOnce(&mut dyn Seam) -> Result<T>) -> Result<T>;

    /// Runs `f` in one write transaction, committed when `commit` is set and `f` succeeds
    /// (rolled back otherwise: a dry run). Writers queue rather than fail.
    fn write<T>(&self, commit: bool, f: impl FnOnce(&mut dyn Seam) -> Result<T>) -> Result<T>;

    /// Like `write`, for an import that may hold a great many records: a backend with a
    /// faster path for them takes it.
    fn bulk<T>(&self, commit: bool, f: impl FnOnce(&mut dyn Seam) -> Result<T>) -> Result<T> {
        self.write(commit, f)
    }

    /// `visibility`, unless it reveals and this connection may not see confidential
    /// claimants, which is an error saying so.
    fn allowed(&self, visibility: Visibility) -> Result<Visibility> {
        Ok(visibility)
    }

    /// The checks only this backend can run (its pages, what only it keeps).
    fn own_problems(&self) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    /// Copies the ledger to `dest`; returns how many claims the copy holds.
    fn backup(&self, dest: &Path, force: bool) -> Result<u64>;
}

impl<B: Backend> Claims for B {
    fn add_claims(&mut self, claims: &[NewClaim], by: &str, at: Timestamp) -> Result<Vec<Logged>> {
        self.write(true, |db| {
            claims
                .iter()
                .map(|claim| write::add(db, claim, by, at, 50 + claims.len() as u32))
                .collect()
        })
    }

    fn cite(
        &mut self,
        id: ClaimId,
        attribution: &NewAttribution,
        by: &str,
        at: Timestamp,
    ) -> Result<Logged> {
        self.write(true, |db| write::cite(db, id, attribution, by, at))
    }

    fn mark(&mut self, id: ClaimId, event: &NewEvent, by: &str, at: Timestamp) -> Result<Status> {
        self.write(true, |db| {
            let before = write::lock_claim(db, id)?;
            write::insert_event(db, id, event, by, at, None)?;
            Ok(before)
        })
    }

    fn edit_claim(
        &mut self,
        id: ClaimId,
        changes: &[(EditField, Option<String>)],
        note: Option<&str>,
        by: &str,
        at: Timestamp,
    ) -> Result<Vec<EditField>> {
        self.write(true, |db| {
            write::lock_claim(db, id)?;
            let mut changed = Vec::new();
            for (field, value) in changes {
                if write::apply_edit(db, id.0, *field, value.as_deref(), by, at, note)? {
                    changed.push(*field);
                }
            }
            Ok(changed)
        })
    }

    fn grade_attribution(
        &mut self,
        id: ClaimId,
        which: Option<usize>,
        credibility: Credibility,
        note: Option<&str>,
        by: &str,
        at: Timestamp,
    ) -> Result<(usize, Option<Credibility>)> {
        let graded = Graded::new(credibility, at, by, note);
        self.write(true, |db| write::regrade(db, id, which, &graded))
    }

    fn stories(&self) -> Result<Vec<StoryCount>> {
        self.read(claims::stories)
    }

    fn count_claims(&self, filter: &ClaimFilter) -> Result<u64> {
        self.read(|db| claims::count(db, filter))
    }

    fn list_claims(&self, filter: &ClaimFilter, visibility: Visibility) -> Result<Vec<Claim>> {
        let visibility = self.allowed(visibility)?;
        self.read(|db| claims::list(db, filter, visibility))
    }

    fn claim_detail(&self, id: ClaimId, visibility: Visibility) -> Result<Option<ClaimDetail>> {
        let visibility = self.allowed(visibility)?;
        self.read(|db| claims::detail(db, id, visibility))
    }

    fn each_claim(
        &self,
        filter: &ClaimFilter,
        visibility: Visibility,
        each: &mut dyn FnMut(ClaimDetail) -> Result<()>,
    ) -> Result<u64> {
        let visibility = self.allowed(visibility)?;
        self.read(|db| claims::each(db, filter, visibility, each))
    }
}

impl<B: Backend> Sources for B {
    fn claimants(&self, visibility: Visibility) -> Result<Vec<ClaimantSummary>> {
        let visibility = self.allowed(visibility)?;
        self.read(|db| sources::claimants(db, visibility))
    }

    fn outlets(&self) -> Result<Vec<OutletSummary>> {
        self.read(sources::outlets)
    }

    fn edit_claimant(
        &mut self,
        name: &str,
        edit: &ClaimantEdit,
        visibility: Visibility,
        by: &str,
        at: Timestamp,
    ) -> Result<Claimant> {
        let visibility = self.allowed(visibility)?;
        self.write(true, |db| {
            sources::edit_claimant(db, name, edit, visibility, by, at)
        })
    }

    fn edit_outlet(&mut self, name: &str, edit: &OutletEdit) -> Result<OutletSummary> {
        self.write(true, |db| sources::edit_outlet(db, name, edit))
    }

    fn merge_claimants(
        &mut self,
        from: &str,
        into: &str,
        visibility: Visibility,
    ) -> Result<(Claimant, Claimant)> {
        let visibility = self.allowed(visibility)?;
        self.write(true, |db| {
            sources::merge_claimants(db, from, into, visibility)
        })
    }

    fn merge_outlets(&mut self, from: &str, into: &str) -> Result<(String, String)> {
        self.write(true, |db| sources::merge_outlets(db, from, into))
    }
}

impl<B: Backend> Reports for B {
    fn group_counts(
        &self,
        groups: &[Group],
        filter: &ClaimFilter,
        visibility: Visibility,
    ) -> Result<Vec<Vec<GroupCounts>>> {
        let visibility = self.allowed(visibility)?;
        self.read(|db| report::group_counts(db, groups, filter, visibility))
    }
}

impl<B: Backend> Exchange for B {
    fn claimant_records(&self, visibility: Visibility) -> Result<Vec<ClaimantRecord>> {
        let visibility = self.allowed(visibility)?;
        self.read(|db| exchange::claimant_records(db, visibility, None))
    }

    fn outlet_records(&self) -> Result<Vec<OutletRecord>> {
        self.read(|db| exchange::outlet_records(db, None))
    }

    fn changes(
        &self,
        since: Option<&str>,
        visibility: Visibility,
        each: &mut dyn FnMut(Change) -> Result<()>,
    ) -> Result<String> {
        let visibility = self.allowed(visibility)?;
        self.read(|db| exchange::changes(db, since, visibility, each))
    }

    fn sync_marks(&self, peer: &str) -> Result<SyncMarks> {
        self.read(|db| exchange::sync_marks(db, peer))
    }

    fn may_reveal(&self) -> Result<bool> {
        Ok(self.allowed(Visibility::Revealed).is_ok())
    }

    fn sync_identity(&self) -> Result<Option<String>> {
        self.read(exchange::sync_identity)
    }

    fn import(&mut self, commit: bool, f: ImportWith<'_>) -> Result<ImportCounts> {
        self.bulk(commit, |db| import::import(db, f))
    }
}

impl<B: Backend> Upkeep for B {
    fn check(&self) -> Result<CheckReport> {
        let mut problems = self.own_problems()?;
        let mut report = self.read(check::run)?;
        problems.append(&mut report.problems);
        report.problems = problems;
        Ok(report)
    }

    fn backup_to(&self, dest: &Path, force: bool) -> Result<u64> {
        self.backup(dest, force)
    }
}
