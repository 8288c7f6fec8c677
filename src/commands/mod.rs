//! One function per command: wires the stages together and maps the outcome to an exit code
//! (0 success, 1 findings a flag asked to fail on, 2 usage or unreadable input).

pub mod check;
pub mod explain;
mod extract;
mod parse;
mod review;
mod rules;
mod split;
mod stories;
mod text;
mod values;

use std::io::Write;
use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// The result of a command: exit status 0, 1 or 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Findings,
    Failed,
}

pub fn run(cli: Cli) -> ExitCode {
    let outcome = match cli.command {
        Command::Split(a) => split::run(a),
        Command::Text(a) => text::run(a),
        Command::Values(a) => values::run(a),
        Command::Review(a) => review::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Rules(a) => rules::run(a),
        Command::Check(a) => check::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Parse(a) => parse::run(a),
        Command::Completions { shell } => completions(shell),
        Command::Man { command } => man(command.as_deref()),
        Command::Stories(a) => stories::run(a),
    };
    match outcome {
        Outcome::Ok => ExitCode::SUCCESS,
        Outcome::Findings => ExitCode::from(1),
        Outcome::Failed => ExitCode::from(2),
    }
}

/// The completion script for `shell`, on stdout.
fn completions(shell: crate::cli::Shell) -> Outcome {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    match shell {
        crate::cli::Shell::Bash => {
            clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, "claimdiff", &mut buf)
        }
        crate::cli::Shell::Zsh => {
            clap_complete::generate(clap_complete::Shell::Zsh, &mut cmd, "claimdiff", &mut buf)
        }
        crate::cli::Shell::Fish => {
            clap_complete::generate(clap_complete::Shell::Fish, &mut cmd, "claimdiff", &mut buf)
        }
    }
    let mut out = Out::stdout();
    out.write(&buf);
    out.finish();
    Outcome::Ok
}

/// A manual page, roff, on stdout: `claimdiff` itself (its COMMANDS section lists every
/// command), or with `command`, that command's page (`claimdiff-check`, as git names them).
fn man(command: Option<&str>) -> Outcome {
    use clap::CommandFactory;
    let cmd = Cli::command();
    let page = match command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => {
                let full: &'static str = Box::leak(format!("claimdiff-{name}").into_boxed_str());
                sub.clone().name(full).bin_name(format!("claimdiff {name}"))
            }
            None => {
                let names: Vec<_> = cmd
                    .get_subcommands()
                    .map(|s| s.get_name().to_string())
                    .collect();
                eprintln!(
                    "claimdiff: no command `{name}` (commands: {})",
                    names.join(", ")
                );
                return Outcome::Failed;
            }
        },
    };
    let mut buf = Vec::new();
    if let Err(e) = clap_mangen::Man::new(page).render(&mut buf) {
        eprintln!("claimdiff: cannot render the manual page: {e}");
        return Outcome::Failed;
    }
    let mut out = Out::stdout();
    out.write(&buf);
    out.finish();
    Outcome::Ok
}

/// Stdout behind a large buffer; a closed pipe (`| head`) ends output quietly, like ripgrep.
pub struct Out {
    w: std::io::BufWriter<std::io::StdoutLock<'static>>,
    pub closed: bool,
}

impl Out {
    pub fn stdout() -> Self {
        Out {
            w: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
            closed: false,
        }
    }

    pub fn write(&mut self, bytes: &[u8]) {
        if !self.closed && self.w.write_all(bytes).is_err() {
            self.closed = true;
        }
    }

    /// Hands what is buffered to the reader downstream.
    pub fn flush(&mut self) {
        if !self.closed && self.w.flush().is_err() {
            self.closed = true;
        }
    }

    pub fn finish(mut self) {
        if !self.closed {
            let _ = self.w.flush();
        }
    }
}

/// Output is handed to `flush` in pieces of about this many bytes when streaming.
pub const STREAM_CHUNK: usize = 1 << 16;

/// Sources with more text than this are rendered alone, on the calling thread, their output
/// written as it is made: it can be hundreds of times the input (each claim of a flattened
/// table quotes its piece) and must not be held whole. Smaller sources are rendered in
/// parallel, each into a buffer of its own, and written in input order.
const ALONE: usize = 256 << 10;

/// Renders every source of `inputs` to `out` in input order, a batch of sources at a time
/// ([`crate::read::stream`]) and the sources of a batch in parallel, so memory follows a batch
/// and the work uses every core even when the corpus is one JSONL file. `render` gets a
/// `flush` to call whenever its buffer holds [`STREAM_CHUNK`] bytes; it writes out only for a
/// source rendered alone (see [`ALONE`]). A progress bar shows on a terminal, when the output
/// goes elsewhere.
pub fn render_streaming(
    inputs: &[crate::read::Input],
    opts: crate::read::Options,
    out: &mut Out,
    render: impl Fn(&crate::read::Source, &mut Vec<u8>, &mut dyn FnMut(&mut Vec<u8>)) + Sync,
) -> Vec<crate::error::InputError> {
    if let [crate::read::Input::Stdin] = inputs {
        // A stream: a batch of sources at a time, in parallel, each batch's output in order
        // and flushed before the next batch is read.
        let batch = 2 * rayon::current_num_threads();
        return crate::read::stream_stdin(opts, batch, |sources| {
            for b in rendered(&sources, &render) {
                out.write(&b);
            }
            out.flush();
        });
    }
    use rayon::prelude::*;
    use std::io::IsTerminal;
    let bar = (!std::io::stdout().is_terminal())
        .then(|| progress_bar(inputs))
        .flatten();
    let mut errors = Vec::new();
    crate::read::stream::for_each_batch(inputs, |pieces| {
        let bytes: u64 = pieces.iter().map(crate::read::stream::Piece::bytes).sum();
        let loaded: Vec<_> = pieces.into_par_iter().map(|p| p.load(opts)).collect();
        let mut sources = Vec::new();
        for (s, e) in loaded {
            sources.extend(s);
            errors.extend(e);
        }
        let mut rest = &sources[..];
        while !rest.is_empty() {
            let n = rest
                .iter()
                .position(|s| s.text.len() > ALONE)
                .unwrap_or(rest.len());
            for b in rendered(&rest[..n], &render) {
                out.write(&b);
            }
            if let Some(big) = rest.get(n) {
                let mut buf = Vec::with_capacity(2 * STREAM_CHUNK);
                render(big, &mut buf, &mut |b: &mut Vec<u8>| {
                    out.write(b);
                    b.clear();
                });
                out.write(&buf);
                rest = &rest[n + 1..];
            } else {
                rest = &[];
            }
        }
        if let Some(b) = &bar {
            b.inc(bytes);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    errors
}

/// Each of `sources` rendered whole, in parallel, in order.
fn rendered(
    sources: &[crate::read::Source],
    render: &(impl Fn(&crate::read::Source, &mut Vec<u8>, &mut dyn FnMut(&mut Vec<u8>)) + Sync),
) -> Vec<Vec<u8>> {
    use rayon::prelude::*;
    sources
        .par_iter()
        .map(|src| {
            let mut buf = Vec::new();
            render(src, &mut buf, &mut |_: &mut Vec<u8>| {});
            buf
        })
        .collect()
}

/// [`render_streaming`] for renderers that never flush.
pub fn render_in_order(
    inputs: &[crate::read::Input],
    opts: crate::read::Options,
    out: &mut Out,
    render: impl Fn(&crate::read::Source, &mut Vec<u8>) + Sync,
) -> Vec<crate::error::InputError> {
    render_streaming(inputs, opts, out, |src, buf, _| render(src, buf))
}

/// A bar of the bytes of `inputs` read so far, on stderr when it is a terminal; `None`
/// otherwise, so logs and pipes get no control characters.
pub fn progress_bar(inputs: &[crate::read::Input]) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let b = indicatif::ProgressBar::new(crate::read::stream::total_bytes(inputs));
    b.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {bytes}/{total_bytes} read, {bytes_per_sec}, {eta} left",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    // A batch takes seconds: the bar is drawn from the start and its rate and time left kept
    // moving between batches.
    b.enable_steady_tick(std::time::Duration::from_millis(200));
    Some(b)
}

/// Prints every problem on stderr; the outcome is a failure when there was any.
pub fn finish(errors: &[crate::error::InputError]) -> Outcome {
    for e in errors {
        crate::error::report(e);
    }
    if errors.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Failed
    }
}
