//! The full-screen reviewer driven for real: `claimdiff review` runs in a tmux pseudo-terminal,
//! keys go in with `send-keys`, the screen comes back with `capture-pane`, and the reviews file
//! is checked after every verdict. tmux must be installed (.ci/run installs it); without it the
//! test fails rather than skipping.

#[path = "review_fixture.rs"]
mod fixture;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use fixture::{COUP, PRESIDENT, TROOPS, Workdir, v, verdicts};

/// A private tmux server (its own socket) with one 120x40 window; killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, dir: &Path, command: &str) -> Tmux {
        let socket = format!("claimdiff-{name}-{}", std::process::id());
        let st = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", "120", "-y", "40", "-s", "t", "-c"])
            .arg(dir)
            .arg(command)
            .status()
            .expect("tmux must be installed (apt-get install -y tmux)");
        assert!(st.success(), "tmux new-session failed");
        Tmux { socket }
    }

    fn keys(&self, keys: &[&str]) {
        let st = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "t"])
            .args(keys)
            .status()
            .unwrap();
        assert!(st.success());
    }

    /// Literal text, typed key by key.
    fn type_text(&self, text: &str) {
        let st = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "t", "-l", text])
            .status()
            .unwrap();
        assert!(st.success());
    }

    /// The screen as text; with `escapes`, with the colour and attribute sequences.
    fn screen(&self, escapes: bool) -> String {
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &self.socket, "capture-pane", "-p", "-t", "t"]);
        if escapes {
            cmd.arg("-e");
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    }

    /// Waits until the screen contains `text` (the program redraws after each key).
    /// The screen once it shows `text` and has stopped changing: a capture taken while the
    /// reviewer is still drawing holds the first panel and not the second.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let s = self.screen(false);
            if s.contains(text) && s == last {
                return s;
            }
            last = s.clone();
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {text:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

/// Waits until the reviews file holds exactly `want`.
fn wait_for_file(path: &Path, want: &[(String, String, String)]) {
    let start = Instant::now();
    loop {
        if path.exists() && verdicts(path) == want {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out: reviews file is {:?}, want {want:?}",
            path.exists().then(|| verdicts(path))
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn reviewer_walks_by_severity_saves_each_verdict_and_undoes() {
    let w = Workdir::new();
    let bin = assert_cmd::cargo::cargo_bin("claimdiff");
    let command = format!(
        "{} review --report report.csv --reviews reviews.csv; echo EXIT=$?; sleep 600",
        bin.display()
    );
    let tmux = Tmux::start("walk", w.path(), &command);

    // High first: the coup date, both sentences, both sources and locations.
    let s = tmux.wait_for("coup/date");
    assert!(s.contains("HIGH"), "{s}");
    assert!(s.contains("1 of 3"), "{s}");
    assert!(s.contains("A: 2023-02") && s.contains("B: 2023-07"), "{s}");
    assert!(s.contains("military coup in February 2023 led to"), "{s}");
    assert!(s.contains("Mohamed Bazoum in July 2023, Niger"), "{s}");
    assert!(s.contains("at 002_8d2d09947abc71a3.txt:5:137"), "{s}");
    assert!(s.contains("in 003_553c38acbd687d2c.txt"), "{s}");
    // The value inside the sentence is highlighted: an attribute sequence right before it, and
    // a different one right after, on the evidence line.
    let colored = tmux.screen(true);
    let line = colored
        .lines()
        .find(|l| l.contains("coup in") && l.contains("February 2023"))
        .unwrap_or_else(|| panic!("{colored}"));
    let at = line.find("February 2023").unwrap();
    assert!(
        line[..at].ends_with('m'),
        "no highlight before the value: {line:?}"
    );
    assert!(
        line[at + "February 2023".len()..].starts_with('\u{1b}'),
        "highlight does not end after the value: {line:?}"
    );
    assert!(!w.reviews().exists(), "nothing saved before a verdict");

    // c: confirmed, saved at once, next conflict (medium) shown.
    tmux.keys(&["c"]);
    wait_for_file(&w.reviews(), &[v(COUP, "confirmed", "")]);
    let s = tmux.wait_for("us-troops/count");
    assert!(s.contains("MEDIUM") && s.contains("2 of 3"), "{s}");

    // n: a note typed inline, saved on Enter with the status unchanged; then d keeps the note.
    tmux.keys(&["n"]);
    tmux.wait_for("note>");
    tmux.type_text("different agreements, check dates");
    tmux.keys(&["Enter"]);
    wait_for_file(
        &w.reviews(),
        &[
            v(TROOPS, "open", "different agreements, check dates"),
            v(COUP, "confirmed", ""),
        ],
    );
    tmux.wait_for("note: different agreements, check dates");
    tmux.keys(&["d"]);
    wait_for_file(
        &w.reviews(),
        &[
            v(TROOPS, "dismissed", "different agreements, check dates"),
            v(COUP, "confirmed", ""),
        ],
    );

    // Low last: the name; → skips it, which records nothing.
    let s = tmux.wait_for("president/name");
    assert!(s.contains("LOW") && s.contains("3 of 3"), "{s}");
    assert!(s.contains("Mahmoud Bazoum"), "{s}");
    tmux.keys(&["Right"]);
    tmux.wait_for("All 3 open conflicts walked");

    // u: undoes the dismissal (back to the note-only verdict) and shows that conflict again.
    tmux.keys(&["u"]);
    wait_for_file(
        &w.reviews(),
        &[
            v(TROOPS, "open", "different agreements, check dates"),
            v(COUP, "confirmed", ""),
        ],
    );
    tmux.wait_for("undone: us-troops/count");

    // q: quits; the summary goes to stderr (the pane) and the exit status is 0.
    tmux.keys(&["q"]);
    let s = tmux.wait_for("EXIT=");
    assert!(s.contains("EXIT=0"), "{s}");
    assert!(
        s.contains("1 confirmed, 0 dismissed, 1 reopened, 1 notes; 2 of 3 still open"),
        "{s}"
    );
    assert_eq!(
        verdicts(&w.reviews()),
        vec![
            v(TROOPS, "open", "different agreements, check dates"),
            v(COUP, "confirmed", "")
        ]
    );
    let _ = PRESIDENT;
}

#[test]
fn reviewer_skips_conflicts_already_decided() {
    let w = Workdir::new();
    // Two of three decided already: only the president's name is walked.
    std::fs::write(
        w.reviews(),
        format!(
            "id,status,note,reviewed_at\n{COUP},confirmed,,2024-04-27T09:30:00Z\n{TROOPS},dismissed,,2024-04-27T09:31:00Z\n"
        ),
    )
    .unwrap();
    let bin = assert_cmd::cargo::cargo_bin("claimdiff");
    let command = format!(
        "{} review --report report.csv --reviews reviews.csv; echo EXIT=$?; sleep 600",
        bin.display()
    );
    let tmux = Tmux::start("decided", w.path(), &command);
    let s = tmux.wait_for("president/name");
    assert!(s.contains("1 of 1"), "{s}");
    tmux.keys(&["c"]);
    tmux.wait_for("All 1 open conflicts walked");
    tmux.keys(&["q"]);
    let s = tmux.wait_for("EXIT=");
    assert!(s.contains("EXIT=0"), "{s}");
    let got = verdicts(&w.reviews());
    assert_eq!(got.len(), 3);
    assert_eq!(got[1], v(PRESIDENT, "confirmed", ""));
}
