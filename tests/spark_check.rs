//! scripts/spark_check.py runs the per-source stage on Apache Spark (PySpark, local mode) and
//! must write the report `check` writes on one machine, byte for byte, on the corpus of
//! tests/check_stories.rs (three events, ten sources) cut into three partitions. Needs
//! `python3` with `pyspark` and a Java runtime (`.ci/run` installs pyspark).

mod check_util;
use check_util::*;

use std::process::Command as Process;

#[test]
fn the_spark_run_writes_the_single_machine_report() {
    let probe = Process::new("python3")
        .args(["-c", "import pyspark"])
        .output()
        .expect("python3 runs");
    assert!(
        probe.status.success(),
        "pyspark is missing: pip install pyspark (.ci/run does): {}",
        String::from_utf8_lossy(&probe.stderr)
    );
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let o = claimdiff()
        .args(["text", "seeds", "tests/corpus/ferry", "tests/corpus/plant"])
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    std::fs::write(&corpus, &o.stdout).unwrap();
    let single = dir.path().join("single.csv");
    let o = claimdiff()
        .arg("check")
        .arg(&corpus)
        .arg("--out")
        .arg(&single)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let spark = dir.path().join("spark.csv");
    let claims = dir.path().join("claims.jsonl");
    let o = Process::new("python3")
        .arg("scripts/spark_check.py")
        .arg(&corpus)
        .arg("--out")
        .arg(&spark)
        .args([
            "--partitions",
            "3",
            "--claimdiff",
            env!("CARGO_BIN_EXE_claimdiff"),
        ])
        .arg("--claims-out")
        .arg(&claims)
        .current_dir(root())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("from 3 partitions"), "{err}");
    let want = std::fs::read_to_string(&single).unwrap();
    assert_eq!(std::fs::read_to_string(&spark).unwrap(), want);
    // Not an empty agreement: rows of all three stories, and every claim of the sources.
    let stories: std::collections::BTreeSet<String> = parse_csv(&want)
        .into_iter()
        .map(|r| r["story"].clone())
        .collect();
    assert_eq!(stories.len(), 3, "{want}");
    let extracted = claimdiff()
        .arg("extract")
        .arg(&corpus)
        .output()
        .unwrap()
        .stdout;
    let count = |b: &[u8]| b.split(|&c| c == b'\n').filter(|l| !l.is_empty()).count();
    assert_eq!(count(&std::fs::read(&claims).unwrap()), count(&extracted));
}

#[test]
fn a_bad_source_line_fails_the_spark_run_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(
        &corpus,
        "{\"source\": \"a.txt\", \"text\": \"On May 2, 2031, 40 people died.\"}\n{\"source\": \"b.txt\"}\n",
    )
    .unwrap();
    let out = dir.path().join("spark.csv");
    let o = Process::new("python3")
        .arg("scripts/spark_check.py")
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .args([
            "--partitions",
            "1",
            "--claimdiff",
            env!("CARGO_BIN_EXE_claimdiff"),
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.lines().any(|l| l.starts_with("spark_check: ")), "{err}");
    assert!(!out.exists());
}
