//! The words that dates, durations and times of day are made of, looked up once per token.
//!
//! In: a line and its tokens. Out: [`Words`], the line lower-cased once (same byte offsets),
//! one [`Lex`] per token (month, weekday, time unit, ordinal, number word, keyword) and the
//! line's [`Tense`]. The date, duration and time recognizers all walk this one view, so each
//! token is classified once however many recognizers look at it.
//!
//! The vocabulary (months, weekdays, units, ordinals, keywords, holiday names, tense markers)
//! is data: `data/date_words.tsv`, embedded in the binary. The tense is a cue, not a parse:
//! "will", "'ll", "scheduled" mark the future; "was", "had", "ago" and "-ed" forms not after an
//! auxiliary ("has been released") mark the past.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::token::{TokKind, Token};
use super::wordtable::WordTable;
use super::{number, numeral};

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
    /// "recently", "lately": a vague reference to the past (`PAST_REF`).
    Recently,
    /// "currently", "nowadays", "presently": a vague reference to the present (`PRESENT_REF`).
    Currently,
    /// "future": "the future" is `FUTURE_REF`.
    Future,
    /// "recent": "recent years" is `PAST_REF`.
    Recent,
    /// "fiscal": a fiscal year or quarter ("fiscal 1990", "the fiscal first quarter").
    Fiscal,
    /// "twenties" .. "nineties": a decade of a person's age ("in his early thirties").
    DecadeAge,
    /// "weekend": "over the weekend" is the weekend of a week (`1990-W32-WE`).
    Weekend,
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
    /// The word is in the table (or is a possessive of a word that is): a cheap test for
    /// "plays no part in dates".
    pub known: bool,
    /// A plural unit or weekday ("years", "Fridays").
    pub plural: bool,
    /// A possessive read through to its stem ("Sunday's", "this year's").
    pub possessive: bool,
    /// First word of a holiday's name ("easter", "christmas", "black").
    pub holiday: bool,
    /// A holiday's name may stop at this word ("Easter", "Christmas"); other names go on
    /// with a calendar word ("Black Friday", "Labor Day"), which anchors them.
    pub holiday_alone: bool,
    /// A part of a day ("morning", "evening").
    pub part_of_day: bool,
    /// The hour a word names ("noon" 12, "midnight" 0).
    pub hour: Option<u8>,
    /// A season: 1 spring, 2 summer, 3 fall, 4 winter.
    pub season: i8,
    /// Marks the tense of the line: 1 future ("will"), -1 past ("was").
    pub tense: i8,
    /// A verb of saying ("said"): it dates the report, not what is reported.
    pub report: bool,
    /// An abbreviation that is also a common word ("may", "sun", "mar"): needs a capital or
    /// a clear context.
    pub ambiguous: bool,
    /// A number word or a vague quantity ("six", "hundred", "dozens", "millions"). Every
    /// amount holds a number, so the number recognizer skips text far from any.
    pub numeric: bool,
    /// [`Lex::anchors`], worked out once when the table is built.
    pub anchor: bool,
}

impl Lex {
    /// The word can be the core of a value on its own: a month, a weekday, a unit, an
    /// ordinal, a number, a holiday, "today". An [ambiguous](Lex::ambiguous) word anchors
    /// only with a capital ("May", not "may"). Words that only join or qualify the others
    /// ("the", "last", "in", "early", "half") do not, nor do short units, which count only
    /// glued to digits. A line with no digit and no such word holds no value
    /// ([`super::anchor`]); a new role or keyword anchors unless it is listed here.
    pub fn anchors(&self) -> bool {
        self.month > 0
            || self.weekday > 0
            || self.unit.is_some() && !self.short_unit
            || self.ordinal > 0
            || self.number
            || self.numeric
            || self.holiday_alone
            || self.part_of_day
            || self.hour.is_some()
            || self.season > 0
            || self.kw != Kw::None && !connector(self.kw)
    }
}

/// Keywords that are never a value on their own, only a part of one ("last week").
fn connector(k: Kw) -> bool {
    use Kw::*;
    matches!(
        k,
        This | Next
            | Last
            | Previous
            | Coming
            | Upcoming
            | Following
            | Current
            | Ago
            | From
            | After
            | Before
            | Later
            | Earlier
            | Early
            | Mid
            | Late
            | In
            | On
            | Of
            | The
            | A
            | And
            | Since
            | For
            | Half
            | Couple
            | Another
            | All
            | Full
            | Whole
            | Old
            | Calendar
            | Cy
            | Working
            | Business
            | Time
            | Hence
            | Recent
            | Fiscal
    )
}

/// Every word of the table that [anchors](Lex::anchors) a value, and whether it needs a
/// capital to (an [ambiguous](Lex::ambiguous) word).
pub(super) fn anchor_words() -> impl Iterator<Item = (&'static str, bool)> {
    words()
        .iter()
        .filter(|(_, lx)| lx.anchors())
        .map(|(w, lx)| (*w, lx.ambiguous))
}

/// Whether a word of the table anchors a value as written: an ambiguous one only with a
/// capital ("May", not "may"). `first` is its first byte.
pub(super) fn anchors_as_written(anchors: bool, ambiguous: bool, first: u8) -> bool {
    anchors && (!ambiguous || first.is_ascii_uppercase())
}

/// The word list, read once from `data/date_words.tsv`.
fn words() -> &'static HashMap<&'static str, Lex> {
    static WORDS_READ: OnceLock<HashMap<&'static str, Lex>> = OnceLock::new();
    WORDS_READ.get_or_init(build)
}

/// The month and weekday names and abbreviations of `data/date_words.tsv`, lower case.
pub fn calendar_words() -> impl Iterator<Item = &'static str> {
    words()
        .iter()
        .filter(|(_, lx)| lx.month > 0 || lx.weekday > 0)
        .map(|(w, _)| *w)
}

fn table() -> &'static WordTable<Lex> {
    static TABLE: OnceLock<WordTable<Lex>> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(words().iter().map(|(w, lx)| (*w, *lx))))
}

fn build() -> HashMap<&'static str, Lex> {
    let mut t: HashMap<&'static str, Lex> = HashMap::new();
    for (n, line) in WORDS.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(w), Some(role)) = (cols.next(), cols.next()) else {
            panic!("data/date_words.tsv:{}: expected word and role", n + 1);
        };
        let value = cols.next().unwrap_or("");
        let num = || -> i8 {
            value
                .parse()
                .unwrap_or_else(|_| panic!("data/date_words.tsv:{}: bad number", n + 1))
        };
        let e = t.entry(w).or_default();
        match role {
            "month" => e.month = num(),
            "weekday" => e.weekday = num(),
            "unit" | "short-unit" => {
                e.unit = Some(unit_named(value).unwrap_or_else(|| {
                    panic!("data/date_words.tsv:{}: unknown unit {value}", n + 1)
                }));
                e.short_unit = role == "short-unit";
            }
            "ordinal" => e.ordinal = num() as u8,
            "number" => e.number = true,
            "kw" => {
                e.kw = kw_named(value).unwrap_or_else(|| {
                    panic!("data/date_words.tsv:{}: unknown keyword {value}", n + 1)
                })
            }
            "holiday" => {
                e.holiday = true;
                e.holiday_alone = value == "alone";
            }
            "part-of-day" => e.part_of_day = true,
            "hour" => e.hour = Some(num() as u8),
            "season" => e.season = num(),
            "future" => e.tense = 1,
            "past" => e.tense = -1,
            "report" => e.report = true,
            "ambiguous" => e.ambiguous = true,
            _ => panic!("data/date_words.tsv:{}: unknown role {role}", n + 1),
        }
    }
    for (w, lx) in t.iter_mut() {
        lx.known = true;
        let plural_unit = lx.unit.is_some() && w.len() > 3 && w.ends_with('s');
        let plural_day = lx.weekday > 0 && w.len() > 5 && w.ends_with('s');
        lx.plural = plural_unit || plural_day;
    }
    // Number words are the numeral reader's and vague quantities the number recognizer's;
    // marked here so one lookup per word serves every recognizer. They are not `known`:
    // on their own they start no date.
    for w in numeral::numeric_words().chain(number::numeric_words()) {
        t.entry(w).or_default().numeric = true;
    }
    for lx in t.values_mut() {
        lx.anchor = lx.anchors();
    }
    t
}

const WORDS: &str = include_str!("../../data/date_words.tsv");

fn unit_named(name: &str) -> Option<Unit> {
    Some(match name {
        "century" => Unit::Century,
        "decade" => Unit::Decade,
        "year" => Unit::Year,
        "month" => Unit::Month,
        "fortnight" => Unit::Fortnight,
        "week" => Unit::Week,
        "day" => Unit::Day,
        "night" => Unit::Night,
        "hour" => Unit::Hour,
        "minute" => Unit::Minute,
        "second" => Unit::Second,
        _ => return None,
    })
}

fn kw_named(name: &str) -> Option<Kw> {
    Some(match name {
        "today" => Kw::Today,
        "decade-age" => Kw::DecadeAge,
        "tonight" => Kw::Tonight,
        "tomorrow" => Kw::Tomorrow,
        "yesterday" => Kw::Yesterday,
        "now" => Kw::Now,
        "this" => Kw::This,
        "next" => Kw::Next,
        "last" => Kw::Last,
        "previous" => Kw::Previous,
        "past" => Kw::Past,
        "coming" => Kw::Coming,
        "upcoming" => Kw::Upcoming,
        "following" => Kw::Following,
        "current" => Kw::Current,
        "ago" => Kw::Ago,
        "from" => Kw::From,
        "after" => Kw::After,
        "before" => Kw::Before,
        "later" => Kw::Later,
        "earlier" => Kw::Earlier,
        "early" => Kw::Early,
        "mid" => Kw::Mid,
        "late" => Kw::Late,
        "in" => Kw::In,
        "on" => Kw::On,
        "of" => Kw::Of,
        "the" => Kw::The,
        "a" => Kw::A,
        "and" => Kw::And,
        "since" => Kw::Since,
        "for" => Kw::For,
        "half" => Kw::Half,
        "quarter" => Kw::Quarter,
        "couple" => Kw::Couple,
        "another" => Kw::Another,
        "all" => Kw::All,
        "full" => Kw::Full,
        "whole" => Kw::Whole,
        "old" => Kw::Old,
        "calendar" => Kw::Calendar,
        "cy" => Kw::Cy,
        "working" => Kw::Working,
        "workweek" => Kw::Workweek,
        "business" => Kw::Business,
        "time" => Kw::Time,
        "hence" => Kw::Hence,
        "recently" => Kw::Recently,
        "currently" => Kw::Currently,
        "future" => Kw::Future,
        "recent" => Kw::Recent,
        "fiscal" => Kw::Fiscal,
        "weekend" => Kw::Weekend,
        _ => return None,
    })
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
    /// For each token, the index of the first token at or after it that anchors a value
    /// (digits, an anchor word, "½"); `toks.len()` when there is none.
    next_anchor: Vec<u32>,
    /// Every token is tried as a start, however far from an anchor ([`Words::exhaustive`]).
    pub exhaustive: bool,
}

/// The buffers a [`Words`] is built in, kept from one line to the next so that a stream of
/// lines does not allocate them for each.
#[derive(Default)]
pub struct Buffers {
    low: String,
    lex: Vec<Lex>,
    next_anchor: Vec<u32>,
}

impl<'a> Words<'a> {
    pub fn new(line: &'a str, toks: &'a [Token]) -> Self {
        Self::build(line, toks, false, Buffers::default())
    }

    /// Words whose readers skip nothing: the reference that the skipping is tested against.
    pub fn exhaustive(line: &'a str, toks: &'a [Token]) -> Self {
        Self::build(line, toks, true, Buffers::default())
    }

    /// [`Words::new`] in buffers left by an earlier line ([`Words::into_buffers`]).
    pub fn new_in(line: &'a str, toks: &'a [Token], buffers: Buffers) -> Self {
        Self::build(line, toks, false, buffers)
    }

    /// The buffers, for the next line.
    pub fn into_buffers(self) -> Buffers {
        Buffers {
            low: self.low,
            lex: self.lex,
            next_anchor: self.next_anchor,
        }
    }

    fn build(line: &'a str, toks: &'a [Token], exhaustive: bool, buffers: Buffers) -> Self {
        let Buffers {
            mut low,
            mut lex,
            mut next_anchor,
        } = buffers;
        low.clear();
        low.push_str(line);
        low.make_ascii_lowercase();
        let table = table();
        lex.clear();
        lex.reserve(toks.len());
        let mut tense = Tense::default();
        let lb = low.as_bytes();
        for (i, t) in toks.iter().enumerate() {
            let (s, e) = (t.span.start, t.span.end);
            if t.kind != TokKind::Word || e - s > 15 {
                lex.push(Lex::default());
                if t.kind == TokKind::Word && !tense.past {
                    past_form(&low[s..e], &mut tense);
                }
                continue;
            }
            let wb = &lb[s..e];
            let n = wb.len();
            let mut lx = table.get_at(lb, s, n);
            // "Sunday's", "year’s": only words with an apostrophe before the final s.
            if lx.is_none()
                && n > 2
                && wb[n - 1] == b's'
                && (wb[n - 2] == b'\'' || n > 4 && wb[n - 4..n - 1] == *"\u{2019}".as_bytes())
            {
                lx = possessive(table, &low[s..e]);
            }
            let mut lx = lx.unwrap_or_default();
            // A short unit counts only glued to digits ("3y", "10d"): "this y" is no year.
            if lx.short_unit && (t.space_before || i == 0 || !toks[i - 1].is_num()) {
                lx.unit = None;
                lx.short_unit = false;
                lx.anchor = lx.anchors();
            }
            lex.push(lx);
            if lx.tense != 0 {
                tense.future |= lx.tense > 0;
                tense.past |= lx.tense < 0;
                continue;
            }
            if tense.past && tense.future || lx.known {
                continue;
            }
            // The checks below are ordered cheapest first: most words end in neither.
            let w = &low[s..e];
            match wb[n - 1] {
                b'd' if n >= 5 && wb[n - 2] == b'e' && !tense.past => {
                    // "will be sentenced", "has been released": a participle after an
                    // auxiliary says nothing of the time.
                    let prev = i
                        .checked_sub(1)
                        .map(|p| &low[toks[p].span.start..toks[p].span.end]);
                    if !prev.is_some_and(is_auxiliary) {
                        past_form(w, &mut tense);
                    }
                }
                b'l' if w.ends_with("'ll") || w.ends_with("\u{2019}ll") => tense.future = true,
                b'g' | b't'
                    if matches!(w, "going" | "set" | "about")
                        && toks.get(i + 1).is_some_and(|n| n.is(line, "to")) =>
                {
                    tense.future = true
                }
                _ => {}
            }
        }
        next_anchor.clear();
        next_anchor.resize(toks.len(), 0);
        let mut next = toks.len() as u32;
        for i in (0..toks.len()).rev() {
            let t = &toks[i];
            let anchors = match t.kind {
                TokKind::Num => true,
                TokKind::Word => anchors_as_written(
                    lex[i].anchor,
                    lex[i].ambiguous,
                    line.as_bytes()[t.span.start],
                ),
                // "½": a number in one character.
                TokKind::Punct => {
                    line.as_bytes()[t.span.start] >= 0x80
                        && t.text(line).chars().any(char::is_numeric)
                }
            };
            if anchors {
                next = i as u32;
            }
            next_anchor[i] = next;
        }
        Words {
            line,
            low,
            toks,
            lex,
            tense,
            next_anchor,
            exhaustive,
        }
    }

    /// The tense that governs token `i`, read from the words of its own clause: the
    /// nearest tense marker before it ("will meet on Friday", "was killed Friday"), else
    /// the nearest after it ("On Friday, talks will resume"). A verb of saying marks the
    /// time of the report, not of what is reported ("said it will pay Jan. 2"): it counts
    /// only right before the value ("said Friday") or when the clause has no other marker.
    /// A present auxiliary ("is calling for the redemption on Dec. 7") makes it neutral.
    /// This reads words, not a parse; the parse's governing verb can replace the search
    /// once it is available.
    pub fn tense_at(&self, i: usize) -> Tense {
        let sign = |m: i8| Tense {
            past: m < 0,
            future: m > 0,
        };
        // "Wednesday's ruling", "Sunday's election": a date that qualifies a noun is not
        // the time of the clause's verb.
        if self.lex(i).possessive {
            return Tense::default();
        }
        let (a, b) = self.clause_of(i);
        // A verb of saying just before the value: "said Friday", "announced on Friday".
        for k in (a..i).rev().take(2) {
            if let Some((m, true)) = self.marker(k) {
                return sign(m);
            }
        }
        let mut reported = 0;
        let mut infinitive = false;
        for k in (a..i).rev() {
            // "subpoenaed him to testify on Feb. 10": an infinitive between the verb and
            // the date has a time of its own, later than the verb's; a past verb then
            // says nothing of the date ("wants to pay in 3 years" is still the future).
            if self.low(k) == "to"
                && self.is_word(k + 1)
                && k + 1 < i
                && !self.lex(k + 1).known
                && !self.capital(k + 1)
            {
                infinitive = true;
            }
            match self.marker(k) {
                None => {}
                Some((m, true)) => reported = if reported == 0 { m } else { reported },
                Some((m, false)) if infinitive && m < 0 => return Tense::default(),
                Some((m, false)) => return sign(m),
            }
        }
        // After the value, the first marker is its clause's verb, a verb of saying too
        // ("In September, it announced plans to ...").
        for k in i + 1..b {
            if let Some((m, _)) = self.marker(k) {
                return sign(if reported != 0 && m == 0 { reported } else { m });
            }
        }
        sign(reported)
    }

    /// Tokens `a..b` of the clause that holds token `i`: cut at the end of a sentence, a
    /// semicolon, a quotation mark, or a word that opens a clause of its own.
    fn clause_of(&self, i: usize) -> (usize, usize) {
        let ends = |k: usize| -> bool {
            let t = &self.toks[k];
            if t.kind == TokKind::Word {
                // A relative, adverbial or reported clause has its own verb: "countries,
                // where the Aug. 7 blasts killed 257", "the man who was arrested Friday",
                // "signals Sunday that Israel wants to withdraw".
                return matches!(
                    self.low(k),
                    "where"
                        | "which"
                        | "who"
                        | "whom"
                        | "whose"
                        | "while"
                        | "although"
                        | "whereas"
                        | "because"
                        | "but"
                        | "that"
                        | "when"
                        | "whether"
                        | "if"
                );
            }
            if t.kind != TokKind::Punct {
                return false;
            }
            match self.line.as_bytes()[t.span.start] {
                // Quotation marks: a quote has its speaker's tense, not the report's.
                b';' | b'"' | b'`' => true,
                // "Will he be back in two days? or in a week?" goes on after a small letter.
                b'!' | b'?' => self
                    .toks
                    .get(k + 1)
                    .is_none_or(|n| !self.line.as_bytes()[n.span.start].is_ascii_lowercase()),
                b'\'' => self.is_p(k + 1, '\'') || k > 0 && self.is_p(k - 1, '\''),
                0xE2 => matches!(t.text(self.line), "\u{201C}" | "\u{201D}"),
                b':' => !(self.is_num(k + 1) && self.glued(k + 1)),
                // A full stop, not an abbreviation's dot ("Jan. 14", "Mr. Smith", "U.S."):
                // a word of four letters or more, or a number, before; a capital after.
                b'.' => {
                    k > 0
                        && (self.low(k - 1).len() >= 4 && self.is_word(k - 1) || self.is_num(k - 1))
                        && self.glued(k)
                        && self.toks.get(k + 1).is_none_or(|n| {
                            n.space_before
                                && self.line.as_bytes()[n.span.start].is_ascii_uppercase()
                        })
                }
                _ => false,
            }
        };
        // A clause longer than this is read in part: the nearest markers are what
        // counts, and a bound keeps a long line without stops linear.
        const REACH: usize = 40;
        let mut a = i;
        while a > 0 && i - a < REACH && !ends(a - 1) {
            a -= 1;
        }
        let mut b = i + 1;
        while b < self.toks.len() && b - i < REACH && !ends(b) {
            b += 1;
        }
        (a, b)
    }

    /// The tense token `k` marks, if it marks one: 1 future, -1 past, 0 present; and
    /// whether it is a verb of saying. The cues of the line's tense (the word table,
    /// regular past forms, "'ll", "going to"), read with their neighbours: a participle
    /// after an auxiliary ("will be paid") marks nothing, "plans to", "is to" the future.
    fn marker(&self, k: usize) -> Option<(i8, bool)> {
        let lx = self.lex[k];
        let w = self.low(k);
        let to = self.low(k + 1) == "to";
        match w {
            // "plans to", "expects to" speak of the future; "the plan", "a planned attack",
            // "the hope" do not.
            "plan" | "plans" | "planned" | "planning" | "want" | "wants" | "wanted" | "expect"
            | "expects" | "intend" | "intends" | "hope" | "hopes" | "aim" | "aims" => {
                return to.then_some((1, false));
            }
            // "is to resume trading Tuesday"
            "is" | "are" | "am" if to => return Some((1, false)),
            "is" | "are" | "am" => return Some((0, false)),
            _ => {}
        }
        let after_aux = k > 0 && is_auxiliary(self.low(k - 1));
        if lx.tense != 0 || lx.report {
            if lx.tense < 0 && after_aux && !lx.report {
                return None;
            }
            return Some((lx.tense, lx.report));
        }
        if lx.known || !self.is_word(k) {
            return None;
        }
        if w.len() >= 5 && w.ends_with("ed") {
            // An adjective, not a verb: "a still unspecified date", "the proposed merger",
            // "unexpected".
            let det = |j: usize| matches!(self.low(j), "a" | "an" | "the" | "its" | "their");
            let adverb = |j: usize| self.low(j) == "still" || self.low(j).ends_with("ly");
            if k > 0 && det(k - 1) || k > 1 && adverb(k - 1) && det(k - 2) {
                return None;
            }
            let mut t = Tense::default();
            past_form(w, &mut t);
            return (t.past && !after_aux).then_some((-1, false));
        }
        if w.ends_with("'ll") || w.ends_with("\u{2019}ll") {
            return Some((1, false));
        }
        if matches!(w, "going" | "set" | "about") && to {
            return Some((1, false));
        }
        None
    }

    /// The first token at or after `i` where a value may start, if values have at most
    /// `lead` tokens before their first anchor: "the" in "the second week" may start one,
    /// "the" in "the soldiers said" may not. `len()` when no value can start.
    #[inline]
    pub fn skip_to(&self, i: usize, lead: usize) -> usize {
        match self.next_anchor.get(i) {
            Some(_) if self.exhaustive => i,
            Some(&a) => i.max((a as usize).saturating_sub(lead)),
            None => self.toks.len(),
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Token `i` can start a date, duration or time: digits, a known word, or an
    /// apostrophe ("'90s"). The recognizers skip every other token at once.
    #[inline]
    pub fn may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            TokKind::Num => true,
            TokKind::Word => self.lex[i].known,
            TokKind::Punct => matches!(self.low.as_bytes()[t.span.start], b'\'' | 0xE2 | 0xC2),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// A hedge right before token `i` makes the value after it approximate: "about six
    /// years", "around 2020", "nearly three months", "circa 1500".
    pub fn hedged(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.low(i - 1),
                "about"
                    | "around"
                    | "circa"
                    | "approximately"
                    | "roughly"
                    | "nearly"
                    | "almost"
                    | "some"
                    | "approx"
                    | "c"
                    | "ca"
            )
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

    /// Where a value ending with token `i` ends: before a possessive "'s" ("Sunday's
    /// election" gives "Sunday").
    pub fn value_end(&self, i: usize) -> usize {
        let end = self.end(i);
        if !self.lex(i).possessive {
            return end;
        }
        let w = self.low(i);
        end - if w.ends_with("\u{2019}s") { 4 } else { 2 }
    }

    /// A hyphen or dash joins tokens `i - 1` and `i + 1` ("mid-2023", "12-year-old").
    pub fn is_dash(&self, i: usize) -> bool {
        self.is_p(i, '-') || self.is_p(i, '\u{2010}') || self.is_p(i, '\u{2011}')
    }
}

/// "Sunday's", "this year's", "January’s": the stem's reading, for the words dates are
/// made of.
fn possessive(table: &WordTable<Lex>, w: &str) -> Option<Lex> {
    let stem = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))?;
    let mut lx = table.get_at(stem.as_bytes(), 0, stem.len())?;
    // A weekday's abbreviation is never made possessive in a date: "Sun's results" is the
    // company's, "Sunday's" the day's.
    if lx.ambiguous && lx.weekday > 0 {
        return None;
    }
    let useful = lx.month > 0
        || lx.weekday > 0 && !lx.plural
        || lx.unit.is_some() && !lx.plural && !lx.short_unit
        || matches!(
            lx.kw,
            Kw::Today | Kw::Tomorrow | Kw::Yesterday | Kw::Tonight
        );
    if !useful {
        return None;
    }
    lx.possessive = true;
    lx.ambiguous = false;
    lx.kw = match lx.kw {
        k @ (Kw::Today | Kw::Tomorrow | Kw::Yesterday | Kw::Tonight) => k,
        _ => Kw::None,
    };
    lx.ordinal = 0;
    lx.number = false;
    lx.numeric = false;
    lx.holiday = false;
    lx.holiday_alone = false;
    lx.anchor = lx.anchors();
    Some(lx)
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
                | "preferred"
                | "limited"
                | "proposed"
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
    fn table_finds_every_word_it_holds() {
        let t = table();
        for (w, lx) in build() {
            assert_eq!(t.get(w.as_bytes()), Some(lx), "{w}");
        }
        assert_eq!(t.get(b"niger"), None);
    }

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
