//! The rows a claim's record is written as, gathered table by table so that many claims'
//! rows go to the database together: an import sends each table's rows for a thousand
//! claims as one `copy_in` (COPY, on a desk), and a single attribution or event takes the
//! same path with a handful of rows.

use anyhow::Result;

use super::write::{Chain, NewClaimant};
use super::{Seam, Value};
use crate::store::names::{name_key, tidy};
use crate::time::Timestamp;

/// Rows for one table, its columns' values one row after another.
struct Rows {
    table: &'static str,
    columns: &'static [&'static str],
    values: Vec<Value>,
}

impl Rows {
    const fn of(table: &'static str, columns: &'static [&'static str]) -> Rows {
        Rows {
            table,
            columns,
            values: Vec::new(),
        }
    }

    fn push<const N: usize>(&mut self, row: [Value; N]) {
        debug_assert_eq!(N, self.columns.len(), "a row of {}", self.table);
        self.values.extend(row);
    }

    fn write(&mut self, db: &mut dyn Seam) -> Result<()> {
        if !self.values.is_empty() {
            db.copy_in(self.table, self.columns, &self.values)?;
            self.values.clear();
        }
        Ok(())
    }
}

/// New claims' rows and the rows that hang from them, written in an order every
/// reference is satisfied in.
pub struct ClaimRows {
    claims: Rows,
    attributions: Rows,
    relays: Rows,
    grades: Rows,
    events: Rows,
    evidence: Rows,
}

impl Default for ClaimRows {
    fn default() -> Self {
        ClaimRows {
            claims: Rows::of(
                "claims",
                &[
                    "id",
                    "uid",
                    "text",
                    "story",
                    "made_at",
                    "logged_at",
                    "logged_by",
                    "status",
                ],
            ),
            attributions: Rows::of(
                "attributions",
                &[
                    "id",
                    "claim_id",
                    "claimant_id",
                    "medium",
                    "made_at",
                    "url",
                    "logged_at",
                    "logged_by",
                ],
            ),
            relays: Rows::of("relays", &["attribution_id", "position", "outlet_id"]),
            grades: Rows::of(
                "credibility_grades",
                &["attribution_id", "at", "grade", "by", "note"],
            ),
            events: Rows::of(
                "status_events",
                &["id", "claim_id", "status", "at", "by", "note"],
            ),
            evidence: Rows::of("evidence", &["event_id", "position", "url"]),
        }
    }
}

/// A claim as first logged, with the status its history leaves it at.
pub struct FirstLogged<'a> {
    pub uid: &'a str,
    pub text: Option<String>,
    pub story: Option<String>,
    pub made_at: Option<Timestamp>,
    pub logged_at: Timestamp,
    pub logged_by: &'a str,
    pub status: &'a str,
}

impl ClaimRows {
    pub fn claim(&mut self, id: i64, claim: FirstLogged<'_>) {
        self.claims.push([
            id.into(),
            claim.uid.into(),
            claim.text.into(),
            claim.story.into(),
            claim.made_at.into(),
            claim.logged_at.into(),
            claim.logged_by.into(),
            claim.status.into(),
        ]);
    }

    /// The attribution `id` of `claim`, its relay chain, and its credibility grades (a
    /// grade given twice at one moment kept once).
    pub fn attribution(&mut self, id: i64, claim: i64, chain: &Chain) {
        self.attributions.push([
            id.into(),
            claim.into(),
            chain.claimant.into(),
            (&chain.medium).into(),
            chain.made_at.into(),
            (&chain.url).into(),
            chain.logged_at.into(),
            chain.logged_by.as_str().into(),
        ]);
        for (position, outlet) in chain.via.iter().enumerate() {
            self.relays
                .push([id.into(), (position as i64).into(), (*outlet).into()]);
        }
        for (i, grade) in chain.grades.iter().enumerate() {
            if chain.grades[..i]
                .iter()
                .any(|g| g.at == grade.at && g.grade == grade.grade)
            {
                continue;
            }
            self.grades.push([
                id.into(),
                grade.at.into(),
                i64::from(grade.grade.number()).into(),
                grade.by.as_str().into(),
                (&grade.note).into(),
            ]);
        }
    }

    /// The status event `id` of `claim` and its evidence.
    pub fn event(&mut self, id: i64, claim: i64, event: Event<'_>) {
        self.events.push([
            id.into(),
            claim.into(),
            event.status.into(),
            event.at.into(),
            event.by.into(),
            event.note.into(),
        ]);
        for (position, url) in event.evidence.iter().enumerate() {
            self.evidence
                .push([id.into(), (position as i64).into(), url.into()]);
        }
    }

    /// Writes every row gathered, table by table, and starts again empty.
    pub fn write(&mut self, db: &mut dyn Seam) -> Result<()> {
        self.claims.write(db)?;
        self.attributions.write(db)?;
        self.relays.write(db)?;
        self.grades.write(db)?;
        self.events.write(db)?;
        self.evidence.write(db)
    }
}

/// A status event as written.
pub struct Event<'a> {
    pub status: &'a str,
    pub at: Timestamp,
    pub by: &'a str,
    pub note: Option<&'a str>,
    pub evidence: &'a [String],
}

/// New claimants and their aliases.
pub struct NameRows {
    claimants: Rows,
    aliases: Rows,
}

impl Default for NameRows {
    fn default() -> Self {
        NameRows {
            claimants: Rows::of(
                "claimants",
                &[
                    "id",
                    "name",
                    "name_key",
                    "role",
                    "affiliation",
                    "kind",
                    "confidential",
                    "merged_into",
                ],
            ),
            aliases: Rows::of("claimant_aliases", &["claimant_id", "alias", "alias_key"]),
        }
    }
}

impl NameRows {
    pub fn claimant(&mut self, id: i64, new: &NewClaimant<'_>) {
        self.claimants.push([
            id.into(),
            tidy(new.name).into(),
            name_key(new.name).into(),
            new.role.into(),
            new.affiliation.into(),
            new.kind.as_str().into(),
            new.confidential.into(),
            new.merged_into.into(),
        ]);
    }

    pub fn alias(&mut self, id: i64, alias: &str) {
        self.aliases
            .push([id.into(), tidy(alias).into(), name_key(alias).into()]);
    }

    pub fn write(&mut self, db: &mut dyn Seam) -> Result<()> {
        self.claimants.write(db)?;
        self.aliases.write(db)
    }
}
