//! 配偶子女经商办企业: the cadre, spouse, children and children's spouses
//! against the enterprise registry (市场主体登记: the enterprise, its 法定代表人
//! / 负责人 / 经营者, its shareholders and its officers), each finding with its
//! relevance (in the cadre's jurisdiction, in the line of work of the cadre's
//! unit, dealings with the cadre's unit) and, with declarations, whether the
//! cadre declared it.
//!
//! The reader's column words ([`FIELD_WORDS`]), the line-of-work words
//! ([`UNIT_DOMAINS`]) and the organisation words are tables, as data. The
//! identity evidence is that of the rolls comparison (`matching`).

use super::reader::{Fields, Sheet, by_words, cell, clean, read_files};
use crate::load::InputFile;
use crate::load::cell::Cell;
use crate::load::records::{RawId, RollRow, Slot};
use crate::load::roles::Person;
use crate::matching::{self, MatchError, people::Cadre, people::Poi, places::Gazetteer};
use crate::model::{Hit, InputReport, Source};
use crate::normalize::unit::UnitTable;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A column of a registry export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    CreditCode,
    EntName,
    EntType,
    LegalRep,
    Shareholder,
    PersonName,
    Post,
    PersonId,
    Capital,
    Ratio,
    Address,
    Scope,
    Status,
    Established,
    Authority,
    /// A person's kind on a shareholders' or members' sheet (股东类型 自然人股东,
    /// 成员类型 农民): not the enterprise's type.
    PersonType,
    /// The registry's own key of an enterprise (主体身份代码, PRIPID), linking
    /// the shareholders' and officers' sheets to the enterprises'.
    EntKey,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::CreditCode => "credit_code",
            Field::EntName => "enterprise_name",
            Field::EntType => "enterprise_type",
            Field::LegalRep => "name:legal_rep",
            Field::Shareholder => "name:shareholder",
            Field::PersonName => "name:officer",
            Field::Post => "post",
            Field::PersonId => "id",
            Field::Capital => "capital",
            Field::Ratio => "ratio",
            Field::Address => "address",
            Field::Scope => "business_scope",
            Field::Status => "status",
            Field::Established => "established",
            Field::Authority => "authority",
            Field::EntKey => "enterprise_key",
            Field::PersonType => "person_type",
        }
    }

    fn is_person(self) -> bool {
        matches!(self, Field::LegalRep | Field::Shareholder | Field::PersonName)
    }
}

/// Header words per field. A header is its field when it is one of the words,
/// else when it holds an ID word (法定代表人证件号码 is an ID), else by the
/// longest word it contains (股东名称 is a shareholder, not a name).
pub const FIELD_WORDS: &[(Field, &[&str])] = &[
    (Field::CreditCode, &["统一社会信用代码", "社会信用代码", "信用代码", "注册号", "统一代码", "营业执照号", "工商注册号"]),
    (
        Field::EntName,
        &["企业名称", "市场主体名称", "主体名称", "名称", "企业（机构）名称", "单位名称", "个体户名称", "字号名称", "商号", "机构名称"],
    ),
    (Field::EntType, &["企业类型", "市场主体类型", "主体类型", "类型", "组织形式", "企业类别"]),
    (
        Field::LegalRep,
        &[
            "法定代表人", "法定代表", "法人代表", "法人", "负责人", "经营者", "执行事务合伙人", "投资人", "首席代表",
            "法定代表人（负责人）", "法定代表人/负责人", "法定代表人姓名", "负责人姓名", "经营者姓名",
        ],
    ),
    (
        Field::Shareholder,
        &[
            "股东", "股东名称", "股东姓名", "出资人", "出资人名称", "发起人", "合伙人", "成员", "股东（发起人）", "成员姓名", "成员名称",
            "成员姓名（名称）", "股东姓名（名称）", "股东名称（姓名）", "出资人姓名（名称）", "社员姓名",
        ],
    ),
    (
        Field::PersonType,
        &["股东类型", "成员类型", "出资人类型", "投资人类型", "股东性质", "人员类型", "社员类型", "合伙人类型", "合伙人类别", "股东类别", "承担责任方式"],
    ),
    (Field::PersonName, &["姓名", "人员姓名", "主要人员", "主要人员姓名", "高管姓名", "董监高姓名"]),
    (Field::Post, &["职务", "职位", "担任职务", "任职职务", "人员职务", "职务名称"]),
    (Field::Capital, &["认缴出资额", "出资额", "认缴额", "实缴出资额", "出资金额", "认缴出资", "出资数额", "认缴出资额（万元）"]),
    (Field::Ratio, &["出资比例", "持股比例", "占比", "股权比例"]),
    (Field::Address, &["住所", "经营场所", "地址", "注册地址", "住所（经营场所）", "经营地址", "住所/经营场所", "企业地址"]),
    (Field::Scope, &["经营范围", "业务范围", "许可经营项目", "一般经营项目"]),
    (Field::Status, &["登记状态", "经营状态", "状态", "企业状态", "存续状态"]),
    (Field::Established, &["成立日期", "注册日期", "登记日期", "成立时间", "核准日期"]),
    (Field::Authority, &["登记机关", "发照机关", "登记管理机关"]),
    (Field::EntKey, &["主体身份代码", "主体标识", "企业标识", "主体代码", "企业内部序号"]),
];

/// A system export's English headers and field codes (the enterprise credit
/// information system's UNISCID, ENTNAME, LEREP, CERNO …), matched whole,
/// lower-cased, without spaces, punctuation or a bracketed unit.
const EN_FIELD_WORDS: &[(Field, &[&str])] = &[
    (Field::CreditCode, &["uniscid", "unifiedsocialcreditcode", "creditcode", "uscc", "regno"]),
    (Field::EntName, &["entname", "enterprisename", "companyname"]),
    (Field::EntType, &["enttype", "enterprisetype", "companytype"]),
    (Field::LegalRep, &["lerep", "legalrepresentative", "legalperson", "nameoflegalrepresentative"]),
    (Field::Shareholder, &["inv", "shareholder", "shareholdername", "investor", "investorname"]),
    (Field::PersonType, &["invtype", "shareholdertype", "investortype"]),
    (Field::PersonName, &["name", "personname", "membername"]),
    (Field::Post, &["position", "post", "job"]),
    (Field::PersonId, &["cerno", "idnumber", "idno", "idcardnumber", "certificatenumber"]),
    (Field::Capital, &["subconam", "subscribedcapital", "subscribedamount"]),
    (Field::Ratio, &["conprop", "shareholdingratio", "shareratio"]),
    (Field::Address, &["dom", "domicile", "address", "registeredaddress"]),
    (Field::Scope, &["opscope", "businessscope"]),
    (Field::Status, &["regstate", "registrationstatus", "status"]),
    (Field::Established, &["estdate", "dateofestablishment", "establishmentdate", "establisheddate"]),
    (Field::Authority, &["regorg", "registrationauthority"]),
    (Field::EntKey, &["pripid", "entid"]),
];

fn english_field(header: &str) -> Option<Field> {
    if !header.is_ascii() {
        return None;
    }
    let head = header.split('(').next().unwrap_or(header);
    let k: String = head.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    EN_FIELD_WORDS.iter().find(|(_, ws)| ws.contains(&k.as_str())).map(|(f, _)| *f)
}


/// The endings of an enterprise's name, for a title naming one (…专业合作社成员名册).
const ENTERPRISE_SUFFIXES: &[&str] = &["有限责任公司", "股份有限公司", "有限公司", "合作社", "合伙企业", "公司", "个体工商户", "厂", "店"];

/// Words of a name that is an organisation, not a person (a 法人股东).
const ORGANISATION_WORDS: &[&str] = &[
    "公司", "合作社", "企业", "中心", "集团", "厂", "店", "部", "局", "委员会", "村民", "合伙", "有限", "基金", "银行",
    "学校", "医院", "政府", "协会", "社区", "商行", "工作室", "事务所", "研究院", "管理处",
];

/// The industry words of a unit's line of work, by the unit's key (see
/// [`UnitTable::key`]): a business whose 经营范围 or name holds one is in the
/// line of work of a cadre of that unit.
pub const UNIT_DOMAINS: &[(&str, &[&str])] = &[
    ("住房和城乡建设局", &["建筑", "工程", "房地产", "建材", "装饰", "装修", "物业", "市政", "混凝土", "劳务分包"]),
    ("卫生健康局", &["医疗", "药品", "诊所", "医药", "医院", "卫生", "保健", "医疗器械"]),
    ("医疗保障局", &["医疗", "药品", "医药", "药店", "医疗器械", "诊所"]),
    ("教育局", &["教育", "培训", "文具", "教材", "校服", "图书", "托育"]),
    ("交通运输局", &["运输", "公路", "物流", "客运", "货运", "驾驶员培训", "汽车维修"]),
    ("农业农村局", &["农资", "种植", "养殖", "化肥", "农药", "种子", "农机", "饲料", "兽药"]),
    ("民政局", &["养老", "殡葬", "婚姻", "福利"]),
    ("水利局", &["水利", "供水", "灌溉", "河道", "水电"]),
    ("自然资源局", &["矿产", "土地", "测绘", "采矿", "砂石"]),
    ("财政局", &["会计", "代理记账", "财务咨询", "审计"]),
    ("人力资源和社会保障局", &["劳务派遣", "人力资源", "职业培训", "职业介绍"]),
    ("公安局", &["保安", "开锁", "印章", "机动车检测"]),
    ("应急管理局", &["安全评价", "烟花爆竹", "危险化学品", "安全生产"]),
    ("林业局", &["林木", "苗木", "木材", "花卉"]),
    ("生态环境局", &["环保", "环境检测", "污水", "固废"]),
    ("市场监督管理局", &["食品", "计量", "特种设备", "检测"]),
    ("文化广电旅游局", &["旅游", "娱乐", "网吧", "演出", "文化传媒"]),
];

/// One enterprise of the registry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Enterprise {
    pub credit_code: String,
    pub name: String,
    pub kind: String,
    pub address: String,
    pub scope: String,
    pub status: String,
    pub established: String,
    pub authority: String,
}

/// A person's place in an enterprise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntRole {
    LegalRep,
    Shareholder,
    Officer,
}

impl EntRole {
    pub fn as_str(self) -> &'static str {
        match self {
            EntRole::LegalRep => "legal_rep",
            EntRole::Shareholder => "shareholder",
            EntRole::Officer => "officer",
        }
    }
    pub fn label_zh(self) -> &'static str {
        match self {
            EntRole::LegalRep => "法定代表人/负责人/经营者",
            EntRole::Shareholder => "股东/出资人",
            EntRole::Officer => "主要人员",
        }
    }
    fn person(self) -> Person {
        match self {
            EntRole::LegalRep => Person::LegalRep,
            EntRole::Shareholder => Person::Other(1),
            EntRole::Officer => Person::Other(2),
        }
    }
    fn of_person(p: Person) -> EntRole {
        match p {
            Person::Other(1) => EntRole::Shareholder,
            Person::Other(2) => EntRole::Officer,
            _ => EntRole::LegalRep,
        }
    }
}

/// A person named by the registry.
#[derive(Clone, Debug, PartialEq)]
pub struct EntPerson {
    /// The enterprise's key: its credit code, else its cleaned name.
    pub ent: String,
    pub role: EntRole,
    pub post: String,
    pub capital: String,
    pub ratio: String,
    pub name: String,
    pub id: RawId,
    pub source: Source,
}

/// What the registry files hold.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    pub reports: Vec<InputReport>,
    /// By key (credit code, else cleaned name).
    pub enterprises: BTreeMap<String, Enterprise>,
    pub persons: Vec<EntPerson>,
    /// Cleaned name -> key, to link a sheet that names enterprises only by name.
    pub by_name: HashMap<String, String>,
    /// The registry's own key (主体身份代码) -> key.
    pub by_ent_key: HashMap<String, String>,
}

/// The field a header names, if any.
pub fn field_of(header: &str) -> Option<Field> {
    let h = clean(header);
    if h.is_empty() {
        return None;
    }
    if let Some(f) = english_field(header.trim()) {
        return Some(f);
    }
    if FIELD_WORDS.iter().any(|(_, ws)| ws.iter().any(|w| clean(w) == h)) {
        return by_words(&h, FIELD_WORDS);
    }
    // An ID column, wherever its words stand in the header.
    if super::reader::ID_WORDS.iter().any(|w| h.contains(w)) {
        return Some(Field::PersonId);
    }
    by_words(&h, FIELD_WORDS)
}

impl Fields for Field {
    fn of(header: &str) -> Option<Field> {
        field_of(header)
    }
    fn as_str(self) -> &'static str {
        Field::as_str(self)
    }
    fn anchors(self) -> bool {
        matches!(self, Field::EntName | Field::CreditCode) || self.is_person()
    }
}

/// A cleaned enterprise name, for comparing names written two ways.
pub fn name_key(s: &str) -> String {
    clean(s)
}

fn is_organisation(name: &str) -> bool {
    let n = name.chars().count();
    n > 6 || ORGANISATION_WORDS.iter().any(|w| name.contains(w))
}

/// Read the registry files (xlsx/xls/csv/txt; every sheet: enterprises, shareholders, officers).
pub fn read(files: &[InputFile]) -> Registry {
    let mut reg = Registry::default();
    reg.reports = read_files::<Field>(files, "registry", "企业名称、统一社会信用代码、法定代表人、股东…", &mut |s| read_sheet(s, &mut reg));
    for r in reg.reports.iter_mut() {
        no_ids_is_a_problem(r);
    }
    reg
}

/// A registry export with persons but no ID column anywhere in the file (a
/// public-information export: names only) can rarely tie a person to a
/// relative: a name alone is never a finding. Said loudly, not left to look
/// like a registry with no relative in it.
fn no_ids_is_a_problem(r: &mut crate::model::InputReport) {
    let has = |s: &crate::model::SheetReport, p: &dyn Fn(&str) -> bool| s.columns.iter().any(|c| p(&c.role));
    if r.sheets.iter().any(|s| has(s, &|role| role == "id")) {
        return;
    }
    if let Some(s) = r.sheets.iter_mut().find(|s| s.problem.is_none() && has(s, &|role| role.starts_with("name:"))) {
        s.problem = Some(crate::labels::registry_without_ids());
    }
}

fn read_sheet(s: &mut Sheet<Field>, reg: &mut Registry) {
    // Person columns with their ID column: the ID column right of a person
    // column (before the next person) is that person's; one before any person
    // is the first person's.
    let mut persons: Vec<(usize, EntRole, Option<usize>)> = Vec::new();
    let mut orphan_id: Option<usize> = None;
    // Officers across the row under their posts (理事长 | 理事长身份证号码 | 执行监事 …).
    let across = super::reader::posts_across(&s.header);
    let post_of = |nc: usize| across.iter().find(|a| a.1 == nc).map(|a| a.0.clone());
    for (post, nc, ic) in &across {
        let role = if post == "法定代表人" { EntRole::LegalRep } else { EntRole::Officer };
        persons.push((*nc, role, Some(*ic)));
    }
    let taken: BTreeSet<usize> = across.iter().flat_map(|a| [a.1, a.2]).collect();
    for (c, f) in s.cols.iter().filter(|(c, _)| !taken.contains(c)) {
        let role = match f {
            Field::LegalRep => Some(EntRole::LegalRep),
            Field::Shareholder => Some(EntRole::Shareholder),
            Field::PersonName if s.has(Field::Post) => Some(EntRole::Officer),
            Field::PersonName if s.has(Field::Capital) || s.has(Field::Ratio) => Some(EntRole::Shareholder),
            Field::PersonName => Some(EntRole::Officer),
            Field::PersonId => {
                if persons.is_empty() {
                    orphan_id = Some(*c);
                } else if let Some(p) = persons.iter_mut().rev().find(|p| p.2.is_none()) {
                    if persons_after(&s.cols, p.0, *c) {
                        p.2 = Some(*c);
                    }
                }
                None
            }
            _ => None,
        };
        if let Some(r) = role {
            persons.push((*c, r, orphan_id.take()));
        }
    }
    // An ID column no person column follows (法定代表人（身份证号） holding
    // `孙丽（4329…）`): the cell is the person's, name and ID.
    if let (Some(c), true) = (orphan_id, persons.is_empty()) {
        let role = if s.has(Field::Post) { EntRole::Officer } else { EntRole::LegalRep };
        persons.push((c, role, Some(c)));
    }
    persons.sort_by_key(|p| p.0);
    let describes = [Field::EntType, Field::Address, Field::Scope, Field::Status, Field::Established, Field::LegalRep]
        .iter()
        .any(|f| s.has(*f));
    // Each person's own post, capital and ratio: the columns after it, before
    // the next person (股东1 | 股东1身份证号码 | 股东1出资比例 | 股东2 …); with
    // one person column, wherever they stand.
    let own = |nc: usize, f: Field| -> Option<usize> {
        let next = persons.iter().map(|p| p.0).filter(|&c| c > nc).min().unwrap_or(usize::MAX);
        match persons.len() {
            1 => s.col(f),
            _ => s.cols.iter().find(|(c, x)| *x == f && *c > nc && *c < next).map(|(c, _)| *c),
        }
    };
    let person_cols: Vec<(usize, EntRole, Option<usize>, [Option<usize>; 3])> =
        persons.iter().map(|&(nc, role, ic)| (nc, role, ic, [own(nc, Field::Post), own(nc, Field::Capital), own(nc, Field::Ratio)])).collect();
    // A members' or shareholders' sheet with no enterprise column: the
    // enterprise its title names (…专业合作社成员名册).
    let titled = (!s.has(Field::CreditCode) && !s.has(Field::EntName))
        .then(|| super::reader::title_organisation(&s.above, ENTERPRISE_SUFFIXES))
        .flatten();
    // A company written once over its rows (merged, or left blank below).
    let mut carried = String::new();
    let rows = std::mem::take(&mut s.rows);
    for r in &rows {
        let code: String = s.get(r, Field::CreditCode).chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        let mut name = match &titled {
            Some(t) => t.clone(),
            None => s.get(r, Field::EntName),
        };
        // 企业名称/统一社会信用代码 in one cell (`云溪县芳华商贸有限公司⏎9143…`): the two apart.
        let code = match name_and_code(&code) {
            Some((n, c)) => {
                if name.is_empty() {
                    name = n.to_string();
                }
                c.to_string()
            }
            None => code,
        };
        let ent_key = s.get(r, Field::EntKey);
        let key = if !code.is_empty() {
            code.clone()
        } else if !name.is_empty() {
            reg.by_name.get(&name_key(&name)).cloned().unwrap_or_else(|| name_key(&name))
        } else if !ent_key.is_empty() {
            reg.by_ent_key.get(&ent_key).cloned().unwrap_or_else(|| format!("key:{ent_key}"))
        } else {
            carried.clone()
        };
        if !ent_key.is_empty() && !key.is_empty() {
            reg.by_ent_key.entry(ent_key).or_insert_with(|| key.clone());
        }
        if key.is_empty() {
            s.unusable("no_enterprise");
            continue;
        }
        carried = key.clone();
        if !name.is_empty() {
            reg.by_name.entry(name_key(&name)).or_insert_with(|| key.clone());
        }
        if describes || !name.is_empty() {
            let e = reg.enterprises.entry(key.clone()).or_default();
            let established = date_text(s.col(Field::Established).and_then(|c| r.cells.get(c)));
            for (slot, v) in [
                (&mut e.credit_code, code.clone()),
                (&mut e.name, name.clone()),
                (&mut e.kind, s.get(r, Field::EntType)),
                (&mut e.address, s.get(r, Field::Address)),
                (&mut e.scope, s.get(r, Field::Scope)),
                (&mut e.status, s.get(r, Field::Status)),
                (&mut e.established, established),
                (&mut e.authority, s.get(r, Field::Authority)),
            ] {
                if slot.is_empty() {
                    *slot = v;
                }
            }
        }
        let mut any = false;
        for (nc, role, ic, [post_c, capital_c, ratio_c]) in &person_cols {
            let mut pname = cell(r, *nc);
            let mut id = ic.and_then(|c| r.cells.get(c)).map(RawId::from_cell).unwrap_or(RawId::Empty);
            // `孙丽（4329…）` under 法定代表人 or 法定代表人（身份证号）: the name and
            // the ID in one cell.
            let same_cell = ic == &Some(*nc);
            if id.is_empty() || same_cell {
                match crate::load::content::names_with_ids(&pname).as_deref() {
                    Some([(n, Some(i))]) => (pname, id) = (n.clone(), RawId::Text(i.clone())),
                    // The cell holds the ID alone.
                    _ if same_cell => pname.clear(),
                    _ => {}
                }
            }
            if pname.is_empty() && id.is_empty() {
                continue;
            }
            // A 法人股东 (an organisation) is not a person of interest.
            if id.is_empty() && is_organisation(&pname) {
                continue;
            }
            let st = id.normalize().status;
            *s.report.id_status.entry(st.as_str().to_string()).or_insert(0) += 1;
            any = true;
            reg.persons.push(EntPerson {
                ent: key.clone(),
                role: *role,
                post: post_of(*nc).or_else(|| post_c.map(|c| cell(r, c))).unwrap_or_default(),
                capital: capital_c.map(|c| cell(r, c)).unwrap_or_default(),
                ratio: ratio_c.map(|c| cell(r, c)).unwrap_or_default(),
                name: pname,
                id,
                source: Source {
                    file: s.file.clone(),
                    sheet: s.sheet.clone(),
                    row: r.number,
                },
            });
        }
        if !any && !(describes || !name.is_empty()) {
            s.unusable("no_person");
        }
    }
}

/// No other person column stands between `person` and `id`.
fn persons_after(cols: &[(usize, Field)], person: usize, id: usize) -> bool {
    !cols.iter().any(|(c, f)| f.is_person() && *c > person && *c < id)
}

fn date_text(c: Option<&Cell>) -> String {
    match c {
        Some(Cell::Number(f)) if *f > 0.0 && *f < 100_000.0 => crate::load::cell::serial_to_ymd(*f)
            .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
            .unwrap_or_default(),
        Some(c) => c.text().trim().to_string(),
        None => String::new(),
    }
}

/// A declaration by a cadre of a relative's business (申报表).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Declaration {
    pub cadre: String,
    pub relative: String,
    pub enterprise: String,
    pub credit_code: String,
    pub source: Source,
}

/// The columns of a declaration (申报表).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DeclField {
    Cadre,
    Relative,
    Enterprise,
    CreditCode,
}

const DECL_WORDS: &[(DeclField, &[&str])] = &[
    (DeclField::Cadre, &["干部姓名", "申报人", "申报人姓名", "本人姓名", "干部", "领导干部姓名", "报告人", "报告人姓名", "填报人", "填报人姓名"]),
    (DeclField::Relative, &["亲属姓名", "家属姓名", "经商人员", "经商办企业人员", "配偶子女姓名", "亲属"]),
    (DeclField::Enterprise, &["企业名称", "名称", "企业（个体户）名称", "经商办企业名称", "企业（其他市场主体）名称", "市场主体名称"]),
    (DeclField::CreditCode, &["统一社会信用代码", "信用代码", "注册号"]),
];

impl Fields for DeclField {
    fn of(header: &str) -> Option<DeclField> {
        by_words(header, DECL_WORDS)
    }
    fn as_str(self) -> &'static str {
        match self {
            DeclField::Cadre => "name:cadre",
            DeclField::Relative => "name:relative",
            DeclField::Enterprise => "enterprise_name",
            DeclField::CreditCode => "credit_code",
        }
    }
    fn anchors(self) -> bool {
        // A cadre's own form has no cadre column (the cadre is named above it).
        matches!(self, DeclField::Cadre | DeclField::Enterprise)
    }
}

/// Read declarations: any table with a cadre column (干部姓名 / 申报人), and
/// the enterprise's name or credit code.
pub fn read_declarations(files: &[InputFile]) -> (Vec<Declaration>, Vec<InputReport>) {
    let mut out = Vec::new();
    let reports = read_files::<DeclField>(files, "declarations", "干部姓名、企业名称或统一社会信用代码", &mut |s| {
        // One cadre's own form: named on a line above (填报人：赵志刚) or by the sheet.
        let form_cadre = (!s.has(DeclField::Cadre)).then(|| declaring_cadre(&s.above, &s.sheet, &s.file)).flatten().unwrap_or_default();
        let rows = std::mem::take(&mut s.rows);
        for r in &rows {
            let written = s.get(r, DeclField::Cadre);
            let d = Declaration {
                cadre: if written.is_empty() { form_cadre.clone() } else { written },
                relative: s.get(r, DeclField::Relative),
                enterprise: s.get(r, DeclField::Enterprise),
                credit_code: s.get(r, DeclField::CreditCode).chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase(),
                source: Source {
                    file: s.file.clone(),
                    sheet: s.sheet.clone(),
                    row: r.number,
                },
            };
            // 无 / 否 / `/`: the cadre declares no business for this relative.
            let none = |t: &str| t.is_empty() || NOTHING_DECLARED.contains(&t.trim());
            if none(&d.enterprise) && none(&d.credit_code) && !(d.enterprise.is_empty() && d.credit_code.is_empty()) {
                s.unusable("nothing_declared");
                continue;
            }
            if d.enterprise.is_empty() && d.credit_code.is_empty() {
                s.unusable("no_enterprise");
                continue;
            }
            if d.cadre.is_empty() {
                s.unusable("no_cadre");
                continue;
            }
            out.push(d);
        }
    });
    (out, reports)
}

/// A cell holding an enterprise's name and its credit code (18 characters of
/// digits and capitals, the last run of them): (name, code).
fn name_and_code(t: &str) -> Option<(&str, &str)> {
    let at = t.char_indices().rev().nth(17).map(|(i, _)| i)?;
    let (name, code) = t.split_at(at);
    let code_like = code.len() == 18 && code.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) && code.bytes().take(2).all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
    let name = name.trim_end_matches(['/', '／', '(', '（', ' ']);
    (code_like && name.chars().count() >= 2 && !name.is_ascii()).then_some((name, code))
}

/// What a declaration writes for "no business".
const NOTHING_DECLARED: &[&str] = &["无", "否", "/", "／", "-", "—", "——", "没有", "暂无", "未经商", "无经商办企业情况"];

/// The cadre a declaration form names: a label line above the table
/// (填报人：赵志刚, 申报人：…, 姓名：…), else the sheet's or the file's name.
fn declaring_cadre(above: &[String], sheet: &str, file: &str) -> Option<String> {
    const LABELS: &[&str] = &["填报人", "申报人", "报告人", "干部姓名", "本人姓名", "姓名"];
    let from_label = above.iter().find_map(|l| {
        LABELS.iter().find_map(|k| {
            let rest = l.get(l.find(k)? + k.len()..)?.trim_start_matches([':', '：', ' ', '　']);
            let v: String = rest.chars().take_while(|c| !c.is_whitespace() && !"，,；;|".contains(*c)).collect();
            crate::load::content::is_personal_name(&v).then_some(v)
        })
    });
    let stem = std::path::Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or("");
    from_label.or_else(|| crate::load::provenance::cadre_from_names(stem, sheet).map(|c| c.0))
}

/// Why a finding matters, each stated in the finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The enterprise's 住所 is in the township the cadre's unit serves.
    InJurisdiction { township: String },
    /// A county unit's cadre: the county's registry is the jurisdiction.
    CountyJurisdiction,
    /// 经营范围 or the name holds words of the line of work of the cadre's unit.
    LineOfWork { unit: String, words: Vec<String> },
    /// The enterprise is a contractor in a roll approved by the cadre's unit.
    Dealings { unit: String },
}

impl Reason {
    pub fn code(&self) -> &'static str {
        match self {
            Reason::InJurisdiction { .. } => "in_jurisdiction",
            Reason::CountyJurisdiction => "county_jurisdiction",
            Reason::LineOfWork { .. } => "line_of_work",
            Reason::Dealings { .. } => "dealings",
        }
    }
    pub fn text_zh(&self) -> String {
        match self {
            Reason::InJurisdiction { township } => format!("辖区内：企业住所在{township}，为干部所在单位服务的乡镇"),
            Reason::CountyJurisdiction => "辖区内：县级单位干部，企业在本县登记".into(),
            Reason::LineOfWork { unit, words } => format!("业务相关：经营范围含“{}”，属{unit}主管领域", words.join("、")),
            Reason::Dealings { unit } => format!("有业务往来：企业为{unit}审批名册中的承包方/供应商"),
        }
    }
}

/// One finding: a person of interest who is a legal representative,
/// shareholder or officer of an enterprise.
#[derive(Clone, Debug)]
pub struct Finding {
    pub hit: Hit,
    pub role: EntRole,
    pub person: EntPerson,
    pub enterprise: Enterprise,
    pub reasons: Vec<Reason>,
    /// "已申报" / "未申报", or "" without declarations.
    pub declared: String,
}

/// Match the registry's persons with the persons of interest, keep those in
/// the comparison's scope, and state each finding's relevance.
pub fn compare(
    reg: &Registry,
    cadres: &[Cadre],
    pois: &[Poi],
    gaz: &Gazetteer,
    units: &UnitTable,
    contractors: &BTreeSet<(String, String)>,
    declarations: Option<&[Declaration]>,
    scope: &[crate::normalize::relation::Relation],
) -> Result<Vec<Finding>, MatchError> {
    let scope: Vec<&str> = scope.iter().map(|r| r.as_str()).collect();
    // One roll row per registry row, a slot per person of it.
    let mut by_source: BTreeMap<(String, String, u32), Vec<usize>> = BTreeMap::new();
    for (i, p) in reg.persons.iter().enumerate() {
        by_source.entry((p.source.file.clone(), p.source.sheet.clone(), p.source.row)).or_default().push(i);
    }
    let rows: Vec<RollRow> = by_source
        .iter()
        .map(|((file, sheet, row), idx)| {
            let first = &reg.persons[idx[0]];
            let ent = reg.enterprises.get(&first.ent).cloned().unwrap_or_default();
            let place = gaz.find_in(&ent.address);
            RollRow {
                source: Source {
                    file: file.clone(),
                    sheet: sheet.clone(),
                    row: *row,
                },
                slots: idx
                    .iter()
                    .map(|i| {
                        let p = &reg.persons[*i];
                        Slot {
                            role: p.role.person(),
                            name: p.name.as_str().into(),
                            id: p.id.clone(),
                            norm: p.id.normalize(),
                        }
                    })
                    .collect(),
                township: place.township.unwrap_or_default().into(),
                village: place.village.unwrap_or_default().into(),
                group: Default::default(),
                amount: None,
                amount_unread: Default::default(),
                date: (ent.established.clone()).into(),
                program: "经商办企业".into(),
                unit: Default::default(),
                relation_to_head: Default::default(),
                contractor: (ent.name.clone()).into(),
                address: Default::default(),
                period: Default::default(),
                place_hint: None,
            }
        })
        .collect();
    let mut batch = matching::Batch::new(cadres, pois, gaz, units)?;
    batch.firm_places();
    batch.add_rolls(&rows)?;
    let mut hits = batch.finish().hits;
    let both = Both { reg, rows: &rows, by_source: &by_source, cadres, pois, gaz, units };
    if let Some(ds) = declarations {
        // A declaration settles a pair the identity evidence left weaker
        // (a name and a village): the declared finding replaces it.
        for h in declared_hits(&both, ds) {
            let same = |o: &Hit| {
                (&o.roll_file, &o.roll_sheet, o.roll_row, name_key(&o.roll_name), &o.kin_file, &o.kin_sheet, o.kin_row)
                    == (&h.roll_file, &h.roll_sheet, h.roll_row, name_key(&h.roll_name), &h.kin_file, &h.kin_sheet, h.kin_row)
            };
            match hits.iter_mut().find(|o| same(o)) {
                Some(o) if o.score < h.score => *o = Hit { hit_id: o.hit_id.clone(), ..h },
                Some(_) => {}
                None => hits.push(h),
            }
        }
    }
    let more = fit_hits(&both, &scope, &hits);
    hits.extend(more);
    let more = township_hits(&both, &scope, &hits);
    hits.extend(more);
    let domains: HashMap<String, &[&str]> = UNIT_DOMAINS.iter().map(|(u, w)| (units.key(u), *w)).collect();
    let mut out = Vec::new();
    for hit in hits {
        if !scope.contains(&hit.relation.as_str()) {
            continue;
        }
        let Some(idx) = by_source.get(&(hit.roll_file.clone(), hit.roll_sheet.clone(), hit.roll_row)) else { continue };
        let role_of_hit = idx
            .iter()
            .map(|i| &reg.persons[*i])
            .find(|p| Some(p.role.person()) == hit.roll_role && p.name.trim() == hit.roll_name.trim())
            .or_else(|| idx.iter().map(|i| &reg.persons[*i]).find(|p| Some(p.role.person()) == hit.roll_role))
            .or_else(|| idx.first().map(|i| &reg.persons[*i]));
        let Some(person) = role_of_hit.cloned() else { continue };
        let role = EntRole::of_person(person.role.person());
        let enterprise = reg.enterprises.get(&person.ent).cloned().unwrap_or_else(|| Enterprise {
            name: person.ent.clone(),
            ..Default::default()
        });
        let cadre = cadres.iter().find(|c| c.name.display == hit.cadre_name && c.unit == hit.cadre_unit);
        let mut reasons = Vec::new();
        let ent_town = gaz.find_in(&enterprise.address).township;
        match cadre.and_then(|c| c.township.clone()) {
            Some(t) => {
                if ent_town.as_deref() == Some(t.as_str()) {
                    reasons.push(Reason::InJurisdiction { township: t });
                }
            }
            None => reasons.push(Reason::CountyJurisdiction),
        }
        let unit_key = cadre.map(|c| c.unit_key.clone()).unwrap_or_else(|| units.key(&hit.cadre_unit));
        if let Some(words) = domains.get(&unit_key) {
            let text = format!("{}{}", enterprise.scope, enterprise.name);
            let found: Vec<String> = words.iter().filter(|w| text.contains(*w)).map(|w| w.to_string()).collect();
            if !found.is_empty() {
                reasons.push(Reason::LineOfWork {
                    unit: hit.cadre_unit.clone(),
                    words: found,
                });
            }
        }
        let ent_name_key = name_key(&enterprise.name);
        if !ent_name_key.is_empty()
            && (contractors.contains(&(unit_key.clone(), ent_name_key.clone()))
                || (!enterprise.credit_code.is_empty() && contractors.contains(&(unit_key.clone(), enterprise.credit_code.clone()))))
        {
            reasons.push(Reason::Dealings {
                unit: hit.cadre_unit.clone(),
            });
        }
        let declared = match declarations {
            None => String::new(),
            Some(ds) => {
                // The cadre, the relative (when the declaration names one) and the enterprise.
                let (cadre_key, relative_key) = (name_key(&hit.cadre_name), name_key(&hit.relative_name));
                let yes = ds.iter().any(|d| {
                    name_key(&d.cadre) == cadre_key
                        && (d.relative.is_empty() || name_key(&d.relative) == relative_key)
                        && ((!d.credit_code.is_empty() && d.credit_code == enterprise.credit_code)
                            || (!d.enterprise.is_empty() && name_key(&d.enterprise) == ent_name_key))
                });
                if yes { "已申报" } else { "未申报" }.to_string()
            }
        };
        out.push(Finding {
            hit,
            role,
            person,
            enterprise,
            reasons,
            declared,
        });
    }
    Ok(out)
}

/// The two sides of the comparison as the engine sees them: the registry's
/// rows as roll rows (one per registry row, `by_source` in the same order)
/// and the persons of interest.
#[derive(Clone, Copy)]
struct Both<'a> {
    reg: &'a Registry,
    rows: &'a [RollRow],
    by_source: &'a BTreeMap<(String, String, u32), Vec<usize>>,
    cadres: &'a [Cadre],
    pois: &'a [Poi],
    gaz: &'a Gazetteer,
    units: &'a UnitTable,
}

impl<'a> Both<'a> {
    /// Every registry person with its roll row and slot (`rows[ri].slots[si]`).
    fn slots(&self) -> impl Iterator<Item = (usize, usize, &'a EntPerson)> + 'a {
        let persons = &self.reg.persons;
        self.by_source
            .values()
            .enumerate()
            .flat_map(move |(ri, idx)| idx.iter().enumerate().filter_map(move |(si, pi)| Some((ri, si, persons.get(*pi)?))))
    }

    /// The finding of a rule of this comparison for registry row `ri`, slot `si`.
    fn hit_at(&self, ri: usize, si: usize, poi: &Poi, e: crate::matching::score::Evidence, evidence: String) -> Option<Hit> {
        let row = self.rows.get(ri)?;
        let slot = row.slots.get(si)?;
        let rp = crate::matching::people::RollPerson {
            row: ri,
            slot: si,
            name: crate::normalize::name::normalize_name(&slot.name),
            id: slot.norm.clone(),
            place: self.gaz.roll_place(&row.township, &row.village),
        };
        let rule = crate::matching::score::evidence_rule(e);
        let s = crate::matching::score::Scored { tier: rule.tier, score: rule.score, match_kind: rule.kind, rule: e, settled: Vec::new(), evidence };
        let block = match e {
            crate::matching::score::Evidence::NameDeclared => crate::matching::blocking::Block::Declaration,
            _ => crate::matching::blocking::Block::RegistryName,
        };
        Some(Hit { blocking: block, ..matching::make_hit(&rp, poi, self.cadres, self.rows, &poi.relation_term, &s, self.units) })
    }
}

/// Findings the cadre's own declaration settles ([`Evidence::NameDeclared`]):
/// the declaration names a relative in an enterprise, and that enterprise's
/// registry entry names a person of the relative's name whose ID (if both
/// give one) does not contradict the relative's. The identity evidence alone
/// (a name, no ID on one side) would not make these leads. A declaration whose
/// cadre or relative name fits more than one person of interest settles
/// nothing.
///
/// [`Evidence::NameDeclared`]: crate::matching::score::Evidence::NameDeclared
fn declared_hits(b: &Both, ds: &[Declaration]) -> Vec<Hit> {
    let Both { reg, cadres, pois, .. } = *b;
    use crate::matching::score::{Evidence, IdEvidence, compare_ids};
    // One finding per registry person and relative, however many
    // declaration rows name them.
    let mut have: BTreeSet<(usize, usize, &str, &str, u32)> = BTreeSet::new();
    let mut out = Vec::new();
    for d in ds {
        let (ck, rk) = (name_key(&d.cadre), name_key(&d.relative));
        if ck.is_empty() || rk.is_empty() {
            continue;
        }
        let named: Vec<&Poi> = pois
            .iter()
            .filter(|p| cadres.get(p.cadre).is_some_and(|c| name_key(&c.name.raw) == ck) && name_key(&p.name.raw) == rk)
            .collect();
        let [poi] = named.as_slice() else { continue };
        let ent_name = name_key(&d.enterprise);
        let keys: BTreeSet<&String> = reg
            .enterprises
            .iter()
            .filter(|(_, e)| (!d.credit_code.is_empty() && e.credit_code == d.credit_code) || (!ent_name.is_empty() && name_key(&e.name) == ent_name))
            .map(|(k, _)| k)
            .collect();
        for (ri, si, person) in b.slots() {
            if !keys.contains(&person.ent) || name_key(&person.name) != rk {
                continue;
            }
            if compare_ids(&person.id.normalize(), &poi.id) == IdEvidence::Contradict {
                continue;
            }
            if !have.insert((ri, si, poi.source.file.as_str(), poi.source.sheet.as_str(), poi.source.row)) {
                continue;
            }
            let text = format!(
                "干部申报表（{} 第{}行）载明{}{}在“{}”；企业登记中该企业有同名人员",
                d.source.file, d.source.row, poi.relation_term, d.relative.trim(), d.enterprise.trim()
            );
            out.extend(b.hit_at(ri, si, poi, Evidence::NameDeclared, text));
        }
    }
    out
}

/// Findings for relatives the register gives no ID
/// ([`Evidence::NameFitUnique`]): of the registry's persons of the relative's
/// name, exactly one has an ID whose sex and age fit the relation (every
/// other such person has an ID that does not fit), and no other person of
/// interest has that name. A registry is small beside the rolls, so a name
/// and a fitting ID there is worth a reviewer's look (疑似); it would not be
/// in a million-person roll, where the rolls comparison does not use it.
///
/// [`Evidence::NameFitUnique`]: crate::matching::score::Evidence::NameFitUnique
fn fit_hits(b: &Both, scope: &[&str], found: &[Hit]) -> Vec<Hit> {
    let Both { rows, by_source, cadres, pois, gaz, .. } = *b;
    use crate::matching::people::usable_key;
    use crate::matching::score::{Evidence, id_fits_relative};
    use crate::normalize::name::normalize_name;
    // Every registry person by name key, with its row and slot.
    let mut by_name: BTreeMap<String, Vec<(usize, usize, &EntPerson)>> = BTreeMap::new();
    for (ri, si, p) in b.slots() {
        let k = normalize_name(&p.name).key.to_string();
        if !k.is_empty() {
            by_name.entry(k).or_default().push((ri, si, p));
        }
    }
    let mut pois_by_name: HashMap<&str, usize> = HashMap::new();
    for p in pois {
        *pois_by_name.entry(p.name.key.as_str()).or_default() += 1;
    }
    let row_of: HashMap<(&str, &str, u32), usize> =
        by_source.keys().enumerate().map(|(i, (f, s, r))| ((f.as_str(), s.as_str(), *r), i)).collect();
    let seen: BTreeSet<(usize, &str, &str, u32)> = found
        .iter()
        .filter_map(|h| {
            let ri = *row_of.get(&(h.roll_file.as_str(), h.roll_sheet.as_str(), h.roll_row))?;
            Some((ri, h.kin_file.as_str(), h.kin_sheet.as_str(), h.kin_row))
        })
        .collect();
    let mut out = Vec::new();
    for poi in pois {
        if usable_key(&poi.id).is_some() || !scope.contains(&poi.relation.as_str()) || pois_by_name.get(poi.name.key.as_str()) != Some(&1) {
            continue;
        }
        let (Some(cadre), Some(same)) = (cadres.get(poi.cadre), by_name.get(poi.name.key.as_str())) else { continue };
        // The same person may be named twice (legal representative of two
        // firms): persons are told apart by their ID key.
        let mut fitting: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
        let mut unsure = false;
        for &(ri, si, person) in same {
            let id = person.id.normalize();
            match (usable_key(&id), id_fits_relative(poi, cadre, &id)) {
                (Some(_), Some(false)) => {}
                (Some(k), Some(true)) => fitting.entry(k.to_string()).or_default().push((ri, si)),
                _ => unsure = true,
            }
        }
        if unsure || fitting.len() != 1 {
            continue;
        }
        for (ri, si) in fitting.into_values().flatten() {
            if seen.contains(&(ri, poi.source.file.as_str(), poi.source.sheet.as_str(), poi.source.row)) {
                continue;
            }
            let Some(row) = rows.get(ri) else { continue };
            let place = gaz.roll_place(&row.township, &row.village);
            // A two-character name is common: it needs the relative's
            // township too.
            let same_town = poi.place.township.is_some() && poi.place.township == place.township;
            if poi.name.key.chars().count() < 3 && !same_town {
                continue;
            }
            let text = format!(
                "登记表未填亲属身份证号；姓名一致；企业登记中与其同名且身份证号所含性别、年龄与{}相符的仅此一人{}",
                poi.relation_term,
                if same_town { "；企业住所与亲属住址同乡镇" } else { "" }
            );
            out.extend(b.hit_at(ri, si, poi, Evidence::NameFitUnique, text));
        }
    }
    out
}

/// Findings for registry persons given without an ID
/// ([`Evidence::NameTownshipUnique`]): the registry names a person of the
/// relative's name without an ID, the enterprise's 住所 is in the township the
/// relative lives in, and every other registry person of that name has an ID
/// that is not the relative's (contradicts it, or when the register gives the
/// relative no ID, does not fit the relation's sex and age). No other person of
/// interest bears the name. The registry alone cannot tell more: 疑似.
///
/// [`Evidence::NameTownshipUnique`]: crate::matching::score::Evidence::NameTownshipUnique
fn township_hits(b: &Both, scope: &[&str], found: &[Hit]) -> Vec<Hit> {
    let Both { rows, cadres, pois, gaz, .. } = *b;
    use crate::matching::people::usable_key;
    use crate::matching::score::{Evidence, IdEvidence, compare_ids, id_fits_relative};
    use crate::normalize::name::normalize_name;
    let mut by_name: BTreeMap<String, Vec<(usize, usize, &EntPerson)>> = BTreeMap::new();
    for (ri, si, p) in b.slots() {
        let k = normalize_name(&p.name).key.to_string();
        if !k.is_empty() {
            by_name.entry(k).or_default().push((ri, si, p));
        }
    }
    let mut pois_by_name: HashMap<&str, usize> = HashMap::new();
    for p in pois {
        *pois_by_name.entry(p.name.key.as_str()).or_default() += 1;
    }
    let seen: BTreeSet<(&str, &str, u32, &str)> =
        found.iter().map(|h| (h.roll_file.as_str(), h.roll_sheet.as_str(), h.roll_row, h.roll_name.trim())).collect();
    let mut out = Vec::new();
    for poi in pois {
        let Some(town) = poi.place.township.as_deref() else { continue };
        if !scope.contains(&poi.relation.as_str()) || pois_by_name.get(poi.name.key.as_str()) != Some(&1) {
            continue;
        }
        let (Some(cadre), Some(same)) = (cadres.get(poi.cadre), by_name.get(poi.name.key.as_str())) else { continue };
        let mut here = Vec::new();
        let mut unsure = false;
        for &(ri, si, person) in same {
            let id = person.id.normalize();
            let Some(row) = rows.get(ri) else { continue };
            if usable_key(&id).is_none() && id.partial.is_none() {
                let place = gaz.roll_place(&row.township, &row.village);
                if place.township.as_deref() == Some(town) {
                    here.push((ri, si, row));
                } else {
                    unsure = true;
                }
                continue;
            }
            let not_the_relative = match usable_key(&poi.id) {
                Some(_) => compare_ids(&id, &poi.id) == IdEvidence::Contradict,
                None => id_fits_relative(poi, cadre, &id) == Some(false),
            };
            unsure |= !not_the_relative;
        }
        if unsure {
            continue;
        }
        for (ri, si, row) in here {
            let Some(slot) = row.slots.get(si) else { continue };
            if seen.contains(&(row.source.file.as_str(), row.source.sheet.as_str(), row.source.row, slot.name.trim())) {
                continue;
            }
            let text = format!(
                "企业登记未填证件号码；姓名一致；企业住所与{}住址同乡镇（{town}）；企业登记中其他同名人员的身份证号均非该亲属",
                poi.relation_term
            );
            out.extend(b.hit_at(ri, si, poi, Evidence::NameTownshipUnique, text));
        }
    }
    out
}

/// Declarations whose enterprise the registry does not hold.
pub fn declared_not_found<'a>(reg: &Registry, ds: &'a [Declaration]) -> Vec<&'a Declaration> {
    let names: BTreeSet<String> = reg.enterprises.values().map(|e| name_key(&e.name)).collect();
    ds.iter()
        .filter(|d| {
            let by_code = !d.credit_code.is_empty() && reg.enterprises.contains_key(&d.credit_code);
            let by_name = !d.enterprise.is_empty() && names.contains(&name_key(&d.enterprise));
            !(by_code || by_name)
        })
        .collect()
}

/// The columns of `enterprise_findings.csv`, a contract like `hits.csv`'s.
pub const FINDINGS_COLUMNS: &[&str] = &[
    "finding_id", "tier", "score", "match_kind", "evidence", "relation", "relation_term", "cadre_name", "cadre_id",
    "cadre_unit", "cadre_post", "relative_name", "relative_id", "person_role", "post", "capital", "ratio",
    "enterprise_name", "credit_code", "enterprise_type", "status", "established", "address", "business_scope",
    "relevance", "relevance_reasons", "declared", "registry_file", "registry_sheet", "registry_row", "kin_file",
    "kin_sheet", "kin_row",
];

/// Write the findings (UTF-8 with BOM, in the order of the registry's rows).
/// A finding as a ledger lead: its `finding_id`, verified by the cadre's unit,
/// its relevance and declaration in the evidence.
pub fn lead_hit(f: &Finding) -> Hit {
    let h = &f.hit;
    let reasons: Vec<String> = f.reasons.iter().map(Reason::text_zh).collect();
    let mut evidence = format!("{}：{}（{}）；{}", f.enterprise.name, f.role.label_zh(), reasons.join("；"), h.evidence);
    if !f.declared.is_empty() {
        evidence = format!("{evidence}；{}", f.declared);
    }
    Hit {
        hit_id: format!("e{}", h.hit_id),
        match_kind: h.match_kind.pair().map_or(h.match_kind, crate::model::MatchKind::Enterprise),
        evidence,
        approving_unit: h.cadre_unit.clone(),
        program: "经商办企业".into(),
        ..h.clone()
    }
}

pub fn write_findings(path: &std::path::Path, findings: &[Finding]) -> Result<(), std::io::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(FINDINGS_COLUMNS)?;
    for f in findings {
        let h = &f.hit;
        let codes: Vec<&str> = f.reasons.iter().map(Reason::code).collect();
        let texts: Vec<String> = f.reasons.iter().map(Reason::text_zh).collect();
        w.write_record([
            format!("e{}", h.hit_id),
            h.tier.as_str().to_string(),
            format!("{:.2}", h.score),
            h.match_kind.to_string(),
            h.evidence.clone(),
            h.relation.as_str().to_string(),
            h.relation_term.clone(),
            h.cadre_name.clone(),
            h.cadre_id.clone(),
            h.cadre_unit.clone(),
            h.cadre_post.clone(),
            h.relative_name.clone(),
            h.relative_id.clone(),
            f.role.as_str().to_string(),
            f.person.post.clone(),
            f.person.capital.clone(),
            f.person.ratio.clone(),
            f.enterprise.name.clone(),
            f.enterprise.credit_code.clone(),
            f.enterprise.kind.clone(),
            f.enterprise.status.clone(),
            f.enterprise.established.clone(),
            f.enterprise.address.clone(),
            f.enterprise.scope.clone(),
            codes.join(";"),
            texts.join("；"),
            f.declared.clone(),
            h.roll_file.clone(),
            h.roll_sheet.clone(),
            h.roll_row.to_string(),
            h.kin_file.clone(),
            h.kin_sheet.clone(),
            h.kin_row.to_string(),
        ])?;
    }
    super::save_csv(path, w)
}

/// Write the declared businesses the registry does not hold.
pub fn write_not_found(path: &std::path::Path, ds: &[&Declaration]) -> Result<(), std::io::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["cadre_name", "relative_name", "enterprise_name", "credit_code", "declaration_file", "declaration_sheet", "declaration_row"])?;
    for d in ds {
        w.write_record([
            d.cadre.clone(),
            d.relative.clone(),
            d.enterprise.clone(),
            d.credit_code.clone(),
            d.source.file.clone(),
            d.source.sheet.clone(),
            d.source.row.to_string(),
        ])?;
    }
    super::save_csv(path, w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("统一社会信用代码", Some(Field::CreditCode))]
    #[case("企业名称", Some(Field::EntName))]
    #[case("名称", Some(Field::EntName))]
    #[case("法定代表人（负责人）", Some(Field::LegalRep))]
    #[case("法定代表人证件号码", Some(Field::PersonId))]
    #[case("股东名称", Some(Field::Shareholder))]
    #[case("股东证件号码", Some(Field::PersonId))]
    #[case("认缴出资额（万元）", Some(Field::Capital))]
    #[case("住所（经营场所）", Some(Field::Address))]
    #[case("经营范围", Some(Field::Scope))]
    #[case("登记状态", Some(Field::Status))]
    #[case("成立 日期", Some(Field::Established))]
    #[case("*姓名", Some(Field::PersonName))]
    #[case("职务", Some(Field::Post))]
    #[case("联系电话", None)]
    #[case("序号", None)]
    fn header_words(#[case] h: &str, #[case] want: Option<Field>) {
        assert_eq!(field_of(h), want, "{h}");
    }

    #[test]
    fn organisations_are_not_persons() {
        assert!(is_organisation("青石镇建材有限公司"));
        assert!(is_organisation("白马村股份经济合作社"));
        assert!(!is_organisation("张伟"));
    }
}
