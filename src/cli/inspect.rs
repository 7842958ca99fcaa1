//! `kinmatch inspect PATH...`

use crate::labels as msgs;
use crate::load::roles::Kind;
use crate::model::InputReport;
use crate::pipeline::{Inputs, inspect, load_config};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  kinmatch inspect fixtures/demo\n  kinmatch inspect --json 县民政局_农村低保.xlsx > report.json")]
pub struct Args {
    /// Files or folders (read recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print one JSON document (the manifest's `inputs` format).
    #[arg(long)]
    pub json: bool,
    /// Overrides per file pattern (see README: kinmatch.toml).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Read every file as this kind instead of guessing from its header.
    #[arg(long, value_parser = ["roll", "register"])]
    pub kind: Option<String>,
}

fn print_file(r: &InputReport) {
    let zh = msgs::lang() == msgs::Lang::Zh;
    let src = |v: &Option<String>, s: &Option<String>| {
        let s = s.as_deref().map(|s| if zh { msgs::found_in(s) } else { s });
        match (v, s) {
            (Some(v), Some(s)) if zh => format!("{v}（据{s}）"),
            (Some(v), Some(s)) => format!("{v} ({s})"),
            (None, Some(s)) => format!("（{s}）"),
            _ => "-".into(),
        }
    };
    let format = format!("{}{}", r.format, r.encoding.as_ref().map(|e| format!(" · {e}")).unwrap_or_default());
    println!("{}", msgs::inspect_file(&r.file, &r.kind, &format, &src(&r.unit, &r.unit_source), &src(&r.program, &r.program_source)));
    if let Some(e) = &r.error {
        if r.sheets.is_empty() {
            println!("{}", msgs::not_read(e));
            return;
        }
    }
    for s in &r.sheets {
        let name = if s.sheet.is_empty() { msgs::text_sheet() } else { s.sheet.clone() };
        match s.header_row {
            None => println!("{}", msgs::inspect_no_table(&name, s.error.as_deref().unwrap_or(""))),
            Some(h) => {
                let skipped = if s.skipped.is_empty() { msgs::none() } else { msgs::counts(&s.skipped, msgs::skip) };
                println!("{}", msgs::inspect_sheet(&name, h, s.data_rows, &skipped));
                let cols: Vec<String> = s.columns.iter().map(|c| msgs::inspect_column(&c.header, &c.role, &c.decided_by)).collect();
                println!("{}", msgs::inspect_columns(&cols.join(", ")));
                if let (Some(n), Some(src)) = (&s.cadre_from_name, &s.cadre_source) {
                    println!("{}", msgs::inspect_cadre_from_name(n, src));
                }
                println!("{}", msgs::inspect_ids(&msgs::counts(&s.id_status, msgs::id_status)));
                if !s.unusable.is_empty() {
                    println!("{}", msgs::inspect_unusable(&msgs::counts(&s.unusable, msgs::unusable)));
                }
                if let Some(p) = &s.problem {
                    println!("{}", msgs::inspect_problem(p));
                }
            }
        }
    }
}

pub fn exec(a: Args) -> anyhow::Result<i32> {
    let (cfg, _) = load_config(a.config.as_deref())?;
    let kind = match a.kind.as_deref() {
        Some("roll") => Some(Kind::Roll),
        Some("register") => Some(Kind::Register),
        _ => None,
    };
    let res: Inputs = inspect(&a.paths, &cfg, kind);
    let all: Vec<&InputReport> = res.kin.iter().chain(&res.rolls).collect();
    let not_read = res.problems.len();
    if a.json {
        let mut sorted: Vec<&InputReport> = all.clone();
        sorted.sort_by(|x, y| x.file.cmp(&y.file));
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "inputs": sorted,
                "skipped_files": res.skipped_files,
                "missing_paths": res.missing_paths,
                "problems": res.problems,
                "routed": res.routed,
            }))?
        );
    } else {
        let mut sorted = all;
        sorted.sort_by(|x, y| x.file.cmp(&y.file));
        for r in sorted {
            print_file(r);
        }
        for s in &res.skipped_files {
            println!("{}", msgs::skipped_file(&s.file, &s.reason));
        }
        for m in &res.missing_paths {
            println!("{}", msgs::not_found(m));
        }
        for r in &res.routed {
            println!("{}", crate::labels::routed_input(&r.file, r.input, r.by));
        }
        if !res.problems.is_empty() {
            println!("{}", msgs::inputs_unusable(res.problems.len()));
            for p in &res.problems {
                println!("  {p}");
            }
        }
    }
    Ok(if not_read > 0 { super::exit::INPUT_NOT_READ } else { super::exit::OK })
}
