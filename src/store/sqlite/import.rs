//! Importing interchange records: an importer that merges them into this ledger inside one
//! transaction, matching claims by uid and claimants and outlets by name and alias.

use std::collections::HashMap;

use anyhow::{Context as _, Result};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::claims::{self, edits_for, history_for};
use super::names::{CLAIMANTS, NameTable, OUTLETS, name_key, tidy};
use super::{Cached, Store};
use crate::exchange::record::{
    AttributionRecord, ClaimRecord, ClaimantRecord, EditRecord, EventRecord, OutletRecord,
};
use crate::model::{ClaimId, OutletKind};
use crate::store::merge::{
    AttributionKey, check_recorded_chain, in_time_order, refuse_placeholder, same_edit, same_event,
};
use crate::store::{Import, ImportCounts, ImportWith, NewEvent};

impl Store {
    /// `Exchange::import`, in one IMMEDIATE transaction.
    pub(super) fn import_records(
        &mut self,
        commit: bool,
        f: ImportWith<'_>,
    ) -> Result<ImportCounts> {
        self.transaction(commit, |tx| {
            let mut importer = Importer {
                tx,
                counts: ImportCounts::default(),
                known: KnownNames::default(),
            };
            let set_aside = begin_bulk(tx)?;
            f(&mut importer)?;
            finish_bulk(tx, &set_aside)?;
            Ok(importer.counts)
        })
    }
}

/// Indexes an import into an empty ledger drops while it writes and builds again at the
/// end, sorted once rather than updated row by row. The import's own lookups (claims by
/// uid, a claim's attributions and history) keep theirs.
const REBUILT_AFTER_LOAD: &[&str] = &[
    "claims_status_logged",
    "claims_story",
    "claims_open_by_age",
    "attributions_claimant",
    "relays_outlet",
    "claim_sources_claim",
    "claim_sources_oldest",
];

/// Sets the per-claim indexing triggers aside for the claims this import adds (see
/// migrations 0005 and 0006), and gives SQLite room to keep the indexes it touches in
/// memory. Into an empty ledger, also drops the indexes rebuilt at the end, and returns
/// their definitions.
fn begin_bulk(tx: &Transaction) -> Result<Vec<String>> {
    tx.pragma_update(None, "cache_size", -16_384)?;
    tx.run(
        "INSERT INTO bulk_load (first_new_claim, first_new_attribution)
         VALUES ((SELECT coalesce(max(id), 0) + 1 FROM claims),
                 (SELECT coalesce(max(id), 0) + 1 FROM attributions))",
        [],
    )?;
    let empty: bool = tx.one("SELECT NOT EXISTS (SELECT 1 FROM claims)", [], |r| r.get(0))?;
    if !empty {
        return Ok(Vec::new());
    }
    let mut definitions = Vec::with_capacity(REBUILT_AFTER_LOAD.len());
    for name in REBUILT_AFTER_LOAD {
        let sql: String = tx.one(
            "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1",
            [name],
            |r| r.get(0),
        )?;
        tx.execute_batch(&format!("DROP INDEX {name}"))?;
        definitions.push(sql);
    }
    Ok(definitions)
}

/// Indexes everything the import added: which claims each source carries (the report's
/// counts follow by trigger) and the full-text index. In slices of ids, so that however
/// large the import, SQLite's working memory stays small.
fn finish_bulk(tx: &Transaction, set_aside: &[String]) -> Result<()> {
    const SLICE: i64 = 5_000;
    tx.pragma_update(None, "temp_store", "FILE")?;
    let (first_claim, first_attribution): (i64, i64) = tx.one(
        "SELECT first_new_claim, first_new_attribution FROM bulk_load",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let last_claim: i64 = tx.one("SELECT coalesce(max(id), 0) FROM claims", [], |r| r.get(0))?;
    // A claim this import added takes its status from its history once, here (migration
    // 0006), before its sources copy it.
    for from in (first_claim..=last_claim).step_by(SLICE as usize) {
        tx.run(
            "UPDATE claims SET status = coalesce(
                 (SELECT e.status FROM status_events e WHERE e.claim_id = claims.id
                  ORDER BY e.at DESC, e.id DESC LIMIT 1), status)
             WHERE id >= ?1 AND id < ?2",
            params![from, from + SLICE],
        )?;
    }
    let last_attribution: i64 =
        tx.one("SELECT coalesce(max(id), 0) FROM attributions", [], |r| {
            r.get(0)
        })?;
    for from in (first_attribution..=last_attribution).step_by(SLICE as usize) {
        let to = from + SLICE;
        tx.run(
            "INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
             SELECT 'claimant', coalesce(s.merged_into, s.id), c.id, c.status, c.logged_at
             FROM attributions a
             JOIN claimants s ON s.id = a.claimant_id
             JOIN claims c ON c.id = a.claim_id
             WHERE a.id >= ?1 AND a.id < ?2
             ON CONFLICT DO NOTHING",
            params![from, to],
        )?;
        tx.run(
            "INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
             SELECT 'outlet', coalesce(o.merged_into, o.id), c.id, c.status, c.logged_at
             FROM attributions a
             JOIN relays r ON r.attribution_id = a.id
             JOIN outlets o ON o.id = r.outlet_id
             JOIN claims c ON c.id = a.claim_id
             WHERE a.id >= ?1 AND a.id < ?2
             ON CONFLICT DO NOTHING",
            params![from, to],
        )?;
    }
    for sql in set_aside {
        tx.execute_batch(sql)?;
    }
    // Into an empty ledger, every source's counts come from one pass over the rebuilt
    // (kind, source, status) index, already in order; otherwise slice by slice.
    if set_aside.is_empty() {
        for from in (first_claim..=last_claim).step_by(SLICE as usize) {
            tx.run(
                &count_sources("claim_id >= ?1 AND claim_id < ?2"),
                params![from, from + SLICE],
            )?;
        }
    } else {
        tx.run(&count_sources("true"), [])?;
    }
    for from in (first_claim..=last_claim).step_by(SLICE as usize) {
        tx.run(
            "INSERT INTO claims_fts (rowid, text)
             SELECT id, text FROM claims WHERE id >= ?1 AND id < ?2",
            params![from, from + SLICE],
        )?;
    }
    tx.run("DELETE FROM bulk_load", [])?;
    tx.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// Adds the counts of the claim_sources rows `filter` selects to source_counts.
fn count_sources(filter: &str) -> String {
    format!(
        "INSERT INTO source_counts (kind, source_id, status, claims, oldest_logged_at)
         SELECT kind, source_id, status, count(*), min(logged_at) FROM claim_sources
         WHERE {filter}
         GROUP BY kind, source_id, status
         ON CONFLICT (kind, source_id, status) DO UPDATE SET
             claims = claims + excluded.claims,
             oldest_logged_at = min(oldest_logged_at, excluded.oldest_logged_at)"
    )
}

struct Importer<'t> {
    tx: &'t Transaction<'t>,
    counts: ImportCounts,
    known: KnownNames,
}

/// The surviving rows names in attributions have led to so far in this import. Names only
/// gain rows while claims are read; claimant and outlet records, which can merge rows or
/// move aliases, forget them all.
#[derive(Default)]
struct KnownNames {
    claimants: HashMap<String, i64>,
    outlets: HashMap<String, i64>,
}

impl KnownNames {
    fn forget(&mut self) {
        self.claimants.clear();
        self.outlets.clear();
    }

    fn of(&mut self, table: &NameTable) -> &mut HashMap<String, i64> {
        if table.table == CLAIMANTS.table {
            &mut self.claimants
        } else {
            &mut self.outlets
        }
    }

    /// The survivor a name stands for, adding a row for a name never seen.
    fn survivor(
        &mut self,
        conn: &Connection,
        table: &NameTable,
        name: &str,
        add: impl FnOnce() -> Result<i64>,
    ) -> Result<i64> {
        if let Some(&id) = self.of(table).get(name) {
            return Ok(id);
        }
        let id = match table.find(conn, name)? {
            Some(id) => id,
            None => add()?,
        };
        self.of(table).insert(name.to_owned(), id);
        Ok(id)
    }
}

impl Import for Importer<'_> {
    fn claimant(&mut self, record: &ClaimantRecord) -> Result<()> {
        let conn = self.tx;
        self.known.forget();
        refuse_placeholder(&record.name)?;
        let names = std::iter::once(&record.name).chain(&record.aliases);
        let found = first_found(conn, &CLAIMANTS, names)?;
        let id = match found {
            Some(id) => {
                conn.run(
                    "UPDATE claimants SET role = coalesce(role, ?2),
                         affiliation = coalesce(affiliation, ?3),
                         confidential = max(confidential, ?4)
                     WHERE id = ?1",
                    params![id, record.role, record.affiliation, record.confidential],
                )?;
                id
            }
            None => {
                self.counts.claimants_added += 1;
                insert_claimant(conn, &record.name, record, None)?
            }
        };
        // Its name here may be an alias there (a rename in one ledger): both lead to it.
        add_aliases(
            conn,
            &CLAIMANTS,
            id,
            std::iter::once(&record.name).chain(&record.aliases),
        )?;
        for m in &record.merged {
            refuse_placeholder(&m.name)?;
            let as_record = ClaimantRecord::from(m);
            fold_in(conn, &CLAIMANTS, id, &m.name, |conn, name, into| {
                insert_claimant(conn, name, &as_record, Some(into))
            })?;
        }
        Ok(())
    }

    fn outlet(&mut self, record: &OutletRecord) -> Result<()> {
        let conn = self.tx;
        self.known.forget();
        let names = std::iter::once(&record.name).chain(&record.aliases);
        let id = match first_found(conn, &OUTLETS, names)? {
            Some(id) => id,
            None => {
                self.counts.outlets_added += 1;
                insert_outlet(conn, &record.name, record.kind, None)?
            }
        };
        add_aliases(
            conn,
            &OUTLETS,
            id,
            std::iter::once(&record.name).chain(&record.aliases),
        )?;
        for m in &record.merged {
            fold_in(conn, &OUTLETS, id, &m.name, |conn, name, into| {
                insert_outlet(conn, name, m.kind, Some(into))
            })?;
        }
        Ok(())
    }

    fn claim(&mut self, record: &ClaimRecord) -> Result<()> {
        let conn = self.tx;
        let known: Option<i64> = conn
            .one("SELECT id FROM claims WHERE uid = ?1", [&record.uid], |r| {
                r.get(0)
            })
            .optional()?;
        match known {
            Some(id) => {
                self.counts.claims_known += 1;
                self.merge_into(id, record)
            }
            None => {
                self.counts.claims_added += 1;
                self.add_whole(record)
            }
        }
    }

    fn claim_unless_present(&mut self, record: &ClaimRecord) -> Result<()> {
        let known: bool = self.tx.one(
            "SELECT EXISTS (SELECT 1 FROM claims WHERE uid = ?1)",
            [&record.uid],
            |r| r.get(0),
        )?;
        if known {
            self.counts.claims_known += 1;
            return Ok(());
        }
        let claimant = match record.attributions.first() {
            Some(a) => CLAIMANTS.find(self.tx, &a.claimant)?,
            None => None,
        };
        if let Some(claimant) = claimant {
            let present: bool = self.tx.one(
                "SELECT EXISTS (SELECT 1 FROM claims c JOIN attributions a ON a.claim_id = c.id
                                JOIN claimants s ON s.id = a.claimant_id
                                WHERE c.text = ?1 AND coalesce(s.merged_into, s.id) = ?2)",
                params![record.text, claimant],
                |r| r.get(0),
            )?;
            if present {
                self.counts.claims_known += 1;
                return Ok(());
            }
        }
        self.claim(record)
    }
}

impl Importer<'_> {
    fn add_whole(&mut self, record: &ClaimRecord) -> Result<()> {
        let conn = self.tx;
        // The claim starts as first logged; its corrections then replay onto it.
        let original = |field, current: Option<&String>| {
            record
                .edits
                .iter()
                .find(|e| e.field == field)
                .map_or(current.cloned(), |e| e.old_value.clone())
        };
        use crate::model::EditField;
        conn.run(
            "INSERT INTO claims (uid, text, story, made_at, logged_at, logged_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                record.uid,
                original(EditField::Text, Some(&record.text)),
                original(EditField::Story, record.story.as_ref()),
                original(
                    EditField::MadeAt,
                    record.made_at.map(|t| t.to_string()).as_ref()
                ),
                record.logged_at,
                record.logged_by
            ],
        )
        .context("field text, story or made_at")?;
        let id = conn.last_insert_rowid();
        for attribution in &record.attributions {
            let key = resolve_attribution(conn, &mut self.counts, &mut self.known, attribution)?;
            insert_attribution(conn, id, &key)?;
            self.counts.attributions_added += 1;
        }
        for event in in_time_order(&record.history, |e| e.at) {
            insert_event(conn, id, event)?;
            self.counts.events_added += 1;
        }
        for edit in in_time_order(&record.edits, |e| e.at) {
            insert_edit(conn, id, edit).with_context(|| {
                format!(
                    "an edit of {} does not follow from the one before",
                    edit.field
                )
            })?;
            self.counts.edits_added += 1;
        }
        Ok(())
    }

    fn merge_into(&mut self, id: i64, record: &ClaimRecord) -> Result<()> {
        let conn = self.tx;
        let ids = format!("[{id}]");
        let have = attribution_keys(conn, id)?;
        for attribution in &record.attributions {
            let key = resolve_attribution(conn, &mut self.counts, &mut self.known, attribution)?;
            if !have.contains(&key) {
                insert_attribution(conn, id, &key)?;
                self.counts.attributions_added += 1;
            }
        }
        let events: Vec<EventRecord> = records_of(history_for(conn, &ids)?, id);
        for event in in_time_order(&record.history, |e| e.at) {
            if !events.iter().any(|e| same_event(e, event)) {
                insert_event(conn, id, event)?;
                self.counts.events_added += 1;
            }
        }
        let edits: Vec<EditRecord> = records_of(edits_for(conn, &ids)?, id);
        for edit in in_time_order(&record.edits, |e| e.at) {
            if edits.iter().any(|e| same_edit(e, edit)) {
                continue;
            }
            // A correction made to wording this ledger no longer has is not forced on it.
            if insert_edit(conn, id, edit).is_ok() {
                self.counts.edits_added += 1;
            } else {
                self.counts.edits_not_applicable += 1;
            }
        }
        Ok(())
    }
}

/// One claim's entries from a by-claim map, as interchange records.
fn records_of<D, R: From<D>>(mut by_claim: HashMap<i64, Vec<D>>, claim: i64) -> Vec<R> {
    let entries = by_claim.remove(&claim).unwrap_or_default();
    entries.into_iter().map(R::from).collect()
}

fn first_found<'a>(
    conn: &Connection,
    table: &NameTable,
    names: impl Iterator<Item = &'a String>,
) -> Result<Option<i64>> {
    for name in names {
        if let Some(id) = table.find(conn, name)? {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Adds the aliases no other row answers to already.
fn add_aliases<'a>(
    conn: &Connection,
    table: &NameTable,
    id: i64,
    aliases: impl Iterator<Item = &'a String>,
) -> Result<()> {
    for alias in aliases {
        if table.find(conn, alias)?.is_none() {
            table.add_alias(conn, id, alias)?;
        }
    }
    Ok(())
}

/// Makes `name` a merged duplicate of `into`: an existing duplicate is left as it is, a
/// separate survivor of that name is merged, and otherwise a duplicate row is created.
fn fold_in(
    conn: &Connection,
    table: &NameTable,
    into: i64,
    name: &str,
    create: impl FnOnce(&Connection, &str, i64) -> Result<i64>,
) -> Result<()> {
    if merged_row(conn, table, into, name)?.is_some() {
        return Ok(());
    }
    let sql = format!(
        "SELECT id FROM {} WHERE name_key = ?1 AND merged_into IS NULL AND id <> ?2",
        table.table
    );
    let survivor: Option<i64> = conn
        .one(&sql, params![name_key(name), into], |r| r.get(0))
        .optional()?;
    match survivor {
        Some(other) => table.merge(conn, other, into),
        None => create(conn, name, into).map(|_| ()),
    }
}

fn merged_row(conn: &Connection, table: &NameTable, into: i64, name: &str) -> Result<Option<i64>> {
    let sql = format!(
        "SELECT id FROM {} WHERE merged_into = ?1 AND name_key = ?2",
        table.table
    );
    Ok(conn
        .one(&sql, params![into, name_key(name)], |r| r.get(0))
        .optional()?)
}

fn insert_claimant(
    conn: &Connection,
    name: &str,
    record: &ClaimantRecord,
    merged_into: Option<i64>,
) -> Result<i64> {
    conn.run(
        "INSERT INTO claimants (name, name_key, role, affiliation, kind, confidential, merged_into)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            tidy(name),
            name_key(name),
            record.role,
            record.affiliation,
            record.kind,
            record.confidential,
            merged_into
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

fn insert_outlet(
    conn: &Connection,
    name: &str,
    kind: OutletKind,
    merged_into: Option<i64>,
) -> Result<i64> {
    conn.run(
        "INSERT INTO outlets (name, name_key, kind, merged_into) VALUES (?1, ?2, ?3, ?4)",
        params![tidy(name), name_key(name), kind, merged_into],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The row an attribution names: its survivor, or the merged duplicate it was logged under.
/// A name this ledger has never seen is added.
fn claimant_row(
    conn: &Connection,
    counts: &mut ImportCounts,
    known: &mut KnownNames,
    name: &str,
    recorded_as: Option<&String>,
) -> Result<i64> {
    refuse_placeholder(name)?;
    if let Some(recorded) = recorded_as {
        refuse_placeholder(recorded)?;
    }
    let survivor = known.survivor(conn, &CLAIMANTS, name, || {
        counts.claimants_added += 1;
        insert_claimant(conn, name, &ClaimantRecord::named(name), None)
    })?;
    let Some(recorded) = recorded_as else {
        return Ok(survivor);
    };
    match merged_row(conn, &CLAIMANTS, survivor, recorded)? {
        Some(id) => Ok(id),
        None => {
            let blank = ClaimantRecord::named(recorded);
            insert_claimant(conn, recorded, &blank, Some(survivor))
        }
    }
}

fn outlet_row(
    conn: &Connection,
    counts: &mut ImportCounts,
    known: &mut KnownNames,
    name: &str,
    recorded_as: Option<&String>,
) -> Result<i64> {
    let survivor = known.survivor(conn, &OUTLETS, name, || {
        counts.outlets_added += 1;
        insert_outlet(conn, name, OutletKind::Other, None)
    })?;
    let Some(recorded) = recorded_as else {
        return Ok(survivor);
    };
    match merged_row(conn, &OUTLETS, survivor, recorded)? {
        Some(id) => Ok(id),
        None => insert_outlet(conn, recorded, OutletKind::Other, Some(survivor)),
    }
}

fn resolve_attribution(
    conn: &Connection,
    counts: &mut ImportCounts,
    known: &mut KnownNames,
    a: &AttributionRecord,
) -> Result<AttributionKey> {
    check_recorded_chain(a)?;
    let claimant = claimant_row(conn, counts, known, &a.claimant, a.recorded_as.as_ref())?;
    let mut via = Vec::with_capacity(a.via.len());
    for (i, name) in a.via.iter().enumerate() {
        let recorded = a.via_recorded_as.get(i).and_then(Option::as_ref);
        via.push(outlet_row(conn, counts, known, name, recorded)?);
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

fn attribution_keys(conn: &Connection, claim: i64) -> Result<Vec<AttributionKey>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.claimant_id, a.medium, a.made_at, a.url, a.logged_at, a.logged_by,
                (SELECT json_group_array(outlet_id) FROM
                    (SELECT outlet_id FROM relays WHERE attribution_id = a.id ORDER BY position))
         FROM attributions a WHERE a.claim_id = ?1",
    )?;
    let keys = stmt
        .query_map([claim], |row| {
            let via: String = row.get(7)?;
            Ok(AttributionKey {
                claimant: row.get(1)?,
                via: serde_json::from_str(&via).unwrap_or_default(),
                medium: row.get(2)?,
                made_at: row.get(3)?,
                url: row.get(4)?,
                logged_at: row.get(5)?,
                logged_by: row.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(keys)
}

fn insert_attribution(conn: &Connection, claim: i64, key: &AttributionKey) -> Result<()> {
    conn.run(
        "INSERT INTO attributions (claim_id, claimant_id, medium, made_at, url, logged_at, logged_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![claim, key.claimant, key.medium, key.made_at, key.url, key.logged_at, key.logged_by],
    )?;
    let attribution = conn.last_insert_rowid();
    for (position, outlet) in key.via.iter().enumerate() {
        conn.run(
            "INSERT INTO relays (attribution_id, position, outlet_id) VALUES (?1, ?2, ?3)",
            params![attribution, position as i64, outlet],
        )?;
    }
    Ok(())
}

fn insert_event(conn: &Connection, claim: i64, e: &EventRecord) -> Result<()> {
    let event = NewEvent {
        status: e.status,
        note: e.note.clone(),
        evidence: e.evidence.clone(),
    };
    claims::insert_event(conn, ClaimId(claim), &event, &e.by, e.at)
}

fn insert_edit(conn: &Connection, claim: i64, e: &EditRecord) -> Result<()> {
    conn.run(
        "INSERT INTO claim_edits (claim_id, field, old_value, new_value, at, by, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![claim, e.field, e.old_value, e.new_value, e.at, e.by, e.note],
    )?;
    Ok(())
}
