//! Claimants and outlets as things in their own right: listing with counts, editing, merging.

use anyhow::{Result, bail};
use rusqlite::{Connection, params};

use super::Store;
use super::claims::claimant_from_row;
use super::convert::count;
use super::names::{CLAIMANTS, NameTable, OUTLETS};
use crate::model::{Claimant, ClaimantSummary, Outlet, OutletSummary, Status, Visibility};
use crate::store::{ClaimantEdit, OutletEdit, Sources};

impl Sources for Store {
    fn claimants(&self, visibility: Visibility) -> Result<Vec<ClaimantSummary>> {
        let aliases = CLAIMANTS
            .aliases_by_owner(&self.conn, true)
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT g.id, g.name, g.role, g.affiliation, g.kind, g.confidential,
                        count(DISTINCT c.id),
                        count(DISTINCT CASE WHEN c.status IN (SELECT value FROM json_each(?1))
                                            THEN c.id END)
                 FROM claimants g
                 LEFT JOIN claimants m ON coalesce(m.merged_into, m.id) = g.id
                 LEFT JOIN attributions a ON a.claimant_id = m.id
                 LEFT JOIN claims c ON c.id = a.claim_id
                 WHERE g.merged_into IS NULL
                 GROUP BY g.id
                 ORDER BY count(DISTINCT c.id) DESC, g.name_key",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([open_statuses()], |row| {
                let claimant = claimant_from_row(row, 0, visibility)?;
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
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    fn outlets(&self) -> Result<Vec<OutletSummary>> {
        let aliases = OUTLETS
            .aliases_by_owner(&self.conn, true)
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT g.id, g.name, g.kind,
                        count(DISTINCT c.id),
                        count(DISTINCT CASE WHEN c.status IN (SELECT value FROM json_each(?1))
                                            THEN c.id END)
                 FROM outlets g
                 LEFT JOIN outlets m ON coalesce(m.merged_into, m.id) = g.id
                 LEFT JOIN relays r ON r.outlet_id = m.id
                 LEFT JOIN attributions a ON a.id = r.attribution_id
                 LEFT JOIN claims c ON c.id = a.claim_id
                 WHERE g.merged_into IS NULL
                 GROUP BY g.id
                 ORDER BY count(DISTINCT c.id) DESC, g.name_key",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([open_statuses()], |row| {
                let id: i64 = row.get(0)?;
                Ok(OutletSummary {
                    outlet: Outlet {
                        id,
                        name: row.get(1)?,
                        recorded_as: None,
                    },
                    kind: row.get(2)?,
                    aliases: aliases.get(&id).cloned().unwrap_or_default(),
                    claims: count(row, 3)?,
                    open: count(row, 4)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    fn edit_claimant(
        &mut self,
        name: &str,
        edit: &ClaimantEdit,
        visibility: Visibility,
    ) -> Result<Claimant> {
        self.write(|tx| {
            let id = CLAIMANTS.require(tx, name)?;
            for (column, value) in [("role", &edit.role), ("affiliation", &edit.affiliation)] {
                if let Some(value) = value {
                    let value = Some(value.trim()).filter(|v| !v.is_empty());
                    tx.execute(
                        &format!("UPDATE claimants SET {column} = ?2 WHERE id = ?1"),
                        params![id, value],
                    )?;
                }
            }
            if let Some(kind) = edit.kind {
                tx.execute(
                    "UPDATE claimants SET kind = ?2 WHERE id = ?1",
                    params![id, kind],
                )?;
            }
            if let Some(confidential) = edit.confidential {
                tx.execute(
                    "UPDATE claimants SET confidential = ?2 WHERE id = ?1",
                    params![id, confidential],
                )?;
            }
            apply_names(
                tx,
                &CLAIMANTS,
                id,
                &edit.rename,
                &edit.add_aliases,
                &edit.remove_aliases,
            )?;
            claimant(tx, id, visibility)
        })
    }

    fn edit_outlet(&mut self, name: &str, edit: &OutletEdit) -> Result<OutletSummary> {
        let id = self.write(|tx| {
            let id = OUTLETS.require(tx, name)?;
            if let Some(kind) = edit.kind {
                tx.execute(
                    "UPDATE outlets SET kind = ?2 WHERE id = ?1",
                    params![id, kind],
                )?;
            }
            apply_names(
                tx,
                &OUTLETS,
                id,
                &edit.rename,
                &edit.add_aliases,
                &edit.remove_aliases,
            )?;
            Ok(id)
        })?;
        let all = self.outlets()?;
        all.into_iter()
            .find(|o| o.outlet.id == id)
            .ok_or_else(|| anyhow::anyhow!("outlet {id} vanished while being edited"))
    }

    fn merge_claimants(
        &mut self,
        from: &str,
        into: &str,
        visibility: Visibility,
    ) -> Result<(Claimant, Claimant)> {
        self.write(|tx| {
            let (from_id, into_id) = distinct_pair(tx, &CLAIMANTS, from, into)?;
            let before = claimant(tx, from_id, visibility)?;
            tx.execute(
                "UPDATE claimants SET
                     confidential = max(confidential,
                                        (SELECT confidential FROM claimants WHERE id = ?1)),
                     role = coalesce(role, (SELECT role FROM claimants WHERE id = ?1)),
                     affiliation = coalesce(affiliation,
                                            (SELECT affiliation FROM claimants WHERE id = ?1))
                 WHERE id = ?2",
                params![from_id, into_id],
            )?;
            CLAIMANTS.merge(tx, from_id, into_id)?;
            Ok((before, claimant(tx, into_id, visibility)?))
        })
    }

    fn merge_outlets(&mut self, from: &str, into: &str) -> Result<(String, String)> {
        self.write(|tx| {
            let (from_id, into_id) = distinct_pair(tx, &OUTLETS, from, into)?;
            OUTLETS.merge(tx, from_id, into_id)?;
            Ok((OUTLETS.name_of(tx, from_id)?, OUTLETS.name_of(tx, into_id)?))
        })
    }
}

fn open_statuses() -> String {
    let words: Vec<&str> = Status::open().into_iter().map(Status::as_str).collect();
    serde_json::to_string(&words).unwrap_or_else(|_| "[]".into())
}

fn claimant(conn: &Connection, id: i64, visibility: Visibility) -> Result<Claimant> {
    Ok(conn.query_row(
        "SELECT id, name, role, affiliation, kind, confidential FROM claimants WHERE id = ?1",
        [id],
        |row| claimant_from_row(row, 0, visibility),
    )?)
}

fn distinct_pair(
    conn: &Connection,
    table: &NameTable,
    from: &str,
    into: &str,
) -> Result<(i64, i64)> {
    let from_id = table.require(conn, from)?;
    let into_id = table.require(conn, into)?;
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
    conn: &Connection,
    table: &NameTable,
    id: i64,
    rename: &Option<String>,
    add: &[String],
    remove: &[String],
) -> Result<()> {
    if let Some(new_name) = rename {
        table.rename(conn, id, new_name)?;
    }
    for alias in remove {
        table.remove_alias(conn, id, alias)?;
    }
    for alias in add {
        table.add_alias(conn, id, alias)?;
    }
    Ok(())
}
