//! Candidate pairs. Never all pairs: exact ID keys are joined as columns
//! (polars), and near matches come only from blocking keys, each there for a
//! kind of damage an ID or a name suffers:
//!
//! | key | finds |
//! |---|---|
//! | identity key (18 chars) | equal IDs, after repair and 15→18 upgrade (polars join) |
//! | 14-digit region + birth | Excel-truncated IDs; typos and transpositions in the sequence/check digits |
//! | birth date + surname | typos in the region code |
//! | region + name | typos in the birth date |
//! | name + village | an ID missing on one side, or both (same name in the same township alone is no lead: 王伟 and 刘芳 are everywhere) |
//!
//! Names are blocked by their variant key (萧/肖 fold together); homophones
//! are never blocked on without an ID, so pinyin never makes a hit alone.

use super::people::{Poi, RollPerson, id_present};
use polars::prelude::*;
use std::collections::HashMap;

/// Equal identity keys, as a columnar inner join. Returns (roll person, poi) index pairs.
pub fn exact_pairs(rps: &[RollPerson], pois: &[Poi]) -> PolarsResult<Vec<(u32, u32)>> {
    fn frame<'a>(keys: impl Iterator<Item = (u32, &'a str)>, idx: &str) -> PolarsResult<DataFrame> {
        let (ids, ks): (Vec<u32>, Vec<&str>) = keys.unzip();
        let h = ids.len();
        DataFrame::new(h, vec![Column::new("key".into(), ks), Column::new(idx.into(), ids)])
    }
    let left = frame(
        rps.iter()
            .enumerate()
            .filter_map(|(i, r)| r.id.key.as_deref().map(|k| (i as u32, k))),
        "rp",
    )?;
    let right = frame(
        pois.iter()
            .enumerate()
            .filter_map(|(i, p)| p.id.key.as_deref().map(|k| (i as u32, k))),
        "poi",
    )?;
    let joined = left.inner_join(&right, ["key"], ["key"])?;
    let a = joined.column("rp")?.u32()?;
    let b = joined.column("poi")?.u32()?;
    Ok(a.iter().zip(b.iter()).filter_map(|(x, y)| Some((x?, y?))).collect())
}

/// The blocking indexes over persons of interest.
#[derive(Default)]
pub struct Blocks<'a> {
    partial: HashMap<&'a str, Vec<u32>>,
    birth_surname: HashMap<(u32, &'a str), Vec<u32>>,
    region_name: HashMap<(&'a str, &'a str), Vec<u32>>,
    name_village: HashMap<(&'a str, &'a str), Vec<u32>>,
}

impl<'a> Blocks<'a> {
    pub fn build(pois: &'a [Poi]) -> Blocks<'a> {
        let mut b = Blocks::default();
        for (i, p) in pois.iter().enumerate() {
            let i = i as u32;
            let name = p.name.variant_key.as_str();
            if let Some(k) = p.id.partial.as_deref() {
                b.partial.entry(k).or_default().push(i);
            }
            if let Some(birth) = p.id.birth {
                if !p.name.surname.is_empty() {
                    b.birth_surname.entry((birth, p.name.surname.as_str())).or_default().push(i);
                }
            }
            if let Some(r) = p.id.region.as_deref() {
                if !name.is_empty() {
                    b.region_name.entry((r, name)).or_default().push(i);
                }
            }
            if let (false, Some(v)) = (name.is_empty(), p.place.village.as_deref()) {
                b.name_village.entry((name, v)).or_default().push(i);
            }
        }
        b
    }

    /// Candidate persons of interest for one roll person (may repeat).
    pub fn candidates(&self, rp: &RollPerson, pois: &[Poi], out: &mut Vec<u32>) {
        let name = rp.name.variant_key.as_str();
        let has_key = rp.id.key.is_some();
        // ID-damage blocks matter only when the two IDs are not both keys
        // (equal keys come from the join, unequal keys contradict).
        let needs_damage = |p: u32| !(has_key && pois[p as usize].id.key.is_some());
        if let Some(k) = rp.id.partial.as_deref() {
            if let Some(v) = self.partial.get(k) {
                out.extend(v.iter().copied().filter(|p| needs_damage(*p)));
            }
        }
        if let Some(birth) = rp.id.birth {
            if let Some(v) = self.birth_surname.get(&(birth, rp.name.surname.as_str())) {
                out.extend(v.iter().copied().filter(|p| needs_damage(*p)));
            }
        }
        if let (Some(r), false) = (rp.id.region.as_deref(), name.is_empty()) {
            if let Some(v) = self.region_name.get(&(r, name)) {
                out.extend(v.iter().copied().filter(|p| needs_damage(*p)));
            }
        }
        if name.is_empty() {
            return;
        }
        // A missing ID on either side: same name in the same place.
        let rp_present = id_present(&rp.id);
        let missing_either = |p: u32| !rp_present || !id_present(&pois[p as usize].id);
        if let Some(vil) = rp.place.village.as_deref() {
            if let Some(v) = self.name_village.get(&(name, vil)) {
                out.extend(v.iter().copied().filter(|p| missing_either(*p)));
            }
        }
    }
}
