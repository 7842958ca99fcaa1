//! What a column's cells hold, sampled: ID numbers, personal names, phone or
//! account numbers. The content confirms or overturns what a header suggests:
//! a bank account is never an ID, a column of valid IDs is an ID column
//! whatever it is called.

use super::cell::Cell;
use super::roles::Role;
use super::table::{DataRow, Decided};
use crate::normalize::id::{IdStatus, normalize_id, normalize_id_number};

/// Cells sampled per column (spread over the table).
const SAMPLE: usize = 200;
/// Fewer non-empty cells than this decide nothing.
const MIN_VALUES: usize = 5;

/// Common surnames (simplified), enough to tell a column of personal names from
/// a column of categories (汉族, 已婚, 健康, 群众) that are also two Han characters.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";
const COMPOUND: &[&str] = &["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "呼延", "澹台", "万俟", "轩辕", "百里", "东郭", "西门"];

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{20000}'..='\u{2EBEF}')
}

/// A Chinese personal name as written in a roll: 2–4 Han characters starting
/// with a common surname, or a minority name with a middle dot.
pub fn looks_like_name(s: &str) -> bool {
    let s = s.trim();
    let n = s.chars().count();
    if s.contains(['·', '•', '.', '．']) {
        return (3..=16).contains(&n) && s.chars().all(|c| is_han(c) || "·•.．".contains(c));
    }
    if !(2..=4).contains(&n) || !s.chars().all(is_han) {
        return false;
    }
    // Places and bodies (柳林镇, 白马村, 石桥乡, 县民政局) start with surnames too.
    if n >= 3 && s.ends_with(|c: char| "乡镇村县市区局委办站所院组队社厂店部街".contains(c)) {
        return false;
    }
    COMPOUND.iter().any(|c| s.starts_with(c)) || s.chars().next().is_some_and(|c| SURNAMES.contains(c))
}

/// Words that pass for personal names (they start with surnames: 干部, 党员,
/// 修改) in a title line or a file name, where a name is looked for.
const NOT_NAME_WORDS: &[&str] = &[
    "干部", "党员", "职工", "本人", "人员", "家庭", "成员", "领导", "同志", "公务员", "单位", "家属", "亲属", "汇总", "名单", "明细", "信息",
    "情况", "登记", "统计", "报备", "备案", "采集", "表", "册", "年度", "月份", "修改", "最终", "定稿", "备份", "副本", "新版", "旧版",
    "整理", "填报", "报送", "上报", "审核", "核对", "确认", "更新", "补充",
];

/// A personal name where a title line or a file name is searched for one:
/// [`looks_like_name`], and none of the words that only pass for one.
pub fn is_personal_name(s: &str) -> bool {
    looks_like_name(s) && !NOT_NAME_WORDS.iter().any(|w| s.contains(w))
}

/// A place as a register or roll writes it: a township, a village, a
/// community or a group (白沙乡高峰村村民, 青石镇大坪村3组), not a county bureau.
pub fn looks_like_place(s: &str) -> bool {
    let s = s.trim();
    let n = s.chars().count();
    if !(3..=40).contains(&n) || looks_like_name(s) {
        return false;
    }
    let village = ["村", "社区", "组", "街道"].iter().any(|w| s.contains(w));
    let town = s.contains(['乡', '镇']);
    (village || town) && !INSTITUTION_WORDS.iter().any(|w| s.contains(w))
}

/// Words of a body with an address of its own (a school, a clinic, a bank, a
/// government office), not where a person lives.
const INSTITUTION_WORDS: &[&str] = &[
    "局", "学校", "小学", "中学", "学院", "幼儿园", "医院", "卫生院", "诊所", "公司", "银行", "信用社", "政府", "委员会", "中心", "站", "所",
];

/// A cell holding an ID number (valid, repaired, legacy, cut by Excel or masked).
pub fn looks_like_id(c: &Cell) -> bool {
    match c {
        Cell::Number(f) => id_like(normalize_id_number(*f).status),
        Cell::Text(t) => id_like(normalize_id(t).status),
        _ => false,
    }
}

/// A cell that names a person: an ID number or a personal name.
pub fn looks_like_person(c: &Cell) -> bool {
    matches!(c, Cell::Text(t) if looks_like_name(t)) || looks_like_id(c)
}

/// A name without the note in brackets after it (`李芳(妻)`, `周建华（残疾）` -> the name).
pub fn strip_note(s: &str) -> &str {
    let s = s.trim();
    if s.ends_with([')', '）']) {
        if let Some(i) = s.rfind(['(', '（']) {
            return s[..i].trim_end();
        }
    }
    s
}

/// Separators between several persons in one cell (`张三、李四`).
pub const MULTI_SEPARATORS: &[char] = &['、', '，', ',', '；', ';', '/', '／', '|', '\n'];

/// The parts of a cell listing several persons; one part when it lists one.
pub fn split_multi(s: &str) -> Vec<&str> {
    s.split(|c: char| MULTI_SEPARATORS.contains(&c) || c == ' ' || c == '\u{3000}')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// What the sampled cells of one column hold, as fractions of the non-empty ones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    pub values: usize,
    /// Read as an ID number (valid, repaired, upgraded or cut by Excel).
    pub ids: f64,
    /// Strings of 12 or more digits that are not IDs: bank accounts, card numbers.
    pub long_numbers: f64,
    /// 11-digit mobile numbers.
    pub phones: f64,
    pub names: f64,
    /// Cells that list two or more names.
    pub multi_names: f64,
    /// Cells that list two or more IDs.
    pub multi_ids: f64,
    /// Distinct values / values.
    pub distinct: f64,
    /// Numbers, or marks of one character (是, 否, 有, 无, √).
    pub numbers_or_marks: f64,
    /// Read as an ID, or shaped like one (a typo in an ID), or listing IDs.
    pub id_any: f64,
    /// Places: a township, village, community or group (白沙乡高峰村村民).
    pub places: f64,
    /// Cells giving a person's name and ID together (`李芳 4329…`, `李芳（4329…）`).
    pub name_ids: f64,
    /// Relation words (妻子, 长子, 岳父, 本人).
    pub relations: f64,
}

fn id_like(st: IdStatus) -> bool {
    matches!(st, IdStatus::Valid | IdStatus::Repaired | IdStatus::LegacyUpgraded | IdStatus::ExcelTruncated | IdStatus::Masked)
}

/// 18 characters shaped like an ID number (17 digits, a digit or X, a birth
/// year 1900–2099 in place) although it does not check out: a typo in an ID,
/// not a bank account.
fn id_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 18
        && b[..17].iter().all(u8::is_ascii_digit)
        && (b[17].is_ascii_digit() || b[17] == b'X' || b[17] == b'x')
        && (&b[6..8] == b"19" || &b[6..8] == b"20")
}

pub fn profile(rows: &[DataRow], col: usize) -> Profile {
    let step = (rows.len() / SAMPLE).max(1);
    let mut p = Profile::default();
    let (mut ids, mut long, mut phones, mut names, mut multi_n, mut multi_i, mut marks) = (0, 0, 0, 0, 0, 0, 0);
    let (mut id_any, mut places, mut name_ids, mut relations) = (0, 0, 0, 0);
    let mut seen = std::collections::HashSet::new();
    for r in rows.iter().step_by(step).take(SAMPLE) {
        let c = r.cell(col);
        if c.is_empty() || r.was_filled(col) {
            continue;
        }
        p.values += 1;
        let text = c.text();
        let t = text.trim();
        seen.insert(t.to_string());
        let st = match c {
            Cell::Number(f) => normalize_id_number(*f).status,
            _ => normalize_id(t).status,
        };
        if id_like(st) {
            ids += 1;
            id_any += 1;
        } else {
            let digits: String = t.chars().filter(|c| !c.is_whitespace() && !"-'‘’\"=".contains(*c)).collect();
            if id_shaped(&digits) {
                // An ID with a wrong date or check digit: still an ID column.
                id_any += 1;
            } else if digits.len() >= 12 && digits.chars().all(|c| c.is_ascii_digit()) {
                long += 1;
            } else if digits.len() == 11 && digits.starts_with('1') && digits.chars().all(|c| c.is_ascii_digit()) {
                phones += 1;
            }
        }
        if looks_like_name(t) {
            names += 1;
        }
        if looks_like_place(t) {
            places += 1;
        }
        if matches!(c, Cell::Number(_)) || t.parse::<f64>().is_ok() || t.chars().count() <= 1 {
            marks += 1;
        }
        if names_with_ids(t).is_some() {
            name_ids += 1;
        }
        if is_relation_word(t) {
            relations += 1;
        }
        let parts = split_multi(t);
        if parts.len() >= 2 {
            if parts.iter().all(|x| looks_like_name(strip_note(x))) {
                multi_n += 1;
            } else if parts.iter().all(|x| id_like(normalize_id(x).status)) {
                multi_i += 1;
                id_any += 1;
            }
        }
    }
    if p.values > 0 {
        let n = p.values as f64;
        (p.ids, p.long_numbers, p.phones, p.names) = (ids as f64 / n, long as f64 / n, phones as f64 / n, names as f64 / n);
        (p.multi_names, p.multi_ids) = (multi_n as f64 / n, multi_i as f64 / n);
        p.distinct = seen.len() as f64 / n;
        p.numbers_or_marks = marks as f64 / n;
        p.id_any = id_any as f64 / n;
        p.places = places as f64 / n;
        p.name_ids = name_ids as f64 / n;
        p.relations = relations as f64 / n;
    }
    p
}

/// A short cell that is a relation word (妻子, 长子, 岳父; 本人 and 户主 too).
fn is_relation_word(t: &str) -> bool {
    use crate::normalize::relation::{Relation, parse_relation};
    let n = t.chars().count();
    (1..=4).contains(&n) && (parse_relation(t).relation != Relation::Other || matches!(t, "本人" | "户主"))
}

/// What the content says a column is, where it says enough: `Some(role)` overturns
/// or fills in the header's reading. `header` is the role the header words gave.
pub fn verdict(header: &Role, p: &Profile) -> Option<Role> {
    // Names with their IDs in one cell: a strong sign, so two cells suffice
    // (a 受助人（姓名、身份证号） column, whatever its header says).
    if p.values >= 2 && p.name_ids >= 0.5 {
        return Some(name_of(header));
    }
    // A short list (a department checking a few names): every cell a valid ID
    // under words the tables do not know is an ID column.
    if matches!(header, Role::Unmapped) && p.values >= 2 && p.ids >= 1.0 {
        return Some(Role::IdBare);
    }
    if p.values < MIN_VALUES {
        return None;
    }
    let not_id = p.long_numbers + p.phones;
    if header.is_id() {
        // A bank account or phone column under an ID-like header.
        if p.ids < 0.2 && not_id >= 0.8 {
            return Some(if p.phones > p.long_numbers { Role::Phone } else { Role::Account });
        }
        // Codes that are no ID in any form (社会保障卡号 E36101688, 残疾证 numbers
        // cut short): a card or file number, not a person's ID.
        if p.id_any < 0.1 && p.names < 0.1 {
            return Some(Role::Account);
        }
        // Names under an ID header (the two headers swapped): the person's names.
        if p.id_any < 0.1 && p.names >= 0.8 {
            return Some(name_of(header));
        }
        return None;
    }
    if header.is_name() {
        if p.names < 0.1 && p.multi_names < 0.1 && (p.ids >= 0.8 || not_id >= 0.8) {
            return Some(if p.ids >= 0.8 { Role::IdBare } else { Role::Account });
        }
        // 伤残军人 over amounts, 失业人员 over 有/无: a group of people, not a name.
        if p.names < 0.1 && p.multi_names < 0.1 && p.numbers_or_marks >= 0.8 {
            return Some(Role::Unmapped);
        }
        return None;
    }
    // Header words unknown (or not a person's): only clear content decides.
    if matches!(header, Role::Unmapped) {
        if p.ids >= 0.9 || p.multi_ids >= 0.5 {
            return Some(Role::IdBare);
        }
        if (p.names >= 0.9 && p.distinct >= 0.5) || p.multi_names >= 0.5 {
            return Some(Role::NameBare);
        }
        // 工作单位及职务 over 白沙乡高峰村村民: where the person lives.
        if p.places >= 0.4 && p.names < 0.1 && p.ids < 0.1 {
            return Some(Role::Address);
        }
        // 妻子, 儿子, 父亲 under a header the tables do not know (YBRGX).
        if p.relations >= 0.8 {
            return Some(Role::Relation);
        }
    }
    None
}

/// Apply the content's verdicts to the header's roles; returns what decided each.
/// Names found by content alone are taken only where the table has no name
/// column of its own (a header the tables do not know over a column of names).
pub fn adjust(roles: &mut [Role], decided: &mut [Decided], keys: &[String], profiles: &[Profile]) {
    let had_name = roles.iter().any(Role::is_name);
    // A table with its own village column already says where the person lives:
    // a column of places under words the tables do not know is then where the
    // person works (安置单位 柳河镇柳河社区 beside 所在乡镇 / 所在村), not the address.
    let mut had_address = roles.contains(&Role::Address) || roles.contains(&Role::Village);
    for c in 0..roles.len() {
        if decided[c] == Decided::Config || matches!(roles[c], Role::Ignore) {
            continue;
        }
        let Some(p) = profiles.get(c) else { continue };
        // A person's word alone over cells that are not names: a group of people
        // counted or marked (失业人员 有/无), not a name column.
        let weak = keys.get(c).is_some_and(|k| super::roles::weak_person_header(k));
        if weak && roles[c].is_name() && p.values >= MIN_VALUES && p.names + p.multi_names < 0.5 {
            roles[c] = Role::Unmapped;
            decided[c] = Decided::Content;
            continue;
        }
        // A workplace header (工作单位及职务) over villages: two cells are enough
        // (a cadre's form lists a handful of relatives).
        let workplace = keys.get(c).is_some_and(|k| super::roles::workplace_header(k));
        let places = workplace && roles[c] == Role::Unmapped && p.values >= 2 && p.places >= 0.5 && p.names < 0.1;
        if let Some(r) = if places { Some(Role::Address) } else { verdict(&roles[c], p) } {
            if r == Role::NameBare && had_name && roles[c] == Role::Unmapped {
                continue;
            }
            // One address column: the one the header names (or the village column),
            // else the first by content.
            if r == Role::Address {
                if had_address {
                    continue;
                }
                had_address = true;
            }
            roles[c] = r;
            decided[c] = Decided::Content;
        }
    }
    // No ID column, but a number column (残疾证号: the ID with the category and
    // grade after it) whose cells are IDs: it is the table's ID column.
    if !roles.iter().any(Role::is_id) {
        let by_cells = (0..roles.len()).find(|&c| {
            roles[c] == Role::Account && decided[c] != Decided::Config && profiles.get(c).is_some_and(|p| p.values >= 2 && p.ids >= 0.9)
        });
        if let Some(c) = by_cells {
            roles[c] = Role::IdBare;
            decided[c] = Decided::Content;
        }
    }
}

/// The name role of the person an ID or name header names (a bare name where
/// the header names no person).
fn name_of(header: &Role) -> Role {
    match header {
        Role::Id(p) | Role::Name(p) => Role::Name(*p),
        Role::IdQualified(q) | Role::NameQualified(q) => Role::NameQualified(q.clone()),
        Role::WideId(w) | Role::WideName(w) => Role::WideName(w.clone()),
        _ => Role::NameBare,
    }
}

/// Columns whose cells list several persons (`张三、李四`), or give names with
/// their IDs (`李芳 4329…`), by index.
pub fn multi_columns(roles: &[Role], profiles: &[Profile]) -> Vec<usize> {
    (0..roles.len())
        .filter(|&c| roles[c].is_person())
        .filter(|&c| {
            profiles
                .get(c)
                .is_some_and(|p| p.values > 0 && (p.multi_names >= 0.2 || p.multi_ids >= 0.2 || p.name_ids >= 0.2))
        })
        .collect()
}

/// The persons of a cell that gives names with their IDs (`李芳 4329…`,
/// `李芳（4329…）`, `4329… 李芳`, `李芳 4329…、周建华 4329…`): each ID goes with
/// the name beside it. `None` unless the cell holds at least one name and one
/// ID and nothing else.
/// A members' cell without the relations written beside the names: a bracket
/// holding one (李芳（妻）, 孙长林(岳父)) or one before a colon (妻：李芳).
fn without_relation_notes(s: &str) -> String {
    let is_relation = |t: &str| {
        let t = t.trim();
        !t.is_empty() && t.chars().count() <= 4 && crate::normalize::relation::parse_relation(t).relation != crate::normalize::relation::Relation::Other
    };
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find(['（', '(']) {
        let (head, tail) = rest.split_at(open);
        let body = tail.trim_start_matches(['（', '(']);
        match body.find(['）', ')']) {
            Some(close) if body.get(..close).is_some_and(is_relation) => {
                out.push_str(head);
                out.push(' ');
                rest = body.get(close..).unwrap_or("").trim_start_matches(['）', ')']);
            }
            _ => {
                // The bracket is kept: on past it.
                let step = head.len() + tail.chars().next().map_or(1, char::len_utf8);
                let (kept, after) = rest.split_at_checked(step).unwrap_or((rest, ""));
                out.push_str(kept);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    // 妻：李芳 4329…；子：赵一鸣 4329…
    out.split_inclusive(['；', ';', '，', ',', '、', '\n'])
        .map(|part| match part.split_once(['：', ':']) {
            Some((label, value)) if is_relation(label) => format!(" {value}"),
            _ => part.to_string(),
        })
        .collect()
}

pub fn names_with_ids(s: &str) -> Option<Vec<(String, Option<String>)>> {
    const OPEN_CLOSE: &[char] = &['(', ')', '（', '）', '[', ']', '【', '】', ':', '：'];
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let s = without_relation_notes(s);
    let spaced: String = s.chars().map(|c| if OPEN_CLOSE.contains(&c) { ' ' } else { c }).collect();
    let mut people: Vec<(String, Option<String>)> = Vec::new();
    let mut ids = 0;
    // Whether the last person was opened by its ID (`4329… 李芳`).
    let mut id_first = false;
    for part in split_multi(&spaced) {
        if looks_like_name(part) {
            match people.last_mut() {
                Some((n, Some(_))) if n.is_empty() && id_first => *n = part.to_string(),
                _ => {
                    people.push((part.to_string(), None));
                    id_first = false;
                }
            }
        } else if id_like(normalize_id(part).status) {
            ids += 1;
            match people.last_mut() {
                Some((n, id @ None)) if !n.is_empty() => *id = Some(part.to_string()),
                _ => {
                    people.push((String::new(), Some(part.to_string())));
                    id_first = true;
                }
            }
        } else {
            return None;
        }
    }
    (ids > 0 && people.iter().any(|(n, _)| !n.is_empty())).then_some(people)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    /// Regression (probe s29): members written with their relation between name and ID
    /// (李芳（妻）4329…；孙长林（岳父）4329…, 妻：李芳 4329…) gave hits without names, or none.
    #[test]
    fn regression_members_with_their_relation_beside_the_name() {
        let (a, b) = ("11010119900307803X", "110101195003071016");
        let want = Some(vec![("李芳".to_string(), Some(a.to_string())), ("孙长林".to_string(), Some(b.to_string()))]);
        assert_eq!(names_with_ids(&format!("李芳（妻）{a}；孙长林（岳父）{b}")), want);
        assert_eq!(names_with_ids(&format!("妻：李芳 {a}；岳父：孙长林 {b}")), want);
        // A bracket that is no relation is read as before.
        assert_eq!(names_with_ids(&format!("李芳({a})")), Some(vec![("李芳".to_string(), Some(a.to_string()))]));
    }

    const LI: &str = "11010119900307803X";
    const ZHOU: &str = "110101199003077010";

    #[rstest]
    #[case("李芳 11010119900307803X", vec![("李芳", Some(LI))])]
    #[case("李芳（11010119900307803X）", vec![("李芳", Some(LI))])]
    #[case("李芳:11010119900307803X", vec![("李芳", Some(LI))])]
    #[case("11010119900307803X 李芳", vec![("李芳", Some(LI))])]
    #[case("李芳 11010119900307803X、周建华 110101199003077010", vec![("李芳", Some(LI)), ("周建华", Some(ZHOU))])]
    #[case("李芳、周建华 110101199003077010", vec![("李芳", None), ("周建华", Some(ZHOU))])]
    fn names_with_ids_pair_each_id_with_its_name(#[case] cell: &str, #[case] want: Vec<(&str, Option<&str>)>) {
        let got = names_with_ids(cell).unwrap();
        let got: Vec<(&str, Option<&str>)> = got.iter().map(|(n, i)| (n.as_str(), i.as_deref())).collect();
        assert_eq!(got, want, "{cell}");
    }

    #[rstest]
    #[case("李芳")]
    #[case("11010119900307803X")]
    #[case("李芳 6228480011223344556")]
    #[case("白沙乡 11010119900307803X")]
    #[case("李芳 13812345678")]
    fn names_with_ids_want_a_name_and_an_id_and_nothing_else(#[case] cell: &str) {
        assert_eq!(names_with_ids(cell), None, "{cell}");
    }

    #[rstest]
    #[case("白沙乡高峰村村民", true)]
    #[case("青石镇大坪村3组", true)]
    #[case("新华社区", true)]
    #[case("白马镇", true)]
    #[case("白沙乡中心小学", false)]
    #[case("青石镇人民政府", false)]
    #[case("县教育局教师", false)]
    #[case("务农", false)]
    #[case("王建国", false)]
    fn places_are_told_from_bodies_and_names(#[case] cell: &str, #[case] want: bool) {
        assert_eq!(looks_like_place(cell), want, "{cell}");
    }

    #[rstest]
    #[case("王伟", true)]
    #[case("欧阳娜娜", true)]
    #[case("阿依古丽·买买提", true)]
    #[case("汉族", false)]
    #[case("已婚", false)]
    #[case("健康", false)]
    #[case("群众", false)]
    #[case("县民政局", false)]
    #[case("柳林镇", false)]
    #[case("白马村", false)]
    #[case("张", false)]
    #[case("519901199001011234", false)]
    fn names(#[case] s: &str, #[case] want: bool) {
        assert_eq!(looks_like_name(s), want, "{s}");
    }

    fn rows(vals: &[&str]) -> Vec<DataRow> {
        vals.iter()
            .enumerate()
            .map(|(i, v)| DataRow { number: i as u32 + 2, cells: vec![Cell::Text((*v).into())], filled: vec![false] })
            .collect()
    }

    #[test]
    fn a_bank_account_under_an_id_header_is_not_an_id() {
        let r = rows(&["6217001234567890123", "6228481234567890127", "6217001234567890999", "6217001234567812345", "6228480000000000001"]);
        assert_eq!(verdict(&Role::IdBare, &profile(&r, 0)), Some(Role::Account));
    }

    /// An 18-character ID with its GB 11643 check character.
    fn id(body17: &str) -> String {
        format!("{body17}{}", crate::normalize::id::check_char(body17).unwrap())
    }

    #[test]
    fn valid_ids_under_an_unknown_header_are_ids() {
        let ids: Vec<String> = ["11010519491231002", "51990119900101123", "51990119850312456", "42010219700708011", "33010219991231009"]
            .iter()
            .map(|b| id(b))
            .collect();
        let r = rows(&ids.iter().map(String::as_str).collect::<Vec<_>>());
        let p = profile(&r, 0);
        assert!(p.ids >= 0.9, "{p:?}");
        assert_eq!(verdict(&Role::Unmapped, &p), Some(Role::IdBare));
    }

    #[test]
    fn categories_are_not_names() {
        let r = rows(&["汉族", "汉族", "回族", "汉族", "汉族", "壮族"]);
        assert_eq!(verdict(&Role::Unmapped, &profile(&r, 0)), None);
        let r = rows(&["王伟", "李娜", "张磊", "刘洋", "陈静", "杨帆"]);
        assert_eq!(verdict(&Role::Unmapped, &profile(&r, 0)), Some(Role::NameBare));
    }

    #[test]
    fn several_names_in_one_cell() {
        assert_eq!(split_multi("张三、李四， 王五"), vec!["张三", "李四", "王五"]);
        let r = rows(&["张三、李四", "王五、赵六", "刘一", "陈二、孙三", "周四、吴五"]);
        let p = profile(&r, 0);
        assert!(p.multi_names >= 0.5, "{p:?}");
    }
}
