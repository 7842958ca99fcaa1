//! The reader every further input kind shares (the enterprise registry, the
//! declarations, association filings, retired cadres): each sheet's header is
//! found by the input kind's column words, rows below it are data unless blank,
//! a repeated header or a total (each skipped row counted by reason), and the
//! comparison turns the data rows into its records, counting the rows it
//! cannot use. A file or sheet with no table is reported, never silently empty.

use crate::load::cell::{Cell, Grid, GridRow};
use crate::load::{self, InputFile, excel, text};
use crate::model::{ColumnReport, InputReport, SheetReport};
use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

/// The columns of an input kind.
pub trait Fields: Copy + Eq + Ord + std::fmt::Debug {
    /// The field a header names, if any.
    fn of(header: &str) -> Option<Self>;
    /// The field's name in `inspect`/the manifest.
    fn as_str(self) -> &'static str;
    /// A header must name one of these to be the table's header.
    fn anchors(self) -> bool;
}

/// The header words of a person's ID number, shared by every further input
/// kind's reader, the enterprise registry's included (matched whole, or as
/// the longest word a header contains: 逝者身份证号码, 身份证件号码, 车主身份证号,
/// 法定代表人证件号码). The rolls' header grammar has its own list
/// (`load::roles::ID_WORDS`): it also takes 社会保障卡号, which the rolls'
/// content check can overturn and these readers cannot.
pub const ID_WORDS: &[&str] = &[
    "身份证号", "身份证号码", "公民身份号码", "公民身份证号", "证件号码", "证件号", "身份证", "身份证件号码", "身份证明号码", "身份号码", "证照号码",
    "证件编号", "社会保障号码", "社会保障号",
];

/// A header or cell as compared: NFKC, no spaces, no marks, one kind of bracket.
pub fn clean(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace() && !"*＊:：'\"“”".contains(*c))
        .collect::<String>()
        .replace(['(', '（'], "（")
        .replace([')', '）'], "）")
}

/// The field of a header by a word table: one of the words exactly, else the
/// longest word it contains (ties: the field listed first).
pub fn by_words<F: Copy + Ord>(header: &str, table: &[(F, &[&str])]) -> Option<F> {
    let h = clean(header);
    if h.is_empty() {
        return None;
    }
    if let Some((f, _)) = table.iter().find(|(_, ws)| ws.iter().any(|w| clean(w) == h)) {
        return Some(*f);
    }
    let mut best: Option<(usize, usize, F)> = None;
    for (i, (f, ws)) in table.iter().enumerate() {
        for w in ws.iter().map(|w| clean(w)) {
            let n = w.chars().count();
            if n >= 2 && h.contains(w.as_str()) && best.is_none_or(|b| n > b.0 || (n == b.0 && i < b.1)) {
                best = Some((n, i, *f));
            }
        }
    }
    best.map(|b| b.2)
}

/// One sheet's table: its columns and data rows, and its report so far.
pub struct Sheet<F> {
    pub file: String,
    pub sheet: String,
    pub cols: Vec<(usize, F)>,
    pub rows: Vec<GridRow>,
    pub report: SheetReport,
    /// The lines above the header, each its cells' texts joined (a title
    /// naming the organisation a member list is of).
    pub above: Vec<String>,
    /// The header row's texts, by column.
    pub header: Vec<String>,
}

impl<F: Fields> Sheet<F> {
    pub fn col(&self, f: F) -> Option<usize> {
        self.cols.iter().find(|c| c.1 == f).map(|c| c.0)
    }
    pub fn has(&self, f: F) -> bool {
        self.col(f).is_some()
    }
    /// The cell of a field in a row, trimmed ("" when absent).
    pub fn get(&self, r: &GridRow, f: F) -> String {
        self.col(f).map(|c| cell(r, c)).unwrap_or_default()
    }
    /// A data row that gives nothing, by reason.
    pub fn unusable(&mut self, why: &str) {
        *self.report.unusable.entry(why.to_string()).or_insert(0) += 1;
    }
}

pub fn cell(r: &GridRow, c: usize) -> String {
    r.cells.get(c).map(|x| x.text().trim().to_string()).unwrap_or_default()
}

/// The header row: the row among the first 15 naming the most fields (at
/// least two distinct, one of them an anchor).
fn header_of<F: Fields>(g: &Grid) -> Option<(usize, Vec<(usize, F)>)> {
    let mut best: Option<(usize, Vec<(usize, F)>)> = None;
    for (i, r) in g.rows.iter().enumerate().take(crate::load::table::HEADER_SEARCH_ROWS) {
        let cols: Vec<(usize, F)> = r
            .cells
            .iter()
            .enumerate()
            .filter_map(|(c, x)| match x {
                Cell::Text(t) if !id_kind(t) => F::of(t).map(|f| (c, f)),
                _ => None,
            })
            .collect();
        let distinct: BTreeSet<F> = cols.iter().map(|c| c.1).collect();
        if distinct.len() >= 2 && distinct.iter().any(|f| f.anchors()) && best.as_ref().is_none_or(|b| cols.len() > b.1.len()) {
            best = Some((i, cols));
        }
    }
    best
}

/// The kind of a person's ID (身份证明名称, 证件类型, 证照类型: 居民身份证), not
/// the ID: a column no reader takes.
fn id_kind(header: &str) -> bool {
    let h = clean(header);
    ["名称", "类型", "种类", "类别"].iter().any(|e| h.ends_with(e)) && ["身份证", "证件", "证照", "身份证明"].iter().any(|w| h.contains(w))
}

/// Read files of one input kind (`kind`: its name in the manifest; `what_zh`:
/// what its header holds, for the reason a sheet has none), handing each
/// sheet's table to `on_sheet`.
pub fn read_files<F: Fields>(files: &[InputFile], kind: &str, what_zh: &str, on_sheet: &mut dyn FnMut(&mut Sheet<F>)) -> Vec<InputReport> {
    files.iter().map(|f| read_file(f, kind, what_zh, on_sheet)).collect()
}

fn read_file<F: Fields>(f: &InputFile, kind: &str, what_zh: &str, on_sheet: &mut dyn FnMut(&mut Sheet<F>)) -> InputReport {
    let ext = f.path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let mut report = InputReport {
        file: f.rel.clone(),
        kind: kind.into(),
        format: ext.clone(),
        ..Default::default()
    };
    let bytes = match std::fs::read(&f.path) {
        Ok(b) => b,
        Err(source) => {
            report.error = Some(load::error::LoadError::Io { file: f.rel.clone(), source }.to_string());
            return report;
        }
    };
    report.sha256 = load::sha256_hex(&bytes);
    if bytes.is_empty() {
        report.error = Some(load::error::LoadError::Empty { file: f.rel.clone() }.to_string());
        return report;
    }
    let grids: Vec<excel::SheetRead> = if matches!(ext.as_str(), "csv" | "txt") {
        match text::read_text(&f.rel, &bytes) {
            Ok((g, enc)) => {
                report.encoding = Some(enc.to_string());
                vec![excel::SheetRead::Read(g)]
            }
            Err(e) => {
                report.error = Some(e.to_string());
                return report;
            }
        }
    } else {
        match excel::read_workbook(&f.rel, &ext, bytes) {
            Ok(g) => g,
            Err(e) => {
                report.error = Some(e.to_string());
                return report;
            }
        }
    };
    for sr in grids {
        match sr {
            excel::SheetRead::Failed { sheet, reason } => report.sheets.push(SheetReport {
                sheet,
                problem: Some(reason.clone()),
                error: Some(reason),
                ..Default::default()
            }),
            excel::SheetRead::Read(g) => report.sheets.push(read_sheet(&f.rel, g, what_zh, on_sheet)),
        }
    }
    if report.sheets.iter().all(|s| s.header_row.is_none()) && !report.sheets.iter().any(|s| s.problem.is_some()) {
        report.error = Some(format!("{}：没有任何工作表含有可读的表格（{what_zh}）", f.rel));
    }
    report
}

fn read_sheet<F: Fields>(file: &str, g: Grid, what_zh: &str, on_sheet: &mut dyn FnMut(&mut Sheet<F>)) -> SheetReport {
    let mut report = SheetReport {
        sheet: g.sheet.clone(),
        ..Default::default()
    };
    let Some((hi, cols)) = header_of::<F>(&g) else {
        let data_like = g.rows.iter().any(|r| r.cells.iter().filter(|c| !c.is_empty()).count() >= 3);
        let reason = format!("前 {} 行中没有表头（{what_zh}）", crate::load::table::HEADER_SEARCH_ROWS);
        if data_like {
            report.problem = Some(reason.clone());
        }
        report.error = Some(reason);
        return report;
    };
    let header: Vec<String> = g.rows[hi].cells.iter().map(|c| c.text().trim().to_string()).collect();
    report.header_row = Some(g.rows[hi].number);
    report.columns = cols
        .iter()
        .map(|(c, f)| ColumnReport {
            index: *c,
            header: header.get(*c).cloned().unwrap_or_default(),
            role: f.as_str().to_string(),
            decided_by: "header".into(),
        })
        .collect();
    let header_clean: Vec<String> = header.iter().map(|h| clean(h)).collect();
    let above = crate::load::table::text_lines(g.rows.get(..hi).unwrap_or(&[]));
    let merges = g.merges.clone();
    let Grid { rows: all, sheet, .. } = g;
    let last = all.iter().rposition(|r| !r.cells.iter().all(Cell::is_empty)).unwrap_or(0);
    let mut rows = Vec::new();
    for r in all.into_iter().take(last + 1).skip(hi + 1) {
        let skip = if r.cells.iter().all(Cell::is_empty) {
            Some("blank")
        } else {
            let texts: Vec<String> = r.cells.iter().map(|c| clean(&c.text())).collect();
            let same = texts.iter().zip(&header_clean).filter(|(a, b)| !a.is_empty() && a == b).count();
            let filled: Vec<String> = r.cells.iter().map(|c| c.text().trim().to_string()).filter(|t| !t.is_empty()).collect();
            if same >= 2 {
                Some("header")
            } else if filled.iter().all(|t| SIGNATURE_WORDS.iter().any(|w| t.contains(w)) || t.ends_with(['：', ':'])) {
                // 本人签字： | 填报日期： under the table.
                Some("footer")
            } else if texts.iter().find(|t| !t.is_empty()).is_some_and(|t| ["合计", "小计", "总计"].iter().any(|w| t.starts_with(w))) {
                Some("total")
            } else {
                None
            }
        };
        match skip {
            Some(why) => *report.skipped.entry(why.into()).or_insert(0) += 1,
            None => rows.push(r),
        }
    }
    report.data_rows = rows.len() as u64;
    fill_merged_down(&merges, &mut rows);
    let mut s = Sheet {
        file: file.to_string(),
        sheet,
        cols,
        rows,
        report,
        above,
        header,
    };
    on_sheet(&mut s);
    if s.report.data_rows == 0 {
        s.report.problem = Some("表格没有数据行".into());
    }
    // Rows, none of them usable, some for want of readable data (a death list whose
    // dates cannot be read): said, not left empty. Rows left out by a rule (编外
    // staff on a payroll, a motorcycle, a move away) are no problem of the data.
    const BY_RULE: &[&str] = &["not_excluded_category", "exempt_vehicle_type", "not_death", "other_input", "nothing_declared"];
    let unusable: u64 = s.report.unusable.values().sum();
    let for_data = s.report.unusable.iter().any(|(k, n)| *n > 0 && !BY_RULE.contains(&k.as_str()));
    if s.report.data_rows > 0 && unusable >= s.report.data_rows && for_data && s.report.problem.is_none() {
        let why: Vec<String> = s.report.unusable.iter().map(|(k, n)| format!("{} {n}", crate::labels::unusable(k))).collect();
        s.report.problem = Some(format!("{} 行数据均不可用（{}）", s.report.data_rows, why.join("，")));
    }
    s.report
}

/// Words of a signature line under a table.
const SIGNATURE_WORDS: &[&str] = &["签字", "签名", "盖章", "承诺", "审核人", "填表人", "制表人", "经办人"];

/// Cells merged down over data rows (one company over its shareholders' rows)
/// hold their value in the top cell only: copy it into each row below.
fn fill_merged_down(merges: &[crate::load::cell::Merge], rows: &mut [GridRow]) {
    for m in merges.iter().filter(|m| m.last_row > m.first_row) {
        let Some(top) = rows.iter().find(|r| r.number == m.first_row) else { continue };
        let values: Vec<(usize, Cell)> = (m.first_col..=m.last_col).filter_map(|c| top.cells.get(c).map(|v| (c, v.clone()))).collect();
        for r in rows.iter_mut().filter(|r| r.number > m.first_row && r.number <= m.last_row) {
            for (c, v) in &values {
                if r.cells.len() <= *c {
                    r.cells.resize(*c + 1, Cell::Empty);
                }
                if r.cells[*c].is_empty() {
                    r.cells[*c] = v.clone();
                }
            }
        }
    }
}

/// The organisation a title names (道县书法家协会第三届理事会组成人员名单,
/// 道县白沙乡金穗水稻种植专业合作社成员名册): the title up to the last of the
/// `suffixes` it holds (道县红星机械厂有限公司, not 道县红星机械厂), from the last
/// title line that holds one.
pub fn title_organisation(above: &[String], suffixes: &[&str]) -> Option<String> {
    above.iter().rev().find_map(|line| {
        let line = clean(line);
        let end = suffixes.iter().filter_map(|s| line.rfind(s).map(|i| i + s.len())).max()?;
        let name = line.get(..end)?;
        (name.chars().count() > 3).then(|| name.to_string())
    })
}

/// Posts an officer is written under, each column holding the name, his ID
/// in the next column (会长 | 会长身份证号 | 秘书长 | 秘书长身份证号).
const POST_WORDS: &[&str] = &[
    "会长", "副会长", "常务副会长", "秘书长", "副秘书长", "理事长", "副理事长", "常务理事", "理事", "监事长", "监事", "执行监事", "董事长",
    "副董事长", "董事", "执行董事", "总经理", "经理", "法定代表人", "主任", "副主任", "财务负责人",
];

/// Officers written across the row, each under his post with his ID in the
/// next column or the one after (会长 | 会长身份证号 | 副会长 | 副会长身份证号;
/// 理事长 | 理事长身份证号码 | 执行监事 | 执行监事身份证号码): (post, name column, ID column).
pub fn posts_across(header: &[String]) -> Vec<(String, usize, usize)> {
    let h: Vec<String> = header.iter().map(|x| clean(x)).collect();
    let is_id_of = |c: usize, post: &str| {
        h.get(c).and_then(|x| x.strip_prefix(post)).is_some_and(|rest| ID_WORDS.iter().any(|w| rest.contains(w)))
    };
    (0..h.len())
        .filter(|&c| POST_WORDS.contains(&h[c].as_str()))
        .filter_map(|c| (c + 1..=c + 2).find(|&i| is_id_of(i, &h[c])).map(|i| (h[c].clone(), c, i)))
        .collect()
}
