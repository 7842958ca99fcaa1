//! 社团兼职取酬: the demo county's cadres and a retired list against a small
//! filing written here; each finding names the rules it breaks.

use kinmatch::compare::association::OrgRule;
use kinmatch::pipeline::{RunOptions, run};
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn write(path: &Path, rows: &[&[&str]]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn serving_and_retired_cadres_in_associations_with_the_rules_they_break() {
    let tmp = tempfile::tempdir().unwrap();
    let (orgs, retired) = (tmp.path().join("orgs"), tmp.path().join("retired"));
    std::fs::create_dir_all(&orgs).unwrap();
    std::fs::create_dir_all(&retired).unwrap();
    write(
        &orgs.join("社会组织负责人备案.xlsx"),
        &[
            &["示例县社会组织负责人备案表"],
            &["社会组织名称", "业务主管单位", "负责人姓名", "公民身份号码", "担任职务", "届次", "是否领取报酬", "报酬金额（元）"],
            // 张萍, serving (县人力资源和社会保障局), paid.
            &["示例县书法家协会", "县文联", "张萍", "519902198806171068", "副会长", "第三届", "是", "6000"],
            // 李老, retired, born 1950: over 70, in two organisations.
            &["示例县书法家协会", "县文联", "李老", "519901195003031234", "顾问", "第三届", "否", ""],
            &["示例县老年体育协会", "县体育局", "李老", "519901195003031234", "理事", "第二届", "否", ""],
            // 王新, retired, born 1962, one organisation, unpaid: within the limits.
            &["示例县诗词学会", "县文联", "王新", "519901196205051235", "理事", "第一届", "否", ""],
            // Another 张萍 (another ID): not the cadre.
            &["示例县诗词学会", "县文联", "张萍", "519901199001011236", "会员", "第一届", "否", ""],
        ],
    );
    write(
        &retired.join("退休干部名单.xlsx"),
        &[
            &["姓名", "身份证号", "原工作单位", "原职务职级", "退休时间"],
            &["李老", "519901195003031234", "县财政局", "正科级", "2010-03"],
            &["王新", "519901196205051235", "县民政局", "副科级", "2022-05"],
        ],
    );
    let res = run(&RunOptions {
        kin: vec![root().join("fixtures/demo/registers")],
        rolls: vec![root().join("fixtures/demo/rolls")],
        out: tmp.path().join("out"),
        run_date: Some("2024-11-01".into()),
        workbooks: true,
        orgs: vec![orgs],
        retired: vec![retired],
        ..Default::default()
    })
    .unwrap();
    let got: Vec<(String, u32, bool, Vec<OrgRule>)> = res
        .associations
        .iter()
        .map(|f| (f.hit.cadre_name.clone(), f.hit.roll_row, f.retired, f.rules.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("张萍".into(), 3, false, vec![OrgRule::ServingPost, OrgRule::ServingPaid]),
            ("李老".into(), 4, true, vec![OrgRule::RetiredManyOrgs, OrgRule::RetiredOver70]),
            ("李老".into(), 5, true, vec![OrgRule::RetiredManyOrgs, OrgRule::RetiredOver70]),
        ],
        "{:#?}",
        res.associations.iter().map(|f| (&f.hit.cadre_name, &f.hit.evidence, f.hit.roll_row)).collect::<Vec<_>>()
    );
    assert_eq!(res.associations[1].age, Some(74));
    let csv = std::fs::read_to_string(tmp.path().join("out/association_findings.csv")).unwrap();
    assert!(csv.contains("retired_more_than_one_org;retired_over_70"), "{csv}");
    assert!(csv.contains("退休干部年满 70 周岁仍在任职"));
    assert!(res.manifest.inputs.problems.is_empty(), "{:?}", res.manifest.inputs.problems);
    // Each cadre's unit gets its workbook, each finding once with the rules it breaks.
    let books: Vec<String> = res.manifest.outputs.keys().filter(|k| k.starts_with("associations/")).cloned().collect();
    assert_eq!(books.len(), 2, "{books:?}");
    let mut rows = Vec::new();
    for b in &books {
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook(tmp.path().join("out").join(b)).unwrap();
        let r = calamine::Reader::worksheet_range(&mut wb, "核查清单").unwrap();
        let header: Vec<String> = r.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
        let col = |h: &str| header.iter().position(|x| x == h).unwrap();
        rows.extend(r.rows().skip(1).map(|x| (x[col("干部")].to_string(), x[col("涉及的规定")].to_string(), x[col("finding_id")].to_string())));
    }
    rows.sort();
    assert_eq!(rows.len(), 3);
    assert!(rows[0].0 == "张萍" && rows[0].1.contains("领取报酬"), "{rows:?}");
    assert!(rows[1].1.contains("70"), "{rows:?}");
    let mut sm: calamine::Xlsx<_> = calamine::open_workbook(tmp.path().join("out/summary.xlsx")).unwrap();
    let s = calamine::Reader::worksheet_range(&mut sm, "社团兼职").unwrap();
    assert_eq!(s.rows().find(|r| r[0].to_string() == "合计").map(|r| r[2].to_string()), Some("3".to_string()));
}

fn read_filing(dir: &Path, rows: &[&[&str]]) -> kinmatch::compare::association::Filings {
    let p = dir.join("社会组织备案.xlsx");
    write(&p, rows);
    kinmatch::compare::association::read(&[kinmatch::load::InputFile { path: p, rel: "社会组织备案.xlsx".into() }])
}

#[test]
fn regression_the_cadres_own_job_column_was_taken_for_the_post_in_the_organisation() {
    // Probe s27: 现工作单位及职务 left of 社会组织职务 gave the post (县教育局副局长 instead of
    // 副会长), and 任职起止时间 was no column (since empty).
    let tmp = tempfile::tempdir().unwrap();
    let f = read_filing(
        tmp.path(),
        &[
            &["社会组织名称", "姓名", "公民身份号码", "现工作单位及职务", "社会组织职务", "任职起止时间", "是否领取报酬"],
            &["示例县教育学会", "孙国强", "519901197001011234", "县教育局副局长", "副会长", "2022.03-2027.03", "是"],
        ],
    );
    let p = &f.posts[0];
    assert_eq!((p.org.as_str(), p.post.as_str(), p.since.as_str()), ("示例县教育学会", "副会长", "2022.03-2027.03"));
}

#[test]
fn regression_organisation_named_only_in_the_title_left_the_finding_without_it() {
    // Probe s27: one sheet per organisation, its name only in the title line; findings had no org_name.
    let tmp = tempfile::tempdir().unwrap();
    let f = read_filing(
        tmp.path(),
        &[
            &["示例县书法家协会第三届理事会组成人员名单"],
            &["序号", "职务", "姓名", "性别", "身份证号码", "工作单位及职务"],
            &["1", "副主席", "赵志刚", "男", "519901197001011234", "县民政局副局长"],
        ],
    );
    let p = &f.posts[0];
    assert_eq!((p.org.as_str(), p.post.as_str()), ("示例县书法家协会", "副主席"));
}

#[test]
fn regression_officers_across_the_row_under_their_posts_gave_no_finding() {
    // Probe s31: 会长 | 会长身份证号 | 副会长 | 副会长身份证号 | 秘书长 …: nothing read, 0 findings, exit 0.
    // And a 民政 export's 法定代表人 | 法定代表人身份证号码: the legal representative not known.
    let tmp = tempfile::tempdir().unwrap();
    let f = read_filing(
        tmp.path(),
        &[
            &["社会组织名称", "统一社会信用代码", "会长", "会长身份证号", "副会长", "副会长身份证号", "秘书长", "秘书长身份证号", "秘书长是否专职"],
            &["示例县建筑业协会", "51519900MJ0001AB1X", "陈一", "519901197001011234", "赵志刚", "519901197501011116", "陈二", "519901196001011231", "是"],
        ],
    );
    let got: Vec<(&str, &str)> = f.posts.iter().map(|p| (p.name.as_str(), p.post.as_str())).collect();
    assert_eq!(got, [("陈一", "会长"), ("赵志刚", "副会长"), ("陈二", "秘书长")]);
    let f = read_filing(
        tmp.path(),
        &[&["社会组织名称", "法定代表人", "法定代表人身份证号码", "登记状态"], &["示例县教育发展基金会", "孙国强", "519901197001011234", "正常"]],
    );
    let p = &f.posts[0];
    assert_eq!((p.name.as_str(), p.post.as_str(), p.legal_rep), ("孙国强", "法定代表人", true));
}

#[test]
fn regression_pay_per_year_read_only_the_first_year_and_the_organisation_column_unread() {
    // Probe s31: 兼职社会组织 | … | 2022年度领取报酬（元） | 2023年度… | 2024年度…: 0 / 3000 / 3000
    // read as unpaid, and no organisation.
    let tmp = tempfile::tempdir().unwrap();
    let f = read_filing(
        tmp.path(),
        &[
            &["姓名", "身份证号", "兼职社会组织", "兼任职务", "2022年度领取报酬（元）", "2023年度领取报酬（元）", "2024年度领取报酬（元）"],
            &["赵志刚", "519901197501011116", "示例县建筑业协会", "常务理事", "0", "3000", "3000"],
        ],
    );
    let p = &f.posts[0];
    assert_eq!((p.org.as_str(), p.amount.as_str(), p.paid()), ("示例县建筑业协会", "6000", true));
}

#[test]
fn regression_retired_cadres_unit_written_with_his_post_split_his_unit_in_two() {
    // Probe s31: 原工作单位及职务 县财政局局长 / 县财政局副局长 kept whole as the unit: two review
    // workbooks for one bureau.
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("老干部局名册.xlsx");
    write(&p, &[&["序号", "姓名", "原工作单位及职务", "身份证号码"], &["1", "张德顺", "县财政局局长", "519901195003031234"], &["2", "李国华", "县财政局副局长", "519901195203031230"]]);
    let (kin, _, _) = kinmatch::compare::association::read_retired(&[kinmatch::load::InputFile { path: p, rel: "名册.xlsx".into() }]);
    let got: Vec<(&str, &str)> = kin.iter().map(|k| (k.cadre_unit.as_str(), k.cadre_post.as_str())).collect();
    assert_eq!(got, [("县财政局", "局长"), ("县财政局", "副局长")]);
}
