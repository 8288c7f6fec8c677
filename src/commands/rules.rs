//! `claimdiff rules test` and `claimdiff rules list`: a rules folder in; diagnostics and
//! example results (stderr) or the list of rules in effect (stdout) out.

use super::{Out, Outcome};
use crate::cli::{RulesArgs, RulesCommand};
use crate::rules::{RuleSet, Section, test};

pub fn run(args: RulesArgs) -> Outcome {
    match args.command {
        RulesCommand::Test { dir } => run_test(&dir),
        RulesCommand::List { dir } => run_list(&dir),
    }
}

fn run_test(dir: &std::path::Path) -> Outcome {
    let rules = match RuleSet::load(Some(dir)) {
        Ok(r) => r,
        Err(e) => {
            eprint!("{}", e.render());
            let n = e.diagnostics.len() + e.other.len();
            eprintln!("claimdiff: {n} problem(s) in rule files; no examples were run");
            return Outcome::Failed;
        }
    };
    let builtin_only = match RuleSet::load(None) {
        Ok(r) => r,
        Err(e) => {
            eprint!("{}", e.render());
            return Outcome::Failed;
        }
    };
    let mut results = test::run(&builtin_only, test::Which::Builtin);
    results.extend(test::run(&rules, test::Which::User));
    let mut failed = 0;
    let (mut builtin, mut user) = (0, 0);
    for r in &results {
        if r.builtin {
            builtin += 1;
        } else {
            user += 1;
        }
        if let Some(d) = &r.failure {
            failed += 1;
            eprint!("{}", d.render());
        }
    }
    for r in rules.rules.iter().filter(|r| {
        !r.origin.builtin
            && r.examples.is_empty()
            && !matches!(r.section, Section::Tolerance | Section::Wordlist)
    }) {
        eprintln!(
            "claimdiff: warning: {}: {} rule `{}` has no examples",
            r.origin,
            r.section.as_str(),
            r.name
        );
    }
    let files = rules.sources.iter().filter(|s| !s.builtin).count();
    eprintln!(
        "claimdiff: {} rule file(s) in {} and {} built-in: {} examples ({} built-in, {} yours), {} passed, {} failed",
        files,
        dir.display(),
        rules.sources.iter().filter(|s| s.builtin).count(),
        results.len(),
        builtin,
        user,
        results.len() - failed,
        failed
    );
    if failed > 0 {
        Outcome::Findings
    } else {
        Outcome::Ok
    }
}

fn run_list(dir: &std::path::Path) -> Outcome {
    let rules = match RuleSet::load(Some(dir)) {
        Ok(r) => r,
        Err(e) => {
            eprint!("{}", e.render());
            return Outcome::Failed;
        }
    };
    let mut out = Out::stdout();
    let wn = rules.rules.iter().map(|r| r.name.len()).max().unwrap_or(4);
    let wo = rules
        .rules
        .iter()
        .map(|r| r.origin.to_string().len())
        .max()
        .unwrap_or(6);
    for r in &rules.rules {
        let mut line = format!(
            "{:<10} {:<wn$} {:<wo$} {}",
            r.section.as_str(),
            r.name,
            r.origin.to_string(),
            r.summary.replace('\n', " ")
        );
        if let Some(o) = &r.overrides {
            line.push_str(&format!(" [overrides {o}]"));
        }
        out.write(line.trim_end().as_bytes());
        out.write(b"\n");
    }
    out.finish();
    Outcome::Ok
}
