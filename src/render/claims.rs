//! Claims as a list (`list`) and one whole (`show`).

use std::io::{self, Write};

use serde::Serialize;

use super::{Format, Style};
use super::{
    Grid, Place, Tone, fixed, main_column, numeric, or_dash, ruled_table, side_column, table,
    write_csv, write_json, write_prose, write_table,
};
use crate::model::{Attribution, Claim, ClaimDetail, ClaimEdit, Status, StatusEvent};
use crate::time::{Timestamp, format_age, format_age_short};

/// A claim as JSON shows it; the field names are part of the interface.
#[derive(Serialize)]
struct ClaimJson<'a> {
    id: i64,
    uid: &'a str,
    text: &'a str,
    story: Option<&'a str>,
    status: &'static str,
    made_at: Option<Timestamp>,
    logged_at: Timestamp,
    logged_by: &'a str,
    independent_sources: usize,
    attributions: Vec<AttributionJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<Vec<EventJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edits: Option<Vec<EditJson<'a>>>,
}

#[derive(Serialize)]
struct EditJson<'a> {
    field: &'static str,
    old_value: Option<&'a str>,
    new_value: Option<&'a str>,
    at: Timestamp,
    by: &'a str,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct AttributionJson<'a> {
    claimant: &'a str,
    role: Option<&'a str>,
    affiliation: Option<&'a str>,
    via: Vec<&'a str>,
    medium: Option<&'a str>,
    made_at: Option<Timestamp>,
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recorded_as: Option<&'a str>,
    logged_at: Timestamp,
    logged_by: &'a str,
    /// The claimant's reliability and this attribution's credibility, as `B2`.
    #[serde(skip_serializing_if = "String::is_empty")]
    grade: String,
}

#[derive(Serialize)]
struct EventJson<'a> {
    status: &'static str,
    at: Timestamp,
    by: &'a str,
    note: Option<&'a str>,
    evidence: &'a [String],
}

fn claim_json<'a>(claim: &'a Claim, detail: Option<&'a ClaimDetail>) -> ClaimJson<'a> {
    ClaimJson {
        id: claim.id.0,
        uid: &claim.uid,
        text: &claim.text,
        story: claim.story.as_deref(),
        status: claim.status.as_str(),
        made_at: claim.made_at,
        logged_at: claim.logged_at,
        logged_by: &claim.logged_by,
        independent_sources: claim.independent_sources(),
        attributions: claim.attributions.iter().map(attribution_json).collect(),
        history: detail.map(|d| d.history.iter().map(event_json).collect()),
        edits: detail.map(|d| d.edits.iter().map(edit_json).collect()),
    }
}

fn attribution_json(a: &Attribution) -> AttributionJson<'_> {
    AttributionJson {
        claimant: &a.claimant.name,
        role: a.claimant.role.as_deref(),
        affiliation: a.claimant.affiliation.as_deref(),
        via: a.via.iter().map(|o| o.name.as_str()).collect(),
        medium: a.medium.as_deref(),
        made_at: a.made_at,
        url: a.url.as_deref(),
        recorded_as: a.recorded_as.as_deref(),
        logged_at: a.logged_at,
        logged_by: &a.logged_by,
        grade: a.grade(),
    }
}

fn edit_json(e: &ClaimEdit) -> EditJson<'_> {
    EditJson {
        field: e.field.as_str(),
        old_value: e.old_value.as_deref(),
        new_value: e.new_value.as_deref(),
        at: e.at,
        by: &e.by,
        note: e.note.as_deref(),
    }
}

fn event_json(e: &StatusEvent) -> EventJson<'_> {
    EventJson {
        status: e.status.as_str(),
        at: e.at,
        by: &e.by,
        note: e.note.as_deref(),
        evidence: &e.evidence,
    }
}

/// "SITE Intelligence Group → NBC News", or "direct" when the claimant was heard first-hand.
pub fn chain(a: &Attribution, arrow: &str) -> String {
    chain_of(a.via.iter().map(|o| o.name.as_str()), arrow)
}

/// Outlet names joined nearest the claimant first, or "direct" when there are none.
pub fn chain_of<'a>(names: impl IntoIterator<Item = &'a str>, arrow: &str) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    if names.is_empty() {
        "direct".to_owned()
    } else {
        names.join(arrow)
    }
}

/// A claim's first claimant, with "+N" for each further attribution.
pub fn claimant_label(c: &Claim) -> String {
    let claimant = c
        .attributions
        .first()
        .map(|a| a.claimant.name.clone())
        .unwrap_or_default();
    match c.attributions.len().saturating_sub(1) {
        0 => claimant,
        more => format!("{claimant} +{more}"),
    }
}

pub fn list(
    out: &mut dyn Write,
    claims: &[Claim],
    format: Format,
    now: Timestamp,
    style: &Style,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let json: Vec<ClaimJson> = claims.iter().map(|c| claim_json(c, None)).collect();
            write_json(out, &json)
        }
        Format::Csv => write_csv(out, &list_csv(claims)),
        Format::Table => {
            // Full ages and chains when every row fits on one line; shorter ones when the
            // claims' text would otherwise be squeezed.
            let full = list_grid(claims, now, false, style);
            let grid = match style.width {
                Some(width) if full.natural_width() > usize::from(width) => {
                    list_grid(claims, now, true, style)
                }
                _ => full,
            };
            write_table(out, &grid, style)?;
            let noun = if claims.len() == 1 { "claim" } else { "claims" };
            writeln!(out, "{} {noun}", claims.len())
        }
    }
}

/// The list as a table. Compact: ages to their largest unit, chains of three or more
/// outlets to the first and last; the claim's text keeps half the width or goes under the
/// row's facts.
fn list_grid(claims: &[Claim], now: Timestamp, compact: bool, style: &Style) -> Grid {
    let sources = if compact { "src" } else { "sources" };
    let mut t = ruled_table(&["id", "age", "status", "claimant", "via", sources, "claim"]);
    for c in claims {
        let first = c.attributions.first();
        let age = c.logged_at.age_at(now);
        let via = first.map(|a| {
            if compact {
                short_chain(a, " → ")
            } else {
                chain(a, " → ")
            }
        });
        t.add_row(vec![
            c.id.to_string(),
            if compact {
                format_age_short(age)
            } else {
                format_age(age)
            },
            c.status.to_string(),
            claimant_label(c),
            via.unwrap_or_default(),
            c.independent_sources().to_string(),
            c.text.clone(),
        ]);
        t.tone(2, status_tone(c.status));
        if c.status.is_open() && age > STALE {
            t.tone(1, Tone::Stale);
        }
    }
    numeric(&mut t, &[0, 1, 5]);
    fixed(&mut t, &[2]);
    if let Some(width) = style.width {
        main_column(&mut t, 6, half(width), Place::Below);
    }
    t
}

/// The share of a width the text a table is read for keeps: half.
pub fn half(width: u16) -> usize {
    usize::from(width).div_ceil(2)
}

/// A chain of three or more outlets as its first and last, with how many are left out:
/// "SITE → NBC News (+1)".
pub fn short_chain(a: &Attribution, arrow: &str) -> String {
    match a.via.as_slice() {
        [first, .., last] if a.via.len() > 2 => {
            format!("{}{arrow}{} (+{})", first.name, last.name, a.via.len() - 2)
        }
        _ => chain(a, arrow),
    }
}

/// An open claim older than this is shown as waiting too long.
pub const STALE: chrono::Duration = chrono::Duration::hours(24);

/// How a status is coloured in tables.
pub fn status_tone(status: Status) -> Tone {
    match status {
        Status::Unverified => Tone::Open,
        Status::Corroborated => Tone::Corroborated,
        Status::Disputed => Tone::Disputed,
        Status::Verified => Tone::Verified,
        Status::False | Status::Retracted => Tone::Refuted,
    }
}

fn list_csv(claims: &[Claim]) -> Vec<Vec<String>> {
    let header = [
        "id",
        "uid",
        "status",
        "story",
        "made_at",
        "logged_at",
        "logged_by",
        "independent_sources",
        "claimant",
        "via",
        "text",
    ];
    let mut rows = vec![header.iter().map(|h| h.to_string()).collect()];
    for c in claims {
        let claimants: Vec<String> = c
            .attributions
            .iter()
            .map(|a| a.claimant.name.clone())
            .collect();
        let chains: Vec<String> = c.attributions.iter().map(|a| chain(a, " > ")).collect();
        rows.push(vec![
            c.id.to_string(),
            c.uid.clone(),
            c.status.to_string(),
            c.story.clone().unwrap_or_default(),
            c.made_at.map(|t| t.to_string()).unwrap_or_default(),
            c.logged_at.to_string(),
            c.logged_by.clone(),
            c.independent_sources().to_string(),
            claimants.join("; "),
            chains.join("; "),
            c.text.clone(),
        ]);
    }
    rows
}

pub fn show(
    out: &mut dyn Write,
    detail: &ClaimDetail,
    format: Format,
    style: &Style,
) -> io::Result<()> {
    let claim = &detail.claim;
    match format {
        Format::Json => write_json(out, &claim_json(claim, Some(detail))),
        Format::Csv => write_csv(out, &history_csv(detail)),
        Format::Table => {
            let sources = claim.independent_sources();
            let plural = if sources == 1 { "" } else { "s" };
            writeln!(
                out,
                "Claim {} · {} · {sources} independent source{plural}",
                claim.id,
                style.paint(claim.status.as_str(), status_tone(claim.status))
            )?;
            writeln!(out)?;
            write_prose(out, &claim.text, style, 2)?;
            writeln!(out)?;
            let mut facts = Vec::new();
            if let Some(story) = &claim.story {
                facts.push(("story", story.clone()));
            }
            if let Some(made) = claim.made_at {
                facts.push(("made", made.to_string()));
            }
            facts.push((
                "logged",
                format!("{} by {}", claim.logged_at, claim.logged_by),
            ));
            facts.push(("uid", claim.uid.clone()));
            for (label, value) in facts {
                writeln!(out, "  {label:<8}{value}")?;
            }
            writeln!(out)?;
            writeln!(out, "Attributions")?;
            let attributions = attributions_table(&claim.attributions);
            match style.width {
                Some(width) if attributions.natural_width() > usize::from(width) => {
                    attribution_blocks(out, &claim.attributions, style)?
                }
                _ => write_table(out, &attributions, style)?,
            }
            writeln!(out)?;
            writeln!(out, "History")?;
            let history = history_table(&detail.history);
            let history = match style.width {
                Some(width) if history.natural_width() > usize::from(width) => {
                    history_notes_apart(&detail.history)
                }
                _ => history,
            };
            write_table(out, &history, style)?;
            if !detail.edits.is_empty() {
                writeln!(out)?;
                writeln!(out, "Corrections")?;
                write_table(out, &edits_table(&detail.edits), style)?;
            }
            if claim.attributions.iter().any(|a| !a.grade().is_empty()) {
                writeln!(out)?;
                writeln!(out, "Grades")?;
                write_table(out, &grades_table(&claim.attributions), style)?;
            }
            Ok(())
        }
    }
}

fn attributions_table(attributions: &[Attribution]) -> Grid {
    let mut t = ruled_table(&["#", "claimant", "via", "medium", "made", "url", "logged"]);
    for (i, a) in attributions.iter().enumerate() {
        let mut who = a.claimant.described();
        let grade = a.grade();
        if !grade.is_empty() {
            who.push_str(&format!("\ngraded {grade}"));
        }
        if let Some(original) = &a.recorded_as {
            who.push_str(&format!("\nlogged as \"{original}\""));
        }
        t.add_row(vec![
            (i + 1).to_string(),
            who,
            chain(a, " → "),
            or_dash(a.medium.clone()),
            or_dash(a.made_at.map(|t| t.to_string())),
            or_dash(a.url.clone()),
            format!("{}\nby {}", a.logged_at, a.logged_by),
        ]);
    }
    numeric(&mut t, &[0]);
    t
}

/// The attributions one under another, a line for each fact, where a table of them would
/// not fit the width.
fn attribution_blocks(
    out: &mut dyn Write,
    attributions: &[Attribution],
    style: &Style,
) -> io::Result<()> {
    let width = style.width.map_or(usize::MAX, usize::from);
    for (i, a) in attributions.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let number = format!("{:>2}  ", i + 1);
        let indent = " ".repeat(number.len());
        for (k, line) in super::wrap(&a.claimant.described(), width.saturating_sub(number.len()))
            .into_iter()
            .enumerate()
        {
            let lead = if k == 0 { &number } else { &indent };
            writeln!(out, "{lead}{line}")?;
        }
        let mut facts = vec![("via", chain(a, " → "))];
        let grade = a.grade();
        if !grade.is_empty() {
            facts.push(("graded", grade));
        }
        if let Some(original) = &a.recorded_as {
            facts.push(("logged as", format!("\"{original}\"")));
        }
        facts.extend(a.medium.clone().map(|m| ("medium", m)));
        facts.extend(a.made_at.map(|t| ("made", t.to_string())));
        facts.extend(a.url.clone().map(|u| ("url", u)));
        facts.push(("logged", format!("{} by {}", a.logged_at, a.logged_by)));
        let label_width = 10;
        let room = width.saturating_sub(indent.len() + label_width);
        for (label, value) in facts {
            for (k, line) in super::wrap(&value, room).into_iter().enumerate() {
                let label = if k == 0 { label } else { "" };
                writeln!(out, "{indent}{label:<label_width$}{line}")?;
            }
        }
    }
    Ok(())
}

/// Each attribution's grade spelled out, and every credibility it has been given.
fn grades_table(attributions: &[Attribution]) -> Grid {
    let mut t = ruled_table(&["#", "grade", "meaning", "given"]);
    for (i, a) in attributions.iter().enumerate() {
        if let Some(r) = a.claimant.reliability {
            t.add_row(vec![
                (i + 1).to_string(),
                format!("reliability {r}"),
                r.meaning().to_owned(),
                "the source's grade now".to_owned(),
            ]);
        }
        for g in &a.grades {
            let mut given = format!("{}\nby {}", g.at, g.by);
            if let Some(note) = &g.note {
                given.push_str(&format!("\n{note}"));
            }
            t.add_row(vec![
                (i + 1).to_string(),
                format!("credibility {}", g.grade),
                g.grade.meaning().to_owned(),
                given,
            ]);
        }
    }
    numeric(&mut t, &[0]);
    t
}

/// A note keeps this much of the width beside its row's facts, or goes under them.
const NOTE_WIDTH: usize = 24;

/// The history with each note and its evidence in one cell, beside the rest of the row
/// when there is room for them (a link whole), else under it: for a narrow width.
fn history_notes_apart(history: &[StatusEvent]) -> Grid {
    let mut t = table(&["at", "status", "by", "note"]);
    for e in history {
        let said: Vec<&str> = e
            .note
            .iter()
            .chain(&e.evidence)
            .map(String::as_str)
            .collect();
        t.add_row(vec![
            e.at.to_string(),
            e.status.to_string(),
            e.by.clone(),
            if said.is_empty() {
                "–".to_owned()
            } else {
                said.join("\n")
            },
        ]);
        t.tone(1, status_tone(e.status));
    }
    let longest_link = history
        .iter()
        .flat_map(|e| &e.evidence)
        .map(|u| u.chars().count())
        .max()
        .unwrap_or(0);
    fixed(&mut t, &[0, 1]);
    side_column(&mut t, 3, NOTE_WIDTH.max(longest_link), Place::Below);
    t
}

fn history_table(history: &[StatusEvent]) -> Grid {
    let mut t = table(&["at", "status", "by", "note", "evidence"]);
    for e in history {
        t.add_row(vec![
            e.at.to_string(),
            e.status.to_string(),
            e.by.clone(),
            or_dash(e.note.clone()),
            if e.evidence.is_empty() {
                "–".to_owned()
            } else {
                e.evidence.join("\n")
            },
        ]);
        t.tone(1, status_tone(e.status));
    }
    fixed(&mut t, &[0, 1]);
    t
}

fn edits_table(edits: &[ClaimEdit]) -> Grid {
    let mut t = table(&["at", "field", "by", "was", "note"]);
    for e in edits {
        t.add_row(vec![
            e.at.to_string(),
            e.field.to_string(),
            e.by.clone(),
            e.old_value.clone().unwrap_or_else(|| "(none)".to_owned()),
            or_dash(e.note.clone()),
        ]);
    }
    fixed(&mut t, &[0, 1]);
    t
}

fn history_csv(detail: &ClaimDetail) -> Vec<Vec<String>> {
    let header = ["id", "uid", "at", "status", "by", "note", "evidence"];
    let mut rows = vec![header.iter().map(|h| h.to_string()).collect()];
    for e in &detail.history {
        rows.push(vec![
            detail.claim.id.to_string(),
            detail.claim.uid.clone(),
            e.at.to_string(),
            e.status.to_string(),
            e.by.clone(),
            e.note.clone().unwrap_or_default(),
            e.evidence.join(" "),
        ]);
    }
    rows
}
