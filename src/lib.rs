//! kinmatch: find public money flowing to the relatives of the officials who
//! control it.
//!
//! The pipeline, one module per stage:
//! [`load`] (files → records) → [`normalize`] (IDs, names, relations) →
//! [`matching`] (records → hits with evidence) → [`report`] (hits → files people act on).
//! [`compare`] holds the comparisons as data (relatives × rolls, relatives × the enterprise registry).
//! See `docs/ARCHITECTURE.md`.

/// The engine's version, recorded in every manifest and snapshot.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Stage timings on stderr when `KINMATCH_TIMINGS` is set (for profiling);
/// returns the start of the next stage. Used by every stage, owned by none.
pub fn timing(stage: &str, since: std::time::Instant) -> std::time::Instant {
    if std::env::var_os("KINMATCH_TIMINGS").is_some() {
        eprintln!("[timing] {stage}: {:.3} s", since.elapsed().as_secs_f64());
    }
    std::time::Instant::now()
}

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
