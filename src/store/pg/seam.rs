//! The engine's seam over a transaction on the desk server.

use std::error::Error;
use std::rc::Rc;

use anyhow::{Result, anyhow};
use bytes::BytesMut;
use chrono::{DateTime, Utc};
use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};

use super::db::Db;
use crate::store::engine::{Dialect, Row, Seam, Value};
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

fn value(row: &postgres::Row, i: usize) -> Result<Value> {
    let column = &row.columns()[i];
    let ty = column.type_();
    let value = if *ty == Type::INT8 {
        row.try_get::<_, Option<i64>>(i)?.map(Value::Int)
    } else if *ty == Type::INT4 {
        row.try_get::<_, Option<i32>>(i)?
            .map(|n| Value::Int(n.into()))
    } else if *ty == Type::INT2 {
        row.try_get::<_, Option<i16>>(i)?
            .map(|n| Value::Int(n.into()))
    } else if *ty == Type::BOOL {
        row.try_get::<_, Option<bool>>(i)?.map(Value::Bool)
    } else if *ty == Type::TIMESTAMPTZ {
        row.try_get::<_, Option<DateTime<Utc>>>(i)?
            .map(|t| Value::Text(Timestamp::from_utc(t).to_string()))
    } else if *ty == Type::UUID {
        row.try_get::<_, Option<Uuid>>(i)?
            .map(|u| Value::Text(u.0.to_string()))
    } else if [Type::TEXT, Type::VARCHAR, Type::BPCHAR, Type::NAME].contains(ty) {
        row.try_get::<_, Option<String>>(i)?.map(Value::Text)
    } else {
        return Err(anyhow!(
            "column {} is of a type claimtrail never reads ({ty})",
            column.name()
        ));
    };
    Ok(value.unwrap_or(Value::Null))
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
            .map(|row| {
                let values = (0..columns.len())
                    .map(|i| value(row, i))
                    .collect::<Result<_>>()?;
                Ok(Row::new(columns.clone(), values))
            })
            .collect()
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
