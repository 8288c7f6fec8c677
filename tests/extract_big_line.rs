//! 300,000 figures on one line (a 3.9 MB table flattened into text): `extract` reads it in
//! bounded pieces with one warning, gives one claim per figure, and streams them out, so its
//! memory stays a small multiple of the input although its output, each claim quoting its
//! piece of up to 3,000 bytes, is about 1 GB (held whole, it took 1.3 GB). Memory is capped,
//! not time: the peak resident size of the child is taken from getrusage(RUSAGE_CHILDREN)
//! (this file holds this one test, so no other child of this process counts).

use std::io::Read;
use std::process::{Command, Stdio};

const FIGURES: usize = 300_000;

fn children_peak_rss() -> usize {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0);
    usage.ru_maxrss as usize * 1024
}

#[test]
fn three_hundred_thousand_figures_on_one_line_stream_out_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("table.txt");
    let line = "1,000 troops ".repeat(FIGURES);
    std::fs::write(&path, format!("Header line.\n{line}\n")).unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("claimdiff"))
        .args(["extract", "--rules"])
        .arg(&rules)
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = child.stderr.take().unwrap();
    let errs = std::thread::spawn(move || {
        let mut s = String::new();
        err.read_to_string(&mut s).unwrap();
        s
    });
    // Claims are counted as they stream, never held: lines, and the longest line.
    let mut out = child.stdout.take().unwrap();
    let (mut lines, mut longest, mut current) = (0usize, 0usize, 0usize);
    let mut buf = vec![0; 1 << 20];
    loop {
        let n = out.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        for &b in &buf[..n] {
            if b == b'\n' {
                lines += 1;
                longest = longest.max(current);
                current = 0;
            } else {
                current += 1;
            }
        }
    }
    let status = child.wait().unwrap();
    let err = errs.join().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    // 300,000 times 13 bytes, the last space trimmed.
    assert_eq!(
        err,
        "claimdiff: warning: table.txt:2:1: a sentence of 3899999 bytes (a table or list run \
         together?) is read in pieces of at most 3000 bytes\n"
    );
    assert_eq!(current, 0, "the output ends with a whole line");
    assert_eq!(lines, FIGURES, "one claim per figure");
    // A record is its piece (at most 3,000 bytes) and under 1,000 bytes of other fields.
    assert!(longest < 4_000, "a record of {longest} bytes");
    let peak = children_peak_rss();
    eprintln!("300,000 figures: extract peak {} MB", peak >> 20);
    assert!(peak < 300 << 20, "peak {} MB", peak >> 20);
}
