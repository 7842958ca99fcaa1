//! The invented population: villages, units, cadres with their relatives,
//! and the county residents who fill the rolls.

use super::names::*;
use super::rng::Rng;
use kinmatch::normalize::id::check_char;
use std::collections::HashSet;

pub(crate) use kinmatch::normalize::relation::Relation;

/// Parents and grandparents: the relatives registers most often leave without an ID.
fn elderly(r: Relation) -> bool {
    matches!(r, Relation::Parent | Relation::ParentInLaw | Relation::Grandparent)
}

/// How the register wrote a relative's ID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KinId {
    Clean,
    Missing,
    Legacy15,
}

impl KinId {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            KinId::Clean => "clean",
            KinId::Missing => "missing",
            KinId::Legacy15 => "legacy15",
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Person {
    pub name: String,
    /// Always a valid 18-character ID (the person's true ID).
    pub id: String,
    pub male: bool,
    pub birth: (i32, u32, u32),
    /// Index into `World::villages` (the household registration place).
    pub village: usize,
    pub group: u8,
}

#[derive(Clone, Debug)]
pub(crate) struct Village {
    pub town: usize,
    pub name: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Bureau,
    Town,
    Village,
}

#[derive(Clone, Debug)]
pub(crate) struct Unit {
    pub name: String,
    pub kind: UnitKind,
    pub town: Option<usize>,
    pub village: Option<usize>,
}

#[derive(Clone, Debug)]
pub(crate) struct Rel {
    pub person: usize,
    pub term: String,
    pub rel: Relation,
    pub kin_id: KinId,
    pub address: String,
}

#[derive(Clone, Debug)]
pub(crate) struct Cadre {
    pub person: usize,
    pub unit: usize,
    pub post: &'static str,
    /// The register has an explicit 本人 row for this cadre.
    pub self_row: bool,
    pub rels: Vec<Rel>,
}

pub(crate) struct World {
    pub villages: Vec<Village>,
    pub town_villages: Vec<Vec<usize>>,
    pub units: Vec<Unit>,
    pub cadres: Vec<Cadre>,
    pub people: Vec<Person>,
    /// Strangers (people who are in no register), all and per village.
    pub residents: Vec<usize>,
    pub residents_by_village: Vec<Vec<usize>>,
    used: HashSet<u64>,
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub(crate) fn random_date(rng: &mut Rng, y0: i32, y1: i32) -> (i32, u32, u32) {
    let y = rng.range(i64::from(y0), i64::from(y1.max(y0))) as i32;
    let m = rng.range(1, 12) as u32;
    let d = rng.range(1, i64::from(days_in_month(y, m))) as u32;
    (y, m, d)
}

pub(crate) fn surname(rng: &mut Rng) -> &'static str {
    static W: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    let w = W.get_or_init(|| SURNAMES.iter().map(|s| s.1).collect());
    SURNAMES[rng.weighted(w)].0
}

pub(crate) fn given(rng: &mut Rng, male: bool) -> String {
    let pool = if male { GIVEN_MALE } else { GIVEN_FEMALE };
    let mut g = String::from(*rng.pick(pool));
    if rng.chance(0.62) {
        let second = rng.pick(pool);
        if !g.contains(second) {
            g.push_str(second);
        }
    }
    g
}

/// (surname, full name). The surname is "" for minority names.
pub(crate) fn full_name(rng: &mut Rng, male: bool) -> (String, String) {
    let r = rng.f64();
    if r < 0.005 {
        let pool: Vec<&str> = MINORITY_NAMES.iter().filter(|n| n.1 == male).map(|n| n.0).collect();
        return (String::new(), (*rng.pick(&pool)).to_string());
    }
    if r < 0.075 {
        let pool: Vec<&str> = COMMON_NAMES.iter().filter(|n| n.1 == male).map(|n| n.0).collect();
        let n = *rng.pick(&pool);
        let s: String = n.chars().take(1).collect();
        return (s, n.to_string());
    }
    let s = surname(rng);
    (s.to_string(), format!("{s}{}", given(rng, male)))
}

fn family_name(rng: &mut Rng, sur: &str, male: bool) -> String {
    if sur.is_empty() {
        return full_name(rng, male).1;
    }
    format!("{sur}{}", given(rng, male))
}

/// The surname part of a generated name (first char, or a compound surname).
pub(crate) fn surname_of(name: &str) -> &str {
    for (s, _) in SURNAMES {
        if s.chars().count() == 2 && name.starts_with(s) {
            return &name[..s.len()];
        }
    }
    match name.char_indices().nth(1) {
        Some((i, _)) if !name.contains('·') => &name[..i],
        _ => "",
    }
}

pub(crate) fn legacy15(id18: &str) -> String {
    format!("{}{}{}", &id18[..6], &id18[8..14], &id18[14..17])
}

impl World {
    fn region(rng: &mut Rng) -> &'static str {
        let w: Vec<u32> = REGIONS.iter().map(|r| r.1).collect();
        REGIONS[rng.weighted(&w)].0
    }

    /// A fresh, unique, valid 18-digit ID.
    pub(crate) fn make_id(&mut self, rng: &mut Rng, region: &str, birth: (i32, u32, u32), male: bool) -> String {
        loop {
            let seq = rng.below(100);
            let sex = rng.below(5) * 2 + usize::from(male);
            let first17 = format!("{region}{:04}{:02}{:02}{seq:02}{sex}", birth.0, birth.1, birth.2);
            let key: u64 = first17.parse().unwrap_or(0);
            if self.used.insert(key) {
                let c = check_char(&first17).unwrap_or('0');
                return format!("{first17}{c}");
            }
        }
    }

    pub(crate) fn add_person(&mut self, rng: &mut Rng, name: String, male: bool, birth: (i32, u32, u32), village: usize) -> usize {
        let region = Self::region(rng);
        let id = self.make_id(rng, region, birth, male);
        let group = rng.range(1, 8) as u8;
        self.people.push(Person { name, id, male, birth, village, group });
        self.people.len() - 1
    }

    pub(crate) fn town_of(&self, person: usize) -> usize {
        self.villages[self.people[person].village].town
    }

    pub(crate) fn village_text(&self, village: usize, group: u8) -> String {
        let v = &self.villages[village];
        let town = TOWNSHIPS[v.town].0;
        if v.name.ends_with("社区") {
            format!("{town}{}", v.name)
        } else {
            format!("{town}{}{group}组", v.name)
        }
    }

    fn random_village(&self, rng: &mut Rng) -> usize {
        rng.below(self.villages.len())
    }

    fn village_in_town(&self, rng: &mut Rng, town: usize) -> usize {
        *rng.pick(&self.town_villages[town])
    }

    pub(crate) fn build(seed: u64, n_cadres: usize) -> World {
        let mut rng = Rng::new(seed, "geo");
        // Villages: deal a shuffled pool out to the townships.
        let mut pool: Vec<&'static str> = VILLAGE_POOL.to_vec();
        for i in (1..pool.len()).rev() {
            let j = rng.below(i + 1);
            pool.swap(i, j);
        }
        let mut villages = Vec::new();
        let mut town_villages = Vec::new();
        let mut next = 0;
        for t in 0..TOWNSHIPS.len() {
            let n = rng.range(5, 9) as usize;
            let mut list = Vec::new();
            for _ in 0..n {
                list.push(villages.len());
                villages.push(Village { town: t, name: pool[next] });
                next += 1;
            }
            town_villages.push(list);
        }
        let mut units: Vec<Unit> = BUREAUS
            .iter()
            .map(|b| Unit { name: (*b).to_string(), kind: UnitKind::Bureau, town: None, village: None })
            .collect();
        for (t, (_, gov)) in TOWNSHIPS.iter().enumerate() {
            units.push(Unit { name: (*gov).to_string(), kind: UnitKind::Town, town: Some(t), village: None });
        }
        let mut vc = Vec::new();
        while vc.len() < 4 {
            let v = rng.below(villages.len());
            if !vc.contains(&v) {
                vc.push(v);
            }
        }
        vc.sort_unstable();
        for v in vc {
            let vn: &str = villages[v].name;
            let name = if vn.ends_with("社区") { format!("{vn}居民委员会") } else { format!("{vn}民委员会") };
            units.push(Unit { name, kind: UnitKind::Village, town: Some(villages[v].town), village: Some(v) });
        }
        let n_vill = villages.len();
        let mut w = World {
            villages,
            town_villages,
            units,
            cadres: Vec::new(),
            people: Vec::new(),
            residents: Vec::new(),
            residents_by_village: vec![Vec::new(); n_vill],
            used: HashSet::new(),
        };
        w.build_cadres(seed, n_cadres);
        let relatives: usize = w.cadres.iter().map(|c| c.rels.len()).sum();
        w.build_residents(seed, (relatives * 20).max(2000));
        w
    }

    fn post_for(&self, rng: &mut Rng, unit: usize) -> &'static str {
        let u = &self.units[unit];
        match u.kind {
            UnitKind::Bureau => rng.pick::<&str>(BUREAU_POSTS),
            UnitKind::Town if u.name.ends_with("办事处") => rng.pick::<&str>(STREET_POSTS),
            UnitKind::Town => {
                let p = *rng.pick(TOWN_POSTS);
                if TOWNSHIPS[u.town.unwrap_or(0)].0.ends_with('镇') {
                    match p {
                        "乡长" => "镇长",
                        "副乡长" => "副镇长",
                        _ => p,
                    }
                } else {
                    p
                }
            }
            UnitKind::Village => {
                let v = u.village.unwrap_or(0);
                if self.villages[v].name.ends_with("社区") { rng.pick::<&str>(COMMUNITY_POSTS) } else { rng.pick::<&str>(VILLAGE_POSTS) }
            }
        }
    }

    fn home_for_unit(&self, rng: &mut Rng, unit: usize) -> usize {
        let u = &self.units[unit];
        match (u.village, u.town) {
            (Some(v), _) => v,
            (None, Some(t)) => self.village_in_town(rng, t),
            _ => self.random_village(rng),
        }
    }

    fn pick_unit(&self, rng: &mut Rng, index: usize) -> usize {
        if index < self.units.len() {
            return index;
        }
        // Bureaus and townships hand in more names than village committees.
        let w: Vec<u32> = self
            .units
            .iter()
            .map(|u| match u.kind {
                UnitKind::Bureau => 12,
                UnitKind::Town => 10,
                UnitKind::Village => 3,
            })
            .collect();
        rng.weighted(&w)
    }

    fn address(&self, rng: &mut Rng, person: usize, rel: Relation) -> String {
        let p = &self.people[person];
        if !elderly(rel) && p.birth.0 >= 1960 && p.birth.0 <= 2002 {
            let r = rng.f64();
            if r < 0.10 {
                let u = rng.below(BUREAUS.len() + TOWNSHIPS.len());
                return if u < BUREAUS.len() { BUREAUS[u].to_string() } else { TOWNSHIPS[u - BUREAUS.len()].1.to_string() };
            }
            if r < 0.18 {
                return (*rng.pick(OUTSIDE_ADDRESSES)).to_string();
            }
        }
        self.village_text(p.village, p.group)
    }

    fn kin_id(rng: &mut Rng, rel: Relation) -> KinId {
        if elderly(rel) {
            let r = rng.f64();
            if r < 0.08 {
                return KinId::Missing;
            }
            if r < 0.11 {
                return KinId::Legacy15;
            }
        }
        KinId::Clean
    }

    fn rel(&mut self, rng: &mut Rng, person: usize, term: &str, rel: Relation) -> Rel {
        let address = self.address(rng, person, rel);
        Rel { person, term: term.to_string(), rel, kin_id: Self::kin_id(rng, rel), address }
    }

    fn new_cadre(&mut self, rng: &mut Rng, unit: usize, male: bool, birth_year: Option<i32>) -> usize {
        let by = birth_year.unwrap_or_else(|| rng.range(1964, 1998) as i32);
        let birth = random_date(rng, by, by);
        let (_, name) = full_name(rng, male);
        let home = self.home_for_unit(rng, unit);
        let person = self.add_person(rng, name, male, birth, home);
        let post = self.post_for(rng, unit);
        self.cadres.push(Cadre { person, unit, post, self_row: rng.chance(0.3), rels: Vec::new() });
        self.cadres.len() - 1
    }

    fn build_cadres(&mut self, seed: u64, n: usize) {
        let mut rng = Rng::new(seed, "cadres");
        let mut index = 0;
        while self.cadres.len() < n {
            let unit = self.pick_unit(&mut rng, index);
            index += 1;
            let male = rng.chance(0.65);
            let a = self.new_cadre(&mut rng, unit, male, None);
            let couple = self.cadres.len() < n && rng.chance(0.04);
            let b = if couple {
                let mut u2 = self.pick_unit(&mut rng, usize::MAX);
                if u2 == unit {
                    u2 = (u2 + 1) % self.units.len();
                }
                index += 1;
                let ay = self.people[self.cadres[a].person].birth.0;
                let by = (ay + rng.range(-5, 5) as i32).clamp(1962, 1998);
                Some(self.new_cadre(&mut rng, u2, !male, Some(by)))
            } else {
                None
            };
            self.family(&mut rng, a, b);
        }
    }

    /// Relatives of cadre `a`; when `b` is given, `b` is a cadre married to
    /// `a` and gets a register entry list of its own sharing the family.
    fn family(&mut self, rng: &mut Rng, a: usize, b: Option<usize>) {
        let cp = self.cadres[a].person;
        let (male, cy, home, cgroup) = {
            let p = &self.people[cp];
            (p.male, p.birth.0, p.village, p.group)
        };
        let csur = surname_of(&self.people[cp].name).to_string();
        let town = self.villages[home].town;
        let mut rels: Vec<Rel> = Vec::new();

        // Spouse.
        let sp = match b {
            Some(b) => self.cadres[b].person,
            None => {
                let y = (cy + rng.range(-8, 8) as i32).min(2000);
                let (_, name) = full_name(rng, !male);
                let birth = random_date(rng, y, y);
                self.add_person(rng, name, !male, birth, home)
            }
        };
        self.people[sp].group = cgroup;
        let spouse_term = match (rng.below(4), male) {
            (0, _) => "配偶",
            (1, _) => "爱人",
            (_, true) => "妻子",
            (_, false) => "丈夫",
        };
        let mut r = self.rel(rng, sp, spouse_term, Relation::Spouse);
        if let Some(b) = b {
            r.address = self.units[self.cadres[b].unit].name.clone();
            r.kin_id = KinId::Clean;
        }
        rels.push(r);
        let ssur = surname_of(&self.people[sp].name).to_string();

        // Parents.
        let parents_village = if rng.chance(0.7) { home } else { self.village_in_town(rng, town) };
        let fy = cy - rng.range(20, 40) as i32;
        let fy = fy.max(1926);
        let short = rng.chance(0.2);
        let fname = family_name(rng, &csur, true);
        let fb = random_date(rng, fy, fy);
        let father = self.add_person(rng, fname, true, fb, parents_village);
        let my = (fy + rng.range(-4, 5) as i32).clamp((cy - 40).max(1928), cy - 20);
        let mname = full_name(rng, false).1;
        let mb = random_date(rng, my, my);
        let mother = self.add_person(rng, mname, false, mb, parents_village);
        if parents_village == home {
            self.people[father].group = cgroup;
        }
        self.people[mother].group = self.people[father].group;
        rels.push(self.rel(rng, father, if short { "父" } else { "父亲" }, Relation::Parent));
        rels.push(self.rel(rng, mother, if short { "母" } else { "母亲" }, Relation::Parent));

        // Parents-in-law.
        let sy = self.people[sp].birth.0;
        let inlaw_village = self.random_village(rng);
        let fly = (sy - rng.range(20, 40) as i32).max(1926);
        let flname = family_name(rng, &ssur, true);
        let flb = random_date(rng, fly, fly);
        let fil = self.add_person(rng, flname, true, flb, inlaw_village);
        let mly = (fly + rng.range(-4, 5) as i32).clamp((sy - 40).max(1928), sy - 20);
        let mlname = full_name(rng, false).1;
        let mlb = random_date(rng, mly, mly);
        let mil = self.add_person(rng, mlname, false, mlb, inlaw_village);
        self.people[mil].group = self.people[fil].group;
        let zhi = rng.chance(0.1);
        let (tf, tm) = match (zhi, male) {
            (true, _) => ("配偶之父", "配偶之母"),
            (false, true) => ("岳父", "岳母"),
            (false, false) => ("公公", "婆婆"),
        };
        rels.push(self.rel(rng, fil, tf, Relation::ParentInLaw));
        rels.push(self.rel(rng, mil, tm, Relation::ParentInLaw));

        // Children (+ spouses of adult children).
        let n_children = [1usize, 1, 1, 1, 1, 2, 2, 2, 2, 3][rng.below(10)];
        let kid_sur = if male { csur.clone() } else { ssur.clone() };
        let style = rng.below(3);
        let mut years: Vec<i32> = (0..n_children)
            .map(|_| cy + rng.range(20, i64::from((2022 - cy).clamp(20, 40))) as i32)
            .collect();
        years.sort_unstable();
        let (mut sons, mut daughters) = (0, 0);
        let mut child_block: Vec<Rel> = Vec::new();
        for y in years {
            let cm = rng.chance(0.52);
            let name = family_name(rng, &kid_sur, cm);
            let birth = random_date(rng, y, y.min(2022));
            let cv = if y >= 2000 || rng.chance(0.6) { home } else { self.village_in_town(rng, town) };
            let child = self.add_person(rng, name, cm, birth, cv);
            if cv == home {
                self.people[child].group = cgroup;
            }
            let k = if cm {
                sons += 1;
                sons
            } else {
                daughters += 1;
                daughters
            };
            let term = match (style, cm) {
                (0, true) => "儿子".to_string(),
                (0, false) => "女儿".to_string(),
                (1, _) => {
                    let ord = ["长", "次", "三"][(k - 1).min(2)];
                    format!("{ord}{}", if cm { "子" } else { "女" })
                }
                (_, true) => format!("儿子{k}"),
                (_, false) => format!("女儿{k}"),
            };
            child_block.push(self.rel(rng, child, &term, Relation::Child));
            if y <= 2000 && rng.chance(0.55) {
                let sy2 = (y + rng.range(-5, 5) as i32).min(2002);
                let (_, sname) = full_name(rng, !cm);
                let sb = random_date(rng, sy2, sy2);
                let csp = self.add_person(rng, sname, !cm, sb, cv);
                self.people[csp].group = self.people[child].group;
                let term = if rng.chance(0.25) { "其配偶" } else if cm { "儿媳" } else { "女婿" };
                child_block.push(self.rel(rng, csp, term, Relation::ChildInLaw));
            }
        }
        rels.extend(child_block.iter().cloned());

        // Siblings (+ spouses).
        let n_sib = [0usize, 0, 1, 1, 1, 2, 2, 3][rng.below(8)];
        let mut sib_block: Vec<Rel> = Vec::new();
        for _ in 0..n_sib {
            let mut y = cy + rng.range(-10, 10) as i32;
            if y == cy {
                y += 1;
            }
            let y = y.min(2003);
            let sm = rng.chance(0.5);
            let name = family_name(rng, &csur, sm);
            let birth = random_date(rng, y, y);
            let sv = if rng.chance(0.6) { self.village_in_town(rng, town) } else { self.random_village(rng) };
            let sib = self.add_person(rng, name, sm, birth, sv);
            let older = y < cy;
            let term = match (sm, older) {
                (true, true) => "哥哥",
                (true, false) => "弟弟",
                (false, true) => "姐姐",
                (false, false) => "妹妹",
            };
            sib_block.push(self.rel(rng, sib, term, Relation::Sibling));
            if y <= 1998 && rng.chance(0.5) {
                let y2 = (y + rng.range(-5, 5) as i32).min(2000);
                let (_, sname) = full_name(rng, !sm);
                let sb = random_date(rng, y2, y2);
                let ssp = self.add_person(rng, sname, !sm, sb, sv);
                self.people[ssp].group = self.people[sib].group;
                let term = if rng.chance(0.2) {
                    "其配偶"
                } else {
                    match (sm, older) {
                        (true, true) => "嫂子",
                        (true, false) => "弟媳",
                        (false, true) => "姐夫",
                        (false, false) => "妹夫",
                    }
                };
                sib_block.push(self.rel(rng, ssp, term, Relation::SiblingInLaw));
            }
        }
        rels.extend(sib_block.iter().cloned());

        // Grandparents.
        if cy >= 1975 && rng.chance(0.35) {
            let lo = (cy - 70).max(1928);
            let hi = cy - 40;
            if hi >= lo {
                let n = rng.range(1, 2);
                for _ in 0..n {
                    let (term, gm) = *rng.pick(&[("祖父", true), ("祖母", false), ("外公", true), ("外婆", false), ("外祖母", false)]);
                    let y = rng.range(i64::from(lo), i64::from(hi)) as i32;
                    let name = if term == "祖父" { family_name(rng, &csur, true) } else { full_name(rng, gm).1 };
                    let birth = random_date(rng, y, y);
                    let g = self.add_person(rng, name, gm, birth, parents_village);
                    self.people[g].group = self.people[father].group;
                    rels.push(self.rel(rng, g, term, Relation::Grandparent));
                }
            }
        }
        // Grandchildren.
        if cy <= 1980 && rng.chance(0.3) {
            let lo = cy + 40;
            let hi = (cy + 70).min(2023);
            if hi >= lo {
                let n = rng.range(1, 2);
                for _ in 0..n {
                    let (term, gm) = *rng.pick(&[("孙子", true), ("孙女", false), ("外孙", true), ("外孙女", false)]);
                    let y = rng.range(i64::from(lo), i64::from(hi)) as i32;
                    let name = full_name(rng, gm).1;
                    let birth = random_date(rng, y, y);
                    let g = self.add_person(rng, name, gm, birth, home);
                    self.people[g].group = cgroup;
                    rels.push(self.rel(rng, g, term, Relation::Grandchild));
                }
            }
        }
        rels.truncate(12);
        self.cadres[a].rels = rels;

        if let Some(b) = b {
            // The other half of a cadre couple: own parents and siblings,
            // shares the in-laws (a's parents) and the children.
            let bp = self.cadres[b].person;
            let bmale = self.people[bp].male;
            let (bhome, btown) = (self.people[bp].village, self.villages[self.people[bp].village].town);
            let _ = bhome;
            let mut brels = Vec::new();
            let t = if bmale { "妻子" } else { "丈夫" };
            let term = if rng.chance(0.5) { "配偶" } else { t };
            let mut r = self.rel(rng, cp, term, Relation::Spouse);
            r.address = self.units[self.cadres[a].unit].name.clone();
            r.kin_id = KinId::Clean;
            brels.push(r);
            let pv = self.village_in_town(rng, btown);
            let fname = family_name(rng, &ssur, true);
            let fy = (self.people[bp].birth.0 - rng.range(22, 38) as i32).max(1926);
            let fb = random_date(rng, fy, fy);
            let f = self.add_person(rng, fname, true, fb, pv);
            let mname = full_name(rng, false).1;
            let mb = random_date(rng, fy + 2, fy + 2);
            let m = self.add_person(rng, mname, false, mb, pv);
            self.people[m].group = self.people[f].group;
            brels.push(self.rel(rng, f, "父亲", Relation::Parent));
            brels.push(self.rel(rng, m, "母亲", Relation::Parent));
            let (tf, tm) = if bmale { ("岳父", "岳母") } else { ("公公", "婆婆") };
            let mut r = self.cadres[a].rels[1].clone();
            r.term = tf.to_string();
            r.rel = Relation::ParentInLaw;
            brels.push(r);
            let mut r = self.cadres[a].rels[2].clone();
            r.term = tm.to_string();
            r.rel = Relation::ParentInLaw;
            brels.push(r);
            brels.extend(child_block);
            brels.truncate(12);
            self.cadres[b].rels = brels;
        }
    }

    fn build_residents(&mut self, seed: u64, n: usize) {
        let mut rng = Rng::new(seed, "residents");
        for _ in 0..n {
            let male = rng.chance(0.51);
            let decade = [1930, 1940, 1950, 1960, 1970, 1980, 1990, 2000, 2010][rng.weighted(&[3, 8, 12, 16, 16, 13, 11, 10, 11])];
            let birth = random_date(&mut rng, decade, (decade + 9).min(2020));
            let (_, name) = full_name(&mut rng, male);
            let village = self.random_village(&mut rng);
            let p = self.add_person(&mut rng, name, male, birth, village);
            self.residents.push(p);
            self.residents_by_village[village].push(p);
        }
    }

    /// A new stranger with `name` in `town`; same birth date as `like` when asked.
    pub(crate) fn add_decoy(&mut self, rng: &mut Rng, like: usize, same_birth: bool) -> usize {
        let src = self.people[like].clone();
        let town = self.villages[src.village].town;
        let village = self.village_in_town(rng, town);
        let (birth, region) = if same_birth {
            (src.birth, src.id[..6].to_string())
        } else {
            let y = (src.birth.0 + rng.range(-15, 15) as i32).clamp(1930, 2020);
            (random_date(rng, y, y), Self::region(rng).to_string())
        };
        let id = self.make_id(rng, &region, birth, src.male);
        let group = rng.range(1, 8) as u8;
        self.people.push(Person { name: src.name, id, male: src.male, birth, village, group });
        self.people.len() - 1
    }
}
