//! claimdiff: reads several articles on one event, pulls out their factual claims, groups
//! equivalent claims across sources and reports where the sources disagree.
//!
//! The pipeline, one module per stage:
//! [`read`] (sources) → [`split`] (sentences) → [`recognize`] (values).

pub mod cli;
pub mod commands;
pub mod compare;
pub mod durable;
pub mod error;
pub mod extract;
pub mod frame;
pub mod group;
pub mod invariants;
pub mod read;
pub mod recognize;
pub mod report;
pub mod review;
pub mod rules;
pub mod span;
pub mod spill;
pub mod split;
pub mod story;
pub mod syntax;
