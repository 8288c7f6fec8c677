//! Stage 6, compare: two values of one slot in, a verdict out (agree, conflict or not
//! comparable), with a severity, a relation (`conflict` or `update`) and the reasons in words.
//!
//! Values are intervals ([`Interval`]): "July 2023" is the days 2023-07-01..2023-07-31, "more
//! than 1,000" is (1000, ∞), "about 1,100" a band around 1,100. Two values agree when their
//! intervals overlap and conflict when they are disjoint. Before the overlap test a value that
//! is a single point widens by what its wording implies: an unqualified round figure
//! ("27,000", "2,500") to what rounds to it, at most ±5% (an approximate one, "about 26,000",
//! comes from `recognize` so widened, at most ±10%), and both by the slot's tolerance when a
//! rule gives one. Severity then grows with the distance between the
//! stated (unwidened) intervals relative to their size (counts, money, amounts) or to their
//! precision (dates), and drops a step for hedging ("reportedly"), for approximate or round
//! figures, and for a slot that one source fills with two disjoint values itself (a sign the
//! slot mixes two facts); it drops two steps for a relative date ("last week") resolved against
//! a publication date guessed from a dateline. A running total (a death toll, a count of
//! arrests) that is higher in a source published later is an `update`, with low severity.
//! Names agree when one is the other with words left out ("Morsi" / "Mohamed Morsi"),
//! conflict when they share a word or are spelled alike ("Mohammed Morsi" / "Mohamed Morsi":
//! low or medium), and are not compared otherwise (two different people, not one misspelt).

pub mod facts;

use jiff::civil::Date;

use crate::recognize::{Interval, Kind, Value, fmt_number};
use crate::report::{Relation, Severity};

/// Words that mark an attribute as a running total, one per line (general English, data).
const RUNNING_TOTALS: &str = include_str!("running_totals.txt");

/// Widening of a single approximate figure ("about 1,100"), as a fraction of the value.
const APPROX_BAND: f64 = 0.10;
/// Widening of an unqualified round figure ("1,000"), as a fraction of the value.
const ROUND_BAND: f64 = 0.05;

/// Earliest and latest publication date of a side's sources, when all are known.
type Published = Option<(Date, Date)>;

/// One side of a comparison: a value and what is known about how it was stated.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub value: &'a Value,
    /// Every source stating this value hedges it.
    pub hedged: bool,
    /// Earliest and latest publication date of the sources stating it, when all are known.
    pub published: Published,
    /// The value is a relative date resolved against a publication date guessed from a dateline.
    pub guessed_reference: bool,
}

impl<'a> Side<'a> {
    pub fn plain(value: &'a Value) -> Self {
        Side {
            value,
            hedged: false,
            published: None,
            guessed_reference: false,
        }
    }
}

/// What the slot's rules and the group say about comparing its values.
#[derive(Clone, Copy, Debug, Default)]
pub struct Policy {
    /// Relative tolerance from a rule: values within this fraction of each other agree.
    pub tolerance: Option<f64>,
    /// The slot is a running total (a toll, a count of arrests): a later, higher figure updates.
    pub running_total: bool,
    /// A source states both values itself: the slot may mix two facts.
    pub ambiguous_slot: bool,
    /// For names: whether rules say the two names are one person (an entity rule, or the same
    /// surname); `None` leaves it to the spelling.
    pub same_entity: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Agree,
    Conflict,
    /// Different currencies or units, unresolved dates, or names of different people.
    Incomparable,
}

/// The outcome of comparing two sides, with the reasons a reviewer can read (`explain`).
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub verdict: Verdict,
    pub severity: Severity,
    pub relation: Relation,
    pub reasons: Vec<String>,
}

impl Assessment {
    fn new(verdict: Verdict, reason: String) -> Self {
        Assessment {
            verdict,
            severity: Severity::Low,
            relation: Relation::Conflict,
            reasons: vec![reason],
        }
    }
}

/// Whether a slot's subject or attribute names a running total, by its words.
pub fn is_running_total(subject: &str, attribute: &str) -> bool {
    let words = || {
        subject
            .split(['-', ' ', '_'])
            .chain(attribute.split(['-', ' ', '_']))
    };
    RUNNING_TOTALS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|w| words().any(|x| x.eq_ignore_ascii_case(w)))
}

/// Compares two values of one slot.
pub fn assess(a: &Side, b: &Side, policy: &Policy) -> Assessment {
    if a.value.kind != b.value.kind {
        return Assessment::new(
            Verdict::Incomparable,
            format!(
                "different kinds ({} and {})",
                a.value.kind.as_str(),
                b.value.kind.as_str()
            ),
        );
    }
    if a.value.kind == Kind::Name {
        return names(&a.value.value, &b.value.value, policy.same_entity);
    }
    // A quantity is converted to one unit per dimension ("260-foot" is 0.0792 km), so
    // the written units ("foot", "metre") may differ; the converted one may not.
    let measure = |v: &Value| match v.kind {
        Kind::Quantity => v.value.rsplit(' ').next().map(str::to_string),
        _ => v.unit.clone(),
    };
    if measure(a.value) != measure(b.value) {
        return Assessment::new(
            Verdict::Incomparable,
            format!(
                "different units ({} and {}): not converted",
                a.value.unit.as_deref().unwrap_or("none"),
                b.value.unit.as_deref().unwrap_or("none")
            ),
        );
    }
    let (Some(ia), Some(ib)) = (a.value.interval, b.value.interval) else {
        return Assessment::new(
            Verdict::Incomparable,
            "a value has no interval (an unresolved relative expression)".to_string(),
        );
    };
    let is_date = a.value.kind == Kind::Date;
    let wa = widen(a.value, ia, policy);
    let wb = widen(b.value, ib, policy);
    let shown = |v: &Value, i: Interval, w: Interval| {
        if i == w {
            format!("{} = {}", v.value, show(i, is_date))
        } else {
            format!(
                "{} = {}, read as {}",
                v.value,
                show(i, is_date),
                show(w, is_date)
            )
        }
    };
    let mut reasons = vec![format!(
        "intervals: {}; {}",
        shown(a.value, ia, wa),
        shown(b.value, ib, wb)
    )];
    // "aged 11 to 16" and "ages 11-17" give the youngest and the oldest of one group: two
    // facts in one value, and they agree only if both ends do.
    let span = |v: &Value| v.kind == Kind::Age && v.value.contains("..");
    if span(a.value) && span(b.value) && (ia.lo != ib.lo || ia.hi != ib.hi) {
        reasons.push(
            "the ages of a group from its youngest to its oldest: the ends differ".to_string(),
        );
        return Assessment {
            verdict: Verdict::Conflict,
            severity: Severity::Low,
            relation: Relation::Conflict,
            reasons,
        };
    }
    if wa.overlaps(&wb) {
        reasons.push("the intervals overlap: the values agree".to_string());
        return Assessment {
            verdict: Verdict::Agree,
            severity: Severity::Low,
            relation: Relation::Conflict,
            reasons,
        };
    }
    reasons.push("the intervals are disjoint: the values conflict".to_string());
    let mut severity = if is_date {
        date_severity(ia, ib, &mut reasons)
    } else if a.value.kind == Kind::Time {
        time_severity(ia, ib, &mut reasons)
    } else {
        amount_severity(ia, ib, &mut reasons)
    };
    // Two exact figures ("13,954" and "13,972", aged 77 and 73) cannot both be right, however
    // near: closeness is itself a sign they state one fact, which a reviewer wants to see.
    if severity == Severity::Low && exact(a.value) && exact(b.value) {
        severity = Severity::Medium;
        reasons.push(
            "raised to medium: both are exact figures, neither approximate nor round".to_string(),
        );
    }
    let mut lower = |by: u8, why: String, severity: &mut Severity| {
        let before = *severity;
        for _ in 0..by {
            *severity = step_down(*severity);
        }
        if *severity != before {
            reasons.push(format!("lowered to {}: {why}", sev_name(*severity)));
        }
    };
    if a.hedged || b.hedged {
        lower(1, "a side is hedged".to_string(), &mut severity);
    }
    // A bound ("more than 1,000") already says what it means; a point stated loosely does not.
    let loose = |v: &Value| {
        let point = v.interval.is_some_and(|i| i.lo == i.hi);
        !is_date && point && (v.approximate || is_round(v.interval))
    };
    // Rounding explains a near miss, not a figure twice the other ("$2 million" / "$20 million").
    let far = !is_date && ratio(ia, ib) >= 2.0;
    if (loose(a.value) || loose(b.value)) && !far {
        lower(
            1,
            "a side is an approximate or round figure".to_string(),
            &mut severity,
        );
    }
    if a.guessed_reference || b.guessed_reference {
        lower(
            2,
            "a relative date resolved against a publication date guessed from a dateline"
                .to_string(),
            &mut severity,
        );
    }
    if policy.ambiguous_slot {
        lower(
            1,
            "a source states both values itself, so the slot may mix two facts".to_string(),
            &mut severity,
        );
    }
    let mut relation = Relation::Conflict;
    if policy.running_total
        && let (Some((_, a_last)), Some((b_first, _))) = ordered_dates(a, b, ia, ib)
    {
        // The higher figure comes from sources all published after the lower one's.
        if b_first > a_last {
            relation = Relation::Update;
            severity = Severity::Low;
            reasons.push(format!(
                "a running total, higher in a source published later ({b_first} after {a_last}): an update"
            ));
        }
    }
    Assessment {
        verdict: Verdict::Conflict,
        severity,
        relation,
        reasons,
    }
}

/// Publication ranges of the lower and the higher side, in that order.
fn ordered_dates(a: &Side, b: &Side, ia: Interval, ib: Interval) -> (Published, Published) {
    if ia.hi < ib.lo {
        (a.published, b.published)
    } else {
        (b.published, a.published)
    }
}

/// The interval a value is read as for the overlap test.
fn widen(v: &Value, i: Interval, policy: &Policy) -> Interval {
    if v.kind == Kind::Date || v.kind == Kind::Time {
        return i;
    }
    // A percentage is stated to its last written decimal: "66.1%" stands for 66.05..66.15 and
    // so agrees with "66.06%"; just under half a unit, so 34% and 35% stay apart.
    let i = if v.kind == Kind::Percent && i.lo == i.hi && !v.approximate {
        let decimals = v
            .value
            .trim_end_matches('%')
            .split_once('.')
            .map_or(0, |(_, d)| d.len());
        let half = 0.499 * 10f64.powi(-(decimals.min(6) as i32));
        Interval::new(i.lo - half, i.hi + half)
    } else {
        i
    };
    // A rounded figure stands for the figures that round to it: "about 26,000" and "27,000"
    // are told to the thousand, so they stand for 25,500..26,500 and 26,500..27,500 and
    // disagree; "about 750 million" is told to the 50 million and agrees with 737 million. Just
    // under half the step, so neighbours stay apart, and never wider than the wording allows.
    let mut widening = 0.0;
    if i.lo == i.hi && matches!(v.kind, Kind::Duration | Kind::Age) {
        // "17 days" is told to the day and "2 1/2 weeks" to the half week: 17 days and 18
        // disagree, 2 1/2 weeks and 18 days agree. "About" widens to 10% if that is more.
        let step = 0.499 * duration_step(&v.value);
        widening = if v.approximate {
            step.max(APPROX_BAND * i.lo.abs())
        } else {
            step
        };
    } else if i.lo == i.hi {
        let cap = if v.approximate {
            APPROX_BAND
        } else if is_round(Some(i)) {
            ROUND_BAND
        } else {
            0.0
        };
        widening = (0.499 * crate::recognize::rounding_step(i.lo)).min(cap * i.lo.abs());
    }
    let tolerance = policy.tolerance.unwrap_or(0.0);
    if widening == 0.0 && tolerance == 0.0 {
        return i;
    }
    Interval::new(
        i.lo - widening - tolerance * i.lo.abs(),
        i.hi + widening + tolerance * i.hi.abs(),
    )
}

/// The step, in seconds, an ISO 8601 duration is told to: its last unit ("P17D": a day,
/// "PT14H": an hour), a fraction of it when the amount has one ("P2.5W": half a week).
fn duration_step(iso: &str) -> f64 {
    const DAY: f64 = 86_400.0;
    let iso = iso.trim_start_matches(['~', '<', '>', '=']);
    let Some(last) = iso.chars().last() else {
        return 0.0;
    };
    let in_time = iso.contains('T');
    let unit = match (last, in_time) {
        ('Y', false) => 365.25 * DAY,
        ('M', false) => 30.44 * DAY,
        ('W', false) => 7.0 * DAY,
        ('D', false) => DAY,
        ('H', true) => 3600.0,
        ('M', true) => 60.0,
        ('S', true) => 1.0,
        _ => return 0.0,
    };
    let amount = iso[..iso.len() - 1]
        .rsplit(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()
        .unwrap_or("");
    let fraction = match amount.split_once('.') {
        Some((_, "5")) => 0.5,
        Some((_, d)) => 10f64.powi(-(d.len().min(6) as i32)),
        None => 1.0,
    };
    unit * fraction
}

/// A round figure: a single whole number of at least 100 with two significant digits or fewer
/// ("1,000", "1,100", "2,500"), the kind of figure reporters round to.
pub fn is_round(i: Option<Interval>) -> bool {
    let Some(i) = i else { return false };
    if i.lo != i.hi || !i.lo.is_finite() || i.lo.fract() != 0.0 || i.lo.abs() < 100.0 {
        return false;
    }
    let mut x = i.lo.abs();
    while x >= 100.0 {
        if x % 10.0 != 0.0 {
            return false;
        }
        x /= 10.0;
    }
    true
}

/// Dates: the distance between the intervals' middles in days, against the coarser precision.
/// A month apart or more and at least the coarser precision is `high` (February against July
/// 2023; 2023 against 2024); three days or more and half the precision, `medium`; else `low`
/// (a day apart is often a time zone or a late report).
fn date_severity(a: Interval, b: Interval, reasons: &mut Vec<String>) -> Severity {
    let width = |i: Interval| {
        if i.lo.is_finite() && i.hi.is_finite() {
            i.hi - i.lo + 1.0
        } else {
            1.0
        }
    };
    let w = width(a).max(width(b));
    let d = if [a.lo, a.hi, b.lo, b.hi].iter().all(|x| x.is_finite()) {
        ((a.lo + a.hi) / 2.0 - (b.lo + b.hi) / 2.0).abs()
    } else {
        gap(a, b)
    };
    // 0.9: neighbouring years or months are a whole precision apart, give or take leap days.
    let sev = ladder(d, (0.9 * w).max(28.0), (w / 2.0).max(3.0));
    reasons.push(format!(
        "{} days apart against a precision of {} days: {}",
        fmt_number(d.round()),
        fmt_number(w),
        sev_name(sev)
    ));
    sev
}

/// An exact figure: one number, not a bound or a range, neither approximate nor round, and
/// not a date or a clock time (whose nearness `date_severity` and `time_severity` judge).
fn exact(v: &Value) -> bool {
    matches!(
        v.kind,
        Kind::Count | Kind::Money | Kind::Quantity | Kind::Duration | Kind::Age | Kind::Percent
    ) && !v.approximate
        && v.interval.is_some_and(|i| i.lo == i.hi && i.lo.is_finite())
        && !is_round(v.interval)
}

/// `high` from `high` up, `medium` from `medium` up, else `low`.
fn ladder(x: f64, high: f64, medium: f64) -> Severity {
    if x >= high {
        Severity::High
    } else if x >= medium {
        Severity::Medium
    } else {
        Severity::Low
    }
}

/// Clock times: minutes apart. Two hours or more is `high`, a quarter of an hour or more
/// `medium`, else `low` (a few minutes is often a clock read at another moment).
fn time_severity(a: Interval, b: Interval, reasons: &mut Vec<String>) -> Severity {
    let minutes = (gap(a, b) * 1440.0).round();
    let sev = ladder(minutes, 120.0, 15.0);
    reasons.push(format!(
        "{} minutes apart: {}",
        fmt_number(minutes),
        sev_name(sev)
    ));
    sev
}

/// Amounts: the gap between the intervals relative to the larger of the nearer ends.
/// Half the value or more is `high`, a tenth or more `medium`, else `low`.
fn amount_severity(a: Interval, b: Interval, reasons: &mut Vec<String>) -> Severity {
    let (lo_side, hi_side) = if a.hi < b.lo { (a, b) } else { (b, a) };
    let g = hi_side.lo - lo_side.hi;
    let scale = hi_side.lo.abs().max(lo_side.hi.abs());
    let rel = if scale > 0.0 { g / scale } else { 1.0 };
    let sev = ladder(rel, 0.5, 0.1);
    reasons.push(format!(
        "gap {} is {:.0}% of {}: {}",
        fmt_number(g),
        rel * 100.0,
        fmt_number(scale),
        sev_name(sev)
    ));
    sev
}

/// How many times the higher interval's near end is the lower one's (1 when not positive).
fn ratio(a: Interval, b: Interval) -> f64 {
    let (lo_side, hi_side) = if a.hi < b.lo { (a, b) } else { (b, a) };
    if lo_side.hi > 0.0 && hi_side.lo.is_finite() {
        hi_side.lo / lo_side.hi
    } else {
        1.0
    }
}

fn gap(a: Interval, b: Interval) -> f64 {
    if a.hi < b.lo {
        b.lo - a.hi
    } else {
        a.lo - b.hi
    }
}

fn step_down(s: Severity) -> Severity {
    match s {
        Severity::High => Severity::Medium,
        _ => Severity::Low,
    }
}

pub fn sev_name(s: Severity) -> &'static str {
    match s {
        Severity::High => "high",
        Severity::Medium => "medium",
        Severity::Low => "low",
    }
}

/// What a value stands for, in words: `2023-07-01 .. 2023-07-31`, `1000 .. inf`.
pub fn describe_interval(v: &Value) -> String {
    v.interval.map_or_else(
        || "nothing yet (unresolved)".to_string(),
        |i| show(i, v.kind == Kind::Date),
    )
}

fn show(i: Interval, is_date: bool) -> String {
    let end = |x: f64, open: &str| {
        if x.is_infinite() {
            open.to_string()
        } else if is_date {
            day_to_date(x).map_or_else(|| fmt_number(x), |d| d.to_string())
        } else {
            fmt_number(x)
        }
    };
    if i.lo == i.hi {
        end(i.lo, "")
    } else {
        format!("[{} .. {}]", end(i.lo, "-inf"), end(i.hi, "inf"))
    }
}

/// The calendar date of a day number (days since 1970-01-01).
pub fn day_to_date(day: f64) -> Option<Date> {
    if !day.is_finite() {
        return None;
    }
    let days = day as i64;
    Date::constant(1970, 1, 1)
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

/// Words of a name, lowercased, letters and digits only.
fn name_words(n: &str) -> Vec<String> {
    n.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn names(a: &str, b: &str, same_entity: Option<bool>) -> Assessment {
    let wa = name_words(a);
    let wb = name_words(b);
    let subset = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    if wa.is_empty() || wb.is_empty() {
        return Assessment::new(Verdict::Incomparable, "an empty name".to_string());
    }
    if subset(&wa, &wb) || subset(&wb, &wa) {
        return Assessment::new(
            Verdict::Agree,
            format!("\"{a}\" and \"{b}\": one name is the other with words left out"),
        );
    }
    let shared: Vec<&String> = wa.iter().filter(|w| wb.contains(w)).collect();
    let whole = strsim::jaro_winkler(&wa.join(" "), &wb.join(" "));
    if same_entity == Some(false) {
        return Assessment::new(
            Verdict::Incomparable,
            format!("\"{a}\" and \"{b}\": the rules make them different people"),
        );
    }
    if same_entity.is_none() && shared.is_empty() && whole < 0.85 {
        return Assessment::new(
            Verdict::Incomparable,
            format!(
                "\"{a}\" and \"{b}\" share no word and are spelled unlike (similarity {whole:.2}): \
                 taken as different people"
            ),
        );
    }
    // The words only one side has: spelling variants of each other, or different names?
    let only_a: Vec<&String> = wa.iter().filter(|w| !wb.contains(w)).collect();
    let only_b: Vec<&String> = wb.iter().filter(|w| !wa.contains(w)).collect();
    let variant = only_a.len() == only_b.len()
        && only_a
            .iter()
            .zip(&only_b)
            .all(|(x, y)| strsim::jaro_winkler(x, y) >= 0.7);
    let severity = if variant {
        Severity::Low
    } else {
        Severity::Medium
    };
    let why = if variant {
        "the differing words look like spellings of one name"
    } else {
        "the differing words are not spellings of each other"
    };
    Assessment {
        verdict: Verdict::Conflict,
        severity,
        relation: Relation::Conflict,
        reasons: vec![format!(
            "\"{a}\" and \"{b}\" differ (shared words: {}; similarity {whole:.2}); {why}: {}",
            if shared.is_empty() {
                "none".to_string()
            } else {
                shared
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            sev_name(severity)
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::date::day_number;
    use crate::span::Span;

    fn day(y: i16, m: i8, d: i8) -> f64 {
        day_number(Date::constant(y, m, d))
    }

    fn month(y: i16, m: i8) -> Value {
        let first = Date::constant(y, m, 1);
        let mut v = Value::new(Kind::Date, Span::new(0, 1), format!("{y:04}-{m:02}"));
        v.interval = Some(Interval::new(
            day_number(first),
            day_number(first.last_of_month()),
        ));
        v
    }

    fn count(lo: f64, hi: f64, approximate: bool) -> Value {
        let mut v = Value::new(Kind::Count, Span::new(0, 1), fmt_number(lo));
        v.interval = Some(Interval::new(lo, hi));
        v.approximate = approximate;
        v
    }

    fn money(amount: f64, cur: &str) -> Value {
        let mut v = Value::new(Kind::Money, Span::new(0, 1), format!("{cur} {amount}"));
        v.interval = Some(Interval::point(amount));
        v.unit = Some(cur.to_string());
        v
    }

    fn name(n: &str) -> Value {
        Value::new(Kind::Name, Span::new(0, 1), n)
    }

    fn run(a: &Value, b: &Value) -> Assessment {
        assess(&Side::plain(a), &Side::plain(b), &Policy::default())
    }

    #[test]
    fn february_against_july_2023_is_a_high_conflict() {
        let r = run(&month(2023, 2), &month(2023, 7));
        assert_eq!(r.verdict, Verdict::Conflict);
        // Middles: Feb 14.5 and Jul 16 2023, 151.5 days apart; precision 31 days.
        assert_eq!(r.severity, Severity::High, "{:?}", r.reasons);
        assert_eq!(r.relation, Relation::Conflict);
    }

    #[test]
    fn a_day_inside_the_month_agrees() {
        let mut d = Value::new(Kind::Date, Span::new(0, 1), "2023-07-26");
        d.interval = Some(Interval::point(day(2023, 7, 26)));
        assert_eq!(run(&month(2023, 7), &d).verdict, Verdict::Agree);
    }

    #[test]
    fn neighbouring_days_are_a_low_conflict_and_years_a_high_one() {
        let mut a = Value::new(Kind::Date, Span::new(0, 1), "2023-07-26");
        a.interval = Some(Interval::point(day(2023, 7, 26)));
        let mut b = Value::new(Kind::Date, Span::new(0, 1), "2023-07-27");
        b.interval = Some(Interval::point(day(2023, 7, 27)));
        let r = run(&a, &b);
        assert_eq!((r.verdict, r.severity), (Verdict::Conflict, Severity::Low));
        let mut y23 = Value::new(Kind::Date, Span::new(0, 1), "2023");
        y23.interval = Some(Interval::new(day(2023, 1, 1), day(2023, 12, 31)));
        let mut y24 = Value::new(Kind::Date, Span::new(0, 1), "2024");
        y24.interval = Some(Interval::new(day(2024, 1, 1), day(2024, 12, 31)));
        let r = run(&y23, &y24);
        assert_eq!((r.verdict, r.severity), (Verdict::Conflict, Severity::High));
    }

    #[test]
    fn about_1100_and_more_than_1000_agree() {
        let about = count(1100.0, 1100.0, true);
        let more = count(1000.0, f64::INFINITY, true);
        assert_eq!(run(&about, &more).verdict, Verdict::Agree);
    }

    #[test]
    fn about_1100_agrees_with_what_rounds_to_it_and_not_with_1000() {
        // "about 1,100" is told to the hundred: 1,050..1,150 holds 1,120. "1,000", round,
        // stands for at most 5% either way, 950..1,050: apart from it, a low conflict.
        let about = count(1100.0, 1100.0, true);
        assert_eq!(
            run(&about, &count(1120.0, 1120.0, false)).verdict,
            Verdict::Agree
        );
        let r = run(&about, &count(1000.0, 1000.0, false));
        assert_eq!((r.verdict, r.severity), (Verdict::Conflict, Severity::Low));
    }

    #[test]
    fn durations_are_told_to_their_last_unit() {
        assert_eq!(duration_step("P17D"), 86_400.0);
        assert_eq!(duration_step(">P2.5W"), 3.5 * 86_400.0);
        assert_eq!(duration_step("~PT14H"), 3600.0);
        assert_eq!(duration_step("PT9M"), 60.0);
        assert_eq!(duration_step("P1Y2M"), 30.44 * 86_400.0);
    }

    #[test]
    fn rounding_steps_of_whole_figures() {
        use crate::recognize::rounding_step;
        assert_eq!(rounding_step(26000.0), 1000.0);
        assert_eq!(rounding_step(750.0), 50.0);
        assert_eq!(rounding_step(500.0), 100.0);
        assert_eq!(rounding_step(1000.0), 500.0);
        assert_eq!(rounding_step(515.0), 5.0);
        assert_eq!(rounding_step(1.5), 0.0);
    }

    #[test]
    fn a_bound_against_a_figure_outside_it() {
        let more = count(1000.0, f64::INFINITY, true);
        let r = run(&more, &count(517.0, 517.0, false));
        // Gap 483 of 1000 is 48%: medium; a bound is not lowered as a loose figure.
        assert_eq!(
            (r.verdict, r.severity),
            (Verdict::Conflict, Severity::Medium)
        );
        let r = run(&count(41.0, 41.0, false), &count(12.0, 12.0, false));
        // Gap 29 of 41 is 71%: high.
        assert_eq!((r.verdict, r.severity), (Verdict::Conflict, Severity::High));
    }

    #[test]
    fn severity_grows_with_relative_distance() {
        // 300 against 337: gap 37 of 337 = 11% -> medium; 336 against 337 -> low.
        let r = run(&count(337.0, 337.0, false), &count(303.0, 303.0, false));
        assert_eq!(r.severity, Severity::Medium);
        // 336 against 337 is a 0.3% gap, low by distance, but both are exact figures: medium.
        let r = run(&count(337.0, 337.0, false), &count(336.0, 336.0, false));
        assert_eq!(
            (r.verdict, r.severity),
            (Verdict::Conflict, Severity::Medium)
        );
        // Hedged, the same pair is low again.
        let (a, b) = (count(337.0, 337.0, false), count(336.0, 336.0, false));
        let mut sb = Side::plain(&b);
        sb.hedged = true;
        let r = assess(&Side::plain(&a), &sb, &Policy::default());
        assert_eq!((r.verdict, r.severity), (Verdict::Conflict, Severity::Low));
        // A round figure is not exact: 13,000 (13,000 ± 5%) against 13,972 (7%) stays low.
        let r = run(
            &count(13000.0, 13000.0, false),
            &count(13972.0, 13972.0, false),
        );
        assert_eq!((r.verdict, r.severity), (Verdict::Conflict, Severity::Low));
    }

    fn percent(text: &str, x: f64) -> Value {
        let mut v = Value::new(Kind::Percent, Span::new(0, 1), text);
        v.interval = Some(Interval::point(x));
        v
    }

    fn clock(day: f64, h: u32, m: u32) -> Value {
        let mut v = Value::new(Kind::Time, Span::new(0, 1), format!("T{h:02}:{m:02}"));
        v.interval = Some(Interval::point(day + f64::from(h * 60 + m) / 1440.0));
        v
    }

    #[test]
    fn a_percentage_agrees_with_its_rounding() {
        // 66.06% rounded to one decimal is 66.1%, to none 66%.
        let r = run(&percent("66.1%", 66.1), &percent("66.06%", 66.06));
        assert_eq!(r.verdict, Verdict::Agree, "{:?}", r.reasons);
        let r = run(&percent("66%", 66.0), &percent("66.06%", 66.06));
        assert_eq!(r.verdict, Verdict::Agree, "{:?}", r.reasons);
        // 34% and 35% are two different whole figures.
        let r = run(&percent("34%", 34.0), &percent("35%", 35.0));
        assert_eq!(r.verdict, Verdict::Conflict, "{:?}", r.reasons);
        // 66.1% and 66.2%: one decimal each, a tenth apart.
        let r = run(&percent("66.1%", 66.1), &percent("66.2%", 66.2));
        assert_eq!(r.verdict, Verdict::Conflict, "{:?}", r.reasons);
    }

    #[test]
    fn clock_times_are_judged_in_minutes() {
        let d = day(2019, 4, 15);
        // 17:50 against 18:50: an hour, medium (a day number's fraction would call it 0%).
        let r = run(&clock(d, 17, 50), &clock(d, 18, 50));
        assert_eq!(
            (r.verdict, r.severity),
            (Verdict::Conflict, Severity::Medium),
            "{:?}",
            r.reasons
        );
        // 18:43 against 18:50: seven minutes, low.
        let r = run(&clock(d, 18, 43), &clock(d, 18, 50));
        assert_eq!((r.verdict, r.severity), (Verdict::Conflict, Severity::Low));
        // 19:05 against 21:30: high.
        let r = run(&clock(d, 19, 5), &clock(d, 21, 30));
        assert_eq!((r.verdict, r.severity), (Verdict::Conflict, Severity::High));
    }

    #[test]
    fn hedging_lowers_severity() {
        let a = count(41.0, 41.0, false);
        let b = count(12.0, 12.0, false);
        let mut sb = Side::plain(&b);
        sb.hedged = true;
        let r = assess(&Side::plain(&a), &sb, &Policy::default());
        assert_eq!(r.severity, Severity::Medium);
    }

    #[test]
    fn rounding_does_not_excuse_a_tenfold_difference() {
        // $2 million against $20 million: gap 18M of 20M = 90%, high, and both round figures,
        // but ten times apart is no rounding.
        let r = run(&money(2e6, "USD"), &money(2e7, "USD"));
        assert_eq!((r.verdict, r.severity), (Verdict::Conflict, Severity::High));
        // 300 against 412, "about" 300: 27% is medium, lowered for the approximate figure.
        let r = run(&count(300.0, 300.0, true), &count(412.0, 412.0, false));
        assert_eq!((r.verdict, r.severity), (Verdict::Conflict, Severity::Low));
    }

    #[test]
    fn equal_money_agrees_and_currencies_do_not_compare() {
        assert_eq!(
            run(&money(1e8, "USD"), &money(1e8, "USD")).verdict,
            Verdict::Agree
        );
        assert_eq!(
            run(&money(1e8, "USD"), &money(9e7, "EUR")).verdict,
            Verdict::Incomparable
        );
    }

    #[test]
    fn tolerance_from_a_rule_widens_both_sides() {
        let a = count(103.0, 103.0, false);
        let b = count(107.0, 107.0, false);
        assert_eq!(run(&a, &b).verdict, Verdict::Conflict);
        let p = Policy {
            tolerance: Some(0.05),
            ..Policy::default()
        };
        assert_eq!(
            assess(&Side::plain(&a), &Side::plain(&b), &p).verdict,
            Verdict::Agree
        );
    }

    #[test]
    fn a_later_higher_toll_is_an_update() {
        let early = count(12.0, 12.0, false);
        let late = count(41.0, 41.0, false);
        let mut se = Side::plain(&early);
        se.published = Some((Date::constant(2024, 3, 1), Date::constant(2024, 3, 1)));
        let mut sl = Side::plain(&late);
        sl.published = Some((Date::constant(2024, 3, 3), Date::constant(2024, 3, 3)));
        let p = Policy {
            running_total: true,
            ..Policy::default()
        };
        let r = assess(&sl, &se, &p);
        assert_eq!((r.relation, r.severity), (Relation::Update, Severity::Low));
        // The same figures with the higher one published first: a contradiction.
        se.published = Some((Date::constant(2024, 3, 5), Date::constant(2024, 3, 5)));
        let r = assess(&sl, &se, &p);
        assert_eq!(
            (r.relation, r.severity),
            (Relation::Conflict, Severity::High)
        );
    }

    #[test]
    fn running_totals_are_known_by_their_words() {
        assert!(is_running_total("death-toll", "count"));
        assert!(is_running_total("people", "killed"));
        assert!(!is_running_total("us-troops", "count"));
    }

    #[test]
    fn round_figures() {
        assert!(is_round(Some(Interval::point(1000.0))));
        assert!(is_round(Some(Interval::point(1100.0))));
        assert!(!is_round(Some(Interval::point(1101.0))));
        assert!(!is_round(Some(Interval::point(40.0))));
    }

    #[test]
    fn names_spelled_two_ways_conflict_low() {
        let r = run(&name("Mohammed Morsi"), &name("Mohamed Morsi"));
        assert_eq!((r.verdict, r.severity), (Verdict::Conflict, Severity::Low));
        let r = run(&name("Morsi"), &name("Mohamed Morsi"));
        assert_eq!(r.verdict, Verdict::Agree);
        let r = run(&name("Joe Biden"), &name("Mohamed Morsi"));
        assert_eq!(r.verdict, Verdict::Incomparable);
        let r = run(&name("Ali Zeine"), &name("Mohamed Zeine"));
        assert_eq!(
            (r.verdict, r.severity),
            (Verdict::Conflict, Severity::Medium)
        );
        // An entity rule joining two unlike names makes them one person spelled two ways.
        let p = Policy {
            same_entity: Some(true),
            ..Policy::default()
        };
        let r = assess(
            &Side::plain(&name("Muammar Gaddafi")),
            &Side::plain(&name("Moammar Gadhafi")),
            &p,
        );
        assert_eq!(r.verdict, Verdict::Conflict);
        let p = Policy {
            same_entity: Some(false),
            ..Policy::default()
        };
        let r = assess(
            &Side::plain(&name("Mohammed Morsi")),
            &Side::plain(&name("Mohamed Morsi")),
            &p,
        );
        assert_eq!(r.verdict, Verdict::Incomparable);
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(
            day_to_date(day(2023, 7, 31)),
            Some(Date::constant(2023, 7, 31))
        );
    }
}
