//! The words that dates, durations and times of day are made of, looked up once per token.
//!
//! In: a line and its tokens. Out: [`Words`], the line lower-cased once (same byte offsets),
//! one [`Lex`] per token (month, weekday, time unit, ordinal, number word, keyword) and the
//! line's [`Tense`]. The date, duration and time recognizers all walk this one view, so each
//! token is classified once however many recognizers look at it.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::token::{TokKind, Token};

/// A unit of time as written ("years", "hrs", "fortnight").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Century,
    Decade,
    Year,
    Month,
    Fortnight,
    Week,
    Day,
    Night,
    Hour,
    Minute,
    Second,
}

impl Unit {
    /// Length in seconds (a year is 365.25 days, a month 30.44 days).
    pub fn seconds(self) -> f64 {
        const DAY: f64 = 86_400.0;
        match self {
            Unit::Century => 36_525.0 * DAY,
            Unit::Decade => 3_652.5 * DAY,
            Unit::Year => 365.25 * DAY,
            Unit::Month => 30.44 * DAY,
            Unit::Fortnight => 14.0 * DAY,
            Unit::Week => 7.0 * DAY,
            Unit::Day | Unit::Night => DAY,
            Unit::Hour => 3_600.0,
            Unit::Minute => 60.0,
            Unit::Second => 1.0,
        }
    }

    /// Rank from the coarsest (0) to the finest unit, to find the precision a text gives.
    pub fn fineness(self) -> u8 {
        match self {
            Unit::Century | Unit::Decade | Unit::Year => 0,
            Unit::Month => 1,
            Unit::Fortnight | Unit::Week => 2,
            Unit::Day | Unit::Night => 3,
            Unit::Hour | Unit::Minute | Unit::Second => 4,
        }
    }
}

/// Words with a fixed role in date expressions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kw {
    #[default]
    None,
    Today,
    Tonight,
    Tomorrow,
    Yesterday,
    Now,
    This,
    Next,
    Last,
    Previous,
    Past,
    Coming,
    Upcoming,
    Following,
    Current,
    Ago,
    From,
    After,
    Before,
    Later,
    Earlier,
    Early,
    Mid,
    Late,
    In,
    On,
    Of,
    The,
    A,
    And,
    Since,
    For,
    Half,
    Quarter,
    Couple,
    Another,
    All,
    Full,
    Whole,
    Old,
    Calendar,
    Cy,
    Working,
    Workweek,
    Business,
    Time,
    Hence,
}

/// What one token can mean in a date, duration or time expression.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lex {
    /// 1..=12 for a month name or abbreviation.
    pub month: i8,
    /// 1 (Monday) ..= 7 for a weekday name, singular or plural.
    pub weekday: i8,
    /// A unit of time; `short` units ("h", "d", "y") count only glued to digits.
    pub unit: Option<Unit>,
    pub short_unit: bool,
    /// 1..=31 for an ordinal word ("first", "twenty" as in "twenty first" is not one).
    pub ordinal: u8,
    /// A number word that `numeral::parse` reads ("six", "twenty", "hundred", "a").
    pub number: bool,
    pub kw: Kw,
    /// First word of a holiday's name ("easter", "christmas", "black").
    pub holiday: bool,
    /// Marks the tense of the line: 1 future ("will"), -1 past ("was").
    pub tense: i8,
    /// An abbreviation that is also a common word ("may", "sun", "mar"): needs a capital or
    /// a clear context.
    pub ambiguous: bool,
}

/// The word table: open addressing on the word's bytes packed into a `u128`, so a lookup is
/// one multiply and one compare. Every key is ASCII and at most 15 bytes; words never hold
/// a NUL byte, so zero padding cannot make two words equal.
struct Table {
    keys: Vec<u128>,
    vals: Vec<Lex>,
}

const SLOTS_LOG2: u32 = 11;

fn pack(w: &[u8]) -> Option<u128> {
    if w.is_empty() || w.len() > 15 {
        return None;
    }
    let mut b = [0u8; 16];
    b[..w.len()].copy_from_slice(w);
    Some(u128::from_le_bytes(b))
}

fn slot(k: u128) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS_LOG2)) as usize
}

impl Table {
    fn from_map(map: HashMap<&'static str, Lex>) -> Table {
        let n = 1usize << SLOTS_LOG2;
        let mut t = Table {
            keys: vec![0; n],
            vals: vec![Lex::default(); n],
        };
        for (w, lx) in map {
            let k = pack(w.as_bytes()).expect("table words are short");
            let mut s = slot(k);
            while t.keys[s] != 0 {
                s = (s + 1) & (n - 1);
            }
            t.keys[s] = k;
            t.vals[s] = lx;
        }
        t
    }

    fn get(&self, w: &str) -> Option<Lex> {
        let k = pack(w.as_bytes())?;
        let mut s = slot(k);
        loop {
            let x = self.keys[s];
            if x == k {
                return Some(self.vals[s]);
            }
            if x == 0 {
                return None;
            }
            s = (s + 1) & (self.keys.len() - 1);
        }
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::from_map(build()))
}

fn build() -> HashMap<&'static str, Lex> {
    let mut t: HashMap<&'static str, Lex> = HashMap::new();
    let months: &[(&str, i8)] = &[
        ("january", 1),
        ("jan", 1),
        ("february", 2),
        ("feb", 2),
        ("march", 3),
        ("mar", 3),
        ("april", 4),
        ("apr", 4),
        ("may", 5),
        ("june", 6),
        ("jun", 6),
        ("july", 7),
        ("jul", 7),
        ("august", 8),
        ("aug", 8),
        ("september", 9),
        ("sept", 9),
        ("sep", 9),
        ("october", 10),
        ("oct", 10),
        ("november", 11),
        ("nov", 11),
        ("december", 12),
        ("dec", 12),
    ];
    for &(w, m) in months {
        let e = t.entry(w).or_default();
        e.month = m;
        e.ambiguous = matches!(w, "may" | "march" | "mar");
    }
    let days: &[(&str, i8)] = &[
        ("monday", 1),
        ("mondays", 1),
        ("mon", 1),
        ("tuesday", 2),
        ("tuesdays", 2),
        ("tue", 2),
        ("tues", 2),
        ("wednesday", 3),
        ("wednesdays", 3),
        ("wed", 3),
        ("thursday", 4),
        ("thursdays", 4),
        ("thu", 4),
        ("thur", 4),
        ("thurs", 4),
        ("friday", 5),
        ("fridays", 5),
        ("fri", 5),
        ("saturday", 6),
        ("saturdays", 6),
        ("sat", 6),
        ("sunday", 7),
        ("sundays", 7),
        ("sun", 7),
    ];
    for &(w, d) in days {
        let e = t.entry(w).or_default();
        e.weekday = d;
        e.ambiguous = matches!(w, "mon" | "wed" | "sat" | "sun");
    }
    let units: &[(&str, Unit, bool)] = &[
        ("century", Unit::Century, false),
        ("centuries", Unit::Century, false),
        ("decade", Unit::Decade, false),
        ("decades", Unit::Decade, false),
        ("year", Unit::Year, false),
        ("years", Unit::Year, false),
        ("yr", Unit::Year, false),
        ("yrs", Unit::Year, false),
        ("y", Unit::Year, true),
        ("month", Unit::Month, false),
        ("months", Unit::Month, false),
        ("mo", Unit::Month, true),
        ("mos", Unit::Month, true),
        ("fortnight", Unit::Fortnight, false),
        ("fortnights", Unit::Fortnight, false),
        ("week", Unit::Week, false),
        ("weeks", Unit::Week, false),
        ("wk", Unit::Week, false),
        ("wks", Unit::Week, false),
        ("w", Unit::Week, true),
        ("day", Unit::Day, false),
        ("days", Unit::Day, false),
        ("d", Unit::Day, true),
        ("night", Unit::Night, false),
        ("nights", Unit::Night, false),
        ("hour", Unit::Hour, false),
        ("hours", Unit::Hour, false),
        ("hr", Unit::Hour, false),
        ("hrs", Unit::Hour, false),
        ("h", Unit::Hour, false),
        ("minute", Unit::Minute, false),
        ("minutes", Unit::Minute, false),
        ("min", Unit::Minute, false),
        ("mins", Unit::Minute, false),
        ("second", Unit::Second, false),
        ("seconds", Unit::Second, false),
        ("sec", Unit::Second, false),
        ("secs", Unit::Second, false),
    ];
    for &(w, u, short) in units {
        let e = t.entry(w).or_default();
        e.unit = Some(u);
        e.short_unit = short;
    }
    let ordinals: &[(&str, u8)] = &[
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
    ];
    for &(w, o) in ordinals {
        t.entry(w).or_default().ordinal = o;
    }
    for w in [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
    ] {
        t.entry(w).or_default().number = true;
    }
    let kws: &[(&str, Kw)] = &[
        ("today", Kw::Today),
        ("tonight", Kw::Tonight),
        ("tomorrow", Kw::Tomorrow),
        ("tmrw", Kw::Tomorrow),
        ("tmr", Kw::Tomorrow),
        ("yesterday", Kw::Yesterday),
        ("now", Kw::Now),
        ("this", Kw::This),
        ("next", Kw::Next),
        ("last", Kw::Last),
        ("previous", Kw::Previous),
        ("past", Kw::Past),
        ("coming", Kw::Coming),
        ("upcoming", Kw::Upcoming),
        ("following", Kw::Following),
        ("current", Kw::Current),
        ("ago", Kw::Ago),
        ("from", Kw::From),
        ("after", Kw::After),
        ("before", Kw::Before),
        ("later", Kw::Later),
        ("earlier", Kw::Earlier),
        ("early", Kw::Early),
        ("mid", Kw::Mid),
        ("late", Kw::Late),
        ("in", Kw::In),
        ("on", Kw::On),
        ("of", Kw::Of),
        ("the", Kw::The),
        ("a", Kw::A),
        ("an", Kw::A),
        ("and", Kw::And),
        ("since", Kw::Since),
        ("for", Kw::For),
        ("half", Kw::Half),
        ("quarter", Kw::Quarter),
        ("couple", Kw::Couple),
        ("another", Kw::Another),
        ("all", Kw::All),
        ("full", Kw::Full),
        ("whole", Kw::Whole),
        ("entire", Kw::Whole),
        ("old", Kw::Old),
        ("calendar", Kw::Calendar),
        ("cy", Kw::Cy),
        ("working", Kw::Working),
        ("workweek", Kw::Workweek),
        ("business", Kw::Business),
        ("time", Kw::Time),
        ("hence", Kw::Hence),
    ];
    for &(w, k) in kws {
        t.entry(w).or_default().kw = k;
    }
    for w in [
        "easter",
        "christmas",
        "xmas",
        "halloween",
        "thanksgiving",
        "new",
        "independence",
        "earth",
        "boxing",
        "valentine's",
        "valentine\u{2019}s",
        "valentines",
        "valentine",
        "saint",
        "st",
        "black",
        "labor",
        "labour",
        "memorial",
        "mother's",
        "mothers",
        "mother\u{2019}s",
        "father's",
        "fathers",
        "father\u{2019}s",
    ] {
        t.entry(w).or_default().holiday = true;
    }
    for w in [
        "will",
        "shall",
        "gonna",
        "won't",
        "let's",
        "please",
        "want",
        "plan",
        "plans",
        "planned",
        "scheduled",
        "expected",
        "tomorrow",
        "upcoming",
    ] {
        t.entry(w).or_default().tense = 1;
    }
    for w in [
        "was",
        "were",
        "had",
        "did",
        "ago",
        "yesterday",
        "went",
        "took",
        "came",
        "began",
        "left",
        "said",
        "told",
        "held",
        "met",
        "won",
        "lost",
        "fell",
        "rose",
        "gave",
        "paid",
        "sold",
        "led",
        "fled",
        "saw",
        "got",
        "made",
        "ran",
        "hit",
        "killed",
    ] {
        t.entry(w).or_default().tense = -1;
    }
    t
}

/// Whether the line speaks of the past, the future, both or neither; relative expressions
/// that could go either way ("on Friday", "in two weeks") are read by it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tense {
    pub past: bool,
    pub future: bool,
}

impl Tense {
    /// Past unless only future markers are present: news reports mostly tell what happened.
    pub fn leans_past(&self) -> bool {
        self.past || !self.future
    }

    pub fn clearly_future(&self) -> bool {
        self.future && !self.past
    }
}

/// A line seen as tokens with their word classes.
pub struct Words<'a> {
    pub line: &'a str,
    /// `line` with ASCII letters lower-cased: same length, same offsets.
    pub low: String,
    pub toks: &'a [Token],
    pub lex: Vec<Lex>,
    pub tense: Tense,
}

impl<'a> Words<'a> {
    pub fn new(line: &'a str, toks: &'a [Token]) -> Self {
        let low = line.to_ascii_lowercase();
        let table = table();
        let mut lex = Vec::with_capacity(toks.len());
        let mut tense = Tense::default();
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokKind::Word || t.span.len() > 12 {
                lex.push(Lex::default());
                if t.kind == TokKind::Word {
                    past_form(&low[t.span.start..t.span.end], &mut tense);
                }
                continue;
            }
            let w = &low[t.span.start..t.span.end];
            let lx = table.get(w).unwrap_or_default();
            lex.push(lx);
            match lx.tense {
                1 => tense.future = true,
                -1 => tense.past = true,
                _ if lx != Lex::default() => {}
                _ if w.ends_with("'ll") || w.ends_with("\u{2019}ll") => tense.future = true,
                _ if w == "going" && toks.get(i + 1).is_some_and(|n| n.is(line, "to")) => {
                    tense.future = true
                }
                // "will be sentenced", "has been released": a participle after an
                // auxiliary says nothing of the time.
                _ if i > 0 && is_auxiliary(&low[toks[i - 1].span.start..toks[i - 1].span.end]) => {}
                _ => past_form(w, &mut tense),
            }
        }
        Words {
            line,
            low,
            toks,
            lex,
            tense,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Lower-cased text of token `i` ("" past the end).
    pub fn low(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.low[t.span.start..t.span.end])
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.line))
    }

    pub fn lex(&self, i: usize) -> Lex {
        self.lex.get(i).copied().unwrap_or_default()
    }

    pub fn kw(&self, i: usize) -> Kw {
        self.lex(i).kw
    }

    /// Token `i` is a run of digits.
    pub fn is_num(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_num())
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word())
    }

    /// Value of a digit token of at most nine digits.
    pub fn num(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if !t.is_num() || t.span.len() > 9 {
            return None;
        }
        self.low(i).parse().ok()
    }

    /// Number of digits of a digit token (0 for other tokens).
    pub fn digits(&self, i: usize) -> usize {
        self.toks
            .get(i)
            .filter(|t| t.is_num())
            .map_or(0, |t| t.span.len())
    }

    /// Token `i` is the punctuation `c`.
    pub fn is_p(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(self.line, c))
    }

    /// Token `i` follows the previous one with no space between.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// The first letter of token `i` is upper case.
    pub fn capital(&self, i: usize) -> bool {
        self.text(i).starts_with(|c: char| c.is_ascii_uppercase())
    }

    /// Byte offset where token `i` starts.
    pub fn start(&self, i: usize) -> usize {
        self.toks[i].span.start
    }

    /// Byte offset where token `i` ends.
    pub fn end(&self, i: usize) -> usize {
        self.toks[i].span.end
    }

    /// A hyphen or dash joins tokens `i - 1` and `i + 1` ("mid-2023", "12-year-old").
    pub fn is_dash(&self, i: usize) -> bool {
        self.is_p(i, '-') || self.is_p(i, '\u{2010}') || self.is_p(i, '\u{2011}')
    }
}

fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "be" | "been"
            | "being"
            | "is"
            | "are"
            | "am"
            | "has"
            | "have"
            | "get"
            | "gets"
            | "to"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
    )
}

/// Marks the past for regular past forms ("arrested", "killed"); irregular ones are in
/// the table.
fn past_form(w: &str, tense: &mut Tense) {
    if w.len() >= 5
        && w.ends_with("ed")
        && !matches!(
            w,
            "need"
                | "speed"
                | "indeed"
                | "hundred"
                | "united"
                | "related"
                | "based"
                | "proceed"
                | "exceed"
                | "succeed"
                | "supposed"
                | "interested"
                | "required"
                | "needed"
        )
    {
        tense.past = true;
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    #[test]
    fn classifies_words_once() {
        let line = "Last Friday, 3 hours before the second week of Sept.";
        let toks = tokenize(line);
        let w = Words::new(line, &toks);
        assert_eq!(w.kw(0), Kw::Last);
        assert_eq!(w.lex(1).weekday, 5);
        assert_eq!(w.lex(4).unit, Some(Unit::Hour));
        // "second" is both an ordinal and a unit; context decides.
        assert_eq!(w.lex(7).ordinal, 2);
        assert_eq!(w.lex(7).unit, Some(Unit::Second));
        assert_eq!(w.lex(10).month, 9);
    }

    #[test]
    fn reads_tense_from_markers() {
        let line = "Seven people were arrested on Friday.";
        let toks = tokenize(line);
        assert!(Words::new(line, &toks).tense.leans_past());
        let line = "I'll go back on Friday";
        let toks = tokenize(line);
        assert!(Words::new(line, &toks).tense.clearly_future());
    }
}
