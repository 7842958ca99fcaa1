//! County units by one key: 示例县住房和城乡建设局 / 县住建局 / 住建局 are one
//! unit, 万谷乡 / 万谷乡人民政府 / 万谷乡政府 one township government.
//!
//! [`UNITS`] is the table, as data: a unit's canonical name (the key, written
//! without the county's name) and the short names and older names it goes by.
//! `kinmatch.toml` adds to it (`[[unit]]`, [`UnitTable::with`]).
//!
//! A key is found in this order: the cleaned text (NFKC, no whitespace) as
//! written, then with the county's or city's name stripped (`示例县` / `县` /
//! `示例市` / `示例区` before it), then with a trailing 机关 / 办公室 dropped,
//! each looked up in the table; else a township, street or village government
//! in its canonical form — `万谷乡政府`, `新华街道办事处`, `桃花村委会`,
//! `复兴社区居委会` — else the cleaned text with a leading `…县` stripped (so two
//! identical unknown names still match).

use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// Canonical name, then aliases. The canonical name is the key: written
/// without the county's name, and with `县` only where the unit is named by it
/// (县人民政府, 县委组织部, 团县委).
///
/// Education: in many counties the education authority is called 教委 /
/// 教育委员会, in others 教育局 or (merged with sport) 教育和体育局 / 教体局; a
/// county has one of them, so they are one unit here.
pub const UNITS: &[(&str, &[&str])] = &[
    ("县人民政府", &["县政府", "人民政府", "政府"]),
    ("县政府办公室", &["县政府办", "县府办", "政府办", "政府办公室", "人民政府办公室"]),
    ("县委办公室", &["县委办", "中共县委办公室"]),
    ("县委组织部", &["组织部", "中共县委组织部"]),
    ("县委宣传部", &["宣传部", "中共县委宣传部"]),
    ("县委统战部", &["统战部", "县委统一战线工作部"]),
    ("县委政法委", &["政法委", "县委政法委员会"]),
    ("县纪委监委", &["纪委监委", "纪委", "监委", "纪律检查委员会", "监察委员会", "县纪委", "县监委"]),
    ("人大常委会", &["人大", "县人大", "人民代表大会常务委员会"]),
    ("政协", &["县政协", "政协委员会"]),
    ("人民法院", &["法院"]),
    ("人民检察院", &["检察院"]),
    ("住房和城乡建设局", &[
        "住建局", "住房城乡建设局", "住房和城乡建设委员会", "住建委", "城乡建设局", "建设局", "城乡建设委员会", "建委",
    ]),
    ("人力资源和社会保障局", &["人社局", "人力社保局", "人力资源社会保障局", "劳动和社会保障局", "劳动保障局"]),
    ("医疗保障局", &["医保局"]),
    ("教育局", &["教委", "教育委员会", "教育和体育局", "教体局", "教育体育局"]),
    ("农业农村局", &["农业局", "农委", "农业农村委员会", "农业农村委", "农业委员会"]),
    ("交通运输局", &["交通局", "交通运输委员会", "交委"]),
    ("财政局", &[]),
    ("民政局", &[]),
    ("民族宗教事务局", &["民宗局", "民族宗教局"]),
    ("卫生健康局", &[
        "卫健局", "卫生健康委员会", "卫健委", "卫生和计划生育委员会", "卫计委", "卫生和计划生育局", "卫计局", "卫生局",
    ]),
    ("自然资源局", &["自然资源和规划局", "规划和自然资源局", "国土局", "国土资源局"]),
    ("发展和改革局", &["发改局", "发改委", "发展和改革委员会", "发展改革局", "发展改革委"]),
    ("水利局", &["水务局"]),
    ("市场监督管理局", &["市场监管局", "市监局", "市场监督局"]),
    ("乡村振兴局", &["扶贫办", "扶贫开发办公室", "扶贫开发领导小组办公室", "扶贫局"]),
    ("残疾人联合会", &["残联"]),
    ("城市管理局", &["城管局", "城市管理综合行政执法局", "城市管理综合执法局", "城市管理行政执法局", "城管执法局", "综合行政执法局"]),
    ("林业局", &["林业和草原局", "林草局"]),
    ("应急管理局", &["应急局"]),
    ("退役军人事务局", &["退役军人局"]),
    ("文化和旅游局", &["文旅局", "文化旅游局", "文化广电和旅游局", "文化广电旅游局", "文广旅局"]),
    ("公安局", &[]),
    ("税务局", &[]),
    ("统计局", &[]),
    ("审计局", &[]),
    ("生态环境局", &["环保局", "环境保护局"]),
    ("商务局", &[]),
    ("司法局", &[]),
    ("科技局", &["科学技术局"]),
    ("信访局", &[]),
    ("人民武装部", &["人武部", "武装部"]),
    ("总工会", &["工会"]),
    ("团县委", &["共青团县委", "共青团县委员会", "团委"]),
    ("妇女联合会", &["妇联"]),
];

/// Trailing words that name a unit's office, not another unit (县民政局机关).
const QUALIFIERS: &[&str] = &["机关办公室", "机关", "办公室"];

/// NFKC, whitespace removed.
pub fn clean(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// Built-in table plus whatever a config adds.
#[derive(Clone, Debug)]
pub struct UnitTable {
    /// Cleaned name (and, for names starting with 县, the rest too) -> key.
    names: HashMap<String, String>,
}

impl UnitTable {
    /// The built-in table ([`UNITS`]).
    pub fn builtin() -> &'static UnitTable {
        static T: OnceLock<UnitTable> = OnceLock::new();
        T.get_or_init(|| {
            let mut t = UnitTable { names: HashMap::new() };
            for (canon, aliases) in UNITS {
                for n in std::iter::once(canon).chain(aliases.iter()) {
                    t.insert(n, canon);
                }
            }
            t
        })
    }

    /// The built-in table extended by (name, aliases) pairs, e.g. from
    /// `kinmatch.toml`. A name resolves as usual (a name the table knows joins
    /// that unit); the name and its aliases then map to it, over the built-in table.
    pub fn with<'a>(extra: impl IntoIterator<Item = (&'a str, &'a [String])>) -> UnitTable {
        let builtin = UnitTable::builtin();
        let mut t = builtin.clone();
        for (name, aliases) in extra {
            let key = builtin.key(name);
            if key.is_empty() {
                continue;
            }
            t.insert(name, &key);
            for a in aliases {
                t.insert(a, &key);
            }
        }
        t
    }

    fn insert(&mut self, name: &str, key: &str) {
        let n = clean(name);
        if n.is_empty() {
            return;
        }
        if let Some(rest) = n.strip_prefix('县') {
            if rest.chars().count() >= 2 && !rest.starts_with('委') {
                self.names.insert(rest.to_string(), key.to_string());
            }
        }
        self.names.insert(n, key.to_string());
    }

    /// The unit's key when the table knows it (with or without the county's name).
    fn lookup(&self, forms: &[String]) -> Option<String> {
        forms.iter().find_map(|f| self.names.get(f)).cloned().or_else(|| {
            forms.iter().find_map(|f| {
                QUALIFIERS
                    .iter()
                    .find_map(|q| f.strip_suffix(q).filter(|r| !r.is_empty()).and_then(|r| self.names.get(r)))
                    .cloned()
            })
        })
    }

    /// Whether the table knows this unit (by any of its names).
    pub fn knows(&self, s: &str) -> bool {
        let c = clean(s);
        !c.is_empty() && self.lookup(&names_to_look_up(&c, &county_stripped(&c))).is_some()
    }

    /// The canonical key of a unit's name; see the module's doc. A post
    /// written after the unit (县民政局局长, 白沙乡人民政府副乡长) is not part of it.
    /// The unit's key and, for a name with another unit in brackets (a merged
    /// bureau: 县农业农村局（县乡村振兴局）), that unit's key too.
    pub fn keys(&self, s: &str) -> Vec<String> {
        let mut out = vec![self.key(s)];
        let inner = s.find(['（', '(']).and_then(|open| {
            let rest = s.get(open..)?.trim_start_matches(['（', '(']);
            rest.get(..rest.find(['）', ')'])?)
        });
        if let Some(k) = inner.map(|i| self.key(i)).filter(|k| k.chars().count() >= 2 && !out.contains(k)) {
            out.push(k);
        }
        out
    }

    pub fn key(&self, s: &str) -> String {
        let c = clean(s);
        let c = without_post(&c).to_string();
        if c.is_empty() {
            return c;
        }
        let rests = county_stripped(&c);
        if let Some(k) = self.lookup(&names_to_look_up(&c, &rests)) {
            return k;
        }
        // A section or subordinate unit of a unit the table knows (县民政局社会救助股,
        // 县住房和城乡建设局住房保障股, 县住建局城建监察大队): that unit, by its longest
        // known beginning of three characters or more.
        let at: Vec<usize> = c.char_indices().map(|(i, _)| i).collect();
        for &end in at.iter().skip(3).rev() {
            let Some(prefix) = c.get(..end) else { continue };
            if let Some(k) = self.lookup(&names_to_look_up(prefix, &county_stripped(prefix))) {
                return k;
            }
        }
        // A place government: the county-stripped forms first (示例县城关镇 is 城关镇).
        for f in rests.iter().chain(std::iter::once(&c)) {
            let bare = QUALIFIERS.iter().find_map(|q| f.strip_suffix(q)).unwrap_or(f);
            if let Some(k) = place_key(f).or_else(|| place_key(bare)) {
                return k;
            }
        }
        without_county(&c)
    }
}

/// Posts a unit cell may carry after the unit's name (工作单位及职务), longest first.
pub const POST_SUFFIXES: &[&str] = &[
    "党委副书记", "党组副书记", "党委书记", "党组书记", "副局长", "副主任", "副书记", "副科长", "副乡长", "副镇长", "副所长", "副站长",
    "副院长", "副校长", "工作人员", "局长", "主任", "书记", "科长", "股长", "科员", "乡长", "镇长", "所长", "站长", "院长", "校长",
    "干部", "职工", "教师", "医生", "会计",
];

/// The unit's name without a post after it; the text as it is when nothing of
/// a unit would be left.
fn without_post(c: &str) -> &str {
    split_post(c, 2).map_or(c, |(u, _)| u)
}

/// A text split into a unit and the post written after it (`县民政局局长` ->
/// `县民政局`, `局长`), the unit keeping at least `min_unit` characters; `None`
/// without a post of [`POST_SUFFIXES`] at its end.
pub fn split_post(c: &str, min_unit: usize) -> Option<(&str, &'static str)> {
    POST_SUFFIXES.iter().find_map(|p| c.strip_suffix(p).filter(|u| u.chars().count() >= min_unit).map(|u| (u, *p)))
}

/// The text with a county or city prefix stripped: for each `县` / `市` / `区`
/// with at most 4 characters before it (or a bare `县`), the rest.
fn county_stripped(c: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (n, (i, ch)) in c.char_indices().enumerate().take(5) {
        if !matches!(ch, '县' | '市' | '区') || (n == 0 && ch != '县') {
            continue;
        }
        let rest = &c[i + ch.len_utf8()..];
        if rest.chars().count() >= 2 {
            out.push(rest.to_string());
        }
    }
    out
}

/// The text as written, then each county-stripped form as it is and with `县`
/// put back (示例县委组织部 -> 委组织部, 县委组织部).
fn names_to_look_up(c: &str, rests: &[String]) -> Vec<String> {
    let mut out = vec![c.to_string()];
    for r in rests {
        out.push(r.clone());
        out.push(format!("县{r}"));
    }
    out
}

/// Township, street and village governments in one form: 万谷乡 / 万谷乡人民政府 /
/// 万谷乡政府 -> 万谷乡政府; 新华街道 / 新华街道办 -> 新华街道办事处; 桃花村 /
/// 桃花村民委员会 / 桃花村委 -> 桃花村委会; 复兴社区 / 复兴社区居民委员会 -> 复兴社区居委会.
fn place_key(f: &str) -> Option<String> {
    let core_ok = |core: &str| core.chars().count() >= 2 && core.chars().all(is_han);
    for (suffixes, canon) in [
        (&["街道办事处", "街道办", "街道"][..], "街道办事处"),
        (&["社区居民委员会", "社区居委会", "社区居委", "社区", "居民委员会", "居委会"][..], "社区居委会"),
        (&["村民委员会", "村委会", "村委", "村"][..], "村委会"),
    ] {
        if let Some(core) = suffixes.iter().find_map(|x| f.strip_suffix(x)) {
            return core_ok(core).then(|| format!("{core}{canon}"));
        }
    }
    // A township's party committee and its office act with its government
    // (白沙乡党委, 中共白沙乡委员会, 白沙乡党政综合办公室); its 纪委 does not.
    let f = f.strip_prefix("中共").and_then(|x| x.strip_suffix("委员会")).unwrap_or(f);
    let gov = ["人民政府", "政府", "党委", "党政综合办公室", "党政办公室", "党政办"].iter().find_map(|x| f.strip_suffix(x)).unwrap_or(f);
    for kind in ['乡', '镇'] {
        if let Some(core) = gov.strip_suffix(kind) {
            return core_ok(core).then(|| format!("{core}{kind}政府"));
        }
    }
    None
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// An unknown unit: a leading `…县` (at most 4 characters before it) stripped,
/// 人民政府 read as 政府.
pub fn without_county(c: &str) -> String {
    let mut t = c.to_string();
    if let Some(i) = t.find('县') {
        let (head, rest) = (&t[..i], &t[i + '县'.len_utf8()..]);
        if head.chars().count() <= 4 && rest.chars().count() >= 2 {
            t = rest.to_string();
        }
    }
    t.replace("人民政府", "政府")
}

/// [`UnitTable::key`] with the built-in table.
pub fn unit_key(s: &str) -> String {
    UnitTable::builtin().key(s)
}

/// Whether the built-in table knows this unit (教委, 妇联: short names that a
/// file name may carry).
pub fn is_known_unit(s: &str) -> bool {
    UnitTable::builtin().knows(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("县民政局局长", "县民政局")]
    #[case("民政局副局长", "县民政局")]
    #[case("白沙乡人民政府副乡长", "白沙乡人民政府")]
    #[case("县教育局科员", "教育局")]
    fn a_post_after_the_unit_is_not_part_of_it(#[case] a: &str, #[case] b: &str) {
        let t = UnitTable::builtin();
        assert_eq!(t.key(a), t.key(b), "{a} / {b}");
    }

    #[rstest]
    #[case("住建局", "县住房和城乡建设局")]
    #[case("示例县住房和城乡建设局", "住建局")]
    #[case("县 住建局", "住房和城乡建设局")]
    #[case("住建委", "住建局")]
    #[case("人社局", "人力资源和社会保障局")]
    #[case("医保局", "医疗保障局")]
    #[case("教委", "教育委员会")]
    #[case("教委", "教育局")]
    #[case("教体局", "教育和体育局")]
    #[case("农业农村局", "农业局")]
    #[case("农委", "农业农村局")]
    #[case("交通局", "交通运输局")]
    #[case("示例县财政局", "财政局")]
    #[case("县民政局", "民政局")]
    #[case("卫健局", "卫生健康局")]
    #[case("卫生和计划生育委员会", "卫计委")]
    #[case("卫健局", "卫计委")]
    #[case("自然资源局", "自然资源和规划局")]
    #[case("国土局", "自然资源局")]
    #[case("发改局", "发展和改革局")]
    #[case("发改委", "发改局")]
    #[case("水利局", "水务局")]
    #[case("市场监管局", "市场监督管理局")]
    // Probe s23 (session 12): short names the table lacked.
    #[case("市监局", "县市场监督管理局")]
    #[case("城管局", "县城市管理综合执法局")]
    #[case("示例县市场监管局", "市场监督管理局")]
    #[case("乡村振兴局", "扶贫办")]
    #[case("扶贫开发办公室", "扶贫办")]
    #[case("残联", "残疾人联合会")]
    #[case("城管局", "城市管理局")]
    #[case("示例县城市管理局", "城管局")]
    #[case("县林业局", "林业局")]
    #[case("应急局", "应急管理局")]
    #[case("示例县退役军人事务局", "退役军人事务局")]
    #[case("文旅局", "文化和旅游局")]
    #[case("公安局", "示例县公安局")]
    #[case("税务局", "县税务局")]
    #[case("统计局", "县统计局")]
    #[case("审计局", "县审计局")]
    #[case("生态环境局", "环保局")]
    #[case("商务局", "县商务局")]
    #[case("司法局", "县司法局")]
    #[case("科技局", "科学技术局")]
    #[case("人武部", "县人民武装部")]
    #[case("总工会", "工会")]
    #[case("团县委", "共青团县委")]
    #[case("团县委", "示例县团县委")]
    #[case("妇联", "县妇女联合会")]
    #[case("县委组织部", "中共示例县委组织部")]
    #[case("示例市民政局", "民政局")]
    #[case("示例区民政局", "民政局")]
    #[case("县民政局机关", "民政局")]
    #[case("县民政局办公室", "民政局")]
    #[case("县住建局", "住房和城乡建设局")]
    #[case("县政府", "示例县人民政府")]
    #[case("县\u{3000}民政局 ", "民政局")]
    #[case("县Ａ１中心", "A1中心")] // full-width letters and digits
    #[case("万谷乡", "万谷乡人民政府")]
    #[case("万谷乡政府", "万谷乡人民政府")]
    #[case("示例县万谷乡人民政府", "万谷乡")]
    #[case("新华街道", "新华街道办事处")]
    #[case("新华街道办", "新华街道办事处")]
    #[case("桃花村", "桃花村民委员会")]
    #[case("桃花村委会", "桃花村委")]
    #[case("复兴社区", "复兴社区居民委员会")]
    #[case("复兴社区居委会", "复兴社区")]
    #[case("示例县某某中心", "县某某中心")]
    // Probe s29: a section or subordinate unit is its unit's; a township's party
    // committee and office act with its government.
    #[case("县民政局社会救助股", "县民政局")]
    #[case("县住房和城乡建设局住房保障股", "住建局")]
    #[case("县住建局城建监察大队", "县住房和城乡建设局")]
    #[case("白沙乡党委", "白沙乡人民政府")]
    #[case("中共白沙乡委员会", "白沙乡人民政府")]
    #[case("白沙乡党政综合办公室", "白沙乡政府")]
    fn same_unit(#[case] a: &str, #[case] b: &str) {
        assert_eq!(unit_key(a), unit_key(b), "{a} / {b}");
    }

    #[rstest]
    #[case("民政局", "民宗局")]
    #[case("万谷乡", "万谷镇")]
    #[case("住建局", "城管局")]
    #[case("县委办公室", "县政府办公室")]
    #[case("县政府办公室", "县人民政府")]
    #[case("桃花村", "桃花社区")]
    #[case("新华街道", "新华镇")]
    #[case("卫健局", "医保局")]
    #[case("人社局", "民政局")]
    #[case("某某中心", "另一中心")]
    #[case("工业园区管委会", "高新区管委会")]
    #[case("白沙乡纪委", "白沙乡人民政府")]
    #[case("白沙乡中心小学", "白沙乡人民政府")]
    #[case("县政府办公室", "县人民政府")]
    fn different_units(#[case] a: &str, #[case] b: &str) {
        assert_ne!(unit_key(a), unit_key(b), "{a} / {b}");
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(unit_key("示例县住建局"), "住房和城乡建设局");
        assert_eq!(unit_key("万谷乡人民政府"), "万谷乡政府");
        assert_eq!(unit_key("新华街道"), "新华街道办事处");
        assert_eq!(unit_key("桃花村民委员会"), "桃花村委会");
        assert_eq!(unit_key("复兴社区居民委员会"), "复兴社区居委会");
        assert_eq!(unit_key("县某某中心"), "某某中心");
        assert_eq!(unit_key("  "), "");
    }

    #[test]
    fn a_config_adds_aliases_and_wins() {
        let t = UnitTable::with([
            ("县住房和城乡建设局", &["城建局".to_string()][..]),
            ("县乡村振兴局", &["扶贫办".to_string()][..]),
            ("县档案馆", &["档案局".to_string()][..]),
            ("县交通运输局", &["农委".to_string()][..]),
        ]);
        assert_eq!(t.key("城建局"), t.key("住建局"));
        assert_eq!(t.key("档案局"), t.key("示例县档案馆"));
        assert_eq!(t.key("农委"), t.key("交通局"));
        assert_ne!(t.key("农委"), t.key("农业农村局"));
        assert!(!UnitTable::builtin().knows("城建局"));
        assert!(is_known_unit("教委") && is_known_unit("县妇联") && !is_known_unit("低保"));
    }
}
