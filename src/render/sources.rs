//! Claimants and outlets with their counts.

use std::io::{self, Write};

use serde::Serialize;

use super::{Format, Style};
use super::{fixed, numeric, or_dash, table, write_csv, write_json, write_table};
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
            let graded = rows.iter().any(|r| r.claimant.reliability.is_some());
            let mut header = vec!["claimant", "role", "affiliation", "kind"];
            if graded {
                header.push("grade");
            }
            header.extend(["claims", "open", "aliases"]);
            let mut t = table(&header);
            for r in rows {
                let kind = if r.claimant.confidential {
                    format!("{}, confidential", r.claimant.kind)
                } else {
                    r.claimant.kind.to_string()
                };
                let mut cells = vec![
                    r.claimant.name.clone(),
                    or_dash(r.claimant.role.clone()),
                    or_dash(r.claimant.affiliation.clone()),
                    kind,
                ];
                if graded {
                    cells.push(or_dash(r.claimant.reliability.map(|g| g.to_string())));
                }
                cells.extend([
                    r.claims.to_string(),
                    r.open.to_string(),
                    r.aliases.join(", "),
                ]);
                t.add_row(cells);
            }
            let counts = header.len() - 3;
            numeric(&mut t, &[counts, counts + 1]);
            fixed(&mut t, &(3..counts).collect::<Vec<_>>());
            write_table(out, &t, style)
        }
    }
}

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
