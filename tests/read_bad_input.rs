//! Bad input: each case gives one line on stderr naming the file and the place, the other
//! sources are still split, and the exit status is 2. Places were counted by hand.

use assert_cmd::Command;
use std::fs;
use tempfile::TempDir;

const GOOD: &str = "The bridge opened in 2019. It cost $40 million.\n";

fn setup() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    dir
}

/// Runs `claimdiff split ARGS` in `dir`; returns (status, stdout, stderr).
fn split(dir: &TempDir, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .current_dir(dir.path())
        .arg("split")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn assert_good_still_split(stdout: &str) {
    assert!(stdout.contains("The bridge opened in 2019."), "{stdout}");
    assert!(stdout.contains("It cost $40 million."), "{stdout}");
}

#[test]
fn missing_file() {
    let dir = setup();
    let (code, out, err) = split(&dir, &["nosuch.txt", "good.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: nosuch.txt: cannot read: no such file or folder (check the path)\n"
    );
    assert_good_still_split(&out);
}

#[test]
fn folder_without_readable_sources() {
    let dir = setup();
    fs::create_dir(dir.path().join("empty")).unwrap();
    fs::write(dir.path().join("empty/notes.csv"), "a,b\n").unwrap();
    fs::write(
        dir.path().join("empty/picture.png"),
        [0x89, b'P', b'N', b'G'],
    )
    .unwrap();
    let (code, out, err) = split(&dir, &["empty", "good.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: empty: folder holds no readable sources \
         (claimdiff reads .txt, .md, .html, .htm and .jsonl files)\n"
    );
    assert_good_still_split(&out);
}

#[test]
fn not_utf8_names_the_byte() {
    let dir = setup();
    // "Good start.\n" is 12 bytes, "Caf" 3 more: the Latin-1 é is byte 15.
    fs::write(
        dir.path().join("latin1.txt"),
        b"Good start.\nCaf\xe9 au lait.\n",
    )
    .unwrap();
    let (code, out, err) = split(&dir, &["latin1.txt", "good.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: latin1.txt: byte 15: not valid UTF-8 (convert the file to UTF-8)\n"
    );
    assert_good_still_split(&out);
    assert!(!out.contains("Good start"));
}

#[test]
fn binary_file_names_the_nul_byte() {
    let dir = setup();
    // A zip header: "PK", 0x03, 0x04, then the first NUL at byte 4.
    fs::write(dir.path().join("archive.txt"), b"PK\x03\x04\x00\x00rest").unwrap();
    let (code, out, err) = split(&dir, &["archive.txt", "good.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: archive.txt: byte 4: looks like a binary file (NUL byte)\n"
    );
    assert_good_still_split(&out);
}

#[test]
fn malformed_jsonl_line_names_the_line() {
    let dir = setup();
    // Line 2 stops at its 29th character, the `}` where a value should be.
    let data = concat!(
        r#"{"source": "a.txt", "text": "First source speaks."}"#,
        "\n",
        r#"{"source": "b.txt", "text": }"#,
        "\n",
        r#"{"source": "c.txt", "text": "Third source speaks."}"#,
        "\n"
    );
    fs::write(dir.path().join("batch.jsonl"), data).unwrap();
    let (code, out, err) = split(&dir, &["--format", "jsonl", "batch.jsonl"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: batch.jsonl:2: not a JSONL record: expected value at column 29 \
         (each line should be {\"source\": ..., \"text\": ...})\n"
    );
    let records: Vec<(String, u64, u64, String)> = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["source"].as_str().unwrap().to_string(),
                v["start"].as_u64().unwrap(),
                v["end"].as_u64().unwrap(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        records,
        vec![
            ("a.txt".into(), 0, 20, "First source speaks.".into()),
            ("c.txt".into(), 0, 20, "Third source speaks.".into()),
        ]
    );
}

#[test]
fn manifest_with_a_bad_date_names_file_and_line() {
    let dir = setup();
    fs::create_dir(dir.path().join("corpus")).unwrap();
    fs::write(
        dir.path().join("corpus/a.txt"),
        "Alpha reports the event.\n",
    )
    .unwrap();
    fs::write(dir.path().join("corpus/b.txt"), "Beta reports it too.\n").unwrap();
    // Header on line 1; April has 30 days, so line 3 is the bad one.
    fs::write(
        dir.path().join("corpus/sources.csv"),
        "source,outlet,published,url\na.txt,Alpha,2024-04-30,\nb.txt,Beta,2024-04-31,\n",
    )
    .unwrap();
    let (code, out, err) = split(&dir, &["corpus"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: corpus/sources.csv:3: `2024-04-31` in column `published` is not a \
         date (write it as YYYY-MM-DD)\n"
    );
    assert_eq!(out, "Alpha reports the event.\nBeta reports it too.\n");
}

#[test]
fn malformed_utf16_names_the_byte() {
    let dir = setup();
    // Byte-order mark (0-1), "H" (2-3), then a lone high surrogate D800 at bytes 4-5.
    fs::write(dir.path().join("wide.txt"), b"\xff\xfeH\x00\x00\xd8i\x00").unwrap();
    let (code, out, err) = split(&dir, &["wide.txt", "good.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: wide.txt: byte 4: not valid UTF-16LE (unpaired surrogate) \
         (convert the file to UTF-8)\n"
    );
    assert_good_still_split(&out);
}

#[test]
fn utf16_without_a_byte_order_mark_is_refused_with_a_hint() {
    let dir = setup();
    fs::write(dir.path().join("wide.txt"), b"H\x00i\x00.\x00").unwrap();
    let (code, out, err) = split(&dir, &["wide.txt", "good.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: wide.txt: byte 1: looks like a binary file (NUL byte) \
         (UTF-16 without a byte-order mark? save it as UTF-8, or UTF-16 with one)\n"
    );
    assert_good_still_split(&out);
}

#[test]
fn all_good_input_exits_zero_and_says_nothing() {
    let dir = setup();
    let (code, out, err) = split(&dir, &["good.txt"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_good_still_split(&out);
}
