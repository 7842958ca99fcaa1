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

/// A unit's name: a word of 3 characters or more with a unit's ending, or a
/// name the unit table knows (教委, 妇联, 残联).
pub(crate) fn is_unit(s: &str) -> bool {
    (s.chars().count() >= 3 && UNIT_SUFFIXES.iter().any(|x| s.ends_with(x))) || crate::normalize::unit::is_known_unit(s)
}

fn is_date_like(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    digits >= 4 && (s.chars().all(|c| c.is_ascii_digit() || "年月日-._".contains(c)))
}

fn is_township_like(s: &str) -> bool {
    let n = s.chars().count();
    n <= 5 && (s.ends_with('乡') || s.ends_with('镇') || s.ends_with("街道"))
}

/// `2024年10月临时救助` -> `临时救助` (a leading 4-digit year, 年 or 年度, and a month).
fn strip_leading_date(s: &str) -> &str {
    let Some(rest) = s.get(4..).filter(|_| s.bytes().take(4).all(|b| b.is_ascii_digit())) else {
        return s;
    };
    let Some(rest) = rest.strip_prefix("年度").or_else(|| rest.strip_prefix('年')) else {
        return s;
    };
    let month = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    match month.strip_prefix('月') {
        Some(r) if month.len() < rest.len() => r,
        _ => rest,
    }
}

/// A township named at the start of `s`: (万谷乡 / 青石镇 / 新华街道, the rest).
/// Its name is 2 to 4 Chinese characters; 城乡, 乡村, 乡镇 and 城镇 are words, not townships.
fn leading_township(s: &str) -> Option<(&str, &str)> {
    let chars: Vec<(usize, char)> = s.char_indices().take(5).collect();
    for k in 2..=4 {
        let &(at, _) = chars.get(k)?;
        let core = &s[..at];
        if !core.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) || core.contains(['县', '市', '区']) {
            return None;
        }
        let rest = &s[at..];
        let kind = ["街道", "乡", "镇"].into_iter().find(|x| rest.starts_with(x));
        let Some(kind) = kind else { continue };
        let after = &rest[kind.len()..];
        if core.ends_with('城') || (kind == "乡" && (after.starts_with('村') || after.starts_with('镇'))) {
            return None;
        }
        return Some((&s[..at + kind.len()], after));
    }
    None
}

/// `万谷乡_临时救助` / `青石镇2024年临时救助名单` -> 万谷乡人民政府; `新华街道-…` -> 新华街道办事处.
pub fn township_from_file_name(stem: &str) -> Option<String> {
    parts(stem).into_iter().find_map(|p| {
        let (t, _) = leading_township(strip_leading_date(p))?;
        Some(if t.ends_with("街道") { format!("{t}办事处") } else { format!("{t}人民政府") })
    })
}

/// A part with a leading date and township dropped (`青石镇2024年临时救助名单` -> `临时救助名单`).
fn strip_place_and_date(p: &str) -> &str {
    let mut t = strip_leading_date(p);
    if let Some((_, rest)) = leading_township(t) {
        t = strip_leading_date(rest);
    }
    t
}

fn parts(stem: &str) -> Vec<&str> {
    stem.split(['_', '-', '—', '－', ' ', '　', '、', '+'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// A merged bureau written with its old name in brackets (县农业农村局（乡村振兴局）).
fn bracketed_unit(p: &str) -> bool {
    let Some((outer, inner)) = p.strip_suffix(['）', ')']).and_then(|t| t.split_once(['（', '('])) else { return false };
    is_unit(outer) && is_unit(inner)
}

pub fn unit_from_file_name(stem: &str) -> Option<String> {
    let ps = parts(stem);
    ps.iter()
        .find(|p| is_unit(p) || bracketed_unit(p))
        .map(|p| p.to_string())
        .or_else(|| ps.iter().find_map(|p| unit_prefix(p)))
        .or_else(|| ps.iter().find_map(|p| domain_prefix(p)))
}

/// A part that is a bureau's domain alone (民政, 教育, 人社).
fn is_domain(p: &str) -> bool {
    domain_prefix(p).is_some_and(|u| u.chars().count() == p.chars().count() + 1)
}

/// A bureau written by its domain alone at the start of a name (`民政_低保`,
/// `教育学生资助`, `人社公益性岗位`): the domain with 局 or 委 is a unit the
/// table knows (民政局, 教育局, 人社局, 卫健委).
fn domain_prefix(part: &str) -> Option<String> {
    let chars: Vec<char> = part.chars().collect();
    for n in (2..=4.min(chars.len())).rev() {
        let head: String = chars[..n].iter().collect();
        for end in ["局", "委"] {
            let unit = format!("{head}{end}");
            if crate::normalize::unit::is_known_unit(&unit) {
                return Some(unit);
            }
        }
    }
    None
}

/// A unit written at the start of a name without a separator:
/// `县教育局领导干部亲属采集表` -> 县教育局, `金塘镇人民政府工作人员近亲属备案` -> 金塘镇人民政府.
fn unit_prefix(part: &str) -> Option<String> {
    // The longest unit ending of the government words first, then a bureau's 局/委/办.
    for suffix in ["人民政府", "办事处", "委员会", "政府", "局", "委", "办"] {
        if let Some(i) = part.find(suffix) {
            let head = &part[..i + suffix.len()];
            let n = head.chars().count();
            if n >= 2 && n < part.chars().count() && n <= 12 && is_unit(head) {
                return Some(head.to_string());
            }
        }
    }
    None
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
        .filter(|p| !is_unit(p) && !bracketed_unit(p) && !is_date_like(p) && !is_township_like(p) && !is_domain(p))
        .map(|p| strip_doc_words(strip_place_and_date(p)))
        .find(|p| !p.is_empty() && !p.contains("亲属"))
}

/// `填报单位：县民政局  单位：元` -> 县民政局. The first keys name a unit
/// whatever follows; after the others (单位名称, 申报单位, 主管部门, 单位 …)
/// the value must read as a unit (单位：元 is the amounts' unit).
pub fn unit_from_title(lines: &[&str]) -> Option<String> {
    const ANY: &[&str] = &["填报单位", "报送单位", "审批单位", "发放单位"];
    const UNIT_ONLY: &[&str] = &["单位名称", "申报单位", "主管部门", "主管单位", "填报部门", "发放部门", "报送部门", "代发单位", "单位"];
    for l in lines {
        for key in ANY.iter().chain(UNIT_ONLY) {
            let Some(i) = l.find(key) else { continue };
            let rest = l[i + key.len()..].trim_start_matches([':', '：', ' ', '　']);
            let v: String = rest.chars().take_while(|c| !c.is_whitespace() && *c != '　').collect();
            let v = v.trim_end_matches(['，', ',', '；', ';']);
            // 县民政局（盖章）: the seal mark is not part of the name.
            let v = match v.find(['（', '(']) {
                Some(i) if i > 0 => &v[..i],
                _ => v,
            };
            if !v.is_empty() && !v.contains('：') && (ANY.contains(key) || is_unit(v)) {
                return Some(v.to_string());
            }
        }
    }
    None
}

/// A unit a title line starts with or is (`县民政局临时救助资金发放清单`,
/// `县民政局`); label lines (`…：…`) are left to [`unit_from_title`].
pub fn unit_in_title(lines: &[&str]) -> Option<String> {
    lines
        .iter()
        .filter(|l| !l.contains('：') && !l.contains(':'))
        .flat_map(|l| l.split_whitespace())
        // A title is words, not a sentence (本表由各村填报，镇民政办汇总。).
        .filter(|t| !t.contains(['，', ',', '。', '；', ';', '、']))
        .find_map(|t| unit_prefix(t).or_else(|| is_unit(t).then(|| t.to_string())))
}

/// A register sheet's own unit, where the file names none: a title that
/// starts with it (`县民政局干部职工近亲属信息登记表`), or a sheet named after it.
pub fn sheet_unit(titles: &[String], sheet: &str) -> Option<String> {
    // A title line may be a form line (`现任职务 县民政局局长`): its parts.
    let sheet = sheet.trim();
    titles
        .iter()
        .flat_map(|t| t.split_whitespace())
        .find_map(|t| unit_prefix(t).or_else(|| is_unit(t).then(|| t.to_string())))
        .or_else(|| unit_from_title(&titles.iter().map(String::as_str).collect::<Vec<_>>()))
        .or_else(|| is_unit(sheet).then(|| sheet.to_string()))
        // A sheet named after a township (白沙乡) is its government's.
        .or_else(|| leading_township(sheet).filter(|(_, rest)| rest.is_empty()).and_then(|_| township_from_file_name(sheet)))
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

/// (unit, source) with the precedence config > column > file name > title;
/// last, a township the file name starts with (its government approved the
/// roll), as `file_name`.
/// `titled`: the one unit the tables' titles start with, if they agree.
pub fn unit(config: Option<&str>, column: bool, stem: &str, titles: &[&str], titled: Option<&str>, folders: &[&str]) -> (Option<String>, Option<String>) {
    if let Some(u) = config {
        return (Some(u.to_string()), Some("config".into()));
    }
    let in_folder = |f: &dyn Fn(&str) -> Option<String>| folders.iter().find_map(|d| f(d)).map(|u| (u, "folder_name"));
    let fallback = unit_from_file_name(stem)
        .map(|u| (u, "file_name"))
        .or_else(|| unit_from_title(titles).map(|u| (u, "title")))
        .or_else(|| titled.map(|u| (u.to_string(), "title")))
        .or_else(|| in_folder(&unit_from_file_name))
        .or_else(|| township_from_file_name(stem).map(|u| (u, "file_name")))
        .or_else(|| in_folder(&township_from_file_name));
    if column {
        // Rows name their unit; the file-level value is the fallback for empty cells.
        return (fallback.map(|f| f.0), Some("column".into()));
    }
    match fallback {
        Some((u, s)) => (Some(u), Some(s.into())),
        None => (None, None),
    }
}

/// The official a per-cadre file or sheet is named after (`县民政局_赵志刚.xlsx`,
/// a sheet `赵志刚` of a unit's workbook), for a register whose rows name no
/// official: (name, "sheet_name" | "file_name"). The sheet name is tried first.
pub fn cadre_from_names(stem: &str, sheet: &str) -> Option<(String, &'static str)> {
    let person = |p: &str| {
        let p = p.trim();
        crate::load::content::is_personal_name(p)
            && !is_unit(p)
            && !is_township_like(p)
            && crate::normalize::relation::parse_relation(p).relation == crate::normalize::relation::Relation::Other
    };
    // The sheet's name without a number before it (1-赵志刚, 2.钱秀梅, 03 孙国强) or
    // a post after it in brackets (赵志刚（科员）).
    let s = sheet.trim().trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches(['-', '.', '、', '_', ' ', '．', '—']);
    let s = s.split(['（', '(']).next().unwrap_or(s).trim();
    if person(s) {
        return Some((s.to_string(), "sheet_name"));
    }
    parts(stem).into_iter().find(|p| person(p)).map(|p| (p.to_string(), "file_name"))
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

    #[test]
    fn a_unit_in_a_title_line_but_not_in_a_sentence_of_notes() {
        assert_eq!(unit_in_title(&["县民政局临时救助资金发放清单（2024年10月）"]).as_deref(), Some("县民政局"));
        assert_eq!(unit_in_title(&["县民政局"]).as_deref(), Some("县民政局"));
        // regression (outside county): a cover's note gave the unit 本表由各村填报，镇民政办.
        assert_eq!(unit_in_title(&["本表由各村填报，镇民政办汇总。"]), None);
        assert_eq!(unit_in_title(&["申报单位：县民政局"]), None);
    }

    #[rstest]
    #[case("县民政局_赵志刚", "家庭成员", Some(("赵志刚", "file_name")))]
    #[case("县民政局亲属登记", "钱秀梅", Some(("钱秀梅", "sheet_name")))]
    #[case("赵志刚-家庭成员", "Sheet1", Some(("赵志刚", "file_name")))]
    #[case("县民政局_干部亲属", "Sheet1", None)]
    #[case("县民政局_白沙乡", "Sheet1", None)]
    #[case("县民政局_配偶子女", "家属", None)]
    #[case("县民政局_2024年", "汇总", None)]
    #[case("县民政局_王月", "Sheet1", Some(("王月", "file_name")))]
    #[case("教委_领导干部", "Sheet1", None)]
    #[case("县民政局_修改", "Sheet1", None)]
    #[case("县民政局_张伟整理", "Sheet1", None)]
    // Regression (probe s29): sheets 1-赵志刚, 2.钱秀梅, 赵志刚（科员） named no official (exit 3).
    #[case("县民政局亲属登记", "1-赵志刚", Some(("赵志刚", "sheet_name")))]
    #[case("县民政局亲属登记", "2.钱秀梅", Some(("钱秀梅", "sheet_name")))]
    #[case("县民政局亲属登记", "赵志刚（科员）", Some(("赵志刚", "sheet_name")))]
    #[case("县民政局亲属登记", "2024", None)]
    fn per_cadre_files_and_sheets_name_the_official(#[case] stem: &str, #[case] sheet: &str, #[case] want: Option<(&str, &str)>) {
        assert_eq!(cadre_from_names(stem, sheet).as_ref().map(|(n, s)| (n.as_str(), *s)), want);
    }

    #[rstest]
    #[case("民政_低保", Some("民政局"))]
    #[case("教育学生资助", Some("教育局"))]
    #[case("人社_公益性岗位", Some("人社局"))]
    #[case("低保花名册", None)]
    #[case("高龄津贴", None)]
    fn a_bureau_written_by_its_domain(#[case] stem: &str, #[case] want: Option<&str>) {
        assert_eq!(unit_from_file_name(stem).as_deref(), want, "{stem}");
    }

    #[test]
    fn the_folder_names_the_unit_where_the_file_does_not() {
        assert_eq!(unit(None, false, "低保", &[], None, &["2024年10月", "县民政局"]), (Some("县民政局".into()), Some("folder_name".into())));
        assert_eq!(unit(None, false, "临时救助", &[], None, &["白沙乡"]), (Some("白沙乡人民政府".into()), Some("folder_name".into())));
        assert_eq!(unit(None, false, "县教育局_资助", &[], None, &["县民政局"]).0.as_deref(), Some("县教育局"));
    }

    #[rstest]
    #[case("民政_低保", Some("民政局"), Some("低保"))]
    #[case("县民政局_农村低保", Some("县民政局"), Some("农村低保"))]
    #[case("县民政局_农村低保_2024年10月_万谷乡", Some("县民政局"), Some("农村低保"))]
    #[case("万谷乡人民政府-临时救助花名册", Some("万谷乡人民政府"), Some("临时救助"))]
    #[case("低保花名册", None, Some("低保"))]
    #[case("干部亲属信息_县教育局", Some("县教育局"), None)]
    // regression: a unit at the start of a name without a separator was not read.
    #[case("县教育局领导干部亲属采集表", Some("县教育局"), None)]
    #[case("金塘镇人民政府工作人员近亲属备案", Some("金塘镇人民政府"), None)]
    #[case("医保局亲属统计", Some("医保局"), None)]
    #[case("教委_学生资助", Some("教委"), Some("学生资助"))]
    #[case("妇联-2024年春蕾计划名单", Some("妇联"), Some("春蕾计划"))]
    #[case("万谷乡_临时救助", None, Some("临时救助"))]
    #[case("青石镇2024年临时救助名单", None, Some("临时救助"))]
    #[case("2024年10月城乡低保", None, Some("城乡低保"))]
    #[case("美丽乡村建设补助", None, Some("美丽乡村建设补助"))]
    #[case("城镇居民低保", None, Some("城镇居民低保"))]
    #[case("重点乡镇帮扶", None, Some("重点乡镇帮扶"))]
    fn file_names(#[case] stem: &str, #[case] unit: Option<&str>, #[case] program: Option<&str>) {
        assert_eq!(unit_from_file_name(stem).as_deref(), unit);
        assert_eq!(program_from_file_name(stem).as_deref(), program);
    }

    #[rstest]
    #[case("万谷乡_临时救助", Some("万谷乡人民政府"))]
    #[case("青石镇2024年临时救助名单", Some("青石镇人民政府"))]
    #[case("新华街道-临时救助", Some("新华街道办事处"))]
    #[case("2024年_万谷乡_临时救助", Some("万谷乡人民政府"))]
    #[case("临时救助_2024年万谷乡", Some("万谷乡人民政府"))]
    #[case("城乡低保", None)]
    #[case("美丽乡村建设补助", None)]
    #[case("重点乡镇帮扶", None)]
    #[case("小城镇建设", None)]
    #[case("乡村振兴补贴", None)]
    fn townships_in_file_names(#[case] stem: &str, #[case] unit: Option<&str>) {
        assert_eq!(township_from_file_name(stem).as_deref(), unit);
    }

    #[test]
    fn regression_township_roll_named_after_township_gets_unit() {
        for (stem, town) in
            [("万谷乡_临时救助", "万谷乡人民政府"), ("青石镇2024年临时救助名单", "青石镇人民政府"), ("新华街道-临时救助", "新华街道办事处")]
        {
            assert_eq!(unit(None, false, stem, &[], None, &[]), (Some(town.into()), Some("file_name".into())), "{stem}");
            assert_eq!(program(None, stem, &[]).0.as_deref(), Some("临时救助"), "{stem}");
        }
        // A unit the file name or title names wins over the township.
        assert_eq!(unit(None, false, "县民政局_农村低保_万谷乡", &[], None, &[]).0.as_deref(), Some("县民政局"));
        assert_eq!(unit(None, false, "万谷乡_临时救助", &["填报单位：县民政局"], None, &[]).0.as_deref(), Some("县民政局"));
        assert_eq!(
            crate::normalize::unit::unit_key("万谷乡人民政府"),
            crate::normalize::unit::unit_key("万谷乡政府")
        );
    }

    #[test]
    fn regression_jiaowei_roll_gets_unit() {
        assert_eq!(unit(None, false, "教委_学生资助", &[], None, &[]), (Some("教委".into()), Some("file_name".into())));
        assert_eq!(program(None, "教委_学生资助", &[]).0.as_deref(), Some("学生资助"));
    }

    #[test]
    fn title_rows() {
        let lines = ["示例县2024年10月农村最低生活保障金发放花名册", "填报单位：县民政局   单位：元   日期：2024-10-31"];
        assert_eq!(unit_from_title(&lines).as_deref(), Some("县民政局"));
        // regression: 填报单位：县住房和城乡建设局（盖章） kept the seal mark in the unit.
        assert_eq!(unit_from_title(&["填报单位：县住房和城乡建设局（盖章）"]).as_deref(), Some("县住房和城乡建设局"));
        assert_eq!(program_from_title(&lines).as_deref(), Some("农村最低生活保障金"));
    }

    #[test]
    fn precedence() {
        assert_eq!(unit(Some("甲"), true, "县民政局_x", &[], None, &[]).1.as_deref(), Some("config"));
        assert_eq!(unit(None, true, "县民政局_x", &[], None, &[]), (Some("县民政局".into()), Some("column".into())));
        assert_eq!(unit(None, false, "x", &["填报单位：县财政局"], None, &[]).1.as_deref(), Some("title"));
        assert_eq!(unit(None, false, "x", &[], None, &[]), (None, None));
    }
}
