//! `claimdiff values` on dates in running news text (issue 16): quarters and halves, vague
//! references, dates without a year or a weekday read by the tense of their own clause,
//! anaphoric dates counted from the date before them, and words that are not dates or
//! durations. The binary is run on sentences; every expectation was worked out by hand
//! against a calendar (1989-11-02 is a Thursday, 1998-08-18 a Tuesday).

use assert_cmd::Command;
use serde_json::Value;

/// Runs `claimdiff values` on `input` (one sentence a line) with reference date `date`.
fn values(input: &str, date: &str) -> Vec<Vec<Value>> {
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .args(["values", "--format", "jsonl", "--date", date])
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

/// (text, value) of the values of `kind` in one line.
fn of_kind(vals: &[Value], kind: &str) -> Vec<(String, String)> {
    vals.iter()
        .filter(|v| v["kind"] == kind)
        .map(|v| {
            (
                v["text"].as_str().unwrap().to_string(),
                v["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn dates_in(line: &str, date: &str) -> Vec<(String, String)> {
    of_kind(&values(line, date)[0], "date")
}

fn p(text: &str, value: &str) -> (String, String) {
    (text.to_string(), value.to_string())
}

#[test]
fn quarters_and_halves() {
    let r = "1989-11-02";
    // A quarter without a year in a report of the past: the latest one begun.
    assert_eq!(
        dates_in("Net income rose 5% in the third quarter.", r),
        vec![p("the third quarter", "1989-Q3")]
    );
    assert_eq!(
        dates_in("Third-quarter profit fell 12%.", r),
        vec![p("Third-quarter", "1989-Q3")]
    );
    // The current quarter has begun (October 1).
    assert_eq!(
        dates_in("Sales slowed in the fourth quarter.", r),
        vec![p("the fourth quarter", "1989-Q4")]
    );
    // Spoken of in the future: the first quarter not yet over is next year's.
    assert_eq!(
        dates_in("Sales will recover in the first quarter.", r),
        vec![p("the first quarter", "1990-Q1")]
    );
    assert_eq!(
        dates_in("Profit in the third quarter of 1988 was flat.", r),
        vec![p("the third quarter of 1988", "1988-Q3")]
    );
    assert_eq!(
        dates_in("It lost money in the 1988 second quarter.", r),
        vec![p("the 1988 second quarter", "1988-Q2")]
    );
    assert_eq!(
        dates_in("Output will rise in the first half of 1990.", r),
        vec![p("the first half of 1990", "1990-H1")]
    );
    // The second half of 1989 began on July 1.
    assert_eq!(
        dates_in("Orders slowed in the second half.", r),
        vec![p("the second half", "1989-H2")]
    );
    assert_eq!(
        dates_in("The company expects a loss for fiscal 1990.", r),
        vec![p("fiscal 1990", "1990")]
    );
    // A share is not a date.
    assert_eq!(
        dates_in("A third quarter of the budget went to roads.", r),
        vec![]
    );
}

#[test]
fn quarters_without_a_reference_date_stay_unresolved() {
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .args(["values", "--format", "jsonl"])
        .write_stdin("Net income rose in the third quarter.\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rec: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        of_kind(rec["values"].as_array().unwrap(), "date"),
        vec![p("the third quarter", "XXXX-Q3")]
    );
}

#[test]
fn vague_references_are_reported_and_marked() {
    let r = "1998-08-18";
    let got = values(
        "Prices are now higher than they were recently.\n\
         The agency will decide in the near future.\n\
         In the past, such cases took months.\n\
         Violence has grown in recent years.\n\
         Now, he says, it looks like a deal.\n",
        r,
    );
    assert_eq!(
        of_kind(&got[0], "date"),
        vec![p("now", "PRESENT_REF"), p("recently", "PAST_REF")]
    );
    assert!(got[0].iter().all(|v| v["vague"] == true));
    assert_eq!(
        of_kind(&got[1], "date"),
        vec![p("the near future", "FUTURE_REF")]
    );
    assert_eq!(of_kind(&got[2], "date"), vec![p("the past", "PAST_REF")]);
    assert_eq!(
        of_kind(&got[3], "date"),
        vec![p("recent years", "PAST_REF")]
    );
    // "Now," opening a clause turns the argument; it is not a time.
    assert_eq!(of_kind(&got[4], "date"), vec![]);
}

#[test]
fn vague_references_file_no_claims() {
    let input = r#"{"source": "a.txt", "text": "The coup leaders now hold the capital. The coup took place on July 26, 2023.", "published": "2024-04-27"}"#;
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .args(["extract", "-", "--format", "jsonl"])
        .write_stdin(format!("{input}\n"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains("PRESENT_REF"), "{text}");
}

#[test]
fn dates_without_a_year_follow_their_own_clause() {
    let r = "1989-11-02";
    // "payable" looks ahead; the record date 13 days ahead is the nearest Nov. 15.
    assert_eq!(
        dates_in(
            "The company declared a dividend payable Jan. 2 to holders of record Nov. 15.",
            r
        ),
        vec![p("Jan. 2", "1990-01-02"), p("Nov. 15", "1989-11-15")]
    );
    // The report is past ("said"), what is reported is future ("will").
    assert_eq!(
        dates_in("The company said it will meet on Friday.", r),
        vec![p("Friday", "1989-11-03")]
    );
    // "said Friday" dates the report: the Friday before Thursday, Nov. 2.
    assert_eq!(
        dates_in("The company said Friday that it will close the plant.", r),
        vec![p("Friday", "1989-10-27")]
    );
    assert_eq!(
        dates_in("Shares fell on Monday.", r),
        vec![p("Monday", "1989-10-30")]
    );
    // A deadline looks ahead even in a report of the past.
    assert_eq!(
        dates_in("The offer was extended to Nov. 20.", r),
        vec![p("Nov. 20", "1989-11-20")]
    );
    assert_eq!(
        dates_in("Talks collapsed on Oct. 23.", r),
        vec![p("Oct. 23", "1989-10-23")]
    );
    // A verb of an earlier clause does not date this one: "would" belongs to "she".
    assert_eq!(
        dates_in(
            "She said she would bring aid to Kenya, where the Aug. 7 blasts killed 257 people.",
            "1998-08-18"
        ),
        vec![p("Aug. 7", "1998-08-07")]
    );
    // A quote keeps its own tense: "want" inside it says nothing of "Monday".
    assert_eq!(
        dates_in(
            "``We know what we want to do,'' Clark said in an interview Monday.",
            "1998-08-18"
        ),
        vec![p("Monday", "1998-08-17")]
    );
}

#[test]
fn anaphoric_dates_count_from_the_date_before_them() {
    let r = "1989-11-02";
    assert_eq!(
        dates_in(
            "Net income was $5 million in the third quarter of 1989, up from $4 million a year earlier.",
            r
        ),
        vec![
            p("the third quarter of 1989", "1989-Q3"),
            p("a year earlier", "1988-Q3")
        ]
    );
    assert_eq!(
        dates_in(
            "The plant closed on March 3, 1987, and reopened two days later.",
            r
        ),
        vec![
            p("March 3, 1987", "1987-03-03"),
            p("two days later", "1987-03-05")
        ]
    );
    assert_eq!(
        dates_in("He was elected in 1990 and resigned the following year.", r),
        vec![p("1990", "1990"), p("following year", "1991")]
    );
    assert_eq!(
        dates_in(
            "Third-quarter net rose, but revenue fell from the year-earlier quarter.",
            r
        ),
        vec![
            p("Third-quarter", "1989-Q3"),
            p("year-earlier quarter", "1988-Q3")
        ]
    );
    // No date before: counted from the reference date.
    assert_eq!(
        dates_in("Sales rose 4% from a year earlier.", r),
        vec![p("a year earlier", "1988")]
    );
}

#[test]
fn names_index_levels_and_ages_are_not_dates_or_durations() {
    let r = "1989-11-02";
    let got = values(
        "Sun's results were slightly better than expected.\n\
         The index closed at 2082.1, down 4.5% from the previous Friday.\n\
         A 6-year-old boy was rescued at sea.\n\
         The 44-year-old, who lives in Miami, was charged.\n\
         The junta revoked a 12-year-old security pact.\n",
        r,
    );
    assert_eq!(of_kind(&got[0], "date"), vec![]);
    assert!(
        !of_kind(&got[1], "date")
            .iter()
            .any(|(t, _)| t.contains("2082")),
        "{:?}",
        got[1]
    );
    assert_eq!(of_kind(&got[2], "duration"), vec![]);
    assert_eq!(of_kind(&got[2], "age"), vec![p("6-year-old", "P6Y")]);
    assert_eq!(of_kind(&got[3], "duration"), vec![]);
    assert_eq!(of_kind(&got[3], "age"), vec![p("44-year-old", "P44Y")]);
    // The age of a thing is how long it has lasted: still a duration.
    assert_eq!(of_kind(&got[4], "duration"), vec![p("12-year-old", "P12Y")]);
}

#[test]
fn seasons() {
    let r = "1999-04-10";
    assert_eq!(
        dates_in("Enrollment fell last fall.", r),
        vec![p("last fall", "1998-FA")]
    );
    // Spring 1999 began on March 1; the next summer not yet over is 1999's.
    assert_eq!(
        dates_in("The plant will reopen in the summer.", r),
        vec![p("the summer", "1999-SU")]
    );
    assert_eq!(
        dates_in("The talks began in the spring of 1998.", r),
        vec![p("the spring of 1998", "1998-SP")]
    );
    // A season word as a verb is no date.
    assert_eq!(dates_in("Prices fall when rates rise.", r), vec![]);
}

#[test]
fn unstated_amounts_of_time_are_open_durations() {
    let got = values(
        "The talks lasted several years.\nHe will stay a few days.\n",
        "1999-04-10",
    );
    assert_eq!(
        of_kind(&got[0], "duration"),
        vec![p("several years", "PXY")]
    );
    assert_eq!(of_kind(&got[1], "duration"), vec![p("a few days", "PXD")]);
}

#[test]
fn periods_named_from_other_dates() {
    let r = "1989-10-26";
    // Results come after a quarter: the one just ended, even in the future tense.
    assert_eq!(
        dates_in(
            "The company will report third-quarter results next week.",
            r
        )[0],
        p("third-quarter", "1989-Q3")
    );
    // "last spring" is last year's, as "last fall" in April is.
    assert_eq!(
        dates_in("Sales slumped last spring.", r),
        vec![p("last spring", "1988-SP")]
    );
    // "year-ago" after "last year" is that same year, not the one before.
    assert_eq!(
        dates_in(
            "Profit rose from last year's level, above the year-ago forecast.",
            r
        ),
        vec![p("last year", "1988"), p("year-ago", "1988")]
    );
    assert_eq!(
        dates_in(
            "He fled to Florida in June 1998 and returned later that year.",
            r
        ),
        vec![p("June 1998", "1998-06"), p("later that year", "1998")]
    );
}

#[test]
fn a_date_line_ending_in_a_colon() {
    // 1998-10-26 is a Monday; the colon closes the line, it is no clock time.
    assert_eq!(
        dates_in(
            "The New York Times said in an editorial on Monday, Oct. 26:",
            "1998-10-25"
        ),
        vec![p("Monday, Oct. 26", "1998-10-26")]
    );
}

#[test]
fn the_weekday_of_the_report_is_that_day_in_any_tense() {
    // 2000-06-01 is a Thursday: "Thursday" in Thursday's paper is that day, even in a
    // sentence whose main clause speaks of the future.
    let r = "2000-06-01";
    assert_eq!(
        dates_in(
            "Elian will remain in the United States even after a federal appeals court Thursday refused to order a hearing.",
            r
        ),
        vec![p("Thursday", "2000-06-01")]
    );
    assert_eq!(
        dates_in("The board will meet on Thursday.", r),
        vec![p("Thursday", "2000-06-01")]
    );
}

#[test]
fn irregular_past_forms_and_adjectives_in_ed() {
    // "brought" is a past form: January is the one behind, not the one ahead.
    assert_eq!(
        dates_in(
            "In January, the company brought in a new chief executive.",
            "1989-10-27"
        ),
        vec![p("January", "1989-01")]
    );
    // "a still unspecified date": an adjective, not a past verb; "would" looks ahead.
    assert_eq!(
        dates_in(
            "The dividend would be paid on a still unspecified date in January.",
            "1989-10-26"
        ),
        vec![p("January", "1990-01")]
    );
}

#[test]
fn a_deadline_month_looks_ahead() {
    let r = "1989-10-30";
    assert_eq!(
        dates_in(
            "Canada gave Merieux until mid-November to submit more information.",
            r
        ),
        vec![p("mid-November", "1989-11")]
    );
    assert_eq!(
        dates_in(
            "The company has a program to pay down $5 billion of the loan by February.",
            r
        ),
        vec![p("February", "1990-02")]
    );
}

#[test]
fn weekends() {
    // 1990-08-13 is a Monday of ISO week 33: the weekend just past is Aug. 11-12, in
    // week 32; the coming one Aug. 18-19, in week 33.
    let r = "1990-08-13";
    assert_eq!(
        dates_in("Over the weekend, Pentagon officials confirmed reports.", r),
        vec![p("the weekend", "1990-W32-WE")]
    );
    assert_eq!(
        dates_in("Talks will resume this weekend.", r),
        vec![p("this weekend", "1990-W33-WE")]
    );
    // "ahead of the weekend" looks ahead even in the past tense: 1989-10-30 is a Monday,
    // and the weekend after it (Nov. 4-5) is in week 44.
    assert_eq!(
        dates_in(
            "Traders had squared positions ahead of the weekend.",
            "1989-10-30"
        ),
        vec![p("the weekend", "1989-W44-WE")]
    );
    assert_eq!(dates_in("The weekend talks failed.", r), vec![]);
}

#[test]
fn centuries_and_year_end() {
    let r = "1989-11-02";
    assert_eq!(
        dates_in(
            "Angkor Wat, the fabled 11th century temple, drew visitors.",
            r
        ),
        vec![p("11th century", "10")]
    );
    assert_eq!(
        dates_in("It was among the great events of the 20th century.", r),
        vec![p("the 20th century", "19")]
    );
    assert_eq!(
        dates_in("The sale should close by year-end.", r),
        vec![p("year-end", "1989")]
    );
    assert_eq!(
        dates_in("It plans to cut 6,000 jobs by the end of the year.", r),
        vec![p("the end of the year", "1989")]
    );
    // "year-end" that qualifies a noun says nothing of which year.
    assert_eq!(
        dates_in("In 1988, when year-end net was lower, it cut jobs.", r),
        vec![p("1988", "1988")]
    );
}

#[test]
fn accounting_years_and_more_amounts_of_time() {
    let got = values(
        "They had revenue of $76 million for the year ended March 31.\n\
         Elian will remain here for at least two more weeks.\n\
         The loan may be extended for an additional year.\n\
         They lived in refugee camps for 2 1/2 years.\n",
        "1989-11-02",
    );
    assert_eq!(of_kind(&got[0], "duration"), vec![p("the year", "P1Y")]);
    assert_eq!(
        of_kind(&got[1], "duration"),
        // The qualifier is part of the value, as for counts ("at least 500" is `>=500`).
        vec![p("at least two more weeks", ">=P2W")]
    );
    assert_eq!(
        of_kind(&got[2], "duration"),
        vec![p("an additional year", "P1Y")]
    );
    // Two and a half years, in the contract's decimal form (as "PT1.5H").
    assert_eq!(
        of_kind(&got[3], "duration"),
        vec![p("2 1/2 years", "P2.5Y")]
    );
}

#[test]
fn ages_of_persons_named_past_a_qualifying_noun() {
    let got = values(
        "Kopp, a 44-year-old anti-abortion protester, vanished.\n\
         The great-uncle of 6-year-old shipwreck survivor Elian Gonzalez spoke.\n\
         The junta revoked a 12-year-old security pact with France.\n",
        "2000-02-24",
    );
    assert_eq!(of_kind(&got[0], "age"), vec![p("44-year-old", "P44Y")]);
    assert_eq!(of_kind(&got[1], "age"), vec![p("6-year-old", "P6Y")]);
    assert_eq!(of_kind(&got[2], "duration"), vec![p("12-year-old", "P12Y")]);
}

#[test]
fn a_deadline_past_a_clock_time() {
    // 2000-04-03 is a Monday: "until 9 a.m. Tuesday" is the next day.
    let got = values(
        "The INS has given the relatives until 9 a.m. Tuesday to sign.\n",
        "2000-04-03",
    );
    assert_eq!(of_kind(&got[0], "date"), vec![p("Tuesday", "2000-04-04")]);
    assert_eq!(
        of_kind(&got[0], "time"),
        vec![p("9 a.m.", "2000-04-04T09:00")]
    );
}

#[test]
fn names_titles_and_figures_of_speech_are_not_dates() {
    let r = "1998-10-25";
    for line in [
        "In his Sunday sermon at St. Patrick's Cathedral in New York, he spoke.",
        "Farkas set up a joint venture called Orion 1980, making space equipment.",
        "\"If I were choosing the people of tomorrow, I would choose them,\" he said.",
        "Baker, speaking on ABC News' \"This Week,\" said the request was welcome.",
    ] {
        let got = dates_in(line, r);
        assert!(
            got.iter()
                .all(|(t, _)| t == "Sunday" && line.contains("sermon")),
            "{line}: {got:?}"
        );
    }
}

#[test]
fn a_line_about_a_quarter_compares_with_that_quarter_a_year_before() {
    // The reference date 1989-11-02 falls in the fourth quarter: a report then speaks of
    // the third quarter, which ended on September 30.
    let r = "1989-11-02";
    assert_eq!(
        dates_in(
            "In the quarter, net income fell to $5 million from $90.5 million a year ago.",
            r
        ),
        vec![p("the quarter", "1989-Q3"), p("a year ago", "1988-Q3")]
    );
    assert_eq!(
        dates_in(
            "In the quarter, revenue was $4 million, up from $3 million a year earlier.",
            r
        ),
        vec![p("the quarter", "1989-Q3"), p("a year earlier", "1988-Q3")]
    );
    assert_eq!(
        dates_in(
            "In the quarter, profit fell 5% from the year-earlier period.",
            r
        ),
        vec![
            p("the quarter", "1989-Q3"),
            p("year-earlier period", "1988-Q3")
        ]
    );
    // A year named before "quarter" or "period": the quarter reported on, in that year.
    assert_eq!(
        dates_in(
            "Profit rose to $3 million from $2 million in the 1988 quarter.",
            r
        ),
        vec![p("the 1988 quarter", "1988-Q3")]
    );
    assert_eq!(
        dates_in(
            "Third-quarter net rose 10%, compared with the 1988 period.",
            r
        ),
        vec![
            p("Third-quarter", "1989-Q3"),
            p("the 1988 period", "1988-Q3")
        ]
    );
    // A share of something is no quarter of a year: "a year ago" is then the year.
    assert_eq!(
        dates_in("A quarter of the staff left a year ago.", r),
        vec![p("a year ago", "1988")]
    );
    assert_eq!(
        dates_in("Three quarters of the staff left a year earlier.", r),
        vec![p("a year earlier", "1988")]
    );
    // No quarter in the line: the year-earlier period is the year before.
    assert_eq!(
        dates_in("Revenue in the year-earlier period was $12 million.", r),
        vec![p("year-earlier period", "1988")]
    );
}

#[test]
fn last_year_beside_a_figure_in_a_line_about_a_quarter() {
    let r = "1989-11-02";
    // The figure of last year compared with the quarter's is that quarter's, a year back.
    assert_eq!(
        dates_in(
            "In the latest quarter, Aetna had a $23 million loss, compared with earnings of $33 million last year.",
            r
        ),
        vec![
            p("the latest quarter", "1989-Q3"),
            p("last year", "1988-Q3")
        ]
    );
    assert_eq!(
        dates_in(
            "Net sales for this year's third quarter were $14 million, down from $21.4 million last year.",
            r
        ),
        vec![
            p("this year's third quarter", "1989-Q3"),
            p("last year", "1988-Q3")
        ]
    );
    assert_eq!(
        dates_in("U.K. sales for last year's quarter were $5 million.", r),
        vec![p("last year's quarter", "1988-Q3")]
    );
    // "Last year" that opens a clause, or in a line about no quarter of a year, is the year.
    assert_eq!(
        dates_in(
            "Third-quarter profit fell, and last year the company sold a unit.",
            r
        ),
        vec![p("Third-quarter", "1989-Q3"), p("last year", "1988")]
    );
    assert_eq!(
        dates_in("A quarter of the staff earned $3 million last year.", r),
        vec![p("last year", "1988")]
    );
}

#[test]
fn the_year_a_line_speaks_of() {
    let r = "1989-11-02";
    // Ending its phrase, "the year" is the year under way ...
    assert_eq!(
        dates_in("For the year, pet food volume was flat.", r),
        vec![p("the year", "1989")]
    );
    assert_eq!(
        dates_in("Sales for the full year were $6.6 billion.", r),
        vec![p("the full year", "1989")]
    );
    assert_eq!(
        dates_in("It expects lower earnings for the fiscal year.", r),
        vec![p("the fiscal year", "1989")]
    );
    // ... or the year named before it on the line.
    assert_eq!(
        dates_in(
            "In 1987, the company lost money. For the year, sales fell 5%.",
            r
        ),
        vec![p("1987", "1987"), p("the year", "1987")]
    );
    // An accounting year, a year counted from another, a year a clause describes: no.
    assert_eq!(
        dates_in(
            "For the year ended Sept. 30, Ralston earned $422.5 million.",
            r
        ),
        vec![p("Sept. 30", "1989-09-30")]
    );
    assert_eq!(
        dates_in("The year after next will be hard.", r),
        vec![p("The year after next", "1991")]
    );
    assert_eq!(dates_in("He died in the year the war ended.", r), vec![]);
    // "The latest period" in a line about a quarter is the quarter just reported.
    assert_eq!(
        dates_in(
            "There were no one-time gains in the latest period, and the quarter was weak.",
            r
        ),
        vec![
            p("the latest period", "1989-Q3"),
            p("the quarter", "1989-Q3")
        ]
    );
}

#[test]
fn years_spoken_in_two_pairs_of_digits() {
    let r = "1998-02-27";
    assert_eq!(
        dates_in(
            "Atlanta nineteen ninety-six. A bomb blast shocks the Olympic games.",
            r
        ),
        vec![p("nineteen ninety-six", "1996")]
    );
    assert_eq!(
        dates_in("By nineteen ninety-seven the plan was dead.", r),
        vec![p("nineteen ninety-seven", "1997")]
    );
    assert_eq!(
        dates_in("The games of nineteen eighty were boycotted.", r),
        vec![p("nineteen eighty", "1980")]
    );
    // Counts: a number before a noun, hundreds, two numbers apart.
    assert_eq!(dates_in("It sold nineteen ninety-six cars.", r), vec![]);
    assert_eq!(dates_in("It had nineteen hundred workers.", r), vec![]);
    assert_eq!(dates_in("She was nineteen, he was twenty.", r), vec![]);
}

#[test]
fn an_hour_after_a_weekday_is_no_day_of_the_month() {
    // 1998-02-13 is a Friday: "Friday 6 p.m." is that day at six in the evening, not the
    // Friday on the sixth (February 6, 1998, also a Friday).
    let r = "1998-02-13";
    assert_eq!(
        dates_in("He arrived Friday 6 p.m. and left.", r),
        vec![p("Friday", "1998-02-13")]
    );
    assert_eq!(
        of_kind(&values("He arrived Friday 6pm and left.", r)[0], "time"),
        vec![p("6pm", "1998-02-13T18:00")]
    );
    // A day of a month followed by a word "a" stays a day.
    assert_eq!(
        dates_in("On Feb. 6 a bomb exploded.", r),
        vec![p("Feb. 6", "1998-02-06")]
    );
}

#[test]
fn a_future_seen_from_the_past_may_lie_just_behind_the_report() {
    // Written on Saturday 2000-01-15: the deadline of the day before, not of 2001.
    let r = "2000-01-15";
    assert_eq!(
        dates_in(
            "The relatives said they would look for ways to return the child by Jan. 14.",
            r
        ),
        vec![p("Jan. 14", "2000-01-14")]
    );
    // Ahead, or two weeks behind: the next one.
    assert_eq!(
        dates_in("The board will meet on Jan. 20.", r),
        vec![p("Jan. 20", "2000-01-20")]
    );
    assert_eq!(
        dates_in("The board will meet on Jan. 2.", r),
        vec![p("Jan. 2", "2001-01-02")]
    );
}

#[test]
fn last_and_next_before_a_month_and_day() {
    // Written on 1999-04-19.
    let r = "1999-04-19";
    assert_eq!(
        dates_in("The shooting happened last Oct. 23 in Amherst.", r),
        vec![p("last Oct. 23", "1998-10-23")]
    );
    assert_eq!(
        dates_in("The vote is set for next March 3.", r),
        vec![p("next March 3", "2000-03-03")]
    );
    // "past" a day is that day, read by its clause (here a past one).
    assert_eq!(
        dates_in("They kept the child past Jan. 14.", r),
        vec![p("Jan. 14", "1999-01-14")]
    );
    assert_eq!(
        dates_in("Sales rose last October.", r),
        vec![p("last October", "1998-10")]
    );
}

#[test]
fn a_weekday_something_was_put_off_to_lies_ahead() {
    // Written on Thursday 2000-03-30.
    let r = "2000-03-30";
    assert_eq!(
        dates_in(
            "Officials postponed until Tuesday any action on the case.",
            r
        ),
        vec![p("Tuesday", "2000-04-04")]
    );
    assert_eq!(
        dates_in("The vote was delayed to Friday.", r),
        vec![p("Friday", "2000-03-31")]
    );
    assert_eq!(
        dates_in("The talks were pushed back to Monday.", r),
        vec![p("Monday", "2000-04-03")]
    );
    // Nothing put off: a past clause keeps the weekday behind.
    assert_eq!(
        dates_in("They had filed reports by Wednesday.", r),
        vec![p("Wednesday", "2000-03-29")]
    );
    assert_eq!(
        dates_in("He stayed until Tuesday.", r),
        vec![p("Tuesday", "2000-03-28")]
    );
}

#[test]
fn the_first_or_last_two_quarters_are_a_half() {
    let r = "1989-10-26";
    assert_eq!(
        dates_in("Sales fell in the first two quarters of 1990.", r),
        vec![p("the first two quarters of 1990", "1990-H1")]
    );
    assert_eq!(
        dates_in("Profit rose in the last two quarters of 1989.", r),
        vec![p("the last two quarters of 1989", "1989-H2")]
    );
    // Begun by October 26: this year's first half.
    assert_eq!(
        dates_in("The first two quarters were weak.", r),
        vec![p("The first two quarters", "1989-H1")]
    );
    // Quarters of something else.
    assert_eq!(
        dates_in("The first two quarters of the pie were eaten.", r),
        vec![]
    );
}

#[test]
fn a_groups_ages_from_youngest_to_oldest_are_one_value() {
    let got = values(
        "The boys, aged between 11 and 16, were found.\n\
         Twelve boys, ages 11-17, and their coach.\n\
         The victims were between the ages of 20 and 45.\n\
         Ages 40 and 45 are given for the two men.\n",
        "2018-07-09",
    );
    assert_eq!(
        of_kind(&got[0], "age"),
        vec![p("aged between 11 and 16", "P11Y..P16Y")]
    );
    assert_eq!(of_kind(&got[1], "age"), vec![p("ages 11-17", "P11Y..P17Y")]);
    assert_eq!(
        of_kind(&got[2], "age"),
        vec![p("between the ages of 20 and 45", "P20Y..P45Y")]
    );
    // The count "Twelve" stays a count; "Ages 40 and 45" for two people are two ages, not
    // a range ("and" joins a range only after "between").
    assert_eq!(of_kind(&got[1], "count"), vec![p("Twelve", "12")]);
    assert_eq!(of_kind(&got[3], "age"), vec![], "{:?}", got[3]);
}
