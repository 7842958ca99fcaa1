//! `kinmatch review import`, `kinmatch sample`, `kinmatch template`

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
}

/// `kinmatch sample DIR --rate R --seed N -o FILE`
#[derive(clap::Args, Debug)]
#[command(after_help = "Example:\n  kinmatch sample out --decisions decisions.csv --rate 0.3 --seed 2024 -o sample.xlsx\n\nThe discipline organ checks at least 30% (--rate 0.3), the county office at least 10%.")]
pub struct SampleArgs {
    /// The batch output folder (hits.csv, manifest.json).
    pub dir: PathBuf,
    /// Decisions (from `review import`); hits with a 核查结论 are the verified ones.
    #[arg(long)]
    pub decisions: Option<PathBuf>,
    #[arg(long, default_value_t = 0.3)]
    pub rate: f64,
    #[arg(long)]
    pub seed: u64,
    #[arg(short, long)]
    pub out: PathBuf,
}

/// `kinmatch template register|roll -o FILE.xlsx`
#[derive(clap::Args, Debug)]
#[command(after_help = "Example:\n  kinmatch template register -o 亲属登记表模板.xlsx")]
pub struct TemplateArgs {
    #[arg(value_parser = ["register", "roll"])]
    pub kind: String,
    #[arg(short, long)]
    pub out: PathBuf,
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
    }
}

pub fn exec_sample(a: SampleArgs) -> anyhow::Result<i32> {
    let m = Manifest::load(&a.dir)?;
    let hits = read_hits_csv(&a.dir.join("hits.csv"))?;
    let d = match &a.decisions {
        Some(p) => Decisions::load_csv(p)?,
        None => Decisions::default(),
    };
    let batch = BatchInfo {
        batch_id: m.batch_id,
        run_date: m.run_date,
        program_version: m.version,
        inputs: m.inputs.kin.into_iter().chain(m.inputs.rolls).collect(),
    };
    let ids = report::write_sample(&a.out, &hits, &d, a.rate, a.seed, &batch)?;
    println!("{} hits sampled into {}", ids.len(), a.out.display());
    Ok(super::exit::OK)
}

pub fn exec_template(a: TemplateArgs) -> anyhow::Result<i32> {
    let k = if a.kind == "register" { TemplateKind::Register } else { TemplateKind::Roll };
    report::write_template(&a.out, k)?;
    println!("template written to {}", a.out.display());
    Ok(super::exit::OK)
}
