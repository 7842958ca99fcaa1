//! 虚报冒领 review workbooks: one per paying unit (the unit that pays verifies),
//! `DIR/eligibility/<unit>.xlsx`, each finding with its rule, evidence and both
//! source rows, and the columns the unit fills in. The 说明 sheet lists the
//! rules from `compare::eligibility::RULES`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DataValidation, Workbook, XlsxError};

use super::xlsx_util::{Styles, batch_lines, ensure_dir, new_workbook, print_setup, put, put_amount, sanitize_file_name, save, source_text, unique_paths, unit_name, write_headers, write_lines, xlsx_err};
use super::{ACTIONS, BatchInfo, ELIGIBILITY_CONCLUSIONS, ReportError};
use crate::labels::{ACTION_HEADER, CONCLUSION_HEADER, REMARK_HEADER, REVIEW_DATE_HEADER, REVIEWER_HEADER};
use crate::compare::eligibility::{Finding, RULES, finding_id};

pub(crate) const SHEET: &str = "核查清单";

const HEADERS: [(&str, f64); 16] = [
    ("序号", 6.0),
    ("问题类型", 22.0),
    ("比对依据", 44.0),
    ("姓名", 10.0),
    ("身份证号", 21.0),
    ("资金或项目", 16.0),
    ("发放期间", 10.0),
    ("金额(元)", 11.0),
    ("花名册来源", 28.0),
    ("比对来源", 32.0),
    (CONCLUSION_HEADER, 16.0),
    (ACTION_HEADER, 14.0),
    (REVIEWER_HEADER, 10.0),
    (REVIEW_DATE_HEADER, 12.0),
    (REMARK_HEADER, 24.0),
    ("finding_id", 2.0),
];

fn compared_with(f: &Finding) -> String {
    if let Some(o) = &f.other {
        return format!("{}（{}）：{}", o.program, o.unit, source_text(&o.source.file, &o.source.sheet, o.source.row));
    }
    f.register_source().map(|s| source_text(&s.file, &s.sheet, s.row)).unwrap_or_default()
}

/// Write one workbook per paying unit; returns the paths, sorted.
pub fn write_eligibility_workbooks(dir: &Path, findings: &[Finding], batch: &BatchInfo, decisions: &super::Decisions) -> Result<Vec<PathBuf>, ReportError> {
    let out_dir = dir.join("eligibility");
    ensure_dir(&out_dir)?;
    let mut by_unit: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_unit.entry(unit_name(&f.claim.unit)).or_default().push(f);
    }
    let paths = unique_paths(&out_dir, by_unit.keys().map(|u| (*u, sanitize_file_name(u, "未知审批单位"))));
    let mut written = Vec::new();
    for (unit, fs) in by_unit {
        let path = &paths[unit];
        let mut wb = new_workbook(&format!("虚报冒领、优亲厚友比对核查清单 — {unit}"), batch)?;
        build(&mut wb, unit, &fs, batch, decisions).map_err(xlsx_err(path, unit))?;
        save(&mut wb, path)?;
        written.push(path.clone());
    }
    written.sort();
    Ok(written)
}

fn build(wb: &mut Workbook, unit: &str, fs: &[&Finding], batch: &BatchInfo, decisions: &super::Decisions) -> Result<(), XlsxError> {
    let st = Styles::new();
    let ws = wb.add_worksheet();
    ws.set_name(SHEET)?;
    write_headers(ws, 0, &HEADERS, &st.header)?;
    ws.set_row_height(0, 30)?;
    ws.set_column_format(4, &st.id_text)?;
    ws.set_column_hidden(15)?;
    for (i, f) in fs.iter().enumerate() {
        let r = i as u32 + 1;
        let c = &f.claim;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &st.count)?;
        put(ws, r, 1, f.rule.text_zh(), &st.wrap)?;
        put(ws, r, 2, &f.evidence, &st.wrap)?;
        put(ws, r, 3, &c.name, &st.text)?;
        put(ws, r, 4, &c.id, &st.id_text)?;
        put(ws, r, 5, &c.program, &st.text)?;
        put(ws, r, 6, c.period.as_deref().unwrap_or(""), &st.text)?;
        put_amount(ws, r, 7, c.amount, &st)?;
        let roll = source_text(&c.source.file, &c.source.sheet, c.source.row);
        let other = compared_with(f);
        put(ws, r, 8, &roll, &st.wrap)?;
        put(ws, r, 9, &other, &st.wrap)?;
        let id = finding_id(f);
        // Earlier decisions (the ledger's, or --decisions) prefill the unit's columns.
        if let Some(d) = decisions.by_hit.get(&id) {
            for (col, v) in [(10, &d.conclusion), (11, &d.action), (12, &d.reviewer), (13, &d.review_date), (14, &d.remark)] {
                put(ws, r, col, v, &st.text)?;
            }
        }
        put(ws, r, 15, &id, &st.text)?;
        ws.set_row_height(r, super::xlsx_util::row_height(&[(&f.evidence, 44.0), (&roll, 28.0), (&other, 32.0), (f.rule.text_zh(), 22.0)]))?;
    }
    let last = fs.len() as u32;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last.max(1), 15)?;
    let concl = DataValidation::new().allow_list_strings(&ELIGIBILITY_CONCLUSIONS)?;
    ws.add_data_validation(1, 10, last + 1000, 10, &concl)?;
    let action = DataValidation::new().allow_list_strings(&ACTIONS)?;
    ws.add_data_validation(1, 11, last + 1000, 11, &action)?;
    print_setup(ws, 0, &format!("{unit} 虚报冒领、优亲厚友比对核查清单"))?;
    ws.set_active(true);

    let ws = wb.add_worksheet();
    ws.set_name(super::README_SHEET)?;
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 90)?;
    let mut lines: Vec<(String, String)> = vec![
        (super::UNIT_LABEL.into(), unit.to_string()),
        (
            "本表是什么".into(),
            "本单位发放的资金中，按身份证号与死亡、火化、户口注销记录，财政供养人员名单，机动车登记，企业登记，\
             以及其他花名册比对，发现可能不应享受的人员。由发放单位逐条核实并填写核查结论。比对结果只是线索，不是结论。"
                .into(),
        ),
    ];
    lines.extend(batch_lines(batch));
    for (_, _, _, text, programs) in RULES {
        let applies = if programs.is_empty() { "所有项目".to_string() } else { programs.join("、") };
        lines.push((text.to_string(), format!("适用于：{applies}")));
    }
    lines.push((
        CONCLUSION_HEADER.into(),
        format!("从下拉列表选择：{}；处理措施：{}。", ELIGIBILITY_CONCLUSIONS.join("、"), ACTIONS.join("、")),
    ));
    write_lines(ws, 0, &lines, &st)?;
    Ok(())
}
