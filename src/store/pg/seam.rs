//! The engine's seam over a transaction on the desk server.

use std::borrow::Cow;
use std::error::Error;
use std::rc::Rc;

use anyhow::{Result, anyhow};
use bytes::BytesMut;
use chrono::{DateTime, Utc};
use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};

use super::db::Db;
use crate::store::engine::{Cell, Dialect, Row, Seam, Value, Values, find_column};
use crate::time::Timestamp;

pub struct PgSeam<'d, 'a, 't> {
    db: &'d mut Db<'a, 't>,
}

impl<'d, 'a, 't> PgSeam<'d, 'a, 't> {
    pub fn new(db: &'d mut Db<'a, 't>) -> Self {
        PgSeam { db }
    }
}

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(n) if *ty == Type::INT2 => i16::try_from(*n)?.to_sql(ty, out),
            Value::Int(n) if *ty == Type::INT4 => i32::try_from(*n)?.to_sql(ty, out),
            Value::Int(n) => n.to_sql(ty, out),
            Value::Text(s) if *ty == Type::UUID => {
                out.extend_from_slice(uuid::Uuid::parse_str(s)?.as_bytes());
                Ok(IsNull::No)
            }
            Value::Text(s) => s.to_sql(ty, out),
            Value::Bool(b) => b.to_sql(ty, out),
            Value::Time(t) => t.utc().to_sql(ty, out),
            Value::Ints(ids) => ids.to_sql(ty, out),
        }
    }

    fn accepts(ty: &Type) -> bool {
        [
            Type::INT2,
            Type::INT4,
            Type::INT8,
            Type::TEXT,
            Type::VARCHAR,
            Type::BPCHAR,
            Type::NAME,
            Type::BOOL,
            Type::UUID,
            Type::TIMESTAMPTZ,
            Type::INT8_ARRAY,
        ]
        .contains(ty)
    }

    to_sql_checked!();
}

/// A row the server sent, read in place.
struct InPlace<'r> {
    row: &'r postgres::Row,
    next: std::cell::Cell<usize>,
}

impl Values for InPlace<'_> {
    fn cell(&self, column: &str) -> Result<Cell<'_>> {
        let columns = self.row.columns();
        let i = find_column(columns.len(), |i| columns[i].name(), column, &self.next)?;
        let row = self.row;
        let ty = columns[i].type_();
        let cell = if *ty == Type::INT8 {
            row.try_get::<_, Option<i64>>(i)?.map(Cell::Int)
        } else if *ty == Type::INT4 {
            row.try_get::<_, Option<i32>>(i)?
                .map(|n| Cell::Int(n.into()))
        } else if *ty == Type::INT2 {
            row.try_get::<_, Option<i16>>(i)?
                .map(|n| Cell::Int(n.into()))
        } else if *ty == Type::BOOL {
            row.try_get::<_, Option<bool>>(i)?.map(Cell::Bool)
        } else if *ty == Type::TIMESTAMPTZ {
            row.try_get::<_, Option<DateTime<Utc>>>(i)?
                .map(|t| Cell::Time(Timestamp::from_utc(t)))
        } else if *ty == Type::UUID {
            row.try_get::<_, Option<Uuid>>(i)?
                .map(|u| Cell::Text(Cow::Owned(u.0.to_string())))
        } else if [Type::TEXT, Type::VARCHAR, Type::BPCHAR, Type::NAME].contains(ty) {
            row.try_get::<_, Option<&str>>(i)?
                .map(|s| Cell::Text(Cow::Borrowed(s)))
        } else {
            return Err(anyhow!(
                "column {column} is of a type claimtrail never reads ({ty})"
            ));
        };
        Ok(cell.unwrap_or(Cell::Null))
    }
}

fn in_place(row: &postgres::Row) -> InPlace<'_> {
    InPlace {
        row,
        next: std::cell::Cell::new(0),
    }
}

/// A uuid column, read from the server's 16 bytes.
struct Uuid(uuid::Uuid);

impl<'a> FromSql<'a> for Uuid {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn Error + Sync + Send>> {
        Ok(Uuid(uuid::Uuid::from_slice(raw)?))
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::UUID
    }
}

fn params(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

impl Seam for PgSeam<'_, '_, '_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn query(&mut self, sql: &str, values: &[Value]) -> Result<Vec<Row>> {
        let sql = Dialect::Postgres.sql(sql);
        let rows = self.db.query(&sql, &params(values))?;
        let Some(first) = rows.first() else {
            return Ok(Vec::new());
        };
        let columns: Rc<[String]> = first
            .columns()
            .iter()
            .map(|c| c.name().to_owned())
            .collect();
        rows.iter()
            .map(|row| Row::copy(columns.clone(), &in_place(row)))
            .collect()
    }

    fn each(
        &mut self,
        sql: &str,
        values: &[Value],
        each: &mut dyn FnMut(&dyn Values) -> Result<()>,
    ) -> Result<()> {
        let sql = Dialect::Postgres.sql(sql);
        for row in self.db.query(&sql, &params(values))? {
            each(&in_place(&row))?;
        }
        Ok(())
    }

    fn execute(&mut self, sql: &str, values: &[Value]) -> Result<u64> {
        let sql = Dialect::Postgres.sql(sql);
        self.db.execute(&sql, &params(values))
    }

    fn insert_unless_taken(&mut self, sql: &str, values: &[Value]) -> Result<bool> {
        let sql = Dialect::Postgres.sql(sql);
        self.db.insert_unless_taken(&sql, &params(values))
    }
}
