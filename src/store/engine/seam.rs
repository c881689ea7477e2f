//! The seam between the engine and a database: statements with numbered parameters (`?1`),
//! plain values, and rows read by column name.

use std::borrow::Cow;
use std::rc::Rc;

use anyhow::{Result, anyhow};

/// A value going into or coming out of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
    Bool(bool),
}

/// One row of a result, its values found by column name, so that adding a column to a
/// query cannot shift what a reader takes.
#[derive(Debug, Clone)]
pub struct Row {
    columns: Rc<[String]>,
    values: Vec<Value>,
}

impl Row {
    pub fn new(columns: Rc<[String]>, values: Vec<Value>) -> Row {
        Row { columns, values }
    }

    fn value(&self, column: &str) -> Result<&Value> {
        self.columns
            .iter()
            .position(|c| c == column)
            .and_then(|i| self.values.get(i))
            .ok_or_else(|| anyhow!("the ledger's answer has no column {column}"))
    }

    pub fn int(&self, column: &str) -> Result<i64> {
        match self.value(column)? {
            Value::Int(n) => Ok(*n),
            other => Err(anyhow!("column {column} holds {other:?}, not a number")),
        }
    }

    /// A count: a number that cannot be negative.
    pub fn count(&self, column: &str) -> Result<u64> {
        let n = self.int(column)?;
        u64::try_from(n).map_err(|_| anyhow!("column {column} holds a negative count ({n})"))
    }

    pub fn text(&self, column: &str) -> Result<String> {
        match self.value(column)? {
            Value::Text(s) => Ok(s.clone()),
            other => Err(anyhow!("column {column} holds {other:?}, not text")),
        }
    }
}

/// What differs between the databases, spelled once for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// The statement as this database numbers its parameters: SQLite takes the engine's
    /// `?1`, PostgreSQL wants `$1`. The engine's SQL holds no `?` but its parameters.
    pub fn sql(self, sql: &str) -> Cow<'_, str> {
        match self {
            Dialect::Sqlite => Cow::Borrowed(sql),
            Dialect::Postgres => Cow::Owned(sql.replace('?', "$")),
        }
    }

    /// `expr` grouped and compared without regard to case, as this database indexes it.
    pub fn caseless(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => format!("{expr} COLLATE NOCASE"),
            Dialect::Postgres => format!("lower({expr})"),
        }
    }

    /// `expr` ordered without regard to case, byte by byte whatever the server's locale.
    pub fn caseless_order(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => format!("{expr} COLLATE NOCASE"),
            Dialect::Postgres => format!("lower({expr}) COLLATE \"C\""),
        }
    }

    /// The relation holding the claimants this connection may see: on a desk, a reporter's
    /// login sees a confidential claimant only as its placeholder.
    pub fn claimants(self) -> &'static str {
        match self {
            Dialect::Sqlite => "claimants",
            Dialect::Postgres => "claimants_visible",
        }
    }
}

/// A connection inside one transaction the backend opened, as the engine uses it.
pub trait Seam {
    fn dialect(&self) -> Dialect;

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>>;

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64>;

    /// The one row a statement returns.
    fn query_one(&mut self, sql: &str, params: &[Value]) -> Result<Row> {
        self.query(sql, params)?
            .into_iter()
            .next()
            .ok_or_else(|| anyhow!("the ledger returned no row"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_by_column_name() {
        let row = Row::new(
            Rc::from(vec!["id".to_owned(), "name".to_owned()]),
            vec![Value::Int(4), Value::Text("NBC News".into())],
        );
        assert_eq!(row.text("name").unwrap(), "NBC News");
        assert_eq!(row.count("id").unwrap(), 4);
        assert!(row.text("id").is_err());
        assert_eq!(
            row.int("kind").unwrap_err().to_string(),
            "the ledger's answer has no column kind"
        );
    }

    #[test]
    fn parameters_are_numbered_for_each_database() {
        let sql = "SELECT id FROM claims WHERE id > ?1 LIMIT ?2";
        assert_eq!(Dialect::Sqlite.sql(sql), sql);
        assert_eq!(
            Dialect::Postgres.sql(sql),
            "SELECT id FROM claims WHERE id > $1 LIMIT $2"
        );
    }
}
