//! Interchange records out: claimants and outlets for export, what changed since a mark
//! for `push` and `pull`, and the marks a ledger file keeps of how far it synced.

use std::collections::HashMap;

use anyhow::Result;

use super::claims::{self, graded};
use super::names::{CLAIMANTS, OUTLETS};
use super::records::{self, ClaimantRow, OutletRow};
use super::{Dialect, Read as _, Seam, Value};
use crate::model::{Graded, Reliability, Visibility};
use crate::portable::{ClaimantRecord, OutletRecord};
use crate::store::{Change, ClaimFilter, SyncMarks};
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

/// The ledger's own identity, where it has one (see `Exchange::sync_identity`).
pub fn sync_identity(db: &mut dyn Seam) -> Result<Option<String>> {
    let Some(sql) = db.dialect().ledger_identity() else {
        return Ok(None);
    };
    match db.query_opt(sql, &[])? {
        Some(row) => row.opt_text("id"),
        None => Ok(None),
    }
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
pub(super) fn keep_sync_marks(
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
