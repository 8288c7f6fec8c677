//! `claimdiff review`: verdicts on the last report's conflicts, into the reviews file.
//!
//! With `--set ID=STATUS` (scripts): every id is checked against the report first (a unique
//! prefix is enough), and an id the report does not hold is an error (exit 2) unless `--force`,
//! because a mistyped id would otherwise record a verdict that never attaches to anything. All
//! verdicts of one call are written in one locked, atomic update: all or none.
//! Without `--set`: the full-screen reviewer, which needs a terminal on stdin and stdout.

use std::io::IsTerminal;

use super::Outcome;
use crate::cli::ReviewArgs;
use crate::error::{self, InputError, Place};
use crate::report::{ConflictRow, Status};
use crate::review::report::read_conflicts;
use crate::review::{Reviews, Verdict, status_name, tui};

pub fn run(args: ReviewArgs) -> Outcome {
    let result = if args.set.is_empty() {
        interactive(&args)
    } else {
        set(&args)
    };
    match result {
        Ok(()) => Outcome::Ok,
        Err(e) => {
            error::report(&e);
            Outcome::Failed
        }
    }
}

fn set(args: &ReviewArgs) -> Result<(), InputError> {
    let report_name = args.report.display().to_string();
    let rows = match read_conflicts(&args.report) {
        Ok(rows) => Some(rows),
        Err(e) if args.force => {
            error::warn(format!("{e}; recording the verdicts unchecked (--force)"));
            None
        }
        Err(e) => return Err(e),
    };
    let mut verdicts: Vec<(String, Status)> = Vec::new();
    for (given, status) in &args.set {
        let id = match rows.as_deref().map(|rows| resolve(rows, given)) {
            None => given.clone(),
            Some(Resolved::One(id)) => id,
            Some(Resolved::Ambiguous(n)) => {
                return Err(InputError::new(
                    report_name,
                    Place::Whole,
                    format!("id prefix `{given}` matches {n} conflicts"),
                )
                .hint("give more of the id"));
            }
            Some(Resolved::Unknown) if args.force => {
                error::warn(format!(
                    "{report_name}: no conflict with id `{given}`; recorded anyway (--force)"
                ));
                given.clone()
            }
            Some(Resolved::Unknown) => {
                return Err(InputError::new(
                    report_name,
                    Place::Whole,
                    format!("no conflict with id `{given}`"),
                )
                .hint("check the id, or pass --force to record the verdict anyway"));
            }
        };
        verdicts.push((id, *status));
    }
    let reviews = args.reviews_path();
    Reviews::update(&reviews, |r| {
        for (id, status) in &verdicts {
            let note = match &args.note {
                Some(n) => n.clone(),
                None => r.get(id).map(|v| v.note.clone()).unwrap_or_default(),
            };
            r.set(id, Verdict::now(*status, note));
        }
    })?;
    for (id, status) in &verdicts {
        eprintln!(
            "claimdiff: {id}: {} (saved to {})",
            status_name(*status),
            reviews.display()
        );
    }
    Ok(())
}

enum Resolved {
    One(String),
    Ambiguous(usize),
    Unknown,
}

/// An exact id, or a prefix shared by exactly one conflict id (rows repeat no id, but be safe).
fn resolve(rows: &[ConflictRow], given: &str) -> Resolved {
    if rows.iter().any(|r| r.id == given) {
        return Resolved::One(given.to_string());
    }
    let mut ids: Vec<&str> = rows
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| id.starts_with(given))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    match ids.as_slice() {
        [] => Resolved::Unknown,
        [one] => Resolved::One(one.to_string()),
        many => Resolved::Ambiguous(many.len()),
    }
}

fn interactive(args: &ReviewArgs) -> Result<(), InputError> {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(InputError::new(
            "review",
            Place::Whole,
            "the interactive reviewer needs a terminal on stdin and stdout",
        )
        .hint("in scripts use `claimdiff review --set ID=confirmed|dismissed|open`"));
    }
    let mut rows = read_conflicts(&args.report)?;
    let path = args.reviews_path();
    let reviews = Reviews::load(&path)?;
    reviews.apply(&mut rows);
    let mut app = tui::App::new(rows, &path);
    if app.is_empty() {
        eprintln!("claimdiff: no open conflicts in {}", args.report.display());
        return Ok(());
    }
    tui::run(&mut app)?;
    let s = app.summary();
    eprintln!(
        "claimdiff: reviewed: {} confirmed, {} dismissed, {} reopened, {} notes; {} of {} still open; verdicts in {}",
        s.confirmed,
        s.dismissed,
        s.reopened,
        s.notes,
        s.still_open,
        app.len(),
        path.display()
    );
    Ok(())
}
