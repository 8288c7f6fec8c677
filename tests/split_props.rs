//! Properties of sentence spans for any input: in the library (`split::split`) and in the
//! binary's jsonl output.

use assert_cmd::Command;
use claimdiff::split::split;
use proptest::prelude::*;

/// Text built from the pieces the splitter reacts to: abbreviations, initials, numbers, marks,
/// quotes, brackets, bullets, list markers, every kind of line break and Unicode spaces.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just("a.m.".to_string()),
        Just("No.".to_string()),
        Just("J.".to_string()),
        Just("I.".to_string()),
        Just("The".to_string()),
        Just("eBay".to_string()),
        Just("1.".to_string()),
        Just("2)".to_string()),
        Just("b.".to_string()),
        Just("$1.5".to_string()),
        Just(". . .".to_string()),
        Just("[...]".to_string()),
        Just("(RELATED:".to_string()),
        "[a-zA-Z]{1,6}",
        "[0-9]{1,4}",
        "[.!?…]{1,3}",
        "[\"'“”‘’()\\[\\]«»]",
        "[•⁃▪\\-*]",
        "[ \t\u{a0}\u{2009}\u{3000}]{1,2}",
        "(\n|\r\n|\r|\u{2028}|\u{2029}|\n\n|\r\n\r\n|\n \n)",
        // Any other character but NUL, which the reader rejects as binary input.
        "[^\\x00]",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// The spans are non-empty, trimmed, on char boundaries, in order, non-overlapping, and cover
/// every non-whitespace character of the text.
fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let sentences = split(text);
    let mut last_end = 0;
    let mut covered = String::new();
    for s in &sentences {
        let (start, end) = (s.span.start, s.span.end);
        prop_assert!(
            last_end <= start && start < end,
            "span {start}..{end} after {last_end}"
        );
        let slice = text.get(start..end);
        prop_assert!(
            slice.is_some(),
            "span {start}..{end} not on char boundaries"
        );
        let slice = slice.unwrap();
        prop_assert_eq!(slice.trim(), slice);
        covered.push_str(slice);
        last_end = end;
    }
    let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    prop_assert_eq!(strip(&covered), strip(text));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn spans_hold_for_tricky_text(text in tricky_text()) {
        check_spans(&text)?;
    }

    #[test]
    fn spans_hold_for_any_string(text in any::<String>()) {
        check_spans(&text)?;
    }
}

proptest! {
    // Each case starts the binary, so fewer of them.
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn jsonl_spans_slice_the_input(text in tricky_text()) {
        let out = Command::cargo_bin("claimdiff")
            .unwrap()
            .args(["split", "--keep-boilerplate", "--format", "jsonl", "-"])
            .write_stdin(text.clone())
            .output()
            .unwrap();
        prop_assert!(out.status.success());
        let bytes = text.as_bytes();
        let mut last_end = 0;
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let (start, end) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
            prop_assert!(last_end <= start && start < end && end <= bytes.len());
            let slice = std::str::from_utf8(&bytes[start..end]).unwrap();
            prop_assert_eq!(slice.trim(), v["text"].as_str().unwrap());
            prop_assert_eq!(slice.trim(), slice);
            last_end = end;
        }
    }
}
