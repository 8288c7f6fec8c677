//! What must hold for any input, stage by stage: bytes in, a panic with the broken invariant out.
//!
//! The fuzz targets in `fuzz/` call these on what libFuzzer generates, and
//! `tests/fuzz_regressions.rs` calls them on every input kept in `fuzz/regressions/TARGET/`
//! (crashes the fuzzer found, once fixed), so a fixed crash stays fixed in the normal test suite.
//! Inputs that are not UTF-8 are skipped by the text stages, as libFuzzer's `&str` targets do.

use crate::error::Place;
use crate::read::{Options, encoding, jsonl};
use crate::recognize::{Context, Value, recognize, recognize_exhaustive};
use crate::review::Reviews;
use crate::rules::{RuleSet, RuleSource};

/// Sentence splitter: spans non-empty, on char boundaries inside the text, in reading order,
/// not overlapping, trimmed of whitespace.
pub fn split(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut last_end = 0;
    for s in crate::split::split(text) {
        let span = s.span;
        assert!(span.start < span.end, "empty sentence {span:?}");
        assert!(
            span.end <= text.len(),
            "{span:?} past the end {}",
            text.len()
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(
            span.start >= last_end,
            "{span:?} overlaps or goes back from {last_end}"
        );
        let slice = s.text(text);
        assert_eq!(slice, slice.trim(), "sentence not trimmed");
        last_end = span.end;
    }
}

/// Value recognizers: spans non-empty, on char boundaries inside the line, in order, not
/// overlapping; no empty value; the fast path finds what the exhaustive one finds.
pub fn values(data: &[u8]) {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    let ctx = Context {
        reference: Some(jiff::civil::date(2024, 4, 27)),
    };
    let found = recognize(line, &ctx);
    let mut last_end = 0;
    for v in &found {
        let span = v.span;
        assert!(span.start < span.end && span.end <= line.len(), "{span:?}");
        assert!(line.is_char_boundary(span.start) && line.is_char_boundary(span.end));
        assert!(span.start >= last_end, "{span:?} overlaps {last_end}");
        assert!(!v.value.is_empty(), "empty value at {span:?}");
        last_end = span.end;
    }
    let key = |vs: &[Value]| {
        vs.iter()
            .map(|v| (v.span, v.value.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        key(&found),
        key(&recognize_exhaustive(line, &ctx)),
        "fast and exhaustive recognizers differ"
    );
}

/// Rules parser: any text as one user rule file; loads, or fails with diagnostics that render
/// and name the file.
pub fn rules(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let sources = vec![RuleSource::new("fuzz.toml", text.to_string(), false)];
    if let Err(e) = RuleSet::from_sources(sources, Vec::new()) {
        let rendered = e.render();
        assert!(rendered.contains("fuzz.toml"), "{rendered}");
    }
}

/// Reviews file and report readers: a reviews file that loads writes back to bytes that load to
/// the same verdicts; errors name the file; the report reader does not panic.
pub fn reviews(data: &[u8]) {
    match Reviews::parse("reviews.csv", data) {
        Ok(reviews) => {
            let again = Reviews::parse("again.csv", &reviews.to_csv()).expect("own output loads");
            assert_eq!(again, reviews, "verdicts changed by a write and a read");
        }
        Err(e) => assert_eq!(e.file, "reviews.csv"),
    }
    let _ = crate::review::report::parse_conflicts("report.csv", data);
}

/// Encoding check and JSONL reader: UTF-16 decodes to UTF-8; an error sits at a byte offset
/// inside the input; every JSONL source's boilerplate spans lie inside its text.
pub fn read(data: &[u8]) {
    match encoding::decode("in", data.to_vec()) {
        Ok(out) => {
            if !matches!(
                encoding::sniff("in", data),
                Ok(encoding::Encoding::Utf8 | encoding::Encoding::Utf8Bom)
            ) {
                assert!(
                    std::str::from_utf8(&out).is_ok(),
                    "UTF-16 decoded to bad UTF-8"
                );
            }
            let (sources, _errors) = jsonl::load("in.jsonl", &out, None, Options::default());
            for s in &sources {
                for b in &s.boilerplate {
                    assert!(b.start <= b.end && b.end <= s.text.len(), "{b:?}");
                }
            }
        }
        Err(e) => match e.place {
            Place::Byte(at) => assert!(at < data.len().max(1), "offset {at} of {}", data.len()),
            other => panic!("error without a byte offset: {other:?}"),
        },
    }
}

/// Syntax stage, the input as one sentence: fine tokens and words slice the text on char
/// boundaries, in order, without overlap, each word covering its fine tokens; the analysis has
/// one entry per word, on the word's span, and is a tree (exactly one word on the root, heads
/// in range and not the word itself, every word reaches the root without a cycle); the parser
/// takes at most two transitions per word, so its time is linear in the sentence.
pub fn parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let model = crate::syntax::model().expect("the built-in model loads");
    let toks = crate::syntax::Tokens::of(text);
    let in_text = |span: crate::span::Span| {
        span.start < span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let mut last_end = 0;
    for t in &toks.toks {
        assert!(in_text(t.span), "fine token {:?} of {}", t.span, text.len());
        assert!(t.span.start >= last_end, "fine token {:?} overlaps", t.span);
        last_end = t.span.end;
    }
    let mut last_end = 0;
    for w in &toks.words {
        assert!(in_text(w.span), "word {:?} of {}", w.span, text.len());
        assert!(w.span.start >= last_end, "word {:?} overlaps", w.span);
        let (a, b) = w.toks;
        assert!(
            a < b && b <= toks.toks.len(),
            "word {:?} covers tokens {a}..{b}",
            w.span
        );
        assert!(
            toks.toks[a].span.start <= w.span.start && w.span.end <= toks.toks[b - 1].span.end,
            "word {:?} outside its tokens",
            w.span
        );
        last_end = w.span.end;
    }
    let mut scratch = crate::syntax::Scratch::default();
    let a = model.analyze(text, &mut scratch);
    let n = a.words.len();
    assert_eq!(n, toks.words.len(), "one analysed word per word");
    for (p, w) in a.words.iter().zip(&toks.words) {
        assert_eq!(p.span, w.span);
    }
    assert!(
        scratch.transitions() <= 2 * n,
        "{} transitions for {n} words",
        scratch.transitions()
    );
    if n == 0 {
        return;
    }
    assert_eq!(a.words.iter().filter(|w| w.head == 0).count(), 1, "roots");
    for (i, w) in a.words.iter().enumerate() {
        assert!(
            w.head <= n && w.head != i + 1,
            "word {} has head {}",
            i + 1,
            w.head
        );
    }
    // Each word walks up to the root or to a word already known to reach it: linear overall.
    const UNSEEN: u8 = 0;
    const ON_PATH: u8 = 1;
    const REACHES_ROOT: u8 = 2;
    let mut state = vec![UNSEEN; n + 1];
    state[0] = REACHES_ROOT;
    let mut path = Vec::new();
    for i in 1..=n {
        let mut at = i;
        while state[at] == UNSEEN {
            state[at] = ON_PATH;
            path.push(at);
            at = a.words[at - 1].head;
        }
        assert_ne!(state[at], ON_PATH, "cycle through word {at}");
        for &p in &path {
            state[p] = REACHES_ROOT;
        }
        path.clear();
    }
}

/// Deepest the HTML parser's own tree of a limited page may be, counted in elements from the
/// document. The limit does not count elements whose end tag is implied (`<li>`, `<dd>`,
/// `<p>`), and up to three of them nest between two counted ones (`<li><dd><p><b><li>...`);
/// a table brings three more (`<tbody>`, `<tr>`, `<td>`); `<html>` and `<body>` on top.
pub const HTML_TREE_DEPTH: usize =
    4 * crate::read::html::MAX_DEPTH + 3 * crate::read::html::MAX_TABLE_DEPTH + 2;

/// HTML reader: no panic; the page the parser gets (nesting limited) builds a tree no deeper
/// than [`HTML_TREE_DEPTH`] and needs no further limiting, so parsing and extraction stay linear
/// in the page; the article text is folded as the reader says (trimmed, paragraphs apart by one
/// blank line, single spaces and line breaks, no other whitespace); its boilerplate spans and
/// its sentences slice it; a flattened page names a start tag that is there.
pub fn html(data: &[u8]) {
    use crate::read::html;
    let Ok(page) = std::str::from_utf8(data) else {
        return;
    };
    let limited = html::limit_depth(page);
    assert_eq!(
        html::limit_depth(&limited.html).dropped,
        0,
        "the limited page still nests too deep"
    );
    let depth = tree_depth(&limited.html);
    assert!(
        depth <= HTML_TREE_DEPTH,
        "the parser built a tree {depth} deep from the limited page"
    );
    let out = html::extract(page);
    let t = out.text.as_str();
    assert_eq!(t, t.trim(), "text not trimmed");
    for bad in ["\n\n\n", "  ", " \n", "\n "] {
        assert!(!t.contains(bad), "text holds {bad:?}");
    }
    assert!(
        t.chars()
            .all(|c| !c.is_whitespace() || c == ' ' || c == '\n'),
        "text holds whitespace other than spaces and line breaks"
    );
    for b in crate::read::boilerplate::find(t) {
        assert!(b.start <= b.end && b.end <= t.len(), "boilerplate {b:?}");
        assert!(t.is_char_boundary(b.start) && t.is_char_boundary(b.end));
    }
    split(t.as_bytes());
    match out.flattened {
        Some((at, dropped)) => {
            assert!(page[at..].starts_with('<'), "flattened at {at}, not a tag");
            assert_eq!(dropped, limited.dropped);
        }
        None => assert_eq!(limited.dropped, 0),
    }
}

/// Depth of the deepest element of the tree html5ever builds for `page` (walked without
/// recursion, so a deep tree cannot overflow the stack here).
fn tree_depth(page: &str) -> usize {
    use ego_tree::iter::Edge;
    let doc = scraper::Html::parse_document(page);
    let (mut depth, mut deepest) = (0usize, 0usize);
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) if n.value().is_element() => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Edge::Close(n) if n.value().is_element() => depth -= 1,
            _ => {}
        }
    }
    deepest
}

/// The check for a target by name (the folder names of `fuzz/regressions/`).
pub fn by_name(target: &str) -> Option<fn(&[u8])> {
    Some(match target {
        "split" => split,
        "values" => values,
        "rules" => rules,
        "reviews" => reviews,
        "read" => read,
        "parse" => parse,
        "html" => html,
        _ => return None,
    })
}
