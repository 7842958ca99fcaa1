//! The readers fed arbitrary and mutated bytes: random CSV/TSV, UTF-16 and
//! GBK text, and xlsx files truncated, bit-flipped or re-zipped with a damaged
//! sheet. Whatever comes in: no panic, no hang (each file is read within a
//! deadline), and every data row is accounted for (a record, or unusable
//! with a reason).

use kinmatch::config::Config;
use kinmatch::load::{self, InputFile, roles::Kind};
use proptest::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Read `bytes` as a roll file named `name`, on a thread with a deadline; check
/// that every data row of every sheet is a record or counted unusable.
fn read_checked(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let tmp = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
    let path = tmp.path().join(name);
    std::fs::write(&path, bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let f = InputFile { path, rel: name.to_string() };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let l = load::load_file(&f, Some(Kind::Roll), &Config::default());
        let _ = tx.send(l);
    });
    let l = match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(l) => l,
        Err(mpsc::RecvTimeoutError::Timeout) => return Err(TestCaseError::fail(format!("{name}: no answer within 20 s"))),
        Err(mpsc::RecvTimeoutError::Disconnected) => return Err(TestCaseError::fail(format!("{name}: the reader panicked"))),
    };
    for s in &l.report.sheets {
        let records = l.rolls.iter().filter(|r| r.source.sheet == s.sheet).count() as u64;
        let unusable: u64 = s.unusable.values().sum();
        prop_assert_eq!(records + unusable, s.data_rows, "{}: sheet {:?}: {:?}", name, s.sheet, s);
    }
    // A file that gives nothing says why.
    if l.rolls.is_empty() && l.report.sheets.iter().all(|s| s.problem.is_none()) {
        let said = l.report.error.is_some() || l.report.sheets.iter().any(|s| s.error.is_some() || s.data_rows == 0);
        prop_assert!(said, "{}: nothing read and nothing said: {:?}", name, l.report);
    }
    Ok(())
}

fn demo_csv() -> Vec<u8> {
    let all = std::fs::read(root().join("fixtures/demo/rolls/县医疗保障局_医疗救助.csv")).unwrap();
    // The header and about 40 rows.
    let end = all.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(40).map_or(all.len(), |(i, _)| i + 1);
    all[..end].to_vec()
}

fn demo_xlsx() -> Vec<u8> {
    std::fs::read(root().join("fixtures/demo/rolls/县交通运输局_工程项目.xlsx")).unwrap()
}

/// Bytes that mean something to a CSV reader.
fn csv_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        Just(b','),
        Just(b'"'),
        Just(b'\n'),
        Just(b'\r'),
        Just(b'\t'),
        Just(b';'),
        Just(0u8),
        Just(0xFFu8),
        Just(0xE4u8),
        any::<u8>(),
    ]
}

/// Edits to a byte string: (position as a fraction, byte, kind: 0 replace, 1 insert, 2 delete).
fn edits() -> impl Strategy<Value = Vec<(f64, u8, u8)>> {
    prop::collection::vec((0.0f64..1.0, csv_byte(), 0u8..3), 1..24)
}

fn apply(mut b: Vec<u8>, edits: &[(f64, u8, u8)]) -> Vec<u8> {
    for (at, byte, kind) in edits {
        let i = ((b.len() as f64) * at) as usize;
        match kind {
            0 if i < b.len() => b[i] = *byte,
            1 => b.insert(i.min(b.len()), *byte),
            2 if i < b.len() => {
                b.remove(i);
            }
            _ => {}
        }
    }
    b
}

proptest! {
    // 48 cases each in CI; PROPTEST_CASES=2000 for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_as_csv(bytes in prop::collection::vec(csv_byte(), 0..2048)) {
        read_checked("县民政局_随机.csv", &bytes)?;
    }

    #[test]
    fn mutated_roll_csv(e in edits()) {
        read_checked("县医疗保障局_医疗救助.csv", &apply(demo_csv(), &e))?;
    }

    #[test]
    fn mutated_roll_as_tsv_and_txt(e in edits()) {
        let tsv: Vec<u8> = demo_csv().into_iter().map(|b| if b == b',' { b'\t' } else { b }).collect();
        read_checked("县医疗保障局_医疗救助.txt", &apply(tsv, &e))?;
    }

    #[test]
    fn mutated_utf16_and_gbk_rolls(e in edits(), utf16 in any::<bool>()) {
        let text = String::from_utf8_lossy(&demo_csv()).into_owned();
        let bytes = if utf16 {
            let mut b = vec![0xFF, 0xFE];
            for u in text.encode_utf16() {
                b.extend_from_slice(&u.to_le_bytes());
            }
            b
        } else {
            encoding_rs::GBK.encode(&text).0.into_owned()
        };
        read_checked("县医疗保障局_医疗救助.csv", &apply(bytes, &e))?;
    }

    #[test]
    fn truncated_xlsx(frac in 0.0f64..1.0) {
        let b = demo_xlsx();
        let cut = ((b.len() as f64) * frac) as usize;
        read_checked("县民政局_截断.xlsx", &b[..cut])?;
    }

    #[test]
    fn bit_flipped_xlsx(flips in prop::collection::vec((0.0f64..1.0, 0u8..8), 1..16)) {
        let mut b = demo_xlsx();
        for (at, bit) in flips {
            let i = ((b.len() as f64) * at) as usize;
            if let Some(x) = b.get_mut(i) {
                *x ^= 1 << bit;
            }
        }
        read_checked("县民政局_位翻转.xlsx", &b)?;
    }

    #[test]
    fn rezipped_xlsx_with_a_damaged_entry(which in 0usize..16, e in edits()) {
        let src = demo_xlsx();
        let mut zin = zip::ZipArchive::new(std::io::Cursor::new(src)).unwrap();
        let n = zin.len();
        let target = which % n;
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut zout = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            for i in 0..n {
                let mut f = zin.by_index(i).unwrap();
                let name = f.name().unwrap().to_string();
                let mut body = Vec::new();
                std::io::Read::read_to_end(&mut f, &mut body).unwrap();
                if i == target {
                    body = apply(body, &e);
                }
                zout.start_file(name, opts).unwrap();
                zout.write_all(&body).unwrap();
            }
            zout.finish().unwrap();
        }
        read_checked("县民政局_重新压缩.xlsx", &out.into_inner())?;
    }
}
