//! Syntax: the words of a sentence with their part of speech, lemma, head and dependency
//! relation (Universal Dependencies v2).
//!
//! In: a sentence's text (from `split`), or words already cut (`--conllu`). Out: an
//! [`Analysis`], one [`Parsed`] word per treebank word, each with a byte span into the text.
//! Sits between `split` and `extract`. The model (tagger, lemmatizer, parser) is trained on UD
//! English-EWT by `examples/train_syntax.rs`, shipped in `data/syntax/`, compiled into the
//! binary and decoded once on first use. Every step is linear in the number of words.

pub mod conllu;
pub mod lemma;
pub mod model;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod words;

use std::sync::OnceLock;

pub use model::{Model, ModelError};
pub use words::{Tokens, Word};

use crate::span::Span;

/// The model shipped with the binary.
const SHIPPED: &[u8] = include_bytes!("../../data/syntax/en_ewt.model");

static MODEL: OnceLock<Result<&'static Model, ModelError>> = OnceLock::new();

/// The model in use: the shipped one, unless [`use_model_file`] chose another first.
pub fn model() -> Result<&'static Model, ModelError> {
    MODEL
        .get_or_init(|| {
            Model::from_bytes(SHIPPED)
                .map(|m| &*Box::leak(Box::new(m)))
                .map_err(|e| ModelError(format!("the built-in syntax model: {e}")))
        })
        .clone()
}

/// Loads the model from `path` for the rest of the process (used by `parse --model`).
pub fn use_model_file(path: &std::path::Path) -> Result<&'static Model, ModelError> {
    let bytes = std::fs::read(path).map_err(|e| ModelError(format!("{}: {e}", path.display())))?;
    let m =
        Model::from_bytes(&bytes).map_err(|e| ModelError(format!("{}: {e}", path.display())))?;
    let m: &'static Model = Box::leak(Box::new(m));
    MODEL
        .set(Ok(m))
        .map_err(|_| ModelError("a syntax model was already loaded".into()))?;
    Ok(m)
}

/// One analysed word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// Byte span into the analysed text.
    pub span: Span,
    pub upos: &'static str,
    pub xpos: &'static str,
    pub lemma: String,
    /// 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    pub deprel: &'static str,
}

/// The analysis of one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    pub words: Vec<Parsed>,
}

impl Analysis {
    /// The 0-based index of word `i`'s head, `None` for the root's dependent.
    pub fn head_of(&self, i: usize) -> Option<usize> {
        self.words[i].head.checked_sub(1)
    }

    /// Indices of the words whose head is word `i` (0-based), in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(move |(_, w)| w.head == i + 1)
            .map(|(j, _)| j)
    }

    /// The relation without its subtype ("nmod:poss" → "nmod").
    pub fn base_rel(&self, i: usize) -> &'static str {
        let r = self.words[i].deprel;
        r.split(':').next().unwrap_or(r)
    }

    /// The words a byte span covers, in order, and the top one among them (the one whose
    /// head lies outside the span): how a value ("September 28", "more than 4,600") sits in
    /// the tree.
    pub fn span_words(&self, span: Span) -> (Vec<usize>, Option<usize>) {
        let inside: Vec<usize> = (0..self.words.len())
            .filter(|&i| self.words[i].span.overlaps(span))
            .collect();
        let top = inside
            .iter()
            .copied()
            .find(|&i| self.head_of(i).is_none_or(|h| !inside.contains(&h)));
        (inside, top)
    }

    /// The heads above word `i`, nearest first (a malformed tree's cycle ends the walk).
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = self.head_of(i);
        while let Some(h) = at
            && out.len() < self.words.len()
        {
            out.push(h);
            at = self.head_of(h);
        }
        out
    }
}

/// Reusable buffers for analysing many sentences.
#[derive(Default)]
pub struct Scratch {
    feats: Vec<u64>,
    tags: Vec<u16>,
    parse: parser::Scratch,
}

impl Scratch {
    /// Parser transitions of the last analysis (at most two per word).
    pub fn transitions(&self) -> usize {
        self.parse.transitions
    }
}

impl Model {
    /// Analyses words given by their spans in `text`.
    pub fn analyze_spans(
        &'static self,
        text: &str,
        spans: &[Span],
        scratch: &mut Scratch,
    ) -> Analysis {
        if spans.is_empty() {
            return Analysis::default();
        }
        let forms: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
        let wf: Vec<tagger::WordFeats> = forms.iter().map(|f| self.tagger.word_feats(f)).collect();
        self.tagger.tag(&wf, &mut scratch.tags, &mut scratch.feats);
        let mut items = Vec::with_capacity(forms.len() + 1);
        items.push(parser::Item::ROOT);
        let split_tag = |t: u16| {
            let s = self.tagger.tags[t as usize].as_str();
            s.split_once('\t').unwrap_or((s, "_"))
        };
        for (w, &t) in wf.iter().zip(scratch.tags.iter()) {
            items.push(parser::Item::new(w.lower, t, split_tag(t).0, items.last()));
        }
        let arcs = self.parser.parse(&items, &mut scratch.parse);
        let words = spans
            .iter()
            .zip(&forms)
            .zip(scratch.tags.iter())
            .zip(arcs)
            .map(|(((span, form), &t), (head, rel))| {
                let (upos, xpos) = split_tag(t);
                Parsed {
                    span: *span,
                    upos,
                    xpos,
                    lemma: self.lemmatizer.lemma(form, upos),
                    head,
                    deprel: self.parser.labels[rel].as_str(),
                }
            })
            .collect();
        Analysis { words }
    }

    /// Cuts `text` (one sentence) into words and analyses them.
    pub fn analyze(&'static self, text: &str, scratch: &mut Scratch) -> Analysis {
        let toks = Tokens::of(text);
        let spans: Vec<Span> = toks.words.iter().map(|w| w.span).collect();
        self.analyze_spans(text, &spans, scratch)
    }
}
