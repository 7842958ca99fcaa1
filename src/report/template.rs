//! Blank input templates: the relatives register and the beneficiary roll.

use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, ExcelDateTime, Formula, Workbook, XlsxError,
};

use super::ReportError;
use super::xlsx_util::{Styles, doc_properties, save, write_headers, write_lines, xlsx_err};

/// Which template to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateKind {
    /// 党员干部亲属登记表
    Register,
    /// 惠民资金（项目）发放花名册
    Roll,
}

/// Rows prepared with formats and dropdowns.
const ROWS: u32 = 1000;

/// Terms offered in the 称谓 dropdown.
pub(crate) const TERMS: [&str; 29] = [
    "本人",
    "配偶",
    "父亲",
    "母亲",
    "岳父",
    "岳母",
    "公公",
    "婆婆",
    "儿子",
    "女儿",
    "儿媳",
    "女婿",
    "哥哥",
    "弟弟",
    "姐姐",
    "妹妹",
    "嫂子",
    "弟媳",
    "姐夫",
    "妹夫",
    "祖父",
    "祖母",
    "外祖父",
    "外祖母",
    "孙子",
    "孙女",
    "外孙",
    "外孙女",
    "其他",
];
/// Hidden sheet holding dropdown lists.
const LIST_SHEET: &str = "下拉选项";

/// Write a blank template for people to fill in.
pub fn write_template(path: &Path, kind: TemplateKind) -> Result<(), ReportError> {
    let mut wb = Workbook::new();
    // A fixed date: the same template every time.
    let created = ExcelDateTime::from_ymd(2024, 1, 1).map_err(xlsx_err(path, "模板"))?;
    let title = match kind {
        TemplateKind::Register => "党员干部亲属登记表（模板）",
        TemplateKind::Roll => "惠民资金（项目）发放花名册（模板）",
    };
    wb.set_properties(&doc_properties(title, &created));
    match kind {
        TemplateKind::Register => register(&mut wb),
        TemplateKind::Roll => roll(&mut wb),
    }
    .map_err(xlsx_err(path, title))?;
    save(&mut wb, path)
}

fn register(wb: &mut Workbook) -> Result<(), XlsxError> {
    let st = Styles::new();
    let ws = wb.add_worksheet();
    ws.set_name("亲属登记表")?;
    let headers = [
        ("序号", 6.0),
        ("干部姓名", 10.0),
        ("干部身份证号", 21.0),
        ("工作单位", 20.0),
        ("职务", 14.0),
        ("亲属姓名", 10.0),
        ("称谓", 9.0),
        ("亲属身份证号", 21.0),
        ("现居住地址或工作单位", 30.0),
    ];
    write_headers(ws, 0, &headers, &st.header)?;
    ws.set_freeze_panes(1, 0)?;
    for col in [2u16, 7] {
        ws.set_column_format(col, &st.id_text)?;
        for r in 1..=ROWS {
            ws.write_blank(r, col, &st.id_text)?;
        }
    }
    // The list goes through a hidden sheet: robust against Excel's
    // 255-character limit for inline lists, and easy to extend.
    let rng = format!("='{LIST_SHEET}'!$A$1:$A${}", TERMS.len());
    let dv = DataValidation::new()
        .allow_list_formula(Formula::new(rng))
        .set_input_title("称谓")?
        .set_input_message("请从下拉列表选择亲属相对于干部的称谓")?
        .set_error_title("称谓")?
        .set_error_message("请从下拉列表选择称谓；不在列表中的选“其他”，并在备注说明")?
        .set_error_style(DataValidationErrorStyle::Warning);
    ws.add_data_validation(1, 6, ROWS, 6, &dv)?;
    ws.set_active(true);

    let ws = wb.add_worksheet();
    ws.set_name("说明")?;
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 90)?;
    let lines: Vec<(String, String)> = [
        ("用途", "登记党员干部本人及其亲属信息，用于亲属涉权事项比对。"),
        ("填写方式", "每位亲属一行；干部本人也填一行，称谓选“本人”。同一干部的多位亲属，干部姓名、身份证号、单位、职务每行都要填写，不要合并单元格。"),
        ("身份证号", "填写 18 位身份证号，末位 X 大写。本列已设为文本格式；从其他表格粘贴时请用“选择性粘贴—数值”，不要让 Excel 变成科学计数法。"),
        ("称谓", "从下拉列表选择亲属相对于干部的称谓（如干部的父亲选“父亲”）。"),
        ("注意", "不要修改表头，不要插入合计行或说明行；已故亲属不用填写。"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    write_lines(ws, 0, &lines, &st)?;

    let ws = wb.add_worksheet();
    ws.set_name(LIST_SHEET)?;
    for (i, t) in TERMS.iter().enumerate() {
        ws.write_string(i as u32, 0, *t)?;
    }
    ws.set_hidden(true);
    Ok(())
}

fn roll(wb: &mut Workbook) -> Result<(), XlsxError> {
    let st = Styles::new();
    let ws = wb.add_worksheet();
    ws.set_name("花名册")?;
    let headers = [
        ("序号", 6.0),
        ("乡镇", 12.0),
        ("村(社区)", 12.0),
        ("姓名", 10.0),
        ("身份证号码", 21.0),
        ("与户主关系", 10.0),
        ("资金项目", 20.0),
        ("金额(元)", 12.0),
        ("发放日期", 12.0),
        ("审批单位", 20.0),
    ];
    write_headers(ws, 0, &headers, &st.header)?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_column_format(4, &st.id_text)?;
    ws.set_column_format(7, &st.amount)?;
    ws.set_column_format(8, &st.id_text)?;
    for r in 1..=ROWS {
        ws.write_blank(r, 4, &st.id_text)?;
    }
    ws.set_active(true);

    let ws = wb.add_worksheet();
    ws.set_name("说明")?;
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 90)?;
    let lines: Vec<(String, String)> = [
        ("用途", "惠民资金（项目）发放花名册，用于亲属涉权事项比对。"),
        (
            "填写方式",
            "每位受益人一行；家庭成员也享受的，每人一行，“与户主关系”填本人、配偶、子女等。",
        ),
        (
            "身份证号码",
            "填写 18 位身份证号，末位 X 大写。本列已设为文本格式；粘贴时请用“选择性粘贴—数值”。",
        ),
        ("发放日期", "按 2024-05-01 的格式填写。"),
        (
            "审批单位",
            "填写审批该资金或项目的单位全称（谁审批、谁负责）。",
        ),
        (
            "注意",
            "不要修改表头，不要合并单元格；合计行请放在表格最后。",
        ),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    write_lines(ws, 0, &lines, &st)?;
    Ok(())
}
