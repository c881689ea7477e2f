//! A pager where git would use one: long output on a terminal goes through
//! $CLAIMTRAIL_PAGER, the config file's pager, $PAGER or `less -FRX`, colour kept; never
//! when standard output is a pipe or a file, never with --no-pager or `pager = false`; a
//! reader quitting early is a quiet success. The terminal is a pseudo-terminal from
//! util-linux's `script`.

mod common;

use std::process::Command;

use common::Ledger;

/// A pager that marks every line it shows, to tell paged output from output written
/// straight to the terminal.
const MARKING: &str = "sed 's/^/|/'";

struct Run {
    status: Option<i32>,
    /// What reached the terminal: the command's output and its errors, with \r\n endings.
    screen: String,
}

/// Runs `claimtrail --db LEDGER ARGS` on a terminal of 80 columns, with `env` set.
fn on_terminal(ledger: &Ledger, args: &str, env: &[(&str, &str)]) -> Run {
    let bin = env!("CARGO_BIN_EXE_claimtrail");
    let line = format!(
        "stty cols 80 rows 24; {bin} --db {} {args}",
        ledger.db.display()
    );
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &line, "/dev/null"])
        .env("CLAIMTRAIL_CONFIG", common::NO_CONFIG)
        .env("CLAIMTRAIL_REPORTER", "tester")
        .env("TZ", "UTC")
        .env_remove("CLAIMTRAIL_PAGER")
        .env_remove("PAGER")
        .env_remove("LESS")
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env_remove("RUST_BACKTRACE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("script from util-linux");
    Run {
        status: out.status.code(),
        screen: String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
    }
}

fn paged(run: &Run) -> bool {
    run.screen.lines().any(|l| l.starts_with('|'))
}

fn small_ledger() -> Ledger {
    let ledger = Ledger::new();
    ledger.add(&[
        "The bridge is closed.",
        "--by",
        "Police",
        "--via",
        "Reuters",
    ]);
    ledger.add(&["Two lanes reopen on Monday.", "--by", "City council"]);
    ledger
}

#[test]
fn on_a_terminal_the_listings_go_through_the_pager_with_colour_kept() {
    let ledger = small_ledger();
    for args in [
        "list",
        "show 1",
        "report",
        "sources",
        "outlets",
        "stories",
        "export --format json",
    ] {
        let run = on_terminal(&ledger, args, &[("CLAIMTRAIL_PAGER", MARKING)]);
        assert_eq!(run.status, Some(0), "{args}: {}", run.screen);
        assert!(paged(&run), "{args} was not paged:\n{}", run.screen);
    }
    let run = on_terminal(&ledger, "list", &[("CLAIMTRAIL_PAGER", MARKING)]);
    assert!(
        run.screen.contains("|  1  "),
        "every line of the table through the pager:\n{}",
        run.screen
    );
    assert!(
        run.screen.contains("\x1b[1;33munverified"),
        "colour kept through the pager:\n{}",
        run.screen
    );
}

#[test]
fn commands_that_write_or_say_little_are_not_paged() {
    let ledger = small_ledger();
    for args in [
        "add 'A third claim.' --by Someone --quiet",
        "mark 1 verified",
        "check",
        "config",
        "stories --names",
        "report --output /dev/null",
    ] {
        let run = on_terminal(&ledger, args, &[("CLAIMTRAIL_PAGER", MARKING)]);
        assert_eq!(run.status, Some(0), "{args}: {}", run.screen);
        assert!(!paged(&run), "{args} was paged:\n{}", run.screen);
    }
}

#[test]
fn no_pager_when_turned_off_or_not_on_a_terminal() {
    let ledger = small_ledger();
    let run = on_terminal(&ledger, "--no-pager list", &[("CLAIMTRAIL_PAGER", MARKING)]);
    assert!(!paged(&run), "--no-pager:\n{}", run.screen);
    assert!(
        run.screen.contains("The bridge is closed."),
        "{}",
        run.screen
    );

    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "pager = false\n").unwrap();
    let config = config.display().to_string();
    let run = on_terminal(
        &ledger,
        "list",
        &[("PAGER", MARKING), ("CLAIMTRAIL_CONFIG", &config)],
    );
    assert!(!paged(&run), "pager = false beats $PAGER:\n{}", run.screen);
    // CLAIMTRAIL_PAGER, claimtrail's own, beats the file.
    let run = on_terminal(
        &ledger,
        "list",
        &[
            ("CLAIMTRAIL_PAGER", MARKING),
            ("CLAIMTRAIL_CONFIG", &config),
        ],
    );
    assert!(paged(&run), "{}", run.screen);

    // A pipe, even from a terminal: never.
    let run = on_terminal(&ledger, "list | cat", &[("CLAIMTRAIL_PAGER", MARKING)]);
    assert!(!paged(&run), "piped:\n{}", run.screen);
    assert!(
        run.screen.contains("The bridge is closed."),
        "{}",
        run.screen
    );
    let out = ledger
        .cmd()
        .env("CLAIMTRAIL_PAGER", MARKING)
        .arg("list")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('|'));
}

#[test]
fn the_pager_comes_from_the_environment_the_file_or_the_default() {
    let ledger = small_ledger();
    // $PAGER, with arguments, run by the shell.
    let run = on_terminal(&ledger, "list", &[("PAGER", MARKING)]);
    assert!(paged(&run), "$PAGER:\n{}", run.screen);
    // The file's command.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("pager = \"{MARKING}\"\n")).unwrap();
    let run = on_terminal(
        &ledger,
        "list",
        &[("CLAIMTRAIL_CONFIG", &config.display().to_string())],
    );
    assert!(paged(&run), "the config file's pager:\n{}", run.screen);
    // The pager is told LESS=FRX when the user has set no options for less.
    let run = on_terminal(
        &ledger,
        "list",
        &[("CLAIMTRAIL_PAGER", "echo \"|LESS=$LESS\"; cat")],
    );
    assert!(run.screen.contains("|LESS=FRX"), "{}", run.screen);
    let run = on_terminal(
        &ledger,
        "list",
        &[
            ("CLAIMTRAIL_PAGER", "echo \"|LESS=$LESS\"; cat"),
            ("LESS", "S"),
        ],
    );
    assert!(run.screen.contains("|LESS=S\n"), "{}", run.screen);
    // The default, less -FRX, shows a short list and quits by itself.
    if Command::new("less").arg("--version").output().is_ok() {
        let run = on_terminal(&ledger, "list", &[]);
        assert_eq!(run.status, Some(0), "{}", run.screen);
        assert!(
            run.screen.contains("The bridge is closed."),
            "{}",
            run.screen
        );
    }
}

/// A reader who quits before the end (here a pager that reads one line) closes the pipe:
/// claimtrail stops quietly, exit 0, nothing on stderr.
#[test]
fn quitting_the_pager_early_is_quiet() {
    let ledger = Ledger::new();
    let long = "The council said the bridge would stay closed for repairs. ".repeat(40);
    for n in 0..40 {
        ledger.add(&[&format!("{n}: {long}"), "--by", "Council", "--quiet"]);
    }
    let run = on_terminal(
        &ledger,
        "--wide list 2>&1; echo \"|exit $?\"",
        &[("CLAIMTRAIL_PAGER", "head -n 1 >/dev/null")],
    );
    assert_eq!(run.screen.trim(), "|exit 0", "{}", run.screen);
}
