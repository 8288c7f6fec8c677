//! HTML sources end to end, on hand-made pages in `tests/html_pages/`: the article text the
//! binary extracts, the publication date from each kind of metadata and its origin, a page
//! with no article, an article split across two containers, `check` on a folder of saved
//! pages, and deeply nested markup. Every expectation was worked out by reading the pages.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use claimdiff::read::html::{MAX_DEPTH, limit_depth};

const META: &str = include_str!("html_pages/ferry/01_meta.html");
const JSON_LD: &str = include_str!("html_pages/ferry/02_jsonld.html");
const TIME: &str = include_str!("html_pages/ferry/03_time.html");
const NO_ARTICLE: &str = include_str!("html_pages/ferry/04_no_article.html");
const SPLIT_BODY: &str = include_str!("html_pages/split_body.html");

fn claimdiff() -> Command {
    Command::cargo_bin("claimdiff").unwrap()
}

/// The ferry pages written into a fresh folder.
fn ferry_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, page) in [
        ("01_meta.html", META),
        ("02_jsonld.html", JSON_LD),
        ("03_time.html", TIME),
        ("04_no_article.html", NO_ARTICLE),
    ] {
        fs::write(dir.path().join(name), page).unwrap();
    }
    dir
}

/// `claimdiff text --format jsonl` on `paths` inside `dir`: one JSON object per source.
fn text_records(dir: &Path, paths: &[&str]) -> Vec<serde_json::Value> {
    let out = claimdiff()
        .current_dir(dir)
        .args(["text", "--format", "jsonl"])
        .args(paths)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn publication_date_from_each_kind_of_metadata() {
    let dir = ferry_folder();
    let recs = text_records(
        dir.path(),
        &["01_meta.html", "02_jsonld.html", "03_time.html"],
    );
    let got: Vec<(&str, &str, &str, &str)> = recs
        .iter()
        .map(|r| {
            (
                r["source"].as_str().unwrap(),
                r["published"].as_str().unwrap(),
                r["published_from"].as_str().unwrap(),
                r["outlet"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // <meta property="article:published_time" content="2024-05-03T09:15:00+00:00">
            ("01_meta.html", "2024-05-03", "meta", "Harbor News"),
            // JSON-LD "datePublished":"2024-05-04T07:00:00Z", publisher name "Coastal Times".
            ("02_jsonld.html", "2024-05-04", "json-ld", "Coastal Times"),
            // <time datetime="2024-05-05">; no outlet declared.
            ("03_time.html", "2024-05-05", "time", "-"),
        ]
    );
    // Titles: og:title is absent on all three, so JSON-LD headline, then <title>.
    assert_eq!(recs[0]["title"], "Ferry disaster - Harbor News");
    assert_eq!(recs[1]["title"], "Ferry sinks near Kaleo");
    assert_eq!(recs[2]["title"], "Island Daily");
}

#[test]
fn article_text_keeps_the_story_and_drops_the_page_around_it() {
    let dir = ferry_folder();
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["text", "03_time.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Search goes on after Kaleo ferry sinking\n\n\
         Divers returned on Saturday to the wreck of the ferry that sank off Kaleo on Thursday.\n\n\
         The sinking killed 14 people, according to the island's police, and two crew members \
         are still missing.\n\n\
         The ferry operator has suspended its other routes while inspectors examine its fleet.\n\n"
    );
}

#[test]
fn article_split_across_two_containers_is_read_whole_without_the_links_between() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("split_body.html"), SPLIT_BODY).unwrap();
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["split", "split_body.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "A passenger ferry sank off the island of Kaleo on Tuesday morning after striking a reef in heavy fog.\n\
         The coast guard said 212 passengers and crew were on board when the vessel began taking on water.\n\
         Rescuers pulled 198 people from the sea by nightfall, and the search for the others went on through the night.\n\
         The operator said the ship had passed an inspection in March and that it would cooperate with investigators.\n"
    );
    let recs = text_records(dir.path(), &["split_body.html"]);
    assert_eq!(recs[0]["title"], "Ferry sinks off Kaleo");
    assert_eq!(recs[0]["outlet"], "Harbor News");
    assert_eq!(recs[0]["published_from"], "unknown");
}

#[test]
fn page_with_no_article_is_a_warning_naming_the_file() {
    let dir = ferry_folder();
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["split", "04_no_article.html"])
        .output()
        .unwrap();
    // A warning, not an error: the page was read, it just holds no article.
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "{:?}", out.stdout);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "claimdiff: warning: 04_no_article.html: no article text found in the page\n"
    );
}

#[test]
fn check_on_a_folder_of_pages_reports_the_conflict_and_dates_from_metadata() {
    let dir = ferry_folder();
    let report = dir.path().join("out.csv");
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["check", "."])
        .arg("--out")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: ./04_no_article.html: no article text found in the page"),
        "{stderr}"
    );
    // 14 killed (Harbor News, Island Daily) against 19 killed (Coastal Times).
    let csv = fs::read_to_string(&report).unwrap();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{csv}");
    assert!(
        rows[0].contains(",people/killed,14,19,14,19,01_meta.html;03_time.html,02_jsonld.html,"),
        "{csv}"
    );

    // "on Thursday" resolves against the page's own date: 2024-05-03 is a Friday.
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["extract", "01_meta.html", "--format", "jsonl"])
        .output()
        .unwrap();
    let claims: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let date = claims
        .iter()
        .find(|c| c["kind"] == "date")
        .expect("a date claim");
    assert_eq!(date["text"], "Thursday");
    assert_eq!(date["value"], "2024-05-02");
    assert!(
        claims
            .iter()
            .all(|c| c["published"] == "2024-05-03" && c["published_from"] == "meta")
    );

    // `explain` says where each side's date came from.
    let killed = claims
        .iter()
        .find(|c| c["slot"] == "people/killed")
        .expect("the count claim");
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["explain", killed["id"].as_str().unwrap(), "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "01_meta.html: published 2024-05-03 (from the page's <meta> publication tag); \
             outlet Harbor News; title \"Ferry disaster - Harbor News\""
        ),
        "{text}"
    );
}

#[test]
fn manifest_date_wins_over_the_page_metadata() {
    let dir = ferry_folder();
    fs::write(
        dir.path().join("sources.csv"),
        "source,outlet,published,url\n02_jsonld.html,Coastal Times Weekly,2024-05-10,\n",
    )
    .unwrap();
    let recs = text_records(dir.path(), &["02_jsonld.html"]);
    assert_eq!(recs[0]["published"], "2024-05-10");
    assert_eq!(recs[0]["published_from"], "manifest");
    assert_eq!(recs[0]["outlet"], "Coastal Times Weekly");
}

const DEEPEST: &str =
    "The deepest paragraph of the page, which is the whole article and still has to be found.";

/// A page of `n` nested `<div>`s around one paragraph.
fn nested(n: usize) -> String {
    around(&"<div>".repeat(n), &"</div>".repeat(n))
}

/// A page whose body is `before`, one paragraph, `after`. Its prefix
/// `<!DOCTYPE html><html><body>` is 27 bytes.
fn around(before: &str, after: &str) -> String {
    format!("<!DOCTYPE html><html><body>{before}<p>{DEEPEST}</p>{after}</body></html>")
}

#[test]
fn deep_nesting_costs_linear_work_and_keeps_the_text() {
    // Work is what the parser will walk: bytes plus, per start tag, the elements open around
    // it. Without the depth limit 100,000 nested divs cost 100 times the work of 10,000
    // (quadratic); with it, 10 times, as for any page ten times longer.
    let (small_page, large_page) = (nested(10_000), nested(100_000));
    let small = limit_depth(&small_page);
    let large = limit_depth(&large_page);
    assert_eq!(large.dropped, 100_000 - MAX_DEPTH);
    assert!(
        large.work <= 11 * small.work,
        "work {} for 100,000 divs against {} for 10,000",
        large.work,
        small.work
    );
    assert_eq!(large.html.matches("<div>").count(), MAX_DEPTH);

    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("deep.html"), &large_page).unwrap();
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["text", "deep.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{DEEPEST}\n\n")
    );
    // The 193rd `<div>` starts after the 27-byte prefix and 192 divs of 5 bytes: column 988.
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "claimdiff: warning: deep.html:1:988: nesting deeper than 192 elements (or 4 tables) is \
         flattened: 99808 start tags from here on are left out, their text kept\n"
    );
}

/// Pages that once slipped past the nesting limit (the limit counted them shallower than the
/// HTML parser builds them, so parsing took quadratic time or the extractor overflowed its
/// stack), each 100,000 repetitions deep: `split` warns once, naming the first tag left out,
/// and finds the paragraph. Work is counted as in the test above: ten times the page, about ten
/// times the work. (`fuzz/regressions/html/` holds these and more, checked against the tree the
/// parser actually builds.)
#[test]
fn pages_that_fooled_the_limit_are_flattened_with_a_warning() {
    // (page part repeated, its length, tags left out of 100,000 repetitions)
    let cases = [
        // `/>` does not close an HTML element: 100,000 open divs.
        ("<div/>", 6, 99_808),
        // An end tag with no element of its name closes nothing.
        ("<span></x>", 10, 99_808),
        // `</span>` does not close past the `<div>` opened inside it.
        ("<span><div></span>", 18, 2 * 100_000 - 192),
        // Outside `<ruby>` nothing closes an `<rb>`.
        ("<rb>", 4, 99_808),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (part, len, dropped) in cases {
        assert_eq!(part.len(), len);
        let small = limit_depth(&around(&part.repeat(10_000), "")).work;
        let page = around(&part.repeat(100_000), "");
        let large = limit_depth(&page);
        assert_eq!(large.dropped, dropped, "{part}");
        assert!(
            large.work <= 11 * small,
            "{part}: work {} against {small}",
            large.work
        );
        fs::write(dir.path().join("hostile.html"), &page).unwrap();
        let out = claimdiff()
            .current_dir(dir.path())
            .args(["split", "hostile.html"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{part}: {out:?}");
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!("{DEEPEST}\n"),
            "{part}"
        );
        // The first tag left out is the one at depth 193: 192 parts after the 27-byte prefix,
        // except for `<span><div></span>`, two deep a part: 96 parts.
        let col = if dropped > 100_000 {
            27 + 96 * len + 1
        } else {
            27 + 192 * len + 1
        };
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!(
                "claimdiff: warning: hostile.html:1:{col}: nesting deeper than 192 elements (or 4 \
                 tables) is flattened: {dropped} start tags from here on are left out, their text \
                 kept\n"
            ),
            "{part}"
        );
    }
}

/// Nested tables: the extractor's memory grows with a table's rows times the tables around it,
/// so tables nest at most four deep; the rows of deeper ones join the fourth's.
#[test]
fn tables_nest_at_most_four_deep() {
    let page = around(&"<table><tr><td>".repeat(10), "");
    let limited = limit_depth(&page);
    assert_eq!(limited.dropped, 6);
    assert_eq!(limited.html.matches("<table>").count(), 4);
    assert_eq!(limited.html.matches("<tr>").count(), 10, "rows are kept");
}

#[test]
fn split_spans_are_offsets_into_what_text_prints() {
    let dir = ferry_folder();
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["text", "02_jsonld.html"])
        .output()
        .unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    // `text` ends each source with a blank line.
    let text = printed.strip_suffix("\n\n").unwrap();
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["split", "--format", "jsonl", "02_jsonld.html"])
        .output()
        .unwrap();
    let sentences: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Headline and three paragraphs of one sentence each.
    assert_eq!(sentences.len(), 4);
    for s in &sentences {
        let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        assert_eq!(&text[a as usize..b as usize], s["text"].as_str().unwrap());
    }
    assert_eq!(sentences[0]["text"], "Ferry sinks near Kaleo");
    assert_eq!(sentences[0]["start"], 0);
}
