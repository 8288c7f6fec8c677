use rayon::prelude::*;

use super::{Out, Outcome};
use crate::cli::{SplitArgs, SplitFormat};
use crate::error::{self, InputError};
use crate::read;
use crate::split;

pub fn run(args: SplitArgs) -> Outcome {
    let mut errors: Vec<InputError> = Vec::new();
    let inputs = read::discover(&args.paths, &mut errors);
    let mut out = Out::stdout();
    // Sources are read and split in parallel, written in input order, a chunk at a time so
    // memory follows the chunk, not the corpus.
    for chunk in inputs.chunks(64) {
        let done: Vec<(Vec<u8>, Vec<InputError>)> = chunk
            .par_iter()
            .map(|input| {
                let opts = read::Options {
                    boilerplate: !args.keep_boilerplate,
                };
                let (sources, errs) = read::load_with(input, opts);
                let mut buf = Vec::new();
                for src in &sources {
                    render(src, &args, &mut buf);
                }
                (buf, errs)
            })
            .collect();
        for (buf, errs) in done {
            out.write(&buf);
            errors.extend(errs);
        }
    }
    out.finish();
    for e in &errors {
        error::report(e);
    }
    if errors.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Failed
    }
}

fn render(src: &read::Source, args: &SplitArgs, buf: &mut Vec<u8>) {
    for s in split::split(&src.text) {
        // A sentence that runs into boilerplate ("... control. (RELATED: ...)") keeps its
        // article part; one that is all boilerplate is dropped.
        let span = if args.keep_boilerplate {
            s.span
        } else {
            match src.strip_boilerplate(s.span) {
                Some(span) => span,
                None => continue,
            }
        };
        let text = span.slice(&src.text);
        match args.format {
            SplitFormat::Text => {
                fold_whitespace(text, buf);
                buf.push(b'\n');
            }
            SplitFormat::Jsonl => {
                let rec = serde_json::json!({
                    "source": src.name, "start": span.start, "end": span.end, "text": text,
                });
                serde_json::to_writer(&mut *buf, &rec).expect("JSON to memory");
                buf.push(b'\n');
            }
        }
    }
}

/// Writes `text` with every run of inner line breaks folded to one space.
fn fold_whitespace(text: &str, buf: &mut Vec<u8>) {
    let mut last = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let mut s = i;
            while s > last && (b[s - 1] == b' ' || b[s - 1] == b'\t') {
                s -= 1;
            }
            buf.extend_from_slice(&b[last..s]);
            buf.push(b' ');
            let mut j = i;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            last = j;
            i = j;
        } else {
            i += 1;
        }
    }
    buf.extend_from_slice(&b[last..]);
}
