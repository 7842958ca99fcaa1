//! The binary as a user meets it: README's main command on the bundled
//! fixtures, exit codes, `id`, the review round trip and `verify`.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn km() -> Command {
    let mut c = Command::cargo_bin("kinmatch").unwrap();
    c.current_dir(root());
    c
}

fn run_demo(out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    km().args(["run", "--kin", "fixtures/demo/registers", "--rolls", "fixtures/demo/rolls", "--out"])
        .arg(out)
        .args(["--run-date", "2024-11-01"])
        .args(extra)
        .assert()
}

#[test]
fn readme_main_command_runs_on_the_fixtures() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run_demo(&out, &[]).success();
    let hits = std::fs::read_to_string(out.join("hits.csv")).unwrap();
    let header = hits.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(header, kinmatch::pipeline::HITS_COLUMNS.join(","));
    assert!(hits.lines().count() > 100);
    assert!(out.join("manifest.json").exists());
    assert!(out.join("summary.xlsx").exists());
    assert!(out.join("review/县民政局.xlsx").exists());
}

#[test]
fn id_prints_the_normalized_number() {
    km().args(["id", "５１９９０１ 1990 0101 109x", "519901900101123"])
        .assert()
        .success()
        .stdout(predicates::str::contains("51990119900101109X\trepaired\t1990-01-01\tmale\t519901"))
        .stdout(predicates::str::contains("\tlegacy_upgraded\t1990-01-01"));
}

#[test]
fn unreadable_input_gives_exit_code_3_and_the_batch_still_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    km().args(["run", "--kin", "fixtures/demo/registers", "--rolls", "fixtures/demo/rolls", "fixtures/malformed", "--out"])
        .arg(&out)
        .assert()
        .code(3)
        .stderr(predicates::str::contains("有密码"));
    assert!(out.join("hits.csv").exists());
    km().args(["inspect", "fixtures/legacy"]).assert().success();
}

#[test]
fn verify_accepts_an_untouched_batch_and_names_what_changed() {
    let tmp = tempfile::tempdir().unwrap();
    // Copy the inputs so that one can be altered.
    let inputs = tmp.path().join("in");
    for side in ["registers", "rolls"] {
        let dst = inputs.join(side);
        std::fs::create_dir_all(&dst).unwrap();
        for e in std::fs::read_dir(root().join("fixtures/demo").join(side)).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dst.join(p.file_name().unwrap())).unwrap();
        }
    }
    let out = tmp.path().join("out");
    km().args(["run", "--kin"]).arg(inputs.join("registers")).arg("--rolls").arg(inputs.join("rolls")).arg("--out").arg(&out).assert().success();
    km().arg("verify").arg(&out).assert().code(0).stdout(predicates::str::contains("已验证"));

    // A changed output is named.
    let hits = out.join("hits.csv");
    let original = std::fs::read(&hits).unwrap();
    let mut changed = original.clone();
    let last = changed.len() - 2;
    changed[last] = if changed[last] == b'0' { b'1' } else { b'0' };
    std::fs::write(&hits, &changed).unwrap();
    km().arg("verify").arg(&out).assert().code(4).stdout(predicates::str::contains("输出 hits.csv：批次写出后已被改动"));
    km().args(["--lang", "en", "verify"]).arg(&out).assert().code(4).stdout(predicates::str::contains("output hits.csv: changed"));
    std::fs::write(&hits, &original).unwrap();

    // A changed input byte is named, and the re-run's differences too.
    let roll = inputs.join("rolls/县医疗保障局_医疗救助.csv");
    let mut bytes = std::fs::read(&roll).unwrap();
    let pos = bytes.len() - 3;
    bytes[pos] = if bytes[pos] == b'1' { b'2' } else { b'1' };
    std::fs::write(&roll, bytes).unwrap();
    km().arg("verify")
        .arg(&out)
        .assert()
        .code(4)
        .stdout(predicates::str::contains("输入 县医疗保障局_医疗救助.csv（花名册）：SHA-256 不同"));
}

#[test]
fn verify_works_from_another_folder_when_the_run_was_given_relative_paths() {
    let tmp = tempfile::tempdir().unwrap();
    for side in ["registers", "rolls"] {
        let dst = tmp.path().join("in").join(side);
        std::fs::create_dir_all(&dst).unwrap();
        for e in std::fs::read_dir(root().join("fixtures/demo").join(side)).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dst.join(p.file_name().unwrap())).unwrap();
        }
    }
    let mut run = Command::cargo_bin("kinmatch").unwrap();
    run.current_dir(tmp.path())
        .args(["run", "--kin", "in/registers", "--rolls", "in/rolls", "--out", "batch/out"])
        .assert()
        .success();
    // From the repository root, elsewhere entirely: inputs are found beside the batch.
    km().arg("verify").arg(tmp.path().join("batch/out")).assert().code(0).stdout(predicates::str::contains("已验证"));
}

#[test]
fn run_with_an_unwritable_out_fails_before_reading_anything() {
    let tmp = tempfile::tempdir().unwrap();
    let blocker = tmp.path().join("a-file");
    std::fs::write(&blocker, b"x").unwrap();
    km().args(["run", "--kin", "fixtures/demo/registers", "--rolls", "fixtures/demo/rolls", "--out"])
        .arg(&blocker)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("kinmatch：错误："))
        .stderr(predicates::str::contains("不是文件夹"))
        // Nothing was read: no stage was reached.
        .stderr(predicates::str::contains("登记表").not());
}

#[test]
fn lang_en_prints_the_summary_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    let zh = run_demo(&tmp.path().join("zh"), &[]).success();
    let zh_out = String::from_utf8(zh.get_output().stderr.clone()).unwrap();
    assert!(zh_out.contains("命中"), "{zh_out}");
    let mut c = km();
    c.args(["--lang", "en", "run", "--kin", "fixtures/demo/registers", "--rolls", "fixtures/demo/rolls", "--out"])
        .arg(tmp.path().join("en"))
        .args(["--run-date", "2024-11-01"]);
    let en = c.assert().success();
    let en_out = String::from_utf8(en.get_output().stderr.clone()).unwrap();
    assert!(en_out.contains("hits"), "{en_out}");
    assert!(!en_out.contains("命中"), "{en_out}");
    // The language is for the screen only: outputs are the same bytes.
    assert_eq!(
        std::fs::read(tmp.path().join("zh/hits.csv")).unwrap(),
        std::fs::read(tmp.path().join("en/hits.csv")).unwrap()
    );
}
