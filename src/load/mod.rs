//! Stage 1: find the input files, read every sheet, find its table and turn
//! its rows into records. Nothing here decides who matches whom.
//!
//! Add a reader: a module that turns bytes into [`cell::Grid`]s (a workbook
//! format, beside `excel`) or rows (a text format, beside `text`, read in
//! pieces by `stream`), and a branch in [`load_file_with`] for its extensions.

pub mod cell;
pub mod content;
pub mod error;
pub mod excel;
pub mod form;
pub mod html;
pub mod records;
pub mod roles;
pub mod table;
pub mod text;
pub mod values;
pub mod xmlss;
mod stream;

use crate::config::Config;
use crate::model::{InputReport, SheetReport};
use error::LoadError;
use rayon::prelude::*;
use records::{Extracted, FileContext, KinRow, RollRow};
use roles::Kind;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Extensions read as spreadsheets.
/// Files read (the content then picks the reader): also WPS 表格 (.et), Excel's
/// XML Spreadsheet (.xml) and web pages saved from a system (.htm, .html).
pub const SPREADSHEET_EXTS: &[&str] = &["xlsx", "xlsm", "xls", "et", "csv", "txt", "xml", "htm", "html"];

/// Files a department may send its list in that the batch cannot read: not
/// read, and said loudly (the run exits 3), with what to do.
const DOCUMENT_EXTS: &[(&str, &str)] = &[
    ("zip", "压缩包"),
    ("rar", "压缩包"),
    ("7z", "压缩包"),
    ("gz", "压缩包"),
    ("tar", "压缩包"),
    ("doc", "Word 文档"),
    ("docx", "Word 文档"),
    ("wps", "WPS 文字文档"),
    ("pdf", "PDF 文档"),
    ("ofd", "OFD 版式文档"),
    ("jpg", "图片"),
    ("jpeg", "图片"),
    ("png", "图片"),
    ("tif", "图片"),
    ("tiff", "图片"),
    ("bmp", "图片"),
    ("ods", "OpenDocument 表格"),
    ("xlsb", "Excel 二进制工作簿（.xlsb）"),
    ("numbers", "Numbers 表格"),
    ("dbf", "dBase 数据表"),
];

/// What kind of document a file is that may hold a list (an archive, a
/// document, a scan), unless it is a lock or hidden file.
fn unread_document(name: &str, ext: &str) -> Option<&'static str> {
    if name.starts_with("~$") || name.starts_with('.') {
        return None;
    }
    DOCUMENT_EXTS.iter().find(|(e, _)| *e == ext).map(|(_, what)| *what)
}

/// A skipped file that may hold a list: the batch that left it unread is incomplete.
pub fn skipped_may_hold_data(s: &SkippedFile) -> bool {
    let p = Path::new(&s.file);
    let name = p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    // A table's name that could not be opened as a file (a link to a device, a
    // dangling link to an unmounted share): a list is missing.
    let table = SPREADSHEET_EXTS.contains(&ext_of(p).as_str()) && !name.starts_with("~$") && !name.starts_with('.');
    let unopened = s.reason.contains("不是普通文件") || s.reason.starts_with("无法读取");
    unread_document(&name, &ext_of(p)).is_some() || (table && unopened)
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    pub path: PathBuf,
    /// Path relative to the folder given on the command line (`/`-separated);
    /// the file name when a file was given.
    pub rel: String,
}

/// A file passed over, and why.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct SkippedFile {
    pub file: String,
    pub reason: String,
}

#[derive(Clone, Debug, Default)]
pub struct Discovery {
    pub files: Vec<InputFile>,
    pub skipped: Vec<SkippedFile>,
    /// Paths given on the command line that do not exist.
    pub missing: Vec<String>,
}

fn ext_of(p: &Path) -> String {
    p.extension().and_then(|e| e.to_str()).unwrap_or("").to_lowercase()
}

/// Why a file found in a folder is not read, if it is not.
fn skip_reason(name: &str, ext: &str) -> Option<String> {
    if name.starts_with("~$") {
        Some("Excel 临时锁定文件（~$…），不是工作簿".into())
    } else if name.starts_with('.') {
        Some("隐藏文件".into())
    } else if let Some(what) = unread_document(name, ext) {
        Some(match what {
            "压缩包" => format!("{what}（.{ext}）无法直接读取，请解压后把其中的表格放入文件夹再比对"),
            "图片" => format!("{what}（.{ext}，扫描件？）无法读取，请要来电子表格"),
            _ => format!("{what}（.{ext}）无法直接读取，请把其中的名单另存为 Excel 工作簿（.xlsx）"),
        })
    } else if !SPREADSHEET_EXTS.contains(&ext) {
        Some(format!("不是表格文件（.{ext}）"))
    } else {
        None
    }
}

/// An extension neither of a table nor of a known document (.do, none).
fn unknown_ext(name: &str, ext: &str) -> bool {
    !name.starts_with("~$") && !name.starts_with('.') && !SPREADSHEET_EXTS.contains(&ext) && unread_document(name, ext).is_none()
}

/// A file whose first bytes are those of a zip (xlsx) or an OLE compound file
/// (xls), as [`excel::sniff`] reads them when the file is loaded.
fn opens_as_workbook(p: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    let n = std::fs::File::open(p).and_then(|mut f| f.read(&mut head)).unwrap_or(0);
    head.get(..n).and_then(excel::sniff).is_some()
}

/// Why a path that exists is not a file to read: only regular files are
/// read (a FIFO would block the batch forever, a device never ends).
fn not_regular(meta: &std::fs::Metadata) -> Option<String> {
    if meta.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("是命名管道（FIFO），不是普通文件，未读取".into());
        }
        if t.is_socket() {
            return Some("是套接字，不是普通文件，未读取".into());
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("是设备文件，不是普通文件，未读取".into());
        }
    }
    Some("不是普通文件，未读取".into())
}

/// The folders and files already taken, by their real path: a symlink loop
/// (`loop -> .`, `up -> ..`) or a second link to a file is followed once.
#[derive(Default)]
struct Seen {
    dirs: std::collections::HashMap<PathBuf, String>,
    files: std::collections::HashMap<PathBuf, String>,
}

impl Seen {
    /// Take folder `p` (shown as `label`), or say which folder it is again.
    fn dir(&mut self, p: &Path, label: &str) -> Result<(), String> {
        let real = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        match self.dirs.get(&real) {
            Some(first) => Err(first.clone()),
            None => {
                self.dirs.insert(real, label.to_string());
                Ok(())
            }
        }
    }
}

/// Expand the command line's files and folders (folders recursively, in
/// sorted order). Only regular files are read; every folder and file is
/// taken once, whatever symlinks lead to it again.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut d = Discovery::default();
    let mut seen = Seen::default();
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(_) => {
                d.missing.push(p.display().to_string());
                continue;
            }
        };
        if meta.is_dir() {
            let label = p.display().to_string();
            match seen.dir(p, &label) {
                Ok(()) => walk(p, p, &mut d, &mut seen),
                Err(first) => d.skipped.push(SkippedFile {
                    file: label,
                    reason: format!("与已读取的文件夹 {first} 是同一文件夹，未重复读取"),
                }),
            }
            continue;
        }
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if let Some(reason) = not_regular(&meta) {
            d.skipped.push(SkippedFile { file: name, reason });
            continue;
        }
        take_file(InputFile { path: p.clone(), rel: name }, &mut d, &mut seen);
    }
    // Each file is in once already (`take_file`).
    d.files.sort_by(|a, b| a.rel.cmp(&b.rel).then(a.path.cmp(&b.path)));
    d.skipped.sort();
    d
}

/// Add a file unless its real path was taken already (through another link).
fn take_file(f: InputFile, d: &mut Discovery, seen: &mut Seen) {
    let real = std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone());
    if let Some(first) = seen.files.get(&real) {
        d.skipped.push(SkippedFile {
            file: f.rel,
            reason: format!("与 {first} 是同一文件，只读取一次"),
        });
        return;
    }
    seen.files.insert(real, f.rel.clone());
    d.files.push(f);
}

fn walk(root: &Path, dir: &Path, d: &mut Discovery, seen: &mut Seen) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            d.skipped.push(SkippedFile {
                file: rel_path(root, dir),
                reason: format!("无法列出文件夹内容：{e}"),
            });
            return;
        }
    };
    entries.sort();
    for p in entries {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let rel = rel_path(root, &p);
        // `metadata` follows a symlink; a dangling one is reported, not read.
        let meta = match std::fs::metadata(&p) {
            Ok(m) => m,
            Err(e) => {
                d.skipped.push(SkippedFile { file: rel, reason: format!("无法读取（失效的链接？）：{e}") });
                continue;
            }
        };
        if meta.is_dir() {
            if name.starts_with('.') {
                d.skipped.push(SkippedFile { file: rel, reason: "隐藏文件夹".into() });
                continue;
            }
            match seen.dir(&p, &rel) {
                Ok(()) => walk(root, &p, d, seen),
                Err(first) => d.skipped.push(SkippedFile {
                    file: rel,
                    reason: format!("链接到已读取的文件夹 {first}（循环或重复链接），未重复读取"),
                }),
            }
            continue;
        }
        // A workbook downloaded without its extension (exportExcel.do): its bytes say so.
        let reason = skip_reason(&name, &ext_of(&p)).filter(|_| !(unknown_ext(&name, &ext_of(&p)) && opens_as_workbook(&p)));
        if let Some(reason) = reason {
            d.skipped.push(SkippedFile { file: rel, reason });
            continue;
        }
        if let Some(reason) = not_regular(&meta) {
            d.skipped.push(SkippedFile { file: rel, reason });
            continue;
        }
        take_file(InputFile { path: p, rel }, d, seen);
    }
}

fn rel_path(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Everything read from one file.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub report: InputReport,
    pub rolls: Vec<RollRow>,
    pub kin: Vec<KinRow>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Persons read from a file, handed over as the file is read: a roll's rows
/// piece by piece (a large text file), a workbook's sheet by sheet.
pub type OnPiece<'a> = dyn FnMut(Vec<RollRow>, Vec<KinRow>) + 'a;

/// Read one file completely. Never fails: what could not be read is in
/// `report.error` or in a sheet's `error`.
pub fn load_file(f: &InputFile, kind: Option<Kind>, cfg: &Config) -> Loaded {
    // The pieces are gathered and joined once, in an allocation of the final
    // size: appending each to a growing Vec moved every record about twice.
    // A text file's cells are turned into records a piece at a time (the
    // records do not depend on the piece size): its cells are never all in
    // memory beside its records.
    let (mut rolls, mut kin) = (Vec::new(), Vec::new());
    let report = load_file_with(f, kind, cfg, TEXT_PIECE_BYTES, &mut |r, k| {
        rolls.push(r);
        kin.push(k);
    });
    Loaded { report, rolls: concat(rolls), kin: concat(kin) }
}

/// The cells of a text file held at once while its records are made (about).
pub const TEXT_PIECE_BYTES: usize = 8 << 20;

/// Pieces joined in one allocation of the final size (one piece is kept as
/// it is): growing by doubling copied every record about twice and faulted in
/// pages it then freed.
pub(crate) fn concat<T>(mut pieces: Vec<Vec<T>>) -> Vec<T> {
    pieces.retain(|p| !p.is_empty());
    if pieces.len() == 1 {
        return pieces.pop().unwrap_or_default();
    }
    let mut out = Vec::with_capacity(pieces.iter().map(Vec::len).sum());
    for p in pieces {
        out.extend(p);
    }
    out
}

/// Read one file, handing its persons to `on_piece` as they are read. A CSV
/// or TXT roll is read in pieces of about `piece_bytes` (cells in memory), so
/// that one large file is matched piece by piece; the pieces give the same
/// records whatever their size (the table is found once, in the file's first
/// [`stream::HEAD_ROWS`] rows). Never fails: what could not be read is in the
/// report.
pub fn load_file_with(f: &InputFile, kind: Option<Kind>, cfg: &Config, piece_bytes: usize, on_piece: &mut OnPiece) -> InputReport {
    let ext = ext_of(&f.path);
    let mut report = InputReport {
        file: f.rel.clone(),
        kind: kind.map(|k| k.as_str().to_string()).unwrap_or_else(|| "unknown".into()),
        format: ext.clone(),
        ..Default::default()
    };
    let bytes = match std::fs::read(&f.path) {
        Ok(b) => b,
        Err(source) => {
            report.error = Some(LoadError::Io { file: f.rel.clone(), source }.to_string());
            return report;
        }
    };
    report.sha256 = sha256_hex(&bytes);
    if bytes.is_empty() {
        report.error = Some(LoadError::Empty { file: f.rel.clone() }.to_string());
        return report;
    }
    let ov = cfg.for_file(&f.rel);
    let mut hints = ov.hints.clone();
    if hints.kind.is_none() {
        hints.kind = kind;
    }
    let stem = f.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let file = FileInfo { f, ov: &ov, hints: &hints, stem: &stem };
    // The content decides where the extension is wrong (a workbook saved as
    // .csv, a CSV export named .xlsx); `format` records what was read.
    let book = excel::sniff(&bytes);
    let text_ext = matches!(ext.as_str(), "csv" | "txt");
    let read_as_text = if text_ext { book.is_none() } else { book.is_none() && plain_text_table(&bytes) };
    // A web page saved as .xls (an HTML table, as many systems export), or
    // Excel's XML Spreadsheet 2003.
    let page = (book.is_none() && !read_as_text)
        .then(|| text::decode(&f.rel, &bytes).ok())
        .flatten()
        .and_then(|(t, enc)| {
            let xml = xmlss::is_xml_spreadsheet(&t);
            (xml || html::is_html_table(&t)).then_some((t, enc, xml))
        });
    if let Some((text, enc, xml)) = page {
        report.format = if xml { "xml" } else { "html" }.into();
        report.encoding = Some(enc.to_string());
        let grids = if xml { xmlss::read_sheets(&text) } else { html::read_tables(&text) };
        let sheets = grids.into_iter().map(excel::SheetRead::Read).collect();
        load_sheets(&file, Ok(sheets), report, on_piece)
    } else if read_as_text {
        if !text_ext {
            report.format = "csv".into();
        }
        stream::load_text(&file, &bytes, report, piece_bytes, on_piece)
    } else {
        let ext = match (text_ext, book) {
            (true, Some(excel::Container::Zip)) => "xlsx".to_string(),
            (true, Some(excel::Container::Cfb)) => "xls".to_string(),
            _ => ext,
        };
        report.format = ext.clone();
        load_workbook(&file, &ext, bytes, report, on_piece)
    }
    .finish(kind, &f.rel)
}

/// Bytes that are a delimited text table, whatever the file is called: no NUL
/// in the first 4 KiB, not markup (an HTML page named .xls is read by
/// [`html`]), and a separator on the first line.
fn plain_text_table(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let first = head.iter().position(|b| !b.is_ascii_whitespace()).and_then(|i| head.get(i));
    let line = head.split(|b| *b == b'\n').next().unwrap_or(head);
    !head.contains(&0) && first != Some(&b'<') && line.iter().any(|b| matches!(b, b',' | b'\t' | b';' | b'|'))
}

/// What every reader of a file needs to know about it.
pub(crate) struct FileInfo<'a> {
    pub f: &'a InputFile,
    pub ov: &'a crate::config::FileOverride,
    pub hints: &'a table::TableHints,
    pub stem: &'a str,
}

impl FileInfo<'_> {
    /// The file's unit and program (from the config, a unit column, the file
    /// name, the titles above its tables), recorded in the report; the
    /// context its records carry.
    /// `covers`: the text lines of short sheets without a table (a cover: 申报单位：县民政局).
    fn provenance(&self, report: &mut InputReport, tables: &[&table::Table], covers: &[Vec<String>]) -> (String, String, String) {
        let titles: Vec<&str> = tables.iter().flat_map(|t| t.above.iter().map(String::as_str)).collect();
        let unit_col = tables.iter().any(|t| t.columns.iter().any(|c| c.role == roles::Role::Unit));
        // The folders the file sits in, nearest first (县民政局/2024年10月/低保.xlsx).
        let rel = std::path::Path::new(&self.f.rel);
        let folders: Vec<&str> = rel.parent().into_iter().flat_map(|p| p.iter().rev()).filter_map(|c| c.to_str()).collect();
        // A footer naming who drew the list up (填报单位：县民政局（盖章）) after the title lines.
        let with_footers: Vec<&str> = titles.iter().copied().chain(tables.iter().flat_map(|t| t.footers.iter().map(String::as_str))).collect();
        // The unit the tables' titles (and cover sheets') start with, when they agree on one.
        let titled: BTreeSet<String> = tables
            .iter()
            .map(|t| t.above.iter().map(String::as_str).collect::<Vec<_>>())
            .chain(covers.iter().map(|c| c.iter().map(String::as_str).collect()))
            .filter_map(|lines| provenance::unit_in_title(&lines))
            .collect();
        let titled = (titled.len() == 1).then(|| titled.first().cloned()).flatten();
        // A cover sheet's label lines (申报单位：县民政局) after the tables' own.
        let with_footers: Vec<&str> = with_footers.into_iter().chain(covers.iter().flatten().map(String::as_str)).collect();
        let (unit, unit_source) = provenance::unit(self.ov.unit.as_deref(), unit_col, self.stem, &with_footers, titled.as_deref(), &folders);
        let (program, program_source) = provenance::program(self.ov.program.as_deref(), self.stem, &titles);
        report.unit = unit.clone();
        report.unit_source = unit_source;
        report.program = program.clone();
        report.program_source = program_source;
        // The month a roll pays for, when a title says it (2024年10月农村低保发放表).
        let period = titles.iter().find_map(|t| crate::compare::eligibility::period_of("", t)).unwrap_or_default();
        (unit.unwrap_or_default(), program.unwrap_or_default(), period)
    }

    /// `above`: the table's title lines; with the file's and the sheet's
    /// names, where the roll says its people live ([`FileContext::place_hint`]).
    fn context(&self, sheet: &str, up: &(String, String, String), above: &[String]) -> FileContext {
        let hint: String = [self.stem, sheet].into_iter().chain(above.iter().map(String::as_str)).collect::<Vec<_>>().join(" ");
        FileContext {
            file: self.f.rel.clone(),
            sheet: sheet.to_string(),
            unit: up.0.clone(),
            program: up.1.clone(),
            period: up.2.clone(),
            cadre: provenance::cadre_from_names(self.stem, sheet),
            place_hint: Some(hint.into()),
        }
    }
}

/// A sheet's report once its table is found: header row and columns.
fn sheet_report(sheet: &str, t: &table::Table) -> SheetReport {
    SheetReport {
        sheet: sheet.to_string(),
        header_row: Some(t.header_row),
        columns: t
            .columns
            .iter()
            .map(|c| crate::model::ColumnReport {
                index: c.index,
                header: c.key.clone(),
                role: c.role.label(),
                decided_by: c.decided_by.as_str().to_string(),
            })
            .collect(),
        ..Default::default()
    }
}

/// Add one piece's counts to its sheet's report; the persons are returned.
fn count_piece(sr: &mut SheetReport, ex: Extracted) -> (Vec<RollRow>, Vec<KinRow>) {
    let Extracted { rolls, kin, id_status, unusable, unreadable, cadre_from_name } = ex;
    if let Some((name, source)) = cadre_from_name {
        sr.cadre_from_name = Some(name);
        sr.cadre_source = Some(source.to_string());
    }
    sr.relatives += kin.iter().filter(|k| !k.relative_name.trim().is_empty() || !k.relative_id.is_empty()).count() as u64;
    for (into, from) in [(&mut sr.id_status, id_status), (&mut sr.unusable, unusable), (&mut sr.unreadable, unreadable)] {
        for (k, v) in from {
            *into.entry(k).or_insert(0) += v;
        }
    }
    (rolls, kin)
}

/// A sheet with no table: why, and whether that is a problem.
fn no_table_report(sheet: String, nt: table::NoTable, notes: Vec<String>) -> SheetReport {
    let mut sr = SheetReport { sheet, ..Default::default() };
    if nt.data_like || !notes.is_empty() {
        sr.problem = Some(std::iter::once(nt.reason.clone()).chain(notes).collect::<Vec<_>>().join("；"));
    }
    sr.error = Some(nt.reason);
    sr
}

/// A read sheet's problem, once all its rows are counted: too little to
/// compare, or cells the reader left out (said loudly: they may be data).
fn close_sheet(sr: &mut SheetReport, kind: Kind, records: usize, notes: Vec<String>) {
    sr.problem = sheet_problem(kind, sr.data_rows, records, &sr.unusable);
    if sr.problem.is_none() && kind == Kind::Register && records > 0 && sr.relatives == 0 {
        sr.problem = Some(crate::labels::register_without_relatives(records));
    }
    // A roll whose persons carry no ID at all: its ID column was not found (or
    // is empty), and a name alone confirms nothing.
    let ids_seen = sr.id_status.iter().any(|(k, n)| k != "missing" && *n > 0);
    if sr.problem.is_none() && kind == Kind::Roll && records > 0 && !ids_seen && sr.other_input.is_none() {
        sr.problem = Some(crate::labels::roll_without_ids(records));
    }
    // IDs written but mostly unreadable: a column taken for IDs that holds
    // something else, or IDs written in a way the reader does not know.
    let count = |k: &str| sr.id_status.get(k).copied().unwrap_or(0);
    let written = sr.id_status.values().sum::<u64>() - count("missing");
    let unreadable = count("malformed");
    // A few rows are enough when not one written ID reads (a probe's four rows
    // of IDs typed one digit per cell gave no hit and exit 0).
    let none_read = written >= 2 && unreadable == written;
    if sr.problem.is_none() && (written >= 5 && unreadable * 2 > written || none_read) {
        sr.problem = Some(crate::labels::ids_mostly_unreadable(unreadable, written));
    }
    if !notes.is_empty() {
        let notes = notes.join("；");
        sr.problem = Some(match sr.problem.take() {
            Some(p) => format!("{p}；{notes}"),
            None => notes,
        });
    }
}

/// What a reader leaves of a file: its report and the kinds of its tables.
struct FileRead {
    report: InputReport,
    kinds: Vec<Kind>,
}

impl FileRead {
    fn finish(mut self, kind: Option<Kind>, rel: &str) -> InputReport {
        let report = &mut self.report;
        if kind.is_none() {
            self.kinds.sort();
            self.kinds.dedup();
            report.kind = match self.kinds.as_slice() {
                [k] => k.as_str().to_string(),
                [] => "unknown".into(),
                _ => "mixed".into(),
            };
        }
        // No sheet with a table, and none whose own problem says why (a sheet that
        // could not be read says so itself).
        let sheets_say = report.sheets.iter().any(|s| s.problem.is_some());
        if report.sheets.iter().all(|s| s.error.is_some()) && report.error.is_none() && !sheets_say {
            report.error = Some(format!("{rel}：没有任何工作表含有可读的表格"));
        }
        self.report
    }
}

/// A workbook: every sheet read into a grid, its table found, its records
/// handed over sheet by sheet.
fn load_workbook(file: &FileInfo, ext: &str, bytes: Vec<u8>, report: InputReport, on_piece: &mut OnPiece) -> FileRead {
    load_sheets(file, excel::read_workbook(&file.f.rel, ext, bytes), report, on_piece)
}

/// A workbook's (or a web page's) sheets as read: their tables and records.
fn load_sheets(
    file: &FileInfo,
    grids: Result<Vec<excel::SheetRead>, LoadError>,
    mut report: InputReport,
    on_piece: &mut OnPiece,
) -> FileRead {
    let grids = match grids {
        Ok(g) => g,
        Err(e) => {
            report.error = Some(e.to_string());
            return FileRead { report, kinds: Vec::new() };
        }
    };
    // Find the tables first: the title rows feed the unit and program.
    // (sheet, table or why none, cells left out of the grid)
    // A sheet of several sections, each under its own header (一、配偶 … 二、子女 …),
    // is a table per section.
    let mut tables: Vec<(String, Result<table::Table, table::NoTable>, Vec<String>)> = Vec::new();
    // The last table's header and ID column: a sheet that goes on with the rows
    // of the one before, without a header of its own (续表), takes it.
    let mut prev: Option<(Vec<String>, usize)> = None;
    // The lines of short sheets without a table: a cover may name the unit.
    let mut covers: Vec<Vec<String>> = Vec::new();
    for read in grids {
        match read {
            excel::SheetRead::Failed { sheet, reason } => {
                // Data that could not be read is a problem, whatever it held.
                tables.push((sheet, Err(table::NoTable { reason, data_like: true }), Vec::new()));
            }
            excel::SheetRead::Read(g) if file.ov.skip_sheets.contains(&g.sheet) => {
                tables.push((g.sheet, Err(table::NoTable { reason: "按配置跳过（skip_sheets）".into(), data_like: false }), g.notes));
            }
            excel::SheetRead::Read(g) => {
                for mut g in table::split_sections(g) {
                    let sheet = g.sheet.clone();
                    let notes = std::mem::take(&mut g.notes);
                    // A sheet that holds no table may be one person's form (审批表).
                    let form = (g.rows.len() <= table::FORM_SHEET_ROWS).then(|| g.clone());
                    let go_on = prev.as_ref().filter(|(_, id_col)| table::opens_with_an_id(&g, *id_col)).map(|(h, _)| (h.clone(), g.clone()));
                    let mut t = table::find_table(g, file.hints);
                    if t.is_err() {
                        if let Some(fg) = &form {
                            covers.push(table::text_lines(&fg.rows));
                        }
                        if let Some(Ok(ft)) = form.and_then(table::form_as_table).map(|fg| table::find_table(fg, file.hints)) {
                            t = Ok(ft);
                            covers.pop();
                        }
                    }
                    if t.is_err() {
                        if let Some(Ok(ct)) = go_on.map(|(h, g)| table::find_table(table::under_header(&h, g), file.hints)) {
                            t = Ok(ct);
                        }
                    }
                    if let Ok(tb) = &t {
                        let id_col = tb.columns.iter().find(|c| c.role.is_id()).map(|c| c.index);
                        prev = id_col.zip(tb.header_texts.last()).map(|(c, h)| (h.clone(), c));
                    }
                    tables.push((sheet, t, notes));
                }
            }
        }
    }
    let found: Vec<&table::Table> = tables.iter().filter_map(|(_, t, _)| t.as_ref().ok()).collect();
    let up = file.provenance(&mut report, &found, &covers);
    let mut kinds: Vec<Kind> = Vec::new();
    // A register's rows are handed over once all its sheets are read: a sheet
    // of officials may give the IDs of the officials another sheet names.
    let mut kin_all: Vec<KinRow> = Vec::new();
    for (sheet, t, notes) in tables {
        match t {
            Err(nt) => report.sheets.push(no_table_report(sheet, nt, notes)),
            Ok(mut t) => {
                kinds.push(t.kind);
                let table_kind = t.kind;
                let mut sr = sheet_report(&sheet, &t);
                sr.data_rows = t.rows.len() as u64;
                sr.skipped = std::mem::take(&mut t.skipped);
                let not_a_roll = t.not_a_roll;
                let mut ctx = file.context(&sheet, &up, &t.above);
                // A unit's register on a sheet of its own (a workbook of several
                // units' sheets, the file named after none): the sheet's title or name.
                if ctx.unit.is_empty() && table_kind == Kind::Register {
                    ctx.unit = provenance::sheet_unit(&t.above, &sheet).unwrap_or_default();
                }
                let (rolls, kin) = count_piece(&mut sr, records::extract(t, &ctx));
                close_sheet(&mut sr, table_kind, rolls.len() + kin.len(), notes);
                // Another comparison's input is not a roll without persons: `run` uses it as that input.
                if not_a_roll.is_some() {
                    (sr.other_input, sr.problem) = (not_a_roll, None);
                }
                on_piece(rolls, Vec::new());
                kin_all.extend(kin);
                report.sheets.push(sr);
            }
        }
    }
    if !kin_all.is_empty() {
        // Officials on one sheet, their relatives by the official's name on
        // another: the relatives' sheet names them, the officials' sheet is no
        // register without relatives.
        if report.sheets.iter().any(|s| s.relatives > 0) {
            for s in report.sheets.iter_mut().filter(|s| s.relatives == 0) {
                if s.problem.as_deref().is_some_and(crate::labels::is_register_without_relatives) {
                    s.problem = None;
                }
            }
        }
        records::officials_across_sheets(&mut kin_all);
        on_piece(Vec::new(), kin_all);
    }
    FileRead { report, kinds }
}

/// Why a sheet whose table was found still gives the batch nothing (or too
/// little) to compare, in words a county user reads; None when it is usable.
pub fn sheet_problem(kind: Kind, data_rows: u64, records: usize, unusable: &std::collections::BTreeMap<String, u64>) -> Option<String> {
    let no_cadre = unusable.get("no_cadre").copied().unwrap_or(0);
    if data_rows == 0 {
        return Some("表格没有数据行".into());
    }
    if records == 0 {
        return Some(match kind {
            Kind::Register if no_cadre > 0 => format!(
                "{no_cadre} 行亲属无法对应到干部：没有识别出干部姓名或身份证号列，表格上方也没有“姓名：”；请用 kinmatch.toml 指定列"
            ),
            _ => format!("{data_rows} 行数据中没有可用于比对的人员（姓名和身份证号都不可用）"),
        });
    }
    // More than one row in twenty of a register not tied to a cadre.
    if kind == Kind::Register && no_cadre * 20 > data_rows {
        return Some(format!("{no_cadre} / {data_rows} 行亲属无法对应到干部（干部姓名和身份证号为空）"));
    }
    None
}

/// Estimated bytes in memory per byte of input file while a file is read and
/// matched (grid, records, roll persons). Measured: the generated county's
/// 64 MB of xlsx peak at about 2 GB; a 77 MB, 1,000,000-row CSV of the
/// generated province adds about 3 GB.
fn memory_per_byte(f: &InputFile) -> u64 {
    match ext_of(&f.path).as_str() {
        "csv" | "txt" => 40,
        _ => 32,
    }
}

/// A file's estimated size in memory while it is read whole and matched.
pub fn memory_estimate(f: &InputFile) -> u64 {
    std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0).saturating_mul(memory_per_byte(f))
}

/// Group files, in order, into chunks whose estimated size in memory stays
/// within `budget` bytes; a file larger than the budget is a chunk of its own.
/// No files, no chunks.
pub fn plan_chunks(files: &[InputFile], budget: u64) -> Vec<&[InputFile]> {
    let mut chunks = Vec::new();
    let (mut start, mut used) = (0, 0u64);
    for (i, f) in files.iter().enumerate() {
        let size = memory_estimate(f);
        if i > start && used + size > budget {
            chunks.push(&files[start..i]);
            (start, used) = (i, 0);
        }
        used += size;
    }
    if start < files.len() {
        chunks.push(&files[start..]);
    }
    chunks
}

/// `to.extend(from)` without copying `from` when `to` is still empty (the
/// usual one-sheet file).
pub(crate) fn append<T>(to: &mut Vec<T>, mut from: Vec<T>) {
    if to.is_empty() {
        std::mem::swap(to, &mut from);
    } else {
        to.append(&mut from);
    }
}

/// Read many files in parallel; the result is in the order of `files`.
pub fn load_all(files: &[InputFile], kind: Option<Kind>, cfg: &Config) -> Vec<Loaded> {
    load_all_observed(files, kind, cfg, &|_: &Loaded| {})
}

/// As [`load_all`], calling `done` as each file is read (for a progress display).
pub fn load_all_observed(
    files: &[InputFile],
    kind: Option<Kind>,
    cfg: &Config,
    done: &(dyn Fn(&Loaded) + Sync),
) -> Vec<Loaded> {
    files
        .par_iter()
        .map(|f| {
            let l = load_file(f, kind, cfg);
            done(&l);
            l
        })
        .collect()
}

pub mod provenance;

#[cfg(test)]
mod tests {
    use super::*;

    /// Files of the given sizes (bytes) and extensions, in order.
    fn files(dir: &Path, sizes: &[(u64, &str)]) -> Vec<InputFile> {
        sizes
            .iter()
            .enumerate()
            .map(|(i, (n, ext))| {
                let path = dir.join(format!("{i}.{ext}"));
                std::fs::write(&path, vec![b'a'; *n as usize]).unwrap();
                InputFile { rel: format!("{i}.{ext}"), path }
            })
            .collect()
    }

    #[test]
    fn chunks_keep_file_order_and_stay_within_the_budget() {
        let tmp = tempfile::tempdir().unwrap();
        // csv counts 40 bytes in memory per byte, xlsx 32.
        let fs = files(tmp.path(), &[(10, "csv"), (10, "csv"), (10, "csv"), (30, "xlsx"), (1, "csv")]);
        let sizes = |chunks: Vec<&[InputFile]>| chunks.iter().map(|c| c.len()).collect::<Vec<_>>();
        assert_eq!(sizes(plan_chunks(&fs, 800)), vec![2, 1, 1, 1]);
        assert_eq!(sizes(plan_chunks(&fs, 1400)), vec![3, 2]);
        // A file over the budget is a chunk of its own; nothing is left out.
        assert_eq!(sizes(plan_chunks(&fs, 100)), vec![1, 1, 1, 1, 1]);
        assert_eq!(sizes(plan_chunks(&fs, u64::MAX)), vec![5]);
        assert!(plan_chunks(&[], 100).is_empty());
    }
}
