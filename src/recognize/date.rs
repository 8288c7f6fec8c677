//! Dates: calendar dates at the precision the text gives, relative dates resolved against a
//! reference date, or left unresolved without one (never a guess).
//!
//! In: the line's [`Words`] and the [`Context`] (reference date). Out: `date` candidates with
//! a TIMEX3-style value (`2023-07-26`, `2023-07`, `2023`, `2024-W17`, decade `199`; unresolved
//! `PAST_REF`, `FUTURE_REF`, `PRESENT_REF`, `XXXX-03-26`, `XXXX-WXX-5`), the interval of day
//! numbers it covers, and whether it was resolved from the reference date or is approximate
//! ("mid-2023", "early July").
//!
//! One pass over the tokens: at each token the recognizer dispatches on what the token is (a
//! digit run, a month, a weekday, an ordinal, "last", "ago", ...) and reads a bounded number
//! of tokens ahead, so the cost is linear in the line. Readings of one position that overlap
//! are all proposed; `settle` keeps the longest.
//!
//! Conventions: a preposition before a date ("in 2018", "on Friday") stays out of the span;
//! "in two weeks" keeps its "in", which makes it a date. A weekday alone is read by the
//! line's tense: the latest such day before the reference date in a past-tense (or neutral)
//! report, the next one in a future one. A date without a year is put in the year that
//! brings it nearest the reference date. Two-digit years 00-29 are 2000-2029, 30-99 1930-1999.

use std::cell::Cell;

use jiff::ToSpan;
use jiff::civil::{Date, ISOWeekDate, Weekday};

use super::duration::{self, Measure};
use super::lexicon::{Kw, Tense, Unit, Words};
use super::{Context, Interval, Kind, Value};
use crate::span::Span;

/// Day number of a date: days since 1970-01-01.
pub fn day_number(d: Date) -> f64 {
    let epoch = Date::constant(1970, 1, 1);
    epoch.until(d).map_or(0.0, |s| s.get_days() as f64)
}

/// Reads a date written without a year (`XXXX-12-08`, `XXXX-12`) in `year`; false, and
/// nothing changed, for any other value or a day the year does not have (29 February).
pub fn read_in_year(v: &mut Value, year: i16) -> bool {
    let Some(rest) = v.value.strip_prefix("XXXX-") else {
        return false;
    };
    let mut parts = rest.split('-').map(|p| p.parse::<i8>().ok());
    let when = match (parts.next(), parts.next(), parts.next()) {
        (Some(Some(m)), Some(Some(d)), None) => match Date::new(year, m, d) {
            Ok(date) => When::Day(date),
            Err(_) => return false,
        },
        (Some(Some(m)), None, None) if (1..=12).contains(&m) => When::Month(year, m),
        _ => return false,
    };
    let Some(interval) = when.interval() else {
        return false;
    };
    v.value = when.timex();
    v.interval = Some(interval);
    true
}

/// What a date expression stands for, at the precision written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum When {
    Day(Date),
    Week(i16, i8),
    Month(i16, i8),
    /// A quarter of a year, 1..=4 ("the third quarter of 1989" is `1989-Q3`).
    Quarter(i16, i8),
    /// A half of a year, 1..=2 ("the first half" is `1989-H1`).
    Half(i16, i8),
    /// A season, 1..=4 (spring, summer, fall, winter) of a year: `1998-FA`. Winter is the
    /// one that begins in December of the year.
    Season(i16, i8),
    Year(i16),
    /// The decade starting at this year ("the 1990s" is 1990).
    Decade(i16),
    /// A century by its first two digits ("the 20th century" is 19: 1900-1999).
    Century(i16),
    /// The weekend (Saturday and Sunday) of an ISO week: `1990-W32-WE`.
    Weekend(i16, i8),
    /// A reference to the past, present or future that needs a reference date.
    Open(&'static str),
    /// A vague reference that no date resolves ("now", "recently", "the future"):
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`. Reported, but not a comparable fact.
    Vague(&'static str),
    /// Month and day without a year.
    MonthDay(i8, i8),
    /// A month without a year.
    MonthOnly(i8),
    /// A day of an unknown month.
    DayOnly(i8),
    /// A weekday of an unknown week (1 = Monday).
    WeekdayOnly(i8),
    /// A quarter (`true`: a half) of an unknown year: `XXXX-Q3`, `XXXX-H1`.
    PeriodOnly(bool, i8),
}

impl When {
    /// TIMEX3-style value.
    pub fn timex(&self) -> String {
        match *self {
            When::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            When::Week(y, w) => format!("{y:04}-W{w:02}"),
            When::Month(y, m) => format!("{y:04}-{m:02}"),
            When::Quarter(y, q) => format!("{y:04}-Q{q}"),
            When::Half(y, h) => format!("{y:04}-H{h}"),
            When::Season(y, s) => format!("{y:04}-{}", ["SP", "SU", "FA", "WI"][(s - 1) as usize]),
            When::Year(y) => format!("{y:04}"),
            When::Decade(y) => format!("{:03}", y / 10),
            When::Century(c) => format!("{c:02}"),
            When::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            When::Open(s) | When::Vague(s) => s.to_string(),
            When::MonthDay(m, d) => format!("XXXX-{m:02}-{d:02}"),
            When::MonthOnly(m) => format!("XXXX-{m:02}"),
            When::DayOnly(d) => format!("XXXX-XX-{d:02}"),
            When::WeekdayOnly(d) => format!("XXXX-WXX-{d}"),
            When::PeriodOnly(false, q) => format!("XXXX-Q{q}"),
            When::PeriodOnly(true, h) => format!("XXXX-H{h}"),
        }
    }

    /// First and last day covered, as day numbers.
    pub fn interval(&self) -> Option<Interval> {
        let (a, b) = match *self {
            When::Day(d) => (d, d),
            When::Week(y, w) => {
                let a = ISOWeekDate::new(y, w, Weekday::Monday).ok()?.date();
                (a, a.checked_add(6.days()).ok()?)
            }
            When::Month(y, m) => {
                let a = Date::new(y, m, 1).ok()?;
                (a, a.last_of_month())
            }
            When::Quarter(y, q) => {
                let a = Date::new(y, 3 * q - 2, 1).ok()?;
                (a, Date::new(y, 3 * q, 1).ok()?.last_of_month())
            }
            When::Half(y, h) => {
                let a = Date::new(y, 6 * h - 5, 1).ok()?;
                (a, Date::new(y, 6 * h, 1).ok()?.last_of_month())
            }
            When::Season(y, s) => season_span(y, s)?,
            When::Year(y) => (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?),
            When::Decade(y) => (Date::new(y, 1, 1).ok()?, Date::new(y + 9, 12, 31).ok()?),
            When::Century(c) => (
                Date::new(100 * c, 1, 1).ok()?,
                Date::new(100 * c + 99, 12, 31).ok()?,
            ),
            When::Weekend(y, w) => {
                let a = ISOWeekDate::new(y, w, Weekday::Saturday).ok()?.date();
                (a, a.tomorrow().ok()?)
            }
            _ => return None,
        };
        Some(Interval::new(day_number(a), day_number(b)))
    }
}

impl When {
    /// A period of the calendar, which an anaphoric date can be counted from.
    fn is_calendar(&self) -> bool {
        matches!(
            self,
            When::Day(_)
                | When::Week(..)
                | When::Month(..)
                | When::Quarter(..)
                | When::Half(..)
                | When::Year(_)
        )
    }

    /// The first day of the period.
    fn first_day(&self) -> Option<Date> {
        match *self {
            When::Day(d) => Some(d),
            When::Week(y, w) => ISOWeekDate::new(y, w, Weekday::Monday)
                .ok()
                .map(|x| x.date()),
            When::Month(y, m) => Date::new(y, m, 1).ok(),
            When::Quarter(y, q) => Date::new(y, 3 * q - 2, 1).ok(),
            When::Half(y, h) => Date::new(y, 6 * h - 5, 1).ok(),
            When::Year(y) => Date::new(y, 1, 1).ok(),
            _ => None,
        }
    }

    /// The period `m` before (`sign` -1) or after (1) this one. A period of a year keeps
    /// its kind ("a year earlier" than the third quarter of 1989 is the third quarter of
    /// 1988; than March 1989, March 1988); a day moves and is read at the precision of
    /// the unit named ("two days later", "a year earlier" than a day is that year). A
    /// unit finer than the period ("two days after March") gives nothing: no guess.
    fn moved(&self, m: &Measure, sign: f64) -> Option<When> {
        let finest = m.finest();
        let d = shift_by(self.first_day()?, m, sign)?;
        let months = |x: &When| match x {
            When::Quarter(..) => Some(3),
            When::Half(..) => Some(6),
            When::Month(..) => Some(1),
            _ => None,
        };
        match *self {
            When::Day(_) => Some(at_precision(d, finest)),
            When::Year(_) => (finest.fineness() == 0).then_some(When::Year(d.year())),
            When::Week(..) => match finest.fineness() {
                0 => Some(When::Year(d.year())),
                2 => Some(week_of(d)),
                _ => None,
            },
            _ => {
                let step = months(self)?;
                let whole = m.parts().iter().all(|&(n, u)| match u {
                    Unit::Year | Unit::Decade | Unit::Century => n.fract() == 0.0,
                    Unit::Month => n.fract() == 0.0 && n as i64 % step == 0,
                    _ => false,
                });
                if !whole {
                    return None;
                }
                let k = (d.month() - 1) / step as i8 + 1;
                Some(match self {
                    When::Quarter(..) => When::Quarter(d.year(), k),
                    When::Half(..) => When::Half(d.year(), k),
                    _ => When::Month(d.year(), d.month()),
                })
            }
        }
    }

    /// The same period `n` years away ("year-earlier": the third quarter of 1988 for that
    /// of 1989); a week or a day gives its year.
    fn step_years(&self, n: i16) -> Option<When> {
        Some(match *self {
            When::Month(y, m) => When::Month(y + n, m),
            When::Quarter(y, q) => When::Quarter(y + n, q),
            When::Half(y, h) => When::Half(y + n, h),
            When::Year(y) => When::Year(y + n),
            When::Day(_) | When::Week(..) => When::Year(self.first_day()?.year() + n),
            _ => return None,
        })
    }

    /// The period one step of its own kind before or after ("the previous quarter").
    fn step(&self, dir: i32) -> Option<When> {
        let d = self.first_day()?;
        let n = dir as i64;
        Some(match *self {
            When::Day(_) => When::Day(d.checked_add(n.days()).ok()?),
            When::Week(..) => week_of(d.checked_add((7 * n).days()).ok()?),
            When::Month(..) => {
                let x = d.checked_add(n.months()).ok()?;
                When::Month(x.year(), x.month())
            }
            When::Quarter(..) => quarter_of(d.checked_add((3 * n).months()).ok()?),
            When::Half(..) => {
                let x = d.checked_add((6 * n).months()).ok()?;
                When::Half(x.year(), (x.month() - 1) / 6 + 1)
            }
            When::Year(y) => When::Year(y + dir as i16),
            _ => return None,
        })
    }
}

/// Quarter (`half` false) or half `n` of year `y`.
fn period(half: bool, y: i16, n: i8) -> When {
    if half {
        When::Half(y, n)
    } else {
        When::Quarter(y, n)
    }
}

/// First and last day of season `s` of year `y`: spring March to May, summer June to
/// August, fall September to November, winter December to February.
fn season_span(y: i16, s: i8) -> Option<(Date, Date)> {
    let a = Date::new(y, 3 * s, 1).ok()?;
    let b = a.checked_add(3.months()).ok()?.yesterday().ok()?;
    Some((a, b))
}

/// The quarter that holds `d`.
fn quarter_of(d: Date) -> When {
    When::Quarter(d.year(), (d.month() - 1) / 3 + 1)
}

/// A date expression found at tokens `start..end`.
#[derive(Clone, Copy, Debug)]
struct Hit {
    start: usize,
    end: usize,
    when: When,
    approximate: bool,
    relative: bool,
}

/// The most tokens a date expression has before its first anchor (a number, a month, a
/// unit, ...): "the whole of the following week" has five.
pub const LEAD: usize = 8;

/// Proposes a date for every date expression in the line.
pub fn find(w: &Words, ctx: &Context, out: &mut Vec<Value>) {
    let p = Parser {
        w,
        r: ctx.reference,
        depth: Cell::new(0),
        ante: Cell::new(None),
        quarterly: Cell::new(None),
    };
    let mut hits = Vec::new();
    // Calendar readings, as (start, end, when), for anaphoric dates ("a year earlier"):
    // the one that ends last (then the longest) among those that end before a position
    // is the nearest date before it. Readings still open at the position wait in
    // `pending`; each reading is looked at once when it closes, so a long line of dates
    // stays linear.
    let mut pending: Vec<(usize, usize, When)> = Vec::new();
    let mut nearest: Option<(usize, usize, When)> = None;
    let mut i = 0;
    loop {
        i = w.skip_to(i, LEAD);
        if i >= w.len() {
            break;
        }
        if !w.may_start(i) {
            i += 1;
            continue;
        }
        pending.retain(|&h| {
            if h.1 > i {
                return true;
            }
            // The reading that ends last, and of those the longest: "1989" in "the third
            // quarter of 1989" is part of the quarter, which is what a later "a year
            // earlier" counts from.
            if nearest.is_none_or(|n| h.1 > n.1 || h.1 == n.1 && h.0 <= n.0) {
                nearest = Some(h);
            }
            false
        });
        p.ante.set(nearest.map(|n| n.2));
        p.at(i, &mut hits);
        for h in hits.drain(..) {
            if h.end <= h.start {
                continue;
            }
            // A date counted back or on from another ("last year", "a year ago", "a year
            // earlier") is no antecedent: "year-ago" after "last year" is that same year,
            // not the one before.
            let counted = (h.start..h.end).any(|k| {
                matches!(
                    w.kw(k),
                    Kw::Ago | Kw::Earlier | Kw::Later | Kw::Last | Kw::Previous | Kw::Following
                ) || w.low(k) == "year" && w.is_dash(k + 1)
            });
            if h.when.is_calendar() && !counted {
                pending.push((h.start, h.end, h.when));
            }
            let span = Span::new(w.start(h.start), w.value_end(h.end - 1));
            let mut v = Value::new(Kind::Date, span, h.when.timex());
            v.interval = h.when.interval();
            v.approximate = h.approximate || w.hedged(h.start);
            v.relative = h.relative && v.interval.is_some();
            v.vague = matches!(h.when, When::Vague(_));
            out.push(v);
        }
        i += 1;
    }
}

/// Direction of a relative word: "last" -1, "this" 0, "next" +1.
fn direction(k: Kw) -> Option<i32> {
    match k {
        Kw::This | Kw::Current => Some(0),
        Kw::Next | Kw::Coming | Kw::Upcoming | Kw::Following => Some(1),
        Kw::Last | Kw::Previous | Kw::Past => Some(-1),
        _ => None,
    }
}

fn open_for(dir: i32) -> When {
    match dir.signum() {
        -1 => When::Open("PAST_REF"),
        1 => When::Open("FUTURE_REF"),
        _ => When::Open("PRESENT_REF"),
    }
}

fn two_digit_year(y: u32) -> i16 {
    if y < 30 {
        2000 + y as i16
    } else {
        1900 + y as i16
    }
}

fn weekday(n: i8) -> Weekday {
    Weekday::from_monday_one_offset(n).unwrap_or(Weekday::Monday)
}

fn week_of(d: Date) -> When {
    let iw = d.iso_week_date();
    When::Week(iw.year(), iw.week())
}

/// The weekday `wd` of the ISO week that holds `d`.
fn in_week_of(d: Date, wd: i8) -> Option<Date> {
    let iw = d.iso_week_date();
    ISOWeekDate::new(iw.year(), iw.week(), weekday(wd))
        .ok()
        .map(|x| x.date())
}

/// The nearest `wd` strictly before (`dir` < 0) or strictly after (`dir` > 0) `r`.
fn weekday_from(r: Date, wd: i8, dir: i32) -> Option<Date> {
    let cur = r.weekday().to_monday_one_offset() as i32;
    let wd = wd as i32;
    let delta = if dir < 0 {
        let back = (cur - wd).rem_euclid(7);
        -(if back == 0 { 7 } else { back })
    } else {
        let fwd = (wd - cur).rem_euclid(7);
        if fwd == 0 { 7 } else { fwd }
    };
    r.checked_add((delta as i64).days()).ok()
}

/// Moves `d` by `n` units (negative goes back); fractional amounts go by days.
fn shift(d: Date, n: f64, u: Unit) -> Option<Date> {
    if n.fract() != 0.0 {
        let days = (n * u.seconds() / 86_400.0).round() as i64;
        return d.checked_add(days.days()).ok();
    }
    // Checked all the way: a garbled figure ("mid-202312-year-old") is no date, not a panic.
    let n = n as i64;
    let s = jiff::Span::new();
    let span = match u {
        Unit::Century => s.try_years(n.checked_mul(100)?),
        Unit::Decade => s.try_years(n.checked_mul(10)?),
        Unit::Year => s.try_years(n),
        Unit::Month => s.try_months(n),
        Unit::Fortnight => s.try_weeks(n.checked_mul(2)?),
        Unit::Week => s.try_weeks(n),
        Unit::Day | Unit::Night => s.try_days(n),
        Unit::Hour | Unit::Minute | Unit::Second => return Some(d),
    }
    .ok()?;
    d.checked_add(span).ok()
}

/// `d` moved by every part of `m`, forward (`sign` 1) or back (-1).
fn shift_by(d: Date, m: &Measure, sign: f64) -> Option<Date> {
    let mut x = d;
    for &(n, u) in m.parts() {
        x = shift(x, sign * n, u)?;
    }
    Some(x)
}

/// A date at the precision of the finest unit the text names.
fn at_precision(d: Date, u: Unit) -> When {
    match u.fineness() {
        0 => When::Year(d.year()),
        1 => When::Month(d.year(), d.month()),
        2 => week_of(d),
        _ => When::Day(d),
    }
}

struct Parser<'a, 'b> {
    w: &'b Words<'a>,
    r: Option<Date>,
    /// Nesting of readers that read a date inside a date ("3 days after January 12th");
    /// bounded so a line of chained offsets stays linear.
    depth: Cell<u8>,
    /// The nearest date before the token being read, for anaphoric dates ("a year
    /// earlier", "the previous month"); `None` at the start of the line.
    ante: Cell<Option<When>>,
    /// Whether the line speaks of a quarter of a year ([`Parser::quarter_line`]): worked
    /// out once, when a comparison first asks.
    quarterly: Cell<Option<bool>>,
}

/// How deep readers may nest.
const MAX_DEPTH: u8 = 3;

impl Parser<'_, '_> {
    fn hit(&self, out: &mut Vec<Hit>, start: usize, end: usize, when: When) {
        out.push(Hit {
            start,
            end,
            when,
            approximate: false,
            relative: false,
        });
    }

    fn rel(&self, out: &mut Vec<Hit>, start: usize, end: usize, when: When) {
        out.push(Hit {
            start,
            end,
            when,
            approximate: false,
            relative: true,
        });
    }

    /// Every reading that starts at token `i`.
    fn at(&self, i: usize, out: &mut Vec<Hit>) {
        if self.depth.get() >= MAX_DEPTH {
            return;
        }
        self.depth.set(self.depth.get() + 1);
        self.at_inner(i, out);
        self.depth.set(self.depth.get() - 1);
    }

    fn at_inner(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let lx = w.lex(i);
        // Most words play no part in dates.
        if !lx.known && w.is_word(i) {
            return;
        }
        if w.is_num(i) {
            if let Some((when, end)) = self.numeric(i) {
                self.hit(out, i, end, when);
            }
            if let Some((when, end, rel)) = self.day_first(i) {
                out.push(Hit {
                    start: i,
                    end,
                    when,
                    approximate: false,
                    relative: rel,
                });
            }
            if let Some((when, end)) = self.year_then_month(i) {
                self.hit(out, i, end, when);
            }
            if let Some((when, end)) = self.bare_year(i) {
                self.hit(out, i, end, when);
            }
            self.offset(i, i, out);
            self.ordinal_period(i, i, out);
            self.the_day(i, i, out);
            self.period_led(i, i, out);
            self.year_then_period(i, i, out);
            self.century(i, i, out);
            return;
        }
        if !w.is_word(i) {
            // "'90s", "'87"
            if matches!(w.low(i).as_bytes().first(), Some(b'\'' | 0xE2))
                && (w.is_p(i, '\'') || w.is_p(i, '\u{2019}'))
                && let Some((when, end)) = self.apostrophe_year(i)
            {
                self.hit(out, i, end, when);
            }
            return;
        }
        if lx.month > 0 {
            if let Some((when, end, rel)) = self.month_first(i) {
                out.push(Hit {
                    start: i,
                    end,
                    when,
                    approximate: false,
                    relative: rel,
                });
            }
            if let Some((when, end)) = self.numeric(i) {
                self.hit(out, i, end, when);
            }
        }
        if lx.weekday > 0 {
            self.weekday_led(i, out);
        }
        if lx.season > 0 {
            self.season_led(i, i, out);
        }
        self.holiday(i, out);
        if lx.ordinal > 0 || lx.kw == Kw::Last {
            self.period_led(i, i, out);
        }
        if lx.ordinal > 0 || lx.number {
            if let Some((when, end, rel)) = self.day_first(i) {
                out.push(Hit {
                    start: i,
                    end,
                    when,
                    approximate: false,
                    relative: rel,
                });
            }
            self.ordinal_period(i, i, out);
            self.century(i, i, out);
            self.spoken_year(i, out);
        }
        if lx.number || matches!(lx.kw, Kw::A | Kw::Couple | Kw::Half) {
            self.offset(i, i, out);
        }
        match lx.unit {
            Some(Unit::Week) => self.week_number(i, out),
            Some(Unit::Year) => self.year_led(i, out),
            _ => {}
        }
        match lx.kw {
            // "the people of tomorrow", "the youth of today": the times to come or these
            // times, not a day.
            Kw::Today | Kw::Tomorrow
                if i >= 2 && w.kw(i - 1) == Kw::Of && w.is_word(i - 2) && !w.lex(i - 2).known => {}
            // A title in quotes: ABC's "This Week".
            k if direction(k).is_some()
                && i > 0
                && w.capital(i)
                && w.capital(i + 1)
                && matches!(w.low(i - 1), "\"" | "`" | "``" | "\u{201c}") => {}
            Kw::Today | Kw::Tonight => {
                let when = self.r.map_or(When::Open("PRESENT_REF"), When::Day);
                self.rel(out, i, i + 1, when);
            }
            Kw::Tomorrow => {
                let when = self
                    .r
                    .and_then(|r| r.tomorrow().ok())
                    .map_or(When::Open("FUTURE_REF"), When::Day);
                self.rel(out, i, i + 1, when);
            }
            Kw::Yesterday => {
                let when = self
                    .r
                    .and_then(|r| r.yesterday().ok())
                    .map_or(When::Open("PAST_REF"), When::Day);
                self.rel(out, i, i + 1, when);
            }
            Kw::Early | Kw::Mid | Kw::Late => self.part_of(i, out),
            Kw::Earlier | Kw::Later => self.earlier_later(i, out),
            Kw::The => self.the(i, out),
            Kw::In => self.in_future(i, out),
            Kw::Cy | Kw::Calendar => self.calendar_year(i, out),
            Kw::Fiscal => {
                self.fiscal(i, out);
                self.period_led(i, i, out);
            }
            // "Now, ..." opening a clause is a discourse marker (a turn in the argument),
            // not a time: "Now, he says, it looks like ...".
            Kw::Weekend => self.weekend(i, out),
            Kw::Now if !(w.is_p(i + 1, ',') && (i == 0 || !w.is_word(i - 1))) => {
                self.hit(out, i, i + 1, When::Vague("PRESENT_REF"))
            }
            Kw::Currently => self.hit(out, i, i + 1, When::Vague("PRESENT_REF")),
            Kw::Recently => self.hit(out, i, i + 1, When::Vague("PAST_REF")),
            // "in recent years", "recent weeks"
            Kw::Recent if w.lex(i + 1).plural && w.lex(i + 1).unit.is_some() => {
                self.hit(out, i, i + 2, When::Vague("PAST_REF"))
            }
            Kw::Last => {
                // "last week of 2016" is a week of that year, not the week before this one.
                if w.lex(i + 1).unit == Some(Unit::Week) && w.kw(i + 2) == Kw::Of {
                    self.ordinal_period(i, i, out);
                } else {
                    self.relative(i, out);
                }
            }
            k if direction(k).is_some() => self.relative(i, out),
            _ => {}
        }
    }

    // ----- pieces -----

    /// Token after a month word, past an abbreviation's dot ("Dec." , "Sept.").
    fn after_month(&self, i: usize) -> usize {
        let w = self.w;
        if w.is_p(i + 1, '.') && w.glued(i + 1) && w.low(i).len() <= 4 {
            i + 2
        } else {
            i + 1
        }
    }

    /// A month word at `i` that may stand as one ("may" and "march" need a capital).
    fn month_at(&self, i: usize) -> Option<i8> {
        let lx = self.w.lex(i);
        if lx.month == 0 || lx.ambiguous && !self.w.capital(i) {
            return None;
        }
        Some(lx.month)
    }

    /// A day of the month at `i`: "26", "26th", "04th", "first", "twenty-first", and with
    /// `words` also cardinal words ("twenty five"). Returns (day, end, written as ordinal).
    fn day_num(&self, i: usize, words: bool) -> Option<(i8, usize, bool)> {
        let w = self.w;
        if w.is_num(i) {
            if w.digits(i) > 2 {
                return None;
            }
            let d = w.num(i)?;
            if !(1..=31).contains(&d) {
                return None;
            }
            // A day is not part of a bigger number ("6,107.31 August") or a time ("5:30").
            if i > 0
                && w.glued(i)
                && (w.is_p(i - 1, '.') || w.is_p(i - 1, ','))
                && i >= 2
                && w.is_num(i - 2)
            {
                return None;
            }
            // "5:30" is a time; "on Monday, Oct. 26:" ends a date line with a colon.
            if (w.is_p(i + 1, ':') || w.is_p(i + 1, '.')) && w.is_num(i + 2) && w.glued(i + 2) {
                return None;
            }
            // "Friday 6 p.m.", "Friday 6pm": an hour, not the sixth.
            if matches!(w.low(i + 1), "a" | "p" | "am" | "pm")
                && (w.is_p(i + 2, '.') || matches!(w.low(i + 1), "am" | "pm"))
            {
                return None;
            }
            if w.glued(i + 1) && matches!(w.low(i + 1), "st" | "nd" | "rd" | "th") {
                return Some((d as i8, i + 2, true));
            }
            return Some((d as i8, i + 1, false));
        }
        let lx = w.lex(i);
        if lx.ordinal > 0 {
            return Some((lx.ordinal as i8, i + 1, true));
        }
        // "twenty first", "twenty-first", "thirty first"
        let tens = match w.low(i) {
            "twenty" => 20,
            "thirty" => 30,
            _ => 0,
        };
        if tens > 0 {
            let j = if w.is_dash(i + 1) && w.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            let o = w.lex(j).ordinal;
            if (1..=9).contains(&o) && tens + o as i32 <= 31 {
                return Some(((tens + o as i32) as i8, j + 1, true));
            }
        }
        if words
            && let Some((n, end)) = self.small_words(i)
            && (1..=31).contains(&n)
        {
            return Some((n as i8, end, false));
        }
        None
    }

    /// A number below 100 in words: "six", "twenty five", "twenty-five", "fifteen".
    fn small_words(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w;
        let v = word_value(w.low(i))?;
        if v >= 100 {
            return None;
        }
        if v >= 20 && v % 10 == 0 {
            let j = if w.is_dash(i + 1) && w.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some(u) = word_value(w.low(j)).filter(|u| (1..=9).contains(u)) {
                return Some((v + u, j + 1));
            }
        }
        Some((v, i + 1))
    }

    /// A year in words: "nineteen ninety six", "two thousand and fifteen", "nineteen zero
    /// one", "seventeen hundred thirty three", "one thousand seven hundred and eighty nine".
    fn year_words(&self, i: usize) -> Option<(i16, usize)> {
        let w = self.w;
        let (a, j) = self.small_words(i)?;
        // "X thousand [Y hundred] [and] [Z]"
        if w.low(j) == "thousand" {
            let mut total = a * 1000;
            let mut k = j + 1;
            if let Some((h, e)) = self.small_words(k).filter(|&(_, e)| w.low(e) == "hundred") {
                total += h * 100;
                k = e + 1;
            }
            let mut m = k;
            if w.kw(m) == Kw::And {
                m += 1;
            }
            if let Some((z, e)) = self.small_words(m) {
                return Some(((total + z) as i16, e));
            }
            return Some((total as i16, k));
        }
        // "X hundred [and] [Z]"
        if w.low(j) == "hundred" {
            let mut m = j + 1;
            if w.kw(m) == Kw::And {
                m += 1;
            }
            if let Some((z, e)) = self.small_words(m) {
                return Some(((a * 100 + z) as i16, e));
            }
            return Some(((a * 100) as i16, j + 1));
        }
        // "nineteen ninety six", "twenty twenty", "nineteen zero one", "nineteen oh five"
        if (10..=29).contains(&a) && j == i + 1 {
            if matches!(w.low(j), "zero" | "oh") {
                let u = word_value(w.low(j + 1)).filter(|u| (1..=9).contains(u))?;
                return Some(((a * 100 + u) as i16, j + 2));
            }
            let (b, e) = self.small_words(j)?;
            if b >= 10 {
                return Some(((a * 100 + b) as i16, e));
            }
        }
        None
    }

    /// A year spoken as two pairs of digits, as transcripts write it: "Atlanta nineteen
    /// ninety-six.", "by nineteen ninety-seven the plan was dead". A count is not said so,
    /// but "nineteen ninety-six cars" may be one: before a word in small letters the year
    /// needs a preposition before it. ("in nineteen ninety six" is read by `in_future`.)
    fn spoken_year(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        if !matches!(w.low(i), "eighteen" | "nineteen" | "twenty")
            || matches!(w.low(i + 1), "hundred" | "thousand")
            || i > 0 && w.low(i - 1) == "in"
        {
            return;
        }
        let Some((y, e)) = self.year_words(i).filter(|&(y, _)| y >= 1000) else {
            return;
        };
        let word_after = w.is_word(e) && !w.capital(e);
        let led = i > 0
            && matches!(
                w.low(i - 1),
                "by" | "since" | "until" | "of" | "from" | "to" | "before" | "after" | "during"
            );
        if !word_after || led {
            self.hit(out, i, e, When::Year(y));
        }
    }

    /// A year after a month or a day: 4 digits, 2 digits (`loose`), or words.
    fn year_after(&self, i: usize, two_digits: bool) -> Option<(i16, usize)> {
        let w = self.w;
        if w.is_num(i) {
            let n = w.num(i)?;
            let ok_end = !(w.is_p(i + 1, '.') || w.is_p(i + 1, ',') || w.is_p(i + 1, ':'))
                || !w.is_num(i + 2)
                || !w.glued(i + 2);
            if !ok_end || w.glued(i + 1) && w.is_word(i + 1) {
                return None;
            }
            return match w.digits(i) {
                4 if (1000..=2999).contains(&n) => Some((n as i16, i + 1)),
                2 if two_digits => Some((two_digit_year(n), i + 1)),
                _ => None,
            };
        }
        if w.is_p(i, '\'') || w.is_p(i, '\u{2019}') {
            if w.digits(i + 1) == 2 && w.glued(i + 1) {
                return Some((two_digit_year(w.num(i + 1)?), i + 2));
            }
            return None;
        }
        if w.lex(i).number {
            return self.year_words(i).filter(|&(y, _)| y >= 100);
        }
        None
    }

    /// A four-digit year standing alone, with the checks that keep counts out ("1500
    /// migrants" is a count; "in 1789" and "2025." are years).
    fn bare_year_at(&self, i: usize) -> Option<i16> {
        let w = self.w;
        if w.digits(i) != 4 {
            return None;
        }
        let y = w.num(i)?;
        if !(1000..=2999).contains(&y) {
            return None;
        }
        // Part of a bigger number, code or decimal: "1,2019", "2019.5", "A2019", "2019-20".
        if i > 0 && w.glued(i) {
            let p = w.low(i - 1);
            if w.is_word(i - 1) && w.kw(i - 1) != Kw::Cy && w.lex(i - 1).kw != Kw::Mid {
                return None;
            }
            if matches!(p, "," | "." | ":") && i >= 2 && w.is_num(i - 2) && w.glued(i - 1) {
                return None;
            }
            if matches!(p, "$" | "€" | "£" | "#") {
                return None;
            }
        }
        if w.glued(i + 1) {
            if w.is_word(i + 1) {
                return None;
            }
            if (w.is_p(i + 1, '.') || w.is_p(i + 1, ',') || w.is_p(i + 1, ':'))
                && w.is_num(i + 2)
                && w.glued(i + 2)
            {
                return None;
            }
            if w.is_p(i + 1, '%') {
                return None;
            }
        }
        // Numbers joined by dashes or slashes are a code or a date in digits ("2010-2015-86",
        // "2015 - 32"), unless they are a range of two years ("2010-2015").
        let joined = |a: usize, b: usize| {
            let mid = a + 1;
            b == a + 2 && w.is_num(a) && w.is_num(b) && (w.is_dash(mid) || w.is_p(mid, '/'))
        };
        let yearish =
            |k: usize| w.digits(k) == 4 && w.num(k).is_some_and(|n| (1000..=2999).contains(&n));
        let left = i >= 2 && joined(i - 2, i);
        let right = joined(i, i + 2);
        if left && right
            || left && (!yearish(i - 2) || i >= 4 && joined(i - 4, i - 2))
            || right && (!yearish(i + 2) || joined(i + 2, i + 4))
        {
            return None;
        }
        let prev = if i > 0 { w.low(i - 1) } else { "" };
        let prep = matches!(
            prev,
            "in" | "since"
                | "from"
                | "of"
                | "by"
                | "until"
                | "till"
                | "before"
                | "after"
                | "during"
                | "to"
                | "and"
                | "or"
                | "year"
                | "for"
                | "through"
                | "between"
                | "="
                | "mid"
                | "-"
                | "cy"
                | "early"
                | "late"
                | "circa"
                | "c"
                | "around"
        );
        if !(1900..=2099).contains(&y) && !prep {
            return None;
        }
        // A year after a capitalized word that is no calendar word, inside a sentence, is
        // part of a name: "a venture called Orion 1980", "Windows 2000".
        if i >= 2
            && w.is_word(i - 1)
            && w.capital(i - 1)
            && !w.lex(i - 1).known
            && w.is_word(i - 2)
            && !w.capital(i - 2)
        {
            return None;
        }
        // "2000 people", "1500 migrants": a count of a plural noun, unless a preposition
        // that takes a time comes first ("in 2000 people voted" stays a year).
        let time_prep = matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "before"
                | "after"
                | "during"
                | "year"
                | "circa"
                | "mid"
                | "early"
                | "late"
                | "cy"
                | "="
        );
        if !time_prep && w.is_word(i + 1) && !w.capital(i + 1) {
            let n = w.low(i + 1);
            if n.len() > 2
                && w.lex(i + 1) == Default::default()
                && (n.ends_with('s')
                    && !matches!(
                        n,
                        "was"
                            | "has"
                            | "is"
                            | "sees"
                            | "marks"
                            | "brings"
                            | "begins"
                            | "ends"
                            | "saw"
                    ))
                || matches!(
                    n,
                    "people"
                        | "men"
                        | "women"
                        | "children"
                        | "troops"
                        | "police"
                        | "staff"
                        | "personnel"
                        | "feet"
                        | "metres"
                        | "meters"
                )
            {
                return None;
            }
        }
        Some(y as i16)
    }

    // ----- readers -----

    /// Dates in digits and separators: "2023-07-26", "2015/08/12", "02/22/2016",
    /// "21/04/16", "13.5.2015", "2015-3", "11/2016", "20161016", "2016 10 16",
    /// "05-Aug-2016", "Sep-23-2020", "2019/aug/01", "Dec-2018".
    fn numeric(&self, i: usize) -> Option<(When, usize)> {
        let w = self.w;
        // Not the tail of a longer number or code: "138-2010-2015", "0.8/15", "W17".
        if i > 0 && w.glued(i) {
            if w.is_word(i - 1) || w.is_num(i - 1) {
                return None;
            }
            if i >= 2 && w.is_num(i - 2) && w.glued(i - 1) && !w.is_p(i - 1, '(') {
                return None;
            }
        }
        if w.is_num(i) && w.digits(i) == 8 {
            let s = w.low(i);
            let (y, m, d) = (
                s[..4].parse().ok()?,
                s[4..6].parse().ok()?,
                s[6..].parse().ok()?,
            );
            if !self.chain_ends(i + 1) || !(1000..=2999).contains(&y) {
                return None;
            }
            return Date::new(y, m, d).ok().map(|d| (When::Day(d), i + 1));
        }
        // Elements joined by one separator: -, /, or .
        let first_ok =
            |k: usize| w.is_num(k) && w.digits(k) <= 4 || w.lex(k).month > 0 && w.is_word(k);
        if !first_ok(i) {
            return None;
        }
        let sep_at =
            |k: usize| -> Option<char> { ['-', '/', '.'].into_iter().find(|&c| w.is_p(k, c)) };
        let mut els = [i; 3];
        let mut n = 1;
        let mut sep = None;
        let mut k = i + 1;
        let mut spaced = false;
        while n < 3 {
            let s = match sep_at(k) {
                Some(s) => s,
                // "08/12,2015": a comma before the year after a slash date.
                None if n == 2 && sep == Some('/') && w.is_p(k, ',') => '/',
                None => break,
            };
            if sep.is_some_and(|x| x != s) {
                break;
            }
            if !first_ok(k + 1) {
                break;
            }
            if !w.glued(k) || !w.glued(k + 1) {
                spaced = true;
            }
            sep = Some(s);
            els[n] = k + 1;
            n += 1;
            k += 2;
        }
        if n == 1 {
            return self.spaced_ymd(i);
        }
        // A dot joins only glued digits ("2015.3", "13.5.2015"), never words or spaces.
        if sep == Some('.') && (spaced || els[..n].iter().any(|&e| !w.is_num(e))) {
            return None;
        }
        // "closed at 2082.1", "fell to 1678.5": after a word that sets a level, a year and
        // a month joined by a dot are a decimal number (an index level, a price).
        if sep == Some('.')
            && n == 2
            && i > 0
            && matches!(
                w.low(i - 1),
                "at" | "to" | "from" | "above" | "below" | "over" | "under" | "near" | "of"
            )
        {
            return None;
        }
        // Try the full chain, then two elements if the third does not fit.
        let try_n = |n: usize| -> Option<When> {
            if !self.chain_ends(els[n - 1] + 1) {
                return None;
            }
            if n == 3 {
                self.ymd(els[0], els[1], els[2], sep == Some('.'))
            } else {
                self.ym(els[0], els[1])
            }
        };
        if n == 3 {
            if let Some(when) = try_n(3) {
                return Some((when, els[2] + 1));
            }
            return None;
        }
        try_n(2).map(|when| (when, els[1] + 1))
    }

    /// The token after a numeric date is not more of the same number ("2015-1-32", "8/1.5").
    fn chain_ends(&self, k: usize) -> bool {
        let w = self.w;
        if !w.glued(k) {
            return true;
        }
        if w.is_num(k) || w.is_word(k) && !w.is_p(k, '-') && k > 0 && w.is_num(k - 1) {
            return false;
        }
        let joins = ['-', '/', '.', ':', ','].into_iter().any(|c| w.is_p(k, c));
        !(joins && w.glued(k + 1) && w.is_num(k + 1))
    }

    /// Value of a numeric-date element: (number, is a month word, digits).
    fn el(&self, k: usize) -> (u32, bool, usize) {
        let w = self.w;
        if w.is_num(k) {
            (w.num(k).unwrap_or(0), false, w.digits(k))
        } else {
            (w.lex(k).month as u32, true, 0)
        }
    }

    fn ymd(&self, a: usize, b: usize, c: usize, dots: bool) -> Option<When> {
        let (x, xm, xd) = self.el(a);
        let (y, ym, yd) = self.el(b);
        let (z, zm, zd) = self.el(c);
        let day = |yy: i16, m: u32, d: u32| Date::new(yy, m as i8, d as i8).ok().map(When::Day);
        let year = |v: u32, digits: usize| match digits {
            4 if (1000..=2999).contains(&v) => Some(v as i16),
            2 => Some(two_digit_year(v)),
            _ => None,
        };
        // Y-M-D, Y-Mon-D, Y/D/Mon
        if xd == 4 {
            let yy = year(x, 4)?;
            if zm && !ym {
                return day(yy, z, y);
            }
            if zm || (yd > 2 || zd > 2) {
                return None;
            }
            return day(yy, y, z);
        }
        // Mon-Y-D ("September-2020-23"), D-Y-Mon ("23-2020-September")
        if yd == 4 {
            let yy = year(y, 4)?;
            if xm && !zm && zd <= 2 {
                return day(yy, x, z);
            }
            if zm && !xm && xd <= 2 {
                return day(yy, z, x);
            }
            return None;
        }
        if xm && ym || zm || xd > 2 && !xm || yd > 2 && !ym {
            return None;
        }
        let yy = year(z, zd)?;
        if xm {
            return day(yy, x, y); // Sep-23-2020
        }
        if ym {
            return day(yy, y, x); // 05-Aug-2016
        }
        // All digits: day.month.year with dots (the European way), else month/day/year
        // unless the first can only be a day.
        if dots || x > 12 {
            return day(yy, y, x);
        }
        day(yy, x, y)
    }

    fn ym(&self, a: usize, b: usize) -> Option<When> {
        let (x, xm, xd) = self.el(a);
        let (y, ym, yd) = self.el(b);
        let month = |yy: u32, m: u32| {
            ((1000..=2999).contains(&yy) && (1..=12).contains(&m))
                .then_some(When::Month(yy as i16, m as i8))
        };
        if xd == 4 && (ym || yd <= 2) {
            return month(x, y);
        }
        if yd == 4 && (xm || xd <= 2) {
            return month(y, x);
        }
        None
    }

    /// "2016 10 16": year, month and day separated by spaces.
    fn spaced_ymd(&self, i: usize) -> Option<(When, usize)> {
        let w = self.w;
        if w.digits(i) != 4 || w.digits(i + 1) != 2 || w.digits(i + 2) != 2 {
            return None;
        }
        if !(w.glued(i + 1) || w.glued(i + 2) || w.is_num(i + 3) || i > 0 && w.is_num(i - 1)) {
            let d = Date::new(w.num(i)? as i16, w.num(i + 1)? as i8, w.num(i + 2)? as i8).ok()?;
            return Some((When::Day(d), i + 3));
        }
        None
    }

    /// A month word first: "July 26, 2023", "Dec. 31 , 1994", "january 12th, 2016",
    /// "July 2023", "June of 1992", "August 99", "june next year", "January first 2000",
    /// "September the twenty-first nineteen seventy eight", a yearless "March 26", a bare
    /// "July" after a preposition. Returns (when, end, resolved from the reference).
    fn month_first(&self, i: usize) -> Option<(When, usize, bool)> {
        let w = self.w;
        let lx = w.lex(i);
        let m = lx.month;
        let full = w.low(i).len() > 4 || matches!(w.low(i), "june" | "july" | "may");
        let j = self.after_month(i);
        // A year in words right after the month: "August two thousand and fifteen".
        if w.lex(j).number
            && let Some((y, e)) = self.year_words(j).filter(|&(y, _)| y >= 1000)
        {
            return Some((When::Month(y, m), e, false));
        }
        // A day after the month.
        let mut dj = j;
        if w.kw(dj) == Kw::The {
            dj += 1;
        }
        if let Some((d, e, ordinal)) = self.day_num(dj, !lx.ambiguous || w.capital(i)) {
            // "march 5 miles", "may 5": a lower-case "march" or "may" is a verb unless a
            // year follows.
            let year_follows = self
                .year_after(if w.is_p(e, ',') { e + 1 } else { e }, false)
                .is_some();
            if lx.ambiguous && !w.capital(i) && !year_follows {
                return None;
            }
            let d_glued_ok = w.glued(dj) && w.is_num(dj) || !w.glued(dj);
            if d_glued_ok && (dj == j || ordinal) {
                // Year after the day: "26, 2023", "12th, 2016", "4th of 1995", "28 in 2020".
                let mut k = e;
                let mut comma = false;
                if w.is_p(k, ',') {
                    k += 1;
                    comma = true;
                }
                if matches!(w.kw(k), Kw::Of | Kw::In) && !comma {
                    k += 1;
                }
                let two = ordinal && !w.is_num(dj);
                if let Some((y, ye)) = self.year_after(k, two) {
                    let date = Date::new(y, m, d).ok()?;
                    return Some((When::Day(date), ye, false));
                }
                // A number after "May 5" that is not a year makes it something else.
                if w.is_num(e) && !comma {
                    return None;
                }
                return Some((self.yearless(m, d, i), e, self.r.is_some()));
            }
        }
        // A year after the month: "July 2023", "Dec, 2018", "June of 1992", "April of 87".
        let mut k = j;
        if w.is_p(k, ',') {
            k += 1;
        }
        let of = w.kw(k) == Kw::Of;
        if of {
            k += 1;
        }
        if w.is_num(k) && w.digits(k) == 2 && !of && w.num(k).is_some_and(|n| n <= 31) {
            return None;
        }
        if let Some((y, e)) = self.year_after(k, true) {
            if lx.ambiguous && !w.capital(i) && !of && !w.is_num(k) {
                return None;
            }
            return Some((When::Month(y, m), e, false));
        }
        // "june next year", "june of next year", "June this year"
        let k = if of { k } else { j };
        if let Some(dir) = direction(w.kw(k))
            && w.lex(k + 1).unit == Some(Unit::Year)
            && !w.lex(k + 1).plural
        {
            let when = self
                .r
                .map_or(open_for(dir), |r| When::Month(r.year() + dir as i16, m));
            return Some((when, k + 2, self.r.is_some()));
        }
        // A month alone after a preposition or a capitalised full name: "in July".
        let m = self.month_at(i)?;
        let prev = if i > 0 { w.low(i - 1) } else { "" };
        let prep = matches!(
            prev,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "during"
                | "from"
                | "through"
                | "before"
                | "after"
                | "early"
                | "mid"
                | "late"
                | "of"
                | "-"
                | "to"
                | "end"
        );
        if !(prep || full && w.capital(i) && !lx.ambiguous) {
            return None;
        }
        // "May I", "March on" stay words: a bare ambiguous month needs a preposition.
        if lx.ambiguous && !prep {
            return None;
        }
        Some((self.bare_month(m, i), i + 1, self.r.is_some()))
    }

    /// The tense a date at token `at` is read by: its clause's, except after a word that
    /// sets a deadline or a term ("by Jan. 14", "extended to Nov. 20", "effective Dec. 7",
    /// "until March 6"), which looks ahead even in a report of the past: such a date is
    /// read as neutral (the nearest), unless the clause speaks of the future.
    fn tense_for(&self, at: usize) -> Tense {
        let t = self.w.tense_at(at);
        if self.deadline(at) && t.past || self.attributive(at) {
            return Tense::default();
        }
        t
    }

    /// A word that sets a deadline or a term before the date at `at`: "by Jan. 14",
    /// "extended to Nov. 20", "effective Dec. 7", "until March 6", "as soon as Tuesday".
    fn deadline(&self, at: usize) -> bool {
        let w = self.w;
        let mut k = at;
        if k > 0 && w.kw(k - 1) == Kw::On {
            k -= 1;
        }
        // "until 9 a.m. Tuesday", "until 4 a.m. EDT Thursday": past a clock time.
        if k > 0
            && matches!(
                w.low(k - 1),
                "est" | "edt" | "gmt" | "utc" | "cst" | "cdt" | "pst" | "pdt" | "local"
            )
        {
            k -= 1;
        }
        if k >= 5
            && w.is_p(k - 1, '.')
            && w.low(k - 2) == "m"
            && w.is_p(k - 3, '.')
            && matches!(w.low(k - 4), "a" | "p")
            && w.is_num(k - 5)
        {
            k -= 5;
        } else if k >= 2 && matches!(w.low(k - 1), "am" | "pm") && w.is_num(k - 2) {
            k -= 2;
        }
        // "until mid-November", "by early March"
        if k > 1 && w.is_dash(k - 1) && w.low(k - 2) == "mid" {
            k -= 2;
        } else if k > 0 && matches!(w.low(k - 1), "early" | "late" | "mid") {
            k -= 1;
        }
        k > 0
            && (matches!(
                w.low(k - 1),
                "by" | "until" | "till" | "through" | "to" | "effective" | "due"
            ) || k > 2
                && w.low(k - 1) == "as"
                && matches!(w.low(k - 2), "soon" | "early")
                && w.low(k - 3) == "as")
    }

    /// A deadline set by putting something off: "postponed until Tuesday morning",
    /// "delayed to Friday", "pushed back to Monday". The act may be past; the day it
    /// moved to lies ahead of the report.
    fn put_off(&self, at: usize) -> bool {
        let w = self.w;
        let Some(u) = (at.saturating_sub(7)..at)
            .rev()
            .find(|&k| matches!(w.low(k), "until" | "till" | "to"))
        else {
            return false;
        };
        let mut v = u;
        if v > 0 && w.low(v - 1) == "back" {
            v -= 1;
        }
        v > 0
            && matches!(
                w.low(v - 1),
                "postponed"
                    | "delayed"
                    | "deferred"
                    | "adjourned"
                    | "recessed"
                    | "extended"
                    | "pushed"
                    | "moved"
                    | "rescheduled"
                    | "off"
            )
            && self.deadline(at)
    }

    /// A date that qualifies a noun ("the Jan. 14 deadline", "a Dec. 7 meeting", "the
    /// Aug. 7 blasts"): the clause's verb does not date it.
    fn attributive(&self, at: usize) -> bool {
        at > 0 && matches!(self.w.kw(at - 1), Kw::The | Kw::A)
    }

    /// A month and day without a year, put in a year by the tense: the latest such day up
    /// to the reference date in a past-tense line, the next one from it in a future-tense
    /// line, else the nearest.
    fn yearless(&self, m: i8, d: i8, at: usize) -> When {
        let Some(r) = self.r else {
            return When::MonthDay(m, d);
        };
        let t = self.tense_for(at);
        let deadline = self.deadline(at);
        let days = |x: &Date| r.until(*x).map_or(i64::MAX, |s| s.get_days() as i64);
        // Without a tense, news reports what happened: a day ahead is meant only when it
        // is near (within a quarter) and nearer than the one behind. A deadline or a
        // term ("effective Feb. 1") looks ahead as far as behind.
        // A future just behind the reference ("said they would act by Jan. 14", written
        // on the 15th) is a future seen from the past, not a day a year ahead.
        let ok = |x: i64| {
            if t.clearly_future() {
                x >= -7
            } else if t.past {
                x <= 0
            } else {
                x <= 92 || deadline
            }
        };
        let best = (-1..=1)
            .filter_map(|k| Date::new(r.year() + k, m, d).ok())
            .filter(|x| ok(days(x)))
            .min_by_key(|x| days(x).abs());
        best.map_or(When::MonthDay(m, d), When::Day)
    }

    /// A month without a year: the nearest such month, read by the tense.
    fn bare_month(&self, m: i8, at: usize) -> When {
        let Some(r) = self.r else {
            return When::MonthOnly(m);
        };
        let t = self.tense_for(at);
        let cur = r.month();
        let y = if t.clearly_future() {
            if m >= cur { r.year() } else { r.year() + 1 }
        } else if t.past {
            if m <= cur { r.year() } else { r.year() - 1 }
        } else {
            // Without a tense, news reports what happened: a month ahead is meant only
            // when it is near (the next four; the next six after a word that sets a
            // deadline, "by February"), else the last such month.
            let ahead = if self.deadline(at) { 6 } else { 4 };
            let diff = (m - cur) as i32;
            if diff > ahead {
                r.year() - 1
            } else if diff <= ahead - 12 {
                r.year() + 1
            } else {
                r.year()
            }
        };
        When::Month(y, m)
    }

    /// A day first: "26 July 2023", "04th Jan 2019", "16. Nov. 2016", "4th of july of 1995",
    /// "fourth of july, 1995", "twenty five January nineteen eighty six", "28 june in 2020",
    /// a yearless "26th March", "the 20th of next month".
    fn day_first(&self, i: usize) -> Option<(When, usize, bool)> {
        let w = self.w;
        let (d, e, ordinal) = self.day_num(i, true)?;
        let mut j = e;
        if w.is_p(j, '.') && w.is_num(i) {
            j += 1; // "16. Nov."
        }
        if w.kw(j) == Kw::Of {
            j += 1;
        }
        // "20th of next month", "the 15th day of next month"
        if ordinal {
            let mut k = e;
            if w.low(k) == "day" && w.kw(k + 1) == Kw::Of {
                k += 2;
            } else if w.kw(k) == Kw::Of {
                k += 1;
            } else {
                k = usize::MAX;
            }
            if k != usize::MAX
                && let Some(dir) = direction(w.kw(k))
                && w.lex(k + 1).unit == Some(Unit::Month)
                && !w.lex(k + 1).plural
            {
                let r = self.r?;
                let base = r.first_of_month().checked_add((dir as i64).months()).ok()?;
                let date = Date::new(base.year(), base.month(), d).ok()?;
                return Some((When::Day(date), k + 2, true));
            }
        }
        let lx = w.lex(j);
        if lx.month == 0 || !w.is_word(j) {
            return None;
        }
        if !w.is_num(i) && !ordinal && !w.lex(j).month.is_positive() {
            return None;
        }
        if lx.ambiguous && !w.capital(j) && !w.is_num(i) {
            return None;
        }
        let m = lx.month;
        let mj = self.after_month(j);
        let mut k = mj;
        let mut comma = false;
        if w.is_p(k, ',') {
            k += 1;
            comma = true;
        }
        if matches!(w.kw(k), Kw::Of | Kw::In) && !comma {
            k += 1;
        }
        if let Some((y, ye)) = self.year_after(k, w.kw(k - 1) == Kw::Of) {
            let date = Date::new(y, m, d).ok()?;
            return Some((When::Day(date), ye, false));
        }
        if lx.ambiguous && !w.capital(j) {
            return None;
        }
        // A cardinal in words before a month needs a year ("five May" is not a date).
        if !w.is_num(i) && !ordinal {
            return None;
        }
        Some((self.yearless(m, d, i), j + 1, self.r.is_some()))
    }

    /// "2017 april", "2016, nov", "2016 November".
    fn year_then_month(&self, i: usize) -> Option<(When, usize)> {
        let w = self.w;
        let y = self.bare_year_at(i).or_else(|| {
            (w.digits(i) == 4)
                .then(|| w.num(i))
                .flatten()
                .filter(|y| (1000..=2999).contains(y))
                .map(|y| y as i16)
        })?;
        let mut k = i + 1;
        if w.is_p(k, ',') {
            k += 1;
        }
        let lx = w.lex(k);
        if lx.month == 0 || !w.is_word(k) || lx.ambiguous && !w.capital(k) {
            return None;
        }
        // "2016 nov 5" would be a day; "2016 11 16" is handled as digits.
        if w.is_num(k + 1) && !w.glued(k + 1) {
            return None;
        }
        Some((When::Month(y, lx.month), k + 1))
    }

    /// A bare year "2023", or a decade "1990s".
    fn bare_year(&self, i: usize) -> Option<(When, usize)> {
        let w = self.w;
        if w.digits(i) == 4 && w.glued(i + 1) && w.low(i + 1) == "s" {
            let y = w.num(i)?;
            if y % 10 == 0 && (1000..=2999).contains(&y) {
                return Some((When::Decade(y as i16), i + 2));
            }
            return None;
        }
        let y = self.bare_year_at(i)?;
        Some((When::Year(y), i + 1))
    }

    /// "'90s" (a decade) and "'87" after "of" or a month (handled there).
    fn apostrophe_year(&self, i: usize) -> Option<(When, usize)> {
        let w = self.w;
        // "in '95", "since '87"
        if i > 0
            && matches!(
                w.low(i - 1),
                "in" | "since" | "of" | "from" | "until" | "by"
            )
            && w.digits(i + 1) == 2
            && w.glued(i + 1)
            && !w.glued(i + 2)
        {
            return Some((When::Year(two_digit_year(w.num(i + 1)?)), i + 2));
        }
        if w.digits(i + 1) == 2 && w.glued(i + 1) && w.glued(i + 2) && w.low(i + 2) == "s" {
            let y = two_digit_year(w.num(i + 1)?);
            if y % 10 == 0 {
                return Some((When::Decade(y), i + 3));
            }
        }
        None
    }

    /// A holiday named at `i`: "easter", "christmas eve", "new year's day", "black friday".
    fn holiday_at(&self, i: usize) -> Option<(Holiday, usize)> {
        let w = self.w;
        if !w.lex(i).holiday {
            return None;
        }
        let next = w.low(i + 1);
        let day = next == "day";
        let fixed = |m, d, e| Some((Holiday::Fixed(m, d), e));
        match w.low(i) {
            "easter" => Some((
                Holiday::Easter,
                if matches!(next, "sunday" | "day") {
                    i + 2
                } else {
                    i + 1
                },
            )),
            "christmas" | "xmas" => match next {
                "eve" => fixed(12, 24, i + 2),
                "day" => fixed(12, 25, i + 2),
                _ => fixed(12, 25, i + 1),
            },
            "halloween" => fixed(10, 31, i + 1),
            "thanksgiving" => Some((
                Holiday::NthWeekday(11, 4, Weekday::Thursday),
                if day { i + 2 } else { i + 1 },
            )),
            "new" if matches!(next, "year" | "year's" | "year\u{2019}s" | "years") => {
                match w.low(i + 2) {
                    "eve" => fixed(12, 31, i + 3),
                    "day" => fixed(1, 1, i + 3),
                    _ => None,
                }
            }
            "independence" if day => fixed(7, 4, i + 2),
            "earth" if day => fixed(4, 22, i + 2),
            "boxing" if day => fixed(12, 26, i + 2),
            "valentine's" | "valentine\u{2019}s" | "valentines" | "valentine" if day => {
                fixed(2, 14, i + 2)
            }
            "saint" | "st" => {
                let j = if w.is_p(i + 1, '.') { i + 2 } else { i + 1 };
                if !matches!(
                    w.low(j),
                    "patrick" | "patrick's" | "patrick\u{2019}s" | "patricks"
                ) {
                    return None;
                }
                fixed(3, 17, if w.low(j + 1) == "day" { j + 2 } else { j + 1 })
            }
            "black" if next == "friday" => Some((Holiday::BlackFriday, i + 2)),
            "labor" | "labour" if day => Some((Holiday::NthWeekday(9, 1, Weekday::Monday), i + 2)),
            "memorial" if day => Some((Holiday::NthWeekday(5, -1, Weekday::Monday), i + 2)),
            "mother's" | "mothers" | "mother’s" if day => {
                Some((Holiday::NthWeekday(5, 2, Weekday::Sunday), i + 2))
            }
            "father's" | "fathers" | "father’s" if day => {
                Some((Holiday::NthWeekday(6, 3, Weekday::Sunday), i + 2))
            }
            _ => None,
        }
    }

    /// "easter 2018", "independence day of this year", "Christmas" (the one the tense
    /// points to).
    fn holiday(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let Some((h, e)) = self.holiday_at(i) else {
            return;
        };
        let mut k = e;
        if w.is_p(k, ',') {
            k += 1;
        }
        if w.kw(k) == Kw::Of || w.kw(k) == Kw::In {
            k += 1;
        }
        if let Some((y, ye)) = self.year_after(k, false) {
            if let Some(d) = h.on(y) {
                self.hit(out, i, ye, When::Day(d));
            }
            return;
        }
        if w.kw(e) == Kw::Of
            && let Some(dir) = direction(w.kw(e + 1))
            && w.low(e + 2) == "year"
        {
            if let Some(d) = self.r.and_then(|r| h.on(r.year() + dir as i16)) {
                self.rel(out, i, e + 3, When::Day(d));
            }
            return;
        }
        if !w.capital(i) {
            return;
        }
        // A name that goes on with a capitalized noun names a place or a thing: "St.
        // Patrick's Cathedral", "Easter Island", "Christmas Carol".
        if w.is_word(e) && w.capital(e) && w.lex(e) == Default::default() {
            return;
        }
        let Some(r) = self.r else {
            if let Holiday::Fixed(m, d) = h {
                self.hit(out, i, e, When::MonthDay(m, d));
            }
            return;
        };
        let t = w.tense_at(i);
        let dir = if t.clearly_future() {
            1
        } else if t.past {
            -1
        } else {
            0
        };
        if let Some(d) = self.holiday_near(h, r, dir, true) {
            self.rel(out, i, e, When::Day(d));
        }
    }

    /// The occurrence of `h` before (`dir` < 0), after (> 0) or nearest (0) `r`;
    /// `inclusive` lets `r` itself count.
    fn holiday_near(&self, h: Holiday, r: Date, dir: i32, inclusive: bool) -> Option<Date> {
        let cands = [-1i16, 0, 1].map(|k| h.on(r.year() + k));
        let days = |d: Date| r.until(d).map_or(i64::MAX, |s| s.get_days() as i64);
        let ok = |x: i64| match dir.signum() {
            -1 => x < 0 || inclusive && x == 0,
            1 => x > 0 || inclusive && x == 0,
            _ => true,
        };
        cands
            .into_iter()
            .flatten()
            .filter(|&d| ok(days(d)))
            .min_by_key(|&d| days(d).abs())
    }

    /// "this/next/last/previous/coming ..." + week, month, year, a weekday or a month.
    fn relative(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let mut dir = match direction(w.kw(i)) {
            Some(d) => d,
            None => return,
        };
        let mut j = i + 1;
        // "this past Wednesday", "this coming week", "this upcoming Friday"
        if dir == 0
            && let Some(d2) = direction(w.kw(j)).filter(|&d| d != 0)
        {
            dir = d2;
            j += 1;
        }
        let strict_weekday_next = matches!(w.kw(i), Kw::Next | Kw::Following);
        // "working week", "calendar year", "business week"
        if matches!(
            w.kw(j),
            Kw::Working | Kw::Calendar | Kw::Business | Kw::Fiscal
        ) {
            j += 1;
        }
        // "the previous month", "the following day", "the next year": counted from the
        // nearest date before in the text (anaphoric); "last month", "next week" are
        // counted from the reference date (deictic).
        let anaphoric = matches!(w.kw(i), Kw::Previous | Kw::Following)
            || w.kw(i) == Kw::Next && i > 0 && w.kw(i - 1) == Kw::The;
        let ante = self.ante.get().filter(|_| anaphoric && dir != 0);
        // "last fall", "this summer", "next spring"
        let s = w.lex(j).season;
        if s > 0 {
            let when = match self.r {
                None => Some(open_for(dir)),
                Some(r) => {
                    let within = |y: i16| season_span(y, s);
                    let y = r.year();
                    let years = [y - 2, y - 1, y, y + 1];
                    let this_one = if s == 4 && r.month() <= 2 { y - 1 } else { y };
                    let found = match dir {
                        // Last year's: "last spring" said in October is the spring of
                        // the year before, as "last fall" said in April is.
                        d if d < 0 => Some(&years[1]),
                        // The first one not begun yet.
                        d if d > 0 => years
                            .iter()
                            .find(|&&y| within(y).is_some_and(|(a, _)| a > r)),
                        // This one: the one under way, else this year's.
                        _ => years
                            .iter()
                            .find(|&&y| within(y).is_some_and(|(a, b)| a <= r && r <= b))
                            .or(Some(&this_one)),
                    };
                    found.map(|&y| When::Season(y, s))
                }
            };
            if let Some(when) = when {
                self.rel(out, i, j + 1, when);
            }
            return;
        }
        // "this quarter", "last quarter", "the previous quarter", "next half"
        if matches!(w.kw(j), Kw::Quarter | Kw::Half) && !w.is_dash(j + 1) && w.kw(j + 1) != Kw::Of {
            let half = w.kw(j) == Kw::Half;
            let when = match (ante, self.r) {
                (Some(a @ (When::Quarter(..) | When::Half(..))), _) => a.step(dir),
                (_, Some(r)) => {
                    let cur = if half {
                        When::Half(r.year(), (r.month() - 1) / 6 + 1)
                    } else {
                        quarter_of(r)
                    };
                    cur.step(dir)
                }
                (_, None) => Some(open_for(dir)),
            };
            if let Some(when) = when {
                self.rel(out, i, j + 1, when);
            }
            return;
        }
        // "down from $21.4 million last year", "a 13% increase from last year's $1.55
        // billion", "last year's quarter" in a line about a quarter: the figure compared is
        // the quarter's, a year back, as "a year ago" there is.
        if w.kw(i) == Kw::Last
            && j == i + 1
            && w.lex(j).unit == Some(Unit::Year)
            && !w.lex(j).plural
        {
            let amount = |k: usize| {
                w.is_num(k) || matches!(w.low(k), "million" | "billion" | "%" | "percent" | "cents")
            };
            let compared = i > 0 && amount(i - 1)
                || w.lex(j).possessive
                    && (w.is_num(j + 1)
                        || w.is_num(j + 2)
                        || matches!(w.low(j + 1), "quarter" | "period"));
            if compared && let Some(q) = self.reported_quarter().and_then(|q| q.step_years(-1)) {
                let end = if w.lex(j).possessive && matches!(w.low(j + 1), "quarter" | "period") {
                    j + 2
                } else {
                    j + 1
                };
                self.rel(out, i, end, q);
                return;
            }
        }
        // "the coming months", "past decades": a vague stretch of time.
        if w.lex(j).plural && w.lex(j).unit.is_some() && dir != 0 && w.kw(i) != Kw::Last {
            let v = if dir > 0 { "FUTURE_REF" } else { "PAST_REF" };
            self.hit(out, i, j + 1, When::Vague(v));
            return;
        }
        if let Some(a) = ante
            && let Some(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year)) = w.lex(j).unit
            && !w.lex(j).plural
            && w.low(j) != "night"
        {
            // The period one unit before or after the antecedent, at the unit's precision.
            let d = a.first_day().and_then(|d| shift(d, dir as f64, u));
            if let Some(d) = d {
                self.rel(out, i, j + 1, at_precision(d, u));
            }
            return;
        }
        // "last night" is yesterday; "this morning", "this evening" are today.
        let part_of_day = w.lex(j).part_of_day;
        if (w.low(j) == "night" && dir < 0 && w.kw(i) == Kw::Last)
            || (part_of_day && dir == 0 && w.kw(i) == Kw::This)
        {
            let when = match self.r {
                None => open_for(dir),
                Some(r) => match r.checked_add((dir as i64).days()) {
                    Ok(d) => When::Day(d),
                    Err(_) => return,
                },
            };
            self.rel(out, i, j + 1, when);
            return;
        }
        if let Some((h, e)) = self.holiday_at(j) {
            let when = match self.r {
                None => open_for(dir),
                Some(r) => match self.holiday_near(h, r, if dir == 0 { 0 } else { dir }, false) {
                    Some(d) => When::Day(d),
                    None => return,
                },
            };
            self.rel(out, i, e, when);
            return;
        }
        let lx = w.lex(j);
        let unit = if w.kw(j) == Kw::Workweek {
            Some(Unit::Week)
        } else {
            lx.unit
        };
        if let Some(u @ (Unit::Week | Unit::Month | Unit::Year)) = unit {
            if w.lex(j).plural {
                return;
            }
            let end = j + 1;
            let Some(r) = self.r else {
                self.rel(out, i, end, open_for(dir));
                return;
            };
            let when = match u {
                Unit::Week => {
                    let d = r.checked_add((7 * dir as i64).days()).ok();
                    // "next week Wednesday", "last week Sunday", "next week on Friday",
                    // "previous week - Monday"
                    let mut k = end;
                    if w.kw(k) == Kw::On || w.is_dash(k) {
                        k += 1;
                    }
                    let wd = w.lex(k).weekday;
                    if wd > 0
                        && !w.lex(k).plural
                        && let Some(day) = d.and_then(|d| in_week_of(d, wd))
                    {
                        self.rel(out, i, k + 1, When::Day(day));
                    }
                    d.map(week_of)
                }
                Unit::Month => r
                    .first_of_month()
                    .checked_add((dir as i64).months())
                    .ok()
                    .map(|d| When::Month(d.year(), d.month())),
                _ => Some(When::Year(r.year() + dir as i16)),
            };
            // "this year's third quarter", "next year's first half"
            if let Some(When::Year(y)) = when
                && w.lex(j).possessive
                && let Some((half, n, e)) = self.period_at(end)
                && n > 0
            {
                self.rel(out, i, e, period(half, y, n));
            }
            if let Some(when) = when {
                self.rel(out, i, end, when);
            }
            return;
        }
        if lx.weekday > 0 && !lx.plural && (w.capital(j) || w.low(j).len() > 3) {
            let wd = lx.weekday;
            let Some(r) = self.r else {
                self.rel(out, i, j + 1, When::WeekdayOnly(wd));
                return;
            };
            let day = match dir {
                0 => in_week_of(r, wd),
                d if d < 0 => weekday_from(r, wd, -1),
                _ if strict_weekday_next => {
                    // "next Friday": the Friday of next week.
                    r.checked_add(7.days()).ok().and_then(|d| in_week_of(d, wd))
                }
                _ => weekday_from(r, wd, 1),
            };
            if let Some(day) = day {
                self.rel(out, i, j + 1, When::Day(day));
            }
            return;
        }
        if lx.month > 0 && w.is_word(j) && (!lx.ambiguous || w.capital(j)) {
            let m = lx.month;
            // A day after the month: "last Oct. 23" is the latest October 23 before the
            // reference date, "next March 3" the first after it; "past Jan. 14" ("kept
            // past Jan. 14") is that day read on its own.
            let k = self.after_month(j);
            if let Some((d, e, _)) = self.day_num(k, false).filter(|_| w.is_num(k)) {
                if w.kw(i) == Kw::Past {
                    return;
                }
                let Some(r) = self.r else {
                    self.rel(out, i, e, When::MonthDay(m, d));
                    return;
                };
                let at = |y: i16| Date::new(y, m, d).ok();
                let day = match dir.signum() {
                    0 => at(r.year()),
                    -1 => at(r.year()).filter(|&x| x < r).or_else(|| at(r.year() - 1)),
                    _ => at(r.year()).filter(|&x| x > r).or_else(|| at(r.year() + 1)),
                };
                if let Some(day) = day {
                    self.rel(out, i, e, When::Day(day));
                }
                return;
            }
            let Some(r) = self.r else {
                self.rel(out, i, j + 1, When::MonthOnly(m));
                return;
            };
            let y = match dir {
                0 => r.year(),
                d if d < 0 => {
                    if m < r.month() {
                        r.year()
                    } else {
                        r.year() - 1
                    }
                }
                _ => {
                    if m > r.month() {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
            };
            self.rel(out, i, j + 1, When::Month(y, m));
        }
    }

    /// "early July", "mid-2023", "late last year", "the end of"… : the period, approximate.
    fn part_of(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let j = if w.is_dash(i + 1) && w.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        let mut inner = Vec::new();
        self.at(j, &mut inner);
        if let Some(h) = inner
            .into_iter()
            .filter(|h| h.start == j)
            .max_by_key(|h| h.end)
        {
            out.push(Hit {
                start: i,
                end: h.end,
                when: h.when,
                approximate: true,
                relative: h.relative,
            });
        }
    }

    /// "earlier this month", "later this year", "later in the year", "earlier in the week".
    fn earlier_later(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let j = i + 1;
        // "later that year", "earlier that day": the period of the date before, in the
        // text (anaphoric); nothing without one.
        if w.low(j) == "that" {
            let u = w.lex(j + 1).unit.filter(|_| !w.lex(j + 1).plural);
            let when = match (self.ante.get(), u) {
                (Some(a), Some(Unit::Year)) => a.first_day().map(|d| When::Year(d.year())),
                (Some(a), Some(Unit::Month)) => a
                    .first_day()
                    .filter(|_| !matches!(a, When::Year(_) | When::Quarter(..) | When::Half(..)))
                    .map(|d| When::Month(d.year(), d.month())),
                (Some(When::Day(d)), Some(Unit::Day)) => Some(When::Day(d)),
                _ => None,
            };
            if let Some(when) = when {
                self.rel(out, i, j + 2, when);
            }
            return;
        }
        let (unit_at, ok) = match w.kw(j) {
            Kw::This => (j + 1, true),
            Kw::In if w.kw(j + 1) == Kw::The => (j + 2, true),
            _ => (0, false),
        };
        if !ok {
            return;
        }
        let u = match w.lex(unit_at).unit {
            Some(u @ (Unit::Week | Unit::Month | Unit::Year)) if !w.lex(unit_at).plural => u,
            _ => return,
        };
        let when = match (self.r, u) {
            (None, _) => When::Open("PRESENT_REF"),
            (Some(r), Unit::Week) => week_of(r),
            (Some(r), Unit::Month) => When::Month(r.year(), r.month()),
            (Some(r), _) => When::Year(r.year()),
        };
        self.rel(out, i, unit_at + 1, when);
    }

    /// Readings that start with "the".
    fn the(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let j = i + 1;
        // "the future", "the near future", "the foreseeable future"
        let k = if matches!(w.low(j), "near" | "distant" | "foreseeable" | "immediate") {
            j + 1
        } else {
            j
        };
        if w.kw(k) == Kw::Future && !w.is_dash(k + 1) {
            self.hit(out, i, k + 1, When::Vague("FUTURE_REF"));
            return;
        }
        // "the past", but not "the past year", "the past 12 months", "the past few days".
        if w.kw(j) == Kw::Past && !w.is_dash(j + 1) {
            let n = w.lex(j + 1);
            let more = n.known
                || n.numeric
                || w.is_num(j + 1)
                || matches!(w.low(j + 1), "few" | "several" | "many")
                || w.is_word(j + 1) && w.low(j + 1).ends_with('s') && w.low(j + 2) == "of";
            if !more {
                self.hit(out, i, j + 1, When::Vague("PAST_REF"));
            }
            return;
        }
        // "the end of the year": this year, as "year-end" is.
        if w.low(j) == "end"
            && w.kw(j + 1) == Kw::Of
            && w.kw(j + 2) == Kw::The
            && w.low(j + 3) == "year"
            && let Some(r) = self.r
        {
            out.push(Hit {
                start: i,
                end: j + 4,
                when: When::Year(r.year()),
                approximate: true,
                relative: true,
            });
            return;
        }
        // "the summer", "the fall of 1998"
        if w.lex(j).season > 0 {
            self.season_led(j, i, out);
            return;
        }
        // "the third quarter", "the fiscal first half", "the 1988 second quarter"
        self.period_led(j, i, out);
        self.year_then_period(j, i, out);
        // "the quarter", "the latest quarter", "the most recent quarter": the quarter named
        // last in the text, else the last one ended by the reference date.
        let k = match w.low(j) {
            "latest" => j + 1,
            "most" if w.kw(j + 1) == Kw::Recent => j + 2,
            _ => j,
        };
        // "the latest period" in a line about a quarter: that quarter.
        let period = k > j && w.low(k) == "period" && self.quarter_line();
        if (w.kw(k) == Kw::Quarter || period) && !w.is_dash(k + 1) && w.kw(k + 1) != Kw::Of {
            let when = match (self.ante.get(), self.r) {
                (Some(a @ When::Quarter(..)), _) if k == j => Some(a),
                (_, Some(r)) => quarter_of(r).step(-1),
                _ => None,
            };
            if let Some(when) = when {
                self.rel(out, i, k + 1, when);
            }
            return;
        }
        // "the day after tomorrow", "the day before yesterday"
        if w.lex(j).unit == Some(Unit::Day) && w.low(j) == "day" {
            let (k, delta) = match (w.kw(j + 1), w.kw(j + 2)) {
                (Kw::After, Kw::Tomorrow) => (j + 3, 2),
                (Kw::Before, Kw::Yesterday) => (j + 3, -2),
                _ => (0, 0),
            };
            if delta != 0 {
                let when = self
                    .r
                    .and_then(|r| r.checked_add((delta as i64).days()).ok())
                    .map_or(open_for(delta), When::Day);
                self.rel(out, i, k, when);
            }
            return;
        }
        // "For the year, volume was flat", "sales for the full year were", "earnings for
        // the fiscal year.": the year the line speaks of (of the date named before it),
        // else the year under way. Not "the year ended June 30" (an accounting year),
        // "the year before", "the year he died": the year must end its phrase.
        let k = if matches!(w.low(j), "full" | "fiscal") {
            j + 1
        } else {
            j
        };
        if w.low(k) == "year" && !w.lex(k).possessive {
            let ends = k + 1 >= w.len()
                || matches!(
                    w.low(k + 1),
                    "," | "." | ";" | ":" | "was" | "were" | "is" | "will"
                ) && !w.is_dash(k + 1);
            let year = match self.ante.get() {
                Some(a) if a.is_calendar() => a.first_day().map(|d| d.year()),
                _ => self.r.map(|r| r.year()),
            };
            if ends && let Some(y) = year {
                self.rel(out, i, k + 1, When::Year(y));
                return;
            }
        }
        // "the week after next", "the month after the next", "the year after next"
        if let Some(u @ (Unit::Week | Unit::Month | Unit::Year)) = w.lex(j).unit {
            if w.kw(j + 1) == Kw::After {
                let k = if w.kw(j + 2) == Kw::The { j + 3 } else { j + 2 };
                if w.kw(k) == Kw::Next {
                    let when = match (self.r, u) {
                        (None, _) => When::Open("FUTURE_REF"),
                        (Some(r), Unit::Week) => r
                            .checked_add(14.days())
                            .map_or(When::Open("FUTURE_REF"), week_of),
                        (Some(r), Unit::Month) => r
                            .first_of_month()
                            .checked_add(2.months())
                            .map_or(When::Open("FUTURE_REF"), |d| {
                                When::Month(d.year(), d.month())
                            }),
                        (Some(r), _) => When::Year(r.year() + 2),
                    };
                    self.rel(out, i, k + 1, when);
                }
            }
            // "the following week", "the coming week" keep their own span without "the".
            return;
        }
        // "the third week of 2027", "the 9th month of next year", "the 20th of next month"
        if w.is_num(j) || w.lex(j).ordinal > 0 || w.kw(j) == Kw::Last || w.lex(j).number {
            self.ordinal_period(j, i, out);
            self.the_day(j, i, out);
            if w.kw(j) == Kw::Last {
                return;
            }
            if let Some((when, end, rel)) = self.day_first(j) {
                out.push(Hit {
                    start: i,
                    end,
                    when,
                    approximate: false,
                    relative: rel,
                });
            }
        }
    }

    /// "the 21st" alone: that day of the month nearest the reference date.
    fn the_day(&self, j: usize, start: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        if start == j || !w.is_num(j) {
            return;
        }
        let Some((d, e, true)) = self.day_num(j, false) else {
            return;
        };
        // "the 21st century", "the 20th anniversary": an ordinal of something else.
        if w.is_word(e)
            && !matches!(w.kw(e), Kw::And | Kw::In | Kw::On | Kw::Of | Kw::Since)
            && w.lex(e).month == 0
        {
            return;
        }
        // "the 19th-century spire": a hyphen joins the ordinal to what it counts.
        if w.kw(e) == Kw::Of || w.is_p(e, '-') && w.glued(e) && w.glued(e + 1) && w.is_word(e + 1) {
            return;
        }
        let Some(r) = self.r else {
            self.hit(out, start, e, When::DayOnly(d));
            return;
        };
        let t = w.tense_at(start);
        let this = Date::new(r.year(), r.month(), d).ok();
        let day = if t.clearly_future() && r.day() > d || !t.leans_past() && r.day() > d {
            r.first_of_month()
                .checked_add(1.months())
                .ok()
                .and_then(|m| Date::new(m.year(), m.month(), d).ok())
        } else if t.past && r.day() < d {
            r.first_of_month()
                .checked_sub(1.months())
                .ok()
                .and_then(|m| Date::new(m.year(), m.month(), d).ok())
        } else {
            this
        };
        if let Some(day) = day {
            self.rel(out, start, e, When::Day(day));
        }
    }

    /// "first week of 2015", "3rd week of 2018", "last week of 2016", "the third month of
    /// 2021", "the 9th month of next year", "the third week next year",
    /// "first week of this year".
    fn ordinal_period(&self, i: usize, start: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let (n, j) = if w.kw(i) == Kw::Last {
            (-1i32, i + 1)
        } else if let Some((d, e, true)) = self.day_num(i, false) {
            (d as i32, e)
        } else {
            return;
        };
        let u = match w.lex(j).unit {
            Some(u @ (Unit::Week | Unit::Month)) if !w.lex(j).plural => u,
            _ => return,
        };
        let mut k = j + 1;
        if w.kw(k) == Kw::Of {
            k += 1;
        }
        let (year, end, rel) = if let Some(dir) = direction(w.kw(k)) {
            if w.lex(k + 1).unit != Some(Unit::Year) || w.lex(k + 1).plural {
                return;
            }
            let Some(r) = self.r else {
                return;
            };
            (r.year() + dir as i16, k + 2, true)
        } else if let Some((y, e)) = self.year_after(k, false) {
            if k == j + 1 {
                return; // "first week 2015" needs "of"
            }
            (y, e, false)
        } else {
            return;
        };
        let when = match u {
            Unit::Week => {
                let weeks =
                    ISOWeekDate::new(year, 1, Weekday::Monday).map_or(52, |x| x.weeks_in_year());
                let n = if n < 0 { weeks as i32 } else { n };
                if n < 1 || n > weeks as i32 {
                    return;
                }
                When::Week(year, n as i8)
            }
            _ => {
                let n = if n < 0 { 12 } else { n };
                if !(1..=12).contains(&n) {
                    return;
                }
                When::Month(year, n as i8)
            }
        };
        out.push(Hit {
            start,
            end,
            when,
            approximate: false,
            relative: rel,
        });
    }

    /// "week 17 of 2024", "week 31", "week 27 of last year".
    fn week_number(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        if w.low(i) != "week" || !w.is_num(i + 1) || w.digits(i + 1) > 2 {
            return;
        }
        let Some(n) = w.num(i + 1).filter(|n| (1..=53).contains(n)) else {
            return;
        };
        let start = if i > 0 && w.kw(i - 1) == Kw::The {
            i - 1
        } else {
            i
        };
        let mut k = i + 2;
        let (year, end, rel) = if w.kw(k) == Kw::Of {
            k += 1;
            if let Some(dir) = direction(w.kw(k)) {
                if w.lex(k + 1).unit != Some(Unit::Year) {
                    return;
                }
                let Some(r) = self.r else { return };
                (r.year() + dir as i16, k + 2, true)
            } else if let Some((y, e)) = self.year_after(k, false) {
                (y, e, false)
            } else {
                return;
            }
        } else {
            let Some(r) = self.r else { return };
            (r.year(), i + 2, true)
        };
        if ISOWeekDate::new(year, n as i8, Weekday::Monday).is_err() {
            return;
        }
        out.push(Hit {
            start,
            end,
            when: When::Week(year, n as i8),
            approximate: false,
            relative: rel,
        });
    }

    /// "year-end", "year end", "year's end" at `i`: the token after it.
    fn year_end(&self, i: usize) -> Option<usize> {
        let w = self.w;
        let k = if w.is_dash(i + 1) && w.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        // After a preposition ("by year-end", "since year-end"): "year-end net" qualifies a
        // noun, and whose year it is the sentence does not say.
        let prep = i > 0
            && matches!(
                w.low(i - 1),
                "by" | "at"
                    | "before"
                    | "until"
                    | "till"
                    | "around"
                    | "since"
                    | "after"
                    | "through"
                    | "near"
                    | "to"
                    | "from"
                    | "toward"
                    | "towards"
            );
        (prep && w.low(k) == "end" && (k == i + 1 || w.glued(k)) && !w.is_dash(k + 1))
            .then_some(k + 1)
    }

    /// "the weekend", "over the weekend", "this weekend", "last weekend", "next weekend":
    /// the weekend of an ISO week, `1990-W32-WE`. Without "last" or "next", the tense
    /// decides: the last one in a report of the past (this one, on a Saturday or Sunday),
    /// else the coming one ("ahead of the weekend" looks ahead in any tense). A weekend
    /// that qualifies a noun ("weekend talks") or a plural ("weekends") is left alone.
    fn weekend(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        if i == 0 || w.lex(i).plural {
            return;
        }
        if w.is_word(i + 1)
            && !w.capital(i + 1)
            && !matches!(
                w.low(i + 1),
                "at" | "in"
                    | "of"
                    | "to"
                    | "and"
                    | "or"
                    | "for"
                    | "with"
                    | "when"
                    | "before"
                    | "after"
                    | "but"
                    | "as"
                    | "that"
                    | "by"
                    | "on"
                    | "from"
                    | "while"
            )
        {
            return;
        }
        let Some(r) = self.r else {
            return;
        };
        let start = i - 1;
        let dir = match w.kw(start) {
            Kw::Last | Kw::Past | Kw::Previous => -1,
            Kw::Next | Kw::Coming | Kw::Upcoming | Kw::Following => 1,
            Kw::The | Kw::This => {
                let ahead = start >= 2 && w.low(start - 2) == "ahead" && w.kw(start - 1) == Kw::Of;
                if !ahead && self.tense_for(i).leans_past() {
                    -1
                } else {
                    1
                }
            }
            _ => return,
        };
        let start = if w.kw(start) == Kw::Past && start > 0 && w.kw(start - 1) == Kw::The {
            start - 1
        } else {
            start
        };
        // Saturday (6) and Sunday (7) are in their weekend: it is the last one and the
        // coming one alike.
        let wd = r.weekday().to_monday_one_offset();
        let days: i64 = if wd >= 6 {
            0
        } else if dir < 0 {
            -(wd as i64) - 1
        } else {
            6 - wd as i64
        };
        let Some(sat) = r.checked_add(days.days()).ok() else {
            return;
        };
        let iw = sat.iso_week_date();
        self.rel(out, start, i + 1, When::Weekend(iw.year(), iw.week()));
    }

    /// "the 20th century", "11th-century", "the twentieth century": `19`, `10`. `start`
    /// is where the span starts.
    fn century(&self, i: usize, start: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let (n, e) = if w.is_num(i) {
            if !(w.glued(i + 1) && matches!(w.low(i + 1), "st" | "nd" | "rd" | "th")) {
                return;
            }
            (w.num(i).unwrap_or(0), i + 2)
        } else {
            (u32::from(w.lex(i).ordinal), i + 1)
        };
        let k = if w.is_dash(e) && w.glued(e) { e + 1 } else { e };
        if !(1..=30).contains(&n) || w.lex(k).unit != Some(Unit::Century) || w.lex(k).plural {
            return;
        }
        let start = if start == i && i > 0 && w.kw(i - 1) == Kw::The {
            i - 1
        } else {
            start
        };
        self.hit(out, start, k + 1, When::Century(n as i16 - 1));
    }

    /// "year 2008", "year 247", "Year two hundred and sixty seven", "year to date".
    fn year_led(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        // "by year's end"
        if w.low(i) == "year's" || w.low(i) == "year\u{2019}s" {
            if i > 0
                && matches!(
                    w.low(i - 1),
                    "by" | "at" | "before" | "until" | "around" | "since"
                )
                && w.low(i + 1) == "end"
                && let Some(r) = self.r
            {
                out.push(Hit {
                    start: i,
                    end: i + 2,
                    when: When::Year(r.year()),
                    approximate: true,
                    relative: true,
                });
            }
            return;
        }
        if w.low(i) != "year" {
            return;
        }
        // "year-earlier", "the year-ago quarter": a year before the period the text speaks
        // of (the nearest date before), else the year before the reference date.
        if w.is_dash(i + 1) && w.glued(i + 1) && matches!(w.kw(i + 2), Kw::Earlier | Kw::Ago) {
            let a = self.ante.get();
            let mut when = match (a, self.r) {
                (Some(a), _) => a.step_years(-1),
                (None, Some(r)) => Some(When::Year(r.year() - 1)),
                _ => Some(When::Open("PAST_REF")),
            };
            let mut end = i + 3;
            // "the year-ago third quarter": that quarter, a year back; "the year-earlier
            // quarter" with no quarter named before: the last quarter ended by the
            // reference date (the one a report speaks of), a year back.
            if let Some((half, n, e)) = self.period_at(end) {
                end = e;
                when = self
                    .period_near(half, n, i)
                    .and_then(|p| p.step_years(-1))
                    .or(when);
            } else if w.kw(end) == Kw::Quarter {
                end += 1;
                if !matches!(a, Some(When::Quarter(..))) {
                    when = self
                        .r
                        .and_then(|r| quarter_of(r).step(-1))
                        .and_then(|q| q.step_years(-1))
                        .or(when);
                }
            } else if matches!(w.low(end), "period" | "half") {
                end += 1;
                // "the year-earlier period" in a line about a quarter: that quarter.
                if w.low(end - 1) == "period"
                    && !matches!(a, Some(When::Quarter(..)))
                    && let Some(q) = self.reported_quarter()
                {
                    when = q.step_years(-1).or(when);
                }
            }
            if let Some(when) = when {
                self.rel(out, i, end, when);
            }
            return;
        }
        // "by year-end", "by year end", "by year's end": the end of this year, read as
        // the year (the time of "the end" is not said more closely).
        if let Some(end) = self.year_end(i) {
            if let Some(r) = self.r {
                out.push(Hit {
                    start: i,
                    end,
                    when: When::Year(r.year()),
                    approximate: true,
                    relative: true,
                });
            }
            return;
        }
        if w.low(i + 1) == "to" && w.low(i + 2) == "date" {
            if let Some(r) = self.r {
                self.rel(out, i, i + 3, When::Year(r.year()));
            }
            return;
        }
        if i > 0 && (w.is_num(i - 1) || w.lex(i - 1).number) {
            return;
        }
        if w.is_num(i + 1) && (3..=4).contains(&w.digits(i + 1)) && !w.glued(i + 2) {
            if let Some(y) = w.num(i + 1) {
                self.hit(out, i, i + 2, When::Year(y as i16));
            }
            return;
        }
        if let Some((y, e)) = self.year_words(i + 1) {
            self.hit(out, i, e, When::Year(y));
        }
    }

    /// A season at `i`: "summer 1999", "the fall of 1998", "in the spring", "during the
    /// winter" (read by the clause's tense, as a quarter is). A season word alone is too
    /// often a verb or a thing ("prices fall", "a hot spring"): it needs a year, or "the",
    /// "in" or "during" before it. `start` is where the span starts.
    fn season_led(&self, i: usize, start: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let s = w.lex(i).season;
        let mut k = i + 1;
        let of = w.kw(k) == Kw::Of;
        if of {
            k += 1;
        }
        if let Some((y, e)) = self.year_after(k, false).filter(|_| of || !w.glued(k)) {
            self.hit(out, start, e, When::Season(y, s));
            return;
        }
        let led = start < i
            || i > 0 && matches!(w.low(i - 1), "in" | "during" | "this" | "last" | "next");
        if of || !led || w.is_dash(i + 1) {
            return;
        }
        if matches!(w.low(i.wrapping_sub(1)), "this" | "last" | "next") {
            return; // read by `relative`
        }
        let Some(r) = self.r else {
            return;
        };
        let y = r.year();
        let years = [y - 1, y, y + 1];
        let found = if w.tense_at(i).clearly_future() {
            years
                .iter()
                .find(|&&y| season_span(y, s).is_some_and(|(_, b)| b >= r))
        } else {
            years
                .iter()
                .rev()
                .find(|&&y| season_span(y, s).is_some_and(|(a, _)| a <= r))
        };
        if let Some(&y) = found {
            self.rel(out, start, i + 1, When::Season(y, s));
        }
    }

    /// The line speaks of a quarter of a year ("third-quarter profit", "in the quarter",
    /// "the quarter-to-quarter comparison"), not of a share ("a quarter of the budget").
    /// In such a line a comparison with a year before ("from $90.5 million a year ago",
    /// "the year-earlier period", "the 1988 quarter") is about that quarter, as TimeML
    /// reads financial reports.
    fn quarter_line(&self) -> bool {
        if let Some(q) = self.quarterly.get() {
            return q;
        }
        let w = self.w;
        let q = w.low.contains("quarter")
            && (0..w.len()).any(|k| {
                w.kw(k) == Kw::Quarter
                    && !w.lex(k).plural
                    && (k == 0 || !matches!(w.low(k - 1), "a" | "one" | "two" | "three"))
            });
        self.quarterly.set(Some(q));
        q
    }

    /// The quarter a line about a quarter reports on: the one named before, else the
    /// last one ended by the reference date (reports come after a quarter ends).
    fn reported_quarter(&self) -> Option<When> {
        if !self.quarter_line() {
            return None;
        }
        match self.ante.get() {
            Some(a @ When::Quarter(..)) => Some(a),
            _ => quarter_of(self.r?).step(-1),
        }
    }

    /// A quarter or a half of a year at `i`: "third quarter", "third-quarter", "fiscal
    /// first quarter", "3rd quarter", "first half", "second-half", "last half": (a half,
    /// its number, end).
    fn period_at(&self, i: usize) -> Option<(bool, i8, usize)> {
        let w = self.w;
        // Most tokens are followed by no "quarter" or "half": a cheap look first.
        if !(1..=4)
            .any(|d| matches!(w.kw(i + d), Kw::Quarter | Kw::Half) || w.low(i + d) == "quarters")
        {
            return None;
        }
        let mut k = i;
        if w.kw(k) == Kw::Fiscal {
            k += 1;
            if w.is_dash(k) {
                k += 1;
            }
        }
        let (n, e) = if w.kw(k) == Kw::Last {
            (-1, k + 1)
        } else {
            match self.day_num(k, false) {
                Some((d, e, true)) if d <= 4 => (d, e),
                _ => return None,
            }
        };
        // "the first two quarters", "the last two quarters": a half of the year.
        if matches!(n, 1 | -1) && w.low(e) == "two" && w.low(e + 1) == "quarters" {
            return Some((true, if n == 1 { 1 } else { 2 }, e + 2));
        }
        let u = if w.is_dash(e) && w.glued(e) && w.glued(e + 1) {
            e + 1
        } else {
            e
        };
        let half = match w.kw(u) {
            Kw::Quarter => false,
            Kw::Half => true,
            _ => return None,
        };
        let n = match (half, n) {
            (false, -1) => 4,
            (true, -1) => 2,
            (true, 3..) => return None,
            _ => n,
        };
        Some((half, n, u + 1))
    }

    /// "the third quarter of 1989", "fourth-quarter", "the first half of next year",
    /// "the fiscal second quarter": a quarter or half in the year written after it, else
    /// in the year the clause's tense puts it. `start` is where the span starts.
    fn period_led(&self, i: usize, start: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let Some((half, n, e)) = self.period_at(i) else {
            return;
        };
        // Not a share: "a third quarter of the budget" is no date, nor is "the first
        // half of the match"; "of" must lead to a year.
        let mut k = e;
        let of = w.kw(k) == Kw::Of;
        if of {
            k += 1;
            if w.kw(k) == Kw::The && w.low(k + 1) == "year" {
                if let Some(when) = self.period_near(half, n, i) {
                    self.rel(out, start, k + 2, when);
                }
                return;
            }
            if w.kw(k) == Kw::Fiscal {
                k += 1;
            }
        }
        if let Some((y, ye)) = self.year_after(k, false).filter(|_| of || !w.glued(k)) {
            self.hit(out, start, ye, period(half, y, n));
            return;
        }
        if of
            && let Some(dir) = direction(w.kw(k))
            && w.low(k + 1) == "year"
        {
            if let Some(r) = self.r {
                self.rel(out, start, k + 2, period(half, r.year() + dir as i16, n));
            }
            return;
        }
        if of || half && w.kw(i) == Kw::Last {
            return;
        }
        if let Some(when) = self.period_near(half, n, i) {
            self.rel(out, start, e, when);
        }
    }

    /// "1988 third quarter", "the 1989 first half": a year, then the period.
    fn year_then_period(&self, i: usize, start: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        if w.digits(i) != 4 || w.glued(i + 1) || i + 1 >= w.len() {
            return;
        }
        let Some(y) = w.num(i).filter(|y| (1000..=2999).contains(y)) else {
            return;
        };
        if let Some((half, n, e)) = self.period_at(i + 1) {
            self.hit(out, start, e, period(half, y as i16, n));
            return;
        }
        // "the 1988 quarter", "the 1989 period" in a line about a quarter: the quarter
        // reported on, in that year.
        let w1 = w.low(i + 1);
        if start < i
            && (w1 == "quarter" || w1 == "period" && self.quarter_line())
            && let Some(When::Quarter(_, q)) = self.reported_quarter()
        {
            self.hit(out, start, i + 2, When::Quarter(y as i16, q));
        }
    }

    /// Quarter or half `n` of no year written: the latest one begun by the reference date
    /// when its clause speaks of the past or of nothing in particular ("third-quarter
    /// profit" in November is this year's), the first one not yet over when it speaks of
    /// the future ("will report first-quarter results" in November is next year's).
    fn period_near(&self, half: bool, n: i8, at: usize) -> Option<When> {
        let Some(r) = self.r else {
            return Some(When::PeriodOnly(half, n));
        };
        let this = period(half, r.year(), n);
        let first = this.first_day()?;
        let last = if half {
            Date::new(r.year(), 6 * n, 1).ok()?.last_of_month()
        } else {
            Date::new(r.year(), 3 * n, 1).ok()?.last_of_month()
        };
        let y = if self.w.tense_at(at).clearly_future() {
            // Results are reported after a quarter ends: "will report third-quarter
            // results" in October is about the quarter just ended.
            let just_ended = last < r && r.until(last).is_ok_and(|s| s.get_days() > -92);
            if last < r && !just_ended {
                r.year() + 1
            } else {
                r.year()
            }
        } else if first > r {
            r.year() - 1
        } else {
            r.year()
        };
        Some(period(half, y, n))
    }

    /// "fiscal 1990", "fiscal year 1990": that year (a fiscal year is named by the
    /// calendar year it ends in; its months are the company's, so the year is what the
    /// text fixes).
    fn fiscal(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let k = if w.low(i + 1) == "year" { i + 2 } else { i + 1 };
        if let Some((y, e)) = self.year_after(k, false) {
            self.hit(out, i, e, When::Year(y));
        }
    }

    /// "calendar year 2008", "this calendar year" (via `relative`), "cy 2008", "cy18".
    fn calendar_year(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let mut j = i + 1;
        if w.kw(i) == Kw::Calendar {
            if w.low(j) != "year" {
                return;
            }
            j += 1;
        }
        if w.is_num(j) {
            match w.digits(j) {
                4 => {
                    if let Some(y) = w.num(j) {
                        self.hit(out, i, j + 1, When::Year(y as i16));
                    }
                }
                2 if w.glued(j) && w.kw(i) == Kw::Cy => {
                    if let Some(y) = w.num(j) {
                        self.hit(out, i, j + 1, When::Year(two_digit_year(y)));
                    }
                }
                _ => {}
            }
        }
    }

    /// "in two weeks", "in 3 years", "in a fortnight’s time": a date ahead of the reference,
    /// when the line speaks of the future ("raised $1m in a week" is a duration). Also a
    /// year in words after "in": "in nineteen ninety six".
    fn in_future(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        if w.lex(i + 1).number
            && let Some((y, e)) = self.year_words(i + 1)
            && y >= 1000
        {
            self.hit(out, i + 1, e, When::Year(y));
        }
        let Some(m) = duration::measure(w, i + 1) else {
            return;
        };
        if m.open || m.approximate && m.parts()[0].0 != 2.0 {
            return;
        }
        let mut end = m.end;
        // "in two years since 2011": counted from the start of that year.
        if w.kw(end) == Kw::Since {
            let k = if w.kw(end + 1) == Kw::The && w.low(end + 2) == "year" {
                end + 3
            } else {
                end + 1
            };
            if let Some((y, ye)) = self.year_after(k, false) {
                let base = Date::new(y, 1, 1).ok();
                if let Some(d) = base.and_then(|b| shift_by(b, &m, 1.0)) {
                    self.hit(out, i, ye, at_precision(d, m.finest()));
                }
            }
            return;
        }
        let timed = matches!(w.low(end), "'s" | "’s" | "time")
            || w.glued(end) && (w.low(end).starts_with('\'') || w.low(end).starts_with('’'));
        if !(w.tense_at(i).clearly_future() || timed) {
            return;
        }
        let Some(r) = self.r else {
            self.rel(out, i, end, When::Open("FUTURE_REF"));
            return;
        };
        let Some(d) = shift_by(r, &m, 1.0) else {
            return;
        };
        // "in 3 days on Friday": that weekday of the week reached.
        let mut k = end;
        if w.kw(k) == Kw::On {
            k += 1;
        }
        if w.lex(k).weekday > 0
            && k > end
            && let Some(day) = in_week_of(d, w.lex(k).weekday)
        {
            self.rel(out, i, k + 1, When::Day(day));
        }
        let _ = &mut end;
        self.rel(out, i, end, at_precision(d, m.finest()));
    }

    /// A day that an offset can be counted from: an explicit date, a weekday (the next
    /// one), "today", "tomorrow", "yesterday", "next Friday", "new year".
    fn anchor(&self, j: usize) -> Option<(Date, usize)> {
        let w = self.w;
        let r = self.r;
        match w.kw(j) {
            Kw::Today | Kw::Now => return Some((r?, j + 1)),
            Kw::Tomorrow => return Some((r?.tomorrow().ok()?, j + 1)),
            Kw::Yesterday => return Some((r?.yesterday().ok()?, j + 1)),
            _ => {}
        }
        if w.low(j) == "new" && w.lex(j + 1).unit == Some(Unit::Year) {
            let r = r?;
            return Some((Date::new(r.year() + 1, 1, 1).ok()?, j + 2));
        }
        let mut hits = Vec::new();
        self.at(j, &mut hits);
        let h = hits
            .into_iter()
            .filter(|h| h.start == j)
            .max_by_key(|h| h.end)?;
        if let When::Day(d) = h.when {
            return Some((d, h.end));
        }
        let wd = w.lex(j).weekday;
        if wd > 0 && h.end == j + 1 {
            return Some((weekday_from(r?, wd, 1)?, j + 1));
        }
        None
    }

    /// "six years ago", "two weeks from now", "3 days from Tuesday", "2 weeks before May 13
    /// 1999", "two sundays from now", "2 years 21 days later". Pushed with `start`.
    fn offset(&self, i: usize, start: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        // "two sundays from now", "two monday later": the n-th such weekday ahead.
        if let Some((n, e)) = self.count_of_weekdays(i) {
            let wd = w.lex(e).weekday;
            let k = e + 1;
            let end = match (w.kw(k), w.kw(k + 1)) {
                (Kw::From, Kw::Now) => k + 2,
                (Kw::Later, _) => k + 1,
                _ => 0,
            };
            if end > 0
                && let Some(r) = self.r
            {
                let first = weekday_from(r, wd, 1);
                if let Some(d) = first.and_then(|d| d.checked_add((7 * (n as i64 - 1)).days()).ok())
                {
                    self.rel(out, start, end, When::Day(d));
                }
            }
            return;
        }
        let Some(m) = duration::measure(w, i) else {
            return;
        };
        if m.open {
            return;
        }
        let finest = m.finest();
        // "3 minutes from today" is a time, not a day: the duration and "today" stand apart.
        if finest.fineness() > 3 {
            return;
        }
        let k = m.end;
        match w.kw(k) {
            Kw::Ago => {
                // "a year ago" beside a quarter or a half ("third-quarter profit rose from
                // a year ago") is that period a year back, as "a year earlier" would be.
                let period = self
                    .ante
                    .get()
                    .filter(|a| matches!(a, When::Quarter(..) | When::Half(..)))
                    .or_else(|| self.reported_quarter())
                    .and_then(|a| a.moved(&m, -1.0));
                let when = match period {
                    Some(p) => p,
                    None => self
                        .r
                        .and_then(|r| shift_by(r, &m, -1.0))
                        .map_or(When::Open("PAST_REF"), |d| at_precision(d, finest)),
                };
                self.rel(out, start, k + 1, when);
            }
            Kw::Hence => {
                if let Some(d) = self.r.and_then(|r| shift_by(r, &m, 1.0)) {
                    self.rel(out, start, k + 1, at_precision(d, finest));
                }
            }
            // "a year earlier", "two days later": counted from the nearest date before
            // them in the text, else from the reference date. "Later" than the reference
            // date is the future, which a clause in the past does not speak of.
            Kw::Earlier | Kw::Later => {
                let sign = if w.kw(k) == Kw::Later { 1.0 } else { -1.0 };
                let when = match self.ante.get().or_else(|| {
                    self.reported_quarter()
                        .filter(|_| sign < 0.0 && m.finest() == Unit::Year)
                }) {
                    Some(a) => a.moved(&m, sign),
                    None if sign < 0.0 || w.tense_at(start).clearly_future() => self
                        .r
                        .and_then(|r| shift_by(r, &m, sign))
                        .map(|d| at_precision(d, finest)),
                    None => None,
                };
                if let Some(when) = when {
                    self.rel(out, start, k + 1, when);
                }
            }
            Kw::From | Kw::After | Kw::Before => {
                let sign = if w.kw(k) == Kw::Before { -1.0 } else { 1.0 };
                if w.kw(k) == Kw::From && w.kw(k + 1) == Kw::Now {
                    let Some(r) = self.r else {
                        self.rel(out, start, k + 2, When::Open("FUTURE_REF"));
                        return;
                    };
                    if let Some(d) = shift_by(r, &m, 1.0) {
                        self.rel(out, start, k + 2, at_precision(d, finest));
                    }
                    return;
                }
                let Some((base, end)) = self.anchor(k + 1) else {
                    return;
                };
                let Some(d) = shift_by(base, &m, sign) else {
                    return;
                };
                // "two months from today on Tuesday"
                let mut e2 = end;
                if w.kw(e2) == Kw::On {
                    e2 += 1;
                    if w.lex(e2).weekday > 0
                        && let Some(day) = in_week_of(d, w.lex(e2).weekday)
                    {
                        self.rel(out, start, e2 + 1, When::Day(day));
                    }
                }
                self.rel(out, start, end, When::Day(d));
            }
            _ => {}
        }
    }

    /// "two sundays", "two monday": a count of weekdays.
    fn count_of_weekdays(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w;
        let (n, e) = if w.is_num(i) {
            (w.num(i)?, i + 1)
        } else {
            self.small_words(i)?
        };
        (w.lex(e).weekday > 0 && n > 0 && n < 10).then_some((n, e))
    }

    /// A weekday first: "Saturday, April 27, 2024", "Friday 2018-7-6", "Thursday the 21st",
    /// "Monday 21", "Friday next week", "tuesday of next week", "Monday two weeks from now",
    /// or a weekday alone ("on Friday"), read by the tense.
    fn weekday_led(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w;
        let lx = w.lex(i);
        let wd = lx.weekday;
        if lx.plural {
            return; // "Fridays": a recurring day
        }
        let abbrev = w.low(i).len() <= 4;
        if abbrev && (lx.ambiguous || !w.capital(i)) && !w.is_p(i + 1, ',') && !w.is_p(i + 1, '.') {
            return;
        }
        let mut j = i + 1;
        if w.is_p(j, ',') || abbrev && w.is_p(j, '.') {
            j += 1;
        }
        // An explicit date follows.
        let mut inner = Vec::new();
        self.at(j, &mut inner);
        // A calendar reading, not an offset ("Sunday 3 weeks after ..." is read below); a
        // yearless "Friday, March 1" counts.
        let calendar = w.lex(j).month > 0 || w.lex(j + 1).month > 0 || w.lex(j + 2).month > 0;
        if let Some(h) = inner
            .iter()
            .filter(|h| h.start == j && (!h.relative || calendar))
            .max_by_key(|h| h.end)
            && let When::Day(mut d) = h.when
            && h.end > j
        {
            // A yearless date goes to the year where the weekday fits: "Monday, March 4".
            if h.relative
                && d.weekday() != weekday(wd)
                && let Some(r) = self.r
            {
                let days = |x: &Date| r.until(*x).map_or(i64::MAX, |s| s.get_days().abs() as i64);
                if let Some(x) = (-1..=1)
                    .filter_map(|k| Date::new(r.year() + k, d.month(), d.day()).ok())
                    .filter(|x| x.weekday() == weekday(wd))
                    .min_by_key(days)
                {
                    d = x;
                }
            }
            out.push(Hit {
                start: i,
                end: h.end,
                when: When::Day(d),
                approximate: false,
                relative: h.relative,
            });
            return;
        }
        // "Monday two weeks from now", "Sunday 3 weeks after January 15th"
        let mut off = Vec::new();
        self.offset(j, j, &mut off);
        if let Some(h) = off.iter().max_by_key(|h| h.end) {
            let day = match h.when {
                When::Day(_) | When::Week(..) | When::Month(..) | When::Year(..) => {
                    self.anchor_day(h).and_then(|d| in_week_of(d, wd))
                }
                _ => None,
            };
            if let Some(day) = day {
                self.rel(out, i, h.end, When::Day(day));
                return;
            }
        }
        if !abbrev || w.capital(i) {
            // "Thursday the 21st", "Monday 21", "tuesday the eleventh"
            let mut k = i + 1;
            if w.kw(k) == Kw::The {
                k += 1;
            }
            if let Some((d, e, _)) = self.day_num(k, true)
                && w.lex(e).month == 0
                && (k > i + 1 || w.is_num(k))
                && let Some(r) = self.r
            {
                let found = [0i64, -1, 1].into_iter().find_map(|dm| {
                    let m = r.first_of_month().checked_add(dm.months()).ok()?;
                    let day = Date::new(m.year(), m.month(), d).ok()?;
                    (day.weekday() == weekday(wd)).then_some(day)
                });
                if let Some(day) = found {
                    self.rel(out, i, e, When::Day(day));
                    return;
                }
            }
        }
        // "Friday next week", "tuesday of next week", "monday of the following week"
        let mut k = i + 1;
        if w.kw(k) == Kw::Of {
            k += 1;
            if w.kw(k) == Kw::The {
                k += 1;
            }
        }
        if let Some(dir) = direction(w.kw(k))
            && w.lex(k + 1).unit == Some(Unit::Week)
            && w.low(k + 1) == "week"
        {
            if let Some(r) = self.r
                && let Some(day) = r
                    .checked_add((7 * dir as i64).days())
                    .ok()
                    .and_then(|d| in_week_of(d, wd))
            {
                self.rel(out, i, k + 2, When::Day(day));
            }
            return;
        }
        if abbrev {
            return;
        }
        // A weekday alone.
        let when = match self.r {
            None => When::WeekdayOnly(wd),
            // A report dated Tuesday that says "on Tuesday" means that day, in any tense:
            // news names the weekday of same-day events ("will meet Tuesday" in Tuesday's
            // paper is today's meeting); a week away is "next Tuesday".
            Some(r) if r.weekday().to_monday_one_offset() == wd => When::Day(r),
            Some(r) => {
                let t = self.tense_for(i);
                // "by Friday", "as soon as Tuesday": a deadline ahead, unless the clause
                // is past ("had filed reports by Wednesday") without putting anything off
                // ("postponed until Tuesday" is still ahead).
                let deadline = self.deadline(i) && (!w.tense_at(i).past || self.put_off(i));
                let dir = if t.leans_past() && !deadline { -1 } else { 1 };
                match weekday_from(r, wd, dir) {
                    Some(d) => When::Day(d),
                    None => return,
                }
            }
        };
        self.rel(out, i, i + 1, when);
    }

    /// The day an offset hit stands for, at day precision.
    fn anchor_day(&self, h: &Hit) -> Option<Date> {
        match h.when {
            When::Day(d) => Some(d),
            _ => {
                // Recompute at day precision: the offset readers round to the unit named.
                let w = self.w;
                let m = duration::measure(w, h.start)?;
                let k = m.end;
                let r = self.r?;
                match (w.kw(k), w.kw(k + 1)) {
                    (Kw::From, Kw::Now) | (Kw::Later, _) | (Kw::Hence, _) => shift_by(r, &m, 1.0),
                    (Kw::Ago, _) => shift_by(r, &m, -1.0),
                    _ => None,
                }
            }
        }
    }
}

/// A named day of the year.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Holiday {
    Fixed(i8, i8),
    Easter,
    /// The n-th (negative: from the end) weekday of a month.
    NthWeekday(i8, i8, Weekday),
    /// The day after the fourth Thursday of November.
    BlackFriday,
}

impl Holiday {
    fn on(self, y: i16) -> Option<Date> {
        match self {
            Holiday::Fixed(m, d) => Date::new(y, m, d).ok(),
            Holiday::Easter => {
                // Anonymous Gregorian computus.
                let y = y as i32;
                let (a, b, c) = (y % 19, y / 100, y % 100);
                let (d, e) = (b / 4, b % 4);
                let f = (b + 8) / 25;
                let g = (b - f + 1) / 3;
                let h = (19 * a + b - d - g + 15) % 30;
                let (i, k) = (c / 4, c % 4);
                let l = (32 + 2 * e + 2 * i - h - k) % 7;
                let m = (a + 11 * h + 22 * l) / 451;
                let month = (h + l - 7 * m + 114) / 31;
                let day = (h + l - 7 * m + 114) % 31 + 1;
                Date::new(y as i16, month as i8, day as i8).ok()
            }
            Holiday::NthWeekday(m, n, wd) => {
                Date::new(y, m, 1).ok()?.nth_weekday_of_month(n, wd).ok()
            }
            Holiday::BlackFriday => Date::new(y, 11, 1)
                .ok()?
                .nth_weekday_of_month(4, Weekday::Thursday)
                .ok()?
                .tomorrow()
                .ok(),
        }
    }
}

/// Value of a number word below one hundred.
fn word_value(w: &str) -> Option<u32> {
    Some(match w {
        "zero" | "oh" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    /// (text, value) of the date candidates that survive settling among themselves.
    fn dates(line: &str, reference: Option<&str>) -> Vec<(String, String)> {
        let toks = tokenize(line);
        let w = Words::new(line, &toks);
        let ctx = Context {
            reference: reference.map(|r| r.parse().unwrap()),
        };
        let mut out = Vec::new();
        find(&w, &ctx, &mut out);
        // Longest first, no overlaps: what `settle` does for one kind.
        out.sort_by(|a, b| {
            b.span
                .len()
                .cmp(&a.span.len())
                .then(a.span.start.cmp(&b.span.start))
        });
        let mut kept: Vec<Value> = Vec::new();
        for v in out {
            if !kept.iter().any(|k| k.span.overlaps(v.span)) {
                kept.push(v);
            }
        }
        kept.sort_by_key(|v| v.span.start);
        kept.iter()
            .map(|v| (v.text(line).to_string(), v.value.clone()))
            .collect()
    }

    fn one(text: &str, value: &str) -> Vec<(String, String)> {
        vec![(text.to_string(), value.to_string())]
    }

    #[test]
    fn calendar_dates_at_the_precision_written() {
        assert_eq!(
            dates("on July 26, 2023, in", None),
            one("July 26, 2023", "2023-07-26")
        );
        assert_eq!(
            dates("On 26 July 2023 the", None),
            one("26 July 2023", "2023-07-26")
        );
        assert_eq!(dates("in July 2023", None), one("July 2023", "2023-07"));
        assert_eq!(dates("in 2018", None), one("2018", "2018"));
        assert_eq!(
            dates("dated 2023-07-26.", None),
            one("2023-07-26", "2023-07-26")
        );
        assert_eq!(
            dates("I'll go back 04th Jan 2019.", None),
            one("04th Jan 2019", "2019-01-04")
        );
        assert_eq!(
            dates("fourth of july, 1995", None),
            one("fourth of july, 1995", "1995-07-04")
        );
        assert_eq!(
            dates("Attacks peaked in week 17 of 2024.", None),
            one("week 17 of 2024", "2024-W17")
        );
        assert_eq!(dates("In the 1990s, the", None), one("1990s", "199"));
    }

    #[test]
    fn approximate_parts_of_periods() {
        let line = "Prices rose in mid-2023 and early July.";
        let toks = tokenize(line);
        let w = Words::new(line, &toks);
        let mut out = Vec::new();
        find(&w, &Context::default(), &mut out);
        let mid = out.iter().find(|v| v.text(line) == "mid-2023").unwrap();
        assert_eq!(mid.value, "2023");
        assert!(mid.approximate);
        let early = out.iter().find(|v| v.text(line) == "early July").unwrap();
        assert_eq!(early.value, "XXXX-07");
        assert!(early.approximate);
    }

    #[test]
    fn relative_dates_resolve_against_the_reference() {
        // 2024-04-27 is a Saturday in ISO week 17.
        let r = Some("2024-04-27");
        assert_eq!(
            dates("Exports fell last year.", r),
            one("last year", "2023")
        );
        assert_eq!(
            dates("It rose last month.", r),
            one("last month", "2024-03")
        );
        assert_eq!(
            dates("They met last week.", r),
            one("last week", "2024-W16")
        );
        assert_eq!(
            dates("founded six years ago", r),
            one("six years ago", "2018")
        );
        assert_eq!(
            dates("It happened two days ago", r),
            one("two days ago", "2024-04-25")
        );
        // Past tense: the latest Friday before the reference date.
        assert_eq!(
            dates("He was arrested on Friday.", r),
            one("Friday", "2024-04-26")
        );
        // Future tense: the next Friday.
        assert_eq!(
            dates("He will be sentenced on Friday.", r),
            one("Friday", "2024-05-03")
        );
        assert_eq!(
            dates("It will reopen in two weeks.", r),
            one("in two weeks", "2024-W19")
        );
        assert_eq!(
            dates("Yesterday, 12 were killed", r),
            one("Yesterday", "2024-04-26")
        );
        // A day without a year is read in a year it has.
        let mut v = Value::new(Kind::Date, Span::new(0, 6), "XXXX-12-08");
        assert!(read_in_year(&mut v, 2024));
        assert_eq!(v.value, "2024-12-08");
        let mut leap = Value::new(Kind::Date, Span::new(0, 6), "XXXX-02-29");
        assert!(!read_in_year(&mut leap, 2023) && leap.value == "XXXX-02-29");
        // An ordinal hyphened to what it counts is no day of the month.
        assert_eq!(
            dates("the 19th-century spire fell", r),
            one("the 19th-century", "18")
        );
        assert_eq!(
            dates("the 19th, the spire fell", r),
            one("the 19th", "2024-04-19")
        );
        // A date without a year goes to the year nearest the reference date.
        assert_eq!(
            dates("A call on 26th March", r),
            one("26th March", "2024-03-26")
        );
    }

    #[test]
    fn relative_dates_stay_unresolved_without_a_reference() {
        assert_eq!(
            dates("Exports fell last year.", None),
            one("last year", "PAST_REF")
        );
        assert_eq!(
            dates("The talks resume next week.", None),
            one("next week", "FUTURE_REF")
        );
        assert_eq!(
            dates("founded six years ago", None),
            one("six years ago", "PAST_REF")
        );
        assert_eq!(
            dates("arrested on Friday", None),
            one("Friday", "XXXX-WXX-5")
        );
        assert_eq!(
            dates("A call on 26th March", None),
            one("26th March", "XXXX-03-26")
        );
    }

    #[test]
    fn intervals_cover_the_whole_period() {
        let line = "in February 2023";
        let toks = tokenize(line);
        let w = Words::new(line, &toks);
        let mut out = Vec::new();
        find(&w, &Context::default(), &mut out);
        let v = out.iter().max_by_key(|v| v.span.len()).unwrap();
        // 2023-02-01 is day 19389 since 1970-01-01; February 2023 has 28 days.
        assert_eq!(v.interval, Some(Interval::new(19_389.0, 19_416.0)));
    }

    #[test]
    fn numbers_that_are_not_dates() {
        assert!(dates("Tel: +86 138-2010-2015", None).is_empty());
        assert!(dates("The ssn is 123-12-1234", None).is_empty());
        assert!(dates("This screen has a 4:3 aspect ratio.", None).is_empty());
        assert!(dates("Some 1500 migrants and 2000 people", None).is_empty());
        assert!(dates("May I ask what this is for?", None).is_empty());
        assert_eq!(
            dates("6,107.31 August 2019 should not", None),
            one("August 2019", "2019-08")
        );
    }

    #[test]
    fn holidays_and_weekdays_with_dates() {
        assert_eq!(
            dates("on easter 2018", None),
            one("easter 2018", "2018-04-01")
        );
        assert_eq!(
            dates("published on Saturday, April 27, 2024.", None),
            one("Saturday, April 27, 2024", "2024-04-27")
        );
    }
}
