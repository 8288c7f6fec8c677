//! One pass over a line that cuts it into word, number and punctuation tokens with byte spans.
//!
//! Every recognizer walks this token list instead of rescanning the text with its own
//! patterns, which keeps recognition a single linear pass.

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters (and inner apostrophes: "Niger's" stays one token).
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other single non-space character.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokKind,
    pub span: Span,
    /// Whitespace stands between this token and the previous one.
    pub space_before: bool,
}

impl Token {
    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        self.span.slice(line)
    }

    /// Case-insensitive comparison with an ASCII word.
    pub fn is(&self, line: &str, word: &str) -> bool {
        self.text(line).eq_ignore_ascii_case(word)
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_num(&self) -> bool {
        self.kind == TokKind::Num
    }

    /// A punctuation token made of exactly `c`.
    pub fn is_punct(&self, line: &str, c: char) -> bool {
        self.kind == TokKind::Punct && self.text(line).starts_with(c)
    }
}

/// Cuts `line` into tokens. Linear in the length of the line.
pub fn tokenize(line: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(line, &mut out);
    out
}

/// [`tokenize`] into a buffer that is cleared first, so a stream of lines reuses one.
pub fn tokenize_into(line: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = line.as_bytes();
    out.reserve(bytes.len() / 4 + 1);
    let mut i = 0;
    let mut space = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            kind = TokKind::Num;
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && char_at(line, i).is_alphabetic()) {
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    i += 1;
                } else if c >= 0x80 {
                    let ch = char_at(line, i);
                    let inner_apostrophe =
                        is_apostrophe(ch) && next_is_letter(line, i + ch.len_utf8());
                    if ch.is_alphabetic() || inner_apostrophe {
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                } else if c == b'\'' && next_is_letter(line, i + 1) {
                    i += 1;
                } else {
                    break;
                }
            }
            kind = TokKind::Word;
        } else {
            let ch = char_at(line, i);
            if ch.is_whitespace() {
                // Unicode spaces (NBSP, narrow NBSP) separate tokens like ASCII ones.
                space = true;
                i += ch.len_utf8();
                continue;
            }
            i += ch.len_utf8();
            kind = TokKind::Punct;
        }
        out.push(Token {
            kind,
            span: Span::new(start, i),
            space_before: space,
        });
        space = false;
    }
}

fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(' ')
}

fn is_apostrophe(c: char) -> bool {
    c == '\u{2019}'
}

fn next_is_letter(s: &str, i: usize) -> bool {
    s.get(i..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_punctuation() {
        let line = "About 1,100 U.S. troops’ base, Niger's €2.5bn";
        let toks: Vec<&str> = tokenize(line).iter().map(|t| t.text(line)).collect();
        assert_eq!(
            toks,
            [
                "About", "1", ",", "100", "U", ".", "S", ".", "troops", "’", "base", ",",
                "Niger's", "€", "2", ".", "5", "bn"
            ]
        );
    }

    #[test]
    fn records_space_before() {
        let line = "a 1,2";
        let t = tokenize(line);
        assert!(t[1].space_before);
        assert!(!t[2].space_before);
    }
}
