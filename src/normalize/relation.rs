//! Kinship terms (称谓) as written in cadres' family declarations.
//!
//! [`parse_relation`] maps a free-text term such as "其配偶", "长子", "二哥",
//! "继父" or "女儿(已婚)" to a [`Relation`] class plus the relative's sex and
//! generation implied by the term. Unknown terms are [`Relation::Other`].

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::id::{Sex, is_invisible};

/// Relation of a relative to the cadre.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The cadre himself/herself (serde name `"self"`).
    #[serde(rename = "self")]
    SelfRel,
    /// 配偶
    Spouse,
    /// 父母 (incl. step/adoptive)
    Parent,
    /// 配偶父母
    ParentInLaw,
    /// 子女 (incl. step/adoptive)
    Child,
    /// 子女配偶
    ChildInLaw,
    /// 兄弟姐妹
    Sibling,
    /// 兄弟姐妹的配偶, 配偶的兄弟姐妹
    SiblingInLaw,
    /// 祖父母, 外祖父母
    Grandparent,
    /// 孙子女, 外孙子女
    Grandchild,
    /// Anything else (叔叔, 侄子, 堂兄, 表妹, unknown…)
    #[default]
    Other,
}

impl std::fmt::Display for Relation {
    /// The [`Relation::as_str`] name (`spouse`), as hits.csv writes it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Read a relation by its [`Relation::as_str`] name; a name that is none
/// (an empty cell of a hand-made hits.csv) is [`Relation::Other`].
pub fn de_lenient<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Relation, D::Error> {
    let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
    Ok(Relation::from_str_canonical(&s).unwrap_or(Relation::Other))
}

impl Relation {
    /// Every relation, in declaration order.
    pub const ALL: [Relation; 11] = [
        Relation::SelfRel,
        Relation::Spouse,
        Relation::Parent,
        Relation::ParentInLaw,
        Relation::Child,
        Relation::ChildInLaw,
        Relation::Sibling,
        Relation::SiblingInLaw,
        Relation::Grandparent,
        Relation::Grandchild,
        Relation::Other,
    ];

    /// Stable snake_case name (same as the serde name; `SelfRel` is `"self"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::SelfRel => "self",
            Relation::Spouse => "spouse",
            Relation::Parent => "parent",
            Relation::ParentInLaw => "parent_in_law",
            Relation::Child => "child",
            Relation::ChildInLaw => "child_in_law",
            Relation::Sibling => "sibling",
            Relation::SiblingInLaw => "sibling_in_law",
            Relation::Grandparent => "grandparent",
            Relation::Grandchild => "grandchild",
            Relation::Other => "other",
        }
    }

    /// Chinese label for reports (`labels::relation`).
    pub fn label_zh(self) -> &'static str {
        crate::labels::relation(self)
    }

    /// Inverse of [`Relation::as_str`] (surrounding whitespace ignored).
    pub fn from_str_canonical(s: &str) -> Option<Relation> {
        let s = s.trim();
        Relation::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Generation offset relative to the cadre (+1 parents, -1 children…; 0 for other).
    pub fn generation(self) -> i8 {
        match self {
            Relation::Parent | Relation::ParentInLaw => 1,
            Relation::Grandparent => 2,
            Relation::Child | Relation::ChildInLaw => -1,
            Relation::Grandchild => -2,
            _ => 0,
        }
    }
}

/// Result of parsing a kinship term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RelationInfo {
    /// Relation class.
    pub relation: Relation,
    /// Sex of the relative implied by the term (母亲 → female, 配偶 → `None`).
    pub sex: Option<Sex>,
    /// +2 grandparent, +1 parent / parent-in-law, 0 self / spouse / sibling /
    /// sibling-in-law / other, -1 child / child-in-law, -2 grandchild.
    pub generation: i8,
}

const M: Option<Sex> = Some(Sex::Male);
const F: Option<Sex> = Some(Sex::Female);
const N: Option<Sex> = None;

/// Whole-term table: (term, relation, sex of the relative).
pub const TERMS: &[(&str, Relation, Option<Sex>)] = {
    use Relation::*;
    &[
        ("本人", SelfRel, N),
        ("自己", SelfRel, N),
        ("干部本人", SelfRel, N),
        ("配偶", Spouse, N),
        ("妻子", Spouse, F),
        ("妻", Spouse, F),
        ("丈夫", Spouse, M),
        ("夫", Spouse, M),
        ("爱人", Spouse, N),
        ("老婆", Spouse, F),
        ("老公", Spouse, M),
        ("夫妻", Spouse, N),
        ("父亲", Parent, M),
        ("母亲", Parent, F),
        ("父", Parent, M),
        ("母", Parent, F),
        ("爸爸", Parent, M),
        ("妈妈", Parent, F),
        ("爸", Parent, M),
        ("妈", Parent, F),
        ("父母", Parent, N),
        ("岳父", ParentInLaw, M),
        ("岳母", ParentInLaw, F),
        ("公公", ParentInLaw, M),
        ("婆婆", ParentInLaw, F),
        ("配偶父亲", ParentInLaw, M),
        ("配偶母亲", ParentInLaw, F),
        ("配偶之父", ParentInLaw, M),
        ("配偶之母", ParentInLaw, F),
        ("配偶的父亲", ParentInLaw, M),
        ("配偶的母亲", ParentInLaw, F),
        ("配偶父母", ParentInLaw, N),
        ("配偶的父母", ParentInLaw, N),
        ("丈人", ParentInLaw, M),
        ("丈母娘", ParentInLaw, F),
        ("儿子", Child, M),
        ("女儿", Child, F),
        ("子", Child, M),
        ("女", Child, F),
        ("儿", Child, M),
        ("长子", Child, M),
        ("次子", Child, M),
        ("长女", Child, F),
        ("次女", Child, F),
        ("独子", Child, M),
        ("独女", Child, F),
        ("子女", Child, N),
        ("小孩", Child, N),
        ("孩子", Child, N),
        ("闺女", Child, F),
        ("女婿", ChildInLaw, M),
        ("儿媳", ChildInLaw, F),
        ("儿媳妇", ChildInLaw, F),
        ("媳妇", ChildInLaw, F),
        ("子女配偶", ChildInLaw, N),
        ("哥哥", Sibling, M),
        ("弟弟", Sibling, M),
        ("姐姐", Sibling, F),
        ("妹妹", Sibling, F),
        ("哥", Sibling, M),
        ("兄", Sibling, M),
        ("弟", Sibling, M),
        ("姐", Sibling, F),
        ("妹", Sibling, F),
        ("兄弟", Sibling, M),
        ("姐妹", Sibling, F),
        ("兄弟姐妹", Sibling, N),
        ("胞兄", Sibling, M),
        ("胞弟", Sibling, M),
        ("胞姐", Sibling, F),
        ("胞妹", Sibling, F),
        ("嫂子", SiblingInLaw, F),
        ("嫂", SiblingInLaw, F),
        ("弟媳", SiblingInLaw, F),
        ("弟妹", SiblingInLaw, F),
        ("姐夫", SiblingInLaw, M),
        ("妹夫", SiblingInLaw, M),
        ("大伯子", SiblingInLaw, M),
        ("小叔子", SiblingInLaw, M),
        ("大姑子", SiblingInLaw, F),
        ("小姑子", SiblingInLaw, F),
        ("大舅子", SiblingInLaw, M),
        ("小舅子", SiblingInLaw, M),
        ("大姨子", SiblingInLaw, F),
        ("小姨子", SiblingInLaw, F),
        ("连襟", SiblingInLaw, M),
        ("妯娌", SiblingInLaw, F),
        ("配偶的兄弟姐妹", SiblingInLaw, N),
        ("配偶兄弟姐妹", SiblingInLaw, N),
        ("兄弟姐妹配偶", SiblingInLaw, N),
        ("兄弟姐妹的配偶", SiblingInLaw, N),
        ("祖父", Grandparent, M),
        ("祖母", Grandparent, F),
        ("外祖父", Grandparent, M),
        ("外祖母", Grandparent, F),
        ("爷爷", Grandparent, M),
        ("奶奶", Grandparent, F),
        ("外公", Grandparent, M),
        ("外婆", Grandparent, F),
        ("姥姥", Grandparent, F),
        ("姥爷", Grandparent, M),
        ("祖父母", Grandparent, N),
        ("外祖父母", Grandparent, N),
        ("孙子", Grandchild, M),
        ("孙女", Grandchild, F),
        ("外孙", Grandchild, M),
        ("外孙女", Grandchild, F),
        ("孙子女", Grandchild, N),
        ("外孙子女", Grandchild, N),
        ("长孙", Grandchild, M),
    ]
};

/// Possessive prefixes stripped before a retry ("其配偶", "本人之妻", "之母").
const PREFIXES: &[&str] = &["本人之", "本人的", "本人", "其", "之", "的"];
/// Step / adoptive prefixes (继父, 养子, 义女).
const STEP_PREFIXES: &[char] = &['继', '养', '义'];
/// Ordinals and counters in front of a term (长子, 二哥, 大姐, 三女儿, 小妹, 幺儿).
const ORDINALS: &[char] = &[
    '长', '次', '大', '二', '三', '四', '五', '六', '七', '八', '九', '十', '小', '老', '幺',
];

/// GB/T 4761-2008 家庭关系代码, as database exports write the relation (01 本人,
/// 10 配偶, 20 子, 30 女, 51 父亲, 71 兄 …): the code's first digit is the group,
/// the second the person within it. Codes of other kin (曾孙, 孙媳, 伯父 …) are
/// [`Relation::Other`].
fn code(term: &str) -> Option<(Relation, Option<Sex>)> {
    use Relation::*;
    let b = term.as_bytes();
    if b.len() != 2 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (g, k) = (b[0] - b'0', b[1] - b'0');
    Some(match (g, k) {
        (0, 1) => (SelfRel, N),
        (1, 0) => (Spouse, N),
        (1, 1) => (Spouse, M),
        (1, 2) => (Spouse, F),
        (2, 8) => (ChildInLaw, M),
        (2, _) => (Child, M),
        (3, 8) => (ChildInLaw, F),
        (3, _) => (Child, F),
        (4, 0) | (4, 9) => (Grandchild, N),
        (4, 1) | (4, 3) => (Grandchild, M),
        (4, 2) | (4, 4) => (Grandchild, F),
        (5, 1) | (5, 7) => (Parent, M),
        (5, 2) | (5, 8) => (Parent, F),
        (5, 0) | (5, 9) => (Parent, N),
        (5, 3) | (5, 5) => (ParentInLaw, M),
        (5, 4) | (5, 6) => (ParentInLaw, F),
        (6, 0) | (6, 9) => (Grandparent, N),
        (6, 1) | (6, 3) => (Grandparent, M),
        (6, 2) | (6, 4) => (Grandparent, F),
        (7, 1) | (7, 3) => (Sibling, M),
        (7, 5) | (7, 7) => (Sibling, F),
        (7, 0) | (7, 9) => (Sibling, N),
        (7, 2) | (7, 4) => (SiblingInLaw, F),
        (7, 6) | (7, 8) => (SiblingInLaw, M),
        _ => (Other, N),
    })
}

fn lookup(term: &str) -> Option<(Relation, Option<Sex>)> {
    TERMS
        .iter()
        .find(|(t, _, _)| *t == term)
        .map(|&(_, r, s)| (r, s))
}

/// NFKC, invisible characters removed, bracketed remarks "(已婚)" removed.
fn clean_term(term: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in term.nfkc() {
        match c {
            '(' | '[' | '【' | '〔' | '<' | '《' | '{' => depth += 1,
            ')' | ']' | '】' | '〕' | '>' | '》' | '}' => depth = depth.saturating_sub(1),
            _ if depth > 0 || is_invisible(c) => {}
            _ => out.push(c),
        }
    }
    out
}

/// One stripping step; `None` if nothing could be stripped.
fn strip_once(t: &str) -> Option<&str> {
    if let Some(rest) = PREFIXES.iter().find_map(|p| t.strip_prefix(p)) {
        if !rest.is_empty() {
            return Some(rest);
        }
    }
    let no_digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if no_digits.len() != t.len() && !no_digits.is_empty() {
        return Some(no_digits);
    }
    [t.strip_prefix(STEP_PREFIXES), t.strip_prefix(ORDINALS)]
        .into_iter()
        .flatten()
        .find(|rest| !rest.is_empty())
}

fn info(relation: Relation, sex: Option<Sex>) -> RelationInfo {
    RelationInfo {
        relation,
        sex,
        generation: relation.generation(),
    }
}

/// Parse a kinship term. The whole term is looked up first (so 大伯子,
/// 小姨子, 长子 keep their meaning), then possessive prefixes (其, 之, 本人之…),
/// trailing digits ("儿子1"), step/adoptive prefixes (继, 养, 义) and
/// ordinals (长, 次, 大, 二, 小…) are stripped one at a time, retrying the
/// table after each step. Unknown terms give [`Relation::Other`]. Never panics.
pub fn parse_relation(term: &str) -> RelationInfo {
    let cleaned = clean_term(term);
    if let Some((r, s)) = code(cleaned.trim()) {
        return info(r, s);
    }
    let mut t: &str = &cleaned;
    for _ in 0..16 {
        if let Some((r, s)) = lookup(t) {
            return info(r, s);
        }
        match strip_once(t) {
            Some(rest) => t = rest,
            None => break,
        }
    }
    // 赵志刚之妻, 本人之子: the relation after the person's name and 之.
    if let Some((who, rel)) = cleaned.rsplit_once('之') {
        if !who.is_empty() && !rel.is_empty() && !rel.contains('之') {
            return parse_relation(rel);
        }
    }
    info(Relation::Other, None)
}

/// Plausible range of (relative birth year − cadre birth year) for a
/// relation, used as soft evidence; `Some((0, 0))` for self, `None` for Other.
pub fn birth_gap_range(rel: Relation) -> Option<(i32, i32)> {
    match rel {
        Relation::SelfRel => Some((0, 0)),
        Relation::Spouse => Some((-20, 20)),
        Relation::Parent | Relation::ParentInLaw => Some((-60, -14)),
        Relation::Grandparent => Some((-90, -30)),
        Relation::Child => Some((14, 60)),
        Relation::ChildInLaw => Some((8, 65)),
        Relation::Grandchild => Some((30, 90)),
        Relation::Sibling => Some((-25, 25)),
        Relation::SiblingInLaw => Some((-30, 30)),
        Relation::Other => None,
    }
}

/// The default reporting scope of the standard 亲属涉权事项比对: the cadre
/// and spouse, both sets of parents, children and their spouses, siblings
/// and their spouses (and the spouse's siblings), grandparents and
/// grandchildren on both sides, and other dependants — i.e. every relation.
pub fn default_scope() -> Vec<Relation> {
    Relation::ALL.to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Relation::*;
    use proptest::prelude::*;
    use rstest::rstest;

    #[test]
    fn every_table_term_parses_to_itself() {
        for &(term, rel, sex) in TERMS {
            let i = parse_relation(term);
            assert_eq!((i.relation, i.sex), (rel, sex), "{term}");
            assert_eq!(i.generation, rel.generation());
        }
    }

    #[rstest]
    #[case("本人", SelfRel, N)]
    #[case("自己", SelfRel, N)]
    #[case("干部本人", SelfRel, N)]
    #[case("配偶", Spouse, N)]
    #[case("妻子", Spouse, F)]
    #[case("妻", Spouse, F)]
    #[case("丈夫", Spouse, M)]
    #[case("夫", Spouse, M)]
    #[case("爱人", Spouse, N)]
    #[case("老婆", Spouse, F)]
    #[case("老公", Spouse, M)]
    #[case("夫妻", Spouse, N)]
    #[case("父亲", Parent, M)]
    #[case("母亲", Parent, F)]
    #[case("父", Parent, M)]
    #[case("母", Parent, F)]
    #[case("爸爸", Parent, M)]
    #[case("妈妈", Parent, F)]
    #[case("岳父", ParentInLaw, M)]
    #[case("岳母", ParentInLaw, F)]
    #[case("公公", ParentInLaw, M)]
    #[case("婆婆", ParentInLaw, F)]
    #[case("配偶父亲", ParentInLaw, M)]
    #[case("配偶母亲", ParentInLaw, F)]
    #[case("配偶之父", ParentInLaw, M)]
    #[case("配偶之母", ParentInLaw, F)]
    #[case("丈人", ParentInLaw, M)]
    #[case("丈母娘", ParentInLaw, F)]
    #[case("儿子", Child, M)]
    #[case("小孩", Child, N)]
    #[case("12", Spouse, F)]
    #[case("20", Child, M)]
    #[case("32", Child, F)]
    #[case("38", ChildInLaw, F)]
    #[case("51", Parent, M)]
    #[case("56", ParentInLaw, F)]
    #[case("77", Sibling, F)]
    #[case("01", SelfRel, N)]
    #[case("闺女", Child, F)]
    #[case("女儿", Child, F)]
    #[case("子", Child, M)]
    #[case("女", Child, F)]
    #[case("长子", Child, M)]
    #[case("次子", Child, M)]
    #[case("长女", Child, F)]
    #[case("次女", Child, F)]
    #[case("独子", Child, M)]
    #[case("独女", Child, F)]
    #[case("子女", Child, N)]
    #[case("女婿", ChildInLaw, M)]
    #[case("儿媳", ChildInLaw, F)]
    #[case("儿媳妇", ChildInLaw, F)]
    #[case("媳妇", ChildInLaw, F)]
    #[case("子女配偶", ChildInLaw, N)]
    #[case("哥哥", Sibling, M)]
    #[case("弟弟", Sibling, M)]
    #[case("姐姐", Sibling, F)]
    #[case("妹妹", Sibling, F)]
    #[case("兄", Sibling, M)]
    #[case("弟", Sibling, M)]
    #[case("姐", Sibling, F)]
    #[case("妹", Sibling, F)]
    #[case("兄弟", Sibling, M)]
    #[case("姐妹", Sibling, F)]
    #[case("兄弟姐妹", Sibling, N)]
    #[case("胞兄", Sibling, M)]
    #[case("胞弟", Sibling, M)]
    #[case("胞姐", Sibling, F)]
    #[case("胞妹", Sibling, F)]
    #[case("嫂子", SiblingInLaw, F)]
    #[case("嫂", SiblingInLaw, F)]
    #[case("弟媳", SiblingInLaw, F)]
    #[case("弟妹", SiblingInLaw, F)]
    #[case("姐夫", SiblingInLaw, M)]
    #[case("妹夫", SiblingInLaw, M)]
    #[case("大伯子", SiblingInLaw, M)]
    #[case("小叔子", SiblingInLaw, M)]
    #[case("大姑子", SiblingInLaw, F)]
    #[case("小姑子", SiblingInLaw, F)]
    #[case("大舅子", SiblingInLaw, M)]
    #[case("小舅子", SiblingInLaw, M)]
    #[case("大姨子", SiblingInLaw, F)]
    #[case("小姨子", SiblingInLaw, F)]
    #[case("连襟", SiblingInLaw, M)]
    #[case("妯娌", SiblingInLaw, F)]
    #[case("配偶的兄弟姐妹", SiblingInLaw, N)]
    #[case("祖父", Grandparent, M)]
    #[case("祖母", Grandparent, F)]
    #[case("外祖父", Grandparent, M)]
    #[case("外祖母", Grandparent, F)]
    #[case("爷爷", Grandparent, M)]
    #[case("奶奶", Grandparent, F)]
    #[case("外公", Grandparent, M)]
    #[case("外婆", Grandparent, F)]
    #[case("姥姥", Grandparent, F)]
    #[case("姥爷", Grandparent, M)]
    #[case("孙子", Grandchild, M)]
    #[case("孙女", Grandchild, F)]
    #[case("外孙", Grandchild, M)]
    #[case("外孙女", Grandchild, F)]
    #[case("孙子女", Grandchild, N)]
    #[case("外孙子女", Grandchild, N)]
    // prefixed / ordinal / step variants
    #[case("其配偶", Spouse, N)]
    #[case("之母", Parent, F)]
    #[case("其父", Parent, M)]
    #[case("本人之妻", Spouse, F)]
    // Probe s19 (session 12): the relation written after the cadre's name.
    #[case("赵志刚之妻", Spouse, F)]
    #[case("赵志刚之长子", Child, M)]
    #[case("钱秀梅之夫", Spouse, M)]
    #[case("本人的丈夫", Spouse, M)]
    #[case("三女儿", Child, F)]
    #[case("大女儿", Child, F)]
    #[case("三女", Child, F)]
    #[case("二哥", Sibling, M)]
    #[case("大姐", Sibling, F)]
    #[case("小妹", Sibling, F)]
    #[case("大嫂", SiblingInLaw, F)]
    #[case("继父", Parent, M)]
    #[case("继母", Parent, F)]
    #[case("养女", Child, F)]
    #[case("养子", Child, M)]
    #[case("继女", Child, F)]
    #[case("义子", Child, M)]
    #[case("儿子1", Child, M)]
    #[case("女儿2", Child, F)]
    #[case("女儿(已婚)", Child, F)]
    #[case("女儿（已婚）", Child, F)]
    #[case(" 配 偶 ", Spouse, N)]
    #[case("ＸＸ的父亲", Other, N)]
    #[case("其长子", Child, M)]
    #[case("二女婿", ChildInLaw, M)]
    #[case("大儿媳", ChildInLaw, F)]
    #[case("幺儿", Child, M)]
    // unknown / other
    #[case("叔叔", Other, N)]
    #[case("侄子", Other, N)]
    #[case("堂兄", Other, N)]
    #[case("表妹", Other, N)]
    #[case("其他", Other, N)]
    #[case("", Other, N)]
    #[case("大伯", Other, N)]
    #[case("小姨", Other, N)]
    #[case("大爷", Other, N)]
    #[case("朋友", Other, N)]
    #[case("123", Other, N)]
    fn parse_table(#[case] term: &str, #[case] rel: Relation, #[case] sex: Option<Sex>) {
        let i = parse_relation(term);
        assert_eq!((i.relation, i.sex), (rel, sex), "{term:?}");
        assert_eq!(i.generation, rel.generation());
    }

    #[rstest]
    #[case(SelfRel, 0)]
    #[case(Spouse, 0)]
    #[case(Parent, 1)]
    #[case(ParentInLaw, 1)]
    #[case(Grandparent, 2)]
    #[case(Child, -1)]
    #[case(ChildInLaw, -1)]
    #[case(Grandchild, -2)]
    #[case(Sibling, 0)]
    #[case(SiblingInLaw, 0)]
    #[case(Other, 0)]
    fn generations(#[case] r: Relation, #[case] g: i8) {
        assert_eq!(r.generation(), g);
    }

    #[test]
    fn names_serde_and_labels() {
        for r in Relation::ALL {
            assert_eq!(Relation::from_str_canonical(r.as_str()), Some(r));
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
            let back: Relation = serde_json::from_str(&json).unwrap();
            assert_eq!(back, r);
            assert!(!r.label_zh().is_empty());
        }
        assert_eq!(SelfRel.as_str(), "self");
        assert_eq!(Relation::from_str_canonical("self_rel"), None);
        assert_eq!(SiblingInLaw.label_zh(), "兄弟姐妹配偶/配偶兄弟姐妹");
    }

    #[test]
    fn gaps_and_scope() {
        assert_eq!(birth_gap_range(Parent), Some((-60, -14)));
        assert_eq!(birth_gap_range(ParentInLaw), Some((-60, -14)));
        assert_eq!(birth_gap_range(Grandparent), Some((-90, -30)));
        assert_eq!(birth_gap_range(Child), Some((14, 60)));
        assert_eq!(birth_gap_range(ChildInLaw), Some((8, 65)));
        assert_eq!(birth_gap_range(Grandchild), Some((30, 90)));
        assert_eq!(birth_gap_range(Spouse), Some((-20, 20)));
        assert_eq!(birth_gap_range(Sibling), Some((-25, 25)));
        assert_eq!(birth_gap_range(SiblingInLaw), Some((-30, 30)));
        assert_eq!(birth_gap_range(SelfRel), Some((0, 0)));
        assert_eq!(birth_gap_range(Other), None);
        assert_eq!(default_scope(), Relation::ALL.to_vec());
    }

    proptest! {
        #[test]
        fn no_panic(s in any::<String>(), t in "[其之本人的长次大二小继养0-9()（）父母子女儿哥姐配偶 ]{0,10}") {
            for x in [&s, &t] {
                let i = parse_relation(x);
                prop_assert_eq!(i.generation, i.relation.generation());
            }
        }
    }
}
