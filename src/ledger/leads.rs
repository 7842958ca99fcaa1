//! Every lead's life: found by a run, decided by a reviewer (review import),
//! published, closed (销号); every change kept as an event.

use super::{Ledger, LedgerError, sql_err, PUBLICITY_DAYS, add_days};
use crate::model::Hit;
use crate::report::{Decision, Decisions};
use rusqlite::{OptionalExtension, params};
use std::collections::{BTreeMap, BTreeSet};

/// Where a lead stands: 待核查 → 合规 / 不合规 → 已处理 → 销号.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadStatus {
    /// 待核查: no decision yet (or 待核实).
    Pending,
    /// 合规 (also 非本人（误报）: the lead does not hold).
    Compliant,
    /// 不合规, no measure recorded yet.
    Noncompliant,
    /// 不合规 with a measure (处理措施) recorded: 已处理.
    Handled,
    /// 销号.
    Closed,
}

impl LeadStatus {
    pub const ALL: [LeadStatus; 5] = [Self::Pending, Self::Compliant, Self::Noncompliant, Self::Handled, Self::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Compliant => "compliant",
            Self::Noncompliant => "noncompliant",
            Self::Handled => "handled",
            Self::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> LeadStatus {
        Self::ALL.into_iter().find(|x| x.as_str() == s).unwrap_or(Self::Pending)
    }

    /// The status a reviewer's decision gives.
    pub fn of_decision(conclusion: &str, action: &str) -> LeadStatus {
        use crate::labels::{COMPLIANT, NO_ACTION, NONCOMPLIANT, NOT_THE_PERSON, SUBSTANTIATED, UNSUBSTANTIATED};
        match conclusion.trim() {
            COMPLIANT | NOT_THE_PERSON | "非本人(误报)" | UNSUBSTANTIATED => Self::Compliant,
            NONCOMPLIANT | SUBSTANTIATED if action.trim().is_empty() || action.trim() == NO_ACTION => Self::Noncompliant,
            NONCOMPLIANT | SUBSTANTIATED => Self::Handled,
            _ => Self::Pending,
        }
    }
}

/// What one run hands the ledger about its leads.
pub struct RunFacts<'a> {
    pub batch: &'a str,
    pub run_date: &'a str,
    /// The leads found: hits, and 虚报冒领 findings as hits ([`crate::compare::eligibility::lead_hit`]).
    pub hits: &'a [Hit],
    /// The roll files read: their leads not found again are marked.
    pub rolls_read: &'a BTreeSet<String>,
    pub due_days: u32,
    /// hit_ids put on a publicity list by this run.
    pub published: &'a [String],
    /// The registers came from the ledger as of this date.
    pub registers_as_of: Option<&'a str>,
    /// The comparisons the run ran (`relatives_rolls`, `eligibility`).
    pub comparisons_run: &'a BTreeSet<&'a str>,
}

/// What recording one run's hits did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunRecord {
    pub new: usize,
    pub seen_again: usize,
    /// Leads of the rolls this run read that it no longer found (marked, not dropped).
    pub not_found: usize,
    pub published: usize,
}

/// What importing decisions did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub applied: usize,
    pub unchanged: usize,
    /// Decisions whose hit_id the ledger has no lead for.
    pub unknown: Vec<String>,
}

/// Per approving unit, as `ledger status` shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct StatusCounts {
    pub pending: u64,
    pub overdue: u64,
    pub decided: u64,
    pub closed: u64,
    pub unpublished: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct UnitStatus {
    pub unit: String,
    #[serde(flatten)]
    pub counts: StatusCounts,
}

/// One lead as the ledger holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct LeadRow {
    pub hit: Hit,
    pub first_seen: String,
    pub last_seen: String,
    pub found: bool,
    pub approving_unit: String,
    pub due: String,
    pub status: LeadStatus,
    pub decision: Decision,
    pub published_on: Option<String>,
    pub publicity_ends: Option<String>,
    pub closed_on: Option<String>,
}

impl LeadRow {
    /// Pending past its due date on `as_of`.
    pub fn overdue(&self, as_of: &str) -> bool {
        self.status == LeadStatus::Pending && self.due.as_str() < as_of
    }
}

/// A decision from a row: its hit_id at column `id`, and conclusion, action,
/// reviewer, review date, remark, source from column `first` on.
fn decision_at(r: &rusqlite::Row, id: usize, first: usize) -> rusqlite::Result<Decision> {
    Ok(Decision {
        hit_id: r.get(id)?,
        conclusion: r.get(first)?,
        action: r.get(first + 1)?,
        reviewer: r.get(first + 2)?,
        review_date: r.get(first + 3)?,
        remark: r.get(first + 4)?,
        source: r.get(first + 5)?,
    })
}

fn unit_of(h: &Hit) -> String {
    let u = h.approving_unit.trim();
    if u.is_empty() { "未知单位".into() } else { u.to_string() }
}

impl Ledger {
    /// Record a run's hits as leads (new ones with their due date, known ones
    /// seen again), mark the leads of the rolls it read that it no longer
    /// found, and note the publicity lists it wrote (`published`: hit_ids).
    /// One transaction, with the batch.
    pub fn record_run(&mut self, run: &RunFacts) -> Result<RunRecord, LedgerError> {
        let (tx, path) = self.begin()?;
        let e = sql_err(&path);
        let rec = run_tx(&tx, &path, run)?;
        tx.commit().map_err(e)?;
        Ok(rec)
    }

    /// The registers (when read from files: rows, reports, date received) and
    /// the hits of one run, in one transaction.
    pub fn record_batch(
        &mut self,
        registers: Option<(&[crate::load::records::KinRow], &[crate::model::InputReport], &str)>,
        units: &crate::normalize::unit::UnitTable,
        run: &RunFacts,
    ) -> Result<(Option<super::RegisterRecord>, RunRecord), LedgerError> {
        let (tx, path) = self.begin()?;
        let e = sql_err(&path);
        let reg = match registers {
            Some((kin, reports, received)) => Some(super::registers::registers_tx(&tx, &path, kin, reports, units, received, run.batch)?),
            None => None,
        };
        let rec = run_tx(&tx, &path, run)?;
        super::test_pause();
        tx.commit().map_err(e)?;
        Ok((reg, rec))
    }

    /// Write reviewers' decisions: each changes its lead's status and is kept
    /// as an event (who, when, what, from which workbook). One transaction:
    /// an import either lands whole or not at all.
    pub fn import_decisions(&mut self, d: &Decisions, today: &str) -> Result<ImportOutcome, LedgerError> {
        let (tx, path) = self.begin()?;
        let e = sql_err(&path);
        let mut out = ImportOutcome::default();
        for (id, dec) in &d.by_hit {
            let cur: Option<(String, String, String, String, String, String)> = tx
                .query_row(
                    "SELECT status, conclusion, action, reviewer, review_date, remark FROM leads WHERE hit_id = ?1",
                    params![id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
                )
                .optional()
                .map_err(e)?;
            let Some((status, c, a, rv, rd, rm)) = cur else {
                out.unknown.push(id.clone());
                continue;
            };
            if (c.as_str(), a.as_str(), rv.as_str(), rd.as_str(), rm.as_str())
                == (dec.conclusion.as_str(), dec.action.as_str(), dec.reviewer.as_str(), dec.review_date.as_str(), dec.remark.as_str())
            {
                out.unchanged += 1;
                continue;
            }
            let old = LeadStatus::parse(&status);
            // A closed lead stays closed; the new decision is still recorded.
            let new = if old == LeadStatus::Closed { old } else { LeadStatus::of_decision(&dec.conclusion, &dec.action) };
            tx.execute(
                "UPDATE leads SET status = ?2, conclusion = ?3, action = ?4, reviewer = ?5, review_date = ?6, remark = ?7, decision_source = ?8 WHERE hit_id = ?1",
                params![id, new.as_str(), dec.conclusion, dec.action, dec.reviewer, dec.review_date, dec.remark, dec.source],
            )
            .map_err(e)?;
            let at = if dec.review_date.trim().is_empty() { today } else { dec.review_date.trim() };
            let who = if dec.reviewer.trim().is_empty() { "（未署名）" } else { dec.reviewer.trim() };
            let mut what = format!("核查结论：{}", if dec.conclusion.is_empty() { "（空）" } else { &dec.conclusion });
            if !dec.action.is_empty() {
                what.push_str(&format!("；处理措施：{}", dec.action));
            }
            if !dec.remark.is_empty() {
                what.push_str(&format!("；备注：{}", dec.remark));
            }
            tx.execute(
                "INSERT INTO lead_events (hit_id, at, who, what, source) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, at, who, what, dec.source],
            )
            .map_err(e)?;
            out.applied += 1;
        }
        super::test_pause();
        tx.commit().map_err(e)?;
        Ok(out)
    }

    /// Close leads (销号). Only a decided lead can be closed; returns the ones
    /// that could not (unknown or still pending).
    pub fn close(&mut self, ids: &[String], who: &str, date: &str, note: &str) -> Result<Vec<String>, LedgerError> {
        let (tx, path) = self.begin()?;
        let e = sql_err(&path);
        let mut refused = Vec::new();
        for id in ids {
            let status: Option<String> =
                tx.query_row("SELECT status FROM leads WHERE hit_id = ?1", params![id], |r| r.get(0)).optional().map_err(e)?;
            match status.map(|s| LeadStatus::parse(&s)) {
                Some(LeadStatus::Compliant | LeadStatus::Noncompliant | LeadStatus::Handled) => {
                    tx.execute("UPDATE leads SET status = 'closed', closed_on = ?2 WHERE hit_id = ?1", params![id, date]).map_err(e)?;
                    let what = if note.is_empty() { "销号".to_string() } else { format!("销号：{note}") };
                    tx.execute(
                        "INSERT INTO lead_events (hit_id, at, who, what, source) VALUES (?1, ?2, ?3, ?4, 'kinmatch ledger close')",
                        params![id, date, who, what],
                    )
                    .map_err(e)?;
                }
                _ => refused.push(id.clone()),
            }
        }
        tx.commit().map_err(e)?;
        Ok(refused)
    }

    /// Record an objection raised during publicity.
    pub fn object(&mut self, id: &str, who: &str, date: &str, text: &str) -> Result<bool, LedgerError> {
        let (tx, path) = self.begin()?;
        let e = sql_err(&path);
        let known = tx.query_row("SELECT 1 FROM leads WHERE hit_id = ?1", params![id], |_| Ok(())).optional().map_err(e)?.is_some();
        if known {
            tx.execute("INSERT INTO objections (hit_id, at, who, text) VALUES (?1, ?2, ?3, ?4)", params![id, date, who, text]).map_err(e)?;
            tx.execute(
                "INSERT INTO lead_events (hit_id, at, who, what, source) VALUES (?1, ?2, ?3, ?4, 'kinmatch ledger object')",
                params![id, date, who, format!("公示期异议：{text}")],
            )
            .map_err(e)?;
        }
        tx.commit().map_err(e)?;
        Ok(known)
    }

    /// Record a spot-check draw.
    pub fn record_sample(&mut self, drawn_on: &str, batch: &str, rate: f64, seed: u64, unit: &str, hits: &[String]) -> Result<(), LedgerError> {
        let e = self.err();
        self.conn
            .execute(
                "INSERT INTO samples (drawn_on, batch, rate, seed, unit, hits) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![drawn_on, batch, rate, seed as i64, unit, hits.join(",")],
            )
            .map_err(e)?;
        Ok(())
    }

    /// The decisions the ledger holds, for prefilling review workbooks.
    pub fn decisions(&self) -> Result<Decisions, LedgerError> {
        let e = self.err();
        let mut st = self
            .conn
            .prepare("SELECT hit_id, conclusion, action, reviewer, review_date, remark, decision_source FROM leads WHERE conclusion != '' OR action != '' ORDER BY hit_id")
            .map_err(&e)?;
        let rows = st
            .query_map([], |r| decision_at(r, 0, 1))
            .map_err(&e)?;
        let mut by_hit = BTreeMap::new();
        for d in rows {
            let d = d.map_err(&e)?;
            by_hit.insert(d.hit_id.clone(), d);
        }
        Ok(Decisions { by_hit })
    }

    /// Every lead first seen on or before `as_of`, by approving unit then hit_id.
    pub fn leads(&self, as_of: &str) -> Result<Vec<LeadRow>, LedgerError> {
        let path = self.path.display().to_string();
        let e = self.err();
        let mut st = self
            .conn
            .prepare(
                "SELECT hit_json, first_seen, last_seen, found, approving_unit, due, status, conclusion, action, reviewer, review_date, remark,
                        decision_source, published_on, publicity_ends, closed_on, hit_id
                 FROM leads WHERE first_seen <= ?1 ORDER BY approving_unit, hit_id",
            )
            .map_err(&e)?;
        let rows = st
            .query_map(params![as_of], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    LeadRow {
                        hit: Hit::default(),
                        first_seen: r.get(1)?,
                        last_seen: r.get(2)?,
                        found: r.get(3)?,
                        approving_unit: r.get(4)?,
                        due: r.get(5)?,
                        status: LeadStatus::parse(&r.get::<_, String>(6)?),
                        decision: decision_at(r, 16, 7)?,
                        published_on: r.get(13)?,
                        publicity_ends: r.get(14)?,
                        closed_on: r.get(15)?,
                    },
                ))
            })
            .map_err(&e)?;
        let mut out = Vec::new();
        for x in rows {
            let (json, mut row) = x.map_err(&e)?;
            row.hit = serde_json::from_str(&json)
                .map_err(|x| LedgerError::Invalid { path: path.clone(), message: format!("{}：{x}", row.decision.hit_id) })?;
            out.push(row);
        }
        Ok(out)
    }

    /// Per approving unit on `as_of`: pending, overdue, decided, closed, unpublished
    /// (合规 and not yet on a publicity list); and the total.
    pub fn status(&self, as_of: &str) -> Result<(Vec<UnitStatus>, StatusCounts), LedgerError> {
        let mut by_unit: BTreeMap<String, StatusCounts> = BTreeMap::new();
        let mut total = StatusCounts::default();
        for l in self.leads(as_of)? {
            for c in [by_unit.entry(l.approving_unit.clone()).or_default(), &mut total] {
                match l.status {
                    LeadStatus::Pending => c.pending += 1,
                    LeadStatus::Closed => c.closed += 1,
                    _ => c.decided += 1,
                }
                if l.overdue(as_of) {
                    c.overdue += 1;
                }
                if l.status == LeadStatus::Compliant && l.decision.conclusion == crate::labels::COMPLIANT && l.published_on.is_none() {
                    c.unpublished += 1;
                }
            }
        }
        Ok((by_unit.into_iter().map(|(unit, counts)| UnitStatus { unit, counts }).collect(), total))
    }

    /// A lead's events, oldest first: (at, who, what, source).
    pub fn events(&self, hit_id: &str) -> Result<Vec<(String, String, String, String)>, LedgerError> {
        let e = self.err();
        let mut st = self.conn.prepare("SELECT at, who, what, source FROM lead_events WHERE hit_id = ?1 ORDER BY id").map_err(&e)?;
        let rows = st.query_map(params![hit_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).map_err(&e)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(e)
    }
}

/// [`Ledger::record_run`] inside a transaction the caller commits.
fn run_tx(tx: &rusqlite::Transaction, path: &str, run: &RunFacts) -> Result<RunRecord, LedgerError> {
    let &RunFacts { batch, run_date, hits, rolls_read, due_days, published, registers_as_of, comparisons_run } = run;
    let e = sql_err(path);
    let json = |h: &Hit| {
        serde_json::to_string(h).map_err(|x| LedgerError::Invalid { path: path.to_string(), message: x.to_string() })
    };
    let due = add_days(run_date, due_days as i64)
        .ok_or_else(|| LedgerError::Invalid { path: path.to_string(), message: format!("运行日期 {run_date} 不是 YYYY-MM-DD") })?;
    let ends = add_days(run_date, PUBLICITY_DAYS as i64).unwrap_or_default();
    tx.execute(
        "INSERT INTO batches (batch_id, run_date, hits, registers_as_of) VALUES (?1, ?2, ?3, ?4)",
        params![batch, run_date, hits.len() as i64, registers_as_of],
    )
    .map_err(e)?;
    let mut rec = RunRecord::default();
    let event = |hit: &str, what: &str| {
        tx.execute(
            "INSERT INTO lead_events (hit_id, at, who, what, source) VALUES (?1, ?2, 'kinmatch', ?3, ?4)",
            params![hit, run_date, what, format!("批次 {batch}")],
        )
    };
    let mut found: BTreeSet<&str> = BTreeSet::new();
    for h in hits {
        found.insert(h.hit_id.as_str());
        let known: Option<bool> = tx
            .query_row("SELECT found FROM leads WHERE hit_id = ?1", params![h.hit_id], |r| r.get(0))
            .optional()
            .map_err(e)?;
        match known {
            None => {
                tx.execute(
                    "INSERT INTO leads (hit_id, first_batch, first_seen, last_batch, last_seen, found, approving_unit, due, status, roll_file, hit_json, comparison)
                     VALUES (?1, ?2, ?3, ?2, ?3, 1, ?4, ?5, 'pending', ?6, ?7, ?8)",
                    params![h.hit_id, batch, run_date, unit_of(h), due, h.roll_file, json(h)?, h.match_kind.comparison()],
                )
                .map_err(e)?;
                event(&h.hit_id, "首次发现").map_err(e)?;
                rec.new += 1;
            }
            Some(was_found) => {
                tx.execute(
                    "UPDATE leads SET last_batch = ?2, last_seen = ?3, found = 1, roll_file = ?4, hit_json = ?5 WHERE hit_id = ?1",
                    params![h.hit_id, batch, run_date, h.roll_file, json(h)?],
                )
                .map_err(e)?;
                if !was_found {
                    event(&h.hit_id, "再次发现").map_err(e)?;
                }
                rec.seen_again += 1;
            }
        }
    }
    // Leads of the rolls read now that this run no longer finds.
    let stale: Vec<(String, String, String)> = {
        let mut st = tx.prepare("SELECT hit_id, roll_file, comparison FROM leads WHERE found = 1 ORDER BY hit_id").map_err(e)?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(e)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(e)?
    };
    for (id, file, comparison) in stale {
        if rolls_read.contains(&file) && comparisons_run.contains(comparison.as_str()) && !found.contains(id.as_str()) {
            tx.execute("UPDATE leads SET found = 0 WHERE hit_id = ?1", params![id]).map_err(e)?;
            event(&id, "本批次未再发现（花名册或登记表已变化）").map_err(e)?;
            rec.not_found += 1;
        }
    }
    for id in published {
        let n = tx
            .execute(
                "UPDATE leads SET published_on = ?2, publicity_ends = ?3 WHERE hit_id = ?1 AND published_on IS NULL",
                params![id, run_date, ends],
            )
            .map_err(e)?;
        if n > 0 {
            event(id, &format!("公示（{run_date} 至 {ends}）")).map_err(e)?;
            rec.published += 1;
        }
    }
    Ok(rec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(id: &str, unit: &str, file: &str) -> Hit {
        Hit { hit_id: id.into(), approving_unit: unit.into(), roll_file: file.into(), ..Default::default() }
    }

    fn decision(id: &str, c: &str, a: &str) -> Decisions {
        let d = Decision { hit_id: id.into(), conclusion: c.into(), action: a.into(), reviewer: "李四".into(), review_date: "2024-11-10".into(), ..Default::default() };
        Decisions { by_hit: [(id.to_string(), d)].into_iter().collect() }
    }

    #[test]
    fn a_lead_goes_from_pending_to_closed_and_keeps_its_history() {
        let tmp = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&tmp.path().join("k.db")).unwrap();
        let rolls: BTreeSet<String> = ["低保.xlsx".to_string()].into();
        let hits = vec![hit("a", "县民政局", "低保.xlsx"), hit("b", "县民政局", "低保.xlsx")];
        let ran: BTreeSet<&str> = ["relatives_rolls"].into();
        let facts = |batch, run_date, hits| RunFacts { batch, run_date, hits, rolls_read: &rolls, due_days: 20, published: &[], registers_as_of: None, comparisons_run: &ran };
        let r = l.record_run(&facts("b1", "2024-11-01", &hits)).unwrap();
        assert_eq!((r.new, r.seen_again), (2, 0));
        let (_, t) = l.status("2024-11-01").unwrap();
        assert_eq!((t.pending, t.overdue), (2, 0));
        let (_, t) = l.status("2024-12-01").unwrap();
        assert_eq!((t.pending, t.overdue), (2, 2), "due 2024-11-21");
        // A decision, then its measure, then 销号.
        let o = l.import_decisions(&decision("a", "不合规", ""), "2024-11-10").unwrap();
        assert_eq!((o.applied, o.unknown.len()), (1, 0));
        assert_eq!(l.import_decisions(&decision("a", "不合规", ""), "2024-11-10").unwrap().unchanged, 1);
        assert_eq!(l.import_decisions(&decision("zzz", "合规", ""), "2024-11-10").unwrap().unknown, ["zzz"]);
        assert_eq!(l.close(&["b".into()], "王五", "2024-11-12", "").unwrap(), ["b"], "a pending lead is not closed");
        l.import_decisions(&decision("a", "不合规", "停发"), "2024-11-11").unwrap();
        assert!(l.close(&["a".into()], "王五", "2024-11-12", "已停发").unwrap().is_empty());
        let (_, t) = l.status("2024-12-01").unwrap();
        assert_eq!((t.pending, t.overdue, t.decided, t.closed), (1, 1, 0, 1));
        let ev: Vec<String> = l.events("a").unwrap().into_iter().map(|e| e.2).collect();
        assert_eq!(ev, ["首次发现", "核查结论：不合规", "核查结论：不合规；处理措施：停发", "销号：已停发"]);
        // Month 2 no longer finds b in the same roll: marked, not dropped.
        let r = l.record_run(&facts("b2", "2024-12-01", &hits[..1])).unwrap();
        assert_eq!((r.new, r.seen_again, r.not_found), (0, 1, 1));
        let leads = l.leads("2024-12-01").unwrap();
        assert_eq!(leads.len(), 2);
        assert!(!leads.iter().find(|x| x.hit.hit_id == "b").unwrap().found);
        // The decisions are there to prefill the next workbooks.
        assert_eq!(l.decisions().unwrap().by_hit["a"].action, "停发");
    }

    #[test]
    fn status_of_a_decision_table() {
        for (c, a, want) in [
            ("", "", LeadStatus::Pending),
            ("待核实", "", LeadStatus::Pending),
            ("合规", "", LeadStatus::Compliant),
            ("非本人（误报）", "", LeadStatus::Compliant),
            ("不合规", "", LeadStatus::Noncompliant),
            ("不合规", "无需处理", LeadStatus::Noncompliant),
            ("不合规", "追回资金", LeadStatus::Handled),
        ] {
            assert_eq!(LeadStatus::of_decision(c, a), want, "{c} {a}");
        }
    }
}
