//! `claimtrail edit`: correct a claim; the old value stays in its history.

use std::io::Write;

use anyhow::Result;

use super::{Context, now};
use crate::cli::EditArgs;
use crate::error::usage;
use crate::model::EditField;

pub fn run(ctx: &Context, args: EditArgs, out: &mut dyn Write) -> Result<()> {
    let changes: Vec<(EditField, Option<String>)> = [
        (EditField::Text, args.text),
        (EditField::Story, args.story),
        (EditField::MadeAt, args.made_at.map(|t| t.to_string())),
    ]
    .into_iter()
    .filter(|(_, value)| value.is_some())
    .collect();
    if changes.is_empty() && args.credibility.is_none() {
        return Err(usage(
            "nothing to change: give --text, --story, --made-at or --credibility",
        ));
    }
    let reporter = ctx.reporter()?;
    let mut store = ctx.store()?;
    if let Some(credibility) = args.credibility {
        let which = args.attribution.map(|n| n as usize);
        let (number, before) = store.grade_attribution(
            args.id,
            which,
            credibility,
            args.note.as_deref(),
            &reporter,
            now()?,
        )?;
        match before {
            Some(before) if before == credibility => writeln!(
                out,
                "attribution {number} of claim {} is already graded {credibility}; nothing changed",
                args.id
            )?,
            Some(before) => writeln!(
                out,
                "graded attribution {number} of claim {} credibility {credibility}: {} (was {before}, kept in its history)",
                args.id,
                credibility.meaning()
            )?,
            None => writeln!(
                out,
                "graded attribution {number} of claim {} credibility {credibility}: {}",
                args.id,
                credibility.meaning()
            )?,
        }
        if changes.is_empty() {
            return Ok(());
        }
    }
    let changed = store.edit_claim(args.id, &changes, args.note.as_deref(), &reporter, now()?)?;
    if changed.is_empty() {
        writeln!(out, "claim {} already reads so; nothing changed", args.id)?;
    } else {
        let fields: Vec<&str> = changed.iter().map(|f| f.as_str()).collect();
        writeln!(
            out,
            "corrected claim {}: {} (the old {} kept in its history)",
            args.id,
            fields.join(", "),
            if fields.len() == 1 {
                "value is"
            } else {
                "values are"
            }
        )?;
    }
    Ok(())
}
