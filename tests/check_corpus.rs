//! `check` end to end on a corpus of another event (tests/corpus/ferry: three articles written
//! for this test about a ferry that capsized, published 12, 13 and 15 March 2024 by the
//! manifest), with the built-in rules only (`--rules` an empty folder).
//!
//! Planted, worked out by reading the articles:
//! - conflicts: the year the ferry was built (1998 in 01 and 03, 2001 in 02), the passengers
//!   aboard (312 in 01, 412 in 02), the pledge to the families ($2 million in 01, $20 million
//!   in 02), the rescued girl's age (12 in 01, 13 in 02), the captain's name (Rahim Uddin in
//!   01, Rahim Udin in 02), the day it sank (12 March 2024 in 01 and 02, 12 February 2024 in
//!   03);
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

#[test]
fn planted_conflicts_are_reported() {
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

    let aboard = find(&rows, "312", "412");
    assert_eq!(aboard["kind"], "count");
    assert_ne!(aboard["severity"], "low");

    let pledge = find(&rows, "USD 2000000", "USD 20000000");
    assert_eq!(pledge["severity"], "high");

    let age = rows
        .iter()
        .find(|r| pairs(r, "P12Y", "P13Y") || pairs(r, "12", "13"))
        .expect("the girl's age, 12 against 13");
    assert_eq!(side(age, &age["value_a"]).1, "01_harbor_news.txt");

    let captain = find(&rows, "Rahim Uddin", "Rahim Udin");
    assert_eq!(captain["kind"], "name");
    assert!(["low", "medium"].contains(&captain["severity"].as_str()));

    let sank = find(&rows, "2024-02-12", "2024-03-12");
    assert_eq!(sank["severity"], "high");
    assert_eq!(
        side(sank, "2024-03-12").1,
        "01_harbor_news.txt;02_coastal_times.md"
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

#[test]
fn a_rising_toll_in_later_sources_is_an_update() {
    // 12 killed (01, 12 March), 19 (02, 13 March), 41 (03, 15 March): news evolving.
    let rows = run();
    for (a, b) in [("12", "19"), ("19", "41"), ("12", "41")] {
        let r = find(&rows, a, b);
        assert_eq!(
            (r["relation"].as_str(), r["severity"].as_str()),
            ("update", "low"),
            "{a} against {b}"
        );
    }
}
