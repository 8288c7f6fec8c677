//! Stage 4, extract: a source's sentences in, [`Claim`]s out.
//!
//! A claim is one recognized value worth comparing, filed under a [`Slot`] (what it is about)
//! by a rule, with the sentence it came from as evidence. Per sentence:
//! 1. [`recognize`] finds the values (dates resolve against the source's publication date);
//! 2. the slot and exclude patterns that may match (found through the rule set's anchor index)
//!    run over the sentence: excluded values are dropped, a slot pattern files its value (or a
//!    `<name>`) under its slot; the longest match wins, a user rule over a built-in one;
//! 3. each value no pattern filed goes to the generic strategy for its kind (the counted noun,
//!    the event noun a date attaches to, what money is spent on, ...), which reads the words
//!    around the value and the rule set's word lists. A value no rule can give a subject to is
//!    not a claim: it could not be compared.
//!
//! Subjects are hyphenated key words: synonyms folded to their canonical word, the head noun
//! made plural for counts ("troops") and singular otherwise ("coup"), stopwords dropped.

use serde::Serialize;

use crate::frame::Frame;
use crate::read::Source;
use crate::recognize::token::TokKind;
use crate::recognize::{self, Context, Interval, Kind, Value};
use crate::rules::pattern::{Doc, Hole, Match, starts_upper};
use crate::rules::words::slug;
use crate::rules::{Action, Part, RuleSet, Template};
use crate::span::Span;
use crate::split::Sentence;

/// What a claim is about: `subject/attribute`, e.g. `coup/date`, `us-troops/count`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Slot {
    pub subject: String,
    pub attribute: String,
}

impl Slot {
    pub fn new(subject: impl Into<String>, attribute: impl Into<String>) -> Self {
        Slot {
            subject: subject.into(),
            attribute: attribute.into(),
        }
    }

    /// The `subject/attribute` key.
    pub fn key(&self) -> String {
        format!("{}/{}", self.subject, self.attribute)
    }
}

/// One factual claim of one source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Stable id: a hash of source name, slot and value span.
    pub id: String,
    /// Name of the source (file name or JSONL `source`).
    pub source: String,
    pub slot: Slot,
    /// The value, its span a byte range of the source's text.
    pub value: Value,
    /// The sentence the claim comes from, a byte range of the source's text.
    pub sentence: Span,
    /// Name of the rule that filed the value under its slot.
    pub rule: String,
    /// The sentence hedges ("reportedly", "may", "according to unconfirmed reports").
    pub hedged: bool,
    /// For names: the entity rule the name belongs to.
    pub entity: Option<String>,
    /// Byte span of the words the rule read to find the slot (the match, or the subject
    /// and predicate words), in the source's text.
    pub evidence: Span,
    /// What the figure is about, read from the parse ([`extract_framed`] only; empty otherwise).
    pub frame: Frame,
}

/// Claims of one source, in reading order. Boilerplate sentences are skipped by the caller
/// (pass only the sentences to read).
pub fn extract(source: &Source, sentences: &[Sentence], rules: &RuleSet) -> Vec<Claim> {
    extract_with(source, sentences, rules, false)
}

/// [`extract`] with each claim's [`Frame`] read from the parse of its sentence (only
/// sentences with claims are parsed).
pub fn extract_framed(source: &Source, sentences: &[Sentence], rules: &RuleSet) -> Vec<Claim> {
    extract_with(source, sentences, rules, true)
}

/// [`extract_framed`] handing each claim to `each` as it is found: a caller that writes claims
/// out holds none, however many a source has (a flattened table can have hundreds of
/// thousands).
pub fn for_each_framed(
    source: &Source,
    sentences: &[Sentence],
    rules: &RuleSet,
    each: impl FnMut(Claim),
) {
    each_claim(source, sentences, rules, true, each);
}

fn extract_with(
    source: &Source,
    sentences: &[Sentence],
    rules: &RuleSet,
    frames: bool,
) -> Vec<Claim> {
    let mut out = Vec::new();
    each_claim(source, sentences, rules, frames, |c| out.push(c));
    out
}

fn each_claim(
    source: &Source,
    sentences: &[Sentence],
    rules: &RuleSet,
    frames: bool,
    mut each: impl FnMut(Claim),
) {
    let ctx = Context {
        reference: source.published,
    };
    // The last whole day the source named: a clock time with no day of its own is read on
    // it ("on Monday, April 15 ... The fire started at 6:50 p.m."), as a reader does.
    let mut last_day: Option<(String, f64)> = None;
    for s in sentences {
        let text = s.text(&source.text);
        for c in sentence_claims(text, &ctx, rules, frames) {
            let mut value = Value {
                span: c.value.span.offset(s.span.start),
                ..c.value
            };
            match value.kind {
                Kind::Date if recognize::time::is_whole_day(&value.value) => {
                    last_day = value
                        .interval
                        .map(|i| (value.value.clone(), i.lo))
                        .filter(|(_, lo)| lo.is_finite());
                }
                Kind::Time if value.interval.is_none() => {
                    if let Some((day, lo)) = &last_day {
                        recognize::time::read_on_day(&mut value, day, *lo);
                    }
                }
                _ => {}
            }
            let slot = c.slot;
            let id = claim_id(&source.name, &slot, value.span);
            each(Claim {
                id,
                source: source.name.clone(),
                slot,
                value,
                sentence: s.span,
                rule: rules.rules[c.rule].name.clone(),
                hedged: c.hedged,
                entity: c.entity,
                evidence: c.evidence.offset(s.span.start),
                frame: c.frame,
            });
        }
    }
}

fn claim_id(source: &str, slot: &Slot, span: Span) -> String {
    let mut h = blake3::Hasher::new_derive_key("claimdiff claim id v1");
    h.update(source.as_bytes());
    h.update(&[0]);
    h.update(slot.key().as_bytes());
    h.update(&[0]);
    h.update(&(span.start as u64).to_le_bytes());
    h.update(&(span.end as u64).to_le_bytes());
    h.finalize().to_hex()[..16].to_string()
}

/// A claim of one sentence, spans relative to the sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct SentenceClaim {
    pub slot: Slot,
    pub value: Value,
    /// Index of the rule in the rule set.
    pub rule: usize,
    pub hedged: bool,
    pub entity: Option<String>,
    pub evidence: Span,
    pub frame: Frame,
}

impl SentenceClaim {
    /// A value as a rule filed it: no entity yet, and the frame comes later, from the parse.
    fn filed(slot: Slot, value: Value, rule: usize, hedged: bool, evidence: Span) -> Self {
        SentenceClaim {
            slot,
            value,
            rule,
            hedged,
            entity: None,
            evidence,
            frame: Frame::default(),
        }
    }
}

/// A pattern's filing of a value or name: (match length in tokens, written by the user,
/// pattern index, slot, span of the match).
type Filing = (usize, bool, usize, Slot, Span);

/// The claims in one sentence of text.
pub fn extract_sentence(text: &str, ctx: &Context, rules: &RuleSet) -> Vec<SentenceClaim> {
    sentence_claims(text, ctx, rules, false)
}

fn sentence_claims(text: &str, ctx: &Context, rules: &RuleSet, frames: bool) -> Vec<SentenceClaim> {
    // One tokenization of the sentence serves values, rule patterns, units and the parser.
    let tokens = crate::syntax::Tokens::fine(text);
    let values = join_date_pairs(text, recognize::recognize_tokens(text, &tokens.toks, ctx));
    file_tokens(text, tokens, values, rules, frames)
}

/// Two dates joined by "and", "or" or "to" ("built in the 1950s and 1960s", "between May 10
/// and May 12", "from May to July") state one span of time: one value covering both, so
/// neither is set alone against another source's date.
fn join_date_pairs(text: &str, values: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::with_capacity(values.len());
    for v in values {
        if let Some(prev) = out.last_mut()
            && prev.kind == Kind::Date
            && v.kind == Kind::Date
            && let (Some(a), Some(b)) = (prev.interval, v.interval)
            && a.hi < b.lo
            && prev.span.end <= v.span.start
            && matches!(
                text[prev.span.end..v.span.start]
                    .trim()
                    .to_lowercase()
                    .as_str(),
                "and"
                    | "or"
                    | "to"
                    | "through"
                    | "until"
                    | "-"
                    | "–"
                    | "and the"
                    | "and early"
                    | "and late"
                    | "to the"
            )
        {
            prev.span = prev.span.join(v.span);
            prev.value = format!("{}..{}", prev.value, v.value);
            prev.interval = Some(Interval::new(a.lo, b.hi));
            prev.relative |= v.relative;
            prev.approximate |= v.approximate;
            continue;
        }
        out.push(v);
    }
    out
}

/// The claims in one sentence whose values are already recognized (spans relative to `text`,
/// in order, not overlapping).
pub fn file_values(text: &str, values: Vec<Value>, rules: &RuleSet) -> Vec<SentenceClaim> {
    file_tokens(
        text,
        crate::syntax::Tokens::fine(text),
        values,
        rules,
        false,
    )
}

/// [`file_values`] over the sentence's tokens, already cut.
fn file_tokens(
    text: &str,
    tokens: crate::syntax::Tokens,
    values: Vec<Value>,
    rules: &RuleSet,
    frames: bool,
) -> Vec<SentenceClaim> {
    let spans: Vec<(Kind, Span)> = values.iter().map(|v| (v.kind, v.span)).collect();
    let doc = Doc::with_tokens(text, tokens, &spans);

    let mut excluded = vec![false; values.len()];
    // Best pattern filing per value: (match length, user rule, pattern index, slot).
    let mut filed: Vec<Option<Filing>> = vec![None; values.len()];
    let mut names: Vec<(Filing, (usize, usize))> = Vec::new();

    for pi in rules.candidates(&doc) {
        let p = &rules.patterns[pi as usize];
        for m in p.pattern.find_all(&doc) {
            let len = m.toks.1 - m.toks.0;
            let mspan = tok_span(&doc, m.toks);
            match &p.action {
                Action::Exclude => match m.hole {
                    Some(Hole::Value(vi)) => excluded[vi] = true,
                    _ => {
                        for (vi, v) in values.iter().enumerate() {
                            if v.span.overlaps(mspan) {
                                excluded[vi] = true;
                            }
                        }
                    }
                },
                Action::Slot(t) => {
                    let slot = render(t, &m, &doc, rules);
                    let rank = (len, p.user);
                    match m.hole {
                        Some(Hole::Value(vi)) => {
                            let better =
                                filed[vi].as_ref().is_none_or(|(l, u, ..)| rank > (*l, *u));
                            if better {
                                filed[vi] = Some((len, p.user, pi as usize, slot, mspan));
                            }
                        }
                        Some(Hole::Name(a, b)) => {
                            names.push(((len, p.user, pi as usize, slot, mspan), (a, b)));
                        }
                        None => {}
                    }
                }
            }
        }
    }

    if values.is_empty() && names.is_empty() {
        return Vec::new();
    }
    let units = units(&doc);
    let hedged = units
        .iter()
        .any(|u| u.kind == UKind::Word && rules.in_list("hedges", &u.text))
        || hedge_phrase(&units, rules);

    // Which unit each value is, found once: looking it up per value would be quadratic.
    let mut unit_of: Vec<Option<usize>> = vec![None; values.len()];
    for (ui, u) in units.iter().enumerate() {
        if let UKind::Value(vi) = u.kind
            && unit_of[vi].is_none()
        {
            unit_of[vi] = Some(ui);
        }
    }
    let mut out = Vec::new();
    for (vi, v) in values.iter().enumerate() {
        if excluded[vi] || glued(&doc, v.span) {
            continue;
        }
        if let Some((_, _, pi, slot, mspan)) = filed[vi].take() {
            out.push(SentenceClaim::filed(
                slot,
                v.clone(),
                rules.patterns[pi].rule,
                hedged,
                mspan,
            ));
            continue;
        }
        // A vague reference ("now", "recently") is no fact to compare: only a pattern
        // that asks for it files it.
        if let Some(ui) = unit_of[vi]
            && !v.vague
            && let Some((slot, rule, evidence)) = generic(&units, ui, v, text, rules)
        {
            out.push(SentenceClaim::filed(
                slot,
                v.clone(),
                rule,
                hedged,
                evidence,
            ));
        }
    }

    // Names: one claim per name span, the longest (then user) match winning.
    names.sort_by(|(a, ta), (b, tb)| (b.0, b.1).cmp(&(a.0, a.1)).then(ta.cmp(tb)));
    let mut taken: Vec<Span> = Vec::new();
    for ((_, _, pi, slot, mspan), (mut a, mut b)) in names {
        // Titles, days and determiners are not names ("Coup leader General declared").
        let not_name = |i: usize| rules.in_list("not-names", &slug(doc.toks[i].text(text)));
        while a < b && not_name(a) {
            a += 1;
        }
        while b > a && not_name(b - 1) {
            b -= 1;
        }
        if a == b {
            continue;
        }
        let mut span = tok_span(&doc, (a, b));
        // A possessive is not part of the name ("Biden's administration").
        let t = span.slice(text);
        if let Some(stripped) = t.strip_suffix("'s").or_else(|| t.strip_suffix("’s")) {
            span = Span::new(span.start, span.start + stripped.len());
        }
        if taken.iter().any(|s| s.overlaps(span)) || values.iter().any(|v| v.span.overlaps(span)) {
            continue;
        }
        taken.push(span);
        let written = span.slice(text).to_string();
        let entity = rules.entity_of(&written).map(|e| e.id.clone());
        let mut value = Value::new(Kind::Name, span, written);
        value.unit = None;
        out.push(SentenceClaim {
            entity,
            ..SentenceClaim::filed(slot, value, rules.patterns[pi].rule, hedged, mspan)
        });
    }
    out.sort_by_key(|c| c.value.span.start);
    // Frames walk subtrees per claim: past this many words (a table flattened into a line, not
    // a sentence) they would cost the square of the length, so such lines get none.
    const MAX_FRAME_WORDS: usize = 250;
    // A name's slot already says whose name it is: only figures need the parse, and a
    // sentence that names but counts nothing is not parsed. One whose only figures are dates
    // no strategy filed is parsed when a word in it may stand for an event.
    let unfiled = |v: &Value| !out.iter().any(|c| c.value.span.overlaps(v.span));
    let event_word = |u: &Unit| {
        u.kind == UKind::Word
            && (rules.in_list("event-nouns", &u.text)
                || rules.pair("event-verbs", &u.text).is_some()
                || rules
                    .pair("event-verbs", &format!("{}ed", u.text))
                    .is_some()
                || present_tense_event(&u.text, rules).is_some())
    };
    let unfiled_date = || {
        (values.iter().any(|v| day_or_time(v) && unfiled(v)) && units.iter().any(event_word))
            || (values
                .iter()
                .any(|v| v.kind == Kind::Duration && unfiled(v))
                && units
                    .iter()
                    .any(|u| u.kind == UKind::Word && u.text.ends_with("ed")))
    };
    let unfiled_population = || {
        values
            .iter()
            .enumerate()
            .any(|(vi, v)| v.kind == Kind::Count && unfiled(v) && !excluded[vi])
            && units.iter().any(|u| {
                u.kind == UKind::Word
                    && (u.text == "population" || rules.in_list("settlements", &u.text))
            })
    };
    if frames
        && (out.iter().any(|c| c.value.kind != Kind::Name)
            || unfiled_date()
            || unfiled_population())
        && doc.words().len() <= MAX_FRAME_WORDS
        && let Some(a) = doc.syntax()
    {
        let times: Vec<Span> = values
            .iter()
            .filter(|v| matches!(v.kind, Kind::Date | Kind::Time))
            .map(|v| v.span)
            .collect();
        let years: Vec<(Span, i32)> = values
            .iter()
            .filter(|v| v.kind == Kind::Date && !v.relative)
            .filter_map(|v| Some((v.span, v.value.get(..4)?.parse().ok()?)))
            .collect();
        let moment = values.iter().find(|v| v.kind == Kind::Time);
        // The hedging words, one- or two-word, as the parse has them.
        let lower = |i: usize| a.words[i].span.slice(text).to_lowercase();
        let hedges: Vec<usize> = if hedged {
            (0..a.words.len())
                .filter(|&i| {
                    rules.in_list("hedges", &lower(i))
                        || (i + 1 < a.words.len()
                            && rules.in_list("hedges", &format!("{} {}", lower(i), lower(i + 1))))
                })
                .collect()
        } else {
            Vec::new()
        };
        // Values no strategy filed, read through the parse. A date on a verb that stands for
        // an event or on an event noun, however far ("At some point on May 3, the 52-year-old
        // driver checked into ..."); a duration in a participle's "for" phrase ("trapped and
        // incommunicado for 10 days"): how long the state its verb names lasted.
        let (event_rule, duration_rule, population_rule) = (
            rules.generic("event-date"),
            rules.generic("duration-of"),
            rules.generic("population"),
        );
        // A count a built-in strategy filed by its nearby words ("a town of 12,000" as a count
        // of towns) is the population of the place the parse says it belongs to.
        if let Some(rule) = population_rule {
            let counted = rules.generic("counted-noun");
            for c in out.iter_mut() {
                if c.value.kind == Kind::Count
                    && Some(c.rule) == counted
                    && let Some((place, at)) = population_of(a, text, c.value.span, rules)
                {
                    c.slot = Slot::new(place, "population");
                    c.rule = rule;
                    c.evidence = c.value.span.join(at);
                }
            }
        }
        // Durations filed as the time since an event began: (value, event word, predicate:
        // the governing verb), for their frames below.
        let mut elapsed: Vec<(Span, Span, String)> = Vec::new();
        for (vi, v) in values.iter().enumerate() {
            if excluded[vi] || out.iter().any(|c| c.value.span.overlaps(v.span)) {
                continue;
            }
            let filed = if day_or_time(v) {
                event_rule
                    .zip(event_on_parse(a, text, v.span, rules))
                    .map(|(rule, (event, at))| {
                        let attribute = if v.kind == Kind::Time { "time" } else { "date" };
                        (rule, Slot::new(event, attribute), at)
                    })
            } else if v.kind == Kind::Count {
                population_rule
                    .zip(population_of(a, text, v.span, rules))
                    .map(|(rule, (place, at))| (rule, Slot::new(place, "population"), at))
            } else if v.kind == Kind::Duration {
                duration_rule.and_then(|rule| {
                    let (key, at) = state_of_duration(a, text, v.span).or_else(|| {
                        let (event, at, governing) = elapsed_since_onset(a, text, v.span, rules)?;
                        let predicate = governing
                            .map_or_else(|| event.clone(), |g| a.words[g].lemma.to_lowercase());
                        elapsed.push((v.span, at, predicate));
                        Some((event, at))
                    })?;
                    Some((rule, Slot::new(rules.canonical(&key), "duration"), at))
                })
            } else {
                None
            };
            if let Some((rule, slot, at)) = filed {
                out.push(SentenceClaim::filed(
                    slot,
                    v.clone(),
                    rule,
                    hedged,
                    v.span.join(at),
                ));
            }
        }
        out.sort_by_key(|c| c.value.span.start);
        // A date filed under an event word by their nearness must hang on it in the parse:
        // "found the bodies in the wreckage of the collapsed bridge on Sunday" dates the
        // finding, not the collapse.
        if let Some(rule) = rules.generic("event-date") {
            out.retain(|c| {
                if c.rule != rule {
                    return true;
                }
                let ev = if c.evidence.end > c.value.span.end {
                    Span::new(c.evidence.end - 1, c.evidence.end)
                } else {
                    Span::new(c.evidence.start, c.evidence.start + 1)
                };
                match (0..a.words.len()).find(|&i| a.words[i].span.overlaps(ev)) {
                    Some(e) => crate::frame::dates_event(a, c.value.span, e),
                    None => true,
                }
            });
        }
        for c in out.iter_mut().filter(|c| c.value.kind != Kind::Name) {
            c.frame = Frame::of(a, text, c.value.span, &times, &years);
            // "contained 17 days after it broke out": the figure is of the containing (the
            // parse puts it on "broke"), and belongs to the event, not to "it".
            if let Some((_, at, predicate)) = elapsed.iter().find(|e| e.0 == c.value.span) {
                c.frame.holder = at.slice(text).to_string();
                c.frame.predicate = predicate.clone();
            }
            // The event word a date was filed by names its predicate where the parse gives
            // none or another verb: a timeline's entry ("7.05pm – Part of the roof
            // collapses") is an opening the parse reads as a fragment; a date the parse hangs
            // on a verb beside the event's ("broke apart and fell") dates the event verb.
            if Some(c.rule) == event_rule
                && c.evidence.end > c.value.span.end
                && let Some(w) = a
                    .words
                    .iter()
                    .find(|w| w.span.start < c.evidence.end && c.evidence.end <= w.span.end)
            {
                let fragment = c.frame.predicate.is_empty()
                    && text[c.value.span.end..]
                        .trim_start()
                        .starts_with(['–', '—', '-']);
                let beside = !c.frame.predicate.is_empty() && w.upos == "VERB";
                if fragment || beside {
                    c.frame.predicate = w.lemma.to_lowercase();
                }
            }
            if misread_class(a, c) {
                c.slot = Slot::new(c.slot.subject.clone(), "count");
            }
            // A population's slot names its place; what the rest of the sentence says about
            // the place ("located in the foothills", "the worst of the damage") is not
            // another place or holder of the figure.
            if Some(c.rule) == population_rule {
                let f = std::mem::take(&mut c.frame);
                c.frame = Frame {
                    year: f.year,
                    source: f.source,
                    estimate: f.estimate,
                    negated: f.negated,
                    planned: f.planned,
                    ..Frame::default()
                };
            }
            // A hedge hedges the clause it is in, not every figure of the sentence.
            if !hedges.is_empty() {
                c.hedged = hedges
                    .iter()
                    .any(|&w| crate::frame::in_clause_of(a, c.value.span, w));
            }
            // "10:55pm: Eight officers arrive" counts what happened at that moment; "9.30pm –
            // 400 firefighters are at the scene", a clause with no verb but "be", says how many
            // there were: the size of the force, as any other count of it.
            let stated = || {
                c.value.kind == Kind::Count
                    && !a.words.iter().any(|w| {
                        w.upos == "VERB" && w.lemma.eq_ignore_ascii_case(&c.frame.predicate)
                    })
            };
            c.frame.moment = moment
                .filter(|m| m.span != c.value.span && !stated())
                .map(|m| m.value.clone());
        }
    }
    out
}

/// The verb a duration says how long of, as written ("trapped"), when the duration is its
/// "for" phrase ("trapped for 10 days"; "trapped and incommunicado for 10 days", through the
/// coordination); a participle only, since "for 10 days" on another verb ("said for 10 days")
/// is rarely a fact's length.
fn state_of_duration(
    a: &crate::syntax::Analysis,
    text: &str,
    value: Span,
) -> Option<(String, Span)> {
    let top = a.span_words(value).1?;
    if a.base_rel(top) != "obl"
        || !a.children(top).any(|c| {
            a.base_rel(c) == "case" && a.words[c].span.slice(text).eq_ignore_ascii_case("for")
        })
    {
        return None;
    }
    let mut h = a.head_of(top)?;
    // "trapped and incommunicado for 10 days": the phrase hangs on the last conjunct.
    if a.base_rel(h) == "conj"
        && let Some(first) = a.head_of(h)
        && !a.words[h].span.slice(text).ends_with("ed")
    {
        h = first;
    }
    let written = a.words[h].span.slice(text).to_lowercase();
    (matches!(a.words[h].upos, "VERB" | "ADJ") && written.ends_with("ed"))
        .then(|| (written, a.words[h].span))
}

/// Two verbs of a predicate class read the other way: "2 million people lost power" ("lost"
/// with an object: what they lost, not that they are missing); "the funeral for the 18
/// victims was held" (what was held is the funeral: the victims are not detained, which they
/// are only as what is held, "18 people were held").
fn misread_class(a: &crate::syntax::Analysis, c: &SentenceClaim) -> bool {
    let verb_lemma = match (c.slot.attribute.as_str(), c.frame.predicate.as_str()) {
        ("missing", "lose") => "lose",
        ("arrested", _) => "hold",
        _ => return false,
    };
    let Some(top) = a.span_words(c.value.span).1 else {
        return false;
    };
    let Some(verb) = a
        .ancestors(top)
        .into_iter()
        .find(|&h| a.words[h].lemma.eq_ignore_ascii_case(verb_lemma))
    else {
        return false;
    };
    if verb_lemma == "lose" {
        return a.children(verb).any(|o| a.base_rel(o) == "obj");
    }
    // The counted noun (or the number itself) must be what is held.
    let noun = match a.head_of(top) {
        Some(h) if a.base_rel(top) == "nummod" => h,
        _ => top,
    };
    !(a.head_of(noun) == Some(verb) && matches!(a.words[noun].deprel, "obj" | "nsubj:pass"))
}

/// The named place a count is the population of, as a slug, with the span of the place's
/// name: "Lakeview, a town of 12,000", "Lakeview was a town of about 11,000 residents", "the
/// town of Lakeview, population 12,000". The count must hang on a settlement noun through "of"
/// (directly or through an inhabitants noun) or on "population"; a count of people who did
/// something there ("40,000 residents fled") hangs on its verb instead.
fn population_of(
    a: &crate::syntax::Analysis,
    text: &str,
    value: Span,
    rules: &RuleSet,
) -> Option<(String, Span)> {
    let lemma = |i: usize| a.words[i].lemma.to_lowercase();
    let top = a.span_words(value).1?;
    let mut n = top;
    // "12,000 residents": the count's noun stands in for it.
    if let Some(h) = a.head_of(n)
        && a.base_rel(n) == "nummod"
        && rules.in_list("inhabitants", &a.words[h].span.slice(text).to_lowercase())
        && lemma(h) != "population"
    {
        n = h;
    }
    let h = a.head_of(n)?;
    let place_word = if lemma(h) == "population" {
        // "population 12,000", "a population of 12,000": the population's own head (a name in
        // apposition, or the settlement it is the population of).
        match a.head_of(h) {
            Some(p) if a.words[p].upos == "PROPN" || rules.in_list("settlements", &lemma(p)) => p,
            Some(_) => h,
            None => a
                .children(h)
                .find(|&c| a.base_rel(c) == "nsubj")
                .unwrap_or(h),
        }
    } else if rules.in_list("settlements", &lemma(h))
        && a.base_rel(n) == "nmod"
        && crate::frame::has_case(a, n, &["of"])
    {
        h
    } else {
        return None;
    };
    let name = place_name(a, text, place_word, rules)?;
    let span = Span::new(a.words[name.0].span.start, a.words[name.1].span.end);
    Some((crate::rules::words::slug_phrase(span.slice(text)), span))
}

/// The proper name (first and last word) a settlement noun, "population" or a name stands
/// for: the name itself, "the town of X", "X was a town", "X, a town", and when the parse
/// missed the apposition, the name right before ", a town" or ", population".
fn place_name(
    a: &crate::syntax::Analysis,
    text: &str,
    w: usize,
    rules: &RuleSet,
) -> Option<(usize, usize)> {
    // A capitalized noun inside the sentence is a name too: the tagger reads a place named
    // with a common word ("Hope", "Liberty") as the common noun.
    let proper = |i: usize| {
        let w = &a.words[i];
        w.upos == "PROPN"
            || w.upos == "NOUN"
                && w.span.slice(text).starts_with(|c: char| c.is_uppercase())
                // First in the sentence, a bare singular noun: "Hope was a town".
                && (i > 0 || w.xpos == "NN" && !a.children(i).any(|c| a.base_rel(c) == "det"))
    };
    // The run of proper nouns ending at word `end`.
    let run = |end: usize| {
        let mut first = end;
        while first > 0 && proper(first - 1) {
            first -= 1;
        }
        (first, end)
    };
    if proper(w) {
        return Some(run(w));
    }
    let lemma = a.words[w].lemma.to_lowercase();
    let settlement = rules.in_list("settlements", &lemma);
    if !settlement && lemma != "population" {
        return None;
    }
    if settlement
        && let Some(c) = a.children(w).find(|&c| {
            proper(c)
                && (a.base_rel(c) == "nsubj"
                    || a.base_rel(c) == "nmod" && crate::frame::has_case(a, c, &["of"]))
        })
    {
        return Some(run(c));
    }
    if settlement
        && a.base_rel(w) == "appos"
        && let Some(h) = a.head_of(w)
        && proper(h)
    {
        return Some(run(h));
    }
    // "Lakeview, a quiet mountain town": back over the settlement's modifiers to a comma.
    let mut i = w;
    while i > 0 && matches!(a.words[i - 1].upos, "DET" | "ADJ" | "NOUN" | "ADV") {
        i -= 1;
    }
    (i >= 2 && a.words[i - 1].span.slice(text) == "," && proper(i - 2)).then(|| run(i - 2))
}

/// The event a duration measures from its beginning, with the span of the event's word:
/// "contained on Sunday, 17 days after it broke out", "put out the blaze 14 hours after it
/// began". The duration hangs on an "after" clause whose verb begins an event (onset-verbs);
/// the event is that verb's subject, or, for a pronoun, the event noun the governing verb has
/// for subject or object. How long the event had lasted when the governing verb happened: the
/// event's duration as of then, set against "the fire burned for 17 days". Also the
/// governing verb's word, the figure's predicate.
fn elapsed_since_onset(
    a: &crate::syntax::Analysis,
    text: &str,
    value: Span,
    rules: &RuleSet,
) -> Option<(String, Span, Option<usize>)> {
    let top = a.span_words(value).1?;
    let lemma = |i: usize| a.words[i].lemma.to_lowercase();
    let is_after = |i: usize| a.words[i].span.slice(text).eq_ignore_ascii_case("after");
    let mut onset = a.head_of(top)?;
    // The parse hangs "17 days" on "after" itself as often as on the clause's verb.
    if is_after(onset) {
        onset = a.head_of(onset)?;
    }
    if a.base_rel(top) != "obl"
        || a.words[onset].upos != "VERB"
        || !rules.in_list("onset-verbs", &lemma(onset))
        || !a
            .children(onset)
            .any(|c| a.base_rel(c) == "mark" && is_after(c))
    {
        return None;
    }
    let event = |i: usize| {
        rules
            .in_list("event-nouns", &rules.canonical(&lemma(i)))
            .then_some(i)
    };
    let arg = |v: usize| {
        a.children(v)
            .filter(|&c| matches!(a.base_rel(c), "nsubj" | "obj"))
            .find_map(event)
    };
    let governing = a.head_of(onset);
    let e = arg(onset).or_else(|| {
        let g = governing?;
        let above = a.head_of(g);
        arg(g).or_else(|| match a.base_rel(g) {
            // "the fire, the worst ever, was contained ...", read as the noun's modifier.
            "acl" => above.and_then(event),
            // "worked through the night to extinguish the blaze": the clause above it.
            "advcl" | "xcomp" => above.and_then(arg),
            _ => None,
        })
    })?;
    Some((rules.canonical(&lemma(e)), a.words[e].span, governing))
}

/// A date to the day or a clock time, not vague: what the parse is worth reading for when
/// no strategy filed it (a bare year or month is too common to parse every sentence for).
fn day_or_time(v: &Value) -> bool {
    !v.vague
        && (v.kind == Kind::Time
            || v.kind == Kind::Date && v.value.len() == 10 && v.value.as_bytes()[7] == b'-')
}

/// The event a date or time hangs on in the parse: its head verb when that verb stands for an
/// event ("checked into" → `check-in`, by the event-verbs list, whatever the tense), or its
/// head noun when that is an event noun. With the span of that word.
fn event_on_parse(
    a: &crate::syntax::Analysis,
    text: &str,
    value: Span,
    rules: &RuleSet,
) -> Option<(String, Span)> {
    let top = a.span_words(value).1?;
    if !matches!(a.base_rel(top), "obl" | "nmod") {
        return None;
    }
    let mut h = a.head_of(top)?;
    // "At 7:49 p.m., the spire ... fell": a phrase fronted before the subject dates the clause,
    // wherever a parser hangs it.
    if matches!(a.base_rel(h), "nsubj")
        && value.end <= a.words[h].span.start
        && text[value.end..a.words[h].span.start].contains(',')
    {
        h = a.head_of(h)?;
    }
    // "broke apart and fell": the date of a verb dates its conjuncts too.
    let conjunct = |h: usize| {
        a.children(h)
            .filter(|&c| a.base_rel(c) == "conj" && a.words[c].upos == "VERB")
            .find_map(|c| Some((c, event_word(a, text, c, rules)?)))
    };
    // "At some point on September 28, ... checked into": a time noun between the date and
    // its verb.
    for _ in 0..2 {
        let Some(event) = event_word(a, text, h, rules).or_else(|| {
            let (c, e) = conjunct(h)?;
            h = c;
            Some(e)
        }) else {
            if a.words[h].upos == "NOUN" && matches!(a.base_rel(h), "obl" | "nmod") {
                h = a.head_of(h)?;
                continue;
            }
            return None;
        };
        return Some((rules.canonical(&event), a.words[h].span));
    }
    None
}

/// The event noun word `h` stands for: a verb of the event-verbs list in any tense (or a noun
/// the tagger took for one), or an event noun.
fn event_word(
    a: &crate::syntax::Analysis,
    text: &str,
    h: usize,
    rules: &RuleSet,
) -> Option<String> {
    let w = &a.words[h];
    let lemma = w.lemma.to_lowercase();
    if w.upos == "NOUN" && rules.in_list("event-nouns", &lemma) {
        return Some(lemma);
    }
    if !matches!(w.upos, "VERB" | "NOUN") {
        return None;
    }
    let written = w.span.slice(text).to_lowercase();
    [written, format!("{lemma}ed"), format!("{lemma}d"), lemma]
        .iter()
        .find_map(|form| rules.pair("event-verbs", form))
        .map(str::to_string)
}

/// A value written against letters ("G5", "26th", "mc4wp") is part of a code, an ordinal or
/// an identifier, not a figure to compare.
fn glued(doc: &Doc, span: Span) -> bool {
    // Tokens are in order: binary searches keep this linear over a sentence's values.
    let first = doc.toks.partition_point(|t| t.span.start < span.start);
    if doc
        .toks
        .get(first)
        .is_none_or(|t| t.span.start != span.start)
    {
        return false;
    }
    let before =
        first > 0 && !doc.toks[first].space_before && doc.toks[first - 1].kind == TokKind::Word;
    let last = doc
        .toks
        .partition_point(|t| t.span.end <= span.end)
        .checked_sub(1);
    let after = last
        .and_then(|l| doc.toks.get(l + 1))
        .is_some_and(|t| !t.space_before && t.kind == TokKind::Word && t.span.start == span.end);
    let digit_edge = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let text = span.slice(doc.text);
    before && digit_edge(text.chars().next()) || after && digit_edge(text.chars().last())
}

fn tok_span(doc: &Doc, (a, b): (usize, usize)) -> Span {
    Span::new(doc.toks[a].span.start, doc.toks[b - 1].span.end)
}

/// Fills a slot template from a match: literals as written, `{N}` as the key form of the
/// words group N matched (synonyms applied).
fn render(t: &Template, m: &Match, doc: &Doc, rules: &RuleSet) -> Slot {
    let part = |parts: &[Part]| {
        let mut s = String::new();
        for p in parts {
            match p {
                Part::Lit(l) => s.push_str(l),
                Part::Group(g) => {
                    if let Some(Some((a, b))) = m.captures.get(*g) {
                        let words: Vec<String> = (*a..*b)
                            .filter(|&i| {
                                doc.toks[i].kind != TokKind::Punct
                                    || doc.toks[i].text(doc.text) == "-"
                            })
                            .map(|i| slug(doc.toks[i].text(doc.text)))
                            .filter(|w| !w.is_empty())
                            .collect();
                        s.push_str(&rules.canonical(&words.join("-")));
                    }
                }
            }
        }
        s.trim_matches('-').replace("--", "-")
    };
    Slot::new(part(&t.subject), part(&t.attribute))
}

// ----- the sentence as word units -----

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UKind {
    Word,
    Num,
    Punct,
    Value(usize),
}

/// A word as the generic rules see it: "U.S." is one unit `us`, "pro-Western" one unit
/// `pro-western`, a value one unit.
#[derive(Clone, Debug)]
struct Unit {
    kind: UKind,
    /// Lowercase key form (possessive kept off, see `possessive`).
    text: String,
    span: Span,
    /// Written with a capital first letter.
    cap: bool,
    possessive: bool,
}

fn units(doc: &Doc) -> Vec<Unit> {
    let toks = &doc.toks;
    let text = doc.text;
    let mut out: Vec<Unit> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        if let Some((vi, end)) = doc.value_at[i] {
            let span = tok_span(doc, (i, end));
            out.push(Unit {
                kind: UKind::Value(vi),
                text: span.slice(text).to_lowercase(),
                span,
                cap: false,
                possessive: false,
            });
            i = end;
            continue;
        }
        let t = toks[i];
        let w = t.text(text);
        match t.kind {
            TokKind::Word => {
                // Dotted acronym: single letters each followed by a dot, at least two.
                let mut j = i;
                let mut letters = String::new();
                while j + 1 < toks.len()
                    && toks[j].kind == TokKind::Word
                    && toks[j].span.len() == 1
                    && toks[j + 1].text(text) == "."
                    && !toks[j + 1].space_before
                    && (j == i || !toks[j].space_before)
                {
                    letters.push_str(&toks[j].text(text).to_ascii_lowercase());
                    j += 2;
                }
                if letters.len() >= 2 {
                    out.push(Unit {
                        kind: UKind::Word,
                        text: letters,
                        span: Span::new(t.span.start, toks[j - 1].span.end),
                        cap: true,
                        possessive: false,
                    });
                    i = j;
                    continue;
                }
                // Hyphenated compound.
                let mut end = i;
                while end + 2 < toks.len()
                    && toks[end + 1].text(text) == "-"
                    && !toks[end + 1].space_before
                    && !toks[end + 2].space_before
                    && toks[end + 2].kind == TokKind::Word
                    && doc.value_at[end + 2].is_none()
                {
                    end += 2;
                }
                let span = Span::new(t.span.start, toks[end].span.end);
                let raw = span.slice(text);
                let possessive = raw.ends_with("'s") || raw.ends_with("’s");
                out.push(Unit {
                    kind: UKind::Word,
                    text: slug(raw),
                    span,
                    cap: starts_upper(w),
                    possessive,
                });
                i = end + 1;
            }
            TokKind::Num => {
                out.push(Unit {
                    kind: UKind::Num,
                    text: w.to_string(),
                    span: t.span,
                    cap: false,
                    possessive: false,
                });
                i += 1;
            }
            TokKind::Punct => {
                out.push(Unit {
                    kind: UKind::Punct,
                    text: w.to_string(),
                    span: t.span,
                    cap: false,
                    possessive: false,
                });
                i += 1;
            }
        }
    }
    out
}

fn hedge_phrase(units: &[Unit], rules: &RuleSet) -> bool {
    // Two-word hedges ("according to", "it is believed") are listed with a space.
    units.windows(2).any(|w| {
        w[0].kind == UKind::Word
            && w[1].kind == UKind::Word
            && rules.in_list("hedges", &format!("{} {}", w[0].text, w[1].text))
    })
}

// ----- the generic strategies -----

/// Content word: a word that is not a stopword.
fn content(u: &Unit, rules: &RuleSet) -> bool {
    u.kind == UKind::Word && !rules.in_list("stopwords", &u.text)
}

/// The noun phrase starting at unit `i`: up to four content words, stopping at a stopword,
/// punctuation, a value, or a word that ends a noun phrase (a participle or adverb after the
/// first word, a predicate word). Returns the word indices.
fn noun_phrase_after(units: &[Unit], i: usize, rules: &RuleSet) -> Vec<usize> {
    phrase_after(units, i, false, rules)
}

/// As [`noun_phrase_after`]; with `counted`, the phrase ends at its first plural word (the
/// head of a counted noun phrase: "500 soldiers remain").
fn phrase_after(units: &[Unit], mut i: usize, counted: bool, rules: &RuleSet) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    while i < units.len() && out.len() < 4 {
        let u = &units[i];
        if !content(u, rules) || !rules.predicates_starting(&u.text).is_empty() && !out.is_empty() {
            break;
        }
        if !out.is_empty() && verb_like(&u.text, rules) {
            break;
        }
        if !out.is_empty() && u.cap && !units[out[out.len() - 1]].cap {
            // A capitalized word after a lowercase one starts something else.
            break;
        }
        out.push(i);
        if u.possessive || counted && rules.number.is_plural(&u.text) {
            break;
        }
        i += 1;
    }
    // "members of the security forces": the partitive gives way to what follows "of".
    if let Some(&last) = out.last()
        && rules.in_list("partitives", &units[last].text)
        && units.get(last + 1).is_some_and(|u| u.text == "of")
    {
        let mut j = last + 2;
        while j < units.len()
            && matches!(
                units[j].text.as_str(),
                "the" | "its" | "their" | "his" | "her" | "our" | "whom" | "them"
            )
        {
            j += 1;
        }
        let after = phrase_after(units, j, counted, rules);
        if !after.is_empty() {
            return after;
        }
    }
    out
}

/// Up to two content words before unit `end` (exclusive), nearest first reversed into
/// reading order.
fn noun_before(units: &[Unit], end: usize, rules: &RuleSet) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = end;
    while i > 0 && out.len() < 2 {
        i -= 1;
        if !content(&units[i], rules) || verb_like(&units[i].text, rules) {
            break;
        }
        out.push(i);
    }
    out.reverse();
    out
}

/// A word that reads as a verb (or adverb) rather than part of a noun phrase.
fn verb_like(w: &str, rules: &RuleSet) -> bool {
    w.ends_with("ed")
        || w.ends_with("ing")
        || w.ends_with("ly")
        || rules.in_list("verbs", w)
        || rules.pair("event-verbs", w).is_some()
}

/// The key of a subject made of these units: the head (last) word canonical, singular or
/// plural; the nearest modifier kept; the whole phrase's synonym applied.
fn subject_key(units: &[Unit], idx: &[usize], plural: bool, rules: &RuleSet) -> Option<String> {
    let words: Vec<&str> = idx
        .iter()
        .map(|&i| units[i].text.as_str())
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    if n == 0 {
        return None;
    }
    // A synonym for the two-word phrase ("drone facility") wins over word-by-word folding.
    let raw = words[n.saturating_sub(2)..].join("-");
    let whole = rules.canonical(&raw);
    let phrase = if whole != rules.fold_phrase(&raw) {
        whole
    } else {
        let head = rules.canonical(words[n - 1]);
        if n >= 2 {
            let m = rules.canonical(words[n - 2]);
            if head.contains('-') || head.split('-').any(|w| w == m) {
                head
            } else {
                rules.canonical(&format!("{m}-{head}"))
            }
        } else {
            head
        }
    };
    Some(number_last(&phrase, plural, rules))
}

fn number_last(key: &str, plural: bool, rules: &RuleSet) -> String {
    let (pre, last) = match key.rsplit_once('-') {
        Some((p, l)) => (Some(p), l),
        None => (None, key),
    };
    let last = if plural {
        rules.number.plural(&rules.number.singular(last))
    } else {
        rules.number.singular(last)
    };
    match pre {
        Some(p) => format!("{p}-{last}"),
        None => last,
    }
}

fn span_of_units(units: &[Unit], idx: &[usize]) -> Span {
    let mut s = units[idx[0]].span;
    for &i in idx {
        s = s.join(units[i].span);
    }
    s
}

/// The nearest predicate phrase within a few words before `before` or after `after`:
/// its attribute and span.
fn predicate_near(
    units: &[Unit],
    before: usize,
    after: usize,
    rules: &RuleSet,
) -> Option<(String, Span)> {
    const WINDOW: usize = 6;
    let at = |i: usize| -> Option<(String, Span)> {
        let u = &units[i];
        if u.kind != UKind::Word {
            return None;
        }
        for &pi in rules.predicates_starting(&u.text) {
            let (phrase, attr, _) = &rules.predicates[pi];
            let ok = phrase
                .iter()
                .enumerate()
                .all(|(k, w)| units.get(i + k).is_some_and(|x| &x.text == w));
            if ok {
                let end = (i + phrase.len() - 1).min(units.len() - 1);
                return Some((attr.clone(), units[i].span.join(units[end].span)));
            }
        }
        None
    };
    for d in 0..WINDOW {
        if after + d < units.len() {
            if units[after + d].kind == UKind::Punct
                && matches!(units[after + d].text.as_str(), ";" | ":")
            {
                break;
            }
            if let Some(p) = at(after + d) {
                return Some(p);
            }
        }
    }
    for d in 1..=WINDOW {
        if d > before {
            break;
        }
        let i = before - d;
        if units[i].kind == UKind::Punct && matches!(units[i].text.as_str(), ";" | ":") {
            break;
        }
        if let Some(p) = at(i) {
            return Some(p);
        }
    }
    None
}

/// The predicate whose phrase ends right before unit `ui` (allowing only linking words such
/// as "to" in between): its attribute and span.
fn predicate_ending(units: &[Unit], ui: usize, rules: &RuleSet) -> Option<(String, Span)> {
    for start in ui.saturating_sub(5)..ui {
        if units[start].kind != UKind::Word {
            continue;
        }
        for &pi in rules.predicates_starting(&units[start].text) {
            let (phrase, attr, _) = &rules.predicates[pi];
            let end = start + phrase.len();
            let fits = end <= ui
                && phrase
                    .iter()
                    .enumerate()
                    .all(|(k, w)| units[start + k].text == *w)
                && units[end..ui]
                    .iter()
                    .all(|u| rules.in_list("count-links", &u.text));
            if fits {
                return Some((attr.clone(), units[start].span.join(units[end - 1].span)));
            }
        }
    }
    None
}

/// The attribute of a predicate whose phrase is exactly `words`, or its last word alone.
fn predicate_phrase(words: &[&str], rules: &RuleSet) -> Option<String> {
    let find = |ws: &[&str]| {
        rules
            .predicates_starting(ws.first()?)
            .iter()
            .find_map(|&pi| {
                let (p, attr, _) = &rules.predicates[pi];
                (p.len() == ws.len() && p.iter().zip(ws).all(|(a, b)| a == b)).then(|| attr.clone())
            })
    };
    find(words).or_else(|| find(&words[words.len().saturating_sub(1)..]))
}

/// Files a value no pattern filed, by the generic strategy for its kind.
fn generic(
    units: &[Unit],
    ui: usize,
    v: &Value,
    text: &str,
    rules: &RuleSet,
) -> Option<(Slot, usize, Span)> {
    match v.kind {
        Kind::Count => counted_noun(units, ui, rules),
        Kind::Date | Kind::Time => event_date(units, ui, v, rules),
        Kind::Money => money_purpose(units, ui, rules),
        Kind::Duration | Kind::Age => {
            age(units, ui, v, text, rules).or_else(|| duration_of(units, ui, rules))
        }
        Kind::Percent => percent_of(units, ui, rules),
        Kind::Quantity => quantity_of(units, ui, v, rules),
        Kind::Name => None,
    }
}

fn counted_noun(units: &[Unit], ui: usize, rules: &RuleSet) -> Option<(Slot, usize, Span)> {
    let rule = rules.generic("counted-noun")?;
    // "aged 12": an age, not a count.
    if let Some(r) = age_after_word(units, ui, rules) {
        return Some(r);
    }
    let mut np = phrase_after(units, ui + 1, true, rules);
    // "four more people died", "12 additional bodies": the noun past the word of increment.
    if np.is_empty()
        && units.get(ui + 1).is_some_and(|u| {
            u.kind == UKind::Word && matches!(u.text.as_str(), "more" | "additional" | "further")
        })
    {
        np = phrase_after(units, ui + 2, true, rules);
    }
    // "13,954 residences, 514 commercial buildings and 4,265 other buildings": a kind of its
    // own, the rest of a list, not the buildings of the list.
    let mut other = false;
    if np.is_empty()
        && units
            .get(ui + 1)
            .is_some_and(|u| u.kind == UKind::Word && u.text == "other")
    {
        np = phrase_after(units, ui + 2, true, rules);
        other = !np.is_empty();
    }
    // "nineteen of the victims": a part of a set the text has already introduced counts
    // what the set counts.
    if np.is_empty()
        && units.get(ui + 1).is_some_and(|u| u.text == "of")
        && units
            .get(ui + 2)
            .is_some_and(|u| matches!(u.text.as_str(), "the" | "its" | "their" | "those" | "these"))
    {
        np = phrase_after(units, ui + 3, true, rules);
        if np
            .last()
            .is_some_and(|&l| !rules.number.is_plural(&units[l].text))
        {
            np.clear();
        }
    }
    let mut plural = true;
    if np.is_empty() {
        plural = false;
        // "a death toll of 40", "the toll rose to 40".
        let mut k = ui;
        let mut hops = 0;
        while k > 0 && hops < 3 && rules.in_list("count-links", &units[k - 1].text) {
            k -= 1;
            hops += 1;
        }
        if hops > 0 {
            // "the death toll from Monday's earthquake in southern Turkey rose to 1,500": a
            // predicate noun earlier in the clause says what the figure counts.
            if let Some((attribute, pspan)) = predicate_noun_before(units, k, rules) {
                let subject = people_or_event(units, k, rules);
                return Some((
                    Slot::new(subject, attribute),
                    rule,
                    pspan.join(units[ui].span),
                ));
            }
            np = noun_before(units, k, rules);
        }
    }
    if np.is_empty() {
        // "the 1998 flood that killed 3,000": what happened comes right before the count and
        // the event it belongs to further back.
        let (attribute, pspan) = predicate_ending(units, ui, rules)?;
        let from = units
            .iter()
            .position(|u| u.span.start >= pspan.start)
            .unwrap_or(ui);
        let subject = people_or_event(units, from, rules);
        return Some((
            Slot::new(subject, attribute),
            rule,
            pspan.join(units[ui].span),
        ));
    }
    let last = *np.last()?;
    // A noun that is itself a predicate ("45 deaths", "the death toll rose to 45") counts
    // people: the same fact as "45 people died".
    let phrase: Vec<&str> = np.iter().map(|&i| units[i].text.as_str()).collect();
    let own = predicate_phrase(&phrase, rules);
    let (subject, attribute, pspan) = match own {
        Some(attr) => ("people".to_string(), attr, None),
        None => {
            let mut subject = subject_key(units, &np, plural, rules)?;
            if other {
                subject = format!("other-{subject}");
            }
            // A predicate right before the figure is its verb ("killing at least 1,200 people
            // and injuring ..."); otherwise the nearest one around the noun.
            match predicate_ending(units, ui, rules)
                .or_else(|| predicate_near(units, ui, last + 1, rules))
            {
                Some((a, s)) => (subject, a, Some(s)),
                None => (subject, "count".to_string(), None),
            }
        }
    };
    let mut ev = units[ui].span.join(span_of_units(units, &np));
    if let Some(p) = pspan {
        ev = ev.join(p);
    }
    Some((Slot::new(subject, attribute), rule, ev))
}

/// Who a figure with no noun of its own counts: people, unless an event further back in the
/// clause is keyed by a year, ordinal or place ("the 1998 flood that killed 3,000" →
/// `1998-flood`), which keeps it apart from other events of the same kind.
fn people_or_event(units: &[Unit], from: usize, rules: &RuleSet) -> String {
    if let Some((i, e)) = event_before(units, from, 12, rules) {
        let key = event_key(units, i, &e, rules);
        if key != rules.canonical(&e) {
            return key;
        }
    }
    "people".to_string()
}

/// A predicate phrase made of nouns ("death toll", "deaths") within ten units before `end`,
/// in the same clause.
fn predicate_noun_before(units: &[Unit], end: usize, rules: &RuleSet) -> Option<(String, Span)> {
    for start in (end.saturating_sub(10)..end).rev() {
        let u = &units[start];
        if u.kind == UKind::Punct && matches!(u.text.as_str(), ";" | ":" | ",") {
            return None;
        }
        if u.kind != UKind::Word || verb_like(&u.text, rules) {
            continue;
        }
        for &pi in rules.predicates_starting(&u.text) {
            let (phrase, attr, _) = &rules.predicates[pi];
            let fits = start + phrase.len() <= end
                && phrase
                    .iter()
                    .enumerate()
                    .all(|(k, w)| units[start + k].text == *w)
                && phrase.iter().all(|w| !verb_like(w, rules));
            if fits {
                let last = start + phrase.len() - 1;
                return Some((attr.clone(), u.span.join(units[last].span)));
            }
        }
    }
    None
}

/// The event word at unit `i`: an event noun, or a verb the `event-verbs` list turns into one.
fn event_at(units: &[Unit], i: usize, rules: &RuleSet) -> Option<String> {
    let u = &units[i];
    if u.kind != UKind::Word {
        return None;
    }
    let sing = rules.number.singular(&u.text);
    if rules.in_list("event-nouns", &u.text) || rules.in_list("event-nouns", &sing) {
        return Some(sing);
    }
    if let Some(e) = rules.pair("event-verbs", &u.text) {
        return Some(e.to_string());
    }
    // A timeline's present tense: "7.05pm – Part of the roof collapses".
    present_tense_event(&u.text, rules).map(str::to_string)
}

/// The event a verb in the third person present stands for, by its past tense in the
/// event-verbs list: "collapses" and "crashes" as "collapsed" and "crashed".
fn present_tense_event<'r>(word: &str, rules: &'r RuleSet) -> Option<&'r str> {
    let stem = word.strip_suffix('s')?;
    rules
        .pair("event-verbs", &format!("{stem}ed"))
        .or_else(|| rules.pair("event-verbs", &format!("{stem}d")))
}

/// The key of the event noun at unit `i`: a year, ordinal or name attached to it keys it
/// ("the 1998 flood" → `1998-flood`, "the second round", "Hurricane Katrina").
fn event_key(units: &[Unit], i: usize, event: &str, rules: &RuleSet) -> String {
    let mut key = rules.canonical(event);
    if i > 0 {
        let p = &units[i - 1];
        let year = matches!(p.kind, UKind::Num | UKind::Value(_))
            && p.text.len() == 4
            && p.text.bytes().all(|b| b.is_ascii_digit());
        if year || p.kind == UKind::Word && rules.in_list("ordinals", &p.text) {
            key = format!("{}-{key}", p.text);
        }
    }
    if units[i].cap
        && i > 0
        && let Some(n) = units.get(i + 1).filter(|n| n.kind == UKind::Word && n.cap)
    {
        key = format!("{key}-{}", n.text);
    } else if units.get(i + 1).is_some_and(|u| u.text == "in") {
        // "the coup in Burkina Faso" is not "the coup in Niger": a place named right after
        // the event keys it.
        let mut j = i + 2;
        let mut place = Vec::new();
        while let Some(u) = units
            .get(j)
            .filter(|u| u.kind == UKind::Word && u.cap && !u.possessive)
        {
            if rules.in_list("not-names", &u.text) || place.len() == 3 {
                break;
            }
            place.push(u.text.as_str());
            j += 1;
        }
        if !place.is_empty() {
            key = format!("{key}-{}", place.join("-"));
        }
    }
    key
}

/// The nearest event word before unit `ui`, within `back` units of the same clause.
fn event_before(
    units: &[Unit],
    ui: usize,
    back: usize,
    rules: &RuleSet,
) -> Option<(usize, String)> {
    for d in 1..=back.min(ui) {
        let i = ui - d;
        if units[i].kind == UKind::Punct && matches!(units[i].text.as_str(), ";" | ":" | "(" | ")")
        {
            break;
        }
        if let Some(e) = event_at(units, i, rules) {
            return Some((i, e));
        }
    }
    None
}

/// A timeline's entry: a time or date opening the sentence, then a dash and what happened
/// ("7.05pm – Part of the roof collapses", "July 8 – The first four were rescued"). The
/// event is the first event word of the clause after the dash.
fn timeline_event(units: &[Unit], ui: usize, rules: &RuleSet) -> Option<(usize, String)> {
    // Only values before it, as in "Monday April 15, 5.50pm –".
    let opening = units[..ui]
        .iter()
        .all(|u| matches!(u.kind, UKind::Value(_)) || u.text == ",");
    let dash = units
        .get(ui + 1)
        .is_some_and(|u| u.kind == UKind::Punct && matches!(u.text.as_str(), "–" | "—" | "-"));
    if !opening || !dash {
        return None;
    }
    const CLAUSE: usize = 12;
    (ui + 2..(ui + 2 + CLAUSE).min(units.len()))
        .take_while(|&i| !matches!(units[i].text.as_str(), "." | ";" | ":" | "–" | "—"))
        .find_map(|i| Some((i, event_at(units, i, rules)?)))
}

fn event_date(
    units: &[Unit],
    ui: usize,
    v: &Value,
    rules: &RuleSet,
) -> Option<(Slot, usize, Span)> {
    let rule = rules.generic("event-date")?;
    const BACK: usize = 10;
    const AHEAD: usize = 5;
    let stop =
        |u: &Unit| u.kind == UKind::Punct && matches!(u.text.as_str(), ";" | ":" | "(" | ")");
    // A verb between the date and an event noun takes the date for itself ("declared himself
    // head of state on Friday", "as reported last week, a coup ..."), unless the verb follows
    // the event noun ("the election held in March").
    let verb = |u: &Unit| {
        u.kind == UKind::Word
            && !u.cap
            && (u.text.len() > 4 && (u.text.ends_with("ed") || u.text.ends_with("ing"))
                || rules.in_list("verbs", &u.text))
    };
    let mut found = timeline_event(units, ui, rules);
    for d in 1..=BACK.min(ui) {
        if found.is_some() {
            break;
        }
        let i = ui - d;
        // A clock time reads through its own day ("broke out on Monday around 6.50pm").
        let its_day = v.kind == Kind::Time && d <= 3;
        if stop(&units[i]) || matches!(units[i].kind, UKind::Value(_)) && d > 1 && !its_day {
            break;
        }
        if let Some(e) = event_at(units, i, rules) {
            found = Some((i, e));
            break;
        }
        if verb(&units[i]) {
            // "the fire, which began at 5.50pm": the relative pronoun stands for its noun.
            let mut j = i;
            while j > 0 && j + 3 > i && matches!(units[j - 1].text.as_str(), "which" | "that" | ",")
            {
                j -= 1;
            }
            if j > 0
                && let Some(e) = event_at(units, j - 1, rules)
            {
                found = Some((j - 1, e));
            }
            break;
        }
    }
    let governed = ui > 0 && verb(&units[ui - 1]);
    if found.is_none() && !governed {
        for i in ui + 1..(ui + 1 + AHEAD).min(units.len()) {
            if stop(&units[i]) || matches!(units[i].kind, UKind::Value(_)) {
                break;
            }
            if let Some(e) = event_at(units, i, rules) {
                found = Some((i, e));
                break;
            }
            if verb(&units[i]) {
                break;
            }
        }
    }
    let (mut i, mut event) = found?;
    // "an earthquake struck on Monday": the verb's subject names the event better.
    if !rules.in_list("event-nouns", &units[i].text) {
        for back in 1..=2 {
            if i < back {
                break;
            }
            let j = i - back;
            let u = &units[j];
            if let Some(e) = event_at(units, j, rules).filter(|_| {
                rules.in_list("event-nouns", &rules.number.singular(&u.text))
                    || rules.in_list("event-nouns", &u.text)
            }) {
                i = j;
                event = e;
                break;
            }
            if !rules.in_list("stopwords", &u.text) {
                break;
            }
        }
    }
    let key = event_key(units, i, &event, rules);
    let attribute = if v.kind == Kind::Time { "time" } else { "date" };
    let ev = units[ui].span.join(units[i].span);
    Some((Slot::new(key, attribute), rule, ev))
}

fn money_purpose(units: &[Unit], ui: usize, rules: &RuleSet) -> Option<(Slot, usize, Span)> {
    let rule = rules.generic("money-purpose")?;
    let done = |np: &[usize], attr: &str| -> Option<(Slot, usize, Span)> {
        let subject = subject_key(units, np, false, rules)?;
        let ev = units[ui].span.join(span_of_units(units, np));
        Some((Slot::new(subject, attr), rule, ev))
    };
    // "the $100 million drone facility": the value qualifies the noun after it.
    let np = noun_phrase_after(units, ui + 1, rules);
    if !np.is_empty() {
        return done(&np, "cost");
    }
    // "the dam cost $2 billion", "a deal worth $5 billion", "a budget of $3 million".
    let mut k = ui;
    let mut attr = None;
    let mut hops = 0;
    while k > 0 && hops < 3 {
        let w = &units[k - 1].text;
        if rules.in_list("money-cost", w) {
            attr = attr.or(Some("cost"));
        } else if rules.in_list("money-value", w) {
            attr = attr.or(Some("value"));
        } else if !rules.in_list("count-links", w) {
            break;
        }
        k -= 1;
        hops += 1;
    }
    let before = if hops > 0 {
        noun_before(units, k, rules)
    } else {
        Vec::new()
    };
    if let Some(a) = attr
        && !before.is_empty()
    {
        return done(&before, a);
    }
    // "$5 million in aid", "$2 billion for the dam".
    if let Some(link) = units
        .get(ui + 1)
        .filter(|u| matches!(u.text.as_str(), "in" | "for" | "of" | "on"))
    {
        let mut j = ui + 2;
        while j < units.len() && rules.in_list("stopwords", &units[j].text) {
            j += 1;
        }
        let np = noun_phrase_after(units, j, rules);
        if !np.is_empty() {
            let attr = if link.text == "for" || link.text == "on" {
                "cost"
            } else {
                "amount"
            };
            return done(&np, attr);
        }
    }
    if before.is_empty() {
        return None;
    }
    done(&before, "amount")
}

/// "a 12-year-old girl": a duration written as an age.
fn age(
    units: &[Unit],
    ui: usize,
    v: &Value,
    text: &str,
    rules: &RuleSet,
) -> Option<(Slot, usize, Span)> {
    let rule = rules.generic("age")?;
    // "Ada Okafor, 63, moved": the age of the name before the comma (the surname joins the
    // full name in grouping). "Lars Berg, a retired diver in his early thirties": the name
    // before the comma that opens the phrase.
    let comma = if ui >= 2 && units[ui - 1].text == "," {
        Some(ui - 1)
    } else if ui >= 2
        && matches!(units[ui - 1].text.as_str(), "his" | "her" | "their")
        && units[ui - 2].text == "in"
    {
        (ui.saturating_sub(12)..ui - 2)
            .rev()
            .find(|&k| units[k].text == ",")
    } else {
        None
    };
    if v.kind == Kind::Age
        && let Some(end) = comma
        && let Some(first) = name_ending_at(units, end, rules)
    {
        let name: Vec<&str> = units[first..end].iter().map(|u| u.text.as_str()).collect();
        let ev = units[first].span.join(units[ui].span);
        return Some((Slot::new(name.join("-"), "age"), rule, ev));
    }
    // "the boys, aged between 11 and 16", "victims were between the ages of 20 and 45": a
    // group's ages belong to the noun before them.
    if v.kind == Kind::Age && v.value.contains("..") {
        let mut end = ui;
        while end > 0
            && matches!(
                units[end - 1].text.as_str(),
                "," | "-" | "–" | "—" | "(" | "were" | "are" | "was"
            )
        {
            end -= 1;
        }
        let np = noun_before(units, end, rules);
        let subject = subject_key(units, &np, false, rules)?;
        let ev = units[ui].span.join(span_of_units(units, &np));
        return Some((Slot::new(subject, "age"), rule, ev));
    }
    let written = v.span.slice(text).to_ascii_lowercase();
    let mut next = ui + 1;
    let old_inside = written.ends_with("old");
    if !old_inside {
        // "12 years old", "12-year-old" written with the "-old" outside the value.
        let mut j = ui + 1;
        while j < units.len() && units[j].kind == UKind::Punct && units[j].text == "-" {
            j += 1;
        }
        match units.get(j) {
            Some(u) if u.text == "old" || u.text == "year-old" || u.text.ends_with("-old") => {
                next = j + 1
            }
            _ => return None,
        }
    }
    let np = noun_phrase_after(units, next, rules);
    let np = if np.is_empty() {
        noun_before(units, ui, rules)
    } else {
        np
    };
    if np.is_empty() {
        return None;
    }
    let subject = subject_key(units, &np, false, rules)?;
    let ev = units[ui].span.join(span_of_units(units, &np));
    Some((Slot::new(subject, "age"), rule, ev))
}

/// The first unit of a person's name that ends right before `end`: up to three capitalized
/// words, titles and ranks left out ("Petty Officer 2nd Class Lars Berg" is "Lars Berg").
fn name_ending_at(units: &[Unit], end: usize, rules: &RuleSet) -> Option<usize> {
    let word = |u: &Unit| u.cap && u.kind == UKind::Word;
    if end == 0 || !word(&units[end - 1]) {
        return None;
    }
    let mut first = end - 1;
    while first > 0
        && end - first < 3
        && word(&units[first - 1])
        && !rules.in_list("honorifics", &units[first - 1].text)
    {
        first -= 1;
    }
    if rules.in_list("honorifics", &units[first].text) && first < end - 1 {
        first += 1;
    }
    Some(first)
}

/// "a girl aged 12": a count after an age word.
fn age_after_word(units: &[Unit], ui: usize, rules: &RuleSet) -> Option<(Slot, usize, Span)> {
    if ui == 0 || !rules.in_list("age-words", &units[ui - 1].text) {
        return None;
    }
    let rule = rules.generic("age")?;
    let np = noun_before(units, ui - 1, rules);
    if np.is_empty() {
        return None;
    }
    let subject = subject_key(units, &np, false, rules)?;
    let ev = units[ui].span.join(span_of_units(units, &np));
    Some((Slot::new(subject, "age"), rule, ev))
}

fn duration_of(units: &[Unit], ui: usize, rules: &RuleSet) -> Option<(Slot, usize, Span)> {
    let rule = rules.generic("duration-of")?;
    // "a month after", "two weeks later": an offset between events, not how long one lasted.
    if units.get(ui + 1).is_some_and(|u| {
        matches!(
            u.text.as_str(),
            "after" | "before" | "ago" | "later" | "earlier" | "since"
        )
    }) {
        return None;
    }
    // "a three-month mission": the duration qualifies the noun after it.
    let np = noun_phrase_after(units, ui + 1, rules);
    if !np.is_empty() {
        let subject = subject_key(units, &np, false, rules)?;
        let ev = units[ui].span.join(span_of_units(units, &np));
        return Some((Slot::new(subject, "duration"), rule, ev));
    }
    // "the siege lasted for six weeks": the nearest event word before it.
    for d in 1..=6.min(ui) {
        let i = ui - d;
        if units[i].kind == UKind::Punct && matches!(units[i].text.as_str(), ";" | ":" | ",") {
            break;
        }
        if let Some(e) = event_at(units, i, rules) {
            let ev = units[ui].span.join(units[i].span);
            return Some((Slot::new(rules.canonical(&e), "duration"), rule, ev));
        }
    }
    None
}

fn percent_of(units: &[Unit], ui: usize, rules: &RuleSet) -> Option<(Slot, usize, Span)> {
    let rule = rules.generic("percent-of")?;
    // "40% of voters", "40% of the vote".
    if units.get(ui + 1).is_some_and(|u| u.text == "of") {
        let mut j = ui + 2;
        while j < units.len() && rules.in_list("stopwords", &units[j].text) {
            j += 1;
        }
        let np = noun_phrase_after(units, j, rules);
        if let Some(&head) = np.last() {
            // The share keeps the number the text gives it: "40% of voters", "40% of the vote".
            let plural = rules.number.is_plural(&units[head].text);
            let subject = subject_key(units, &np, plural, rules)?;
            let ev = units[ui].span.join(span_of_units(units, &np));
            return Some((Slot::new(subject, "percent"), rule, ev));
        }
    }
    // "turnout of 40%", "inflation rose to 12%".
    let mut k = ui;
    let mut hops = 0;
    while k > 0 && hops < 3 && rules.in_list("count-links", &units[k - 1].text) {
        k -= 1;
        hops += 1;
    }
    let np = if hops > 0 {
        noun_before(units, k, rules)
    } else {
        noun_phrase_after(units, ui + 1, rules)
    };
    if np.is_empty() {
        return None;
    }
    let subject = subject_key(units, &np, false, rules)?;
    let ev = units[ui].span.join(span_of_units(units, &np));
    Some((Slot::new(subject, "percent"), rule, ev))
}

fn quantity_of(
    units: &[Unit],
    ui: usize,
    v: &Value,
    rules: &RuleSet,
) -> Option<(Slot, usize, Span)> {
    let rule = rules.generic("quantity-of")?;
    // The normalized value ends with the canonical unit ("129 km", "7.1 Mw").
    let attribute = match v.value.rsplit(' ').next() {
        Some("km") => "distance",
        Some("t") => "weight",
        Some("km2") => "area",
        Some("l") => "volume",
        Some("km/h") => "speed",
        Some("C") => "temperature",
        Some("Mw") => "magnitude",
        _ => "quantity",
    };
    let np = noun_phrase_after(units, ui + 1, rules);
    let np = if np.is_empty() {
        let mut k = ui;
        let mut hops = 0;
        while k > 0 && hops < 3 && rules.in_list("count-links", &units[k - 1].text) {
            k -= 1;
            hops += 1;
        }
        if hops > 0 {
            noun_before(units, k, rules)
        } else {
            // "the fire has scorched 12,500 acres", "the Riverside Fire burned across 12,510
            // acres": the measure of the verb's subject, right before the verb.
            let mut k = ui;
            if k > 0 && matches!(units[k - 1].text.as_str(), "across" | "over" | "through") {
                k -= 1;
            }
            if k == 0
                || units[k - 1].kind != UKind::Word
                || !(units[k - 1].text.ends_with("ed")
                    || rules.in_list("verbs", &units[k - 1].text))
            {
                return None;
            }
            k -= 1;
            while k > 0
                && matches!(
                    units[k - 1].text.as_str(),
                    "has" | "have" | "had" | "was" | "were"
                )
            {
                k -= 1;
            }
            noun_before(units, k, rules)
        }
    } else {
        np
    };
    if np.is_empty() {
        return None;
    }
    let subject = subject_key(units, &np, false, rules)?;
    // "a 1.7km underwater distance" measures the same as "travelled 1 km underwater": the
    // attribute named again as the head noun says nothing more.
    let subject = match subject.strip_suffix(attribute) {
        Some(rest) if rest.ends_with('-') && rest.len() > 1 => rest[..rest.len() - 1].to_string(),
        _ => subject,
    };
    let ev = units[ui].span.join(span_of_units(units, &np));
    Some((Slot::new(subject, attribute), rule, ev))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::Interval;

    fn rules() -> RuleSet {
        RuleSet::load(None).expect("built-in rules load")
    }

    /// Files one value of `kind` written as `written` in `text`.
    fn file(text: &str, kind: Kind, written: &str, value: &str, unit: Option<&str>) -> Vec<String> {
        let s = text.find(written).unwrap();
        let mut v = Value::new(kind, Span::new(s, s + written.len()), value);
        v.interval = Some(Interval::point(1.0));
        v.unit = unit.map(str::to_string);
        let r = rules();
        file_values(text, vec![v], &r)
            .into_iter()
            .filter(|c| c.value.kind == kind)
            .map(|c| format!("{} = {}", c.slot.key(), c.value.value))
            .collect()
    }

    #[test]
    fn money_is_the_cost_of_the_noun_it_qualifies() {
        let t = "The $100 million U.S. drone facility, opened in 2018, had been instrumental.";
        assert_eq!(
            file(t, Kind::Money, "$100 million", "USD 100000000", Some("USD")),
            ["drone-facility/cost = USD 100000000"]
        );
        let t = "The $100 million military base in Niger served as a hub.";
        assert_eq!(
            file(t, Kind::Money, "$100 million", "USD 100000000", Some("USD")),
            ["military-base/cost = USD 100000000"]
        );
    }

    #[test]
    fn money_after_a_value_word_is_a_value() {
        let t = "They signed a deal worth $5 billion on Monday.";
        assert_eq!(
            file(t, Kind::Money, "$5 billion", "USD 5000000000", Some("USD")),
            ["deal/value = USD 5000000000"]
        );
        let t = "The country receives $300 million in aid every year.";
        assert_eq!(
            file(t, Kind::Money, "$300 million", "USD 300000000", Some("USD")),
            ["aid/amount = USD 300000000"]
        );
    }

    #[test]
    fn ages_and_durations() {
        let t = "A 12-year-old girl was found alive.";
        assert_eq!(
            file(t, Kind::Duration, "12-year-old", "P12Y", None),
            ["girl/age = P12Y"]
        );
        let t = "The junta revoked a 12-year-old security pact with Washington.";
        assert_eq!(
            file(t, Kind::Duration, "12-year-old", "P12Y", None),
            ["security-pact/age = P12Y"]
        );
        let t = "The UN approved a three-month mission.";
        assert_eq!(
            file(t, Kind::Duration, "three-month", "P3M", None),
            ["mission/duration = P3M"]
        );
    }

    #[test]
    fn percentages_are_a_share_of_something() {
        let t = "Nearly 40% of voters stayed home.";
        assert_eq!(
            file(t, Kind::Percent, "40%", "~40%", None),
            ["voters/percent = ~40%"]
        );
        let t = "Officials put turnout at 62% on Sunday.";
        assert_eq!(
            file(t, Kind::Percent, "62%", "62%", None),
            ["turnout/percent = 62%"]
        );
    }

    #[test]
    fn quantities_take_their_attribute_from_the_unit() {
        let t = "The 6,825-ton ferry capsized near the coast.";
        assert_eq!(
            file(t, Kind::Quantity, "6,825-ton", "6825 t", Some("t")),
            ["ferry/weight = 6825 t"]
        );
        let t = "A magnitude 7.1 earthquake struck the region.";
        assert_eq!(
            file(t, Kind::Quantity, "magnitude 7.1", "7.1 Mw", Some("Mw")),
            ["earthquake/magnitude = 7.1 Mw"]
        );
    }

    #[test]
    fn a_year_keys_the_event() {
        // Values given by hand: the dates are "1998" and "March 2024", the counts 3,000 and 40.
        let t = "The 1998 flood that killed 3,000 was worse than the flood in March 2024 that killed 40.";
        let at = |w: &str| t.find(w).unwrap();
        let mut vals = vec![
            Value::new(Kind::Date, Span::new(at("1998"), at("1998") + 4), "1998"),
            Value::new(Kind::Count, Span::new(at("3,000"), at("3,000") + 5), "3000"),
            Value::new(
                Kind::Date,
                Span::new(at("March 2024"), at("March 2024") + 10),
                "2024-03",
            ),
            Value::new(Kind::Count, Span::new(at("40."), at("40.") + 2), "40"),
        ];
        vals.sort_by_key(|v| v.span.start);
        let r = rules();
        let got: Vec<String> = file_values(t, vals, &r)
            .iter()
            .map(|c| format!("{} = {}", c.slot.key(), c.value.value))
            .collect();
        assert_eq!(
            got,
            [
                "1998-flood/date = 1998",
                "1998-flood/killed = 3000",
                "flood/date = 2024-03",
                "people/killed = 40"
            ]
        );
    }

    #[test]
    fn counts_take_the_predicate_class() {
        let r = rules();
        let ctx = Context::default();
        let slots = |t: &str| -> Vec<String> {
            extract_sentence(t, &ctx, &r)
                .iter()
                .map(|c| c.slot.key())
                .collect()
        };
        assert_eq!(slots("Officials said 12 miners died."), ["miners/killed"]);
        assert_eq!(slots("Another 40 miners are missing."), ["miners/missing"]);
        assert_eq!(
            slots("Rescuers said 9 miners were saved."),
            ["miners/rescued"]
        );
        assert_eq!(
            slots("The ferry had 300 passengers on board."),
            ["people/aboard"]
        );
        assert_eq!(
            slots("Some 25 protesters were wounded."),
            ["protesters/injured"]
        );
    }
}
