//! Excel's XML Spreadsheet 2003 (`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`),
//! which older systems export and name `.xls`: one grid per `<Worksheet ss:Name>`,
//! `<Row ss:Index>` / `<Cell ss:Index ss:MergeAcross ss:MergeDown>` placing the
//! cells, `<Data ss:Type="Number">` read as a number (as a workbook's numeric
//! cell: an ID typed as a number keeps 15 digits), other data as text. Bounded
//! like a workbook ([`super::excel::MAX_COLUMNS`], [`super::excel::MAX_CELLS`]).

use super::cell::{Cell, Grid, GridRow, Merge};
use super::excel::{MAX_CELLS, MAX_COLUMNS};
use super::html::{Tags, attr, attr_number, decode_entities, tag_name};

/// Whether decoded text is an XML Spreadsheet 2003 workbook.
pub fn is_xml_spreadsheet(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect();
    head.trim_start().starts_with("<?xml") && text.contains("urn:schemas-microsoft-com:office:spreadsheet")
}

/// The worksheets of the workbook, in order.
pub fn read_sheets(text: &str) -> Vec<Grid> {
    let mut grids = Vec::new();
    let mut grid: Option<Grid> = None;
    let (mut row_no, mut col, mut cells) = (0u32, 0usize, 0u64);
    let mut cell: Option<(usize, bool, String)> = None;
    let mut in_data = false;
    for (before, tag) in Tags::new(text) {
        if in_data {
            if let Some((_, _, t)) = cell.as_mut() {
                if t.len() < 1 << 20 {
                    t.push_str(before);
                }
            }
        }
        let (name, closing) = tag_name(tag);
        let self_closing = tag.ends_with('/');
        match (name.as_str(), closing) {
            ("worksheet", false) => {
                if let Some(g) = grid.take() {
                    grids.push(g);
                }
                let n = attr(tag, "Name").map(decode_entities);
                grid = Some(Grid { sheet: n.unwrap_or_else(|| format!("Sheet{}", grids.len() + 1)), ..Default::default() });
                row_no = 0;
            }
            ("worksheet", true) => {
                if let Some(g) = grid.take() {
                    grids.push(g);
                }
            }
            ("row", false) => {
                row_no = attr_number(tag, "Index").map_or(row_no.saturating_add(1), |i| i.max(row_no.saturating_add(1)));
                col = 0;
                if let Some(g) = grid.as_mut() {
                    g.rows.push(GridRow { number: row_no, cells: Vec::new() });
                }
            }
            ("cell", false) => {
                if let Some(i) = attr_number(tag, "Index") {
                    col = (i as usize).saturating_sub(1).max(col);
                }
                let across = attr_number(tag, "MergeAcross").unwrap_or(0) as usize;
                let down = attr_number(tag, "MergeDown").unwrap_or(0);
                if let Some(g) = grid.as_mut() {
                    if col + across < MAX_COLUMNS as usize && cells < MAX_CELLS {
                        if across > 0 || down > 0 {
                            g.merges.push(Merge { first_row: row_no, last_row: row_no.saturating_add(down.min(100_000)), first_col: col, last_col: col + across });
                        }
                        cell = Some((col, false, String::new()));
                    } else if g.notes.is_empty() {
                        g.notes.push(format!("第 {row_no} 行起有单元格超出 {MAX_COLUMNS} 列或表格过大，未读取"));
                    }
                }
                col += across + 1;
                if self_closing {
                    cell = None;
                }
            }
            ("data", false) => {
                in_data = !self_closing;
                if let Some((_, num, _)) = cell.as_mut() {
                    *num = attr(tag, "Type") == Some("Number");
                }
            }
            ("data", true) => in_data = false,
            ("cell", true) => {
                in_data = false;
                if let (Some((c, num, t)), Some(g)) = (cell.take(), grid.as_mut()) {
                    let t = decode_entities(t.trim());
                    let value = match (num, t.parse::<f64>()) {
                        _ if t.is_empty() => Cell::Empty,
                        (true, Ok(f)) if f.is_finite() => Cell::Number(f),
                        _ => Cell::Text(t.into()),
                    };
                    if let Some(r) = g.rows.last_mut() {
                        if r.cells.len() <= c {
                            r.cells.resize(c + 1, Cell::Empty);
                        }
                        r.cells[c] = value;
                        cells += 1;
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(g) = grid.take() {
        grids.push(g);
    }
    grids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_xml_spreadsheet_export_reads_as_its_sheets() {
        let x = r#"<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="低保"><Table>
  <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">2024年低保发放名册</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">姓名</Data></Cell><Cell><Data ss:Type="String">身份证号</Data></Cell><Cell><Data ss:Type="String">金额</Data></Cell></Row>
  <Row ss:Index="4"><Cell><Data ss:Type="String">李芳</Data></Cell><Cell><Data ss:Type="String">11010519491231002X</Data></Cell><Cell ss:Index="3"><Data ss:Type="Number">300</Data></Cell></Row>
 </Table></Worksheet>
 <Worksheet ss:Name="说明"><Table><Row><Cell/><Cell><Data ss:Type="String">A &amp; B</Data></Cell></Row></Table></Worksheet>
</Workbook>"#;
        assert!(is_xml_spreadsheet(x));
        let g = read_sheets(x);
        assert_eq!(g.iter().map(|g| g.sheet.as_str()).collect::<Vec<_>>(), vec!["低保", "说明"]);
        assert_eq!(g[0].rows.iter().map(|r| r.number).collect::<Vec<_>>(), vec![1, 2, 4]);
        assert_eq!(g[0].rows[2].cells, vec![Cell::Text("李芳".into()), Cell::Text("11010519491231002X".into()), Cell::Number(300.0)]);
        assert_eq!(g[0].merges, vec![Merge { first_row: 1, last_row: 1, first_col: 0, last_col: 2 }]);
        assert_eq!(g[1].rows[0].cells, vec![Cell::Empty, Cell::Text("A & B".into())]);
    }

    #[test]
    fn far_cells_are_left_out_and_said() {
        let x = r#"<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table><Row><Cell ss:Index="9999999"><Data>x</Data></Cell></Row></Table></Worksheet></Workbook>"#;
        let g = read_sheets(x);
        assert!(g[0].rows[0].cells.is_empty() && !g[0].notes.is_empty());
    }
}
