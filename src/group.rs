//! Stage 5, group: claims of all sources in, the claim graph out (petgraph), and from it the
//! groups of claims that state the same fact.
//!
//! Nodes are claims. An edge joins two claims of different sources when their slots are the
//! same after normalization (case, separators, plural `-s`, aliases from rules), when their
//! subjects are near-identical spellings (normalized Levenshtein ≥ 0.85, digits equal), or when
//! one subject is the other with modifiers left out ("troops" / "us-troops"), that containment
//! is unambiguous (one candidate only) and the sentences share context words. Each edge keeps
//! its reason, which `explain` and the graph export show.
//!
//! Grouping is a blocked join, never all pairs: claims are bucketed by (attribute, kind), and
//! inside a bucket by normalized subject through a hash map; only distinct subjects of one
//! bucket are compared with each other, through a head-word index and a sorted-neighbour
//! window, so the work grows with the number of claims. Claims of one slot are joined as a star
//! (each to one claim of another source), so edges grow linearly too. Connected components
//! (union-find) are the groups `compare` works on.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::civil::Date;
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::unionfind::UnionFind;

use crate::extract::Claim;
use crate::recognize::Kind;

/// A claim and what the report needs from its source, gathered while the source is in memory,
/// so sources can be dropped once their claims are out.
#[derive(Clone, Debug)]
pub struct Record {
    pub claim: Claim,
    /// The value as written in the source.
    pub text: String,
    /// The full sentence, inner line breaks folded to spaces; shared by the claims of one
    /// sentence (a flattened table's line holds hundreds).
    pub sentence: std::sync::Arc<str>,
    /// The words the rule read to file the claim under its slot.
    pub words: String,
    /// `source:line:column` of the sentence's start.
    pub location: String,
    /// Publication date of the source, if known.
    pub published: Option<Date>,
    /// The publication date was guessed from a dateline in the text.
    pub date_guessed: bool,
}

/// Why two claims are joined.
#[derive(Clone, Debug, PartialEq)]
pub enum Link {
    /// The same slot after normalization.
    SameSlot,
    /// Subjects spelled nearly alike.
    SimilarSubject { score: f64 },
    /// One subject is the other with modifiers left out, and their sentences share words.
    ContainedSubject { shared: Vec<String> },
    /// A person named by surname only and the one full name ending with it.
    Surname,
    /// Values of the group found to conflict (added by the comparison, for export).
    Conflict {
        id: String,
        severity: String,
        relation: String,
    },
}

impl Link {
    /// The reason in words.
    pub fn describe(&self, a: &str, b: &str) -> String {
        match self {
            Link::SameSlot => format!("same slot: {a} = {b} after normalization"),
            Link::SimilarSubject { score } => {
                format!("near-identical slots: {a} ~ {b} (similarity {score:.2})")
            }
            Link::ContainedSubject { shared } => format!(
                "one subject holds the other: {a} ~ {b}, the only such pair, sentences share: {}",
                shared.join(", ")
            ),
            Link::Surname => {
                format!("one person: {a} ~ {b}, a surname and the only full name ending with it")
            }
            Link::Conflict {
                id,
                severity,
                relation,
            } => format!("{relation} {id} ({severity}) between {a} and {b}"),
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Link::SameSlot => "same-slot",
            Link::SimilarSubject { .. } => "similar-subject",
            Link::ContainedSubject { .. } => "contained-subject",
            Link::Surname => "surname",
            Link::Conflict { .. } => "conflict",
        }
    }
}

/// Claims that state the same fact, to be compared.
#[derive(Clone, Debug)]
pub struct Group {
    /// The slot key shown in reports: the most frequent key among the members.
    pub slot: String,
    /// Indices into the records, in record order.
    pub members: Vec<usize>,
    /// How many different sources the members come from.
    pub sources: usize,
    /// The members' [`Qualifier`] key (all share it), empty for the slot's main fact.
    pub qualifier: String,
}

/// The claim graph: one node per record (node index = record index).
pub struct ClaimGraph {
    pub graph: UnGraph<usize, Link>,
    pub groups: Vec<Group>,
    /// Per record: what sets its fact apart from the others of its slot, if anything.
    pub qualifiers: Vec<Option<Qualifier>>,
}

/// What makes a claim's fact another one than the main fact of its slot: an earlier event
/// whose year governs the clause ("in 1933 ... where 29 people died"), or a proper name in its
/// holder, place or sub-group that few sources mention ("on Tobago" in a corpus about
/// Trinidad, "Kenyan passengers"). Claims of one slot are only joined when their qualifiers are equal.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Qualifier {
    /// The parts, sorted: `1933`, `Tobago`, `Kenyan`.
    pub key: String,
    /// The reason in words, for `explain`.
    pub why: String,
}

/// Verbs of an event's phases, by the phase they name: a clock time is the time of what its
/// verb says happened ("the fire started at 6:50", "spread to the tower at 8:30").
const PHASE_VERBS: &[(&str, &[&str])] = &[
    (
        "start",
        &[
            "start", "begin", "break", "erupt", "ignite", "spark", "commence", "outbreak",
            "strike", "hit", "occur", "happen", "open",
        ],
    ),
    (
        "end",
        &[
            "end",
            "finish",
            "conclude",
            "extinguish",
            "stop",
            "contain",
            "control",
            "douse",
            "cease",
        ],
    ),
    (
        "collapse",
        &["collapse", "fall", "topple", "crumble", "crash", "cave"],
    ),
];

/// The phase a verb names, or the verb itself.
fn phase_of(verb: &str) -> &str {
    PHASE_VERBS
        .iter()
        .find(|(_, verbs)| verbs.contains(&verb))
        .map_or(verb, |(phase, _)| phase)
}

/// Counted nouns that say nothing of what is counted: a count of them is a fact only with its verb.
const GENERIC_COUNTED: &[&str] = &[
    "people",
    "person",
    "other",
    "individual",
    "one",
    "those",
    "resident",
    "member",
];

/// Words for the people a verb's count is about, when the verb says what happened to them
/// ("59 people were killed", "500 others injured", "six confirmed deaths", "the 34 dead").
const PEOPLE_WORDS: &[&str] = &[
    "people",
    "person",
    "other",
    "individual",
    "victim",
    "dead",
    "death",
    "fatality",
    "casualty",
    "toll",
    "death-toll",
];

/// `people` for the subject of a count filed under a verb's attribute (`killed`, `injured`)
/// when the subject is only a word for people or an adjective the rule took for a noun
/// ("confirmed" deaths, "storm-related" deaths): the verb says what is counted.
fn people_subject(subject: &str, attribute: &str, kind: Kind) -> Option<String> {
    let attribute = normalize(attribute);
    if kind != Kind::Count || matches!(attribute.as_str(), "count" | "age" | "duration") {
        return None;
    }
    let last = subject.rsplit('-').next().unwrap_or(subject);
    let adjective = last.ends_with("ed") || last.ends_with("ly");
    (PEOPLE_WORDS.contains(&subject) || adjective).then(|| "people".to_string())
}

/// Share of the corpus's sources that must name a place or holder for it to be the setting
/// of the story (neutral) rather than a part of it that sets a figure apart.
const SETTING_SHARE: f64 = 0.4;

/// Computes every record's [`Qualifier`] from its frame and what the corpus says about the
/// names in it: a name every source repeats is the story's setting ("Trinidad", "Riverton"),
/// a name in lowercase elsewhere is a word a headline capitalized ("Gunman"); neither sets a
/// figure apart. The main event's year is the earliest publication year.
pub fn qualifiers(records: &[Record]) -> Vec<Option<Qualifier>> {
    let mut source_ids: HashMap<&str, usize> = HashMap::new();
    for r in records {
        let n = source_ids.len();
        source_ids.entry(r.claim.source.as_str()).or_insert(n);
    }
    let n_sources = source_ids.len().max(1);
    let names: BTreeSet<&str> = records
        .iter()
        .flat_map(|r| r.claim.frame.names.iter().map(String::as_str))
        .collect();
    let wanted: BTreeSet<&str> = names.iter().flat_map(|n| n.split_whitespace()).collect();
    // Each sentence once, as its words with hyphenated ones split ("Saint-Clair" is "Saint
    // Clair"), and with its source.
    let mut sentences: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut seen_sentence: BTreeSet<(usize, usize)> = BTreeSet::new();
    for r in records {
        let sid = source_ids[r.claim.source.as_str()];
        if seen_sentence.insert((sid, r.claim.sentence.start)) {
            let words = words_at(&r.sentence)
                .flat_map(|(_, w)| w.split('-').filter(|p| !p.is_empty()))
                .collect();
            sentences.push((sid, words));
        }
    }
    // Which of the names' words are ever written in lowercase: common nouns ("Cathedral").
    let mut lowercase: BTreeSet<String> = BTreeSet::new();
    for (_, words) in &sentences {
        for w in words {
            if w.starts_with(|c: char| c.is_lowercase()) {
                let cap = capitalized(w);
                if wanted.contains(cap.as_str()) {
                    lowercase.insert(cap);
                }
            }
        }
    }
    // A source uses a name when one of its sentences has the name's proper words in a row:
    // "Saint Clair" and "Saint-Clair" both name "Saint Clair Abbey". By the first
    // of those words, so each sentence is scanned once.
    let mut by_first: HashMap<&str, Vec<(&str, Vec<&str>)>> = HashMap::new();
    for &name in &names {
        let all: Vec<&str> = name.split_whitespace().flat_map(|w| w.split('-')).collect();
        let proper: Vec<&str> = all
            .iter()
            .copied()
            .filter(|w| !lowercase.contains(*w))
            .collect();
        let core = if proper.is_empty() { all } else { proper };
        if let Some(&first) = core.first() {
            by_first.entry(first).or_default().push((name, core));
        }
    }
    let mut used_by: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for (sid, words) in &sentences {
        for (i, w) in words.iter().enumerate() {
            for (name, core) in by_first.get(w).into_iter().flatten() {
                if words[i..].starts_with(core) {
                    used_by.entry(name).or_default().insert(*sid);
                }
            }
        }
    }
    let main_year = records
        .iter()
        .filter_map(|r| r.published.map(|d| d.year() as i32))
        .min();
    records
        .iter()
        .map(|r| {
            let f = &r.claim.frame;
            if f.increment {
                return Some(Qualifier {
                    key: format!("part {}", r.claim.id),
                    why: "it counts a part added to or left of a total (\"four more\", \"the last three\"), compared with nothing".to_string(),
                });
            }
            let mut parts: Vec<String> = Vec::new();
            let mut why: Vec<String> = Vec::new();
            // "people/count" says nothing of what the people did: the verb must say it
            // (380 people added to a list, 820 searching, 52,000 evacuated).
            let subject = normalize(&r.claim.slot.subject);
            if normalize(&r.claim.slot.attribute) == "count"
                && GENERIC_COUNTED.contains(&subject.as_str())
            {
                let verb = if f.predicate.is_empty() {
                    "?"
                } else {
                    f.predicate.as_str()
                };
                parts.push(format!("~{verb}"));
                why.push(format!(
                    "it counts {subject} with no word for what they did but its verb, \"{verb}\""
                ));
            }
            // "8.30pm: the fire spreads to a tower" times another moment than "the fire
            // started at 6:50": a clock time is the time of its verb's phase.
            if r.claim.value.kind == Kind::Time && !f.predicate.is_empty() {
                let phase = phase_of(&f.predicate);
                if phase != "start" {
                    parts.push(format!("~{phase}"));
                    why.push(format!(
                        "it times what its verb \"{}\" says happened ({phase})",
                        f.predicate
                    ));
                }
            }
            // A timeline's entry ("10:55pm: Eight officers arrive") counts what was so at
            // that moment.
            if normalize(&r.claim.slot.attribute) == "count"
                && r.claim.value.kind == Kind::Count
                && let Some(clock) = &f.moment
            {
                parts.push(format!("at {clock}"));
                why.push(format!(
                    "it counts what was so at a moment, {clock}, the clock time of its sentence"
                ));
            }
            if f.estimate {
                parts.push("estimate".to_string());
                why.push(format!(
                    "it is an estimate ({}), not a count",
                    if f.source.is_empty() {
                        "\"estimated\""
                    } else {
                        f.source.as_str()
                    }
                ));
            }
            for w in &f.restrict {
                parts.push(w.clone());
                why.push(format!("its measure is restricted: \"{w}\""));
            }
            // "will cost", "is expected to reach", "one diver needs to carry": a plan, an
            // expectation or a requirement, not what happened.
            if f.planned {
                parts.push("planned".to_string());
                why.push(
                    "it is planned, expected or required (\"will\", \"expected to\", \"needs to\"), not stated as done"
                        .to_string(),
                );
            }
            if !f.pointed.is_empty() {
                parts.push(f.pointed.clone());
                why.push(format!(
                    "it is about \"{}\", something the text pointed at before, not the story itself",
                    f.pointed
                ));
            }
            if !f.phase.is_empty() {
                parts.push(f.phase.clone());
                why.push(format!("it belongs to one phase: \"{}\"", f.phase));
            }
            // A date years before the story began dates another event or the thing's past.
            if matches!(r.claim.value.kind, Kind::Date)
                && let (Some(i), Some(main)) = (r.claim.value.interval, main_year)
                && crate::compare::day_to_date(i.hi).is_some_and(|d| (d.year() as i32) < main)
            {
                parts.push(format!("before {main}"));
                why.push(format!(
                    "it dates something before {main}, the year the story's sources begin"
                ));
            }
            if let (Some(y), Some(main)) = (f.year, main_year)
                && y < main
            {
                parts.push(y.to_string());
                why.push(format!(
                    "its clause is dated {y}, before the story's first publication year {main}: another event"
                ));
            }
            // A name claim's slot already says whose name it is ("the junta leader"); the
            // other names of its sentence belong to the verb ("... and Russia's President
            // detailed"), not to the person named.
            let names = if r.claim.value.kind == Kind::Name {
                &[][..]
            } else {
                &f.names[..]
            };
            for name in names {
                let words: Vec<&str> = name.split_whitespace().collect();
                if words.iter().all(|w| lowercase.contains(*w)) {
                    continue;
                }
                let share =
                    used_by.get(name.as_str()).map_or(0, |s| s.len()) as f64 / n_sources as f64;
                if share >= SETTING_SHARE {
                    continue;
                }
                parts.push(name.clone());
                why.push(format!(
                    "it is about {name}, named by {:.0}% of the sources (the setting needs {:.0}%)",
                    share * 100.0,
                    SETTING_SHARE * 100.0
                ));
            }
            if parts.is_empty() {
                return None;
            }
            parts.sort();
            parts.dedup();
            Some(Qualifier {
                key: parts.join("+"),
                why: why.join("; "),
            })
        })
        .collect()
}

/// Whether `r` is the age of a thing no person could be, pointed at with "the" or a possessive
/// and without a name of its own: what [`join_thing_ages`] files under one slot.
pub fn thing_age(r: &Record) -> bool {
    // Older than anyone has lived.
    const PERSON_YEARS: f64 = 130.0;
    let c = &r.claim;
    if c.slot.attribute != "age" || c.value.kind != Kind::Duration {
        return false;
    }
    let old = c
        .value
        .value
        .strip_prefix('P')
        .and_then(|v| v.strip_suffix('Y'))
        .and_then(|y| y.parse::<f64>().ok())
        .is_some_and(|y| y > PERSON_YEARS);
    let at = c.value.span.start.saturating_sub(c.sentence.start);
    let before = r.sentence.get(..at).unwrap_or("");
    let pointed = before
        .split_whitespace()
        .next_back()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .is_some_and(|w| matches!(w.as_str(), "the" | "its" | "it's" | "their" | "this"));
    let named = r
        .words
        .get(r.text.len().min(r.words.len())..)
        .is_some_and(|rest| {
            rest.split_whitespace()
                .any(|w| w.starts_with(char::is_uppercase))
        });
    old && pointed && !named
}

/// Files the ages of things no person could be ("the 850-year-old landmark", "its
/// 850-year-old glory", "the 800-year-old cathedral") under one slot per story: a writer names
/// the story's old building by whichever noun comes to hand, and an age written with "the" or
/// a possessive points at the thing the story is about. A thing with a name of its own ("the
/// 1,000-year-old Strasbourg cathedral") keeps its slot, as does anything young enough to be a
/// person. The slot is the subject most of them use. Returns how many claims changed slot.
pub fn join_thing_ages(records: &mut [Record]) -> usize {
    let which: Vec<usize> = (0..records.len())
        .filter(|&i| thing_age(&records[i]))
        .collect();
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in &which {
        *uses
            .entry(records[i].claim.slot.subject.as_str())
            .or_default() += 1;
    }
    if uses.len() < 2 {
        return 0;
    }
    // Most used; ties go to the smallest subject, as a group's slot does.
    let Some(subject) = uses
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(s, _)| s.to_string())
    else {
        return 0;
    };
    let mut changed = 0;
    for i in which {
        if records[i].claim.slot.subject != subject {
            records[i].claim.slot.subject = subject.clone();
            changed += 1;
        }
    }
    changed
}

/// Reads each date written without a year ("ahead of its reopening on Dec. 8", in a source
/// with no publication date) in the year the sources give for the same event: the year of its
/// dates, counted once per source, when one year has the most sources. Returns how many dates
/// were read in a year.
pub fn anchor_yearless_dates(records: &mut [Record]) -> usize {
    // event -> year -> sources naming it
    let mut years: HashMap<String, BTreeMap<i16, BTreeSet<&str>>> = HashMap::new();
    let yearless =
        |r: &Record| r.claim.value.kind == Kind::Date && r.claim.value.value.starts_with("XXXX-");
    if !records.iter().any(yearless) {
        return 0;
    }
    for r in records.iter() {
        let v = &r.claim.value;
        if v.kind != Kind::Date || v.interval.is_none() {
            continue;
        }
        let Some(year) = v.value.get(..4).and_then(|y| y.parse::<i16>().ok()) else {
            continue;
        };
        // A year, a month or a day; not a decade or a century.
        if v.value.len() != 4 && v.value.as_bytes().get(4) != Some(&b'-') {
            continue;
        }
        years
            .entry(normalize(&r.claim.slot.subject))
            .or_default()
            .entry(year)
            .or_default()
            .insert(r.claim.source.as_str());
    }
    let chosen: Vec<(String, i16)> = years
        .into_iter()
        .filter_map(|(event, by_year)| {
            let most = by_year.values().map(BTreeSet::len).max()?;
            let mut best = by_year.iter().filter(|(_, s)| s.len() == most);
            match (best.next(), best.next()) {
                (Some((year, _)), None) => Some((event, *year)),
                _ => None,
            }
        })
        .collect();
    let chosen: HashMap<String, i16> = chosen.into_iter().collect();
    let mut anchored = 0;
    for r in records.iter_mut() {
        if !yearless(r) {
            continue;
        }
        if let Some(&year) = chosen.get(&normalize(&r.claim.slot.subject))
            && crate::recognize::date::read_in_year(&mut r.claim.value, year)
        {
            anchored += 1;
        }
    }
    anchored
}

/// Reads each clock time whose source named no day ("the fire started at 6:50 p.m.") on the
/// day the sources give for the same event: the day its dates and dated times name, counted
/// once per source, when one day has the most sources. Times stay unresolved otherwise.
/// Returns how many times were read on a day.
pub fn anchor_clock_times(records: &mut [Record]) -> usize {
    // event -> day -> (day number, sources naming it)
    let mut days: HashMap<String, BTreeMap<String, (f64, BTreeSet<String>)>> = HashMap::new();
    for r in records.iter() {
        let v = &r.claim.value;
        let day = match v.kind {
            Kind::Date if v.value.len() == 10 => v.value.as_str(),
            Kind::Time => {
                let clock = crate::recognize::time::split_qualifier(&v.value).1;
                match clock.get(..10) {
                    Some(day) if clock.len() > 11 && !day.starts_with('X') => day,
                    _ => continue,
                }
            }
            _ => continue,
        };
        let Some(i) = v.interval else { continue };
        if !crate::recognize::time::is_whole_day(day) {
            continue;
        }
        let entry = days
            .entry(normalize(&r.claim.slot.subject))
            .or_default()
            .entry(day.to_string())
            .or_insert_with(|| (i.lo.floor(), BTreeSet::new()));
        entry.1.insert(r.claim.source.clone());
    }
    let mut anchored = 0;
    for r in records.iter_mut() {
        let v = &mut r.claim.value;
        if v.kind != Kind::Time || v.interval.is_some() {
            continue;
        }
        let Some(by_day) = days.get(&normalize(&r.claim.slot.subject)) else {
            continue;
        };
        let most = by_day.values().map(|(_, s)| s.len()).max().unwrap_or(0);
        let mut best = by_day.iter().filter(|(_, (_, s))| s.len() == most);
        let (Some((day, (number, _))), None) = (best.next(), best.next()) else {
            continue;
        };
        if !crate::recognize::time::read_on_day(v, day, *number) {
            continue;
        }
        anchored += 1;
    }
    anchored
}

/// The words of a text (letters, digits, inner hyphens) with their byte offsets.
fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let word = |c: char| c.is_alphanumeric() || c == '-';
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = i + text[i..].find(word)?;
        let len = text[start..]
            .find(|c: char| !word(c))
            .unwrap_or(text.len() - start);
        i = start + len;
        Some((start, &text[start..i]))
    })
}

/// "gunman" as a headline would write it.
fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Builds the graph and its groups. `alias` maps a normalized subject to its canonical form
/// when a rule names one.
pub fn build(records: &[Record], alias: &dyn Fn(&str) -> Option<String>) -> ClaimGraph {
    let qualifiers = qualifiers(records);
    let mut graph: UnGraph<usize, Link> = UnGraph::with_capacity(records.len(), records.len());
    for i in 0..records.len() {
        graph.add_node(i);
    }
    // Block: (attribute, kind, qualifier) -> normalized subject -> members.
    type Block = (String, Kind, String);
    let mut blocks: HashMap<Block, HashMap<String, Vec<usize>>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        let subject = normalize(&r.claim.slot.subject);
        let subject = alias(&subject).unwrap_or(subject);
        let subject = people_subject(&subject, &r.claim.slot.attribute, r.claim.value.kind)
            .unwrap_or(subject);
        blocks
            .entry((
                normalize(&r.claim.slot.attribute),
                r.claim.value.kind,
                qualifiers[i]
                    .as_ref()
                    .map(|q| q.key.clone())
                    .unwrap_or_default(),
            ))
            .or_default()
            .entry(subject)
            .or_default()
            .push(i);
    }
    let mut uf: UnionFind<usize> = UnionFind::new(records.len());
    let mut join = |graph: &mut UnGraph<usize, Link>, a: usize, b: usize, link: Link| {
        uf.union(a, b);
        graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), link);
    };
    // Sorted for a deterministic graph whatever the hash order.
    let mut block_keys: Vec<&Block> = blocks.keys().collect();
    block_keys.sort();
    for key in block_keys {
        let subjects = &blocks[key];
        let mut names: Vec<&String> = subjects.keys().collect();
        names.sort();
        for members in names.into_iter().map(|n| &subjects[n]) {
            star(records, members, |a, b| {
                join(&mut graph, a, b, Link::SameSlot)
            });
        }
        // An age belongs to a person: "Okafor" is "Ada Okafor" when no other Okafor is aged.
        let people = key.0 == "age";
        for (s1, s2, link) in similar_subjects(records, subjects, people) {
            let (a, b) = bridge(records, &subjects[s1], &subjects[s2]);
            join(&mut graph, a, b, link);
        }
    }
    let mut comps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..records.len() {
        comps.entry(uf.find(i)).or_default().push(i);
    }
    let mut groups: Vec<Group> = comps
        .into_values()
        .map(|members| {
            let mut freq: BTreeMap<String, usize> = BTreeMap::new();
            for &m in &members {
                *freq.entry(records[m].claim.slot.key()).or_default() += 1;
            }
            // Most frequent key; ties go to the smallest key, so the choice is order-free.
            let slot = freq
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(k, _)| k.clone())
                .unwrap_or_default();
            let sources = members
                .iter()
                .map(|&m| records[m].claim.source.as_str())
                .collect::<BTreeSet<_>>()
                .len();
            let qualifier = qualifiers[members[0]]
                .as_ref()
                .map(|q| q.key.clone())
                .unwrap_or_default();
            Group {
                slot,
                members,
                sources,
                qualifier,
            }
        })
        .collect();
    groups.sort_by(|a, b| {
        a.slot
            .cmp(&b.slot)
            .then(a.qualifier.cmp(&b.qualifier))
            .then(a.members.cmp(&b.members))
    });
    ClaimGraph {
        graph,
        groups,
        qualifiers,
    }
}

/// Joins the claims of one slot: each to the first claim of the first other source, so every
/// edge crosses sources and the edges grow linearly with the claims.
fn star(records: &[Record], members: &[usize], mut join: impl FnMut(usize, usize)) {
    let Some(&first) = members.first() else {
        return;
    };
    let src = |i: usize| records[i].claim.source.as_str();
    let other = members.iter().copied().find(|&m| src(m) != src(first));
    let Some(other) = other else { return };
    for &m in members {
        if m == first {
            continue;
        }
        if src(m) != src(first) {
            join(m, first);
        } else {
            join(m, other);
        }
    }
}

/// A pair of claims, one from each side, from different sources when there is one.
fn bridge(records: &[Record], a: &[usize], b: &[usize]) -> (usize, usize) {
    let src = |i: usize| records[i].claim.source.as_str();
    for &x in a.iter().take(8) {
        if let Some(&y) = b.iter().find(|&&y| src(y) != src(x)) {
            return (x, y);
        }
    }
    (a[0], b[0])
}

/// Pairs of distinct subjects of one block that name the same thing.
fn similar_subjects<'a>(
    records: &[Record],
    subjects: &'a HashMap<String, Vec<usize>>,
    people: bool,
) -> Vec<Pair<'a>> {
    let mut names: Vec<&str> = subjects.keys().map(String::as_str).collect();
    if names.len() < 2 {
        return Vec::new();
    }
    names.sort_unstable();
    let mut out = Vec::new();
    let mut seen: BTreeSet<(&str, &str)> = BTreeSet::new();
    // Spelling variants sort near each other.
    for w in 1..=2 {
        for i in w..names.len() {
            consider(names[i - w], names[i], &mut seen, &mut out);
        }
    }
    // Subjects sharing a head word (the last one: "us-troop", "troop").
    let mut by_head: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for &n in &names {
        by_head.entry(head(n)).or_default().push(n);
    }
    for bucket in by_head.values() {
        if bucket.len() > 32 {
            continue; // a head word that common says little; neighbours above still apply
        }
        for (i, &a) in bucket.iter().enumerate() {
            for &b in &bucket[i + 1..] {
                consider(a, b, &mut seen, &mut out);
            }
        }
        // Containment: the shorter subject has exactly one longer subject holding all its words.
        for &short in bucket {
            let holders: Vec<&str> = bucket
                .iter()
                .copied()
                .filter(|&long| long != short && contains_words(long, short))
                .collect();
            // Several named ones ("riverside-fire", "oak-fire"): the plain noun means the one
            // more sources name, the story's own, if one clearly leads.
            let sources_of = |subject: &str| {
                subjects[subject]
                    .iter()
                    .map(|&m| records[m].claim.source.as_str())
                    .collect::<BTreeSet<_>>()
                    .len()
            };
            let holders: Vec<&str> = if holders.len() > 1 {
                let mut ranked: Vec<(usize, &str)> =
                    holders.iter().map(|&h| (sources_of(h), h)).collect();
                ranked.sort_unstable_by(|x, y| y.cmp(x));
                if ranked[0].0 >= 2
                    && ranked[0].0 > ranked[1].0
                    && named_instance(records, &subjects[ranked[0].1], ranked[0].1, short)
                {
                    vec![ranked[0].1]
                } else {
                    holders
                }
            } else {
                holders
            };
            if let [long] = holders[..] {
                let key = (short.min(long), short.max(long));
                if out.iter().any(|(a, b, _)| (*a, *b) == key) {
                    continue;
                }
                let shared = shared_context(records, &subjects[short], &subjects[long], long);
                let surname = people && long.ends_with(&format!("-{short}"));
                // "the Riverside Fire" against "the fire": the only named one of its kind is the
                // one the plain noun means; one shared word is enough then.
                let named = named_instance(records, &subjects[long], long, short);
                if surname {
                    out.push((key.0, key.1, Link::Surname));
                } else if shared.len() >= 2 || (named && !shared.is_empty()) {
                    out.push((key.0, key.1, Link::ContainedSubject { shared }));
                }
            }
        }
    }
    out
}

type Pair<'a> = (&'a str, &'a str, Link);

/// Records a pair of spelling variants once.
fn consider<'a>(
    a: &'a str,
    b: &'a str,
    seen: &mut BTreeSet<(&'a str, &'a str)>,
    out: &mut Vec<Pair<'a>>,
) {
    let key = if a < b { (a, b) } else { (b, a) };
    if a == b || !seen.insert(key) {
        return;
    }
    if let Some(score) = spelled_alike(a, b) {
        out.push((key.0, key.1, Link::SimilarSubject { score }));
    }
}

/// Normalized Levenshtein similarity when two subjects look like spellings of one name:
/// at least 0.85, both 5 characters or longer, and the same digits (years, ordinals).
fn spelled_alike(a: &str, b: &str) -> Option<f64> {
    if a.len() < 5 || b.len() < 5 {
        return None;
    }
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    if digits(a) != digits(b) {
        return None;
    }
    let score = strsim::normalized_levenshtein(a, b);
    (score >= 0.85).then_some(score)
}

/// Whether `long` is a name holding `short` ("riverside-fire" holding "fire"): its sentences
/// write the words `long` adds capitalized ("the Riverside Fire").
fn named_instance(records: &[Record], members: &[usize], long: &str, short: &str) -> bool {
    let short_words: Vec<&str> = short.split('-').collect();
    let extra: Vec<&str> = long
        .split('-')
        .filter(|w| !short_words.contains(w))
        .collect();
    !extra.is_empty()
        && members.iter().take(8).any(|&m| {
            let words: Vec<&str> = records[m]
                .sentence
                .split(|c: char| !c.is_alphanumeric())
                .collect();
            extra.iter().all(|e| {
                words
                    .iter()
                    .any(|w| w.starts_with(char::is_uppercase) && w.eq_ignore_ascii_case(e))
            })
        })
}

fn head(subject: &str) -> &str {
    subject.rsplit('-').next().unwrap_or(subject)
}

fn contains_words(long: &str, short: &str) -> bool {
    let lw: Vec<&str> = long.split('-').collect();
    short.split('-').all(|w| lw.contains(&w))
}

/// Words (4+ letters, not the subject's own) that sentences of both sides use.
fn shared_context(records: &[Record], a: &[usize], b: &[usize], subject: &str) -> Vec<String> {
    let words = |members: &[usize]| {
        let mut set = BTreeSet::new();
        for &m in members.iter().take(16) {
            for w in records[m]
                .sentence
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.chars().count() >= 4)
            {
                let w = singular(&w.to_lowercase());
                if !subject.split('-').any(|s| s == w) && !STOP.contains(&w.as_str()) {
                    set.insert(w);
                }
            }
        }
        set
    };
    let wa = words(a);
    let wb = words(b);
    wa.intersection(&wb).take(8).cloned().collect()
}

/// Frequent words that tell nothing about what a sentence is about.
const STOP: &[&str] = &[
    "that",
    "this",
    "with",
    "from",
    "have",
    "been",
    "were",
    "will",
    "would",
    "their",
    "they",
    "there",
    "which",
    "what",
    "when",
    "also",
    "said",
    "says",
    "more",
    "than",
    "about",
    "after",
    "before",
    "into",
    "over",
    "some",
    "such",
    "only",
    "other",
    "them",
    "then",
    "these",
    "those",
    "while",
    "where",
    "being",
    "could",
    "should",
    "since",
    "year",
    "according",
];

/// A slot part in normal form: lowercase, words joined by `-`, plural `-s` dropped.
pub fn normalize(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    for w in part
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        if matches!(w.as_str(), "the" | "a" | "an") {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&singular(&w));
    }
    out
}

/// English plural to singular for the common regular cases; short words are left alone.
fn singular(w: &str) -> String {
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        format!("{}y", &w[..n - 3])
    } else if n > 4 && (w.ends_with("sses") || w.ends_with("shes") || w.ends_with("ches")) {
        w[..n - 2].to_string()
    } else if n > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w[..n - 1].to_string()
    } else {
        w.to_string()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::Slot;
    use crate::recognize::{Interval, Value};
    use crate::span::Span;

    pub fn record(source: &str, subject: &str, attr: &str, kind: Kind, value: &str) -> Record {
        let mut v = Value::new(kind, Span::new(0, value.len()), value);
        v.interval = value.parse::<f64>().ok().map(Interval::point);
        Record {
            claim: crate::extract::Claim {
                id: format!("{source}-{subject}-{value}"),
                source: source.to_string(),
                slot: Slot::new(subject, attr),
                value: v,
                sentence: Span::new(0, 10),
                rule: "test".to_string(),
                hedged: false,
                entity: None,
                evidence: Span::new(0, 10),
                frame: Default::default(),
            },
            text: value.to_string(),
            sentence: format!("The {subject} were {value} in all.").into(),
            words: format!("{subject} were {value}"),
            location: format!("{source}:1:1"),
            published: None,
            date_guessed: false,
        }
    }

    fn groups_of(records: &[Record]) -> Vec<Vec<usize>> {
        let g = build(records, &|_| None);
        let mut out: Vec<Vec<usize>> = g.groups.into_iter().map(|g| g.members).collect();
        out.sort();
        out
    }

    #[test]
    fn same_slot_across_sources_groups_and_plurals_normalize() {
        let rs = vec![
            record("a", "us-troops", "count", Kind::Count, "1100"),
            record("b", "US troop", "count", Kind::Count, "1000"),
            record("c", "us-troops", "date", Kind::Date, "2023"),
        ];
        assert_eq!(groups_of(&rs), vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn kinds_and_attributes_block_apart() {
        let rs = vec![
            record("a", "coup", "date", Kind::Date, "2023"),
            record("b", "coup", "count", Kind::Count, "2"),
        ];
        assert_eq!(groups_of(&rs), vec![vec![0], vec![1]]);
    }

    #[test]
    fn near_identical_spellings_join_but_years_do_not() {
        let rs = vec![
            record("a", "sheinbaum-government", "date", Kind::Date, "1"),
            record("b", "sheinbam-government", "date", Kind::Date, "2"),
            record("a", "2019-strike", "date", Kind::Date, "3"),
            record("b", "2018-strike", "date", Kind::Date, "4"),
        ];
        assert_eq!(groups_of(&rs), vec![vec![0, 1], vec![2], vec![3]]);
    }

    #[test]
    fn unambiguous_containment_with_shared_context_joins() {
        let mut rs = vec![
            record("a", "troops", "count", Kind::Count, "1100"),
            record("b", "us-troops", "count", Kind::Count, "1000"),
        ];
        rs[0].sentence = "The United States has about 1,100 troops in Niger.".into();
        rs[1].sentence = "The United States will withdraw 1,000 troops from Niger.".into();
        assert_eq!(groups_of(&rs), vec![vec![0, 1]]);
        // Two candidates ("us-troops", "french-troops"): "troops" joins neither.
        rs.push(record("c", "french-troops", "count", Kind::Count, "1500"));
        rs[2].sentence = "The United States says 1,500 French troops left Niger.".into();
        assert_eq!(groups_of(&rs), vec![vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn edges_cross_sources_and_grow_linearly() {
        let rs: Vec<Record> = (0..1000)
            .map(|i| {
                record(
                    &format!("s{}", i % 10),
                    "people",
                    "killed",
                    Kind::Count,
                    "5",
                )
            })
            .collect();
        let g = build(&rs, &|_| None);
        assert_eq!(g.groups.len(), 1);
        assert_eq!(g.graph.edge_count(), 999);
        for e in g.graph.edge_indices() {
            let (a, b) = g.graph.edge_endpoints(e).unwrap();
            assert_ne!(rs[a.index()].claim.source, rs[b.index()].claim.source);
        }
    }

    #[test]
    fn aliases_from_rules_join_subjects() {
        let rs = vec![
            record("a", "soldiers", "count", Kind::Count, "1"),
            record("b", "troops", "count", Kind::Count, "1"),
        ];
        let g = build(&rs, &|s| (s == "soldier").then(|| "troop".to_string()));
        assert_eq!(g.groups.len(), 1);
    }

    #[test]
    fn normal_form() {
        assert_eq!(normalize("US Troops"), "us-troop");
        assert_eq!(normalize("death_toll"), "death-toll");
        assert_eq!(normalize("casualties"), "casualty");
        assert_eq!(normalize("bus"), "bus");
    }
}
