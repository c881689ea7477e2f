//! Turning computed results into what users read: tables for people, JSON and CSV for
//! machines. Nothing here queries the ledger, and machine formats carry no styling.

pub mod claims;
pub mod extract;
mod grid;
pub mod html;
pub mod progress;
pub mod report;
pub mod sources;
pub mod stories;

use std::io::{self, Write};

use serde::Serialize;

pub use grid::{
    Grid, Place, fixed, main_column, numeric, ruled_table, side_column, table, wrap, write_table,
};

/// What a renderer writes: a table for people, or JSON or CSV for machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// How text for people is styled, decided by the caller for the place it goes (a terminal,
/// a pipe, a file), never by a look at the process's own output. JSON and CSV ignore it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Colour and weight as ANSI escapes.
    pub colour: bool,
    /// The width tables and prose fit; `None` keeps every row of a table, and every
    /// paragraph, on one line.
    pub width: Option<u16>,
}

impl Style {
    /// `text` in `tone` when this style has colour, as it is otherwise.
    pub fn paint(&self, text: &str, tone: Tone) -> String {
        if self.colour {
            tone.paint(text)
        } else {
            text.to_owned()
        }
    }
}

/// What a styled cell says: a claim still open, settled either way, or grown old.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Unverified: needs work.
    Open,
    /// Corroborated: half way.
    Corroborated,
    /// Disputed: a credible source says otherwise.
    Disputed,
    Verified,
    /// False or retracted.
    Refuted,
    /// Waiting too long.
    Stale,
}

impl Tone {
    /// Open statuses stand out in bold; settled ones are plain colour, so the three kinds of
    /// open and the two of settled differ in weight as well as hue.
    fn ansi(self) -> &'static str {
        match self {
            Tone::Open => "\x1b[1;33m",
            Tone::Corroborated => "\x1b[1;36m",
            Tone::Disputed => "\x1b[1;35m",
            Tone::Verified => "\x1b[32m",
            Tone::Refuted => "\x1b[31m",
            Tone::Stale => "\x1b[1;31m",
        }
    }

    /// The text wrapped in this tone's escape codes.
    fn paint(self, text: &str) -> String {
        format!("{}{text}\x1b[0m", self.ansi())
    }
}

pub fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// Writes CSV rows, the first row the header, each cell safe to open in a spreadsheet.
pub fn write_csv(out: &mut dyn Write, rows: &[Vec<String>]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    for row in rows {
        let cells = row
            .iter()
            .map(|cell| crate::exchange::cell::to_sheet(cell).into_owned());
        writer.write_record(cells).map_err(csv_to_io)?;
    }
    writer.flush()
}

fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// At most `max` characters, an ellipsis marking any cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Writes prose (a legend, a note) as paragraphs wrapped to the style's width, each on one
/// line when there is none.
pub fn write_prose(
    out: &mut dyn Write,
    text: &str,
    style: &Style,
    indent: usize,
) -> io::Result<()> {
    let pad = " ".repeat(indent);
    for paragraph in text.split('\n') {
        match style.width {
            Some(width) => {
                for line in wrap(paragraph, usize::from(width).saturating_sub(indent)) {
                    writeln!(out, "{pad}{line}")?;
                }
            }
            None => writeln!(out, "{pad}{paragraph}")?,
        }
    }
    Ok(())
}

/// "–" for a missing value in a table.
pub fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "–".to_owned())
}
