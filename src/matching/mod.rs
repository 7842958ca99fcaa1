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

use crate::load::records::RollRow;
use crate::model::{Hit, MatchKind, Relevance, Tier};
use people::{Cadre, Poi, RollPerson};
use crate::normalize::unit::UnitTable;
use places::{Gazetteer, written_unit_key};
use rayon::prelude::*;
use score::Scored;
use sha2::{Digest, Sha256};
use foldhash::{HashMap, HashMapExt};
use std::collections::{BTreeMap, BTreeSet};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum MatchError {
    #[error("exact ID join failed: {0}")]
    Join(#[from] polars::error::PolarsError),
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
        (Some(k), _) => k.to_string(),
        (None, Some(pk)) => format!("{pk}|{}", p.name.key),
        _ => format!("{}|{:?}", p.name.key, p.place),
    }
}

fn rp_person(r: &RollPerson) -> String {
    match (&r.id.key, &r.id.partial) {
        (Some(k), _) => k.to_string(),
        (None, Some(pk)) => format!("{pk}|{}", r.name.key),
        _ => format!("{}|{:?}", r.name.key, r.place),
    }
}

/// The places of the county: the (township, village) pairs the rolls name, and
/// the townships the cadres' units govern ([`people::unit_townships`]).
pub fn county_gazetteer<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>, cadres: &[Cadre]) -> Gazetteer {
    let towns = people::unit_townships(cadres.iter().map(|c| c.unit.as_str()));
    let mut all: Vec<(&str, &str)> = pairs.into_iter().collect::<Vec<_>>();
    all.extend(towns.iter().map(|t| (t.as_str(), "")));
    Gazetteer::build(all)
}

/// The places of the county as the rolls name them.
pub fn gazetteer<'r>(rolls: impl IntoIterator<Item = &'r RollRow>) -> Gazetteer {
    // Each distinct pair learned once: the gazetteer is a function of the set of pairs.
    Gazetteer::build(people::distinct_places(rolls))
}

/// The batch, one chunk of rolls at a time: the register is indexed once,
/// each chunk of roll rows is normalized, blocked and scored, and only its
/// leads are kept. The gazetteer must be that of *all* the rolls (learned in
/// a first pass when the rolls do not fit in memory), so that the outcome does
/// not depend on how the rolls were chunked.
pub struct Batch<'a> {
    cadres: &'a [Cadre],
    pois: &'a [Poi],
    gaz: &'a Gazetteer,
    units: &'a UnitTable,
    blocks: blocking::Blocks<'a>,
    exact: blocking::ExactIndex,
    leads: Leads<'a>,
    /// Seconds spent normalizing, joining, blocking and scoring, over all chunks.
    stage_secs: [f64; 4],
}

impl<'a> Batch<'a> {
    /// `cadres` and `pois` with places and unit keys assigned from `gaz` and
    /// `units` ([`people::assign_places`]).
    pub fn new(cadres: &'a [Cadre], pois: &'a [Poi], gaz: &'a Gazetteer, units: &'a UnitTable) -> Result<Batch<'a>, MatchError> {
        let t = std::time::Instant::now();
        let b = Batch {
            cadres,
            pois,
            gaz,
            units,
            blocks: blocking::Blocks::build(pois),
            exact: blocking::ExactIndex::build(pois)?,
            leads: Leads::new(pois),
            stage_secs: [0.0; 4],
        };
        crate::timing("  index the register", t);
        Ok(b)
    }

    /// The rows to come are an enterprise registry's: their township is where
    /// the firm is registered, not where the person lives, so another
    /// township is no evidence against the pair (the same township still is
    /// evidence for it).
    pub fn firm_places(&mut self) {
        self.leads.firm_places = true;
    }

    /// Match one chunk of roll rows (in batch order: chunks are added in the
    /// order of the roll files).
    pub fn add_rolls(&mut self, rolls: &[RollRow]) -> Result<(), MatchError> {
        let mut t = std::time::Instant::now();
        // Stage times summed over the chunks (a batch adds its rolls file by
        // file), printed once by `finish`.
        let mut lap = |stage: usize, t: &mut std::time::Instant| {
            self.stage_secs[stage] += t.elapsed().as_secs_f64();
            *t = std::time::Instant::now();
        };
        let rps = people::roll_persons(rolls, self.gaz);
        lap(0, &mut t);
        let exact = self.exact.pairs(&rps)?;
        lap(1, &mut t);
        let (blocks, pois) = (&self.blocks, self.pois);
        let mut pairs: Vec<(u32, u32)> = rps
            .par_iter()
            .enumerate()
            .fold(Vec::new, |mut acc, (i, rp)| {
                let mut c = Vec::new();
                blocks.candidates(rp, pois, &mut c);
                c.sort_unstable();
                c.dedup();
                acc.extend(c.into_iter().map(|p| (i as u32, p)));
                acc
            })
            .reduce(Vec::new, |mut a, b| {
                a.extend(b);
                a
            });
        self.leads.exact_pairs += exact.len();
        pairs.extend(exact);
        lap(2, &mut t);
        self.leads.add(pairs, self.cadres, self.pois, &rps, rolls, self.units);
        lap(3, &mut t);
        Ok(())
    }

    /// Settle the leads of every chunk and build the sorted hits.
    pub fn finish(self) -> MatchOutput {
        if std::env::var_os("KINMATCH_TIMINGS").is_some() {
            let names = ["normalize roll persons", "exact join (polars)", "blocking", "score"];
            for (name, secs) in names.iter().zip(self.stage_secs) {
                eprintln!("[timing]   {name}: {secs:.3} s");
            }
        }
        let t = std::time::Instant::now();
        let out = self.leads.settle(self.cadres, self.pois);
        crate::timing("  settle ambiguous leads, order hits", t);
        out
    }
}

/// Score candidate pairs (roll person, person of interest) of one set of
/// rolls, settle ambiguous leads, and build the sorted hits (`check`).
pub fn finish(
    pairs: Vec<(u32, u32)>,
    cadres: &[Cadre],
    pois: &[Poi],
    rps: &[RollPerson],
    rolls: &[RollRow],
    units: &UnitTable,
) -> MatchOutput {
    let mut leads = Leads::new(pois);
    leads.add(pairs, cadres, pois, rps, rolls, units);
    leads.settle(cadres, pois)
}

/// A scored pair, kept once its chunk of rolls is gone: the hit as built from
/// the roll row, and what settling needs of the roll person.
struct Lead {
    /// The roll person's place in the whole batch (chunk offset + index).
    rp_ord: u64,
    poi: u32,
    rp: RollPerson,
    scored: Scored,
    hit: Hit,
}

/// The scored leads of every chunk so far, with the census that settling needs.
pub struct Leads<'a> {
    leads: Vec<Lead>,
    census: Census<'a>,
    roll_persons: u64,
    candidate_pairs: usize,
    exact_pairs: usize,
    /// The rows' places are where a firm is registered, not where the person
    /// lives ([`Batch::firm_places`]).
    firm_places: bool,
}

impl<'a> Leads<'a> {
    pub fn new(pois: &'a [Poi]) -> Leads<'a> {
        Leads {
            leads: Vec::new(),
            census: Census::new(pois),
            roll_persons: 0,
            candidate_pairs: 0,
            exact_pairs: 0,
            firm_places: false,
        }
    }

    /// Score the candidate pairs of one chunk (indexes into `rps` and `pois`).
    pub fn add(
        &mut self,
        mut pairs: Vec<(u32, u32)>,
        cadres: &[Cadre],
        pois: &[Poi],
        rps: &[RollPerson],
        rolls: &[RollRow],
        units: &UnitTable,
    ) {
        pairs.par_sort_unstable();
        pairs.dedup();
        let base = self.roll_persons;
        let firm = self.firm_places;
        let new: Vec<Lead> = pairs
            .par_iter()
            .filter_map(|&(r, p)| {
                let (poi, rp) = (&pois[p as usize], &rps[r as usize]);
                let s = score::score_with(poi, &cadres[poi.cadre], rp, firm)?;
                let hit = make_hit(rp, poi, cadres, rolls, kin_term(poi), &s, units);
                Some(Lead { rp_ord: base + r as u64, poi: p, rp: rp.clone(), scored: s, hit })
            })
            .collect();
        self.leads.extend(new);
        self.census.add(rps);
        self.roll_persons += rps.len() as u64;
        self.candidate_pairs += pairs.len();
    }

    /// Settle ambiguous leads across every chunk and build the sorted hits.
    pub fn settle(mut self, cadres: &[Cadre], pois: &[Poi]) -> MatchOutput {
        self.census.seal();
        demote_same_name_elsewhere(&mut self.leads, &self.census, pois);
        demote_ambiguous(&mut self.leads, pois);
        let mut hits: Vec<Hit> = self
            .leads
            .into_iter()
            .map(|l| {
                let mut h = l.hit;
                h.tier = l.scored.tier;
                h.score = l.scored.score;
                h.evidence = l.scored.evidence;
                h.reasons.settled = l.scored.settled;
                h
            })
            .collect();
        finish_ids_and_order(&mut hits);
        let mut stats = MatchStats {
            cadres: cadres.len(),
            persons_of_interest: pois.len(),
            roll_persons: self.roll_persons as usize,
            exact_pairs: self.exact_pairs,
            candidate_pairs: self.candidate_pairs,
            hits: hits.len(),
            by_tier: BTreeMap::new(),
        };
        for t in [Tier::Confirmed, Tier::Probable, Tier::Possible] {
            stats.by_tier.insert(t.as_str().into(), hits.iter().filter(|h| h.tier == t).count());
        }
        MatchOutput { hits, stats }
    }
}

/// A roll person's village, not known.
const NO_VILLAGE: u32 = u32::MAX;

/// Who else the rolls show under a name, for settling leads that rest on a
/// name: the IDs seen per (name, township), and the full IDs per name. Only
/// names that some person of interest bears are counted (a lead that rests on
/// a name has the same name on both sides), and IDs are kept as numbers, so
/// that 50 million roll persons fit in memory.
struct Census<'a> {
    /// Name variant key of persons of interest -> its number.
    names: HashMap<&'a str, u32>,
    towns: HashMap<String, u32>,
    villages: HashMap<String, u32>,
    /// (name, township, village or `NO_VILLAGE`, ID code): what each roll
    /// person of that name and township shows.
    by_town: Vec<(u32, u32, u32, u64)>,
    /// (name, full ID as the number of its first 17 digits).
    keys: Vec<(u32, u64)>,
}

/// An ID as a number: a full key by its first 17 digits; a 14-digit partial
/// key by its digits with the top bit set. `None` for text that is not digits
/// (normalized keys and partials always are).
fn key_code(key: &str) -> Option<u64> {
    key.get(..17)?.parse::<u64>().ok()
}

fn partial_code(partial: &str) -> Option<u64> {
    partial.parse::<u64>().ok().map(|p| p | 1 << 63)
}

fn id_code(id: &crate::normalize::id::NormId) -> Option<u64> {
    match (&id.key, &id.partial) {
        (Some(k), _) => key_code(k),
        (None, Some(p)) => partial_code(p),
        _ => None,
    }
}

/// The range of entries whose leading fields equal `lo`'s, in a sorted vector.
fn range<T: Ord + Copy>(v: &[T], lo: T, hi: T) -> &[T] {
    let a = v.partition_point(|x| *x < lo);
    let b = v.partition_point(|x| *x <= hi);
    &v[a..b.max(a)]
}

impl<'a> Census<'a> {
    fn new(pois: &'a [Poi]) -> Census<'a> {
        let mut names = HashMap::new();
        for p in pois {
            let n = names.len() as u32;
            names.entry(p.name.variant_key.as_str()).or_insert(n);
        }
        Census { names, towns: HashMap::new(), villages: HashMap::new(), by_town: Vec::new(), keys: Vec::new() }
    }

    fn add(&mut self, rps: &[RollPerson]) {
        for r in rps {
            let Some(&n) = self.names.get(r.name.variant_key.as_str()) else { continue };
            if let (Some(t), Some(code)) = (r.place.township.as_deref(), id_code(&r.id)) {
                let number = |m: &mut HashMap<String, u32>, k: &str| match m.get(k) {
                    Some(&i) => i,
                    None => {
                        let i = m.len() as u32;
                        m.insert(k.to_string(), i);
                        i
                    }
                };
                let t = number(&mut self.towns, t);
                let v = r.place.village.as_deref().map_or(NO_VILLAGE, |v| number(&mut self.villages, v));
                self.by_town.push((n, t, v, code));
            }
            // A key ending in 000 may itself be a cut number: no evidence of another person.
            let full = r.id.key.as_deref().filter(|_| !score::zero_filled_key(&r.id));
            if let (Some(_), Some(code)) = (&r.id.partial, full.and_then(key_code)) {
                self.keys.push((n, code));
            }
        }
    }

    /// Sort for lookups, once all chunks are in (sorting per chunk would sort
    /// the growing census again and again).
    fn seal(&mut self) {
        self.keys.par_sort_unstable();
        self.keys.dedup();
        self.by_town.par_sort_unstable();
        self.by_town.dedup();
    }

    /// Does the township show a person of this name with another ID than `own`
    /// (an ID that is not `own` and not the start of it)?
    fn other_in_township(&self, name: &str, town: &str, own: Option<&str>) -> bool {
        self.others_in_township(name, town, own).next().is_some()
    }

    /// The villages (`NO_VILLAGE` when not known) of the persons of this name
    /// in the township with another ID than `own`.
    fn others_in_township<'s>(&'s self, name: &str, town: &str, own: Option<&str>) -> impl Iterator<Item = u32> + 's {
        let found = self.names.get(name).zip(self.towns.get(town));
        let own_key = own.and_then(key_code);
        let own_partial = own.and_then(|o| o.get(..14)).and_then(partial_code);
        let all: &[(u32, u32, u32, u64)] = match found {
            Some((&n, &t)) => range(&self.by_town, (n, t, 0, 0), (n, t, u32::MAX, u64::MAX)),
            None => &[],
        };
        all.iter().filter(move |&&(_, _, _, c)| Some(c) != own_key && Some(c) != own_partial).map(|&(_, _, v, _)| v)
    }

    /// Is every person of this name in the township with another ID than
    /// `own` known to live in another village than `village`?
    fn others_only_in_other_villages(&self, name: &str, town: &str, village: &str, own: Option<&str>) -> bool {
        // A village no one of the census lives in has the number of none.
        let v = self.villages.get(village).copied();
        !village.is_empty() && self.others_in_township(name, town, own).all(|o| o != NO_VILLAGE && Some(o) != v)
    }

    /// Do the rolls show a person of this name with a full ID other than
    /// `own` (and, where `own` is cut, one that does not begin as it does)?
    fn other_anywhere(&self, name: &str, own: &crate::normalize::id::NormId) -> bool {
        let Some(&n) = self.names.get(name) else { return false };
        let own_key = own.key.as_deref().and_then(key_code);
        let own_partial = own.partial.as_deref().and_then(|p| p.parse::<u64>().ok());
        range(&self.keys, (n, 0), (n, u64::MAX))
            .iter()
            .any(|&(_, k)| Some(k) != own_key && own_partial.is_none_or(|p| k / 1000 != p))
    }

    /// Do the rolls show a person of this name, born as `partial` says, with a
    /// full ID other than `full`?
    fn other_with_partial(&self, name: &str, partial: &str, full: Option<&str>) -> bool {
        let (Some(&n), Ok(p)) = (self.names.get(name), partial.parse::<u64>()) else { return false };
        let full = full.and_then(key_code);
        range(&self.keys, (n, p * 1000), (n, p * 1000 + 999)).iter().any(|&(_, k)| Some(k) != full)
    }
}

/// A lead resting on name and place (one ID missing) is `probable` only when
/// the rolls show no other person of that name in the township: a same-name
/// stranger with a different ID makes it a matter for a reviewer.
fn demote_same_name_elsewhere(leads: &mut Vec<Lead>, census: &Census, pois: &[Poi]) {
    // A name and an age range: a lead only for a name the rolls show no one
    // else bearing (on the project's county, where 王芳 and 张敏 abound, nearly
    // every lead of the kind whose name others bore was a namesake).
    let mut drop: Vec<bool> = leads
        .iter()
        .map(|l| l.scored.match_kind == score::PairKind::NameFit && census.other_anywhere(l.rp.name.variant_key.as_str(), &l.rp.id))
        .collect();
    for (i, l) in leads.iter_mut().enumerate() {
        if l.scored.tier != Tier::Probable {
            continue;
        }
        let (rp, poi) = (&l.rp, &pois[l.poi as usize]);
        let name = rp.name.variant_key.as_str();
        match l.scored.match_kind {
            // An Excel-truncated ID agrees with everyone born that day in that
            // region whose sequence starts alike: a same-name person with
            // another full ID in the rolls makes it ambiguous.
            score::PairKind::IdTruncated => {
                let rp_trunc = score::looks_truncated(&rp.id);
                let (trunc, full) = if rp_trunc { (&rp.id, poi.id.key.as_deref()) } else { (&poi.id, rp.id.key.as_deref()) };
                let Some(partial) = trunc.partial.as_deref() else { continue };
                if census.other_with_partial(name, partial, full) {
                    let s = &mut l.scored;
                    s.settled.push(score::Settle::NamesakeSameBirth);
                    s.tier = Tier::Possible;
                    s.score = 0.6;
                    s.evidence.push_str("；花名册中另有同名同出生日期人员（身份证号不同），需人工甄别");
                }
            }
            score::PairKind::NamePlace => {
                let Some(t) = rp.place.township.as_deref() else { continue };
                let own = rp.id.key.as_deref().or(poi.id.key.as_deref());
                if !census.other_in_township(name, t, own) {
                    continue;
                }
                let village = rp.place.village.as_deref().unwrap_or("");
                let elsewhere = census.others_only_in_other_villages(name, t, village, own);
                if !people::id_present(&rp.id) && !elsewhere {
                    // A roll person without an ID, in a township where the rolls show
                    // another person of that name (in this village, or where
                    // not known): no lead (on the generated county fewer than
                    // one in ten of these was the relative).
                    drop[i] = true;
                    continue;
                }
                let s = &mut l.scored;
                s.settled.push(if elsewhere { score::Settle::NamesakeOtherVillage } else { score::Settle::NamesakeInTownship });
                s.tier = Tier::Possible;
                s.score = 0.6;
                s.evidence.push_str(if elsewhere {
                    "；本乡镇其他村另有同名人员（身份证号不同），需人工甄别"
                } else {
                    "；本乡镇另有同名人员（身份证号不同），需人工甄别"
                });
            }
            _ => {}
        }
    }
    let mut i = 0;
    leads.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// Leads without an exact ID that point at more than one person are not
/// `probable`: a roll person who could be either of two relatives, or a
/// relative for whom two different roll persons qualify.
fn demote_ambiguous(leads: &mut [Lead], pois: &[Poi]) {
    let mut per_rp: HashMap<u64, BTreeSet<String>> = HashMap::new();
    let mut per_poi: HashMap<String, BTreeSet<String>> = HashMap::new();
    for l in leads.iter().filter(|l| l.scored.tier == Tier::Probable) {
        let who = poi_person(&pois[l.poi as usize]);
        per_rp.entry(l.rp_ord).or_default().insert(who.clone());
        per_poi.entry(who).or_default().insert(rp_person(&l.rp));
    }
    for l in leads.iter_mut() {
        if l.scored.tier != Tier::Probable {
            continue;
        }
        let many_pois = per_rp.get(&l.rp_ord).is_some_and(|x| x.len() > 1);
        let many_rps = per_poi.get(&poi_person(&pois[l.poi as usize])).is_some_and(|x| x.len() > 1);
        if many_pois || many_rps {
            let s = &mut l.scored;
            s.settled.push(if many_pois { score::Settle::SeveralRelatives } else { score::Settle::SeveralRollPersons });
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

fn kin_term(p: &Poi) -> &str {
    &p.relation_term
}

/// `unit_key`: the roll's approving unit resolved with the batch's unit table,
/// like the cadre's.
/// `units`: to read a merged bureau written with its old name in brackets
/// (县农业农村局（县乡村振兴局）) as either unit.
fn relevance(units: &UnitTable, roll_unit: &str, township: Option<&str>, cadre: &Cadre) -> Relevance {
    let ours = units.keys(roll_unit);
    let mut ours = ours.iter().filter(|k| !k.is_empty());
    // The cadre's other key (his unit's old name in brackets) only where he has one:
    // `unit_key` is his unit's first key.
    let same = if cadre.unit.contains(['（', '(']) {
        let theirs = units.keys(&cadre.unit);
        ours.any(|k| theirs.contains(k))
    } else {
        ours.any(|k| *k == cadre.unit_key)
    };
    if same {
        Relevance::SameUnit
    } else if township.is_some() && township == cadre.township.as_deref() {
        Relevance::SameTownship
    } else {
        Relevance::Other
    }
}

fn id_text(id: &crate::normalize::id::NormId) -> String {
    if id.value.is_empty() { id.raw.trim().to_string() } else { id.value.to_string() }
}

/// The township a roll without a township column was placed in by its file
/// name, sheet or title (2024年10月白沙乡低保发放表), as that text writes it
/// (白沙乡); empty when the row was not placed by its name.
fn hinted_township(row: &RollRow, rp: &RollPerson) -> String {
    let (Some(hint), Some(core)) = (row.place_hint.as_deref(), rp.place.township.as_deref()) else { return String::new() };
    let Some(at) = hint.find(core) else { return String::new() };
    let rest = hint.get(at + core.len()..).unwrap_or("");
    let suffix = ["街道", "乡", "镇"].into_iter().find(|s| rest.starts_with(s)).unwrap_or("");
    format!("{core}{suffix}")
}

pub(crate) fn make_hit(
    rp: &RollPerson,
    poi: &Poi,
    cadres: &[Cadre],
    rolls: &[RollRow],
    term: &str,
    s: &Scored,
    units: &UnitTable,
) -> Hit {
    let row = &rolls[rp.row];
    let slot = &row.slots[rp.slot];
    let cadre = &cadres[poi.cadre];
    let hid_src = format!(
        "v1|{}|{}|{}|{}|{}|{}|{}",
        rp_person(rp),
        row.program,
        written_unit_key(&row.unit),
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
        match_kind: MatchKind::Pair(s.match_kind),
        evidence: s.evidence.clone(),
        relation: poi.relation,
        relation_term: term.to_string(),
        cadre_name: cadre.name.raw.trim().to_string(),
        cadre_id: id_text(&cadre.id),
        cadre_unit: cadre.unit.clone(),
        cadre_post: cadre.post.clone(),
        relative_name: poi.name.raw.trim().to_string(),
        relative_id: id_text(&poi.id),
        roll_role: Some(slot.role),
        roll_name: slot.name.to_string(),
        roll_id: id_text(&rp.id),
        program: row.program.to_string(),
        approving_unit: row.unit.to_string(),
        township: if row.township.is_empty() { hinted_township(row, rp) } else { row.township.to_string() },
        village: row.village.to_string(),
        amount: row.amount,
        date: row.date.to_string(),
        relevance: relevance(units, &row.unit, rp.place.township.as_deref(), cadre),
        roll_file: row.source.file.clone(),
        roll_sheet: row.source.sheet.clone(),
        roll_row: row.source.row,
        kin_file: poi.source.file.clone(),
        kin_sheet: poi.source.sheet.clone(),
        kin_row: poi.source.row,
        decision: String::new(),
        amount_unread: row.amount_unread.to_string(),
        blocking: blocking::block_of(rp, poi),
        reasons: score::Reasons::of(s.rule),
    }
}

/// Sort hits by their sources and make every `hit_id` unique (a person paid
/// twice under one program gets `-2`, `-3` in row order).
pub fn finish_ids_and_order(hits: &mut [Hit]) {
    hits.sort_by(|a, b| {
        (&a.roll_file, &a.roll_sheet, a.roll_row, a.roll_role.map(|p| p.as_str()), &a.kin_file, &a.kin_sheet, a.kin_row, a.relation.as_str())
            .cmp(&(&b.roll_file, &b.roll_sheet, b.roll_row, b.roll_role.map(|p| p.as_str()), &b.kin_file, &b.kin_sheet, b.kin_row, b.relation.as_str()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::records::{KinRow, RawId, Slot};
    use crate::matching::blocking::Block;
    use crate::model::{PairKind, Source};
    use crate::normalize::relation::Relation;

    fn cadre_of(unit: &str, units: &UnitTable) -> Cadre {
        let row = KinRow {
            source: Default::default(),
            cadre_name: "张三".into(),
            cadre_id: RawId::Empty,
            cadre_unit: unit.into(),
            cadre_post: String::new(),
            relative_name: String::new(),
            relative_id: RawId::Empty,
            relation_term: String::new(),
            address: String::new(),
            birth: String::new(),
        };
        let (mut cadres, mut pois) = people::persons_of_interest(&[row], &[Relation::SelfRel], units);
        people::assign_places(&mut cadres, &mut pois, &Gazetteer::default(), units);
        cadres.remove(0)
    }

    fn id18(b: &str) -> String {
        format!("{b}{}", crate::normalize::id::check_char(b).unwrap_or('0'))
    }

    /// A register row: (cadre, cadre's ID, unit), (relative, relative's ID, relation, address).
    fn kin_row(c: (&str, &str, &str), rel: (&str, RawId, &str, &str)) -> KinRow {
        KinRow {
            source: Default::default(),
            cadre_name: c.0.into(),
            cadre_id: RawId::Text(c.1.into()),
            cadre_unit: c.2.into(),
            cadre_post: String::new(),
            relative_name: rel.0.into(),
            relative_id: rel.1,
            relation_term: rel.2.into(),
            address: rel.3.into(),
            birth: String::new(),
        }
    }

    /// A roll row of one beneficiary: (file, program, unit), row, (name, ID), (township, village).
    fn roll_row(f: (&str, &str, &str), row: u32, person: (&str, &str), at: (&str, &str)) -> RollRow {
        use crate::normalize::id::normalize_id;
        let id = if person.1.is_empty() { RawId::Empty } else { RawId::Text(person.1.into()) };
        RollRow {
            source: Source { file: f.0.into(), sheet: String::new(), row },
            slots: vec![Slot { role: crate::load::roles::Person::Beneficiary, name: person.0.into(), id, norm: normalize_id(person.1) }],
            township: at.0.into(),
            village: at.1.into(),
            group: Default::default(),
            amount: None,
            amount_unread: Default::default(),
            date: Default::default(),
            program: f.1.into(),
            unit: f.2.into(),
            relation_to_head: Default::default(),
            contractor: Default::default(),
            address: Default::default(),
            period: Default::default(),
            place_hint: None,
        }
    }

    /// The hits of a batch of one register row against `rolls`.
    fn batch_hits(kin: KinRow, scope: &[Relation], rolls: &[RollRow]) -> Vec<Hit> {
        let units = UnitTable::builtin();
        let (mut cadres, mut pois) = people::persons_of_interest(&[kin], scope, units);
        let gaz = gazetteer(rolls);
        people::assign_places(&mut cadres, &mut pois, &gaz, units);
        let mut batch = Batch::new(&cadres, &pois, &gaz, units).unwrap();
        batch.add_rolls(rolls).unwrap();
        batch.finish().hits
    }

    #[test]
    fn regression_zhujianju_short_name_is_same_unit() {
        let units = UnitTable::builtin();
        let cadre = cadre_of("县住房和城乡建设局", units);
        for roll_unit in ["住建局", "示例县住建局", "示例县住房和城乡建设局", "县 住房和城乡建设局"] {
            assert_eq!(relevance(units, roll_unit, None, &cadre), Relevance::SameUnit, "{roll_unit}");
        }
        assert_eq!(relevance(units, "城管局", None, &cadre), Relevance::Other);
        // A config alias counts as well.
        let units = crate::config::Config::parse("[[unit]]\nname = '县住房和城乡建设局'\naliases = ['城建局']")
            .expect("parses")
            .unit_table();
        let cadre = cadre_of("县住房和城乡建设局", &units);
        assert_eq!(relevance(&units, "城建局", None, &cadre), Relevance::SameUnit);
    }

    #[test]
    fn regression_merged_bureau_written_with_its_old_name_in_brackets_was_no_same_unit() {
        // Probe s33: an official of 县农业农村局（县乡村振兴局） against a 县乡村振兴局 roll, and one
        // of 县乡村振兴局 against a 县农业农村局（乡村振兴局） roll: both `other`.
        let units = UnitTable::builtin();
        let cadre = cadre_of("县农业农村局（县乡村振兴局）", units);
        assert_eq!(relevance(units, "县乡村振兴局", None, &cadre), Relevance::SameUnit);
        assert_eq!(relevance(units, "县农业农村局", None, &cadre), Relevance::SameUnit);
        let cadre = cadre_of("县乡村振兴局", units);
        assert_eq!(relevance(units, "县农业农村局（乡村振兴局）", None, &cadre), Relevance::SameUnit);
        assert_eq!(relevance(units, "县民政局（盖章）", None, &cadre), Relevance::Other);
    }

    /// Outside county (issue 9): a roll person without an ID, named as a
    /// relative and in the relative's village, was dropped because another
    /// person of that name (another ID) lived in another village of the
    /// township. Now a lead for a reviewer (疑似); a namesake in the same
    /// village still leaves no lead.
    #[rstest::rstest]
    #[case::namesake_in_another_village("石门村", Some(Tier::Possible))]
    #[case::namesake_in_the_same_village("大坪村", None)]
    fn regression_roll_person_without_id_dropped_for_a_namesake_in_another_village(
        #[case] namesake_village: &str,
        #[case] want: Option<Tier>,
    ) {
        let kin = kin_row(
            ("戴鹏林", &id18("43292119801002647"), "县人力资源和社会保障局"),
            ("林然", RawId::Text(id18("43292119530526814")), "母亲", "青石镇大坪村村民"),
        );
        let f = ("低保.xlsx", "农村低保", "民政局");
        let namesake = id18("43292219780606652");
        let rolls = vec![roll_row(f, 2, ("林然", ""), ("青石镇", "大坪村")), roll_row(f, 3, ("林然", &namesake), ("青石镇", namesake_village))];
        let hits = batch_hits(kin, &[Relation::SelfRel, Relation::Parent], &rolls);
        let got: Vec<(u32, Tier)> = hits.iter().map(|h| (h.roll_row, h.tier)).collect();
        assert_eq!(got, want.map(|t| (2, t)).into_iter().collect::<Vec<_>>(), "{hits:#?}");
    }

    /// Outside county (issue 9): a mother the register names without ID,
    /// birth or address (a wide register of names) was never a candidate: no
    /// block paired a name alone. The name + age block finds her; the lead is
    /// `name_fit` (possible) while the rolls show no one else of her name, and
    /// no lead once they do.
    #[rstest::rstest]
    #[case::alone(false, Some(Tier::Possible))]
    #[case::a_namesake_elsewhere_in_the_rolls(true, None)]
    fn regression_relative_without_id_or_address_never_a_candidate(#[case] namesake: bool, #[case] want: Option<Tier>) {
        let kin = kin_row(("蔡忠庆", &id18("43292119720909879"), "县医疗保障局"), ("范欣怡", RawId::Text("无".into()), "母亲", ""));
        let f = ("医疗救助.xlsx", "医疗救助", "医保局");
        let mut rolls = vec![roll_row(f, 2, ("范欣怡", &id18("43292219490902036")), ("青石镇", ""))];
        if namesake {
            rolls.push(roll_row(f, 3, ("范欣怡", &id18("43292219900105022")), ("柳河镇", "")));
        }
        let hits = batch_hits(kin, &[Relation::Parent], &rolls);
        let got: Vec<(u32, Tier, MatchKind, Block)> = hits.iter().map(|h| (h.roll_row, h.tier, h.match_kind, h.blocking)).collect();
        let want: Vec<(u32, Tier, MatchKind, Block)> = want.map(|t| (2, t, MatchKind::Pair(PairKind::NameFit), Block::NameAge)).into_iter().collect();
        assert_eq!(got, want, "{hits:#?}");
    }

    /// Outside county (issue 9): a cadre on a farmland-subsidy roll without an
    /// ID (陈建, 松岭乡黄泥村) was never a lead: the cadre's own place was only
    /// the township the unit serves, none for a county department, although the
    /// register gives the spouse's village. The cadre's home is now the 本人
    /// row's address, else the spouse's; the finding says so.
    #[rstest::rstest]
    #[case::spouse_in_the_village("配偶", "松岭乡黄泥村", Some(Tier::Probable))]
    #[case::own_row_in_the_village("本人", "松岭乡黄泥村", Some(Tier::Probable))]
    #[case::only_a_son_there("儿子", "松岭乡黄泥村", None)]
    #[case::spouse_in_another_village("配偶", "松岭乡竹林村", None)]
    fn regression_cadre_on_a_roll_without_id_unplaced(#[case] term: &str, #[case] address: &str, #[case] want: Option<Tier>) {
        let relative = if term == "本人" { "陈建" } else { "孙晓杰" };
        let kin = kin_row(("陈建", &id18("43292119910721858"), "县农业农村局"), (relative, RawId::Empty, term, address));
        let f = ("耕地地力保护补贴.xlsx", "耕地地力保护补贴", "农业农村局");
        let rolls = vec![roll_row(f, 2, ("陈建", ""), ("松岭乡", "黄泥村")), roll_row(f, 3, ("王五", ""), ("松岭乡", "竹林村"))];
        let hits = batch_hits(kin, &[Relation::SelfRel, Relation::Spouse, Relation::Child], &rolls);
        let got: Vec<(u32, Tier)> = hits.iter().filter(|h| h.relation == Relation::SelfRel).map(|h| (h.roll_row, h.tier)).collect();
        assert_eq!(got, want.map(|t| (2, t)).into_iter().collect::<Vec<_>>(), "{hits:#?}");
        if want.is_some() {
            assert!(hits[0].evidence.contains("据登记表所填本人或配偶住址"), "{}", hits[0].evidence);
        }
    }

    #[test]
    fn the_hit_id_keeps_the_unit_as_written() {
        assert_ne!(written_unit_key("住建局"), written_unit_key("住房和城乡建设局"));
        assert_eq!(written_unit_key("示例县民政局"), "民政局");
    }
}
