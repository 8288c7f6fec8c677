//! Where `check` writes, and what a spreadsheet makes of it: `--out` decides the folder of every
//! output, `--out -` writes only stdout, nothing lands in the current folder unasked, `--bom`
//! puts a UTF-8 byte-order mark in front for Excel, and cells a spreadsheet would run as a
//! formula get a leading `'` (CSV injection). The HTML page escapes hostile source text.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `claimdiff check` on the seeds with the seed rules, run from `cwd`.
fn check_seeds(cwd: &Path) -> Command {
    let mut c = Command::cargo_bin("claimdiff").unwrap();
    c.current_dir(cwd)
        .arg("check")
        .arg(root().join("seeds"))
        .arg("--rules")
        .arg(root().join("claims"));
    c
}

/// Every file under `dir`, as paths relative to it, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

fn rows(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

/// The id of the coup-date conflict (February against July 2023) in a report.
fn coup_id(report: &str) -> String {
    rows(report)
        .into_iter()
        .find(|r| &r[4] == "coup/date")
        .map(|r| r[0].to_string())
        .expect("the seeds' coup/date conflict")
}

#[test]
fn out_decides_the_folder_of_every_output_and_reviews_are_read_beside_it() {
    let cwd = tempfile::tempdir().unwrap();
    // First run: learn the coup conflict's id.
    let o = check_seeds(cwd.path())
        .args(["--out", "elsewhere/r.csv"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        files(cwd.path()),
        [
            "elsewhere/agreements.csv",
            "elsewhere/r.csv",
            "elsewhere/r.html"
        ]
    );
    let report = std::fs::read_to_string(cwd.path().join("elsewhere/r.csv")).unwrap();
    let id = coup_id(&report);
    // A verdict saved beside the report is carried into it on the next run.
    Command::cargo_bin("claimdiff")
        .unwrap()
        .current_dir(cwd.path())
        .args(["review", "--report", "elsewhere/r.csv", "--set"])
        .arg(format!("{id}=dismissed"))
        .args(["--note", "checked with the wire copy"])
        .assert()
        .success();
    assert!(cwd.path().join("elsewhere/reviews.csv").exists());
    check_seeds(cwd.path())
        .args(["--out", "elsewhere/r.csv"])
        .assert()
        .success();
    let report = std::fs::read_to_string(cwd.path().join("elsewhere/r.csv")).unwrap();
    let coup = rows(&report).into_iter().find(|r| r[0] == *id).unwrap();
    assert_eq!(
        (&coup[1], &coup[16]),
        ("dismissed", "checked with the wire copy")
    );
    // Nothing outside the folder asked for (reviews.csv.lock is the reviewer's lock).
    assert_eq!(
        files(cwd.path()),
        [
            "elsewhere/agreements.csv",
            "elsewhere/r.csv",
            "elsewhere/r.html",
            "elsewhere/reviews.csv",
            "elsewhere/reviews.csv.lock"
        ]
    );
}

#[test]
fn out_dash_writes_only_stdout() {
    let cwd = tempfile::tempdir().unwrap();
    let o = check_seeds(cwd.path())
        .args(["--out", "-"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("id,status,severity,kind,slot,"), "{out}");
    // The report alone: three conflicts, no agreements section.
    assert_eq!(rows(&out).len(), 3);
    assert!(!out.contains("slot,kind,value,sources,evidence"));
    assert_eq!(files(cwd.path()), Vec::<String>::new());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("wrote report -\n"), "{err}");
}

#[test]
fn outputs_given_by_name_go_there() {
    let cwd = tempfile::tempdir().unwrap();
    check_seeds(cwd.path())
        .args([
            "--out",
            "a/r.csv",
            "--agreements",
            "b/agr.csv",
            "--html",
            "c/p.html",
        ])
        .assert()
        .success();
    assert_eq!(files(cwd.path()), ["a/r.csv", "b/agr.csv", "c/p.html"]);
    // With `--out -`, a page asked for by name is still written.
    let cwd = tempfile::tempdir().unwrap();
    check_seeds(cwd.path())
        .args(["--out", "-", "--html", "p.html"])
        .assert()
        .success();
    assert_eq!(files(cwd.path()), ["p.html"]);
}

#[test]
fn bom_on_request_for_excel_and_the_reviewer_still_reads_the_report() {
    let cwd = tempfile::tempdir().unwrap();
    check_seeds(cwd.path())
        .args(["--out", "r.csv", "--bom"])
        .assert()
        .success();
    let bytes = std::fs::read(cwd.path().join("r.csv")).unwrap();
    assert_eq!(&bytes[..5], b"\xEF\xBB\xBFid");
    let agreements = std::fs::read(cwd.path().join("agreements.csv")).unwrap();
    assert_eq!(&agreements[..7], b"\xEF\xBB\xBFslot");
    // After the mark, UTF-8: the seeds' "Niger’s" (curly apostrophe, E2 80 99) intact.
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.contains("Niger\u{2019}s"), "{text}");
    // The reviewer reads the marked report: a prefix of the coup id resolves.
    let id = coup_id(text);
    Command::cargo_bin("claimdiff")
        .unwrap()
        .current_dir(cwd.path())
        .args(["review", "--report", "r.csv", "--set"])
        .arg(format!("{}=confirmed", &id[..8]))
        .assert()
        .success();
    let reviews = std::fs::read_to_string(cwd.path().join("reviews.csv")).unwrap();
    assert!(reviews.contains(&format!("{id},confirmed,")), "{reviews}");
    // Without --bom, no mark; on stdout, one mark for the report and none for the agreements.
    check_seeds(cwd.path())
        .args(["--out", "r.csv"])
        .assert()
        .success();
    assert!(
        std::fs::read(cwd.path().join("r.csv"))
            .unwrap()
            .starts_with(b"id,")
    );
    let o = check_seeds(cwd.path())
        .args(["--out", "-", "--agreements", "-", "--bom"])
        .output()
        .unwrap();
    assert!(o.stdout.starts_with(b"\xEF\xBB\xBFid,"));
    let marks = o
        .stdout
        .windows(3)
        .filter(|w| *w == b"\xEF\xBB\xBF")
        .count();
    assert_eq!(marks, 1);
}

/// Two sources on a crash: a bullet "- 32 passengers..." and a crafted `=HYPERLINK(...)`
/// sentence; one conflict (32 against 40 passengers).
fn hostile_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("src")).unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("src/a.txt"),
        "- 32 passengers died in the crash.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("src/b.txt"),
        "=HYPERLINK(\"evil.example\",\"Officials said\") 40 passengers died in the crash.\n\n\
         <script>alert(1)</script> The bus was late.\n",
    )
    .unwrap();
    dir
}

#[test]
fn formula_cells_are_neutralized_with_a_leading_quote() {
    let dir = hostile_corpus();
    let o = Command::cargo_bin("claimdiff")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "src", "--rules", "rules", "--out", "out/r.csv"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report = std::fs::read_to_string(dir.path().join("out/r.csv")).unwrap();
    let rows = rows(&report);
    assert_eq!(rows.len(), 1, "{report}");
    let r = &rows[0];
    assert_eq!((&r[5], &r[6]), ("32", "40"));
    // evidence_a, evidence_b: a leading ' so Excel and LibreOffice show text, not #NAME? or a
    // live link.
    assert_eq!(&r[11], "'- 32 passengers died in the crash.");
    assert_eq!(
        &r[12],
        "'=HYPERLINK(\"evil.example\",\"Officials said\") 40 passengers died in the crash."
    );
    // No cell of the file begins with a formula character.
    for rec in &rows {
        for cell in rec {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell}"
            );
        }
    }
    // extract's CSV too.
    let o = Command::cargo_bin("claimdiff")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "extract",
            "src/a.txt",
            "--rules",
            "rules",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    let claims = csv::Reader::from_reader(out.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect::<Vec<_>>();
    assert_eq!(claims.len(), 1, "{out}");
    assert!(
        claims[0]
            .iter()
            .any(|c| c == "'- 32 passengers died in the crash."),
        "{out}"
    );
}

#[test]
fn the_page_escapes_hostile_source_text() {
    let dir = hostile_corpus();
    Command::cargo_bin("claimdiff")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "src", "--rules", "rules", "--out", "out/r.csv"])
        .assert()
        .success();
    let page = std::fs::read_to_string(dir.path().join("out/r.html")).unwrap();
    // b.txt is cited, so its text is embedded: escaped, never as a live tag.
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "source not embedded"
    );
    assert!(!page.contains("<script>alert(1)"));
}
