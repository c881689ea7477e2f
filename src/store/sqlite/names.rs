//! What claimants and outlets share: a name, aliases, case-insensitive lookup, and merging a
//! duplicate into its survivor without touching the attributions that name it.

use anyhow::{Result, bail};
use std::collections::HashMap;

use super::Cached;
use rusqlite::{Connection, OptionalExtension, params};

use crate::model::Claimant;
use crate::store::names::placeholder_id;
pub use crate::store::names::{name_key, tidy};

/// One of the two named tables.
pub struct NameTable {
    pub table: &'static str,
    pub aliases: &'static str,
    pub owner: &'static str,
    /// "claimant" or "outlet", for messages.
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
    /// The surviving row a name or alias stands for, if any. A confidential claimant can
    /// also be named by its placeholder, "confidential source #N".
    pub fn find(&self, conn: &Connection, name: &str) -> rusqlite::Result<Option<i64>> {
        if self.table == CLAIMANTS.table
            && let Some(id) = placeholder_id(name)
        {
            return conn
                .one(
                    "SELECT coalesce(merged_into, id) FROM claimants WHERE id = ?1 AND confidential = 1",
                    [id],
                    |r| r.get(0),
                )
                .optional();
        }
        // Two plain lookups rather than one UNION: SQLite re-plans the UNION on every new
        // name, which cost an import more than all its inserts.
        let key = name_key(name);
        let by_name = format!(
            "SELECT coalesce(merged_into, id) FROM {} WHERE name_key = ?1 LIMIT 1",
            self.table
        );
        if let Some(id) = conn.one(&by_name, [&key], |r| r.get(0)).optional()? {
            return Ok(Some(id));
        }
        let by_alias = format!(
            "SELECT coalesce(t.merged_into, t.id) FROM {aliases} a
             JOIN {table} t ON t.id = a.{owner} WHERE a.alias_key = ?1",
            table = self.table,
            aliases = self.aliases,
            owner = self.owner,
        );
        conn.one(&by_alias, [&key], |r| r.get(0)).optional()
    }

    /// Like `find`, but a missing name is an error that suggests near names.
    pub fn require(&self, conn: &Connection, name: &str) -> Result<i64> {
        if let Some(id) = self.find(conn, name)? {
            return Ok(id);
        }
        let near = self.similar(conn, name)?;
        if near.is_empty() {
            bail!("no {} named \"{}\"", self.noun, tidy(name));
        }
        bail!(
            "no {} named \"{}\" (did you mean {}?)",
            self.noun,
            tidy(name),
            near.iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(" or ")
        )
    }

    /// Up to three surviving names that contain the words of `name`, or are contained by it.
    /// Confidential claimants are never offered.
    pub fn similar(&self, conn: &Connection, name: &str) -> rusqlite::Result<Vec<String>> {
        let key = name_key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let hidden = if self.table == "claimants" {
            "AND s.confidential = 0"
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
             WHERE ((instr(n.k, ?1) > 0 AND length(?1) >= 3)
                    OR (instr(?1, n.k) > 0 AND length(n.k) >= 3)) {hidden}
             ORDER BY s.name LIMIT 3",
            table = self.table,
            aliases = self.aliases,
            owner = self.owner,
        );
        let mut stmt = conn.prepare(&sql)?;
        let names = stmt.query_map([key], |r| r.get(0))?;
        names.collect()
    }

    fn real_name(&self, conn: &Connection, id: i64) -> rusqlite::Result<String> {
        let sql = format!("SELECT name FROM {} WHERE id = ?1", self.table);
        conn.one(&sql, [id], |r| r.get(0))
    }

    /// The name to show in a message: a confidential claimant's stays hidden, since messages
    /// take no --reveal.
    pub fn name_of(&self, conn: &Connection, id: i64) -> rusqlite::Result<String> {
        let hidden = if self.table == CLAIMANTS.table {
            "confidential"
        } else {
            "0"
        };
        let sql = format!("SELECT name, {hidden} FROM {} WHERE id = ?1", self.table);
        let (name, confidential): (String, bool) =
            conn.one(&sql, [id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(if confidential {
            Claimant::placeholder(id)
        } else {
            name
        })
    }

    /// Adds an alias to a surviving row, refusing one that already names something else.
    pub fn add_alias(&self, conn: &Connection, id: i64, alias: &str) -> Result<()> {
        let alias = tidy(alias);
        if alias.is_empty() {
            bail!("an alias cannot be empty");
        }
        match self.find(conn, &alias)? {
            Some(existing) if existing == id => return Ok(()),
            Some(existing) => bail!(
                "\"{alias}\" already names the {} \"{}\"",
                self.noun,
                self.name_of(conn, existing)?
            ),
            None => {}
        }
        let sql = format!(
            "INSERT INTO {} ({}, alias, alias_key) VALUES (?1, ?2, ?3)",
            self.aliases, self.owner
        );
        conn.run(&sql, params![id, alias, name_key(&alias)])?;
        Ok(())
    }

    pub fn remove_alias(&self, conn: &Connection, id: i64, alias: &str) -> Result<()> {
        if name_key(&self.real_name(conn, id)?) == name_key(alias) {
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
        if conn.run(&sql, params![id, name_key(alias)])? == 0 {
            bail!("\"{}\" is not an alias of this {}", tidy(alias), self.noun);
        }
        Ok(())
    }

    pub fn rename(&self, conn: &Connection, id: i64, new_name: &str) -> Result<()> {
        let new_name = tidy(new_name);
        if let Some(existing) = self.find(conn, &new_name)?
            && existing != id
        {
            bail!(
                "\"{new_name}\" already names the {} \"{}\"; merge them instead",
                self.noun,
                self.name_of(conn, existing)?
            );
        }
        // An alias that becomes the name is an alias no more; the old name stays reachable
        // as an alias, so earlier habits still find it.
        let drop_alias = format!(
            "DELETE FROM {} WHERE {} = ?1 AND alias_key = ?2",
            self.aliases, self.owner
        );
        conn.run(&drop_alias, params![id, name_key(&new_name)])?;
        let old = self.real_name(conn, id)?;
        let sql = format!(
            "UPDATE {} SET name = ?2, name_key = ?3 WHERE id = ?1",
            self.table
        );
        conn.run(&sql, params![id, new_name, name_key(&new_name)])?;
        if name_key(&old) != name_key(&new_name) {
            self.add_alias(conn, id, &old)?;
        }
        Ok(())
    }

    /// Every row's aliases, ordered; with `merged`, also the names of the duplicates merged
    /// into it (they lead to it too), except where one is the row's own name.
    pub fn aliases_by_owner(
        &self,
        conn: &Connection,
        merged: bool,
    ) -> rusqlite::Result<HashMap<i64, Vec<String>>> {
        let merged_names = if merged {
            format!(
                "UNION SELECT d.merged_into, d.name, d.name_key FROM {table} d
                 JOIN {table} s ON s.id = d.merged_into WHERE d.name_key <> s.name_key",
                table = self.table
            )
        } else {
            String::new()
        };
        let sql = format!(
            "SELECT {}, alias, alias_key FROM {} {merged_names} ORDER BY 3",
            self.owner, self.aliases
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
        while let Some(row) = rows.next()? {
            aliases.entry(row.get(0)?).or_default().push(row.get(1)?);
        }
        Ok(aliases)
    }

    /// Folds `from` into `into`: rows that named `from` now resolve to `into`, and its aliases
    /// move across. Attributions and relays are left exactly as they were recorded.
    pub fn merge(&self, conn: &Connection, from: i64, into: i64) -> Result<()> {
        let repoint = format!(
            "UPDATE {} SET merged_into = ?2 WHERE id = ?1 OR merged_into = ?1",
            self.table
        );
        let move_aliases = format!(
            "UPDATE {} SET {owner} = ?2 WHERE {owner} = ?1",
            self.aliases,
            owner = self.owner
        );
        conn.run(&repoint, params![from, into])?;
        conn.run(&move_aliases, params![from, into])?;
        // The claims `from` carried now count for `into`, once each.
        conn.run(
            "INSERT INTO claim_sources (kind, source_id, claim_id, status, logged_at)
             SELECT kind, ?2, claim_id, status, logged_at FROM claim_sources
             WHERE kind = ?3 AND source_id = ?1
             ON CONFLICT DO NOTHING",
            params![from, into, self.noun],
        )?;
        conn.run(
            "DELETE FROM claim_sources WHERE kind = ?2 AND source_id = ?1",
            params![from, self.noun],
        )?;
        Ok(())
    }
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
