//! Reading the server's rows into claimtrail's types, and numbering the parameters of a
//! query built piece by piece.

use std::str::FromStr;

use anyhow::{Result, anyhow};
use chrono::{DateTime, Utc};
use postgres::Row;
use postgres::types::ToSql;

use crate::model::{Claimant, Visibility};
use crate::time::Timestamp;

/// A column holding one of claimtrail's words (a status, a kind, a field).
pub fn word<T: FromStr<Err = String>>(row: &Row, i: usize) -> Result<T> {
    let text: String = row.try_get(i)?;
    text.parse().map_err(|e: String| anyhow!(e))
}

pub fn time(row: &Row, i: usize) -> Result<Timestamp> {
    Ok(Timestamp::from_utc(row.try_get::<_, DateTime<Utc>>(i)?))
}

pub fn time_opt(row: &Row, i: usize) -> Result<Option<Timestamp>> {
    Ok(row
        .try_get::<_, Option<DateTime<Utc>>>(i)?
        .map(Timestamp::from_utc))
}

/// A count, which the server gives as a bigint.
pub fn count(row: &Row, i: usize) -> Result<u64> {
    Ok(row.try_get::<_, Option<i64>>(i)?.unwrap_or(0).max(0) as u64)
}

/// Reads id, name, role, affiliation, kind, confidential from `first` on, hiding the name
/// of a confidential claimant unless revealed.
pub fn claimant(row: &Row, first: usize, visibility: Visibility) -> Result<Claimant> {
    let id: i64 = row.try_get(first)?;
    let confidential: bool = row.try_get(first + 5)?;
    let name = if confidential && visibility == Visibility::Redacted {
        Claimant::placeholder(id)
    } else {
        row.try_get(first + 1)?
    };
    Ok(Claimant {
        id,
        name,
        role: row.try_get(first + 2)?,
        affiliation: row.try_get(first + 3)?,
        kind: word(row, first + 4)?,
        confidential,
    })
}

/// The columns `claimant` reads, from the view that names a confidential claimant only
/// to an editor.
pub const CLAIMANT_COLUMNS: &str = "id, name, role, affiliation, kind, confidential";

/// A time as the text claimtrail writes, for a column compared with text.
pub fn as_text(sql_time: &str) -> String {
    format!("to_char({sql_time} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
}

/// Parameters for a query assembled from parts: each `push` gives its `$n`.
#[derive(Default)]
pub struct Params {
    values: Vec<Box<dyn ToSql + Sync>>,
}

impl Params {
    pub fn push(&mut self, value: impl ToSql + Sync + 'static) -> String {
        self.values.push(Box::new(value));
        format!("${}", self.values.len())
    }

    pub fn refs(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.values
            .iter()
            .map(|v| v.as_ref() as &(dyn ToSql + Sync))
            .collect()
    }
}
