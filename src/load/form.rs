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
pub const FORM_UNIT_KEYS: &[&str] = &["工作单位", "单位", "所在单位", "干部单位", "工作单位及职务", "填报单位"];
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

    /// Fill what the form leaves empty from another line's pairs (`填报单位：…`
    /// under a title, `所在单位：…` under `报告人：…`); true when the pairs gave
    /// something.
    pub fn fill_from(&mut self, pairs: &[(String, String)]) -> bool {
        let mut gave = false;
        for (k, v) in pairs {
            let v = v.trim();
            let slot = if FORM_UNIT_KEYS.contains(&k.as_str()) {
                &mut self.unit
            } else if FORM_POST_KEYS.contains(&k.as_str()) {
                &mut self.post
            } else if FORM_ID_KEYS.contains(&k.as_str()) {
                &mut self.id
            } else {
                continue;
            };
            if slot.is_empty() && !v.is_empty() {
                *slot = v.to_string();
                gave = true;
            }
        }
        gave
    }
}

/// Words a title puts after the official it names (`…赵志刚同志家庭成员情况`).
const TITLE_MARKERS: &[&str] = &["同志", "的家庭", "的亲属", "的近亲属", "家庭主要成员", "家庭成员", "近亲属", "亲属", "家属"];

/// What may stand just before the official's name in a title: the end of a
/// unit (县民政局, 白沙乡人民政府) or of a post (局长, 主任, 书记, 科员).
const BEFORE_NAME: &str = "局委办府院所站心处科室队会校部厅乡镇道区村县市长任记员师理";


/// ID numbers written in a line of text (runs of 15 or 18 digits, an X last).
fn ids_in(line: &str) -> Option<String> {
    let mut run = String::new();
    let mut found = None;
    for c in line.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || ((c == 'X' || c == 'x') && run.len() == 17) {
            run.push(c);
            continue;
        }
        if found.is_none() && (run.len() == 18 || run.len() == 15) && super::content::looks_like_id(&Cell::Text(run.as_str().into())) {
            found = Some(run.clone());
        }
        run.clear();
    }
    found
}

/// The official a title line names above his relatives' rows:
/// `县民政局赵志刚同志家庭成员情况（身份证号：…）`, `赵志刚的家庭成员`,
/// `白沙乡人民政府钱秀梅同志亲属信息`. The name stands just before the marker
/// (同志, 的家庭成员, 亲属 …), after a unit or a post if any; the unit before it and
/// any ID number in the line are his too. `None` unless the name reads as a
/// personal name.
pub fn title_cadre(line: &str) -> Option<FormCadre> {
    let flat: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let at = TITLE_MARKERS.iter().filter_map(|m| flat.find(m)).min()?;
    let head = flat[..at].trim_end_matches(['的', '：', ':']);
    // A leading number (1、 / 一、 / (1)).
    let head = head.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十、.．（）()".contains(c));
    let chars: Vec<char> = head.chars().collect();
    for len in [3, 2, 4] {
        let Some(split) = chars.len().checked_sub(len) else { continue };
        let name: String = chars[split..].iter().collect();
        let before: String = chars[..split].iter().collect();
        let boundary = before.is_empty() || before.ends_with(|c: char| BEFORE_NAME.contains(c));
        if boundary && super::content::is_personal_name(&name) {
            // A post between the unit and the name (白沙乡人民政府副乡长钱秀梅).
            let (unit, post) = crate::normalize::unit::split_post(&before, 0).unwrap_or((before.as_str(), ""));
            return Some(FormCadre {
                name,
                id: ids_in(&flat).unwrap_or_default(),
                unit: unit.to_string(),
                post: post.to_string(),
            });
        }
    }
    None
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
    fn title_lines_name_the_official() {
        let f = title_cadre("县民政局赵志刚同志家庭成员情况（身份证号：432921197501011118）").unwrap();
        assert_eq!((f.name.as_str(), f.unit.as_str()), ("赵志刚", "县民政局"));
        assert_eq!(f.id, if crate::load::content::looks_like_id(&Cell::Text("432921197501011118".into())) { "432921197501011118" } else { "" });
        let f = title_cadre("县教育局张伟同志亲属信息").unwrap();
        assert_eq!((f.name.as_str(), f.unit.as_str()), ("张伟", "县教育局"));
        let f = title_cadre("白沙乡人民政府副乡长钱秀梅的家庭成员").unwrap();
        assert_eq!((f.name.as_str(), f.unit.as_str(), f.post.as_str()), ("钱秀梅", "白沙乡人民政府", "副乡长"));
        assert_eq!(title_cadre("2、孙国强同志家庭主要成员").unwrap().name, "孙国强");
        for not in ["县民政局干部亲属信息登记表", "2024年度党员干部近亲属情况", "家庭成员情况", "县民政局2024年干部亲属", "领导干部家属名单"] {
            assert_eq!(title_cadre(not), None, "{not}");
        }
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
