//! Candidate pairs. Never all pairs: exact ID keys are joined as columns
//! (polars), and near matches come only from blocking keys, each there for a
//! kind of damage an ID or a name suffers:
//!
//! | key | finds |
//! |---|---|
//! | identity key (18 chars) | equal IDs, after repair and 15→18 upgrade (polars join) |
//! | 14-digit region + birth | Excel-truncated IDs (also a key ending in 000); typos and transpositions in the sequence/check digits |
//! | birth date + surname | typos in the region code |
//! | region + name | typos in the birth date |
//! | name + village | an ID missing on one side, or both (same name in the same township alone is no lead: 王伟 and 刘芳 are everywhere) |
//! | name + birth month | a relative without ID whose register states a birth (出生日期), against the birth in a roll ID |
//! | name, one ID absent, the other giving a birth | a relative without ID and without a stated birth, against the age a roll ID gives (scoring asks the relation's age range and, for a lead, the township) |
//!
//! Names are blocked by their variant key (萧/肖 fold together); homophones
//! are never blocked on without an ID, so pinyin never makes a hit alone.

use super::people::{Poi, RollPerson, id_present};
use crate::normalize::id::zero_filled;
use polars::prelude::*;
use foldhash::HashMap;

fn key_frame<'a>(keys: impl Iterator<Item = (u32, &'a str)>, idx: &str) -> PolarsResult<DataFrame> {
    let (ids, ks): (Vec<u32>, Vec<&str>) = keys.unzip();
    let h = ids.len();
    DataFrame::new(h, vec![Column::new("key".into(), ks), Column::new(idx.into(), ids)])
}

/// The register's identity keys as a frame, built once per batch; each chunk
/// of roll persons is joined against it.
pub struct ExactIndex {
    right: DataFrame,
}

impl ExactIndex {
    pub fn build(pois: &[Poi]) -> PolarsResult<ExactIndex> {
        let keys = pois.iter().enumerate().filter_map(|(i, p)| p.id.key.as_deref().map(|k| (i as u32, k)));
        Ok(ExactIndex { right: key_frame(keys, "poi")? })
    }

    /// Equal identity keys, as a columnar inner join. Returns (roll person, poi) index pairs.
    pub fn pairs(&self, rps: &[RollPerson]) -> PolarsResult<Vec<(u32, u32)>> {
        let keys = rps.iter().enumerate().filter_map(|(i, r)| r.id.key.as_deref().map(|k| (i as u32, k)));
        let joined = key_frame(keys, "rp")?.inner_join(&self.right, ["key"], ["key"])?;
        let a = joined.column("rp")?.u32()?;
        let b = joined.column("poi")?.u32()?;
        Ok(a.iter().zip(b.iter()).filter_map(|(x, y)| Some((x?, y?))).collect())
    }
}

/// The blocking rule that found a pair, as data: the first of [`BLOCKS`]
/// whose keys the two sides share (hits.csv's `blocking`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// Not found by blocking (a finding of another comparison's own rule, or
    /// a hits.csv written before the column).
    #[default]
    #[serde(rename = "")]
    None,
    /// The same ID key (the exact join).
    IdKey,
    /// The same region and birth date (14 digits): an ID cut by Excel.
    IdPartial,
    /// The same birth date and surname: an ID with a typo.
    BirthSurname,
    /// The same region code and name.
    RegionName,
    /// The same name and village, an ID missing on one side.
    NameVillage,
    /// The same name and birth month, an ID missing and a birth stated.
    NameBirthMonth,
    /// The same name, one side without an ID, the other's ID giving a birth
    /// (the relation's age range is checked in scoring).
    NameAge,
    /// 经商办企业: the cadre's declaration names the relative in that enterprise.
    Declaration,
    /// 经商办企业: the registry's only person of the name.
    RegistryName,
}

/// Do two persons' keys meet a block's condition?
pub type Agree = fn(&Keys, &Keys) -> bool;

/// The blocks in the order a pair is attributed to them, with what each asks
/// of the two sides' keys.
pub const BLOCKS: &[(Block, Agree)] = &[
    (Block::IdKey, |a, b| a.key.is_some() && a.key == b.key),
    (Block::IdPartial, |a, b| a.partial.is_some() && a.partial == b.partial && damage_pair(a, b)),
    (Block::BirthSurname, |a, b| a.birth.is_some() && a.birth == b.birth && !a.surname.is_empty() && a.surname == b.surname && damage_pair(a, b)),
    (Block::RegionName, |a, b| a.region.is_some() && a.region == b.region && !a.name.is_empty() && a.name == b.name && damage_pair(a, b)),
    (Block::NameVillage, |a, b| a.village.is_some() && a.village == b.village && !a.name.is_empty() && a.name == b.name && missing_pair(a, b)),
    (Block::NameBirthMonth, |a, b| {
        a.birth_month().is_some() && a.birth_month() == b.birth_month() && !a.name.is_empty() && a.name == b.name && missing_pair(a, b)
    }),
    (Block::NameAge, |a, b| !a.name.is_empty() && a.name == b.name && age_pair(a, b)),
];

/// The block that found the pair of a roll person and a person of interest.
pub fn block_of(rp: &RollPerson, poi: &Poi) -> Block {
    let a = Keys::of(&rp.name, &rp.id, rp.place.village.as_deref());
    let b = Keys { stated_birth: poi.birth, ..Keys::of(&poi.name, &poi.id, poi.place.village.as_deref()) };
    BLOCKS.iter().find(|(_, agree)| agree(&a, &b)).map_or(Block::None, |(blk, _)| *blk)
}

/// The blocking keys of one person, whichever side it is on.
#[derive(Clone, Copy, Debug, Default)]
pub struct Keys<'a> {
    pub key: Option<&'a str>,
    pub partial: Option<&'a str>,
    pub birth: Option<u32>,
    pub surname: &'a str,
    pub region: Option<&'a str>,
    /// Name variant key.
    pub name: &'a str,
    pub village: Option<&'a str>,
    /// The ID says something (not missing or malformed).
    pub present: bool,
    /// A birth stated beside the ID (a register's 出生日期), `yyyymmdd` or `yyyymm00`.
    pub stated_birth: Option<u32>,
}

impl<'a> Keys<'a> {
    pub fn of(name: &'a crate::normalize::name::NormName, id: &'a crate::normalize::id::NormId, village: Option<&'a str>) -> Keys<'a> {
        Keys {
            key: id.key.as_deref(),
            partial: id.partial.as_deref(),
            birth: id.birth,
            surname: name.surname.as_str(),
            region: id.region.as_deref(),
            name: name.variant_key.as_str(),
            village,
            // A masked number is no key: the name blocks find its pairs too.
            present: id_present(id) && id.status != crate::normalize::id::IdStatus::Masked,
            stated_birth: None,
        }
    }

    /// The birth month (`yyyymm`) the name + birth block uses: the ID's, else the stated one.
    fn birth_month(&self) -> Option<u32> {
        self.birth.or(self.stated_birth).map(|b| b / 100)
    }
}

/// ID-damage blocks matter only when the two IDs are not both keys (equal
/// keys come from the exact join, unequal keys contradict), or when one key
/// ends in 000 (an Excel-cut number whose zeros pass the check digit).
pub fn damage_pair(a: &Keys, b: &Keys) -> bool {
    let cut = |k: &Keys| k.key.is_some_and(zero_filled);
    !(a.key.is_some() && b.key.is_some()) || cut(a) || cut(b)
}

/// The name+village block matters only when an ID is missing on either side.
pub fn missing_pair(a: &Keys, b: &Keys) -> bool {
    !a.present || !b.present
}

/// The name + age block matters when one side has no ID and the other's ID
/// gives a birth.
pub fn age_pair(a: &Keys, b: &Keys) -> bool {
    let aged = |k: &Keys| k.present && k.birth.is_some();
    (!a.present && aged(b)) || (!b.present && aged(a))
}

/// One blocking index, split by what a query can pair with: `all` the
/// entries, `open` only those a query with a whole, uncut ID (for the
/// ID-damage blocks) or any ID (for the missing-ID blocks) can still pair
/// with. Most queries have a whole ID and look up the small `open` side; the
/// pair conditions are checked on every candidate all the same.
struct Split<K> {
    all: HashMap<K, Vec<u32>>,
    open: HashMap<K, Vec<u32>>,
}

impl<K> Default for Split<K> {
    fn default() -> Self {
        Split { all: HashMap::default(), open: HashMap::default() }
    }
}

impl<K: std::hash::Hash + Eq> Split<K> {
    fn push(&mut self, key: K, i: u32, open: bool)
    where
        K: Copy,
    {
        self.all.entry(key).or_default().push(i);
        if open {
            self.open.entry(key).or_default().push(i);
        }
    }

    fn get(&self, key: &K, only_open: bool) -> Option<&Vec<u32>> {
        if only_open { self.open.get(key) } else { self.all.get(key) }
    }
}

/// A whole ID that is no Excel-cut number: the ID-damage blocks pair it only
/// with IDs that are not.
fn whole(k: &Keys) -> bool {
    k.key.is_some_and(|key| !zero_filled(key))
}

/// The blocking indexes over persons of interest (batch direction: index the
/// register, probe with every roll person).
#[derive(Default)]
pub struct Blocks<'a> {
    partial: Split<&'a str>,
    birth_surname: Split<(u32, &'a str)>,
    region_name: Split<(&'a str, &'a str)>,
    name_village: Split<(&'a str, &'a str)>,
    name_birth: Split<(&'a str, u32)>,
    /// By name, those without an ID, and those whose ID gives a birth (each
    /// side of the name + age block: a query looks up only the other).
    name_no_id: HashMap<&'a str, Vec<u32>>,
    name_aged: HashMap<&'a str, Vec<u32>>,
    keys: Vec<Keys<'a>>,
}

impl<'a> Blocks<'a> {
    pub fn build(pois: &'a [Poi]) -> Blocks<'a> {
        Blocks::from_keys(
            pois.iter()
                .map(|p| Keys { stated_birth: p.birth, ..Keys::of(&p.name, &p.id, p.place.village.as_deref()) })
                .collect(),
        )
    }

    pub fn from_keys(keys: Vec<Keys<'a>>) -> Blocks<'a> {
        let mut b = Blocks::default();
        for (i, k) in keys.iter().enumerate() {
            let i = i as u32;
            // Open to a query with a whole ID (damage blocks) or with any ID (missing blocks).
            let (damage_open, missing_open) = (!whole(k), !k.present);
            if let Some(p) = k.partial {
                b.partial.push(p, i, damage_open);
            }
            if let (Some(birth), false) = (k.birth, k.surname.is_empty()) {
                b.birth_surname.push((birth, k.surname), i, damage_open);
            }
            if let (Some(r), false) = (k.region, k.name.is_empty()) {
                b.region_name.push((r, k.name), i, damage_open);
            }
            if let (false, Some(v)) = (k.name.is_empty(), k.village) {
                b.name_village.push((k.name, v), i, missing_open);
            }
            // Only a person without ID can need this block (with a birth stated beside it),
            // or one with an ID whose birth the other side's stated birth can meet.
            if let (false, Some(m)) = (k.name.is_empty(), k.birth_month()) {
                b.name_birth.push((k.name, m), i, missing_open);
            }
            if !k.name.is_empty() && !k.present {
                b.name_no_id.entry(k.name).or_default().push(i);
            } else if !k.name.is_empty() && k.birth.is_some() {
                b.name_aged.entry(k.name).or_default().push(i);
            }
        }
        b.keys = keys;
        b
    }

    /// Candidates for one person of the other side (may repeat).
    pub fn candidates_for(&self, q: &Keys, out: &mut Vec<u32>) {
        let keys = &self.keys;
        let mut take = |v: Option<&Vec<u32>>, ok: &dyn Fn(&Keys) -> bool| {
            if let Some(v) = v {
                out.extend(v.iter().copied().filter(|i| ok(&keys[*i as usize])));
            }
        };
        let (damage_open, missing_open) = (whole(q), q.present);
        if let Some(p) = q.partial {
            take(self.partial.get(&p, damage_open), &|k| damage_pair(q, k));
        }
        if let Some(b) = q.birth {
            take(self.birth_surname.get(&(b, q.surname), damage_open), &|k| damage_pair(q, k));
        }
        if q.name.is_empty() {
            return;
        }
        if let Some(r) = q.region {
            take(self.region_name.get(&(r, q.name), damage_open), &|k| damage_pair(q, k));
        }
        if let Some(v) = q.village {
            take(self.name_village.get(&(q.name, v), missing_open), &|k| missing_pair(q, k));
        }
        if let Some(m) = q.birth_month() {
            take(self.name_birth.get(&(q.name, m), missing_open), &|k| missing_pair(q, k) && (q.stated_birth.is_some() || k.stated_birth.is_some()));
        }
        if !q.present {
            take(self.name_aged.get(q.name), &|_| true);
        } else if q.birth.is_some() {
            take(self.name_no_id.get(q.name), &|_| true);
        }
    }

    /// Candidate persons of interest for one roll person (may repeat).
    pub fn candidates(&self, rp: &RollPerson, _pois: &[Poi], out: &mut Vec<u32>) {
        self.candidates_for(&Keys::of(&rp.name, &rp.id, rp.place.village.as_deref()), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{id::normalize_id, name::normalize_name};

    fn keys<'a>(name: &'a crate::normalize::name::NormName, id: &'a crate::normalize::id::NormId, village: Option<&'a str>) -> Keys<'a> {
        Keys::of(name, id, village)
    }

    /// hits.csv's `blocking` words (the README lists them).
    #[test]
    fn block_names_are_the_csv_words() {
        let words = [
            (Block::None, ""),
            (Block::IdKey, "id_key"),
            (Block::IdPartial, "id_partial"),
            (Block::BirthSurname, "birth_surname"),
            (Block::RegionName, "region_name"),
            (Block::NameVillage, "name_village"),
            (Block::NameBirthMonth, "name_birth_month"),
            (Block::NameAge, "name_age"),
            (Block::Declaration, "declaration"),
            (Block::RegistryName, "registry_name"),
        ];
        for (b, w) in words {
            assert_eq!(serde_json::to_string(&b).unwrap(), format!("\"{w}\""));
        }
    }

    /// A pair is attributed to the first block whose keys both sides share,
    /// and every block that attributes a pair is one that finds it.
    #[test]
    fn a_pair_is_attributed_to_a_block_that_finds_it() {
        let name = normalize_name("王建国");
        let full = normalize_id("11010519491231002X");
        let cut = normalize_id("110105194912310000");
        let none = normalize_id("");
        let cases: [(&crate::normalize::id::NormId, &crate::normalize::id::NormId, Block); 3] =
            [(&full, &full, Block::IdKey), (&cut, &full, Block::IdPartial), (&none, &full, Block::NameVillage)];
        for (a, b, want) in cases {
            let (ka, kb) = (keys(&name, a, Some("红星")), keys(&name, b, Some("红星")));
            let got = BLOCKS.iter().find(|(_, agree)| agree(&ka, &kb)).map(|(blk, _)| *blk);
            assert_eq!(got, Some(want));
            if want != Block::IdKey {
                let blocks = Blocks::from_keys(vec![kb]);
                let mut out = Vec::new();
                blocks.candidates_for(&ka, &mut out);
                assert_eq!(out.first(), Some(&0), "{want:?} is a block that finds the pair");
            }
        }
    }
}
