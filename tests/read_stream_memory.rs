//! A 56 MB JSONL corpus goes through `split` in memory that follows a batch, not the file:
//! the file whole, and its sources whole, would be twice its size. Memory is capped, not time:
//! the peak resident size of the child is taken from getrusage(RUSAGE_CHILDREN) (this file
//! holds this one test, so no other child of this process counts).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn children_peak_rss() -> usize {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0);
    usage.ru_maxrss as usize * 1024
}

#[test]
fn a_56_mb_jsonl_file_is_split_in_file_order_within_80_mb() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corpus.jsonl");
    // Four sentences to a paragraph, ten paragraphs to a record: 40 sentences a record.
    let para = "The old bridge over the river was closed to traffic after engineers found \
                cracks in its main span. Residents said they had warned the council about the \
                state of the bridge for years. The mayor promised an inquiry and said repairs \
                would begin as soon as possible. Shops near the river reported fewer customers \
                while the detour remained in place.";
    let text = [para; 10].join("\n\n");
    let records = 16_000;
    let mut data = String::new();
    for i in 0..records {
        data += &serde_json::json!({ "source": format!("r{i:05}"), "text": text }).to_string();
        data.push('\n');
    }
    assert!(data.len() > 56_000_000);
    std::fs::write(&file, &data).unwrap();
    drop(data);
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(["split", "--format", "jsonl"])
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Sentence n (from 0) is sentence n % 40 of record n / 40; read as it streams.
    let mut lines = 0usize;
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        if lines.is_multiple_of(40) {
            let want = format!("{{\"source\":\"r{:05}\"", lines / 40);
            assert!(line.starts_with(&want), "line {lines}: {line}");
        }
        lines += 1;
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(lines, records * 40);
    let peak = children_peak_rss();
    assert!(peak < 80 << 20, "peak {} MB", peak >> 20);
}
