//! Data shared between the stages: what the loader hands on, what the
//! matcher produces, what the reports read. Plain data, no behaviour.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::matching::score::PairKind;

/// Where a value came from: a file (relative to the folder given on the
/// command line), a sheet (`""` for CSV) and a 1-based row as Excel shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    pub sheet: String,
    pub row: u32,
}

/// How sure a hit is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Identity established by the ID number.
    Confirmed,
    /// Strong evidence without an exact ID.
    Probable,
    /// A lead worth a look.
    #[default]
    Possible,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Confirmed => "confirmed",
            Tier::Probable => "probable",
            Tier::Possible => "possible",
        }
    }
    /// The label reviewers see.
    pub fn label_zh(self) -> &'static str {
        match self {
            Tier::Confirmed => "确认",
            Tier::Probable => "高度疑似",
            Tier::Possible => "疑似",
        }
    }
}

/// Why the hit matters for the cadre's power.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relevance {
    SameUnit,
    SameTownship,
    #[default]
    Other,
}

impl Relevance {
    pub fn as_str(self) -> &'static str {
        match self {
            Relevance::SameUnit => "same_unit",
            Relevance::SameTownship => "same_township",
            Relevance::Other => "other",
        }
    }
    pub fn label_zh(self) -> &'static str {
        match self {
            Relevance::SameUnit => "本单位审批",
            Relevance::SameTownship => "本辖区",
            Relevance::Other => "其他",
        }
    }
}

/// What a finding rests on (`match_kind`): for a pair of persons, the kind of
/// identity evidence it earned (`matching::score::EVIDENCE`); as a lead of the
/// ledger, 经商办企业 and 社团兼职 pairs carry their comparison before it
/// (`enterprises:id_exact`); a 虚报冒领 finding carries its rule
/// (`compare::eligibility::RULES`). Written and read as those codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// A relative (or cadre) × roll person pair, and the comparisons' own findings.
    Pair(PairKind),
    /// A 经商办企业 finding as a lead of the ledger.
    Enterprise(PairKind),
    /// A 社团兼职取酬 finding as a lead of the ledger.
    Association(PairKind),
    /// A 虚报冒领 finding.
    Eligibility(crate::compare::eligibility::Rule),
}

impl Default for MatchKind {
    /// The strongest evidence: for records made before anything is known
    /// (a finding's id read back from a findings CSV).
    fn default() -> Self {
        MatchKind::Pair(PairKind::IdExact)
    }
}

impl MatchKind {
    const ENTERPRISE: &str = "enterprises:";
    const ASSOCIATION: &str = "associations:";

    /// The identity evidence of a pair, whichever comparison it serves.
    pub fn pair(self) -> Option<PairKind> {
        match self {
            MatchKind::Pair(k) | MatchKind::Enterprise(k) | MatchKind::Association(k) => Some(k),
            MatchKind::Eligibility(_) => None,
        }
    }

    /// The code of the evidence or rule, without the comparison (`id_exact`, `paid_after_death`).
    pub fn code(self) -> &'static str {
        match self {
            MatchKind::Pair(k) | MatchKind::Enterprise(k) | MatchKind::Association(k) => k.as_str(),
            MatchKind::Eligibility(r) => r.code(),
        }
    }

    /// The comparison (`compare::COMPARISONS` id) a lead of the ledger comes from.
    pub fn comparison(self) -> &'static str {
        match self {
            MatchKind::Pair(_) => "relatives_rolls",
            MatchKind::Enterprise(_) => "enterprises",
            MatchKind::Association(_) => "associations",
            MatchKind::Eligibility(_) => "eligibility",
        }
    }

    /// The code as hits.csv and the findings CSVs write it.
    pub fn parse(s: &str) -> Option<MatchKind> {
        if let Some(k) = s.strip_prefix(Self::ENTERPRISE) {
            return PairKind::parse(k).map(MatchKind::Enterprise);
        }
        if let Some(k) = s.strip_prefix(Self::ASSOCIATION) {
            return PairKind::parse(k).map(MatchKind::Association);
        }
        PairKind::parse(s)
            .map(MatchKind::Pair)
            .or_else(|| crate::compare::eligibility::Rule::parse(s).map(MatchKind::Eligibility))
    }
}

impl std::fmt::Display for MatchKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MatchKind::Pair(k) => f.write_str(k.as_str()),
            MatchKind::Enterprise(k) => write!(f, "{}{}", Self::ENTERPRISE, k.as_str()),
            MatchKind::Association(k) => write!(f, "{}{}", Self::ASSOCIATION, k.as_str()),
            MatchKind::Eligibility(r) => f.write_str(r.code()),
        }
    }
}

impl Serialize for MatchKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MatchKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as Deserialize>::deserialize(d)?;
        MatchKind::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown match_kind {s:?}")))
    }
}

/// One row of `hits.csv`: a roll person slot matched to a register row.
/// The field names are the CSV column names (a contract: do not rename).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub hit_id: String,
    pub tier: Tier,
    pub score: f64,
    pub match_kind: MatchKind,
    pub evidence: String,
    /// The relative's relation to the cadre (`self` for the cadre).
    #[serde(deserialize_with = "crate::normalize::relation::de_lenient")]
    pub relation: crate::normalize::relation::Relation,
    pub relation_term: String,
    pub cadre_name: String,
    pub cadre_id: String,
    pub cadre_unit: String,
    pub cadre_post: String,
    pub relative_name: String,
    pub relative_id: String,
    /// Who the roll person is in the roll row (`beneficiary`, `guardian` …);
    /// `None` ("" in hits.csv) for a finding that rests on no roll person.
    #[serde(serialize_with = "crate::load::roles::Person::ser_opt", deserialize_with = "crate::load::roles::Person::de_opt")]
    pub roll_role: Option<crate::load::roles::Person>,
    pub roll_name: String,
    pub roll_id: String,
    pub program: String,
    pub approving_unit: String,
    pub township: String,
    pub village: String,
    pub amount: Option<f64>,
    pub date: String,
    pub relevance: Relevance,
    pub roll_file: String,
    pub roll_sheet: String,
    pub roll_row: u32,
    pub kin_file: String,
    pub kin_sheet: String,
    pub kin_row: u32,
    /// Earlier reviewer decision carried forward by `run --decisions` ("" if none).
    #[serde(default)]
    pub decision: String,
    /// The roll's amount as written when it could not be read (`amount` is then empty).
    #[serde(default)]
    pub amount_unread: String,
    /// The blocking rule that put the pair before the scorer (Splink's
    /// `match_key`): which keys of the two sides agreed.
    #[serde(default)]
    pub blocking: crate::matching::blocking::Block,
    /// Why the pair is a lead, as codes: the evidence row it earned and what
    /// settled it (`name_place_roll_no_id;namesake_other_village`); empty for
    /// a finding of the 虚报冒领 rules, whose `match_kind` is the rule.
    #[serde(default)]
    pub reasons: crate::matching::score::Reasons,
}

/// Per file: what `inspect --json` prints and the manifest keeps.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InputReport {
    pub file: String,
    /// "roll", "register" or "unknown".
    pub kind: String,
    pub format: String,
    pub encoding: Option<String>,
    pub sha256: String,
    pub unit: Option<String>,
    /// "config", "column", "file_name", "title", "folder_name" or null.
    pub unit_source: Option<String>,
    pub program: Option<String>,
    pub program_source: Option<String>,
    pub sheets: Vec<SheetReport>,
    /// Why the file could not be read (null when it was read).
    pub error: Option<String>,
}

impl InputReport {
    /// The file could not be read at all (as opposed to some sheets without a table).
    pub fn not_read(&self) -> bool {
        self.error.is_some() && self.sheets.is_empty()
    }

    /// Sheets that hold data the batch could not use, with the reason.
    pub fn problems(&self) -> impl Iterator<Item = (&str, &str)> {
        self.sheets.iter().filter_map(|s| s.problem.as_deref().map(|p| (s.sheet.as_str(), p)))
    }

    /// Data rows over all sheets.
    pub fn data_rows(&self) -> u64 {
        self.sheets.iter().map(|s| s.data_rows).sum()
    }
}

/// One column of a table as the reader understood it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnReport {
    /// 0-based column index (A = 0).
    pub index: usize,
    /// Header text, cleaned; `parent/child` under a merged parent; `列X` when the header is empty.
    pub header: String,
    /// Role such as "name:beneficiary", "id:cadre", "amount", or "unmapped".
    pub role: String,
    /// What decided the role: "header", "content" or "config".
    pub decided_by: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SheetReport {
    pub sheet: String,
    /// 1-based row of the (last) header row; null when no table was found.
    pub header_row: Option<u32>,
    /// Rows that hold data, whether or not their IDs are valid.
    pub data_rows: u64,
    /// Rows skipped, by reason: blank, header, total, footer.
    pub skipped: BTreeMap<String, u64>,
    /// The table's columns in sheet order: index, header text and role, and what decided the role.
    pub columns: Vec<ColumnReport>,
    /// ID status -> count, over every person slot of the sheet.
    pub id_status: BTreeMap<String, u64>,
    /// Data rows that carry no person usable for matching, by reason.
    pub unusable: BTreeMap<String, u64>,
    /// Values that could not be read (kept as written), by column role: "amount", "date", "birth".
    #[serde(default)]
    pub unreadable: BTreeMap<String, u64>,
    /// Why the sheet was skipped (null when a table was read).
    pub error: Option<String>,
    /// Why the sheet gives the batch nothing (or too little) although it holds
    /// data: a table that could not be read, rows not tied to a cadre, no usable
    /// person. Null when the sheet is usable or is a notes sheet. Any makes the run exit 3.
    #[serde(default)]
    pub problem: Option<String>,
    /// The input of another comparison this sheet is, by its columns (a death
    /// list, a vehicle register, the payroll, the enterprise registry, an
    /// association filing found among the rolls): its rows are not read as a
    /// roll's, and `run` uses the file as that input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_input: Option<crate::load::roles::OtherInput>,
    /// The official a register's rows were given from the file or sheet name
    /// (`县民政局_赵志刚.xlsx`), where no column, form line or 本人 row names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadre_from_name: Option<String>,
    /// Where that name was read: "file_name" or "sheet_name".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadre_source: Option<String>,
    /// A register's rows that name a relative (the rest name the official
    /// alone); counted while reading, not recorded.
    #[serde(skip)]
    pub relatives: u64,
}

impl SheetReport {
    /// The role of the column with this header text, if the table has one.
    pub fn role_of(&self, header: &str) -> Option<&str> {
        self.columns.iter().find(|c| c.header == header).map(|c| c.role.as_str())
    }
}
