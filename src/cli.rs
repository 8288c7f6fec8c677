//! Command-line definitions (clap) of the commands in CONTRACT.md.

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "claimdiff",
    version,
    about = "Finds where several articles on one event disagree on facts, with the sentences as evidence",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Split sources into sentences, boilerplate removed.
    ///
    /// Spans (`start`, `end` in jsonl) are byte offsets into the original input; for HTML they
    /// are offsets into the article text extracted from the page.
    Split(SplitArgs),
    /// Recognize dates, counts, money, durations, percentages and quantities, one input per stdin line.
    Values(ValuesArgs),
}

#[derive(clap::Args, Debug)]
pub struct SplitArgs {
    /// Files or folders to read (.txt, .md, .html, .htm, .jsonl), or `-` for stdin.
    ///
    /// Folders are walked in name order. Stdin is read as plain text, as JSONL when it starts
    /// with `{` and every non-blank line is JSON, and as HTML when it starts with
    /// `<!DOCTYPE html` or `<html`. A `sources.csv` manifest (source,outlet,published,url) in a
    /// source's folder gives its publication date.
    #[arg(default_value = "seeds")]
    pub paths: Vec<String>,
    #[arg(long, value_enum, default_value_t = SplitFormat::Text)]
    pub format: SplitFormat,
    /// Split everything, including share widgets, link lists, bios and other boilerplate.
    #[arg(long)]
    pub keep_boilerplate: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SplitFormat {
    Text,
    Jsonl,
}

#[derive(clap::Args, Debug)]
pub struct ValuesArgs {
    /// Reference date (YYYY-MM-DD) for relative expressions such as "last year".
    #[arg(long, value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    #[arg(long, value_enum, default_value_t = ValuesFormat::Jsonl)]
    pub format: ValuesFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ValuesFormat {
    Jsonl,
    Text,
}

/// Parses `--date`; clap turns the error into a usage error (exit 2).
pub fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    s.parse::<jiff::civil::Date>()
        .ok()
        .filter(|_| ok)
        .ok_or_else(|| format!("expected a date as YYYY-MM-DD, e.g. 2024-04-27, got `{s}`"))
}
