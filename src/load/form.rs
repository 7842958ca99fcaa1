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
