//! A table flattened into one line is not a sentence: `extract` reads it in bounded pieces
//! and says so once, naming the file and place, so the work per claim (its quoted sentence,
//! its column) stays bounded and the whole run linear in the line.

use assert_cmd::Command;

#[test]
fn sixteen_thousand_figures_on_one_line_are_read_in_bounded_pieces() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("table.txt");
    let line: String = (0..16_000).map(|_| "1,000 troops ").collect();
    std::fs::write(&path, format!("Header line.\n{line}\n")).unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .args(["extract", "--rules"])
        .arg(&rules)
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("table.txt:2:1: a sentence of 207999 bytes"),
        "{err}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut claims = 0;
    for l in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v["sentence"].as_str().unwrap().len() <= 3000);
        claims += 1;
    }
    // Every figure is still read: one count per "1,000 troops".
    assert_eq!(claims, 16_000);
}
