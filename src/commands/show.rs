//! `claimtrail show`: one claim whole.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;
use crate::cli::ShowArgs;
use crate::model::Visibility;
use crate::render;

pub fn run(ctx: &Context, args: ShowArgs, out: &mut dyn Write) -> Result<()> {
    let Some(detail) = ctx
        .store()?
        .claim_detail(args.id, Visibility::from_reveal(args.reveal))?
    else {
        bail!("no claim with id {}", args.id);
    };
    render::claims::show(out, &detail, args.format.into(), &ctx.stdout_style())?;
    Ok(())
}
