//! Stage 7, report: conflicts and agreements in, CSV (and other) files out.
//!
//! [`ConflictRow`] is one row of `discrepancies.csv`, columns in CONTRACT.md order; later
//! columns may be added at the end only.

pub mod csv;
pub mod graph;
pub mod html;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Confirmed,
    Dismissed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
}

/// A contradiction, or a later source updating a running total.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Conflict,
    Update,
}

/// One row of `discrepancies.csv`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictRow {
    pub id: String,
    pub status: Status,
    pub severity: Severity,
    pub kind: String,
    pub slot: String,
    pub value_a: String,
    pub value_b: String,
    pub text_a: String,
    pub text_b: String,
    pub sources_a: String,
    pub sources_b: String,
    pub evidence_a: String,
    pub evidence_b: String,
    pub location_a: String,
    pub location_b: String,
    pub rule: String,
    pub note: String,
    pub relation: Relation,
    /// Stable id of the fact (the group of claims) the row belongs to; all rows of one fact
    /// share it. Reports written before the column existed read as empty.
    #[serde(default)]
    pub fact: String,
    /// Stable id of the story whose sources the row compares ([`crate::story`]). Reports
    /// written before the column existed read as empty.
    #[serde(default)]
    pub story: String,
}

/// One row of `agreements.csv`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementRow {
    pub slot: String,
    pub kind: String,
    pub value: String,
    pub sources: String,
    pub evidence: String,
    /// The story whose sources agree.
    #[serde(default)]
    pub story: String,
}
