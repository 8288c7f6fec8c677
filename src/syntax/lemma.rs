//! Lemmatization: for a word and its UPOS, the dictionary form ("died" VERB → "die",
//! "2,000" NUM → "2000").
//!
//! Lemmas are edit scripts (keep or lower the case, strip some final characters, append a
//! string). A word seen in training with that UPOS takes its most frequent script; an unseen
//! one takes the script most word types with its longest known ending and UPOS take.

use rustc_hash::FxHashMap;

use super::perceptron::{hash_str, mix};

/// How to turn a form into its lemma.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Script {
    pub lower: bool,
    pub strip: u8,
    pub append: String,
}

impl Script {
    /// The shortest script from `form` to `lemma`. On a tie, a lemma in lower case lowers the
    /// form, so "the" → "the" also serves "The"; any other keeps the case ("I", "Niger").
    pub fn between(form: &str, lemma: &str) -> Script {
        let keep = Self::with_base(form, lemma, false);
        let low = Self::with_base(&form.to_lowercase(), lemma, true);
        let lower_lemma = !lemma.chars().any(char::is_uppercase);
        match (keep, low) {
            (Some(k), Some(l)) => {
                let (lc, kc) = (
                    l.strip as usize + l.append.len(),
                    k.strip as usize + k.append.len(),
                );
                if lc < kc || (lc == kc && lower_lemma) {
                    l
                } else {
                    k
                }
            }
            (Some(k), None) => k,
            (None, Some(l)) => l,
            (None, None) => Script {
                lower: false,
                strip: 255,
                append: lemma.to_string(),
            },
        }
    }

    fn with_base(base: &str, lemma: &str, lower: bool) -> Option<Script> {
        let b: Vec<char> = base.chars().collect();
        let l: Vec<char> = lemma.chars().collect();
        let p = b.iter().zip(&l).take_while(|(x, y)| x == y).count();
        let strip = b.len() - p;
        (strip < 255).then(|| Script {
            lower,
            strip: strip as u8,
            append: l[p..].iter().collect(),
        })
    }

    pub fn apply(&self, form: &str) -> String {
        let base = if self.lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        if self.strip == 255 {
            return self.append.clone();
        }
        let n = base.chars().count();
        if (self.strip as usize) > n {
            return base;
        }
        let mut out: String = base.chars().take(n - self.strip as usize).collect();
        out.push_str(&self.append);
        out
    }
}

/// The lemmatizer's tables.
#[derive(Debug, Default)]
pub struct Lemmatizer {
    pub scripts: Vec<Script>,
    /// hash(form as written, UPOS) and hash(lowercased form, UPOS) → script index.
    pub known: FxHashMap<u64, u32>,
    /// hash(UPOS, ending of k characters, k) → script index; k = 0 is the UPOS alone.
    pub endings: FxHashMap<u64, u32>,
}

/// Longest ending consulted for unseen words.
pub const MAX_ENDING: usize = 5;

/// Key of a form as written (`exact`) or lowercased, with its UPOS.
fn known_key(form: &str, upos: &str, exact: bool) -> u64 {
    mix(201 + exact as u64, &[hash_str(form), hash_str(upos)])
}

fn ending_key(upos: &str, ending: &str, k: usize) -> u64 {
    mix(202, &[hash_str(upos), hash_str(ending), k as u64])
}

/// The last `k` characters of `s`, when it has more than `k`.
fn ending(s: &str, k: usize) -> Option<&str> {
    if k == 0 {
        return Some("");
    }
    let mut it = s.char_indices().rev();
    let (start, _) = it.nth(k - 1)?;
    // Keep at least one character before the ending, so a whole word never stands for a rule.
    (start > 0).then(|| &s[start..])
}

impl Lemmatizer {
    /// Learns from (form, UPOS, lemma) triples.
    pub fn train<'a>(words: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let mut ids: FxHashMap<Script, u32> = FxHashMap::default();
        let mut scripts: Vec<Script> = Vec::new();
        let mut known_counts: FxHashMap<u64, FxHashMap<u32, u32>> = FxHashMap::default();
        let mut types: FxHashMap<(String, String, u32), ()> = FxHashMap::default();
        for (form, upos, lemma) in words {
            let s = Script::between(form, lemma);
            let id = *ids.entry(s.clone()).or_insert_with(|| {
                scripts.push(s);
                scripts.len() as u32 - 1
            });
            let lower = form.to_lowercase();
            for key in [known_key(&lower, upos, false), known_key(form, upos, true)] {
                *known_counts.entry(key).or_default().entry(id).or_default() += 1;
            }
            types.insert((lower, upos.to_string(), id), ());
        }
        let best = |m: &FxHashMap<u32, u32>| {
            m.iter()
                .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))
                .map(|(id, _)| *id)
                .unwrap_or(0)
        };
        let known = known_counts.iter().map(|(k, m)| (*k, best(m))).collect();
        let mut ending_counts: FxHashMap<u64, FxHashMap<u32, u32>> = FxHashMap::default();
        for (lower, upos, id) in types.keys() {
            for k in 0..=MAX_ENDING {
                if let Some(e) = ending(lower, k) {
                    *ending_counts
                        .entry(ending_key(upos, e, k))
                        .or_default()
                        .entry(*id)
                        .or_default() += 1;
                }
            }
        }
        let endings = ending_counts.iter().map(|(k, m)| (*k, best(m))).collect();
        Lemmatizer {
            scripts,
            known,
            endings,
        }
    }

    pub fn lemma(&self, form: &str, upos: &str) -> String {
        let lower = form.to_lowercase();
        let known = self.known.get(&known_key(form, upos, true));
        if let Some(&id) = known.or_else(|| self.known.get(&known_key(&lower, upos, false))) {
            return self.scripts[id as usize].apply(form);
        }
        // Figures written with thousands separators: the lemma is the plain number.
        if upos == "NUM"
            && form
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
            && form.contains(',')
        {
            return form.replace(',', "");
        }
        for k in (0..=MAX_ENDING).rev() {
            if let Some(e) = ending(&lower, k)
                && let Some(&id) = self.endings.get(&ending_key(upos, e, k))
            {
                return self.scripts[id as usize].apply(form);
            }
        }
        form.to_string()
    }
}
