//! `kinmatch synth`

use crate::synth::{SynthConfig, generate};
use std::path::PathBuf;

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Preset {
    /// ~150 cadres, ~6,000 roll rows (the bundled fixtures).
    Demo,
    /// ~1,000 cadres, ~60,000 roll rows (the accuracy test).
    TestCounty,
    /// ~5,000 cadres (~40,000 relatives), ~1,000,000 roll rows over ~60 xlsx (the benchmark).
    County,
    /// 2,000,000 relatives, 50,000,000 roll rows in 50 CSV files, streamed (the province benchmark; about 5 GB).
    Province,
}

#[derive(clap::Args, Debug)]
#[command(after_help = "Example:\n  kinmatch synth --preset demo --out fixtures/demo")]
pub struct Args {
    #[arg(long, value_enum, default_value = "demo")]
    pub preset: Preset,
    /// Override the preset's seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Override the number of cadres (about 8 relatives each).
    #[arg(long)]
    pub cadres: Option<usize>,
    /// Override the number of roll data rows.
    #[arg(long)]
    pub roll_rows: Option<usize>,
    #[arg(long)]
    pub out: PathBuf,
}

pub fn exec(a: Args) -> anyhow::Result<i32> {
    let (s, what) = match a.preset {
        Preset::Province => {
            let mut cfg = crate::synth::province::ProvinceConfig::province();
            cfg.seed = a.seed.unwrap_or(cfg.seed);
            cfg.relatives = a.cadres.map_or(cfg.relatives, |n| n * 8);
            if let Some(n) = a.roll_rows {
                cfg.roll_rows = n;
                cfg.roll_files = n.div_ceil(1_000_000).max(1);
            }
            (crate::synth::province::generate_province(&cfg, &a.out)?, "planted relatives")
        }
        preset => {
            let mut cfg = match preset {
                Preset::Demo => SynthConfig::demo(),
                Preset::TestCounty => SynthConfig::test_county(),
                _ => SynthConfig::county(),
            };
            cfg.seed = a.seed.unwrap_or(cfg.seed);
            cfg.cadres = a.cadres.unwrap_or(cfg.cadres);
            cfg.roll_rows = a.roll_rows.unwrap_or(cfg.roll_rows);
            (generate(&cfg, &a.out)?, "true hits")
        }
    };
    println!(
        "wrote {}: {} register files, {} roll files, {} relatives, {} roll rows, {} {what} (truth.csv)",
        a.out.display(),
        s.register_files,
        s.roll_files,
        s.relatives,
        s.roll_rows,
        s.true_hits
    );
    Ok(super::exit::OK)
}

/// `kinmatch synth-eval TRUTH HITS`: score a batch against the generator's truth.
#[derive(clap::Args, Debug)]
#[command(after_help = "Example:\n  kinmatch synth-eval /tmp/county/truth.csv out/hits.csv")]
pub struct EvalArgs {
    pub truth: PathBuf,
    pub hits: PathBuf,
}

pub fn exec_eval(a: EvalArgs) -> anyhow::Result<i32> {
    let hits = crate::pipeline::read_hits_csv(&a.hits)?;
    let e = crate::synth::eval::evaluate(&a.truth, &hits).map_err(anyhow::Error::msg)?;
    println!("{}", serde_json::to_string_pretty(&e)?);
    Ok(super::exit::OK)
}
