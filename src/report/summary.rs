//! The summary workbook: totals, charts, data quality.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rust_xlsxwriter::{Chart, ChartType, Workbook, Worksheet, XlsxError};

use crate::labels;
use super::xlsx_util::{
    Styles, TIERS, batch_lines, kind_zh, new_workbook, put, save, tier_index,
    unit_name, write_headers, write_lines, xlsx_err,
};
use super::{BatchInfo, ReportError};
use crate::model::{Hit, Relevance};

/// Write the summary workbook.
pub fn write_summary(path: &Path, hits: &[Hit], batch: &BatchInfo) -> Result<(), ReportError> {
    write_summary_with(path, hits, batch, &[])
}

/// [`write_summary`], with a 虚报冒领 sheet when the batch ran those rules:
/// findings per paying unit and rule.
pub fn write_summary_with(path: &Path, hits: &[Hit], batch: &BatchInfo, eligibility: &[crate::compare::eligibility::Finding]) -> Result<(), ReportError> {
    write_summary_all(path, hits, batch, &Further { eligibility, ..Default::default() })
}

/// The other comparisons' findings a summary counts, each on its own sheet.
#[derive(Default)]
pub struct Further<'a> {
    pub eligibility: &'a [crate::compare::eligibility::Finding],
    pub enterprise: &'a [crate::compare::enterprise::Finding],
    pub associations: &'a [crate::compare::association::Finding],
}

/// [`write_summary`], with a sheet per further comparison that found something:
/// 虚报冒领 (per paying unit and rule), 经商办企业 and 社团兼职 (per cadre's unit).
pub fn write_summary_all(path: &Path, hits: &[Hit], batch: &BatchInfo, further: &Further) -> Result<(), ReportError> {
    let mut wb = new_workbook("亲属涉权事项比对汇总", batch)?;
    build(&mut wb, hits, batch).map_err(xlsx_err(path, "汇总表"))?;
    let el: Vec<(String, String)> = further.eligibility.iter().map(|f| (unit_name(&f.claim.unit).to_string(), f.rule.text_zh().to_string())).collect();
    let ent: Vec<(String, String)> = further
        .enterprise
        .iter()
        .map(|f| {
            let declared = if f.declared.is_empty() { String::new() } else { format!("，{}", f.declared) };
            (unit_name(&f.hit.cadre_unit).to_string(), format!("{}{}{declared}", f.role.label_zh(), f.hit.tier.label_zh()))
        })
        .collect();
    let org: Vec<(String, String)> =
        further.associations.iter().flat_map(|f| f.rules.iter().map(|r| (unit_name(&f.hit.cadre_unit).to_string(), r.text_zh().to_string()))).collect();
    for (name, unit, item, rows, total) in [
        ("虚报冒领", "发放单位", "问题类型", el, further.eligibility.len()),
        ("经商办企业", "干部所在单位", "担任、等级、申报", ent, further.enterprise.len()),
        ("社团兼职", "干部所在单位", "涉及的规定", org, further.associations.len()),
    ] {
        if total > 0 {
            count_sheet(wb.add_worksheet(), name, (unit, item), &rows, total).map_err(xlsx_err(path, "汇总表"))?;
        }
    }
    save(&mut wb, path)
}

/// One further comparison's counts: (unit, kind) -> rows, and the findings in all.
fn count_sheet(ws: &mut Worksheet, name: &str, (unit_h, item_h): (&str, &str), rows: &[(String, String)], total: usize) -> Result<(), XlsxError> {
    let st = Styles::new();
    ws.set_name(name)?;
    let mut by: std::collections::BTreeMap<(&str, &str), u64> = std::collections::BTreeMap::new();
    for (u, k) in rows {
        *by.entry((u.as_str(), k.as_str())).or_insert(0) += 1;
    }
    for (c, (h, w)) in [(unit_h, 20.0), (item_h, 40.0), ("条数", 10.0)].iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &st.header)?;
        ws.set_column_width(c as u16, *w)?;
    }
    let mut r = 1;
    for ((unit, kind), n) in &by {
        ws.write_string_with_format(r, 0, *unit, &st.text)?;
        ws.write_string_with_format(r, 1, *kind, &st.text)?;
        ws.write_number_with_format(r, 2, *n as f64, &st.count)?;
        r += 1;
    }
    ws.write_string_with_format(r, 0, "合计", &st.label)?;
    ws.write_number_with_format(r, 2, total as f64, &st.count)?;
    Ok(())
}

fn build(wb: &mut Workbook, hits: &[Hit], batch: &BatchInfo) -> Result<(), XlsxError> {
    let st = Styles::new();
    overview(wb.add_worksheet(), hits, batch, &st)?;

    let by_unit = count_by(hits, |h| unit_name(&h.approving_unit).to_string());
    grouped_sheet(
        wb.add_worksheet(),
        "按审批单位",
        "审批单位",
        &by_unit,
        true,
        &st,
    )?;
    let by_program = count_by(hits, |h| {
        let p = h.program.trim();
        if p.is_empty() {
            "（未注明）".into()
        } else {
            p.to_string()
        }
    });
    grouped_sheet(
        wb.add_worksheet(),
        "按资金项目",
        "资金或项目",
        &by_program,
        true,
        &st,
    )?;
    let by_relation = count_by(hits, |h| labels::relation(h.relation).to_string());
    grouped_sheet(
        wb.add_worksheet(),
        "按亲属关系",
        "亲属关系",
        &by_relation,
        false,
        &st,
    )?;

    quality(wb.add_worksheet(), batch, &st)?;
    // Every sheet prints one page wide (the quality sheet is wide: landscape).
    for (i, ws) in wb.worksheets_mut().iter_mut().enumerate() {
        ws.set_print_fit_to_pages(1, 0);
        if i == 4 {
            ws.set_landscape();
        }
    }
    Ok(())
}

fn count_by(hits: &[Hit], key: impl Fn(&Hit) -> String) -> BTreeMap<String, [u64; 3]> {
    let mut m: BTreeMap<String, [u64; 3]> = BTreeMap::new();
    for h in hits {
        m.entry(key(h)).or_default()[tier_index(h.tier)] += 1;
    }
    m
}

fn overview(
    ws: &mut Worksheet,
    hits: &[Hit],
    batch: &BatchInfo,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name("概况")?;
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 50)?;
    ws.merge_range(0, 0, 0, 1, "党员干部亲属涉权事项比对汇总", &st.title)?;
    ws.set_row_height(0, 28)?;
    let mut lines = batch_lines(batch);
    let units: BTreeSet<&str> = hits.iter().map(|h| unit_name(&h.approving_unit)).collect();
    lines.push(("输入文件数".into(), batch.inputs.len().to_string()));
    lines.push(("涉及审批单位数".into(), units.len().to_string()));
    let mut row = write_lines(ws, 1, &lines, st)?;

    row += 1;
    write_headers(ws, row, &[("核查等级", 18.0), ("条数", 50.0)], &st.header)?;
    row += 1;
    let mut tiers = [0u64; 3];
    for h in hits {
        tiers[tier_index(h.tier)] += 1;
    }
    for (t, c) in TIERS.iter().zip(tiers) {
        put(ws, row, 0, t.label_zh(), &st.tier(*t))?;
        ws.write_number_with_format(row, 1, c as f64, &st.count)?;
        row += 1;
    }
    put(ws, row, 0, "合计", &st.header)?;
    ws.write_number_with_format(row, 1, hits.len() as f64, &st.count)?;
    row += 2;

    write_headers(ws, row, &[("涉权类型", 18.0), ("条数", 50.0)], &st.header)?;
    row += 1;
    for rel in [
        Relevance::SameUnit,
        Relevance::SameTownship,
        Relevance::Other,
    ] {
        let c = hits.iter().filter(|h| h.relevance == rel).count();
        put(ws, row, 0, rel.label_zh(), &st.text)?;
        ws.write_number_with_format(row, 1, c as f64, &st.count)?;
        row += 1;
    }
    row += 1;
    let notes = vec![
        (
            "说明".to_string(),
            "本汇总表统计全部比对结果。各审批单位按“谁审批、谁负责”的原则核实本单位的比对结果（见 review 目录下各单位工作簿）。\
             “数据质量”表逐个输入文件、工作表说明读取情况，每一行数据都有交代。"
                .to_string(),
        ),
    ];
    write_lines(ws, row, &notes, st)?;
    ws.set_active(true);
    Ok(())
}

/// key | 确认 | 高度疑似 | 疑似 | 合计, with an optional stacked bar chart.
fn grouped_sheet(
    ws: &mut Worksheet,
    name: &str,
    key_header: &str,
    counts: &BTreeMap<String, [u64; 3]>,
    with_chart: bool,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    write_headers(
        ws,
        0,
        &[
            (key_header, 28.0),
            ("确认", 10.0),
            ("高度疑似", 10.0),
            ("疑似", 10.0),
            ("合计", 10.0),
        ],
        &st.header,
    )?;
    // Largest first, then by name.
    let mut rows: Vec<(&String, &[u64; 3])> = counts.iter().collect();
    rows.sort_by(|a, b| {
        let ta: u64 = a.1.iter().sum();
        let tb: u64 = b.1.iter().sum();
        tb.cmp(&ta).then(a.0.cmp(b.0))
    });
    let mut totals = [0u64; 3];
    for (i, (key, c)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        put(ws, r, 0, key, &st.text)?;
        for (j, v) in c.iter().enumerate() {
            ws.write_number_with_format(r, j as u16 + 1, *v as f64, &st.count)?;
            totals[j] += v;
        }
        ws.write_number_with_format(r, 4, c.iter().sum::<u64>() as f64, &st.count)?;
    }
    let n = rows.len() as u32;
    put(ws, n + 1, 0, "合计", &st.header)?;
    for (j, v) in totals.iter().enumerate() {
        ws.write_number_with_format(n + 1, j as u16 + 1, *v as f64, &st.count)?;
    }
    ws.write_number_with_format(n + 1, 4, totals.iter().sum::<u64>() as f64, &st.count)?;
    ws.set_freeze_panes(1, 0)?;
    if n > 0 {
        ws.autofilter(0, 0, n, 4)?;
    }

    if with_chart && n > 0 {
        let mut chart = Chart::new(ChartType::BarStacked);
        for (j, t) in TIERS.iter().enumerate() {
            let col = j as u16 + 1;
            chart
                .add_series()
                .set_name(t.label_zh())
                .set_categories((name, 1, 0, n, 0))
                .set_values((name, 1, col, n, col));
        }
        chart.title().set_name(&format!("比对结果{name}"));
        // Largest at the top, as in the table (in a bar chart the category
        // axis is the vertical one, `y_axis`); values grow left to right.
        chart.y_axis().set_reverse();
        chart.set_width(640);
        chart.set_height((120 + 24 * n).min(4000));
        // Below the table, so that table and chart print on one page width.
        ws.insert_chart(n + 3, 0, &chart)?;
    }
    Ok(())
}

/// Known keys first, in the given order, then any other key seen, sorted.
fn keys_in_order<'a>(known: &[&'a str], seen: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = known.iter().map(|s| s.to_string()).collect();
    let extra: BTreeSet<&String> = seen.filter(|k| !known.contains(&k.as_str())).collect();
    out.extend(extra.into_iter().cloned());
    out
}

fn quality(ws: &mut Worksheet, batch: &BatchInfo, st: &Styles) -> Result<(), XlsxError> {
    ws.set_name("数据质量")?;
    let sheets = || batch.inputs.iter().flat_map(|i| i.sheets.iter());
    let skip_keys = keys_in_order(
        &["blank", "header", "total", "footer"],
        sheets().flat_map(|s| s.skipped.keys()),
    );
    let id_keys = keys_in_order(
        &[
            "valid",
            "repaired",
            "legacy_upgraded",
            "excel_truncated",
            "bad_check_digit",
            "malformed",
            "missing",
        ],
        sheets().flat_map(|s| s.id_status.keys()),
    );
    let unusable_keys = keys_in_order(&[], sheets().flat_map(|s| s.unusable.keys()));

    let mut headers: Vec<(String, f64)> = vec![
        ("文件".into(), 30.0),
        ("类型".into(), 10.0),
        ("格式".into(), 7.0),
        ("编码".into(), 9.0),
        ("工作表".into(), 14.0),
        ("表头行".into(), 7.0),
        ("数据行数".into(), 9.0),
    ];
    headers.extend(
        skip_keys
            .iter()
            .map(|k| (format!("跳过·{}", labels::skip(k)), 9.0)),
    );
    headers.extend(
        id_keys
            .iter()
            .map(|k| (format!("身份证·{}", labels::id_status(k)), 10.0)),
    );
    headers.extend(unusable_keys.iter().map(|k| (format!("不可用·{}", labels::unusable(k)), 10.0)));
    headers.push(("不可用合计".into(), 10.0));
    headers.push(("可比对行数".into(), 10.0));
    headers.push(("问题 / 未能读取的原因".into(), 50.0));
    let h: Vec<(&str, f64)> = headers.iter().map(|(s, w)| (s.as_str(), *w)).collect();
    write_headers(ws, 0, &h, &st.header)?;
    ws.set_row_height(0, 32)?;
    let ncols = headers.len() as u16;

    let mut row = 1u32;
    let mut total_data = 0u64;
    let mut total_unusable = 0u64;
    for input in &batch.inputs {
        let file_cells = |ws: &mut Worksheet, row: u32| -> Result<(), XlsxError> {
            put(ws, row, 0, &input.file, &st.text)?;
            put(ws, row, 1, kind_zh(&input.kind), &st.text)?;
            put(ws, row, 2, &input.format, &st.text)?;
            put(
                ws,
                row,
                3,
                input.encoding.as_deref().unwrap_or(""),
                &st.text,
            )?;
            Ok(())
        };
        if input.sheets.is_empty() {
            file_cells(ws, row)?;
            for c in 4..ncols - 1 {
                ws.write_blank(row, c, &st.text)?;
            }
            let err = input.error.as_deref().unwrap_or("未找到工作表");
            put(ws, row, ncols - 1, err, &st.wrap)?;
            row += 1;
            continue;
        }
        for s in &input.sheets {
            file_cells(ws, row)?;
            put(ws, row, 4, &s.sheet, &st.text)?;
            match s.header_row {
                Some(h) => ws.write_number_with_format(row, 5, h as f64, &st.count)?,
                None => ws.write_blank(row, 5, &st.count)?,
            };
            ws.write_number_with_format(row, 6, s.data_rows as f64, &st.count)?;
            let mut col = 7u16;
            for (map, keys) in [
                (&s.skipped, &skip_keys),
                (&s.id_status, &id_keys),
                (&s.unusable, &unusable_keys),
            ] {
                for k in keys {
                    let v = map.get(k).copied().unwrap_or(0);
                    ws.write_number_with_format(row, col, v as f64, &st.count)?;
                    col += 1;
                }
            }
            let unusable: u64 = s.unusable.values().sum();
            total_data += s.data_rows;
            total_unusable += unusable;
            ws.write_number_with_format(row, col, unusable as f64, &st.count)?;
            ws.write_number_with_format(
                row,
                col + 1,
                s.data_rows.saturating_sub(unusable) as f64,
                &st.count,
            )?;
            let err = match (&s.problem, &s.error, &input.error) {
                (Some(p), _, _) => format!("【不可用】{p}"),
                (None, Some(e), _) => e.clone(),
                (None, None, Some(e)) => e.clone(),
                (None, None, None) => String::new(),
            };
            // Values kept as written because they could not be read.
            let unread: Vec<String> =
                s.unreadable.iter().map(|(k, n)| format!("{}无法识别 {n} 个（按原样保留）", labels::unreadable(k))).collect();
            let err = [err, unread.join("；")].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("；");
            put(ws, row, col + 2, &err, &st.wrap)?;
            row += 1;
        }
    }
    // Totals row.
    put(ws, row, 0, "合计", &st.header)?;
    ws.write_number_with_format(row, 6, total_data as f64, &st.count)?;
    ws.write_number_with_format(row, ncols - 3, total_unusable as f64, &st.count)?;
    ws.write_number_with_format(
        row,
        ncols - 2,
        total_data.saturating_sub(total_unusable) as f64,
        &st.count,
    )?;
    ws.set_freeze_panes(1, 1)?;
    if row > 1 {
        ws.autofilter(0, 0, row - 1, ncols - 1)?;
    }
    row += 2;
    let note = "每个输入文件、每个工作表一行。数据行数 = 不可用合计 + 可比对行数；\
                “跳过”各列是不计入数据行的空行、重复表头、合计行和表尾；\
                “身份证”各列按人员统计（一行可能有多人）。";
    ws.write_string_with_format(row, 0, note, &st.note)?;
    if !batch.problems.is_empty() {
        row += 2;
        put(ws, row, 0, &labels::unusable_inputs_title(batch.problems.len()), &st.header)?;
        for p in &batch.problems {
            row += 1;
            put(ws, row, 0, p, &st.text)?;
        }
    }
    Ok(())
}
