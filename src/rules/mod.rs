//! Rules: rule files (TOML) in, a compiled [`RuleSet`] out.
//!
//! A rule set is the built-in rules (rules/builtin/*.toml, embedded in the binary) plus the
//! user's rule files from a folder (`claims/` by default). A user rule with the same section and
//! name as a built-in one replaces it. Loading reports every problem as a [`Diagnostic`] with
//! `file:line:column`; nothing half-loaded is ever returned.
//!
//! The compiled set answers what extraction and comparison ask: which slot and exclude
//! patterns may match a sentence (an index over the patterns' literal anchor words, so the
//! cost per sentence follows the sentence, not the number of rules), which words are synonyms,
//! which predicate phrase gives a count its attribute, which names are one entity, and how
//! much tolerance a slot has.

pub mod builtin;
pub mod diag;
pub mod format;
pub mod pattern;
pub mod test;
pub mod words;

use std::collections::HashMap as StdMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;
use std::path::Path;

use toml::Spanned;

pub use diag::Diagnostic;
use format::{Example, RuleFile};
use pattern::{Doc, Pattern};

use crate::span::{LineIndex, Span};

/// The kinds of rule, one per table name in a rule file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Entity,
    Synonym,
    Predicate,
    Slot,
    Exclude,
    Tolerance,
    Generic,
    Wordlist,
}

impl Section {
    pub fn as_str(&self) -> &'static str {
        match self {
            Section::Entity => "entity",
            Section::Synonym => "synonym",
            Section::Predicate => "predicate",
            Section::Slot => "slot",
            Section::Exclude => "exclude",
            Section::Tolerance => "tolerance",
            Section::Generic => "generic",
            Section::Wordlist => "wordlist",
        }
    }
}

/// A rule file as read: its name for messages and its text for showing lines.
#[derive(Clone, Debug)]
pub struct RuleSource {
    /// Path as given (`claims/niger.toml`) or `<built-in>/NAME.toml`.
    pub name: String,
    pub text: String,
    pub builtin: bool,
    /// Line starts of `text`, built once: every rule's origin asks for its line.
    pub lines: LineIndex,
}

impl RuleSource {
    pub fn new(name: impl Into<String>, text: String, builtin: bool) -> Self {
        let lines = LineIndex::new(&text);
        RuleSource {
            name: name.into(),
            text,
            builtin,
            lines,
        }
    }
}

/// Where a rule is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
    pub builtin: bool,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.builtin {
            write!(f, "built-in ({}:{})", self.file, self.line)
        } else {
            write!(f, "{}:{}", self.file, self.line)
        }
    }
}

/// An inline example and where it is written.
#[derive(Clone, Debug)]
pub struct ExampleAt {
    pub example: Example,
    /// Index into [`RuleSet::sources`].
    pub source: usize,
    pub span: Span,
}

/// One rule in effect, for listing and testing.
#[derive(Clone, Debug)]
pub struct RuleInfo {
    pub name: String,
    pub section: Section,
    pub origin: Origin,
    /// The built-in rule this user rule replaces.
    pub overrides: Option<Origin>,
    pub description: Option<String>,
    /// A one-line summary of what the rule says (its pattern, words, slot...).
    pub summary: String,
    pub examples: Vec<ExampleAt>,
}

/// A person, place or organisation and the names sources write it with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The rule's name.
    pub id: String,
    /// Names as written; the first is canonical.
    pub names: Vec<String>,
}

impl Entity {
    pub fn canonical(&self) -> &str {
        &self.names[0]
    }
}

/// What a pattern rule does when it matches.
#[derive(Clone, Debug)]
pub enum Action {
    /// Files the value (or name) under the slot the template gives.
    Slot(Template),
    /// Drops the value (or every value the match covers) from comparison.
    Exclude,
}

/// A slot template: `subject/attribute` with `{N}` for group captures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pub subject: Vec<Part>,
    pub attribute: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Lit(String),
    Group(usize),
}

/// A compiled slot or exclude rule.
#[derive(Clone, Debug)]
pub struct PatternRule {
    /// Index into [`RuleSet::rules`].
    pub rule: usize,
    pub pattern: Pattern,
    pub action: Action,
    /// Written by the user (wins over built-in rules on the same value).
    pub user: bool,
}

/// The generic strategies the code knows; a `[[generic]]` rule turns one on under its name.
pub const STRATEGIES: &[(&str, &str)] = &[
    (
        "counted-noun",
        "counts: the counted noun and its nearest modifier, attribute from a predicate class",
    ),
    (
        "event-date",
        "dates and times: the event noun (or verb) the date attaches to",
    ),
    (
        "money-purpose",
        "money: the thing it is spent on, or the noun it is the amount of",
    ),
    ("age", "\"N-year-old X\" and \"X aged N\": the age of X"),
    (
        "duration-of",
        "durations: the noun they qualify (\"a three-month mission\") or the event they last",
    ),
    (
        "percent-of",
        "percentages: what they are a share of (\"40% of voters\", \"turnout of 40%\")",
    ),
    (
        "population",
        "counts: how many live in a named place (\"Lakeview, a town of 12,000\")",
    ),
    (
        "quantity-of",
        "distances, masses, magnitudes...: the thing measured, attribute from the unit",
    ),
];

/// Word lists the generic strategies read, each a `[[wordlist]]` rule.
pub const WORDLISTS: &[&str] = &[
    "stopwords",
    "partitives",
    "count-links",
    "event-nouns",
    "event-verbs",
    "ordinals",
    "hedges",
    "irregular-plurals",
    "money-cost",
    "money-value",
    "age-words",
    "verbs",
    "not-names",
    "honorifics",
    "settlements",
    "inhabitants",
    "onset-verbs",
];

/// Every rule in effect, compiled.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    pub sources: Vec<RuleSource>,
    pub rules: Vec<RuleInfo>,
    pub patterns: Vec<PatternRule>,
    /// Lowercase anchor word → patterns that need it.
    anchor_index: HashMap<String, Vec<u32>>,
    /// Patterns with no anchor word: tried on every sentence.
    unanchored: Vec<u32>,
    entities: Vec<Entity>,
    entity_by_name: HashMap<String, usize>,
    /// Folded word or phrase → its canonical key form.
    synonyms: HashMap<String, String>,
    /// Predicate phrases (lowercase words), the attribute, and the rule.
    pub predicates: Vec<(Vec<String>, String, usize)>,
    predicate_by_first: HashMap<String, Vec<usize>>,
    tolerances: Vec<(String, f64)>,
    /// Enabled generic strategies → rule index.
    generic: HashMap<String, usize>,
    lists: HashMap<String, HashSet<String>>,
    /// Pair lists ("elected election"): first word → second.
    pairs: HashMap<String, HashMap<String, String>>,
    pub number: words::Number,
}

/// Everything wrong with a rule folder, every problem a diagnostic.
#[derive(Clone, Debug)]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
    /// Problems with no place in a file (a folder that cannot be read).
    pub other: Vec<String>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for d in &self.diagnostics {
            if !first {
                writeln!(f)?;
            }
            first = false;
            write!(f, "{d}")?;
        }
        for o in &self.other {
            if !first {
                writeln!(f)?;
            }
            first = false;
            write!(f, "{o}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// Every problem, rustc style (the offending line shown, a hint), for stderr.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&d.render());
        }
        for o in &self.other {
            out.push_str(&format!("claimdiff: error: {o}\n"));
        }
        out
    }
}

/// The rules folder a command uses: the one given, else `claims/` when it exists, else none
/// (built-in rules only).
pub fn rules_dir(given: Option<&Path>) -> Option<std::path::PathBuf> {
    match given {
        Some(d) => Some(d.to_path_buf()),
        None => {
            let d = Path::new("claims");
            d.is_dir().then(|| d.to_path_buf())
        }
    }
}

/// One parsed rule before merging: its section, name and where it sits.
struct Entry<T> {
    source: usize,
    span: Span,
    rule: T,
}

#[derive(Default)]
struct Merged {
    entity: Vec<Entry<format::EntityRule>>,
    synonym: Vec<Entry<format::SynonymRule>>,
    predicate: Vec<Entry<format::PredicateRule>>,
    slot: Vec<Entry<format::SlotRule>>,
    exclude: Vec<Entry<format::ExcludeRule>>,
    tolerance: Vec<Entry<format::ToleranceRule>>,
    generic: Vec<Entry<format::GenericRule>>,
    wordlist: Vec<Entry<format::WordListRule>>,
}

/// What every rule type shares: a name.
trait Named {
    fn name(&self) -> &Spanned<String>;
}

macro_rules! named {
    ($($t:ty),*) => {$(impl Named for $t { fn name(&self) -> &Spanned<String> { &self.name } })*};
}
named!(
    format::EntityRule,
    format::SynonymRule,
    format::PredicateRule,
    format::SlotRule,
    format::ExcludeRule,
    format::ToleranceRule,
    format::GenericRule,
    format::WordListRule
);

fn span_of<T>(s: &Spanned<T>) -> Span {
    let r = s.span();
    Span::new(r.start, r.end)
}

/// Adds `items` to `into`: a user rule replaces a built-in one of the same name; two user rules
/// with one name are an error.
fn merge<T: Named>(
    into: &mut Vec<Entry<T>>,
    items: Vec<Spanned<T>>,
    source: usize,
    sources: &[RuleSource],
    section: Section,
    overridden: &mut StdMap<(Section, String), Origin>,
    diags: &mut Vec<Diagnostic>,
) {
    for item in items {
        let span = span_of(&item);
        let rule = item.into_inner();
        let name = rule.name().get_ref().clone();
        if let Some(pos) = into.iter().position(|e| e.rule.name().get_ref() == &name) {
            let prev = &into[pos];
            if sources[prev.source].builtin && !sources[source].builtin {
                overridden.insert((section, name), origin(sources, prev.source, prev.span));
                into[pos] = Entry { source, span, rule };
            } else {
                let here = &sources[source];
                let nspan = span_of(rule.name());
                diags.push(
                    Diagnostic::new(
                        &here.name,
                        &here.text,
                        nspan,
                        format!(
                            "a second {} rule named `{}`",
                            section.as_str(),
                            rule.name().get_ref()
                        ),
                    )
                    .hint(format!(
                        "the first is at {}; rule names are unique within a section",
                        origin(sources, prev.source, prev.span)
                    )),
                );
            }
        } else {
            into.push(Entry { source, span, rule });
        }
    }
}

fn origin(sources: &[RuleSource], source: usize, span: Span) -> Origin {
    let s = &sources[source];
    let (line, _) = s.lines.line_col(&s.text, span.start);
    Origin {
        file: s.name.clone(),
        line,
        builtin: s.builtin,
    }
}

/// Parses one rule file; a TOML error becomes a diagnostic at its span.
pub fn parse_file(name: &str, text: &str) -> Result<RuleFile, Diagnostic> {
    toml::from_str::<RuleFile>(text).map_err(|e| {
        let span = e
            .span()
            .map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
        let msg = e.message().trim().to_string();
        let hint = toml_hint(&msg);
        Diagnostic::new(name, text, span, msg).hint(hint)
    })
}

fn toml_hint(msg: &str) -> String {
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        // serde says "unknown field `patern`, expected one of `name`, `pattern`, ...".
        let bad = rest.split('`').next().unwrap_or("");
        let best = msg
            .split_once("expected")
            .map(|(_, e)| e.split('`').skip(1).step_by(2).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .map(|f| (strsim::jaro_winkler(bad, f), f))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((score, field)) = best
            && score > 0.8
        {
            return format!("did you mean `{field}`?");
        }
    }
    if msg.starts_with("unknown field") {
        "rule tables take the fields listed in claims/README.md; check the spelling".to_string()
    } else if msg.starts_with("missing field") {
        "every rule needs a `name`; see claims/README.md for each table's fields".to_string()
    } else if msg.contains("invalid type") {
        "check the value's type: strings in quotes, lists in [ ], numbers bare".to_string()
    } else {
        "this is not valid TOML here; see claims/README.md for the format".to_string()
    }
}

impl RuleSet {
    /// The built-in rules plus, when `dir` is given, every `*.toml` file in it (name order).
    pub fn load(dir: Option<&Path>) -> Result<RuleSet, LoadError> {
        let mut files: Vec<RuleSource> = builtin::FILES
            .iter()
            .map(|(name, text)| {
                RuleSource::new(format!("<built-in>/{name}"), (*text).to_string(), true)
            })
            .collect();
        let mut other = Vec::new();
        if let Some(dir) = dir {
            match std::fs::read_dir(dir) {
                Err(e) => other.push(format!(
                    "{}: cannot read rules folder: {}",
                    dir.display(),
                    crate::read::io_reason(&e)
                )),
                Ok(entries) => {
                    let mut paths: Vec<_> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        // Not `is_file`: a `.toml` that cannot be read (a broken link) is
                        // reported, not skipped.
                        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.is_dir())
                        .collect();
                    paths.sort();
                    for p in paths {
                        match std::fs::read(&p).map(String::from_utf8) {
                            Ok(Ok(text)) => {
                                files.push(RuleSource::new(p.display().to_string(), text, false))
                            }
                            Ok(Err(e)) => other.push(format!(
                                "{}: byte {}: not valid UTF-8 (convert the file to UTF-8)",
                                p.display(),
                                e.utf8_error().valid_up_to()
                            )),
                            Err(e) => other.push(format!(
                                "{}: cannot read: {}",
                                p.display(),
                                crate::read::io_reason(&e)
                            )),
                        }
                    }
                }
            }
        }
        Self::from_sources(files, other)
    }

    /// Compiles the given rule files (built-in ones first, as `load` orders them).
    pub fn from_sources(
        sources: Vec<RuleSource>,
        other: Vec<String>,
    ) -> Result<RuleSet, LoadError> {
        let mut diags = Vec::new();
        let mut merged = Merged::default();
        let mut overridden = StdMap::new();
        for (i, src) in sources.iter().enumerate() {
            let file = match parse_file(&src.name, &src.text) {
                Ok(f) => f,
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            };
            let o = &mut overridden;
            let d = &mut diags;
            merge(
                &mut merged.entity,
                file.entity,
                i,
                &sources,
                Section::Entity,
                o,
                d,
            );
            merge(
                &mut merged.synonym,
                file.synonym,
                i,
                &sources,
                Section::Synonym,
                o,
                d,
            );
            merge(
                &mut merged.predicate,
                file.predicate,
                i,
                &sources,
                Section::Predicate,
                o,
                d,
            );
            merge(
                &mut merged.slot,
                file.slot,
                i,
                &sources,
                Section::Slot,
                o,
                d,
            );
            merge(
                &mut merged.exclude,
                file.exclude,
                i,
                &sources,
                Section::Exclude,
                o,
                d,
            );
            merge(
                &mut merged.tolerance,
                file.tolerance,
                i,
                &sources,
                Section::Tolerance,
                o,
                d,
            );
            merge(
                &mut merged.generic,
                file.generic,
                i,
                &sources,
                Section::Generic,
                o,
                d,
            );
            merge(
                &mut merged.wordlist,
                file.wordlist,
                i,
                &sources,
                Section::Wordlist,
                o,
                d,
            );
        }
        let mut set = RuleSet {
            sources,
            ..RuleSet::default()
        };
        set.compile(merged, &overridden, &mut diags);
        if diags.is_empty() && other.is_empty() {
            Ok(set)
        } else {
            Err(LoadError {
                diagnostics: diags,
                other,
            })
        }
    }

    fn diag(&self, source: usize, span: Span, msg: impl Into<String>) -> Diagnostic {
        let s = &self.sources[source];
        Diagnostic::new(&s.name, &s.text, span, msg)
    }

    #[allow(clippy::too_many_arguments)]
    fn info(
        &mut self,
        section: Section,
        name: &str,
        source: usize,
        span: Span,
        description: Option<String>,
        summary: String,
        examples: &[Spanned<Example>],
        overridden: &StdMap<(Section, String), Origin>,
    ) -> usize {
        let examples = examples
            .iter()
            .map(|e| ExampleAt {
                example: e.get_ref().clone(),
                source,
                span: span_of(e),
            })
            .collect();
        self.rules.push(RuleInfo {
            name: name.to_string(),
            section,
            origin: origin(&self.sources, source, span),
            overrides: overridden.get(&(section, name.to_string())).cloned(),
            description,
            summary,
            examples,
        });
        self.rules.len() - 1
    }

    fn compile(
        &mut self,
        m: Merged,
        overridden: &StdMap<(Section, String), Origin>,
        diags: &mut Vec<Diagnostic>,
    ) {
        // Word lists first: folding and synonyms depend on them.
        for e in &m.wordlist {
            let r = &e.rule;
            let words: Vec<String> = r
                .words
                .iter()
                .map(|w| pattern::lower(w.get_ref().trim()))
                .collect();
            let name = r.name.get_ref().clone();
            if !WORDLISTS.contains(&name.as_str()) {
                diags.push(
                    self.diag(
                        e.source,
                        span_of(&r.name),
                        format!("no word list is named `{name}`"),
                    )
                    .hint(format!(
                        "word lists replace a built-in list by name: {}",
                        WORDLISTS.join(", ")
                    )),
                );
                continue;
            }
            if name == "irregular-plurals" || name == "event-verbs" {
                for w in &r.words {
                    if w.get_ref().split_whitespace().count() != 2 {
                        diags.push(
                            self.diag(e.source, span_of(w), format!("`{}` is not a pair", w.get_ref()))
                                .hint(format!("each entry of `{name}` is two words separated by a space, e.g. \"elected election\"")),
                        );
                    }
                }
                let map = words
                    .iter()
                    .filter_map(|w| {
                        let mut it = w.split_whitespace();
                        Some((it.next()?.to_string(), it.next()?.to_string()))
                    })
                    .collect();
                self.pairs.insert(name.clone(), map);
            }
            self.lists
                .insert(name.clone(), words.iter().cloned().collect());
            let summary = format!("{} words", words.len());
            self.info(
                Section::Wordlist,
                &name,
                e.source,
                e.span,
                r.description.clone(),
                summary,
                &r.example,
                overridden,
            );
        }
        self.number = words::Number::new(
            self.pairs
                .get("irregular-plurals")
                .into_iter()
                .flat_map(|m| m.iter())
                .map(|(a, b)| format!("{a} {b}"))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        );

        for e in &m.synonym {
            let r = &e.rule;
            if r.words.len() < 2 {
                diags.push(
                    self.diag(
                        e.source,
                        span_of(&r.name),
                        "a synonym rule needs at least two words",
                    )
                    .hint("list the words that mean the same: words = [\"troops\", \"soldiers\"]"),
                );
                continue;
            }
            let canon = self.fold_phrase(&words::slug_phrase(r.words[0].get_ref()));
            for w in &r.words {
                let key = self.fold_phrase(&words::slug_phrase(w.get_ref()));
                if key.is_empty() {
                    diags.push(
                        self.diag(e.source, span_of(w), "an empty word")
                            .hint("remove it or write a word"),
                    );
                    continue;
                }
                self.synonyms.insert(key, canon.clone());
            }
            let summary = r
                .words
                .iter()
                .map(|w| w.get_ref().as_str())
                .collect::<Vec<_>>()
                .join(" = ");
            self.info(
                Section::Synonym,
                r.name.get_ref(),
                e.source,
                e.span,
                r.description.clone(),
                summary,
                &r.example,
                overridden,
            );
        }

        for e in &m.entity {
            let r = &e.rule;
            if r.names.is_empty() {
                diags.push(
                    self.diag(
                        e.source,
                        span_of(&r.name),
                        "an entity needs at least one name",
                    )
                    .hint("names = [\"Mohamed Morsi\", \"Mohammed Morsi\"]"),
                );
                continue;
            }
            let idx = self.entities.len();
            self.entities.push(Entity {
                id: r.name.get_ref().clone(),
                names: r
                    .names
                    .iter()
                    .map(|n| n.get_ref().trim().to_string())
                    .collect(),
            });
            for n in &r.names {
                self.entity_by_name.insert(name_key(n.get_ref()), idx);
            }
            let summary = r
                .names
                .iter()
                .map(|w| w.get_ref().as_str())
                .collect::<Vec<_>>()
                .join(" ~ ");
            self.info(
                Section::Entity,
                r.name.get_ref(),
                e.source,
                e.span,
                r.description.clone(),
                summary,
                &r.example,
                overridden,
            );
        }

        for e in &m.predicate {
            let r = &e.rule;
            let attr = words::slug_phrase(r.attribute.get_ref());
            if attr.is_empty() {
                diags.push(
                    self.diag(e.source, span_of(&r.attribute), "an empty attribute")
                        .hint("attribute = \"killed\""),
                );
                continue;
            }
            let rule = self.info(
                Section::Predicate,
                r.name.get_ref(),
                e.source,
                e.span,
                r.description.clone(),
                format!(
                    "{} → {attr}",
                    r.words
                        .iter()
                        .map(|w| w.get_ref().as_str())
                        .collect::<Vec<_>>()
                        .join(" | ")
                ),
                &r.example,
                overridden,
            );
            for w in &r.words {
                let phrase: Vec<String> = crate::recognize::token::tokenize(w.get_ref())
                    .iter()
                    .map(|t| pattern::lower(t.text(w.get_ref())))
                    .collect();
                if phrase.is_empty() {
                    diags.push(
                        self.diag(e.source, span_of(w), "an empty phrase")
                            .hint("remove it or write a word"),
                    );
                    continue;
                }
                let i = self.predicates.len();
                self.predicate_by_first
                    .entry(phrase[0].clone())
                    .or_default()
                    .push(i);
                self.predicates.push((phrase, attr.clone(), rule));
            }
        }

        for e in &m.generic {
            let r = &e.rule;
            let strat = r.strategy.get_ref();
            if !STRATEGIES.iter().any(|(s, _)| s == strat) {
                let known: Vec<&str> = STRATEGIES.iter().map(|(s, _)| *s).collect();
                diags.push(
                    self.diag(
                        e.source,
                        span_of(&r.strategy),
                        format!("unknown strategy `{strat}`"),
                    )
                    .hint(format!("the strategies are: {}", known.join(", "))),
                );
                continue;
            }
            let summary = format!("{strat}{}", if r.enabled { "" } else { " (disabled)" });
            let rule = self.info(
                Section::Generic,
                r.name.get_ref(),
                e.source,
                e.span,
                r.description.clone(),
                summary,
                &r.example,
                overridden,
            );
            if r.enabled {
                self.generic.insert(strat.clone(), rule);
            }
        }

        for e in &m.slot {
            let r = &e.rule;
            let Some(pattern) = self.compile_pattern(e.source, &r.pattern, diags) else {
                continue;
            };
            if pattern.placeholder.is_none() {
                diags.push(
                    self.diag(
                        e.source,
                        span_of(&r.pattern),
                        "a slot pattern needs a placeholder",
                    )
                    .hint("say which value the slot takes: <count>, <date>, <money>, <name>, ..."),
                );
                continue;
            }
            let Some(template) = self.compile_template(e.source, &r.slot, pattern.groups, diags)
            else {
                continue;
            };
            if let Some(t) = &r.tolerance {
                if !(0.0..=1.0).contains(t.get_ref()) {
                    diags.push(
                        self.diag(e.source, span_of(t), "tolerance out of range")
                            .hint("a fraction between 0 and 1: 0.05 means within 5%"),
                    );
                    continue;
                }
                if template
                    .subject
                    .iter()
                    .chain(&template.attribute)
                    .all(|p| matches!(p, Part::Lit(_)))
                {
                    self.tolerances
                        .push((r.slot.get_ref().clone(), *t.get_ref()));
                }
            }
            let summary = format!("\"{}\" → {}", r.pattern.get_ref(), r.slot.get_ref());
            let rule = self.info(
                Section::Slot,
                r.name.get_ref(),
                e.source,
                e.span,
                r.description.clone(),
                summary,
                &r.example,
                overridden,
            );
            let user = !self.sources[e.source].builtin;
            self.patterns.push(PatternRule {
                rule,
                pattern,
                action: Action::Slot(template),
                user,
            });
        }

        for e in &m.exclude {
            let r = &e.rule;
            let Some(pattern) = self.compile_pattern(e.source, &r.pattern, diags) else {
                continue;
            };
            let summary = format!("\"{}\"", r.pattern.get_ref());
            let rule = self.info(
                Section::Exclude,
                r.name.get_ref(),
                e.source,
                e.span,
                r.description.clone(),
                summary,
                &r.example,
                overridden,
            );
            let user = !self.sources[e.source].builtin;
            self.patterns.push(PatternRule {
                rule,
                pattern,
                action: Action::Exclude,
                user,
            });
        }

        for e in &m.tolerance {
            let r = &e.rule;
            let w = *r.within.get_ref();
            if !(0.0..=1.0).contains(&w) {
                diags.push(
                    self.diag(e.source, span_of(&r.within), "tolerance out of range")
                        .hint("a fraction between 0 and 1: 0.05 means within 5%"),
                );
                continue;
            }
            let slot = r.slot.get_ref();
            if slot.split('/').count() != 2 || slot.split('/').any(str::is_empty) {
                diags.push(
                    self.diag(
                        e.source,
                        span_of(&r.slot),
                        format!("`{slot}` is not a slot key"),
                    )
                    .hint("write subject/attribute, e.g. \"us-troops/count\" or \"*/count\""),
                );
                continue;
            }
            self.tolerances.push((slot.clone(), w));
            let summary = format!("{slot} within {}%", w * 100.0);
            self.info(
                Section::Tolerance,
                r.name.get_ref(),
                e.source,
                e.span,
                r.description.clone(),
                summary,
                &r.example,
                overridden,
            );
        }

        for (i, p) in self.patterns.iter().enumerate() {
            if p.pattern.anchors.is_empty() {
                self.unanchored.push(i as u32);
            } else {
                for a in &p.pattern.anchors {
                    self.anchor_index
                        .entry(a.clone())
                        .or_default()
                        .push(i as u32);
                }
            }
        }
    }

    fn compile_pattern(
        &self,
        source: usize,
        pat: &Spanned<String>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Pattern> {
        match Pattern::compile(pat.get_ref()) {
            Ok(p) => Some(p),
            Err(e) => {
                // The pattern's span covers its quotes; inside a basic string without escapes
                // byte offsets carry over one past the opening quote.
                let base = span_of(pat).start + 1;
                diags.push(
                    self.diag(
                        source,
                        e.at.offset(base),
                        format!("bad pattern: {}", e.message),
                    )
                    .hint(e.hint),
                );
                None
            }
        }
    }

    fn compile_template(
        &self,
        source: usize,
        slot: &Spanned<String>,
        groups: usize,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Template> {
        let s = slot.get_ref();
        let base = span_of(slot).start + 1;
        let Some((subj, attr)) = s.split_once('/') else {
            diags.push(
                self.diag(source, span_of(slot), format!("`{s}` is not a slot"))
                    .hint("write subject/attribute, e.g. \"us-troops/count\""),
            );
            return None;
        };
        let parse = |part: &str, off: usize, diags: &mut Vec<Diagnostic>| -> Option<Vec<Part>> {
            let mut out = Vec::new();
            let mut rest = part;
            let mut pos = off;
            if part.trim().is_empty() || part.contains('/') {
                diags.push(
                    self.diag(
                        source,
                        Span::new(base + off, base + off + part.len()),
                        format!("`{s}` is not a slot"),
                    )
                    .hint("write subject/attribute with one `/`, e.g. \"us-troops/count\""),
                );
                return None;
            }
            while let Some(open) = rest.find('{') {
                if open > 0 {
                    out.push(Part::Lit(rest[..open].to_string()));
                }
                let Some(close) = rest[open..].find('}') else {
                    diags.push(
                        self.diag(
                            source,
                            Span::new(base + pos + open, base + pos + open + 1),
                            "unclosed `{`",
                        )
                        .hint("write {1} for the words group 1 matched"),
                    );
                    return None;
                };
                let num = &rest[open + 1..open + close];
                match num.parse::<usize>() {
                    Ok(n) if n >= 1 && n <= groups => out.push(Part::Group(n)),
                    _ => {
                        diags.push(
                            self.diag(
                                source,
                                Span::new(base + pos + open, base + pos + open + close + 1),
                                format!("`{{{num}}}` names no group of the pattern"),
                            )
                            .hint(format!(
                                "the pattern has {groups} group(s); {{1}} is the first ( ) or [ ]"
                            )),
                        );
                        return None;
                    }
                }
                pos += open + close + 1;
                rest = &rest[open + close + 1..];
            }
            if !rest.is_empty() {
                out.push(Part::Lit(rest.to_string()));
            }
            Some(out)
        };
        let subject = parse(subj, 0, diags)?;
        let attribute = parse(attr, subj.len() + 1, diags)?;
        Some(Template { subject, attribute })
    }

    // ----- what extraction and comparison ask -----

    /// Indices of the patterns that may match `doc`: those anchored on one of its words, and
    /// the unanchored ones. Each appears once, in rule order.
    pub fn candidates(&self, doc: &Doc) -> Vec<u32> {
        let mut out: Vec<u32> = self.unanchored.clone();
        for i in 0..doc.toks.len() {
            if let Some(v) = self.anchor_index.get(doc.lower(i)) {
                out.extend_from_slice(v);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether the word list `list` holds `word` (lowercase).
    pub fn in_list(&self, list: &str, word: &str) -> bool {
        self.lists.get(list).is_some_and(|l| l.contains(word))
    }

    /// The second word of a pair list entry whose first word is `word`.
    pub fn pair(&self, list: &str, word: &str) -> Option<&str> {
        self.pairs.get(list)?.get(word).map(String::as_str)
    }

    /// Whether generic strategy `name` is on, and the rule that turns it on.
    pub fn generic(&self, name: &str) -> Option<usize> {
        self.generic.get(name).copied()
    }

    /// Predicates whose phrase starts with `word` (lowercase).
    pub fn predicates_starting(&self, word: &str) -> &[usize] {
        self.predicate_by_first.get(word).map_or(&[], Vec::as_slice)
    }

    /// A hyphenated key with its last word made singular ("us-troops" → "us-troop").
    pub fn fold_phrase(&self, key: &str) -> String {
        match key.rsplit_once('-') {
            Some((head, last)) => format!("{head}-{}", self.number.singular(last)),
            None => self.number.singular(key),
        }
    }

    /// The canonical key form of a word or hyphenated phrase (synonyms applied, singular).
    pub fn canonical(&self, key: &str) -> String {
        let folded = self.fold_phrase(key);
        self.synonyms.get(&folded).cloned().unwrap_or(folded)
    }

    /// The entity one of whose names is `name` (case, dots and extra spaces ignored).
    pub fn entity_of(&self, name: &str) -> Option<&Entity> {
        self.entity_by_name
            .get(&name_key(name))
            .map(|&i| &self.entities[i])
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Whether two names as written refer to one entity: both names of one entity rule; or,
    /// when neither is in an entity rule, the same name, or the same last word (a surname:
    /// "Morsi" ~ "Mohamed Morsi" ~ "Mohammed Morsi"). A name in one entity rule is never the
    /// same as a name outside it, unless they are written alike.
    pub fn same_entity(&self, a: &str, b: &str) -> bool {
        let (ka, kb) = (name_key(a), name_key(b));
        if ka == kb {
            return true;
        }
        match (self.entity_by_name.get(&ka), self.entity_by_name.get(&kb)) {
            (Some(x), Some(y)) => x == y,
            (None, None) => {
                let la = ka.rsplit(' ').next().unwrap_or("");
                let lb = kb.rsplit(' ').next().unwrap_or("");
                !la.is_empty() && la == lb
            }
            _ => false,
        }
    }

    /// Relative tolerance for a slot: an exact slot key first, then `subject/*`, then
    /// `*/attribute`; later rules (user files) win over earlier ones (built-in).
    pub fn tolerance(&self, slot_key: &str) -> Option<f64> {
        let (subj, attr) = slot_key.split_once('/')?;
        let find = |want: &dyn Fn(&str) -> bool| {
            self.tolerances
                .iter()
                .rev()
                .find(|(k, _)| want(k))
                .map(|(_, t)| *t)
        };
        find(&|k| k == slot_key)
            .or_else(|| find(&|k| k.strip_suffix("/*") == Some(subj)))
            .or_else(|| find(&|k| k.strip_prefix("*/") == Some(attr)))
    }

    /// The rule by name in a section.
    pub fn rule(&self, section: Section, name: &str) -> Option<&RuleInfo> {
        self.rules
            .iter()
            .find(|r| r.section == section && r.name == name)
    }
}

/// A name's lookup key: lowercase words, dots dropped, single spaces.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        let w: String = w
            .chars()
            .filter(|c| *c != '.')
            .flat_map(char::to_lowercase)
            .collect();
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
