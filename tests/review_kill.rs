//! Crash safety of the reviews file: a `review --set` that dies between writing and renaming, or
//! is killed with SIGKILL at any moment, leaves the old file or the new one, never a partial one,
//! and no temporary file behind.

#[path = "review_fixture.rs"]
mod fixture;

use std::path::Path;
use std::process::{Command, Stdio};

use fixture::{COUP, TROOPS, Workdir, v, verdicts};

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("claimdiff")
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

/// Files other than the report, the reviews file and its lock.
fn strays(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| !["report.csv", "reviews.csv", "reviews.csv.lock"].contains(&n.as_str()))
        .collect()
}

#[test]
fn crash_between_write_and_rename_keeps_the_old_file() {
    let w = Workdir::new();
    let set = |verdict: &str, crash: bool| {
        let mut cmd = Command::new(bin());
        cmd.current_dir(w.path())
            .args([
                "review",
                "--report",
                "report.csv",
                "--reviews",
                "reviews.csv",
            ])
            .args(["--set", verdict])
            .stderr(Stdio::null());
        if crash {
            cmd.env("CLAIMDIFF_CRASH_BEFORE_RENAME", "1");
        }
        cmd.status().unwrap()
    };
    assert!(set(&format!("{COUP}=confirmed"), false).success());
    let old = std::fs::read(w.reviews()).unwrap();

    let crashed = set(&format!("{TROOPS}=dismissed"), true);
    assert!(!crashed.success(), "the hook must abort the process");
    assert_eq!(std::fs::read(w.reviews()).unwrap(), old, "old file intact");
    assert_eq!(verdicts(&w.reviews()), vec![v(COUP, "confirmed", "")]);
    assert_eq!(
        names(w.path()),
        ["report.csv", "reviews.csv", "reviews.csv.lock"],
        "no temporary file left"
    );

    // The dead process's lock died with it: the next write goes through.
    assert!(set(&format!("{TROOPS}=dismissed"), false).success());
    assert_eq!(
        verdicts(&w.reviews()),
        vec![v(TROOPS, "dismissed", ""), v(COUP, "confirmed", "")]
    );
}

/// SIGKILL at delays spread over a write's lifetime, against a 20,000-verdict file (~1.6 MB) so
/// the write takes long enough to be hit in the middle.
#[test]
fn sigkill_at_any_moment_leaves_old_or_new_never_partial() {
    let w = Workdir::new();
    let mut text = String::from("id,status,note,reviewed_at\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "{i:016x},dismissed,\"note number {i}, kept verbatim\",2024-04-27T09:30:00Z\n"
        ));
    }
    std::fs::write(w.reviews(), &text).unwrap();
    // How long one write takes here and now (the machine is shared, so it varies): the kills
    // are spread from 0 to 1.6 times that.
    let timed = |id: &str| {
        let start = std::time::Instant::now();
        let st = Command::new(bin())
            .current_dir(w.path())
            .args(["review", "--reviews", "reviews.csv", "--force", "--set"])
            .arg(format!("{id}=open"))
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(st.success());
        start.elapsed()
    };
    let write_time = (0..3).map(|i| timed(&format!("t{i}"))).max().unwrap();
    let step = write_time * 8 / 5 / 40;
    eprintln!("one write of the 20,000-verdict file: {write_time:?}; kill step {step:?}");
    let mut before = verdicts(&w.reviews());
    let (mut kept_old, mut got_new, mut left_temporary) = (0, 0, 0);
    for round in 0..40u64 {
        let id = format!("k{round:03}");
        let mut child = Command::new(bin())
            .current_dir(w.path())
            .args(["review", "--reviews", "reviews.csv", "--force", "--set"])
            .arg(format!("{id}=confirmed"))
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Before start-up, while reading, writing, syncing, renaming, and after.
        std::thread::sleep(step * round as u32);
        let _ = child.kill();
        child.wait().unwrap();

        let after = verdicts(&w.reviews()); // parses, or the test fails here
        if after.len() == before.len() {
            assert_eq!(after, before, "round {round}: neither old nor new");
            kept_old += 1;
        } else {
            let mut expected = before.clone();
            expected.push(v(&id, "confirmed", ""));
            expected.sort();
            assert_eq!(after, expected, "round {round}: neither old nor new");
            got_new += 1;
        }
        // The lock file appears with the first process that got as far as locking. A kill between
        // linking the finished temporary file and renaming it leaves `.reviews.csv.XXXXXX`,
        // which the next writer deletes under the lock; nothing else may appear.
        let stray = strays(w.path());
        if stray.iter().all(|n| n.starts_with(".reviews.csv.")) {
            left_temporary += stray.len();
        } else {
            panic!("round {round}: stray files {stray:?}");
        }
        before = after;
    }
    eprintln!(
        "sigkill rounds: {kept_old} kept the old file, {got_new} got the new one, \
         {left_temporary} left a hidden temporary file"
    );
    // One more write, not killed, cleans up whatever the killed ones left.
    let st = Command::new(bin())
        .current_dir(w.path())
        .args([
            "review",
            "--reviews",
            "reviews.csv",
            "--force",
            "--set",
            "last=open",
        ])
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    assert_eq!(strays(w.path()), Vec::<String>::new());
    assert_eq!(verdicts(&w.reviews()).len(), before.len() + 1);
    assert!(
        got_new > 0,
        "no write ever finished: the test proves nothing"
    );
    assert!(
        kept_old > 0,
        "no kill landed before the rename: the test proves nothing"
    );
}
