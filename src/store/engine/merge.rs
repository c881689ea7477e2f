//! The import's merge rules: which records are already there, and which cannot be merged at
//! all.

use anyhow::{Result, bail};

use crate::portable::{AttributionRecord, EditRecord, EventRecord};
use crate::store::names::{is_placeholder, tidy};
use crate::time::Timestamp;

/// Sorted by time, keeping file order among equal times.
pub fn in_time_order<T>(items: &[T], at: impl Fn(&T) -> Timestamp) -> Vec<&T> {
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by_key(|item| at(item));
    sorted
}

/// Whether two records are of one status event: the same status, time, note and evidence.
/// Who logged it is left out, since a desk server names whichever role sent it.
pub fn same_event(a: &EventRecord, b: &EventRecord) -> bool {
    (a.status, a.at, &a.note, &a.evidence) == (b.status, b.at, &b.note, &b.evidence)
}

/// Whether two records are of one correction, leaving out who made it, as for events.
pub fn same_edit(a: &EditRecord, b: &EditRecord) -> bool {
    (a.field, &a.old_value, &a.new_value, a.at, &a.note)
        == (b.field, &b.old_value, &b.new_value, b.at, &b.note)
}

/// A placeholder stands for someone the exporting ledger would not name: importing it would
/// either lose who it was or pin the words on whoever has that number here.
pub fn refuse_placeholder(name: &str) -> Result<()> {
    if is_placeholder(name) {
        bail!(
            "\"{}\" is a placeholder for a confidential source: this file was exported without --reveal; export it again with --reveal to move confidential sources between ledgers",
            tidy(name)
        );
    }
    Ok(())
}

/// The names a chain's outlets were logged under, when given, go one to an outlet.
pub fn check_recorded_chain(a: &AttributionRecord) -> Result<()> {
    if !a.via_recorded_as.is_empty() && a.via_recorded_as.len() != a.via.len() {
        bail!(
            "field via_recorded_as: has {} entries for {} outlets",
            a.via_recorded_as.len(),
            a.via.len()
        );
    }
    Ok(())
}
