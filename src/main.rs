//! claimtrail: a ledger of the claims in a fast-moving story.

mod cli;
mod commands;
mod error;
mod exchange;
mod model;
mod render;
mod report;
mod store;
mod time;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return error::report_clap(&e),
    };
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => error::report(&e),
    }
}
