//! Form lines: `姓名：张三   工作单位：县民政局` above a table (a per-cadre form such
//! as 干部任免审批表's 家庭主要成员, or a unit's own 登记表), in one cell or as a
//! label cell followed by its value cell.

use super::cell::Cell;
use super::roles::clean_header;

/// The official's fields a form names, by the label words that introduce them.
pub const FORM_NAME_KEYS: &[&str] = &["姓名", "干部姓名", "本人姓名", "填报人", "填报人姓名", "报告人", "报告人姓名", "干部"];
pub const FORM_ID_KEYS: &[&str] = &[
    "身份证号", "身份证号码", "公民身份号码", "本人身份证号", "本人身份证号码", "干部身份证号", "干部身份证号码", "证件号码",
];
pub const FORM_UNIT_KEYS: &[&str] = &["工作单位", "单位", "所在单位", "干部单位", "工作单位及职务"];
pub const FORM_POST_KEYS: &[&str] = &["职务", "现任职务", "职级", "现职务"];

fn is_key(k: &str) -> bool {
    [FORM_NAME_KEYS, FORM_ID_KEYS, FORM_UNIT_KEYS, FORM_POST_KEYS].iter().any(|ks| ks.contains(&k))
        || super::roles::classify(k, None) != super::roles::Role::Unmapped
}

fn key_of(raw: &str) -> String {
    clean_header(raw).trim_matches(|c: char| "*＊※:：".contains(c)).to_string()
}

/// The (label, value) pairs of one row of cells. A label without a value is left out.
pub fn pairs(cells: &[Cell]) -> Vec<(String, String)> {
    let texts: Vec<String> = cells.iter().map(|c| c.text().trim().to_string()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < texts.len() {
        let t = &texts[i];
        i += 1;
        if t.is_empty() {
            continue;
        }
        if t.contains([':', '：']) {
            // One cell may hold several: `户主姓名：张三   家庭人口：4`.
            let mut pending: Option<String> = None;
            for tok in split_tokens(t) {
                match tok.split_once([':', '：']) {
                    Some((k, v)) => {
                        let v = v.trim();
                        if v.is_empty() {
                            pending = Some(key_of(k));
                        } else {
                            out.push((key_of(k), v.to_string()));
                            pending = None;
                        }
                    }
                    None => {
                        if let Some(k) = pending.take() {
                            out.push((k, tok.to_string()));
                        }
                    }
                }
            }
            // `姓名：` with its value in the next cell.
            if let Some(k) = pending {
                if let Some(v) = texts.get(i).filter(|v| !v.is_empty() && !v.contains([':', '：']) && !is_key(&key_of(v))) {
                    out.push((k, v.clone()));
                    i += 1;
                }
            }
            continue;
        }
        let k = key_of(t);
        if is_key(&k) {
            if let Some(v) = texts.get(i).filter(|v| !v.is_empty() && !is_key(&key_of(v))) {
                out.push((k, v.clone()));
                i += 1;
            }
        }
    }
    out
}

/// Whether a row is a form's label/value cells rather than a table's header:
/// at least two pairs, which take most of its filled cells, with values that
/// are values (a digit — a birth month, an ID — or 男 / 女), none of them
/// worded like a header (企业名称, 登记状态 after a label are the next columns).
pub fn is_form_row(cells: &[Cell]) -> bool {
    const HEADER_ENDINGS: &[&str] = &["名称", "状态", "日期", "号码", "代码", "时间", "类型", "地址", "情况", "职务", "单位"];
    let filled = cells.iter().filter(|c| !c.text().trim().is_empty()).count();
    let ps = pairs(cells);
    let value_like = |v: &str| v.chars().any(|c| c.is_ascii_digit()) || v == "男" || v == "女";
    ps.len() >= 2
        && ps.len() * 2 * 10 >= filled * 8
        && ps.iter().any(|(_, v)| value_like(v))
        && !ps.iter().any(|(_, v)| HEADER_ENDINGS.iter().any(|e| v.ends_with(e)))
}

/// Whitespace-separated tokens, a label's colon kept with the label.
fn split_tokens(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace()).filter(|t| !t.is_empty()).collect()
}

/// The official a form names: (name, ID, unit, post); empty strings where absent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormCadre {
    pub name: String,
    pub id: String,
    pub unit: String,
    pub post: String,
}

impl FormCadre {
    pub fn from_pairs(pairs: &[(String, String)]) -> Option<FormCadre> {
        let get = |keys: &[&str]| {
            pairs
                .iter()
                .find(|(k, v)| keys.contains(&k.as_str()) && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        let f = FormCadre { name: get(FORM_NAME_KEYS), id: get(FORM_ID_KEYS), unit: get(FORM_UNIT_KEYS), post: get(FORM_POST_KEYS) };
        (!f.name.is_empty() || !f.id.is_empty()).then_some(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        if s.is_empty() { Cell::Empty } else { Cell::Text(s.into()) }
    }

    /// A 干部任免审批表 row of labels and values is a form row; a header whose
    /// unmapped words follow mapped ones (a registry's) is not.
    #[test]
    fn form_rows_are_told_from_headers() {
        let row = |xs: &[&str]| xs.iter().map(|x| t(x)).collect::<Vec<_>>();
        assert!(is_form_row(&row(&["姓名", "赵志刚", "性别", "男", "出生年月", "1975.05", "身份证号", "432921197505140047"])));
        assert!(!is_form_row(&row(&["统一社会信用代码", "企业名称", "法定代表人", "法定代表人身份证号", "登记状态"])));
        assert!(!is_form_row(&row(&["称谓", "姓名", "出生年月", "政治面貌", "工作单位及职务"])));
        assert!(!is_form_row(&row(&["姓名：张三", "", "单位：县民政局"])), "one cell per pair is a form line, read as such above the header");
    }

    #[test]
    fn one_cell_many_fields() {
        let p = pairs(&[t("户主姓名：张三   家庭人口：4   保障人口：")]);
        assert_eq!(p, vec![("户主姓名".into(), "张三".into()), ("家庭人口".into(), "4".into())]);
    }

    #[test]
    fn label_cell_then_value_cell() {
        let cells = [t("姓名"), t("王建国"), t("性别"), t("男"), t("工作单位："), t("县民政局")];
        let p = pairs(&cells);
        assert_eq!(p[0], ("姓名".into(), "王建国".into()));
        assert!(p.contains(&("工作单位".into(), "县民政局".into())), "{p:?}");
        let f = FormCadre::from_pairs(&p).unwrap();
        assert_eq!((f.name.as_str(), f.unit.as_str()), ("王建国", "县民政局"));
    }

    #[test]
    fn a_header_row_is_not_a_form() {
        assert!(FormCadre::from_pairs(&pairs(&[t("姓名"), t("身份证号"), t("称谓")])).is_none());
        assert!(FormCadre::from_pairs(&pairs(&[t("填报单位：县民政局")])).is_none());
    }
}
