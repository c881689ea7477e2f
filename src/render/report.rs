//! The per-source report as tables, JSON or CSV.

use std::io::{self, Write};

use super::claims::{STALE, status_tone};
use super::{Format, Style};
use super::{Grid, Tone, numeric, or_dash, table, write_csv, write_json, write_table};
use crate::model::Status;
use crate::report::{Report, ReportRow};
use crate::time::{Timestamp, format_age};

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
            for (group, group_rows) in groups {
                let Some(group_rows) = group_rows else {
                    continue;
                };
                if !first {
                    writeln!(out)?;
                }
                first = false;
                let title = if group == "claimant" {
                    "Claimants"
                } else {
                    "Outlets"
                };
                writeln!(out, "{title}")?;
                if group_rows.is_empty() {
                    writeln!(out, "  no claims yet")?;
                } else {
                    write_table(out, &group_table(group, group_rows, now), style)?;
                }
            }
            writeln!(out)?;
            writeln!(out, "{LEGEND}")
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

const LEGEND: &str = "\
open: unv unverified, cor corroborated, dis disputed; settled: ver verified, fal false,
ret retracted. %ver and %fal: shares of settled claims verified, and false or retracted.";

fn group_table(group: &str, rows: &[ReportRow], now: Timestamp) -> Grid {
    let mut header = vec![group, "claims"];
    header.extend(COLUMNS.iter().map(|(_, heading)| *heading));
    header.extend(["%ver", "%fal", "oldest open"]);
    let mut t = table(&header);
    for row in rows {
        let mut cells = vec![row.name.clone(), row.claims.to_string()];
        cells.extend(COLUMNS.iter().map(|(s, _)| row.by_status[s].to_string()));
        cells.push(or_dash(row.verified_share.map(percent)));
        cells.push(or_dash(row.false_share.map(percent)));
        cells.push(or_dash(
            row.oldest_open_at.map(|t| format_age(t.age_at(now))),
        ));
        t.add_row(cells);
        for (i, (status, _)) in COLUMNS.iter().enumerate() {
            if row.by_status[status] > 0 {
                t.tone(2 + i, status_tone(*status));
            }
        }
        if row.oldest_open_at.is_some_and(|t| t.age_at(now) > STALE) {
            t.tone(header.len() - 1, Tone::Stale);
        }
    }
    numeric(&mut t, &(1..header.len()).collect::<Vec<_>>());
    t
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn csv_header() -> Vec<String> {
    let mut header = vec!["group".to_owned(), "name".to_owned(), "claims".to_owned()];
    header.extend(Status::ALL.iter().map(|s| s.to_string()));
    header.extend(["verified_share", "false_share", "oldest_open_at"].map(String::from));
    header
}

fn csv_row(group: &str, row: &ReportRow) -> Vec<String> {
    let mut cells = vec![group.to_owned(), row.name.clone(), row.claims.to_string()];
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
