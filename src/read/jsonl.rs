//! JSONL input: bytes in, one [`Source`] per non-blank line out.
//!
//! Each line is `{"source": NAME, "text": TEXT, "published": "YYYY-MM-DD"?, "outlet": "..."?}`;
//! other fields are ignored. A line that is not UTF-8, not JSON, or lacks `source` or `text` is
//! reported as `FILE:LINE: ...` and skipped; a bad `published` is reported and the record kept
//! without that date. Lines are parsed and their sources prepared in parallel, and come back in
//! file order.

use rayon::prelude::*;
use serde::Deserialize;

use super::dateline::parse_iso_date;
use super::{DateOrigin, Format, Options, Source, manifest};
use crate::error::{InputError, Place};

#[derive(Deserialize)]
struct Record {
    source: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
}

/// Reads JSONL `bytes` of input `file`; `manifest` is the one of the file's folder, if any.
pub fn load(
    file: &str,
    bytes: &[u8],
    manifest: Option<&manifest::Manifest>,
    opts: Options,
) -> (Vec<Source>, Vec<InputError>) {
    let lines = lines(bytes);
    let results: Vec<(Option<Source>, Vec<InputError>)> = lines
        .par_iter()
        .map(|&(number, start, line)| {
            let mut errors = Vec::new();
            let src = record(file, number, start, line, &mut errors).map(|mut src| {
                let entry = manifest.and_then(|m| m.get(&src.name));
                src.finish(entry, opts);
                src
            });
            (src, errors)
        })
        .collect();
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for (s, e) in results {
        sources.extend(s);
        errors.extend(e);
    }
    (sources, errors)
}

/// The source of one line (`number` from 1, `start` its byte offset in the input), finished
/// with no manifest: how stdin is read as a stream ([`super::stream_stdin`]).
pub fn line_source(
    file: &str,
    number: usize,
    start: usize,
    line: &[u8],
    opts: Options,
) -> (Option<Source>, Vec<InputError>) {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut errors = Vec::new();
    let src = record(file, number, start, line, &mut errors).map(|mut s| {
        s.finish(None, opts);
        s
    });
    (src, errors)
}

/// Non-blank lines with their 1-based number and byte offset.
fn lines(bytes: &[u8]) -> Vec<(usize, usize, &[u8])> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if !line.iter().all(u8::is_ascii_whitespace) {
            out.push((i + 1, start, line));
        }
        start += raw.len() + 1;
    }
    out
}

fn record(
    file: &str,
    number: usize,
    start: usize,
    line: &[u8],
    errors: &mut Vec<InputError>,
) -> Option<Source> {
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => {
            errors.push(
                InputError::new(
                    file,
                    Place::Byte(start + e.valid_up_to()),
                    format!("not valid UTF-8 (line {number})"),
                )
                .hint("convert the file to UTF-8"),
            );
            return None;
        }
    };
    // serde would take `["a", "text"]` for a record, field by field in order: refuse it.
    if !text.trim_start().starts_with('{') {
        let column = text.len() - text.trim_start().len() + 1;
        errors.push(
            InputError::new(
                file,
                Place::Line(number),
                format!("not a JSONL record: expected an object at column {column}"),
            )
            .hint(r#"each line should be {"source": ..., "text": ...}"#),
        );
        return None;
    }
    let rec: Record = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            errors.push(
                InputError::new(
                    file,
                    Place::Line(number),
                    format!(
                        "not a JSONL record: {} at column {}",
                        reason(&e),
                        e.column()
                    ),
                )
                .hint(r#"each line should be {"source": ..., "text": ...}"#),
            );
            return None;
        }
    };
    if rec.source.trim().is_empty() {
        errors.push(InputError::new(
            file,
            Place::Line(number),
            "record has an empty `source`",
        ));
        return None;
    }
    let mut src = Source::new(rec.source, rec.text, Format::Jsonl);
    src.outlet = rec.outlet.filter(|o| !o.trim().is_empty());
    match rec.published.as_deref().map(str::trim) {
        None | Some("") => {}
        Some(p) => match parse_iso_date(p) {
            Some(d) => {
                src.published = Some(d);
                src.date_origin = DateOrigin::Published;
            }
            None => errors.push(
                InputError::new(
                    file,
                    Place::Line(number),
                    format!("`{p}` in field `published` is not a date"),
                )
                .hint("write it as YYYY-MM-DD"),
            ),
        },
    }
    Some(src)
}

/// serde_json's message without its " at line L column C" tail (the line is ours to give).
fn reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

/// Whether every non-blank line of `bytes` is a JSON value (how stdin is told to be JSONL).
pub fn all_lines_json(bytes: &[u8]) -> bool {
    lines(bytes)
        .iter()
        .all(|(_, _, l)| serde_json::from_slice::<serde::de::IgnoredAny>(l).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_reports_bad_lines_by_number() {
        let data = b"{\"source\":\"a\",\"text\":\"Hello there.\",\"published\":\"2024-01-02\"}\n\n{\"source\":\"b\"\n{\"source\":\"c\",\"text\":\"C.\",\"outlet\":\"Ex\"}\n";
        let (srcs, errs) = load("in.jsonl", data, None, Options::default());
        assert_eq!(srcs.len(), 2);
        assert_eq!(srcs[0].name, "a");
        assert_eq!(srcs[0].date_origin, DateOrigin::Published);
        assert_eq!(srcs[1].outlet.as_deref(), Some("Ex"));
        assert_eq!(errs.len(), 1);
        // Line 3 is `{"source":"b"`: 13 characters, the parser stops at its end.
        assert_eq!(errs[0].place, Place::Line(3));
        assert!(errs[0].message.contains("column 13"), "{}", errs[0].message);
    }

    #[test]
    fn bad_utf8_names_the_byte_and_line() {
        // line 2's bad byte is at offset 12 in it.
        let mut data = b"{\"source\":\"a\",\"text\":\"Fine.\"}\n".to_vec();
        let first = data.len();
        data.extend_from_slice(b"{\"source\":\"b\xff\",\"text\":\"x\"}\n");
        let (srcs, errs) = load("in.jsonl", &data, None, Options::default());
        assert_eq!(srcs.len(), 1);
        assert_eq!(errs[0].place, Place::Byte(first + 12));
        assert!(errs[0].message.contains("line 2"));
    }
}
