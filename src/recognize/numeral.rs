//! Numbers as written: digits with separators and decimals ("1,100", "12.5"), scale words
//! ("1.5 million", "12.5k", "$1.2bn") and number words ("six", "twenty-five", "two hundred",
//! "a dozen"). Shared by every recognizer that needs an amount.

use super::token::{TokKind, Token};

/// A number read from tokens `start..end` (token indices, end exclusive).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Numeral {
    pub value: f64,
    pub start: usize,
    pub end: usize,
    /// Written in words ("six", "a dozen") rather than digits.
    pub words: bool,
    /// Digits only, no separator, no decimal, no scale: could be a year, an id, a list number.
    pub bare_integer: bool,
    /// A scale word or suffix followed ("million", "bn", "k").
    pub scaled: bool,
}

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Scale words and the abbreviations that stand for them after digits.
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

const SUFFIXES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
];

fn lookup(table: &[(&str, f64)], word: &str) -> Option<f64> {
    table
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

/// Value of a single number word below one hundred ("six", "twenty"), if it is one.
pub fn small_word(word: &str) -> Option<f64> {
    lookup(UNITS, word).or_else(|| lookup(TENS, word))
}

/// Value of a scale word ("million"), if it is one.
pub fn scale_word(word: &str) -> Option<f64> {
    lookup(SCALES, word).or_else(|| {
        // Plural scale words only scale after a number: "two hundreds" is rare; accept anyway.
        word.strip_suffix(['s', 'S'])
            .and_then(|w| lookup(SCALES, w))
    })
}

/// Reads a number starting at token `i`, if one starts there.
pub fn parse(line: &str, toks: &[Token], i: usize) -> Option<Numeral> {
    let t = toks.get(i)?;
    match t.kind {
        TokKind::Num => parse_digits(line, toks, i),
        TokKind::Word => parse_words(line, toks, i),
        TokKind::Punct => None,
    }
}

fn parse_digits(line: &str, toks: &[Token], i: usize) -> Option<Numeral> {
    let first = toks[i].text(line);
    let mut digits = String::from(first);
    let mut j = i + 1;
    let mut grouped = false;
    // Thousands separators: "1,100,000" (groups of exactly three digits, no spaces).
    if first.len() <= 3 {
        while j + 1 < toks.len()
            && toks[j].is_punct(line, ',')
            && !toks[j].space_before
            && toks[j + 1].is_num()
            && !toks[j + 1].space_before
            && toks[j + 1].span.len() == 3
        {
            digits.push_str(toks[j + 1].text(line));
            j += 2;
            grouped = true;
        }
    }
    let mut decimal = false;
    if j + 1 < toks.len()
        && toks[j].is_punct(line, '.')
        && !toks[j].space_before
        && toks[j + 1].is_num()
        && !toks[j + 1].space_before
    {
        digits.push('.');
        digits.push_str(toks[j + 1].text(line));
        j += 2;
        decimal = true;
    }
    let mut value: f64 = digits.parse().ok()?;
    let mut scaled = false;
    if let Some(t) = toks.get(j).filter(|t| t.is_word()) {
        let w = t.text(line);
        if t.space_before {
            if let Some(s) = lookup(SCALES, w) {
                value *= s;
                j += 1;
                scaled = true;
            }
        } else if let Some(s) = lookup(SUFFIXES, w) {
            value *= s;
            j += 1;
            scaled = true;
        }
    }
    Some(Numeral {
        value,
        start: i,
        end: j,
        words: false,
        bare_integer: !grouped && !decimal && !scaled,
        scaled,
    })
}

fn parse_words(line: &str, toks: &[Token], i: usize) -> Option<Numeral> {
    let w = toks[i].text(line);
    // "a dozen", "a hundred", "a million"
    if (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("one"))
        && let Some(n) = toks.get(i + 1).filter(|t| t.is_word())
    {
        let nw = n.text(line);
        if nw.eq_ignore_ascii_case("dozen") {
            return Some(word_numeral(12.0, i, i + 2));
        }
        if w.eq_ignore_ascii_case("a") {
            if let Some(s) = lookup(SCALES, nw) {
                return Some(word_numeral(s, i, i + 2));
            }
            return None;
        }
    }
    if w.eq_ignore_ascii_case("dozen") {
        return None;
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut j = i;
    let mut any = false;
    while j < toks.len() {
        let t = &toks[j];
        if !t.is_word() {
            // "twenty-five": a hyphen joins tens and units.
            if any
                && t.is_punct(line, '-')
                && !t.space_before
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.is_word() && !n.space_before)
                && lookup(UNITS, toks[j + 1].text(line)).is_some()
            {
                j += 1;
                continue;
            }
            break;
        }
        let tw = t.text(line);
        if let Some(v) = small_word(tw) {
            current += v;
        } else if let Some(s) = lookup(SCALES, tw).filter(|_| any) {
            if s == 100.0 {
                current = current.max(1.0) * s;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
        } else if any && tw.eq_ignore_ascii_case("and") {
            // "two hundred and five": only when a number word follows.
            if toks
                .get(j + 1)
                .is_some_and(|n| small_word(n.text(line)).is_some())
            {
                j += 1;
                continue;
            }
            break;
        } else {
            break;
        }
        any = true;
        j += 1;
    }
    if !any {
        return None;
    }
    Some(word_numeral(total + current, i, j))
}

fn word_numeral(value: f64, start: usize, end: usize) -> Numeral {
    Numeral {
        value,
        start,
        end,
        words: true,
        bare_integer: false,
        scaled: false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn num(s: &str) -> Option<(f64, String)> {
        let toks = tokenize(s);
        parse(s, &toks, 0).map(|n| {
            let text = &s[toks[n.start].span.start..toks[n.end - 1].span.end];
            (n.value, text.to_string())
        })
    }

    #[test]
    fn digits_with_separators_and_scales() {
        assert_eq!(num("1,100 troops"), Some((1100.0, "1,100".into())));
        assert_eq!(
            num("1.5 million people"),
            Some((1_500_000.0, "1.5 million".into()))
        );
        assert_eq!(num("12.5k views"), Some((12_500.0, "12.5k".into())));
        assert_eq!(num("2.5bn"), Some((2_500_000_000.0, "2.5bn".into())));
        // "1,10" is not a thousands group.
        assert_eq!(num("1,10"), Some((1.0, "1".into())));
    }

    #[test]
    fn number_words() {
        assert_eq!(num("six years"), Some((6.0, "six".into())));
        assert_eq!(num("twenty-five men"), Some((25.0, "twenty-five".into())));
        assert_eq!(
            num("two hundred and five"),
            Some((205.0, "two hundred and five".into()))
        );
        assert_eq!(num("a dozen eggs"), Some((12.0, "a dozen".into())));
        assert_eq!(
            num("three million"),
            Some((3_000_000.0, "three million".into()))
        );
        assert_eq!(num("a man"), None);
    }
}
