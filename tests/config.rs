//! The configuration file: set once, overridden by environment variables and flags in that
//! order, shown with where each setting comes from, and refused in one line when malformed.
//! Every test keeps its file in a temporary folder; none reads or writes the real home.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::claimtrail;
use tempfile::TempDir;

/// A temporary home with a config file path in it (not yet written).
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("claims.db")
    }

    fn write(&self, text: &str) {
        std::fs::write(self.config(), text).unwrap();
    }

    fn read(&self) -> String {
        std::fs::read_to_string(self.config()).unwrap()
    }

    /// claimtrail with this home's config file, no reporter or colour from the test's
    /// environment, and HOME pointing here.
    fn cmd(&self) -> Command {
        let mut cmd = claimtrail();
        cmd.env("CLAIMTRAIL_CONFIG", self.config())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join(".config"))
            .env("XDG_DATA_HOME", self.dir.path().join(".local/share"))
            .env_remove("CLAIMTRAIL_REPORTER")
            .env_remove("NO_COLOR")
            .env_remove("USER")
            .env_remove("LOGNAME")
            .env_remove("USERNAME");
        cmd
    }

    fn ok(&self, cmd: &mut Command) -> String {
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// `claimtrail config`, as (value, from) for `key`.
    fn setting(&self, cmd: &mut Command, key: &str) -> (String, String) {
        let out = self.ok(cmd.args(["--wide", "config"]));
        let line = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(key))
            .unwrap_or_else(|| panic!("no {key} in\n{out}"));
        let cells: Vec<&str> = line
            .trim()
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(cells.len(), 3, "{line}");
        (cells[1].to_owned(), cells[2].to_owned())
    }
}

fn in_file(line: usize) -> String {
    format!("config file, line {line}")
}

#[test]
fn each_setting_comes_from_the_flag_then_the_environment_then_the_file_then_the_default() {
    let home = Home::new();
    let db = home.db().display().to_string();
    home.write(&format!(
        "# the newsroom's\ndb = \"{db}\"\nreporter = \"Ana Ruiz\"\ncolor = \"always\"\npager = \"more\"\n"
    ));

    // The file.
    assert_eq!(
        home.setting(&mut home.cmd(), "db"),
        (db.clone(), in_file(2))
    );
    assert_eq!(
        home.setting(&mut home.cmd(), "reporter"),
        ("Ana Ruiz".into(), in_file(3))
    );
    assert_eq!(
        home.setting(&mut home.cmd(), "color"),
        ("always".into(), in_file(4))
    );
    assert_eq!(
        home.setting(&mut home.cmd(), "pager"),
        ("more".into(), in_file(5))
    );

    // claimtrail's environment variables over the file.
    let env = |cmd: &mut Command| {
        cmd.env("CLAIMTRAIL_DB", "/env/claims.db")
            .env("CLAIMTRAIL_REPORTER", "Env Name")
            .env("CLAIMTRAIL_COLOR", "never")
            .env("CLAIMTRAIL_PAGER", "most");
    };
    let mut cmd = home.cmd();
    env(&mut cmd);
    assert_eq!(
        home.setting(&mut cmd, "db"),
        ("/env/claims.db".into(), "environment CLAIMTRAIL_DB".into())
    );
    for (key, value, name) in [
        ("reporter", "Env Name", "CLAIMTRAIL_REPORTER"),
        ("color", "never", "CLAIMTRAIL_COLOR"),
        ("pager", "most", "CLAIMTRAIL_PAGER"),
    ] {
        let mut cmd = home.cmd();
        env(&mut cmd);
        assert_eq!(
            home.setting(&mut cmd, key),
            (value.into(), format!("environment {name}"))
        );
    }

    // Flags over both.
    for (key, flags, value, flag) in [
        ("db", &["--db", "/flag.db"][..], "/flag.db", "--db"),
        (
            "reporter",
            &["--reporter", "Flag Name"][..],
            "Flag Name",
            "--reporter",
        ),
        ("color", &["--color", "auto"][..], "auto", "--color"),
        ("pager", &["--no-pager"][..], "off", "--no-pager"),
    ] {
        let mut cmd = home.cmd();
        env(&mut cmd);
        cmd.args(flags);
        assert_eq!(
            home.setting(&mut cmd, key),
            (value.into(), format!("flag {flag}"))
        );
    }

    // Defaults, with no file at all.
    let bare = Home::new();
    let (value, from) = bare.setting(&mut bare.cmd(), "db");
    assert_eq!(from, "default");
    assert!(value.ends_with("claimtrail/claims.db"), "{value}");
    assert!(
        value.starts_with(&bare.dir.path().display().to_string()),
        "{value}"
    );
    assert_eq!(
        bare.setting(&mut bare.cmd(), "reporter"),
        ("(none)".into(), "default".into())
    );
    assert_eq!(
        bare.setting(&mut bare.cmd(), "color"),
        ("auto".into(), "default".into())
    );
    assert_eq!(
        bare.setting(&mut bare.cmd(), "pager"),
        ("less -FRX".into(), "default".into())
    );
}

/// $USER, $NO_COLOR and $PAGER are every program's defaults: the file, claimtrail's own,
/// overrides them (as git's core.pager overrides $PAGER).
#[test]
fn the_file_overrides_the_general_environment_variables() {
    let home = Home::new();
    let general = |cmd: &mut Command| {
        cmd.env("USER", "login")
            .env("NO_COLOR", "1")
            .env("PAGER", "most");
    };
    let mut cmd = home.cmd();
    general(&mut cmd);
    assert_eq!(
        home.setting(&mut cmd, "reporter"),
        ("login".into(), "environment USER".into())
    );
    let mut cmd = home.cmd();
    general(&mut cmd);
    assert_eq!(
        home.setting(&mut cmd, "color"),
        ("never".into(), "environment NO_COLOR".into())
    );
    let mut cmd = home.cmd();
    general(&mut cmd);
    assert_eq!(
        home.setting(&mut cmd, "pager"),
        ("most".into(), "environment PAGER".into())
    );

    home.write("reporter = \"Ana Ruiz\"\ncolor = \"always\"\npager = false\n");
    for (key, value, line) in [
        ("reporter", "Ana Ruiz", 1),
        ("color", "always", 2),
        ("pager", "off", 3),
    ] {
        let mut cmd = home.cmd();
        general(&mut cmd);
        assert_eq!(home.setting(&mut cmd, key), (value.into(), in_file(line)));
    }
}

/// The settings do what they say, not only show: the ledger, the name logged, the colour.
#[test]
fn the_file_s_ledger_reporter_and_colour_are_used() {
    let home = Home::new();
    home.write(&format!(
        "db = \"{}\"\nreporter = \"Ana Ruiz\"\ncolor = \"always\"\n",
        home.db().display()
    ));
    home.ok(home
        .cmd()
        .args(["add", "The bridge is closed.", "--by", "Police", "--quiet"]));
    assert!(home.db().exists(), "the ledger the file names");
    let shown = home.ok(home.cmd().args(["show", "1", "--format", "json"]));
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["logged_by"], "Ana Ruiz");
    let listed = home.ok(home.cmd().args(["list"]));
    assert!(listed.contains("\x1b["), "color = always, piped: {listed}");
    let listed = home.ok(home.cmd().args(["list", "--color", "never"]));
    assert!(!listed.contains('\x1b'), "the flag wins: {listed}");
    let listed = home.ok(home.cmd().env("CLAIMTRAIL_COLOR", "never").arg("list"));
    assert!(!listed.contains('\x1b'), "the environment wins: {listed}");

    // A relative path in the file is read from the file's folder.
    home.write("db = \"claims.db\"\n");
    let (value, _) = home.setting(home.cmd().current_dir("/"), "db");
    assert_eq!(value, home.db().display().to_string());
}

/// Without $CLAIMTRAIL_CONFIG, the file is in the platform's config folder:
/// ~/.config/claimtrail/config.toml on Linux (here under a temporary home).
#[test]
fn the_file_lives_in_the_platform_config_folder() {
    let home = Home::new();
    let mut cmd = home.cmd();
    cmd.env_remove("CLAIMTRAIL_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .args(["config", "set", "reporter", "Ana Ruiz"]);
    let said = home.ok(&mut cmd);
    let path = home.dir.path().join(".config/claimtrail/config.toml");
    assert_eq!(said, format!("set reporter in {}\n", path.display()));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "reporter = \"Ana Ruiz\"\n"
    );
    let mut cmd = home.cmd();
    cmd.env_remove("CLAIMTRAIL_CONFIG")
        .env_remove("XDG_CONFIG_HOME");
    assert_eq!(
        home.setting(&mut cmd, "reporter"),
        ("Ana Ruiz".into(), in_file(1))
    );
    // The file named under the settings, whole, on a line of its own.
    let mut cmd = home.cmd();
    cmd.env_remove("CLAIMTRAIL_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .arg("config");
    let shown = home.ok(&mut cmd);
    assert!(
        shown.ends_with(&format!("config file: {}\n", path.display())),
        "{shown}"
    );
}

#[test]
fn config_set_writes_one_key_and_keeps_the_rest() {
    let home = Home::new();
    home.write(
        "# set up by the desk editor\nreporter = \"Ana Ruiz\" # her byline\ncolor = \"never\"\n",
    );
    let said = home.ok(home.cmd().args(["config", "set", "color", "always"]));
    assert_eq!(said, format!("set color in {}\n", home.config().display()));
    home.ok(home.cmd().args(["config", "set", "pager", "false"]));
    home.ok(home
        .cmd()
        .args(["config", "set", "reporter", "Ana María Ruiz"]));
    assert_eq!(
        home.read(),
        "# set up by the desk editor\nreporter = \"Ana María Ruiz\" # her byline\ncolor = \"always\"\npager = false\n"
    );
    home.ok(home.cmd().args(["config", "set", "pager", "less -S"]));
    assert!(
        home.read().ends_with("pager = \"less -S\"\n"),
        "{}",
        home.read()
    );

    // A relative ledger path is made absolute, so it means the same from every folder.
    let folder = tempfile::tempdir().unwrap();
    home.ok(home
        .cmd()
        .current_dir(folder.path())
        .args(["config", "set", "db", "news.db"]));
    let expected = folder.path().canonicalize().unwrap().join("news.db");
    let (value, _) = home.setting(&mut home.cmd(), "db");
    assert_eq!(
        Path::new(&value).canonicalize().ok(),
        None,
        "not created yet"
    );
    assert_eq!(
        Path::new(&value).parent().unwrap().canonicalize().unwrap(),
        expected.parent().unwrap()
    );
    // A desk URL without a password is fine.
    home.ok(home.cmd().args([
        "config",
        "set",
        "db",
        "postgres://ana@desk.example/newsroom",
    ]));
    assert_eq!(
        home.setting(&mut home.cmd(), "db").0,
        "postgres://ana@desk.example/newsroom"
    );
    // No stray temporary files beside it.
    let names: Vec<String> = std::fs::read_dir(home.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["config.toml"], "{names:?}");
}

/// Runs and expects exit 2, one line on stderr, nothing on stdout; returns the line.
fn refused(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    err.trim_end().to_owned()
}

#[test]
fn config_set_refuses_a_bad_key_or_value_and_leaves_the_file_alone() {
    let home = Home::new();
    let before = "color = \"never\"\n";
    home.write(before);
    let err = refused(home.cmd().args(["config", "set", "colour", "always"]));
    assert!(
        err.contains("'colour'") && err.contains("db, reporter, color, pager"),
        "{err}"
    );
    let err = refused(home.cmd().args(["config", "set", "color", "sometimes"]));
    assert_eq!(
        err,
        "claimtrail: color: expected auto, always or never, not \"sometimes\""
    );
    let err = refused(home.cmd().args(["config", "set", "reporter", "  "]));
    assert_eq!(err, "claimtrail: reporter: cannot be empty");
    let err = refused(home.cmd().args([
        "config",
        "set",
        "db",
        "postgres://ana:hunter2@desk.example/newsroom",
    ]));
    assert!(err.contains("must not hold a password"), "{err}");
    assert!(!err.contains("hunter2"), "{err}");
    let err = refused(home.cmd().args([
        "config",
        "set",
        "db",
        "postgres://ana@desk.example/newsroom?password=hunter2",
    ]));
    assert!(!err.contains("hunter2"), "{err}");
    assert_eq!(home.read(), before);
}

/// A malformed file: one line naming the file, the line and the key; exit 2; nothing else
/// happens, not even for a command that would write.
#[test]
fn a_malformed_file_is_one_line_naming_the_file_line_and_key() {
    let home = Home::new();
    let path = home.config().display().to_string();
    let cases = [
        (
            "db = \"/x.db\"\nreporter = \"Ana\n",
            format!("{path}:2: reporter: not valid TOML"),
        ),
        (
            "\n# comment\ncolour = \"always\"\n",
            format!(
                "{path}:3: colour: unknown setting (the settings are db, reporter, color, pager)"
            ),
        ),
        (
            "reporter = 42\n",
            format!("{path}:1: reporter: expected a string, not an integer"),
        ),
        (
            "pager = 1.5\n",
            format!("{path}:1: pager: expected true, false or a command in quotes, not a float"),
        ),
        (
            "color = \"sometimes\"\n",
            format!("{path}:1: color: expected auto, always or never, not \"sometimes\""),
        ),
        (
            "reporter = \"Ana\"\ndb = \"postgres://ana:hunter2@desk/news\"\n",
            format!("{path}:2: db: a desk URL here must not hold a password"),
        ),
        (
            "reporter = \"\"\n",
            format!("{path}:1: reporter: cannot be empty"),
        ),
        (
            "[db]\npath = \"/x.db\"\n",
            format!("{path}:1: db: expected a string, not a table"),
        ),
    ];
    for (text, expected) in cases {
        home.write(text);
        for args in [
            &["config"][..],
            &["list"][..],
            &["add", "The bridge is closed.", "--by", "Police", "--db"][..],
        ] {
            let mut cmd = home.cmd();
            cmd.args(args);
            if args[0] == "add" {
                cmd.arg(home.db());
            }
            let err = refused(&mut cmd);
            assert!(
                err.starts_with(&format!("claimtrail: {expected}")),
                "{text:?} {args:?}:\n{err}\nexpected {expected}"
            );
            assert!(!err.contains("hunter2"), "{err}");
        }
        assert!(!home.db().exists(), "nothing else happens: {text:?}");
        // config set too refuses to touch a file it cannot read.
        refused(home.cmd().args(["config", "set", "color", "never"]));
        assert_eq!(home.read(), text);
    }
}
