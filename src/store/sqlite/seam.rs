//! The engine's seam over a SQLite transaction.

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use anyhow::{Result, anyhow};
use rusqlite::types::{ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, params_from_iter};

use super::explain;
use crate::store::engine::{Dialect, Row, Seam, Value};

pub struct SqliteSeam<'c> {
    conn: &'c Connection,
    path: &'c Path,
    /// Each statement's column names, read once: an import runs the same few statements
    /// a million times.
    columns: HashMap<String, Rc<[String]>>,
}

impl<'c> SqliteSeam<'c> {
    pub fn new(conn: &'c Connection, path: &'c Path) -> Self {
        SqliteSeam {
            conn,
            path,
            columns: HashMap::new(),
        }
    }
}

impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::from(rusqlite::types::Null),
            Value::Int(n) => ToSqlOutput::from(*n),
            Value::Text(s) => ToSqlOutput::from(s.as_str()),
            Value::Bool(b) => ToSqlOutput::from(*b),
            // Times are kept as their text, which sorts as they do.
            Value::Time(t) => ToSqlOutput::from(t.to_string()),
            Value::Ints(ids) => {
                let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
                ToSqlOutput::from(format!("[{}]", ids.join(",")))
            }
        })
    }
}

fn value(v: ValueRef<'_>, column: &str) -> Result<Value> {
    match v {
        ValueRef::Null => Ok(Value::Null),
        ValueRef::Integer(n) => Ok(Value::Int(n)),
        ValueRef::Text(bytes) => std::str::from_utf8(bytes)
            .map(|s| Value::Text(s.to_owned()))
            .map_err(|_| anyhow!("column {column} holds text that is not UTF-8")),
        ValueRef::Real(_) | ValueRef::Blob(_) => Err(anyhow!(
            "column {column} holds a value claimtrail never writes"
        )),
    }
}

impl Seam for SqliteSeam<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        let path = self.path;
        let err = |e| explain(path, e);
        let mut stmt = self.conn.prepare_cached(sql).map_err(err)?;
        let columns = match self.columns.get(sql) {
            Some(columns) => columns.clone(),
            None => {
                let columns: Rc<[String]> = stmt.column_names().map(String::from).collect();
                self.columns.insert(sql.to_owned(), columns.clone());
                columns
            }
        };
        let mut rows = stmt.query(params_from_iter(params)).map_err(err)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(err)? {
            let values = columns
                .iter()
                .enumerate()
                .map(|(i, column)| value(row.get_ref(i).map_err(err)?, column))
                .collect::<Result<_>>()?;
            out.push(Row::new(columns.clone(), values));
        }
        Ok(out)
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
        let changed = self
            .conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.execute(params_from_iter(params)))
            .map_err(|e| explain(self.path, e))?;
        Ok(changed as u64)
    }

    /// Under SQLite's write lock no one else can take the name between the lookup and the
    /// insert, but a failed statement leaves the transaction as it was all the same.
    fn insert_unless_taken(&mut self, sql: &str, params: &[Value]) -> Result<bool> {
        match self
            .conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.execute(params_from_iter(params)))
        {
            Ok(_) => Ok(true),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
            {
                Ok(false)
            }
            Err(e) => Err(explain(self.path, e)),
        }
    }
}
