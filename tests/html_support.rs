//! Headless Chromium for the HTML tests: dump the rendered DOM, take a screenshot, time a load,
//! and a check that a screenshot is not blank.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// One Chromium profile (a fresh `--user-data-dir`) for a test's browser runs.
pub struct Browser {
    profile: tempfile::TempDir,
}

impl Default for Browser {
    fn default() -> Self {
        Self::new()
    }
}

impl Browser {
    pub fn new() -> Browser {
        Browser {
            profile: tempfile::tempdir().unwrap(),
        }
    }

    /// `chromium --headless` with the flags this machine needs: no sandbox (runs as root), no
    /// GPU, and no background networking (the network is closed; without these flags Chromium
    /// retries connections at every start).
    fn command(&self) -> Command {
        let mut cmd = Command::new("chromium");
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", self.profile.path().display()));
        cmd
    }

    fn run(&self, mut cmd: Command) -> Vec<u8> {
        let out = cmd
            .output()
            .expect("chromium must be installed (apt-get install -y chromium)");
        assert!(
            out.status.success(),
            "chromium failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    /// The DOM after the page loaded and its scripts ran, serialized.
    pub fn dump_dom(&self, page: &Path) -> String {
        let mut cmd = self.command();
        cmd.arg("--dump-dom").arg(url(page));
        String::from_utf8(self.run(cmd)).unwrap()
    }

    /// A 1280x1600 screenshot of the page, as PNG bytes.
    pub fn screenshot(&self, page: &Path, dir: &Path) -> Vec<u8> {
        let shot = dir.join("screenshot.png");
        let mut cmd = self.command();
        cmd.arg(format!("--screenshot={}", shot.display()))
            .arg("--window-size=1280,1600")
            .arg(url(page));
        self.run(cmd);
        // For a person to look at: CLAIMDIFF_SCREENSHOT_DIR keeps a copy.
        if let Some(keep) = std::env::var_os("CLAIMDIFF_SCREENSHOT_DIR") {
            let name = page.file_stem().unwrap().to_string_lossy().into_owned() + ".png";
            std::fs::copy(&shot, Path::new(&keep).join(name)).unwrap();
            std::fs::copy(page, Path::new(&keep).join(page.file_name().unwrap())).unwrap();
        }
        std::fs::read(&shot).expect("chromium wrote no screenshot")
    }

    /// Milliseconds from the start of navigation to the page's load event, measured by the
    /// browser itself: a harness page loads `page` in an iframe and records `performance.now()`
    /// when the iframe's load event fires. The whole-process time, browser start-up included,
    /// is printed beside it.
    pub fn load_ms(&self, page: &Path) -> f64 {
        let dir = page.parent().unwrap();
        let harness = dir.join("harness.html");
        std::fs::write(
            &harness,
            format!(
                "<!DOCTYPE html><html><body>\
                 <iframe id=\"f\" style=\"width:1280px;height:1600px\" \
                 onload=\"document.body.setAttribute('data-load-ms', performance.now())\" \
                 src=\"{}\"></iframe></body></html>",
                page.file_name().unwrap().to_string_lossy()
            ),
        )
        .unwrap();
        let start = Instant::now();
        let dom = self.dump_dom(&harness);
        eprintln!(
            "whole chromium process (start-up, load, dump): {} ms",
            start.elapsed().as_millis()
        );
        let at = dom
            .find("data-load-ms=\"")
            .unwrap_or_else(|| panic!("the harness recorded no load time:\n{dom}"));
        let rest = &dom[at + "data-load-ms=\"".len()..];
        rest[..rest.find('"').unwrap()].parse().unwrap()
    }
}

fn url(page: &Path) -> String {
    let abs: PathBuf = std::fs::canonicalize(page).unwrap();
    format!("file://{}", abs.display())
}

/// Panics unless the PNG shows a page: at least 2% of pixels differ from the most common
/// colour (the background), and there are at least 16 distinct colours. Returns a description.
pub fn assert_not_blank(png_bytes: &[u8]) -> String {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| &p[..3.min(channels)])
        .collect();
    let mut counts: std::collections::HashMap<&[u8], usize> = Default::default();
    for p in &pixels {
        *counts.entry(*p).or_default() += 1;
    }
    let background = counts.values().copied().max().unwrap_or(0);
    let other = pixels.len() - background;
    let share = other as f64 / pixels.len() as f64;
    let stats = format!(
        "{}x{}, {} colours, {:.1}% of pixels not background",
        info.width,
        info.height,
        counts.len(),
        100.0 * share
    );
    assert!(counts.len() >= 16, "screenshot looks blank: {stats}");
    assert!(share >= 0.02, "screenshot looks blank: {stats}");
    stats
}

/// Text as Chromium serializes it in `--dump-dom` output: only `&`, `<`, `>` escaped in text
/// nodes (quotes come back as written).
pub fn dom_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

/// An evidence sentence as the page shows it, the value as written in `<mark>`.
pub fn dom_marked(sentence: &str, written: &str) -> String {
    match claimdiff::review::locate(sentence, written) {
        Some(r) => format!(
            "{}<mark>{}</mark>{}",
            dom_text(&sentence[..r.start]),
            dom_text(&sentence[r.clone()]),
            dom_text(&sentence[r.end..])
        ),
        None => dom_text(sentence),
    }
}
