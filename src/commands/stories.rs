//! `claimtrail stories`: the stories in the ledger, with their claims and open claims.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{Format, StoriesArgs};
use crate::render;

pub fn run(ctx: &Context, args: StoriesArgs, out: &mut dyn Write) -> Result<()> {
    // Completion runs this at every tab: without a ledger there are no stories, and none is
    // made for asking.
    if args.names && !ctx.db_path()?.exists() {
        return Ok(());
    }
    let stories = ctx.store()?.stories()?;
    if args.names {
        for s in &stories {
            writeln!(out, "{}", s.story)?;
        }
        return Ok(());
    }
    match args.format {
        Format::Table => render::stories::table(out, &stories, &ctx.stdout_style())?,
        Format::Json => render::write_json(out, &stories)?,
        Format::Csv => render::stories::csv(out, &stories)?,
    }
    Ok(())
}
