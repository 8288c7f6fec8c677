//! Words as the treebank cuts them, made from the house tokens (`recognize::token`): the one
//! tokenization every stage reads, at two grains. Values and rule patterns read the fine
//! tokens (digit runs, single punctuation); the parser reads words, each a run of fine tokens
//! ("1,000", "U.S.", "MH17", "...") or a clitic cut off a token ("do|n't", "Niger|'s").

use crate::recognize::token::{TokKind, Token, tokenize_into};
use crate::span::Span;

/// One word: its byte span in the text, and the fine tokens it covers (`toks.0..toks.1`).
/// A clitic cut from a token shares that token with its host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub toks: (usize, usize),
}

/// The fine tokens and the words of one text, made in one pass.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Token>,
    pub words: Vec<Word>,
}

impl Tokens {
    pub fn of(text: &str) -> Self {
        let mut t = Tokens::fine(text);
        let mut words = Vec::new();
        words_into(text, &t.toks, &mut words);
        t.words = words;
        t
    }

    /// The fine tokens only, words left to be grouped by whoever needs them
    /// ([`words_into`]): most sentences never reach the parser.
    pub fn fine(text: &str) -> Self {
        let mut t = Tokens::default();
        tokenize_into(text, &mut t.toks);
        t
    }
}

const CLITICS: [&str; 6] = ["s", "re", "ve", "ll", "d", "m"];

/// Where a clitic starts in a word token, if it ends with one: "don't" → 2, "Niger's" → 5.
fn clitic_start(w: &str) -> Option<usize> {
    // Most words have no apostrophe: say so before allocating anything.
    if !w.contains(['\'', '\u{2019}']) {
        return None;
    }
    let lower = w.to_lowercase();
    if lower.len() != w.len() {
        return None;
    }
    for apos in ["'", "\u{2019}"] {
        let nt = format!("n{apos}t");
        if lower.ends_with(&nt) && lower.len() > nt.len() {
            let cut = lower.len() - nt.len();
            // "can't" → "ca n't", "won't" → "wo n't": the host keeps all but the n.
            return Some(cut);
        }
        if let Some(p) = lower.rfind(apos) {
            let tail = &lower[p + apos.len()..];
            if p > 0 && CLITICS.contains(&tail) {
                return Some(p);
            }
        }
    }
    None
}

fn is_ordinal_suffix(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        "st" | "nd" | "rd" | "th" | "s"
    )
}

/// Groups fine tokens into words.
pub fn words_into(text: &str, toks: &[Token], out: &mut Vec<Word>) {
    out.clear();
    let n = toks.len();
    let txt = |i: usize| toks[i].text(text);
    let glued = |i: usize| i < n && !toks[i].space_before;
    let mut i = 0;
    while i < n {
        let start = i;
        let t = toks[i];
        let mut j = i + 1;
        match t.kind {
            TokKind::Num => {
                // 1,000,000 / 3.5 / 10:30 / 1990s / 10th
                while j + 1 < n
                    && glued(j)
                    && glued(j + 1)
                    && matches!(txt(j), "," | "." | ":")
                    && toks[j + 1].kind == TokKind::Num
                {
                    j += 2;
                }
                if j < n && glued(j) && toks[j].kind == TokKind::Word && is_ordinal_suffix(txt(j)) {
                    j += 1;
                }
            }
            TokKind::Word => {
                // Letters and digits run together: MH17, G7, COVID19.
                while j < n
                    && glued(j)
                    && toks[j].kind != TokKind::Punct
                    && toks[j - 1].kind != toks[j].kind
                {
                    j += 1;
                }
                // Dotted and listed abbreviations keep their period: U.S., Gen., a.m.
                let mut k = j;
                while k + 1 < n
                    && glued(k)
                    && txt(k) == "."
                    && glued(k + 1)
                    && toks[k + 1].kind == TokKind::Word
                {
                    k += 2;
                }
                if k < n && glued(k) && txt(k) == "." {
                    let word = &text[t.span.start..toks[k - 1].span.end];
                    if crate::split::is_abbreviation(word) {
                        j = k + 1;
                    }
                }
                if j == i + 1
                    && let Some(cut) = clitic_start(txt(i))
                {
                    let s = t.span;
                    out.push(Word {
                        span: Span::new(s.start, s.start + cut),
                        toks: (i, i + 1),
                    });
                    out.push(Word {
                        span: Span::new(s.start + cut, s.end),
                        toks: (i, i + 1),
                    });
                    i = j;
                    continue;
                }
            }
            TokKind::Punct => {
                // "..." and "--" stay one word.
                let p = txt(i);
                if p == "." || p == "-" {
                    while j < n && glued(j) && txt(j) == p {
                        j += 1;
                    }
                }
            }
        }
        out.push(Word {
            span: Span::new(toks[start].span.start, toks[j - 1].span.end),
            toks: (start, j),
        });
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        Tokens::of(text)
            .words
            .iter()
            .map(|w| w.span.slice(text))
            .collect()
    }

    #[test]
    fn cuts_like_the_treebank() {
        assert_eq!(
            words("The U.S. didn't send 1,000 troops to Niger's capital on July 26th..."),
            [
                "The", "U.S.", "did", "n't", "send", "1,000", "troops", "to", "Niger", "'s",
                "capital", "on", "July", "26th", "..."
            ]
        );
        assert_eq!(
            words("Gen. Tiani can’t say, MH17 fell in 2014."),
            [
                "Gen.", "Tiani", "ca", "n’t", "say", ",", "MH17", "fell", "in", "2014", "."
            ]
        );
    }
}
