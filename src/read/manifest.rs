//! The corpus manifest: `sources.csv` in a source's folder, columns `source,outlet,published,url`
//! (any order, found by the header row; other columns ignored), in; per-source outlet,
//! publication date and URL out.
//!
//! `source` is matched against a source's name (its file name, or the JSONL `source` field);
//! a path in that column is reduced to its file name. `published` is `YYYY-MM-DD` (a timestamp
//! starting with one is accepted) or empty. A row with a bad date is reported as
//! `sources.csv:LINE: ...` and its date ignored; the other rows still apply. A source listed
//! twice is an error at the second row (the first applies). A row naming a file the folder does
//! not hold is a warning (a typo would otherwise leave that source without its date), unless the
//! folder holds `.jsonl` files, whose sources are named inside them.
//!
//! Each folder's manifest is parsed once per process and shared (sources are loaded from many
//! threads); the problems it has are handed to whichever caller reads it first, so they are
//! reported once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use jiff::civil::Date;

use super::dateline::parse_iso_date;
use crate::error::{InputError, Place};

/// The file name looked for in each folder.
pub const FILE_NAME: &str = "sources.csv";

/// What the manifest says about one source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    pub outlet: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
}

/// A parsed manifest: entries by source name.
#[derive(Clone, Debug, Default)]
pub struct Manifest {
    entries: HashMap<String, Entry>,
    /// The line of each source's row, for messages.
    lines: HashMap<String, usize>,
}

impl Manifest {
    pub fn get(&self, source: &str) -> Option<&Entry> {
        self.entries.get(source)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

type Cache = Mutex<HashMap<PathBuf, Option<Arc<Manifest>>>>;

/// The manifest of folder `dir`, if it has one, and the problems found in it: those only on
/// the first call for that folder in this process.
pub fn for_dir(dir: &Path) -> (Option<Arc<Manifest>>, Vec<InputError>) {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let cache = CACHE.get_or_init(Default::default);
    // Parsing under the lock means a manifest is read once even when threads race for it.
    let mut map = cache.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(m) = map.get(&key) {
        return (m.clone(), vec![]);
    }
    let path = dir.join(FILE_NAME);
    let (found, errors) = match std::fs::read(&path) {
        Ok(bytes) => {
            let name = path.display().to_string();
            let (m, errs) = parse(&name, &bytes);
            warn_unknown(&name, dir, &m);
            (Some(Arc::new(m)), errs)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (None, vec![]),
        Err(e) => (
            None,
            vec![InputError::new(
                path.display().to_string(),
                Place::Whole,
                format!("cannot read manifest: {}", super::io_reason(&e)),
            )],
        ),
    };
    map.insert(key, found.clone());
    (found, errors)
}

/// Warns, once per manifest, about rows naming a file that `dir` does not hold.
fn warn_unknown(file: &str, dir: &Path, m: &Manifest) {
    let has_jsonl = std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("jsonl"))
        })
    });
    if has_jsonl {
        return;
    }
    let mut unknown: Vec<(usize, &str)> = m
        .lines
        .iter()
        .filter(|(name, _)| !dir.join(name).exists())
        .map(|(name, &line)| (line, name.as_str()))
        .collect();
    unknown.sort();
    for (line, name) in unknown {
        crate::error::warn(format!(
            "{file}:{line}: source `{name}` is not in this folder; its row applies to nothing"
        ));
    }
}

/// Parses manifest bytes; `file` names it in error messages.
pub fn parse(file: &str, bytes: &[u8]) -> (Manifest, Vec<InputError>) {
    let mut errors = Vec::new();
    let mut manifest = Manifest::default();
    // A spreadsheet's "CSV UTF-8" puts a byte-order mark in front of the header.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errors.push(csv_error(file, &e));
            return (manifest, errors);
        }
    };
    let column = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(source_col) = column("source") else {
        errors.push(
            InputError::new(file, Place::Line(1), "manifest has no `source` column")
                .hint("the header row should read source,outlet,published,url"),
        );
        return (manifest, errors);
    };
    let (outlet_col, published_col, url_col) =
        (column("outlet"), column("published"), column("url"));
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(file, &e));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let field = |c: Option<usize>| {
            c.and_then(|c| rec.get(c))
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let Some(source) = field(Some(source_col)) else {
            continue;
        };
        let name = source
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(&source)
            .to_string();
        let published = match field(published_col) {
            None => None,
            Some(v) => match parse_iso_date(&v) {
                Some(d) => Some(d),
                None => {
                    errors.push(
                        InputError::new(
                            file,
                            Place::Line(line),
                            format!("`{v}` in column `published` is not a date"),
                        )
                        .hint("write it as YYYY-MM-DD"),
                    );
                    None
                }
            },
        };
        if let Some(first) = manifest.lines.get(&name) {
            errors.push(
                InputError::new(
                    file,
                    Place::Line(line),
                    format!("source `{name}` is listed again (first on line {first})"),
                )
                .hint("keep one row per source; the first one applies"),
            );
            continue;
        }
        manifest.lines.insert(name.clone(), line);
        manifest.entries.insert(
            name,
            Entry {
                outlet: field(outlet_col),
                published,
                url: field(url_col),
            },
        );
    }
    (manifest, errors)
}

fn csv_error(file: &str, e: &csv::Error) -> InputError {
    let place = e
        .position()
        .map_or(Place::Whole, |p| Place::Line(p.line() as usize));
    let msg = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_string(),
        _ => format!("cannot parse manifest: {e}"),
    };
    InputError::new(file, place, msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_by_header_and_reduces_paths() {
        let csv = "url,published,source,outlet\n\
                   https://a.example/x,2024-04-27,seeds/a.txt,Alpha\n\
                   ,,b.txt,\n";
        let (m, errs) = parse("sources.csv", csv.as_bytes());
        assert!(errs.is_empty(), "{errs:?}");
        let a = m.get("a.txt").unwrap();
        assert_eq!(a.published, Some(Date::constant(2024, 4, 27)));
        assert_eq!(a.outlet.as_deref(), Some("Alpha"));
        assert_eq!(a.url.as_deref(), Some("https://a.example/x"));
        assert_eq!(m.get("b.txt"), Some(&Entry::default()));
    }

    #[test]
    fn bad_date_names_its_line_and_keeps_other_rows() {
        // Header is line 1, so the bad row (third record) is line 4.
        let csv = "source,outlet,published,url\na.txt,A,2024-01-02,\nb.txt,B,2024-01-03,\nc.txt,C,2024-02-30,\n";
        let (m, errs) = parse("dir/sources.csv", csv.as_bytes());
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].place, Place::Line(4));
        assert_eq!(m.len(), 3);
        assert_eq!(m.get("c.txt").unwrap().published, None);
        assert_eq!(m.get("c.txt").unwrap().outlet.as_deref(), Some("C"));
    }

    #[test]
    fn a_source_listed_twice_is_an_error_at_the_second_row_and_the_first_applies() {
        let csv = "source,published\na.txt,2024-01-02\nb.txt,\nseeds/a.txt,2024-05-06\n";
        let (m, errs) = parse("s.csv", csv.as_bytes());
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].place, Place::Line(4));
        assert_eq!(
            errs[0].message,
            "source `a.txt` is listed again (first on line 2)"
        );
        assert_eq!(
            m.get("a.txt").unwrap().published,
            Some(Date::constant(2024, 1, 2))
        );
    }

    #[test]
    fn missing_source_column_is_an_error_on_line_1() {
        let (m, errs) = parse("s.csv", b"name,published\na,2024-01-01\n");
        assert!(m.is_empty());
        assert_eq!(errs[0].place, Place::Line(1));
    }
}
