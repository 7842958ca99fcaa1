//! A reviewer's decision survives into the next batch: run -> fill the review
//! workbook -> `review import` -> `run --decisions` -> publicity and sample.

use assert_cmd::Command;
use predicates::prelude::*;
use calamine::{Data, Reader, Xlsx, open_workbook};
use std::path::{Path, PathBuf};

fn km() -> Command {
    let mut c = Command::cargo_bin("kinmatch").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run_demo(out: &Path, extra: &[&str]) {
    km().args(["run", "--kin", "fixtures/demo/registers", "--rolls", "fixtures/demo/rolls", "--run-date", "2024-11-01", "--out"])
        .arg(out)
        .args(extra)
        .assert()
        .success();
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// What a reviewer saves: the same table with 核查结论 filled on two rows.
fn fill_review(src: &Path, dst: &Path) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(src).unwrap();
    let range = wb.worksheet_range("比对结果").unwrap();
    let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(cell_text).collect()).collect();
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let (c_concl, c_action, c_id) = (col("核查结论"), col("处理措施"), col("hit_id"));
    let mut out = rust_xlsxwriter::Workbook::new();
    let ws = out.add_worksheet();
    ws.set_name("比对结果").unwrap();
    let mut decided = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let v = match (r, c) {
                (1, c) if c == c_concl => "合规".to_string(),
                (2, c) if c == c_concl => "不合规".to_string(),
                (2, c) if c == c_action => "停发".to_string(),
                _ => v.clone(),
            };
            ws.write_string(r as u32, c as u16, &v).unwrap();
        }
        if r == 1 || r == 2 {
            decided.push(row[c_id].clone());
        }
    }
    out.save(dst).unwrap();
    decided
}

#[test]
fn a_decision_made_on_a_hit_survives_into_the_next_batch() {
    let tmp = tempfile::tempdir().unwrap();
    let out1 = tmp.path().join("out1");
    run_demo(&out1, &[]);
    let reviewed_dir = tmp.path().join("reviewed");
    std::fs::create_dir_all(&reviewed_dir).unwrap();
    let reviewed = reviewed_dir.join("县民政局.xlsx");
    let decided = fill_review(&out1.join("review/县民政局.xlsx"), &reviewed);
    let decisions = tmp.path().join("decisions.csv");
    km().args(["review", "import"]).arg(&reviewed).arg("-o").arg(&decisions).arg("--batch").arg(&out1).assert().success()
        .stdout(predicates::str::contains("2 条核查结论已写入"))
        .stderr(predicates::str::contains("未找到本批次").not());

    let out2 = tmp.path().join("out2");
    run_demo(&out2, &["--decisions", decisions.to_str().unwrap()]);
    let hits = kinmatch::pipeline::read_hits_csv(&out2.join("hits.csv")).unwrap();
    let by_id = |id: &str| hits.iter().find(|h| h.hit_id == id).unwrap_or_else(|| panic!("hit {id} gone"));
    assert_eq!(by_id(&decided[0]).decision, "合规");
    assert_eq!(by_id(&decided[1]).decision, "不合规");

    // The next review workbook shows the decision instead of asking again.
    let mut wb: Xlsx<_> = open_workbook(out2.join("review/县民政局.xlsx")).unwrap();
    let range = wb.worksheet_range("比对结果").unwrap();
    let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(cell_text).collect()).collect();
    let (ci, cc) = (
        rows[0].iter().position(|h| h == "hit_id").unwrap(),
        rows[0].iter().position(|h| h == "核查结论").unwrap(),
    );
    let row = rows.iter().find(|r| r[ci] == decided[0]).unwrap();
    assert_eq!(row[cc], "合规");

    // Publicity: only the 合规 hit, its IDs masked.
    let h = by_id(&decided[0]);
    let pubs: Vec<PathBuf> = walk(&out2.join("publicity"));
    assert!(!pubs.is_empty(), "publicity lists written");
    for p in &pubs {
        let mut wb: Xlsx<_> = open_workbook(p).unwrap();
        for name in wb.sheet_names() {
            for row in wb.worksheet_range(&name).unwrap().rows() {
                for c in row {
                    let t = cell_text(c);
                    for full in [&h.roll_id, &h.relative_id, &h.cadre_id] {
                        assert!(full.is_empty() || !t.contains(full.as_str()), "{}: full ID {full}", p.display());
                    }
                }
            }
        }
    }

    // Spot checks: the same seed draws the same sample.
    let s1 = tmp.path().join("s1.xlsx");
    let s2 = tmp.path().join("s2.xlsx");
    for s in [&s1, &s2] {
        km().arg("sample").arg(&out2).args(["--decisions", decisions.to_str().unwrap(), "--rate", "0.5", "--seed", "7", "-o"]).arg(s)
            .assert().success().stdout(predicates::str::contains("已抽取 1 条命中"));
    }
    assert_eq!(std::fs::read(&s1).unwrap(), std::fs::read(&s2).unwrap());
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() { out.extend(walk(&p)); } else { out.push(p); }
        }
    }
    out.sort();
    out
}

#[test]
fn template_writes_a_workbook_the_reader_understands() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("登记表模板.xlsx");
    km().args(["template", "register", "-o"]).arg(&p).assert().success();
    let got = kinmatch::pipeline::inspect(&[p], &kinmatch::config::Config::default(), None);
    let r = &got.kin[0];
    assert_eq!(r.kind, "register");
    let sheet = r.sheets.iter().find(|s| s.header_row.is_some()).unwrap();
    assert_eq!(sheet.role_of("干部姓名"), Some("name:cadre"));
    assert_eq!(sheet.role_of("称谓"), Some("relation"));
}
