//! A small fixed set of lower-case words mapped to values, looked up by the bytes of a
//! token in the line's lower-cased copy. The recognizers' vocabularies (date words, number
//! words) are a few hundred words each and are looked up for every word of every line, so
//! the lookup must cost one multiply and one compare, not a hash of a `str` and a `memcmp`.
//!
//! Open addressing on the word's bytes packed into a `u128`: every key is at most 15 bytes
//! of UTF-8 with no ASCII capital (lines are looked up in a copy with ASCII letters
//! lower-cased), and words never hold a NUL byte, so zero padding cannot make two words equal.

pub struct WordTable<V> {
    keys: Vec<u128>,
    vals: Vec<Option<V>>,
    shift: u32,
}

/// Longest word a table holds.
pub const MAX_LEN: usize = 15;

fn pack(w: &[u8]) -> Option<u128> {
    if w.is_empty() || w.len() > MAX_LEN {
        return None;
    }
    let mut b = [0u8; 16];
    b[..w.len()].copy_from_slice(w);
    Some(u128::from_le_bytes(b))
}

/// The key of `text[start..start + len]` with `fold` OR-ed into each byte.
#[inline]
fn key_at(text: &[u8], start: usize, len: usize, fold: u8) -> Option<u128> {
    if len == 0 || len > MAX_LEN {
        return None;
    }
    let mask = (1u128 << (8 * len)) - 1;
    let fold = u128::from_le_bytes([fold; 16]);
    let k = match text.get(start..start + 16) {
        Some(b) => u128::from_le_bytes(b.try_into().ok()?),
        None => pack(text.get(start..start + len)?)?,
    };
    Some((k | fold) & mask)
}

impl<V: Copy> WordTable<V> {
    /// Builds the table; a word given twice keeps its last value.
    ///
    /// # Panics
    /// On a word that is empty, longer than [`MAX_LEN`] bytes or has an ASCII capital or a
    /// NUL byte: tables are
    /// built from data compiled into the binary, so that is a bug caught by its tests.
    pub fn new<'w>(pairs: impl IntoIterator<Item = (&'w str, V)>) -> Self {
        let pairs: Vec<(&str, V)> = pairs.into_iter().collect();
        // At most half full, so probes stay short, and no bigger: the keys are read for every
        // word of every line, and a table that fits the L1 cache is twice as fast.
        let n = (pairs.len() * 2).next_power_of_two().max(64);
        let mut t = WordTable {
            keys: vec![0; n],
            vals: vec![None; n],
            shift: 64 - n.trailing_zeros(),
        };
        for (w, v) in pairs {
            assert!(
                w.bytes().all(|b| b != 0 && !b.is_ascii_uppercase()),
                "table word {w:?} is not lower case"
            );
            let k = pack(w.as_bytes()).unwrap_or_else(|| panic!("table word {w:?} is too long"));
            let mut s = t.slot(k);
            while t.keys[s] != 0 && t.keys[s] != k {
                s = (s + 1) & (n - 1);
            }
            t.keys[s] = k;
            t.vals[s] = Some(v);
        }
        t
    }

    fn slot(&self, k: u128) -> usize {
        let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of the word `low[start..start + len]`; `low` is already lower-cased. Reads
    /// 16 bytes at once where the line has them, which spares a copy per token.
    #[inline]
    pub fn get_at(&self, low: &[u8], start: usize, len: usize) -> Option<V> {
        self.probe(key_at(low, start, len, 0)?)
    }

    /// The value of the word `text[start..start + len]`, made of ASCII letters only, in any
    /// case: setting bit 5 of a letter lower-cases it, so the line needs no lower-cased copy.
    #[inline]
    pub fn get_letters_at(&self, text: &[u8], start: usize, len: usize) -> Option<V> {
        self.probe(key_at(text, start, len, 0x20)?)
    }

    /// The value of a lower-case word.
    #[inline]
    pub fn get(&self, low: &[u8]) -> Option<V> {
        self.get_at(low, 0, low.len())
    }

    #[inline]
    fn probe(&self, k: u128) -> Option<V> {
        let mut s = self.slot(k);
        loop {
            let x = self.keys[s];
            if x == k {
                return self.vals[s];
            }
            if x == 0 {
                return None;
            }
            s = (s + 1) & (self.keys.len() - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let words = ["a", "an", "six", "fifteen", "seventeen", "approximately"];
        let t = WordTable::new(words.iter().enumerate().map(|(i, w)| (*w, i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w.as_bytes()), Some(i), "{w}");
        }
        for w in [
            "",
            "b",
            "sixteen",
            "approximatelyy",
            "a very long word indeed",
        ] {
            assert_eq!(t.get(w.as_bytes()), None, "{w}");
        }
        // A word inside a longer line, with and without 16 bytes after it.
        let line = b"about six of them";
        assert_eq!(t.get_at(line, 6, 3), Some(2));
        assert_eq!(t.get_at(line, 6, 2), None);
        assert_eq!(t.get_at(b"x six", 2, 3), Some(2));
        // Letters in any case, with and without 16 bytes after the word.
        assert_eq!(t.get_letters_at(b"About SIX of them", 6, 3), Some(2));
        assert_eq!(t.get_letters_at(b"APPROXIMATELY", 0, 13), Some(5));
        assert_eq!(t.get_letters_at(b"x Six", 2, 3), Some(2));
        assert_eq!(t.get_letters_at(b"x Sixteen", 2, 7), None);
    }

    #[test]
    fn a_word_given_twice_keeps_the_last_value() {
        let t = WordTable::new([("may", 1), ("may", 2)]);
        assert_eq!(t.get(b"may"), Some(2));
    }
}
