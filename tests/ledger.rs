//! The ledger (台账) over two monthly batches of the generated demo county,
//! as a county office runs it: month 1 with the ledger, half the leads decided
//! in the review workbooks and imported, month 2 with one register changed;
//! a reviewer's filled workbook is never overwritten; a process killed in the
//! middle of a write leaves the ledger as it was.

use assert_cmd::Command;
use predicates::prelude::*;
use calamine::{Data, Reader, Xlsx, open_workbook};
use kinmatch::ledger::{Ledger, LeadStatus};
use kinmatch::model::Hit;
use kinmatch::pipeline::read_hits_csv;
use std::path::{Path, PathBuf};

fn km(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("kinmatch").unwrap();
    c.current_dir(dir);
    c
}

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo")
}

/// A working folder with the demo registers (to be changed) and rolls.
fn county(tmp: &Path) -> (PathBuf, PathBuf) {
    let (reg, rolls) = (tmp.join("registers"), tmp.join("rolls"));
    for (from, to) in [(demo().join("registers"), &reg), (demo().join("rolls"), &rolls)] {
        std::fs::create_dir_all(to).unwrap();
        for f in std::fs::read_dir(from).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
        }
    }
    (reg, rolls)
}

fn run(dir: &Path, out: &str, date: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    km(dir)
        .args(["run", "--kin", "registers", "--rolls", "rolls", "--ledger", "kinmatch.db", "--run-date", date, "--out", out])
        .args(extra)
        .assert()
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// A reviewer fills every other row of 比对结果 (合规, or 不合规 + 停发) and
/// saves the workbook in place. Returns the hit_ids decided.
fn fill_in_place(book: &Path) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(book).unwrap();
    let range = wb.worksheet_range("比对结果").unwrap();
    let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(cell_text).collect()).collect();
    drop(wb);
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let (c_concl, c_action, c_by, c_id) = (col("核查结论"), col("处理措施"), col("核查人"), col("hit_id"));
    let mut out = rust_xlsxwriter::Workbook::new();
    let ws = out.add_worksheet();
    ws.set_name("比对结果").unwrap();
    let mut decided = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let decide = r > 0 && r % 2 == 1 && !row[c_id].is_empty();
        for (c, v) in row.iter().enumerate() {
            let v = match c {
                _ if !decide => v.clone(),
                c if c == c_concl => (if r % 4 == 1 { "合规" } else { "不合规" }).to_string(),
                c if c == c_action && r % 4 == 3 => "停发".to_string(),
                c if c == c_by => "李核查".to_string(),
                _ => v.clone(),
            };
            ws.write_string(r as u32, c as u16, &v).unwrap();
        }
        if decide {
            decided.push(row[c_id].clone());
        }
    }
    out.save(book).unwrap();
    decided
}

fn books(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "xlsx")).collect();
    v.sort();
    v
}

fn without_decision(hits: &[Hit]) -> Vec<Hit> {
    hits.iter().cloned().map(|h| Hit { decision: String::new(), ..h }).collect()
}

#[test]
fn two_monthly_batches_carry_decisions_mark_removed_relatives_and_reproduce_month_one() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    let (reg, _) = county(w);

    // Month 1.
    run(w, "2024-11", "2024-11-01", &[]).success().stderr(predicates::str::contains("新线索"));
    let m1 = read_hits_csv(&w.join("2024-11/hits.csv")).unwrap();
    assert!(m1.len() > 100, "{}", m1.len());

    // Half of each unit's leads decided, as a reviewer saves them.
    let mut decided = Vec::new();
    for b in books(&w.join("2024-11/review")) {
        decided.extend(fill_in_place(&b));
    }
    assert!(decided.len() * 3 > m1.len(), "{} of {}", decided.len(), m1.len());

    // Re-running into the folder would overwrite them: refused, nothing touched.
    let before: Vec<Vec<u8>> = books(&w.join("2024-11/review")).iter().map(|b| std::fs::read(b).unwrap()).collect();
    run(w, "2024-11", "2024-11-01", &[]).code(1).stderr(predicates::str::contains("review import"));
    let after: Vec<Vec<u8>> = books(&w.join("2024-11/review")).iter().map(|b| std::fs::read(b).unwrap()).collect();
    assert_eq!(before, after, "a reviewer's workbooks were changed");
    // --force writes a fresh folder instead.
    run(w, "2024-11", "2024-11-01", &["--force", "--no-workbooks"]).success().stderr(predicates::str::contains("2024-11-2"));
    assert!(w.join("2024-11-2/hits.csv").is_file());
    let after: Vec<Vec<u8>> = books(&w.join("2024-11/review")).iter().map(|b| std::fs::read(b).unwrap()).collect();
    assert_eq!(before, after);

    // Import into the ledger (and a decisions file).
    let mut import = km(w);
    import.args(["review", "import"]).args(books(&w.join("2024-11/review"))).args(["-o", "decisions.csv", "--ledger", "kinmatch.db"]);
    import.assert().success().stdout(predicates::str::contains(format!("写入结论 {} 条", decided.len())));
    {
        let l = Ledger::open(&w.join("kinmatch.db")).unwrap();
        let (_, total) = l.status("2024-11-10").unwrap();
        assert_eq!(total.decided as usize, decided.len());
        assert_eq!((total.pending + total.decided) as usize, m1.len());
    }
    // Now the folder's decisions are in the ledger: a re-run may write there, prefilled.
    run(w, "2024-11", "2024-11-01", &[]).success();
    let again = read_hits_csv(&w.join("2024-11/hits.csv")).unwrap();
    assert!(decided.iter().all(|id| !again.iter().find(|h| &h.hit_id == id).unwrap().decision.is_empty()));

    // Month 2: in the CSV register, one relative with a lead removed, one added
    // (the roll person of another unit's lead, reported only now: 补报).
    let csv = reg.join("县人力资源和社会保障局_干部亲属信息登记表.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let gone = m1.iter().find(|h| h.kin_file.ends_with(".csv") && h.relation != kinmatch::normalize::relation::Relation::SelfRel).expect("a lead from the CSV register");
    let gone_line = lines.iter().position(|l| l.contains(&gone.relative_name) && l.contains(&gone.relative_id)).expect("its line");
    let other = m1.iter().find(|h| !h.kin_file.ends_with(".csv") && h.tier == kinmatch::model::Tier::Confirmed && !h.roll_id.is_empty()).unwrap();
    let template: Vec<&str> = lines[1].split(',').collect();
    let added = format!("{},{},{},{},{},{},表弟,{},", template[0], template[1], template[2], template[3], template[4], other.roll_name, other.roll_id);
    let mut month2: Vec<String> = lines.iter().enumerate().filter(|(i, _)| *i != gone_line).map(|(_, l)| l.to_string()).collect();
    month2.push(added);
    std::fs::write(&csv, month2.join("\n") + "\n").unwrap();
    run(w, "2024-12", "2024-12-01", &[]).success().stderr(predicates::str::contains("删除 1").and(predicates::str::contains("补报 1")));
    let m2 = read_hits_csv(&w.join("2024-12/hits.csv")).unwrap();
    let l = Ledger::open(&w.join("kinmatch.db")).unwrap();
    let leads = l.leads("2024-12-31").unwrap();
    // Decisions carried and prefilled.
    for id in &decided {
        if let Some(h) = m2.iter().find(|h| &h.hit_id == id) {
            assert!(!h.decision.is_empty(), "{id} not prefilled");
        }
    }
    // The new lead is listed, first seen in month 2.
    let new: Vec<_> = leads.iter().filter(|x| x.first_seen == "2024-12-01").collect();
    assert!(new.iter().any(|x| x.hit.roll_id == other.roll_id && x.hit.relation_term == "表弟"), "{:?}", new.iter().map(|x| &x.hit.roll_name).collect::<Vec<_>>());
    // The removed relative's lead is marked, not dropped.
    let g = leads.iter().find(|x| x.hit.hit_id == gone.hit_id).expect("kept");
    assert!(!g.found);
    let changes = l.register_changes().unwrap();
    assert!(changes.iter().any(|c| c.change == "removed" && c.relative_name == gone.relative_name));
    assert!(changes.iter().any(|c| c.change == "added" && c.late_hit.as_deref() == Some(other.hit_id.as_str())));

    // The month-2 workbooks show each lead's status in the ledger, and the batch verifies.
    let mut status_cells = Vec::new();
    for b in books(&w.join("2024-12/review")) {
        let mut wb: Xlsx<_> = open_workbook(&b).unwrap();
        let r = wb.worksheet_range("比对结果").unwrap();
        let rows: Vec<Vec<String>> = r.rows().map(|x| x.iter().map(cell_text).collect()).collect();
        let c = rows[0].iter().position(|h| h == "台账状态").expect("a status column");
        let id = rows[0].iter().position(|h| h == "hit_id").unwrap();
        status_cells.extend(rows[1..].iter().map(|x| (x[id].clone(), x[c].clone())));
    }
    let status_of = |hid: &str| status_cells.iter().find(|(h, _)| h == hid).map(|x| x.1.clone()).unwrap_or_default();
    assert!(decided.iter().filter(|d| m2.iter().any(|h| &h.hit_id == *d)).all(|d| ["合规", "不合规", "已处理"].contains(&status_of(d).as_str())));
    let pending_one = m2.iter().find(|h| !decided.contains(&h.hit_id) && h.relation_term != "表弟").unwrap();
    assert!(status_of(&pending_one.hit_id).starts_with("待核查，已逾期（期限 2024-11-21）"), "{}", status_of(&pending_one.hit_id));
    let new_one = m2.iter().find(|h| h.relation_term == "表弟").unwrap();
    assert_eq!(status_of(&new_one.hit_id), "新线索（核查期限 2024-12-21）");
    km(w).args(["verify", "2024-12"]).assert().success();

    // 30 days after month 2, every lead still pending is overdue.
    let out = km(w).args(["ledger", "status", "--as-of", "2024-12-31", "--json"]).assert().success().get_output().stdout.clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let pending = leads.iter().filter(|x| x.status == LeadStatus::Pending).count() as u64;
    assert!(pending > 0);
    assert_eq!(v["as_of"], "2024-12-31");
    assert_eq!(v["total"]["overdue"].as_u64(), Some(pending));
    assert_eq!(v["total"]["decided"].as_u64(), Some(decided.len() as u64));
    let unit_sum: u64 = v["units"].as_array().unwrap().iter().map(|u| u["pending"].as_u64().unwrap()).sum();
    assert_eq!(unit_sum, pending);

    // An auditor's re-run on the registers as they stood in month 1 gives month 1's hits.
    km(w).args(["run", "--ledger", "kinmatch.db", "--as-of", "2024-11-15", "--rolls", "rolls", "--run-date", "2024-11-01", "--out", "audit", "--no-workbooks"])
        .assert()
        .success();
    let audit = read_hits_csv(&w.join("audit/hits.csv")).unwrap();
    assert_eq!(without_decision(&audit), without_decision(&m1));
    // … and it did not change the ledger's leads.
    assert_eq!(Ledger::open(&w.join("kinmatch.db")).unwrap().leads("2024-12-31").unwrap(), leads);
    km(w).args(["verify", "audit"]).assert().success();

    // The export is deterministic for the same content.
    km(w).args(["ledger", "export", "-o", "a.xlsx", "--as-of", "2024-12-31"]).assert().success();
    km(w).args(["ledger", "export", "-o", "b.xlsx", "--as-of", "2024-12-31"]).assert().success();
    assert_eq!(std::fs::read(w.join("a.xlsx")).unwrap(), std::fs::read(w.join("b.xlsx")).unwrap());
    let mut x: Xlsx<_> = open_workbook(w.join("a.xlsx")).unwrap();
    let names = x.sheet_names();
    assert!(names.iter().any(|n| n == "待核查") && names.iter().any(|n| n.starts_with("逾期-")), "{names:?}");
    let pend = x.worksheet_range("待核查").unwrap();
    assert_eq!(pend.height() as u64, pending + 1);
    assert!(pend.rows().skip(1).all(|r| cell_text(&r[9]).contains('*') || cell_text(&r[9]).is_empty()), "IDs masked");
}

/// Kill a command while it is inside its ledger transaction (held open by the
/// test hook), then check the ledger is sound and as it was before.
fn kill_mid_transaction(w: &Path, args: &[&str]) {
    let bin = assert_cmd::cargo::cargo_bin("kinmatch");
    let mut child = std::process::Command::new(bin)
        .current_dir(w)
        .args(args)
        .env("KINMATCH_TEST_PAUSE_IN_TX", "60000")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the command says it is inside its write transaction, then SIGKILL.
    use std::io::BufRead;
    let stderr = child.stderr.take().unwrap();
    let inside = std::io::BufReader::new(stderr).lines().map_while(Result::ok).any(|l| l.contains("KINMATCH_TEST_PAUSE_IN_TX"));
    assert!(inside, "the command ended without writing to the ledger");
    child.kill().unwrap();
    let _ = child.wait();
}

#[test]
fn killed_during_import_or_run_the_ledger_stays_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    county(w);
    run(w, "m1", "2024-11-01", &[]).success();
    for b in books(&w.join("m1/review")) {
        fill_in_place(&b);
    }
    let state = |w: &Path| {
        let l = Ledger::open(&w.join("kinmatch.db")).unwrap();
        assert_eq!(l.integrity_check().unwrap(), "ok");
        (l.leads("2099-01-01").unwrap(), l.decisions().unwrap())
    };
    let before = state(w);
    let mut args: Vec<String> = ["review", "import"].map(String::from).to_vec();
    args.extend(books(&w.join("m1/review")).iter().map(|b| b.display().to_string()));
    args.extend(["-o", "d.csv", "--ledger", "kinmatch.db"].map(String::from));
    kill_mid_transaction(w, &args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(state(w), before, "a killed import changed the ledger");
    // The import, done again without interruption, lands whole.
    km(w).args(&args).assert().success();
    let imported = state(w);
    assert!(imported.1.by_hit.len() > before.1.by_hit.len());
    // A run killed while recording its leads changes nothing either.
    kill_mid_transaction(w, &["run", "--kin", "registers", "--rolls", "rolls", "--ledger", "kinmatch.db", "--run-date", "2024-12-01", "--out", "m2", "--no-workbooks"]);
    assert_eq!(state(w), imported, "a killed run changed the ledger");
}

#[test]
fn two_imports_at_once_both_land() {
    let tmp = tempfile::tempdir().unwrap();
    let w = tmp.path();
    county(w);
    run(w, "m1", "2024-11-01", &[]).success();
    let all = books(&w.join("m1/review"));
    let mut decided = 0;
    for b in &all {
        decided += fill_in_place(b).len();
    }
    let (a, b) = all.split_at(all.len() / 2);
    let spawn = |books: &[PathBuf], out: &str| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("kinmatch"))
            .current_dir(w)
            .args(["review", "import"])
            .args(books)
            .args(["-o", out, "--ledger", "kinmatch.db"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let (mut x, mut y) = (spawn(a, "a.csv"), spawn(b, "b.csv"));
    // Unknown-to-this-half hits are reported (exit 3), but both must write.
    let (sx, sy) = (x.wait().unwrap(), y.wait().unwrap());
    assert!(sx.code().is_some_and(|c| c == 0 || c == 3) && sy.code().is_some_and(|c| c == 0 || c == 3), "{sx:?} {sy:?}");
    let l = Ledger::open(&w.join("kinmatch.db")).unwrap();
    assert_eq!(l.integrity_check().unwrap(), "ok");
    assert_eq!(l.decisions().unwrap().by_hit.len(), decided);
}
