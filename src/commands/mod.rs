//! One function per command: wires the stages together and maps the outcome to an exit code
//! (0 success, 1 findings a flag asked to fail on, 2 usage or unreadable input).

pub mod check;
pub mod explain;
mod extract;
mod review;
mod rules;
mod split;
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
        Command::Values(a) => values::run(a),
        Command::Review(a) => review::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Rules(a) => rules::run(a),
        Command::Check(a) => check::run(a),
        Command::Explain(a) => explain::run(a),
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

    pub fn finish(mut self) {
        if !self.closed {
            let _ = self.w.flush();
        }
    }
}
