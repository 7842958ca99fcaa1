//! The pre-disbursement path gives exactly the hits of the batch: `check`
//! against a snapshot, and `run --index`, equal `run --kin` on the same data.

use kinmatch::config::Config;
use kinmatch::load::roles::Kind;
use kinmatch::pipeline::{RunOptions, build_index, read_side, run};
use kinmatch::snapshot::Snapshot;
use kinmatch_synth::{SynthConfig, generate};
use std::path::Path;

fn opts(out: &Path) -> RunOptions {
    RunOptions { out: out.to_path_buf(), run_date: Some("2024-11-01".into()), workbooks: false, ..Default::default() }
}

/// Equal hit lists; on a difference, name the hits only one side has.
fn same_hits(got: &[kinmatch::model::Hit], want: &[kinmatch::model::Hit], roll: &Path) {
    if got == want {
        return;
    }
    let only = |a: &[kinmatch::model::Hit], b: &[kinmatch::model::Hit]| -> Vec<String> {
        a.iter()
            .filter(|h| !b.contains(h))
            .map(|h| format!("{} {:?} {} {}={} {}", h.hit_id, h.tier, h.match_kind, h.roll_name, h.relative_name, h.evidence))
            .collect()
    };
    panic!("{}: only here {:#?}\nonly in run {:#?}", roll.display(), only(got, want), only(want, got));
}

#[test]
fn check_and_run_index_give_the_hits_of_run() {
    let tmp = tempfile::tempdir().unwrap();
    let county = tmp.path().join("county");
    generate(&SynthConfig { seed: 3, cadres: 200, roll_rows: 8_000, xlsx_files: 5, constant_memory: false }, &county).unwrap();
    let kmx = tmp.path().join("register.kmx");
    let header = build_index(&[county.join("registers")], None, &kmx).unwrap();
    assert!(header.persons_of_interest > 1_000);
    let snap = Snapshot::load(&kmx).unwrap();
    assert_eq!(snap.header.inputs.len(), header.inputs.len());
    assert!(snap.header.inputs.iter().all(|r| r.sha256.len() == 64));

    let mut compared = 0;
    for roll in std::fs::read_dir(county.join("rolls")).unwrap() {
        let roll = roll.unwrap().path();
        let by_run = run(&RunOptions {
            kin: vec![county.join("registers")],
            rolls: vec![roll.clone()],
            ..opts(&tmp.path().join("a"))
        })
        .unwrap()
        .hits;
        let (_, loaded) = read_side(std::slice::from_ref(&roll), Kind::Roll, &Config::default());
        let rows: Vec<_> = loaded.iter().flat_map(|l| l.rolls.iter().cloned()).collect();
        let by_check = snap.check(&rows, &Config::default().unit_table()).unwrap().hits;
        same_hits(&by_check, &by_run, &roll);
        let by_index = run(&RunOptions { index: Some(kmx.clone()), rolls: vec![roll.clone()], ..opts(&tmp.path().join("b")) })
            .unwrap()
            .hits;
        same_hits(&by_index, &by_run, &roll);
        compared += by_run.len();
    }
    assert!(compared > 50, "only {compared} hits compared");
}

#[test]
fn a_damaged_snapshot_is_an_error_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("bad.kmx");
    std::fs::write(&p, b"KMX1\x05\x00\x00\x00{}").unwrap();
    let e = Snapshot::load(&p).err().expect("error").to_string();
    assert!(e.contains("bad.kmx") && e.contains("not a kinmatch register snapshot"), "{e}");
    std::fs::write(&p, b"hello").unwrap();
    assert!(Snapshot::load(&p).is_err());
}
