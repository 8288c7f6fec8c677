//! Verdicts survive re-runs: `check` the seeds, record two verdicts, add a new source and give
//! the inputs in another order, `check` again: both verdicts are still on the same conflicts
//! (same slot, same pair of values), and verdicts whose conflict is gone are kept and counted.

use std::path::Path;

use assert_cmd::Command;
use claimdiff::report::{ConflictRow, Status};
use claimdiff::review::report::read_conflicts;
use predicates::str::contains;

/// A wire story I wrote on the same event: it repeats the July 2023 coup date (so the coup row
/// gains a source) and brings values of its own.
const NEW_SOURCE: &str = "\
Pentagon sets September deadline for Niger pullout

NIAMEY, Niger (Wire) - The Pentagon said on Friday that the withdrawal of American forces from Niger will be complete by September 15, 2024.

The junta that seized power in a coup in July 2023 ordered the Americans to leave in March.

About 1,000 U.S. troops remain in the country, most of them at a drone base near Agadez.
";

fn check(dir: &Path, inputs: &[&Path], out: &str) -> assert_cmd::assert::Assert {
    check_cmd(dir, inputs, out).assert()
}

fn check_cmd(dir: &Path, inputs: &[&Path], out: &str) -> Command {
    let mut cmd = Command::cargo_bin("claimdiff").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("check")
        .args(inputs)
        .arg("--out")
        .arg(dir.join(out))
        .arg("--agreements")
        .arg(dir.join(format!("agreements-{out}")))
        .arg("--html")
        .arg(dir.join(format!("{out}.html")))
        .arg("--reviews")
        .arg(dir.join("reviews.csv"));
    cmd
}

fn review(dir: &Path, report: &str, args: &[&str]) {
    Command::cargo_bin("claimdiff")
        .unwrap()
        .current_dir(dir)
        .args(["review", "--report", report, "--reviews", "reviews.csv"])
        .args(args)
        .assert()
        .success();
}

/// The conflict's identity as a person sees it: slot and the unordered pair of values.
fn identity(r: &ConflictRow) -> (String, String, String) {
    let (a, b) = if r.value_a <= r.value_b {
        (&r.value_a, &r.value_b)
    } else {
        (&r.value_b, &r.value_a)
    };
    (r.slot.clone(), a.clone(), b.clone())
}

#[test]
fn verdicts_stay_on_their_conflicts_across_new_sources_and_order() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let inputs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();

    check(dir.path(), &inputs, "first.csv").success();
    let first = read_conflicts(&dir.path().join("first.csv")).unwrap();
    // The coup dated February 2023 in 002 against July 2023 in 003, which the issue names.
    let coup = first
        .iter()
        .find(|r| identity(r).1 == "2023-02" && identity(r).2 == "2023-07")
        .expect("the February/July 2023 coup conflict")
        .clone();
    let other = first
        .iter()
        .find(|r| r.id != coup.id)
        .expect("a second conflict")
        .clone();

    review(
        dir.path(),
        "first.csv",
        &[
            "--set",
            &format!("{}=confirmed", coup.id),
            "--note",
            "AP: 26 July 2023",
        ],
    );
    review(
        dir.path(),
        "first.csv",
        &[
            "--set",
            &format!("{}=dismissed", other.id),
            "--note",
            "not the same fact",
        ],
    );
    // Two verdicts for conflicts that will not be found.
    review(
        dir.path(),
        "first.csv",
        &["--force", "--set", "0000000000000001=confirmed"],
    );
    review(
        dir.path(),
        "first.csv",
        &["--force", "--set", "0000000000000002=dismissed"],
    );

    // A new source first, then the seeds in reverse order.
    let new = dir.path().join("005_wire_update.txt");
    std::fs::write(&new, NEW_SOURCE).unwrap();
    let mut again: Vec<&Path> = vec![new.as_path()];
    again.extend(inputs.iter().rev());
    check(dir.path(), &again, "second.csv")
        .success()
        .stderr(contains("2 verdicts refer to conflicts no longer found"));
    let second = read_conflicts(&dir.path().join("second.csv")).unwrap();

    let find = |id: &str| {
        second
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("conflict {id} gone after adding a source"))
    };
    let c = find(&coup.id);
    assert_eq!(identity(c), identity(&coup));
    assert_eq!(
        (c.status, c.note.as_str()),
        (Status::Confirmed, "AP: 26 July 2023")
    );
    // The new source states July 2023 too: it joins the July side of the same conflict.
    let july_sources = if c.value_a == "2023-07" {
        &c.sources_a
    } else {
        &c.sources_b
    };
    assert!(
        july_sources.contains("005_wire_update.txt"),
        "{july_sources}"
    );
    let o = find(&other.id);
    assert_eq!(identity(o), identity(&other));
    assert_eq!(
        (o.status, o.note.as_str()),
        (Status::Dismissed, "not the same fact")
    );
    // Nothing else got a verdict by accident.
    assert_eq!(
        second.iter().filter(|r| r.status != Status::Open).count(),
        2
    );
    // The stale verdicts are still in the file.
    let reviews = claimdiff::review::Reviews::load(&dir.path().join("reviews.csv")).unwrap();
    assert_eq!(reviews.len(), 4);
    assert!(reviews.get("0000000000000001").is_some());

    // The page of the second run carries the verdicts too.
    let page = std::fs::read_to_string(dir.path().join("second.csv.html")).unwrap();
    assert!(page.contains(&format!("id=\"c-{}\"", coup.id)));
    assert!(page.contains("AP: 26 July 2023"));
}

#[test]
fn fail_on_open_counts_only_conflicts_without_a_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    check(dir.path(), &[&seeds], "run.csv").success();
    let rows = read_conflicts(&dir.path().join("run.csv")).unwrap();
    assert!(!rows.is_empty());
    check_cmd(dir.path(), &[&seeds], "run.csv")
        .args(["--fail-on", "open"])
        .assert()
        .code(1);
    let mut args: Vec<String> = Vec::new();
    for r in &rows {
        args.push("--set".into());
        args.push(format!("{}=dismissed", r.id));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    review(dir.path(), "run.csv", &args);
    check_cmd(dir.path(), &[&seeds], "run.csv")
        .args(["--fail-on", "open"])
        .assert()
        .success();
}

#[test]
fn malformed_reviews_file_stops_check_before_it_writes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("reviews.csv"),
        "id,status,note,reviewed_at\nabc,confirmed,,not a time\n",
    )
    .unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    check(dir.path(), &[&seeds], "run.csv")
        .code(2)
        .stderr(contains("reviews.csv:2: reviewed_at `not a time`"));
    assert!(!dir.path().join("run.csv").exists());
    assert!(!dir.path().join("run.csv.html").exists());
}
