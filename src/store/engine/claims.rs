//! Reading claims whole: the claim rows, then their attributions, relay chains, history
//! and corrections for a batch of them at once.

use std::collections::HashMap;

use anyhow::Result;

use super::filter::{self, status_list};
use super::names::ids;
use super::{Dialect, Read as _, Reading, Seam, Value, Values};
use crate::model::{
    Attribution, Claim, ClaimDetail, ClaimEdit, ClaimId, Claimant, Credibility, Graded, Outlet,
    Reliability, Status, StatusEvent, StoryCount, Visibility,
};
use crate::store::{ClaimFilter, WordPairs};
use crate::values;

/// How many claims `each_claim` reads at a time.
const BATCH: u64 = 500;

pub const CLAIM_COLUMNS: &str =
    "c.id, c.uid, c.text, c.story, c.status, c.made_at, c.logged_at, c.logged_by";

pub fn claim_from(row: &dyn Values) -> Result<Claim> {
    Ok(Claim {
        id: ClaimId(row.int("id")?),
        uid: row.text("uid")?,
        text: row.text("text")?,
        story: row.opt_text("story")?,
        status: row.word("status")?,
        made_at: row.opt_time("made_at")?,
        logged_at: row.time("logged_at")?,
        logged_by: row.text("logged_by")?,
        attributions: Vec::new(),
    })
}

/// The names a claimant's columns go by in a query: plain, or marked as the group an
/// attribution's claimant folds into.
pub struct ClaimantNames {
    prefix: &'static str,
    columns: [&'static str; 6],
}

const FIELDS: [&str; 6] = ["id", "name", "role", "affiliation", "kind", "confidential"];

pub const CLAIMANT: ClaimantNames = ClaimantNames {
    prefix: "",
    columns: FIELDS,
};

pub const GROUP: ClaimantNames = ClaimantNames {
    prefix: "g_",
    columns: [
        "g_id",
        "g_name",
        "g_role",
        "g_affiliation",
        "g_kind",
        "g_confidential",
    ],
};

impl ClaimantNames {
    /// The select list `claimant_from` reads, from `table`. Reliability is looked up
    /// apart (`reliability`, `latest_reliability`), and only where it is shown.
    pub fn select(&self, table: &str) -> String {
        FIELDS
            .iter()
            .map(|c| format!("{table}.{c} AS {}{c}", self.prefix))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Every reliability grade in time order, so that the last read of a claimant is its latest.
pub const LATEST_RELIABILITY: &str =
    "SELECT claimant_id, grade FROM reliability_grades ORDER BY claimant_id, at, id";

/// The latest reliability grade of every claimant graded: one ordered read of a table that
/// holds a row per grade given.
pub fn latest_reliability(db: &mut dyn Seam) -> Result<HashMap<i64, Reliability>> {
    let mut latest = HashMap::new();
    db.each(LATEST_RELIABILITY, &[], &mut |row| {
        latest.insert(row.int("claimant_id")?, row.word("grade")?);
        Ok(())
    })?;
    Ok(latest)
}

/// The latest reliability grade of one claimant.
pub fn reliability(db: &mut dyn Seam, claimant: i64) -> Result<Option<Reliability>> {
    db.query_opt(
        "SELECT grade FROM reliability_grades WHERE claimant_id = ?1
         ORDER BY at DESC, id DESC LIMIT 1",
        values![claimant],
    )?
    .map(|row| row.word("grade"))
    .transpose()
}

/// A claimant from the columns `names.select` gave, its name hidden when it is
/// confidential and not revealed.
pub fn claimant_from(
    row: &dyn Values,
    names: &ClaimantNames,
    visibility: Visibility,
) -> Result<Claimant> {
    let [id, name, role, affiliation, kind, confidential] = names.columns;
    let id = row.int(id)?;
    let confidential = row.flag(confidential)?;
    let name = if confidential && visibility == Visibility::Redacted {
        Claimant::placeholder(id)
    } else {
        row.text(name)?
    };
    Ok(Claimant {
        id,
        name,
        role: row.opt_text(role)?,
        affiliation: row.opt_text(affiliation)?,
        kind: row.word(kind)?,
        confidential,
        // Looked up apart, where it is shown: `reliability`, `latest_reliability`.
        reliability: None,
    })
}

/// One claimant by id, as `visibility` shows it.
pub fn claimant(db: &mut dyn Seam, id: i64, visibility: Visibility) -> Result<Claimant> {
    let sql = claimant_where(db.dialect(), "?1");
    claimant_from(&db.query_one(&sql, values![id])?, &CLAIMANT, visibility)
}

/// The statement reading the claimant whose id the SQL expression `id` gives, from
/// where this connection may read claimants.
pub fn claimant_where(dialect: Dialect, id: &str) -> String {
    format!(
        "SELECT {} FROM {} g WHERE g.id = {id}",
        CLAIMANT.select("g"),
        dialect.claimants()
    )
}

/// One claimant by id with its reliability, as `visibility` shows it.
pub fn graded_claimant(db: &mut dyn Seam, id: i64, visibility: Visibility) -> Result<Claimant> {
    let mut found = claimant(db, id, visibility)?;
    found.reliability = reliability(db, id)?;
    Ok(found)
}

/// Every story with how many claims it has and how many are open; stories that differ only
/// in case are one, shown under the first of their spellings in byte order.
pub fn stories(db: &mut dyn Seam) -> Result<Vec<StoryCount>> {
    let dialect = db.dialect();
    let sql = format!(
        "SELECT min(story) AS story, count(*) AS claims,
                count(*) FILTER (WHERE status IN ({})) AS open
         FROM claims WHERE story IS NOT NULL
         GROUP BY {} ORDER BY {}",
        status_list(&Status::open()),
        dialect.caseless("story"),
        dialect.caseless_order("story"),
    );
    db.query(&sql, &[])?
        .into_iter()
        .map(|row| {
            Ok(StoryCount {
                story: row.text("story")?,
                claims: row.count("claims")?,
                open: row.count("open")?,
            })
        })
        .collect()
}

pub fn count(db: &mut dyn Seam, filter: &ClaimFilter) -> Result<u64> {
    let clause = filter::clause(db, filter)?;
    let sql = format!("SELECT count(*) AS n FROM claims c WHERE {}", clause.sql);
    let all = db.query_one(&sql, &clause.params)?.count("n")?;
    Ok(filter.limit.map_or(all, |limit| all.min(limit)))
}

/// The statement finding open claims other than `except` that share words with a new
/// one, newest first among the latest logged: the candidates it may duplicate, each with both words of one of the
/// pairs, or the one word. None when there are no words to look for.
pub fn with_words(
    dialect: Dialect,
    pairs: &WordPairs,
    except: ClaimId,
    limit: u32,
) -> Option<(String, Vec<Value>)> {
    let groups: Vec<Vec<&str>> = match pairs {
        WordPairs::Nothing => return None,
        WordPairs::Single(word) => vec![vec![word.as_str()]],
        WordPairs::Pairs(pairs) => pairs
            .iter()
            .map(|(a, b)| vec![a.as_str(), b.as_str()])
            .collect(),
    };
    let sql = dialect.open_with_words(&status_list(&Status::open()));
    let query = dialect.word_query(&groups);
    Some((
        sql,
        vec![
            Value::from(query),
            Value::Int(except.0),
            Value::Int(i64::from(limit)),
            Value::Int(RECENT),
        ],
    ))
}

/// How far back, in claims logged, a new claim's twins are looked for: a claim heard again
/// from another outlet was logged days or weeks before, not a year, and the search stays
/// as quick in a ledger of millions as in one of thousands.
const RECENT: i64 = 50_000;

/// A row of `with_words`.
pub fn alike_from(row: &dyn Values) -> Result<(ClaimId, String)> {
    Ok((ClaimId(row.int("id")?), row.text("text")?))
}

pub fn list(db: &mut dyn Seam, filter: &ClaimFilter, visibility: Visibility) -> Result<Vec<Claim>> {
    let clause = filter::listing(db, filter)?;
    let limit = filter
        .limit
        .map(|n| format!(" LIMIT {n}"))
        .unwrap_or_default();
    let sql = format!(
        "SELECT {CLAIM_COLUMNS} FROM {} WHERE {} ORDER BY c.logged_at, c.id{limit}",
        clause.from, clause.sql
    );
    let (claims, graded) = claims_from(db, &sql, &clause.params)?;
    let details = load(db, claims, visibility, graded, false)?;
    Ok(details.into_iter().map(|d| d.claim).collect())
}

/// The claims a statement selects, without their attributions yet, and whether the ledger
/// holds any grade (a reading of many claims looks them up only then), asked together.
fn claims_from(db: &mut dyn Seam, sql: &str, params: &[Value]) -> Result<(Vec<Claim>, bool)> {
    let mut claims = Vec::new();
    let mut graded = false;
    db.each_of(&mut [
        Reading::new(sql, params.to_vec(), |row: &dyn Values| {
            claims.push(claim_from(row)?);
            Ok(())
        }),
        Reading::new(
            "SELECT EXISTS (SELECT 1 FROM credibility_grades)
                 OR EXISTS (SELECT 1 FROM reliability_grades) AS graded",
            Vec::new(),
            |row: &dyn Values| {
                graded = row.flag("graded")?;
                Ok(())
            },
        ),
    ])?;
    Ok((claims, graded))
}

pub fn detail(
    db: &mut dyn Seam,
    id: ClaimId,
    visibility: Visibility,
) -> Result<Option<ClaimDetail>> {
    // One claim: its row and everything of it asked at once, grades whether or not the
    // ledger holds any.
    let sql = format!("SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.id = ?1");
    let mut claims = Vec::new();
    let mut loaded = Loaded::default();
    {
        let mut reads = vec![Reading::new(
            sql,
            vec![Value::Int(id.0)],
            |row: &dyn Values| {
                claims.push(claim_from(row)?);
                Ok(())
            },
        )];
        reads.extend(loaded.readings(db.dialect(), ids([id.0]), visibility, true, true));
        db.each_of(&mut reads)?;
    }
    Ok(loaded.attach(claims).into_iter().next())
}

/// Calls `each` with every claim the filter selects, whole, in the order they were logged,
/// a batch at a time.
pub fn each(
    db: &mut dyn Seam,
    filter: &ClaimFilter,
    visibility: Visibility,
    each: &mut dyn FnMut(ClaimDetail) -> Result<()>,
) -> Result<u64> {
    let clause = filter::clause(db, filter)?;
    let (after, want) = (clause.next(), clause.next() + 1);
    let sql = format!(
        "SELECT {CLAIM_COLUMNS} FROM claims c WHERE ({}) AND c.id > ?{after}
         ORDER BY c.id LIMIT ?{want}",
        clause.sql
    );
    let (mut last, mut seen) = (0i64, 0u64);
    loop {
        let wanted = filter.limit.map_or(BATCH, |l| BATCH.min(l - seen));
        if wanted == 0 {
            break;
        }
        let mut params = clause.params.clone();
        params.push(Value::Int(last));
        params.push(Value::Int(wanted as i64));
        let (batch, graded) = claims_from(db, &sql, &params)?;
        let Some(newest) = batch.last() else { break };
        last = newest.id.0;
        seen += batch.len() as u64;
        for detail in details(db, batch, visibility, graded)? {
            each(detail)?;
        }
    }
    Ok(seen)
}

/// Completes claims with their attributions, history and corrections.
pub fn details(
    db: &mut dyn Seam,
    claims: Vec<Claim>,
    visibility: Visibility,
    graded: bool,
) -> Result<Vec<ClaimDetail>> {
    load(db, claims, visibility, graded, true)
}

/// Loads what `Loaded::readings` names for all `claims`, in one go.
fn load(
    db: &mut dyn Seam,
    claims: Vec<Claim>,
    visibility: Visibility,
    graded: bool,
    whole: bool,
) -> Result<Vec<ClaimDetail>> {
    if claims.is_empty() {
        return Ok(Vec::new());
    }
    let ids = ids(claims.iter().map(|c| c.id.0));
    let mut loaded = Loaded::default();
    db.each_of(&mut loaded.readings(db.dialect(), ids, visibility, graded, whole))?;
    Ok(loaded.attach(claims))
}

/// What the loading statements bring back about a set of claims, before it is attached
/// to them.
#[derive(Default)]
struct Loaded {
    chains: HashMap<i64, Vec<Outlet>>,
    attributions: Vec<(i64, i64, Attribution)>,
    grades: Grades,
    evidence: HashMap<i64, Vec<String>>,
    events: Vec<(i64, i64, StatusEvent)>,
    edits: HashMap<i64, Vec<ClaimEdit>>,
}

impl Loaded {
    /// The statements loading the claims `ids` lists: their attributions and relay
    /// chains, their grades when `graded` says the ledger may hold some, and their history
    /// and corrections when `whole`. Each is keyed by the claims' ids alone, so all can go
    /// out together.
    fn readings(
        &mut self,
        dialect: Dialect,
        ids: Value,
        visibility: Visibility,
        graded: bool,
        whole: bool,
    ) -> Vec<Reading<'_>> {
        let Loaded {
            chains,
            attributions,
            grades,
            evidence,
            events,
            edits,
        } = self;
        let mut reads = vec![
            Reading::new(
                relays_sql(dialect),
                vec![ids.clone()],
                |row: &dyn Values| chain_link(row, chains),
            ),
            Reading::new(
                attributions_sql(dialect),
                vec![ids.clone()],
                move |row: &dyn Values| {
                    attributions.push(attribution_from(row, visibility)?);
                    Ok(())
                },
            ),
        ];
        if graded {
            reads.push(Reading::new(
                grades_sql(dialect),
                vec![ids.clone()],
                |row: &dyn Values| grade_row(row, grades),
            ));
        }
        if whole {
            reads.push(Reading::new(
                evidence_sql(dialect),
                vec![ids.clone()],
                |row: &dyn Values| {
                    evidence
                        .entry(row.int("event_id")?)
                        .or_default()
                        .push(row.text("url")?);
                    Ok(())
                },
            ));
            reads.push(Reading::new(
                events_sql(dialect),
                vec![ids.clone()],
                |row: &dyn Values| {
                    events.push(event_from(row)?);
                    Ok(())
                },
            ));
            reads.push(Reading::new(
                edits_sql(dialect),
                vec![ids],
                |row: &dyn Values| {
                    edits
                        .entry(row.int("claim_id")?)
                        .or_default()
                        .push(edit_from(row)?);
                    Ok(())
                },
            ));
        }
        reads
    }

    /// `claims` with what was loaded for them.
    fn attach(mut self, mut claims: Vec<Claim>) -> Vec<ClaimDetail> {
        let mut by_claim: HashMap<i64, Vec<Attribution>> = HashMap::new();
        for (claim, id, mut attribution) in self.attributions {
            attribution.via = self.chains.remove(&id).unwrap_or_default();
            attribution.grades = self.grades.credibility.remove(&id).unwrap_or_default();
            attribution.claimant.reliability = self
                .grades
                .reliability
                .get(&attribution.claimant.id)
                .copied();
            by_claim.entry(claim).or_default().push(attribution);
        }
        let mut history: HashMap<i64, Vec<StatusEvent>> = HashMap::new();
        for (claim, id, mut event) in self.events {
            event.evidence = self.evidence.remove(&id).unwrap_or_default();
            history.entry(claim).or_default().push(event);
        }
        for claim in claims.iter_mut() {
            claim.attributions = by_claim.remove(&claim.id.0).unwrap_or_default();
        }
        claims
            .into_iter()
            .map(|claim| ClaimDetail {
                history: history.remove(&claim.id.0).unwrap_or_default(),
                edits: self.edits.remove(&claim.id.0).unwrap_or_default(),
                claim,
            })
            .collect()
    }
}

fn attributions_sql(dialect: Dialect) -> String {
    format!(
        "SELECT a.claim_id, a.id, a.medium, a.made_at, a.url, a.logged_at, a.logged_by,
                s.id AS recorded_id, s.name AS recorded_name, {}
         FROM attributions a
         JOIN {claimants} s ON s.id = a.claimant_id
         JOIN {claimants} g ON g.id = coalesce(s.merged_into, s.id)
         WHERE {}
         ORDER BY a.claim_id, a.id",
        GROUP.select("g"),
        dialect.in_list("a.claim_id", "?1"),
        claimants = dialect.claimants(),
    )
}

/// An attribution row: its claim, its id, and the attribution (its chain and grades not
/// yet attached).
fn attribution_from(row: &dyn Values, visibility: Visibility) -> Result<(i64, i64, Attribution)> {
    let claimant = claimant_from(row, &GROUP, visibility)?;
    let recorded_as = (row.int("recorded_id")? != claimant.id
        && (visibility == Visibility::Revealed || !claimant.confidential))
        .then(|| row.text("recorded_name"))
        .transpose()?;
    let attribution = Attribution {
        claimant,
        recorded_as,
        via: Vec::new(),
        medium: row.opt_text("medium")?,
        made_at: row.opt_time("made_at")?,
        url: row.opt_text("url")?,
        logged_at: row.time("logged_at")?,
        logged_by: row.text("logged_by")?,
        grades: Vec::new(),
    };
    Ok((row.int("claim_id")?, row.int("id")?, attribution))
}

/// The credibility grades of the claims' attributions and the reliability of their
/// claimants.
fn grades_sql(dialect: Dialect) -> String {
    format!(
        "SELECT 'credibility' AS kind, g.attribution_id AS owner, CAST(g.grade AS TEXT) AS grade,
                g.at, g.by, g.note, g.id
         FROM credibility_grades g JOIN attributions a ON a.id = g.attribution_id
         WHERE {in_claims}
         UNION ALL
         SELECT 'reliability', g.claimant_id, g.grade, g.at, g.by, g.note, g.id
         FROM reliability_grades g
         WHERE g.claimant_id IN (
             SELECT coalesce(s.merged_into, s.id) FROM attributions a
             JOIN {claimants} s ON s.id = a.claimant_id WHERE {in_claims})
         ORDER BY 1, 2, 4, 7",
        in_claims = dialect.in_list("a.claim_id", "?1"),
        claimants = dialect.claimants(),
    )
}

/// The grades of a batch of attributions and of their claimants.
#[derive(Default)]
pub struct Grades {
    /// Each attribution's credibility grades, oldest first.
    pub credibility: HashMap<i64, Vec<Graded<Credibility>>>,
    /// Each claimant's latest reliability grade.
    pub reliability: HashMap<i64, Reliability>,
}

/// Adds a row of `grades_sql` to `grades`.
fn grade_row(row: &dyn Values, grades: &mut Grades) -> Result<()> {
    let owner = row.int("owner")?;
    if row.str("kind")?.as_deref() == Some("credibility") {
        let grade = graded(row, row.word("grade")?)?;
        grades.credibility.entry(owner).or_default().push(grade);
    } else {
        // In time order, so the latest stays.
        grades.reliability.insert(owner, row.word("grade")?);
    }
    Ok(())
}

fn relays_sql(dialect: Dialect) -> String {
    format!(
        "SELECT r.attribution_id, g.id, g.name, o.id AS recorded_id, o.name AS recorded_name
         FROM relays r
         JOIN attributions a ON a.id = r.attribution_id
         JOIN outlets o ON o.id = r.outlet_id
         JOIN outlets g ON g.id = coalesce(o.merged_into, o.id)
         WHERE {}
         ORDER BY r.attribution_id, r.position",
        dialect.in_list("a.claim_id", "?1")
    )
}

/// Adds a row of `relays_sql` to its attribution's chain.
fn chain_link(row: &dyn Values, chains: &mut HashMap<i64, Vec<Outlet>>) -> Result<()> {
    let id = row.int("id")?;
    chains
        .entry(row.int("attribution_id")?)
        .or_default()
        .push(Outlet {
            id,
            name: row.text("name")?,
            recorded_as: (row.int("recorded_id")? != id)
                .then(|| row.text("recorded_name"))
                .transpose()?,
        });
    Ok(())
}

/// A grade row's who, when and why around its grade.
pub fn graded<G>(row: &dyn Values, grade: G) -> Result<Graded<G>> {
    Ok(Graded {
        grade,
        at: row.time("at")?,
        by: row.text("by")?,
        note: row.opt_text("note")?,
    })
}

fn evidence_sql(dialect: Dialect) -> String {
    format!(
        "SELECT e.event_id, e.url FROM evidence e JOIN status_events s ON s.id = e.event_id
         WHERE {} ORDER BY e.event_id, e.position",
        dialect.in_list("s.claim_id", "?1")
    )
}

fn events_sql(dialect: Dialect) -> String {
    format!(
        "SELECT claim_id, id, status, at, by, note FROM status_events
         WHERE {} ORDER BY claim_id, at, id",
        dialect.in_list("claim_id", "?1")
    )
}

/// A row of `events_sql`: its claim, its id, and the event (its evidence not yet
/// attached).
fn event_from(row: &dyn Values) -> Result<(i64, i64, StatusEvent)> {
    let event = StatusEvent {
        status: row.word("status")?,
        at: row.time("at")?,
        by: row.text("by")?,
        note: row.opt_text("note")?,
        evidence: Vec::new(),
    };
    Ok((row.int("claim_id")?, row.int("id")?, event))
}

fn edits_sql(dialect: Dialect) -> String {
    format!(
        "SELECT claim_id, field, old_value, new_value, at, by, note FROM claim_edits
         WHERE {} ORDER BY claim_id, at, id",
        dialect.in_list("claim_id", "?1")
    )
}

fn edit_from(row: &dyn Values) -> Result<ClaimEdit> {
    Ok(ClaimEdit {
        field: row.word("field")?,
        old_value: row.opt_text("old_value")?,
        new_value: row.opt_text("new_value")?,
        at: row.time("at")?,
        by: row.text("by")?,
        note: row.opt_text("note")?,
    })
}

/// A claim's status history and corrections, oldest first, asked together.
pub fn history_and_edits(
    db: &mut dyn Seam,
    claim: i64,
) -> Result<(Vec<StatusEvent>, Vec<ClaimEdit>)> {
    let dialect = db.dialect();
    let id = ids([claim]);
    let mut evidence: HashMap<i64, Vec<String>> = HashMap::new();
    let mut events: Vec<(i64, StatusEvent)> = Vec::new();
    let mut edits = Vec::new();
    db.each_of(&mut [
        Reading::new(
            evidence_sql(dialect),
            vec![id.clone()],
            |row: &dyn Values| {
                evidence
                    .entry(row.int("event_id")?)
                    .or_default()
                    .push(row.text("url")?);
                Ok(())
            },
        ),
        Reading::new(events_sql(dialect), vec![id.clone()], |row: &dyn Values| {
            let (_, id, event) = event_from(row)?;
            events.push((id, event));
            Ok(())
        }),
        Reading::new(edits_sql(dialect), vec![id], |row: &dyn Values| {
            edits.push(edit_from(row)?);
            Ok(())
        }),
    ])?;
    let history = events
        .into_iter()
        .map(|(id, mut event)| {
            event.evidence = evidence.remove(&id).unwrap_or_default();
            event
        })
        .collect();
    Ok((history, edits))
}
