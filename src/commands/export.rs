//! `claimtrail export`: claims out, a record at a time, to a file or standard output.

use std::fs::{self, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::{Context, claim_filter, now};
use crate::cli::{ExportArgs, ExportFormat};
use crate::error::usage;
use crate::exchange::claimreview::{ClaimReviewWriter, Publisher};
use crate::exchange::json::{JsonWriter, JsonlWriter};
use crate::exchange::sheet::SheetWriter;
use crate::exchange::{ClaimSink, Format};
use crate::model::{Status, Visibility};
use crate::render::progress::Progress;
use crate::store::Ledger;

pub fn run(ctx: &Context, args: ExportArgs, out: &mut dyn Write) -> Result<()> {
    let destination = args.output.clone().filter(|p| p.as_os_str() != "-");
    let format = match (args.format, &destination) {
        (Some(format), _) => format,
        (None, Some(path)) => match Format::from_extension(path) {
            Some(Format::Jsonl) => ExportFormat::Jsonl,
            Some(Format::Csv) => ExportFormat::Csv,
            Some(Format::ClaimReview) => ExportFormat::Claimreview,
            Some(Format::Json) | None => ExportFormat::Json,
        },
        (None, None) => ExportFormat::Json,
    };
    let publisher = match format {
        ExportFormat::Claimreview => Some(publisher(&args)?),
        _ => None,
    };
    let now = now()?;
    let store = ctx.store()?;
    let mut statuses = args.status;
    if format == ExportFormat::Claimreview && statuses.is_empty() {
        statuses = Status::ALL
            .iter()
            .copied()
            .filter(|s| !s.is_open())
            .collect();
    }
    let filter = claim_filter(args.filter, statuses, now);
    // ClaimReview is for publication: confidential claimants are hidden whatever the flags.
    let visibility = match format {
        ExportFormat::Claimreview => Visibility::Redacted,
        _ => Visibility::from_reveal(args.reveal),
    };

    let claimants = store.claimant_records(visibility)?;
    let hidden = claimants.iter().filter(|c| c.confidential).count();
    let mut target = Target::open(destination.as_deref(), out)?;
    let mut sink: Box<dyn ClaimSink + '_> = match format {
        ExportFormat::Json => Box::new(JsonWriter::begin(
            target.writer(),
            &claimants,
            &store.outlet_records()?,
        )?),
        ExportFormat::Jsonl => Box::new(JsonlWriter::begin(
            target.writer(),
            &claimants,
            &store.outlet_records()?,
        )?),
        ExportFormat::Csv => Box::new(SheetWriter::begin(target.writer())?),
        ExportFormat::Claimreview => {
            let publisher = publisher.context("a ClaimReview export needs a publisher")?;
            Box::new(ClaimReviewWriter::begin(target.writer(), publisher)?)
        }
    };
    let written = write_claims(store.as_ref(), &filter, visibility, sink.as_mut())?;
    drop(sink);
    target.commit()?;
    if written == 0 && !filter.selects_everything() {
        eprintln!("note: no claims match these filters; the export holds none");
    }

    if visibility == Visibility::Redacted && hidden > 0 && format != ExportFormat::Claimreview {
        let (who, what) = if hidden == 1 {
            ("1 confidential claimant is".to_owned(), "a placeholder")
        } else {
            (
                format!("{hidden} confidential claimants are"),
                "placeholders",
            )
        };
        eprintln!("note: {who} exported as {what}; add --reveal for a complete export");
    }
    if let Some(path) = &destination {
        let noun = if written == 1 { "claim" } else { "claims" };
        writeln!(out, "exported {written} {noun} to {}", path.display())?;
    }
    Ok(())
}

fn publisher(args: &ExportArgs) -> Result<Publisher> {
    let (Some(name), Some(url_template)) = (&args.publisher, &args.url_template) else {
        return Err(usage(
            "a ClaimReview export needs --publisher NAME and --url-template 'https://.../{uid}'",
        ));
    };
    Ok(Publisher {
        name: name.clone(),
        url: args.publisher_url.clone(),
        url_template: url_template.clone(),
    })
}

fn write_claims(
    store: &dyn Ledger,
    filter: &crate::store::ClaimFilter,
    visibility: Visibility,
    sink: &mut dyn ClaimSink,
) -> Result<u64> {
    let progress = Progress::items(store.count_claims(filter)?, "claims");
    let written = store.each_claim(filter, visibility, &mut |detail| {
        progress.inc(1);
        sink.claim(detail)
    })?;
    sink.finish()?;
    progress.finish();
    Ok(written)
}

/// Standard output, or a file written beside its final name and moved into place only when
/// complete, readable by its owner alone (it may name confidential sources).
struct Target<'a> {
    out: Box<dyn Write + 'a>,
    /// The scratch file and the final name, when writing a file.
    file: Option<(PathBuf, PathBuf)>,
}

impl<'a> Target<'a> {
    fn open(path: Option<&Path>, out: &'a mut dyn Write) -> Result<Target<'a>> {
        let Some(path) = path else {
            return Ok(Target {
                out: Box::new(out),
                file: None,
            });
        };
        match fs::metadata(path) {
            Ok(found) if found.is_dir() => {
                anyhow::bail!(
                    "cannot write {}: it is a directory; give the export a file name",
                    path.display()
                )
            }
            // A device or a pipe (/dev/null, a FIFO) is written to as it is, never replaced.
            Ok(found) if !found.is_file() => {
                let device = OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                return Ok(Target {
                    out: Box::new(BufWriter::new(device)),
                    file: None,
                });
            }
            _ => {}
        }
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".partial");
        let scratch = path.with_file_name(name);
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options
            .open(&scratch)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(Target {
            out: Box::new(BufWriter::new(file)),
            file: Some((scratch, path.to_path_buf())),
        })
    }

    fn writer(&mut self) -> &mut dyn Write {
        &mut *self.out
    }

    fn commit(mut self) -> Result<()> {
        self.out.flush()?;
        if let Some((scratch, path)) = &self.file {
            fs::rename(scratch, path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            // In place: nothing left for Drop to clear away.
            self.file = None;
        }
        Ok(())
    }
}

impl Drop for Target<'_> {
    /// An export that failed part way leaves no half-written file behind.
    fn drop(&mut self) {
        if let Some((scratch, _)) = &self.file {
            let _ = fs::remove_file(scratch);
        }
    }
}
