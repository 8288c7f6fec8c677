//! `claimdiff check`: sources, rules and reviewer verdicts in; the discrepancy report, the
//! agreements, the HTML page, the claim graph (optional) and a summary on stderr out.
//!
//! Per source, in parallel (rayon) and a batch of about 4 MB of sources at a time
//! ([`crate::read::stream`]; a JSONL file line by line) so memory follows the batch and the
//! claims kept: read, split, drop boilerplate sentences, extract claims, and keep of the source
//! only what the report quotes ([`Record`]), spilled to a temporary file ([`crate::spill`]) so
//! that memory does not follow the corpus (`--graph` and `explain` keep them in memory). Then
//! the sources are put into stories and, story by story ([`crate::story::compare_spilled`],
//! [`crate::story::compare_by_story`]), the claims are grouped ([`crate::group`]) and
//! every pair of distinct values in a group is compared ([`crate::compare`]): one row per
//! conflicting pair, each side gathering every source that states its value (its list kept
//! packed until the row is written, [`crate::compare::facts::Rows`]). With `--claims`,
//! [`analyze_claims`] reads claims made elsewhere instead of sources. [`analyze`] does
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
use crate::compare::facts::{Finding, Rows};
use crate::error::{self, InputError};
use crate::extract;
use crate::group::{ClaimGraph, Record};
use crate::read::{self, DateOrigin, Source};
use crate::report::{self, AgreementRow, ConflictRow, Relation, Severity, Status};
use crate::rules::RuleSet;
use crate::span::LineIndex;
use crate::split;
use crate::story::{SourceInfo, StoryView, compare_by_story};

/// Counts for the summary.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    pub sources: usize,
    pub sentences: usize,
    pub claims: usize,
    /// Groups with claims from two or more sources.
    pub slots_compared: usize,
    /// Read from claims (`--claims`): no sentence was read.
    pub from_claims: bool,
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
    /// The stories the sources with claims make, in the order of their first source's name.
    pub stories: Vec<StoryView>,
    /// The table the findings' packed source lists index ([`crate::compare::facts::Rows`]).
    pub source_names: Vec<String>,
}

/// Loads the rules: built-in ones plus `--rules DIR`, else `claims/` when it exists. Problems
/// are rendered as diagnostics in the error.
pub fn load_rules(dir: Option<&Path>) -> Result<RuleSet, String> {
    RuleSet::load(crate::rules::rules_dir(dir).as_deref()).map_err(|e| e.render())
}

/// Reads, extracts, groups and compares.
/// `frames`: read each claim's frame from the parse (for `explain`; `check` does not use frames yet).
/// `story_threshold`: see [`crate::story::cluster`].
pub fn analyze(
    paths: &[String],
    rules: RuleSet,
    progress: bool,
    keep_texts: bool,
    frames: bool,
    story_threshold: f64,
) -> Analysis {
    let mut keep = Kept::Memory(Vec::new(), Vec::new());
    let (stats, errors, texts) = gather(paths, &rules, progress, keep_texts, frames, &mut keep);
    match keep {
        Kept::Memory(batches, infos) => {
            let mut records = Vec::with_capacity(batches.iter().map(Vec::len).sum());
            for b in batches {
                records.extend(b);
            }
            finish(
                records,
                &infos,
                rules,
                story_threshold,
                stats,
                errors,
                texts,
            )
        }
        Kept::Spilled(..) => unreachable!("only `analyze_spilled` spills"),
    }
}

/// [`analyze`] with the records spilled to a temporary file ([`crate::spill`]) as they are
/// made and read back one story at a time, so memory follows the largest story, not the
/// corpus. What comes back has no records and no claim graph (`--graph` needs [`analyze`]),
/// and its findings only their rows, the rows' source lists packed. An error is about
/// reading the temporary file back (which is gone however the run ends).
pub fn analyze_spilled(
    paths: &[String],
    rules: RuleSet,
    progress: bool,
    keep_texts: bool,
    story_threshold: f64,
    spill: crate::spill::Spill,
) -> Result<Analysis, InputError> {
    let mut keep = Kept::Spilled(spill, Vec::new(), crate::story::Sources::default());
    let (stats, errors, texts) = gather(paths, &rules, progress, keep_texts, true, &mut keep);
    let Kept::Spilled(mut spill, blocks, sources) = keep else {
        unreachable!("the records were spilled")
    };
    let tmp = |e: std::io::Error| {
        InputError::new(
            std::env::temp_dir().display().to_string(),
            crate::error::Place::Whole,
            format!("cannot read back the claims spilled to a temporary file: {e}"),
        )
    };
    release_free_memory();
    let compared =
        crate::story::compare_spilled(&mut spill, &blocks, &sources, &rules, story_threshold)
            .map_err(tmp)?;
    Ok(analysis_of(compared, rules, stats, errors, texts))
}

/// Hands memory freed by the reading threads back to the system. glibc keeps what a thread
/// freed in that thread's arena, where the claims read back later on another thread cannot
/// use it: without this, the parse's scratch space stays resident under the stories'
/// records.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of glibc's heaps; it touches no live data.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Where [`gather`] puts the records: in memory, batch by batch, with their sources' infos;
/// or spilled, with the blocks' places and the sources (block `i` holds source `i`'s records).
enum Kept {
    Memory(Vec<Vec<Record>>, Vec<SourceInfo>),
    Spilled(
        crate::spill::Spill,
        Vec<crate::spill::Block>,
        crate::story::Sources,
    ),
}

/// What one source gave: its records (or, spilled, their encoding), its info if it has
/// claims, how many sentences were read and claims made.
struct Extracted {
    recs: Vec<Record>,
    encoded: Vec<u8>,
    info: Vec<SourceInfo>,
    sentences: usize,
    claims: usize,
}

/// Reads and extracts every source, batch by batch, into `keep`; returns the counts (but
/// `slots_compared`), the unreadable inputs and the texts kept.
fn gather(
    paths: &[String],
    rules: &RuleSet,
    progress: bool,
    keep_texts: bool,
    frames: bool,
    keep: &mut Kept,
) -> (Stats, Vec<InputError>, Vec<(String, String)>) {
    let mut errors = Vec::new();
    let inputs = read::discover(paths, &mut errors);
    let bar = progress.then(|| super::progress_bar(&inputs)).flatten();
    let mut texts = Vec::new();
    let mut stats = Stats::default();
    let spilling = matches!(keep, Kept::Spilled(..));
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
        // Spilled records are encoded here, in parallel, and dropped.
        let done: Vec<Extracted> = sources
            .par_iter()
            .map(|src| {
                let mut recs = Vec::new();
                let mut info = Vec::new();
                let sentences = records_of(src, rules, &mut recs, &mut info, frames);
                let n = recs.len();
                let mut encoded = Vec::new();
                if spilling {
                    crate::spill::encode(&recs, &mut encoded);
                    recs = Vec::new();
                }
                Extracted {
                    recs,
                    encoded,
                    info,
                    sentences,
                    claims: n,
                }
            })
            .collect();
        match keep {
            Kept::Memory(batches, infos) => {
                // Each batch's records, shrunk to fit: one vector grown claim by claim would
                // double past the claims kept, and copy them all at each step.
                let mut recs = Vec::with_capacity(done.iter().map(|d| d.recs.len()).sum());
                for d in done {
                    recs.extend(d.recs);
                    infos.extend(d.info);
                    stats.sentences += d.sentences;
                    stats.claims += d.claims;
                }
                batches.push(recs);
            }
            Kept::Spilled(spill, blocks, kept) => {
                for d in done {
                    stats.sentences += d.sentences;
                    stats.claims += d.claims;
                    // A source with claims has its info, and one without has neither.
                    for i in d.info {
                        blocks.push(spill.append(&d.encoded, d.claims));
                        kept.push(i.name, i.published, &i.terms);
                    }
                }
            }
        }
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
    (stats, errors, texts)
}

/// [`analyze`] on claims made elsewhere (`extract --format jsonl`, `-` for stdin) instead of
/// sources. Any unreadable claim file fails the whole run: its errors come back and nothing is
/// analysed.
pub fn analyze_claims(
    files: &[String],
    rules: RuleSet,
    story_threshold: f64,
) -> Result<Analysis, Vec<InputError>> {
    let mut claims = read::claims::Claims::default();
    let mut errors = Vec::new();
    for f in files {
        let result = if f == "-" {
            claims.read("<stdin>", std::io::stdin().lock())
        } else {
            match std::fs::File::open(f) {
                Ok(file) => claims.read(f, std::io::BufReader::with_capacity(1 << 16, file)),
                Err(e) => Err(InputError::new(
                    f,
                    crate::error::Place::Whole,
                    format!("cannot read: {e}"),
                )),
            }
        };
        errors.extend(result.err());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let stats = Stats {
        sources: claims.sources.len(),
        sentences: 0,
        claims: claims.records.len(),
        slots_compared: 0,
        from_claims: true,
    };
    Ok(finish(
        claims.records,
        &claims.sources,
        rules,
        story_threshold,
        stats,
        Vec::new(),
        Vec::new(),
    ))
}

/// Groups and compares `records` story by story and gathers the [`Analysis`].
fn finish(
    records: Vec<Record>,
    infos: &[SourceInfo],
    rules: RuleSet,
    story_threshold: f64,
    stats: Stats,
    errors: Vec<InputError>,
    texts: Vec<(String, String)>,
) -> Analysis {
    let compared = compare_by_story(records, infos, &rules, story_threshold);
    analysis_of(compared, rules, stats, errors, texts)
}

/// What the stories' comparison gives, with the run's rules, counts, errors and texts.
fn analysis_of(
    compared: crate::story::Compared,
    rules: RuleSet,
    mut stats: Stats,
    errors: Vec<InputError>,
    texts: Vec<(String, String)>,
) -> Analysis {
    stats.slots_compared = compared.compared_groups;
    Analysis {
        rules,
        records: compared.records,
        graph: compared.graph,
        findings: compared.findings,
        agreements: compared.agreements,
        stats,
        errors,
        texts,
        stories: compared.stories,
        source_names: compared.source_names,
    }
}

/// The claims of one source as records, and what its story needs (only a source with claims
/// takes part in stories: the same sources then make the stories in `check --claims`, which
/// knows no other); returns how many sentences were read.
pub fn records_of(
    src: &Source,
    rules: &RuleSet,
    out: &mut Vec<Record>,
    infos: &mut Vec<SourceInfo>,
    frames: bool,
) -> usize {
    let sentences = split::article_sentences(src, false);
    let claims = if frames {
        extract::extract_framed(src, &sentences, rules)
    } else {
        extract::extract(src, &sentences, rules)
    };
    if claims.is_empty() {
        return sentences.len();
    }
    infos.push(SourceInfo {
        name: src.name.clone(),
        published: src.published,
        terms: crate::story::terms(src, &sentences),
    });
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
    // The claims are spilled to a temporary file and read back story by story: held, a big
    // corpus's would take ten times its size. The graph export needs them all; and without a
    // temporary file they are held, as a run that fits in memory need not fail for want of one.
    let spill = (args.claims.is_empty() && args.graph.is_none())
        .then(crate::spill::Spill::create)
        .and_then(Result::ok);
    let mut analysis = if let Some(spill) = spill {
        match analyze_spilled(
            &args.paths,
            rules,
            progress,
            from_stdin,
            args.story_threshold,
            spill,
        ) {
            Ok(a) => a,
            Err(e) => {
                error::report(&e);
                return Outcome::Failed;
            }
        }
    } else if args.claims.is_empty() {
        analyze(
            &args.paths,
            rules,
            progress,
            from_stdin,
            true,
            args.story_threshold,
        )
    } else {
        match analyze_claims(&args.claims, rules, args.story_threshold) {
            Ok(a) => a,
            Err(errors) => {
                // Nothing is written from part of the claims.
                for e in &errors {
                    error::report(e);
                }
                return Outcome::Failed;
            }
        }
    };
    let mut rows = Rows::new(
        std::mem::take(&mut analysis.findings),
        std::mem::take(&mut analysis.source_names),
    );
    // Verdicts from the reviews file go into `status` and `note` before the rows are written
    // and before `--fail-on` looks at them; a malformed reviews file stops the run before any
    // file is written.
    let stale = match crate::review::Reviews::load(&paths.reviews) {
        Ok(reviews) => reviews.apply(&mut rows.rows),
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
        || {
            report::csv::write_conflicts_each(
                &paths.out,
                rows.rows.len(),
                |i| rows.full(i),
                csv_opts,
            )
        },
        || {
            paths.html.as_ref().map(|_| {
                let rows = rows.all_full();
                report::html::render(&report::html::HtmlPage {
                    title: format!("claimdiff: {} sources compared", analysis.stats.sources),
                    // Claims carry sentences, not sources: the page then has no texts to embed.
                    sources: if args.claims.is_empty() {
                        cited_sources(&args.paths, &rows, &analysis.texts)
                    } else {
                        Vec::new()
                    },
                    graph: report::html::GraphView::from_rows(&rows, &analysis.agreements),
                    conflicts: rows,
                    agreements: analysis.agreements.clone(),
                    stories: analysis
                        .stories
                        .iter()
                        .map(|s| report::html::StoryLine {
                            id: s.id.clone(),
                            sources: s.sources.clone(),
                            top: s.top.clone(),
                        })
                        .collect(),
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
    summary(&analysis, &rows.rows, &written);
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
    if rows.rows.iter().any(hit) {
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
    if s.from_claims {
        eprintln!(
            "claimdiff: {} sources, {} claims, {} slots compared",
            s.sources, s.claims, s.slots_compared
        );
    } else {
        eprintln!(
            "claimdiff: {} sources, {} sentences, {} claims, {} slots compared",
            s.sources, s.sentences, s.claims, s.slots_compared
        );
    }
    eprintln!(
        "claimdiff: {conflicts} conflicts ({} high, {} medium, {} low), {updates} updates, {} agreements",
        count(Severity::High),
        count(Severity::Medium),
        count(Severity::Low),
        a.agreements.len()
    );
    if a.stories.len() > 1 {
        // One story is the usual corpus, and its summary stays as it was.
        eprintln!(
            "claimdiff: {} stories, compared each on its own (`claimdiff stories` lists them)",
            a.stories.len()
        );
    }
    if !written.is_empty() {
        eprintln!("claimdiff: wrote {}", written.join(", "));
    }
}
