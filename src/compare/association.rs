//! 社团兼职取酬: cadres holding posts in social organisations (学会、协会、
//! 研究会、基金会 …) and drawing pay there, found by comparing the cadres
//! themselves (and, with `--retired`, retired cadres) with the organisations'
//! filings of their officers. Each finding names the rules it breaks, from a
//! table ([`ORG_RULES`]): for retired cadres the limits of 中组发〔2014〕11号
//! (one organisation, at most two terms, up to age 70, no pay, normally not
//! the legal representative).

use super::reader::{Fields, Sheet, by_words, clean, read_files};
use crate::load::InputFile;
use crate::load::records::{KinRow, RawId, RollRow, Slot};
use crate::load::roles::Person;
use crate::matching::{self, MatchError, people::Cadre, people::Poi, places::Gazetteer};
use crate::model::{Hit, InputReport, Source};
use crate::normalize::relation::Relation;
use crate::normalize::unit::UnitTable;
use std::collections::{BTreeMap, BTreeSet};

/// A column of an organisation's officer filing (社会组织负责人备案 / 兼职登记).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OrgField {
    OrgName,
    OrgCode,
    OrgType,
    Supervisor,
    Name,
    Id,
    Post,
    Since,
    Term,
    Paid,
    Amount,
    LegalRep,
    /// The person's own job (现工作单位及职务, 退休前单位及职务): not the post held
    /// in the organisation.
    OwnPost,
}

const ORG_WORDS: &[(OrgField, &[&str])] = &[
    (
        OrgField::OrgName,
        &[
            "组织名称", "社会组织名称", "社团名称", "协会名称", "学会名称", "社会团体名称", "兼职单位", "兼职组织名称", "社团", "名称", "兼职社会组织",
            "兼职社团", "兼职组织",
        ],
    ),
    (OrgField::OrgCode, &["统一社会信用代码", "信用代码", "登记证号", "登记证书号"]),
    (OrgField::OrgType, &["组织类型", "社会组织类型", "类型", "类别"]),
    (OrgField::Supervisor, &["业务主管单位", "主管单位", "挂靠单位", "业务指导单位"]),
    (OrgField::Name, &["姓名", "负责人姓名", "兼职人员姓名", "人员姓名", "兼职人员", "负责人"]),
    (OrgField::Id, super::reader::ID_WORDS),
    (OrgField::Post, &["职务", "担任职务", "兼任职务", "社团职务", "拟任职务", "所任职务", "社会组织职务", "兼职社会组织职务", "兼职职务"]),
    (
        OrgField::Since,
        &[
            "任职时间", "任职起始时间", "任职日期", "任期起始", "任职起始日期", "兼职时间", "任职开始日期", "任职开始时间", "任职起止时间",
            "任职起止日期", "任职期限", "任期", "起止时间", "兼职起止时间",
        ],
    ),
    (OrgField::Term, &["届次", "任职届次", "第几届", "届数"]),
    (OrgField::Paid, &["是否领取报酬", "是否取酬", "领取报酬情况", "是否领薪", "是否领取薪酬", "取酬情况", "报酬情况"]),
    (OrgField::Amount, &["报酬金额", "金额", "年报酬", "报酬（元）", "取酬金额", "领取金额", "报酬"]),
    (OrgField::LegalRep, &["是否法定代表人", "是否担任法定代表人", "法定代表人"]),
    (
        OrgField::OwnPost,
        &[
            "工作单位及职务", "现工作单位及职务", "单位及职务", "现任职务", "本人职务", "退休前单位及职务", "原单位及职务", "原工作单位及职务",
            "退休前职务", "原职务", "行政职务", "工作单位", "现工作单位",
        ],
    ),
];

impl Fields for OrgField {
    fn of(header: &str) -> Option<OrgField> {
        by_words(header, ORG_WORDS)
    }
    fn as_str(self) -> &'static str {
        match self {
            OrgField::OrgName => "org_name",
            OrgField::OrgCode => "org_code",
            OrgField::OrgType => "org_type",
            OrgField::Supervisor => "supervisor",
            OrgField::Name => "name:officer",
            OrgField::Id => "id:officer",
            OrgField::Post => "post",
            OrgField::Since => "since",
            OrgField::Term => "term",
            OrgField::Paid => "paid",
            OrgField::Amount => "amount",
            OrgField::LegalRep => "legal_rep",
            OrgField::OwnPost => "own_post",
        }
    }
    fn anchors(self) -> bool {
        matches!(self, OrgField::Name | OrgField::Id)
    }
}

/// A column of the retired cadres' list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RetiredField {
    Name,
    Id,
    Unit,
    Rank,
    RetiredOn,
}

const RETIRED_WORDS: &[(RetiredField, &[&str])] = &[
    (RetiredField::Name, &["姓名", "干部姓名", "退休干部姓名"]),
    (RetiredField::Id, super::reader::ID_WORDS),
    (RetiredField::Unit, &["原单位", "原工作单位", "退休前单位", "原任职单位", "单位"]),
    (RetiredField::Rank, &["原职级", "职级", "原职务", "退休前职务", "原职务职级"]),
    (RetiredField::RetiredOn, &["退休时间", "退休日期", "退休年月", "离退休时间"]),
];

impl Fields for RetiredField {
    fn of(header: &str) -> Option<RetiredField> {
        by_words(header, RETIRED_WORDS)
    }
    fn as_str(self) -> &'static str {
        match self {
            RetiredField::Name => "name:cadre",
            RetiredField::Id => "id:cadre",
            RetiredField::Unit => "cadre_unit",
            RetiredField::Rank => "cadre_post",
            RetiredField::RetiredOn => "retired_on",
        }
    }
    fn anchors(self) -> bool {
        matches!(self, RetiredField::Name | RetiredField::Id)
    }
}

/// One officer of an organisation, as filed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OrgPost {
    pub org: String,
    pub org_code: String,
    pub org_type: String,
    pub supervisor: String,
    pub name: String,
    pub id: RawId,
    pub post: String,
    pub since: String,
    pub term: String,
    pub paid_text: String,
    pub amount: String,
    pub legal_rep: bool,
    pub source: Source,
}

impl OrgPost {
    /// Pay is drawn: 是 / 领取 / 有, or an amount above zero.
    pub fn paid(&self) -> bool {
        let t = clean(&self.paid_text);
        let said = !t.is_empty() && !["否", "无", "不", "未", "0", "N"].iter().any(|w| t.starts_with(w));
        let amount = self.amount.trim_end_matches('元').replace(',', "").parse::<f64>().is_ok_and(|a| a > 0.0);
        said || amount
    }
    /// The organisation, by its name (filings of several sources may not all carry the code).
    fn org_key(&self) -> String {
        if self.org.is_empty() { self.org_code.clone() } else { clean(&self.org) }
    }
}

/// What the filings hold.
#[derive(Clone, Debug, Default)]
pub struct Filings {
    pub reports: Vec<InputReport>,
    pub posts: Vec<OrgPost>,
}

/// The endings of a social organisation's name, for a title naming one.
const ORG_SUFFIXES: &[&str] = &[
    "协会", "学会", "研究会", "促进会", "商会", "联合会", "基金会", "联谊会", "俱乐部", "研究院", "服务中心", "发展中心", "民办非企业单位",
];

/// The terms a 届次 cell names: `第二届、第三届` and `第二、三届` are two; 第4届,
/// 第四届, 第四届理事会 and 第四届（2016.06-2021.06） are one term, the fourth.
fn terms_in(t: &str) -> Vec<String> {
    // Dates in brackets are no terms.
    let t = crate::normalize::outside_brackets(t);
    t.split(['、', ',', '，', ';', '；', '/', '和', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let core = p.trim_start_matches('第');
            let core = core.split('届').next().unwrap_or(core);
            match term_number(core) {
                Some(n) => format!("第{n}届"),
                None => format!("第{core}届"),
            }
        })
        .collect()
}

/// 4, 四, 十二, 二十一 -> the number.
fn term_number(t: &str) -> Option<u32> {
    if let Ok(n) = t.parse::<u32>() {
        return Some(n);
    }
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|d| d as u32);
    let cs: Vec<char> = t.chars().collect();
    match cs.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', d] => digit(*d).map(|d| 10 + d),
        [t, '十'] => digit(*t).map(|t| t * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => None,
    }
}

fn yes(t: &str) -> bool {
    let t = clean(t);
    ["是", "担任", "Y", "√"].iter().any(|w| t.starts_with(w))
}

/// Read the organisations' filings.
pub fn read(files: &[InputFile]) -> Filings {
    let mut f = Filings::default();
    f.reports = read_files::<OrgField>(files, "orgs", "组织名称、姓名、身份证号、职务…", &mut |s: &mut Sheet<OrgField>| {
        // One organisation's list, named only in its title (道县书法家协会第三届理事会组成人员名单).
        let titled = (!s.has(OrgField::OrgName)).then(|| super::reader::title_organisation(&s.above, ORG_SUFFIXES)).flatten();
        // Officers across the row under their posts (会长 | 会长身份证号 | 秘书长 …,
        // 法定代表人 | 法定代表人身份证号码), beside or instead of one person per row.
        let across = super::reader::posts_across(&s.header);
        let taken: BTreeSet<usize> = across.iter().flat_map(|a| [a.1, a.2]).collect();
        let col_of = |f: OrgField| s.cols.iter().find(|(c, x)| *x == f && !taken.contains(c)).map(|(c, _)| *c);
        let (name_c, id_c, legal_c) = (col_of(OrgField::Name), col_of(OrgField::Id), col_of(OrgField::LegalRep));
        // Pay per year across the row (2022年度领取报酬 | 2023年度 …): drawn in any year.
        let amount_cs: Vec<usize> = s.cols.iter().filter(|(_, x)| *x == OrgField::Amount).map(|(c, _)| *c).collect();
        let rows = std::mem::take(&mut s.rows);
        for r in &rows {
            let text = |c: Option<usize>| c.map(|c| super::reader::cell(r, c)).unwrap_or_default();
            let id_at = |c: Option<usize>| c.and_then(|c| r.cells.get(c)).map(RawId::from_cell).unwrap_or(RawId::Empty);
            let mut people: Vec<(String, RawId, String)> = Vec::new();
            if name_c.is_some() || id_c.is_some() || across.is_empty() {
                people.push((text(name_c), id_at(id_c), s.get(r, OrgField::Post)));
            }
            people.extend(across.iter().map(|(post, nc, ic)| (text(Some(*nc)), id_at(Some(*ic)), post.clone())));
            people.retain(|(n, i, _)| !n.is_empty() || !i.is_empty());
            if people.is_empty() {
                s.unusable("no_person");
                continue;
            }
            let amount = match amount_cs.as_slice() {
                [_, _, ..] => {
                    let total: f64 = amount_cs.iter().filter_map(|&c| super::reader::cell(r, c).trim_end_matches('元').replace(',', "").parse::<f64>().ok()).sum();
                    if total > 0.0 { format!("{total}") } else { String::new() }
                }
                _ => s.get(r, OrgField::Amount),
            };
            for (name, id, post) in people {
                f.posts.push(OrgPost {
                    org: titled.clone().unwrap_or_else(|| s.get(r, OrgField::OrgName)),
                    org_code: s.get(r, OrgField::OrgCode).chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase(),
                    org_type: s.get(r, OrgField::OrgType),
                    supervisor: s.get(r, OrgField::Supervisor),
                    legal_rep: yes(&text(legal_c)) || post.contains("法定代表人"),
                    post,
                    since: s.get(r, OrgField::Since),
                    term: s.get(r, OrgField::Term),
                    paid_text: s.get(r, OrgField::Paid),
                    amount: amount.clone(),
                    name,
                    id,
                    source: Source {
                        file: s.file.clone(),
                        sheet: s.sheet.clone(),
                        row: r.number,
                    },
                });
            }
        }
    });
    f
}

/// Retired cadres, as register rows of cadres without relatives.
pub fn read_retired(files: &[InputFile]) -> (Vec<KinRow>, BTreeMap<Source, String>, Vec<InputReport>) {
    let (mut kin, mut retired_on) = (Vec::new(), BTreeMap::new());
    let reports = read_files::<RetiredField>(files, "retired", "姓名、身份证号、原单位、退休时间", &mut |s: &mut Sheet<RetiredField>| {
        let rows = std::mem::take(&mut s.rows);
        for r in &rows {
            let name = s.get(r, RetiredField::Name);
            let id = s.col(RetiredField::Id).and_then(|c| r.cells.get(c)).map(RawId::from_cell).unwrap_or(RawId::Empty);
            if name.is_empty() && id.is_empty() {
                s.unusable("no_person");
                continue;
            }
            let source = Source {
                file: s.file.clone(),
                sheet: s.sheet.clone(),
                row: r.number,
            };
            retired_on.insert(source.clone(), s.get(r, RetiredField::RetiredOn));
            // 原工作单位及职务 县财政局局长: the unit, and the post when no rank column gives one.
            let written = s.get(r, RetiredField::Unit);
            let (unit, post) = crate::normalize::unit::split_post(&written, 2).unwrap_or((written.as_str(), ""));
            let rank = s.get(r, RetiredField::Rank);
            kin.push(KinRow {
                source,
                cadre_name: name,
                cadre_id: id,
                cadre_unit: unit.to_string(),
                cadre_post: if rank.is_empty() { post.to_string() } else { rank.clone() },
                relative_name: String::new(),
                relative_id: RawId::Empty,
                relation_term: String::new(),
                address: String::new(),
                birth: String::new(),
            });
        }
    });
    (kin, retired_on, reports)
}

/// The rules a finding may break, as data: (rule, code, what it says).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OrgRule {
    ServingPost,
    ServingPaid,
    RetiredManyOrgs,
    RetiredTerms,
    RetiredOver70,
    RetiredPaid,
    RetiredLegalRep,
}

pub const ORG_RULES: &[(OrgRule, &str, &str)] = &[
    (OrgRule::ServingPost, "serving_post", "在职干部在社会组织兼任职务：核实是否按干部管理权限审批"),
    (OrgRule::ServingPaid, "serving_paid", "在职干部兼职领取报酬"),
    (OrgRule::RetiredManyOrgs, "retired_more_than_one_org", "退休干部兼任职务的社会组织超过 1 个"),
    (OrgRule::RetiredTerms, "retired_more_than_two_terms", "退休干部在同一社会组织任职超过两届"),
    (OrgRule::RetiredOver70, "retired_over_70", "退休干部年满 70 周岁仍在任职"),
    (OrgRule::RetiredPaid, "retired_paid", "退休干部兼职领取报酬"),
    (OrgRule::RetiredLegalRep, "retired_legal_rep", "退休干部担任社会组织法定代表人"),
];

impl OrgRule {
    pub fn code(self) -> &'static str {
        ORG_RULES.iter().find(|r| r.0 == self).map_or("", |r| r.1)
    }
    pub fn text_zh(self) -> &'static str {
        ORG_RULES.iter().find(|r| r.0 == self).map_or("", |r| r.2)
    }
}

/// One finding: a cadre (serving or retired) holding a post in an organisation.
#[derive(Clone, Debug)]
pub struct Finding {
    pub hit: Hit,
    pub post: OrgPost,
    pub retired: bool,
    pub retired_on: String,
    /// Organisations and terms the person holds across the filings.
    pub orgs_held: usize,
    pub terms_held: usize,
    /// Age on the run date, from the ID's birth date.
    pub age: Option<u32>,
    pub rules: Vec<OrgRule>,
}

fn rows_of(posts: &[OrgPost]) -> Vec<RollRow> {
    posts
        .iter()
        .map(|p| RollRow {
            source: p.source.clone(),
            slots: vec![Slot {
                role: Person::Other(3),
                name: p.name.as_str().into(),
                id: p.id.clone(),
                norm: p.id.normalize(),
            }],
            township: Default::default(),
            village: Default::default(),
            group: Default::default(),
            amount: None,
            amount_unread: Default::default(),
            date: (p.since.clone()).into(),
            program: "社团兼职".into(),
            unit: (p.supervisor.clone()).into(),
            relation_to_head: Default::default(),
            contractor: (p.org.clone()).into(),
            address: Default::default(),
            period: Default::default(),
            place_hint: None,
        })
        .collect()
}

/// Age in whole years on `date` (`YYYY-MM-DD`) of someone born `birth` (`yyyymmdd`).
pub fn age_on(birth: u32, date: &str) -> Option<u32> {
    let d: String = date.chars().filter(|c| c.is_ascii_digit()).collect();
    let on: u32 = d.get(..8)?.parse().ok()?;
    let years = (on / 10_000).checked_sub(birth / 10_000)?;
    Some(if on % 10_000 < birth % 10_000 { years.saturating_sub(1) } else { years })
}

/// Compare the filings with the serving cadres (their own `self` persons)
/// and with the retired cadres; apply the rules on `run_date`.
#[allow(clippy::too_many_arguments)]
pub fn compare(
    filings: &Filings,
    cadres: &[Cadre],
    pois: &[Poi],
    retired: &[KinRow],
    retired_on: &BTreeMap<Source, String>,
    gaz: &Gazetteer,
    units: &UnitTable,
    run_date: &str,
) -> Result<Vec<Finding>, MatchError> {
    let rows = rows_of(&filings.posts);
    // A row may file several officers (会长 | … | 秘书长 …): each post by its row and name.
    let by_source: BTreeMap<(&Source, &str), &OrgPost> = filings.posts.iter().map(|p| ((&p.source, p.name.as_str()), p)).collect();
    let selfs: Vec<Poi> = pois.iter().filter(|p| p.relation == Relation::SelfRel).cloned().collect();
    let (rc, rp) = matching::people::persons_of_interest(retired, &[Relation::SelfRel], units);
    let mut found: Vec<(Hit, bool, Option<u32>)> = Vec::new();
    for (cs, ps, is_retired) in [(cadres, selfs.as_slice(), false), (rc.as_slice(), rp.as_slice(), true)] {
        if ps.is_empty() {
            continue;
        }
        let mut batch = matching::Batch::new(cs, ps, gaz, units)?;
        batch.add_rolls(&rows)?;
        for h in batch.finish().hits {
            let birth = ps
                .iter()
                .find(|p| cs.get(p.cadre).is_some_and(|c| c.name.display == h.cadre_name && c.unit == h.cadre_unit))
                .and_then(|p| p.id.birth);
            found.push((h, is_retired, birth));
        }
    }
    // Organisations and terms per person (by the cadre the hit names).
    let person_of = |h: &Hit| (h.cadre_name.clone(), h.cadre_id.clone(), h.cadre_unit.clone());
    let mut orgs: BTreeMap<(String, String, String), BTreeSet<String>> = BTreeMap::new();
    let mut terms: BTreeMap<((String, String, String), String), BTreeSet<String>> = BTreeMap::new();
    for (h, _, _) in &found {
        let src = Source {
            file: h.roll_file.clone(),
            sheet: h.roll_sheet.clone(),
            row: h.roll_row,
        };
        if let Some(p) = by_source.get(&(&src, h.roll_name.as_str())) {
            orgs.entry(person_of(h)).or_default().insert(p.org_key());
            let held = if p.term.is_empty() { vec![format!("row{}", p.source.row)] } else { terms_in(&clean(&p.term)) };
            terms.entry((person_of(h), p.org_key())).or_default().extend(held);
        }
    }
    let mut out = Vec::new();
    for (hit, is_retired, birth) in found {
        let src = Source {
            file: hit.roll_file.clone(),
            sheet: hit.roll_sheet.clone(),
            row: hit.roll_row,
        };
        let Some(post) = by_source.get(&(&src, hit.roll_name.as_str())).map(|p| (*p).clone()) else { continue };
        let key = person_of(&hit);
        let orgs_held = orgs.get(&key).map_or(1, BTreeSet::len);
        let terms_held = terms.get(&(key, post.org_key())).map_or(1, BTreeSet::len);
        let age = birth.and_then(|b| age_on(b, run_date));
        let mut rules = Vec::new();
        if is_retired {
            if orgs_held > 1 {
                rules.push(OrgRule::RetiredManyOrgs);
            }
            if terms_held > 2 {
                rules.push(OrgRule::RetiredTerms);
            }
            if age.is_some_and(|a| a >= 70) {
                rules.push(OrgRule::RetiredOver70);
            }
            if post.paid() {
                rules.push(OrgRule::RetiredPaid);
            }
            if post.legal_rep {
                rules.push(OrgRule::RetiredLegalRep);
            }
        } else {
            rules.push(OrgRule::ServingPost);
            if post.paid() {
                rules.push(OrgRule::ServingPaid);
            }
        }
        // A retired cadre within every limit is not a finding.
        if rules.is_empty() {
            continue;
        }
        let retired_on = if is_retired {
            retired
                .iter()
                .find(|k| k.cadre_name == hit.cadre_name && k.cadre_unit == hit.cadre_unit)
                .and_then(|k| retired_on.get(&k.source).cloned())
                .unwrap_or_default()
        } else {
            String::new()
        };
        out.push(Finding {
            hit,
            post,
            retired: is_retired,
            retired_on,
            orgs_held,
            terms_held,
            age,
            rules,
        });
    }
    out.sort_by(|a, b| {
        (&a.hit.roll_file, &a.hit.roll_sheet, a.hit.roll_row, a.retired, &a.hit.kin_file, a.hit.kin_row).cmp(&(
            &b.hit.roll_file,
            &b.hit.roll_sheet,
            b.hit.roll_row,
            b.retired,
            &b.hit.kin_file,
            b.hit.kin_row,
        ))
    });
    Ok(out)
}

/// The columns of `association_findings.csv`.
pub const FINDINGS_COLUMNS: &[&str] = &[
    "finding_id", "tier", "score", "match_kind", "evidence", "cadre_name", "cadre_id", "cadre_unit", "cadre_post", "retired",
    "retired_on", "org_name", "org_code", "org_type", "supervisor", "post", "since", "term", "paid", "amount", "legal_rep",
    "orgs_held", "terms_held", "age", "rules", "rules_text", "orgs_file", "orgs_sheet", "orgs_row", "kin_file", "kin_sheet",
    "kin_row",
];

/// A finding as a ledger lead: its `finding_id`, verified by the cadre's unit
/// (a retired cadre's former unit), the rules it breaks in the evidence.
pub fn lead_hit(f: &Finding) -> Hit {
    let h = &f.hit;
    let rules: Vec<&str> = f.rules.iter().map(|r| r.text_zh()).collect();
    Hit {
        hit_id: format!("a{}", h.hit_id),
        match_kind: h.match_kind.pair().map_or(h.match_kind, crate::model::MatchKind::Association),
        evidence: format!("{} {}：{}；{}", f.post.org, f.post.post, rules.join("；"), h.evidence),
        approving_unit: h.cadre_unit.clone(),
        program: "社团兼职".into(),
        ..h.clone()
    }
}

pub fn write_findings(path: &std::path::Path, findings: &[Finding]) -> Result<(), std::io::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(FINDINGS_COLUMNS)?;
    for f in findings {
        let h = &f.hit;
        let p = &f.post;
        let b = |x: bool| if x { "true" } else { "false" }.to_string();
        w.write_record([
            format!("a{}", h.hit_id),
            h.tier.as_str().to_string(),
            format!("{:.2}", h.score),
            h.match_kind.to_string(),
            h.evidence.clone(),
            h.cadre_name.clone(),
            h.cadre_id.clone(),
            h.cadre_unit.clone(),
            h.cadre_post.clone(),
            b(f.retired),
            f.retired_on.clone(),
            p.org.clone(),
            p.org_code.clone(),
            p.org_type.clone(),
            p.supervisor.clone(),
            p.post.clone(),
            p.since.clone(),
            p.term.clone(),
            b(p.paid()),
            p.amount.clone(),
            b(p.legal_rep),
            f.orgs_held.to_string(),
            f.terms_held.to_string(),
            f.age.map(|a| a.to_string()).unwrap_or_default(),
            f.rules.iter().map(|r| r.code()).collect::<Vec<_>>().join(";"),
            f.rules.iter().map(|r| r.text_zh()).collect::<Vec<_>>().join("；"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_written_several_ways_are_one_term() {
        // regression (probe s31): 第4届 / 第四届 / 第四届理事会 / 第五届（2021.06-2026.06） counted
        // as distinct terms (three terms, retired_more_than_two_terms, where two).
        for (t, want) in [
            ("第4届", vec!["第4届"]),
            ("第四届", vec!["第4届"]),
            ("第四届理事会", vec!["第4届"]),
            ("第五届（2021.06-2026.06）", vec!["第5届"]),
            ("第二、三届", vec!["第2届", "第3届"]),
            ("第十二届", vec!["第12届"]),
            ("第二十一届", vec!["第21届"]),
        ] {
            assert_eq!(terms_in(t), want, "{t}");
        }
    }
    use rstest::rstest;

    #[rstest]
    #[case("社会组织名称", Some(OrgField::OrgName))]
    #[case("业务主管单位", Some(OrgField::Supervisor))]
    #[case("兼职人员姓名", Some(OrgField::Name))]
    #[case("公民身份号码", Some(OrgField::Id))]
    #[case("担任职务", Some(OrgField::Post))]
    #[case("是否领取报酬", Some(OrgField::Paid))]
    #[case("报酬金额（元）", Some(OrgField::Amount))]
    #[case("届次", Some(OrgField::Term))]
    #[case("是否担任法定代表人", Some(OrgField::LegalRep))]
    #[case("备注", None)]
    fn org_headers(#[case] h: &str, #[case] want: Option<OrgField>) {
        assert_eq!(OrgField::of(h), want, "{h}");
    }

    #[rstest]
    #[case("是", "", true)]
    #[case("否", "", false)]
    #[case("", "3000", true)]
    #[case("不领取", "0", false)]
    #[case("领取", "", true)]
    fn pay(#[case] text: &str, #[case] amount: &str, #[case] want: bool) {
        let p = OrgPost { paid_text: text.into(), amount: amount.into(), ..Default::default() };
        assert_eq!(p.paid(), want);
    }

    /// Regression (probe s27): 第二届、第三届 in one cell was one term, so a retired
    /// cadre in his third term was within the two-term limit.
    #[test]
    fn regression_several_terms_in_one_cell_counted_as_one() {
        assert_eq!(terms_in("第二届、第三届"), ["第2届", "第3届"]);
        assert_eq!(terms_in("第二、三届"), ["第2届", "第3届"]);
        assert_eq!(terms_in("第四届"), ["第4届"]);
    }

    #[test]
    fn age_on_a_date() {
        assert_eq!(age_on(19541102, "2024-11-01"), Some(69));
        assert_eq!(age_on(19541101, "2024-11-01"), Some(70));
        assert_eq!(age_on(19541101, ""), None);
    }

    #[test]
    fn every_rule_has_a_code_and_a_text() {
        for (r, code, text) in ORG_RULES {
            assert_eq!(r.code(), *code);
            assert!(!text.is_empty() && !code.is_empty());
        }
    }
}
