//! Review workbooks: one per approving unit (谁审批、谁负责).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Workbook, XlsxError};

use super::decisions::Decisions;
use super::xlsx_util::{
    Styles, TIERS, batch_lines, ensure_dir, kind_zh, new_workbook, print_setup, put,
    put_amount, relation_label, sanitize_file_name, save, source_text, tier_counts,
    row_height, unique_paths, unit_name, write_headers, write_lines, xlsx_err,
};
use super::decisions::conclusion_of;
use super::{ACTIONS, BatchInfo, CONCLUSIONS, README_SHEET, RESULT_SHEET, ReportError, UNIT_LABEL};
use crate::labels::{
    ACTION_HEADER, COMPLIANT, CONCLUSION_HEADER, NO_ACTION, NONCOMPLIANT, NOT_THE_PERSON, REMARK_HEADER, REVIEW_COLUMNS, REVIEW_DATE_HEADER,
    REVIEWER_HEADER, TO_VERIFY,
};
use crate::model::Hit;


/// Column headers of 比对结果 with their widths.
pub(crate) const HEADERS: [(&str, f64); 24] = [
    ("序号", 6.0),
    ("核查等级", 10.0),
    ("比对依据", 40.0),
    ("受益人姓名", 10.0),
    ("身份证号", 21.0),
    ("角色", 10.0),
    ("乡镇", 12.0),
    ("村(社区)", 12.0),
    ("资金或项目", 18.0),
    ("金额(元)", 12.0),
    ("日期", 11.0),
    ("干部姓名", 10.0),
    ("干部单位", 18.0),
    ("职务", 12.0),
    ("亲属关系", 10.0),
    ("涉权类型", 11.0),
    ("花名册来源", 28.0),
    ("登记表来源", 28.0),
    REVIEW_COLUMNS[0],
    REVIEW_COLUMNS[1],
    REVIEW_COLUMNS[2],
    REVIEW_COLUMNS[3],
    REVIEW_COLUMNS[4],
    ("hit_id", 2.0),
];
pub(crate) const COL_ID: u16 = 4;
pub(crate) const COL_CONCLUSION: u16 = 18;
pub(crate) const COL_ACTION: u16 = 19;
pub(crate) const COL_HIT_ID: u16 = 23;
/// With a ledger: the lead's status there, after the hidden hit_id.
pub(crate) const COL_STATUS: u16 = 24;
pub(crate) const STATUS_HEADER: &str = "台账状态";
/// Dropdowns reach this many rows below the last hit.
const SPARE_ROWS: u32 = 1000;

/// Write DIR/review/<approving unit>.xlsx, one per approving unit holding
/// exactly that unit's hits; returns the paths written, sorted.
pub fn write_review_workbooks(
    dir: &Path,
    hits: &[Hit],
    batch: &BatchInfo,
    decisions: &Decisions,
) -> Result<Vec<PathBuf>, ReportError> {
    let out_dir = dir.join("review");
    ensure_dir(&out_dir)?;
    let mut by_unit: BTreeMap<&str, Vec<&Hit>> = BTreeMap::new();
    for h in hits {
        by_unit
            .entry(unit_name(&h.approving_unit))
            .or_default()
            .push(h);
    }
    let paths = unique_paths(
        &out_dir,
        by_unit
            .keys()
            .map(|u| (*u, sanitize_file_name(u, "未知审批单位"))),
    );
    let mut written = Vec::new();
    for (unit, mut unit_hits) in by_unit {
        // What the unit must look at first: its own approvals, then its
        // township's, each strongest first.
        unit_hits.sort_by(|a, b| {
            (a.relevance, a.tier, &a.hit_id).cmp(&(b.relevance, b.tier, &b.hit_id))
        });
        let path = &paths[unit];
        let mut wb = new_workbook(&format!("亲属涉权事项比对结果 — {unit}"), batch)?;
        build(&mut wb, unit, &unit_hits, batch, decisions).map_err(xlsx_err(path, unit))?;
        save(&mut wb, path)?;
        written.push(path.clone());
    }
    written.sort();
    Ok(written)
}


fn build(
    wb: &mut Workbook,
    unit: &str,
    hits: &[&Hit],
    batch: &BatchInfo,
    decisions: &Decisions,
) -> Result<(), XlsxError> {
    let st = Styles::new();
    let ws = wb.add_worksheet();
    ws.set_name(RESULT_SHEET)?;
    write_headers(ws, 0, &HEADERS, &st.header)?;
    let with_status = !batch.lead_status.is_empty();
    if with_status {
        put(ws, 0, COL_STATUS, STATUS_HEADER, &st.header)?;
        ws.set_column_width(COL_STATUS, 22)?;
    }
    ws.set_row_height(0, 30)?;
    // Text format for the whole ID column, so IDs typed in later stay text.
    ws.set_column_format(COL_ID, &st.id_text)?;
    ws.set_column_hidden(COL_HIT_ID)?;
    for (i, h) in hits.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &st.count)?;
        put(ws, r, 1, h.tier.label_zh(), &st.tier(h.tier))?;
        put(ws, r, 2, &h.evidence, &st.wrap)?;
        put(ws, r, 3, &h.roll_name, &st.text)?;
        put(ws, r, COL_ID, &h.roll_id, &st.id_text)?;
        put(ws, r, 5, &crate::labels::roll_person(h.roll_role), &st.text)?;
        put(ws, r, 6, &h.township, &st.text)?;
        put(ws, r, 7, &h.village, &st.text)?;
        put(ws, r, 8, &h.program, &st.text)?;
        if h.amount.is_none() && !h.amount_unread.is_empty() {
            put(ws, r, 9, &format!("金额无法识别：{}", h.amount_unread), &st.wrap)?;
        } else {
            put_amount(ws, r, 9, h.amount, &st)?;
        }
        put(ws, r, 10, &h.date, &st.text)?;
        put(ws, r, 11, &h.cadre_name, &st.text)?;
        put(ws, r, 12, &h.cadre_unit, &st.text)?;
        put(ws, r, 13, &h.cadre_post, &st.text)?;
        put(ws, r, 14, &relation_label(h), &st.text)?;
        put(ws, r, 15, h.relevance.label_zh(), &st.text)?;
        put(
            ws,
            r,
            16,
            &source_text(&h.roll_file, &h.roll_sheet, h.roll_row),
            &st.wrap,
        )?;
        put(
            ws,
            r,
            17,
            &source_text(&h.kin_file, &h.kin_sheet, h.kin_row),
            &st.wrap,
        )?;
        let d = decisions.by_hit.get(&h.hit_id);
        let field = |f: fn(&super::Decision) -> &str| d.map(f).unwrap_or("");
        put(ws, r, COL_CONCLUSION, conclusion_of(h, decisions), &st.text)?;
        put(ws, r, COL_ACTION, field(|d| &d.action), &st.text)?;
        put(ws, r, 20, field(|d| &d.reviewer), &st.text)?;
        put(ws, r, 21, field(|d| &d.review_date), &st.text)?;
        put(ws, r, 22, field(|d| &d.remark), &st.wrap)?;
        put(ws, r, COL_HIT_ID, &h.hit_id, &st.text)?;
        if with_status {
            put(ws, r, COL_STATUS, batch.lead_status.get(&h.hit_id).map(String::as_str).unwrap_or(""), &st.text)?;
        }
        let d = decisions.by_hit.get(&h.hit_id);
        let remark = d.map(|d| d.remark.as_str()).unwrap_or("");
        ws.set_row_height(r, row_height(&[
            (&h.evidence, HEADERS[2].1),
            (&source_text(&h.roll_file, &h.roll_sheet, h.roll_row), HEADERS[16].1),
            (&source_text(&h.kin_file, &h.kin_sheet, h.kin_row), HEADERS[17].1),
            (remark, HEADERS[22].1),
        ]))?;
    }
    let last = hits.len() as u32;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last.max(1), if with_status { COL_STATUS } else { COL_HIT_ID })?;

    let conclusion = DataValidation::new()
        .allow_list_strings(&CONCLUSIONS)?
        .set_input_title(CONCLUSION_HEADER)?
        .set_input_message("请从下拉列表选择核查结论")?
        .set_error_title(CONCLUSION_HEADER)?
        .set_error_message(format!("请从下拉列表选择：{}", CONCLUSIONS.join("、")))?
        .set_error_style(DataValidationErrorStyle::Stop);
    ws.add_data_validation(
        1,
        COL_CONCLUSION,
        last + SPARE_ROWS,
        COL_CONCLUSION,
        &conclusion,
    )?;
    let action = DataValidation::new()
        .allow_list_strings(&ACTIONS)?
        .set_input_title(ACTION_HEADER)?
        .set_input_message("请从下拉列表选择处理措施")?
        .set_error_title(ACTION_HEADER)?
        .set_error_message(format!("请从下拉列表选择：{}", ACTIONS.join("、")))?
        .set_error_style(DataValidationErrorStyle::Stop);
    ws.add_data_validation(1, COL_ACTION, last + SPARE_ROWS, COL_ACTION, &action)?;
    print_setup(ws, 0, &format!("{unit} 亲属涉权事项比对结果"))?;
    ws.set_active(true);

    let ws = wb.add_worksheet();
    ws.set_name(README_SHEET)?;
    readme(ws, unit, hits, batch, &st)?;
    Ok(())
}

/// The guide's lines for the tiers: for each tier, every row of the evidence
/// table that earns it ([`crate::matching::score::EVIDENCE`]), then the
/// settling rules. Generated, so it cannot disagree with the scoring.
pub(crate) fn tier_guide() -> Vec<(String, String)> {
    evidence_guide(|t| match t {
        crate::model::Tier::Confirmed => "可认定为同一人，请核实享受资格是否合规。",
        _ => "请先核实是否为同一人，再核实享受资格。",
    })
}

/// [`tier_guide`] with what the reviewer is asked to check per tier (another
/// comparison's workbook asks of its own matter).
pub(crate) fn evidence_guide(ask: impl Fn(crate::model::Tier) -> &'static str) -> Vec<(String, String)> {
    use crate::matching::score::{EVIDENCE, SETTLING};
    let mut out = Vec::new();
    for t in TIERS {
        let mut texts: Vec<&str> = Vec::new();
        for r in EVIDENCE.iter().filter(|r| r.tier == t) {
            if !texts.contains(&r.text_zh) {
                texts.push(r.text_zh);
            }
        }
        let body: Vec<String> = texts.iter().enumerate().map(|(i, x)| format!("{}. {x}", i + 1)).collect();
        out.push((t.label_zh().to_string(), format!("{}\n{}", ask(t), body.join("\n"))));
    }
    out.push(("等级调整".into(), SETTLING.iter().enumerate().map(|(i, x)| format!("{}. {x}", i + 1)).collect::<Vec<_>>().join("\n")));
    out
}

fn readme(
    ws: &mut rust_xlsxwriter::Worksheet,
    unit: &str,
    hits: &[&Hit],
    batch: &BatchInfo,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 90)?;
    ws.merge_range(
        0,
        0,
        0,
        1,
        &format!("{unit} 亲属涉权事项比对结果"),
        &st.title,
    )?;
    ws.set_row_height(0, 28)?;
    let mut lines: Vec<(String, String)> = vec![
        (UNIT_LABEL.into(), unit.to_string()),
        (
            "本表是什么".into(),
            "本工作簿是党员干部亲属涉权事项比对的结果，列出本单位审批的资金或项目中，\
             受益人与党员干部（或其亲属）可能为同一人的记录。按照“谁审批、谁负责”的原则，\
             由本单位逐条核实并填写核查结论。比对结果只是线索，不是结论。"
                .into(),
        ),
    ];
    lines.extend(batch_lines(batch));
    let mut row = write_lines(ws, 1, &lines, st)?;

    row += 1;
    ws.write_string_with_format(row, 0, "输入文件", &st.label)?;
    row += 1;
    if batch.inputs.is_empty() {
        ws.write_string_with_format(row, 1, "（无）", &st.note)?;
        row += 1;
    }
    for input in &batch.inputs {
        let rows: u64 = input.data_rows();
        let mut text = format!(
            "{}（{}，{} 行数据）",
            input.file,
            kind_zh(&input.kind),
            rows
        );
        if let Some(err) = &input.error {
            text.push_str(&format!("；未能读取：{err}"));
        }
        ws.write_string_with_format(row, 1, super::xlsx_util::cell_text(&text), &st.note)?;
        row += 1;
    }

    row += 1;
    let counts = tier_counts(hits.iter().copied());
    ws.write_string_with_format(row, 0, "本单位比对结果", &st.label)?;
    row += 1;
    for (t, c) in TIERS.iter().zip(counts) {
        ws.write_string_with_format(row, 0, t.label_zh(), &st.tier(*t))?;
        ws.write_string_with_format(row, 1, format!("{c} 条"), &st.note)?;
        row += 1;
    }
    ws.write_string_with_format(row, 0, "合计", &st.label)?;
    ws.write_string_with_format(row, 1, format!("{} 条", hits.len()), &st.note)?;
    row += 2;

    // What each tier means, written from the evidence table the scoring uses.
    let mut guide: Vec<(String, String)> = tier_guide();
    guide.extend(vec![
        (
            CONCLUSION_HEADER.into(),
            format!(
                "必填，从下拉列表选择：{COMPLIANT}（享受资格符合规定）；{NONCOMPLIANT}（违规享受）；\
                 {NOT_THE_PERSON}（经核实不是同一人）；{TO_VERIFY}（尚未查清）。"
            ),
        ),
        (
            ACTION_HEADER.into(),
            format!("从下拉列表选择：{}。结论为“{COMPLIANT}”或“{NOT_THE_PERSON}”时选“{NO_ACTION}”。", ACTIONS.join("、")),
        ),
        (
            REVIEWER_HEADER.into(),
            "填写实际核查人员姓名，多人用顿号分隔。".into(),
        ),
        (
            REVIEW_DATE_HEADER.into(),
            "填写核查完成日期，格式如 2024-05-01。".into(),
        ),
        (
            REMARK_HEADER.into(),
            "填写核查依据、情况说明或需要说明的其他事项。".into(),
        ),
        (
            "注意".into(),
            "请只填写“核查结论”至“备注”五列，不要修改其他列、不要删除或插入行列、\
             不要删除隐藏的 hit_id 列（系统靠它把结论读回）。可以筛选和排序。\
             填好后保存为 .xlsx 格式交回。"
                .into(),
        ),
    ]);
    ws.write_string_with_format(row, 0, "填写说明", &st.label)?;
    row += 1;
    write_lines(ws, row, &guide, st)?;
    Ok(())
}
