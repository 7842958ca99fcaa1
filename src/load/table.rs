//! Finding the table inside a sheet: the header row (by its words, not its
//! position), two-row headers, column roles, and which rows hold data.

use super::cell::{Cell, Grid, GridRow, Merge};
use super::content;
use super::form::{self, FormCadre};
use super::roles::{Kind, Person, Role, classify, clean_header, clean_header_cow, is_wan_yuan};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// How many rows from the top are searched for the header.
pub const HEADER_SEARCH_ROWS: usize = 30;

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub index: usize,
    /// Cleaned header text; `parent/child` for a two-row header.
    pub key: String,
    pub role: Role,
    /// The header says 万元: amounts are multiplied by 10,000.
    pub wan: bool,
    /// What decided the role: the header's words, the cells' content, or the config.
    pub decided_by: Decided,
    /// Cells list several persons (`张三、李四`): each becomes a person slot.
    pub multi: bool,
}

/// What decided a column's role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decided {
    Header,
    Content,
    Config,
}

impl Decided {
    pub fn as_str(self) -> &'static str {
        match self {
            Decided::Header => "header",
            Decided::Content => "content",
            Decided::Config => "config",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DataRow {
    pub number: u32,
    pub cells: Vec<Cell>,
    /// Per cell: the value was filled down from a merged cell above.
    pub filled: Vec<bool>,
}

impl DataRow {
    pub fn cell(&self, col: usize) -> &Cell {
        self.cells.get(col).unwrap_or(&Cell::Empty)
    }
    pub fn was_filled(&self, col: usize) -> bool {
        self.filled.get(col).copied().unwrap_or(false)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub kind: Kind,
    pub header_first: u32,
    pub header_row: u32,
    pub columns: Vec<Column>,
    /// Text of the rows above the header (title, 填报单位 line …).
    pub above: Vec<String>,
    /// Footer lines under the rows naming who drew the list up
    /// (填报单位：县民政局（盖章）): the unit, when nothing above names it.
    pub footers: Vec<String>,
    /// Officials named by form lines (`姓名：张三`): from row number on (0: above the table).
    pub forms: Vec<(u32, FormCadre)>,
    pub rows: Vec<DataRow>,
    /// Skipped rows below the header, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// The header rows' cleaned texts: a row repeating them is a header again.
    pub header_texts: Vec<Vec<String>>,
    /// The header has a column for the official (form lines then name nobody).
    pub cadre_columns: bool,
    /// A roll-shaped table that is another comparison's input (death list,
    /// vehicles, payroll, registry, association filing), by its header words
    /// ([`super::roles::OTHER_INPUTS`]): its rows are not a roll's.
    pub not_a_roll: Option<super::roles::OtherInput>,
    /// A name written over two columns (姓 | 名): the surname's column, where
    /// each row's name is joined, and the given name's.
    pub split_name: Option<(usize, usize)>,
}

impl Table {
    /// The table's rows read further down the sheet (a large text file is
    /// read in pieces): the same columns, the same row classification as the
    /// rows [`find_table`] read. Skipped rows and form lines are added to the
    /// table's own. `last`: the piece ends the sheet (blank rows at its end
    /// are not rows of the table, as in [`find_table`]).
    pub fn more_rows(&mut self, body: Vec<GridRow>, last: bool) -> Vec<DataRow> {
        let mut rows = classify_rows(body, last, self.kind, self.cadre_columns, &self.header_texts, &mut self.forms, &mut self.skipped, &mut self.footers);
        join_split_names(self.split_name, &mut rows);
        rows
    }
}

/// Data rows out of the rows below the header, skipping (and counting by
/// reason) blank, total, footer, repeated-header and form rows.
fn classify_rows(
    mut body: Vec<GridRow>,
    last: bool,
    kind: Kind,
    cadre_columns: bool,
    header_rows: &[Vec<String>],
    forms: &mut Vec<(u32, FormCadre)>,
    skipped: &mut BTreeMap<String, u64>,
    footers: &mut Vec<String>,
) -> Vec<DataRow> {
    if last {
        let last_nonblank = body.iter().rposition(|r| !r.cells.iter().all(Cell::is_empty));
        body.truncate(last_nonblank.map_or(0, |i| i + 1));
    }
    let mut rows: Vec<DataRow> = Vec::with_capacity(body.len());
    for r in body {
        let reason = if r.cells.iter().all(Cell::is_empty) {
            Some("blank")
        } else {
            let texts = cleaned(&r.cells);
            if is_total(&texts) {
                Some("total")
            } else if is_footer(&texts) {
                if texts.iter().any(|t| FOOTER_UNIT_WORDS.iter().any(|w| t.starts_with(w))) {
                    footers.push(texts.iter().filter(|t| !t.is_empty()).map(|t| t.as_ref()).collect::<Vec<_>>().join(" "));
                }
                Some("footer")
            } else if is_repeated_header(&texts, header_rows) {
                Some("header")
            } else if let Some(f) = (kind == Kind::Register && !cadre_columns)
                .then(|| title_line(&r.cells))
                .flatten()
            {
                forms.push((r.number, f));
                Some("form")
            } else if kind == Kind::Register && !cadre_columns && texts.iter().any(|t| t.contains([':', '：'])) {
                let pairs = form::pairs(&r.cells);
                match FormCadre::from_pairs(&pairs) {
                    Some(f) => {
                        forms.push((r.number, f));
                        Some("form")
                    }
                    // The form's next line (`所在单位：…  填报日期：…` under `报告人：…`).
                    None => match forms.last_mut() {
                        Some((n, f)) if *n + 1 == r.number => {
                            if f.fill_from(&pairs) {
                                *n = r.number;
                                Some("form")
                            } else {
                                None
                            }
                        }
                        _ => None,
                    },
                }
            } else {
                None
            }
        };
        match reason {
            Some(why) => *skipped.entry(why.to_string()).or_insert(0) += 1,
            None => {
                // Rows keep their own width (no padding to the widest row:
                // a stray far cell must not widen every row).
                let cells = r.cells;
                rows.push(DataRow {
                    number: r.number,
                    filled: vec![false; cells.len()],
                    cells,
                });
            }
        }
    }
    rows
}

/// 工作单位及职务 right of the official's own columns (干部姓名 | 身份证号 |
/// 工作单位及职务 | 亲属姓名 …) is his unit and post: a field without a qualifier
/// belongs to the nearest person on its left. Left of nobody's or after a
/// relative's, it stays the relative's workplace.
fn cadres_workplace(roles: &mut [Role], keys: &[String]) {
    if roles.iter().any(|r| *r == Role::CadreUnit) {
        return;
    }
    for c in 0..roles.len() {
        if roles[c] != Role::Unmapped || !keys.get(c).is_some_and(|k| super::roles::workplace_header(k)) {
            continue;
        }
        let left = roles[..c].iter().rev().find(|r| r.is_person());
        if matches!(left, Some(Role::Name(Person::Cadre) | Role::Id(Person::Cadre))) {
            roles[c] = Role::CadreUnit;
            return;
        }
    }
}

/// A register listing relatives in numbered groups across the row (关系1 | 姓名1 |
/// 身份证号1 | 关系2 | 姓名2 …, or 亲属关系1 | 亲属姓名1 …): each group whose
/// number has a relation and a name column is a wide group `#n`, its relation
/// read per row from its own column. Two groups at least; config roles stay.
fn numbered_groups(roles: &mut [Role], keys: &[String], decided: &[Decided]) {
    // (column, group number, what the header without its number is)
    let mut parts: Vec<(usize, String, Role)> = Vec::new();
    for (c, k) in keys.iter().enumerate() {
        if decided.get(c) == Some(&Decided::Config) {
            continue;
        }
        let k = k.rsplit('/').next().unwrap_or(k);
        let base = k.trim_end_matches(|ch: char| ch.is_ascii_digit());
        let n = k.get(base.len()..).unwrap_or("");
        if n.is_empty() || n.len() > 2 || base.is_empty() {
            continue;
        }
        let Some(role) = group_part(base) else { continue };
        parts.push((c, n.to_string(), role));
    }
    let has = |n: &str, r: &Role| parts.iter().any(|(_, m, x)| m == n && x == r);
    let groups: Vec<String> = parts
        .iter()
        .filter(|(_, n, r)| *r == Role::Relation && has(n, &Role::NameBare))
        .map(|(_, n, _)| n.clone())
        .collect();
    if groups.len() < 2 {
        return;
    }
    for (c, n, r) in parts.into_iter().filter(|(_, n, _)| groups.contains(n)) {
        let term = format!("#{n}");
        roles[c] = match r {
            Role::Relation => Role::WideRelation(term),
            Role::NameBare => Role::WideName(term),
            _ => Role::WideId(term),
        };
    }
}

/// The same groups without numbers (关系 | 姓名 | 身份证号 | 关系 | 姓名 | 身份证号 …,
/// or 姓名 | 关系 | 身份证号 …): from the first relation column (or the name
/// just before it), the run of relatives' columns is one block repeated two
/// times or more; the blocks become the wide groups `#1`, `#2` ….
fn repeated_groups(roles: &mut [Role], keys: &[String], decided: &[Decided]) {
    if roles.iter().any(|r| matches!(r, Role::WideRelation(_))) {
        return;
    }
    let part = |c: usize| -> Option<Role> { if decided.get(c) == Some(&Decided::Config) { None } else { group_part(keys.get(c)?) } };
    let Some(first_rel) = (0..keys.len()).find(|&c| part(c) == Some(Role::Relation)) else { return };
    let start = if first_rel > 0 && part(first_rel - 1) == Some(Role::NameBare) { first_rel - 1 } else { first_rel };
    let cols: Vec<(usize, Role)> = (start..keys.len()).filter_map(|c| part(c).map(|p| (c, p))).collect();
    let Some((_, head)) = cols.first() else { return };
    let Some(len) = cols.iter().skip(1).position(|(_, p)| p == head).map(|i| i + 1) else { return };
    let block: Vec<&Role> = cols.iter().take(len).map(|(_, p)| p).collect();
    if !block.contains(&&Role::Relation) || !block.contains(&&Role::NameBare) || cols.len() % len != 0 || cols.len() / len < 2 {
        return;
    }
    if cols.chunks(len).any(|ch| ch.iter().map(|(_, p)| p).ne(block.iter().copied())) {
        return;
    }
    for (g, ch) in cols.chunks(len).enumerate() {
        let term = format!("#{}", g + 1);
        for (c, p) in ch {
            roles[*c] = match p {
                Role::Relation => Role::WideRelation(term.clone()),
                Role::NameBare => Role::WideName(term.clone()),
                _ => Role::WideId(term.clone()),
            };
        }
    }
}

/// What a header is in a group of relatives' columns: the relation, a name
/// or an ID (not the official's), as `Relation`, `NameBare` or `IdBare`.
fn group_part(key: &str) -> Option<Role> {
    match classify(key, None) {
        Role::Relation => Some(Role::Relation),
        r if r.is_name() && !matches!(r, Role::Name(Person::Cadre)) => Some(Role::NameBare),
        r if r.is_id() && !matches!(r, Role::Id(Person::Cadre)) => Some(Role::IdBare),
        _ => None,
    }
}

/// A row of one text cell that names the official whose relatives follow
/// (`县民政局赵志刚同志家庭成员情况`): [`form::title_cadre`].
fn title_line(cells: &[Cell]) -> Option<FormCadre> {
    let mut filled = cells.iter().filter(|c| !c.is_empty());
    let only = filled.next()?;
    if filled.next().is_some() {
        return None;
    }
    match only {
        Cell::Text(t) => form::title_cadre(t),
        _ => None,
    }
}

/// What the user's config says about a file (all optional).
#[derive(Clone, Debug, Default)]
pub struct TableHints {
    pub kind: Option<Kind>,
    /// 1-based (last) header row.
    pub header_row: Option<u32>,
    /// Header key -> role.
    pub columns: BTreeMap<String, Role>,
}

/// Why a sheet holds no table, and whether it looked like data all the same
/// (rows of several filled cells: a table the reader could not read, which is
/// reported loudly, unlike a 说明 sheet).
#[derive(Clone, Debug, PartialEq)]
pub struct NoTable {
    pub reason: String,
    pub data_like: bool,
}

impl std::fmt::Display for NoTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

/// Why a sheet holds no table.
pub fn no_table_reason(grid: &Grid) -> NoTable {
    if grid.rows.iter().all(|r| r.cells.iter().all(Cell::is_empty)) {
        return NoTable { reason: "空工作表".into(), data_like: false };
    }
    let filled_rows = grid.rows.iter().filter(|r| r.cells.iter().filter(|c| !c.is_empty()).count() >= 3).count();
    // Data about persons: some column holds ID numbers or personal names on
    // several rows (a 汇总 sheet of townships and amounts does not).
    let persons_in = |col: usize| {
        grid.rows
            .iter()
            .take(2_000)
            .filter(|r| r.cells.get(col).is_some_and(|c| content::looks_like_person(c)))
            .count()
    };
    let width = grid.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0).min(256);
    let data_like = filled_rows >= 5 && (0..width).any(|c| persons_in(c) >= 5);
    let reason = if data_like {
        format!(
            "前 {HEADER_SEARCH_ROWS} 行中没有可识别的表头（找不到姓名或身份证号列），{filled_rows} 行数据未读取；请用 kinmatch.toml 指定表头行和列"
        )
    } else {
        format!("前 {HEADER_SEARCH_ROWS} 行中没有含姓名或身份证号列的表头（说明页或汇总页？）")
    };
    NoTable { reason, data_like }
}

/// Header texts of one grid row, with horizontally merged cells spread over
/// every column they cover (a parent cell such as 户主 over 姓名 | 身份证号).
fn header_texts(grid: &Grid, idx: usize, width: usize, spread: bool) -> Vec<String> {
    let row = &grid.rows[idx];
    let mut out: Vec<String> = (0..width)
        .map(|c| row.cells.get(c).map(|x| clean_header(&x.text())).unwrap_or_default())
        .collect();
    for m in grid.merges.iter().filter(|_| spread) {
        if m.first_row == row.number && m.last_col > m.first_col {
            let v = out.get(m.first_col).cloned().unwrap_or_default();
            for slot in out.iter_mut().take(m.last_col + 1).skip(m.first_col + 1) {
                if slot.is_empty() {
                    *slot = v.clone();
                }
            }
        }
    }
    out
}

struct Candidate {
    score: usize,
    first: usize,
    last: usize,
    keys: Vec<String>,
    roles: Vec<Role>,
}

/// Recognised columns, ID columns counting double: the ID is what a table is read for.
fn score_roles(roles: &[Role]) -> usize {
    if !roles.iter().any(Role::is_person) {
        return 0;
    }
    let ids = roles
        .iter()
        .filter(|r| matches!(r, Role::Id(_) | Role::IdBare | Role::WideId(_)))
        .count();
    let known = roles.iter().filter(|r| **r != Role::Unmapped).count();
    // One known word is a line of prose (a 说明 sheet), not a header.
    if known < 2 {
        return 0;
    }
    known + ids
}

/// Person columns whose header says whose they are (not a bare 姓名 or 身份证号).
fn qualified(roles: &[Role]) -> usize {
    roles.iter().filter(|r| r.is_person() && !matches!(r, Role::NameBare | Role::IdBare)).count()
}

fn single(grid: &Grid, idx: usize, width: usize) -> Candidate {
    let keys = header_texts(grid, idx, width, false);
    let roles: Vec<Role> = keys.iter().map(|k| classify(k, None)).collect();
    Candidate {
        score: score_roles(&roles),
        first: idx,
        last: idx,
        keys,
        roles,
    }
}

/// Two header rows read as one: `parent/child` where both are present.
fn pair(grid: &Grid, idx: usize, width: usize) -> Option<Candidate> {
    if idx + 1 >= grid.rows.len() {
        return None;
    }
    // A title (one text over the table, merged across it or not) is never a parent header.
    let own = header_texts(grid, idx, width, false);
    let mut texts: Vec<&String> = own.iter().filter(|t| !t.is_empty()).collect();
    texts.dedup();
    if texts.len() <= 1 && width > 2 {
        return None;
    }
    if texts.iter().any(|t| t.chars().count() > 16 || super::roles::has_form_value(t)) {
        return None;
    }
    let top = header_texts(grid, idx, width, true);
    let bottom = header_texts(grid, idx + 1, width, false);
    let mut composite = false;
    let mut keys = Vec::with_capacity(width);
    let mut roles = Vec::with_capacity(width);
    for c in 0..width {
        let (p, ch) = (&top[c], &bottom[c]);
        if ch.is_empty() || p == ch {
            keys.push(p.clone());
            roles.push(classify(p, None));
        } else if p.is_empty() {
            keys.push(ch.clone());
            roles.push(classify(ch, None));
        } else {
            composite = true;
            keys.push(format!("{p}/{ch}"));
            roles.push(classify(ch, Some(p)));
        }
    }
    if !composite {
        return None;
    }
    Some(Candidate {
        score: score_roles(&roles),
        first: idx,
        last: idx + 1,
        keys,
        roles,
    })
}

/// A header no word of the tables names (field codes, another language, a
/// typo): the first row, not itself a person's, below which one column holds
/// ID numbers and another personal names on at least 8 of 10 filled rows. Its
/// columns are then decided by their cells ([`content::adjust`]).
fn content_header(grid: &Grid, width: usize, search: usize) -> Option<Candidate> {
    let sampled = width.min(MAX_CONTENT_COLUMNS);
    for idx in 0..search {
        let row = &grid.rows[idx];
        let filled = row.cells.iter().filter(|c| !c.is_empty()).count();
        if filled < 2 || row.cells.iter().any(content::looks_like_person) {
            continue;
        }
        let below: Vec<&GridRow> =
            grid.rows.iter().skip(idx + 1).filter(|r| !r.cells.iter().all(Cell::is_empty)).take(20).collect();
        if below.len() < 3 {
            continue;
        }
        let most = |f: &dyn Fn(&Cell) -> bool| {
            (0..sampled).any(|c| below.iter().filter(|r| r.cells.get(c).is_some_and(f)).count() * 10 >= below.len() * 8)
        };
        let names = |c: &Cell| matches!(c, Cell::Text(t) if content::looks_like_name(t));
        if most(&content::looks_like_id) && most(&names) {
            let mut cand = single(grid, idx, width);
            cand.score = cand.score.max(2);
            return Some(cand);
        }
    }
    None
}

/// Columns sampled when the cells, not the header, find a table.
const MAX_CONTENT_COLUMNS: usize = 256;

/// Decide register or roll from the roles a header holds.
pub fn guess_kind(roles: &[Role]) -> Kind {
    let register = roles.iter().any(|r| {
        matches!(
            r,
            Role::Relation
                | Role::Name(Person::Cadre)
                | Role::Name(Person::Relative)
                | Role::Id(Person::Cadre)
                | Role::Id(Person::Relative)
                | Role::WideName(_)
                | Role::WideId(_)
        )
    });
    if register { Kind::Register } else { Kind::Roll }
}

/// Adapt roles to the kind of file and give every column of a person its person:
/// qualified columns by their qualifier, bare names by the table around them,
/// bare IDs by the nearest name on their left (else on their right).
/// `cadre_elsewhere`: the official is named above the table (a per-cadre form)
/// or in rows of the table (称谓 本人).
pub fn resolve_roles(roles: &mut [Role], kind: Kind, cadre_elsewhere: bool) {
    for r in roles.iter_mut() {
        *r = match (kind, std::mem::replace(r, Role::Unmapped)) {
            (Kind::Roll, Role::Relation) => Role::RelationToHead,
            (Kind::Roll, Role::CadreUnit | Role::CadrePost) => Role::Unmapped,
            (Kind::Roll, Role::Name(Person::Cadre)) => Role::Name(Person::Beneficiary),
            (Kind::Roll, Role::Id(Person::Cadre)) => Role::Id(Person::Beneficiary),
            (Kind::Roll, Role::Name(Person::Relative)) => Role::Name(Person::Member),
            (Kind::Roll, Role::Id(Person::Relative)) => Role::Id(Person::Member),
            (Kind::Roll, Role::WideName(t)) => Role::NameQualified(t),
            (Kind::Roll, Role::WideId(t)) => Role::IdQualified(t),
            (Kind::Register, Role::RelationToHead) => Role::Relation,
            (Kind::Register, Role::Name(Person::Member)) => Role::Name(Person::Relative),
            (Kind::Register, Role::Id(Person::Member)) => Role::Id(Person::Relative),
            (_, other) => other,
        };
    }
    // Qualifiers the tables do not know: one person per distinct qualifier.
    let mut others: Vec<String> = Vec::new();
    let mut staff: Vec<String> = Vec::new();
    let mut person_of = |q: &str| -> Person {
        let list = if super::roles::is_staff(q) { &mut staff } else { &mut others };
        let n = match list.iter().position(|x| x == q) {
            Some(i) => i + 1,
            None => {
                list.push(q.to_string());
                list.len()
            }
        };
        let n = u8::try_from(n).unwrap_or(u8::MAX);
        if super::roles::is_staff(q) { Person::Staff(n) } else { Person::Other(n) }
    };
    for r in roles.iter_mut() {
        match r {
            Role::NameQualified(q) => *r = Role::Name(person_of(q)),
            Role::IdQualified(q) => *r = Role::Id(person_of(q)),
            _ => {}
        }
    }
    // A register is about an official and his relatives: with the relatives
    // known and no official, a person the word tables do not know (填报人,
    // 申报人) named left of the relatives is the official, as a bare 姓名 there is.
    let is_cadre = |r: &Role| matches!(r, Role::Name(Person::Cadre) | Role::Id(Person::Cadre));
    if kind == Kind::Register && !cadre_elsewhere && !roles.iter().any(is_cadre) {
        let first_relative = roles.iter().position(|r| *r == Role::Name(Person::Relative));
        let first_other = roles.iter().position(|r| matches!(r, Role::Name(Person::Other(_))));
        if let (Some(rel), Some(o)) = (first_relative, first_other) {
            if let (true, Role::Name(who)) = (o < rel, roles[o].clone()) {
                for r in roles.iter_mut() {
                    match r {
                        Role::Name(p) | Role::Id(p) if *p == who => *p = Person::Cadre,
                        _ => {}
                    }
                }
            }
        }
    }
    let mut next_other = u8::try_from(others.len()).unwrap_or(u8::MAX);
    let mut new_other = || {
        next_other = next_other.saturating_add(1);
        Person::Other(next_other)
    };
    // A second name column of the same kind of person (享受人 … 领取人, both
    // beneficiaries; 法定代表人 … 项目负责人) is another person: it and the IDs
    // that follow it under the same word get a person of their own.
    let mut named: Vec<Person> = Vec::new();
    let mut renamed: Vec<(Person, Person)> = Vec::new();
    for r in roles.iter_mut() {
        match *r {
            Role::Name(p) if !matches!(p, Person::Cadre | Person::Relative) => {
                renamed.retain(|(from, _)| *from != p);
                if named.contains(&p) {
                    let q = new_other();
                    renamed.push((p, q));
                    *r = Role::Name(q);
                } else {
                    named.push(p);
                }
            }
            Role::Id(p) => {
                if let Some((_, q)) = renamed.iter().find(|(from, _)| *from == p) {
                    *r = Role::Id(*q);
                }
            }
            _ => {}
        }
    }
    let has_name = |roles: &[Role], p: Person| roles.contains(&Role::Name(p));
    let relation_near = |roles: &[Role], i: usize| {
        (i.saturating_sub(2)..(i + 3).min(roles.len())).any(|j| roles[j] == Role::Relation)
    };
    // Bare names.
    let bare_names = roles.iter().filter(|r| **r == Role::NameBare).count();
    for i in 0..roles.len() {
        if roles[i] != Role::NameBare {
            continue;
        }
        let p = match kind {
            Kind::Roll if !has_name(roles, Person::Beneficiary) && !roles.contains(&Role::Id(Person::Beneficiary)) => {
                Person::Beneficiary
            }
            Kind::Roll => new_other(),
            Kind::Register => {
                // The official is known by a column, a form or his 本人 rows: a bare
                // name is a relative. A lone bare name beside 称谓 is the relative
                // too (the official's own row is the one whose 称谓 is 本人).
                let cadre_known =
                    has_name(roles, Person::Cadre) || roles.contains(&Role::Id(Person::Cadre)) || cadre_elsewhere;
                if !has_name(roles, Person::Relative) && (cadre_known || bare_names == 1 && relation_near(roles, i)) {
                    Person::Relative
                } else if !has_name(roles, Person::Cadre) {
                    Person::Cadre
                } else if !has_name(roles, Person::Relative) {
                    Person::Relative
                } else {
                    new_other()
                }
            }
        };
        roles[i] = Role::Name(p);
    }
    // Bare IDs pair with the nearest name column on the left that has no ID yet.
    for i in 0..roles.len() {
        if roles[i] != Role::IdBare {
            continue;
        }
        let unpaired = |roles: &[Role], r: &Role| match r {
            Role::Name(Person::Staff(_)) => false,
            Role::Name(p) => !roles.contains(&Role::Id(*p)),
            Role::WideName(t) => !roles.contains(&Role::WideId(t.clone())),
            _ => false,
        };
        let left = (0..i).rev().find(|&j| unpaired(roles, &roles[j]));
        let right = (i + 1..roles.len()).find(|&j| unpaired(roles, &roles[j]));
        roles[i] = match left.or(right).map(|j| roles[j].clone()) {
            Some(Role::Name(p)) => Role::Id(p),
            Some(Role::WideName(t)) => Role::WideId(t),
            _ => {
                // An ID of no named person: the table's main person, unless he
                // has an ID already (then someone else, known by the ID alone).
                let main = if kind == Kind::Roll { Person::Beneficiary } else { Person::Relative };
                Role::Id(if roles.contains(&Role::Id(main)) { new_other() } else { main })
            }
        };
    }
}

/// The cells as [`clean_header`] leaves them, borrowed where cleaning changes
/// nothing (the common text cell): no allocation per cell of every data row.
fn cleaned(cells: &[Cell]) -> Vec<Cow<'_, str>> {
    cells
        .iter()
        .map(|c| match c {
            Cell::Text(s) => clean_header_cow(s),
            other => Cow::Owned(clean_header(&other.text())),
        })
        .collect()
}

const TOTAL_WORDS: &[&str] = &["小计", "合计", "总计", "总合计", "累计"];
const FOOTER_WORDS: &[&str] = &[
    "制表人", "制表", "审核人", "审核", "负责人", "填报日期", "填表人", "填表日期", "制表日期", "联系电话",
    "经办人", "审批人", "单位负责人", "分管领导", "填报人", "复核人", "主管领导", "填报单位", "制表单位", "报送单位", "填报单位（盖章）",
    "填报单位(盖章)",
];

/// Footer labels of the unit that drew the list up.
const FOOTER_UNIT_WORDS: &[&str] = &["填报单位", "制表单位", "报送单位"];

fn is_total(texts: &[Cow<str>]) -> bool {
    texts.iter().any(|t| TOTAL_WORDS.iter().any(|w| t.starts_with(w)))
}

fn is_footer(texts: &[Cow<str>]) -> bool {
    let first = texts.iter().find(|t| !t.is_empty());
    match first {
        Some(t) => FOOTER_WORDS.iter().any(|w| {
            t.strip_prefix(w)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(':') || rest.starts_with('：'))
        }),
        None => false,
    }
}

fn is_repeated_header(texts: &[Cow<str>], header_rows: &[Vec<String>]) -> bool {
    header_rows.iter().any(|h| {
        let nonempty = h.iter().filter(|t| !t.is_empty()).count();
        let same = h
            .iter()
            .zip(texts)
            .filter(|(a, b)| !a.is_empty() && a.as_str() == b.as_ref())
            .count();
        nonempty > 0 && same >= 2.max((nonempty * 6).div_ceil(10))
    })
}

/// Words in the lines above a register's table that say its rows are the
/// relatives of one official named elsewhere (本人、配偶、子女…投资的企业情况).
const RELATIVES_TITLE_WORDS: &[&str] = &["配偶", "子女", "家庭成员", "家庭主要成员", "亲属", "家属"];

/// A row that heads a section of its own: a name field and an ID field by the
/// header word tables ([`classify`]), each in a cell of its own, every filled
/// cell a short text (no number, no ID: not a data row, not a form line
/// 姓名 | 赵志刚 | 身份证号 | 4329…).
fn section_header(cells: &[Cell]) -> bool {
    // Most rows are data: none of their cells says 姓名 (a cheap test before
    // the word tables; a section headed only by English words starts none).
    if !cells.iter().any(|c| matches!(c, Cell::Text(t) if t.contains("姓名"))) {
        return false;
    }
    let (mut name, mut id, mut filled) = (false, false, 0);
    for c in cells {
        let t = match c {
            Cell::Empty => continue,
            Cell::Text(t) if t.trim().is_empty() => continue,
            Cell::Text(t) => t.trim(),
            _ => return false,
        };
        filled += 1;
        if t.chars().count() > 16 || t.chars().filter(char::is_ascii_digit).count() >= 6 {
            return false;
        }
        let role = classify(&clean_header_cow(t), None);
        id |= role.is_id();
        name |= role.is_name();
    }
    name && id && filled >= 3 && !form::is_form_row(cells)
}

/// A sheet of several sections, each under a header of its own (一、本人婚姻
///情况及配偶情况 | 姓名 | 国籍 | 身份证件号码 … 二、子女 | 姓名 | 与本人关系 …,
/// or 一、农村低保 … 二、特困供养 under other headers): a grid per section, each
/// with the lines above the first (the title, the form naming the official).
/// A header repeated word for word (a page header) starts no section, nor one
/// with no row between it and the last (a two-row header).
pub fn split_sections(grid: Grid) -> Vec<Grid> {
    let heads: Vec<usize> = grid.rows.iter().enumerate().filter(|(_, r)| section_header(&r.cells)).map(|(i, _)| i).collect();
    if heads.len() < 2 {
        return vec![grid];
    }
    let texts: Vec<String> = heads.iter().map(|&i| cleaned(&grid.rows[i].cells).join("|")).collect();
    // (row index, index into heads) of each section's header.
    let mut starts_at: Vec<(usize, usize)> = vec![(heads[0], 0)];
    for (k, &h) in heads.iter().enumerate().skip(1) {
        let last = starts_at.last().map_or(heads[0], |s| s.0);
        let rows_between = grid.rows[last + 1..h].iter().any(|r| r.cells.iter().any(|c| !c.is_empty()));
        if rows_between && !starts_at.iter().any(|&(_, j)| texts[j] == texts[k]) {
            starts_at.push((h, k));
        }
    }
    let mut starts: Vec<usize> = starts_at.into_iter().map(|s| s.0).collect();
    if starts.len() < 2 {
        return vec![grid];
    }
    // A section's title line (二、子女及其配偶情况: one text, right above its
    // header) opens the section, never closes the one before.
    let lone_text = |r: &GridRow| {
        let mut filled = r.cells.iter().filter(|c| !c.is_empty());
        matches!((filled.next(), filled.next()), (Some(Cell::Text(_)), None))
    };
    for k in 1..starts.len() {
        while starts[k] > starts[k - 1] + 1 && lone_text(&grid.rows[starts[k] - 1]) {
            starts[k] -= 1;
        }
    }
    let Grid { sheet, rows, merges, notes } = grid;
    let prefix: Vec<GridRow> = rows[..starts[0]].to_vec();
    let prefix_last = prefix.last().map_or(0, |r| r.number);
    let mut out = Vec::with_capacity(starts.len());
    let mut rest = rows;
    // Cut from the last section up, so each cut takes the tail.
    let mut pieces: Vec<Vec<GridRow>> = Vec::new();
    for &s in starts[1..].iter().rev() {
        pieces.push(rest.split_off(s));
    }
    pieces.push(rest);
    pieces.reverse();
    // An official's own one-row table right above his relatives' (姓名 | 身份证号码 |
    // 工作单位 | 职务, then 称谓 | 姓名 …): his row is the form line of the section below.
    let forms: Vec<Option<GridRow>> = (0..pieces.len())
        .map(|k| {
            let above = if k == 0 { prefix.as_slice() } else { &[] };
            pieces.get(k + 1).filter(|next| relatives_section(next)).and_then(|_| official_form(above, &pieces[k]))
        })
        .collect();
    for (k, body) in pieces.into_iter().enumerate() {
        if forms[k].is_some() {
            continue;
        }
        let (lo, hi) = (body.first().map_or(0, |r| r.number), body.last().map_or(0, |r| r.number));
        let in_piece = |m: &Merge| (m.first_row >= lo && m.first_row <= hi) || (k > 0 && m.last_row <= prefix_last);
        let mut rows = if k == 0 { Vec::new() } else { prefix.clone() };
        if let Some(form) = k.checked_sub(1).and_then(|j| forms[j].clone()) {
            rows.push(form);
        }
        rows.extend(body);
        out.push(Grid {
            sheet: sheet.clone(),
            rows,
            merges: merges.iter().filter(|m| in_piece(m)).copied().collect(),
            notes: if k == 0 { notes.clone() } else { Vec::new() },
        });
    }
    out
}

/// The header row of a section (its first row with a name and an ID field).
fn section_head(rows: &[GridRow]) -> Option<usize> {
    rows.iter().position(|r| section_header(&r.cells))
}

/// A section whose header has a relation column (称谓, 与本人关系): a relatives' table.
fn relatives_section(rows: &[GridRow]) -> bool {
    section_head(rows).is_some_and(|h| cleaned(&rows[h].cells).iter().any(|t| classify(t, None) == Role::Relation))
}

/// A section of one person under a header without a relation column (the
/// official's own 姓名 | 身份证号码 | 工作单位 | 职务 and his row): that row as
/// label / value cells (`姓名 | 赵志刚 | 身份证号码 | 4329… | 工作单位 | 县民政局`),
/// a form line naming the official. `None` for any other section, or one
/// whose title names a relation (配偶情况).
fn official_form(prefix: &[GridRow], rows: &[GridRow]) -> Option<GridRow> {
    let h = section_head(rows)?;
    // A section titled after a relation (一、本人婚姻情况及配偶情况) is that relative's.
    let title = rows[..h].iter().chain(prefix).rev().map(|r| cleaned(&r.cells).join("")).find(|t| !t.is_empty());
    if title.is_some_and(|t| !super::records::section_relation(&[t]).is_empty()) {
        return None;
    }
    let header = cleaned(&rows[h].cells);
    if header.iter().any(|t| matches!(classify(t, None), Role::Relation | Role::Name(Person::Relative) | Role::Id(Person::Relative))) {
        return None;
    }
    let mut data = rows[h + 1..].iter().filter(|r| r.cells.iter().any(|c| !c.is_empty()));
    let (row, None) = (data.next()?, data.next()) else { return None };
    let mut cells = Vec::new();
    for (label, value) in header.iter().zip(&row.cells) {
        if !label.is_empty() && !value.is_empty() {
            cells.push(Cell::Text(label.as_ref().into()));
            cells.push(value.clone());
        }
    }
    Some(GridRow { number: row.number, cells })
}

/// Of two columns read as the relation (称谓), the one whose cells are no
/// relation words is none: a label merged down beside the table
/// (家庭主要成员及重要社会关系 over a 任免审批表's 称谓 column), whose header
/// words name the field. The column whose cells are relations keeps the role.
fn relation_twins(roles: &mut [Role], decided: &mut [Decided], rows: &[DataRow]) {
    let cols: Vec<usize> = (0..roles.len()).filter(|&c| roles[c] == Role::Relation && decided[c] != Decided::Config).collect();
    if cols.len() < 2 {
        return;
    }
    let known = |c: usize| {
        rows.iter()
            .filter(|r| {
                let t = r.cell(c).text();
                !t.trim().is_empty() && crate::normalize::relation::parse_relation(&t).relation != crate::normalize::relation::Relation::Other
            })
            .count()
    };
    let counts: Vec<usize> = cols.iter().map(|&c| known(c)).collect();
    let best = counts.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return;
    }
    for (&c, &n) in cols.iter().zip(&counts) {
        if n == 0 {
            roles[c] = Role::Unmapped;
            decided[c] = Decided::Content;
        }
    }
}

/// The most rows a one-person form (审批表, 申请表: one applicant a sheet) has.
pub const FORM_SHEET_ROWS: usize = 60;

/// A sheet that is one person's form and no table (道县临时救助审批表: 申请人姓名 |
/// 李芳 | 性别 | 女, 身份证号码 | 4329…, 家庭住址 | …, one applicant a sheet): its
/// label / value pairs as a table of one row, the labels its header, the lines
/// above the first pair its title. `None` when the pairs name no person by
/// name and ID, or the sheet is longer than a form.
pub fn form_as_table(grid: Grid) -> Option<Grid> {
    if grid.rows.len() > FORM_SHEET_ROWS {
        return None;
    }
    let mut first: Option<u32> = None;
    let (mut labels, mut values): (Vec<Cell>, Vec<Cell>) = (Vec::new(), Vec::new());
    let mut seen: Vec<String> = Vec::new();
    for r in &grid.rows {
        let ps = form::pairs(&r.cells);
        if ps.is_empty() {
            continue;
        }
        first.get_or_insert(r.number);
        for (k, v) in ps {
            if seen.contains(&k) {
                continue;
            }
            seen.push(k.clone());
            labels.push(Cell::Text(k.as_str().into()));
            values.push(Cell::Text(v.as_str().into()));
        }
    }
    let first = first?;
    let roles: Vec<Role> = seen.iter().map(|k| classify(k, None)).collect();
    if !roles.iter().any(Role::is_name) || !roles.iter().any(Role::is_id) {
        return None;
    }
    // The header one line above the pairs (the form's first row is its data row,
    // as the reviewer finds it), the title lines above that; a title right above
    // the pairs keeps its line, and the header then shares the data row's number.
    let mut rows: Vec<GridRow> = grid.rows.into_iter().filter(|r| r.number < first).collect();
    let header_at = if rows.iter().any(|r| r.number + 1 == first) { first } else { first.saturating_sub(1) };
    rows.push(GridRow { number: header_at, cells: labels });
    rows.push(GridRow { number: first, cells: values });
    Some(Grid { sheet: grid.sheet, rows, merges: Vec::new(), notes: grid.notes })
}

/// Does a sheet open (its first filled row) with a valid ID in column `id_col`:
/// data, not a header or a title?
pub fn opens_with_an_id(grid: &Grid, id_col: usize) -> bool {
    let first = grid.rows.iter().find(|r| r.cells.iter().any(|c| !c.is_empty()));
    first.and_then(|r| r.cells.get(id_col)).is_some_and(|c| crate::normalize::id::normalize_id(&c.text()).key.is_some())
}

/// A sheet that goes on with the rows of the sheet before it (续表), under that
/// sheet's header (cleaned texts), put above its rows as row 0.
pub fn under_header(header: &[String], mut grid: Grid) -> Grid {
    let cells: Vec<Cell> = header.iter().map(|h| if h.is_empty() { Cell::Empty } else { Cell::Text(h.as_str().into()) }).collect();
    grid.rows.insert(0, GridRow { number: 0, cells });
    grid
}

/// The text of rows that are lines (titles, notes above a table): each row's
/// filled cells joined by a space, empty rows left out.
pub fn text_lines(rows: &[GridRow]) -> Vec<String> {
    rows.iter()
        .map(|r| r.cells.iter().map(|c| c.text().trim().to_string()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Find the table in a grid. `Err` carries the reason the sheet holds none.
pub fn find_table(owned: Grid, hints: &TableHints) -> Result<Table, NoTable> {
    let grid = &owned;
    let width = grid.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let search = grid.rows.len().min(HEADER_SEARCH_ROWS);
    // The header was found by the cells below it, not by its words.
    let mut by_content = false;
    let best = match hints.header_row {
        Some(h) => {
            let idx = grid
                .rows
                .iter()
                .position(|r| r.number == h)
                .ok_or_else(|| NoTable { reason: format!("配置的表头行 {h} 超出了工作表范围"), data_like: true })?;
            let s = single(grid, idx, width);
            let p = idx.checked_sub(1).and_then(|i| pair(grid, i, width));
            match p {
                Some(p) if p.score > s.score => p,
                _ => s,
            }
        }
        None => {
            let mut best: Option<Candidate> = None;
            for idx in 0..search {
                // A form row (姓名 | 赵志刚 | 性别 | 男 | 身份证号 | 4329…, as in
                // 干部任免审批表) names the official; it is never the header.
                if form::is_form_row(&grid.rows[idx].cells) {
                    continue;
                }
                let s = single(grid, idx, width);
                let mut cand = s;
                if let Some(p) = pair(grid, idx, width) {
                    let below = single(grid, idx + 1, width);
                    // Equal scores: the parent row that says whose each 姓名 is wins
                    // (干部信息 | 配偶 | 子女 over 姓名 | 身份证号 …).
                    let better = p.score > below.score || (p.score == below.score && qualified(&p.roles) > qualified(&below.roles));
                    if p.score > cand.score && better {
                        cand = p;
                    }
                }
                if cand.score > best.as_ref().map_or(0, |b| b.score) {
                    best = Some(cand);
                }
            }
            match best.filter(|b| b.score >= 2) {
                Some(b) => b,
                None => {
                    let c = content_header(grid, width, search).ok_or_else(|| no_table_reason(grid))?;
                    by_content = true;
                    c
                }
            }
        }
    };
    let Candidate {
        first, last, keys, mut roles, ..
    } = best;
    if roles.iter().all(|r| *r == Role::Unmapped) && hints.columns.is_empty() && !by_content {
        return Err(no_table_reason(grid));
    }
    // Signature cells with nothing under them (审核人： | 制表人： | 日期：, a
    // web page's last table): no table of persons.
    let staff = |r: &Role| matches!(r, Role::NameQualified(q) | Role::IdQualified(q) if super::roles::is_staff(q));
    let persons: Vec<&Role> = roles.iter().filter(|r| r.is_person()).collect();
    let nothing_below = grid.rows.iter().skip(last + 1).all(|r| r.cells.iter().all(Cell::is_empty));
    if hints.columns.is_empty() && nothing_below && !persons.is_empty() && persons.iter().all(|r| staff(r)) {
        return Err(NoTable { reason: "只有签字栏（审核人、制表人等），下面没有人员".into(), data_like: false });
    }
    // Config overrides by header key.
    let mut decided: Vec<Decided> = vec![Decided::Header; roles.len()];
    for (c, k) in keys.iter().enumerate() {
        if let Some(r) = hints.columns.get(k) {
            roles[c] = r.clone();
            decided[c] = Decided::Config;
        }
    }
    numbered_groups(&mut roles, &keys, &decided);
    repeated_groups(&mut roles, &keys, &decided);
    let kind = hints.kind.unwrap_or_else(|| guess_kind(&roles));

    let above = text_lines(&grid.rows[..first]);
    let mut forms: Vec<(u32, FormCadre)> = Vec::new();
    if kind == Kind::Register {
        let pairs: Vec<(String, String)> = grid.rows[..first].iter().flat_map(|r| form::pairs(&r.cells)).collect();
        if let Some(f) = FormCadre::from_pairs(&pairs) {
            forms.push((0, f));
        } else if let Some(mut f) = grid.rows[..first].iter().rev().find_map(|r| title_line(&r.cells)) {
            // 填报单位：县民政局 under the title is his unit.
            f.fill_from(&pairs);
            forms.push((0, f));
        }
    }
    let header_rows: Vec<Vec<String>> = (first..=last)
        .map(|i| cleaned(&grid.rows[i].cells).into_iter().map(Cow::into_owned).collect())
        .collect();
    let header_first = grid.rows[first].number;
    let header_row = grid.rows[last].number;
    // Values of cells merged down over data rows, taken before the rows are moved.
    let fills: Vec<(Merge, Cell)> = grid
        .merges
        .iter()
        .filter(|m| m.first_row > header_row && m.last_row > m.first_row)
        .filter_map(|m| {
            let v = grid.rows.iter().find(|r| r.number == m.first_row)?.cells.get(m.first_col)?.clone();
            (!v.is_empty()).then_some((*m, v))
        })
        .collect();
    // A register without a column for the official may name one per block of rows
    // (a form line `姓名：张三` above each cadre's relatives).
    let cadre_columns = roles.iter().any(|r| matches!(r, Role::Name(Person::Cadre) | Role::Id(Person::Cadre)));

    let Grid { rows: all_rows, .. } = owned;
    let body: Vec<GridRow> = all_rows.into_iter().skip(last + 1).collect();
    let mut skipped: BTreeMap<String, u64> = BTreeMap::new();
    let mut footers: Vec<String> = Vec::new();
    let mut rows = classify_rows(body, true, kind, cadre_columns, &header_rows, &mut forms, &mut skipped, &mut footers);
    fill_down(&fills, &mut rows);
    join_boxed_ids(&roles, &mut rows);
    let split_name = split_name(&mut roles, &keys);
    join_split_names(split_name, &mut rows);

    // The cells confirm or overturn the header's words.
    // Each column sampled once, for its role and for cells listing several persons.
    let profiles: Vec<content::Profile> = (0..roles.len()).map(|c| content::profile(&rows, c)).collect();
    content::adjust(&mut roles, &mut decided, &keys, &profiles);
    relation_twins(&mut roles, &mut decided, &rows);
    let only_one_name = roles.iter().filter(|r| r.is_name()).count() == 1;
    let no_cadre_fields = !roles.iter().any(|r| matches!(r, Role::CadreUnit | Role::CadrePost | Role::WideName(_)));
    let title_says_relatives = above.iter().any(|l| RELATIVES_TITLE_WORDS.iter().any(|w| l.contains(w)));
    let cadre_elsewhere =
        kind == Kind::Register && (!forms.is_empty() || (title_says_relatives && only_one_name && no_cadre_fields));
    resolve_roles(&mut roles, kind, cadre_elsewhere);
    masked_copies(&mut roles, &keys);
    if kind == Kind::Register {
        cadres_workplace(&mut roles, &keys);
    }
    let multi = content::multi_columns(&roles, &profiles);

    let mut seen: HashMap<String, usize> = HashMap::new();
    let columns: Vec<Column> = keys
        .iter()
        .enumerate()
        .filter(|(c, k)| !k.is_empty() || roles[*c] != Role::Unmapped)
        .map(|(c, k)| {
            let base = if k.is_empty() { format!("列{}", col_letter(c)) } else { k.clone() };
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            let key = if *n > 1 { format!("{base}({n})") } else { base };
            Column {
                index: c,
                wan: roles[c] == Role::Amount && is_wan_yuan(k),
                decided_by: decided[c],
                multi: multi.contains(&c),
                key,
                role: roles[c].clone(),
            }
        })
        .collect();
    // A death list, a vehicle register or a payroll is not a roll: its persons
    // would be matched as beneficiaries. Its columns are read (inspect shows
    // them), its rows are not used, and the sheet says what it is.
    let has_amount = columns.iter().any(|c| matches!(c.role, Role::Amount | Role::Program));
    let not_a_roll = if kind == Kind::Roll { super::roles::other_input(columns.iter().map(|c| c.key.as_str()), has_amount) } else { None };
    Ok(Table {
        not_a_roll,
        split_name,
        kind,
        header_first,
        header_row,
        columns,
        above,
        footers,
        forms,
        rows,
        skipped,
        header_texts: header_rows,
        cadre_columns,
    })
}

/// Cells merged down a column (a 乡镇 over its villages, a 户主 over the
/// household) hold their value only in the top cell: copy it down.
/// An ID typed one character per cell under a header merged over the boxes
/// (身份证号码 over 18 columns, as printed forms have it): where most rows hold
/// one digit in the ID column and one digit (or X) in each of the next 17 (or
/// 14) cells, the boxes of every row are joined into the ID column's cell.
fn join_boxed_ids(roles: &[Role], rows: &mut [DataRow]) {
    let one_char = |c: &Cell| match c {
        Cell::Text(t) => {
            let mut ch = t.trim().chars();
            matches!((ch.next(), ch.next()), (Some(d), None) if d.is_ascii_digit() || d == 'X' || d == 'x')
        }
        Cell::Number(f) => f.fract() == 0.0 && (0.0..=9.0).contains(f),
        _ => false,
    };
    let boxed = |r: &DataRow, c: usize, n: usize| (c..c + n).all(|k| one_char(r.cell(k)));
    for c in (0..roles.len()).filter(|&c| roles[c].is_id()) {
        // Decided on the first rows that fill the column (a sample, as the profiles are).
        let filled: Vec<&DataRow> = rows.iter().filter(|r| !r.cell(c).is_empty()).take(200).collect();
        let Some(n) = [18, 15].into_iter().find(|&n| {
            let hits = filled.iter().filter(|r| boxed(r, c, n)).count();
            !filled.is_empty() && hits * 5 >= filled.len() * 4
        }) else {
            join_id_parts(c, roles, rows);
            continue;
        };
        for r in rows.iter_mut().filter(|r| boxed(r, c, n)) {
            let joined: String = (c..c + n).map(|k| r.cell(k).text().trim().to_string()).collect();
            for k in c + 1..c + n {
                if let Some(cell) = r.cells.get_mut(k) {
                    *cell = Cell::Empty;
                }
            }
            if let Some(cell) = r.cells.get_mut(c) {
                *cell = Cell::Text(joined.into());
            }
        }
    }
}

/// A person's ID given twice, once masked for publication (亲属身份证号（脱敏）
/// beside 亲属身份证号): the full one is his ID column, the masked one is left out.
fn masked_copies(roles: &mut [Role], keys: &[String]) {
    const MASKED: &[&str] = &["脱敏", "掩码", "隐藏", "后四位", "后4位", "部分"];
    let masked = |c: usize| keys.get(c).is_some_and(|k| MASKED.iter().any(|w| k.contains(w)));
    for c in 0..roles.len() {
        if roles[c].is_id() && masked(c) && (0..roles.len()).any(|o| o != c && roles[o] == roles[c] && !masked(o)) {
            roles[c] = Role::Ignore;
        }
    }
}

/// An ID typed over two to four columns under one merged header (身份证号码
/// over 前6位 | 中间8位 | 后4位): where most rows' cells in the ID column and the
/// unnamed (or ID) columns after it are runs of digits making 18 (or 15) together,
/// each such row's parts are joined into the ID column's cell.
fn join_id_parts(c: usize, roles: &[Role], rows: &mut [DataRow]) {
    let digits = |cell: &Cell, last: bool| {
        let t = cell.text();
        let t = t.trim();
        !t.is_empty() && t.chars().enumerate().all(|(i, ch)| ch.is_ascii_digit() || (last && i + 1 == t.chars().count() && (ch == 'X' || ch == 'x')))
    };
    let parts = |r: &DataRow, n: usize| -> Option<String> {
        let ok = (c..c + n).all(|k| digits(r.cell(k), k + 1 == c + n));
        let joined: String = (c..c + n).map(|k| r.cell(k).text().trim().to_string()).collect();
        (ok && (joined.len() == 18 || joined.len() == 15)).then_some(joined)
    };
    let filled: Vec<&DataRow> = rows.iter().filter(|r| !r.cell(c).is_empty()).take(200).collect();
    let Some(n) = (2..=4).find(|&n| {
        let unnamed = (c + 1..c + n).all(|k| roles.get(k).is_none_or(|r| *r == Role::Unmapped || r.is_id()));
        let hits = filled.iter().filter(|r| parts(r, n).is_some()).count();
        unnamed && !filled.is_empty() && hits * 5 >= filled.len() * 4
    }) else {
        return;
    };
    for r in rows.iter_mut() {
        let Some(joined) = parts(r, n) else { continue };
        for k in c + 1..c + n {
            if let Some(cell) = r.cells.get_mut(k) {
                *cell = Cell::Empty;
            }
        }
        if let Some(cell) = r.cells.get_mut(c) {
            *cell = Cell::Text(joined.into());
        }
    }
}

/// A name over two columns side by side, 姓 | 名 (or 姓氏 | 名字), and no other
/// name column: the surname's column becomes the name column, the given name's
/// is read into it ([`join_split_names`]).
fn split_name(roles: &mut [Role], keys: &[String]) -> Option<(usize, usize)> {
    let c = keys.iter().position(|k| k == "姓" || k == "姓氏")?;
    if !keys.get(c + 1).is_some_and(|k| k == "名" || k == "名字") {
        return None;
    }
    if roles.iter().enumerate().any(|(i, r)| i != c + 1 && r.is_name()) {
        return None;
    }
    roles[c] = Role::NameBare;
    roles[c + 1] = Role::Ignore;
    Some((c, c + 1))
}

/// Each row's surname and given name joined into the surname's cell.
fn join_split_names(split: Option<(usize, usize)>, rows: &mut [DataRow]) {
    let Some((s, g)) = split else { return };
    for r in rows {
        let given = r.cell(g).text().trim().to_string();
        if given.is_empty() {
            continue;
        }
        let name = format!("{}{given}", r.cell(s).text().trim());
        if let Some(cell) = r.cells.get_mut(s) {
            *cell = Cell::Text(name.as_str().into());
        }
    }
}

fn fill_down(fills: &[(Merge, Cell)], rows: &mut [DataRow]) {
    if fills.is_empty() {
        return;
    }
    let index: HashMap<u32, usize> = rows.iter().enumerate().map(|(i, r)| (r.number, i)).collect();
    for (m, value) in fills {
        for n in m.first_row + 1..=m.last_row {
            if let Some(&i) = index.get(&n) {
                let row = &mut rows[i];
                if row.cells.len() <= m.first_col {
                    row.cells.resize(m.first_col + 1, Cell::Empty);
                }
                if row.filled.len() < row.cells.len() {
                    row.filled.resize(row.cells.len(), false);
                }
                if row.cells.get(m.first_col).is_some_and(Cell::is_empty) {
                    row.cells[m.first_col] = value.clone();
                    row.filled[m.first_col] = true;
                }
            }
        }
    }
}

/// Excel column letters: 0 -> A, 26 -> AA.
pub fn col_letter(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        if s.is_empty() { Cell::Empty } else { Cell::Text(s.into()) }
    }
    fn grid(rows: &[&[&str]], merges: Vec<Merge>) -> Grid {
        Grid {
            sheet: "s".into(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| GridRow {
                    number: i as u32 + 1,
                    cells: r.iter().map(|s| t(s)).collect(),
                })
                .collect(),
            merges,
            notes: Vec::new(),
        }
    }

    #[test]
    fn header_below_title_and_unit_line_is_found_by_its_words() {
        let g = grid(
            &[
                &["示例县2024年10月农村低保花名册", "", ""],
                &["填报单位：县民政局  单位：元  日期：2024-10-31", "", ""],
                &["", "", ""],
                &["姓  名", "身份证\n号码", "保障金额"],
                &["王伟", "519901199001011234", "300"],
                &["小计", "", "300"],
                &["", "", ""],
                &["制表人：张三", "", "审核人：李四"],
            ],
            vec![],
        );
        let tb = find_table(g, &TableHints::default()).unwrap();
        assert_eq!(tb.header_row, 4);
        assert_eq!(tb.kind, Kind::Roll);
        let labels: Vec<String> = tb.columns.iter().map(|c| format!("{}={}", c.key, c.role.label())).collect();
        assert_eq!(labels, ["姓名=name:beneficiary", "身份证号码=id:beneficiary", "保障金额=amount"]);
        assert_eq!(tb.rows.len(), 1);
        assert_eq!(tb.skipped.get("total"), Some(&1));
        assert_eq!(tb.skipped.get("blank"), Some(&1));
        assert_eq!(tb.skipped.get("footer"), Some(&1));
        assert!(tb.above[1].starts_with("填报单位"));
    }

    #[test]
    fn two_row_header_under_a_merged_parent() {
        let g = grid(
            &[
                &["序号", "户主", "", "补助金额（万元）"],
                &["", "姓名", "身份证号", ""],
                &["1", "王伟", "519901199001011234", "1.5"],
            ],
            vec![
                Merge { first_row: 1, last_row: 1, first_col: 1, last_col: 2 },
                Merge { first_row: 1, last_row: 2, first_col: 3, last_col: 3 },
            ],
        );
        let tb = find_table(g, &TableHints::default()).unwrap();
        assert_eq!((tb.header_first, tb.header_row), (1, 2));
        let labels: Vec<String> = tb.columns.iter().map(|c| format!("{}={}", c.key, c.role.label())).collect();
        assert_eq!(
            labels,
            ["序号=seq", "户主/姓名=name:household_head", "户主/身份证号=id:household_head", "补助金额(万元)=amount"]
        );
        assert!(tb.columns[3].wan);
    }

    #[test]
    fn repeated_header_and_merged_cells_filled_down() {
        let g = grid(
            &[
                &["乡镇", "姓名", "身份证号"],
                &["万谷乡", "王伟", "1"],
                &["", "李强", "2"],
                &["乡镇", "姓名", "身份证号"],
                &["青石镇", "刘芳", "3"],
            ],
            vec![Merge { first_row: 2, last_row: 3, first_col: 0, last_col: 0 }],
        );
        let tb = find_table(g, &TableHints::default()).unwrap();
        assert_eq!(tb.rows.len(), 3);
        assert_eq!(tb.skipped.get("header"), Some(&1));
        assert_eq!(tb.rows[1].cells[0], Cell::Text("万谷乡".into()));
        assert!(tb.rows[1].filled[0]);
    }

    #[test]
    fn register_long_form_roles() {
        let g = grid(
            &[&["序号", "干部姓名", "身份证号", "工作单位", "职务", "亲属姓名", "称谓", "身份证号码", "现居住地址或工作单位"]],
            vec![],
        );
        let tb = find_table(g, &TableHints::default()).unwrap();
        assert_eq!(tb.kind, Kind::Register);
        let roles: Vec<String> = tb.columns.iter().map(|c| c.role.label()).collect();
        assert_eq!(
            roles,
            ["seq", "name:cadre", "id:cadre", "cadre_unit", "cadre_post", "name:relative", "relation", "id:relative", "address"]
        );
    }

    #[test]
    fn register_wide_form_roles() {
        let g = grid(&[&["姓名", "身份证号", "工作单位", "职务", "配偶姓名", "配偶身份证号", "父亲姓名", "父亲身份证号"]], vec![]);
        let tb = find_table(g, &TableHints::default()).unwrap();
        assert_eq!(tb.kind, Kind::Register);
        let roles: Vec<String> = tb.columns.iter().map(|c| c.role.label()).collect();
        assert_eq!(
            roles,
            ["name:cadre", "id:cadre", "cadre_unit", "cadre_post", "name:relative:配偶", "id:relative:配偶", "name:relative:父亲", "id:relative:父亲"]
        );
    }

    #[test]
    fn two_people_in_one_row_pair_by_position() {
        let g = grid(&[&["学生姓名", "身份证号", "学校", "监护人姓名", "身份证号"]], vec![]);
        let tb = find_table(g, &TableHints::default()).unwrap();
        let roles: Vec<String> = tb.columns.iter().map(|c| c.role.label()).collect();
        assert_eq!(roles, ["name:beneficiary", "id:beneficiary", "unmapped", "name:guardian", "id:guardian"]);
        assert_eq!(tb.columns[4].key, "身份证号(2)");
    }

    #[test]
    fn sheet_without_a_table_is_reported() {
        let g = grid(&[&["说明：本表为示例。"], &["请按要求填写。"]], vec![]);
        assert!(find_table(g, &TableHints::default()).unwrap_err().reason.contains("没有含姓名或身份证号列的表头"));
        assert_eq!(find_table(grid(&[], vec![]), &TableHints::default()).unwrap_err().reason, "空工作表");
    }

    #[test]
    fn a_notes_sheet_mentioning_one_header_word_is_not_a_table() {
        let g = grid(&[&["字段", "说明"], &["身份证号", "填写18位身份证号，末位X大写"], &["称谓", "从下拉列表选择"]], vec![]);
        assert!(find_table(g, &TableHints::default()).is_err());
    }

    #[test]
    fn col_letters() {
        assert_eq!(col_letter(0), "A");
        assert_eq!(col_letter(25), "Z");
        assert_eq!(col_letter(26), "AA");
    }
}
