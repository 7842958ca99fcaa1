//! `kinmatch review import|sample|template`

use crate::pipeline::{Manifest, read_hits_csv};
use crate::report::{self, BatchInfo, Decisions, TemplateKind};
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Read filled-in review workbooks back into one decisions file (for `run --decisions`).
    #[command(after_help = "Example:\n  kinmatch review import out/review/*.xlsx -o decisions.csv")]
    Import {
        #[arg(required = true)]
        workbooks: Vec<PathBuf>,
        #[arg(short, long)]
        out: PathBuf,
    },
    /// Draw a reproducible spot-check sample of verified hits per unit.
    #[command(after_help = "Example:\n  kinmatch review sample out --decisions decisions.csv --rate 0.3 --seed 2024 -o sample.xlsx")]
    Sample {
        /// The batch output folder (hits.csv, manifest.json).
        dir: PathBuf,
        #[arg(long)]
        decisions: Option<PathBuf>,
        #[arg(long, default_value_t = 0.3)]
        rate: f64,
        #[arg(long)]
        seed: u64,
        #[arg(short, long)]
        out: PathBuf,
    },
    /// Write a blank workbook in the layout the engine reads best.
    #[command(after_help = "Example:\n  kinmatch review template register -o 亲属登记表模板.xlsx")]
    Template {
        #[arg(value_parser = ["register", "roll"])]
        kind: String,
        #[arg(short, long)]
        out: PathBuf,
    },
}

pub fn exec(c: Command) -> anyhow::Result<i32> {
    match c {
        Command::Import { workbooks, out } => {
            let r = report::import_reviews(&workbooks)?;
            r.decisions.write_csv(&out)?;
            println!("{} decisions written to {}", r.decisions.by_hit.len(), out.display());
            for c in &r.conflicts {
                println!("CONFLICT: {c}");
            }
            for i in &r.invalid {
                println!("INVALID: {i}");
            }
            println!("{} hits still without a decision", r.missing.len());
            Ok(if r.conflicts.is_empty() && r.invalid.is_empty() { super::exit::OK } else { super::exit::INPUT_NOT_READ })
        }
        Command::Sample { dir, decisions, rate, seed, out } => {
            let m = Manifest::load(&dir)?;
            let hits = read_hits_csv(&dir.join("hits.csv"))?;
            let d = match decisions {
                Some(p) => Decisions::load_csv(&p)?,
                None => Decisions::default(),
            };
            let batch = BatchInfo {
                batch_id: m.batch_id,
                run_date: m.run_date,
                program_version: m.version,
                inputs: m.inputs.kin.into_iter().chain(m.inputs.rolls).collect(),
            };
            let ids = report::write_sample(&out, &hits, &d, rate, seed, &batch)?;
            println!("{} hits sampled into {}", ids.len(), out.display());
            Ok(super::exit::OK)
        }
        Command::Template { kind, out } => {
            let k = if kind == "register" { TemplateKind::Register } else { TemplateKind::Roll };
            report::write_template(&out, k)?;
            println!("template written to {}", out.display());
            Ok(super::exit::OK)
        }
    }
}
