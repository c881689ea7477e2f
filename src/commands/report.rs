//! `claimtrail report`: how each claimant and outlet has done so far.

use std::io::Write;

use anyhow::Result;

use super::{Context, now, since_time};
use crate::cli::{GroupBy, ReportArgs};
use crate::model::Visibility;
use crate::render;
use crate::report::{self, Report};
use crate::store::{ClaimFilter, Group, Store};

pub fn run(ctx: &Context, args: ReportArgs, out: &mut dyn Write) -> Result<()> {
    let now = now()?;
    let store = ctx.store()?;
    let filter = ClaimFilter {
        story: args.story,
        since: args.since.map(|s| since_time(s, now)),
        ..ClaimFilter::default()
    };
    let visibility = Visibility::from_reveal(args.reveal);
    let report = build(&store, &filter, args.group, visibility)?;
    render::report::report(out, &report, args.format, now)?;
    Ok(())
}

/// Both tables, or the one `only` names.
pub fn build(
    store: &Store,
    filter: &ClaimFilter,
    only: Option<GroupBy>,
    visibility: Visibility,
) -> Result<Report> {
    let wanted = |group: GroupBy| only.is_none() || only == Some(group);
    let rows = |group: Group| -> Result<_> {
        Ok(report::rows(store.group_counts(group, filter, visibility)?))
    };
    Ok(Report {
        claimants: wanted(GroupBy::Claimant)
            .then(|| rows(Group::Claimant))
            .transpose()?,
        outlets: wanted(GroupBy::Outlet)
            .then(|| rows(Group::Outlet))
            .transpose()?,
    })
}
