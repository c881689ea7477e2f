//! `claimtrail outlets`: outlets with their counts; `edit` and `merge` them.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{MergeArgs, OutletEditArgs, OutletsAction, OutletsArgs};
use crate::error::usage;
use crate::render;
use crate::store::OutletEdit;

pub fn run(ctx: &Context, args: OutletsArgs, out: &mut dyn Write) -> Result<()> {
    match args.action {
        None => {
            let mut rows = ctx.store()?.outlets()?;
            if !args.all {
                rows.retain(|r| r.claims > 0);
            }
            render::sources::outlets(out, &rows, args.format.into(), &ctx.stdout_style())?;
        }
        Some(OutletsAction::Edit(edit)) => run_edit(ctx, edit, out)?,
        Some(OutletsAction::Merge(merge)) => run_merge(ctx, merge, out)?,
    }
    Ok(())
}

fn run_edit(ctx: &Context, args: OutletEditArgs, out: &mut dyn Write) -> Result<()> {
    let edit = OutletEdit {
        rename: args.rename,
        kind: args.kind,
        add_aliases: args.alias,
        remove_aliases: args.unalias,
    };
    if edit.rename.is_none()
        && edit.kind.is_none()
        && edit.add_aliases.is_empty()
        && edit.remove_aliases.is_empty()
    {
        return Err(usage(
            "nothing to change: give --rename, --kind, --alias or --unalias",
        ));
    }
    let outlet = ctx.store()?.edit_outlet(&args.name, &edit)?;
    let aliases = if outlet.aliases.is_empty() {
        String::new()
    } else {
        format!(", also {}", outlet.aliases.join(", "))
    };
    writeln!(
        out,
        "updated \"{}\" [{}{aliases}]",
        outlet.outlet.name, outlet.kind
    )?;
    Ok(())
}

fn run_merge(ctx: &Context, args: MergeArgs, out: &mut dyn Write) -> Result<()> {
    let (from, into) = ctx.store()?.merge_outlets(&args.from, &args.into)?;
    writeln!(
        out,
        "merged \"{from}\" into \"{into}\"; relay chains stay as recorded and now count under \"{into}\""
    )?;
    Ok(())
}
