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
