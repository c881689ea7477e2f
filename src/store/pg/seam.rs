//! The engine's seam over a transaction on the desk server.

use std::borrow::Cow;
use std::error::Error;
use std::rc::Rc;

use anyhow::{Result, anyhow};
use bytes::{BufMut, BytesMut};
use chrono::{DateTime, Utc};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::{Format, FromSql, IsNull, ToSql, Type, to_sql_checked};

use super::wire::{Sent, Wire};
use crate::store::engine::{
    Cell, Dialect, Reading, Row, Seam, Value, Values, find_column, insert_each,
};
use crate::time::Timestamp;

pub struct PgSeam<'w> {
    wire: &'w mut Wire,
}

impl<'w> PgSeam<'w> {
    pub fn new(wire: &'w mut Wire) -> Self {
        PgSeam { wire }
    }
}

/// A statement as the server reads it.
fn sent(sql: &str, values: &[Value]) -> Sent {
    Sent {
        sql: Dialect::Postgres.sql(sql).into_owned(),
        values: values.to_vec(),
    }
}

impl Value {
    /// The value as text, as the server reads a parameter.
    fn to_text(&self, out: &mut BytesMut) -> IsNull {
        match self {
            Value::Null => return IsNull::Yes,
            Value::Int(n) => out.put_slice(n.to_string().as_bytes()),
            Value::Text(s) => out.put_slice(s.as_bytes()),
            Value::Bool(b) => out.put_slice(if *b { b"t" } else { b"f" }),
            Value::Time(t) => out.put_slice(t.to_string().as_bytes()),
            Value::Ints(ids) => {
                let listed: Vec<String> = ids.iter().map(i64::to_string).collect();
                out.put_slice(format!("{{{}}}", listed.join(",")).as_bytes());
            }
            Value::Texts(texts) => {
                out.put_u8(b'{');
                for (i, text) in texts.iter().enumerate() {
                    if i > 0 {
                        out.put_u8(b',');
                    }
                    out.put_u8(b'"');
                    for byte in text.bytes() {
                        if byte == b'"' || byte == b'\\' {
                            out.put_u8(b'\\');
                        }
                        out.put_u8(byte);
                    }
                    out.put_u8(b'"');
                }
                out.put_u8(b'}');
            }
        }
        IsNull::No
    }

    /// The value as a field of COPY's text format: `\N` for null, and the characters
    /// that end a field or a row escaped.
    fn to_copy_text(&self, out: &mut BytesMut) {
        let mut written = BytesMut::new();
        let text: &[u8] = match self {
            Value::Text(s) => s.as_bytes(),
            other => {
                if let IsNull::Yes = other.to_text(&mut written) {
                    out.put_slice(b"\\N");
                    return;
                }
                &written
            }
        };
        for &byte in text {
            match byte {
                b'\\' => out.put_slice(b"\\\\"),
                b'\t' => out.put_slice(b"\\t"),
                b'\n' => out.put_slice(b"\\n"),
                b'\r' => out.put_slice(b"\\r"),
                _ => out.put_u8(byte),
            }
        }
    }
}

/// Every value goes as text, as libpq sends it, and the server reads it as whatever type
/// the statement gives the parameter: one encoding, whether the statement was prepared or
/// sent with its types left to the server.
impl ToSql for Value {
    fn to_sql(&self, _: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        Ok(self.to_text(out))
    }

    fn encode_format(&self, _: &Type) -> Format {
        Format::Text
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// A row the server sent, read in place.
struct InPlace<'r> {
    row: &'r tokio_postgres::Row,
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

fn in_place(row: &tokio_postgres::Row) -> InPlace<'_> {
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

impl Seam for PgSeam<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn query(&mut self, sql: &str, values: &[Value]) -> Result<Vec<Row>> {
        let Sent { sql, values } = sent(sql, values);
        let (rows, _) = self.wire.query(sql, values)?;
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
        let Sent { sql, values } = sent(sql, values);
        for row in self.wire.query(sql, values)?.0 {
            each(&in_place(&row))?;
        }
        Ok(())
    }

    fn execute(&mut self, sql: &str, values: &[Value]) -> Result<u64> {
        let Sent { sql, values } = sent(sql, values);
        Ok(self.wire.query(sql, values)?.1)
    }

    fn defer(&mut self, sql: &str, values: &[Value]) -> Result<()> {
        let Sent { sql, values } = sent(sql, values);
        self.wire.hold(sql, values);
        Ok(())
    }

    fn each_of(&mut self, reads: &mut [Reading<'_>]) -> Result<()> {
        let statements = reads.iter().map(|r| sent(&r.sql, &r.params)).collect();
        let answers = self.wire.flight(statements)?;
        for (read, (rows, _)) in reads.iter_mut().zip(answers) {
            for row in rows {
                (read.each)(&in_place(&row))?;
            }
        }
        Ok(())
    }

    fn settle(&mut self) -> Result<()> {
        self.wire.flight(Vec::new()).map(drop)
    }

    /// A few rows ride with the next flight as inserts; more go as one COPY, except into
    /// the tables that keep confidential claimants from reporters by row-level security,
    /// which the server refuses COPY into: their rows all go with the next flight.
    fn copy_in(&mut self, table: &str, columns: &[&str], rows: &[Value]) -> Result<()> {
        const FEW: usize = 8;
        const ROW_SECURED: &[&str] = &["claimants", "claimant_aliases"];
        if rows.len() <= FEW * columns.len() || ROW_SECURED.contains(&table) {
            return insert_each(self, table, columns, rows);
        }
        let mut data = BytesMut::with_capacity(rows.len() * 16);
        for row in rows.chunks(columns.len()) {
            for (i, value) in row.iter().enumerate() {
                if i > 0 {
                    data.put_u8(b'\t');
                }
                value.to_copy_text(&mut data);
            }
            data.put_u8(b'\n');
        }
        let sql = format!("COPY {table} ({}) FROM STDIN", columns.join(", "));
        self.wire.copy_in(&sql, data.freeze())?;
        Ok(())
    }

    /// Not ON CONFLICT: that reads the row back, and a reporter may add a confidential
    /// claimant it cannot read. A savepoint, sent with the insert, keeps the transaction
    /// alive when the name was taken.
    fn insert_unless_taken(&mut self, sql: &str, values: &[Value]) -> Result<bool> {
        self.wire
            .hold("SAVEPOINT insert_name".to_owned(), Vec::new());
        match self.wire.flight(vec![sent(sql, values)]) {
            Ok(_) => {
                self.wire
                    .hold("RELEASE SAVEPOINT insert_name".to_owned(), Vec::new());
                Ok(true)
            }
            Err(e)
                if e.downcast_ref::<tokio_postgres::Error>()
                    .and_then(tokio_postgres::Error::code)
                    == Some(&SqlState::UNIQUE_VIOLATION) =>
            {
                self.wire
                    .hold("ROLLBACK TO SAVEPOINT insert_name".to_owned(), Vec::new());
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }
}
