//! `claimtrail report`: how each claimant and outlet has done so far.

use std::fs;
use std::io::{self, Write};

use anyhow::{Context as _, Result, bail};

use super::{Context, now, since_time};
use crate::cli::{GroupBy, ReportArgs, ReportFormat};
use crate::error::usage;
use crate::model::{Status, Visibility};
use crate::render;
use crate::render::Format;
use crate::report::{self, Report};
use crate::store::{ClaimFilter, Group, Ledger};

/// The open claims an HTML report lists, oldest first.
const OPEN_ON_PAGE: u64 = 500;

pub fn run(ctx: &Context, args: ReportArgs, out: &mut dyn Write) -> Result<()> {
    let now = now()?;
    let store = ctx.store()?;
    let filter = ClaimFilter {
        story: args.story.clone(),
        since: args.since.map(|s| since_time(s, now)),
        ..ClaimFilter::default()
    };
    let visibility = Visibility::from_reveal(args.reveal);
    let report = build(store.as_ref(), &filter, args.group, visibility)?;
    let format = match args.format {
        ReportFormat::Table => Format::Table,
        ReportFormat::Json => Format::Json,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Html => {
            let Some(path) = &args.output else {
                bail!(usage(
                    "an html report is a page to share: give --output FILE to write it to"
                ));
            };
            let open_filter = ClaimFilter {
                statuses: Status::open(),
                ..filter.clone()
            };
            let open_total = store.count_claims(&open_filter)?;
            // The oldest open claims are what an editor chases; a page of thousands helps no one.
            let open = store.list_claims(
                &ClaimFilter {
                    limit: Some(OPEN_ON_PAGE),
                    ..open_filter
                },
                visibility,
            )?;
            let settled = store.count_claims(&ClaimFilter {
                statuses: Status::ALL
                    .iter()
                    .copied()
                    .filter(|s| !s.is_open())
                    .collect(),
                ..filter.clone()
            })?;
            let page = render::html::page(&render::html::Page {
                report: &report,
                open: &open,
                open_total,
                settled,
                story: args.story.as_deref(),
                now,
            });
            fs::write(path, page).with_context(|| format!("cannot write {}", path.display()))?;
            writeln!(out, "wrote {}", path.display())?;
            return Ok(());
        }
    };
    match &args.output {
        Some(path) => {
            let mut file = io::BufWriter::new(
                fs::File::create(path)
                    .with_context(|| format!("cannot write {}", path.display()))?,
            );
            render::report::report(&mut file, &report, format, now, &ctx.file_style())?;
            file.flush()?;
        }
        None => render::report::report(out, &report, format, now, &ctx.stdout_style())?,
    }
    Ok(())
}

/// Both tables, or the one `only` names.
pub fn build(
    store: &dyn Ledger,
    filter: &ClaimFilter,
    only: Option<GroupBy>,
    visibility: Visibility,
) -> Result<Report> {
    let wanted = |group: GroupBy| only.is_none() || only == Some(group);
    let groups: Vec<Group> = [
        (GroupBy::Claimant, Group::Claimant),
        (GroupBy::Outlet, Group::Outlet),
    ]
    .into_iter()
    .filter(|(by, _)| wanted(*by))
    .map(|(_, group)| group)
    .collect();
    let mut counts = store
        .group_counts(&groups, filter, visibility)?
        .into_iter()
        .map(report::rows);
    Ok(Report {
        claimants: wanted(GroupBy::Claimant).then(|| counts.next()).flatten(),
        outlets: wanted(GroupBy::Outlet).then(|| counts.next()).flatten(),
    })
}
