//! End-to-end county bench (issue 5): the whole batch against the floor, a
//! bare reader that only reads every cell of the same files with calamine and
//! the csv crate on all cores, measured in the same run.
//!
//!     cargo bench --bench county            # generates the county once (target/bench-data)
//!     KINMATCH_BENCH_PRESET=test-county cargo bench --bench county   # smaller
//!     KINMATCH_BENCH_PRESET=province cargo bench --bench county      # 50 M roll rows, ~4 GB, one run
//!
//! Prints the median of the runs of each (3; `KINMATCH_BENCH_RUNS` to change,
//! 1 for the province), their ratio, the batch's peak memory (as a child
//! process, from getrusage), and the hits scored against the generator's truth.

use calamine::{Reader, open_workbook_auto};
use kinmatch_synth::{SynthConfig, generate, province};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    v.sort();
    v
}

/// Read every cell of every file; returns the number of non-empty cells.
fn floor(paths: &[PathBuf]) -> usize {
    paths
        .par_iter()
        .map(|p| {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext == "xlsx" || ext == "xls" {
                let mut wb = open_workbook_auto(p).unwrap();
                let mut n = 0;
                for s in wb.sheet_names() {
                    let r = wb.worksheet_range(&s).unwrap();
                    n += r.used_cells().count();
                }
                n
            } else {
                let bytes = std::fs::read(p).unwrap();
                let (text, _) = kinmatch::load::text::decode("", &bytes).unwrap();
                let delim = kinmatch::load::text::sniff_delimiter(&text);
                let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delim).from_reader(text.as_bytes());
                rdr.records().map(|r| r.unwrap().iter().filter(|f| !f.is_empty()).count()).sum()
            }
        })
        .sum()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|_| root.join("target"));
    let preset = std::env::var("KINMATCH_BENCH_PRESET").unwrap_or_else(|_| "county".into());
    let data = target.join("bench-data").join(&preset);
    if !data.join("truth.csv").exists() {
        let t = Instant::now();
        match preset.as_str() {
            "province" => drop(province::generate_province(&province::ProvinceConfig::province(), &data).unwrap()),
            "test-county" => drop(generate(&SynthConfig::test_county(), &data).unwrap()),
            _ => drop(generate(&SynthConfig::county(), &data).unwrap()),
        }
        eprintln!("generated {} in {:.1} s", data.display(), t.elapsed().as_secs_f64());
    }
    let runs: usize = std::env::var("KINMATCH_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if preset == "province" { 1 } else { 3 });
    let mut all = files(&data.join("registers"));
    all.extend(files(&data.join("rolls")));
    let size: u64 = all.iter().map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)).sum();

    let mut floor_t = Vec::new();
    let mut cells = 0;
    for _ in 0..runs {
        let t = Instant::now();
        cells = floor(&all);
        floor_t.push(t.elapsed().as_secs_f64());
    }
    let bin = target.join("release").join("kinmatch");
    assert!(bin.exists(), "build the binary first: cargo build --release");
    let out = target.join("bench-data").join(format!("{preset}-out"));
    let mut run_t = Vec::new();
    let mut peak_kib = 0i64;
    for _ in 0..runs {
        let t = Instant::now();
        let st = Command::new("/usr/bin/time")
            .args(["-f", "%M"])
            .arg(&bin)
            .args(["run", "--no-workbooks", "--run-date", "2024-11-01", "--kin"])
            .arg(data.join("registers"))
            .arg("--rolls")
            .arg(data.join("rolls"))
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        run_t.push(t.elapsed().as_secs_f64());
        assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
        let err = String::from_utf8_lossy(&st.stderr);
        if let Some(kib) = err.lines().last().and_then(|l| l.trim().parse::<i64>().ok()) {
            peak_kib = peak_kib.max(kib);
        }
    }
    let (f, r) = (median(floor_t), median(run_t));
    let rows = std::fs::read_to_string(out.join("manifest.json")).unwrap_or_default();
    let m: serde_json::Value = serde_json::from_str(&rows).unwrap_or_default();
    let roll_rows = m["counts"]["roll_rows"].as_u64().unwrap_or(0);
    println!("preset {preset}: {} files, {:.0} MB, {cells} non-empty cells, {roll_rows} roll rows", all.len(), size as f64 / 1e6);
    println!("floor (calamine + csv, every cell, all cores): median {f:.2} s");
    println!("kinmatch run --no-workbooks (whole process):  median {r:.2} s");
    println!("ratio {:.2}x   peak memory {:.0} MiB   {:.0} roll rows/s", r / f, peak_kib as f64 / 1024.0, roll_rows as f64 / r);
    let hits = kinmatch::pipeline::read_hits_csv(&out.join("hits.csv")).unwrap();
    let e = kinmatch_synth::eval::evaluate(&data.join("truth.csv"), &hits).unwrap();
    println!(
        "hits {}: precision confirmed+probable {:.4}, recall any tier {:.4} (truth {})",
        hits.len(),
        e.strong.precision,
        e.recall_any,
        e.truth
    );
}
