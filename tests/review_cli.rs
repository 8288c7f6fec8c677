//! `claimdiff review --set` as scripts use it: verdicts recorded by id or unique prefix, errors
//! with exit 2 and no file written, notes kept or replaced, and no verdict lost when several
//! reviewers write at once.

#[path = "review_fixture.rs"]
mod fixture;

use assert_cmd::Command;
use fixture::{COUP, PRESIDENT, TROOPS, Workdir, v, verdicts};
use predicates::str::contains;

fn review(w: &Workdir) -> Command {
    let mut cmd = Command::cargo_bin("claimdiff").unwrap();
    cmd.current_dir(w.path()).args([
        "review",
        "--report",
        "report.csv",
        "--reviews",
        "reviews.csv",
    ]);
    cmd
}

#[test]
fn set_records_verdicts_with_notes_by_id_and_prefix() {
    let w = Workdir::new();
    review(&w)
        .args([
            "--set",
            &format!("{COUP}=confirmed"),
            "--note",
            "wire copy says July",
        ])
        .assert()
        .success()
        .stderr(contains(format!("{COUP}: confirmed")));
    // `7f3a` is a unique prefix of COUP; without --note the earlier note stays.
    review(&w)
        .args(["--set", "7f3a=dismissed"])
        .assert()
        .success();
    review(&w)
        .args(["--set", &format!("{TROOPS}=open")])
        .args(["--set", &format!("{PRESIDENT}=dismissed")])
        .args(["--note", "spelling only"])
        .assert()
        .success();
    assert_eq!(
        verdicts(&w.reviews()),
        vec![
            v(TROOPS, "open", "spelling only"),
            v(PRESIDENT, "dismissed", "spelling only"),
            v(COUP, "dismissed", "wire copy says July"),
        ]
    );
    // An empty --note clears the note.
    review(&w)
        .args(["--set", &format!("{COUP}=confirmed"), "--note", ""])
        .assert()
        .success();
    assert_eq!(verdicts(&w.reviews())[2], v(COUP, "confirmed", ""));
}

#[test]
fn unknown_ambiguous_and_malformed_are_usage_errors_that_write_nothing() {
    let w = Workdir::new();
    review(&w)
        .args(["--set", "deadbeef=confirmed"])
        .assert()
        .code(2)
        .stderr(contains("report.csv: no conflict with id `deadbeef`"))
        .stderr(contains("--force"));
    // `5` starts both TROOPS and PRESIDENT.
    review(&w)
        .args(["--set", "5=confirmed"])
        .assert()
        .code(2)
        .stderr(contains("id prefix `5` matches 2 conflicts"));
    review(&w)
        .args(["--set", &format!("{COUP}=maybe")])
        .assert()
        .code(2)
        .stderr(contains(
            "status `maybe` is not one of confirmed, dismissed, open",
        ));
    review(&w)
        .args(["--set", COUP])
        .assert()
        .code(2)
        .stderr(contains("expected ID=confirmed|dismissed|open"));
    // One bad id in a batch: none of the batch is recorded.
    review(&w)
        .args(["--set", &format!("{COUP}=confirmed"), "--set", "nope=open"])
        .assert()
        .code(2);
    assert!(!w.reviews().exists());
}

#[test]
fn force_records_an_id_the_report_does_not_hold() {
    let w = Workdir::new();
    review(&w)
        .args(["--set", "0123abcd=dismissed", "--force"])
        .assert()
        .success()
        .stderr(contains("no conflict with id `0123abcd`; recorded anyway"));
    assert_eq!(verdicts(&w.reviews()), vec![v("0123abcd", "dismissed", "")]);
    // No report at all: an error, unless --force.
    std::fs::remove_file(w.report()).unwrap();
    review(&w)
        .args(["--set", &format!("{COUP}=confirmed")])
        .assert()
        .code(2)
        .stderr(contains("report.csv: cannot read"));
    review(&w)
        .args(["--set", &format!("{COUP}=confirmed"), "--force"])
        .assert()
        .success();
    assert_eq!(verdicts(&w.reviews()).len(), 2);
}

#[test]
fn malformed_reviews_file_names_its_line_and_is_left_alone() {
    let w = Workdir::new();
    let bad = "id,status,note,reviewed_at\n7f3a9c21d4e8b605,confirmed,,2024-04-27T09:30:00Z\nx,perhaps,,2024-04-27T09:30:00Z\n";
    std::fs::write(w.reviews(), bad).unwrap();
    review(&w)
        .args(["--set", &format!("{TROOPS}=confirmed")])
        .assert()
        .code(2)
        .stderr(contains("reviews.csv:3: status `perhaps`"));
    assert_eq!(std::fs::read_to_string(w.reviews()).unwrap(), bad);
}

#[test]
fn interactive_without_a_terminal_is_a_usage_error() {
    let w = Workdir::new();
    review(&w)
        .write_stdin("c\n")
        .assert()
        .code(2)
        .stderr(contains("needs a terminal"))
        .stderr(contains("--set"));
    assert!(!w.reviews().exists());
}

/// Two reviewers at once, each recording 25 verdicts one process at a time: with the lock and
/// re-read, all 50 verdicts end up in the file (without them, interleaved read-modify-write
/// cycles drop some).
#[test]
fn concurrent_reviewers_lose_no_verdict() {
    let w = Workdir::new();
    let bin = assert_cmd::cargo::cargo_bin("claimdiff");
    let reviewers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|who| {
            let bin = bin.clone();
            let dir = w.path().to_path_buf();
            std::thread::spawn(move || {
                for i in 0..25 {
                    let st = std::process::Command::new(&bin)
                        .current_dir(&dir)
                        .args(["review", "--reviews", "reviews.csv", "--force", "--set"])
                        .arg(format!("{who}{i:02}=confirmed"))
                        .args(["--note", &format!("by {who}")])
                        .stderr(std::process::Stdio::null())
                        .status()
                        .unwrap();
                    assert!(st.success());
                }
            })
        })
        .collect();
    for r in reviewers {
        r.join().unwrap();
    }
    let got = verdicts(&w.reviews());
    assert_eq!(got.len(), 50);
    for who in ["a", "b"] {
        for i in 0..25 {
            let id = format!("{who}{i:02}");
            assert!(
                got.contains(&v(&id, "confirmed", &format!("by {who}"))),
                "{id} lost"
            );
        }
    }
}
