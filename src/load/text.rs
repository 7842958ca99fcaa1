//! CSV and TXT: encoding detection (UTF-8 with or without BOM, GB18030/GBK,
//! UTF-16 with BOM) and delimiter detection (comma, tab, semicolon).

use super::cell::{Cell, Grid, GridRow};
use super::error::LoadError;
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use std::borrow::Cow;

/// Decode a text file. Returns the text and the encoding's name as reported
/// in `inspect`. A file that does not decode cleanly in any supported
/// encoding is an error: it is never read as mojibake.
/// UTF-8 without a BOM is borrowed, not copied (a large CSV is not held twice).
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<(Cow<'a, str>, &'static str), LoadError> {
    let bom: Option<(&'static Encoding, usize, &'static str)> = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some((UTF_8, 3, "UTF-8-BOM"))
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        Some((UTF_16LE, 2, "UTF-16LE"))
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some((UTF_16BE, 2, "UTF-16BE"))
    } else {
        None
    };
    if let Some((enc, skip, name)) = bom {
        return enc
            .decode_without_bom_handling_and_without_replacement(&bytes[skip..])
            .map(|t| (t, name))
            .ok_or_else(|| LoadError::Encoding {
                file: file.into(),
                reason: format!("文件以 {name} 字节序标记开头，但内容不是 {name} 编码"),
            });
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok((Cow::Borrowed(t), "UTF-8")),
        Err(utf8_err) => {
            match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(t) => Ok((t, "GB18030")),
                None => {
                    let at = first_bad_gb18030_byte(bytes).unwrap_or(utf8_err.valid_up_to());
                    Err(LoadError::Encoding {
                        file: file.into(),
                        reason: format!(
                            "既不是 UTF-8 也不是 GBK/GB18030：第 {2} 行（偏移 {1}）有无效字节 0x{0:02X}",
                            bytes.get(at).copied().unwrap_or(0),
                            at,
                            bytes[..at.min(bytes.len())].iter().filter(|b| **b == b'\n').count() + 1
                        ),
                    })
                }
            }
        }
    }
}

/// Offset of the first byte GB18030 cannot decode (for the error message).
fn first_bad_gb18030_byte(bytes: &[u8]) -> Option<usize> {
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3);
    let mut consumed = 0;
    let mut chunk = bytes;
    loop {
        let (res, read) = decoder.decode_to_string_without_replacement(chunk, &mut out, true);
        match res {
            encoding_rs::DecoderResult::InputEmpty => return None,
            encoding_rs::DecoderResult::OutputFull => {
                out.reserve(4096);
                consumed += read;
                chunk = &bytes[consumed..];
            }
            encoding_rs::DecoderResult::Malformed(bad, _) => {
                return Some((consumed + read).saturating_sub(bad as usize));
            }
        }
    }
}

/// Pick the delimiter that splits the first lines most consistently.
pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(20).collect();
    let mut best = (b',', 0usize);
    for d in [b'\t', b',', b';', b'|'] {
        let counts: Vec<usize> = lines.iter().map(|l| l.bytes().filter(|b| *b == d).count()).collect();
        // Prefer the delimiter that occurs on most lines, then most often.
        let lines_with = counts.iter().filter(|c| **c > 0).count();
        let score = lines_with * 1000 + counts.iter().sum::<usize>().min(999);
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

/// A record spanning more lines than this is a quote left open, not a field
/// with line breaks (an address typed on two lines spans two).
const MAX_RECORD_LINES: u64 = 4;

/// Whether a record read by the csv crate is really a quote left open that
/// swallowed the lines after it: it spans many lines, or one of its fields
/// holds a line break followed by text that looks like a row of its own
/// (several delimiters).
fn swallowed_lines(rec: &csv::StringRecord, lines: u64, delim: u8, width: usize) -> bool {
    if lines > MAX_RECORD_LINES {
        return true;
    }
    let need = width.saturating_sub(1).max(2);
    rec.iter().any(|f| {
        f.contains('\n') && f.split('\n').skip(1).any(|l| l.bytes().filter(|b| *b == delim).count() >= need)
    })
}

/// One physical line split at every delimiter, quotes kept as typed: how a
/// line with an unclosed quote is read (nothing after it is lost).
/// The delimiter a one-field line of a table `width` wide uses where the file's
/// does not appear in it: a tab, `;`, `|` or `，` splitting it into at least
/// half the table's cells (three or more). `，` is also prose (a note under the
/// table): it counts only where a part is an ID's run of digits.
fn other_delimiter(field: &str, delim: u8, width: usize) -> Option<char> {
    let id_part = |d: char| field.split(d).any(|p| p.trim().len() >= 15 && p.trim().bytes().take(15).all(|b| b.is_ascii_digit()));
    ['\t', ';', '|', '，']
        .into_iter()
        .find(|&d| d != delim as char && field.matches(d).count() + 1 >= (width / 2).max(3) && (d != '，' || id_part(d)))
}

fn raw_cells(line: &str, delim: u8) -> Vec<Cell> {
    line.trim_end_matches(['\r', '\n'])
        .split(delim as char)
        .map(|f| if f.is_empty() { Cell::Empty } else { Cell::Text(f.into()) })
        .collect()
}

/// Read a CSV/TXT file into one grid (sheet name `""`): [`read_text_rows`]
/// with every row kept.
pub fn read_text(file: &str, bytes: &[u8]) -> Result<(Grid, &'static str), LoadError> {
    let (text, enc) = decode(file, bytes)?;
    let mut rows = Vec::new();
    let notes = read_text_rows(file, &text, &mut |r| {
        rows.push(r);
        true
    })?;
    Ok((
        Grid {
            sheet: String::new(),
            rows,
            merges: Vec::new(),
            notes,
        },
        enc,
    ))
}

/// Hand the rows of decoded text to `on_row` one by one, in order (it
/// returns false to stop reading). Row numbers are the physical line
/// numbers; empty lines (which the csv crate skips) are handed over as blank
/// rows so that they are counted, not lost. A line with a quote left open is
/// read as it stands, split at its delimiters, and reading goes on at the
/// next line; the notes returned say which lines.
pub fn read_text_rows(file: &str, text: &str, on_row: &mut dyn FnMut(GridRow) -> bool) -> Result<Vec<String>, LoadError> {
    // NUL bytes (a damaged export: 周\0建华, a line of NULs) are no text: dropped
    // before the cells are read, so that no name keeps one.
    let nuls = memchr::memchr_iter(0, text.as_bytes()).count();
    let cleaned: String;
    let text = if nuls > 0 {
        cleaned = text.replace('\0', "");
        cleaned.as_str()
    } else {
        text
    };
    let delim = sniff_delimiter(text);
    let all = text.as_bytes();
    let mut broken: Vec<u64> = Vec::new();
    // Where the current csv reader starts: byte offset and line number.
    let (mut start, mut base_line) = (0usize, 1u64);
    let mut next_line: u64 = 1;
    let mut width = 0usize;
    const MAX_COLUMNS: usize = super::excel::MAX_COLUMNS as usize;
    let mut far = 0usize;
    let mut mixed: Vec<u64> = Vec::new();
    'segments: loop {
        let bytes_of = &all[start..];
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delim)
            .from_reader(bytes_of);
        let mut rec = csv::StringRecord::new();
        // Line numbers from byte offsets: the csv crate does not count empty lines.
        let (mut seen_byte, mut seen_line) = (0usize, base_line);
        let mut line_at = |byte: usize| -> u64 {
            let byte = byte.min(bytes_of.len());
            if byte > seen_byte {
                seen_line += bytes_of[seen_byte..byte].iter().filter(|b| **b == b'\n').count() as u64;
                seen_byte = byte;
            }
            seen_line
        };
        loop {
            match rdr.read_record(&mut rec) {
                Ok(false) => break 'segments,
                Ok(true) => {
                    // A record's position may include the empty lines before it.
                    let first_byte = rec
                        .position()
                        .map(|p| {
                            let mut b = p.byte() as usize;
                            while matches!(bytes_of.get(b), Some(b'\n' | b'\r')) {
                                b += 1;
                            }
                            b
                        })
                        .unwrap_or(0);
                    let line = line_at(first_byte);
                    while next_line < line {
                        if !on_row(GridRow {
                            number: next_line as u32,
                            cells: Vec::new(),
                        }) {
                            break 'segments;
                        }
                        next_line += 1;
                    }
                    let end_byte = rdr.position().byte() as usize;
                    let end_line = line_at(end_byte.saturating_sub(1).max(first_byte));
                    if end_line > line && swallowed_lines(&rec, end_line - line + 1, delim, width) {
                        // Read this one line as it stands; go on at the next.
                        let from = start + first_byte;
                        let to = all[from..].iter().position(|b| *b == b'\n').map_or(all.len(), |i| from + i + 1);
                        let raw = text.get(from..to).unwrap_or("");
                        broken.push(line);
                        next_line = line + 1;
                        (start, base_line) = (to, line + 1);
                        let mut cells = raw_cells(raw, delim);
                        far += cells.iter().skip(MAX_COLUMNS).filter(|c| !c.is_empty()).count();
                        cells.truncate(MAX_COLUMNS);
                        if !on_row(GridRow { number: line as u32, cells }) {
                            break 'segments;
                        }
                        continue 'segments;
                    }
                    // A line written with another delimiter than the file's (a tab
                    // or `，` in a comma file): one field holding the row. Read by its
                    // own delimiter, and said.
                    let other = match (rec.len(), rec.get(0)) {
                        (1, Some(f)) if width >= 3 => other_delimiter(f, delim, width),
                        _ => None,
                    };
                    width = width.max(rec.len());
                    // Cells past the widest real form are no table's (a 50 MB line
                    // of one row): counted, not kept, as in a workbook.
                    far += rec.iter().skip(MAX_COLUMNS).filter(|f| !f.is_empty()).count();
                    let cells = match (other, rec.get(0)) {
                        (Some(d), Some(f)) => {
                            mixed.push(line);
                            f.split(d).take(MAX_COLUMNS).map(|x| if x.is_empty() { Cell::Empty } else { Cell::Text(x.into()) }).collect()
                        }
                        _ => rec
                            .iter()
                            .take(MAX_COLUMNS)
                            .map(|f| if f.is_empty() { Cell::Empty } else { Cell::Text(f.into()) })
                            .collect(),
                    };
                    next_line = line_at(end_byte).max(line + 1);
                    if !on_row(GridRow {
                        number: line as u32,
                        cells,
                    }) {
                        break 'segments;
                    }
                }
                Err(e) => {
                    let line = e.position().map(|p| p.line() + base_line - 1).unwrap_or(next_line);
                    return Err(LoadError::Csv {
                        file: file.into(),
                        line,
                        reason: e.to_string(),
                    });
                }
            }
        }
    }
    let mut notes = Vec::new();
    if nuls > 0 {
        notes.push(format!("{nuls} 个空字符（NUL）已去除"));
    }
    if far > 0 {
        notes.push(format!("{far} 个单元格在第 {MAX_COLUMNS} 列之外，不属于表格，未读取"));
    }
    if !mixed.is_empty() {
        let shown: Vec<String> = mixed.iter().take(5).map(u64::to_string).collect();
        notes.push(format!("{} 行用了与全文不同的分隔符（第 {} 行…），已按各行自己的分隔符读取，请核对", mixed.len(), shown.join("、")));
    }
    if !broken.is_empty() {
        let shown: Vec<String> = broken.iter().take(5).map(u64::to_string).collect();
        let more = if broken.len() > 5 { format!(" 等 {} 行", broken.len()) } else { String::new() };
        notes.push(format!(
            "第 {} 行{more}有未闭合的引号：该行按分隔符原样读取，其后各行照常读取，请核对该行",
            shown.join("、")
        ));
    }
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let (t, e) = decode("a.csv", "姓名,身份证号\n".as_bytes()).unwrap();
        assert_eq!((t.as_ref(), e), ("姓名,身份证号\n", "UTF-8"));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("姓名".as_bytes());
        assert_eq!(decode("a.csv", &b).unwrap(), (Cow::Borrowed("姓名"), "UTF-8-BOM"));
    }

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) = GB18030.encode("乡镇,村,姓名\n万谷乡,桃花村,王伟\n");
        let (t, e) = decode("a.csv", &bytes).unwrap();
        assert_eq!(e, "GB18030");
        assert!(t.contains("王伟"));
    }

    #[test]
    fn utf16le_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "姓名\t身份证号\r\n".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let (t, e) = decode("a.txt", &b).unwrap();
        assert_eq!(e, "UTF-16LE");
        assert_eq!(sniff_delimiter(&t), b'\t');
    }

    #[test]
    fn gbk_with_a_bad_byte_is_an_error_naming_the_offset() {
        let mut bytes = GB18030.encode("姓名,身份证号\n王伟,1\n").0.into_owned();
        bytes.insert(13, 0xFF); // after 身份证号, before the line break
        let err = decode("坏文件.csv", &bytes).unwrap_err().to_string();
        assert!(err.contains("坏文件.csv"), "{err}");
        assert!(err.contains("第 1 行（偏移 13）有无效字节 0xFF"), "{err}");
    }

    #[test]
    fn empty_lines_are_kept_as_blank_rows() {
        let (g, _) = read_text("a.csv", b"a,b\n\n1,2\n").unwrap();
        let numbers: Vec<u32> = g.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![1, 2, 3]);
        assert!(g.rows[1].cells.is_empty());
    }

    #[test]
    fn quoted_multiline_field_keeps_line_numbers() {
        let (g, _) = read_text("a.csv", b"a,b\n\"x\ny\",2\n3,4\n").unwrap();
        let numbers: Vec<u32> = g.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![1, 2, 4]);
    }
}
