//! Writers shared by registers and rolls: workbook helpers, encoded text
//! files, `truth.csv` and `expected_inputs.json`.

use super::people::World;
use super::registers::RegIndex;
use super::SynthError;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use serde::Serialize;
use std::path::Path;

// ---------------------------------------------------------------- expected

#[derive(Serialize, Clone, Debug, Default)]
pub(crate) struct Skipped {
    pub blank: u32,
    pub total: u32,
    pub footer: u32,
    pub header: u32,
}

#[derive(Clone, Debug)]
pub(crate) struct Columns(pub Vec<(String, String)>);

impl Serialize for Columns {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize, Clone, Debug)]
pub(crate) struct ExpSheet {
    pub sheet: String,
    pub header_row: Option<u32>,
    pub data_rows: u32,
    pub skipped: Skipped,
    pub columns: Columns,
    pub table: bool,
}

impl ExpSheet {
    pub(crate) fn table(sheet: &str, header_row: u32, cols: Vec<(String, &str)>) -> ExpSheet {
        ExpSheet {
            sheet: sheet.to_string(),
            header_row: Some(header_row),
            data_rows: 0,
            skipped: Skipped::default(),
            columns: Columns(cols.into_iter().map(|(k, v)| (k, v.to_string())).collect()),
            table: true,
        }
    }
    pub(crate) fn no_table(sheet: &str) -> ExpSheet {
        ExpSheet {
            sheet: sheet.to_string(),
            header_row: None,
            data_rows: 0,
            skipped: Skipped::default(),
            columns: Columns(Vec::new()),
            table: false,
        }
    }
}

#[derive(Serialize, Clone, Debug)]
pub(crate) struct ExpFile {
    pub file: String,
    pub dir: &'static str,
    pub kind: &'static str,
    pub format: &'static str,
    pub encoding: Option<&'static str>,
    pub delimiter: Option<&'static str>,
    pub sheets: Vec<ExpSheet>,
}

#[derive(Serialize)]
struct Expected<'a> {
    files: &'a [ExpFile],
}

/// Column key: NFKC (for what we write: full-width ASCII forms) and no whitespace.
pub(crate) fn col_key(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Two-row header key: "parent/child" when the parent differs from the child.
pub(crate) fn col_key2(parent: &str, child: &str) -> String {
    let (p, c) = (col_key(parent), col_key(child));
    if c.is_empty() {
        p
    } else if p.is_empty() || p == c {
        c
    } else {
        format!("{p}/{c}")
    }
}

pub(crate) fn write_expected(files: &[ExpFile], out: &Path) -> Result<(), SynthError> {
    let path = out.join("expected_inputs.json");
    let text = serde_json::to_string_pretty(&Expected { files })
        .map_err(|e| SynthError::Csv { path: path.display().to_string(), message: e.to_string() })?;
    write_bytes(&path, format!("{text}\n").as_bytes())
}

// ------------------------------------------------------------------- truth

/// A roll slot filled by a person of interest.
#[derive(Clone, Debug)]
pub(crate) struct PoiSlot {
    pub file: String,
    pub sheet: String,
    pub row: u32,
    pub role: &'static str,
    pub person: usize,
    pub id_noise: &'static str,
    pub name_noise: &'static str,
}

#[derive(Serialize)]
struct TruthRow<'a> {
    roll_file: &'a str,
    roll_sheet: &'a str,
    roll_row: u32,
    roll_role: &'a str,
    kin_file: &'a str,
    kin_sheet: &'a str,
    kin_row: u32,
    relation: &'a str,
    person_uid: String,
    id_noise: &'a str,
    name_noise: &'a str,
    kin_id_noise: &'a str,
}

pub(crate) fn person_uid(p: usize) -> String {
    format!("P{p:07}")
}

pub(crate) fn write_truth(_world: &World, reg: &RegIndex, slots: &[PoiSlot], out: &Path) -> Result<usize, SynthError> {
    let path = out.join("truth.csv");
    let mut rows: Vec<TruthRow> = Vec::new();
    for s in slots {
        for e in reg.entries.get(s.person).map(Vec::as_slice).unwrap_or(&[]) {
            rows.push(TruthRow {
                roll_file: &s.file,
                roll_sheet: &s.sheet,
                roll_row: s.row,
                roll_role: s.role,
                kin_file: &reg.files[e.file],
                kin_sheet: e.sheet,
                kin_row: e.row,
                relation: e.relation.as_str(),
                person_uid: person_uid(s.person),
                id_noise: s.id_noise,
                name_noise: s.name_noise,
                kin_id_noise: e.kin_id.as_str(),
            });
        }
    }
    rows.sort_by(|a, b| {
        (a.roll_file, a.roll_sheet, a.roll_row, a.roll_role, a.kin_file, a.kin_sheet, a.kin_row)
            .cmp(&(b.roll_file, b.roll_sheet, b.roll_row, b.roll_role, b.kin_file, b.kin_sheet, b.kin_row))
    });
    let cerr = |e: csv::Error| SynthError::Csv { path: path.display().to_string(), message: e.to_string() };
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    if rows.is_empty() {
        w.write_record([
            "roll_file", "roll_sheet", "roll_row", "roll_role", "kin_file", "kin_sheet", "kin_row", "relation",
            "person_uid", "id_noise", "name_noise", "kin_id_noise",
        ])
        .map_err(cerr)?;
    }
    for r in &rows {
        w.serialize(r).map_err(cerr)?;
    }
    let bytes = w.into_inner().map_err(|e| SynthError::Csv { path: path.display().to_string(), message: e.to_string() })?;
    write_bytes(&path, &bytes)?;
    Ok(rows.len())
}

// ------------------------------------------------------------- text files

pub(crate) fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), SynthError> {
    std::fs::write(path, bytes).map_err(|e| SynthError::Io { path: path.display().to_string(), source: e })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextEnc {
    Utf8Bom,
    Gbk,
    Utf16LeBom,
}

/// Delimited text: records joined by `delim`, CRLF line ends, encoded.
/// Fields never hold the delimiter, quotes or line breaks.
pub(crate) fn write_delimited(path: &Path, records: &[Vec<String>], delim: char, enc: TextEnc) -> Result<(), SynthError> {
    let mut text = String::new();
    for r in records {
        for (i, f) in r.iter().enumerate() {
            if i > 0 {
                text.push(delim);
            }
            text.push_str(f);
        }
        text.push_str("\r\n");
    }
    let bytes: Vec<u8> = match enc {
        TextEnc::Utf8Bom => {
            let mut b = vec![0xEF, 0xBB, 0xBF];
            b.extend_from_slice(text.as_bytes());
            b
        }
        TextEnc::Gbk => {
            let (b, _, had_errors) = encoding_rs::GBK.encode(&text);
            if had_errors {
                return Err(SynthError::Csv { path: path.display().to_string(), message: "text not encodable in GBK".into() });
            }
            b.into_owned()
        }
        TextEnc::Utf16LeBom => {
            let mut b = vec![0xFF, 0xFE];
            for u in text.encode_utf16() {
                b.extend_from_slice(&u.to_le_bytes());
            }
            b
        }
    };
    write_bytes(path, &bytes)
}

// ---------------------------------------------------------------- workbooks

pub(crate) fn xlsx_err(path: &Path) -> impl Fn(XlsxError) -> SynthError + '_ {
    move |e| SynthError::Xlsx { path: path.display().to_string(), message: e.to_string() }
}

/// A workbook with fixed document properties (byte-stable output).
pub(crate) fn new_workbook(path: &Path) -> Result<Workbook, SynthError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 11, 1).map_err(xlsx_err(path))?;
    let props = DocProperties::new().set_creation_datetime(&created).set_author("示例县");
    wb.set_properties(&props);
    Ok(wb)
}

pub(crate) fn add_sheet<'a>(wb: &'a mut Workbook, name: &str, constant_memory: bool, path: &Path) -> Result<&'a mut Worksheet, SynthError> {
    let ws = if constant_memory { wb.add_worksheet_with_constant_memory().map_err(xlsx_err(path))? } else { wb.add_worksheet() };
    ws.set_name(name).map_err(xlsx_err(path))?;
    Ok(ws)
}

pub(crate) fn save(wb: &mut Workbook, path: &Path) -> Result<(), SynthError> {
    wb.save(path).map_err(xlsx_err(path))
}

/// Cell writing with errors mapped; rows and columns are 0-based.
pub(crate) struct Sh<'a> {
    pub ws: &'a mut Worksheet,
    pub path: &'a Path,
    pub fmt: Format,
    pub date_fmt: Format,
}

impl<'a> Sh<'a> {
    pub(crate) fn new(ws: &'a mut Worksheet, path: &'a Path) -> Sh<'a> {
        Sh { ws, path, fmt: Format::new(), date_fmt: Format::new().set_num_format("yyyy-mm-dd") }
    }
    pub(crate) fn s(&mut self, r: u32, c: u16, v: &str) -> Result<(), SynthError> {
        if v.is_empty() {
            return Ok(());
        }
        self.ws.write_string(r, c, v).map(|_| ()).map_err(xlsx_err(self.path))
    }
    pub(crate) fn n(&mut self, r: u32, c: u16, v: f64) -> Result<(), SynthError> {
        self.ws.write_number(r, c, v).map(|_| ()).map_err(xlsx_err(self.path))
    }
    pub(crate) fn date(&mut self, r: u32, c: u16, d: (i32, u32, u32)) -> Result<(), SynthError> {
        let dt = ExcelDateTime::from_ymd(d.0 as u16, d.1 as u8, d.2 as u8).map_err(xlsx_err(self.path))?;
        self.ws.write_date_with_format(r, c, &dt, &self.date_fmt).map(|_| ()).map_err(xlsx_err(self.path))
    }
    /// Merge r0..=r1 x c0..=c1 holding `v` (a single cell is written plainly).
    pub(crate) fn merge(&mut self, r0: u32, c0: u16, r1: u32, c1: u16, v: &str) -> Result<(), SynthError> {
        if r0 == r1 && c0 == c1 {
            return self.s(r0, c0, v);
        }
        self.ws.merge_range(r0, c0, r1, c1, v, &self.fmt).map(|_| ()).map_err(xlsx_err(self.path))
    }
    pub(crate) fn widths(&mut self, w: &[f64]) -> Result<(), SynthError> {
        for (i, &x) in w.iter().enumerate() {
            self.ws.set_column_width(i as u16, x).map_err(xlsx_err(self.path))?;
        }
        Ok(())
    }
}
