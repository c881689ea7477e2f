//! Claimants and outlets with their counts.

use std::io::{self, Write};

use serde::Serialize;

use super::{Format, Style};
use super::{
    Grid, Place, fixed, numeric, or_dash, ruled_table, side_column, table, write_csv, write_json,
    write_table,
};
use crate::model::{ClaimantSummary, OutletSummary, Reliability};

#[derive(Serialize)]
struct ClaimantJson<'a> {
    name: &'a str,
    role: Option<&'a str>,
    affiliation: Option<&'a str>,
    kind: &'static str,
    confidential: bool,
    reliability: Option<Reliability>,
    aliases: &'a [String],
    claims: u64,
    open: u64,
}

#[derive(Serialize)]
struct OutletJson<'a> {
    name: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    claims: u64,
    open: u64,
}

pub fn claimants(
    out: &mut dyn Write,
    rows: &[ClaimantSummary],
    format: Format,
    style: &Style,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let json: Vec<ClaimantJson> = rows
                .iter()
                .map(|r| ClaimantJson {
                    name: &r.claimant.name,
                    role: r.claimant.role.as_deref(),
                    affiliation: r.claimant.affiliation.as_deref(),
                    kind: r.claimant.kind.as_str(),
                    confidential: r.claimant.confidential,
                    reliability: r.claimant.reliability,
                    aliases: &r.aliases,
                    claims: r.claims,
                    open: r.open,
                })
                .collect();
            write_json(out, &json)
        }
        Format::Csv => {
            let header = [
                "name",
                "role",
                "affiliation",
                "kind",
                "confidential",
                "reliability",
                "aliases",
                "claims",
                "open",
            ];
            let mut csv = vec![header.map(String::from).to_vec()];
            for r in rows {
                csv.push(vec![
                    r.claimant.name.clone(),
                    r.claimant.role.clone().unwrap_or_default(),
                    r.claimant.affiliation.clone().unwrap_or_default(),
                    r.claimant.kind.to_string(),
                    r.claimant.confidential.to_string(),
                    r.claimant
                        .reliability
                        .map(|g| g.to_string())
                        .unwrap_or_default(),
                    r.aliases.join("; "),
                    r.claims.to_string(),
                    r.open.to_string(),
                ]);
            }
            write_csv(out, &csv)
        }
        Format::Table => {
            if rows.is_empty() {
                return writeln!(out, "No claimants yet.");
            }
            // Role and affiliation in columns of their own when every row fits on a line;
            // else together, beside the rest or under it.
            let full = claimants_grid(rows, false);
            let grid = match style.width {
                Some(width) if full.natural_width() > usize::from(width) => {
                    claimants_grid(rows, true)
                }
                _ => full,
            };
            write_table(out, &grid, style)
        }
    }
}

fn claimants_grid(rows: &[ClaimantSummary], compact: bool) -> Grid {
    let graded = rows.iter().any(|r| r.claimant.reliability.is_some());
    let mut header = vec!["claimant"];
    if !compact {
        header.extend(["role", "affiliation"]);
    }
    header.push("kind");
    if graded {
        header.push("grade");
    }
    header.extend(["claims", "open", "aliases"]);
    if compact {
        header.push("role, affiliation");
    }
    let mut t = ruled_table(&header);
    for r in rows {
        let kind = if r.claimant.confidential {
            format!("{}, confidential", r.claimant.kind)
        } else {
            r.claimant.kind.to_string()
        };
        let mut cells = vec![r.claimant.name.clone()];
        if !compact {
            cells.push(or_dash(r.claimant.role.clone()));
            cells.push(or_dash(r.claimant.affiliation.clone()));
        }
        cells.push(kind);
        if graded {
            cells.push(or_dash(r.claimant.reliability.map(|g| g.to_string())));
        }
        cells.extend([
            r.claims.to_string(),
            r.open.to_string(),
            r.aliases.join(", "),
        ]);
        if compact {
            let about: Vec<&str> = [&r.claimant.role, &r.claimant.affiliation]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            cells.push(if about.is_empty() {
                "–".to_owned()
            } else {
                about.join(", ")
            });
        }
        t.add_row(cells);
    }
    let kind = if compact { 1 } else { 3 };
    let counts = kind + 1 + usize::from(graded);
    numeric(&mut t, &[counts, counts + 1]);
    if graded {
        fixed(&mut t, &[kind + 1]);
    }
    if compact {
        side_column(&mut t, header.len() - 1, ABOUT_WIDTH, Place::Below);
    } else {
        fixed(&mut t, &[kind]);
    }
    t
}

/// A claimant's role and affiliation keep this much of the width beside the rest of the
/// row, or go under it.
const ABOUT_WIDTH: usize = 24;

pub fn outlets(
    out: &mut dyn Write,
    rows: &[OutletSummary],
    format: Format,
    style: &Style,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let json: Vec<OutletJson> = rows
                .iter()
                .map(|r| OutletJson {
                    name: &r.outlet.name,
                    kind: r.kind.as_str(),
                    aliases: &r.aliases,
                    claims: r.claims,
                    open: r.open,
                })
                .collect();
            write_json(out, &json)
        }
        Format::Csv => {
            let header = ["name", "kind", "aliases", "claims", "open"];
            let mut csv = vec![header.map(String::from).to_vec()];
            for r in rows {
                csv.push(vec![
                    r.outlet.name.clone(),
                    r.kind.to_string(),
                    r.aliases.join("; "),
                    r.claims.to_string(),
                    r.open.to_string(),
                ]);
            }
            write_csv(out, &csv)
        }
        Format::Table => {
            if rows.is_empty() {
                return writeln!(
                    out,
                    "No outlets have relayed a claim yet (--all lists the known ones)."
                );
            }
            let mut t = table(&["outlet", "kind", "claims", "open", "aliases"]);
            for r in rows {
                t.add_row(vec![
                    r.outlet.name.clone(),
                    r.kind.to_string(),
                    r.claims.to_string(),
                    r.open.to_string(),
                    r.aliases.join(", "),
                ]);
            }
            numeric(&mut t, &[2, 3]);
            fixed(&mut t, &[1]);
            write_table(out, &t, style)
        }
    }
}
