//! The progress bar, seen for real: `claimdiff extract` runs in a tmux pseudo-terminal with its
//! output going to a file, so stderr is a terminal and the bar of bytes read is drawn, then
//! cleared when the run ends. (Off a terminal nothing is drawn: tests/read_stream.rs checks
//! stderr is empty.) tmux must be installed (.ci/run installs it); without it the test fails
//! rather than skipping.

use std::process::Command;
use std::time::{Duration, Instant};

/// A private tmux server (its own socket) with one 120x10 window; killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

#[test]
fn extract_to_a_file_draws_a_bar_of_bytes_read_on_the_terminal_and_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    // 400 sources with a count each, about 4 MB: a few seconds of parsing.
    let filler = "The old bridge over the river was closed to traffic after engineers found \
                  cracks in its main span. Residents said they had warned the council about the \
                  state of the bridge many times. ";
    let mut data = String::new();
    for i in 0..400 {
        let text = format!(
            "{}\n\nOfficials said 1,{:03} people were evacuated from the valley.",
            filler.repeat(40),
            i
        );
        data += &serde_json::json!({ "source": format!("r{i:04}"), "text": text }).to_string();
        data.push('\n');
    }
    std::fs::write(dir.path().join("corpus.jsonl"), &data).unwrap();
    let command = format!(
        "{} extract corpus.jsonl > claims.jsonl; echo EXIT=$?; sleep 30",
        env!("CARGO_BIN_EXE_claimdiff")
    );
    let tmux = Tmux {
        socket: format!("claimdiff-progress-{}", std::process::id()),
    };
    let st = Command::new("tmux")
        .args(["-L", &tmux.socket, "-f", "/dev/null", "new-session", "-d"])
        .args(["-x", "120", "-y", "10", "-s", "t", "-c"])
        .arg(dir.path())
        .arg(&command)
        .status()
        .expect("tmux must be installed (apt-get install -y tmux)");
    assert!(st.success(), "tmux new-session failed");
    let start = Instant::now();
    let mut bar = None;
    let end = loop {
        let s = tmux.screen();
        if bar.is_none() && s.contains(" read, ") {
            bar = Some(s.clone());
        }
        if s.contains("EXIT=") {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "timed out; screen:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let bar = bar.unwrap_or_else(|| panic!("no progress bar was drawn; last screen:\n{end}"));
    // "{bar} 1.23 MiB/4.04 MiB read, ...": the total is the file's size.
    let total = data.len() as f64 / (1024.0 * 1024.0);
    assert!(
        bar.contains(&format!("/{total:.2} MiB read, ")),
        "{bar} (file of {total:.2} MiB)"
    );
    assert!(end.contains("EXIT=0"), "{end}");
    assert!(
        !end.contains(" read, "),
        "the bar is cleared at the end:\n{end}"
    );
    let claims = std::fs::read_to_string(dir.path().join("claims.jsonl")).unwrap();
    assert_eq!(claims.lines().count(), 400);
}
