//! The engine's seam over a SQLite transaction.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use anyhow::{Result, anyhow};
use rusqlite::types::{ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, params_from_iter};

use super::explain;
use crate::store::engine::{Cell, Dialect, Read as _, Row, Seam, Value, Values, find_column};

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

    /// The names of a statement's columns, read once.
    fn columns_of(&mut self, sql: &str) -> Result<Rc<[String]>> {
        if let Some(columns) = self.columns.get(sql) {
            return Ok(columns.clone());
        }
        let stmt = self
            .conn
            .prepare_cached(sql)
            .map_err(|e| explain(self.path, e))?;
        let columns: Rc<[String]> = stmt.column_names().map(String::from).collect();
        self.columns.insert(sql.to_owned(), columns.clone());
        Ok(columns)
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
                use std::fmt::Write as _;
                let mut json = String::with_capacity(ids.len() * 8 + 2);
                json.push('[');
                for (i, id) in ids.iter().enumerate() {
                    let comma = if i == 0 { "" } else { "," };
                    let _ = write!(json, "{comma}{id}");
                }
                json.push(']');
                ToSqlOutput::from(json)
            }
            Value::Texts(texts) => ToSqlOutput::from(
                serde_json::to_string(texts).expect("a list of strings is always JSON"),
            ),
        })
    }
}

/// A row of a SQLite result, read in place.
struct InPlace<'r, 's> {
    row: &'r rusqlite::Row<'s>,
    columns: &'r [String],
    next: std::cell::Cell<usize>,
}

impl Values for InPlace<'_, '_> {
    fn cell(&self, column: &str) -> Result<Cell<'_>> {
        let columns = self.columns;
        let i = find_column(columns.len(), |i| &columns[i], column, &self.next)?;
        Ok(match self.row.get_ref(i)? {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(n) => Cell::Int(n),
            ValueRef::Text(bytes) => {
                Cell::Text(Cow::Borrowed(std::str::from_utf8(bytes).map_err(|_| {
                    anyhow!("column {column} holds text that is not UTF-8")
                })?))
            }
            ValueRef::Real(_) | ValueRef::Blob(_) => {
                return Err(anyhow!(
                    "column {column} holds a value claimtrail never writes"
                ));
            }
        })
    }
}

impl Seam for SqliteSeam<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        let columns = self.columns_of(sql)?;
        let mut out = Vec::new();
        self.each(sql, params, &mut |row| {
            out.push(Row::copy(columns.clone(), row)?);
            Ok(())
        })?;
        Ok(out)
    }

    fn each(
        &mut self,
        sql: &str,
        params: &[Value],
        each: &mut dyn FnMut(&dyn Values) -> Result<()>,
    ) -> Result<()> {
        let path = self.path;
        let err = |e| explain(path, e);
        let columns = self.columns_of(sql)?;
        let mut stmt = self.conn.prepare_cached(sql).map_err(err)?;
        let mut rows = stmt.query(params_from_iter(params)).map_err(err)?;
        while let Some(row) = rows.next().map_err(err)? {
            each(&InPlace {
                row,
                columns: &columns,
                next: std::cell::Cell::new(0),
            })?;
        }
        Ok(())
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
        let changed = self
            .conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.execute(params_from_iter(params)))
            .map_err(|e| explain(self.path, e))?;
        Ok(changed as u64)
    }

    /// SQLite hands back a new row's id without a result set to read it from.
    fn insert(&mut self, sql: &str, params: &[Value]) -> Result<i64> {
        match sql.strip_suffix(" RETURNING id") {
            Some(plain) => {
                self.execute(plain, params)?;
                Ok(self.conn.last_insert_rowid())
            }
            None => self.query_one(sql, params)?.int("id"),
        }
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
