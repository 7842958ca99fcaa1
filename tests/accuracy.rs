//! Match quality against the generator's truth, and determinism.
//!
//! The generated county carries the noise of real rolls (ID typos,
//! transpositions, Excel-truncated numbers, 15-digit legacy numbers, missing
//! IDs, spaces, traditional characters, homophones, notes) and decoys
//! (same-name strangers in the same township, some born the same day).

use kinmatch::pipeline::{RunOptions, run};
use kinmatch_synth::{SynthConfig, eval::evaluate, generate};
use std::path::Path;
use std::sync::OnceLock;

fn run_on(dir: &Path, out: &Path) -> kinmatch::pipeline::RunOutcome {
    run_chunked(dir, out, None)
}

fn run_chunked(dir: &Path, out: &Path, chunk_bytes: Option<u64>) -> kinmatch::pipeline::RunOutcome {
    run(&RunOptions {
        kin: vec![dir.join("registers")],
        rolls: vec![dir.join("rolls")],
        out: out.to_path_buf(),
        run_date: Some("2024-11-01".into()),
        workbooks: false,
        chunk_bytes,
        ..Default::default()
    })
    .expect("run")
}

/// The generated test county, made once for the tests of this file.
fn test_county() -> &'static Path {
    static COUNTY: OnceLock<tempfile::TempDir> = OnceLock::new();
    COUNTY
        .get_or_init(|| {
            let tmp = tempfile::tempdir().unwrap();
            generate(&SynthConfig::test_county(), &tmp.path().join("county")).unwrap();
            tmp
        })
        .path()
        .join("county")
        .leak()
}

#[test]
fn test_county_precision_and_recall_against_truth() {
    let tmp = tempfile::tempdir().unwrap();
    let county = test_county();
    let res = run_on(county, &tmp.path().join("out"));
    let e = evaluate(&county.join("truth.csv"), &res.hits).unwrap();
    println!("{}", serde_json::to_string_pretty(&e).unwrap());
    assert!(e.truth > 1_000, "a county-sized truth: {}", e.truth);
    let confirmed = &e.by_tier["confirmed"];
    assert!(confirmed.precision >= 0.999, "confirmed precision {}", confirmed.precision);
    assert!(e.strong.precision >= 0.99, "confirmed+probable precision {}", e.strong.precision);
    assert!(e.recall_any >= 0.98, "recall at any tier {}", e.recall_any);
    assert!(e.recall_strong >= 0.95, "recall of confirmed+probable {}", e.recall_strong);
    // Possible leads stay bounded: no more than a tenth of the strong hits.
    let possible = e.by_tier["possible"].hits;
    assert!(possible * 10 <= e.strong.hits, "{possible} possible leads for {} strong hits", e.strong.hits);
}

#[test]
fn same_inputs_give_byte_identical_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    let ra = run_on(&demo, &a);
    let rb = run_on(&demo, &b);
    assert!(!ra.hits.is_empty());
    assert_eq!(std::fs::read(a.join("hits.csv")).unwrap(), std::fs::read(b.join("hits.csv")).unwrap());
    assert_eq!(ra.manifest.outputs, rb.manifest.outputs);
    assert_eq!(ra.manifest.batch_id, rb.manifest.batch_id);
    // hit_id is unique and stable.
    let mut ids: Vec<&str> = ra.hits.iter().map(|h| h.hit_id.as_str()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn every_cadre_is_matched_as_self_and_every_person_slot_is_matched() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo");
    let tmp = tempfile::tempdir().unwrap();
    let res = run_on(&demo, tmp.path());
    let roles: std::collections::BTreeSet<String> = res.hits.iter().filter_map(|h| h.roll_role.map(|p| p.as_str().into_owned())).collect();
    for r in ["beneficiary", "member", "household_head", "guardian", "legal_rep"] {
        assert!(roles.contains(r), "no hit on a {r} slot: {roles:?}");
    }
    assert!(res.hits.iter().any(|h| h.relation == kinmatch::normalize::relation::Relation::SelfRel), "cadres are matched as self");
    for h in &res.hits {
        assert!(!h.evidence.is_empty(), "{} has no evidence", h.hit_id);
        assert!((0.0..=1.0).contains(&h.score));
    }
}

/// Rolls matched chunk by chunk (each file its own chunk, after a first pass
/// for the places) give the hits and counts of one pass over all rolls, byte
/// for byte, including the leads settled across chunks.
#[test]
fn chunked_rolls_give_the_same_batch_as_one_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let county = test_county();
    let one = run_chunked(county, &tmp.path().join("one"), None);
    let many = run_chunked(county, &tmp.path().join("many"), Some(1));
    assert_eq!(
        std::fs::read(tmp.path().join("one/hits.csv")).unwrap(),
        std::fs::read(tmp.path().join("many/hits.csv")).unwrap()
    );
    assert_eq!(one.manifest.counts, many.manifest.counts);
    assert_eq!(one.manifest.inputs, many.manifest.inputs);
    // The settling rules that look across chunks at same-name persons did fire here.
    for note in ["本乡镇另有同名人员", "花名册中另有同名同出生日期人员"] {
        assert!(one.hits.iter().any(|h| h.evidence.contains(note)), "no lead settled by {note}");
    }
    assert!(one.manifest.counts.matching.roll_persons > 60_000);
}

/// The province generator at a small scale: deterministic by seed, and the
/// relatives it plants are found when the rolls are matched chunk by chunk.
#[test]
fn generated_province_is_deterministic_and_its_planted_relatives_are_found() {
    use kinmatch_synth::province::{ProvinceConfig, generate_province};
    let tmp = tempfile::tempdir().unwrap();
    let cfg = ProvinceConfig { seed: 5, relatives: 30_000, roll_rows: 40_000, roll_files: 4, plant_rate: 0.01 };
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let s = generate_province(&cfg, &a).unwrap();
    generate_province(&cfg, &b).unwrap();
    assert_eq!((s.register_files, s.roll_files, s.relatives), (2, 4, 30_000));
    for dir in ["registers", "rolls"] {
        let mut names: Vec<_> = std::fs::read_dir(a.join(dir)).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        for n in names {
            assert_eq!(std::fs::read(a.join(dir).join(&n)).unwrap(), std::fs::read(b.join(dir).join(&n)).unwrap(), "{n:?}");
        }
    }
    assert_eq!(std::fs::read(a.join("truth.csv")).unwrap(), std::fs::read(b.join("truth.csv")).unwrap());
    assert!(s.true_hits > 300, "{} planted", s.true_hits);

    let res = run_chunked(&a, &tmp.path().join("out"), Some(1));
    assert_eq!(res.manifest.counts.roll_rows, 40_000);
    let e = evaluate(&a.join("truth.csv"), &res.hits).unwrap();
    assert_eq!(e.truth, s.true_hits);
    assert!(e.recall_any >= 0.98, "recall {}", e.recall_any);
    assert!(e.strong.precision >= 0.98, "precision {}", e.strong.precision);
}
