//! The batch as a whole: load every register and roll, match, write the
//! outputs and the manifest that lets an auditor re-run and verify it.

use crate::config::{Config, ConfigError};
use crate::labels::verify as V;
use crate::load::{self, Discovery, Loaded, SkippedFile, roles::Kind};
use crate::matching::{self, MatchStats};
use crate::model::{Hit, InputReport};
use crate::normalize::relation::Relation;
use crate::report::{self, BatchInfo, Decisions, ReportError};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use thiserror::Error;

pub use crate::VERSION;

#[derive(Debug, Error)]
pub enum PipelineError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Match(#[from] matching::MatchError),
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("{0}")]
    Usage(String),
    /// The output folder cannot be made or written; checked before any input is read.
    #[error("输出文件夹 {path} 无法写入：{source}（未读取任何输入）")]
    OutNotWritable {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Snapshot(#[from] crate::snapshot::SnapshotError),
    #[error(transparent)]
    Ledger(#[from] crate::ledger::LedgerError),
    /// Review workbooks in the output folder hold decisions that neither the
    /// ledger nor `--decisions` has: the run would overwrite a reviewer's work.
    #[error("{}", crate::labels::reviewer_work_at_risk(.dir, *.count, .example))]
    ReviewerWork { dir: String, count: usize, example: String },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> PipelineError + '_ {
    move |source| PipelineError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// What `run` was asked to do; recorded in the manifest so `verify` can redo it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunOptions {
    pub kin: Vec<PathBuf>,
    pub rolls: Vec<PathBuf>,
    pub out: PathBuf,
    pub config: Option<PathBuf>,
    pub decisions: Option<PathBuf>,
    /// `YYYY-MM-DD`; default: reused from an earlier manifest of the same batch, else today.
    pub run_date: Option<String>,
    pub publicity_dry_run: bool,
    /// Write the review workbooks, summary and publicity lists (default true).
    pub workbooks: bool,
    /// A register snapshot (`kinmatch index`) used in place of `kin`.
    #[serde(default)]
    pub index: Option<PathBuf>,
    /// Roll files are read and matched in chunks of about this many bytes in
    /// memory (estimated from file sizes, [`load::plan_chunks`]); default
    /// [`DEFAULT_CHUNK_BYTES`]. Rolls larger than one chunk are read twice (a
    /// first pass learns the places). The hits do not depend on it.
    #[serde(default)]
    pub chunk_bytes: Option<u64>,
    /// Relative input paths (kin, rolls, config, decisions, index) are read
    /// from this folder instead of the working directory, and recorded as given
    /// (`verify` re-runs an archived batch from anywhere with it).
    #[serde(default)]
    pub base: Option<PathBuf>,
    /// The enterprise registry (市场主体登记) for the 经商办企业 comparison.
    #[serde(default)]
    pub registry: Vec<PathBuf>,
    /// Cadres' declarations of relatives' businesses, checked against the registry.
    #[serde(default)]
    pub declarations: Vec<PathBuf>,
    /// Social organisations' officer filings for the 社团兼职 comparison.
    #[serde(default)]
    pub orgs: Vec<PathBuf>,
    /// Retired cadres (姓名, 身份证号, 原单位, 原职级, 退休时间), compared with the filings too.
    #[serde(default)]
    pub retired: Vec<PathBuf>,
    /// The ledger (台账): registers are recorded in it, hits become leads, its
    /// decisions prefill the review workbooks.
    #[serde(default)]
    pub ledger: Option<PathBuf>,
    /// Match against the registers as the ledger held them on this date (no `kin`).
    #[serde(default)]
    pub as_of: Option<String>,
    /// The date the registers were received (default: the run date).
    #[serde(default)]
    pub received: Option<String>,
    /// Days a new lead has to be verified (default [`crate::ledger::DEFAULT_DUE_DAYS`]).
    #[serde(default)]
    pub due_days: Option<u32>,
    /// When the output folder holds review workbooks with decisions not yet in
    /// the ledger, write to a fresh folder (`OUT-2`, …) instead of refusing.
    #[serde(default)]
    pub force: bool,
    /// Read the ledger without recording anything (`verify`).
    #[serde(default)]
    pub ledger_readonly: bool,
    /// Decisions to use in place of the ledger's (`verify`: the ones the run used).
    #[serde(default)]
    pub ledger_decisions: Option<PathBuf>,
    /// Lead statuses to show in place of the ledger's (`verify`: the ones the run showed).
    #[serde(default)]
    pub ledger_status: Option<PathBuf>,
    /// 死亡 / 火化 / 户口注销 records: roll persons paid after their death.
    #[serde(default)]
    pub deaths: Vec<PathBuf>,
    /// 财政供养人员花名册: public employees (and the registers' cadres) on means-tested programs.
    #[serde(default)]
    pub payroll: Vec<PathBuf>,
    /// 机动车登记: vehicle owners on 低保 / 特困.
    #[serde(default)]
    pub vehicles: Vec<PathBuf>,
    /// Business owners on 低保 / 特困, from `registry` (without it, nothing to compare).
    #[serde(default)]
    pub business_owners: bool,
    /// The rolls against each other: exclusive programs or one program twice in a period.
    #[serde(default)]
    pub double_claims: bool,
    /// The comparisons to run, by id (`compare::COMPARISONS`); empty: every
    /// comparison whose inputs are given.
    #[serde(default)]
    pub checks: Vec<String>,
}

/// Make the output folder and prove it can be written, before any input is
/// read: a batch that cannot write its result must say so at once, not after
/// reading a hundred workbooks.
pub fn check_out_dir(dir: &Path) -> Result<(), PipelineError> {
    let err = |source| PipelineError::OutNotWritable {
        path: dir.display().to_string(),
        source,
    };
    if dir.exists() && !dir.is_dir() {
        return Err(err(std::io::Error::new(std::io::ErrorKind::AlreadyExists, "同名文件已存在，不是文件夹")));
    }
    std::fs::create_dir_all(dir).map_err(err)?;
    let probe = dir.join(format!(".kinmatch-write-check-{}", std::process::id()));
    std::fs::write(&probe, b"").map_err(err)?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// The path from `from` (a folder) to `to` (a folder), `/`-separated, both
/// made absolute first; "." when they are the same.
pub fn relative_path(from: &Path, to: &Path) -> Option<String> {
    let abs = |p: &Path| std::fs::canonicalize(p).ok();
    let (from, to) = (abs(from)?, abs(to)?);
    let a: Vec<_> = from.components().collect();
    let b: Vec<_> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return None;
    }
    let mut parts: Vec<String> = std::iter::repeat_n("..".to_string(), a.len() - common).collect();
    parts.extend(b[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    Some(if parts.is_empty() { ".".into() } else { parts.join("/") })
}

/// Default memory budget for one chunk of rolls: 3 GiB.
pub const DEFAULT_CHUNK_BYTES: u64 = 3 << 30;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Inputs {
    pub kin: Vec<InputReport>,
    pub rolls: Vec<InputReport>,
    pub skipped_files: Vec<SkippedFile>,
    pub missing_paths: Vec<String>,
    /// Every input the batch could not use, one line each (Chinese, for the
    /// county user); any makes the run exit 3.
    #[serde(default)]
    pub problems: Vec<String>,
    /// The enterprise registry's files (the 经商办企业 comparison), when given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub registry: Vec<InputReport>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub declarations: Vec<InputReport>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orgs: Vec<InputReport>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<InputReport>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deaths: Vec<InputReport>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payroll: Vec<InputReport>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vehicles: Vec<InputReport>,
    /// Files given among the rolls or registers that the batch used as another
    /// comparison's input (by `kinmatch.toml` or by their columns).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routed: Vec<RoutedFile>,
}

/// A file given on one side that the batch used as another comparison's
/// input: a death list among the rolls is used as `--deaths` would be.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RoutedFile {
    pub file: String,
    /// The input it was used as.
    pub input: load::roles::OtherInput,
    pub by: RoutedBy,
}

/// What decided that a file is another comparison's input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoutedBy {
    /// Its header words (`load::roles::OTHER_INPUTS`).
    Columns,
    /// Its name, where the columns do not tell and no sheet pays.
    FileName,
    /// `kind` in `kinmatch.toml`.
    Config,
}

/// The files of other comparisons found on the relatives comparison's sides, by input.
type Extra = BTreeMap<load::roles::OtherInput, Vec<load::InputFile>>;

/// Take out of `d` the files that `kinmatch.toml` gives another input kind.
fn route_by_config(d: &mut Discovery, cfg: &Config, extra: &mut Extra, routed: &mut Vec<RoutedFile>) {
    for f in std::mem::take(&mut d.files) {
        match cfg.for_file(&f.rel).input {
            Some(k) => {
                routed.push(RoutedFile { file: f.rel.clone(), input: k, by: RoutedBy::Config });
                extra.entry(k).or_default().push(f);
            }
            None => d.files.push(f),
        }
    }
}

/// What a roll file is by its sheets' columns: another comparison's input
/// when one sheet is that input by its columns and no other sheet is a roll
/// by its own (a roll pays: an amount or a program column). A registry's
/// 主要人员 sheet (姓名, 职务, 证件号码) says nothing of itself; its workbook does.
/// When no sheet tells by its columns and none pays, the file's name may
/// (`load::roles::other_input_by_name`). Also what decided.
fn other_input_of(r: &InputReport) -> Option<(load::roles::OtherInput, RoutedBy)> {
    let tables: Vec<_> = r.sheets.iter().filter(|s| s.header_row.is_some()).collect();
    let pays = |s: &crate::model::SheetReport| s.columns.iter().any(|c| c.role == "amount" || c.role == "program");
    match tables.iter().find_map(|s| s.other_input) {
        Some(k) => tables.iter().all(|s| s.other_input == Some(k) || (s.other_input.is_none() && !pays(s))).then_some((k, RoutedBy::Columns)),
        None if tables.iter().any(|s| pays(s)) => None,
        None => load::roles::other_input_by_name(&r.file).map(|k| (k, RoutedBy::FileName)),
    }
}

/// Take out of the roll reports the files that are wholly another
/// comparison's input by their columns (they are read again as that input);
/// a sheet of such an input inside a file that also holds a roll is a problem.
fn route_by_columns(reports: &mut Vec<InputReport>, files: &[load::InputFile], extra: &mut Extra, routed: &mut Vec<RoutedFile>) {
    reports.retain_mut(|r| {
        if let Some((k, by)) = other_input_of(r) {
            if let Some(f) = files.iter().find(|f| f.rel == r.file) {
                routed.push(RoutedFile { file: r.file.clone(), input: k, by });
                extra.entry(k).or_default().push(f.clone());
                return false;
            }
        }
        for s in r.sheets.iter_mut() {
            if let (Some(k), None) = (s.other_input, &s.problem) {
                s.problem = Some(crate::labels::other_input_in_roll(k));
            }
        }
        true
    });
}

/// A side's files: those given with its option and those routed to it,
/// each once, in order.
fn with_routed(mut d: Discovery, extra: &mut Extra, k: load::roles::OtherInput) -> Discovery {
    d.files.extend(extra.remove(&k).unwrap_or_default());
    d.files.sort_by(|a, b| a.rel.cmp(&b.rel).then(a.path.cmp(&b.path)));
    d.files.dedup_by(|a, b| a.path == b.path);
    d
}

/// Every input the batch could not use, in words a county user reads: files not
/// read, sheets that hold data the batch could not use, paths not found, a side
/// of the comparison that gave no one. Empty when everything given was used.
/// `need`: which sides must give someone (registers, rolls).
pub fn input_problems(kin: &[InputReport], rolls: &[InputReport], missing: &[String], need: (bool, bool)) -> Vec<String> {
    let mut out = Vec::new();
    for (side, reports, needed) in [("登记表", kin, need.0), ("花名册", rolls, need.1)] {
        for r in reports {
            if let Some(e) = &r.error {
                out.push(format!("未读取（{side}）：{e}"));
                continue;
            }
            for (sheet, p) in r.problems() {
                let at = if sheet.is_empty() { r.file.clone() } else { format!("{} · {sheet}", r.file) };
                out.push(format!("不可用（{side}）：{at}：{p}"));
            }
        }
        let rows: u64 = reports.iter().map(InputReport::data_rows).sum();
        if !needed {
            continue;
        }
        if reports.is_empty() {
            out.push(format!("没有找到任何{side}文件"));
        } else if rows == 0 {
            out.push(format!("{side}中没有读到任何数据行"));
        }
    }
    for p in missing {
        out.push(format!("未找到：{p}"));
    }
    out
}

/// An archive, a document or a scan in an input folder may hold a list: each
/// is a problem of the batch (exit 3).
fn unread_documents(skipped: &[SkippedFile]) -> impl Iterator<Item = String> + '_ {
    skipped.iter().filter(|s| load::skipped_may_hold_data(s)).map(|s| format!("未读取：{}：{}", s.file, s.reason))
}

/// Files whose bytes are the same (by SHA-256), one line per set.
fn duplicate_files<'a>(sides: impl Iterator<Item = (&'a str, &'a Vec<InputReport>)>) -> Vec<String> {
    let mut by_sha: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (side, reports) in sides {
        for r in reports.iter().filter(|r| !r.sha256.is_empty()) {
            by_sha.entry(r.sha256.as_str()).or_default().push(format!("{}（{side}）", r.file));
        }
    }
    by_sha.into_values().filter(|fs| fs.len() > 1).map(|fs| crate::labels::duplicate_files(&fs)).collect()
}

/// The problems of a further input side (the registry, the declarations):
/// files not read, sheets not usable, nothing read at all when it was given.
fn side_problems(side: &str, reports: &[InputReport], given: bool) -> Vec<String> {
    let mut out = Vec::new();
    for r in reports {
        if let Some(e) = &r.error {
            out.push(format!("未读取（{side}）：{e}"));
            continue;
        }
        for (sheet, p) in r.problems() {
            let at = if sheet.is_empty() { r.file.clone() } else { format!("{} · {sheet}", r.file) };
            out.push(format!("不可用（{side}）：{at}：{p}"));
        }
    }
    if given && reports.iter().map(InputReport::data_rows).sum::<u64>() == 0 {
        out.push(format!("{side}中没有读到任何数据行"));
    }
    out
}

impl Inputs {
    /// (kind, file) -> SHA-256 of every input, for comparing two runs.
    pub fn hashes(&self) -> BTreeMap<(String, String), String> {
        let side = |kind: &str, rs: &[InputReport]| -> Vec<((String, String), String)> {
            rs.iter().map(|r| ((kind.to_string(), r.file.clone()), r.sha256.clone())).collect()
        };
        side("register", &self.kin)
            .into_iter()
            .chain(side("roll", &self.rolls))
            .chain(side("registry", &self.registry))
            .chain(side("declarations", &self.declarations))
            .chain(side("orgs", &self.orgs))
            .chain(side("retired", &self.retired))
            .collect()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub register_rows: usize,
    pub roll_rows: usize,
    pub files_not_read: usize,
    pub sheets_without_table: usize,
    #[serde(flatten)]
    pub matching: MatchStats,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub version: String,
    pub batch_id: String,
    pub run_date: String,
    pub options: RecordedOptions,
    pub inputs: Inputs,
    pub counts: Counts,
    /// Output path (relative to the output folder) -> SHA-256.
    pub outputs: BTreeMap<String, String>,
    /// The working folder of the run, relative to the output folder: relative
    /// input paths in `options` are read from there by `verify`, from any
    /// working directory. Not part of the batch id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub inputs_base: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordedOptions {
    pub kin: Vec<String>,
    pub rolls: Vec<String>,
    pub config: Option<String>,
    pub config_sha256: Option<String>,
    pub decisions: Option<String>,
    pub decisions_sha256: Option<String>,
    pub scope: Vec<String>,
    pub publicity_dry_run: bool,
    pub workbooks: bool,
    #[serde(default)]
    pub index: Option<String>,
    #[serde(default)]
    pub index_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub registry: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub declarations: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orgs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<String>,
    /// The ledger the run read and recorded into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
    /// The registers came from the ledger, as they stood on this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registers_as_of: Option<String>,
    /// Those registers' files: `received file sha256`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ledger_registers: Vec<String>,
    /// The ledger's decisions the run used, written beside the manifest (for `verify`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger_decisions: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger_decisions_sha256: Option<String>,
    /// The lead statuses the review workbooks showed, written beside the manifest (for `verify`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger_status: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deaths: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payroll: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vehicles: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub business_owners: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub double_claims: bool,
    /// `--checks`: the comparisons run (empty: all whose inputs were given).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<String>,
}

impl RecordedOptions {
    /// The 虚报冒领 rule families this run was asked for, in their order.
    /// `routed`: the files found among the rolls or registers that were used as an exclusion register.
    pub fn eligibility_families(&self, routed: &[RoutedFile]) -> Vec<crate::compare::eligibility::Family> {
        use crate::compare::eligibility::Family;
        use load::roles::OtherInput as O;
        let got = |k: O| routed.iter().any(|r| r.input == k);
        if !crate::compare::wanted(&self.checks, crate::compare::InputKind::Exclusions) {
            return Vec::new();
        }
        let on = [
            !self.deaths.is_empty() || got(O::Deaths),
            !self.payroll.is_empty() || got(O::Payroll),
            !self.vehicles.is_empty() || got(O::Vehicles),
            self.business_owners && (!self.registry.is_empty() || got(O::Registry)),
            self.double_claims,
        ];
        Family::ALL.into_iter().zip(on).filter_map(|(f, on)| on.then_some(f)).collect()
    }
}

impl Manifest {
    pub fn load(dir: &Path) -> Result<Manifest, PipelineError> {
        let p = dir.join("manifest.json");
        let text = std::fs::read_to_string(&p).map_err(io_err(&p))?;
        serde_json::from_str(&text).map_err(|e| PipelineError::Invalid {
            path: p.display().to_string(),
            message: format!("不是 kinmatch 的批次清单（manifest.json）：{e}"),
        })
    }
}

pub struct RunOutcome {
    pub manifest: Manifest,
    pub hits: Vec<Hit>,
    /// The 经商办企业 findings (empty without `--registry`).
    pub enterprise: Vec<crate::compare::enterprise::Finding>,
    /// Declared businesses the registry does not hold (with `--declarations`).
    pub declared_not_found: usize,
    /// The 社团兼职 findings (empty without `--orgs`).
    pub associations: Vec<crate::compare::association::Finding>,
    /// The folder written (a fresh one with `force`).
    pub out: PathBuf,
    /// What the ledger recorded (with `ledger`).
    pub ledger: Option<LedgerOutcome>,
    /// The 虚报冒领 findings (with `deaths`, `payroll`, `vehicles`, `business_owners`, `double_claims`).
    pub eligibility: Vec<crate::compare::eligibility::Finding>,
}

/// What one run recorded in the ledger.
#[derive(Clone, Debug, Default)]
pub struct LedgerOutcome {
    pub path: PathBuf,
    pub registers: Option<crate::ledger::RegisterRecord>,
    pub run: crate::ledger::RunRecord,
    /// Decisions from the ledger prefilled into the workbooks.
    pub prefilled: usize,
}

impl RunOutcome {
    /// True when some input could not be used (the exit code says so).
    pub fn incomplete(&self) -> bool {
        !self.manifest.inputs.problems.is_empty()
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = crate::load::cell::serial_to_ymd((secs / 86_400) as f64 + 25_569.0).unwrap_or((1970, 1, 1));
    format!("{y:04}-{m:02}-{d:02}")
}

pub fn load_config(path: Option<&Path>) -> Result<(Config, Option<String>), PipelineError> {
    match path {
        None => Ok((Config::default(), None)),
        Some(p) => {
            let bytes = std::fs::read(p).map_err(io_err(p))?;
            Ok((Config::load(p)?, Some(load::sha256_hex(&bytes))))
        }
    }
}

pub fn scope_of(cfg: &Config) -> Vec<Relation> {
    if cfg.matching.scope.is_empty() {
        crate::normalize::relation::default_scope()
    } else {
        cfg.matching
            .scope
            .iter()
            .filter_map(|s| Relation::from_str_canonical(s))
            .collect()
    }
}

/// What a long run reports as it goes (the CLI shows it as a progress bar
/// when stderr is a terminal).
pub trait Progress: Sync {
    /// A stage starts; `total` files to read, if it reads files.
    fn stage(&self, _name: &str, _total: Option<usize>) {}
    /// A file was read, with its data rows.
    fn file_read(&self, _file: &str, _rows: u64) {}
    fn finish(&self) {}
}

pub use crate::timing;

/// No progress display.
pub struct Quiet;
impl Progress for Quiet {}

/// Read one side of the batch.
pub fn read_side(paths: &[PathBuf], kind: Kind, cfg: &Config) -> (Discovery, Vec<Loaded>) {
    read_side_observed(paths, kind, cfg, &Quiet)
}

fn read_side_observed(paths: &[PathBuf], kind: Kind, cfg: &Config, p: &dyn Progress) -> (Discovery, Vec<Loaded>) {
    let d = load::discover(paths);
    let loaded = load_discovered(&d, kind, cfg, p);
    (d, loaded)
}

fn load_discovered(d: &Discovery, kind: Kind, cfg: &Config, p: &dyn Progress) -> Vec<Loaded> {
    let label = if kind == Kind::Register { "reading registers" } else { "reading rolls" };
    p.stage(label, Some(d.files.len()));
    load::load_all_observed(&d.files, Some(kind), cfg, &|l: &Loaded| p.file_read(&l.report.file, l.report.data_rows()))
}

fn display_paths(p: &[PathBuf]) -> Vec<String> {
    p.iter().map(|x| x.display().to_string()).collect()
}

fn batch_id(inputs: &Inputs, opts: &RecordedOptions) -> String {
    let mut s = format!("kinmatch {VERSION}\n");
    for r in inputs.kin.iter().chain(&inputs.rolls) {
        s.push_str(&format!("{}\t{}\n", r.file, r.sha256));
    }
    s.push_str(&serde_json::to_string(opts).unwrap_or_default());
    load::sha256_hex(s.as_bytes())[..12].to_string()
}

/// Write `hits.csv` (UTF-8 with BOM so that Excel opens it right; the column
/// names are the contract in [`Hit`]).
pub fn write_hits_csv(path: &Path, hits: &[Hit]) -> Result<(), PipelineError> {
    let mut buf: Vec<u8> = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut buf);
        for h in hits {
            w.serialize(h).map_err(|e| PipelineError::Invalid {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
        }
        if hits.is_empty() {
            w.write_record(HITS_COLUMNS).map_err(|e| PipelineError::Invalid {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
        }
        w.flush().map_err(io_err(path))?;
    }
    std::fs::write(path, buf).map_err(io_err(path))
}

/// The column names of `hits.csv`, in order.
pub const HITS_COLUMNS: &[&str] = &[
    "hit_id", "tier", "score", "match_kind", "evidence", "relation", "relation_term", "cadre_name", "cadre_id",
    "cadre_unit", "cadre_post", "relative_name", "relative_id", "roll_role", "roll_name", "roll_id", "program",
    "approving_unit", "township", "village", "amount", "date", "relevance", "roll_file", "roll_sheet", "roll_row",
    "kin_file", "kin_sheet", "kin_row", "decision",
    "amount_unread", "blocking", "reasons",
];

pub fn read_hits_csv(path: &Path) -> Result<Vec<Hit>, PipelineError> {
    let bytes = std::fs::read(path).map_err(io_err(path))?;
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(&bytes);
    let mut r = csv::Reader::from_reader(body);
    r.deserialize()
        .enumerate()
        .map(|(i, rec)| {
            rec.map_err(|e| PipelineError::Invalid {
                path: format!("{} 第 {} 行", path.display(), i + 2),
                message: e.to_string(),
            })
        })
        .collect()
}

/// The whole batch: read, match, write. Inputs that cannot be read are
/// reported in the manifest and the run goes on.
pub fn run(opts: &RunOptions) -> Result<RunOutcome, PipelineError> {
    run_observed(opts, &Quiet)
}

/// What the rolls are read for.
#[derive(Clone, Copy)]
struct Wants {
    /// The relatives' comparison (hits).
    hits: bool,
    /// The 虚报冒领 comparison (each roll row's claim).
    claims: bool,
}

/// [`run`], reporting progress.
pub fn run_observed(opts: &RunOptions, progress: &dyn Progress) -> Result<RunOutcome, PipelineError> {
    let unknown = crate::compare::unknown_checks(&opts.checks);
    if !unknown.is_empty() {
        return Err(PipelineError::Usage(crate::labels::unknown_checks(&unknown)));
    }
    check_out_dir(&opts.out)?;
    use crate::compare::InputKind as K;
    let want = |k: K| crate::compare::wanted(&opts.checks, k);
    let at = |p: &PathBuf| match &opts.base {
        Some(b) => b.join(p),
        None => p.clone(),
    };
    if opts.as_of.is_some() && opts.ledger.is_none() {
        return Err(PipelineError::Usage(crate::labels::as_of_needs_ledger()));
    }
    let mut ledger = match &opts.ledger {
        // Re-running a batch whose registers came from files: nothing to read from the ledger.
        Some(_) if opts.ledger_readonly && opts.as_of.is_none() => None,
        Some(p) if opts.ledger_readonly => Some(crate::ledger::Ledger::open_existing(&at(p))?),
        Some(p) => Some(crate::ledger::Ledger::open(&at(p))?),
        None => None,
    };
    // The decisions already taken: the ledger's (or, re-running, the ones the
    // run used), and a --decisions file over them.
    let ledger_decisions = match (&opts.ledger_decisions, &ledger) {
        (Some(p), _) => Decisions::load_csv(p)?,
        (None, Some(l)) => l.decisions()?,
        (None, None) => Decisions::default(),
    };
    let mut known = ledger_decisions.clone();
    if let Some(p) = opts.decisions.as_ref().map(at) {
        known.by_hit.extend(Decisions::load_csv(&p)?.by_hit);
    }
    // Never overwrite what a reviewer filled in.
    let fresh;
    let opts = match reviewer_work_at_risk(&opts.out, &known) {
        Some((count, example)) if !opts.force => {
            return Err(PipelineError::ReviewerWork { dir: opts.out.display().to_string(), count, example });
        }
        Some(_) => {
            fresh = RunOptions { out: fresh_folder(&opts.out), ..opts.clone() };
            check_out_dir(&fresh.out)?;
            &fresh
        }
        None => opts,
    };
    let ledger_decisions_file = (opts.ledger.is_some() && !ledger_decisions.by_hit.is_empty()).then(|| {
        let p = opts.out.join(LEDGER_DECISIONS);
        ledger_decisions.write_csv(&p).map(|_| p)
    });
    let ledger_decisions_sha = match ledger_decisions_file {
        Some(r) => {
            let p = r?;
            Some(load::sha256_hex(&std::fs::read(&p).map_err(io_err(&p))?))
        }
        None => None,
    };
    let kin_paths: Vec<PathBuf> = opts.kin.iter().map(at).collect();
    let roll_paths: Vec<PathBuf> = opts.rolls.iter().map(at).collect();
    let registry_paths: Vec<PathBuf> = opts.registry.iter().map(at).collect();
    let declaration_paths: Vec<PathBuf> = opts.declarations.iter().map(at).collect();
    let org_paths: Vec<PathBuf> = opts.orgs.iter().map(at).collect();
    let retired_paths: Vec<PathBuf> = opts.retired.iter().map(at).collect();
    let (death_paths, payroll_paths, vehicle_paths): (Vec<PathBuf>, Vec<PathBuf>, Vec<PathBuf>) =
        (opts.deaths.iter().map(at).collect(), opts.payroll.iter().map(at).collect(), opts.vehicles.iter().map(at).collect());
    let config_path = opts.config.as_ref().map(at);
    let decisions_path = opts.decisions.as_ref().map(at);
    let (cfg, cfg_sha) = load_config(config_path.as_deref())?;
    // Files among the registers or rolls that are another comparison's input
    // (by kinmatch.toml now, by their columns once read) are used as that input.
    use load::roles::OtherInput as O;
    let (mut extra, mut routed): (Extra, Vec<RoutedFile>) = (Extra::new(), Vec::new());
    let mut rd = load::discover(&roll_paths);
    route_by_config(&mut rd, &cfg, &mut extra, &mut routed);
    let exclusions_given = !death_paths.is_empty() || !payroll_paths.is_empty() || !vehicle_paths.is_empty();
    // The rolls against each other, when 虚报冒领 is among the checks.
    let double_claims = opts.double_claims && want(K::Exclusions);
    let want_claims =
        want(K::Exclusions) && (exclusions_given || extra.keys().any(|k| k.is_exclusion()) || opts.business_owners || double_claims);
    let decisions = known;
    let decisions_sha = match &decisions_path {
        Some(p) => Some(load::sha256_hex(&std::fs::read(p).map_err(io_err(p))?)),
        None => None,
    };
    let mut scope = scope_of(&cfg);
    let snapshot = match opts.index.as_ref().map(at) {
        Some(p) => Some((crate::snapshot::Snapshot::load(&p)?, load::sha256_hex(&std::fs::read(&p).map_err(io_err(&p))?))),
        None => None,
    };
    // The register side, normalized once; its rows are kept only to record them in the ledger.
    let from_ledger = snapshot.is_none() && kin_paths.is_empty() && ledger.is_some();
    let registers_as_of = from_ledger.then(|| opts.as_of.clone().or(opts.run_date.clone()).unwrap_or_else(today));
    let (mut kin_kept, mut ledger_registers): (Vec<load::records::KinRow>, Vec<String>) = (Vec::new(), Vec::new());
    let t = std::time::Instant::now();
    let (kd, kin_reports, cadres, pois, register_rows) = match &snapshot {
        Some((snap, _)) => {
            scope = snap.header.scope.iter().filter_map(|s| Relation::from_str_canonical(s)).collect();
            let (cadres, pois) = snap.all()?;
            let rows = snap.header.inputs.iter().map(|r| r.data_rows() as usize).sum();
            (Discovery::default(), snap.header.inputs.clone(), cadres, pois, rows)
        }
        None if kin_paths.is_empty() && ledger.is_some() => {
            // An auditor's re-run: the registers as the ledger held them on that date.
            let (l, day) = (ledger.as_ref().ok_or_else(|| PipelineError::Usage(String::new()))?, registers_as_of.as_deref().unwrap_or(""));
            let kin = l.registers_as_of(day)?;
            ledger_registers = l.register_files_as_of(day)?.into_iter().map(|(f, sha, rcv)| format!("{rcv} {f} {sha}")).collect();
            let (cadres, pois) = matching::people::persons_of_interest(&kin, &scope, &cfg.unit_table());
            (Discovery::default(), Vec::new(), cadres, pois, kin.len())
        }
        None => {
            let mut kd = load::discover(&kin_paths);
            route_by_config(&mut kd, &cfg, &mut extra, &mut routed);
            let loaded = load_discovered(&kd, Kind::Register, &cfg, progress);
            let (reports, kin) = split_loaded(loaded, |l| std::mem::take(&mut l.kin));
            let (cadres, pois) = matching::people::persons_of_interest(&kin, &scope, &cfg.unit_table());
            let n = kin.len();
            if ledger.is_some() {
                kin_kept = kin;
            }
            (kd, reports, cadres, pois, n)
        }
    };
    let t = timing("read registers", t);
    let chunk_bytes = opts.chunk_bytes.unwrap_or(DEFAULT_CHUNK_BYTES);
    let wants = Wants { hits: want(K::Rolls), claims: want_claims };
    let mut matched = match_rolls(&rd.files, cadres, pois, &cfg, chunk_bytes, wants, (&mut extra, &mut routed), progress)?;
    // Not matched with the rolls (--checks), still the persons of interest of the other comparisons.
    matched.out.stats.persons_of_interest = matched.pois.len();
    routed.sort();
    // An input is there when given with its option or found among the rolls or registers.
    let given = |k: O, paths: &[PathBuf]| !paths.is_empty() || routed.iter().any(|r| r.input == k);
    let (has_registry, has_declarations, has_orgs, has_retired) = (
        given(O::Registry, &registry_paths),
        given(O::Declarations, &declaration_paths),
        given(O::Orgs, &org_paths),
        given(O::Retired, &retired_paths),
    );
    let (has_deaths, has_payroll, has_vehicles) = (given(O::Deaths, &death_paths), given(O::Payroll, &payroll_paths), given(O::Vehicles, &vehicle_paths));
    let business = opts.business_owners && has_registry && want(K::Exclusions);
    // A further input is read when a comparison run uses it.
    let (run_ent, run_orgs) = (has_registry && want(K::Registry), has_orgs && want(K::Orgs));
    let (has_registry, has_declarations) = (has_registry && (run_ent || business), has_declarations && run_ent);
    let (has_orgs, has_retired) = (run_orgs, has_retired && run_orgs);
    let (has_deaths, has_payroll, has_vehicles) =
        (has_deaths && want(K::Exclusions), has_payroll && want(K::Exclusions), has_vehicles && want(K::Exclusions));
    let (roll_reports, roll_rows, out) = (matched.reports, matched.rows, matched.out);
    let t = timing("read and match rolls", t);
    // 经商办企业: the same persons of interest against the enterprise registry.
    let (ed, dd) = (
        with_routed(load::discover(&registry_paths), &mut extra, O::Registry),
        with_routed(load::discover(&declaration_paths), &mut extra, O::Declarations),
    );
    let mut enterprise = Vec::new();
    let mut business_records = Vec::new();
    let (mut registry_reports, mut declaration_reports, mut not_found) = (Vec::new(), Vec::new(), Vec::new());
    if has_registry {
        progress.stage("enterprises", None);
        use crate::compare::enterprise as ent;
        let reg = ent::read(&ed.files);
        let decls = has_declarations.then(|| ent::read_declarations(&dd.files));
        let units = cfg.unit_table();
        if run_ent {
            enterprise = ent::compare(
                &reg,
                &matched.cadres,
                &matched.pois,
                &matched.gaz,
                &units,
                &matched.contractors,
                // Declarations none of which could be read settle nothing: no
                // finding is 未申报 for want of them (the unread file is a problem, exit 3).
                decls.as_ref().map(|d| d.0.as_slice()).filter(|d| !d.is_empty()),
                &cfg.comparison_scope(crate::compare::InputKind::Registry),
            )?;
        }
        if let Some((ds, reports)) = decls {
            not_found = ent::declared_not_found(&reg, &ds).into_iter().cloned().collect();
            declaration_reports = reports;
        }
        if business {
            business_records = crate::compare::eligibility::business_records(&reg);
        }
        registry_reports = reg.reports;
    }
    let t = timing("enterprises", t);
    // 虚报冒领: the roll persons against the exclusion registers and against each other.
    let (ded, pyd, vhd) = (
        with_routed(load::discover(&death_paths), &mut extra, O::Deaths),
        with_routed(load::discover(&payroll_paths), &mut extra, O::Payroll),
        with_routed(load::discover(&vehicle_paths), &mut extra, O::Vehicles),
    );
    let want_claims = has_deaths || has_payroll || has_vehicles || business || double_claims;
    let (mut eligibility, mut no_period) = (Vec::new(), Vec::new());
    let (mut death_reports, mut payroll_reports, mut vehicle_reports) = (Vec::new(), Vec::new(), Vec::new());
    if want_claims {
        use crate::compare::eligibility as el;
        progress.stage("eligibility", None);
        let claims = std::mem::take(&mut matched.claims);
        if has_deaths {
            let (deaths, reports) = el::read_deaths(&ded.files);
            let (f, np) = el::paid_after_death(&claims, &deaths);
            eligibility.extend(f);
            no_period = np;
            death_reports = reports;
        }
        let mut records = std::mem::take(&mut business_records);
        if has_payroll {
            let (r, reports) = el::read_payroll(&pyd.files);
            records.extend(r);
            records.extend(el::cadre_records(&matched.cadres));
            payroll_reports = reports;
        }
        if has_vehicles {
            let (r, reports) = el::read_vehicles(&vhd.files);
            records.extend(r);
            vehicle_reports = reports;
        }
        eligibility.extend(el::excluded(&claims, &records));
        if double_claims {
            eligibility.extend(el::double_claims(&claims));
        }
        eligibility.sort_by(|a, b| el::order(a).cmp(&el::order(b)));
    }
    let t = timing("eligibility", t);
    // 社团兼职: the filings and the retired cadres are read here, compared once the run date is known.
    let (od, rtd) = (
        with_routed(load::discover(&org_paths), &mut extra, O::Orgs),
        with_routed(load::discover(&retired_paths), &mut extra, O::Retired),
    );
    let filings = has_orgs.then(|| crate::compare::association::read(&od.files));
    let retired = crate::compare::association::read_retired(if has_retired { &rtd.files } else { &[] });
    let (org_reports, retired_reports) = (filings.as_ref().map(|f| f.reports.clone()).unwrap_or_default(), retired.2.clone());
    let mut hits = out.hits;
    for h in hits.iter_mut() {
        if let Some(d) = decisions.by_hit.get(&h.hit_id) {
            h.decision = d.conclusion.clone();
        }
    }

    let further = [&ed, &dd, &od, &rtd, &ded, &pyd, &vhd];
    let mut skipped_files: Vec<SkippedFile> =
        kd.skipped.iter().chain(&rd.skipped).chain(further.iter().flat_map(|d| &d.skipped)).cloned().collect();
    skipped_files.sort();
    let missing_paths: Vec<String> =
        kd.missing.iter().chain(&rd.missing).chain(further.iter().flat_map(|d| &d.missing)).cloned().collect();
    // Rolls are needed unless the batch runs only the other comparisons.
    let rolls_needed = (!opts.rolls.is_empty() || (opts.registry.is_empty() && opts.orgs.is_empty())) && (want(K::Rolls) || want(K::Exclusions));
    let mut problems = input_problems(&kin_reports, &roll_reports, &missing_paths, (!from_ledger, rolls_needed));
    problems.extend(unread_documents(&skipped_files));
    if from_ledger && register_rows == 0 {
        problems.push(crate::labels::ledger_no_registers(registers_as_of.as_deref().unwrap_or("")));
    }
    let further: [(&str, &Vec<InputReport>, bool); 7] = [
        (crate::labels::other_input_zh(O::Registry), &registry_reports, has_registry),
        (crate::labels::other_input_zh(O::Declarations), &declaration_reports, has_declarations),
        (crate::labels::other_input_zh(O::Orgs), &org_reports, has_orgs),
        (crate::labels::other_input_zh(O::Retired), &retired_reports, has_retired),
        (crate::labels::other_input_zh(O::Deaths), &death_reports, has_deaths),
        (crate::labels::other_input_zh(O::Payroll), &payroll_reports, has_payroll),
        (crate::labels::other_input_zh(O::Vehicles), &vehicle_reports, has_vehicles),
    ];
    for (side, reports, given) in further {
        problems.extend(side_problems(side, reports, given));
    }
    for f in &no_period {
        problems.push(crate::labels::roll_without_period(f));
    }
    // The same file given twice (a unit sending its roll again, a registry both
    // given and left among the rolls): its rows would be compared twice.
    let sides = [("登记表", &kin_reports), ("花名册", &roll_reports)].into_iter().chain(further.iter().map(|(s, r, _)| (*s, *r)));
    problems.extend(duplicate_files(sides));
    // A comparison asked for by --checks whose input nobody gave.
    for k in crate::compare::COMPARISONS.iter().filter(|c| opts.checks.iter().any(|x| x == c.id)) {
        let present = match k.input {
            K::Rolls => !roll_reports.is_empty(),
            K::Registry => run_ent,
            K::Orgs => run_orgs,
            K::Exclusions => want_claims,
        };
        if !present {
            problems.push(crate::labels::check_without_input(k));
        }
    }
    // An option that needs an input nobody gave nor was found among the rolls.
    for (asked, needs, input) in [
        (opts.business_owners && want(K::Exclusions), has_registry, O::Registry),
        ((!declaration_paths.is_empty() || has_declarations) && want(K::Registry), has_registry, O::Registry),
        (!retired_paths.is_empty() && want(K::Orgs), has_orgs, O::Orgs),
    ] {
        if asked && !needs {
            problems.push(crate::labels::input_needed(input));
        }
    }
    let inputs = Inputs {
        kin: kin_reports,
        rolls: roll_reports,
        skipped_files,
        missing_paths,
        problems,
        registry: registry_reports,
        declarations: declaration_reports,
        orgs: org_reports,
        retired: retired_reports,
        deaths: death_reports,
        payroll: payroll_reports,
        vehicles: vehicle_reports,
        routed,
    };
    let mut recorded = RecordedOptions {
        kin: display_paths(&opts.kin),
        rolls: display_paths(&opts.rolls),
        config: opts.config.as_ref().map(|p| p.display().to_string()),
        config_sha256: cfg_sha,
        decisions: opts.decisions.as_ref().map(|p| p.display().to_string()),
        decisions_sha256: decisions_sha,
        scope: scope.iter().map(|r| r.as_str().to_string()).collect(),
        publicity_dry_run: opts.publicity_dry_run,
        workbooks: opts.workbooks,
        index: opts.index.as_ref().map(|p| p.display().to_string()),
        index_sha256: snapshot.as_ref().map(|s| s.1.clone()),
        registry: display_paths(&opts.registry),
        declarations: display_paths(&opts.declarations),
        orgs: display_paths(&opts.orgs),
        retired: display_paths(&opts.retired),
        ledger: opts.ledger.as_ref().map(|p| p.display().to_string()),
        registers_as_of: registers_as_of.clone(),
        ledger_registers,
        ledger_decisions: ledger_decisions_sha.is_some().then(|| LEDGER_DECISIONS.to_string()),
        ledger_decisions_sha256: ledger_decisions_sha,
        ledger_status: None,
        deaths: display_paths(&opts.deaths),
        payroll: display_paths(&opts.payroll),
        vehicles: display_paths(&opts.vehicles),
        business_owners: opts.business_owners,
        double_claims: opts.double_claims,
        checks: opts.checks.clone(),
    };
    let batch_id = batch_id(&inputs, &recorded);
    let previous = Manifest::load(&opts.out).ok();
    let run_date = match (&opts.run_date, &previous) {
        (Some(d), _) => d.clone(),
        (None, Some(m)) if m.batch_id == batch_id && !m.run_date.is_empty() => m.run_date.clone(),
        _ => today(),
    };
    // 台账状态 for the review workbooks: the ledger's, or (re-running) the ones the run showed.
    let lead_status: BTreeMap<String, String> = match (&opts.ledger_status, &ledger) {
        (Some(p), _) => read_lead_status(p)?,
        (None, Some(l)) if !from_ledger => {
            let due = crate::ledger::add_days(&run_date, opts.due_days.unwrap_or(crate::ledger::DEFAULT_DUE_DAYS) as i64).unwrap_or_default();
            let known: BTreeMap<String, crate::ledger::LeadRow> = l.leads("9999-12-31")?.into_iter().map(|x| (x.hit.hit_id.clone(), x)).collect();
            hits.iter().map(|h| (h.hit_id.clone(), crate::labels::lead_status_cell(known.get(&h.hit_id), &run_date, &due))).collect()
        }
        _ => BTreeMap::new(),
    };
    let associations = match &filings {
        Some(f) => crate::compare::association::compare(
            f,
            &matched.cadres,
            &matched.pois,
            &retired.0,
            &retired.1,
            &matched.gaz,
            &cfg.unit_table(),
            &run_date,
        )?,
        None => Vec::new(),
    };
    let all_reports = || inputs.kin.iter().chain(&inputs.rolls);
    let counts = Counts {
        register_rows,
        roll_rows,
        files_not_read: all_reports().filter(|r| r.not_read()).count(),
        sheets_without_table: all_reports().flat_map(|r| &r.sheets).filter(|s| s.error.is_some()).count(),
        matching: out.stats,
    };

    progress.stage("writing outputs", None);
    std::fs::create_dir_all(&opts.out).map_err(io_err(&opts.out))?;
    // Outputs of an earlier run in this folder are replaced, not mixed in.
    if let Some(m) = &previous {
        for rel in m.outputs.keys() {
            let _ = std::fs::remove_file(opts.out.join(rel));
        }
    }
    let mut written: Vec<PathBuf> = Vec::new();
    let hits_path = opts.out.join("hits.csv");
    write_hits_csv(&hits_path, &hits)?;
    written.push(hits_path);
    if opts.workbooks && !lead_status.is_empty() {
        let p = opts.out.join(LEDGER_STATUS);
        write_lead_status(&p, &lead_status)?;
        written.push(p);
        recorded.ledger_status = Some(LEDGER_STATUS.into());
    }
    if run_ent {
        use crate::compare::enterprise as ent;
        let p = opts.out.join(crate::compare::comparison(crate::compare::InputKind::Registry).findings_file);
        ent::write_findings(&p, &enterprise).map_err(io_err(&p))?;
        written.push(p);
        if has_declarations {
            let p = opts.out.join("enterprise_declared_not_found.csv");
            ent::write_not_found(&p, &not_found.iter().collect::<Vec<_>>()).map_err(io_err(&p))?;
            written.push(p);
        }
    }
    {
        use crate::compare::eligibility as el;
        for fam in recorded.eligibility_families(&inputs.routed) {
            let p = opts.out.join(fam.file());
            let these: Vec<el::Finding> = eligibility.iter().filter(|f| f.rule.family() == fam).cloned().collect();
            el::write_findings(&p, &these).map_err(io_err(&p))?;
            written.push(p);
        }
    }
    if run_orgs {
        let p = opts.out.join(crate::compare::comparison(crate::compare::InputKind::Orgs).findings_file);
        crate::compare::association::write_findings(&p, &associations).map_err(io_err(&p))?;
        written.push(p);
    }
    if opts.workbooks {
        let batch = BatchInfo {
            batch_id: batch_id.clone(),
            run_date: run_date.clone(),
            program_version: VERSION.to_string(),
            inputs: inputs
                .kin
                .iter()
                .chain(&inputs.rolls)
                .chain(&inputs.registry)
                .chain(&inputs.declarations)
                .chain(&inputs.orgs)
                .chain(&inputs.retired)
                .chain(&inputs.deaths)
                .chain(&inputs.payroll)
                .chain(&inputs.vehicles)
                .cloned()
                .collect(),
            lead_status: lead_status.clone(),
            problems: inputs.problems.clone(),
        };
        written.extend(report::write_review_workbooks(&opts.out, &hits, &batch, &decisions)?);
        if !eligibility.is_empty() {
            written.extend(report::write_eligibility_workbooks(&opts.out, &eligibility, &batch, &decisions)?);
        }
        // 经商办企业 and 社团兼职: verified by the cadre's own unit.
        written.extend(report::write_enterprise_workbooks(&opts.out, &enterprise, &batch, &decisions)?);
        written.extend(report::write_association_workbooks(&opts.out, &associations, &batch, &decisions)?);
        let summary = opts.out.join("summary.xlsx");
        let further = report::Further { eligibility: &eligibility, enterprise: &enterprise, associations: &associations };
        report::write_summary_all(&summary, &hits, &batch, &further)?;
        written.push(summary);
        if opts.publicity_dry_run || !decisions.by_hit.is_empty() {
            written.extend(report::write_publicity(&opts.out, &hits, &decisions, &batch, opts.publicity_dry_run)?);
        }
    }
    let mut outputs = BTreeMap::new();
    for p in &written {
        let bytes = std::fs::read(p).map_err(io_err(p))?;
        let rel = p.strip_prefix(&opts.out).unwrap_or(p);
        let rel: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        outputs.insert(rel.join("/"), load::sha256_hex(&bytes));
    }
    let manifest = Manifest {
        tool: "kinmatch".into(),
        version: VERSION.into(),
        batch_id,
        run_date,
        options: recorded,
        inputs,
        counts,
        outputs,
        inputs_base: match &opts.base {
            Some(b) => relative_path(&opts.out, b).unwrap_or_default(),
            None => relative_path(&opts.out, Path::new(".")).unwrap_or_default(),
        },
    };
    timing("write outputs", t);
    let mp = opts.out.join("manifest.json");
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| PipelineError::Invalid {
        path: mp.display().to_string(),
        message: e.to_string(),
    })?;
    std::fs::write(&mp, text + "\n").map_err(io_err(&mp))?;
    // The ledger last: a run that failed to write its outputs records nothing;
    // an auditor's re-run from the ledger's registers (--as-of) only reads it.
    let ledger = match &mut ledger {
        Some(l) if !opts.ledger_readonly && !from_ledger => {
            // The files whose leads a run can find again: rolls, the registry, the filings.
            let rolls_read: BTreeSet<String> = (manifest.inputs.rolls.iter().chain(&manifest.inputs.registry).chain(&manifest.inputs.orgs))
                .filter(|r| !r.not_read())
                .map(|r| r.file.clone())
                .collect();
            let published: Vec<String> = if opts.workbooks && !opts.publicity_dry_run {
                hits.iter().filter(|h| report::conclusion_of(h, &decisions) == crate::labels::COMPLIANT).map(|h| h.hit_id.clone()).collect()
            } else {
                Vec::new()
            };
            let received = opts.received.clone().unwrap_or_else(|| manifest.run_date.clone());
            let registers = (!from_ledger && snapshot.is_none()).then_some((kin_kept.as_slice(), manifest.inputs.kin.as_slice(), received.as_str()));
            // 虚报冒领 findings are leads too (by finding_id), verified by the paying unit.
            let mut leads = hits.clone();
            let mut ran: BTreeSet<&str> = BTreeSet::new();
            if want(K::Rolls) {
                ran.insert("relatives_rolls");
            }
            if want_claims {
                leads.extend(eligibility.iter().map(crate::compare::eligibility::lead_hit));
                ran.insert("eligibility");
            }
            // 经商办企业 and 社团兼职 findings too, verified by the cadre's unit.
            if run_ent {
                leads.extend(enterprise.iter().map(crate::compare::enterprise::lead_hit));
                ran.insert("enterprises");
            }
            if has_orgs {
                leads.extend(associations.iter().map(crate::compare::association::lead_hit));
                ran.insert("associations");
            }
            let facts = crate::ledger::RunFacts {
                batch: &manifest.batch_id,
                run_date: &manifest.run_date,
                hits: &leads,
                rolls_read: &rolls_read,
                due_days: opts.due_days.unwrap_or(crate::ledger::DEFAULT_DUE_DAYS),
                published: &published,
                registers_as_of: registers_as_of.as_deref(),
                comparisons_run: &ran,
            };
            let (registers, run) = l.record_batch(registers, &cfg.unit_table(), &facts)?;
            let prefilled = hits.iter().filter(|h| ledger_decisions.by_hit.contains_key(&h.hit_id)).count();
            Some(LedgerOutcome { path: l.path().to_path_buf(), registers, run, prefilled })
        }
        _ => None,
    };
    progress.finish();
    Ok(RunOutcome {
        manifest,
        hits,
        enterprise,
        declared_not_found: not_found.len(),
        associations,
        out: opts.out.clone(),
        ledger,
        eligibility,
    })
}

/// The ledger's decisions a run used, written beside its manifest.
pub const LEDGER_DECISIONS: &str = "ledger_decisions.csv";
/// The lead statuses its review workbooks showed, likewise.
pub const LEDGER_STATUS: &str = "ledger_status.csv";

fn write_lead_status(p: &Path, s: &BTreeMap<String, String>) -> Result<(), PipelineError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let bad = |e: &dyn std::fmt::Display| PipelineError::Invalid { path: p.display().to_string(), message: e.to_string() };
    w.write_record(["hit_id", "status"]).map_err(|e| bad(&e))?;
    for (k, v) in s {
        w.write_record([k, v]).map_err(|e| bad(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| bad(&e))?;
    std::fs::write(p, bytes).map_err(io_err(p))
}

fn read_lead_status(p: &Path) -> Result<BTreeMap<String, String>, PipelineError> {
    let bad = |e: &dyn std::fmt::Display| PipelineError::Invalid { path: p.display().to_string(), message: e.to_string() };
    let mut r = csv::Reader::from_path(p).map_err(|e| bad(&e))?;
    let mut out = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| bad(&e))?;
        out.insert(rec.get(0).unwrap_or("").to_string(), rec.get(1).unwrap_or("").to_string());
    }
    Ok(out)
}

/// Decisions filled into the review workbooks of `out` that `known` does not
/// hold (count, and one of them to name): a run would overwrite them.
fn reviewer_work_at_risk(out: &Path, known: &Decisions) -> Option<(usize, String)> {
    // The relatives' review workbooks, the 虚报冒领, 经商办企业 and 社团兼职 ones.
    let mut books: Vec<PathBuf> = ["review", "eligibility", "enterprise", "associations"]
        .iter()
        .filter_map(|d| std::fs::read_dir(out.join(d)).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("xlsx")) && p.is_file())
        .collect();
    books.sort();
    let read = report::import_reviews(&books);
    let same = |a: &report::Decision, b: &report::Decision| {
        (&a.conclusion, &a.action, &a.reviewer, &a.review_date, &a.remark) == (&b.conclusion, &b.action, &b.reviewer, &b.review_date, &b.remark)
    };
    let at_risk: Vec<&report::Decision> = read
        .decisions
        .by_hit
        .values()
        .filter(|d| [&d.conclusion, &d.action, &d.reviewer, &d.remark].iter().any(|f| !f.trim().is_empty()))
        .filter(|d| known.by_hit.get(&d.hit_id).is_none_or(|k| !same(k, d)))
        .collect();
    let first = at_risk.first()?;
    Some((at_risk.len(), if first.source.is_empty() { first.hit_id.clone() } else { first.source.clone() }))
}

/// `OUT-2`, `OUT-3`, …: the first that does not exist.
fn fresh_folder(out: &Path) -> PathBuf {
    let base = out.as_os_str().to_string_lossy().trim_end_matches(['/', '\\']).to_string();
    (2..).map(|n| PathBuf::from(format!("{base}-{n}"))).find(|p| !p.exists()).unwrap_or_else(|| out.to_path_buf())
}

/// The reports of loaded files, and their records of one kind moved out (no second copy).
fn split_loaded<T>(loaded: Vec<Loaded>, take: impl Fn(&mut Loaded) -> Vec<T>) -> (Vec<InputReport>, Vec<T>) {
    let (mut reports, mut parts) = (Vec::with_capacity(loaded.len()), Vec::with_capacity(loaded.len()));
    for mut l in loaded {
        parts.push(take(&mut l));
        reports.push(l.report);
    }
    (reports, load::concat(parts))
}

/// Read the rolls and match them against the register, one chunk of files at
/// a time ([`load::plan_chunks`]). When the rolls make more than one chunk, a
/// first pass reads them only to learn the county's places (the gazetteer
/// that every chunk must share; one file per core in memory at a time), and a
/// second pass matches; the hits are those of a single chunk, byte for byte
/// (`tests/accuracy.rs`).
fn match_rolls(
    files: &[load::InputFile],
    mut cadres: Vec<matching::people::Cadre>,
    mut pois: Vec<matching::people::Poi>,
    cfg: &Config,
    chunk_bytes: u64,
    wants: Wants,
    (extra, routed): (&mut Extra, &mut Vec<RoutedFile>),
    progress: &dyn Progress,
) -> Result<Matched, PipelineError> {
    let want_claims = wants.claims;
    // Without the relatives' comparison the persons of interest are still
    // placed (the other comparisons use them) but not matched with the rolls.
    let none: Vec<matching::people::Poi> = Vec::new();
    // Files that are another comparison's input by their columns are known
    // once read, before anything is matched: none of their rows is a roll's.
    let mut route = |reports: &mut Vec<InputReport>| -> BTreeSet<String> {
        let before = routed.len();
        route_by_columns(reports, files, extra, routed);
        routed[before..].iter().map(|r| r.file.clone()).collect()
    };
    let claims_of = |rolls: &[load::records::RollRow], want: bool| if want { crate::compare::eligibility::claims_of(rolls) } else { Vec::new() };
    let chunks = load::plan_chunks(files, chunk_bytes);
    let units = cfg.unit_table();
    // The rows of each file, kept apart: matched file by file like chunks, so
    // that a million rows are never moved into one vector (page faults and a
    // copy of every row).
    let read_files = |chunk: &[load::InputFile], label: &str| -> (Vec<InputReport>, Vec<Vec<load::records::RollRow>>) {
        progress.stage(label, Some(chunk.len()));
        let loaded = load::load_all_observed(chunk, Some(Kind::Roll), cfg, &|l: &Loaded| {
            progress.file_read(&l.report.file, l.report.data_rows())
        });
        loaded
            .into_iter()
            .map(|mut l| {
                let rows = std::mem::take(&mut l.rolls);
                (l.report, rows)
            })
            .unzip()
    };
    let read = |chunk: &[load::InputFile], label: &str| {
        let (reports, files) = read_files(chunk, label);
        (reports, load::concat(files))
    };
    // One chunk that fits is read once; a file over the budget (a chunk of its
    // own) is read in pieces, twice like many chunks.
    let fits = chunks.len() <= 1 && files.iter().map(load::memory_estimate).fold(0u64, u64::saturating_add) <= chunk_bytes;
    if fits {
        let t = std::time::Instant::now();
        let (mut reports, mut per_file) = read_files(files, "reading rolls");
        let gone = route(&mut reports);
        per_file.retain(|rows| rows.first().is_some_and(|r| !gone.contains(&r.source.file)));
        let t = timing("  read rolls", t);
        progress.stage("matching", None);
        let gaz = matching::county_gazetteer(matching::people::distinct_places(per_file.iter().flatten()), &cadres);
        matching::people::assign_places(&mut cadres, &mut pois, &gaz, &units);
        timing("  places", t);
        let mut batch = matching::Batch::new(&cadres, if wants.hits { &pois } else { &none }, &gaz, &units)?;
        // An exclusion register found among the rolls asks for the claims too.
        let want_claims = want_claims || routed.iter().any(|r| r.input.is_exclusion());
        let (mut contractors, mut claims) = (std::collections::BTreeSet::new(), Vec::new());
        let rows = per_file.iter().map(Vec::len).sum();
        // Each file's rows are dropped once matched: the next file's persons
        // and leads reuse their memory.
        for rolls in per_file {
            batch.add_rolls(&rolls)?;
            contractors.extend(contractors_of(&rolls, &units));
            claims.extend(claims_of(&rolls, want_claims));
        }
        let out = batch.finish();
        return Ok(Matched { reports, rows, out, cadres, pois, gaz, contractors, claims });
    }
    // A text file larger than a chunk is read in pieces of this many bytes of
    // cells (about a sixteenth of the chunk: the records and the matching of a
    // piece take a multiple of its cells).
    let piece_bytes = usize::try_from(chunk_bytes / 16).unwrap_or(usize::MAX).max(64 << 10);
    // Pass 1: the places and the report of every roll file, one file per core
    // at a time; its rows are dropped as soon as its places are taken.
    let t = std::time::Instant::now();
    progress.stage("reading places", Some(files.len()));
    type Places = std::collections::BTreeSet<(String, String)>;
    type PerFile = (InputReport, usize, Places, Places, Vec<crate::compare::eligibility::Claim>);
    let mut per_file: Vec<PerFile> = files
        .par_iter()
        .with_max_len(1)
        .map(|f| {
            let (mut rows, mut places, mut contractors, mut claims) = (0usize, Places::new(), Places::new(), Vec::new());
            let report = load::load_file_with(f, Some(Kind::Roll), cfg, piece_bytes, &mut |rolls, _| {
                rows += rolls.len();
                contractors.extend(contractors_of(&rolls, &units));
                claims.extend(claims_of(&rolls, want_claims));
                places.extend(rolls.into_iter().map(|r| (r.township.to_string(), r.village.to_string())));
            });
            progress.file_read(&report.file, report.data_rows());
            (report, rows, places, contractors, claims)
        })
        .collect();
    let files_read: Vec<String> = per_file.iter().map(|p| p.0.file.clone()).collect();
    let mut reports: Vec<InputReport> = per_file.iter_mut().map(|p| std::mem::take(&mut p.0)).collect();
    let gone = route(&mut reports);
    let per_file: Vec<PerFile> = per_file.into_iter().zip(&files_read).filter(|(_, f)| !gone.contains(*f)).map(|(p, _)| p).collect();
    let rows = per_file.iter().map(|p| p.1).sum();
    let contractors: Places = per_file.iter().flat_map(|p| p.3.iter().cloned()).collect();
    let places: std::collections::BTreeSet<(String, String)> = per_file.iter().flat_map(|p| p.2.iter().cloned()).collect();
    let mut claims: Vec<crate::compare::eligibility::Claim> = per_file.into_iter().flat_map(|p| p.4).collect();
    timing(&format!("  pass 1: places of {rows} rows"), t);
    // Found among the rolls only now: the claims are taken in pass 2.
    let late_claims = !want_claims && routed.iter().any(|r| r.input.is_exclusion());
    let gaz = matching::county_gazetteer(places.iter().map(|(t, v)| (t.as_str(), v.as_str())), &cadres);
    matching::people::assign_places(&mut cadres, &mut pois, &gaz, &units);
    // Pass 2: match chunk by chunk (a file over the budget piece by piece);
    // only the leads are kept.
    let mut batch = matching::Batch::new(&cadres, if wants.hits { &pois } else { &none }, &gaz, &units)?;
    for (i, chunk) in chunks.iter().enumerate() {
        let chunk: Vec<load::InputFile> = chunk.iter().filter(|f| !gone.contains(&f.rel)).cloned().collect();
        let t = std::time::Instant::now();
        let label = format!("matching {}/{}", i + 1, chunks.len());
        match chunk.as_slice() {
            [] => {}
            [f] if load::memory_estimate(f) > chunk_bytes => {
                progress.stage(&label, Some(1));
                let mut failed = None;
                let report = load::load_file_with(f, Some(Kind::Roll), cfg, piece_bytes, &mut |rolls, _| {
                    claims.extend(claims_of(&rolls, late_claims));
                    if failed.is_none() {
                        failed = batch.add_rolls(&rolls).err();
                    }
                });
                progress.file_read(&report.file, report.data_rows());
                if let Some(e) = failed {
                    return Err(e.into());
                }
                timing(&format!("  pass 2, chunk {}/{}: read and matched in pieces", i + 1, chunks.len()), t);
            }
            _ => {
                let (_, rolls) = read(&chunk, &label);
                let t = timing(&format!("  pass 2, chunk {}/{}: read", i + 1, chunks.len()), t);
                claims.extend(claims_of(&rolls, late_claims));
                batch.add_rolls(&rolls)?;
                timing(&format!("  pass 2, chunk {}/{}: matched", i + 1, chunks.len()), t);
            }
        }
    }
    let out = batch.finish();
    Ok(Matched { reports, rows, out, cadres, pois, gaz, contractors, claims })
}

/// What matching the rolls leaves: the rolls' reports and row count, the
/// hits, and what the other comparisons share (the persons of interest with
/// their places, the gazetteer, the contractors of each unit's rolls).
struct Matched {
    reports: Vec<InputReport>,
    rows: usize,
    out: matching::MatchOutput,
    cadres: Vec<matching::people::Cadre>,
    pois: Vec<matching::people::Poi>,
    gaz: matching::places::Gazetteer,
    /// (approving unit's key, contractor's cleaned name) of every roll row naming one.
    contractors: std::collections::BTreeSet<(String, String)>,
    /// The roll persons with an identity, for the 虚报冒领 rules (only when asked).
    claims: Vec<crate::compare::eligibility::Claim>,
}

fn contractors_of(rolls: &[load::records::RollRow], units: &crate::normalize::unit::UnitTable) -> std::collections::BTreeSet<(String, String)> {
    rolls
        .iter()
        .filter(|r| !r.contractor.is_empty())
        .map(|r| (units.key(&r.unit), crate::compare::enterprise::name_key(&r.contractor)))
        .collect()
}

/// `inspect`: what the reader makes of each file, without matching.
pub fn inspect(paths: &[PathBuf], cfg: &Config, kind: Option<Kind>) -> Inputs {
    let d = load::discover(paths);
    let loaded = load::load_all(&d.files, kind, cfg);
    let (mut kin, mut rolls) = (Vec::new(), Vec::new());
    for l in loaded {
        if l.report.kind == "register" {
            kin.push(l.report);
        } else {
            rolls.push(l.report);
        }
    }
    // inspect does not compare: a folder of rolls alone is not a problem, but
    // nothing readable at all is.
    let nothing = kin.is_empty() && rolls.is_empty();
    // What `run` would use as another comparison's input (the reports stay, to show their columns).
    let mut routed: Vec<RoutedFile> = kin
        .iter()
        .chain(&rolls)
        .filter_map(|r| match cfg.for_file(&r.file).input {
            Some(k) => Some(RoutedFile { file: r.file.clone(), input: k, by: RoutedBy::Config }),
            None => other_input_of(r).map(|(k, by)| RoutedFile { file: r.file.clone(), input: k, by }),
        })
        .collect();
    routed.sort();
    let mut problems = input_problems(&kin, &rolls, &d.missing, (false, false));
    problems.extend(unread_documents(&d.skipped));
    if nothing {
        problems.push("没有找到任何可读取的表格文件".into());
    }
    Inputs {
        kin,
        rolls,
        skipped_files: d.skipped,
        missing_paths: d.missing,
        problems,
        registry: Vec::new(),
        declarations: Vec::new(),
        orgs: Vec::new(),
        retired: Vec::new(),
        deaths: Vec::new(),
        payroll: Vec::new(),
        vehicles: Vec::new(),
        routed,
    }
}

/// One finding of `verify`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub what: String,
    pub detail: String,
}

/// Re-read the inputs a manifest names, check their SHA-256, re-run the
/// batch with the recorded options and run date, and compare every output.
/// An empty list means the batch verifies.
pub fn verify(dir: &Path) -> Result<Vec<Finding>, PipelineError> {
    let m = Manifest::load(dir)?;
    let mut findings = Vec::new();
    if m.version != VERSION {
        findings.push(Finding {
            what: V::version(),
            detail: V::version_differs(&m.version, VERSION),
        });
    }
    // Outputs on disk against the manifest.
    for (rel, sha) in &m.outputs {
        let p = dir.join(rel);
        match std::fs::read(&p) {
            Ok(b) if &load::sha256_hex(&b) == sha => {}
            Ok(_) => findings.push(Finding {
                what: V::output(rel),
                detail: V::output_changed(),
            }),
            Err(e) => findings.push(Finding {
                what: V::output(rel),
                detail: V::cannot_read(&e.to_string()),
            }),
        }
    }
    let opts = RunOptions {
        kin: m.options.kin.iter().map(PathBuf::from).collect(),
        rolls: m.options.rolls.iter().map(PathBuf::from).collect(),
        out: std::env::temp_dir().join(format!("kinmatch-verify-{}-{}", m.batch_id, std::process::id())),
        config: m.options.config.as_ref().map(PathBuf::from),
        decisions: m.options.decisions.as_ref().map(PathBuf::from),
        run_date: Some(m.run_date.clone()),
        publicity_dry_run: m.options.publicity_dry_run,
        workbooks: m.options.workbooks,
        index: m.options.index.as_ref().map(PathBuf::from),
        chunk_bytes: None,
        // Relative inputs are read from the run's own working folder, found
        // from the manifest's folder, so that verify works from anywhere.
        base: (!m.inputs_base.is_empty()).then(|| dir.join(&m.inputs_base)),
        registry: m.options.registry.iter().map(PathBuf::from).collect(),
        declarations: m.options.declarations.iter().map(PathBuf::from).collect(),
        orgs: m.options.orgs.iter().map(PathBuf::from).collect(),
        retired: m.options.retired.iter().map(PathBuf::from).collect(),
        ledger: m.options.ledger.as_ref().map(PathBuf::from),
        as_of: m.options.registers_as_of.clone(),
        received: None,
        due_days: None,
        force: false,
        ledger_readonly: true,
        ledger_decisions: m.options.ledger_decisions.as_ref().map(|f| dir.join(f)),
        ledger_status: m.options.ledger_status.as_ref().map(|f| dir.join(f)),
        deaths: m.options.deaths.iter().map(PathBuf::from).collect(),
        payroll: m.options.payroll.iter().map(PathBuf::from).collect(),
        vehicles: m.options.vehicles.iter().map(PathBuf::from).collect(),
        business_owners: m.options.business_owners,
        double_claims: m.options.double_claims,
        checks: m.options.checks.clone(),
    };
    let _ = std::fs::remove_dir_all(&opts.out);
    let rerun = run(&opts);
    let rerun = match rerun {
        Ok(r) => r,
        Err(e) => {
            findings.push(Finding {
                what: V::rerun(),
                detail: V::rerun_failed(&e.to_string()),
            });
            return Ok(findings);
        }
    };
    // Inputs: same files, same bytes.
    let old = m.inputs.hashes();
    let new = rerun.manifest.inputs.hashes();
    for (k, sha) in &old {
        match new.get(k) {
            None => findings.push(Finding {
                what: V::input(&k.1, &k.0),
                detail: V::input_missing(),
            }),
            Some(s) if s != sha => findings.push(Finding {
                what: V::input(&k.1, &k.0),
                detail: V::input_sha(sha, s),
            }),
            _ => {}
        }
    }
    for k in new.keys().filter(|k| !old.contains_key(*k)) {
        findings.push(Finding {
            what: V::input(&k.1, &k.0),
            detail: V::input_new(),
        });
    }
    for (k, o, n) in [
        ("config", &m.options.config_sha256, &rerun.manifest.options.config_sha256),
        ("decisions", &m.options.decisions_sha256, &rerun.manifest.options.decisions_sha256),
        ("index", &m.options.index_sha256, &rerun.manifest.options.index_sha256),
    ] {
        if o != n {
            findings.push(Finding {
                what: V::option_file(k),
                detail: V::option_file_differs(),
            });
        }
    }
    // Outputs of the re-run against the manifest.
    for (rel, sha) in &m.outputs {
        match rerun.manifest.outputs.get(rel) {
            None => findings.push(Finding {
                what: V::rerun_output(rel),
                detail: V::not_produced(),
            }),
            Some(s) if s != sha => {
                let detail = if rel == "hits.csv" {
                    first_difference(&dir.join(rel), &opts.out.join(rel))
                } else {
                    V::content_differs()
                };
                findings.push(Finding {
                    what: V::rerun_output(rel),
                    detail,
                })
            }
            _ => {}
        }
    }
    for rel in rerun.manifest.outputs.keys().filter(|k| !m.outputs.contains_key(*k)) {
        findings.push(Finding {
            what: V::rerun_output(rel),
            detail: V::extra_output(),
        });
    }
    let _ = std::fs::remove_dir_all(&opts.out);
    Ok(findings)
}

fn first_difference(a: &Path, b: &Path) -> String {
    let (Ok(x), Ok(y)) = (std::fs::read_to_string(a), std::fs::read_to_string(b)) else {
        return V::content_differs();
    };
    for (i, (l, r)) in x.lines().zip(y.lines()).enumerate() {
        if l != r {
            return V::first_difference(i + 1, l, r);
        }
    }
    V::line_counts(x.lines().count(), y.lines().count())
}

/// `kinmatch index`: normalize the registers once into a snapshot file.
pub fn build_index(kin: &[PathBuf], config: Option<&Path>, out: &Path) -> Result<crate::snapshot::SnapshotHeader, PipelineError> {
    build_index_with(kin, config, out, &ExclusionPaths::default())
}

/// The exclusion registers `index` stores for `check` (虚报冒领).
#[derive(Clone, Debug, Default)]
pub struct ExclusionPaths {
    pub deaths: Vec<PathBuf>,
    pub payroll: Vec<PathBuf>,
    pub vehicles: Vec<PathBuf>,
}

/// [`build_index`], with the exclusion registers (deaths, payroll, vehicles)
/// stored beside the register so that `check` runs those rules too.
pub fn build_index_with(kin: &[PathBuf], config: Option<&Path>, out: &Path, ex: &ExclusionPaths) -> Result<crate::snapshot::SnapshotHeader, PipelineError> {
    let (cfg, cfg_sha) = load_config(config)?;
    let scope = scope_of(&cfg);
    let (_, loaded) = read_side(kin, Kind::Register, &cfg);
    let rows: Vec<_> = loaded.iter().flat_map(|l| l.kin.iter().cloned()).collect();
    let header = crate::snapshot::SnapshotHeader {
        tool: "kinmatch".into(),
        version: VERSION.into(),
        inputs: loaded.into_iter().map(|l| l.report).collect(),
        scope: scope.iter().map(|r| r.as_str().to_string()).collect(),
        config_sha256: cfg_sha,
        ..Default::default()
    };
    let mut snap = crate::snapshot::Snapshot::build(&rows, &scope, &cfg.unit_table(), header);
    {
        use crate::compare::eligibility as el;
        let mut e = el::Exclusions::default();
        let mut reports = Vec::new();
        if !ex.deaths.is_empty() {
            let (d, r) = el::read_deaths(&load::discover(&ex.deaths).files);
            e.deaths = d;
            e.has_deaths = true;
            reports.extend(r);
        }
        if !ex.payroll.is_empty() {
            let (p, r) = el::read_payroll(&load::discover(&ex.payroll).files);
            e.records.extend(p);
            let (cadres, _) = matching::people::persons_of_interest(&rows, &[Relation::SelfRel], &cfg.unit_table());
            e.records.extend(el::cadre_records(&cadres));
            reports.extend(r);
        }
        if !ex.vehicles.is_empty() {
            let (v, r) = el::read_vehicles(&load::discover(&ex.vehicles).files);
            e.records.extend(v);
            reports.extend(r);
        }
        snap.set_exclusions(e, reports);
    }
    snap.save(out)?;
    Ok(snap.header)
}
