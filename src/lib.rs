//! claimtrail: a ledger of the claims in a fast-moving story: who made each one, which
//! outlets relayed it, and where verification stands. The binary in `main.rs` is a thin
//! shell over this library; the benchmark generator in `examples/` uses it too.

pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod exchange;
pub mod extract;
pub mod model;
pub mod pager;
pub mod portable;
pub mod render;
pub mod report;
pub mod resemblance;
pub mod store;
pub mod suggest;
pub mod time;
