//! The rule file format: TOML text in, [`RuleFile`] (with byte spans of every rule) out.
//!
//! claims/README.md documents the format for users; the field names here are that format.
//! Unknown fields are errors, so a misspelt field is reported rather than silently ignored.

use serde::Deserialize;
use toml::Spanned;

/// One rule file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub entity: Vec<Spanned<EntityRule>>,
    #[serde(default)]
    pub synonym: Vec<Spanned<SynonymRule>>,
    #[serde(default)]
    pub predicate: Vec<Spanned<PredicateRule>>,
    #[serde(default)]
    pub slot: Vec<Spanned<SlotRule>>,
    #[serde(default)]
    pub exclude: Vec<Spanned<ExcludeRule>>,
    #[serde(default)]
    pub tolerance: Vec<Spanned<ToleranceRule>>,
    #[serde(default)]
    pub generic: Vec<Spanned<GenericRule>>,
    #[serde(default)]
    pub wordlist: Vec<Spanned<WordListRule>>,
}

/// A person, place or organisation with every way sources write its name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityRule {
    pub name: Spanned<String>,
    /// The names as written; the first is the canonical one. Spelling variants of one name
    /// ("Mohamed Morsi", "Mohammed Morsi") and other references ("Morsi") alike.
    pub names: Vec<Spanned<String>>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub example: Vec<Spanned<Example>>,
}

/// Words that mean the same thing in a slot key; the first is the one keys use.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymRule {
    pub name: Spanned<String>,
    pub words: Vec<Spanned<String>>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub example: Vec<Spanned<Example>>,
}

/// What happened to what was counted: a claim's attribute ("killed", "missing").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredicateRule {
    pub name: Spanned<String>,
    /// The attribute the predicate gives, e.g. `killed`.
    pub attribute: Spanned<String>,
    /// Words and phrases that say it ("died", "were killed", "lost their lives").
    pub words: Vec<Spanned<String>>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub example: Vec<Spanned<Example>>,
}

/// A pattern of words around a value that files it under a slot.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotRule {
    pub name: Spanned<String>,
    pub pattern: Spanned<String>,
    /// `subject/attribute`; `{N}` stands for the words group N matched.
    pub slot: Spanned<String>,
    /// Relative tolerance for this slot's values (0.05: within 5% agree).
    #[serde(default)]
    pub tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub example: Vec<Spanned<Example>>,
}

/// A pattern whose values are never compared.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExcludeRule {
    pub name: Spanned<String>,
    pub pattern: Spanned<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub example: Vec<Spanned<Example>>,
}

/// How far apart two values of a slot may be and still agree.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToleranceRule {
    pub name: Spanned<String>,
    /// A slot key, or `*/attribute` / `subject/*` for every slot with that attribute or subject.
    pub slot: Spanned<String>,
    /// Relative tolerance: 0.05 means values within 5% of each other agree.
    pub within: Spanned<f64>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub example: Vec<Spanned<Example>>,
}

/// One of the built-in ways of finding a subject from English alone (the counted noun, the
/// event noun a date attaches to, ...). `strategy` names the code that does it; the word lists
/// it reads are `[[wordlist]]` rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenericRule {
    pub name: Spanned<String>,
    pub strategy: Spanned<String>,
    /// Turn a built-in rule off by overriding it with `enabled = false`.
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub example: Vec<Spanned<Example>>,
}

fn yes() -> bool {
    true
}

/// A named list of words the generic rules read (stopwords, event nouns, titles, ...).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordListRule {
    pub name: Spanned<String>,
    pub words: Vec<Spanned<String>>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub example: Vec<Spanned<Example>>,
}

/// An inline test of a rule: a sentence and the claims it must (and must not) produce, or
/// names that must (and must not) be the same entity.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    #[serde(default)]
    pub text: Option<String>,
    /// Publication date the sentence's relative dates resolve against (YYYY-MM-DD).
    #[serde(default)]
    pub date: Option<Spanned<String>>,
    /// Claims that must come out: `slot` or `slot = value`.
    #[serde(default)]
    pub expect: Vec<Spanned<String>>,
    /// Claims that must not come out: `slot` or `slot = value`.
    #[serde(default)]
    pub reject: Vec<Spanned<String>>,
    /// For entities: names that must be the same entity as the rule's first name.
    #[serde(default)]
    pub same: Vec<Spanned<String>>,
    /// For entities: names that must not be.
    #[serde(default)]
    pub different: Vec<Spanned<String>>,
}
