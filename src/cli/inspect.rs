//! `kinmatch inspect PATH...`

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

fn kv(m: &std::collections::BTreeMap<String, u64>) -> String {
    m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
}

fn print_file(r: &InputReport) {
    let src = |v: &Option<String>, s: &Option<String>| match (v, s) {
        (Some(v), Some(s)) => format!("{v} ({s})"),
        (None, Some(s)) => format!("({s})"),
        _ => "-".into(),
    };
    println!(
        "{}  [{} · {}{}]  unit: {}  program: {}",
        r.file,
        r.kind,
        r.format,
        r.encoding.as_ref().map(|e| format!(" · {e}")).unwrap_or_default(),
        src(&r.unit, &r.unit_source),
        src(&r.program, &r.program_source)
    );
    if let Some(e) = &r.error {
        if r.sheets.is_empty() {
            println!("  NOT READ: {e}");
            return;
        }
    }
    for s in &r.sheets {
        let name = if s.sheet.is_empty() { "(text)".to_string() } else { s.sheet.clone() };
        match s.header_row {
            None => println!("  sheet {name}: no table: {}", s.error.as_deref().unwrap_or("")),
            Some(_) => {
                let skipped = if s.skipped.is_empty() { "none".into() } else { kv(&s.skipped) };
                println!(
                    "  sheet {name}: header row {}, {} data rows; skipped: {skipped}",
                    s.header_row.unwrap_or(0),
                    s.data_rows
                );
                let cols: Vec<String> = s
                    .columns
                    .iter()
                    .map(|c| {
                        let how = if c.decided_by == "header" { String::new() } else { format!("（{}）", c.decided_by) };
                        format!("{}={}{how}", c.header, c.role)
                    })
                    .collect();
                println!("    columns: {}", cols.join(", "));
                println!("    IDs: {}", kv(&s.id_status));
                if !s.unusable.is_empty() {
                    println!("    rows without a usable person: {}", kv(&s.unusable));
                }
                if let Some(p) = &s.problem {
                    println!("    不可用：{p}");
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
            }))?
        );
    } else {
        let mut sorted = all;
        sorted.sort_by(|x, y| x.file.cmp(&y.file));
        for r in sorted {
            print_file(r);
        }
        for s in &res.skipped_files {
            println!("skipped {}: {}", s.file, s.reason);
        }
        for m in &res.missing_paths {
            println!("NOT FOUND: {m}");
        }
        if !res.problems.is_empty() {
            println!("\n无法使用的输入（{} 项，退出码 3）：", res.problems.len());
            for p in &res.problems {
                println!("  {p}");
            }
        }
    }
    Ok(if not_read > 0 { super::exit::INPUT_NOT_READ } else { super::exit::OK })
}
