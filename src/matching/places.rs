//! Places: townships and villages as the rolls name them, used to read a
//! relative's address, a beneficiary's township, and the township a cadre
//! serves. Names are compared by their core (万谷乡 -> 万谷, 桃花村 -> 桃花).

use std::collections::{BTreeMap, BTreeSet};

const TOWNSHIP_SUFFIXES: &[&str] = &["街道办事处", "街道办", "街道", "人民政府", "政府", "乡", "镇"];
const VILLAGE_SUFFIXES: &[&str] = &[
    "村民委员会", "居民委员会", "村委会", "居委会", "村委", "社区", "村", "居",
];

fn strip_any(s: &str, suffixes: &[&str]) -> String {
    let mut t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    // Strip repeatedly: 万谷乡人民政府 -> 万谷乡 -> 万谷.
    loop {
        let before = t.len();
        for x in suffixes {
            if let Some(r) = t.strip_suffix(x) {
                if r.chars().count() >= 2 {
                    t = r.to_string();
                    break;
                }
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

pub fn township_core(s: &str) -> String {
    strip_any(s, TOWNSHIP_SUFFIXES)
}

pub fn village_core(s: &str) -> String {
    strip_any(s, VILLAGE_SUFFIXES)
}

/// The county's places as the rolls name them.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    /// Township cores, longest first.
    townships: Vec<String>,
    /// Village core -> township cores it occurs in.
    villages: BTreeMap<String, BTreeSet<String>>,
    /// Village cores, longest first.
    village_list: Vec<String>,
}

/// A place read from a text: township core and village core, each optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Place {
    /// Inline strings: a township's or village's core is a few characters,
    /// and every roll person carries its place (no allocation per person).
    pub township: Option<compact_str::CompactString>,
    pub village: Option<compact_str::CompactString>,
}

impl Gazetteer {
    /// Learn the places from (township, village) pairs as written in rolls.
    pub fn build<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Gazetteer {
        let mut towns = BTreeSet::new();
        let mut villages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (t, v) in pairs {
            let tc = township_core(t);
            if tc.chars().count() >= 2 {
                towns.insert(tc.clone());
            }
            let vc = village_core(v);
            if vc.chars().count() >= 2 {
                let e = villages.entry(vc).or_default();
                if tc.chars().count() >= 2 {
                    e.insert(tc);
                }
            }
        }
        let mut townships: Vec<String> = towns.into_iter().collect();
        townships.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        let mut village_list: Vec<String> = villages.keys().cloned().collect();
        village_list.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        Gazetteer {
            townships,
            villages,
            village_list,
        }
    }

    /// The township of a village when the village name is unique in the county.
    pub fn township_of_village(&self, village_core: &str) -> Option<String> {
        let ts = self.villages.get(village_core)?;
        if ts.len() == 1 { ts.iter().next().cloned() } else { None }
    }

    /// A roll row's place from its township and village cells.
    pub fn roll_place(&self, township: &str, village: &str) -> Place {
        let t = township_core(township);
        let v = village_core(village);
        let village = (v.chars().count() >= 2).then_some(v);
        let township = if t.chars().count() >= 2 {
            Some(t)
        } else {
            village.as_deref().and_then(|v| self.township_of_village(v))
        };
        Place { township: township.map(Into::into), village: village.map(Into::into) }
    }

    /// The one township a text names (a roll's file name or title:
    /// 2024年10月白沙乡低保发放表), among those the county's rolls name; `None`
    /// when it names none or several.
    pub fn township_named(&self, text: &str) -> Option<String> {
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut found = self.townships.iter().filter(|t| text.contains(t.as_str()));
        match (found.next(), found.next()) {
            (Some(t), None) => Some(t.clone()),
            _ => None,
        }
    }

    /// Read a township and village out of free text (an address, a unit name).
    pub fn find_in(&self, text: &str) -> Place {
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let township = self.townships.iter().find(|t| text.contains(t.as_str())).cloned();
        let village = self
            .village_list
            .iter()
            .filter(|v| text.contains(v.as_str()))
            // A village core must not merely be the township's own name.
            .find(|v| township.as_deref() != Some(v.as_str()) || text.matches(v.as_str()).count() > 1)
            .filter(|v| match &township {
                Some(t) => self.villages.get(*v).is_some_and(|ts| ts.contains(t) || ts.is_empty()),
                None => true,
            })
            .cloned();
        // A township the rolls do not name, written just before the village
        // (外县北塘镇兴隆村): the address is elsewhere, whatever the village is called.
        let township = township
            .or_else(|| village.as_deref().and_then(|v| unknown_township_before(&text, v)))
            .or_else(|| village.as_deref().and_then(|v| self.township_of_village(v)));
        Place { township: township.map(Into::into), village: village.map(Into::into) }
    }
}

/// The core of a township named right before `village` in `text`
/// (…县北塘镇兴隆村 -> 北塘): the characters after the last 省/市/州/县/区, or
/// else the two before the suffix.
fn unknown_township_before(text: &str, village: &str) -> Option<String> {
    let before = &text[..text.find(village)?];
    let rest = TOWNSHIP_SUFFIXES
        .iter()
        .filter(|x| !x.ends_with("政府"))
        .find_map(|x| before.strip_suffix(x))?;
    let chars: Vec<char> = rest.chars().collect();
    let start = match chars.iter().rposition(|c| "省市州县区".contains(*c)) {
        Some(i) => i + 1,
        None => chars.len().saturating_sub(2),
    };
    let core: String = chars[start..].iter().collect();
    (core.chars().count() >= 2).then_some(core)
}

/// A unit's name as written, reduced only as it always was (示例县民政局 /
/// 县民政局 / 民政局; 人民政府 -> 政府): what a `hit_id` is derived from, so that
/// ids of hits already reviewed stay stable. Whether two units are one is
/// [`crate::normalize::unit::UnitTable::key`]'s business.
pub fn written_unit_key(unit: &str) -> String {
    let t: String = unit.chars().filter(|c| !c.is_whitespace()).collect();
    crate::normalize::unit::without_county(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::build([("万谷乡", "桃花村"), ("万谷乡", "双河村"), ("青石镇", "新华社区"), ("新华街道", "新华社区")])
    }

    #[test]
    fn cores() {
        assert_eq!(township_core("万谷乡人民政府"), "万谷");
        assert_eq!(township_core("新华街道"), "新华");
        assert_eq!(village_core("桃花村民委员会"), "桃花");
        assert_eq!(village_core("新华社区"), "新华");
    }

    #[test]
    fn addresses() {
        let g = gaz();
        let p = g.find_in("万谷乡桃花村3组");
        assert_eq!((p.township.as_deref(), p.village.as_deref()), (Some("万谷"), Some("桃花")));
        let p = g.find_in("桃花村");
        assert_eq!(p.township.as_deref(), Some("万谷"));
        assert_eq!(g.find_in("县教育局"), Place::default());
        assert_eq!(g.find_in("重庆市渝北区某某街道"), Place::default());
        // A village of the county's name in a township the rolls never name is elsewhere.
        for (addr, town, village) in [
            ("外县北塘镇桃花村5组", "北塘", "桃花"),
            ("北塘镇桃花村", "北塘", "桃花"),
            ("上桥县东坝街道双河村", "东坝", "双河"),
        ] {
            let p = g.find_in(addr);
            assert_eq!((p.township.as_deref(), p.village.as_deref()), (Some(town), Some(village)), "{addr}");
        }
    }

    #[test]
    fn roll_places_infer_the_township_of_a_unique_village() {
        let g = gaz();
        assert_eq!(g.roll_place("", "双河村").township.as_deref(), Some("万谷"));
        assert_eq!(g.roll_place("", "新华社区").township, None);
    }

    #[test]
    fn written_unit_keys() {
        assert_eq!(written_unit_key("示例县民政局"), "民政局");
        assert_eq!(written_unit_key("县民政局"), "民政局");
        assert_eq!(written_unit_key("民政局"), "民政局");
        assert_eq!(written_unit_key("万谷乡人民政府"), "万谷乡政府");
        assert_eq!(written_unit_key("县住建局"), "住建局");
    }
}
