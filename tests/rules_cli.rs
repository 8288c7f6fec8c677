//! `claimdiff rules test` and `rules list`: exit codes and diagnostics worked out by hand.

use assert_cmd::Command;

fn rules(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .arg("rules")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn claims_and_builtin_rules_pass() {
    let (code, _, err) = rules(&["test", "claims"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(" 0 failed"), "{err}");
}
