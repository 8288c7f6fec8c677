//! `claimdiff explain ID`: an id and the sources and rules `check` ran on in; on stdout, why
//! that claim or conflict is there.
//!
//! The run is repeated (it is deterministic), then for a claim: its source and place, the slot,
//! the value and the interval it stands for, the rule that fired (where it is written, what it
//! says) and the words it read, the claims it was grouped with and why, and the conflicts it
//! takes part in. For a conflict: both sides with their sources, sentences, claims and rules,
//! why the group's claims were joined (the graph's edges and their reasons), and why the values
//! conflict (the intervals compared, the distance, what lowered the severity).

use std::collections::HashSet;
use std::fmt::Write as _;

use petgraph::visit::EdgeRef;

use super::Outcome;
use super::check::{self, Analysis};
use crate::cli::ExplainArgs;
use crate::compare::facts::relation_name;
use crate::compare::{describe_interval, sev_name};
use crate::error::{self, InputError, Place};
use crate::group::{Link, Record};

/// How many links of a group to show before summing up the rest.
const MAX_LINKS: usize = 20;

pub fn run(args: ExplainArgs) -> Outcome {
    let rules = match check::load_rules(args.rules.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprint!("{e}");
            return Outcome::Failed;
        }
    };
    let a = check::analyze(&args.paths, rules, false, false, true, args.story_threshold);
    for e in &a.errors {
        error::report(e);
    }
    let text = if let Some(i) = a.records.iter().position(|r| r.claim.id == args.id) {
        let mut t = explain_claim(&a, i);
        t.push_str(&source_lines(
            &args.paths,
            &[a.records[i].claim.source.as_str()],
        ));
        t
    } else if let Some(f) = a.findings.iter().position(|f| f.row.id == args.id) {
        let mut t = explain_conflict(&a, f);
        let row = &a.findings[f].row;
        let names: Vec<&str> = row
            .sources_a
            .split(';')
            .chain(row.sources_b.split(';'))
            .collect();
        t.push_str(&source_lines(&args.paths, &names));
        t
    } else {
        error::report(
            &InputError::new(
                args.paths.join(" "),
                Place::Whole,
                format!("no claim or conflict has id `{}`", args.id),
            )
            .hint("ids come from `claimdiff extract` and the report's `id` column; give the same sources and --rules as that run"),
        );
        return Outcome::Failed;
    };
    print!("{text}");
    if a.errors.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Failed
    }
}

/// One line per named source: its publication date and where that date came from, its
/// outlet and title. The analysis keeps only the date, so the inputs holding these sources are
/// read again (a folder's other files are not).
fn source_lines(paths: &[String], names: &[&str]) -> String {
    let mut ignored = Vec::new();
    let inputs = crate::read::discover(paths, &mut ignored);
    let opts = crate::read::Options { boilerplate: false };
    let mut out = String::from("\nsources:\n");
    for input in inputs {
        // A JSONL file holds sources under other names than its own, so it is always read.
        let wanted = match &input {
            crate::read::Input::File(p) => {
                let file = p.file_name().map(|f| f.to_string_lossy().into_owned());
                let jsonl = p
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
                jsonl || file.is_some_and(|f| names.contains(&f.as_str()))
            }
            crate::read::Input::Stdin => names.contains(&"-"),
        };
        if !wanted {
            continue;
        }
        for src in crate::read::load_with(&input, opts).0 {
            if !names.contains(&src.name.as_str()) {
                continue;
            }
            let date = match src.published {
                Some(d) => format!("published {d} (from {})", src.date_origin.describe()),
                None => "no publication date".to_string(),
            };
            let _ = write!(out, "  {}: {date}", src.name);
            if let Some(o) = &src.outlet {
                let _ = write!(out, "; outlet {o}");
            }
            if let Some(t) = &src.title {
                let _ = write!(out, "; title \"{t}\"");
            }
            out.push('\n');
        }
    }
    out
}

fn rule_line(a: &Analysis, name: &str) -> String {
    match a.rules.rules.iter().find(|r| r.name == name) {
        Some(info) => {
            let mut summary: String = info.summary.chars().take(160).collect();
            if summary.len() < info.summary.len() {
                summary.push_str("...");
            }
            format!("{name}, {}: {summary}", info.origin)
        }
        None => name.to_string(),
    }
}

fn claim_block(a: &Analysis, r: &Record, indent: &str, out: &mut String) {
    let c = &r.claim;
    let _ = writeln!(out, "{indent}claim {} at {}", c.id, r.location);
    let _ = writeln!(
        out,
        "{indent}  slot:     {} ({})",
        c.slot.key(),
        c.value.kind.as_str()
    );
    if crate::group::thing_age(r) {
        let _ = writeln!(
            out,
            "{indent}  joined:   an age no person could have, of a thing pointed at with \"the\" or a possessive: filed with the story's other such ages"
        );
    }
    let stands = if c.value.kind == crate::recognize::Kind::Name {
        String::new()
    } else {
        format!(", stands for {}", describe_interval(&c.value))
    };
    let _ = writeln!(
        out,
        "{indent}  value:    {}, written \"{}\"{stands}{}{}",
        c.value.value,
        r.text,
        if c.value.approximate {
            ", approximate"
        } else {
            ""
        },
        if c.value.relative {
            if r.date_guessed {
                ", relative to a publication date guessed from a dateline"
            } else {
                ", relative to the publication date"
            }
        } else {
            ""
        }
    );
    let _ = writeln!(out, "{indent}  rule:     {}", rule_line(a, &c.rule));
    let _ = writeln!(out, "{indent}  words:    \"{}\"", r.words);
    let _ = writeln!(out, "{indent}  sentence: \"{}\"", r.sentence);
    if c.hedged {
        let _ = writeln!(out, "{indent}  hedged:   yes (the sentence hedges)");
    }
    let f = &c.frame;
    let parts: Vec<String> = [
        ("measures", &f.measured),
        ("predicate", &f.predicate),
        ("holder", &f.holder),
        ("place", &f.place),
        ("sub-group", &f.subgroup),
        ("phase", &f.phase),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k} \"{v}\""))
    .chain(f.negated.then(|| "negated".to_string()))
    .chain(f.planned.then(|| "planned".to_string()))
    .collect();
    if !parts.is_empty() {
        let _ = writeln!(
            out,
            "{indent}  frame:    {} (from the parse)",
            parts.join(", ")
        );
    }
}

fn explain_claim(a: &Analysis, i: usize) -> String {
    let mut out = String::new();
    let r = &a.records[i];
    claim_block(a, r, "", &mut out);
    let Some((gi, g)) = a
        .graph
        .groups
        .iter()
        .enumerate()
        .find(|(_, g)| g.members.contains(&i))
    else {
        return out;
    };
    let _ = writeln!(
        out,
        "  group:    {}, {} claims from {} sources",
        g.slot,
        g.members.len(),
        g.sources
    );
    match a.graph.qualifiers.get(i).and_then(Option::as_ref) {
        Some(q) => {
            let _ = writeln!(
                out,
                "  fact:     its own ({}): {}; compared only with claims kept apart for the same reasons",
                q.key, q.why
            );
        }
        None => {
            let _ = writeln!(out, "  fact:     the slot's main fact");
        }
    }
    if g.sources < 2 {
        let _ = writeln!(
            out,
            "            no other source states this fact: nothing to compare"
        );
    }
    for (shown, e) in a
        .graph
        .graph
        .edges(petgraph::graph::NodeIndex::new(i))
        .enumerate()
    {
        let other = if e.source().index() == i {
            e.target().index()
        } else {
            e.source().index()
        };
        if shown == MAX_LINKS {
            let _ = writeln!(out, "  linked:   ... and more");
            break;
        }
        let o = &a.records[other];
        let _ = writeln!(
            out,
            "  linked:   {} (claim {}): {}",
            o.location,
            o.claim.id,
            e.weight()
                .describe(&r.claim.slot.key(), &o.claim.slot.key())
        );
    }
    for f in a.findings.iter().filter(|f| f.group == gi) {
        if f.side_a.contains(&i) || f.side_b.contains(&i) {
            let _ = writeln!(
                out,
                "  {}: {} ({}) {} against {}; see `claimdiff explain {}`",
                relation_name(f.row.relation),
                f.row.id,
                sev_name(f.row.severity),
                f.row.value_a,
                f.row.value_b,
                f.row.id
            );
        }
    }
    out
}

fn explain_conflict(a: &Analysis, fi: usize) -> String {
    let f = &a.findings[fi];
    let row = &f.row;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({}), slot {} ({})",
        relation_name(row.relation),
        row.id,
        sev_name(row.severity),
        row.slot,
        row.kind
    );
    for (label, side, sources) in [
        ("A", &f.side_a, &row.sources_a),
        ("B", &f.side_b, &row.sources_b),
    ] {
        let v = &a.records[side[0]].claim.value;
        let stands = if v.kind == crate::recognize::Kind::Name {
            String::new()
        } else {
            format!(" = {}", describe_interval(v))
        };
        let _ = writeln!(
            out,
            "\nside {label}: {}{stands}, stated by {sources}",
            v.value
        );
        for &m in side {
            claim_block(a, &a.records[m], "  ", &mut out);
        }
    }
    let g = &a.graph.groups[f.group];
    let members: HashSet<usize> = g.members.iter().copied().collect();
    let _ = writeln!(
        out,
        "\nwhy grouped: {} claims from {} sources joined into slot {}",
        g.members.len(),
        g.sources,
        g.slot
    );
    // Links that touch the two sides first: they are the ones that put them together.
    let sides: HashSet<usize> = f.side_a.iter().chain(&f.side_b).copied().collect();
    let mut links: Vec<(bool, usize, usize, &Link)> = a
        .graph
        .graph
        .edge_references()
        .map(|e| (e.source().index(), e.target().index(), e.weight()))
        .filter(|(x, _, w)| members.contains(x) && !matches!(w, Link::Conflict { .. }))
        .map(|(x, y, w)| (!(sides.contains(&x) || sides.contains(&y)), x, y, w))
        .collect();
    links.sort_by_key(|l| l.0);
    let more = links.len().saturating_sub(MAX_LINKS);
    for &(_, x, y, w) in links.iter().take(MAX_LINKS) {
        let (rx, ry) = (&a.records[x], &a.records[y]);
        let _ = writeln!(
            out,
            "  - {} -- {}: {}",
            rx.location,
            ry.location,
            w.describe(&rx.claim.slot.key(), &ry.claim.slot.key())
        );
    }
    if more > 0 {
        let _ = writeln!(out, "  ... and {more} more links");
    }
    let _ = writeln!(
        out,
        "\nwhy they {}:",
        if row.relation == crate::report::Relation::Update {
            "are an update"
        } else {
            "conflict"
        }
    );
    for reason in &f.assessment.reasons {
        let _ = writeln!(out, "  - {reason}");
    }
    out
}
