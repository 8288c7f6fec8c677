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

/// The check for a target by name (the folder names of `fuzz/regressions/`).
pub fn by_name(target: &str) -> Option<fn(&[u8])> {
    Some(match target {
        "split" => split,
        "values" => values,
        "rules" => rules,
        "reviews" => reviews,
        "read" => read,
        _ => return None,
    })
}
