//! Claim graph export: the graph from [`crate::group`] and its records in, DOT (`.dot`, `.gv`)
//! or JSON (`.json`) out, chosen by the file's extension, so a person can look at why claims
//! were grouped and where they conflict.
//!
//! DOT draws each group of two or more claims as a cluster labelled with its slot, a node per
//! claim (source, value, text as written) and an edge per link, conflicts in red and updates in
//! blue. JSON gives `nodes` (index, claim id, source, slot, kind, value, text, group) and
//! `edges` (from, to, link, reason).

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use petgraph::visit::EdgeRef;
use serde_json::json;

use super::csv::write_atomic;
use crate::error::{InputError, Place};
use crate::group::{ClaimGraph, Link, Record};

/// Writes the graph to `dest` in the format its extension names.
pub fn write(dest: &str, graph: &ClaimGraph, records: &[Record]) -> Result<(), InputError> {
    let ext = Path::new(dest)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let body = match ext.as_deref() {
        Some("dot") | Some("gv") => dot(graph, records),
        Some("json") => json(graph, records),
        _ => {
            return Err(InputError::new(
                dest,
                Place::Whole,
                "cannot tell the graph format from the extension",
            )
            .hint("name the file .dot, .gv or .json"));
        }
    };
    if dest == "-" {
        let _ = io::stdout().lock().write_all(body.as_bytes());
        return Ok(());
    }
    write_atomic(Path::new(dest), |w| w.write_all(body.as_bytes()))
        .map_err(|e| InputError::new(dest, Place::Whole, format!("cannot write: {e}")))
}

/// Group number of every record.
fn group_of(graph: &ClaimGraph, n: usize) -> Vec<usize> {
    let mut of = vec![0; n];
    for (g, group) in graph.groups.iter().enumerate() {
        for &m in &group.members {
            of[m] = g;
        }
    }
    of
}

fn slot_of(r: &Record) -> String {
    r.claim.slot.key()
}

/// The graph as Graphviz DOT.
pub fn dot(graph: &ClaimGraph, records: &[Record]) -> String {
    let mut s = String::from("graph claims {\n  node [shape=box, fontsize=10];\n");
    for (g, group) in graph.groups.iter().enumerate() {
        let clustered = group.members.len() > 1;
        if clustered {
            let _ = writeln!(
                s,
                "  subgraph cluster_{g} {{\n    label=\"{}\";",
                esc(&group.slot)
            );
        }
        for &m in &group.members {
            let r = &records[m];
            let _ = writeln!(
                s,
                "    n{m} [label=\"{}\\n{} = {}\\n\\\"{}\\\"\"];",
                esc(&r.claim.source),
                esc(&slot_of(r)),
                esc(&r.claim.value.value),
                esc(&r.text)
            );
        }
        if clustered {
            s.push_str("  }\n");
        }
    }
    for e in graph.graph.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        let attrs = match e.weight() {
            Link::Conflict {
                severity, relation, ..
            } => format!(
                "label=\"{relation} ({severity})\", color={}, fontcolor={0}",
                if relation == "update" { "blue" } else { "red" }
            ),
            link => format!("label=\"{}\", color=gray40", link.label()),
        };
        let _ = writeln!(s, "  n{a} -- n{b} [{attrs}];");
    }
    s.push_str("}\n");
    s
}

/// The graph as JSON.
pub fn json(graph: &ClaimGraph, records: &[Record]) -> String {
    let of = group_of(graph, records.len());
    let nodes: Vec<_> = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!({
                "index": i,
                "claim": r.claim.id,
                "source": r.claim.source,
                "slot": slot_of(r),
                "kind": r.claim.value.kind.as_str(),
                "value": r.claim.value.value,
                "text": r.text,
                "group": of[i],
            })
        })
        .collect();
    let edges: Vec<_> = graph
        .graph
        .edge_references()
        .map(|e| {
            let (a, b) = (e.source().index(), e.target().index());
            json!({
                "from": a,
                "to": b,
                "link": e.weight().label(),
                "reason": e.weight().describe(&slot_of(&records[a]), &slot_of(&records[b])),
            })
        })
        .collect();
    let groups: Vec<_> = graph
        .groups
        .iter()
        .map(|g| json!({"slot": g.slot, "members": g.members, "sources": g.sources}))
        .collect();
    let mut out = serde_json::to_string_pretty(&json!({
        "nodes": nodes,
        "edges": edges,
        "groups": groups,
    }))
    .expect("JSON of plain values");
    out.push('\n');
    out
}

/// Escapes a DOT double-quoted string.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group::{build, tests::record};
    use crate::recognize::Kind;

    #[test]
    fn dot_and_json_show_nodes_groups_and_links() {
        let rs = vec![
            record("a.txt", "coup", "date", Kind::Count, "1"),
            record("b.txt", "coup", "date", Kind::Count, "2"),
        ];
        let g = build(&rs, &|_| None);
        let d = dot(&g, &rs);
        assert!(d.starts_with("graph claims {"));
        assert!(d.contains("subgraph cluster_0 {\n    label=\"coup/date\";"));
        assert!(d.contains("n1 -- n0 [label=\"same-slot\""), "{d}");
        let j: serde_json::Value = serde_json::from_str(&json(&g, &rs)).unwrap();
        assert_eq!(j["nodes"].as_array().unwrap().len(), 2);
        assert_eq!(j["edges"][0]["link"], "same-slot");
        assert_eq!(j["groups"][0]["sources"], 2);
    }
}
