//! Stage 4, extract: a source's sentences and their values in, [`Claim`]s out.
//!
//! A claim is one recognized value worth comparing, filed under a [`Slot`] (what it is about)
//! by a rule, with the sentence it came from as evidence.

use serde::Serialize;

use crate::recognize::Value;
use crate::span::Span;

/// What a claim is about: `subject/attribute`, e.g. `coup/date`, `us-troops/count`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Slot {
    pub subject: String,
    pub attribute: String,
}

impl Slot {
    pub fn new(subject: impl Into<String>, attribute: impl Into<String>) -> Self {
        Slot {
            subject: subject.into(),
            attribute: attribute.into(),
        }
    }

    /// The `subject/attribute` key.
    pub fn key(&self) -> String {
        format!("{}/{}", self.subject, self.attribute)
    }
}

/// One factual claim of one source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Stable id: a hash of source name, slot and value span.
    pub id: String,
    /// Name of the source (file name or JSONL `source`).
    pub source: String,
    pub slot: Slot,
    /// The value, its span a byte range of the source's text.
    pub value: Value,
    /// The sentence the claim comes from, a byte range of the source's text.
    pub sentence: Span,
    /// Name of the rule that filed the value under its slot.
    pub rule: String,
    /// The sentence hedges ("reportedly", "may", "according to unconfirmed reports").
    pub hedged: bool,
}
