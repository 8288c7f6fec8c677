//! Counts, money, percentages and quantities: an amount, what qualifies it and what it
//! measures.
//!
//! In: a line and its tokens. Out: candidate [`Value`]s of kind `count`, `money`, `percent`
//! and `quantity` (CONTRACT.md `values`). One left-to-right walk over the tokens: at each
//! token that can start an amount it reads an optional qualifier ("about", "more than",
//! "between ... and ..."), an optional currency before the number, the number
//! ([`numeral`]) or a vague quantity ("hundreds", "tens of thousands"), and what follows it
//! (a percent sign, a currency, a unit of measure). A bare number becomes a count only when
//! it is not something else: a year, an ordinal, an age, a time of day, part of a date, a
//! phone number, an identifier ("F-16", "Boeing 737"), a list or label number ("week 17",
//! "No. 5"), or a length of time ("six years", which is a duration).
//!
//! A fraction ("two thirds", "a third of", "one half of") is a percentage, rounded to two
//! decimals (66.67%), and approximate like any round figure.
//!
//! Normalized values carry the qualifier: `~1100` (about, nearly, some, roughly), `>1000`
//! (more than, over), `>=500` (at least), `<10` (fewer than), `<=300` (up to), `1000..1200`
//! (between), and vague plurals are lower bounds: "dozens" `>=24`, "hundreds" `>=200`,
//! "thousands" `>=2000`, "tens of thousands" `>=20000`, "hundreds of millions" `>=200000000`.
//!
//! Intervals (what compare uses): a plain amount is a point; "about x" is x ± what rounds to
//! x, at most 10% ("about 26,000" is 25,500..26,500, "about 20" 18..22); "nearly x" is the
//! lower half of that, up to x; "more than x" is (x, ∞) stored as [next float above x, ∞];
//! "at least x" [x, ∞]; "fewer than x" [0, x); "up to x" [0, x]; "between a and b" [a, b];
//! a vague plural such as "hundreds" is [200, 1000] (its lower bound to ten of its unit).
//! `approximate` is set by a qualifier, a vague plural, a hedge before the amount
//! ("estimated", "reportedly") and a round figure (a whole multiple of 100 in digits, or a
//! whole number with a scale word such as "two hundred" or "$100 million"; not "$2.5bn").
//! Ranges and vague plurals are always approximate.

use super::lexicon::Words;
use super::numeral::{self, Numeral};
use super::token::{TokKind, Token};
use super::{Context, Interval, Kind, Value, fmt_number, money, quantity};
use crate::span::Span;

/// How a qualifier bounds the amount it stands before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Qual {
    /// about, some, roughly, around, approximately
    About,
    /// nearly, almost, close to
    Nearly,
    /// more than, over, above, in excess of, exceeds
    More,
    /// at least, no fewer than
    AtLeast,
    /// up to, as many as, at most, no more than
    UpTo,
    /// fewer than, less than, under, below
    Less,
    /// between ... and ...
    Between,
}

impl Qual {
    fn prefix(self) -> &'static str {
        match self {
            Qual::About | Qual::Nearly => "~",
            Qual::More => ">",
            Qual::AtLeast => ">=",
            Qual::UpTo => "<=",
            Qual::Less => "<",
            Qual::Between => "",
        }
    }
}

/// What the amount measures.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Measure {
    Count,
    Money(&'static str),
    Percent,
    Quantity(quantity::Unit),
}

/// An amount read from tokens `start..end`, before any qualifier.
#[derive(Clone, Copy, Debug)]
struct Amount {
    start: usize,
    end: usize,
    value: f64,
    measure: Measure,
    /// A vague plural ("hundreds"): the value is a lower bound, the second field the upper.
    vague: Option<f64>,
    /// The number itself, for counts (to tell years, ids and ordinals from counts).
    num: Option<Numeral>,
    /// Tokens of the unit as written, for quantities.
    unit_toks: Option<(usize, usize)>,
    round: bool,
}

/// Proposes count, money, percent and quantity candidates for the whole line.
pub fn find(w: &Words, _ctx: &Context, out: &mut Vec<Value>) {
    let (line, toks) = (w.line, w.toks);
    let numeric = |k: usize| toks[k].is_num() || w.lex[k].numeric;
    // Every amount holds a number or a vague plural, and what may come before it (a
    // qualifier, a currency, "minus", "magnitude") is a few tokens at most: "no fewer than",
    // "U.S. $". Tokens further than that from the next number cannot start an amount.
    const LEAD: usize = 10;
    let mut next = 0;
    let mut i = 0;
    while i < toks.len() {
        if next < i {
            next = i;
        }
        while next < toks.len() && !numeric(next) {
            next += 1;
        }
        if next == toks.len() && !w.exhaustive {
            break;
        }
        if next - i > LEAD && !w.exhaustive {
            // Land at the start of a whitespace-delimited run, as a walk token by token
            // would, so a URL is still seen whole; never further back than `i`, which keeps
            // the walk linear on a line without spaces.
            let mut j = next - LEAD;
            while j > i && !toks[j].space_before {
                j -= 1;
            }
            i = j;
        }
        let t = &toks[i];
        if t.is_word()
            && t.span.len() <= 5
            && matches!(
                line.as_bytes()[t.span.start],
                b'h' | b'H' | b'f' | b'F' | b'w' | b'W'
            )
            && is_url_start(line, toks, i)
        {
            i = skip_run(toks, i);
            continue;
        }
        if !could_start(w, i) {
            i += 1;
            continue;
        }
        let (value, after) = at(line, toks, i);
        if let Some(v) = value {
            out.push(v);
        }
        i = after.max(i + 1);
    }
}

/// A cheap test that an amount might start at token `i`, so most words cost one `match`.
fn could_start(words: &Words, i: usize) -> bool {
    let (line, toks) = (words.line, words.toks);
    let t = &toks[i];
    match t.kind {
        TokKind::Num => true,
        TokKind::Punct => !separator(t.text(line)),
        TokKind::Word => {
            let w = t.text(line);
            if w.is_ascii() {
                let l = &words.low.as_bytes()[t.span.start..t.span.end];
                if numeral::starts_number_lower(l) {
                    // "a" starts a number only before a scale ("a dozen", "a million").
                    return l != b"a"
                        || numeral::parse(line, toks, i).is_some()
                        || fraction(line, toks, i).is_some()
                        || qualifier(line, toks, i).is_some()
                        || vague_at(line, toks, i).is_some();
                }
                if qualifier_word(l) {
                    return qualifier(line, toks, i).is_some();
                }
                if l == b"an" {
                    return fraction(line, toks, i).is_some();
                }
                if vague_lower(l).is_some()
                    || matches!(
                        l,
                        b"minus" | b"negative" | b"magnitude" | b"tens" | b"several" | b"few"
                    )
                {
                    return true;
                }
            }
            // A currency before a number: "USD 200", "rmb 10", "US$5", "u.s $", "Rs. 500".
            toks.get(i + 1).is_some_and(|n| {
                n.is_num()
                    || (n.kind == TokKind::Punct
                        && !separator(n.text(line))
                        && (!n.is_punct(line, '.') || w.len() <= 2))
            })
        }
    }
}

/// Punctuation that separates or closes and so never starts an amount (a currency sign or a
/// leading decimal point can).
fn separator(p: &str) -> bool {
    matches!(
        p,
        "," | ";" | ":" | "!" | "?" | "'" | "\"" | "(" | ")" | "-" | "’" | "“" | "”" | "—" | "–"
    )
}

fn is_word(w: &str, list: &[&str]) -> bool {
    list.iter().any(|l| l.eq_ignore_ascii_case(w))
}

fn qualifier_word(l: &[u8]) -> bool {
    matches!(
        l,
        b"about"
            | b"around"
            | b"approximately"
            | b"approx"
            | b"roughly"
            | b"circa"
            | b"some"
            | b"nearly"
            | b"almost"
            | b"close"
            | b"more"
            | b"greater"
            | b"over"
            | b"above"
            | b"in"
            | b"upwards"
            | b"exceeds"
            | b"exceeded"
            | b"exceeding"
            | b"exceed"
            | b"at"
            | b"no"
            | b"not"
            | b"up"
            | b"as"
            | b"fewer"
            | b"less"
            | b"under"
            | b"below"
            | b"just"
            | b"well"
            | b"a"
            | b"between"
    )
}

/// The qualifier starting at token `i`, and the token where the amount starts.
fn qualifier(line: &str, toks: &[Token], i: usize) -> Option<(Qual, usize)> {
    let w = |k: usize| -> &str {
        toks.get(i + k)
            .filter(|t| t.is_word() && (k == 0 || t.space_before))
            .map_or("", |t| t.text(line))
    };
    let eq = |k: usize, s: &str| w(k).eq_ignore_ascii_case(s);
    let mut buf = [0u8; 24];
    let first = numeral::lower(w(0), &mut buf)?;
    let q = match first {
        b"about" | b"around" | b"approximately" | b"approx" | b"roughly" | b"circa" | b"some" => {
            (Qual::About, 1)
        }
        b"nearly" | b"almost" => (Qual::Nearly, 1),
        b"close" if eq(1, "to") => (Qual::Nearly, 2),
        b"more" | b"greater" if eq(1, "than") => (Qual::More, 2),
        b"over" | b"above" => (Qual::More, 1),
        b"in" if eq(1, "excess") && eq(2, "of") => (Qual::More, 3),
        b"upwards" if eq(1, "of") => (Qual::More, 2),
        b"exceeds" | b"exceeded" | b"exceeding" | b"exceed" => {
            if eq(1, "a") || eq(1, "an") {
                (Qual::More, 2)
            } else {
                (Qual::More, 1)
            }
        }
        b"at" if eq(1, "least") => (Qual::AtLeast, 2),
        b"at" if eq(1, "most") => (Qual::UpTo, 2),
        b"no" | b"not" if (eq(1, "fewer") || eq(1, "less")) && eq(2, "than") => (Qual::AtLeast, 3),
        b"no" | b"not" if eq(1, "more") && eq(2, "than") => (Qual::UpTo, 3),
        b"up" if eq(1, "to") => (Qual::UpTo, 2),
        b"as" if eq(1, "many") && eq(2, "as") => (Qual::UpTo, 3),
        b"a" if (eq(1, "minimum") || eq(1, "maximum")) && eq(2, "of") => {
            if eq(1, "minimum") {
                (Qual::AtLeast, 3)
            } else {
                (Qual::UpTo, 3)
            }
        }
        b"fewer" | b"less" if eq(1, "than") => (Qual::Less, 2),
        b"under" | b"below" => (Qual::Less, 1),
        b"just" | b"well" if eq(1, "over") || eq(1, "above") => (Qual::More, 2),
        b"just" if eq(1, "under") || eq(1, "below") => (Qual::Less, 2),
        b"between" => (Qual::Between, 1),
        _ => return None,
    };
    Some((q.0, i + q.1))
}

/// Reads whatever amount starts at token `i`. Returns the value (if the amount is one this
/// recognizer reports) and the token to continue from.
fn at(line: &str, toks: &[Token], i: usize) -> (Option<Value>, usize) {
    if let Some((q, p)) = qualifier(line, toks, i) {
        if q == Qual::Between {
            if let Some(r) = between(line, toks, i, p) {
                if r.0.as_ref().is_some_and(|v| v.kind == Kind::Count)
                    && after_age_word(line, toks, i)
                {
                    return (None, r.1);
                }
                return r;
            }
            return (None, i + 1);
        }
        if let Some(a) = amount(line, toks, p) {
            if a.measure == Measure::Count
                && (!count_ok(line, toks, &a, true, Range::No) || after_age_word(line, toks, i))
            {
                return (None, a.end);
            }
            // "winds of up to 154 mph", "trains reach up to 300 km/h": a speed given "up to"
            // names the peak reached, the figure itself, not a bound on an unknown one.
            let q = match a.measure {
                Measure::Quantity(u) if q == Qual::UpTo && u.canonical == "km/h" => None,
                _ => Some(q),
            };
            let v = build(line, toks, i, &a, q, None);
            return (Some(v), a.end);
        }
        return (None, i + 1);
    }
    let Some(a) = amount(line, toks, i) else {
        return (None, i + 1);
    };
    if a.measure == Measure::Count {
        // "10-15 people": a range of two plain numbers joined by a dash.
        if count_ok(line, toks, &a, false, Range::Head)
            && let Some(r) = dash_range(line, toks, &a).or_else(|| to_range(line, toks, &a))
        {
            return r;
        }
        if !count_ok(line, toks, &a, false, Range::No) {
            return (None, skip_number(line, toks, a.start, a.end));
        }
    }
    if a.vague.is_none()
        && let Some((q, end)) = postfix(line, toks, a.end)
    {
        let a = Amount { end, ..a };
        return (Some(build(line, toks, a.start, &a, Some(q), None)), end);
    }
    (Some(build(line, toks, a.start, &a, None, None)), a.end)
}

/// A qualifier after the amount: "300-plus", "500 or more", "20 or so", "10 or fewer".
fn postfix(line: &str, toks: &[Token], j: usize) -> Option<(Qual, usize)> {
    let t = toks.get(j)?;
    let next = toks.get(j + 1)?;
    if t.is_punct(line, '-') && !t.space_before && !next.space_before && next.is(line, "plus") {
        return Some((Qual::AtLeast, j + 2));
    }
    if !t.is(line, "or") || !next.is_word() {
        return None;
    }
    let q = match next.text(line).to_ascii_lowercase().as_str() {
        "more" => Qual::AtLeast,
        "so" => Qual::About,
        "fewer" | "less" => Qual::UpTo,
        _ => return None,
    };
    Some((q, j + 2))
}

/// "aged between 18 and 25", "aged over 60": ages, not counts.
fn after_age_word(line: &str, toks: &[Token], i: usize) -> bool {
    i > 0 && toks[i - 1].is_word() && is_word(toks[i - 1].text(line), &["aged", "age", "ages"])
}

/// After a number that is not a count, also skip what is glued to it ("2023-08-10",
/// "192.168.1.1"), so its pieces are not read as counts either.
fn skip_number(line: &str, toks: &[Token], start: usize, mut j: usize) -> usize {
    // "+44 20 7946 0958": the groups of an international phone number.
    if start > 0 && toks[start - 1].is_punct(line, '+') {
        while toks.get(j).is_some_and(|t| t.is_num() && t.span.len() <= 4) {
            j += 1;
        }
    }
    while j + 1 < toks.len()
        && !toks[j].space_before
        && toks[j].kind == TokKind::Punct
        && !toks[j].is_punct(line, ',')
        && !toks[j + 1].space_before
        && (toks[j + 1].is_num() || toks[j + 1].is_word())
    {
        j += 2;
    }
    j
}

/// "between 1,000 and 1,200", "between $3 billion and $4 billion".
fn between(line: &str, toks: &[Token], i: usize, p: usize) -> Option<(Option<Value>, usize)> {
    let mut a = amount(line, toks, p)?;
    // "between 793 to 8,498" is written too, if less carefully.
    toks.get(a.end)
        .filter(|t| t.is(line, "and") || t.is(line, "to"))?;
    let b = amount(line, toks, a.end + 1)?;
    if a.vague.is_some() || b.vague.is_some() {
        return None;
    }
    // "between 3 and 4 billion dollars": the first takes the second's currency and scale.
    match (a.measure, b.measure) {
        (x, y) if x == y => {}
        (Measure::Count, m) => a.measure = m,
        _ => return None,
    }
    // "between 3 and 4 billion": the first number shares the second's scale.
    let s = scale_of(&b);
    if a.num.is_some_and(|n| !n.scaled) && s > 1.0 && a.value * s < b.value {
        a.value *= s;
    }
    if a.value >= b.value {
        return None;
    }
    // "between 2010 and 2015" is a span of years, not a range of counts.
    if a.measure == Measure::Count
        && (!count_ok(line, toks, &a, false, Range::No)
            || !count_ok(line, toks, &b, false, Range::No))
    {
        return None;
    }
    let v = build(line, toks, i, &b, Some(Qual::Between), Some(a.value));
    Some((Some(v), b.end))
}

/// The scale word a numeral carried ("4 billion" → 1e9), or 1.
fn scale_of(a: &Amount) -> f64 {
    let Some(n) = a.num.filter(|n| n.scaled) else {
        return 1.0;
    };
    let mut s = 1.0;
    while s * 1000.0 <= n.value {
        s *= 1000.0;
    }
    s
}

/// "10-15 people", "1,000–1,200 troops".
fn dash_range(line: &str, toks: &[Token], a: &Amount) -> Option<(Option<Value>, usize)> {
    let dash = toks.get(a.end)?;
    if !(dash.is_punct(line, '-') || dash.is_punct(line, '–')) || dash.space_before {
        return None;
    }
    toks.get(a.end + 1)
        .filter(|t| t.is_num() && !t.space_before)?;
    let b = amount(line, toks, a.end + 1)?;
    if b.measure != Measure::Count || b.value <= a.value {
        return None;
    }
    let na = a.num?;
    let nb = b.num?;
    if na.words || nb.words || na.decimal || nb.decimal {
        return None;
    }
    // Year ranges ("2019-2020") are dates.
    if (na.bare_integer && (1000.0..=2100.0).contains(&na.value))
        || (nb.bare_integer && (1000.0..=2100.0).contains(&nb.value))
    {
        return None;
    }
    let b_ok = count_ok(line, toks, &b, true, Range::Tail);
    if !b_ok
        || toks.get(b.end).is_some_and(|t| {
            !t.space_before
                && t.kind == TokKind::Punct
                && toks
                    .get(b.end + 1)
                    .is_some_and(|n| n.is_num() && !n.space_before)
        })
    {
        return None;
    }
    let v = build(line, toks, a.start, &b, Some(Qual::Between), Some(a.value));
    Some((Some(v), b.end))
}

/// "18 to 20 firearms", "five to seven days": a range written with "to" before the counted
/// word. Not "from 82 to 117" (a change) nor "rose to" (a bound of the change).
fn to_range(line: &str, toks: &[Token], a: &Amount) -> Option<(Option<Value>, usize)> {
    toks.get(a.end).filter(|t| t.is(line, "to"))?;
    if a.start > 0 && toks[a.start - 1].is(line, "from") {
        return None;
    }
    let b = amount(line, toks, a.end + 1)?;
    if b.measure != Measure::Count || b.value <= a.value || b.value > 10.0 * a.value {
        return None;
    }
    let (na, nb) = (a.num?, b.num?);
    if na.decimal || nb.decimal || a.vague.is_some() || b.vague.is_some() {
        return None;
    }
    if (na.bare_integer && (1000.0..=2100.0).contains(&na.value))
        || (nb.bare_integer && (1000.0..=2100.0).contains(&nb.value))
    {
        return None;
    }
    // The counted word follows at once: "20 firearms", not "to 20, officials said".
    toks.get(b.end).filter(|t| t.is_word() && t.space_before)?;
    if !count_ok(line, toks, &b, true, Range::Tail) {
        return None;
    }
    let v = build(line, toks, a.start, &b, Some(Qual::Between), Some(a.value));
    Some((Some(v), b.end))
}

/// The vague plural a word names, as its unit: "hundreds" → 100.
fn vague_unit(w: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    vague_lower(numeral::lower(w, &mut buf)?)
}

/// Vague plurals and the unit each is a multiple of.
const VAGUE: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
];

fn vague_lower(l: &[u8]) -> Option<f64> {
    VAGUE
        .iter()
        .find(|(w, _)| w.as_bytes() == l)
        .map(|&(_, u)| u)
}

/// The vague plurals ("hundreds", "millions") and fraction words ("thirds"), which stand
/// for a number as a numeral does.
pub(crate) fn numeric_words() -> impl Iterator<Item = &'static str> {
    VAGUE.iter().chain(DENOMINATORS).map(|&(w, _)| w)
}

/// Fraction words and the number each divides by.
const DENOMINATORS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// The number a fraction word divides by: "third" and "thirds" 3.
fn denominator(w: &str) -> Option<f64> {
    DENOMINATORS
        .iter()
        .find(|(d, _)| d.eq_ignore_ascii_case(w))
        .map(|&(_, n)| n)
}

/// A fraction at token `p`: "two thirds", "two-thirds of voters", "a third of the budget",
/// "one half of" are percentages (66.67%, 33.33%, 50%); "three-quarters of a million" is a
/// count (750000). "A half" or "one third" stand for a fraction only before "of", and never
/// before a length of time ("a quarter of an hour" is a duration).
fn fraction(line: &str, toks: &[Token], p: usize) -> Option<Amount> {
    let t = toks.get(p).filter(|t| t.is_word())?;
    // "half of the troops": a fraction with no numerator.
    let bare_half = t.is(line, "half") && toks.get(p + 1).is_some_and(|o| o.is(line, "of"));
    let n = if t.is(line, "a") || t.is(line, "an") || bare_half {
        1.0
    } else {
        numeral::small_word(t.text(line)).filter(|&n| (1.0..=10.0).contains(&n))?
    };
    let mut j = if bare_half { p } else { p + 1 };
    let hyphen = toks.get(j).is_some_and(|h| {
        h.is_punct(line, '-') && !h.space_before && toks.get(j + 1).is_some_and(|d| !d.space_before)
    });
    if hyphen {
        j += 1;
    }
    let d_tok = toks
        .get(j)
        .filter(|d| d.is_word() && (hyphen || d.space_before || bare_half))?;
    let d = denominator(d_tok.text(line))?;
    let end = j + 1;
    let of = toks.get(end).is_some_and(|o| o.is(line, "of"));
    let plural = d_tok.text(line).ends_with(['s', 'S']);
    if !(of || n > 1.0 && (plural || hyphen)) {
        return None;
    }
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.is_word())
            .map_or("", |t| t.text(line))
    };
    // "three quarters billion" is a number the numeral reader reads whole.
    if numeral::scale_word(word(end)).is_some() {
        return None;
    }
    // "the past two quarters", "the next three quarters", "the first two quarters of 1990":
    // quarters of a year, not a share.
    if plural && d_tok.text(line).eq_ignore_ascii_case("quarters") {
        let before = p.checked_sub(1).map_or("", word);
        let temporal = &[
            "past",
            "next",
            "last",
            "first",
            "previous",
            "coming",
            "recent",
            "preceding",
            "following",
            "final",
            "latest",
        ];
        let year_after = of
            && (toks
                .get(end + 1)
                .is_some_and(|y| y.is_num() && y.text(line).len() == 4)
                || is_word(word(end + 1), &["this", "next", "last", "fiscal"]));
        if is_word(before, temporal) || year_after {
            return None;
        }
    }
    let mut after = end + 1;
    if of && is_word(word(after), &["a", "an", "the"]) {
        after += 1;
    }
    if of && time_unit(word(after)) {
        return None;
    }
    let whole = Amount {
        start: p,
        end,
        value: 0.0,
        measure: Measure::Percent,
        vague: None,
        num: None,
        unit_toks: None,
        round: true,
    };
    // "three-quarters of a million": a count.
    if of
        && is_word(word(end + 1), &["a", "an"])
        && let Some(scale) = numeral::scale_word(word(end + 2))
    {
        return Some(Amount {
            end: end + 3,
            value: n / d * scale,
            measure: Measure::Count,
            ..whole
        });
    }
    Some(Amount {
        value: (n / d * 10_000.0).round() / 100.0,
        ..whole
    })
}

/// "hundreds", "tens of thousands", "hundreds of millions": (unit, end token).
fn vague_at(line: &str, toks: &[Token], p: usize) -> Option<(f64, usize)> {
    let t = toks.get(p).filter(|t| t.is_word())?;
    let of_then = |k: usize| -> Option<f64> {
        let of = toks.get(k)?;
        let big = toks.get(k + 1)?;
        if of.is(line, "of") && big.is_word() {
            vague_unit(big.text(line)).filter(|&u| u >= 1e3)
        } else {
            None
        }
    };
    if t.is(line, "tens") {
        let u = of_then(p + 1)?;
        return Some((10.0 * u, p + 3));
    }
    // "several hundred", "a few thousand": vague like "hundreds", "thousands".
    let few = if t.is(line, "several") || t.is(line, "few") {
        Some(p + 1)
    } else if t.is(line, "a") && toks.get(p + 1).is_some_and(|n| n.is(line, "few")) {
        Some(p + 2)
    } else {
        None
    };
    if let Some(k) = few {
        let s = toks.get(k).filter(|n| n.is_word() && n.space_before)?;
        let u = numeral::scale_word(s.text(line)).filter(|_| !s.text(line).ends_with('s'))?;
        return Some((u, k + 1));
    }
    let u = vague_unit(t.text(line))?;
    // A vague plural right after a number word is that number's scale, not a vague amount.
    if p > 0 && toks[p - 1].is_word() && numeral::small_word(toks[p - 1].text(line)).is_some() {
        return None;
    }
    if u == 1e2
        && let Some(big) = of_then(p + 1)
    {
        return Some((u * big, p + 3));
    }
    Some((u, p + 1))
}

/// The amount starting at token `p`: [currency] number-or-vague [scale] [percent | currency
/// | unit], with a minor unit after a currency name ("3 dollars 50 cents").
fn amount(line: &str, toks: &[Token], p: usize) -> Option<Amount> {
    toks.get(p)?;
    let mut sign = 1.0;
    let mut q = p;
    if toks[p].is_word() && is_word(toks[p].text(line), &["minus", "negative"]) {
        sign = -1.0;
        q = p + 1;
    }
    let prefix = money::before(line, toks, q);
    let magnitude = if prefix.is_none() {
        quantity::magnitude_before(line, toks, q)
    } else {
        None
    };
    let nstart = prefix.map(|c| c.end).or(magnitude).unwrap_or(q);
    if nstart >= toks.len() {
        return None;
    }
    if prefix.is_none()
        && magnitude.is_none()
        && sign > 0.0
        && let Some(f) = fraction(line, toks, p)
    {
        return Some(f);
    }
    // The number, or a vague plural.
    let (mut value, mut end, num, vague) = match numeral::parse(line, toks, nstart) {
        Some(n) => (n.value, n.end, Some(n), None),
        None => {
            let (u, e) = vague_at(line, toks, nstart)?;
            (2.0 * u, e, None, Some(10.0 * u))
        }
    };
    // A number glued to the prefix word is only money: "USD115" yes, "G7" no.
    if sign < 0.0 && prefix.is_some() {
        return None;
    }
    let round = vague.is_some()
        || num.is_some_and(|n| {
            (n.scaled && !n.decimal)
                || (!n.words && !n.decimal && n.value >= 100.0 && n.value % 100.0 == 0.0)
        });
    let mut a = Amount {
        start: p,
        end,
        value,
        measure: Measure::Count,
        vague,
        num,
        unit_toks: None,
        round,
    };
    if let Some(c) = prefix {
        // "$100 million USD" is rare; "MAUD 60" is 60 million.
        a.value = value * c.scale;
        a.measure = Measure::Money(c.code);
        // "$ 5 bn" after a symbol: a spaced short scale is safe here.
        if let Some(t) = toks.get(end).filter(|t| t.is_word() && t.space_before)
            && let Some(s) = short_scale(t.text(line))
        {
            a.value *= s;
            a.end = end + 1;
        }
        return Some(a);
    }
    if magnitude.is_some() {
        a.measure = Measure::Quantity(quantity::Unit {
            canonical: "Mw",
            factor: 1.0,
            offset: 0.0,
        });
        a.unit_toks = Some((p, p + 1));
        return Some(a);
    }
    // Percent.
    if let Some(e) = percent_after(line, toks, end) {
        a.value = sign * value;
        a.end = e;
        a.measure = Measure::Percent;
        return Some(a);
    }
    if sign < 0.0 {
        return None;
    }
    // Currency after: "100 dollars", "hundreds of millions of dollars", "75 USD million".
    let mut cur_at = end;
    if (vague.is_some() || num.is_some_and(|n| n.scaled))
        && toks.get(end).is_some_and(|t| t.is(line, "of"))
    {
        cur_at = end + 1;
    }
    if let Some(c) = money::after(line, toks, cur_at).filter(|c| cur_at == end || c.named) {
        value *= c.scale;
        end = c.end;
        if let Some(t) = toks.get(end).filter(|t| t.is_word() && t.space_before)
            && let Some(s) = numeral::scale_word(t.text(line)).or_else(|| short_scale(t.text(line)))
            && vague.is_none()
        {
            value *= s;
            end += 1;
        } else if vague.is_none() && num.is_some_and(|n| !n.scaled && !n.decimal) {
            let (v, e) = minor_units(line, toks, c.code, value, end);
            value = v;
            end = e;
        }
        a.value = value;
        a.end = end;
        a.measure = Measure::Money(c.code);
        return Some(a);
    }
    if vague.is_none()
        && let Some(u) = quantity::after(line, toks, end)
    {
        a.end = u.end;
        a.measure = Measure::Quantity(u.unit);
        a.unit_toks = Some((u.first, u.end));
        return Some(a);
    }
    // "7.1-magnitude" is covered by the unit table; a vague plural before "of" stays a count.
    Some(a)
}

/// Scale abbreviations that may follow a currency amount after a space ("$ 5 bn").
fn short_scale(w: &str) -> Option<f64> {
    match w {
        "bn" | "bln" | "billion" => Some(1e9),
        "mn" | "mln" | "m" | "million" => Some(1e6),
        "tn" | "trillion" => Some(1e12),
        _ => None,
    }
}

/// "%", "percent", "per cent", "percentage (points)" after an amount ending at token `j`.
fn percent_after(line: &str, toks: &[Token], j: usize) -> Option<usize> {
    let t = toks.get(j)?;
    if t.is_punct(line, '%') {
        return Some(j + 1);
    }
    if !t.is_word() {
        return None;
    }
    let w = t.text(line);
    if is_word(w, &["percent", "percents", "pct"]) {
        return Some(j + 1);
    }
    if t.is(line, "per") && toks.get(j + 1).is_some_and(|n| n.is(line, "cent")) {
        return Some(j + 2);
    }
    if t.is(line, "percentage") {
        if toks
            .get(j + 1)
            .is_some_and(|n| n.is(line, "point") || n.is(line, "points"))
        {
            return Some(j + 2);
        }
        return Some(j + 1);
    }
    None
}

/// Minor units after a main amount in a currency named after it: "3 dollars 50 cents",
/// "thirteen dollars and forty-five cents", "15 dollars 50", "one kuai and five mao five".
fn minor_units(line: &str, toks: &[Token], code: &str, main: f64, j: usize) -> (f64, usize) {
    let mut value = main;
    let mut end = j;
    let mut k = j;
    let mut last_fraction = 1.0;
    for _ in 0..2 {
        let mut p = k;
        if toks.get(p).is_some_and(|t| t.is(line, "and")) {
            p += 1;
        }
        let Some(n) = numeral::parse(line, toks, p) else {
            break;
        };
        if n.decimal || n.scaled || n.value >= 100.0 || n.value <= 0.0 {
            break;
        }
        if let Some(f) = toks
            .get(n.end)
            .filter(|t| t.is_word() && t.space_before)
            .and_then(|t| money::minor(code, t.text(line)))
        {
            value += n.value * f;
            last_fraction = f;
            end = n.end + 1;
            k = end;
            continue;
        }
        // A bare number is the next minor unit down (cents after dollars, fen after mao),
        // when nothing else claims it: not another amount ("50 dollar 40 rmb"), not a count
        // of something ("15 dollars 50 times").
        let after = toks.get(n.end);
        let free = match after {
            None => true,
            Some(t) if t.kind == TokKind::Punct => {
                !money::is_currency_at(line, toks, n.end) && !t.is_punct(line, '%')
            }
            Some(t) => is_word(
                t.text(line),
                &["more", "and", "or", "to", "in", "for", "each"],
            ),
        };
        if !free || !toks[n.start].space_before && toks[n.start].is_num() {
            break;
        }
        let f = if (0.1..1.0).contains(&last_fraction) {
            last_fraction / 10.0
        } else {
            0.01
        };
        value += n.value * f;
        end = n.end;
        break;
    }
    (value, end)
}

/// Where a number stands in a dash range ("10-15"): the dash next to it is then expected.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Range {
    No,
    Head,
    Tail,
}

/// Whether a number that nothing else claimed is a count.
fn count_ok(line: &str, toks: &[Token], a: &Amount, qualified: bool, range: Range) -> bool {
    let Some(n) = a.num else {
        // A vague plural is a count ("Hundreds of protesters"), but "hundreds of years" is
        // a length of time.
        let of = toks.get(a.end).is_some_and(|t| t.is(line, "of"));
        let unit = toks
            .get(a.end + 1)
            .filter(|t| t.is_word())
            .map(|t| t.text(line));
        return !(of && unit.is_some_and(time_unit));
    };
    let (s, e) = (n.start, n.end);
    let first = &toks[s];
    let prev = s.checked_sub(1).map(|k| &toks[k]);
    let next = toks.get(e);
    let word_at = |k: usize| toks.get(k).filter(|t| t.is_word()).map(|t| t.text(line));
    // A year.
    if n.bare_integer && (1000.0..=2100.0).contains(&n.value) && first.span.len() == 4 && !qualified
    {
        return false;
    }
    // Glued to letters or digits by punctuation: dates, times, scores, ids, phone numbers.
    if let Some(p) = prev
        && !first.space_before
        && range != Range::Tail
    {
        if p.is_word() {
            return false;
        }
        if p.kind == TokKind::Punct
            && !n.words
            && ["-", "/", ":", ".", "#", "+", "–", "№", "_", "@", "=", "\\"].contains(&p.text(line))
        {
            return false;
        }
        if p.is_punct(line, ',') && s >= 2 && toks[s - 2].is_num() && !p.space_before {
            return false;
        }
    }
    if let Some(nx) = next
        && !nx.space_before
        && range != Range::Head
    {
        if nx.is_word() || nx.is_num() {
            // "189th", "1990s", "11a", "3D".
            return false;
        }
        if nx.kind == TokKind::Punct
            && toks
                .get(e + 1)
                .is_some_and(|t| !t.space_before && (t.is_num() || t.is_word()))
        {
            let c = nx.text(line);
            // "2023-08-10", "6:04", "5/17", "1,10", "5'11", but "15-member" and "one-week"
            // are compounds whose number stays a count unless a time unit follows.
            if c == "-" || c == "–" {
                if toks[e + 1].is_num() {
                    return false;
                }
                if let Some(w) = word_at(e + 1)
                    && (time_unit(w) || n.words && first.is(line, "one") || fraction_word(w))
                {
                    return false;
                }
            } else if c != "%" && c != ")" {
                return false;
            }
        }
    }
    // A length of time ("six years", "48 hours") is a duration; "6 pm" a time of day.
    if let Some(w) = word_at(e).filter(|_| next.is_some_and(|t| t.space_before))
        && (time_unit(w) || is_word(w, &["pm", "am", "a.m", "p.m", "o'clock", "GMT", "UTC"]))
    {
        return false;
    }
    if next.is_some_and(|t| t.is_word() && t.space_before && (t.is(line, "a") || t.is(line, "p")))
        && toks
            .get(e + 1)
            .is_some_and(|t| t.is_punct(line, '.') && !t.space_before)
        && toks.get(e + 2).is_some_and(|t| t.is(line, "m"))
    {
        return false;
    }
    if let Some(p) = prev.filter(|p| p.is_word()) {
        let pw = p.text(line);
        if label_word(pw) || is_word(pw, &["aged", "age", "ages"]) {
            return false;
        }
        // A day of the month: "July 26", "26 July".
        if n.bare_integer && n.value <= 31.0 && month(pw) {
            return false;
        }
        // "the one you mentioned": a pronoun, not a count.
        if n.words && first.is(line, "one") && determiner(pw) {
            return false;
        }
        // "Boeing 737", "Apollo 11", "Resolution 2719": a name with a number.
        if n.bare_integer
            && !qualified
            && s >= 2
            && first.space_before
            && p.text(line).chars().any(char::is_uppercase)
            && !month(pw)
            && !weekday(pw)
            && !toks[s - 2].is_punct(line, '.')
            && !toks[s - 2].is_punct(line, ':')
            && !toks[s - 2].is_punct(line, '"')
        {
            return false;
        }
    }
    // "No. 10", "Art. 5", "p. 12": an abbreviated label before the number.
    if prev.is_some_and(|p| p.is_punct(line, '.'))
        && s >= 2
        && toks[s - 2].is_word()
        && !toks[s - 1].space_before
        && is_word(
            toks[s - 2].text(line),
            &[
                "no", "nos", "nr", "art", "sec", "ch", "p", "pp", "vol", "fig", "para", "op",
            ],
        )
    {
        return false;
    }
    if n.bare_integer && n.value <= 31.0 && word_at(e).is_some_and(month) {
        return false;
    }
    // "Formula One", "the Big Four", "Group of Seven": a capitalized number word inside a
    // sentence is part of a name.
    if n.words
        && !qualified
        && first
            .text(line)
            .starts_with(|c: char| c.is_ascii_uppercase())
        && prev.is_some_and(|p| {
            p.is_word() || (p.kind == TokKind::Punct && matches!(p.text(line), "," | "-" | "'"))
        })
    {
        return false;
    }
    // "one another", "one of the largest": a pronoun, not a count of one.
    if n.words
        && first.is(line, "one")
        && e == s + 1
        && word_at(e).is_some_and(|w| is_word(w, &["another", "of"]))
    {
        return false;
    }
    // A list number at the start of a line: "1. Introduction", "2) Results".
    if s == 0
        && n.bare_integer
        && next.is_some_and(|t| (t.is_punct(line, '.') || t.is_punct(line, ')')) && !t.space_before)
        && toks.get(e + 1).is_some()
    {
        return false;
    }
    // An age in apposition: "The general, 62, was sworn in".
    if n.bare_integer
        && n.value <= 120.0
        && prev.is_some_and(|p| p.is_punct(line, ','))
        && next.is_some_and(|t| t.is_punct(line, ','))
        && s >= 2
        && toks[s - 2].is_word()
    {
        return false;
    }
    // A phone number: "(202) 555 0100".
    if prev.is_some_and(|p| p.is_punct(line, '(') && !first.space_before)
        && next.is_some_and(|t| t.is_punct(line, ')') && !t.space_before)
        && toks.get(e + 1).is_some_and(|t| t.is_num())
    {
        return false;
    }
    true
}

fn time_unit(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(l) = numeral::lower(w, &mut buf) else {
        return false;
    };
    matches!(
        l,
        b"year"
            | b"years"
            | b"yr"
            | b"yrs"
            | b"month"
            | b"months"
            | b"week"
            | b"weeks"
            | b"day"
            | b"days"
            | b"night"
            | b"nights"
            | b"fortnight"
            | b"fortnights"
            | b"hour"
            | b"hours"
            | b"hr"
            | b"hrs"
            | b"minute"
            | b"minutes"
            | b"min"
            | b"mins"
            | b"second"
            | b"seconds"
            | b"sec"
            | b"secs"
            | b"decade"
            | b"decades"
            | b"century"
            | b"centuries"
            | b"millennium"
            | b"millennia"
    )
}

/// "two-thirds", "three-quarters", "one-fifth": a fraction, not a count.
fn fraction_word(w: &str) -> bool {
    is_word(
        w,
        &[
            "half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths",
            "fifth", "fifths", "sixth", "sixths", "tenth", "tenths",
        ],
    )
}

/// Words after which a number labels something rather than counts it ("week 17", "No. 5").
fn label_word(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(l) = numeral::lower(w, &mut buf) else {
        return false;
    };
    matches!(
        l,
        b"no"
            | b"nos"
            | b"nr"
            | b"nrs"
            | b"number"
            | b"num"
            | b"page"
            | b"pages"
            | b"pp"
            | b"chapter"
            | b"chapters"
            | b"article"
            | b"articles"
            | b"section"
            | b"sections"
            | b"clause"
            | b"paragraph"
            | b"para"
            | b"item"
            | b"room"
            | b"flight"
            | b"route"
            | b"highway"
            | b"interstate"
            | b"platform"
            | b"gate"
            | b"level"
            | b"grade"
            | b"stage"
            | b"phase"
            | b"version"
            | b"vol"
            | b"volume"
            | b"issue"
            | b"episode"
            | b"season"
            | b"part"
            | b"figure"
            | b"fig"
            | b"table"
            | b"step"
            | b"question"
            | b"apartment"
            | b"apt"
            | b"suite"
            | b"floor"
            | b"channel"
            | b"code"
            | b"id"
            | b"pin"
            | b"ext"
            | b"tel"
            | b"phone"
            | b"fax"
            | b"week"
            | b"resolution"
            | b"amendment"
            | b"model"
            | b"mark"
            | b"class"
            | b"category"
            | b"type"
            | b"district"
            | b"zone"
            | b"sector"
            | b"lane"
            | b"street"
            | b"avenue"
            | b"road"
            | b"block"
            | b"plot"
            | b"batch"
    )
}

fn determiner(w: &str) -> bool {
    is_word(
        w,
        &[
            "the",
            "this",
            "that",
            "which",
            "each",
            "every",
            "any",
            "no",
            "another",
            "what",
            "whichever",
            "little",
            "only",
            "someone",
            "anyone",
            "everyone",
            "one's",
            "other",
        ],
    )
}

fn month(w: &str) -> bool {
    is_word(
        w,
        &[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
        ],
    ) && w != "may"
        && w != "march"
}

fn weekday(w: &str) -> bool {
    is_word(
        w,
        &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
    )
}

/// Builds the value of amount `a` with its qualifier, starting at token `start` (the
/// qualifier's first token). `lo` is the lower end of a range.
fn build(
    line: &str,
    toks: &[Token],
    start: usize,
    a: &Amount,
    qual: Option<Qual>,
    lo: Option<f64>,
) -> Value {
    let span = Span::new(toks[start].span.start, toks[a.end - 1].span.end);
    let (kind, unit_word) = match a.measure {
        Measure::Count => (Kind::Count, None),
        Measure::Money(c) => (Kind::Money, Some(c.to_string())),
        // "3 percentage points" is a difference of percentages: the unit says so.
        Measure::Percent => (
            Kind::Percent,
            toks[a.end - 1]
                .text(line)
                .to_ascii_lowercase()
                .starts_with("point")
                .then(|| "percentage points".to_string()),
        ),
        Measure::Quantity(u) => (Kind::Quantity, Some(u.canonical.to_string())),
    };
    let sig = a.num.map_or(2, |n| n.sig_digits);
    let conv = |x: f64| match a.measure {
        Measure::Quantity(u) => quantity::convert(x, &u, sig),
        _ => x,
    };
    let x = conv(a.value);
    let mut text = String::new();
    let interval;
    let mut approximate = a.round;
    if let Some(l) = lo {
        let l = conv(l);
        text.push_str(&fmt_number(l));
        text.push_str("..");
        text.push_str(&fmt_number(x));
        interval = Interval::new(l, x);
        approximate = true;
    } else if let Some(hi) = a.vague {
        // A vague plural is a lower bound: "hundreds" is at least 200.
        let q = match qual {
            Some(Qual::More) => ">",
            _ => ">=",
        };
        text.push_str(q);
        text.push_str(&fmt_number(x));
        interval = Interval::new(x, hi);
        approximate = true;
    } else {
        let floor = if kind == Kind::Percent || kind == Kind::Quantity {
            f64::NEG_INFINITY
        } else {
            0.0
        };
        // "about 26,000" is told to the thousand: it stands for what rounds to it
        // (25,500..26,500), never more than 10% either way ("about 20" is 18..22).
        let band = if a.value == 0.0 {
            0.0
        } else {
            (0.499 * super::rounding_step(a.value) / a.value.abs()).min(0.1)
        };
        interval = match qual {
            None | Some(Qual::Between) => Interval::point(x),
            Some(Qual::About) => Interval::new(x - x.abs() * band, x + x.abs() * band),
            Some(Qual::Nearly) => Interval::new(x - x.abs() * band, x),
            Some(Qual::More) => Interval::new(x.next_up(), f64::INFINITY),
            Some(Qual::AtLeast) => Interval::new(x, f64::INFINITY),
            Some(Qual::UpTo) => Interval::new(floor, x),
            Some(Qual::Less) => Interval::new(floor, x.next_down()),
        };
        if let Some(q) = qual {
            text.push_str(q.prefix());
            approximate = true;
        }
        text.push_str(&fmt_number(x));
    }
    let value = match a.measure {
        Measure::Count => text,
        Measure::Money(c) => format!("{c} {text}"),
        Measure::Percent => format!("{text}%"),
        Measure::Quantity(u) => format!("{text} {}", u.canonical),
    };
    let mut v = Value::new(kind, span, value);
    v.interval = Some(interval);
    v.unit = match (a.measure, a.unit_toks) {
        (Measure::Quantity(_), Some((f, e))) => {
            Some(line[toks[f].span.start..toks[e - 1].span.end].to_string())
        }
        _ => unit_word,
    };
    v.approximate = approximate || hedged(line, toks, start);
    v
}

/// "an estimated $470 million", "reportedly 300": a hedge before the amount.
fn hedged(line: &str, toks: &[Token], start: usize) -> bool {
    (1..=2).any(|back| {
        start
            .checked_sub(back)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| {
                t.is_word()
                    && is_word(
                        t.text(line),
                        &[
                            "estimated",
                            "reportedly",
                            "reported",
                            "alleged",
                            "purported",
                        ],
                    )
            })
    })
}

/// A URL or e-mail address starts at word `i` ("https://...", "www.example.com").
fn is_url_start(line: &str, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let w = t.text(line);
    let colon_slashes = || {
        toks.get(i + 1)
            .is_some_and(|c| c.is_punct(line, ':') && !c.space_before)
            && toks
                .get(i + 2)
                .is_some_and(|s| s.is_punct(line, '/') && !s.space_before)
    };
    (is_word(w, &["http", "https", "ftp"]) && colon_slashes())
        || (w.eq_ignore_ascii_case("www")
            && toks
                .get(i + 1)
                .is_some_and(|d| d.is_punct(line, '.') && !d.space_before))
}

/// The index of the first token after the whitespace-delimited run containing token `i`.
fn skip_run(toks: &[Token], i: usize) -> usize {
    let mut j = i + 1;
    while j < toks.len() && !toks[j].space_before {
        j += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn vals(line: &str) -> Vec<(Kind, String, String)> {
        let toks = tokenize(line);
        let mut out = Vec::new();
        find(&Words::new(line, &toks), &Context::default(), &mut out);
        out.iter()
            .map(|v| (v.kind, v.text(line).to_string(), v.value.clone()))
            .collect()
    }

    fn one(line: &str) -> (Kind, String, String) {
        let v = vals(line);
        assert_eq!(v.len(), 1, "{line}: {v:?}");
        v[0].clone()
    }

    fn c(text: &str, value: &str) -> (Kind, String, String) {
        (Kind::Count, text.into(), value.into())
    }

    fn m(text: &str, value: &str) -> (Kind, String, String) {
        (Kind::Money, text.into(), value.into())
    }

    #[test]
    fn counts_with_qualifiers() {
        assert_eq!(one("About 1,100 U.S. troops"), c("About 1,100", "~1100"));
        assert_eq!(
            one("More than 1,000 soldiers"),
            c("More than 1,000", ">1000")
        );
        assert_eq!(one("at least 500 people"), c("at least 500", ">=500"));
        assert_eq!(one("Fewer than 10 journalists"), c("Fewer than 10", "<10"));
        assert_eq!(one("Up to 300 soldiers"), c("Up to 300", "<=300"));
        assert_eq!(
            one("Over 2 million refugees"),
            c("Over 2 million", ">2000000")
        );
        assert_eq!(
            one("Between 1,000 and 1,200 troops"),
            c("Between 1,000 and 1,200", "1000..1200")
        );
        assert_eq!(
            one("between 3 and 4 million people"),
            c("between 3 and 4 million", "3000000..4000000")
        );
        assert_eq!(one("10-15 people"), c("10-15", "10..15"));
        assert_eq!(one("a 300-plus crowd"), c("300-plus", ">=300"));
        assert_eq!(one("500 or more people"), c("500 or more", ">=500"));
        assert_eq!(one("20 or so boats"), c("20 or so", "~20"));
    }

    #[test]
    fn vague_quantities() {
        assert_eq!(one("Hundreds of protesters"), c("Hundreds", ">=200"));
        assert_eq!(one("Dozens of civilians"), c("Dozens", ">=24"));
        assert_eq!(one("Several hundred people"), c("Several hundred", ">=200"));
        assert_eq!(one("a few thousand troops"), c("a few thousand", ">=2000"));
        assert_eq!(
            one("tens of thousands of people"),
            c("tens of thousands", ">=20000")
        );
        assert_eq!(
            one("hundreds of millions of dollars"),
            m("hundreds of millions of dollars", "USD >=200000000")
        );
    }

    #[test]
    fn not_counts() {
        for line in [
            "in 2023",
            "ranked 189th",
            "the 1990s",
            "six years ago",
            "a 12-year-old girl",
            "week 17 of",
            "on 2023-08-10",
            "at 6:04 pm",
            "call +1 202",
            "an F-16 jet",
            "a Boeing 737 jet",
            "July 26",
            "The one you mentioned",
            "The general, 62, was",
            "see https://x.org/a?q=30%25",
            "aged 40",
            "people aged between 18 and 25",
            "No. 10 Downing Street",
            "call +44 20 7946 0958",
            "one of the largest",
            "two-thirds of voters",
            "hundreds of years",
            "the iPhone 15",
            "Formula One racing",
            "the Group of Seven",
        ] {
            let v: Vec<_> = vals(line)
                .into_iter()
                .filter(|v| v.0 == Kind::Count)
                .collect();
            assert!(v.is_empty(), "{line}: {v:?}");
        }
    }

    #[test]
    fn money() {
        assert_eq!(one("$100 million"), m("$100 million", "USD 100000000"));
        assert_eq!(one("US$1.2bn"), m("US$1.2bn", "USD 1200000000"));
        assert_eq!(one("€2.5 billion"), m("€2.5 billion", "EUR 2500000000"));
        assert_eq!(one("£300,000"), m("£300,000", "GBP 300000"));
        // Five tokens before the digits: "U", ".", "S", ".", "$"; not Singapore's "S$".
        assert_eq!(one("U.S.$5 million"), m("U.S.$5 million", "USD 5000000"));
        assert_eq!(one("paid U.S. $5"), m("U.S. $5", "USD 5"));
        assert_eq!(
            one("50 billion dollars"),
            m("50 billion dollars", "USD 50000000000")
        );
        assert_eq!(
            one("about $ 14 million"),
            m("about $ 14 million", "USD ~14000000")
        );
        assert_eq!(
            one("between $3 billion and $4 billion"),
            m(
                "between $3 billion and $4 billion",
                "USD 3000000000..4000000000"
            )
        );
        assert_eq!(
            one("3 dollars 50 cents"),
            m("3 dollars 50 cents", "USD 3.5")
        );
        assert_eq!(
            one("thirteen dollars and forty-five cents"),
            m("thirteen dollars and forty-five cents", "USD 13.45")
        );
        assert_eq!(
            one("in excess of 30 MUSD"),
            m("in excess of 30 MUSD", "USD >30000000")
        );
        assert_eq!(one("75 USD million"), m("75 USD million", "USD 75000000"));
        assert_eq!(
            vals("50 dollar 40 rmb"),
            vec![m("50 dollar", "USD 50"), m("40 rmb", "CNY 40")]
        );
        assert_eq!(
            one("one kuai and five mao five"),
            m("one kuai and five mao five", "CNY 1.55")
        );
        let money: Vec<_> = vals("3 USD50 Cards")
            .into_iter()
            .filter(|v| v.0 == Kind::Money)
            .collect();
        assert_eq!(money, vec![m("USD50", "USD 50")]);
    }

    #[test]
    fn percents() {
        let p = |t: &str, v: &str| (Kind::Percent, t.to_string(), v.to_string());
        assert_eq!(one("rose 12.5%"), p("12.5%", "12.5%"));
        assert_eq!(one("12.5 percent"), p("12.5 percent", "12.5%"));
        assert_eq!(one("63.2 per cent"), p("63.2 per cent", "63.2%"));
        assert_eq!(one("Nearly 40% of"), p("Nearly 40%", "~40%"));
        assert_eq!(one("minus five percent"), p("minus five percent", "-5%"));
        let line = "up 3 percentage points";
        let toks = tokenize(line);
        let mut out = Vec::new();
        find(&Words::new(line, &toks), &Context::default(), &mut out);
        assert_eq!(out[0].unit.as_deref(), Some("percentage points"));
    }

    #[test]
    fn text_far_from_any_number_is_skipped_without_losing_what_leads_to_one() {
        // The URL starts 13 tokens before its first digits: still seen whole.
        assert_eq!(
            vals("read https://news.example.com/world/africa/niger/2023/07/26/coup now"),
            []
        );
        // Long stretches with no number, then amounts with their longest lead-ins.
        let filler = "the soldiers said that the president was held in the palace and ".repeat(3);
        assert_eq!(
            vals(&format!("{filler}no fewer than 1,000 troops")),
            [c("no fewer than 1,000", ">=1000")]
        );
        assert_eq!(
            vals(&format!("{filler}U.S. $ 5 million")),
            [m("U.S. $ 5 million", "USD 5000000")]
        );
        assert_eq!(
            vals(&format!("{filler}hundreds of people")),
            [c("hundreds", ">=200")]
        );
    }

    #[test]
    fn fractions() {
        let p = |t: &str, v: &str| (Kind::Percent, t.to_string(), v.to_string());
        assert_eq!(
            one("Two-thirds of the troops left"),
            p("Two-thirds", "66.67%")
        );
        assert_eq!(one("three quarters of voters"), p("three quarters", "75%"));
        assert_eq!(one("a third of the budget"), p("a third", "33.33%"));
        assert_eq!(one("one half of them"), p("one half", "50%"));
        assert_eq!(one("an eighth of the vote"), p("an eighth", "12.5%"));
        assert_eq!(
            vals("Nearly half of the 2,000 respondents"),
            [p("Nearly half", "~50%"), c("2,000", "2000")]
        );
        assert_eq!(vals("half of an hour"), []);
        assert_eq!(
            one("three quarters billion dollars"),
            m("three quarters billion dollars", "USD 750000000")
        );
        assert_eq!(one("about two thirds"), p("about two thirds", "~66.67%"));
        assert_eq!(
            one("three-quarters of a million people"),
            c("three-quarters of a million", "750000")
        );
        // Not fractions: a time, an ordinal, a lone "a quarter".
        assert_eq!(vals("a quarter of an hour"), []);
        assert_eq!(vals("the third week"), []);
        assert_eq!(vals("a quarter"), []);
        assert_eq!(vals("two-thirds majority"), [p("two-thirds", "66.67%")]);
        // Quarters of a year, counted: no share of anything.
        assert_eq!(
            vals("Profit fell in the past two quarters"),
            [c("two", "2")]
        );
        assert_eq!(
            vals("Sales will rise over the next three quarters"),
            [c("three", "3")]
        );
        assert_eq!(
            vals("the first two quarters of 1990 were weak"),
            [c("two", "2")]
        );
        assert_eq!(
            one("Three quarters of the voters agreed"),
            p("Three quarters", "75%")
        );
    }

    #[test]
    fn quantities() {
        let q = |t: &str, v: &str| (Kind::Quantity, t.to_string(), v.to_string());
        assert_eq!(one("80 miles"), q("80 miles", "129 km"));
        assert_eq!(one("129 km"), q("129 km", "129 km"));
        assert_eq!(one("a 6,825-ton ferry"), q("6,825-ton", "6825 t"));
        assert_eq!(one("a 7.1 magnitude quake"), q("7.1 magnitude", "7.1 Mw"));
        assert_eq!(one("a magnitude 7.1 quake"), q("magnitude 7.1", "7.1 Mw"));
        assert_eq!(one("40 degrees Celsius"), q("40 degrees Celsius", "40 C"));
        assert_eq!(one("about 75 miles"), q("about 75 miles", "~121 km"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// In-process, on arbitrary text and on number-heavy text: no panic, and every span
        /// is in bounds, on character boundaries and ordered without overlap.
        #[test]
        fn spans_are_valid_slices(
            any in ".{0,80}",
            numeric in "([0-9]{1,5}|[ ,.$€£%/:()'-]|and|between|about|at least|million|bn|m|k|\
                          dollars|USD|us|c|hundred|hundreds|of|a|half|dozen|point|one|two|\
                          twenty|miles|km|degrees|Celsius|magnitude|per cent|cents|minus){0,24}",
        ) {
            for line in [any.as_str(), numeric.as_str()] {
                let vals = super::super::recognize(line, &Context::default());
                let mut last = 0;
                for v in &vals {
                    proptest::prop_assert!(v.span.start >= last && v.span.start < v.span.end);
                    proptest::prop_assert!(line.get(v.span.start..v.span.end).is_some());
                    last = v.span.end;
                }
            }
        }
    }
}
