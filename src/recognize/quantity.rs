//! Units of measure after an amount ("80 miles", "6,825-ton", "40 degrees Celsius", "40C",
//! "120 km/h", "7.1 magnitude") and their conversion to one unit per dimension, so that two
//! sources writing miles and kilometres compare: length km, mass t, area km2, volume l,
//! speed km/h, temperature C, magnitude Mw.
//!
//! In: tokens and the position just after an amount. Out: the unit as written and how to
//! convert it. The units and factors are data (`data/units.tsv`), read once.
//!
//! Rounding: a converted amount keeps as many significant digits as the text gave, and at
//! least three ("80 miles" → 128.748 km → `129 km`; "6,825-ton" → `6825 t`). An amount
//! whose factor is 1 is left as written.

use super::money::HashMap;
use std::sync::OnceLock;

use super::token::{TokKind, Token};

/// A unit of measure and how to convert it to the canonical unit of its dimension.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    pub canonical: &'static str,
    pub factor: f64,
    pub offset: f64,
}

/// A unit found after an amount.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitMatch {
    pub unit: Unit,
    /// First and one-past-last token of the unit as written (without a joining hyphen).
    pub first: usize,
    pub end: usize,
}

struct Table {
    /// Normalized name (lowercase; one-letter names as written) → unit.
    names: HashMap<String, Unit>,
    /// The most tokens any name spans.
    longest: usize,
    /// First tokens of all names, lowercase: a quick no for most words after a number.
    heads: HashMap<String, ()>,
}

static TABLE: OnceLock<Table> = OnceLock::new();

fn table() -> &'static Table {
    TABLE.get_or_init(|| load(include_str!("../../data/units.tsv")))
}

fn load(data: &str) -> Table {
    let mut names = HashMap::default();
    let mut longest = 1;
    let mut heads = HashMap::default();
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(list), Some(&canon), Some(factor)) = (
            cols.first(),
            cols.get(1),
            cols.get(2).and_then(|f| f.trim().parse::<f64>().ok()),
        ) else {
            continue;
        };
        let offset = cols
            .get(3)
            .and_then(|o| o.trim().parse::<f64>().ok())
            .unwrap_or(0.0);
        let canonical: &'static str = Box::leak(canon.trim().to_string().into_boxed_str());
        for n in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let key = if n.chars().count() == 1 {
                n.to_string()
            } else {
                n.to_lowercase()
            };
            let toks = super::token::tokenize(n);
            longest = longest.max(toks.len());
            if let Some(h) = toks.first() {
                heads.insert(h.text(n).to_lowercase(), ());
            }
            names.entry(key).or_insert(Unit {
                canonical,
                factor,
                offset,
            });
        }
    }
    Table {
        names,
        longest,
        heads,
    }
}

/// The unit after an amount that ended at token `j`, longest name first. A hyphen may join
/// them ("6,825-ton"); one-letter units must be glued to the number ("40C", "5t").
pub fn after(line: &str, toks: &[Token], j: usize) -> Option<UnitMatch> {
    let mut first = j;
    let t = toks.get(j)?;
    if t.is_punct(line, '-') && !t.space_before {
        first = j + 1;
        if toks.get(first).is_none_or(|n| n.space_before) {
            return None;
        }
    }
    let head = toks.get(first)?;
    if !(head.is_word() || head.kind == TokKind::Punct) {
        return None;
    }
    let tab = table();
    let mut buf = [0u8; 24];
    let head_text = head.text(line);
    let known = match super::numeral::lower(head_text, &mut buf) {
        Some(l) => std::str::from_utf8(l).is_ok_and(|l| tab.heads.contains_key(l)),
        None => tab.heads.contains_key(&head_text.to_lowercase()),
    };
    if !known {
        return None;
    }
    let mut key = String::new();
    let mut best = None;
    let last = (first + tab.longest).min(toks.len());
    for (k, tk) in toks.iter().enumerate().take(last).skip(first) {
        if k > first && tk.space_before {
            key.push(' ');
        }
        key.push_str(tk.text(line));
        if tk.kind == TokKind::Punct && !matches!(tk.text(line), "/" | "°" | "º" | "²" | "³" | ".")
        {
            break;
        }
        let one_letter = k == first && key.chars().count() == 1;
        let found = if one_letter {
            (!head.space_before).then(|| tab.names.get(&key)).flatten()
        } else {
            tab.names.get(&key.to_lowercase())
        };
        if let Some(&u) = found {
            best = Some(UnitMatch {
                unit: u,
                first,
                end: k + 1,
            });
        }
    }
    // A unit word glued to more letters is another word ("5 mice" is not "5 mi").
    let m = best?;
    if toks
        .get(m.end)
        .is_some_and(|n| !n.space_before && (n.is_word() || n.is_num()))
    {
        return None;
    }
    Some(m)
}

/// Whether a magnitude word stands at token `j` ("magnitude 7.1", "magnitude-7.1").
pub fn magnitude_before(line: &str, toks: &[Token], j: usize) -> Option<usize> {
    let t = toks.get(j).filter(|t| t.is_word())?;
    if !t.is(line, "magnitude") {
        return None;
    }
    match toks.get(j + 1) {
        Some(h) if h.is_punct(line, '-') && !h.space_before => Some(j + 2),
        Some(_) => Some(j + 1),
        None => None,
    }
}

/// Converts `amount` in `unit` to the canonical unit, rounded to `sig` significant digits
/// (at least three) when a conversion took place.
pub fn convert(amount: f64, unit: &Unit, sig: u8) -> f64 {
    if unit.factor == 1.0 && unit.offset == 0.0 {
        return amount;
    }
    round_sig(amount * unit.factor + unit.offset, sig.max(3))
}

/// Rounds to `sig` significant digits.
pub fn round_sig(x: f64, sig: u8) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let mag = x.abs().log10().floor() as i32;
    let places = i32::from(sig) - 1 - mag;
    if places >= 0 {
        let p = 10f64.powi(places);
        (x * p).round() / p
    } else {
        let p = 10f64.powi(-places);
        (x / p).round() * p
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn unit(s: &str) -> Option<(&'static str, String)> {
        let toks = tokenize(s);
        after(s, &toks, 1).map(|m| {
            (
                m.unit.canonical,
                s[toks[m.first].span.start..toks[m.end - 1].span.end].to_string(),
            )
        })
    }

    #[test]
    fn finds_units() {
        assert_eq!(unit("80 miles"), Some(("km", "miles".into())));
        assert_eq!(unit("6825-ton ferry"), Some(("t", "ton".into())));
        assert_eq!(
            unit("40 degrees Celsius"),
            Some(("C", "degrees Celsius".into()))
        );
        assert_eq!(unit("40C"), Some(("C", "C".into())));
        assert_eq!(unit("40 C"), None);
        assert_eq!(unit("120 km/h"), Some(("km/h", "km/h".into())));
        assert_eq!(unit("5 sq km"), Some(("km2", "sq km".into())));
        assert_eq!(unit("5 mice"), None);
        assert_eq!(unit("5 in"), None);
    }

    #[test]
    fn converts_and_rounds() {
        let mi = Unit {
            canonical: "km",
            factor: 1.609344,
            offset: 0.0,
        };
        // 80 miles = 128.748 km: three significant digits.
        assert_eq!(convert(80.0, &mi, 1), 129.0);
        let f = Unit {
            canonical: "C",
            factor: 5.0 / 9.0,
            offset: -160.0 / 9.0,
        };
        assert_eq!(convert(104.0, &f, 3), 40.0);
        assert_eq!(round_sig(0.18025, 5), 0.18025);
    }
}
