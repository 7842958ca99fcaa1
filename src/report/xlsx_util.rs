//! Helpers shared by every report: formats, labels, file names, saving.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::{BatchInfo, ReportError};
use crate::model::{Hit, Tier};

/// Excel's limit for the text of one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// The formats every report uses.
pub(crate) struct Styles {
    pub header: Format,
    pub text: Format,
    /// Text format "@" for ID numbers: Excel must never turn them into numbers.
    pub id_text: Format,
    pub amount: Format,
    pub count: Format,
    pub wrap: Format,
    pub title: Format,
    pub label: Format,
    pub note: Format,
}

impl Styles {
    pub fn new() -> Self {
        let border = |f: Format| f.set_border(FormatBorder::Thin);
        Styles {
            header: border(
                Format::new()
                    .set_bold()
                    .set_background_color(Color::RGB(0xD9E1F2))
                    .set_align(FormatAlign::Center)
                    .set_align(FormatAlign::VerticalCenter)
                    .set_text_wrap(),
            ),
            text: border(Format::new().set_align(FormatAlign::VerticalCenter)),
            id_text: border(
                Format::new()
                    .set_num_format("@")
                    .set_align(FormatAlign::VerticalCenter),
            ),
            amount: border(
                Format::new()
                    .set_num_format("#,##0.00")
                    .set_align(FormatAlign::VerticalCenter),
            ),
            count: border(Format::new().set_num_format("0")),
            wrap: border(
                Format::new()
                    .set_text_wrap()
                    .set_align(FormatAlign::VerticalCenter),
            ),
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            label: Format::new().set_bold().set_align(FormatAlign::Top),
            note: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }

    /// Fill of the 核查等级 cell.
    pub fn tier(&self, tier: Tier) -> Format {
        let rgb = match tier {
            Tier::Confirmed => 0xFFC7CE,
            Tier::Probable => 0xFFD8A8,
            Tier::Possible => 0xFFF2A8,
        };
        self.text
            .clone()
            .set_background_color(Color::RGB(rgb))
            .set_align(FormatAlign::Center)
    }
}

/// Parse "YYYY-MM-DD" (a time part after it is ignored) into a creation
/// date/time at 00:00:00.
pub(crate) fn run_datetime(run_date: &str) -> Result<ExcelDateTime, ReportError> {
    let bad = || ReportError::BadRunDate {
        value: run_date.to_string(),
    };
    let date = run_date.trim().get(..10).ok_or_else(bad)?;
    let mut parts = date.split('-');
    let mut next = |len: usize| -> Result<u32, ReportError> {
        let p = parts.next().ok_or_else(bad)?;
        if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse::<u32>().map_err(|_| bad())
    };
    let (y, m, d) = (next(4)?, next(2)?, next(2)?);
    let y = u16::try_from(y).map_err(|_| bad())?;
    let m = u8::try_from(m).map_err(|_| bad())?;
    let d = u8::try_from(d).map_err(|_| bad())?;
    ExcelDateTime::from_ymd(y, m, d)
        .and_then(|dt| dt.and_hms(0, 0, 0))
        .map_err(|_| bad())
}

/// Document properties with a fixed creation time, so that the same
/// inputs give byte-identical files.
pub(crate) fn doc_properties(title: &str, created: &ExcelDateTime) -> DocProperties {
    DocProperties::new()
        .set_title(title)
        .set_author("kinmatch")
        .set_comment("由 kinmatch 生成")
        .set_creation_datetime(created)
}

/// A workbook with properties set from the batch.
pub(crate) fn new_workbook(title: &str, batch: &BatchInfo) -> Result<Workbook, ReportError> {
    let created = run_datetime(&batch.run_date)?;
    let mut wb = Workbook::new();
    wb.set_properties(&doc_properties(title, &created));
    Ok(wb)
}

/// Wrap a rust_xlsxwriter error with the file and what was being done.
pub(crate) fn xlsx_err(path: &Path, context: &str) -> impl FnOnce(XlsxError) -> ReportError {
    let path = path.to_path_buf();
    let context = context.to_string();
    move |source| ReportError::Xlsx {
        path,
        context,
        source,
    }
}

/// Create the directory (and parents).
pub(crate) fn ensure_dir(dir: &Path) -> Result<(), ReportError> {
    std::fs::create_dir_all(dir).map_err(|source| ReportError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })
}

/// Serialize and write the workbook at `path` (parent directories created).
pub(crate) fn save(wb: &mut Workbook, path: &Path) -> Result<(), ReportError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        ensure_dir(parent)?;
    }
    let bytes = wb.save_to_buffer().map_err(xlsx_err(path, "保存"))?;
    std::fs::write(path, bytes).map_err(|source| ReportError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// A name usable as a file name on Windows and Unix: / \ : * ? " < > | and
/// control characters become '_', trailing dots and spaces are dropped,
/// long names are cut; an empty name becomes `fallback`.
pub(crate) fn sanitize_file_name(name: &str, fallback: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(100)
        .collect();
    let cleaned = cleaned.trim_end_matches(['.', ' ']).to_string();
    if cleaned.is_empty() {
        return fallback.to_string();
    }
    let upper = cleaned.to_ascii_uppercase();
    let stem = upper.split('.').next().unwrap_or_default();
    let reserved = matches!(stem, "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        format!("_{cleaned}")
    } else {
        cleaned
    }
}

/// Group keys to file paths `dir/<sanitized key>.xlsx`, keeping names unique
/// (case-insensitively) when two keys sanitize to the same name.
pub(crate) fn unique_paths<'a>(
    dir: &Path,
    keys: impl IntoIterator<Item = (&'a str, String)>,
) -> BTreeMap<String, PathBuf> {
    let mut used: BTreeMap<String, ()> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for (key, base) in keys {
        let mut name = base.clone();
        let mut n = 2;
        while used.contains_key(&name.to_lowercase()) {
            name = format!("{base}_{n}");
            n += 1;
        }
        used.insert(name.to_lowercase(), ());
        out.insert(key.to_string(), dir.join(format!("{name}.xlsx")));
    }
    out
}

/// Cut text to what one cell can hold.
pub(crate) fn cell_text(s: &str) -> &str {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Text for the header/footer: '&' must be doubled, and the whole string
/// is limited to 255 characters by Excel.
pub(crate) fn header_footer_text(s: &str) -> String {
    s.chars().take(80).collect::<String>().replace('&', "&&")
}

/// The relation as the register states it (称谓), or the canonical one.
pub(crate) fn relation_label(hit: &Hit) -> String {
    let term = hit.relation_term.trim();
    if term.is_empty() {
        crate::labels::relation(hit.relation).to_string()
    } else {
        term.to_string()
    }
}

/// "file · sheet · 第N行" (sheet left out for CSV).
pub(crate) fn source_text(file: &str, sheet: &str, row: u32) -> String {
    if sheet.is_empty() {
        format!("{file} · 第{row}行")
    } else {
        format!("{file} · {sheet} · 第{row}行")
    }
}

/// The approving unit as shown and used for grouping.
pub(crate) fn unit_name(unit: &str) -> &str {
    let u = unit.trim();
    if u.is_empty() {
        "未知审批单位"
    } else {
        u
    }
}


pub(crate) const TIERS: [Tier; 3] = [Tier::Confirmed, Tier::Probable, Tier::Possible];

/// Counts by tier, in [`TIERS`] order.
pub(crate) fn tier_counts<'a>(hits: impl IntoIterator<Item = &'a Hit>) -> [u64; 3] {
    let mut c = [0u64; 3];
    for h in hits {
        c[tier_index(h.tier)] += 1;
    }
    c
}

pub(crate) fn tier_index(t: Tier) -> usize {
    match t {
        Tier::Confirmed => 0,
        Tier::Probable => 1,
        Tier::Possible => 2,
    }
}

/// Write a header row and set the column widths.
pub(crate) fn write_headers(
    ws: &mut Worksheet,
    row: u32,
    headers: &[(&str, f64)],
    fmt: &Format,
) -> Result<(), XlsxError> {
    for (col, (name, width)) in headers.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(row, col, *name, fmt)?;
        ws.set_column_width(col, *width)?;
    }
    Ok(())
}

/// Write a string cell (cut to what a cell holds).
pub(crate) fn put(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    fmt: &Format,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, cell_text(text), fmt)?;
    Ok(())
}

/// Write an amount, or a bordered blank when there is none.
pub(crate) fn put_amount(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    amount: Option<f64>,
    st: &Styles,
) -> Result<(), XlsxError> {
    match amount {
        Some(a) if a.is_finite() => ws.write_number_with_format(row, col, a, &st.amount)?,
        _ => ws.write_blank(row, col, &st.amount)?,
    };
    Ok(())
}

/// Print setup for a table sheet: landscape, one page wide, the rows up to
/// `header_row` repeated on every page, footer with `footer_left` and the
/// page count.
pub(crate) fn print_setup(
    ws: &mut Worksheet,
    header_row: u32,
    footer_left: &str,
) -> Result<(), XlsxError> {
    ws.set_landscape();
    // A3: the review table has some 25 columns; on A4 one page wide they print unreadably small.
    ws.set_paper_size(8);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, header_row)?;
    ws.set_footer(format!(
        "&L{}&R第 &P 页 / 共 &N 页",
        header_footer_text(footer_left)
    ));
    Ok(())
}

/// Mask anything in free text that looks like an ID number (a run of at
/// least 15 digits, possibly ending in X): publicity lists must never carry
/// a full ID, even one typed into a name or remark column by mistake.
pub(crate) fn redact_ids(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j < chars.len() && matches!(chars[j], 'X' | 'x') {
                j += 1;
            }
            let run: String = chars[i..j].iter().collect();
            if j - i >= 15 {
                out.push_str(&crate::normalize::id::mask_id(&run));
            } else {
                out.push_str(&run);
            }
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Lines about the batch shared by every 说明 sheet: (label, value).
pub(crate) fn batch_lines(batch: &BatchInfo) -> Vec<(String, String)> {
    vec![
        ("批次编号".into(), batch.batch_id.clone()),
        ("运行日期".into(), batch.run_date.clone()),
        (
            "程序版本".into(),
            format!("kinmatch {}", batch.program_version),
        ),
    ]
}

/// Chinese for an input kind.
pub(crate) fn kind_zh(kind: &str) -> &str {
    crate::labels::input_kind_zh(kind)
}

/// Write a two-column (label, text) block starting at `row`; returns the
/// next free row.
pub(crate) fn write_lines(
    ws: &mut Worksheet,
    mut row: u32,
    lines: &[(String, String)],
    st: &Styles,
) -> Result<u32, XlsxError> {
    for (label, text) in lines {
        ws.write_string_with_format(row, 0, cell_text(label), &st.label)?;
        ws.write_string_with_format(row, 1, cell_text(text), &st.note)?;
        // A text of several lines gets the height it needs (the column is about 90 wide).
        if text.contains('\n') {
            ws.set_row_height(row, row_height(&[(text.as_str(), 90.0)]))?;
        }
        row += 1;
    }
    Ok(row)
}

/// A row tall enough for its wrapped cells (text, column width): an
/// explicit height, because not every spreadsheet program grows rows itself.
/// A CJK character takes two width units, other characters one.
pub(crate) fn row_height(cells: &[(&str, f64)]) -> f64 {
    let lines = cells
        .iter()
        .map(|(t, w)| {
            let per_line = (w - 1.0).max(1.0) as usize;
            t.split('\n')
                .map(|line| line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>().div_ceil(per_line).max(1))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1);
    15.0 * lines.min(20) as f64
}
