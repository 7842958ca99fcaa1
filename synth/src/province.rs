//! A SYNTHETIC province for the scale benchmark: kinship registers of
//! millions of relatives and tens of millions of roll rows in CSV, written as
//! a stream (nothing but the relatives is held in memory), deterministic by seed.
//!
//! - `registers/<county>县_干部亲属信息.csv`: long form, one row per relative
//!   (about 20,000 relatives per county);
//! - `rolls/<county>县<bureau>_<program>.csv`: one roll per file, each for one
//!   county, in five layouts (one with two persons per row);
//! - `truth.csv`: the relatives planted in the rolls (about one roll row in
//!   10,000), with the noise of their ID, in the format of [`super::eval`].
//!
//! Strangers in the rolls get ID sequence numbers 50–99 and relatives 00–49,
//! so that no stranger shares a relative's ID by chance. Some strangers share
//! a relative's name and village (with their own ID), and a few have no ID:
//! the decoys that name-based leads must survive.

use super::names::VILLAGE_POOL;
use super::people::{full_name, given, legacy15, random_date};
use super::rng::Rng;
use super::{SynthError, SynthSummary};
use kinmatch::normalize::id::check_char;
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;

/// What to generate.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvinceConfig {
    pub seed: u64,
    /// Relative rows over all registers (8 per cadre).
    pub relatives: usize,
    /// Data rows over all roll files.
    pub roll_rows: usize,
    /// Roll files (each about `roll_rows / roll_files` rows).
    pub roll_files: usize,
    /// Share of roll rows that name a registered relative.
    pub plant_rate: f64,
}

impl ProvinceConfig {
    /// The province: 2,000,000 relatives, 50,000,000 roll rows in 50 CSV files.
    pub fn province() -> Self {
        ProvinceConfig { seed: 2026, relatives: 2_000_000, roll_rows: 50_000_000, roll_files: 50, plant_rate: 1e-4 }
    }
}

const RELATIVES_PER_COUNTY: usize = 20_000;
const TOWNSHIPS_PER_COUNTY: usize = 8;
const VILLAGES_PER_TOWNSHIP: usize = 12;
const PLACE_A: &str = "东西南北上下前后新老大小长高安永太和平清";
const PLACE_B: &str = "河坝山湾桥林溪坪岭塘沟坡洞口阳泉江峰原田";
const RELATIONS: &[(&str, i32, bool)] = &[
    ("配偶", 0, false),
    ("父亲", -28, true),
    ("母亲", -26, false),
    ("岳父", -29, true),
    ("岳母", -27, false),
    ("儿子", 26, true),
    ("女儿", 28, false),
    ("兄弟", -3, true),
];
const BUREAUS: &[&str] = &["民政局", "住房和城乡建设局", "教育局", "医疗保障局", "人力资源和社会保障局", "农业农村局"];

struct County {
    name: String,
    region: String,
    townships: Vec<String>,
    /// Villages of each township.
    villages: Vec<Vec<&'static str>>,
}

struct Relative {
    name: String,
    id: String,
    county: usize,
    township: usize,
    village: usize,
    kin_file: String,
    kin_row: u32,
    relation: &'static str,
}

fn counties(n: usize, rng: &mut Rng) -> Vec<County> {
    let a: Vec<char> = PLACE_A.chars().collect();
    let b: Vec<char> = PLACE_B.chars().collect();
    // Every two-character place name once, shuffled: unique township and county names.
    let mut pool: Vec<String> = a.iter().flat_map(|x| b.iter().map(move |y| format!("{x}{y}"))).collect();
    for i in (1..pool.len()).rev() {
        pool.swap(i, rng.below(i + 1));
    }
    let mut names = pool.into_iter().cycle();
    (0..n)
        .map(|c| {
            let name = format!("{}{}", names.next().unwrap_or_default(), ["", "川", "阳", "宁"][c / 400 % 4]);
            let townships: Vec<String> = (0..TOWNSHIPS_PER_COUNTY)
                .map(|t| format!("{}{}{}", names.next().unwrap_or_default(), ["", "川", "阳", "宁"][c / 50 % 4], ["镇", "乡"][t % 2]))
                .collect();
            let villages = (0..TOWNSHIPS_PER_COUNTY)
                .map(|_| (0..VILLAGES_PER_TOWNSHIP).map(|_| *rng.pick(VILLAGE_POOL)).collect())
                .collect();
            County { name, region: format!("5{:05}", 19_001 + c), townships, villages }
        })
        .collect()
}

/// A valid ID; its sequence number tells the populations apart (relatives 00–49, strangers 50–99).
fn make_id(rng: &mut Rng, region: &str, birth: (i32, u32, u32), male: bool, relative: bool) -> String {
    let seq = rng.below(50) + if relative { 0 } else { 50 };
    let sex = rng.below(5) * 2 + usize::from(male);
    let first17 = format!("{region}{:04}{:02}{:02}{seq:02}{sex}", birth.0, birth.1, birth.2);
    let c = check_char(&first17).unwrap_or('0');
    format!("{first17}{c}")
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> SynthError + '_ {
    move |e| SynthError::Io { path: path.display().to_string(), source: e }
}

fn create(path: &Path) -> Result<std::io::BufWriter<std::fs::File>, SynthError> {
    Ok(std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path).map_err(io(path))?))
}

/// Write one county's register; returns its relatives.
fn write_register(c: usize, county: &County, n: usize, seed: u64, dir: &Path) -> Result<Vec<Relative>, SynthError> {
    let mut rng = Rng::new(seed, &format!("province register {c}"));
    let file = format!("{}县_干部亲属信息.csv", county.name);
    let path = dir.join(&file);
    let mut w = create(&path)?;
    writeln!(w, "干部姓名,干部身份证号,工作单位,职务,亲属姓名,称谓,亲属身份证号,现居住地址或工作单位").map_err(io(&path))?;
    let mut out = Vec::with_capacity(n);
    let mut line = 1u32;
    while out.len() < n {
        let male = rng.chance(0.6);
        let cb = random_date(&mut rng, 1965, 1995);
        let (sur, cname) = full_name(&mut rng, male);
        let cid = make_id(&mut rng, &county.region, cb, male, true);
        let ct = rng.below(TOWNSHIPS_PER_COUNTY);
        let unit = if rng.chance(0.5) {
            format!("{}人民政府", county.townships[ct])
        } else {
            format!("{}县{}", county.name, rng.pick(BUREAUS))
        };
        for &(term, gap, rmale) in RELATIONS {
            if out.len() >= n {
                break;
            }
            let by = (cb.0 + gap).clamp(1925, 2022);
            let birth = random_date(&mut rng, by, by);
            let name = match term {
                "父亲" | "儿子" | "女儿" | "兄弟" if !sur.is_empty() => format!("{sur}{}", given(&mut rng, rmale)),
                _ => full_name(&mut rng, rmale).1,
            };
            let id = make_id(&mut rng, &county.region, birth, rmale, true);
            let (t, v) = (rng.below(TOWNSHIPS_PER_COUNTY), rng.below(VILLAGES_PER_TOWNSHIP));
            let group = rng.range(1, 9);
            line += 1;
            writeln!(
                w,
                "{cname},{cid},{unit},科员,{name},{term},{id},{}县{}{}{group}组",
                county.name, county.townships[t], county.villages[t][v]
            )
            .map_err(io(&path))?;
            out.push(Relative {
                name,
                id,
                county: c,
                township: t,
                village: v,
                kin_file: file.clone(),
                kin_row: line,
                relation: term,
            });
        }
    }
    w.flush().map_err(io(&path))?;
    Ok(out)
}

/// A roll layout: header, and how many persons a row names.
struct Layout {
    bureau: &'static str,
    program: &'static str,
    header: &'static str,
}

const LAYOUTS: &[Layout] = &[
    Layout { bureau: "民政局", program: "农村低保", header: "序号,户主姓名,身份证号码,乡镇,村（社区）,保障人数,月保障金额,发放月份" },
    Layout { bureau: "农业农村局", program: "耕地地力保护补贴", header: "序号,姓名,身份证号,乡镇(街道),村,补贴面积(亩),补贴金额(元),发放日期" },
    Layout { bureau: "医疗保障局", program: "医疗救助", header: "救助对象姓名,公民身份号码,乡镇(街道),村(社区),救助类别,救助金额,支付日期" },
    Layout { bureau: "人力资源和社会保障局", program: "公益性岗位", header: "序号,姓名,身份证号,乡镇,村,岗位,月补贴,发放月份" },
    Layout { bureau: "教育局", program: "学生资助", header: "序号,学生姓名,学生身份证号,监护人姓名,监护人身份证号,乡镇,村,资助金额" },
];

struct Truth {
    roll_file: String,
    roll_row: u32,
    role: &'static str,
    rel: usize,
    id_noise: &'static str,
}

/// A planted relative's ID as the roll shows it, and the name of its noise.
fn noisy_id(rng: &mut Rng, id: &str) -> (String, &'static str) {
    let r = rng.f64();
    if r < 0.05 && id.ends_with('X') {
        (id.to_lowercase(), "lowercase_x")
    } else if r < 0.10 {
        (format!("{} {} {}", &id[..6], &id[6..14], &id[14..]), "spaces")
    } else if r < 0.17 {
        (format!("{}000", &id[..15]), "excel_truncated")
    } else if r < 0.24 && id[6..8] == *"19" {
        (legacy15(id), "legacy15")
    } else {
        (id.to_string(), "clean")
    }
}

/// A stranger of `county`: name, ID, township and village. `like`: a
/// relative whose name the stranger shares, in the relative's village, with
/// the stranger's own ID (an ID tells them apart). Three in a thousand of the
/// other strangers have no ID.
fn stranger(rng: &mut Rng, county: &County, like: Option<&Relative>) -> (String, String, usize, usize) {
    let male = rng.chance(0.5);
    let b = random_date(rng, 1935, 2015);
    let id = make_id(rng, &county.region, b, male, false);
    match like {
        Some(r) => (r.name.clone(), id, r.township, r.village),
        None => {
            let id = if rng.chance(0.003) { String::new() } else { id };
            let (t, v) = (rng.below(TOWNSHIPS_PER_COUNTY), rng.below(VILLAGES_PER_TOWNSHIP));
            (full_name(rng, male).1, id, t, v)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn write_roll(
    k: usize,
    rows: usize,
    county_ix: usize,
    county: &County,
    rels: &[Relative],
    cfg: &ProvinceConfig,
    dir: &Path,
) -> Result<(String, Vec<Truth>), SynthError> {
    let mut rng = Rng::new(cfg.seed, &format!("province roll {k}"));
    let layout = &LAYOUTS[k % LAYOUTS.len()];
    let file = format!("{}县{}_{}_{:03}.csv", county.name, layout.bureau, layout.program, k);
    let path = dir.join(&file);
    let mut w = create(&path)?;
    writeln!(w, "{}", layout.header).map_err(io(&path))?;
    let mine: Vec<usize> = (0..rels.len()).filter(|&i| rels[i].county == county_ix).collect();
    let mut truth = Vec::new();
    for i in 0..rows {
        let line = i as u32 + 2;
        let planted = !mine.is_empty() && rng.chance(cfg.plant_rate);
        let decoy = !planted && !mine.is_empty() && rng.chance(0.002);
        let (name, id, t, v) = if planted {
            let ri = mine[rng.below(mine.len())];
            let r = &rels[ri];
            let (id, noise) = noisy_id(&mut rng, &r.id);
            let role = if k % LAYOUTS.len() == 0 { "household_head" } else { "beneficiary" };
            truth.push(Truth { roll_file: file.clone(), roll_row: line, role, rel: ri, id_noise: noise });
            (r.name.clone(), id, r.township, r.village)
        } else if decoy {
            let like = mine[rng.below(mine.len())];
            stranger(&mut rng, county, Some(&rels[like]))
        } else {
            stranger(&mut rng, county, None)
        };
        let (tn, vn) = (&county.townships[t], county.villages[t][v]);
        let amount = rng.range(100, 5000);
        let month = rng.range(1, 12);
        let res = match k % LAYOUTS.len() {
            0 => writeln!(w, "{},{name},{id},{tn},{vn},{},{amount},2026-{month:02}", i + 1, rng.range(1, 5)),
            1 => writeln!(w, "{},{name},{id},{tn},{vn},{}.{},{amount}.00,2026-{month:02}-15", i + 1, rng.range(1, 30), rng.below(10)),
            2 => writeln!(w, "{name},{id},{tn},{vn},重特大疾病救助,{amount}.50,2026{month:02}20"),
            3 => writeln!(w, "{},{name},{id},{tn},{vn},保洁员,{amount},2026年{month}月", i + 1),
            _ => {
                let (gn, gi, _, _) = stranger(&mut rng, county, None);
                writeln!(w, "{},{name},{id},{gn},{gi},{tn},{vn},{amount}", i + 1)
            }
        };
        res.map_err(io(&path))?;
    }
    w.flush().map_err(io(&path))?;
    Ok((file, truth))
}

/// Generate the province into `out` (created if needed). Roll files are
/// written in parallel, each from its own random stream.
pub fn generate_province(cfg: &ProvinceConfig, out: &Path) -> Result<SynthSummary, SynthError> {
    let reg_dir = out.join("registers");
    let roll_dir = out.join("rolls");
    for d in [out, reg_dir.as_path(), roll_dir.as_path()] {
        std::fs::create_dir_all(d).map_err(io(d))?;
    }
    let n_counties = cfg.relatives.div_ceil(RELATIVES_PER_COUNTY).max(1);
    let counties = counties(n_counties, &mut Rng::new(cfg.seed, "province places"));
    let per_county: Vec<usize> = (0..n_counties)
        .map(|c| (cfg.relatives * (c + 1) / n_counties) - (cfg.relatives * c / n_counties))
        .collect();
    let rels: Vec<Relative> = (0..n_counties)
        .into_par_iter()
        .map(|c| write_register(c, &counties[c], per_county[c], cfg.seed, &reg_dir))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();
    let files = cfg.roll_files.max(1);
    let rolls: Vec<(String, Vec<Truth>)> = (0..files)
        .into_par_iter()
        .map(|k| {
            let rows = cfg.roll_rows * (k + 1) / files - cfg.roll_rows * k / files;
            let c = k * n_counties / files;
            write_roll(k, rows, c, &counties[c], &rels, cfg, &roll_dir)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let tp = out.join("truth.csv");
    let mut w = create(&tp)?;
    writeln!(w, "roll_file,roll_sheet,roll_row,roll_role,kin_file,kin_sheet,kin_row,relation,person_uid,id_noise,name_noise,kin_id_noise")
        .map_err(io(&tp))?;
    let mut true_hits = 0;
    for t in rolls.iter().flat_map(|r| &r.1) {
        let r = &rels[t.rel];
        writeln!(
            w,
            "{},,{},{},{},,{},{},R{:08},{},clean,clean",
            t.roll_file, t.roll_row, t.role, r.kin_file, r.kin_row, r.relation, t.rel, t.id_noise
        )
        .map_err(io(&tp))?;
        true_hits += 1;
    }
    w.flush().map_err(io(&tp))?;
    Ok(SynthSummary {
        register_files: n_counties,
        roll_files: files,
        relatives: rels.len(),
        roll_rows: cfg.roll_rows,
        true_hits,
        persons_of_interest: true_hits,
        decoys: 0,
    })
}
