//! Turning computed results into what users read: tables for people, JSON and CSV for
//! machines. Nothing here queries the ledger, and machine formats carry no styling.

pub mod claims;
pub mod progress;
pub mod report;
pub mod sources;

use std::io::{self, IsTerminal, Write};

use comfy_table::{
    CellAlignment, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle, Width,
};
use serde::Serialize;

/// A rule under the header and nothing else: for rows that fit on one line.
const PLAIN: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─'));

/// A faint rule between rows too: for rows whose text may wrap over several lines.
const RULED: TableStyle = PLAIN.row_separator(LineStyle::none().fill('┈'));

/// A table that fits the terminal (or `$COLUMNS`), and runs free when piped.
pub fn table(header: &[&str]) -> Table {
    styled_table(header, PLAIN)
}

/// Like `table`, with rules between rows.
pub fn ruled_table(header: &[&str]) -> Table {
    styled_table(header, RULED)
}

fn styled_table(header: &[&str], style: TableStyle) -> Table {
    let mut table = Table::new();
    table
        .load_style(style)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok());
    match columns {
        Some(width) => {
            table.set_width(width);
        }
        // Piped with no width to fit: every row stays on one line, so rules between rows
        // would only get in the way of grep and friends.
        None if !io::stdout().is_terminal() => {
            table
                .set_content_arrangement(ContentArrangement::Disabled)
                .load_style(PLAIN);
        }
        None => {}
    }
    table
}

/// Short columns (ids, counts, ages) keep their width, right-aligned, so that the space
/// goes to the text.
pub fn numeric(table: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// Short words (statuses, kinds) keep their width.
pub fn fixed(table: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// Names and chains may take at most this share of the width before wrapping.
pub fn capped(table: &mut Table, columns: &[usize], percent: u16) {
    for &i in columns {
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(ColumnConstraint::UpperBoundary(Width::Percentage(percent)));
        }
    }
}

/// Writes a table without the padding comfy-table leaves at the ends of lines.
pub fn write_table(out: &mut dyn Write, table: &Table) -> io::Result<()> {
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

pub fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// Writes CSV rows; the first row is the header.
pub fn write_csv(out: &mut dyn Write, rows: &[Vec<String>]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    for row in rows {
        writer.write_record(row).map_err(csv_to_io)?;
    }
    writer.flush()
}

fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// "–" for a missing value in a table.
pub fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "–".to_owned())
}
