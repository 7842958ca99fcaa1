//! Publicity lists (双向公示): per cadre unit and per village, IDs masked.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Workbook, XlsxError};

use super::decisions::Decisions;
use super::decisions::conclusion_of;
use super::xlsx_util::{
    Styles, ensure_dir, new_workbook, print_setup, put, put_amount, redact_ids,
    relation_label, sanitize_file_name, save, unique_paths, write_headers, xlsx_err,
};
use super::{BatchInfo, ReportError};
use crate::model::{Hit, Tier};
use crate::normalize::id::mask_id;

const PERIOD_LINE: &str = "公示期：    年  月  日 至     年  月  日";
const OBJECTION_LINE: &str =
    "公示期间如有异议，请向            反映。联系电话：              （本表身份证号已作脱敏处理）";

/// Write DIR/publicity/单位/<cadre unit>.xlsx and
/// DIR/publicity/村/<township><village>.xlsx. The hits listed are those
/// whose decision is 合规, or with `dry_run` all confirmed hits (a preview
/// before review, marked as such in the title). Returns the paths, sorted.
pub fn write_publicity(
    dir: &Path,
    hits: &[Hit],
    decisions: &Decisions,
    batch: &BatchInfo,
    dry_run: bool,
) -> Result<Vec<PathBuf>, ReportError> {
    let chosen: Vec<&Hit> = hits
        .iter()
        .filter(|h| {
            if dry_run {
                h.tier == Tier::Confirmed
            } else {
                conclusion_of(h, decisions) == crate::labels::COMPLIANT
            }
        })
        .collect();
    let unit_dir = dir.join("publicity").join("单位");
    let village_dir = dir.join("publicity").join("村");
    ensure_dir(&unit_dir)?;
    ensure_dir(&village_dir)?;
    let prefix = if dry_run {
        "【预览·未经核实】"
    } else {
        ""
    };
    let mut written = Vec::new();

    let mut by_unit: BTreeMap<String, Vec<&Hit>> = BTreeMap::new();
    for h in &chosen {
        let u = h.cadre_unit.trim();
        let u = if u.is_empty() { "未知单位" } else { u };
        by_unit.entry(u.to_string()).or_default().push(h);
    }
    let paths = unique_paths(
        &unit_dir,
        by_unit
            .keys()
            .map(|u| (u.as_str(), sanitize_file_name(u, "未知单位"))),
    );
    for (unit, mut list) in by_unit {
        list.sort_by(|a, b| {
            (&a.cadre_name, &a.relative_name, &a.program, &a.hit_id).cmp(&(
                &b.cadre_name,
                &b.relative_name,
                &b.program,
                &b.hit_id,
            ))
        });
        let path = &paths[&unit];
        let title = format!("{prefix}{unit} 党员干部亲属享受惠民资金（项目）情况公示");
        let mut wb = new_workbook(&title, batch)?;
        unit_list(&mut wb, &title, &unit, &list).map_err(xlsx_err(path, &unit))?;
        save(&mut wb, path)?;
        written.push(path.clone());
    }

    let mut by_village: BTreeMap<String, Vec<&Hit>> = BTreeMap::new();
    for h in &chosen {
        let place = format!("{}{}", h.township.trim(), h.village.trim());
        let place = if place.is_empty() {
            "未知村".to_string()
        } else {
            place
        };
        by_village.entry(place).or_default().push(h);
    }
    let paths = unique_paths(
        &village_dir,
        by_village
            .keys()
            .map(|v| (v.as_str(), sanitize_file_name(v, "未知村"))),
    );
    for (place, mut list) in by_village {
        list.sort_by(|a, b| {
            (&a.roll_name, &a.program, &a.hit_id).cmp(&(&b.roll_name, &b.program, &b.hit_id))
        });
        let path = &paths[&place];
        let title = format!("{prefix}{place} 党员干部亲属享受惠民资金（项目）情况公示");
        let mut wb = new_workbook(&title, batch)?;
        village_list(&mut wb, &title, &place, &list).map_err(xlsx_err(path, &place))?;
        save(&mut wb, path)?;
        written.push(path.clone());
    }
    written.sort();
    Ok(written)
}

/// Free text as it may appear in a publicity list.
fn safe(s: &str) -> String {
    redact_ids(s.trim())
}

fn title_rows(
    ws: &mut rust_xlsxwriter::Worksheet,
    title: &str,
    last_col: u16,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.merge_range(0, 0, 0, last_col, &safe(title), &st.title)?;
    ws.set_row_height(0, 30)?;
    ws.merge_range(1, 0, 1, last_col, PERIOD_LINE, &st.note)?;
    Ok(())
}

fn unit_list(wb: &mut Workbook, title: &str, unit: &str, hits: &[&Hit]) -> Result<(), XlsxError> {
    let st = Styles::new();
    let ws = wb.add_worksheet();
    ws.set_name("公示名单")?;
    let headers = [
        ("序号", 6.0),
        ("干部姓名", 10.0),
        ("职务", 14.0),
        ("亲属姓名", 10.0),
        ("亲属关系", 10.0),
        ("资金或项目", 22.0),
        ("金额(元)", 12.0),
        ("亲属身份证号", 21.0),
    ];
    title_rows(ws, title, 7, &st)?;
    write_headers(ws, 2, &headers, &st.header)?;
    for (i, h) in hits.iter().enumerate() {
        let r = i as u32 + 3;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &st.count)?;
        put(ws, r, 1, &safe(&h.cadre_name), &st.text)?;
        put(ws, r, 2, &safe(&h.cadre_post), &st.text)?;
        let name = if h.relative_name.trim().is_empty() {
            &h.roll_name
        } else {
            &h.relative_name
        };
        put(ws, r, 3, &safe(name), &st.text)?;
        put(ws, r, 4, &safe(&relation_label(h)), &st.text)?;
        put(ws, r, 5, &safe(&h.program), &st.text)?;
        put_amount(ws, r, 6, h.amount, &st)?;
        let id = if h.relative_id.trim().is_empty() {
            &h.roll_id
        } else {
            &h.relative_id
        };
        put(ws, r, 7, &mask_id(id.trim()), &st.id_text)?;
    }
    ws.write_string_with_format(hits.len() as u32 + 4, 0, OBJECTION_LINE, &st.note)?;
    print_setup(ws, 2, &safe(unit))?;
    Ok(())
}

fn village_list(
    wb: &mut Workbook,
    title: &str,
    place: &str,
    hits: &[&Hit],
) -> Result<(), XlsxError> {
    let st = Styles::new();
    let ws = wb.add_worksheet();
    ws.set_name("公示名单")?;
    let headers = [
        ("序号", 6.0),
        ("姓名", 10.0),
        ("身份证号", 21.0),
        ("资金或项目", 22.0),
        ("金额(元)", 12.0),
        ("与干部关系", 36.0),
    ];
    title_rows(ws, title, 5, &st)?;
    write_headers(ws, 2, &headers, &st.header)?;
    for (i, h) in hits.iter().enumerate() {
        let r = i as u32 + 3;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &st.count)?;
        put(ws, r, 1, &safe(&h.roll_name), &st.text)?;
        put(ws, r, 2, &mask_id(h.roll_id.trim()), &st.id_text)?;
        put(ws, r, 3, &safe(&h.program), &st.text)?;
        put_amount(ws, r, 4, h.amount, &st)?;
        let unit = h.cadre_unit.trim();
        let relation = format!(
            "{}{} 的 {}",
            if unit.is_empty() {
                String::new()
            } else {
                format!("{unit} ")
            },
            h.cadre_name.trim(),
            relation_label(h)
        );
        put(ws, r, 5, &safe(&relation), &st.text)?;
    }
    ws.write_string_with_format(hits.len() as u32 + 4, 0, OBJECTION_LINE, &st.note)?;
    print_setup(ws, 2, &safe(place))?;
    Ok(())
}
