//! Person names: cleaning, traditional→simplified match keys, variant
//! folding, pinyin keys and a graded comparison ([`compare_names`]).
//!
//! The comparison grades are *evidence*, not identity: in particular
//! [`NameMatch::Homophone`] (same pinyin, different characters) must never by
//! itself be treated as the same person — that decision belongs to the caller,
//! which should require independent evidence (ID prefix, birth date, region…).

use pinyin::{ToPinyin, ToPinyinMulti};
use unicode_normalization::UnicodeNormalization;

use super::Text;
use super::id::is_invisible;

/// A normalized person name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NormName {
    /// The cell as given.
    pub raw: Text,
    /// Cleaned for display: NFKC, whitespace/zero-width removed, bracketed
    /// notes removed, separator dots unified to `'·'`; *not* converted to
    /// simplified characters.
    pub display: Text,
    /// Match key: `display` converted traditional→simplified character by
    /// character (name-legal characters kept), separator dots removed.
    pub key: Text,
    /// `key` with known variant groups (萧/肖, 阎/闫…) folded to one representative.
    pub variant_key: Text,
    /// Bracketed notes moved out of the name ("户主", "已故", "代领"), joined with `;`.
    pub note: Option<String>,
    /// Compound surname (欧阳, 司马, …) when `key` has at least 3 characters
    /// and starts with one, else the first character of `key` (`""` if empty).
    pub surname: Text,
}

/// Grade of agreement between two names, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameMatch {
    /// Same cleaned display form.
    Exact,
    /// Same after traditional→simplified conversion.
    TradSimp,
    /// Same after folding known variant characters (萧/肖, 阎/闫…).
    Variant,
    /// Same length and a shared pinyin key. Weak evidence only — never identity by itself.
    Homophone,
    /// Same length, exactly one character differs.
    OneCharDiff,
    /// Anything else.
    Different,
    /// At least one name is empty.
    Missing,
}

impl NameMatch {
    /// Chinese evidence phrase for reports.
    pub fn evidence_zh(self) -> &'static str {
        match self {
            NameMatch::Exact => "姓名一致",
            NameMatch::TradSimp => "姓名一致（繁简体不同）",
            NameMatch::Variant => "姓名为异体字（如萧/肖）",
            NameMatch::Homophone => "姓名同音（疑似同音字笔误）",
            NameMatch::OneCharDiff => "姓名相差一字",
            NameMatch::Different => "姓名不同",
            NameMatch::Missing => "姓名缺失",
        }
    }
}

/// Characters legal in names that a traditional→simplified converter must
/// not touch (fast2s maps e.g. 甯→宁, 仝→同, 昇→升, 於→于, 彷→仿, 乾→干).
pub const NAME_LEGAL_KEEP: &[char] = &[
    '喆', '堃', '淼', '甯', '仝', '昇', '璟', '祎', '犇', '赟', '玥', '珺', '瑄', '皓', '於', '彷',
    '乾',
];

/// Variant groups: near-equal characters, folded to the first member in
/// [`NormName::variant_key`]. Extend freely.
pub const VARIANT_GROUPS: &[&[char]] = &[
    &['萧', '肖'],
    &['阎', '闫'],
    &['锺', '钟'],
    &['彷', '仿'],
    &['邨', '村'],
    &['鎔', '镕'],
    &['喆', '哲'],
    &['堃', '坤'],
    &['甯', '宁'],
    &['昇', '升'],
    &['凃', '涂'],
    &['於', '于'],
    &['仝', '同'],
];

/// Compound (two-character) surnames, simplified forms.
pub const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "长孙", "宇文",
    "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "万俟", "闻人", "钟离", "宗政", "濮阳",
    "太史", "申屠", "公羊", "澹台", "公冶", "赫连", "呼延", "淳于", "单于", "太叔", "仲孙", "亓官",
    "司空", "司寇", "百里", "东郭", "拓跋", "第五", "梁丘", "左丘", "谷梁", "乐正", "羊舌", "微生",
    "公西", "东门", "漆雕", "巫马", "子车", "颛孙", "壤驷", "公良", "段干", "鲜于", "闾丘", "锺离",
];

/// Surname readings that differ from the character's common reading; tried first.
const SURNAME_READINGS: &[(&str, &str)] = &[
    ("单", "shan"),
    ("曾", "zeng"),
    ("解", "xie"),
    ("区", "ou"),
    ("朴", "piao"),
    ("查", "zha"),
    ("仇", "qiu"),
    ("盖", "ge"),
    ("覃", "qin"),
    ("缪", "miao"),
    ("翟", "zhai"),
    ("乐", "yue"),
    ("尉", "wei"),
    ("繁", "po"),
    ("员", "yun"),
    ("秘", "bi"),
    ("种", "chong"),
    ("召", "shao"),
    ("尉迟", "yu|chi"),
    ("万俟", "mo|qi"),
    ("单于", "chan|yu"),
    ("长孙", "zhang|sun"),
    ("澹台", "tan|tai"),
    ("乐正", "yue|zheng"),
];

const OPENERS: &[char] = &[
    '(', '[', '【', '〔', '<', '《', '〈', '「', '『', '{', '〖', '﹙',
];
const CLOSERS: &[char] = &[
    ')', ']', '】', '〕', '>', '》', '〉', '」', '』', '}', '〗', '﹚',
];

fn is_dot(c: char) -> bool {
    matches!(
        c,
        '·' | '•'
            | '・'
            | '．'
            | '.'
            | '‧'
            | '･'
            | '∙'
            | '⋅'
            | '\u{0387}'
            | '\u{2E31}'
            | '\u{16EB}'
            | '\u{318D}'
            | '\u{2024}'
    )
}

fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}' | '\u{30000}'..='\u{3134F}' | '〇')
}

/// One cleaning pass; notes found are appended to `notes`.
fn clean_once(raw: &str, notes: &mut Vec<String>) -> String {
    let mut name = String::new();
    let mut buf = String::new();
    let mut depth = 0usize;
    let mut push_note = |buf: &mut String| {
        let n: String = buf.nfkc().filter(|&c| !is_invisible(c)).collect();
        if !n.is_empty() {
            notes.push(n);
        }
        buf.clear();
    };
    for c in raw.nfkc() {
        if OPENERS.contains(&c) {
            if depth > 0 {
                buf.push(c);
            }
            depth += 1;
        } else if CLOSERS.contains(&c) {
            match depth {
                0 => {} // stray closer: dropped
                1 => {
                    depth = 0;
                    push_note(&mut buf);
                }
                _ => {
                    depth -= 1;
                    buf.push(c);
                }
            }
        } else if depth > 0 {
            buf.push(c);
        } else if is_dot(c) {
            if !name.is_empty() && !name.ends_with('·') {
                name.push('·');
            }
        } else if !is_invisible(c) {
            name.push(c);
        }
    }
    if depth > 0 {
        push_note(&mut buf); // unclosed bracket: the rest is a note
    }
    while name.ends_with('·') {
        name.pop();
    }
    name
}

/// fast2s's traditional→simplified mapping for every character it can change
/// (it only converts 3-byte UTF-8 characters), computed once, one character
/// at a time so that no phrase/context rule applies. Name-legal characters
/// are left out, so they stay as written.
fn t2s_table() -> &'static std::collections::HashMap<char, String> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<char, String>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x0800u32..=0xFFFF)
            .filter_map(char::from_u32)
            .filter(|c| !NAME_LEGAL_KEEP.contains(c))
            .filter_map(|c| {
                let s = fast2s::convert(c.encode_utf8(&mut [0u8; 4]));
                (s.chars().ne(std::iter::once(c))).then_some((c, s))
            })
            .collect()
    })
}

fn push_simplified(c: char, out: &mut Text) {
    match t2s_table().get(&c) {
        Some(s) => out.push_str(s),
        None => out.push(c),
    }
}

/// Characters NFKC leaves alone and the cleaner keeps: a name made only of
/// them needs no cleaning pass (the common case).
fn plain_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

fn fold_variant(c: char) -> char {
    VARIANT_GROUPS
        .iter()
        .find(|g| g.contains(&c))
        .and_then(|g| g.first().copied())
        .unwrap_or(c)
}

fn token(c: char) -> String {
    match c.to_pinyin() {
        Some(p) => p.plain().to_string(),
        None => c.to_lowercase().collect(),
    }
}

fn readings(c: char) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(multi) = c.to_pinyin_multi() {
        for p in multi {
            let s = p.plain().to_string();
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    if out.is_empty() {
        out.push(token(c));
    }
    out
}

fn surname_of(key: &str) -> Text {
    if key.chars().count() >= 3 {
        if let Some(s) = COMPOUND_SURNAMES.iter().find(|s| key.starts_with(**s)) {
            return Text::from(*s);
        }
    }
    key.chars().next().map(|c| Text::from(&*c.encode_utf8(&mut [0; 4]))).unwrap_or_default()
}

fn pinyin_keys(key: &str, surname: &str) -> Vec<String> {
    if !key.chars().any(is_han) {
        return Vec::new();
    }
    let mut variants: Vec<String> = SURNAME_READINGS
        .iter()
        .filter(|(s, _)| *s == surname)
        .map(|(_, r)| (*r).to_string())
        .collect();
    let mut sur = surname.chars();
    if let Some(first) = sur.next() {
        let rest: Vec<String> = sur.map(token).collect();
        for r in readings(first) {
            let mut parts = vec![r];
            parts.extend(rest.iter().cloned());
            variants.push(parts.join("|"));
        }
    }
    let given: Vec<String> = key
        .get(surname.len()..)
        .unwrap_or("")
        .chars()
        .map(token)
        .collect();
    let mut out: Vec<String> = Vec::new();
    for v in variants {
        let full = if given.is_empty() {
            v
        } else {
            format!("{v}|{}", given.join("|"))
        };
        if !out.contains(&full) {
            out.push(full);
        }
        if out.len() == 4 {
            break;
        }
    }
    out
}

/// Normalize a name cell. Never panics.
/// A kinship word (妻子, 长子, 户主之妻 …): what may follow a name after a colon.
fn is_relation_word(s: &str) -> bool {
    !s.is_empty() && crate::normalize::relation::parse_relation(s).relation != crate::normalize::relation::Relation::Other
}

pub fn normalize_name(raw: &str) -> NormName {
    let mut notes = Vec::new();
    let display: Text = if raw.chars().all(plain_han) {
        raw.into()
    } else {
        let mut display = clean_once(raw, &mut notes);
        for _ in 0..8 {
            let next = clean_once(&display, &mut notes);
            // A label written in the cell (`姓名：李芳`, `户主:陈一`): no name holds
            // a colon. Cut, then cleaned again, so that the name read again is itself.
            let next = match next.rsplit_once(':') {
                // `李芳：妻子`: the relation after the name is the note.
                Some((name, rel)) if !name.trim().is_empty() && is_relation_word(rel.trim()) => {
                    notes.push(rel.trim().to_string());
                    clean_once(name, &mut notes)
                }
                Some((label, rest)) if !rest.trim().is_empty() && label.chars().count() <= 8 => {
                    if !label.trim().is_empty() {
                        notes.push(label.trim().to_string());
                    }
                    clean_once(rest, &mut notes)
                }
                _ => next,
            };
            if next == display {
                break;
            }
            display = next;
        }
        display.into()
    };
    let mut key = Text::with_capacity(display.len());
    for c in display.chars().filter(|&c| c != '·') {
        push_simplified(c, &mut key);
    }
    let variant_key: Text = key.chars().map(fold_variant).collect();
    let surname = surname_of(&key);
    NormName {
        raw: raw.into(),
        display,
        key,
        variant_key,
        note: (!notes.is_empty()).then(|| notes.join(";")),
        surname,
    }
}

impl NormName {
    /// Toneless pinyin keys of the match key (`shan|xiong|xin`), one per
    /// reading of the surname, at most 4; empty without Han characters.
    /// Computed on demand: only a candidate pair's comparison needs them.
    pub fn pinyin(&self) -> Vec<String> {
        pinyin_keys(&self.key, &self.surname)
    }
}

/// Grade two normalized names (see [`NameMatch`]; checks run best first).
///
/// [`NameMatch::Homophone`] is weak evidence: callers must not treat it as
/// identity on its own.
pub fn compare_names(a: &NormName, b: &NormName) -> NameMatch {
    if a.key.is_empty() || b.key.is_empty() {
        return NameMatch::Missing;
    }
    if a.display == b.display {
        return NameMatch::Exact;
    }
    if a.key == b.key {
        return NameMatch::TradSimp;
    }
    if a.variant_key == b.variant_key {
        return NameMatch::Variant;
    }
    let (ca, cb): (Vec<char>, Vec<char>) = (a.key.chars().collect(), b.key.chars().collect());
    if ca.len() != cb.len() {
        return NameMatch::Different;
    }
    if a.pinyin().iter().any(|p| b.pinyin().contains(p)) {
        return NameMatch::Homophone;
    }
    if ca.iter().zip(&cb).filter(|(x, y)| x != y).count() == 1 {
        return NameMatch::OneCharDiff;
    }
    NameMatch::Different
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    #[rstest]
    #[case("王伟", "王伟", "王伟", None)]
    #[case("王 伟", "王伟", "王伟", None)]
    #[case("王　伟", "王伟", "王伟", None)]
    #[case(" 王\u{00A0}伟\u{200B}\u{FEFF} ", "王伟", "王伟", None)]
    #[case("张三(户主)", "张三", "张三", Some("户主"))]
    #[case("李四（已故）", "李四", "李四", Some("已故"))]
    #[case("【代领】王五", "王五", "王五", Some("代领"))]
    #[case("王五〔户主〕<已故>", "王五", "王五", Some("户主;已故"))]
    #[case("赵六《代领》[ 户主 ]", "赵六", "赵六", Some("代领;户主"))]
    #[case("赵六(户主", "赵六", "赵六", Some("户主"))]
    #[case("赵六)", "赵六", "赵六", None)]
    #[case("張偉", "張偉", "张伟", None)]
    #[case("劉芳", "劉芳", "刘芳", None)]
    #[case("王喆", "王喆", "王喆", None)]
    #[case("ＡＢ", "AB", "AB", None)]
    #[case("\u{2F08}", "人", "人", None)]
    #[case("", "", "", None)]
    #[case("（户主）", "", "", Some("户主"))]
    fn cleaning(
        #[case] raw: &str,
        #[case] display: &str,
        #[case] key: &str,
        #[case] note: Option<&str>,
    ) {
        let n = normalize_name(raw);
        assert_eq!(n.display, display, "{raw:?}");
        assert_eq!(n.key, key, "{raw:?}");
        assert_eq!(n.note.as_deref(), note, "{raw:?}");
        assert_eq!(n.raw, raw);
    }

    #[rstest]
    #[case("阿依古丽·买买提")]
    #[case("阿依古丽•买买提")]
    #[case("阿依古丽・买买提")]
    #[case("阿依古丽．买买提")]
    #[case("阿依古丽.买买提")]
    #[case("阿依古丽‧买买提")]
    #[case("阿依古丽･买买提")]
    #[case("阿依古丽∙买买提")]
    #[case("阿依古丽⋅买买提")]
    #[case("阿依古丽\u{00B7}买买提")]
    #[case("阿依古丽\u{2022}买买提")]
    #[case("阿依古丽\u{30FB}买买提")]
    #[case("阿依古丽\u{FF0E}买买提")]
    #[case("阿依古丽\u{2027}买买提")]
    #[case("阿依古丽 · 买买提")]
    #[case("阿依古丽··买买提")]
    #[case("阿依古丽买买提")]
    fn minority_dots(#[case] raw: &str) {
        let n = normalize_name(raw);
        assert_eq!(n.key, "阿依古丽买买提");
        if raw != "阿依古丽买买提" {
            assert_eq!(n.display, "阿依古丽·买买提");
        }
    }

    #[rstest]
    #[case("张伟", "张伟", NameMatch::Exact)]
    #[case("张 伟", "张伟(户主)", NameMatch::Exact)]
    #[case("張偉", "张伟", NameMatch::TradSimp)]
    #[case("劉芳", "刘芳", NameMatch::TradSimp)]
    #[case("萧红", "肖红", NameMatch::Variant)]
    #[case("蕭紅", "肖红", NameMatch::Variant)]
    #[case("阎明", "闫明", NameMatch::Variant)]
    #[case("王喆", "王哲", NameMatch::Variant)]
    #[case("甯静", "宁静", NameMatch::Variant)]
    #[case("於亮", "于亮", NameMatch::Variant)]
    #[case("张伟", "张玮", NameMatch::Homophone)]
    #[case("张伟", "张伟伟", NameMatch::Different)]
    #[case("张伟", "张强", NameMatch::OneCharDiff)]
    #[case("张伟", "李强", NameMatch::Different)]
    #[case("张伟", "", NameMatch::Missing)]
    #[case("(户主)", "张伟", NameMatch::Missing)]
    fn comparisons(#[case] a: &str, #[case] b: &str, #[case] want: NameMatch) {
        let (na, nb) = (normalize_name(a), normalize_name(b));
        assert_eq!(compare_names(&na, &nb), want, "{na:?} vs {nb:?}");
        assert_eq!(compare_names(&nb, &na), want);
        assert!(!want.evidence_zh().is_empty());
    }

    /// A label in the cell is not part of the name.
    #[test]
    fn a_label_in_the_cell_is_not_the_name() {
        for raw in ["姓名：李芳", "户主:李芳", "申请人： 李芳", "李芳：妻子", "李芳:长女"] {
            let n = normalize_name(raw);
            assert_eq!((n.key.as_str(), n.display.as_str()), ("李芳", "李芳"), "{raw}");
        }
    }

    #[test]
    fn evidence_phrases() {
        assert_eq!(NameMatch::Exact.evidence_zh(), "姓名一致");
        assert_eq!(NameMatch::Variant.evidence_zh(), "姓名为异体字（如萧/肖）");
        assert_eq!(NameMatch::Missing.evidence_zh(), "姓名缺失");
    }

    #[rstest]
    #[case("单雄信", "单", &["shan|xiong|xin", "dan|xiong|xin"])]
    #[case("曾国藩", "曾", &["zeng|guo|fan"])]
    #[case("欧阳修", "欧阳", &["ou|yang|xiu"])]
    #[case("尉迟恭", "尉迟", &["yu|chi|gong", "wei|chi|gong"])]
    #[case("张伟", "张", &["zhang|wei"])]
    #[case("AB", "A", &[])]
    #[case("欧阳", "欧", &["ou|yang"])]
    fn pinyin_and_surname(#[case] raw: &str, #[case] surname: &str, #[case] must: &[&str]) {
        let n = normalize_name(raw);
        assert_eq!(n.surname, surname);
        for p in must {
            assert!(n.pinyin().iter().any(|x| x == p), "{p} not in {:?}", n.pinyin());
        }
        assert!(n.pinyin().len() <= 4);
        assert_eq!(n.pinyin().is_empty(), must.is_empty());
    }

    #[test]
    fn shan_first_for_surname_dan() {
        let n = normalize_name("单雄信");
        assert_eq!(n.pinyin().first().map(String::as_str), Some("shan|xiong|xin"));
    }

    /// Documents what fast2s (char by char) would do to the name-legal
    /// characters, and checks that the key keeps them all.
    #[test]
    fn name_legal_chars_preserved() {
        let altered: Vec<(char, String)> = NAME_LEGAL_KEEP
            .iter()
            .map(|&c| (c, fast2s::convert(&c.to_string())))
            .filter(|(c, s)| *s != c.to_string())
            .collect();
        let want: Vec<(char, String)> = [
            ('甯', "宁"),
            ('仝', "同"),
            ('昇', "升"),
            ('於', "于"),
            ('彷', "仿"),
            ('乾', "干"),
        ]
        .iter()
        .map(|(c, s)| (*c, s.to_string()))
        .collect();
        assert_eq!(altered, want);
        for &c in NAME_LEGAL_KEEP {
            let n = normalize_name(&format!("王{c}"));
            assert_eq!(n.key, format!("王{c}"));
        }
    }

    #[test]
    fn variant_groups_fold_to_first() {
        for g in VARIANT_GROUPS {
            for &c in g.iter() {
                assert_eq!(fold_variant(c), g[0]);
            }
        }
    }

    proptest! {
        #[test]
        fn plain_han_fast_path_equals_the_cleaning_passes(s in "[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}]{0,6}") {
            let mut notes = Vec::new();
            prop_assert_eq!(normalize_name(&s).display, clean_once(&s, &mut notes));
            prop_assert!(notes.is_empty());
        }
    }

    proptest! {
        #[test]
        fn idempotent(s in "[王张李單张偉伟萧肖阿依·•.．()（）【】 \u{3000}\u{200B}a-zＡ-Ｚ⼈]{0,12}") {
            let n = normalize_name(&s);
            let again = normalize_name(&n.display);
            prop_assert_eq!(&again.display, &n.display);
            prop_assert_eq!(&again.key, &n.key);
            prop_assert_eq!(again.note, None);
        }

        #[test]
        fn no_panic_any_string(s in any::<String>(), t in "\\PC{0,10}") {
            let a = normalize_name(&s);
            let b = normalize_name(&t);
            let _ = compare_names(&a, &b);
            prop_assert_eq!(&normalize_name(&a.display).key, &a.key);
            prop_assert_eq!(&normalize_name(&b.display).display, &b.display);
            prop_assert!(a.pinyin().len() <= 4);
        }
    }
}
