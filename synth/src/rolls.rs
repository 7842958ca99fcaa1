//! Beneficiary rolls: one layout per department, persons of interest and
//! decoys mixed into county residents, noise on every slot.

use super::names::{FOOTER_NAMES, TOWNSHIPS};
use super::noise::{IdCell, SlotText, slot_text};
use super::output::{ExpFile, ExpSheet, PoiSlot, Sh, TextEnc, add_sheet, col_key, col_key2, new_workbook, save, write_delimited};
use super::people::{KinId, Person, World, days_in_month, random_date};
use super::registers::RegIndex;
use super::rng::Rng;
use super::{SynthConfig, SynthError};
use std::path::Path;

const POI_RATE: f64 = 0.022;
const DECOY_RATE: f64 = 0.3;
const WEAK_RATE: f64 = 0.008;

pub(crate) struct RollsOut {
    pub slots: Vec<PoiSlot>,
    pub files: usize,
    pub rows: usize,
    pub persons_of_interest: usize,
    pub decoys: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Age {
    Any,
    Adult,
    Student,
    Working,
    Guardian,
}

fn age_ok(p: &Person, a: Age) -> bool {
    let y = p.birth.0;
    match a {
        Age::Any => true,
        Age::Adult => y <= 2005,
        Age::Student => (2003..=2018).contains(&y),
        Age::Working => (1962..=2003).contains(&y),
        Age::Guardian => (1950..=1998).contains(&y),
    }
}

/// A person in a slot with the text written for them.
#[derive(Clone, Debug)]
struct Slot {
    person: usize,
    poi: bool,
    text: SlotText,
}

struct Gen<'a> {
    world: &'a mut World,
    reg: &'a RegIndex,
    rng: Rng,
    poi_by_town: Vec<Vec<usize>>,
    weak_by_town: Vec<Vec<usize>>,
    placed: Vec<bool>,
    pending: Vec<usize>,
    weak_done: bool,
    slots: Vec<PoiSlot>,
    decoys: usize,
    files: usize,
    rows: usize,
}

fn amount(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Gen<'_> {
    fn pick_poi(&mut self, towns: &[usize], age: Age, allow_weak: bool) -> Option<(usize, bool)> {
        // The first main-slot person of interest is always a weak lead, so
        // that even small fixtures have one.
        if allow_weak && (!self.weak_done || self.rng.chance(WEAK_RATE)) {
            let t = *self.rng.pick(towns);
            let pool = &self.weak_by_town[t];
            if !pool.is_empty() {
                let p = pool[self.rng.below(pool.len())];
                if age_ok(&self.world.people[p], age) {
                    self.weak_done = true;
                    return Some((p, true));
                }
            }
        }
        for _ in 0..20 {
            let t = *self.rng.pick(towns);
            let pool = &self.poi_by_town[t];
            if pool.is_empty() {
                continue;
            }
            let p = pool[self.rng.below(pool.len())];
            if age_ok(&self.world.people[p], age) {
                return Some((p, false));
            }
        }
        None
    }

    fn placed_poi(&mut self, p: usize) {
        if !self.placed[p] {
            self.placed[p] = true;
            if self.rng.chance(DECOY_RATE) {
                let same_birth = self.rng.chance(1.0 / 3.0);
                let d = self.world.add_decoy(&mut self.rng, p, same_birth);
                self.pending.push(d);
            }
        }
    }

    fn slot(&mut self, person: usize, poi: bool, weak: bool) -> Slot {
        let text = slot_text(&mut self.rng, &self.world.people[person], weak);
        Slot { person, poi, text }
    }

    fn poi_slot(&mut self, towns: &[usize], age: Age, allow_weak: bool) -> Option<Slot> {
        let (p, weak) = self.pick_poi(towns, age, allow_weak)?;
        self.placed_poi(p);
        Some(self.slot(p, true, weak))
    }

    fn random_stranger(&mut self, towns: &[usize], age: Age) -> usize {
        for _ in 0..30 {
            let t = *self.rng.pick(towns);
            let v = *self.rng.pick(&self.world.town_villages[t]);
            let pool = &self.world.residents_by_village[v];
            if pool.is_empty() {
                continue;
            }
            let p = pool[self.rng.below(pool.len())];
            if age_ok(&self.world.people[p], age) {
                return p;
            }
        }
        let r = &self.world.residents;
        r[self.rng.below(r.len())]
    }

    fn stranger_in(&mut self, village: usize, age: Age) -> usize {
        let pool = &self.world.residents_by_village[village];
        if !pool.is_empty() {
            for _ in 0..30 {
                let p = pool[self.rng.below(pool.len())];
                if age_ok(&self.world.people[p], age) {
                    return p;
                }
            }
        }
        let town = self.world.villages[village].town;
        self.random_stranger(&[town], age)
    }

    /// The main person of a row: a person of interest (rate `rate`), a
    /// pending decoy, or a stranger.
    fn anchor(&mut self, towns: &[usize], age: Age, rate: f64) -> Slot {
        if self.rng.chance(rate)
            && let Some(s) = self.poi_slot(towns, age, true)
        {
            return s;
        }
        if !self.pending.is_empty() && self.rng.chance(0.5) {
            let found = self.pending.iter().position(|&d| {
                let p = &self.world.people[d];
                towns.contains(&self.world.villages[p.village].town) && age_ok(p, age)
            });
            if let Some(i) = found {
                let d = self.pending.remove(i);
                self.decoys += 1;
                return self.slot(d, false, false);
            }
        }
        let p = self.random_stranger(towns, age);
        self.slot(p, false, false)
    }

    /// Two people on a row; the second lives in the first one's village
    /// (or the first in the second's when the second is the person of interest).
    fn pair(&mut self, towns: &[usize], a: Age, b: Age) -> (Slot, Slot) {
        if self.rng.chance(POI_RATE)
            && let Some(sb) = self.poi_slot(towns, b, false)
        {
            let v = self.world.people[sb.person].village;
            let pa = self.stranger_in(v, a);
            let sa = self.slot(pa, false, false);
            return (sa, sb);
        }
        let sa = self.anchor(towns, a, POI_RATE);
        let v = self.world.people[sa.person].village;
        let pb = self.stranger_in(v, b);
        let sb = self.slot(pb, false, false);
        (sa, sb)
    }

    fn record(&mut self, file: &str, sheet: &str, row: u32, role: &'static str, s: &Slot) {
        if s.poi {
            self.slots.push(PoiSlot {
                file: file.to_string(),
                sheet: sheet.to_string(),
                row,
                role,
                person: s.person,
                id_noise: s.text.id_noise,
                name_noise: s.text.name_noise,
            });
        }
    }

    fn vname(&self, p: usize) -> &'static str {
        self.world.villages[self.world.people[p].village].name
    }
    fn tname(&self, p: usize) -> &'static str {
        TOWNSHIPS[self.world.town_of(p)].0
    }
}

fn id_text(s: &Slot) -> String {
    match &s.text.id {
        IdCell::Text(t) => t.clone(),
        IdCell::Missing => String::new(),
    }
}

/// Where one file's rows go.
struct Part {
    file: String,
    towns: Vec<usize>,
    period: String,
    rows: usize,
}

fn parts(base: &str, ext: &str, k: usize, rows: usize, periods: &[String]) -> Vec<Part> {
    let all: Vec<usize> = (0..TOWNSHIPS.len()).collect();
    if k <= 1 {
        return vec![Part { file: format!("{base}.{ext}"), towns: all, period: periods[0].clone(), rows }];
    }
    let k = k.min(periods.len() * TOWNSHIPS.len());
    let mut v = Vec::new();
    for i in 0..k {
        let (p, t) = (i / TOWNSHIPS.len(), i % TOWNSHIPS.len());
        let n = rows / k + usize::from(i < rows % k);
        v.push(Part { file: format!("{base}_{}_{}.{ext}", periods[p], TOWNSHIPS[t].0), towns: vec![t], period: periods[p].clone(), rows: n });
    }
    v
}

fn months() -> Vec<String> {
    (1..=10).rev().map(|m| format!("2024年{m:02}月")).collect()
}

/// Split `n` xlsx files over the four big xlsx layouts (the project
/// layout takes one more): at least one each, the rest by weight.
fn split_files(n: usize, weights: &[usize]) -> Vec<usize> {
    let n = n.max(weights.len() + 1) - 1;
    let total: usize = weights.iter().sum();
    // Targets in thousandths of a file.
    let target: Vec<usize> = weights.iter().map(|w| n * w * 1000 / total).collect();
    let mut k: Vec<usize> = target.iter().map(|t| (t / 1000).max(1)).collect();
    while k.iter().sum::<usize>() > n {
        let i = (0..k.len()).filter(|&i| k[i] > 1).max_by_key(|&i| k[i] * 1000 - target[i].min(k[i] * 1000)).unwrap_or(0);
        k[i] -= 1;
    }
    while k.iter().sum::<usize>() < n {
        let i = (0..k.len()).rev().max_by_key(|&i| target[i].saturating_sub(k[i] * 1000)).unwrap_or(0);
        k[i] += 1;
    }
    k
}

pub(crate) fn write_rolls(world: &mut World, reg: &RegIndex, cfg: &SynthConfig, dir: &Path, expected: &mut Vec<ExpFile>) -> Result<RollsOut, SynthError> {
    let n_towns = TOWNSHIPS.len();
    let mut poi_by_town = vec![Vec::new(); n_towns];
    let mut weak_by_town = vec![Vec::new(); n_towns];
    for &p in &reg.poi {
        let t = world.town_of(p);
        poi_by_town[t].push(p);
        if reg.entries[p].iter().any(|e| e.kin_id == KinId::Missing) {
            weak_by_town[t].push(p);
        }
    }
    let placed = vec![false; world.people.len()];
    let mut g = Gen {
        world,
        reg,
        rng: Rng::new(cfg.seed, "rolls"),
        poi_by_town,
        weak_by_town,
        placed,
        pending: Vec::new(),
        weak_done: false,
        slots: Vec::new(),
        decoys: 0,
        files: 0,
        rows: 0,
    };
    let _ = g.reg;
    let r = cfg.roll_rows.max(100);
    let share = |w: usize| r * w / 100;
    let k = split_files(cfg.xlsx_files, &[30, 8, 5, 10]);
    let cm = cfg.constant_memory;
    let batches: Vec<String> = (1..=12).map(|i| format!("2024年第{i}批")).collect();
    let terms: Vec<String> = ["2024年秋季学期", "2024年春季学期", "2023年秋季学期", "2023年春季学期", "2022年秋季学期"].iter().map(|s| s.to_string()).collect();

    for p in parts("县民政局_农村低保", "xlsx", k[0], share(30), &months()) {
        expected.push(dibao(&mut g, &p, k[0] == 1, cm, dir)?);
    }
    for p in parts("县民政局_临时救助", "xlsx", k[1], share(8), &months()) {
        expected.push(linshi(&mut g, &p, cm, dir)?);
    }
    for p in parts("县住房和城乡建设局_农村危房改造", "xlsx", k[2], share(5), &batches) {
        expected.push(weifang(&mut g, &p, cm, dir)?);
    }
    for p in parts("县教育局_学生资助", "xlsx", k[3], share(10), &terms) {
        expected.push(xuesheng(&mut g, &p, cm, dir)?);
    }
    let eng = (r / 100).max(20);
    for p in parts("县交通运输局_工程项目", "xlsx", 1, eng, &batches) {
        expected.push(gongcheng(&mut g, &p, cm, dir)?);
    }
    for p in parts("县农业农村局_耕地地力保护补贴", "csv", 1, share(30), &batches) {
        expected.push(gengdi(&mut g, &p, dir)?);
    }
    for p in parts("县医疗保障局_医疗救助", "csv", 1, share(8), &batches) {
        expected.push(yiliao(&mut g, &p, dir)?);
    }
    for p in parts("县人力资源和社会保障局_公益性岗位", "txt", 1, share(8), &months()) {
        expected.push(gongyi(&mut g, &p, dir)?);
    }
    let persons_of_interest = g.placed.iter().filter(|&&b| b).count();
    Ok(RollsOut { slots: g.slots, files: g.files, rows: g.rows, persons_of_interest, decoys: g.decoys })
}

fn xlsx_file(file: &str, sheets: Vec<ExpSheet>) -> ExpFile {
    ExpFile { file: file.to_string(), dir: "rolls", kind: "roll", format: "xlsx", encoding: None, delimiter: None, sheets }
}

fn last_day(period: &str) -> (i32, u32, u32) {
    let m: u32 = period.get(7..9).and_then(|s| s.parse().ok()).unwrap_or(10);
    (2024, m, days_in_month(2024, m))
}

// ------------------------------------------------------------ 1. 农村低保

struct Household {
    village: usize,
    members: Vec<(Slot, &'static str)>,
    amounts: Vec<f64>,
}

/// How a household member is written relative to the head, by age and sex.
fn relation_to_head(rng: &mut Rng, head: &Person, m: &Person) -> &'static str {
    let gap = m.birth.0 - head.birth.0;
    match (gap, m.male) {
        (..=-18, true) => "父亲",
        (..=-18, false) => "母亲",
        (-17..=14, _) if m.male != head.male && rng.chance(0.6) => "配偶",
        (-17..=14, true) => if gap < 0 { "兄" } else { "弟" },
        (-17..=14, false) => if gap < 0 { "姐" } else { "妹" },
        (15..=39, true) => rng.pick::<&str>(&["子", "儿子", "长子", "次子"]),
        (15..=39, false) => rng.pick::<&str>(&["女", "女儿", "儿媳", "长女"]),
        (_, true) => "孙子",
        (_, false) => "孙女",
    }
}

fn dibao(g: &mut Gen, p: &Part, multi_sheet: bool, cm: bool, dir: &Path) -> Result<ExpFile, SynthError> {
    let path = dir.join(&p.file);
    let mut wb = new_workbook(&path)?;
    let mut sheets = Vec::new();
    let towns: Vec<usize> = if multi_sheet { (0..TOWNSHIPS.len()).collect() } else { p.towns.clone() };
    let per_sheet = (p.rows / towns.len()).max(1);
    let (ly, lm, ld) = last_day(&p.period);
    for (si, &t) in towns.iter().enumerate() {
        let town = TOWNSHIPS[t].0;
        // Plan households.
        let mut hh: Vec<Household> = Vec::new();
        let mut n = 0;
        while n < per_sheet {
            let mut size = [1usize, 2, 3, 4, 5][g.rng.weighted(&[25, 25, 25, 15, 10])];
            let rate = 1.0 - (1.0 - POI_RATE).powi(size as i32);
            let anchor = g.anchor(&[t], Age::Any, rate);
            // Minors are never the head of a household.
            let minor = g.world.people[anchor.person].birth.0 > 2005;
            let pos = if minor {
                size = size.max(2);
                1 + g.rng.below(size - 1)
            } else if anchor.poi {
                g.rng.below(size)
            } else {
                0
            };
            let village = g.world.people[anchor.person].village;
            let head_term = if g.rng.chance(0.8) { "户主" } else { "本人" };
            let mut members = Vec::new();
            let mut anchor = Some(anchor);
            for i in 0..size {
                let s = if i == pos {
                    anchor.take().unwrap_or_else(|| g.slot(0, false, false))
                } else {
                    let q = g.stranger_in(village, if i == 0 { Age::Adult } else { Age::Any });
                    g.slot(q, false, false)
                };
                let rel = if i == 0 {
                    head_term
                } else {
                    let head = members.first().map_or(s.person, |m: &(Slot, &str)| m.0.person);
                    relation_to_head(&mut g.rng, &g.world.people[head], &g.world.people[s.person])
                };
                members.push((s, rel));
            }
            let amounts = (0..size).map(|_| g.rng.range(380, 620) as f64).collect();
            n += size;
            hh.push(Household { village, members, amounts });
        }
        hh.sort_by_key(|h| h.village);

        let spaced = si % 2 == 1;
        let headers: [&str; 9] = if spaced {
            ["序  号", "乡 镇", "村（社区）", "户主\n姓名", "家庭成员\n姓名", "身份证\n号码", "与户主\n关系", "保障\n金额", "发放\n月份"]
        } else {
            ["序号", "乡镇", "村(社区)", "户主姓名", "家庭成员姓名", "身份证号码", "与户主关系", "保障金额", "发放月份"]
        };
        let roles = ["seq", "township", "village", "name:household_head", "name:member", "id:member", "relation_to_head", "amount", "date"];
        let mut exp = ExpSheet::table(town, 4, headers.iter().map(|h| col_key(h)).zip(roles).collect());
        let total_col: u16 = if si % 3 == 2 { 0 } else { 3 };
        {
            let ws = add_sheet(&mut wb, town, cm, &path)?;
            let mut sh = Sh::new(ws, &path);
            sh.widths(&[6.0, 10.0, 12.0, 10.0, 12.0, 21.0, 10.0, 10.0, 12.0])?;
            sh.merge(0, 0, 0, 8, &format!("示例县{}农村最低生活保障金发放花名册", p.period))?;
            sh.s(1, 0, &format!("填报单位：县民政局   单位：元   日期：{ly}-{lm:02}-{ld:02}"))?;
            for (c, h) in headers.iter().enumerate() {
                sh.s(3, c as u16, h)?;
            }
            let mut r: u32 = 4;
            let mut seq = 0;
            let mut grand = 0.0;
            let mut i = 0;
            while i < hh.len() {
                let v = hh[i].village;
                let j = (i..hh.len()).find(|&j| hh[j].village != v).unwrap_or(hh.len());
                let block: u32 = hh[i..j].iter().map(|h| h.members.len() as u32).sum();
                sh.merge(r, 1, r + block - 1, 1, town)?;
                sh.merge(r, 2, r + block - 1, 2, g.world.villages[v].name)?;
                let mut sub = 0.0;
                for h in &hh[i..j] {
                    let head = g.world.people[h.members[0].0.person].name.clone();
                    sh.merge(r, 3, r + h.members.len() as u32 - 1, 3, &head)?;
                    for ((s, rel), &a) in h.members.iter().zip(&h.amounts) {
                        seq += 1;
                        sh.s(r, 0, &seq.to_string())?;
                        sh.s(r, 4, &s.text.name)?;
                        sh.s(r, 5, &id_text(s))?;
                        sh.s(r, 6, rel)?;
                        sh.n(r, 7, a)?;
                        sh.s(r, 8, &p.period)?;
                        g.record(&p.file, town, r + 1, "member", s);
                        sub += a;
                        exp.data_rows += 1;
                        r += 1;
                    }
                }
                sh.s(r, total_col, "小计")?;
                sh.n(r, 7, sub)?;
                exp.skipped.total += 1;
                grand += sub;
                r += 1;
                i = j;
            }
            sh.s(r, total_col, "合计")?;
            sh.n(r, 7, grand)?;
            exp.skipped.total += 1;
            r += 2;
            exp.skipped.blank += 1;
            let a = FOOTER_NAMES[si % FOOTER_NAMES.len()];
            let b = FOOTER_NAMES[(si + 3) % FOOTER_NAMES.len()];
            sh.s(r, 0, &format!("制表人：{a}    审核人：{b}"))?;
            sh.s(r + 1, 0, &format!("填报日期：{ly}年{lm}月{ld}日"))?;
            exp.skipped.footer += 2;
        }
        g.rows += exp.data_rows as usize;
        sheets.push(exp);
    }
    save(&mut wb, &path)?;
    g.files += 1;
    Ok(xlsx_file(&p.file, sheets))
}

// ------------------------------------------------------------ 2. 临时救助

/// 15 significant digits, as Excel keeps them.
fn excel_number(id: &str) -> f64 {
    let v: u64 = format!("{}000", &id[..15]).parse().unwrap_or(0);
    v as f64
}

fn linshi(g: &mut Gen, p: &Part, cm: bool, dir: &Path) -> Result<ExpFile, SynthError> {
    let path = dir.join(&p.file);
    let sheet = "临时救助";
    let mut wb = new_workbook(&path)?;
    let headers = ["序号", "救助对象", "身份证号", "乡镇", "村", "救助金额（元）", "审批单位", "发放日期"];
    let roles = ["seq", "name:beneficiary", "id:beneficiary", "township", "village", "amount", "unit", "date"];
    let mut exp = ExpSheet::table(sheet, 1, headers.iter().map(|h| col_key(h)).zip(roles).collect());
    let (_, lm, _) = last_day(&p.period);
    let single = p.towns.len() == 1;
    {
        let ws = add_sheet(&mut wb, sheet, cm, &path)?;
        let mut sh = Sh::new(ws, &path);
        sh.widths(&[6.0, 10.0, 21.0, 10.0, 10.0, 14.0, 16.0, 12.0])?;
        for (c, h) in headers.iter().enumerate() {
            sh.s(0, c as u16, h)?;
        }
        for i in 0..p.rows as u32 {
            let r = i + 1;
            let mut s = g.anchor(&p.towns, Age::Any, POI_RATE);
            let t = g.world.town_of(s.person);
            sh.s(r, 0, &(i + 1).to_string())?;
            sh.s(r, 1, &s.text.name)?;
            match &s.text.id {
                IdCell::Text(t) if s.text.id_noise == "clean" && !t.ends_with('X') => {
                    sh.n(r, 2, excel_number(t))?;
                    s.text.id_noise = "excel_number";
                }
                _ => sh.s(r, 2, &id_text(&s))?,
            }
            sh.s(r, 3, TOWNSHIPS[t].0)?;
            sh.s(r, 4, g.vname(s.person))?;
            sh.n(r, 5, (g.rng.range(3, 50) * 100) as f64)?;
            sh.s(r, 6, TOWNSHIPS[t].1)?;
            let d = if single {
                let m = lm;
                (2024, m, g.rng.range(1, i64::from(days_in_month(2024, m))) as u32)
            } else {
                random_date(&mut g.rng, 2024, 2024)
            };
            let d = if d.1 > 10 { (2024, d.1 - 2, d.2.min(30)) } else { d };
            if g.rng.chance(0.85) {
                sh.date(r, 7, d)?;
            } else {
                sh.s(r, 7, &format!("{}/{}/{}", d.0, d.1, d.2))?;
            }
            g.record(&p.file, sheet, r + 1, "beneficiary", &s);
            exp.data_rows += 1;
        }
    }
    {
        let ws = add_sheet(&mut wb, "说明", cm, &path)?;
        let mut sh = Sh::new(ws, &path);
        sh.s(0, 0, "填表说明：")?;
        sh.s(1, 0, "1. 本表由各乡镇（街道）审核后报县民政局汇总，救助金额单位为元。")?;
        sh.s(2, 0, "2. 身份证号须与户籍信息一致，发放日期以银行代发日期为准。")?;
        sh.s(3, 0, "3. 同一家庭同一事由年度内原则上不重复救助。")?;
    }
    save(&mut wb, &path)?;
    g.files += 1;
    g.rows += exp.data_rows as usize;
    Ok(xlsx_file(&p.file, vec![exp, ExpSheet::no_table("说明")]))
}

// ------------------------------------------------------------ 3. 危房改造

fn weifang(g: &mut Gen, p: &Part, cm: bool, dir: &Path) -> Result<ExpFile, SynthError> {
    let path = dir.join(&p.file);
    let sheet = "危房改造";
    let mut wb = new_workbook(&path)?;
    let cols = vec![
        (col_key2("序号", ""), "seq"),
        (col_key2("乡镇", ""), "township"),
        (col_key2("村", ""), "village"),
        (col_key2("户主", "姓名"), "name:household_head"),
        (col_key2("户主", "身份证号"), "id:household_head"),
        (col_key2("补助金额（万元）", ""), "amount"),
        (col_key2("验收日期", ""), "date"),
    ];
    let mut exp = ExpSheet::table(sheet, 3, cols);
    let mut per_town = vec![(0u32, 0.0f64); TOWNSHIPS.len()];
    {
        let ws = add_sheet(&mut wb, sheet, cm, &path)?;
        let mut sh = Sh::new(ws, &path);
        sh.widths(&[6.0, 10.0, 10.0, 10.0, 21.0, 14.0, 12.0])?;
        sh.merge(0, 0, 0, 6, &format!("示例县{}农村危房改造补助资金发放花名册", p.period))?;
        for (c, h) in [(0u16, "序号"), (1, "乡镇"), (2, "村")] {
            sh.merge(1, c, 2, c, h)?;
        }
        sh.merge(1, 3, 1, 4, "户主")?;
        sh.merge(1, 5, 2, 5, "补助金额（万元）")?;
        sh.merge(1, 6, 2, 6, "验收日期")?;
        sh.s(2, 3, "姓名")?;
        sh.s(2, 4, "身份证号")?;
        for i in 0..p.rows as u32 {
            let r = i + 3;
            let s = g.anchor(&p.towns, Age::Adult, POI_RATE);
            let t = g.world.town_of(s.person);
            let a = g.rng.range(80, 350) as f64 / 100.0;
            sh.s(r, 0, &(i + 1).to_string())?;
            sh.s(r, 1, TOWNSHIPS[t].0)?;
            sh.s(r, 2, g.vname(s.person))?;
            sh.s(r, 3, &s.text.name)?;
            sh.s(r, 4, &id_text(&s))?;
            sh.n(r, 5, a)?;
            let d = random_date(&mut g.rng, 2024, 2024);
            sh.date(r, 6, (2024, d.1.min(10), d.2.min(30)))?;
            g.record(&p.file, sheet, r + 1, "household_head", &s);
            per_town[t].0 += 1;
            per_town[t].1 += a;
            exp.data_rows += 1;
        }
    }
    {
        let ws = add_sheet(&mut wb, "汇总", cm, &path)?;
        let mut sh = Sh::new(ws, &path);
        for (c, h) in ["乡镇", "户数", "金额"].iter().enumerate() {
            sh.s(0, c as u16, h)?;
        }
        let mut r = 1;
        for (t, (n, a)) in per_town.iter().enumerate() {
            if *n > 0 {
                sh.s(r, 0, TOWNSHIPS[t].0)?;
                sh.n(r, 1, f64::from(*n))?;
                sh.n(r, 2, (a * 100.0).round() / 100.0)?;
                r += 1;
            }
        }
    }
    save(&mut wb, &path)?;
    g.files += 1;
    g.rows += exp.data_rows as usize;
    Ok(xlsx_file(&p.file, vec![exp, ExpSheet::no_table("汇总")]))
}

// ------------------------------------------------------------ 4. 学生资助

fn school(g: &mut Gen, town: usize, by: i32) -> (String, String, &'static str, f64) {
    let age = 2024 - by;
    let t = TOWNSHIPS[town].0;
    const N: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
    match age {
        ..=11 => {
            let gr = (age - 6).clamp(0, 5) as usize;
            (format!("{t}中心小学"), format!("{}年级", N[gr]), "义务教育家庭经济困难学生生活补助", 500.0)
        }
        12..=14 => (format!("{t}初级中学"), format!("初{}", N[(age - 12) as usize]), "义务教育家庭经济困难学生生活补助", 625.0),
        15..=17 => {
            let s = if g.rng.chance(0.3) { "示例县职业教育中心" } else { *g.rng.pick(&["示例县第一中学", "示例县第二中学"]) };
            let proj = if s.contains("职业") { "中职国家助学金" } else { "普通高中国家助学金" };
            (s.to_string(), format!("高{}", N[(age - 15) as usize]), proj, 1000.0)
        }
        _ => ("某某职业技术学院".to_string(), format!("大{}", N[((age - 18) as usize).min(3)]), "生源地助学金", 2000.0),
    }
}

fn xuesheng(g: &mut Gen, p: &Part, cm: bool, dir: &Path) -> Result<ExpFile, SynthError> {
    let path = dir.join(&p.file);
    let sheet = "资助名单";
    let mut wb = new_workbook(&path)?;
    let headers = ["学生姓名", "学生身份证号", "学校", "年级", "监护人姓名", "监护人身份证号", "乡镇", "村", "资助金额", "资助项目"];
    let roles = ["name:beneficiary", "id:beneficiary", "unmapped", "unmapped", "name:guardian", "id:guardian", "township", "village", "amount", "program"];
    let mut exp = ExpSheet::table(sheet, 1, headers.iter().map(|h| col_key(h)).zip(roles).collect());
    {
        let ws = add_sheet(&mut wb, sheet, cm, &path)?;
        let mut sh = Sh::new(ws, &path);
        sh.widths(&[10.0, 21.0, 18.0, 8.0, 10.0, 21.0, 10.0, 10.0, 10.0, 30.0])?;
        for (c, h) in headers.iter().enumerate() {
            sh.s(0, c as u16, h)?;
        }
        let split = (p.rows as u32).div_ceil(2);
        let mut r: u32 = 1;
        for i in 0..p.rows as u32 {
            if i == split && i > 0 {
                // A second block pasted below: blank row, repeated header.
                r += 1;
                exp.skipped.blank += 1;
                for (c, h) in headers.iter().enumerate() {
                    sh.s(r, c as u16, h)?;
                }
                exp.skipped.header += 1;
                r += 1;
            }
            let (st, gu) = g.pair(&p.towns, Age::Student, Age::Guardian);
            let t = g.world.town_of(st.person);
            let (sc, grade, proj, amt) = school(g, t, g.world.people[st.person].birth.0);
            sh.s(r, 0, &st.text.name)?;
            sh.s(r, 1, &id_text(&st))?;
            sh.s(r, 2, &sc)?;
            sh.s(r, 3, &grade)?;
            sh.s(r, 4, &gu.text.name)?;
            sh.s(r, 5, &id_text(&gu))?;
            sh.s(r, 6, TOWNSHIPS[t].0)?;
            sh.s(r, 7, g.vname(st.person))?;
            sh.n(r, 8, amt)?;
            sh.s(r, 9, proj)?;
            g.record(&p.file, sheet, r + 1, "beneficiary", &st);
            g.record(&p.file, sheet, r + 1, "guardian", &gu);
            exp.data_rows += 1;
            r += 1;
        }
    }
    save(&mut wb, &path)?;
    g.files += 1;
    g.rows += exp.data_rows as usize;
    Ok(xlsx_file(&p.file, vec![exp]))
}

// ------------------------------------------------------------ 5. 工程项目

fn gongcheng(g: &mut Gen, p: &Part, cm: bool, dir: &Path) -> Result<ExpFile, SynthError> {
    let path = dir.join(&p.file);
    let sheet = "工程项目";
    let mut wb = new_workbook(&path)?;
    let cols = vec![
        (col_key2("项目名称", ""), "program"),
        (col_key2("中标单位", ""), "contractor"),
        (col_key2("法定代表人", "姓名"), "name:legal_rep"),
        (col_key2("法定代表人", "身份证号"), "id:legal_rep"),
        (col_key2("委托代理人", "姓名"), "name:agent"),
        (col_key2("委托代理人", "身份证号"), "id:agent"),
        (col_key2("合同金额（万元）", ""), "amount"),
        (col_key2("乡镇", ""), "township"),
        (col_key2("验收日期", ""), "date"),
    ];
    let mut exp = ExpSheet::table(sheet, 3, cols);
    const KINDS: [&str; 5] = ["道路硬化工程", "便民桥建设工程", "安全生命防护工程", "通组公路改造工程", "产业路建设项目"];
    const WORDS: [&str; 8] = ["宏达", "鑫源", "恒通", "顺发", "金桥", "联建", "同创", "远大"];
    {
        let ws = add_sheet(&mut wb, sheet, cm, &path)?;
        let mut sh = Sh::new(ws, &path);
        sh.widths(&[30.0, 28.0, 10.0, 21.0, 10.0, 21.0, 14.0, 10.0, 12.0])?;
        sh.merge(0, 0, 0, 8, "示例县2024年农村公路建设项目验收情况表")?;
        for (c, h) in [(0u16, "项目名称"), (1, "中标单位"), (6, "合同金额（万元）"), (7, "乡镇"), (8, "验收日期")] {
            sh.merge(1, c, 2, c, h)?;
        }
        sh.merge(1, 2, 1, 3, "法定代表人")?;
        sh.merge(1, 4, 1, 5, "委托代理人")?;
        for (c, h) in [(2u16, "姓名"), (3, "身份证号"), (4, "姓名"), (5, "身份证号")] {
            sh.s(2, c, h)?;
        }
        for i in 0..p.rows as u32 {
            let r = i + 3;
            let (lr, ag) = g.pair(&p.towns, Age::Working, Age::Working);
            let t = g.world.town_of(lr.person);
            let project = format!("{}{}{}", TOWNSHIPS[t].0, g.vname(lr.person), g.rng.pick(&KINDS));
            let w = *g.rng.pick(&WORDS);
            let contractor = if g.rng.chance(0.7) { format!("示例县{w}建筑工程有限公司") } else { format!("重庆{w}路桥工程有限公司") };
            sh.s(r, 0, &project)?;
            sh.s(r, 1, &contractor)?;
            sh.s(r, 2, &lr.text.name)?;
            sh.s(r, 3, &id_text(&lr))?;
            sh.s(r, 4, &ag.text.name)?;
            sh.s(r, 5, &id_text(&ag))?;
            sh.n(r, 6, g.rng.range(1500, 80000) as f64 / 100.0)?;
            sh.s(r, 7, TOWNSHIPS[t].0)?;
            let d = random_date(&mut g.rng, 2024, 2024);
            sh.date(r, 8, (2024, d.1.min(10), d.2.min(30)))?;
            g.record(&p.file, sheet, r + 1, "legal_rep", &lr);
            g.record(&p.file, sheet, r + 1, "agent", &ag);
            exp.data_rows += 1;
        }
    }
    save(&mut wb, &path)?;
    g.files += 1;
    g.rows += exp.data_rows as usize;
    Ok(xlsx_file(&p.file, vec![exp]))
}

// ------------------------------------------------------------ 6-8. text files

fn text_file(file: &str, format: &'static str, enc: &'static str, delim: &'static str, exp: ExpSheet) -> ExpFile {
    ExpFile { file: file.to_string(), dir: "rolls", kind: "roll", format, encoding: Some(enc), delimiter: Some(delim), sheets: vec![exp] }
}

fn gengdi(g: &mut Gen, p: &Part, dir: &Path) -> Result<ExpFile, SynthError> {
    let path = dir.join(&p.file);
    let headers = ["乡镇", "村", "组", "姓名", "身份证号", "补贴面积（亩）", "补贴金额", "持卡人姓名", "持卡人身份证号"];
    let roles = ["township", "village", "group", "name:beneficiary", "id:beneficiary", "unmapped", "amount", "name:payee", "id:payee"];
    let mut exp = ExpSheet::table("", 1, headers.iter().map(|h| col_key(h)).zip(roles).collect());
    let mut recs: Vec<Vec<String>> = vec![headers.iter().map(|s| s.to_string()).collect()];
    for _ in 0..p.rows {
        let line = recs.len() as u32 + 1;
        let (own, payee) = if g.rng.chance(0.05) {
            let (a, b) = g.pair(&p.towns, Age::Adult, Age::Adult);
            if a.person == b.person { (a, None) } else { (a, Some(b)) }
        } else {
            (g.anchor(&p.towns, Age::Adult, POI_RATE), None)
        };
        let person = &g.world.people[own.person];
        let area = g.rng.range(80, 1500) as f64 / 100.0;
        recs.push(vec![
            g.tname(own.person).to_string(),
            g.vname(own.person).to_string(),
            format!("{}组", person.group),
            own.text.name.clone(),
            id_text(&own),
            amount(area),
            format!("{:.2}", area * 105.6),
            payee.as_ref().map(|s| s.text.name.clone()).unwrap_or_default(),
            payee.as_ref().map(id_text).unwrap_or_default(),
        ]);
        g.record(&p.file, "", line, "beneficiary", &own);
        if let Some(s) = &payee {
            g.record(&p.file, "", line, "payee", s);
        }
        exp.data_rows += 1;
    }
    write_delimited(&path, &recs, ',', TextEnc::Gbk)?;
    g.files += 1;
    g.rows += exp.data_rows as usize;
    Ok(text_file(&p.file, "csv", "GBK", ",", exp))
}

fn yiliao(g: &mut Gen, p: &Part, dir: &Path) -> Result<ExpFile, SynthError> {
    let path = dir.join(&p.file);
    let headers = ["救助对象姓名", "公民身份号码", "乡镇(街道)", "村(社区)", "救助类别", "救助金额", "支付日期"];
    let roles = ["name:beneficiary", "id:beneficiary", "township", "village", "program", "amount", "date"];
    let mut exp = ExpSheet::table("", 1, headers.iter().map(|h| col_key(h)).zip(roles).collect());
    let mut recs: Vec<Vec<String>> = vec![headers.iter().map(|s| s.to_string()).collect()];
    for _ in 0..p.rows {
        let line = recs.len() as u32 + 1;
        let s = g.anchor(&p.towns, Age::Any, POI_RATE);
        let d = random_date(&mut g.rng, 2024, 2024);
        let d = (2024, d.1.min(10), d.2.min(30));
        let date = if g.rng.chance(0.5) { format!("{}{:02}{:02}", d.0, d.1, d.2) } else { format!("{}-{:02}-{:02}", d.0, d.1, d.2) };
        let kind = *g.rng.pick(&["住院救助", "门诊救助", "重特大疾病救助", "资助参保"]);
        recs.push(vec![
            s.text.name.clone(),
            id_text(&s),
            g.tname(s.person).to_string(),
            g.vname(s.person).to_string(),
            kind.to_string(),
            amount(g.rng.range(5000, 3_000_000) as f64 / 100.0),
            date,
        ]);
        g.record(&p.file, "", line, "beneficiary", &s);
        exp.data_rows += 1;
    }
    write_delimited(&path, &recs, ',', TextEnc::Utf8Bom)?;
    g.files += 1;
    g.rows += exp.data_rows as usize;
    Ok(text_file(&p.file, "csv", "UTF-8", ",", exp))
}

fn gongyi(g: &mut Gen, p: &Part, dir: &Path) -> Result<ExpFile, SynthError> {
    let path = dir.join(&p.file);
    let headers = ["姓名", "身份证号", "岗位", "乡镇", "村", "补贴金额", "发放月份"];
    let roles = ["name:beneficiary", "id:beneficiary", "unmapped", "township", "village", "amount", "date"];
    let mut exp = ExpSheet::table("", 1, headers.iter().map(|h| col_key(h)).zip(roles).collect());
    let mut recs: Vec<Vec<String>> = vec![headers.iter().map(|s| s.to_string()).collect()];
    for _ in 0..p.rows {
        let line = recs.len() as u32 + 1;
        let s = g.anchor(&p.towns, Age::Working, POI_RATE);
        let post = *g.rng.pick(&["保洁员", "护林员", "水管员", "治安巡逻员", "乡村公路养护员", "公共设施管护员"]);
        let m = g.rng.range(1, 10);
        recs.push(vec![
            s.text.name.clone(),
            id_text(&s),
            post.to_string(),
            g.tname(s.person).to_string(),
            g.vname(s.person).to_string(),
            (g.rng.range(5, 18) * 100).to_string(),
            format!("2024年{m}月"),
        ]);
        g.record(&p.file, "", line, "beneficiary", &s);
        exp.data_rows += 1;
    }
    write_delimited(&path, &recs, '\t', TextEnc::Utf16LeBom)?;
    g.files += 1;
    g.rows += exp.data_rows as usize;
    Ok(text_file(&p.file, "txt", "UTF-16LE", "\t", exp))
}
