//! `claimtrail check`: is the ledger sound? Exit 1 when it is not.

use std::io::Write;

use anyhow::{Result, bail};

use super::Context;

pub fn run(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let store = ctx.store()?;
    let report = store.check()?;
    for problem in &report.problems {
        writeln!(out, "problem: {problem}")?;
    }
    let counts = [
        (report.claims, "claim", "claims"),
        (report.attributions, "attribution", "attributions"),
        (report.events, "status event", "status events"),
        (report.edits, "edit", "edits"),
    ]
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .join(", ");
    if report.problems.is_empty() {
        writeln!(
            out,
            "ok: {counts}; integrity, foreign keys, history and relay chains sound"
        )?;
        return Ok(());
    }
    let n = report.problems.len();
    bail!(
        "{n} problem{} found ({counts})",
        if n == 1 { "" } else { "s" }
    )
}
