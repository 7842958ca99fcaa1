//! Scoring one candidate pair: what the IDs, names, birth, sex and place say,
//! the tier that evidence earns, and the sentence a reviewer reads.
//!
//! The rules, strongest first:
//! - the same ID (after repair, legacy numbers upgraded) establishes identity: `confirmed`;
//! - an Excel-truncated ID consistent in its 15 kept digits, or an ID one
//!   typo / one transposition away (one side failing its check digit), with the
//!   same name: `probable`;
//! - an ID missing on one side, the same name, the same village, and birth and
//!   sex consistent with the relation: `probable`; in the same township only: `possible`;
//! - a relative without ID whose register states a birth (出生日期) equal to the
//!   birth in the roll's ID, with the same name: `probable` unless the places
//!   disagree (a stated month only: `probable` in the same township, else `possible`);
//! - both IDs missing, the same name, the same village: `possible`.
//!
//! Two different IDs that both pass their check digit are evidence against:
//! no hit. A homophone name never counts as a name match without an ID.

use super::people::{Cadre, Poi, RollPerson, id_present};
use crate::model::Tier;
use crate::normalize::id::{IdDiff, IdStatus, NormId, id_distance, masked_agrees, zero_filled};
use crate::normalize::name::{NameMatch, compare_names};
use crate::normalize::relation::birth_gap_range;

/// What the two IDs say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdEvidence {
    /// Identity keys equal (valid, repaired, or upgraded from 15 digits).
    KeyEqual,
    /// The same 18 characters on both sides, failing the check digit on both.
    SameInvalid,
    /// One side truncated by Excel; its 15 kept digits agree with the other.
    Truncated,
    /// One side truncated; region and birth agree, the 15th digit does not.
    TruncatedPrefix,
    OneDigit { pos: usize },
    Transposed { pos: usize },
    /// One side masked for publication; its `visible` characters agree with the other.
    Masked { visible: usize },
    RollMissing,
    KinMissing,
    BothMissing,
    /// Different numbers: evidence against.
    Contradict,
}

fn truncated_vs(trunc: &NormId, other: &NormId) -> IdEvidence {
    let t15 = trunc.value.get(..15).unwrap_or("");
    let t14 = trunc.partial.as_deref();
    if t14.is_none() || t15.len() < 15 {
        return IdEvidence::Contradict;
    }
    // Excel keeps 15 significant digits of a typed number and zero-fills the
    // rest: the kept digits are cut, not rounded.
    if other.value.get(..15) == Some(t15) {
        IdEvidence::Truncated
    } else if t14 == other.partial.as_deref() {
        IdEvidence::TruncatedPrefix
    } else {
        IdEvidence::Contradict
    }
}

/// An 18-character number whose birth date is impossible (a typo there) is
/// still compared digit by digit.
fn near_comparable(id: &NormId) -> bool {
    id_present(id) || (id.status == IdStatus::Malformed && id.value.len() == 18 && id.value[..17].bytes().all(|b| b.is_ascii_digit()))
}

/// A masked number against the other side's: compared on what it shows when
/// the other is a number of 18 characters (an Excel-cut one on the 15 digits
/// it kept); against nothing, or another mask, it is as good as missing.
fn masked_vs(masked: &NormId, other: &NormId) -> IdEvidence {
    if other.status == IdStatus::Masked || !near_comparable(other) {
        return IdEvidence::BothMissing;
    }
    if other.value.len() != 18 {
        return IdEvidence::Contradict;
    }
    let v = other.key.as_deref().unwrap_or(&other.value);
    let known = if other.status == IdStatus::ExcelTruncated { v.get(..15).unwrap_or(v) } else { v };
    masked_agrees(&masked.value, known).map_or(IdEvidence::Contradict, |visible| IdEvidence::Masked { visible })
}

pub fn compare_ids(roll: &NormId, kin: &NormId) -> IdEvidence {
    if roll.status == IdStatus::Masked {
        return masked_vs(roll, kin);
    }
    if kin.status == IdStatus::Masked {
        return masked_vs(kin, roll);
    }
    match (near_comparable(roll), near_comparable(kin)) {
        (false, false) => return IdEvidence::BothMissing,
        (false, true) => return IdEvidence::RollMissing,
        (true, false) => return IdEvidence::KinMissing,
        _ => {}
    }
    if let (Some(a), Some(b)) = (&roll.key, &kin.key) {
        return if a == b {
            IdEvidence::KeyEqual
        } else if (zero_filled_key(roll) || zero_filled_key(kin)) && a[..15] == b[..15] {
            // An Excel-cut number whose three zeros happen to make a valid check
            // digit (one time in eleven) is a valid key that agrees on 15 digits.
            IdEvidence::Truncated
        } else {
            IdEvidence::Contradict
        };
    }
    if roll.status == IdStatus::ExcelTruncated {
        return truncated_vs(roll, kin);
    }
    if kin.status == IdStatus::ExcelTruncated {
        return truncated_vs(kin, roll);
    }
    // At least one side fails its check digit (or is otherwise not a key).
    let a = roll.key.as_deref().unwrap_or(&roll.value);
    let b = kin.key.as_deref().unwrap_or(&kin.value);
    if a.len() != 18 || b.len() != 18 {
        return IdEvidence::Contradict;
    }
    match id_distance(a, b) {
        IdDiff::Equal => IdEvidence::SameInvalid,
        IdDiff::OneSubstitution { pos } => IdEvidence::OneDigit { pos },
        IdDiff::AdjacentTransposition { pos } => IdEvidence::Transposed { pos },
        IdDiff::Other => IdEvidence::Contradict,
    }
}

/// A valid key ending in `000`: what an ID cut to 15 digits by Excel looks
/// like when the zeros happen to pass the check digit.
pub fn zero_filled_key(id: &NormId) -> bool {
    id.key.as_deref().is_some_and(zero_filled)
}

/// The side of a pair whose ID looks cut by Excel.
pub fn looks_truncated(id: &NormId) -> bool {
    id.status == IdStatus::ExcelTruncated || zero_filled_key(id)
}

/// Birth year from yyyymmdd.
fn year(b: u32) -> i32 {
    (b / 10_000) as i32
}

/// Does a birth date and sex fit the relation to the cadre? `None`: nothing to check.
fn fits_relation(poi: &Poi, cadre: &Cadre, birth: Option<u32>, sex: Option<crate::normalize::id::Sex>) -> Option<bool> {
    let mut checked = false;
    if let (Some(want), Some(got)) = (poi.sex_hint, sex) {
        if want != got {
            return Some(false);
        }
        checked = true;
    }
    if let (Some(b), Some(cb), Some((lo, hi))) = (birth, cadre.id.birth, birth_gap_range(poi.relation)) {
        let gap = year(b) - year(cb);
        if gap < lo || gap > hi {
            return Some(false);
        }
        checked = true;
    }
    checked.then_some(true)
}

/// Does the birth in an ID place it in the relation's age range to the cadre
/// (the range known, both births known, the sex not contradicting)? A fit of
/// the sex alone says little: half of all namesakes share it.
fn age_fits(poi: &Poi, cadre: &Cadre, birth: Option<u32>, sex: Option<crate::normalize::id::Sex>) -> bool {
    let checked = birth.is_some() && cadre.id.birth.is_some() && birth_gap_range(poi.relation).is_some();
    checked && fits_relation(poi, cadre, birth, sex) == Some(true)
}

/// A name of three characters or more: two-character names (王伟, 刘芳) are
/// shared by many in a county, and a name with the place alone is no lead.
fn distinctive(n: &crate::normalize::name::NormName) -> bool {
    n.key.chars().count() >= 3
}

/// Which row of [`EVIDENCE`] a pair's evidence earned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Evidence {
    IdExact,
    IdLegacy,
    IdExactNameDiffers,
    IdSameInvalid,
    IdSameInvalidNameDiffers,
    IdTruncated,
    IdTruncatedPartial,
    /// One side's ID masked for publication, its visible characters agreeing, the name the same.
    IdMasked,
    /// The same with the name only close, or the places disagreeing.
    IdMaskedPartial,
    IdTypoBirthAgrees,
    IdTypo,
    IdTypoNameClose,
    IdTransposedBirthAgrees,
    IdTransposed,
    IdTransposedNameClose,
    NameBirthDayVillage,
    NameBirthDay,
    NameBirthDayElsewhere,
    NameBirthMonth,
    /// The stated birth month agrees, the name has three characters or more,
    /// the places cannot be compared (a firm's address, a register without one).
    NameBirthMonthDistinctive,
    NameBirthMonthUnplaced,
    NamePlaceFit,
    /// The register gives the relative no ID (and no birth, nor a village to
    /// compare); a name of three characters or more, the roll's ID fitting the
    /// relation by age (and sex), the places the same township or not
    /// comparable. For a reviewer, and only while the rolls show no other
    /// person of the name (`matching::settle`).
    NameFit,
    NamePlaceRollNoId,
    NamePlace,
    NameVillageNoIds,
    /// Not scored from the pair alone: the cadre's own declaration (申报表)
    /// names this relative in this enterprise (`compare::enterprise`).
    NameDeclared,
    /// Not scored from the pair alone: the only person of the relative's name
    /// in a small register (the enterprise registry), whose ID fits
    /// (`compare::enterprise`).
    NameFitUnique,
    /// Not scored from the pair alone: the registry gives the person no ID,
    /// the enterprise is in the relative's township, and every other person of
    /// the name in the registry is someone else by ID (`compare::enterprise`).
    NameTownshipUnique,
}

/// `match_kind` in hits.csv: the family of [`EVIDENCE`] rows a pair's
/// evidence belongs to (several rows share one: `id_typo` with or without the
/// birth agreeing). Written and read by [`PairKind::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PairKind {
    IdExact,
    IdLegacy,
    IdExactNameDiffers,
    IdSameInvalid,
    IdTruncated,
    IdTruncatedPartial,
    IdMasked,
    IdTypo,
    IdTransposed,
    NameBirth,
    NamePlace,
    NameFit,
    NameDeclared,
    NameFitUnique,
    NameTownshipUnique,
    NameVillage,
}

impl PairKind {
    /// Every kind with its code in hits.csv.
    pub const ALL: &[(PairKind, &str)] = &[
        (PairKind::IdExact, "id_exact"),
        (PairKind::IdLegacy, "id_legacy"),
        (PairKind::IdExactNameDiffers, "id_exact_name_differs"),
        (PairKind::IdSameInvalid, "id_same_invalid"),
        (PairKind::IdTruncated, "id_truncated"),
        (PairKind::IdTruncatedPartial, "id_truncated_partial"),
        (PairKind::IdMasked, "id_masked"),
        (PairKind::IdTypo, "id_typo"),
        (PairKind::IdTransposed, "id_transposed"),
        (PairKind::NameBirth, "name_birth"),
        (PairKind::NamePlace, "name_place"),
        (PairKind::NameFit, "name_fit"),
        (PairKind::NameDeclared, "name_declared"),
        (PairKind::NameFitUnique, "name_fit_unique"),
        (PairKind::NameTownshipUnique, "name_township_unique"),
        (PairKind::NameVillage, "name_village"),
    ];

    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(k, _)| *k == self).map_or("", |(_, s)| s)
    }

    pub fn parse(s: &str) -> Option<PairKind> {
        Self::ALL.iter().find(|(_, c)| *c == s).map(|(k, _)| *k)
    }
}

/// One row of the evidence table.
#[derive(Clone, Copy, Debug)]
pub struct EvidenceRule {
    pub evidence: Evidence,
    /// The row's code: in hits.csv's `reasons`.
    pub code: &'static str,
    /// `match_kind` in hits.csv.
    pub kind: PairKind,
    pub tier: Tier,
    /// The score; rows marked `name_graded` lose [`name_penalty`] for a name
    /// that agrees only as a variant, a homophone or one character.
    pub score: f64,
    pub name_graded: bool,
    /// What the row means, for the reviewer (the review workbook's 说明 lists these).
    pub text_zh: &'static str,
}

const fn rule(evidence: Evidence, code: &'static str, kind: PairKind, tier: Tier, score: f64, name_graded: bool, text_zh: &'static str) -> EvidenceRule {
    EvidenceRule { evidence, code, kind, tier, score, name_graded, text_zh }
}

/// The evidence table: ID evidence × name grade × place × age/sex fit → tier,
/// score and what it means. `score()` decides which row a pair's evidence
/// earns; the tier and score come from here, and the review guide is written
/// from here, so the two cannot disagree.
pub const EVIDENCE: &[EvidenceRule] = &[
    rule(Evidence::IdExact, "id_exact", PairKind::IdExact, Tier::Confirmed, 1.0, true, "身份证号一致（格式规范后，如空格、小写 x、全角数字、前导撇号），姓名一致或相近：同一人"),
    rule(Evidence::IdLegacy, "id_legacy", PairKind::IdLegacy, Tier::Confirmed, 1.0, true, "一方为 15 位旧身份证号，升为 18 位后与另一方一致，姓名一致或相近：同一人"),
    rule(Evidence::IdSameInvalid, "id_same_invalid", PairKind::IdSameInvalid, Tier::Confirmed, 0.95, false, "两表身份证号 18 位完全相同（校验位均有误），姓名一致或相近"),
    rule(Evidence::IdTruncated, "id_truncated", PairKind::IdTruncated, Tier::Probable, 0.9, false, "一方身份证号被 Excel 截断为 15 位有效数字，保留的 15 位与另一方一致，姓名一致，住址不矛盾"),
    rule(Evidence::IdMasked, "id_masked", PairKind::IdMasked, Tier::Probable, 0.85, false, "一方身份证号已脱敏（如 432921********102X），显示的各位与另一方一致，姓名一致，住址不矛盾"),
    rule(Evidence::IdTypoBirthAgrees, "id_typo_birth_agrees", PairKind::IdTypo, Tier::Probable, 0.9, false, "身份证号仅一位不同（一方校验位错误，疑似录入笔误），出生日期一致，姓名一致"),
    rule(Evidence::IdTypo, "id_typo", PairKind::IdTypo, Tier::Probable, 0.85, false, "身份证号仅一位不同（一方校验位错误，疑似录入笔误），姓名一致"),
    rule(Evidence::IdTransposedBirthAgrees, "id_transposed_birth_agrees", PairKind::IdTransposed, Tier::Probable, 0.9, false, "身份证号相邻两位顺序颠倒（一方校验位错误），出生日期一致，姓名一致"),
    rule(Evidence::IdTransposed, "id_transposed", PairKind::IdTransposed, Tier::Probable, 0.85, false, "身份证号相邻两位顺序颠倒（一方校验位错误），姓名一致"),
    rule(Evidence::NameBirthDayVillage, "name_birth_day_village", PairKind::NameBirth, Tier::Probable, 0.9, false, "登记表未填亲属身份证号，但所填出生日期与花名册身份证号中的出生日期一致，姓名一致，同村"),
    rule(Evidence::NameBirthDay, "name_birth_day", PairKind::NameBirth, Tier::Probable, 0.85, false, "登记表未填亲属身份证号，但所填出生日期与花名册身份证号中的出生日期一致，姓名一致，住址不矛盾"),
    rule(Evidence::NameBirthMonth, "name_birth_month", PairKind::NameBirth, Tier::Probable, 0.8, false, "登记表未填亲属身份证号，所填出生年月与花名册身份证号一致，姓名一致，同乡镇"),
    rule(Evidence::NameBirthMonthDistinctive, "name_birth_month_distinctive", PairKind::NameBirth, Tier::Probable, 0.75, false, "登记表未填亲属身份证号，所填出生年月与花名册身份证号一致，姓名一致（三字以上），住址无法比较"),
    rule(Evidence::NamePlaceFit, "name_place_fit", PairKind::NamePlace, Tier::Probable, 0.8, false, "登记表未填亲属身份证号，姓名一致，同村，花名册身份证号所含性别、年龄与亲属关系相符"),
    rule(Evidence::NamePlaceRollNoId, "name_place_roll_no_id", PairKind::NamePlace, Tier::Probable, 0.8, false, "花名册无有效身份证号，姓名一致，同村"),
    rule(Evidence::NameDeclared, "name_declared", PairKind::NameDeclared, Tier::Probable, 0.9, false, "干部本人申报表载明该亲属在此企业经商办企业，企业登记中该企业的同名人员（身份证号不矛盾）即为该亲属"),
    rule(Evidence::IdExactNameDiffers, "id_exact_name_differs", PairKind::IdExactNameDiffers, Tier::Possible, 0.6, false, "身份证号一致但姓名不同：请核实号码是否填错"),
    rule(Evidence::IdSameInvalidNameDiffers, "id_same_invalid_name_differs", PairKind::IdSameInvalid, Tier::Possible, 0.55, false, "两表身份证号完全相同（校验位均有误），但姓名不一致"),
    rule(Evidence::IdTruncatedPartial, "id_truncated_partial", PairKind::IdTruncatedPartial, Tier::Possible, 0.6, false, "一方身份证号被 Excel 截断，只有地区码和出生日期可比且一致，或住址不符，或姓名仅相近"),
    rule(Evidence::IdMaskedPartial, "id_masked_partial", PairKind::IdMasked, Tier::Possible, 0.6, false, "一方身份证号已脱敏，显示的各位与另一方一致，但姓名仅相近或住址在另一乡镇"),
    rule(Evidence::IdTypoNameClose, "id_typo_name_close", PairKind::IdTypo, Tier::Possible, 0.6, false, "身份证号仅一位不同，姓名仅相近（同音或一字之差）"),
    rule(Evidence::IdTransposedNameClose, "id_transposed_name_close", PairKind::IdTransposed, Tier::Possible, 0.6, false, "身份证号相邻两位颠倒，姓名仅相近（同音或一字之差）"),
    rule(Evidence::NameBirthDayElsewhere, "name_birth_day_elsewhere", PairKind::NameBirth, Tier::Possible, 0.6, false, "登记表所填出生日期与花名册身份证号一致，姓名一致，但登记住址在另一乡镇"),
    rule(Evidence::NameBirthMonthUnplaced, "name_birth_month_unplaced", PairKind::NameBirth, Tier::Possible, 0.6, false, "登记表所填出生年月与花名册身份证号一致，姓名一致（仅两字），住址无法比较"),
    rule(Evidence::NamePlace, "name_place", PairKind::NamePlace, Tier::Possible, 0.6, false, "一方无身份证号，姓名一致，同村，无其他证据"),
    rule(Evidence::NameFit, "name_fit", PairKind::NameFit, Tier::Possible, 0.5, false, "登记表未填亲属身份证号，姓名一致（三字以上），花名册身份证号所含年龄（及性别）与亲属关系相符，住址同乡镇或无法比较，花名册中无其他同名人员；无其他证据，需人工核实"),
    rule(Evidence::NameFitUnique, "name_fit_unique", PairKind::NameFitUnique, Tier::Possible, 0.55, false, "登记表未填亲属身份证号；企业登记中与亲属同名、身份证号所含性别和年龄与亲属关系相符的仅此一人（其他同名人员均不相符；两字姓名还须同乡镇）；无其他证据，需人工核实"),
    rule(Evidence::NameTownshipUnique, "name_township_unique", PairKind::NameTownshipUnique, Tier::Possible, 0.5, false, "企业登记未填该人员证件号码；姓名一致；企业住所与亲属住址同乡镇；企业登记中其他同名人员的身份证号均表明不是该亲属；无其他证据，需人工核实"),
    rule(Evidence::NameVillageNoIds, "name_village_no_ids", PairKind::NameVillage, Tier::Possible, 0.5, false, "两表均无有效身份证号，仅姓名一致且同村"),
];

/// The settling rules applied to all leads at the end (`matching::settle`), as
/// the review guide states them.
pub const SETTLING: &[&str] = &[
    "同一花名册人员可对应两名以上亲属，或同一亲属有两名以上花名册人员符合时，不定为“高度疑似”（降为“疑似”）",
    "身份证号被 Excel 截断的，花名册中另有同名、同出生日期而身份证号不同的人员时，降为“疑似”",
    "无身份证号仅凭姓名和同村的，本乡镇另有同名人员（身份证号不同）时，降为“疑似”；花名册人员本身无身份证号的，不作为线索",
    "两表身份证号均有效但不同：不是同一人，不作为线索；同音姓名无身份证号佐证的，不作为线索",
];

/// What settled a lead after scoring (`matching::settle`): why its tier fell.
/// The codes are in hits.csv's `reasons`, after the evidence row's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Settle {
    /// An Excel-cut ID: the rolls show another person of the name born that day, with another ID.
    NamesakeSameBirth,
    /// Name and village, one ID missing: the township shows another person of the name.
    NamesakeInTownship,
    /// The same, that person known to live in another village.
    NamesakeOtherVillage,
    /// The roll person fits two relatives or more.
    SeveralRelatives,
    /// The relative fits two roll persons or more.
    SeveralRollPersons,
}

impl Settle {
    pub const ALL: &[(Settle, &str)] = &[
        (Settle::NamesakeSameBirth, "namesake_same_birth"),
        (Settle::NamesakeInTownship, "namesake_in_township"),
        (Settle::NamesakeOtherVillage, "namesake_other_village"),
        (Settle::SeveralRelatives, "several_relatives"),
        (Settle::SeveralRollPersons, "several_roll_persons"),
    ];

    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(k, _)| *k == self).map_or("", |(_, s)| s)
    }

    pub fn parse(s: &str) -> Option<Settle> {
        Self::ALL.iter().find(|(_, c)| *c == s).map(|(k, _)| *k)
    }
}

/// Why a pair is a lead, as codes (hits.csv's `reasons`): the row of
/// [`EVIDENCE`] it earned, then what settled it (`id_truncated;namesake_same_birth`).
/// Empty for a finding that rests on no pair's evidence (the 虚报冒领 rules).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reasons {
    pub rule: Option<Evidence>,
    pub settled: Vec<Settle>,
}

impl Reasons {
    pub fn of(rule: Evidence) -> Reasons {
        Reasons { rule: Some(rule), settled: Vec::new() }
    }

    /// Read back as written; `None` for a code this version does not know.
    pub fn parse(s: &str) -> Option<Reasons> {
        let mut parts = s.split(';').filter(|p| !p.is_empty());
        let Some(first) = parts.next() else { return Some(Reasons::default()) };
        let rule = EVIDENCE.iter().find(|r| r.code == first)?.evidence;
        let settled = parts.map(Settle::parse).collect::<Option<Vec<_>>>()?;
        Some(Reasons { rule: Some(rule), settled })
    }
}

impl std::fmt::Display for Reasons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(r) = self.rule {
            f.write_str(evidence_rule(r).code)?;
        }
        for s in &self.settled {
            write!(f, ";{}", s.as_str())?;
        }
        Ok(())
    }
}

impl serde::Serialize for Reasons {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Lenient: a hits.csv of another version (a code this one does not know) reads as empty.
impl<'de> serde::Deserialize<'de> for Reasons {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(Reasons::parse(&s).unwrap_or_default())
    }
}

/// The row of an evidence kind.
pub fn evidence_rule(e: Evidence) -> &'static EvidenceRule {
    EVIDENCE.iter().find(|r| r.evidence == e).unwrap_or(&EVIDENCE[0])
}

/// What a name that agrees only in part costs a `name_graded` row.
fn name_penalty(nm: NameMatch) -> f64 {
    match nm {
        NameMatch::Exact => 0.0,
        NameMatch::TradSimp | NameMatch::Variant => 0.02,
        _ => 0.05,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    pub tier: Tier,
    pub score: f64,
    pub match_kind: PairKind,
    /// The row of [`EVIDENCE`] it earned.
    pub rule: Evidence,
    /// What settled it after scoring (set by `matching::settle`).
    pub settled: Vec<Settle>,
    pub evidence: String,
}

fn name_same(n: NameMatch) -> bool {
    matches!(n, NameMatch::Exact | NameMatch::TradSimp | NameMatch::Variant)
}

fn name_close(n: NameMatch) -> bool {
    name_same(n) || matches!(n, NameMatch::Homophone | NameMatch::OneCharDiff)
}

fn status_note(side: &str, id: &NormId) -> Option<String> {
    match id.status {
        IdStatus::LegacyUpgraded => Some(format!("{side}为15位旧号，已升位")),
        IdStatus::Repaired => Some(format!("{side}号码格式已规范")),
        _ => None,
    }
}

/// Where the two agree: same village, same township, or nothing known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Where {
    Village,
    Township,
    Unknown,
    Elsewhere,
}

fn place(poi: &Poi, rp: &RollPerson) -> Where {
    let (a, b) = (&poi.place, &rp.place);
    let same_town = match (&a.township, &b.township) {
        (Some(x), Some(y)) => Some(x == y),
        _ => None,
    };
    if let (Some(x), Some(y)) = (&a.village, &b.village) {
        if x == y && same_town != Some(false) {
            return Where::Village;
        }
    }
    match same_town {
        Some(true) => Where::Township,
        Some(false) => Where::Elsewhere,
        None => Where::Unknown,
    }
}

fn place_text(w: Where, rp: &RollPerson, poi: &Poi) -> String {
    // A cadre's home is the register's 本人 row, else the spouse's address.
    let whose = if poi.relation == crate::normalize::relation::Relation::SelfRel { "，据登记表所填本人或配偶住址" } else { "" };
    match w {
        Where::Village => format!("同村（{}{whose}）", rp.place.village.as_deref().unwrap_or("")),
        Where::Township => format!("同乡镇（{}）", rp.place.township.as_deref().unwrap_or("")),
        _ => String::new(),
    }
}

/// Score a pair; `None` when the evidence does not make it a lead.
pub fn score(poi: &Poi, cadre: &Cadre, rp: &RollPerson) -> Option<Scored> {
    score_with(poi, cadre, rp, false)
}

/// [`score`], where `firm_places` says the roll person's place is a firm's
/// registered address (the enterprise registry): another township than the
/// relative's is then no evidence against the pair.
pub fn score_with(poi: &Poi, cadre: &Cadre, rp: &RollPerson, firm_places: bool) -> Option<Scored> {
    let place = |poi: &Poi, rp: &RollPerson| match place(poi, rp) {
        Where::Elsewhere if firm_places => Where::Unknown,
        w => w,
    };
    let ide = compare_ids(&rp.id, &poi.id);
    if ide == IdEvidence::Contradict {
        return None;
    }
    let nm = compare_names(&rp.name, &poi.name);
    let name_txt = nm.evidence_zh();
    let mut parts: Vec<String> = Vec::new();
    let out = |e: Evidence, parts: Vec<String>| {
        let r = evidence_rule(e);
        Some(Scored {
            tier: r.tier,
            score: if r.name_graded { r.score - name_penalty(nm) } else { r.score },
            match_kind: r.kind,
            rule: e,
            settled: Vec::new(),
            evidence: parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join("；"),
        })
    };
    match ide {
        IdEvidence::Contradict => None,
        IdEvidence::KeyEqual => {
            let notes: Vec<String> = [status_note("花名册", &rp.id), status_note("登记表", &poi.id)]
                .into_iter()
                .flatten()
                .collect();
            parts.push(if notes.is_empty() {
                "身份证号一致".to_string()
            } else {
                format!("身份证号一致（{}）", notes.join("，"))
            });
            let legacy = rp.id.status == IdStatus::LegacyUpgraded || poi.id.status == IdStatus::LegacyUpgraded;
            let kind = if legacy { Evidence::IdLegacy } else { Evidence::IdExact };
            match nm {
                NameMatch::Different => {
                    parts.push("姓名不同，请核实号码是否填错".into());
                    out(Evidence::IdExactNameDiffers, parts)
                }
                NameMatch::Missing => {
                    parts.push("花名册或登记表未填姓名".into());
                    out(kind, parts)
                }
                _ => {
                    parts.push(name_txt.into());
                    out(kind, parts)
                }
            }
        }
        IdEvidence::SameInvalid => {
            parts.push("身份证号完全一致（两表号码校验位均有误）".into());
            parts.push(name_txt.into());
            match nm {
                _ if name_close(nm) => out(Evidence::IdSameInvalid, parts),
                _ => out(Evidence::IdSameInvalidNameDiffers, parts),
            }
        }
        IdEvidence::Truncated | IdEvidence::TruncatedPrefix => {
            let side = if looks_truncated(&rp.id) { "花名册" } else { "登记表" };
            let full = ide == IdEvidence::Truncated;
            parts.push(if full {
                format!("{side}身份证号被Excel截断为15位，保留的15位与另一表一致")
            } else {
                format!("{side}身份证号被Excel截断，地区码和出生日期一致但第15位不同")
            });
            parts.push(name_txt.into());
            let w = place(poi, rp);
            if w == Where::Elsewhere {
                parts.push("但登记地址与花名册所在乡镇不同".into());
            }
            if full && name_same(nm) && w != Where::Elsewhere {
                out(Evidence::IdTruncated, parts)
            } else if name_same(nm) || (full && name_close(nm)) {
                out(Evidence::IdTruncatedPartial, parts)
            } else {
                None
            }
        }
        IdEvidence::Masked { visible } => {
            let side = if rp.id.status == IdStatus::Masked { "花名册" } else { "登记表" };
            parts.push(format!("{side}身份证号已脱敏，显示的{visible}位与另一表一致"));
            parts.push(name_txt.into());
            let w = place(poi, rp);
            if w == Where::Elsewhere {
                parts.push("但登记地址与花名册所在乡镇不同".into());
            }
            if name_same(nm) && w != Where::Elsewhere {
                out(Evidence::IdMasked, parts)
            } else if name_close(nm) {
                out(Evidence::IdMaskedPartial, parts)
            } else {
                None
            }
        }
        IdEvidence::OneDigit { pos } | IdEvidence::Transposed { pos } => {
            let bad = if rp.id.key.is_none() { "花名册" } else { "登记表" };
            parts.push(match ide {
                IdEvidence::OneDigit { .. } => format!("身份证号仅第{}位不同（{bad}号码校验位错误，疑似录入笔误）", pos + 1),
                _ => format!("身份证号第{}、{}位顺序颠倒（{bad}号码校验位错误，疑似录入笔误）", pos + 1, pos + 2),
            });
            parts.push(name_txt.into());
            let births_agree = rp.id.birth.is_some() && rp.id.birth == poi.id.birth;
            if births_agree {
                parts.push("出生日期一致".into());
            }
            let kind = if matches!(ide, IdEvidence::OneDigit { .. }) {
                (Evidence::IdTypoBirthAgrees, Evidence::IdTypo, Evidence::IdTypoNameClose)
            } else {
                (Evidence::IdTransposedBirthAgrees, Evidence::IdTransposed, Evidence::IdTransposedNameClose)
            };
            if name_same(nm) {
                out(if births_agree { kind.0 } else { kind.1 }, parts)
            } else if name_close(nm) {
                out(kind.2, parts)
            } else {
                None
            }
        }
        IdEvidence::RollMissing | IdEvidence::KinMissing | IdEvidence::BothMissing => {
            if !name_same(nm) {
                return None;
            }
            let w = place(poi, rp);
            // The register's stated birth against the birth in the roll's ID.
            let stated = match ide {
                IdEvidence::KinMissing => stated_birth(poi.birth, rp.id.birth),
                _ => None,
            };
            if stated == Some(Stated::Differs) {
                return None;
            }
            let placed = matches!(w, Where::Village | Where::Township);
            // The roll's ID fits the relation by age: for a relative the register gives no ID.
            let aged = ide == IdEvidence::KinMissing && age_fits(poi, cadre, rp.id.birth, rp.id.sex);
            match stated {
                Some(Stated::Day) => {}
                Some(Stated::Month) if w != Where::Elsewhere => {}
                _ if placed => {}
                None if aged && w == Where::Unknown && !firm_places => {}
                _ => return None,
            }
            parts.push(match ide {
                IdEvidence::RollMissing => "花名册无有效身份证号".to_string(),
                IdEvidence::KinMissing => "登记表未填亲属身份证号".to_string(),
                _ => "两表均无有效身份证号".to_string(),
            });
            parts.push(name_txt.into());
            // What the one ID present says about birth and sex.
            let fit = match ide {
                IdEvidence::KinMissing => fits_relation(poi, cadre, rp.id.birth, rp.id.sex),
                _ => None,
            };
            if fit == Some(false) {
                return None;
            }
            if let (Some(s), Some(b)) = (stated, poi.birth) {
                parts.push(stated_text(s, b));
            }
            if fit == Some(true) {
                parts.push("性别、年龄与亲属关系相符".into());
            }
            parts.push(place_text(w, rp, poi));
            if w == Where::Elsewhere {
                parts.push("但登记地址与花名册所在乡镇不同".into());
            }
            match (ide, stated, w) {
                // A name and a birth day both agreeing is rare between strangers.
                (_, Some(Stated::Day), Where::Village) => out(Evidence::NameBirthDayVillage, parts),
                (_, Some(Stated::Day), Where::Township | Where::Unknown) => out(Evidence::NameBirthDay, parts),
                (_, Some(Stated::Day), Where::Elsewhere) => out(Evidence::NameBirthDayElsewhere, parts),
                (_, Some(Stated::Month), Where::Village | Where::Township) => out(Evidence::NameBirthMonth, parts),
                // A name of three characters and a birth month both agreeing:
                // a stranger would have to share both.
                (_, Some(Stated::Month), Where::Unknown) if distinctive(&poi.name) => {
                    out(Evidence::NameBirthMonthDistinctive, parts)
                }
                (_, Some(Stated::Month), _) => out(Evidence::NameBirthMonthUnplaced, parts),
                (IdEvidence::BothMissing, _, Where::Village) => out(Evidence::NameVillageNoIds, parts),
                (IdEvidence::BothMissing, _, _) => None,
                (IdEvidence::KinMissing, _, Where::Village) if fit == Some(true) => {
                    out(Evidence::NamePlaceFit, parts)
                }
                (IdEvidence::RollMissing, _, Where::Village) => out(Evidence::NamePlaceRollNoId, parts),
                (_, _, Where::Village) => out(Evidence::NamePlace, parts),
                // The roll's ID puts the person in the relation's age range (the
                // registry's persons have rules of their own: `compare::enterprise`).
                (IdEvidence::KinMissing, None, Where::Township | Where::Unknown) if aged && distinctive(&poi.name) && !firm_places => {
                    out(Evidence::NameFit, parts)
                }
                // The same name in the same township is common (王伟, 刘芳): not a lead.
                _ => None,
            }
        }
    }
}

/// What a register's stated birth says against the birth in the other ID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stated {
    /// The same day.
    Day,
    /// The same month (the register gives only the month).
    Month,
    Differs,
}

/// For a relative the register gives no ID: does another table's ID fit
/// them? `Some(false)` when a stated birth differs or the sex or age does not
/// fit the relation, `Some(true)` when what could be checked fits, `None`
/// when nothing could be.
pub(crate) fn id_fits_relative(poi: &Poi, cadre: &Cadre, id: &NormId) -> Option<bool> {
    match stated_birth(poi.birth, id.birth) {
        Some(Stated::Differs) => Some(false),
        Some(_) => Some(fits_relation(poi, cadre, id.birth, id.sex) != Some(false)),
        None => fits_relation(poi, cadre, id.birth, id.sex),
    }
}

/// `stated`: `yyyymmdd` or `yyyymm00`; `id_birth`: `yyyymmdd`.
fn stated_birth(stated: Option<u32>, id_birth: Option<u32>) -> Option<Stated> {
    let (s, b) = (stated?, id_birth?);
    Some(if s % 100 == 0 {
        if s / 100 == b / 100 { Stated::Month } else { Stated::Differs }
    } else if s == b {
        Stated::Day
    } else {
        Stated::Differs
    })
}

fn stated_text(s: Stated, b: u32) -> String {
    let (y, m, d) = (b / 10_000, b / 100 % 100, b % 100);
    match s {
        Stated::Day => format!("登记表所填出生日期（{y:04}-{m:02}-{d:02}）与花名册身份证号中的出生日期一致"),
        _ => format!("登记表所填出生年月（{y:04}-{m:02}）与花名册身份证号中的出生年月一致"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::id::normalize_id;

    fn id18(first17: &str) -> String {
        let c = crate::normalize::id::check_char(first17).unwrap();
        format!("{first17}{c}")
    }

    /// Regression (province bench): an Excel-cut number written out as text,
    /// whose three zeros happen to pass the check digit, was read as another
    /// person's valid ID and contradicted the relative's full ID.
    #[test]
    fn cut_id_whose_zeros_pass_the_check_digit_agrees_on_15_digits() {
        let (cut, full) = (1..=28)
            .map(|d| format!("519901199001{d:02}1"))
            .find_map(|f15| {
                let cut = id18(&format!("{f15}00"));
                cut.ends_with('0').then(|| (cut, id18(&format!("{f15}23"))))
            })
            .expect("one day in eleven gives a check digit 0");
        let (c, f) = (normalize_id(&cut), normalize_id(&full));
        assert!(c.key.is_some() && f.key.is_some() && c.key != f.key);
        assert_eq!(compare_ids(&c, &f), IdEvidence::Truncated);
        assert_eq!(compare_ids(&f, &c), IdEvidence::Truncated);
        // Two valid keys that do not end in 000 still contradict each other.
        let other = id18("51990119900101199");
        assert_eq!(compare_ids(&normalize_id(&other), &f), IdEvidence::Contradict);
    }

    use crate::matching::places::Place;
    use crate::normalize::name::normalize_name;
    use crate::normalize::relation::Relation;
    use rstest::rstest;

    fn place(t: &str, v: &str) -> Place {
        Place { township: (!t.is_empty()).then(|| t.into()), village: (!v.is_empty()).then(|| v.into()) }
    }

    /// A mother without ID in the register (stated birth `birth`, living in
    /// `kin_place`) against a roll person with a full ID born 1949-09-02.
    fn mother_without_id(birth: Option<u32>, kin_place: Place, roll_place: Place) -> Option<Scored> {
        score_pair("43292219490902036", birth, kin_place, roll_place)
    }

    fn score_with_roll_id(roll17: &str, birth: Option<u32>) -> Option<Scored> {
        score_pair(roll17, birth, Place::default(), Place::default())
    }

    fn score_pair(roll17: &str, birth: Option<u32>, kin_place: Place, roll_place: Place) -> Option<Scored> {
        score_named("范欣", roll17, birth, kin_place, roll_place)
    }

    fn score_named(name: &str, roll17: &str, birth: Option<u32>, kin_place: Place, roll_place: Place) -> Option<Scored> {
        let cadre = Cadre {
            name: normalize_name("蔡忠庆"),
            id: normalize_id(&id18("43292119720909879")),
            unit: "县农业农村局".into(),
            unit_key: "农业农村局".into(),
            post: String::new(),
            self_source: Default::default(),
            self_term: String::new(),
            township: None,
        };
        let poi = Poi {
            cadre: 0,
            relation: Relation::Parent,
            relation_term: "母亲".into(),
            sex_hint: Some(crate::normalize::id::Sex::Female),
            name: normalize_name(name),
            id: normalize_id("/"),
            source: Default::default(),
            address: String::new(),
            place: kin_place,
            birth,
        };
        let rp = RollPerson { row: 0, slot: 0, name: normalize_name(name), id: normalize_id(&id18(roll17)), place: roll_place };
        score(&poi, &cadre, &rp)
    }

    /// Regression (outside county, issue 9): a relative reported without an ID
    /// was matched only by name + village; the birth the register states beside
    /// the missing ID was never read, so every such relative living outside a
    /// known village (or in a register without addresses) was missed.
    #[rstest]
    #[case::same_day_no_place(Some(19490902), "", "", "", "", Some(Tier::Probable))]
    #[case::same_day_same_village(Some(19490902), "青石镇", "石门村", "青石镇", "石门村", Some(Tier::Probable))]
    #[case::same_day_elsewhere(Some(19490902), "柳河镇", "", "青石镇", "", Some(Tier::Possible))]
    #[case::same_month_same_township(Some(19490900), "青石镇", "", "青石镇", "", Some(Tier::Probable))]
    #[case::same_month_no_place(Some(19490900), "", "", "", "", Some(Tier::Possible))]
    #[case::same_month_elsewhere(Some(19490900), "柳河镇", "", "青石镇", "", None)]
    #[case::other_day(Some(19490903), "青石镇", "石门村", "青石镇", "石门村", None)]
    #[case::other_month(Some(19491000), "", "", "", "", None)]
    #[case::no_birth_no_place(None, "", "", "", "", None)]
    #[case::no_birth_same_village(None, "青石镇", "石门村", "青石镇", "石门村", Some(Tier::Probable))]
    #[case::no_birth_same_township(None, "青石镇", "", "青石镇", "", None)]
    fn stated_birth_against_roll_id(
        #[case] birth: Option<u32>,
        #[case] kt: &str,
        #[case] kv: &str,
        #[case] rt: &str,
        #[case] rv: &str,
        #[case] want: Option<Tier>,
    ) {
        let got = mother_without_id(birth, place(kt, kv), place(rt, rv));
        assert_eq!(got.as_ref().map(|s| s.tier), want, "{got:?}");
        if let (Some(s), Some(_)) = (&got, birth) {
            assert!(s.evidence.contains("与花名册身份证号中的出生"), "{}", s.evidence);
            assert_eq!(s.match_kind, PairKind::NameBirth);
        }
    }

    /// Regression (outside county 11, enterprise findings): a child-in-law the
    /// register gives with a birth month but no ID and no address, found in
    /// the registry under the same three-character name with an ID born that
    /// month, was only `possible`. A stranger would have to share the name
    /// and the month: `probable`; with a two-character name still `possible`.
    #[rstest]
    #[case::three_characters("范欣怡", Some(Tier::Probable))]
    #[case::two_characters("范欣", Some(Tier::Possible))]
    fn stated_birth_month_with_a_distinctive_name_and_no_place(#[case] name: &str, #[case] want: Option<Tier>) {
        let got = score_named(name, "43292219490902036", Some(19490900), Place::default(), Place::default());
        assert_eq!(got.as_ref().map(|s| s.tier), want, "{got:?}");
        assert_eq!(got.map(|s| s.match_kind), Some(PairKind::NameBirth));
    }

    /// Regression (outside county, issue 9): a relative the register gives no
    /// ID, no birth and no address (a wide register of names only) was no
    /// lead at all, even with a roll ID of the right sex and age. With a name
    /// of three characters it is now `name_fit` (possible, for a reviewer);
    /// a two-character name, a wrong sex or age, or another township still is
    /// no lead.
    #[rstest]
    #[case::distinct_name_no_place("范欣怡", "43292219490902036", "", "", "", "", Some("name_fit"))]
    #[case::distinct_name_same_township("范欣怡", "43292219490902036", "青石镇", "", "青石镇", "", Some("name_fit"))]
    #[case::distinct_name_same_village("范欣怡", "43292219490902036", "青石镇", "石门村", "青石镇", "石门村", Some("name_place"))]
    #[case::distinct_name_elsewhere("范欣怡", "43292219490902036", "柳河镇", "", "青石镇", "", None)]
    #[case::two_char_name_no_place("范欣", "43292219490902036", "", "", "", "", None)]
    #[case::two_char_name_same_township("范欣", "43292219490902036", "青石镇", "", "青石镇", "", None)]
    #[case::a_man_is_not_the_mother("范欣怡", "43292219490902033", "", "", "", "", None)]
    #[case::younger_than_the_cadre("范欣怡", "43292219800902036", "", "", "", "", None)]
    fn name_and_age_without_a_register_id(
        #[case] name: &str,
        #[case] roll17: &str,
        #[case] kt: &str,
        #[case] kv: &str,
        #[case] rt: &str,
        #[case] rv: &str,
        #[case] want: Option<&str>,
    ) {
        let got = score_named(name, roll17, None, place(kt, kv), place(rt, rv));
        assert_eq!(got.as_ref().map(|s| s.match_kind.as_str()), want, "{got:?}");
        if want == Some("name_fit") {
            let s = got.unwrap();
            assert_eq!(s.tier, Tier::Possible);
            assert!(s.evidence.contains("性别、年龄与亲属关系相符"), "{}", s.evidence);
        }
    }

    #[test]
    fn stated_birth_does_not_rescue_a_sex_that_contradicts_the_relation() {
        // A man's ID (17th digit odd) born that day is not the mother, whatever the birth.
        let got = score_with_roll_id("43292219490902033", Some(19490902));
        assert_eq!(got, None);
        // The same birth with a woman's ID is a lead.
        assert!(score_with_roll_id("43292219490902036", Some(19490902)).is_some());
    }

    /// Every evidence kind has exactly one row of the table (a kind without a
    /// row would silently take the first row's tier).
    #[test]
    fn every_evidence_kind_has_one_row() {
        use std::collections::HashSet;
        let kinds: HashSet<Evidence> = EVIDENCE.iter().map(|r| r.evidence).collect();
        assert_eq!(kinds.len(), EVIDENCE.len(), "a kind listed twice");
        // The compiler checks this match covers every kind; the count checks the table.
        let n = |e: Evidence| match e {
            Evidence::IdExact | Evidence::IdLegacy | Evidence::IdExactNameDiffers | Evidence::IdSameInvalid => 1,
            Evidence::IdSameInvalidNameDiffers | Evidence::IdTruncated | Evidence::IdTruncatedPartial => 1,
            Evidence::IdMasked | Evidence::IdMaskedPartial => 1,
            Evidence::IdTypoBirthAgrees | Evidence::IdTypo | Evidence::IdTypoNameClose => 1,
            Evidence::IdTransposedBirthAgrees | Evidence::IdTransposed | Evidence::IdTransposedNameClose => 1,
            Evidence::NameBirthDayVillage | Evidence::NameBirthDay | Evidence::NameBirthDayElsewhere => 1,
            Evidence::NameBirthMonth | Evidence::NameBirthMonthDistinctive | Evidence::NameBirthMonthUnplaced => 1,
            Evidence::NamePlaceFit | Evidence::NamePlaceRollNoId | Evidence::NamePlace | Evidence::NameVillageNoIds => 1,
            Evidence::NameFit => 1,
            Evidence::NameDeclared | Evidence::NameFitUnique | Evidence::NameTownshipUnique => 1,
        };
        assert_eq!(kinds.iter().map(|e| n(*e)).sum::<usize>(), 29);
        // Confirmed only with the ID itself.
        for r in EVIDENCE.iter().filter(|r| r.tier == Tier::Confirmed) {
            assert!(r.kind.as_str().starts_with("id_"), "{:?}", r.evidence);
        }
    }

    /// hits.csv's `reasons` reads back as written, for every row and settling
    /// code; the codes are unique; an unknown code is not silently another.
    #[test]
    fn reasons_codes_round_trip() {
        use std::collections::HashSet;
        let codes: HashSet<&str> = EVIDENCE.iter().map(|r| r.code).collect();
        assert_eq!(codes.len(), EVIDENCE.len(), "a code used twice");
        for r in EVIDENCE {
            for settled in [vec![], vec![Settle::SeveralRelatives], Settle::ALL.iter().map(|(s, _)| *s).collect()] {
                let reasons = Reasons { rule: Some(r.evidence), settled };
                assert_eq!(Reasons::parse(&reasons.to_string()), Some(reasons.clone()), "{reasons}");
            }
        }
        assert_eq!(Reasons::of(Evidence::IdTruncated).to_string(), "id_truncated");
        assert_eq!(Reasons::parse(""), Some(Reasons::default()));
        assert_eq!(Reasons::parse("id_exact;no_such_settling"), None);
        assert_eq!(Reasons::parse("no_such_rule"), None);
    }

    #[test]
    fn id_evidence_table() {
        let a = id18("51990119900101123");
        let b = id18("51990119900101124");
        let legacy = "519901900101123";
        let cases: Vec<(String, String, IdEvidence)> = vec![
            (a.clone(), a.clone(), IdEvidence::KeyEqual),
            (format!(" {} ", a.to_lowercase()), a.clone(), IdEvidence::KeyEqual),
            (legacy.into(), id18("51990119900101123"), IdEvidence::KeyEqual),
            (a.clone(), b.clone(), IdEvidence::Contradict),
            (format!("{}000", &a[..15]), a.clone(), IdEvidence::Truncated),
            ("".into(), a.clone(), IdEvidence::RollMissing),
            (a.clone(), "".into(), IdEvidence::KinMissing),
            ("".into(), "无".into(), IdEvidence::BothMissing),
        ];
        for (r, k, want) in cases {
            assert_eq!(compare_ids(&normalize_id(&r), &normalize_id(&k)), want, "{r} vs {k}");
        }
        // One typo: change digit 10 (birth day) and keep the old check digit.
        let mut typo: Vec<u8> = a.clone().into_bytes();
        typo[3] = if typo[3] == b'9' { b'8' } else { b'9' };
        let typo = String::from_utf8(typo).unwrap();
        assert_eq!(
            compare_ids(&normalize_id(&typo), &normalize_id(&a)),
            IdEvidence::OneDigit { pos: 3 }
        );
        let mut tr: Vec<u8> = a.clone().into_bytes();
        tr.swap(12, 13);
        if tr != a.as_bytes() {
            let tr = String::from_utf8(tr).unwrap();
            assert_eq!(compare_ids(&normalize_id(&tr), &normalize_id(&a)), IdEvidence::Transposed { pos: 12 });
        }
    }
}
