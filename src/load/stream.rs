//! A CSV or TXT file read in pieces: the table is found in the file's first
//! rows, every later row is classified by that table and turned into records
//! piece by piece, so that memory is bounded by the piece, not by the file.
//! A register's rows are kept to the end (a cadre's block of relatives may
//! cross a piece), a roll's are handed over as each piece is read.

use super::cell::{Cell, Grid, GridRow};
use super::records;
use super::roles::Kind;
use super::table::{self, DataRow, NoTable, Table};
use super::{FileInfo, FileRead, OnPiece, close_sheet, count_piece, no_table_report, sheet_report, text};
use crate::model::{InputReport, SheetReport};

/// Rows read before the table is looked for: the header is searched in the
/// first [`table::HEADER_SEARCH_ROWS`], the columns' content sampled in these.
/// A constant, so that the table (and so every record) does not depend on
/// the piece size.
pub const HEAD_ROWS: usize = 4096;

/// Estimated bytes in memory of a row's cells.
fn row_bytes(r: &GridRow) -> usize {
    48 + r
        .cells
        .iter()
        .map(|c| match c {
            Cell::Text(s) => 32 + s.len(),
            _ => 32,
        })
        .sum::<usize>()
}

struct TextSheet<'a, 'b> {
    file: &'a FileInfo<'a>,
    piece_bytes: usize,
    buf: Vec<GridRow>,
    buf_bytes: usize,
    /// None until the head is read; then the table found (its rows taken) or why none.
    table: Option<Result<Table, NoTable>>,
    up: (String, String, String),
    report: InputReport,
    sr: SheetReport,
    records: usize,
    /// A register's data rows, extracted together at the end.
    held: Vec<DataRow>,
    on_piece: &'b mut OnPiece<'b>,
}

impl TextSheet<'_, '_> {
    /// One more row; false once reading further is of no use (no table).
    fn push(&mut self, row: GridRow) -> bool {
        let blank = row.cells.iter().all(Cell::is_empty);
        self.buf_bytes += row_bytes(&row);
        self.buf.push(row);
        // A piece never ends on a blank row: blank rows at the end of a
        // sheet are not counted, those inside it are.
        match &self.table {
            None if !blank && self.buf.len() >= HEAD_ROWS => self.head(),
            Some(Ok(_)) if !blank && self.buf_bytes >= self.piece_bytes => self.piece(false),
            _ => {}
        }
        !matches!(self.table, Some(Err(_)))
    }

    fn take_buf(&mut self) -> Vec<GridRow> {
        self.buf_bytes = 0;
        std::mem::take(&mut self.buf)
    }

    fn head(&mut self) {
        let rows = self.take_buf();
        let found = if self.file.ov.skip_sheets.iter().any(String::is_empty) {
            Err(NoTable { reason: "按配置跳过（skip_sheets）".into(), data_like: false })
        } else {
            table::find_table(Grid { sheet: String::new(), rows, merges: Vec::new(), notes: Vec::new() }, self.file.hints)
        };
        match found {
            Ok(mut t) => {
                let rows = std::mem::take(&mut t.rows);
                self.up = self.file.provenance(&mut self.report, &[&t], &[]);
                self.sr = sheet_report("", &t);
                self.table = Some(Ok(t));
                self.emit(rows);
            }
            Err(nt) => {
                self.up = self.file.provenance(&mut self.report, &[], &[]);
                self.table = Some(Err(nt));
            }
        }
    }

    fn piece(&mut self, last: bool) {
        let body = self.take_buf();
        if let Some(Ok(t)) = &mut self.table {
            let rows = t.more_rows(body, last);
            self.emit(rows);
        }
    }

    fn emit(&mut self, rows: Vec<DataRow>) {
        let Some(Ok(t)) = &self.table else { return };
        self.sr.data_rows += rows.len() as u64;
        if t.kind != Kind::Roll {
            super::append(&mut self.held, rows);
            return;
        }
        let piece = Table { rows, ..t.clone() };
        let ex = records::extract(piece, &self.file.context("", &self.up, &t.above));
        let (rolls, kin) = count_piece(&mut self.sr, ex);
        self.records += rolls.len() + kin.len();
        (self.on_piece)(rolls, kin);
    }

    fn finish(mut self, notes: Vec<String>) -> FileRead {
        if self.table.is_none() {
            self.head();
        } else {
            self.piece(true);
        }
        let mut kinds = Vec::new();
        match self.table.take() {
            Some(Ok(mut t)) => {
                kinds.push(t.kind);
                if !self.held.is_empty() {
                    let piece = Table { rows: std::mem::take(&mut self.held), ..t.clone() };
                    let (rolls, kin) = count_piece(&mut self.sr, records::extract(piece, &self.file.context("", &self.up, &t.above)));
                    self.records += rolls.len() + kin.len();
                    (self.on_piece)(rolls, kin);
                }
                self.sr.skipped = std::mem::take(&mut t.skipped);
                close_sheet(&mut self.sr, t.kind, self.records, notes);
                if t.not_a_roll.is_some() {
                    (self.sr.other_input, self.sr.problem) = (t.not_a_roll, None);
                }
                self.report.sheets.push(self.sr);
            }
            Some(Err(nt)) => self.report.sheets.push(no_table_report(String::new(), nt, notes)),
            None => {}
        }
        FileRead { report: self.report, kinds }
    }
}

/// Read a text file's bytes in pieces (see the module's doc).
pub(crate) fn load_text<'b>(
    file: &FileInfo,
    bytes: &[u8],
    mut report: InputReport,
    piece_bytes: usize,
    on_piece: &'b mut OnPiece<'b>,
) -> FileRead {
    let (decoded, enc) = match text::decode(&file.f.rel, bytes) {
        Ok(x) => x,
        Err(e) => {
            report.error = Some(e.to_string());
            return FileRead { report, kinds: Vec::new() };
        }
    };
    report.encoding = Some(enc.to_string());
    let mut st = TextSheet {
        file,
        piece_bytes: piece_bytes.max(1),
        buf: Vec::new(),
        buf_bytes: 0,
        table: None,
        up: Default::default(),
        report,
        sr: SheetReport::default(),
        records: 0,
        held: Vec::new(),
        on_piece,
    };
    match text::read_text_rows(&file.f.rel, &decoded, &mut |r| st.push(r)) {
        Ok(notes) => st.finish(notes),
        // A CSV error the reader cannot step over: the rows before it are
        // read (and may already be matched), the rest is said to be unread.
        Err(e) => st.finish(vec![format!("{e}：其后各行未读取")]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::load::{InputFile, load_file, load_file_with};
    use std::fmt::Write;

    /// A roll CSV of `n` data rows after a title and a header, with blank
    /// lines, totals and repeated headers inside, and an unclosed quote.
    fn big_roll(dir: &std::path::Path, n: usize) -> InputFile {
        let mut s = String::from("县民政局临时救助发放名册\n序号,姓名,身份证号,乡镇,村,金额\n");
        for i in 0..n {
            let id = format!("519901{:04}{:02}{:02}{:03}", 1950 + i % 50, 1 + i % 12, 1 + i % 28, i % 1000);
            let _ = writeln!(s, "{i},张{}{},{id}X,青石镇,白马村,{}", ["伟", "芳", "强"][i % 3], i % 97, 100 + i % 7);
            if i % 1500 == 7 {
                s.push_str("\n\n");
            }
            if i % 2500 == 11 {
                s.push_str("小计,,,,,1234\n序号,姓名,身份证号,乡镇,村,金额\n");
            }
            if i == 6000 {
                s.push_str("9999,\"李四,5199,青石镇,白马村,100\n");
            }
        }
        s.push_str("\n\n\n");
        let path = dir.join("县民政局_临时救助.csv");
        std::fs::write(&path, s).unwrap();
        InputFile { rel: "县民政局_临时救助.csv".into(), path }
    }

    #[test]
    fn a_large_csv_read_in_pieces_gives_the_records_and_counts_of_one_read() {
        let tmp = tempfile::tempdir().unwrap();
        let f = big_roll(tmp.path(), 12_000);
        let cfg = Config::default();
        let whole = load_file(&f, Some(Kind::Roll), &cfg);
        assert_eq!(whole.report.error, None);
        for piece_bytes in [1usize, 10_000, 300_000] {
            let (mut rolls, mut pieces) = (Vec::new(), 0);
            let report = load_file_with(&f, Some(Kind::Roll), &cfg, piece_bytes, &mut |r, k| {
                assert!(k.is_empty());
                pieces += 1;
                rolls.extend(r);
            });
            assert!(pieces > 1, "{piece_bytes}: read in one piece");
            assert_eq!(report, whole.report, "{piece_bytes}");
            assert_eq!(rolls, whole.rolls, "{piece_bytes}");
        }
        // Every row accounted for: 12,000 persons and the unclosed-quote row are
        // data, the blank lines, totals and repeated headers skipped by reason.
        let s = &whole.report.sheets[0];
        assert_eq!(s.data_rows, 12_001);
        assert_eq!(s.skipped.get("blank"), Some(&16));
        assert_eq!(s.skipped.get("total"), Some(&5));
        assert_eq!(s.skipped.get("header"), Some(&5));
        assert!(s.problem.as_deref().unwrap_or("").contains("未闭合的引号"), "{:?}", s.problem);
    }

    #[test]
    fn a_register_csv_is_extracted_whole_whatever_the_piece_size() {
        // The official's block (称谓 本人, then his relatives) crosses any piece boundary.
        let tmp = tempfile::tempdir().unwrap();
        let mut s = String::from("姓名,称谓,身份证号,工作单位\n");
        for i in 0..6000 {
            let _ = writeln!(s, "王{i},{},5199011980010{:05},县民政局", if i % 3 == 0 { "本人" } else { "配偶" }, i);
        }
        let path = tmp.path().join("县民政局_登记表.csv");
        std::fs::write(&path, s).unwrap();
        let f = InputFile { rel: "县民政局_登记表.csv".into(), path };
        let cfg = Config::default();
        let whole = load_file(&f, Some(Kind::Register), &cfg);
        let mut kin = Vec::new();
        let report = load_file_with(&f, Some(Kind::Register), &cfg, 1, &mut |_, k| kin.extend(k));
        assert_eq!(report, whole.report);
        assert_eq!(kin, whole.kin);
        assert!(!kin.is_empty());
    }
}
