//! Every real header row of `fixtures/layouts/headers.jsonl`, built into a
//! workbook the way a department would send it and read back: are the person
//! columns read as the right persons, and is nothing else taken for a name or
//! an ID? See `fixtures/layouts/README.md` ("How to test with it").
//!
//! The corpus test collects every failing row and fails once at the end, with
//! one line per wrong column, so one run shows everything:
//!
//!     cargo test --test layouts -- --nocapture
//!
//! The blank templates `kinmatch template register|roll` writes go through a
//! similar check: every column of the template is mapped.

use kinmatch::config::Config;
use kinmatch::load::{self, InputFile, roles::Kind};
use kinmatch::model::ColumnReport;
use kinmatch::report::{TemplateKind, write_template};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Data rows below each header.
const DATA_ROWS: u32 = 30;

// ---------------------------------------------------------------------------
// The corpus

#[derive(Clone, Debug)]
struct Label {
    kind: String,
    person: Option<String>,
}

#[derive(Clone, Debug)]
struct Layout {
    id: u64,
    kind: String,
    header: Vec<String>,
    sheet_titles: Vec<String>,
    labels: Vec<Label>,
    usable: bool,
    cadre_in_form: bool,
    merge_down: Vec<usize>,
}

fn corpus_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/layouts/headers.jsonl")
}

/// Parse one line of the corpus; the error names the line.
fn parse_layout(lineno: usize, line: &str) -> Result<Layout, String> {
    let at = |what: &str| format!("headers.jsonl line {lineno}: {what}");
    let v: Value = serde_json::from_str(line).map_err(|e| at(&format!("not JSON: {e}")))?;
    let id = v["id"].as_u64().ok_or_else(|| at("no id"))?;
    let strings = |key: &str| -> Result<Vec<String>, String> {
        match &v[key] {
            Value::Null => Ok(Vec::new()),
            Value::Array(a) => a
                .iter()
                .map(|x| x.as_str().map(str::to_string).ok_or_else(|| at(&format!("row {id}: {key} holds a non-string"))))
                .collect(),
            _ => Err(at(&format!("row {id}: {key} is not a list"))),
        }
    };
    let header = strings("header")?;
    let sheet_titles = strings("sheet_titles")?;
    let labels = v["labels"]
        .as_array()
        .ok_or_else(|| at(&format!("row {id}: no labels")))?
        .iter()
        .map(|l| {
            Ok(Label {
                kind: l["kind"].as_str().ok_or_else(|| at(&format!("row {id}: label without kind")))?.to_string(),
                person: l["person"].as_str().map(str::to_string),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    if labels.len() != header.len() {
        return Err(at(&format!("row {id}: {} header cells but {} labels", header.len(), labels.len())));
    }
    let merge_down = match &v["merge_down"] {
        Value::Null => Vec::new(),
        Value::Array(a) => a
            .iter()
            .map(|x| x.as_u64().map(|n| n as usize).ok_or_else(|| at(&format!("row {id}: bad merge_down"))))
            .collect::<Result<_, _>>()?,
        _ => return Err(at(&format!("row {id}: merge_down is not a list"))),
    };
    Ok(Layout {
        id,
        kind: v["kind"].as_str().ok_or_else(|| at(&format!("row {id}: no kind")))?.to_string(),
        header,
        sheet_titles,
        labels,
        usable: v["usable"].as_bool().unwrap_or(true),
        cadre_in_form: v["cadre_in_form"].as_bool().unwrap_or(false),
        merge_down,
    })
}

fn read_corpus() -> Vec<Layout> {
    let text = std::fs::read_to_string(corpus_path()).unwrap_or_else(|e| panic!("{}: {e}", corpus_path().display()));
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_layout(i + 1, line) {
            Ok(l) => out.push(l),
            Err(e) => errors.push(e),
        }
    }
    assert!(errors.is_empty(), "corpus does not parse:\n{}", errors.join("\n"));
    out
}

// ---------------------------------------------------------------------------
// Made-up values

/// splitmix64: deterministic per row, no dependency.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }
}

const SURNAMES: [&str; 40] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
    "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余",
];
const GIVEN_M: [&str; 30] = [
    "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "建", "国", "华", "峰", "斌", "鹏", "志", "林",
    "文", "宇", "浩", "德", "春", "海", "波", "庆", "荣", "兵",
];
const GIVEN_F: [&str; 30] = [
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "英", "玲", "红", "萍", "燕", "梅", "兰", "琴", "慧", "婷", "雪",
    "莉", "倩", "云", "凤", "桂", "珍", "小", "佳", "悦", "蓉",
];
const AREAS: [&str; 8] = ["513901", "510722", "430124", "370502", "440306", "321283", "420222", "360731"];
const TOWNSHIPS: [&str; 10] = ["城关镇", "青山镇", "石桥镇", "河口镇", "新华镇", "白马镇", "龙泉镇", "金桥镇", "永安镇", "双河镇"];
const VILLAGES: [&str; 10] = ["东风村", "红星村", "和平村", "新民村", "光明村", "团结村", "柳树村", "长岭村", "桃园村", "向阳村"];
const UNITS: [&str; 8] = ["县民政局", "县教育局", "县财政局", "县农业农村局", "县卫生健康局", "青山镇人民政府", "县自然资源局", "县人社局"];
const POSTS: [&str; 8] = ["科员", "副局长", "局长", "主任", "副主任", "办事员", "股长", "副镇长"];
const PROGRAMS: [&str; 8] = ["农村低保", "特困供养", "临时救助", "城市低保", "耕地地力保护补贴", "残疾人两项补贴", "高龄补贴", "危房改造补助"];
const BANKS: [&str; 5] = ["中国农业银行", "农村信用合作联社", "中国邮政储蓄银行", "中国建设银行", "中国工商银行"];
const COMPANY_WORDS: [&str; 10] = ["宏达", "鑫源", "华兴", "富民", "恒通", "金穗", "众诚", "利民", "兴旺", "青禾"];
const COMPANY_TRADES: [&str; 6] = ["建筑工程", "农业科技", "商贸", "劳务", "物流", "食品"];

/// Relation terms of a roll (to the household head) with the sex they imply.
const TO_HEAD: [(&str, Option<bool>); 9] = [
    ("配偶", None),
    ("儿子", Some(true)),
    ("女儿", Some(false)),
    ("父亲", Some(true)),
    ("母亲", Some(false)),
    ("孙子", Some(true)),
    ("孙女", Some(false)),
    ("儿媳", Some(false)),
    ("兄弟", Some(true)),
];
/// Relation terms of a register (to the cadre) with the sex they imply.
const TO_CADRE: [(&str, Option<bool>); 12] = [
    ("配偶", None),
    ("长子", Some(true)),
    ("次子", Some(true)),
    ("长女", Some(false)),
    ("女儿", Some(false)),
    ("儿子", Some(true)),
    ("父亲", Some(true)),
    ("母亲", Some(false)),
    ("岳父", Some(true)),
    ("岳母", Some(false)),
    ("哥哥", Some(true)),
    ("妹妹", Some(false)),
];

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// GB 11643 check character of the first 17 digits.
fn check_char(first17: &str) -> char {
    let sum: u32 = first17.bytes().zip(WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
    CHECK[(sum % 11) as usize]
}

#[derive(Clone, Debug)]
struct Person {
    name: String,
    id: String,
    male: bool,
    birth: (u16, u8, u8),
}

fn days_in(y: u16, m: u8) -> u8 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn date(rng: &mut Rng, y0: u64, y1: u64) -> (u16, u8, u8) {
    let y = rng.range(y0, y1) as u16;
    let m = rng.range(1, 12) as u8;
    let d = rng.range(1, u64::from(days_in(y, m))) as u8;
    (y, m, d)
}

fn name(rng: &mut Rng, male: bool) -> String {
    let given: &[&str] = if male { &GIVEN_M } else { &GIVEN_F };
    let mut s = rng.pick(&SURNAMES).to_string();
    s.push_str(*rng.pick(given));
    if rng.chance(65) {
        s.push_str(*rng.pick(given));
    }
    s
}

/// A person with a valid 18-digit ID; about one in eight ends in a lower-case x.
fn person(rng: &mut Rng, male: Option<bool>, years: (u64, u64)) -> Person {
    let male = male.unwrap_or_else(|| rng.chance(50));
    let birth = date(rng, years.0, years.1);
    let area = rng.pick(&AREAS).to_string();
    let want_x = rng.chance(12);
    let mut id = String::new();
    for attempt in 0..200 {
        let mut seq = rng.range(0, 99) * 10 + if male { 2 * rng.range(0, 4) + 1 } else { 2 * rng.range(0, 4) };
        if seq == 0 {
            seq = 2;
        }
        let first17 = format!("{area}{:04}{:02}{:02}{seq:03}", birth.0, birth.1, birth.2);
        let c = check_char(&first17);
        if want_x && c != 'X' && attempt < 199 {
            continue;
        }
        id = format!("{first17}{}", if c == 'X' { 'x' } else { c });
        break;
    }
    Person { name: name(rng, male), id, male, birth }
}

enum Cell {
    Text(String),
    Num(f64),
    Date((u16, u8, u8)),
    Blank,
}

fn ymd((y, m, d): (u16, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn company(rng: &mut Rng) -> String {
    format!("{}县{}{}有限公司", rng.pick(&["青山", "城关", "河口", "金桥"]), rng.pick(&COMPANY_WORDS), rng.pick(&COMPANY_TRADES))
}

fn org_name(rng: &mut Rng, header: &str) -> String {
    if header.contains("学校") {
        format!("{}{}", rng.pick(&TOWNSHIPS), rng.pick(&["中心学校", "第一小学", "初级中学"]))
    } else if header.contains("机构") && !header.contains("主体") && !header.contains("开办") {
        format!("{}{}", rng.pick(&TOWNSHIPS), rng.pick(&["敬老院", "卫生院", "中心医院"]))
    } else if header.contains("登记机关") {
        "县市场监督管理局".into()
    } else if rng.chance(10) {
        format!("{}中心医院", rng.pick(&["县", "青山镇", "河口镇"]))
    } else {
        company(rng)
    }
}

fn credit_code(rng: &mut Rng) -> String {
    const CS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let mut s = format!("91{}", rng.pick(&AREAS));
    while s.len() < 18 {
        s.push(char::from(CS[rng.below(CS.len() as u64) as usize]));
    }
    s
}

/// A text value fitting the header words of a `text` column.
fn text_value(rng: &mut Rng, h: &str) -> Cell {
    let t = |s: &str| Cell::Text(s.to_string());
    if h.starts_with("是否") || h.starts_with("有无") || h.contains("是否") {
        return t(*rng.pick(&["是", "否"]));
    }
    let pick = |rng: &mut Rng, xs: &[&str]| Cell::Text(rng.pick(xs).to_string());
    let table: [(&[&str], &[&str]); 20] = [
        (&["民族"], &["汉族", "汉族", "汉族", "回族", "彝族"]),
        (&["政治面貌"], &["群众", "中共党员", "群众", "共青团员"]),
        (&["婚姻"], &["已婚", "未婚", "丧偶", "离异"]),
        (&["文化程度", "学历"], &["初中", "小学", "高中", "大专", "本科"]),
        (&["健康", "自理", "劳动能力"], &["健康", "一般", "残疾", "患病"]),
        (&["就业", "职业"], &["务农", "务工", "无业", "在校学生"]),
        (&["残疾类别"], &["肢体", "视力", "听力", "智力"]),
        (&["残疾等级", "等级"], &["一级", "二级", "三级", "四级"]),
        (&["户籍", "户口"], &["农业", "非农业"]),
        (&["病种"], &["无", "高血压", "糖尿病"]),
        (&["参保"], &["城乡居民医保", "职工医保"]),
        (&["备注", "其他", "说明", "提示", "描述"], &["", "无", "", "已核实"]),
        (&["状态", "现状"], &["正常", "在职", "存续", "注销"]),
        (&["省"], &["四川省", "湖南省", "山东省"]),
        (&["市"], &["绵阳市", "长沙市", "淄博市"]),
        (&["县", "区"], &["青山县", "城关区", "河口县"]),
        (&["年度", "年份"], &["2023", "2024"]),
        (&["类型", "类别", "性质", "方式", "属性", "种类"], &["一般", "A类", "B类", "其他"]),
        (&["街", "社"], &["城关街道", "新华社区"]),
        (&["品牌", "型号", "品种"], &["解放", "五菱", "东风"]),
    ];
    if h.contains("面积") || h.contains("比例") || h.contains("数量") {
        return Cell::Num((rng.range(5, 500) as f64) / 10.0);
    }
    for (words, values) in table {
        if words.iter().any(|w| h.contains(w)) {
            return pick(rng, values);
        }
    }
    pick(rng, &["有", "无", "无", "一般", "正常", "已审核"])
}

/// Value appended to a form line ending in `：` / `:`, by the field's own words.
fn form_value(rng: &mut Rng, line: &str) -> String {
    let field = line.trim_end_matches(['：', ':']);
    let field = field.rsplit(char::is_whitespace).next().unwrap_or(field);
    if field.contains("身份证") {
        person(rng, None, (1950, 1990)).id
    } else if field.contains("姓名") || field.ends_with('人') {
        let male = rng.chance(50);
        name(rng, male)
    } else if field.contains("时间") || field.contains("日期") {
        ymd(date(rng, 2023, 2024))
    } else if field.contains("类型") || field.contains("类别") {
        rng.pick(&PROGRAMS).to_string()
    } else if field.contains("单位") {
        rng.pick(&UNITS).to_string()
    } else if field.contains("编号") || field.contains("证号") {
        format!("HD{}", rng.digits(8))
    } else if field.contains("是否") {
        "是".into()
    } else {
        "青山县".into()
    }
}

/// A title line as a department fills it in: form fields get a value,
/// template placeholders `{…}` too.
fn fill_title(rng: &mut Rng, line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(a) = rest.find('{') {
        let Some(b) = rest[a..].find('}') else { break };
        out.push_str(&rest[..a]);
        let inner = &rest[a + 1..a + b];
        out.push_str(&if inner.contains("单位") { rng.pick(&UNITS).to_string() } else { format!("ZJ{}", rng.digits(6)) });
        rest = &rest[a + b + 1..];
    }
    out.push_str(rest);
    if out.ends_with('：') || out.ends_with(':') {
        let v = form_value(rng, &out);
        out.push_str(&v);
    }
    out
}

/// Who each tag is on one data row, and the row's relation term.
struct RowPeople {
    tags: BTreeMap<String, Vec<Person>>,
    relation: String,
}

impl RowPeople {
    fn one(&self, tag: &str) -> Option<&Person> {
        self.tags.get(tag).and_then(|v| v.first())
    }
}

/// The tags of a layout whose columns are about a person, in column order.
fn person_tags(l: &Layout) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for lab in &l.labels {
        if let Some(t) = &lab.person {
            if !out.contains(t) {
                out.push(t.clone());
            }
        }
    }
    out
}

fn is_multi(l: &Layout, tag: &str) -> bool {
    l.labels.iter().any(|x| x.person.as_deref() == Some(tag) && x.kind.starts_with("multi_"))
}

/// The persons of every data row. Kind C: one cadre runs over 3–6 rows with a
/// different relative on each (one cadre for the whole sheet in a per-cadre
/// form). Other kinds: a household head runs over a few rows when the row
/// also lists another person, the first row being the head himself (本人).
fn people_rows(l: &Layout, rng: &mut Rng) -> Vec<RowPeople> {
    let tags = person_tags(l);
    let register = l.kind == "C";
    let household = tags.iter().any(|t| t == "head") && tags.iter().any(|t| t != "head" && t != "payee");
    // The person a relation term is about gets a sex that fits the term.
    let related: Vec<&str> =
        l.labels.iter().filter(|x| x.kind == "relation").filter_map(|x| x.person.as_deref()).collect();
    let mut rows = Vec::new();
    let mut cadre: Option<Person> = None;
    let mut cadre_left = 0;
    let mut head: Option<Person> = None;
    let mut head_left = 0;
    for _ in 0..DATA_ROWS {
        let mut m: BTreeMap<String, Vec<Person>> = BTreeMap::new();
        let relation;
        if register {
            if cadre_left == 0 || cadre.is_none() {
                cadre = Some(person(rng, None, (1965, 1990)));
                cadre_left = if l.cadre_in_form { u32::MAX } else { rng.range(3, 6) as u32 };
            }
            cadre_left -= 1;
            let (term, sex) = *rng.pick(&TO_CADRE);
            relation = term.to_string();
            let years = match term {
                "父亲" | "母亲" | "岳父" | "岳母" => (1935, 1960),
                "长子" | "次子" | "长女" | "女儿" | "儿子" => (1988, 2015),
                _ => (1960, 1992),
            };
            let rel = person(rng, sex, years);
            for t in &tags {
                let p = match t.as_str() {
                    "cadre" => cadre.clone(),
                    "relative" => Some(rel.clone()),
                    _ => None,
                };
                m.insert(t.clone(), vec![p.unwrap_or_else(|| person(rng, None, (1960, 1995)))]);
            }
        } else {
            let mut first_of_household = false;
            if household {
                if head_left == 0 || head.is_none() {
                    head = Some(person(rng, None, (1945, 1985)));
                    head_left = rng.range(2, 4) as u32;
                    first_of_household = true;
                }
                head_left -= 1;
            }
            let (term, sex) = *rng.pick(&TO_HEAD);
            relation = if household && first_of_household { "本人".to_string() } else { term.to_string() };
            for t in &tags {
                let ps = if t == "head" && household {
                    vec![head.clone().unwrap_or_else(|| person(rng, None, (1945, 1985)))]
                } else if is_multi(l, t) {
                    (0..rng.range(2, 4)).map(|_| person(rng, None, (1950, 2015))).collect()
                } else if household && first_of_household && !["payee", "caregiver", "officer"].contains(&t.as_str()) {
                    vec![head.clone().unwrap_or_else(|| person(rng, None, (1945, 1985)))]
                } else if household {
                    vec![person(rng, sex, (1950, 2015))]
                } else if related.contains(&t.as_str()) {
                    vec![person(rng, sex, (1940, 2010))]
                } else {
                    vec![person(rng, None, (1940, 2010))]
                };
                m.insert(t.clone(), ps);
            }
        }
        rows.push(RowPeople { tags: m, relation });
    }
    // The payee of a roll is most often the beneficiary or head himself.
    for r in &mut rows {
        if let Some(b) = r.one("beneficiary").or_else(|| r.one("head")).cloned() {
            if let Some(p) = r.tags.get_mut("payee") {
                if rng.chance(60) {
                    p[0] = b;
                }
            }
        }
    }
    rows
}

/// The value of one cell.
fn value(l: &Layout, col: usize, row: u32, who: &RowPeople, rng: &mut Rng) -> Cell {
    let lab = &l.labels[col];
    let h = l.header[col].as_str();
    let tagged = lab.person.as_deref().and_then(|t| who.tags.get(t));
    let p = tagged.and_then(|v| v.first()).cloned().unwrap_or_else(|| person(rng, None, (1950, 2000)));
    // Any person of the row, for a card number that holds an ID.
    let any_id = || {
        ["beneficiary", "member", "head", "relative", "subject", "student"]
            .iter()
            .find_map(|t| who.one(t))
            .map(|p| p.id.to_uppercase())
    };
    match lab.kind.as_str() {
        "name" => Cell::Text(p.name),
        "id" => Cell::Text(p.id),
        "multi_name" => Cell::Text(
            tagged.map(|v| v.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join("、")).unwrap_or(p.name),
        ),
        "multi_id" => Cell::Text(
            tagged.map(|v| v.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join("，")).unwrap_or(p.id),
        ),
        "relation" => Cell::Text(who.relation.to_string()),
        "sex" => Cell::Text(if p.male { "男" } else { "女" }.into()),
        "birth" => {
            if h.contains("年月") {
                Cell::Text(format!("{:04}.{:02}", p.birth.0, p.birth.1))
            } else if l.id % 2 == 0 {
                Cell::Date(p.birth)
            } else {
                Cell::Text(ymd(p.birth))
            }
        }
        "age" => Cell::Num(f64::from(2024 - p.birth.0)),
        "township" => Cell::Text(rng.pick(&TOWNSHIPS).to_string()),
        "village" => Cell::Text(rng.pick(&VILLAGES).to_string()),
        "address" => Cell::Text(format!(
            "{}{}{}组{}号",
            rng.pick(&TOWNSHIPS),
            rng.pick(&VILLAGES),
            rng.range(1, 9),
            rng.range(1, 60)
        )),
        "amount" => {
            if h.contains("万元") {
                Cell::Num(rng.range(10, 50_000) as f64 / 10.0)
            } else {
                Cell::Num(rng.range(50, 3_000) as f64 + [0.0, 0.5, 0.0, 0.25][rng.below(4) as usize])
            }
        }
        "count" => Cell::Num(rng.range(1, 6) as f64),
        "date" => {
            let d = date(rng, 2015, 2024);
            if l.id % 2 == 1 { Cell::Date(d) } else { Cell::Text(ymd(d)) }
        }
        "month" => Cell::Text(format!("20{}{:02}", rng.range(20, 24), rng.range(1, 12))),
        "phone" => Cell::Text(format!("1{}{}", rng.pick(&["3", "5", "8", "9"]), rng.digits(9))),
        "bank_account" => Cell::Text(format!("6217{}", rng.digits(15))),
        "bank_name" => {
            let b = rng.pick(&BANKS);
            if h.contains("网点") { Cell::Text(format!("{b}{}支行", rng.pick(&TOWNSHIPS))) } else { Cell::Text(b.to_string()) }
        }
        "card_no" => {
            if h.contains("残疾证") {
                // Not everyone is disabled: the ID plus two digits, or blank.
                if rng.chance(40) {
                    Cell::Text(format!("{}{}", any_id().unwrap_or_else(|| p.id.to_uppercase()), rng.pick(&["11", "21", "42", "63"])))
                } else {
                    Cell::Blank
                }
            } else if h.contains("学籍") {
                Cell::Text(format!("G{}", any_id().unwrap_or_else(|| p.id.to_uppercase())))
            } else {
                let n = rng.range(8, 12) as usize;
                Cell::Text(format!("{}{}", rng.range(1, 9), rng.digits(n - 1)))
            }
        }
        "org_name" => Cell::Text(org_name(rng, h)),
        "credit_code" => Cell::Text(credit_code(rng)),
        "unit" => Cell::Text(rng.pick(&UNITS).to_string()),
        "post" => Cell::Text(rng.pick(&POSTS).to_string()),
        "program" => Cell::Text(rng.pick(&PROGRAMS).to_string()),
        "seq" => Cell::Num(f64::from(row + 1)),
        "text" => text_value(rng, h),
        other => panic!("row {}: column {col} ({h:?}): unknown label kind {other:?}", l.id),
    }
}

/// Write `l` as one sheet at `path`. Errors name the row.
fn build(l: &Layout, path: &Path) -> Result<(), String> {
    let e = |what: String| move |err: rust_xlsxwriter::XlsxError| format!("row {}: {what}: {err}", l.id);
    let mut rng = Rng::new(l.id);
    let mut wb = Workbook::new();
    let ws: &mut Worksheet = wb.add_worksheet();
    ws.set_name("Sheet1").map_err(e("sheet name".into()))?;
    let plain = Format::new();
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let width = l.header.len() as u16;
    let last_col = width.saturating_sub(1);
    let mut r: u32 = 0;
    for t in &l.sheet_titles {
        let t = fill_title(&mut rng, t);
        if last_col > 0 {
            ws.merge_range(r, 0, r, last_col, &t, &plain).map_err(e(format!("title {t:?}")))?;
        } else {
            ws.write_string(r, 0, &t).map_err(e(format!("title {t:?}")))?;
        }
        r += 1;
    }
    for (c, h) in l.header.iter().enumerate() {
        ws.write_string(r, c as u16, h).map_err(e(format!("header {h:?}")))?;
    }
    r += 1;
    let first = r;
    let people = people_rows(l, &mut rng);
    for (i, who) in people.iter().enumerate() {
        let row = first + i as u32;
        for c in 0..l.header.len() {
            if l.merge_down.contains(&c) {
                continue;
            }
            let at = || format!("data row {i} column {c} ({:?})", l.header[c]);
            match value(l, c, i as u32, who, &mut rng) {
                Cell::Text(s) if s.is_empty() => {}
                Cell::Text(s) => {
                    ws.write_string(row, c as u16, s).map_err(e(at()))?;
                }
                Cell::Num(n) => {
                    ws.write_number(row, c as u16, n).map_err(e(at()))?;
                }
                Cell::Date((y, m, d)) => {
                    let dt = ExcelDateTime::from_ymd(y, m, d).map_err(e(at()))?;
                    ws.write_datetime_with_format(row, c as u16, &dt, &date_fmt).map_err(e(at()))?;
                }
                Cell::Blank => {}
            }
        }
    }
    let last = first + DATA_ROWS - 1;
    for &c in &l.merge_down {
        if c >= l.header.len() {
            return Err(format!("row {}: merge_down column {c} beyond the header", l.id));
        }
        let v = match value(l, c, 0, &people[0], &mut rng) {
            Cell::Text(s) => s,
            Cell::Num(n) => n.to_string(),
            Cell::Date(d) => ymd(d),
            Cell::Blank => String::new(),
        };
        ws.merge_range(first, c as u16, last, c as u16, &v, &plain).map_err(e(format!("merge_down column {c}")))?;
    }
    wb.save(path).map_err(|err| format!("row {}: save {}: {err}", l.id, path.display()))
}

// ---------------------------------------------------------------------------
// Checking

/// The person of a name/ID role: `name:member` → `member`,
/// `id:relative:配偶` → `relative:配偶`; `None` for other roles.
fn role_person(role: &str) -> Option<&str> {
    role.strip_prefix("name:").or_else(|| role.strip_prefix("id:"))
}

fn is_name_kind(k: &str) -> bool {
    k == "name" || k == "multi_name"
}
fn is_id_kind(k: &str) -> bool {
    k == "id" || k == "multi_id"
}

fn label_text(lab: &Label) -> String {
    match &lab.person {
        Some(p) => format!("{}/{p}", lab.kind),
        None => lab.kind.clone(),
    }
}

/// One wrong column of a row.
fn line(l: &Layout, c: usize, role: &str, what: &str) -> String {
    format!(
        "row {:>2} [{}] col {c:>2} {:?} label {} got {role:?}: {what}",
        l.id,
        l.kind,
        l.header[c],
        label_text(&l.labels[c])
    )
}

/// Every wrong column of a read layout; empty when the row is read right.
fn check(l: &Layout, cols: &[ColumnReport]) -> Vec<String> {
    let mut out = Vec::new();
    let role_at = |c: usize| cols.iter().find(|x| x.index == c).map(|x| x.role.as_str());
    // Person columns checked: all, but the cadre's in a per-cadre form.
    let checked = |c: usize| {
        let lab = &l.labels[c];
        (is_name_kind(&lab.kind) || is_id_kind(&lab.kind))
            && !(l.kind == "C" && l.cadre_in_form && lab.person.as_deref() == Some("cadre"))
    };
    // tag -> (person got, first column that got it)
    let mut tag_person: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    let mut person_tag: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for c in 0..l.header.len() {
        let lab = &l.labels[c];
        let Some(role) = role_at(c) else {
            if !l.header[c].trim().is_empty() {
                out.push(line(l, c, "<missing>", "column not in the report"));
            }
            continue;
        };
        let got = role_person(role);
        if !checked(c) {
            if !(is_name_kind(&lab.kind) || is_id_kind(&lab.kind)) && got.is_some() {
                out.push(line(l, c, role, "not a person column, taken for a name or an ID"));
            }
            continue;
        }
        let want = if is_name_kind(&lab.kind) { "name:" } else { "id:" };
        if !role.starts_with(want) {
            out.push(line(l, c, role, &format!("expected a {want} role")));
            continue;
        }
        let Some(p) = got else { continue };
        if p.starts_with('?') || p.is_empty() {
            out.push(line(l, c, role, "person unresolved"));
            continue;
        }
        let Some(tag) = lab.person.as_deref() else { continue };
        if l.kind == "C" {
            if tag == "cadre" && p != "cadre" {
                out.push(line(l, c, role, "expected the cadre"));
                continue;
            }
            if tag == "relative" && p != "relative" && !p.starts_with("relative:") {
                out.push(line(l, c, role, "expected the relative"));
                continue;
            }
        }
        match tag_person.get(tag) {
            Some(&(q, qc)) if q != p => {
                out.push(line(l, c, role, &format!("same tag {tag} as col {qc} {:?}, which got {q}", l.header[qc])));
                continue;
            }
            Some(_) => {}
            None => {
                tag_person.insert(tag, (p, c));
            }
        }
        match person_tag.get(p) {
            Some(&(t, tc)) if t != tag => {
                out.push(line(l, c, role, &format!("tag {tag} read as the same person as col {tc} {:?} (tag {t})", l.header[tc])));
            }
            Some(_) => {}
            None => {
                person_tag.insert(p, (tag, c));
            }
        }
    }
    out
}

fn kind_of(l: &Layout) -> Kind {
    if l.kind == "C" { Kind::Register } else { Kind::Roll }
}

/// Build, read and check one layout. Errors and panics come back as lines
/// naming the row.
fn run_one(l: &Layout, dir: &Path) -> Vec<String> {
    let path = dir.join(format!("layout_{:02}.xlsx", l.id));
    let r = std::panic::catch_unwind(|| -> Vec<String> {
        if let Err(e) = build(l, &path) {
            return vec![format!("row {:>2} [{}]: building the workbook failed: {e}", l.id, l.kind)];
        }
        let loaded = load::load_file(
            &InputFile { path: path.clone(), rel: format!("layout_{:02}.xlsx", l.id) },
            Some(kind_of(l)),
            &Config::default(),
        );
        if let Some(e) = &loaded.report.error {
            return vec![format!("row {:>2} [{}]: file not read: {e}", l.id, l.kind)];
        }
        let Some(s) = loaded.report.sheets.first() else {
            return vec![format!("row {:>2} [{}]: no sheet in the report", l.id, l.kind)];
        };
        if s.columns.is_empty() {
            return vec![format!(
                "row {:>2} [{}]: no table read (header_row {:?}, error {:?}, problem {:?})",
                l.id, l.kind, s.header_row, s.error, s.problem
            )];
        }
        // The workbook must be read as built, or the roles below mean little.
        let built_header = l.sheet_titles.len() as u32 + 1;
        if s.header_row != Some(built_header) || s.data_rows != u64::from(DATA_ROWS) {
            return vec![format!(
                "row {:>2} [{}]: header found at row {:?} with {} data rows; built at row {built_header} with {DATA_ROWS}",
                l.id, l.kind, s.header_row, s.data_rows
            )];
        }
        if std::env::var_os("LAYOUTS_VERBOSE").is_some() {
            println!("row {} [{}] header_row {:?} data_rows {} ids {:?}", l.id, l.kind, s.header_row, s.data_rows, s.id_status);
            for c in &s.columns {
                let lab = l.labels.get(c.index).map(label_text).unwrap_or_default();
                println!("    {:>2} {:?} [{lab}] -> {} ({})", c.index, c.header, c.role, c.decided_by);
            }
        }
        // A roll or contractors' list is never taken for another comparison's
        // input (a death list, a registry …): its persons would go unmatched.
        // The other registers (D) that are one: as labelled by hand from their `program`.
        const OTHER_INPUTS: &[(u64, &str)] = &[(17, "deaths"), (18, "deaths"), (19, "registry"), (20, "vehicles"), (54, "orgs"), (65, "deaths")];
        let mut lines = Vec::new();
        let want = OTHER_INPUTS.iter().find(|(id, _)| *id == l.id).map(|x| x.1);
        let got = s.other_input.map(|k| k.as_str());
        if l.kind != "C" && got != want {
            lines.push(format!("row {:>2} [{}]: taken for another comparison's input {got:?}, labelled {want:?}", l.id, l.kind));
        }
        lines.extend(check(l, &s.columns));
        lines
    });
    match r {
        Ok(v) => v,
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "?".into());
            vec![format!("row {:>2} [{}]: panicked: {msg}", l.id, l.kind)]
        }
    }
}

#[test]
fn every_corpus_header_row_is_read_right() {
    let corpus = read_corpus();
    let tmp = tempfile::tempdir().expect("tempdir");
    // LAYOUTS_KEEP=DIR keeps the built workbooks there, to open or `kinmatch inspect`.
    let keep = std::env::var_os("LAYOUTS_KEEP").map(PathBuf::from);
    let dir = match &keep {
        Some(d) => {
            std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("LAYOUTS_KEEP {}: {e}", d.display()));
            d.as_path()
        }
        None => tmp.path(),
    };
    let usable: Vec<&Layout> = corpus.iter().filter(|l| l.usable).collect();
    assert!(!usable.is_empty(), "no usable rows in {}", corpus_path().display());
    let mut failing: Vec<(u64, Vec<String>)> = Vec::new();
    for l in &usable {
        let lines = run_one(l, dir);
        if !lines.is_empty() {
            failing.push((l.id, lines));
        }
    }
    let summary = format!("layouts: {} of {} rows read right", usable.len() - failing.len(), usable.len());
    println!("{summary}");
    if !failing.is_empty() {
        let mut msg = String::new();
        let _ = writeln!(msg, "{summary}");
        let _ = writeln!(
            msg,
            "failing rows: {}",
            failing.iter().map(|(id, _)| id.to_string()).collect::<Vec<_>>().join(", ")
        );
        for (_, lines) in &failing {
            for x in lines {
                let _ = writeln!(msg, "  {x}");
            }
        }
        panic!("{msg}");
    }
}

// ---------------------------------------------------------------------------
// The blank templates

/// The columns a template's first sheet should show, with the person role
/// expected where the column is about a person.
fn template_check(kind: TemplateKind, read_as: Kind, expected: &[(&str, Option<&str>)]) -> Vec<String> {
    let tmp = tempfile::tempdir().expect("tempdir");
    let name = format!("{kind:?}.xlsx");
    let path = tmp.path().join(&name);
    if let Err(e) = write_template(&path, kind) {
        return vec![format!("template {kind:?}: not written: {e}")];
    }
    let loaded = load::load_file(&InputFile { path, rel: name }, Some(read_as), &Config::default());
    if let Some(e) = &loaded.report.error {
        return vec![format!("template {kind:?}: file not read: {e}")];
    }
    let Some(s) = loaded.report.sheets.first() else {
        return vec![format!("template {kind:?}: no sheet in the report")];
    };
    let mut out = Vec::new();
    for c in &s.columns {
        if c.role == "unmapped" {
            out.push(format!("template {kind:?} col {} {:?}: unmapped", c.index, c.header));
        }
    }
    // Name and ID columns expected with a wildcard person are one person.
    let persons: Vec<(&str, &str)> = expected
        .iter()
        .enumerate()
        .filter(|(_, (_, w))| w.is_some_and(|w| w.ends_with('*')))
        .filter_map(|(i, (h, _))| s.columns.iter().find(|c| c.index == i).and_then(|c| role_person(&c.role)).map(|p| (*h, p)))
        .collect();
    if persons.windows(2).any(|w| w[0].1 != w[1].1) {
        out.push(format!("template {kind:?}: name and ID read as different persons: {persons:?}"));
    }
    for (i, (h, want)) in expected.iter().enumerate() {
        match s.columns.iter().find(|c| c.index == i) {
            None => out.push(format!("template {kind:?} col {i} {h:?}: not in the report (header_row {:?}, error {:?})", s.header_row, s.error)),
            Some(c) if c.header != *h => out.push(format!("template {kind:?} col {i}: header {:?}, expected {h:?}", c.header)),
            Some(c) => {
                if let Some(w) = want {
                    let ok = if let Some(prefix) = w.strip_suffix('*') { c.role.starts_with(prefix) && !c.role.contains('?') } else { c.role == *w };
                    if !ok {
                        out.push(format!("template {kind:?} col {i} {h:?}: got {:?}, expected {w}", c.role));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn templates_every_column_mapped() {
    let mut out = template_check(
        TemplateKind::Register,
        Kind::Register,
        &[
            ("序号", None),
            ("干部姓名", Some("name:cadre")),
            ("干部身份证号", Some("id:cadre")),
            ("工作单位", None),
            ("职务", None),
            ("亲属姓名", Some("name:relative")),
            ("称谓", None),
            ("亲属身份证号", Some("id:relative")),
            ("现居住地址或工作单位", None),
        ],
    );
    out.extend(template_check(
        TemplateKind::Roll,
        Kind::Roll,
        &[
            ("序号", None),
            ("乡镇", Some("township")),
            ("村(社区)", Some("village")),
            ("姓名", Some("name:*")),
            ("身份证号码", Some("id:*")),
            ("与户主关系", None),
            ("资金项目", Some("program")),
            ("金额(元)", Some("amount")),
            ("发放日期", None),
            ("审批单位", None),
        ],
    ));
    assert!(out.is_empty(), "templates:\n  {}", out.join("\n  "));
}

// ---------------------------------------------------------------------------
// The checker itself

#[test]
fn check_digits_and_the_checker_catch_what_they_should() {
    // GB 11643 examples: 11010519491231002X, 440524188001010014.
    assert_eq!(check_char("11010519491231002"), 'X');
    assert_eq!(check_char("44052418800101001"), '4');
    let l = Layout {
        id: 999,
        kind: "C".into(),
        header: ["干部姓名", "干部身份证号", "亲属姓名", "亲属身份证号", "银行账号", "经办人"].map(String::from).to_vec(),
        sheet_titles: Vec::new(),
        labels: [
            ("name", Some("cadre")),
            ("id", Some("cadre")),
            ("name", Some("relative")),
            ("id", Some("relative")),
            ("bank_account", None),
            ("name", Some("officer")),
        ]
        .map(|(k, p)| Label { kind: k.into(), person: p.map(String::from) })
        .to_vec(),
        usable: true,
        cadre_in_form: false,
        merge_down: Vec::new(),
    };
    let cols = |roles: [&str; 6]| -> Vec<ColumnReport> {
        roles
            .iter()
            .enumerate()
            .map(|(i, r)| ColumnReport { index: i, header: l.header[i].clone(), role: r.to_string(), decided_by: "header".into() })
            .collect()
    };
    let right = ["name:cadre", "id:cadre", "name:relative", "id:relative", "account", "name:staff1"];
    assert_eq!(check(&l, &cols(right)), Vec::<String>::new());
    let wide = ["name:cadre", "id:cadre", "name:relative:配偶", "id:relative:配偶", "account", "name:staff1"];
    assert_eq!(check(&l, &cols(wide)), Vec::<String>::new());
    for (wrong, words) in [
        (["name:cadre", "id:cadre", "name:?", "id:relative", "account", "name:staff1"], "unresolved"),
        (["name:cadre", "id:cadre", "name:relative", "id:relative", "id:?", "name:staff1"], "taken for a name or an ID"),
        (["name:cadre", "unmapped", "name:relative", "id:relative", "account", "name:staff1"], "expected a id:"),
        (["name:cadre", "id:cadre", "name:cadre", "id:relative", "account", "name:staff1"], "expected the relative"),
        (["name:cadre", "id:cadre", "name:relative", "id:relative", "account", "name:relative"], "same person"),
    ] {
        let got = check(&l, &cols(wrong));
        assert!(got.len() == 1 && got[0].contains(words), "{wrong:?}: {got:?}");
    }
    // Same tag, two persons (kind D has no cadre/relative rule).
    let d = Layout {
        kind: "D".into(),
        labels: [("name", Some("a")), ("id", Some("a")), ("name", Some("b")), ("id", Some("b")), ("bank_account", None), ("text", None)]
            .map(|(k, p)| Label { kind: k.into(), person: p.map(String::from) })
            .to_vec(),
        ..l.clone()
    };
    let got = check(&d, &cols(["name:member", "id:payee", "name:payee", "id:payee", "account", "unmapped"]));
    assert!(got.iter().any(|x| x.contains("same tag a")), "{got:?}");
    // A column left out of the report.
    let mut short = cols(right);
    short.remove(3);
    let got = check(&l, &short);
    assert!(got.len() == 1 && got[0].contains("not in the report"), "{got:?}");
    // The rest of the row still checked in a per-cadre form, the cadre not.
    let form = Layout { cadre_in_form: true, ..l.clone() };
    assert_eq!(check(&form, &cols(["unmapped", "name:?", "name:relative", "id:relative", "account", "name:staff1"])), Vec::<String>::new());
}
