//! Word folding for slot keys: a word or phrase in, its key form out (lowercase, hyphenated,
//! possessive dropped, singular or plural as the key asks, synonyms applied by the caller).
//!
//! Number folding is plain English morphology plus the irregular pairs a rule file lists
//! (`[[wordlist]] name = "irregular-plurals"`, entries "person people").

use rustc_hash::FxHashMap as HashMap;

/// Irregular singular/plural pairs, both directions.
#[derive(Clone, Debug, Default)]
pub struct Number {
    to_singular: HashMap<String, String>,
    to_plural: HashMap<String, String>,
}

impl Number {
    /// `pairs` are "singular plural" entries.
    pub fn new<'a>(pairs: impl IntoIterator<Item = &'a str>) -> Self {
        let mut n = Number::default();
        for p in pairs {
            let mut it = p.split_whitespace();
            if let (Some(s), Some(pl)) = (it.next(), it.next()) {
                n.to_singular.insert(pl.to_string(), s.to_string());
                n.to_plural.insert(s.to_string(), pl.to_string());
                // A word listed as its own plural ("sheep sheep") stays as it is both ways.
                n.to_singular
                    .entry(s.to_string())
                    .or_insert_with(|| s.to_string());
            }
        }
        n
    }

    /// The singular of a lowercase word.
    pub fn singular(&self, w: &str) -> String {
        if let Some(s) = self.to_singular.get(w) {
            return s.clone();
        }
        let n = w.len();
        if n <= 3 || !w.is_ascii() || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
            return w.to_string();
        }
        if let Some(stem) = w.strip_suffix("ies") {
            return format!("{stem}y");
        }
        for suf in ["sses", "xes", "ches", "shes", "zes"] {
            if w.ends_with(suf) {
                return w[..n - 2].to_string();
            }
        }
        match w.strip_suffix('s') {
            Some(stem) => stem.to_string(),
            None => w.to_string(),
        }
    }

    /// Whether a lowercase word looks plural ("troops", "people"); words the same in both
    /// numbers ("staff") do not.
    pub fn is_plural(&self, w: &str) -> bool {
        self.singular(w) != w
    }

    /// The plural of a lowercase singular word.
    pub fn plural(&self, w: &str) -> String {
        if let Some(p) = self.to_plural.get(w) {
            return p.clone();
        }
        if !w.is_ascii() || w.len() < 2 {
            return w.to_string();
        }
        let b = w.as_bytes();
        let last = b[b.len() - 1];
        if last == b'y' && !b"aeiou".contains(&b[b.len() - 2]) {
            return format!("{}ies", &w[..w.len() - 1]);
        }
        if w.ends_with('s')
            || w.ends_with('x')
            || w.ends_with('z')
            || w.ends_with("ch")
            || w.ends_with("sh")
        {
            return format!("{w}es");
        }
        format!("{w}s")
    }
}

/// The key form of one word as written: lowercase, possessive `'s` dropped, dots dropped
/// ("U.S." → "us"), any other non-alphanumeric character a hyphen.
pub fn slug(word: &str) -> String {
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word);
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c == '.' || c == '\'' || c == '’' {
            continue;
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The key form of a phrase: each word slugged, joined with hyphens.
pub fn slug_phrase(phrase: &str) -> String {
    let mut out = String::new();
    for w in phrase.split_whitespace() {
        let s = slug(w);
        if s.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_folds_both_ways() {
        let n = Number::new(["person people", "man men"]);
        assert_eq!(n.singular("troops"), "troop");
        assert_eq!(n.singular("people"), "person");
        assert_eq!(n.singular("casualties"), "casualty");
        assert_eq!(n.singular("churches"), "church");
        assert_eq!(n.singular("us"), "us");
        assert_eq!(n.plural("troop"), "troops");
        assert_eq!(n.plural("person"), "people");
        assert_eq!(n.plural("casualty"), "casualties");
        assert_eq!(n.plural("bus"), "buses");
    }

    #[test]
    fn slug_drops_possessive_and_dots() {
        assert_eq!(slug("Niger's"), "niger");
        assert_eq!(slug("U.S."), "us");
        assert_eq!(slug("pro-Western"), "pro-western");
        assert_eq!(slug_phrase("Prime  Minister"), "prime-minister");
    }
}
