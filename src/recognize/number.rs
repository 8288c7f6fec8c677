//! Counts, money, percentages and quantities: amounts with what qualifies them.

use super::numeral;
use super::token::Token;
use super::{Context, Interval, Kind, Value, fmt_number};
use crate::span::Span;

/// Proposes count candidates for every number in the line that is not a bare year.
pub fn find(line: &str, toks: &[Token], _ctx: &Context, out: &mut Vec<Value>) {
    let mut i = 0;
    while i < toks.len() {
        let Some(n) = numeral::parse(line, toks, i) else {
            i += 1;
            continue;
        };
        let looks_like_year = n.bare_integer && (1000.0..=2100.0).contains(&n.value);
        if !looks_like_year {
            let span = Span::new(toks[n.start].span.start, toks[n.end - 1].span.end);
            let mut v = Value::new(Kind::Count, span, fmt_number(n.value));
            v.interval = Some(Interval::point(n.value));
            out.push(v);
        }
        i = n.end.max(i + 1);
    }
}
