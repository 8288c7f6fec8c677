//! Publication dates written in a text: the top of an article in, a calendar date out.
//!
//! Only full dates count (month, day and year: "Saturday, April 27, 2024", "27 April 2024",
//! "2024-04-27"); a date without a year is never completed by a guess. Only the top of the text
//! is searched: the lines before its second paragraph of prose (at most 20 lines and 3,000 bytes),
//! so dates in link lists at the bottom are not taken. A date there counts when it is
//! - introduced as the publication date: "Published April 27, 2024", "Posted on: 27 April 2024";
//! - a line of its own, maybe with a weekday, a time or a byline before a separator
//!   ("By Jane Roe | April 27, 2024");
//! - a wire dateline: "NIAMEY, Niger, Aug. 2, 2023 (Reuters) - ...";
//! - failing those, introduced as an update ("Updated April 28, 2024").
//!
//! [`parse_iso_date`] reads the `YYYY-MM-DD` dates of manifests and JSONL `published` fields.

use std::sync::OnceLock;

use jiff::civil::Date;
use regex::Regex;

/// Reads `YYYY-MM-DD`, or a timestamp that starts with one (`2024-04-27T10:00:00Z`).
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10
        || b[4] != b'-'
        || b[7] != b'-'
        || ![0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
    {
        return None;
    }
    if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<i16>().ok();
    Date::new(num(0..4)?, num(5..7)? as i8, num(8..10)? as i8).ok()
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(
            r"(?i)\b(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH}),?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<mo3>\d{{2}})-(?P<d3>\d{{2}}))\b"
        );
        Regex::new(&pat).expect("date pattern compiles")
    })
}

fn wire_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // An upper-case place, then up to two more place names, each followed by a comma.
    RE.get_or_init(|| {
        Regex::new(r"^[A-Z]{2}[A-Z .'-]*(?:,\s*[A-Z][A-Za-z .'-]*){0,2},\s*$")
            .expect("wire pattern compiles")
    })
}

fn month_number(name: &str) -> Option<i8> {
    const ABBR: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let key = name.get(..3)?.to_ascii_lowercase();
    ABBR.iter().position(|a| *a == key).map(|p| p as i8 + 1)
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Words that introduce a publication date, and ones that introduce a later update.
const PUBLISHED: &[&str] = &[
    "published",
    "published on",
    "first published",
    "first published on",
    "posted",
    "posted on",
    "date",
    "dated",
    "released",
];
const UPDATED: &[&str] = &[
    "updated",
    "updated on",
    "last updated",
    "last updated on",
    "modified",
    "last modified",
];

const SEPARATORS: &[char] = &['|', '•', '·', '—', '–', '-', '/'];

/// How sure a candidate is; lower wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Published,
    Standalone,
    Updated,
}

/// The publication date found at the top of `text`, if any.
pub fn find(text: &str) -> Option<Date> {
    let mut best: Option<(Strength, Date)> = None;
    let mut prose = 0;
    // Only the top is searched, so a long text costs no more than a short one.
    let mut end = text.len().min(3000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    for (n, raw) in text[..end].split_inclusive('\n').enumerate() {
        if n >= 20 || prose >= 2 {
            break;
        }
        let line = raw.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        if is_prose(line) {
            prose += 1;
        }
        // Find first (a fast DFA scan), then capture only what matched.
        for m in date_regex().find_iter(line) {
            let Some(caps) = date_regex().captures(m.as_str()) else {
                continue;
            };
            let Some(date) = date_of(&caps) else { continue };
            let Some(strength) = classify(&line[..m.start()], &line[m.end()..]) else {
                continue;
            };
            if best.is_none_or(|(s, _)| strength < s) {
                best = Some((strength, date));
            }
        }
    }
    best.map(|(_, d)| d)
}

fn date_of(caps: &regex::Captures) -> Option<Date> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
    let (y, m, d) = if let Some(mo) = caps.name("m1") {
        (num("y1")?, month_number(mo.as_str())?, num("d1")?)
    } else if let Some(mo) = caps.name("m2") {
        (num("y2")?, month_number(mo.as_str())?, num("d2")?)
    } else {
        (num("y3")?, num("mo3")? as i8, num("d3")?)
    };
    if !(1800..=2200).contains(&y) {
        return None;
    }
    Date::new(y, m, d as i8).ok()
}

/// Whether a date with `before` and `after` around it on its line is a publication date.
fn classify(before: &str, after: &str) -> Option<Strength> {
    let lead = before
        .trim()
        .trim_end_matches([':', ','])
        .trim()
        .to_lowercase();
    let after = after.trim_start();
    if PUBLISHED
        .iter()
        .any(|k| lead.ends_with(k) && word_start(&lead, k))
    {
        return Some(Strength::Published);
    }
    if UPDATED
        .iter()
        .any(|k| lead.ends_with(k) && word_start(&lead, k))
    {
        return Some(Strength::Updated);
    }
    let ends_cleanly = after.is_empty()
        || after.starts_with(SEPARATORS)
        || after.starts_with(['(', ',', '.'])
        || after.starts_with(|c: char| c.is_ascii_digit())
        || after.to_lowercase().starts_with("at ");
    let lead_is_meta = lead.is_empty()
        || WEEKDAYS.contains(&lead.as_str())
        || lead.ends_with(SEPARATORS)
        || wire_regex().is_match(before);
    if lead_is_meta && (ends_cleanly || wire_regex().is_match(before)) && before.len() < 120 {
        return Some(Strength::Standalone);
    }
    None
}

/// Whether keyword `k`, which `lead` ends with, starts at a word boundary.
fn word_start(lead: &str, k: &str) -> bool {
    lead[..lead.len() - k.len()]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A line that reads as body text: a long line ending a sentence.
fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().take(15).count();
    words >= 15
        && line
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Option<Date> {
        Some(Date::constant(y, m, day))
    }

    #[test]
    fn iso_dates_and_timestamps() {
        assert_eq!(parse_iso_date("2024-04-27"), d(2024, 4, 27));
        assert_eq!(parse_iso_date(" 2024-04-27T10:00:00Z"), d(2024, 4, 27));
        assert_eq!(parse_iso_date("2024-02-30"), None);
        assert_eq!(parse_iso_date("27/04/2024"), None);
        assert_eq!(parse_iso_date("2024-04-27x"), None);
    }

    #[test]
    fn weekday_line_at_the_top() {
        let text = "Saturday, April 27, 2024\n\nA Title\n\nBody text.";
        assert_eq!(find(text), d(2024, 4, 27));
    }

    #[test]
    fn published_beats_updated_and_day_first_works() {
        let text = "Title\nUpdated: 28 April 2024 10:32 BST | Published: 27th April 2024\n";
        assert_eq!(find(text), d(2024, 4, 27));
        assert_eq!(find("Title\nLast updated Jan. 5, 2023\n"), d(2023, 1, 5));
    }

    #[test]
    fn byline_with_separator_and_wire_dateline() {
        assert_eq!(find("By Jane Roe | March 3, 2022\n"), d(2022, 3, 3));
        let wire = "NIAMEY, Niger, Aug. 2, 2023 (Reuters) - Niger's junta said on Wednesday it had done things.";
        assert_eq!(find(wire), d(2023, 8, 2));
    }

    #[test]
    fn dates_inside_sentences_or_without_year_are_not_datelines() {
        assert_eq!(
            find("On July 26, 2023, soldiers detained the president.\n"),
            None
        );
        assert_eq!(find("Niger coup: what happened on July 26, 2023\n"), None);
        assert_eq!(
            find("NIAMEY, Niger, Aug. 2 (Reuters) - The junta spoke.\n"),
            None
        );
    }

    #[test]
    fn dates_below_the_opening_prose_are_ignored() {
        let para =
            "This is a long enough paragraph of body text that it reads as prose to the finder.";
        let text = format!("Title\n\n{para}\n\n{para}\n\nRecent Posts\n\nNovember 21, 2024\n");
        assert_eq!(find(&text), None);
    }
}
