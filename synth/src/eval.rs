//! Scoring a batch's hits against the generator's truth: precision per tier,
//! recall overall and per kind of noise.

use kinmatch::model::{Hit, Tier};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Clone, Debug, Deserialize)]
struct TruthRow {
    roll_file: String,
    roll_sheet: String,
    roll_row: u32,
    roll_role: String,
    kin_file: String,
    kin_sheet: String,
    kin_row: u32,
    #[allow(dead_code)]
    relation: String,
    id_noise: String,
    name_noise: String,
    kin_id_noise: String,
}

type Key = (String, String, u32, String, String, String, u32);

fn hit_key(h: &Hit) -> Key {
    (
        h.roll_file.clone(),
        h.roll_sheet.clone(),
        h.roll_row,
        h.roll_role.map(|p| p.as_str().into_owned()).unwrap_or_default(),
        h.kin_file.clone(),
        h.kin_sheet.clone(),
        h.kin_row,
    )
}

fn truth_key(t: &TruthRow) -> Key {
    (
        t.roll_file.clone(),
        t.roll_sheet.clone(),
        t.roll_row,
        t.roll_role.clone(),
        t.kin_file.clone(),
        t.kin_sheet.clone(),
        t.kin_row,
    )
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TierScore {
    pub hits: usize,
    pub true_hits: usize,
    pub precision: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Evaluation {
    pub truth: usize,
    pub by_tier: BTreeMap<String, TierScore>,
    /// Confirmed + probable.
    pub strong: TierScore,
    /// Share of true pairs found as confirmed or probable.
    pub recall_strong: f64,
    /// Share of true pairs found at any tier.
    pub recall_any: f64,
    /// Noise label -> (true pairs, found at any tier).
    pub recall_by_noise: BTreeMap<String, (usize, usize)>,
    /// A few misses and false hits, for reading.
    pub examples_missed: Vec<String>,
    pub examples_false: Vec<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

pub fn evaluate(truth_csv: &Path, hits: &[Hit]) -> Result<Evaluation, String> {
    let mut rdr = csv::Reader::from_path(truth_csv).map_err(|e| format!("{}: {e}", truth_csv.display()))?;
    let truth: Vec<TruthRow> = rdr
        .deserialize()
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{}: {e}", truth_csv.display()))?;
    let truth_keys: BTreeSet<Key> = truth.iter().map(truth_key).collect();
    let mut e = Evaluation {
        truth: truth_keys.len(),
        ..Default::default()
    };
    let mut found_any: BTreeSet<Key> = BTreeSet::new();
    let mut found_strong: BTreeSet<Key> = BTreeSet::new();
    for t in [Tier::Confirmed, Tier::Probable, Tier::Possible] {
        let hs: Vec<&Hit> = hits.iter().filter(|h| h.tier == t).collect();
        let ok = hs.iter().filter(|h| truth_keys.contains(&hit_key(h))).count();
        e.by_tier.insert(
            t.as_str().into(),
            TierScore {
                hits: hs.len(),
                true_hits: ok,
                precision: ratio(ok, hs.len()),
            },
        );
        for h in hs {
            let k = hit_key(h);
            if truth_keys.contains(&k) {
                found_any.insert(k.clone());
                if t != Tier::Possible {
                    found_strong.insert(k);
                }
            } else if e.examples_false.len() < 15 {
                e.examples_false.push(format!(
                    "{} {} · {} · {} {}: {} ({}) ~ {} ({}) [{}] {}",
                    t.as_str(), h.roll_file, h.roll_sheet, h.roll_row, h.roll_role.map(|p| p.as_str()).unwrap_or_default(), h.roll_name, h.roll_id,
                    h.relative_name, h.relative_id, h.relation, h.evidence
                ));
            }
        }
    }
    let strong_hits = e.by_tier["confirmed"].hits + e.by_tier["probable"].hits;
    let strong_ok = e.by_tier["confirmed"].true_hits + e.by_tier["probable"].true_hits;
    e.strong = TierScore {
        hits: strong_hits,
        true_hits: strong_ok,
        precision: ratio(strong_ok, strong_hits),
    };
    e.recall_strong = ratio(found_strong.len(), truth_keys.len());
    e.recall_any = ratio(found_any.len(), truth_keys.len());
    for t in &truth {
        let hit = found_any.contains(&truth_key(t));
        for label in [
            format!("id:{}", t.id_noise),
            format!("name:{}", t.name_noise),
            format!("kin_id:{}", t.kin_id_noise),
        ] {
            let s = e.recall_by_noise.entry(label).or_insert((0, 0));
            s.0 += 1;
            s.1 += hit as usize;
        }
        if !hit && e.examples_missed.len() < 15 {
            e.examples_missed.push(format!(
                "{} · {} · {} {} ~ {} · {} [id {} name {} kin_id {}]",
                t.roll_file, t.roll_sheet, t.roll_row, t.roll_role, t.kin_file, t.kin_row, t.id_noise, t.name_noise,
                t.kin_id_noise
            ));
        }
    }
    Ok(e)
}
