//! `kinmatch-synth`: generate a synthetic county, or score a batch against its truth.
//!
//! ```sh
//! cargo run -p kinmatch-synth -- generate --preset demo --out fixtures/demo
//! cargo run -p kinmatch-synth -- eval /tmp/county/truth.csv out/hits.csv
//! ```

use clap::{Parser, Subcommand};
use kinmatch_synth::{SynthConfig, generate};
use std::path::PathBuf;

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum Preset {
    /// ~150 cadres, ~6,000 roll rows (the bundled fixtures).
    Demo,
    /// ~1,000 cadres, ~60,000 roll rows (the accuracy test).
    TestCounty,
    /// ~5,000 cadres (~40,000 relatives), ~1,000,000 roll rows over ~60 xlsx (the benchmark).
    County,
    /// 2,000,000 relatives, 50,000,000 roll rows in 50 CSV files, streamed (the province benchmark; about 5 GB).
    Province,
}

#[derive(Parser, Debug)]
#[command(name = "kinmatch-synth", version, about = "Synthetic counties (invented people only) for kinmatch's tests, benchmarks and demos")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Generate a synthetic county: registers/, rolls/, truth.csv, expected_inputs.json.
    #[command(after_help = "Example:\n  kinmatch-synth generate --preset demo --out fixtures/demo")]
    Generate {
        #[arg(long, value_enum, default_value = "demo")]
        preset: Preset,
        /// Override the preset's seed.
        #[arg(long)]
        seed: Option<u64>,
        /// Override the number of cadres (about 8 relatives each).
        #[arg(long)]
        cadres: Option<usize>,
        /// Override the number of roll data rows.
        #[arg(long)]
        roll_rows: Option<usize>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Precision per tier and recall of a batch's hits.csv against a generated county's truth.csv.
    #[command(after_help = "Example:\n  kinmatch-synth eval /tmp/county/truth.csv out/hits.csv")]
    Eval { truth: PathBuf, hits: PathBuf },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Generate { preset, seed, cadres, roll_rows, out } => {
            let (s, what) = match preset {
                Preset::Province => {
                    let mut cfg = kinmatch_synth::province::ProvinceConfig::province();
                    cfg.seed = seed.unwrap_or(cfg.seed);
                    cfg.relatives = cadres.map_or(cfg.relatives, |n| n * 8);
                    if let Some(n) = roll_rows {
                        cfg.roll_rows = n;
                        cfg.roll_files = n.div_ceil(1_000_000).max(1);
                    }
                    (kinmatch_synth::province::generate_province(&cfg, &out)?, "planted relatives")
                }
                preset => {
                    let mut cfg = match preset {
                        Preset::Demo => SynthConfig::demo(),
                        Preset::TestCounty => SynthConfig::test_county(),
                        _ => SynthConfig::county(),
                    };
                    cfg.seed = seed.unwrap_or(cfg.seed);
                    cfg.cadres = cadres.unwrap_or(cfg.cadres);
                    cfg.roll_rows = roll_rows.unwrap_or(cfg.roll_rows);
                    (generate(&cfg, &out)?, "true hits")
                }
            };
            println!(
                "wrote {}: {} register files, {} roll files, {} relatives, {} roll rows, {} {what} (truth.csv)",
                out.display(),
                s.register_files,
                s.roll_files,
                s.relatives,
                s.roll_rows,
                s.true_hits
            );
        }
        Command::Eval { truth, hits } => {
            let hits = kinmatch::pipeline::read_hits_csv(&hits)?;
            let e = kinmatch_synth::eval::evaluate(&truth, &hits).map_err(anyhow::Error::msg)?;
            println!("{}", serde_json::to_string_pretty(&e)?);
        }
    }
    Ok(())
}
