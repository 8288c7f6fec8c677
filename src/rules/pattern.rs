//! The pattern language of slot and exclude rules: a pattern string in, a compiled [`Pattern`]
//! out, and the matcher that runs it over a sentence's tokens and values.
//!
//! A pattern is a sequence of elements separated by spaces:
//! - a literal word or punctuation, matched case-insensitively against one token of the
//!   sentence (the literal is cut into tokens the way sentences are, so `U.S.` is four tokens);
//! - `(a|b c|d)` one of several alternatives, each itself a sequence;
//! - `[a|b]` the same, optional;
//! - `<count>`, `<date>`, `<money>`, `<duration>`, `<age>`, `<percent>`, `<quantity>`, `<time>` or
//!   `<value>` (any kind): one recognized value starting at that token;
//! - `<name>`: one to four capitalized words (a person's or place's name as written);
//! - `*`: any one token; `...`: a gap of up to five tokens.
//!
//! Groups `( )` and `[ ]` are numbered from 1 in the order they open; a slot template may
//! quote what group N matched as `{N}`.
//!
//! Matching backtracks over the (short) pattern at each start position; which patterns are
//! tried at all is decided per sentence by the rule index in [`super::index`], so cost per
//! sentence does not grow with the number of rules.

use rustc_hash::FxHashSet as HashSet;

use crate::recognize::Kind;
use crate::recognize::token::{self, TokKind, Token};
use crate::span::Span;

/// Longest gap `...` may skip, in tokens.
pub const GAP: usize = 5;
/// Most words a `<name>` takes.
pub const NAME_WORDS: usize = 4;

/// One element of a compiled pattern.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A literal token, lowercased.
    Lit(Box<str>),
    /// Any one token.
    Any,
    /// Up to this many tokens.
    Gap(usize),
    /// One recognized value of this kind (`None`: any kind).
    Value(Option<Kind>),
    /// A capitalized name.
    Name,
    /// Alternatives; each ends with [`Node::End`] of the group's number.
    Group {
        alts: Vec<Vec<Node>>,
        optional: bool,
        capture: usize,
    },
    /// Closes capture group N (internal).
    End(usize),
}

/// A compiled pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub nodes: Vec<Node>,
    /// Number of capture groups.
    pub groups: usize,
    /// The value placeholder's kind, if the pattern has one (at most one is allowed).
    pub placeholder: Option<Placeholder>,
    /// Literal words of which every match contains at least one; empty when no such set
    /// exists (the rule is then tried on every sentence).
    pub anchors: Vec<String>,
    /// What a match can start with: start positions that cannot are never tried.
    pub first: First,
}

/// The tokens a match can start at.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct First {
    /// Literal words (lowercase).
    pub words: HashSet<String>,
    /// A value's first token.
    pub value: bool,
    /// A capitalized word.
    pub name: bool,
    /// Anything.
    pub any: bool,
}

impl First {
    /// Adds what `seq` can start with; returns whether `seq` can match no token at all.
    fn add_seq(&mut self, seq: &[Node]) -> bool {
        for n in seq {
            if !self.add(n) {
                return false;
            }
        }
        true
    }

    /// Adds what node `n` can start with; returns whether `n` can match no token.
    fn add(&mut self, n: &Node) -> bool {
        match n {
            Node::Lit(w) => {
                self.words.insert(w.to_string());
                false
            }
            Node::Any => {
                self.any = true;
                false
            }
            Node::Gap(_) | Node::End(_) => true,
            Node::Value(_) => {
                self.value = true;
                false
            }
            Node::Name => {
                self.name = true;
                false
            }
            Node::Group { alts, optional, .. } => {
                let mut nullable = *optional;
                for a in alts {
                    nullable |= self.add_seq(a);
                }
                nullable
            }
        }
    }

    fn allows(&self, doc: &Doc, i: usize) -> bool {
        self.any
            || self.value && doc.value_at[i].is_some()
            || self.name && doc.name_word(i)
            || !self.words.is_empty() && self.words.contains(doc.lower(i))
    }
}

/// What the pattern's placeholder stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placeholder {
    Value(Option<Kind>),
    Name,
}

/// A pattern that does not compile: what is wrong and where (byte offsets into the pattern).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    pub at: Span,
    pub message: String,
    pub hint: String,
}

fn err(at: Span, message: impl Into<String>, hint: impl Into<String>) -> PatternError {
    PatternError {
        at,
        message: message.into(),
        hint: hint.into(),
    }
}

const KINDS: &[(&str, Option<Kind>)] = &[
    ("count", Some(Kind::Count)),
    ("date", Some(Kind::Date)),
    ("money", Some(Kind::Money)),
    ("duration", Some(Kind::Duration)),
    ("age", Some(Kind::Age)),
    ("percent", Some(Kind::Percent)),
    ("quantity", Some(Kind::Quantity)),
    ("time", Some(Kind::Time)),
    ("value", None),
];

impl Pattern {
    /// Compiles `src`. Errors point into `src` by byte offset.
    pub fn compile(src: &str) -> Result<Pattern, PatternError> {
        let mut p = Parser {
            src,
            pos: 0,
            groups: 0,
            placeholder: None,
        };
        let seq = p.seq(0)?;
        if p.pos < src.len() {
            let c = src[p.pos..].chars().next().unwrap_or(' ');
            return Err(err(
                Span::new(p.pos, p.pos + c.len_utf8()),
                format!("unexpected `{c}`"),
                "a group closes with `)` or `]` only after it was opened",
            ));
        }
        if seq.is_empty() {
            return Err(err(
                Span::new(0, src.len()),
                "empty pattern",
                "write the words around the value, e.g. \"<count> troops\"",
            ));
        }
        let anchors = anchor_set(&seq).unwrap_or_default();
        let mut first = First::default();
        if first.add_seq(&seq) {
            // A pattern that can match nothing ("[a] ...") may start anywhere.
            first.any = true;
        }
        Ok(Pattern {
            nodes: seq,
            groups: p.groups,
            placeholder: p.placeholder,
            anchors,
            first,
        })
    }
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    groups: usize,
    placeholder: Option<Placeholder>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
    }

    /// A sequence up to `|`, `)`, `]` or the end. `depth` is the nesting level.
    fn seq(&mut self, depth: usize) -> Result<Vec<Node>, PatternError> {
        let mut out = Vec::new();
        loop {
            self.skip_space();
            let Some(c) = self.peek() else { break };
            let at = self.pos;
            match c {
                '|' | ')' | ']' if depth > 0 => break,
                '|' => {
                    return Err(err(
                        Span::new(at, at + 1),
                        "`|` outside a group",
                        "put alternatives in a group: \"(troops|soldiers)\"",
                    ));
                }
                '(' | '[' => {
                    self.pos += 1;
                    self.groups += 1;
                    let capture = self.groups;
                    let close = if c == '(' { ')' } else { ']' };
                    let mut alts = Vec::new();
                    loop {
                        let mut alt = self.seq(depth + 1)?;
                        if alt.is_empty() {
                            return Err(err(
                                Span::new(at, self.pos.max(at + 1)),
                                "empty alternative in a group",
                                "each alternative needs at least one word; use [ ] for optional words",
                            ));
                        }
                        alt.push(Node::End(capture));
                        alts.push(alt);
                        match self.peek() {
                            Some('|') => self.pos += 1,
                            Some(x) if x == close => {
                                self.pos += 1;
                                break;
                            }
                            Some(x) => {
                                return Err(err(
                                    Span::new(self.pos, self.pos + x.len_utf8()),
                                    format!("`{c}` closed by `{x}`"),
                                    format!("close the group opened with `{c}` with `{close}`"),
                                ));
                            }
                            None => {
                                return Err(err(
                                    Span::new(at, at + 1),
                                    format!("unclosed `{c}`"),
                                    format!("add `{close}` at the end of the group"),
                                ));
                            }
                        }
                    }
                    out.push(Node::Group {
                        alts,
                        optional: c == '[',
                        capture,
                    });
                }
                '<' => {
                    let Some(len) = self.src[at..].find('>') else {
                        return Err(err(
                            Span::new(at, self.src.len()),
                            "unclosed `<`",
                            "placeholders look like <count>, <date>, <money> or <name>",
                        ));
                    };
                    let name = &self.src[at + 1..at + len];
                    let span = Span::new(at, at + len + 1);
                    let ph = if name == "name" {
                        Placeholder::Name
                    } else if let Some((_, k)) = KINDS.iter().find(|(n, _)| *n == name) {
                        Placeholder::Value(*k)
                    } else {
                        return Err(err(
                            span,
                            format!("unknown placeholder `<{name}>`"),
                            "use one of <count>, <date>, <money>, <duration>, <age>, <percent>, <quantity>, <time>, <value>, <name>",
                        ));
                    };
                    if self.placeholder.is_some() {
                        return Err(err(
                            span,
                            "a second placeholder",
                            "a pattern names one value; write one of <count>, <date>, ... per pattern",
                        ));
                    }
                    self.placeholder = Some(ph);
                    out.push(match ph {
                        Placeholder::Name => Node::Name,
                        Placeholder::Value(k) => Node::Value(k),
                    });
                    self.pos = span.end;
                }
                '>' => {
                    return Err(err(
                        Span::new(at, at + 1),
                        "`>` without `<`",
                        "placeholders look like <count>",
                    ));
                }
                ')' | ']' => {
                    return Err(err(
                        Span::new(at, at + 1),
                        format!("`{c}` without an opening bracket"),
                        "groups look like (a|b) or [optional]",
                    ));
                }
                _ => {
                    // A literal run: up to the next space or special character.
                    let mut end = at;
                    for (i, ch) in self.src[at..].char_indices() {
                        if ch.is_whitespace() || "()[]<>|".contains(ch) {
                            break;
                        }
                        end = at + i + ch.len_utf8();
                    }
                    let word = &self.src[at..end];
                    self.pos = end;
                    if word == "*" {
                        out.push(Node::Any);
                    } else if word == "..." {
                        out.push(Node::Gap(GAP));
                    } else {
                        for t in token::tokenize(word) {
                            out.push(Node::Lit(lower(t.text(word)).into()));
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}

pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Words of which every match of `seq` contains one, smallest such set found; `None` if the
/// sequence can match without any literal word.
fn anchor_set(seq: &[Node]) -> Option<Vec<String>> {
    let mut best: Option<Vec<String>> = None;
    for n in seq {
        let cand = match n {
            Node::Lit(w) if w.chars().any(|c| c.is_alphanumeric()) => Some(vec![w.to_string()]),
            Node::Group {
                alts,
                optional: false,
                ..
            } => {
                let mut all = Vec::new();
                let mut ok = true;
                for a in alts {
                    match anchor_set(a) {
                        Some(s) => all.extend(s),
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                ok.then(|| {
                    all.sort();
                    all.dedup();
                    all
                })
            }
            _ => None,
        };
        if let Some(c) = cand
            && best.as_ref().is_none_or(|b| c.len() < b.len())
        {
            best = Some(c);
        }
    }
    best
}

/// A sentence prepared for matching: its tokens, and for each token the recognized value
/// that starts there.
pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    /// The same tokens grouped into treebank words, for the parser, on first use.
    words: std::cell::OnceCell<Vec<crate::syntax::Word>>,
    /// The sentence's syntax, parsed the first time a stage asks for it.
    syntax: std::cell::OnceCell<Option<crate::syntax::Analysis>>,
    /// For each token: index into `values` of a value starting at it, and the token index
    /// just past that value.
    pub value_at: Vec<Option<(usize, usize)>>,
    /// The sentence's kinds, by value index.
    pub kinds: Vec<Kind>,
    /// Most words of a `<name>`: fewer in a headline written in title case.
    pub name_words: usize,
    /// Every token lowercased, concatenated; `lower_at[i]` is token i's range in it.
    lower: String,
    lower_at: Vec<(u32, u32)>,
}

impl<'a> Doc<'a> {
    /// `values` are (kind, span relative to `text`) in order of position.
    pub fn new(text: &'a str, values: &[(Kind, Span)]) -> Self {
        Self::with_tokens(text, crate::syntax::Tokens::of(text), values)
    }

    /// [`Doc::new`] over tokens already cut from `text`.
    pub fn with_tokens(
        text: &'a str,
        tokens: crate::syntax::Tokens,
        values: &[(Kind, Span)],
    ) -> Self {
        let crate::syntax::Tokens { toks, words } = tokens;
        // Words cut along with the tokens are kept; otherwise they are grouped when asked for.
        let words = if words.is_empty() {
            std::cell::OnceCell::new()
        } else {
            std::cell::OnceCell::from(words)
        };
        let mut value_at = vec![None; toks.len()];
        let mut ti = 0;
        for (vi, (_, span)) in values.iter().enumerate() {
            while ti < toks.len() && toks[ti].span.start < span.start {
                ti += 1;
            }
            if ti < toks.len() && toks[ti].span.start == span.start {
                let mut end = ti;
                while end < toks.len() && toks[end].span.start < span.end {
                    end += 1;
                }
                value_at[ti] = Some((vi, end));
            }
        }
        let word_toks = toks.iter().filter(|t| t.kind == TokKind::Word).count();
        let caps = toks
            .iter()
            .filter(|t| t.kind == TokKind::Word && starts_upper(t.text(text)))
            .count();
        let name_words = if word_toks >= 4 && caps * 10 >= word_toks * 7 {
            2
        } else {
            NAME_WORDS
        };
        let mut lower = String::with_capacity(text.len());
        let mut lower_at = Vec::with_capacity(toks.len());
        for t in &toks {
            let w = t.text(text);
            let s = lower.len() as u32;
            if w.is_ascii() {
                lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                lower.extend(w.chars().flat_map(char::to_lowercase));
            }
            lower_at.push((s, lower.len() as u32));
        }
        Doc {
            text,
            toks,
            words,
            syntax: std::cell::OnceCell::new(),
            value_at,
            kinds: values.iter().map(|(k, _)| *k).collect(),
            name_words,
            lower,
            lower_at,
        }
    }

    /// The tokens grouped into treebank words (the parser's units).
    pub fn words(&self) -> &[crate::syntax::Word] {
        self.words.get_or_init(|| {
            let mut w = Vec::new();
            crate::syntax::words::words_into(self.text, &self.toks, &mut w);
            w
        })
    }

    /// The sentence's words with their tags, lemmas, heads and relations, parsed on first use
    /// (so sentences no stage asks about cost nothing). `None` when the model cannot be loaded.
    pub fn syntax(&self) -> Option<&crate::syntax::Analysis> {
        self.syntax
            .get_or_init(|| {
                let model = crate::syntax::model().ok()?;
                let spans: Vec<Span> = self.words().iter().map(|w| w.span).collect();
                Some(model.analyze_spans(self.text, &spans, &mut crate::syntax::Scratch::default()))
            })
            .as_ref()
    }

    /// Token `i` lowercased.
    pub fn lower(&self, i: usize) -> &str {
        let (s, e) = self.lower_at[i];
        &self.lower[s as usize..e as usize]
    }

    fn tok_is(&self, i: usize, lit: &str) -> bool {
        self.lower(i) == lit
    }

    /// Whether token `i` can belong to a name.
    fn name_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == TokKind::Word && starts_upper(t.text(self.text))
    }
}

pub fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// One match: token range, the value or name it holds, and the group captures.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// Token range `start..end` of the whole match.
    pub toks: (usize, usize),
    /// What the placeholder matched.
    pub hole: Option<Hole>,
    /// Token ranges captured by groups 1..=N (index 0 unused).
    pub captures: Vec<Option<(usize, usize)>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hole {
    /// Index of a value of the doc.
    Value(usize),
    /// Token range of a name.
    Name(usize, usize),
}

struct State {
    hole: Option<Hole>,
    caps: Vec<Option<(usize, usize)>>,
    open: Vec<usize>,
}

enum Cont<'a> {
    Nil,
    Then(&'a [Node], &'a Cont<'a>),
}

impl Pattern {
    /// Every match in `doc`, at most one per start token (the first the backtracking finds:
    /// alternatives in order, optional parts taken when they can be).
    pub fn find_all(&self, doc: &Doc) -> Vec<Match> {
        let mut out = Vec::new();
        for start in 0..doc.toks.len() {
            if !self.first.allows(doc, start) {
                continue;
            }
            if let Some(m) = self.match_at(doc, start) {
                out.push(m);
            }
        }
        out
    }

    /// The match starting at token `start`, if any.
    pub fn match_at(&self, doc: &Doc, start: usize) -> Option<Match> {
        let mut st = State {
            hole: None,
            caps: vec![None; self.groups + 1],
            open: vec![0; self.groups + 1],
        };
        let end = go(doc, &self.nodes, &Cont::Nil, start, &mut st)?;
        if end == start {
            return None;
        }
        Some(Match {
            toks: (start, end),
            hole: st.hole,
            captures: st.caps,
        })
    }
}

/// Matches `nodes` then the continuation at token `pos`; returns the end of the whole match.
fn go(doc: &Doc, nodes: &[Node], cont: &Cont, pos: usize, st: &mut State) -> Option<usize> {
    let Some((first, rest)) = nodes.split_first() else {
        return match cont {
            Cont::Nil => Some(pos),
            Cont::Then(n, c) => go(doc, n, c, pos, st),
        };
    };
    let n = doc.toks.len();
    match first {
        Node::Lit(w) => (pos < n && doc.tok_is(pos, w))
            .then(|| go(doc, rest, cont, pos + 1, st))
            .flatten(),
        Node::Any => (pos < n)
            .then(|| go(doc, rest, cont, pos + 1, st))
            .flatten(),
        Node::Gap(max) => {
            for skip in 0..=*max {
                if pos + skip > n {
                    break;
                }
                if let Some(e) = go(doc, rest, cont, pos + skip, st) {
                    return Some(e);
                }
            }
            None
        }
        Node::Value(kind) => {
            let (vi, end) = (*doc.value_at.get(pos)?)?;
            if kind.is_some_and(|k| doc.kinds[vi] != k) {
                return None;
            }
            let saved = st.hole.replace(Hole::Value(vi));
            let r = go(doc, rest, cont, end, st);
            if r.is_none() {
                st.hole = saved;
            }
            r
        }
        Node::Name => {
            let mut len = 0;
            while pos + len < n && len < doc.name_words && doc.name_word(pos + len) {
                len += 1;
            }
            while len > 0 {
                let saved = st.hole.replace(Hole::Name(pos, pos + len));
                if let Some(e) = go(doc, rest, cont, pos + len, st) {
                    return Some(e);
                }
                st.hole = saved;
                len -= 1;
            }
            None
        }
        Node::Group {
            alts,
            optional,
            capture,
        } => {
            let saved_open = st.open[*capture];
            let saved_cap = st.caps[*capture];
            st.open[*capture] = pos;
            let next = Cont::Then(rest, cont);
            for a in alts {
                if let Some(e) = go(doc, a, &next, pos, st) {
                    return Some(e);
                }
            }
            st.open[*capture] = saved_open;
            st.caps[*capture] = saved_cap;
            if *optional {
                go(doc, rest, cont, pos, st)
            } else {
                None
            }
        }
        Node::End(g) => {
            let saved = st.caps[*g];
            st.caps[*g] = Some((st.open[*g], pos));
            let r = go(doc, rest, cont, pos, st);
            if r.is_none() {
                st.caps[*g] = saved;
            }
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(text: &'a str, values: &[(Kind, &str)]) -> Doc<'a> {
        let spans: Vec<(Kind, Span)> = values
            .iter()
            .map(|(k, v)| {
                let s = text.find(v).unwrap();
                (*k, Span::new(s, s + v.len()))
            })
            .collect();
        Doc::new(text, &spans)
    }

    #[test]
    fn age_hole_takes_a_persons_age_and_not_a_duration() {
        let p = Pattern::compile("aged <age>").unwrap();
        let d = doc("The diver, aged 37, died.", &[(Kind::Age, "37")]);
        assert_eq!(p.find_all(&d).len(), 1);
        let d = doc("The diver, aged 37, died.", &[(Kind::Duration, "37")]);
        assert!(p.find_all(&d).is_empty());
    }

    #[test]
    fn alternatives_and_placeholder_match() {
        let p = Pattern::compile("<count> (US|American) (troops|soldiers)").unwrap();
        assert_eq!(p.groups, 2);
        assert_eq!(p.anchors, vec!["american", "us"]);
        let d = doc(
            "The country hosts 1,100 American soldiers today.",
            &[(Kind::Count, "1,100")],
        );
        let m = p.find_all(&d);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].hole, Some(Hole::Value(0)));
        // "1" "," "100" are tokens 3..6; "American" 6, "soldiers" 7.
        assert_eq!(m[0].toks, (3, 8));
        assert_eq!(m[0].captures[2], Some((7, 8)));
    }

    #[test]
    fn dotted_literals_are_cut_like_sentences() {
        let p = Pattern::compile("<count> U.S. troops").unwrap();
        let d = doc("About 800 U.S. troops stay.", &[(Kind::Count, "800")]);
        assert_eq!(p.find_all(&d).len(), 1);
    }

    #[test]
    fn optional_group_and_name() {
        let p = Pattern::compile("(Gen.|General) [,] <name>").unwrap();
        let d = doc("Then Gen. Colin Powell spoke.", &[]);
        let m = p.find_all(&d);
        assert_eq!(m.len(), 1);
        let Some(Hole::Name(a, b)) = m[0].hole else {
            panic!()
        };
        assert_eq!(
            &d.text[d.toks[a].span.start..d.toks[b - 1].span.end],
            "Colin Powell"
        );
    }

    #[test]
    fn wrong_kind_does_not_match() {
        let p = Pattern::compile("<money> troops").unwrap();
        let d = doc("We have 100 troops.", &[(Kind::Count, "100")]);
        assert!(p.find_all(&d).is_empty());
    }

    #[test]
    fn errors_point_into_the_pattern() {
        let e = Pattern::compile("<count> (troops|soldiers").unwrap_err();
        assert_eq!(e.at, Span::new(8, 9));
        assert_eq!(e.message, "unclosed `(`");
        let e = Pattern::compile("<cnt> troops").unwrap_err();
        assert_eq!(e.at, Span::new(0, 5));
        let e = Pattern::compile("<count> troops <date>").unwrap_err();
        assert_eq!(e.at, Span::new(15, 21));
        let e = Pattern::compile("troops) <count>").unwrap_err();
        assert_eq!(e.at, Span::new(6, 7));
        assert_eq!(e.message, "`)` without an opening bracket");
    }

    #[test]
    fn gap_skips_a_few_tokens() {
        let p = Pattern::compile("coup ... in <date>").unwrap();
        let d = doc(
            "The coup that ousted him in July 2023 shocked.",
            &[(Kind::Date, "July 2023")],
        );
        assert_eq!(p.find_all(&d).len(), 1);
    }
}
