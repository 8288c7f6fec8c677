//! Part-of-speech tagging: for the words of a sentence, one joint UPOS + XPOS tag each.
//!
//! A left-to-right averaged perceptron: the word, its affixes and shape, two words either side,
//! the two tags already chosen, and the tags each neighbouring word was seen with in training
//! (its ambiguity class). Frequent words seen with one tag only skip the scoring.

use rustc_hash::FxHashMap;

use super::perceptron::{Trainer, Weights, argmax, hash_str, mix};

/// What the tagger keeps besides weights: the tag set and the word lexicon.
#[derive(Debug, Default)]
pub struct Tagger {
    /// Joint tags, "UPOS\tXPOS".
    pub tags: Vec<String>,
    pub weights: Weights,
    /// The second pass, which also sees the first pass's tags of the next two words.
    pub weights2: Weights,
    /// Lowercased word hash → its one tag, for frequent unambiguous words.
    pub sure: FxHashMap<u64, u16>,
    /// Lowercased word hash → ambiguity class (hash of the set of tags it takes).
    pub ambiguity: FxHashMap<u64, u64>,
}

/// Features of one word that do not depend on the tags, computed once per sentence.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordFeats {
    pub lower: u64,
    pub exact: u64,
    pub suf: [u64; 4],
    pub pre: [u64; 3],
    pub shape: u64,
    pub amb: u64,
}

const NONE: u64 = 0x5151;
const START: u64 = 0x5757;

impl WordFeats {
    pub fn of(form: &str, ambiguity: &FxHashMap<u64, u64>) -> Self {
        let lower = form.to_lowercase();
        let lh = hash_str(&lower);
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        let n = chars.len();
        let suffix = |k: usize| -> u64 {
            if n < k {
                return NONE;
            }
            hash_str(&lower[chars[n - k].0..]).wrapping_add(k as u64)
        };
        let prefix = |k: usize| -> u64 {
            if n < k {
                return NONE;
            }
            let end = if k == n { lower.len() } else { chars[k].0 };
            hash_str(&lower[..end]).wrapping_add(31 * k as u64)
        };
        WordFeats {
            lower: lh,
            exact: hash_str(form) ^ 0xA5A5,
            suf: [suffix(1), suffix(2), suffix(3), suffix(4)],
            pre: [prefix(1), prefix(2), prefix(3)],
            shape: hash_str(&shape(form)),
            amb: ambiguity.get(&lh).copied().unwrap_or(NONE),
        }
    }
}

/// The word's shape with runs collapsed past two: "Niger's" → "Xx'x", "1,000" → "d,d".
pub fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    let mut run = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        out.push(k);
        last = k;
    }
    out
}

/// The features for position `i` given the tags chosen before it (`prev` = t[i-1], `prev2`).
pub fn features(words: &[WordFeats], i: usize, prev: u64, prev2: u64, out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let at = |j: isize| -> Option<&WordFeats> { if j < 0 { None } else { words.get(j as usize) } };
    let ii = i as isize;
    let lw = |j: isize| at(j).map_or(START ^ j as u64, |w| w.lower);
    let first = (i == 0) as u64;
    out.extend_from_slice(&[
        mix(1, &[]),
        mix(2, &[w.lower]),
        mix(3, &[w.exact]),
        mix(4, &[w.suf[0]]),
        mix(5, &[w.suf[1]]),
        mix(6, &[w.suf[2]]),
        mix(7, &[w.suf[3]]),
        mix(8, &[w.pre[0]]),
        mix(9, &[w.pre[1]]),
        mix(10, &[w.pre[2]]),
        mix(11, &[w.shape]),
        mix(12, &[w.shape, first]),
        mix(13, &[lw(ii - 1)]),
        mix(14, &[lw(ii - 2)]),
        mix(15, &[lw(ii + 1)]),
        mix(16, &[lw(ii + 2)]),
        mix(17, &[at(ii - 1).map_or(START, |w| w.suf[2])]),
        mix(18, &[at(ii + 1).map_or(START, |w| w.suf[2])]),
        mix(19, &[prev]),
        mix(20, &[prev2]),
        mix(21, &[prev, prev2]),
        mix(22, &[prev, w.lower]),
        mix(23, &[w.amb]),
        mix(24, &[at(ii + 1).map_or(START, |w| w.amb)]),
        mix(25, &[at(ii + 2).map_or(START, |w| w.amb)]),
        mix(26, &[w.lower, lw(ii + 1)]),
        mix(27, &[lw(ii - 1), w.lower]),
        mix(28, &[prev, at(ii + 1).map_or(START, |w| w.amb)]),
        mix(29, &[at(ii + 1).map_or(START, |w| w.shape)]),
        mix(30, &[w.amb, at(ii + 1).map_or(START, |w| w.amb)]),
        mix(31, &[prev, w.suf[2]]),
        mix(32, &[w.amb, prev]),
        mix(33, &[at(ii - 1).map_or(START, |w| w.shape), w.shape]),
    ]);
}

/// The second pass's features: the first pass's plus the tags the first pass gave the next
/// two words (`next`, `next2`), so a tag can depend on what follows it.
pub fn features2(
    words: &[WordFeats],
    i: usize,
    left: (u64, u64),
    right: (u64, u64),
    out: &mut Vec<u64>,
) {
    features(words, i, left.0, left.1, out);
    let w = &words[i];
    let (next, next2) = right;
    out.extend_from_slice(&[
        mix(40, &[next]),
        mix(41, &[next, next2]),
        mix(42, &[left.0, next]),
        mix(43, &[next, w.lower]),
        mix(44, &[next, w.suf[2]]),
        mix(45, &[next, w.shape]),
    ]);
}

/// The tags after position `i` as feature parts.
pub fn next_tags(tags: &[u16], i: usize) -> (u64, u64) {
    let t = |j: usize| tags.get(j).map_or(START + 2, |&t| 1000 + t as u64);
    (t(i + 1), t(i + 2))
}

impl Tagger {
    /// Tags a sentence; `feats` is scratch space.
    pub fn tag(&self, words: &[WordFeats], out: &mut Vec<u16>, feats: &mut Vec<u64>) {
        let mut first = Vec::with_capacity(words.len());
        let mut scores = vec![0i32; self.tags.len()];
        for i in 0..words.len() {
            let t = if let Some(&t) = self.sure.get(&words[i].lower) {
                t
            } else {
                let (p1, p2) = prev_tags(&first, i);
                features(words, i, p1, p2, feats);
                scores.iter_mut().for_each(|s| *s = 0);
                self.weights.score(feats, &mut scores);
                argmax(&scores, |_| true).unwrap_or(0) as u16
            };
            first.push(t);
        }
        out.clear();
        for i in 0..words.len() {
            let t = if let Some(&t) = self.sure.get(&words[i].lower) {
                t
            } else {
                features2(words, i, prev_tags(out, i), next_tags(&first, i), feats);
                scores.iter_mut().for_each(|s| *s = 0);
                self.weights2.score(feats, &mut scores);
                argmax(&scores, |_| true).unwrap_or(0) as u16
            };
            out.push(t);
        }
    }

    pub fn word_feats(&self, form: &str) -> WordFeats {
        WordFeats::of(form, &self.ambiguity)
    }
}

/// The two tags before position `i`, as feature parts (distinct values at the sentence start).
pub fn prev_tags(tags: &[u16], i: usize) -> (u64, u64) {
    let t = |j: usize| 1000 + tags[j] as u64;
    match i {
        0 => (START, START + 1),
        1 => (t(0), START),
        _ => (t(i - 1), t(i - 2)),
    }
}

/// Builds the lexicon part of a tagger from training words (form, tag).
pub fn lexicon(words: &[(String, u16)]) -> (FxHashMap<u64, u16>, FxHashMap<u64, u64>) {
    let mut counts: FxHashMap<u64, FxHashMap<u16, u32>> = FxHashMap::default();
    for (form, tag) in words {
        *counts
            .entry(hash_str(&form.to_lowercase()))
            .or_default()
            .entry(*tag)
            .or_default() += 1;
    }
    let mut sure = FxHashMap::default();
    let mut amb = FxHashMap::default();
    for (w, c) in counts {
        let total: u32 = c.values().sum();
        let mut tags: Vec<(u16, u32)> = c.into_iter().collect();
        tags.sort_unstable();
        let (best, n) = tags
            .iter()
            .max_by_key(|(t, n)| (*n, std::cmp::Reverse(*t)))
            .copied()
            .unwrap();
        if total >= 20 && n as f64 / total as f64 >= 0.995 {
            sure.insert(w, best);
        }
        if total >= 3 {
            let set: Vec<u64> = tags
                .iter()
                .filter(|(_, n)| *n as f64 / total as f64 >= 0.05)
                .map(|(t, _)| *t as u64)
                .collect();
            amb.insert(w, mix(99, &set));
        }
    }
    (sure, amb)
}

/// Trains a tagger: `epochs` passes over `train` in a shuffled order fixed by `seed`,
/// calling `each_epoch` with the averaged tagger after every pass (for picking on dev).
pub fn train(
    tags: Vec<String>,
    train: &[Vec<(String, u16)>],
    epochs: usize,
    seed: u64,
    mut each_epoch: impl FnMut(usize, Tagger),
) {
    let flat: Vec<(String, u16)> = train.iter().flatten().cloned().collect();
    let (sure, ambiguity) = lexicon(&flat);
    let mut tr = Trainer::new(tags.len());
    let mut tr2 = Trainer::new(tags.len());
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = super::perceptron::Rng(seed);
    let mut feats = Vec::new();
    let mut scores = vec![0f32; tags.len()];
    let sents: Vec<Vec<WordFeats>> = train
        .iter()
        .map(|s| {
            s.iter()
                .map(|(f, _)| WordFeats::of(f, &ambiguity))
                .collect()
        })
        .collect();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let words = &sents[si];
            let gold = &train[si];
            // Both passes learn together; the second reads the first's guesses as they are
            // made, mistakes included, as it will at run time.
            let mut guessed: Vec<u16> = Vec::with_capacity(words.len());
            for (i, (_, truth)) in gold.iter().enumerate() {
                let (p1, p2) = prev_tags(&guessed, i);
                features(words, i, p1, p2, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                tr.score(&feats, &mut scores);
                let g = argmax(&scores, |_| true).unwrap_or(0);
                tr.tick();
                tr.update(&feats, *truth as usize, g);
                guessed.push(g as u16);
            }
            let mut second: Vec<u16> = Vec::with_capacity(words.len());
            for (i, (_, truth)) in gold.iter().enumerate() {
                features2(
                    words,
                    i,
                    prev_tags(&second, i),
                    next_tags(&guessed, i),
                    &mut feats,
                );
                scores.iter_mut().for_each(|s| *s = 0.0);
                tr2.score(&feats, &mut scores);
                let g = argmax(&scores, |_| true).unwrap_or(0);
                tr2.tick();
                tr2.update(&feats, *truth as usize, g);
                second.push(g as u16);
            }
        }
        each_epoch(
            epoch,
            Tagger {
                tags: tags.clone(),
                weights: tr.averaged(1e-3),
                weights2: tr2.averaged(1e-3),
                sure: sure.clone(),
                ambiguity: ambiguity.clone(),
            },
        );
    }
}
