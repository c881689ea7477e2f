//! Logging claims, attributions, status events and corrections: the ledger's everyday
//! writes, each inside the one transaction its command runs in.

use anyhow::{Result, bail};
use uuid::Uuid;

use super::claims::{CLAIMANT, alike_from, claimant, claimant_from, claimant_where, with_words};
use super::names::{CLAIMANTS, OUTLETS};
use super::rows::{ClaimRows, Event};
use super::{Dialect, Read as _, Reading, Seam, Value, Values};
use crate::model::{
    ClaimId, ClaimantKind, Credibility, EditField, Graded, OutletKind, Reliability, Status,
    Visibility,
};
use crate::store::names::{name_key, tidy};
use crate::store::{Logged, NewAttribution, NewClaim, NewEvent, WordPairs};
use crate::time::Timestamp;
use crate::values;

/// Logs a new claim. Its claimant, outlets, new ids and up to `alike` open claims like it
/// are looked up in one go and its rows then sent together, so that on a desk it costs two
/// round trips, not one a row.
pub fn add(
    db: &mut dyn Seam,
    claim: &NewClaim,
    by: &str,
    at: Timestamp,
    alike: u32,
) -> Result<Logged> {
    let uid = Uuid::new_v4().to_string();
    let found = Found::look_up(
        db,
        &claim.attribution,
        &["claims", "status_events"],
        Looking {
            lock: None,
            alike: Some((&claim.alike, alike)),
        },
    )?;
    let id = ClaimId(found.id("claims")?);
    db.defer(
        "INSERT INTO claims (id, uid, text, story, made_at, logged_at, logged_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        values![id.0, uid, &claim.text, &claim.story, claim.made_at, at, by],
    )?;
    let event = found.id("status_events")?;
    let logged = record(db, id, found, &claim.attribution, by, at)?;
    insert_event(db, id, &claim.first_event, by, at, Some(event))?;
    Ok(logged)
}

/// The ids drawn for new rows of `tables`, in one statement.
fn drawing(dialect: Dialect, tables: &[&str]) -> String {
    let columns: Vec<String> = tables
        .iter()
        .map(|t| format!("{} AS {t}", dialect.next_id(t)))
        .collect();
    format!("SELECT {}", columns.join(", "))
}

/// Ids for the new rows of one table, drawn a block at a time, so that rows naming one
/// another can be sent together: an import takes every id it writes from its pools. Blocks
/// double from one up to `MOST`, so a small import draws about what it uses (a desk's ids
/// left undrawn-upon are skipped for good) and a large one draws rarely.
pub struct Ids {
    table: &'static str,
    drawn: std::collections::VecDeque<i64>,
    block: usize,
    /// Above every id handed out so far.
    floor: i64,
}

impl Ids {
    const MOST: usize = 256;

    pub fn of(table: &'static str) -> Ids {
        Ids {
            table,
            drawn: Default::default(),
            block: 1,
            floor: i64::MIN,
        }
    }

    pub fn next(&mut self, db: &mut dyn Seam) -> Result<i64> {
        if self.drawn.is_empty() {
            let sql = db.dialect().next_ids(self.table, self.block);
            self.block = (self.block * 2).min(Self::MOST);
            // A file draws from its largest id, which rows gathered but not yet written
            // have not moved: those ids are passed over.
            for row in db.query(&sql, &[])? {
                let id = row.int("id")?.max(self.floor);
                self.floor = id + 1;
                self.drawn.push_back(id);
            }
        }
        self.drawn
            .pop_front()
            .ok_or_else(|| anyhow::anyhow!("no id was drawn for {}", self.table))
    }
}

/// The id a new row of `table` will take.
fn draw(db: &mut dyn Seam, table: &str) -> Result<i64> {
    db.query_one(&drawing(db.dialect(), &[table]), &[])?
        .int(table)
}

/// What one round of lookups learns before an attribution is written: its claimant as
/// the ledger holds it (as a reporter may see it), each outlet's surviving row, and the
/// ids drawn for the new rows.
struct Found {
    claimant: Option<crate::model::Claimant>,
    outlets: Vec<Option<i64>>,
    ids: Vec<(&'static str, i64)>,
    alike: Vec<(ClaimId, String)>,
}

/// What else a look-up does: lock the claim cited, or look for open claims like a new one
/// (the words, and how many at most).
struct Looking<'w> {
    lock: Option<ClaimId>,
    alike: Option<(&'w WordPairs, u32)>,
}

impl Found {
    /// Looks everything up at once, drawing an id for each of `tables` and for the new
    /// attribution; with a claim to lock, locked first as `lock_claim` locks it.
    fn look_up(
        db: &mut dyn Seam,
        new: &NewAttribution,
        tables: &[&'static str],
        looking: Looking<'_>,
    ) -> Result<Found> {
        let lock = looking.lock;
        let dialect = db.dialect();
        let (finding, params) = CLAIMANTS.finding(dialect, &new.claimant);
        let mut tables = tables.to_vec();
        tables.push("attributions");
        let mut claimant = None;
        let mut outlets = vec![None; new.via.len()];
        let mut ids = Vec::new();
        let mut status = None;
        let mut alike = Vec::new();
        {
            let mut reads = Vec::new();
            if let Some((pairs, most)) = looking.alike
                && let Some((sql, params)) = with_words(dialect, pairs, ClaimId(0), most)
            {
                reads.push(Reading::new(sql, params, |row: &dyn Values| {
                    alike.push(alike_from(row)?);
                    Ok(())
                }));
            }
            if let Some(claim) = lock {
                reads.push(Reading::new(
                    locking(dialect),
                    vec![Value::Int(claim.0)],
                    |row: &dyn Values| {
                        status = Some(row.word::<Status>("status")?);
                        Ok(())
                    },
                ));
            }
            reads.push(Reading::new(
                claimant_where(dialect, &format!("({finding})")),
                params,
                |row: &dyn Values| {
                    claimant = Some(claimant_from(row, &CLAIMANT, Visibility::Redacted)?);
                    Ok(())
                },
            ));
            reads.push(Reading::new(
                drawing(dialect, &tables),
                Vec::new(),
                |row: &dyn Values| {
                    for table in &tables {
                        ids.push((*table, row.int(table)?));
                    }
                    Ok(())
                },
            ));
            for (name, slot) in new.via.iter().zip(outlets.iter_mut()) {
                let (sql, params) = OUTLETS.finding(dialect, name);
                reads.push(Reading::new(sql, params, move |row: &dyn Values| {
                    *slot = row.opt_int("id")?;
                    Ok(())
                }));
            }
            db.each_of(&mut reads)?;
        }
        if let Some(claim) = lock
            && status.is_none()
        {
            bail!("no claim with id {claim}");
        }
        Ok(Found {
            claimant,
            outlets,
            ids,
            alike,
        })
    }

    fn id(&self, table: &str) -> Result<i64> {
        self.ids
            .iter()
            .find(|(t, _)| *t == table)
            .map(|(_, id)| *id)
            .ok_or_else(|| anyhow::anyhow!("no id was drawn for {table}"))
    }
}

/// The statement reading the status of the claim `?1` and locking its row.
fn locking(dialect: Dialect) -> String {
    format!(
        "SELECT status FROM claims WHERE id = ?1{}",
        dialect.lock_row()
    )
}

/// The claim's current status, its row locked for the rest of the transaction where the
/// database locks rows, so that writers to one claim take turns; or a clear error when
/// there is no such claim.
pub fn lock_claim(db: &mut dyn Seam, id: ClaimId) -> Result<Status> {
    match db.query_opt(&locking(db.dialect()), values![id.0])? {
        Some(row) => row.word("status"),
        None => bail!("no claim with id {id}"),
    }
}

/// Records a status event, as the row `drawn` when an id was drawn for it; one with
/// evidence draws its own, for the evidence to name.
pub fn insert_event(
    db: &mut dyn Seam,
    id: ClaimId,
    event: &NewEvent,
    by: &str,
    at: Timestamp,
    drawn: Option<i64>,
) -> Result<()> {
    let event_id = match drawn {
        Some(drawn) => drawn,
        None if event.evidence.is_empty() => {
            return db.defer(
                "INSERT INTO status_events (claim_id, status, at, by, note)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                values![id.0, event.status.as_str(), at, by, &event.note],
            );
        }
        None => draw(db, "status_events")?,
    };
    let mut rows = ClaimRows::default();
    rows.event(
        event_id,
        id.0,
        Event {
            status: event.status.as_str(),
            at,
            by,
            note: event.note.as_deref(),
            evidence: &event.evidence,
        },
    );
    rows.write(db)
}

/// Records an attribution typed by a reporter for the claim `id`, locked with the
/// lookups: its claimant found or added (details the ledger lacks filled in), each outlet
/// of its chain found or added.
pub fn cite(
    db: &mut dyn Seam,
    id: ClaimId,
    new: &NewAttribution,
    by: &str,
    at: Timestamp,
) -> Result<Logged> {
    let found = Found::look_up(
        db,
        new,
        &[],
        Looking {
            lock: Some(id),
            alike: None,
        },
    )?;
    record(db, id, found, new, by, at)
}

/// Records the attribution `found` was looked up for. Names the ledger lacks cost a few
/// more statements: suggestions of near names, and the new rows.
fn record(
    db: &mut dyn Seam,
    id: ClaimId,
    found: Found,
    new: &NewAttribution,
    by: &str,
    at: Timestamp,
) -> Result<Logged> {
    let similar_claimants = match found.claimant {
        Some(_) => Vec::new(),
        None => CLAIMANTS.similar(db, &new.claimant)?,
    };
    let attribution = found.id("attributions")?;
    let (claimant, claimant_is_new, kept) = claimant_for(db, new, found.claimant)?;
    let mut new_outlets = Vec::new();
    let mut via = Vec::with_capacity(new.via.len());
    for (name, outlet) in new.via.iter().zip(found.outlets) {
        via.push(match outlet {
            Some(found) => found,
            None => {
                new_outlets.push((tidy(name), OUTLETS.similar(db, name)?));
                outlet_row(db, name, OutletKind::Other, None)?
            }
        });
    }
    insert_attribution(
        db,
        id.0,
        &Chain {
            claimant: claimant.id,
            via,
            medium: new.medium.clone(),
            made_at: new.made_at,
            url: new.url.clone(),
            logged_at: at,
            logged_by: by.to_owned(),
            grades: new
                .credibility
                .map(|grade| Graded::new(grade, at, by, None))
                .into_iter()
                .collect(),
        },
        Some(attribution),
    )?;
    Ok(Logged {
        id,
        claimant,
        claimant_is_new,
        similar_claimants,
        new_outlets,
        kept,
        alike: found.alike,
    })
}

/// An attribution as stored: the rows it names, and every detail logged.
#[derive(Debug, Clone)]
pub struct Chain {
    pub claimant: i64,
    pub via: Vec<i64>,
    pub medium: Option<String>,
    pub made_at: Option<Timestamp>,
    pub url: Option<String>,
    pub logged_at: Timestamp,
    /// Written, but not compared: a desk server stamps it for itself.
    pub logged_by: String,
    /// Its credibility grades, oldest first; not compared either, since a grade is
    /// corrected by giving another.
    pub grades: Vec<Graded<Credibility>>,
}

/// Two attributions are one when all but who logged them agree.
impl PartialEq for Chain {
    fn eq(&self, other: &Self) -> bool {
        self.claimant == other.claimant
            && self.via == other.via
            && self.medium == other.medium
            && self.made_at == other.made_at
            && self.url == other.url
            && self.logged_at == other.logged_at
    }
}

/// Records an attribution with its chain and grades, as the row `id` when one was drawn
/// for it; returns its id. Everything is deferred: nothing it writes is read back.
pub fn insert_attribution(
    db: &mut dyn Seam,
    claim: i64,
    chain: &Chain,
    id: Option<i64>,
) -> Result<i64> {
    let attribution = match id {
        Some(id) => id,
        None => draw(db, "attributions")?,
    };
    let mut rows = ClaimRows::default();
    rows.attribution(attribution, claim, chain);
    rows.write(db)?;
    Ok(attribution)
}

/// One of the two append-only grade histories.
struct History {
    table: &'static str,
    owner: &'static str,
}

const CREDIBILITY: History = History {
    table: "credibility_grades",
    owner: "attribution_id",
};

const RELIABILITY: History = History {
    table: "reliability_grades",
    owner: "claimant_id",
};

impl History {
    /// Keeps `graded` (its grade as `grade`) for the row `id`, unless it adds nothing: the
    /// same grade was given at that very moment, or it is the grade already standing then.
    /// True if kept.
    fn keep<G>(
        &self,
        db: &mut dyn Seam,
        id: i64,
        grade: Value,
        graded: &Graded<G>,
    ) -> Result<bool> {
        let History { table, owner } = self;
        let known = format!(
            "SELECT EXISTS (SELECT 1 FROM {table} WHERE {owner} = ?1 AND at = ?2 AND grade = ?3)
                    OR coalesce((SELECT grade FROM {table} WHERE {owner} = ?1 AND at <= ?2
                                 ORDER BY at DESC, id DESC LIMIT 1) = ?3, false) AS known"
        );
        let params = [Value::Int(id), Value::Time(graded.at), grade];
        if db.query_one(&known, &params)?.flag("known")? {
            return Ok(false);
        }
        let insert = format!(
            "INSERT INTO {table} ({owner}, at, grade, by, note) VALUES (?1, ?2, ?3, ?4, ?5)"
        );
        let mut params = params.to_vec();
        params.extend([Value::from(graded.by.as_str()), Value::from(&graded.note)]);
        db.execute(&insert, &params)?;
        Ok(true)
    }
}

/// Keeps a credibility grade of an attribution unless it adds nothing. True if kept.
pub fn grade_credibility(
    db: &mut dyn Seam,
    attribution: i64,
    graded: &Graded<Credibility>,
) -> Result<bool> {
    let grade = Value::Int(i64::from(graded.grade.number()));
    CREDIBILITY.keep(db, attribution, grade, graded)
}

/// Keeps a reliability grade of a claimant unless it adds nothing. True if kept. On a
/// desk only editors may.
pub fn grade_reliability(
    db: &mut dyn Seam,
    claimant: i64,
    graded: &Graded<Reliability>,
) -> Result<bool> {
    let grade = Value::from(graded.grade.as_str());
    RELIABILITY.keep(db, claimant, grade, graded)
}

/// Grades again the credibility of the claim's attribution number `which` (from 1, in the
/// order `show` lists them; the only one when `None`). Returns its number and the grade it
/// had.
pub fn regrade(
    db: &mut dyn Seam,
    claim: ClaimId,
    which: Option<usize>,
    graded: &Graded<Credibility>,
) -> Result<(usize, Option<Credibility>)> {
    lock_claim(db, claim)?;
    let attributions: Vec<i64> = db
        .query(
            "SELECT id FROM attributions WHERE claim_id = ?1 ORDER BY id",
            values![claim.0],
        )?
        .iter()
        .map(|r| r.int("id"))
        .collect::<Result<_>>()?;
    let number = match (which, attributions.len()) {
        (Some(n), count) if n >= 1 && n <= count => n,
        (Some(n), count) => {
            bail!("claim {claim} has no attribution {n} (it has {count}; show {claim} lists them)")
        }
        (None, 1) => 1,
        (None, count) => bail!(
            "claim {claim} has {count} attributions: say which with --attribution N (show {claim} lists them)"
        ),
    };
    let attribution = attributions[number - 1];
    let before = db
        .query_opt(
            "SELECT grade FROM credibility_grades WHERE attribution_id = ?1
             ORDER BY at DESC, id DESC LIMIT 1",
            values![attribution],
        )?
        .map(|r| Credibility::new(r.int("grade")?).map_err(anyhow::Error::msg))
        .transpose()?;
    grade_credibility(db, attribution, graded)?;
    Ok((number, before))
}

/// The attributions a claim has, by id, as chains (their grades left out: they are
/// matched without them).
pub fn chains_of(db: &mut dyn Seam, claim: i64) -> Result<Vec<(i64, Chain)>> {
    let relays = db.query(
        "SELECT r.attribution_id, r.outlet_id FROM relays r
         JOIN attributions a ON a.id = r.attribution_id
         WHERE a.claim_id = ?1 ORDER BY r.attribution_id, r.position",
        values![claim],
    )?;
    let mut via: std::collections::HashMap<i64, Vec<i64>> = std::collections::HashMap::new();
    for row in relays {
        via.entry(row.int("attribution_id")?)
            .or_default()
            .push(row.int("outlet_id")?);
    }
    db.query(
        "SELECT id, claimant_id, medium, made_at, url, logged_at, logged_by
         FROM attributions WHERE claim_id = ?1",
        values![claim],
    )?
    .iter()
    .map(|row| {
        let id = row.int("id")?;
        Ok((
            id,
            Chain {
                claimant: row.int("claimant_id")?,
                via: via.remove(&id).unwrap_or_default(),
                medium: row.opt_text("medium")?,
                made_at: row.opt_time("made_at")?,
                url: row.opt_text("url")?,
                logged_at: row.time("logged_at")?,
                logged_by: row.text("logged_by")?,
                grades: Vec::new(),
            },
        ))
    })
    .collect()
}

/// A claimant as a new row holds it.
pub struct NewClaimant<'a> {
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub affiliation: Option<&'a str>,
    pub kind: ClaimantKind,
    pub confidential: bool,
    pub merged_into: Option<i64>,
}

impl<'a> NewClaimant<'a> {
    /// Nothing known of it but its name.
    pub fn named(name: &'a str) -> Self {
        NewClaimant {
            name,
            role: None,
            affiliation: None,
            kind: ClaimantKind::Person,
            confidential: false,
            merged_into: None,
        }
    }
}

/// A new claimant row, or the one a concurrent writer just added under the same name:
/// `(id, whether it is new)`. The id is drawn first: a desk reporter may add a confidential
/// claimant but not read it back.
pub fn claimant_row(db: &mut dyn Seam, new: &NewClaimant) -> Result<(i64, bool)> {
    let id = draw(db, "claimants")?;
    let added = db.insert_unless_taken(
        "INSERT INTO claimants (id, name, name_key, role, affiliation, kind, confidential, merged_into)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        values![
            id,
            tidy(new.name),
            name_key(new.name),
            new.role,
            new.affiliation,
            new.kind.as_str(),
            new.confidential,
            new.merged_into
        ],
    )?;
    if added {
        return Ok((id, true));
    }
    match CLAIMANTS.find(db, new.name)? {
        Some(id) => Ok((id, false)),
        None => bail!(
            "\"{}\" names a confidential claimant your role may not see; log it as that source's placeholder, or ask an editor",
            tidy(new.name)
        ),
    }
}

/// A new outlet row, or the survivor of that name a concurrent writer just added.
pub fn outlet_row(
    db: &mut dyn Seam,
    name: &str,
    kind: OutletKind,
    merged_into: Option<i64>,
) -> Result<i64> {
    let added = db.query_opt(
        "INSERT INTO outlets (name, name_key, kind, merged_into) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO NOTHING RETURNING id",
        values![tidy(name), name_key(name), kind.as_str(), merged_into],
    )?;
    match added {
        Some(row) => row.int("id"),
        None => OUTLETS.require(db, name),
    }
}

/// Finds the claimant by name or alias, or creates it. Details the ledger lacks are filled
/// in; details that differ are kept as they were and reported back.
fn claimant_for(
    db: &mut dyn Seam,
    new: &NewAttribution,
    held: Option<crate::model::Claimant>,
) -> Result<(crate::model::Claimant, bool, Vec<String>)> {
    let held = match held {
        Some(held) => held,
        None => {
            let (id, added) = claimant_row(
                db,
                &NewClaimant {
                    name: &new.claimant,
                    role: new.role.as_deref(),
                    affiliation: new.affiliation.as_deref(),
                    kind: new.kind.unwrap_or(ClaimantKind::Person),
                    confidential: new.confidential,
                    merged_into: None,
                },
            )?;
            if added {
                return Ok((claimant(db, id, Visibility::Redacted)?, true, Vec::new()));
            }
            claimant(db, id, Visibility::Redacted)?
        }
    };
    let mut kept = Vec::new();
    for (column, given, held) in [
        ("role", &new.role, &held.role),
        ("affiliation", &new.affiliation, &held.affiliation),
    ] {
        if let (Some(given), Some(held)) = (given, held)
            && given != held
        {
            kept.push(format!("{column} \"{held}\" (not \"{given}\")"));
        }
    }
    if let Some(given) = new.kind
        && given != held.kind
    {
        kept.push(format!("kind {} (not {given})", held.kind));
    }
    // What a desk reporter reads as empty may be hidden from it; filling in keeps
    // whatever the ledger holds, so nothing hidden is overwritten.
    let fill =
        |given: &Option<String>, had: &Option<String>| given.clone().filter(|_| had.is_none());
    let (role, affiliation) = (
        fill(&new.role, &held.role),
        fill(&new.affiliation, &held.affiliation),
    );
    let changes = role.is_some() || affiliation.is_some() || new.confidential;
    fill_in(db, held.id, role, affiliation, new.confidential)?;
    // As the reporter may now be told of it, read again only when it changed.
    let claimant = match changes {
        true => claimant(db, held.id, Visibility::Redacted)?,
        false => held,
    };
    Ok((claimant, false, kept))
}

/// Gives a claimant the role and affiliation it lacks, and makes it confidential if asked.
pub fn fill_in(
    db: &mut dyn Seam,
    id: i64,
    role: Option<String>,
    affiliation: Option<String>,
    confidential: bool,
) -> Result<()> {
    if role.is_none() && affiliation.is_none() && !confidential {
        return Ok(());
    }
    let sql = db.dialect().fill_in();
    db.defer(sql, values![id, role, affiliation, confidential])
}

/// A field of a claim as a correction records it: text, with times in claimtrail's form.
pub fn current_value(db: &mut dyn Seam, claim: i64, field: EditField) -> Result<Option<String>> {
    let sql = format!(
        "SELECT {} AS value FROM claims WHERE id = ?1",
        field.as_str()
    );
    let row = db.query_one(&sql, values![claim])?;
    Ok(match field {
        EditField::MadeAt => row.opt_time("value")?.map(|t| t.to_string()),
        EditField::Text | EditField::Story => row.opt_text("value")?,
    })
}

/// Corrects one field when its value differs, keeping the old value; true if it changed.
pub fn apply_edit(
    db: &mut dyn Seam,
    claim: i64,
    field: EditField,
    value: Option<&str>,
    by: &str,
    at: Timestamp,
    note: Option<&str>,
) -> Result<bool> {
    let old = current_value(db, claim, field)?;
    if old.as_deref() == value {
        return Ok(false);
    }
    let stored = match (field, value) {
        (EditField::MadeAt, Some(time)) => {
            Value::Time(Timestamp::parse_stored(time).map_err(|e| anyhow::anyhow!(e))?)
        }
        (_, value) => Value::from(value),
    };
    db.execute(
        "INSERT INTO claim_edits (claim_id, field, old_value, new_value, at, by, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        values![claim, field.as_str(), old, value, at, by, note],
    )?;
    let sql = format!("UPDATE claims SET {} = ?2 WHERE id = ?1", field.as_str());
    db.execute(&sql, &[Value::Int(claim), stored])?;
    Ok(true)
}
