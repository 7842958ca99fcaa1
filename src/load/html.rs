//! Web pages saved as `.xls`: many government systems export a roll as an
//! HTML table (`<table><tr><td>姓名</td>…`) and name it `.xls`, which Excel
//! opens with a warning. Each `<table>` is read as a sheet (`表1`, `表2` …):
//! `<tr>` rows, `<td>` / `<th>` cells with their text (tags dropped, `<br>` a
//! line break, entities decoded), `colspan` spread as empty cells and
//! `rowspan` as a merge, so that the table finder sees the same grid a
//! workbook would give. Bounded like a workbook: at most
//! [`super::excel::MAX_COLUMNS`] columns and [`super::excel::MAX_CELLS`] cells;
//! what lies beyond is a note (a problem of the sheet), never an allocation.

use super::cell::{Cell, Grid, GridRow, Merge};
use super::excel::{MAX_CELLS, MAX_COLUMNS};

/// Whether decoded text is an HTML page holding a table.
pub fn is_html_table(text: &str) -> bool {
    let head = text.char_indices().nth(4096).map_or(text, |(i, _)| &text[..i]);
    head.trim_start().starts_with('<')
        && (find_ci(head, "<table").is_some() || find_ci(head, "<html").is_some())
        && find_ci(text, "<td").is_some()
}

/// Byte offset of an ASCII `needle` in `hay`, ignoring ASCII case, without a
/// lower-cased copy of the text.
pub(super) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(0);
    }
    hay.as_bytes().windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

/// The markup of a page (HTML here, XML Spreadsheet in [`super::xmlss`]) in
/// order: the text before each tag, and the tag's inside (`td colspan=2`,
/// `/tr`). Ends at a `<` never closed.
pub(super) struct Tags<'a> {
    rest: &'a str,
}

impl<'a> Tags<'a> {
    pub(super) fn new(text: &'a str) -> Tags<'a> {
        Tags { rest: text }
    }

    /// Go on from the next `needle` (ASCII, any case): a script's or a
    /// style's body is skipped to its end tag. False when there is none.
    fn skip_to(&mut self, needle: &str) -> bool {
        match find_ci(self.rest, needle) {
            Some(i) => {
                self.rest = &self.rest[i..];
                true
            }
            None => false,
        }
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let lt = self.rest.find('<')?;
        let gt = self.rest[lt..].find('>')?;
        let item = (&self.rest[..lt], &self.rest[lt + 1..lt + gt]);
        self.rest = &self.rest[lt + gt + 1..];
        Some(item)
    }
}

/// A tag's name, lower-cased without its namespace (`Cell`, `ss:Row` → `cell`,
/// `row`), and whether it closes (`/td`).
pub(super) fn tag_name(tag: &str) -> (String, bool) {
    let t = tag.trim();
    let closing = t.starts_with('/');
    let name = t.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
    let name = name.rsplit(':').next().unwrap_or(name);
    (name.to_ascii_lowercase(), closing)
}

/// An attribute's value in a tag, its name matched in any case and also
/// after a namespace (`colspan="3"`, `colspan=3`, `ss:Index="2"` for `Index`).
pub(super) fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = find_ci(tag, name)? + name.len();
    let v = tag[at..].trim_start().strip_prefix('=')?.trim_start();
    let (quote, v) = match v.chars().next() {
        Some(q @ ('"' | '\'')) => (Some(q), &v[1..]),
        _ => (None, v),
    };
    let end = match quote {
        Some(q) => v.find(q),
        None => v.find(|c: char| c.is_whitespace() || c == '/'),
    };
    Some(&v[..end.unwrap_or(v.len())])
}

/// An attribute's value as a number (at most 7 digits are read).
pub(super) fn attr_number(tag: &str, name: &str) -> Option<u32> {
    attr(tag, name)?.chars().take_while(char::is_ascii_digit).take(7).collect::<String>().parse().ok()
}

/// The tables of an HTML page, one grid each, in page order.
pub fn read_tables(text: &str) -> Vec<Grid> {
    let mut grids: Vec<Grid> = Vec::new();
    let mut cur: Option<TableState> = None;
    // Tables a nested table interrupted: they go on after it ends.
    let mut outer: Vec<TableState> = Vec::new();
    let mut tags = Tags::new(text);
    while let Some((before, tag)) = tags.next() {
        if let Some(t) = cur.as_mut() {
            t.text(before);
        }
        let (name, closing) = tag_name(tag);
        match (name.as_str(), closing) {
            // Script and style bodies are not cell text.
            ("script" | "style", false) => {
                if !tags.skip_to(&format!("</{name}")) {
                    break;
                }
            }
            ("table", false) => {
                // Bounded nesting: a page of tables inside tables is read flat beyond 16.
                if let Some(t) = cur.take() {
                    if outer.len() < 16 {
                        outer.push(t);
                    } else {
                        grids.push(t.finish(grids.len()));
                    }
                }
                cur = Some(TableState::default());
            }
            ("table", true) => {
                if let Some(t) = cur.take() {
                    if !t.rows.is_empty() || t.row.is_some() {
                        grids.push(t.finish(grids.len()));
                    }
                }
                cur = outer.pop();
            }
            ("tr", false) => cur.as_mut().map_or((), TableState::open_row),
            ("tr", true) => cur.as_mut().map_or((), TableState::close_row),
            ("td" | "th", false) => {
                let span = |a: &str| attr_number(tag, a).unwrap_or(1).clamp(1, MAX_COLUMNS);
                let (cs, rs) = (span("colspan"), span("rowspan"));
                if let Some(t) = cur.as_mut() {
                    t.open_cell(cs, rs);
                }
            }
            ("td" | "th", true) => cur.as_mut().map_or((), TableState::close_cell),
            ("br" | "p", _) => {
                if let Some(t) = cur.as_mut() {
                    t.text("\n");
                }
            }
            _ => {}
        }
    }
    for t in cur.into_iter().chain(outer.into_iter().rev()) {
        grids.push(t.finish(grids.len()));
    }
    grids
}

/// `&nbsp;`, `&amp;`, `&#20013;`, `&#x4e2d;` … decoded; unknown entities kept as written.
pub(super) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &after[..e];
            let c = match ent {
                "nbsp" => Some(' '),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => ent
                    .strip_prefix("#x")
                    .or_else(|| ent.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[derive(Default)]
struct TableState {
    rows: Vec<GridRow>,
    merges: Vec<Merge>,
    /// Columns of the coming rows taken by a cell spanning down: (last row, first col, last col).
    down: Vec<(u32, usize, usize)>,
    row: Option<Vec<Cell>>,
    cell: Option<String>,
    /// Columns the open cell spans across and down.
    spans: (u32, u32),
    cells: u64,
    notes: Vec<String>,
}

impl TableState {
    fn number(&self) -> u32 {
        u32::try_from(self.rows.len() + 1).unwrap_or(u32::MAX)
    }

    fn open_row(&mut self) {
        self.close_row();
        // Spans that ended above this row no longer take columns.
        let n = self.number();
        self.down.retain(|(last, _, _)| *last >= n);
        self.row = Some(Vec::new());
    }

    fn close_row(&mut self) {
        self.close_cell();
        if let Some(cells) = self.row.take() {
            let number = self.number();
            self.rows.push(GridRow { number, cells });
        }
    }

    fn open_cell(&mut self, colspan: u32, rowspan: u32) {
        self.close_cell();
        if self.row.is_none() {
            self.row = Some(Vec::new());
        }
        self.cell = Some(String::new());
        self.spans = (colspan, rowspan);
    }

    fn text(&mut self, s: &str) {
        if let Some(c) = self.cell.as_mut() {
            // A cell longer than any form's is cut (and said so).
            if c.len() < 1 << 20 {
                c.push_str(s);
            }
        }
    }

    fn close_cell(&mut self) {
        let Some(raw) = self.cell.take() else { return };
        let number = self.number();
        let Some(row) = self.row.as_mut() else { return };
        let text: String = decode_entities(&raw).split_whitespace().collect::<Vec<_>>().join(" ");
        let (cs, rs) = self.spans;
        let down = std::mem::take(&mut self.down);
        let mut col = row.len();
        // Cells spanning down from the rows above keep their columns.
        while let Some((_, _, last)) = down.iter().find(|(r, f, l)| *r >= number && (*f..=*l).contains(&col)) {
            col = last + 1;
        }
        self.down = down;
        let last_col = col + cs as usize - 1;
        if last_col >= MAX_COLUMNS as usize || self.cells >= MAX_CELLS {
            if self.notes.is_empty() {
                self.notes.push(format!("第 {number} 行起有单元格超出 {MAX_COLUMNS} 列或表格过大，未读取"));
            }
            return;
        }
        row.resize(col, Cell::Empty);
        row.push(if text.is_empty() { Cell::Empty } else { Cell::Text(text.into()) });
        row.resize(last_col + 1, Cell::Empty);
        self.cells += u64::from(cs);
        if rs > 1 || cs > 1 {
            let last_row = number.saturating_add(rs - 1);
            self.merges.push(Merge { first_row: number, last_row, first_col: col, last_col });
            if rs > 1 {
                self.down.push((last_row, col, last_col));
            }
        }
    }

    fn finish(mut self, index: usize) -> Grid {
        self.close_row();
        Grid { sheet: format!("表{}", index + 1), rows: self.rows, merges: self.merges, notes: self.notes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(g: &Grid) -> Vec<Vec<String>> {
        g.rows.iter().map(|r| r.cells.iter().map(|c| c.text().to_string()).collect()).collect()
    }

    #[test]
    fn an_exported_roll_page_reads_as_a_grid() {
        let page = r#"<html><head><meta charset="gbk"><style>td{mso-number-format:"\@"}</style></head><body>
            <table border=1><tr><td colspan="3">2024年临时救助名册</td></tr>
            <tr><th>姓名</th><th>身份证号</th><th>金额</th></tr>
            <tr><td>李&nbsp;芳</td><td style="mso-number-format:'\@'">11010519491231002X</td><td>1,200</td></tr>
            <tr><td rowspan=2>周建华</td><td>110105194912310030</td><td>300</td></tr>
            <tr><td>110105194912310049</td><td>&#49;00</td></tr></table></body></html>"#;
        assert!(is_html_table(page));
        let g = read_tables(page);
        assert_eq!(g.len(), 1);
        assert_eq!(
            texts(&g[0]),
            vec![
                vec!["2024年临时救助名册", "", ""],
                vec!["姓名", "身份证号", "金额"],
                vec!["李 芳", "11010519491231002X", "1,200"],
                vec!["周建华", "110105194912310030", "300"],
                vec!["", "110105194912310049", "100"],
            ]
        );
        assert!(g[0].merges.contains(&Merge { first_row: 4, last_row: 5, first_col: 0, last_col: 0 }));
        assert!(g[0].merges.contains(&Merge { first_row: 1, last_row: 1, first_col: 0, last_col: 2 }));
    }

    /// A table inside a cell (a layout table around the roll) does not cut
    /// the outer table short: both are read.
    #[test]
    fn a_nested_table_leaves_the_outer_rows_read() {
        let g = read_tables("<table><tr><td>a</td></tr><tr><td><table><tr><td>x</td></tr></table></td></tr><tr><td>b</td></tr></table>");
        assert_eq!(g.len(), 2);
        let outer = g.iter().find(|g| g.rows.len() == 3).unwrap();
        assert_eq!(outer.rows[2].cells, vec![Cell::Text("b".into())]);
        assert!(g.iter().any(|g| g.rows.len() == 1 && g.rows[0].cells == vec![Cell::Text("x".into())]));
    }

    #[test]
    fn hostile_pages_stay_bounded() {
        assert!(read_tables("<table><tr><td colspan=999999>x</td></tr></table>")[0].rows[0].cells.len() <= MAX_COLUMNS as usize);
        assert!(read_tables("<table><tr><td>x").len() == 1);
        let many = "<tr><td rowspan=200>x</td><td>y</td></tr>".repeat(2_000);
        let g = read_tables(&format!("<table>{many}</table>"));
        assert_eq!(g[0].rows.len(), 2_000);
        assert!(g[0].rows.iter().all(|r| r.cells.len() <= MAX_COLUMNS as usize));
        assert!(read_tables("<<<>>>&&&;;").is_empty());
        assert!(!is_html_table("姓名,身份证号\n"));
        // Many script bodies are each skipped once, not searched from a copy of the rest.
        let page = format!("<html><table><tr><td>x</td></tr></table>{}</html>", "<script>var a=1;</SCRIPT>".repeat(20_000));
        assert_eq!(read_tables(&page).len(), 1);
    }
}
