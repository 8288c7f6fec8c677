//! Stage 6b, compare the values of each fact: the claim graph's groups in, [`Finding`]s (the
//! report's rows) and agreements out.
//!
//! Inside a group the claims are gathered by value ([`ValueSide`]: every source stating one
//! value), and each pair of distinct values is assessed ([`super::assess`]). A pair stated by
//! one source only is not a disagreement between sources; a running total that rises from one
//! day's sources to a later day's is an update, and of the updates only the steps of its
//! timeline are reported (k values of a rising toll make k-1 rows, not k(k-1)/2). This is where
//! "why were these two compared" is decided; `commands/check.rs` only wires the stages.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::{Assessment, Policy, Side, Verdict};
use crate::group::{self, ClaimGraph, Record};
use crate::recognize::Kind;
use crate::report::{AgreementRow, ConflictRow, Relation, Severity, Status};
use crate::rules::RuleSet;

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
    /// The two values' indices among the group's distinct values (lower first).
    pub sides: (usize, usize),
    /// The row's source lists, when they were packed ([`SourceNames::pack`]): then the row's
    /// own are empty.
    pub sources: Option<Box<PackedSources>>,
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
pub fn compare_groups(
    records: &[Record],
    graph: &ClaimGraph,
    rules: &RuleSet,
) -> (Vec<Finding>, Vec<AgreementRow>) {
    compare_groups_packed(records, graph, rules, None)
}

/// [`compare_groups`]; with `names`, each finding's source lists are packed and its sides
/// dropped as soon as its group is compared: the rows of one big story, each naming thousands
/// of sources, would otherwise all be held as text at once.
pub fn compare_groups_packed(
    records: &[Record],
    graph: &ClaimGraph,
    rules: &RuleSet,
    names: Option<&SourceNames>,
) -> (Vec<Finding>, Vec<AgreementRow>) {
    let per_group: Vec<(Vec<Finding>, Option<AgreementRow>)> = graph
        .groups
        .par_iter()
        .enumerate()
        .filter(|(_, g)| g.sources >= 2)
        .map(|(gi, g)| {
            let (mut findings, agreement) = compare_group(records, gi, g, rules);
            if let Some(names) = names {
                for f in &mut findings {
                    f.sources = Some(names.pack(&mut f.row));
                    f.side_a = Vec::new();
                    f.side_b = Vec::new();
                }
            }
            (findings, agreement)
        })
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
    // The largest figure of the fact: the whole a definite smaller set may be a part of.
    let group_max = group
        .members
        .iter()
        .filter_map(|&m| records[m].claim.value.interval)
        .map(|i| if i.hi.is_finite() { i.hi } else { i.lo })
        .fold(f64::NEG_INFINITY, f64::max);
    let running = super::is_running_total(&first.slot.subject, &first.slot.attribute);
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
    let fact = fact_id(&group.slot, first.value.kind.as_str(), &group.qualifier);
    // A slot split by qualifiers gives each part its own conflict ids; the main part keeps
    // the ids it always had, so reviewers' verdicts carry over.
    let id_slot = if group.qualifier.is_empty() {
        group.slot.clone()
    } else {
        format!("{}@{}", group.slot, group.qualifier)
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
            let mut r = super::assess(
                &side_of(records, &sides[i]),
                &side_of(records, &sides[j]),
                &policy_for(i, j, ambiguous),
            );
            if r.verdict == Verdict::Conflict && first.value.kind != Kind::Name {
                cap_by_identity(&mut r, identity(records, &sides[i], &sides[j], rules));
                cap_part(records, (group_max, running), &sides[i], &sides[j], &mut r);
            }
            if r.verdict != Verdict::Agree {
                all_agree = false;
            }
            if r.verdict == Verdict::Conflict {
                findings.push(Finding {
                    row: row(
                        records,
                        (&group.slot, &id_slot, &fact),
                        &sides[i],
                        &sides[j],
                        &srcs[i],
                        &srcs[j],
                        &r,
                    ),
                    group: gi,
                    side_a: sides[i].members.clone(),
                    side_b: sides[j].members.clone(),
                    sources: None,
                    assessment: r,
                    sides: (i, j),
                });
            }
        }
    }
    if running {
        timeline_steps(&mut findings);
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
            evidence: rep.sentence.to_string(),
            story: String::new(),
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

/// How surely two values' claims state one fact, from their frames.
#[derive(Clone, Debug, PartialEq)]
enum Identity {
    /// They share the counted noun, the verb or the holder, and differ in none.
    Clear(String),
    /// They share one of those and differ in another.
    Mixed(String),
    /// They share none: only the slot's words join them.
    Weak,
}

/// The best evidence between a few claims of each side that they state one fact.
/// Words that make a date a reference point rather than the date of the event it is near.
const REFERENCE_POINT: &[&str] = &["since", "before", "after", "until", "than", "prior"];

/// A slot pattern (a rule naming the fact's own wording) is clear evidence by itself.
fn identity(records: &[Record], a: &ValueSide, b: &ValueSide, rules: &RuleSet) -> Identity {
    let mut best = Identity::Weak;
    for &x in a.members.iter().take(4) {
        for &y in b.members.iter().take(4) {
            let (cx, cy) = (&records[x].claim, &records[y].claim);
            if cx.rule == cy.rule && rules.rule(crate::rules::Section::Slot, &cx.rule).is_some() {
                return Identity::Clear(format!("slot pattern {}", cx.rule));
            }
            // A date written on its event noun ("the coup in July 2023") says which fact it
            // dates; one after "since" or "before" is a reference point, not the event's date.
            let on_event = |r: &Record| {
                r.claim.rule == "event-date"
                    && matches!(r.claim.value.kind, Kind::Date | Kind::Time)
                    && !r
                        .words
                        .to_lowercase()
                        .split_whitespace()
                        .any(|w| REFERENCE_POINT.contains(&w))
            };
            // "the building, built between the twelfth and fourteenth century" and "the spire
            // was built in the 19th century": one event word, said of two things.
            let holder_words = |h: &str| -> Vec<String> {
                h.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.len() > 2 && !matches!(*w, "the" | "its" | "their" | "this"))
                    .map(str::to_lowercase)
                    .collect()
            };
            let (hx, hy) = (
                holder_words(&cx.frame.holder),
                holder_words(&cy.frame.holder),
            );
            if matches!(cx.value.kind, Kind::Date | Kind::Time)
                && !hx.is_empty()
                && !hy.is_empty()
                && !hx.iter().any(|w| hy.contains(w))
            {
                continue;
            }
            if on_event(&records[x]) && on_event(&records[y]) {
                return Identity::Clear(format!(
                    "event noun the dates are written on ({})",
                    cx.slot.subject
                ));
            }
            // An age filed under a person's name ("73-year-old Carl Wiley", "Wiley, 77") is
            // that person's: the name says whose it is.
            let named = |r: &Record| {
                r.claim.value.kind == Kind::Age
                    && r.claim.slot.subject.split('-').all(|part| {
                        r.words.split(|c: char| !c.is_alphanumeric()).any(|w| {
                            w.eq_ignore_ascii_case(part) && w.starts_with(char::is_uppercase)
                        })
                    })
            };
            if named(&records[x]) && named(&records[y]) {
                return Identity::Clear(format!("person named ({})", cx.slot.subject));
            }
            let (fx, fy) = (&cx.frame, &cy.frame);
            let mut shared = Vec::new();
            let mut differ = Vec::new();
            for (what, p, q) in [
                ("counted noun", &fx.measured, &fy.measured),
                ("verb", &fx.predicate, &fy.predicate),
                ("holder", &fx.holder, &fy.holder),
            ] {
                if p.is_empty() || q.is_empty() {
                    continue;
                }
                if p.eq_ignore_ascii_case(q) {
                    shared.push(format!("{what} \"{p}\""));
                } else if what != "holder" {
                    differ.push(format!("{what} \"{p}\" / \"{q}\""));
                }
            }
            // One agent doing two things ("investigators found 20 firearms" / "searched his
            // home and recovered 42") says nothing about the figures being one; the event
            // itself as holder ("the fire destroyed ...", "the fire incinerated ...") does.
            let event_holder = fx
                .holder
                .rsplit(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .is_some_and(|w| {
                    let w = w.to_lowercase();
                    rules.in_list("event-nouns", &rules.canonical(&w))
                        || rules.in_list("event-nouns", &w)
                });
            // So does the figure's own name ("the death toll jumps to 48" / "stood at 85").
            let total_holder = super::is_running_total(&fx.holder.to_lowercase(), "");
            let only_holder = shared.len() == 1
                && shared[0].starts_with("holder")
                && !event_holder
                && !total_holder;
            let found = match (
                shared.is_empty() || only_holder && !differ.is_empty(),
                differ.is_empty(),
            ) {
                (true, _) => Identity::Weak,
                (false, true) => Identity::Clear(shared.join(", ")),
                (false, false) => Identity::Mixed(format!(
                    "share {} but differ in {}",
                    shared.join(", "),
                    differ.join(", ")
                )),
            };
            best = match (&best, found) {
                (Identity::Clear(_), _) => best,
                (_, c @ Identity::Clear(_)) => return c,
                (Identity::Weak, m @ Identity::Mixed(_)) => m,
                (_, _) => best,
            };
        }
    }
    best
}

/// A count that may be a part of the other side's: such a pair is `low`, a lead for a
/// reviewer rather than a disagreement. The smaller count is a part when
/// - it is written as a set the text has already introduced ("the 4 boys", "the eight boys
///   brought out") and is below the largest count of its fact (the whole it was introduced
///   from), unless the other side is that whole and definite too ("the 12 boys");
/// - or it is of a place the other side does not name ("20 firefighters climbed inside the
///   towers" against "400 firefighters worked through the night", "23 firearms in his hotel
///   room" against "42 firearms"), and the two are not near (a third apart or more). Not for
///   a running total, whose figures are often stated "in" the story's setting or event.
fn cap_part(
    records: &[Record],
    (group_max, running): (f64, bool),
    a: &ValueSide,
    b: &ValueSide,
    r: &mut Assessment,
) {
    let counts = |s: &ValueSide| {
        s.members
            .iter()
            .all(|&m| records[m].claim.value.kind == Kind::Count)
    };
    if !counts(a) || !counts(b) || r.severity == Severity::Low {
        return;
    }
    let definite = |s: &ValueSide| s.members.iter().all(|&m| records[m].claim.frame.definite);
    let placed = |s: &ValueSide| {
        s.members
            .iter()
            .all(|&m| !records[m].claim.frame.place.is_empty())
    };
    let unplaced = |s: &ValueSide| {
        s.members
            .iter()
            .all(|&m| records[m].claim.frame.place.is_empty())
    };
    let highest = |s: &ValueSide| {
        s.members
            .iter()
            .filter_map(|&m| records[m].claim.value.interval.map(|i| i.hi))
            .fold(f64::NEG_INFINITY, f64::max)
    };
    let (small, large) = if highest(a) < highest(b) {
        (a, b)
    } else {
        (b, a)
    };
    let whole_definite = definite(large) && highest(large) >= group_max;
    let why = if definite(small) && highest(small) < group_max && !whole_definite {
        "the smaller figure is written as a set already introduced (\"the 20 firefighters\"), below the largest figure of this fact: it may be a part of it"
    } else if !running && placed(small) && unplaced(large) && highest(large) >= 1.5 * highest(small)
    {
        "the smaller figure is of a place the other does not name: it may be a part of it"
    } else {
        return;
    };
    r.severity = Severity::Low;
    r.reasons.push(format!("lowered to low: {why}"));
}

/// A pair whose identity rests on weak evidence is `low` whatever the gap; on mixed evidence
/// at most `medium`.
fn cap_by_identity(r: &mut Assessment, id: Identity) {
    let (cap, why) = match id {
        Identity::Clear(shared) => {
            r.reasons
                .push(format!("one fact: the claims share the {shared}"));
            return;
        }
        Identity::Mixed(why) => (Severity::Medium, format!("the claims {why}")),
        Identity::Weak => (
            Severity::Low,
            "the claims share no counted noun, verb or holder: only the slot joins them"
                .to_string(),
        ),
    };
    if r.severity > cap {
        r.severity = cap;
        r.reasons
            .push(format!("lowered to {}: {why}", super::sev_name(cap)));
    }
}

/// The stable id of a fact: a hash of its slot, kind and qualifier, so a fact keeps its id
/// from run to run while sources come and go.
pub fn fact_id(slot: &str, kind: &str, qualifier: &str) -> String {
    let mut h = blake3::Hasher::new_derive_key("claimdiff fact id v1");
    for part in [slot, kind, qualifier] {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    h.finalize().to_hex()[..12].to_string()
}

/// Keeps of a running total's updates only the steps of its timeline: an update from value
/// `i` to `k` is dropped when the timeline passes through a `j` between them (`i`→`j` and
/// `j`→`k` are updates too), so 9, 23, 42 and 85 dead on four days make three rows, not six.
/// Conflicts are all kept.
fn timeline_steps(findings: &mut Vec<Finding>) {
    let updates: BTreeSet<(usize, usize)> = findings
        .iter()
        .filter(|f| f.row.relation == Relation::Update)
        .map(|f| f.sides)
        .collect();
    if updates.len() < 3 {
        return;
    }
    let mut from: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(i, k) in &updates {
        from.entry(i).or_default().push(k);
    }
    findings.retain(|f| {
        if f.row.relation != Relation::Update {
            return true;
        }
        let (i, k) = f.sides;
        !from
            .get(&i)
            .is_some_and(|js| js.iter().any(|&j| j != k && updates.contains(&(j, k))))
    });
}

fn row(
    records: &[Record],
    (slot, id_slot, fact): (&str, &str, &str),
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
        id: conflict_id(id_slot, kind, &a.key, &b.key),
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
        evidence_a: ra.sentence.to_string(),
        evidence_b: rb.sentence.to_string(),
        location_a: ra.location.clone(),
        location_b: rb.location.clone(),
        rule: rules.into_iter().collect::<Vec<_>>().join(";"),
        note: String::new(),
        relation: r.relation,
        fact: fact.to_string(),
        story: String::new(),
    }
}

pub fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::Conflict => "conflict",
        Relation::Update => "update",
    }
}

/// Distinct sources a row names, counted once per row, not at each comparison: a row of a
/// big corpus names thousands.
fn voices(a: &str, b: &str) -> usize {
    a.split(';')
        .chain(b.split(';'))
        .collect::<BTreeSet<_>>()
        .len()
}

/// Rows in report order: most severe first, then those more sources disagree on, then by
/// slot, fact and id (a fact's rows stay together).
pub fn rows_in_order(findings: &[Finding]) -> Vec<ConflictRow> {
    let mut rows: Vec<(usize, ConflictRow)> = findings
        .iter()
        .map(|f| (voices(&f.row.sources_a, &f.row.sources_b), f.row.clone()))
        .collect();
    rows.sort_by(|(va, a), (vb, b)| order(*va, a, *vb, b));
    rows.into_iter().map(|(_, r)| r).collect()
}

fn order(va: usize, a: &ConflictRow, vb: usize, b: &ConflictRow) -> std::cmp::Ordering {
    b.severity
        .cmp(&a.severity)
        .then(vb.cmp(&va))
        .then(a.slot.cmp(&b.slot))
        .then(a.fact.cmp(&b.fact))
        .then(a.story.cmp(&b.story))
        .then(a.id.cmp(&b.id))
}

/// The rows of the report in its order ([`rows_in_order`]), taken from the findings, their
/// source lists left packed until a row is written ([`Rows::full`]).
pub struct Rows {
    /// The rows; the source lists of a packed row are empty.
    pub rows: Vec<ConflictRow>,
    packed: Vec<Option<Box<PackedSources>>>,
    names: Vec<String>,
}

impl Rows {
    /// The findings' rows in report order; `names` is the table their packed lists index.
    pub fn new(findings: Vec<Finding>, names: Vec<String>) -> Rows {
        let mut all: Vec<(usize, ConflictRow, Option<Box<PackedSources>>)> = findings
            .into_iter()
            .map(|f| {
                let v = match &f.sources {
                    Some(p) => p.voices,
                    None => voices(&f.row.sources_a, &f.row.sources_b),
                };
                (v, f.row, f.sources)
            })
            .collect();
        all.sort_by(|(va, a, _), (vb, b, _)| order(*va, a, *vb, b));
        let (rows, packed) = all.into_iter().map(|(_, r, p)| (r, p)).unzip();
        Rows {
            rows,
            packed,
            names,
        }
    }

    /// Row `i` with its source lists.
    pub fn full(&self, i: usize) -> std::borrow::Cow<'_, ConflictRow> {
        match &self.packed[i] {
            None => std::borrow::Cow::Borrowed(&self.rows[i]),
            Some(p) => {
                let mut r = self.rows[i].clone();
                r.sources_a = p.a.unpack(&self.names);
                r.sources_b = p.b.unpack(&self.names);
                std::borrow::Cow::Owned(r)
            }
        }
    }

    /// Every row with its source lists (for the page, which holds them all anyway).
    pub fn all_full(&self) -> Vec<ConflictRow> {
        (0..self.rows.len())
            .map(|i| self.full(i).into_owned())
            .collect()
    }
}

/// A row's source lists, packed: each name a number, in a few bytes.
#[derive(Clone, Debug)]
pub struct PackedSources {
    /// Distinct sources of both lists.
    voices: usize,
    a: PackedList,
    b: PackedList,
}

#[derive(Clone, Debug)]
enum PackedList {
    /// Increasing indices into the names, as LEB128 differences.
    Ids(Box<[u8]>),
    /// A list that is not names of the table joined by `;` in their order, kept as it is.
    Text(String),
}

impl PackedList {
    fn unpack(&self, names: &[String]) -> String {
        match self {
            PackedList::Text(t) => t.clone(),
            PackedList::Ids(bytes) => {
                let mut out = String::new();
                let (mut id, mut n, mut shift) = (0u64, 0u64, 0);
                let mut first = true;
                for &b in bytes.iter() {
                    n |= u64::from(b & 0x7f) << shift;
                    shift += 7;
                    if b & 0x80 == 0 {
                        id += n;
                        if !first {
                            out.push(';');
                        }
                        first = false;
                        out.push_str(&names[id as usize]);
                        (n, shift) = (0, 0);
                    }
                }
                out
            }
        }
    }
}

/// The sorted names of the sources, and their indices, which packed lists hold.
pub struct SourceNames<'a> {
    index: rustc_hash::FxHashMap<&'a str, u64>,
}

impl<'a> SourceNames<'a> {
    /// `names` must be sorted and without repeats ([`sorted_names`]).
    pub fn new(names: &'a [String]) -> Self {
        SourceNames {
            index: names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.as_str(), i as u64))
                .collect(),
        }
    }

    /// The names of `list` as increasing indices, if they all are in the table in its order.
    fn ids(&self, list: &str) -> Option<Box<[u8]>> {
        let mut bytes = Vec::new();
        let mut last: Option<u64> = None;
        for name in list.split(';') {
            let id = *self.index.get(name)?;
            if last.is_some_and(|l| id <= l) {
                return None;
            }
            let mut d = id - last.unwrap_or(0);
            last = Some(id);
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    bytes.push(b);
                    break;
                }
                bytes.push(b | 0x80);
            }
        }
        Some(bytes.into_boxed_slice())
    }

    /// Takes the source lists out of `row`, packed.
    pub fn pack(&self, row: &mut ConflictRow) -> Box<PackedSources> {
        let voices = voices(&row.sources_a, &row.sources_b);
        let list = |s: String| match self.ids(&s) {
            Some(bytes) => PackedList::Ids(bytes),
            None => PackedList::Text(s),
        };
        Box::new(PackedSources {
            voices,
            a: list(std::mem::take(&mut row.sources_a)),
            b: list(std::mem::take(&mut row.sources_b)),
        })
    }
}

/// The names of `names`, sorted, each once: the table [`SourceNames`] indexes.
pub fn sorted_names(names: &[String]) -> Vec<String> {
    let mut v = names.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare;
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
            // Each sentence names what it counts and the verb, as "12 people were killed" does.
            r.claim.frame.measured = r.claim.slot.subject.clone();
            r.claim.frame.predicate = r.claim.slot.attribute.clone();
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
    fn severity_is_capped_by_the_evidence_of_one_fact() {
        let sev = |frames: [(&str, &str); 2]| {
            let mut rs = vec![
                record("a", "people", "killed", Kind::Count, "12"),
                record("c", "people", "killed", Kind::Count, "41"),
            ];
            for (r, (noun, verb)) in rs.iter_mut().zip(frames) {
                r.claim.frame.measured = noun.to_string();
                r.claim.frame.predicate = verb.to_string();
            }
            let (rows, _) = report(&rs);
            assert_eq!(rows.len(), 1);
            compare::sev_name(rows[0].severity)
        };
        // 12 against 41 is far apart; how sure the report is that it is one fact decides.
        assert_eq!(sev([("people", "killed"), ("people", "killed")]), "high");
        // Same noun, another verb ("12 people were killed", "41 people were injured"): medium.
        assert_eq!(sev([("people", "killed"), ("people", "injured")]), "medium");
        // Nothing shared: low.
        assert_eq!(sev([("", ""), ("", "")]), "low");
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
