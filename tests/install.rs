//! An installed `claimdiff` (the binary alone, copied out of the build tree, as
//! `cargo install` leaves it) works from any folder: its built-in rules, word lists and
//! syntax model are inside it. Its completion scripts and manual page are what shells and
//! `man` read.

mod check_util;
use check_util::*;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The binary copied into `dir/bin`, as `cargo install --root dir` would place it.
fn installed(dir: &Path) -> PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let to = bin.join("claimdiff");
    std::fs::copy(env!("CARGO_BIN_EXE_claimdiff"), &to).unwrap();
    to
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn coup_row(csv: &str) -> Option<Row> {
    parse_csv(csv)
        .into_iter()
        .find(|r| r["kind"] == "date" && pairs(r, "2023-02", "2023-07"))
}

#[test]
fn installed_binary_finds_the_coup_dates_from_a_folder_far_from_the_sources() {
    let root = tempfile::tempdir().unwrap();
    let bin = installed(&root.path().join("prefix"));
    let corpus = root.path().join("corpus");
    copy_dir(&check_util::root().join("seeds"), &corpus.join("seeds"));
    copy_dir(&check_util::root().join("claims"), &corpus.join("claims"));
    // A folder that holds nothing claimdiff knows: no seeds/, claims/, data/ or rules/.
    let elsewhere = root.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let out = Command::new(&bin)
        .current_dir(&elsewhere)
        .env_clear()
        .args(["check", "--out", "-", "--rules"])
        .arg(corpus.join("claims"))
        .arg(corpus.join("seeds"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let csv = String::from_utf8(out.stdout).unwrap();
    let row = coup_row(&csv).unwrap_or_else(|| panic!("no coup date conflict in:\n{csv}"));
    assert!(row["slot"].starts_with("coup"), "{row:?}");
    assert_eq!(row["severity"], "high");
    // As many claims as in the build tree: the same rules, word lists and model.
    assert!(stderr.contains("5 sources"), "{stderr}");
    assert!(stderr.contains("43 claims"), "{stderr}");
    // Nothing was written where it was run.
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

#[test]
fn installed_binary_with_no_path_reads_seeds_and_claims_of_the_working_folder() {
    let root = tempfile::tempdir().unwrap();
    let bin = installed(&root.path().join("prefix"));
    let work = root.path().join("work");
    copy_dir(&check_util::root().join("seeds"), &work.join("seeds"));
    copy_dir(&check_util::root().join("claims"), &work.join("claims"));
    let out = Command::new(&bin)
        .current_dir(&work)
        .env_clear()
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(work.join("reports/discrepancies.csv")).unwrap();
    assert!(coup_row(&csv).is_some(), "{csv}");
    assert!(work.join("reports/discrepancies.html").is_file());
}

#[test]
fn installed_binary_lists_and_tests_its_built_in_rules_anywhere() {
    let root = tempfile::tempdir().unwrap();
    let bin = installed(&root.path().join("prefix"));
    let empty = root.path().join("rules");
    std::fs::create_dir_all(&empty).unwrap();
    let out = Command::new(&bin)
        .current_dir(root.path())
        .env_clear()
        .args(["rules", "test"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(&bin)
        .current_dir(root.path())
        .env_clear()
        .args(["rules", "list"])
        .arg(&empty)
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("<built-in>/generic.toml"), "{listed}");
    assert!(listed.contains("<built-in>/words.toml"), "{listed}");
}

const COMMANDS: &[&str] = &[
    "split",
    "text",
    "values",
    "review",
    "extract",
    "rules",
    "check",
    "explain",
    "parse",
    "completions",
    "man",
];

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = claimdiff().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn bash_completion_offers_every_command_and_check_options() {
    let (code, script, _) = run(&["completions", "bash"]);
    assert_eq!(code, Some(0));
    assert!(script.contains("complete -F _claimdiff"), "{script}");
    // The words offered after `claimdiff`: the first `opts="..."` list of the script (an
    // empty `opts=""` declares the variable first).
    let top = script
        .lines()
        .find(|l| l.trim_start().starts_with("opts=\"-"))
        .expect("an opts line");
    for c in COMMANDS {
        assert!(
            top.split(['"', ' ']).any(|w| w == *c),
            "{c} missing from {top}"
        );
    }
    assert!(
        script.contains("--fail-on"),
        "check's options are completed"
    );
}

#[test]
fn bash_accepts_the_completion_script() {
    let (_, script, _) = run(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("claimdiff.bash");
    std::fs::write(&file, script).unwrap();
    // Sourcing it defines the function and registers it for `claimdiff`.
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {} && complete -p claimdiff",
            file.display()
        ))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("_claimdiff"));
}

#[test]
fn zsh_and_fish_completions_name_the_commands() {
    let (code, zsh, _) = run(&["completions", "zsh"]);
    assert_eq!(code, Some(0));
    assert!(zsh.starts_with("#compdef claimdiff"), "{zsh}");
    let (code, fish, _) = run(&["completions", "fish"]);
    assert_eq!(code, Some(0));
    for c in COMMANDS {
        assert!(zsh.contains(&format!("'{c}:")), "zsh: {c}");
        assert!(fish.contains(&format!("-a \"{c}\"")), "fish: {c}");
    }
    let (code, _, err) = run(&["completions", "powershell"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("powershell"), "{err}");
}

#[test]
fn man_page_is_roff_naming_every_command_and_renders() {
    let (code, page, _) = run(&["man"]);
    assert_eq!(code, Some(0));
    assert!(page.contains(".TH claimdiff 1"), "{page}");
    assert!(page.contains(".SH NAME"));
    assert!(page.contains(".SH SYNOPSIS"));
    for c in COMMANDS {
        assert!(page.contains(&format!("claimdiff\\-{c}(1)")), "{c}");
    }
    let (code, check, _) = run(&["man", "check"]);
    assert_eq!(code, Some(0));
    assert!(check.contains(".TH claimdiff-check 1"), "{check}");
    assert!(check.contains("\\-\\-fail\\-on"), "{check}");
    let (code, _, err) = run(&["man", "nope"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no command `nope`"), "{err}");
    // Where man(1) is installed, it formats the page: the NAME line comes out as text.
    if Path::new("/usr/bin/man").exists() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("claimdiff-check.1");
        std::fs::write(&file, &check).unwrap();
        let out = Command::new("man")
            .arg("-l")
            .arg(&file)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "100")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            text.contains("claimdiff-check - Compare the claims of several sources"),
            "{text}"
        );
    }
}
