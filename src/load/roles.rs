//! Column roles and the header words that name them. The synonym tables are
//! data: to teach the reader a new header word, add it to a table below.

use crate::normalize::relation::{Relation, parse_relation};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// Which file a table is: a kinship register or a beneficiary roll.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Roll,
    Register,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Roll => "roll",
            Kind::Register => "register",
        }
    }
}

/// Who a name/ID column pair describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Person {
    Beneficiary,
    HouseholdHead,
    Member,
    Guardian,
    LegalRep,
    Agent,
    Payee,
    Cadre,
    Relative,
}

impl Person {
    pub const ALL: [Person; 9] = [
        Person::Beneficiary,
        Person::HouseholdHead,
        Person::Member,
        Person::Guardian,
        Person::LegalRep,
        Person::Agent,
        Person::Payee,
        Person::Cadre,
        Person::Relative,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Person::Beneficiary => "beneficiary",
            Person::HouseholdHead => "household_head",
            Person::Member => "member",
            Person::Guardian => "guardian",
            Person::LegalRep => "legal_rep",
            Person::Agent => "agent",
            Person::Payee => "payee",
            Person::Cadre => "cadre",
            Person::Relative => "relative",
        }
    }
    pub fn parse(s: &str) -> Option<Person> {
        Person::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// What a column holds.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Name(Person),
    Id(Person),
    /// A name column whose person is not yet known (bare 姓名); resolved per table.
    NameBare,
    /// An ID column whose person is not yet known (bare 身份证号); paired per table.
    IdBare,
    /// Wide register: a relative group such as 配偶 / 父亲 / 子女1.
    WideName(String),
    WideId(String),
    Township,
    Village,
    Group,
    Amount,
    Date,
    Program,
    Unit,
    RelationToHead,
    Contractor,
    Relation,
    CadreUnit,
    CadrePost,
    Address,
    Birth,
    Unmapped,
    /// Set by the config: the column is read but never used.
    Ignore,
}

impl Role {
    /// The role as `inspect` prints it, e.g. `name:beneficiary`.
    pub fn label(&self) -> String {
        match self {
            Role::Name(p) => format!("name:{}", p.as_str()),
            Role::Id(p) => format!("id:{}", p.as_str()),
            Role::NameBare => "name:?".into(),
            Role::IdBare => "id:?".into(),
            Role::WideName(t) => format!("name:relative:{t}"),
            Role::WideId(t) => format!("id:relative:{t}"),
            Role::Township => "township".into(),
            Role::Village => "village".into(),
            Role::Group => "group".into(),
            Role::Amount => "amount".into(),
            Role::Date => "date".into(),
            Role::Program => "program".into(),
            Role::Unit => "unit".into(),
            Role::RelationToHead => "relation_to_head".into(),
            Role::Contractor => "contractor".into(),
            Role::Relation => "relation".into(),
            Role::CadreUnit => "cadre_unit".into(),
            Role::CadrePost => "cadre_post".into(),
            Role::Address => "address".into(),
            Role::Birth => "birth".into(),
            Role::Unmapped => "unmapped".into(),
            Role::Ignore => "ignore".into(),
        }
    }

    /// Parse a role as written in `kinmatch.toml` (the same text `inspect` prints).
    pub fn parse(s: &str) -> Option<Role> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("name:relative:") {
            return Some(Role::WideName(rest.to_string()));
        }
        if let Some(rest) = s.strip_prefix("id:relative:") {
            return Some(Role::WideId(rest.to_string()));
        }
        if let Some(p) = s.strip_prefix("name:") {
            return Person::parse(p).map(Role::Name);
        }
        if let Some(p) = s.strip_prefix("id:") {
            return Person::parse(p).map(Role::Id);
        }
        Some(match s {
            "township" => Role::Township,
            "village" => Role::Village,
            "group" => Role::Group,
            "amount" => Role::Amount,
            "date" => Role::Date,
            "program" => Role::Program,
            "unit" => Role::Unit,
            "relation_to_head" => Role::RelationToHead,
            "contractor" => Role::Contractor,
            "relation" => Role::Relation,
            "cadre_unit" => Role::CadreUnit,
            "cadre_post" => Role::CadrePost,
            "address" => Role::Address,
            "birth" => Role::Birth,
            "unmapped" => Role::Unmapped,
            "ignore" => Role::Ignore,
            _ => return None,
        })
    }

    pub fn is_person(&self) -> bool {
        matches!(
            self,
            Role::Name(_) | Role::Id(_) | Role::NameBare | Role::IdBare | Role::WideName(_) | Role::WideId(_)
        )
    }
}

/// Words that say whose name or ID a column holds, as a prefix (户主姓名,
/// 监护人身份证号) or as a merged parent cell over 姓名 | 身份证号.
pub const PERSON_WORDS: &[(&str, Person)] = &[
    ("户主", Person::HouseholdHead),
    ("监护人", Person::Guardian),
    ("法定代表人", Person::LegalRep),
    ("法定代表", Person::LegalRep),
    ("法人代表", Person::LegalRep),
    ("法人", Person::LegalRep),
    ("承建人", Person::LegalRep),
    ("负责人", Person::LegalRep),
    ("项目负责人", Person::LegalRep),
    ("委托代理人", Person::Agent),
    ("代理人", Person::Agent),
    ("委托人", Person::Agent),
    ("持卡人", Person::Payee),
    ("收款人", Person::Payee),
    ("领款人", Person::Payee),
    ("代领人", Person::Payee),
    ("开户人", Person::Payee),
    ("家庭成员", Person::Member),
    ("共同生活家庭成员", Person::Member),
    ("成员", Person::Member),
    ("保障人口", Person::Member),
    ("学生", Person::Beneficiary),
    ("受益人", Person::Beneficiary),
    ("申请人", Person::Beneficiary),
    ("保障对象", Person::Beneficiary),
    ("补贴对象", Person::Beneficiary),
    ("补助对象", Person::Beneficiary),
    ("救助对象", Person::Beneficiary),
    ("资助对象", Person::Beneficiary),
    ("供养对象", Person::Beneficiary),
    ("享受人员", Person::Beneficiary),
    ("享受对象", Person::Beneficiary),
    ("领取人", Person::Beneficiary),
    ("受助人", Person::Beneficiary),
    ("务工人员", Person::Beneficiary),
    ("人员", Person::Beneficiary),
    ("干部", Person::Cadre),
    ("干部本人", Person::Cadre),
    ("亲属", Person::Relative),
];

/// The name part of a header: 姓名, or nothing when the person word stands alone (户主).
pub const NAME_WORDS: &[&str] = &["姓名", "名字", "名称", ""];

/// The ID part of a header.
pub const ID_WORDS: &[&str] = &[
    "身份证号码",
    "身份证号",
    "身份证",
    "公民身份号码",
    "公民身份证号码",
    "公民身份证号",
    "居民身份证号码",
    "居民身份证号",
    "身份号码",
    "证件号码",
    "证件号",
    "身份证件号码",
    "社会保障号码",
    "社会保障号",
    "社会保障卡号",
];

/// Context columns, matched on the cleaned header with brackets removed
/// (乡(镇) -> 乡镇) and, failing that, with bracketed text dropped.
pub const CONTEXT_WORDS: &[(&str, Role)] = &[
    ("乡镇", Role::Township),
    ("乡镇街道", Role::Township),
    ("镇街道", Role::Township),
    ("镇街", Role::Township),
    ("街道", Role::Township),
    ("乡", Role::Township),
    ("镇", Role::Township),
    ("乡镇名称", Role::Township),
    ("所属乡镇", Role::Township),
    ("所在乡镇", Role::Township),
    ("村", Role::Village),
    ("村社区", Role::Village),
    ("行政村", Role::Village),
    ("村居", Role::Village),
    ("社区", Role::Village),
    ("村名", Role::Village),
    ("所属村", Role::Village),
    ("所在村", Role::Village),
    ("村委会", Role::Village),
    ("村居委会", Role::Village),
    ("组", Role::Group),
    ("村民小组", Role::Group),
    ("小组", Role::Group),
    ("村民组", Role::Group),
    ("组别", Role::Group),
    ("社", Role::Group),
    ("项目名称", Role::Program),
    ("补贴项目", Role::Program),
    ("救助类别", Role::Program),
    ("救助类型", Role::Program),
    ("资金名称", Role::Program),
    ("资金类别", Role::Program),
    ("资助项目", Role::Program),
    ("补贴类型", Role::Program),
    ("补贴种类", Role::Program),
    ("保障类别", Role::Program),
    ("项目", Role::Program),
    ("审批单位", Role::Unit),
    ("发放单位", Role::Unit),
    ("主管部门", Role::Unit),
    ("主管单位", Role::Unit),
    ("填报单位", Role::Unit),
    ("审核单位", Role::Unit),
    ("审批部门", Role::Unit),
    ("审批机关", Role::Unit),
    ("与户主关系", Role::RelationToHead),
    ("与户主的关系", Role::RelationToHead),
    ("承建单位", Role::Contractor),
    ("施工单位", Role::Contractor),
    ("中标单位", Role::Contractor),
    ("承包单位", Role::Contractor),
    ("中标人", Role::Contractor),
    ("出生日期", Role::Birth),
    ("出生年月", Role::Birth),
];

/// Columns only a kinship register has.
pub const REGISTER_WORDS: &[(&str, Role)] = &[
    ("称谓", Role::Relation),
    ("与本人关系", Role::Relation),
    ("与本人的关系", Role::Relation),
    ("与干部关系", Role::Relation),
    ("与干部本人关系", Role::Relation),
    ("亲属关系", Role::Relation),
    ("亲属称谓", Role::Relation),
    ("关系", Role::Relation),
    ("家庭关系", Role::Relation),
    ("现居住地址或工作单位", Role::Address),
    ("现居住地或工作单位", Role::Address),
    ("现工作单位或住址", Role::Address),
    ("工作单位或住址", Role::Address),
    ("工作单位或居住地址", Role::Address),
    ("亲属住址", Role::Address),
    ("亲属工作单位或住址", Role::Address),
    ("现居住地址", Role::Address),
    ("居住地址", Role::Address),
    ("家庭住址", Role::Address),
    ("现住址", Role::Address),
    ("住址", Role::Address),
    ("地址", Role::Address),
    ("户籍地址", Role::Address),
    ("工作单位", Role::CadreUnit),
    ("单位", Role::CadreUnit),
    ("所在单位", Role::CadreUnit),
    ("单位名称", Role::CadreUnit),
    ("干部单位", Role::CadreUnit),
    ("干部工作单位", Role::CadreUnit),
    ("职务", Role::CadrePost),
    ("职级", Role::CadrePost),
    ("职务职级", Role::CadrePost),
    ("现任职务", Role::CadrePost),
    ("干部职务", Role::CadrePost),
];

/// Header words that hold an amount when they contain one of these.
const AMOUNT_HINTS: &[&str] = &["金额", "补助款", "补贴款", "救助金", "保障金", "资助金"];
/// Header words that hold a date when they contain one of these.
const DATE_HINTS: &[&str] = &["日期", "月份", "年月", "时间"];

/// NFKC, all whitespace removed (also U+3000 and line breaks).
pub fn clean_header(s: &str) -> String {
    clean_header_cow(s).into_owned()
}

/// [`clean_header`], borrowing `s` when cleaning leaves it as it is.
pub fn clean_header_cow(s: &str) -> Cow<'_, str> {
    // NFKC leaves ASCII and CJK unified ideographs as they are: the common
    // cell needs only its whitespace removed.
    let nfkc_stable = |c: char| c.is_ascii() || matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}');
    if s.chars().all(nfkc_stable) {
        if !s.chars().any(char::is_whitespace) {
            return Cow::Borrowed(s);
        }
        return Cow::Owned(s.chars().filter(|c| !c.is_whitespace()).collect());
    }
    Cow::Owned(s.nfkc().filter(|c| !c.is_whitespace() && !is_invisible(*c)).collect())
}

pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

/// `乡(镇)` -> `乡镇`; `身份证号码(18位)` -> (`身份证号码18位`, `身份证号码`).
fn bracket_variants(s: &str) -> (String, String) {
    let kept: String = s.chars().filter(|c| !"()[]【】〔〕<>《》".contains(*c)).collect();
    let mut dropped = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' | '[' | '【' | '〔' | '<' | '《' => depth += 1,
            ')' | ']' | '】' | '〕' | '>' | '》' => depth = (depth - 1).max(0),
            _ if depth == 0 => dropped.push(c),
            _ => {}
        }
    }
    (kept, dropped)
}

fn person_word(s: &str) -> Option<Person> {
    PERSON_WORDS.iter().find(|(w, _)| *w == s).map(|(_, p)| *p)
}

/// A relation term usable as a wide-register group prefix (配偶, 父亲, 子女1).
fn wide_group(prefix: &str) -> bool {
    !prefix.is_empty() && prefix.chars().count() <= 6 && parse_relation(prefix).relation != Relation::Other
}

/// Classify one (cleaned) header text. `parent` is the merged cell above it
/// in a two-row header, if any.
pub fn classify(text: &str, parent: Option<&str>) -> Role {
    // A header is a few words; a title or a `填报单位：…` line is not.
    let has_value_after_colon = text
        .split_once([':', '：'])
        .is_some_and(|(_, rest)| !rest.is_empty());
    if text.chars().count() > 30 || has_value_after_colon {
        return Role::Unmapped;
    }
    if let Some(p) = parent {
        let (pk, pd) = bracket_variants(p);
        let who = person_word(&pk).or_else(|| person_word(&pd));
        let child = classify(text, None);
        if let Some(who) = who {
            return match child {
                Role::NameBare | Role::Name(_) => Role::Name(who),
                Role::IdBare | Role::Id(_) => Role::Id(who),
                other => other,
            };
        }
        if wide_group(&pd) {
            return match child {
                Role::NameBare | Role::Name(_) => Role::WideName(pd),
                Role::IdBare | Role::Id(_) => Role::WideId(pd),
                other => other,
            };
        }
        if child != Role::Unmapped {
            return child;
        }
        return classify(&format!("{p}{text}"), None);
    }
    let (kept, dropped) = bracket_variants(text);
    for t in [&kept, &dropped] {
        if let Some(r) = classify_plain(t) {
            return r;
        }
    }
    Role::Unmapped
}

fn classify_plain(t: &str) -> Option<Role> {
    if t.is_empty() {
        return None;
    }
    // Person columns: [person word] + name word / ID word.
    for id in ID_WORDS {
        if let Some(prefix) = t.strip_suffix(id) {
            if prefix.is_empty() {
                return Some(Role::IdBare);
            }
            let prefix = prefix.trim_end_matches('的');
            if let Some(p) = person_word(prefix) {
                return Some(Role::Id(p));
            }
            if wide_group(prefix) {
                return Some(Role::WideId(prefix.to_string()));
            }
        }
    }
    for (w, role) in CONTEXT_WORDS.iter().chain(REGISTER_WORDS) {
        if *w == t {
            return Some(role.clone());
        }
    }
    for nw in NAME_WORDS {
        if let Some(prefix) = t.strip_suffix(nw) {
            if nw.is_empty() && prefix.is_empty() {
                continue;
            }
            if prefix.is_empty() {
                return Some(Role::NameBare);
            }
            let prefix = prefix.trim_end_matches('的');
            if let Some(p) = person_word(prefix) {
                return Some(Role::Name(p));
            }
            if !nw.is_empty() && wide_group(prefix) {
                return Some(Role::WideName(prefix.to_string()));
            }
        }
    }
    if matches!(t, "户名" | "名字") {
        return Some(Role::NameBare);
    }
    if AMOUNT_HINTS.iter().any(|h| t.contains(h)) {
        return Some(Role::Amount);
    }
    if DATE_HINTS.iter().any(|h| t.contains(h)) && !t.contains("出生") {
        return Some(Role::Date);
    }
    None
}

/// True when the header names amounts in 万元 (they are converted to 元).
pub fn is_wan_yuan(text: &str) -> bool {
    text.contains("万元")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("姓名", "name:?")]
    #[case("姓  名", "name:?")]
    #[case("户主姓名", "name:household_head")]
    #[case("受益人(姓名)", "name:beneficiary")]
    #[case("领取人", "name:beneficiary")]
    #[case("领款人", "name:payee")]
    #[case("申请人", "name:beneficiary")]
    #[case("保障对象姓名", "name:beneficiary")]
    #[case("补贴对象", "name:beneficiary")]
    #[case("救助对象", "name:beneficiary")]
    #[case("享受人员", "name:beneficiary")]
    #[case("持卡人", "name:payee")]
    #[case("收款人", "name:payee")]
    #[case("学生姓名", "name:beneficiary")]
    #[case("监护人姓名", "name:guardian")]
    #[case("法定代表人", "name:legal_rep")]
    #[case("委托代理人", "name:agent")]
    #[case("承建人", "name:legal_rep")]
    #[case("负责人", "name:legal_rep")]
    #[case("家庭成员姓名", "name:member")]
    #[case("身份证号", "id:?")]
    #[case("身份证\n号码", "id:?")]
    #[case("公民身份号码", "id:?")]
    #[case("证件号码", "id:?")]
    #[case("身份号码", "id:?")]
    #[case("居民身份证号", "id:?")]
    #[case("社会保障号码", "id:?")]
    #[case("身份证号码（18位）", "id:?")]
    #[case("户主身份证号", "id:household_head")]
    #[case("监护人身份证号", "id:guardian")]
    #[case("持卡人身份证号", "id:payee")]
    #[case("乡镇", "township")]
    #[case("乡(镇)", "township")]
    #[case("镇(街道)", "township")]
    #[case("乡镇（街道）", "township")]
    #[case("村", "village")]
    #[case("村(社区)", "village")]
    #[case("行政村", "village")]
    #[case("村社区", "village")]
    #[case("组", "group")]
    #[case("村民小组", "group")]
    #[case("社", "group")]
    #[case("金额", "amount")]
    #[case("发放金额", "amount")]
    #[case("补助金额（万元）", "amount")]
    #[case("补贴金额", "amount")]
    #[case("救助金额（元）", "amount")]
    #[case("保障金额", "amount")]
    #[case("合同金额(万元)", "amount")]
    #[case("发放日期", "date")]
    #[case("发放月份", "date")]
    #[case("支付日期", "date")]
    #[case("验收日期", "date")]
    #[case("项目名称", "program")]
    #[case("补贴项目", "program")]
    #[case("救助类别", "program")]
    #[case("资金名称", "program")]
    #[case("审批单位", "unit")]
    #[case("发放单位", "unit")]
    #[case("主管部门", "unit")]
    #[case("填报单位", "unit")]
    #[case("与户主关系", "relation_to_head")]
    #[case("承建单位", "contractor")]
    #[case("施工单位", "contractor")]
    #[case("中标单位", "contractor")]
    #[case("称谓", "relation")]
    #[case("与本人关系", "relation")]
    #[case("工作单位", "cadre_unit")]
    #[case("职务", "cadre_post")]
    #[case("现居住地址或工作单位", "address")]
    #[case("干部姓名", "name:cadre")]
    #[case("亲属姓名", "name:relative")]
    #[case("干部身份证号", "id:cadre")]
    #[case("亲属身份证号", "id:relative")]
    #[case("配偶姓名", "name:relative:配偶")]
    #[case("父亲身份证号", "id:relative:父亲")]
    #[case("子女1姓名", "name:relative:子女1")]
    #[case("出生日期", "birth")]
    #[case("序号", "unmapped")]
    #[case("填报单位：县民政局单位：元日期：2024-10-31", "unmapped")]
    fn header_words(#[case] header: &str, #[case] want: &str) {
        assert_eq!(classify(&clean_header(header), None).label(), want, "{header}");
    }

    #[rstest]
    #[case("户主", "姓名", "name:household_head")]
    #[case("户主", "身份证号", "id:household_head")]
    #[case("法定代表人", "身份证号码", "id:legal_rep")]
    #[case("委托代理人", "姓名", "name:agent")]
    #[case("家庭成员", "姓名", "name:member")]
    #[case("配偶", "姓名", "name:relative:配偶")]
    #[case("家庭成员", "与户主关系", "relation_to_head")]
    fn two_row_headers(#[case] parent: &str, #[case] child: &str, #[case] want: &str) {
        assert_eq!(classify(child, Some(parent)).label(), want);
    }

    proptest::proptest! {
        #[test]
        fn clean_header_fast_path_equals_nfkc(s in "[ -~\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{3000}]{0,12}") {
            let slow: String = s.nfkc().filter(|c| !c.is_whitespace() && !is_invisible(*c)).collect();
            proptest::prop_assert_eq!(clean_header(&s), slow);
        }
    }

    #[test]
    fn a_huge_cell_is_not_a_header() {
        let big = "姓名".repeat(50_000);
        assert_eq!(classify(&big, None), Role::Unmapped);
    }

    #[test]
    fn role_labels_round_trip() {
        for l in ["name:beneficiary", "id:guardian", "name:relative:配偶", "township", "ignore"] {
            assert_eq!(Role::parse(l).map(|r| r.label()).as_deref(), Some(l));
        }
    }
}
