//! `claimdiff text`: sources in; on stdout, each source's text as the later stages read it
//! (for an HTML page, the extracted article), so spans can be checked against it and
//! extraction scored. `--format jsonl` adds the metadata: title, outlet, publication date and
//! where the date came from.

use serde::Serialize;

use super::{Out, Outcome};
use crate::cli::{SplitFormat, TextArgs};
use crate::error::InputError;
use crate::read::{self, DateOrigin, Source};

#[derive(Serialize)]
struct Record<'a> {
    source: &'a str,
    text: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    published: Option<String>,
    published_from: DateOrigin,
}

pub fn run(args: TextArgs) -> Outcome {
    let mut errors: Vec<InputError> = Vec::new();
    let inputs = read::discover(&args.paths, &mut errors);
    let mut out = Out::stdout();
    // The text is printed whole, boilerplate included: spans are offsets into exactly this.
    let opts = read::Options { boilerplate: false };
    errors.extend(super::render_in_order(
        &inputs,
        opts,
        &mut out,
        |src, buf| {
            render(src, args.format, buf);
        },
    ));
    out.finish();
    super::finish(&errors)
}

fn render(src: &Source, format: SplitFormat, buf: &mut Vec<u8>) {
    match format {
        SplitFormat::Text => {
            buf.extend_from_slice(src.text.as_bytes());
            // Each source ends with a blank line, so several stay apart.
            buf.extend_from_slice(b"\n\n");
        }
        SplitFormat::Jsonl => {
            let r = Record {
                source: &src.name,
                text: &src.text,
                title: src.title.as_deref(),
                outlet: src.outlet.as_deref(),
                published: src.published.map(|d| d.to_string()),
                published_from: src.date_origin,
            };
            serde_json::to_writer(&mut *buf, &r).expect("JSON to memory");
            buf.push(b'\n');
        }
    }
}
