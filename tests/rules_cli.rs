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

fn in_dir(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .current_dir(dir)
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
fn list_shows_builtin_and_user_rules_with_their_place() {
    let (code, out, err) = rules(&["list", "claims"]);
    assert_eq!(code, 0, "{err}");
    // claims/niger.toml: the `junta-leader` slot rule's table header is on line 49.
    let text = std::fs::read_to_string("claims/niger.toml").unwrap();
    let line = text
        .lines()
        .position(|l| l == "name = \"junta-leader\"")
        .unwrap();
    let junta = out.lines().find(|l| l.contains(" junta-leader ")).unwrap();
    assert!(junta.starts_with("slot "), "{junta}");
    // The rule's span starts at its header, the line before its name.
    assert!(
        junta.contains(&format!("claims/niger.toml:{line} ")),
        "{junta}"
    );
    let counted = out.lines().find(|l| l.contains(" counted-noun ")).unwrap();
    assert!(
        counted.contains("built-in (<built-in>/generic.toml:"),
        "{counted}"
    );
}

#[test]
fn a_user_rule_overrides_a_builtin_rule_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("off.toml"),
        "[[generic]]\nname = \"counted-noun\"\nstrategy = \"counted-noun\"\nenabled = false\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The United States has about 1,100 troops in Niger. A coup took place in July 2023.\n",
    )
    .unwrap();
    let (code, out, err) = in_dir(dir.path(), &["rules", "list", "."]);
    assert_eq!(code, 0, "{err}");
    let line = out.lines().find(|l| l.contains(" counted-noun ")).unwrap();
    assert!(line.contains("./off.toml:1"), "{line}");
    assert!(line.contains("(disabled)"), "{line}");
    assert!(
        line.contains("[overrides built-in (<built-in>/generic.toml:"),
        "{line}"
    );
    // With the override, the troop count is no claim; the coup date still is.
    let (code, out, err) = in_dir(dir.path(), &["extract", "--rules", ".", "a.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("\"kind\":\"count\""), "{out}");
    assert!(out.contains("\"slot\":\"coup/date\""), "{out}");
    // Without it, the count comes back.
    let empty = tempfile::tempdir().unwrap();
    let rules = empty.path().to_str().unwrap();
    let (_, out, _) = in_dir(dir.path(), &["extract", "--rules", rules, "a.txt"]);
    assert!(out.contains("\"slot\":\"troops/count\""), "{out}");
}

#[test]
fn adding_one_alias_rule_changes_the_seeds_claims() {
    // Without topic rules, 003's "after the eviction of ... President, Mohamed Bazoum in
    // July 2023" files the date under the event noun it names, `eviction`.
    let seeds = std::fs::canonicalize("seeds").unwrap();
    let seeds = seeds.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = in_dir(dir.path(), &["extract", "--rules", ".", seeds]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\"slot\":\"eviction/date\",\"kind\":\"date\",\"value\":\"2023-07\""),
        "{out}"
    );
    assert!(!out.contains("\"slot\":\"coup/date\",\"kind\":\"date\",\"value\":\"2023-07\""));
    // One alias rule: eviction is the coup. Now 003's date sits in the same slot as 002's.
    std::fs::write(
        dir.path().join("alias.toml"),
        "[[synonym]]\nname = \"coup\"\nwords = [\"coup\", \"eviction\"]\n",
    )
    .unwrap();
    let (code, out, err) = in_dir(dir.path(), &["extract", "--rules", ".", seeds]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("eviction/date"), "{out}");
    assert!(
        out.contains("\"slot\":\"coup/date\",\"kind\":\"date\",\"value\":\"2023-07\""),
        "{out}"
    );
    assert!(
        out.contains("\"slot\":\"coup/date\",\"kind\":\"date\",\"value\":\"2023-02\""),
        "{out}"
    );
}

#[test]
fn adding_one_alias_rule_puts_the_coup_dates_in_front_of_the_reviewer() {
    // The report a user reads, not just the claims: with the built-in rules alone, 002's "a
    // military coup in February 2023" and 003's "the eviction of ... Bazoum in July 2023" are
    // two different slots, so the report has no coup-date row. One alias rule saying an
    // eviction is the coup joins them, and the two months (disjoint) are a high conflict.
    let seeds = std::fs::canonicalize("seeds").unwrap();
    let seeds = seeds.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let report = |dir: &std::path::Path| {
        let (code, out, err) = in_dir(
            dir,
            &[
                "check",
                "--rules",
                ".",
                "--out",
                "-",
                "--agreements",
                "a.csv",
                "--html",
                "p.html",
                "--reviews",
                "r.csv",
                seeds,
            ],
        );
        assert_eq!(code, 0, "{err}");
        out
    };
    let before = report(dir.path());
    assert!(!before.contains(",coup/date,"), "{before}");
    std::fs::write(
        dir.path().join("alias.toml"),
        "[[synonym]]\nname = \"coup\"\nwords = [\"coup\", \"eviction\"]\n",
    )
    .unwrap();
    let after = report(dir.path());
    let row = after
        .lines()
        .find(|l| l.contains(",coup/date,"))
        .unwrap_or_else(|| panic!("no coup/date row in {after}"));
    assert!(row.contains(",open,high,date,coup/date,"), "{row}");
    assert!(row.contains("2023-02") && row.contains("2023-07"), "{row}");
}
