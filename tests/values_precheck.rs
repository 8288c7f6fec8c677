//! `recognize` skips what cannot hold a value: lines with no anchor (`recognize::anchor`)
//! and tokens too far before the next one. It must never change what is found: on every
//! line of the project's own texts, on every pair of vocabulary words and on random
//! sentences made of the recognizers' own vocabulary, `recognize` and
//! `recognize_exhaustive` (which skips nothing) must return the same values.

use claimdiff::recognize::{Context, anchor, recognize, recognize_exhaustive};
use proptest::prelude::*;

fn contexts() -> [Context; 2] {
    [
        Context { reference: None },
        Context {
            reference: Some(jiff::civil::date(2024, 4, 27)),
        },
    ]
}

/// Lines of the demo corpus, the test corpus and the rule files (whose examples are
/// sentences written to hold values).
fn project_lines() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut lines = Vec::new();
    for dir in ["seeds", "tests/corpus/ferry", "claims", "rules/builtin"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|e| e.expect("directory entry").path())
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p:?}: {e}"));
            lines.extend(text.lines().map(str::to_string));
        }
    }
    lines
}

/// Phrases where the only word a value is made around is easy to miss: a part of the day,
/// a named hour, a holiday, a vulgar fraction, a vague plural, a keyword.
const TRICKY: &[&str] = &[
    "We met this morning and again this evening.",
    "The vote is at noon; results by midnight.",
    "It ends this workweek, not next workweek.",
    "Rescuers worked through Christmas Eve and New Year's Eve.",
    "The talks lasted ½ hour.",
    "Dozens were hurt and thousands fled; tens of thousands marched.",
    "A fortnight ago, a dozen soldiers left for decades.",
    "It happened yesterday, not today or tomorrow; tonight is calm.",
    "On Mother’s Day the first convoy arrived.",
    "nineteen eighty-four",
    "Several hundred people and a few thousand others",
    // Long lead-ins before the first anchor word: readers may not skip their first words.
    "They stayed for the whole of the following week.",
    "It will be done earlier in the week, or later in the year.",
    "It took a couple of months, from mid-to-late 2023.",
    "Talks resume this upcoming Friday, not this past Wednesday.",
    // Holidays named by one word, or by a first word and a calendar word.
    "Parades on St Patrick's and at Easter, sales on Black Friday and Labor Day.",
    "In May they said it may rain on New Year's Day.",
];

#[test]
fn the_precheck_changes_nothing_on_the_project_texts() {
    let lines = project_lines();
    let mut found = 0;
    let mut skipped = 0;
    for ctx in contexts() {
        for line in lines
            .iter()
            .map(String::as_str)
            .chain(TRICKY.iter().copied())
        {
            let with = recognize(line, &ctx);
            assert_eq!(with, recognize_exhaustive(line, &ctx), "{line}");
            found += with.len();
            skipped += usize::from(!anchor::may_hold_value(line));
        }
    }
    // Both halves of the check are exercised: many values found, many lines skipped.
    assert!(found > 200, "only {found} values found");
    assert!(skipped > 100, "only {skipped} lines skipped");
    for line in TRICKY {
        assert!(!recognize(line, &contexts()[1]).is_empty(), "{line}");
    }
}

/// Words for random sentences: the date vocabulary (every word of `data/date_words.tsv`),
/// number and qualifier words, named hours, and common words that hold no value.
fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = include_str!("../data/date_words.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .map(str::to_string)
        .collect();
    for w in [
        "one",
        "twelve",
        "twenty",
        "hundred",
        "million",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "half",
        "quarter",
        "point",
        "about",
        "nearly",
        "more",
        "than",
        "least",
        "up",
        "to",
        "between",
        "minus",
        "magnitude",
        "several",
        "few",
        "percent",
        "per",
        "cent",
        "dollars",
        "euros",
        "km",
        "miles",
        "tons",
        "noon",
        "midnight",
        "midday",
        "morning",
        "evening",
        "afternoon",
        "o'clock",
        "pm",
        "a.m.",
        "soldiers",
        "said",
        "president",
        "capital",
        "were",
        "held",
        "killed",
        "troops",
        "Niger",
        "base",
        "US",
        "U.S.",
        "Zürich",
        "1",
        "26",
        "2023",
        "1,100",
        "12.5",
        "3:45",
        "'90s",
        "½",
        "$",
        "€",
        "%",
        "-",
        ",",
        ".",
        "(",
        ")",
        "’s",
        "'s",
    ] {
        words.push(w.to_string());
    }
    words
}

#[test]
fn the_precheck_changes_nothing_on_any_two_words() {
    let vocab = vocabulary();
    let ctx = contexts()[1];
    let mut found = 0;
    for a in &vocab {
        for b in &vocab {
            // Lower case, and the second word capitalized: "may" and "May" differ.
            let mut cap = b.chars();
            let cap: String = cap
                .next()
                .map(|f| f.to_uppercase().chain(cap).collect())
                .unwrap_or_default();
            for line in [format!("{a} {b}"), format!("{a} {cap}")] {
                let with = recognize(&line, &ctx);
                assert_eq!(with, recognize_exhaustive(&line, &ctx), "{line}");
                found += with.len();
            }
        }
    }
    assert!(found > 10_000, "only {found} values found");
}

/// The words the pre-check passes over make no value together, up to three at a time:
/// "at the time", "later that", "in the end" hold none.
#[test]
fn words_that_anchor_nothing_make_no_value_together() {
    let idle: Vec<String> = vocabulary()
        .into_iter()
        .filter(|w| !anchor::may_hold_value(w))
        .collect();
    assert!(idle.len() > 60, "{idle:?}");
    let ctx = contexts()[1];
    for a in &idle {
        for b in &idle {
            for c in &idle {
                let line = format!("{a} {b} {c}");
                assert_eq!(recognize_exhaustive(&line, &ctx), [], "{line}");
            }
        }
    }
}

fn sentence() -> impl Strategy<Value = String> {
    let vocab = vocabulary();
    prop::collection::vec((0..vocab.len(), 0..4u8), 1..14).prop_map(move |picks| {
        let mut s = String::new();
        for (k, style) in picks {
            let w = &vocab[k];
            // Spaces or none, and capitals, as text has them.
            match style {
                0 => s.push_str(w),
                1 => {
                    s.push(' ');
                    s.push_str(w);
                }
                2 => {
                    s.push(' ');
                    let mut c = w.chars();
                    if let Some(f) = c.next() {
                        s.extend(f.to_uppercase());
                        s.push_str(c.as_str());
                    }
                }
                _ => {
                    s.push(' ');
                    s.push_str(&w.to_uppercase());
                }
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn the_precheck_changes_nothing_on_random_sentences(line in sentence()) {
        for ctx in contexts() {
            prop_assert_eq!(recognize(&line, &ctx), recognize_exhaustive(&line, &ctx), "{}", line);
        }
    }
}
