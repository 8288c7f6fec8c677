//! Stories and shards, end to end on a corpus of three events a person can tell apart at a
//! glance: the seeds (five articles on the coup in Niger), tests/corpus/ferry (three on a ferry
//! that capsized in the Alder Strait in March 2024) and tests/corpus/plant (two on an explosion
//! at a fertilizer plant in Grevenmoor in June 2025), all invented but the seeds.
//!
//! Worked out by reading them: three stories, of 5, 3 and 2 sources; the plant's two articles
//! disagree on the workers injured (37 and 73) and on the year the site opened (1987 and 1978),
//! and on nothing else a rule files; the seeds and the ferry, compared among themselves, give
//! the rows they give alone. `extract | check --claims` gives the very report `check` gives.

mod check_util;
use check_util::*;

use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, Write};
use std::process::{Command as Process, Stdio};

const CORPUS: &[&str] = &["seeds", "tests/corpus/ferry", "tests/corpus/plant"];

const SEEDS: &[&str] = &[
    "000_7dc69aba4544f3da.txt",
    "001_9551c4fa774fa2f7.txt",
    "002_8d2d09947abc71a3.txt",
    "003_553c38acbd687d2c.txt",
    "004_714decb69a1886d8.txt",
];
const FERRY: &[&str] = &[
    "01_harbor_news.txt",
    "02_coastal_times.md",
    "03_island_daily.txt",
];
const PLANT: &[&str] = &["01_valley_courier.txt", "02_halvern_post.txt"];

fn bin() -> String {
    env!("CARGO_BIN_EXE_claimdiff").to_string()
}

/// `stories --format csv` on the corpus: source -> (story, published).
fn stories(extra: &[&str]) -> HashMap<String, (String, String)> {
    let o = claimdiff()
        .arg("stories")
        .args(CORPUS)
        .args(["--format", "csv"])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("story,source,published,outlet,story_terms,source_terms\n"));
    parse_csv(&text)
        .into_iter()
        .map(|r| {
            (
                r["source"].clone(),
                (r["story"].clone(), r["published"].clone()),
            )
        })
        .collect()
}

/// The sources of each story, as sets.
fn groups(by_source: &HashMap<String, (String, String)>) -> BTreeSet<BTreeSet<String>> {
    let mut by_story: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for (src, (story, _)) in by_source {
        by_story.entry(story).or_default().insert(src.clone());
    }
    by_story.into_values().collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn three_events_are_three_stories() {
    let found = stories(&[]);
    assert_eq!(found.len(), 10);
    let want: BTreeSet<BTreeSet<String>> = [set(SEEDS), set(FERRY), set(PLANT)].into();
    assert_eq!(groups(&found), want);
    // Dates: the seed's dateline, the manifests'.
    assert_eq!(found["000_7dc69aba4544f3da.txt"].1, "2024-04-27");
    assert_eq!(found["02_coastal_times.md"].1, "2024-03-13");
    assert_eq!(found["02_halvern_post.txt"].1, "2025-06-04");
    // 0 makes the corpus one story; above 1 every source is its own.
    assert_eq!(groups(&stories(&["--story-threshold", "0"])).len(), 1);
    assert_eq!(groups(&stories(&["--story-threshold", "1.5"])).len(), 10);
}

#[test]
fn a_folder_about_one_event_is_one_story() {
    for dir in ["seeds", "tests/corpus/ferry", "tests/corpus/plant"] {
        let o = claimdiff().args(["stories", dir]).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(" 1 story\n"), "{dir}: {err}");
    }
}

/// tests/corpus/storm: one storm, two events twenty kilometres apart in one county, six
/// articles each (invented): the River Meddle flooding Tarrow (a1-a6: 4 dead, 212 homes, 1,340
/// evacuated) and a landslide on Corwen Ridge burying part of Brindle (b1-b6: 9 dead, 36 homes,
/// 480 evacuated). Two roundups, a6 and b6, tell of both: the storm, the county, its governor,
/// the other town. Worked out from their terms (`stories --format csv`): a6 (70 uses) and b6
/// (50) share 28 uses (brindle 4; tarrow, hesket, hesket county, idri, mattia, brede, corwen,
/// corwen ridge, ridge 2 each; buried, evacuated, flooded, landslide, metre, resident 1 each),
/// 0.56 of b6's, well over the threshold of 0.2: linking every pair alike enough made the
/// twelve one story, and compared the flood's toll with the landslide's (4 against 9 dead, a
/// high conflict). But a6 is more alike to each of a1-a5 (0.63 to 0.80) than to b6, and b6 to
/// each of b1-b5 (0.68 to 0.81): two stories, and no figure of one is set against the other's.
#[test]
fn a_roundup_of_two_events_does_not_join_their_stories() {
    let o = claimdiff()
        .args(["stories", "tests/corpus/storm", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let rows = parse_csv(&String::from_utf8(o.stdout).unwrap());
    let terms = |name: &str| -> HashMap<String, u64> {
        let r = rows.iter().find(|r| r["source"] == name).unwrap();
        r["source_terms"]
            .split(';')
            .map(|tn| {
                let (t, n) = tn.rsplit_once('=').unwrap();
                (t.to_string(), n.parse().unwrap())
            })
            .collect()
    };
    let (a6, b6) = (terms("a6_hesket_radio.txt"), terms("b6_ridge_radio.txt"));
    let total = |t: &HashMap<String, u64>| t.values().sum::<u64>();
    let shared: u64 = a6
        .iter()
        .filter_map(|(t, n)| b6.get(t).map(|m| *n.min(m)))
        .sum();
    assert_eq!((total(&a6), total(&b6), shared), (70, 50, 28));
    let by_source: HashMap<String, (String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["source"].clone(),
                (r["story"].clone(), r["published"].clone()),
            )
        })
        .collect();
    let flood = [
        "a1_hesket_post.txt",
        "a2_meddle_courier.txt",
        "a3_valley_times.txt",
        "a4_lowgate_news.txt",
        "a5_tarrow_echo.txt",
        "a6_hesket_radio.txt",
    ];
    let landslide = [
        "b1_hesket_post.txt",
        "b2_ridge_gazette.txt",
        "b3_kestle_star.txt",
        "b4_valley_times.txt",
        "b5_brindle_news.txt",
        "b6_ridge_radio.txt",
    ];
    let want: BTreeSet<BTreeSet<String>> = [set(&flood), set(&landslide)].into();
    assert_eq!(groups(&by_source), want);

    // `check`: no row sets the flood's figures against the landslide's.
    let rules = tempfile::tempdir().unwrap();
    let norules = ["--rules", rules.path().to_str().unwrap()];
    let (found, _, stderr, _dir) = check(&["tests/corpus/storm"], &norules);
    assert!(stderr.contains("2 stories"), "{stderr}");
    for r in &found {
        let names: BTreeSet<&str> = r["sources_a"]
            .split(';')
            .chain(r["sources_b"].split(';'))
            .collect();
        let stories: BTreeSet<&str> = names.iter().map(|n| by_source[*n].0.as_str()).collect();
        assert_eq!(stories.len(), 1, "a row across stories: {r:?}");
        let values = BTreeSet::from([r["value_a"].as_str(), r["value_b"].as_str()]);
        for across in [["4", "9"], ["36", "212"], ["480", "1340"]] {
            assert_ne!(values, BTreeSet::from(across), "{r:?}");
        }
    }
}

/// A row without its `story` cell, to compare with the row of another run.
fn without_story(r: &Row) -> Vec<(String, String)> {
    let mut v: Vec<_> = r
        .iter()
        .filter(|(k, _)| *k != "story")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    v.sort();
    v
}

#[test]
fn claims_are_compared_within_their_story_only() {
    let rules = tempfile::tempdir().unwrap();
    let norules = ["--rules", rules.path().to_str().unwrap()];
    let (rows, agreements, stderr, dir) = check(CORPUS, &norules);
    assert!(stderr.contains("3 stories"), "{stderr}");
    let ids = stories(&[]);
    // The page lists the three stories, each with its sources, and marks conflicts with theirs.
    let page = std::fs::read_to_string(dir.path().join("d.html")).unwrap();
    assert_eq!(page.matches("<li id=\"story-").count(), 3);
    let plant_item = page
        .lines()
        .find(|l| l.contains("01_valley_courier.txt") && l.starts_with("<li id=\"story-"))
        .unwrap();
    assert!(plant_item.contains("(2 sources): 01_valley_courier.txt, 02_halvern_post.txt"));
    assert!(page.contains(&format!(
        "href=\"#story-{}\"",
        ids["01_valley_courier.txt"].0
    )));
    for r in rows.iter() {
        let names: BTreeSet<&str> = r["sources_a"]
            .split(';')
            .chain(r["sources_b"].split(';'))
            .collect();
        let stories_of: BTreeSet<&str> = names.iter().map(|n| ids[*n].0.as_str()).collect();
        assert_eq!(stories_of.len(), 1, "a row across stories: {r:?}");
        assert_eq!(r["story"], *stories_of.iter().next().unwrap(), "{r:?}");
    }
    for a in &agreements {
        let first = a["sources"].split(';').next().unwrap();
        assert_eq!(a["story"], ids[first].0);
    }
    // The plant: the two conflicts a person finds there, and nothing else.
    let plant = &ids["01_valley_courier.txt"].0;
    let mut found: Vec<(String, String)> = rows
        .iter()
        .filter(|r| &r["story"] == plant)
        .map(|r| (r["value_a"].clone(), r["value_b"].clone()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [("1978", "1987"), ("37", "73")].map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // The seeds and the ferry: the rows of each run alone, in the same order.
    for (dir, member) in [
        ("seeds", SEEDS[0]),
        ("tests/corpus/ferry", FERRY[0]),
        ("tests/corpus/plant", PLANT[0]),
    ] {
        let (alone, _, _, d) = check(&[dir], &norules);
        let story = &ids[member].0;
        let mixed: Vec<_> = rows
            .iter()
            .filter(|r| &r["story"] == story)
            .map(without_story)
            .collect();
        assert_eq!(mixed, alone.iter().map(without_story).collect::<Vec<_>>());
        assert!(!alone.is_empty(), "{dir}");
        // Alone, a folder is one story and its rows name it.
        assert!(alone.iter().all(|r| &r["story"] == story), "{dir}");
        let page = std::fs::read_to_string(d.path().join("d.html")).unwrap();
        assert!(!page.contains("<section id=\"stories\">"), "{dir}");
    }
}

/// Runs `claimdiff ARGS` with `input` on stdin; returns (exit code, stdout, stderr).
fn run_with_stdin(args: &[&str], input: &[u8]) -> (i32, Vec<u8>, String) {
    let mut child = Process::new(bin())
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        o.status.code().unwrap_or(-1),
        o.stdout,
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The corpus as JSONL sources, one a line (what `text --format jsonl` writes).
fn corpus_jsonl() -> Vec<u8> {
    let o = claimdiff()
        .arg("text")
        .args(CORPUS)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    o.stdout
}

#[test]
fn extract_piped_into_check_claims_writes_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, corpus_jsonl()).unwrap();
    let report = |name: &str| dir.path().join(name);
    // On one machine.
    let o = claimdiff()
        .arg("check")
        .arg(&corpus)
        .arg("--out")
        .arg(report("one.csv"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    // Through a pipe: extract reads the sources on stdin, check the claims on stdin.
    let mut extract = Process::new(bin())
        .args(["extract", "-", "--format", "jsonl"])
        .current_dir(root())
        .stdin(std::fs::File::open(&corpus).unwrap())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let piped = report("piped.csv");
    let check = Process::new(bin())
        .args(["check", "--claims", "-", "--out"])
        .arg(&piped)
        .current_dir(root())
        .stdin(extract.stdout.take().unwrap())
        .output()
        .unwrap();
    assert!(extract.wait().unwrap().success());
    assert_eq!(check.status.code(), Some(0));
    let one = std::fs::read(report("one.csv")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&std::fs::read(&piped).unwrap()),
        String::from_utf8_lossy(&one)
    );
    assert!(String::from_utf8_lossy(&one).lines().count() > 10);
    // In shards given in another order: the seeds' claims last.
    let claims = claimdiff()
        .arg("extract")
        .arg(&corpus)
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8(claims).unwrap();
    let (seeds, rest): (Vec<&str>, Vec<&str>) =
        text.lines().partition(|l| l.contains("\"source\":\"00"));
    assert!(!seeds.is_empty() && !rest.is_empty());
    std::fs::write(report("a.jsonl"), rest.join("\n") + "\n").unwrap();
    std::fs::write(report("b.jsonl"), seeds.join("\n") + "\n").unwrap();
    let o = claimdiff()
        .args(["check", "--claims"])
        .arg(report("a.jsonl"))
        .arg(report("b.jsonl"))
        .arg("--out")
        .arg(report("shards.csv"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read(report("shards.csv")).unwrap(), one);
}

#[test]
fn extract_on_stdin_writes_claims_before_the_input_ends() {
    let corpus = corpus_jsonl();
    let first = corpus.split(|&b| b == b'\n').next().unwrap().to_vec();
    let mut child = Process::new(bin())
        .args(["extract", "-", "--format", "jsonl"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&first).unwrap();
    stdin.write_all(b"\n").unwrap();
    stdin.flush().unwrap();
    // Stdin stays open: a claim of the first source must come out all the same.
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("no claim while stdin was open");
    assert!(
        line.contains("\"source\":\"000_7dc69aba4544f3da.txt\""),
        "{line}"
    );
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_bad_claims_line_is_an_error_naming_it_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let claims = claimdiff()
        .args(["extract", "tests/corpus/plant"])
        .output()
        .unwrap()
        .stdout;
    let mut lines: Vec<String> = String::from_utf8(claims)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    assert!(lines.len() > 3);
    // Line 3 loses its frame; line 2 is cut short.
    lines[2] = lines[2].replace("\"frame\":", "\"frames\":");
    lines[1].truncate(40);
    let file = dir.path().join("claims.jsonl");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let out = dir.path().join("report.csv");
    let o = claimdiff()
        .args(["check", "--claims"])
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    let first = err.lines().next().unwrap();
    assert!(
        first.contains("claims.jsonl:2: not a claim record: EOF while parsing"),
        "{err}"
    );
    assert!(!out.exists() && !dir.path().join("agreements.csv").exists());
    // The same from stdin names it so.
    let (code, _, err) = run_with_stdin(
        &["check", "--claims", "-", "--out", out.to_str().unwrap()],
        b"{\"id\": 1}\n",
    );
    assert_eq!(code, 2);
    assert!(
        err.starts_with("claimdiff: error: <stdin>:1: not a claim record"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn reprints_of_one_article_stay_in_the_story_of_the_others() {
    // Each seed article reprinted by six outlets, word for word: 30 sources, one event. A
    // source's strongest links all go to its own reprints, which must not cut it off from the
    // four other articles on the coup; the report is the seeds' own (the coup dated February
    // against July 2023, as high).
    let dir = tempfile::tempdir().unwrap();
    for copy in 0..6 {
        for name in SEEDS {
            let text = std::fs::read(format!("seeds/{name}")).unwrap();
            std::fs::write(dir.path().join(format!("outlet{copy}_{name}")), text).unwrap();
        }
    }
    let o = claimdiff()
        .arg("stories")
        .arg(dir.path())
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let rows = parse_csv(&String::from_utf8(o.stdout).unwrap());
    assert_eq!(rows.len(), 30);
    let stories: BTreeSet<&str> = rows.iter().map(|r| r["story"].as_str()).collect();
    assert_eq!(stories.len(), 1, "{stories:?}");
    let (rows, _, _, _) = check(&[dir.path().to_str().unwrap()], &[]);
    assert!(
        rows.iter()
            .any(|r| r["severity"] == "high" && pairs(r, "2023-02", "2023-07")),
        "{rows:#?}"
    );
}
