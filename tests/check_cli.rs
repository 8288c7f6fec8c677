//! `check` and `explain` as scripts use them: output places, exit codes, stable ids, atomic
//! writes, the graph export.

mod check_util;
use check_util::*;

use predicates::prelude::*;

fn seeds_in_order(reverse: bool) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| format!("seeds/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    files.sort();
    if reverse {
        files.reverse();
    }
    files
}

fn stdout_report(paths: &[String]) -> String {
    let o = claimdiff()
        .arg("check")
        .args(paths)
        .args(["--out", "-", "--agreements", "-"])
        .output()
        .unwrap();
    assert!(o.status.success());
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn ids_and_rows_do_not_depend_on_input_order() {
    let forward = stdout_report(&seeds_in_order(false));
    let backward = stdout_report(&seeds_in_order(true));
    assert!(forward.starts_with(HEADER));
    assert_eq!(forward, backward);
    // And the same on a second run.
    assert_eq!(forward, stdout_report(&seeds_in_order(false)));
}

#[test]
fn fail_on_exits_1_only_when_such_rows_exist() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d.csv");
    let agr = dir.path().join("a.csv");
    let run = |extra: &[&str], paths: &[&str]| {
        claimdiff()
            .arg("check")
            .args(paths)
            .arg("--out")
            .arg(&out)
            .arg("--agreements")
            .arg(&agr)
            .args(extra)
            .output()
            .unwrap()
            .status
            .code()
    };
    // The seeds hold an open high conflict (the coup's date).
    assert_eq!(run(&[], &["seeds"]), Some(0));
    assert_eq!(run(&["--fail-on", "open"], &["seeds"]), Some(1));
    assert_eq!(run(&["--fail-on", "high"], &["seeds"]), Some(1));
    // One source alone contradicts nobody.
    let one = "seeds/002_8d2d09947abc71a3.txt";
    assert_eq!(run(&["--fail-on", "open"], &[one]), Some(0));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        format!("{HEADER}\n")
    );
}

#[test]
fn an_unreadable_source_is_named_and_the_rest_reported() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d.csv");
    claimdiff()
        .args([
            "check",
            "seeds",
            "no-such-file.txt",
            "--agreements",
            "-",
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-file.txt"));
    // The report of the readable sources is whole.
    let rows = read_csv(&out);
    assert!(rows.iter().any(|r| pairs(r, "2023-02", "2023-07")));
}

#[test]
fn an_unwritable_report_fails_without_a_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let out = blocker.join("d.csv");
    claimdiff()
        .args(["check", "seeds", "--agreements", "-", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("d.csv"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn the_graph_is_written_as_dot_or_json_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, check) in [
        (
            "g.dot",
            Box::new(|t: &str| t.starts_with("graph claims {") && t.contains(" -- "))
                as Box<dyn Fn(&str) -> bool>,
        ),
        (
            "g.json",
            Box::new(|t: &str| {
                let v: serde_json::Value = serde_json::from_str(t).unwrap();
                v["nodes"].as_array().unwrap().len() > 5
                    && v["edges"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|e| e["link"] == "conflict")
            }),
        ),
    ] {
        let g = dir.path().join(name);
        assert!(
            check(&String::from_utf8(graph_of_seeds(&g)).unwrap()),
            "{name}"
        );
    }
    check_seeds_with_graph(&dir.path().join("g.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".dot, .gv or .json"));
}

#[test]
fn explain_says_why_a_conflict_and_a_claim_are_there() {
    let report = stdout_report(&["seeds".to_string()]);
    let rows = parse_csv(report.split("\nslot,kind,value").next().unwrap());
    let row = rows
        .iter()
        .find(|r| pairs(r, "2023-02", "2023-07"))
        .unwrap();
    let o = claimdiff().args(["explain", &row["id"]]).output().unwrap();
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.starts_with(&format!("conflict {} (high), slot ", row["id"])),
        "{text}"
    );
    assert!(text.contains("military coup in February 2023"), "{text}");
    assert!(text.contains("Mohamed Bazoum in July 2023"), "{text}");
    assert!(text.contains("why grouped:"), "{text}");
    assert!(text.contains("the intervals are disjoint"), "{text}");
    assert!(text.contains("2023-02-01 .. 2023-02-28"), "{text}");
    // A claim id taken from the explanation of the conflict.
    let claim = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("claim "))
        .and_then(|l| l.split(' ').next())
        .unwrap()
        .to_string();
    let o = claimdiff().args(["explain", &claim]).output().unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with(&format!("claim {claim} at ")), "{text}");
    assert!(text.contains("  rule:     "), "{text}");
    assert!(text.contains("  words:    \""), "{text}");
    claimdiff()
        .args(["explain", "0000000000000000"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no claim or conflict has id"));
}

/// Two JSONL sources on stdin; `a_date` and `b_date` are their `published` fields.
fn jsonl_report(a_date: &str, b_date: &str) -> Vec<Row> {
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"source": "a", "published": a_date,
            "text": "Floods killed 12 people in the valley on Monday. The dam was built in 1961."}),
        serde_json::json!({"source": "b", "published": b_date,
            "text": "Floods have killed 30 people in the valley, officials said. The dam was built in 1971."}),
    );
    let rules = tempfile::tempdir().unwrap();
    let o = claimdiff()
        .args(["check", "-", "--out", "-", "--agreements", "-", "--rules"])
        .arg(rules.path())
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    parse_csv(out.split("\nslot,kind,value").next().unwrap())
}

#[test]
fn jsonl_on_stdin_a_later_higher_toll_updates_an_earlier_one() {
    // b, published three days after a, gives the higher toll: news moving on.
    let rows = jsonl_report("2024-05-06", "2024-05-09");
    let toll = rows.iter().find(|r| pairs(r, "12", "30")).unwrap();
    assert_eq!(toll["relation"], "update");
    assert_eq!(toll["severity"], "low");
    assert_eq!(
        toll["evidence_a"],
        "Floods killed 12 people in the valley on Monday."
    );
    assert_eq!(toll["location_a"], "a:1:1");
    // The dam's year is no running total: 1961 against 1971, ten years apart, high.
    let dam = rows.iter().find(|r| pairs(r, "1961", "1971")).unwrap();
    assert_eq!(
        (dam["relation"].as_str(), dam["severity"].as_str()),
        ("conflict", "high")
    );
    assert_eq!(dam["evidence_b"], "The dam was built in 1971.");
    // "The dam..." starts after the 49-character first sentence and a space: column 50.
    assert_eq!(dam["location_a"], "a:1:50");
    // The higher toll published first: the later source contradicts it (18 of 30 = 60%).
    let rows = jsonl_report("2024-05-09", "2024-05-06");
    let toll = rows.iter().find(|r| pairs(r, "12", "30")).unwrap();
    assert_eq!(
        (toll["relation"].as_str(), toll["severity"].as_str()),
        ("conflict", "high")
    );
}

#[test]
fn the_graph_is_the_same_bytes_on_every_run() {
    // Hash maps are seeded afresh in every process: nothing written may follow their order.
    let dir = tempfile::tempdir().unwrap();
    let graph = |name: &str| graph_of_seeds(&dir.path().join(name));
    let first = graph("1.json");
    for run in 2..=4 {
        assert!(first == graph(&format!("{run}.json")), "run {run} differs");
    }
    assert!(graph("1.dot") == graph("2.dot"));
}

/// `check` on the seeds with `--graph g`, reports to stdout.
fn check_seeds_with_graph(g: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = claimdiff();
    cmd.args([
        "check",
        "seeds",
        "--out",
        "-",
        "--agreements",
        "-",
        "--graph",
    ])
    .arg(g);
    cmd
}

/// Runs `check` on the seeds with `--graph g` and returns what it wrote there.
fn graph_of_seeds(g: &std::path::Path) -> Vec<u8> {
    check_seeds_with_graph(g).assert().success();
    std::fs::read(g).unwrap()
}
