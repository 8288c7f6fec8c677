//! A corpus in one JSONL file is read a batch of lines at a time and its sources are worked
//! on in parallel: the output is the same, in file order, on one thread and on two, past the
//! first batch (4 MB); a NUL byte stops the file at its line, after the lines before it; no
//! progress bar when stderr is not a terminal.

use std::process::Command;

/// One record of about 8 KB: paragraphs without a figure (cheap to read), then one sentence
/// with a count (1,000 to 9,999): "Officials said N people were evacuated from the valley."
fn record(i: usize, count: usize) -> String {
    let filler = "The old bridge over the river was closed to traffic after engineers found \
                  cracks in its main span. Residents said they had warned the council about \
                  the state of the bridge many times. ";
    // Written as news writes it, "1,001": a bare "1001" could be a year.
    let text = format!(
        "{}\n\nOfficials said {},{:03} people were evacuated from the valley.",
        filler.repeat(40),
        count / 1000,
        count % 1000
    );
    serde_json::json!({ "source": format!("r{i:04}"), "text": text }).to_string() + "\n"
}

fn extract(file: &std::path::Path, threads: &str) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(["extract", "--format", "csv"])
        .arg(file)
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_jsonl_corpus_past_one_batch_gives_every_claim_in_file_order_on_one_or_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corpus.jsonl");
    // 600 records of about 8 KB: 4.9 MB, more than one 4 MB batch. Record i says 1000 + i
    // people were evacuated (a figure not round, so never "about").
    let data: String = (0..600).map(|i| record(i, 1001 + 2 * i)).collect();
    assert!(data.len() > 4 << 20);
    std::fs::write(&file, &data).unwrap();
    let (code, one, err) = extract(&file, "1");
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let (code, two, err) = extract(&file, "2");
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(one, two, "one thread and two give different output");
    let mut r = csv::Reader::from_reader(two.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 600, "one claim per record");
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(&row[1], format!("r{i:04}"), "row {i} out of order");
        assert_eq!(&row[4], (1001 + 2 * i).to_string());
    }
}

#[test]
fn a_nul_byte_stops_a_jsonl_file_at_its_line_after_the_lines_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("batch.jsonl");
    let mut data = (record(0, 1001) + &record(1, 1003)).into_bytes();
    // `{"source":"r2` is 13 bytes: the NUL is the 14th byte of line 3.
    let at = data.len() + 13;
    data.extend_from_slice(b"{\"source\":\"r2\0\",\"text\":\"x\"}\n");
    data.extend_from_slice(record(3, 1007).as_bytes());
    std::fs::write(&file, &data).unwrap();
    let (code, out, err) = extract(&file, "2");
    assert_eq!(code, Some(2));
    let expected = format!(
        "claimdiff: error: {}: byte {at}: looks like a binary file (NUL byte on line 3)\n",
        file.display()
    );
    assert_eq!(err, expected);
    let values: Vec<String> = csv::Reader::from_reader(out.as_bytes())
        .records()
        .map(|r| r.unwrap()[4].to_string())
        .collect();
    assert_eq!(values, ["1001", "1003"]);
}

#[test]
fn a_utf8_byte_order_mark_opening_a_jsonl_file_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("excel.jsonl");
    let data = format!("\u{feff}{}{}", record(0, 1001), record(1, 1003));
    std::fs::write(&file, data).unwrap();
    let (code, out, err) = extract(&file, "2");
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let sources: Vec<String> = csv::Reader::from_reader(out.as_bytes())
        .records()
        .map(|r| r.unwrap()[1].to_string())
        .collect();
    assert_eq!(sources, ["r0000", "r0001"]);
}
