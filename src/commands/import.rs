//! `claimtrail import`: claims in from claimtrail's JSON or JSONL, or a reporter's CSV sheet,
//! all in one transaction: a bad record anywhere and nothing is written.

use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use super::{Context, now};
use crate::cli::{ImportArgs, ImportFormat};
use crate::error::usage;
use crate::exchange::{Format, apply, json, sheet};
use crate::render::progress::Progress;
use crate::store::ImportCounts;

pub fn run(ctx: &Context, args: ImportArgs, out: &mut dyn Write) -> Result<()> {
    let from_stdin = args.file.as_os_str() == "-";
    let format = args
        .format
        .or_else(|| match Format::from_extension(&args.file)? {
            Format::Json => Some(ImportFormat::Json),
            Format::Jsonl => Some(ImportFormat::Jsonl),
            Format::Csv => Some(ImportFormat::Csv),
            Format::ClaimReview => None,
        })
        .ok_or_else(|| {
            usage(format!(
                "cannot tell the format of {} from its name; give --format json, jsonl or csv",
                args.file.display()
            ))
        })?;
    let (input, size) = open(&args.file, from_stdin)?;
    let progress = Progress::bytes(size);
    let reader = BufReader::new(progress.wrap_read(input));
    let reporter = ctx.reporter()?;
    let now = now()?;
    let mut store = ctx.store()?;
    let counts = store.import(
        !args.dry_run,
        Box::new(|importer| match format {
            ImportFormat::Json => json::read_ledger(reader, |item| apply(importer, item)),
            ImportFormat::Jsonl => json::read_lines(reader, |item| apply(importer, item)),
            // A sheet summarises a claim; it cannot add to the history of one already here.
            ImportFormat::Csv => sheet::read(reader, &reporter, now, |place, row| {
                importer
                    .claimant(&row.claimant)
                    .and_then(|()| importer.claim_unless_present(&row.claim))
                    .with_context(|| place.to_owned())
            }),
        }),
    )?;
    progress.finish();
    writeln!(out, "{}", summary(&args.file, &counts, args.dry_run))?;
    Ok(())
}

fn open(path: &Path, from_stdin: bool) -> Result<(Box<dyn Read>, u64)> {
    if from_stdin {
        return Ok((Box::new(io::stdin()), 0));
    }
    let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        bail!("{} is a directory, not a file to import", path.display());
    }
    Ok((Box::new(file), size))
}

fn summary(file: &Path, c: &ImportCounts, dry_run: bool) -> String {
    let file = file.display();
    let what = merged(c, "here");
    if dry_run {
        format!("dry run, nothing written: {file} would add {what}")
    } else {
        format!("imported {file}: {what}")
    }
}

/// What a merge added, and what it found already `there`: "2 new claims, 3 status events;
/// 1 claim was already here".
pub(super) fn merged(c: &ImportCounts, there: &str) -> String {
    let mut parts = Vec::new();
    let mut count = |n: u64, one: &str, many: &str| {
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    };
    count(c.claims_added, "new claim", "new claims");
    count(c.attributions_added, "attribution", "attributions");
    count(c.events_added, "status event", "status events");
    count(c.edits_added, "correction", "corrections");
    count(c.grades_added, "grade", "grades");
    count(c.claimants_added, "new claimant", "new claimants");
    count(c.outlets_added, "new outlet", "new outlets");
    let known = match c.claims_known {
        0 => String::new(),
        1 => format!("; 1 claim was already {there}"),
        n => format!("; {n} claims were already {there}"),
    };
    let skipped = match c.edits_not_applicable {
        0 => String::new(),
        n => format!("; {n} corrections to wording this ledger no longer has were left out"),
    };
    let added = if parts.is_empty() {
        "nothing new".to_owned()
    } else {
        parts.join(", ")
    };
    format!("{added}{known}{skipped}")
}
