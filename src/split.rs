//! Stage 2, split: a source's text in, [`Sentence`]s out: trimmed byte spans of the text, in
//! reading order, never overlapping, never empty, and together covering every non-whitespace
//! character of the text.
//!
//! One pass over the bytes, linear in the text, looking only at the bytes that can end a
//! sentence or start a segment (`.`, `!`, `?`, `…`, line breaks, bullets). What counts:
//!
//! - **Blocks.** A blank line (or U+2029) always ends a segment, so a headline, date line or
//!   byline set off by blank lines is a segment of its own even with no final period. A single
//!   line break is hard wrapping and ends nothing, unless the next line starts a list item
//!   (`•`, `-`, `*`, `1.`, `2)`, `a.` in sequence).
//! - **`!` and `?`** (also doubled, `?!`) end a sentence when whitespace and a capital letter,
//!   a digit, a name such as "eBay", or an opening quote/parenthesis before one of these follow;
//!   a lowercase word ("Yahoo! in", "now?” asked") or a dash ("power? — dominates") continues it.
//! - **`.`** depends on the token before it:
//!   - a word, number, URL or e-mail address ends the sentence before a capital, a digit or an
//!     opening quote/parenthesis, and before a lowercase word with an inner capital ("eBay");
//!   - a known abbreviation (`data/abbreviations.txt`) or a dotted one (`U.S.`, `Ph.D.`) ends it
//!     only before a sentence-starting word (`data/sentence_starters.txt`): "by the U.S. The
//!     French" ends, "the U.S. Government" and "Aug. 3" do not; titles ("Gen.", "Mr.") never do;
//!   - a clock time ("p.m.") ends it before a capitalized word that is not a day, month or time
//!     zone (`data/time_words.txt`), unless the time opens the sentence ("At 5 a.m. Mr. Smith");
//!   - a single capital is an initial ("John F. Kerry", "J. R. R. Tolkien") and ends a sentence
//!     only before a sentence-starting word ("Plan B. The"), except the pronoun "I" after a
//!     lowercase word, which ends like a plain word ("you and I. Did");
//!   - a single lowercase letter ("p. 55") never ends one.
//! - **Closing quotes and brackets** after the mark stay with the sentence (`irreversible.”`).
//! - **Ellipses**: `...`/`…` written against a word end a sentence before a capital; a spaced
//!   `. . .` does not unless it has a fourth (final) period; `word. . . . Next` ends after `word.`
//!   and the ellipsis opens the next sentence; `[...]` marks an omission and ends nothing.
//! - **Lists**: a segment that opens with a marker (`1.`, `2.)`, `3)`, `a.`, optionally after a
//!   bullet) expects the next marker in sequence, which then starts a new item even mid-line;
//!   a bullet after whitespace always does.
//! - **Inserts**: a segment that opens with `(` (an "(RELATED: ...)" insert, a parenthesized
//!   sentence) ends at its closing `)` when a new sentence follows.
//! - **No space**: "world.Today" and "1,000.That" split where a word or whole number meets a
//!   capitalized word, unless the token is a URL, e-mail address, path or dotted name.
//!
//! Word lists are data (`data/*.txt`, embedded at build time), not code.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;

use crate::span::Span;

/// A sentence: a byte range of its source's text, trimmed of surrounding whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
}

impl Sentence {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        self.span.slice(source)
    }
}

/// Splits `text` into sentences in reading order.
pub fn split(text: &str) -> Vec<Sentence> {
    Splitter::new(text).run()
}

// ---------------------------------------------------------------------------------------------
// Word lists

/// What an abbreviation lets follow its period (see `data/abbreviations.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AbbrevClass {
    Title,
    Inner,
    Number,
    Month,
    Time,
    General,
}

struct Lexicon {
    /// Keyed without the final period: "Gen", "e.g", "a.m".
    abbrevs: HashMap<&'static str, AbbrevClass>,
    /// Sentence-starting words; `true` for prepositions that open a fronted time phrase.
    starters: HashMap<&'static str, bool>,
    /// Capitalized words that continue a sentence after a clock time (days, months, zones).
    time_words: HashSet<&'static str>,
}

const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
const STARTERS: &str = include_str!("../data/sentence_starters.txt");
const TIME_WORDS: &str = include_str!("../data/time_words.txt");

/// Data lines: blank lines and `#` comments skipped, the rest split on whitespace.
fn data_lines(data: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    data.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split_whitespace().collect::<Vec<_>>()))
        .filter(|(_, f)| f.first().is_some_and(|w| !w.starts_with('#')))
}

impl Lexicon {
    /// Parses the embedded lists. They are part of the program, so a malformed line is a build
    /// defect (caught by the unit tests), reported with its line number.
    fn parse() -> Result<Lexicon, String> {
        let mut abbrevs = HashMap::new();
        for (line, f) in data_lines(ABBREVIATIONS) {
            let (Some(word), Some(class), None) = (f.first(), f.get(1), f.get(2)) else {
                return Err(format!(
                    "abbreviations.txt:{line}: expected `ABBREV. CLASS`"
                ));
            };
            let Some(key) = word.strip_suffix('.') else {
                return Err(format!(
                    "abbreviations.txt:{line}: `{word}` lacks its final period"
                ));
            };
            let class = match *class {
                "title" => AbbrevClass::Title,
                "inner" => AbbrevClass::Inner,
                "number" => AbbrevClass::Number,
                "month" => AbbrevClass::Month,
                "time" => AbbrevClass::Time,
                "general" => AbbrevClass::General,
                other => return Err(format!("abbreviations.txt:{line}: unknown class `{other}`")),
            };
            abbrevs.insert(key, class);
        }
        let mut starters = HashMap::new();
        for (line, f) in data_lines(STARTERS) {
            let prep = match f.get(1..) {
                Some([]) => false,
                Some(["prep"]) => true,
                _ => {
                    return Err(format!(
                        "sentence_starters.txt:{line}: expected `WORD [prep]`"
                    ));
                }
            };
            starters.insert(f[0], prep);
        }
        let mut time_words = HashSet::new();
        for (line, f) in data_lines(TIME_WORDS) {
            let [word] = f[..] else {
                return Err(format!("time_words.txt:{line}: expected one word"));
            };
            time_words.insert(word);
        }
        Ok(Lexicon {
            abbrevs,
            starters,
            time_words,
        })
    }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse().unwrap_or_else(|e| panic!("embedded word list: {e}")))
}

// ---------------------------------------------------------------------------------------------
// Byte-level character classes (the text is valid UTF-8; multi-byte checks look at whole chars)

/// Length of the whitespace character starting at `p` (Rust's `char::is_whitespace`, the same
/// set [`Span::trim`] uses), or 0.
fn ws_len_at(b: &[u8], p: usize) -> usize {
    match b.get(p) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => 1,
        Some(0xC2) if matches!(b.get(p + 1), Some(0x85 | 0xA0)) => 2,
        Some(0xE1) if b.get(p + 1) == Some(&0x9A) && b.get(p + 2) == Some(&0x80) => 3,
        Some(0xE2) => match (b.get(p + 1), b.get(p + 2)) {
            (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F)) => 3,
            _ => 0,
        },
        Some(0xE3) if b.get(p + 1) == Some(&0x80) && b.get(p + 2) == Some(&0x80) => 3,
        _ => 0,
    }
}

/// Length of the whitespace character ending just before `p`, or 0.
fn ws_len_before(b: &[u8], p: usize) -> usize {
    if p == 0 {
        return 0;
    }
    if ws_len_at(b, p - 1) == 1 {
        return 1;
    }
    if p >= 2 && ws_len_at(b, p - 2) == 2 {
        return 2;
    }
    if p >= 3 && ws_len_at(b, p - 3) == 3 {
        return 3;
    }
    0
}

/// Length of a line break at `p`: LF, CR, CRLF, U+2028 or U+2029; 0 if none.
fn line_break_len(b: &[u8], p: usize) -> usize {
    match b.get(p) {
        Some(b'\n') => 1,
        Some(b'\r') => 1 + usize::from(b.get(p + 1) == Some(&b'\n')),
        Some(0xE2) if b.get(p + 1) == Some(&0x80) && matches!(b.get(p + 2), Some(0xA8 | 0xA9)) => 3,
        _ => 0,
    }
}

/// Length of the closing quote or bracket at `p` that may follow a sentence's final mark.
fn closer_len(b: &[u8], p: usize) -> usize {
    match b.get(p) {
        Some(b'"' | b'\'' | b')' | b']') => 1,
        // ” ’ ›
        Some(0xE2)
            if b.get(p + 1) == Some(&0x80) && matches!(b.get(p + 2), Some(0x9D | 0x99 | 0xBA)) =>
        {
            3
        }
        // »
        Some(0xC2) if b.get(p + 1) == Some(&0xBB) => 2,
        _ => 0,
    }
}

/// Length of the opening quote or bracket at `p` that may precede a sentence's first word.
fn opener_len(b: &[u8], p: usize) -> usize {
    match b.get(p) {
        Some(b'"' | b'\'' | b'(' | b'[') => 1,
        // “ ‘ ‹ (’ too: it opens an elided year such as ’70s)
        Some(0xE2)
            if b.get(p + 1) == Some(&0x80)
                && matches!(b.get(p + 2), Some(0x9C | 0x98 | 0xB9 | 0x99)) =>
        {
            3
        }
        // « ¿ ¡
        Some(0xC2) if matches!(b.get(p + 1), Some(0xAB | 0xBF | 0xA1)) => 2,
        _ => 0,
    }
}

/// Length of a bullet character at `p`: • ‣ ⁃ ◦ ▪ ● ∙; 0 if none. ASCII `-`, `*`, `+` are
/// bullets only at a line start and are handled there.
fn bullet_len(b: &[u8], p: usize) -> usize {
    match (b.get(p), b.get(p + 1), b.get(p + 2)) {
        (Some(0xE2), Some(0x80), Some(0xA2 | 0xA3))
        | (Some(0xE2), Some(0x81), Some(0x83))
        | (Some(0xE2), Some(0x97), Some(0xA6 | 0x8F))
        | (Some(0xE2), Some(0x96), Some(0xAA))
        | (Some(0xE2), Some(0x88), Some(0x99)) => 3,
        _ => 0,
    }
}

fn is_ellipsis_char(b: &[u8], p: usize) -> bool {
    b.get(p) == Some(&0xE2) && b.get(p + 1) == Some(&0x80) && b.get(p + 2) == Some(&0xA6)
}

/// Currency signs that may open a sentence like a digit: $ € £ ¥ ₦ ₹.
fn currency_len(b: &[u8], p: usize) -> usize {
    match (b.get(p), b.get(p + 1), b.get(p + 2)) {
        (Some(b'$'), _, _) => 1,
        (Some(0xC2), Some(0xA3 | 0xA5), _) => 2,
        (Some(0xE2), Some(0x82), Some(0xAC | 0xA6 | 0xB9)) => 3,
        _ => 0,
    }
}

/// The char starting at byte `p` of `text` (a char boundary).
fn char_at(text: &str, p: usize) -> Option<char> {
    text.get(p..).and_then(|s| s.chars().next())
}

// ---------------------------------------------------------------------------------------------
// List markers

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MarkerValue {
    Num(u32),
    Alpha(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MarkerStyle {
    /// `1.`
    Dot,
    /// `1)`
    Paren,
    /// `1.)`
    DotParen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    value: MarkerValue,
    style: MarkerStyle,
}

impl Marker {
    fn next(self) -> Option<Marker> {
        let value = match self.value {
            MarkerValue::Num(n) if n < 99 => MarkerValue::Num(n + 1),
            MarkerValue::Alpha(c) if c < b'z' => MarkerValue::Alpha(c + 1),
            _ => return None,
        };
        Some(Marker { value, ..self })
    }

    /// The first byte of the marker as written, to watch for in the text.
    fn first_byte(self) -> u8 {
        match self.value {
            MarkerValue::Num(n) => n.to_string().as_bytes()[0],
            MarkerValue::Alpha(c) => c,
        }
    }

    /// Whether this marker can open a list, or follows `prev` in one.
    fn continues(self, prev: Option<Marker>) -> bool {
        match self.value {
            MarkerValue::Num(1) | MarkerValue::Alpha(b'a') => true,
            _ => prev
                .and_then(Marker::next)
                .is_some_and(|m| m.value == self.value),
        }
    }
}

/// A list marker at `p` (`12.`, `3)`, `4.)`, `b.`) followed by whitespace: the marker and the
/// byte after it.
fn parse_marker(b: &[u8], p: usize) -> Option<(Marker, usize)> {
    let mut q = p;
    let value = match b.get(p)? {
        c if c.is_ascii_digit() => {
            while q < b.len() && b[q].is_ascii_digit() && q - p < 3 {
                q += 1;
            }
            if q - p > 2 {
                return None;
            }
            // Two ASCII digits at most: the parse cannot fail.
            MarkerValue::Num(std::str::from_utf8(&b[p..q]).ok()?.parse().ok()?)
        }
        c if c.is_ascii_lowercase() => {
            q += 1;
            MarkerValue::Alpha(*c)
        }
        _ => return None,
    };
    let style = match (b.get(q), b.get(q + 1)) {
        (Some(b'.'), Some(b')')) => MarkerStyle::DotParen,
        (Some(b'.'), _) => MarkerStyle::Dot,
        (Some(b')'), _) => MarkerStyle::Paren,
        _ => return None,
    };
    let end = q + if style == MarkerStyle::DotParen { 2 } else { 1 };
    (ws_len_at(b, end) > 0).then_some((Marker { value, style }, end))
}

// ---------------------------------------------------------------------------------------------
// The token after a candidate boundary

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NextKind {
    /// Capitalized word.
    Upper,
    /// Lowercase word with a capital inside ("eBay", "iPhone"): a name, may open a sentence.
    Camel,
    Lower,
    /// A digit or currency sign.
    Digit,
    /// Anything else: a dash, bullet, symbol.
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Next<'a> {
    kind: NextKind,
    /// The run of letters of the first word, after any opening quotes or brackets.
    word: &'a str,
    /// The word is directly followed by a period (an abbreviation such as "Mr.").
    word_dot: bool,
    /// The word is followed by " time" ("Moscow time").
    word_time: bool,
}

impl Next<'_> {
    /// A capital, digit or capitalized name: what may open a sentence after a plain word.
    fn opens(&self) -> bool {
        matches!(
            self.kind,
            NextKind::Upper | NextKind::Camel | NextKind::Digit
        )
    }

    /// A sentence-starting function word ("The", "He", "How"), not an abbreviation itself.
    fn is_starter(&self) -> bool {
        self.kind == NextKind::Upper && !self.word_dot && lexicon().starters.contains_key(self.word)
    }

    /// A capitalized word that may go on a sentence after a clock time: a day, a month, a
    /// time zone, or a place before "time".
    fn continues_time(&self) -> bool {
        self.kind != NextKind::Upper || self.word_time || lexicon().time_words.contains(self.word)
    }
}

fn classify_next(text: &str, k: usize) -> Next<'_> {
    let b = text.as_bytes();
    let mut p = k;
    while opener_len(b, p) > 0 {
        p += opener_len(b, p);
    }
    let word_end = text[p..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(i, _)| p + i);
    let word = &text[p..word_end];
    let kind = match char_at(text, p) {
        None => NextKind::Other,
        Some(c) if c.is_uppercase() => NextKind::Upper,
        Some(c) if c.is_lowercase() => {
            if word.chars().skip(1).any(char::is_uppercase) {
                NextKind::Camel
            } else {
                NextKind::Lower
            }
        }
        Some(c) if c.is_ascii_digit() || currency_len(b, p) > 0 => NextKind::Digit,
        Some(_) => NextKind::Other,
    };
    Next {
        kind,
        word,
        word_dot: b.get(word_end) == Some(&b'.'),
        word_time: text[word_end..].starts_with(" time"),
    }
}

// ---------------------------------------------------------------------------------------------
// The token before a period

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prev {
    /// A word, URL, e-mail address, a number, or nothing: ends before anything that opens.
    Plain,
    /// A single capital letter; `true` if the word before it is capitalized (a name).
    Initial(char, bool),
    /// A single lowercase letter ("p.", "v."): an abbreviation.
    LowerLetter,
    Abbrev(AbbrevClass),
}

/// Whether `word` (without its final period) is an abbreviation that keeps its period as part
/// of the word: a listed one ("Gen", "Sept") or a dotted one ("U.S", "a.m").
pub fn is_abbreviation(word: &str) -> bool {
    lexicon().abbrevs.contains_key(word) || is_dotted(word)
}

/// Longest token looked at behind a period; a longer one (a URL, say) is a plain word.
const MAX_TOKEN: usize = 64;

/// Whether `tok` is a dotted abbreviation: parts of one or two ASCII letters joined by periods,
/// at least one part a single letter ("U.S", "a.m", "Ph.D", "D.C").
fn is_dotted(tok: &str) -> bool {
    let mut parts = 0;
    let mut single = false;
    for part in tok.split('.') {
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        parts += 1;
        single |= part.len() == 1;
    }
    parts >= 2 && single
}

/// Whether `tok` is a number as written: optional currency sign, digits with `,` `.` `:` inside.
fn is_number(tok: &str) -> bool {
    let b = tok.as_bytes();
    let start = currency_len(b, 0);
    let digits = &b[start..];
    digits.last().is_some_and(u8::is_ascii_digit)
        && digits.first().is_some_and(u8::is_ascii_digit)
        && digits
            .iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b':'))
}

// ---------------------------------------------------------------------------------------------
// The splitter

const NONE: usize = usize::MAX;

struct Splitter<'a> {
    text: &'a str,
    b: &'a [u8],
    out: Vec<Sentence>,
    /// Start of the segment being built (untrimmed).
    seg_start: usize,
    /// Next position of each kind of byte that may end a sentence or start a segment, found
    /// with `memchr` and kept until the scan passes it, so each byte is searched once.
    next_common: usize,
    next_rare: usize,
    next_list: usize,
    /// The marker that would start the next item of an inline list, and the byte watched for it.
    list_next: Option<Marker>,
    list_byte: Option<u8>,
    /// The last list marker seen, to accept a numbered line only in sequence.
    last_marker: Option<Marker>,
    /// Byte after the `)` closing a segment-opening insert, where a boundary goes; NONE if unset.
    forced: usize,
}

impl<'a> Splitter<'a> {
    fn new(text: &'a str) -> Self {
        Splitter {
            text,
            b: text.as_bytes(),
            out: Vec::with_capacity(text.len() / 128 + 1),
            seg_start: 0,
            next_common: 0,
            next_rare: 0,
            next_list: NONE,
            list_next: None,
            list_byte: None,
            last_marker: None,
            forced: NONE,
        }
    }

    fn run(mut self) -> Vec<Sentence> {
        let n = self.b.len();
        let mut i = self.start_segment(0);
        while i < n {
            if i > self.forced {
                self.forced = NONE;
            }
            i = self.next_interesting(i).min(self.forced);
            if i == self.forced {
                self.cut(i, i);
                i = self.start_segment(i);
                continue;
            }
            if i >= n {
                break;
            }
            i = match self.b[i] {
                b'\n' | b'\r' => self.line_break(i),
                b'.' | b'!' | b'?' => self.terminator(i),
                0xE2 => self.e2(i),
                _ => self.inline_marker(i),
            };
        }
        self.cut(n, n);
        self.out
    }

    /// The first byte at or after `from` that needs a look: `.` `!` `?` a line break, the lead
    /// byte 0xE2 of `…`, bullets and Unicode separators, or the next inline list marker.
    fn next_interesting(&mut self, from: usize) -> usize {
        let b = self.b;
        let find = |pos: Option<usize>| pos.map_or(b.len(), |o| from + o);
        if self.next_common < from {
            self.next_common = find(memchr::memchr3(b'.', b'\n', 0xE2, &b[from..]));
        }
        if self.next_rare < from {
            self.next_rare = find(memchr::memchr3(b'!', b'?', b'\r', &b[from..]));
        }
        let mut next = self.next_common.min(self.next_rare);
        if let Some(byte) = self.list_byte {
            if self.next_list < from {
                self.next_list = find(memchr::memchr(byte, &b[from..]));
            }
            next = next.min(self.next_list);
        }
        next
    }

    /// Ends the current segment at `end` (pushing it if it holds anything but whitespace) and
    /// starts the next at `next`.
    fn cut(&mut self, end: usize, next: usize) {
        let span = Span::new(self.seg_start, end).trim(self.text);
        if !span.is_empty() {
            self.out.push(Sentence { span });
        }
        self.seg_start = next;
        self.forced = NONE;
    }

    fn set_list(&mut self, next: Option<Marker>) {
        if next.is_none() && self.list_next.is_none() {
            return;
        }
        self.list_next = next;
        self.list_byte = next.map(Marker::first_byte);
        // A new byte to watch: search for it afresh.
        self.next_list = 0;
    }

    /// Looks at how the segment starting at `at` opens: a bullet, a list marker, or an insert
    /// in parentheses. Returns where scanning resumes.
    fn start_segment(&mut self, at: usize) -> usize {
        let b = self.b;
        let mut p = at;
        loop {
            let w = ws_len_at(b, p);
            if w == 0 {
                break;
            }
            p += w;
        }
        // Trimmed here once, so later looks at "the segment so far" never rescan whitespace.
        self.seg_start = p;
        if b.get(p) == Some(&b'(') {
            self.find_insert_end(p);
            return p;
        }
        let mut q = p;
        let bullet = bullet_len(b, q);
        let ascii_bullet = matches!(b.get(q), Some(b'-' | b'*' | b'+')) && ws_len_at(b, q + 1) > 0;
        if bullet > 0 || ascii_bullet {
            q += bullet.max(1);
            while matches!(b.get(q), Some(b' ' | b'\t')) {
                q += 1;
            }
        }
        match parse_marker(b, q) {
            // A lone letter opens an inline list only as "a." or in sequence, so an initial
            // opening a sentence ("J. Smith") is not taken for a marker.
            Some((m, end))
                if matches!(m.value, MarkerValue::Num(_)) || m.continues(self.last_marker) =>
            {
                self.last_marker = Some(m);
                self.set_list(m.next());
                end
            }
            _ => q,
        }
    }

    /// For a segment opening with `(` at `p`: if its closing `)` is near, on the same line, and
    /// followed by whitespace and an opening word, the insert is a segment of its own.
    fn find_insert_end(&mut self, p: usize) {
        const MAX_INSERT: usize = 400;
        let b = self.b;
        let stop = (p + MAX_INSERT).min(b.len());
        let mut depth = 0usize;
        for q in p..stop {
            match b[q] {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        let w = ws_len_at(b, q + 1);
                        if w > 0 && line_break_len(b, q + 1) == 0 {
                            let mut k = q + 1;
                            while ws_len_at(b, k) > 0 && line_break_len(b, k) == 0 {
                                k += ws_len_at(b, k);
                            }
                            let next = classify_next(self.text, k);
                            if next.opens() {
                                self.forced = q + 1;
                            }
                        }
                        return;
                    }
                }
                b'\n' => return,
                _ => {}
            }
        }
    }

    /// A line break at `i`: a blank line ends the segment; so does a next line that starts a
    /// list item. Any other line break is hard wrapping.
    fn line_break(&mut self, i: usize) -> usize {
        let b = self.b;
        let len = line_break_len(b, i);
        // CR LF: handled once, at the LF.
        if len == 2 {
            return i + 1;
        }
        let is_para = b[i] == 0xE2 && b[i + 2] == 0xA9;
        let mut j = i + len;
        loop {
            let w = ws_len_at(b, j);
            if w == 0 || line_break_len(b, j) > 0 {
                break;
            }
            j += w;
        }
        if is_para || line_break_len(b, j) > 0 {
            self.cut(i, j);
            self.set_list(None);
            return self.start_segment(j);
        }
        if self.line_starts_item(j) {
            self.cut(i, j);
            return self.start_segment(j);
        }
        i + len
    }

    /// Whether a line starting at `j` (after its indentation) is a list item.
    fn line_starts_item(&self, j: usize) -> bool {
        let b = self.b;
        if bullet_len(b, j) > 0 {
            return true;
        }
        if matches!(b.get(j), Some(b'-' | b'*' | b'+'))
            && matches!(b.get(j + 1), Some(b' ' | b'\t'))
        {
            return true;
        }
        parse_marker(b, j).is_some_and(|(m, _)| m.continues(self.last_marker))
    }

    /// A byte 0xE2 at `i`: an ellipsis, a bullet, a line or paragraph separator, or (mostly)
    /// a quote or dash that needs nothing.
    fn e2(&mut self, i: usize) -> usize {
        let b = self.b;
        if is_ellipsis_char(b, i) {
            return self.terminator(i);
        }
        if line_break_len(b, i) > 0 {
            return self.line_break(i);
        }
        let bullet = bullet_len(b, i);
        if bullet > 0 && ws_len_before(b, i) > 0 && self.has_content(i) {
            self.cut(i, i);
            return self.start_segment(i);
        }
        i + 1
    }

    /// Whether the current segment holds anything but whitespace before `i`.
    fn has_content(&self, i: usize) -> bool {
        !self.text[self.seg_start..i].trim_start().is_empty()
    }

    /// The byte watched for the next inline list marker, at `i`.
    fn inline_marker(&mut self, i: usize) -> usize {
        if let Some(expected) = self.list_next
            && ws_len_before(self.b, i) > 0
            && parse_marker(self.b, i).is_some_and(|(m, _)| m == expected)
            && self.has_content(i)
        {
            self.cut(i, i);
            return self.start_segment(i);
        }
        i + 1
    }

    /// A sentence-ending mark at `i` (`.`, `!`, `?`, `…`): gathers the whole cluster (`?!`,
    /// `...`, `. . .`, closing quotes) and decides whether the sentence ends after it.
    fn terminator(&mut self, i: usize) -> usize {
        let b = self.b;
        let n = b.len();
        let mut j = i;
        let mut dots = 0u32;
        let mut strong = false;
        let mut ellipsis = false;
        let mut spaced = false;
        while j < n {
            match b[j] {
                b'.' => {
                    dots += 1;
                    j += 1;
                }
                b'!' | b'?' => {
                    strong = true;
                    j += 1;
                }
                b' ' if dots > 0 && b[j - 1] == b'.' && b.get(j + 1) == Some(&b'.') => {
                    spaced = true;
                    j += 1;
                }
                _ if is_ellipsis_char(b, j) => {
                    ellipsis = true;
                    j += 3;
                }
                _ => break,
            }
        }
        while closer_len(b, j) > 0 {
            j += closer_len(b, j);
        }
        let end = j;

        // "[...]" marks an omission.
        if i > 0 && b[i - 1] == b'[' && (dots >= 2 || ellipsis) {
            return end;
        }
        if end >= n {
            return end;
        }
        if ws_len_at(b, end) == 0 {
            if dots == 1 && !strong && !ellipsis && end == i + 1 && self.no_space_boundary(i) {
                self.cut(i + 1, i + 1);
                return self.start_segment(i + 1).max(i + 1);
            }
            return end;
        }
        // The whitespace after the cluster; a blank line there is left to `line_break`.
        let mut k = end;
        let mut breaks = 0;
        loop {
            let lb = line_break_len(b, k);
            if lb > 0 {
                breaks += 1;
                if breaks == 2 {
                    return end;
                }
                k += lb;
                continue;
            }
            let w = ws_len_at(b, k);
            if w == 0 {
                break;
            }
            k += w;
        }
        if k >= n {
            return end;
        }
        let next = classify_next(self.text, k);

        let split_at = if strong {
            next.opens().then_some(end)
        } else if dots >= 2 || ellipsis {
            self.ellipsis_boundary(i, end, dots, spaced, ellipsis, &next)
        } else {
            self.period_boundary(i, &next).then_some(end)
        };
        match split_at {
            Some(at) => {
                self.cut(at, at);
                self.start_segment(at).max(end)
            }
            None => end,
        }
    }

    /// Where an ellipsis cluster starting at `i` (closers included, to `end`) ends a sentence,
    /// if it does.
    fn ellipsis_boundary(
        &self,
        i: usize,
        end: usize,
        dots: u32,
        spaced: bool,
        ellipsis: bool,
        next: &Next,
    ) -> Option<usize> {
        let b = self.b;
        let attached = i > 0 && ws_len_before(b, i) == 0;
        if !next.opens() {
            return None;
        }
        if !attached {
            // " . . . I meant" continues; " . . . . Next" has a final period.
            return (dots >= 4 && !ellipsis).then_some(end);
        }
        if spaced && dots >= 4 && b[i + 1] == b' ' {
            // "word. . . . Next": the period ends the sentence, the ellipsis opens the next.
            return Some(i + 1);
        }
        Some(end)
    }

    /// Whether a single period at `i` followed by `next` ends the sentence.
    fn period_boundary(&self, i: usize, next: &Next) -> bool {
        match self.prev_token(i) {
            Prev::Plain => next.opens(),
            Prev::Initial('I', false) => next.opens(),
            Prev::Initial(..) => next.is_starter(),
            Prev::LowerLetter => false,
            Prev::Abbrev(AbbrevClass::Title | AbbrevClass::Inner) => false,
            Prev::Abbrev(AbbrevClass::Time) => {
                !next.continues_time() && !self.fronted_time_phrase(i)
            }
            Prev::Abbrev(AbbrevClass::Number | AbbrevClass::Month | AbbrevClass::General) => {
                next.is_starter()
            }
        }
    }

    /// Start of the whitespace-delimited token ending at `i`, within the current segment and
    /// at most `MAX_TOKEN` bytes back; `None` if longer.
    fn token_start(&self, i: usize) -> Option<usize> {
        let lo = self.seg_start.max(i.saturating_sub(MAX_TOKEN));
        let mut p = i;
        while p > lo {
            if ws_len_before(self.b, p) > 0 {
                return Some(p);
            }
            p -= 1;
        }
        (p == self.seg_start || ws_len_before(self.b, p) > 0).then_some(p)
    }

    /// The token before the period at `i`, stripped of opening quotes and brackets.
    fn token_before(&self, i: usize) -> Option<(usize, &'a str)> {
        let mut s = self.token_start(i)?;
        while s < i && opener_len(self.b, s) > 0 {
            s += opener_len(self.b, s);
        }
        Some((s, &self.text[s.min(i)..i]))
    }

    fn prev_token(&self, i: usize) -> Prev {
        let Some((start, tok)) = self.token_before(i) else {
            return Prev::Plain;
        };
        if tok.is_empty() {
            return Prev::Plain;
        }
        if let Some(&class) = lexicon().abbrevs.get(tok) {
            return Prev::Abbrev(class);
        }
        if is_number(tok) {
            return Prev::Plain;
        }
        if is_dotted(tok) {
            return Prev::Abbrev(AbbrevClass::General);
        }
        let mut chars = tok.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_uppercase() {
                return Prev::Initial(c, self.capitalized_word_before(start));
            }
            if c.is_lowercase() {
                return Prev::LowerLetter;
            }
        }
        Prev::Plain
    }

    /// Whether the word before the token starting at `start` begins with a capital.
    fn capitalized_word_before(&self, start: usize) -> bool {
        let b = self.b;
        let mut p = start;
        let mut any_ws = false;
        while p > self.seg_start {
            let w = ws_len_before(b, p);
            if w == 0 {
                break;
            }
            p -= w;
            any_ws = true;
        }
        if !any_ws || p <= self.seg_start {
            return false;
        }
        let Some(s) = self.token_start(p) else {
            return false;
        };
        let mut s = s;
        while s < p && opener_len(b, s) > 0 {
            s += opener_len(b, s);
        }
        char_at(self.text, s).is_some_and(char::is_uppercase)
    }

    /// Whether the segment so far is only a short opening time phrase ("At 5 a.m."), a
    /// fronted adverbial rather than a sentence.
    fn fronted_time_phrase(&self, i: usize) -> bool {
        const MAX_PHRASE: usize = 40;
        let phrase = self.text[self.seg_start..i].trim_start();
        if phrase.len() > MAX_PHRASE {
            return false;
        }
        let mut words = phrase.split_whitespace();
        let opens_with_prep = words
            .next()
            .is_some_and(|w| lexicon().starters.get(w) == Some(&true));
        opens_with_prep && phrase.split_whitespace().count() <= 4
    }

    /// "world.Today": a period with no space, between a word and a capitalized word, ends a
    /// sentence unless the token is a URL, e-mail address, file or dotted name.
    fn no_space_boundary(&self, i: usize) -> bool {
        let b = self.b;
        let upper_lower = b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            && b.get(i + 2).is_some_and(u8::is_ascii_lowercase);
        if !upper_lower {
            return false;
        }
        let Some((_, tok)) = self.token_before(i) else {
            return false;
        };
        let word_ok = tok.len() >= 2
            && (tok.bytes().all(|c| c.is_ascii_alphabetic())
                && tok.bytes().skip(1).all(|c| c.is_ascii_lowercase())
                || is_number(tok) && !tok.contains('.'))
            && !lexicon().abbrevs.contains_key(tok);
        if !word_ok {
            return false;
        }
        // The rest of the token: no address or path characters, no further inner period.
        let rest_end = (i + 1..b.len().min(i + 1 + MAX_TOKEN))
            .find(|&p| ws_len_at(b, p) > 0)
            .unwrap_or(b.len().min(i + 1 + MAX_TOKEN));
        let rest = &b[i + 1..rest_end];
        let inner = rest.strip_suffix(b".").unwrap_or(rest);
        !inner
            .iter()
            .any(|c| matches!(c, b'@' | b'/' | b':' | b'.' | b'_' | b'='))
    }
}

/// The sentences of a source that later stages read: boilerplate removed unless kept. A
/// sentence running into an insert ("... control. (RELATED: ...)") keeps its article part; one
/// that is all boilerplate is dropped.
///
/// A "sentence" longer than [`MAX_SENTENCE`] bytes is a table or a list run into one line, not
/// prose: it is read in pieces of at most that size, cut at spaces, with one warning per source
/// naming where. Every later stage then works on bounded pieces (claims quote their sentence, so
/// an unbounded one would make output grow with the square of the line).
pub fn article_sentences(src: &crate::read::Source, keep_boilerplate: bool) -> Vec<Sentence> {
    let all = split(&src.text);
    let kept: Vec<Sentence> = if keep_boilerplate {
        all
    } else {
        all.into_iter()
            .filter_map(|s| src.strip_boilerplate(s.span).map(|span| Sentence { span }))
            .collect()
    };
    if kept.iter().all(|s| s.span.len() <= MAX_SENTENCE) {
        return kept;
    }
    let mut out = Vec::with_capacity(kept.len());
    let mut warned = false;
    for s in kept {
        if s.span.len() <= MAX_SENTENCE {
            out.push(s);
            continue;
        }
        if !warned {
            warned = true;
            let (line, col) =
                crate::span::LineIndex::new(&src.text).line_col(&src.text, s.span.start);
            crate::error::warn(format!(
                "{}:{line}:{col}: a sentence of {} bytes (a table or list run together?) is read in pieces of at most {MAX_SENTENCE} bytes",
                src.name,
                s.span.len()
            ));
        }
        out.extend(pieces(&src.text, s.span));
    }
    out
}

/// Longest sentence read as one; longer ones are cut (see [`article_sentences`]).
pub const MAX_SENTENCE: usize = 3000;

/// `span` cut into pieces of at most [`MAX_SENTENCE`] bytes, at the last space before the
/// limit where there is one, else at a character boundary.
fn pieces(text: &str, span: Span) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // Prefer a space before a figure or a capital (where a run-together table's next row
        // or cell likely begins) within the last stretch, so "1,000 troops" stays whole.
        let window = &text[start..cut];
        let row = window
            .char_indices()
            .rev()
            .take(200)
            .find(|&(i, c)| {
                c.is_whitespace()
                    && window[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_digit() || n.is_uppercase())
            })
            .map(|(i, _)| i);
        let end = row
            .or_else(|| window.rfind(char::is_whitespace))
            .map_or(cut, |i| start + i)
            .max(start + 1);
        let end = if text.is_char_boundary(end) { end } else { cut };
        let piece = Span::new(start, end).trim(text);
        if !piece.is_empty() {
            out.push(Sentence { span: piece });
        }
        start = end;
    }
    let rest = Span::new(start, span.end).trim(text);
    if !rest.is_empty() {
        out.push(Sentence { span: rest });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn embedded_word_lists_parse() {
        let lex = Lexicon::parse().expect("word lists parse");
        assert_eq!(lex.abbrevs.get("Gen"), Some(&AbbrevClass::Title));
        assert_eq!(lex.abbrevs.get("a.m"), Some(&AbbrevClass::Time));
        assert_eq!(lex.starters.get("At"), Some(&true));
        assert_eq!(lex.starters.get("The"), Some(&false));
        assert!(lex.time_words.contains("Thursday") && lex.time_words.contains("GMT"));
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            sentences("It rained. We left! Did you?"),
            ["It rained.", "We left!", "Did you?"]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sentences("The order came from Col. Mbaye and Capt. Diop. Nobody objected."),
            [
                "The order came from Col. Mbaye and Capt. Diop.",
                "Nobody objected."
            ]
        );
    }

    #[test]
    fn dotted_abbreviation_ends_only_before_a_starter() {
        assert_eq!(
            sentences(
                "Aid came from the E.U. Parliament votes followed. The money went to the E.U. It arrived late."
            ),
            [
                "Aid came from the E.U. Parliament votes followed.",
                "The money went to the E.U.",
                "It arrived late."
            ]
        );
    }

    #[test]
    fn numbers_and_months() {
        assert_eq!(
            sentences(
                "The talks ended on Oct. 9. Prices rose 3.5 percent. They fell in 1998. Why?"
            ),
            [
                "The talks ended on Oct. 9.",
                "Prices rose 3.5 percent.",
                "They fell in 1998.",
                "Why?"
            ]
        );
    }

    #[test]
    fn clock_times() {
        assert_eq!(
            sentences(
                "The polls close at 8 p.m. Sunday. Counting ends at 9 p.m. Then results follow."
            ),
            [
                "The polls close at 8 p.m. Sunday.",
                "Counting ends at 9 p.m.",
                "Then results follow."
            ]
        );
        assert_eq!(
            sentences("By 7 a.m. Dr. Sow had left the ward. She returned at 3 p.m. Dr. Ba stayed."),
            [
                "By 7 a.m. Dr. Sow had left the ward.",
                "She returned at 3 p.m.",
                "Dr. Ba stayed."
            ]
        );
        assert_eq!(
            sentences("Polls shut at 8 p.m. Moscow time. Counting ended at 9 p.m. Results follow."),
            [
                "Polls shut at 8 p.m. Moscow time.",
                "Counting ended at 9 p.m.",
                "Results follow."
            ]
        );
        assert_eq!(
            sentences("It hit at 4:10 a.m. EDT on Tuesday."),
            ["It hit at 4:10 a.m. EDT on Tuesday."]
        );
    }

    #[test]
    fn initials_and_pronoun_i() {
        assert_eq!(
            sentences(
                "The report by W. E. B. Du Bois was cited, and so was I. Then Louis V. Gerstner spoke."
            ),
            [
                "The report by W. E. B. Du Bois was cited, and so was I.",
                "Then Louis V. Gerstner spoke."
            ]
        );
    }

    #[test]
    fn quotes_close_with_the_sentence() {
        assert_eq!(
            sentences("She said “we are done.” Then she left. “Really?” he asked."),
            [
                "She said “we are done.”",
                "Then she left.",
                "“Really?” he asked."
            ]
        );
    }

    #[test]
    fn blank_lines_end_headlines() {
        assert_eq!(
            sentences("Floods Hit Coastal Towns\r\n\r\nRain fell for days.\nRoads closed.\n"),
            [
                "Floods Hit Coastal Towns",
                "Rain fell for days.",
                "Roads closed."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_join() {
        assert_eq!(
            sentences("The river rose\nabove the levee on\nMonday. Crews worked."),
            [
                "The river rose\nabove the levee on\nMonday.",
                "Crews worked."
            ]
        );
    }

    #[test]
    fn lists_on_lines_and_inline() {
        assert_eq!(
            sentences(
                "Steps taken:\n- roads closed\n- schools shut\n1. Stay home.\n2. Boil water."
            ),
            [
                "Steps taken:",
                "- roads closed",
                "- schools shut",
                "1. Stay home.",
                "2. Boil water."
            ]
        );
        assert_eq!(
            sentences("1) Pack 2) Leave 3) Call"),
            ["1) Pack", "2) Leave", "3) Call"]
        );
        assert_eq!(sentences("a. red b. blue"), ["a. red", "b. blue"]);
        assert_eq!(sentences("• one • two"), ["• one", "• two"]);
    }

    #[test]
    fn a_number_on_a_wrapped_line_is_no_list_item() {
        assert_eq!(
            sentences("The toll reached\n14. Rescuers kept digging."),
            ["The toll reached\n14.", "Rescuers kept digging."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sentences("We waited... Then rain."),
            ["We waited...", "Then rain."]
        );
        assert_eq!(
            sentences("We waited … and waited."),
            ["We waited … and waited."]
        );
        assert_eq!(
            sentences("It was . . . I forget."),
            ["It was . . . I forget."]
        );
        assert_eq!(
            sentences("It ended. . . . Then more."),
            ["It ended.", ". . . Then more."]
        );
        assert_eq!(
            sentences("As he said [...] It held."),
            ["As he said [...] It held."]
        );
    }

    #[test]
    fn inserts_in_parentheses() {
        assert_eq!(
            sentences("Fighting resumed. (READ MORE: Ceasefire Collapses) Aid groups left."),
            [
                "Fighting resumed.",
                "(READ MORE: Ceasefire Collapses)",
                "Aid groups left."
            ]
        );
        assert_eq!(
            sentences("Fighting (in the north) resumed. Aid groups left."),
            ["Fighting (in the north) resumed.", "Aid groups left."]
        );
    }

    #[test]
    fn addresses_and_numbers_end_sentences() {
        assert_eq!(
            sentences(
                "Write to desk@news.example.org. It costs $4.50. See www.example.org/a.html. Done."
            ),
            [
                "Write to desk@news.example.org.",
                "It costs $4.50.",
                "See www.example.org/a.html.",
                "Done."
            ]
        );
    }

    #[test]
    fn no_space_between_sentences() {
        assert_eq!(
            sentences("It rained.Then it stopped."),
            ["It rained.", "Then it stopped."]
        );
        assert_eq!(
            sentences("Mail Ann.Lee@example.com today."),
            ["Mail Ann.Lee@example.com today."]
        );
    }

    #[test]
    fn lone_marks_and_empty_text() {
        assert!(split("").is_empty());
        assert!(split(" \n\n \t").is_empty());
        assert_eq!(sentences("..."), ["..."]);
        assert_eq!(sentences("a . B"), ["a .", "B"]);
    }
}
