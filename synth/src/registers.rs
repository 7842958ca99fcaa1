//! Kinship registers (干部亲属信息登记表): one per unit, long or wide form.

use super::SynthError;
use super::noise::space_name;
use super::output::{ExpFile, ExpSheet, Sh, TextEnc, add_sheet, col_key, new_workbook, save, write_delimited};
use super::people::{Cadre, KinId, Relation, World, legacy15};
use super::rng::Rng;
use std::collections::BTreeMap;
use std::path::Path;

pub(crate) const REG_SHEET: &str = "亲属信息";
const TITLE: &str = "示例县党员干部亲属信息登记表";

/// Where a person is listed in a register.
#[derive(Clone, Debug)]
pub(crate) struct RegEntry {
    pub file: usize,
    pub sheet: &'static str,
    pub row: u32,
    pub relation: Relation,
    pub kin_id: KinId,
}

pub(crate) struct RegIndex {
    pub files: Vec<String>,
    /// Per person (index into `World::people`): register rows naming them.
    pub entries: Vec<Vec<RegEntry>>,
    /// Relative rows written (本人 rows not counted).
    pub relatives: usize,
    /// Persons listed in some register, ascending.
    pub poi: Vec<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Long,
    Wide,
    Csv,
}

fn kin_id_text(world: &World, person: usize, k: KinId) -> String {
    let id = &world.people[person].id;
    match k {
        KinId::Clean => id.clone(),
        KinId::Missing => String::new(),
        KinId::Legacy15 => legacy15(id),
    }
}

/// One register row: (relative name, term, id text, address, relation, kin id, person).
struct Line {
    name: String,
    term: String,
    id: String,
    address: String,
    relation: Relation,
    kin_id: KinId,
    person: usize,
}

fn lines(world: &World, rng: &mut Rng, c: &Cadre) -> Vec<Line> {
    let me = &world.people[c.person];
    let mut v = Vec::new();
    if c.self_row {
        v.push(Line {
            name: me.name.clone(),
            term: "本人".into(),
            id: me.id.clone(),
            address: world.units[c.unit].name.clone(),
            relation: Relation::SelfRel,
            kin_id: KinId::Clean,
            person: c.person,
        });
    }
    for r in &c.rels {
        let p = &world.people[r.person];
        let name = if rng.chance(0.01) { space_name(rng, &p.name) } else { p.name.clone() };
        v.push(Line {
            name,
            term: r.term.clone(),
            id: kin_id_text(world, r.person, r.kin_id),
            address: r.address.clone(),
            relation: r.rel,
            kin_id: r.kin_id,
            person: r.person,
        });
    }
    v
}

pub(crate) fn write_registers(world: &World, seed: u64, dir: &Path, expected: &mut Vec<ExpFile>) -> Result<RegIndex, SynthError> {
    let mut rng = Rng::new(seed, "registers");
    let mut by_unit: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, c) in world.cadres.iter().enumerate() {
        by_unit.entry(c.unit).or_default().push(i);
    }
    let first_village_unit = by_unit.keys().copied().find(|&u| world.units[u].village.is_some());
    let mut idx = RegIndex { files: Vec::new(), entries: vec![Vec::new(); world.people.len()], relatives: 0, poi: Vec::new() };
    for (&unit, cadres) in &by_unit {
        let uname = world.units[unit].name.as_str();
        let form = if uname == "县财政局" || Some(unit) == first_village_unit {
            Form::Wide
        } else if uname == "县人力资源和社会保障局" {
            Form::Csv
        } else {
            Form::Long
        };
        let file_no = idx.files.len();
        let (file, exp) = match form {
            Form::Long => long_xlsx(world, &mut rng, unit, cadres, dir, file_no, &mut idx)?,
            Form::Wide => wide_xlsx(world, unit, cadres, dir, file_no, &mut idx)?,
            Form::Csv => long_csv(world, &mut rng, unit, cadres, dir, file_no, &mut idx)?,
        };
        idx.files.push(file);
        expected.push(exp);
    }
    idx.poi = (0..idx.entries.len()).filter(|&p| !idx.entries[p].is_empty()).collect();
    Ok(idx)
}

fn push_entry(idx: &mut RegIndex, person: usize, e: RegEntry) {
    if e.relation != Relation::SelfRel {
        idx.relatives += 1;
    }
    idx.entries[person].push(e);
}

fn long_headers(rng: &mut Rng) -> Vec<String> {
    let cname = *rng.pick(&["干部姓名", "姓名", "干部姓名"]);
    let cid = if cname == "姓名" { "身份证号" } else { "干部身份证号" };
    let unit = *rng.pick(&["工作单位", "单位"]);
    let rel = *rng.pick(&["称谓", "与本人关系", "关系"]);
    let rid = *rng.pick(&["亲属身份证号", "身份证号码"]);
    ["序号", cname, cid, unit, "职务", "亲属姓名", rel, rid, "现居住地址或工作单位"].iter().map(|s| s.to_string()).collect()
}

fn long_columns(h: &[String]) -> Vec<(String, &'static str)> {
    let roles = ["seq", "name:cadre", "id:cadre", "cadre_unit", "cadre_post", "name:relative", "relation", "id:relative", "address"];
    h.iter().zip(roles).map(|(k, r)| (col_key(k), r)).collect()
}

fn long_xlsx(world: &World, rng: &mut Rng, unit: usize, cadres: &[usize], dir: &Path, file_no: usize, idx: &mut RegIndex) -> Result<(String, ExpFile), SynthError> {
    let uname = &world.units[unit].name;
    let file = format!("{uname}_干部亲属信息登记表.xlsx");
    let path = dir.join(&file);
    let mut wb = new_workbook(&path)?;
    let headers = long_headers(rng);
    let mut exp = ExpSheet::table(REG_SHEET, 3, long_columns(&headers));
    {
        let ws = add_sheet(&mut wb, REG_SHEET, false, &path)?;
        let mut sh = Sh::new(ws, &path);
        sh.widths(&[6.0, 10.0, 21.0, 22.0, 10.0, 10.0, 10.0, 21.0, 28.0])?;
        sh.merge(0, 0, 0, 8, TITLE)?;
        sh.s(1, 0, &format!("填报单位：{uname}      填报日期：2024年10月"))?;
        for (c, h) in headers.iter().enumerate() {
            sh.s(2, c as u16, h)?;
        }
        let mut r: u32 = 3;
        for (k, &ci) in cadres.iter().enumerate() {
            let c = &world.cadres[ci];
            let me = &world.people[c.person];
            let ls = lines(world, rng, c);
            let last = r + ls.len() as u32 - 1;
            let vals = [(k + 1).to_string(), me.name.clone(), me.id.clone(), uname.clone(), c.post.to_string()];
            for (col, v) in vals.iter().enumerate() {
                sh.merge(r, col as u16, last, col as u16, v)?;
            }
            push_entry(idx, c.person, RegEntry { file: file_no, sheet: REG_SHEET, row: r + 1, relation: Relation::SelfRel, kin_id: KinId::Clean });
            for l in ls {
                sh.s(r, 5, &l.name)?;
                sh.s(r, 6, &l.term)?;
                sh.s(r, 7, &l.id)?;
                sh.s(r, 8, &l.address)?;
                if l.relation != Relation::SelfRel {
                    push_entry(idx, l.person, RegEntry { file: file_no, sheet: REG_SHEET, row: r + 1, relation: l.relation, kin_id: l.kin_id });
                }
                exp.data_rows += 1;
                r += 1;
            }
        }
    }
    save(&mut wb, &path)?;
    Ok((file.clone(), ExpFile { file, dir: "registers", kind: "register", format: "xlsx", encoding: None, delimiter: None, sheets: vec![exp] }))
}

fn long_csv(world: &World, rng: &mut Rng, unit: usize, cadres: &[usize], dir: &Path, file_no: usize, idx: &mut RegIndex) -> Result<(String, ExpFile), SynthError> {
    let uname = &world.units[unit].name;
    let file = format!("{uname}_干部亲属信息登记表.csv");
    let path = dir.join(&file);
    let headers = long_headers(rng);
    let mut exp = ExpSheet::table("", 1, long_columns(&headers));
    let mut recs: Vec<Vec<String>> = vec![headers.clone()];
    for (k, &ci) in cadres.iter().enumerate() {
        let c = &world.cadres[ci];
        let me = &world.people[c.person];
        let first_line = recs.len() as u32 + 1;
        push_entry(idx, c.person, RegEntry { file: file_no, sheet: "", row: first_line, relation: Relation::SelfRel, kin_id: KinId::Clean });
        for l in lines(world, rng, c) {
            let line = recs.len() as u32 + 1;
            if l.relation != Relation::SelfRel {
                push_entry(idx, l.person, RegEntry { file: file_no, sheet: "", row: line, relation: l.relation, kin_id: l.kin_id });
            }
            recs.push(vec![
                (k + 1).to_string(),
                me.name.clone(),
                me.id.clone(),
                uname.clone(),
                c.post.to_string(),
                l.name,
                l.term,
                l.id,
                l.address,
            ]);
            exp.data_rows += 1;
        }
    }
    write_delimited(&path, &recs, ',', TextEnc::Utf8Bom)?;
    Ok((
        file.clone(),
        ExpFile { file, dir: "registers", kind: "register", format: "csv", encoding: Some("UTF-8"), delimiter: Some(","), sheets: vec![exp] },
    ))
}

const WIDE_GROUPS: [&str; 5] = ["配偶", "父亲", "母亲", "子女1", "子女2"];

fn wide_xlsx(world: &World, unit: usize, cadres: &[usize], dir: &Path, file_no: usize, idx: &mut RegIndex) -> Result<(String, ExpFile), SynthError> {
    let uname = &world.units[unit].name;
    let file = format!("{uname}_干部亲属信息登记表.xlsx");
    let path = dir.join(&file);
    let mut headers: Vec<(String, String)> = vec![
        ("姓名".into(), "name:cadre".into()),
        ("身份证号".into(), "id:cadre".into()),
        ("工作单位".into(), "cadre_unit".into()),
        ("职务".into(), "cadre_post".into()),
    ];
    for g in WIDE_GROUPS {
        headers.push((format!("{g}姓名"), format!("name:relative:{g}")));
        headers.push((format!("{g}身份证号"), format!("id:relative:{g}")));
    }
    let mut exp = ExpSheet::table(REG_SHEET, 2, Vec::new());
    exp.columns.0 = headers.iter().map(|(h, r)| (col_key(h), r.clone())).collect();
    let mut wb = new_workbook(&path)?;
    {
        let ws = add_sheet(&mut wb, REG_SHEET, false, &path)?;
        let mut sh = Sh::new(ws, &path);
        sh.merge(0, 0, 0, headers.len() as u16 - 1, TITLE)?;
        for (c, (h, _)) in headers.iter().enumerate() {
            sh.s(1, c as u16, h)?;
        }
        for (k, &ci) in cadres.iter().enumerate() {
            let r = 2 + k as u32;
            let c = &world.cadres[ci];
            let me = &world.people[c.person];
            sh.s(r, 0, &me.name)?;
            sh.s(r, 1, &me.id)?;
            sh.s(r, 2, uname)?;
            sh.s(r, 3, c.post)?;
            push_entry(idx, c.person, RegEntry { file: file_no, sheet: REG_SHEET, row: r + 1, relation: Relation::SelfRel, kin_id: KinId::Clean });
            let spouse = c.rels.iter().find(|x| x.rel == Relation::Spouse);
            let father = c.rels.iter().find(|x| x.rel == Relation::Parent && world.people[x.person].male);
            let mother = c.rels.iter().find(|x| x.rel == Relation::Parent && !world.people[x.person].male);
            let mut kids = c.rels.iter().filter(|x| x.rel == Relation::Child);
            let slots = [spouse, father, mother, kids.next(), kids.next()];
            for (g, rel) in slots.iter().enumerate() {
                if let Some(rel) = rel {
                    let col = 4 + 2 * g as u16;
                    sh.s(r, col, &world.people[rel.person].name)?;
                    sh.s(r, col + 1, &kin_id_text(world, rel.person, rel.kin_id))?;
                    push_entry(idx, rel.person, RegEntry { file: file_no, sheet: REG_SHEET, row: r + 1, relation: rel.rel, kin_id: rel.kin_id });
                }
            }
            exp.data_rows += 1;
        }
    }
    save(&mut wb, &path)?;
    Ok((file.clone(), ExpFile { file, dir: "registers", kind: "register", format: "xlsx", encoding: None, delimiter: None, sheets: vec![exp] }))
}
