//! A quick look at a whole line before it is tokenized: can it hold a value at all?
//!
//! In: a line. Out: `false` when the line has no digit, no numeric character ("½") and none
//! of the words a value can be made around (a month, a weekday, a unit of time, an ordinal,
//! a number word, a holiday, "today", "noon": [`Lex::anchors`](super::lexicon::Lex::anchors)).
//! Every recognizer needs one of those: an amount holds a number, a date a number or a
//! calendar word, a duration a unit. Words such as "the", "last" or "about" only join them.
//! In news text about half the lines have none, and this one byte scan spares them the
//! tokenizer and every recognizer.

use std::sync::OnceLock;

use super::lexicon;
use super::wordtable::WordTable;

/// The anchor words, each with whether it anchors only with a capital ("May").
fn anchors() -> &'static WordTable<bool> {
    static TABLE: OnceLock<WordTable<bool>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The scan below cuts words at apostrophes ("mother's" is "mother", "s"), so a word
        // with one is looked up by its first part.
        let mut words: std::collections::BTreeMap<&str, bool> = Default::default();
        for (w, cap) in lexicon::anchor_words() {
            if let Some(w) = w.split(['\'', '\u{2019}']).next().filter(|w| !w.is_empty()) {
                // Two table words with the same first part: the capital is needed only if
                // both need it.
                *words.entry(w).or_insert(cap) &= cap;
            }
        }
        WordTable::new(words)
    })
}

/// Whether `line` may hold a value. `false` is certain; `true` only says "look closer".
pub fn may_hold_value(line: &str) -> bool {
    let table = anchors();
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let start = i;
            i += 1;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            if table
                .get_letters_at(b, start, i - start)
                .is_some_and(|ambiguous| lexicon::anchors_as_written(true, ambiguous, b[start]))
            {
                return true;
            }
            continue;
        }
        if c.is_ascii_digit() {
            return true;
        }
        if c >= 0x80 {
            // "½", "¾", digits of other scripts. A non-ASCII letter glued to a word splits
            // it here ("Zürich" is "Z", "rich"), which can only say "look closer" more often.
            if line[i..].chars().next().is_some_and(char::is_numeric) {
                return true;
            }
            i += line[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_without_digits_or_calendar_words_hold_nothing() {
        for line in [
            "",
            "The soldiers said the president was held in the palace.",
            "It happened earlier, and the whole of it later.",
            "About as many as the last time, give or take.",
            "Zürich’s café owners met the mayor.",
            "It may rain, and the new black coat may help.",
        ] {
            assert!(!may_hold_value(line), "{line}");
        }
    }

    #[test]
    fn any_digit_or_anchor_word_means_look_closer() {
        for line in [
            "Troops: 1100",
            "since July",
            "on MONDAY",
            "a dozen soldiers",
            "hundreds of people",
            "three weeks",
            "the first time",
            "at noon",
            "at midnight",
            "yesterday",
            "this workweek",
            "Christmas",
            "on Mother’s Day",
            "since May",
            "on St Patrick's",
            "½ an hour",
            "thousands fled",
            // Vague references and seasons are values too.
            "in the past",
            "right now",
            "last fall",
            "the quarter",
        ] {
            assert!(may_hold_value(line), "{line}");
        }
    }
}
