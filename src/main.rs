use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = claimdiff::cli::Cli::parse();
    claimdiff::commands::run(cli)
}
