//! Stories: which sources of a corpus tell of the same event, so that `check` sets claims
//! against each other only within one story.
//!
//! In: per source, its name, publication date and story terms ([`terms`]). Out: [`Stories`],
//! each story with a stable id, its sources and the terms most of them share. Then
//! [`compare_by_story`] runs the group and compare stages on each story's claims on its own;
//! [`compare_spilled`] does so on claims read back from a spill file one story at a time.
//!
//! A source's terms are read from that source alone (its article sentences): the words that are
//! not everyday English (`data/common_words.txt`), names among them, and the figures of three
//! digits or more, the most frequent [`MAX_TERMS`] of them. Nothing depends on the rest of the
//! corpus, so the terms can travel with each claim in `extract`'s JSONL and a `check --claims`
//! on shards finds the same stories as a `check` on the sources.
//!
//! Two sources are alike enough when the term uses they share make up at least the threshold of
//! the smaller source's (counted as at least [`SHARE_FLOOR`]); publication dates far apart ask
//! for more ([`DAYS_APART`]). Each source is linked with its [`STRONGEST`] most alike of those,
//! leaving out any less than [`NEAR_STRONGEST`] as alike as its most alike; stories are the
//! connected components of these links, unless fewer than two of them hold
//! a source long enough to tell a story apart ([`MIN_WEIGHT`]): then the corpus is one.
//!
//! Linking every pair alike enough would chain: in a feed of thousands of sources, stories of
//! one kind share the words of their kind ("shelters", "evacuated", "vigils") and of the
//! outlets' house style, and among thousands of pairs of two stories some share enough of them;
//! one such pair joins the two stories, and a few more join them all. A source's strongest
//! links, though, are to the sources of its own story, which share its names and figures as
//! well: a link between two stories only stands when one of its two sources has fewer than
//! [`STRONGEST`] sources of its own story more alike to it than the other, and is near as
//! strong as its strongest link ([`NEAR_STRONGEST`]). Two stories of more sources than that
//! stay apart however many pairs of them are alike enough, as long as each of those sources is
//! more alike to that many of its own; a story of only a few sources stays apart too unless a
//! source of it is nearly as alike to a source of the other as to its own. Within a story every
//! source keeps its strongest links, so a story only falls apart if it is made of groups that
//! no source of either counts among its strongest alike.
//!
//! Candidates come from an inverted index, never all pairs: the sources holding a term, in date
//! order, are each compared with the [`NEIGHBOURS`] on either side of them, so the work is at
//! most sources × terms × 2 × neighbours, linear in the number of sources; a story's sources
//! are chained through the terms they share.

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::civil::Date;
use petgraph::unionfind::UnionFind;

use rayon::prelude::*;

use crate::compare::facts;
use crate::compare::{
    self,
    facts::{Finding, relation_name},
};
use crate::group::{self, ClaimGraph, Link, Record};
use crate::read::Source;
use crate::report::AgreementRow;
use crate::rules::RuleSet;
use crate::spill::{Block, Spill};
use crate::split::Sentence;

/// Terms kept per source.
pub const MAX_TERMS: usize = 40;
/// A source with fewer term uses than this is short (a brief, a note): too little to tell a
/// story of its own apart.
pub const MIN_WEIGHT: u64 = 20;
/// The fewest term uses a share is counted against, so two words do not make one story.
pub const SHARE_FLOOR: u64 = 4;
/// Sources compared with each source per term it holds, on either side of it in date order.
pub const NEIGHBOURS: usize = 8;
/// Of the sources alike enough, those each source is linked with: its most alike.
pub const STRONGEST: usize = 5;
/// Of the sources alike enough, a source is only linked with those at least this share as alike
/// to it as its most alike.
pub const NEAR_STRONGEST: f64 = 0.7;
/// Sources at least this alike are copies of one article (a wire story reprinted by several
/// outlets): always linked, and left out of the strongest links, which would otherwise all go
/// to the copies and cut the article off from the rest of its story.
pub const COPY: f64 = 0.9;
/// The default share of terms two sources must have in common to be one story.
pub const DEFAULT_THRESHOLD: f64 = 0.2;
/// Publication dates further apart than this many days ask for half as much again: follow-ups
/// of one event share its names for months, two events of one place share fewer.
pub const DAYS_APART: i32 = 60;

static COMMON: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/common_words.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .chain(CALENDAR.iter().copied())
        .collect()
});

/// [`NUMBER_WORDS`] and the month and weekday names.
static CALENDAR: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    NUMBER_WORDS
        .iter()
        .copied()
        .chain(crate::recognize::lexicon::calendar_words())
        .collect()
});

/// Number words, like calendar words (months and weekdays, from `data/date_words.tsv`), name
/// no story: every story of a month has them.
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "dozen", "hundred", "thousand", "million", "billion", "trillion",
];

/// A source's story terms: names and rare words in lower case (a plural's `s` dropped), figures
/// as `#` and their digits ("153,336" is `#153336`). Most frequent first; a name counts twice.
pub fn terms(src: &Source, sentences: &[Sentence]) -> Vec<(String, u32)> {
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut add = |text: &str| {
        let ws = words(text);
        for &(word, capital, _) in &ws {
            if let Some(t) = term(word) {
                *counts.entry(t).or_default() += if capital { 2 } else { 1 };
            }
        }
        for phrase in name_phrases(text, &ws) {
            *counts.entry(phrase).or_default() += 2;
        }
    };
    if let Some(title) = &src.title {
        add(title);
    }
    for s in sentences {
        add(s.text(&src.text));
    }
    let mut all: Vec<(String, u32)> = counts.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.truncate(MAX_TERMS);
    all
}

/// The words of `text` with whether each is capitalized past the start of its sentence (a name)
/// and its byte offset. A word runs over letters and digits, and over `'`, `’`, `-`, `,` and `.`
/// between two of them ("Saint-Clair", "153,336", "O’Neill").
fn words(text: &str) -> Vec<(&str, bool, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut first = true;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() {
            let c = chars[i].1;
            let joins = matches!(c, '\'' | '’' | '-' | ',' | '.')
                && i + 1 < chars.len()
                && chars[i + 1].1.is_alphanumeric()
                && chars[i - 1].1.is_alphanumeric();
            if c.is_alphanumeric() || joins {
                i += 1;
            } else {
                break;
            }
        }
        let end = chars.get(i).map_or(text.len(), |c| c.0);
        let word = &text[chars[start].0..end];
        let capital = !first && word.starts_with(char::is_uppercase);
        out.push((word, capital, chars[start].0));
        first = false;
    }
    out
}

/// Names of two words or more: capitalized words next to each other past the start of the
/// sentence ("the Ridge Fire in Alder County"), in lower case joined by spaces. The words of a
/// name may be everyday words on their own; together they name one thing.
fn name_phrases(text: &str, ws: &[(&str, bool, usize)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut end = 0;
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        let useful = run.iter().any(|w| {
            let l = w.to_lowercase();
            !CALENDAR.contains(l.as_str())
        });
        if run.len() >= 2 && run.len() <= 4 && useful {
            let joined: Vec<String> = run.iter().map(|w| w.to_lowercase()).collect();
            out.push(joined.join(" "));
        }
        run.clear();
    };
    for &(word, capital, start) in ws {
        let next_to = text[end..start].chars().all(|c| c == ' ');
        let name_like = capital && word.chars().all(char::is_alphabetic);
        if !(name_like && next_to) {
            flush(&mut run, &mut out);
        }
        if name_like {
            run.push(word);
        }
        end = start + word.len();
    }
    flush(&mut run, &mut out);
    out
}

/// The term a word stands for, if it is one.
fn term(word: &str) -> Option<String> {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    if word.contains(|c: char| c.is_ascii_digit()) {
        return figure(word);
    }
    if !word.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    let lower = word.to_lowercase();
    let stem = match lower.strip_suffix('s') {
        Some(s) if lower.len() > 4 && !s.ends_with('s') => s,
        _ => lower.as_str(),
    };
    let common = |w: &str| COMMON.contains(w) || w.chars().count() < 3;
    let parts_common = stem.split('-').all(common);
    if common(&lower) || common(stem) || parts_common {
        return None;
    }
    Some(stem.to_string())
}

/// A figure of three digits or more before any decimal point, not a year (a year is shared by
/// every story of it).
fn figure(word: &str) -> Option<String> {
    if !word
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let whole = word.split('.').next().unwrap_or("");
    let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    let year = !whole.contains(',')
        && digits.len() == 4
        && (1800..=2100).contains(&digits.parse::<u32>().unwrap_or(0));
    (digits.len() >= 3 && !year && !digits.starts_with('0')).then(|| format!("#{digits}"))
}

/// What the stories need of a source that has claims: `check` gathers it from the source,
/// `check --claims` from the claims' `published` and `story_terms`.
#[derive(Clone, Debug)]
pub struct SourceInfo {
    pub name: String,
    pub published: Option<Date>,
    /// [`terms`] of the source.
    pub terms: Vec<(String, u32)>,
}

/// One source to be put into a story.
#[derive(Clone, Debug)]
pub struct Member<'a> {
    pub name: &'a str,
    pub published: Option<Date>,
    /// The source's terms and how often each is used ([`terms`]).
    pub terms: &'a [(String, u32)],
}

/// One story: sources telling of the same event.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// `s` and eight hex digits of a hash of its first source's name (in name order): the same
    /// sources give the same id on every run.
    pub id: String,
    /// Indices into the members given to [`cluster`], in name order.
    pub members: Vec<usize>,
    /// The terms most of its sources share, most shared first (at most five).
    pub top: Vec<String>,
}

/// The stories of a corpus, in the order of their first source's name.
#[derive(Clone, Debug, Default)]
pub struct Stories {
    pub stories: Vec<Story>,
    /// Per member, the index of its story.
    pub of: Vec<usize>,
}

/// Puts `members` into stories. `threshold`: the share of terms two sources must have in
/// common; 0 or less puts every source into one story, above 1 each into its own.
pub fn cluster(members: &[Member], threshold: f64) -> Stories {
    let mut sources = Sources::default();
    for m in members {
        sources.push(m.name.to_string(), m.published, m.terms);
    }
    sources.cluster(threshold)
}

/// What the stories need of every source with claims, its terms kept as numbers: a corpus of
/// hundreds of thousands of sources would hold each of their forty terms as a string of its
/// own otherwise (about 2.5 KB a source).
#[derive(Debug, Default)]
pub struct Sources {
    pub names: Vec<String>,
    pub published: Vec<Option<Date>>,
    /// Per source, its terms as indices into `words`, with their counts, in the order given.
    pub terms: Vec<Box<[(u32, u32)]>>,
    words: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Sources {
    pub fn push(&mut self, name: String, published: Option<Date>, terms: &[(String, u32)]) {
        let ids = terms
            .iter()
            .map(|(t, n)| {
                let next = self.words.len() as u32;
                let id = *self.ids.entry(t.clone()).or_insert(next);
                if id == next {
                    self.words.push(t.clone());
                }
                (id, *n)
            })
            .collect();
        self.names.push(name);
        self.published.push(published);
        self.terms.push(ids);
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// [`cluster`] of these sources.
    pub fn cluster(&self, threshold: f64) -> Stories {
        let n = self.len();
        let mut uf = UnionFind::<usize>::new(n);
        if threshold <= 0.0 {
            for i in 1..n {
                uf.union(0, i);
            }
        } else {
            link(self, threshold, &mut uf);
            // Short sources say too little to stand apart: unless two stories or more each hold a
            // source long enough to tell them apart, the corpus is one story (as a folder of
            // briefs on one event is).
            let weight = |i: usize| self.terms[i].iter().map(|t| t.1 as u64).sum::<u64>();
            let mut told: Vec<usize> = (0..n)
                .filter(|&i| weight(i) >= MIN_WEIGHT)
                .map(|i| uf.find(i))
                .collect();
            told.sort_unstable();
            told.dedup();
            if told.len() <= 1 {
                for i in 1..n {
                    uf.union(0, i);
                }
            }
        }
        let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..n {
            by_root.entry(uf.find(i)).or_default().push(i);
        }
        let names = &self.names;
        let mut stories: Vec<Story> = by_root
            .into_values()
            .map(|mut idx| {
                idx.sort_by(|&a, &b| names[a].cmp(&names[b]).then(a.cmp(&b)));
                let first = &names[idx[0]];
                Story {
                    id: format!("s{}", &blake3::hash(first.as_bytes()).to_hex()[..8]),
                    top: top_terms(self, &idx),
                    members: idx,
                }
            })
            .collect();
        stories.sort_by(|a, b| {
            names[a.members[0]]
                .cmp(&names[b.members[0]])
                .then(a.members[0].cmp(&b.members[0]))
        });
        let mut of = vec![0; n];
        for (si, s) in stories.iter().enumerate() {
            for &m in &s.members {
                of[m] = si;
            }
        }
        Stories { stories, of }
    }
}

/// Joins in `uf` every source with its [`STRONGEST`] most alike candidates of those alike
/// enough and near its most alike ([`NEAR_STRONGEST`]), the candidates being its neighbours in
/// the lists of the sources holding each term.
fn link(sources: &Sources, threshold: f64, uf: &mut UnionFind<usize>) {
    let sets: Vec<Vec<(u32, u32)>> = sources
        .terms
        .iter()
        .map(|t| {
            let mut set = t.to_vec();
            set.sort_unstable();
            set.dedup_by_key(|t| t.0);
            set
        })
        .collect();
    let totals: Vec<u64> = sets
        .iter()
        .map(|s| s.iter().map(|t| t.1 as u64).sum())
        .collect();
    // Date order, so that a source meets the sources published around it.
    let mut order: Vec<usize> = (0..sources.len()).collect();
    let (names, published) = (&sources.names, &sources.published);
    order.sort_by(|&a, &b| (published[a], &names[a], a).cmp(&(published[b], &names[b], b)));
    let mut rank = vec![0u32; sources.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r as u32;
    }
    // Per term, its sources in date order; per source, where it stands in each of its terms'.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); sources.words.len()];
    let mut at: Vec<Vec<u32>> = sets.iter().map(|s| Vec::with_capacity(s.len())).collect();
    for &i in &order {
        for &(t, _) in &sets[i] {
            let list = &mut postings[t as usize];
            at[i].push(list.len() as u32);
            list.push(i as u32);
        }
    }
    let strongest: Vec<Vec<u32>> = (0..sources.len())
        .into_par_iter()
        .map(|b| {
            let mut cand: Vec<u32> = Vec::new();
            for (&(t, _), &j) in sets[b].iter().zip(&at[b]) {
                let list = &postings[t as usize];
                let j = j as usize;
                let lo = j.saturating_sub(NEIGHBOURS);
                let hi = (j + 1 + NEIGHBOURS).min(list.len());
                cand.extend(list[lo..j].iter().chain(&list[j + 1..hi]));
            }
            cand.sort_unstable();
            cand.dedup();
            let mut alike: Vec<(f64, u32)> = cand
                .into_iter()
                .filter_map(|a| {
                    let a = a as usize;
                    let s = similarity(
                        (published[a], &sets[a], totals[a]),
                        (published[b], &sets[b], totals[b]),
                    );
                    (s >= threshold).then_some((s, a as u32))
                })
                .collect();
            // Most alike first; between equals, the one published first (then by name).
            alike.sort_by(|x, y| {
                y.0.total_cmp(&x.0)
                    .then(rank[x.1 as usize].cmp(&rank[y.1 as usize]))
            });
            let copies = alike.iter().take_while(|x| x.0 >= COPY).count();
            let mut others = alike.split_off(copies);
            let near = others.first().map_or(0.0, |x| x.0 * NEAR_STRONGEST);
            others.retain(|x| x.0 >= near);
            others.truncate(STRONGEST);
            alike.extend(others);
            alike.into_iter().map(|(_, a)| a).collect()
        })
        .collect();
    for (b, near) in strongest.into_iter().enumerate() {
        for a in near {
            uf.union(a as usize, b);
        }
    }
}

/// The share of term uses two sources have in common (each term counted as often as the source
/// that uses it less), over the smaller source's (at least [`SHARE_FLOOR`]); two thirds of it
/// when their publication dates lie more than [`DAYS_APART`] days apart. A term a story is about
/// comes back in its sources; a term another story shares is mostly said in passing. Each side:
/// its date, its sorted term set and its total uses.
fn similarity(
    (a, sa, ta): (Option<Date>, &[(u32, u32)], u64),
    (b, sb, tb): (Option<Date>, &[(u32, u32)], u64),
) -> f64 {
    let smaller = ta.min(tb).max(SHARE_FLOOR);
    let share = shared(sa, sb) as f64 / smaller as f64;
    let far = match (a, b) {
        (Some(x), Some(y)) => (x - y).get_days().abs() > DAYS_APART,
        _ => false,
    };
    if far { share * 2.0 / 3.0 } else { share }
}

/// The uses two sorted term sets share: per common term, the lesser count.
fn shared(a: &[(u32, u32)], b: &[(u32, u32)]) -> u64 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += a[i].1.min(b[j].1) as u64;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The terms held by the most sources of a story (two at least, unless it has one source).
fn top_terms(sources: &Sources, idx: &[usize]) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &i in idx {
        for &(t, _) in sources.terms[i].iter() {
            *counts
                .entry(sources.words[t as usize].as_str())
                .or_default() += 1;
        }
    }
    let need = if idx.len() > 1 { 2 } else { 1 };
    let mut all: Vec<(&str, usize)> = counts.into_iter().filter(|c| c.1 >= need).collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    all.into_iter()
        .take(5)
        .map(|(t, _)| t.to_string())
        .collect()
}

/// A story as the report shows it.
#[derive(Clone, Debug)]
pub struct StoryView {
    pub id: String,
    /// Its sources, in name order.
    pub sources: Vec<String>,
    /// The terms most of its sources share.
    pub top: Vec<String>,
}

/// Claims grouped and compared, story by story.
pub struct Compared {
    /// The records, story after story, each story's in the order given (none when they were
    /// spilled: then they are dropped story by story).
    pub records: Vec<Record>,
    pub graph: ClaimGraph,
    pub findings: Vec<Finding>,
    pub agreements: Vec<AgreementRow>,
    pub stories: Vec<StoryView>,
    /// Groups with claims from two or more sources.
    pub compared_groups: usize,
    /// The table the findings' packed source lists index ([`facts::Rows`]); empty when
    /// none are packed.
    pub source_names: Vec<String>,
}

impl Compared {
    /// Nothing compared yet, for the given stories.
    fn empty(stories: Vec<StoryView>) -> Self {
        Compared {
            records: Vec::new(),
            graph: ClaimGraph {
                graph: petgraph::graph::UnGraph::default(),
                groups: Vec::new(),
                qualifiers: Vec::new(),
            },
            findings: Vec::new(),
            agreements: Vec::new(),
            stories,
            compared_groups: 0,
            source_names: Vec::new(),
        }
    }
}

/// One story's claims grouped and compared as a corpus of its own.
fn compare_story(
    recs: &mut [Record],
    id: &str,
    rules: &RuleSet,
    names: Option<&facts::SourceNames>,
) -> (ClaimGraph, Vec<Finding>, Vec<AgreementRow>) {
    group::anchor_yearless_dates(recs);
    group::join_thing_ages(recs);
    group::anchor_clock_times(recs);
    let graph = group::build(recs, &|s| {
        let c = rules.canonical(s);
        (c != s).then_some(c)
    });
    let (mut findings, mut agreements) = facts::compare_groups_packed(recs, &graph, rules, names);
    for f in &mut findings {
        f.row.story = id.to_string();
    }
    for a in &mut agreements {
        a.story = id.to_string();
    }
    (graph, findings, agreements)
}

fn views(found: &Stories, sources: &Sources) -> Vec<StoryView> {
    found
        .stories
        .iter()
        .map(|st| StoryView {
            id: st.id.clone(),
            sources: st
                .members
                .iter()
                .map(|&m| sources.names[m].clone())
                .collect(),
            top: st.top.clone(),
        })
        .collect()
}

/// Puts the sources into stories ([`cluster`]) and groups and compares the claims of each
/// story on its own (in parallel), as if each were a corpus of its own: a story's setting, its
/// first year and the days its sources give are its own. Records are first put in source-name
/// order (each source's own in reading order), so claims made elsewhere and merged in any order
/// give the same report. The graph, the groups and the findings index the returned records.
pub fn compare_by_story(
    mut records: Vec<Record>,
    infos: &[SourceInfo],
    rules: &RuleSet,
    story_threshold: f64,
) -> Compared {
    let mut sources = Sources::default();
    for i in infos {
        sources.push(i.name.clone(), i.published, &i.terms);
    }
    records.sort_by(|a, b| a.claim.source.cmp(&b.claim.source));
    let found = sources.cluster(story_threshold);
    let story_of: std::collections::HashMap<&str, usize> = sources
        .names
        .iter()
        .enumerate()
        .map(|(i, m)| (m.as_str(), found.of[i]))
        .collect();
    let mut per: Vec<Vec<Record>> = vec![Vec::new(); found.stories.len()];
    for r in records {
        // Every source with claims has its info; a record without one is a story of its own.
        match story_of.get(r.claim.source.as_str()) {
            Some(&s) => per[s].push(r),
            None => per.push(vec![r]),
        }
    }
    let ids: Vec<String> = (0..per.len())
        .map(|s| match found.stories.get(s) {
            Some(st) => st.id.clone(),
            None => format!(
                "s{}",
                &blake3::hash(per[s][0].claim.source.as_bytes()).to_hex()[..8]
            ),
        })
        .collect();
    let done: Vec<_> = per
        .into_par_iter()
        .zip(ids.par_iter())
        .map(|(mut recs, id)| {
            let (graph, findings, agreements) = compare_story(&mut recs, id, rules, None);
            (recs, graph, findings, agreements)
        })
        .collect();
    let mut out = Compared::empty(views(&found, &sources));
    for (recs, graph, findings, agreements) in done {
        let (at, groups_at) = (out.records.len(), out.graph.groups.len());
        for n in graph.graph.node_indices() {
            out.graph.graph.add_node(graph.graph[n] + at);
        }
        for e in graph.graph.raw_edges() {
            out.graph.graph.add_edge(
                petgraph::graph::NodeIndex::new(e.source().index() + at),
                petgraph::graph::NodeIndex::new(e.target().index() + at),
                e.weight.clone(),
            );
        }
        out.graph
            .groups
            .extend(graph.groups.into_iter().map(|mut g| {
                g.members.iter_mut().for_each(|m| *m += at);
                g
            }));
        out.graph.qualifiers.extend(graph.qualifiers);
        out.findings.extend(findings.into_iter().map(|mut f| {
            f.group += groups_at;
            f.side_a.iter_mut().for_each(|m| *m += at);
            f.side_b.iter_mut().for_each(|m| *m += at);
            f
        }));
        out.agreements.extend(agreements);
        out.records.extend(recs);
    }
    for f in &out.findings {
        let (a, b) = (f.side_a[0], f.side_b[0]);
        out.graph.graph.add_edge(
            petgraph::graph::NodeIndex::new(a),
            petgraph::graph::NodeIndex::new(b),
            Link::Conflict {
                id: f.row.id.clone(),
                severity: compare::sev_name(f.row.severity).to_string(),
                relation: relation_name(f.row.relation).to_string(),
            },
        );
    }
    out.compared_groups = out.graph.groups.iter().filter(|g| g.sources >= 2).count();
    out
}

/// [`compare_by_story`] on records spilled source by source (`blocks[i]` holds the records of
/// source `i` of `sources`), read back one story at a time and dropped once it is compared, so
/// memory follows the largest story and the findings. The findings keep their rows only (their
/// sides and groups would index records no longer held), the rows' source lists packed
/// ([`facts::PackedSources`]); no records and no graph come back.
pub fn compare_spilled(
    spill: &mut Spill,
    blocks: &[Block],
    sources: &Sources,
    rules: &RuleSet,
    story_threshold: f64,
) -> std::io::Result<Compared> {
    let found = sources.cluster(story_threshold);
    // Records in source-name order, as `compare_by_story` sorts them: a source's records
    // are one block, so the blocks sorted by name (stably) are the records sorted.
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by(|&a, &b| sources.names[a].cmp(&sources.names[b]));
    let mut per: Vec<Vec<usize>> = vec![Vec::new(); found.stories.len()];
    for i in order {
        per[found.of[i]].push(i);
    }
    let table = facts::sorted_names(&sources.names);
    let names = facts::SourceNames::new(&table);
    let mut out = Compared::empty(views(&found, sources));
    for (s, members) in per.iter().enumerate() {
        let mut recs = Vec::with_capacity(members.iter().map(|&i| blocks[i].count).sum());
        for &i in members {
            spill.read(blocks[i], &mut recs)?;
        }
        let (graph, findings, agreements) =
            compare_story(&mut recs, &found.stories[s].id, rules, Some(&names));
        out.compared_groups += graph.groups.iter().filter(|g| g.sources >= 2).count();
        drop((recs, graph));
        out.findings.extend(findings);
        out.agreements.extend(agreements);
    }
    drop(names);
    out.source_names = table;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> (Source, Vec<Sentence>) {
        let s = Source::new("a.txt", text.to_string(), crate::read::Format::Text);
        let sentences = crate::split::split(&s.text);
        (s, sentences)
    }

    #[test]
    fn terms_are_names_rare_words_and_figures() {
        // "Zorvath" twice as a name (2 each), "Qelmir" and "Hill" once (2), "Blue Hill" a name
        // (2) though "blue" is an everyday word, "glacier" and the figure once; "officials",
        // "people", "said", "the", the month and the year are everyday or calendar words.
        let (s, sentences) = src(
            "Officials in Zorvath said 1,250 people left on March 3, 2031. \
             The glacier near Zorvath and Qelmir moved past Blue Hill.",
        );
        let got = terms(&s, &sentences);
        let want = [
            ("zorvath", 4),
            ("blue hill", 2),
            ("hill", 2),
            ("qelmir", 2),
            ("#1250", 1),
            ("glacier", 1),
        ];
        assert_eq!(got, want.map(|(t, n)| (t.to_string(), n)));
    }

    fn member<'a>(name: &'a str, day: &str, terms: &'a [(String, u32)]) -> Member<'a> {
        Member {
            name,
            published: Some(day.parse().unwrap()),
            terms,
        }
    }

    /// Terms used once each: `k` and the numbers in `shared`, then the source's own up to 20.
    fn set(own: &str, shared: std::ops::Range<usize>) -> Vec<(String, u32)> {
        let n = shared.len();
        shared
            .map(|i| format!("k{i}"))
            .chain((n..20).map(|i| format!("{own}{i}")))
            .map(|t| (t, 1))
            .collect()
    }

    #[test]
    fn sources_sharing_enough_terms_are_one_story() {
        // Of 20 uses each: a and b share k0..k5 (0.3), b and c k6..k10 (0.25), d shares k0 with
        // a and b (0.05).
        let a = set("a", 0..6);
        let b = set("b", 0..11);
        let c = set("c", 6..11);
        let d = set("d", 0..1);
        let ms = [
            member("c", "2031-03-05", &c),
            member("a", "2031-03-03", &a),
            member("d", "2031-03-04", &d),
            member("b", "2031-03-04", &b),
        ];
        let st = cluster(&ms, 0.2);
        assert_eq!(st.stories.len(), 2);
        // Stories in the order of their first source's name: a's, then d's.
        assert_eq!(st.stories[0].members, vec![1, 3, 0]);
        assert_eq!(st.stories[1].members, vec![2]);
        assert_eq!(st.of, vec![0, 0, 1, 0]);
        assert_eq!(cluster(&ms, 0.28).stories.len(), 3);
        assert_eq!(cluster(&ms, 0.0).stories.len(), 1);
        assert_eq!(cluster(&ms, 1.01).stories.len(), 4);
    }

    /// Two stories of six sources, each source 20 uses: ten of its story's (0.5 with each other
    /// source of it) and ten of its own, but a0 and b0 share `kind` uses of words of their kind
    /// (k0.., in place of as many of their own).
    fn two_stories(kind: usize) -> Vec<(String, Vec<(String, u32)>)> {
        let source = |story: &str, i: usize| -> Vec<(String, u32)> {
            let kind = if i == 0 { kind } else { 0 };
            (0..10)
                .map(|t| format!("{story}{t}"))
                .chain((0..10 - kind).map(|t| format!("{story}{i}-{t}")))
                .chain((0..kind).map(|t| format!("k{t}")))
                .map(|t| (t, 1))
                .collect()
        };
        ["a", "b"]
            .iter()
            .flat_map(|&st| (0..6).map(move |i| (format!("{st}{i}"), source(st, i))))
            .collect()
    }

    /// The similarity of members `x` and `y`.
    fn alike(ms: &[Member], x: usize, y: usize) -> f64 {
        // Their terms as ids of one table.
        let mut both = Sources::default();
        for m in [&ms[x], &ms[y]] {
            both.push(m.name.to_string(), m.published, m.terms);
        }
        let mut sets: Vec<Vec<(u32, u32)>> = both.terms.iter().map(|t| t.to_vec()).collect();
        sets.iter_mut().for_each(|s| s.sort_unstable());
        let total = |s: &[(u32, u32)]| s.iter().map(|t| t.1 as u64).sum();
        similarity(
            (both.published[0], &sets[0], total(&sets[0])),
            (both.published[1], &sets[1], total(&sets[1])),
        )
    }

    #[test]
    fn a_pair_alike_enough_does_not_join_two_bigger_stories() {
        // a0 and b0 share 8 uses of their kind: 8 of 20, 0.4, alike enough (and more than 0.7
        // of 0.5), so linking every pair would make one story. But a0 is more alike to the five
        // other sources of its story (0.5) than to b0, and so is b0: the link is neither's
        // strongest.
        for kind in [8, 5] {
            let sets = two_stories(kind);
            let ms: Vec<Member> = sets
                .iter()
                .map(|(n, t)| member(n, "2031-03-03", t))
                .collect();
            assert_eq!(alike(&ms, 0, 6), kind as f64 / 20.0);
            assert_eq!(alike(&ms, 0, 1), 0.5);
            let st = cluster(&ms, 0.2);
            let names =
                |s: &Story| -> Vec<&str> { s.members.iter().map(|&m| ms[m].name).collect() };
            assert_eq!(st.stories.len(), 2);
            assert_eq!(names(&st.stories[0]), ["a0", "a1", "a2", "a3", "a4", "a5"]);
            assert_eq!(names(&st.stories[1]), ["b0", "b1", "b2", "b3", "b4", "b5"]);
        }
    }

    #[test]
    fn a_small_story_joins_another_only_through_a_pair_near_its_strongest() {
        // The six of a, and b0 and b1 alone: b0 has one source of its own story (b1, 0.5).
        // Sharing 8 uses with a0 (0.4, over 0.7 of 0.5), a0 is among b0's strongest: one story.
        // Sharing 5 (0.25, under 0.35), a0 is too far from b0's strongest: two stories.
        for (kind, stories) in [(8, 1), (5, 2)] {
            let sets = two_stories(kind);
            let ms: Vec<Member> = sets[..8]
                .iter()
                .map(|(n, t)| member(n, "2031-03-03", t))
                .collect();
            assert_eq!(cluster(&ms, 0.2).stories.len(), stories, "{kind}");
        }
    }

    #[test]
    fn short_sources_alone_are_one_story() {
        // Three briefs of three term uses: a and b share "kessa" (2 of 3: 0.67 over the floor
        // of 4, 0.5), c shares nothing; none is long enough to stand apart, so one story.
        let t = |w: &[(&str, u32)]| w.iter().map(|(t, n)| (t.to_string(), *n)).collect();
        let a: Vec<(String, u32)> = t(&[("kessa", 2), ("#340", 1)]);
        let b: Vec<(String, u32)> = t(&[("kessa", 2), ("dunmore", 1)]);
        let c: Vec<(String, u32)> = t(&[("quarry", 1)]);
        let ms = [
            member("a", "2031-03-03", &a),
            member("b", "2031-03-03", &b),
            member("c", "2031-03-03", &c),
        ];
        assert_eq!(cluster(&ms, 0.2).stories.len(), 1);
        // Beside two long sources of two stories, the briefs go where they share terms.
        let (x, y) = (set("x", 0..0), set("y", 0..0));
        let mut x = x;
        x.push(("kessa".into(), 3));
        let ms = [
            member("a", "2031-03-03", &a),
            member("b", "2031-03-03", &b),
            member("c", "2031-03-03", &c),
            member("x", "2031-03-03", &x),
            member("y", "2031-03-03", &y),
        ];
        let st = cluster(&ms, 0.2);
        assert_eq!(st.of[0], st.of[3]);
        assert_eq!(st.of[1], st.of[3]);
        assert_ne!(st.of[2], st.of[3]);
        assert_ne!(st.of[4], st.of[3]);
        assert_eq!(st.stories.len(), 3);
    }

    #[test]
    fn far_apart_dates_ask_for_more() {
        // 5 of 20 uses shared: 0.25, or 0.167 a year apart.
        let a = set("a", 0..5);
        let b = set("b", 0..5);
        let near = [member("a", "2031-03-03", &a), member("b", "2031-03-20", &b)];
        let far = [member("a", "2031-03-03", &a), member("b", "2032-03-20", &b)];
        assert_eq!(cluster(&near, 0.2).stories.len(), 1);
        assert_eq!(cluster(&far, 0.2).stories.len(), 2);
    }
}
