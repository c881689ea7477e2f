//! The ledger's behaviour written once, over a narrow seam to whichever database holds the
//! ledger (`seam`), with a small dialect for what truly differs. Each backend provides the
//! seam inside its own transactions and keeps only what is its own: opening, migrations,
//! roles, bulk paths, backup.

pub mod check;
pub mod claims;
mod seam;

pub use seam::{Dialect, Row, Seam, Value};
