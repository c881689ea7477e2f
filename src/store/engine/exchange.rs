//! Interchange records in and out: claimants and outlets for export, and the uid-matched
//! merge that `import`, `push` and `pull` run, matching claimants and outlets by name and
//! alias.

use std::collections::HashMap;

use anyhow::{Context as _, Result, anyhow, bail};

use super::claims::{self, graded, history_and_edits};
use super::merge::{
    check_recorded_chain, in_time_order, refuse_placeholder, same_edit, same_event,
};
use super::names::{CLAIMANTS, NameTable, OUTLETS};
use super::records::{self, ClaimantRow, OutletRow};
use super::rows::{ClaimRows, Event, FirstLogged, NameRows};
use super::write::{
    Chain, Ids, NewClaimant, apply_edit, chains_of, claimant_row, current_value, fill_in,
    grade_credibility, grade_reliability, insert_attribution, outlet_row,
};
use super::{Dialect, Read as _, Seam, Value};
use crate::model::{EditField, Graded, OutletKind, Reliability, Status, Visibility};
use crate::portable::{
    AttributionRecord, ClaimRecord, ClaimantRecord, EditRecord, EventRecord, OutletRecord,
};
use crate::store::names::{is_placeholder, name_key};
use crate::store::{Change, ClaimFilter, Import, ImportCounts, ImportWith, SyncMarks};
use crate::time::Timestamp;
use crate::values;

/// Every claimant, merged duplicates under their survivors, ordered by name.
pub fn claimant_records(
    db: &mut dyn Seam,
    visibility: Visibility,
    since: Option<&str>,
) -> Result<Vec<ClaimantRecord>> {
    let aliases = CLAIMANTS.aliases_by_owner(db, false)?;
    let (changed, params) = changed_names(db.dialect(), db.dialect().claimants(), since);
    let sql = format!(
        "SELECT id, name, role, affiliation, kind, confidential, merged_into
         FROM {} t{changed} ORDER BY {}, id",
        db.dialect().claimants(),
        db.dialect().bytewise("name_key")
    );
    let mut grades = reliability_histories(db)?;
    let rows = db
        .query(&sql, &params)?
        .iter()
        .map(|row| {
            Ok(ClaimantRow {
                reliability: grades.remove(&row.int("id")?).unwrap_or_default(),
                id: row.int("id")?,
                name: row.text("name")?,
                role: row.opt_text("role")?,
                affiliation: row.opt_text("affiliation")?,
                kind: row.word("kind")?,
                confidential: row.flag("confidential")?,
                merged_into: row.opt_int("merged_into")?,
            })
        })
        .collect::<Result<_>>()?;
    Ok(records::claimant_records(rows, &aliases, visibility))
}

/// A WHERE clause on the names `t` of `table` keeping those whose survivor changed since
/// the mark `since`, with its parameter; nothing when there is no mark.
fn changed_names(dialect: Dialect, table: &str, since: Option<&str>) -> (String, Vec<Value>) {
    let Some(mark) = since else {
        return (String::new(), Vec::new());
    };
    let kind = if table == "outlets" {
        "outlet"
    } else {
        "claimant"
    };
    let sql = format!(
        " WHERE coalesce(t.merged_into, t.id) IN (
             SELECT coalesce(s.merged_into, s.id) FROM changes n JOIN {table} s ON s.id = n.id
             WHERE n.kind = '{kind}' AND {})",
        dialect.changed_since(1)
    );
    (sql, vec![Value::from(mark)])
}

/// Every claimant's reliability grades, oldest first.
fn reliability_histories(db: &mut dyn Seam) -> Result<HashMap<i64, Vec<Graded<Reliability>>>> {
    let mut grades: HashMap<i64, Vec<Graded<Reliability>>> = HashMap::new();
    let rows = db.query(
        "SELECT claimant_id, grade, at, by, note FROM reliability_grades
         ORDER BY claimant_id, at, id",
        &[],
    )?;
    for row in rows {
        let grade = row.word("grade")?;
        grades
            .entry(row.int("claimant_id")?)
            .or_default()
            .push(graded(&row, grade)?);
    }
    Ok(grades)
}

/// Every outlet, merged duplicates under their survivors, ordered by name; with `since`,
/// only those whose survivor changed since that mark.
pub fn outlet_records(db: &mut dyn Seam, since: Option<&str>) -> Result<Vec<OutletRecord>> {
    let aliases = OUTLETS.aliases_by_owner(db, false)?;
    let (changed, params) = changed_names(db.dialect(), "outlets", since);
    let sql = format!(
        "SELECT id, name, kind, merged_into FROM outlets t{changed} ORDER BY {}, id",
        db.dialect().bytewise("name_key")
    );
    let rows = db
        .query(&sql, &params)?
        .iter()
        .map(|row| {
            Ok(OutletRow {
                id: row.int("id")?,
                name: row.text("name")?,
                kind: row.word("kind")?,
                merged_into: row.opt_int("merged_into")?,
            })
        })
        .collect::<Result<_>>()?;
    Ok(records::outlet_records(rows, &aliases))
}

/// What changed since `since` (everything without a mark), in the snapshot `db` reads:
/// names first, then claims; returns the mark of that snapshot.
pub fn changes(
    db: &mut dyn Seam,
    since: Option<&str>,
    visibility: Visibility,
    each: &mut dyn FnMut(Change) -> Result<()>,
) -> Result<String> {
    let mark = db
        .query_one(db.dialect().change_mark(), &[])?
        .text("mark")?;
    for record in claimant_records(db, visibility, since)? {
        each(Change::Claimant(record))?;
    }
    for record in outlet_records(db, since)? {
        each(Change::Outlet(record))?;
    }
    let filter = ClaimFilter {
        changed_since: since.map(str::to_owned),
        ..ClaimFilter::default()
    };
    claims::each(db, &filter, visibility, &mut |detail| {
        each(Change::Claim(Box::new(detail)))
    })?;
    Ok(mark)
}

/// How far a ledger file last synced with `peer`.
pub fn sync_marks(db: &mut dyn Seam, peer: &str) -> Result<SyncMarks> {
    let row = db.query_opt(
        "SELECT pulled, pushed FROM sync_marks WHERE peer = ?1",
        values![peer],
    )?;
    Ok(match row {
        Some(row) => SyncMarks {
            pulled: row.opt_text("pulled")?,
            pushed: row.opt_text("pushed")?,
        },
        None => SyncMarks::default(),
    })
}

/// Records how far a ledger file synced with `peer`; a mark not given stays as it was.
fn keep_sync_marks(
    db: &mut dyn Seam,
    peer: &str,
    pulled: Option<&str>,
    pushed: Option<&str>,
) -> Result<()> {
    db.execute(
        "INSERT INTO sync_marks (peer, pulled, pushed) VALUES (?1, ?2, ?3)
         ON CONFLICT (peer) DO UPDATE SET
             pulled = coalesce(excluded.pulled, sync_marks.pulled),
             pushed = coalesce(excluded.pushed, sync_marks.pushed)",
        values![peer, pulled, pushed],
    )?;
    Ok(())
}

/// Runs `f` with an importer over `db`; what it added is counted.
pub fn import(db: &mut dyn Seam, f: ImportWith<'_>) -> Result<ImportCounts> {
    let mut importer = Importer {
        db,
        counts: ImportCounts::default(),
        known: Default::default(),
        ids: Pools {
            claims: Ids::of("claims"),
            attributions: Ids::of("attributions"),
            events: Ids::of("status_events"),
        },
        waiting: Vec::new(),
        claimants: Vec::new(),
    };
    f(&mut importer)?;
    importer.write_waiting()?;
    Ok(importer.counts)
}

/// How many claims an import gathers before writing them together.
const BATCH: usize = 4000;

struct Importer<'a> {
    db: &'a mut dyn Seam,
    counts: ImportCounts,
    /// The surviving rows names in attributions led to so far.
    /// Names only gain rows while claims are read; claimant and outlet records, which can
    /// merge rows or move aliases, forget them all.
    known: KnownNames,
    ids: Pools,
    /// Claims read but not yet written, each with where it was read, for messages.
    waiting: Vec<Waiting>,
    /// Claimants read but not yet written.
    claimants: Vec<ClaimantRecord>,
}

struct Waiting {
    record: ClaimRecord,
    place: String,
}

/// The ids an import gives the rows it adds, drawn in blocks.
struct Pools {
    claims: Ids,
    attributions: Ids,
    events: Ids,
}

impl Import for Importer<'_> {
    fn change_mark(&mut self) -> Result<String> {
        self.write_waiting()?;
        let sql = self.db.dialect().change_mark();
        self.db.query_one(sql, &[])?.text("mark")
    }

    fn sync_marks(&mut self, peer: &str) -> Result<SyncMarks> {
        self.write_waiting()?;
        sync_marks(self.db, peer)
    }

    fn pulled(&mut self, peer: &str, mark: &str, before: &str) -> Result<()> {
        self.write_waiting()?;
        let marks = sync_marks(self.db, peer)?;
        // Never pushed from, a ledger that held no claim has nothing of its own to send.
        let nothing_waiting = match &marks.pushed {
            Some(pushed) => pushed == before,
            None => {
                let held = format!(
                    "SELECT EXISTS (SELECT 1 FROM changes n
                                    WHERE n.kind = 'claim' AND NOT ({})) AS held",
                    self.db.dialect().changed_since(1)
                );
                !self.db.query_one(&held, values![before])?.flag("held")?
            }
        };
        let pushed = match nothing_waiting {
            true => Some(self.change_mark()?),
            false => None,
        };
        keep_sync_marks(self.db, peer, Some(mark), pushed.as_deref())
    }

    fn pushed(&mut self, peer: &str, mark: &str) -> Result<()> {
        self.write_waiting()?;
        keep_sync_marks(self.db, peer, None, Some(mark))
    }

    fn claimant(&mut self, record: &ClaimantRecord) -> Result<()> {
        self.write_claims()?;
        self.claimants.push(record.clone());
        if self.claimants.len() >= BATCH {
            self.write_claimants()?;
        }
        Ok(())
    }

    fn outlet(&mut self, record: &OutletRecord) -> Result<()> {
        self.write_waiting()?;
        self.forget_names();
        let names: Vec<&String> = std::iter::once(&record.name)
            .chain(&record.aliases)
            .collect();
        let id = match first_found(self.db, &OUTLETS, &names)? {
            Some(id) => id,
            None => {
                self.counts.outlets_added += 1;
                outlet_row(self.db, &record.name, record.kind, None)?
            }
        };
        OUTLETS.add_missing_aliases(self.db, id, names)?;
        for m in &record.merged {
            self.fold_in(&OUTLETS, id, &m.name, |db, into| {
                outlet_row(db, &m.name, m.kind, Some(into)).map(|_| ())
            })?;
        }
        Ok(())
    }

    fn claim(&mut self, record: ClaimRecord, place: String) -> Result<()> {
        self.write_claimants()?;
        self.waiting.push(Waiting { record, place });
        if self.waiting.len() >= BATCH {
            self.write_claims()?;
        }
        Ok(())
    }

    fn claim_unless_present(&mut self, record: &ClaimRecord) -> Result<()> {
        self.write_waiting()?;
        let known = self.claim_by_uid(&record.uid)?.is_some();
        let claimant = match record.attributions.first() {
            Some(a) if !known => CLAIMANTS.find(self.db, &a.claimant)?,
            _ => None,
        };
        let present = known
            || match claimant {
                Some(claimant) => {
                    let sql = format!(
                        "SELECT 1 AS present FROM claims c JOIN attributions a ON a.claim_id = c.id
                         JOIN {} s ON s.id = a.claimant_id
                         WHERE c.text = ?1 AND coalesce(s.merged_into, s.id) = ?2 LIMIT 1",
                        self.db.dialect().claimants()
                    );
                    self.db
                        .query_opt(&sql, values![&record.text, claimant])?
                        .is_some()
                }
                None => false,
            };
        if present {
            self.counts.claims_known += 1;
            return Ok(());
        }
        match self.claim_by_uid(&record.uid)? {
            Some(id) => {
                self.counts.claims_known += 1;
                self.merge_into(id, record)
            }
            None => self.add_one(record).map(drop),
        }
    }
}

/// The surviving rows names led to so far, a map for each named table.
#[derive(Default)]
struct KnownNames {
    claimants: HashMap<String, i64>,
    outlets: HashMap<String, i64>,
}

impl KnownNames {
    fn of(&mut self, table: &NameTable) -> &mut HashMap<String, i64> {
        if table == &CLAIMANTS {
            &mut self.claimants
        } else {
            &mut self.outlets
        }
    }
}

fn new_claimant<'a>(
    name: &'a str,
    record: &'a ClaimantRecord,
    merged_into: Option<i64>,
) -> NewClaimant<'a> {
    NewClaimant {
        name,
        role: record.role.as_deref(),
        affiliation: record.affiliation.as_deref(),
        kind: record.kind,
        confidential: record.confidential,
        merged_into,
    }
}

impl Importer<'_> {
    /// A claimant record on its own: matched by any of its names, or added.
    fn claimant_now(&mut self, record: &ClaimantRecord) -> Result<()> {
        self.forget_names();
        refuse_placeholder(&record.name)?;
        let names: Vec<&String> = std::iter::once(&record.name)
            .chain(&record.aliases)
            .collect();
        let id = match first_found(self.db, &CLAIMANTS, &names)? {
            Some(id) => {
                fill_in(
                    self.db,
                    id,
                    record.role.clone(),
                    record.affiliation.clone(),
                    record.confidential,
                )?;
                id
            }
            None => {
                self.counts.claimants_added += 1;
                claimant_row(self.db, &new_claimant(&record.name, record, None))?.0
            }
        };
        // Its name here may be an alias there (a rename in one ledger): both lead to it.
        CLAIMANTS.add_missing_aliases(self.db, id, names)?;
        for grade in &record.reliability {
            self.counts.grades_added += u64::from(grade_reliability(self.db, id, grade)?);
        }
        for m in &record.merged {
            refuse_placeholder(&m.name)?;
            let as_record = ClaimantRecord::from(m);
            self.fold_in(&CLAIMANTS, id, &m.name, |db, into| {
                claimant_row(db, &new_claimant(&m.name, &as_record, Some(into))).map(|_| ())
            })?;
        }
        Ok(())
    }
    fn claim_by_uid(&mut self, uid: &str) -> Result<Option<i64>> {
        self.db
            .query_opt("SELECT id FROM claims WHERE uid = ?1", values![uid])?
            .map(|r| r.int("id"))
            .transpose()
    }

    /// Writes the claimants read so far. On a desk, those new here go together, and those
    /// already here by every name they give only have their details filled in, the names
    /// all looked up at once; the rest, and any after them, one by one.
    fn write_claimants(&mut self) -> Result<()> {
        let batch = std::mem::take(&mut self.claimants);
        if batch.is_empty() {
            return Ok(());
        }
        if !self.db.dialect().writes_together() {
            return batch.iter().try_for_each(|r| self.claimant_now(r));
        }
        self.forget_names();
        let counts = self.counts.clone();
        self.db.defer("SAVEPOINT new_claimants", &[])?;
        let together = self.claimants_together(&batch).and_then(|()| {
            self.db.execute("RELEASE SAVEPOINT new_claimants", &[])?;
            Ok(())
        });
        if together.is_ok() {
            return Ok(());
        }
        self.db
            .execute("ROLLBACK TO SAVEPOINT new_claimants", &[])?;
        self.forget_names();
        self.counts = counts;
        batch.iter().try_for_each(|r| self.claimant_now(r))
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
        let mut unwritten = std::collections::HashSet::new();
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
                    fill_in(
                        self.db,
                        id,
                        record.role.clone(),
                        record.affiliation.clone(),
                        record.confidential,
                    )?;
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
    fn write_waiting(&mut self) -> Result<()> {
        self.write_claimants()?;
        self.write_claims()
    }

    /// Writes the claims read so far: those new here together (every table's rows in
    /// one go), then those known here, or met before in this import, merged one by one.
    fn write_claims(&mut self) -> Result<()> {
        if self.waiting.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.waiting);
        let mut here = self.claims_by_uid(&batch)?;
        let mut new = Vec::new();
        let mut merging = Vec::new();
        let mut first = std::collections::HashSet::new();
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
        let counts = self.counts.clone();
        self.db.defer("SAVEPOINT new_claims", &[])?;
        let together = self.add_together(new).and_then(|ids| {
            self.db.execute("RELEASE SAVEPOINT new_claims", &[])?;
            Ok(ids)
        });
        if let Ok(ids) = together {
            return Ok(ids);
        }
        self.db.execute("ROLLBACK TO SAVEPOINT new_claims", &[])?;
        self.forget_names();
        self.counts = counts;
        self.add_each(new)
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
    fn add_one(&mut self, record: &ClaimRecord) -> Result<i64> {
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

    fn merge_into(&mut self, id: i64, record: &ClaimRecord) -> Result<()> {
        let have = chains_of(self.db, id)?;
        for attribution in &record.attributions {
            let chain = self.resolve(attribution)?;
            match have.iter().find(|(_, known)| *known == chain) {
                Some((known, _)) => {
                    for grade in &chain.grades {
                        self.counts.grades_added +=
                            u64::from(grade_credibility(self.db, *known, grade)?);
                    }
                }
                None => {
                    let drawn = self.ids.attributions.next(self.db)?;
                    insert_attribution(self.db, id, &chain, Some(drawn))?;
                    self.counts.attributions_added += 1;
                }
            }
        }
        let (history, edits) = history_and_edits(self.db, id)?;
        let events: Vec<EventRecord> = history.into_iter().map(EventRecord::from).collect();
        let mut grew = false;
        for event in in_time_order(&record.history, |e| e.at) {
            if !events.iter().any(|e| same_event(e, event)) {
                self.insert_event(id, event)?;
                grew = true;
            }
        }
        if grew {
            // A claim this import added was written with the status its history then had,
            // and a bulk load may leave following its history to the importer.
            self.db.defer(
                "UPDATE claims SET status = (
                     SELECT status FROM status_events WHERE claim_id = ?1
                     ORDER BY at DESC, id DESC LIMIT 1)
                 WHERE id = ?1 AND status IS DISTINCT FROM (
                     SELECT status FROM status_events WHERE claim_id = ?1
                     ORDER BY at DESC, id DESC LIMIT 1)",
                values![id],
            )?;
        }
        let edits: Vec<EditRecord> = edits.into_iter().map(EditRecord::from).collect();
        for edit in in_time_order(&record.edits, |e| e.at) {
            if edits.iter().any(|e| same_edit(e, edit)) {
                continue;
            }
            // A correction made to wording this ledger no longer has is not forced on it.
            if self.replay_edit(id, edit)? {
                self.counts.edits_added += 1;
            } else {
                self.counts.edits_not_applicable += 1;
            }
        }
        Ok(())
    }

    fn insert_event(&mut self, claim: i64, e: &EventRecord) -> Result<()> {
        let drawn = self.ids.events.next(self.db)?;
        let mut rows = ClaimRows::default();
        rows.event(drawn, claim, event_of(e));
        rows.write(self.db)?;
        self.counts.events_added += 1;
        Ok(())
    }

    /// Replays a correction when it follows from the claim's current wording; false if not.
    fn replay_edit(&mut self, claim: i64, e: &EditRecord) -> Result<bool> {
        if current_value(self.db, claim, e.field)? != e.old_value {
            return Ok(false);
        }
        apply_edit(
            self.db,
            claim,
            e.field,
            e.new_value.as_deref(),
            &e.by,
            e.at,
            e.note.as_deref(),
        )
    }

    /// Makes `name` a merged duplicate of `into`: an existing duplicate is left as it is, a
    /// separate survivor of that name is merged, and otherwise a duplicate row is created.
    fn fold_in(
        &mut self,
        table: &NameTable,
        into: i64,
        name: &str,
        create: impl FnOnce(&mut dyn Seam, i64) -> Result<()>,
    ) -> Result<()> {
        if table.merged_row(self.db, into, name)?.is_some() {
            return Ok(());
        }
        match table.other_survivor(self.db, into, name)? {
            Some(other) => table.merge(self.db, other, into),
            None => create(self.db, into),
        }
    }

    fn forget_names(&mut self) {
        self.known.claimants.clear();
        self.known.outlets.clear();
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

    /// The surviving row `name` stands for, added when the ledger has never seen it.
    fn survivor(&mut self, table: &'static NameTable, name: &str) -> Result<i64> {
        if let Some(&id) = self.known.of(table).get(name) {
            return Ok(id);
        }
        let id = match table.find(self.db, name)? {
            Some(id) => id,
            None if table == &CLAIMANTS => {
                let (id, added) = claimant_row(self.db, &NewClaimant::named(name))?;
                self.counts.claimants_added += u64::from(added);
                id
            }
            None => {
                self.counts.outlets_added += 1;
                outlet_row(self.db, name, OutletKind::Other, None)?
            }
        };
        self.known.of(table).insert(name.to_owned(), id);
        Ok(id)
    }

    /// The row an attribution names: its survivor, or the merged duplicate it was logged
    /// under, added when missing.
    fn recorded_row(
        &mut self,
        table: &'static NameTable,
        name: &str,
        recorded_as: Option<&String>,
    ) -> Result<i64> {
        let survivor = self.survivor(table, name)?;
        let Some(recorded) = recorded_as else {
            return Ok(survivor);
        };
        if let Some(id) = table.merged_row(self.db, survivor, recorded)? {
            return Ok(id);
        }
        if table == &CLAIMANTS {
            let mut blank = NewClaimant::named(recorded);
            blank.merged_into = Some(survivor);
            Ok(claimant_row(self.db, &blank)?.0)
        } else {
            outlet_row(self.db, recorded, OutletKind::Other, Some(survivor))
        }
    }

    /// The rows an attribution names, adding names the ledger has never seen.
    fn resolve(&mut self, a: &AttributionRecord) -> Result<Chain> {
        check_recorded_chain(a)?;
        refuse_placeholder(&a.claimant)?;
        if let Some(recorded) = &a.recorded_as {
            refuse_placeholder(recorded)?;
        }
        let claimant = self.recorded_row(&CLAIMANTS, &a.claimant, a.recorded_as.as_ref())?;
        let mut via = Vec::with_capacity(a.via.len());
        for (i, name) in a.via.iter().enumerate() {
            let recorded = a.via_recorded_as.get(i).and_then(Option::as_ref);
            via.push(self.recorded_row(&OUTLETS, name, recorded)?);
        }
        Ok(Chain {
            claimant,
            via,
            medium: a.medium.clone(),
            made_at: a.made_at,
            url: a.url.clone(),
            logged_at: a.logged_at,
            logged_by: a.logged_by.clone(),
            grades: a.credibility.clone(),
        })
    }
}

/// A status event as its record gives it.
fn event_of(e: &EventRecord) -> Event<'_> {
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

fn first_found(db: &mut dyn Seam, table: &NameTable, names: &[&String]) -> Result<Option<i64>> {
    for name in names {
        if let Some(id) = table.find(db, name)? {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Gives a new desk ledger the outlets a new local one starts with.
pub fn seed_outlets(db: &mut dyn Seam, outlets: &[OutletRecord]) -> Result<()> {
    import(
        db,
        Box::new(|importer| outlets.iter().try_for_each(|o| importer.outlet(o))),
    )
    .map(|_| ())
}
