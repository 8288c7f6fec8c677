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
    /// Print each source's text as claimdiff reads it: for HTML, the article extracted from the
    /// page (what spans point into), with `--format jsonl` its title, outlet and date too.
    Text(TextArgs),
    /// Recognize dates, counts, money, durations, percentages and quantities, one input per stdin line.
    Values(ValuesArgs),
    /// Review the open conflicts of the last report: confirm, dismiss or reopen each, with a note.
    ///
    /// On a terminal, a full-screen reviewer walks the open conflicts most severe first and saves
    /// every verdict the moment it is made. Keys: c confirm, d dismiss, o reopen, n type a note
    /// (Enter saves, Esc cancels), u undo the last verdict, s or → skip, ← back, q or Esc quit.
    ///
    /// `--set ID=STATUS` records verdicts without a terminal, for scripts. Each ID (or a unique
    /// prefix of one) must be a conflict in the report, else exit 2 and nothing is recorded;
    /// `--force` records unknown ids anyway. Verdicts go to the reviews file
    /// (`id,status,note,reviewed_at`), replaced atomically under a lock, so concurrent reviewers
    /// lose nothing; a later `check --reviews FILE` carries them into the report by id.
    Review(ReviewArgs),
    /// Extract claims: each value worth comparing, filed under a slot (`subject/attribute`) by a rule.
    ///
    /// With no PATH, reads `seeds/`; rules come from `--rules DIR`, else `claims/` when it
    /// exists, always on top of the built-in rules.
    Extract(ExtractArgs),
    /// Check and list rule files.
    Rules(RulesArgs),
    /// Compare the claims of several sources and report where they disagree.
    ///
    /// Writes one CSV row per pair of conflicting values of a slot (CONTRACT.md columns, then
    /// `relation`: `conflict` or `update`), the agreements, and a summary on stderr.
    Check(CheckArgs),
    /// Say why a claim or a conflict is there: the rule that fired and on which words, why
    /// claims were grouped, why their values conflict.
    Explain(ExplainArgs),
    /// Analyse the syntax of every sentence: words, part of speech, lemma, head and relation.
    ///
    /// CoNLL-U (`# source`, `# sent_id`, `# text`; MISC `TokenRange=START:END`, byte offsets
    /// into the source text) or JSONL (one sentence per line, with spans). `--conllu FILE`
    /// re-analyses the words of an existing CoNLL-U file instead (its tokenization kept), for
    /// scoring against a treebank with the CoNLL 2018 evaluation script.
    Parse(ParseArgs),
    /// Print a shell completion script: `claimdiff completions bash > ~/.local/share/bash-completion/completions/claimdiff`.
    ///
    /// zsh: write `_claimdiff` into a folder of `$fpath`; fish: `claimdiff.fish` into
    /// `~/.config/fish/completions/`.
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print a manual page (roff): `claimdiff man > claimdiff.1`, then `man -l claimdiff.1`;
    /// `claimdiff man check` is the page of one command (`claimdiff-check`).
    Man {
        /// The command whose page to print [default: claimdiff's own, listing every command].
        command: Option<String>,
    },
    /// List the stories of a corpus of several events: which sources tell of the same event.
    ///
    /// Sources are one story when they share enough names, rare words and figures (see
    /// `--story-threshold`); `check` compares claims only within a story. A folder about one
    /// event is one story.
    Stories(StoriesArgs),
}

/// The shells `completions` writes scripts for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// The share of story terms two sources must have in common to be one story: 0 puts every
/// source into one story, above 1 each into its own.
pub fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err(format!("`{s}` is not a share such as 0.2 (0 or more)")),
    }
}

#[derive(clap::Args, Debug)]
pub struct StoriesArgs {
    /// Files or folders to read (.txt, .md, .html, .htm, .jsonl), or `-` for stdin.
    #[arg(default_value = "seeds")]
    pub paths: Vec<String>,
    /// `text`: each story with its sources; `csv`: one row per source,
    /// `story,source,published,outlet,story_terms,source_terms` (the terms most of the story's
    /// sources share, and the source's own, `;`-joined).
    #[arg(long, value_enum, default_value_t = StoriesFormat::Text)]
    pub format: StoriesFormat,
    /// The share of their story terms (names, rare words, figures) two sources must have in
    /// common to be linked; each source is linked with its 5 most alike of those (none under
    /// 0.7 of its most alike), and a story is the sources linked to each other. 0 makes the
    /// whole corpus one story.
    #[arg(long, value_name = "SHARE", default_value_t = crate::story::DEFAULT_THRESHOLD, value_parser = parse_threshold)]
    pub story_threshold: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StoriesFormat {
    Text,
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct ParseArgs {
    /// Files or folders to read (.txt, .md, .html, .htm, .jsonl), or `-` for stdin.
    #[arg(default_value = "seeds", conflicts_with = "conllu")]
    pub paths: Vec<String>,
    #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
    pub format: ParseFormat,
    /// Re-analyse the words of this CoNLL-U file (gold tokenization) and print CoNLL-U.
    #[arg(long, value_name = "FILE")]
    pub conllu: Option<std::path::PathBuf>,
    /// Use this model file instead of the built-in one (as written by examples/train_syntax.rs).
    #[arg(long, value_name = "FILE")]
    pub model: Option<std::path::PathBuf>,
    /// Analyse everything, including share widgets, link lists, bios and other boilerplate.
    #[arg(long)]
    pub keep_boilerplate: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    Conllu,
    Jsonl,
}

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Files or folders to read (.txt, .md, .html, .htm, .jsonl), or `-` for stdin.
    #[arg(default_value = "seeds")]
    pub paths: Vec<String>,
    /// Folder of rule files (*.toml) added to the built-in rules [default: claims/ if present].
    #[arg(long, value_name = "DIR")]
    pub rules: Option<std::path::PathBuf>,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
    /// Extract from boilerplate too (share widgets, link lists, bios...).
    #[arg(long)]
    pub keep_boilerplate: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Jsonl,
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub command: RulesCommand,
}

#[derive(Subcommand, Debug)]
pub enum RulesCommand {
    /// Parse every rule file in DIR and run every rule's inline examples (built-in rules too).
    ///
    /// Exit status: 0 all examples pass, 1 an example fails, 2 a file does not parse.
    Test {
        /// Folder of rule files.
        #[arg(default_value = "claims")]
        dir: std::path::PathBuf,
    },
    /// List every rule in effect, built-in and user, with where it comes from.
    List {
        /// Folder of rule files.
        #[arg(default_value = "claims")]
        dir: std::path::PathBuf,
    },
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to read (.txt, .md, .html, .htm, .jsonl), or `-` for stdin.
    #[arg(default_value = "seeds")]
    pub paths: Vec<String>,
    /// Compare claims made elsewhere instead of reading sources: JSONL files written by
    /// `claimdiff extract --format jsonl` (`-` for stdin), from one run or many shards. The
    /// report is the one `check` writes on the same sources; the page then quotes sentences
    /// only (the sources' texts are not in the claims).
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
    pub claims: Vec<String>,
    /// Folder of rule files (*.toml) added to the built-in rules [default: claims, if present].
    #[arg(long, value_name = "DIR")]
    pub rules: Option<std::path::PathBuf>,
    /// Where the discrepancy report goes (`-` for stdout). The agreements, the page and the
    /// reviews file default to its folder; with `-`, only stdout is written.
    #[arg(long, value_name = "FILE", default_value = "reports/discrepancies.csv")]
    pub out: String,
    /// Where the agreements go (`-` for stdout) [default: agreements.csv beside --out; none
    /// with `--out -`].
    #[arg(long, value_name = "FILE")]
    pub agreements: Option<String>,
    /// Reviewer verdicts (`claimdiff review`) carried into `status` and `note` by id; a missing
    /// file means no verdicts yet [default: reviews.csv beside --out; reports/reviews.csv with
    /// `--out -`]. Only read, never written, by `check`.
    #[arg(long, value_name = "FILE")]
    pub reviews: Option<std::path::PathBuf>,
    /// Where the HTML page of the findings goes [default: the report's name with `.html`;
    /// none with `--out -`].
    #[arg(long, value_name = "FILE")]
    pub html: Option<std::path::PathBuf>,
    /// Start the CSV files with a UTF-8 byte-order mark, so Excel reads accents and curly quotes
    /// right (without one it takes UTF-8 for Windows-1252).
    #[arg(long)]
    pub bom: bool,
    /// Also write the claim graph, as DOT (.dot, .gv) or JSON (.json) by extension.
    #[arg(long, value_name = "FILE")]
    pub graph: Option<String>,
    /// Exit with status 1 when the report has open rows (`open`) or high-severity rows not
    /// dismissed (`high`).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<FailOn>,
    /// The share of their story terms (names, rare words, figures) two sources must have in
    /// common to be linked; each source is linked with its 5 most alike of those (none under
    /// 0.7 of its most alike), and a story is the sources linked to each other. Claims are
    /// compared only within a story. 0 makes the whole corpus one story.
    #[arg(long, value_name = "SHARE", default_value_t = crate::story::DEFAULT_THRESHOLD, value_parser = parse_threshold)]
    pub story_threshold: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Open,
    High,
}

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// A claim id (from `extract`) or a conflict id (from the report's `id` column).
    pub id: String,
    /// The sources the id comes from, as given to `check`.
    #[arg(default_value = "seeds")]
    pub paths: Vec<String>,
    /// Folder of rule files, as given to `check` [default: claims, if present].
    #[arg(long, value_name = "DIR")]
    pub rules: Option<std::path::PathBuf>,
    /// As given to `check`.
    #[arg(long, value_name = "SHARE", default_value_t = crate::story::DEFAULT_THRESHOLD, value_parser = parse_threshold)]
    pub story_threshold: f64,
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

#[derive(clap::Args, Debug)]
pub struct TextArgs {
    /// Files or folders to read (.txt, .md, .html, .htm, .jsonl), or `-` for stdin.
    #[arg(default_value = "seeds")]
    pub paths: Vec<String>,
    /// `text`: each source's text, sources separated by a blank line; `jsonl`: one object per
    /// source with `source`, `text`, `title`, `outlet`, `published`, `published_from`.
    #[arg(long, value_enum, default_value_t = SplitFormat::Text)]
    pub format: SplitFormat,
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

#[derive(clap::Args, Debug)]
pub struct ReviewArgs {
    /// Record a verdict without the interactive reviewer (repeatable). ID may be a unique prefix
    /// of a conflict id in the report.
    #[arg(long = "set", value_name = "ID=confirmed|dismissed|open", value_parser = parse_verdict)]
    pub set: Vec<(String, crate::report::Status)>,
    /// Note to store with the verdicts of --set; without it, a verdict keeps its earlier note
    /// (`--note ""` clears it).
    #[arg(long, requires = "set")]
    pub note: Option<String>,
    /// The reviews file verdicts are read from and written to [default: reviews.csv beside
    /// --report].
    #[arg(long)]
    pub reviews: Option<std::path::PathBuf>,
    /// The discrepancy report whose conflicts are reviewed.
    #[arg(long, default_value = "reports/discrepancies.csv")]
    pub report: std::path::PathBuf,
    /// With --set: record a verdict even when its id is not in the report (or there is no report).
    #[arg(long, requires = "set")]
    pub force: bool,
}

/// The reviews file beside a report: `reports/discrepancies.csv` → `reports/reviews.csv`.
pub fn reviews_beside(report: &std::path::Path) -> std::path::PathBuf {
    report.with_file_name("reviews.csv")
}

impl ReviewArgs {
    /// `--reviews`, else the reviews file beside `--report`.
    pub fn reviews_path(&self) -> std::path::PathBuf {
        self.reviews
            .clone()
            .unwrap_or_else(|| reviews_beside(&self.report))
    }
}

/// Where `check` writes and reads, `--out` deciding what was not given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckPaths {
    pub out: String,
    /// `None`: not written.
    pub agreements: Option<String>,
    pub html: Option<std::path::PathBuf>,
    pub reviews: std::path::PathBuf,
}

impl CheckArgs {
    /// The outputs: those given, the others beside `--out` (`agreements.csv`, the report's name
    /// with `.html`, `reviews.csv`), none but stdout with `--out -`.
    pub fn paths(&self) -> CheckPaths {
        use std::path::{Path, PathBuf};
        if self.out == "-" {
            return CheckPaths {
                out: self.out.clone(),
                agreements: self.agreements.clone(),
                html: self.html.clone(),
                reviews: self
                    .reviews
                    .clone()
                    .unwrap_or_else(|| PathBuf::from("reports/reviews.csv")),
            };
        }
        let out = Path::new(&self.out);
        let mut agreements = out.with_file_name("agreements.csv");
        if agreements == out {
            agreements = out.with_extension("agreements.csv");
        }
        let mut html = out.with_extension("html");
        if html == out {
            html = out.with_extension("html.html");
        }
        CheckPaths {
            out: self.out.clone(),
            agreements: Some(
                self.agreements
                    .clone()
                    .unwrap_or_else(|| agreements.display().to_string()),
            ),
            html: Some(self.html.clone().unwrap_or(html)),
            reviews: self.reviews.clone().unwrap_or_else(|| reviews_beside(out)),
        }
    }
}

/// Parses `ID=STATUS` for `review --set`; clap turns the error into a usage error (exit 2).
pub fn parse_verdict(s: &str) -> Result<(String, crate::report::Status), String> {
    let (id, status) = s
        .split_once('=')
        .ok_or_else(|| format!("expected ID=confirmed|dismissed|open, got `{s}`"))?;
    let id = id.trim();
    if id.is_empty() {
        return Err(format!(
            "expected ID=confirmed|dismissed|open, got `{s}` (no id)"
        ));
    }
    let status = crate::review::parse_status(status.trim())
        .ok_or_else(|| format!("status `{status}` is not one of confirmed, dismissed, open"))?;
    Ok((id.to_string(), status))
}
