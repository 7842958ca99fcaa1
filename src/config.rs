//! `kinmatch.toml`: per-file overrides when detection is wrong, and the
//! comparison profile. Every field is optional.
//!
//! ```toml
//! # Files are matched by glob against their path relative to the folder given
//! # on the command line (or their file name).
//! [[file]]
//! pattern = "*低保*.xlsx"
//! kind = "roll"            # roll | register | deaths | payroll | vehicles | registry | orgs | declarations | retired
//! unit = "县民政局"         # the approving unit of the roll (overrides column, file name, title)
//! program = "农村低保"
//! header_row = 4           # the (last) header row, 1-based as Excel shows it
//! skip_sheets = ["说明"]
//! [file.columns]           # header text (as `inspect` prints it) -> role
//! "保障对象" = "name:beneficiary"
//! "备注" = "ignore"
//!
//! [match]
//! scope = ["self", "spouse", "parent", "child"]   # default: every relation
//!
//! # A comparison's own scope, over its built-in one (src/compare/mod.rs):
//! # here 经商办企业 also takes the cadre's siblings.
//! [comparison.enterprises]
//! scope = ["self", "spouse", "child", "child_in_law", "sibling"]
//!
//! # Units by more than one name: the built-in table (src/normalize/unit.rs) knows
//! # the usual county bureaus; these add to it and win over it.
//! [[unit]]
//! name = "县住房和城乡建设局"
//! aliases = ["住建局", "县建设局", "城建局"]
//! ```

use crate::load::roles::{Kind, OtherInput, Role};
use crate::load::table::TableHints;
use crate::normalize::unit::UnitTable;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("{file}：无法读取配置文件：{source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default, rename = "file")]
    pub files: Vec<FileRule>,
    #[serde(default, rename = "match")]
    pub matching: MatchOptions,
    #[serde(default, rename = "unit")]
    pub units: Vec<UnitRule>,
    /// Overrides of the built-in comparisons (`compare::COMPARISONS`), by id.
    #[serde(default, rename = "comparison")]
    pub comparisons: BTreeMap<String, ComparisonRule>,
}

/// What `kinmatch.toml` changes in a comparison's definition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonRule {
    /// Canonical relations in scope (`self`, `spouse`, `child`, `child_in_law` …).
    #[serde(default)]
    pub scope: Vec<String>,
}

/// One unit by its names: `name` as the unit table resolves it (a name the
/// table knows joins that unit), and the aliases that mean it too.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitRule {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRule {
    pub pattern: String,
    #[serde(default)]
    pub kind: Option<FileKind>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub program: Option<String>,
    #[serde(default)]
    pub header_row: Option<u32>,
    #[serde(default)]
    pub skip_sheets: Vec<String>,
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
}

/// What a file is: a side of the relatives comparison (`roll`, `register`),
/// or another comparison's input, used as if given with its option
/// (`deaths` as `--deaths`; every [`OtherInput`] by its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FileKind {
    Side(Kind),
    Other(OtherInput),
}

impl FileKind {
    /// The reader's kind, for a side of the relatives comparison.
    pub fn side(self) -> Option<Kind> {
        match self {
            FileKind::Side(k) => Some(k),
            FileKind::Other(_) => None,
        }
    }

    /// The other comparison's input, for every other kind.
    pub fn other(self) -> Option<OtherInput> {
        match self {
            FileKind::Other(k) => Some(k),
            FileKind::Side(_) => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchOptions {
    /// Canonical relations to report; empty = the default scope.
    #[serde(default)]
    pub scope: Vec<String>,
}

/// What the config says about one file, merged over every matching rule
/// (later rules win).
#[derive(Clone, Debug, Default)]
pub struct FileOverride {
    /// The input of another comparison this file is (`kind = "deaths"` …).
    pub input: Option<OtherInput>,
    pub unit: Option<String>,
    pub program: Option<String>,
    pub skip_sheets: Vec<String>,
    pub hints: TableHints,
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            file: file.clone(),
            source,
        })?;
        Config::parse(&text).map_err(|message| ConfigError::Parse { file, message })
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let cfg: Config = toml::from_str(text).map_err(|e| e.to_string())?;
        for rule in &cfg.files {
            glob::Pattern::new(&rule.pattern).map_err(|e| format!("pattern {:?}: {e}", rule.pattern))?;
            for (k, v) in &rule.columns {
                if Role::parse(v).is_none() {
                    return Err(format!("column {k:?}: unknown role {v:?} (see `kinmatch inspect` for role names)"));
                }
            }
        }
        if let Some(u) = cfg.units.iter().find(|u| u.name.trim().is_empty()) {
            return Err(format!("unit: a [[unit]] without a name (aliases {:?})", u.aliases));
        }
        for s in &cfg.matching.scope {
            if crate::normalize::relation::Relation::from_str_canonical(s).is_none() {
                return Err(format!("match.scope: unknown relation {s:?}"));
            }
        }
        for (id, c) in &cfg.comparisons {
            if !crate::compare::COMPARISONS.iter().any(|k| k.id == id) {
                let ids: Vec<&str> = crate::compare::COMPARISONS.iter().map(|k| k.id).collect();
                return Err(format!("comparison.{id}: unknown comparison (one of {})", ids.join(", ")));
            }
            if let Some(s) = c.scope.iter().find(|s| crate::normalize::relation::Relation::from_str_canonical(s).is_none()) {
                return Err(format!("comparison.{id}.scope: unknown relation {s:?}"));
            }
        }
        Ok(cfg)
    }

    /// The relations a comparison takes: this config's `[comparison.<id>] scope`,
    /// else the built-in definition's.
    pub fn comparison_scope(&self, input: crate::compare::InputKind) -> Vec<crate::normalize::relation::Relation> {
        let def = crate::compare::comparison(input);
        match self.comparisons.get(def.id).filter(|c| !c.scope.is_empty()) {
            Some(c) => c.scope.iter().filter_map(|s| crate::normalize::relation::Relation::from_str_canonical(s)).collect(),
            None => def.scope.to_vec(),
        }
    }

    /// The built-in unit table with this config's `[[unit]]`s.
    pub fn unit_table(&self) -> UnitTable {
        UnitTable::with(self.units.iter().map(|u| (u.name.as_str(), u.aliases.as_slice())))
    }

    /// The overrides for a file given by its relative path.
    pub fn for_file(&self, rel: &str) -> FileOverride {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let mut o = FileOverride::default();
        for rule in &self.files {
            let Ok(p) = glob::Pattern::new(&rule.pattern) else { continue };
            if !(p.matches(rel) || p.matches(name)) {
                continue;
            }
            if rule.unit.is_some() {
                o.unit = rule.unit.clone();
            }
            if rule.program.is_some() {
                o.program = rule.program.clone();
            }
            if let Some(k) = rule.kind {
                o.hints.kind = k.side();
                o.input = k.other();
            }
            if rule.header_row.is_some() {
                o.hints.header_row = rule.header_row;
            }
            o.skip_sheets.extend(rule.skip_sheets.iter().cloned());
            for (k, v) in &rule.columns {
                if let Some(r) = Role::parse(v) {
                    o.hints.columns.insert(crate::load::roles::clean_header(k), r);
                }
            }
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_example_parses_and_applies() {
        let doc = include_str!("config.rs");
        let example: String = doc
            .lines()
            .skip_while(|l| !l.starts_with("//! ```toml"))
            .skip(1)
            .take_while(|l| !l.starts_with("//! ```"))
            .map(|l| l.trim_start_matches("//!").trim_start_matches(' '))
            .collect::<Vec<_>>()
            .join("\n");
        let cfg = Config::parse(&example).expect("example parses");
        let o = cfg.for_file("县民政局_农村低保.xlsx");
        assert_eq!(o.unit.as_deref(), Some("县民政局"));
        assert_eq!(o.hints.header_row, Some(4));
        assert_eq!(o.hints.columns.get("备注"), Some(&Role::Ignore));
        assert!(cfg.for_file("耕地补贴.csv").unit.is_none());
        let units = cfg.unit_table();
        assert_eq!(units.key("城建局"), units.key("示例县住房和城乡建设局"));
        assert_eq!(units.key("县建设局"), units.key("住建局"));
    }

    #[test]
    fn readmes_example_is_this_example() {
        let doc = include_str!("config.rs");
        let ours: Vec<String> = doc
            .lines()
            .skip_while(|l| !l.starts_with("//! ```toml"))
            .skip(1)
            .take_while(|l| !l.starts_with("//! ```"))
            .map(|l| l.trim_start_matches("//!").trim().to_string())
            .filter(|l| !l.starts_with('#'))
            .collect();
        let readme = include_str!("../README.md");
        let section = readme.split("## When detection is wrong: kinmatch.toml").nth(1).expect("README section");
        let theirs: String = section
            .lines()
            .skip_while(|l| !l.starts_with("```toml"))
            .skip(1)
            .take_while(|l| !l.starts_with("```"))
            .collect::<Vec<_>>()
            .join("\n");
        let cfg = Config::parse(&theirs).expect("README's example parses");
        assert_eq!(cfg, Config::parse(&ours.join("\n")).expect("example parses"));
        assert_eq!(cfg.units.len(), 1);
    }

    #[test]
    fn unknown_roles_and_fields_are_errors() {
        assert!(Config::parse("[[file]]\npattern='*'\n[file.columns]\n'a'='nonsense'").is_err());
        assert!(Config::parse("[[file]]\npatern='*'").is_err());
        assert!(Config::parse("[match]\nscope=['cousin']").is_err());
        assert!(Config::parse("[[file]]\npattern='*'\nkind='obituaries'").is_err());
        assert!(Config::parse("[comparison.nepotism]\nscope=['self']").is_err());
        assert!(Config::parse("[comparison.enterprises]\nscope=['cousin']").is_err());
        let cfg = Config::parse("[[file]]\npattern='火化*'\nkind='deaths'\n[[file]]\npattern='*低保*'\nkind='roll'").expect("kinds parse");
        assert_eq!(cfg.for_file("火化登记.csv").input, Some(OtherInput::Deaths));
        assert_eq!((cfg.for_file("低保.csv").input, cfg.for_file("低保.csv").hints.kind), (None, Some(Kind::Roll)));
    }
}
