//! Stage 2, split: a source's text in, [`Sentence`]s out, each a trimmed byte span of the text.
//!
//! Paragraph breaks (blank lines) always end a sentence; inside a paragraph a sentence ends at
//! `.`, `!` or `?` followed by space and a capital letter.

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
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        let span = Span::new(s, e).trim(text);
        if !span.is_empty() {
            out.push(Sentence { span });
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                push(start, i, &mut out);
                start = j;
                i = j;
                continue;
            }
        } else if matches!(b, b'.' | b'!' | b'?')
            && bytes.get(i + 1) == Some(&b' ')
            && bytes.get(i + 2).is_some_and(|c| c.is_ascii_uppercase())
        {
            push(start, i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push(start, bytes.len(), &mut out);
    out
}
