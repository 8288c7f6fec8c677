//! The HTML report in a real headless browser (Debian's `chromium`, installed by .ci/run): the
//! page built from a hand-written report renders every conflict, marks the values, links
//! locations to the embedded source lines, escapes hostile text, draws the graph, is not blank in
//! a screenshot, and loads in under a second. Without chromium the tests fail, they do not skip.

#[path = "review_fixture.rs"]
mod fixture;

#[path = "html_support.rs"]
mod support;

use claimdiff::report::html::{self, GraphView, HtmlPage, SourceText};
use claimdiff::report::{AgreementRow, Relation, Severity, Status};
use claimdiff::review::report::parse_conflicts;
use fixture::{COUP, PRESIDENT, TROOPS};
use support::{Browser, assert_not_blank};

fn seeds() -> Vec<SourceText> {
    let mut names: Vec<_> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| SourceText {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&p).unwrap(),
        })
        .collect()
}

fn page() -> HtmlPage {
    let mut conflicts = parse_conflicts("fixture", fixture::REPORT.as_bytes()).unwrap();
    conflicts[1].status = Status::Confirmed;
    conflicts[1].note = "AP says July 26, 2023".into();
    // A hostile row: markup in every text field must come out as text.
    let mut evil = conflicts[0].clone();
    evil.id = "0bad0bad0bad0bad".into();
    evil.slot = "x<y>/count".into();
    evil.severity = Severity::Medium;
    evil.relation = Relation::Update;
    evil.text_a = "<b>12</b>".into();
    evil.evidence_a =
        "They said <b>12</b> <img src=x onerror=\"document.title='pwned'\"> died.".into();
    evil.note = "</article><script>document.title='pwned'</script>".into();
    conflicts.push(evil);
    let agreements = vec![
        AgreementRow {
            slot: "drone-base/cost".into(),
            kind: "money".into(),
            value: "USD 100000000".into(),
            sources: "002_8d2d09947abc71a3.txt;004_714decb69a1886d8.txt".into(),
            evidence: "The $100 million U.S. drone facility, opened in 2018, had been instrumental in American and French initiatives to combat jihadists in West Africa for six years.".into(),
            story: String::new(),
        },
    ];
    let graph = GraphView::from_rows(&conflicts, &agreements);
    HtmlPage {
        title: "Niger: where the sources disagree".into(),
        conflicts,
        agreements,
        sources: seeds(),
        graph,
        stories: Vec::new(),
    }
}

#[test]
fn conflicts_render_with_marks_links_and_escaped_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out/discrepancies.html");
    html::write(&path, &page()).unwrap();
    let browser = Browser::new();
    let dom = browser.dump_dom(&path);

    // Every conflict is an article in the rendered DOM, the high one's slot section first.
    for id in [COUP, TROOPS, PRESIDENT, "0bad0bad0bad0bad"] {
        assert!(
            dom.contains(&format!("id=\"c-{id}\"")),
            "conflict {id} missing"
        );
    }
    let pos = |s: &str| dom.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(pos("id=\"slot-coup-date\"") < pos("id=\"slot-us-troops-count\""));
    assert!(pos("id=\"slot-us-troops-count\"") < pos("id=\"slot-president-name\""));
    // Values marked inside the sentences.
    assert!(dom.contains("a military coup in <mark>February 2023</mark> led to"));
    assert!(dom.contains("Mohamed Bazoum in <mark>July 2023</mark>, Niger"));
    assert!(dom.contains("the US to allow <mark>1,000</mark> US soldiers"));
    // Verdict and note shown.
    assert!(dom.contains("class=\"badge status-confirmed\">confirmed<"));
    assert!(dom.contains("AP says July 26, 2023"));
    // Location links point at a line anchor that exists, holding that sentence.
    assert!(dom.contains("href=\"#s2-L5\">002_8d2d09947abc71a3.txt:5:137</a>"));
    let line = &dom[pos("id=\"s2-L5\"")..];
    assert!(
        line[..line.find("</span></span>").unwrap_or(line.len())]
            .contains("a military coup in February 2023")
    );
    // Only cited sources embedded: 000, 001, 002, 003, 004 are all cited here.
    assert_eq!(dom.matches("<details class=\"source\"").count(), 5);
    // Hostile text stayed text: no element was created from it and no script ran.
    assert!(dom.contains("&lt;img src=x onerror="));
    assert!(dom.contains("&lt;/article&gt;&lt;script&gt;"));
    assert!(!dom.contains("<img"));
    assert!(!dom.contains("pwned</title>"));
    assert!(dom.contains("<title>Niger: where the sources disagree</title>"));
    assert!(dom.contains("x&lt;y&gt;/count"));
    // The graph: a red edge per conflict pair, circles for claims, the agreement drawn too.
    assert!(dom.contains("<svg"));
    assert!(dom.matches("class=\"edge conflict\"").count() >= 4);
    assert!(dom.contains("class=\"edge update\""));
    assert!(dom.contains("class=\"edge agree\""));
    assert!(dom.matches("<circle").count() >= 8);
    // The agreement row.
    assert!(dom.contains("<td>drone-base/cost</td>"));
}

#[test]
fn screenshot_is_not_blank_and_page_loads_in_under_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("discrepancies.html");
    html::write(&path, &page()).unwrap();
    let browser = Browser::new();
    let png = browser.screenshot(&path, dir.path());
    let stats = assert_not_blank(&png);
    eprintln!("screenshot: {stats}");
    let ms = browser.load_ms(&path);
    eprintln!("page load in headless chromium: {ms:.0} ms");
    assert!(ms < 1000.0, "page took {ms} ms to load");
}

#[test]
fn a_blank_page_fails_the_screenshot_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.html");
    std::fs::write(&path, "<!DOCTYPE html><html><body></body></html>").unwrap();
    let png = Browser::new().screenshot(&path, dir.path());
    let blank = std::panic::catch_unwind(|| assert_not_blank(&png));
    assert!(blank.is_err(), "the blank check passed a blank page");
}
