//! Times of day: "6:04 pm", "13:14 local time", "6pm", "noon", at minute precision.
//!
//! In: the line's [`Words`] and the date candidates already found in it. Out: `time`
//! candidates whose value is TIMEX3-style and attached to the line's date when the line
//! names exactly one day (`2023-08-23T18:04`), else `XXXX-XX-XXT18:04`. The date keeps its
//! own value too, so a claim about the day still compares with sources that give no time.
//! The interval is in day numbers with the minutes as a fraction, when the day is known.

use super::lexicon::Words;
use super::{Context, Interval, Kind, Value};
use crate::span::Span;

/// Proposes a time of day for every clock time in the line; `dates` are the date
/// candidates of the same line.
pub fn find(w: &Words, _ctx: &Context, dates: &[Value], out: &mut Vec<Value>) {
    let full = |d: &&Value| {
        let v = d.value.as_bytes();
        d.kind == Kind::Date && v.len() == 10 && v[4] == b'-' && v[7] == b'-' && v[0] != b'X'
    };
    let mut day: Option<(&str, f64)> = None;
    let mut several = false;
    for d in dates.iter().filter(full) {
        let v = d.value.as_str();
        match day {
            Some((x, _)) if x != v => several = true,
            Some(_) => {}
            None => day = Some((v, d.interval.map_or(0.0, |i| i.lo))),
        }
    }
    let day = if several { None } else { day };
    let mut i = 0;
    loop {
        // A clock time starts at its anchor: digits, "noon", "midnight".
        i = w.skip_to(i, 0);
        if i >= w.len() {
            break;
        }
        let t = &w.toks[i];
        if !(t.is_num() || w.lex(i).hour.is_some()) {
            i += 1;
            continue;
        }
        let Some((h, m, end)) = clock(w, i) else {
            i += 1;
            continue;
        };
        let (qual, near, first) = qualifier(w, i);
        let span = Span::new(w.start(first), w.end(end - 1));
        // The day written next to the time ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6",
        // "Friday at 6 p.m."), else the line's only day.
        let next_to = adjacent_day(w, i, end, dates.iter().filter(full));
        let day = next_to
            .map(|d| (d.value.as_str(), d.interval.map_or(0.0, |i| i.lo)))
            .or(day);
        let value = match day {
            Some((d, _)) => format!("{qual}{d}T{h:02}:{m:02}"),
            None => format!("{qual}XXXX-XX-XXT{h:02}:{m:02}"),
        };
        let mut v = Value::new(Kind::Time, span, value);
        v.approximate = qual == "~" || near;
        if let Some((_, dn)) = day {
            let x = dn + (h as f64 * 60.0 + m as f64) / 1440.0;
            v.interval = Some(qualified(qual, near, x));
        }
        out.push(v);
        i = end;
    }
}

/// The words before a clock time that make it approximate or a bound: "around 6.50pm" is
/// `~`, "shortly before 8pm" `<` (and near: within half an hour), "after 9pm" `>`, "by 3am"
/// `<=`. Returns (qualifier, near, first token of the value).
fn qualifier(w: &Words, i: usize) -> (&'static str, bool, usize) {
    if i == 0 {
        return ("", false, i);
    }
    let qual = match w.low(i - 1) {
        "around" | "about" | "approximately" | "roughly" | "circa" => "~",
        "before" => "<",
        "after" => ">",
        "by" => "<=",
        _ => return ("", false, i),
    };
    let near = qual != "~"
        && i >= 2
        && matches!(
            w.low(i - 2),
            "shortly" | "just" | "soon" | "moments" | "minutes"
        );
    (qual, near, if near { i - 2 } else { i - 1 })
}

/// What a clock time at day number `x` stands for, with its qualifier: "around" a quarter of
/// an hour either way, "shortly before" the half hour before, "before" anything earlier.
fn qualified(qual: &str, near: bool, x: f64) -> Interval {
    const QUARTER: f64 = 15.0 / 1440.0;
    const HALF_HOUR: f64 = 30.0 / 1440.0;
    let reach = if near { HALF_HOUR } else { f64::INFINITY };
    match qual {
        "~" => Interval::new(x - QUARTER, x + QUARTER),
        "<" | "<=" => Interval::new(x - reach, x),
        ">" | ">=" => Interval::new(x, x + reach),
        _ => Interval::point(x),
    }
}

/// A time value without its qualifier: "<2019-04-15T20:00" → ("<", "2019-04-15T20:00").
pub fn split_qualifier(value: &str) -> (&str, &str) {
    let rest = value.trim_start_matches(['~', '<', '>', '=']);
    (&value[..value.len() - rest.len()], rest)
}

/// The day among `days` written right after the clock time at tokens `i..end` (past a time
/// zone, a comma or "on": "noon Thursday", "5 p.m. EST, Nov. 6", "6 p.m. on Friday") or
/// right before it (past "at" or a comma: "Friday at 6 p.m.").
fn adjacent_day<'v>(
    w: &Words,
    i: usize,
    end: usize,
    days: impl Iterator<Item = &'v Value> + Clone,
) -> Option<&'v Value> {
    let zone = |k: usize| {
        matches!(
            w.low(k),
            "est" | "edt" | "gmt" | "utc" | "cst" | "cdt" | "pst" | "pdt" | "mst" | "mdt" | "local"
        )
    };
    let mut k = end;
    while k < w.len() && (zone(k) || w.low(k) == "time" || w.low(k) == "on" || w.is_p(k, ',')) {
        k += 1;
    }
    if k < w.len()
        && let Some(d) = days.clone().find(|d| d.span.start == w.start(k))
    {
        return Some(d);
    }
    let mut k = i;
    while k > 0 && (w.low(k - 1) == "at" || w.is_p(k - 1, ',')) {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    days.clone().find(|d| d.span.end == w.end(k - 1))
}

/// "2019-04-15": a date value that names one whole day.
pub fn is_whole_day(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Reads a time value with no day of its own (`XXXX-XX-XXT18:50`) on `day` (a whole day, whose
/// day number is `day_number`); false, and nothing changed, for any other value.
pub fn read_on_day(v: &mut Value, day: &str, day_number: f64) -> bool {
    let (qual, clock) = split_qualifier(&v.value);
    let Some(clock) = clock.strip_prefix("XXXX-XX-XXT") else {
        return false;
    };
    let Some((h, m)) = clock.split_once(':') else {
        return false;
    };
    let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.parse::<u32>()) else {
        return false;
    };
    if v.kind != Kind::Time || h > 23 || m > 59 || !is_whole_day(day) {
        return false;
    }
    let qual = qual.to_string();
    // Only a bound can be near ("shortly before"); "around" marks the value approximate too.
    let near = v.approximate && qual != "~";
    v.value = format!("{qual}{day}T{h:02}:{m:02}");
    v.interval = Some(qualified(
        &qual,
        near,
        day_number + f64::from(h * 60 + m) / 1440.0,
    ));
    true
}

/// A clock time at `i`: (hour 0-23, minute, end token).
fn clock(w: &Words, i: usize) -> Option<(u32, u32, usize)> {
    if !w.is_num(i) {
        return named_hour(w, i);
    }
    digits_clock(w, i)
}

/// "at noon", "by midnight".
fn named_hour(w: &Words, i: usize) -> Option<(u32, u32, usize)> {
    let h = w.lex(i).hour?;
    (i > 0 && matches!(w.low(i - 1), "at" | "by" | "until" | "before" | "after")).then_some((
        u32::from(h),
        0,
        i + 1,
    ))
}

/// "6:04 pm", "13:14", "6pm", "6 p.m.".
fn digits_clock(w: &Words, i: usize) -> Option<(u32, u32, usize)> {
    if w.digits(i) > 2 {
        return None;
    }
    // Not the tail of another number ("1.5:30", "2:13:14").
    if i > 0 && w.glued(i) && !w.is_word(i - 1) && i >= 2 && w.is_num(i - 2) && w.glued(i - 1) {
        return None;
    }
    let h = w.num(i)?;
    let mut j = i + 1;
    let mut m = 0;
    let mut with_minutes = false;
    // "6.50pm", "16.50 GMT": the British dot, taken only when a meridiem or zone follows,
    // since "6.50" alone is a decimal.
    let mut dotted = false;
    if w.is_p(j, '.') && w.glued(j) && w.glued(j + 1) && w.digits(j + 1) == 2 {
        let after = j + 2;
        let zone_after = is_zone(w.low(after)) && !w.glued(after);
        if meridiem(w, after).is_some() || zone_after {
            m = w.num(j + 1)?;
            if m > 59 {
                return None;
            }
            j = after;
            with_minutes = true;
            dotted = true;
        }
    }
    if !dotted && w.is_p(j, ':') && w.glued(j) && w.glued(j + 1) && w.digits(j + 1) == 2 {
        m = w.num(j + 1)?;
        if m > 59 {
            return None;
        }
        j += 2;
        with_minutes = true;
        // Seconds are read and dropped: minute precision.
        if w.is_p(j, ':') && w.glued(j) && w.glued(j + 1) && w.digits(j + 1) == 2 {
            j += 2;
        }
        // "2:13:14" goes on as a number; "10:55: Eight officers arrive" ends at a
        // timeline's colon.
        if w.glued(j) && (w.is_num(j) || w.is_p(j, ':') && w.is_num(j + 1) && w.glued(j + 1)) {
            return None;
        }
    }
    let (h, j, meridiem) = match meridiem(w, j) {
        Some((pm, e)) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            let h = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            (h, e, true)
        }
        None => (h, j, false),
    };
    if h > 23 || !(with_minutes || meridiem) {
        return None;
    }
    // "13:14" alone could be a score or a verse: a clock needs two-digit hours, a
    // meridiem, a preposition before it, or "local time", "GMT", "UTC" after it.
    let prev = if i > 0 { w.low(i - 1) } else { "" };
    let zone = is_zone(w.low(j));
    let preposition = matches!(
        prev,
        "at" | "by" | "until" | "till" | "around" | "about" | "before" | "after" | "from" | "since"
    );
    if !(meridiem || zone || preposition || w.digits(i) == 2) {
        return None;
    }
    Some((h, m, j))
}

/// A word naming the clock a time is read on: "GMT", "local (time)", "BST".
fn is_zone(word: &str) -> bool {
    matches!(
        word,
        "gmt"
            | "utc"
            | "local"
            | "est"
            | "edt"
            | "cet"
            | "cest"
            | "bst"
            | "pst"
            | "pdt"
            | "wat"
            | "cat"
            | "eat"
    )
}

/// "pm", "p.m.", "am", "a.m." at `j`: (is pm, end).
fn meridiem(w: &Words, j: usize) -> Option<(bool, usize)> {
    match w.low(j) {
        "pm" => Some((true, j + 1)),
        "am" if w.glued(j) || !w.capital(j) => Some((false, j + 1)),
        "p" | "a"
            if w.is_p(j + 1, '.')
                && w.glued(j + 1)
                && matches!(w.low(j + 2), "m")
                && w.glued(j + 2) =>
        {
            let pm = w.low(j) == "p";
            let end = if w.is_p(j + 3, '.') && w.glued(j + 3) {
                j + 4
            } else {
                j + 3
            };
            Some((pm, end))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn times(line: &str, dates: &[Value]) -> Vec<(String, String)> {
        let toks = tokenize(line);
        let w = Words::new(line, &toks);
        let mut out = Vec::new();
        find(&w, &Context::default(), dates, &mut out);
        out.iter()
            .map(|v| (v.text(line).to_string(), v.value.clone()))
            .collect()
    }

    #[test]
    fn clock_times_without_a_date() {
        assert_eq!(
            times("The quake struck at 6:04 pm.", &[]),
            vec![("6:04 pm".into(), "XXXX-XX-XXT18:04".into())]
        );
        assert_eq!(
            times("at 13:14 local time", &[]),
            vec![("13:14".into(), "XXXX-XX-XXT13:14".into())]
        );
        assert_eq!(
            times("by 6 p.m. on", &[]),
            vec![("by 6 p.m.".into(), "<=XXXX-XX-XXT18:00".into())]
        );
        assert_eq!(
            times("10:55: Eight officers arrive", &[]),
            vec![("10:55".into(), "XXXX-XX-XXT10:55".into())]
        );
        // Seconds are read and dropped; a fourth part makes it no clock at all.
        assert_eq!(
            times("at 2:13:14 elapsed", &[]),
            vec![("2:13:14".into(), "XXXX-XX-XXT02:13".into())]
        );
        assert!(times("at 1:02:03:04 elapsed", &[]).is_empty());
        assert_eq!(
            times("12am", &[]),
            vec![("12am".into(), "XXXX-XX-XXT00:00".into())]
        );
    }

    #[test]
    fn a_qualifier_makes_a_clock_time_approximate_or_a_bound() {
        assert_eq!(
            times("it collapsed shortly before 8pm", &[]),
            vec![("shortly before 8pm".into(), "<XXXX-XX-XXT20:00".into())]
        );
        assert_eq!(
            times("the crowd left after 9 p.m.", &[]),
            vec![("after 9 p.m.".into(), ">XXXX-XX-XXT21:00".into())]
        );
        // On a known day: "around" is a quarter of an hour either way, "shortly before" the
        // half hour before, "before" anything earlier.
        let mut v = Value::new(Kind::Time, Span::new(0, 9), "~XXXX-XX-XXT01:00");
        v.approximate = true;
        assert!(read_on_day(&mut v, "2018-07-06", 100.0));
        assert_eq!(v.value, "~2018-07-06T01:00");
        let i = v.interval.unwrap();
        assert!((i.lo - (100.0 + 45.0 / 1440.0)).abs() < 1e-9, "{i:?}");
        assert!((i.hi - (100.0 + 75.0 / 1440.0)).abs() < 1e-9, "{i:?}");
        let mut v = Value::new(Kind::Time, Span::new(0, 9), "<XXXX-XX-XXT20:00");
        v.approximate = true;
        assert!(read_on_day(&mut v, "2019-04-15", 10.0));
        let i = v.interval.unwrap();
        assert!((i.lo - (10.0 + 1170.0 / 1440.0)).abs() < 1e-9, "{i:?}");
        let mut v = Value::new(Kind::Time, Span::new(0, 9), "<XXXX-XX-XXT20:00");
        assert!(read_on_day(&mut v, "2019-04-15", 10.0));
        assert_eq!(v.interval.unwrap().lo, f64::NEG_INFINITY);
    }

    #[test]
    fn british_dotted_times_need_a_meridiem_or_a_zone() {
        assert_eq!(
            times("broke out around 6.50pm on Monday", &[]),
            vec![("around 6.50pm".into(), "~XXXX-XX-XXT18:50".into())]
        );
        assert_eq!(
            times("which began at 5.50pm local time (16.50 GMT)", &[]),
            vec![
                ("5.50pm".into(), "XXXX-XX-XXT17:50".into()),
                ("16.50".into(), "XXXX-XX-XXT16:50".into())
            ]
        );
        assert_eq!(
            times("7.05 p.m. - part of the spire collapses", &[]),
            vec![("7.05 p.m.".into(), "XXXX-XX-XXT19:05".into())]
        );
        // Decimals stay decimals.
        assert!(times("shares rose 6.50 percent", &[]).is_empty());
        assert!(times("it cost 6.50 at the gate", &[]).is_empty());
        assert!(times("a 13.75pm typo", &[]).is_empty());
    }

    #[test]
    fn a_time_without_a_day_is_read_on_one() {
        let mut v = Value::new(Kind::Time, Span::new(0, 9), "XXXX-XX-XXT18:50");
        assert!(read_on_day(&mut v, "2019-04-15", 18_001.0));
        assert_eq!(v.value, "2019-04-15T18:50");
        let i = v.interval.unwrap();
        assert!((i.lo - (18_001.0 + 1130.0 / 1440.0)).abs() < 1e-9);
        // A time that has its day keeps it; a day that is not whole reads nothing.
        assert!(!read_on_day(&mut v, "2019-04-16", 18_002.0));
        let mut w = Value::new(Kind::Time, Span::new(0, 9), "XXXX-XX-XXT07:05");
        assert!(!read_on_day(&mut w, "2019-04", 18_001.0));
        assert_eq!(w.value, "XXXX-XX-XXT07:05");
        assert!(
            is_whole_day("2019-04-15") && !is_whole_day("2019-W16") && !is_whole_day("XXXX-04-15")
        );
    }

    #[test]
    fn ratios_and_scores_are_not_times() {
        assert!(times("a 4:3 aspect ratio", &[]).is_empty());
        assert!(times("a 1:1 meeting", &[]).is_empty());
        assert!(times("won 3:25 on aggregate", &[]).is_empty());
    }

    #[test]
    fn attaches_to_the_lines_day() {
        let mut d = Value::new(Kind::Date, Span::new(0, 15), "2023-08-23");
        d.interval = Some(Interval::point(19_592.0));
        let got = times("August 23, 2023 at 6:04 pm", &[d]);
        assert_eq!(got, vec![("6:04 pm".into(), "2023-08-23T18:04".into())]);
    }

    #[test]
    fn attaches_to_the_day_written_next_to_it() {
        // Two days on the line: each time takes the one beside it.
        let line = "a deadline of 10 p.m. Wednesday, and the body was found at noon Thursday";
        let day = |line: &str, text: &str, v: &str| {
            let a = line.find(text).unwrap();
            Value::new(Kind::Date, Span::new(a, a + text.len()), v)
        };
        let ds = [
            day(line, "Wednesday", "1998-02-11"),
            day(line, "Thursday", "1998-02-12"),
        ];
        assert_eq!(
            times(line, &ds),
            vec![
                ("10 p.m.".into(), "1998-02-11T22:00".into()),
                ("noon".into(), "1998-02-12T12:00".into())
            ]
        );
        // Past a time zone and a comma, or before the time past "at".
        let line = "until 5 p.m. EST, Nov. 6, from Oct. 30";
        let ds = [
            day(line, "Nov. 6", "1989-11-06"),
            day(line, "Oct. 30", "1989-10-30"),
        ];
        assert_eq!(
            times(line, &ds),
            vec![("5 p.m.".into(), "1989-11-06T17:00".into())]
        );
        let line = "arrived on Friday at 6 p.m. and left on Saturday";
        let ds = [
            day(line, "Friday", "1998-02-13"),
            day(line, "Saturday", "1998-02-14"),
        ];
        assert_eq!(
            times(line, &ds),
            vec![("6 p.m.".into(), "1998-02-13T18:00".into())]
        );
        // No day beside it and several on the line: no day.
        let line = "They met on Monday and Tuesday; talks ended at 3 p.m.";
        let ds = [
            day(line, "Monday", "1998-02-09"),
            day(line, "Tuesday", "1998-02-10"),
        ];
        assert_eq!(
            times(line, &ds),
            vec![("3 p.m.".into(), "XXXX-XX-XXT15:00".into())]
        );
    }
}
