//! One transaction on the server, with the connection's prepared statements kept for
//! reuse: a statement is parsed and planned once per connection, not once per call, which
//! halves the round trips of every query after the first.

use std::collections::HashMap;

use anyhow::Result;
use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Row, Statement, Transaction};

/// A statement's values, in order.
pub type Values<'p> = &'p [&'p (dyn ToSql + Sync)];

pub struct Db<'a, 't> {
    tx: &'a mut Transaction<'t>,
    prepared: &'a mut HashMap<String, Statement>,
}

impl<'a, 't> Db<'a, 't> {
    pub fn new(tx: &'a mut Transaction<'t>, prepared: &'a mut HashMap<String, Statement>) -> Self {
        Db { tx, prepared }
    }

    fn prepare(&mut self, sql: &str) -> Result<Statement> {
        if let Some(statement) = self.prepared.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.tx.prepare(sql)?;
        self.prepared.insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }

    pub fn query(&mut self, sql: &str, params: Values) -> Result<Vec<Row>> {
        let statement = self.prepare(sql)?;
        Ok(self.tx.query(&statement, params)?)
    }

    pub fn execute(&mut self, sql: &str, params: Values) -> Result<u64> {
        let statement = self.prepare(sql)?;
        Ok(self.tx.execute(&statement, params)?)
    }

    /// Runs an INSERT, false when another writer took the name first. Not ON CONFLICT:
    /// that reads the row back, and a reporter may add a confidential claimant it cannot
    /// read.
    pub fn insert_unless_taken(&mut self, sql: &str, params: Values) -> Result<bool> {
        let statement = self.prepare(sql)?;
        let mut attempt = self.tx.savepoint("insert_name")?;
        match attempt.execute(&statement, params) {
            Ok(_) => {
                attempt.commit()?;
                Ok(true)
            }
            Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
                attempt.rollback()?;
                Ok(false)
            }
            Err(e) => Err(e.into()),
        }
    }
}
