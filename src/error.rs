//! Problems with input that the run reports and survives.
//!
//! Like ripgrep, a bad source is reported on one line and skipped; the run finishes the other
//! sources and the exit status (2) tells scripts that something could not be read.

use std::fmt;

/// Where in an input a problem sits. Lines are 1-based; byte offsets 0-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Whole,
    Line(usize),
    LineCol(usize, usize),
    Byte(usize),
}

/// One problem with one input, printed as `FILE:PLACE: message` (cargo style).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub file: String,
    pub place: Place,
    pub message: String,
    pub hint: Option<String>,
}

impl InputError {
    pub fn new(file: impl Into<String>, place: Place, message: impl Into<String>) -> Self {
        InputError {
            file: file.into(),
            place,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Place::Whole => write!(f, "{}: {}", self.file, self.message)?,
            Place::Line(l) => write!(f, "{}:{}: {}", self.file, l, self.message)?,
            Place::LineCol(l, c) => write!(f, "{}:{}:{}: {}", self.file, l, c, self.message)?,
            Place::Byte(b) => write!(f, "{}: byte {}: {}", self.file, b, self.message)?,
        }
        if let Some(h) = &self.hint {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// Prints a problem the way every command does: one line on stderr.
pub fn report(err: &InputError) {
    eprintln!("claimdiff: error: {err}");
}

/// Prints a warning line on stderr.
pub fn warn(msg: impl fmt::Display) {
    eprintln!("claimdiff: warning: {msg}");
}
