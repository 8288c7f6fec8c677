//! Stage 3, recognize: one line of text in, typed [`Value`]s out (dates, counts, money,
//! durations, percentages, quantities, times of day).
//!
//! The line is tokenized once ([`token`]); each recognizer walks the tokens and proposes
//! candidates; overlapping candidates are then settled (longest wins, then the more specific
//! kind), so "$100 million" is money and not a count, and "2023" in "July 2023" is a date.
//! Every value carries its byte span, its normalized form (CONTRACT.md `values`), and the
//! interval it stands for, which `compare` uses.

pub mod anchor;
pub mod date;
pub mod duration;
pub mod lexicon;
pub mod money;
pub mod number;
pub mod numeral;
pub mod quantity;
pub mod time;
pub mod token;
pub mod wordtable;

use jiff::civil::Date;
use serde::Serialize;

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Date,
    Count,
    Money,
    Duration,
    /// The age of a person ("a 6-year-old boy", "Elian, 6 years old"): an ISO duration
    /// like a duration's, but a property of someone, not a stretch of time of events.
    Age,
    Percent,
    Quantity,
    Time,
    Name,
}

impl Kind {
    /// Every kind, in declaration order (what stored claims index and JSONL kinds name).
    pub const ALL: [Kind; 9] = [
        Kind::Date,
        Kind::Count,
        Kind::Money,
        Kind::Duration,
        Kind::Age,
        Kind::Percent,
        Kind::Quantity,
        Kind::Time,
        Kind::Name,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Duration => "duration",
            Kind::Age => "age",
            Kind::Percent => "percent",
            Kind::Quantity => "quantity",
            Kind::Time => "time",
            Kind::Name => "name",
        }
    }

    /// When two candidates cover the same span, the more specific kind wins.
    fn specificity(&self) -> u8 {
        match self {
            Kind::Money => 7,
            Kind::Percent => 6,
            Kind::Quantity => 5,
            Kind::Time => 4,
            Kind::Duration | Kind::Age => 3,
            Kind::Date => 2,
            Kind::Count => 1,
            Kind::Name => 0,
        }
    }
}

/// The closed range of numbers a value stands for. Dates are day numbers (days since
/// 1970-01-01), durations seconds, money and counts their amount; open ends are infinite.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    pub const fn point(x: f64) -> Self {
        Interval { lo: x, hi: x }
    }

    pub const fn new(lo: f64, hi: f64) -> Self {
        Interval { lo, hi }
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }
}

/// The step a whole figure was rounded to: the largest of 1, 5, 10, 50, 100, 500... that
/// divides it and is at most half of it ("26,000" → 1,000; "750" → 50; "500" → 100).
pub fn rounding_step(x: f64) -> f64 {
    let x = x.abs();
    if !x.is_finite() || x.fract() != 0.0 || x < 2.0 {
        return 0.0;
    }
    let mut step = 1.0;
    let mut next = [5.0, 2.0].into_iter().cycle();
    loop {
        let bigger = step * next.next().unwrap_or(2.0);
        if bigger > x / 2.0 || x % bigger != 0.0 {
            return step;
        }
        step = bigger;
    }
}

/// A recognized value in a line of text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Value {
    pub kind: Kind,
    pub span: Span,
    /// Normalized form, as CONTRACT.md `values` gives it ("2023-07", "~1100", "USD 100000000").
    pub value: String,
    /// What the value stands for, for comparison; `None` when unresolved ("PAST_REF").
    pub interval: Option<Interval>,
    /// Currency code for money, canonical unit for quantities, unit as written otherwise.
    pub unit: Option<String>,
    /// A qualifier or a vague word makes it approximate ("about", "nearly", "hundreds").
    pub approximate: bool,
    /// Resolved against a reference date (a relative expression such as "last year").
    pub relative: bool,
    /// A vague reference to the past, present or future ("now", "recently", "the future":
    /// `PAST_REF`...). Reported by `values`, but not a fact to compare: no claim is filed
    /// for it unless a rule's pattern asks for it.
    pub vague: bool,
}

impl Value {
    pub fn new(kind: Kind, span: Span, value: impl Into<String>) -> Self {
        Value {
            kind,
            span,
            value: value.into(),
            interval: None,
            unit: None,
            approximate: false,
            relative: false,
            vague: false,
        }
    }

    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        self.span.slice(line)
    }
}

/// What recognizers may know besides the text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// Reference date for relative expressions; without it they stay unresolved.
    pub reference: Option<Date>,
}

/// All values in `line`, in order of position, without overlaps.
pub fn recognize(line: &str, ctx: &Context) -> Vec<Value> {
    recognize_in(&mut Scratch::default(), line, ctx)
}

/// What recognizing a line allocates, kept for the next line: [`recognize_in`].
#[derive(Default)]
pub struct Scratch {
    toks: Vec<token::Token>,
    words: lexicon::Buffers,
    cands: Vec<Value>,
}

/// [`recognize`] in buffers kept from line to line, for a stream of lines.
pub fn recognize_in(scratch: &mut Scratch, line: &str, ctx: &Context) -> Vec<Value> {
    if !anchor::may_hold_value(line) {
        return Vec::new();
    }
    token::tokenize_into(line, &mut scratch.toks);
    let words = lexicon::Words::new_in(line, &scratch.toks, std::mem::take(&mut scratch.words));
    scratch.cands.clear();
    candidates(&words, ctx, &mut scratch.cands);
    scratch.words = words.into_buffers();
    settle(&mut scratch.cands)
}

/// [`recognize`] over tokens the caller already cut from `line` (the house tokenization of
/// [`crate::syntax::Tokens`]), so a sentence is tokenized once for every stage.
pub fn recognize_tokens(line: &str, toks: &[token::Token], ctx: &Context) -> Vec<Value> {
    if !anchor::may_hold_value(line) {
        return Vec::new();
    }
    let words = lexicon::Words::new_in(line, toks, lexicon::Buffers::default());
    let mut cands = Vec::new();
    candidates(&words, ctx, &mut cands);
    settle(&mut cands)
}

/// [`recognize`] without skipping anything: no [`anchor`] pre-check of the line, and every
/// token tried as the start of every kind of value, however far from a number or a
/// calendar word. Slower; the two must agree on every line, and tests hold them to it.
pub fn recognize_exhaustive(line: &str, ctx: &Context) -> Vec<Value> {
    let toks = token::tokenize(line);
    let mut cands = Vec::new();
    candidates(&lexicon::Words::exhaustive(line, &toks), ctx, &mut cands);
    settle(&mut cands)
}

fn candidates(words: &lexicon::Words, ctx: &Context, cands: &mut Vec<Value>) {
    date::find(words, ctx, cands);
    duration::find(words, ctx, cands);
    let dates = cands.len();
    let mut times = Vec::new();
    time::find(words, ctx, &cands[..dates], &mut times);
    cands.extend(times);
    number::find(words, ctx, cands);
}

/// Keeps the best of overlapping candidates: longer spans first, then the more specific kind,
/// then the earlier one.
fn settle(cands: &mut Vec<Value>) -> Vec<Value> {
    cands.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(b.kind.specificity().cmp(&a.kind.specificity()))
            .then(a.span.start.cmp(&b.span.start))
    });
    // Kept spans do not overlap, so the one kept span that starts last before a
    // candidate's end is the only one that can overlap it: a map keyed by start keeps
    // settling O(n log n) on very long lines.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Value> = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        let clash = c.span.is_empty()
            || taken
                .range(..c.span.end)
                .next_back()
                .is_some_and(|(_, &end)| end > c.span.start);
        if !clash {
            taken.insert(c.span.start, c.span.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|v| v.span.start);
    kept
}

/// Formats a number the way normalized values show it: no trailing ".0", no exponent, and
/// the shortest decimals that read back as the same number ("9.2321312", not "9.232131");
/// noise from arithmetic beyond nine decimals is rounded away.
pub fn fmt_number(x: f64) -> String {
    // 16.4 × 1e6 is 16399999.999999998 in binary; an amount that close to a whole number is it.
    let r = x.round();
    if x.is_finite() && (x - r).abs() <= 1e-9 * x.abs() && r.abs() < 1e18 {
        return format!("{}", r as i64);
    }
    let s = format!("{x}");
    match s.split_once('.') {
        Some((_, frac)) if frac.len() > 9 => {
            let r = format!("{x:.9}");
            r.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format_without_trailing_zeros() {
        assert_eq!(fmt_number(1100.0), "1100");
        assert_eq!(fmt_number(12.5), "12.5");
        assert_eq!(fmt_number(2_500_000_000.0), "2500000000");
        assert_eq!(fmt_number(9.2321312), "9.2321312");
        assert_eq!(fmt_number(0.1 + 0.2), "0.3");
        assert_eq!(fmt_number(-5.0), "-5");
        assert_eq!(fmt_number(16.4 * 1e6), "16400000");
    }
}
