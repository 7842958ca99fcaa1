//! Which unit approved a roll and which program it pays: from the config, a
//! column, the file name or the title rows, in that order; the source is
//! recorded with the value.

/// Endings that make a word a unit's name (县民政局, 万谷乡人民政府, 桃花村民委员会).
const UNIT_SUFFIXES: &[&str] = &[
    "人民政府", "政府", "办事处", "委员会", "办公室", "局", "委", "办", "中心", "站", "所", "院", "厅", "部", "处", "队",
];

/// Words that describe the document, not the program.
const DOC_WORDS: &[&str] = &[
    "发放花名册", "花名册", "发放名册", "名册", "发放明细表", "明细表", "明细", "发放表", "一览表", "登记表", "统计表", "清册", "名单",
    "汇总表", "表",
];

fn is_unit(s: &str) -> bool {
    s.chars().count() >= 3 && UNIT_SUFFIXES.iter().any(|x| s.ends_with(x))
}

fn is_date_like(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    digits >= 4 && (s.chars().all(|c| c.is_ascii_digit() || "年月日-._".contains(c)))
}

fn is_township_like(s: &str) -> bool {
    let n = s.chars().count();
    n <= 5 && (s.ends_with('乡') || s.ends_with('镇') || s.ends_with("街道"))
}

fn parts(stem: &str) -> Vec<&str> {
    stem.split(['_', '-', '—', '－', ' ', '　', '、', '+'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

pub fn unit_from_file_name(stem: &str) -> Option<String> {
    parts(stem).into_iter().find(|p| is_unit(p)).map(str::to_string)
}

fn strip_doc_words(s: &str) -> String {
    let mut t = s.to_string();
    for w in DOC_WORDS {
        if let Some(x) = t.strip_suffix(w) {
            t = x.to_string();
            break;
        }
    }
    t
}

pub fn program_from_file_name(stem: &str) -> Option<String> {
    parts(stem)
        .into_iter()
        .filter(|p| !is_unit(p) && !is_date_like(p) && !is_township_like(p))
        .map(strip_doc_words)
        .find(|p| !p.is_empty() && !p.contains("亲属"))
}

/// `填报单位：县民政局  单位：元` -> 县民政局.
pub fn unit_from_title(lines: &[&str]) -> Option<String> {
    for l in lines {
        for key in ["填报单位", "报送单位", "审批单位", "发放单位"] {
            if let Some(i) = l.find(key) {
                let rest = l[i + key.len()..].trim_start_matches([':', '：', ' ', '　']);
                let v: String = rest.chars().take_while(|c| !c.is_whitespace() && *c != '　').collect();
                let v = v.trim_end_matches(['，', ',', '；', ';']);
                if !v.is_empty() && !v.contains('：') {
                    return Some(v.to_string());
                }
            }
        }
    }
    None
}

/// `示例县2024年10月农村最低生活保障金发放花名册` -> 农村最低生活保障金.
pub fn program_from_title(lines: &[&str]) -> Option<String> {
    let l = lines.iter().find(|l| !l.contains('：') && !l.contains(':'))?;
    let mut t: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    // Drop a leading place name (…县 / …市 / …区) within the first few characters.
    for k in ['县', '市', '区'] {
        if let Some(i) = t.find(k) {
            if t[..i].chars().count() <= 6 {
                t = t[i + k.len_utf8()..].to_string();
                break;
            }
        }
    }
    // Drop a leading date (2024年10月 / 2024年度 / 2024年).
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() == 4 {
        t = t[4..].to_string();
        for p in ["年度", "年"] {
            if let Some(x) = t.strip_prefix(p) {
                t = x.to_string();
                break;
            }
        }
        let m: String = t.chars().take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '至').collect();
        if !m.is_empty() && t[m.len()..].starts_with('月') {
            t = t[m.len() + '月'.len_utf8()..].to_string();
        }
    }
    let t = strip_doc_words(&t);
    let t = t.strip_suffix("发放").unwrap_or(&t).to_string();
    (!t.is_empty()).then_some(t)
}

/// (unit, source) with the precedence config > column > file name > title.
pub fn unit(config: Option<&str>, column: bool, stem: &str, titles: &[&str]) -> (Option<String>, Option<String>) {
    if let Some(u) = config {
        return (Some(u.to_string()), Some("config".into()));
    }
    let fallback = unit_from_file_name(stem)
        .map(|u| (u, "file_name"))
        .or_else(|| unit_from_title(titles).map(|u| (u, "title")));
    if column {
        // Rows name their unit; the file-level value is the fallback for empty cells.
        return (fallback.map(|f| f.0), Some("column".into()));
    }
    match fallback {
        Some((u, s)) => (Some(u), Some(s.into())),
        None => (None, None),
    }
}

pub fn program(config: Option<&str>, stem: &str, titles: &[&str]) -> (Option<String>, Option<String>) {
    if let Some(p) = config {
        return (Some(p.to_string()), Some("config".into()));
    }
    if let Some(p) = program_from_file_name(stem) {
        return (Some(p), Some("file_name".into()));
    }
    match program_from_title(titles) {
        Some(p) => (Some(p), Some("title".into())),
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("县民政局_农村低保", Some("县民政局"), Some("农村低保"))]
    #[case("县民政局_农村低保_2024年10月_万谷乡", Some("县民政局"), Some("农村低保"))]
    #[case("万谷乡人民政府-临时救助花名册", Some("万谷乡人民政府"), Some("临时救助"))]
    #[case("低保花名册", None, Some("低保"))]
    #[case("干部亲属信息_县教育局", Some("县教育局"), None)]
    fn file_names(#[case] stem: &str, #[case] unit: Option<&str>, #[case] program: Option<&str>) {
        assert_eq!(unit_from_file_name(stem).as_deref(), unit);
        assert_eq!(program_from_file_name(stem).as_deref(), program);
    }

    #[test]
    fn title_rows() {
        let lines = ["示例县2024年10月农村最低生活保障金发放花名册", "填报单位：县民政局   单位：元   日期：2024-10-31"];
        assert_eq!(unit_from_title(&lines).as_deref(), Some("县民政局"));
        assert_eq!(program_from_title(&lines).as_deref(), Some("农村最低生活保障金"));
    }

    #[test]
    fn precedence() {
        assert_eq!(unit(Some("甲"), true, "县民政局_x", &[]).1.as_deref(), Some("config"));
        assert_eq!(unit(None, true, "县民政局_x", &[]), (Some("县民政局".into()), Some("column".into())));
        assert_eq!(unit(None, false, "x", &["填报单位：县财政局"]).1.as_deref(), Some("title"));
        assert_eq!(unit(None, false, "x", &[]), (None, None));
    }
}
