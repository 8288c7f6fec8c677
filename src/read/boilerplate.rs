//! Boilerplate: a source's text in, the byte spans that are not article text out (sorted,
//! not overlapping). Nothing is cut: later stages skip sentences inside these spans
//! ([`super::Source::strip_boilerplate`]).
//!
//! The rules are general and line-based; the phrases they use are data
//! (`data/boilerplate/*.txt`, embedded at build time, described in its README):
//! 1. Whole lines: widget labels ("Share", "Advertisement", "Back to top"), agency credit lines,
//!    lines that start like a notice ("READ NEXT:", "Tags:", "Photo by ..."), disclaimers, cookie
//!    and ad-block notices, comment-form text, shortcodes (`[form id="1"]`), lone markdown
//!    images, short lines (12 words or fewer) carrying a web address, lines with no letter or
//!    digit, and bare counters ("0").
//! 2. Line tails: a widget word or a photo credit as the last sentence of a line
//!    ("... in the country. Advertisement", "... the pact. Photo by A. Name/EPA-EFE").
//! 3. Inline inserts: "(RELATED: ...)", "[READ MORE: ...]", "(AP Photo/...)".
//! 4. Link lists: a heading such as "Related Articles", "Recent Posts", "Keep Reading" or
//!    "Tags:" and the short, headline-like lines after it, up to where the article resumes (a
//!    sentence of five or more words, or a paragraph of 15 or more, ending with `.`, `!` or `?`
//!    rather than an ellipsis) or the text ends. When the article resumes after fewer than two
//!    such lines, only the heading goes: one short line before prose is the article's own
//!    subheading.
//! 5. Author bios: in the tail of the text (after the last prose paragraph that is not
//!    boilerplate), a paragraph whose line opens "NAME is a/an/the ... ROLE" (or "NAME covers /
//!    writes / reports"), with its short lines repeating the name.
//!
//! Cost is linear in the text: each line is looked at a bounded number of times, and phrase
//! tests only run on lines short enough to be notices.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, StartKind};

use crate::span::Span;

/// Lines with more words than this are never notices, whatever they contain.
const NOTICE_WORDS: usize = 60;
/// Prefix rules ("READ NEXT:") apply up to this many words.
const PREFIX_WORDS: usize = 40;
/// A line of at least this many words that ends a sentence is article text, not a list item.
const RESUME_WORDS: usize = 5;
/// Widget labels and link-list headings are at most this many words.
const LABEL_WORDS: usize = 6;
/// A line this short with a web address in it is a link.
const LINK_WORDS: usize = 12;
/// A photo credit is at most this many words.
const CREDIT_WORDS: usize = 12;
/// A line or paragraph of at least this many words that ends a sentence is prose.
const PROSE_WORDS: usize = 15;

/// The phrase lists, parsed once.
struct Lexicon {
    lines: HashSet<&'static str>,
    /// Anchored automata: does a normalized line start with one of these?
    prefixes: AhoCorasick,
    credits: AhoCorasick,
    /// First words of `lines` and `credits` entries, to skip most tails without normalizing.
    tail_starts: HashSet<&'static str>,
    /// Case-insensitive, run on the raw line.
    phrases: AhoCorasick,
    headings: HashSet<&'static str>,
    insert_labels: Vec<&'static str>,
    bio_roles: HashSet<&'static str>,
}

/// The entries of a phrase-list file: trimmed lines, without blanks and `#` comments.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut insert_labels: Vec<&str> =
            entries(include_str!("../../data/boilerplate/insert_labels.txt")).collect();
        // Longest first, so "read more" wins over "read".
        insert_labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
        let lines: HashSet<&str> =
            entries(include_str!("../../data/boilerplate/lines.txt")).collect();
        let credits: Vec<&str> =
            entries(include_str!("../../data/boilerplate/credits.txt")).collect();
        let anchored = |pats: Vec<&str>| {
            AhoCorasick::builder()
                .start_kind(StartKind::Anchored)
                .build(pats)
                .expect("prefix list builds")
        };
        let tail_starts = lines
            .iter()
            .chain(&credits)
            .filter_map(|e| e.split(' ').next())
            .map(|w| w.trim_start_matches('('))
            .collect();
        Lexicon {
            prefixes: anchored(
                entries(include_str!("../../data/boilerplate/prefixes.txt")).collect(),
            ),
            credits: anchored(credits),
            tail_starts,
            lines,
            phrases: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(entries(include_str!("../../data/boilerplate/phrases.txt")))
                .expect("phrase list builds"),
            headings: entries(include_str!("../../data/boilerplate/headings.txt")).collect(),
            insert_labels,
            bio_roles: entries(include_str!("../../data/boilerplate/bio_roles.txt")).collect(),
        }
    })
}

/// One line of the text.
struct Line {
    /// The line without surrounding whitespace (empty for a blank line).
    span: Span,
    /// Words on the line, counted up to `NOTICE_WORDS + 1`.
    words: usize,
    /// Normalized form of a line short enough to be a widget label or heading.
    norm: Option<String>,
    /// Index of the paragraph (run of non-blank lines) the line belongs to.
    para: usize,
    marked: bool,
}

/// The boilerplate spans of `text`.
pub fn find(text: &str) -> Vec<Span> {
    let lex = lexicon();
    let mut lines = split_lines(text);
    let blocks = paragraphs(&mut lines);
    let paras = paragraph_prose(text, &lines, &blocks);
    let mut spans = Vec::new();
    for line in lines.iter_mut().filter(|l| !l.span.is_empty()) {
        let s = line.span.slice(text);
        line.marked = whole_line(lex, s, line.norm.as_deref(), line.words);
        if !line.marked {
            if let Some(tail) = tail(lex, text, line.span) {
                spans.push(tail);
            }
            inserts(lex, text, line.span, &mut spans);
        }
    }
    link_lists(lex, text, &mut lines, &paras);
    bios(lex, text, &mut lines, &blocks, &paras);
    for line in lines.iter().filter(|l| l.marked) {
        spans.push(line.span);
    }
    merge(text, spans)
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let span = Span::new(start, start + raw.len()).trim(text);
        start += raw.len();
        let s = span.slice(text);
        let words = count_words(s, NOTICE_WORDS + 1);
        let norm = (!span.is_empty() && words <= LABEL_WORDS).then(|| normalize(s));
        lines.push(Line {
            span,
            words,
            norm,
            para: 0,
            marked: false,
        });
    }
    lines
}

/// Words in `s` (runs of non-whitespace), counted up to `cap`. Byte-wise: only ASCII
/// whitespace separates, which is all that a word count for these rules needs.
fn count_words(s: &str, cap: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let ws = b.is_ascii_whitespace();
        if !ws && !in_word {
            n += 1;
            if n >= cap {
                return n;
            }
        }
        in_word = !ws;
    }
    n
}

/// Groups non-blank lines into paragraphs (line index ranges) and numbers each line's.
fn paragraphs(lines: &mut [Line]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open = false;
    for (i, line) in lines.iter_mut().enumerate() {
        if line.span.is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(r) if open => r.end = i + 1,
            _ => out.push(i..i + 1),
        }
        open = true;
        line.para = out.len() - 1;
    }
    out
}

/// Lower case, straight quotes, one space between words, no markup or colon at the ends.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        // ASCII first: almost every character is, and it needs no case tables.
        let c = if c.is_ascii() {
            if c.is_ascii_whitespace() {
                space = !out.is_empty();
                continue;
            }
            c.to_ascii_lowercase()
        } else {
            match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                c if c.is_whitespace() => {
                    space = !out.is_empty();
                    continue;
                }
                c => {
                    if space {
                        out.push(' ');
                        space = false;
                    }
                    out.extend(c.to_lowercase());
                    continue;
                }
            }
        };
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    const MARKUP: &[char] = &['*', '#', '>', '•', '|', '-', '–', '—', '·', ' '];
    let trimmed = out
        .trim_start_matches(MARKUP)
        .trim_end_matches(MARKUP)
        .trim_end_matches([':', ','])
        .trim_end();
    if trimmed.len() == out.len() {
        return out;
    }
    trimmed.to_string()
}

/// Whether each paragraph reads as prose (15+ words, ends a sentence, not with an ellipsis).
fn paragraph_prose(text: &str, lines: &[Line], paras: &[Range<usize>]) -> Vec<bool> {
    paras
        .iter()
        .map(|r| {
            let words: usize = lines[r.clone()].iter().map(|l| l.words).sum();
            words >= PROSE_WORDS && ends_sentence(lines[r.end - 1].span.slice(text))
        })
        .collect()
}

/// Ends with `.`, `!` or `?` (maybe inside closing quotes), and not with an ellipsis.
fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']', ' ']);
    !s.ends_with("...") && s.ends_with(['.', '!', '?'])
}

fn is_prose(text: &str, line: &Line, paras: &[bool]) -> bool {
    paras.get(line.para).copied().unwrap_or(false)
        || (line.words >= PROSE_WORDS && ends_sentence(line.span.slice(text)))
}

/// Whether a line after a link-list heading is the article again: prose, or a short
/// sentence ("Washington said it would comply.") rather than a headline, a date or an
/// excerpt cut off with an ellipsis.
fn resumes(text: &str, line: &Line, paras: &[bool]) -> bool {
    is_prose(text, line, paras)
        || (line.words >= RESUME_WORDS && ends_sentence(line.span.slice(text)))
}

fn whole_line(lex: &Lexicon, s: &str, norm: Option<&str>, words: usize) -> bool {
    if !s.chars().any(char::is_alphanumeric) {
        return true;
    }
    if s.len() <= 6
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return true;
    }
    if is_shortcode(s) || is_markdown_image(s) {
        return true;
    }
    if norm.is_some_and(|n| lex.lines.contains(n)) {
        return true;
    }
    // A short line carrying a bare web address is a link ("Follow our coverage at https://...").
    if words <= LINK_WORDS && (s.contains("https://") || s.contains("http://")) {
        return true;
    }
    if words > NOTICE_WORDS {
        return false;
    }
    // Prefixes are short: normalizing the head of the line is enough.
    let head = match norm {
        Some(n) => std::borrow::Cow::Borrowed(n),
        None => std::borrow::Cow::Owned(normalize(&s[..floor_char_boundary(s, 64)])),
    };
    (words <= PREFIX_WORDS && starts_with_any(&lex.prefixes, &head))
        || (words <= CREDIT_WORDS && starts_with_any(&lex.credits, &head))
        || lex.phrases.is_match(s)
}

fn starts_with_any(ac: &AhoCorasick, s: &str) -> bool {
    ac.is_match(Input::new(s).anchored(Anchored::Yes))
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A WordPress-style shortcode standing alone: `[mc4wp_form id="206"]`. Told from a bracketed
/// word such as "[Updated]" by an underscore in its name or an `=` in its attributes.
fn is_shortcode(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) else {
        return false;
    };
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    let name = inner.split(' ').next().unwrap_or("");
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && (name.contains('_') || inner.contains('='))
        && !inner.contains(['[', ']'])
}

/// A markdown image standing alone: `![alt](url)`.
fn is_markdown_image(s: &str) -> bool {
    s.starts_with("![") && s.ends_with(')') && s.contains("](")
}

/// A widget word or photo credit forming the last sentence of a line, after a space or glued
/// to the sentence end. Every sentence end in
/// the last 200 bytes is tried, so initials inside a credit ("Photo by A. Roe") do not hide it.
fn tail(lex: &Lexicon, text: &str, line: Span) -> Option<Span> {
    let s = line.slice(text);
    let b = s.as_bytes();
    let from = s.len().saturating_sub(200).max(2);
    let mut found = None;
    for i in (from..b.len()).rev() {
        // After a sentence end and a space, or glued to it ("in 2012.Advertisement", where
        // an HTML page's inline ad label lost its element).
        let spaced = b[i - 1].is_ascii_whitespace() && matches!(b[i - 2], b'.' | b'!' | b'?');
        let glued = matches!(b[i - 1], b'.' | b'!' | b'?') && b[i].is_ascii_uppercase();
        if !(spaced || glued) {
            continue;
        }
        let t = &s[i..];
        let first = t
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_start_matches(['(', '"', '\u{201c}'])
            .to_ascii_lowercase();
        if !lex.tail_starts.contains(first.as_str()) {
            continue;
        }
        let words = count_words(t, CREDIT_WORDS + 1);
        if words > CREDIT_WORDS {
            break;
        }
        let norm = normalize(t);
        if lex.lines.contains(norm.as_str()) || starts_with_any(&lex.credits, &norm) {
            found = Some(Span::new(line.start + i, line.end));
        }
    }
    found
}

/// Inline inserts in parentheses or brackets that open with a label and `:` (or `/` after a
/// photo label): "(RELATED: Other story)", "(AP Photo/Jane Roe)".
fn inserts(lex: &Lexicon, text: &str, line: Span, out: &mut Vec<Span>) {
    let s = line.slice(text);
    let b = s.as_bytes();
    for open in memchr::memchr2_iter(b'(', b'[', b) {
        let close_byte = if b[open] == b'(' { b')' } else { b']' };
        let mut i = open + 1;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let Some(label) = lex.insert_labels.iter().find(|l| {
            b.len() >= i + l.len() && b[i..i + l.len()].eq_ignore_ascii_case(l.as_bytes())
        }) else {
            continue;
        };
        let mut j = i + label.len();
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let photo =
            label.ends_with("photo") || label.ends_with("images") || label.ends_with("image");
        if !(b.get(j) == Some(&b':') || (photo && b.get(j) == Some(&b'/'))) {
            continue;
        }
        // The matching close, allowing nested pairs, within a bounded stretch.
        let mut depth = 0usize;
        let end = b.len().min(j + 400);
        for (k, &c) in b.iter().enumerate().take(end).skip(open) {
            if c == b[open] {
                depth += 1;
            } else if c == close_byte {
                depth -= 1;
                if depth == 0 {
                    out.push(Span::new(line.start + open, line.start + k + 1));
                    break;
                }
            }
        }
    }
}

/// Rule 4: link-list headings and the headline-like lines after them.
fn link_lists(lex: &Lexicon, text: &str, lines: &mut [Line], paras: &[bool]) {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].span.is_empty())
        .collect();
    let heading = |l: &Line| l.norm.as_deref().is_some_and(|n| lex.headings.contains(n));
    let mut k = 0;
    while k < content.len() {
        if !heading(&lines[content[k]]) {
            k += 1;
            continue;
        }
        // Walk the list: marked lines and other headings belong to it; short non-prose lines
        // are its items; prose ends it.
        let mut m = k + 1;
        let mut items = 0;
        let mut headings = vec![content[k]];
        while m < content.len() {
            let l = &lines[content[m]];
            if heading(l) {
                headings.push(content[m]);
            } else if !l.marked {
                if resumes(text, l, paras) {
                    break;
                }
                items += 1;
            }
            m += 1;
        }
        if m == content.len() || items >= 2 {
            for &i in &content[k..m] {
                lines[i].marked = true;
            }
        } else {
            for i in headings {
                lines[i].marked = true;
            }
        }
        k = m;
    }
}

/// Rule 5: author bios in the tail of the text.
fn bios(lex: &Lexicon, text: &str, lines: &mut [Line], blocks: &[Range<usize>], paras: &[bool]) {
    for (p, block) in blocks.iter().enumerate().rev() {
        let block = block.clone();
        if lines[block.clone()].iter().all(|l| l.marked) {
            continue;
        }
        let prose = paras[p]
            || lines[block.clone()]
                .iter()
                .any(|l| is_prose(text, l, paras));
        if !prose {
            continue;
        }
        // The last prose paragraph that is not boilerplate ends the tail: either a bio, or
        // the article itself.
        let Some(name) = lines[block.clone()]
            .iter()
            .find_map(|l| bio_name(lex, l.span.slice(text)))
        else {
            return;
        };
        // Every line of the bio paragraph is the bio sentence or a short line naming the author.
        let fits = lines[block.clone()].iter().all(|l| {
            let s = l.span.slice(text);
            bio_name(lex, s).is_some() || (l.words <= 6 && s.contains(name))
        });
        if !fits {
            return;
        }
        for l in &mut lines[block] {
            l.marked = true;
        }
    }
}

/// The author's name when `line` opens like a bio: "Jane Roe is a reporter ...".
fn bio_name<'a>(lex: &Lexicon, line: &'a str) -> Option<&'a str> {
    let words: Vec<&str> = line.split_whitespace().take(16).collect();
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let n = words.iter().take_while(|w| capitalized(w)).count();
    if !(2..=4).contains(&n) || words.len() <= n {
        return None;
    }
    let verb = words[n];
    let is_bio = match verb {
        "is" | "was" => {
            matches!(words.get(n + 1), Some(&"a" | &"an" | &"the"))
                && words[n + 2..].iter().take(6).any(|w| {
                    let w = w
                        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                        .to_lowercase();
                    lex.bio_roles.contains(w.as_str())
                        || w.strip_suffix('s')
                            .is_some_and(|s| lex.bio_roles.contains(s))
                })
        }
        "covers" | "writes" | "reports" => true,
        _ => false,
    };
    if !is_bio {
        return None;
    }
    let end = words[n - 1].as_ptr() as usize - line.as_ptr() as usize + words[n - 1].len();
    Some(&line[..end])
}

/// Sorts spans and joins those that overlap or are separated by whitespace only.
fn merge(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| !s.is_empty());
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        if let Some(last) = out.last_mut()
            && (s.start <= last.end || text[last.end..s.start].trim().is_empty())
        {
            last.end = last.end.max(s.end);
            continue;
        }
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<&str> {
        find(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn label_and_heading_entries_are_short_enough_to_be_looked_up() {
        // Only lines of up to LABEL_WORDS words are compared with these lists.
        for data in [
            include_str!("../../data/boilerplate/lines.txt"),
            include_str!("../../data/boilerplate/headings.txt"),
        ] {
            for e in entries(data) {
                assert!(count_words(e, 100) <= LABEL_WORDS, "{e:?} is too long");
                assert_eq!(normalize(e), e, "{e:?} is not in normalized form");
            }
        }
        // The rest are compared with lower-cased text.
        for data in [
            include_str!("../../data/boilerplate/prefixes.txt"),
            include_str!("../../data/boilerplate/credits.txt"),
            include_str!("../../data/boilerplate/phrases.txt"),
            include_str!("../../data/boilerplate/insert_labels.txt"),
            include_str!("../../data/boilerplate/bio_roles.txt"),
        ] {
            for e in entries(data) {
                assert_eq!(e.to_lowercase(), e, "{e:?} is not lower case");
            }
        }
    }

    #[test]
    fn widget_lines_and_notices() {
        let text = "Title\nShare\n\nBody sentence here.\n\nREAD: Another story\n\n0\n\n[mc4wp_form id=\"206\"]";
        assert_eq!(
            removed(text),
            vec![
                "Share",
                "READ: Another story\n\n0\n\n[mc4wp_form id=\"206\"]"
            ]
        );
    }

    #[test]
    fn inserts_and_tails() {
        let text = "He left. (RELATED: Big Story (Part 2)) She stayed. Advertisement\n\nA caption. Photo by A. Roe/EPA-EFE";
        assert_eq!(
            removed(text),
            vec![
                "(RELATED: Big Story (Part 2))",
                "Advertisement",
                "Photo by A. Roe/EPA-EFE"
            ]
        );
    }

    #[test]
    fn a_widget_word_glued_to_a_sentence_end_is_a_tail() {
        // An HTML page's inline ad label loses its element and its space.
        let text = "The pact was signed in 2012.Advertisement\n\nTroops left the U.S.Embassy area.";
        assert_eq!(removed(text), vec!["Advertisement"]);
    }

    #[test]
    fn a_subheading_after_a_list_heading_survives() {
        let prose = "The long paragraph that follows has more than fifteen words in it so it reads as prose text.";
        let text = format!("Keep Reading\n\nA Subheading Here\n\n{prose}");
        assert_eq!(removed(&text), vec!["Keep Reading"]);
    }

    #[test]
    fn a_short_last_sentence_after_a_list_heading_survives() {
        let text = "Body.\n\nRelated\n\nAnother story headline\n\nWashington said it would comply.";
        assert_eq!(removed(text), vec!["Related"]);
    }

    #[test]
    fn short_link_lines_go_long_sentences_with_links_stay() {
        let text = "Follow our Africa coverage at https://example.com/africa\n\nThe full report, published by the agency on Monday after months of work, is at https://example.org/report.";
        assert_eq!(
            removed(text),
            vec!["Follow our Africa coverage at https://example.com/africa"]
        );
    }

    #[test]
    fn a_trailing_list_goes_to_the_end() {
        let prose = "The long paragraph that ends the article has more than fifteen words in it, as prose does.";
        let text = format!(
            "{prose}\n\nRecent Posts\n\nA Headline About Something\n\nAn excerpt that runs on for a while and is cut off by the site in the middle of a…\n\nNovember 21, 2024"
        );
        let got = removed(&text);
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("Recent Posts") && got[0].ends_with("2024"));
    }

    #[test]
    fn author_bio_in_the_tail_but_not_in_the_body() {
        let bio = "Jane Roe is the Senior Editor of Example News. She has covered wars for twenty years and more.";
        let text = format!(
            "{bio}\n\nMore text follows here, which is long enough to be prose in this test case.\n\nJane Roe\n{bio}"
        );
        let got = removed(&text);
        assert_eq!(got, vec![format!("Jane Roe\n{bio}")]);
    }

    #[test]
    fn markdown_related_list_and_image() {
        let prose =
            "The article body is a long paragraph with more than fifteen words, so it is prose.";
        let text = format!(
            "![A map](map.png)\n\n{prose}\n\n## Related\n\n- [One story](https://a.example/1)\n- [Two story](https://a.example/2)\n"
        );
        let got = removed(&text);
        assert_eq!(got[0], "![A map](map.png)");
        assert!(got[1].starts_with("## Related") && got[1].ends_with("/2)"));
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn wire_credit_lines() {
        let text = "The junta spoke on Wednesday, its spokesman said in a statement read on national television.\n\nReporting by A. Roe in Niamey; Editing by B. Doe\n\nAP writer C. Poe contributed to this report.";
        assert_eq!(
            removed(text),
            vec![
                "Reporting by A. Roe in Niamey; Editing by B. Doe\n\nAP writer C. Poe contributed to this report."
            ]
        );
    }

    #[test]
    fn prose_mentioning_notice_words_stays() {
        let text = "Officials said the company uses cookies and that the ad blocker market grew by 12% in 2023.";
        assert!(find(text).is_empty());
    }
}
