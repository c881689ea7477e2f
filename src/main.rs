//! The `claimtrail` command: parse, run, and turn the outcome into an exit code.

use std::process::ExitCode;

use clap::Parser;

use claimtrail::{cli, commands, error};

fn main() -> ExitCode {
    error::quiet_panics();
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return error::report_clap(&e),
    };
    match std::panic::catch_unwind(|| commands::run(cli)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => error::report(&e),
        Err(_) => ExitCode::FAILURE,
    }
}
