//! New claims and claimants written together: a few thousand records' uids and names
//! looked up at once, and each table's rows sent in one go (COPY, on a desk). Should the
//! database refuse a batch, it is rolled back to a savepoint and written again record by
//! record, so that the error names the record.

use std::collections::{HashMap, HashSet};

use anyhow::{Context as _, Result, anyhow, bail};

use super::{Importer, Waiting, fill_in_from, new_claimant};
use crate::model::{EditField, Status};
use crate::portable::{ClaimRecord, ClaimantRecord, EventRecord};
use crate::store::engine::merge::in_time_order;
use crate::store::engine::names::{CLAIMANTS, OUTLETS};
use crate::store::engine::rows::{ClaimRows, Event, FirstLogged, NameRows};
use crate::store::engine::write::Ids;
use crate::store::engine::{Read as _, Value};
use crate::store::names::{is_placeholder, name_key};
use crate::time::Timestamp;

impl Importer<'_> {
    /// Writes the claimants read so far. On a desk, those new here go together, and those
    /// already here by every name they give only have their details filled in, the names
    /// all looked up at once; the rest, and any after them, one by one.
    pub(super) fn write_claimants(&mut self) -> Result<()> {
        let batch = std::mem::take(&mut self.claimants);
        if batch.is_empty() {
            return Ok(());
        }
        if !self.db.dialect().writes_together() {
            return batch.iter().try_for_each(|r| self.claimant_now(r));
        }
        self.forget_names();
        self.together(
            |me| me.claimants_together(&batch),
            |me| batch.iter().try_for_each(|r| me.claimant_now(r)),
        )
    }

    /// Runs `all` inside a savepoint; should the database refuse it, rolls it back, forgets
    /// the names it may have added and the counts it made, and runs `each` instead.
    fn together<T>(
        &mut self,
        all: impl FnOnce(&mut Self) -> Result<T>,
        each: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        let counts = self.counts.clone();
        self.db.defer("SAVEPOINT together", &[])?;
        let done = all(self).and_then(|done| {
            self.db.execute("RELEASE SAVEPOINT together", &[])?;
            Ok(done)
        });
        if done.is_ok() {
            return done;
        }
        self.db.execute("ROLLBACK TO SAVEPOINT together", &[])?;
        self.forget_names();
        self.counts = counts;
        each(self)
    }

    fn claimants_together(&mut self, batch: &[ClaimantRecord]) -> Result<()> {
        let mut keys: Vec<String> = batch
            .iter()
            .flat_map(|r| std::iter::once(&r.name).chain(&r.aliases))
            .map(|n| name_key(n))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let shown: Vec<&str> = keys.iter().map(String::as_str).collect();
        let found = CLAIMANTS.find_each(self.db, &shown)?;
        let mut here: HashMap<String, Option<i64>> = keys.into_iter().zip(found).collect();
        let mut rows = NameRows::default();
        let mut unwritten = HashSet::new();
        let mut ids = Ids::of("claimants");
        for (i, record) in batch.iter().enumerate() {
            let names: Vec<&String> = std::iter::once(&record.name)
                .chain(&record.aliases)
                .collect();
            let simple = record.merged.is_empty()
                && record.reliability.is_empty()
                && !names.iter().any(|n| is_placeholder(n));
            let first = names
                .iter()
                .find_map(|n| here.get(&name_key(n)).copied().flatten());
            let id = match first {
                _ if !simple => None,
                Some(id) => {
                    if unwritten.remove(&id) {
                        rows.write(self.db)?;
                        unwritten.clear();
                    }
                    fill_in_from(self.db, id, record)?;
                    Some(id)
                }
                None => {
                    let id = ids.next(self.db)?;
                    rows.claimant(id, &new_claimant(&record.name, record, None));
                    unwritten.insert(id);
                    here.insert(name_key(&record.name), Some(id));
                    self.counts.claimants_added += 1;
                    Some(id)
                }
            };
            match id {
                // Its name here may be an alias there (a rename in one ledger): both lead
                // to it; a name another claimant answers to stays that one's.
                Some(id) => {
                    for name in names {
                        if let Some(slot @ None) = here.get_mut(&name_key(name)) {
                            *slot = Some(id);
                            rows.alias(id, name);
                        }
                    }
                }
                None => {
                    // What this one does to names is for the ledger to say: the rest wait on it.
                    rows.write(self.db)?;
                    return batch[i..].iter().try_for_each(|r| self.claimant_now(r));
                }
            }
        }
        rows.write(self.db)
    }

    /// Writes whatever records are still waiting.
    pub(super) fn write_waiting(&mut self) -> Result<()> {
        self.write_claimants()?;
        self.write_claims()
    }

    /// Writes the claims read so far: those new here together (every table's rows in
    /// one go), then those known here, or met before in this import, merged one by one.
    pub(super) fn write_claims(&mut self) -> Result<()> {
        if self.waiting.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.waiting);
        let mut here = self.claims_by_uid(&batch)?;
        let mut new = Vec::new();
        let mut merging = Vec::new();
        let mut first = HashSet::new();
        for waiting in &batch {
            let uid = uid_key(&waiting.record.uid);
            match here.contains_key(&uid) || !first.insert(uid) {
                true => merging.push(waiting),
                false => new.push(waiting),
            }
        }
        for (uid, id) in self.add_new(&new)? {
            here.insert(uid, id);
        }
        for waiting in merging {
            let id = here[&uid_key(&waiting.record.uid)];
            self.counts.claims_known += 1;
            let merged = self.merge_into(id, &waiting.record);
            placed(waiting, merged.and_then(|()| self.db.settle()))?;
        }
        Ok(())
    }

    /// Each of `uids`' claim here, by uid as `uid_key` gives it.
    fn claims_by_uid(&mut self, batch: &[Waiting]) -> Result<HashMap<String, i64>> {
        let uids: Vec<String> = batch.iter().map(|w| uid_key(&w.record.uid)).collect();
        let sql = format!(
            "SELECT claims.id, claims.uid FROM {}",
            self.db.dialect().listed("claims", "uid", "?1")
        );
        let mut here = HashMap::new();
        self.db.each(&sql, &[Value::Texts(uids)], &mut |row| {
            here.insert(uid_key(&row.text("uid")?), row.int("id")?);
            Ok(())
        })?;
        Ok(here)
    }

    /// Adds the claims of `new`, none of them here yet, all together; should the database
    /// refuse one, adds them again one by one to say which. Returns each one's id.
    fn add_new(&mut self, new: &[&Waiting]) -> Result<Vec<(String, i64)>> {
        if new.is_empty() {
            return Ok(Vec::new());
        }
        if !self.db.dialect().writes_together() {
            return self.add_each(new);
        }
        self.together(|me| me.add_together(new), |me| me.add_each(new))
    }

    fn add_each(&mut self, new: &[&Waiting]) -> Result<Vec<(String, i64)>> {
        new.iter()
            .map(|waiting| {
                let added = self.add_one(&waiting.record);
                let id = placed(waiting, added.and_then(|id| Ok((id, self.db.settle()?))))?.0;
                Ok((uid_key(&waiting.record.uid), id))
            })
            .collect()
    }

    fn add_together(&mut self, new: &[&Waiting]) -> Result<Vec<(String, i64)>> {
        self.look_up_names(new)?;
        let mut rows = ClaimRows::default();
        let mut ids = Vec::with_capacity(new.len());
        for waiting in new {
            let id = self.gather(&waiting.record, &mut rows)?;
            ids.push((uid_key(&waiting.record.uid), id));
        }
        rows.write(self.db)?;
        for (waiting, (_, id)) in new.iter().zip(&ids) {
            self.replay_edits(*id, &waiting.record)?;
        }
        self.counts.claims_added += new.len() as u64;
        Ok(ids)
    }

    /// Adds a claim not here yet, on its own.
    pub(super) fn add_one(&mut self, record: &ClaimRecord) -> Result<i64> {
        let mut rows = ClaimRows::default();
        let id = self.gather(record, &mut rows)?;
        rows.write(self.db)?;
        self.replay_edits(id, record)?;
        self.counts.claims_added += 1;
        Ok(id)
    }

    /// Gathers the rows of a claim new here: the claim as first logged, its attributions
    /// and its history. Its corrections replay once it is written.
    fn gather(&mut self, record: &ClaimRecord, rows: &mut ClaimRows) -> Result<i64> {
        let original = |field: EditField, current: Option<String>| {
            record
                .edits
                .iter()
                .find(|e| e.field == field)
                .map_or(current, |e| e.old_value.clone())
        };
        let made_at = match record.edits.iter().find(|e| e.field == EditField::MadeAt) {
            Some(edit) => edit
                .old_value
                .as_deref()
                .map(Timestamp::parse_stored)
                .transpose()
                .map_err(|e| anyhow!(e))
                .context("field made_at")?,
            None => record.made_at,
        };
        let history = in_time_order(&record.history, |e| e.at);
        let status = history.last().map_or(Status::Unverified, |e| e.status);
        let id = self.ids.claims.next(self.db)?;
        rows.claim(
            id,
            FirstLogged {
                uid: &record.uid,
                text: original(EditField::Text, Some(record.text.clone())),
                story: original(EditField::Story, record.story.clone()),
                made_at,
                logged_at: record.logged_at,
                logged_by: &record.logged_by,
                status: status.as_str(),
            },
        );
        for attribution in &record.attributions {
            let chain = self.resolve(attribution)?;
            let drawn = self.ids.attributions.next(self.db)?;
            rows.attribution(drawn, id, &chain);
            self.counts.attributions_added += 1;
        }
        for event in history {
            let drawn = self.ids.events.next(self.db)?;
            rows.event(drawn, id, event_of(event));
            self.counts.events_added += 1;
        }
        Ok(id)
    }

    fn replay_edits(&mut self, id: i64, record: &ClaimRecord) -> Result<()> {
        for edit in in_time_order(&record.edits, |e| e.at) {
            if !self.replay_edit(id, edit)? {
                bail!(
                    "an edit of {} does not follow from the one before",
                    edit.field
                );
            }
            self.counts.edits_added += 1;
        }
        Ok(())
    }

    /// Finds, all at once, the names `batch`'s attributions give that are not known yet,
    /// so that its claims wait on the database for their names once rather than once a
    /// name.
    fn look_up_names(&mut self, batch: &[&Waiting]) -> Result<()> {
        let attributions = || batch.iter().flat_map(|w| &w.record.attributions);
        let claimants = attributions().map(|a| a.claimant.as_str());
        let outlets = attributions().flat_map(|a| a.via.iter().map(String::as_str));
        for (table, names) in [
            (&CLAIMANTS, claimants.collect::<Vec<_>>()),
            (&OUTLETS, outlets.collect()),
        ] {
            let known = self.known.of(table);
            let mut unknown: Vec<&str> = names
                .into_iter()
                .filter(|n| !known.contains_key(*n))
                .collect();
            unknown.sort_unstable();
            unknown.dedup();
            let found = table.find_each(self.db, &unknown)?;
            let known = self.known.of(table);
            for (name, id) in unknown.into_iter().zip(found) {
                if let Some(id) = id {
                    known.insert(name.to_owned(), id);
                }
            }
        }
        Ok(())
    }
}

/// A status event as its record gives it.
pub(super) fn event_of(e: &EventRecord) -> Event<'_> {
    Event {
        status: e.status.as_str(),
        at: e.at,
        by: &e.by,
        note: e.note.as_deref(),
        evidence: &e.evidence,
    }
}

/// A uid as claims are matched by: desks hand uuids back in lower case.
fn uid_key(uid: &str) -> String {
    uid.to_ascii_lowercase()
}

/// What came of writing a claim, an error saying which claim and where it was read.
fn placed<T>(waiting: &Waiting, result: Result<T>) -> Result<T> {
    let result = result.with_context(|| format!("claim {}", waiting.record.uid));
    match waiting.place.is_empty() {
        true => result,
        false => result.with_context(|| waiting.place.clone()),
    }
}
