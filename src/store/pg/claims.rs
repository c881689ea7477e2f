//! Claims, their attributions with relay chains, and their status history, on the server.
//! Who logged each is the connection's role: the server stamps it, whatever is sent.

use std::collections::HashMap;

use super::db::Db;
use anyhow::{Result, bail};
use uuid::Uuid;

use super::PgStore;
use super::filter;
use super::names::{CLAIMANTS, OUTLETS};
use super::rows::{self, CLAIMANT_COLUMNS, Params, count, time, time_opt, word};
use super::seam::PgSeam;
use crate::model::StoryCount;
use crate::model::{
    Attribution, Claim, ClaimDetail, ClaimEdit, ClaimId, ClaimantKind, EditField, Outlet,
    OutletKind, Status, StatusEvent, Visibility,
};
use crate::store::engine;
use crate::store::names::{name_key, tidy};
use crate::store::{ClaimFilter, Claims, Logged, NewAttribution, NewClaim, NewEvent, WordPairs};
use crate::time::Timestamp;

impl Claims for PgStore {
    fn add_claims(&mut self, claims: &[NewClaim], _by: &str, at: Timestamp) -> Result<Vec<Logged>> {
        self.write(true, |tx| {
            claims.iter().map(|claim| add_one(tx, claim, at)).collect()
        })
    }

    fn cite(
        &mut self,
        id: ClaimId,
        attribution: &NewAttribution,
        _by: &str,
        at: Timestamp,
    ) -> Result<Logged> {
        self.write(true, |tx| {
            lock_claim(tx, id)?;
            insert_attribution(tx, id, attribution, at)
        })
    }

    fn mark(&mut self, id: ClaimId, event: &NewEvent, _by: &str, at: Timestamp) -> Result<Status> {
        self.write(true, |tx| {
            let before = lock_claim(tx, id)?;
            insert_event(tx, id, event, at)?;
            Ok(before)
        })
    }

    fn edit_claim(
        &mut self,
        id: ClaimId,
        changes: &[(EditField, Option<String>)],
        note: Option<&str>,
        _by: &str,
        at: Timestamp,
    ) -> Result<Vec<EditField>> {
        self.write(true, |tx| {
            lock_claim(tx, id)?;
            let mut changed = Vec::new();
            for (field, value) in changes {
                if apply_edit(tx, id.0, *field, value.as_deref(), at, note)? {
                    changed.push(*field);
                }
            }
            Ok(changed)
        })
    }

    fn open_claims_with_words(
        &self,
        pairs: &WordPairs,
        except: ClaimId,
        limit: u32,
    ) -> Result<Vec<(ClaimId, String)>> {
        let quote = |w: &str| format!("'{}'", w.replace('\\', "\\\\").replace('\'', "''"));
        let query = match pairs {
            WordPairs::Nothing => return Ok(Vec::new()),
            WordPairs::Single(word) => quote(word),
            WordPairs::Pairs(pairs) => pairs
                .iter()
                .map(|(a, b)| format!("({} & {})", quote(a), quote(b)))
                .collect::<Vec<_>>()
                .join(" | "),
        };
        self.read(|tx| {
            let rows = tx.query(
                "SELECT c.id, c.text FROM claims c
                 WHERE to_tsvector('simple', c.text) @@ to_tsquery('simple', $1) AND c.id <> $2
                   AND c.status IN ('unverified', 'corroborated', 'disputed')
                 ORDER BY c.id DESC LIMIT $3",
                &[&query, &except.0, &i64::from(limit)],
            )?;
            rows.iter()
                .map(|r| Ok((ClaimId(r.try_get(0)?), r.try_get(1)?)))
                .collect()
        })
    }

    fn stories(&self) -> Result<Vec<StoryCount>> {
        self.read(|tx| engine::claims::stories(&mut PgSeam::new(tx)))
    }

    fn count_claims(&self, filter: &ClaimFilter) -> Result<u64> {
        self.read(|tx| {
            let mut params = Params::default();
            let clause = filter::clause(filter, tx, &mut params)?;
            let sql = format!("SELECT count(*) FROM claims c WHERE {clause}");
            let all = count(&tx.query_one(&sql, &params.refs())?, 0)?;
            Ok(filter.limit.map_or(all, |limit| all.min(limit)))
        })
    }

    fn list_claims(&self, filter: &ClaimFilter, visibility: Visibility) -> Result<Vec<Claim>> {
        let visibility = self.allowed(visibility)?;
        self.read(|tx| {
            let mut params = Params::default();
            let clause = filter::clause(filter, tx, &mut params)?;
            let limit = filter
                .limit
                .map(|n| format!(" LIMIT {n}"))
                .unwrap_or_default();
            let sql = format!(
                "SELECT {CLAIM_COLUMNS} FROM claims c WHERE {clause}
                 ORDER BY c.logged_at, c.id{limit}"
            );
            let mut claims = claims_from(&tx.query(&sql, &params.refs())?)?;
            attach_attributions(tx, &mut claims, visibility)?;
            Ok(claims)
        })
    }

    fn claim_detail(&self, id: ClaimId, visibility: Visibility) -> Result<Option<ClaimDetail>> {
        let visibility = self.allowed(visibility)?;
        self.read(|tx| {
            let sql = format!("SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.id = $1");
            let claims = claims_from(&tx.query(&sql, &[&id.0])?)?;
            Ok(details(tx, claims, visibility)?.into_iter().next())
        })
    }

    fn each_claim(
        &self,
        filter: &ClaimFilter,
        visibility: Visibility,
        each: &mut dyn FnMut(ClaimDetail) -> Result<()>,
    ) -> Result<u64> {
        const BATCH: u64 = 500;
        let visibility = self.allowed(visibility)?;
        self.read(|tx| {
            let mut params = Params::default();
            let clause = filter::clause(filter, tx, &mut params)?;
            let after = params.push(0i64);
            let want = params.push(0i64);
            let sql = format!(
                "SELECT {CLAIM_COLUMNS} FROM claims c WHERE ({clause}) AND c.id > {after}
                 ORDER BY c.id LIMIT {want}"
            );
            let (mut last, mut seen) = (0i64, 0u64);
            loop {
                let wanted = filter.limit.map_or(BATCH, |l| BATCH.min(l - seen));
                if wanted == 0 {
                    break;
                }
                let mut values = params.refs();
                let n = values.len();
                let wanted = wanted as i64;
                values[n - 2] = &last;
                values[n - 1] = &wanted;
                let batch = claims_from(&tx.query(&sql, &values)?)?;
                let Some(newest) = batch.last() else { break };
                last = newest.id.0;
                seen += batch.len() as u64;
                for detail in details(tx, batch, visibility)? {
                    each(detail)?;
                }
            }
            Ok(seen)
        })
    }
}

pub const CLAIM_COLUMNS: &str =
    "c.id, c.uid::text, c.text, c.story, c.status, c.made_at, c.logged_at, c.logged_by";

fn claims_from(rows: &[postgres::Row]) -> Result<Vec<Claim>> {
    rows.iter()
        .map(|row| {
            Ok(Claim {
                id: ClaimId(row.try_get(0)?),
                uid: row.try_get(1)?,
                text: row.try_get(2)?,
                story: row.try_get(3)?,
                status: word(row, 4)?,
                made_at: time_opt(row, 5)?,
                logged_at: time(row, 6)?,
                logged_by: row.try_get(7)?,
                attributions: Vec::new(),
            })
        })
        .collect()
}

/// Completes claims with their attributions, history and corrections.
fn details(
    tx: &mut Db,
    mut claims: Vec<Claim>,
    visibility: Visibility,
) -> Result<Vec<ClaimDetail>> {
    attach_attributions(tx, &mut claims, visibility)?;
    let ids = ids_of(&claims);
    let mut history = history_for(tx, &ids)?;
    let mut edits = edits_for(tx, &ids)?;
    Ok(claims
        .into_iter()
        .map(|claim| ClaimDetail {
            history: history.remove(&claim.id.0).unwrap_or_default(),
            edits: edits.remove(&claim.id.0).unwrap_or_default(),
            claim,
        })
        .collect())
}

fn ids_of(claims: &[Claim]) -> Vec<i64> {
    claims.iter().map(|c| c.id.0).collect()
}

/// Loads the attributions and relay chains of all `claims` in two queries.
fn attach_attributions(tx: &mut Db, claims: &mut [Claim], visibility: Visibility) -> Result<()> {
    if claims.is_empty() {
        return Ok(());
    }
    let ids = ids_of(claims);
    let chains = relay_chains(tx, &ids)?;
    let rows = tx.query(
        "SELECT a.claim_id, a.id, a.medium, a.made_at, a.url, a.logged_at, a.logged_by,
                s.id, s.name,
                g.id, g.name, g.role, g.affiliation, g.kind, g.confidential
         FROM attributions a
         JOIN claimants_visible s ON s.id = a.claimant_id
         JOIN claimants_visible g ON g.id = coalesce(s.merged_into, s.id)
         WHERE a.claim_id = ANY($1)
         ORDER BY a.claim_id, a.id",
        &[&ids],
    )?;
    let mut by_claim: HashMap<i64, Vec<Attribution>> = HashMap::new();
    for row in &rows {
        let claim_id: i64 = row.try_get(0)?;
        let attribution_id: i64 = row.try_get(1)?;
        let recorded_id: i64 = row.try_get(7)?;
        let recorded_name: String = row.try_get(8)?;
        let claimant = rows::claimant(row, 9, visibility)?;
        let recorded_as = (recorded_id != claimant.id
            && (visibility == Visibility::Revealed || !claimant.confidential))
            .then_some(recorded_name);
        by_claim.entry(claim_id).or_default().push(Attribution {
            claimant,
            recorded_as,
            via: chains.get(&attribution_id).cloned().unwrap_or_default(),
            medium: row.try_get(2)?,
            made_at: time_opt(row, 3)?,
            url: row.try_get(4)?,
            logged_at: time(row, 5)?,
            logged_by: row.try_get(6)?,
        });
    }
    for claim in claims.iter_mut() {
        claim.attributions = by_claim.remove(&claim.id.0).unwrap_or_default();
    }
    Ok(())
}

fn relay_chains(tx: &mut Db, ids: &[i64]) -> Result<HashMap<i64, Vec<Outlet>>> {
    let rows = tx.query(
        "SELECT r.attribution_id, g.id, g.name, o.id, o.name
         FROM relays r
         JOIN attributions a ON a.id = r.attribution_id
         JOIN outlets o ON o.id = r.outlet_id
         JOIN outlets g ON g.id = coalesce(o.merged_into, o.id)
         WHERE a.claim_id = ANY($1)
         ORDER BY r.attribution_id, r.position",
        &[&ids],
    )?;
    let mut chains: HashMap<i64, Vec<Outlet>> = HashMap::new();
    for row in &rows {
        let id: i64 = row.try_get(1)?;
        let recorded_id: i64 = row.try_get(3)?;
        chains.entry(row.try_get(0)?).or_default().push(Outlet {
            id,
            name: row.try_get(2)?,
            recorded_as: (recorded_id != id).then(|| row.try_get(4)).transpose()?,
        });
    }
    Ok(chains)
}

/// The status history of each claim in `ids`, oldest first.
pub fn history_for(tx: &mut Db, ids: &[i64]) -> Result<HashMap<i64, Vec<StatusEvent>>> {
    let mut evidence: HashMap<i64, Vec<String>> = HashMap::new();
    let rows = tx.query(
        "SELECT e.event_id, e.url FROM evidence e JOIN status_events s ON s.id = e.event_id
         WHERE s.claim_id = ANY($1) ORDER BY e.event_id, e.position",
        &[&ids],
    )?;
    for row in &rows {
        evidence
            .entry(row.try_get(0)?)
            .or_default()
            .push(row.try_get(1)?);
    }
    let rows = tx.query(
        "SELECT claim_id, id, status, at, by, note FROM status_events
         WHERE claim_id = ANY($1) ORDER BY claim_id, at, id",
        &[&ids],
    )?;
    let mut history: HashMap<i64, Vec<StatusEvent>> = HashMap::new();
    for row in &rows {
        let event: i64 = row.try_get(1)?;
        history
            .entry(row.try_get(0)?)
            .or_default()
            .push(StatusEvent {
                status: word(row, 2)?,
                at: time(row, 3)?,
                by: row.try_get(4)?,
                note: row.try_get(5)?,
                evidence: evidence.remove(&event).unwrap_or_default(),
            });
    }
    Ok(history)
}

/// The corrections of each claim in `ids`, oldest first.
pub fn edits_for(tx: &mut Db, ids: &[i64]) -> Result<HashMap<i64, Vec<ClaimEdit>>> {
    let rows = tx.query(
        "SELECT claim_id, field, old_value, new_value, at, by, note FROM claim_edits
         WHERE claim_id = ANY($1) ORDER BY claim_id, at, id",
        &[&ids],
    )?;
    let mut edits: HashMap<i64, Vec<ClaimEdit>> = HashMap::new();
    for row in &rows {
        edits.entry(row.try_get(0)?).or_default().push(ClaimEdit {
            field: word(row, 1)?,
            old_value: row.try_get(2)?,
            new_value: row.try_get(3)?,
            at: time(row, 4)?,
            by: row.try_get(5)?,
            note: row.try_get(6)?,
        });
    }
    Ok(edits)
}

/// The claim's current status, its row locked until the transaction ends, so that writers
/// to one claim take turns; or a clear error when there is no such claim.
fn lock_claim(tx: &mut Db, id: ClaimId) -> Result<Status> {
    match tx.query_opt(
        "SELECT status FROM claims WHERE id = $1 FOR UPDATE",
        &[&id.0],
    )? {
        Some(row) => word(&row, 0),
        None => bail!("no claim with id {id}"),
    }
}

/// Corrects one field when its value differs, keeping the old value; true if it changed.
/// A field of a claim as a correction records it: text, with times in claimtrail's form.
pub fn current_value(tx: &mut Db, claim: i64, field: EditField) -> Result<Option<String>> {
    let column = match field {
        EditField::Text => "text".to_owned(),
        EditField::Story => "story".to_owned(),
        EditField::MadeAt => rows::as_text("made_at"),
    };
    let sql = format!("SELECT {column} FROM claims WHERE id = $1");
    Ok(tx.query_one(&sql, &[&claim])?.try_get(0)?)
}

pub fn apply_edit(
    tx: &mut Db,
    claim: i64,
    field: EditField,
    value: Option<&str>,
    at: Timestamp,
    note: Option<&str>,
) -> Result<bool> {
    let assign = match field {
        EditField::Text => "text = $2",
        EditField::Story => "story = $2",
        EditField::MadeAt => "made_at = $2::text::timestamptz",
    };
    let old = current_value(tx, claim, field)?;
    if old.as_deref() == value {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO claim_edits (claim_id, field, old_value, new_value, at, note)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[&claim, &field.as_str(), &old, &value, &at.utc(), &note],
    )?;
    tx.execute(
        &format!("UPDATE claims SET {assign} WHERE id = $1"),
        &[&claim, &value],
    )?;
    Ok(true)
}

pub fn insert_event(tx: &mut Db, id: ClaimId, event: &NewEvent, at: Timestamp) -> Result<()> {
    let event_id: i64 = tx
        .query_one(
            "INSERT INTO status_events (claim_id, status, at, note) VALUES ($1, $2, $3, $4)
             RETURNING id",
            &[&id.0, &event.status.as_str(), &at.utc(), &event.note],
        )?
        .try_get(0)?;
    for (position, url) in event.evidence.iter().enumerate() {
        tx.execute(
            "INSERT INTO evidence (event_id, position, url) VALUES ($1, $2, $3)",
            &[&event_id, &(position as i32), url],
        )?;
    }
    Ok(())
}

fn insert_attribution(
    tx: &mut Db,
    id: ClaimId,
    new: &NewAttribution,
    at: Timestamp,
) -> Result<Logged> {
    let similar_claimants = match CLAIMANTS.find(tx, &new.claimant)? {
        Some(_) => Vec::new(),
        None => CLAIMANTS.similar(tx, &new.claimant)?,
    };
    let (claimant_id, claimant_is_new, kept) = claimant_for(tx, new)?;
    let attribution_id: i64 = tx
        .query_one(
            "INSERT INTO attributions (claim_id, claimant_id, medium, made_at, url, logged_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            &[
                &id.0,
                &claimant_id,
                &new.medium,
                &new.made_at.map(Timestamp::utc),
                &new.url,
                &at.utc(),
            ],
        )?
        .try_get(0)?;
    let mut new_outlets = Vec::new();
    for (position, name) in new.via.iter().enumerate() {
        let outlet_id = match OUTLETS.find(tx, name)? {
            Some(found) => found,
            None => {
                new_outlets.push((tidy(name), OUTLETS.similar(tx, name)?));
                outlet_row(tx, name, OutletKind::Other)?
            }
        };
        tx.execute(
            "INSERT INTO relays (attribution_id, position, outlet_id) VALUES ($1, $2, $3)",
            &[&attribution_id, &(position as i32), &outlet_id],
        )?;
    }
    let sql = format!("SELECT {CLAIMANT_COLUMNS} FROM claimants_visible WHERE id = $1");
    let claimant = rows::claimant(
        &tx.query_one(&sql, &[&claimant_id])?,
        0,
        Visibility::Redacted,
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

/// The survivor named `name`, added when two reporters log a new name at once: whichever
/// comes second finds the first's row.
pub fn outlet_row(tx: &mut Db, name: &str, kind: OutletKind) -> Result<i64> {
    let added = tx.query_opt(
        "INSERT INTO outlets (name, name_key, kind) VALUES ($1, $2, $3)
         ON CONFLICT (name_key) WHERE merged_into IS NULL DO NOTHING RETURNING id",
        &[&tidy(name), &name_key(name), &kind.as_str()],
    )?;
    match added {
        Some(row) => Ok(row.try_get(0)?),
        None => OUTLETS.require(tx, name),
    }
}

/// A new claimant row, or the one a concurrent writer just added under the same name.
/// The id is drawn first: a reporter may add a confidential claimant but not read it back.
pub fn claimant_row(
    tx: &mut Db,
    name: &str,
    role: Option<&str>,
    affiliation: Option<&str>,
    kind: ClaimantKind,
    confidential: bool,
) -> Result<(i64, bool)> {
    let id = next_claimant_id(tx)?;
    let added = tx.insert_unless_taken(
        "INSERT INTO claimants (id, name, name_key, role, affiliation, kind, confidential)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            &id,
            &tidy(name),
            &name_key(name),
            &role,
            &affiliation,
            &kind.as_str(),
            &confidential,
        ],
    )?;
    if added {
        return Ok((id, true));
    }
    match CLAIMANTS.find(tx, name)? {
        Some(id) => Ok((id, false)),
        None => bail!(
            "\"{}\" names a confidential claimant your role may not see; log it as that source's placeholder, or ask an editor",
            tidy(name)
        ),
    }
}

pub fn next_claimant_id(tx: &mut Db) -> Result<i64> {
    Ok(tx
        .query_one(
            "SELECT nextval(pg_get_serial_sequence('claimants', 'id'))",
            &[],
        )?
        .try_get(0)?)
}

/// Finds the claimant by name or alias, or creates it. Details the ledger lacks are filled
/// in; details that differ are kept as they were and reported back.
fn claimant_for(tx: &mut Db, new: &NewAttribution) -> Result<(i64, bool, Vec<String>)> {
    let id = match CLAIMANTS.find(tx, &new.claimant)? {
        Some(id) => id,
        None => {
            let (id, added) = claimant_row(
                tx,
                &new.claimant,
                new.role.as_deref(),
                new.affiliation.as_deref(),
                new.kind.unwrap_or(ClaimantKind::Person),
                new.confidential,
            )?;
            if added {
                return Ok((id, true, Vec::new()));
            }
            id
        }
    };
    let row = tx.query_one(
        "SELECT role, affiliation, kind, confidential FROM claimants_visible WHERE id = $1",
        &[&id],
    )?;
    let (role, affiliation): (Option<String>, Option<String>) = (row.try_get(0)?, row.try_get(1)?);
    let (kind, confidential): (ClaimantKind, bool) = (word(&row, 2)?, row.try_get(3)?);
    let mut kept = Vec::new();
    for (column, given, held) in [
        ("role", &new.role, &role),
        ("affiliation", &new.affiliation, &affiliation),
    ] {
        if let (Some(given), Some(held)) = (given, held)
            && given != held
        {
            kept.push(format!("{column} \"{held}\" (not \"{given}\")"));
        }
    }
    if let Some(given) = new.kind
        && given != kind
    {
        kept.push(format!("kind {kind} (not {given})"));
    }
    // A hidden claimant's details read as empty to a reporter: not filled in blind.
    let fill = |given: &Option<String>, held: &Option<String>| {
        given.clone().filter(|_| held.is_none() && !confidential)
    };
    tx.execute(
        "SELECT claimtrail_fill_in($1, $2, $3, $4)",
        &[
            &id,
            &fill(&new.role, &role),
            &fill(&new.affiliation, &affiliation),
            &new.confidential,
        ],
    )?;
    Ok((id, false, kept))
}

fn add_one(tx: &mut Db, claim: &NewClaim, at: Timestamp) -> Result<Logged> {
    let uid = Uuid::new_v4().to_string();
    let id: i64 = tx
        .query_one(
            "INSERT INTO claims (uid, text, story, made_at, logged_at)
             VALUES ($1::text::uuid, $2, $3, $4, $5) RETURNING id",
            &[
                &uid,
                &claim.text,
                &claim.story,
                &claim.made_at.map(Timestamp::utc),
                &at.utc(),
            ],
        )?
        .try_get(0)?;
    let id = ClaimId(id);
    let logged = insert_attribution(tx, id, &claim.attribution, at)?;
    insert_event(tx, id, &claim.first_event, at)?;
    Ok(logged)
}
