//! Claimants' and outlets' names on the server: lookup by name or alias, suggestions, aliases,
//! renames and merges, as the local ledger has them. A reporter's lookups see no
//! confidential claimant, whose rows and aliases the server hides from it.

use std::collections::HashMap;

use super::db::Db;
use anyhow::{Result, bail};

use crate::model::Claimant;
use crate::store::names::{name_key, placeholder_id, tidy};

/// One of the two named tables.
pub struct NameTable {
    pub table: &'static str,
    /// Where names are read for showing: for claimants, the view that hides confidential
    /// names from reporters.
    pub shown: &'static str,
    pub aliases: &'static str,
    pub owner: &'static str,
    pub noun: &'static str,
}

pub const CLAIMANTS: NameTable = NameTable {
    table: "claimants",
    shown: "claimants_visible",
    aliases: "claimant_aliases",
    owner: "claimant_id",
    noun: "claimant",
};

pub const OUTLETS: NameTable = NameTable {
    table: "outlets",
    shown: "outlets",
    aliases: "outlet_aliases",
    owner: "outlet_id",
    noun: "outlet",
};

impl NameTable {
    fn is_claimants(&self) -> bool {
        self.table == CLAIMANTS.table
    }

    /// The surviving row a name, alias or placeholder stands for, if any.
    pub fn find(&self, tx: &mut Db, name: &str) -> Result<Option<i64>> {
        if self.is_claimants()
            && let Some(id) = placeholder_id(name)
        {
            let row = tx.query_opt(
                "SELECT coalesce(merged_into, id) FROM claimants_visible
                 WHERE id = $1 AND confidential",
                &[&id],
            )?;
            return Ok(row.map(|r| r.try_get(0)).transpose()?);
        }
        let key = name_key(name);
        if self.is_claimants() {
            let row = tx.query_one("SELECT claimtrail_claimant_named($1)", &[&key])?;
            return Ok(row.try_get(0)?);
        }
        let sql = format!(
            "SELECT coalesce(merged_into, id) FROM {table} WHERE name_key = $1
             UNION ALL
             SELECT coalesce(t.merged_into, t.id) FROM {aliases} a
             JOIN {table} t ON t.id = a.{owner} WHERE a.alias_key = $1
             LIMIT 1",
            table = self.table,
            aliases = self.aliases,
            owner = self.owner,
        );
        let row = tx.query_opt(&sql, &[&key])?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }

    /// Like `find`, but a missing name is an error that suggests near names.
    pub fn require(&self, tx: &mut Db, name: &str) -> Result<i64> {
        if let Some(id) = self.find(tx, name)? {
            return Ok(id);
        }
        let near = self.similar(tx, name)?;
        if near.is_empty() {
            bail!("no {} named \"{}\"", self.noun, tidy(name));
        }
        let quoted: Vec<String> = near.iter().map(|n| format!("\"{n}\"")).collect();
        bail!(
            "no {} named \"{}\" (did you mean {}?)",
            self.noun,
            tidy(name),
            quoted.join(" or ")
        )
    }

    /// Up to three surviving names that contain the words of `name`, or are contained by
    /// it. Confidential claimants are never offered.
    pub fn similar(&self, tx: &mut Db, name: &str) -> Result<Vec<String>> {
        let key = name_key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let hidden = if self.is_claimants() {
            "AND NOT s.confidential"
        } else {
            ""
        };
        let sql = format!(
            "SELECT DISTINCT s.name FROM (
                 SELECT t.name_key AS k, coalesce(t.merged_into, t.id) AS root FROM {table} t
                 UNION ALL
                 SELECT a.alias_key, coalesce(t.merged_into, t.id) FROM {aliases} a
                 JOIN {table} t ON t.id = a.{owner}
             ) n
             JOIN {table} s ON s.id = n.root
             WHERE ((strpos(n.k, $1) > 0 AND length($1) >= 3)
                    OR (strpos($1, n.k) > 0 AND length(n.k) >= 3)) {hidden}
             ORDER BY s.name LIMIT 3",
            table = self.table,
            aliases = self.aliases,
            owner = self.owner,
        );
        let rows = tx.query(&sql, &[&key])?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    /// The name to show in a message: a confidential claimant's stays hidden.
    pub fn name_of(&self, tx: &mut Db, id: i64) -> Result<String> {
        let hidden = if self.is_claimants() {
            "confidential"
        } else {
            "false"
        };
        let sql = format!("SELECT name, {hidden} FROM {} WHERE id = $1", self.shown);
        let row = tx.query_one(&sql, &[&id])?;
        Ok(if row.try_get(1)? {
            Claimant::placeholder(id)
        } else {
            row.try_get(0)?
        })
    }

    /// Adds an alias to a surviving row, refusing one that already names something else.
    pub fn add_alias(&self, tx: &mut Db, id: i64, alias: &str) -> Result<()> {
        let alias = tidy(alias);
        if alias.is_empty() {
            bail!("an alias cannot be empty");
        }
        match self.find(tx, &alias)? {
            Some(existing) if existing == id => return Ok(()),
            Some(existing) => bail!(
                "\"{alias}\" already names the {} \"{}\"",
                self.noun,
                self.name_of(tx, existing)?
            ),
            None => {}
        }
        let sql = format!(
            "INSERT INTO {} ({}, alias, alias_key) VALUES ($1, $2, $3)",
            self.aliases, self.owner
        );
        tx.execute(&sql, &[&id, &alias, &name_key(&alias)])?;
        Ok(())
    }

    pub fn remove_alias(&self, tx: &mut Db, id: i64, alias: &str) -> Result<()> {
        let sql = format!("SELECT name_key FROM {} WHERE id = $1", self.table);
        let own: String = tx.query_one(&sql, &[&id])?.try_get(0)?;
        if own == name_key(alias) {
            bail!(
                "\"{}\" is the {}'s name, not an alias; give it a new one with --rename",
                tidy(alias),
                self.noun
            );
        }
        let sql = format!(
            "DELETE FROM {} WHERE {} = $1 AND alias_key = $2",
            self.aliases, self.owner
        );
        if tx.execute(&sql, &[&id, &name_key(alias)])? == 0 {
            bail!("\"{}\" is not an alias of this {}", tidy(alias), self.noun);
        }
        Ok(())
    }

    pub fn rename(&self, tx: &mut Db, id: i64, new_name: &str) -> Result<()> {
        let new_name = tidy(new_name);
        if let Some(existing) = self.find(tx, &new_name)?
            && existing != id
        {
            bail!(
                "\"{new_name}\" already names the {} \"{}\"; merge them instead",
                self.noun,
                self.name_of(tx, existing)?
            );
        }
        let drop_alias = format!(
            "DELETE FROM {} WHERE {} = $1 AND alias_key = $2",
            self.aliases, self.owner
        );
        tx.execute(&drop_alias, &[&id, &name_key(&new_name)])?;
        let sql = format!("SELECT name FROM {} WHERE id = $1", self.table);
        let old: String = tx.query_one(&sql, &[&id])?.try_get(0)?;
        let sql = format!(
            "UPDATE {} SET name = $2, name_key = $3 WHERE id = $1",
            self.table
        );
        tx.execute(&sql, &[&id, &new_name, &name_key(&new_name)])?;
        if name_key(&old) != name_key(&new_name) {
            self.add_alias(tx, id, &old)?;
        }
        Ok(())
    }

    /// Every row's aliases, ordered; with `merged`, also the names of the duplicates merged
    /// into it, except where one is the row's own name.
    pub fn aliases_by_owner(&self, tx: &mut Db, merged: bool) -> Result<HashMap<i64, Vec<String>>> {
        let merged_names = if merged {
            format!(
                "UNION SELECT d.merged_into, d.name, d.name_key FROM {shown} d
                 JOIN {shown} s ON s.id = d.merged_into WHERE d.name_key <> s.name_key",
                shown = self.shown
            )
        } else {
            String::new()
        };
        let sql = format!(
            "SELECT * FROM (SELECT {} AS owner, alias, alias_key FROM {} {merged_names}) n
             ORDER BY alias_key COLLATE \"C\"",
            self.owner, self.aliases
        );
        let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
        for row in tx.query(&sql, &[])? {
            aliases
                .entry(row.try_get(0)?)
                .or_default()
                .push(row.try_get(1)?);
        }
        Ok(aliases)
    }

    /// Folds `from` into `into`: rows that named `from` now resolve to `into`, and its
    /// aliases move across. Attributions and relays stay exactly as recorded.
    pub fn merge(&self, tx: &mut Db, from: i64, into: i64) -> Result<()> {
        let repoint = format!(
            "UPDATE {} SET merged_into = $2 WHERE id = $1 OR merged_into = $1",
            self.table
        );
        let move_aliases = format!(
            "UPDATE {} SET {owner} = $2 WHERE {owner} = $1",
            self.aliases,
            owner = self.owner
        );
        tx.execute(&repoint, &[&from, &into])?;
        tx.execute(&move_aliases, &[&from, &into])?;
        Ok(())
    }
}
