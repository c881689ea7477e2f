//! Claimants and outlets as things in their own right: listing with counts, editing,
//! merging. On a desk the server lets only editors edit and merge.

use anyhow::{Result, anyhow};

use super::claims::{
    CLAIMANT, claimant_from, graded, graded_claimant, latest_reliability, reliability,
};
use super::filter::status_list;
use super::names::{CLAIMANTS, OUTLETS};
use super::write::grade_reliability;
use super::{Read as _, Seam, Value};
use crate::model::{Claimant, ClaimantSummary, Graded, Outlet, OutletSummary, Status, Visibility};
use crate::store::{ClaimantEdit, OutletEdit};
use crate::time::Timestamp;
use crate::values;

/// Every claimant (merged duplicates folded in), most claims first.
pub fn claimants(db: &mut dyn Seam, visibility: Visibility) -> Result<Vec<ClaimantSummary>> {
    let aliases = CLAIMANTS.aliases_by_owner(db, true)?;
    let graded = latest_reliability(db)?;
    let dialect = db.dialect();
    let sql = format!(
        "SELECT {columns}, count(DISTINCT c.id) AS claims,
                count(DISTINCT c.id) FILTER (WHERE c.status IN ({open})) AS open
         FROM {claimants} g
         LEFT JOIN {claimants} m ON coalesce(m.merged_into, m.id) = g.id
         LEFT JOIN attributions a ON a.claimant_id = m.id
         LEFT JOIN claims c ON c.id = a.claim_id
         WHERE g.merged_into IS NULL
         GROUP BY g.id, g.name, g.role, g.affiliation, g.kind, g.confidential, g.name_key
         ORDER BY count(DISTINCT c.id) DESC, {order}",
        columns = CLAIMANT.select("g"),
        open = status_list(&Status::open()),
        claimants = dialect.claimants(),
        order = dialect.bytewise("g.name_key"),
    );
    let mut summaries = Vec::new();
    db.each(&sql, &[], &mut |row| {
        let mut claimant = claimant_from(row, &CLAIMANT, visibility)?;
        claimant.reliability = graded.get(&claimant.id).copied();
        let hidden = claimant.confidential && visibility == Visibility::Redacted;
        summaries.push(ClaimantSummary {
            aliases: if hidden {
                Vec::new()
            } else {
                aliases.get(&claimant.id).cloned().unwrap_or_default()
            },
            claimant,
            claims: row.count("claims")?,
            open: row.count("open")?,
        });
        Ok(())
    })?;
    Ok(summaries)
}

/// Every outlet (merged duplicates folded in), most claims first.
pub fn outlets(db: &mut dyn Seam) -> Result<Vec<OutletSummary>> {
    let aliases = OUTLETS.aliases_by_owner(db, true)?;
    let sql = format!(
        "SELECT g.id, g.name, g.kind, count(DISTINCT c.id) AS claims,
                count(DISTINCT c.id) FILTER (WHERE c.status IN ({})) AS open
         FROM outlets g
         LEFT JOIN outlets m ON coalesce(m.merged_into, m.id) = g.id
         LEFT JOIN relays r ON r.outlet_id = m.id
         LEFT JOIN attributions a ON a.id = r.attribution_id
         LEFT JOIN claims c ON c.id = a.claim_id
         WHERE g.merged_into IS NULL
         GROUP BY g.id, g.name, g.kind, g.name_key
         ORDER BY count(DISTINCT c.id) DESC, {}",
        status_list(&Status::open()),
        db.dialect().bytewise("g.name_key"),
    );
    db.query(&sql, &[])?
        .iter()
        .map(|row| {
            let id = row.int("id")?;
            Ok(OutletSummary {
                outlet: Outlet {
                    id,
                    name: row.text("name")?,
                    recorded_as: None,
                },
                kind: row.word("kind")?,
                aliases: aliases.get(&id).cloned().unwrap_or_default(),
                claims: row.count("claims")?,
                open: row.count("open")?,
            })
        })
        .collect()
}

pub fn edit_claimant(
    db: &mut dyn Seam,
    name: &str,
    edit: &ClaimantEdit,
    visibility: Visibility,
    by: &str,
    at: Timestamp,
) -> Result<Claimant> {
    let id = CLAIMANTS.require(db, name)?;
    if let Some(grade) = edit.reliability {
        grade_reliability(db, id, &Graded::new(grade, at, by, None))?;
    }
    let mut set: Vec<(&str, Value)> = Vec::new();
    for (column, value) in [("role", &edit.role), ("affiliation", &edit.affiliation)] {
        if let Some(value) = value {
            set.push((
                column,
                Value::from(Some(value.trim()).filter(|v| !v.is_empty())),
            ));
        }
    }
    if let Some(kind) = edit.kind {
        set.push(("kind", Value::from(kind.as_str())));
    }
    if let Some(confidential) = edit.confidential {
        set.push(("confidential", Value::Bool(confidential)));
    }
    update(db, "claimants", id, set)?;
    CLAIMANTS.apply_names(
        db,
        id,
        edit.rename.as_deref(),
        &edit.add_aliases,
        &edit.remove_aliases,
    )?;
    graded_claimant(db, id, visibility)
}

pub fn edit_outlet(db: &mut dyn Seam, name: &str, edit: &OutletEdit) -> Result<OutletSummary> {
    let id = OUTLETS.require(db, name)?;
    if let Some(kind) = edit.kind {
        update(
            db,
            "outlets",
            id,
            vec![("kind", Value::from(kind.as_str()))],
        )?;
    }
    OUTLETS.apply_names(
        db,
        id,
        edit.rename.as_deref(),
        &edit.add_aliases,
        &edit.remove_aliases,
    )?;
    outlets(db)?
        .into_iter()
        .find(|o| o.outlet.id == id)
        .ok_or_else(|| anyhow!("outlet {id} vanished while being edited"))
}

/// Sets columns of one row, in one statement.
fn update(db: &mut dyn Seam, table: &str, id: i64, set: Vec<(&str, Value)>) -> Result<()> {
    if set.is_empty() {
        return Ok(());
    }
    let assignments: Vec<String> = set
        .iter()
        .enumerate()
        .map(|(i, (column, _))| format!("{column} = ?{}", i + 2))
        .collect();
    let sql = format!(
        "UPDATE {table} SET {} WHERE id = ?1",
        assignments.join(", ")
    );
    let mut params = vec![Value::Int(id)];
    params.extend(set.into_iter().map(|(_, v)| v));
    db.execute(&sql, &params)?;
    Ok(())
}

/// Folds the claimant `from` into `into`. The survivor becomes confidential if either was,
/// and takes the duplicate's role and affiliation where it has none.
pub fn merge_claimants(
    db: &mut dyn Seam,
    from: &str,
    into: &str,
    visibility: Visibility,
) -> Result<(Claimant, Claimant)> {
    let (from_id, into_id) = CLAIMANTS.distinct_pair(db, from, into)?;
    let before = graded_claimant(db, from_id, visibility)?;
    db.execute(
        "UPDATE claimants SET
             confidential = confidential OR (SELECT d.confidential FROM claimants d WHERE d.id = ?1),
             role = coalesce(role, (SELECT d.role FROM claimants d WHERE d.id = ?1)),
             affiliation = coalesce(affiliation,
                                    (SELECT d.affiliation FROM claimants d WHERE d.id = ?1))
         WHERE id = ?2",
        values![from_id, into_id],
    )?;
    // The survivor takes the duplicate's grade where it has none; the duplicate keeps its
    // history.
    if reliability(db, into_id)?.is_none() {
        let latest = db.query_opt(
            "SELECT grade, at, by, note FROM reliability_grades WHERE claimant_id = ?1
             ORDER BY at DESC, id DESC LIMIT 1",
            values![from_id],
        )?;
        if let Some(row) = latest {
            let grade = row.word("grade")?;
            grade_reliability(db, into_id, &graded(&row, grade)?)?;
        }
    }
    CLAIMANTS.merge(db, from_id, into_id)?;
    Ok((before, graded_claimant(db, into_id, visibility)?))
}

pub fn merge_outlets(db: &mut dyn Seam, from: &str, into: &str) -> Result<(String, String)> {
    let (from_id, into_id) = OUTLETS.distinct_pair(db, from, into)?;
    OUTLETS.merge(db, from_id, into_id)?;
    Ok((OUTLETS.name_of(db, from_id)?, OUTLETS.name_of(db, into_id)?))
}
