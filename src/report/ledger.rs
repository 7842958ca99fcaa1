//! `kinmatch ledger export`: the county's ledger (台账) as a workbook — a
//! summary with a chart of open and overdue leads per unit, one sheet per
//! status, one sheet per unit's overdue leads. Deterministic for the same
//! ledger content and date; ID numbers masked.

use std::path::Path;

use rust_xlsxwriter::{Chart, ChartType, Workbook, Worksheet, XlsxError};

use super::ReportError;
use super::xlsx_util::{Styles, doc_properties, put, run_datetime, save, write_headers, xlsx_err};
use crate::labels;
use crate::ledger::{LeadRow, LeadStatus, StatusCounts, UnitStatus};
use crate::normalize::id::mask_id;

const SUMMARY: &str = "统计";

const COLUMNS: [(&str, f64); 22] = [
    ("线索编号", 18.0),
    ("审批单位", 16.0),
    ("状态", 8.0),
    ("等级", 8.0),
    ("干部姓名", 10.0),
    ("干部单位", 18.0),
    ("亲属姓名", 10.0),
    ("称谓", 8.0),
    ("花名册人员", 10.0),
    ("身份证号", 20.0),
    ("项目", 14.0),
    ("首次发现", 11.0),
    ("最近发现", 11.0),
    ("最近批次仍发现", 8.0),
    ("核查期限", 11.0),
    ("是否逾期", 8.0),
    (crate::labels::CONCLUSION_HEADER, 10.0),
    (crate::labels::ACTION_HEADER, 10.0),
    (crate::labels::REVIEWER_HEADER, 8.0),
    ("公示期", 22.0),
    ("销号日期", 11.0),
    ("比对依据", 50.0),
];

/// An Excel sheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(s: &str) -> String {
    s.chars().map(|c| if "[]:*?/\\".contains(c) { '_' } else { c }).take(31).collect()
}

fn lead_row(ws: &mut Worksheet, row: u32, l: &LeadRow, as_of: &str, st: &Styles) -> Result<(), XlsxError> {
    let h = &l.hit;
    let publicity = match (&l.published_on, &l.publicity_ends) {
        (Some(a), Some(b)) => format!("{a} 至 {b}"),
        _ => String::new(),
    };
    let cells: [String; 22] = [
        h.hit_id.clone(),
        l.approving_unit.clone(),
        labels::lead_status(l.status.as_str()).into(),
        h.tier.label_zh().into(),
        h.cadre_name.clone(),
        h.cadre_unit.clone(),
        h.relative_name.clone(),
        h.relation_term.clone(),
        h.roll_name.clone(),
        mask_id(&h.roll_id),
        h.program.clone(),
        l.first_seen.clone(),
        l.last_seen.clone(),
        if l.found { "是" } else { "否" }.into(),
        l.due.clone(),
        if l.overdue(as_of) { "逾期" } else { "" }.into(),
        l.decision.conclusion.clone(),
        l.decision.action.clone(),
        l.decision.reviewer.clone(),
        publicity,
        l.closed_on.clone().unwrap_or_default(),
        super::xlsx_util::redact_ids(&h.evidence),
    ];
    for (c, v) in cells.iter().enumerate() {
        let f = if c == 21 { &st.wrap } else { &st.text };
        put(ws, row, c as u16, v, f)?;
    }
    Ok(())
}

fn lead_sheet(wb: &mut Workbook, name: &str, leads: &[&LeadRow], as_of: &str, st: &Styles) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(name))?;
    write_headers(ws, 0, &COLUMNS, &st.header)?;
    ws.set_freeze_panes(1, 1)?;
    for (i, l) in leads.iter().enumerate() {
        lead_row(ws, i as u32 + 1, l, as_of, st)?;
    }
    if !leads.is_empty() {
        ws.autofilter(0, 0, leads.len() as u32, COLUMNS.len() as u16 - 1)?;
    }
    Ok(())
}

fn summary_sheet(wb: &mut Workbook, units: &[UnitStatus], total: &StatusCounts, as_of: &str, st: &Styles) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(SUMMARY)?;
    put(ws, 0, 0, &format!("线索台账（截至 {as_of}）"), &st.title)?;
    let head = [("审批单位", 20.0), ("未结（待核查+已核查）", 12.0), ("其中逾期", 10.0), ("待核查", 10.0), ("已核查", 10.0), ("已销号", 10.0), ("待公示", 10.0)];
    write_headers(ws, 2, &head, &st.header)?;
    let rows = units.iter().map(|u| (u.unit.as_str(), &u.counts)).chain([(labels::total_word(), total)]);
    for (i, (unit, c)) in rows.enumerate() {
        let r = 3 + i as u32;
        put(ws, r, 0, unit, &st.text)?;
        for (j, v) in [c.pending + c.decided, c.overdue, c.pending, c.decided, c.closed, c.unpublished].into_iter().enumerate() {
            ws.write_number_with_format(r, 1 + j as u16, v as f64, &st.count)?;
        }
    }
    put(
        ws,
        4 + units.len() as u32,
        0,
        "待核查：尚无核查结论；逾期：待核查且已过核查期限；已核查：合规 / 不合规 / 已处理；待公示：核查合规、尚未列入公示名单。",
        &st.note,
    )?;
    if !units.is_empty() {
        let (first, last) = (3, 2 + units.len() as u32);
        let mut chart = Chart::new(ChartType::Column);
        chart.title().set_name("各单位未结与逾期线索");
        chart.add_series().set_name("未结").set_categories((SUMMARY, first, 0, last, 0)).set_values((SUMMARY, first, 1, last, 1));
        chart.add_series().set_name("逾期").set_categories((SUMMARY, first, 0, last, 0)).set_values((SUMMARY, first, 2, last, 2));
        ws.insert_chart(6 + units.len() as u32, 0, &chart)?;
    }
    Ok(())
}

/// Write the ledger workbook at `path`.
pub fn write_ledger(path: &Path, leads: &[LeadRow], units: &[UnitStatus], total: &StatusCounts, as_of: &str) -> Result<(), ReportError> {
    let st = Styles::new();
    let mut wb = Workbook::new();
    wb.set_properties(&doc_properties("线索台账", &run_datetime(as_of)?));
    let e = || xlsx_err(path, "台账");
    summary_sheet(&mut wb, units, total, as_of, &st).map_err(e())?;
    for s in LeadStatus::ALL {
        let these: Vec<&LeadRow> = leads.iter().filter(|l| l.status == s).collect();
        lead_sheet(&mut wb, labels::lead_status(s.as_str()), &these, as_of, &st).map_err(e())?;
    }
    for u in units.iter().filter(|u| u.counts.overdue > 0) {
        let these: Vec<&LeadRow> = leads.iter().filter(|l| l.approving_unit == u.unit && l.overdue(as_of)).collect();
        lead_sheet(&mut wb, &format!("逾期-{}", u.unit), &these, as_of, &st).map_err(e())?;
    }
    save(&mut wb, path)
}
