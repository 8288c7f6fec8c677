//! `check` on the demo corpus: the findings a fact-checker worked out by reading the five
//! seed articles.

mod check_util;
use check_util::*;

const S002: &str = "002_8d2d09947abc71a3.txt";
const S003: &str = "003_553c38acbd687d2c.txt";
const S004: &str = "004_714decb69a1886d8.txt";

#[test]
fn the_coup_date_february_against_july_2023_is_a_high_conflict_with_both_sentences() {
    let (rows, _, _, _) = check(&["seeds"], &[]);
    let row = rows
        .iter()
        .find(|r| r["kind"] == "date" && pairs(r, "2023-02", "2023-07"))
        .expect("a date conflict between 2023-02 and 2023-07");
    assert!(row["slot"].starts_with("coup"), "slot {}", row["slot"]);
    assert_eq!(row["severity"], "high");
    assert_eq!(row["relation"], "conflict");
    assert_eq!(row["status"], "open");
    let (text, sources, evidence, location) = side(row, "2023-02");
    assert_eq!(text, "February 2023");
    assert!(sources.split(';').any(|s| s == S002));
    assert_eq!(
        evidence,
        "This decision comes after a military coup in February 2023 led to a deterioration of \
         relations between Niger and Western powers."
    );
    // Line 5 of 002 (after the headline, the sub-headline and two blank lines); the sentence
    // follows the 135-character first sentence of that line and a space: column 137.
    assert_eq!(location, format!("{S002}:5:137"));
    let (text, sources, evidence, _) = side(row, "2023-07");
    assert_eq!(text, "July 2023");
    assert!(sources.split(';').any(|s| s == S003));
    assert!(
        evidence.starts_with(
            "Before the eviction of Niger’s pro-Western President, Mohamed Bazoum in July 2023"
        ),
        "{evidence}"
    );
}

#[test]
fn agreements_are_not_reported_as_conflicts() {
    let (rows, agreements, _, _) = check(&["seeds"], &[]);
    // The $100 million base (002) and the $100 million drone facility (004).
    for r in &rows {
        let money_both = r["kind"] == "money"
            && (r["value_a"] == "USD 100000000" || r["value_b"] == "USD 100000000");
        assert!(!money_both, "the $100 million base is reported: {r:?}");
        // About 1,100 US troops (000) against more than 1,000 (004).
        let troops = r["kind"] == "count"
            && ["~1100", ">1000"].contains(&r["value_a"].as_str())
            && ["~1100", ">1000"].contains(&r["value_b"].as_str());
        assert!(
            !troops,
            "1,100 troops against more than 1,000 is reported: {r:?}"
        );
    }
    let base = agreements
        .iter()
        .find(|a| a["kind"] == "money" && a["value"].contains("USD 100000000"))
        .expect("the $100 million base is an agreement");
    assert!(base["sources"].contains(S002) && base["sources"].contains(S004));
}

#[test]
fn nothing_from_boilerplate_appears() {
    let (rows, agreements, _, _) = check(&["seeds"], &[]);
    let quoted: Vec<&String> = rows
        .iter()
        .flat_map(|r| [&r["evidence_a"], &r["evidence_b"]])
        .chain(agreements.iter().map(|a| &a["evidence"]))
        .collect();
    for bad in [
        "Recent Posts",
        "food baskets",
        "Paul Crespo",
        "$37 billion",
        "50 billion dollars",
        "Africa Cup of Nations",
        "80 security agents",
        "Adblock",
    ] {
        assert!(
            !quoted.iter().any(|q| q.contains(bad)),
            "boilerplate `{bad}` quoted"
        );
    }
}

#[test]
fn bazoum_spelled_two_ways_is_a_low_or_medium_name_conflict() {
    let (rows, _, _, _) = check(&["seeds"], &[]);
    let row = rows
        .iter()
        .find(|r| r["kind"] == "name" && pairs(r, "Mahmoud Bazoum", "Mohamed Bazoum"))
        .expect("Mahmoud against Mohamed Bazoum");
    assert!(["low", "medium"].contains(&row["severity"].as_str()));
}

#[test]
fn the_summary_counts_the_run() {
    let (rows, _, stderr, _) = check(&["seeds"], &[]);
    assert!(stderr.contains("claimdiff: 5 sources, "), "{stderr}");
    let high = rows
        .iter()
        .filter(|r| r["severity"] == "high" && r["relation"] == "conflict")
        .count();
    assert!(stderr.contains(&format!("({high} high, ")), "{stderr}");
    assert!(stderr.contains("d.csv"), "{stderr}");
}
