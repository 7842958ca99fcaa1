//! The register snapshot (`kinmatch index`): every cadre and relative,
//! normalized once, with the keys the matcher blocks on stored column by
//! column, so that a department can check one roll before it pays out
//! (`kinmatch check`) without re-reading a county's registers.
//!
//! File layout: `KMX1`, a little-endian u32 header length, the header as JSON
//! (program version, the inputs with their SHA-256, the options), then one
//! bincode body (the blocking-key columns for every person of interest and
//! the end offsets of the records), then the records themselves, raw: each
//! person's full record is its own bincode blob, decoded only when it is a
//! candidate, straight from the file buffer.

use crate::load::records::{KinRow, RollRow};
use crate::matching::blocking::{Keys, damage_pair, missing_pair};
use crate::matching::people::{self, Cadre, Poi};
use crate::matching::{self, MatchOutput, blocking::Blocks};
use crate::model::InputReport;
use crate::normalize::relation::Relation;
use crate::normalize::unit::UnitTable;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use thiserror::Error;

/// KMX2: the body also holds the exclusion registers (虚报冒领).
const MAGIC: &[u8; 4] = b"KMX2";

#[derive(Debug, Error)]
pub enum SnapshotError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}：不是 kinmatch 的登记表快照（not a kinmatch register snapshot：{reason}）")]
    Format { path: String, reason: String },
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SnapshotHeader {
    pub tool: String,
    pub version: String,
    /// The registers it was built from, as `inspect --json` reports them (with SHA-256).
    pub inputs: Vec<InputReport>,
    pub scope: Vec<String>,
    pub config_sha256: Option<String>,
    pub cadres: usize,
    pub persons_of_interest: usize,
    /// The exclusion registers' files (deaths, payroll, vehicles), as `inspect --json` reports them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<InputReport>,
}

/// Strings of one column, back to back.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct StrCol {
    data: String,
    ends: Vec<u32>,
}

impl StrCol {
    fn push(&mut self, s: Option<&str>) {
        self.data.push_str(s.unwrap_or(""));
        self.ends.push(self.data.len() as u32);
    }
    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.data[start..self.ends[i] as usize]
    }
    fn opt(&self, i: usize) -> Option<&str> {
        Some(self.get(i)).filter(|s| !s.is_empty())
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct KeyCols {
    key: StrCol,
    partial: StrCol,
    surname: StrCol,
    region: StrCol,
    name: StrCol,
    birth: Vec<u32>,
    /// The register's stated birth of a relative without ID (0: none).
    stated_birth: Vec<u32>,
    present: Vec<bool>,
}

/// Records back to back; `ends` is stored in the body, `data` raw after it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Blobs {
    ends: Vec<u64>,
    #[serde(skip)]
    data: Vec<u8>,
}

impl Blobs {
    fn push<T: Serialize>(&mut self, v: &T) {
        // Serializing plain structs into a Vec cannot fail.
        let _ = bincode::serialize_into(&mut self.data, v);
        self.ends.push(self.data.len() as u64);
    }
    fn size(&self) -> usize {
        self.ends.last().copied().unwrap_or(0) as usize
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Body {
    keys: KeyCols,
    pois: Blobs,
    cadres: Blobs,
    /// Deaths, payroll and vehicles given to `index` (虚报冒领, for `check`).
    exclusions: crate::compare::eligibility::Exclusions,
}

pub struct Snapshot {
    pub header: SnapshotHeader,
    body: Body,
    /// The file, memory-mapped when loaded (records are sliced from it), else none.
    buf: Option<memmap2::Mmap>,
    /// Where the person and cadre records start in `buf` (or in the blobs' own data).
    poi_base: usize,
    cadre_base: usize,
}

impl Snapshot {
    /// Normalize a register once.
    pub fn build(kin: &[KinRow], scope: &[Relation], units: &UnitTable, header: SnapshotHeader) -> Snapshot {
        let (cadres, pois) = people::persons_of_interest(kin, scope, units);
        let mut body = Body::default();
        for p in &pois {
            let k = Keys::of(&p.name, &p.id, None);
            body.keys.key.push(k.key);
            body.keys.partial.push(k.partial);
            body.keys.surname.push(Some(k.surname));
            body.keys.region.push(k.region);
            body.keys.name.push(Some(k.name));
            body.keys.birth.push(k.birth.unwrap_or(0));
            body.keys.stated_birth.push(p.birth.unwrap_or(0));
            body.keys.present.push(k.present);
            body.pois.push(p);
        }
        for c in &cadres {
            body.cadres.push(c);
        }
        Snapshot {
            header: SnapshotHeader {
                cadres: cadres.len(),
                persons_of_interest: pois.len(),
                ..header
            },
            body,
            buf: None,
            poi_base: 0,
            cadre_base: 0,
        }
    }

    fn record<T: for<'de> Deserialize<'de>>(&self, blobs: &Blobs, base: usize, i: usize) -> Option<T> {
        let start = if i == 0 { 0 } else { *blobs.ends.get(i - 1)? as usize };
        let end = *blobs.ends.get(i)? as usize;
        let data = match &self.buf {
            Some(m) => m.get(base..)?,
            None => &blobs.data[..],
        };
        bincode::deserialize(data.get(start..end)?).ok()
    }

    fn poi(&self, i: usize) -> Option<Poi> {
        self.record(&self.body.pois, self.poi_base, i)
    }

    fn cadre(&self, i: usize) -> Option<Cadre> {
        self.record(&self.body.cadres, self.cadre_base, i)
    }

    pub fn len(&self) -> usize {
        self.body.keys.present.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn keys(&self, i: usize) -> Keys<'_> {
        let k = &self.body.keys;
        Keys {
            key: k.key.opt(i),
            partial: k.partial.opt(i),
            birth: Some(k.birth[i]).filter(|b| *b != 0),
            stated_birth: k.stated_birth.get(i).copied().filter(|b| *b != 0),
            surname: k.surname.get(i),
            region: k.region.opt(i),
            name: k.name.get(i),
            village: None,
            present: k.present[i],
        }
    }

    pub fn save(&self, path: &Path) -> Result<(), SnapshotError> {
        let io = |source| SnapshotError::Io {
            path: path.display().to_string(),
            source,
        };
        let header = serde_json::to_vec(&self.header).map_err(|e| SnapshotError::Format {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let body = bincode::serialize(&self.body).map_err(|e| SnapshotError::Format {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let mut out = Vec::with_capacity(16 + header.len() + body.len() + self.body.pois.data.len() + self.body.cadres.data.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
        out.extend_from_slice(&header);
        out.extend_from_slice(&(body.len() as u64).to_le_bytes());
        out.extend_from_slice(&body);
        out.extend_from_slice(&self.body.pois.data);
        out.extend_from_slice(&self.body.cadres.data);
        std::fs::write(path, out).map_err(io)
    }

    pub fn load(path: &Path) -> Result<Snapshot, SnapshotError> {
        let p = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|source| SnapshotError::Io { path: p.clone(), source })?;
        // SAFETY: the map is read-only and private to this process; a snapshot
        // is written once by `kinmatch index` and not modified while checked
        // (if it were truncated under us, reads would fault, not corrupt data).
        let bytes = unsafe { memmap2::Mmap::map(&file) }.map_err(|source| SnapshotError::Io { path: p.clone(), source })?;
        let bad = |reason: &str| SnapshotError::Format {
            path: p.clone(),
            reason: reason.to_string(),
        };
        if bytes.len() < 8 || &bytes[..4] != MAGIC {
            return Err(bad("wrong magic bytes"));
        }
        let hl = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
        let header_bytes = bytes.get(8..8 + hl).ok_or_else(|| bad("truncated header"))?;
        let header: SnapshotHeader = serde_json::from_slice(header_bytes).map_err(|e| bad(&e.to_string()))?;
        if header.version != crate::VERSION {
            return Err(bad(&format!(
                "built by kinmatch {}, this is {}: rebuild it with `kinmatch index`",
                header.version,
                crate::VERSION
            )));
        }
        let at = 8 + hl;
        let bl = bytes.get(at..at + 8).ok_or_else(|| bad("truncated body"))?;
        let bl = u64::from_le_bytes([bl[0], bl[1], bl[2], bl[3], bl[4], bl[5], bl[6], bl[7]]) as usize;
        // The body is read whole, front to back: from a cold cache, ask the
        // kernel for it at once rather than a page fault at a time.
        #[cfg(unix)]
        let _ = bytes.advise_range(memmap2::Advice::WillNeed, at + 8, bl.min(bytes.len().saturating_sub(at + 8)));
        let body_bytes = bytes.get(at + 8..at + 8 + bl).ok_or_else(|| bad("truncated body"))?;
        let body: Body = bincode::deserialize(body_bytes).map_err(|e| bad(&e.to_string()))?;
        let poi_base = at + 8 + bl;
        let cadre_base = poi_base + body.pois.size();
        if cadre_base + body.cadres.size() != bytes.len() {
            return Err(bad("records do not fill the file (truncated or appended to)"));
        }
        let n = body.keys.present.len();
        let cols = [
            body.keys.key.ends.len(),
            body.keys.partial.ends.len(),
            body.keys.surname.ends.len(),
            body.keys.region.ends.len(),
            body.keys.name.ends.len(),
            body.keys.birth.len(),
            body.keys.stated_birth.len(),
            body.pois.ends.len(),
        ];
        if cols.iter().any(|c| *c != n) || body.cadres.ends.len() != header.cadres {
            return Err(bad("columns of different lengths"));
        }
        Ok(Snapshot {
            header,
            body,
            buf: Some(bytes),
            poi_base,
            cadre_base,
        })
    }

    /// The exclusion registers it holds (empty unless `index` was given some).
    pub fn exclusions(&self) -> &crate::compare::eligibility::Exclusions {
        &self.body.exclusions
    }

    /// Add the exclusion registers (before `save`).
    pub fn set_exclusions(&mut self, e: crate::compare::eligibility::Exclusions, reports: Vec<InputReport>) {
        self.body.exclusions = e;
        self.header.exclusions = reports;
    }

    /// Every cadre and person of interest (for `run --index`).
    pub fn all(&self) -> Result<(Vec<Cadre>, Vec<Poi>), SnapshotError> {
        let bad = || SnapshotError::Format {
            path: "snapshot".into(),
            reason: "undecodable record".into(),
        };
        let cadres = (0..self.header.cadres)
            .map(|i| self.cadre(i).ok_or_else(bad))
            .collect::<Result<Vec<Cadre>, _>>()?;
        let pois = (0..self.len())
            .map(|i| self.poi(i).ok_or_else(bad))
            .collect::<Result<Vec<Poi>, _>>()?;
        Ok((cadres, pois))
    }

    /// Match a few rolls against the snapshot with the rules of `run`: index
    /// the roll persons, stream the snapshot's key columns, decode only the
    /// candidates.
    /// `units`: the unit table of the check's config; the cadres' unit keys
    /// are resolved again with it, like the rolls'.
    pub fn check(&self, rolls: &[RollRow], units: &UnitTable) -> Result<MatchOutput, SnapshotError> {
        let gaz = matching::gazetteer(rolls);
        let rps = people::roll_persons(rolls, &gaz);
        let rkeys: Vec<Keys> = rps
            .iter()
            .map(|r| Keys::of(&r.name, &r.id, r.place.village.as_deref()))
            .collect();
        let mut exact: HashMap<&str, Vec<u32>> = HashMap::new();
        let mut by_name: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, k) in rkeys.iter().enumerate() {
            if let Some(key) = k.key {
                exact.entry(key).or_default().push(i as u32);
            }
            if k.village.is_some() && !k.name.is_empty() {
                by_name.entry(k.name).or_default().push(i as u32);
            }
        }
        let blocks = Blocks::from_keys(rkeys.clone());
        // Stream the snapshot's key columns, in parallel chunks.
        let pairs: Vec<(u32, u32)> = (0..self.len())
            .into_par_iter()
            .fold(
                || (Vec::new(), Vec::new()),
                |(mut acc, mut cand): (Vec<(u32, u32)>, Vec<u32>), i| {
                    let pk = self.keys(i);
                    if let Some(v) = pk.key.and_then(|key| exact.get(key)) {
                        acc.extend(v.iter().map(|r| (*r, i as u32)));
                    }
                    cand.clear();
                    blocks.candidates_for(&pk, &mut cand);
                    // Name + village: the relative's village is known only once its
                    // address is read with this roll's gazetteer; scoring requires it.
                    if let Some(v) = (!pk.name.is_empty()).then(|| by_name.get(pk.name)).flatten() {
                        cand.extend(v.iter().copied().filter(|r| missing_pair(&rkeys[*r as usize], &pk)));
                    }
                    acc.extend(cand.iter().map(|r| (*r, i as u32)));
                    (acc, cand)
                },
            )
            .map(|(acc, _)| acc)
            .reduce(Vec::new, |mut a, b| {
                a.extend(b);
                a
            });
        debug_assert!(pairs.iter().all(|(r, p)| {
            let a = &rkeys[*r as usize];
            let b = self.keys(*p as usize);
            a.key == b.key || damage_pair(a, &b) || missing_pair(a, &b)
        }));
        // Decode the candidates (and their cadres) into local vectors.
        let mut poi_ids: Vec<u32> = pairs.iter().map(|p| p.1).collect();
        poi_ids.sort_unstable();
        poi_ids.dedup();
        let bad = || SnapshotError::Format {
            path: "snapshot".into(),
            reason: "undecodable record".into(),
        };
        let mut pois: Vec<Poi> = Vec::with_capacity(poi_ids.len());
        let mut cadre_local: BTreeMap<usize, usize> = BTreeMap::new();
        let mut cadres: Vec<Cadre> = Vec::new();
        for &g in &poi_ids {
            let mut p: Poi = self.poi(g as usize).ok_or_else(bad)?;
            let local = match cadre_local.get(&p.cadre) {
                Some(l) => *l,
                None => {
                    let c: Cadre = self.cadre(p.cadre).ok_or_else(bad)?;
                    cadres.push(c);
                    cadre_local.insert(p.cadre, cadres.len() - 1);
                    cadres.len() - 1
                }
            };
            p.cadre = local;
            pois.push(p);
        }
        people::assign_places(&mut cadres, &mut pois, &gaz, units);
        let global_to_local: HashMap<u32, u32> = poi_ids.iter().enumerate().map(|(l, g)| (*g, l as u32)).collect();
        let local_pairs: Vec<(u32, u32)> = pairs.iter().map(|(r, g)| (*r, global_to_local[g])).collect();
        let mut out = matching::finish(local_pairs, &cadres, &pois, &rps, rolls, units);
        out.stats.cadres = self.header.cadres;
        out.stats.persons_of_interest = self.header.persons_of_interest;
        Ok(out)
    }
}
