//! Benchmark (not a test): where `check` spends its time, stage by stage, on one thread.
//! Paths in (as `check` takes them), CPU seconds and MB/s of input per stage out, on stdout
//! as `stage,seconds,mb_per_s`:
//!
//!     cargo run --release --example stages -- corpus.jsonl [--rules claims]
//!
//! - read: bytes to sources (JSONL records, encodings, datelines, boilerplate spans);
//! - split: sentences;
//! - extract: values and the rules that file them under slots, without the parse;
//! - parse: the syntax of each sentence that holds a claim and the claim's frame read from it
//!   (what `check` does per source, less split and extract);
//! - compare: grouping the claims into facts and comparing their values;
//! - report-csv: the CSV report and the agreements; report-html: the HTML page (sources not
//!   embedded).
//!
//! One thread, CPU time of the thread (a shared machine's waits left out), so each figure is
//! the CPU a stage costs; `check` runs the first four on every
//! core (benches/scale.sh measures the whole run).

use std::time::Duration;

use claimdiff::commands::check::records_of;
use claimdiff::compare::facts::{compare_groups, rows_in_order};
use claimdiff::read::{self, stream};
use claimdiff::{extract, group, report, rules, split};

fn main() {
    let mut paths = Vec::new();
    let mut rules_dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--rules" {
            rules_dir = args.next().map(std::path::PathBuf::from);
        } else {
            paths.push(a);
        }
    }
    if paths.is_empty() {
        eprintln!("usage: stages PATH... [--rules DIR]");
        std::process::exit(2);
    }
    let rules = match rules::RuleSet::load(rules_dir.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprint!("{}", e.render());
            std::process::exit(2);
        }
    };
    let mut errors = Vec::new();
    let inputs = read::discover(&paths, &mut errors);
    let bytes = stream::total_bytes(&inputs) as f64;
    let mut t = [Duration::ZERO; 7];
    let mut records = Vec::new();
    let mut sources_n = 0;
    stream::for_each_batch(&inputs, |pieces| {
        let start = Instant::now();
        let mut sources = Vec::new();
        for p in pieces {
            let (s, e) = p.load(read::Options::default());
            sources.extend(s);
            errors.extend(e);
        }
        t[0] += start.elapsed();
        sources_n += sources.len();
        for src in &sources {
            let start = Instant::now();
            let sentences = split::article_sentences(src, false);
            let split_done = Instant::now();
            let claims = extract::extract(src, &sentences, &rules);
            let extract_done = Instant::now();
            std::hint::black_box(claims);
            records_of(src, &rules, &mut records, &mut Vec::new(), true);
            let all_done = Instant::now();
            let split_t = split_done - start;
            let extract_t = extract_done - split_done;
            t[1] += split_t;
            t[2] += extract_t;
            // records_of splits and extracts again, then parses: the rest is the parse.
            t[3] += (all_done - extract_done).saturating_sub(split_t + extract_t);
        }
    });
    for e in &errors {
        claimdiff::error::report(e);
    }
    let start = Instant::now();
    group::anchor_clock_times(&mut records);
    let graph = group::build(&records, &|s| {
        let c = rules.canonical(s);
        (c != s).then_some(c)
    });
    let (findings, agreements) = compare_groups(&records, &graph, &rules);
    t[4] = start.elapsed();
    let start = Instant::now();
    let rows = rows_in_order(&findings);
    let dir = tempfile_dir();
    let csv = dir.join("discrepancies.csv");
    let opts = report::csv::CsvOptions { bom: false };
    let _ = report::csv::write_conflicts_with(&csv.display().to_string(), &rows, opts);
    let agr = dir.join("agreements.csv");
    let _ = report::csv::write_agreements_with(&agr.display().to_string(), &agreements, opts);
    t[5] = start.elapsed();
    let start = Instant::now();
    let page = report::html::HtmlPage {
        title: "stages".into(),
        sources: Vec::new(),
        graph: report::html::GraphView::from_rows(&rows, &agreements),
        conflicts: rows.clone(),
        agreements: agreements.clone(),
        stories: Vec::new(),
    };
    let _ = report::html::write(&dir.join("discrepancies.html"), &page);
    t[6] = start.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!(
        "stages: {sources_n} sources, {} claims, {} rows, {:.1} MB",
        records.len(),
        rows.len(),
        bytes / 1e6
    );
    println!("stage,seconds,mb_per_s");
    let names = [
        "read",
        "split",
        "extract",
        "parse",
        "compare",
        "report-csv",
        "report-html",
    ];
    for (name, d) in names.iter().zip(t) {
        let s = d.as_secs_f64();
        println!("{name},{s:.3},{:.2}", bytes / 1e6 / s.max(1e-9));
    }
    let total: f64 = t.iter().map(Duration::as_secs_f64).sum();
    println!("total,{total:.3},{:.2}", bytes / 1e6 / total.max(1e-9));
}

/// CPU time of this thread so far: wall time would count the waits of a shared machine.
#[derive(Clone, Copy)]
struct Instant(Duration);

impl Instant {
    fn now() -> Instant {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: a valid clock id and a pointer to a timespec we own.
        unsafe {
            libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts);
        }
        Instant(Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
    }
    fn elapsed(self) -> Duration {
        Instant::now() - self
    }
}

impl std::ops::Sub for Instant {
    type Output = Duration;
    fn sub(self, other: Instant) -> Duration {
        self.0.saturating_sub(other.0)
    }
}

/// A fresh folder under the system's temporary folder for the report files.
fn tempfile_dir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("claimdiff-stages-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&d);
    d
}
