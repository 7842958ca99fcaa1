//! Stage 3: match persons of interest (cadres and their relatives) against
//! every person slot of every roll, and turn the pairs that the evidence
//! supports into [`Hit`]s.
//!
//! Add a rule: a new blocking key in [`blocking`] (what damage it recovers)
//! and its scoring in [`score`] (what tier that evidence earns, and its sentence).

pub mod blocking;
pub mod people;
pub mod places;
pub mod score;

use crate::load::records::{KinRow, RollRow};
use crate::model::{Hit, Relevance, Tier};
use crate::normalize::relation::Relation;
use people::{Cadre, Poi, RollPerson};
use places::{Gazetteer, unit_key};
use rayon::prelude::*;
use score::Scored;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum MatchError {
    #[error("exact ID join failed: {0}")]
    Join(#[from] polars::error::PolarsError),
}

#[derive(Clone, Debug)]
pub struct MatchOptions {
    /// Relations reported (default: all, see [`crate::normalize::relation::default_scope`]).
    pub scope: Vec<Relation>,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            scope: crate::normalize::relation::default_scope(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MatchStats {
    pub cadres: usize,
    pub persons_of_interest: usize,
    pub roll_persons: usize,
    pub exact_pairs: usize,
    pub candidate_pairs: usize,
    pub hits: usize,
    pub by_tier: BTreeMap<String, usize>,
}

pub struct MatchOutput {
    pub hits: Vec<Hit>,
    pub stats: MatchStats,
}

/// Who a person of interest is, as far as the data tells: for telling one
/// person listed twice (a cadre who is also another cadre's spouse) from two people.
fn poi_person(p: &Poi) -> String {
    match (&p.id.key, &p.id.partial) {
        (Some(k), _) => k.clone(),
        (None, Some(pk)) => format!("{pk}|{}", p.name.key),
        _ => format!("{}|{:?}", p.name.key, p.place),
    }
}

fn rp_person(r: &RollPerson) -> String {
    match (&r.id.key, &r.id.partial) {
        (Some(k), _) => k.clone(),
        (None, Some(pk)) => format!("{pk}|{}", r.name.key),
        _ => format!("{}|{:?}", r.name.key, r.place),
    }
}

/// The places of the county as the rolls name them.
pub fn gazetteer(rolls: &[RollRow]) -> Gazetteer {
    Gazetteer::build(rolls.iter().map(|r| (r.township.as_str(), r.village.as_str())))
}

/// The batch: index the register, probe with every roll person.
pub fn match_records(kin: &[KinRow], rolls: &[RollRow], opts: &MatchOptions) -> Result<MatchOutput, MatchError> {
    let (cadres, pois) = people::persons_of_interest(kin, &opts.scope);
    match_prepared(cadres, pois, rolls)
}

/// The batch with the register already normalized (from a snapshot).
pub fn match_prepared(mut cadres: Vec<Cadre>, mut pois: Vec<Poi>, rolls: &[RollRow]) -> Result<MatchOutput, MatchError> {
    let t = std::time::Instant::now();
    let gaz = gazetteer(rolls);
    people::assign_places(&mut cadres, &mut pois, &gaz);
    let t = crate::pipeline::timing("  places", t);
    let rps = people::roll_persons(rolls, &gaz);
    let t = crate::pipeline::timing("  normalize roll persons", t);

    let exact = blocking::exact_pairs(&rps, &pois)?;
    let t = crate::pipeline::timing("  exact join (polars)", t);
    let blocks = blocking::Blocks::build(&pois);
    let mut pairs: Vec<(u32, u32)> = rps
        .par_iter()
        .enumerate()
        .fold(Vec::new, |mut acc, (i, rp)| {
            let mut c = Vec::new();
            blocks.candidates(rp, &pois, &mut c);
            c.sort_unstable();
            c.dedup();
            acc.extend(c.into_iter().map(|p| (i as u32, p)));
            acc
        })
        .reduce(Vec::new, |mut a, b| {
            a.extend(b);
            a
        });
    pairs.extend(exact.iter().copied());
    let t = crate::pipeline::timing("  blocking", t);
    let mut out = finish(pairs, &cadres, &pois, &rps, rolls);
    crate::pipeline::timing("  score, settle, build hits", t);
    out.stats.exact_pairs = exact.len();
    Ok(out)
}

/// Score candidate pairs (roll person, person of interest), settle ambiguous
/// leads, and build the sorted hits. Shared by `run` and `check`.
pub fn finish(mut pairs: Vec<(u32, u32)>, cadres: &[Cadre], pois: &[Poi], rps: &[RollPerson], rolls: &[RollRow]) -> MatchOutput {
    pairs.par_sort_unstable();
    pairs.dedup();
    let mut scored: Vec<(u32, u32, Scored)> = pairs
        .par_iter()
        .filter_map(|&(r, p)| {
            let poi = &pois[p as usize];
            score::score(poi, &cadres[poi.cadre], &rps[r as usize]).map(|s| (r, p, s))
        })
        .collect();
    demote_same_name_elsewhere(&mut scored, rps, pois);
    demote_ambiguous(&mut scored, rps, pois);

    let mut hits: Vec<Hit> = scored
        .iter()
        .map(|(r, p, s)| make_hit(&rps[*r as usize], &pois[*p as usize], cadres, rolls, kin_term(&pois[*p as usize]), s))
        .collect();
    finish_ids_and_order(&mut hits);

    let mut stats = MatchStats {
        cadres: cadres.len(),
        persons_of_interest: pois.len(),
        roll_persons: rps.len(),
        exact_pairs: 0,
        candidate_pairs: pairs.len(),
        hits: hits.len(),
        by_tier: BTreeMap::new(),
    };
    for t in [Tier::Confirmed, Tier::Probable, Tier::Possible] {
        stats.by_tier.insert(t.as_str().into(), hits.iter().filter(|h| h.tier == t).count());
    }
    MatchOutput { hits, stats }
}

fn kin_term(p: &Poi) -> &str {
    &p.relation_term
}

/// A lead resting on name and place (one ID missing) is `probable` only when
/// the rolls show no other person of that name in the township: a same-name
/// stranger with a different ID makes it a matter for a reviewer.
fn demote_same_name_elsewhere(scored: &mut Vec<(u32, u32, Scored)>, rps: &[RollPerson], pois: &[Poi]) {
    let needs: Vec<usize> = (0..scored.len())
        .filter(|&i| scored[i].2.tier == Tier::Probable && scored[i].2.match_kind == "name_place")
        .collect();
    let truncated: Vec<usize> = (0..scored.len())
        .filter(|&i| scored[i].2.tier == Tier::Probable && scored[i].2.match_kind == "id_truncated")
        .collect();
    if needs.is_empty() && truncated.is_empty() {
        return;
    }
    // Only the names of the leads in question are looked up.
    let names: std::collections::HashSet<&str> = needs
        .iter()
        .chain(&truncated)
        .map(|&i| rps[scored[i].0 as usize].name.variant_key.as_str())
        .collect();
    let mut ids: HashMap<(&str, &str), BTreeSet<&str>> = HashMap::new();
    let mut by_partial: HashMap<(&str, &str), BTreeSet<&str>> = HashMap::new();
    for r in rps.iter().filter(|r| names.contains(r.name.variant_key.as_str())) {
        if let (Some(t), Some(k)) = (r.place.township.as_deref(), r.id.key.as_deref().or(r.id.partial.as_deref())) {
            ids.entry((r.name.variant_key.as_str(), t)).or_default().insert(k);
        }
        if let (Some(p), Some(k)) = (r.id.partial.as_deref(), r.id.key.as_deref()) {
            by_partial.entry((r.name.variant_key.as_str(), p)).or_default().insert(k);
        }
    }
    // An Excel-truncated ID agrees with everyone born that day in that region
    // whose sequence starts alike: a same-name person with another full ID in
    // the rolls makes it ambiguous.
    for i in truncated {
        let (r, p, _) = &scored[i];
        let (rp, poi) = (&rps[*r as usize], &pois[*p as usize]);
        let trunc = if rp.id.status == crate::normalize::id::IdStatus::ExcelTruncated { &rp.id } else { &poi.id };
        let full = if std::ptr::eq(trunc, &rp.id) { poi.id.key.as_deref() } else { rp.id.key.as_deref() };
        let Some(partial) = trunc.partial.as_deref() else { continue };
        let others = by_partial
            .get(&(rp.name.variant_key.as_str(), partial))
            .is_some_and(|set| set.iter().any(|k| Some(*k) != full));
        if others {
            let s = &mut scored[i].2;
            s.tier = Tier::Possible;
            s.score = 0.6;
            s.evidence.push_str("；花名册中另有同名同出生日期人员（身份证号不同），需人工甄别");
        }
    }
    let mut drop: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for i in needs {
        let (r, p, _) = &scored[i];
        let (rp, poi) = (&rps[*r as usize], &pois[*p as usize]);
        let Some(t) = rp.place.township.as_deref() else { continue };
        let own = rp.id.key.as_deref().or(poi.id.key.as_deref());
        let others = ids
            .get(&(rp.name.variant_key.as_str(), t))
            .is_some_and(|set| set.iter().any(|k| Some(*k) != own && !own.is_some_and(|o| o.starts_with(*k))));
        if others {
            let s = &mut scored[i].2;
            if !people::id_present(&rp.id) {
                // A roll person without an ID, in a township where the rolls show
                // another person of that name: no lead (on the generated county
                // fewer than one in ten of these was the relative).
                drop.insert(i);
                continue;
            }
            s.tier = Tier::Possible;
            s.score = 0.6;
            s.evidence.push_str("；本乡镇另有同名人员（身份证号不同），需人工甄别");
        }
    }
    let mut i = 0;
    scored.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}

/// Leads without an exact ID that point at more than one person are not
/// `probable`: a roll person who could be either of two relatives, or a
/// relative for whom two different roll persons qualify.
fn demote_ambiguous(scored: &mut [(u32, u32, Scored)], rps: &[RollPerson], pois: &[Poi]) {
    let mut per_rp: HashMap<u32, BTreeSet<String>> = HashMap::new();
    let mut per_poi: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (r, p, s) in scored.iter() {
        if s.tier == Tier::Probable {
            per_rp.entry(*r).or_default().insert(poi_person(&pois[*p as usize]));
            per_poi
                .entry(poi_person(&pois[*p as usize]))
                .or_default()
                .insert(rp_person(&rps[*r as usize]));
        }
    }
    for (r, p, s) in scored.iter_mut() {
        if s.tier != Tier::Probable {
            continue;
        }
        let many_pois = per_rp.get(r).is_some_and(|x| x.len() > 1);
        let many_rps = per_poi.get(&poi_person(&pois[*p as usize])).is_some_and(|x| x.len() > 1);
        if many_pois || many_rps {
            s.tier = Tier::Possible;
            s.score = (s.score - 0.2).max(0.5);
            s.evidence.push_str(if many_pois {
                "；另有同名人员也符合，需人工甄别"
            } else {
                "；花名册中另有同名人员也符合，需人工甄别"
            });
        }
    }
}

fn relevance(unit: &str, township: Option<&str>, cadre: &Cadre) -> Relevance {
    let uk = unit_key(unit);
    if !uk.is_empty() && uk == cadre.unit_key {
        Relevance::SameUnit
    } else if township.is_some() && township == cadre.township.as_deref() {
        Relevance::SameTownship
    } else {
        Relevance::Other
    }
}

fn id_text(id: &crate::normalize::id::NormId) -> String {
    if id.value.is_empty() { id.raw.trim().to_string() } else { id.value.clone() }
}

fn make_hit(
    rp: &RollPerson,
    poi: &Poi,
    cadres: &[Cadre],
    rolls: &[RollRow],
    term: &str,
    s: &Scored,
) -> Hit {
    let row = &rolls[rp.row];
    let slot = &row.slots[rp.slot];
    let cadre = &cadres[poi.cadre];
    let hid_src = format!(
        "v1|{}|{}|{}|{}|{}|{}|{}",
        rp_person(rp),
        row.program,
        unit_key(&row.unit),
        slot.role.as_str(),
        poi_person(&Poi { ..poi.clone() }),
        cadre.name.key,
        poi.relation.as_str()
    );
    let hit_id: String = Sha256::digest(hid_src.as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect();
    Hit {
        hit_id,
        tier: s.tier,
        score: s.score,
        match_kind: s.match_kind.to_string(),
        evidence: s.evidence.clone(),
        relation: poi.relation.as_str().to_string(),
        relation_term: term.to_string(),
        cadre_name: cadre.name.raw.trim().to_string(),
        cadre_id: id_text(&cadre.id),
        cadre_unit: cadre.unit.clone(),
        cadre_post: cadre.post.clone(),
        relative_name: poi.name.raw.trim().to_string(),
        relative_id: id_text(&poi.id),
        roll_role: slot.role.as_str().to_string(),
        roll_name: slot.name.clone(),
        roll_id: id_text(&rp.id),
        program: row.program.clone(),
        approving_unit: row.unit.clone(),
        township: row.township.clone(),
        village: row.village.clone(),
        amount: row.amount,
        date: row.date.clone(),
        relevance: relevance(&row.unit, rp.place.township.as_deref(), cadre),
        roll_file: row.source.file.clone(),
        roll_sheet: row.source.sheet.clone(),
        roll_row: row.source.row,
        kin_file: poi.source.file.clone(),
        kin_sheet: poi.source.sheet.clone(),
        kin_row: poi.source.row,
        decision: String::new(),
    }
}

/// Sort hits by their sources and make every `hit_id` unique (a person paid
/// twice under one program gets `-2`, `-3` in row order).
pub fn finish_ids_and_order(hits: &mut [Hit]) {
    hits.sort_by(|a, b| {
        (&a.roll_file, &a.roll_sheet, a.roll_row, &a.roll_role, &a.kin_file, &a.kin_sheet, a.kin_row, &a.relation)
            .cmp(&(&b.roll_file, &b.roll_sheet, b.roll_row, &b.roll_role, &b.kin_file, &b.kin_sheet, b.kin_row, &b.relation))
    });
    let mut seen: HashMap<String, usize> = HashMap::new();
    for h in hits.iter_mut() {
        let n = seen.entry(h.hit_id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            h.hit_id = format!("{}-{}", h.hit_id, n);
        }
    }
}
