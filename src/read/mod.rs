//! Stage 1, read: paths in, [`Source`]s out.
//!
//! A path is a file, a folder (walked in name order) or `-` for stdin. `.txt` and `.md` are read
//! as they are; `.jsonl` gives one source per line. Each source knows its publication date and
//! where that date came from. Boilerplate is not cut out of the text (spans must stay byte
//! offsets into the original); it is marked as spans that later stages skip.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

use crate::error::{InputError, Place};
use crate::span::Span;

/// Where a source's publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrigin {
    /// The corpus manifest `sources.csv`.
    Manifest,
    /// The `published` field of a JSONL record.
    Published,
    /// A dateline found in the text.
    Dateline,
    /// No date known.
    Unknown,
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
    /// Byte ranges of `text` judged boilerplate (share widgets, link lists, bios...).
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
            boilerplate: Vec::new(),
        }
    }

    /// Whether `span` lies inside a boilerplate region.
    pub fn is_boilerplate(&self, span: Span) -> bool {
        self.boilerplate.iter().any(|b| b.overlaps(span))
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

/// Expands paths into inputs: folders are walked in name order and keep only readable files.
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
                walk(&path, &mut out, errors);
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
    out
}

fn walk(dir: &Path, out: &mut Vec<Input>, errors: &mut Vec<InputError>) {
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
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out, errors);
        } else if readable(&p) {
            out.push(Input::File(p));
        }
    }
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Reads one input into its sources. A JSONL input may give several, and some of its lines
/// may fail while others are read: both come back.
pub fn load(input: &Input) -> (Vec<Source>, Vec<InputError>) {
    let name = input.display();
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            match std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf) {
                Ok(_) => buf,
                Err(e) => {
                    return (
                        vec![],
                        vec![InputError::new(name, Place::Whole, e.to_string())],
                    );
                }
            }
        }
        Input::File(p) => match std::fs::read(p) {
            Ok(b) => b,
            Err(e) => {
                return (
                    vec![],
                    vec![InputError::new(
                        name,
                        Place::Whole,
                        format!("cannot read: {}", io_reason(&e)),
                    )],
                );
            }
        },
    };
    let file_name = match input {
        Input::Stdin => "-".to_string(),
        Input::File(p) => p
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or(name.clone()),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return (
                vec![],
                vec![
                    InputError::new(name, Place::Byte(at), "not valid UTF-8")
                        .hint("convert the file to UTF-8"),
                ],
            );
        }
    };
    if text.as_bytes().contains(&0) {
        let at = memchr::memchr(0, text.as_bytes()).unwrap_or(0);
        return (
            vec![],
            vec![InputError::new(
                name,
                Place::Byte(at),
                "looks like a binary file (NUL byte)",
            )],
        );
    }
    (vec![Source::new(file_name, text, Format::Text)], vec![])
}
