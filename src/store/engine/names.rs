//! What claimants and outlets share: a name, aliases, case-insensitive lookup, and merging a
//! duplicate into its survivor without touching the attributions that name it. On a desk,
//! a reporter's lookups see no confidential claimant, whose rows and aliases the server
//! hides from it.

use std::collections::HashMap;

use anyhow::{Result, bail};

use super::{Dialect, Read as _, Reading, Seam, Value};
use crate::model::Claimant;
use crate::store::names::{name_key, placeholder_id, tidy};
use crate::values;

/// One of the two named tables.
#[derive(Debug, PartialEq, Eq)]
pub struct NameTable {
    pub table: &'static str,
    pub aliases: &'static str,
    pub owner: &'static str,
    /// "claimant" or "outlet", for messages and the per-source counts.
    pub noun: &'static str,
}

pub const CLAIMANTS: NameTable = NameTable {
    table: "claimants",
    aliases: "claimant_aliases",
    owner: "claimant_id",
    noun: "claimant",
};

pub const OUTLETS: NameTable = NameTable {
    table: "outlets",
    aliases: "outlet_aliases",
    owner: "outlet_id",
    noun: "outlet",
};

impl NameTable {
    fn is_claimants(&self) -> bool {
        self.table == CLAIMANTS.table
    }

    /// Where this connection reads names for showing.
    fn shown(&self, db: &dyn Seam) -> &'static str {
        if self.is_claimants() {
            db.dialect().claimants()
        } else {
            self.table
        }
    }

    /// The surviving row a name, alias or placeholder stands for, if any.
    pub fn find(&self, db: &mut dyn Seam, name: &str) -> Result<Option<i64>> {
        let (sql, params) = self.finding(db.dialect(), name);
        db.query_one(&sql, &params)?.opt_int("id")
    }

    /// The surviving row each of `names` stands for, if any, asked all at once.
    pub fn find_each(&self, db: &mut dyn Seam, names: &[&str]) -> Result<Vec<Option<i64>>> {
        let mut found = vec![None; names.len()];
        let mut reads: Vec<Reading<'_>> = found
            .iter_mut()
            .zip(names)
            .map(|(slot, name)| {
                let (sql, params) = self.finding(db.dialect(), name);
                Reading::new(sql, params, move |row| {
                    *slot = row.opt_int("id")?;
                    Ok(())
                })
            })
            .collect();
        db.each_of(&mut reads)?;
        drop(reads);
        Ok(found)
    }

    /// The statement `find` runs: one row, its `id` the surviving row `name` stands for or
    /// null, from the one parameter `?1`; so that it can also be asked as a subquery.
    pub fn finding(&self, dialect: Dialect, name: &str) -> (String, Vec<Value>) {
        if self.is_claimants()
            && let Some(id) = placeholder_id(name)
        {
            let sql = format!(
                "SELECT (SELECT coalesce(merged_into, id) FROM {} WHERE id = ?1 AND confidential) AS id",
                dialect.claimants()
            );
            return (sql, vec![Value::from(id)]);
        }
        let key = name_key(name);
        if self.is_claimants()
            && let Some(sql) = dialect.claimant_named()
        {
            return (sql.to_owned(), vec![Value::from(key)]);
        }
        // Two scalar lookups, the alias only when the name finds nothing.
        let sql = format!(
            "SELECT coalesce(
                 (SELECT coalesce(merged_into, id) FROM {table} WHERE name_key = ?1 LIMIT 1),
                 (SELECT coalesce(t.merged_into, t.id) FROM {aliases} a
                  JOIN {table} t ON t.id = a.{owner} WHERE a.alias_key = ?1 LIMIT 1)) AS id",
            table = self.table,
            aliases = self.aliases,
            owner = self.owner,
        );
        (sql, vec![Value::from(key)])
    }

    /// Like `find`, but a missing name is an error that suggests near names.
    pub fn require(&self, db: &mut dyn Seam, name: &str) -> Result<i64> {
        if let Some(id) = self.find(db, name)? {
            return Ok(id);
        }
        let near = self.similar(db, name)?;
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

    /// Up to three surviving names that contain the words of `name`, or are contained by it.
    /// Confidential claimants are never offered.
    pub fn similar(&self, db: &mut dyn Seam, name: &str) -> Result<Vec<String>> {
        let key = name_key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let dialect = db.dialect();
        let hidden = if self.is_claimants() {
            "AND NOT s.confidential"
        } else {
            ""
        };
        let sql = format!(
            "SELECT DISTINCT {name} AS name FROM (
                 SELECT t.name_key AS k, coalesce(t.merged_into, t.id) AS root FROM {table} t
                 UNION ALL
                 SELECT a.alias_key, coalesce(t.merged_into, t.id) FROM {aliases} a
                 JOIN {table} t ON t.id = a.{owner}
             ) n
             JOIN {table} s ON s.id = n.root
             WHERE (({in_name} > 0 AND length(?1) >= 3)
                    OR ({in_key} > 0 AND length(n.k) >= 3)) {hidden}
             ORDER BY name LIMIT 3",
            table = self.shown(db),
            aliases = self.aliases,
            owner = self.owner,
            in_name = dialect.position("?1", "n.k"),
            in_key = dialect.position("n.k", "?1"),
            name = dialect.bytewise("s.name"),
        );
        db.query(&sql, values![key])?
            .iter()
            .map(|r| r.text("name"))
            .collect()
    }

    /// The name to show in a message: a confidential claimant's stays hidden, since messages
    /// take no --reveal.
    pub fn name_of(&self, db: &mut dyn Seam, id: i64) -> Result<String> {
        let hidden = if self.is_claimants() {
            "confidential"
        } else {
            "false"
        };
        let sql = format!(
            "SELECT name, {hidden} AS hidden FROM {} WHERE id = ?1",
            self.shown(db)
        );
        let row = db.query_one(&sql, values![id])?;
        Ok(if row.flag("hidden")? {
            Claimant::placeholder(id)
        } else {
            row.text("name")?
        })
    }

    /// Adds an alias to a surviving row, refusing one that already names something else.
    pub fn add_alias(&self, db: &mut dyn Seam, id: i64, alias: &str) -> Result<()> {
        let alias = tidy(alias);
        if alias.is_empty() {
            bail!("an alias cannot be empty");
        }
        match self.find(db, &alias)? {
            Some(existing) if existing == id => return Ok(()),
            Some(existing) => bail!(
                "\"{alias}\" already names the {} \"{}\"",
                self.noun,
                self.name_of(db, existing)?
            ),
            None => {}
        }
        let sql = format!(
            "INSERT INTO {} ({}, alias, alias_key) VALUES (?1, ?2, ?3)",
            self.aliases, self.owner
        );
        let key = name_key(&alias);
        db.execute(&sql, values![id, alias, key])?;
        Ok(())
    }

    /// Adds each name as an alias where no row answers to it already.
    pub fn add_missing_aliases<'a>(
        &self,
        db: &mut dyn Seam,
        id: i64,
        names: impl IntoIterator<Item = &'a String>,
    ) -> Result<()> {
        for alias in names {
            if self.find(db, alias)?.is_none() {
                self.add_alias(db, id, alias)?;
            }
        }
        Ok(())
    }

    pub fn remove_alias(&self, db: &mut dyn Seam, id: i64, alias: &str) -> Result<()> {
        if self.own_key(db, id)? == name_key(alias) {
            bail!(
                "\"{}\" is the {}'s name, not an alias; give it a new one with --rename",
                tidy(alias),
                self.noun
            );
        }
        let sql = format!(
            "DELETE FROM {} WHERE {} = ?1 AND alias_key = ?2",
            self.aliases, self.owner
        );
        if db.execute(&sql, values![id, name_key(alias)])? == 0 {
            bail!("\"{}\" is not an alias of this {}", tidy(alias), self.noun);
        }
        Ok(())
    }

    fn own_key(&self, db: &mut dyn Seam, id: i64) -> Result<String> {
        let sql = format!("SELECT name_key FROM {} WHERE id = ?1", self.table);
        db.query_one(&sql, values![id])?.text("name_key")
    }

    pub fn rename(&self, db: &mut dyn Seam, id: i64, new_name: &str) -> Result<()> {
        let new_name = tidy(new_name);
        if let Some(existing) = self.find(db, &new_name)?
            && existing != id
        {
            bail!(
                "\"{new_name}\" already names the {} \"{}\"; merge them instead",
                self.noun,
                self.name_of(db, existing)?
            );
        }
        // An alias that becomes the name is an alias no more; the old name stays reachable
        // as an alias, so earlier habits still find it.
        let drop_alias = format!(
            "DELETE FROM {} WHERE {} = ?1 AND alias_key = ?2",
            self.aliases, self.owner
        );
        db.execute(&drop_alias, values![id, name_key(&new_name)])?;
        let sql = format!("SELECT name FROM {} WHERE id = ?1", self.table);
        let old = db.query_one(&sql, values![id])?.text("name")?;
        let sql = format!(
            "UPDATE {} SET name = ?2, name_key = ?3 WHERE id = ?1",
            self.table
        );
        db.execute(&sql, values![id, new_name.as_str(), name_key(&new_name)])?;
        if name_key(&old) != name_key(&new_name) {
            self.add_alias(db, id, &old)?;
        }
        Ok(())
    }

    /// Renames, then removes and adds aliases, as one edit asks.
    pub fn apply_names(
        &self,
        db: &mut dyn Seam,
        id: i64,
        rename: Option<&str>,
        add: &[String],
        remove: &[String],
    ) -> Result<()> {
        if let Some(new_name) = rename {
            self.rename(db, id, new_name)?;
        }
        for alias in remove {
            self.remove_alias(db, id, alias)?;
        }
        for alias in add {
            self.add_alias(db, id, alias)?;
        }
        Ok(())
    }

    /// Every row's aliases, ordered; with `merged`, also the names of the duplicates merged
    /// into it (they lead to it too), except where one is the row's own name.
    pub fn aliases_by_owner(
        &self,
        db: &mut dyn Seam,
        merged: bool,
    ) -> Result<HashMap<i64, Vec<String>>> {
        let merged_names = if merged {
            format!(
                "UNION SELECT d.merged_into, d.name, d.name_key FROM {shown} d
                 JOIN {shown} s ON s.id = d.merged_into WHERE d.name_key <> s.name_key",
                shown = self.shown(db)
            )
        } else {
            String::new()
        };
        let sql = format!(
            "SELECT * FROM (SELECT {} AS owner, alias, alias_key FROM {} {merged_names}) n
             ORDER BY {}",
            self.owner,
            self.aliases,
            db.dialect().bytewise("alias_key")
        );
        let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
        for row in db.query(&sql, &[])? {
            aliases
                .entry(row.int("owner")?)
                .or_default()
                .push(row.text("alias")?);
        }
        Ok(aliases)
    }

    /// The ids `from` and `into` name, which must be two different rows.
    pub fn distinct_pair(&self, db: &mut dyn Seam, from: &str, into: &str) -> Result<(i64, i64)> {
        let from_id = self.require(db, from)?;
        let into_id = self.require(db, into)?;
        if from_id == into_id {
            bail!(
                "\"{}\" and \"{}\" already name the same {}",
                from.trim(),
                into.trim(),
                self.noun
            );
        }
        Ok((from_id, into_id))
    }

    /// Folds `from` into `into`: rows that named `from` now resolve to `into`, and its aliases
    /// move across. Attributions and relays are left exactly as they were recorded.
    pub fn merge(&self, db: &mut dyn Seam, from: i64, into: i64) -> Result<()> {
        let repoint = format!(
            "UPDATE {} SET merged_into = ?2 WHERE id = ?1 OR merged_into = ?1",
            self.table
        );
        let move_aliases = format!(
            "UPDATE {} SET {owner} = ?2 WHERE {owner} = ?1",
            self.aliases,
            owner = self.owner
        );
        db.execute(&repoint, values![from, into])?;
        db.execute(&move_aliases, values![from, into])?;
        // The claims `from` carried now count for `into`, once each.
        db.execute(
            "INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
             SELECT kind, ?2, claim_id, status, logged_at FROM claim_sources
             WHERE kind = ?3 AND source_id = ?1
             ON CONFLICT DO NOTHING",
            values![from, into, self.noun],
        )?;
        db.execute(
            "DELETE FROM claim_sources WHERE kind = ?2 AND source_id = ?1",
            values![from, self.noun],
        )?;
        Ok(())
    }

    /// The duplicate row of `name` already merged into `into`, if any.
    pub fn merged_row(&self, db: &mut dyn Seam, into: i64, name: &str) -> Result<Option<i64>> {
        let sql = format!(
            "SELECT id FROM {} WHERE merged_into = ?1 AND name_key = ?2 LIMIT 1",
            self.table
        );
        db.query_opt(&sql, values![into, name_key(name)])?
            .map(|r| r.int("id"))
            .transpose()
    }

    /// A survivor other than `into` whose own name is `name`.
    pub fn other_survivor(&self, db: &mut dyn Seam, into: i64, name: &str) -> Result<Option<i64>> {
        let sql = format!(
            "SELECT id FROM {} WHERE name_key = ?1 AND merged_into IS NULL AND id <> ?2",
            self.table
        );
        db.query_opt(&sql, values![name_key(name), into])?
            .map(|r| r.int("id"))
            .transpose()
    }
}

/// `Value`s for an id list, for `Dialect::in_list`.
pub fn ids(list: impl IntoIterator<Item = i64>) -> Value {
    Value::Ints(list.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_spacing_in_any_script() {
        assert_eq!(name_key("  The  Associated Press "), "the associated press");
        assert_eq!(name_key("ÉLYSÉE"), "élysée");
        assert_eq!(
            tidy(" SITE\tIntelligence  Group"),
            "SITE Intelligence Group"
        );
    }
}
