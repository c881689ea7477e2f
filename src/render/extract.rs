//! Proposals from `extract`: a table to read before logging, and one at a time for
//! `--interactive`.

use std::io::{self, Write};

use super::Style;
use super::claims::chain_of;
use super::claims::half;
use super::{Place, fixed, main_column, numeric, ruled_table, write_table};
use crate::extract::{Proposal, ProposedAttribution, Reading};

pub fn table(out: &mut dyn Write, proposals: &[Proposal], style: &Style) -> io::Result<()> {
    if proposals.is_empty() {
        return writeln!(out, "no attributed claims found");
    }
    let mut grid = ruled_table(&["#", "claimant", "via", "claim"]);
    for (i, p) in proposals.iter().enumerate() {
        let a = &p.attributions[0];
        grid.add_row(vec![
            (i + 1).to_string(),
            claimant(a, p.anonymous),
            via(a),
            with_circumstances(p),
        ]);
    }
    numeric(&mut grid, &[0]);
    fixed(&mut grid, &[0]);
    if let Some(width) = style.width {
        main_column(&mut grid, 3, half(width), Place::Below);
    }
    write_table(out, &grid, style)?;
    let unnamed = proposals.iter().filter(|p| p.anonymous).count();
    let summary = format!(
        "{} proposed, {unnamed} of them from unnamed or vague sources; nothing logged (--add logs them)",
        count(proposals.len())
    );
    super::write_prose(out, &summary, style, 0)
}

/// One proposal, for the reporter to accept, edit or skip.
pub fn one(
    out: &mut dyn Write,
    n: usize,
    of: usize,
    p: &Proposal,
    style: &Style,
) -> io::Result<()> {
    let a = &p.attributions[0];
    writeln!(out)?;
    writeln!(
        out,
        "[{n}/{of}] {} via {}",
        claimant(a, p.anonymous),
        via(a)
    )?;
    super::write_prose(out, &p.text, style, 2)?;
    if let Some(medium) = &a.medium {
        writeln!(out, "  medium: {medium}")?;
    }
    if !p.doubt.is_empty() {
        writeln!(out, "  doubt: {}", p.doubt.join("; "))?;
    }
    Ok(())
}

/// The claim, then how it came and the doubts about it on a line of their own.
fn with_circumstances(p: &Proposal) -> String {
    let medium = p.attributions[0].medium.iter().map(String::as_str);
    let how: Vec<&str> = medium.chain(p.doubt.iter().map(String::as_str)).collect();
    if how.is_empty() {
        p.text.clone()
    } else {
        format!("{}\n[{}]", p.text, how.join("; "))
    }
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 claim".into()
    } else {
        format!("{n} claims")
    }
}

/// "Jabbar Yawar (spokesmen, the fighters ...)", "one official (unnamed)".
fn claimant(a: &ProposedAttribution, anonymous: bool) -> String {
    let about: Vec<&str> = [a.role.as_deref(), a.affiliation.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    match (anonymous, about.is_empty()) {
        (true, _) => format!("{} (unnamed)", a.claimant),
        (false, true) => a.claimant.clone(),
        (false, false) => format!("{} ({})", a.claimant, about.join(", ")),
    }
}

fn via(a: &ProposedAttribution) -> String {
    chain_of(a.via.iter().map(String::as_str), " → ")
}

/// Each proposal with how it was read: the rules, then the words of the copy each part
/// came from, for tracing a wrong one to its rule.
pub fn explained(out: &mut dyn Write, proposals: &[Proposal], style: &Style) -> io::Result<()> {
    if proposals.is_empty() {
        return writeln!(out, "no attributed claims found");
    }
    let width = usize::from(style.width.unwrap_or(u16::MAX)).max(40);
    for (i, p) in proposals.iter().enumerate() {
        let a = &p.attributions[0];
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}. {} via {}",
            i + 1,
            claimant(a, p.anonymous),
            via(a)
        )?;
        let mut field = |name: &str, text: &str| -> io::Result<()> {
            for (n, line) in super::wrap(text, width - FIELD).iter().enumerate() {
                let label = if n == 0 { name } else { "" };
                writeln!(out, "   {label:<w$}{line}", w = FIELD - 3)?;
            }
            Ok(())
        };
        field("claim", &p.text)?;
        for rule in &p.rules {
            field("rule", &format!("{}: {}", rule.id(), rule.describe()))?;
        }
        let Reading {
            sentence,
            claimant,
            cue,
            content,
            steps,
        } = &p.read;
        field("read in", sentence)?;
        if let Some(claimant) = claimant {
            field("claimant", &format!("\"{claimant}\""))?;
        }
        if let Some(cue) = cue {
            field("cue", &format!("\"{cue}\""))?;
        }
        field("content", &format!("\"{content}\""))?;
        for step in steps {
            field("then", step)?;
        }
    }
    Ok(())
}

/// Where an explained field's text starts.
const FIELD: usize = 13;

/// The proposals as JSON, each with how it was read.
pub fn explained_json(out: &mut dyn Write, proposals: &[Proposal]) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Explained<'a> {
        #[serde(flatten)]
        proposal: &'a Proposal,
        read: &'a Reading,
    }
    let all: Vec<Explained> = proposals
        .iter()
        .map(|p| Explained {
            proposal: p,
            read: &p.read,
        })
        .collect();
    super::write_json(out, &all)
}
