//! Tests of the reports: write, read back with calamine, look into the zip.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};

use super::review::{COL_ACTION, COL_CONCLUSION, COL_HIT_ID, HEADERS};
use super::*;
use crate::model::{Hit, InputReport, Relevance, SheetReport, Tier};

fn hit(id: &str, tier: Tier, unit: &str, roll_id: &str) -> Hit {
    Hit {
        hit_id: id.to_string(),
        tier,
        score: 1.0,
        match_kind: crate::model::MatchKind::Pair(crate::model::PairKind::IdExact),
        evidence: format!("身份证号一致 {id}"),
        relation: crate::normalize::relation::Relation::Parent,
        relation_term: "父亲".into(),
        cadre_name: "王某某".into(),
        cadre_id: "500243198001011234".into(),
        cadre_unit: "县民政局".into(),
        cadre_post: "科员".into(),
        relative_name: "王老汉".into(),
        relative_id: roll_id.to_string(),
        roll_role: Some(crate::load::roles::Person::Beneficiary),
        roll_name: "王老汉".into(),
        roll_id: roll_id.to_string(),
        program: "低保".into(),
        approving_unit: unit.to_string(),
        township: "龙泉镇".into(),
        village: "石桥村".into(),
        amount: Some(1234.5),
        date: "2024-03-01".into(),
        relevance: Relevance::Other,
        roll_file: "低保.xlsx".into(),
        roll_sheet: "Sheet1".into(),
        roll_row: 5,
        kin_file: "登记表.xlsx".into(),
        kin_sheet: "Sheet1".into(),
        kin_row: 9,
        decision: String::new(),
        amount_unread: String::new(),
        blocking: Default::default(),
        reasons: Default::default(),
    }
}

/// 3 named units plus one with no unit, every tier, IDs ending in X.
fn hits() -> Vec<Hit> {
    let mut v = vec![
        hit("h01", Tier::Confirmed, "县民政局", "50024319500101123X"),
        hit("h02", Tier::Probable, "县民政局", "500243195202021234"),
        hit("h03", Tier::Possible, "县民政局", "500243195303031235"),
        hit("h04", Tier::Confirmed, "县农业农村局", "50024319600404456X"),
        hit("h05", Tier::Confirmed, "县农业农村局", "500243196105054567"),
        hit("h06", Tier::Possible, "县农业农村局", ""),
        hit(
            "h07",
            Tier::Probable,
            "龙泉镇人民政府",
            "500243197006067890",
        ),
        hit(
            "h08",
            Tier::Confirmed,
            "龙泉镇人民政府",
            "50024319710707789x",
        ),
        hit("h09", Tier::Confirmed, "", "500243198008081111"),
        hit(
            "h10",
            Tier::Confirmed,
            "县医保局/县卫健委",
            "500243198109092222",
        ),
    ];
    v[1].relevance = Relevance::SameUnit;
    v[4].relevance = Relevance::SameTownship;
    v[3].relevance = Relevance::SameUnit;
    v[5].relation_term = String::new();
    v[5].relation = crate::normalize::relation::Relation::SiblingInLaw;
    v[6].village = String::new();
    v[7].township = String::new();
    v[7].village = String::new();
    v[8].cadre_unit = String::new();
    v[9].relative_id = "500243198109093333".into();
    v[9].cadre_unit = "县医保局".into();
    v[2].program = "危房改造".into();
    v[2].amount = None;
    v
}

fn batch() -> BatchInfo {
    let mut sheet = SheetReport {
        sheet: "Sheet1".into(),
        header_row: Some(3),
        data_rows: 120,
        ..SheetReport::default()
    };
    sheet.skipped.insert("blank".into(), 2);
    sheet.skipped.insert("total".into(), 1);
    sheet.id_status.insert("valid".into(), 110);
    sheet.id_status.insert("excel_truncated".into(), 6);
    sheet.id_status.insert("missing".into(), 4);
    sheet.unusable.insert("no_id_no_name".into(), 3);
    sheet.unusable.insert("no_name".into(), 1);
    BatchInfo {
        batch_id: "2024-05-B01".into(),
        run_date: "2024-05-01".into(),
        program_version: "0.1.0".into(),
        inputs: vec![
            InputReport {
                file: "低保.xlsx".into(),
                kind: "roll".into(),
                format: "xlsx".into(),
                sheets: vec![sheet],
                ..InputReport::default()
            },
            InputReport {
                file: "坏文件.xls".into(),
                kind: "unknown".into(),
                format: "xls".into(),
                error: Some("文件已损坏".into()),
                ..InputReport::default()
            },
        ],
        ..Default::default()
    }
}

fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    calamine::open_workbook(path).expect("open xlsx")
}

/// Every row of a sheet as absolute-positioned cells (row 0 = Excel row 1).
fn grid(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let range = open(path).worksheet_range(sheet).expect("sheet");
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut out = vec![Vec::new(); r0 as usize];
    for r in range.rows() {
        let mut row = vec![Data::Empty; c0 as usize];
        row.extend(r.iter().cloned());
        out.push(row);
    }
    out
}

fn zip_entry(path: &Path, name: &str) -> Option<String> {
    let f = std::fs::File::open(path).expect("open");
    let mut z = zip::ZipArchive::new(f).expect("zip");
    let mut e = z.by_name(name).ok()?;
    let mut s = String::new();
    e.read_to_string(&mut s).expect("read entry");
    Some(s)
}

fn zip_names(path: &Path) -> Vec<String> {
    let f = std::fs::File::open(path).expect("open");
    let z = zip::ZipArchive::new(f).expect("zip");
    z.file_names()
        .map(|n| n.expect("entry name").into_owned())
        .collect()
}

fn s(d: &Data) -> String {
    decisions::cell_string(d)
}

fn hit_ids_in(path: &Path) -> Vec<String> {
    grid(path, "比对结果")
        .iter()
        .skip(1)
        .map(|r| s(&r[COL_HIT_ID as usize]))
        .collect()
}

#[test]
fn review_one_workbook_per_unit_with_exactly_its_hits() {
    let dir = tempfile::tempdir().unwrap();
    let hits = hits();
    let paths = write_review_workbooks(dir.path(), &hits, &batch(), &Decisions::default()).unwrap();
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut expected = vec![
        "县农业农村局.xlsx",
        "县医保局_县卫健委.xlsx",
        "县民政局.xlsx",
        "未知审批单位.xlsx",
        "龙泉镇人民政府.xlsx",
    ];
    expected.sort();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "paths are returned sorted");
    assert_eq!(names, expected);
    assert!(
        paths
            .iter()
            .all(|p| p.parent().unwrap() == dir.path().join("review"))
    );

    let mut by_unit: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for h in &hits {
        let u = if h.approving_unit.is_empty() {
            "未知审批单位"
        } else {
            &h.approving_unit
        };
        by_unit
            .entry(xlsx_util::sanitize_file_name(u, "x"))
            .or_default()
            .insert(h.hit_id.clone());
    }
    for p in &paths {
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        let ids: BTreeSet<String> = hit_ids_in(p).into_iter().collect();
        assert_eq!(ids, by_unit[&stem], "{stem}");
        assert_eq!(open(p).sheet_names(), vec!["比对结果", "说明"]);
    }

    // Headers, order, ID cells as text.
    let p = dir.path().join("review").join("县民政局.xlsx");
    let g = grid(&p, "比对结果");
    let header: Vec<String> = g[0].iter().map(s).collect();
    let want: Vec<&str> = HEADERS.iter().map(|(h, _)| *h).collect();
    assert_eq!(header, want);
    assert_eq!(header.last().map(String::as_str), Some("hit_id"));
    // The unit's own approvals first (h02), then by tier: confirmed, possible.
    assert_eq!(hit_ids_in(&p), vec!["h02", "h01", "h03"]);
    let g: Vec<_> = [0, 2, 1, 3].iter().map(|i| g[*i].clone()).collect(); // rows in h01, h02, h03 order
    assert_eq!(s(&g[1][1]), "确认");
    assert_eq!(s(&g[2][1]), "高度疑似");
    assert_eq!(s(&g[1][5]), "受益人");
    assert_eq!(s(&g[1][14]), "父亲");
    assert_eq!(s(&g[1][16]), "低保.xlsx · Sheet1 · 第5行");
    assert_eq!(g[1][9], Data::Float(1234.5));
    for (r, id) in [(1, "50024319500101123X"), (2, "500243195202021234")] {
        assert_eq!(g[r][review::COL_ID as usize], Data::String(id.to_string()));
    }
    // Relevance, then tier: h04 (same unit) before h05 (township), then h06.
    let p2 = dir.path().join("review").join("县农业农村局.xlsx");
    assert_eq!(hit_ids_in(&p2), vec!["h04", "h05", "h06"]);
    let g2 = grid(&p2, "比对结果");
    // One label table (`labels::relation`, also `Relation::label_zh`): the
    // workbook once said 兄弟姐妹配偶 where the relation said both kinds (issue 12).
    assert_eq!(s(&g2[3][14]), "兄弟姐妹配偶/配偶兄弟姐妹");
    assert_eq!(s(&g2[3][14]), crate::normalize::relation::Relation::SiblingInLaw.label_zh());

    // Data validation lists and print setup in the sheet XML.
    let xml = zip_entry(&p, "xl/worksheets/sheet1.xml").unwrap();
    assert!(xml.contains("<dataValidation"), "{xml}");
    assert!(xml.contains("合规,不合规,非本人（误报）,待核实"));
    assert!(xml.contains("无需处理,取消,停发,追回资金,移送纪检监察"));
    assert!(
        xml.contains("sqref=\"S2:S1004\""),
        "conclusion validation range"
    );
    assert!(xml.contains("<autoFilter ref=\"A1:X4\""));
    assert!(xml.contains("state=\"frozen\""));
    assert!(xml.contains("orientation=\"landscape\""));
    assert!(xml.contains("第 &amp;P 页 / 共 &amp;N 页"));
    assert!(xml.contains("县民政局"));
    let wbxml = zip_entry(&p, "xl/workbook.xml").unwrap();
    assert!(wbxml.contains("_xlnm.Print_Titles"));

    // 说明 sheet: unit, batch, inputs, counts.
    let text: Vec<String> = grid(&p, "说明").iter().flatten().map(s).collect();
    let all = text.join("\n");
    for needle in [
        "县民政局",
        "2024-05-B01",
        "2024-05-01",
        "0.1.0",
        "低保.xlsx",
        "谁审批",
        "1 条",
    ] {
        assert!(all.contains(needle), "说明 lacks {needle}");
    }
    let core = zip_entry(&p, "docProps/core.xml").unwrap();
    assert!(core.contains("2024-05-01T00:00:00Z"), "{core}");
    assert!(core.contains("kinmatch"));
}

#[test]
fn review_prefills_existing_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Decisions::default();
    d.by_hit.insert(
        "h02".into(),
        Decision {
            hit_id: "h02".into(),
            conclusion: "不合规".into(),
            action: "追回资金".into(),
            reviewer: "李四".into(),
            review_date: "2024-04-01".into(),
            remark: "已退回".into(),
            source: "x".into(),
        },
    );
    let paths = write_review_workbooks(dir.path(), &hits(), &batch(), &d).unwrap();
    let p = paths.iter().find(|p| p.ends_with("县民政局.xlsx")).unwrap();
    let g = grid(p, "比对结果");
    let row = g
        .iter()
        .find(|r| s(&r[COL_HIT_ID as usize]) == "h02")
        .unwrap();
    let reviewer: Vec<String> = row[18..23].iter().map(s).collect();
    assert_eq!(
        reviewer,
        ["不合规", "追回资金", "李四", "2024-04-01", "已退回"]
    );
}

#[test]
fn same_inputs_give_byte_identical_files() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let hits = hits();
    let batch = batch();
    let d = Decisions::default();
    let pa = write_review_workbooks(a.path(), &hits, &batch, &d).unwrap();
    // Let the clock move on: nothing time-dependent may leak in.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let pb = write_review_workbooks(b.path(), &hits, &batch, &d).unwrap();
    assert_eq!(pa.len(), pb.len());
    for (x, y) in pa.iter().zip(&pb) {
        assert_eq!(
            std::fs::read(x).unwrap(),
            std::fs::read(y).unwrap(),
            "{}",
            x.display()
        );
    }
    write_summary(&a.path().join("s.xlsx"), &hits, &batch).unwrap();
    write_summary(&b.path().join("s.xlsx"), &hits, &batch).unwrap();
    write_sample(
        &a.path().join("p.xlsx"),
        &hits,
        &all_decided(&hits),
        0.5,
        7,
        &batch,
    )
    .unwrap();
    write_sample(
        &b.path().join("p.xlsx"),
        &hits,
        &all_decided(&hits),
        0.5,
        7,
        &batch,
    )
    .unwrap();
    write_template(&a.path().join("t.xlsx"), TemplateKind::Register).unwrap();
    write_template(&b.path().join("t.xlsx"), TemplateKind::Register).unwrap();
    for f in ["s.xlsx", "p.xlsx", "t.xlsx"] {
        assert_eq!(
            std::fs::read(a.path().join(f)).unwrap(),
            std::fs::read(b.path().join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn bad_run_date_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = batch();
    b.run_date = "2024/5/1".into();
    let err = write_review_workbooks(dir.path(), &hits(), &b, &Decisions::default()).unwrap_err();
    assert!(matches!(err, ReportError::BadRunDate { .. }), "{err}");
}

/// What a reviewer's saved file looks like: the generated workbook, copied
/// cell by cell, with values typed into the reviewer columns.
fn save_reviewed(src: &Path, dst: &Path, fill: &[(&str, &str, &str)]) {
    let g = grid(src, "比对结果");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("比对结果").unwrap();
    let date_fmt = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in g.iter().enumerate() {
        let r = r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Data::String(v) => {
                    ws.write_string(r, c, v).unwrap();
                }
                Data::Float(v) => {
                    ws.write_number(r, c, *v).unwrap();
                }
                Data::Int(v) => {
                    ws.write_number(r, c, *v as f64).unwrap();
                }
                _ => {}
            }
        }
        let id = s(&row[COL_HIT_ID as usize]);
        if let Some((_, conclusion, action)) = fill.iter().find(|(h, _, _)| *h == id) {
            ws.write_string(r, COL_CONCLUSION, *conclusion).unwrap();
            ws.write_string(r, COL_ACTION, *action).unwrap();
            ws.write_string(r, 20, "张三").unwrap();
            // A date typed into the cell: stored as a serial number.
            let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 5, 20).unwrap();
            ws.write_datetime_with_format(r, 21, &dt, &date_fmt)
                .unwrap();
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("说明").unwrap();
    for (r, row) in grid(src, "说明").iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let Data::String(v) = cell {
                ws.write_string(r as u32, c as u16, v).unwrap();
            }
        }
    }
    wb.save(dst).unwrap();
}

#[test]
fn import_round_trip_with_conflicts_invalid_and_missing() {
    let dir = tempfile::tempdir().unwrap();
    let hits = hits();
    let paths = write_review_workbooks(dir.path(), &hits, &batch(), &Decisions::default()).unwrap();
    let mz = paths.iter().find(|p| p.ends_with("县民政局.xlsx")).unwrap();
    let ny = paths
        .iter()
        .find(|p| p.ends_with("县农业农村局.xlsx"))
        .unwrap();
    let back = dir.path().join("back");
    std::fs::create_dir_all(&back).unwrap();
    let a = back.join("县民政局.xlsx");
    let b = back.join("县民政局（复核）.xlsx");
    let c = back.join("县农业农村局.xlsx");
    save_reviewed(
        mz,
        &a,
        &[
            ("h01", "合规", "无需处理"),
            ("h02", "不合规", "追回资金"),
            ("h03", "非本人(误报)", ""),
        ],
    );
    // A second copy disagreeing on h02 and agreeing on h01.
    save_reviewed(
        mz,
        &b,
        &[("h01", "合规", "无需处理"), ("h02", "合规", "无需处理")],
    );
    // An invalid value; h05, h06 left blank.
    save_reviewed(ny, &c, &[("h04", "基本合规", "无需处理")]);

    let rep = import_reviews(&[c.clone(), a.clone(), b.clone()]);
    let got: Vec<&str> = rep.decisions.by_hit.keys().map(String::as_str).collect();
    assert_eq!(got, ["h01", "h03"], "{rep:#?}");
    let h01 = &rep.decisions.by_hit["h01"];
    assert_eq!(h01.conclusion, "合规");
    assert_eq!(h01.action, "无需处理");
    assert_eq!(h01.reviewer, "张三");
    assert_eq!(h01.review_date, "2024-05-20");
    // Row 2 holds h02 (the unit's own approval comes first).
    assert_eq!(h01.source, "县民政局.xlsx · 比对结果 · 第3行");
    assert_eq!(rep.decisions.by_hit["h03"].conclusion, "非本人（误报）");

    assert_eq!(rep.conflicts.len(), 1, "{:?}", rep.conflicts);
    let conflict = &rep.conflicts[0];
    assert!(conflict.contains("h02"));
    assert!(
        conflict.contains("县民政局.xlsx · 比对结果 · 第2行"),
        "{conflict}"
    );
    assert!(
        conflict.contains("县民政局（复核）.xlsx · 比对结果 · 第2行"),
        "{conflict}"
    );

    assert_eq!(rep.invalid.len(), 1, "{:?}", rep.invalid);
    assert!(rep.invalid[0].contains("县农业农村局.xlsx · 比对结果 · 第2行"));
    assert!(rep.invalid[0].contains("基本合规"));

    let missing = rep.missing.join("\n");
    assert_eq!(rep.missing.len(), 2, "{missing}");
    assert!(missing.contains("h05") && missing.contains("h06"));
    assert!(missing.contains("县农业农村局"));

    // Decisions survive the CSV and prefill the next round.
    let csv = dir.path().join("decisions.csv");
    rep.decisions.write_csv(&csv).unwrap();
    assert!(std::fs::read(&csv).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let loaded = Decisions::load_csv(&csv).unwrap();
    assert_eq!(loaded, rep.decisions);

    // An untouched generated workbook: everything missing, nothing else.
    let rep = import_reviews(std::slice::from_ref(mz));
    assert!(rep.decisions.by_hit.is_empty());
    assert_eq!(rep.missing.len(), 3);
    assert!(rep.conflicts.is_empty() && rep.invalid.is_empty());
}

#[test]
fn review_import_reports_a_bad_workbook_and_still_reads_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("other.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "姓名").unwrap();
    wb.save(&p).unwrap();
    let missing = dir.path().join("nope.xlsx");
    let rep = import_reviews(&[p.clone(), missing]);
    assert_eq!(rep.unreadable.len(), 2, "{:?}", rep.unreadable);
    assert!(rep.unreadable.iter().any(|e| e.contains("other.xlsx") && e.contains("hit_id")), "{:?}", rep.unreadable);
    assert!(rep.unreadable.iter().any(|e| e.contains("nope.xlsx")), "{:?}", rep.unreadable);
    assert!(!rep.is_clean());
}

#[test]
fn review_import_reports_an_unknown_hit_id_and_hits_in_no_workbook() {
    let mut rep = ImportReport::default();
    for id in ["h01", "zz99"] {
        rep.decisions.by_hit.insert(
            id.into(),
            Decision { hit_id: id.into(), conclusion: "合规".into(), source: format!("a.xlsx · 比对结果 · {id}"), ..Default::default() },
        );
    }
    let hits = vec![hit("h01", Tier::Confirmed, "县民政局", ""), hit("h02", Tier::Probable, "县医保局", "")];
    rep.check_batch(&hits);
    assert_eq!(rep.decisions.by_hit.keys().collect::<Vec<_>>(), ["h01"]);
    assert_eq!(rep.unknown.len(), 1, "{:?}", rep.unknown);
    assert!(rep.unknown[0].contains("zz99") && rep.unknown[0].contains("a.xlsx"), "{:?}", rep.unknown);
    assert_eq!(rep.missing, ["h02（县医保局）不在所给的任何工作簿中"]);
    assert!(!rep.is_clean());
}

#[test]
fn decisions_csv_errors_name_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("d.csv");
    std::fs::write(
        &p,
        "hit_id,conclusion,action,reviewer,review_date,remark,source\n\
         h1,合规,无需处理,a,2024-01-01,,\n\
         h1,不合规,停发,a,2024-01-01,,\n",
    )
    .unwrap();
    let err = Decisions::load_csv(&p).unwrap_err();
    assert!(err.to_string().contains("第3行"), "{err}");
    let empty = Decisions::default();
    empty.write_csv(&p).unwrap();
    assert_eq!(Decisions::load_csv(&p).unwrap(), empty);
}

fn all_decided(hits: &[Hit]) -> Decisions {
    let mut d = Decisions::default();
    for h in hits {
        d.by_hit.insert(
            h.hit_id.clone(),
            Decision {
                hit_id: h.hit_id.clone(),
                conclusion: "合规".into(),
                ..Decision::default()
            },
        );
    }
    d
}

#[test]
fn sample_is_reproducible_and_sized_per_unit() {
    let dir = tempfile::tempdir().unwrap();
    // 3 units with 10, 7 and 1 verified hits, plus unverified ones.
    let mut hs = Vec::new();
    for (unit, n) in [("甲局", 10), ("乙局", 7), ("丙镇", 1)] {
        for i in 0..n {
            hs.push(hit(
                &format!("{unit}-{i:02}"),
                Tier::Confirmed,
                unit,
                "50024319500101123X",
            ));
        }
        hs.push(hit(
            &format!("{unit}-undecided"),
            Tier::Confirmed,
            unit,
            "1",
        ));
    }
    let mut d = all_decided(&hs);
    d.by_hit.retain(|k, _| !k.ends_with("undecided"));
    let b = batch();
    let p = dir.path().join("sample.xlsx");
    let s1 = write_sample(&p, &hs, &d, 0.3, 42, &b).unwrap();
    let s2 = write_sample(&p, &hs, &d, 0.3, 42, &b).unwrap();
    assert_eq!(s1, s2);
    // Pinned: a change here means published samples can no longer be redrawn.
    assert_eq!(
        s1,
        [
            "丙镇-00",
            "乙局-00",
            "乙局-02",
            "乙局-06",
            "甲局-01",
            "甲局-04",
            "甲局-09"
        ]
    );
    let count = |s: &[String], u: &str| s.iter().filter(|id| id.starts_with(u)).count();
    assert_eq!(count(&s1, "甲局"), 3);
    assert_eq!(count(&s1, "乙局"), 3); // ceil(2.1)
    assert_eq!(count(&s1, "丙镇"), 1);
    assert!(s1.iter().all(|id| !id.ends_with("undecided")));
    // Input order does not matter.
    let mut rev = hs.clone();
    rev.reverse();
    assert_eq!(write_sample(&p, &rev, &d, 0.3, 42, &b).unwrap(), s1);
    // Some other seed gives another sample.
    let differs = (43..53).any(|seed| write_sample(&p, &hs, &d, 0.3, seed, &b).unwrap() != s1);
    assert!(differs);
    // The workbook lists the sample.
    let last = write_sample(&p, &hs, &d, 0.3, 42, &b).unwrap();
    let ids: BTreeSet<String> = grid(&p, "抽查样本")
        .iter()
        .skip(1)
        .map(|r| s(&r[18]))
        .collect();
    assert_eq!(ids, last.into_iter().collect());
    assert!(write_sample(&p, &hs, &d, 1.5, 1, &b).is_err());
    assert!(write_sample(&p, &hs, &d, f64::NAN, 1, &b).is_err());
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(all_files(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn is_masked_id(v: &str) -> bool {
    let c: Vec<char> = v.chars().collect();
    c.len() == 18
        && c[..6].iter().all(char::is_ascii_digit)
        && c[6..14].iter().all(|&x| x == '*')
        && c[14..17].iter().all(char::is_ascii_digit)
        && (c[17].is_ascii_digit() || c[17] == 'X' || c[17] == 'x')
}

#[test]
fn publicity_never_shows_a_full_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut hs = hits();
    // An ID typed into a name column by mistake must not leak either.
    hs[0].cadre_post = "科员 500243198001011234".into();
    let d = all_decided(&hs);
    let paths = write_publicity(dir.path(), &hs, &d, &batch(), false).unwrap();
    assert!(!paths.is_empty());
    let files = all_files(&dir.path().join("publicity"));
    assert_eq!(files, paths);

    let full: Vec<&str> = hs
        .iter()
        .flat_map(|h| {
            [
                h.roll_id.as_str(),
                h.relative_id.as_str(),
                h.cadre_id.as_str(),
            ]
        })
        .filter(|id| id.len() >= 15)
        .collect();
    let mut masked_seen = 0;
    for p in &paths {
        let mut wb = open(p);
        for sheet in wb.sheet_names() {
            let range = wb.worksheet_range(&sheet).unwrap();
            for cell in range.cells() {
                let v = s(cell.2);
                for id in &full {
                    assert!(
                        !v.to_uppercase().contains(&id.to_uppercase()),
                        "{} contains full ID {id} in {v:?}",
                        p.display()
                    );
                }
                if v.contains('*') && v.chars().filter(|c| c.is_ascii_digit()).count() >= 10 {
                    masked_seen += 1;
                    assert!(is_masked_id(&v) || v.contains("科员"), "{v}");
                }
            }
        }
        // Nothing in the raw XML either (properties, shared strings).
        for name in zip_names(p) {
            let xml = zip_entry(p, &name).unwrap_or_default();
            for id in &full {
                assert!(!xml.contains(id), "{} {name}", p.display());
            }
        }
    }
    assert!(masked_seen >= hs.iter().filter(|h| !h.roll_id.is_empty()).count());

    let unit_dir = dir.path().join("publicity").join("单位");
    let village_dir = dir.path().join("publicity").join("村");
    assert!(unit_dir.join("县民政局.xlsx").exists());
    assert!(unit_dir.join("未知单位.xlsx").exists());
    assert!(village_dir.join("龙泉镇石桥村.xlsx").exists());
    assert!(village_dir.join("龙泉镇.xlsx").exists());
    assert!(village_dir.join("未知村.xlsx").exists());

    let g = grid(&unit_dir.join("县民政局.xlsx"), "公示名单");
    assert!(s(&g[1][0]).starts_with("公示期"));
    let header: Vec<String> = g[2].iter().map(s).collect();
    assert_eq!(
        header,
        [
            "序号",
            "干部姓名",
            "职务",
            "亲属姓名",
            "亲属关系",
            "资金或项目",
            "金额(元)",
            "亲属身份证号"
        ]
    );
    assert_eq!(s(&g[3][7]), "500243********123X");
    let g = grid(&village_dir.join("龙泉镇石桥村.xlsx"), "公示名单");
    let header: Vec<String> = g[2].iter().map(s).collect();
    assert_eq!(
        header,
        [
            "序号",
            "姓名",
            "身份证号",
            "资金或项目",
            "金额(元)",
            "与干部关系"
        ]
    );
    let rels: Vec<String> = g
        .iter()
        .skip(3)
        .filter(|r| r.len() > 5)
        .map(|r| s(&r[5]))
        .collect();
    assert!(
        rels.contains(&"县民政局 王某某 的 父亲".to_string()),
        "{rels:?}"
    );
}

#[test]
fn publicity_selects_compliant_or_confirmed_in_dry_run() {
    let dir = tempfile::tempdir().unwrap();
    let hs = hits();
    let mut d = Decisions::default();
    for (id, c) in [("h01", "合规"), ("h02", "不合规"), ("h07", "合规")] {
        d.by_hit.insert(
            id.into(),
            Decision {
                hit_id: id.into(),
                conclusion: c.into(),
                ..Decision::default()
            },
        );
    }
    let rows = |paths: &[PathBuf]| -> usize {
        paths
            .iter()
            .filter(|p| p.parent().unwrap().ends_with("单位"))
            .map(|p| {
                grid(p, "公示名单")
                    .iter()
                    .skip(3)
                    .filter(|r| matches!(r.first(), Some(Data::Float(_))))
                    .count()
            })
            .sum()
    };
    let real = write_publicity(dir.path(), &hs, &d, &batch(), false).unwrap();
    assert_eq!(rows(&real), 2);
    let dir2 = tempfile::tempdir().unwrap();
    let dry = write_publicity(dir2.path(), &hs, &d, &batch(), true).unwrap();
    let confirmed = hs.iter().filter(|h| h.tier == Tier::Confirmed).count();
    assert_eq!(rows(&dry), confirmed);
    let g = grid(&dry[0], "公示名单");
    assert!(s(&g[0][0]).contains("预览"));
}

#[test]
fn summary_has_sheets_charts_and_accounts_for_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("汇总.xlsx");
    write_summary(&p, &hits(), &batch()).unwrap();
    assert_eq!(
        open(&p).sheet_names(),
        ["概况", "按审批单位", "按资金项目", "按亲属关系", "数据质量"]
    );
    let names = zip_names(&p);
    assert!(
        names.iter().any(|n| n == "xl/charts/chart1.xml"),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n == "xl/charts/chart2.xml"));

    let g = grid(&p, "按审批单位");
    let header: Vec<String> = g[0].iter().take(5).map(s).collect();
    assert_eq!(header, ["审批单位", "确认", "高度疑似", "疑似", "合计"]);
    let mz = g.iter().find(|r| s(&r[0]) == "县民政局").unwrap();
    assert_eq!(
        mz[1..5],
        [
            Data::Float(1.0),
            Data::Float(1.0),
            Data::Float(1.0),
            Data::Float(3.0)
        ]
    );
    let total = g.iter().find(|r| s(&r[0]) == "合计").unwrap();
    assert_eq!(total[4], Data::Float(10.0));

    let q = grid(&p, "数据质量");
    let header: Vec<String> = q[0].iter().map(s).collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    let row = &q[1];
    assert_eq!(s(&row[0]), "低保.xlsx");
    assert_eq!(row[col("数据行数")], Data::Float(120.0));
    assert_eq!(row[col("不可用合计")], Data::Float(4.0));
    assert_eq!(row[col("可比对行数")], Data::Float(116.0));
    assert_eq!(row[col("跳过·空行")], Data::Float(2.0));
    assert_eq!(row[col("身份证·Excel截断")], Data::Float(6.0));
    assert_eq!(row[col("不可用·no_name")], Data::Float(1.0));
    let bad = &q[2];
    assert_eq!(s(&bad[0]), "坏文件.xls");
    assert_eq!(s(&bad[col("问题 / 未能读取的原因")]), "文件已损坏");

    let o: Vec<String> = grid(&p, "概况").iter().flatten().map(s).collect();
    assert!(o.contains(&"2024-05-B01".to_string()));
    assert!(o.contains(&"本单位审批".to_string()));

    // Inputs no file row holds (an archive left unread) are listed under the table.
    assert!(!q.iter().flatten().any(|c| s(c).starts_with("无法使用的输入")));
    let with = BatchInfo { problems: vec!["未读取：民政局报送.zip：压缩包（.zip）无法直接读取".into()], ..batch() };
    write_summary(&p, &hits(), &with).unwrap();
    let q: Vec<String> = grid(&p, "数据质量").iter().map(|r| s(&r[0])).collect();
    let at = q.iter().position(|c| c == "无法使用的输入（1 项，本批比对不完整，退出码 3）").expect("the list's heading");
    assert_eq!(q[at + 1], "未读取：民政局报送.zip：压缩包（.zip）无法直接读取");

    // No hits at all: still a valid workbook.
    write_summary(&p, &[], &batch()).unwrap();
    assert_eq!(open(&p).sheet_names().len(), 5);
}

#[test]
fn templates_have_headers_dropdowns_and_text_ids() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("登记表模板.xlsx");
    write_template(&reg, TemplateKind::Register).unwrap();
    let g = grid(&reg, "亲属登记表");
    let header: Vec<String> = g[0].iter().map(s).collect();
    assert_eq!(
        header,
        [
            "序号",
            "干部姓名",
            "干部身份证号",
            "工作单位",
            "职务",
            "亲属姓名",
            "称谓",
            "亲属身份证号",
            "现居住地址或工作单位"
        ]
    );
    assert!(open(&reg).sheet_names().contains(&"说明".to_string()));
    let xml = zip_entry(&reg, "xl/worksheets/sheet1.xml").unwrap();
    assert!(xml.contains("<dataValidation"));
    assert!(xml.contains("sqref=\"G2:G1001\""), "{xml}");
    assert!(xml.contains("下拉选项"));
    let wbxml = zip_entry(&reg, "xl/workbook.xml").unwrap();
    assert!(wbxml.contains("state=\"hidden\""));
    let lists = grid(&reg, "下拉选项");
    assert_eq!(lists.len(), template::TERMS.len());
    assert_eq!(s(&lists[28][0]), "其他");
    let styles = zip_entry(&reg, "xl/styles.xml").unwrap();
    assert!(styles.contains("formatCode=\"@\""));

    let roll = dir.path().join("花名册模板.xlsx");
    write_template(&roll, TemplateKind::Roll).unwrap();
    let g = grid(&roll, "花名册");
    let header: Vec<String> = g[0].iter().map(s).collect();
    assert_eq!(
        header,
        [
            "序号",
            "乡镇",
            "村(社区)",
            "姓名",
            "身份证号码",
            "与户主关系",
            "资金项目",
            "金额(元)",
            "发放日期",
            "审批单位"
        ]
    );
    assert!(open(&roll).sheet_names().contains(&"说明".to_string()));
}

#[test]
fn file_names_are_sanitized() {
    use xlsx_util::sanitize_file_name as f;
    assert_eq!(f("a/b\\c:d*e?f\"g<h>i|j", "x"), "a_b_c_d_e_f_g_h_i_j");
    assert_eq!(f("  ", "未知审批单位"), "未知审批单位");
    assert_eq!(f("局\u{7}", "x"), "局_");
    assert_eq!(f("CON", "x"), "_CON");
    assert_eq!(f("县局..", "x"), "县局");
    // Two units that sanitize alike still get their own files.
    let dir = tempfile::tempdir().unwrap();
    let hs = vec![
        hit("a", Tier::Confirmed, "A/B", "1"),
        hit("b", Tier::Confirmed, "A_B", "2"),
    ];
    let paths = write_review_workbooks(dir.path(), &hs, &batch(), &Decisions::default()).unwrap();
    assert_eq!(paths.len(), 2);
    let ids: BTreeSet<Vec<String>> = paths.iter().map(|p| hit_ids_in(p)).collect();
    assert_eq!(
        ids,
        [vec!["a".to_string()], vec!["b".to_string()]]
            .into_iter()
            .collect()
    );
}

#[test]
fn redaction_masks_id_like_runs_only() {
    let r = xlsx_util::redact_ids("王 500243198001011234 号 12345 和 50024319800101123x");
    assert_eq!(r, "王 500243********1234 号 12345 和 500243********123x");
    assert_eq!(xlsx_util::redact_ids("低保 2024"), "低保 2024");
}

/// Regression (issue 11): the evidence and source columns overflowed their
/// rows; rows now get a height for their longest wrapped cell.
#[test]
fn review_rows_grow_to_fit_their_wrapped_cells() {
    use super::xlsx_util::row_height;
    assert_eq!(row_height(&[("身份证号一致", 40.0)]), 15.0);
    // 60 CJK characters are 120 width units: 4 lines of a 40-wide column.
    let long = "身".repeat(60);
    assert_eq!(row_height(&[("短", 40.0), (&long, 40.0)]), 60.0);
    assert_eq!(row_height(&[(&"x".repeat(100_000), 10.0)]), 300.0, "capped at 20 lines");
}

/// Issue 12: the review guide called 15-digit legacy IDs 高度疑似 while the
/// code confirms them. The guide is now written from the evidence table: every
/// row's text stands under the label of the tier the row gives, and nothing
/// under a tier comes from a row of another tier.
#[test]
fn review_guide_is_the_evidence_table() {
    use crate::matching::score::{EVIDENCE, SETTLING};
    let guide = super::review::tier_guide();
    for r in EVIDENCE {
        let (_, text) = guide.iter().find(|(l, _)| l == r.tier.label_zh()).expect("a line per tier");
        assert!(text.contains(r.text_zh), "{:?} missing under {}", r.evidence, r.tier.label_zh());
        for other in guide.iter().filter(|(l, _)| l != r.tier.label_zh() && l != "等级调整") {
            assert!(!other.1.contains(r.text_zh) || EVIDENCE.iter().any(|x| x.text_zh == r.text_zh && x.tier.label_zh() == other.0), "{:?} under {}", r.evidence, other.0);
        }
    }
    let legacy = EVIDENCE.iter().find(|r| r.kind == crate::model::PairKind::IdLegacy).unwrap();
    assert_eq!(legacy.tier, Tier::Confirmed);
    let (_, probable) = guide.iter().find(|(l, _)| l == "高度疑似").unwrap();
    assert!(!probable.contains("15 位旧"), "{probable}");
    let (_, settle) = guide.iter().find(|(l, _)| l == "等级调整").unwrap();
    assert!(SETTLING.iter().all(|x| settle.contains(x)));
    // And the workbook's 说明 sheet carries it.
    let dir = tempfile::tempdir().unwrap();
    let paths = write_review_workbooks(dir.path(), &hits(), &batch(), &Decisions::default()).unwrap();
    let g = grid(&paths[0], "说明");
    let all: String = g.iter().flatten().map(s).collect::<Vec<_>>().join("\n");
    assert!(EVIDENCE.iter().all(|r| all.contains(r.text_zh)));
}
