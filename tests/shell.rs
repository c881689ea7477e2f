//! At home in a shell: completion scripts and the manual page, generated from the same
//! command-line types the program parses with.

mod common;

use std::process::Command;

use common::claimtrail;

fn output(args: &[&str]) -> String {
    let out = claimtrail().args(args).output().expect("run claimtrail");
    assert!(out.status.success(), "claimtrail {args:?} failed");
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn every_shell_gets_a_completion_script_that_knows_the_statuses() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = output(&["completions", shell]);
        assert!(script.contains("claimtrail"), "{shell}");
        assert!(script.contains("extract"), "{shell}: no subcommands");
        // The Elvish and PowerShell generators complete names only, not values.
        if !["elvish", "powershell"].contains(&shell) {
            assert!(
                script.contains("corroborated") && script.contains("retracted"),
                "{shell}: statuses are not offered"
            );
        }
    }
}

#[test]
fn the_bash_script_registers_a_completion_for_claimtrail() {
    let script = output(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claimtrail.bash");
    std::fs::write(&path, script).unwrap();
    let registered = Command::new("bash")
        .arg("-c")
        .arg(format!("source {}; complete -p claimtrail", path.display()))
        .output()
        .expect("run bash");
    let said = String::from_utf8_lossy(&registered.stdout);
    assert!(registered.status.success(), "{said}");
    assert!(said.contains("claimtrail"), "{said}");
}

#[test]
fn the_manual_page_is_roff_for_section_one() {
    let page = output(&["man"]);
    assert!(page.contains(".TH claimtrail 1"), "{page}");
    assert!(page.contains("extract"), "the page lists the subcommands");
}

/// Bash and fish complete `--story` with the ledger's own stories, asked at completion time.
#[test]
fn bash_completes_story_slugs_from_the_ledger() {
    let ledger = common::Ledger::new();
    ledger.add(&[
        "Kirkuk has fallen",
        "--by",
        "Jabbar Yawar",
        "--story",
        "iraq-2014",
    ]);
    ledger.add(&[
        "Kyiv is without power",
        "--by",
        "Officials",
        "--story",
        "ukraine-grid",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("claimtrail.bash");
    std::fs::write(&script, output(&["completions", "bash"])).unwrap();
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_claimtrail"))
        .parent()
        .unwrap()
        .to_owned();
    let complete = |typed: &str| {
        let line = format!(
            "source {}; COMP_WORDS=(claimtrail list --story {typed}); COMP_CWORD=3; \
             _claimtrail_stories; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let out = Command::new("bash")
            .arg("-c")
            .arg(line)
            .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
            .env("CLAIMTRAIL_DB", &ledger.db)
            .env("CLAIMTRAIL_CONFIG", common::NO_CONFIG)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(complete("''"), "iraq-2014\nukraine-grid\n");
    assert_eq!(complete("uk"), "ukraine-grid\n");
    let fish = output(&["completions", "fish"]);
    assert!(fish.contains("claimtrail stories --names"), "{fish}");
}

/// Zsh's `--story` options call a function that asks the ledger for its stories; the
/// script stays valid zsh (checked with `zsh -n` where zsh is installed).
#[test]
fn zsh_completes_stories_through_a_function_of_its_own() {
    let script = output(&["completions", "zsh"]);
    assert!(script.starts_with("#compdef claimtrail\n"));
    assert_eq!(script.matches("#compdef").count(), 1);
    assert!(script.contains("claimtrail stories --names"));
    assert!(script.contains(":SLUG:_claimtrail_stories"));
    assert!(!script.contains(":SLUG:_default"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("_claimtrail");
    std::fs::write(&path, &script).unwrap();
    if let Ok(checked) = Command::new("zsh").arg("-n").arg(&path).output() {
        assert!(
            checked.status.success(),
            "{}",
            String::from_utf8_lossy(&checked.stderr)
        );
    }
}
