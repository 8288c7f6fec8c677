//! `claimdiff check`: sources, rules and reviewer verdicts in; the discrepancy report, the
//! agreements, the HTML page, the claim graph (optional) and a summary on stderr out.
//!
//! Per source, in parallel (rayon) and a batch of about 4 MB of sources at a time
//! ([`crate::read::stream`]; a JSONL file line by line) so memory follows the batch and the
//! claims kept: read, split, drop boilerplate sentences, extract claims, and keep of the source
//! only what the report quotes ([`Record`]). Then the claims are grouped ([`crate::group`]) and
//! every pair of distinct values in a group is compared ([`crate::compare`]): one row per
//! conflicting pair, each side gathering every source that states its value. [`analyze`] does
//! all of that and is what `explain` re-runs; [`run`] carries the verdicts of the reviews file
//! into `status` and `note` by id ([`crate::review::Reviews::apply`]), then writes the files.
//! The HTML page embeds the sources the report cites: re-read from their files after the run
//! (so memory still follows a batch), or kept during it when they came from stdin.

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::Path;

use rayon::prelude::*;

use super::Outcome;
use crate::cli::{CheckArgs, FailOn};
use crate::compare::{
    self,
    facts::{Finding, compare_groups, relation_name, rows_in_order},
};
use crate::error::{self, InputError};
use crate::extract;
use crate::group::{self, ClaimGraph, Link, Record};
use crate::read::{self, DateOrigin, Source};
use crate::report::{self, AgreementRow, ConflictRow, Relation, Severity, Status};
use crate::rules::RuleSet;
use crate::span::LineIndex;
use crate::split;

/// Counts for the summary.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    pub sources: usize,
    pub sentences: usize,
    pub claims: usize,
    /// Groups with claims from two or more sources.
    pub slots_compared: usize,
}

/// Everything a run finds.
pub struct Analysis {
    pub rules: RuleSet,
    pub records: Vec<Record>,
    pub graph: ClaimGraph,
    pub findings: Vec<Finding>,
    pub agreements: Vec<AgreementRow>,
    pub stats: Stats,
    /// Inputs that could not be read (the run went on without them).
    pub errors: Vec<InputError>,
    /// Name and text of every source, kept only when [`analyze`] was asked to (pages that quote
    /// whole sources, such as the HTML report); otherwise empty, so memory follows one chunk.
    pub texts: Vec<(String, String)>,
}

/// Loads the rules: built-in ones plus `--rules DIR`, else `claims/` when it exists. Problems
/// are rendered as diagnostics in the error.
pub fn load_rules(dir: Option<&Path>) -> Result<RuleSet, String> {
    RuleSet::load(crate::rules::rules_dir(dir).as_deref()).map_err(|e| e.render())
}

/// Reads, extracts, groups and compares.
/// `frames`: read each claim's frame from the parse (for `explain`; `check` does not use frames yet).
pub fn analyze(
    paths: &[String],
    rules: RuleSet,
    progress: bool,
    keep_texts: bool,
    frames: bool,
) -> Analysis {
    let mut errors = Vec::new();
    let inputs = read::discover(paths, &mut errors);
    let bar = progress.then(|| super::progress_bar(&inputs)).flatten();
    // Each batch's records, shrunk to fit: one vector grown claim by claim would double past
    // the claims kept, and copy them all at each step.
    let mut batches: Vec<Vec<Record>> = Vec::new();
    let mut texts = Vec::new();
    let mut stats = Stats::default();
    read::stream::for_each_batch(&inputs, |pieces| {
        let bytes: u64 = pieces.iter().map(read::stream::Piece::bytes).sum();
        let loaded: Vec<_> = pieces
            .into_par_iter()
            .map(|p| p.load(read::Options::default()))
            .collect();
        let mut sources = Vec::new();
        for (s, e) in loaded {
            sources.extend(s);
            errors.extend(e);
        }
        let done: Vec<(Vec<Record>, usize)> = sources
            .par_iter()
            .map(|src| {
                let mut recs = Vec::new();
                let sentences = records_of(src, &rules, &mut recs, frames);
                (recs, sentences)
            })
            .collect();
        let mut recs = Vec::with_capacity(done.iter().map(|(r, _)| r.len()).sum());
        for (r, n) in done {
            recs.extend(r);
            stats.sentences += n;
        }
        batches.push(recs);
        stats.sources += sources.len();
        if keep_texts {
            texts.extend(sources.into_iter().map(|s| (s.name, s.text)));
        }
        if let Some(b) = &bar {
            b.inc(bytes);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut records = Vec::with_capacity(batches.iter().map(Vec::len).sum());
    for b in batches {
        records.extend(b);
    }
    stats.claims = records.len();
    group::anchor_clock_times(&mut records);
    let mut graph = group::build(&records, &|s| {
        let c = rules.canonical(s);
        (c != s).then_some(c)
    });
    stats.slots_compared = graph.groups.iter().filter(|g| g.sources >= 2).count();
    let (findings, agreements) = compare_groups(&records, &graph, &rules);
    for f in &findings {
        let (a, b) = (f.side_a[0], f.side_b[0]);
        graph.graph.add_edge(
            petgraph::graph::NodeIndex::new(a),
            petgraph::graph::NodeIndex::new(b),
            Link::Conflict {
                id: f.row.id.clone(),
                severity: compare::sev_name(f.row.severity).to_string(),
                relation: relation_name(f.row.relation).to_string(),
            },
        );
    }
    Analysis {
        rules,
        records,
        graph,
        findings,
        agreements,
        stats,
        errors,
        texts,
    }
}

/// The claims of one source as records; returns how many sentences were read.
pub fn records_of(src: &Source, rules: &RuleSet, out: &mut Vec<Record>, frames: bool) -> usize {
    let sentences = split::article_sentences(src, false);
    let claims = if frames {
        extract::extract_framed(src, &sentences, rules)
    } else {
        extract::extract(src, &sentences, rules)
    };
    if claims.is_empty() {
        return sentences.len();
    }
    let lines = LineIndex::new(&src.text);
    let guessed = src.date_origin == DateOrigin::Dateline;
    // Claims come sentence by sentence: one copy of each sentence serves all of its claims.
    let mut last: Option<(crate::span::Span, std::sync::Arc<str>)> = None;
    for claim in claims {
        let (line, col) = lines.line_col(&src.text, claim.sentence.start);
        let sentence = match &last {
            Some((span, text)) if *span == claim.sentence => text.clone(),
            _ => {
                let text: std::sync::Arc<str> = fold(claim.sentence.slice(&src.text)).into();
                last = Some((claim.sentence, text.clone()));
                text
            }
        };
        out.push(Record {
            text: fold(claim.value.span.slice(&src.text)),
            sentence,
            words: fold(claim.evidence.slice(&src.text)),
            location: format!("{}:{line}:{col}", src.name),
            published: src.published,
            date_guessed: guessed,
            claim,
        });
    }
    sentences.len()
}

/// Folds runs of whitespace (line breaks included) to one space.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn run(args: CheckArgs) -> Outcome {
    let paths = args.paths();
    let rules = match load_rules(args.rules.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprint!("{e}");
            return Outcome::Failed;
        }
    };
    let progress = std::io::stderr().is_terminal();
    // Sources read from stdin cannot be read again for the HTML page, so their texts are kept
    // during the run; files are re-read afterwards, only those the report cites.
    let from_stdin = args.paths.iter().any(|p| p == "-");
    let analysis = analyze(&args.paths, rules, progress, from_stdin, true);
    let mut rows = rows_in_order(&analysis.findings);
    // Verdicts from the reviews file go into `status` and `note` before the rows are written
    // and before `--fail-on` looks at them; a malformed reviews file stops the run before any
    // file is written.
    let stale = match crate::review::Reviews::load(&paths.reviews) {
        Ok(reviews) => reviews.apply(&mut rows),
        Err(e) => {
            error::report(&e);
            return Outcome::Failed;
        }
    };
    let mut failed = false;
    for e in &analysis.errors {
        error::report(e);
    }
    let mut written = Vec::new();
    let mut write = |what: &str, dest: &str, r: Result<(), InputError>| match r {
        Ok(()) => written.push(format!("{what} {dest}")),
        Err(e) => {
            error::report(&e);
            failed = true;
        }
    };
    let csv_opts = report::csv::CsvOptions { bom: args.bom };
    // The page is made while the report is written (it re-reads the sources it quotes, and a
    // big report takes a while): a second core would otherwise wait at the end of the run.
    // It is written only once the report is.
    let (report, page) = rayon::join(
        || report::csv::write_conflicts_with(&paths.out, &rows, csv_opts),
        || {
            paths.html.as_ref().map(|_| {
                report::html::render(&report::html::HtmlPage {
                    title: format!("claimdiff: {} sources compared", analysis.stats.sources),
                    sources: cited_sources(&args.paths, &rows, &analysis.texts),
                    graph: report::html::GraphView::from_rows(&rows, &analysis.agreements),
                    conflicts: rows.clone(),
                    agreements: analysis.agreements.clone(),
                })
            })
        },
    );
    // The other outputs go beside the report: when it cannot be written, neither are they.
    let report_written = report.is_ok();
    write("report", &paths.out, report);
    if let Some(agreements) = paths.agreements.as_ref().filter(|_| report_written) {
        // One byte-order mark on stdout, in front of the report.
        let bom = args.bom && !(agreements == "-" && paths.out == "-");
        write(
            "agreements",
            agreements,
            report::csv::write_agreements_with(
                agreements,
                &analysis.agreements,
                report::csv::CsvOptions { bom },
            ),
        );
    }
    if let Some(g) = args.graph.as_ref().filter(|_| report_written) {
        write(
            "graph",
            g,
            report::graph::write(g, &analysis.graph, &analysis.records),
        );
    }
    if let (Some(html_path), Some(page)) = (paths.html.as_ref().filter(|_| report_written), page) {
        let html = html_path.display().to_string();
        write(
            "page",
            &html,
            crate::durable::write_output(html_path, page.as_bytes()).map_err(|e| {
                InputError::new(
                    html.clone(),
                    crate::error::Place::Whole,
                    format!("cannot write: {e}"),
                )
            }),
        );
    }
    summary(&analysis, &rows, &written);
    if stale > 0 {
        let what = if stale == 1 {
            "verdict refers to a conflict"
        } else {
            "verdicts refer to conflicts"
        };
        eprintln!(
            "claimdiff: {stale} {what} no longer found (kept in {})",
            paths.reviews.display()
        );
    }
    if failed || !analysis.errors.is_empty() {
        return Outcome::Failed;
    }
    let hit = |r: &ConflictRow| match args.fail_on {
        Some(FailOn::Open) => r.status == Status::Open,
        Some(FailOn::High) => r.severity == Severity::High && r.status != Status::Dismissed,
        None => false,
    };
    if rows.iter().any(hit) {
        Outcome::Findings
    } else {
        Outcome::Ok
    }
}

/// The texts of the sources the report quotes (each row's `location_a` and `location_b`): those
/// kept during the run (stdin), the rest read again from their files, so the run itself need
/// not hold every source's text in memory. Only the quoted sources are embedded: a slot stated by
/// thousands of sources must not put thousands of articles into the page.
fn cited_sources(
    paths: &[String],
    rows: &[ConflictRow],
    kept: &[(String, String)],
) -> Vec<report::html::SourceText> {
    let source_of = |loc: &'_ str| -> String {
        // `source:line:column`; a source name may itself contain colons.
        let mut parts = loc.rsplitn(3, ':');
        let (_, _, name) = (parts.next(), parts.next(), parts.next());
        name.unwrap_or(loc).to_string()
    };
    let cited: BTreeSet<String> = rows
        .iter()
        .flat_map(|r| [source_of(&r.location_a), source_of(&r.location_b)])
        .collect();
    let files: Vec<String> = paths.iter().filter(|p| *p != "-").cloned().collect();
    let mut errors = Vec::new();
    let inputs: Vec<read::Input> = read::discover(&files, &mut errors)
        .into_iter()
        .filter(|input| match input {
            // A JSONL file holds sources under names of their own: it has to be read to know.
            read::Input::File(p) if p.extension().is_some_and(|e| e == "jsonl") => true,
            read::Input::File(p) => p
                .file_name()
                .is_some_and(|f| cited.contains(f.to_string_lossy().as_ref())),
            read::Input::Stdin => false,
        })
        .collect();
    let mut again = Vec::new();
    read::stream::for_each_batch(&inputs, |pieces| {
        again.extend(
            pieces
                .into_par_iter()
                .filter(|p| p.may_hold(|name| cited.contains(name)))
                .flat_map_iter(|p| p.load(read::Options::default()).0)
                .filter(|s| cited.contains(&s.name))
                .map(|s| (s.name, s.text))
                .collect::<Vec<_>>(),
        );
    });
    let mut out: Vec<report::html::SourceText> = kept
        .iter()
        .cloned()
        .chain(again)
        .filter(|(name, _)| cited.contains(name))
        .map(|(name, text)| report::html::SourceText { name, text })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out.dedup_by(|a, b| a.name == b.name);
    out
}

fn summary(a: &Analysis, rows: &[ConflictRow], written: &[String]) {
    let s = &a.stats;
    let count = |sev: Severity| {
        rows.iter()
            .filter(|r| r.relation == Relation::Conflict && r.severity == sev)
            .count()
    };
    let conflicts = rows
        .iter()
        .filter(|r| r.relation == Relation::Conflict)
        .count();
    let updates = rows.len() - conflicts;
    eprintln!(
        "claimdiff: {} sources, {} sentences, {} claims, {} slots compared",
        s.sources, s.sentences, s.claims, s.slots_compared
    );
    eprintln!(
        "claimdiff: {conflicts} conflicts ({} high, {} medium, {} low), {updates} updates, {} agreements",
        count(Severity::High),
        count(Severity::Medium),
        count(Severity::Low),
        a.agreements.len()
    );
    if !written.is_empty() {
        eprintln!("claimdiff: wrote {}", written.join(", "));
    }
}
