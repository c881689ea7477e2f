//! `claimtrail desk init URL`: set up the desk ledger on a PostgreSQL server.

use std::io::Write;

use anyhow::Result;

use crate::cli::DeskCommand;
use crate::error::usage;
use crate::store::pg;

pub fn run(command: DeskCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        DeskCommand::Init { url } => {
            if !pg::is_url(&url) {
                return Err(usage(format!(
                    "\"{url}\" is not a desk server: give postgres://USER@HOST[:PORT]/DBNAME"
                )));
            }
            match pg::init(&url)? {
                pg::Init::Created => writeln!(
                    out,
                    "created the desk ledger and the roles claimtrail_reporter and claimtrail_editor; \
                     grant one to each person: GRANT claimtrail_reporter TO alice;"
                )?,
                pg::Init::Upgraded { from, to } => writeln!(
                    out,
                    "upgraded the desk ledger from server schema {from} to {to}"
                )?,
                pg::Init::AlreadyThere => writeln!(out, "the desk ledger is already set up there")?,
            }
            Ok(())
        }
    }
}
