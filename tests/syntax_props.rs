//! Properties of the syntax stage on arbitrary text: every word span slices the text on
//! character boundaries, words are in order and do not overlap, and every sentence's analysis
//! is a tree (exactly one word on the root, every word reaches the root, no cycles).

use claimdiff::syntax::{self, Scratch, Tokens};
use proptest::prelude::*;

fn check(text: &str) -> Result<(), TestCaseError> {
    let model = syntax::model().expect("the built-in model loads");
    let toks = Tokens::of(text);
    let mut last = 0;
    for w in &toks.words {
        prop_assert!(w.span.start >= last && w.span.start < w.span.end && w.span.end <= text.len());
        prop_assert!(text.is_char_boundary(w.span.start) && text.is_char_boundary(w.span.end));
        last = w.span.end;
    }
    let a = model.analyze(text, &mut Scratch::default());
    prop_assert_eq!(a.words.len(), toks.words.len());
    if a.words.is_empty() {
        return Ok(());
    }
    prop_assert_eq!(a.words.iter().filter(|w| w.head == 0).count(), 1);
    for i in 0..a.words.len() {
        let mut at = i + 1;
        let mut steps = 0;
        while at != 0 {
            prop_assert!(at <= a.words.len());
            at = a.words[at - 1].head;
            steps += 1;
            prop_assert!(steps <= a.words.len(), "cycle through word {}", i + 1);
        }
    }
    Ok(())
}

const WORDS: &[&str] = &[
    "the", "The", "U.S.", "didn't", "Niger's", "1,000", "3.5", "people", "killed", "said", "in",
    ",", ".", "one", "$", "5", "million", "“", "”", "—", "...", "Gen.", "MH17", "10th", "can’t",
    "(", ")", "é", "🙂", "\u{a0}", "-", "'s", "a.m.",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_unicode_text(text in "\\PC{0,200}") {
        check(&text)?;
    }

    #[test]
    fn word_soup(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..120), glue in proptest::collection::vec(any::<bool>(), 120)) {
        let mut text = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 && !glue[i] {
                text.push(' ');
            }
            text.push_str(w);
        }
        check(&text)?;
    }
}

#[test]
fn empty_and_blank_text_have_no_words() {
    let model = syntax::model().unwrap();
    for t in ["", "   ", "\n\n"] {
        assert!(model.analyze(t, &mut Scratch::default()).words.is_empty());
    }
}
