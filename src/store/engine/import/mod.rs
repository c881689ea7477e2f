//! The uid-matched merge that `import`, `push` and `pull` run: claims matched by uid,
//! claimants and outlets by name and alias. Records arrive one at a time; new claims and
//! claimants are gathered and written together (see `together`).

mod together;

use std::collections::HashMap;

use anyhow::Result;

use self::together::event_of;
use super::claims::history_and_edits;
use super::exchange::{keep_sync_marks, sync_marks};
use super::merge::{
    check_recorded_chain, in_time_order, refuse_placeholder, same_edit, same_event,
};
use super::names::{CLAIMANTS, NameTable, OUTLETS};
use super::rows::ClaimRows;
use super::write::{
    Chain, Ids, NewClaimant, apply_edit, chains_of, claimant_row, current_value, fill_in,
    grade_credibility, grade_reliability, insert_attribution, outlet_row,
};
use super::{Read as _, Seam};
use crate::model::OutletKind;
use crate::portable::{
    AttributionRecord, ClaimRecord, ClaimantRecord, EditRecord, EventRecord, OutletRecord,
};
use crate::store::{Import, ImportCounts, ImportWith, SyncMarks};
use crate::values;

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

    fn holds(&mut self, uid: &str) -> Result<bool> {
        Ok(self.claim_by_uid(&uid.to_ascii_lowercase())?.is_some())
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

/// Fills in what claimant `id` lacks from `record`.
fn fill_in_from(db: &mut dyn Seam, id: i64, record: &ClaimantRecord) -> Result<()> {
    fill_in(
        db,
        id,
        record.role.clone(),
        record.affiliation.clone(),
        record.confidential,
    )
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
                fill_in_from(self.db, id, record)?;
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
