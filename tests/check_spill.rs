//! `check` spills its claims to a temporary file and reads them back story by story
//! (src/spill.rs); with `--graph` it keeps them in memory. Both ways must write the same
//! report, agreements and page, byte for byte, and the spill file must be gone after the run.
//! Without a temporary folder the claims are held, and the outputs are the same. The corpus holds three stories (the seeds, tests/corpus/ferry,
//! tests/corpus/plant), so claims are read back for more than one.

mod check_util;
use check_util::*;

const CORPUS: &[&str] = &["seeds", "tests/corpus/ferry", "tests/corpus/plant"];

/// Runs `check` on the corpus into a folder of its own with `TMPDIR` set to `tmp`; returns
/// the report, agreements and page.
fn run(tmp: &std::path::Path, extra: &[&str]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let out = tempfile::tempdir().unwrap();
    let p = |f: &str| out.path().join(f).display().to_string();
    claimdiff()
        .arg("check")
        .args(CORPUS)
        .args(["--rules", "claims", "--out", &p("d.csv")])
        .args(["--agreements", &p("a.csv"), "--html", &p("d.html")])
        .args(extra)
        .env("TMPDIR", tmp)
        .assert()
        .code(0);
    let read = |f: &str| std::fs::read(out.path().join(f)).unwrap();
    (read("d.csv"), read("a.csv"), read("d.html"))
}

#[test]
fn spilled_and_held_claims_give_the_same_outputs_and_leave_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let spilled = run(tmp.path(), &[]);
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    let graph = tempfile::tempdir().unwrap();
    let g = graph.path().join("g.json").display().to_string();
    let held = run(tmp.path(), &["--graph", &g]);
    assert!(spilled.0.starts_with(HEADER.as_bytes()));
    // Three stories, and rows naming several sources: the packed lists are used.
    assert!(String::from_utf8_lossy(&spilled.0).contains(".txt;"));
    assert!(spilled.0 == held.0, "reports differ");
    assert!(spilled.1 == held.1, "agreements differ");
    assert!(spilled.2 == held.2, "pages differ");
}

#[test]
fn without_a_temporary_folder_the_claims_are_held_and_the_outputs_are_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let spilled = run(tmp.path(), &[]);
    let held = run(&tmp.path().join("missing"), &[]);
    assert!(spilled == held, "outputs differ");
}
