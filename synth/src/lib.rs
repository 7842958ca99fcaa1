//! Deterministic generator of a SYNTHETIC county: kinship registers
//! (干部亲属信息登记表), beneficiary rolls and the ground truth of which roll
//! slots are cadres' relatives. Invented people, fictional region codes
//! (5199xx, 528801). Same seed and config => byte-identical files.
//!
//! Output layout under `out`:
//! - `registers/*`: one kinship register per unit (long xlsx, wide xlsx, long CSV);
//! - `rolls/*`: one file per program (or per program/township/month for big configs);
//! - `truth.csv`: one row per expected hit;
//! - `expected_inputs.json`: what a correct reader must report per file and sheet.

pub mod eval;
mod names;
mod noise;
mod output;
mod people;
pub mod province;
mod registers;
mod rng;
mod rolls;
#[cfg(test)]
mod tests;

use std::path::Path;

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthConfig {
    pub seed: u64,
    pub cadres: usize,
    /// Data rows over all roll files (a row may name two people).
    pub roll_rows: usize,
    /// How many roll workbooks to spread the xlsx layouts over (at least 5, one per xlsx layout).
    pub xlsx_files: usize,
    /// Write roll workbooks with rust_xlsxwriter's constant-memory worksheets.
    pub constant_memory: bool,
}

impl SynthConfig {
    /// Committed demo fixtures: seed 7, 150 cadres (~1,200 relatives), ~6,000 roll rows, one file per layout.
    pub fn demo() -> Self {
        SynthConfig { seed: 7, cadres: 150, roll_rows: 6_000, xlsx_files: 5, constant_memory: false }
    }
    /// Test county: seed 11, 1,000 cadres, ~60,000 roll rows.
    pub fn test_county() -> Self {
        SynthConfig { seed: 11, cadres: 1_000, roll_rows: 60_000, xlsx_files: 5, constant_memory: false }
    }
    /// Benchmark county: seed 42, 5,000 cadres (~40,000 relatives), ~1,000,000 roll rows over 60 xlsx + CSV/TXT.
    pub fn county() -> Self {
        SynthConfig { seed: 42, cadres: 5_000, roll_rows: 1_000_000, xlsx_files: 60, constant_memory: true }
    }
}

/// What was written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SynthSummary {
    pub register_files: usize,
    pub roll_files: usize,
    /// Relative rows in the registers (本人 rows not counted).
    pub relatives: usize,
    /// Data rows over all roll files.
    pub roll_rows: usize,
    /// Rows of truth.csv.
    pub true_hits: usize,
    /// Distinct persons of interest (cadres or registered relatives) placed in rolls.
    pub persons_of_interest: usize,
    /// Same-name strangers placed on purpose next to persons of interest.
    pub decoys: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    #[error("writing {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("writing workbook {path}: {message}")]
    Xlsx { path: String, message: String },
    #[error("writing csv {path}: {message}")]
    Csv { path: String, message: String },
}

/// Generate the county described by `cfg` into `out` (created if needed).
pub fn generate(cfg: &SynthConfig, out: &Path) -> Result<SynthSummary, SynthError> {
    let reg_dir = out.join("registers");
    let roll_dir = out.join("rolls");
    for d in [out, reg_dir.as_path(), roll_dir.as_path()] {
        std::fs::create_dir_all(d).map_err(|e| SynthError::Io { path: d.display().to_string(), source: e })?;
    }
    let mut world = people::World::build(cfg.seed, cfg.cadres);
    let mut expected = Vec::new();
    let reg = registers::write_registers(&world, cfg.seed, &reg_dir, &mut expected)?;
    let rolls = rolls::write_rolls(&mut world, &reg, cfg, &roll_dir, &mut expected)?;
    let true_hits = output::write_truth(&world, &reg, &rolls.slots, out)?;
    output::write_expected(&expected, out)?;
    Ok(SynthSummary {
        register_files: reg.files.len(),
        roll_files: rolls.files,
        relatives: reg.relatives,
        roll_rows: rolls.rows,
        true_hits,
        persons_of_interest: rolls.persons_of_interest,
        decoys: rolls.decoys,
    })
}
