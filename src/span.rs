//! Byte spans into an original text, and the `line:column` view derived from them.
//!
//! Every stage points back into the text it read with a [`Span`]; quoted evidence and
//! locations are computed from spans, never searched for again.

use serde::Serialize;

/// A half-open byte range `start..end` into one text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers. Spans are built on char boundaries, so this cannot panic
    /// for a span made by this crate over the same text.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn join(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shrinks the span so it neither starts nor ends with whitespace.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }

    /// Moves a span that is relative to `base`'s start so it is relative to the same text as `base`.
    pub const fn offset(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// Line starts of a text, to turn byte offsets into 1-based `line:column` (column in characters).
///
/// Besides line starts it keeps a mark every [`MARK_EVERY`] bytes inside long lines (the byte
/// offset and the characters from its line's start), so a column costs at most that many bytes
/// of counting however long the line: a flattened table of a million figures on one line stays
/// linear.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, characters since the start of its line), in order.
    marks: Vec<(usize, usize)>,
}

const MARK_EVERY: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut marks = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let mut at = start;
            let mut chars = 0;
            while end - at > MARK_EVERY {
                let mut next = at + MARK_EVERY;
                while !text.is_char_boundary(next) {
                    next -= 1;
                }
                chars += text[at..next].chars().count();
                marks.push((next, chars));
                at = next;
            }
        }
        LineIndex { starts, marks }
    }

    /// 1-based line and column of byte `offset` in `text` (the text this index was built on).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let (from, before) = match self.marks.partition_point(|&(b, _)| b <= offset) {
            0 => (start, 0),
            k if self.marks[k - 1].0 >= start => self.marks[k - 1],
            _ => (start, 0),
        };
        let col = text
            .get(from..offset.min(text.len()))
            .map_or(offset - from, |s| s.chars().count())
            + before
            + 1;
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\n€x\ny";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        // 'x' follows the 3-byte euro sign: byte 6, second character of line 2.
        assert_eq!(idx.line_col(text, 6), (2, 2));
        // Past the marks of a long line, columns still count characters from the line start.
        let long = format!("x\n{}é{}", "a".repeat(5000), "b".repeat(9000));
        let long_idx = LineIndex::new(&long);
        let at = long.len() - 1;
        assert_eq!(long_idx.line_col(&long, at), (2, 5000 + 1 + 9000));
        assert_eq!(long_idx.line_col(&long, 2 + 4999), (2, 5000));
        assert_eq!(idx.line_col(text, 8), (3, 1));
    }

    #[test]
    fn trim_drops_surrounding_whitespace() {
        let text = "  hello \n";
        assert_eq!(Span::new(0, text.len()).trim(text), Span::new(2, 7));
        assert!(Span::new(0, 2).trim(text).is_empty());
    }
}
