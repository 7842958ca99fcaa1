//! The comparisons the campaigns run, as data: who is compared with which
//! input kind, which relations are in scope, what makes a finding relevant,
//! and who verifies it. The identity engine (`matching`) is shared; each
//! comparison adds its input kind's reader, its relevance rules and its
//! findings file.
//!
//! Add a comparison: a row in [`COMPARISONS`], a module beside `enterprise`
//! (its reader's column words as a table, its rules as a table of typed
//! reasons, its findings CSV), its words in `labels`, and its input option in
//! `cli/run.rs`.

pub mod association;
pub mod eligibility;
pub mod enterprise;
pub mod reader;

use crate::normalize::relation::Relation;

/// Write a findings CSV: UTF-8 with a BOM, so that Excel and WPS show the Chinese.
pub(crate) fn save_csv(path: &std::path::Path, w: csv::Writer<Vec<u8>>) -> std::io::Result<()> {
    let body = w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(body);
    std::fs::write(path, bytes)
}

/// What a comparison compares the persons of interest with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// Beneficiary rolls (`--rolls`).
    Rolls,
    /// The enterprise registry, 市场主体登记 (`--registry`).
    Registry,
    /// Social organisations' officer filings (`--orgs`).
    Orgs,
    /// Registers of people who cannot be eligible: deaths, the public payroll,
    /// vehicles (`--deaths`, `--payroll`, `--vehicles`; with `--registry`, businesses),
    /// and the rolls against each other (`--double-claims`).
    Exclusions,
}

/// Who verifies a finding (谁审批、谁负责).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verifier {
    /// The unit that approved the payment.
    ApprovingUnit,
    /// The cadre's own unit (with its discipline inspection group).
    CadreUnit,
}

/// One comparison, as data.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// Machine name, used in file names: `hits` / `enterprise_findings`.
    pub id: &'static str,
    pub name_zh: &'static str,
    pub input: InputKind,
    /// Relations in scope; empty: the batch's scope (`kinmatch.toml`).
    pub scope: &'static [Relation],
    pub verifier: Verifier,
    /// The findings CSV written beside `hits.csv`.
    pub findings_file: &'static str,
}

/// The built-in comparisons.
pub const COMPARISONS: &[Comparison] = &[
    Comparison {
        id: "relatives_rolls",
        name_zh: "党员干部亲属涉权事项",
        input: InputKind::Rolls,
        scope: &[],
        verifier: Verifier::ApprovingUnit,
        findings_file: "hits.csv",
    },
    Comparison {
        id: "enterprises",
        name_zh: "领导干部配偶子女经商办企业",
        input: InputKind::Registry,
        // The cadre, spouse, children and children's spouses.
        scope: &[Relation::SelfRel, Relation::Spouse, Relation::Child, Relation::ChildInLaw],
        verifier: Verifier::CadreUnit,
        findings_file: "enterprise_findings.csv",
    },
    Comparison {
        id: "associations",
        name_zh: "领导干部在社会组织兼职取酬",
        input: InputKind::Orgs,
        // The cadres themselves (serving, and retired with `--retired`).
        scope: &[Relation::SelfRel],
        verifier: Verifier::CadreUnit,
        findings_file: "association_findings.csv",
    },
    Comparison {
        id: "eligibility",
        name_zh: "虚报冒领、优亲厚友（不应享受人员）",
        input: InputKind::Exclusions,
        // The roll persons themselves; cadres count as public employees.
        scope: &[Relation::SelfRel],
        // The unit that pays is the one that verifies.
        verifier: Verifier::ApprovingUnit,
        // One file per rule family (`eligibility::Family::file`).
        findings_file: "eligibility_*.csv",
    },
];

/// Is the comparison of this input kind among `checks` (`--checks`; empty: all)?
pub fn wanted(checks: &[String], input: InputKind) -> bool {
    checks.is_empty() || checks.iter().any(|c| c == comparison(input).id)
}

/// `--checks` names that are no comparison's id.
pub fn unknown_checks(checks: &[String]) -> Vec<&str> {
    checks.iter().map(String::as_str).filter(|c| !COMPARISONS.iter().any(|k| k.id == *c)).collect()
}

/// The comparison of this input kind.
pub fn comparison(input: InputKind) -> &'static Comparison {
    COMPARISONS.iter().find(|c| c.input == input).unwrap_or(&COMPARISONS[0])
}
