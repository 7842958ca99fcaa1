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

/// Read every sheet of a workbook held in memory. `ext` is the lower-case
/// file extension, used only to word the errors.
pub fn read_workbook(file: &str, ext: &str, bytes: Vec<u8>) -> Result<Vec<Grid>, LoadError> {
    let kind = match sniff(&bytes) {
        Some(k) => k,
        None => {
            let reason = if bytes.iter().take(512).all(|b| *b != 0) {
                format!("the content is text, not an .{ext} workbook (a renamed file?)")
            } else {
                format!("the content is not an .{ext} workbook")
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
    let mut grids = Vec::with_capacity(names.len());
    for name in names {
        let range = sheets.worksheet_range(&name).map_err(|e| LoadError::Sheet {
            file: file.into(),
            sheet: name.clone(),
            reason: e.to_string(),
        })?;
        let merges = match &mut sheets {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        grids.push(to_grid(name, range, &merges));
    }
    Ok(grids)
}

/// A calamine cell as the reader's `Cell`, its string moved, not copied.
fn to_cell(d: Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s),
        Data::Float(f) => Cell::Number(f),
        Data::Int(i) => Cell::Number(i as f64),
        Data::Bool(b) => Cell::Bool(b),
        Data::DateTime(dt) => Cell::Date(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s),
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
    let merges = merges
        .iter()
        .map(|d| Merge {
            first_row: d.start.0 + 1,
            last_row: d.end.0 + 1,
            first_col: d.start.1 as usize,
            last_col: d.end.1 as usize,
        })
        .collect();
    Grid {
        sheet,
        rows,
        merges,
    }
}
