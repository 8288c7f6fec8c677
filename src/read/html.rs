//! HTML pages: markup in; the article's text, its publication date (and which tag gave it),
//! its title and its outlet out.
//!
//! The article is found by the `trafilatura` crate (a port of go-trafilatura, itself a port of
//! Barbaresi's trafilatura), run with its readability/baseline fallback and its
//! favor-precision setting: on the article-body benchmark in `../shared/bench/html` that is the
//! most accurate extractor we measured (token F1 0.966). It keeps the article's paragraphs,
//! headings, lists, quotes and tables and drops menus, related links, comments and footers.
//! Its cleaned HTML is turned into text here: block elements (`<p>`, headings, list items,
//! ...) become paragraphs separated by a blank line, `<br>` a line break and two `<br>` in a row
//! a paragraph break; runs of whitespace inside a paragraph fold to one space. Spans of an HTML
//! source are byte offsets into that text.
//!
//! Before parsing, nesting deeper than [`MAX_DEPTH`] is flattened ([`limit_depth`]): html5ever
//! walks the stack of open elements at every start tag and the extractor walks ancestors, so a
//! page of 100,000 nested `<div>`s would otherwise take quadratic time or worse.
//!
//! The page's own metadata is read here, not by the crate, so that its origin can be named:
//! the publication date from `<meta>` tags (`article:published_time` and its kin), else JSON-LD
//! `datePublished`, else the first `<time datetime>`; the title from `og:title`, JSON-LD
//! `headline`, `<title>` or the first `<h1>`; the outlet from `og:site_name`, JSON-LD
//! `publisher.name` or `application-name`.

use std::borrow::Cow;

use ego_tree::iter::Edge;
use jiff::civil::Date;
use scraper::{Html, Node, Selector};

use super::DateOrigin;
use super::dateline::parse_iso_date;

/// What a page gives: its article text and the metadata it declares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The article text (empty when the page holds no article).
    pub text: String,
    pub published: Option<Date>,
    /// Which kind of tag gave `published`: [`DateOrigin::Meta`], [`DateOrigin::JsonLd`] or
    /// [`DateOrigin::Time`]; [`DateOrigin::Unknown`] when there is no date.
    pub date_origin: DateOrigin,
    pub title: Option<String>,
    pub outlet: Option<String>,
}

/// Deepest nesting of elements handed to the parser; deeper start and end tags are dropped
/// (their text is kept). Chromium's parser stops nesting at 512; real article pages stay
/// under 100, and the extractor's cost grows quickly with depth (a 500-deep page already
/// takes a fifth of a second), hence the lower bound.
pub const MAX_DEPTH: usize = 192;

const NEVER_SHOWN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
    "embed", "audio", "video", "map", "title", "meta", "link",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
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
/// `<meta>` names and properties that carry the publication date, most specific first.
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

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("built-in selector parses")
}

/// Extracts the article text and metadata of an HTML page.
pub fn extract(html: &str) -> Page {
    let limited = limit_depth(html);
    let html = limited.html.as_ref();
    let doc = Html::parse_document(html);
    let (published, date_origin) = match published(&doc) {
        Some((d, o)) => (Some(d), o),
        None => (None, DateOrigin::Unknown),
    };
    Page {
        text: article_text(html),
        published,
        date_origin,
        title: title(&doc),
        outlet: outlet(&doc),
    }
}

/// The article text, or "" when the extractor finds none.
fn article_text(html: &str) -> String {
    let opts = trafilatura::Options::default()
        .with_fallback(true)
        .with_focus(trafilatura::ExtractionFocus::FavorPrecision);
    // A page that makes the extractor panic is a page without an article, not the end of the
    // run: the caller warns about it by name and the other sources go on.
    let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        trafilatura::extract(html, &opts)
    }));
    match found {
        Ok(Ok(r)) => render(&r.content_html),
        // The crate's errors all mean "no article here" (too little text, a duplicate...).
        Ok(Err(_)) | Err(_) => String::new(),
    }
}

/// Text of the cleaned article HTML the extractor returns: paragraphs and line breaks kept.
fn render(content_html: &str) -> String {
    let frag = Html::parse_fragment(content_html);
    let mut w = Writer::default();
    let mut skip_depth = 0usize;
    for edge in frag.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) if skip_depth > 0 || NEVER_SHOWN.contains(&el.name()) => {
                    skip_depth += 1;
                }
                _ if skip_depth > 0 => {}
                Node::Text(t) => w.text(t),
                Node::Element(el) => match el.name() {
                    "br" => w.line_break(),
                    "td" | "th" => w.space(),
                    name if BLOCKS.contains(&name) => w.block(),
                    _ => {}
                },
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if BLOCKS.contains(&el.name()) {
                        w.block();
                    }
                }
            }
        }
    }
    w.block();
    w.out
}

/// A page with its nesting limited to [`MAX_DEPTH`].
#[derive(Debug)]
pub struct Limited<'a> {
    /// The page, borrowed when it needed no change.
    pub html: Cow<'a, str>,
    /// Work the parser will do on `html`, in units of one open element looked at: the bytes
    /// scanned plus, for every start tag, the number of elements open around it (what html5ever
    /// walks for its scope checks). Bounded by `MAX_DEPTH` times the number of tags.
    pub work: usize,
    /// Start tags dropped for being nested too deep.
    pub dropped: usize,
}

/// Elements that never hold others (void) or whose end tag is implied by the next sibling:
/// they do not deepen the tree however many are left open.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image", "p", "li", "dt", "dd",
    "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb",
    "rt", "rtc", "rp", "html", "head", "body",
];
/// Elements whose content is raw text up to their end tag (no tags inside).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Drops start and end tags nested deeper than [`MAX_DEPTH`], keeping their text. One pass over
/// the bytes, with a stack of one flag per open element; a page within the limit is returned
/// as it is. Nesting is counted as a browser would build it, closely enough: void elements and
/// elements with implied end tags (`<p>`, `<li>`, ...) do not count, comments and raw text
/// (`<script>`, `<style>`) are stepped over, and an end tag closes the innermost open element.
pub fn limit_depth(html: &str) -> Limited<'_> {
    let first = scan(html, None);
    if first.max_depth <= MAX_DEPTH {
        return Limited {
            html: Cow::Borrowed(html),
            work: first.work,
            dropped: 0,
        };
    }
    let mut out = String::with_capacity(html.len());
    let second = scan(html, Some(&mut out));
    Limited {
        html: Cow::Owned(out),
        work: first.bytes + second.work,
        dropped: second.dropped,
    }
}

struct Scan {
    max_depth: usize,
    work: usize,
    bytes: usize,
    dropped: usize,
}

/// One pass over `html`: measures its nesting and, with `out`, writes it with tags deeper than
/// [`MAX_DEPTH`] left out.
fn scan(html: &str, mut out: Option<&mut String>) -> Scan {
    let b = html.as_bytes();
    let mut s = Scan {
        max_depth: 0,
        work: b.len(),
        bytes: b.len(),
        dropped: 0,
    };
    // One flag per open nesting element: whether its tags are written.
    let mut open: Vec<bool> = Vec::new();
    let mut copied = 0; // bytes of `html` up to here are written (or dropped) already
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let Some(tag) = read_tag(b, lt) else {
            i = lt + 1;
            continue;
        };
        let name = &html[tag.name.clone()];
        let mut keep = true;
        match tag.kind {
            TagKind::Start if !tag.self_closing && !is_one_of(name, NOT_NESTING) => {
                let depth = open.len() + 1;
                s.max_depth = s.max_depth.max(depth);
                keep = depth <= MAX_DEPTH;
                if keep {
                    s.work += depth;
                } else {
                    s.dropped += 1;
                }
                open.push(keep);
            }
            TagKind::Start => s.work += open.len().min(MAX_DEPTH),
            TagKind::End if !is_one_of(name, NOT_NESTING) => {
                if let Some(k) = open.pop() {
                    keep = k;
                }
            }
            TagKind::End | TagKind::Other => {}
        }
        if let Some(out) = out.as_deref_mut() {
            out.push_str(&html[copied..lt]);
            if keep {
                out.push_str(&html[lt..tag.end]);
            }
            copied = tag.end;
        }
        i = tag.end;
        // The content of `<script>`, `<style>`... is text up to its end tag, whatever it holds.
        if tag.kind == TagKind::Start && is_one_of(name, RAW_TEXT) {
            i = raw_text_end(b, i, name.as_bytes());
        }
    }
    if let Some(out) = out {
        out.push_str(&html[copied..]);
    }
    s
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TagKind {
    Start,
    End,
    /// A comment, doctype or processing instruction.
    Other,
}

struct Tag {
    kind: TagKind,
    /// Byte range of the tag name in the page (empty for [`TagKind::Other`]).
    name: std::ops::Range<usize>,
    self_closing: bool,
    /// Byte just past the tag.
    end: usize,
}

/// The tag opening at `b[lt] == b'<'`, or `None` when that `<` is text.
fn read_tag(b: &[u8], lt: usize) -> Option<Tag> {
    let rest = &b[lt + 1..];
    let other = |end: usize| Tag {
        kind: TagKind::Other,
        name: lt..lt,
        self_closing: false,
        end,
    };
    if rest.starts_with(b"!--") {
        let end = memchr::memmem::find(&rest[3..], b"-->").map_or(b.len(), |p| lt + 4 + p + 3);
        return Some(other(end));
    }
    if matches!(rest.first(), Some(b'!' | b'?')) {
        let end = memchr::memchr(b'>', rest).map_or(b.len(), |p| lt + 1 + p + 1);
        return Some(other(end));
    }
    let (kind, name_start) = match rest {
        [b'/', c, ..] if c.is_ascii_alphabetic() => (TagKind::End, lt + 2),
        [c, ..] if c.is_ascii_alphabetic() => (TagKind::Start, lt + 1),
        _ => return None,
    };
    let mut j = name_start;
    while j < b.len() && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
        j += 1;
    }
    let name = name_start..j;
    // Attributes: a `>` inside a quoted value does not end the tag.
    let mut quote = None;
    while j < b.len() {
        match (quote, b[j]) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, q @ (b'"' | b'\'')) if b[j - 1].is_ascii_whitespace() || b[j - 1] == b'=' => {
                quote = Some(q);
            }
            (None, b'>') => break,
            _ => {}
        }
        j += 1;
    }
    let self_closing = j < b.len() && b[j - 1] == b'/';
    Some(Tag {
        kind,
        name,
        self_closing,
        end: (j + 1).min(b.len()),
    })
}

/// Where the raw text that starts at `from` ends: at its `</name`, matched without case.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + off;
        let after = at + 2;
        if b.len() >= after + name.len() && b[after..after + name.len()].eq_ignore_ascii_case(name)
        {
            return at;
        }
        i = after;
    }
    b.len()
}

fn is_one_of(name: &str, list: &[&str]) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Key of a `<meta>`: its `property`, `name` or `itemprop`, lower-cased.
fn meta_key(meta: scraper::ElementRef<'_>) -> Option<String> {
    ["property", "name", "itemprop"]
        .iter()
        .find_map(|k| meta.attr(k))
        .map(str::to_ascii_lowercase)
}

/// The `content` of the first `<meta>` whose key is one of `keys`, in the order of `keys`.
fn meta_content<'a>(doc: &'a Html, keys: &[&str]) -> Option<&'a str> {
    let metas: Vec<_> = doc
        .select(&selector("meta[content]"))
        .filter_map(|m| Some((meta_key(m)?, m.attr("content")?)))
        .collect();
    keys.iter().find_map(|k| {
        metas
            .iter()
            .find(|(key, v)| key == k && !v.trim().is_empty())
            .map(|(_, v)| *v)
    })
}

/// The JSON-LD objects of a page, each script parsed once.
fn json_ld(doc: &Html) -> Vec<serde_json::Value> {
    doc.select(&selector(r#"script[type="application/ld+json"]"#))
        .filter_map(|s| serde_json::from_str(&s.text().collect::<String>()).ok())
        .collect()
}

/// The first string found under `key` in a JSON-LD value, searching objects and arrays.
fn json_ld_find<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    match v {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|x| json_ld_find(x, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|x| json_ld_find(x, key)),
        _ => None,
    }
}

/// The publication date a page declares and the kind of tag it came from.
fn published(doc: &Html) -> Option<(Date, DateOrigin)> {
    for meta in doc.select(&selector("meta[content]")) {
        if meta_key(meta).is_some_and(|k| PUBLISHED_META.contains(&k.as_str()))
            && let Some(d) = meta.attr("content").and_then(parse_iso_date)
        {
            return Some((d, DateOrigin::Meta));
        }
    }
    for v in json_ld(doc) {
        if let Some(d) = json_ld_find(&v, "datePublished")
            .and_then(|d| d.as_str())
            .and_then(parse_iso_date)
        {
            return Some((d, DateOrigin::JsonLd));
        }
    }
    doc.select(&selector("time[datetime], [itemprop=datePublished]"))
        .find_map(|t| {
            t.attr("datetime")
                .or_else(|| t.attr("content"))
                .and_then(parse_iso_date)
        })
        .map(|d| (d, DateOrigin::Time))
}

/// Text with its whitespace folded, or `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!folded.is_empty()).then_some(folded)
}

/// The page's title: `og:title`, JSON-LD `headline`, `<title>`, else the first `<h1>`.
fn title(doc: &Html) -> Option<String> {
    meta_content(doc, &["og:title", "twitter:title"])
        .and_then(clean)
        .or_else(|| {
            json_ld(doc)
                .iter()
                .find_map(|v| json_ld_find(v, "headline")?.as_str().and_then(clean))
        })
        .or_else(|| {
            doc.select(&selector("title, h1"))
                .find_map(|t| clean(&t.text().collect::<String>()))
        })
}

/// The outlet: `og:site_name`, JSON-LD `publisher.name`, else `application-name`.
fn outlet(doc: &Html) -> Option<String> {
    meta_content(doc, &["og:site_name"])
        .and_then(clean)
        .or_else(|| {
            json_ld(doc).iter().find_map(|v| {
                let publisher = json_ld_find(v, "publisher")?;
                let p = match publisher {
                    serde_json::Value::Array(a) => a.first()?,
                    p => p,
                };
                p.get("name")?.as_str().and_then(clean)
            })
        })
        .or_else(|| meta_content(doc, &["application-name"]).and_then(clean))
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
    fn double_line_breaks_make_paragraphs() {
        let html =
            "<div>First line<br>same paragraph.<br><br>Second paragraph.<br> <br>Third.</div>";
        assert_eq!(
            render(html),
            "First line\nsame paragraph.\n\nSecond paragraph.\n\nThird."
        );
    }

    #[test]
    fn blocks_become_paragraphs_and_scripts_vanish() {
        let html = "<h2>Sub  head</h2><p>One <b>bold</b>\nword.</p><script>x()</script><ul><li>a</li><li>b</li></ul>";
        assert_eq!(render(html), "Sub head\n\nOne bold word.\n\na\n\nb");
    }

    #[test]
    fn shallow_page_is_left_as_it_is() {
        let page =
            "<html><body><div><p>Text <!-- <div><div> --> here</div><script>'<div>'</script>";
        let l = limit_depth(page);
        assert!(matches!(l.html, Cow::Borrowed(_)));
        assert_eq!(l.dropped, 0);
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit_and_text_kept() {
        let n = MAX_DEPTH + 10;
        let page = format!(
            "<body>{}<p>deep</p>{}<p>after</p></body>",
            "<div class='x>y'>".repeat(n),
            "</DIV>".repeat(n)
        );
        let l = limit_depth(&page);
        assert_eq!(l.dropped, 10);
        let kept = l.html.matches("<div").count();
        assert_eq!(kept, MAX_DEPTH);
        assert_eq!(l.html.matches("</DIV>").count(), MAX_DEPTH);
        assert!(l.html.contains("<p>deep</p>") && l.html.ends_with("<p>after</p></body>"));
    }

    #[test]
    fn raw_text_and_quoted_brackets_do_not_count_as_tags() {
        let tag = read_tag(br#"<a title="1 > 0" href=x>"#, 0).unwrap();
        assert_eq!(tag.end, 24);
        let page = format!("<script>{}</script><p>x", "<div>".repeat(MAX_DEPTH * 2));
        assert!(matches!(limit_depth(&page).html, Cow::Borrowed(_)));
    }
}
