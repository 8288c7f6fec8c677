//! Helpers shared by the `check_*` integration tests: run the binary, read its CSV.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub const HEADER: &str = "id,status,severity,kind,slot,value_a,value_b,text_a,text_b,\
sources_a,sources_b,evidence_a,evidence_b,location_a,location_b,rule,note,relation,fact,story";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `claimdiff` run from the crate root.
pub fn claimdiff() -> Command {
    let mut c = Command::cargo_bin("claimdiff").unwrap();
    c.current_dir(root());
    c
}

/// One CSV row as column name -> value.
pub type Row = HashMap<String, String>;

pub fn read_csv(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap();
    parse_csv(&text)
}

pub fn parse_csv(text: &str) -> Vec<Row> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Whether a row pairs these two normalized values, in either order.
pub fn pairs(row: &Row, a: &str, b: &str) -> bool {
    (row["value_a"] == a && row["value_b"] == b) || (row["value_a"] == b && row["value_b"] == a)
}

/// The side of `row` stating `value`: (text, sources, evidence, location).
pub fn side<'a>(row: &'a Row, value: &str) -> (&'a str, &'a str, &'a str, &'a str) {
    let s = if row["value_a"] == value { "a" } else { "b" };
    (
        &row[&format!("text_{s}")],
        &row[&format!("sources_{s}")],
        &row[&format!("evidence_{s}")],
        &row[&format!("location_{s}")],
    )
}

/// Runs `check` on `paths` with `extra` flags, reports into a temp folder; returns the rows of
/// both files and stderr.
pub fn check(paths: &[&str], extra: &[&str]) -> (Vec<Row>, Vec<Row>, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d.csv");
    let agr = dir.path().join("a.csv");
    let mut cmd = claimdiff();
    cmd.arg("check")
        .args(paths)
        .args(extra)
        .arg("--out")
        .arg(&out)
        .arg("--agreements")
        .arg(&agr)
        // Keep the page and the verdicts in the temp folder too, away from the repo's reports/.
        .arg("--html")
        .arg(dir.path().join("d.html"))
        .arg("--reviews")
        .arg(dir.path().join("reviews.csv"));
    let o = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(0), "stderr: {stderr}");
    let header = std::fs::read_to_string(&out).unwrap();
    assert_eq!(header.lines().next().unwrap(), HEADER);
    (read_csv(&out), read_csv(&agr), stderr, dir)
}
