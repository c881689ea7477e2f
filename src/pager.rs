//! Long output on a terminal goes through a pager, as git's does: `$CLAIMTRAIL_PAGER`, the
//! configuration file's `pager`, `$PAGER`, else `less -FRX`, which quits at once when the
//! output fits the screen. Never when standard output is not a terminal.

use std::io;
use std::process::{Child, ChildStdin, Command, Stdio};

use crate::config::{DEFAULT_PAGER, Pager};

/// A running pager, reading what the command writes.
pub struct Paging {
    child: Child,
}

/// Starts the pager `choice` names, or none: `None` when it is off, or when the default
/// pager (less) is not installed. A command of the user's is run by `sh`, so that it may
/// carry arguments.
pub fn start(choice: &Pager) -> Option<(Paging, ChildStdin)> {
    let mut command = match choice {
        Pager::Off => return None,
        Pager::On => {
            let mut parts = DEFAULT_PAGER.split_whitespace();
            let mut command = Command::new(parts.next()?);
            command.args(parts);
            command
        }
        Pager::Command(line) => {
            let mut command = Command::new("sh");
            command.arg("-c").arg(line);
            command
        }
    };
    // Options for less and lv when the user has set none, as git gives them.
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        command.env("LV", "-c");
    }
    let mut child = command.stdin(Stdio::piped()).spawn().ok()?;
    let stdin = child.stdin.take()?;
    Some((Paging { child }, stdin))
}

impl Paging {
    /// Waits for the reader to quit the pager, once the output's end has been sent (its
    /// standard input closed).
    pub fn wait(mut self) -> io::Result<()> {
        self.child.wait().map(drop)
    }
}
