//! Interchange records in and out of the server: claimants and outlets for export, and the
//! uid-matched merge that `import`, `push` and `pull` share with the local ledger.

use std::collections::HashMap;

use super::db::Db;
use anyhow::{Context as _, Result, bail};

use super::PgStore;
use super::claims::{
    apply_edit, claimant_row, current_value, edits_for, history_for, insert_event,
    next_claimant_id, outlet_row,
};
use super::names::{CLAIMANTS, NameTable, OUTLETS};
use super::rows::word;
use crate::exchange::record::{
    AttributionRecord, ClaimRecord, ClaimantRecord, EditRecord, EventRecord, OutletRecord,
};
use crate::model::{ClaimId, ClaimantKind, EditField, OutletKind, Visibility};
use crate::store::merge::{
    AttributionKey, check_recorded_chain, in_time_order, refuse_placeholder, same_edit, same_event,
};
use crate::store::names::{name_key, tidy};
use crate::store::records::{self, ClaimantRow, OutletRow};
use crate::store::{Exchange, Import, ImportCounts, ImportWith, NewEvent};
use crate::time::Timestamp;

impl Exchange for PgStore {
    fn claimant_records(&self, visibility: Visibility) -> Result<Vec<ClaimantRecord>> {
        let visibility = self.allowed(visibility)?;
        self.read(|tx| {
            let aliases = CLAIMANTS.aliases_by_owner(tx, false)?;
            let rows = tx
                .query(
                    "SELECT id, name, role, affiliation, kind, confidential, merged_into
                     FROM claimants_visible ORDER BY name_key COLLATE \"C\", id",
                    &[],
                )?
                .iter()
                .map(|row| {
                    Ok(ClaimantRow {
                        id: row.try_get(0)?,
                        name: row.try_get(1)?,
                        role: row.try_get(2)?,
                        affiliation: row.try_get(3)?,
                        kind: word(row, 4)?,
                        confidential: row.try_get(5)?,
                        merged_into: row.try_get(6)?,
                    })
                })
                .collect::<Result<_>>()?;
            Ok(records::claimant_records(rows, &aliases, visibility))
        })
    }

    fn outlet_records(&self) -> Result<Vec<OutletRecord>> {
        self.read(|tx| {
            let aliases = OUTLETS.aliases_by_owner(tx, false)?;
            let rows = tx
                .query(
                    "SELECT id, name, kind, merged_into FROM outlets
                     ORDER BY name_key COLLATE \"C\", id",
                    &[],
                )?
                .iter()
                .map(|row| {
                    Ok(OutletRow {
                        id: row.try_get(0)?,
                        name: row.try_get(1)?,
                        kind: word(row, 2)?,
                        merged_into: row.try_get(3)?,
                    })
                })
                .collect::<Result<_>>()?;
            Ok(records::outlet_records(rows, &aliases))
        })
    }

    fn may_reveal(&self) -> Result<bool> {
        Ok(self.allowed(Visibility::Revealed).is_ok())
    }

    fn import(&mut self, commit: bool, f: ImportWith<'_>) -> Result<ImportCounts> {
        self.write(commit, |tx| {
            let mut importer = Importer {
                tx,
                counts: ImportCounts::default(),
                known: HashMap::new(),
            };
            f(&mut importer)?;
            Ok(importer.counts)
        })
    }
}

/// Gives a new desk ledger the outlets a new local one starts with.
pub fn seed_outlets(tx: &mut Db, outlets: &[OutletRecord]) -> Result<()> {
    let mut importer = Importer {
        tx,
        counts: ImportCounts::default(),
        known: HashMap::new(),
    };
    outlets
        .iter()
        .try_for_each(|outlet| importer.outlet(outlet))
}

struct Importer<'a, 'b, 't> {
    tx: &'a mut Db<'b, 't>,
    counts: ImportCounts,
    /// The surviving rows names in attributions led to so far, by table and name. Claimant
    /// and outlet records, which can merge rows or move aliases, forget them.
    known: HashMap<(&'static str, String), i64>,
}

impl Import for Importer<'_, '_, '_> {
    fn claimant(&mut self, record: &ClaimantRecord) -> Result<()> {
        self.known.clear();
        refuse_placeholder(&record.name)?;
        let names: Vec<&String> = std::iter::once(&record.name)
            .chain(&record.aliases)
            .collect();
        let id = match first_found(self.tx, &CLAIMANTS, &names)? {
            Some(id) => {
                self.tx.execute(
                    "SELECT claimtrail_fill_in($1, $2, $3, $4)",
                    &[&id, &record.role, &record.affiliation, &record.confidential],
                )?;
                id
            }
            None => {
                self.counts.claimants_added += 1;
                insert_claimant(self.tx, &record.name, record, None)?
            }
        };
        add_aliases(self.tx, &CLAIMANTS, id, &names)?;
        for m in &record.merged {
            refuse_placeholder(&m.name)?;
            let as_record = ClaimantRecord::from(m);
            if merged_row(self.tx, &CLAIMANTS, id, &m.name)?.is_some() {
                continue;
            }
            match other_survivor(self.tx, &CLAIMANTS, id, &m.name)? {
                Some(other) => CLAIMANTS.merge(self.tx, other, id)?,
                None => {
                    insert_claimant(self.tx, &m.name, &as_record, Some(id))?;
                }
            }
        }
        Ok(())
    }

    fn outlet(&mut self, record: &OutletRecord) -> Result<()> {
        self.known.clear();
        let names: Vec<&String> = std::iter::once(&record.name)
            .chain(&record.aliases)
            .collect();
        let id = match first_found(self.tx, &OUTLETS, &names)? {
            Some(id) => id,
            None => {
                self.counts.outlets_added += 1;
                insert_outlet(self.tx, &record.name, record.kind, None)?
            }
        };
        add_aliases(self.tx, &OUTLETS, id, &names)?;
        for m in &record.merged {
            if merged_row(self.tx, &OUTLETS, id, &m.name)?.is_some() {
                continue;
            }
            match other_survivor(self.tx, &OUTLETS, id, &m.name)? {
                Some(other) => OUTLETS.merge(self.tx, other, id)?,
                None => {
                    insert_outlet(self.tx, &m.name, m.kind, Some(id))?;
                }
            }
        }
        Ok(())
    }

    fn claim(&mut self, record: &ClaimRecord) -> Result<()> {
        let known = self.tx.query_opt(
            "SELECT id FROM claims WHERE uid = $1::text::uuid",
            &[&record.uid],
        )?;
        match known {
            Some(row) => {
                self.counts.claims_known += 1;
                self.merge_into(row.try_get(0)?, record)
            }
            None => {
                self.counts.claims_added += 1;
                self.add_whole(record)
            }
        }
    }

    fn claim_unless_present(&mut self, record: &ClaimRecord) -> Result<()> {
        let known = self
            .tx
            .query_opt(
                "SELECT 1 FROM claims WHERE uid = $1::text::uuid",
                &[&record.uid],
            )?
            .is_some();
        let claimant = match record.attributions.first() {
            Some(a) if !known => CLAIMANTS.find(self.tx, &a.claimant)?,
            _ => None,
        };
        let present = known
            || match claimant {
                Some(claimant) => self
                    .tx
                    .query_opt(
                        "SELECT 1 FROM claims c JOIN attributions a ON a.claim_id = c.id
                         JOIN claimants_visible s ON s.id = a.claimant_id
                         WHERE c.text = $1 AND coalesce(s.merged_into, s.id) = $2 LIMIT 1",
                        &[&record.text, &claimant],
                    )?
                    .is_some(),
                None => false,
            };
        if present {
            self.counts.claims_known += 1;
            return Ok(());
        }
        self.claim(record)
    }
}

impl Importer<'_, '_, '_> {
    fn add_whole(&mut self, record: &ClaimRecord) -> Result<()> {
        // The claim starts as first logged; its corrections then replay onto it.
        let original = |field: EditField, current: Option<String>| {
            record
                .edits
                .iter()
                .find(|e| e.field == field)
                .map_or(current, |e| e.old_value.clone())
        };
        let made_at = original(EditField::MadeAt, record.made_at.map(|t| t.to_string()));
        let id: i64 = self
            .tx
            .query_one(
                "INSERT INTO claims (uid, text, story, made_at, logged_at)
                 VALUES ($1::text::uuid, $2, $3, $4::text::timestamptz, $5) RETURNING id",
                &[
                    &record.uid,
                    &original(EditField::Text, Some(record.text.clone())),
                    &original(EditField::Story, record.story.clone()),
                    &made_at,
                    &record.logged_at.utc(),
                ],
            )
            .context("field text, story or made_at")?
            .try_get(0)?;
        for attribution in &record.attributions {
            let key = self.resolve(attribution)?;
            insert_attribution(self.tx, id, &key)?;
            self.counts.attributions_added += 1;
        }
        for event in in_time_order(&record.history, |e| e.at) {
            insert_event_record(self.tx, id, event)?;
            self.counts.events_added += 1;
        }
        for edit in in_time_order(&record.edits, |e| e.at) {
            if !replay_edit(self.tx, id, edit)? {
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
        let have = attribution_keys(self.tx, id)?;
        for attribution in &record.attributions {
            let key = self.resolve(attribution)?;
            if !have.contains(&key) {
                insert_attribution(self.tx, id, &key)?;
                self.counts.attributions_added += 1;
            }
        }
        let events: Vec<EventRecord> = history_for(self.tx, &[id])?
            .remove(&id)
            .unwrap_or_default()
            .into_iter()
            .map(EventRecord::from)
            .collect();
        for event in in_time_order(&record.history, |e| e.at) {
            if !events.iter().any(|e| same_event(e, event)) {
                insert_event_record(self.tx, id, event)?;
                self.counts.events_added += 1;
            }
        }
        let edits: Vec<EditRecord> = edits_for(self.tx, &[id])?
            .remove(&id)
            .unwrap_or_default()
            .into_iter()
            .map(EditRecord::from)
            .collect();
        for edit in in_time_order(&record.edits, |e| e.at) {
            if edits.iter().any(|e| same_edit(e, edit)) {
                continue;
            }
            // A correction made to wording this ledger no longer has is not forced on it.
            if replay_edit(self.tx, id, edit)? {
                self.counts.edits_added += 1;
            } else {
                self.counts.edits_not_applicable += 1;
            }
        }
        Ok(())
    }

    /// The surviving row `name` stands for, added when the server has never seen it.
    fn survivor(&mut self, table: &NameTable, name: &str) -> Result<i64> {
        let key = (table.table, name.to_owned());
        if let Some(&id) = self.known.get(&key) {
            return Ok(id);
        }
        let id = match table.find(self.tx, name)? {
            Some(id) => id,
            None if table.table == CLAIMANTS.table => {
                let (id, added) =
                    claimant_row(self.tx, name, None, None, ClaimantKind::Person, false)?;
                self.counts.claimants_added += u64::from(added);
                id
            }
            None => {
                self.counts.outlets_added += 1;
                outlet_row(self.tx, name, OutletKind::Other)?
            }
        };
        self.known.insert(key, id);
        Ok(id)
    }

    /// The rows an attribution names, adding names the server has never seen.
    fn resolve(&mut self, a: &AttributionRecord) -> Result<AttributionKey> {
        check_recorded_chain(a)?;
        refuse_placeholder(&a.claimant)?;
        let claimant = match CLAIMANTS.find(self.tx, &a.claimant)? {
            Some(id) => id,
            None => {
                let (id, added) = claimant_row(
                    self.tx,
                    &a.claimant,
                    None,
                    None,
                    ClaimantKind::Person,
                    false,
                )?;
                self.counts.claimants_added += u64::from(added);
                id
            }
        };
        let claimant = match &a.recorded_as {
            Some(recorded) => {
                refuse_placeholder(recorded)?;
                match merged_row(self.tx, &CLAIMANTS, claimant, recorded)? {
                    Some(id) => id,
                    None => {
                        let blank = ClaimantRecord::named(recorded);
                        insert_claimant(self.tx, recorded, &blank, Some(claimant))?
                    }
                }
            }
            None => claimant,
        };
        let mut via = Vec::with_capacity(a.via.len());
        for (i, name) in a.via.iter().enumerate() {
            let survivor = self.survivor(&OUTLETS, name)?;
            let recorded = a.via_recorded_as.get(i).and_then(Option::as_ref);
            via.push(match recorded {
                Some(recorded) => match merged_row(self.tx, &OUTLETS, survivor, recorded)? {
                    Some(id) => id,
                    None => insert_outlet(self.tx, recorded, OutletKind::Other, Some(survivor))?,
                },
                None => survivor,
            });
        }
        Ok(AttributionKey {
            claimant,
            via,
            medium: a.medium.clone(),
            made_at: a.made_at,
            url: a.url.clone(),
            logged_at: a.logged_at,
            logged_by: a.logged_by.clone(),
        })
    }
}

fn attribution_keys(tx: &mut Db, claim: i64) -> Result<Vec<AttributionKey>> {
    let rows = tx.query(
        "SELECT a.claimant_id, a.medium, a.made_at, a.url, a.logged_at,
                coalesce((SELECT array_agg(outlet_id ORDER BY position) FROM relays
                          WHERE attribution_id = a.id), '{}'), a.logged_by
         FROM attributions a WHERE a.claim_id = $1",
        &[&claim],
    )?;
    rows.iter()
        .map(|row| {
            Ok(AttributionKey {
                claimant: row.try_get(0)?,
                medium: row.try_get(1)?,
                made_at: super::rows::time_opt(row, 2)?,
                url: row.try_get(3)?,
                logged_at: super::rows::time(row, 4)?,
                via: row.try_get(5)?,
                logged_by: row.try_get(6)?,
            })
        })
        .collect()
}

fn insert_attribution(tx: &mut Db, claim: i64, key: &AttributionKey) -> Result<()> {
    let attribution: i64 = tx
        .query_one(
            "INSERT INTO attributions (claim_id, claimant_id, medium, made_at, url, logged_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            &[
                &claim,
                &key.claimant,
                &key.medium,
                &key.made_at.map(Timestamp::utc),
                &key.url,
                &key.logged_at.utc(),
            ],
        )?
        .try_get(0)?;
    for (position, outlet) in key.via.iter().enumerate() {
        tx.execute(
            "INSERT INTO relays (attribution_id, position, outlet_id) VALUES ($1, $2, $3)",
            &[&attribution, &(position as i32), outlet],
        )?;
    }
    Ok(())
}

fn insert_event_record(tx: &mut Db, claim: i64, e: &EventRecord) -> Result<()> {
    let event = NewEvent {
        status: e.status,
        note: e.note.clone(),
        evidence: e.evidence.clone(),
    };
    insert_event(tx, ClaimId(claim), &event, e.at)
}

/// Replays a correction when it follows from the claim's current wording; false if not.
fn replay_edit(tx: &mut Db, claim: i64, e: &EditRecord) -> Result<bool> {
    if current_value(tx, claim, e.field)? != e.old_value {
        return Ok(false);
    }
    apply_edit(
        tx,
        claim,
        e.field,
        e.new_value.as_deref(),
        e.at,
        e.note.as_deref(),
    )
}

fn first_found(tx: &mut Db, table: &NameTable, names: &[&String]) -> Result<Option<i64>> {
    for name in names {
        if let Some(id) = table.find(tx, name)? {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

fn add_aliases(tx: &mut Db, table: &NameTable, id: i64, names: &[&String]) -> Result<()> {
    for alias in names {
        if table.find(tx, alias)?.is_none() {
            table.add_alias(tx, id, alias)?;
        }
    }
    Ok(())
}

fn merged_row(tx: &mut Db, table: &NameTable, into: i64, name: &str) -> Result<Option<i64>> {
    let sql = format!(
        "SELECT id FROM {} WHERE merged_into = $1 AND name_key = $2 LIMIT 1",
        table.table
    );
    Ok(tx
        .query_opt(&sql, &[&into, &name_key(name)])?
        .map(|r| r.try_get(0))
        .transpose()?)
}

fn other_survivor(tx: &mut Db, table: &NameTable, into: i64, name: &str) -> Result<Option<i64>> {
    let sql = format!(
        "SELECT id FROM {} WHERE name_key = $1 AND merged_into IS NULL AND id <> $2",
        table.table
    );
    Ok(tx
        .query_opt(&sql, &[&name_key(name), &into])?
        .map(|r| r.try_get(0))
        .transpose()?)
}

fn insert_claimant(
    tx: &mut Db,
    name: &str,
    record: &ClaimantRecord,
    merged_into: Option<i64>,
) -> Result<i64> {
    let id = next_claimant_id(tx)?;
    // A survivor of that name the role may not see is left as it is.
    let added = tx.insert_unless_taken(
        "INSERT INTO claimants (id, name, name_key, role, affiliation, kind, confidential, merged_into)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
                &id,
                &tidy(name),
                &name_key(name),
                &record.role,
                &record.affiliation,
                &record.kind.as_str(),
                &record.confidential,
                &merged_into,
        ],
    )?;
    if added {
        Ok(id)
    } else {
        CLAIMANTS.require(tx, name)
    }
}

fn insert_outlet(
    tx: &mut Db,
    name: &str,
    kind: OutletKind,
    merged_into: Option<i64>,
) -> Result<i64> {
    Ok(tx
        .query_one(
            "INSERT INTO outlets (name, name_key, kind, merged_into) VALUES ($1, $2, $3, $4)
             RETURNING id",
            &[&tidy(name), &name_key(name), &kind.as_str(), &merged_into],
        )?
        .try_get(0)?)
}
