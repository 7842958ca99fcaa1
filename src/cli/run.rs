//! `kinmatch run --kin PATH... --rolls PATH... --out DIR`

use crate::labels as msgs;
use crate::pipeline::{Progress, RunOptions, run_observed};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

/// A progress bar on stderr, only when stderr is a terminal (quiet in pipes and CI).
struct Bar {
    bar: Option<ProgressBar>,
    rows: AtomicU64,
}

impl Bar {
    fn new() -> Bar {
        let on = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        Bar { bar: on.then(ProgressBar::new_spinner), rows: AtomicU64::new(0) }
    }
}

impl Progress for Bar {
    fn stage(&self, name: &str, total: Option<usize>) {
        let Some(b) = &self.bar else { return };
        match total {
            Some(n) => {
                b.set_style(
                    ProgressStyle::with_template("{msg:18} [{bar:30}] {pos}/{len} {prefix}")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                b.set_length(n as u64);
                b.set_position(0);
                self.rows.store(0, Ordering::Relaxed);
            }
            None => {
                b.set_style(ProgressStyle::default_spinner());
                b.enable_steady_tick(std::time::Duration::from_millis(120));
            }
        }
        b.set_message(msgs::stage(name));
    }
    fn file_read(&self, _file: &str, rows: u64) {
        if let Some(b) = &self.bar {
            let total = self.rows.fetch_add(rows, Ordering::Relaxed) + rows;
            b.set_prefix(format!("{total} {}", msgs::rows_word()));
            b.inc(1);
        }
    }
    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  kinmatch run --kin fixtures/demo/registers --rolls fixtures/demo/rolls --out out\n  kinmatch run --kin registers --rolls rolls --out 2024-11 --ledger kinmatch.db\n  kinmatch run --ledger kinmatch.db --as-of 2024-11-01 --rolls rolls --out audit\n  kinmatch run --kin registers --rolls rolls --registry 市场主体登记 --checks enterprises --out 2024-11-ent\n\nWrites out/hits.csv, out/review/<审批单位>.xlsx, out/summary.xlsx and out/manifest.json.\nExit code 3 when some input could not be read (the run still completes); 1 when the output folder holds\nfilled review workbooks not yet imported (nothing is overwritten; --force writes a fresh folder).")]
pub struct Args {
    /// Kinship registers (files or folders).
    #[arg(long, num_args = 1.., required_unless_present_any = ["index", "as_of"])]
    pub kin: Vec<PathBuf>,
    /// A register snapshot from `kinmatch index`, in place of --kin.
    #[arg(long, conflicts_with = "kin")]
    pub index: Option<PathBuf>,
    /// Beneficiary rolls (files or folders). May be left out when only --registry or --orgs is compared.
    #[arg(long, required_unless_present_any = ["registry", "orgs"], num_args = 1..)]
    pub rolls: Vec<PathBuf>,
    /// Output folder.
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The enterprise registry (市场主体登记: enterprises, shareholders, officers; files or
    /// folders): the cadre, spouse, children and children's spouses are compared with its
    /// persons and enterprise_findings.csv is written.
    #[arg(long, num_args = 1..)]
    pub registry: Vec<PathBuf>,
    /// Cadres' declarations of relatives' businesses (干部姓名, 亲属姓名, 企业名称, 统一社会信用代码):
    /// each enterprise finding is then 已申报 or 未申报.
    /// (Without --registry, the registry must be found among the rolls.)
    #[arg(long, num_args = 1..)]
    pub declarations: Vec<PathBuf>,
    /// Social organisations' officer filings (社会组织负责人备案 / 兼职登记: 组织名称, 姓名, 身份证号, 职务,
    /// 任职时间, 届次, 是否领取报酬, 金额): the cadres themselves are compared with them and
    /// association_findings.csv is written, each finding with the rules it breaks.
    #[arg(long, num_args = 1..)]
    pub orgs: Vec<PathBuf>,
    /// Retired cadres (姓名, 身份证号, 原单位, 原职级, 退休时间), compared with --orgs under the limits for
    /// retired cadres (one organisation, two terms, age 70, no pay, not the legal representative).
    /// (Without --orgs, the filings must be found among the rolls.)
    #[arg(long, num_args = 1..)]
    pub retired: Vec<PathBuf>,
    /// Earlier reviewer decisions (from `kinmatch review import`), carried forward by hit_id.
    #[arg(long)]
    pub decisions: Option<PathBuf>,
    /// The batch date shown in the workbooks (default: reused from an earlier run of the same batch, else today).
    #[arg(long)]
    pub run_date: Option<String>,
    /// Also write publicity lists from all confirmed hits, before review (marked as a preview).
    #[arg(long)]
    pub publicity_dry_run: bool,
    /// Write only hits.csv and manifest.json.
    #[arg(long)]
    pub no_workbooks: bool,
    /// Memory for one chunk of rolls, in MB (estimated from file sizes). Rolls
    /// larger than one chunk are read twice and matched chunk by chunk, with the
    /// same hits.
    #[arg(long, value_name = "MB", default_value_t = crate::pipeline::DEFAULT_CHUNK_BYTES >> 20)]
    pub chunk_mb: u64,
    /// Treat any input that could not be used (exit 3) as an error (exit 1).
    #[arg(long)]
    pub strict: bool,
    /// The ledger (台账, an SQLite file; default kinmatch.db): the registers read are recorded with
    /// their history, every hit becomes a lead with a due date, earlier decisions prefill the review
    /// workbooks.
    #[arg(long, value_name = "PATH", num_args = 0..=1, default_missing_value = crate::ledger::DEFAULT_PATH)]
    pub ledger: Option<PathBuf>,
    /// Match against the registers as the ledger held them on this date (YYYY-MM-DD), in place of --kin.
    #[arg(long, value_name = "DATE", requires = "ledger", conflicts_with_all = ["kin", "index"])]
    pub as_of: Option<String>,
    /// The date the registers were received (default: the run date).
    #[arg(long, value_name = "DATE", requires = "ledger")]
    pub received: Option<String>,
    /// Days the approving unit has to verify a new lead.
    #[arg(long, value_name = "DAYS", requires = "ledger", default_value_t = crate::ledger::DEFAULT_DUE_DAYS)]
    pub due_days: u32,
    /// When the output folder holds filled review workbooks not yet imported, write a fresh folder
    /// (OUT-2, …) instead of stopping.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub exclusions: super::check::ExclusionArgs,
    /// With --registry (or a registry found among the rolls): legal representatives,
    /// shareholders and officers on 低保 / 特困 (eligibility_business.csv).
    #[arg(long)]
    pub business_owners: bool,
    /// The rolls against each other: 低保 and 特困 at once, or one program twice in a period
    /// (eligibility_double_claims.csv).
    #[arg(long)]
    pub double_claims: bool,
    /// Run only these comparisons (comma-separated): relatives_rolls (亲属涉权), enterprises
    /// (经商办企业), associations (社团兼职), eligibility (虚报冒领). Default: every comparison
    /// whose inputs are given. Example: `--checks enterprises,associations`.
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub checks: Vec<String>,
}

pub fn exec(a: Args) -> anyhow::Result<i32> {
    let opts = RunOptions {
        kin: a.kin,
        rolls: a.rolls,
        out: a.out.clone(),
        config: a.config,
        decisions: a.decisions,
        run_date: a.run_date,
        publicity_dry_run: a.publicity_dry_run,
        workbooks: !a.no_workbooks,
        index: a.index,
        chunk_bytes: Some(a.chunk_mb << 20),
        base: None,
        registry: a.registry,
        declarations: a.declarations,
        orgs: a.orgs,
        retired: a.retired,
        ledger: a.ledger,
        as_of: a.as_of,
        received: a.received,
        due_days: Some(a.due_days),
        force: a.force,
        ledger_readonly: false,
        ledger_decisions: None,
        ledger_status: None,
        deaths: a.exclusions.deaths,
        payroll: a.exclusions.payroll,
        vehicles: a.exclusions.vehicles,
        business_owners: a.business_owners,
        double_claims: a.double_claims,
        checks: a.checks,
    };
    let res = run_observed(&opts, &Bar::new())?;
    let m = &res.manifest;
    let c = &m.counts;
    let all = m.inputs.kin.iter().chain(&m.inputs.rolls);
    eprintln!(
        "{}",
        msgs::run_inputs(
            &m.version,
            &m.batch_id,
            &m.run_date,
            m.inputs.kin.len(),
            c.register_rows,
            m.inputs.rolls.len(),
            c.roll_rows,
            c.matching.roll_persons
        )
    );
    if !m.options.checks.is_empty() {
        eprintln!("{}", msgs::checks_run(&m.options.checks));
    }
    let tier = |t: &str| *c.matching.by_tier.get(t).unwrap_or(&0);
    eprintln!(
        "{}",
        msgs::hits_line(
            c.matching.cadres,
            c.matching.persons_of_interest,
            c.matching.hits,
            tier("confirmed"),
            tier("probable"),
            tier("possible")
        )
    );
    if !m.inputs.registry.is_empty() {
        let e = &res.enterprise;
        let n = |t: crate::model::Tier| e.iter().filter(|f| f.hit.tier == t).count();
        let undeclared = (!m.inputs.declarations.is_empty()).then(|| e.iter().filter(|f| f.declared == "未申报").count());
        let persons: u64 = m.inputs.registry.iter().map(|r| r.data_rows()).sum();
        eprintln!(
            "{}",
            msgs::enterprise_line(
                m.inputs.registry.len(),
                persons,
                e.len(),
                n(crate::model::Tier::Confirmed),
                n(crate::model::Tier::Probable),
                n(crate::model::Tier::Possible),
                undeclared,
                (!m.inputs.declarations.is_empty()).then_some(res.declared_not_found),
            )
        );
    }
    if !m.inputs.orgs.is_empty() {
        let a = &res.associations;
        let retired = a.iter().filter(|f| f.retired).count();
        let paid = a.iter().filter(|f| f.post.paid()).count();
        eprintln!("{}", msgs::association_line(m.inputs.orgs.len(), a.len(), retired, paid));
    }
    let all = all.chain(&m.inputs.registry).chain(&m.inputs.declarations).chain(&m.inputs.orgs).chain(&m.inputs.retired);
    for r in all {
        for s in r.sheets.iter().filter(|s| s.error.is_some() && s.problem.is_none() && r.error.is_none()) {
            eprintln!("{}", msgs::sheet_without_table(&r.file, &s.sheet, s.error.as_deref().unwrap_or("")));
        }
    }
    for r in &m.inputs.routed {
        eprintln!("  {}", crate::labels::routed_input(&r.file, r.input, r.by));
    }
    if !m.inputs.problems.is_empty() {
        eprintln!("{}", msgs::run_incomplete(m.inputs.problems.len()));
        for p in &m.inputs.problems {
            eprintln!("    {p}");
        }
    }
    for fam in m.options.eligibility_families(&m.inputs.routed) {
        let n = res.eligibility.iter().filter(|f| f.rule.family() == fam).count();
        eprintln!("{}", msgs::eligibility_line(fam.label_zh(), n));
    }
    if let Some(d) = &m.options.registers_as_of {
        eprintln!("{}", msgs::ledger_registers_as_of(d, m.options.ledger_registers.len(), c.register_rows));
    }
    if let Some(l) = &res.ledger {
        if let Some(r) = &l.registers {
            eprintln!("{}", msgs::ledger_register_line(r.units, r.new_units, r.count("added"), r.count("removed"), r.count("changed"), r.late()));
        }
        let p = l.path.display().to_string();
        eprintln!("{}", msgs::ledger_run_line(&p, l.run.new, l.run.seen_again, l.run.not_found, l.prefilled, l.run.published));
    }
    if res.out != a.out {
        eprintln!("{}", msgs::ledger_fresh_folder(&res.out.display().to_string()));
    }
    eprintln!("{}", msgs::outputs_in(&res.out.display().to_string(), &m.outputs.keys().cloned().collect::<Vec<_>>().join(", ")));
    if a.strict && res.incomplete() {
        anyhow::bail!(msgs::strict_failed(m.inputs.problems.len()));
    }
    Ok(if res.incomplete() { super::exit::INPUT_NOT_READ } else { super::exit::OK })
}
