//! `claimdiff extract`: sources in, one claim record per line (JSONL) or row (CSV) out.

use serde::Serialize;

use super::{Out, Outcome};
use crate::cli::{ExtractArgs, ExtractFormat};
use crate::error::InputError;
use crate::extract::{self, Claim};
use crate::read::{self, Source};
use crate::rules::{self, RuleSet};
use crate::span::LineIndex;
use crate::split;

/// One claim as written out; CONTRACT.md's fields first, extras after.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    source: &'a str,
    slot: String,
    kind: &'static str,
    value: &'a str,
    text: &'a str,
    sentence: &'a str,
    start: usize,
    end: usize,
    rule: &'a str,
    subject: &'a str,
    attribute: &'a str,
    sentence_start: usize,
    sentence_end: usize,
    /// 1-based line and column of the sentence in the source.
    line: usize,
    column: usize,
    hedged: bool,
    approximate: bool,
    relative: bool,
    unit: Option<&'a str>,
    entity: Option<&'a str>,
    lo: Option<f64>,
    hi: Option<f64>,
    published: Option<String>,
    /// Where `published` came from: `manifest`, `published`, `meta`, `json-ld`, `time`,
    /// `dateline` or `unknown`.
    published_from: read::DateOrigin,
    /// What the figure is about, read from the parse of its sentence.
    frame: &'a crate::frame::Frame,
    /// The rest of what `check --claims` needs to compare the claim as `check` would: the
    /// value's interval (`lo`/`hi` null when open-ended), the words the rule read, the
    /// source's outlet and story terms ([`crate::story::terms`], on every claim of the source,
    /// so any subset of the claims still places their source).
    interval: bool,
    vague: bool,
    evidence: &'a str,
    evidence_start: usize,
    evidence_end: usize,
    outlet: Option<&'a str>,
    story_terms: &'a [(String, u32)],
}

fn record<'a>(
    c: &'a Claim,
    src: &'a Source,
    lines: &LineIndex,
    story_terms: &'a [(String, u32)],
) -> Record<'a> {
    let (line, column) = lines.line_col(&src.text, c.sentence.start);
    let finite = |x: f64| x.is_finite().then_some(x);
    Record {
        id: &c.id,
        source: &c.source,
        slot: c.slot.key(),
        kind: c.value.kind.as_str(),
        value: &c.value.value,
        text: c.value.span.slice(&src.text),
        sentence: c.sentence.slice(&src.text),
        start: c.value.span.start,
        end: c.value.span.end,
        rule: &c.rule,
        subject: &c.slot.subject,
        attribute: &c.slot.attribute,
        sentence_start: c.sentence.start,
        sentence_end: c.sentence.end,
        line,
        column,
        hedged: c.hedged,
        approximate: c.value.approximate,
        relative: c.value.relative,
        unit: c.value.unit.as_deref(),
        entity: c.entity.as_deref(),
        lo: c.value.interval.and_then(|i| finite(i.lo)),
        hi: c.value.interval.and_then(|i| finite(i.hi)),
        published: src.published.map(|d| d.to_string()),
        published_from: src.date_origin,
        frame: &c.frame,
        interval: c.value.interval.is_some(),
        vague: c.value.vague,
        evidence: c.evidence.slice(&src.text),
        evidence_start: c.evidence.start,
        evidence_end: c.evidence.end,
        outlet: src.outlet.as_deref(),
        story_terms,
    }
}

/// Loads the rules a command asked for; problems are printed and give `None`.
pub fn load_rules(dir: Option<&std::path::Path>) -> Option<RuleSet> {
    match RuleSet::load(rules::rules_dir(dir).as_deref()) {
        Ok(r) => Some(r),
        Err(e) => {
            eprint!("{}", e.render());
            None
        }
    }
}

const CSV_HEADER: &[&str] = &[
    "id",
    "source",
    "slot",
    "kind",
    "value",
    "text",
    "sentence",
    "start",
    "end",
    "rule",
    "hedged",
    "entity",
    "measured",
    "predicate",
    "holder",
    "place",
    "subgroup",
    "phase",
    "negated",
    "planned",
    "year",
];

pub fn run(args: ExtractArgs) -> Outcome {
    let Some(rules) = load_rules(args.rules.as_deref()) else {
        return Outcome::Failed;
    };
    let mut errors: Vec<InputError> = Vec::new();
    let inputs = read::discover(&args.paths, &mut errors);
    let mut out = Out::stdout();
    if args.format == ExtractFormat::Csv {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(CSV_HEADER);
        out.write(&w.into_inner().unwrap_or_default());
    }
    let opts = read::Options {
        boilerplate: !args.keep_boilerplate,
    };
    errors.extend(super::render_streaming(
        &inputs,
        opts,
        &mut out,
        |src, buf, flush| {
            let lines = LineIndex::new(&src.text);
            let sentences = split::article_sentences(src, args.keep_boilerplate);
            let terms = crate::story::terms(src, &sentences);
            // Each record quotes its sentence (up to `split::MAX_SENTENCE` bytes), so the output
            // can be hundreds of times the input (a flattened table): claims go out as they are
            // found, a few at a time, instead of being held whole.
            let mut claims = Vec::with_capacity(64);
            let mut out = |claims: &mut Vec<Claim>, buf: &mut Vec<u8>| {
                render(claims, src, &lines, &terms, args.format, buf);
                claims.clear();
                if buf.len() >= super::STREAM_CHUNK {
                    flush(buf);
                }
            };
            extract::for_each_framed(src, &sentences, &rules, |c| {
                claims.push(c);
                if claims.len() == 64 {
                    out(&mut claims, buf);
                }
            });
            out(&mut claims, buf);
        },
    ));
    out.finish();
    super::finish(&errors)
}

fn render(
    claims: &[Claim],
    src: &Source,
    lines: &LineIndex,
    terms: &[(String, u32)],
    format: ExtractFormat,
    buf: &mut Vec<u8>,
) {
    match format {
        ExtractFormat::Jsonl => {
            for c in claims {
                serde_json::to_writer(&mut *buf, &record(c, src, lines, terms))
                    .expect("JSON to memory");
                buf.push(b'\n');
            }
        }
        ExtractFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut *buf);
            for c in claims {
                let r = record(c, src, lines, terms);
                let (start, end) = (r.start.to_string(), r.end.to_string());
                let year = r.frame.year.map(|y| y.to_string()).unwrap_or_default();
                let cells = [
                    r.id,
                    r.source,
                    &r.slot,
                    r.kind,
                    r.value,
                    r.text,
                    r.sentence,
                    &start,
                    &end,
                    r.rule,
                    if r.hedged { "true" } else { "false" },
                    r.entity.unwrap_or(""),
                    &r.frame.measured,
                    &r.frame.predicate,
                    &r.frame.holder,
                    &r.frame.place,
                    &r.frame.subgroup,
                    &r.frame.phase,
                    if r.frame.negated { "true" } else { "false" },
                    if r.frame.planned { "true" } else { "false" },
                    &year,
                ];
                // Spreadsheet safety, as in the report (see crate::report::csv).
                let _ = w.write_record(
                    cells
                        .map(crate::report::csv::neutralize)
                        .iter()
                        .map(|c| c.as_bytes()),
                );
            }
            let _ = w.flush();
        }
    }
}
