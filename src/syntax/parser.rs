//! Dependency parsing: for the tagged words of a sentence, each word's head and relation.
//!
//! Greedy arc-eager transitions (shift, reduce, left-arc:label, right-arc:label) scored by an
//! averaged perceptron over the feature set of Zhang and Nivre (2011): words and tags of the
//! stack and buffer, their heads and outermost children, distance, valency and label sets.
//! Trained with the dynamic oracle of Goldberg and Nivre (2012), so the parser learns to
//! recover from its own mistakes. One transition per word and a bounded number of features,
//! so parsing is linear in the length of the sentence.

use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::perceptron::{Rng, Trainer, Weights, argmax, mix};

/// The parser's weights and label set.
#[derive(Debug, Default)]
pub struct Parser {
    /// Dependency relations (UD v2 with subtypes); index `root` is the root label.
    pub labels: Vec<String>,
    pub root: usize,
    pub weights: Weights,
}

/// The parts of a word the parser looks at (index 0 is the artificial root).
#[derive(Clone, Copy, Debug, Default)]
pub struct Item {
    /// Lowercased form hash.
    pub w: u64,
    /// Joint tag.
    pub p: u64,
    /// Universal tag alone.
    pub u: u64,
    /// Punctuation words before this one in the sentence (this one included).
    pub punct: u32,
}

impl Item {
    /// The artificial root.
    pub const ROOT: Item = Item {
        w: 0x0707,
        p: 0x0708,
        u: 0x0709,
        punct: 0,
    };

    /// A word with lowercased-form hash `w`, tag index `tag` and UPOS `upos`, after `prev`.
    pub fn new(w: u64, tag: u16, upos: &str, prev: Option<&Item>) -> Item {
        let punct = prev.map_or(0, |p| p.punct) + (upos == "PUNCT") as u32;
        Item {
            w,
            p: 1000 + tag as u64,
            u: upos_code(upos),
            punct,
        }
    }
}

const SHIFT: usize = 0;
const REDUCE: usize = 1;
const NONE_ID: usize = usize::MAX;

/// A parser configuration: stack, buffer front, and the arcs so far with what features need.
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    head: Vec<usize>,
    label: Vec<usize>,
    /// Leftmost and second leftmost, rightmost and second rightmost child.
    l1: Vec<usize>,
    l2: Vec<usize>,
    r1: Vec<usize>,
    r2: Vec<usize>,
    vl: Vec<u32>,
    vr: Vec<u32>,
    sl: Vec<u64>,
    sr: Vec<u64>,
}

impl State {
    fn new(n: usize) -> Self {
        let m = n + 1;
        State {
            n,
            stack: vec![0],
            b: 1,
            head: vec![NONE_ID; m],
            label: vec![NONE_ID; m],
            l1: vec![NONE_ID; m],
            l2: vec![NONE_ID; m],
            r1: vec![NONE_ID; m],
            r2: vec![NONE_ID; m],
            vl: vec![0; m],
            vr: vec![0; m],
            sl: vec![0; m],
            sr: vec![0; m],
        }
    }

    fn done(&self) -> bool {
        self.b > self.n
    }

    fn s0(&self) -> usize {
        *self.stack.last().unwrap_or(&NONE_ID)
    }

    fn add_arc(&mut self, h: usize, d: usize, l: usize) {
        self.head[d] = h;
        self.label[d] = l;
        let bit = 1u64 << (l % 64);
        if d < h {
            // Left children arrive nearest first, so the newest is the leftmost.
            self.l2[h] = self.l1[h];
            self.l1[h] = d;
            self.vl[h] += 1;
            self.sl[h] |= bit;
        } else {
            self.r2[h] = self.r1[h];
            self.r1[h] = d;
            self.vr[h] += 1;
            self.sr[h] |= bit;
        }
    }

    fn apply(&mut self, t: usize, nl: usize) {
        let s = self.s0();
        match t {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            REDUCE => {
                self.stack.pop();
            }
            _ if t < 2 + nl => {
                self.add_arc(self.b, s, t - 2);
                self.stack.pop();
            }
            _ => {
                self.add_arc(s, self.b, t - 2 - nl);
                self.stack.push(self.b);
                self.b += 1;
            }
        }
    }

    fn valid(&self, t: usize, nl: usize, root_label: usize) -> bool {
        let s = self.s0();
        let buffer = self.b <= self.n;
        match t {
            SHIFT => buffer,
            REDUCE => s != 0 && s != NONE_ID && self.head[s] != NONE_ID,
            _ if t < 2 + nl => {
                buffer && s != 0 && s != NONE_ID && self.head[s] == NONE_ID && t - 2 != root_label
            }
            _ => {
                let l = t - 2 - nl;
                buffer
                    && s != NONE_ID
                    && ((s == 0) == (l == root_label))
                    && (s != 0 || self.r1[0] == NONE_ID)
            }
        }
    }
}

/// Which transitions a configuration allows, worked out once: the same answers as
/// [`State::valid`], read per class without looking at the state again.
struct Validity {
    nl: usize,
    root: usize,
    shift: bool,
    reduce: bool,
    left: bool,
    right_root: bool,
    right_other: bool,
}

impl Validity {
    #[inline]
    fn allows(&self, t: usize) -> bool {
        match t {
            SHIFT => self.shift,
            REDUCE => self.reduce,
            _ if t < 2 + self.nl => self.left && t - 2 != self.root,
            _ if t - 2 - self.nl == self.root => self.right_root,
            _ => self.right_other,
        }
    }

    /// The allowed transition of highest score, ties to the lowest index, as
    /// `argmax(scores, |t| self.allows(t))`: scores of the transitions not allowed are set to
    /// `i32::MIN`, which no allowed one reaches (a score is a sum of a few hundred 16-bit
    /// weights), and the plain first maximum is taken, without a test per transition.
    fn best(&self, scores: &mut [i32]) -> Option<usize> {
        let (nl, root) = (self.nl, self.root);
        if !self.shift {
            scores[SHIFT] = i32::MIN;
        }
        if !self.reduce {
            scores[REDUCE] = i32::MIN;
        }
        if !self.left {
            scores[2..2 + nl].fill(i32::MIN);
        }
        scores[2 + root] = i32::MIN;
        let right_root = scores[2 + nl + root];
        if !self.right_other {
            scores[2 + nl..2 + 2 * nl].fill(i32::MIN);
        }
        scores[2 + nl + root] = if self.right_root {
            right_root
        } else {
            i32::MIN
        };
        let mut best = 0;
        for (t, &s) in scores.iter().enumerate() {
            if s > scores[best] {
                best = t;
            }
        }
        (scores[best] != i32::MIN).then_some(best)
    }
}

impl State {
    fn validity(&self, nl: usize, root: usize) -> Validity {
        let s = self.s0();
        let buffer = self.b <= self.n;
        let real = s != 0 && s != NONE_ID;
        let has_head = real && self.head[s] != NONE_ID;
        Validity {
            nl,
            root,
            shift: buffer,
            reduce: has_head,
            left: buffer && real && !has_head,
            right_root: buffer && s == 0 && self.r1[0] == NONE_ID,
            right_other: buffer && real,
        }
    }
}

/// Punctuation words strictly between `a` and `b` (0, 1, or 2 for more).
fn punct_between(items: &[Item], a: usize, b: usize) -> u64 {
    if a == NONE_ID || b == NONE_ID || b <= a + 1 {
        return 0;
    }
    (items[b - 1].punct - items[a].punct).min(2) as u64
}

fn dist_bin(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

/// The feature hashes of a configuration.
fn features(st: &State, items: &[Item], out: &mut Vec<u64>) {
    out.clear();
    const NA: u64 = 0x1A1A;
    let w = |i: usize| if i == NONE_ID { NA } else { items[i].w };
    let p = |i: usize| if i == NONE_ID { NA } else { items[i].p };
    let u = |i: usize| if i == NONE_ID { NA } else { items[i].u };
    let lab = |i: usize| {
        if i == NONE_ID || st.label[i] == NONE_ID {
            NA
        } else {
            st.label[i] as u64 + 7
        }
    };
    let get = |v: &Vec<usize>, i: usize| if i == NONE_ID { NONE_ID } else { v[i] };
    let s0 = st.s0();
    let s1 = if st.stack.len() >= 2 {
        st.stack[st.stack.len() - 2]
    } else {
        NONE_ID
    };
    let at = |k: usize| if st.b + k <= st.n { st.b + k } else { NONE_ID };
    let (n0, n1, n2) = (at(0), at(1), at(2));
    let s0h = get(&st.head, s0);
    let s0h2 = get(&st.head, s0h);
    let s0l = get(&st.l1, s0);
    let s0l2 = get(&st.l2, s0);
    let s0r = get(&st.r1, s0);
    let s0r2 = get(&st.r2, s0);
    let n0l = get(&st.l1, n0);
    let n0l2 = get(&st.l2, n0);
    let d = if s0 != NONE_ID && n0 != NONE_ID {
        dist_bin(n0 - s0)
    } else {
        NA
    };
    let vl = |i: usize| if i == NONE_ID { NA } else { st.vl[i] as u64 };
    let vr = |i: usize| if i == NONE_ID { NA } else { st.vr[i] as u64 };
    let sl = |i: usize| if i == NONE_ID { NA } else { st.sl[i] };
    let sr = |i: usize| if i == NONE_ID { NA } else { st.sr[i] };
    let (s0w, s0p, n0w, n0p) = (w(s0), p(s0), w(n0), p(n0));
    let (n1w, n1p, n2w, n2p) = (w(n1), p(n1), w(n2), p(n2));
    let f = [
        // single words
        mix(1, &[s0w, s0p]),
        mix(2, &[s0w]),
        mix(3, &[s0p]),
        mix(4, &[n0w, n0p]),
        mix(5, &[n0w]),
        mix(6, &[n0p]),
        mix(7, &[n1w, n1p]),
        mix(8, &[n1w]),
        mix(9, &[n1p]),
        mix(10, &[n2w, n2p]),
        mix(11, &[n2w]),
        mix(12, &[n2p]),
        // pairs
        mix(13, &[s0w, s0p, n0w, n0p]),
        mix(14, &[s0w, s0p, n0w]),
        mix(15, &[s0w, n0w, n0p]),
        mix(16, &[s0w, s0p, n0p]),
        mix(17, &[s0p, n0w, n0p]),
        mix(18, &[s0w, n0w]),
        mix(19, &[s0p, n0p]),
        mix(20, &[n0p, n1p]),
        // three words
        mix(21, &[n0p, n1p, n2p]),
        mix(22, &[s0p, n0p, n1p]),
        mix(23, &[p(s0h), s0p, n0p]),
        mix(24, &[s0p, p(s0l), n0p]),
        mix(25, &[s0p, p(s0r), n0p]),
        mix(26, &[s0p, n0p, p(n0l)]),
        // distance
        mix(27, &[s0w, d]),
        mix(28, &[s0p, d]),
        mix(29, &[n0w, d]),
        mix(30, &[n0p, d]),
        mix(31, &[s0w, n0w, d]),
        mix(32, &[s0p, n0p, d]),
        // valency
        mix(33, &[s0w, vr(s0)]),
        mix(34, &[s0p, vr(s0)]),
        mix(35, &[s0w, vl(s0)]),
        mix(36, &[s0p, vl(s0)]),
        mix(37, &[n0w, vl(n0)]),
        mix(38, &[n0p, vl(n0)]),
        // unigrams of heads and children
        mix(39, &[w(s0h)]),
        mix(40, &[p(s0h)]),
        mix(41, &[lab(s0)]),
        mix(42, &[w(s0l)]),
        mix(43, &[p(s0l)]),
        mix(44, &[lab(s0l)]),
        mix(45, &[w(s0r)]),
        mix(46, &[p(s0r)]),
        mix(47, &[lab(s0r)]),
        mix(48, &[w(n0l)]),
        mix(49, &[p(n0l)]),
        mix(50, &[lab(n0l)]),
        // third order
        mix(51, &[w(s0h2)]),
        mix(52, &[p(s0h2)]),
        mix(53, &[lab(s0h)]),
        mix(54, &[w(s0l2)]),
        mix(55, &[p(s0l2)]),
        mix(56, &[lab(s0l2)]),
        mix(57, &[w(s0r2)]),
        mix(58, &[p(s0r2)]),
        mix(59, &[lab(s0r2)]),
        mix(60, &[w(n0l2)]),
        mix(61, &[p(n0l2)]),
        mix(62, &[lab(n0l2)]),
        mix(63, &[s0p, p(s0l), p(s0l2)]),
        mix(64, &[s0p, p(s0r), p(s0r2)]),
        mix(65, &[s0p, p(s0h), p(s0h2)]),
        mix(66, &[n0p, p(n0l), p(n0l2)]),
        // label sets
        mix(67, &[s0w, sr(s0)]),
        mix(68, &[s0p, sr(s0)]),
        mix(69, &[s0w, sl(s0)]),
        mix(70, &[s0p, sl(s0)]),
        mix(71, &[n0w, sl(n0)]),
        mix(72, &[n0p, sl(n0)]),
        // the second stack word, and coarse tags
        mix(73, &[p(s1), s0p, n0p]),
        mix(74, &[w(s1), p(s1)]),
        mix(75, &[u(s1), u(s0), u(n0), u(n1)]),
        mix(76, &[p(s1), lab(s1)]),
        mix(77, &[s0w, n0w, n1p]),
        mix(78, &[s0p, n0w, n1w]),
        mix(79, &[u(s0), u(n0), d, lab(s0)]),
        mix(80, &[(st.head[s0.min(st.n)] != NONE_ID) as u64, s0p, n0p]),
        mix(81, &[s0p, n0p, punct_between(items, s0, n0)]),
        mix(82, &[lab(s0), s0p, n0p]),
        mix(83, &[n0w, n1w]),
        mix(84, &[w(s1), s0w]),
    ];
    out.extend_from_slice(&f);
}

/// Each template's feature when every word, arc and count it reads is absent: what a
/// configuration with an empty stack and buffer gives.
fn absent_features() -> &'static [u64] {
    static ABSENT: OnceLock<Vec<u64>> = OnceLock::new();
    ABSENT.get_or_init(|| {
        let mut st = State::new(0);
        st.stack.clear();
        let mut out = Vec::new();
        features(&st, &[Item::ROOT], &mut out);
        out
    })
}

/// Most features of a configuration read words or arcs that are not there (no second child,
/// no head yet, the end of the buffer), and each such feature is the same every time. Which
/// of them a configuration has is a bit set over the templates; this caches, per set, the
/// sum of their weights, so they are looked up once per thread instead of at every
/// transition (the sum is exact: integers, in any order).
struct AbsentSums {
    /// The table the sums are of ([`Weights::id`]).
    id: u64,
    sums: FxHashMap<u128, Box<[i32]>>,
}

/// How many sets a thread keeps sums for; past that, sums are looked up as before.
const MAX_SUMS: usize = 1 << 14;

thread_local! {
    static ABSENT_SUMS: RefCell<AbsentSums> = RefCell::new(AbsentSums {
        id: 0,
        sums: FxHashMap::default(),
    });
}

/// Per-sentence scratch reused across sentences.
#[derive(Default)]
pub struct Scratch {
    feats: Vec<u64>,
    /// The features that are not their template's absent one.
    present: Vec<u64>,
    absent: Vec<u64>,
    scores: Vec<i32>,
    /// Transitions the last parse took: kept so the fuzz target can hold parsing to at most
    /// two per word (linear time) without timing it.
    pub transitions: usize,
}

impl Parser {
    fn n_classes(&self) -> usize {
        2 + 2 * self.labels.len()
    }

    /// Parses `items` (index 0 the root, then one per word). Returns (head, label) per word,
    /// heads 0 for the root, every word with exactly one head and one word on the root.
    pub fn parse(&self, items: &[Item], scratch: &mut Scratch) -> Vec<(usize, usize)> {
        let n = items.len() - 1;
        let nl = self.labels.len();
        let mut st = State::new(n);
        scratch.scores.resize(self.n_classes(), 0);
        scratch.transitions = 0;
        let absent = absent_features();
        while !st.done() {
            scratch.transitions += 1;
            features(&st, items, &mut scratch.feats);
            let mut set = 0u128;
            scratch.present.clear();
            for (i, (&f, &a)) in scratch.feats.iter().zip(absent).enumerate() {
                if f == a {
                    set |= 1 << i;
                } else {
                    scratch.present.push(f);
                }
            }
            self.absent_sum(set, absent, &mut scratch.absent, &mut scratch.scores);
            self.weights.score(&scratch.present, &mut scratch.scores);
            let ok = st.validity(nl, self.root);
            debug_assert!(
                (0..self.n_classes()).all(|t| ok.allows(t) == st.valid(t, nl, self.root))
            );
            debug_assert_eq!(
                ok.best(&mut scratch.scores.clone()),
                argmax(&scratch.scores, |t| ok.allows(t))
            );
            let t = ok.best(&mut scratch.scores).unwrap_or(SHIFT);
            st.apply(t, nl);
        }
        finish(&st, items, self)
    }
}

impl Parser {
    /// Sets `scores` to the sum of the weights of the absent features in `set` (bits index
    /// `absent`), from the thread's cache when it has it.
    fn absent_sum(&self, set: u128, absent: &[u64], buf: &mut Vec<u64>, scores: &mut [i32]) {
        let direct = |buf: &mut Vec<u64>, scores: &mut [i32]| {
            buf.clear();
            buf.extend(
                (0..absent.len())
                    .filter(|i| set >> i & 1 == 1)
                    .map(|i| absent[i]),
            );
            scores.iter_mut().for_each(|s| *s = 0);
            self.weights.score(buf, scores);
        };
        let id = self.weights.id;
        if id == 0 {
            return direct(buf, scores);
        }
        ABSENT_SUMS.with_borrow_mut(|c| {
            if c.id != id {
                c.id = id;
                c.sums.clear();
            }
            if let Some(sum) = c.sums.get(&set) {
                scores.copy_from_slice(sum);
                return;
            }
            direct(buf, scores);
            if c.sums.len() < MAX_SUMS {
                c.sums.insert(set, scores.into());
            }
        })
    }
}

/// Words left without a head when the buffer ran out: the first becomes the root's dependent if
/// the root has none, the rest attach to the root's dependent.
fn finish(st: &State, items: &[Item], p: &Parser) -> Vec<(usize, usize)> {
    let n = st.n;
    let mut head = st.head.clone();
    let mut label = st.label.clone();
    let mut top = st.r1[0];
    for d in 1..=n {
        if head[d] != NONE_ID {
            continue;
        }
        if top == NONE_ID {
            top = d;
            head[d] = 0;
            label[d] = p.root;
        } else {
            head[d] = top;
            label[d] = p.fallback_label(items[d].u);
        }
    }
    (1..=n).map(|d| (head[d], label[d])).collect()
}

impl Parser {
    fn fallback_label(&self, u: u64) -> usize {
        let want = if u == upos_code("PUNCT") {
            "punct"
        } else if u == upos_code("VERB") {
            "parataxis"
        } else {
            "dep"
        };
        self.labels.iter().position(|l| l == want).unwrap_or(0)
    }
}

/// The feature part for a UPOS string.
pub fn upos_code(upos: &str) -> u64 {
    super::perceptron::hash_str(upos) ^ 0x55
}

/// One training sentence: items (index 0 the root) and gold (head, label) of each word.
pub struct Example {
    pub items: Vec<Item>,
    pub gold: Vec<(usize, usize)>,
}

/// The cost of each transition: gold arcs it makes unreachable (Goldberg and Nivre 2012).
fn costs(st: &State, gold: &[(usize, usize)], nl: usize, root_label: usize, out: &mut Vec<u32>) {
    let n = st.n;
    out.clear();
    let gh = |i: usize| if i == 0 { NONE_ID } else { gold[i - 1].0 };
    let glab = |i: usize| gold[i - 1].1;
    let s = st.s0();
    let b = st.b;
    let in_buf = |k: usize| k != NONE_ID && k >= b && k <= n;
    let on_stack = |k: usize| st.stack.contains(&k);
    // Common counts.
    let s_deps_in_buf = if s != NONE_ID {
        (b..=n).filter(|&k| gh(k) == s).count() as u32
    } else {
        0
    };
    let b_head_in_stack = b <= n && on_stack(gh(b));
    let b_deps_in_stack = if b <= n {
        st.stack
            .iter()
            .filter(|&&k| k != 0 && st.head[k] == NONE_ID && gh(k) == b)
            .count() as u32
    } else {
        0
    };
    for t in 0..2 + 2 * nl {
        if !st.valid(t, nl, root_label) {
            out.push(u32::MAX);
            continue;
        }
        let c = match t {
            SHIFT => b_head_in_stack as u32 + b_deps_in_stack,
            REDUCE => s_deps_in_buf,
            _ if t < 2 + nl => {
                let l = t - 2;
                let h = gh(s);
                let head_lost = (in_buf(h) && h != b) as u32;
                let wrong_label = (h == b && glab(s) != l) as u32;
                head_lost + wrong_label + s_deps_in_buf
            }
            _ => {
                let l = t - 2 - nl;
                let h = gh(b);
                let head_lost = (h != s && (on_stack(h) || in_buf(h))) as u32;
                let wrong_label = (h == s && glab(b) != l) as u32;
                head_lost + wrong_label + b_deps_in_stack
            }
        };
        out.push(c);
    }
}

/// Trains the parser for `epochs` passes (order shuffled by `seed`), exploring its own
/// predictions from the second pass on; calls `each_epoch` with the averaged parser.
pub fn train(
    labels: Vec<String>,
    data: &[Example],
    epochs: usize,
    seed: u64,
    mut each_epoch: impl FnMut(usize, Parser),
) {
    let nl = labels.len();
    let root = labels
        .iter()
        .position(|l| l == "root")
        .expect("a root label");
    let nc = 2 + 2 * nl;
    let mut tr = Trainer::new(nc);
    let mut rng = Rng(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; nc];
    let mut cost = Vec::new();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let ex = &data[si];
            let mut st = State::new(ex.gold.len());
            while !st.done() {
                features(&st, &ex.items, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                tr.score(&feats, &mut scores);
                costs(&st, &ex.gold, nl, root, &mut cost);
                let min = *cost.iter().min().unwrap_or(&0);
                if min == u32::MAX {
                    break;
                }
                let guess = argmax(&scores, |t| cost[t] != u32::MAX).unwrap_or(SHIFT);
                let best = argmax(&scores, |t| cost[t] == min).unwrap_or(SHIFT);
                tr.tick();
                if cost[guess] > min {
                    tr.update(&feats, best, guess);
                }
                let explore = epoch > 1 && rng.unit() < 0.9;
                st.apply(if explore { guess } else { best }, nl);
            }
        }
        each_epoch(
            epoch,
            Parser {
                labels: labels.clone(),
                root,
                weights: tr.averaged(1e-3),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Validity::best` picks what `argmax` over the allowed transitions picks, in every
    /// combination of allowed kinds, ties included.
    #[test]
    fn best_is_the_argmax_of_the_allowed() {
        let (nl, root) = (5, 2);
        let mut rng = Rng(11);
        for kinds in 0..32u32 {
            let ok = Validity {
                nl,
                root,
                shift: kinds & 1 != 0,
                reduce: kinds & 2 != 0,
                left: kinds & 4 != 0,
                right_root: kinds & 8 != 0,
                right_other: kinds & 16 != 0,
            };
            for _ in 0..50 {
                let scores: Vec<i32> = (0..2 + 2 * nl)
                    .map(|_| (rng.next_u64() % 7) as i32 - 3)
                    .collect();
                let want = argmax(&scores, |t| ok.allows(t));
                assert_eq!(ok.best(&mut scores.clone()), want, "{kinds:05b} {scores:?}");
            }
        }
    }

    /// The absent features are what a configuration with nothing on the stack or in the
    /// buffer gives, and a real configuration's features equal them where it lacks the
    /// words they read.
    #[test]
    fn absent_features_are_those_of_missing_words() {
        let absent = absent_features();
        assert_eq!(absent.len(), 84);
        let items = vec![Item::ROOT, Item::new(77, 3, "NOUN", Some(&Item::ROOT))];
        let mut st = State::new(1);
        st.apply(SHIFT, 3);
        let mut f = Vec::new();
        features(&st, &items, &mut f);
        // The buffer is empty: its words' templates (5: n0w; 11: n2w) are absent.
        assert_eq!(f[4], absent[4]);
        assert_eq!(f[10], absent[10]);
        // The stack's word is there.
        assert_ne!(f[1], absent[1]);
    }
}
