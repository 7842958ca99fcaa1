//! Generator tests: small configs, read back with calamine.

use super::names::{TRAD, VARIANT_SURNAMES};
use super::output::col_key2;
use super::*;
use kinmatch::normalize::id::check_char;
use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn small(constant_memory: bool, xlsx_files: usize) -> SynthConfig {
    SynthConfig { seed: 5, cadres: 30, roll_rows: 800, xlsx_files, constant_memory }
}

fn gen_into(cfg: &SynthConfig) -> (tempfile::TempDir, SynthSummary) {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = generate(cfg, dir.path()).expect("generate");
    (dir, s)
}

fn all_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(root).expect("prefix").to_path_buf());
            }
        }
    }
    out.sort();
    out
}

fn assert_same_outputs(cfg: &SynthConfig) {
    let (a, sa) = gen_into(cfg);
    let (b, sb) = gen_into(cfg);
    assert_eq!(sa, sb);
    let fa = all_files(a.path());
    assert_eq!(fa, all_files(b.path()));
    assert!(fa.len() >= 10, "{fa:?}");
    for f in fa {
        let x = std::fs::read(a.path().join(&f)).expect("read");
        let y = std::fs::read(b.path().join(&f)).expect("read");
        assert!(x == y, "{} differs between runs", f.display());
    }
}

#[test]
fn deterministic_bytes() {
    assert_same_outputs(&small(false, 5));
}

#[test]
fn deterministic_bytes_constant_memory_split() {
    assert_same_outputs(&small(true, 14));
}

#[test]
fn split_files_counts() {
    let (dir, s) = gen_into(&small(true, 14));
    let rolls = all_files(&dir.path().join("rolls"));
    let xlsx = rolls.iter().filter(|p| p.extension().is_some_and(|e| e == "xlsx")).count();
    assert_eq!(xlsx, 14);
    assert_eq!(s.roll_files, rolls.len());
    check_expected_against_files(dir.path());
    check_truth(dir.path());
}

// ------------------------------------------------------------ reading back

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e20 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::DateTime(_) | Data::DateTimeIso(_) => "<date>".to_string(),
        other => other.to_string(),
    }
}

/// Rows of a sheet as text, indexed by 0-based absolute row; plus merges.
struct Grid {
    rows: Vec<Vec<String>>,
    raw: Vec<Vec<Data>>,
    merges: Vec<calamine::Dimensions>,
}

fn read_xlsx(path: &Path, sheet: &str) -> Grid {
    let mut wb: Xlsx<_> = open_workbook(path).expect("open xlsx");
    let merges = wb.merge_cells_by_sheet_name(sheet).expect("merged cells");
    let range = wb.worksheet_range(sheet).expect("sheet");
    let (mut rows, mut raw) = (Vec::new(), Vec::new());
    if let Some(end) = range.end() {
        for r in 0..=end.0 {
            let mut row = Vec::new();
            let mut rr = Vec::new();
            for c in 0..=end.1 {
                let d = range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
                row.push(cell_text(&d));
                rr.push(d);
            }
            rows.push(row);
            raw.push(rr);
        }
    }
    Grid { rows, raw, merges }
}

fn read_text(path: &Path, encoding: &str, delim: &str) -> Grid {
    let bytes = std::fs::read(path).expect("read text");
    let text = match encoding {
        "GBK" => {
            let (t, had_errors) = encoding_rs::GBK.decode_without_bom_handling(&bytes);
            assert!(!had_errors, "GBK decode errors in {}", path.display());
            t.into_owned()
        }
        "UTF-8" => {
            assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "{} lacks a BOM", path.display());
            String::from_utf8(bytes[3..].to_vec()).expect("utf-8")
        }
        "UTF-16LE" => {
            assert_eq!(&bytes[..2], &[0xFF, 0xFE]);
            let u: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
            String::from_utf16(&u).expect("utf-16")
        }
        e => panic!("encoding {e}"),
    };
    let rows = text.split("\r\n").filter(|l| !l.is_empty()).map(|l| l.split(delim).map(str::to_string).collect()).collect();
    Grid { rows, raw: Vec::new(), merges: Vec::new() }
}

fn expected(out: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(out.join("expected_inputs.json")).expect("json")).expect("parse json")
}

fn grid_for(out: &Path, file: &Value, sheet: &str) -> Grid {
    let path = out.join(file["dir"].as_str().expect("dir")).join(file["file"].as_str().expect("file"));
    match file["format"].as_str() {
        Some("xlsx") => read_xlsx(&path, sheet),
        _ => read_text(&path, file["encoding"].as_str().expect("enc"), file["delimiter"].as_str().expect("delim")),
    }
}

fn merged_value(g: &Grid, r: u32, c: u32) -> String {
    for m in &g.merges {
        if m.start.0 <= r && r <= m.end.0 && m.start.1 <= c && c <= m.end.1 {
            return g.rows[m.start.0 as usize][m.start.1 as usize].clone();
        }
    }
    g.rows.get(r as usize).and_then(|row| row.get(c as usize)).cloned().unwrap_or_default()
}

const FOOTERS: [&str; 7] = ["制表人", "审核人", "负责人", "填报日期", "填表人", "制表日期", "联系电话"];

fn check_expected_against_files(out: &Path) {
    let exp = expected(out);
    for file in exp["files"].as_array().expect("files") {
        let is_xlsx = file["format"] == "xlsx";
        if is_xlsx {
            let path = out.join(file["dir"].as_str().expect("dir")).join(file["file"].as_str().expect("file"));
            let wb: Xlsx<_> = open_workbook(&path).expect("open");
            let names: Vec<String> = wb.sheet_names().to_vec();
            let listed: Vec<&str> = file["sheets"].as_array().expect("sheets").iter().map(|s| s["sheet"].as_str().expect("sheet")).collect();
            assert_eq!(names, listed, "{}", path.display());
        }
        for sh in file["sheets"].as_array().expect("sheets") {
            if sh["table"] == false {
                assert!(sh["header_row"].is_null());
                continue;
            }
            let g = grid_for(out, file, sh["sheet"].as_str().expect("sheet"));
            let hr = sh["header_row"].as_u64().expect("header_row") as u32;
            let keys: Vec<&String> = sh["columns"].as_object().expect("columns").keys().collect();
            let two_row = keys.iter().any(|k| k.contains('/'));
            let ncols = g.rows[hr as usize - 1].len() as u32;
            let mut got: Vec<String> = Vec::new();
            for c in 0..ncols {
                let k = if two_row {
                    col_key2(&merged_value(&g, hr - 2, c), &g.rows[hr as usize - 1][c as usize])
                } else {
                    col_key2(&g.rows[hr as usize - 1][c as usize], "")
                };
                if !k.is_empty() {
                    got.push(k);
                }
            }
            let mut want: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            got.sort();
            want.sort();
            assert_eq!(got, want, "header of {} / {}", file["file"], sh["sheet"]);
            // Classify rows below the header.
            let header_keys: Vec<String> = g.rows[hr as usize - 1].iter().map(|c| col_key2(c, "")).collect();
            let last = g.rows.iter().rposition(|r| r.iter().any(|c| !c.is_empty())).unwrap_or(0);
            let (mut data, mut blank, mut total, mut footer, mut header) = (0, 0, 0, 0, 0);
            for row in &g.rows[hr as usize..=last] {
                let first = row.iter().find(|c| !c.is_empty());
                if first.is_none() {
                    blank += 1;
                } else if row.iter().any(|c| c.contains("小计") || c.contains("合计") || c.contains("总计")) {
                    total += 1;
                } else if FOOTERS.iter().any(|f| first.is_some_and(|c| c.starts_with(f))) {
                    footer += 1;
                } else if row.iter().map(|c| col_key2(c, "")).collect::<Vec<_>>() == header_keys {
                    header += 1;
                } else {
                    data += 1;
                }
            }
            let sk = &sh["skipped"];
            let ctx = format!("{} / {}", file["file"], sh["sheet"]);
            assert_eq!(data, sh["data_rows"].as_u64().expect("data_rows"), "data rows {ctx}");
            assert_eq!(blank, sk["blank"].as_u64().expect("blank"), "blank {ctx}");
            assert_eq!(total, sk["total"].as_u64().expect("total"), "total {ctx}");
            assert_eq!(footer, sk["footer"].as_u64().expect("footer"), "footer {ctx}");
            assert_eq!(header, sk["header"].as_u64().expect("header"), "header {ctx}");
        }
    }
}

#[test]
fn expected_inputs_match_files() {
    let (dir, s) = gen_into(&small(false, 5));
    check_expected_against_files(dir.path());
    let exp = expected(dir.path());
    let files = exp["files"].as_array().expect("files");
    assert_eq!(files.iter().filter(|f| f["dir"] == "registers").count(), s.register_files);
    assert_eq!(files.iter().filter(|f| f["dir"] == "rolls").count(), s.roll_files);
    let rows: u64 = files
        .iter()
        .filter(|f| f["dir"] == "rolls")
        .flat_map(|f| f["sheets"].as_array().expect("sheets").iter())
        .map(|s| s["data_rows"].as_u64().expect("rows"))
        .sum();
    assert_eq!(rows as usize, s.roll_rows);
}

#[test]
fn workbooks_read_back() {
    let (dir, _) = gen_into(&small(false, 5));
    let rolls = dir.path().join("rolls");
    // Merged cells in the 低保 and two-row-header layouts, and in long registers.
    for (f, sheet) in [
        ("县民政局_农村低保.xlsx", "万谷乡"),
        ("县住房和城乡建设局_农村危房改造.xlsx", "危房改造"),
        ("县交通运输局_工程项目.xlsx", "工程项目"),
    ] {
        let g = read_xlsx(&rolls.join(f), sheet);
        assert!(!g.merges.is_empty(), "{f} has no merged cells");
    }
    let g = read_xlsx(&rolls.join("县民政局_农村低保.xlsx"), "万谷乡");
    assert_eq!(g.rows[3][4].replace('\n', ""), "家庭成员姓名");
    assert!(g.merges.iter().any(|m| m.start.1 == 1 && m.end.0 > m.start.0), "乡镇 merged down");
    let reg = dir.path().join("registers").join("县民政局_干部亲属信息登记表.xlsx");
    let g = read_xlsx(&reg, "亲属信息");
    assert!(g.merges.iter().any(|m| m.start.1 == 1 && m.end.0 > m.start.0), "cadre name merged down");
    // IDs as numbers in 临时救助, and the prose sheet.
    let p = rolls.join("县民政局_临时救助.xlsx");
    let g = read_xlsx(&p, "临时救助");
    let floats = g.raw.iter().skip(1).filter(|r| matches!(r[2], Data::Float(_))).count();
    assert!(floats * 2 > g.raw.len(), "most IDs should be numbers, got {floats}");
    let dates = g.raw.iter().skip(1).filter(|r| matches!(r[7], Data::DateTime(_))).count();
    assert!(dates > 0);
    let mut wb: Xlsx<_> = open_workbook(&p).expect("open");
    assert!(wb.sheet_names().iter().any(|s| s == "说明"));
    assert!(wb.worksheet_range("说明").is_ok());
    // Text encodings.
    let gbk = std::fs::read(rolls.join("县农业农村局_耕地地力保护补贴.csv")).expect("read");
    let (_, had_errors) = encoding_rs::GBK.decode_without_bom_handling(&gbk);
    assert!(!had_errors);
    assert!(std::str::from_utf8(&gbk).is_err(), "GBK file must not be valid UTF-8");
    let txt = std::fs::read(rolls.join("县人力资源和社会保障局_公益性岗位.txt")).expect("read");
    assert_eq!(&txt[..2], &[0xFF, 0xFE]);
    let med = std::fs::read(rolls.join("县医疗保障局_医疗救助.csv")).expect("read");
    assert_eq!(&med[..3], &[0xEF, 0xBB, 0xBF]);
}

// ------------------------------------------------------------------- truth

fn norm_name(s: &str) -> Vec<char> {
    let mut s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    for n in super::names::NAME_NOTES {
        s = s.replace(n, "");
    }
    for (a, b) in VARIANT_SURNAMES {
        if s.starts_with(b) {
            s = format!("{a}{}", &s[b.len()..]);
        }
    }
    s.chars().map(|c| TRAD.iter().find(|t| t.1 == c).map_or(c, |t| t.0)).collect()
}

fn related(a: &str, b: &str) -> bool {
    let (a, b) = (norm_name(a), norm_name(b));
    a.len() == b.len() && !a.is_empty() && a.iter().zip(&b).filter(|(x, y)| x != y).count() <= 1
}

fn valid_id(s: &str) -> bool {
    s.len() == 18 && check_char(&s[..17]) == s.chars().last()
}

/// (file, sheet) -> (grid, columns role -> index).
type Cache = BTreeMap<(String, String), (Grid, BTreeMap<String, usize>)>;

fn load<'a>(cache: &'a mut Cache, out: &Path, exp: &Value, dir: &str, file: &str, sheet: &str) -> &'a (Grid, BTreeMap<String, usize>) {
    cache.entry((file.to_string(), sheet.to_string())).or_insert_with(|| {
        let f = exp["files"].as_array().expect("files").iter().find(|f| f["dir"] == dir && f["file"] == file).expect("file listed");
        let sh = f["sheets"].as_array().expect("sheets").iter().find(|s| s["sheet"] == sheet).expect("sheet listed");
        let g = grid_for(out, f, sheet);
        let hr = sh["header_row"].as_u64().expect("hr") as usize;
        let two_row = sh["columns"].as_object().expect("cols").keys().any(|k| k.contains('/'));
        let mut roles = BTreeMap::new();
        for c in 0..g.rows[hr - 1].len() {
            let k = if two_row { col_key2(&merged_value(&g, hr as u32 - 2, c as u32), &g.rows[hr - 1][c]) } else { col_key2(&g.rows[hr - 1][c], "") };
            if let Some(role) = sh["columns"][&k].as_str() {
                roles.insert(role.to_string(), c);
            }
        }
        (g, roles)
    })
}

fn check_truth(out: &Path) -> BTreeMap<String, usize> {
    let exp = expected(out);
    let mut rdr = csv::Reader::from_path(out.join("truth.csv")).expect("truth");
    let mut cache: Cache = BTreeMap::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.expect("record");
        let (rf, rs, rr, role) = (&rec[0], &rec[1], rec[2].parse::<usize>().expect("row"), &rec[3]);
        let (kf, ks, kr, relation) = (&rec[4], &rec[5], rec[6].parse::<usize>().expect("row"), &rec[7]);
        let (id_noise, kin_id_noise) = (&rec[9], &rec[11]);
        *counts.entry(format!("id:{id_noise}")).or_default() += 1;
        *counts.entry(format!("name:{}", &rec[10])).or_default() += 1;
        *counts.entry(format!("rel:{relation}")).or_default() += 1;
        let (roll_name, roll_id, roll_raw) = {
            let (g, roles) = load(&mut cache, out, &exp, "rolls", rf, rs);
            let row = g.rows.get(rr - 1).unwrap_or_else(|| panic!("{rf}/{rs} row {rr} missing"));
            let name = row[*roles.get(&format!("name:{role}")).unwrap_or_else(|| panic!("no name:{role} in {rf}"))].clone();
            let idc = *roles.get(&format!("id:{role}")).expect("id col");
            let raw = g.raw.get(rr - 1).map(|r| r[idc].clone());
            (name, row[idc].clone(), raw)
        };
        assert!(!roll_name.is_empty(), "{rf} row {rr}: empty name");
        let (g, roles) = load(&mut cache, out, &exp, "registers", kf, ks);
        let krow = g.rows.get(kr - 1).unwrap_or_else(|| panic!("{kf} row {kr} missing"));
        let names: Vec<&String> = roles.iter().filter(|(r, _)| r.starts_with("name:")).map(|(_, &c)| &krow[c]).collect();
        assert!(names.iter().any(|n| related(n, &roll_name)), "{rf} row {rr} name {roll_name} vs register {kf} row {kr} {names:?}");
        match id_noise {
            "clean" => assert!(valid_id(&roll_id), "{rf} row {rr}: clean id {roll_id} invalid"),
            "lower_x" => assert!(roll_id.ends_with('x') && valid_id(&roll_id.to_uppercase())),
            "missing" => assert!(roll_id.is_empty()),
            "typo" | "transposition" => assert!(roll_id.len() == 18 && !valid_id(&roll_id)),
            "legacy15" => assert_eq!(roll_id.len(), 15),
            "excel_number" => assert!(matches!(roll_raw, Some(Data::Float(_)))),
            _ => {}
        }
        // Register side: a long register's ID cell for the relative.
        if let (Some(&c), true) = (roles.get("id:relative"), relation != "self") {
            match kin_id_noise {
                "clean" => assert!(valid_id(&krow[c]), "{kf} row {kr}: {}", krow[c]),
                "missing" => assert!(krow[c].is_empty()),
                "legacy15" => assert_eq!(krow[c].len(), 15),
                n => panic!("kin_id_noise {n}"),
            }
        }
    }
    counts
}

#[test]
fn truth_points_at_real_rows() {
    let (dir, s) = gen_into(&small(false, 5));
    let counts = check_truth(dir.path());
    assert!(s.true_hits > 0 && s.persons_of_interest > 0 && s.decoys > 0, "{s:?}");
    assert!(counts.get("rel:self").copied().unwrap_or(0) > 0 || s.true_hits < 20, "{counts:?}");
}

#[test]
fn register_ids_clean_and_fictional() {
    let (dir, _) = gen_into(&small(false, 5));
    let exp = expected(dir.path());
    let mut cache: Cache = BTreeMap::new();
    let mut n = 0;
    for f in exp["files"].as_array().expect("files").iter().filter(|f| f["dir"] == "registers") {
        let file = f["file"].as_str().expect("file");
        let sheet = f["sheets"][0]["sheet"].as_str().expect("sheet");
        let (g, roles) = load(&mut cache, dir.path(), &exp, "registers", file, sheet);
        let hr = f["sheets"][0]["header_row"].as_u64().expect("hr") as usize;
        for row in &g.rows[hr..] {
            for (role, &c) in roles {
                let v = &row[c];
                if role.starts_with("id:") && v.len() == 18 {
                    assert!(valid_id(v), "{file}: {v}");
                    assert!(v.starts_with("5199") || v.starts_with("5288"), "{v}");
                    n += 1;
                }
            }
        }
    }
    assert!(n > 200, "{n}");
}

#[test]
fn demo_truth_counts_are_sane() {
    // The demo config itself (a few hundred ms in debug).
    let (dir, s) = gen_into(&SynthConfig::demo());
    assert!(s.relatives > 1000 && s.relatives < 1500, "{s:?}");
    assert!(s.roll_rows >= 5900, "{s:?}");
    let counts = check_truth(dir.path());
    assert!(counts.len() > 10, "{counts:?}");
}
