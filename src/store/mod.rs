//! The ledger's storage: the only module that knows SQL. `ledger` is the interface the
//! commands use; `sqlite` keeps a ledger in a local file and `pg` on a desk's PostgreSQL
//! server. Everything outside speaks in the plain domain types of `crate::model`.

mod ledger;
pub mod pg;
mod sqlite;

use std::path::Path;

use anyhow::Result;

pub use ledger::{
    CheckReport, ClaimFilter, ClaimantEdit, Claims, Exchange, Group, GroupCounts, Import,
    ImportCounts, ImportWith, Ledger, Logged, NewAttribution, NewClaim, NewEvent, OutletEdit,
    Reports, Sources, StoryCount, Upkeep,
};
pub use sqlite::Store;

/// Opens the ledger `db` names: a desk server for a `postgres://` URL, else a local file,
/// created when it does not exist.
pub fn open(db: &str) -> Result<Box<dyn Ledger>> {
    if pg::is_url(db) {
        anyhow::bail!(
            "the everyday commands do not run on a desk server yet; only claimtrail desk init does (give --db a ledger file)"
        )
    } else {
        Ok(Box::new(Store::open(Path::new(db))?))
    }
}
