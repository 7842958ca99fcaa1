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
    /// Another person of the row, named by a qualifier the tables do not list
    /// (照料人, 帮扶人, 项目总监 …): the n-th such qualifier of the table, from 1.
    Other(u8),
    /// Someone who handled the record (经办人, 创建人, 编制人 …): read, never matched.
    Staff(u8),
}

impl Person {
    /// The persons with a fixed meaning (not [`Person::Other`] / [`Person::Staff`]).
    pub const FIXED: [Person; 9] = [
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
    pub fn as_str(self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Person::Beneficiary => "beneficiary",
            Person::HouseholdHead => "household_head",
            Person::Member => "member",
            Person::Guardian => "guardian",
            Person::LegalRep => "legal_rep",
            Person::Agent => "agent",
            Person::Payee => "payee",
            Person::Cadre => "cadre",
            Person::Relative => "relative",
            Person::Other(n) => return Cow::Owned(format!("other{n}")),
            Person::Staff(n) => return Cow::Owned(format!("staff{n}")),
        })
    }
    pub fn parse(s: &str) -> Option<Person> {
        if let Some(n) = s.strip_prefix("other").and_then(|n| n.parse().ok()) {
            return Some(Person::Other(n));
        }
        if let Some(n) = s.strip_prefix("staff").and_then(|n| n.parse().ok()) {
            return Some(Person::Staff(n));
        }
        Person::FIXED.into_iter().find(|p| p.as_str() == s)
    }
    /// Write an optional person as `hits.csv` does: its [`Person::as_str`] name, or "".
    pub fn ser_opt<S: serde::Serializer>(p: &Option<Person>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(p.as_ref().map(|p| p.as_str()).as_deref().unwrap_or(""))
    }
    /// Read an optional person by its [`Person::as_str`] name; "" (and a name
    /// that is none, from a hand-made hits.csv) is `None`.
    pub fn de_opt<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Person>, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Ok(Person::parse(&s))
    }
    /// Whether a roll person of this kind is matched against the register.
    pub fn is_matched(self) -> bool {
        !matches!(self, Person::Staff(_))
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
    /// A name column of a person the word tables do not list (照料人姓名, 帮扶人):
    /// the qualifier, resolved per table to [`Person::Other`] or [`Person::Staff`].
    NameQualified(String),
    /// An ID column of such a person (照料人身份证号).
    IdQualified(String),
    /// Wide register: a relative group such as 配偶 / 父亲 / 子女1.
    WideName(String),
    WideId(String),
    /// Wide register of numbered groups (关系1 | 姓名1 | 身份证号1 | 关系2 …):
    /// the group's relation column; its groups are `#1`, `#2` ….
    WideRelation(String),
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
    Sex,
    /// 序号 / 编号: a row's number in the list.
    Seq,
    Phone,
    /// Bank account, card or certificate number: never an ID, never a name.
    Account,
    /// 学籍号: the national student number, `G` + the student's ID number when
    /// the student has one. Never an ID column itself; a student whose ID cell is
    /// empty is identified by the ID it carries.
    StudentNo,
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
            Role::NameQualified(q) => format!("name:?{q}"),
            Role::IdQualified(q) => format!("id:?{q}"),
            Role::WideName(t) => format!("name:relative:{t}"),
            Role::WideId(t) => format!("id:relative:{t}"),
            Role::WideRelation(t) => format!("relation:{t}"),
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
            Role::Sex => "sex".into(),
            Role::Seq => "seq".into(),
            Role::Phone => "phone".into(),
            Role::Account => "account".into(),
            Role::StudentNo => "student_no".into(),
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
        if let Some(rest) = s.strip_prefix("relation:") {
            return Some(Role::WideRelation(rest.to_string()));
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
            "sex" => Role::Sex,
            "seq" => Role::Seq,
            "phone" => Role::Phone,
            "account" => Role::Account,
            "student_no" => Role::StudentNo,
            "unmapped" => Role::Unmapped,
            "ignore" => Role::Ignore,
            _ => return None,
        })
    }

    pub fn is_person(&self) -> bool {
        matches!(
            self,
            Role::Name(_)
                | Role::Id(_)
                | Role::NameBare
                | Role::IdBare
                | Role::NameQualified(_)
                | Role::IdQualified(_)
                | Role::WideName(_)
                | Role::WideId(_)
        )
    }

    pub fn is_id(&self) -> bool {
        matches!(self, Role::Id(_) | Role::IdBare | Role::IdQualified(_) | Role::WideId(_))
    }

    pub fn is_name(&self) -> bool {
        self.is_person() && !self.is_id()
    }
}

/// Words that say whose name or ID a column holds, as a prefix (户主姓名,
/// 监护人身份证号), alone (户主, 收款人), or as a merged parent cell over
/// 姓名 | 身份证号. Matched whole; see [`qualifier_person`] for the parts.
pub const PERSON_WORDS: &[(&str, Person)] = &[
    ("户主", Person::HouseholdHead),
    ("户主本人", Person::HouseholdHead),
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
    ("账户", Person::Payee),
    ("帐户", Person::Payee),
    ("银行账户", Person::Payee),
    ("银行帐户", Person::Payee),
    ("收款账户", Person::Payee),
    ("收款帐户", Person::Payee),
    ("账户户名", Person::Payee),
    ("户名", Person::Payee),
    ("一卡通", Person::Payee),
    ("一卡通户名", Person::Payee),
    ("社保卡", Person::Payee),
    ("家庭成员", Person::Member),
    ("共同生活家庭成员", Person::Member),
    ("成员", Person::Member),
    ("保障人口", Person::Member),
    ("核对成员", Person::Member),
    ("学生", Person::Beneficiary),
    ("受益人", Person::Beneficiary),
    ("受益户", Person::Beneficiary),
    ("受益对象", Person::Beneficiary),
    ("享受人", Person::Beneficiary),
    ("申请人", Person::Beneficiary),
    ("主申请人", Person::Beneficiary),
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
    ("受助人员", Person::Beneficiary),
    ("务工人员", Person::Beneficiary),
    ("人员", Person::Beneficiary),
    ("对象", Person::Beneficiary),
    ("客户", Person::Beneficiary),
    ("农户", Person::Beneficiary),
    ("种植户", Person::Beneficiary),
    ("承包户", Person::Beneficiary),
    ("承包方", Person::Beneficiary),
    ("承包方代表", Person::Beneficiary),
    ("承包人", Person::Beneficiary),
    ("上岗人员", Person::Beneficiary),
    ("参保人", Person::Beneficiary),
    ("患者", Person::Beneficiary),
    ("残疾人", Person::Beneficiary),
    ("脱贫户", Person::Beneficiary),
    ("监测户", Person::Beneficiary),
    ("家长", Person::Guardian),
    ("干部", Person::Cadre),
    ("干部本人", Person::Cadre),
    ("党员干部", Person::Cadre),
    ("本人", Person::Cadre),
    ("工作人员", Person::Cadre),
    ("职工", Person::Cadre),
    ("报告人", Person::Cadre),
    ("亲属", Person::Relative),
    ("家人", Person::Relative),
    ("家属", Person::Relative),
];

/// Parts of a qualifier that make it the official (领导干部, 干部本人, 公职人员) or a
/// relative (亲属成员, 家庭成员) when the whole word is not in [`PERSON_WORDS`].
const CADRE_PARTS: &[&str] = &["干部", "本人", "领导", "党员", "工作人员", "公职人员", "职工", "报告人", "公务员"];
const RELATIVE_PARTS: &[&str] = &["亲属", "家属", "家人", "家庭成员"];

/// Qualifiers of people who handled the record, not people it is about.
const STAFF_WORDS: &[&str] = &[
    "经办人", "创建人", "创建者", "数据创建者", "更新人", "修改人", "编制人", "审核人", "复核人", "审批人", "录入人", "填表人",
    "制表人", "操作员", "操作人", "核查人", "调查人", "登记人", "联系人", "签发人",
];

/// The name part of a header. 名称 / 全称 / 户名 name a person only after a person's word
/// (客户名称, 收款人全称, 银行账户名称); 学校名称 and 企业名称 are not names.
const NAME_FIELDS: &[(&str, bool)] = &[("姓名", true), ("名字", true), ("全称", false), ("名称", false), ("户名", false)];

/// The ID part of a header (longest first where one ends another).
pub const ID_WORDS: &[&str] = &[
    "公民身份证号码",
    "居民身份证号码",
    "身份证件号码",
    "身份证明号码",
    "公民身份证号",
    "居民身份证号",
    "社会保障号码",
    "社会保障卡号",
    "公民身份号码",
    "身份证号码",
    "社会保障号",
    "身份证号",
    "身份号码",
    "证件号码",
    "身份证",
    "证件号",
];

/// Endings that make a header a number that is not an ID (银行账号, 残疾证号, 户编号).
const ACCOUNT_ENDINGS: &[&str] =
    &["账号", "帐号", "卡号", "证号", "编号", "编码", "代码", "注册号", "号牌号码", "登记号", "学籍号", "账户号"];
/// 学籍号 / 全国学籍号 / 学籍编号 (before the account endings, which hold 学籍号 too).
const STUDENT_NO_ENDINGS: &[&str] = &["学籍号", "学籍编号", "学籍号码"];
const PHONE_WORDS: &[&str] = &["电话", "手机", "联系方式", "手机号", "手机号码", "联系电话", "电话号码"];

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
    ("所在镇", Role::Township),
    ("所属镇", Role::Township),
    ("所属街", Role::Township),
    ("所属街道", Role::Township),
    ("乡镇办", Role::Township),
    ("镇办", Role::Township),
    ("村", Role::Village),
    ("村社区", Role::Village),
    ("行政村", Role::Village),
    ("村居", Role::Village),
    ("社区", Role::Village),
    ("村名", Role::Village),
    ("所属村", Role::Village),
    ("所在村", Role::Village),
    ("所属社区", Role::Village),
    ("所属社", Role::Village),
    ("村委会", Role::Village),
    ("村居委会", Role::Village),
    ("村社区名称", Role::Village),
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
    ("资金项目", Role::Program),
    ("资助项目", Role::Program),
    ("补贴类型", Role::Program),
    ("补贴种类", Role::Program),
    ("保障类别", Role::Program),
    ("追缴类别", Role::Program),
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
    ("中标单位名称", Role::Contractor),
    ("出生日期", Role::Birth),
    ("出生年月", Role::Birth),
    ("出生年月日", Role::Birth),
    ("性别", Role::Sex),
    ("序号", Role::Seq),
    ("序", Role::Seq),
    ("编号", Role::Seq),
    ("顺序号", Role::Seq),
    ("NO", Role::Seq),
    ("No", Role::Seq),
];

/// Field codes that database exports put in the header instead of words
/// (the pinyin initials of 姓名, 公民身份号码 …, and a few English names),
/// matched case-insensitively on an ASCII header. The cells confirm or
/// overturn them like any header.
pub const FIELD_CODES: &[(&str, Role)] = &[
    ("xm", Role::NameBare),
    ("name", Role::NameBare),
    ("gmsfhm", Role::IdBare),
    ("sfzh", Role::IdBare),
    ("sfzhm", Role::IdBare),
    ("zjhm", Role::IdBare),
    ("sfzjhm", Role::IdBare),
    ("idcard", Role::IdBare),
    ("id_card", Role::IdBare),
    ("idno", Role::IdBare),
    ("id_no", Role::IdBare),
    ("hzxm", Role::Name(Person::HouseholdHead)),
    ("hzsfzh", Role::Id(Person::HouseholdHead)),
    ("xb", Role::Sex),
    ("sex", Role::Sex),
    ("gender", Role::Sex),
    ("csrq", Role::Birth),
    ("birthday", Role::Birth),
    ("je", Role::Amount),
    ("ffje", Role::Amount),
    ("bzje", Role::Amount),
    ("amount", Role::Amount),
    ("lxdh", Role::Phone),
    ("sjhm", Role::Phone),
    ("phone", Role::Phone),
    ("yhzh", Role::Account),
    ("yhkh", Role::Account),
    ("zz", Role::Address),
    ("dz", Role::Address),
    ("jzdz", Role::Address),
    ("hjdz", Role::Address),
    ("address", Role::Address),
    ("xzmc", Role::Township),
    ("cmc", Role::Village),
    ("yhzgx", Role::RelationToHead),
    ("xh", Role::Seq),
    // The cadre-information system's item codes (干部信息系统, 组工系统): the
    // A01 set is the cadre, the A36 set his family members.
    ("a0101", Role::Name(Person::Cadre)),
    ("a0184", Role::Id(Person::Cadre)),
    ("a0192a", Role::CadreUnit),
    ("a0192", Role::CadreUnit),
    ("a3601", Role::Name(Person::Relative)),
    ("a3604a", Role::Relation),
    ("a3604", Role::Relation),
    ("a3607", Role::Birth),
    ("a3684", Role::Id(Person::Relative)),
    // Pinyin initials of a hand-made export (GBXM 干部姓名, QSSFZH 亲属身份证号,
    // YBRGX 与本人关系, DWMC 单位名称).
    ("gbxm", Role::Name(Person::Cadre)),
    ("gbsfzh", Role::Id(Person::Cadre)),
    ("gbsfzhm", Role::Id(Person::Cadre)),
    ("qsxm", Role::Name(Person::Relative)),
    ("qssfzh", Role::Id(Person::Relative)),
    ("qssfzhm", Role::Id(Person::Relative)),
    ("jtcyxm", Role::Name(Person::Relative)),
    ("ybrgx", Role::Relation),
    ("gx", Role::Relation),
    ("cw", Role::Relation),
    ("dwmc", Role::CadreUnit),
    ("gzdw", Role::CadreUnit),
    ("zw", Role::CadrePost),
];

/// English headers of an export (`Official ID`, `Relative Name`, `ID Number`),
/// read as [qualifier] + field like the Chinese ones, lower-cased with spaces
/// and punctuation dropped.
const EN_PERSONS: &[(&str, Person)] = &[
    ("official", Person::Cadre),
    ("cadre", Person::Cadre),
    ("employee", Person::Cadre),
    ("relative", Person::Relative),
    ("familymember", Person::Relative),
    ("member", Person::Member),
    ("beneficiary", Person::Beneficiary),
    ("recipient", Person::Beneficiary),
    ("applicant", Person::Beneficiary),
    ("claimant", Person::Beneficiary),
    ("householdhead", Person::HouseholdHead),
    ("householder", Person::HouseholdHead),
    ("head", Person::HouseholdHead),
    ("guardian", Person::Guardian),
    ("payee", Person::Payee),
    ("legalrepresentative", Person::LegalRep),
    ("agent", Person::Agent),
];
const EN_ID_FIELDS: &[&str] = &["idcardnumber", "idcardno", "idnumber", "idcard", "nationalid", "idno", "id"];
const EN_NAME_FIELDS: &[&str] = &["fullname", "name"];
const EN_OTHER: &[(&str, Role)] = &[
    ("relation", Role::Relation),
    ("relationship", Role::Relation),
    ("village", Role::Village),
    ("township", Role::Township),
    ("town", Role::Township),
    ("unit", Role::CadreUnit),
    ("workunit", Role::CadreUnit),
    ("employer", Role::CadreUnit),
    ("post", Role::CadrePost),
    ("position", Role::CadrePost),
];

fn classify_english(t: &str) -> Option<Role> {
    let k: String = t.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    if let Some((_, r)) = EN_OTHER.iter().find(|(w, _)| *w == k) {
        return Some(r.clone());
    }
    let person = |q: &str| EN_PERSONS.iter().find(|(w, _)| *w == q).map(|(_, p)| *p);
    for (fields, id) in [(EN_ID_FIELDS, true), (EN_NAME_FIELDS, false)] {
        for f in fields {
            let Some(q) = k.strip_suffix(f) else { continue };
            let q = q.strip_suffix("s").filter(|q| person(q).is_some()).unwrap_or(q);
            match (q.is_empty(), person(q), id) {
                (true, _, true) => return Some(Role::IdBare),
                (true, _, false) => return Some(Role::NameBare),
                (false, Some(p), true) => return Some(Role::Id(p)),
                (false, Some(p), false) => return Some(Role::Name(p)),
                _ => {}
            }
        }
    }
    person(&k).map(Role::Name)
}

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
    ("本人单位", Role::CadreUnit),
    ("本人工作单位", Role::CadreUnit),
    ("职务", Role::CadrePost),
    ("职级", Role::CadrePost),
    ("职务职级", Role::CadrePost),
    ("现任职务", Role::CadrePost),
    ("干部职务", Role::CadrePost),
    ("本人职务", Role::CadrePost),
];

/// The input of another comparison, recognised among the rolls by its
/// columns: its rows are not read as beneficiaries, and `run` uses the file
/// as that input (as if given with its option).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OtherInput {
    /// 死亡 / 火化 / 户口注销 records (`--deaths`).
    Deaths,
    /// 机动车登记 (`--vehicles`).
    Vehicles,
    /// 财政供养人员花名册 (`--payroll`).
    Payroll,
    /// 市场主体登记, 股东及出资, 主要人员 (`--registry`).
    Registry,
    /// 社会组织负责人备案 / 兼职登记 (`--orgs`).
    Orgs,
    /// Cadres' declarations of relatives' businesses (`--declarations`; set in `kinmatch.toml` only).
    Declarations,
    /// Retired cadres (`--retired`; set in `kinmatch.toml` only).
    Retired,
}

impl OtherInput {
    pub const ALL: [OtherInput; 7] = [
        OtherInput::Deaths,
        OtherInput::Vehicles,
        OtherInput::Payroll,
        OtherInput::Registry,
        OtherInput::Orgs,
        OtherInput::Declarations,
        OtherInput::Retired,
    ];

    /// The input of this [`OtherInput::as_str`] name.
    pub fn from_name(name: &str) -> Option<OtherInput> {
        OtherInput::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Its name in the manifest and in `kinmatch.toml` (`kind = "deaths"`).
    pub fn as_str(self) -> &'static str {
        match self {
            OtherInput::Deaths => "deaths",
            OtherInput::Vehicles => "vehicles",
            OtherInput::Payroll => "payroll",
            OtherInput::Registry => "registry",
            OtherInput::Orgs => "orgs",
            OtherInput::Declarations => "declarations",
            OtherInput::Retired => "retired",
        }
    }

    /// The `run` option that gives this input.
    pub fn option(self) -> &'static str {
        match self {
            OtherInput::Deaths => "--deaths",
            OtherInput::Vehicles => "--vehicles",
            OtherInput::Payroll => "--payroll",
            OtherInput::Registry => "--registry",
            OtherInput::Orgs => "--orgs",
            OtherInput::Declarations => "--declarations",
            OtherInput::Retired => "--retired",
        }
    }

    /// Whether it is one of the 虚报冒领 exclusion registers (the rolls' persons are compared with it).
    pub fn is_exclusion(self) -> bool {
        matches!(self, OtherInput::Deaths | OtherInput::Vehicles | OtherInput::Payroll)
    }
}

/// How a table of another input kind is told from a roll, by header words
/// only it has.
pub struct OtherInputRule {
    pub input: OtherInput,
    /// Header words (contained in the cleaned header) only this input has.
    pub words: &'static [&'static str],
    /// How many different words of the list the header must hold.
    pub at_least: usize,
    /// Whether a table with an amount or program column can still be this
    /// input: a roll pays, so a death list with 丧葬补助金额 is a roll; an
    /// association filing names the pay drawn and is still a filing.
    pub even_with_amount: bool,
    /// Words in a file's name that make it this input when its columns do not
    /// tell and no sheet pays (工资统发.xlsx: 单位, 姓名, 身份证号, 职务, 身份).
    pub file_words: &'static [&'static str],
}

/// The inputs of other comparisons, tried in this order (a vehicle register
/// names 注销日期 too, so it comes before the death list).
pub const OTHER_INPUTS: &[OtherInputRule] = &[
    OtherInputRule {
        input: OtherInput::Vehicles,
        words: &["号牌", "车牌", "车主", "车辆识别代号", "车架号", "发动机号"],
        at_least: 1,
        even_with_amount: false,
        file_words: &["机动车", "车辆登记", "车辆信息"],
    },
    OtherInputRule {
        input: OtherInput::Deaths,
        words: &["死亡", "火化", "去世", "逝世", "亡故", "逝者", "死者", "注销原因", "注销类别", "户口注销"],
        at_least: 1,
        even_with_amount: false,
        file_words: &["死亡", "火化", "殡仪", "户口注销", "户籍注销", "去世"],
    },
    OtherInputRule {
        input: OtherInput::Payroll,
        // Not 财政供养 alone: a 低保 household check summary has a 财政供养人员 column (its result).
        words: &["编制类型", "编制性质", "编制情况", "是否在编", "经费形式", "预算单位", "人员性质"],
        at_least: 1,
        even_with_amount: false,
        file_words: &["财政供养", "工资统发", "在编人员", "编制人员", "公职人员", "机关事业单位工作人员"],
    },
    OtherInputRule {
        input: OtherInput::Payroll,
        // A salary sheet (岗位工资 | 薪级工资 | 应发合计 | 实发合计 …) pays wages, not a benefit.
        words: &["岗位工资", "薪级工资", "基础性绩效", "奖励性绩效", "应发合计", "实发合计", "应发工资", "实发工资", "住房公积金", "个人所得税", "基本工资", "职务工资", "级别工资"],
        at_least: 3,
        even_with_amount: true,
        file_words: &["工资发放", "工资表"],
    },
    OtherInputRule {
        input: OtherInput::Registry,
        // 统一社会信用代码 alone is a contractors' roll's too (the 法定代表人 of a project's contractor is a roll person).
        words: &[
            "统一社会信用代码",
            "经营范围",
            "业务范围",
            "出资总额",
            "登记机关",
            "登记状态",
            "注册资本",
            "企业类型",
            "市场主体类型",
            "出资比例",
            "持股比例",
            "认缴出资",
            "出资方式",
            "核准日期",
            "经营状态",
            // 个体工商户
            "组成形式",
            "字号名称",
            "经营场所",
        ],
        at_least: 2,
        even_with_amount: false,
        file_words: &["市场主体", "企业登记", "工商登记", "企业信息", "个体工商户", "个体户"],
    },
    OtherInputRule {
        input: OtherInput::Orgs,
        words: &[
            "业务主管单位",
            "社会组织名称",
            "社团名称",
            "社会团体名称",
            "届次",
            "是否领取报酬",
            "是否取酬",
            "兼任职务",
            "社团职务",
            "兼职单位",
            "担任职务",
            "任职开始",
            "任职状态",
        ],
        at_least: 2,
        even_with_amount: true,
        file_words: &["社会组织", "社团兼职", "兼职取酬", "社团组织"],
    },
    OtherInputRule {
        input: OtherInput::Declarations,
        // A cadre's declaration of a relative's business (干部姓名, 亲属姓名,
        // 企业名称, 统一社会信用代码, 出资额 / 职务): the enterprise beside the
        // declaring words; its 出资额 is no payment.
        // Headers are compared NFKC-cleaned: 企业（个体户）名称 reads 企业(个体户)名称.
        words: &["干部姓名", "申报人", "申报日期", "是否申报", "申报情况", "经商办企业", "企业名称", "企业(个体户)名称", "经营主体名称", "投资情况", "从业情况"],
        at_least: 2,
        even_with_amount: true,
        file_words: &["经商办企业"],
    },
    OtherInputRule {
        input: OtherInput::Retired,
        // 退休干部名单 (姓名, 身份证号, 原单位, 原职级, 退休时间); a pension roll pays and stays a roll.
        words: &["退休时间", "退休日期", "退休年月", "原单位", "原工作单位", "原职级", "原职务", "退休前职务"],
        at_least: 2,
        even_with_amount: false,
        file_words: &["退休干部"],
    },
];

/// The other input a table is, by its (cleaned) headers.
pub fn other_input<'a>(headers: impl Iterator<Item = &'a str>, has_amount: bool) -> Option<OtherInput> {
    let hs: Vec<&str> = headers.collect();
    OTHER_INPUTS
        .iter()
        .find(|r| {
            (r.even_with_amount || !has_amount) && r.words.iter().filter(|w| hs.iter().any(|h| h.contains(*w))).count() >= r.at_least
        })
        .map(|r| r.input)
}

/// The other input a file is by its name, when its columns do not tell and
/// no sheet pays.
pub fn other_input_by_name(file: &str) -> Option<OtherInput> {
    let name = file.rsplit('/').next().unwrap_or(file);
    OTHER_INPUTS.iter().find(|r| r.file_words.iter().any(|w| name.contains(w))).map(|r| r.input)
}

/// Header endings that make a column an address, whatever qualifies them
/// (家属户籍地址, 亲属现住址, 户籍所在地).
const ADDRESS_ENDINGS: &[&str] = &["住址", "地址", "居住地", "户籍地", "户籍所在地", "现住地", "户口所在地"];
/// Header words that hold an amount when they contain one of these.
const AMOUNT_HINTS: &[&str] = &[
    "金额", "补助款", "补贴款", "救助金", "保障金", "资助金", "补助金", "补贴金", "发放额", "补助额", "补贴额", "救助额", "供养金", "补助资金",
    "补贴资金", "救助资金", "资助资金", "奖补资金", "贴息",
];
/// Which of several amount columns is what the program pays: 0 for words of
/// a payment (补助, 贴息, 实发), 2 for a sum that is not paid out (贷款金额,
/// 购机价格, 工程总价), 1 otherwise.
pub fn amount_rank(header: &str) -> u8 {
    const PAID: &[&str] = &["补助", "补贴", "救助", "资助", "贴息", "实发", "发放", "保障金", "奖补"];
    const NOT_PAID: &[&str] = &["贷款", "借款", "价格", "售价", "总价", "总额", "合同", "标准"];
    if PAID.iter().any(|w| header.contains(w)) {
        0
    } else if NOT_PAID.iter().any(|w| header.contains(w)) {
        2
    } else {
        1
    }
}

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

/// Marks around a header word that say nothing about the column: the asterisk
/// of a required field, a leading `1.` or `①`, a trailing colon.
fn strip_marks(s: &str) -> &str {
    let s = s.trim_matches(|c: char| "*＊※★☆#△▲●·.:：、".contains(c));
    let s = s.trim_start_matches(|c: char| c.is_ascii_digit() || ('\u{2460}'..='\u{2473}').contains(&c));
    s.trim_matches(|c: char| "*＊※★☆#△▲●·.:：、".contains(c))
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

/// Whose column a qualifier names: a word of the table, a word containing the
/// official's or a relative's part, or None (another person, or not a person).
pub fn qualifier_person(q: &str) -> Option<Person> {
    person_word(q)
        .or_else(|| CADRE_PARTS.iter().any(|w| q.contains(w)).then_some(Person::Cadre))
        .or_else(|| RELATIVE_PARTS.iter().any(|w| q.contains(w)).then_some(Person::Relative))
}

/// A qualifier of someone who handled the record (经办人, 数据创建者).
pub fn is_staff(q: &str) -> bool {
    STAFF_WORDS.iter().any(|w| q == *w || q.ends_with(w))
}

/// A word that names a person by its ending (照料人, 逝者, 被追缴人, 项目经理,
/// 安全员, 总监理工程师).
fn person_like(q: &str) -> bool {
    let n = q.chars().count();
    // A job grade (科员, 一级科员, 办事员) or a unit with a post (县民政局科员, a
    // form's 现任职务 cell) names no person's column.
    let post = (q.ends_with('员') || q.ends_with('师'))
        && (["科员", "办事员", "职员", "公务员", "党员", "团员", "委员"].iter().any(|g| q.ends_with(g))
            || ["局", "委", "政府", "办", "院", "中心", "乡", "镇"].iter().any(|u| q.contains(u)));
    !post
        && (1..=8).contains(&n)
        && (q.ends_with('人')
            || q.ends_with('者')
            || q.ends_with("对象")
            || q.ends_with("经理")
            || q.ends_with("总监")
            || q.ends_with("人员")
            || q.ends_with('户')
            || q.ends_with("助理")
            || q.ends_with('员')
            || q.ends_with('师'))
}

/// A header that names a person by its ending alone (承租他人, 失业人员, 伤残军人),
/// without 姓名 or a word of the tables: a name column only if its cells are names.
/// Headers of a relative's workplace that registers fill with where the
/// relative lives (工作单位及职务: 白沙乡高峰村村民): a few such cells decide.
pub const WORKPLACE_WORDS: &[&str] = &["工作单位及职务", "工作单位和职务", "单位及职务", "工作单位及职务或住址", "现工作单位及职务", "工作单位职务", "工作或学习单位"];

/// Is the header a relative's workplace ([`WORKPLACE_WORDS`])?
pub fn workplace_header(text: &str) -> bool {
    let t = strip_marks(text);
    WORKPLACE_WORDS.contains(&t)
}

pub fn weak_person_header(text: &str) -> bool {
    let t = strip_marks(text);
    person_like(t)
        && person_word(t).is_none()
        && !is_staff(t)
        && !NAME_FIELDS.iter().any(|(w, _)| t.ends_with(w))
        && !ID_WORDS.iter().any(|w| t.contains(w))
        && !t.ends_with("经理")
        && !t.ends_with("总监")
}

/// A relation term usable as a wide-register group prefix (配偶, 父亲, 子女1).
fn wide_group(prefix: &str) -> bool {
    !prefix.is_empty() && prefix.chars().count() <= 6 && parse_relation(prefix).relation != Relation::Other
}

/// The role of a person column given its qualifier (`""` for none).
fn person_role(prefix: &str, id: bool) -> Option<Role> {
    let q = prefix.trim_end_matches('的');
    if q.is_empty() {
        return Some(if id { Role::IdBare } else { Role::NameBare });
    }
    if let Some(p) = person_word(q) {
        return Some(if id { Role::Id(p) } else { Role::Name(p) });
    }
    if wide_group(q) {
        return Some(if id { Role::WideId(q.to_string()) } else { Role::WideName(q.to_string()) });
    }
    if let Some(p) = qualifier_person(q) {
        return Some(if id { Role::Id(p) } else { Role::Name(p) });
    }
    Some(if id { Role::IdQualified(q.to_string()) } else { Role::NameQualified(q.to_string()) })
}

/// `key：value` with a value: a form line or a title, never a header word.
pub fn has_form_value(text: &str) -> bool {
    text.split_once([':', '：']).is_some_and(|(_, rest)| !strip_marks(rest).is_empty())
}

/// Classify one (cleaned) header text. `parent` is the merged cell above it
/// in a two-row header, if any.
pub fn classify(text: &str, parent: Option<&str>) -> Role {
    // A header is a few words; a title or a `填报单位：…` line is not. A note
    // in brackets (与本人关系（如：妻子、儿子）) is no form value.
    let outside = bracket_variants(text).1;
    if outside.chars().count() > 30 || has_form_value(&outside) {
        return Role::Unmapped;
    }
    if let Some(p) = parent {
        let (pk, pd) = bracket_variants(strip_marks(p));
        // 配偶情况, 子女信息, 本人基本情况: the group is the word before.
        let group = |t: String| -> String {
            ["基本情况", "基本信息", "情况", "信息"].iter().find_map(|x| t.strip_suffix(x).filter(|r| !r.is_empty()).map(str::to_string)).unwrap_or(t)
        };
        let (pk, pd) = (group(pk), group(pd));
        let who = person_word(&pk).or_else(|| person_word(&pd)).or_else(|| qualifier_person(&pd));
        // 身份证号码 over 前6位 | 中间8位 | 后4位: parts of the parent's field.
        if text.ends_with('位') && text.chars().any(|c| c.is_ascii_digit()) && text.chars().count() <= 6 {
            return classify(p, None);
        }
        let child = classify(text, None);
        let is_name = matches!(child, Role::NameBare | Role::Name(_) | Role::NameQualified(_));
        let is_id = matches!(child, Role::IdBare | Role::Id(_) | Role::IdQualified(_));
        if let Some(who) = who {
            return match child {
                _ if is_name => Role::Name(who),
                _ if is_id => Role::Id(who),
                other => other,
            };
        }
        if wide_group(&pd) {
            return match child {
                _ if is_name => Role::WideName(pd),
                _ if is_id => Role::WideId(pd),
                other => other,
            };
        }
        if person_like(&pd) && (is_name || is_id) && matches!(child, Role::NameBare | Role::IdBare) {
            return if is_name { Role::NameQualified(pd) } else { Role::IdQualified(pd) };
        }
        if child != Role::Unmapped {
            return child;
        }
        return classify(&format!("{p}{text}"), None);
    }
    let text = strip_marks(english_gloss(text));
    let (kept, dropped) = bracket_variants(text);
    let variants = [&kept, &dropped].map(|t| classify_plain(strip_marks(t)));
    // A person's column in either reading wins: 家庭成员（关系） lists members
    // (with their relation in brackets), not relations.
    if let Some(r) = variants.iter().flatten().find(|r| r.is_person()) {
        return r.clone();
    }
    let whole = variants.into_iter().flatten().next();
    // 身份证号/出生年月, 姓名或名称: a part that names a person's column decides.
    for part in text.split(['/', '／', '或', '、']) {
        if part.len() < text.len() {
            if let Some(r) = classify_plain(strip_marks(part)).filter(Role::is_person) {
                return r;
            }
        }
    }
    whole.unwrap_or(Role::Unmapped)
}

/// A Chinese header with its English gloss after it (`姓名\nName`, cleaned to
/// `姓名Name`; `身份证号码ID No.`): the Chinese part. A header all in English
/// or a field code is left as it is.
fn english_gloss(s: &str) -> &str {
    let t = s.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.' || c == ' ' || c == '/');
    let cjk = t.chars().any(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'));
    if cjk && s.len() - t.len() >= 2 { t } else { s }
}

fn classify_plain(t: &str) -> Option<Role> {
    if t.is_empty() {
        return None;
    }
    for (w, role) in CONTEXT_WORDS.iter().chain(REGISTER_WORDS) {
        if *w == t {
            return Some(role.clone());
        }
    }
    if t.is_ascii() {
        if let Some((_, role)) = FIELD_CODES.iter().find(|(w, _)| w.eq_ignore_ascii_case(t)) {
            return Some(role.clone());
        }
        if let Some(role) = classify_english(t) {
            return Some(role);
        }
    }
    // 是否本人, 是否干部本人: a yes/no mark, never a person's column.
    if t.starts_with("是否") {
        return None;
    }
    // Person columns: [qualifier] + ID word / name word.
    for id in ID_WORDS {
        if let Some(prefix) = t.strip_suffix(id) {
            return person_role(prefix, true);
        }
    }
    // 身份证号码⏎银行卡号: the ID and the bank card in one cell (the ID is read out of it).
    if let Some(rest) = ID_WORDS.iter().filter_map(|id| t.strip_prefix(id)).min_by_key(|r| r.len()) {
        if !rest.is_empty() && ACCOUNT_ENDINGS.iter().any(|e| rest.ends_with(e)) {
            return Some(Role::IdBare);
        }
    }
    if STUDENT_NO_ENDINGS.iter().any(|e| t.ends_with(e)) {
        return Some(Role::StudentNo);
    }
    if ACCOUNT_ENDINGS.iter().any(|e| t.ends_with(e)) {
        return Some(Role::Account);
    }
    if PHONE_WORDS.iter().any(|w| t.ends_with(w)) {
        return Some(Role::Phone);
    }
    for (nw, always) in NAME_FIELDS {
        if let Some(prefix) = t.strip_suffix(nw) {
            let q = prefix.trim_end_matches('的');
            if *always || person_word(q).is_some() || qualifier_person(q).is_some() || person_like(q) {
                return person_role(prefix, false);
            }
        }
    }
    // A person's word alone: 户主, 收款人, 法定代表人, 照料人, 经办人.
    if person_word(t).is_some() || is_staff(t) || (person_like(t) && !t.ends_with('户')) {
        return person_role(t, false);
    }
    // The same after a word that points to him: 所属干部, 对应干部, 关联户主.
    if let Some(p) = ["所属", "对应", "关联", "相关"].iter().find_map(|w| t.strip_prefix(w)).and_then(person_word) {
        return Some(Role::Name(p));
    }
    if t.ends_with("所在乡镇") || t.ends_with("所属乡镇") || t.ends_with("乡镇街道") {
        return Some(Role::Township);
    }
    // A relative's place in its parts: 亲属所在乡镇, 亲属所在村, 家属户籍地址.
    for q in RELATIVE_PARTS {
        if let Some(r) = t.strip_prefix(q).and_then(classify_plain) {
            if matches!(r, Role::Township | Role::Village | Role::Group | Role::Address) {
                return Some(r);
            }
        }
    }
    // [qualifier] + an address word: 家属户籍地址, 亲属现住址, 本人居住地.
    if ADDRESS_ENDINGS.iter().any(|e| t.ends_with(e)) && !t.contains("单位地址") {
        return Some(Role::Address);
    }
    if t.ends_with("关系") || t.ends_with("称谓") {
        return Some(if t.contains("户主") { Role::RelationToHead } else { Role::Relation });
    }
    // 岗位补贴（元）, 社保补贴, 护理补助: a payment by its ending.
    if AMOUNT_HINTS.iter().any(|h| t.contains(h)) || ["补贴", "补助", "津贴"].iter().any(|e| t.ends_with(e)) {
        return Some(Role::Amount);
    }
    if t.ends_with("出生日期") || t.ends_with("出生年月") {
        return Some(Role::Birth);
    }
    if t.ends_with("性别") {
        return Some(Role::Sex);
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

    /// Another comparison's input among the rolls, by its header; a roll that
    /// shares some of its words stays a roll.
    #[rstest]
    #[case("死者姓名,证件号码,死亡日期,火化日期", false, Some(OtherInput::Deaths))]
    #[case("姓名,身份证号,死亡日期,丧葬补助金额", true, None)]
    #[case("号牌号码,号牌种类,所有人,身份证明号码,注销日期", false, Some(OtherInput::Vehicles))]
    #[case("单位,姓名,身份证号,编制类型", false, Some(OtherInput::Payroll))]
    #[case("统一社会信用代码,企业名称,法定代表人,证件号码,注册资本(万元),经营范围,登记状态", false, Some(OtherInput::Registry))]
    #[case("名称,统一社会信用代码,法定代表人,证件号,成员出资总额,住所,业务范围", false, Some(OtherInput::Registry))]
    #[case("项目名称,中标单位,统一社会信用代码,法定代表人,身份证号,中标金额", true, None)]
    #[case("项目名称,中标单位,统一社会信用代码,法定代表人,身份证号", false, None)]
    #[case("序号,字号名称,经营者,身份证号码,组成形式,经营场所,经营范围,注册日期,状态", false, Some(OtherInput::Registry))]
    #[case("社会组织名称,业务主管单位,姓名,身份证号,职务,届次,是否领取报酬,报酬金额", true, Some(OtherInput::Orgs))]
    #[case("乡镇,村,户主姓名,身份证号,保障人数,金额", true, None)]
    #[case("干部姓名,亲属姓名,与本人关系,企业名称,统一社会信用代码,出资额", true, Some(OtherInput::Declarations))]
    #[case("申报人,亲属姓名,称谓,企业（个体户）名称,职务", false, Some(OtherInput::Declarations))]
    #[case("姓名,身份证号,原单位,原职级,退休时间", false, Some(OtherInput::Retired))]
    #[case("姓名,身份证号,原单位,退休时间,养老金", true, None)]
    #[case("中标单位名称,企业名称,统一社会信用代码,法定代表人,身份证号,中标金额", true, None)]
    fn other_inputs_are_told_from_rolls(#[case] header: &str, #[case] has_amount: bool, #[case] want: Option<OtherInput>) {
        let hs: Vec<String> = header.split(',').map(clean_header).collect();
        assert_eq!(other_input(hs.iter().map(String::as_str), has_amount), want);
    }

    #[rstest]
    #[case("XM", "name:?")]
    #[case("GMSFHM", "id:?")]
    #[case("A0101", "name:cadre")]
    #[case("A0184", "id:cadre")]
    #[case("A3601", "name:relative")]
    #[case("A3604A", "relation")]
    #[case("A3684", "id:relative")]
    #[case("Name", "name:?")]
    #[case("ID Number", "id:?")]
    #[case("Official", "name:cadre")]
    #[case("Official ID", "id:cadre")]
    #[case("Relative Name", "name:relative")]
    #[case("Relative's ID No.", "id:relative")]
    #[case("Household Head ID", "id:household_head")]
    #[case("Relationship", "relation")]
    #[case("Identity", "unmapped")]
    #[case("Video", "unmapped")]
    fn field_codes_and_english_headers(#[case] header: &str, #[case] want: &str) {
        assert_eq!(classify(&clean_header(header), None).label(), want, "{header}");
    }

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
    #[case("家属户籍地址", "address")]
    #[case("亲属现住址", "address")]
    #[case("户籍所在地", "address")]
    #[case("亲属所在乡镇", "township")]
    #[case("月发放额（元）", "amount")]
    #[case("亲属所在村", "village")]
    #[case("干部姓名", "name:cadre")]
    #[case("亲属姓名", "name:relative")]
    #[case("干部身份证号", "id:cadre")]
    #[case("亲属身份证号", "id:relative")]
    #[case("配偶姓名", "name:relative:配偶")]
    #[case("父亲身份证号", "id:relative:父亲")]
    #[case("子女1姓名", "name:relative:子女1")]
    #[case("出生日期", "birth")]
    #[case("序号", "seq")]
    #[case("身份证号/出生年月", "id:?")]
    #[case("项目经理/总监理工程师姓名", "name:?项目经理/总监理工程师")]
    #[case("项目经理", "name:?项目经理")]
    #[case("照料人身份证号", "id:?照料人")]
    #[case("银行账户名称", "name:payee")]
    #[case("银行帐号", "account")]
    #[case("残疾证号", "account")]
    #[case("家庭成员（关系）", "name:member")]
    #[case("所属干部", "name:cadre")]
    #[case("承包方代表名称", "name:beneficiary")]
    #[case("承包方代表证件号码", "id:beneficiary")]
    #[case("上岗人员姓名", "name:beneficiary")]
    #[case("家长身份证号", "id:guardian")]
    #[case("在读学校名称", "unmapped")]
    #[case("企业名称", "unmapped")]
    #[case("*本人身份证号码", "id:cadre")]
    #[case("家人姓名", "name:relative")]
    #[case("创建人", "name:?创建人")]
    #[case("创建人账号", "account")]
    #[case("逝者证件号", "id:?逝者")]
    #[case("项目所在乡镇", "township")]
    #[case("填报单位：县民政局单位：元日期：2024-10-31", "unmapped")]
    // Probe s19 (session 12): a Chinese header with its English gloss under it.
    #[case("姓名\nName", "name:?")]
    #[case("身份证号码\nID No.", "id:?")]
    #[case("金额（元）\nAmount", "amount")]
    #[case("Name", "name:?")]
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
