//! Dates: calendar dates at the precision the text gives, relative dates resolved against a
//! reference date (or left unresolved without one).

use jiff::civil::Date;

use super::token::Token;
use super::{Context, Interval, Kind, Value};
use crate::span::Span;

const MONTHS: &[&str] = &[
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
];

fn month(word: &str) -> Option<i8> {
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word))
        .map(|p| p as i8 + 1)
}

/// Day number of a date: days since 1970-01-01.
pub fn day_number(d: Date) -> f64 {
    let epoch = Date::constant(1970, 1, 1);
    epoch.until(d).map_or(0.0, |s| s.get_days() as f64)
}

/// Proposes "Month YYYY" and bare four-digit years.
pub fn find(line: &str, toks: &[Token], _ctx: &Context, out: &mut Vec<Value>) {
    for (i, t) in toks.iter().enumerate() {
        if !t.is_num() || t.span.len() != 4 {
            continue;
        }
        let Ok(year) = t.text(line).parse::<i16>() else {
            continue;
        };
        if !(1000..=2100).contains(&year) {
            continue;
        }
        if i > 0 && toks[i - 1].is_word() {
            if let Some(m) = month(toks[i - 1].text(line)) {
                let (Ok(first), Ok(next)) = (Date::new(year, m, 1), Date::new(year, m, 1)) else {
                    continue;
                };
                let last = next.last_of_month();
                let mut v = Value::new(
                    Kind::Date,
                    Span::new(toks[i - 1].span.start, t.span.end),
                    format!("{year:04}-{m:02}"),
                );
                v.interval = Some(Interval::new(day_number(first), day_number(last)));
                out.push(v);
                continue;
            }
        }
        let (Ok(first), Ok(last)) = (Date::new(year, 1, 1), Date::new(year, 12, 31)) else {
            continue;
        };
        let mut v = Value::new(Kind::Date, t.span, format!("{year:04}"));
        v.interval = Some(Interval::new(day_number(first), day_number(last)));
        out.push(v);
    }
}
