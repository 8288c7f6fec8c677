//! Durations: an amount of time as written ("six years", "48 hours", "a 12-year-old pact",
//! "one and a half hours", "1 year 1 month 21 days", "decades"), normalized to ISO 8601
//! (`P6Y`, `PT48H`, `P12Y`, `PT1.5H`, `P1Y1M21D`), with the interval in seconds (a year is
//! 365.25 days, a month 30.44 days).
//!
//! In: the line's [`Words`]. Out: `duration` candidates. The amount-and-unit reader
//! [`measure`] is shared with the date recognizer, which turns "six years ago" and "in two
//! weeks" into dates (the longer date span then wins when candidates are settled).
//! An age written "N-year-old" of a thing is a duration ("a 12-year-old pact" is `P12Y`:
//! how long it has lasted); of a person it is kind `age` ("a 6-year-old boy", "Elian, 6
//! years old": `P6Y`), which is not a stretch of time of any event.
//! A bare "62" after a name is left to the count recognizer (the news bench ignores it).
//! An unstated amount ("decades", "for years") is TIMEX3's `PXDE`, `PXY`, with an interval
//! of at least two units. "More than", "at least" open the interval upwards; "up to",
//! "under", "nearly" bound it from above; hedges ("about") mark it approximate. "a day"
//! after an amount of something ("barrels a day") is a rate and not reported.

use super::lexicon::{Kw, Unit, Words};
use super::numeral;
use super::{Context, Interval, Kind, Value, fmt_number};
use crate::span::Span;

/// At most this many amount-unit pairs make one duration ("2 years 1 month 21 days").
const MAX_PARTS: usize = 4;

/// An amount of time read from tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measure {
    pub parts: [(f64, Unit); MAX_PARTS],
    pub len: usize,
    pub start: usize,
    pub end: usize,
    /// "a couple of", a bare plural ("decades"): the amount is not exact.
    pub approximate: bool,
    /// The amount is not stated ("decades", "for years"): at least two of the unit.
    pub open: bool,
}

impl Measure {
    pub fn parts(&self) -> &[(f64, Unit)] {
        &self.parts[..self.len]
    }

    /// The finest unit named ("1 month 21 days" gives days).
    pub fn finest(&self) -> Unit {
        self.parts()
            .iter()
            .map(|p| p.1)
            .max_by_key(|u| u.fineness())
            .unwrap_or(Unit::Day)
    }

    pub fn seconds(&self) -> f64 {
        self.parts().iter().map(|(n, u)| n * u.seconds()).sum()
    }

    /// ISO 8601 form: `P1Y1M21D`, `PT1.5H`, `P2W`; weeks mixed with other units become days.
    pub fn iso(&self) -> String {
        if self.open {
            let u = self.parts[0].1;
            return match u {
                Unit::Century => "PXCE",
                Unit::Decade => "PXDE",
                Unit::Year => "PXY",
                Unit::Month => "PXM",
                Unit::Week | Unit::Fortnight => "PXW",
                Unit::Day | Unit::Night => "PXD",
                Unit::Hour => "PTXH",
                Unit::Minute => "PTXM",
                Unit::Second => "PTXS",
            }
            .to_string();
        }
        let (mut y, mut mo, mut wk, mut d, mut h, mut mi, mut s) =
            (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        for &(n, u) in self.parts() {
            match u {
                Unit::Century => y += 100.0 * n,
                Unit::Decade => y += 10.0 * n,
                Unit::Year => y += n,
                Unit::Month => mo += n,
                Unit::Fortnight => wk += 2.0 * n,
                Unit::Week => wk += n,
                Unit::Day | Unit::Night => d += n,
                Unit::Hour => h += n,
                Unit::Minute => mi += n,
                Unit::Second => s += n,
            }
        }
        let others = [y, mo, d, h, mi, s].iter().any(|&x| x != 0.0);
        if wk != 0.0 && others {
            d += 7.0 * wk;
            wk = 0.0;
        }
        let mut out = String::from("P");
        for (x, c) in [(y, 'Y'), (mo, 'M'), (wk, 'W'), (d, 'D')] {
            if x != 0.0 {
                out.push_str(&fmt_number(x));
                out.push(c);
            }
        }
        if h != 0.0 || mi != 0.0 || s != 0.0 {
            out.push('T');
            for (x, c) in [(h, 'H'), (mi, 'M'), (s, 'S')] {
                if x != 0.0 {
                    out.push_str(&fmt_number(x));
                    out.push(c);
                }
            }
        }
        if out.len() == 1 {
            out.push_str("0D");
        }
        out
    }
}

/// Proposes a duration for every amount of time in the line.
pub fn find(w: &Words, _ctx: &Context, out: &mut Vec<Value>) {
    let mut i = 0;
    loop {
        i = w.skip_to(i, super::date::LEAD);
        if i >= w.len() {
            break;
        }
        // Only digits, number words and a few keywords start an amount of time.
        if !w.may_start(i) {
            i += 1;
            continue;
        }
        let lx = w.lex(i);
        let starts = w.is_num(i)
            || lx.number
            || lx.unit.is_some()
            || matches!(
                lx.kw,
                Kw::A | Kw::Couple | Kw::Half | Kw::Another | Kw::All | Kw::Full | Kw::Whole
            )
            || w.text(i) == "½";
        if !starts {
            i += 1;
            continue;
        }
        if let Some(start) = year_ended(w, i) {
            let span = Span::new(w.start(start), w.value_end(i));
            let mut v = Value::new(Kind::Duration, span, "P1Y");
            v.interval = Some(Interval::point(Unit::Year.seconds()));
            out.push(v);
            i += 1;
            continue;
        }
        let Some(m) = measure(w, i) else {
            i += 1;
            continue;
        };
        if !is_rate(w, m.start) {
            let span = Span::new(w.start(m.start), w.value_end(m.end - 1));
            let kind = if person_age(w, &m) {
                Kind::Age
            } else {
                Kind::Duration
            };
            // The qualifier is part of the value, as for counts: "some 14 hours" is
            // `~PT14H`, "more than two decades" `>P20Y`, "up to 48 hours" `<=PT48H`.
            let qual = qualifier_before(w, m.start);
            let (prefix, span) = match qual {
                Some((prefix, n)) if !m.open => (prefix, Span::new(w.start(m.start - n), span.end)),
                _ => ("", span),
            };
            let mut v = Value::new(kind, span, format!("{prefix}{}", m.iso()));
            let secs = m.seconds();
            v.interval = Some(if m.open {
                Interval::new(secs, f64::INFINITY)
            } else {
                Interval::point(secs)
            });
            v.approximate = m.approximate || w.hedged(m.start);
            // "more than two decades", "up to 48 hours": a bound, not a point.
            if let (Some(iv), Some(b)) = (v.interval, bound_before(w, m.start)) {
                v.interval = Some(match b {
                    Bound::AtLeast => Interval::new(iv.lo, f64::INFINITY),
                    Bound::AtMost => Interval::new(0.0, iv.hi),
                });
                v.approximate = true;
            }
            out.push(v);
        }
        i = m.end.max(i + 1);
    }
    appositive_ages(w, out);
    decade_ages(w, out);
    age_ranges(w, out);
}

/// "aged between 11 and 16", "aged 11 to 16", "ages 11-17", "between the ages of 11 and
/// 16": the ages of a group, from the youngest to the oldest, as one value (`P11Y..P16Y`).
fn age_ranges(w: &Words, out: &mut Vec<Value>) {
    let age = |k: usize| {
        w.num(k)
            .filter(|n| (1..=119).contains(n) && w.digits(k) <= 3)
    };
    for i in 0..w.len() {
        // (where the first age is, "and" may join the two: only after "between")
        let (start, between) = match (w.low(i), w.low(i + 1), w.low(i + 2)) {
            ("aged" | "ages" | "age", "between", _) => (i + 2, true),
            ("aged" | "ages", _, _) => (i + 1, false),
            ("between", "the", "ages") if w.low(i + 3) == "of" => (i + 4, true),
            _ => continue,
        };
        let Some(lo) = age(start) else { continue };
        let link = start + 1;
        if !(w.is_dash(link) || w.low(link) == "to" || between && w.low(link) == "and") {
            continue;
        }
        let Some(hi) = age(link + 1).filter(|&hi| hi > lo) else {
            continue;
        };
        let span = Span::new(w.start(i), w.end(link + 1));
        if out.iter().any(|v| v.span.overlaps(span)) {
            continue;
        }
        let mut v = Value::new(Kind::Age, span, format!("P{lo}Y..P{hi}Y"));
        v.interval = Some(Interval::new(
            f64::from(lo) * Unit::Year.seconds(),
            f64::from(hi + 1) * Unit::Year.seconds(),
        ));
        out.push(v);
    }
}

/// "in his early thirties", "in her mid-40s", "in their late 20s": a person's age as part of
/// a decade (early: the first four years, mid: the middle three, late: the last three).
fn decade_ages(w: &Words, out: &mut Vec<Value>) {
    const TENS: &[(&str, u32)] = &[
        ("twenties", 20),
        ("thirties", 30),
        ("forties", 40),
        ("fifties", 50),
        ("sixties", 60),
        ("seventies", 70),
        ("eighties", 80),
        ("nineties", 90),
    ];
    for i in 1..w.len().saturating_sub(1) {
        if w.low(i - 1) != "in" || !matches!(w.low(i), "his" | "her" | "their" | "my" | "your") {
            continue;
        }
        let mut j = i + 1;
        let part = match w.low(j) {
            p @ ("early" | "mid" | "late") => {
                j += 1;
                if w.is_dash(j) {
                    j += 1;
                }
                Some(p)
            }
            _ => None,
        };
        // "thirties", or "30s" written as digits and a glued "s".
        let (decade, end) = if let Some(&(_, d)) = TENS.iter().find(|(t, _)| w.low(j) == *t) {
            (d, j + 1)
        } else if let Some(d) = w
            .num(j)
            .filter(|d| w.digits(j) == 2 && d % 10 == 0 && *d >= 20)
            && w.glued(j + 1)
            && matches!(w.low(j + 1), "s" | "'s")
        {
            (d, j + 2)
        } else {
            continue;
        };
        let (lo, hi) = match part {
            Some("early") => (decade, decade + 3),
            Some("mid") => (decade + 4, decade + 6),
            Some("late") => (decade + 7, decade + 9),
            _ => (decade, decade + 9),
        };
        let start = if part.is_some() { i + 1 } else { j };
        let span = Span::new(w.start(start), w.end(end - 1));
        let mut v = Value::new(Kind::Age, span, format!("P{lo}Y..P{hi}Y"));
        v.interval = Some(Interval::new(
            f64::from(lo) * Unit::Year.seconds(),
            f64::from(hi + 1) * Unit::Year.seconds(),
        ));
        v.approximate = true;
        out.push(v);
    }
}

/// "Ada Okafor, 63, moved", "Lars Berg, 38, died": a bare number set off by commas right
/// after a name and before a lowercase word is the named person's age (news style).
fn appositive_ages(w: &Words, out: &mut Vec<Value>) {
    for i in 2..w.len().saturating_sub(2) {
        let Some(n) = w.num(i) else { continue };
        if !(1..=119).contains(&n) || w.digits(i) > 3 || !w.is_p(i - 1, ',') || !w.is_p(i + 1, ',')
        {
            continue;
        }
        let name = i - 2;
        let lx = w.lex(name);
        if !w.is_word(name)
            || !w.capital(name)
            || lx.month != 0
            || lx.weekday != 0
            || lx.known
            || !w.is_word(i + 2)
            || w.capital(i + 2)
            // "In Paris, 12 were killed" with a stray comma: a count, not an age.
            || matches!(w.low(i + 2), "were" | "are" | "have")
        {
            continue;
        }
        // "In Paris, 12 had died": a place after a preposition, not a person.
        let mut first = name;
        while first > 0 && w.is_word(first - 1) && w.capital(first - 1) {
            first -= 1;
        }
        if (first..name).chain([name]).any(|k| {
            matches!(
                w.low(k),
                "in" | "at" | "on" | "from" | "across" | "near" | "outside" | "inside" | "by"
            )
        }) || first > 0
            && matches!(
                w.low(first - 1),
                "in" | "at" | "on" | "from" | "across" | "near" | "outside" | "inside" | "by"
            )
        {
            continue;
        }
        let span = Span::new(w.start(i), w.end(i));
        let mut v = Value::new(Kind::Age, span, format!("P{n}Y"));
        v.interval = Some(Interval::point(f64::from(n) * Unit::Year.seconds()));
        out.push(v);
    }
}

/// The amount of time at `m` is the age of a person: "a 6-year-old boy", "6-year-old
/// Elian", "the 44-year-old, who ...", "a 50-year-old anti-abortion activist", "Elian, 6
/// years old". An age of a thing ("a 12-year-old pact") stays a duration: it is how long
/// the thing has lasted.
fn person_age(w: &Words, m: &Measure) -> bool {
    let end = m.end;
    if end > 0 && w.kw(end - 1) == Kw::Old {
        // Past a hyphenated modifier to the noun: "anti-abortion activist".
        let mut k = end;
        while w.is_word(k) && w.is_dash(k + 1) && w.glued(k + 1) && w.is_word(k + 2) {
            k += 2;
        }
        if !w.is_word(k) || w.capital(k) {
            // Used as a noun ("the 6-year-old, who", "a 44-year-old in Miami"), or
            // before a name or a nationality ("6-year-old Elian", "Cuban boy").
            return k == end || w.capital(k);
        }
        let is_person = |k: usize| {
            let noun = w.low(k);
            let noun = noun
                .strip_suffix("'s")
                .or_else(|| noun.strip_suffix("\u{2019}s"))
                .unwrap_or(noun);
            person_noun(noun)
                || k == end && NOT_NOUN.contains(&noun)
                || ["ist", "ian", "ists", "ians"]
                    .iter()
                    .any(|s| noun.ends_with(s))
        };
        // The noun may come after a word or two that qualify it: "a 6-year-old
        // shipwreck survivor"; a word of NOT_NOUN ends the search ("a 12-year-old pact
        // with ...").
        return (k..k + 3)
            .take_while(|&j| {
                w.is_word(j) && !w.capital(j) && (j == k || !NOT_NOUN.contains(&w.low(j)))
            })
            .any(is_person);
    }
    // "6 years old": an age said of someone.
    w.kw(end) == Kw::Old && !w.glued(end)
}

/// "the year ended March 31", "the fiscal year ending June 30, 1990": a year of accounts,
/// named by the day it ends; TimeML reads "the (fiscal) year" as its length, `P1Y`. The
/// token where the span starts, when the unit at `i` is such a year.
fn year_ended(w: &Words, i: usize) -> Option<usize> {
    if w.low(i) != "year" || !matches!(w.low(i + 1), "ended" | "ending") {
        return None;
    }
    let mut s = i;
    if s > 0 && w.kw(s - 1) == Kw::Fiscal {
        s -= 1;
    }
    (s > 0 && w.kw(s - 1) == Kw::The).then_some(s - 1)
}

/// Words after "N-year-old" that show it is used as a noun ("the 6-year-old in Miami").
const NOT_NOUN: &[&str] = &[
    "in", "of", "who", "was", "is", "had", "has", "and", "or", "from", "at", "on", "with", "said",
    "told", "to", "will", "would",
];

fn person_noun(w: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../../data/person_nouns.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
        .contains(w)
}

enum Bound {
    AtLeast,
    AtMost,
}

/// "more than", "over", "at least" / "less than", "under", "up to", "within" before `i`.
fn bound_before(w: &Words, i: usize) -> Option<Bound> {
    let p1 = if i >= 1 { w.low(i - 1) } else { "" };
    let p2 = if i >= 2 { w.low(i - 2) } else { "" };
    match (p2, p1) {
        ("more" | "longer", "than") | ("at", "least") | (_, "over" | "nearly" | "almost") => {
            // "nearly" and "almost" are hedges that stay below: at most.
            if matches!(p1, "nearly" | "almost") {
                Some(Bound::AtMost)
            } else {
                Some(Bound::AtLeast)
            }
        }
        ("less" | "fewer" | "shorter", "than") | ("up", "to") | (_, "under" | "within") => {
            Some(Bound::AtMost)
        }
        _ => None,
    }
}

/// The qualifier written before token `i`, as the prefix counts carry ("~", ">", ">=", "<",
/// "<=") and the number of its words.
fn qualifier_before(w: &Words, i: usize) -> Option<(&'static str, usize)> {
    let p1 = if i >= 1 { w.low(i - 1) } else { "" };
    let p2 = if i >= 2 { w.low(i - 2) } else { "" };
    Some(match (p2, p1) {
        ("more" | "longer", "than") => (">", 2),
        ("at", "least") => (">=", 2),
        ("at", "most") | ("up", "to") => ("<=", 2),
        ("less" | "fewer" | "shorter", "than") => ("<", 2),
        (_, "over") => (">", 1),
        (_, "under") => ("<", 1),
        (_, "within") => ("<=", 1),
        (
            _,
            "about" | "around" | "circa" | "approximately" | "roughly" | "nearly" | "almost"
            | "some" | "approx",
        ) => ("~", 1),
        _ => return None,
    })
}

/// "a day" after "barrels" in "1.1 million barrels a day", after "twice" or "$5": a rate,
/// not a duration. "comes a month after" is a duration: no amount comes before the noun.
fn is_rate(w: &Words, start: usize) -> bool {
    if w.kw(start) != Kw::A || start == 0 {
        return false;
    }
    let p = start - 1;
    let prev = w.low(p);
    if matches!(prev, "once" | "twice" | "thrice" | "times" | "per") || w.is_num(p) {
        return true;
    }
    let plural = w.is_word(p) && prev.len() > 2 && prev.ends_with('s') && !prev.ends_with("ss");
    plural
        && (p.saturating_sub(3)..p).any(|k| {
            w.is_num(k)
                || w.lex(k).number
                || matches!(
                    w.low(k),
                    "million" | "billion" | "thousand" | "hundreds" | "thousands" | "millions"
                )
        })
}

/// Reads an amount of time starting at token `i`: one or more amount-unit pairs.
pub fn measure(w: &Words, i: usize) -> Option<Measure> {
    let mut m = Measure {
        parts: [(0.0, Unit::Day); MAX_PARTS],
        len: 0,
        start: i,
        end: i,
        approximate: false,
        open: false,
    };
    if let Some(end) = open_plural(w, i, &mut m) {
        m.end = end;
        return Some(m);
    }
    let mut j = i;
    while let Some((n, u, end, approx)) = pair(w, j) {
        m.parts[m.len] = (n, u);
        m.len += 1;
        m.approximate |= approx;
        m.end = end;
        if m.len == MAX_PARTS {
            break;
        }
        // "1 year 1 month", "1 month, 21 days", "1 month and 21 days"
        let mut k = end;
        if w.is_p(k, ',') || w.kw(k) == Kw::And {
            k += 1;
        }
        if k >= w.len() || pair(w, k).is_none() {
            break;
        }
        j = k;
    }
    (m.len > 0).then_some(m)
}

/// "decades", "centuries", "for years" / "for months", "several years", "a few days": an
/// unstated amount of at least two.
fn open_plural(w: &Words, i: usize, m: &mut Measure) -> Option<usize> {
    let lx = w.lex(i);
    let u = lx.unit?;
    if lx.short_unit || !lx.plural {
        return None;
    }
    let after_for = i > 0 && matches!(w.low(i - 1), "for" | "over" | "within");
    let wide = matches!(u, Unit::Decade | Unit::Century);
    // "several years", "a few days", "the next few days": the span takes the quantifier.
    let vague = i > 0 && matches!(w.low(i - 1), "several" | "few");
    if vague {
        m.start = if i >= 2 && w.kw(i - 2) == Kw::A {
            i - 2
        } else {
            i - 1
        };
        m.parts[0] = (2.0, u);
        m.len = 1;
        m.approximate = true;
        m.open = true;
        return Some(i + 1);
    }
    if !(wide || after_for && matches!(u, Unit::Year | Unit::Month | Unit::Week)) {
        return None;
    }
    // "two decades", "the past decades" have their own readers or are not amounts.
    if i > 0 && (w.lex(i - 1).number || w.is_num(i - 1) || w.kw(i - 1) != Kw::None && !after_for) {
        return None;
    }
    m.parts[0] = (2.0, u);
    m.len = 1;
    m.approximate = true;
    m.open = true;
    Some(i + 1)
}

/// One amount-unit pair at `i`: (amount, unit, end, approximate).
fn pair(w: &Words, i: usize) -> Option<(f64, Unit, usize, bool)> {
    let (n, mut j, approx, digits) = amount(w, i)?;
    // "two more weeks", "an additional year", "20 further years"
    if matches!(w.low(j), "more" | "additional" | "further" | "extra")
        && w.lex(j + 1).unit.is_some()
    {
        j += 1;
    }
    // "3-min", "12-year-old", "one-week": a hyphen may join the amount and the unit.
    let (k, hyphen) = if w.is_dash(j) && w.glued(j) && w.glued(j + 1) {
        (j + 1, true)
    } else {
        (j, false)
    };
    let lx = w.lex(k);
    let u = lx.unit?;
    if lx.short_unit {
        // "3Y", "10D" stand alone; "413d-b8ab" or "x4d9" is a code.
        let code_after =
            w.glued(k + 1) && (w.is_num(k + 1) || w.is_word(k + 1) || w.is_dash(k + 1));
        let code_before = i > 0 && w.glued(i) && !w.is_p(i - 1, '(');
        if !(digits && w.glued(k) && !hyphen) || code_after || code_before {
            return None;
        }
    }
    // "a second round", "a second wave": an ordinal, not a unit.
    if u == Unit::Second
        && w.low(k) == "second"
        && matches!(w.kw(i), Kw::A | Kw::Another)
        && w.is_word(k + 1)
        && !matches!(
            w.low(k + 1),
            "to" | "of" | "and" | "or" | "for" | "in" | "later" | "before" | "after" | "ago"
        )
    {
        return None;
    }
    if w.low(k) == "h" && !digits {
        return None;
    }
    let mut end = k + 1;
    let mut n = n;
    // "one hour and a half", "one year and a quarter"
    if let Some((f, e)) = fraction_after_and(w, end) {
        n += f;
        end = e;
    }
    // "12-year-old"
    if hyphen && w.is_dash(end) && w.glued(end) && w.kw(end + 1) == Kw::Old && w.glued(end + 1) {
        end += 2;
    }
    // "a fortnight’s time": the possessive is not part of the unit.
    Some((n, u, end, approx))
}

/// "and a half", "and half", "and a quarter" at `i`.
fn fraction_after_and(w: &Words, i: usize) -> Option<(f64, usize)> {
    if w.kw(i) != Kw::And {
        return None;
    }
    let mut j = i + 1;
    if w.kw(j) == Kw::A {
        j += 1;
    }
    match w.kw(j) {
        Kw::Half => Some((0.5, j + 1)),
        Kw::Quarter => Some((0.25, j + 1)),
        _ => None,
    }
}

/// An amount at `i` before a unit: (value, end, approximate, written in digits).
fn amount(w: &Words, i: usize) -> Option<(f64, usize, bool, bool)> {
    let lx = w.lex(i);
    match lx.kw {
        // "a week", "an hour", "a couple of days", "a half hour", "a fortnight"
        Kw::A => {
            if w.kw(i + 1) == Kw::Couple && w.kw(i + 2) == Kw::Of {
                return Some((2.0, i + 3, true, false));
            }
            if w.kw(i + 1) == Kw::Half {
                return Some((0.5, i + 2, false, false));
            }
            if let Some(n) = numeral::parse(w.line, w.toks, i).filter(|n| n.end > i + 1) {
                return Some((n.value, n.end, false, false));
            }
            return Some((1.0, i + 1, false, false));
        }
        Kw::Couple if w.kw(i + 1) == Kw::Of => return Some((2.0, i + 2, true, false)),
        Kw::Another | Kw::All | Kw::Full | Kw::Whole => {
            let j = if w.is_dash(i + 1) && w.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            let u = w.lex(j).unit?;
            // "all day", "all-week", "another month"; not "all years" or "another 3 days".
            if w.lex(j).plural
                || matches!(u, Unit::Hour | Unit::Minute | Unit::Second) && lx.kw != Kw::Another
            {
                return None;
            }
            return Some((1.0, if j == i + 2 { i + 1 } else { j }, false, false));
        }
        Kw::Half => {
            // "half year", "half an year", "half hour"
            let j = if w.kw(i + 1) == Kw::A { i + 2 } else { i + 1 };
            return Some((0.5, j, false, false));
        }
        _ => {}
    }
    if w.text(i) == "½" {
        return Some((0.5, i + 1, false, false));
    }
    if !(w.is_num(i) || lx.number) {
        return None;
    }
    // Part of a bigger number or code ("6,107.31", "ABC-12345"): not an amount of time.
    if w.is_num(i)
        && i > 0
        && w.glued(i)
        && (w.is_p(i - 1, '.') || w.is_p(i - 1, ',') || w.is_word(i - 1))
    {
        return None;
    }
    let n = numeral::parse(w.line, w.toks, i)?;
    let mut value = n.value;
    let mut end = n.end;
    // "twenty and four hours": tens and units joined by "and", the older way.
    if n.words
        && (20.0..100.0).contains(&value)
        && value % 10.0 == 0.0
        && w.kw(end) == Kw::And
        && let Some(u) = numeral::small_word(w.low(end + 1)).filter(|u| (1.0..=9.0).contains(u))
    {
        value += u;
        end += 2;
    }
    // "one and a half hours", "two and half hours", "one and a quarter year"
    if let Some((f, e)) = fraction_after_and(w, end) {
        value += f;
        end = e;
    }
    // "2 1/2 years", "5 1/2 hours": a whole number and a fraction.
    if !n.words
        && value.fract() == 0.0
        && w.is_num(end)
        && !w.glued(end)
        && w.is_p(end + 1, '/')
        && w.glued(end + 1)
        && w.is_num(end + 2)
        && w.glued(end + 2)
        && !w.glued(end + 3)
        && let (Some(a), Some(b)) = (w.num(end), w.num(end + 2))
        && a > 0
        && a < b
        && b <= 16
    {
        value += a as f64 / b as f64;
        end += 3;
    }
    Some((value, end, false, !n.words))
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn durations(line: &str) -> Vec<(String, String)> {
        let toks = tokenize(line);
        let w = Words::new(line, &toks);
        let mut out = Vec::new();
        find(&w, &Context::default(), &mut out);
        out.iter()
            .map(|v| (v.text(line).to_string(), v.value.clone()))
            .collect()
    }

    fn one(text: &str, value: &str) -> Vec<(String, String)> {
        vec![(text.to_string(), value.to_string())]
    }

    #[test]
    fn ages_after_a_name_and_in_a_decade() {
        assert_eq!(
            durations("Petty Officer Lars Berg, 38, had delivered oxygen tanks"),
            one("38", "P38Y")
        );
        assert!(durations("In Paris, 12 had died by noon").is_empty());
        assert_eq!(
            durations("a retired Navy Seal in his early thirties, had volunteered"),
            one("early thirties", "P30Y..P33Y")
        );
        assert_eq!(
            durations("a woman in her mid-40s"),
            one("mid-40s", "P44Y..P46Y")
        );
        assert_eq!(
            durations("two men in their late twenties"),
            one("late twenties", "P27Y..P29Y")
        );
        assert!(durations("in the thirties, prices fell").is_empty());
    }

    #[test]
    fn amounts_with_units() {
        assert_eq!(durations("for six years"), one("six years", "P6Y"));
        assert_eq!(
            durations("gave him 48 hours to leave"),
            one("48 hours", "PT48H")
        );
        assert_eq!(
            durations("a 12-year-old security pact"),
            one("12-year-old", "P12Y")
        );
        assert_eq!(durations("a three-month delay"), one("three-month", "P3M"));
        assert_eq!(
            durations("I'll leave for 3.5years"),
            one("3.5years", "P3.5Y")
        );
        assert_eq!(durations("the cold lasted 2W"), one("2W", "P2W"));
    }

    #[test]
    fn compound_and_fractional_amounts() {
        assert_eq!(
            durations("for 1 year 1 month 21 days"),
            one("1 year 1 month 21 days", "P1Y1M21D")
        );
        assert_eq!(
            durations("one week three days"),
            one("one week three days", "P10D")
        );
        assert_eq!(
            durations("one and a half hours"),
            one("one and a half hours", "PT1.5H")
        );
        assert_eq!(
            durations("an hour and a half"),
            one("an hour and a half", "PT1.5H")
        );
        assert_eq!(
            durations("a couple of days"),
            one("a couple of days", "P2D")
        );
    }

    #[test]
    fn unstated_amounts_and_rates() {
        assert_eq!(durations("it took decades"), one("decades", "PXDE"));
        assert_eq!(durations("1.1 million barrels a day"), vec![]);
        assert_eq!(durations("the second round"), vec![]);
        assert_eq!(durations("the 1990s"), vec![]);
    }

    #[test]
    fn hedges_make_durations_approximate() {
        let line = "The siege lasted nearly three months.";
        let toks = tokenize(line);
        let w = Words::new(line, &toks);
        let mut out = Vec::new();
        find(&w, &Context::default(), &mut out);
        assert_eq!(out[0].text(line), "nearly three months");
        assert_eq!(out[0].value, "~P3M");
        assert!(out[0].approximate);
    }

    #[test]
    fn bounds_open_the_interval() {
        let line = "He ruled for more than two decades.";
        let toks = tokenize(line);
        let w = Words::new(line, &toks);
        let mut out = Vec::new();
        find(&w, &Context::default(), &mut out);
        assert_eq!(out[0].value, ">P20Y");
        let iv = out[0].interval.unwrap();
        assert_eq!(iv.lo, 20.0 * 365.25 * 86_400.0);
        assert!(iv.hi.is_infinite());
    }

    #[test]
    fn interval_is_seconds() {
        let line = "two weeks";
        let toks = tokenize(line);
        let w = Words::new(line, &toks);
        let mut out = Vec::new();
        find(&w, &Context::default(), &mut out);
        assert_eq!(out[0].interval, Some(Interval::point(14.0 * 86_400.0)));
    }
}
