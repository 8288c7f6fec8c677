//! `claimdiff values` on counts, money, percentages and quantities: the binary is run on
//! sentences and its records are checked against values worked out by hand.

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::Value as Json;

/// Runs `claimdiff values` with `args` on `input` and returns the parsed records.
fn run(input: &[u8], args: &[&str]) -> (Vec<Json>, String, i32) {
    let out = Command::cargo_bin("claimdiff")
        .expect("binary built")
        .arg("values")
        .args(args)
        .write_stdin(input.to_vec())
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let records = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    (
        records,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// (kind, text, value) of every value of `kind`s in the record for one line.
fn values_of(line: &str, kinds: &[&str]) -> Vec<(String, String, String)> {
    let (recs, err, code) = run(format!("{line}\n").as_bytes(), &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(recs.len(), 1);
    recs[0]["values"]
        .as_array()
        .expect("values array")
        .iter()
        .filter(|v| kinds.contains(&v["kind"].as_str().unwrap_or("")))
        .map(|v| {
            (
                v["kind"].as_str().unwrap_or("").to_string(),
                v["text"].as_str().unwrap_or("").to_string(),
                v["value"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn v(kind: &str, text: &str, value: &str) -> (String, String, String) {
    (kind.into(), text.into(), value.into())
}

const NUMS: &[&str] = &["count", "money", "percent", "quantity"];

#[test]
fn seed_sentence_counts_keep_their_qualifier() {
    assert_eq!(
        values_of(
            "About 1,100 U.S. troops are stationed in Niger, more than 1,000 of them at the base.",
            NUMS
        ),
        vec![
            v("count", "About 1,100", "~1100"),
            v("count", "more than 1,000", ">1000")
        ]
    );
}

#[test]
fn counts_in_words_and_vague_plurals() {
    assert_eq!(
        values_of(
            "Two hundred soldiers and a dozen officers joined tens of thousands of protesters.",
            NUMS
        ),
        vec![
            v("count", "Two hundred", "200"),
            v("count", "a dozen", "12"),
            v("count", "tens of thousands", ">=20000"),
        ]
    );
    assert_eq!(
        values_of(
            "Between 1,000 and 1,200 troops will leave; fewer than 10 stay.",
            NUMS
        ),
        vec![
            v("count", "Between 1,000 and 1,200", "1000..1200"),
            v("count", "fewer than 10", "<10"),
        ]
    );
}

#[test]
fn years_ordinals_ages_and_ids_are_not_counts() {
    for line in [
        "The mission began in 2013 and ended in December 2022.",
        "Niger ranks 189th on the index.",
        "A 12-year-old girl was hurt.",
        "Call 555-0123 before 6:30 pm.",
        "Two F-16 jets and a Boeing 737 landed.",
        "Attacks peaked in week 17.",
        "The general, 62, was sworn in.",
    ] {
        let counts: Vec<_> = values_of(line, &["count"])
            .into_iter()
            .filter(|c| c.1 != "Two")
            .collect();
        assert!(counts.is_empty(), "{line}: {counts:?}");
    }
}

#[test]
fn money_in_symbols_names_and_codes() {
    assert_eq!(
        values_of(
            "Washington spent $100 million on the base, and the EU set aside €2.5bn.",
            NUMS
        ),
        vec![
            v("money", "$100 million", "USD 100000000"),
            v("money", "€2.5bn", "EUR 2500000000"),
        ]
    );
    // British papers glue the whole scale word to the digits.
    assert_eq!(
        values_of(
            "Pledges have reached €880million (£765m), up from €1billion promised.",
            NUMS
        ),
        vec![
            v("money", "€880million", "EUR 880000000"),
            v("money", "£765m", "GBP 765000000"),
            v("money", "€1billion", "EUR 1000000000"),
        ]
    );
    assert_eq!(
        values_of(
            "China pledged 50 billion dollars; the charity got US$1.2bn and £300,000.",
            NUMS
        ),
        vec![
            v("money", "50 billion dollars", "USD 50000000000"),
            v("money", "US$1.2bn", "USD 1200000000"),
            v("money", "£300,000", "GBP 300000"),
        ]
    );
    assert_eq!(
        values_of(
            "The program cost hundreds of millions of dollars, at least $200 million.",
            NUMS
        ),
        vec![
            v(
                "money",
                "hundreds of millions of dollars",
                "USD >=200000000"
            ),
            v("money", "at least $200 million", "USD >=200000000"),
        ]
    );
    assert_eq!(
        values_of(
            "The bank froze 2 billion CFA francs and 1.5 trillion naira.",
            NUMS
        ),
        vec![
            v("money", "2 billion CFA francs", "XOF 2000000000"),
            v("money", "1.5 trillion naira", "NGN 1500000000000"),
        ]
    );
}

#[test]
fn percentages() {
    assert_eq!(
        values_of(
            "Nearly 40% live in poverty; inflation hit 12.5 percent and turnout 63.2 per cent.",
            NUMS
        ),
        vec![
            v("percent", "Nearly 40%", "~40%"),
            v("percent", "12.5 percent", "12.5%"),
            v("percent", "63.2 per cent", "63.2%"),
        ]
    );
}

#[test]
fn quantities_convert_to_one_unit_per_dimension() {
    // 80 mi × 1.609344 = 128.75 km → 129 km; 104 °F = (104 − 32) × 5/9 = 40 °C.
    assert_eq!(
        values_of(
            "A 7.1 magnitude quake hit 80 miles away; a 6,825-ton ferry sank in 104F heat.",
            NUMS
        ),
        vec![
            v("quantity", "7.1 magnitude", "7.1 Mw"),
            v("quantity", "80 miles", "129 km"),
            v("quantity", "6,825-ton", "6825 t"),
            v("quantity", "104F", "40 C"),
        ]
    );
    let (recs, _, _) = run(b"It was 40 degrees Celsius.\n", &[]);
    let q = &recs[0]["values"][0];
    assert_eq!(q["value"], "40 C");
    assert_eq!(q["unit"], "degrees Celsius");
}

#[test]
fn a_speed_up_to_names_its_peak_and_other_amounts_up_to_a_bound() {
    // "winds of up to 154 mph" states the storm's peak wind (154 × 1.609344 = 247.8 → 248
    // km/h); "up to 45 metres" and "up to 300 people" bound an amount not known exactly.
    assert_eq!(
        values_of(
            "Winds of up to 154 mph tore roofs off; a fall of up to 45 metres; up to 300 people.",
            NUMS
        ),
        vec![
            v("quantity", "up to 154 mph", "248 km/h"),
            v("quantity", "up to 45 metres", "<=0.045 km"),
            v("count", "up to 300", "<=300"),
        ]
    );
}

#[test]
fn approximate_is_reported_for_qualified_amounts() {
    let (recs, _, _) = run(b"About 1,100 troops and 17 officers.\n", &[]);
    let vals = recs[0]["values"].as_array().expect("values");
    assert_eq!(vals[0]["approximate"], true);
    assert!(vals[1].get("approximate").is_none());
}

#[test]
fn one_record_per_line_and_bad_utf8_is_reported_not_fatal() {
    let mut input = b"17 soldiers\n".to_vec();
    input.extend_from_slice(b"bad \xff\xfe byte\n");
    input.extend_from_slice(b"20 others\n");
    let (recs, err, code) = run(&input, &[]);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["values"][0]["value"], "17");
    assert_eq!(recs[1]["line"], 2);
    assert_eq!(recs[1]["values"].as_array().map(Vec::len), Some(0));
    assert_eq!(recs[2]["values"][0]["value"], "20");
    assert!(err.contains("<stdin>:2:"), "{err}");
    assert!(err.contains("byte 4"), "{err}");
    assert_eq!(code, 2);
}

#[test]
fn a_bad_date_is_a_usage_error_that_says_what_it_expected() {
    let (recs, err, code) = run(b"17 soldiers\n", &["--date", "27/04/2024"]);
    assert_eq!(code, 2);
    assert!(recs.is_empty());
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    assert!(err.contains("27/04/2024"), "{err}");
}

#[test]
fn a_long_line_is_linear() {
    // 10 MB on one line, four values per repeated sentence (the amounts, and "last
    // spring", a date left unresolved without a reference date).
    let unit = "About 1,100 troops, $5m and 3% more than the garrison that the ministry \
                said was stationed near the northern border of the country last spring. ";
    let n = 10_000_000 / unit.len();
    let mut line = unit.repeat(n);
    line.push('\n');
    let start = std::time::Instant::now();
    let (recs, _, code) = run(line.as_bytes(), &[]);
    assert_eq!(code, 0);
    let vals = recs[0]["values"].as_array().expect("values");
    assert_eq!(vals.len(), 4 * n);
    assert_eq!(vals[4]["value"], "~1100");
    assert_eq!(vals[5]["value"], "USD 5000000");
    assert_eq!(vals[6]["value"], "3%");
    assert_eq!(vals[7]["value"], "PAST_REF");
    // Not a timing test: a quadratic walk over 10 MB would take hours, not this.
    assert!(start.elapsed().as_secs() < 300);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every span slices the input line to exactly its `text`, for arbitrary input.
    #[test]
    fn spans_slice_the_line(lines in proptest::collection::vec(
        "([0-9]{1,7}|[,.$€£%-]|about|more than|million|bn|k|dollars|percent|miles|hundreds|of|a|dozen| |[a-zA-Z]{1,6}|\u{a0}|\u{202f}|’|[\u{80}-\u{10ff}])*",
        1..6,
    )) {
        let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
        let (recs, _, code) = run(input.as_bytes(), &[]);
        prop_assert_eq!(code, 0);
        prop_assert_eq!(recs.len(), lines.len());
        for (rec, line) in recs.iter().zip(&lines) {
            let mut last_end = 0;
            for v in rec["values"].as_array().expect("values") {
                let s = v["start"].as_u64().expect("start") as usize;
                let e = v["end"].as_u64().expect("end") as usize;
                prop_assert!(s >= last_end && s < e && e <= line.len());
                prop_assert_eq!(line.get(s..e), v["text"].as_str());
                last_end = e;
            }
        }
    }
}
