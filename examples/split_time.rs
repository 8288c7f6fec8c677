//! In-process speed of `split::split` alone (no reading from stdin, no output): a file path in,
//! sentences per run and MB/s (10^6 bytes per wall second) out, for five runs.
//!
//!     cargo run --release --example split_time -- /tmp/claimdiff-split-20mb.txt

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: split_time FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let sentences = claimdiff::split::split(&text);
        let dt = t.elapsed();
        println!(
            "{} sentences in {:.1} ms = {:.0} MB/s",
            sentences.len(),
            dt.as_secs_f64() * 1e3,
            text.len() as f64 / 1e6 / dt.as_secs_f64()
        );
    }
}
