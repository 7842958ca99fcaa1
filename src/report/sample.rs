//! Reproducible spot-check sample of verified hits.

use std::collections::BTreeMap;
use std::path::Path;

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};
use rust_xlsxwriter::{Workbook, XlsxError};

use super::decisions::Decisions;
use super::decisions::conclusion_of;
use super::xlsx_util::{
    Styles, batch_lines, new_workbook, print_setup, put, put_amount, relation_label,
    save, unit_name, write_headers, write_lines, xlsx_err,
};
use super::{BatchInfo, ReportError};
use crate::model::Hit;
use crate::labels::{ACTION_HEADER, CONCLUSION_HEADER, REMARK_HEADER, REVIEW_DATE_HEADER, REVIEWER_HEADER};

/// Draw ceil(rate * n) of the verified hits (those with a 核查结论) of each
/// approving unit, write them to a workbook at `path`, and return the
/// sampled hit_ids (sorted).
///
/// Each unit is drawn from its hits sorted by hit_id, with a ChaCha8Rng
/// seeded by `seed` mixed with the unit name (FNV-1a), by a partial
/// Fisher–Yates shuffle over `next_u64` with rejection sampling. ChaCha8's
/// output is value-stable, so the same seed and hits give the same sample
/// on any machine and any later version; a unit's sample does not change
/// when other units' hits do.
pub fn write_sample(
    path: &Path,
    hits: &[Hit],
    decisions: &Decisions,
    rate: f64,
    seed: u64,
    batch: &BatchInfo,
) -> Result<Vec<String>, ReportError> {
    if !(0.0..=1.0).contains(&rate) {
        return Err(ReportError::InvalidArgument(format!(
            "抽查比例应在 0 到 1 之间，实际为 {rate}"
        )));
    }
    let mut by_unit: BTreeMap<&str, Vec<&Hit>> = BTreeMap::new();
    for h in hits {
        if !conclusion_of(h, decisions).is_empty() {
            by_unit
                .entry(unit_name(&h.approving_unit))
                .or_default()
                .push(h);
        }
    }
    let mut per_unit: Vec<(String, usize, usize)> = Vec::new();
    let mut sampled: Vec<&Hit> = Vec::new();
    for (unit, mut list) in by_unit {
        list.sort_by(|a, b| a.hit_id.cmp(&b.hit_id));
        list.dedup_by(|a, b| a.hit_id == b.hit_id);
        let n = list.len();
        let k = sample_size(rate, n);
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ fnv1a(unit));
        for i in 0..k {
            let j = i + bounded(&mut rng, (n - i) as u64) as usize;
            list.swap(i, j);
        }
        let mut chosen = list[..k].to_vec();
        chosen.sort_by(|a, b| a.hit_id.cmp(&b.hit_id));
        per_unit.push((unit.to_string(), n, k));
        sampled.extend(chosen);
    }

    let mut wb = new_workbook("亲属涉权事项核查结果抽查样本", batch)?;
    build(&mut wb, &sampled, decisions, &per_unit, rate, seed, batch)
        .map_err(xlsx_err(path, "抽查样本"))?;
    save(&mut wb, path)?;
    let mut ids: Vec<String> = sampled.iter().map(|h| h.hit_id.clone()).collect();
    ids.sort();
    Ok(ids)
}

/// ceil(rate * n), at most n (computed so that 0.1 * 30 gives 3, not 4).
pub(crate) fn sample_size(rate: f64, n: usize) -> usize {
    let x = rate * n as f64;
    let k = (x - 1e-9).ceil().max(0.0) as usize;
    k.min(n)
}

/// Uniform in 0..m (m > 0) without modulo bias.
fn bounded(rng: &mut ChaCha8Rng, m: u64) -> u64 {
    let zone = u64::MAX - (u64::MAX % m + 1) % m;
    loop {
        let v = rng.next_u64();
        if v <= zone {
            return v % m;
        }
    }
}

/// FNV-1a 64 of the unit name (stable, unlike std's hasher).
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn build(
    wb: &mut Workbook,
    sampled: &[&Hit],
    decisions: &Decisions,
    per_unit: &[(String, usize, usize)],
    rate: f64,
    seed: u64,
    batch: &BatchInfo,
) -> Result<(), XlsxError> {
    let st = Styles::new();
    let ws = wb.add_worksheet();
    ws.set_name("抽查样本")?;
    let headers = [
        ("序号", 6.0),
        ("审批单位", 18.0),
        ("核查等级", 10.0),
        ("受益人姓名", 10.0),
        ("身份证号", 21.0),
        ("资金或项目", 18.0),
        ("金额(元)", 12.0),
        ("干部姓名", 10.0),
        ("干部单位", 18.0),
        ("亲属关系", 10.0),
        (CONCLUSION_HEADER, 14.0),
        (ACTION_HEADER, 14.0),
        (REVIEWER_HEADER, 10.0),
        (REVIEW_DATE_HEADER, 12.0),
        (REMARK_HEADER, 20.0),
        ("抽查结果", 14.0),
        ("抽查人", 10.0),
        ("抽查说明", 24.0),
        ("hit_id", 20.0),
    ];
    write_headers(ws, 0, &headers, &st.header)?;
    ws.set_column_format(4, &st.id_text)?;
    for (i, h) in sampled.iter().enumerate() {
        let r = i as u32 + 1;
        let d = decisions.by_hit.get(&h.hit_id);
        let field = |f: fn(&super::Decision) -> &str| d.map(f).unwrap_or("");
        ws.write_number_with_format(r, 0, (i + 1) as f64, &st.count)?;
        put(ws, r, 1, unit_name(&h.approving_unit), &st.text)?;
        put(ws, r, 2, h.tier.label_zh(), &st.tier(h.tier))?;
        put(ws, r, 3, &h.roll_name, &st.text)?;
        put(ws, r, 4, &h.roll_id, &st.id_text)?;
        put(ws, r, 5, &h.program, &st.text)?;
        put_amount(ws, r, 6, h.amount, &st)?;
        put(ws, r, 7, &h.cadre_name, &st.text)?;
        put(ws, r, 8, &h.cadre_unit, &st.text)?;
        put(ws, r, 9, &relation_label(h), &st.text)?;
        put(ws, r, 10, conclusion_of(h, decisions), &st.text)?;
        put(ws, r, 11, field(|d| &d.action), &st.text)?;
        put(ws, r, 12, field(|d| &d.reviewer), &st.text)?;
        put(ws, r, 13, field(|d| &d.review_date), &st.text)?;
        put(ws, r, 14, field(|d| &d.remark), &st.wrap)?;
        for c in 15..18 {
            ws.write_blank(r, c, &st.text)?;
        }
        put(ws, r, 18, &h.hit_id, &st.text)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, (sampled.len() as u32).max(1), 18)?;
    print_setup(ws, 0, "核查结果抽查样本")?;
    ws.set_active(true);

    let ws = wb.add_worksheet();
    ws.set_name("说明")?;
    ws.set_column_width(0, 20)?;
    ws.set_column_width(1, 70)?;
    let mut lines = batch_lines(batch);
    lines.push(("抽查比例".into(), format!("{rate}")));
    lines.push(("随机种子".into(), seed.to_string()));
    lines.push((
        "抽取方法".into(),
        "对每个审批单位已填写核查结论的比对结果，按 hit_id 排序后，用以随机种子（与单位名称的 \
         FNV-1a 值异或）初始化的 ChaCha8 随机数发生器抽取 ceil(比例 × 条数) 条。\
         相同种子、相同数据必得相同样本，可复核。"
            .into(),
    ));
    let mut row = write_lines(ws, 0, &lines, &st)?;
    row += 1;
    write_headers(
        ws,
        row,
        &[("审批单位", 20.0), ("已核查条数", 70.0), ("抽取条数", 10.0)],
        &st.header,
    )?;
    ws.set_column_width(1, 70)?;
    for (unit, n, k) in per_unit {
        row += 1;
        put(ws, row, 0, unit, &st.text)?;
        ws.write_number_with_format(row, 1, *n as f64, &st.count)?;
        ws.write_number_with_format(row, 2, *k as f64, &st.count)?;
    }
    Ok(())
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(sample_size(0.1, 30), 3);
        assert_eq!(sample_size(0.1, 31), 4);
        assert_eq!(sample_size(0.5, 1), 1);
        assert_eq!(sample_size(0.0, 10), 0);
        assert_eq!(sample_size(1.0, 7), 7);
        assert_eq!(sample_size(0.3, 0), 0);
    }

    #[test]
    fn chacha_is_value_stable() {
        // Pin the generator's output: a change here means samples changed.
        let mut rng = ChaCha8Rng::seed_from_u64(42);
        let first = rng.next_u64();
        let mut rng2 = ChaCha8Rng::seed_from_u64(42);
        assert_eq!(first, rng2.next_u64());
        assert_eq!(first, 0xae90_bfb5_395d_5ba1);
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
    }
}
