//! Reviewer decisions: the CSV they are kept in, and reading them back from
//! filled-in review workbooks.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use serde::{Deserialize, Serialize};

use super::{ACTIONS, CONCLUSIONS, README_SHEET, RESULT_SHEET, ReportError, UNIT_LABEL};
use crate::labels::{ACTION_HEADER, CONCLUSION_HEADER, REMARK_HEADER, REVIEW_DATE_HEADER, REVIEWER_HEADER};

/// One reviewer decision on one hit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub hit_id: String,
    /// 核查结论
    pub conclusion: String,
    /// 处理措施
    pub action: String,
    pub reviewer: String,
    pub review_date: String,
    pub remark: String,
    /// "file · sheet · 第N行" it was read from.
    #[serde(default)]
    pub source: String,
}

/// Decisions by hit_id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    pub by_hit: BTreeMap<String, Decision>,
}

impl Decisions {
    /// Read a decisions CSV (UTF-8, with or without BOM; header row with
    /// the field names of [`Decision`]). The same hit_id twice with
    /// different content is an error.
    pub fn load_csv(path: &Path) -> Result<Self, ReportError> {
        let bytes = std::fs::read(path).map_err(|e| ReportError::Csv {
            path: path.to_path_buf(),
            row: None,
            message: format!("无法读取: {e}"),
        })?;
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(body);
        let mut by_hit: BTreeMap<String, Decision> = BTreeMap::new();
        for (i, rec) in rdr.deserialize::<Decision>().enumerate() {
            // Line 1 is the header.
            let row = i as u64 + 2;
            let csv_err = |message: String| ReportError::Csv {
                path: path.to_path_buf(),
                row: Some(row),
                message,
            };
            let d = rec.map_err(|e| csv_err(e.to_string()))?;
            let id = d.hit_id.trim().to_string();
            if id.is_empty() {
                continue;
            }
            if let Some(prev) = by_hit.get(&id)
                && prev != &d
            {
                return Err(csv_err(format!("hit_id {id} 出现两次且内容不同")));
            }
            by_hit.insert(id, d);
        }
        Ok(Decisions { by_hit })
    }

    /// Write the decisions as CSV (UTF-8 with BOM, so Excel/WPS show the
    /// Chinese correctly), sorted by hit_id.
    pub fn write_csv(&self, path: &Path) -> Result<(), ReportError> {
        let csv_err = |message: String| ReportError::Csv {
            path: path.to_path_buf(),
            row: None,
            message,
        };
        let mut buf: Vec<u8> = b"\xEF\xBB\xBF".to_vec();
        {
            let mut w = csv::Writer::from_writer(&mut buf);
            if self.by_hit.is_empty() {
                w.write_record([
                    "hit_id",
                    "conclusion",
                    "action",
                    "reviewer",
                    "review_date",
                    "remark",
                    "source",
                ])
                .map_err(|e| csv_err(e.to_string()))?;
            }
            for d in self.by_hit.values() {
                w.serialize(d).map_err(|e| csv_err(e.to_string()))?;
            }
            w.flush().map_err(|e| csv_err(e.to_string()))?;
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            super::xlsx_util::ensure_dir(parent)?;
        }
        std::fs::write(path, buf).map_err(|source| ReportError::Write {
            path: path.to_path_buf(),
            source,
        })
    }
}

/// What [`import_reviews`] found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// Accepted decisions (hits with one consistent, valid 核查结论).
    pub decisions: Decisions,
    /// The same hit_id with different decisions in two places, naming both.
    /// Such hits are left out of `decisions` until resolved.
    pub conflicts: Vec<String>,
    /// hit_ids with no 核查结论 yet, with their unit.
    pub missing: Vec<String>,
    /// Values not in a dropdown list, with file · sheet · row. Such rows are
    /// left out of `decisions`.
    pub invalid: Vec<String>,
    /// Workbooks that could not be read (not a review workbook, damaged,
    /// missing), with the reason; the others are still read.
    pub unreadable: Vec<String>,
    /// hit_ids that are not hits of the batch ([`ImportReport::check_batch`]),
    /// with where they were read; left out of `decisions`.
    pub unknown: Vec<String>,
}

impl ImportReport {
    /// Whether everything given was read and every decision could be taken.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty() && self.invalid.is_empty() && self.unreadable.is_empty() && self.unknown.is_empty()
    }

    /// Hold the decisions against the batch's hits: a hit_id that is not a
    /// hit of the batch (a workbook of another batch, an edited id) is
    /// reported and left out; a hit of the batch in no workbook is missing.
    pub fn check_batch(&mut self, hits: &[crate::model::Hit]) {
        let ids: std::collections::BTreeSet<&str> = hits.iter().map(|h| h.hit_id.as_str()).collect();
        let unknown: Vec<String> = self.decisions.by_hit.keys().filter(|k| !ids.contains(k.as_str())).cloned().collect();
        for k in unknown {
            if let Some(d) = self.decisions.by_hit.remove(&k) {
                self.unknown.push(format!("{k}（{}）不是本批次的命中，未采用", d.source));
            }
        }
        let seen = |id: &str| self.decisions.by_hit.contains_key(id) || self.missing.iter().any(|m| m.starts_with(id));
        let absent: Vec<String> = hits
            .iter()
            .filter(|h| !seen(&h.hit_id))
            .filter(|h| !self.conflicts.iter().chain(&self.invalid).any(|c| c.contains(h.hit_id.as_str())))
            .map(|h| format!("{}（{}）不在所给的任何工作簿中", h.hit_id, h.approving_unit))
            .collect();
        self.missing.extend(absent);
    }
}

/// One row read from a reviewed workbook.
struct Row {
    decision: Decision,
    unit: String,
    /// A dropdown value was invalid (reported in `invalid`).
    invalid: bool,
}

/// Read the reviewer columns back from filled-in review workbooks, matched
/// by hit_id. Paths are read in sorted order, so the result does not depend
/// on the order given.
pub fn import_reviews(paths: &[PathBuf]) -> ImportReport {
    let mut paths: Vec<&PathBuf> = paths.iter().collect();
    paths.sort();
    paths.dedup();
    let mut rows: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    let mut invalid = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        // A bad workbook is reported; the others are still read. Its rows
        // read before the failure are kept out too (all or nothing per file).
        let mut mine = BTreeMap::new();
        let mut mine_invalid = Vec::new();
        match read_workbook(path, &mut mine, &mut mine_invalid) {
            Ok(()) => {
                for (k, v) in mine {
                    rows.entry(k).or_insert_with(Vec::new).extend(v);
                }
                invalid.extend(mine_invalid);
            }
            Err(e) => unreadable.push(e.to_string()),
        }
    }

    let mut report = ImportReport {
        invalid,
        unreadable,
        ..ImportReport::default()
    };
    for (hit_id, entries) in rows {
        let filled: Vec<&Row> = entries
            .iter()
            .filter(|r| !r.decision.conclusion.is_empty())
            .collect();
        let Some(first) = filled.first() else {
            // Rows with an invalid value are already reported as such.
            if entries.iter().all(|r| !r.invalid) {
                let unit = &entries[0].unit;
                report.missing.push(format!(
                    "{hit_id}（{unit}，{}）未填写核查结论",
                    entries[0].decision.source
                ));
            }
            continue;
        };
        let key = |r: &Row| (r.decision.conclusion.clone(), r.decision.action.clone());
        let disagreeing: Vec<&&Row> = filled.iter().filter(|r| key(r) != key(first)).collect();
        if let Some(other) = disagreeing.first() {
            report.conflicts.push(format!(
                "{hit_id}：{} 为“{}/{}”，而 {} 为“{}/{}”",
                first.decision.source,
                first.decision.conclusion,
                or_blank(&first.decision.action),
                other.decision.source,
                other.decision.conclusion,
                or_blank(&other.decision.action),
            ));
            continue;
        }
        report
            .decisions
            .by_hit
            .insert(hit_id.clone(), first.decision.clone());
    }
    report
}

fn or_blank(s: &str) -> &str {
    if s.is_empty() { "（空）" } else { s }
}

fn read_workbook(
    path: &Path,
    rows: &mut BTreeMap<String, Vec<Row>>,
    invalid: &mut Vec<String>,
) -> Result<(), ReportError> {
    let read_err = |source| ReportError::ReadXlsx {
        path: path.to_path_buf(),
        source,
    };
    let mut wb: Xlsx<_> = calamine::open_workbook(path).map_err(read_err)?;
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let stem = path
        .file_stem()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();

    // The unit: from the 说明 sheet when it is still there, else the file name.
    let mut unit = stem;
    if wb.sheet_names().iter().any(|s| s == README_SHEET)
        && let Ok(range) = wb.worksheet_range(README_SHEET)
    {
        for r in range.rows() {
            if r.first().map(cell_string).as_deref() == Some(UNIT_LABEL)
                && let Some(v) = r.get(1).map(cell_string).filter(|v| !v.is_empty())
            {
                unit = v;
                break;
            }
        }
    }

    // The results sheet: by name, else the first sheet with a hit_id header.
    let mut names = wb.sheet_names();
    names.sort_by_key(|n| n != RESULT_SHEET);
    let mut found = None;
    for name in names {
        let range = wb.worksheet_range(&name).map_err(read_err)?;
        if let Some(h) = find_header(&range) {
            found = Some((name, range, h));
            break;
        }
    }
    let Some((sheet, range, (header_idx, cols))) = found else {
        return Err(ReportError::Layout {
            path: path.to_path_buf(),
            sheet: RESULT_SHEET.to_string(),
            message: "找不到含“hit_id”和“核查结论”列的表头（是否删除了隐藏的 hit_id 列？）".into(),
        });
    };
    let start_row = range.start().map(|(r, _)| r).unwrap_or(0);
    for (i, r) in range.rows().enumerate().skip(header_idx + 1) {
        let excel_row = start_row + i as u32 + 1;
        let get = |c: Option<usize>| {
            c.and_then(|c| r.get(c))
                .map(cell_string)
                .unwrap_or_default()
        };
        let hit_id = get(Some(cols.hit_id));
        if hit_id.is_empty() {
            continue;
        }
        let source = format!("{file} · {sheet} · 第{excel_row}行");
        let conclusion = normalize_choice(&get(Some(cols.conclusion)));
        let action = normalize_choice(&get(cols.action));
        let mut ok = true;
        if !conclusion.is_empty() && !CONCLUSIONS.contains(&conclusion.as_str()) && !crate::labels::ELIGIBILITY_CONCLUSIONS.contains(&conclusion.as_str()) {
            invalid.push(format!(
                "{source}：核查结论“{conclusion}”不在下拉列表中（hit_id {hit_id}）"
            ));
            ok = false;
        }
        if !action.is_empty() && !ACTIONS.contains(&action.as_str()) {
            invalid.push(format!(
                "{source}：处理措施“{action}”不在下拉列表中（hit_id {hit_id}）"
            ));
            ok = false;
        }
        let decision = Decision {
            hit_id: hit_id.clone(),
            conclusion: if ok { conclusion } else { String::new() },
            action,
            reviewer: get(cols.reviewer),
            review_date: get(cols.review_date),
            remark: get(cols.remark),
            source: source.clone(),
        };
        rows.entry(hit_id).or_default().push(Row {
            decision,
            unit: unit.clone(),
            invalid: !ok,
        });
    }
    Ok(())
}

/// Column positions of the reviewer columns.
struct Cols {
    hit_id: usize,
    conclusion: usize,
    action: Option<usize>,
    reviewer: Option<usize>,
    review_date: Option<usize>,
    remark: Option<usize>,
}

/// The header row (index within the range) and its columns.
fn find_header(range: &calamine::Range<Data>) -> Option<(usize, Cols)> {
    for (i, r) in range.rows().enumerate().take(20) {
        let texts: Vec<String> = r.iter().map(cell_string).collect();
        let pos = |name: &str| texts.iter().position(|t| t == name);
        // A 虚报冒领 workbook names its rows by finding_id.
        if let (Some(hit_id), Some(conclusion)) = (pos("hit_id").or(pos("finding_id")), pos(CONCLUSION_HEADER)) {
            return Some((
                i,
                Cols {
                    hit_id,
                    conclusion,
                    action: pos(ACTION_HEADER),
                    reviewer: pos(REVIEWER_HEADER),
                    review_date: pos(REVIEW_DATE_HEADER),
                    remark: pos(REMARK_HEADER),
                },
            ));
        }
    }
    None
}

/// Accept the half-width form of the full-width brackets in a dropdown value.
fn normalize_choice(s: &str) -> String {
    s.trim().replace('(', "（").replace(')', "）")
}

/// A cell as trimmed text; dates as YYYY-MM-DD.
pub(crate) fn cell_string(d: &Data) -> String {
    match d {
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => serial_to_date(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_string(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// An Excel serial date (1900 system) as YYYY-MM-DD.
fn serial_to_date(serial: f64) -> String {
    match crate::load::cell::serial_to_ymd(serial) {
        Some((y, m, d)) => format!("{y:04}-{m:02}-{d:02}"),
        None => serial.to_string(),
    }
}

/// The 核查结论 of a hit: from `decisions`, else the decision carried on the
/// hit by `run --decisions` ("" if none).
pub(crate) fn conclusion_of<'a>(hit: &'a crate::model::Hit, decisions: &'a Decisions) -> &'a str {
    match decisions.by_hit.get(&hit.hit_id) {
        Some(d) if !d.conclusion.trim().is_empty() => d.conclusion.trim(),
        _ => hit.decision.trim(),
    }
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    #[test]
    fn serial_dates() {
        assert_eq!(serial_to_date(45413.0), "2024-05-01");
        assert_eq!(serial_to_date(25569.0), "1970-01-01");
        assert_eq!(normalize_choice(" 非本人(误报) "), "非本人（误报）");
    }
}
