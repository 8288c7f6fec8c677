//! The shipped syntax model, scored on the UD English-EWT dev set (gold tokenization) with the
//! official CoNLL 2018 evaluation script, must keep at least the scores it shipped with
//! (data/syntax/README.md): a retrained or damaged model that scores lower fails here.

use std::path::PathBuf;

use assert_cmd::Command;

/// Dev-set floors: the shipped model's dev scores (data/syntax/README.md) rounded down.
const FLOORS: [(&str, f64); 4] = [
    ("UPOS", 95.0),
    ("Lemmas", 96.8),
    ("UAS", 85.1),
    ("LAS", 82.0),
];

#[test]
fn shipped_model_scores_on_the_ewt_dev_set() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let ewt = root.join("../shared/ud-ewt");
    let gold = ewt.join("en_ewt-ud-dev.conllu");
    assert!(
        gold.exists(),
        "{} is missing: CI and development machines have ../shared",
        gold.display()
    );
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .args(["parse", "--conllu"])
        .arg(&gold)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let dir = tempfile::tempdir().unwrap();
    let system = dir.path().join("dev.system.conllu");
    std::fs::write(&system, out).unwrap();
    let eval = std::process::Command::new("python3")
        .arg(ewt.join("conll18_ud_eval.py"))
        .arg("-v")
        .arg(&gold)
        .arg(&system)
        .output()
        .expect("python3 runs the CoNLL 2018 evaluation script");
    assert!(
        eval.status.success(),
        "{}",
        String::from_utf8_lossy(&eval.stderr)
    );
    let report = String::from_utf8(eval.stdout).unwrap();
    for (metric, floor) in FLOORS {
        let line = report
            .lines()
            .find(|l| l.split('|').next().is_some_and(|m| m.trim() == metric))
            .unwrap_or_else(|| panic!("no {metric} line in:\n{report}"));
        // Columns: Metric | Precision | Recall | F1 Score | AligndAcc
        let f1: f64 = line.split('|').nth(3).unwrap().trim().parse().unwrap();
        assert!(
            f1 >= floor,
            "{metric} {f1} below the shipped model's {floor}:\n{report}"
        );
    }
}
