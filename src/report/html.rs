//! The HTML report: conflict and agreement rows, the sources' texts and the claim graph in, one
//! self-contained page out (CSS inline, a few lines of JS, no external assets).
//!
//! The page shows the conflicts grouped by slot (the slot with the most severe conflict first),
//! each with its severity, relation, verdict status and note, both values, both evidence sentences
//! with the value as written marked (`<mark>`), and each `source:line:column` as a link into the
//! embedded source text, where every line carries an anchor (`#s{N}-L{LINE}`). Only sources that
//! some row cites are embedded, so the page stays proportional to the findings, not the corpus;
//! the texts must be the ones the locations count lines in (for HTML inputs, the extracted text).
//! The claim graph is drawn as inline SVG: one column per slot, claims as circles, edges between
//! them red for conflicts, dashed amber for updates and grey for agreement. Agreements follow in
//! a table.
//!
//! Every piece of text from the inputs goes through [`escape`]. The page is written atomically
//! (temporary file, fsync, rename), so a reader never sees half a page.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io;
use std::path::Path;

use super::{AgreementRow, ConflictRow, Relation, Severity, Status};
use crate::review::{locate, status_name};

/// Everything the page shows.
#[derive(Clone, Debug, Default)]
pub struct HtmlPage {
    /// Shown as the page title and heading.
    pub title: String,
    pub conflicts: Vec<ConflictRow>,
    pub agreements: Vec<AgreementRow>,
    /// The sources' texts, for the evidence links.
    pub sources: Vec<SourceText>,
    pub graph: GraphView,
    /// The stories of the corpus; with more than one, the page lists them and marks each
    /// conflict with its story.
    pub stories: Vec<StoryLine>,
}

/// A story as the page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryLine {
    pub id: String,
    pub sources: Vec<String>,
    /// The terms most of its sources share.
    pub top: Vec<String>,
}

/// One source's name (as in `sources_a`, `location_a`) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

/// The claim graph as drawn: nodes placed in one column per slot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GraphView {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

/// A claim: its slot (the column it is drawn in), a short label (the value as written), the
/// source stating it, and a longer description shown on hover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphNode {
    pub slot: String,
    pub label: String,
    pub source: String,
    pub title: String,
}

/// An edge between two nodes, by index into [`GraphView::nodes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GraphEdge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    Agree,
    Conflict,
    Update,
}

impl GraphView {
    /// The claim graph recovered from the report rows alone: one node per (slot, value, source),
    /// grey edges between sources stating the same value, red (or amber for updates) edges
    /// between the sides of each conflict. For callers that have no richer graph at hand.
    pub fn from_rows(conflicts: &[ConflictRow], agreements: &[AgreementRow]) -> GraphView {
        let mut g = GraphView::default();
        let mut index: HashMap<(String, String, String), usize> = HashMap::new();
        let mut node = |g: &mut GraphView, slot: &str, value: &str, label: &str, source: &str| {
            let key = (slot.to_string(), value.to_string(), source.to_string());
            *index.entry(key).or_insert_with(|| {
                g.nodes.push(GraphNode {
                    slot: slot.to_string(),
                    label: label.to_string(),
                    source: source.to_string(),
                    title: format!("{source}: {value}"),
                });
                g.nodes.len() - 1
            })
        };
        let mut seen_edges = std::collections::HashSet::new();
        let mut edge = |g: &mut GraphView, a: usize, b: usize, kind: EdgeKind| {
            if a != b && seen_edges.insert((a.min(b), a.max(b))) {
                g.edges.push(GraphEdge {
                    from: a,
                    to: b,
                    kind,
                });
            }
        };
        // A drawing of thousands of sources is unreadable and quadratic in conflict edges:
        // each side shows its first few sources, the rest are counted in the CSV.
        let split = |s: &str| -> Vec<String> {
            s.split(';')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .take(MAX_DRAWN_SOURCES)
                .map(String::from)
                .collect()
        };
        for row in conflicts {
            let mut side = |g: &mut GraphView, value: &str, text: &str, sources: &str| {
                split(sources)
                    .iter()
                    .map(|s| node(g, &row.slot, value, text, s))
                    .collect::<Vec<_>>()
            };
            let a = side(&mut g, &row.value_a, &row.text_a, &row.sources_a);
            let b = side(&mut g, &row.value_b, &row.text_b, &row.sources_b);
            for group in [&a, &b] {
                for w in group.windows(2) {
                    edge(&mut g, w[0], w[1], EdgeKind::Agree);
                }
            }
            let kind = match row.relation {
                Relation::Conflict => EdgeKind::Conflict,
                Relation::Update => EdgeKind::Update,
            };
            for &x in &a {
                for &y in &b {
                    edge(&mut g, x, y, kind);
                }
            }
        }
        for row in agreements {
            let ids: Vec<usize> = split(&row.sources)
                .iter()
                .map(|s| node(&mut g, &row.slot, &row.value, &row.value, s))
                .collect();
            for w in ids.windows(2) {
                edge(&mut g, w[0], w[1], EdgeKind::Agree);
            }
        }
        g
    }
}

/// How many sources of one value the graph drawing shows.
const MAX_DRAWN_SOURCES: usize = 8;

/// Writes the page to `path` atomically.
pub fn write(path: &Path, page: &HtmlPage) -> io::Result<()> {
    // write_output makes missing folders, and names a file standing where one should be.
    crate::durable::write_output(path, render(page).as_bytes())
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The whole page as a string.
pub fn render(page: &HtmlPage) -> String {
    let sources = SourceIndex::new(page);
    let mut h = String::with_capacity(64 * 1024);
    let title = if page.title.is_empty() {
        "claimdiff report"
    } else {
        &page.title
    };
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        escape(title),
        escape(title)
    );
    summary(&mut h, page);
    h.push_str("</header>\n<main>\n");
    stories(&mut h, page);
    conflicts(&mut h, page, &sources);
    graph(&mut h, &page.graph);
    agreements(&mut h, page);
    source_texts(&mut h, page, &sources);
    let _ = write!(h, "</main>\n<script>{JS}</script>\n</body>\n</html>\n");
    h
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::High => "high",
        Severity::Medium => "medium",
        Severity::Low => "low",
    }
}

fn summary(h: &mut String, page: &HtmlPage) {
    let count = |f: &dyn Fn(&ConflictRow) -> bool| page.conflicts.iter().filter(|r| f(r)).count();
    let _ = writeln!(
        h,
        "<p class=\"summary\">{} conflict{}: \
         <span class=\"badge sev-high\">{} high</span> \
         <span class=\"badge sev-medium\">{} medium</span> \
         <span class=\"badge sev-low\">{} low</span> · \
         {} open, {} confirmed, {} dismissed · {} agreement{}</p>",
        page.conflicts.len(),
        if page.conflicts.len() == 1 { "" } else { "s" },
        count(&|r| r.severity == Severity::High),
        count(&|r| r.severity == Severity::Medium),
        count(&|r| r.severity == Severity::Low),
        count(&|r| r.status == Status::Open),
        count(&|r| r.status == Status::Confirmed),
        count(&|r| r.status == Status::Dismissed),
        page.agreements.len(),
        if page.agreements.len() == 1 { "" } else { "s" },
    );
    h.push_str(
        "<nav class=\"filters\">Show: \
         <label><input type=\"checkbox\" data-filter=\"sev-low\" checked> low</label> \
         <label><input type=\"checkbox\" data-filter=\"status-dismissed\" checked> dismissed</label> \
         <label><input type=\"checkbox\" data-filter=\"status-confirmed\" checked> confirmed</label> \
         · <a href=\"#graph\">claim graph</a> · <a href=\"#agreements\">agreements</a> · \
         <a href=\"#sources\">sources</a></nav>\n",
    );
}

/// Which embedded source a location's name refers to, and which sources are embedded.
struct SourceIndex {
    by_name: HashMap<String, usize>,
    cited: Vec<bool>,
}

impl SourceIndex {
    fn new(page: &HtmlPage) -> SourceIndex {
        let by_name: HashMap<String, usize> = page
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.clone(), i))
            .collect();
        let mut cited = vec![false; page.sources.len()];
        let mut cite = |loc: &str| {
            if let Some((name, _)) = split_location(loc)
                && let Some(&i) = by_name.get(name)
            {
                cited[i] = true;
            }
        };
        for r in &page.conflicts {
            cite(&r.location_a);
            cite(&r.location_b);
        }
        SourceIndex { by_name, cited }
    }

    /// `source:line:column` as a link to that line, or as plain text when the source is unknown.
    fn link(&self, location: &str) -> String {
        match split_location(location)
            .and_then(|(name, line)| self.by_name.get(name).map(|i| (i, line)))
        {
            Some((i, line)) => format!(
                "<a class=\"loc\" href=\"#s{i}-L{line}\">{}</a>",
                escape(location)
            ),
            None => format!("<span class=\"loc\">{}</span>", escape(location)),
        }
    }
}

/// `name:line:column` → (`name`, line). Names may contain `:`, so it splits from the right.
fn split_location(loc: &str) -> Option<(&str, usize)> {
    let mut parts = loc.rsplitn(3, ':');
    let _col = parts.next()?;
    let line = parts.next()?.parse::<usize>().ok()?;
    let name = parts.next()?;
    Some((name, line))
}

/// A sentence with the value as written wrapped in `<mark>`, all escaped.
fn marked(sentence: &str, written: &str) -> String {
    match locate(sentence, written) {
        Some(r) => format!(
            "{}<mark>{}</mark>{}",
            escape(&sentence[..r.start]),
            escape(&sentence[r.clone()]),
            escape(&sentence[r.end..])
        ),
        None => escape(sentence),
    }
}

/// Slot anchors: the slot's characters kept where safe in an id, others as `-`.
fn slot_anchor(slot: &str) -> String {
    let mut s = String::from("slot-");
    for c in slot.chars() {
        s.push(if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '-'
        });
    }
    s
}

/// The stories, when the corpus holds several: id, terms, sources.
fn stories(h: &mut String, page: &HtmlPage) {
    if page.stories.len() < 2 {
        return;
    }
    let _ = writeln!(
        h,
        "<section id=\"stories\">\n<h2>Stories</h2>\n<p>Claims are compared only within a story.</p>\n<ul>"
    );
    for s in &page.stories {
        let names: Vec<String> = s.sources.iter().map(|n| escape(n)).collect();
        let _ = writeln!(
            h,
            "<li id=\"story-{id}\"><code>{id}</code> <b>{}</b> ({} source{}): {}</li>",
            escape(&s.top.join(", ")),
            s.sources.len(),
            if s.sources.len() == 1 { "" } else { "s" },
            names.join(", "),
            id = escape(&s.id),
        );
    }
    h.push_str("</ul>\n</section>\n");
}

fn conflicts(h: &mut String, page: &HtmlPage, sources: &SourceIndex) {
    // A slot of one story is another fact than the same slot of another story.
    let several = page.stories.len() > 1;
    let mut by_slot: BTreeMap<(&str, &str), Vec<&ConflictRow>> = BTreeMap::new();
    for r in &page.conflicts {
        let story = if several { r.story.as_str() } else { "" };
        by_slot.entry((story, &r.slot)).or_default().push(r);
    }
    let mut groups: Vec<((&str, &str), Vec<&ConflictRow>)> = by_slot.into_iter().collect();
    for (_, rows) in &mut groups {
        rows.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.id.cmp(&b.id)));
    }
    // Most severe slot first; ties keep slot-name order (the sort is stable).
    groups.sort_by(|a, b| b.1[0].severity.cmp(&a.1[0].severity));
    let _ = writeln!(h, "<section id=\"conflicts\">\n<h2>Conflicts</h2>");
    if groups.is_empty() {
        h.push_str("<p class=\"empty\">No conflicts found.</p>\n");
    }
    for ((story, slot), rows) in groups {
        let anchor = if story.is_empty() {
            slot_anchor(slot)
        } else {
            format!("{story}-{}", slot_anchor(slot))
        };
        let story_badge = if story.is_empty() {
            String::new()
        } else {
            format!(
                " <a class=\"badge story\" href=\"#story-{s}\">story {s}</a>",
                s = escape(story)
            )
        };
        let _ = write!(
            h,
            "<section class=\"slot\" id=\"{}\">\n<h3>{}{story_badge} <span class=\"kind\">{}</span> \
             <span class=\"count\">{} conflict{}</span></h3>\n",
            escape(&anchor),
            escape(slot),
            escape(&rows[0].kind),
            rows.len(),
            if rows.len() == 1 { "" } else { "s" }
        );
        for r in rows {
            conflict(h, r, sources);
        }
        h.push_str("</section>\n");
    }
    h.push_str("</section>\n");
}

fn conflict(h: &mut String, r: &ConflictRow, sources: &SourceIndex) {
    let sev = severity_name(r.severity);
    let status = status_name(r.status);
    let _ = write!(
        h,
        "<article class=\"conflict sev-{sev} status-{status}\" id=\"c-{id}\" data-id=\"{id}\">\n\
         <div class=\"head\"><span class=\"badge sev-{sev}\">{sev}</span>",
        id = escape(&r.id)
    );
    if r.relation == Relation::Update {
        h.push_str(
            "<span class=\"badge update\" title=\"a later source reports a higher running total\">update</span>",
        );
    }
    let _ = write!(
        h,
        "<span class=\"badge status-{status}\">{status}</span>\
         <code class=\"id\">{}</code></div>\n<div class=\"sides\">\n",
        escape(&r.id)
    );
    let sides = [
        (
            "A",
            &r.value_a,
            &r.text_a,
            &r.sources_a,
            &r.evidence_a,
            &r.location_a,
        ),
        (
            "B",
            &r.value_b,
            &r.text_b,
            &r.sources_b,
            &r.evidence_b,
            &r.location_b,
        ),
    ];
    for (label, value, text, srcs, evidence, location) in sides {
        let names: Vec<String> = srcs
            .split(';')
            .filter(|s| !s.is_empty())
            .map(escape)
            .collect();
        let _ = write!(
            h,
            "<div class=\"side\"><div class=\"value\"><span class=\"label\">{label}</span> \
             <code>{}</code> <span class=\"written\">“{}”</span></div>\n\
             <blockquote>{}</blockquote>\n\
             <div class=\"where\">{} · {}</div></div>\n",
            escape(value),
            escape(text),
            marked(evidence, text),
            names.join(", "),
            sources.link(location)
        );
    }
    h.push_str("</div>\n");
    if !r.note.is_empty() {
        let _ = writeln!(h, "<p class=\"note\"><b>Note:</b> {}</p>", escape(&r.note));
    }
    let _ = write!(
        h,
        "<p class=\"rule\">rule: {}</p>\n</article>\n",
        escape(&r.rule)
    );
}

const COL_W: usize = 230;
const ROW_H: usize = 46;
const TOP: usize = 56;

fn graph(h: &mut String, g: &GraphView) {
    let _ = writeln!(h, "<section id=\"graph\">\n<h2>Claim graph</h2>");
    if g.nodes.is_empty() {
        h.push_str("<p class=\"empty\">No claims to draw.</p>\n</section>\n");
        return;
    }
    // Columns: slots with a conflict edge first, then the rest, each in name order.
    let mut conflicted: HashMap<&str, bool> = HashMap::new();
    for n in &g.nodes {
        conflicted.entry(&n.slot).or_insert(false);
    }
    for e in &g.edges {
        if e.kind != EdgeKind::Agree
            && let Some(n) = g.nodes.get(e.from)
        {
            conflicted.insert(&n.slot, true);
        }
    }
    let mut slots: Vec<&str> = conflicted.keys().copied().collect();
    slots.sort_by(|a, b| conflicted[b].cmp(&conflicted[a]).then_with(|| a.cmp(b)));
    let column: HashMap<&str, usize> = slots.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); slots.len()];
    for (i, n) in g.nodes.iter().enumerate() {
        members[column[n.slot.as_str()]].push(i);
    }
    let mut pos = vec![(0usize, 0usize); g.nodes.len()];
    for (c, ids) in members.iter_mut().enumerate() {
        // Same values next to each other, so agreeing claims sit together.
        ids.sort_by(|&a, &b| g.nodes[a].label.cmp(&g.nodes[b].label).then(a.cmp(&b)));
        for (r, &i) in ids.iter().enumerate() {
            pos[i] = (c * COL_W + 60, TOP + r * ROW_H);
        }
    }
    let tallest = members.iter().map(Vec::len).max().unwrap_or(0);
    let width = slots.len() * COL_W + 20;
    let height = TOP + tallest * ROW_H + 10;
    let _ = writeln!(
        h,
        "<p class=\"legend\"><span class=\"key conflict\"></span> conflict \
         <span class=\"key update\"></span> update <span class=\"key agree\"></span> same value</p>\n\
         <div class=\"graph\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" \
         height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-label=\"claim graph\">"
    );
    for (c, slot) in slots.iter().enumerate() {
        let short: String = slot.chars().take(24).collect();
        let _ = writeln!(
            h,
            "<text class=\"slot\" x=\"{}\" y=\"24\"><title>{}</title>{}</text>",
            c * COL_W + 20,
            escape(slot),
            escape(&short)
        );
    }
    // Nodes of one slot share a column, so an edge bows left (labels are on the right) by how
    // far apart its ends are.
    for e in &g.edges {
        let (Some(&(x1, y1)), Some(&(x2, y2))) = (pos.get(e.from), pos.get(e.to)) else {
            continue;
        };
        let bow = (14 + y1.abs_diff(y2) / 3).min(50);
        let (cx, cy) = (((x1 + x2) / 2).saturating_sub(bow), (y1 + y2) / 2);
        let class = match e.kind {
            EdgeKind::Agree => "agree",
            EdgeKind::Conflict => "conflict",
            EdgeKind::Update => "update",
        };
        let _ = writeln!(
            h,
            "<path class=\"edge {class}\" d=\"M{x1} {y1} Q{cx} {cy} {x2} {y2}\"/>"
        );
    }
    for (i, n) in g.nodes.iter().enumerate() {
        let (x, y) = pos[i];
        let short: String = n.label.chars().take(20).collect();
        let source: String = n.source.chars().take(18).collect();
        let _ = writeln!(
            h,
            "<g class=\"claim\"><title>{}</title><circle cx=\"{x}\" cy=\"{y}\" r=\"9\"/>\
             <text x=\"{tx}\" y=\"{}\">{}</text>\
             <text class=\"src\" x=\"{tx}\" y=\"{}\">{}</text></g>",
            escape(&n.title),
            y - 1,
            escape(&short),
            y + 12,
            escape(&source),
            tx = x + 14,
        );
    }
    h.push_str("</svg></div>\n</section>\n");
}

fn agreements(h: &mut String, page: &HtmlPage) {
    let _ = writeln!(h, "<section id=\"agreements\">\n<h2>Agreements</h2>");
    if page.agreements.is_empty() {
        h.push_str("<p class=\"empty\">No slot where two or more sources agree.</p>\n</section>\n");
        return;
    }
    h.push_str(
        "<table><thead><tr><th>slot</th><th>kind</th><th>value</th><th>sources</th>\
         <th>evidence</th></tr></thead><tbody>\n",
    );
    for a in &page.agreements {
        let _ = writeln!(
            h,
            "<tr class=\"agreement\"><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td>\
             <td>{}</td></tr>",
            escape(&a.slot),
            escape(&a.kind),
            escape(&a.value),
            escape(&a.sources.replace(';', ", ")),
            escape(&a.evidence)
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}

fn source_texts(h: &mut String, page: &HtmlPage, index: &SourceIndex) {
    let _ = writeln!(h, "<section id=\"sources\">\n<h2>Sources</h2>");
    let left_out = index.cited.iter().filter(|c| !**c).count();
    if left_out > 0 {
        let _ = writeln!(
            h,
            "<p class=\"empty\">{left_out} source{} that no conflict cites {} not shown.</p>",
            if left_out == 1 { "" } else { "s" },
            if left_out == 1 { "is" } else { "are" }
        );
    }
    for (i, s) in page.sources.iter().enumerate() {
        if !index.cited[i] {
            continue;
        }
        let _ = write!(
            h,
            "<details class=\"source\" id=\"s{i}\"><summary>{}</summary><pre>",
            escape(&s.name)
        );
        for (n, line) in s.text.split('\n').enumerate() {
            let _ = writeln!(
                h,
                "<span class=\"line\" id=\"s{i}-L{}\"><span class=\"ln\">{}</span>{}</span>",
                n + 1,
                n + 1,
                escape(line.strip_suffix('\r').unwrap_or(line))
            );
        }
        h.push_str("</pre></details>\n");
    }
    h.push_str("</section>\n");
}

const CSS: &str = "
:root{--high:#b91c1c;--medium:#b45309;--low:#4b5563;--ink:#1f2937;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--ink);background:#f8fafc}
header{background:#111827;color:#f9fafb;padding:16px 24px}
header h1{margin:0 0 6px;font-size:22px}
header a{color:#93c5fd}
main{padding:8px 24px 48px;max-width:1200px}
h2{border-bottom:2px solid var(--line);padding-bottom:4px;margin-top:32px}
h3{margin:24px 0 8px;font-size:17px}
.kind,.count{font-weight:normal;color:#6b7280;font-size:14px;margin-left:8px}
.badge{display:inline-block;border-radius:4px;padding:0 8px;font-size:13px;font-weight:600;color:#fff;margin-right:6px;background:var(--low)}
.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}
.badge.update{background:#d97706}
.badge.status-open{background:#2563eb}.badge.status-confirmed{background:#15803d}.badge.status-dismissed{background:#9ca3af}
article.conflict{background:#fff;border:1px solid var(--line);border-left:6px solid var(--low);border-radius:6px;padding:10px 14px;margin:10px 0}
article.sev-high{border-left-color:var(--high)}article.sev-medium{border-left-color:var(--medium)}
article.status-dismissed{opacity:.6}
.id{color:#6b7280;font-size:12px}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:14px;margin-top:8px}
.side .label{display:inline-block;width:20px;height:20px;border-radius:50%;background:#e5e7eb;text-align:center;font-weight:700;font-size:12px;line-height:20px}
.written{color:#374151}
blockquote{margin:6px 0;padding:6px 10px;border-left:3px solid var(--line);background:#f9fafb}
mark{background:#fde047;padding:0 2px;border-radius:2px}
.where{font-size:13px;color:#6b7280}
.note{background:#eff6ff;padding:4px 8px;border-radius:4px}
.rule{font-size:12px;color:#9ca3af;margin:4px 0 0}
.filters{margin-top:8px;font-size:14px}
.graph{overflow-x:auto;background:#fff;border:1px solid var(--line);border-radius:6px}
svg text{font-size:12px;fill:var(--ink)}
svg text.slot{font-weight:600}
svg text.src{font-size:10px;fill:#6b7280}
svg circle{fill:#2563eb;stroke:#fff;stroke-width:2}
.edge{fill:none;stroke-width:2}
.edge.agree{stroke:#9ca3af}.edge.conflict{stroke:#dc2626;stroke-width:3}.edge.update{stroke:#d97706;stroke-dasharray:5 4}
.legend .key{display:inline-block;width:24px;height:0;border-top:3px solid #9ca3af;vertical-align:middle;margin:0 4px 0 12px}
.legend .key.conflict{border-color:#dc2626}.legend .key.update{border-top-style:dashed;border-color:#d97706}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}
details.source{background:#fff;border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:4px 10px}
details.source pre{white-space:pre-wrap;font-size:13px;margin:8px 0}
.line{display:block}.line:target{background:#fef08a}
.ln{display:inline-block;width:3.5em;color:#9ca3af;user-select:none}
.hidden{display:none}
.empty{color:#6b7280}
@media (max-width:800px){.sides{grid-template-columns:1fr}}
";

/// Opens the source a location link points into, and hides conflicts by the filter boxes.
const JS: &str = "
function openTarget(){var id=location.hash.slice(1);if(!id)return;var el=document.getElementById(id);
if(!el)return;var d=el.closest('details');if(d)d.open=true;el.scrollIntoView({block:'center'});}
window.addEventListener('hashchange',openTarget);openTarget();
document.querySelectorAll('input[data-filter]').forEach(function(box){box.addEventListener('change',function(){
document.querySelectorAll('article.'+box.dataset.filter).forEach(function(a){a.classList.toggle('hidden',!box.checked);});});});
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn marked_escapes_around_the_mark() {
        assert_eq!(
            marked("<b>1,100</b> & more", "1,100"),
            "&lt;b&gt;<mark>1,100</mark>&lt;/b&gt; &amp; more"
        );
        assert_eq!(marked("no value", "7"), "no value");
    }

    #[test]
    fn locations_split_from_the_right() {
        assert_eq!(split_location("a:b.txt:12:5"), Some(("a:b.txt", 12)));
        assert_eq!(split_location("a.txt:x:5"), None);
        assert_eq!(split_location("a.txt"), None);
    }

    #[test]
    fn graph_from_rows_joins_sides_and_agreeing_sources() {
        let row = ConflictRow {
            id: "c".into(),
            status: Status::Open,
            severity: Severity::High,
            kind: "count".into(),
            slot: "s/count".into(),
            value_a: "1".into(),
            value_b: "2".into(),
            text_a: "one".into(),
            text_b: "two".into(),
            sources_a: "a;b".into(),
            sources_b: "c".into(),
            evidence_a: String::new(),
            evidence_b: String::new(),
            location_a: String::new(),
            location_b: String::new(),
            rule: String::new(),
            note: String::new(),
            relation: Relation::Conflict,
            fact: String::new(),
            story: String::new(),
        };
        let g = GraphView::from_rows(&[row], &[]);
        // Nodes a:1, b:1, c:2; a–b agree; a–c and b–c conflict.
        assert_eq!(g.nodes.len(), 3);
        let kinds: Vec<EdgeKind> = g.edges.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [EdgeKind::Agree, EdgeKind::Conflict, EdgeKind::Conflict]
        );
    }
}
