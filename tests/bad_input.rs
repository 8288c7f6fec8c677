//! The bad-input suite: every kind of input a user may get wrong, run through the binary. Each
//! case gives one line on stderr naming the file and the place (line, or byte offset), the
//! documented exit status (2 for what cannot be read, 0 with a warning for what is merely empty
//! or unused), no panic, and the good sources still processed. Places were counted by hand.
//! (Missing files, bad UTF-8, NUL bytes, a bad JSONL line and a bad manifest date are in
//! `read_bad_input.rs`; rule-file syntax errors in `rules_diagnostics.rs`; the 200 MB line in
//! `big_input.rs`.)

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

const GOOD: &str = "The bridge opened in 2019. It cost $40 million.\n";

fn setup() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    dir
}

/// Runs `claimdiff ARGS` in `dir` with `stdin`; returns (status, stdout, stderr).
fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .write_stdin(stdin.to_vec())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        out.status.code().expect("exited, not killed"),
        String::from_utf8(out.stdout).unwrap(),
        stderr,
    )
}

fn split(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["split"];
    all.extend(args);
    run(dir, &all, b"")
}

fn good_still_split(stdout: &str) {
    assert_eq!(
        stdout, "The bridge opened in 2019.\nIt cost $40 million.\n",
        "the good source is split"
    );
}

fn files(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

// ---------------------------------------------------------------------------------------------
// Sources

#[test]
fn unreadable_file_a_symlink_loop() {
    let dir = setup();
    std::os::unix::fs::symlink("loop.txt", dir.path().join("loop.txt")).unwrap();
    let (code, out, err) = split(dir.path(), &["loop.txt", "good.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: loop.txt: cannot read: Too many levels of symbolic links (os error 40) \
         (check the path)\n"
    );
    good_still_split(&out);
}

#[test]
fn unreadable_file_inside_a_folder() {
    let dir = setup();
    fs::create_dir(dir.path().join("corpus")).unwrap();
    std::os::unix::fs::symlink("x.txt", dir.path().join("corpus/x.txt")).unwrap();
    let (code, out, err) = split(dir.path(), &["corpus", "good.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: corpus/x.txt: cannot read: Too many levels of symbolic links \
         (os error 40)\n"
    );
    good_still_split(&out);
}

#[test]
fn empty_file_is_a_warning_and_exit_0() {
    let dir = setup();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("blank.md"), " \n\t\r\n").unwrap();
    let (code, out, err) = split(dir.path(), &["empty.txt", "blank.md", "good.txt"]);
    assert_eq!(code, 0);
    assert_eq!(
        err,
        "claimdiff: warning: empty.txt: empty, nothing to read\n\
         claimdiff: warning: blank.md: empty, nothing to read\n"
    );
    good_still_split(&out);
}

#[test]
fn empty_stdin_is_a_warning_and_exit_0() {
    let dir = setup();
    for stdin in [&b""[..], b"\n\n  \n"] {
        let (code, out, err) = run(dir.path(), &["split", "-"], stdin);
        assert_eq!((code, out.as_str()), (0, ""));
        assert_eq!(err, "claimdiff: warning: <stdin>: empty, nothing to read\n");
    }
    // check on empty stdin: an empty report, written whole.
    let (code, out, err) = run(dir.path(), &["check", "-", "--out", "-"], b"");
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "header only: {out}");
    assert!(err.starts_with("claimdiff: warning: <stdin>: empty, nothing to read\n"));
}

#[test]
fn binary_files_name_the_first_nul_byte() {
    let dir = setup();
    // gzip: 1F 8B 08 then the flags byte 00 at offset 3.
    fs::write(dir.path().join("page.html"), b"\x1f\x8b\x08\x00\x00\x00").unwrap();
    let (code, out, err) = split(dir.path(), &["page.html", "good.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: page.html: byte 3: looks like a binary file (NUL byte)\n"
    );
    good_still_split(&out);
    // A PNG on stdin: 8-byte signature, then the chunk length 00 00 00 0D at offset 8.
    let (code, out, err) = run(
        dir.path(),
        &["split", "-"],
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR",
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "claimdiff: error: <stdin>: byte 8: looks like a binary file (NUL byte)\n"
    );
}

#[test]
fn utf32_is_refused_at_byte_0() {
    let dir = setup();
    fs::write(dir.path().join("w.txt"), b"\xff\xfe\x00\x00H\x00\x00\x00").unwrap();
    let (code, out, err) = split(dir.path(), &["w.txt", "good.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: w.txt: byte 0: UTF-32 text is not read (convert the file to UTF-8)\n"
    );
    good_still_split(&out);
}

#[test]
fn jsonl_missing_text_wrong_types_and_bad_lines_are_named_by_line() {
    let dir = setup();
    let data = concat!(
        r#"{"source": "a", "text": "Alpha speaks."}"#,
        "\n",
        r#"{"source": "b"}"#,
        "\n",
        r#"{"source": "c", "text": 5}"#,
        "\n",
        r#"{"source": "d", "text": "Delta speaks.", "published": 20240427}"#,
        "\n",
        r#"["e", "Echo speaks."]"#,
        "\n",
        r#"{"source": " ", "text": "Nobody speaks."}"#,
        "\n",
        r#"{"source": "f", "text": "Foxtrot speaks.", "published": "2024-02-30"}"#,
        "\n",
    );
    fs::write(dir.path().join("batch.jsonl"), data).unwrap();
    let (code, out, err) = split(dir.path(), &["batch.jsonl"]);
    assert_eq!(code, 2);
    let hint = r#" (each line should be {"source": ..., "text": ...})"#;
    let expected = [
        format!("batch.jsonl:2: not a JSONL record: missing field `text` at column 15{hint}"),
        // Columns as serde_json gives them: the last character of the offending value.
        format!(
            "batch.jsonl:3: not a JSONL record: invalid type: integer `5`, expected a string at \
             column 25{hint}"
        ),
        format!(
            "batch.jsonl:4: not a JSONL record: invalid type: integer `20240427`, expected a \
             string at column 62{hint}"
        ),
        format!("batch.jsonl:5: not a JSONL record: expected an object at column 1{hint}"),
        "batch.jsonl:6: record has an empty `source`".to_string(),
        "batch.jsonl:7: `2024-02-30` in field `published` is not a date (write it as YYYY-MM-DD)"
            .to_string(),
    ];
    let got: Vec<&str> = err.lines().collect();
    assert_eq!(got.len(), expected.len(), "{err}");
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!(*g, format!("claimdiff: error: {e}"));
    }
    // The good records are read, f without its date.
    assert_eq!(out, "Alpha speaks.\nFoxtrot speaks.\n");
}

#[test]
fn jsonl_line_not_utf8_names_the_byte() {
    let dir = setup();
    // Line 1 is 39 bytes with its newline; on line 2, `{"source": "b", "text": "caf` is 28
    // bytes, so the Latin-1 é is byte 39 + 28 = 67 of the file.
    let mut data = br#"{"source": "a", "text": "Alpha said."}"#.to_vec();
    data.push(b'\n');
    data.extend_from_slice(b"{\"source\": \"b\", \"text\": \"caf\xe9\"}\n");
    fs::write(dir.path().join("batch.jsonl"), data).unwrap();
    let (code, out, err) = split(dir.path(), &["batch.jsonl"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: batch.jsonl: byte 67: not valid UTF-8 (line 2) (convert the file to \
         UTF-8)\n"
    );
    assert_eq!(out, "Alpha said.\n");
}

#[test]
fn manifest_duplicate_is_an_error_and_unknown_source_a_warning() {
    let dir = setup();
    let c = dir.path().join("corpus");
    fs::create_dir(&c).unwrap();
    fs::write(c.join("a.txt"), "Alpha reports the event.\n").unwrap();
    fs::write(
        c.join("sources.csv"),
        "source,outlet,published,url\n\
         a.txt,Alpha,2024-04-27,\n\
         b.txt,Beta,2024-04-28,\n\
         a.txt,Alpha,2024-05-01,\n",
    )
    .unwrap();
    let (code, out, err) = split(dir.path(), &["corpus"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: warning: corpus/sources.csv:3: source `b.txt` is not in this folder; its row \
         applies to nothing\n\
         claimdiff: error: corpus/sources.csv:4: source `a.txt` is listed again (first on line 2) \
         (keep one row per source; the first one applies)\n"
    );
    assert_eq!(out, "Alpha reports the event.\n");
    // The first row applies: a.txt is dated 2024-04-27, not 2024-05-01.
    let (_, out, _) = run(dir.path(), &["extract", "corpus", "--format", "jsonl"], b"");
    assert_eq!(out, "", "no claim in that sentence");
}

#[test]
fn manifest_without_source_column_names_line_1() {
    let dir = setup();
    fs::write(
        dir.path().join("sources.csv"),
        "name,published\ngood.txt,2024-04-27\n",
    )
    .unwrap();
    let (code, out, err) = split(dir.path(), &["good.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: ./sources.csv:1: manifest has no `source` column (the header row \
         should read source,outlet,published,url)\n"
    );
    good_still_split(&out);
}

// ---------------------------------------------------------------------------------------------
// Rule files (syntax, fields, patterns, examples: rules_diagnostics.rs)

/// Writes `bytes` as `rules/a.toml` and runs `check` with it; a rule error stops the run
/// before anything is written.
fn check_with_rule(bytes: &[u8]) -> (i32, String, TempDir) {
    let dir = setup();
    fs::create_dir(dir.path().join("rules")).unwrap();
    fs::write(dir.path().join("rules/a.toml"), bytes).unwrap();
    let (code, out, err) = run(
        dir.path(),
        &[
            "check",
            "good.txt",
            "--rules",
            "rules",
            "--out",
            "out/r.csv",
        ],
        b"",
    );
    assert_eq!(out, "");
    assert!(!dir.path().join("out").exists(), "nothing written");
    (code, err, dir)
}

#[test]
fn rule_file_not_utf8_names_the_byte() {
    // `[[synonym]]\n` is 12 bytes, `name = "caf` 11 more: the Latin-1 é is byte 23.
    let (code, err, _d) = check_with_rule(b"[[synonym]]\nname = \"caf\xe9\"\nwords = [\"a\"]\n");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: rules/a.toml: byte 23: not valid UTF-8 (convert the file to UTF-8)\n"
    );
}

#[test]
fn rule_file_unreadable_is_reported_not_skipped() {
    let dir = setup();
    fs::create_dir(dir.path().join("rules")).unwrap();
    std::os::unix::fs::symlink("gone.toml", dir.path().join("rules/a.toml")).unwrap();
    let (code, out, err) = run(
        dir.path(),
        &["check", "good.txt", "--rules", "rules", "--out", "-"],
        b"",
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "claimdiff: error: rules/a.toml: cannot read: no such file or folder\n"
    );
}

#[test]
fn rule_file_wrong_type_and_missing_name_point_at_the_place() {
    // Line 3, `words = "a"`: the value starts at column 9.
    let (code, err, _d) = check_with_rule(b"[[synonym]]\nname = \"x\"\nwords = \"a\"\n");
    assert_eq!(code, 2);
    assert_eq!(
        err.lines().next().unwrap(),
        "rules/a.toml:3:9: invalid type: string \"a\", expected a sequence"
    );
    // The table without `name` starts on line 1, column 1.
    let (code, err, _d) = check_with_rule(b"[[synonym]]\nwords = [\"a\", \"b\"]\n");
    assert_eq!(code, 2);
    assert_eq!(
        err.lines().next().unwrap(),
        "rules/a.toml:1:1: missing field `name`"
    );
}

#[test]
fn rules_folder_missing_stops_check() {
    let dir = setup();
    let (code, out, err) = run(
        dir.path(),
        &["check", "good.txt", "--rules", "nosuch", "--out", "-"],
        b"",
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "claimdiff: error: nosuch: cannot read rules folder: no such file or folder\n"
    );
}

// ---------------------------------------------------------------------------------------------
// Reviews files (bad status and time: review_cli.rs, review_roundtrip.rs)

/// `check` with `reviews` as the reviews file: (status, stderr); the report is not written.
fn check_with_reviews(reviews: &[u8]) -> (i32, String) {
    let dir = setup();
    fs::write(dir.path().join("reviews.csv"), reviews).unwrap();
    let (code, out, err) = run(
        dir.path(),
        &["check", "good.txt", "--out", "r.csv", "--rules", "."],
        b"",
    );
    assert_eq!(out, "");
    if code != 0 {
        assert_eq!(
            files(dir.path()),
            ["good.txt", "reviews.csv"],
            "nothing written"
        );
    }
    (code, err)
}

const HEAD: &str = "id,status,note,reviewed_at\n";

#[test]
fn reviews_file_malformed_names_its_line() {
    let cases: [(&str, &str); 6] = [
        (
            "id,status,note,reviewed_at,reviewer\nabc,confirmed,,2024-04-27T09:30:00Z,ann\n",
            "reviews.csv:1: expected the header `id,status,note,reviewed_at`, found \
             `id,status,note,reviewed_at,reviewer`",
        ),
        (
            "id,status\nabc,confirmed\n",
            "reviews.csv:1: expected the header `id,status,note,reviewed_at`, found `id,status`",
        ),
        (
            "id,status,note,reviewed_at\nabc,confirmed,,2024-04-27T09:30:00Z\nabd,dismissed,,2024-04-27T09:30:00Z,extra\n",
            "reviews.csv:3: expected 4 fields (id,status,note,reviewed_at), found 5",
        ),
        (
            "id,status,note,reviewed_at\n,confirmed,,2024-04-27T09:30:00Z\n",
            "reviews.csv:2: empty id",
        ),
        (
            "id,status,note,reviewed_at\nabc,confirmed,\"never closed,2024-04-27T09:30:00Z\n",
            "reviews.csv:2: expected 4 fields (id,status,note,reviewed_at), found 3",
        ),
        (
            "id,status,note,reviewed_at\nabc,yes,,2024-04-27T09:30:00Z\n",
            "reviews.csv:2: status `yes` is not one of open, confirmed, dismissed",
        ),
    ];
    for (text, message) in cases {
        let (code, err) = check_with_reviews(text.as_bytes());
        assert_eq!(code, 2, "{text}");
        assert_eq!(err, format!("claimdiff: error: {message}\n"), "{text}");
    }
    let mut latin1 = HEAD.as_bytes().to_vec();
    latin1.extend_from_slice(b"abc,confirmed,caf\xe9,2024-04-27T09:30:00Z\n");
    let (code, err) = check_with_reviews(&latin1);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: reviews.csv:2: field `note` is not UTF-8\n"
    );
}

// ---------------------------------------------------------------------------------------------
// Outputs

#[test]
fn unwritable_out_is_named_and_nothing_else_is_written() {
    let dir = setup();
    fs::create_dir(dir.path().join("folder")).unwrap();
    // A folder as --out: refused, and no agreements or page beside it.
    let (code, out, err) = run(
        dir.path(),
        &["check", "good.txt", "--rules", ".", "--out", "folder"],
        b"",
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err.lines().next().unwrap(),
        "claimdiff: error: folder: cannot write: is a folder; give a file name"
    );
    assert_eq!(files(dir.path()), ["folder", "good.txt"]);
    assert_eq!(files(&dir.path().join("folder")), Vec::<String>::new());
    // A full device: the write fails with the system's reason.
    let (code, _, err) = run(
        dir.path(),
        &["check", "good.txt", "--rules", ".", "--out", "/dev/full"],
        b"",
    );
    assert_eq!(code, 2);
    assert_eq!(
        err.lines().next().unwrap(),
        "claimdiff: error: /dev/full: cannot write: No space left on device (os error 28)"
    );
    assert_eq!(files(dir.path()), ["folder", "good.txt"]);
}

#[test]
fn unwritable_page_is_named_and_the_report_is_whole() {
    let dir = setup();
    fs::write(dir.path().join("blocker"), "x").unwrap();
    let (code, _, err) = run(
        dir.path(),
        &[
            "check",
            "good.txt",
            "--rules",
            ".",
            "--out",
            "r.csv",
            "--html",
            "blocker/p.html",
        ],
        b"",
    );
    assert_eq!(code, 2);
    assert_eq!(
        err.lines().next().unwrap(),
        "claimdiff: error: blocker/p.html: cannot write: blocker is a file, not a folder"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("r.csv"))
            .unwrap()
            .lines()
            .count(),
        1,
        "the report (no conflicts in one source) is whole"
    );
}

// ---------------------------------------------------------------------------------------------
// Other commands

#[test]
fn values_names_the_line_and_byte_of_bad_utf8() {
    let dir = setup();
    let (code, out, err) = run(dir.path(), &["values"], b"It cost $5.\ncaf\xe9 2019\n");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: <stdin>:2: not valid UTF-8 at byte 3 of the line\n"
    );
    // Line 1 is read; line 2 keeps its place in the output with no values.
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.lines().next().unwrap().contains("\"value\":\"USD 5\""),
        "{out}"
    );
}

#[test]
fn review_without_a_report_says_how_to_get_one() {
    let dir = setup();
    let (code, _, err) = run(
        dir.path(),
        &["review", "--report", "nosuch.csv", "--set", "abc=confirmed"],
        b"",
    );
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimdiff: error: nosuch.csv: cannot read: No such file or directory (os error 2) \
         (run `claimdiff check` first, or pass --report FILE)\n"
    );
    assert_eq!(files(dir.path()), ["good.txt"]);
}
