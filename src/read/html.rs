//! HTML pages: markup in, the article's text (and its declared publication date) out.
//!
//! The page goes through html5ever (via scraper), so broken markup is read the way a browser
//! reads it. The article is the largest `<article>`, else the largest `<main>` /
//! `[role=main]`, else `<body>`. Inside it, text is kept except:
//! - what is never shown: `<script>`, `<style>`, `<noscript>`, `<template>`, `<svg>`, ...,
//!   and elements marked `hidden` or `aria-hidden="true"`;
//! - page furniture: `<nav>`, `<aside>`, `<footer>`, `<form>`, buttons and inputs, `<header>`
//!   outside an `<article>`, roles `navigation`, `banner`, `contentinfo`, `complementary`,
//!   `search`, and elements whose class or id names a widget (the word list in
//!   `data/boilerplate/html_classes.txt`: share, related, comments, newsletter, ad...; words
//!   of five letters or more also inside compounds such as `jp-relatedposts`).
//!   Furniture that holds more than half of the article's text is kept after all: pages that
//!   wrap everything in one `<form>` or a `with-sidebar` layout still give their text.
//!
//! Block elements (`<p>`, headings, list items, `<div>`...) become paragraphs separated by a
//! blank line, `<br>` a line break and two `<br>` in a row a paragraph break; runs of whitespace inside a paragraph fold to one space.
//! When the article holds no `<h1>`, the page's first `<h1>` opens the text as its title.
//!
//! The publication date comes from `<meta property="article:published_time">` and its kin,
//! JSON-LD `datePublished`, or the first `<time datetime>` in the article.

use std::collections::HashMap;
use std::sync::OnceLock;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use jiff::civil::Date;
use scraper::{ElementRef, Html, Node, Selector};

use super::dateline::parse_iso_date;

/// What a page gives: its article text and the publication date it declares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub published: Option<Date>,
}

const NEVER_SHOWN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
    "embed", "audio", "video", "map", "title", "meta", "link",
];
const FURNITURE: &[&str] = &[
    "nav", "aside", "footer", "form", "button", "select", "option", "textarea", "input", "label",
    "dialog", "menu",
];
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "figure",
    "figcaption",
    "address",
    "hr",
    "details",
    "summary",
    "center",
    "hgroup",
    "body",
    "html",
];
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "date",
];

fn class_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        super::boilerplate::entries(include_str!("../../data/boilerplate/html_classes.txt"))
            .collect()
    })
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("built-in selector parses")
}

/// Extracts the article text and publication date of an HTML page.
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let root = article_root(&doc);
    let lengths = text_lengths(root);
    let total = lengths.get(&root.id()).copied().unwrap_or(0);
    let mut w = Writer::default();
    if root.select(&selector("h1")).next().is_none()
        && let Some(h1) = doc.select(&selector("h1")).next()
    {
        w.text(&h1.text().collect::<String>());
        w.block();
    }
    let mut skip_until: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_until.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => w.text(t),
                    Node::Element(el) => {
                        let name = el.name();
                        let held = lengths.get(&node.id()).copied().unwrap_or(0);
                        if node.id() != root.id() && skipped(node, el, held, total) {
                            skip_until = Some(node.id());
                            continue;
                        }
                        match name {
                            "br" => w.line_break(),
                            "td" | "th" => w.space(),
                            _ if BLOCKS.contains(&name) => w.block(),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip_until == Some(node.id()) {
                    skip_until = None;
                    continue;
                }
                if skip_until.is_none()
                    && let Node::Element(el) = node.value()
                    && BLOCKS.contains(&el.name())
                {
                    w.block();
                }
            }
        }
    }
    w.block();
    Page {
        text: w.out,
        published: published(&doc, root),
    }
}

/// The element holding the article: largest `<article>`, else `<main>`, else `<body>`.
fn article_root(doc: &Html) -> ElementRef<'_> {
    for css in ["article", "main, [role=main]", "body"] {
        let best = doc
            .select(&selector(css))
            .max_by_key(|e| e.text().map(str::len).sum::<usize>());
        if let Some(e) = best {
            return e;
        }
    }
    doc.root_element()
}

/// Bytes of text under each element of `root`, in one pass.
fn text_lengths(root: ElementRef<'_>) -> HashMap<NodeId, usize> {
    let mut out = HashMap::new();
    let mut stack: Vec<usize> = Vec::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(_) => stack.push(0),
                Node::Text(t) => {
                    if let Some(top) = stack.last_mut() {
                        *top += t.trim().len();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(_) = node.value() {
                    let n = stack.pop().unwrap_or(0);
                    out.insert(node.id(), n);
                    if let Some(top) = stack.last_mut() {
                        *top += n;
                    }
                }
            }
        }
    }
    out
}

/// Whether an element (holding `held` of the article's `total` bytes of text) is left out.
fn skipped(
    node: ego_tree::NodeRef<'_, Node>,
    el: &scraper::node::Element,
    held: usize,
    total: usize,
) -> bool {
    let name = el.name();
    if NEVER_SHOWN.contains(&name)
        || el.attr("hidden").is_some()
        || el
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    let furniture = FURNITURE.contains(&name)
        || (name == "header" && !inside_article(node))
        || el
            .attr("role")
            .is_some_and(|r| FURNITURE_ROLES.iter().any(|f| r.eq_ignore_ascii_case(f)))
        || el.classes().any(names_widget)
        || el.id().is_some_and(names_widget);
    // Furniture never holds most of an article; if it seems to, the guess is wrong.
    furniture && held * 2 <= total
}

fn inside_article(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.ancestors()
        .any(|a| matches!(a.value(), Node::Element(e) if e.name() == "article"))
}

/// Whether a class or id such as `social-share`, `related_posts` or `jp-relatedposts` names a
/// widget. Words of five letters or more count inside compounds ("sharedaddy"); shorter ones
/// ("ad", "nav") only as a whole part between `-` and `_`, so "header" or "shadow" do not.
fn names_widget(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    class_words().iter().any(|c| {
        if c.len() >= 5 {
            lower.contains(c)
        } else {
            lower.split(['-', '_']).any(|w| w == *c)
        }
    })
}

/// The publication date a page declares.
fn published(doc: &Html, root: ElementRef<'_>) -> Option<Date> {
    for meta in doc.select(&selector("meta")) {
        let key = ["property", "name", "itemprop"]
            .iter()
            .find_map(|k| meta.attr(k))
            .map(str::to_ascii_lowercase);
        if key.is_some_and(|k| PUBLISHED_META.contains(&k.as_str()))
            && let Some(d) = meta.attr("content").and_then(parse_iso_date)
        {
            return Some(d);
        }
    }
    for script in doc.select(&selector(r#"script[type="application/ld+json"]"#)) {
        let json: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&json)
            && let Some(d) = json_ld_date(&v)
        {
            return Some(d);
        }
    }
    root.select(&selector("time[datetime], [itemprop=datePublished]"))
        .find_map(|t| {
            t.attr("datetime")
                .or_else(|| t.attr("content"))
                .and_then(parse_iso_date)
        })
}

fn json_ld_date(v: &serde_json::Value) -> Option<Date> {
    match v {
        serde_json::Value::Object(map) => map
            .get("datePublished")
            .and_then(|d| d.as_str())
            .and_then(parse_iso_date)
            .or_else(|| map.values().find_map(json_ld_date)),
        serde_json::Value::Array(items) => items.iter().find_map(json_ld_date),
        _ => None,
    }
}

/// Builds the text: paragraphs separated by blank lines, whitespace folded inside them.
#[derive(Default)]
struct Writer {
    out: String,
    para: String,
    pending_space: bool,
}

impl Writer {
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.para.is_empty() && !self.para.ends_with('\n') {
                self.para.push(' ');
            }
            self.pending_space = false;
            self.para.push(c);
        }
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    /// A `<br>`; two in a row (`<br><br>`, how older pages mark paragraphs) end the paragraph.
    fn line_break(&mut self) {
        if self.para.ends_with('\n') {
            self.block();
        } else if !self.para.is_empty() {
            self.para.push('\n');
        }
        self.pending_space = false;
    }

    fn block(&mut self) {
        let p = self.para.trim();
        if !p.is_empty() {
            if !self.out.is_empty() {
                self.out.push_str("\n\n");
            }
            self.out.push_str(p);
        }
        self.para.clear();
        self.pending_space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_without_furniture() {
        let page = r#"<!DOCTYPE html><html><head><title>T</title>
            <meta property="article:published_time" content="2024-04-27T08:00:00Z">
            <style>p { color: red }</style></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <header>Site banner</header>
            <article><h1>Big   news</h1><p>First <b>bold</b>
            paragraph.</p><div class="social-share">Share on Facebook</div>
            <p>Second<br>line.</p><script>var x = "hidden";</script></article>
            <aside>Most read</aside><footer>Copyright</footer></body></html>"#;
        let p = extract(page);
        assert_eq!(p.text, "Big news\n\nFirst bold paragraph.\n\nSecond\nline.");
        assert_eq!(p.published, Some(Date::constant(2024, 4, 27)));
    }

    #[test]
    fn double_line_breaks_make_paragraphs() {
        let page = "<body><div>First line<br>same paragraph.<br><br>Second paragraph.<br> <br>Third.</div></body>";
        assert_eq!(
            extract(page).text,
            "First line\nsame paragraph.\n\nSecond paragraph.\n\nThird."
        );
    }

    #[test]
    fn page_wrapped_in_a_form_keeps_its_text() {
        let page =
            "<html><body><form id=f><p>All the text of the page is here.</p></form></body></html>";
        assert_eq!(extract(page).text, "All the text of the page is here.");
    }

    #[test]
    fn title_from_outside_the_article_and_json_ld_date() {
        let page = r#"<html><head><script type="application/ld+json">
            {"@graph": [{"@type": "NewsArticle", "datePublished": "2023-08-02"}]}</script></head>
            <body><h1>Headline</h1><main><p>Body.</p></main></body></html>"#;
        let p = extract(page);
        assert_eq!(p.text, "Headline\n\nBody.");
        assert_eq!(p.published, Some(Date::constant(2023, 8, 2)));
    }
}
