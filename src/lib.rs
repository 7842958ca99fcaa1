//! kinmatch: find public money flowing to the relatives of the officials who
//! control it.
//!
//! The pipeline, one module per stage:
//! [`load`] (files → records) → [`normalize`] (IDs, names, relations) →
//! [`matching`] (records → hits with evidence) → [`report`] (hits → files people act on).
//! [`compare`] holds the comparisons as data (relatives × rolls, relatives × the enterprise registry).
//! See `docs/ARCHITECTURE.md`.

pub mod cli;
pub mod compare;
pub mod config;
pub mod labels;
pub mod ledger;
pub mod load;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod matching;
pub mod report;
pub mod snapshot;
