//! `claimdiff parse`: the syntax stage's analysis of every sentence, as CoNLL-U or JSONL.

use std::fmt::Write as _;

use super::{Out, Outcome};
use crate::cli::{ParseArgs, ParseFormat};
use crate::error::{InputError, Place};
use crate::read;
use crate::span::Span;
use crate::split;
use crate::syntax::{self, Analysis, Model, conllu};

pub fn run(args: ParseArgs) -> Outcome {
    let model = match &args.model {
        Some(p) => syntax::use_model_file(p),
        None => syntax::model(),
    };
    let model = match model {
        Ok(m) => m,
        Err(e) => {
            eprintln!("claimdiff: error: {e}");
            return Outcome::Failed;
        }
    };
    if let Some(path) = &args.conllu {
        return reanalyse(model, path);
    }
    let mut errors: Vec<InputError> = Vec::new();
    let inputs = read::discover(&args.paths, &mut errors);
    let mut out = Out::stdout();
    let opts = read::Options {
        boilerplate: !args.keep_boilerplate,
    };
    let render = |src: &read::Source, buf: &mut Vec<u8>, flush: &mut dyn FnMut(&mut Vec<u8>)| {
        let mut scratch = syntax::Scratch::default();
        let mut s = String::new();
        for (n, sent) in split::article_sentences(src, args.keep_boilerplate)
            .iter()
            .enumerate()
        {
            let text = sent.span.slice(&src.text);
            let a = model.analyze(text, &mut scratch);
            s.clear();
            match args.format {
                ParseFormat::Conllu => {
                    conllu_block(&mut s, &src.name, n + 1, text, sent.span.start, &a)
                }
                ParseFormat::Jsonl => jsonl_line(&mut s, &src.name, text, sent.span.start, &a),
            }
            buf.extend_from_slice(s.as_bytes());
            if buf.len() >= super::STREAM_CHUNK {
                flush(buf);
            }
        }
    };
    errors.extend(super::render_streaming(&inputs, opts, &mut out, render));
    out.finish();
    super::finish(&errors)
}

/// Writes one sentence as a CoNLL-U block; `base` is the sentence's offset in its source.
fn conllu_block(s: &mut String, source: &str, n: usize, text: &str, base: usize, a: &Analysis) {
    let _ = writeln!(s, "# source = {}", one_line(source));
    let _ = writeln!(s, "# sent_id = {}:{n}", one_line(source));
    let _ = writeln!(s, "# text = {}", one_line(text));
    for (i, w) in a.words.iter().enumerate() {
        let glued = a
            .words
            .get(i + 1)
            .is_some_and(|next| next.span.start == w.span.end);
        let _ = writeln!(
            s,
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\tTokenRange={}:{}{}",
            i + 1,
            w.span.slice(text),
            w.lemma,
            w.upos,
            w.xpos,
            w.head,
            w.deprel,
            base + w.span.start,
            base + w.span.end,
            if glued { "|SpaceAfter=No" } else { "" }
        );
    }
    s.push('\n');
}

fn jsonl_line(s: &mut String, source: &str, text: &str, base: usize, a: &Analysis) {
    let words: Vec<serde_json::Value> = a
        .words
        .iter()
        .map(|w| {
            serde_json::json!({
                "start": base + w.span.start,
                "end": base + w.span.end,
                "form": w.span.slice(text),
                "lemma": w.lemma,
                "upos": w.upos,
                "xpos": w.xpos,
                "head": w.head,
                "deprel": w.deprel,
            })
        })
        .collect();
    let rec = serde_json::json!({
        "source": source,
        "start": base,
        "end": base + text.len(),
        "text": text,
        "words": words,
    });
    s.push_str(&rec.to_string());
    s.push('\n');
}

/// Line breaks and tabs as spaces, for comment lines.
fn one_line(t: &str) -> String {
    t.split(['\n', '\r', '\t', '\u{2028}', '\u{2029}'])
        .collect::<Vec<_>>()
        .join(" ")
}

/// `--conllu FILE`: analyse the file's own words and write it back with the analysed columns.
fn reanalyse(model: &'static Model, path: &std::path::Path) -> Outcome {
    let name = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            crate::error::report(&InputError::new(&name, Place::Whole, e.to_string()));
            return Outcome::Failed;
        }
    };
    let sents = match conllu::parse(&text) {
        Ok(s) => s,
        Err(e) => {
            crate::error::report(&InputError::new(&name, Place::Line(e.line), e.what));
            return Outcome::Failed;
        }
    };
    let mut out = Out::stdout();
    let mut scratch = syntax::Scratch::default();
    let mut s = String::new();
    for sent in &sents {
        // The words joined by single spaces; each word's span points into that line.
        let mut line = String::new();
        let mut spans = Vec::with_capacity(sent.words.len());
        for w in &sent.words {
            if !line.is_empty() {
                line.push(' ');
            }
            spans.push(Span::new(line.len(), line.len() + w.form.len()));
            line.push_str(&w.form);
        }
        let a = model.analyze_spans(&line, &spans, &mut scratch);
        s.clear();
        for l in &sent.lines {
            match l {
                conllu::Line::Comment(c) | conllu::Line::Other(c) => {
                    s.push_str(c);
                    s.push('\n');
                }
                conllu::Line::Word(i) => {
                    let (g, w) = (&sent.words[*i], &a.words[*i]);
                    let _ = writeln!(
                        s,
                        "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                        i + 1,
                        g.form,
                        w.lemma,
                        w.upos,
                        w.xpos,
                        w.head,
                        w.deprel,
                        g.misc
                    );
                }
            }
        }
        s.push('\n');
        out.write(s.as_bytes());
    }
    out.finish();
    Outcome::Ok
}
