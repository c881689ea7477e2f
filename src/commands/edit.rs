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
    if changes.is_empty() {
        return Err(usage(
            "nothing to change: give --text, --story or --made-at",
        ));
    }
    let reporter = ctx.reporter()?;
    let changed =
        ctx.store()?
            .edit_claim(args.id, &changes, args.note.as_deref(), &reporter, now()?)?;
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
