//! Review workbooks of the comparisons verified by the cadre's own unit
//! (经商办企业, 社团兼职取酬): one per cadre's unit, `DIR/<comparison>/<unit>.xlsx`,
//! each finding with its evidence, the rules or relevance it states, its
//! source rows, and the columns the unit (with its discipline inspection group)
//! fills in. One writer, a table of columns per comparison.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DataValidation, Workbook, XlsxError};

use super::xlsx_util::{Styles, batch_lines, ensure_dir, new_workbook, print_setup, put, sanitize_file_name, save, source_text, unique_paths, unit_name, write_headers, write_lines, xlsx_err};
use super::{ACTIONS, BatchInfo, CONCLUSIONS, ReportError};
use crate::compare::{association, enterprise};

/// The columns every such workbook ends with: what the unit fills in, and the finding's id.
const FILLED: [(&str, f64); 6] = {
    let r = crate::labels::REVIEW_COLUMNS;
    [r[0], r[1], r[2], r[3], r[4], ("finding_id", 2.0)]
};

/// One finding as the workbook shows it: the cadre's unit, its id, its cells.
struct Row {
    unit: String,
    id: String,
    cells: Vec<String>,
}

/// What one comparison's workbooks hold.
struct Book<'a> {
    /// The folder under the output folder, and the workbook's title.
    dir: &'a str,
    title: &'a str,
    /// What the findings are, for the 说明 sheet.
    what: &'a str,
    /// The comparison's own columns (after 序号), with their widths.
    columns: &'a [(&'a str, f64)],
    /// Its rules, one line each, for the 说明 sheet.
    rules: Vec<(String, String)>,
}

const ENTERPRISE_COLUMNS: [(&str, f64); 14] = [
    ("等级", 9.0),
    ("比对依据", 40.0),
    ("干部", 10.0),
    ("职务", 14.0),
    ("亲属", 10.0),
    ("关系", 8.0),
    ("在企业中担任", 16.0),
    ("企业名称", 28.0),
    ("统一社会信用代码", 21.0),
    ("类型、状态、成立日期", 22.0),
    ("住所", 28.0),
    ("关联情况", 40.0),
    ("申报情况", 9.0),
    ("来源", 32.0),
];

const ASSOCIATION_COLUMNS: [(&str, f64); 12] = [
    ("等级", 9.0),
    ("比对依据", 40.0),
    ("干部", 10.0),
    ("职务", 14.0),
    ("在职 / 退休", 12.0),
    ("社会组织", 26.0),
    ("业务主管单位", 18.0),
    ("所任职务、届次", 16.0),
    ("任职时间", 11.0),
    ("报酬", 14.0),
    ("涉及的规定", 44.0),
    ("来源", 32.0),
];

/// Write the 经商办企业 review workbooks (`DIR/enterprise/<unit>.xlsx`); returns the paths, sorted.
pub fn write_enterprise_workbooks(dir: &Path, findings: &[enterprise::Finding], batch: &BatchInfo, decisions: &super::Decisions) -> Result<Vec<PathBuf>, ReportError> {
    let rows = findings
        .iter()
        .map(|f| {
            let (h, e) = (&f.hit, &f.enterprise);
            let role = match (f.person.post.as_str(), f.person.ratio.as_str()) {
                ("", "") => f.role.label_zh().to_string(),
                (post, "") => format!("{}（{post}）", f.role.label_zh()),
                (_, ratio) => format!("{}（{ratio}）", f.role.label_zh()),
            };
            let kind: Vec<&str> = [e.kind.as_str(), e.status.as_str(), e.established.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
            let reasons: Vec<String> = f.reasons.iter().map(enterprise::Reason::text_zh).collect();
            let sources = format!(
                "企业登记：{}\n亲属登记：{}",
                source_text(&h.roll_file, &h.roll_sheet, h.roll_row),
                source_text(&h.kin_file, &h.kin_sheet, h.kin_row)
            );
            Row {
                unit: h.cadre_unit.clone(),
                id: format!("e{}", h.hit_id),
                cells: vec![
                    h.tier.label_zh().into(),
                    h.evidence.clone(),
                    h.cadre_name.clone(),
                    h.cadre_post.clone(),
                    h.relative_name.clone(),
                    h.relation_term.clone(),
                    role,
                    e.name.clone(),
                    e.credit_code.clone(),
                    kind.join("；"),
                    e.address.clone(),
                    reasons.join("；"),
                    f.declared.clone(),
                    sources,
                ],
            }
        })
        .collect();
    let book = Book {
        dir: "enterprise",
        title: "领导干部配偶子女经商办企业比对核查清单",
        what: "本单位干部的配偶、子女及其配偶在企业登记（市场主体登记）中担任法定代表人、负责人、经营者、股东或主要人员的情况，\
               并标明是否在干部的管辖范围或业务领域内、是否与本单位有业务往来、是否已申报。由干部所在单位（会同派驻纪检监察组）逐条核实。比对结果只是线索，不是结论。",
        columns: &ENTERPRISE_COLUMNS,
        rules: vec![
            ("比对范围".into(), "干部本人、配偶、子女及其配偶（亲属登记表中的关系）".into()),
            ("关联情况".into(), "辖区内：企业住所在乡镇干部所在乡镇或县直部门所在县；业务领域：经营范围与干部所在单位的行业相关；业务往来：企业出现在本单位的项目或发放花名册中".into()),
            ("申报情况".into(), "给出干部申报表时：已申报 / 未申报（未申报即瞒报漏报线索）".into()),
        ]
        .into_iter()
        // The identity evidence is the rolls comparison's table (with this comparison's own rows).
        .chain(super::review::evidence_guide(|t| match t {
            crate::model::Tier::Confirmed => "可认定为同一人，请核实其经商办企业情况。",
            _ => "请先核实是否为同一人，再核实其经商办企业情况。",
        }))
        .collect(),
    };
    write_books(dir, &book, rows, batch, decisions)
}

/// Write the 社团兼职取酬 review workbooks (`DIR/associations/<unit>.xlsx`); returns the paths, sorted.
pub fn write_association_workbooks(dir: &Path, findings: &[association::Finding], batch: &BatchInfo, decisions: &super::Decisions) -> Result<Vec<PathBuf>, ReportError> {
    let rows = findings
        .iter()
        .map(|f| {
            let (h, p) = (&f.hit, &f.post);
            let status = if f.retired { format!("退休（{}）", f.retired_on) } else { "在职".into() };
            let post = if p.term.is_empty() { p.post.clone() } else { format!("{}（{}）", p.post, p.term) };
            let pay = match (p.paid(), p.amount.as_str()) {
                (false, _) => "未领取".to_string(),
                (true, "") => "领取".to_string(),
                (true, a) => format!("领取 {a}"),
            };
            let rules: Vec<&str> = f.rules.iter().map(|r| r.text_zh()).collect();
            Row {
                unit: h.cadre_unit.clone(),
                id: format!("a{}", h.hit_id),
                cells: vec![
                    h.tier.label_zh().into(),
                    h.evidence.clone(),
                    h.cadre_name.clone(),
                    h.cadre_post.clone(),
                    status,
                    p.org.clone(),
                    p.supervisor.clone(),
                    post,
                    p.since.clone(),
                    pay,
                    rules.join("；"),
                    source_text(&p.source.file, &p.source.sheet, p.source.row),
                ],
            }
        })
        .collect();
    let book = Book {
        dir: "associations",
        title: "领导干部在社会组织兼职取酬比对核查清单",
        what: "本单位在职干部（给出退休干部名单时也含退休干部）在社会组织负责人备案、兼职登记中的任职情况，以及涉及的规定。\
               由干部所在单位（会同组织人事部门）逐条核实是否经审批、是否取酬。比对结果只是线索，不是结论。",
        columns: &ASSOCIATION_COLUMNS,
        rules: association::ORG_RULES.iter().map(|(_, code, text)| (text.to_string(), code.to_string())).collect(),
    };
    write_books(dir, &book, rows, batch, decisions)
}

fn write_books(dir: &Path, book: &Book, rows: Vec<Row>, batch: &BatchInfo, decisions: &super::Decisions) -> Result<Vec<PathBuf>, ReportError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let out_dir = dir.join(book.dir);
    ensure_dir(&out_dir)?;
    let mut by_unit: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for r in rows {
        by_unit.entry(unit_name(&r.unit).to_string()).or_default().push(r);
    }
    let paths = unique_paths(&out_dir, by_unit.keys().map(|u| (u.as_str(), sanitize_file_name(u, "未知单位"))));
    let mut written = Vec::new();
    for (unit, rs) in &by_unit {
        let path = &paths[unit.as_str()];
        let mut wb = new_workbook(&format!("{} — {unit}", book.title), batch)?;
        build(&mut wb, book, unit, rs, batch, decisions).map_err(xlsx_err(path, unit))?;
        save(&mut wb, path)?;
        written.push(path.clone());
    }
    written.sort();
    Ok(written)
}

fn build(wb: &mut Workbook, book: &Book, unit: &str, rows: &[Row], batch: &BatchInfo, decisions: &super::Decisions) -> Result<(), XlsxError> {
    let st = Styles::new();
    let ws = wb.add_worksheet();
    ws.set_name(super::eligibility::SHEET)?;
    let headers: Vec<(&str, f64)> = std::iter::once(("序号", 6.0)).chain(book.columns.iter().copied()).chain(FILLED).collect();
    write_headers(ws, 0, &headers, &st.header)?;
    ws.set_row_height(0, 30)?;
    let filled = 1 + book.columns.len() as u16;
    let id_col = filled + FILLED.len() as u16 - 1;
    ws.set_column_hidden(id_col)?;
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &st.count)?;
        for (c, v) in row.cells.iter().enumerate() {
            put(ws, r, 1 + c as u16, v, &st.wrap)?;
        }
        // Earlier decisions (the ledger's, or --decisions) prefill the unit's columns.
        if let Some(d) = decisions.by_hit.get(&row.id) {
            for (k, v) in [&d.conclusion, &d.action, &d.reviewer, &d.review_date, &d.remark].into_iter().enumerate() {
                put(ws, r, filled + k as u16, v, &st.text)?;
            }
        }
        put(ws, r, id_col, &row.id, &st.text)?;
        let widths: Vec<(&str, f64)> = row.cells.iter().zip(book.columns).map(|(v, (_, w))| (v.as_str(), *w)).collect();
        ws.set_row_height(r, super::xlsx_util::row_height(&widths))?;
    }
    let last = rows.len() as u32;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last.max(1), id_col)?;
    ws.add_data_validation(1, filled, last + 1000, filled, &DataValidation::new().allow_list_strings(&CONCLUSIONS)?)?;
    ws.add_data_validation(1, filled + 1, last + 1000, filled + 1, &DataValidation::new().allow_list_strings(&ACTIONS)?)?;
    print_setup(ws, 0, &format!("{unit} {}", book.title))?;
    ws.set_active(true);

    let ws = wb.add_worksheet();
    ws.set_name(super::README_SHEET)?;
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 90)?;
    let mut lines: Vec<(String, String)> = vec![("干部所在单位".into(), unit.to_string()), ("本表是什么".into(), book.what.to_string())];
    lines.extend(batch_lines(batch));
    lines.extend(book.rules.iter().cloned());
    lines.push((crate::labels::CONCLUSION_HEADER.into(), format!("从下拉列表选择：{}；处理措施：{}。", CONCLUSIONS.join("、"), ACTIONS.join("、"))));
    write_lines(ws, 0, &lines, &st)?;
    Ok(())
}
