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
    /// Nesting deeper than [`MAX_DEPTH`] was flattened: the byte offset in the page of the first
    /// start tag left out, and how many were. The reader warns with it (file and place).
    pub flattened: Option<(usize, usize)>,
}

/// Deepest nesting of elements handed to the parser; deeper start and end tags are dropped
/// (their text is kept). Chromium's parser stops nesting at 512; real article pages stay
/// under 100, and the extractor's cost grows quickly with depth (a 500-deep page already
/// takes a fifth of a second), hence the lower bound.
pub const MAX_DEPTH: usize = 192;

/// Deepest nesting of `<table>`s handed to the parser (within [`MAX_DEPTH`]); deeper ones lose
/// their tags and their cells join the enclosing cell. The extractor's memory grows with the
/// rows of a table times the tables around it (192 nested tables around 8,000 rows took
/// 700 MB), and layout tables rarely nest more than three deep.
pub const MAX_TABLE_DEPTH: usize = 4;

/// Formatting elements: closed by another element's end tag, the parser keeps them in its list
/// of active formatting elements and opens them again at the next text, so they stay counted.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

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
        flattened: limited.first_dropped.map(|at| (at, limited.dropped)),
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
    /// Byte offset in the page of the first start tag dropped, so the warning can name it.
    pub first_dropped: Option<usize>,
}

/// Elements that never hold others (void) or whose end tag is implied by the next sibling:
/// they do not deepen the tree however many are left open. (Not `rb`, `rt`, `rtc`, `rp`: outside
/// a `<ruby>` nothing closes them, so they nest.)
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image", "p", "li", "dt", "dd", "tr",
    "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
];
/// Elements whose content is raw text up to their end tag (no tags inside), in HTML content
/// (inside `<svg>` or `<math>` they are ordinary elements).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];
/// The HTML standard's "special" elements that the limit keeps on its stack: an end tag of an
/// ordinary element (`</span>`) does not close past one of them (the parser ignores it).
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "button",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "iframe",
    "listing",
    "main",
    "marquee",
    "menu",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "style",
    "summary",
    "table",
    "template",
    "textarea",
    "title",
    "ul",
    "xmp",
];
/// Elements an end tag of a special element does not close past (the standard's "scope"
/// boundaries that the limit keeps on its stack).
const SCOPE: &[&str] = &["applet", "marquee", "object", "table", "template"];
/// Elements inside `<svg>` and `<math>` that are both special and scope boundaries.
const FOREIGN_SPECIAL: &[&str] = &[
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignobject",
    "desc",
    "title",
];
/// How far down the stack an end tag looks for its element: further than any page that is not
/// made to be pathological needs, and a bound on the work per tag. An end tag whose element is
/// not found is taken as ignored, which can only overcount the depth.
const END_TAG_REACH: usize = 64;

/// Drops start and end tags nested deeper than [`MAX_DEPTH`] (tables deeper than
/// [`MAX_TABLE_DEPTH`]), keeping their text. One pass over the bytes, with a stack of the open
/// elements; a page within the limits is returned as it is. Nesting is counted as the HTML
/// parser builds it, closely enough, and where the two may differ the count errs high, since a
/// count too low would let a hostile page through (each rule below was such a page): void
/// elements and elements with implied end tags (`<p>`, `<li>`, ...) do not count, except
/// inside `<svg>` and `<math>`, where every element not closed by `/>` nests (and `<style>`
/// holds tags); `<div/>` nests; comments (`<!-->` included) and raw text (`<script>`,
/// `<style>`) are stepped over; an end tag closes its element only where the parser would (not
/// past a special element such as `<div>`, nor past a table for a special one), and a
/// formatting element (`<b>`) closed by another's end tag stays counted, since the parser
/// opens it again.
pub fn limit_depth(html: &str) -> Limited<'_> {
    let first = scan(html, None);
    if first.max_depth <= MAX_DEPTH && first.max_tables <= MAX_TABLE_DEPTH {
        return Limited {
            html: Cow::Borrowed(html),
            work: first.work,
            dropped: 0,
            first_dropped: None,
        };
    }
    let mut out = String::with_capacity(html.len());
    let second = scan(html, Some(&mut out));
    Limited {
        html: Cow::Owned(out),
        work: first.bytes + second.work,
        dropped: second.dropped,
        first_dropped: second.first_dropped,
    }
}

struct Scan {
    max_depth: usize,
    max_tables: usize,
    work: usize,
    bytes: usize,
    dropped: usize,
    first_dropped: Option<usize>,
}

/// One pass over `html`: measures its nesting and, with `out`, writes it with tags deeper than
/// [`MAX_DEPTH`] left out.
fn scan(html: &str, mut out: Option<&mut String>) -> Scan {
    let b = html.as_bytes();
    let mut s = Scan {
        max_depth: 0,
        max_tables: 0,
        work: b.len(),
        bytes: b.len(),
        dropped: 0,
        first_dropped: None,
    };
    let mut open: Vec<Open> = Vec::new();
    // Kept `<table>`s open.
    let mut tables = 0usize;
    let mut copied = 0; // bytes of `html` up to here are written (or dropped) already
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let Some(tag) = read_tag(b, lt) else {
            i = lt + 1;
            continue;
        };
        let name = &html[tag.name.clone()];
        let in_foreign = open.last().is_some_and(|o| o.foreign);
        let mut keep = true;
        match tag.kind {
            TagKind::Start => {
                let foreign = in_foreign || is_one_of(name, &["svg", "math"]);
                // `/>` ends an element only in SVG and MathML; `<div/>` stays open in HTML.
                let nests = if foreign {
                    !tag.self_closing
                } else {
                    !is_one_of(name, NOT_NESTING)
                };
                // An option's end tag is implied by the next option or group (a long
                // `<select>` is flat); anything else between them makes them nest.
                if !foreign
                    && is_one_of(name, &["option", "optgroup"])
                    && open.last().is_some_and(|o| {
                        !o.foreign && html[o.name.clone()].eq_ignore_ascii_case("option")
                    })
                {
                    open.pop();
                }
                if nests {
                    let depth = open.len() + 1;
                    let table = !foreign && name.eq_ignore_ascii_case("table");
                    s.max_depth = s.max_depth.max(depth);
                    if table {
                        s.max_tables = s.max_tables.max(tables + 1);
                    }
                    keep = depth <= MAX_DEPTH && (!table || tables < MAX_TABLE_DEPTH);
                    if keep && table {
                        tables += 1;
                    }
                    if keep {
                        s.work += depth;
                    } else {
                        s.dropped += 1;
                        s.first_dropped.get_or_insert(lt);
                    }
                    open.push(Open {
                        keep,
                        name: tag.name.clone(),
                        foreign,
                        table: keep && table,
                    });
                } else {
                    s.work += open.len().min(MAX_DEPTH);
                }
            }
            TagKind::End if in_foreign || !is_one_of(name, NOT_NESTING) => {
                let (closes, looked) = closed_by(html, &open, name);
                s.work += looked;
                if let Some(at) = closes {
                    keep = open[at].keep;
                    let mut lingering = Vec::new();
                    for (k, o) in open.drain(at..).enumerate() {
                        if o.table {
                            tables -= 1;
                        }
                        if k > 0 && !o.foreign && is_one_of(&html[o.name.clone()], FORMATTING) {
                            lingering.push(o);
                        }
                    }
                    open.extend(lingering);
                }
            }
            TagKind::End | TagKind::Other => {}
        }
        if let Some(out) = out.as_deref_mut() {
            out.push_str(&html[copied..lt]);
            if keep {
                out.push_str(&html[lt..tag.end]);
            } else if out.ends_with('<')
                && b.get(tag.end)
                    .is_some_and(|&c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
            {
                // A `<` of text just before the dropped tag would open a new tag with what
                // follows it, one the limit never counted: written as a reference, it stays text.
                out.pop();
                out.push_str("&lt;");
            }
            copied = tag.end;
        }
        i = tag.end;
        // The content of `<script>`, `<style>`... is text up to its end tag, whatever it holds.
        if tag.kind == TagKind::Start && !in_foreign && is_one_of(name, RAW_TEXT) {
            i = raw_text_end(b, i, name.as_bytes());
        }
    }
    if let Some(out) = out {
        out.push_str(&html[copied..]);
    }
    s
}

/// An element the limit counts as open.
struct Open {
    /// Its tags are written (it is not nested too deep).
    keep: bool,
    /// Its name in the page.
    name: std::ops::Range<usize>,
    /// It is `<svg>` or `<math>` or inside one.
    foreign: bool,
    /// It is a kept `<table>`.
    table: bool,
}

/// Which open element (its index in `open`) the end tag `</name>` closes, as the HTML parser
/// decides, closely enough: the nearest of that name, unless a special element stands between
/// (for an ordinary element) or a scope boundary does (for a special one), in which case the
/// parser ignores the tag. Also returns how many elements were looked at.
fn closed_by(html: &str, open: &[Open], name: &str) -> (Option<usize>, usize) {
    let special = is_one_of(name, SPECIAL);
    for (looked, (at, o)) in open.iter().enumerate().rev().enumerate() {
        if looked == END_TAG_REACH {
            return (None, looked);
        }
        let own = &html[o.name.clone()];
        if own.eq_ignore_ascii_case(name) {
            return (Some(at), looked + 1);
        }
        let stops = if o.foreign {
            is_one_of(own, FOREIGN_SPECIAL)
        } else if special {
            is_one_of(own, SCOPE)
        } else {
            is_one_of(own, SPECIAL)
        };
        if stops {
            return (None, looked + 1);
        }
    }
    (None, open.len())
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
        // `<!-->` and `<!--->` are whole (empty) comments to the parser; others end at the
        // first `-->` or `--!>`.
        let body = &rest[3..];
        let end = if body.starts_with(b">") {
            lt + 5
        } else if body.starts_with(b"->") {
            lt + 6
        } else {
            let close = |pat: &[u8]| memchr::memmem::find(body, pat).map(|p| p + pat.len());
            match (close(b"-->"), close(b"--!>")) {
                (Some(a), Some(c)) => lt + 4 + a.min(c),
                (Some(p), None) | (None, Some(p)) => lt + 4 + p,
                (None, None) => b.len(),
            }
        };
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
    // Attributes: a `>` inside a quoted value does not end the tag. A value is quoted only
    // when the quote follows `=` (spaces between allowed); elsewhere a quote is part of a name.
    let mut quote = None;
    let mut after_eq = false;
    while j < b.len() {
        match (quote, b[j]) {
            (Some(q), c) if c == q => {
                quote = None;
                after_eq = false;
            }
            (Some(_), _) => {}
            (None, q @ (b'"' | b'\'')) if after_eq => quote = Some(q),
            (None, b'>') => break,
            (None, b'=') => after_eq = true,
            (None, c) if c.is_ascii_whitespace() => {}
            _ => after_eq = false,
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
