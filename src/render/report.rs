//! The per-source report as tables, JSON or CSV.

use std::io::{self, Write};

use super::claims::{STALE, status_tone};
use super::{Format, Style};
use super::{
    Grid, Place, Tone, main_column, numeric, or_dash, table, write_csv, write_json, write_prose,
    write_table,
};
use crate::model::Status;
use crate::report::{Report, ReportRow};
use crate::time::{Timestamp, format_age, format_age_short};

pub fn report(
    out: &mut dyn Write,
    report: &Report,
    format: Format,
    now: Timestamp,
    style: &Style,
) -> io::Result<()> {
    let groups = [("claimant", &report.claimants), ("outlet", &report.outlets)];
    match format {
        Format::Json => write_json(out, report),
        Format::Csv => {
            let mut rows = vec![csv_header()];
            for (group, group_rows) in groups {
                for row in group_rows.iter().flatten() {
                    rows.push(csv_row(group, row));
                }
            }
            write_csv(out, &rows)
        }
        Format::Table => {
            let mut first = true;
            // Ages to their largest unit and shorter headings, in both tables alike, when
            // either would not otherwise fit.
            let mut grids: Vec<Option<Grid>> = groups
                .iter()
                .map(|(group, rows)| rows.as_ref().map(|rows| group_table(group, rows, now)))
                .collect();
            let compact = style.width.is_some_and(|width| {
                grids
                    .iter()
                    .flatten()
                    .any(|t| t.natural_width() > usize::from(width))
            });
            for ((group, group_rows), grid) in groups.iter().zip(grids.iter_mut()) {
                let (Some(group_rows), Some(grid)) = (group_rows, grid) else {
                    continue;
                };
                if !first {
                    writeln!(out)?;
                }
                first = false;
                let title = if *group == "claimant" {
                    "Claimants"
                } else {
                    "Outlets"
                };
                writeln!(out, "{title}")?;
                if group_rows.is_empty() {
                    writeln!(out, "  no claims yet")?;
                } else {
                    if compact {
                        compact_table(grid, group_rows, now);
                    }
                    write_table(out, grid, style)?;
                }
            }
            writeln!(out)?;
            let graded = report
                .claimants
                .iter()
                .flatten()
                .any(|r| r.reliability.is_some());
            match (compact, graded) {
                (false, _) => write_prose(out, LEGEND, style, 0)?,
                (true, false) => {
                    write_prose(out, &format!("all: claims in all. {LEGEND}"), style, 0)?
                }
                (true, true) => write_prose(
                    out,
                    &format!("all: claims in all; gr: grade. {LEGEND}"),
                    style,
                    0,
                )?,
            }
            if graded {
                write_prose(out, GRADE_LEGEND, style, 0)?;
            }
            Ok(())
        }
    }
}

/// Open statuses first, then settled ones, each under a short heading.
const COLUMNS: [(Status, &str); 6] = [
    (Status::Unverified, "unv"),
    (Status::Corroborated, "cor"),
    (Status::Disputed, "dis"),
    (Status::Verified, "ver"),
    (Status::False, "fal"),
    (Status::Retracted, "ret"),
];

/// Prose, wrapped to the width when written.
const LEGEND: &str = "open: unv unverified, cor corroborated, dis disputed; settled: ver verified, \
fal false, ret retracted. %ver and %fal: shares of settled claims verified, and false or retracted.";

const GRADE_LEGEND: &str = "grade: how reliable an editor judged the source, from A completely \
reliable to E unreliable; F cannot be judged.";

/// The names a table is read for keep this much of the width, or go above their figures.
const NAME_WIDTH: usize = 16;

fn group_table(group: &str, rows: &[ReportRow], now: Timestamp) -> Grid {
    let graded = rows.iter().any(|r| r.reliability.is_some());
    let mut header = vec![group];
    if graded {
        header.push("grade");
    }
    header.push("claims");
    header.extend(COLUMNS.iter().map(|(_, heading)| *heading));
    header.extend(["%ver", "%fal", "oldest open"]);
    let mut t = table(&header);
    for row in rows {
        let mut cells = vec![row.name.clone()];
        if graded {
            cells.push(or_dash(row.reliability.map(|r| r.to_string())));
        }
        cells.push(row.claims.to_string());
        cells.extend(COLUMNS.iter().map(|(s, _)| row.by_status[s].to_string()));
        cells.push(or_dash(row.verified_share.map(percent)));
        cells.push(or_dash(row.false_share.map(percent)));
        cells.push(or_dash(
            row.oldest_open_at.map(|t| format_age(t.age_at(now))),
        ));
        t.add_row(cells);
        let first_status = header.len() - COLUMNS.len() - 3;
        for (i, (status, _)) in COLUMNS.iter().enumerate() {
            if row.by_status[status] > 0 {
                t.tone(first_status + i, status_tone(*status));
            }
        }
        if row.oldest_open_at.is_some_and(|t| t.age_at(now) > STALE) {
            t.tone(header.len() - 1, Tone::Stale);
        }
    }
    let first_number = if graded { 2 } else { 1 };
    numeric(&mut t, &(first_number..header.len()).collect::<Vec<_>>());
    main_column(&mut t, 0, NAME_WIDTH, Place::Above);
    t
}

/// A table of `group_table` with shorter headings and ages to their largest unit.
fn compact_table(t: &mut Grid, rows: &[ReportRow], now: Timestamp) {
    t.retitle("grade", "gr");
    t.retitle("claims", "all");
    if let Some(age) = t.column("oldest open") {
        for (r, row) in rows.iter().enumerate() {
            let short = or_dash(row.oldest_open_at.map(|t| format_age_short(t.age_at(now))));
            t.set_cell(r, age, short);
        }
    }
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn csv_header() -> Vec<String> {
    let mut header = ["group", "name", "reliability", "claims"]
        .map(String::from)
        .to_vec();
    header.extend(Status::ALL.iter().map(|s| s.to_string()));
    header.extend(["verified_share", "false_share", "oldest_open_at"].map(String::from));
    header
}

fn csv_row(group: &str, row: &ReportRow) -> Vec<String> {
    let mut cells = vec![
        group.to_owned(),
        row.name.clone(),
        row.reliability.map(|r| r.to_string()).unwrap_or_default(),
        row.claims.to_string(),
    ];
    cells.extend(Status::ALL.iter().map(|s| row.by_status[s].to_string()));
    cells.push(
        row.verified_share
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    cells.push(row.false_share.map(|s| s.to_string()).unwrap_or_default());
    cells.push(
        row.oldest_open_at
            .map(|t| t.to_string())
            .unwrap_or_default(),
    );
    cells
}
