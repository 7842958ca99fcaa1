//! xlsx / xlsm / xls through calamine: every sheet becomes a [`Grid`].

use super::cell::{Cell, Grid, GridRow, Merge};
use super::error::LoadError;
use calamine::{Data, Dimensions, Range, Reader, Sheets};
use std::io::Cursor;

/// What the first bytes say a workbook is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Container {
    Zip,
    Cfb,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn sniff(bytes: &[u8]) -> Option<Container> {
    if bytes.starts_with(ZIP_MAGIC) {
        Some(Container::Zip)
    } else if bytes.starts_with(CFB_MAGIC) {
        Some(Container::Cfb)
    } else {
        None
    }
}

/// True when a CFB container holds an encrypted OOXML package (what Excel
/// writes for a password-protected .xlsx) or an xls with a FILEPASS record.
fn looks_encrypted(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Cells right of this column (0-based) are not read: no real form is this
/// wide, and one stray value at XFD1 must not make every row 16,384 cells.
/// They are counted and reported with the sheet.
pub const MAX_COLUMNS: u32 = 256;
/// A sheet with more cells than this is not read (about 4 GB in memory).
pub const MAX_CELLS: u64 = 60_000_000;
/// A zip entry expanding to more than this is not read.
pub const MAX_ENTRY_BYTES: u64 = 1 << 30;
/// ... nor one above [`RATIO_FLOOR_BYTES`] that expands more than this many times:
/// real sheet XML compresses 4–30×, a compression bomb hundreds of times.
pub const MAX_RATIO: u64 = 100;
pub const RATIO_FLOOR_BYTES: u64 = 64 << 20;

/// One sheet as read, or why it could not be.
#[derive(Debug)]
pub enum SheetRead {
    Read(Grid),
    Failed { sheet: String, reason: String },
}

/// Why a zip entry is refused, if it is: too large, or expanding like a bomb.
fn entry_refusal(size: u64, compressed: u64) -> Option<String> {
    let mb = |b: u64| b.div_ceil(1 << 20);
    if size > MAX_ENTRY_BYTES {
        return Some(format!("解压后 {} MB，超过上限 {} MB（可能是压缩炸弹），未读取", mb(size), mb(MAX_ENTRY_BYTES)));
    }
    if size > RATIO_FLOOR_BYTES && size / compressed.max(1) > MAX_RATIO {
        return Some(format!(
            "压缩比 {}:1（解压后 {} MB），远超正常表格（可能是压缩炸弹），未读取",
            size / compressed.max(1),
            mb(size)
        ));
    }
    None
}

/// Attribute `key` (local name) of an XML start tag, unescaped.
fn attr(e: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .filter_map(Result::ok)
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// Start tags named `tag` in an XML document, with the attributes asked for.
fn tags(xml: &str, tag: &str, keys: &[&str]) -> Vec<Vec<Option<String>>> {
    use quick_xml::events::Event;
    let mut rd = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match rd.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == tag => {
                out.push(keys.iter().map(|k| attr(&e, k)).collect());
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// Check a zip's entries before calamine expands any. Returns the sheets (by
/// name) that must not be read and why, or an error for the whole file when an
/// entry every sheet needs (shared strings, styles, the workbook) is refused.
fn zip_refusals(file: &str, bytes: &[u8]) -> Result<ZipSurvey, LoadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| LoadError::Corrupt {
        file: file.into(),
        reason: e.to_string(),
    })?;
    let mut refused: Vec<(String, String)> = Vec::new(); // (entry path, reason)
    for i in 0..zip.len() {
        let Ok(f) = zip.by_index_raw(i) else { continue };
        if let Some(reason) = entry_refusal(f.size(), f.compressed_size()) {
            refused.push((f.name().unwrap_or_default().trim_start_matches('/').to_string(), reason));
        }
    }
    let sheets = sheet_entries(&mut zip);
    let mut out = Vec::new();
    for (entry, reason) in &refused {
        match sheets.iter().find(|(_, p)| p == entry) {
            Some((name, _)) => out.push((name.clone(), format!("工作表数据 {entry} {reason}"))),
            None => {
                return Err(LoadError::Corrupt {
                    file: file.into(),
                    reason: format!("压缩包中的 {entry} {reason}"),
                });
            }
        }
    }
    // Only the entries not refused are inflated for their merged ranges.
    let merges = sheets
        .into_iter()
        .filter(|(_, path)| !refused.iter().any(|(e, _)| e == path))
        .map(|(name, path)| {
            let merges = zip.by_name(&path).map(|f| scan_merges(f)).unwrap_or_default();
            (name, merges)
        })
        .collect();
    Ok(ZipSurvey { refused: out, merges })
}

/// What an xlsx's zip directory says before calamine reads it: the sheets
/// not to read (and why), and each readable sheet's merged ranges.
struct ZipSurvey {
    refused: Vec<(String, String)>,
    merges: Vec<(String, Vec<Merge>)>,
}

/// Each sheet's name and zip entry, through xl/workbook.xml and its relationships.
fn sheet_entries<R: std::io::Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Vec<(String, String)> {
    let small = |zip: &mut zip::ZipArchive<R>, name: &str| -> Option<String> {
        let mut f = zip.by_name(name).ok()?;
        if f.size() > 16 << 20 {
            return None;
        }
        let mut s = String::new();
        std::io::Read::read_to_string(&mut f, &mut s).ok()?;
        Some(s)
    };
    let workbook = small(zip, "xl/workbook.xml").unwrap_or_default();
    let rels = small(zip, "xl/_rels/workbook.xml.rels").unwrap_or_default();
    let targets: Vec<(String, String)> = tags(&rels, "Relationship", &["Id", "Target"])
        .into_iter()
        .filter_map(|v| match (v.first().cloned().flatten(), v.get(1).cloned().flatten()) {
            (Some(id), Some(t)) => {
                let t = t.trim_start_matches('/');
                let path = if t.starts_with("xl/") { t.to_string() } else { format!("xl/{t}") };
                Some((id, path))
            }
            _ => None,
        })
        .collect();
    tags(&workbook, "sheet", &["name", "id"])
        .into_iter()
        .filter_map(|v| {
            let name = v.first().cloned().flatten()?;
            let id = v.get(1).cloned().flatten()?;
            let path = targets.iter().find(|(i, _)| *i == id)?.1.clone();
            Some((name, path))
        })
        .collect()
}

/// The `mergeCell` refs of an XML stream (any namespace prefix), read in
/// pieces: a tag cut between two pieces is found in the next. An xlsx sheet's
/// merged ranges come from this scan of its inflated XML: calamine finds them
/// by parsing the whole sheet a second time (they follow `<sheetData>`), the
/// scan costs the inflating alone. A sheet whose entry cannot be read has none
/// (its cells fail on their own).
fn scan_merges(mut r: impl std::io::Read) -> Vec<Merge> {
    const TAG: &[u8] = b"mergeCell";
    let finder = memchr::memmem::Finder::new(TAG);
    let mut out = Vec::new();
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 16);
    let mut piece = vec![0u8; 1 << 16];
    loop {
        let n = match r.read(&mut piece) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        buf.extend_from_slice(piece.get(..n).unwrap_or_default());
        // A tag cut at the end keeps its bytes (and the `<` or `:` before it).
        let mut keep_from = buf.len().saturating_sub(TAG.len() + 2);
        let mut at = 0;
        while let Some(i) = finder.find(buf.get(at..).unwrap_or_default()) {
            let start = at + i;
            // The tag's end: a tag not yet whole waits for the next piece.
            let Some(end) = memchr::memchr(b'>', buf.get(start..).unwrap_or_default()).map(|e| start + e) else {
                keep_from = keep_from.min(start.saturating_sub(1));
                break;
            };
            // `<mergeCell ref=…>` or `<x:mergeCell …>`, not `<mergeCells …>`.
            let opened = start.checked_sub(1).and_then(|b| buf.get(b)).is_some_and(|c| *c == b'<' || *c == b':');
            let opened = opened && buf.get(start + TAG.len()).is_some_and(u8::is_ascii_whitespace);
            if opened {
                if let Some(m) = buf.get(start..end).and_then(merge_ref) {
                    out.push(m);
                }
            }
            at = end;
            keep_from = keep_from.max(end).min(buf.len());
        }
        buf.drain(..keep_from.min(buf.len()));
    }
    out
}

/// The range of a `mergeCell ref="A1:H2"` tag, within [`MAX_COLUMNS`].
fn merge_ref(tag: &[u8]) -> Option<Merge> {
    let i = memchr::memmem::find(tag, b"ref=")?;
    let rest = tag.get(i + 4..)?;
    let q = *rest.first()?;
    let body = rest.get(1..)?;
    let body = body.get(..memchr::memchr(q, body)?)?;
    let text = std::str::from_utf8(body).ok()?;
    let (a, b) = text.split_once(':').unwrap_or((text, text));
    let (r0, c0) = a1(a)?;
    let (r1, c1) = a1(b)?;
    let m = Merge { first_row: r0.min(r1), last_row: r0.max(r1), first_col: c0.min(c1), last_col: c0.max(c1).min(MAX_COLUMNS as usize - 1) };
    (m.first_col < MAX_COLUMNS as usize).then_some(m)
}

/// `H12` -> (row 12, column 7): 1-based row, 0-based column.
fn a1(s: &str) -> Option<(u32, usize)> {
    let s = s.trim().trim_start_matches('$');
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (col, row) = (s.get(..letters)?, s.get(letters..)?.trim_start_matches('$'));
    if col.is_empty() || col.len() > 3 || row.is_empty() {
        return None;
    }
    let c = col.bytes().try_fold(0usize, |acc, b| Some(acc * 26 + usize::from(b.to_ascii_uppercase().checked_sub(b'A')?) + 1))?;
    let r: u32 = row.parse().ok()?;
    (r >= 1).then_some((r, c - 1))
}

/// Read every sheet of a workbook held in memory. `ext` is the lower-case
/// file extension, used only to word the errors. A sheet that cannot be read
/// is [`SheetRead::Failed`]; the others are still read.
pub fn read_workbook(file: &str, ext: &str, bytes: Vec<u8>) -> Result<Vec<SheetRead>, LoadError> {
    let kind = match sniff(&bytes) {
        Some(k) => k,
        None => {
            let reason = if bytes.iter().take(512).all(|b| *b != 0) {
                format!("内容是文本，不是 .{ext} 工作簿（改过扩展名？）")
            } else {
                format!("内容不是 .{ext} 工作簿")
            };
            return Err(LoadError::NotSpreadsheet {
                file: file.into(),
                reason,
            });
        }
    };
    if kind == Container::Cfb && ext != "xls" && looks_encrypted(&bytes) {
        return Err(LoadError::Encrypted { file: file.into() });
    }
    let ZipSurvey { refused, mut merges } = match kind {
        Container::Zip => zip_refusals(file, &bytes)?,
        Container::Cfb => ZipSurvey { refused: Vec::new(), merges: Vec::new() },
    };
    let cursor = Cursor::new(bytes);
    let mut sheets: Sheets<Cursor<Vec<u8>>> = match kind {
        Container::Zip => calamine::Xlsx::new(cursor).map(Sheets::Xlsx).map_err(|e| {
            LoadError::Corrupt {
                file: file.into(),
                reason: e.to_string(),
            }
        })?,
        Container::Cfb => calamine::Xls::new(cursor).map(Sheets::Xls).map_err(|e| {
            let msg = e.to_string();
            if msg.to_lowercase().contains("password") || msg.to_lowercase().contains("encrypt") {
                LoadError::Encrypted { file: file.into() }
            } else {
                LoadError::Corrupt {
                    file: file.into(),
                    reason: msg,
                }
            }
        })?,
    };
    let names = sheets.sheet_names();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        if let Some((_, reason)) = refused.iter().find(|(n, _)| *n == name) {
            out.push(SheetRead::Failed { sheet: name, reason: reason.clone() });
            continue;
        }
        let read = match &mut sheets {
            Sheets::Xlsx(x) => {
                let m = merges.iter_mut().find(|(n, _)| *n == name).map(|(_, m)| std::mem::take(m)).unwrap_or_default();
                read_xlsx_sheet(x, &name, m)
            }
            other => other
                .worksheet_range(&name)
                .map_err(|e| sheet_reason(&e.to_string()))
                .map(|range| {
                    let merges = match other {
                        Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
                        _ => Vec::new(),
                    };
                    to_grid(name.clone(), range, &merges)
                }),
        };
        out.push(match read {
            Ok(g) => SheetRead::Read(g),
            Err(reason) => SheetRead::Failed { sheet: name.clone(), reason },
        });
    }
    Ok(out)
}

/// calamine's reason for a sheet it cannot read, in words a county user reads.
fn sheet_reason(e: &str) -> String {
    if e.contains("not found") || e.contains("NotFound") {
        format!("工作簿中缺少这张工作表的数据（文件损坏或不完整）：{e}")
    } else {
        format!("工作表已损坏，无法读取：{e}")
    }
}

/// One xlsx sheet (or why not, in words a county user reads), cell by cell from the XML stream: only the cells that hold
/// something are kept, so a stray value far away costs nothing. Cells right of
/// [`MAX_COLUMNS`] are counted in `Grid::notes`, not kept.
fn read_xlsx_sheet(x: &mut calamine::Xlsx<Cursor<Vec<u8>>>, name: &str, merges: Vec<Merge>) -> Result<Grid, String> {
    let mut reader = x.worksheet_cells_reader(name).map_err(|e| sheet_reason(&e.to_string()))?;
    let mut rows: Vec<GridRow> = Vec::new();
    let (mut cells, mut ignored) = (0u64, Vec::<(u32, u32)>::new());
    let mut ignored_count = 0u64;
    while let Some(c) = reader.next_cell().map_err(|e| sheet_reason(&e.to_string()))? {
        let ((r, col), value) = (c.get_position(), c.get_value());
        if matches!(value, calamine::DataRef::Empty) {
            continue;
        }
        if col >= MAX_COLUMNS {
            ignored_count += 1;
            if ignored.len() < 3 {
                ignored.push((r, col));
            }
            continue;
        }
        cells += 1;
        if cells > MAX_CELLS {
            return Err(format!("超过 {MAX_CELLS} 个单元格，未读取"));
        }
        let number = r + 1;
        let at = match rows.last() {
            Some(last) if last.number == number => rows.len() - 1,
            Some(last) if last.number > number => match rows.binary_search_by_key(&number, |g| g.number) {
                Ok(i) => i,
                Err(i) => {
                    rows.insert(i, GridRow { number, cells: Vec::new() });
                    i
                }
            },
            _ => {
                rows.push(GridRow { number, cells: Vec::new() });
                rows.len() - 1
            }
        };
        let row = &mut rows[at];
        let col = col as usize;
        if row.cells.len() <= col {
            row.cells.resize(col + 1, Cell::Empty);
        }
        row.cells[col] = match value {
            // Shared and inline strings straight into the cell (inline when short).
            calamine::DataRef::SharedString(s) => Cell::Text((*s).into()),
            calamine::DataRef::String(s) => Cell::Text(s.as_str().into()),
            other => to_cell(Data::from(other.clone())),
        };
    }
    // Rows between used rows are there, empty, as in the sheet (they are counted as blank).
    let mut full: Vec<GridRow> = Vec::with_capacity(rows.len());
    for r in rows {
        if let Some(prev) = full.last().map(|p: &GridRow| p.number) {
            full.extend((prev + 1..r.number).map(|number| GridRow { number, cells: Vec::new() }));
        }
        full.push(r);
    }
    let notes = (ignored_count > 0).then(|| {
        let at: Vec<String> = ignored.iter().map(|(r, c)| format!("{}{}", super::table::col_letter(*c as usize), r + 1)).collect();
        format!(
            "{ignored_count} 个单元格在第 {MAX_COLUMNS} 列之外（如 {}），不属于表格，未读取",
            at.join("、")
        )
    });
    Ok(Grid {
        sheet: name.to_string(),
        rows: full,
        merges,
        notes: notes.into_iter().collect(),
    })
}

/// calamine's merged ranges as the grid's (1-based rows), within [`MAX_COLUMNS`].
fn to_merges(merges: &[Dimensions]) -> Vec<Merge> {
    merges
        .iter()
        .map(|d| Merge {
            first_row: d.start.0 + 1,
            last_row: d.end.0 + 1,
            first_col: d.start.1 as usize,
            last_col: (d.end.1 as usize).min(MAX_COLUMNS as usize - 1),
        })
        .filter(|m| m.first_col < MAX_COLUMNS as usize)
        .collect()
}

/// A calamine cell as the reader's `Cell`, its string moved, not copied.
fn to_cell(d: Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.into()),
        Data::Float(f) => Cell::Number(f),
        Data::Int(i) => Cell::Number(i as f64),
        Data::Bool(b) => Cell::Bool(b),
        Data::DateTime(dt) => Cell::Date(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.into()),
        Data::Error(e) => Cell::Error(format!("{e:?}")),
    }
}

fn to_grid(sheet: String, mut range: Range<Data>, merges: &[Dimensions]) -> Grid {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let rows = (0..range.height())
        .map(|i| {
            // Cells left of the range's first column are empty: pad so that
            // column indexes are the sheet's own.
            let mut cells = vec![Cell::Empty; col0 as usize];
            cells.extend(range[i].iter_mut().map(|d| to_cell(std::mem::take(d))));
            GridRow {
                number: row0 + i as u32 + 1,
                cells,
            }
        })
        .collect();
    let merges = to_merges(merges);
    Grid {
        sheet,
        rows,
        merges,
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out its bytes a few at a time.
    struct Trickle<'a>(&'a [u8], usize);
    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(self.0.len()).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    const SHEET: &str = r#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><mergeCells count="3"><mergeCell ref="A1:H1"/><x:mergeCell ref="$B$2:$C$4"/><mergeCell ref="J7"/></mergeCells></worksheet>"#;

    #[test]
    fn merge_refs_are_read_whatever_the_pieces() {
        let want = vec![
            Merge { first_row: 1, last_row: 1, first_col: 0, last_col: 7 },
            Merge { first_row: 2, last_row: 4, first_col: 1, last_col: 2 },
            Merge { first_row: 7, last_row: 7, first_col: 9, last_col: 9 },
        ];
        for step in [1, 2, 3, 7, 10, 11, 64, 1 << 16] {
            assert_eq!(scan_merges(Trickle(SHEET.as_bytes(), step)), want, "pieces of {step}");
        }
        // The count tag and text that merely mentions the word are not ranges.
        assert_eq!(scan_merges(Trickle(b"<mergeCells count=\"1\"/><t>mergeCell ref=\"A1:B1\"</t>", 5)), vec![]);
    }

    /// The single-pass merges agree with calamine's second parse of the sheet.
    #[test]
    fn merges_agree_with_calamine() {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let fmt = rust_xlsxwriter::Format::new();
        let ws = wb.add_worksheet().set_name("花名册").unwrap();
        ws.merge_range(0, 0, 0, 5, "县民政局临时救助花名册", &fmt).unwrap();
        ws.merge_range(1, 1, 3, 1, "户主", &fmt).unwrap();
        ws.write(5, 2, "李芳").unwrap();
        let ws = wb.add_worksheet().set_name("Sheet2").unwrap();
        ws.merge_range(9, 26, 10, 27, "x", &fmt).unwrap();
        wb.add_worksheet().set_name("空表").unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let ours = zip_refusals("t.xlsx", &bytes).unwrap().merges;
        let mut x = calamine::Xlsx::new(Cursor::new(bytes)).unwrap();
        assert_eq!(ours.len(), 3);
        for (name, merges) in ours {
            let theirs = to_merges(&x.merge_cells_by_sheet_name(&name).unwrap());
            assert_eq!(merges, theirs, "{name}");
        }
    }
}
