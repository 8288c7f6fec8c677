//! Claims made elsewhere: the JSONL of `claimdiff extract --format jsonl` in, the records
//! `check` compares and what each source's story needs out, exactly as `check` would have made
//! them from the sources (so `extract | check --claims -` writes the same report as `check`).
//!
//! Each line is one claim. Besides CONTRACT.md's fields it must carry what the comparison
//! reads: the value's interval, flags and unit, the sentence's place (`sentence_start`,
//! `line`, `column`), the words the rule read (`evidence`, `evidence_start`,
//! `evidence_end`), the frame, the publication date and where it came from, and the source's
//! `story_terms`. A line that is not such a record is an error naming the file and line, and
//! nothing of that input is kept: a report from part of the claims would look complete.

use std::collections::HashMap;
use std::io::BufRead;
use std::sync::Arc;

use serde::Deserialize;

use crate::error::{InputError, Place};
use crate::extract::{Claim, Slot};
use crate::frame::Frame;
use crate::group::Record;
use crate::recognize::{Interval, Kind, Value};
use crate::span::Span;
use crate::story::SourceInfo;

#[derive(Deserialize)]
struct Line {
    id: String,
    source: String,
    kind: String,
    value: String,
    text: String,
    sentence: String,
    start: usize,
    end: usize,
    rule: String,
    subject: String,
    attribute: String,
    sentence_start: usize,
    sentence_end: usize,
    line: usize,
    column: usize,
    hedged: bool,
    approximate: bool,
    relative: bool,
    unit: Option<String>,
    entity: Option<String>,
    lo: Option<f64>,
    hi: Option<f64>,
    published: Option<String>,
    published_from: String,
    frame: Frame,
    interval: bool,
    vague: bool,
    evidence: String,
    evidence_start: usize,
    evidence_end: usize,
    story_terms: Vec<(String, u32)>,
}

/// Claims and sources read so far, in the order met.
#[derive(Default)]
pub struct Claims {
    pub records: Vec<Record>,
    pub sources: Vec<SourceInfo>,
    seen: HashMap<String, usize>,
    /// The folded sentence last read, shared by the claims of one sentence as `check` shares it.
    last: Option<(String, usize, Arc<str>)>,
}

impl Claims {
    /// Reads every claim of `reader` (named `file` in errors). On an error, nothing of this
    /// input is kept and the error names its line.
    pub fn read(&mut self, file: &str, reader: impl BufRead) -> Result<(), InputError> {
        let (records, sources) = (self.records.len(), self.sources.len());
        let result = self.read_all(file, reader);
        if result.is_err() {
            self.records.truncate(records);
            for s in self.sources.drain(sources..) {
                self.seen.remove(&s.name);
            }
            self.last = None;
        }
        result
    }

    fn read_all(&mut self, file: &str, reader: impl BufRead) -> Result<(), InputError> {
        for (i, line) in reader.split(b'\n').enumerate() {
            let number = i + 1;
            let line =
                line.map_err(|e| InputError::new(file, Place::Line(number), e.to_string()))?;
            let line = line.strip_suffix(b"\r").unwrap_or(&line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let bad = |msg: String| {
                InputError::new(file, Place::Line(number), msg)
                    .hint("claims are the JSONL of `claimdiff extract --format jsonl`")
            };
            let l: Line = serde_json::from_slice(line).map_err(|e| {
                bad(format!(
                    "not a claim record: {} at column {}",
                    strip_place(&e),
                    e.column()
                ))
            })?;
            self.add(l).map_err(bad)?;
        }
        Ok(())
    }

    fn add(&mut self, l: Line) -> Result<(), String> {
        let kind = Kind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == l.kind)
            .ok_or_else(|| format!("`{}` is not a kind of value", l.kind))?;
        let published = match l.published.as_deref() {
            None => None,
            Some(p) => Some(
                p.parse::<jiff::civil::Date>()
                    .map_err(|_| format!("`{p}` in field `published` is not a date"))?,
            ),
        };
        for (name, s, e) in [
            ("", l.start, l.end),
            ("sentence_", l.sentence_start, l.sentence_end),
            ("evidence_", l.evidence_start, l.evidence_end),
        ] {
            if s > e {
                return Err(format!("`{name}start` {s} is past `{name}end` {e}"));
            }
        }
        if !self.seen.contains_key(&l.source) {
            self.seen.insert(l.source.clone(), self.sources.len());
            self.sources.push(SourceInfo {
                name: l.source.clone(),
                published,
                terms: l.story_terms,
            });
        }
        let sentence = match &self.last {
            Some((src, start, text)) if *src == l.source && *start == l.sentence_start => {
                text.clone()
            }
            _ => {
                let text: Arc<str> = fold(&l.sentence).into();
                self.last = Some((l.source.clone(), l.sentence_start, text.clone()));
                text
            }
        };
        let interval = l.interval.then(|| {
            Interval::new(
                l.lo.unwrap_or(f64::NEG_INFINITY),
                l.hi.unwrap_or(f64::INFINITY),
            )
        });
        let value = Value {
            kind,
            span: Span::new(l.start, l.end),
            value: l.value,
            interval,
            unit: l.unit,
            approximate: l.approximate,
            relative: l.relative,
            vague: l.vague,
        };
        self.records.push(Record {
            text: fold(&l.text),
            sentence,
            words: fold(&l.evidence),
            location: format!("{}:{}:{}", l.source, l.line, l.column),
            published,
            date_guessed: l.published_from == "dateline",
            claim: Claim {
                id: l.id,
                source: l.source,
                slot: Slot::new(l.subject, l.attribute),
                value,
                sentence: Span::new(l.sentence_start, l.sentence_end),
                rule: l.rule,
                hedged: l.hedged,
                entity: l.entity,
                evidence: Span::new(l.evidence_start, l.evidence_end),
                frame: l.frame,
            },
        });
        Ok(())
    }
}

/// Folds runs of whitespace to one space, as `check` does with the text it quotes.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// serde_json's message without its " at line L column C" tail.
fn strip_place(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}
