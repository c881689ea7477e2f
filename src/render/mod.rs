//! Turning computed results into what users read: tables for people, JSON and CSV for
//! machines. Nothing here queries the ledger, and machine formats carry no styling.

pub mod claims;
pub mod extract;
pub mod html;
pub mod progress;
pub mod report;
pub mod sources;
pub mod stories;

use std::io::{self, Write};

use comfy_table::{
    CellAlignment, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle, Width,
};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

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
    /// The width tables fit; `None` keeps every row of a table on one line.
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

/// A rule under the header and nothing else: for rows that fit on one line.
const PLAIN: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('─'));

/// A faint rule between rows too: for rows whose text may wrap over several lines.
const RULED: TableStyle = PLAIN.row_separator(LineStyle::none().fill('┈'));

/// A table that fits the terminal (or `$COLUMNS`), and runs free when piped.
pub fn table(header: &[&str]) -> Grid {
    Grid::new(header, PLAIN)
}

/// Like `table`, with rules between rows.
pub fn ruled_table(header: &[&str]) -> Grid {
    Grid::new(header, RULED)
}

/// The cells of a table and how its columns behave. Laid out by comfy-table when it has a
/// width to fit; laid out directly when piped with none, since a report of thousands of
/// sources would otherwise spend more time in layout than in the database.
pub struct Grid {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// For each row, the (column, tone) of the cells to colour when colour is on.
    tones: Vec<Vec<(usize, Tone)>>,
    style: TableStyle,
    right: Vec<usize>,
    fixed: Vec<usize>,
    capped: Vec<(usize, u16)>,
}

impl Grid {
    fn new(header: &[&str], style: TableStyle) -> Grid {
        Grid {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            tones: Vec::new(),
            style,
            right: Vec::new(),
            fixed: Vec::new(),
            capped: Vec::new(),
        }
    }

    pub fn add_row(&mut self, cells: Vec<String>) -> &mut Self {
        self.rows.push(cells);
        self.tones.push(Vec::new());
        self
    }

    /// Colours a cell of the row added last, when colour is on.
    pub fn tone(&mut self, column: usize, tone: Tone) -> &mut Self {
        if let Some(row) = self.tones.last_mut() {
            row.push((column, tone));
        }
        self
    }

    fn tone_of(&self, row: usize, column: usize, style: &Style) -> Option<Tone> {
        if !style.colour {
            return None;
        }
        self.tones
            .get(row)?
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, t)| *t)
    }

    fn comfy(&self, style: &Style) -> Table {
        let mut table = Table::new();
        table
            .force_no_tty()
            .load_style(self.style)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(self.header.clone());
        if let Some(width) = style.width {
            table.set_width(width);
        }
        // Cells are painted before layout; comfy-table measures them without the escapes.
        for (r, row) in self.rows.iter().enumerate() {
            let cells = row
                .iter()
                .enumerate()
                .map(|(c, text)| match self.tone_of(r, c, style) {
                    Some(tone) => tone.paint(text),
                    None => text.clone(),
                });
            table.add_row(cells.collect::<Vec<_>>());
        }
        for &i in &self.right {
            if let Some(column) = table.column_mut(i) {
                column.set_cell_alignment(CellAlignment::Right);
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        for &i in &self.fixed {
            if let Some(column) = table.column_mut(i) {
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        for &(i, percent) in &self.capped {
            if let Some(column) = table.column_mut(i) {
                column.set_constraint(ColumnConstraint::UpperBoundary(Width::Percentage(percent)));
            }
        }
        table
    }
}

/// Short columns (ids, counts, ages) keep their width, right-aligned, so that the space
/// goes to the text.
pub fn numeric(grid: &mut Grid, columns: &[usize]) {
    grid.right.extend_from_slice(columns);
}

/// Short words (statuses, kinds) keep their width.
pub fn fixed(grid: &mut Grid, columns: &[usize]) {
    grid.fixed.extend_from_slice(columns);
}

/// Names and chains may take at most this share of the width before wrapping.
pub fn capped(grid: &mut Grid, columns: &[usize], percent: u16) {
    grid.capped.extend(columns.iter().map(|&i| (i, percent)));
}

/// Writes a table to fit the style's width; with none, every row stays on one line and rules
/// between rows, which would only get in the way of grep, are left out.
pub fn write_table(out: &mut dyn Write, grid: &Grid, style: &Style) -> io::Result<()> {
    let one_line = grid.rows.iter().flatten().all(|cell| !cell.contains('\n'));
    if style.width.is_none() && one_line {
        return write_plain(out, grid, style);
    }
    let mut table = grid.comfy(style);
    if style.width.is_none() {
        table
            .set_content_arrangement(ContentArrangement::Disabled)
            .load_style(PLAIN);
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The layout comfy-table gives the plain style, computed directly: a space either side of
/// every cell, a rule under the header.
fn write_plain(out: &mut dyn Write, grid: &Grid, style: &Style) -> io::Result<()> {
    let mut widths: Vec<usize> = grid.header.iter().map(|h| h.width()).collect();
    for row in &grid.rows {
        for (i, cell) in row.iter().enumerate() {
            if i >= widths.len() {
                widths.push(0);
            }
            widths[i] = widths[i].max(cell.width());
        }
    }
    let mut line = String::new();
    let mut write_line =
        |out: &mut dyn Write, row: Option<usize>, cells: &[String]| -> io::Result<()> {
            line.clear();
            for (i, width) in widths.iter().enumerate() {
                let cell = cells.get(i).map_or("", String::as_str);
                let pad = width - cell.width();
                let tone = row.and_then(|r| grid.tone_of(r, i, style));
                let styled = |line: &mut String| match tone {
                    Some(tone) => line.push_str(&tone.paint(cell)),
                    None => line.push_str(cell),
                };
                line.push(' ');
                if grid.right.contains(&i) {
                    line.extend(std::iter::repeat_n(' ', pad));
                    styled(&mut line);
                } else {
                    styled(&mut line);
                    line.extend(std::iter::repeat_n(' ', pad));
                }
                line.push(' ');
            }
            writeln!(out, "{}", line.trim_end())
        };
    write_line(out, None, &grid.header)?;
    let total: usize = widths.iter().map(|w| w + 2).sum();
    writeln!(out, "{}", "─".repeat(total))?;
    for (r, row) in grid.rows.iter().enumerate() {
        write_line(out, Some(r), row)?;
    }
    Ok(())
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

/// "–" for a missing value in a table.
pub fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "–".to_owned())
}
