//! Stage 1, read: paths in, [`Source`]s out.
//!
//! A path is a file, a folder (walked in name order; hidden entries skipped; `.txt`, `.md`,
//! `.html`/`.htm` and `.jsonl` files read) or `-` for stdin. A file named explicitly is read
//! whatever its extension, as plain text unless the extension says otherwise.
//!
//! - `.txt` and `.md` are read as they are.
//! - `.html`/`.htm` go through an HTML parser ([`html`]); the source's text is the extracted
//!   article text, and every span points into that text, not into the page.
//! - `.jsonl` gives one source per line ([`jsonl`]).
//! - stdin is plain text, except that input whose first character is `{` and whose every
//!   non-blank line is a JSON value is read as JSONL, and input opening with `<!DOCTYPE html` or
//!   `<html` is read as HTML.
//!
//! Each source records its publication date and where it came from ([`DateOrigin`]): the
//! manifest `sources.csv` in the source's folder ([`manifest`]) wins, then a declared date (the
//! JSONL `published` field, or an HTML page's `<meta>`, JSON-LD or `<time>` date), then a
//! dateline near the top of the text ([`dateline`]). An HTML page's outlet and title are kept
//! too (the manifest's outlet wins). A page that yields no article text is a warning on stderr.
//!
//! Boilerplate is not cut out of the text (spans must stay byte offsets into the original); it is
//! marked as spans ([`boilerplate`]) that later stages skip with [`Source::strip_boilerplate`].
//!
//! Encodings ([`encoding`]): UTF-8 with or without a byte-order mark and UTF-16 with one are
//! read; a UTF-8 mark becomes three spaces so offsets into the original input stay right, UTF-16
//! is converted (spans are then offsets into the UTF-8 text).
//!
//! An input holding nothing but whitespace is a warning and gives no source.
//!
//! Problems (missing file, folder with nothing readable, not UTF-8 or UTF-16, binary, bad JSONL
//! line, bad manifest date) come back as [`InputError`]s naming the file and the place; the other sources
//! are still read.

pub mod boilerplate;
pub mod claims;
pub mod dateline;
pub mod encoding;
pub mod html;
pub mod jsonl;
pub mod manifest;
pub mod stream;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

use crate::error::{InputError, Place};
use crate::span::Span;

/// Where a source's publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrigin {
    /// The corpus manifest `sources.csv`.
    Manifest,
    /// The `published` field of a JSONL record.
    Published,
    /// An HTML page's `<meta>` publication tag (`article:published_time` and its kin).
    Meta,
    /// An HTML page's JSON-LD `datePublished`.
    JsonLd,
    /// An HTML page's `<time datetime>` (or `itemprop=datePublished`) element.
    Time,
    /// A dateline found in the text.
    Dateline,
    /// No date known.
    Unknown,
}

impl DateOrigin {
    /// How `explain` names the origin.
    pub fn describe(self) -> &'static str {
        match self {
            DateOrigin::Manifest => "the manifest sources.csv",
            DateOrigin::Published => "the JSONL published field",
            DateOrigin::Meta => "the page's <meta> publication tag",
            DateOrigin::JsonLd => "the page's JSON-LD datePublished",
            DateOrigin::Time => "the page's <time datetime>",
            DateOrigin::Dateline => "a dateline in the text",
            DateOrigin::Unknown => "nowhere: no date known",
        }
    }
}

/// How the text of a source was obtained; spans are offsets into `Source::text` in every case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    /// Extracted article text of an HTML page (spans point into the extracted text).
    Html,
    Jsonl,
}

/// One article.
#[derive(Clone, Debug)]
pub struct Source {
    /// File name, or the JSONL `source` field.
    pub name: String,
    pub text: String,
    pub format: Format,
    pub published: Option<Date>,
    pub date_origin: DateOrigin,
    pub outlet: Option<String>,
    /// The title an HTML page declares (`og:title`, `<title>`...); not part of `text`.
    pub title: Option<String>,
    /// Byte ranges of `text` judged boilerplate (share widgets, link lists, bios...), sorted and
    /// not overlapping.
    pub boilerplate: Vec<Span>,
}

impl Source {
    pub fn new(name: impl Into<String>, text: String, format: Format) -> Self {
        Source {
            name: name.into(),
            text,
            format,
            published: None,
            date_origin: DateOrigin::Unknown,
            outlet: None,
            title: None,
            boilerplate: Vec::new(),
        }
    }

    /// Whether `span` lies inside boilerplate: nothing but boilerplate, whitespace and
    /// punctuation is left once boilerplate is taken off its ends.
    pub fn is_boilerplate(&self, span: Span) -> bool {
        self.strip_boilerplate(span).is_none()
    }

    /// `span` with boilerplate taken off both ends (and the whitespace next to it), or `None`
    /// when nothing with a letter or digit is left. A sentence that runs into an insert such as
    /// "... control. (RELATED: ...)" keeps its article part. Boilerplate strictly inside the
    /// span is left in place: cutting it would split one sentence into two spans.
    pub fn strip_boilerplate(&self, span: Span) -> Option<Span> {
        let bp = &self.boilerplate;
        let mut s = span.trim(&self.text);
        // Sorted, non-overlapping spans: each loop moves past one boilerplate span.
        // Only punctuation between an end and the boilerplate ("“Share”") goes with it.
        let bare =
            |a: usize, b: usize| a >= b || !self.text[a..b].chars().any(char::is_alphanumeric);
        let mut i = bp.partition_point(|b| b.end <= s.start);
        while i < bp.len() && !s.is_empty() && bp[i].start < s.end && bare(s.start, bp[i].start) {
            s = Span::new(bp[i].end.min(s.end), s.end).trim(&self.text);
            i += 1;
        }
        let mut j = bp.partition_point(|b| b.start < s.end);
        while j > 0 && !s.is_empty() && bp[j - 1].end > s.start && bare(bp[j - 1].end, s.end) {
            s = Span::new(s.start, bp[j - 1].start.max(s.start)).trim(&self.text);
            j -= 1;
        }
        let wordy = s.slice(&self.text).chars().any(char::is_alphanumeric);
        (wordy && !s.is_empty()).then_some(s)
    }

    /// Fills in what every source gets once its text is known: the manifest's date and outlet,
    /// a dateline when no date is known yet, and the boilerplate spans.
    fn finish(&mut self, entry: Option<&manifest::Entry>, opts: Options) {
        if let Some(e) = entry {
            if e.outlet.is_some() {
                self.outlet.clone_from(&e.outlet);
            }
            if let Some(d) = e.published {
                self.published = Some(d);
                self.date_origin = DateOrigin::Manifest;
            }
        }
        if self.published.is_none()
            && let Some(d) = dateline::find(&self.text)
        {
            self.published = Some(d);
            self.date_origin = DateOrigin::Dateline;
        }
        if opts.boilerplate {
            self.boilerplate = boilerplate::find(&self.text);
        }
    }
}

/// One thing to read, found by walking the paths given on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

const READABLE: &[&str] = &["txt", "md", "html", "htm", "jsonl"];

fn readable(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| READABLE.iter().any(|r| r.eq_ignore_ascii_case(e)))
}

/// The format a file's extension names; anything else named explicitly is plain text.
fn format_of(path: &Path) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("md" | "markdown") => Format::Markdown,
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("jsonl" | "ndjson") => Format::Jsonl,
        _ => Format::Text,
    }
}

/// Expands paths into inputs: folders are walked in name order and keep only readable files.
/// Each folder's manifest is read here, once, so its problems are reported once.
pub fn discover(paths: &[String], errors: &mut Vec<InputError>) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = PathBuf::from(p);
        match std::fs::metadata(&path) {
            Err(e) => errors.push(
                InputError::new(p, Place::Whole, format!("cannot read: {}", io_reason(&e)))
                    .hint("check the path"),
            ),
            Ok(m) if m.is_dir() => {
                let before = out.len();
                let mut seen = HashSet::new();
                walk(&path, &mut out, errors, &mut seen);
                if out.len() == before {
                    errors.push(
                        InputError::new(p, Place::Whole, "folder holds no readable sources")
                            .hint("claimdiff reads .txt, .md, .html, .htm and .jsonl files"),
                    );
                }
            }
            Ok(_) => out.push(Input::File(path)),
        }
    }
    let mut dirs = HashSet::new();
    for input in &out {
        if let Input::File(f) = input {
            let dir = folder_of(f);
            if dirs.insert(dir.clone()) {
                errors.extend(manifest::for_dir(&dir).1);
            }
        }
    }
    out
}

fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn walk(
    dir: &Path,
    out: &mut Vec<Input>,
    errors: &mut Vec<InputError>,
    seen: &mut HashSet<PathBuf>,
) {
    // A symlink loop would otherwise walk forever.
    if let Ok(real) = std::fs::canonicalize(dir)
        && !seen.insert(real)
    {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(InputError::new(
                dir.display().to_string(),
                Place::Whole,
                format!("cannot read folder: {}", io_reason(&e)),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out, errors, seen);
        } else if readable(&p) {
            out.push(Input::File(p));
        }
    }
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "is a folder".to_string(),
        _ => e.to_string(),
    }
}

/// What [`load_with`] does besides reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Find boilerplate spans (off for `--keep-boilerplate`, which would ignore them).
    pub boilerplate: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { boilerplate: true }
    }
}

/// Reads one input into its sources. A JSONL input may give several, and some of its lines
/// may fail while others are read: both come back. Safe to call from many threads at once.
pub fn load(input: &Input) -> (Vec<Source>, Vec<InputError>) {
    load_with(input, Options::default())
}

/// [`load`] with options.
pub fn load_with(input: &Input, opts: Options) -> (Vec<Source>, Vec<InputError>) {
    match read_bytes(input) {
        Ok(b) => load_bytes(input, b, opts),
        Err(e) => (vec![], vec![e]),
    }
}

/// Stdin as a stream. When its first non-blank line is a JSON object, stdin is JSONL: its
/// records are read at most `batch` lines at a time (fewer when no more input has come yet) and
/// each batch's sources handed to `each`, so memory follows the batch, not the input, and a
/// reader downstream gets output as input comes (a later line that is no record is an error
/// naming it). Anything else is read whole and handed
/// over at once, as [`load_with`] reads it. Returns the problems met.
pub fn stream_stdin(
    opts: Options,
    batch: usize,
    mut each: impl FnMut(Vec<Source>),
) -> Vec<InputError> {
    use rayon::prelude::*;
    use std::io::BufRead;
    let name = Input::Stdin.display();
    // Our own buffer, so that we can tell whether more input has come without waiting for it.
    let mut reader = std::io::BufReader::with_capacity(1 << 16, std::io::stdin().lock());
    let mut head = Vec::new();
    let mut number = 0;
    // Blank lines first, then the first line with something on it decides.
    loop {
        let at = head.len();
        match reader.read_until(b'\n', &mut head) {
            Ok(0) => break,
            Ok(_) => number += 1,
            Err(e) => return vec![InputError::new(name, Place::Whole, e.to_string())],
        }
        let line = &head[at..];
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record = line.trim_ascii_start().starts_with(b"{")
            && serde_json::from_slice::<serde::de::IgnoredAny>(line.trim_ascii()).is_ok();
        if !record {
            break;
        }
        let mut errors = Vec::new();
        let mut lines = vec![(number, at, line.to_vec())];
        let mut start = head.len();
        drop(head);
        let mut done = false;
        loop {
            // A batch goes out when full, when the input has ended, or when no more of it has
            // come yet (reading on would wait while claims are ready).
            let waiting = reader.buffer().is_empty();
            if !lines.is_empty() && (lines.len() >= batch.max(1) || done || waiting) {
                let got: Vec<_> = lines
                    .par_iter()
                    .map(|(n, s, l)| {
                        let l = l.strip_suffix(b"\n").unwrap_or(l);
                        let l = l.strip_suffix(b"\r").unwrap_or(l);
                        let mut errs = Vec::new();
                        let src = jsonl::line_source(&name, *n, *s, l, None, opts, &mut errs);
                        (src, errs)
                    })
                    .collect();
                lines.clear();
                let mut sources = Vec::with_capacity(got.len());
                for (src, errs) in got {
                    sources.extend(src);
                    errors.extend(errs);
                }
                each(sources);
            }
            if done {
                return errors;
            }
            let mut buf = Vec::new();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => done = true,
                Ok(len) => {
                    number += 1;
                    if !buf.iter().all(u8::is_ascii_whitespace) {
                        lines.push((number, start, buf));
                    }
                    start += len;
                }
                Err(e) => {
                    errors.push(InputError::new(
                        &name,
                        Place::Line(number + 1),
                        e.to_string(),
                    ));
                    done = true;
                }
            }
        }
    }
    if let Err(e) = std::io::Read::read_to_end(&mut reader, &mut head) {
        return vec![InputError::new(name, Place::Whole, e.to_string())];
    }
    let (sources, errors) = load_bytes(&Input::Stdin, head, opts);
    each(sources);
    errors
}

/// [`load_with`] on the bytes of `input`, already read.
fn load_bytes(input: &Input, bytes: Vec<u8>, opts: Options) -> (Vec<Source>, Vec<InputError>) {
    let name = input.display();
    let bytes = match encoding::decode(&name, bytes) {
        Ok(b) => b,
        Err(e) => return (vec![], vec![e]),
    };
    if let Err(e) = check_not_binary(&name, &bytes) {
        return (vec![], vec![e]);
    }
    // Readable but holding nothing: said once, not an error (an empty scrape is common).
    if bytes.iter().all(u8::is_ascii_whitespace) {
        crate::error::warn(format!("{name}: empty, nothing to read"));
        return (vec![], vec![]);
    }
    // Normally `discover` has read the manifest already and reported its problems; a caller
    // that skipped it gets them here, once.
    let (file_name, manifest, mut errors) = match input {
        Input::Stdin => ("-".to_string(), None, vec![]),
        Input::File(p) => {
            let (m, errs) = manifest::for_dir(&folder_of(p));
            let file_name = p
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or(name.clone());
            (file_name, m, errs)
        }
    };
    let format = match input {
        Input::Stdin => sniff(&bytes),
        Input::File(p) => format_of(p),
    };
    if format == Format::Jsonl {
        let (sources, errs) = jsonl::load(&name, &bytes, manifest.as_deref(), opts);
        errors.extend(errs);
        return (sources, errors);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            errors.push(not_utf8(&name, e.utf8_error().valid_up_to()));
            return (vec![], errors);
        }
    };
    let mut src = match format {
        Format::Html => {
            let page = html::extract(&text);
            if let Some((at, dropped)) = page.flattened {
                let (line, col) = crate::span::LineIndex::new(&text).line_col(&text, at);
                crate::error::warn(format_args!(
                    "{name}:{line}:{col}: nesting deeper than {} elements (or {} tables) is flattened: {dropped} start tags from here on are left out, their text kept",
                    html::MAX_DEPTH,
                    html::MAX_TABLE_DEPTH
                ));
            }
            if page.text.trim().is_empty() {
                // Not an error (the page was read), but silence would hide a lost source.
                crate::error::warn(format_args!("{name}: no article text found in the page"));
            }
            let mut s = Source::new(file_name, page.text, Format::Html);
            s.published = page.published;
            s.date_origin = page.date_origin;
            s.title = page.title;
            s.outlet = page.outlet;
            s
        }
        f => Source::new(file_name, text, f),
    };
    let entry = manifest.as_deref().and_then(|m| m.get(&src.name));
    src.finish(entry, opts);
    (vec![src], errors)
}

fn read_bytes(input: &Input) -> Result<Vec<u8>, InputError> {
    match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
                .map(|_| buf)
                .map_err(|e| InputError::new(input.display(), Place::Whole, e.to_string()))
        }
        Input::File(p) => std::fs::read(p).map_err(|e| {
            InputError::new(
                input.display(),
                Place::Whole,
                format!("cannot read: {}", io_reason(&e)),
            )
        }),
    }
}

/// Rejects what is not text: anything with a NUL byte, which no UTF-8 text holds (the test git
/// and ripgrep use). UTF-16 with a byte-order mark has been converted by then.
fn check_not_binary(name: &str, bytes: &[u8]) -> Result<(), InputError> {
    if let Some(at) = memchr::memchr(0, bytes) {
        let err = InputError::new(name, Place::Byte(at), "looks like a binary file (NUL byte)");
        return Err(if encoding::looks_like_utf16_without_bom(bytes) {
            err.hint("UTF-16 without a byte-order mark? save it as UTF-8, or UTF-16 with one")
        } else {
            err
        });
    }
    Ok(())
}

fn not_utf8(name: &str, at: usize) -> InputError {
    InputError::new(name, Place::Byte(at), "not valid UTF-8").hint("convert the file to UTF-8")
}

/// What stdin holds: JSONL when it opens with `{` and every non-blank line is a JSON value,
/// HTML when it opens with a doctype or `<html>`, plain text otherwise.
fn sniff(bytes: &[u8]) -> Format {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..];
    if head.first() == Some(&b'{') && jsonl::all_lines_json(head) {
        return Format::Jsonl;
    }
    let lower: Vec<u8> = head.iter().take(15).map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return Format::Html;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_bp(text: &str, bp: &[(usize, usize)]) -> Source {
        let mut s = Source::new("t", text.to_string(), Format::Text);
        s.boilerplate = bp.iter().map(|&(a, b)| Span::new(a, b)).collect();
        s
    }

    #[test]
    fn strip_takes_insert_off_the_end() {
        // "Done." is bytes 0..5; the insert starts at 6.
        let text = "Done. (RELATED: Other story)";
        let s = with_bp(text, &[(6, 28)]);
        assert_eq!(s.strip_boilerplate(Span::new(0, 28)), Some(Span::new(0, 5)));
        assert!(!s.is_boilerplate(Span::new(0, 28)));
        assert!(s.is_boilerplate(Span::new(6, 28)));
    }

    #[test]
    fn strip_takes_lines_off_both_ends_and_keeps_middle() {
        // "Share" 0..5, "Title" 6..11, "Tweet" 12..17.
        let text = "Share\nTitle\nTweet";
        let s = with_bp(text, &[(0, 5), (12, 17)]);
        assert_eq!(
            s.strip_boilerplate(Span::new(0, 17)),
            Some(Span::new(6, 11))
        );
        let s = with_bp(text, &[(6, 11)]);
        assert_eq!(
            s.strip_boilerplate(Span::new(0, 17)),
            Some(Span::new(0, 17))
        );
    }

    #[test]
    fn punctuation_left_over_counts_as_boilerplate() {
        let text = "\u{201c}Share\u{201d}";
        let s = with_bp(text, &[(3, 8)]);
        assert!(s.is_boilerplate(Span::new(0, text.len())));
    }

    #[test]
    fn sniff_tells_jsonl_html_and_text_apart() {
        assert_eq!(sniff(b"{\"a\":1}\n{\"b\":2}\n"), Format::Jsonl);
        assert_eq!(sniff(b"{not json} said he.\n"), Format::Text);
        assert_eq!(sniff(b"  <!DOCTYPE html><p>x</p>"), Format::Html);
        assert_eq!(sniff(b"The end."), Format::Text);
    }
}
