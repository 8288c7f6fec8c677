//! Benchmark (not a test): times the claim graph's blocked join on synthetic claims at growing
//! sizes, to show its cost grows linearly with the number of claims.
//! Run: `cargo run --release --example group_scale`

use std::time::Instant;

use claimdiff::extract::{Claim, Slot};
use claimdiff::group::{Record, build};
use claimdiff::recognize::{Interval, Kind, Value};
use claimdiff::span::Span;

/// `n` claims from `n / 10` sources over 2,000 subjects (some spelled two ways) and 4 attributes.
fn records(n: usize) -> Vec<Record> {
    let nouns = ["troops", "people", "ferry", "base", "coup"];
    let attrs = ["count", "killed", "date", "cost"];
    (0..n)
        .map(|i| {
            let subject = format!(
                "{}{}-{}",
                if i % 7 == 0 { "regionl" } else { "regional" },
                i % 400,
                nouns[i % nouns.len()]
            );
            let mut value = Value::new(Kind::Count, Span::new(0, 3), format!("{}", i % 13));
            value.interval = Some(Interval::point((i % 13) as f64));
            Record {
                claim: Claim {
                    id: format!("{i:016x}"),
                    source: format!("source-{}", i / 10),
                    slot: Slot::new(subject, attrs[(i / 3) % attrs.len()]),
                    value,
                    sentence: Span::new(0, 40),
                    rule: "bench".into(),
                    hedged: false,
                    entity: None,
                    evidence: Span::new(0, 10),
                    frame: Default::default(),
                },
                text: "12".into(),
                sentence: "Some 12 regional troops were counted by officials on Monday.".into(),
                words: "12 regional troops".into(),
                location: "x:1:1".into(),
                published: None,
                date_guessed: false,
            }
        })
        .collect()
}

fn main() {
    println!("claims      build (ms)   ns per claim   groups");
    for n in [100_000, 200_000, 400_000, 800_000] {
        let rs = records(n);
        let t = Instant::now();
        let g = build(&rs, &|_| None);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        println!(
            "{n:>8} {ms:>12.1} {:>14.0} {:>8}",
            ms * 1e6 / n as f64,
            g.groups.len()
        );
    }
}
