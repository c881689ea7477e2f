//! `claimtrail sources`: claimants with their counts; `edit` and `merge` them.

use std::io::Write;

use anyhow::Result;

use super::{Context, now};
use crate::cli::{MergeArgs, SourceEditArgs, SourcesAction, SourcesArgs};
use crate::error::usage;
use crate::model::Visibility;
use crate::render;
use crate::store::ClaimantEdit;

pub fn run(ctx: &Context, args: SourcesArgs, out: &mut dyn Write) -> Result<()> {
    match args.action {
        None => {
            let rows = ctx
                .store()?
                .claimants(Visibility::from_reveal(args.reveal))?;
            render::sources::claimants(out, &rows, args.format.into(), &ctx.stdout_style())?;
        }
        Some(SourcesAction::Edit(edit)) => run_edit(ctx, edit, out)?,
        Some(SourcesAction::Merge(merge)) => run_merge(ctx, merge, out)?,
    }
    Ok(())
}

fn run_edit(ctx: &Context, args: SourceEditArgs, out: &mut dyn Write) -> Result<()> {
    let edit = ClaimantEdit {
        rename: args.rename,
        role: args.role,
        affiliation: args.affiliation,
        kind: args.kind,
        confidential: match (args.confidential, args.not_confidential) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
        reliability: args.reliability,
        add_aliases: args.alias,
        remove_aliases: args.unalias,
    };
    let nothing = edit.rename.is_none()
        && edit.role.is_none()
        && edit.affiliation.is_none()
        && edit.kind.is_none()
        && edit.confidential.is_none()
        && edit.reliability.is_none()
        && edit.add_aliases.is_empty()
        && edit.remove_aliases.is_empty();
    if nothing {
        return Err(usage(
            "nothing to change: give --rename, --role, --affiliation, --kind, --reliability, --confidential, --not-confidential, --alias or --unalias",
        ));
    }
    let reporter = ctx.reporter()?;
    let claimant = ctx.store()?.edit_claimant(
        &args.name,
        &edit,
        Visibility::from_reveal(args.reveal),
        &reporter,
        now()?,
    )?;
    let private = if claimant.confidential {
        ", confidential"
    } else {
        ""
    };
    let graded = claimant
        .reliability
        .map(|r| format!(", reliability {r}: {}", r.meaning()))
        .unwrap_or_default();
    writeln!(
        out,
        "updated {} [{}{private}{graded}]",
        claimant.described(),
        claimant.kind
    )?;
    Ok(())
}

fn run_merge(ctx: &Context, args: MergeArgs, out: &mut dyn Write) -> Result<()> {
    let (from, into) = ctx.store()?.merge_claimants(
        &args.from,
        &args.into,
        Visibility::from_reveal(args.reveal),
    )?;
    writeln!(
        out,
        "merged \"{}\" into \"{}\"; its attributions stay as recorded and now count under \"{}\"",
        from.name, into.name, into.name
    )?;
    Ok(())
}
