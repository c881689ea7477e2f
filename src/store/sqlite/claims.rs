//! Claims, their attributions with relay chains, and their status history.

use std::collections::HashMap;

use anyhow::{Result, bail};
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};
use uuid::Uuid;

use super::names::{CLAIMANTS, OUTLETS, name_key, tidy};
use super::seam::SqliteSeam;
use super::{Cached, Store};
use crate::model::StoryCount;
use crate::model::{
    Attribution, Claim, ClaimDetail, ClaimEdit, ClaimId, Claimant, ClaimantKind, EditField, Outlet,
    OutletKind, Status, StatusEvent, Visibility,
};
use crate::store::engine;
use crate::store::{ClaimFilter, Claims, Logged, NewAttribution, NewClaim, NewEvent, WordPairs};
use crate::time::Timestamp;

impl Claims for Store {
    fn add_claims(&mut self, claims: &[NewClaim], by: &str, at: Timestamp) -> Result<Vec<Logged>> {
        self.write(|tx| {
            claims
                .iter()
                .map(|claim| add_one(tx, claim, by, at))
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
        self.write(|tx| {
            require_claim(tx, id)?;
            insert_attribution(tx, id, attribution, by, at)
        })
    }

    fn mark(&mut self, id: ClaimId, event: &NewEvent, by: &str, at: Timestamp) -> Result<Status> {
        self.write(|tx| {
            let before = require_claim(tx, id)?;
            insert_event(tx, id, event, by, at)?;
            Ok(before)
        })
    }

    fn open_claims_with_words(
        &self,
        pairs: &WordPairs,
        except: ClaimId,
        limit: u32,
    ) -> Result<Vec<(ClaimId, String)>> {
        let quote = |w: &str| format!("\"{}\"", w.replace('"', "\"\""));
        let query = match pairs {
            WordPairs::Nothing => return Ok(Vec::new()),
            WordPairs::Single(word) => quote(word),
            WordPairs::Pairs(pairs) => pairs
                .iter()
                .map(|(a, b)| format!("({} AND {})", quote(a), quote(b)))
                .collect::<Vec<_>>()
                .join(" OR "),
        };
        // Newest first, in the index's own order, so the search stops at the limit
        // rather than ranking every claim that shares a common word.
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT c.id, c.text FROM claims_fts f JOIN claims c ON c.id = f.rowid
                 WHERE claims_fts MATCH ?1 AND c.id <> ?2
                   AND c.status IN ('unverified', 'corroborated', 'disputed')
                 ORDER BY f.rowid DESC LIMIT ?3",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![query, except, limit], |r| {
                Ok((ClaimId(r.get(0)?), r.get(1)?))
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    fn stories(&self) -> Result<Vec<StoryCount>> {
        engine::claims::stories(&mut SqliteSeam::new(&self.conn, &self.path))
    }

    fn count_claims(&self, filter: &ClaimFilter) -> Result<u64> {
        let clause = filter.clause(&self.conn)?;
        let sql = format!("SELECT count(*) FROM claims c WHERE {}", clause.sql);
        let all = self
            .conn
            .one(&sql, params_from_iter(&clause.params), |r| {
                super::convert::count(r, 0)
            })
            .map_err(|e| self.err(e))?;
        Ok(filter.limit.map_or(all, |limit| all.min(limit)))
    }

    fn edit_claim(
        &mut self,
        id: ClaimId,
        changes: &[(EditField, Option<String>)],
        note: Option<&str>,
        by: &str,
        at: Timestamp,
    ) -> Result<Vec<EditField>> {
        self.write(|tx| {
            require_claim(tx, id)?;
            let mut changed = Vec::new();
            for (field, value) in changes {
                let inserted = tx.run(
                    &format!(
                        "INSERT INTO claim_edits (claim_id, field, old_value, new_value, at, by, note)
                         SELECT id, ?2, {field}, ?3, ?4, ?5, ?6 FROM claims
                         WHERE id = ?1 AND {field} IS NOT ?3"
                    ),
                    params![id, field, value, at, by, note],
                )?;
                if inserted > 0 {
                    changed.push(*field);
                }
            }
            Ok(changed)
        })
    }

    fn list_claims(&self, filter: &ClaimFilter, visibility: Visibility) -> Result<Vec<Claim>> {
        let clause = filter.listing(&self.conn)?;
        let limit = filter
            .limit
            .map(|n| format!(" LIMIT {n}"))
            .unwrap_or_default();
        let sql = format!(
            "SELECT {CLAIM_COLUMNS} FROM {} WHERE {} ORDER BY c.logged_at, c.id{limit}",
            clause.from, clause.sql
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut claims: Vec<Claim> = stmt
            .query_map(params_from_iter(&clause.params), claim_from_row)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        self.attach_attributions(&mut claims, visibility)
            .map_err(|e| self.err(e))?;
        Ok(claims)
    }

    fn claim_detail(&self, id: ClaimId, visibility: Visibility) -> Result<Option<ClaimDetail>> {
        let found = self
            .conn
            .one(
                &format!("SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.id = ?1"),
                [id],
                claim_from_row,
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(claim) = found else {
            return Ok(None);
        };
        let details = self.details(vec![claim], visibility)?;
        Ok(details.into_iter().next())
    }

    fn each_claim(
        &self,
        filter: &ClaimFilter,
        visibility: Visibility,
        each: &mut dyn FnMut(ClaimDetail) -> Result<()>,
    ) -> Result<u64> {
        const BATCH: u64 = 500;
        let clause = filter.clause(&self.conn)?;
        let sql = format!(
            "SELECT {CLAIM_COLUMNS} FROM claims c WHERE ({}) AND c.id > ? ORDER BY c.id LIMIT ?",
            clause.sql
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let (mut after, mut seen) = (0i64, 0u64);
        loop {
            let want = filter.limit.map_or(BATCH, |l| BATCH.min(l - seen));
            if want == 0 {
                break;
            }
            let mut params = clause.params.clone();
            params.push(after.into());
            params.push((want as i64).into());
            let batch: Vec<Claim> = stmt
                .query_map(params_from_iter(&params), claim_from_row)
                .and_then(|rows| rows.collect())
                .map_err(|e| self.err(e))?;
            let Some(last) = batch.last() else { break };
            after = last.id.0;
            seen += batch.len() as u64;
            for detail in self.details(batch, visibility)? {
                each(detail)?;
            }
        }
        Ok(seen)
    }
}

impl Store {
    /// Completes claims with their attributions, history and corrections.
    fn details(&self, mut claims: Vec<Claim>, visibility: Visibility) -> Result<Vec<ClaimDetail>> {
        self.attach_attributions(&mut claims, visibility)
            .map_err(|e| self.err(e))?;
        let ids = id_list(&claims);
        let mut history = history_for(&self.conn, &ids).map_err(|e| self.err(e))?;
        let mut edits = edits_for(&self.conn, &ids).map_err(|e| self.err(e))?;
        Ok(claims
            .into_iter()
            .map(|claim| ClaimDetail {
                history: history.remove(&claim.id.0).unwrap_or_default(),
                edits: edits.remove(&claim.id.0).unwrap_or_default(),
                claim,
            })
            .collect())
    }

    /// Loads the attributions and relay chains of all `claims` in two queries.
    fn attach_attributions(
        &self,
        claims: &mut [Claim],
        visibility: Visibility,
    ) -> rusqlite::Result<()> {
        if claims.is_empty() {
            return Ok(());
        }
        let ids = id_list(claims);
        let chains = relay_chains(&self.conn, &ids)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.claim_id, a.id, a.medium, a.made_at, a.url, a.logged_at, a.logged_by,
                    s.id, s.name,
                    g.id, g.name, g.role, g.affiliation, g.kind, g.confidential
             FROM attributions a
             JOIN claimants s ON s.id = a.claimant_id
             JOIN claimants g ON g.id = coalesce(s.merged_into, s.id)
             WHERE a.claim_id IN (SELECT value FROM json_each(?1))
             ORDER BY a.claim_id, a.id",
        )?;
        let mut by_claim: HashMap<i64, Vec<Attribution>> = HashMap::new();
        let mut rows = stmt.query([&ids])?;
        while let Some(row) = rows.next()? {
            let claim_id: i64 = row.get(0)?;
            let attribution_id: i64 = row.get(1)?;
            let recorded_id: i64 = row.get(7)?;
            let recorded_name: String = row.get(8)?;
            let claimant = claimant_from_row(row, 9, visibility)?;
            let recorded_as = (recorded_id != claimant.id
                && (visibility == Visibility::Revealed || !claimant.confidential))
                .then_some(recorded_name);
            by_claim.entry(claim_id).or_default().push(Attribution {
                claimant,
                recorded_as,
                via: chains.get(&attribution_id).cloned().unwrap_or_default(),
                medium: row.get(2)?,
                made_at: row.get(3)?,
                url: row.get(4)?,
                logged_at: row.get(5)?,
                logged_by: row.get(6)?,
            });
        }
        for claim in claims.iter_mut() {
            claim.attributions = by_claim.remove(&claim.id.0).unwrap_or_default();
        }
        Ok(())
    }
}

const CLAIM_COLUMNS: &str =
    "c.id, c.uid, c.text, c.story, c.status, c.made_at, c.logged_at, c.logged_by";

fn claim_from_row(row: &Row) -> rusqlite::Result<Claim> {
    Ok(Claim {
        id: row.get(0)?,
        uid: row.get(1)?,
        text: row.get(2)?,
        story: row.get(3)?,
        status: row.get(4)?,
        made_at: row.get(5)?,
        logged_at: row.get(6)?,
        logged_by: row.get(7)?,
        attributions: Vec::new(),
    })
}

/// Reads id, name, role, affiliation, kind, confidential from `first` on, hiding the name
/// of a confidential claimant unless revealed.
pub(super) fn claimant_from_row(
    row: &Row,
    first: usize,
    visibility: Visibility,
) -> rusqlite::Result<Claimant> {
    let id: i64 = row.get(first)?;
    let confidential: bool = row.get(first + 5)?;
    let name = if confidential && visibility == Visibility::Redacted {
        Claimant::placeholder(id)
    } else {
        row.get(first + 1)?
    };
    Ok(Claimant {
        id,
        name,
        role: row.get(first + 2)?,
        affiliation: row.get(first + 3)?,
        kind: row.get(first + 4)?,
        confidential,
    })
}

fn relay_chains(conn: &Connection, ids: &str) -> rusqlite::Result<HashMap<i64, Vec<Outlet>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.attribution_id, g.id, g.name, o.id, o.name
         FROM relays r
         JOIN attributions a ON a.id = r.attribution_id
         JOIN outlets o ON o.id = r.outlet_id
         JOIN outlets g ON g.id = coalesce(o.merged_into, o.id)
         WHERE a.claim_id IN (SELECT value FROM json_each(?1))
         ORDER BY r.attribution_id, r.position",
    )?;
    let mut chains: HashMap<i64, Vec<Outlet>> = HashMap::new();
    let mut rows = stmt.query([ids])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(1)?;
        let recorded_id: i64 = row.get(3)?;
        chains.entry(row.get(0)?).or_default().push(Outlet {
            id,
            name: row.get(2)?,
            recorded_as: (recorded_id != id).then(|| row.get(4)).transpose()?,
        });
    }
    Ok(chains)
}

/// The status history of each claim in `ids` (a JSON array), oldest first.
pub(super) fn history_for(
    conn: &Connection,
    ids: &str,
) -> rusqlite::Result<HashMap<i64, Vec<StatusEvent>>> {
    let mut evidence: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT e.event_id, e.url FROM evidence e JOIN status_events s ON s.id = e.event_id
         WHERE s.claim_id IN (SELECT value FROM json_each(?1)) ORDER BY e.event_id, e.position",
    )?;
    let mut rows = stmt.query([ids])?;
    while let Some(row) = rows.next()? {
        evidence.entry(row.get(0)?).or_default().push(row.get(1)?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT claim_id, id, status, at, by, note FROM status_events
         WHERE claim_id IN (SELECT value FROM json_each(?1)) ORDER BY claim_id, at, id",
    )?;
    let mut history: HashMap<i64, Vec<StatusEvent>> = HashMap::new();
    let mut rows = stmt.query([ids])?;
    while let Some(row) = rows.next()? {
        history.entry(row.get(0)?).or_default().push(StatusEvent {
            status: row.get(2)?,
            at: row.get(3)?,
            by: row.get(4)?,
            note: row.get(5)?,
            evidence: evidence.remove(&row.get(1)?).unwrap_or_default(),
        });
    }
    Ok(history)
}

/// The corrections of each claim in `ids` (a JSON array), oldest first.
pub(super) fn edits_for(
    conn: &Connection,
    ids: &str,
) -> rusqlite::Result<HashMap<i64, Vec<ClaimEdit>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT claim_id, field, old_value, new_value, at, by, note FROM claim_edits
         WHERE claim_id IN (SELECT value FROM json_each(?1)) ORDER BY claim_id, at, id",
    )?;
    let mut edits: HashMap<i64, Vec<ClaimEdit>> = HashMap::new();
    let mut rows = stmt.query([ids])?;
    while let Some(row) = rows.next()? {
        edits.entry(row.get(0)?).or_default().push(ClaimEdit {
            field: row.get(1)?,
            old_value: row.get(2)?,
            new_value: row.get(3)?,
            at: row.get(4)?,
            by: row.get(5)?,
            note: row.get(6)?,
        });
    }
    Ok(edits)
}

/// A JSON array of the claims' ids, for `json_each`.
fn id_list(claims: &[Claim]) -> String {
    let ids: Vec<String> = claims.iter().map(|c| c.id.0.to_string()).collect();
    format!("[{}]", ids.join(","))
}

/// The claim's current status, or a clear error when there is no such claim.
fn require_claim(conn: &Connection, id: ClaimId) -> Result<Status> {
    let status = conn
        .one("SELECT status FROM claims WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    match status {
        Some(status) => Ok(status),
        None => bail!("no claim with id {id}"),
    }
}

pub(super) fn insert_event(
    conn: &Connection,
    id: ClaimId,
    event: &NewEvent,
    by: &str,
    at: Timestamp,
) -> Result<()> {
    conn.run(
        "INSERT INTO status_events (claim_id, status, at, by, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, event.status, at, by, event.note],
    )?;
    let event_id = conn.last_insert_rowid();
    for (position, url) in event.evidence.iter().enumerate() {
        conn.run(
            "INSERT INTO evidence (event_id, position, url) VALUES (?1, ?2, ?3)",
            params![event_id, position as i64, url],
        )?;
    }
    Ok(())
}

fn insert_attribution(
    conn: &Connection,
    id: ClaimId,
    new: &NewAttribution,
    by: &str,
    at: Timestamp,
) -> Result<Logged> {
    let similar_claimants = match CLAIMANTS.find(conn, &new.claimant)? {
        Some(_) => Vec::new(),
        None => CLAIMANTS.similar(conn, &new.claimant)?,
    };
    let (claimant_id, claimant_is_new, kept) = claimant_for(conn, new)?;
    conn.run(
        "INSERT INTO attributions (claim_id, claimant_id, medium, made_at, url, logged_at, logged_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, claimant_id, new.medium, new.made_at, new.url, at, by],
    )?;
    let attribution_id = conn.last_insert_rowid();
    let mut new_outlets = Vec::new();
    for (position, name) in new.via.iter().enumerate() {
        let outlet_id = match OUTLETS.find(conn, name)? {
            Some(found) => found,
            None => {
                new_outlets.push((tidy(name), OUTLETS.similar(conn, name)?));
                create_outlet(conn, name)?
            }
        };
        conn.run(
            "INSERT INTO relays (attribution_id, position, outlet_id) VALUES (?1, ?2, ?3)",
            params![attribution_id, position as i64, outlet_id],
        )?;
    }
    let claimant = conn.one(
        "SELECT id, name, role, affiliation, kind, confidential FROM claimants WHERE id = ?1",
        [claimant_id],
        |row| claimant_from_row(row, 0, Visibility::Redacted),
    )?;
    Ok(Logged {
        id,
        claimant,
        claimant_is_new,
        similar_claimants,
        new_outlets,
        kept,
    })
}

/// Finds the claimant by name or alias, or creates it. Details the ledger lacks are filled
/// in; details that differ are kept as they were and reported back.
fn claimant_for(conn: &Connection, new: &NewAttribution) -> Result<(i64, bool, Vec<String>)> {
    let Some(id) = CLAIMANTS.find(conn, &new.claimant)? else {
        conn.run(
            "INSERT INTO claimants (name, name_key, role, affiliation, kind, confidential)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                tidy(&new.claimant),
                name_key(&new.claimant),
                new.role,
                new.affiliation,
                new.kind.unwrap_or(ClaimantKind::Person),
                new.confidential
            ],
        )?;
        return Ok((conn.last_insert_rowid(), true, Vec::new()));
    };
    let (role, affiliation, kind): (Option<String>, Option<String>, ClaimantKind) = conn.one(
        "SELECT role, affiliation, kind FROM claimants WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let mut kept = Vec::new();
    let mut fill = |column: &str, given: &Option<String>, held: Option<String>| -> Result<()> {
        match (given, held) {
            (Some(given), None) => {
                conn.run(
                    &format!("UPDATE claimants SET {column} = ?2 WHERE id = ?1"),
                    params![id, given],
                )?;
            }
            (Some(given), Some(held)) if given != &held => {
                kept.push(format!("{column} \"{held}\" (not \"{given}\")"));
            }
            _ => {}
        }
        Ok(())
    };
    fill("role", &new.role, role)?;
    fill("affiliation", &new.affiliation, affiliation)?;
    if let Some(given) = new.kind
        && given != kind
    {
        kept.push(format!("kind {kind} (not {given})"));
    }
    if new.confidential {
        conn.run("UPDATE claimants SET confidential = 1 WHERE id = ?1", [id])?;
    }
    Ok((id, false, kept))
}

fn create_outlet(conn: &Connection, name: &str) -> Result<i64> {
    conn.run(
        "INSERT INTO outlets (name, name_key, kind) VALUES (?1, ?2, ?3)",
        params![tidy(name), name_key(name), OutletKind::Other],
    )?;
    Ok(conn.last_insert_rowid())
}

fn add_one(tx: &Connection, claim: &NewClaim, by: &str, at: Timestamp) -> Result<Logged> {
    let uid = Uuid::new_v4().to_string();
    tx.run(
        "INSERT INTO claims (uid, text, story, made_at, logged_at, logged_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![uid, claim.text, claim.story, claim.made_at, at, by],
    )?;
    let id = ClaimId(tx.last_insert_rowid());
    let logged = insert_attribution(tx, id, &claim.attribution, by, at)?;
    insert_event(tx, id, &claim.first_event, by, at)?;
    Ok(logged)
}
