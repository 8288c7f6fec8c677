//! A 200 MB single line (a whole site flattened into one line, no sentence end): `split` and
//! `values` read it through without a panic, give exactly what a person expects (one sentence,
//! the whole line; no values in words without a number), and stay within memory a small
//! multiple of the input. Memory is capped, not time: the peak resident size of the children
//! is taken from getrusage(RUSAGE_CHILDREN) (this file holds this one test, so no other child
//! of this process counts).

use std::io::Read;
use std::process::{Command, Stdio};

const SIZE: usize = 200 * 1024 * 1024;

/// Peak resident memory of any waited-for child so far, in bytes.
fn children_peak_rss() -> usize {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0);
    usage.ru_maxrss as usize * 1024
}

/// Runs the binary with `args` and `stdin` as a file; returns (status, stdout length, the last
/// 64 bytes of stdout, stderr). Stdout is counted as it streams, not held.
fn run(args: &[&str], stdin: &std::path::Path) -> (i32, usize, Vec<u8>, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("claimdiff"))
        .args(args)
        .stdin(std::fs::File::open(stdin).unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let errs = std::thread::spawn(move || {
        let mut s = String::new();
        err.read_to_string(&mut s).unwrap();
        s
    });
    let (mut len, mut tail) = (0, Vec::new());
    let mut buf = vec![0; 1 << 20];
    loop {
        let n = out.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        len += n;
        tail.extend_from_slice(&buf[..n]);
        if tail.len() > 64 {
            tail.drain(..tail.len() - 64);
        }
    }
    let status = child.wait().unwrap();
    (status.code().unwrap(), len, tail, errs.join().unwrap())
}

#[test]
fn a_200_mb_single_line_is_read_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flat.txt");
    let phrase = b"the troops marched on while the old bridge held ";
    // Whole phrases up to 200 MB, the last one without its trailing space.
    let mut text = phrase.repeat(SIZE / phrase.len());
    text.pop();
    let words = text.len();
    text.push(b'\n');
    std::fs::write(&path, &text).unwrap();
    drop(text);

    // split: one sentence, the whole line (no period anywhere), folded to one output line.
    let (code, len, tail, err) = run(&["split", "--keep-boilerplate", "-"], &path);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(len, words + 1);
    assert!(
        tail.ends_with(b"the old bridge held\n"),
        "{:?}",
        String::from_utf8_lossy(&tail)
    );
    let split_peak = children_peak_rss();

    // values: one input line, no number or calendar word, so no values.
    let (code, len, tail, err) = run(&["values"], &path);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(&tail[..], b"{\"line\":1,\"values\":[]}\n");
    assert_eq!(len, tail.len());
    let peak = children_peak_rss();
    eprintln!(
        "200 MB line: split peak {} MB, split+values peak {} MB",
        split_peak >> 20,
        peak >> 20
    );
    // The input is held once, its sentence list and output buffer are small: under 4 times it.
    assert!(peak < 4 * SIZE, "peak {} MB", peak >> 20);
}
