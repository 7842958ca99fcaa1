//! Turning a found table into records: roll rows with their person slots,
//! register rows with a cadre and one relative.

use super::cell::Cell;
use super::roles::{Person, Role};
use super::table::{DataRow, Table};
use super::content::split_multi;
use super::values::{is_read_date, parse_birth, parse_date, read_amount};
use crate::model::Source;
use crate::normalize::id::{IdStatus, NormId, normalize_id, normalize_id_number};
use crate::normalize::relation::{Relation, parse_relation};
use std::collections::BTreeMap;
use crate::normalize::Text;

/// An ID cell as found: text, or a number Excel stored (15 significant digits).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum RawId {
    #[default]
    Empty,
    Text(String),
    Number(f64),
}

impl RawId {
    pub fn from_cell(c: &Cell) -> RawId {
        match c {
            Cell::Empty => RawId::Empty,
            Cell::Number(f) => RawId::Number(*f),
            other => {
                let t = other.text();
                if t.trim().is_empty() { RawId::Empty } else { RawId::Text(t) }
            }
        }
    }
    pub fn normalize(&self) -> NormId {
        match self {
            RawId::Empty => normalize_id(""),
            RawId::Text(t) => normalize_id(t),
            RawId::Number(f) => normalize_id_number(*f),
        }
    }
    pub fn is_empty(&self) -> bool {
        matches!(self, RawId::Empty)
    }
}

/// One person named in a roll row.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub role: Person,
    pub name: Text,
    pub id: RawId,
    /// `id` normalized, once: for the ID-quality counts and for matching.
    pub norm: NormId,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RollRow {
    pub source: Source,
    pub slots: Vec<Slot>,
    pub township: Text,
    pub village: Text,
    pub group: Text,
    pub amount: Option<f64>,
    /// The amount as written when it could not be read (壹仟元 is read; 待定 is not).
    pub amount_unread: Text,
    pub date: Text,
    pub program: Text,
    pub unit: Text,
    pub relation_to_head: Text,
    pub contractor: Text,
    /// An address column (家庭住址 青石镇大坪村8组): the row's place when the
    /// roll has no township or village column.
    pub address: Text,
    /// The month the roll pays for as its title states it (`YYYY-MM`), or "".
    pub period: Text,
    /// Where a roll says its people live when no column does: its file name
    /// and title lines (2024年10月白沙乡低保发放表). Read at matching with the
    /// county's townships (`matching::people::roll_persons`); shared by the
    /// rows of a sheet.
    pub place_hint: Option<std::sync::Arc<str>>,
}

/// One register row: a cadre and (at most) one relative.
#[derive(Clone, Debug, PartialEq)]
pub struct KinRow {
    pub source: Source,
    pub cadre_name: String,
    pub cadre_id: RawId,
    pub cadre_unit: String,
    pub cadre_post: String,
    pub relative_name: String,
    pub relative_id: RawId,
    /// The relation term as written (配偶, 长子, 子女1 …); empty for a cadre-only row.
    pub relation_term: String,
    pub address: String,
    pub birth: String,
}

/// What a sheet's rows gave, with the counts the reports need.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    pub rolls: Vec<RollRow>,
    pub kin: Vec<KinRow>,
    pub id_status: BTreeMap<String, u64>,
    pub unusable: BTreeMap<String, u64>,
    /// Values that could not be read, by column role ("amount", "date", "birth").
    pub unreadable: BTreeMap<String, u64>,
    /// Rows given the official the file or sheet is named after: (name, source).
    pub cadre_from_name: Option<(String, &'static str)>,
}

/// File-level facts every row inherits unless a column says otherwise.
#[derive(Clone, Debug, Default)]
pub struct FileContext {
    pub file: String,
    pub sheet: String,
    pub unit: String,
    pub program: String,
    /// `YYYY-MM` from a title above the table, or "".
    pub period: String,
    /// The official the file or sheet is named after, and which
    /// ([`super::provenance::cadre_from_names`]): a register's rows no column,
    /// form line or 本人 row ties to an official are his.
    pub cadre: Option<(String, &'static str)>,
    /// The file name and the title lines ([`RollRow::place_hint`]).
    pub place_hint: Option<std::sync::Arc<str>>,
}

/// A cell's text, trimmed, borrowed where the cell holds text.
fn cell_text(row: &DataRow, col: Option<usize>) -> std::borrow::Cow<'_, str> {
    match col.map(|c| row.cell(c)) {
        None | Some(Cell::Empty) => "".into(),
        Some(Cell::Text(s)) => s.trim().into(),
        Some(other) => other.text().trim().to_string().into(),
    }
}

fn text(row: &DataRow, col: Option<usize>) -> String {
    cell_text(row, col).into_owned()
}

/// [`text`] as an inline string (no allocation for a short cell).
fn ctext(row: &DataRow, col: Option<usize>) -> Text {
    Text::from(cell_text(row, col).as_ref())
}

fn first(table: &Table, pred: impl Fn(&Role) -> bool) -> Option<usize> {
    table.columns.iter().find(|c| pred(&c.role)).map(|c| c.index)
}

fn count_status(map: &mut BTreeMap<String, u64>, st: IdStatus) -> IdStatus {
    match map.get_mut(st.as_str()) {
        Some(n) => *n += 1,
        None => drop(map.insert(st.as_str().to_string(), 1)),
    }
    st
}

fn usable(name: &str, st: IdStatus) -> bool {
    !name.trim().is_empty() || !matches!(st, IdStatus::Missing | IdStatus::Malformed)
}

/// The records of a table. The table is consumed: each row is freed as soon
/// as its record is made, so a sheet is never held twice in memory.
pub fn extract(mut table: Table, ctx: &FileContext) -> Extracted {
    let rows = std::mem::take(&mut table.rows);
    if table.not_a_roll.is_some() {
        // Every row accounted for: none is a beneficiary.
        let mut ex = Extracted::default();
        if !rows.is_empty() {
            ex.unusable.insert("other_input".into(), rows.len() as u64);
        }
        return ex;
    }
    let table = &table;
    match table.kind {
        super::roles::Kind::Roll => extract_roll(table, rows, ctx),
        super::roles::Kind::Register => extract_register(table, rows, ctx),
    }
}

/// The person slots of a roll table: (person, name column, ID column), in column order.
fn roll_slots(table: &Table) -> Vec<(Person, Option<usize>, Option<usize>)> {
    let any_id = table.columns.iter().any(|c| matches!(c.role, Role::Id(_)));
    let mut persons: Vec<Person> = Vec::new();
    for c in &table.columns {
        if let Role::Name(p) | Role::Id(p) = c.role {
            if p.is_matched() && !persons.contains(&p) {
                persons.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for p in persons {
        let name = first(table, |r| *r == Role::Name(p));
        let id = first(table, |r| *r == Role::Id(p));
        // A 户主 name without an ID column beside IDs of others is context (the
        // head over a household whose members carry the IDs), not a person to
        // match. Any other person named without an ID (家庭成员 listed by name
        // beside the head's ID, a 监护人 beside the student's) is matched by
        // name and place.
        if id.is_some() || (name.is_some() && (!any_id || p != Person::HouseholdHead)) {
            out.push((p, name, id));
        }
    }
    out.sort_by_key(|(_, n, i)| n.or(*i));
    out
}

/// The columns that may carry a slot's ID when its own ID cell lacks one,
/// each with the slot it belongs to: the 学籍号 (`G` + the ID) and any number
/// column (a 残疾证号 is the ID followed by the category and grade). A column
/// belongs to the nearest person on its left (学生姓名 | 学生身份证号 | 学籍号,
/// 姓名 | 残疾证号 | 身份证号), as any field without a qualifier.
/// Each is (slot, column, whether it is the 学籍号).
fn id_carriers(table: &Table, slots: &[(Person, Option<usize>, Option<usize>)]) -> Vec<(usize, usize, bool)> {
    let left = |c: usize, &(_, n, i): &(Person, Option<usize>, Option<usize>)| [n, i].into_iter().flatten().filter(|&x| x < c).max();
    table
        .columns
        .iter()
        .filter(|col| matches!(col.role, Role::StudentNo | Role::Account))
        .filter_map(|col| {
            let k = slots.iter().enumerate().filter_map(|(k, s)| left(col.index, s).map(|x| (x, k))).max()?.1;
            Some((k, col.index, col.role == Role::StudentNo))
        })
        .collect()
}

/// The ID a 学籍号 carries: `G` + an 18-character ID with its check character
/// right (the national student number of a student who has an ID). Anything
/// else (L…, J…, a school's own number) carries none.
pub fn id_in_student_no(cell: &str) -> Option<(RawId, NormId)> {
    keyed(cell.trim().strip_prefix(['G', 'g'])?)
}

/// A text that normalizes to an identity key, as the slot's ID.
fn keyed(text: &str) -> Option<(RawId, NormId)> {
    let id = RawId::Text(text.to_string());
    let norm = id.normalize();
    norm.key.is_some().then_some((id, norm))
}

/// The ID a number column carries: a 残疾人证号 (20 characters: the ID, then
/// the category 1–7 and the grade 1–4) whose ID checks out. A bank account, a
/// phone or any other number carries none.
pub fn id_in_card(cell: &str) -> Option<(RawId, NormId)> {
    let digits = cell.trim();
    if digits.chars().count() != 20 {
        return None;
    }
    keyed(digits)
}

/// The persons one roll cell pair names: one, or several when the cells list
/// several (`张三、李四` with `id1，id2`), paired by position.
fn people_in(row: &DataRow, nc: Option<usize>, ic: Option<usize>, multi: &[usize]) -> Vec<(String, RawId)> {
    let name = text(row, nc);
    let id = ic.map(|c| RawId::from_cell(row.cell(c))).unwrap_or(RawId::Empty);
    let is_multi = |c: Option<usize>| c.is_some_and(|c| multi.contains(&c));
    if !is_multi(nc) && !is_multi(ic) {
        return vec![(name, id)];
    }
    // Names given with their IDs in the name cell (`李芳 4329…`), no ID cell beside;
    // or in the ID cell, no name cell beside (家庭成员及身份证号: 李芳（妻）4329…；…).
    let given_whole = match (&id, name.is_empty()) {
        (RawId::Empty, false) if is_multi(nc) => Some(name.as_str()),
        (RawId::Text(t), true) if is_multi(ic) => Some(t.as_str()),
        _ => None,
    };
    if let Some(people) = given_whole.and_then(super::content::names_with_ids) {
        return people.into_iter().map(|(n, i)| (n, i.map_or(RawId::Empty, RawId::Text))).collect();
    }
    let names = split_multi(&name);
    let id_text = match &id {
        RawId::Text(t) => t.clone(),
        _ => String::new(),
    };
    let ids = split_multi(&id_text);
    if names.len() <= 1 && ids.len() <= 1 {
        return vec![(name, id)];
    }
    let n = names.len().max(ids.len());
    (0..n)
        .map(|i| {
            let nm = names.get(i).map(|s| s.to_string()).unwrap_or_default();
            let id = match ids.get(i) {
                Some(t) => RawId::Text(t.to_string()),
                None if ids.is_empty() && i == 0 => id.clone(),
                None => RawId::Empty,
            };
            (nm, id)
        })
        .collect()
}

/// A label without its ordinal: 一、 二． (一) （二） 1. 2、 (三岔村 keeps its 三).
fn strip_ordinal(t: &str) -> &str {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if let Some(inner) = t.strip_prefix(['(', '（']) {
        if let Some((n, rest)) = inner.split_once([')', '）']) {
            if !n.is_empty() && n.chars().all(numeral) {
                return rest;
            }
        }
        return t;
    }
    let rest = t.trim_start_matches(numeral);
    match rest.strip_prefix(['、', '.', '．']) {
        Some(r) if rest.len() < t.len() => r,
        _ => t,
    }
}

/// A row that is one label naming a place (二、高峰村, （一）白沙乡, 石桥村:), merged
/// across the table or not: `(true, township)` or `(false, village)`.
fn place_label(row: &DataRow) -> Option<(bool, String)> {
    let mut own = row.cells.iter().enumerate().filter(|(c, cell)| !cell.is_empty() && !row.was_filled(*c));
    let (Some((_, Cell::Text(t))), None) = (own.next(), own.next()) else { return None };
    let t = t.trim().trim_end_matches([':', '：']);
    let body = strip_ordinal(t).trim_start();
    let n = body.chars().count();
    if !(2..=12).contains(&n) || !body.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
        return None;
    }
    if ["村", "社区", "居委会", "村委会"].iter().any(|e| body.ends_with(e)) {
        Some((false, body.to_string()))
    } else if ["乡", "镇", "街道", "街道办事处"].iter().any(|e| body.ends_with(e)) {
        Some((true, body.to_string()))
    } else {
        None
    }
}

fn extract_roll(table: &Table, rows: Vec<DataRow>, ctx: &FileContext) -> Extracted {
    let mut ex = Extracted::default();
    let slots = roll_slots(table);
    let col = |role: Role| first(table, |r| *r == role);
    let addr = col(Role::Address);
    let (tw, vi, gr, pr, un, rh, co) = (
        col(Role::Township),
        col(Role::Village),
        col(Role::Group),
        col(Role::Program),
        col(Role::Unit),
        col(Role::RelationToHead),
        col(Role::Contractor),
    );
    // Of several amount columns, the one the program pays (贴息金额 over 贷款金额,
    // 补贴金额 over 购机价格), else the first.
    let amount_col = table.columns.iter().filter(|c| c.role == Role::Amount).min_by_key(|c| super::roles::amount_rank(&c.key));
    let multi: Vec<usize> = table.columns.iter().filter(|c| c.multi).map(|c| c.index).collect();
    let date_col = col(Role::Date);
    let carriers = id_carriers(table, &slots);
    ex.rolls.reserve_exact(rows.len());
    // The township and village the last place line named, for the rows below it.
    let (mut label_town, mut label_village) = (Text::default(), Text::default());
    for row in rows {
        let row = &row;
        let mut people: Vec<Slot> = Vec::with_capacity(slots.len());
        let mut any_usable = false;
        for (k, (p, nc, ic)) in slots.iter().enumerate() {
            // A person filled down from a merged cell is the one on the top row.
            if nc.is_some_and(|c| row.was_filled(c)) && ic.is_none_or(|c| row.was_filled(c)) {
                continue;
            }
            for (name, id) in people_in(row, *nc, *ic, &multi) {
                if name.is_empty() && id.is_empty() {
                    continue;
                }
                // The same person twice in one row (持卡人 = 受益人) is one slot.
                if people.iter().any(|s| s.name == name && s.id == id) {
                    continue;
                }
                let mut norm = id.normalize();
                let mut id = id;
                // An ID cell empty, unreadable or cut by Excel: the 学籍号 or the
                // 残疾证号 may carry the whole ID.
                for &(_, c, student) in carriers.iter().filter(|(slot, ..)| *slot == k) {
                    if norm.key.is_some() {
                        break;
                    }
                    let cell = text(row, Some(c));
                    let carried = if student { id_in_student_no(&cell) } else { id_in_card(&cell) };
                    if let Some((sid, sn)) = carried {
                        if norm.partial.as_ref().is_none_or(|p| sn.partial.as_ref() == Some(p)) {
                            (id, norm) = (sid, sn);
                        }
                    }
                }
                let st = count_status(&mut ex.id_status, norm.status);
                any_usable |= usable(&name, st);
                people.push(Slot { role: *p, name: name.into(), id, norm });
            }
        }
        if people.is_empty() {
            // A line naming the village (or township) of the rows below it (二、高峰村).
            if let Some((town, name)) = place_label(row) {
                if town {
                    (label_town, label_village) = (name.as_str().into(), Text::default());
                } else {
                    label_village = name.as_str().into();
                }
                *ex.unusable.entry("place_label".into()).or_insert(0) += 1;
                continue;
            }
            *ex.unusable.entry("no_person".into()).or_insert(0) += 1;
            continue;
        }
        if !any_usable {
            *ex.unusable.entry("no_name_and_unreadable_id".into()).or_insert(0) += 1;
            continue;
        }
        let or_ctx = |v: Text, d: &str| if v.is_empty() { Text::from(d) } else { v };
        let (amount, amount_unread) = match amount_col.map(|c| read_amount(row.cell(c.index), c.wan)) {
            None | Some(Ok(None)) => (None, String::new()),
            Some(Ok(Some(a))) => (Some(a), String::new()),
            Some(Err(raw)) => {
                *ex.unreadable.entry("amount".into()).or_insert(0) += 1;
                (None, raw)
            }
        };
        let date = date_col.map(|c| parse_date(row.cell(c))).unwrap_or_default();
        if !date.is_empty() && !is_read_date(&date) {
            *ex.unreadable.entry("date".into()).or_insert(0) += 1;
        }
        ex.rolls.push(RollRow {
            source: Source {
                file: ctx.file.clone(),
                sheet: ctx.sheet.clone(),
                row: row.number,
            },
            slots: people,
            township: or_ctx(ctext(row, tw), &label_town),
            village: or_ctx(ctext(row, vi), &label_village),
            group: ctext(row, gr),
            amount,
            amount_unread: amount_unread.into(),
            date: date.into(),
            program: or_ctx(ctext(row, pr), &ctx.program),
            unit: or_ctx(ctext(row, un), &ctx.unit),
            relation_to_head: ctext(row, rh),
            contractor: ctext(row, co),
            address: ctext(row, addr),
            period: ctx.period.as_str().into(),
            place_hint: ctx.place_hint.clone(),
        });
    }
    ex
}

fn extract_register(table: &Table, rows: Vec<DataRow>, ctx: &FileContext) -> Extracted {
    let mut ex = Extracted::default();
    let col = |role: Role| first(table, |r| *r == role);
    let (cn, ci) = (col(Role::Name(Person::Cadre)), col(Role::Id(Person::Cadre)));
    let (rn, ri) = (col(Role::Name(Person::Relative)), col(Role::Id(Person::Relative)));
    // A relative's place may be split over township and village columns.
    let (town, village) = (col(Role::Township), col(Role::Village));
    let (cu, cp, rel, addr, birth) = (
        col(Role::CadreUnit),
        col(Role::CadrePost),
        col(Role::Relation),
        col(Role::Address),
        col(Role::Birth),
    );
    // Wide form: groups of (term, name column, ID column) in column order.
    // A numbered group (#1, #2 …) has its relation in a column of its own.
    // A group of two persons (父母情况 over 姓名 | 身份证号码 | 姓名 | 身份证号码)
    // is a group per name column, each with the ID column after it.
    let mut groups: Vec<(String, Option<usize>, Option<usize>, Option<usize>)> = Vec::new();
    for c in &table.columns {
        let term = match &c.role {
            Role::WideName(t) | Role::WideId(t) => t.clone(),
            _ => continue,
        };
        let names: Vec<usize> = table.columns.iter().filter(|x| x.role == Role::WideName(term.clone())).map(|x| x.index).collect();
        let t = first(table, |r| *r == Role::WideRelation(term.clone()));
        if names.len() > 1 {
            if c.role == Role::WideName(term.clone()) {
                let next = names.iter().copied().find(|&n| n > c.index).unwrap_or(usize::MAX);
                let i = table.columns.iter().find(|x| x.role == Role::WideId(term.clone()) && x.index > c.index && x.index < next).map(|x| x.index);
                groups.push((term, Some(c.index), i, t));
            }
        } else if !groups.iter().any(|g| g.0 == term) {
            let n = first(table, |r| *r == Role::WideName(term.clone()));
            let i = first(table, |r| *r == Role::WideId(term.clone()));
            groups.push((term, n, i, t));
        }
    }
    // Columns whose cells give a relative whole (`李芳/妻子/4329…`, 家庭成员1 …):
    // each cell is a relative; such a column taken for the relatives' IDs is not.
    let triples = triple_columns(table, &rows);
    let multi: Vec<usize> = table.columns.iter().filter(|c| c.multi).map(|c| c.index).collect();
    let (rn, ri) = (rn.filter(|c| !triples.contains(c)), ri.filter(|c| !triples.contains(c)));
    // The official of the current block of rows (his own 本人 row), and where it began.
    let mut block_cadre: Option<(String, RawId, String, String)> = None;
    let mut block_from = 0u32;
    // Forms signed under their rows (`报告人：赵志刚` below the relatives, each
    // block closed by its signature): the first form comes after the first
    // row and the last after the last. Each row is then the next form's.
    let (first_row, last_row) = (rows.first().map(|r| r.number), rows.last().map(|r| r.number));
    let signed_below = match (table.forms.first(), table.forms.last(), first_row, last_row) {
        (Some((f, _)), Some((l, _)), Some(a), Some(b)) => *f > a && *l > b,
        _ => false,
    };
    // The official of the last row that named one (carried down blank cells).
    let mut carried: Option<(String, RawId, String, String)> = None;
    let seq = col(Role::Seq);
    // Blocks closed by the official's own row (the relatives first, 本人 last):
    // the table opens with a relative and ends with a 本人 row. Each row is
    // then the official's of the next 本人 row, never the previous one's.
    // Rows numbered by family (1, 1-1, 1-2, 2, 2-1 …): a row numbered at the top
    // level with no relation written is the official's own, as a 本人 row is.
    let sub_number = |t: &str| {
        let mut parts = t.split(['-', '.', '—', '－']);
        let (a, b) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        parts.next().is_none() && !a.is_empty() && !b.is_empty() && (a.to_string() + b).chars().all(|c| c.is_ascii_digit())
    };
    let by_family = seq.is_some() && rows.iter().any(|r| sub_number(&text(r, seq)));
    let top_level = |r: &DataRow| {
        let n = text(r, seq);
        by_family && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && text(r, rel).is_empty()
    };
    // 户主 opening each block where no row says 本人: the official's own row
    // (a household-book layout, the official the head).
    let is_self = |t: &str| !t.is_empty() && parse_relation(t).relation == Relation::SelfRel;
    // Not where a column marks the official's row (是否干部本人): his household
    // head may be another person, and the relations are the head's.
    let marked = table.columns.iter().any(|c| c.key.starts_with("是否") && c.key.contains("本人"));
    let head_is_self = rel.is_some() && !marked && !rows.iter().any(|r| is_self(&text(r, rel)));
    let self_rows: Vec<usize> = if cn.is_none() && ci.is_none() {
        rows.iter()
            .enumerate()
            .filter(|(_, r)| {
                let t = text(r, rel);
                is_self(&t) || (head_is_self && t.trim() == "户主") || top_level(r)
            })
            .map(|(i, _)| i)
            .collect()
    } else {
        Vec::new()
    };
    let workplace =
        table.columns.iter().find(|c| c.role == Role::Unmapped && super::roles::workplace_header(&c.key)).map(|c| c.index);
    let self_last = !self_rows.is_empty() && self_rows.first() != Some(&0) && self_rows.last() == Some(&(rows.len() - 1));
    let own_row = |r: &DataRow| {
        // The official's own row: his unit from a unit column, else from the
        // workplace cell his relatives' rows use for their address (县民政局科员).
        let mut unit = text(r, cu);
        let mut post = text(r, cp);
        // (the relatives' workplace column, 工作单位及职务 over cells left blank or
        // naming other units, is no role of its own: its cell on his row is his).
        for w in [text(r, addr), text(r, workplace)] {
            if !unit.is_empty() {
                break;
            }
            let (u, p) = crate::normalize::unit::split_post(&w, 2).unwrap_or((w.as_str(), ""));
            if super::provenance::is_unit(u) {
                unit = u.to_string();
                if post.is_empty() {
                    post = p.to_string();
                }
            }
        }
        (text(r, rn), ri.map(|c| RawId::from_cell(r.cell(c))).unwrap_or(RawId::Empty), unit, post)
    };
    let closing: Vec<Option<(String, RawId, String, String)>> = if self_last {
        let mut next = None;
        let mut out = vec![None; rows.len()];
        for i in (0..rows.len()).rev() {
            if self_rows.binary_search(&i).is_ok() {
                next = Some(own_row(&rows[i]));
            }
            out[i] = next.clone();
        }
        out
    } else {
        Vec::new()
    };
    // A register without a 称谓 column: the relation its section's title names (配偶情况).
    let section_term = if rel.is_none() { section_relation(&table.above) } else { String::new() };
    for (at, row) in rows.iter().enumerate() {
        let source = Source {
            file: ctx.file.clone(),
            sheet: ctx.sheet.clone(),
            row: row.number,
        };
        let mut cadre_name = text(row, cn);
        let mut cadre_id = ci.map(|c| RawId::from_cell(row.cell(c))).unwrap_or(RawId::Empty);
        let mut cadre_unit = text(row, cu);
        let mut cadre_post = text(row, cp);
        let mut self_row = false;
        let mut carried_down = false;
        if cn.is_none() && ci.is_none() {
            // No column for the official: a form line above the rows names him,
            // or his own row (称谓 本人) opens his block of relatives.
            if self_last {
                block_cadre = closing.get(at).cloned().flatten();
                self_row = self_rows.binary_search(&at).is_ok();
            } else if self_rows.binary_search(&at).is_ok() {
                block_cadre = Some(own_row(row));
                self_row = true;
            }
            let form = if signed_below {
                table.forms.iter().find(|(n, _)| *n > row.number).map(|(n, f)| (*n, f))
            } else {
                table.forms.iter().rev().find(|(n, _)| *n <= row.number).map(|(n, f)| (*n, f))
            };
            let from_form = form.filter(|(n, _)| block_cadre.is_none() || *n > block_from);
            if let Some((_, f)) = from_form {
                cadre_name = f.name.clone();
                cadre_id = if f.id.is_empty() { RawId::Empty } else { RawId::Text(f.id.clone()) };
                // The form's 工作单位 is his; a 工作单位 column under it is his relatives'.
                if cadre_unit.is_empty() || !f.unit.is_empty() {
                    cadre_unit = f.unit.clone();
                }
                if cadre_post.is_empty() {
                    cadre_post = f.post.clone();
                }
            } else if let Some((n, i, u, p)) = &block_cadre {
                cadre_name = n.clone();
                cadre_id = i.clone();
                if cadre_unit.is_empty() {
                    cadre_unit = u.clone();
                }
                if cadre_post.is_empty() {
                    cadre_post = p.clone();
                }
            }
            if self_row {
                block_from = row.number;
            }
            // A file or sheet per official (`县民政局_赵志刚.xlsx`): the rows are his
            // relatives, his unit the one the file names (a 工作单位 column beside
            // the relatives is theirs).
            if cadre_name.is_empty() && cadre_id.is_empty() {
                if let Some((name, source)) = &ctx.cadre {
                    cadre_name = name.clone();
                    if !ctx.unit.is_empty() {
                        cadre_unit = ctx.unit.clone();
                    }
                    ex.cadre_from_name = Some((name.clone(), source));
                }
            }
        }
        // The official written once at the top of his block, the cells below
        // left blank (not merged): a row with a relative, no official and no
        // 序号 of its own is the block's.
        if (cn.is_some() || ci.is_some()) && cadre_name.is_empty() && cadre_id.is_empty() && text(row, seq).is_empty() {
            let has_relative = !text(row, rn).is_empty() || ri.is_some_and(|c| !row.cell(c).is_empty());
            if let (true, Some((n, i, u, p))) = (has_relative, &carried) {
                (cadre_name, cadre_id) = (n.clone(), i.clone());
                carried_down = true;
                if cadre_unit.is_empty() {
                    cadre_unit = u.clone();
                }
                if cadre_post.is_empty() {
                    cadre_post = p.clone();
                }
            }
        }
        // A line of no one (第 1 页 共 3 页, the title repeated on the next page)
        // does not end the block.
        let no_one = [cn, ci, rn, ri].iter().all(|c| c.is_none_or(|c| row.cell(c).is_empty()));
        if (cn.is_some() || ci.is_some()) && !no_one {
            carried = (!cadre_name.is_empty() || !cadre_id.is_empty())
                .then(|| (cadre_name.clone(), cadre_id.clone(), cadre_unit.clone(), cadre_post.clone()));
        }
        // 赵志刚（县民政局）: the official's unit written with his name.
        if let Some((name, unit)) = name_with_unit(&cadre_name) {
            if cadre_unit.is_empty() {
                cadre_unit = unit;
            }
            cadre_name = name;
        }
        if cadre_unit.is_empty() {
            cadre_unit = ctx.unit.clone();
        }
        let base = KinRow {
            source,
            cadre_name,
            cadre_id,
            cadre_unit,
            cadre_post,
            relative_name: String::new(),
            relative_id: RawId::Empty,
            relation_term: String::new(),
            address: register_address(row, town, village, addr),
            birth: String::new(),
        };
        // The birth column of a long register is the row's relative's; in a wide
        // register it has no one group to belong to and is not used.
        let row_birth = birth.map(|c| parse_birth(row.cell(c))).unwrap_or_default();
        let mut relatives: Vec<(String, String, RawId, String)> = Vec::new();
        // A cell may list several relatives (子女姓名 `赵一鸣⏎赵小雨`, their IDs
        // likewise): each is a relative, paired by position.
        if (rn.is_some() || ri.is_some()) && !self_row {
            let term = if rel.is_some() { text(row, rel) } else { section_term.clone() };
            let people = people_in(row, rn, ri, &multi);
            let one = people.len() == 1;
            for (name, id) in people.into_iter().filter(|(n, i)| !n.is_empty() || !i.is_empty()) {
                // 李芳（妻子）: the relation in brackets where no column gives one.
                let (name, term) = match relation_in_brackets(&name) {
                    Some((n, t)) if term.is_empty() => (n, t),
                    _ => (name, term.clone()),
                };
                relatives.push((term, name, id, if one { row_birth.clone() } else { String::new() }));
            }
        }
        for &c in &triples {
            for (name, term, id) in person_triples(&text(row, Some(c))) {
                let id = if id.is_empty() { RawId::Empty } else { RawId::Text(id.into()) };
                relatives.push((term, name, id, String::new()));
            }
        }
        for (term, n, i, t) in &groups {
            let term = if t.is_some() { text(row, *t) } else { term.clone() };
            for (name, id) in people_in(row, *n, *i, &multi).into_iter().filter(|(n, i)| !n.is_empty() || !i.is_empty()) {
                relatives.push((term.clone(), name, id, String::new()));
            }
        }
        let has_cadre = !base.cadre_name.is_empty() || !base.cadre_id.is_empty();
        if !has_cadre {
            let why = if relatives.is_empty() { "no_person" } else { "no_cadre" };
            *ex.unusable.entry(why.into()).or_insert(0) += 1;
            continue;
        }
        // The cadre's ID is counted once per cadre (on rows where it is written).
        if !row_filled_any(row, ci) && !carried_down {
            count_status(&mut ex.id_status, base.cadre_id.normalize().status);
        }
        if relatives.is_empty() {
            ex.kin.push(base);
            continue;
        }
        for (term, name, id, birth) in relatives {
            // 身份证号（无则填出生日期）: a birth written where the ID is missing.
            let (id, birth) = match birth_in_id_cell(&id) {
                Some(b) if birth.is_empty() => (RawId::Empty, b),
                _ => (id, birth),
            };
            count_status(&mut ex.id_status, id.normalize().status);
            ex.kin.push(KinRow {
                relative_name: name,
                relative_id: id,
                relation_term: term,
                birth,
                ..base.clone()
            });
        }
    }
    ex
}

/// The relation a section's title gives its rows, in a register without a
/// relation column (一、本人婚姻情况及配偶情况 over the spouse's table of a
/// 个人有关事项报告表): the title line right above the header.
pub(crate) fn section_relation(above: &[String]) -> String {
    const SECTION_WORDS: &[&str] = &["配偶", "子女", "父母", "兄弟姐妹", "岳父母", "公婆", "祖父母", "外祖父母", "孙子女"];
    let Some(line) = above.last() else { return String::new() };
    SECTION_WORDS
        .iter()
        .find(|w| line.contains(**w) && parse_relation(w).relation != Relation::Other)
        .map_or_else(String::new, |w| w.to_string())
}

/// A cell giving a relative whole: a name, a relation and an ID, in any order,
/// split by `/`, `|`, commas, `、` or spaces (`李芳/妻子/4329…`, `妻子 李芳 4329…`).
/// `None` unless each of the three is there once and nothing else.
fn person_triple(cell: &str) -> Option<(String, String, String)> {
    let parts: Vec<&str> = cell.split(['/', '／', '|', '｜', ',', '，', '、', ' ', '\u{3000}', ';', '；']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() != 3 {
        return None;
    }
    let (mut name, mut term, mut id) = (None, None, None);
    for p in parts {
        let n = normalize_id(p);
        if n.key.is_some() || n.partial.is_some() {
            id = id.xor(Some(p));
        } else if parse_relation(p).relation != Relation::Other {
            term = term.xor(Some(p));
        } else if super::content::looks_like_name(p) {
            name = name.xor(Some(p));
        }
    }
    Some((name?.to_string(), term?.to_string(), id?.to_string()))
}

/// `李芳（妻子）`: the name and the relation its brackets hold.
fn relation_in_brackets(s: &str) -> Option<(String, String)> {
    let open = s.find(['（', '('])?;
    let inner = s.get(open..)?.trim_start_matches(['（', '(']);
    let close = inner.find(['）', ')'])?;
    let (term, name) = (inner.get(..close)?.trim(), s.get(..open)?.trim());
    (!name.is_empty() && parse_relation(term).relation != Relation::Other).then(|| (name.to_string(), term.to_string()))
}

/// Every relative a cell writes whole: one [`person_triple`], or several, each
/// with its relation before the name and its ID after (`妻子：李芳，身份证号：4329…；
/// 儿子：赵一鸣，身份证号：4329…`, `父亲孙长林（4329…）、母亲刘桂兰（4329…）`, one a
/// line). Empty unless every part of the cell reads so.
fn person_triples(cell: &str) -> Vec<(String, String, String)> {
    if let Some(t) = person_triple(cell) {
        return vec![t];
    }
    let pieces: Vec<&str> = cell.split(['；', ';', '、', '\n']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let members: Vec<(String, String, String)> = pieces.iter().filter_map(|p| member_written_out(p)).collect();
    if pieces.len() < 2 || members.len() != pieces.len() || members.iter().all(|m| m.2.is_empty()) {
        return Vec::new();
    }
    members
}

/// `妻子：李芳，身份证号：4329…`, `丈夫 周建华 4329…`, `父亲孙长林（4329…）`,
/// `母亲：刘桂兰（已故）`: (name, relation, ID or "").
fn member_written_out(piece: &str) -> Option<(String, String, String)> {
    let is_id_char = |c: char| c.is_ascii_digit() || c == 'X' || c == 'x';
    let (before, id) = match piece.find(|c: char| c.is_ascii_digit()) {
        Some(at) => {
            let id: String = piece.get(at..)?.chars().take_while(|c| is_id_char(*c)).collect();
            if id.len() != 18 && id.len() != 15 {
                return None;
            }
            (piece.get(..at)?, id)
        }
        None => (piece, String::new()),
    };
    let mut before = before.to_string();
    for w in ["公民身份号码", "身份证号码", "身份证号", "身份证", "证件号码", "证号"] {
        before = before.replace(w, " ");
    }
    // Notes in brackets (已故) are no name.
    let before = crate::normalize::outside_brackets(&before);
    let toks: Vec<&str> = before.split(|c: char| c.is_whitespace() || "：:，,。".contains(c)).filter(|t| !t.is_empty()).collect();
    let is_rel = |t: &str| parse_relation(t).relation != Relation::Other;
    let (term, name) = match toks.as_slice() {
        [t, n] if is_rel(t) => (t.to_string(), n.to_string()),
        // 父亲孙长林: the relation written on the name.
        [one] => (1..=3).find_map(|k| {
            let at = one.char_indices().nth(k).map(|(i, _)| i)?;
            let (t, n) = one.split_at(at);
            (is_rel(t) && super::content::looks_like_name(n)).then(|| (t.to_string(), n.to_string()))
        })?,
        _ => return None,
    };
    super::content::looks_like_name(&name).then_some((name, term, id))
}

/// The columns of a register (not the official's, not a relation or place)
/// whose filled cells are mostly [`person_triples`], sampled on the first rows.
fn triple_columns(table: &Table, rows: &[DataRow]) -> Vec<usize> {
    let free = |r: &Role| matches!(r, Role::Unmapped | Role::IdBare | Role::Id(Person::Relative) | Role::NameBare | Role::Name(Person::Relative));
    table
        .columns
        .iter()
        .filter(|c| free(&c.role))
        .map(|c| c.index)
        .filter(|&c| {
            let cells: Vec<String> = rows.iter().map(|r| text(r, Some(c))).filter(|t| !t.is_empty()).take(50).collect();
            let n = cells.iter().filter(|t| !person_triples(t).is_empty()).count();
            !cells.is_empty() && n * 5 >= cells.len() * 4
        })
        .collect()
}

/// Officials named without an ID on one sheet of a register and with one on
/// another (a sheet of officials, a sheet of their relatives): where one
/// official of the name has an ID in the file, and the units do not differ,
/// the rows naming him get his ID, unit and post.
pub fn officials_across_sheets(kin: &mut [KinRow]) {
    let key = |n: &str| crate::normalize::name::normalize_name(n).key.to_string();
    let mut known: BTreeMap<String, Vec<(RawId, String, String)>> = BTreeMap::new();
    for k in kin.iter().filter(|k| !k.cadre_id.is_empty() && !k.cadre_name.is_empty()) {
        let e = known.entry(key(&k.cadre_name)).or_default();
        if !e.iter().any(|(i, _, _)| *i == k.cadre_id) {
            e.push((k.cadre_id.clone(), k.cadre_unit.clone(), k.cadre_post.clone()));
        }
    }
    if known.is_empty() {
        return;
    }
    for k in kin.iter_mut().filter(|k| k.cadre_id.is_empty() && !k.cadre_name.is_empty()) {
        if let Some([(id, unit, post)]) = known.get(&key(&k.cadre_name)).map(Vec::as_slice) {
            if k.cadre_unit.is_empty() || k.cadre_unit == *unit {
                k.cadre_id = id.clone();
                k.cadre_unit = unit.clone();
                if k.cadre_post.is_empty() {
                    k.cadre_post = post.clone();
                }
            }
        }
    }
}

/// `赵志刚（县民政局）`, `赵志刚(县民政局局长)`, `赵志刚⏎县民政局`: the name and the
/// unit in brackets or on the cell's next line, when that names a unit (it ends
/// as units do); `None` otherwise.
fn name_with_unit(cell: &str) -> Option<(String, String)> {
    const UNIT_ENDS: &[&str] = &["局", "委", "办", "政府", "院", "所", "中心", "站", "队", "部", "处", "科", "乡", "镇", "街道", "社区", "村", "公司", "学校", "小学", "中学", "医院", "厅", "馆", "会"];
    // `赵志刚⏎县民政局`: the name on one line of the cell, the unit on the next;
    // else the unit in brackets after the name.
    let (name, inner) = match cell.split_once('\n') {
        Some((name, rest)) if !rest.contains('\n') => (name.trim(), rest.trim()),
        Some(_) => return None,
        None => {
            let open = cell.find(['（', '('])?;
            (cell.get(..open)?.trim(), cell.get(open..)?.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']).trim())
        }
    };
    let unit = crate::normalize::unit::split_post(inner, 2).map_or(inner, |(u, _)| u);
    let is_unit = UNIT_ENDS.iter().any(|e| unit.ends_with(e)) && unit.chars().count() >= 2;
    (is_unit && super::content::is_personal_name(name)).then(|| (name.to_string(), unit.to_string()))
}

/// A birth date written in a relative's ID cell (`1950.03.22`, `1950-03`): an
/// ID cell that is no ID but reads as a date gives the stated birth.
fn birth_in_id_cell(id: &RawId) -> Option<String> {
    let RawId::Text(t) = id else { return None };
    if id.normalize().status != IdStatus::Malformed || t.chars().filter(char::is_ascii_digit).count() < 6 {
        return None;
    }
    let b = parse_birth(&Cell::Text(t.as_str().into()));
    (!b.is_empty() && b.chars().next().is_some_and(|c| c.is_ascii_digit())).then_some(b)
}

/// The register's address of a row: its township and village columns (when
/// the address does not already name them) before the address column.
fn register_address(row: &DataRow, town: Option<usize>, village: Option<usize>, addr: Option<usize>) -> String {
    let mut out = text(row, addr);
    for part in [text(row, village), text(row, town)] {
        if !part.is_empty() && !out.contains(&part) {
            out.insert_str(0, &part);
        }
    }
    out
}

fn row_filled_any(row: &DataRow, col: Option<usize>) -> bool {
    col.is_some_and(|c| row.was_filled(c))
}
