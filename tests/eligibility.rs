//! 虚报冒领 end to end (issue 13): a small county's rolls against deaths, the
//! payroll, vehicles and the enterprise registry, and against each other,
//! through `kinmatch run`; each family's CSV names both source rows.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn id(body17: &str) -> String {
    format!("{body17}{}", kinmatch::normalize::id::check_char(body17).unwrap())
}

fn write(dir: &Path, name: &str, lines: &[String]) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), lines.join("\n") + "\n").unwrap();
}

/// `kinmatch` run in the folder `w`.
fn km_in(w: &Path) -> Command {
    let mut c = Command::cargo_bin("kinmatch").unwrap();
    c.current_dir(w);
    c
}

fn rows(path: &Path) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_path(path).unwrap();
    r.records().map(|x| x.unwrap()).collect()
}

/// The small county of these tests, written into `w`.
fn county(w: &Path) {
    let (dead, dead_later, staff, temp, car, moto, boss, twice) = (
        id("51990119400101123"),
        id("51990119410101123"),
        id("51990119700101123"),
        id("51990119710101123"),
        id("51990119720101123"),
        id("51990119730101123"),
        id("51990119740101123"),
        id("51990119750101123"),
    );
    let cadre = id("51990119800101123");
    write(&w.join("kin"), "县民政局_亲属.csv", &["干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号".into(), format!("钱进,{cadre},县民政局,孙丽,妻子,{}", id("51990119820101123"))]);
    let rolls = w.join("rolls");
    write(
        &rolls,
        "民政局_农村低保_2024年10月.csv",
        &[
            "序号,乡镇,村,户主姓名,户主身份证号,金额".into(),
            format!("1,青石镇,大坪村,赵一,{dead},380"),
            format!("2,青石镇,大坪村,赵二,{dead_later},380"),
            format!("3,青石镇,大坪村,钱三,{staff},380"),
            format!("4,青石镇,石门村,孙四,{temp},380"),
            format!("5,青石镇,石门村,李五,{car},380"),
            format!("6,青石镇,石门村,周六,{moto},380"),
            format!("7,青石镇,石门村,吴七,{boss},380"),
            format!("8,青石镇,石门村,郑八,{twice},380"),
            format!("9,青石镇,石门村,钱进,{cadre},380"),
        ],
    );
    write(&rolls, "民政局_特困供养.csv", &["姓名,身份证号,发放月份,金额".into(), format!("郑八,{twice},2024-10,1200"), format!("钱三,{staff},2024-09,1200")]);
    write(&rolls, "农业农村局_耕地地力保护补贴.csv", &["乡镇,村,户主姓名,身份证号,补贴金额".into(), format!("青石镇,大坪村,钱三,{staff},300")]);
    write(
        &w.join("deaths"),
        "火化登记.csv",
        &["死者姓名,死者身份证号码,死亡时间,火化时间".into(), format!("赵一,{dead},2024年8月3日,2024年8月5日"), format!("赵二,{dead_later},2024年10月20日,")],
    );
    write(&w.join("payroll"), "财政供养.csv", &["单位名称,姓名,身份证号码,岗位,编制类型".into(), format!("县水利局,钱三,{staff},职员,事业编制"), format!("县城管局,孙四,{temp},协管员,编外聘用")]);
    write(
        &w.join("vehicles"),
        "机动车.csv",
        &["号牌号码,号牌种类,机动车所有人,身份证明号码,初次登记日期,机动车状态".into(), format!("湘U12345,小型汽车,李五,{car},2019-05-01,正常"), format!("湘U54321,普通摩托车,周六,{moto},2019-05-01,正常")],
    );
    write(&w.join("registry"), "企业.csv", &["统一社会信用代码,企业名称,法定代表人,法定代表人身份证号,登记状态".into(), format!("91432900MA4000001X,云溪县吴七商贸有限公司,吴七,{boss},存续")]);
}

#[test]
fn each_rule_family_finds_its_people_and_leaves_the_traps() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    county(w);
    let out = w.join("out");
    Command::cargo_bin("kinmatch")
        .unwrap()
        .current_dir(w)
        .args(["run", "--kin", "kin", "--rolls", "rolls", "--out", "out", "--run-date", "2024-11-05"])
        .args(["--deaths", "deaths", "--payroll", "payroll", "--vehicles", "vehicles", "--registry", "registry", "--business-owners", "--double-claims"])
        .assert()
        .success()
        .stderr(predicate::str::contains("死亡人员仍在册：1 条"));
    let names = |file: &str| -> Vec<(String, String)> { rows(&out.join(file)).iter().map(|r| (r[0].to_string(), r[3].to_string())).collect() };
    assert_eq!(names("eligibility_deaths.csv"), [("paid_after_death".into(), "赵一".into())], "died after the period start: not a finding");
    let d = &rows(&out.join("eligibility_deaths.csv"))[0];
    assert_eq!((&d[10], &d[12]), ("民政局_农村低保_2024年10月.csv", "2"));
    assert_eq!((&d[21], &d[23]), ("火化登记.csv", "2"));
    let pay = names("eligibility_payroll.csv");
    // 钱三 on 低保 and on 特困 (both means-tested), the register's cadre on 低保; not 编外 孙四,
    // not 钱三's farmland subsidy.
    let p = |n: &str| ("public_employee_means_tested".to_string(), n.to_string());
    assert_eq!(pay, [p("钱三"), p("钱进"), p("钱三")]);
    assert_eq!(&rows(&out.join("eligibility_payroll.csv"))[2][10], "民政局_特困供养.csv");
    assert_eq!(names("eligibility_vehicles.csv"), [("vehicle_owner_means_tested".into(), "李五".into())], "a motorcycle is exempt");
    assert_eq!(names("eligibility_business.csv"), [("business_owner_means_tested".into(), "吴七".into())]);
    let dc = rows(&out.join("eligibility_double_claims.csv"));
    assert_eq!(dc.len(), 1, "钱三's 特困 row is of another period");
    assert_eq!((&dc[0][0], &dc[0][3], &dc[0][16]), ("double_claim_exclusive", "郑八", "民政局_特困供养.csv"));
    // summary.xlsx counts them per paying unit and rule.
    let mut sm: calamine::Xlsx<_> = calamine::open_workbook(out.join("summary.xlsx")).unwrap();
    let el = calamine::Reader::worksheet_range(&mut sm, "虚报冒领").unwrap();
    let total = el.rows().find(|r| r[0].to_string() == "合计").map(|r| r[2].to_string()).unwrap();
    let n: usize = ["deaths", "payroll", "vehicles", "business", "double_claims"].iter().map(|f| rows(&out.join(format!("eligibility_{f}.csv"))).len()).sum();
    assert_eq!(total, n.to_string());
    // One review workbook per paying unit, each finding once with its id.
    let mut ids_in_books = Vec::new();
    for e in std::fs::read_dir(out.join("eligibility")).unwrap() {
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook(e.unwrap().path()).unwrap();
        let r = calamine::Reader::worksheet_range(&mut wb, "核查清单").unwrap();
        ids_in_books.extend(r.rows().skip(1).map(|x| x[15].to_string()));
    }
    ids_in_books.sort();
    let mut ids_in_csv: Vec<String> = ["deaths", "payroll", "vehicles", "business", "double_claims"]
        .iter()
        .flat_map(|f| rows(&out.join(format!("eligibility_{f}.csv"))).into_iter().map(|r| r[24].to_string()))
        .collect();
    ids_in_csv.sort();
    assert_eq!(ids_in_books, ids_in_csv);
    // The manifest names every input of these rules.
    let m: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    for side in ["deaths", "payroll", "vehicles"] {
        assert_eq!(m["inputs"][side].as_array().map(|a| a.len()), Some(1), "{side}");
    }
}

#[test]
fn check_before_payment_runs_the_exclusion_rules_kept_in_the_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    county(w);
    let km = || km_in(w);
    km().args(["index", "--kin", "kin", "--deaths", "deaths", "--payroll", "payroll", "--vehicles", "vehicles", "-o", "reg.kmx"]).assert().success();
    km().args(["check", "rolls/民政局_农村低保_2024年10月.csv", "--index", "reg.kmx", "--out", "chk"])
        .assert()
        .code(10)
        .stdout(predicate::str::contains("死亡后仍在发放\t赵一").and(predicate::str::contains("名下有机动车仍享受低保、特困\t李五")))
        .stdout(predicate::str::contains("赵二").not().and(predicate::str::contains("周六").not()));
    let f = rows(&w.join("chk/eligibility_findings.csv"));
    let rules: Vec<&str> = f.iter().map(|r| r.get(0).unwrap_or("")).collect();
    assert!(rules.contains(&"paid_after_death") && rules.contains(&"public_employee_means_tested") && rules.contains(&"vehicle_owner_means_tested"), "{rules:?}");
    // Without the exclusion registers in the snapshot, the same roll is clean but for the cadre on it.
    km().args(["index", "--kin", "kin", "-o", "plain.kmx"]).assert().success();
    km().args(["check", "rolls/民政局_农村低保_2024年10月.csv", "--index", "plain.kmx"]).assert().code(10).stdout(predicate::str::contains("死亡后仍在发放").not());
}

/// A unit fills its 虚报冒领 workbook; the ledger keeps the decision, the next
/// run prefills it, and a run without those registers does not mark the leads
/// as no longer found.
#[test]
fn eligibility_findings_are_ledger_leads_with_their_decisions() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    county(w);
    let km = || km_in(w);
    let run = |out: &str, extra: &[&str]| {
        let mut c = km();
        c.args(["run", "--kin", "kin", "--rolls", "rolls", "--out", out, "--run-date", "2024-11-05", "--ledger", "kinmatch.db"]).args(extra);
        c.assert()
    };
    let all = ["--deaths", "deaths", "--payroll", "payroll", "--vehicles", "vehicles", "--double-claims"];
    run("m1", &all).success();
    let book = w.join("m1/eligibility/民政局.xlsx");
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let rows: Vec<Vec<String>> = wb
        .worksheet_range("核查清单")
        .unwrap()
        .rows()
        .map(|r| r.iter().map(|d| if let Data::String(s) = d { s.clone() } else { d.to_string() }).collect())
        .collect();
    drop(wb);
    let mut out = rust_xlsxwriter::Workbook::new();
    let ws = out.add_worksheet();
    ws.set_name("核查清单").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let v = if r == 1 && c == 10 { "属实（不应享受）".to_string() } else if r == 1 && c == 11 { "停发".into() } else { v.clone() };
            ws.write_string(r as u32, c as u16, &v).unwrap();
        }
    }
    out.save(&book).unwrap();
    let decided = rows[1][15].clone();
    // The filled workbook is not overwritten.
    run("m1", &all).code(1);
    km().args(["review", "import"]).arg(&book).args(["-o", "d.csv", "--ledger", "kinmatch.db"]).assert().stdout(predicate::str::contains("写入结论 1 条"));
    let l = kinmatch::ledger::Ledger::open(&w.join("kinmatch.db")).unwrap();
    let lead = l.leads("2099-01-01").unwrap().into_iter().find(|x| x.hit.hit_id == decided).expect("a lead");
    assert_eq!(lead.status, kinmatch::ledger::LeadStatus::Handled);
    drop(l);
    // Prefilled on the next run; a run without the exclusion registers leaves the leads found.
    run("m1", &all).success();
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let r = wb.worksheet_range("核查清单").unwrap();
    let row = r.rows().find(|x| x[15].to_string() == decided).unwrap();
    assert_eq!(row[10].to_string(), "属实（不应享受）");
    run("m2", &[]).success();
    let l = kinmatch::ledger::Ledger::open(&w.join("kinmatch.db")).unwrap();
    assert!(l.leads("2099-01-01").unwrap().iter().filter(|x| x.hit.match_kind.code() == "paid_after_death").all(|x| x.found));
}

/// Issue 13 (inputs detected in a folder) and issue 12 (a file's kind set in
/// kinmatch.toml): the death list, the vehicle register and the enterprise
/// registry put among the rolls are recognised by their columns and used as
/// `--deaths`, `--vehicles` and `--registry` would be; a payroll whose columns
/// say nothing of 编制 is given its kind in the config. The findings are those
/// of the run that gave each with its option, and no register's person is
/// matched as a beneficiary.
#[test]
fn exclusion_registers_among_the_rolls_are_used_as_such() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    county(w);
    // The payroll, written without 编制类型 (a roll would have the same columns).
    write(
        &w.join("payroll"),
        "财政供养.csv",
        &["单位名称,姓名,身份证号码,岗位,人员类别".into(), format!("县水利局,钱三,{},职员,事业编制", id("51990119700101123")), format!("县城管局,孙四,{},协管员,编外聘用", id("51990119710101123"))],
    );
    let given = ["--deaths", "deaths", "--payroll", "payroll", "--vehicles", "vehicles", "--registry", "registry", "--business-owners"];
    km_in(w).args(["run", "--kin", "kin", "--rolls", "rolls", "--out", "given", "--run-date", "2024-11-05"]).args(given).assert().success();
    // The same files, all in one folder with the rolls.
    let mixed = w.join("mixed");
    std::fs::create_dir_all(&mixed).unwrap();
    for (dir, f) in [("deaths", "火化登记.csv"), ("vehicles", "机动车.csv"), ("registry", "企业.csv"), ("payroll", "财政供养.csv")] {
        std::fs::copy(w.join(dir).join(f), mixed.join(f)).unwrap();
    }
    for e in std::fs::read_dir(w.join("rolls")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), mixed.join(e.file_name())).unwrap();
    }
    std::fs::write(w.join("kinmatch.toml"), "[[file]]\npattern = \"财政供养*\"\nkind = \"payroll\"\n").unwrap();
    km_in(w)
        .args(["run", "--kin", "kin", "--rolls", "mixed", "--out", "found", "--run-date", "2024-11-05", "--business-owners", "--config", "kinmatch.toml"])
        .assert()
        .success()
        .stderr(predicate::str::contains("火化登记.csv：按其列识别为死亡、火化或户口注销名单，已作为 --deaths 使用"))
        .stderr(predicate::str::contains("财政供养.csv：按 kinmatch.toml 的设定为财政供养人员花名册"));
    for f in ["hits.csv", "eligibility_deaths.csv", "eligibility_payroll.csv", "eligibility_vehicles.csv", "eligibility_business.csv", "enterprise_findings.csv"] {
        let (a, b) = (rows(&w.join("given").join(f)), rows(&w.join("found").join(f)));
        assert_eq!(a, b, "{f}");
        if f != "hits.csv" && f != "enterprise_findings.csv" {
            assert!(!a.is_empty(), "{f} has findings");
        }
    }
    let m: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(w.join("found/manifest.json")).unwrap()).unwrap();
    let rolls: Vec<&str> = m["inputs"]["rolls"].as_array().unwrap().iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert_eq!(rolls.len(), 3, "only the rolls are rolls: {rolls:?}");
    let routed: Vec<(&str, &str)> = m["inputs"]["routed"].as_array().unwrap().iter().map(|r| (r["file"].as_str().unwrap(), r["by"].as_str().unwrap())).collect();
    assert_eq!(routed, [("企业.csv", "columns"), ("机动车.csv", "columns"), ("火化登记.csv", "columns"), ("财政供养.csv", "config")]);
    // The auditor's re-run finds the same.
    km_in(w).args(["verify", "found"]).assert().success();
    // inspect says what run will do with each.
    km_in(w).args(["inspect", "mixed"]).assert().stdout(predicate::str::contains("机动车.csv：按其列识别为机动车登记，已作为 --vehicles 使用"));
}

/// Exclusion registers in layouts written after the reader (other offices'
/// exports), among the rolls with no option naming them: each is recognised
/// (by its columns, or by its file name where the columns say nothing) and its
/// people found on the 低保 roll of 2024年10月; the traps (a death after the
/// period, a 编外 worker) are not findings.
#[test]
fn exclusion_registers_in_unseen_layouts_are_recognised_among_the_rolls() {
    let people = [("王秀英", id("43292119480312104")), ("李建国", id("43292119550607201")), ("张桂兰", id("43292119610923302"))];
    let each = |f: &dyn Fn(usize, &str, &str) -> String| -> Vec<String> { people.iter().enumerate().map(|(k, (n, i))| f(k, n, i)).collect() };
    type Case = (&'static str, &'static str, Vec<String>, &'static str, usize);
    let cases: Vec<Case> = vec![
        ("户口注销.csv", "姓名,公民身份号码,注销类别,注销时间,户籍地址", each(&|k, n, i| format!("{n},{i},死亡,2024-07-0{},白沙乡石桥村", k + 1)), "deaths", 3),
        ("去世名单.csv", "姓名,身份证,去世时间,所在村", each(&|k, n, i| format!("{n},{i},2024.9.{},石桥村", k + 1)), "deaths", 3),
        ("逝者.csv", "逝者姓名,逝者身份证号,性别,火化日期", each(&|_, n, i| format!("{n},{i},女,2024年6月10日")), "deaths", 3),
        ("后来.csv", "姓名,身份证号,死亡日期", each(&|k, n, i| format!("{n},{i},2024-10-2{k}")), "deaths", 0),
        ("工资统发.csv", "单位,姓名,身份证号码,职务,身份", each(&|_, n, i| format!("县水利局,{n},{i},科员,公务员")), "payroll", 3),
        ("人员信息.csv", "预算单位名称,人员姓名,证件号码,岗位类别,人员性质", each(&|_, n, i| format!("白沙乡人民政府,{n},{i},管理岗,在编")), "payroll", 3),
        ("财政供养_编外.csv", "单位,姓名,身份证号,人员类别", each(&|_, n, i| format!("县城管局,{n},{i},编外聘用")), "payroll", 0),
        ("车辆.csv", "车牌号,车辆类型,车主姓名,车主身份证号,注册日期,车辆状态", each(&|k, n, i| format!("湘U1234{k},小型轿车,{n},{i},2020-01-01,正常")), "vehicles", 3),
    ];
    for (file, header, lines, family, want) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let w = tmp.path();
        let cadre = id("43292119800101123");
        write(&w.join("kin"), "k.csv", &["干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号".into(), format!("赵敏,{cadre},县民政局,孙涛,姐姐,{}", id("43292119820101123"))]);
        let mut roll = vec!["序号,乡镇,村,户主姓名,身份证号码,保障金额".to_string()];
        roll.extend(people.iter().enumerate().map(|(k, (n, i))| format!("{},白沙乡,石桥村,{n},{i},420", k + 1)));
        write(&w.join("rolls"), "民政局_农村低保_2024年10月.csv", &roll);
        let mut all = vec![header.to_string()];
        all.extend(lines);
        write(&w.join("rolls"), file, &all);
        km_in(w).args(["run", "--kin", "kin", "--rolls", "rolls", "--out", "out", "--run-date", "2024-11-05", "--no-workbooks"]).assert().success();
        let m: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(w.join("out/manifest.json")).unwrap()).unwrap();
        assert_eq!(m["inputs"]["routed"][0]["input"].as_str(), Some(family), "{file}: {}", m["inputs"]["routed"]);
        let found = rows(&w.join(format!("out/eligibility_{family}.csv")));
        assert_eq!(found.len(), want, "{file}");
        assert!(rows(&w.join("out/hits.csv")).is_empty(), "{file}: no register's person is a beneficiary");
    }
}

/// `check` given a death list instead of a roll compared nothing and exited 0
/// (the sheet is a death list by its columns, so its rows are no roll's).
#[test]
fn regression_check_on_a_death_list_compared_nothing_and_exited_0() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    county(w);
    km_in(w).args(["index", "--kin", "kin", "-o", "reg.kmx"]).assert().success();
    km_in(w)
        .args(["check", "deaths/火化登记.csv", "--index", "reg.kmx"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("不是花名册，未比对"));
}

fn read_deaths(dir: &Path, lines: &[String]) -> (Vec<kinmatch::compare::eligibility::Death>, Vec<kinmatch::model::InputReport>) {
    write(dir, "deaths.csv", lines);
    kinmatch::compare::eligibility::read_deaths(&[kinmatch::load::InputFile { path: dir.join("deaths.csv"), rel: "deaths.csv".into() }])
}

#[test]
fn regression_deregistration_for_moving_away_was_taken_for_a_death() {
    // Probe s28: a 户籍注销 export with 注销原因 死亡 / 迁出: the one who moved away was
    // reported as paid after death (注销原因 was not read).
    let tmp = tempfile::tempdir().unwrap();
    let (ds, reports) = read_deaths(
        tmp.path(),
        &[
            "姓名,公民身份号码,注销原因,注销日期".to_string(),
            format!("王秀英,{},死亡,2024-07-01", id("43292119480312104")),
            format!("李建国,{},迁出,2024-07-27", id("43292119550607201")),
        ],
    );
    assert_eq!(ds.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["王秀英"]);
    assert_eq!(reports[0].sheets[0].unusable.get("not_death"), Some(&1));
}

#[test]
fn regression_death_list_dated_to_the_month_gave_nothing_with_exit_0() {
    // Probe s28: 死亡年月 2024.06 / 2024年7月: every row "no date", no finding, no problem, exit 0.
    // A month is a death in that month; a list of rows none of which is usable is a problem.
    let tmp = tempfile::tempdir().unwrap();
    let (ds, _) = read_deaths(
        tmp.path(),
        &[
            "村,姓名,身份证号,死亡年月".to_string(),
            format!("石桥村,王秀英,{},2024.06", id("43292119480312104")),
            format!("石桥村,李建国,{},2024年7月", id("43292119550607201")),
        ],
    );
    assert_eq!(ds.iter().map(|d| (d.name.as_str(), d.date.as_str())).collect::<Vec<_>>(), [("王秀英", "2024-06"), ("李建国", "2024-07")]);
    let (ds, reports) = read_deaths(
        tmp.path(),
        &["姓名,身份证号,死亡日期".to_string(), format!("王秀英,{},待查", id("43292119480312104"))],
    );
    assert!(ds.is_empty());
    assert!(reports[0].sheets[0].problem.as_deref().is_some_and(|p| p.contains("均不可用")), "{:?}", reports[0].sheets[0]);
}

#[test]
fn regression_pension_ended_by_death_under_social_security_number_not_read() {
    // Probe s28: a 城乡居民养老保险 待遇终止 list (社会保障号码, 待遇终止原因, 终止年月):
    // no header (exit 3); with 死亡日期 the ID column was not read (exit 0, nothing).
    let tmp = tempfile::tempdir().unwrap();
    let (ds, _) = read_deaths(
        tmp.path(),
        &[
            "个人编号,姓名,社会保障号码,待遇终止原因,终止年月".to_string(),
            format!("43092100012345,王秀英,{},死亡,202406", id("43292119480312104")),
            format!("43092100012346,李建国,{},转入职工养老保险,202407", id("43292119550607201")),
        ],
    );
    assert_eq!(ds.iter().map(|d| (d.name.as_str(), d.date.as_str())).collect::<Vec<_>>(), [("王秀英", "2024-06")]);
}

fn input(dir: &Path, name: &str, lines: &[String]) -> Vec<kinmatch::load::InputFile> {
    write(dir, name, lines);
    vec![kinmatch::load::InputFile { path: dir.join(name), rel: name.into() }]
}

#[test]
fn regression_vehicle_list_with_an_id_kind_column_lost_every_owner() {
    // Probe s34: 机动车所有人 | 身份证明名称 | 身份证明号码 (the traffic police's field names): the
    // kind column (居民身份证) was read as the ID, "8 rows without a valid ID" (exit 3).
    let tmp = tempfile::tempdir().unwrap();
    let files = input(tmp.path(), "机动车信息.csv", &["号牌号码,车辆类型,机动车所有人,身份证明名称,身份证明号码,初次登记日期,车辆状态".to_string(), format!("湘M12345,小型轿车,欧阳春花,居民身份证,{},2020-05-01,正常", id("43292119800101002"))]);
    let (records, reports) = kinmatch::compare::eligibility::read_vehicles(&files);
    assert_eq!(records.len(), 1, "{:?}", reports[0].sheets);
    assert_eq!(records[0].key, id("43292119800101002"));
}

#[test]
fn regression_payroll_category_headed_bian_zhi_lei_bie_was_not_read() {
    // Probe s34: 编制类别 (编外, 无) unread: every person on the list flagged as a public employee.
    let tmp = tempfile::tempdir().unwrap();
    let files = input(
        tmp.path(),
        "财政供养人员.csv",
        &["单位名称,姓名,身份证号码,编制类别".to_string(), format!("县民政局,甲一,{},行政编制", id("43292119800101002")), format!("县民政局,乙二,{},编外", id("43292119810101003"))],
    );
    let (records, reports) = kinmatch::compare::eligibility::read_payroll(&files);
    assert_eq!(records.len(), 1);
    assert_eq!(reports[0].sheets[0].unusable.get("not_excluded_category"), Some(&1));
}

#[test]
fn regression_household_head_repeated_on_each_members_row_was_a_double_claim() {
    // Probe s34: one row per member, 户主姓名 | 户主身份证号 repeated on each: every household of
    // two became a double_claim_same_program inside its own file.
    let tmp = tempfile::tempdir().unwrap();
    let (head, wife, son) = (id("43292119700101002"), id("43292119720101003"), id("43292119950101004"));
    let files = input(
        tmp.path(),
        "白沙乡_农村低保_2024年10月.csv",
        &[
            "户主姓名,户主身份证号,家庭成员姓名,成员身份证号,与户主关系,保障金额".to_string(),
            format!("欧阳春花,{head},,,本人,520"),
            format!("欧阳春花,{head},唐桂香,{wife},妻子,"),
            format!("欧阳春花,{head},欧阳一,{son},儿子,"),
        ],
    );
    let loaded = kinmatch::load::load_file(&files[0], Some(kinmatch::load::roles::Kind::Roll), &kinmatch::config::Config::default());
    let claims = kinmatch::compare::eligibility::claims_of(&loaded.rolls);
    let heads = claims.iter().filter(|c| c.key == head).count();
    assert_eq!((heads, claims.len()), (1, 3));
}

#[test]
fn regression_roll_linked_to_a_device_or_to_an_unmounted_share_skipped_quietly() {
    // Probe s34: rolls/roll.csv -> /dev/zero and a dangling link 低保10月.xlsx: exit 0, nothing
    // on screen, the batch short a roll.
    let tmp = tempfile::tempdir().unwrap();
    let rolls = tmp.path().join("rolls");
    std::fs::create_dir_all(&rolls).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/dev/zero", rolls.join("roll.csv")).unwrap();
        std::os::unix::fs::symlink("/mnt/no-such-share/低保10月.xlsx", rolls.join("低保10月.xlsx")).unwrap();
        let d = kinmatch::load::discover(&[rolls]);
        let lost: Vec<&str> = d.skipped.iter().filter(|s| kinmatch::load::skipped_may_hold_data(s)).map(|s| s.file.as_str()).collect();
        assert_eq!(lost, ["roll.csv", "低保10月.xlsx"], "{:?}", d.skipped);
    }
}
