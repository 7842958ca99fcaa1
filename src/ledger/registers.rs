//! Registers with their history: each unit's submissions as versions of its
//! rows, valid from the day a submission was received until the next one
//! leaves them out or changes them.

use super::{Ledger, LedgerError, sql_err};
use crate::load::records::{KinRow, RawId};
use crate::model::{InputReport, Source};
use crate::normalize::name::normalize_name;
use crate::normalize::unit::UnitTable;
use rusqlite::{OptionalExtension, params};
use std::collections::{BTreeMap, HashMap};

/// One change between two submissions of a unit.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RegisterChange {
    pub received: String,
    pub unit: String,
    /// "added", "removed" or "changed".
    pub change: String,
    pub cadre_name: String,
    pub relative_name: String,
    pub relation_term: String,
    /// What changed (身份证号 a → b), in Chinese.
    pub detail: String,
    /// A lead that had found this relative before they were reported (补报 after 比对).
    pub late_hit: Option<String>,
}

/// What recording one run's registers did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RegisterRecord {
    /// Units whose submission was recorded.
    pub units: usize,
    /// Units seen for the first time (their rows are not listed as changes).
    pub new_units: usize,
    pub changes: Vec<RegisterChange>,
}

impl RegisterRecord {
    pub fn count(&self, change: &str) -> usize {
        self.changes.iter().filter(|c| c.change == change).count()
    }
    pub fn late(&self) -> usize {
        self.changes.iter().filter(|c| c.late_hit.is_some()).count()
    }
}

/// A raw ID as two columns (text, or the number Excel stored).
fn raw_cols(r: &RawId) -> (String, Option<f64>) {
    match r {
        RawId::Empty => (String::new(), None),
        RawId::Text(t) => (t.clone(), None),
        RawId::Number(f) => (String::new(), Some(*f)),
    }
}

fn raw_from(text: String, num: Option<f64>) -> RawId {
    match num {
        Some(f) => RawId::Number(f),
        None if text.is_empty() => RawId::Empty,
        None => RawId::Text(text),
    }
}

/// The unit a register row belongs to: its cadre's unit, as the unit table keys it.
fn unit_of(k: &KinRow, units: &UnitTable) -> String {
    let u = units.key(&k.cadre_unit);
    if u.is_empty() { format!("file:{}", k.source.file) } else { u }
}

/// Who a row is about, stable across submissions: the cadre (by ID, else
/// name) and the relative (by name, else ID). A changed ID or relation is a
/// new version of the same ident.
fn ident_of(k: &KinRow) -> String {
    let cadre = k.cadre_id.normalize().key.map(|s| s.to_string()).unwrap_or_else(|| normalize_name(&k.cadre_name).key.to_string());
    let rel = normalize_name(&k.relative_name).key.to_string();
    let rel = if rel.is_empty() { k.relative_id.normalize().value.to_string() } else { rel };
    format!("{cadre}|{rel}")
}

/// What a version says (a change in any part makes a new version).
fn content_of(k: &KinRow) -> String {
    let id = k.relative_id.normalize();
    let id = id.key.as_deref().map(str::to_string).unwrap_or_else(|| id.value.to_string());
    format!("{id}|{}|{}|{}|{}", k.relation_term.trim(), k.address.trim(), k.birth.trim(), k.cadre_post.trim())
}

fn describe(old: &str, new: &str) -> String {
    const PARTS: [&str; 5] = ["身份证号", "称谓", "住址", "出生日期", "职务"];
    let (a, b): (Vec<&str>, Vec<&str>) = (old.split('|').collect(), new.split('|').collect());
    PARTS
        .iter()
        .enumerate()
        .filter(|(i, _)| a.get(*i) != b.get(*i))
        .map(|(i, p)| format!("{p}：{} → {}", a.get(i).copied().unwrap_or(""), b.get(i).copied().unwrap_or("")))
        .collect::<Vec<_>>()
        .join("；")
}

impl Ledger {
    /// Record the registers one run read, as received on `received`: each
    /// unit present is a new submission of that unit (rows left out are
    /// ended, changed rows get a new version); units absent are untouched.
    /// One transaction.
    pub fn record_registers(
        &mut self,
        kin: &[KinRow],
        reports: &[InputReport],
        units: &UnitTable,
        received: &str,
        batch: &str,
    ) -> Result<RegisterRecord, LedgerError> {
        let (tx, path) = self.begin()?;
        let e = sql_err(&path);
        let rec = registers_tx(&tx, &path, kin, reports, units, received, batch)?;
        tx.commit().map_err(e)?;
        Ok(rec)
    }

    /// The register rows as they stood on `as_of` (received on or before it,
    /// not yet ended), in a stable order.
    pub fn registers_as_of(&self, as_of: &str) -> Result<Vec<KinRow>, LedgerError> {
        let e = self.err();
        let mut st = self
            .conn
            .prepare(
                "SELECT file, sheet, row, cadre_name, cadre_id, cadre_id_num, cadre_unit, cadre_post, relative_name, relative_id,
                        relative_id_num, relation_term, address, birth
                 FROM register_persons WHERE valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)
                 ORDER BY file, sheet, row, id",
            )
            .map_err(&e)?;
        let rows = st
            .query_map(params![as_of], |r| {
                Ok(KinRow {
                    source: Source { file: r.get(0)?, sheet: r.get(1)?, row: r.get(2)? },
                    cadre_name: r.get(3)?,
                    cadre_id: raw_from(r.get(4)?, r.get(5)?),
                    cadre_unit: r.get(6)?,
                    cadre_post: r.get(7)?,
                    relative_name: r.get(8)?,
                    relative_id: raw_from(r.get(9)?, r.get(10)?),
                    relation_term: r.get(11)?,
                    address: r.get(12)?,
                    birth: r.get(13)?,
                })
            })
            .map_err(&e)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(e)
    }

    /// The register files recorded on or before `as_of` (file, SHA-256, received), newest last.
    pub fn register_files_as_of(&self, as_of: &str) -> Result<Vec<(String, String, String)>, LedgerError> {
        let e = self.err();
        let mut st = self
            .conn
            .prepare("SELECT file, sha256, received FROM register_files WHERE received <= ?1 ORDER BY received, file, sha256")
            .map_err(&e)?;
        let rows = st.query_map(params![as_of], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(&e)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(e)
    }

    /// Every change recorded between submissions, oldest first.
    pub fn register_changes(&self) -> Result<Vec<RegisterChange>, LedgerError> {
        let e = self.err();
        let mut st = self
            .conn
            .prepare("SELECT received, unit, change, cadre_name, relative_name, relation_term, detail, late_hit FROM register_changes ORDER BY id")
            .map_err(&e)?;
        let rows = st
            .query_map([], |r| {
                Ok(RegisterChange {
                    received: r.get(0)?,
                    unit: r.get(1)?,
                    change: r.get(2)?,
                    cadre_name: r.get(3)?,
                    relative_name: r.get(4)?,
                    relation_term: r.get(5)?,
                    detail: r.get(6)?,
                    late_hit: r.get(7)?,
                })
            })
            .map_err(&e)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(e)
    }
}

/// [`Ledger::record_registers`] inside a transaction the caller commits.
pub(super) fn registers_tx(
    tx: &rusqlite::Transaction,
    path: &str,
    kin: &[KinRow],
    reports: &[InputReport],
    units: &UnitTable,
    received: &str,
    batch: &str,
) -> Result<RegisterRecord, LedgerError> {
    let e = sql_err(path);
        for r in reports.iter().filter(|r| r.error.is_none()) {
            tx.execute(
                "INSERT OR IGNORE INTO register_files (sha256, file, received, batch, rows) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![r.sha256, r.file, received, batch, r.data_rows() as i64],
            )
            .map_err(e)?;
        }
        // The submission of each unit: ident -> row (a repeated ident gets #2, #3).
        let mut by_unit: BTreeMap<String, BTreeMap<String, &KinRow>> = BTreeMap::new();
        for k in kin {
            let rows = by_unit.entry(unit_of(k, units)).or_default();
            let base = ident_of(k);
            let mut ident = base.clone();
            let mut n = 1;
            while rows.contains_key(&ident) {
                n += 1;
                ident = format!("{base}#{n}");
            }
            rows.insert(ident, k);
        }
        let mut rec = RegisterRecord { units: by_unit.len(), ..Default::default() };
        for (unit, rows) in &by_unit {
            let mut open: HashMap<String, (i64, String, String, String, String)> = HashMap::new();
            {
                let mut st = tx
                    .prepare("SELECT id, ident, content, cadre_name, relative_name, relation_term FROM register_persons WHERE unit = ?1 AND valid_to IS NULL")
                    .map_err(e)?;
                let it = st
                    .query_map(params![unit], |r| Ok((r.get::<_, String>(1)?, (r.get(0)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))))
                    .map_err(e)?;
                for x in it {
                    let (ident, v) = x.map_err(e)?;
                    open.insert(ident, v);
                }
            }
            let first_submission = open.is_empty()
                && tx
                    .query_row("SELECT 1 FROM register_persons WHERE unit = ?1 LIMIT 1", params![unit], |_| Ok(()))
                    .optional()
                    .map_err(e)?
                    .is_none();
            if first_submission {
                rec.new_units += 1;
            }
            for (ident, k) in rows {
                let content = content_of(k);
                let change = match open.remove(ident) {
                    Some((_, old, ..)) if old == content => continue,
                    Some((id, old, ..)) => {
                        tx.execute("UPDATE register_persons SET valid_to = ?1 WHERE id = ?2", params![received, id]).map_err(e)?;
                        Some(("changed", describe(&old, &content)))
                    }
                    None => (!first_submission).then(|| ("added", String::new())),
                };
                let (cid, cnum) = raw_cols(&k.cadre_id);
                let (rid, rnum) = raw_cols(&k.relative_id);
                tx.execute(
                    "INSERT INTO register_persons (unit, ident, content, valid_from, valid_to, file, sheet, row, cadre_name, cadre_id, cadre_id_num,
                     cadre_unit, cadre_post, relative_name, relative_id, relative_id_num, relation_term, address, birth)
                     VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                    params![
                        unit, ident, content, received, k.source.file, k.source.sheet, k.source.row, k.cadre_name, cid, cnum,
                        k.cadre_unit, k.cadre_post, k.relative_name, rid, rnum, k.relation_term, k.address, k.birth
                    ],
                )
                .map_err(e)?;
                let Some((change, detail)) = change else { continue };
                // 补报 after 比对: a lead found this person before the unit reported them.
                let late_hit: Option<String> = match k.relative_id.normalize().key {
                    Some(key) => tx
                        .query_row(
                            "SELECT hit_id FROM leads WHERE json_extract(hit_json, '$.roll_id') = ?1 AND first_seen < ?2 ORDER BY first_seen, hit_id LIMIT 1",
                            params![key.as_str(), received],
                            |r| r.get(0),
                        )
                        .optional()
                        .map_err(e)?,
                    None => None,
                };
                rec.changes.push(RegisterChange {
                    received: received.into(),
                    unit: unit.clone(),
                    change: change.into(),
                    cadre_name: k.cadre_name.clone(),
                    relative_name: k.relative_name.clone(),
                    relation_term: k.relation_term.clone(),
                    detail,
                    late_hit,
                });
            }
            let mut gone: Vec<(String, (i64, String, String, String, String))> = open.into_iter().collect();
            gone.sort();
            for (_, (id, _, cadre, rel, term)) in gone {
                tx.execute("UPDATE register_persons SET valid_to = ?1 WHERE id = ?2", params![received, id]).map_err(e)?;
                rec.changes.push(RegisterChange {
                    received: received.into(),
                    unit: unit.clone(),
                    change: "removed".into(),
                    cadre_name: cadre,
                    relative_name: rel,
                    relation_term: term,
                    detail: String::new(),
                    late_hit: None,
                });
            }
        }
        for c in &rec.changes {
            tx.execute(
                "INSERT INTO register_changes (received, batch, unit, change, cadre_name, relative_name, relation_term, detail, late_hit)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![c.received, batch, c.unit, c.change, c.cadre_name, c.relative_name, c.relation_term, c.detail, c.late_hit],
            )
            .map_err(e)?;
        }
    Ok(rec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cadre: &str, rel: &str, id: &str, term: &str) -> KinRow {
        KinRow {
            source: Source { file: "县民政局_亲属.xlsx".into(), sheet: "Sheet1".into(), row: 2 },
            cadre_name: cadre.into(),
            cadre_id: RawId::Empty,
            cadre_unit: "县民政局".into(),
            cadre_post: String::new(),
            relative_name: rel.into(),
            relative_id: if id.is_empty() { RawId::Empty } else { RawId::Text(id.into()) },
            relation_term: term.into(),
            address: String::new(),
            birth: String::new(),
        }
    }

    #[test]
    fn a_removed_relative_is_ended_and_a_changed_one_versioned() {
        let tmp = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&tmp.path().join("k.db")).unwrap();
        let units = UnitTable::builtin();
        let march = vec![row("王建国", "李秀英", "", "妻子"), row("王建国", "王强", "", "儿子"), row("王建国", "王芳", "", "女儿")];
        let r1 = l.record_registers(&march, &[], units, "2024-03-01", "b1").unwrap();
        assert_eq!((r1.units, r1.new_units, r1.changes.len()), (1, 1, 0));
        // April: 王强 removed, 王芳 now written as 长女, 张伟 added.
        let april = vec![row("王建国", "李秀英", "", "妻子"), row("王建国", "王芳", "", "长女"), row("王建国", "张伟", "", "女婿")];
        let r2 = l.record_registers(&april, &[], units, "2024-04-01", "b2").unwrap();
        assert_eq!((r2.count("added"), r2.count("removed"), r2.count("changed")), (1, 1, 1), "{:#?}", r2.changes);
        assert!(r2.changes.iter().any(|c| c.change == "changed" && c.detail.contains("女儿 → 长女")));
        let names = |d: &str| {
            let mut v: Vec<String> = l.registers_as_of(d).unwrap().into_iter().map(|k| format!("{}{}", k.relative_name, k.relation_term)).collect();
            v.sort();
            v
        };
        assert_eq!(names("2024-03-15"), ["李秀英妻子", "王强儿子", "王芳女儿"]);
        assert_eq!(names("2024-04-01"), ["张伟女婿", "李秀英妻子", "王芳长女"]);
        assert!(names("2024-02-01").is_empty());
        // The same submission again changes nothing.
        let r3 = l.record_registers(&april, &[], units, "2024-04-01", "b3").unwrap();
        assert!(r3.changes.is_empty(), "{:#?}", r3.changes);
        assert_eq!(l.register_changes().unwrap().len(), 3);
    }
}
