//! `kinmatch review import`, `kinmatch sample`, `kinmatch template`

use crate::labels as msgs;
use crate::pipeline::{Manifest, read_hits_csv};
use crate::report::{self, BatchInfo, Decisions, TemplateKind};
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Read filled-in review workbooks back into one decisions file (for `run --decisions`).
    #[command(after_help = "Example:\n  kinmatch review import out/review/*.xlsx -o decisions.csv\n\nEvery hit_id is checked against the batch's hits.csv (--batch DIR, or the folder above review/).\nExit code 0 when every workbook was read and every decision taken; 3 otherwise (the good ones are still written).")]
    Import {
        #[arg(required = true)]
        workbooks: Vec<PathBuf>,
        #[arg(short, long)]
        out: PathBuf,
        /// The batch output folder (holding hits.csv); default: the folder above the workbooks' review/ folder.
        #[arg(long)]
        batch: Option<PathBuf>,
        /// Also write the decisions into the ledger (one transaction: all or nothing).
        #[arg(long, value_name = "PATH", num_args = 0..=1, default_missing_value = crate::ledger::DEFAULT_PATH)]
        ledger: Option<PathBuf>,
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
    /// Record the draw in the ledger (date, rate, seed, the hits drawn), and take the
    /// decisions from it when --decisions is not given.
    #[arg(long, value_name = "PATH", num_args = 0..=1, default_missing_value = crate::ledger::DEFAULT_PATH)]
    pub ledger: Option<PathBuf>,
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
        Command::Import { workbooks, out, batch, ledger } => {
            let mut r = report::import_reviews(&workbooks);
            let batch = batch.or_else(|| batch_of(&workbooks));
            match &batch {
                Some(dir) => {
                    // The batch's hits, and its 虚报冒领 findings (by finding_id).
                    let mut hits = read_hits_csv(&dir.join("hits.csv"))?;
                    hits.extend(eligibility_ids(dir));
                    r.check_batch(&hits)
                }
                None => eprintln!("{}", msgs::review_no_batch()),
            }
            r.decisions.write_csv(&out)?;
            println!("{}", msgs::decisions_written(r.decisions.by_hit.len(), &out.display().to_string()));
            for c in &r.unreadable {
                println!("{}", msgs::review_unreadable(c));
            }
            for c in &r.conflicts {
                println!("{}", msgs::review_conflict(c));
            }
            for i in &r.invalid {
                println!("{}", msgs::review_invalid(i));
            }
            for u in &r.unknown {
                println!("{}", msgs::review_unknown(u));
            }
            println!("{}", msgs::review_missing(r.missing.len()));
            let mut clean = r.is_clean();
            if let Some(p) = &ledger {
                let mut l = crate::ledger::Ledger::open_existing(p)?;
                let o = l.import_decisions(&r.decisions, &crate::pipeline::today())?;
                println!("{}", msgs::ledger_imported(&p.display().to_string(), o.applied, o.unchanged, o.unknown.len()));
                for u in &o.unknown {
                    println!("{}", msgs::review_unknown(u));
                }
                clean &= o.unknown.is_empty();
            }
            Ok(if clean { super::exit::OK } else { super::exit::INPUT_NOT_READ })
        }
    }
}

/// The 虚报冒领 findings of a batch folder (`eligibility_*.csv`) as hits with
/// their finding_id and paying unit, so that their workbooks import like the others.
fn eligibility_ids(dir: &std::path::Path) -> Vec<crate::model::Hit> {
    let mut out = Vec::new();
    for fam in crate::compare::eligibility::Family::ALL {
        let Ok(mut r) = csv::Reader::from_path(dir.join(fam.file())) else { continue };
        let Ok(h) = r.headers().cloned() else { continue };
        let col = |n: &str| h.iter().position(|x| x.trim_start_matches('\u{feff}') == n);
        let (Some(id), Some(unit)) = (col("finding_id"), col("approving_unit")) else { continue };
        for rec in r.records().flatten() {
            out.push(crate::model::Hit {
                hit_id: rec.get(id).unwrap_or("").to_string(),
                approving_unit: rec.get(unit).unwrap_or("").to_string(),
                ..Default::default()
            });
        }
    }
    out
}

/// The batch folder of review workbooks written by `run` (`<batch>/review/*.xlsx`,
/// beside `<batch>/hits.csv`), when all given workbooks agree on one.
fn batch_of(workbooks: &[PathBuf]) -> Option<PathBuf> {
    let mut dirs = workbooks.iter().map(|w| {
        let review = w.parent()?;
        let dir = review.parent().unwrap_or(std::path::Path::new("."));
        let dir = if dir.as_os_str().is_empty() { std::path::Path::new(".") } else { dir };
        dir.join("hits.csv").is_file().then(|| dir.to_path_buf())
    });
    let first = dirs.next()??;
    dirs.all(|d| d.as_ref() == Some(&first)).then_some(first)
}

pub fn exec_sample(a: SampleArgs) -> anyhow::Result<i32> {
    let m = Manifest::load(&a.dir)?;
    let hits = read_hits_csv(&a.dir.join("hits.csv"))?;
    let mut ledger = a.ledger.as_ref().map(|p| crate::ledger::Ledger::open_existing(p)).transpose()?;
    let d = match (&a.decisions, &ledger) {
        (Some(p), _) => Decisions::load_csv(p)?,
        (None, Some(l)) => l.decisions()?,
        (None, None) => Decisions::default(),
    };
    let batch = BatchInfo {
        batch_id: m.batch_id,
        run_date: m.run_date,
        program_version: m.version,
        inputs: m.inputs.kin.into_iter().chain(m.inputs.rolls).collect(),
    ..Default::default()
    };
    let ids = report::write_sample(&a.out, &hits, &d, a.rate, a.seed, &batch)?;
    println!("{}", msgs::sampled(ids.len(), &a.out.display().to_string()));
    if let (Some(l), Some(p)) = (&mut ledger, &a.ledger) {
        l.record_sample(&crate::pipeline::today(), &batch.batch_id, a.rate, a.seed, "", &ids)?;
        println!("{}", msgs::ledger_sample_recorded(&p.display().to_string()));
    }
    Ok(super::exit::OK)
}

pub fn exec_template(a: TemplateArgs) -> anyhow::Result<i32> {
    let k = if a.kind == "register" { TemplateKind::Register } else { TemplateKind::Roll };
    report::write_template(&a.out, k)?;
    println!("{}", msgs::template_written(&a.out.display().to_string()));
    Ok(super::exit::OK)
}
