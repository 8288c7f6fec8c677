use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Past a file-size limit (`ulimit -f`), the kernel kills a writer with SIGXFSZ unless it is
    // ignored; ignored, the write fails with EFBIG, which is reported like a full disk, and the
    // atomic writes leave the old file in place. SIG_IGN is a valid disposition for SIGXFSZ.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let cli = claimdiff::cli::Cli::parse();
    claimdiff::commands::run(cli)
}
