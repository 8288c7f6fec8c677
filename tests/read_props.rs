//! Properties of reading that must hold for any input: no panic, and boilerplate spans that are
//! sorted, disjoint, on character boundaries and inside the text.

use std::fs;

use claimdiff::read::{self, Input, boilerplate, html};
use proptest::prelude::*;

/// Text built from pieces that exercise the rules: notices, headings, inserts, credits,
/// prose, blank lines, non-ASCII and stray brackets.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Related Articles".to_string()),
        Just("Recent Posts".to_string()),
        Just("Share".to_string()),
        Just("READ: Other story".to_string()),
        Just("(RELATED: A Story (Part 2)".to_string()),
        Just(")".to_string()),
        Just("[".to_string()),
        Just("Photo by A. Roe/EPA-EFE".to_string()),
        Just("Jane Roe is the Senior Editor of Example News.".to_string()),
        Just("This sentence is long enough to be prose because it has more than fifteen words in it.".to_string()),
        Just("\u{201c}Quoted,\u{201d} she said. Advertisement".to_string()),
        Just("Caf\u{e9} \u{2014} \u{2026}".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        "[a-zA-Z .,:()\\[\\]\u{a0}\u{e9}\u{2019}-]{0,30}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check_spans(text: &str, spans: &[claimdiff::span::Span]) {
    let mut last_end = 0;
    for (i, s) in spans.iter().enumerate() {
        assert!(s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        if i > 0 {
            assert!(s.start > last_end, "spans overlap or touch: {spans:?}");
        }
        last_end = s.end;
    }
}

proptest! {
    #[test]
    fn boilerplate_spans_are_sorted_disjoint_and_on_boundaries(text in texty()) {
        let spans = boilerplate::find(&text);
        check_spans(&text, &spans);
    }

    #[test]
    fn any_string_is_safe(text in "\\PC{0,200}") {
        check_spans(&text, &boilerplate::find(&text));
        let _ = read::dateline::find(&text);
        let _ = html::extract(&text);
    }

    #[test]
    fn any_bytes_load_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), ext in "(txt|html|jsonl|md)") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("x.{ext}"));
        fs::write(&path, &bytes).unwrap();
        let (sources, errors) = read::load(&Input::File(path));
        // Every input gives sources or says why not (a JSONL file may do both, by line).
        if sources.is_empty() && !bytes.iter().all(u8::is_ascii_whitespace) && ext != "jsonl" {
            prop_assert!(!errors.is_empty());
        }
        for s in &sources {
            check_spans(&s.text, &s.boilerplate);
        }
    }
}
