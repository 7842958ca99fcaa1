//! One regression test per class of reading failure seen on counties laid out
//! outside this project (issue 9), named after the failure.

use assert_cmd::Command;
use kinmatch::config::Config;
use kinmatch::load::{self, InputFile, Loaded, roles::Kind};
use kinmatch::model::SheetReport;
use rust_xlsxwriter::{Format, Workbook};
use std::path::{Path, PathBuf};

/// An 18-character ID with its GB 11643 check character.
fn id(body17: &str) -> String {
    format!("{body17}{}", kinmatch::normalize::id::check_char(body17).unwrap())
}

/// The n-th synthetic ID (born 1960–1999).
fn nth_id(n: usize) -> String {
    id(&format!("519901{}{:02}{:02}{:03}", 1960 + n % 40, 1 + n % 12, 1 + n % 28, 100 + n % 900))
}

const NAMES: &[&str] = &["王建国", "李秀英", "张伟", "刘芳", "陈静", "杨磊", "赵敏", "黄勇", "周丽", "吴强", "徐娟", "孙涛"];

fn write_csv(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    p
}

fn load(p: &Path, kind: Kind) -> Loaded {
    let rel = p.file_name().unwrap().to_string_lossy().into_owned();
    load::load_file(&InputFile { path: p.to_path_buf(), rel }, Some(kind), &Config::default())
}

/// `run` on a folder of registers and one of rolls, without workbooks.
fn run_batch(dir: &Path, kin: PathBuf, rolls: PathBuf) -> kinmatch::pipeline::RunOutcome {
    kinmatch::pipeline::run(&kinmatch::pipeline::RunOptions {
        kin: vec![kin],
        rolls: vec![rolls],
        out: dir.join("out"),
        run_date: Some("2024-11-01".into()),
        workbooks: false,
        ..Default::default()
    })
    .unwrap()
}

/// A register folder `dir/kin`: one official of 县民政局 (NAMES[0]) and his wife (NAMES[1]).
fn one_wife_register(dir: &Path) -> PathBuf {
    let kin = dir.join("kin");
    std::fs::create_dir(&kin).unwrap();
    write_csv(&kin, "登记.csv", &["干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号".to_string(), format!("{},{},县民政局,{},妻子,{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1))]);
    kin
}

fn roles(s: &SheetReport) -> Vec<String> {
    s.columns.iter().map(|c| format!("{}={}", c.header, c.role)).collect()
}

#[test]
fn regression_register_cadre_column_not_recognised_gives_no_cadre() {
    // 党员干部姓名 was not a cadre word, and the second 身份证号 was taken for the relative's.
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["党员干部姓名,身份证号码,工作单位,家属姓名,称谓,身份证号码".to_string()];
    for i in 0..6 {
        lines.push(format!("{},{},县民政局,{},配偶,{}", NAMES[i], nth_id(i), NAMES[i + 6], nth_id(i + 50)));
    }
    let p = write_csv(tmp.path(), "县民政局_亲属.csv", &lines);
    let l = load(&p, Kind::Register);
    let s = &l.report.sheets[0];
    assert_eq!(
        roles(s),
        ["党员干部姓名=name:cadre", "身份证号码=id:cadre", "工作单位=cadre_unit", "家属姓名=name:relative", "称谓=relation", "身份证号码(2)=id:relative"]
    );
    assert_eq!(l.kin.len(), 6);
    assert!(s.unusable.is_empty(), "{:?}", s.unusable);
    assert_eq!(s.problem, None);
    assert_eq!(l.kin[0].cadre_name, "王建国");
}

#[test]
fn regression_roll_person_qualifier_not_listed_gives_no_table() {
    // 被救助人 is in no word table: the grammar reads it as a person all the same.
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["序号,被救助人姓名,被救助人身份证号,救助金额（元）,开户银行,银行账号".to_string()];
    for i in 0..6 {
        lines.push(format!("{},{},{},500,农商银行,62170012345678{:05}", i + 1, NAMES[i], nth_id(i), i));
    }
    let p = write_csv(tmp.path(), "万谷乡_临时救助.csv", &lines);
    let l = load(&p, Kind::Roll);
    let s = &l.report.sheets[0];
    assert!(l.report.error.is_none(), "{:?}", l.report.error);
    assert_eq!(roles(s)[1..3], ["被救助人姓名=name:other1".to_string(), "被救助人身份证号=id:other1".to_string()]);
    assert_eq!(s.role_of("银行账号"), Some("account"));
    assert_eq!(l.rolls.len(), 6);
    assert_eq!(l.rolls[0].slots.len(), 1, "the bank account is not a person");
}

#[test]
fn regression_title_merged_across_taken_for_parent_header() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县民政局_农村低保.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let f = Format::new();
    ws.merge_range(0, 0, 0, 4, "示例县2024年农村最低生活保障对象花名册", &f).unwrap();
    for (c, h) in ["序号", "姓名", "身份证号", "保障金额", "乡镇"].iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    for i in 0..8u32 {
        ws.write_number(2 + i, 0, f64::from(i + 1)).unwrap();
        ws.write_string(2 + i, 1, NAMES[i as usize]).unwrap();
        ws.write_string(2 + i, 2, nth_id(i as usize)).unwrap();
        ws.write_number(2 + i, 3, 350.0).unwrap();
        ws.write_string(2 + i, 4, "万谷乡").unwrap();
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Roll);
    let s = &l.report.sheets[0];
    assert_eq!(s.header_row, Some(2));
    assert_eq!(roles(s), ["序号=seq", "姓名=name:beneficiary", "身份证号=id:beneficiary", "保障金额=amount", "乡镇=township"]);
    assert_eq!(l.rolls.len(), 8);
    assert_eq!(l.rolls[0].amount, Some(350.0));
}

/// A per-cadre form's family table at `header` (0-based row): the k-th
/// official's wife, son and father, the fourth column from `fourth`.
fn family_table(ws: &mut rust_xlsxwriter::Worksheet, header: u32, k: usize, heads: [&str; 5], fourth: &[String]) {
    for (c, h) in heads.iter().enumerate() {
        ws.write_string(header, c as u16, *h).unwrap();
    }
    for (r, rel) in ["妻子", "儿子", "父亲"].iter().enumerate() {
        let row = header + 1 + r as u32;
        ws.write_string(row, 0, *rel).unwrap();
        ws.write_string(row, 1, NAMES[4 + k * 3 + r]).unwrap();
        ws.write_string(row, 2, "1970.05").unwrap();
        ws.write_string(row, 3, &fourth[r]).unwrap();
        ws.write_string(row, 4, "务农").unwrap();
    }
}

#[test]
fn regression_per_cadre_form_rows_tied_to_no_cadre() {
    // 干部任免审批表-style: the official above, his family below (称谓 | 姓名 | …).
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县教育局_家庭主要成员.xlsx");
    let mut wb = Workbook::new();
    let f = Format::new();
    for k in 0..2usize {
        let ws = wb.add_worksheet();
        ws.merge_range(0, 0, 0, 4, "干部家庭主要成员情况表", &f).unwrap();
        ws.write_string(1, 0, format!("姓名：{}    工作单位：县教育局    职务：副局长", NAMES[k])).unwrap();
        let ids: Vec<String> = (0..3).map(|r| nth_id(10 + k * 3 + r)).collect();
        family_table(ws, 2, k, ["称谓", "姓名", "出生年月", "身份证号", "工作单位及职务"], &ids);
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    for s in &l.report.sheets {
        assert_eq!(s.role_of("姓名"), Some("name:relative"), "{:?}", roles(s));
        assert_eq!(s.role_of("身份证号"), Some("id:relative"));
        assert_eq!(s.problem, None);
    }
    assert_eq!(l.kin.len(), 6);
    assert!(l.kin[..3].iter().all(|k| k.cadre_name == NAMES[0] && k.cadre_unit == "县教育局" && k.cadre_post == "副局长"));
    assert!(l.kin[3..].iter().all(|k| k.cadre_name == NAMES[1]));
    assert_eq!(l.kin[0].relation_term, "妻子");
}

/// Outside county (issue 9): the family table's 工作单位及职务 holds where each
/// relative lives (白沙乡高峰村村民). Its header was not known, so the relatives
/// without a roll ID were not placed and not matched by name and village.
/// The content now makes it the relatives' address; a column of schools is none.
#[test]
fn regression_workplace_column_holding_villages_left_unread() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县人社局_家庭成员.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, format!("姓名：{}    工作单位：县人力资源和社会保障局    职务：股长", NAMES[0])).unwrap();
    for (c, h) in ["称谓", "姓名", "出生年月", "身份证号", "工作单位及职务", "毕业学校"].iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    let places = ["白沙乡高峰村村民", "务农", "青石镇大坪村3组", "柳河镇水井村村民", "白沙乡杨家村村民", "县教育局教师"];
    for (r, place) in places.iter().enumerate() {
        let row = 2 + r as u32;
        ws.write_string(row, 0, ["妻子", "儿子", "女儿", "父亲", "母亲", "次子"][r]).unwrap();
        ws.write_string(row, 1, NAMES[1 + r]).unwrap();
        ws.write_string(row, 2, "1970.05").unwrap();
        ws.write_string(row, 3, &nth_id(r)).unwrap();
        ws.write_string(row, 4, *place).unwrap();
        ws.write_string(row, 5, "白沙乡中心小学").unwrap();
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    let s = &l.report.sheets[0];
    assert_eq!(s.role_of("工作单位及职务"), Some("address"), "{:?}", roles(s));
    assert_eq!(s.role_of("毕业学校"), Some("unmapped"), "{:?}", roles(s));
    assert_eq!(l.kin[0].address, "白沙乡高峰村村民");
}

/// 干部任免审批表 as the form is printed: label and value in separate cells
/// (姓名 | 张三 | 性别 | 男 | 出生年月 | 1975.05 | 身份证号 | …), the family below
/// without ID numbers. The form row was taken for the header: the sheet's
/// relatives were read as cadres, none matched, exit 0.
#[test]
fn regression_form_row_of_label_and_value_cells_taken_for_the_header() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("干部任免审批表.xlsx");
    let mut wb = Workbook::new();
    for k in 0..2usize {
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "干部任免审批表").unwrap();
        let cadre_id = nth_id(40 + k);
        for (c, v) in ["姓名", NAMES[k], "性别", "男", "出生年月", "1975.05", "身份证号", cadre_id.as_str()].iter().enumerate() {
            ws.write_string(1, c as u16, *v).unwrap();
        }
        ws.write_string(2, 0, "现任职务").unwrap();
        ws.write_string(2, 1, "县教育局副局长").unwrap();
        ws.write_string(3, 0, "家庭主要成员及重要社会关系").unwrap();
        family_table(ws, 4, k, ["称谓", "姓名", "出生年月", "政治面貌", "工作单位及职务"], &["群众".into(), "群众".into(), "群众".into()]);
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    for s in &l.report.sheets {
        assert_eq!(s.header_row, Some(5), "{:?}", roles(s));
        assert_eq!(s.role_of("姓名"), Some("name:relative"), "{:?}", roles(s));
        assert_eq!(s.problem, None);
    }
    assert_eq!(l.kin.len(), 6);
    assert!(l.kin[..3].iter().all(|k| k.cadre_name == NAMES[0] && k.birth == "1970-05"), "{:?}", l.kin[0]);
    assert!(l.kin[3..].iter().all(|k| k.cadre_name == NAMES[1]));
}

#[test]
fn regression_self_rows_open_each_cadres_block() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "称谓,姓名,身份证号,工作单位,职务".to_string(),
        format!("本人,{},{},县财政局,科长", NAMES[0], nth_id(0)),
        format!("配偶,{},{},,", NAMES[1], nth_id(1)),
        format!("儿子,{},{},,", NAMES[2], nth_id(2)),
        format!("本人,{},{},县财政局,科员", NAMES[3], nth_id(3)),
        format!("母亲,{},,,", NAMES[4]),
    ];
    let p = write_csv(tmp.path(), "县财政局_亲属.csv", &lines);
    let l = load(&p, Kind::Register);
    let who: Vec<(&str, &str)> = l.kin.iter().map(|k| (k.cadre_name.as_str(), k.relative_name.as_str())).collect();
    assert_eq!(who, [(NAMES[0], ""), (NAMES[0], NAMES[1]), (NAMES[0], NAMES[2]), (NAMES[3], ""), (NAMES[3], NAMES[4])]);
    assert!(l.report.sheets[0].unusable.is_empty());
}

#[test]
fn regression_several_persons_in_one_cell_read_as_one() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["户主姓名,户主身份证号,家庭成员姓名,家庭成员身份证号,保障金额".to_string()];
    for i in 0..6 {
        lines.push(format!(
            "{},{},\"{}、{}\",\"{}，{}\",600",
            NAMES[i],
            nth_id(i),
            NAMES[(i + 1) % 12],
            NAMES[(i + 2) % 12],
            nth_id(i + 100),
            nth_id(i + 200)
        ));
    }
    let p = write_csv(tmp.path(), "县民政局_低保家庭.csv", &lines);
    let l = load(&p, Kind::Roll);
    let r = &l.rolls[0];
    let slots: Vec<(String, &str)> = r.slots.iter().map(|s| (s.role.as_str().into_owned(), s.name.as_str())).collect();
    let want = [("household_head", NAMES[0]), ("member", NAMES[1]), ("member", NAMES[2])];
    assert_eq!(slots, want.map(|(r, n)| (r.to_string(), n)));
    assert_eq!(r.slots[2].norm.value.as_str(), nth_id(200));
}

#[test]
fn regression_bank_account_under_an_id_header_taken_for_an_id() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["姓名,身份证号,收款人证件号码".to_string()];
    for i in 0..6 {
        lines.push(format!("{},{},'62284800{:011}", NAMES[i], nth_id(i), 12_345_678 + i));
    }
    let p = write_csv(tmp.path(), "县农业农村局_耕地补贴.csv", &lines);
    let s = load(&p, Kind::Roll).report.sheets.remove(0);
    let col = s.columns.iter().find(|c| c.header == "收款人证件号码").unwrap();
    assert_eq!((col.role.as_str(), col.decided_by.as_str()), ("account", "content"));
}

#[test]
fn regression_id_column_under_an_unknown_header_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["姓名,证照号,金额".to_string()];
    for i in 0..6 {
        lines.push(format!("{},{},100", NAMES[i], nth_id(i)));
    }
    let p = write_csv(tmp.path(), "县民政局_救助.csv", &lines);
    let l = load(&p, Kind::Roll);
    let col = l.report.sheets[0].columns.iter().find(|c| c.header == "证照号").unwrap();
    assert_eq!((col.role.as_str(), col.decided_by.as_str()), ("id:beneficiary", "content"));
    assert_eq!(l.rolls[0].slots[0].norm.value.as_str(), nth_id(0));
}

fn km() -> Command {
    Command::cargo_bin("kinmatch").unwrap()
}

#[test]
fn regression_run_exits_0_with_an_input_it_could_not_use() {
    let tmp = tempfile::tempdir().unwrap();
    let (kin, rolls) = (tmp.path().join("kin"), tmp.path().join("rolls"));
    std::fs::create_dir_all(&kin).unwrap();
    std::fs::create_dir_all(&rolls).unwrap();
    let mut good = vec!["干部姓名,身份证号,亲属姓名,称谓,身份证号".to_string()];
    good.push(format!("{},{},{},配偶,{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1)));
    write_csv(&kin, "县民政局_亲属.csv", &good);
    // Relatives with no cadre anywhere: every row unusable.
    let mut bad = vec!["称谓,姓名,身份证号".to_string()];
    for i in 2..8 {
        bad.push(format!("配偶,{},{}", NAMES[i], nth_id(i)));
    }
    write_csv(&kin, "县财政局_亲属.csv", &bad);
    write_csv(&rolls, "县民政局_低保.csv", &["姓名,身份证号".to_string(), format!("{},{}", NAMES[1], nth_id(1))]);
    let out = tmp.path().join("out");
    let a = km().args(["run", "--no-workbooks", "--kin"]).arg(&kin).arg("--rolls").arg(&rolls).arg("--out").arg(&out).assert();
    let a = a.code(3);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(err.contains("县财政局_亲属.csv") && err.contains("无法对应到干部"), "{err}");
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let problems = m["inputs"]["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    // The hit from the good register is still found.
    assert!(std::fs::read_to_string(out.join("hits.csv")).unwrap().contains(NAMES[1]));
    // --strict makes it an error.
    km().args(["run", "--strict", "--no-workbooks", "--kin"]).arg(&kin).arg("--rolls").arg(&rolls).arg("--out").arg(&out).assert().code(1);
}

#[test]
fn regression_empty_register_folder_exits_0() {
    let tmp = tempfile::tempdir().unwrap();
    let (kin, rolls) = (tmp.path().join("kin"), tmp.path().join("rolls"));
    std::fs::create_dir_all(&kin).unwrap();
    std::fs::create_dir_all(&rolls).unwrap();
    write_csv(&rolls, "县民政局_低保.csv", &["姓名,身份证号".to_string(), format!("{},{}", NAMES[1], nth_id(1))]);
    let a = km().args(["run", "--no-workbooks", "--kin"]).arg(&kin).arg("--rolls").arg(&rolls).arg("--out").arg(tmp.path().join("o")).assert();
    let err = String::from_utf8_lossy(&a.code(3).get_output().stderr).into_owned();
    assert!(err.contains("没有找到任何登记表文件"), "{err}");
    // inspect of an empty folder is not success either.
    km().arg("inspect").arg(&kin).assert().code(3);
}

#[test]
fn regression_inspect_json_columns_in_sheet_order_with_what_decided() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["乡镇,姓名,证照号,身份证号码".to_string()];
    for i in 0..6 {
        lines.push(format!("万谷乡,{},{},{}", NAMES[i], nth_id(i), nth_id(i + 30)));
    }
    let p = write_csv(tmp.path(), "x.csv", &lines);
    let a = km().args(["inspect", "--json", "--kind", "roll"]).arg(&p).assert().success();
    let v: serde_json::Value = serde_json::from_slice(&a.get_output().stdout).unwrap();
    let cols = v["inputs"][0]["sheets"][0]["columns"].as_array().unwrap();
    let got: Vec<(u64, &str, &str, &str)> = cols
        .iter()
        .map(|c| (c["index"].as_u64().unwrap(), c["header"].as_str().unwrap(), c["role"].as_str().unwrap(), c["decided_by"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (0, "乡镇", "township", "header"),
            (1, "姓名", "name:beneficiary", "header"),
            (2, "证照号", "id:beneficiary", "content"),
            (3, "身份证号码", "id:other1", "header"),
        ]
    );
}

#[test]
fn regression_second_beneficiary_column_dropped() {
    // 享受人 and 领取人 are both roll persons of the same kind: two persons, both matched.
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["享受人姓名,享受人身份证号,领取人姓名,领取人身份证号,金额".to_string()];
    for i in 0..6 {
        lines.push(format!("{},{},{},{},100", NAMES[i], nth_id(i), NAMES[i + 6], nth_id(i + 6)));
    }
    let p = write_csv(tmp.path(), "乡村振兴局_雨露计划.csv", &lines);
    let l = load(&p, Kind::Roll);
    let s = &l.report.sheets[0];
    assert_eq!(s.role_of("领取人姓名"), Some("name:other1"), "{:?}", roles(s));
    assert_eq!(s.role_of("领取人身份证号"), Some("id:other1"));
    let names: Vec<&str> = l.rolls[0].slots.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, [NAMES[0], NAMES[6]]);
}

/// Outside county (issue 9): relatives reported without an ID, with the birth
/// the register states (出生年月 / 出生日期) and their place split over
/// 亲属所在乡镇 / 亲属所在村, were never matched: the stated birth was not read,
/// and 亲属所在村 was not recognised, so only name + village could find them.
#[test]
fn regression_relative_without_id_ignored_stated_birth_and_split_place() {
    let tmp = tempfile::tempdir().unwrap();
    let (kin, rolls) = (tmp.path().join("kin"), tmp.path().join("rolls"));
    std::fs::create_dir_all(&kin).unwrap();
    std::fs::create_dir_all(&rolls).unwrap();
    let cadre = nth_id(3);
    let mother = id("51990119490902036"); // a woman (17th digit even), born 1949-09-02
    let brother = id("51990119750301123");
    write_csv(
        &kin,
        "县农业农村局_近亲属备案.csv",
        &[
            "编号,工作人员姓名,工作人员身份证号,亲属姓名,亲属关系,亲属身份证号,出生日期,亲属所在乡镇,亲属所在村".into(),
            format!("1,蔡忠庆,{cadre},范欣,母亲,/,1949.09.02,,"),
            format!("2,蔡忠庆,{cadre},蔡国华,哥哥,无,,青石镇,石门村"),
        ],
    );
    let l = load(&kin.join("县农业农村局_近亲属备案.csv"), Kind::Register);
    let s = &l.report.sheets[0];
    assert_eq!(s.role_of("亲属所在乡镇"), Some("township"));
    assert_eq!(s.role_of("亲属所在村"), Some("village"));
    write_csv(
        &rolls,
        "县民政局_临时救助.csv",
        &[
            "序号,乡镇,村,申请人姓名,申请人身份证号,救助金额".into(),
            format!("1,柳河镇,河口村,范欣,{mother},500"),
            format!("2,青石镇,石门村,蔡国华,{brother},300"),
        ],
    );
    let out = run_batch(tmp.path(), kin, rolls);
    let hit = |name: &str| out.hits.iter().find(|h| h.roll_name == name).unwrap_or_else(|| panic!("{name}: {:#?}", out.hits));
    let m = hit("范欣");
    assert_eq!((m.tier, m.match_kind.code()), (kinmatch::model::Tier::Probable, "name_birth"), "{}", m.evidence);
    assert!(m.evidence.contains("1949-09-02"), "{}", m.evidence);
    let b = hit("蔡国华");
    assert!(b.evidence.contains("同村（石门"), "{}", b.evidence);
}

/// Outside county (issue 9): a roll whose only place is a 家庭住址 column
/// (学生资助: 青石镇大坪村8组) had its address column dropped, so a township
/// cadre's relative living in that township was `other`, not `same_township`.
#[test]
fn regression_roll_address_column_ignored_loses_same_township() {
    let tmp = tempfile::tempdir().unwrap();
    let (kin, rolls) = (tmp.path().join("kin"), tmp.path().join("rolls"));
    std::fs::create_dir_all(&kin).unwrap();
    std::fs::create_dir_all(&rolls).unwrap();
    let (cadre, sister) = (nth_id(5), nth_id(77));
    write_csv(
        &kin,
        "青石镇人民政府_干部亲属.csv",
        &["干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号".into(), format!("赵敏,{cadre},青石镇人民政府,孙涛,姐姐,{sister}")],
    );
    // Another roll names the county's townships and villages (the gazetteer).
    write_csv(&rolls, "县民政局_低保.csv", &["乡镇,村,姓名,身份证号".into(), format!("青石镇,大坪村,周丽,{}", nth_id(200))]);
    write_csv(
        &rolls,
        "教委_学生资助.csv",
        &["序号,学生姓名,学生身份证号,资助金额,监护人姓名,监护人身份证号,家庭住址".into(), format!("1,徐娟,{},1000,孙涛,{sister},青石镇大坪村8组", nth_id(300))],
    );
    let l = load(&rolls.join("教委_学生资助.csv"), Kind::Roll);
    assert_eq!(l.report.sheets[0].role_of("家庭住址"), Some("address"));
    let out = run_batch(tmp.path(), kin, rolls);
    let h = out.hits.iter().find(|h| h.roll_name == "孙涛").expect("the guardian is found");
    assert_eq!(h.relevance, kinmatch::model::Relevance::SameTownship);
}

/// Issue 13: a death list or a vehicle register put among the rolls was read
/// as a roll, its persons matched as beneficiaries. Its columns are read, its
/// rows are not used (each counted), and the sheet says it is a death list (run uses it as --deaths).
#[test]
fn regression_death_list_among_rolls_read_as_a_roll() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["序号,死者姓名,证件号码,性别,死亡日期,火化日期".to_string()];
    for i in 0..5 {
        lines.push(format!("{},{},{},男,2024-08-0{},", i + 1, NAMES[i], nth_id(i), i + 1));
    }
    let p = write_csv(tmp.path(), "殡仪馆火化登记.csv", &lines);
    let l = load(&p, Kind::Roll);
    let s = &l.report.sheets[0];
    assert!(l.rolls.is_empty());
    assert!(s.role_of("死者姓名").is_some_and(|r| r.starts_with("name:")), "its columns are still read");
    assert!(s.role_of("证件号码").is_some_and(|r| r.starts_with("id:")));
    assert_eq!(s.unusable.get("other_input"), Some(&5));
    assert_eq!(s.other_input, Some(kinmatch::load::roles::OtherInput::Deaths), "run uses it as --deaths");
    // A funeral-subsidy roll names the death date too, and pays an amount: a roll.
    let mut lines = vec!["序号,死者姓名,证件号码,死亡日期,丧葬补助金额".to_string()];
    lines.push(format!("1,{},{},2024-08-01,3000", NAMES[0], nth_id(0)));
    let p = write_csv(tmp.path(), "民政局_丧葬补助.csv", &lines);
    assert_eq!(load(&p, Kind::Roll).rolls.len(), 1);
}

/// A register sheet read as officials only (the relatives' columns not
/// recognised, or the wrong row taken for the header) gave cadres and not one
/// relative, and the run exited 0. Now the sheet says so (exit 3).
#[test]
fn regression_register_of_officials_only_passed_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let lines: Vec<String> = std::iter::once("干部姓名,干部身份证号,工作单位,家属甲,家属乙".to_string())
        .chain((0..4).map(|i| format!("{},{},县民政局,阿{},阿{}", NAMES[i], nth_id(60 + i), i, i)))
        .collect();
    let p = write_csv(tmp.path(), "登记.csv", &lines);
    let l = load(&p, Kind::Register);
    let s = &l.report.sheets[0];
    assert!(s.problem.as_deref().is_some_and(|p| p.contains("没有任何亲属")), "{:?} {:?}", s.problem, roles(s));
}

/// A 低保 roll: 户主 with ID, 家庭成员姓名 listing the members by name, and a
/// 社会保障卡号 column of card numbers (E36101688). The card numbers were
/// taken for the members' IDs (600 malformed IDs a sheet), and without them
/// the members, named without an ID column beside the head's ID, were
/// dropped as context. Now the card column is an account by its content and
/// every member named is a person of the roll, matched by name and village.
#[test]
fn regression_household_members_by_name_dropped_and_card_numbers_taken_for_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let (kin, rolls) = (tmp.path().join("kin"), tmp.path().join("rolls"));
    std::fs::create_dir_all(&kin).unwrap();
    std::fs::create_dir_all(&rolls).unwrap();
    write_csv(
        &kin,
        "亲属.csv",
        &["干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号,亲属住址".into(), format!("赵敏,{},青石镇人民政府,孙涛,哥哥,{},青石镇大坪村", nth_id(90), nth_id(91))],
    );
    let mut lines = vec!["序号,乡镇,村,户主姓名,户主身份证号,家庭成员姓名,保障人数,月保障金,社会保障卡号".to_string()];
    for i in 0..8 {
        let members = if i == 0 { "孙涛、李秀英".to_string() } else { format!("{}、{}", NAMES[i % 4], NAMES[4 + i % 4]) };
        // Heads 周丽, 吴强, 徐娟: no other 孙涛 in the township (that would make it no lead).
        lines.push(format!("{},青石镇,大坪村,{},{},{members},3,1350,E3610168{i}", i + 1, NAMES[8 + i % 3], nth_id(100 + i)));
    }
    let p = write_csv(&rolls, "民政局_农村低保.csv", &lines);
    let l = load(&p, Kind::Roll);
    let s = &l.report.sheets[0];
    assert_eq!(s.role_of("社会保障卡号"), Some("account"), "{:?}", roles(s));
    assert_eq!(s.id_status.get("malformed"), None, "{:?}", s.id_status);
    // Every member named is a person slot of the roll: 8 heads and 16 members.
    let slots: Vec<_> = l.rolls.iter().flat_map(|r| r.slots.iter()).collect();
    assert_eq!(slots.len(), 24);
    let out = run_batch(tmp.path(), kin, rolls);
    let h = out.hits.iter().find(|h| h.roll_name == "孙涛").expect("the member is matched by name and village");
    assert_eq!((h.roll_role, h.match_kind.code()), (Some(kinmatch::load::roles::Person::Member), "name_place"));
}

/// The same roll sent twice (in two folders, or once as a copy): its rows were
/// compared twice and every hit on it came out twice, exit 0. Now the run says
/// the files are the same (exit 3).
#[test]
fn regression_same_file_twice_gave_every_hit_twice_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let (kin, rolls) = (tmp.path().join("kin"), tmp.path().join("rolls"));
    std::fs::create_dir_all(&kin).unwrap();
    write_csv(&kin, "亲属.csv", &["干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号".into(), format!("赵敏,{},县民政局,孙涛,哥哥,{}", nth_id(1), nth_id(2))]);
    let lines = ["乡镇,村,姓名,身份证号,金额".to_string(), format!("青石镇,大坪村,孙涛,{},100", nth_id(2))];
    for d in ["一月", "一月副本"] {
        std::fs::create_dir_all(rolls.join(d)).unwrap();
        write_csv(&rolls.join(d), "低保.csv", &lines);
    }
    let out = run_batch(tmp.path(), kin, rolls);
    assert!(out.manifest.inputs.problems.iter().any(|p| p.contains("内容完全相同")), "{:?}", out.manifest.inputs.problems);
    assert!(out.incomplete());
}

/// Outside county (issue 9): a student whose ID cell was empty went unmatched
/// although the row's 学籍号 is `G` + that ID (the national student number of a
/// student with an ID). The ID is now taken from the 学籍号 when the student's
/// own cell gives none, and only from a `G` number with a right check character.
#[test]
fn regression_student_id_only_in_the_student_number_left_unmatched() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (nth_id(1), nth_id(2), nth_id(3));
    let lines = vec![
        "学生姓名,学生身份证号,学籍号,就读学校,监护人姓名,监护人身份证号,资助金额".to_string(),
        format!("{},,G{a},县第一中学,{},{b},1000", NAMES[0], NAMES[1]),
        format!("{},{c},G{c},县第一中学,{},,1000", NAMES[2], NAMES[3]),
        format!("{},,L{a},县第一中学,{},,1000", NAMES[4], NAMES[5]),
        format!("{},,G{}0,县第一中学,{},,1000", NAMES[6], &a[..17], NAMES[7]),
    ];
    let p = write_csv(tmp.path(), "教委_学生资助.csv", &lines);
    let l = load(&p, Kind::Roll);
    let s = &l.report.sheets[0];
    assert_eq!(s.role_of("学籍号"), Some("student_no"), "{:?}", roles(s));
    let key = |r: usize, slot: usize| l.rolls[r].slots.get(slot).and_then(|s| s.norm.key.as_deref().map(str::to_string));
    assert_eq!(key(0, 0), Some(a.clone()), "the student's ID from the 学籍号");
    assert_eq!(key(0, 1), Some(b), "the guardian keeps his own");
    assert_eq!(key(1, 0), Some(c), "an ID cell of its own wins");
    assert_eq!(key(2, 0), None, "an L number carries no ID");
    assert_eq!(key(3, 0), None, "a G number with a wrong check character carries none");
    // The guardian's empty ID cell is not filled from the student's number.
    assert_eq!(key(1, 1), None);
}

/// Outside county (issue 9): a public-welfare jobs roll with 安置单位
/// (柳河镇柳河社区, where the job is) beside 所在乡镇 / 所在村: the placement unit
/// was read by its content as the person's address. A table with a village
/// column of its own keeps the header's place; the unknown column of places
/// stays unread.
#[test]
fn regression_placement_unit_taken_for_the_address_beside_village_columns() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["姓名,性别,公民身份号码,岗位名称,安置单位,所在乡镇,所在村,岗位补贴".to_string()];
    for r in 0..8 {
        lines.push(format!("{},男,{},护林员,柳河镇柳河社区,白沙乡,高峰村,800", NAMES[r], nth_id(r)));
    }
    let p = write_csv(tmp.path(), "人社局_公益性岗位.csv", &lines);
    let l = load(&p, Kind::Roll);
    let s = &l.report.sheets[0];
    assert_eq!(s.role_of("安置单位"), Some("unmapped"), "{:?}", roles(s));
    assert_eq!(s.role_of("所在村"), Some("village"), "{:?}", roles(s));
    assert_eq!(l.rolls[0].village, "高峰村");
    assert_eq!(l.rolls[0].address, "");
}

#[test]
fn regression_database_export_with_field_code_headers_gave_no_table() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["XH,XZQH,XM,XB,GMSFHM,JE".to_string()];
    for i in 0..6 {
        lines.push(format!("{},白沙乡石桥村,{},女,{},300", i + 1, NAMES[i], nth_id(i)));
    }
    let p = write_csv(tmp.path(), "县民政局_低保.csv", &lines);
    let l = load(&p, Kind::Roll);
    let s = &l.report.sheets[0];
    let r = roles(s);
    assert!(r.contains(&"XM=name:beneficiary".to_string()), "{r:?}");
    assert!(r.contains(&"GMSFHM=id:beneficiary".to_string()), "{r:?}");
    assert_eq!(l.rolls.len(), 6);
    assert_eq!(l.rolls[2].slots[0].norm.value.as_str(), nth_id(2));
}

#[test]
fn regression_header_in_words_no_table_lists_gave_no_table_though_cells_hold_people() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["编号,人员,号码,款项".to_string()];
    for i in 0..6 {
        lines.push(format!("{},{},{},300", i + 1, NAMES[i], nth_id(i)));
    }
    let p = write_csv(tmp.path(), "县民政局_救助.csv", &lines);
    let l = load(&p, Kind::Roll);
    assert_eq!(l.rolls.len(), 6, "{:?}", l.report);
    assert_eq!(l.rolls[5].slots[0].norm.value.as_str(), nth_id(5));
    let r = roles(&l.report.sheets[0]);
    assert!(r.iter().any(|c| c.starts_with("人员=name")), "{r:?}");
}

#[test]
fn regression_name_and_id_in_one_cell_read_as_an_unreadable_id() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["序号,受助人（姓名、身份证号）,救助金额".to_string()];
    for i in 0..4 {
        lines.push(format!("{},{} {},500", i + 1, NAMES[i], nth_id(i)));
    }
    let p = write_csv(tmp.path(), "县民政局_临时救助.csv", &lines);
    let l = load(&p, Kind::Roll);
    assert_eq!(l.rolls.len(), 4, "{:?}", l.report);
    for (i, r) in l.rolls.iter().enumerate() {
        assert_eq!((r.slots[0].name.as_str(), r.slots[0].norm.value.as_str()), (NAMES[i], nth_id(i).as_str()));
    }
}

#[test]
fn regression_title_line_naming_the_cadre_over_each_block_left_rows_without_a_cadre() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = Vec::new();
    for (c, unit) in [(0, "县民政局"), (1, "白沙乡人民政府")] {
        lines.push(format!("{unit}{}同志家庭成员情况（身份证号：{}）", NAMES[c], nth_id(c)));
        lines.push("称谓,姓名,身份证号".to_string());
        for k in 0..2 {
            let r = 2 + c * 2 + k;
            lines.push(format!("{},{},{}", ["妻子", "儿子"][k], NAMES[r], nth_id(r)));
        }
        lines.push(String::new());
    }
    let p = write_csv(tmp.path(), "家庭成员登记.csv", &lines);
    let l = load(&p, Kind::Register);
    assert_eq!(l.kin.len(), 4, "{:?}", l.report);
    for (k, row) in l.kin.iter().enumerate() {
        let c = k / 2;
        assert_eq!(row.cadre_name, NAMES[c]);
        assert_eq!(row.cadre_id.normalize().value.as_str(), nth_id(c));
        assert_eq!(row.cadre_unit, ["县民政局", "白沙乡人民政府"][c]);
        assert_eq!(row.relative_name, NAMES[2 + k]);
    }
}

#[test]
fn regression_one_file_per_cadre_named_after_him_left_rows_without_a_cadre() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec!["称谓,姓名,身份证号,工作单位".to_string(), format!("妻子,{},{},务农", NAMES[3], nth_id(3)), format!("儿子,{},{},学生", NAMES[4], nth_id(4))];
    let p = write_csv(tmp.path(), &format!("县民政局_{}.csv", NAMES[0]), &lines);
    let l = load(&p, Kind::Register);
    assert_eq!(l.kin.len(), 2, "{:?}", l.report);
    assert!(l.kin.iter().all(|k| k.cadre_name == NAMES[0] && k.cadre_unit == "县民政局"));
    let s = &l.report.sheets[0];
    assert_eq!((s.cadre_from_name.as_deref(), s.cadre_source.as_deref()), (Some(NAMES[0]), Some("file_name")));
    assert_eq!(s.problem, None);
    // A file named for no one stays loud: its rows are tied to no official.
    let p = write_csv(tmp.path(), "县民政局_干部亲属.csv", &lines);
    let l = load(&p, Kind::Register);
    assert!(l.kin.is_empty());
    assert!(l.report.sheets[0].problem.is_some());
}

#[test]
fn regression_english_headers_of_an_export_left_the_roll_without_ids_and_exited_0() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["No.,Name,ID Number,Village,Amount".to_string()];
    for i in 0..4 {
        lines.push(format!("{},{},{},石桥村,300", i + 1, NAMES[i], nth_id(i)));
    }
    let p = write_csv(tmp.path(), "县民政局_救助.csv", &lines);
    let l = load(&p, Kind::Roll);
    assert_eq!(l.rolls.len(), 4);
    assert_eq!(l.rolls[3].slots[0].norm.value.as_str(), nth_id(3));
    assert_eq!(l.report.sheets[0].role_of("IDNumber").or(l.report.sheets[0].role_of("ID Number")), Some("id:beneficiary"));
    let mut lines = vec!["Official,Official ID,Unit,Relative,Relation,Relative ID".to_string()];
    lines.push(format!("{},{},县民政局,{},妻子,{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1)));
    let p = write_csv(tmp.path(), "登记.csv", &lines);
    let l = load(&p, Kind::Register);
    assert_eq!(l.kin.len(), 1, "{:?}", l.report);
    assert_eq!((l.kin[0].cadre_name.as_str(), l.kin[0].relative_name.as_str()), (NAMES[0], NAMES[1]));
}

#[test]
fn regression_roll_without_any_id_passed_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["姓名,备注号,金额".to_string()];
    for i in 0..4 {
        lines.push(format!("{},A{},300", NAMES[i], i));
    }
    let p = write_csv(tmp.path(), "县民政局_救助.csv", &lines);
    let l = load(&p, Kind::Roll);
    assert_eq!(l.rolls.len(), 4, "read by name all the same");
    assert!(l.report.sheets[0].problem.as_deref().is_some_and(|p| p.contains("没有身份证号")), "{:?}", l.report.sheets[0]);
}

#[test]
fn regression_short_list_of_valid_ids_under_an_unknown_header_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec!["姓名,证照号,金额".to_string(), format!("{},{},100", NAMES[0], nth_id(0)), format!("{},{},100", NAMES[1], nth_id(1))];
    let p = write_csv(tmp.path(), "县民政局_救助.csv", &lines);
    let l = load(&p, Kind::Roll);
    assert_eq!(l.rolls[1].slots[0].norm.value.as_str(), nth_id(1));
    assert_eq!(l.report.sheets[0].problem, None);
}

#[test]
fn regression_disability_card_number_holding_the_id_taken_for_an_account() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["序号,姓名,残疾证号,残疾类别,补贴金额".to_string()];
    for i in 0..4 {
        lines.push(format!("{},{},{}{},肢体,90", i + 1, NAMES[i], nth_id(i), ["12", "23", "61", "44"][i]));
    }
    let p = write_csv(tmp.path(), "县残联_两项补贴.csv", &lines);
    let l = load(&p, Kind::Roll);
    let s = &l.report.sheets[0];
    let col = s.columns.iter().find(|c| c.header == "残疾证号").unwrap();
    assert_eq!((col.role.as_str(), col.decided_by.as_str()), ("id:beneficiary", "content"));
    assert_eq!(l.rolls[2].slots[0].norm.key.as_deref(), Some(nth_id(2).as_str()));
    assert_eq!(s.problem, None);
}

#[test]
fn regression_contract_holder_name_column_left_the_hit_without_a_name() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["承包方编码,承包方代表名称,承包方代表证件号码,补贴金额".to_string()];
    for i in 0..4 {
        lines.push(format!("4329211012010{i:03},{},{},310", NAMES[i], nth_id(i)));
    }
    let p = write_csv(tmp.path(), "县农业农村局_耕地补贴.csv", &lines);
    let l = load(&p, Kind::Roll);
    let slot = &l.rolls[1].slots[0];
    assert_eq!((slot.name.as_str(), slot.norm.value.as_str()), (NAMES[1], nth_id(1).as_str()));
    assert_eq!(slot.role, kinmatch::load::roles::Person::Beneficiary);
}

#[test]
fn regression_members_listed_with_their_relation_in_brackets_lost_their_names() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "户主姓名,户主身份证号,家庭成员（关系）,成员身份证号,保障金额".to_string(),
        format!("{},{},{}(妻)、{}(子),{}、{},600", NAMES[0], nth_id(0), NAMES[1], NAMES[2], nth_id(1), nth_id(2)),
        format!("{},{},{}（夫）、{}（父）,{}、{},600", NAMES[3], nth_id(3), NAMES[4], NAMES[5], nth_id(4), nth_id(5)),
    ];
    let p = write_csv(tmp.path(), "县民政局_低保.csv", &lines);
    let l = load(&p, Kind::Roll);
    assert_eq!(l.report.sheets[0].role_of("家庭成员(关系)").or(l.report.sheets[0].role_of("家庭成员（关系）")), Some("name:member"));
    let members: Vec<(String, String)> = l
        .rolls
        .iter()
        .flat_map(|r| r.slots.iter().filter(|s| s.role == kinmatch::load::roles::Person::Member))
        .map(|s| (s.name.to_string(), s.norm.value.to_string()))
        .collect();
    assert_eq!(members.len(), 4, "{members:?}");
    assert!(members[0].0.starts_with(NAMES[1]) && members[0].1 == nth_id(1), "{members:?}");
    assert!(members[3].0.starts_with(NAMES[5]) && members[3].1 == nth_id(5), "{members:?}");
}

#[test]
fn regression_id_with_a_note_beside_it_unread_and_the_roll_passed_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["姓名,身份证号,金额".to_string()];
    for i in 0..6 {
        lines.push(format!("{},{}{},300", NAMES[i], nth_id(i), ["（户主）", "已核", "(本人)", " 注", "", "（低保户）"][i]));
    }
    let p = write_csv(tmp.path(), "县民政局_低保.csv", &lines);
    let l = load(&p, Kind::Roll);
    assert!(l.rolls.iter().enumerate().all(|(i, r)| r.slots[0].norm.key.as_deref() == Some(nth_id(i).as_str())));
    assert_eq!(l.report.sheets[0].problem, None);
    // IDs that cannot be read at all are said loudly.
    let mut lines = vec!["姓名,身份证号,金额".to_string()];
    for i in 0..6 {
        lines.push(format!("{},{}（{}人）,300", NAMES[i], nth_id(i), i + 1));
    }
    let p = write_csv(tmp.path(), "县民政局_救助.csv", &lines);
    let l = load(&p, Kind::Roll);
    // (the cells overturn the header: no ID there, and the sheet says so)
    assert!(l.report.sheets[0].problem.as_deref().is_some_and(|p| p.contains("没有身份证号")), "{:?}", l.report.sheets[0]);
}

#[test]
fn regression_unit_and_post_in_one_cell_beside_the_cadre_lost_same_unit() {
    let tmp = tempfile::tempdir().unwrap();
    let kin = write_csv(
        tmp.path(),
        "登记.csv",
        &["干部姓名,身份证号,工作单位及职务,亲属姓名,关系,亲属身份证号".to_string(), format!("{},{},县民政局局长,{},妻子,{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1))],
    );
    let l = load(&kin, Kind::Register);
    assert_eq!(l.report.sheets[0].role_of("工作单位及职务"), Some("cadre_unit"));
    let rolls = tmp.path().join("rolls");
    std::fs::create_dir(&rolls).unwrap();
    write_csv(&rolls, "县民政局_低保.csv", &["姓名,身份证号,金额".to_string(), format!("{},{},300", NAMES[1], nth_id(1))]);
    let kdir = tmp.path().join("kin");
    std::fs::create_dir(&kdir).unwrap();
    std::fs::rename(&kin, kdir.join("登记.csv")).unwrap();
    let out = run_batch(tmp.path(), kdir, rolls);
    assert_eq!(out.hits.len(), 1);
    assert_eq!(out.hits[0].relevance.as_str(), "same_unit");
}

#[test]
fn regression_per_cadre_sheet_titled_without_tongzhi_took_the_first_sheets_unit_for_all() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("家庭成员.xlsx");
    let mut wb = Workbook::new();
    for (c, unit) in [(0, "县民政局"), (1, "县教育局")] {
        let ws = wb.add_worksheet().set_name(format!("表{}", c + 1)).unwrap();
        ws.write(0, 0, format!("{}家庭成员登记表", NAMES[c])).unwrap();
        ws.write(1, 0, format!("填报单位：{unit}")).unwrap();
        for (k, h) in ["称谓", "姓名", "身份证号"].iter().enumerate() {
            ws.write(2, k as u16, *h).unwrap();
        }
        ws.write(3, 0, "妻子").unwrap();
        ws.write(3, 1, NAMES[2 + c]).unwrap();
        ws.write(3, 2, nth_id(2 + c)).unwrap();
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    let got: Vec<(&str, &str)> = l.kin.iter().map(|k| (k.cadre_name.as_str(), k.cadre_unit.as_str())).collect();
    assert_eq!(got, vec![(NAMES[0], "县民政局"), (NAMES[1], "县教育局")]);
}

#[test]
fn regression_cadre_named_only_in_the_signature_under_the_table_tied_no_row() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["领导干部家庭成员情况报告表".to_string(), "称谓,姓名,身份证号".to_string()];
    for (c, unit) in [(0, "县民政局"), (1, "县教育局")] {
        lines.push(format!("妻子,{},{}", NAMES[2 + c], nth_id(2 + c)));
        lines.push(format!("儿子,{},{}", NAMES[4 + c], nth_id(4 + c)));
        lines.push(format!("报告人：{},,身份证号：{}", NAMES[c], nth_id(c)));
        lines.push(format!("所在单位：{unit},,填报日期：2024年10月"));
    }
    let p = write_csv(tmp.path(), "报告表.csv", &lines);
    let l = load(&p, Kind::Register);
    let got: Vec<(&str, &str, &str)> = l.kin.iter().map(|k| (k.cadre_name.as_str(), k.cadre_unit.as_str(), k.relative_name.as_str())).collect();
    assert_eq!(
        got,
        vec![(NAMES[0], "县民政局", NAMES[2]), (NAMES[0], "县民政局", NAMES[4]), (NAMES[1], "县教育局", NAMES[3]), (NAMES[1], "县教育局", NAMES[5])]
    );
    assert_eq!(l.report.sheets[0].problem, None);
}

#[test]
fn regression_ids_mostly_unreadable_passed_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["姓名,身份证号,金额".to_string()];
    for i in 0..6 {
        let id = nth_id(i);
        lines.push(format!("{},{},300", NAMES[i], if i < 2 { id } else { id[..13].to_string() }));
    }
    let p = write_csv(tmp.path(), "县民政局_救助.csv", &lines);
    let s = load(&p, Kind::Roll).report.sheets.remove(0);
    assert_eq!(s.role_of("身份证号"), Some("id:beneficiary"));
    assert!(s.problem.as_deref().is_some_and(|p| p.contains("4 / 6 个无法识别")), "{s:?}");
    // A short list where not one written ID reads is said as loudly (probe s19:
    // four rows, exit 0); one readable ID among three is not "mostly".
    let short = |ok: usize| {
        let mut lines = vec!["姓名,身份证号,金额".to_string()];
        lines.extend((0..3).map(|i| format!("{},{},300", NAMES[i], if i < ok { nth_id(i) } else { nth_id(i)[..1].to_string() })));
        load(&write_csv(tmp.path(), &format!("县民政局_救助{ok}.csv"), &lines), Kind::Roll).report.sheets.remove(0).problem
    };
    assert!(short(0).is_some_and(|p| p.contains("3 / 3 个无法识别")), "{:?}", short(0));
    assert_eq!(short(2), None);
}

#[test]
fn regression_roll_in_a_folder_named_after_its_unit_got_no_approving_unit() {
    let tmp = tempfile::tempdir().unwrap();
    let kin = one_wife_register(tmp.path());
    let rolls = tmp.path().join("rolls");
    for dir in ["县民政局/2024年10月", "民政"] {
        std::fs::create_dir_all(rolls.join(dir)).unwrap();
    }
    write_csv(&rolls.join("县民政局/2024年10月"), "低保.csv", &["姓名,身份证号,金额".to_string(), format!("{},{},300", NAMES[1], nth_id(1))]);
    write_csv(&rolls, "民政_临时救助.csv", &["姓名,身份证号,金额".to_string(), format!("{},{},300", NAMES[1], nth_id(1))]);
    let out = run_batch(tmp.path(), kin, rolls);
    let got: Vec<(&str, &str)> = out.hits.iter().map(|h| (h.approving_unit.as_str(), h.relevance.as_str())).collect();
    assert_eq!(got, vec![("县民政局", "same_unit"), ("民政局", "same_unit")]);
}

#[test]
fn regression_label_written_in_the_name_cell_made_an_exact_id_a_name_mismatch() {
    let tmp = tempfile::tempdir().unwrap();
    let kin = tmp.path().join("kin");
    std::fs::create_dir(&kin).unwrap();
    write_csv(&kin, "登记.csv", &["所属干部,干部身份证号,干部单位,关系,姓名,身份证号".to_string(), format!("{},{},县民政局,妻子,{},{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1))]);
    let rolls = tmp.path().join("rolls");
    std::fs::create_dir(&rolls).unwrap();
    let mut lines = vec!["申请人,证件,金额".to_string()];
    for i in [1, 7, 8] {
        lines.push(format!("姓名：{},身份证：{},300", NAMES[i], nth_id(i)));
    }
    write_csv(&rolls, "县民政局_低保.csv", &lines);
    let out = run_batch(tmp.path(), kin, rolls);
    assert_eq!(out.hits.len(), 1);
    let h = &out.hits[0];
    assert_eq!((h.tier.as_str(), h.cadre_name.as_str()), ("confirmed", NAMES[0]));
}

#[test]
fn regression_workbook_saved_under_a_csv_name_and_csv_under_an_xlsx_name_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (k, h) in ["姓名", "身份证号", "金额"].iter().enumerate() {
        ws.write(0, k as u16, *h).unwrap();
    }
    ws.write(1, 0, NAMES[0]).unwrap();
    ws.write(1, 1, nth_id(0)).unwrap();
    ws.write(1, 2, 300).unwrap();
    let p = tmp.path().join("县民政局_低保.csv");
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Roll);
    assert_eq!((l.report.format.as_str(), l.rolls.len()), ("xlsx", 1), "{:?}", l.report);
    let p = write_csv(tmp.path(), "县民政局_救助.xlsx", &["姓名,身份证号,金额".to_string(), format!("{},{},300", NAMES[1], nth_id(1))]);
    let l = load(&p, Kind::Roll);
    assert_eq!((l.report.format.as_str(), l.rolls.len()), ("csv", 1), "{:?}", l.report);
    // A page of text named .xls is neither: said so.
    let p = write_csv(tmp.path(), "县民政局_说明.xls", &["本表由村委会填写".to_string()]);
    assert!(load(&p, Kind::Roll).report.error.is_some());
}

#[test]
fn regression_roll_exported_as_a_web_page_named_xls_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let mut page = String::from("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"></head><body><table>");
    page.push_str("<tr><td colspan=3>县民政局2024年10月临时救助发放名册</td></tr><tr><td>姓名</td><td>身份证号</td><td>金额</td></tr>");
    for i in 0..4 {
        page.push_str(&format!("<tr><td>{}</td><td style=\"mso-number-format:'\\@'\">{}</td><td>500</td></tr>", NAMES[i], nth_id(i)));
    }
    page.push_str("</table></body></html>");
    let p = tmp.path().join("县民政局_临时救助.xls");
    std::fs::write(&p, page).unwrap();
    let l = load(&p, Kind::Roll);
    assert_eq!((l.report.format.as_str(), l.report.error.as_deref()), ("html", None), "{:?}", l.report);
    assert_eq!(l.rolls.len(), 4);
    assert_eq!(l.rolls[3].slots[0].norm.value.as_str(), nth_id(3));
    assert_eq!(l.report.sheets[0].header_row, Some(2));
}

#[test]
fn regression_roll_with_ids_masked_for_publication_gave_no_lead_and_blamed_the_id_column() {
    let tmp = tempfile::tempdir().unwrap();
    let kin = one_wife_register(tmp.path());
    let rolls = tmp.path().join("rolls");
    std::fs::create_dir(&rolls).unwrap();
    let mask = |id: &str| format!("{}********{}", &id[..6], &id[14..]);
    // The relative, masked; a namesake whose visible digits differ; two strangers.
    let lines = vec![
        "姓名,身份证号,金额".to_string(),
        format!("{},{},300", NAMES[1], mask(&nth_id(1))),
        format!("{},{},300", NAMES[1], mask(&nth_id(13))),
        format!("{},{},300", NAMES[7], mask(&nth_id(7))),
        format!("{},{},300", NAMES[8], mask(&nth_id(8))),
    ];
    write_csv(&rolls, "县民政局_低保公示.csv", &lines);
    let out = run_batch(tmp.path(), kin, rolls.clone());
    let got: Vec<(u32, &str, &str)> = out.hits.iter().map(|h| (h.roll_row, h.tier.as_str(), h.match_kind.code())).collect();
    assert_eq!(got, vec![(2, "probable", "id_masked")]);
    let l = load(&rolls.join("县民政局_低保公示.csv"), Kind::Roll);
    let s = &l.report.sheets[0];
    assert_eq!((s.id_status.get("masked").copied(), s.problem.as_deref()), (Some(4), None));
}

#[test]
fn regression_roll_exported_as_xml_spreadsheet_2003_named_xls_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="临时救助"><Table>"#,
    );
    x.push_str(r#"<Row><Cell><Data ss:Type="String">姓名</Data></Cell><Cell><Data ss:Type="String">身份证号</Data></Cell><Cell><Data ss:Type="String">金额</Data></Cell></Row>"#);
    for i in 0..4 {
        x.push_str(&format!(r#"<Row><Cell><Data ss:Type="String">{}</Data></Cell><Cell><Data ss:Type="String">{}</Data></Cell><Cell><Data ss:Type="Number">500</Data></Cell></Row>"#, NAMES[i], nth_id(i)));
    }
    x.push_str("</Table></Worksheet></Workbook>");
    let p = tmp.path().join("县民政局_临时救助.xls");
    std::fs::write(&p, x).unwrap();
    let l = load(&p, Kind::Roll);
    assert_eq!((l.report.format.as_str(), l.report.error.as_deref()), ("xml", None), "{:?}", l.report);
    assert_eq!(l.report.sheets[0].sheet, "临时救助");
    assert_eq!(l.rolls.len(), 4);
    assert_eq!(l.rolls[2].slots[0].norm.value.as_str(), nth_id(2));
    // A page that names itself a web page but holds no table is reported.
    let p = tmp.path().join("县民政局_空网页.xls");
    std::fs::write(&p, "<html><body><p>无数据</p><td></td></body></html>").unwrap();
    assert!(load(&p, Kind::Roll).report.error.as_deref().is_some_and(|e| e.contains("没有任何工作表含有可读的表格")));
}

#[test]
fn regression_relation_written_as_its_gb_4761_code_read_as_other() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["干部姓名,干部身份证号,工作单位,亲属姓名,关系,亲属身份证号".to_string()];
    for (k, code) in ["12", "20", "51", "75"].iter().enumerate() {
        lines.push(format!("{},{},县民政局,{},{code},{}", NAMES[0], nth_id(0), NAMES[k + 1], nth_id(k + 1)));
    }
    let p = write_csv(tmp.path(), "亲属导出.csv", &lines);
    let l = load(&p, Kind::Register);
    let rels: Vec<kinmatch::normalize::relation::Relation> =
        l.kin.iter().map(|k| kinmatch::normalize::relation::parse_relation(&k.relation_term).relation).collect();
    use kinmatch::normalize::relation::Relation::*;
    assert_eq!(rels, vec![Spouse, Child, Parent, Sibling]);
}

/// Outside county (issue 9): a 特困 roll with 残疾证号 (the ID and two digits)
/// before 身份证号, where some rows leave 身份证号 empty: those persons had no
/// ID, though the card beside gives it. A 20-character card fills an empty
/// ID cell of the person on its left; a bank account never does, and an ID
/// cell of its own wins.
#[test]
fn regression_id_only_in_the_disability_card_beside_an_empty_id_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "序号,姓名,残疾证号,身份证号,供养方式,银行账号".to_string(),
        format!("1,{},{}41,,分散供养,6217001234567890", NAMES[0], nth_id(0)),
        format!("2,{},{}12,{},分散供养,6217001234567891", NAMES[1], nth_id(1), nth_id(1)),
        format!("3,{},,,分散供养,{}", NAMES[2], nth_id(2)),
        format!("4,{},{}99,,分散供养,", NAMES[3], nth_id(3)),
    ];
    let p = write_csv(tmp.path(), "民政局_特困供养.csv", &lines);
    let l = load(&p, Kind::Roll);
    let key = |r: usize| l.rolls[r].slots[0].norm.key.as_deref().map(str::to_string);
    assert_eq!(key(0), Some(nth_id(0)), "the card gives the ID");
    assert_eq!(key(1), Some(nth_id(1)), "the ID cell of its own");
    assert_eq!(key(2), None, "an 18-digit bank account right of the ID is no card");
    assert_eq!(key(3), None, "a card with grade 9 carries no ID");
}

/// Probe written after the code (session 12): a register whose official's
/// columns say 填报人 (填报人 | 填报人身份证号 | 所在单位 | 家庭成员姓名 | 与填报人关系 |
/// 家庭成员身份证号) was "4 行亲属无法对应到干部" (exit 3). A person the word
/// tables do not know, named left of the relatives in a register with no
/// official's column, is the official; right of them, or in a roll, it is not.
#[test]
fn regression_register_official_as_filer_unknown_gives_no_cadre() {
    let tmp = tempfile::tempdir().unwrap();
    let rows = |header: &str| {
        let mut lines = vec![header.to_string()];
        for i in 0..4 {
            lines.push(format!("{},{},县民政局,{},配偶,{}", NAMES[i], nth_id(i), NAMES[i + 6], nth_id(i + 50)));
        }
        lines
    };
    let p = write_csv(tmp.path(), "县民政局_亲属.csv", &rows("填报人,填报人身份证号,所在单位,家庭成员姓名,与填报人关系,家庭成员身份证号"));
    let l = load(&p, Kind::Register);
    let s = &l.report.sheets[0];
    assert_eq!(s.role_of("填报人"), Some("name:cadre"), "{:?}", roles(s));
    assert_eq!(s.role_of("填报人身份证号"), Some("id:cadre"), "{:?}", roles(s));
    assert_eq!((l.kin.len(), l.kin[0].cadre_name.as_str()), (4, "王建国"));
    assert_eq!(s.problem, None);
    // In a roll the same columns are persons paid, never an official.
    let p = write_csv(tmp.path(), "县民政局_救助.csv", &rows("填报人,填报人身份证号,所在单位,受助人姓名,关系,受助人身份证号"));
    let l = load(&p, Kind::Roll);
    assert!(!roles(&l.report.sheets[0]).iter().any(|r| r.contains("cadre")), "{:?}", roles(&l.report.sheets[0]));
}

/// Probe written after the code (session 12): a printed form's 身份证号码 over
/// 18 one-digit cells. The ID column held its first digit only: every ID
/// unreadable, no hit. The boxes are now joined into the ID; numbers typed in
/// the boxes count as digits, and a row whose boxes are not all filled is left
/// as written (unreadable, counted).
#[test]
fn regression_id_typed_one_digit_per_cell_read_as_its_first_digit() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县民政局_临时救助.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let f = Format::new();
    ws.write_string(0, 0, "序号").unwrap();
    ws.write_string(0, 1, "姓名").unwrap();
    ws.merge_range(0, 2, 0, 19, "身份证号码", &f).unwrap();
    ws.write_string(0, 20, "金额").unwrap();
    for i in 0..6u32 {
        let id = nth_id(i as usize);
        ws.write_number(1 + i, 0, f64::from(i + 1)).unwrap();
        ws.write_string(1 + i, 1, NAMES[i as usize]).unwrap();
        for (k, ch) in id.chars().enumerate() {
            if i == 5 && k == 17 {
                continue; // the last box left empty
            }
            match ch.to_digit(10) {
                Some(d) if i % 2 == 0 => ws.write_number(1 + i, 2 + k as u16, f64::from(d)).unwrap(),
                _ => ws.write_string(1 + i, 2 + k as u16, ch.to_string()).unwrap(),
            };
        }
        ws.write_number(1 + i, 20, 300.0).unwrap();
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Roll);
    let keys: Vec<Option<String>> = l.rolls.iter().map(|r| r.slots[0].norm.key.as_deref().map(str::to_string)).collect();
    let want: Vec<Option<String>> = (0..6).map(|i| (i < 5).then(|| nth_id(i))).collect();
    assert_eq!(keys, want);
    assert_eq!(l.rolls[0].amount, Some(300.0));
}

/// Probe written after the code (session 12): a wide register grouped over two
/// header rows (干部信息 | 配偶 | 子女 | 父亲 merged over 姓名 | 身份证号 each). The
/// lower row alone scored as high as the pair and won: every 姓名 bare, the
/// spouse read as a relation-less relative, the child and the father lost.
/// On equal scores the pair whose parent row says whose each column is wins.
#[test]
fn regression_grouped_wide_register_read_by_its_lower_header_row() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县民政局_亲属.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let f = Format::new();
    for (c0, c1, t) in [(0u16, 2u16, "干部信息"), (3, 4, "配偶"), (5, 6, "子女"), (7, 8, "父亲")] {
        ws.merge_range(0, c0, 0, c1, t, &f).unwrap();
    }
    for (c, h) in ["姓名", "身份证号", "工作单位", "姓名", "身份证号", "姓名", "身份证号", "姓名", "身份证号"].iter().enumerate() {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    for i in 0..3u32 {
        let k = i as usize * 4;
        let row = [NAMES[k].to_string(), nth_id(k), "县民政局".into(), NAMES[k + 1].into(), nth_id(k + 1), NAMES[k + 2].into(), nth_id(k + 2), NAMES[k + 3].into(), nth_id(k + 3)];
        for (c, v) in row.iter().enumerate() {
            ws.write_string(2 + i, c as u16, v).unwrap();
        }
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    let s = &l.report.sheets[0];
    assert_eq!(s.role_of("配偶/姓名"), Some("name:relative:配偶"), "{:?}", roles(s));
    assert_eq!(s.role_of("子女/身份证号"), Some("id:relative:子女"), "{:?}", roles(s));
    let rel: Vec<(&str, &str)> = l.kin.iter().filter(|k| !k.relative_name.is_empty()).map(|k| (k.relative_name.as_str(), k.relation_term.as_str())).collect();
    assert_eq!(rel.len(), 9, "{rel:?}");
    assert!(rel.contains(&(NAMES[1], "配偶")) && rel.contains(&(NAMES[2], "子女")) && rel.contains(&(NAMES[3], "父亲")), "{rel:?}");
}

/// Probe written after the code (session 12): what departments send besides
/// workbooks. A WPS .et file was not looked at ("没有找到任何花名册文件"); a zip
/// of workbooks, a Word table or a PDF beside the rolls was skipped with exit
/// 0, the batch silently short of that list; a header under eighteen lines of
/// 填表说明 was beyond the rows searched. The .et is read by its content; the
/// others are listed as not read, with what to do, and the run exits 3.
#[test]
fn regression_lists_sent_as_wps_zip_word_or_pdf_skipped_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let kin = one_wife_register(tmp.path());
    let rolls = tmp.path().join("rolls");
    std::fs::create_dir(&rolls).unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for k in 0..18u32 {
        ws.write_string(k, 0, format!("填表说明{}：请如实填写，身份证号必须为18位。", k + 1)).unwrap();
    }
    for (c, h) in ["序号", "姓名", "身份证号码", "金额"].iter().enumerate() {
        ws.write_string(18, c as u16, *h).unwrap();
    }
    ws.write_number(19, 0, 1.0).unwrap();
    ws.write_string(19, 1, NAMES[1]).unwrap();
    ws.write_string(19, 2, nth_id(1)).unwrap();
    ws.write_number(19, 3, 300.0).unwrap();
    wb.save(rolls.join("县民政局_临时救助.et")).unwrap();
    let alone = run_batch(tmp.path(), kin.clone(), rolls.clone());
    assert_eq!(alone.hits.len(), 1, "the .et under its notes is read");
    assert!(alone.manifest.inputs.problems.is_empty(), "{:?}", alone.manifest.inputs.problems);
    std::fs::write(rolls.join("民政局报送材料.zip"), b"PK\x03\x04").unwrap();
    std::fs::write(rolls.join("县民政局_低保名单.docx"), b"PK\x03\x04").unwrap();
    std::fs::write(rolls.join("Thumbs.db"), b"x").unwrap();
    // Word's lock file beside an open document is no list.
    std::fs::write(rolls.join("~$民政局_低保名单.docx"), b"x").unwrap();
    let out = run_batch(tmp.path(), kin, rolls);
    assert_eq!(out.hits.len(), 1);
    let said: Vec<&String> = out.manifest.inputs.problems.iter().filter(|p| p.starts_with("未读取：")).collect();
    assert_eq!(said.len(), 2, "{:?}", out.manifest.inputs.problems);
    assert!(said.iter().any(|p| p.contains("民政局报送材料.zip") && p.contains("请解压")), "{said:?}");
    assert!(said.iter().any(|p| p.contains("县民政局_低保名单.docx") && p.contains("另存为")), "{said:?}");
}

/// Probe written after the code (session 12): registers. An official written
/// with his unit in brackets (`赵志刚（县民政局）`, no unit column) kept the
/// bracket in his name and had no unit; a relative's ID cell holding a birth
/// date (身份证号（无则填出生日期）) was an unreadable ID and the birth was lost.
#[test]
fn regression_official_with_unit_in_brackets_and_birth_in_the_id_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "干部,身份证号,亲属姓名,关系,身份证号（无则填出生日期）".to_string(),
        format!("{}（县民政局局长）,{},{},妻子,{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1)),
        format!("{}（县民政局）,{},{},父亲,1950.03.22", NAMES[0], nth_id(0), NAMES[2]),
        format!("{}(城关),{},{},母亲,1952-07", NAMES[3], nth_id(3), NAMES[4]),
    ];
    let p = write_csv(tmp.path(), "登记.csv", &lines);
    let l = load(&p, Kind::Register);
    let got: Vec<(&str, &str, &str, String, &str)> = l
        .kin
        .iter()
        .map(|k| (k.cadre_name.as_str(), k.cadre_unit.as_str(), k.relative_name.as_str(), k.relative_id.normalize().value.to_string(), k.birth.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (NAMES[0], "县民政局", NAMES[1], nth_id(1), ""),
            (NAMES[0], "县民政局", NAMES[2], String::new(), "1950-03-22"),
            // A bracket that names no unit stays in the name.
            ("刘芳(城关)", "", NAMES[4], String::new(), "1952-07"),
        ]
    );
}

/// Probe written after the code (session 12): a register giving each relative
/// whole in one cell under 家庭成员1, 家庭成员2 (`李芳/妻子/4329…`): the first
/// column was read as the relatives' IDs (no name, no relation), the second not
/// at all. Each such cell is now a relative: name, relation and ID.
#[test]
fn regression_relative_as_name_relation_and_id_in_one_cell_lost() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "干部姓名,干部身份证号,工作单位,家庭成员1,家庭成员2".to_string(),
        format!("{},{},县民政局,{}/妻子/{},{}/儿子/{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1), NAMES[2], nth_id(2)),
        format!("{},{},县教育局,父亲 {} {},", NAMES[3], nth_id(3), NAMES[4], nth_id(4)),
    ];
    let l = load(&write_csv(tmp.path(), "登记.csv", &lines), Kind::Register);
    let got: Vec<(&str, &str, &str, String)> =
        l.kin.iter().map(|k| (k.cadre_name.as_str(), k.relative_name.as_str(), k.relation_term.as_str(), k.relative_id.normalize().value.to_string())).collect();
    assert_eq!(
        got,
        vec![(NAMES[0], NAMES[1], "妻子", nth_id(1)), (NAMES[0], NAMES[2], "儿子", nth_id(2)), (NAMES[3], NAMES[4], "父亲", nth_id(4))]
    );
}

/// Probe written after the code (session 12): a roll whose 姓名 and 身份证号
/// headers are swapped over their columns. The IDs were found by their cells,
/// but the names stayed "IDs" under 身份证号: hits without a name, the names
/// counted as unreadable IDs, exit 3. Names under an ID header are now the
/// person's names.
#[test]
fn regression_names_under_an_id_header_stayed_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["序号,姓名,身份证号,金额".to_string()];
    lines.extend((0..8).map(|i| format!("{},{},{},300", i + 1, nth_id(i), NAMES[i])));
    let l = load(&write_csv(tmp.path(), "县民政局_救助.csv", &lines), Kind::Roll);
    let s = &l.report.sheets[0];
    assert_eq!((s.role_of("姓名"), s.role_of("身份证号")), (Some("id:beneficiary"), Some("name:beneficiary")), "{:?}", roles(s));
    assert_eq!((l.rolls[2].slots[0].name.as_str(), l.rolls[2].slots[0].norm.key.as_deref()), (NAMES[2], Some(nth_id(2).as_str())));
    assert_eq!(s.problem, None);
}

/// Probe written after the code (session 12): a long register whose official
/// is written on the first row of his block only, the cells below left blank
/// (not merged). Those rows had no official ("无法对应干部", exit 3) and the
/// relatives were lost. A row with a relative, no official and no 序号 of its
/// own is now the block's; a row with its own 序号 is not.
#[test]
fn regression_official_written_once_per_block_left_the_rest_without_one() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "序号,干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号".to_string(),
        format!("1,{},{},县民政局,{},妻子,{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1)),
        format!(",,,,{},儿子,{}", NAMES[2], nth_id(2)),
        format!(",,,,{},父亲,{}", NAMES[3], nth_id(3)),
        format!("2,,,,{},母亲,{}", NAMES[4], nth_id(4)),
    ];
    let l = load(&write_csv(tmp.path(), "登记.csv", &lines), Kind::Register);
    let got: Vec<(&str, &str, &str)> = l.kin.iter().map(|k| (k.cadre_name.as_str(), k.cadre_unit.as_str(), k.relative_name.as_str())).collect();
    assert_eq!(got, vec![(NAMES[0], "县民政局", NAMES[1]), (NAMES[0], "县民政局", NAMES[2]), (NAMES[0], "县民政局", NAMES[3])]);
    let s = &l.report.sheets[0];
    assert_eq!(s.unusable.get("no_cadre"), Some(&1), "{:?}", s.unusable);
    // The official's ID counted once, each used relative's once (the unusable row's is not).
    assert_eq!(s.id_status.values().sum::<u64>(), 4, "{:?}", s.id_status);
}

/// Probe written after the code (session 12): a register workbook with the
/// officials on one sheet (姓名, 身份证号, 工作单位) and their relatives on
/// another by the official's name only. Each official became two (one with an
/// ID, one without), the relatives' officials had no ID or unit, and the
/// officials' sheet was "只读到干部本人" (exit 3). The relatives' rows now take
/// the ID and unit of the one official of the name, and the sheet of officials
/// is no problem when another sheet of the file holds their relatives.
#[test]
fn regression_officials_and_relatives_on_two_sheets_not_joined() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县民政局_干部亲属.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("干部").unwrap();
    for (c, h) in ["姓名", "身份证号", "工作单位", "职务"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..2u32 {
        for (c, v) in [NAMES[i as usize].to_string(), nth_id(i as usize), "县民政局".into(), "科员".into()].iter().enumerate() {
            ws.write_string(1 + i, c as u16, v).unwrap();
        }
    }
    let ws = wb.add_worksheet().set_name("亲属").unwrap();
    for (c, h) in ["干部姓名", "亲属姓名", "称谓", "亲属身份证号"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..2u32 {
        for (c, v) in [NAMES[i as usize].to_string(), NAMES[6 + i as usize].into(), "妻子".into(), nth_id(6 + i as usize)].iter().enumerate() {
            ws.write_string(1 + i, c as u16, v).unwrap();
        }
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    let relatives: Vec<(&str, String, &str)> = l
        .kin
        .iter()
        .filter(|k| !k.relative_name.is_empty())
        .map(|k| (k.cadre_name.as_str(), k.cadre_id.normalize().value.to_string(), k.cadre_unit.as_str()))
        .collect();
    assert_eq!(relatives, vec![(NAMES[0], nth_id(0), "县民政局"), (NAMES[1], nth_id(1), "县民政局")]);
    assert!(l.report.sheets.iter().all(|s| s.problem.is_none()), "{:?}", l.report.sheets.iter().map(|s| &s.problem).collect::<Vec<_>>());
}

/// (cadre, relative, relation term, cadre's unit) of every relative read.
fn relatives_of(l: &Loaded) -> Vec<(String, String, String, String)> {
    l.kin
        .iter()
        .filter(|k| !k.relative_name.is_empty() || !k.relative_id.is_empty())
        .map(|k| (k.cadre_name.clone(), k.relative_name.clone(), k.relation_term.clone(), k.cadre_unit.clone()))
        .collect()
}

/// Each row's cells as text from column A, from the sheet's first row.
fn write_rows(ws: &mut rust_xlsxwriter::Worksheet, rows: &[Vec<String>]) {
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
}

fn row4(a: &str, b: &str, c: &str, d: &str) -> (String, String, String, String) {
    (a.into(), b.into(), c.into(), d.into())
}

#[test]
fn regression_relatives_listed_before_the_officials_own_row_went_to_the_previous_official() {
    // Probe s25 (written after the code): each family's relatives first, 本人 last, a blank row
    // between families. The relatives were tied to the 本人 row above them: the previous
    // family's official (the first family had none, exit 3). The official's unit is in the
    // 工作单位及职务 cell of his own row (县民政局科员), the relatives' cells hold their villages.
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "序号,姓名,家庭关系,身份证号,工作单位及职务".to_string(),
        format!("1,{},妻子,{},白沙乡石桥村村民", NAMES[1], nth_id(1)),
        format!("2,{},儿子,{},白沙乡石桥村村民", NAMES[2], nth_id(2)),
        format!("3,{},本人,{},县民政局科员", NAMES[0], nth_id(0)),
        String::new(),
        format!("4,{},父亲,{},白沙乡高峰村村民", NAMES[4], nth_id(4)),
        format!("5,{},本人,{},县教育局科员", NAMES[3], nth_id(3)),
    ];
    let p = write_csv(tmp.path(), "干部家庭成员.csv", &lines);
    let l = load(&p, Kind::Register);
    assert_eq!(
        relatives_of(&l),
        [row4(NAMES[0], NAMES[1], "妻子", "县民政局"), row4(NAMES[0], NAMES[2], "儿子", "县民政局"), row4(NAMES[3], NAMES[4], "父亲", "县教育局")]
    );
    assert!(l.report.sheets[0].unusable.is_empty(), "{:?}", l.report.sheets[0].unusable);
    assert_eq!(l.report.sheets[0].problem, None);
}

#[test]
fn regression_several_relatives_in_one_register_cell_dropped_quietly() {
    // Probe s25: a wide register whose 子女姓名 / 子女身份证号 cells list two children, one a
    // line (赵一鸣⏎赵小雨). The cells were read as one unreadable person and dropped, exit 0.
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "单位,姓名,身份证号,配偶姓名,配偶身份证号,子女姓名,子女身份证号".to_string(),
        format!("县民政局,{},{},{},{},\"{}\n{}\",\"{}\n{}\"", NAMES[0], nth_id(0), NAMES[1], nth_id(1), NAMES[2], NAMES[3], nth_id(2), nth_id(3)),
        format!("县教育局,{},{},{},{},,", NAMES[4], nth_id(4), NAMES[5], nth_id(5)),
    ];
    let p = write_csv(tmp.path(), "干部亲属.csv", &lines);
    let l = load(&p, Kind::Register);
    let got: Vec<(String, String, String)> =
        l.kin.iter().filter(|k| !k.relative_name.is_empty()).map(|k| (k.cadre_name.clone(), k.relative_name.clone(), k.relative_id.normalize().value.to_string())).collect();
    let want: Vec<(String, String, String)> = [(0, 1), (0, 2), (0, 3), (4, 5)].iter().map(|&(c, r)| (NAMES[c].to_string(), NAMES[r].to_string(), nth_id(r))).collect();
    assert_eq!(got, want);
}

#[test]
fn regression_unit_only_in_each_sheets_title_left_cadres_without_unit() {
    // Probe s25: a workbook of several units' registers, sheets left as Sheet1 …, each unit
    // only in its sheet's title (县民政局干部职工近亲属信息登记表), no unit column, the file named
    // after none: every cadre had no unit and relevance was `other` for his own unit's roll.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县直单位.xlsx");
    let mut wb = Workbook::new();
    for (s, unit) in ["县民政局", "县教育局"].iter().enumerate() {
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, format!("{unit}干部职工近亲属信息登记表")).unwrap();
        ws.merge_range(0, 0, 0, 5, &format!("{unit}干部职工近亲属信息登记表"), &Format::new()).unwrap();
        ws.write_string(1, 0, "填表日期：2024年10月28日").unwrap();
        for (c, h) in ["序号", "干部姓名", "干部身份证号", "亲属姓名", "称谓", "亲属身份证号"].iter().enumerate() {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        for (c, v) in ["1".to_string(), NAMES[2 * s].into(), nth_id(2 * s), NAMES[2 * s + 1].into(), "妻子".into(), nth_id(2 * s + 1)].iter().enumerate() {
            ws.write_string(3, c as u16, v).unwrap();
        }
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    assert_eq!(relatives_of(&l), [row4(NAMES[0], NAMES[1], "妻子", "县民政局"), row4(NAMES[2], NAMES[3], "妻子", "县教育局")]);
}

#[test]
fn regression_appointment_form_label_column_taken_for_the_relation() {
    // Probe s25: the 2015 干部任免审批表, a sheet per official: 家庭主要成员及重要社会关系 is a
    // label merged down column A beside the family table, and its words (…社会关系) made it a
    // second 称谓 column that won over the real one: every relation `other`. The official's
    // unit is only in 现任职务 (县民政局局长) above the table: it was not read.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("任免审批表.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name(NAMES[0]).unwrap();
    ws.merge_range(0, 0, 0, 6, "干部任免审批表", &Format::new()).unwrap();
    for (c, v) in ["姓名", NAMES[0], "性别", "男", "出生年月\n（岁）", "1975.01\n（49岁）", "（照片）"].iter().enumerate() {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    ws.write_string(2, 0, "现任职务").unwrap();
    ws.merge_range(2, 1, 2, 6, "县民政局局长", &Format::new()).unwrap();
    for (c, v) in ["称谓", "姓名", "年龄", "政治面貌", "工作单位及职务"].iter().enumerate() {
        ws.write_string(3, 1 + c as u16, *v).unwrap();
    }
    let family = [("妻子", NAMES[1], "48", "群众", "白沙乡石桥村村民"), ("儿子", NAMES[2], "23", "群众", "白沙乡石桥村村民")];
    for (r, m) in family.iter().enumerate() {
        for (c, v) in [m.0, m.1, m.2, m.3, m.4].iter().enumerate() {
            ws.write_string(4 + r as u32, 1 + c as u16, *v).unwrap();
        }
    }
    ws.merge_range(3, 0, 6, 0, "家庭主要成员及重要社会关系", &Format::new()).unwrap();
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    assert_eq!(relatives_of(&l), [row4(NAMES[0], NAMES[1], "妻子", "县民政局"), row4(NAMES[0], NAMES[2], "儿子", "县民政局")]);
}

#[test]
fn regression_personal_matters_report_sections_each_under_its_own_header_lost_the_spouse_quietly() {
    // Probe s25: a 领导干部个人有关事项报告表 per official: 一、配偶 / 二、子女 / 三、父母, each
    // section under a header of its own, the spouse's without a relation column. Only the
    // children's header was used: the spouse was lost with exit 0, the parents' header read
    // as a data row, and the children's 工作（学习）单位 taken for the official's unit.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("个人有关事项.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name(NAMES[0]).unwrap();
    let rows: Vec<Vec<String>> = vec![
        vec!["领导干部个人有关事项报告表".into()],
        vec!["姓名".into(), NAMES[0].into(), "身份证号".into(), nth_id(0), "工作单位".into(), "县民政局".into(), "现任职务".into(), "局长".into()],
        vec!["一、本人婚姻情况及配偶情况".into()],
        vec!["姓名".into(), "国籍".into(), "身份证件号码".into(), "工作单位".into(), "职务".into()],
        vec![NAMES[1].into(), "中国".into(), nth_id(1), "白沙乡石桥村".into(), "无".into()],
        vec!["二、子女及其配偶情况".into()],
        vec!["姓名".into(), "与本人关系".into(), "身份证件号码".into(), "工作（学习）单位".into(), "职务".into()],
        vec![NAMES[2].into(), "儿子".into(), nth_id(2), "湖南农业大学".into(), "学生".into()],
        vec!["三、父母情况".into()],
        vec!["姓名".into(), "称谓".into(), "身份证件号码".into(), "现住址".into()],
        vec![NAMES[4].into(), "父亲".into(), nth_id(4), "白沙乡石桥村".into()],
    ];
    write_rows(ws, &rows);
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    assert_eq!(
        relatives_of(&l),
        [row4(NAMES[0], NAMES[1], "配偶", "县民政局"), row4(NAMES[0], NAMES[2], "儿子", "县民政局"), row4(NAMES[0], NAMES[4], "父亲", "县民政局")]
    );
    assert!(l.report.sheets.iter().all(|s| s.problem.is_none() && s.unusable.is_empty()), "{:?}", l.report.sheets);
}

#[test]
fn regression_second_section_of_a_roll_under_its_own_header_read_as_data() {
    // Probe s25: one sheet, 一、农村低保 under its header, then 二、特困供养 under another
    // (供养对象姓名 / 公民身份号码): the second section's rows were read under the first header
    // (its IDs unreadable, exit 3) and its persons lost.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县民政局_救助对象.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let mut rows: Vec<Vec<String>> = vec![vec!["一、农村低保".into()], vec!["序号".into(), "姓名".into(), "身份证号".into(), "金额".into()]];
    rows.extend((0..3).map(|i| vec![(i + 1).to_string(), NAMES[i].into(), nth_id(i), "300".into()]));
    rows.push(vec!["二、特困供养".into()]);
    rows.push(vec!["序号".into(), "供养对象姓名".into(), "供养方式".into(), "公民身份号码".into(), "金额".into()]);
    rows.extend((3..6).map(|i| vec![(i - 2).to_string(), NAMES[i].into(), "分散".into(), nth_id(i), "500".into()]));
    write_rows(ws, &rows);
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Roll);
    let got: Vec<(String, String)> = l.rolls.iter().flat_map(|r| r.slots.iter().map(|s| (s.name.to_string(), s.norm.value.to_string()))).collect();
    let want: Vec<(String, String)> = (0..6).map(|i| (NAMES[i].to_string(), nth_id(i))).collect();
    assert_eq!(got, want);
    assert!(l.report.sheets.iter().all(|s| s.problem.is_none()), "{:?}", l.report.sheets);
}

#[test]
fn regression_officials_unit_in_a_workplace_column_his_relatives_leave_blank_was_lost() {
    // Probe s26 (written after the code): 序号 | 称谓 | 姓名 | 身份证号 | 工作单位及职务, the
    // official's own 本人 row holding 县民政局科员, the relatives' cells blank or naming other
    // units. The column was no role (its cells are no villages), and the official got no unit:
    // relevance `other` on his own unit's roll, with exit 0.
    let tmp = tempfile::tempdir().unwrap();
    for (name, other) in [("blank.csv", ""), ("other_units.csv", "县财政局会计")] {
        let lines = vec![
            "序号,称谓,姓名,身份证号,工作单位及职务".to_string(),
            format!("1,本人,{},{},县民政局科员", NAMES[0], nth_id(0)),
            format!("2,妻子,{},{},{other}", NAMES[1], nth_id(1)),
            format!("3,儿子,{},{},", NAMES[2], nth_id(2)),
        ];
        let l = load(&write_csv(tmp.path(), name, &lines), Kind::Register);
        assert_eq!(
            relatives_of(&l),
            [row4(NAMES[0], NAMES[1], "妻子", "县民政局"), row4(NAMES[0], NAMES[2], "儿子", "县民政局")],
            "{name}"
        );
        assert_eq!(l.kin[1].cadre_post, "科员", "{name}");
    }
}

#[test]
fn regression_officials_own_table_above_his_relatives_table_left_them_without_an_official() {
    // Probe s26: a sheet per official, his own one-row table (姓名 | 身份证号码 | 工作单位 |
    // 职务 | 联系电话) above the relatives' (称谓 | 姓名 | 身份证号码 …). Both tables were read,
    // neither gave a usable row (exit 3): the official's row is the form naming him.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("干部亲属.xlsx");
    let mut wb = Workbook::new();
    for (i, (official, wife)) in [(0, 1), (3, 4)].into_iter().enumerate() {
        let ws = wb.add_worksheet().set_name(format!("{}", i + 1)).unwrap();
        let s = |x: &str| x.to_string();
        write_rows(ws, &[
            vec![s("干部亲属信息登记表")],
            vec![s("姓名"), s("身份证号码"), s("工作单位"), s("职务"), s("联系电话")],
            vec![s(NAMES[official]), nth_id(official), s("县民政局"), s("科员"), s("13907460001")],
            vec![],
            vec![s("家庭成员信息")],
            vec![s("称谓"), s("姓名"), s("身份证号码"), s("工作单位及职务"), s("现居住地")],
            vec![s("妻子"), s(NAMES[wife]), nth_id(wife), s("无"), s("白沙乡石桥村")],
        ]);
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    assert_eq!(
        relatives_of(&l),
        [row4(NAMES[0], NAMES[1], "妻子", "县民政局"), row4(NAMES[3], NAMES[4], "妻子", "县民政局")]
    );
    assert!(l.report.sheets.iter().all(|s| s.problem.is_none()), "{:?}", l.report.sheets);
    assert_eq!(l.kin[0].cadre_id.normalize().value.as_str(), nth_id(0));
}

#[test]
fn regression_one_applicants_form_per_sheet_read_as_no_table() {
    // Probe s26: a roll of 临时救助审批表, one applicant a sheet, as label / value cells
    // (申请人姓名 | 李芳 | 性别 | 女, 身份证号码 | 4329…). Every sheet was "no table" (exit 3).
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县民政局_临时救助审批表.xlsx");
    let mut wb = Workbook::new();
    for i in 0..2 {
        let ws = wb.add_worksheet().set_name(format!("审批表{}", i + 1)).unwrap();
        let s = |x: &str| x.to_string();
        write_rows(ws, &[
            vec![s("县临时救助审批表")],
            vec![s("申请人姓名"), s(NAMES[i]), s("性别"), s("女"), s("出生年月"), s("1976.05")],
            vec![s("身份证号码"), nth_id(i), s(""), s(""), s("联系电话"), s("13807460001")],
            vec![s("家庭住址"), s("白沙乡石桥村"), s(""), s(""), s("家庭人口"), s("3")],
            vec![s("申请理由")],
            vec![s("救助金额（元）"), s("2000"), s(""), s(""), s("审批日期"), s("2024年10月20日")],
        ]);
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Roll);
    assert_eq!(l.rolls.len(), 2, "{:?}", l.report.sheets);
    for (i, r) in l.rolls.iter().enumerate() {
        assert_eq!(r.slots[0].name, NAMES[i]);
        assert_eq!(r.slots[0].norm.key.as_deref(), Some(nth_id(i).as_str()));
        assert_eq!(r.amount, Some(2000.0));
        // The row the applicant's name is on, as the reviewer finds it.
        assert_eq!(r.source.row, 2);
    }
    assert!(l.report.sheets.iter().all(|s| s.problem.is_none() && s.error.is_none()), "{:?}", l.report.sheets);
}

#[test]
fn regression_person_headers_ending_in_yuan_or_shi_not_read_as_names() {
    // Probe s26: 项目经理 | 身份证号码 | … | 总监理工程师 | 身份证号码. 总监理工程师 was no
    // person, so the second 身份证号码 went to a nameless beneficiary (hits without a name).
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["序号,项目名称,项目经理,身份证号码,总监理工程师,身份证号码,安全员,身份证号码,合同金额（万元）".to_string()];
    for i in 0..4 {
        lines.push(format!("{},道路工程{i},{},{},{},{},{},{},48.6", i + 1, NAMES[i], nth_id(i), NAMES[i + 4], nth_id(i + 4), NAMES[i + 8], nth_id(i + 8)));
    }
    let l = load(&write_csv(tmp.path(), "县住建局_项目.csv", &lines), Kind::Roll);
    let got: Vec<Vec<(String, String)>> =
        l.rolls.iter().map(|r| r.slots.iter().map(|s| (s.name.to_string(), s.norm.key.as_deref().unwrap_or("").to_string())).collect()).collect();
    for (i, slots) in got.iter().enumerate() {
        assert_eq!(
            slots,
            &[(NAMES[i].to_string(), nth_id(i)), (NAMES[i + 4].to_string(), nth_id(i + 4)), (NAMES[i + 8].to_string(), nth_id(i + 8))],
            "row {i}"
        );
    }
}

#[test]
fn regression_village_label_rows_between_blocks_not_carried_to_the_rows_below() {
    // Probe s26: a roll without a village column, each village's rows under a line naming it
    // (一、石桥村 merged across the table). The rows had no village (hits.csv's village empty,
    // no same-village evidence for a pair without ID), the label lines counted as 无人员.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县民政局_低保.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let s = |x: &str| x.to_string();
    write_rows(ws, &[
        vec![s("序号"), s("姓名"), s("身份证号码"), s("金额(元)")],
        vec![s("一、石桥村")],
        vec![s("1"), s(NAMES[0]), nth_id(0), s("450")],
        vec![s("（二）三岔村")],
        vec![s("1"), s(NAMES[1]), nth_id(1), s("450")],
        vec![s("白沙乡")],
        vec![s("1"), s(NAMES[2]), nth_id(2), s("450")],
    ]);
    ws.merge_range(1, 0, 1, 3, "一、石桥村", &Format::new()).unwrap();
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Roll);
    let got: Vec<(String, String, String)> =
        l.rolls.iter().map(|r| (r.slots[0].name.to_string(), r.township.to_string(), r.village.to_string())).collect();
    assert_eq!(
        got,
        [(s(NAMES[0]), s(""), s("石桥村")), (s(NAMES[1]), s(""), s("三岔村")), (s(NAMES[2]), s("白沙乡"), s(""))]
    );
    let sheet = &l.report.sheets[0];
    assert_eq!(sheet.unusable.get("place_label"), Some(&3), "{:?}", sheet.unusable);
    assert_eq!(sheet.data_rows, 6);
}

#[test]
fn regression_relatives_in_numbered_groups_across_the_row_lost_after_the_first() {
    // Probe s27 (written after the code): 干部姓名 | 身份证号 | 工作单位 | 关系1 | 姓名1 |
    // 身份证号1 | 关系2 | 姓名2 | 身份证号2 … Only group 1's ID was read (by its cells), without
    // a name or relation; groups 2 and 3 were lost, exit 0.
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "干部姓名,身份证号,工作单位,关系1,姓名1,身份证号1,关系2,姓名2,身份证号2,亲属关系3,亲属姓名3,亲属身份证号3".to_string(),
        format!("{},{},县民政局,妻子,{},{},儿子,{},{},父亲,{},{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1), NAMES[2], nth_id(2), NAMES[3], nth_id(3)),
        format!("{},{},县民政局,丈夫,{},{},,,,母亲,{},{}", NAMES[4], nth_id(4), NAMES[5], nth_id(5), NAMES[6], nth_id(6)),
    ];
    let l = load(&write_csv(tmp.path(), "登记.csv", &lines), Kind::Register);
    assert_eq!(
        relatives_of(&l),
        [
            row4(NAMES[0], NAMES[1], "妻子", "县民政局"),
            row4(NAMES[0], NAMES[2], "儿子", "县民政局"),
            row4(NAMES[0], NAMES[3], "父亲", "县民政局"),
            row4(NAMES[4], NAMES[5], "丈夫", "县民政局"),
            row4(NAMES[4], NAMES[6], "母亲", "县民政局"),
        ]
    );
    assert!(l.kin.iter().filter(|k| !k.relative_name.is_empty()).all(|k| k.relative_id.normalize().key.is_some()));
}

#[test]
fn regression_surname_and_given_name_in_two_columns_gave_hits_without_a_name() {
    // Probe s27: 序号 | 姓 | 名 | 性别 | 身份证号码 … Neither column was a name: confirmed hits
    // with an empty roll_name (花名册或登记表未填姓名).
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "序号,姓,名,性别,身份证号码,补贴金额（元）".to_string(),
        format!("1,王,建国,男,{},320", nth_id(0)),
        format!("2,刘,芳,女,{},320", nth_id(3)),
    ];
    let l = load(&write_csv(tmp.path(), "县农业农村局_补贴.csv", &lines), Kind::Roll);
    let names: Vec<String> = l.rolls.iter().map(|r| r.slots[0].name.to_string()).collect();
    assert_eq!(names, ["王建国", "刘芳"]);
}

#[test]
fn regression_roll_unit_only_in_its_footer_left_every_hit_without_relevance() {
    // Probe s28: a roll whose file and title name no unit, signed under its rows
    // 填报单位：县民政局（盖章） | 审核人：… | 填报日期：…: approving unit empty, relevance `other`.
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "2024年10月临时救助资金发放花名册".to_string(),
        "序号,姓名,身份证号码,救助金额（元）".to_string(),
        format!("1,{},{},1000", NAMES[0], nth_id(0)),
        "合计,,,1000".to_string(),
        String::new(),
        "填报单位：县民政局（盖章）,,审核人：王建军,填报日期：2024年10月28日".to_string(),
    ];
    let l = load(&write_csv(tmp.path(), "2024年10月临时救助发放花名册.csv", &lines), Kind::Roll);
    assert_eq!(l.report.unit.as_deref(), Some("县民政局"));
    assert_eq!(l.rolls.len(), 1);
    assert_eq!(l.report.sheets[0].skipped.get("footer"), Some(&1));
}

#[test]
fn regression_roll_named_after_a_township_gave_no_same_township_relevance() {
    // Probe s28: 2024年10月白沙乡低保发放表.xlsx (审批单位：县民政局 above the header) with a
    // village column and no township: the
    // township its name gives (a township the county's rolls name) was not the rows', so a
    // township cadre's relative on it was `other`, not `same_township`.
    let tmp = tempfile::tempdir().unwrap();
    let kin = tmp.path().join("kin");
    std::fs::create_dir(&kin).unwrap();
    write_csv(&kin, "登记.csv", &["干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号".to_string(), format!("{},{},白沙乡人民政府,{},丈夫,{}", NAMES[1], nth_id(1), NAMES[0], nth_id(0))]);
    let rolls = tmp.path().join("rolls");
    std::fs::create_dir(&rolls).unwrap();
    write_csv(
        &rolls,
        "2024年10月白沙乡低保发放表.csv",
        &["审批单位：县民政局,,,发放月份：2024年10月".to_string(), "序号,村,户主姓名,身份证号码,保障金额（元）".to_string(), format!("1,石桥村,{},{},900", NAMES[0], nth_id(0))],
    );
    // Another roll of the county names the township in a column of its own.
    write_csv(&rolls, "县民政局_临时救助.csv", &["姓名,身份证号,乡镇,村,金额".to_string(), format!("{},{},白沙乡,高峰村,100", NAMES[5], nth_id(5)), format!("{},{},青石镇,大坪村,100", NAMES[6], nth_id(6))]);
    let out = run_batch(tmp.path(), kin, rolls);
    let hit = out.hits.iter().find(|h| h.roll_name == NAMES[0]).expect("the husband on the township's roll");
    assert_eq!(hit.relevance, kinmatch::model::Relevance::SameTownship, "{hit:?}");
    // regression (probe s28): hits.csv's township column stayed empty for such a roll.
    assert_eq!(hit.township, "白沙乡", "{hit:?}");
}

#[test]
fn regression_official_and_unit_on_two_lines_of_one_cell_gave_a_name_with_the_unit_in_it() {
    // Probe s29: column A merged over each family holds `赵志刚⏎县民政局`: cadre_name was the
    // whole cell and the unit empty (relevance `other`, exit 0).
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("亲属.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let s = |x: &str| x.to_string();
    write_rows(ws, &[
        vec![s("干部姓名"), s("序号"), s("称谓"), s("姓名"), s("身份证号码")],
        vec![format!("{}\n县民政局", NAMES[0]), s("1"), s("妻子"), s(NAMES[1]), nth_id(1)],
        vec![s(""), s("2"), s("儿子"), s(NAMES[2]), nth_id(2)],
    ]);
    ws.merge_range(1, 0, 2, 0, &format!("{}\n县民政局", NAMES[0]), &Format::new()).unwrap();
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    assert_eq!(relatives_of(&l), [row4(NAMES[0], NAMES[1], "妻子", "县民政局"), row4(NAMES[0], NAMES[2], "儿子", "县民政局")]);
}

#[test]
fn regression_register_ids_shown_in_scientific_notation_passed_quietly() {
    // Probe s29: a WPS CSV whose IDs read 4.32921E+17 (the number lost): counted as Excel-cut,
    // no problem, exit 0, and each pair resting on name and place contradicted.
    let tmp = tempfile::tempdir().unwrap();
    let mut lines = vec!["干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号".to_string()];
    for i in 0..4 {
        lines.push(format!("{},4.32921E+17,县民政局,{},妻子,4.32921E+17", NAMES[i], NAMES[i + 4]));
    }
    let l = load(&write_csv(tmp.path(), "登记.csv", &lines), Kind::Register);
    let s = &l.report.sheets[0];
    assert!(s.problem.is_some(), "{s:?}");
    assert!(s.id_status.get("malformed").is_some_and(|n| *n >= 4), "{:?}", s.id_status);
    assert!(!s.id_status.contains_key("excel_truncated"), "{:?}", s.id_status);
}

#[test]
fn regression_second_sheet_going_on_without_a_header_was_skipped_quietly() {
    // Probe s29: a roll over two sheets, the second going on with rows 4, 5 … and no header:
    // "no table (说明页或汇总页？)", its relatives lost, exit 0.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县民政局_临时救助.xlsx");
    let mut wb = Workbook::new();
    let s = |x: &str| x.to_string();
    write_rows(wb.add_worksheet(), &[
        vec![s("临时救助发放花名册")],
        vec![s("序号"), s("姓名"), s("身份证号码"), s("救助金额（元）")],
        vec![s("1"), s(NAMES[0]), nth_id(0), s("800")],
    ]);
    write_rows(wb.add_worksheet(), &[vec![s("2"), s(NAMES[1]), nth_id(1), s("800")], vec![s("3"), s(NAMES[2]), nth_id(2), s("800")]]);
    // A notes sheet after them stays no table.
    write_rows(wb.add_worksheet(), &[vec![s("填表说明：身份证号请填写18位")]]);
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Roll);
    let names: Vec<String> = l.rolls.iter().map(|r| r.slots[0].name.to_string()).collect();
    assert_eq!(names, [NAMES[0], NAMES[1], NAMES[2]]);
    assert_eq!(l.report.sheets[1].header_row, Some(0));
    assert!(l.report.sheets[2].header_row.is_none());
}

#[test]
fn regression_rows_numbered_by_family_left_the_relatives_without_their_official() {
    // Probe s29: 序号 | 姓名 | 关系 | 身份证号码 | 工作单位及职务, the official numbered 1 with no
    // relation written, his relatives 1-1, 1-2: every row "no official" (exit 3).
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "序号,姓名,关系,身份证号码,工作单位及职务".to_string(),
        format!("1,{},,{},县民政局科员", NAMES[0], nth_id(0)),
        format!("1-1,{},妻子,{},", NAMES[1], nth_id(1)),
        format!("1-2,{},儿子,{},", NAMES[2], nth_id(2)),
        format!("2,{},,{},县财政局会计", NAMES[3], nth_id(3)),
        format!("2-1,{},丈夫,{},", NAMES[4], nth_id(4)),
    ];
    let l = load(&write_csv(tmp.path(), "亲属.csv", &lines), Kind::Register);
    assert_eq!(
        relatives_of(&l),
        [row4(NAMES[0], NAMES[1], "妻子", "县民政局"), row4(NAMES[0], NAMES[2], "儿子", "县民政局"), row4(NAMES[3], NAMES[4], "丈夫", "县财政局")]
    );
    assert!(l.report.sheets[0].problem.is_none(), "{:?}", l.report.sheets[0]);
}

/// The relatives of a register CSV with this header, rows made by `row(i)` for i in 0..4
/// (official NAMES[i], relative NAMES[i + 4]).
fn register_with(dir: &Path, header: &str, row: impl Fn(usize) -> String) -> Loaded {
    let lines: Vec<String> = std::iter::once(header.to_string()).chain((0..4).map(row)).collect();
    load(&write_csv(dir, "登记.csv", &lines), Kind::Register)
}

const TERMS: [&str; 4] = ["妻子", "儿子", "父亲", "丈夫"];

#[test]
fn regression_relation_header_with_an_example_note_left_every_relation_other() {
    // Probe s30: 与本人关系⏎（如：妻子、儿子、父亲）: the colon in the note made the header a
    // form line; every relation `other`, exit 0.
    let tmp = tempfile::tempdir().unwrap();
    let l = register_with(tmp.path(), "序号,干部姓名,所在单位（填写全称）,家庭成员姓名,与本人关系（如：妻子、儿子、父亲）,公民身份号码（18位，末位X大写）", |i| {
        format!("{},{},县民政局,{},{},{}", i + 1, NAMES[i], NAMES[i + 4], TERMS[i], nth_id(i + 4))
    });
    let terms: Vec<String> = relatives_of(&l).into_iter().map(|r| r.2).collect();
    assert_eq!(terms, TERMS);
}

#[test]
fn regression_pinyin_initial_headers_lost_the_relation_and_the_unit() {
    // Probe s30: GBXM | GBSFZH | DWMC | ZW | QSXM | YBRGX | QSSFZH: names and IDs found by their
    // cells, but the unit and the relation unread (relation and relevance `other`, no warning).
    let tmp = tempfile::tempdir().unwrap();
    let l = register_with(tmp.path(), "GBXM,GBSFZH,DWMC,ZW,QSXM,YBRGX,QSSFZH", |i| {
        format!("{},{},县民政局,科员,{},{},{}", NAMES[i], nth_id(i), NAMES[i + 4], TERMS[i], nth_id(i + 4))
    });
    let got = relatives_of(&l);
    let want: Vec<_> = (0..4).map(|i| row4(NAMES[i], NAMES[i + 4], TERMS[i], "县民政局")).collect();
    assert_eq!(got, want);
}

#[test]
fn regression_relation_column_under_words_the_tables_do_not_know_was_not_read_by_its_cells() {
    // Probe s30: a column of 妻子 / 儿子 / 父亲 under a header no table lists: relations `other`.
    let tmp = tempfile::tempdir().unwrap();
    let lines: Vec<String> = std::iter::once("干部姓名,工作单位,亲属姓名,栏目甲,亲属身份证号".to_string())
        .chain((0..6).map(|i| format!("{},县民政局,{},{},{}", NAMES[i % 3], NAMES[i + 3], TERMS[i % 4], nth_id(i + 3))))
        .collect();
    let l = load(&write_csv(tmp.path(), "登记.csv", &lines), Kind::Register);
    let terms: Vec<String> = relatives_of(&l).into_iter().map(|r| r.2).collect();
    assert_eq!(terms, (0..6).map(|i| TERMS[i % 4]).collect::<Vec<_>>());
    let col = l.report.sheets[0].columns.iter().find(|c| c.header == "栏目甲").unwrap();
    assert_eq!((col.role.as_str(), col.decided_by.as_str()), ("relation", "content"));
}

#[test]
fn regression_unnumbered_repeated_relative_groups_read_only_the_first() {
    // Probe s30: 干部姓名 | 身份证号 | 工作单位 | 关系 | 姓名 | 身份证号 | 关系 | 姓名 | 身份证号:
    // only group 1 read, the second relative of each row lost, exit 0.
    let tmp = tempfile::tempdir().unwrap();
    let l = register_with(tmp.path(), "干部姓名,身份证号,工作单位,关系,姓名,身份证号,关系,姓名,身份证号", |i| {
        format!("{},{},县民政局,妻子,{},{},儿子,{},{}", NAMES[i], nth_id(i), NAMES[i + 4], nth_id(i + 4), NAMES[i + 8], nth_id(i + 8))
    });
    let got = relatives_of(&l);
    let want: Vec<_> = (0..4).flat_map(|i| [row4(NAMES[i], NAMES[i + 4], "妻子", "县民政局"), row4(NAMES[i], NAMES[i + 8], "儿子", "县民政局")]).collect();
    assert_eq!(got, want);
}

#[test]
fn regression_register_sheet_named_after_a_township_gave_no_unit() {
    // Probe s30: a county workbook with sheets 民政局, 白沙乡 …: the township's cadres had no
    // unit (relevance `other` where `same_township`).
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("全县科级干部亲属信息.xlsx");
    let mut wb = Workbook::new();
    for (k, sheet) in ["民政局", "白沙乡"].into_iter().enumerate() {
        let ws = wb.add_worksheet().set_name(sheet).unwrap();
        write_rows(ws, &[
            ["干部姓名", "干部身份证号", "称谓", "亲属姓名", "亲属身份证号"].map(String::from).to_vec(),
            vec![NAMES[k].to_string(), nth_id(k), "妻子".into(), NAMES[k + 4].to_string(), nth_id(k + 4)],
        ]);
    }
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    let units: Vec<String> = relatives_of(&l).into_iter().map(|r| r.3).collect();
    assert_eq!(units, ["民政局", "白沙乡人民政府"]);
}

/// A roll of four persons under `lines` (label or title lines above the header).
fn roll_under(dir: &Path, file: &str, lines: &[&str]) -> Loaded {
    let rows: Vec<String> = lines
        .iter()
        .map(|l| l.to_string())
        .chain(std::iter::once("序号,姓名,身份证号码,金额".to_string()))
        .chain((0..4).map(|i| format!("{},{},{},500", i + 1, NAMES[i], nth_id(i))))
        .collect();
    load(&write_csv(dir, file, &rows), Kind::Roll)
}

#[test]
fn regression_roll_unit_written_after_other_label_words_or_as_a_title_was_not_read() {
    // Probe s30: a bank's 代发 list (单位名称：县民政局), 申报单位：/主管部门：, and a title line
    // naming the unit (县民政局临时救助资金发放清单): no approving unit, relevance `other`.
    let tmp = tempfile::tempdir().unwrap();
    for lines in [
        &["单位名称：县民政局", "单位账号：1234567890123"][..],
        &["申报单位：县民政局"],
        &["主管部门：县民政局  单位：元"],
        &["县民政局临时救助资金发放清单（2024年10月）"],
        &["县民政局"],
    ] {
        let l = roll_under(tmp.path(), "代发明细_20241015.csv", lines);
        assert_eq!(l.report.unit.as_deref(), Some("县民政局"), "{lines:?}");
    }
    // 单位：元 names the amounts' unit, not the roll's.
    let l = roll_under(tmp.path(), "代发明细_20241015.csv", &["单位：元"]);
    assert_eq!(l.report.unit, None);
}

#[test]
fn regression_unit_on_a_cover_sheet_was_ignored() {
    // Probe s30: sheet 封面 (申报单位：县民政局 / 所属期：2024年10月), sheet 花名册 with the table:
    // no approving unit.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("2024年10月发放.xlsx");
    let mut wb = Workbook::new();
    write_rows(wb.add_worksheet().set_name("封面").unwrap(), &[vec!["申报单位：县民政局".into()], vec!["所属期：2024年10月".into()]]);
    let mut rows = vec![["序号", "姓名", "身份证号码", "金额"].map(String::from).to_vec()];
    rows.extend((0..3).map(|i| vec![(i + 1).to_string(), NAMES[i].to_string(), nth_id(i), "500".into()]));
    write_rows(wb.add_worksheet().set_name("花名册").unwrap(), &rows);
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Roll);
    assert_eq!(l.report.unit.as_deref(), Some("县民政局"));
    assert_eq!(l.rolls.len(), 3);
}

#[test]
fn regression_signature_table_of_a_web_page_reported_as_a_roll_without_rows() {
    // Probe s30: an HTML roll saved as .xls ends with a table 审核人： | 制表人： | 日期：: read as
    // a header with nothing under it, "表格没有数据行", exit 3.
    let tmp = tempfile::tempdir().unwrap();
    let mut page = String::from("<html><head><meta charset=utf-8></head><body><table><tr><td>县民政局临时救助发放表</td></tr></table><table>");
    page.push_str("<tr><td>户主<br>姓名</td><td>身份证<br>号码</td><td>金额</td></tr>");
    for i in 0..3 {
        page.push_str(&format!("<tr><td>{}</td><td>{}</td><td>500</td></tr>", NAMES[i], nth_id(i)));
    }
    page.push_str("</table><table><tr><td>审核人：</td><td>制表人：</td><td>日期：</td></tr></table></body></html>");
    let p = tmp.path().join("县民政局_临时救助.xls");
    std::fs::write(&p, page).unwrap();
    let l = load(&p, Kind::Roll);
    assert_eq!(l.rolls.len(), 3);
    assert!(l.report.sheets.iter().all(|s| s.problem.is_none()), "{:?}", l.report.sheets);
}

#[test]
fn regression_id_and_bank_card_in_one_cell_left_the_roll_unread() {
    // Probe s30: 身份证号码⏎银行卡号 over cells `4329…⏎6230…`: read as an account column, "no
    // person has an ID", exit 3, nothing matched.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县民政局_补贴.xlsx");
    let mut wb = Workbook::new();
    let mut rows = vec![["序号", "姓名", "身份证号码\n银行卡号", "金额"].map(String::from).to_vec()];
    rows.extend((0..3).map(|i| vec![(i + 1).to_string(), NAMES[i].to_string(), format!("{}\n623058123456789{i:04}", nth_id(i)), "500".into()]));
    write_rows(wb.add_worksheet(), &rows);
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Roll);
    let ids: Vec<String> = l.rolls.iter().map(|r| r.slots[0].norm.value.to_string()).collect();
    assert_eq!(ids, (0..3).map(nth_id).collect::<Vec<_>>());
}

#[test]
fn regression_appointment_form_whose_post_is_a_clerk_took_the_post_for_a_header() {
    // Probe s32: a 干部任免审批表 whose 现任职务 cell reads 县民政局科员 (merged over B:G): the cell
    // was read as a header of persons (…员), the family block below lost, exit 0.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("干部任免审批表.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name(NAMES[0]).unwrap();
    let s = |x: &str| x.to_string();
    write_rows(ws, &[
        vec![s("干部任免审批表")],
        vec![s("姓名"), s(NAMES[0]), s("性别"), s("男"), s("出生年月\n（岁）"), s("1975.01")],
        vec![s("现任职务"), s("县民政局科员")],
        vec![s("简历"), s("1996.07--  县民政局工作")],
        vec![s("家庭主要成员及重要社会关系"), s("称谓"), s("姓名"), s("出生年月"), s("政治面貌"), s("工作单位及职务")],
        vec![s(""), s("妻子"), s(NAMES[1]), s("1976.05"), s("群众"), s("白沙乡石桥村村民")],
        vec![s(""), s("儿子"), s(NAMES[2]), s("2001.03"), s("群众"), s("在读")],
    ]);
    ws.merge_range(2, 1, 2, 6, "县民政局科员", &Format::new()).unwrap();
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    let got: Vec<(String, String, String)> = relatives_of(&l).into_iter().map(|r| (r.0, r.1, r.2)).collect();
    assert_eq!(got, [(NAMES[0], NAMES[1], "妻子"), (NAMES[0], NAMES[2], "儿子")].map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())));
}

#[test]
fn regression_groups_headed_with_qing_kuang_and_two_persons_per_group_lost_all_but_the_first() {
    // Probe s32: 配偶情况 | 子女情况 | 父母情况 over 姓名 | 身份证号码 (twice under 父母情况):
    // 配偶情况 was no group (relation `other`) and the second parent was lost, exit 0.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("亲属.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let s = |x: &str| x.to_string();
    write_rows(ws, &[
        vec![s("干部姓名"), s("工作单位"), s("配偶情况"), s(""), s("父母情况"), s(""), s(""), s("")],
        vec![s(""), s(""), s("姓名"), s("身份证号码"), s("姓名"), s("身份证号码"), s("姓名"), s("身份证号码")],
        vec![s(NAMES[0]), s("县民政局"), s(NAMES[1]), nth_id(1), s(NAMES[2]), nth_id(2), s(NAMES[3]), nth_id(3)],
    ]);
    ws.merge_range(0, 0, 1, 0, "干部姓名", &Format::new()).unwrap();
    ws.merge_range(0, 1, 1, 1, "工作单位", &Format::new()).unwrap();
    ws.merge_range(0, 2, 0, 3, "配偶情况", &Format::new()).unwrap();
    ws.merge_range(0, 4, 0, 7, "父母情况", &Format::new()).unwrap();
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    let got: Vec<(String, String)> = relatives_of(&l).into_iter().map(|r| (r.1, r.2)).collect();
    assert_eq!(got, [(NAMES[1], "配偶"), (NAMES[2], "父母"), (NAMES[3], "父母")].map(|(a, b)| (a.to_string(), b.to_string())));
}

#[test]
fn regression_one_relative_in_two_registers_gave_two_hits_for_one_payment() {
    // Probe s32: the unit's register and the organisation department's summary both list the
    // official and his wife: two hits (…-2) for one row of the roll.
    let tmp = tempfile::tempdir().unwrap();
    let kin = one_wife_register(tmp.path());
    write_csv(&kin, "组织部汇总.csv", &["干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号".to_string(), format!("{},{},县民政局,{},妻子,{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1))]);
    let rolls = tmp.path().join("rolls");
    std::fs::create_dir(&rolls).unwrap();
    write_csv(&rolls, "县民政局_临时救助.csv", &["姓名,身份证号,金额".to_string(), format!("{},{},500", NAMES[1], nth_id(1))]);
    let out = run_batch(tmp.path(), kin, rolls);
    assert_eq!(out.hits.len(), 1, "{:?}", out.hits.iter().map(|h| &h.kin_file).collect::<Vec<_>>());
}

#[test]
fn regression_amounts_headed_zi_jin_unread_and_the_loan_taken_for_the_subsidy() {
    // Probe s32: 补助资金（万元） was no amount column (amount empty); a 小额信贷贴息 roll with
    // 贷款金额（万元） before 贴息金额（元） gave the loan (50000) as the amount paid.
    let tmp = tempfile::tempdir().unwrap();
    let rows = [format!("{},{},2.5", NAMES[0], nth_id(0))];
    let lines: Vec<String> = std::iter::once("户主姓名,身份证号码,补助资金（万元）".to_string()).chain(rows).collect();
    let l = load(&write_csv(tmp.path(), "县住建局_危房改造.csv", &lines), Kind::Roll);
    assert_eq!(l.rolls[0].amount, Some(25000.0));
    let lines = ["借款人,借款人身份证号,贷款金额（万元）,贴息金额（元）".to_string(), format!("{},{},5,1150", NAMES[0], nth_id(0))];
    let l = load(&write_csv(tmp.path(), "县乡村振兴局_小额信贷贴息.csv", &lines), Kind::Roll);
    assert_eq!(l.rolls[0].amount, Some(1150.0));
}

#[test]
fn regression_excel_serial_date_in_a_csv_kept_as_a_number() {
    // Probe s32: 发放日期 45580 in a CSV export: hits.csv's date was 45580, not 2024-10-15.
    let tmp = tempfile::tempdir().unwrap();
    let lines = ["姓名,身份证号码,救助金额,发放日期".to_string(), format!("{},{},800,45580", NAMES[0], nth_id(0))];
    let l = load(&write_csv(tmp.path(), "县民政局_临时救助.csv", &lines), Kind::Roll);
    assert_eq!(l.rolls[0].date.as_str(), "2024-10-15");
}

#[test]
fn regression_workbook_without_its_extension_or_a_dbf_table_skipped_quietly() {
    // Probe s32: an .xlsx downloaded as exportExcel.do was "not a table file" (skipped, exit 0);
    // a dBase .dbf roll was skipped quietly too.
    let tmp = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    write_rows(wb.add_worksheet(), &[vec!["姓名".into(), "身份证号码".into()], vec![NAMES[0].into(), nth_id(0)]]);
    wb.save(tmp.path().join("exportExcel.do")).unwrap();
    std::fs::write(tmp.path().join("特困供养.dbf"), [3u8, 124, 10, 15, 0, 0, 0, 0]).unwrap();
    let d = load::discover(&[tmp.path().to_path_buf()]);
    assert_eq!(d.files.iter().map(|f| f.rel.as_str()).collect::<Vec<_>>(), ["exportExcel.do"]);
    assert!(d.skipped.iter().any(|s| s.file == "特困供养.dbf" && load::skipped_may_hold_data(s)), "{:?}", d.skipped);
}

#[test]
fn regression_whole_family_written_in_one_text_cell_gave_no_relative() {
    // Probe s29: one official a row, his family in one free-text cell 家庭主要成员情况 written three
    // ways: every row "no relative" (exit 3).
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "序号,姓名,身份证号码,工作单位,家庭主要成员情况".to_string(),
        format!("1,{},{},县民政局,妻子：{}，身份证号：{}；儿子：{}，身份证号：{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1), NAMES[2], nth_id(2)),
        format!("2,{},{},县财政局,父亲{}（{}）、母亲{}（已故）", NAMES[3], nth_id(3), NAMES[4], nth_id(4), NAMES[5]),
        format!("3,{},{},县教育局,丈夫 {} {}", NAMES[6], nth_id(6), NAMES[7], nth_id(7)),
    ];
    let l = load(&write_csv(tmp.path(), "干部家庭主要成员.csv", &lines), Kind::Register);
    let got: Vec<(String, String, String)> = relatives_of(&l).into_iter().map(|r| (r.0, r.1, r.2)).collect();
    let want = [(0, 1, "妻子"), (0, 2, "儿子"), (3, 4, "父亲"), (3, 5, "母亲"), (6, 7, "丈夫")].map(|(c, r, t)| (NAMES[c].to_string(), NAMES[r].to_string(), t.to_string()));
    assert_eq!(got, want);
    let ids: Vec<String> = l.kin.iter().map(|k| k.relative_id.normalize().key.map(|k| k.to_string()).unwrap_or_default()).collect();
    assert_eq!(ids, [nth_id(1), nth_id(2), nth_id(4), String::new(), nth_id(7)]);
}

#[test]
fn regression_id_typed_over_three_columns_left_the_roll_without_ids() {
    // Probe s29: 身份证号码 merged over 前6位 | 中间8位 | 后4位: an account column by its cells, no
    // person with an ID (exit 3).
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("县农业农村局_耕地地力保护补贴.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let s = |x: &str| x.to_string();
    let mut rows = vec![vec![s("序号"), s("姓名"), s("身份证号码"), s(""), s(""), s("补贴金额（元）")], vec![s(""), s(""), s("前6位"), s("中间8位"), s("后4位"), s("")]];
    rows.extend((0..3).map(|i| {
        let id = nth_id(i);
        vec![(i + 1).to_string(), NAMES[i].to_string(), id[..6].to_string(), id[6..14].to_string(), id[14..].to_string(), s("320")]
    }));
    write_rows(ws, &rows);
    ws.merge_range(0, 2, 0, 4, "身份证号码", &Format::new()).unwrap();
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Roll);
    let ids: Vec<String> = l.rolls.iter().map(|r| r.slots[0].norm.value.to_string()).collect();
    assert_eq!(ids, (0..3).map(nth_id).collect::<Vec<_>>());
}

#[test]
fn regression_is_self_flag_column_read_as_the_officials_name() {
    // Probe s33: 序号 | 工作单位 | 姓名 | 称谓 | 身份证号码 | 是否本人 (是 / 否): 是否本人 was the
    // official's name column, every hit's official "否".
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "序号,工作单位,姓名,称谓,身份证号码,是否本人".to_string(),
        format!("1,县民政局,{},本人,{},是", NAMES[0], nth_id(0)),
        format!("2,县民政局,{},妻子,{},否", NAMES[1], nth_id(1)),
    ];
    let l = load(&write_csv(tmp.path(), "县民政局亲属.csv", &lines), Kind::Register);
    assert_eq!(relatives_of(&l), [row4(NAMES[0], NAMES[1], "妻子", "县民政局")]);
}

#[test]
fn regression_officials_row_called_hu_zhu_left_every_relative_untied() {
    // Probe s33: the official's own row has 称谓 户主 (no row says 本人): "8 rows not tied", 0 hits.
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "序号,工作单位,职务,姓名,称谓,身份证号码".to_string(),
        format!("1,县民政局,科员,{},户主,{}", NAMES[0], nth_id(0)),
        format!("2,,,{},妻子,{}", NAMES[1], nth_id(1)),
        format!("3,县财政局,会计,{},户主,{}", NAMES[2], nth_id(2)),
        format!("4,,,{},丈夫,{}", NAMES[3], nth_id(3)),
    ];
    let l = load(&write_csv(tmp.path(), "亲属.csv", &lines), Kind::Register);
    let got: Vec<(String, String)> = relatives_of(&l).into_iter().map(|r| (r.0, r.1)).collect();
    assert_eq!(got, [(NAMES[0], NAMES[1]), (NAMES[2], NAMES[3])].map(|(a, b)| (a.to_string(), b.to_string())));
}

#[test]
fn regression_block_going_on_past_a_page_break_lost_its_official() {
    // Probe s33: a printed register repeating its title and header after 第 1 页 共 3 页; the
    // official written once on his block's first row, his son on the next page: not tied, exit 0.
    let tmp = tempfile::tempdir().unwrap();
    let lines = vec![
        "序号,干部姓名,干部身份证号,工作单位,称谓,亲属姓名,亲属身份证号".to_string(),
        format!("1,{},{},县民政局,妻子,{},{}", NAMES[0], nth_id(0), NAMES[1], nth_id(1)),
        "第 1 页 共 2 页,,,,,,".to_string(),
        "县直单位干部亲属信息登记表,,,,,,".to_string(),
        "序号,干部姓名,干部身份证号,工作单位,称谓,亲属姓名,亲属身份证号".to_string(),
        format!(",,,,儿子,{},{}", NAMES[2], nth_id(2)),
    ];
    let l = load(&write_csv(tmp.path(), "亲属.csv", &lines), Kind::Register);
    let got: Vec<(String, String)> = relatives_of(&l).into_iter().map(|r| (r.0, r.1)).collect();
    assert_eq!(got, [(NAMES[0], NAMES[1]), (NAMES[0], NAMES[2])].map(|(a, b)| (a.to_string(), b.to_string())));
}

#[test]
fn regression_relations_in_brackets_in_a_members_cell_read_as_other() {
    // Probe s33: 家庭成员姓名（关系） over `李芳（妻子）、赵一鸣（儿子）`, their IDs one a line in the
    // next column: names and IDs right, every relation `other`.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("亲属.xlsx");
    let mut wb = Workbook::new();
    write_rows(wb.add_worksheet(), &[
        ["姓名", "身份证号码", "工作单位", "家庭成员姓名（关系）", "家庭成员身份证号码"].map(String::from).to_vec(),
        vec![NAMES[0].into(), nth_id(0), "县民政局".into(), format!("{}（妻子）、{}（儿子）", NAMES[1], NAMES[2]), format!("{}\n{}", nth_id(1), nth_id(2))],
    ]);
    wb.save(&p).unwrap();
    let l = load(&p, Kind::Register);
    assert_eq!(relatives_of(&l), [row4(NAMES[0], NAMES[1], "妻子", "县民政局"), row4(NAMES[0], NAMES[2], "儿子", "县民政局")]);
}

#[test]
fn regression_salary_sheet_masked_id_column_and_post_subsidy_misread() {
    // Probe s33: a 工资发放表 (岗位工资 | 薪级工资 | 应发合计 | 实发合计 …) read as a benefit roll
    // (the official and his wife confirmed on it); 亲属身份证号（脱敏） before 亲属身份证号 made every
    // relative `id_masked` (probable); 岗位补贴（元） was no amount.
    let tmp = tempfile::tempdir().unwrap();
    let lines = ["序号,姓名,身份证号,岗位工资,薪级工资,应发合计,住房公积金,实发合计".to_string(), format!("1,{},{},3000,800,3800,300,3500", NAMES[0], nth_id(0))];
    let l = load(&write_csv(tmp.path(), "县民政局_2024年10月工资发放表.csv", &lines), Kind::Roll);
    assert!(l.report.sheets[0].other_input.is_some(), "{:?}", l.report.sheets[0]);
    let masked = format!("{}********{}", &nth_id(1)[..6], &nth_id(1)[14..]);
    let lines = ["干部姓名,工作单位,亲属姓名,称谓,亲属身份证号（脱敏）,亲属身份证号".to_string(), format!("{},县民政局,{},妻子,{masked},{}", NAMES[0], NAMES[1], nth_id(1))];
    let l = load(&write_csv(tmp.path(), "亲属.csv", &lines), Kind::Register);
    assert_eq!(l.kin[0].relative_id.normalize().key.as_deref(), Some(nth_id(1).as_str()));
    let lines = ["姓名,身份证号码,用人单位,岗位补贴（元）,社保补贴（元）".to_string(), format!("{},{},白沙乡人民政府,1200,600", NAMES[0], nth_id(0))];
    let l = load(&write_csv(tmp.path(), "县人社局_公益性岗位.csv", &lines), Kind::Roll);
    assert_eq!(l.rolls[0].amount, Some(1200.0));
}

#[test]
fn regression_merged_bureau_in_a_file_name_lost_its_old_name() {
    // Probe s33: 县农业农村局（乡村振兴局）_雨露计划.csv: unit 县农业农村局, program the unit's name.
    let tmp = tempfile::tempdir().unwrap();
    let lines = ["姓名,身份证号码,补助金额".to_string(), format!("{},{},1500", NAMES[0], nth_id(0))];
    let l = load(&write_csv(tmp.path(), "县农业农村局（乡村振兴局）_雨露计划.csv", &lines), Kind::Roll);
    assert_eq!((l.report.unit.as_deref(), l.report.program.as_deref()), (Some("县农业农村局（乡村振兴局）"), Some("雨露计划")));
}
