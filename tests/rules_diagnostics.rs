//! `claimdiff rules test` on broken rule folders: each kind of error with the exact
//! `file:line:column` a person works out by counting in the file, and the exit status.

use assert_cmd::Command;
use std::path::Path;

/// Writes `text` as `a.toml` in a fresh folder and runs `rules test` on it.
fn rules_test(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), text).unwrap();
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .current_dir(dir.path())
        .args(["rules", "test", "."])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn first_line(err: &str) -> &str {
    err.lines().next().unwrap()
}

#[test]
fn bad_toml_points_at_the_unterminated_string() {
    // Line 3 is `pattern = "<count> troops` (25 characters): the string runs into the end of
    // the line, column 26.
    let (code, err) =
        rules_test("[[slot]]\nname = \"x\"\npattern = \"<count> troops\nslot = \"troops/count\"\n");
    assert_eq!(code, 2, "{err}");
    assert!(first_line(&err).starts_with("./a.toml:3:26: "), "{err}");
    assert!(
        err.contains("pattern = \"<count> troops"),
        "the offending line is shown: {err}"
    );
    assert!(err.contains("help: "), "{err}");
}

#[test]
fn unknown_field_is_named_with_a_suggestion() {
    // The misspelt `patern` starts line 4 (after a comment and the table header).
    let (code, err) = rules_test(
        "# comment\n[[slot]]\nname = \"us-troops\"\npatern = \"<count> troops\"\nslot = \"troops/count\"\n",
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        first_line(&err).starts_with("./a.toml:4:1: unknown field `patern`"),
        "{err}"
    );
    assert!(err.contains("did you mean `pattern`?"), "{err}");
    assert!(err.contains("^^^^^^"), "the field is underlined: {err}");
}

#[test]
fn bad_pattern_points_inside_the_pattern() {
    // `pattern = "` is 11 characters, so the pattern text starts at column 12; the unclosed
    // `(` is its 9th character: column 20.
    let (code, err) = rules_test(
        "[[slot]]\nname = \"us-troops\"\npattern = \"<count> (US|American troops\"\nslot = \"us-troops/count\"\n",
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(first_line(&err), "./a.toml:3:20: bad pattern: unclosed `(`");
}

#[test]
fn unknown_placeholder_and_bad_slot_template() {
    // `<cnt>` starts the pattern: column 12. The template's `{3}` names no group: the slot
    // string starts at column 9 (`slot = "`), `{3}` is its 7th character: column 15.
    let (code, err) = rules_test(
        "[[slot]]\nname = \"a\"\npattern = \"<cnt> troops\"\nslot = \"x/count\"\n\n[[slot]]\nname = \"b\"\npattern = \"<count> (troops)\"\nslot = \"troops{3}/count\"\n",
    );
    assert_eq!(code, 2, "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("./a.toml:")).collect();
    assert_eq!(
        lines,
        [
            "./a.toml:3:12: bad pattern: unknown placeholder `<cnt>`",
            "./a.toml:9:15: `{3}` names no group of the pattern",
        ]
    );
}

#[test]
fn failing_example_points_at_the_expectation_and_exits_1() {
    // "800 French troops" is not a US troop count; the expectation sits on line 8, its string
    // at column 11 (`expect = [` is 10 characters).
    let (code, err) = rules_test(
        "[[slot]]\nname = \"us-troops\"\npattern = \"<count> (US|American) (troops|soldiers)\"\nslot = \"us-troops/count\"\n\n[[slot.example]]\ntext = \"The base hosts 800 French troops.\"\nexpect = [\"us-troops/count = 800\"]\n",
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        first_line(&err).starts_with(
            "./a.toml:8:11: example of `us-troops` failed: expected `us-troops/count = 800`, got french-troops/count = 800"
        ),
        "{err}"
    );
    assert!(err.contains(", 1 failed"), "{err}");
}

#[test]
fn rejected_claim_that_comes_out_fails() {
    // The same rule with the example the other way round: the rejection on line 8 fails.
    let (code, err) = rules_test(
        "[[slot]]\nname = \"us-troops\"\npattern = \"<count> (US|American) (troops|soldiers)\"\nslot = \"us-troops/count\"\n\n[[slot.example]]\ntext = \"The base hosts 800 American soldiers.\"\nreject = [\"us-troops/count\"]\n",
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        first_line(&err).starts_with(
            "./a.toml:8:11: example of `us-troops` failed: rejected `us-troops/count` came out"
        ),
        "{err}"
    );
}

#[test]
fn two_rules_with_one_name_are_an_error() {
    let (code, err) = rules_test(
        "[[synonym]]\nname = \"s\"\nwords = [\"a\", \"b\"]\n\n[[synonym]]\nname = \"s\"\nwords = [\"c\", \"d\"]\n",
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        first_line(&err).starts_with("./a.toml:6:8: a second synonym rule named `s`"),
        "{err}"
    );
    assert!(err.contains("the first is at ./a.toml:1"), "{err}");
}

#[test]
fn passing_folder_exits_0_and_counts_examples() {
    let (code, err) = rules_test(
        "[[slot]]\nname = \"us-troops\"\npattern = \"<count> (US|American) (troops|soldiers)\"\nslot = \"us-troops/count\"\n\n[[slot.example]]\ntext = \"The base hosts 800 American soldiers.\"\nexpect = [\"us-troops/count = 800\"]\nreject = [\"troops/count\"]\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 yours"), "{err}");
    assert!(err.contains(", 0 failed"), "{err}");
}

#[test]
fn missing_folder_exits_2() {
    let out = Command::cargo_bin("claimdiff")
        .unwrap()
        .args(["rules", "test", "no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no/such/folder: cannot read rules folder"),
        "{err}"
    );
    assert!(Path::new("claims").is_dir());
}

/// Every check the rule loader makes past TOML itself, one broken file each, with the place a
/// person finds by counting: a value's column is one past its key, ` = ` and nothing else
/// before it (`name = ` is 7 characters, so a name's string starts at column 8), and an entry
/// of a list is one past `key = [` and the entries before it.
#[test]
fn every_kind_of_rule_error_names_file_line_and_column() {
    let cases = [
        (
            "[[wordlist]]\nname = \"colours\"\nwords = [\"red\"]\n",
            "./a.toml:2:8: no word list is named `colours`",
        ),
        // `words = [` is 9 characters and `"mouse mice", ` 14 more: "geese" at column 24.
        (
            "[[wordlist]]\nname = \"irregular-plurals\"\nwords = [\"mouse mice\", \"geese\"]\n",
            "./a.toml:3:24: `geese` is not a pair",
        ),
        (
            "[[synonym]]\nname = \"troops\"\nwords = [\"troops\"]\n",
            "./a.toml:2:8: a synonym rule needs at least two words",
        ),
        // `words = ["troops", ` is 19 characters.
        (
            "[[synonym]]\nname = \"troops\"\nwords = [\"troops\", \"  \"]\n",
            "./a.toml:3:20: an empty word",
        ),
        (
            "[[entity]]\nname = \"someone\"\nnames = []\n",
            "./a.toml:2:8: an entity needs at least one name",
        ),
        // `attribute = ` is 12 characters.
        (
            "[[predicate]]\nname = \"k\"\nattribute = \"\"\nwords = [\"killed\"]\n",
            "./a.toml:3:13: an empty attribute",
        ),
        // `words = ["killed", ` is 19 characters.
        (
            "[[predicate]]\nname = \"k\"\nattribute = \"killed\"\nwords = [\"killed\", \"\"]\n",
            "./a.toml:4:20: an empty phrase",
        ),
        // `strategy = ` is 11 characters.
        (
            "[[generic]]\nname = \"g\"\nstrategy = \"guess\"\n",
            "./a.toml:3:12: unknown strategy `guess`",
        ),
        // `pattern = ` is 10 characters.
        (
            "[[slot]]\nname = \"s\"\npattern = \"troops\"\nslot = \"troops/count\"\n",
            "./a.toml:3:11: a slot pattern needs a placeholder",
        ),
        (
            "[[slot]]\nname = \"s\"\npattern = \"<count> troops\"\nslot = \"troops\"\n",
            "./a.toml:4:8: `troops` is not a slot",
        ),
        // The template's `{` is the first character inside the quotes: column 9.
        (
            "[[slot]]\nname = \"s\"\npattern = \"<count> (troops)\"\nslot = \"{1/count\"\n",
            "./a.toml:4:9: unclosed `{`",
        ),
        // `tolerance = ` is 12 characters.
        (
            "[[slot]]\nname = \"s\"\npattern = \"<count> troops\"\nslot = \"troops/count\"\ntolerance = 5.0\n",
            "./a.toml:5:13: tolerance out of range",
        ),
        // `within = ` is 9 characters.
        (
            "[[tolerance]]\nname = \"t\"\nslot = \"troops/count\"\nwithin = -0.5\n",
            "./a.toml:4:10: tolerance out of range",
        ),
        (
            "[[tolerance]]\nname = \"t\"\nslot = \"troops\"\nwithin = 0.1\n",
            "./a.toml:3:8: `troops` is not a slot key",
        ),
        // An exclusion's pattern is checked like a slot's: `<cnt>` starts it, column 12.
        (
            "[[exclude]]\nname = \"e\"\npattern = \"<cnt> troops\"\n",
            "./a.toml:3:12: bad pattern: unknown placeholder `<cnt>`",
        ),
    ];
    for (text, expected) in cases {
        let (code, err) = rules_test(text);
        assert_eq!(code, 2, "{text}\n{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(first_line(&err), expected, "{text}");
        assert!(
            err.contains("help: "),
            "every error says how to fix it: {err}"
        );
    }
}
