//! `claimdiff values`: one input per stdin line in, one JSON record (or text rows) of the
//! recognized values per line out, in order. A line that is not UTF-8 is reported on stderr
//! with its line and byte offset and answered with an empty record; the exit status is then 2.

use std::io::{BufRead, Write};

use serde::Serialize;

use super::{Out, Outcome};
use crate::cli::{ValuesArgs, ValuesFormat};
use crate::error::{self, InputError, Place};
use crate::recognize::{self, Context};

pub fn run(args: ValuesArgs) -> Outcome {
    let ctx = Context {
        reference: args.date,
    };
    // Large reads: with the default 8 KiB buffer the system calls alone were a tenth of
    // the time on a 5 MB input.
    let mut reader = std::io::BufReader::with_capacity(1 << 20, std::io::stdin().lock());
    let mut out = Out::stdout();
    let mut line = Vec::new();
    let mut buf = Vec::with_capacity(256);
    let mut scratch = recognize::Scratch::default();
    let mut n = 0usize;
    let mut failed = false;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                error::report(&InputError::new(
                    "<stdin>",
                    Place::Line(n + 1),
                    e.to_string(),
                ));
                failed = true;
                break;
            }
        }
        n += 1;
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        // A line that is not UTF-8 is reported and answered with no values, so the output
        // keeps one record per input line.
        let text = match std::str::from_utf8(&line) {
            Ok(t) => t,
            Err(e) => {
                error::report(&InputError::new(
                    "<stdin>",
                    Place::Line(n),
                    format!("not valid UTF-8 at byte {} of the line", e.valid_up_to()),
                ));
                failed = true;
                ""
            }
        };
        let values = recognize::recognize_in(&mut scratch, text, &ctx);
        buf.clear();
        match args.format {
            // Most lines hold nothing: their record is written without building one.
            ValuesFormat::Jsonl if values.is_empty() => {
                writeln!(buf, "{{\"line\":{n},\"values\":[]}}").expect("write to memory");
            }
            ValuesFormat::Jsonl => {
                let rec = Record {
                    line: n,
                    values: values
                        .iter()
                        .map(|v| Row {
                            kind: v.kind.as_str(),
                            text: v.text(text),
                            start: v.span.start,
                            end: v.span.end,
                            value: &v.value,
                            unit: v.unit.as_deref(),
                            approximate: v.approximate.then_some(true),
                            relative: v.relative.then_some(true),
                            vague: v.vague.then_some(true),
                        })
                        .collect(),
                };
                serde_json::to_writer(&mut buf, &rec).expect("JSON to memory");
                buf.push(b'\n');
            }
            ValuesFormat::Text => {
                for v in &values {
                    buf.extend_from_slice(
                        format!(
                            "{}:{}-{}\t{}\t{}\t{}\n",
                            n,
                            v.span.start,
                            v.span.end,
                            v.kind.as_str(),
                            v.value,
                            v.text(text)
                        )
                        .as_bytes(),
                    );
                }
            }
        }
        out.write(&buf);
        if out.closed {
            break;
        }
    }
    out.finish();
    if failed { Outcome::Failed } else { Outcome::Ok }
}

/// One output record: CONTRACT.md `values`.
#[derive(Serialize)]
struct Record<'a> {
    line: usize,
    values: Vec<Row<'a>>,
}

/// One value in a record; `unit` and `approximate` only when they say something.
#[derive(Serialize)]
struct Row<'a> {
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    approximate: Option<bool>,
    /// Resolved from the reference date ("last year" with `--date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    relative: Option<bool>,
    /// A vague reference ("now", "recently": `PRESENT_REF`, `PAST_REF`), never a claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    vague: Option<bool>,
}
