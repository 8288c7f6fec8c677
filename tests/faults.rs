//! Faults around the files `check` and `review` write: a crash between writing and renaming, a
//! full disk (a file-size limit, which the binary turns into a write error), two reviewers at
//! the same instant, and a reviews file edited by hand (CRLF, a byte-order mark, ids of
//! conflicts not in the report, notes over two lines). The old file is never lost.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("claimdiff")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

/// `check` on the seeds with the seed rules, run in `dir`, report to `r.csv`.
fn check(dir: &Path) -> Command {
    let mut c = Command::new(bin());
    c.current_dir(dir)
        .arg("check")
        .arg(root().join("seeds"))
        .arg("--rules")
        .arg(root().join("claims"))
        .args(["--out", "r.csv"])
        .stdout(Stdio::null());
    c
}

/// Limits the files the child may write to `bytes` (RLIMIT_FSIZE, what `ulimit -f` sets).
fn limit_file_size(cmd: &mut Command, bytes: u64) {
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

const OLD: &str = "id,status\nold,report\n";

#[test]
fn check_crashing_between_write_and_rename_keeps_the_old_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.csv"), OLD).unwrap();
    let status = check(dir.path())
        .env("CLAIMDIFF_CRASH_BEFORE_RENAME", "1")
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), None, "the hook aborts the process");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("r.csv")).unwrap(),
        OLD
    );
    assert_eq!(names(dir.path()), ["r.csv"], "no temporary file left");
}

#[test]
fn a_full_disk_is_a_clear_error_and_the_old_report_stays() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.csv"), OLD).unwrap();
    // The seeds' report is about 1,900 bytes: a 1,000-byte limit stops it midway.
    let mut cmd = check(dir.path());
    limit_file_size(&mut cmd, 1000);
    let o = cmd.output().unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(
        err.lines().next().unwrap(),
        "claimdiff: error: r.csv: cannot write: File too large (os error 27)"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("r.csv")).unwrap(),
        OLD
    );
    // Nothing half-written, and nothing else written beside a report that failed.
    assert_eq!(names(dir.path()), ["r.csv"]);
    // With room, the same run writes all three whole.
    assert!(check(dir.path()).status().unwrap().success());
    assert_eq!(names(dir.path()), ["agreements.csv", "r.csv", "r.html"]);
}

/// A reviews file of `n` verdicts on made-up ids.
fn reviews_text(n: usize) -> String {
    let mut t = String::from("id,status,note,reviewed_at\n");
    for i in 0..n {
        t.push_str(&format!(
            "{i:016x},dismissed,checked by hand,2024-04-27T09:30:00Z\n"
        ));
    }
    t
}

fn set(dir: &Path, verdict: &str) -> Command {
    let mut c = Command::new(bin());
    c.current_dir(dir).args([
        "review",
        "--reviews",
        "reviews.csv",
        "--force",
        "--set",
        verdict,
    ]);
    c
}

#[test]
fn a_full_disk_keeps_the_old_reviews_file() {
    let dir = tempfile::tempdir().unwrap();
    let old = reviews_text(30); // 30 lines of 66 bytes: about 2,000 bytes
    std::fs::write(dir.path().join("reviews.csv"), &old).unwrap();
    let mut cmd = set(dir.path(), "feed=confirmed");
    limit_file_size(&mut cmd, 1000);
    let o = cmd.output().unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(2), "{err}");
    // (After the --force warning that no report was there to check the id against.)
    assert_eq!(
        err.lines().last().unwrap(),
        "claimdiff: error: reviews.csv: cannot write: File too large (os error 27)"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("reviews.csv")).unwrap(),
        old
    );
    assert_eq!(names(dir.path()), ["reviews.csv", "reviews.csv.lock"]);
}

#[test]
fn two_reviewers_at_the_same_instant_both_land() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..15 {
        // Both started before either is waited for.
        let mut a = set(dir.path(), &format!("a{round:02}=confirmed"))
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut b = set(dir.path(), &format!("b{round:02}=dismissed"))
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
        let text = std::fs::read_to_string(dir.path().join("reviews.csv")).unwrap();
        assert_eq!(
            text.lines().count(),
            1 + 2 * (round + 1),
            "round {round}: {text}"
        );
        assert!(
            text.contains(&format!("\na{round:02},confirmed,")),
            "{text}"
        );
        assert!(
            text.contains(&format!("\nb{round:02},dismissed,")),
            "{text}"
        );
    }
}

#[test]
fn a_hand_edited_reviews_file_loads_and_keeps_what_it_does_not_know() {
    let dir = tempfile::tempdir().unwrap();
    // Learn the id of the seeds' coup-date conflict.
    assert!(check(dir.path()).status().unwrap().success());
    let report = std::fs::read_to_string(dir.path().join("r.csv")).unwrap();
    let coup = report
        .lines()
        .find(|l| l.contains(",coup/date,"))
        .and_then(|l| l.split(',').next())
        .unwrap()
        .to_string();
    // Saved by a spreadsheet on Windows: byte-order mark, CRLF, a note over two lines, an id
    // no report holds.
    let edited = format!(
        "\u{feff}id,status,note,reviewed_at\r\n\
         {coup},confirmed,\"wire copy says July\r\nsee desk log\",2024-04-27T09:30:00Z\r\n\
         0123456789abcdef,dismissed,old story,2024-04-01T08:00:00Z\r\n"
    );
    std::fs::write(dir.path().join("reviews.csv"), &edited).unwrap();
    let o = check(dir.path()).output().unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "claimdiff: 1 verdict refers to a conflict no longer found (kept in reviews.csv)"
        ),
        "{err}"
    );
    let mut rdr = csv::Reader::from_path(dir.path().join("r.csv")).unwrap();
    let row = rdr
        .records()
        .map(Result::unwrap)
        .find(|r| r[0] == *coup)
        .unwrap();
    assert_eq!(&row[1], "confirmed");
    assert_eq!(&row[16], "wire copy says July\r\nsee desk log");
    // A verdict set now keeps both hand-made ones, the note's line break included.
    assert!(set(dir.path(), "feed=open").status().unwrap().success());
    let text = std::fs::read_to_string(dir.path().join("reviews.csv")).unwrap();
    assert!(text.starts_with("id,status,note,reviewed_at\n"), "{text}");
    assert!(
        text.contains(&format!(
            "{coup},confirmed,\"wire copy says July\r\nsee desk log\",2024-04-27T09:30:00Z\n"
        )),
        "{text}"
    );
    assert!(text.contains("0123456789abcdef,dismissed,old story,2024-04-01T08:00:00Z\n"));
    assert!(text.contains("\nfeed,open,,"));
}
