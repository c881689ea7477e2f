//! How domain values are written to and read from SQLite columns. An unknown word in the
//! database is an error, never a panic.

use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::{ClaimId, ClaimantKind, EditField, OutletKind, Status};
use crate::time::Timestamp;

macro_rules! stored_as_word {
    ($($ty:ty),+) => {$(
        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $ty {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                <$ty>::from_str(value.as_str()?).map_err(|e| FromSqlError::Other(e.into()))
            }
        }
    )+};
}

stored_as_word!(Status, ClaimantKind, OutletKind, EditField);

impl ToSql for ClaimId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        self.0.to_sql()
    }
}

impl FromSql for ClaimId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(value).map(ClaimId)
    }
}

impl ToSql for Timestamp {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Timestamp {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Timestamp::parse_stored(value.as_str()?).map_err(|e| FromSqlError::Other(e.into()))
    }
}

/// Reads a count, which SQLite hands back as a signed integer.
pub fn count(row: &rusqlite::Row, index: usize) -> rusqlite::Result<u64> {
    let n: i64 = row.get(index)?;
    Ok(n.max(0) as u64)
}
