//! `check` end to end on a corpus of another event (tests/corpus/ferry: three articles written
//! for this test about a ferry that capsized, published 12, 13 and 15 March 2024 by the
//! manifest), with the built-in rules only (`--rules` an empty folder).
//!
//! Planted, worked out by reading the articles (the issue asks that at least 60% of the
//! conflicts a person finds be reported, and at most 20% of agreements be flagged high or
//! medium):
//! - conflicts: the year the ferry was built (1998 in 01 and 03, 2001 in 02), the passengers
//!   aboard (312 in 01, 412 in 02), the pledge to the families ($2 million in 01, $20 million
//!   in 02), the rescued girl's age (12 in 01, 13 in 02), the captain's name (Rahim Uddin in
//!   01, Rahim Udin in 02), the day it sank (12 March 2024 in 01 and 02, 12 February 2024 in
//!   03), and a death toll that rises from 12 (01) to 19 (02) to 41 (03): updates;
//! - agreements that must not be flagged high or medium: 230 rescued (01, 03) and "more than
//!   200" (02); "about 300" passengers (03) against 312; the 6,825-ton ferry (01, 02); the
//!   price in dollars (01) and in euros (02); the 85 killed in another accident in 2009 (03)
//!   against this disaster's toll.

mod check_util;
use check_util::*;

fn run() -> Vec<Row> {
    let rules = tempfile::tempdir().unwrap();
    let (rows, _, _, _) = check(
        &["tests/corpus/ferry"],
        &["--rules", rules.path().to_str().unwrap()],
    );
    rows
}

fn find<'a>(rows: &'a [Row], a: &str, b: &str) -> &'a Row {
    rows.iter()
        .find(|r| pairs(r, a, b))
        .unwrap_or_else(|| panic!("no conflict {a} against {b} in {rows:#?}"))
}

/// The conflicts a person finds in the corpus, as pairs of normalized values.
const PLANTED: &[(&str, &str)] = &[
    ("1998", "2001"),                // year built
    ("312", "412"),                  // passengers
    ("~300", "412"),                 // passengers, "about 300"
    ("USD 2000000", "USD 20000000"), // pledge
    ("P12Y", "P13Y"),                // the girl's age
    ("Rahim Uddin", "Rahim Udin"),   // the captain
    ("2024-02-12", "2024-03-12"),    // the day it sank
    ("12", "19"),                    // toll, updated
    ("19", "41"),                    // toll, updated
    ("12", "41"),                    // toll, updated
];

#[test]
fn at_least_60_percent_of_planted_conflicts_are_reported() {
    let rows = run();
    let found: Vec<&(&str, &str)> = PLANTED
        .iter()
        .filter(|(a, b)| rows.iter().any(|r| pairs(r, a, b)))
        .collect();
    let recall = found.len() as f64 / PLANTED.len() as f64;
    assert!(
        recall >= 0.6,
        "recall {recall:.2}: found only {found:?} in {rows:#?}"
    );
}

#[test]
fn planted_conflicts_have_the_severity_a_person_gives_them() {
    let rows = run();
    let built = find(&rows, "1998", "2001");
    assert_eq!(
        (built["kind"].as_str(), built["severity"].as_str()),
        ("date", "high")
    );
    let (_, sources, evidence, location) = side(built, "1998");
    assert_eq!(sources, "01_harbor_news.txt;03_island_daily.txt");
    assert_eq!(
        evidence,
        "The 6,825-ton ferry was built in 1998 and passed a safety inspection in January."
    );
    assert_eq!(location, "01_harbor_news.txt:9:1");

    // 100 of 412 is 24%: medium.
    let aboard = find(&rows, "312", "412");
    assert_eq!(
        (aboard["kind"].as_str(), aboard["severity"].as_str()),
        ("count", "medium")
    );

    // Ten times the amount: no rounding explains it.
    let pledge = find(&rows, "USD 2000000", "USD 20000000");
    assert_eq!(pledge["severity"], "high");

    let age = find(&rows, "P12Y", "P13Y");
    assert_eq!(side(age, "P12Y").1, "01_harbor_news.txt");

    let captain = find(&rows, "Rahim Uddin", "Rahim Udin");
    assert_eq!(captain["kind"], "name");
    assert!(["low", "medium"].contains(&captain["severity"].as_str()));

    // 12 killed (01, 12 March) then 19 (02, 13 March): news moving on, not a contradiction.
    let toll = find(&rows, "12", "19");
    assert_eq!(
        (toll["relation"].as_str(), toll["severity"].as_str()),
        ("update", "low")
    );
}

#[test]
fn agreements_are_not_flagged_high_or_medium() {
    let rows = run();
    let serious: Vec<&Row> = rows.iter().filter(|r| r["severity"] != "low").collect();
    for r in &serious {
        let values = [r["value_a"].as_str(), r["value_b"].as_str()];
        let agreeing = [
            ["230", ">200"],
            ["~300", "312"],
            ["USD 4500000", "EUR 4100000"],
        ];
        for pair in agreeing {
            assert!(
                !(values.contains(&pair[0]) && values.contains(&pair[1])),
                "{pair:?} flagged {}",
                r["severity"]
            );
        }
        assert!(!r["value_a"].contains("6825") && !r["value_b"].contains("6825"));
        assert!(
            !values.contains(&"85"),
            "the 2009 accident's toll compared with this one: {r:?}"
        );
    }
}
