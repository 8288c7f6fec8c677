//! In-process time of each recognizer stage over a file, one line at a time (no stdin, no
//! output): where `claimdiff values` spends its time. A file path in, milliseconds per stage
//! out, best of fifteen runs. "precheck" is the anchor scan alone; the rows from "tokenize"
//! to "+ times" are cumulative and run on every line, skipping nothing; the last row is
//! `recognize` as `values` runs it, with skipping.
//!
//!     cargo run --release --example recognize_stages -- /tmp/claimdiff-speed-en.txt

use claimdiff::recognize::{self, Context, anchor, date, duration, lexicon, number, time, token};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: recognize_stages FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let ctx = Context {
        reference: Some(jiff::civil::date(2024, 4, 27)),
    };
    let lines: Vec<&str> = text.lines().collect();
    type Stage = fn(&str, &Context) -> usize;
    let stages: [(&str, Stage); 8] = [
        ("precheck", |l, _| usize::from(anchor::may_hold_value(l))),
        ("tokenize", |l, _| token::tokenize(l).len()),
        ("+ words", |l, _| {
            let t = token::tokenize(l);
            lexicon::Words::new(l, &t).len()
        }),
        ("+ dates", |l, c| {
            let t = token::tokenize(l);
            let w = lexicon::Words::new(l, &t);
            let mut out = Vec::new();
            date::find(&w, c, &mut out);
            out.len()
        }),
        ("+ durations", |l, c| {
            let t = token::tokenize(l);
            let w = lexicon::Words::new(l, &t);
            let mut out = Vec::new();
            date::find(&w, c, &mut out);
            duration::find(&w, c, &mut out);
            out.len()
        }),
        ("+ times", |l, c| {
            let t = token::tokenize(l);
            let w = lexicon::Words::new(l, &t);
            let mut out = Vec::new();
            date::find(&w, c, &mut out);
            duration::find(&w, c, &mut out);
            let mut times = Vec::new();
            time::find(&w, c, &out, &mut times);
            out.len() + times.len()
        }),
        ("numbers alone", |l, c| {
            let t = token::tokenize(l);
            let w = lexicon::Words::new(l, &t);
            let mut out = Vec::new();
            number::find(&w, c, &mut out);
            out.len()
        }),
        ("recognize (all)", |l, c| recognize::recognize(l, c).len()),
    ];
    for (name, stage) in stages {
        let mut best = f64::INFINITY;
        let mut n = 0;
        for _ in 0..15 {
            let t = std::time::Instant::now();
            n = lines.iter().map(|l| stage(l, &ctx)).sum::<usize>();
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "{name:<16} {:>7.1} ms  {:>6.0} MB/s  ({n})",
            best * 1e3,
            text.len() as f64 / 1e6 / best
        );
    }
}
