//! Reading a corpus a batch at a time: inputs in, batches of [`Piece`]s out, in input order.
//!
//! A corpus can be one JSONL file of a gigabyte, so a file is not the unit of work: a JSONL
//! file is read line by line and each line is a piece of its own, while any other input
//! (a text, Markdown or HTML file, stdin) is one piece, read whole by whoever loads it. A
//! reader thread gathers pieces into batches of about [`BATCH_BYTES`] and stays at most one
//! batch ahead of the caller, so memory follows a batch (and the largest source), not the
//! corpus; the caller loads and processes a batch's pieces in parallel.
//!
//! A JSONL file read this way gets the checks [`super::load_with`] makes on a whole file,
//! line by line: a UTF-8 byte-order mark is skipped, a NUL byte ends the file with an error
//! at its byte offset (the lines before it are kept), and a line that is not UTF-8 or not a
//! record is reported by number. A JSONL file starting with a UTF-16 or UTF-32 mark is one
//! piece, read whole, since it has to be converted (or refused) as a whole.

use std::io::BufRead;
use std::sync::Arc;

use super::{Input, Options, Source, encoding, jsonl, manifest};
use crate::error::{InputError, Place};

/// A batch holds pieces of about this many bytes in all.
pub const BATCH_BYTES: usize = 4 << 20;

/// One unit of reading work.
pub enum Piece {
    /// A whole input, loaded by [`super::load_with`].
    Whole { input: Input, bytes: u64 },
    /// One non-blank line of a JSONL file.
    Line {
        file: Arc<str>,
        /// 1-based line number and byte offset of the line in the file.
        number: usize,
        start: usize,
        line: Vec<u8>,
        manifest: Option<Arc<manifest::Manifest>>,
    },
    /// A problem met while reading ahead, reported in its place.
    Failed(InputError),
}

impl Piece {
    /// Bytes of input this piece stands for (a file's size; 0 for stdin, whose size is not
    /// known ahead).
    pub fn bytes(&self) -> u64 {
        match self {
            Piece::Whole { bytes, .. } => *bytes,
            Piece::Line { line, .. } => line.len() as u64 + 1,
            Piece::Failed(_) => 0,
        }
    }

    /// Whether this piece may hold a source that `wanted` accepts by name: a JSONL line is
    /// looked at for its `source` field only.
    pub fn may_hold(&self, wanted: impl Fn(&str) -> bool) -> bool {
        match self {
            Piece::Line { line, .. } => jsonl::source_name(line).is_some_and(|n| wanted(&n)),
            _ => true,
        }
    }

    /// The sources of this piece and the problems met reading it. Safe to call from many
    /// threads at once.
    pub fn load(self, opts: Options) -> (Vec<Source>, Vec<InputError>) {
        match self {
            Piece::Whole { input, .. } => super::load_with(&input, opts),
            Piece::Line {
                file,
                number,
                start,
                line,
                manifest,
            } => {
                let mut errors = Vec::new();
                let src = jsonl::line_source(
                    &file,
                    number,
                    start,
                    &line,
                    manifest.as_deref(),
                    opts,
                    &mut errors,
                );
                (src.into_iter().collect(), errors)
            }
            Piece::Failed(e) => (vec![], vec![e]),
        }
    }
}

/// Total bytes of the file inputs (for a progress bar; stdin counts 0).
pub fn total_bytes(inputs: &[Input]) -> u64 {
    inputs
        .iter()
        .map(|i| match i {
            Input::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
            Input::Stdin => 0,
        })
        .sum()
}

/// Hands the pieces of `inputs` to `each`, a batch at a time, in input order. A thread reads
/// the next batch while `each` works on this one.
pub fn for_each_batch(inputs: &[Input], mut each: impl FnMut(Vec<Piece>)) {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Piece>>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batch = Batcher {
                pieces: Vec::new(),
                bytes: 0,
                tx,
            };
            for input in inputs {
                if !batch.read(input) {
                    return;
                }
            }
            batch.send();
        });
        for pieces in rx {
            each(pieces);
        }
    });
}

struct Batcher {
    pieces: Vec<Piece>,
    bytes: usize,
    tx: std::sync::mpsc::SyncSender<Vec<Piece>>,
}

impl Batcher {
    /// Adds a piece; false when the receiving end is gone (nothing more to read for).
    fn push(&mut self, piece: Piece) -> bool {
        self.bytes += piece.bytes() as usize;
        self.pieces.push(piece);
        self.bytes < BATCH_BYTES || self.send()
    }

    fn send(&mut self) -> bool {
        self.bytes = 0;
        let pieces = std::mem::take(&mut self.pieces);
        pieces.is_empty() || self.tx.send(pieces).is_ok()
    }

    /// Reads one input into pieces; false when the receiving end is gone.
    fn read(&mut self, input: &Input) -> bool {
        let path = match input {
            Input::File(p) if super::format_of(p) == super::Format::Jsonl => p,
            _ => {
                let bytes = match input {
                    Input::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
                    Input::Stdin => 0,
                };
                // A small file holding nothing is said here, in input order: from the worker
                // that loads it, its warning would come out in whatever order threads finish.
                if let Input::File(p) = input
                    && bytes <= 4096
                    && std::fs::read(p).is_ok_and(|b| b.iter().all(u8::is_ascii_whitespace))
                {
                    crate::error::warn(format!("{}: empty, nothing to read", input.display()));
                    return true;
                }
                return self.push(Piece::Whole {
                    input: input.clone(),
                    bytes,
                });
            }
        };
        let name = input.display();
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => {
                return self.push(Piece::Failed(InputError::new(
                    name,
                    Place::Whole,
                    format!("cannot read: {}", super::io_reason(&e)),
                )));
            }
        };
        let mut r = std::io::BufReader::with_capacity(1 << 16, file);
        let head = match r.fill_buf() {
            Ok(h) => h,
            Err(e) => {
                return self.push(Piece::Failed(InputError::new(
                    name,
                    Place::Whole,
                    format!("cannot read: {}", super::io_reason(&e)),
                )));
            }
        };
        match encoding::sniff(&name, head) {
            // UTF-16 is converted as a whole, and UTF-32 refused by the whole-file reader.
            Ok(encoding::Encoding::Utf16Le | encoding::Encoding::Utf16Be) | Err(_) => {
                let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
                return self.push(Piece::Whole {
                    input: input.clone(),
                    bytes,
                });
            }
            Ok(_) => {}
        }
        let (manifest, _) = manifest::for_dir(&super::folder_of(path));
        let file: Arc<str> = name.clone().into();
        let mut number = 0;
        let mut start = 0;
        let mut any = false;
        loop {
            let mut line = Vec::new();
            match r.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    return self.push(Piece::Failed(InputError::new(
                        name,
                        Place::Byte(start),
                        format!("cannot read: {}", super::io_reason(&e)),
                    )));
                }
            }
            number += 1;
            let len = line.len();
            if number == 1 && line.starts_with(b"\xEF\xBB\xBF") {
                // As the whole-file reader does: the mark counts as spaces, offsets unchanged.
                line[..3].copy_from_slice(b"   ");
            }
            if let Some(at) = memchr::memchr(0, &line) {
                let err = InputError::new(
                    name,
                    Place::Byte(start + at),
                    format!("looks like a binary file (NUL byte on line {number})"),
                );
                return self.push(Piece::Failed(if encoding::looks_like_utf16_without_bom(&line) {
                    err.hint("UTF-16 without a byte-order mark? save it as UTF-8, or UTF-16 with one")
                } else {
                    err
                }));
            }
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                any = true;
                let piece = Piece::Line {
                    file: file.clone(),
                    number,
                    start,
                    line,
                    manifest: manifest.clone(),
                };
                if !self.push(piece) {
                    return false;
                }
            }
            start += len;
        }
        if !any {
            // Readable but holding nothing: said once, not an error (an empty scrape is common).
            crate::error::warn(format!("{name}: empty, nothing to read"));
        }
        true
    }
}
