//! `kinmatch index` and `kinmatch check`: the pre-disbursement check.

use crate::config::Config;
use crate::labels as msgs;
use crate::load::roles::Kind;
use crate::model::Tier;
use crate::pipeline::{self, read_side, write_hits_csv};
use crate::snapshot::Snapshot;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  kinmatch index --kin registers/ -o register.kmx\n  kinmatch index --kin registers/ --deaths 火化登记.xlsx --payroll 财政供养.xlsx --vehicles 机动车.xlsx -o register.kmx")]
pub struct IndexArgs {
    /// Kinship registers (files or folders).
    #[arg(long, required = true, num_args = 1..)]
    pub kin: Vec<PathBuf>,
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[arg(short, long)]
    pub out: PathBuf,
    /// Kept in the snapshot: `check` then runs the 虚报冒领 rules too.
    #[command(flatten)]
    pub exclusions: ExclusionArgs,
}

/// The exclusion registers of the 虚报冒领 rules, for `run` and `index`.
#[derive(clap::Args, Debug, Default)]
pub struct ExclusionArgs {
    /// 死亡 / 火化 / 户口注销 records (姓名, 身份证号, 死亡日期 / 火化日期 / 注销日期): roll persons paid
    /// for a period after their death (eligibility_deaths.csv).
    #[arg(long, num_args = 1..)]
    pub deaths: Vec<PathBuf>,
    /// 财政供养人员花名册 (单位, 姓名, 身份证号, 岗位, 人员类别): public employees, and the registers'
    /// cadres, on means-tested programs (低保, 特困, 临时救助; eligibility_payroll.csv).
    #[arg(long, num_args = 1..)]
    pub payroll: Vec<PathBuf>,
    /// 机动车登记 (号牌号码, 车辆类型, 所有人, 身份证明号码, 初次登记日期, 状态): vehicle owners on 低保 /
    /// 特困; exempt types and vehicles gone before the period are left out (eligibility_vehicles.csv).
    #[arg(long, num_args = 1..)]
    pub vehicles: Vec<PathBuf>,
}

impl From<ExclusionArgs> for pipeline::ExclusionPaths {
    fn from(a: ExclusionArgs) -> Self {
        pipeline::ExclusionPaths { deaths: a.deaths, payroll: a.payroll, vehicles: a.vehicles }
    }
}

pub fn exec_index(a: IndexArgs) -> anyhow::Result<i32> {
    // The snapshot's folder must be writable before the registers are read.
    let parent = a.out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    pipeline::check_out_dir(parent)?;
    let ex = pipeline::ExclusionPaths::from(a.exclusions);
    let h = pipeline::build_index_with(&a.kin, a.config.as_deref(), &a.out, &ex)?;
    let not_read = h.inputs.iter().chain(&h.exclusions).filter(|r| r.not_read()).count();
    println!("{}", msgs::index_written(&a.out.display().to_string(), h.inputs.len(), h.cadres, h.persons_of_interest));
    for r in h.inputs.iter().chain(&h.exclusions).filter(|r| r.error.is_some()) {
        eprintln!("{}", msgs::not_read(r.error.as_deref().unwrap_or("")));
    }
    Ok(if not_read > 0 { super::exit::INPUT_NOT_READ } else { super::exit::OK })
}

#[derive(clap::Args, Debug)]
#[command(after_help = "Example:\n  kinmatch check 本月低保.xlsx --index register.kmx\n\nExit code 0: no hit; 10: hits (listed); 1: error; 3: the roll could not be read.")]
pub struct CheckArgs {
    /// The roll(s) about to be paid.
    #[arg(required = true)]
    pub rolls: Vec<PathBuf>,
    #[arg(long)]
    pub index: PathBuf,
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Also write hits.csv and the review workbook(s) here.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn exec_check(a: CheckArgs) -> anyhow::Result<i32> {
    if let Some(dir) = &a.out {
        pipeline::check_out_dir(dir)?;
    }
    let snap = Snapshot::load(&a.index)?;
    let cfg = match &a.config {
        Some(p) => Config::load(p)?,
        None => Config::default(),
    };
    let (d, loaded) = read_side(&a.rolls, Kind::Roll, &cfg);
    let reports: Vec<crate::model::InputReport> = loaded.iter().map(|l| l.report.clone()).collect();
    let mut problems = pipeline::input_problems(&[], &reports, &d.missing, (false, true));
    // A death list or a registry given to `check` is not a roll: nothing of it was compared.
    for r in &reports {
        for s in r.sheets.iter().filter(|s| s.problem.is_none()) {
            if let Some(k) = s.other_input {
                problems.push(crate::labels::not_a_roll_to_check(&r.file, k));
            }
        }
    }
    for p in &problems {
        eprintln!("{p}");
    }
    let rolls: Vec<_> = loaded.iter().flat_map(|l| l.rolls.iter().cloned()).collect();
    let out = snap.check(&rolls, &cfg.unit_table())?;
    // 虚报冒领: the exclusion registers the snapshot holds, and double claims within these rolls.
    let (findings, no_period) = snap.exclusions().check(&rolls);
    for f in &findings {
        let c = &f.claim;
        println!(
            "{}\t{}\t{} · {} · {}\t{}",
            f.rule.text_zh(),
            c.name,
            c.source.file,
            if c.source.sheet.is_empty() { "-" } else { &c.source.sheet },
            c.source.row,
            f.evidence
        );
    }
    if !snap.exclusions().is_empty() || !findings.is_empty() {
        eprintln!("{}", msgs::check_eligibility(findings.len()));
    }
    let mut problems = problems;
    problems.extend(no_period.iter().map(|f| msgs::roll_without_period(f)));
    for h in &out.hits {
        println!(
            "{}\t{} ({})\t{} · {} · {}\t{} {}\t{}",
            h.tier.label_zh(),
            h.roll_name,
            crate::labels::roll_person(h.roll_role),
            h.roll_file,
            if h.roll_sheet.is_empty() { "-" } else { &h.roll_sheet },
            h.roll_row,
            h.cadre_name,
            h.relation_term,
            h.evidence
        );
    }
    let n = |t: Tier| out.hits.iter().filter(|h| h.tier == t).count();
    eprintln!(
        "{}",
        msgs::check_counts(
            out.stats.roll_persons,
            out.stats.persons_of_interest,
            out.hits.len(),
            n(Tier::Confirmed),
            n(Tier::Probable),
            n(Tier::Possible)
        )
    );
    // Writing the files must not hide the hits: a failure here is reported
    // with the others, and the exit code still says "hits".
    let mut failures: Vec<String> = problems.clone();
    if let (Some(dir), false) = (&a.out, findings.is_empty()) {
        let p = dir.join("eligibility_findings.csv");
        if let Err(e) = crate::compare::eligibility::write_findings(&p, &findings) {
            let msg = msgs::check_write_failed(&dir.display().to_string(), &e.to_string());
            eprintln!("{msg}");
            failures.push(msg);
        }
    }
    if let Some(dir) = &a.out {
        let written = write_hits_csv(&dir.join("hits.csv"), &out.hits).map_err(anyhow::Error::from).and_then(|_| {
            let batch = crate::report::BatchInfo {
                batch_id: "check".into(),
                run_date: pipeline::today(),
                program_version: pipeline::VERSION.into(),
                inputs: loaded.iter().map(|l| l.report.clone()).collect(),
            ..Default::default()
            };
            crate::report::write_review_workbooks(dir, &out.hits, &batch, &Default::default())?;
            Ok(())
        });
        if let Err(e) = written {
            let msg = msgs::check_write_failed(&dir.display().to_string(), &format!("{e:#}"));
            eprintln!("{msg}");
            failures.push(msg);
        }
    }
    // Hits always say so (do not pay); anything else that failed says so next.
    Ok(if !out.hits.is_empty() || !findings.is_empty() {
        if !failures.is_empty() {
            eprintln!("{}", msgs::check_hits_and_failures(failures.len()));
        }
        super::exit::HITS_FOUND
    } else if !failures.is_empty() {
        eprintln!("{}", msgs::check_clean_but_incomplete(failures.len()));
        super::exit::INPUT_NOT_READ
    } else {
        super::exit::OK
    })
}
