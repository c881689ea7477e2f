//! `claimtrail config`: the settings in effect and where each comes from; `config set KEY
//! VALUE` writes one to the config file.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{ConfigAction, ConfigArgs};
use crate::config::{self, Config};
use crate::render;

pub fn run(ctx: &Context, file: &Config, args: ConfigArgs, out: &mut dyn Write) -> Result<()> {
    match args.action {
        Some(ConfigAction::Set { key, value }) => {
            let path = config::set(&key, &value)?;
            writeln!(out, "set {key} in {}", path.display())?;
        }
        Some(ConfigAction::Path) => match &file.path {
            Some(path) => writeln!(out, "{}", path.display())?,
            None => writeln!(
                out,
                "(no config folder on this platform; set CLAIMTRAIL_CONFIG)"
            )?,
        },
        None => {
            let default_db = super::default_db().map_or_else(
                || "(no data folder: give --db)".to_owned(),
                |p| p.display().to_string(),
            );
            let mut grid = render::table(&["setting", "value", "from"]);
            for row in ctx.settings.rows(&default_db) {
                grid.add_row(row.to_vec());
            }
            render::fixed(&mut grid, &[0]);
            render::write_table(out, &grid, &ctx.stdout_style())?;
            // The path whole on its line, to copy, however narrow the terminal.
            match (&file.path, file.found) {
                (Some(path), true) => writeln!(out, "config file: {}", path.display())?,
                (Some(path), false) => {
                    writeln!(out, "config file: {}", path.display())?;
                    render::write_prose(
                        out,
                        "(none yet: claimtrail config set KEY VALUE writes one)",
                        &ctx.stdout_style(),
                        0,
                    )?;
                }
                (None, _) => writeln!(
                    out,
                    "config file: none (no config folder on this platform; set CLAIMTRAIL_CONFIG)"
                )?,
            }
        }
    }
    Ok(())
}
