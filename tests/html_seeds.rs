//! The page `check --html` writes for the seeds, in headless Chromium: every row of the CSV
//! report (conflicts and agreements) is in the rendered DOM, and the page loads in under a second.

#[path = "html_support.rs"]
mod support;

use assert_cmd::Command;
use claimdiff::report::AgreementRow;
use claimdiff::review::report::read_conflicts;
use support::{Browser, assert_not_blank, dom_marked, dom_text};

#[test]
fn seeds_page_has_every_csv_row_and_loads_in_under_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("discrepancies.csv");
    let agreements = dir.path().join("agreements.csv");
    let page = dir.path().join("discrepancies.html");
    Command::cargo_bin("claimdiff")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "seeds", "--out"])
        .arg(&out)
        .arg("--agreements")
        .arg(&agreements)
        .arg("--html")
        .arg(&page)
        .arg("--reviews")
        .arg(dir.path().join("reviews.csv"))
        .assert()
        .success();

    let conflicts = read_conflicts(&out).unwrap();
    let agreed: Vec<AgreementRow> = csv::Reader::from_path(&agreements)
        .unwrap()
        .deserialize()
        .map(Result::unwrap)
        .collect();
    assert!(!conflicts.is_empty(), "the seeds have conflicts");

    let browser = Browser::new();
    let dom = browser.dump_dom(&page);
    for r in &conflicts {
        assert!(
            dom.contains(&format!("id=\"c-{}\"", r.id)),
            "conflict {} ({}) missing from the page",
            r.id,
            r.slot
        );
        for (sentence, written) in [(&r.evidence_a, &r.text_a), (&r.evidence_b, &r.text_b)] {
            let shown = dom_marked(sentence, written);
            assert!(
                shown.contains("<mark>"),
                "{written:?} not found in {sentence:?}"
            );
            assert!(
                dom.contains(&shown),
                "evidence of {} missing: {shown}",
                r.id
            );
        }
    }
    // Agreements: one table row each, with slot and value.
    assert_eq!(
        dom.matches("<tr class=\"agreement\">").count(),
        agreed.len(),
        "agreement rows"
    );
    for a in &agreed {
        let row = format!(
            "<tr class=\"agreement\"><td>{}</td><td>{}</td><td><code>{}</code></td>",
            dom_text(&a.slot),
            dom_text(&a.kind),
            dom_text(&a.value)
        );
        assert!(
            dom.contains(&row),
            "agreement {} = {} missing",
            a.slot,
            a.value
        );
    }
    eprintln!(
        "seeds page: {} conflicts, {} agreements, {} bytes",
        conflicts.len(),
        agreed.len(),
        std::fs::metadata(&page).unwrap().len()
    );

    let png = browser.screenshot(&page, dir.path());
    eprintln!("seeds screenshot: {}", assert_not_blank(&png));
    let ms = browser.load_ms(&page);
    eprintln!("seeds page load in headless chromium: {ms:.0} ms");
    assert!(ms < 1000.0, "seeds page took {ms} ms to load");
}
