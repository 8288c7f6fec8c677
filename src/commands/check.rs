//! `claimdiff check`: sources, rules and reviewer verdicts in; the discrepancy report, the
//! agreements, the HTML page, the claim graph (optional) and a summary on stderr out.
//!
//! Per source, in parallel (rayon) and a chunk of inputs at a time so memory follows the
//! chunk: read, split, drop boilerplate sentences, extract claims, and keep of the source only
//! what the report quotes ([`Record`]). Then the claims are grouped ([`crate::group`]) and
//! every pair of distinct values in a group is compared ([`crate::compare`]): one row per
//! conflicting pair, each side gathering every source that states its value. [`analyze`] does
//! all of that and is what `explain` re-runs; [`run`] carries the verdicts of the reviews file
//! into `status` and `note` by id ([`crate::review::Reviews::apply`]), then writes the files.
//! The HTML page embeds the sources the report cites: re-read from their files after the run
//! (so memory still follows a chunk), or kept during it when they came from stdin.

use std::collections::{BTreeMap, BTreeSet};
use std::io::IsTerminal;
use std::path::Path;

use rayon::prelude::*;

use super::Outcome;
use crate::cli::{CheckArgs, FailOn};
use crate::compare::{self, Assessment, Policy, Side, Verdict};
use crate::error::{self, InputError};
use crate::extract;
use crate::group::{self, ClaimGraph, Link, Record};
use crate::read::{self, DateOrigin, Source};
use crate::recognize::Kind;
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

/// One reported pair of values, with what `explain` needs to say why.
#[derive(Clone, Debug)]
pub struct Finding {
    pub row: ConflictRow,
    /// Index into [`ClaimGraph::groups`].
    pub group: usize,
    /// Records stating value A and value B.
    pub side_a: Vec<usize>,
    pub side_b: Vec<usize>,
    pub assessment: Assessment,
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
    let bar = progress.then(|| {
        let b = indicatif::ProgressBar::new(inputs.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} sources read")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let mut records = Vec::new();
    let mut texts = Vec::new();
    let mut stats = Stats::default();
    for chunk in inputs.chunks(256) {
        type Done = (
            Vec<Record>,
            Vec<(String, String)>,
            usize,
            usize,
            Vec<InputError>,
        );
        let done: Vec<Done> = chunk
            .par_iter()
            .map(|input| {
                let (sources, errs) = read::load(input);
                let mut recs = Vec::new();
                let mut sentences = 0;
                for src in &sources {
                    sentences += records_of(src, &rules, &mut recs, frames);
                }
                let n = sources.len();
                let kept = if keep_texts {
                    sources.into_iter().map(|s| (s.name, s.text)).collect()
                } else {
                    Vec::new()
                };
                (recs, kept, n, sentences, errs)
            })
            .collect();
        for (recs, kept, n_sources, n_sentences, errs) in done {
            records.extend(recs);
            texts.extend(kept);
            stats.sources += n_sources;
            stats.sentences += n_sentences;
            errors.extend(errs);
        }
        if let Some(b) = &bar {
            b.inc(chunk.len() as u64);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    stats.claims = records.len();
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
fn records_of(src: &Source, rules: &RuleSet, out: &mut Vec<Record>, frames: bool) -> usize {
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
    for claim in claims {
        let (line, col) = lines.line_col(&src.text, claim.sentence.start);
        out.push(Record {
            text: fold(claim.value.span.slice(&src.text)),
            sentence: fold(claim.sentence.slice(&src.text)),
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

/// Distinct values of a group: the records stating each, in a stable order.
struct ValueSide {
    key: String,
    members: Vec<usize>,
}

fn sides(records: &[Record], members: &[usize]) -> Vec<ValueSide> {
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &m in members {
        let v = &records[m].claim.value;
        let mut key = v.value.clone();
        if v.kind == Kind::Name {
            key = crate::rules::name_key(&key);
        }
        if let Some(u) = &v.unit {
            key = format!("{key} [{u}]");
        }
        by_key.entry(key).or_default().push(m);
    }
    let mut out: Vec<ValueSide> = by_key
        .into_iter()
        .map(|(key, mut members)| {
            // First by source name, then position: evidence does not depend on input order.
            members.sort_by(|&a, &b| {
                let (ra, rb) = (&records[a].claim, &records[b].claim);
                ra.source
                    .cmp(&rb.source)
                    .then(ra.sentence.start.cmp(&rb.sentence.start))
            });
            ValueSide { key, members }
        })
        .collect();
    // Lower values first, so side A is the lower (or earlier) one.
    out.sort_by(|a, b| {
        let lo = |s: &ValueSide| {
            records[s.members[0]]
                .claim
                .value
                .interval
                .map_or(f64::NEG_INFINITY, |i| i.lo)
        };
        lo(a).total_cmp(&lo(b)).then(a.key.cmp(&b.key))
    });
    out
}

fn side_of<'a>(records: &'a [Record], s: &ValueSide) -> Side<'a> {
    let rs: Vec<&Record> = s.members.iter().map(|&m| &records[m]).collect();
    let dates: Option<Vec<_>> = rs.iter().map(|r| r.published).collect();
    Side {
        value: &rs[0].claim.value,
        hedged: rs.iter().all(|r| r.claim.hedged),
        published: dates.and_then(|d| Some((*d.iter().min()?, *d.iter().max()?))),
        guessed_reference: rs.iter().all(|r| r.claim.value.relative && r.date_guessed),
    }
}

fn sources_of(records: &[Record], members: &[usize]) -> BTreeSet<String> {
    members
        .iter()
        .map(|&m| records[m].claim.source.clone())
        .collect()
}

/// Compares every pair of distinct values in every group stated by two or more sources.
fn compare_groups(
    records: &[Record],
    graph: &ClaimGraph,
    rules: &RuleSet,
) -> (Vec<Finding>, Vec<AgreementRow>) {
    let per_group: Vec<(Vec<Finding>, Option<AgreementRow>)> = graph
        .groups
        .par_iter()
        .enumerate()
        .filter(|(_, g)| g.sources >= 2)
        .map(|(gi, g)| compare_group(records, gi, g, rules))
        .collect();
    let mut findings = Vec::new();
    let mut agreements = Vec::new();
    for (f, a) in per_group {
        findings.extend(f);
        agreements.extend(a);
    }
    (findings, agreements)
}

fn compare_group(
    records: &[Record],
    gi: usize,
    group: &group::Group,
    rules: &RuleSet,
) -> (Vec<Finding>, Option<AgreementRow>) {
    let sides = sides(records, &group.members);
    let first = &records[group.members[0]].claim;
    let running = compare::is_running_total(&first.slot.subject, &first.slot.attribute);
    let base = Policy {
        tolerance: rules.tolerance(&group.slot),
        running_total: running,
        ambiguous_slot: false,
        same_entity: None,
    };
    let srcs: Vec<BTreeSet<String>> = sides
        .iter()
        .map(|s| sources_of(records, &s.members))
        .collect();
    let policy_for = |i: usize, j: usize, ambiguous: bool| {
        let mut p = base;
        p.ambiguous_slot = ambiguous;
        if first.value.kind == Kind::Name {
            let (ca, cb) = (
                &records[sides[i].members[0]].claim,
                &records[sides[j].members[0]].claim,
            );
            // The rules decide when they know either name (an entity rule) or find the two
            // alike (one surname); otherwise spelling decides ("Uddin" / "Udin").
            let (na, nb) = (&ca.value.value, &cb.value.value);
            let known = ca.entity.is_some()
                || cb.entity.is_some()
                || rules.entity_of(na).is_some()
                || rules.entity_of(nb).is_some();
            p.same_entity = match (&ca.entity, &cb.entity) {
                (Some(x), Some(y)) => Some(x == y),
                _ if rules.same_entity(na, nb) => Some(true),
                _ if known => Some(false),
                _ => None,
            };
        }
        p
    };
    let mut findings = Vec::new();
    let mut all_agree = true;
    for i in 0..sides.len() {
        for j in i + 1..sides.len() {
            // Only one source on both sides: nothing for sources to disagree about.
            if srcs[i].len() == 1 && srcs[i] == srcs[j] {
                all_agree = false;
                continue;
            }
            // A source stating both values hints the slot mixes two facts.
            let ambiguous = !srcs[i].is_disjoint(&srcs[j]);
            let r = compare::assess(
                &side_of(records, &sides[i]),
                &side_of(records, &sides[j]),
                &policy_for(i, j, ambiguous),
            );
            if r.verdict != Verdict::Agree {
                all_agree = false;
            }
            if r.verdict == Verdict::Conflict {
                findings.push(Finding {
                    row: row(
                        records,
                        &group.slot,
                        &sides[i],
                        &sides[j],
                        &srcs[i],
                        &srcs[j],
                        &r,
                    ),
                    group: gi,
                    side_a: sides[i].members.clone(),
                    side_b: sides[j].members.clone(),
                    assessment: r,
                });
            }
        }
    }
    let agreement = (all_agree && findings.is_empty()).then(|| {
        let mut all_sources = BTreeSet::new();
        for s in &srcs {
            all_sources.extend(s.iter().cloned());
        }
        let rep = &records[sides[0].members[0]];
        AgreementRow {
            slot: group.slot.clone(),
            kind: rep.claim.value.kind.as_str().to_string(),
            value: sides
                .iter()
                .map(|s| records[s.members[0]].claim.value.value.clone())
                .collect::<Vec<_>>()
                .join(";"),
            sources: all_sources.into_iter().collect::<Vec<_>>().join(";"),
            evidence: rep.sentence.clone(),
        }
    });
    (findings, agreement)
}

/// The stable id of a conflict: a hash of slot, kind and the two normalized values, sorted, so
/// neither input order nor side order changes it.
pub fn conflict_id(slot: &str, kind: &str, a: &str, b: &str) -> String {
    let (x, y) = if a <= b { (a, b) } else { (b, a) };
    let mut h = blake3::Hasher::new_derive_key("claimdiff conflict id v1");
    for part in [slot, kind, x, y] {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    h.finalize().to_hex()[..16].to_string()
}

fn row(
    records: &[Record],
    slot: &str,
    a: &ValueSide,
    b: &ValueSide,
    sa: &BTreeSet<String>,
    sb: &BTreeSet<String>,
    r: &Assessment,
) -> ConflictRow {
    let (ra, rb) = (&records[a.members[0]], &records[b.members[0]]);
    let kind = ra.claim.value.kind.as_str();
    let rules: BTreeSet<&str> = a
        .members
        .iter()
        .chain(&b.members)
        .map(|&m| records[m].claim.rule.as_str())
        .collect();
    let join = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>().join(";");
    ConflictRow {
        id: conflict_id(slot, kind, &a.key, &b.key),
        status: Status::Open,
        severity: r.severity,
        kind: kind.to_string(),
        slot: slot.to_string(),
        value_a: ra.claim.value.value.clone(),
        value_b: rb.claim.value.value.clone(),
        text_a: ra.text.clone(),
        text_b: rb.text.clone(),
        sources_a: join(sa),
        sources_b: join(sb),
        evidence_a: ra.sentence.clone(),
        evidence_b: rb.sentence.clone(),
        location_a: ra.location.clone(),
        location_b: rb.location.clone(),
        rule: rules.into_iter().collect::<Vec<_>>().join(";"),
        note: String::new(),
        relation: r.relation,
    }
}

pub fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::Conflict => "conflict",
        Relation::Update => "update",
    }
}

/// Rows in report order: most severe first, then by slot and id.
pub fn rows_in_order(findings: &[Finding]) -> Vec<ConflictRow> {
    let mut rows: Vec<ConflictRow> = findings.iter().map(|f| f.row.clone()).collect();
    rows.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.slot.cmp(&b.slot))
            .then(a.id.cmp(&b.id))
    });
    rows
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
    let analysis = analyze(&args.paths, rules, progress, from_stdin, false);
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
    let report = report::csv::write_conflicts_with(&paths.out, &rows, csv_opts);
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
    if let Some(html_path) = paths.html.as_ref().filter(|_| report_written) {
        let page = report::html::HtmlPage {
            title: format!("claimdiff: {} sources compared", analysis.stats.sources),
            sources: cited_sources(&args.paths, &rows, &analysis.texts),
            graph: report::html::GraphView::from_rows(&rows, &analysis.agreements),
            conflicts: rows.clone(),
            agreements: analysis.agreements.clone(),
        };
        let html = html_path.display().to_string();
        write(
            "page",
            &html,
            report::html::write(html_path, &page).map_err(|e| {
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
    let again = inputs
        .par_iter()
        .flat_map_iter(|input| read::load(input).0)
        .filter(|s| cited.contains(&s.name))
        .map(|s| (s.name, s.text))
        .collect::<Vec<_>>();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group::tests::record;
    use proptest::prelude::*;

    /// Claims of four sources: a length two of them give differently, a toll that differs, a
    /// name spelled two ways, and a figure two agree on.
    fn corpus() -> Vec<Record> {
        let mut rs = vec![
            record("a", "bridge", "cost", Kind::Count, "100"),
            record("b", "bridge", "cost", Kind::Count, "100"),
            record("a", "people", "killed", Kind::Count, "12"),
            record("b", "people", "killed", Kind::Count, "19"),
            record("c", "people", "killed", Kind::Count, "41"),
            record("d", "people", "killed", Kind::Count, "19"),
            record("c", "bridge", "length", Kind::Count, "400"),
            record("d", "bridge", "length", Kind::Count, "800"),
            record("a", "mayor", "name", Kind::Name, "Ana Lopes"),
            record("d", "mayor", "name", Kind::Name, "Ana Lopez"),
        ];
        for (i, r) in rs.iter_mut().enumerate() {
            r.claim.sentence = crate::span::Span::new(i * 10, i * 10 + 9);
        }
        rs
    }

    fn report(records: &[Record]) -> (Vec<ConflictRow>, Vec<AgreementRow>) {
        let graph = group::build(records, &|_| None);
        let (findings, mut agreements) = compare_groups(records, &graph, &RuleSet::default());
        agreements.sort_by(|a, b| a.slot.cmp(&b.slot));
        (rows_in_order(&findings), agreements)
    }

    #[test]
    fn groups_compare_into_rows_a_person_expects() {
        let (rows, agreements) = report(&corpus());
        let mut got: Vec<(&str, &str, &str, &str, &str)> = rows
            .iter()
            .map(|r| {
                (
                    compare::sev_name(r.severity),
                    r.slot.as_str(),
                    r.value_a.as_str(),
                    r.value_b.as_str(),
                    r.sources_b.as_str(),
                )
            })
            .collect();
        got.sort();
        // 400 against 800 (400 of 800, twice: rounding no excuse), 12 against 41 (29 of 41)
        // and 19 against 41 (22 of 41): high; 12 against 19 (7 of 19): medium; the name: low.
        // No publication dates, so no updates.
        assert_eq!(
            got,
            vec![
                ("high", "bridge/length", "400", "800", "d"),
                ("high", "people/killed", "12", "41", "c"),
                ("high", "people/killed", "19", "41", "c"),
                ("low", "mayor/name", "Ana Lopes", "Ana Lopez", "d"),
                ("medium", "people/killed", "12", "19", "b;d"),
            ]
        );
        // Most severe first.
        assert_eq!(rows[0].severity, Severity::High);
        assert_eq!(rows[4].severity, Severity::Low);
        assert_eq!(agreements.len(), 1);
        assert_eq!(
            (agreements[0].slot.as_str(), agreements[0].sources.as_str()),
            ("bridge/cost", "a;b")
        );
    }

    proptest! {
        #[test]
        fn rows_and_ids_do_not_depend_on_claim_order(
            order in Just((0..10).collect::<Vec<usize>>()).prop_shuffle()
        ) {
            let base = corpus();
            let shuffled: Vec<Record> = order.iter().map(|&i| base[i].clone()).collect();
            prop_assert_eq!(report(&shuffled), report(&base));
        }
    }

    #[test]
    fn conflict_ids_ignore_side_order_and_differ_by_slot() {
        let a = conflict_id("coup/date", "date", "2023-02", "2023-07");
        let b = conflict_id("coup/date", "date", "2023-07", "2023-02");
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        assert_ne!(a, conflict_id("strike/date", "date", "2023-02", "2023-07"));
        assert_ne!(a, conflict_id("coup/date", "date", "2023-02", "2023-08"));
    }
}
