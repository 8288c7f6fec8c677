//! Currencies around an amount: symbols ("$", "€", "US$", "c $", "Mex$"), names ("dollars",
//! "australian dollars", "CFA francs", "yen"), ISO codes ("USD 200", "115USD", "30 MUSD")
//! and minor units ("3 dollars 50 cents").
//!
//! In: tokens and a position just before or just after an amount. Out: the ISO 4217 code, how
//! far the currency reaches, and a multiplier ("MUSD" is a million dollars). The table of
//! names and symbols is data (`data/currencies.tsv`), read once.

use std::collections::HashMap as StdMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::token::{TokKind, Token};

/// FNV-1a: the tables are keyed by short words, for which SipHash's set-up costs more than
/// the lookup; no key comes from an adversary that could make it collide on purpose.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type HashMap<K, V> = StdMap<K, V, BuildHasherDefault<Fnv>>;

/// A currency found next to an amount.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurMatch {
    pub code: &'static str,
    /// Token index just past the currency.
    pub end: usize,
    /// "MUSD": the amount is in millions.
    pub scale: f64,
    /// Matched a name or code rather than a symbol.
    pub named: bool,
}

struct Name {
    /// The words after the first one.
    rest: Vec<&'static str>,
    code: &'static str,
    /// May stand before the amount.
    prefix: bool,
}

struct Table {
    /// First word (lowercase) → names starting with it.
    names: HashMap<String, Vec<Name>>,
    /// Symbol with any letters before it, lowercase, without dots or spaces ("us$", "€").
    symbols: HashMap<String, &'static str>,
    /// (code, minor unit name) → fraction of the main unit.
    minors: HashMap<(&'static str, &'static str), f64>,
    /// Three-letter codes listed as names: may be glued to digits or carry an M.
    codes: HashMap<String, &'static str>,
}

static TABLE: OnceLock<Table> = OnceLock::new();

fn table() -> &'static Table {
    TABLE.get_or_init(|| load(include_str!("../../data/currencies.tsv")))
}

fn load(data: &'static str) -> Table {
    let mut t = Table {
        names: HashMap::default(),
        symbols: HashMap::default(),
        minors: HashMap::default(),
        codes: HashMap::default(),
    };
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let code = cols.next().unwrap_or("").trim();
        let names = cols.next().unwrap_or("");
        let symbols = cols.next().unwrap_or("");
        let minors = cols.next().unwrap_or("");
        for n in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let (n, prefix) = match n.strip_suffix('^') {
                Some(n) => (n, true),
                None => (n, false),
            };
            if n.len() == 3 && n.eq_ignore_ascii_case(code) {
                t.codes.entry(n.to_string()).or_insert(code);
            }
            add_name(&mut t, n, code, prefix);
        }
        for s in symbols.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if s.chars().all(char::is_alphabetic) {
                // Letter symbols ("Rp", "KSh", "FCFA") stand before or after like codes.
                add_name(&mut t, s, code, true);
            } else {
                t.symbols.entry(s.replace(['.', ' '], "")).or_insert(code);
            }
        }
        for m in minors.split(',').filter_map(|m| m.split_once('=')) {
            if let Ok(f) = m.1.trim().parse::<f64>() {
                t.minors.insert((code, m.0.trim()), f);
            }
        }
    }
    t
}

fn add_name(t: &mut Table, n: &'static str, code: &'static str, prefix: bool) {
    let mut words = n.split(' ');
    let first = words.next().unwrap_or("").to_lowercase();
    let rest: Vec<&'static str> = words.collect();
    let list = t.names.entry(first).or_default();
    if !list.iter().any(|e| e.rest == rest) {
        list.push(Name { rest, code, prefix });
    }
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// The names whose first word is `w`, looked up without allocating for ASCII words.
fn names_for(w: &str) -> Option<&'static Vec<Name>> {
    let mut buf = [0u8; 24];
    match super::numeral::lower(w, &mut buf) {
        Some(l) => std::str::from_utf8(l)
            .ok()
            .and_then(|l| table().names.get(l)),
        None if w.is_ascii() => None,
        None => table().names.get(&lower(w)),
    }
}

/// The longest currency name starting at token `j` (words separated by spaces).
fn name_at(line: &str, toks: &[Token], j: usize) -> Option<(&'static Name, usize)> {
    let t = toks.get(j).filter(|t| t.is_word())?;
    let list = names_for(t.text(line))?;
    let mut best: Option<(&Name, usize)> = None;
    for e in list {
        let ok = e.rest.iter().enumerate().all(|(k, w)| {
            toks.get(j + 1 + k).is_some_and(|t| {
                t.is_word() && t.space_before && t.text(line).eq_ignore_ascii_case(w)
            })
        });
        if ok && best.is_none_or(|(b, _)| b.rest.len() < e.rest.len()) {
            best = Some((e, j + 1 + e.rest.len()));
        }
    }
    best
}

/// "MUSD", "MEUR": an M for million glued to an uppercase three-letter code.
fn million_code(word: &str) -> Option<&'static str> {
    let rest = word.strip_prefix('M')?;
    if rest.len() == 3 && rest.bytes().all(|b| b.is_ascii_uppercase()) {
        table().codes.get(&rest.to_ascii_lowercase()).copied()
    } else {
        None
    }
}

/// A currency sign at token `j` with up to three tokens of letters (and dots) before it:
/// "$", "€", "US$", "u.s $", "c $", "HK$", "Mex$", "usd$".
fn symbol_at(line: &str, toks: &[Token], j: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(j)?;
    let tab = table();
    if t.kind == TokKind::Punct {
        if !is_sign(t.text(line)) {
            return None;
        }
        // "$US5m", "$A20": letters glued after the sign, then the digits.
        if let Some(w) = toks.get(j + 1).filter(|w| w.is_word() && !w.space_before)
            && w.span.len() <= 3
            && toks
                .get(j + 2)
                .is_some_and(|n| n.is_num() && !n.space_before)
        {
            let key = format!("{}{}", t.text(line), lower(w.text(line)));
            if let Some(&c) = tab.symbols.get(&key) {
                return Some((c, j + 2));
            }
        }
        return tab.symbols.get(t.text(line)).map(|&c| (c, j + 1));
    }
    if !t.is_word() || t.span.len() > 4 {
        return None;
    }
    // "music ' s $ 500": the s of a possessive, not Singapore dollars.
    if j > 0 && (toks[j - 1].is_punct(line, '\'') || toks[j - 1].is_punct(line, '’')) {
        return None;
    }
    // Most words have no currency sign within a few tokens: say no before building a key.
    // "U.S.$" is the longest prefix: five tokens.
    if !toks
        .iter()
        .skip(j + 1)
        .take(4)
        .any(|t| t.kind == TokKind::Punct && is_sign(t.text(line)))
    {
        return None;
    }
    let mut key = String::new();
    let mut k = j;
    while k < toks.len() && k < j + 5 {
        let tk = &toks[k];
        if k > j && tk.space_before && tk.is_word() {
            return None;
        }
        if tk.is_word() && tk.span.len() <= 4 {
            // "a $5 loan": the article, not Australian dollars (those are written "A$5").
            if tk.is(line, "a") && toks.get(k + 1).is_some_and(|n| n.space_before) {
                return None;
            }
            key.push_str(&lower(tk.text(line)));
        } else if tk.is_punct(line, '.') && !tk.space_before {
            // "u.s $": dots between letters are dropped from the key.
        } else if tk.kind == TokKind::Punct {
            key.push_str(tk.text(line));
            return tab.symbols.get(&key).map(|&c| (c, k + 1));
        } else {
            return None;
        }
        k += 1;
    }
    None
}

/// Whether a punctuation token is a currency sign: "$", "£", "¥", or one of the Unicode
/// currency symbols block ("€", "₦", "₹", ...).
pub fn is_sign(p: &str) -> bool {
    p.chars().next().is_some_and(|c| {
        matches!(
            c,
            '$' | '£' | '¥' | '¢' | '৳' | '฿' | '֏' | '៛' | '﷼' | '円' | '₿'
        ) || ('\u{20A0}'..='\u{20CF}').contains(&c)
    })
}

/// A currency just before an amount that starts at the returned token index.
pub fn before(line: &str, toks: &[Token], j: usize) -> Option<CurMatch> {
    let t = toks.get(j)?;
    if let Some((code, end)) = symbol_at(line, toks, j) {
        return Some(CurMatch {
            code,
            end,
            scale: 1.0,
            named: false,
        });
    }
    if !t.is_word() {
        return None;
    }
    if let Some(code) = million_code(t.text(line)) {
        return Some(CurMatch {
            code,
            end: j + 1,
            scale: 1e6,
            named: true,
        });
    }
    let (name, mut end) = name_at(line, toks, j)?;
    // "Rs. 500": the dot of an abbreviation, not a decimal point.
    if toks
        .get(end)
        .is_some_and(|d| d.is_punct(line, '.') && !d.space_before)
        && toks.get(end + 1).is_some_and(|n| n.space_before)
    {
        end += 1;
    }
    name.prefix.then_some(CurMatch {
        code: name.code,
        end,
        scale: 1.0,
        named: true,
    })
}

/// A currency just after an amount that ended at token `j`: "$100" has none, "100 dollars",
/// "10 $", "100元", "one-yen", "30 MUSD", "125 million australian dollars" do.
pub fn after(line: &str, toks: &[Token], j: usize) -> Option<CurMatch> {
    let t = toks.get(j)?;
    // "one-yen": a hyphen glues a currency word to a number.
    if t.is_punct(line, '-')
        && !t.space_before
        && toks
            .get(j + 1)
            .is_some_and(|n| n.is_word() && !n.space_before)
    {
        let (name, end) = name_at(line, toks, j + 1)?;
        return Some(CurMatch {
            code: name.code,
            end,
            scale: 1.0,
            named: true,
        });
    }
    let m = if t.kind == TokKind::Punct {
        if !is_sign(t.text(line)) {
            return None;
        }
        let &code = table().symbols.get(t.text(line))?;
        CurMatch {
            code,
            end: j + 1,
            scale: 1.0,
            named: false,
        }
    } else if let Some(code) = t.is_word().then(|| million_code(t.text(line))).flatten() {
        CurMatch {
            code,
            end: j + 1,
            scale: 1e6,
            named: true,
        }
    } else {
        let (name, end) = name_at(line, toks, j)?;
        CurMatch {
            code: name.code,
            end,
            scale: 1.0,
            named: true,
        }
    };
    // "3 USD50": a code glued to the digits after it belongs to them, not to the 3.
    if toks
        .get(m.end)
        .is_some_and(|n| n.is_num() && !n.space_before)
    {
        return None;
    }
    Some(m)
}

/// The fraction of the main unit that a minor-unit word stands for ("cents" of USD: 0.01).
pub fn minor(code: &str, word: &str) -> Option<f64> {
    let w = lower(word);
    table()
        .minors
        .iter()
        .find(|((c, n), _)| *c == code && *n == w)
        .map(|(_, &f)| f)
}

/// Whether a currency (symbol, name or code) stands at token `j`, before or after an amount.
pub fn is_currency_at(line: &str, toks: &[Token], j: usize) -> bool {
    after(line, toks, j).is_some() || before(line, toks, j).is_some()
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn code_before(s: &str) -> Option<(&'static str, String)> {
        let toks = tokenize(s);
        before(s, &toks, 0).map(|m| (m.code, s[..toks[m.end - 1].span.end].to_string()))
    }

    fn code_after(s: &str) -> Option<(&'static str, String)> {
        let toks = tokenize(s);
        after(s, &toks, 1).map(|m| {
            (
                m.code,
                s[toks[1].span.start..toks[m.end - 1].span.end].to_string(),
            )
        })
    }

    #[test]
    fn symbols_and_prefixes() {
        assert_eq!(code_before("$5"), Some(("USD", "$".into())));
        assert_eq!(code_before("US$5"), Some(("USD", "US$".into())));
        assert_eq!(code_before("u.s $ 5"), Some(("USD", "u.s $".into())));
        assert_eq!(code_before("c $ 16.4"), Some(("CAD", "c $".into())));
        assert_eq!(code_before("hk $ 10"), Some(("HKD", "hk $".into())));
        assert_eq!(code_before("Mex$ 10"), Some(("MXN", "Mex$".into())));
        assert_eq!(code_before("€2.5bn"), Some(("EUR", "€".into())));
        assert_eq!(code_before("USD 200"), Some(("USD", "USD".into())));
        assert_eq!(code_before("MAUD 60"), Some(("AUD", "MAUD".into())));
        assert_eq!(code_before("$US5m"), Some(("USD", "$US".into())));
        assert_eq!(code_before("$A20"), Some(("AUD", "$A".into())));
        assert_eq!(code_before("Rs. 500"), Some(("INR", "Rs.".into())));
        // "won" is a currency after an amount, never before one ("he won 55.9%").
        assert_eq!(code_before("won 55"), None);
        assert_eq!(code_before("ALL 5"), None);
    }

    #[test]
    fn names_after_amounts() {
        assert_eq!(code_after("5 dollars"), Some(("USD", "dollars".into())));
        assert_eq!(
            code_after("125 australian dollars"),
            Some(("AUD", "australian dollars".into()))
        );
        assert_eq!(
            code_after("2 CFA francs"),
            Some(("XOF", "CFA francs".into()))
        );
        assert_eq!(code_after("100元"), Some(("CNY", "元".into())));
        assert_eq!(code_after("30 MUSD"), Some(("USD", "MUSD".into())));
        assert_eq!(code_after("3 USD50"), None);
        assert_eq!(code_after("5 francs"), None);
        assert_eq!(minor("USD", "cents"), Some(0.01));
        assert_eq!(minor("CNY", "mao"), Some(0.1));
    }
}
