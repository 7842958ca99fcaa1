//! From records to the two sides of the match: persons of interest (every
//! cadre as `self`, every relative in scope) and roll persons (every person
//! slot of every roll row), each normalized once.

use super::places::{Gazetteer, Place, township_core};
use crate::load::records::{KinRow, RollRow};
use crate::model::Source;
use crate::normalize::id::{IdStatus, NormId, Sex};
use crate::normalize::name::{NormName, normalize_name};
use crate::normalize::relation::{Relation, parse_relation};
use crate::normalize::unit::UnitTable;
use rayon::prelude::*;
use std::collections::HashMap;

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Cadre {
    pub name: NormName,
    pub id: NormId,
    pub unit: String,
    /// `unit` resolved with the batch's unit table ([`assign_places`]).
    pub unit_key: String,
    pub post: String,
    /// The register row reported for a `self` hit: the 本人 row, else the first row.
    pub self_source: Source,
    pub self_term: String,
    /// The township the cadre serves (a township government or one of its villages).
    pub township: Option<String>,
}

/// A person whose receipts are of interest: a cadre (`self`) or a relative.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Poi {
    pub cadre: usize,
    pub relation: Relation,
    pub relation_term: String,
    /// Sex implied by the relation term (母亲 -> female).
    pub sex_hint: Option<Sex>,
    pub name: NormName,
    pub id: NormId,
    pub source: Source,
    /// Address or workplace as written in the register.
    pub address: String,
    /// Read from `address` with the batch's gazetteer ([`assign_places`]).
    pub place: Place,
    /// The birth the register states for a relative (出生日期 column), as
    /// `yyyymmdd`, or `yyyymm00` when only the month is written.
    #[serde(default)]
    pub birth: Option<u32>,
}

#[derive(Clone, Debug)]
pub struct RollPerson {
    pub row: usize,
    pub slot: usize,
    pub name: NormName,
    pub id: NormId,
    pub place: Place,
}

pub fn usable_key(id: &NormId) -> Option<&str> {
    id.key.as_deref()
}

/// An ID that says something about identity (as opposed to missing/malformed).
pub fn id_present(id: &NormId) -> bool {
    !matches!(id.status, IdStatus::Missing | IdStatus::Malformed)
}

fn cadre_key(k: &KinRow, id: &NormId, name: &NormName, units: &UnitTable) -> String {
    match usable_key(id) {
        Some(key) => format!("id:{key}"),
        None => format!("nm:{}|{}", name.key, units.key(&k.cadre_unit)),
    }
}

/// Where the people of the register live and which township a cadre
/// serves, read with the gazetteer learned from the rolls; and each cadre's
/// unit key with the batch's unit table (a snapshot's cadres get the table of
/// the run or check that uses them, the one their rolls are keyed with).
pub fn assign_places(cadres: &mut [Cadre], pois: &mut [Poi], gaz: &Gazetteer, units: &UnitTable) {
    for c in cadres.iter_mut() {
        c.township = cadre_township(&c.unit, gaz);
        c.unit_key = units.key(&c.unit);
    }
    for p in pois.iter_mut() {
        p.place = if p.relation == Relation::SelfRel {
            // The township the cadre serves, and the village of the cadre's home
            // (own row or spouse's) where that lies in it or the unit serves none.
            let serves: Option<compact_str::CompactString> = cadres.get(p.cadre).and_then(|c| c.township.as_deref().map(Into::into));
            let home = gaz.find_in(&p.address);
            match (&serves, &home.township) {
                (None, Some(_)) => home,
                (Some(s), Some(t)) if s == t => home,
                _ => Place { township: serves, village: None },
            }
        } else {
            gaz.find_in(&p.address)
        };
    }
}

/// The townships the cadres' units are the governments of (白沙乡人民政府,
/// 青石镇党委, 新华街道办事处 -> 白沙乡, 青石镇, 新华街道): places of the county
/// whether or not a roll names them in a column.
pub fn unit_townships<'a>(units: impl IntoIterator<Item = &'a str>) -> std::collections::BTreeSet<String> {
    const GOVERNMENTS: &[&str] = &["人民政府", "政府", "党委", "党工委", "办事处", "纪委", "人大", "人大主席团"];
    units
        .into_iter()
        .filter_map(|u| {
            let u = u.trim();
            let t = GOVERNMENTS.iter().find_map(|g| u.strip_suffix(g)).unwrap_or("");
            // The township itself: the part after the county's name (道县白沙乡), ending in 乡 / 镇 / 街道.
            let t = t.rsplit(['县', '市']).next().unwrap_or(t);
            let end = ["乡", "镇", "街道"].iter().filter(|s| t.ends_with(*s)).map(|s| t.len() - s.len()).next()?;
            let core = t.get(..end)?;
            let n = core.chars().count();
            (2..=8).contains(&n).then(|| t.to_string())
        })
        .collect()
}

/// The township a unit serves: a township government or one of its villages.
pub fn cadre_township(unit: &str, gaz: &Gazetteer) -> Option<String> {
    let place = gaz.find_in(unit);
    place
        .township
        .map(String::from)
        .or_else(|| {
            let t = township_core(unit);
            (t != unit && t.chars().count() >= 2).then_some(t)
        })
        .filter(|t| gaz.find_in(t).township.is_some())
}

/// Where each cadre lives, as the register says: the address of the cadre's
/// own row (本人), else the spouse's (a couple shares its household), else "".
fn cadre_homes(kin: &[KinRow], row_cadre: &[usize], n: usize) -> Vec<String> {
    let mut own = vec![String::new(); n];
    let mut spouse = vec![String::new(); n];
    for (k, &ci) in kin.iter().zip(row_cadre) {
        if k.address.trim().is_empty() || k.relation_term.is_empty() {
            continue;
        }
        let into = match parse_relation(&k.relation_term).relation {
            Relation::SelfRel => &mut own,
            Relation::Spouse => &mut spouse,
            _ => continue,
        };
        if let Some(slot) = into.get_mut(ci).filter(|s| s.is_empty()) {
            *slot = k.address.trim().to_string();
        }
    }
    own.into_iter().zip(spouse).map(|(o, s)| if o.is_empty() { s } else { o }).collect()
}

/// Build cadres and persons of interest from register rows. `scope`: the
/// relations to report (`self` included or not like any other); `units`: to
/// tell cadres without an ID apart by name and unit. Places are left empty:
/// see [`assign_places`].
pub fn persons_of_interest(kin: &[KinRow], scope: &[Relation], units: &UnitTable) -> (Vec<Cadre>, Vec<Poi>) {
    // Normalize every name and ID once, in parallel.
    let norm: Vec<(NormName, NormId, NormName, NormId)> = kin
        .par_iter()
        .map(|k| {
            (
                normalize_name(&k.cadre_name),
                k.cadre_id.normalize(),
                normalize_name(&k.relative_name),
                k.relative_id.normalize(),
            )
        })
        .collect();
    let mut cadres: Vec<Cadre> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut row_cadre = Vec::with_capacity(kin.len());
    for (k, (cn, ci, _, _)) in kin.iter().zip(&norm) {
        let key = cadre_key(k, ci, cn, units);
        let is_self_row = !k.relation_term.is_empty() && parse_relation(&k.relation_term).relation == Relation::SelfRel;
        let idx = *index.entry(key).or_insert_with(|| {
            cadres.push(Cadre {
                name: cn.clone(),
                id: ci.clone(),
                unit: k.cadre_unit.clone(),
                unit_key: units.key(&k.cadre_unit),
                post: k.cadre_post.clone(),
                self_source: k.source.clone(),
                self_term: String::new(),
                township: None,
            });
            cadres.len() - 1
        });
        let c = &mut cadres[idx];
        if is_self_row && c.self_term.is_empty() {
            c.self_source = k.source.clone();
            c.self_term = k.relation_term.clone();
        }
        // A later row may fill what the first left empty.
        if c.id.status == IdStatus::Missing && ci.status != IdStatus::Missing {
            c.id = ci.clone();
        }
        if c.post.is_empty() {
            c.post = k.cadre_post.clone();
        }
        row_cadre.push(idx);
    }
    let in_scope = |r: Relation| scope.contains(&r);
    let mut pois = Vec::new();
    if in_scope(Relation::SelfRel) {
        let homes = cadre_homes(kin, &row_cadre, cadres.len());
        for (i, c) in cadres.iter().enumerate() {
            pois.push(Poi {
                cadre: i,
                relation: Relation::SelfRel,
                relation_term: if c.self_term.is_empty() { "本人".into() } else { c.self_term.clone() },
                sex_hint: None,
                name: c.name.clone(),
                id: c.id.clone(),
                source: c.self_source.clone(),
                address: homes.get(i).cloned().unwrap_or_default(),
                place: Place::default(),
                birth: None,
            });
        }
    }
    // One relative listed twice for one official (his unit's register and the
    // organisation department's summary): one person of interest, the first row.
    let mut seen: std::collections::HashSet<(usize, Relation, String)> = std::collections::HashSet::new();
    for ((k, (_, _, rn, ri)), &ci) in kin.iter().zip(&norm).zip(&row_cadre) {
        if k.relative_name.is_empty() && k.relative_id.is_empty() {
            continue;
        }
        let info = parse_relation(&k.relation_term);
        if info.relation == Relation::SelfRel || !in_scope(info.relation) {
            continue;
        }
        let who = match ri.key.as_deref() {
            Some(id) => format!("id:{id}"),
            None => format!("name:{}", rn.key),
        };
        if !seen.insert((ci, info.relation, who)) {
            continue;
        }
        pois.push(Poi {
            cadre: ci,
            relation: info.relation,
            relation_term: k.relation_term.clone(),
            sex_hint: info.sex,
            name: rn.clone(),
            id: ri.clone(),
            source: k.source.clone(),
            address: k.address.clone(),
            place: Place::default(),
            birth: crate::load::values::birth_number(&k.birth),
        });
    }
    (cadres, pois)
}

/// Every person slot of every roll row, normalized.
/// The distinct (township, village) cells of roll rows. A million rows name a
/// few thousand pairs, in runs of one village: a run is taken once.
pub fn distinct_places<'r>(rolls: impl IntoIterator<Item = &'r RollRow>) -> std::collections::BTreeSet<(&'r str, &'r str)> {
    let mut pairs = std::collections::BTreeSet::new();
    let mut last: Option<(&str, &str)> = None;
    for r in rolls {
        let pair = (r.township.as_str(), r.village.as_str());
        if last != Some(pair) {
            pairs.insert(pair);
            last = Some(pair);
        }
    }
    pairs
}

pub fn roll_persons<'r>(rolls: &'r [RollRow], gaz: &Gazetteer) -> Vec<RollPerson> {
    // Rows placed only by an address column: each distinct address is read
    // once (reading one scans the gazetteer).
    // A roll names a few thousand (township, village) pairs over a million
    // rows: each pair is placed once.
    let pairs = distinct_places(rolls);
    let by_pair: HashMap<(&str, &str), Place> = pairs.into_par_iter().map(|(t, v)| ((t, v), gaz.roll_place(t, v))).collect();
    let unplaced = |p: &Place| p.township.is_none() && p.village.is_none();
    let place_of = |r: &'r RollRow| -> Option<&Place> { by_pair.get(&(r.township.as_str(), r.village.as_str())) };
    let addresses: std::collections::HashSet<&str> =
        rolls.iter().filter(|r| !r.address.is_empty() && place_of(r).is_none_or(unplaced)).map(|r| r.address.as_str()).collect();
    let by_address: HashMap<&str, Place> = addresses.into_par_iter().map(|a| (a, gaz.find_in(a))).collect();
    let nowhere = Place::default();
    // A roll whose rows name no township, named after one (2024年10月白沙乡低保发放表,
    // a title 白沙乡2024年10月农村低保金发放花名册): that township, one a sheet.
    let hints: std::collections::HashSet<&str> = rolls
        .iter()
        .filter(|r| place_of(r).is_none_or(|p| p.township.is_none()))
        .filter_map(|r| r.place_hint.as_deref())
        .collect();
    let by_hint: HashMap<&str, Option<String>> = hints.into_iter().map(|h| (h, gaz.township_named(h))).collect();
    let row_place = |r: &'r RollRow| -> Place {
        let place = place_of(r).unwrap_or(&nowhere);
        let mut p = match by_address.get(r.address.as_str()) {
            Some(a) if unplaced(place) => a.clone(),
            _ => place.clone(),
        };
        if p.township.is_none() {
            if let Some(Some(t)) = r.place_hint.as_deref().and_then(|h| by_hint.get(h)) {
                p.township = Some(t.as_str().into());
            }
        }
        p
    };
    // Every (row, slot) first, so that the persons are collected by an indexed
    // iterator straight into a Vec of their final size (no pieces joined).
    let at: Vec<(usize, usize)> = rolls.iter().enumerate().flat_map(|(ri, r)| (0..r.slots.len()).map(move |si| (ri, si))).collect();
    at.into_par_iter()
        .map(|(ri, si)| {
            let r = &rolls[ri];
            let s = &r.slots[si];
            RollPerson { row: ri, slot: si, name: normalize_name(&s.name), id: s.norm.clone(), place: row_place(r) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (probe s28): a roll named after a township (2024年10月白沙乡低保发放表)
    /// was placed nowhere when no roll named the township in a column; the township
    /// governments among the cadres' units are places of the county.
    #[test]
    fn regression_township_governments_of_the_cadres_units_are_places() {
        let got = unit_townships(["白沙乡人民政府", "道县青石镇党委", "新华街道办事处", "县民政局", "乡人民政府"]);
        assert_eq!(got.into_iter().collect::<Vec<_>>(), ["新华街道", "白沙乡", "青石镇"]);
    }
}
