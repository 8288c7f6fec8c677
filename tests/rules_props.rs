//! Properties of the rule machinery on arbitrary input: compiling a pattern never panics and
//! reports errors inside the pattern; extraction spans always slice the sentence.

use claimdiff::extract::extract_sentence;
use claimdiff::recognize::Context;
use claimdiff::rules::RuleSet;
use claimdiff::rules::pattern::Pattern;
use proptest::prelude::*;

proptest! {
    #[test]
    fn patterns_compile_or_point_inside(src in "[a-zA-Z<>()\\[\\]|*. ,'’é-]{0,40}") {
        if let Err(e) = Pattern::compile(&src) {
            prop_assert!(e.at.start <= e.at.end && e.at.end <= src.len());
            prop_assert!(src.is_char_boundary(e.at.start) && src.is_char_boundary(e.at.end));
        }
    }

    #[test]
    fn claim_spans_slice_the_sentence(text in "[A-Za-z0-9 ,.$%'’é-]{0,120}") {
        let rules = RuleSet::load(None).unwrap();
        for c in extract_sentence(&text, &Context::default(), &rules) {
            prop_assert!(c.value.span.end <= text.len());
            prop_assert!(text.get(c.value.span.start..c.value.span.end).is_some());
            prop_assert!(text.get(c.evidence.start..c.evidence.end).is_some());
            prop_assert!(c.slot.subject.chars().all(|ch| ch.is_alphanumeric() || ch == '-'), "{:?}", c.slot);
        }
    }
}
