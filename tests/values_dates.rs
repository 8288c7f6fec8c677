//! `claimdiff values` on dates, durations and times of day: the binary run on real sentences,
//! with expectations worked out by hand (weekdays and ISO weeks checked against a calendar).

use assert_cmd::Command;
use claimdiff::recognize::{Context, recognize};
use proptest::prelude::*;
use serde_json::Value;

/// Runs `claimdiff values` on `input` and returns one list of values per line.
fn values(input: &str, date: Option<&str>) -> Vec<Vec<Value>> {
    let mut cmd = Command::cargo_bin("claimdiff").unwrap();
    cmd.arg("values").arg("--format").arg("jsonl");
    if let Some(d) = date {
        cmd.arg("--date").arg(d);
    }
    let out = cmd
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| {
            let rec: Value = serde_json::from_str(l).unwrap();
            rec["values"].as_array().unwrap().clone()
        })
        .collect()
}

/// The (kind, text, value) triples of one line's values of the given kinds.
fn triples(vals: &[Value], kinds: &[&str]) -> Vec<(String, String, String)> {
    vals.iter()
        .filter(|v| kinds.contains(&v["kind"].as_str().unwrap()))
        .map(|v| {
            (
                v["kind"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
                v["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn t(kind: &str, text: &str, value: &str) -> (String, String, String) {
    (kind.to_string(), text.to_string(), value.to_string())
}

#[test]
fn seed_sentences_give_their_dates_and_durations() {
    let input = "\
The coup took place on July 26, 2023, in the capital.
The talks collapsed in February 2023.
The junta last month revoked a 12-year-old security pact with Washington.
The base, built just six years ago, served as a hub.
He has been fighting jihadists in West Africa for six years.
";
    // Reference date: Saturday 2024-04-27.
    let got = values(input, Some("2024-04-27"));
    let kinds = ["date", "duration"];
    assert_eq!(
        triples(&got[0], &kinds),
        vec![t("date", "July 26, 2023", "2023-07-26")]
    );
    assert_eq!(
        triples(&got[1], &kinds),
        vec![t("date", "February 2023", "2023-02")]
    );
    assert_eq!(
        triples(&got[2], &kinds),
        vec![
            t("date", "last month", "2024-03"),
            t("duration", "12-year-old", "P12Y")
        ]
    );
    assert_eq!(
        triples(&got[3], &kinds),
        vec![t("date", "six years ago", "2018")]
    );
    assert_eq!(
        triples(&got[4], &kinds),
        vec![t("duration", "six years", "P6Y")]
    );
}

#[test]
fn relative_dates_need_the_reference_date() {
    let input =
        "Seven people were arrested on Friday.\nLast week, the junta expelled the ambassador.\n";
    // 2023-07-29 is a Saturday: the Friday before is 2023-07-28; last week is ISO week 29.
    let got = values(input, Some("2023-07-29"));
    assert_eq!(
        triples(&got[0], &["date"]),
        vec![t("date", "Friday", "2023-07-28")]
    );
    assert_eq!(
        triples(&got[1], &["date"]),
        vec![t("date", "Last week", "2023-W29")]
    );
    // Without a reference date: unresolved, never a guess.
    let got = values(input, None);
    assert_eq!(
        triples(&got[0], &["date"]),
        vec![t("date", "Friday", "XXXX-WXX-5")]
    );
    assert_eq!(
        triples(&got[1], &["date"]),
        vec![t("date", "Last week", "PAST_REF")]
    );
}

#[test]
fn a_past_weekday_named_on_that_same_day_is_that_day() {
    // A report published on Tuesday 2024-03-12 that says a ferry capsized "on Tuesday" means
    // that very day, not the Tuesday a week before; published on Thursday 2024-03-14, the
    // latest Tuesday is still 2024-03-12.
    let input = "The ferry capsized early on Tuesday, killing 12 people.\n";
    for reference in ["2024-03-12", "2024-03-14"] {
        let got = values(input, Some(reference));
        assert_eq!(
            triples(&got[0], &["date"]),
            vec![t("date", "Tuesday", "2024-03-12")],
            "published {reference}"
        );
    }
}

#[test]
fn times_of_day_attach_to_the_lines_date() {
    let input =
        "The earthquake struck at 6:04 pm on August 23, 2023.\nIt hit at 13:14 local time.\n";
    let got = values(input, None);
    assert_eq!(
        triples(&got[0], &["time", "date"]),
        vec![
            t("time", "6:04 pm", "2023-08-23T18:04"),
            t("date", "August 23, 2023", "2023-08-23")
        ]
    );
    assert_eq!(
        triples(&got[1], &["time"]),
        vec![t("time", "13:14", "XXXX-XX-XXT13:14")]
    );
}

#[test]
fn durations_in_many_forms() {
    let input = "\
The junta gave the ambassador 48 hours to leave.
The transition will last 18 months.
He served three months in prison.
The country has been under military rule for a decade.
The campaign raised a million dollars in a week.
Oil output fell to 1.1 million barrels a day.
";
    let got = values(input, None);
    let k = ["duration"];
    assert_eq!(
        triples(&got[0], &k),
        vec![t("duration", "48 hours", "PT48H")]
    );
    assert_eq!(
        triples(&got[1], &k),
        vec![t("duration", "18 months", "P18M")]
    );
    assert_eq!(
        triples(&got[2], &k),
        vec![t("duration", "three months", "P3M")]
    );
    assert_eq!(
        triples(&got[3], &k),
        vec![t("duration", "a decade", "P10Y")]
    );
    // Past tense: "in a week" is how long it took, not a date.
    assert_eq!(triples(&got[4], &k), vec![t("duration", "a week", "P1W")]);
    // "a day" after an amount of barrels is a rate.
    assert!(triples(&got[5], &k).is_empty());
}

#[test]
fn a_long_line_of_dates_is_handled() {
    // 200,000 repetitions: ~5 MB on one line, every value found, no quadratic blow-up
    // (a quadratic settle would not finish in the test's time).
    let unit = "On 3 March 2022, six years ago, ";
    let line = unit.repeat(200_000);
    let got = values(&format!("{line}\n"), Some("2024-04-27"));
    let dates = got[0].iter().filter(|v| v["kind"] == "date").count();
    assert_eq!(dates, 400_000);
}

#[test]
fn a_bad_reference_date_is_a_usage_error() {
    Command::cargo_bin("claimdiff")
        .unwrap()
        .args(["values", "--date", "27/04/2024"])
        .write_stdin("x\n")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("YYYY-MM-DD"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Every span slices the line to the value's text, whatever the line holds.
    #[test]
    fn spans_slice_the_line(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("July 26, 2023".to_string()),
                Just("six years ago".to_string()),
                Just("12-year-old".to_string()),
                Just("6:04 pm".to_string()),
                Just("2023-07-26".to_string()),
                Just("last week".to_string()),
                Just("on Friday".to_string()),
                Just("mid-2023".to_string()),
                Just("in two weeks".to_string()),
                Just("’s".to_string()),
                "[0-9]{1,4}",
                "[-/.,: ]",
                "\\PC{0,6}",
            ],
            0..12,
        ),
        reference in proptest::option::of(Just("2024-04-27")),
    ) {
        let line = parts.concat();
        let ctx = Context { reference: reference.map(|r| r.parse().unwrap()) };
        let vals = recognize(&line, &ctx);
        let mut last_end = 0;
        for v in &vals {
            prop_assert!(v.span.start < v.span.end);
            prop_assert!(line.get(v.span.start..v.span.end).is_some());
            prop_assert!(v.span.start >= last_end);
            prop_assert!(!v.value.is_empty());
            last_end = v.span.end;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Through the binary: `text` is exactly the bytes `start..end` of its line.
    #[test]
    fn jsonl_text_is_the_spans_bytes(
        lines in proptest::collection::vec(
            proptest::collection::vec(
                prop_oneof![
                    Just("26th March".to_string()),
                    Just("Dec. 31 , 1994".to_string()),
                    Just("for 3.5years".to_string()),
                    Just("at 13:14 local time".to_string()),
                    Just("the 1990s".to_string()),
                    Just("€".to_string()),
                    "[0-9]{1,4}",
                    "[-/., ]",
                    "\\PC{0,5}",
                ],
                0..10,
            ).prop_map(|p| p.concat().replace(['\n', '\r'], " ")),
            1..8,
        ),
    ) {
        let input = lines.join("\n") + "\n";
        let got = values(&input, Some("2024-04-27"));
        prop_assert_eq!(got.len(), lines.len());
        for (line, vals) in lines.iter().zip(&got) {
            for v in vals {
                let (s, e) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
                prop_assert_eq!(line.get(s..e), v["text"].as_str());
            }
        }
    }
}
