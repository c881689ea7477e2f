//! Claimants and outlets on the server: listing with counts, editing, merging. The server
//! lets only editors edit and merge.

use super::db::Db;
use anyhow::{Result, bail};

use super::PgStore;
use super::names::{CLAIMANTS, NameTable, OUTLETS};
use super::rows::{self, CLAIMANT_COLUMNS, count, word};
use crate::model::{Claimant, ClaimantSummary, Outlet, OutletSummary, Status, Visibility};
use crate::store::{ClaimantEdit, OutletEdit, Sources};

impl Sources for PgStore {
    fn claimants(&self, visibility: Visibility) -> Result<Vec<ClaimantSummary>> {
        let visibility = self.allowed(visibility)?;
        self.read(|tx| {
            let aliases = CLAIMANTS.aliases_by_owner(tx, true)?;
            let rows = tx.query(
                "SELECT g.id, g.name, g.role, g.affiliation, g.kind, g.confidential,
                        count(DISTINCT c.id), count(DISTINCT c.id) FILTER (WHERE c.status = ANY($1))
                 FROM claimants_visible g
                 LEFT JOIN claimants_visible m ON coalesce(m.merged_into, m.id) = g.id
                 LEFT JOIN attributions a ON a.claimant_id = m.id
                 LEFT JOIN claims c ON c.id = a.claim_id
                 WHERE g.merged_into IS NULL
                 GROUP BY g.id, g.name, g.role, g.affiliation, g.kind, g.confidential, g.name_key
                 ORDER BY count(DISTINCT c.id) DESC, g.name_key COLLATE \"C\"",
                &[&open_statuses()],
            )?;
            rows.iter()
                .map(|row| {
                    let claimant = rows::claimant(row, 0, visibility)?;
                    let hidden = claimant.confidential && visibility == Visibility::Redacted;
                    Ok(ClaimantSummary {
                        aliases: if hidden {
                            Vec::new()
                        } else {
                            aliases.get(&claimant.id).cloned().unwrap_or_default()
                        },
                        claimant,
                        claims: count(row, 6)?,
                        open: count(row, 7)?,
                    })
                })
                .collect()
        })
    }

    fn outlets(&self) -> Result<Vec<OutletSummary>> {
        self.read(outlet_summaries)
    }

    fn edit_claimant(
        &mut self,
        name: &str,
        edit: &ClaimantEdit,
        visibility: Visibility,
    ) -> Result<Claimant> {
        let visibility = self.allowed(visibility)?;
        self.write(true, |tx| {
            let id = CLAIMANTS.require(tx, name)?;
            for (column, value) in [("role", &edit.role), ("affiliation", &edit.affiliation)] {
                if let Some(value) = value {
                    let value = Some(value.trim()).filter(|v| !v.is_empty());
                    tx.execute(
                        &format!("UPDATE claimants SET {column} = $2 WHERE id = $1"),
                        &[&id, &value],
                    )?;
                }
            }
            if let Some(kind) = edit.kind {
                tx.execute(
                    "UPDATE claimants SET kind = $2 WHERE id = $1",
                    &[&id, &kind.as_str()],
                )?;
            }
            if let Some(confidential) = edit.confidential {
                tx.execute(
                    "UPDATE claimants SET confidential = $2 WHERE id = $1",
                    &[&id, &confidential],
                )?;
            }
            apply_names(
                tx,
                &CLAIMANTS,
                id,
                edit.rename.as_deref(),
                &edit.add_aliases,
                &edit.remove_aliases,
            )?;
            claimant(tx, id, visibility)
        })
    }

    fn edit_outlet(&mut self, name: &str, edit: &OutletEdit) -> Result<OutletSummary> {
        self.write(true, |tx| {
            let id = OUTLETS.require(tx, name)?;
            if let Some(kind) = edit.kind {
                tx.execute(
                    "UPDATE outlets SET kind = $2 WHERE id = $1",
                    &[&id, &kind.as_str()],
                )?;
            }
            apply_names(
                tx,
                &OUTLETS,
                id,
                edit.rename.as_deref(),
                &edit.add_aliases,
                &edit.remove_aliases,
            )?;
            outlet_summaries(tx)?
                .into_iter()
                .find(|o| o.outlet.id == id)
                .ok_or_else(|| anyhow::anyhow!("outlet {id} vanished while being edited"))
        })
    }

    fn merge_claimants(
        &mut self,
        from: &str,
        into: &str,
        visibility: Visibility,
    ) -> Result<(Claimant, Claimant)> {
        let visibility = self.allowed(visibility)?;
        self.write(true, |tx| {
            let (from_id, into_id) = distinct_pair(tx, &CLAIMANTS, from, into)?;
            let before = claimant(tx, from_id, visibility)?;
            tx.execute(
                "UPDATE claimants g SET
                     confidential = g.confidential OR d.confidential,
                     role = coalesce(g.role, d.role),
                     affiliation = coalesce(g.affiliation, d.affiliation)
                 FROM claimants d WHERE d.id = $1 AND g.id = $2",
                &[&from_id, &into_id],
            )?;
            CLAIMANTS.merge(tx, from_id, into_id)?;
            Ok((before, claimant(tx, into_id, visibility)?))
        })
    }

    fn merge_outlets(&mut self, from: &str, into: &str) -> Result<(String, String)> {
        self.write(true, |tx| {
            let (from_id, into_id) = distinct_pair(tx, &OUTLETS, from, into)?;
            OUTLETS.merge(tx, from_id, into_id)?;
            Ok((OUTLETS.name_of(tx, from_id)?, OUTLETS.name_of(tx, into_id)?))
        })
    }
}

fn outlet_summaries(tx: &mut Db) -> Result<Vec<OutletSummary>> {
    let aliases = OUTLETS.aliases_by_owner(tx, true)?;
    let rows = tx.query(
        "SELECT g.id, g.name, g.kind,
                count(DISTINCT c.id), count(DISTINCT c.id) FILTER (WHERE c.status = ANY($1))
         FROM outlets g
         LEFT JOIN outlets m ON coalesce(m.merged_into, m.id) = g.id
         LEFT JOIN relays r ON r.outlet_id = m.id
         LEFT JOIN attributions a ON a.id = r.attribution_id
         LEFT JOIN claims c ON c.id = a.claim_id
         WHERE g.merged_into IS NULL
         GROUP BY g.id, g.name, g.kind, g.name_key
         ORDER BY count(DISTINCT c.id) DESC, g.name_key COLLATE \"C\"",
        &[&open_statuses()],
    )?;
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get(0)?;
            Ok(OutletSummary {
                outlet: Outlet {
                    id,
                    name: row.try_get(1)?,
                    recorded_as: None,
                },
                kind: word(row, 2)?,
                aliases: aliases.get(&id).cloned().unwrap_or_default(),
                claims: count(row, 3)?,
                open: count(row, 4)?,
            })
        })
        .collect()
}

pub fn open_statuses() -> Vec<String> {
    Status::open().iter().map(|s| s.to_string()).collect()
}

fn claimant(tx: &mut Db, id: i64, visibility: Visibility) -> Result<Claimant> {
    let sql = format!("SELECT {CLAIMANT_COLUMNS} FROM claimants_visible WHERE id = $1");
    rows::claimant(&tx.query_one(&sql, &[&id])?, 0, visibility)
}

fn distinct_pair(tx: &mut Db, table: &NameTable, from: &str, into: &str) -> Result<(i64, i64)> {
    let from_id = table.require(tx, from)?;
    let into_id = table.require(tx, into)?;
    if from_id == into_id {
        bail!(
            "\"{}\" and \"{}\" already name the same {}",
            from.trim(),
            into.trim(),
            table.noun
        );
    }
    Ok((from_id, into_id))
}

fn apply_names(
    tx: &mut Db,
    table: &NameTable,
    id: i64,
    rename: Option<&str>,
    add: &[String],
    remove: &[String],
) -> Result<()> {
    if let Some(new_name) = rename {
        table.rename(tx, id, new_name)?;
    }
    for alias in remove {
        table.remove_alias(tx, id, alias)?;
    }
    for alias in add {
        table.add_alias(tx, id, alias)?;
    }
    Ok(())
}
