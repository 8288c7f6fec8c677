//! Records spilled to a temporary file: [`Record`]s of one source at a time in, a [`Block`]
//! (where they lie) out; a block read back gives the same records, field for field.
//!
//! `check` keeps every claim until its story is compared, and a corpus of a gigabyte makes
//! millions: held in memory they take ten times the corpus. Spilled, only the blocks' places
//! stay in memory, and a story's records are read back when it is compared, so memory follows
//! the largest story. The file is unlinked as soon as it is created (on Unix): nothing is left
//! behind, however the run ends.
//!
//! The encoding is private to one run: lengths and integers as LEB128, floats as their bits
//! (a comparison of intervals must see the very same numbers), a sentence shared with the
//! record before it written once.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::Arc;

use crate::extract::{Claim, Slot};
use crate::frame::Frame;
use crate::group::Record;
use crate::recognize::{Interval, Kind, Value};
use crate::span::Span;

/// Where the records of one source lie: in the spill file, or held in memory when the file
/// could not take them.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    place: Place,
    /// How many records it holds: a story's are read into a vector of the right size, as
    /// one grown record by record would hold up to twice as many (and three times while it
    /// moves).
    pub count: usize,
}

#[derive(Clone, Copy, Debug)]
enum Place {
    File { offset: u64, len: usize },
    Held(usize),
}

/// The spill file, written block by block, then read back story by story.
pub struct Spill {
    file: File,
    /// Set only where the file could not be unlinked at once: removed on drop.
    path: Option<PathBuf>,
    at: u64,
    /// Blocks the file could not take (a full disk, a file size limit): from the first
    /// failed write on, the encoded records stay in memory, still far smaller than records.
    held: Vec<Box<[u8]>>,
    full: bool,
}

impl Spill {
    /// A new, empty spill file in `dir`.
    pub fn create_in(dir: &std::path::Path) -> io::Result<Spill> {
        let mut n = 0u32;
        let (file, path) = loop {
            let path = dir.join(format!(".claimdiff-spill-{}-{n}", std::process::id()));
            match std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(f) => break (f, path),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
                Err(e) => return Err(e),
            }
        };
        // An open file outlives its name on Unix: unlinked now, it goes when the run does,
        // a crash or a kill included. Elsewhere it is removed on drop.
        let path = std::fs::remove_file(&path).err().map(|_| path);
        Ok(Spill {
            file,
            path,
            at: 0,
            held: Vec::new(),
            full: false,
        })
    }

    /// A new spill file in the system's temporary folder (`TMPDIR`).
    pub fn create() -> io::Result<Spill> {
        Spill::create_in(&std::env::temp_dir())
    }

    /// Appends `count` records already encoded ([`encode`]) as one block. Written straight
    /// through (a block is a source's records, kilobytes): a block the file took is whole in
    /// it, so a failed write loses nothing.
    pub fn append(&mut self, bytes: &[u8], count: usize) -> Block {
        if !self.full {
            if self.file.write_all(bytes).is_ok() {
                let place = Place::File {
                    offset: self.at,
                    len: bytes.len(),
                };
                self.at += bytes.len() as u64;
                return Block { place, count };
            }
            self.full = true;
        }
        self.held.push(bytes.into());
        Block {
            place: Place::Held(self.held.len() - 1),
            count,
        }
    }

    /// The records of `block`, appended to `out`.
    pub fn read(&mut self, block: Block, out: &mut Vec<Record>) -> io::Result<()> {
        let damaged = || io::Error::other("spill file damaged");
        match block.place {
            Place::Held(i) => decode(&self.held[i], out).ok_or_else(damaged),
            Place::File { offset, len } => {
                let mut bytes = vec![0; len];
                self.file.seek(SeekFrom::Start(offset))?;
                self.file.read_exact(&mut bytes)?;
                decode(&bytes, out).ok_or_else(damaged)
            }
        }
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        if let Some(p) = &self.path {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// The records of one source, encoded (appended to `out`).
pub fn encode(records: &[Record], out: &mut Vec<u8>) {
    let mut last: Option<&Arc<str>> = None;
    for r in records {
        let Record {
            claim,
            text,
            sentence,
            words,
            location,
            published,
            date_guessed,
        } = r;
        let Claim {
            id,
            source,
            slot: Slot { subject, attribute },
            value,
            sentence: sentence_span,
            rule,
            hedged,
            entity,
            evidence,
            frame,
        } = claim;
        let mut w = W(out);
        w.str(id);
        w.str(source);
        w.str(subject);
        w.str(attribute);
        w.value(value);
        w.span(*sentence_span);
        w.str(rule);
        w.bool(*hedged);
        w.opt_str(entity.as_deref());
        w.span(*evidence);
        w.frame(frame);
        w.str(text);
        if last.is_some_and(|l| Arc::ptr_eq(l, sentence) || **l == **sentence) {
            w.bool(true);
        } else {
            w.bool(false);
            w.str(sentence);
        }
        last = Some(sentence);
        w.str(words);
        w.str(location);
        match published {
            None => w.bool(false),
            Some(d) => {
                w.bool(true);
                w.int(d.year() as i64);
                w.int(d.month() as i64);
                w.int(d.day() as i64);
            }
        }
        w.bool(*date_guessed);
    }
}

/// Decodes the records of one block; `None` when the bytes are not such records.
fn decode(bytes: &[u8], out: &mut Vec<Record>) -> Option<()> {
    let mut r = R(bytes);
    let mut last: Option<Arc<str>> = None;
    while !r.0.is_empty() {
        let id = r.string()?;
        let source = r.string()?;
        let subject = r.string()?;
        let attribute = r.string()?;
        let value = r.value()?;
        let sentence_span = r.span()?;
        let rule = r.string()?;
        let hedged = r.bool()?;
        let entity = r.opt_string()?;
        let evidence = r.span()?;
        let frame = r.frame()?;
        let text = r.string()?;
        let sentence: Arc<str> = if r.bool()? {
            last.clone()?
        } else {
            r.str()?.into()
        };
        last = Some(sentence.clone());
        let words = r.string()?;
        let location = r.string()?;
        let published = if r.bool()? {
            let (y, m, d) = (r.int()?, r.int()?, r.int()?);
            Some(jiff::civil::Date::new(y as i16, m as i8, d as i8).ok()?)
        } else {
            None
        };
        let date_guessed = r.bool()?;
        out.push(Record {
            claim: Claim {
                id,
                source,
                slot: Slot { subject, attribute },
                value,
                sentence: sentence_span,
                rule,
                hedged,
                entity,
                evidence,
                frame,
            },
            text,
            sentence,
            words,
            location,
            published,
            date_guessed,
        });
    }
    Some(())
}

struct W<'a>(&'a mut Vec<u8>);

impl W<'_> {
    fn uint(&mut self, mut n: u64) {
        loop {
            let b = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }
    fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }
    fn bool(&mut self, b: bool) {
        self.0.push(b as u8);
    }
    fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.bool(false),
            Some(s) => {
                self.bool(true);
                self.str(s);
            }
        }
    }
    fn strs(&mut self, v: &[String]) {
        self.uint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }
    fn span(&mut self, s: Span) {
        self.uint(s.start as u64);
        self.uint(s.end as u64);
    }
    fn value(&mut self, v: &Value) {
        let Value {
            kind,
            span,
            value,
            interval,
            unit,
            approximate,
            relative,
            vague,
        } = v;
        self.uint(Kind::ALL.iter().position(|k| k == kind).unwrap_or(0) as u64);
        self.span(*span);
        self.str(value);
        match interval {
            None => self.bool(false),
            Some(Interval { lo, hi }) => {
                self.bool(true);
                self.0.extend_from_slice(&lo.to_bits().to_le_bytes());
                self.0.extend_from_slice(&hi.to_bits().to_le_bytes());
            }
        }
        self.opt_str(unit.as_deref());
        self.bool(*approximate);
        self.bool(*relative);
        self.bool(*vague);
    }
    fn frame(&mut self, f: &Frame) {
        let Frame {
            measured,
            predicate,
            holder,
            place,
            subgroup,
            phase,
            year,
            names,
            increment,
            source,
            estimate,
            restrict,
            negated,
            planned,
            definite,
            pointed,
            moment,
        } = f;
        for s in [measured, predicate, holder, place, subgroup, phase] {
            self.str(s);
        }
        match year {
            None => self.bool(false),
            Some(y) => {
                self.bool(true);
                self.int(*y as i64);
            }
        }
        self.strs(names);
        self.bool(*increment);
        self.str(source);
        self.bool(*estimate);
        self.strs(restrict);
        self.bool(*negated);
        self.bool(*planned);
        self.bool(*definite);
        self.str(pointed);
        self.opt_str(moment.as_deref());
    }
}

struct R<'a>(&'a [u8]);

impl<'a> R<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
    fn uint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.uint()?).ok()
    }
    fn int(&mut self) -> Option<i64> {
        let n = self.uint()?;
        Some(((n >> 1) as i64) ^ -((n & 1) as i64))
    }
    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    fn str(&mut self) -> Option<&'a str> {
        let n = self.usize()?;
        if n > self.0.len() {
            return None;
        }
        let (s, rest) = self.0.split_at(n);
        self.0 = rest;
        std::str::from_utf8(s).ok()
    }
    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }
    fn opt_string(&mut self) -> Option<Option<String>> {
        Some(if self.bool()? {
            Some(self.string()?)
        } else {
            None
        })
    }
    fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.usize()?;
        (0..n).map(|_| self.string()).collect()
    }
    fn span(&mut self) -> Option<Span> {
        Some(Span {
            start: self.usize()?,
            end: self.usize()?,
        })
    }
    fn f64(&mut self) -> Option<f64> {
        if self.0.len() < 8 {
            return None;
        }
        let (b, rest) = self.0.split_at(8);
        self.0 = rest;
        Some(f64::from_bits(u64::from_le_bytes(b.try_into().ok()?)))
    }
    fn value(&mut self) -> Option<Value> {
        let kind = *Kind::ALL.get(self.usize()?)?;
        let span = self.span()?;
        let value = self.string()?;
        let interval = if self.bool()? {
            Some(Interval {
                lo: self.f64()?,
                hi: self.f64()?,
            })
        } else {
            None
        };
        Some(Value {
            kind,
            span,
            value,
            interval,
            unit: self.opt_string()?,
            approximate: self.bool()?,
            relative: self.bool()?,
            vague: self.bool()?,
        })
    }
    fn frame(&mut self) -> Option<Frame> {
        Some(Frame {
            measured: self.string()?,
            predicate: self.string()?,
            holder: self.string()?,
            place: self.string()?,
            subgroup: self.string()?,
            phase: self.string()?,
            year: if self.bool()? {
                Some(i32::try_from(self.int()?).ok()?)
            } else {
                None
            },
            names: self.strings()?,
            increment: self.bool()?,
            source: self.string()?,
            estimate: self.bool()?,
            restrict: self.strings()?,
            negated: self.bool()?,
            planned: self.bool()?,
            definite: self.bool()?,
            pointed: self.string()?,
            moment: self.opt_string()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_back_as_they_went() {
        let mut a = crate::group::tests::record("a.txt", "people", "killed", Kind::Count, "12");
        a.claim.value.interval = Some(Interval {
            lo: 0.1 + 0.2,
            hi: f64::INFINITY,
        });
        a.claim.value.unit = Some("km".into());
        a.claim.entity = Some("person".into());
        a.claim.frame.names = vec!["Tobago".into(), "Kenyan".into()];
        a.claim.frame.year = Some(-40);
        a.claim.frame.moment = Some("XXXX-XX-XXT22:55".into());
        a.published = Some(jiff::civil::date(2031, 3, 4));
        a.date_guessed = true;
        a.sentence = "Twelve people were killed, “officials” said.".into();
        let mut b = a.clone();
        b.claim.value.value = "13".into();
        let mut c = a.clone();
        c.sentence = "Another sentence.".into();
        c.published = None;
        let records = [a, b, c];
        let mut spill = Spill::create().unwrap();
        let mut bytes = Vec::new();
        encode(&records[..2], &mut bytes);
        let first = spill.append(&bytes, 2);
        bytes.clear();
        encode(&records[2..], &mut bytes);
        let second = spill.append(&bytes, 1);
        let mut back = Vec::new();
        spill.read(second, &mut back).unwrap();
        spill.read(first, &mut back).unwrap();
        let want = [&records[2], &records[0], &records[1]];
        assert_eq!(back.len(), 3);
        for (got, want) in back.iter().zip(want) {
            assert_eq!(format!("{got:?}"), format!("{want:?}"));
        }
        // The claims of one sentence share it again.
        assert!(Arc::ptr_eq(&back[1].sentence, &back[2].sentence));
    }

    #[test]
    fn the_file_leaves_no_name_behind() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::create_in(dir.path()).unwrap();
        spill.append(b"", 0);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        drop(spill);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
