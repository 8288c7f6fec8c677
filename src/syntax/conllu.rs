//! CoNLL-U reading (training data, and `parse --conllu` input): sentences of words with their
//! gold lemma, tags, head and relation. Multi-word token lines and empty nodes are kept as raw
//! lines so a file can be written back with only the analysed columns replaced.

use std::fmt;

/// One word line of a CoNLL-U sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    pub deprel: String,
    pub misc: String,
}

/// A line of a sentence block, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    Comment(String),
    /// Index into `words`.
    Word(usize),
    /// A multi-word token range or an empty node, kept as written.
    Other(String),
}

#[derive(Clone, Debug, Default)]
pub struct Sentence {
    pub lines: Vec<Line>,
    pub words: Vec<GoldWord>,
    /// 1-based line number of the block's first line in the file.
    pub first_line: usize,
}

/// A CoNLL-U syntax error: the line (1-based) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluError {
    pub line: usize,
    pub what: String,
}

impl fmt::Display for ConlluError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.what)
    }
}

/// Parses a whole CoNLL-U text. Heads are checked to point inside their sentence.
pub fn parse(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if !cur.lines.is_empty() {
                finish(&mut cur, n)?;
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if cur.lines.is_empty() {
            cur.first_line = n;
        }
        if line.starts_with('#') {
            cur.lines.push(Line::Comment(line.to_string()));
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError {
                line: n,
                what: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            cur.lines.push(Line::Other(line.to_string()));
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| ConlluError {
            line: n,
            what: format!("word id `{}` is not a number", cols[0]),
        })?;
        if id != cur.words.len() + 1 {
            return Err(ConlluError {
                line: n,
                what: format!(
                    "word id {id} out of sequence (expected {})",
                    cur.words.len() + 1
                ),
            });
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| ConlluError {
                line: n,
                what: format!("head `{}` is not a number", cols[6]),
            })?
        };
        cur.lines.push(Line::Word(cur.words.len()));
        cur.words.push(GoldWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !cur.lines.is_empty() {
        let n = text.lines().count() + 1;
        finish(&mut cur, n)?;
        out.push(cur);
    }
    Ok(out)
}

fn finish(s: &mut Sentence, end_line: usize) -> Result<(), ConlluError> {
    let n = s.words.len();
    if let Some(w) = s.words.iter().find(|w| w.head > n) {
        return Err(ConlluError {
            line: end_line,
            what: format!(
                "the sentence starting on line {} has a head {} beyond its {n} words",
                s.first_line, w.head
            ),
        });
    }
    Ok(())
}
