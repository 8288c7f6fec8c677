use std::io::BufRead;

use super::{Out, Outcome};
use crate::cli::{ValuesArgs, ValuesFormat};
use crate::error::{self, InputError, Place};
use crate::recognize::{self, Context};

pub fn run(args: ValuesArgs) -> Outcome {
    let ctx = Context {
        reference: args.date,
    };
    let stdin = std::io::stdin();
    let mut reader = stdin.lock();
    let mut out = Out::stdout();
    let mut line = Vec::new();
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
        let values = recognize::recognize(text, &ctx);
        let mut buf = Vec::with_capacity(64);
        match args.format {
            ValuesFormat::Jsonl => {
                let vals: Vec<serde_json::Value> = values
                    .iter()
                    .map(|v| {
                        let mut o = serde_json::json!({
                            "kind": v.kind, "text": v.text(text), "start": v.span.start,
                            "end": v.span.end, "value": v.value,
                        });
                        if let Some(u) = &v.unit {
                            o["unit"] = serde_json::Value::String(u.clone());
                        }
                        if v.approximate {
                            o["approximate"] = serde_json::Value::Bool(true);
                        }
                        if v.relative {
                            o["relative"] = serde_json::Value::Bool(true);
                        }
                        o
                    })
                    .collect();
                let rec = serde_json::json!({"line": n, "values": vals});
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
