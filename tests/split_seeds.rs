//! `claimdiff split` run on the demo corpus in `seeds/`: sentences worked out by hand from
//! reading the files, and jsonl spans checked against the files' bytes.

use assert_cmd::Command;
use serde_json::Value;

struct Record {
    source: String,
    start: usize,
    end: usize,
    text: String,
}

fn split_jsonl(args: &[&str]) -> Vec<Record> {
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .args(["split", "--keep-boilerplate", "--format", "jsonl"])
        .args(args)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            Record {
                source: v["source"].as_str().unwrap().to_string(),
                start: v["start"].as_u64().unwrap() as usize,
                end: v["end"].as_u64().unwrap() as usize,
                text: v["text"].as_str().unwrap().to_string(),
            }
        })
        .collect()
}

fn sentences_of(file: &str) -> Vec<String> {
    split_jsonl(&[&format!("seeds/{file}")])
        .into_iter()
        .map(|r| r.text)
        .collect()
}

/// The sentences of `file` from the one equal to `first`, as many as `expected` holds.
fn assert_run(file: &str, expected: &[&str]) {
    let got = sentences_of(file);
    let at = got
        .iter()
        .position(|s| s == expected[0])
        .unwrap_or_else(|| panic!("{file}: no sentence {:?}\ngot: {got:#?}", expected[0]));
    let run: Vec<&str> = got[at..]
        .iter()
        .take(expected.len())
        .map(String::as_str)
        .collect();
    assert_eq!(run, expected, "{file}");
}

#[test]
fn us_secretary_of_state_sentence_is_whole() {
    // seeds/000 line 41: "U.S." before "Secretary" is a modifier, not a sentence end.
    assert_run(
        "000_7dc69aba4544f3da.txt",
        &[
            "The United States, and the United Nations have strongly condemned the putsch.",
            "U.S. Secretary of State Antony Blinken on Thursday called for the immediate release of Niger's leader.",
        ],
    );
}

#[test]
fn date_line_and_headline_are_segments() {
    // seeds/000 opens with a date line and a headline, each set off by blank lines, no period.
    let got = sentences_of("000_7dc69aba4544f3da.txt");
    assert_eq!(
        &got[..2],
        [
            "Saturday, April 27, 2024",
            "Niger Coup Helps Russia – US Ally Key To Fighting Jihadists In West Africa",
        ]
    );
}

#[test]
fn related_insert_is_its_own_segment() {
    // seeds/000 line 15: the insert follows a sentence on the same line, ends the paragraph.
    assert_run(
        "000_7dc69aba4544f3da.txt",
        &[
            "Since 2021, when President Bazoum came to office, terrorist attacks have claimed the lives of at least 500 people.",
            "(RELATED: Sudan Headed For ‘Full-Scale Civil War' – Will It Spread?)",
            "Niger has become Europe's protection against jihadis – and Islamic State-linked terrorists from the north and west and fundamentalists from the south.",
        ],
    );
}

#[test]
fn question_ends_a_sentence_mid_paragraph() {
    // seeds/000 line 7.
    assert_run(
        "000_7dc69aba4544f3da.txt",
        &[
            "The mutinous soldiers have detained the recently elected president.",
            "Why does this matter?",
        ],
    );
}

#[test]
fn general_title_and_curly_quote_comma() {
    // seeds/001 lines 11 and 17: "Gen." before a name; a quote closing on a comma continues.
    assert_run(
        "001_9551c4fa774fa2f7.txt",
        &[
            "The U.S. hopes to prevent the overthrow of Nigerien President Mahmoud Bazoum, despite the announcement by Gen. Abdourahmane Tchiani that he has seized power.",
            "The political crisis in Niger carries significant implications, as the withdrawal of American troops could create a power vacuum that terrorist organizations may exploit.",
        ],
    );
    assert_run(
        "001_9551c4fa774fa2f7.txt",
        &[
            "Gen. Tchiani’s coup has drawn condemnation from the African Union and Western powers, while Russian authorities have taken a more ambiguous stance.",
            "Russian Foreign Minister Sergey Lavrov referred to it as “an anti-constitutional act,” but also drew parallels to the Ukrainian movement in 2014.",
        ],
    );
}

#[test]
fn money_and_parenthesized_acronym_inside_sentences() {
    // seeds/002 lines 9 and 17; both paragraphs end in two trailing spaces.
    assert_run(
        "002_8d2d09947abc71a3.txt",
        &[
            "The country has also stepped away from regional organizations like the Economic Community of West African States (ECOWAS) and the French-backed G5 Sahel force.",
            "Both organizations have condemned the military takeover in Niger.",
            "Niger, along with Burkina Faso and Mali, which have also experienced coups in recent years, have formed their own security alliance, the Alliance of Sahel States.",
        ],
    );
    assert_run(
        "002_8d2d09947abc71a3.txt",
        &[
            "The $100 million military base in Niger, built just six years ago, served as a critical hub for US operations in the Sahel.",
            "The base facilitated intelligence gathering and collaboration with French forces engaged in counterterrorism efforts.",
            "The US decision likely reflects concerns over the growing Russian influence in Niger.",
        ],
    );
}

#[test]
fn sentence_ending_inside_a_closing_quote() {
    // seeds/003 line 22: the period sits inside the closing curly quote.
    assert_run(
        "003_553c38acbd687d2c.txt",
        &[
            "Colonel Amadou Abdramane accused the US of trying to control Niger in its choice of allies and the “types of partnerships capable of truly helping them fight against terrorism.”",
            "The US responded to the allegations and remained that they were only expressing concerns about Niger’s newly found relations with Russia and Iran.",
        ],
    );
}

#[test]
fn inline_label_after_a_sentence_is_split_off() {
    // seeds/004 line 13: "Advertisement" trails a sentence on the same line.
    assert_run(
        "004_714decb69a1886d8.txt",
        &[
            "U.S. Deputy Secretary of State Kurt Campbell met with Niger’s Prime Minister Ali Lamine Zeine on Friday to formalize the end of the United State’s military presence in the country.",
            "Advertisement",
            "The announcement comes a month after Niger’s military junta revoked a 12-year-old security pact with Washington that allowed U.S. forces on Nigerian soil to combat Islamist terrorists in the region.",
        ],
    );
}

#[test]
fn jsonl_spans_slice_the_original_files() {
    let records = split_jsonl(&["seeds"]);
    assert!(records.len() > 150, "{} sentences", records.len());
    let mut files: Vec<String> = records.iter().map(|r| r.source.clone()).collect();
    files.dedup();
    assert_eq!(files.len(), 5, "{files:?}");
    for file in &files {
        let bytes = std::fs::read(format!("seeds/{file}")).unwrap();
        let mut last_end = 0;
        for r in records.iter().filter(|r| &r.source == file) {
            assert!(
                last_end <= r.start && r.start < r.end,
                "{file}: {}..{}",
                r.start,
                r.end
            );
            let slice = std::str::from_utf8(&bytes[r.start..r.end]).unwrap();
            assert_eq!(slice, r.text, "{file}: {}..{}", r.start, r.end);
            assert_eq!(slice.trim(), slice);
            last_end = r.end;
        }
    }
}

#[test]
fn text_format_folds_line_breaks() {
    // Hard-wrapped lines join into one sentence, printed on one line.
    Command::cargo_bin("claimdiff")
        .unwrap()
        .args(["split", "--keep-boilerplate", "--format", "text", "-"])
        .write_stdin("Troops left the\r\nbase on Monday.\nThey flew north.\n\nAftermath\n")
        .assert()
        .success()
        .stdout("Troops left the base on Monday.\nThey flew north.\nAftermath\n");
}
