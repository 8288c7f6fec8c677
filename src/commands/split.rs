use super::{Out, Outcome, STREAM_CHUNK};
use crate::cli::{SplitArgs, SplitFormat};
use crate::error::InputError;
use crate::read;
use crate::split;

pub fn run(args: SplitArgs) -> Outcome {
    let mut errors: Vec<InputError> = Vec::new();
    let inputs = read::discover(&args.paths, &mut errors);
    let mut out = Out::stdout();
    // Under --keep-boilerplate nothing would use the boilerplate spans, so none are looked for.
    let opts = read::Options {
        boilerplate: !args.keep_boilerplate,
    };
    errors.extend(super::render_streaming(
        &inputs,
        opts,
        &mut out,
        |src, buf, flush| render(src, &args, buf, flush),
    ));
    out.finish();
    super::finish(&errors)
}

/// Renders the sentences of `src` into `buf`, calling `flush` whenever `buf` holds a chunk.
fn render(
    src: &read::Source,
    args: &SplitArgs,
    buf: &mut Vec<u8>,
    flush: &mut dyn FnMut(&mut Vec<u8>),
) {
    // The record prefix up to the start offset is the same for every sentence of a source.
    let mut prefix = b"{\"source\":".to_vec();
    serde_json::to_writer(&mut prefix, &src.name).expect("JSON to memory");
    prefix.extend_from_slice(b",\"start\":");
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
                // Written by hand, not through a `json!` map: one allocation-free pass per
                // sentence keeps jsonl output about as cheap as text.
                buf.extend_from_slice(&prefix);
                serde_json::to_writer(&mut *buf, &span.start).expect("JSON to memory");
                buf.extend_from_slice(b",\"end\":");
                serde_json::to_writer(&mut *buf, &span.end).expect("JSON to memory");
                buf.extend_from_slice(b",\"text\":");
                serde_json::to_writer(&mut *buf, text).expect("JSON to memory");
                buf.extend_from_slice(b"}\n");
            }
        }
        if buf.len() >= STREAM_CHUNK {
            flush(buf);
        }
    }
}

/// Writes `text` with every line break (LF, CR, U+2028, U+2029), and the spaces and tabs
/// around it, folded to one space: one sentence per output line, for any line-splitting reader.
fn fold_whitespace(text: &str, buf: &mut Vec<u8>) {
    let b = text.as_bytes();
    let break_len = |i: usize| match b[i] {
        b'\n' | b'\r' => 1,
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => 3,
        _ => 0,
    };
    let mut last = 0;
    let mut from = 0;
    while let Some(off) = memchr::memchr3(b'\n', b'\r', 0xE2, &b[from..]) {
        let i = from + off;
        if break_len(i) == 0 {
            // Another character starting with 0xE2 (a quote, a dash).
            from = i + 1;
            continue;
        }
        let mut s = i;
        while s > last && (b[s - 1] == b' ' || b[s - 1] == b'\t') {
            s -= 1;
        }
        buf.extend_from_slice(&b[last..s]);
        buf.push(b' ');
        let mut j = i;
        while j < b.len() {
            match break_len(j) {
                0 if matches!(b[j], b' ' | b'\t') => j += 1,
                0 => break,
                w => j += w,
            }
        }
        last = j;
        from = j;
    }
    buf.extend_from_slice(&b[last..]);
}

#[cfg(test)]
mod tests {
    use super::fold_whitespace;

    fn folded(s: &str) -> String {
        let mut buf = Vec::new();
        fold_whitespace(s, &mut buf);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn line_breaks_fold_to_one_space() {
        assert_eq!(folded("a \r\n  b\nc"), "a b c");
        assert_eq!(folded("one line"), "one line");
        assert_eq!(folded("x\u{a0}y"), "x\u{a0}y");
        assert_eq!(folded("“a”\u{2028} b\u{2029}c"), "“a” b c");
    }
}
