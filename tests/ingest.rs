//! Reading every register and roll the way departments hand them in: the
//! generated county (every layout quirk), the legacy .xls fixture, and broken
//! files that must be reported, never panic, never abort the batch.

use kinmatch::config::Config;
use kinmatch::load::{self, InputFile, roles::Kind};
use kinmatch::pipeline::inspect;
use kinmatch_synth::{SynthConfig, generate};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn small_county(dir: &Path) {
    let cfg = SynthConfig { seed: 5, cadres: 40, roll_rows: 1_500, xlsx_files: 5, constant_memory: false };
    generate(&cfg, dir).expect("generate");
}

#[test]
fn generated_county_every_column_mapped_and_every_row_counted() {
    let tmp = tempfile::tempdir().unwrap();
    small_county(tmp.path());
    let expected: Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("expected_inputs.json")).unwrap()).unwrap();
    let got = inspect(
        &[tmp.path().join("registers"), tmp.path().join("rolls")],
        &Config::default(),
        None,
    );
    let reports: Vec<_> = got.kin.iter().chain(&got.rolls).collect();
    let files = expected["files"].as_array().unwrap();
    assert_eq!(files.len(), reports.len(), "every file read");
    let mut checked_sheets = 0;
    for f in files {
        let name = f["file"].as_str().unwrap();
        let r = reports.iter().find(|r| r.file == name).unwrap_or_else(|| panic!("{name} not read"));
        assert_eq!(r.kind, f["kind"].as_str().unwrap(), "{name}: kind");
        assert_eq!(r.format, f["format"].as_str().unwrap(), "{name}: format");
        assert!(r.error.is_none(), "{name}: {:?}", r.error);
        for s in f["sheets"].as_array().unwrap() {
            let sheet = s["sheet"].as_str().unwrap();
            let g = r.sheets.iter().find(|x| x.sheet == sheet).unwrap_or_else(|| panic!("{name} · {sheet}"));
            let at = format!("{name} · {sheet}");
            assert_eq!(g.header_row.map(|h| h as u64), s["header_row"].as_u64(), "{at}: header row");
            assert_eq!(g.data_rows, s["data_rows"].as_u64().unwrap(), "{at}: data rows");
            for (reason, n) in s["skipped"].as_object().unwrap() {
                assert_eq!(g.skipped.get(reason).copied().unwrap_or(0), n.as_u64().unwrap(), "{at}: skipped {reason}");
            }
            if s["table"].as_bool().unwrap_or(true) {
                for (col, role) in s["columns"].as_object().unwrap() {
                    assert_eq!(g.role_of(col), role.as_str(), "{at}: column {col}");
                }
                assert_eq!(g.columns.len(), s["columns"].as_object().unwrap().len(), "{at}: no extra columns");
                // Every data row is either matched against or counted as unusable.
                let persons: u64 = g.id_status.values().sum();
                assert!(persons >= g.data_rows - g.unusable.values().sum::<u64>(), "{at}: rows accounted");
            } else {
                assert!(g.error.is_some(), "{at}: a sheet without a table is reported");
            }
            checked_sheets += 1;
        }
    }
    assert!(checked_sheets >= 20, "checked {checked_sheets} sheets");
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

#[test]
fn legacy_xls_with_title_merged_township_numeric_and_15_digit_ids() {
    let f = InputFile { path: fixtures().join("legacy/县民政局_特困供养.xls"), rel: "县民政局_特困供养.xls".into() };
    let l = load::load_file(&f, Some(Kind::Roll), &Config::default());
    assert_eq!(l.report.format, "xls");
    let s = &l.report.sheets[0];
    assert_eq!((s.header_row, s.data_rows), (Some(3), 4));
    assert_eq!(s.skipped.get("total"), Some(&1));
    assert_eq!(s.skipped.get("footer"), Some(&1));
    assert_eq!(s.id_status.get("excel_truncated"), Some(&1));
    assert_eq!(s.id_status.get("legacy_upgraded"), Some(&1));
    assert_eq!(l.report.unit.as_deref(), Some("县民政局"));
    // 乡镇 merged over three rows is filled down.
    let towns: Vec<&str> = l.rolls.iter().map(|r| r.township.as_str()).collect();
    assert_eq!(towns, ["万谷乡", "万谷乡", "万谷乡", "青石镇"]);
    assert_eq!(l.report.sheets[1].error.as_deref().map(|e| e.contains("没有含姓名或身份证号列的表头")), Some(true));
    // A notes sheet is not a problem: the run does not exit 3 for it.
    assert_eq!(l.report.sheets[1].problem, None);
}

/// Broken inputs of every kind, next to one good file.
fn broken_folder(dir: &Path) {
    let good = dir.join("good.csv");
    std::fs::write(&good, "姓名,身份证号\n王伟,519901199001011234\n").unwrap();
    // A real xlsx, then cut short.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "姓名").unwrap();
    ws.write(0, 1, "身份证号").unwrap();
    for r in 1..200u32 {
        ws.write(r, 0, format!("人员{r}")).unwrap();
        ws.write(r, 1, "519901199001011234").unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    std::fs::write(dir.join("truncated.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(dir.join("renamed_text.xlsx"), "姓名,身份证号\n王伟,1\n").unwrap();
    std::fs::write(dir.join("renamed_note.xlsx"), "这不是表格").unwrap();
    std::fs::write(dir.join("empty.csv"), b"").unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write(0, 0, "说明：本表无数据").unwrap();
    wb.save(dir.join("no_header.xlsx")).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "姓名").unwrap();
    ws.write(0, 1, "身份证号").unwrap();
    // Excel's own limit is 32,767 characters a cell; a CSV can hold more.
    ws.write(1, 0, "长".repeat(32_767)).unwrap();
    ws.write(1, 1, "519901199001011234").unwrap();
    wb.save(dir.join("huge_cell.xlsx")).unwrap();
    std::fs::write(dir.join("huge_cell.csv"), format!("姓名,身份证号\n{},519901199001011234\n", "长".repeat(100_000))).unwrap();
    let mut gbk = encoding_rs::GB18030.encode("姓名,身份证号\n王伟,519901199001011234\n").0.into_owned();
    gbk.insert(13, 0xFF);
    std::fs::write(dir.join("bad_gbk.csv"), gbk).unwrap();
    std::fs::write(dir.join("~$lock.xlsx"), b"lock").unwrap();
    std::fs::write(dir.join(".hidden.csv"), b"x").unwrap();
    std::fs::write(dir.join("notes.docx"), b"x").unwrap();
    std::fs::copy(fixtures().join("malformed/加密_有密码.xlsx"), dir.join("加密_有密码.xlsx")).unwrap();
}

#[test]
fn broken_files_are_reported_by_name_and_reason_and_the_rest_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    broken_folder(tmp.path());
    let got = inspect(&[tmp.path().to_path_buf()], &Config::default(), None);
    let all: Vec<_> = got.kin.iter().chain(&got.rolls).collect();
    let err = |f: &str| -> String {
        let r = all.iter().find(|r| r.file == f).unwrap_or_else(|| panic!("{f} missing from the report"));
        r.error.clone().unwrap_or_else(|| panic!("{f}: no error"))
    };
    for (file, words) in [
        ("truncated.xlsx", "工作簿已损坏"),
        ("renamed_note.xlsx", "内容是文本"),
        ("empty.csv", "空文件"),
        ("no_header.xlsx", "没有任何工作表含有可读的表格"),
        ("bad_gbk.csv", "偏移 13）有无效字节 0xFF"),
        ("加密_有密码.xlsx", "有密码"),
    ] {
        let e = err(file);
        assert!(e.contains(file) && e.contains(words), "{file}: {e}");
    }
    // A CSV export named .xlsx is read by its content.
    let renamed = all.iter().find(|r| r.file == "renamed_text.xlsx").unwrap();
    assert_eq!((renamed.error.as_deref(), renamed.format.as_str(), renamed.sheets[0].data_rows), (None, "csv", 1));
    for f in ["huge_cell.xlsx", "huge_cell.csv"] {
        let huge = all.iter().find(|r| r.file == f).unwrap();
        assert!(huge.error.is_none(), "{f}");
        assert_eq!(huge.sheets[0].data_rows, 1, "{f}");
    }
    let good = all.iter().find(|r| r.file == "good.csv").unwrap();
    assert_eq!(good.sheets[0].id_status.get("valid").copied().unwrap_or(0) + good.sheets[0].id_status.get("bad_check_digit").copied().unwrap_or(0), 1);
    let skipped: Vec<(&str, &str)> = got.skipped_files.iter().map(|s| (s.file.as_str(), s.reason.as_str())).collect();
    assert!(skipped.iter().any(|(f, r)| *f == "~$lock.xlsx" && r.contains("锁定文件")), "{skipped:?}");
    assert!(skipped.iter().any(|(f, r)| *f == ".hidden.csv" && r.contains("隐藏")));
    assert!(skipped.iter().any(|(f, r)| *f == "notes.docx" && r.contains("Word 文档") && r.contains("另存为")), "{skipped:?}");
    assert!(got.problems.iter().any(|p| p.contains("notes.docx")), "{:?}", got.problems);
}

#[test]
fn numeric_id_cells_are_never_turned_into_invented_digits() {
    let tmp = tempfile::tempdir().unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "姓名").unwrap();
    ws.write(0, 1, "身份证号").unwrap();
    ws.write(1, 0, "王伟").unwrap();
    ws.write_number(1, 1, 519_901_199_001_011_234.0).unwrap();
    let p = tmp.path().join("n.xlsx");
    wb.save(&p).unwrap();
    let l = load::load_file(&InputFile { path: p, rel: "n.xlsx".into() }, Some(Kind::Roll), &Config::default());
    let id = l.rolls[0].slots[0].id.normalize();
    assert_eq!(id.status.as_str(), "excel_truncated");
    assert_eq!(id.value, "519901199001011000");
    assert_eq!(id.partial.as_deref(), Some("51990119900101"));
}
