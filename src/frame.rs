//! Claim frames (part of the extract stage): what a figure is about, read from the parse of
//! its sentence.
//!
//! In: a sentence's [`Analysis`] and the byte span of a value in it. Out: a [`Frame`]: the
//! noun the figure counts or measures, the predicate it is stated with, who holds it, where,
//! which sub-group, which phase, and whether it is negated or only planned. Two figures with
//! different frames (another candidate, another region, another round) are different facts
//! even when their slot is the same; the group and compare stages read frames for that.

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::syntax::Analysis;

/// What a figure is about. Empty fields are unknown, not "none".
// Deserialize: `check --claims` reads frames back from `extract`'s JSONL; a field left out
// there (empty) is its default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Frame {
    /// Lemma of the noun the figure counts or measures ("people", "vote", "seat").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub measured: String,
    /// Lemma of the verb or adjective that states it ("kill", "win", "aboard").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub predicate: String,
    /// Who or what the figure belongs to: the predicate's subject when it is not the counted
    /// noun itself, else the counted noun's possessor or name compound ("Macron", "the ruling party").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub holder: String,
    /// Where: a place phrase on the predicate or the counted noun ("in the state of Kerala").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// Which part of the whole: a modifier of the counted noun ("Kenyan", "child").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub subgroup: String,
    /// An ordinal phase or round near the figure ("first round", "second day").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phase: String,
    /// The year of a date that governs the figure's clause ("in 1933 ... where 29 people
    /// died"): the figure may belong to another event than the one the corpus is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The proper names in the holder, place and sub-group ("Tobago", "Trinidad",
    /// "Kenyan"): what tells one region's, one candidate's or one nation's figure from another's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// The figure counts an addition or a remainder, not the whole ("four more bodies", "14
    /// additional deaths", "the last three victims"): a part of the total, never set against it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub increment: bool,
    /// Who gives the figure: the subject of the verb of saying or finding the figure's clause
    /// depends on ("Rosselló said", "a study found that ...").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The figure is an estimate, a study's or a model's, not a count ("a study found",
    /// "the estimated toll").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub estimate: bool,
    /// Words that restrict the measure to a rate or a kind ("daily", "average", "directly").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub restrict: Vec<String>,
    /// The predicate is negated ("no one was killed", "did not win").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
    /// The figure is planned, expected or conditional ("will cost", "is expected to reach").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// Written after "the", "these", "those" ("the 20 firefighters", "the eight boys brought
    /// out"): a set the text has already introduced, often a part of a larger one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub definite: bool,
    /// A phrase of the figure's clause pointing back with "that" or "those" ("22 people died in
    /// that fire"): news points so at another event it has just cited, not at its own story.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pointed: String,
    /// The clock time its sentence gives, as a value ("XXXX-XX-XXT22:55"): a figure of a
    /// timeline's moment ("10:55: Eight officers arrive").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moment: Option<String>,
}

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "final", "last",
];
const PLACE_CASES: &[&str] = &[
    "in",
    "on",
    "at",
    "near",
    "across",
    "throughout",
    "inside",
    "outside",
];
/// Verbs of saying: their subject is the figure's source.
const SAYING: &[&str] = &[
    "say", "tell", "report", "announce", "state", "add", "claim", "confirm", "note", "explain",
    "declare", "write", "quote", "cite", "insist",
];

/// Subjects whose findings are estimates, not counts: "a study found that ...".
const ESTIMATORS: &[&str] = &[
    "study",
    "researcher",
    "scientist",
    "analysis",
    "survey",
    "estimate",
    "model",
    "projection",
    "statistician",
    "demographer",
];

/// Words that restrict a measure to a rate or to one kind of it.
const RESTRICTIONS: &[&str] = &[
    "daily",
    "weekly",
    "monthly",
    "annual",
    "yearly",
    "hourly",
    "average",
    "directly",
    "indirectly",
    "direct",
    "indirect",
];

/// Modifiers that make a count a part added to or left of a total.
const INCREMENTS: &[&str] = &[
    "more",
    "additional",
    "another",
    "further",
    "extra",
    "last",
    "remaining",
    "remain",
];
/// Words that, between a determiner and a figure, make it a part of a larger count ("the
/// latest two deaths", "the previous four").
const PARTS: &[&str] = &[
    "latest", "late", "previous", "new", "recent", "earlier", "first", "initial", "rest",
];
const PLANNING: &[&str] = &[
    "will", "would", "could", "may", "might", "shall", "must", "should", "can",
];
const PLAN_VERBS: &[&str] = &[
    "plan", "expect", "schedule", "intend", "aim", "hope", "project", "estimate", "need", "require",
];

impl Frame {
    /// Reads the frame of the value at `value` (a byte span of the analysed text). `times`
    /// are the spans of the sentence's dates and times: they are kept out of the holder and
    /// place phrases (a parse that hangs "on Monday" under "the state of Kerala" still gives
    /// the place as "in the state of Kerala").
    /// `years` are the spans of the dates among them that give a year, with that year.
    pub fn of(
        a: &Analysis,
        text: &str,
        value: Span,
        times: &[Span],
        years: &[(Span, i32)],
    ) -> Frame {
        let mut f = Frame::default();
        let (inside, top) = a.span_words(value);
        let Some(top) = top else {
            return f;
        };
        let rel = a.base_rel(top);
        let counted = match rel {
            "nummod" => a.head_of(top),
            _ if matches!(a.words[top].upos, "NOUN" | "SYM") => Some(top),
            _ => None,
        };
        // "66 percent of the vote", "$2 billion for the plant": the noun the measure is of.
        let measured = counted.map(|n| {
            let of = a.children(n).find(|&c| {
                a.base_rel(c) == "nmod" && has_case(a, c, &["of"]) && a.words[c].upos == "NOUN"
            });
            match (a.words[n].lemma.as_str(), of) {
                ("percent" | "%" | "per" | "cent" | "share", Some(o)) => o,
                _ => n,
            }
        });
        // "nineteen of the victims": a part of a set the text has already introduced, counting
        // what the set counts.
        let partitive = (counted.is_none() && a.words[top].upos == "NUM")
            .then(|| {
                a.children(top).find(|&c| {
                    a.base_rel(c) == "nmod" && has_case(a, c, &["of"]) && a.words[c].upos == "NOUN"
                })
            })
            .flatten();
        if let Some(m) = measured.or(partitive) {
            f.measured = a.words[m].lemma.to_lowercase();
        }
        let start = counted.unwrap_or(top);
        // "a state funeral for the 18 victims": the figure is of the noun it is for, whoever
        // the clause's subject is. A parser often hangs the phrase on the verb instead
        // ("applauded at a state funeral in Genoa for nineteen of the victims"): right after
        // the verb's own noun phrase, it is that noun's, as news means it.
        let for_noun = a.head_of(start).and_then(|h| {
            if !has_case(a, start, &["for"]) {
                return None;
            }
            match a.base_rel(start) {
                "nmod" if a.words[h].upos == "NOUN" => Some(h),
                "obl" => {
                    let before = subtree(a, start)[0].checked_sub(1)?;
                    a.children(h).find(|&n| {
                        n < start
                            && a.words[n].upos == "NOUN"
                            && matches!(a.base_rel(n), "obl" | "obj")
                            && subtree(a, n).last() == Some(&before)
                    })
                }
                _ => None,
            }
        });
        let pred = predicate(a, start);
        if let Some(p) = pred {
            f.predicate = a.words[p].lemma.to_lowercase();
            f.negated = a.children(p).any(|c| is_negation(a, c));
            f.planned = a.children(p).any(|c| {
                a.base_rel(c) == "aux"
                    && PLANNING.contains(&a.words[c].lemma.to_lowercase().as_str())
            }) || PLAN_VERBS.contains(&f.predicate.as_str())
                || a.head_of(p).is_some_and(|h| {
                    PLAN_VERBS.contains(&a.words[h].lemma.to_lowercase().as_str())
                });
            // The subject of a verb of saying is who says it, not whom the figure is about
            // ("Civil Protection authorities said 30 cars were on the section").
            let saying = SAYING.contains(&f.predicate.as_str());
            if saying
                && let Some(s) = a.children(p).find(|&c| a.base_rel(c) == "nsubj")
                && !contains(a, s, top)
            {
                f.source = phrase(a, text, s, times);
            }
            // The subject holds the figure unless it is the counted noun itself, or the figure
            // describes a noun of its own ("called the 800-year-old cathedral a symbol": the
            // age is the cathedral's, not the caller's).
            let describes =
                rel == "amod" && a.head_of(top).is_some_and(|h| a.words[h].upos == "NOUN");
            if !saying
                && !describes
                && let Some(s) = a.children(p).find(|&c| a.base_rel(c) == "nsubj")
                && Some(s) != counted
                && !contains(a, s, top)
            {
                let relative = a.words[s].upos == "PRON"
                    && matches!(
                        a.words[s].lemma.to_lowercase().as_str(),
                        "that" | "which" | "who"
                    )
                    && a.base_rel(p) == "acl";
                match a.head_of(p).filter(|_| relative) {
                    // "the Riverside school shooting that killed 9": the pronoun stands
                    // for its noun, named by the words before it.
                    Some(noun) => {
                        let from = a
                            .children(noun)
                            .filter(|&c| {
                                matches!(a.base_rel(c), "compound" | "amod" | "flat" | "det")
                                    && c < noun
                            })
                            .min()
                            .unwrap_or(noun);
                        let span = Span::new(a.words[from].span.start, a.words[noun].span.end);
                        f.holder = span.slice(text).to_string();
                        let mut run: Option<Span> = None;
                        for c in from..=noun {
                            let w = &a.words[c];
                            if w.upos == "PROPN"
                                && w.span.slice(text).starts_with(char::is_uppercase)
                            {
                                run = Some(run.map_or(w.span, |r| r.join(w.span)));
                            } else if let Some(r) = run.take() {
                                push_name(&mut f.names, r.slice(text));
                            }
                        }
                        if let Some(r) = run {
                            push_name(&mut f.names, r.slice(text));
                        }
                    }
                    None => {
                        f.holder = phrase(a, text, s, times);
                        names_in(a, text, s, times, &mut f.names);
                    }
                }
            }
            // No subject of its own: "the spire was made of wood and was built in 1860"
            // shares the first verb's subject; "the hall, built in 1420" is said of its noun.
            if !saying
                && f.holder.is_empty()
                && !a.children(p).any(|c| a.base_rel(c) == "nsubj")
                && let Some(h) = a.head_of(p)
            {
                // "the roof of the building, built between ...": a participle after a noun
                // and a comma, with no auxiliary, is said of that noun, whatever clause the
                // parse hung it on.
                let participle = (p >= 2
                    && a.words[p].xpos == "VBN"
                    && !a.children(p).any(|c| a.base_rel(c) == "aux")
                    && a.words[p - 1].span.slice(text) == ","
                    && a.words[p - 2].upos == "NOUN"
                    && !contains(a, p - 2, top))
                .then_some(p - 2);
                let holder = participle.or_else(|| match a.base_rel(p) {
                    "conj" => a
                        .children(h)
                        .find(|&c| a.base_rel(c) == "nsubj")
                        .filter(|&s| a.words[s].upos != "PRON" && !contains(a, s, top)),
                    // The noun's subtree holds the clause and so the figure: only the noun
                    // itself must not be the figure.
                    "acl" if a.words[h].upos == "NOUN" && h != top => Some(h),
                    _ => None,
                });
                if let Some(s) = holder.filter(|&s| Some(s) != counted) {
                    let from = a
                        .children(s)
                        .filter(|&c| matches!(a.base_rel(c), "compound" | "amod") && c < s)
                        .min()
                        .unwrap_or(s);
                    f.holder = Span::new(a.words[from].span.start, a.words[s].span.end)
                        .slice(text)
                        .to_string();
                }
            }
        }
        if let Some(n) = for_noun {
            f.predicate = a.words[n].lemma.to_lowercase();
            f.holder.clear();
            f.names.clear();
        }
        if let Some(n) = counted {
            f.negated |= a.children(n).any(|c| is_negation(a, c));
            if f.holder.is_empty()
                && let Some(p) = a.children(n).find(|&c| a.words[c].deprel == "nmod:poss")
            {
                f.holder = phrase(a, text, p, times);
                names_in(a, text, p, times, &mut f.names);
            }
            let sub: Vec<String> = a
                .children(n)
                .filter(|&c| {
                    (a.base_rel(c) == "amod" && a.words[c].upos == "ADJ"
                        || a.base_rel(c) == "compound")
                        && !ORDINALS.contains(&a.words[c].lemma.to_lowercase().as_str())
                })
                .map(|c| a.words[c].span.slice(text).to_string())
                .collect();
            f.subgroup = sub.join(" ");
            for c in a.children(n) {
                let w = &a.words[c];
                let capital = w.span.slice(text).starts_with(|ch: char| ch.is_uppercase());
                if matches!(a.base_rel(c), "amod" | "compound")
                    && (w.upos == "PROPN" || (w.upos == "ADJ" && capital))
                {
                    push_name(&mut f.names, w.span.slice(text));
                }
            }
        }
        // Words that make the figure a part added to or left of a total. The value's own words
        // ("more than 1,000") are not among them.
        let part_of = |c: usize| {
            !a.words[c].span.overlaps(value)
                && matches!(a.base_rel(c), "amod" | "advmod" | "det")
                && INCREMENTS.contains(&a.words[c].lemma.to_lowercase().as_str())
        };
        f.increment =
            a.children(top).any(part_of) || counted.is_some_and(|n| a.children(n).any(part_of));
        if let Some(first) = inside.iter().copied().min()
            && first >= 1
        {
            let before = a.words[first - 1].span.slice(text).to_lowercase();
            f.definite = matches!(before.as_str(), "the" | "these" | "those");
        }
        f.definite |= partitive.is_some();
        // "the remaining four boys", "the latest two reported deaths", "the previous four
        // fatalities": read from the words themselves too, as parsers often miss them.
        let first = inside.iter().copied().min().unwrap_or(top);
        if first >= 2 {
            let before = a.words[first - 1].lemma.to_lowercase();
            let det = a.words[first - 2].span.slice(text).to_lowercase();
            if (INCREMENTS.contains(&before.as_str()) || PARTS.contains(&before.as_str()))
                && matches!(
                    det.as_str(),
                    "the" | "its" | "their" | "these" | "those" | "his" | "her"
                )
            {
                f.increment = true;
            }
        }
        // Where: on the predicate, the counted noun, or a clause on the counted noun ("eight
        // people who drowned in Toa Baja").
        let relative: Vec<usize> = counted
            .map(|n| a.children(n).filter(|&c| a.base_rel(c) == "acl").collect())
            .unwrap_or_default();
        // The counted noun's own phrase first: it is the more specific ("64 people in
        // Trinidad and 31 in Tobago" may hang Tobago on the verb).
        let anchors: Vec<usize> = [counted, pred]
            .into_iter()
            .flatten()
            .chain(relative)
            .collect();
        let place_phrase = |c: usize| {
            matches!(a.base_rel(c), "obl" | "nmod")
                && a.words[c].upos != "NUM"
                && has_case(a, c, PLACE_CASES)
                && subtree(a, c)
                    .iter()
                    .any(|&w| a.words[w].upos == "PROPN" || a.words[w].upos == "NOUN")
                && !contains(a, c, top)
        };
        for &anchor in &anchors {
            if !f.place.is_empty() {
                break;
            }
            if let Some(c) = a.children(anchor).find(|&c| place_phrase(c)) {
                f.place = phrase(a, text, c, times);
                names_in(a, text, c, times, &mut f.names);
            }
        }
        // "killed as a result of floods in the suburbs of X": a named place the parse hung on
        // the predicate's cause or manner phrase still says where it happened.
        if f.place.is_empty()
            && let Some(p) = pred
            && let Some(c) = a
                .children(p)
                .filter(|&o| {
                    a.base_rel(o) == "obl" && !has_case(a, o, PLACE_CASES) && !contains(a, o, top)
                })
                .flat_map(|o| a.children(o))
                .find(|&c| {
                    // Not "on" or "at": under a phrase they mostly say where a thing is written
                    // or kept ("according to a posting on the sheriff's page").
                    place_phrase(c)
                        && !has_case(a, c, &["on", "at"])
                        && subtree(a, c).iter().any(|&w| a.words[w].upos == "PROPN")
                })
        {
            f.place = phrase(a, text, c, times);
            names_in(a, text, c, times, &mut f.names);
        }
        // "in that fire", "during those storms": a phrase of the predicate or the counted noun
        // whose noun is pointed at with a distal demonstrative.
        for anchor in [pred, counted].into_iter().flatten() {
            if let Some(c) = a.children(anchor).find(|&c| {
                matches!(a.base_rel(c), "obl" | "nmod")
                    && a.words[c].upos == "NOUN"
                    && a.children(c).any(|d| {
                        a.base_rel(d) == "det"
                            && matches!(
                                a.words[d].span.slice(text).to_lowercase().as_str(),
                                "that" | "those"
                            )
                    })
                    && !times.iter().any(|t| t.overlaps(a.words[c].span))
            }) {
                f.pointed = format!("that {}", a.words[c].lemma.to_lowercase());
                break;
            }
        }
        // An ordinal on the predicate's or the counted noun's phrases: "in the first round".
        let near: Vec<usize> = [pred, counted]
            .into_iter()
            .flatten()
            .flat_map(|x| std::iter::once(x).chain(a.children(x)))
            .collect();
        for &x in &near {
            if let Some(o) = a.children(x).find(|&c| {
                ORDINALS.contains(&a.words[c].lemma.to_lowercase().as_str())
                    && a.base_rel(c) == "amod"
            }) {
                f.phase = format!(
                    "{} {}",
                    a.words[o].span.slice(text).to_lowercase(),
                    a.words[x].lemma.to_lowercase()
                );
                break;
            }
        }
        // A measure written on a thing's noun ("the $100 million facility, opened in 2018")
        // describes that thing; the thing's own date does not make the figure another event.
        let describes_thing = counted == Some(top)
            && matches!(rel, "compound" | "amod" | "nmod")
            && a.head_of(top).is_some_and(|h| a.words[h].upos == "NOUN");
        if !describes_thing {
            f.year = governing_year(a, top, years);
        }
        // Who gives it: climb from the figure's clause through clauses of saying or finding.
        let mut clause = pred;
        let mut steps = 0;
        while let Some(c) = clause
            && steps < 4
        {
            steps += 1;
            let Some(h) = a.head_of(c) else { break };
            if !matches!(a.base_rel(c), "ccomp" | "xcomp" | "parataxis" | "advcl") {
                break;
            }
            if let Some(s) = a.children(h).find(|&x| a.base_rel(x) == "nsubj") {
                f.source = phrase(a, text, s, times);
                if ESTIMATORS.contains(&a.words[s].lemma.to_lowercase().as_str()) {
                    f.estimate = true;
                    names_in(a, text, s, times, &mut f.names);
                }
                break;
            }
            clause = Some(h);
        }
        // "according to a new study": the source in a phrase of the figure's clause.
        if let Some(p) = pred
            && let Some(o) = a.children(p).find(|&c| {
                a.base_rel(c) == "obl"
                    && a.children(c).any(|k| {
                        a.base_rel(k) == "case"
                            && matches!(
                                a.words[k].lemma.to_lowercase().as_str(),
                                "according" | "accord"
                            )
                    })
            })
        {
            f.source = phrase(a, text, o, times);
            if ESTIMATORS.contains(&a.words[o].lemma.to_lowercase().as_str()) {
                f.estimate = true;
                names_in(a, text, o, times, &mut f.names);
            }
        }
        // "..., according to a new study", wherever the parse hangs the phrase, as long as it
        // is in the figure's clause.
        if !f.estimate
            && let Some(o) = (0..a.words.len()).find(|&w| {
                ESTIMATORS.contains(&a.words[w].lemma.to_lowercase().as_str())
                    && a.children(w).any(|k| {
                        matches!(
                            a.words[k].lemma.to_lowercase().as_str(),
                            "according" | "accord"
                        )
                    })
                    && in_clause_of(a, value, w)
            })
        {
            f.estimate = true;
            f.source = phrase(a, text, o, times);
            names_in(a, text, o, times, &mut f.names);
        }
        // "the estimated toll of 1,400", "the average number of daily deaths ... 117": words
        // on the figure's chain of heads, on its counted noun's clause, and on the subject.
        let mut near_words: Vec<usize> = Vec::new();
        let mut chain = vec![top];
        let mut at = a.head_of(top);
        while let Some(h) = at
            && chain.len() < 8
        {
            chain.push(h);
            if Some(h) == pred && a.words[h].upos == "VERB" && a.base_rel(h) != "acl" {
                break;
            }
            at = a.head_of(h);
        }
        for &x in &chain {
            // A figure inside a study's finding, even where the parse misses the clause.
            if x != top
                && a.words[x].upos == "NOUN"
                && ESTIMATORS.contains(&a.words[x].lemma.to_lowercase().as_str())
                && a.words[x].span.end <= value.start
            {
                f.estimate = true;
            }
            near_words.push(x);
            near_words.extend(a.children(x));
        }
        if let Some(n) = counted {
            near_words.extend(a.children(n));
            for c in a.children(n).filter(|&c| a.base_rel(c) == "acl") {
                for g in a.children(c) {
                    near_words.push(g);
                    near_words.extend(a.children(g));
                }
            }
        }
        if let Some(p) = pred
            && let Some(s) = a.children(p).find(|&x| a.base_rel(x) == "nsubj")
        {
            near_words.push(s);
            near_words.extend(a.children(s));
            near_words.extend(a.children(s).flat_map(|c| a.children(c)));
        }
        for &w in &near_words {
            if a.words[w].span.overlaps(value) {
                continue;
            }
            let lemma = a.words[w].lemma.to_lowercase();
            let estimating = matches!(
                lemma.as_str(),
                "estimate" | "estimated" | "projected" | "calculate" | "extrapolate"
            );
            // "the estimated toll"; "a study estimated that 4,645 died", however the
            // parse hangs the verb, as long as it comes before the figure.
            if estimating
                && (matches!(a.base_rel(w), "amod" | "nsubj" | "compound")
                    || a.words[w].upos == "VERB" && a.words[w].span.end <= value.start)
            {
                f.estimate = true;
            }
            if RESTRICTIONS.contains(&lemma.as_str()) && !f.restrict.contains(&lemma) {
                f.restrict.push(lemma);
            }
        }
        f
    }
}

/// The year of a date attached to the figure's own word or to one of its ancestors: a date
/// that scopes the clause the figure is stated in ("the fire of 1933, where 29 died"), not
/// one in a side phrase ("85 dead, the most since 1985" hangs "1985" under "most").
fn governing_year(a: &Analysis, top: usize, years: &[(Span, i32)]) -> Option<i32> {
    if years.is_empty() {
        return None;
    }
    let mut ancestors = vec![top];
    ancestors.extend(a.ancestors(top));
    // The year attached nearest the figure on its chain of heads wins ("27 killed at a school
    // in 2012 and the massacre in 2007 in which 32 died": 32 is 2007's).
    let mut best: Option<(usize, i32)> = None;
    for &(span, year) in years {
        // The date's top word, and the word it hangs from.
        let (inside, dtop) = a.span_words(span);
        let Some(dtop) = dtop else {
            continue;
        };
        if inside.contains(&top) {
            continue;
        }
        let Some(h) = a.head_of(dtop) else { continue };
        let mut at = ancestors.iter().position(|&x| x == h);
        // "the school shooting in 2012 that killed 27": the date on a modifier of the noun
        // whose relative clause states the figure dates that noun's event too.
        if at.is_none()
            && matches!(a.base_rel(h), "acl" | "amod" | "compound" | "nmod")
            && let Some(g) = a.head_of(h)
            && matches!(a.words[g].upos, "NOUN" | "PROPN")
            && let Some(k) = ancestors.iter().position(|&x| x == g)
            && k > 0
            && a.base_rel(ancestors[k - 1]) == "acl"
        {
            at = Some(k);
        }
        if let Some(k) = at
            && best.is_none_or(|(b, _)| k < b)
        {
            best = Some((k, year));
        }
    }
    best.map(|(_, y)| y)
}

/// Whether word `w` belongs to the clause that states the value at `value`: `w` is the value's
/// word or an ancestor, or hangs from one without passing through another clause. A hedge
/// there ("reportedly killed", "may have died") hedges the figure; one in a clause beside it
/// ("... began at 5.50pm, with police saying it could be linked to the works") does not.
pub fn in_clause_of(a: &Analysis, value: Span, w: usize) -> bool {
    let (inside, top) = a.span_words(value);
    let Some(top) = top else {
        return true;
    };
    let mut chain = a.ancestors(top);
    chain.push(top);
    let mut x = w;
    for _ in 0..=a.words.len() {
        if chain.contains(&x) || inside.contains(&x) {
            return true;
        }
        if x != w
            && matches!(
                a.base_rel(x),
                "ccomp" | "advcl" | "conj" | "parataxis" | "acl" | "csubj"
            )
        {
            return false;
        }
        match a.head_of(x) {
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

/// Whether the date at `value` is the date of the event word `e` by the parse: `e` governs
/// the date ("the coup in July", "the ferry sank on 12 February", "the fire, which began at
/// 5.50pm"), is the date's own phrase, or is the subject or object of the verb the date is on
/// ("an earthquake struck the region in March"). A word deeper in another phrase of that verb
/// ("found the bodies in the wreckage of the collapsed bridge on Sunday") is not.
pub fn dates_event(a: &Analysis, value: Span, e: usize) -> bool {
    let (inside, top) = a.span_words(value);
    if inside.contains(&e) {
        return true;
    }
    let Some(top) = top else {
        return true;
    };
    let chain = a.ancestors(top);
    if chain.contains(&e) || contains(a, top, e) {
        return true;
    }
    // "seized power in a coup in July 2023": a phrase right after the event noun may hang on
    // the verb or the noun, and a parser picks one; the nearest noun is the reading news means.
    let first = inside.iter().copied().min().unwrap_or(top);
    if e < first
        && (e + 1..first).all(|w| matches!(a.words[w].upos, "ADP" | "DET"))
        && a.words[e].upos == "NOUN"
    {
        return true;
    }
    a.head_of(e).is_some_and(|h| chain.contains(&h))
        && (matches!(a.base_rel(e), "nsubj" | "obj" | "csubj")
            // "broke apart and fell": what dates a verb dates the verbs conjoined to it.
            || a.base_rel(e) == "conj" && a.words[e].upos == "VERB")
}

/// The runs of proper nouns in `i`'s phrase ("the island of Tobago" gives "Tobago"),
/// leaving out dates and times.
fn names_in(a: &Analysis, text: &str, i: usize, times: &[Span], out: &mut Vec<String>) {
    let mut run: Option<Span> = None;
    let mut words = subtree(a, i);
    words.retain(|&w| !times.iter().any(|t| t.overlaps(a.words[w].span)));
    for (k, &w) in words.iter().enumerate() {
        let adjacent = k > 0 && words[k - 1] + 1 == w;
        let written = a.words[w].span.slice(text);
        // "Southern California": a capitalized adjective inside a name is part of it.
        let capital_adj = a.words[w].upos == "ADJ"
            && written.starts_with(|c: char| c.is_uppercase())
            && a.words[w].span.start > 0;
        // A tagger's PROPN on a lowercase word ("the hurricane") is no name.
        let proper = a.words[w].upos == "PROPN" && !written.starts_with(|c: char| c.is_lowercase());
        if proper || capital_adj {
            let sp = a.words[w].span;
            run = match run {
                Some(r) if adjacent => Some(Span::new(r.start, sp.end)),
                Some(r) => {
                    push_name(out, r.slice(text));
                    Some(sp)
                }
                None => Some(sp),
            };
        } else if let Some(r) = run.take() {
            push_name(out, r.slice(text));
        }
    }
    if let Some(r) = run {
        push_name(out, r.slice(text));
    }
}

fn push_name(out: &mut Vec<String>, name: &str) {
    let name = name.trim_end_matches(['\'', '’']).trim_end_matches("'s");
    if !name.is_empty() && !out.iter().any(|n| n == name) {
        out.push(name.to_string());
    }
}

/// The nearest verb or adjective at or above `i` (the clause the figure is stated in).
fn predicate(a: &Analysis, i: usize) -> Option<usize> {
    let mut at = a.head_of(i);
    let mut steps = 0;
    while let Some(h) = at {
        if matches!(a.words[h].upos, "VERB" | "ADJ") || a.words[h].head == 0 {
            return Some(h);
        }
        at = a.head_of(h);
        steps += 1;
        if steps > a.words.len() {
            break;
        }
    }
    None
}

fn is_negation(a: &Analysis, c: usize) -> bool {
    let l = a.words[c].lemma.to_lowercase();
    (a.base_rel(c) == "advmod" && matches!(l.as_str(), "not" | "never"))
        || (a.base_rel(c) == "det" && l == "no")
}

pub(crate) fn has_case(a: &Analysis, i: usize, cases: &[&str]) -> bool {
    a.children(i).any(|c| {
        a.base_rel(c) == "case" && cases.contains(&a.words[c].lemma.to_lowercase().as_str())
    })
}

/// Word `i` and everything below it, in order.
fn subtree(a: &Analysis, i: usize) -> Vec<usize> {
    let mut out = vec![i];
    let mut k = 0;
    while k < out.len() {
        let x = out[k];
        out.extend(a.children(x));
        k += 1;
        if out.len() > a.words.len() {
            break;
        }
    }
    out.sort_unstable();
    out
}

fn contains(a: &Analysis, i: usize, j: usize) -> bool {
    subtree(a, i).contains(&j)
}

/// The text of `i`'s phrase without leading determiners, punctuation, clauses and date or time
/// phrases (`times`), at most 8 words.
fn phrase(a: &Analysis, text: &str, i: usize, times: &[Span]) -> String {
    let mut cut: Vec<usize> = Vec::new();
    for w in subtree(a, i) {
        let timed = times.iter().any(|t| t.overlaps(a.words[w].span));
        if w != i && (timed || matches!(a.base_rel(w), "acl" | "advcl" | "appos")) {
            cut.extend(subtree(a, w));
        }
    }
    let words: Vec<usize> = subtree(a, i)
        .into_iter()
        .filter(|&w| a.words[w].upos != "PUNCT" && !cut.contains(&w))
        .collect();
    let words: Vec<usize> = words
        .into_iter()
        .skip_while(|&w| a.words[w].upos == "DET")
        .take(8)
        .collect();
    let (Some(&s), Some(&e)) = (words.first(), words.last()) else {
        return String::new();
    };
    Span::new(a.words[s].span.start, a.words[e].span.end)
        .slice(text)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax;

    fn frame(sentence: &str, value: &str) -> Frame {
        let model = syntax::model().unwrap();
        let a = model.analyze(sentence, &mut syntax::Scratch::default());
        let s = sentence.find(value).unwrap();
        Frame::of(&a, sentence, Span::new(s, s + value.len()), &[], &[])
    }

    #[test]
    fn a_count_of_people_killed_in_a_place() {
        let f = frame("Five people died in the state of Kerala.", "Five");
        assert_eq!(f.measured, "people");
        assert_eq!(f.predicate, "die");
        assert_eq!(f.place, "in the state of Kerala");
        assert!(!f.negated && !f.planned);
    }

    #[test]
    fn the_possessor_holds_the_seats() {
        let f = frame("Macron's party won 308 seats.", "308");
        assert_eq!(f.measured, "seat");
        assert_eq!(f.predicate, "win");
        assert_eq!(f.holder, "Macron's party");
    }

    #[test]
    fn one_candidate_share_is_not_the_other() {
        let a = frame(
            "The opposition candidate received 34 percent of the votes.",
            "34",
        );
        assert_eq!(a.measured, "vote");
        assert_eq!(a.holder, "opposition candidate");
    }

    #[test]
    fn a_nationality_is_a_subgroup() {
        let f = frame("Rescuers found 14 Kenyan passengers.", "14");
        assert_eq!(f.measured, "passenger");
        assert_eq!(f.subgroup, "Kenyan");
    }
}
