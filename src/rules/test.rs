//! The example runner behind `claimdiff rules test`: a compiled rule set in, a pass/fail
//! [`Outcome`] per inline example out, each failure a diagnostic at the example.
//!
//! A `text` example is extracted with the whole rule set and the parse (built-in and user rules together,
//! as a real run would) and must yield every `expect`ed claim and no `reject`ed one; an
//! entity example must find its `same` names to be the entity and its `different` names not.

use jiff::civil::Date;

use super::{Diagnostic, ExampleAt, RuleSet, Section, span_of};
use crate::extract::{self, Claim};
use crate::read::{Format, Source};
use crate::split;

/// The result of one example.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub rule: String,
    pub section: Section,
    pub builtin: bool,
    /// `None` when the example passed.
    pub failure: Option<Diagnostic>,
}

/// Which rules' examples to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// Built-in rules: run them on a set of built-in rules alone, so they pass whatever user
    /// rules are loaded.
    Builtin,
    /// User rules: run them on the full set, as a real run would.
    User,
}

/// Runs every example of the chosen rules, in rule order.
pub fn run(rules: &RuleSet, which: Which) -> Vec<Outcome> {
    let mut out = Vec::new();
    for r in rules
        .rules
        .iter()
        .filter(|r| r.origin.builtin == (which == Which::Builtin))
    {
        for ex in &r.examples {
            out.push(Outcome {
                rule: r.name.clone(),
                section: r.section,
                builtin: r.origin.builtin,
                failure: check(rules, &r.name, r.section, ex),
            });
        }
    }
    out
}

fn diag(rules: &RuleSet, ex: &ExampleAt, span: super::Span, msg: String) -> Diagnostic {
    let s = &rules.sources[ex.source];
    Diagnostic::new(&s.name, &s.text, span, msg)
}

/// `slot` or `slot = value`.
fn parse_claim(s: &str) -> (&str, Option<&str>) {
    match s.split_once('=') {
        Some((slot, value)) => (slot.trim(), Some(value.trim())),
        None => (s.trim(), None),
    }
}

fn shows(c: &Claim, src: &str) -> String {
    format!(
        "{} = {} (\"{}\", rule {})",
        c.slot.key(),
        c.value.value,
        c.value.span.slice(src),
        c.rule
    )
}

fn check(rules: &RuleSet, name: &str, section: Section, ex: &ExampleAt) -> Option<Diagnostic> {
    let e = &ex.example;
    let asserts = !e.expect.is_empty() || !e.reject.is_empty();
    let names = !e.same.is_empty() || !e.different.is_empty();
    if !asserts && !names {
        return Some(
            diag(rules, ex, ex.span, format!("example of `{name}` asserts nothing"))
                .hint("give `expect` or `reject` claims (with `text`), or `same`/`different` names for an entity"),
        );
    }
    if asserts && e.text.is_none() {
        return Some(
            diag(
                rules,
                ex,
                ex.span,
                format!("example of `{name}` has claims but no `text`"),
            )
            .hint("add text = \"the sentence the claims come from\""),
        );
    }
    if names {
        if section != Section::Entity {
            return Some(
                diag(
                    rules,
                    ex,
                    ex.span,
                    format!(
                        "`same`/`different` in an example of {} rule `{name}`",
                        section.as_str()
                    ),
                )
                .hint("name examples belong to [[entity]] rules"),
            );
        }
        let entity = rules.entities().iter().find(|en| en.id == name)?;
        let first = entity.canonical();
        for s in &e.same {
            if !rules.same_entity(first, s.get_ref()) {
                return Some(
                    diag(
                        rules,
                        ex,
                        span_of(s),
                        format!(
                            "example of `{name}` failed: `{}` is not the same entity as `{first}`",
                            s.get_ref()
                        ),
                    )
                    .hint("add the name to the entity's `names`"),
                );
            }
        }
        for s in &e.different {
            if rules.same_entity(first, s.get_ref()) {
                return Some(
                    diag(rules, ex, span_of(s), format!("example of `{name}` failed: `{}` is taken for the same entity as `{first}`", s.get_ref()))
                        .hint("remove the name from this entity's `names` (or from another entity that shares it)"),
                );
            }
        }
    }
    let Some(text) = &e.text else { return None };
    let mut source = Source::new("example", text.clone(), Format::Text);
    if let Some(d) = &e.date {
        match d.get_ref().parse::<Date>() {
            Ok(date) => source.published = Some(date),
            Err(_) => {
                return Some(
                    diag(
                        rules,
                        ex,
                        span_of(d),
                        format!("`{}` is not a date", d.get_ref()),
                    )
                    .hint("write the publication date as YYYY-MM-DD"),
                );
            }
        }
    }
    let sentences = split::split(text);
    let claims = extract::extract_framed(&source, &sentences, rules);
    let got = || {
        if claims.is_empty() {
            "no claims".to_string()
        } else {
            claims
                .iter()
                .map(|c| shows(c, text))
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    for want in &e.expect {
        let (slot, value) = parse_claim(want.get_ref());
        let hit = claims
            .iter()
            .any(|c| c.slot.key() == slot && value.is_none_or(|v| c.value.value == v));
        if !hit {
            return Some(
                diag(
                    rules,
                    ex,
                    span_of(want),
                    format!(
                        "example of `{name}` failed: expected `{}`, got {}",
                        want.get_ref(),
                        got()
                    ),
                )
                .hint("fix the rule so the sentence yields this claim, or fix the expectation"),
            );
        }
    }
    for not in &e.reject {
        let (slot, value) = parse_claim(not.get_ref());
        if let Some(c) = claims
            .iter()
            .find(|c| c.slot.key() == slot && value.is_none_or(|v| c.value.value == v))
        {
            return Some(
                diag(
                    rules,
                    ex,
                    span_of(not),
                    format!(
                        "example of `{name}` failed: rejected `{}` came out: {}",
                        not.get_ref(),
                        shows(c, text)
                    ),
                )
                .hint("narrow the rule, or add an [[exclude]] rule for this phrase"),
            );
        }
    }
    None
}
