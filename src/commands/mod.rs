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
        Command::Stories(a) => stories::run(a),
    };
    match outcome {
        Outcome::Ok => ExitCode::SUCCESS,
        Outcome::Findings => ExitCode::from(1),
        Outcome::Failed => ExitCode::from(2),
    }
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

/// Renders every source of `inputs` to `out` in input order. One input (a file or stdin) is
/// rendered on this thread and streamed as it goes, so a reader at the other end of a pipe
/// works alongside: `render` gets a `flush` to call whenever its buffer holds
/// [`STREAM_CHUNK`] bytes. Several inputs go through [`render_in_order`] in parallel.
pub fn render_streaming(
    inputs: &[crate::read::Input],
    opts: crate::read::Options,
    out: &mut Out,
    render: impl Fn(&crate::read::Source, &mut Vec<u8>, &mut dyn FnMut(&mut Vec<u8>)) + Sync,
) -> Vec<crate::error::InputError> {
    if let [crate::read::Input::Stdin] = inputs {
        // A stream: a batch of sources at a time, in parallel, each batch's output in order
        // and flushed before the next batch is read.
        use rayon::prelude::*;
        let batch = 2 * rayon::current_num_threads();
        return crate::read::stream_stdin(opts, batch, |sources| {
            let bufs: Vec<Vec<u8>> = sources
                .par_iter()
                .map(|src| {
                    let mut buf = Vec::new();
                    render(src, &mut buf, &mut |_: &mut Vec<u8>| {});
                    buf
                })
                .collect();
            for b in bufs {
                out.write(&b);
            }
            out.flush();
        });
    }
    if let [input] = inputs {
        let (sources, errs) = crate::read::load_with(input, opts);
        let mut buf = Vec::with_capacity(2 * STREAM_CHUNK);
        for src in &sources {
            render(src, &mut buf, &mut |b: &mut Vec<u8>| {
                out.write(b);
                b.clear();
            });
        }
        out.write(&buf);
        errs
    } else {
        render_in_order(inputs, opts, out, |src, buf| {
            render(src, buf, &mut |_: &mut Vec<u8>| {})
        })
    }
}

/// Reads `inputs` in parallel, a chunk at a time, renders the sources of each with `render`,
/// and writes the bytes to `out` in input order: memory follows the chunk, not the corpus.
/// Returns the problems met on the way.
pub fn render_in_order(
    inputs: &[crate::read::Input],
    opts: crate::read::Options,
    out: &mut Out,
    render: impl Fn(&crate::read::Source, &mut Vec<u8>) + Sync,
) -> Vec<crate::error::InputError> {
    use rayon::prelude::*;
    let mut errors = Vec::new();
    for chunk in inputs.chunks(64) {
        let done: Vec<_> = chunk
            .par_iter()
            .map(|input| {
                let (sources, errs) = crate::read::load_with(input, opts);
                let mut buf = Vec::new();
                for src in &sources {
                    render(src, &mut buf);
                }
                (buf, errs)
            })
            .collect();
        for (buf, errs) in done {
            out.write(&buf);
            errors.extend(errs);
        }
    }
    errors
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
