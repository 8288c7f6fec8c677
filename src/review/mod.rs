//! Reviewer verdicts: the reviews file in, verdicts carried onto report rows out.
//!
//! The reviews file (`reports/reviews.csv` by default) has the columns `id,status,note,reviewed_at`
//! (CONTRACT.md `claimdiff review`), one verdict per conflict id, `reviewed_at` in RFC 3339 UTC.
//! A conflict's id hashes its slot and normalized values, so a verdict stays attached to the same
//! conflict across re-runs, new sources and reordered input. Verdicts whose conflict no longer
//! appears in a report are kept in the file, never dropped: the conflict may come back.
//!
//! Writing goes through [`Reviews::update`]: take an exclusive lock on a sibling lock file, re-read
//! the file, change it, write it atomically ([`store`]), release the lock. Two reviewers working at
//! once therefore each see the other's verdicts and cannot overwrite them.
//!
//! [`report`] reads the open conflicts back from a `discrepancies.csv` for the reviewer, and
//! [`tui`] is the full-screen reviewer itself.

pub mod report;
pub mod store;
pub mod tui;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use jiff::Timestamp;

use crate::error::{InputError, Place};
use crate::report::{ConflictRow, Status};

/// The reviews file's header, in CONTRACT.md order.
pub const HEADER: [&str; 4] = ["id", "status", "note", "reviewed_at"];

/// One reviewer's decision on one conflict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub status: Status,
    pub note: String,
    pub reviewed_at: Timestamp,
}

impl Verdict {
    /// A verdict made now, stamped to the second (RFC 3339 UTC in the file).
    pub fn now(status: Status, note: impl Into<String>) -> Self {
        Verdict {
            status,
            note: note.into(),
            reviewed_at: now_to_second(),
        }
    }
}

fn now_to_second() -> Timestamp {
    let now = Timestamp::now();
    // Whole seconds keep the file readable; `round` cannot fail for a unit of one second.
    now.round(jiff::Unit::Second).unwrap_or(now)
}

/// All verdicts of a reviews file, keyed by conflict id (written sorted by id so diffs stay small).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reviews {
    verdicts: BTreeMap<String, Verdict>,
}

impl Reviews {
    /// Reads a reviews file. A missing file is an empty set of verdicts; a malformed one is an
    /// error naming the file and line.
    pub fn load(path: &Path) -> Result<Reviews, InputError> {
        let name = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) => Reviews::parse(&name, &bytes),
            // No such file, or its folder is not there (or is a file): no verdicts yet.
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                Ok(Reviews::default())
            }
            Err(e) => Err(InputError::new(
                name,
                Place::Whole,
                format!("cannot read: {e}"),
            )),
        }
    }

    /// Parses the bytes of a reviews file called `name` (for messages). When an id appears twice,
    /// the later line wins, as it would in a log a person appended to by hand.
    pub fn parse(name: &str, bytes: &[u8]) -> Result<Reviews, InputError> {
        let mut reviews = Reviews::default();
        // A spreadsheet that saved the file may have put a UTF-8 byte-order mark in front.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(reviews);
        }
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut records = rdr.byte_records();
        match records.next() {
            Some(Ok(head)) => {
                let found: Vec<&[u8]> = head.iter().collect();
                let want: Vec<&[u8]> = HEADER.iter().map(|h| h.as_bytes()).collect();
                if found != want {
                    return Err(InputError::new(
                        name,
                        Place::Line(1),
                        format!(
                            "expected the header `{}`, found `{}`",
                            HEADER.join(","),
                            head.iter()
                                .map(String::from_utf8_lossy)
                                .collect::<Vec<_>>()
                                .join(",")
                        ),
                    ));
                }
            }
            Some(Err(e)) => return Err(csv_error(name, &e)),
            None => return Ok(reviews),
        }
        for record in records {
            let record = record.map_err(|e| csv_error(name, &e))?;
            let line = record.position().map_or(0, |p| p.line() as usize);
            let at = |msg: String| InputError::new(name, Place::Line(line), msg);
            if record.len() != HEADER.len() {
                return Err(at(format!(
                    "expected {} fields (id,status,note,reviewed_at), found {}",
                    HEADER.len(),
                    record.len()
                )));
            }
            let field = |i: usize| {
                std::str::from_utf8(&record[i])
                    .map_err(|_| at(format!("field `{}` is not UTF-8", HEADER[i])))
            };
            let id = field(0)?.trim();
            if id.is_empty() {
                return Err(at("empty id".into()));
            }
            let status = parse_status(field(1)?.trim()).ok_or_else(|| {
                at(format!(
                    "status `{}` is not one of open, confirmed, dismissed",
                    field(1).unwrap_or_default()
                ))
            })?;
            let note = field(2)?.to_string();
            let stamp = field(3)?.trim();
            let reviewed_at = stamp.parse::<Timestamp>().map_err(|_| {
                at(format!(
                    "reviewed_at `{stamp}` is not an RFC 3339 time such as 2024-04-27T09:30:00Z"
                ))
            })?;
            reviews.verdicts.insert(
                id.to_string(),
                Verdict {
                    status,
                    note,
                    reviewed_at,
                },
            );
        }
        Ok(reviews)
    }

    /// Locks the reviews file, re-reads it, lets `change` edit the verdicts, writes the result
    /// atomically and unlocks. `change` sees every verdict saved so far, including other
    /// reviewers'. Returns what `change` returned and the verdicts as written.
    pub fn update<T>(
        path: &Path,
        change: impl FnOnce(&mut Reviews) -> T,
    ) -> Result<(T, Reviews), InputError> {
        let name = path.display().to_string();
        let io_err = |what: &str, e: std::io::Error| {
            InputError::new(name.clone(), Place::Whole, format!("{what}: {e}"))
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| io_err("cannot create its folder", e))?;
        }
        // Through a symlink, lock and write beside the real file, where every path to it meets.
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let path = real.as_path();
        let lock = store::Lock::acquire(path).map_err(|e| io_err("cannot lock", e))?;
        lock.remove_stale_temporaries(path)
            .map_err(|e| io_err("cannot remove a stale temporary file", e))?;
        let mut reviews = Reviews::load(path)?;
        let out = change(&mut reviews);
        store::write_atomic(path, &reviews.to_csv()).map_err(|e| io_err("cannot write", e))?;
        Ok((out, reviews))
    }

    /// The file's bytes: header, then one line per verdict sorted by id.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        // Writing to a Vec cannot fail.
        let _ = w.write_record(HEADER);
        for (id, v) in &self.verdicts {
            let stamp = v.reviewed_at.to_string();
            let _ = w.write_record([id.as_str(), status_name(v.status), &v.note, &stamp]);
        }
        w.into_inner().unwrap_or_default()
    }

    /// Carries every verdict onto the rows with its id (status and note) and returns how many
    /// verdicts refer to conflicts not among `rows`. Those verdicts stay in the file.
    pub fn apply(&self, rows: &mut [ConflictRow]) -> usize {
        let mut found = 0;
        let mut seen = std::collections::HashSet::new();
        for row in rows.iter_mut() {
            if let Some(v) = self.verdicts.get(&row.id) {
                row.status = v.status;
                row.note = v.note.clone();
                if seen.insert(row.id.as_str().to_owned()) {
                    found += 1;
                }
            }
        }
        self.verdicts.len() - found
    }

    pub fn get(&self, id: &str) -> Option<&Verdict> {
        self.verdicts.get(id)
    }

    /// Records `verdict` for `id` and returns the verdict it replaced.
    pub fn set(&mut self, id: &str, verdict: Verdict) -> Option<Verdict> {
        self.verdicts.insert(id.to_string(), verdict)
    }

    /// Removes the verdict for `id` (used to undo a first verdict) and returns it.
    pub fn remove(&mut self, id: &str) -> Option<Verdict> {
        self.verdicts.remove(id)
    }

    pub fn len(&self) -> usize {
        self.verdicts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.verdicts.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Verdict)> {
        self.verdicts.iter().map(|(k, v)| (k.as_str(), v))
    }
}

fn csv_error(name: &str, e: &csv::Error) -> InputError {
    let place = e
        .position()
        .map_or(Place::Whole, |p| Place::Line(p.line() as usize));
    InputError::new(name, place, format!("malformed CSV: {e}"))
}

/// `open`, `confirmed` or `dismissed`, as written in the files.
pub fn parse_status(s: &str) -> Option<Status> {
    match s {
        "open" => Some(Status::Open),
        "confirmed" => Some(Status::Confirmed),
        "dismissed" => Some(Status::Dismissed),
        _ => None,
    }
}

pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Open => "open",
        Status::Confirmed => "confirmed",
        Status::Dismissed => "dismissed",
    }
}

/// Where the value as written (`text_a`) sits in its evidence sentence, for highlighting. The
/// report quotes both but not the value's offset inside the sentence, so it is found again: an
/// exact match first, then one ignoring ASCII case ("Six" at a sentence start for "six"), then
/// one where any run of whitespace matches any other ("about 1,100" with a no-break space).
pub fn locate(sentence: &str, written: &str) -> Option<Range<usize>> {
    let written = written.trim();
    if written.is_empty() {
        return None;
    }
    if let Some(i) = sentence.find(written) {
        return Some(i..i + written.len());
    }
    // ASCII lowercasing keeps byte offsets unchanged, so a match maps back one to one.
    let hay = sentence.to_ascii_lowercase();
    let needle = written.to_ascii_lowercase();
    if let Some(i) = hay.find(&needle) {
        return Some(i..i + needle.len());
    }
    let words: Vec<&str> = needle.split_whitespace().collect();
    let (first, rest) = words.split_first()?;
    let mut from = 0;
    while let Some(found) = hay[from..].find(first) {
        let start = from + found;
        let mut end = start + first.len();
        let whole = rest.iter().all(|w| {
            let gap = hay[end..].len() - hay[end..].trim_start().len();
            if gap == 0 || !hay[end + gap..].starts_with(w) {
                return false;
            }
            end += gap + w.len();
            true
        });
        if whole {
            return Some(start..end);
        }
        from = start + first.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "id,status,note,reviewed_at\n\
        c1,confirmed,\"checked, with the wire copy\",2024-04-27T09:30:00Z\n\
        c2,dismissed,,2024-04-27T10:00:00Z\n";

    fn row(id: &str) -> ConflictRow {
        ConflictRow {
            id: id.into(),
            status: Status::Open,
            severity: crate::report::Severity::High,
            kind: "date".into(),
            slot: "coup/date".into(),
            value_a: "2023-02".into(),
            value_b: "2023-07".into(),
            text_a: "February 2023".into(),
            text_b: "July 2023".into(),
            sources_a: "a.txt".into(),
            sources_b: "b.txt".into(),
            evidence_a: "A coup in February 2023.".into(),
            evidence_b: "A coup in July 2023.".into(),
            location_a: "a.txt:1:1".into(),
            location_b: "b.txt:1:1".into(),
            rule: "builtin".into(),
            note: String::new(),
            relation: crate::report::Relation::Conflict,
            fact: String::new(),
            story: String::new(),
        }
    }

    #[test]
    fn parses_and_writes_back_the_same_bytes() {
        let r = Reviews::parse("r.csv", GOOD.as_bytes()).unwrap();
        assert_eq!(r.len(), 2);
        let c1 = r.get("c1").unwrap();
        assert_eq!(c1.status, Status::Confirmed);
        assert_eq!(c1.note, "checked, with the wire copy");
        assert_eq!(c1.reviewed_at.to_string(), "2024-04-27T09:30:00Z");
        assert_eq!(String::from_utf8(r.to_csv()).unwrap(), GOOD);
    }

    #[test]
    fn spreadsheet_bom_and_crlf_are_read() {
        let text = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
        let r = Reviews::parse("r.csv", text.as_bytes()).unwrap();
        assert_eq!(r, Reviews::parse("r.csv", GOOD.as_bytes()).unwrap());
    }

    #[test]
    fn empty_file_is_no_verdicts() {
        assert!(Reviews::parse("r.csv", b"").unwrap().is_empty());
        assert!(
            Reviews::parse("r.csv", b"id,status,note,reviewed_at\n")
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn bad_status_names_its_line() {
        let text = "id,status,note,reviewed_at\nc1,open,,2024-04-27T09:30:00Z\nc2,maybe,,2024-04-27T09:30:00Z\n";
        let e = Reviews::parse("r.csv", text.as_bytes()).unwrap_err();
        assert_eq!(e.place, Place::Line(3));
        assert!(e.to_string().starts_with("r.csv:3: status `maybe`"), "{e}");
    }

    #[test]
    fn bad_header_and_bad_time_and_short_line() {
        let e = Reviews::parse("r.csv", b"id,verdict\n").unwrap_err();
        assert_eq!(e.place, Place::Line(1));
        let e = Reviews::parse("r.csv", b"id,status,note,reviewed_at\nc1,open,,yesterday\n")
            .unwrap_err();
        assert_eq!(e.place, Place::Line(2));
        let e = Reviews::parse("r.csv", b"id,status,note,reviewed_at\nc1,open\n").unwrap_err();
        assert_eq!(e.place, Place::Line(2));
    }

    #[test]
    fn apply_sets_status_and_note_and_counts_missing() {
        let r = Reviews::parse("r.csv", GOOD.as_bytes()).unwrap();
        let mut rows = vec![row("c1"), row("c9")];
        // c2 has no row: one verdict refers to a conflict no longer found.
        assert_eq!(r.apply(&mut rows), 1);
        assert_eq!(rows[0].status, Status::Confirmed);
        assert_eq!(rows[0].note, "checked, with the wire copy");
        assert_eq!(rows[1].status, Status::Open);
    }

    #[test]
    fn later_duplicate_wins() {
        let text = "id,status,note,reviewed_at\nc1,open,,2024-04-27T09:30:00Z\nc1,dismissed,dup,2024-04-28T09:30:00Z\n";
        let r = Reviews::parse("r.csv", text.as_bytes()).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r.get("c1").unwrap().status, Status::Dismissed);
    }

    proptest::proptest! {
        /// Any notes (commas, quotes, newlines, any Unicode) survive a write and a read.
        #[test]
        fn write_then_read_gives_the_same_verdicts(
            entries in proptest::collection::btree_map("[a-z0-9-]{1,20}", (0..3u8, ".*", 0..2_000_000_000i64), 0..20)
        ) {
            let mut reviews = Reviews::default();
            for (id, (s, note, secs)) in &entries {
                let status = [Status::Open, Status::Confirmed, Status::Dismissed][*s as usize];
                let reviewed_at = Timestamp::from_second(*secs).unwrap();
                reviews.set(id, Verdict { status, note: note.clone(), reviewed_at });
            }
            let back = Reviews::parse("r.csv", &reviews.to_csv()).unwrap();
            proptest::prop_assert_eq!(back, reviews);
        }
    }

    #[test]
    fn locate_finds_exact_then_caseless() {
        let s = "Six soldiers died in July 2023.";
        assert_eq!(locate(s, "July 2023"), Some(21..30));
        assert_eq!(locate(s, "six"), Some(0..3));
        assert_eq!(locate(s, "August"), None);
        assert_eq!(locate(s, " "), None);
        let nbsp = "The United States has about\u{a0}1,100 troops.";
        assert_eq!(locate(nbsp, "about 1,100"), Some(22..34));
        assert_eq!(
            locate("about  1,000 or about 1,100", "About 1,100"),
            Some(16..27)
        );
        assert_eq!(locate("about 1,000", "about 1,100"), None);
    }
}
