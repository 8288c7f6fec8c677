//! Numbers as written, read from tokens: digits with separators and decimals ("1,100",
//! "1 234 567", "12,34,567.89", "12.5", ".08"), scale words and suffixes ("1.5 million",
//! "12.5k", "$1.2bn", "13 lakh", "3 dozens"), number words ("six", "twenty-five",
//! "two hundred and five", "a dozen", "half a dozen", "quarter million", "nine point nought
//! four") and mixes of both ("4 thousand 3 hundred and 21").
//!
//! In: a line, its tokens and the index of the token to start at. Out: a [`Numeral`] (value
//! and the tokens it covers) or nothing. It only reads numbers; whether a number is a count,
//! a year or an identifier is for the recognizers to decide. Number words are looked up
//! in a [`WordTable`], one probe per word.

use std::sync::OnceLock;

use super::token::{TokKind, Token};
use super::wordtable::WordTable;

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
    /// A scale word or suffix followed ("million", "bn", "k", "dozen").
    pub scaled: bool,
    /// Has a decimal part ("12.5", "two point five").
    pub decimal: bool,
    /// Significant digits as written ("80" → 1, "1,100" → 2, "12.50" → 4); words count as 2.
    pub sig_digits: u8,
}

/// What a word means to a number.
#[derive(Clone, Copy, Debug, PartialEq)]
enum NumWord {
    /// zero..nineteen.
    Unit(f64),
    /// twenty..ninety.
    Tens(f64),
    /// hundred, thousand, million, ..., lakh, crore.
    Scale(f64),
    /// dozen: multiplies what precedes.
    Dozen,
    /// half, quarter: a fraction that needs a scale after it.
    Fraction(f64),
    /// quarters: "three quarters billion".
    Quarters,
    Point,
    And,
    /// "a": one of what follows, when a scale follows.
    A,
}

/// Lowercases an ASCII word into `buf`; `None` when it is too long or not ASCII, which no
/// number word is. Bytes, not `str`, so matching costs no UTF-8 check.
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..b.len()])
}

fn num_word(word: &str) -> Option<NumWord> {
    let mut buf = [0u8; 24];
    num_word_lower(lower(word, &mut buf)?)
}

/// Every number word and what it means to a number.
const NUM_WORDS: &[(&str, NumWord)] = {
    use NumWord::*;
    &[
        ("zero", Unit(0.0)),
        ("nought", Unit(0.0)),
        ("naught", Unit(0.0)),
        ("one", Unit(1.0)),
        ("two", Unit(2.0)),
        ("three", Unit(3.0)),
        ("four", Unit(4.0)),
        ("five", Unit(5.0)),
        ("six", Unit(6.0)),
        ("seven", Unit(7.0)),
        ("eight", Unit(8.0)),
        ("nine", Unit(9.0)),
        ("ten", Unit(10.0)),
        ("eleven", Unit(11.0)),
        ("twelve", Unit(12.0)),
        ("thirteen", Unit(13.0)),
        ("fourteen", Unit(14.0)),
        ("fifteen", Unit(15.0)),
        ("sixteen", Unit(16.0)),
        ("seventeen", Unit(17.0)),
        ("eighteen", Unit(18.0)),
        ("nineteen", Unit(19.0)),
        ("twenty", Tens(20.0)),
        ("thirty", Tens(30.0)),
        ("forty", Tens(40.0)),
        ("fifty", Tens(50.0)),
        ("sixty", Tens(60.0)),
        ("seventy", Tens(70.0)),
        ("eighty", Tens(80.0)),
        ("ninety", Tens(90.0)),
        ("hundred", Scale(1e2)),
        ("thousand", Scale(1e3)),
        ("million", Scale(1e6)),
        ("billion", Scale(1e9)),
        ("trillion", Scale(1e12)),
        ("lakh", Scale(1e5)),
        ("lakhs", Scale(1e5)),
        ("lac", Scale(1e5)),
        ("lacs", Scale(1e5)),
        ("crore", Scale(1e7)),
        ("crores", Scale(1e7)),
        ("dozen", Dozen),
        ("dozens", Dozen),
        ("dz", Dozen),
        ("dzs", Dozen),
        ("doz", Dozen),
        ("dozs", Dozen),
        ("half", Fraction(0.5)),
        ("quarter", Fraction(0.25)),
        ("quarters", Quarters),
        ("point", Point),
        ("and", And),
        ("a", A),
    ]
};

fn num_word_lower(w: &[u8]) -> Option<NumWord> {
    static TABLE: OnceLock<WordTable<NumWord>> = OnceLock::new();
    TABLE
        .get_or_init(|| WordTable::new(NUM_WORDS.iter().copied()))
        .get(w)
}

/// The words that make a number on their own or with others ("six", "hundred", "dozen",
/// "half"); not "a", "and" or "point", which need a number word next to them.
pub(crate) fn numeric_words() -> impl Iterator<Item = &'static str> {
    NUM_WORDS
        .iter()
        .filter(|(_, n)| !matches!(n, NumWord::A | NumWord::And | NumWord::Point))
        .map(|(w, _)| *w)
}

/// Value of a single number word below one hundred ("six", "twenty"), if it is one.
pub fn small_word(word: &str) -> Option<f64> {
    match num_word(word)? {
        NumWord::Unit(v) | NumWord::Tens(v) => Some(v),
        _ => None,
    }
}

/// Value of a scale word ("million", also "millions"), if it is one.
pub fn scale_word(word: &str) -> Option<f64> {
    match num_word(word) {
        Some(NumWord::Scale(s)) => Some(s),
        _ => word
            .strip_suffix(['s', 'S'])
            .and_then(num_word)
            .and_then(|n| match n {
                NumWord::Scale(s) => Some(s),
                _ => None,
            }),
    }
}

/// Whether a word can start a number ("six", "twenty", "a", "half", "nought").
pub fn starts_number(word: &str) -> bool {
    let mut buf = [0u8; 24];
    lower(word, &mut buf).is_some_and(starts_number_lower)
}

/// [`starts_number`] for a word already lowercased.
pub(crate) fn starts_number_lower(word: &[u8]) -> bool {
    matches!(
        num_word_lower(word),
        Some(NumWord::Unit(_) | NumWord::Tens(_) | NumWord::A | NumWord::Fraction(_))
    )
}

/// Suffixes glued to digits ("12.5k", "$250m", "1.2bn", "10G") and what they multiply by.
fn glued_suffix(word: &str) -> Option<f64> {
    Some(match word {
        // "€880million": British papers glue the whole word too.
        "k" | "K" | "thousand" => 1e3,
        "m" | "M" | "mn" | "Mn" | "MN" | "mln" | "Mln" | "mil" | "million" => 1e6,
        "b" | "B" | "bn" | "Bn" | "BN" | "bln" | "Bln" | "G" | "billion" => 1e9,
        "tn" | "Tn" | "trn" | "tln" | "T" | "trillion" => 1e12,
        _ => return None,
    })
}

/// Suffixes that may follow digits after a space. Single letters only after a number with a
/// separator or decimal ("2.33 k", "1,674.5 G"), where they cannot be a unit such as metres.
fn spaced_suffix(word: &str, marked: bool) -> Option<f64> {
    match word {
        "mn" | "mln" | "bn" | "bln" | "tn" | "trn" | "tln" => glued_suffix(word),
        "k" | "K" | "M" | "G" if marked => glued_suffix(word),
        _ => None,
    }
}

/// Reads a number starting at token `i`, if one starts there.
pub fn parse(line: &str, toks: &[Token], i: usize) -> Option<Numeral> {
    let t = toks.get(i)?;
    match t.kind {
        TokKind::Num | TokKind::Word => Reader::new(line, toks).read(i),
        TokKind::Punct => {
            // ".08": a decimal with no integer part.
            let glued_before = i > 0 && !t.space_before && toks[i - 1].kind != TokKind::Punct;
            if t.is_punct(line, '.')
                && !glued_before
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.is_num() && !n.space_before)
            {
                Reader::new(line, toks).read(i)
            } else {
                None
            }
        }
    }
}

/// One atom of a number: digits (with their own separators and suffix) or a word.
#[derive(Clone, Copy, Debug)]
struct Atom {
    kind: AtomKind,
    end: usize,
}

#[derive(Clone, Copy, Debug)]
enum AtomKind {
    Digits(Digits),
    Word(NumWord),
}

#[derive(Clone, Copy, Debug)]
struct Digits {
    value: f64,
    grouped: bool,
    decimal: bool,
    sig: u8,
    /// Multiplier of a suffix read with the digits ("k", "bn"), if any.
    suffix: Option<f64>,
}

struct Reader<'a> {
    line: &'a str,
    toks: &'a [Token],
}

/// The state of a number being composed: `total` holds the finished groups of thousands and
/// above, `current` the group under way.
#[derive(Clone, Copy, Debug)]
struct State {
    total: f64,
    current: f64,
    end: usize,
    /// The smallest scale of a thousand or more applied so far; later groups must be smaller.
    last_big: f64,
    /// The current group already has a hundred or dozen in it.
    group_scaled: bool,
    /// The last atom was a scale (so a multiplying scale may follow: "lakh crore").
    after_scale: bool,
    /// The last atom was a tens word (so a unit word may join it: "forty five").
    after_tens: bool,
    /// The scale that the next plain value must stay under ("thousand" then "3").
    under: f64,
    words: bool,
    scaled: bool,
    decimal: bool,
    grouped: bool,
    sig: u8,
    atoms: u32,
}

impl<'a> Reader<'a> {
    fn new(line: &'a str, toks: &'a [Token]) -> Self {
        Reader { line, toks }
    }

    fn text(&self, i: usize) -> &'a str {
        self.toks[i].text(self.line)
    }

    fn read(&self, i: usize) -> Option<Numeral> {
        let first = self.atom(i, true)?;
        let mut st = State {
            total: 0.0,
            current: 0.0,
            end: first.end,
            last_big: f64::INFINITY,
            group_scaled: false,
            after_scale: false,
            after_tens: false,
            under: f64::INFINITY,
            words: false,
            scaled: false,
            decimal: false,
            grouped: false,
            sig: 0,
            atoms: 1,
        };
        match first.kind {
            AtomKind::Digits(d) => {
                st.current = d.value;
                st.decimal = d.decimal;
                st.grouped = d.grouped;
                st.sig = d.sig;
                if let Some(s) = d.suffix {
                    st.current *= s;
                    st.scaled = true;
                    // A glued suffix ends the number: "12.5k" does not take "three" after it.
                    return Some(self.finish(&st, i));
                }
            }
            AtomKind::Word(w) => {
                st.words = true;
                st.sig = 2;
                match w {
                    NumWord::Unit(v) => st.current = v,
                    NumWord::Tens(v) => {
                        st.current = v;
                        st.after_tens = true;
                    }
                    NumWord::A => return self.after_a(i, first.end),
                    NumWord::Fraction(f) => return self.after_fraction(i, f, first.end),
                    _ => return None,
                }
            }
        }
        // A checkpoint to fall back to when "and ..." turns out not to belong to the number.
        let mut saved = st;
        // Whether a value was added after a scale (the tail "and 2" of "3 hundred and 2").
        let mut tail = false;
        let mut j = st.end;
        while j < self.toks.len() {
            let t = &self.toks[j];
            // "twenty-five", "fifty - two": a hyphen may join a tens word and a unit word.
            if t.is_punct(self.line, '-') && st.after_tens {
                if let Some(AtomKind::Word(NumWord::Unit(v))) =
                    self.atom(j + 1, false).map(|a| a.kind)
                    && (1.0..10.0).contains(&v)
                    && (t.space_before == self.toks[j + 1].space_before)
                {
                    st.current += v;
                    st.after_tens = false;
                    st.end = j + 2;
                    j += 2;
                    continue;
                }
                break;
            }
            if t.kind == TokKind::Punct || !t.space_before {
                break;
            }
            let Some(a) = self.atom(j, false) else { break };
            match a.kind {
                AtomKind::Word(NumWord::Unit(v)) if st.after_tens && (1.0..10.0).contains(&v) => {
                    st.current += v;
                    st.after_tens = false;
                }
                AtomKind::Word(NumWord::Scale(s)) => {
                    if !self.apply_scale(&mut st, s) {
                        // "3 hundred and 2 hundred": the tail after the last scale starts
                        // a second number.
                        if tail {
                            st = saved;
                        }
                        break;
                    }
                    tail = false;
                }
                AtomKind::Word(NumWord::Quarters)
                    if !st.group_scaled
                        && st.current > 0.0
                        && st.current < 4.0
                        && self.scale_after(j + 1).is_some() =>
                {
                    // "three quarters billion".
                    st.current *= 0.25;
                    st.decimal = true;
                }
                AtomKind::Word(NumWord::Dozen) => {
                    if st.current <= 0.0 || st.group_scaled {
                        break;
                    }
                    st.current *= 12.0;
                    st.group_scaled = true;
                    st.scaled = true;
                    st.after_scale = false;
                    st.after_tens = false;
                }
                AtomKind::Word(NumWord::Point) => {
                    if st.decimal {
                        break;
                    }
                    let Some((frac, end)) = self.spoken_decimals(j + 1) else {
                        break;
                    };
                    st.current += frac;
                    st.decimal = true;
                    st.end = end;
                    j = end;
                    continue;
                }
                AtomKind::Word(NumWord::And) => {
                    // "hundred and six", "trillion and three hundred": only after a scale.
                    if !st.after_scale {
                        break;
                    }
                    saved = st;
                    let Some(n) = self.atom(j + 1, false) else {
                        break;
                    };
                    let v = match n.kind {
                        AtomKind::Word(NumWord::Unit(v) | NumWord::Tens(v)) => v,
                        AtomKind::Digits(d) if d.suffix.is_none() && !d.grouped => d.value,
                        _ => break,
                    };
                    if v <= 0.0 || v >= st.under || !self.toks[j + 1].space_before {
                        break;
                    }
                    st.current += v;
                    st.after_tens = matches!(n.kind, AtomKind::Word(NumWord::Tens(_)));
                    st.after_scale = false;
                    st.decimal |= matches!(n.kind, AtomKind::Digits(d) if d.decimal);
                    tail = true;
                    st.end = n.end;
                    st.atoms += 2;
                    j = n.end;
                    continue;
                }
                AtomKind::Word(NumWord::Unit(v) | NumWord::Tens(v)) if st.after_scale => {
                    if v >= st.under {
                        break;
                    }
                    saved = st;
                    tail = true;
                    st.current += v;
                    st.after_tens = matches!(a.kind, AtomKind::Word(NumWord::Tens(_)));
                    st.after_scale = false;
                }
                AtomKind::Digits(d)
                    if st.after_scale && d.suffix.is_none() && !d.grouped && d.value < 1000.0 =>
                {
                    if d.value >= st.under || d.value <= 0.0 {
                        break;
                    }
                    saved = st;
                    tail = true;
                    st.current += d.value;
                    st.decimal |= d.decimal;
                    st.after_scale = false;
                    st.after_tens = false;
                }
                _ => break,
            }
            st.end = a.end;
            st.atoms += 1;
            j = a.end;
            if matches!(a.kind, AtomKind::Word(NumWord::Scale(_) | NumWord::Dozen)) {
                saved = st;
            }
        }
        Some(self.finish(&st, i))
    }

    /// Applies a scale word to the state; false when the scale cannot apply here, which ends
    /// the number before it ("3 hundred and 2 hundred" is two numbers).
    fn apply_scale(&self, st: &mut State, s: f64) -> bool {
        if s == 100.0 {
            if st.current <= 0.0 || st.group_scaled || st.after_scale {
                return false;
            }
            st.current *= 100.0;
            st.group_scaled = true;
            st.under = 100.0;
        } else if st.after_scale && st.current == 0.0 && s > st.last_big {
            // "three lakh crore": a scale of a scale multiplies.
            st.total *= s;
            st.last_big = s;
            st.under = s;
        } else {
            if st.current <= 0.0 || s >= st.last_big {
                return false;
            }
            st.total += st.current * s;
            st.current = 0.0;
            st.last_big = s;
            st.group_scaled = false;
            st.under = s;
        }
        st.scaled = true;
        st.after_scale = true;
        st.after_tens = false;
        true
    }

    fn finish(&self, st: &State, i: usize) -> Numeral {
        let value = st.total + st.current;
        Numeral {
            value,
            start: i,
            end: st.end,
            words: st.words,
            bare_integer: !st.words && !st.grouped && !st.decimal && !st.scaled && st.atoms == 1,
            scaled: st.scaled,
            decimal: st.decimal,
            sig_digits: st.sig.max(1),
        }
    }

    /// "a dozen", "a hundred", "a million", "a quarter million".
    fn after_a(&self, i: usize, j: usize) -> Option<Numeral> {
        let t = self.toks.get(j).filter(|t| t.is_word() && t.space_before)?;
        let (value, end) = match num_word(t.text(self.line))? {
            NumWord::Dozen => (12.0, j + 1),
            NumWord::Scale(s) => (s, j + 1),
            NumWord::Fraction(f) => {
                let (s, e) = self.scale_after(j + 1)?;
                (f * s, e)
            }
            _ => return None,
        };
        Some(word_numeral(value, i, end))
    }

    /// "half a dozen", "half million", "quarter million".
    fn after_fraction(&self, i: usize, f: f64, j: usize) -> Option<Numeral> {
        let mut k = j;
        if self
            .toks
            .get(k)
            .is_some_and(|t| t.is_word() && num_word(t.text(self.line)) == Some(NumWord::A))
        {
            k += 1;
        }
        let (s, end) = self.scale_after(k)?;
        Some(word_numeral(f * s, i, end))
    }

    /// A scale word (or dozen) at token `k`, with what it multiplies by.
    fn scale_after(&self, k: usize) -> Option<(f64, usize)> {
        let t = self.toks.get(k).filter(|t| t.is_word() && t.space_before)?;
        match num_word(t.text(self.line))? {
            NumWord::Scale(s) => Some((s, k + 1)),
            NumWord::Dozen => Some((12.0, k + 1)),
            _ => None,
        }
    }

    /// Digits after a spoken "point": "zero three" → .03, "nought four" → .04,
    /// "seventy-one" → .71, "eleven" → .11.
    fn spoken_decimals(&self, k: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut j = k;
        while let Some(t) = self.toks.get(j).filter(|t| t.is_word() && t.space_before) {
            match num_word(t.text(self.line)) {
                Some(NumWord::Unit(v)) if v < 10.0 => {
                    digits.push(char::from(b'0' + v as u8));
                    j += 1;
                }
                _ => break,
            }
        }
        if digits.len() > 1 || (digits.len() == 1 && !self.tens_word_at(k)) {
            let frac: f64 = format!("0.{digits}").parse().ok()?;
            return Some((frac, j));
        }
        // A whole number after "point": its digits are the decimals.
        let t = self.toks.get(k).filter(|t| t.is_word() && t.space_before)?;
        let mut v = match num_word(t.text(self.line))? {
            NumWord::Unit(v) | NumWord::Tens(v) => v,
            _ => return None,
        };
        let mut end = k + 1;
        if let Some(NumWord::Tens(_)) = num_word(t.text(self.line))
            && let Some(h) = self.toks.get(end).filter(|h| h.is_punct(self.line, '-'))
            && !h.space_before
            && let Some(u) = self.toks.get(end + 1).filter(|u| !u.space_before)
            && let Some(NumWord::Unit(uv)) = num_word(u.text(self.line))
            && (1.0..10.0).contains(&uv)
        {
            v += uv;
            end += 2;
        }
        let frac: f64 = format!("0.{}", v as u32).parse().ok()?;
        Some((frac, end))
    }

    fn tens_word_at(&self, k: usize) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| matches!(num_word(t.text(self.line)), Some(NumWord::Tens(_))))
    }

    /// One atom at token `i`. `first`: the atom starts the number (a leading "." is allowed).
    fn atom(&self, i: usize, first: bool) -> Option<Atom> {
        let t = self.toks.get(i)?;
        match t.kind {
            TokKind::Word => {
                let w = num_word(self.text(i))?;
                Some(Atom {
                    kind: AtomKind::Word(w),
                    end: i + 1,
                })
            }
            TokKind::Num => self.digits(i),
            TokKind::Punct if first => self.digits(i),
            TokKind::Punct => None,
        }
    }

    /// Digits from token `i`: separators, decimals and a suffix.
    fn digits(&self, i: usize) -> Option<Atom> {
        let toks = self.toks;
        let line = self.line;
        let mut int = String::new();
        let mut j = i;
        let mut grouped = false;
        if toks[i].is_num() {
            let first = self.text(i);
            int.push_str(first);
            j = i + 1;
            if first.len() <= 3 {
                let (n, groups) = self.comma_groups(j, first.len());
                if n > 0 {
                    for g in 0..n {
                        int.push_str(self.text(j + 2 * g + 1));
                    }
                    j += 2 * n;
                    grouped = true;
                } else if groups == 0 {
                    let n = self.space_groups(j);
                    for g in 0..n {
                        int.push_str(self.text(j + g));
                    }
                    j += n;
                    grouped = n > 0;
                }
            }
        }
        let mut frac = "";
        if j + 1 < toks.len()
            && toks[j].is_punct(line, '.')
            && (j == i || !toks[j].space_before)
            && toks[j + 1].is_num()
            && !toks[j + 1].space_before
        {
            frac = self.text(j + 1);
            j += 2;
        }
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let value = decimal_value(&int, frac)?;
        let sig = sig_digits(&int, frac);
        // A suffix: glued ("12.5k", "1.2bn") or, for some, after a space ("2.33 k", "10 bln").
        let mut suffix = None;
        if let Some(t) = toks.get(j).filter(|t| t.is_word()) {
            let w = t.text(line);
            let s = if t.space_before {
                spaced_suffix(w, grouped || !frac.is_empty())
            } else {
                glued_suffix(w)
            };
            // "10m." but not "10mg": the suffix must be the whole word.
            if let Some(s) = s {
                suffix = Some(s);
                j += 1;
            }
        } else if toks
            .get(j)
            .is_some_and(|t| t.is_punct(line, '-') && !t.space_before)
            && let Some(w) = toks.get(j + 1).filter(|t| t.is_word() && !t.space_before)
            && let Some(NumWord::Scale(s)) = num_word(w.text(line))
            && s >= 1e6
        {
            // "$4.5-million contract".
            suffix = Some(s);
            j += 2;
        }
        Some(Atom {
            kind: AtomKind::Digits(Digits {
                value,
                grouped,
                decimal: !frac.is_empty(),
                sig,
                suffix,
            }),
            end: j,
        })
    }

    /// Comma thousands groups after a first group of `first_len` digits starting at token `j`
    /// (the comma): Western "1,234,567" or Indian "12,34,567". Returns how many groups
    /// were taken and how many comma-digit pairs were seen.
    fn comma_groups(&self, j: usize, first_len: usize) -> (usize, usize) {
        let toks = self.toks;
        let mut lens = Vec::new();
        let mut k = j;
        while k + 1 < toks.len()
            && toks[k].is_punct(self.line, ',')
            && !toks[k].space_before
            && toks[k + 1].is_num()
            && !toks[k + 1].space_before
        {
            lens.push(toks[k + 1].span.len());
            k += 2;
        }
        let seen = lens.len();
        // Western: every group three digits long.
        let western = lens.iter().take_while(|&&l| l == 3).count();
        // Indian: two-digit groups ending in a three-digit one, after one or two digits.
        if first_len <= 2 && lens.len() >= 2 {
            let last = lens.len() - 1;
            if lens[last] == 3 && lens[..last].iter().all(|&l| l == 2) {
                return (lens.len(), seen);
            }
        }
        (western, seen)
    }

    /// Thousands groups separated by single spaces ("1 234 567", "40 000", "40 000" with a
    /// narrow no-break space), starting at token `j`: each exactly three digits.
    fn space_groups(&self, j: usize) -> usize {
        let toks = self.toks;
        let mut n = 0;
        while let Some(t) = toks.get(j + n) {
            let prev = &toks[j + n - 1];
            let gap = &self.line[prev.span.end..t.span.start];
            let single_space = matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}");
            if !(t.is_num() && t.span.len() == 3 && single_space) {
                break;
            }
            // "423 0000" is two numbers; so is a group followed by more digits.
            n += 1;
        }
        // The group after the last must not be a longer digit run glued by a space: "1 2345".
        if n > 0
            && let Some(t) = toks.get(j + n)
            && t.is_num()
            && t.space_before
            && &self.line[toks[j + n - 1].span.end..t.span.start] == " "
        {
            return 0;
        }
        n
    }
}

fn word_numeral(value: f64, start: usize, end: usize) -> Numeral {
    Numeral {
        value,
        start,
        end,
        words: true,
        bare_integer: false,
        scaled: true,
        decimal: value.fract() != 0.0,
        sig_digits: 2,
    }
}

/// The exact-as-possible value of `int.frac`: the digits as one integer divided by a power of
/// ten, so "9.2321312" prints back as written.
fn decimal_value(int: &str, frac: &str) -> Option<f64> {
    let mut s = String::with_capacity(int.len() + frac.len() + 2);
    s.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        s.push('.');
        s.push_str(frac);
    }
    s.parse().ok()
}

fn sig_digits(int: &str, frac: &str) -> u8 {
    let int = int.trim_start_matches('0');
    let n = if frac.is_empty() {
        int.trim_end_matches('0').len()
    } else if int.is_empty() {
        frac.trim_start_matches('0').len()
    } else {
        int.len() + frac.len()
    };
    n.clamp(1, 30) as u8
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

    fn all(s: &str) -> Vec<(f64, String)> {
        let toks = tokenize(s);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match parse(s, &toks, i) {
                Some(n) => {
                    let text = &s[toks[n.start].span.start..toks[n.end - 1].span.end];
                    out.push((n.value, text.to_string()));
                    i = n.end;
                }
                None => i += 1,
            }
        }
        out
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
        assert_eq!(
            num("12,34,567.89"),
            Some((1_234_567.89, "12,34,567.89".into()))
        );
        assert_eq!(num("1 234 567"), Some((1_234_567.0, "1 234 567".into())));
        assert_eq!(num(".08"), Some((0.08, ".08".into())));
        assert_eq!(num("9.2321312"), Some((9.2321312, "9.2321312".into())));
        assert_eq!(num("2.33 k"), Some((2330.0, "2.33 k".into())));
        assert_eq!(num("10 bln"), Some((1e10, "10 bln".into())));
        // A spaced single letter after a plain integer is more likely a unit (metres).
        assert_eq!(num("10 m"), Some((10.0, "10".into())));
        assert_eq!(num("13 lakh"), Some((1_300_000.0, "13 lakh".into())));
        assert_eq!(num("322 hundred"), Some((32_200.0, "322 hundred".into())));
    }

    #[test]
    fn two_numbers_stay_two() {
        assert_eq!(
            all("423 0000"),
            vec![(423.0, "423".into()), (0.0, "0000".into())]
        );
        assert_eq!(
            all("1, 234, 567"),
            vec![
                (1.0, "1".into()),
                (234.0, "234".into()),
                (567.0, "567".into())
            ]
        );
        assert_eq!(
            all("3 hundred and 2 hundred"),
            vec![(300.0, "3 hundred".into()), (200.0, "2 hundred".into())]
        );
        assert_eq!(
            all("4000 3 hundred and 21"),
            vec![(4000.0, "4000".into()), (321.0, "3 hundred and 21".into())]
        );
        assert_eq!(
            all("three-nought-four"),
            vec![
                (3.0, "three".into()),
                (0.0, "nought".into()),
                (4.0, "four".into())
            ]
        );
    }

    #[test]
    fn number_words() {
        assert_eq!(num("six years"), Some((6.0, "six".into())));
        assert_eq!(num("twenty-five men"), Some((25.0, "twenty-five".into())));
        assert_eq!(num("fifty - two"), Some((52.0, "fifty - two".into())));
        assert_eq!(
            num("two hundred and five"),
            Some((205.0, "two hundred and five".into()))
        );
        assert_eq!(num("a dozen eggs"), Some((12.0, "a dozen".into())));
        assert_eq!(num("half a dozen"), Some((6.0, "half a dozen".into())));
        assert_eq!(num("three dozens"), Some((36.0, "three dozens".into())));
        assert_eq!(
            num("three million"),
            Some((3_000_000.0, "three million".into()))
        );
        assert_eq!(
            num("two hundred and two thousand"),
            Some((202_000.0, "two hundred and two thousand".into()))
        );
        assert_eq!(
            num("twenty-one trillion and three hundred"),
            Some((
                21_000_000_000_300.0,
                "twenty-one trillion and three hundred".into()
            ))
        );
        assert_eq!(
            num("4 thousand 3 hundred and 21"),
            Some((4321.0, "4 thousand 3 hundred and 21".into()))
        );
        assert_eq!(
            num("three lakh crore"),
            Some((3e12, "three lakh crore".into()))
        );
        assert_eq!(
            num("nine point nought four"),
            Some((9.04, "nine point nought four".into()))
        );
        assert_eq!(
            num("two hundred point seventy-one"),
            Some((200.71, "two hundred point seventy-one".into()))
        );
        assert_eq!(
            num("quarter million"),
            Some((250_000.0, "quarter million".into()))
        );
        assert_eq!(num("a man"), None);
        assert_eq!(num("and"), None);
    }
}
