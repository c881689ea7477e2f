//! The `claimtrail` command: parse, run, and turn the outcome into an exit code.

use std::process::ExitCode;

use clap::Parser;

use claimtrail::{cli, commands, error};

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
