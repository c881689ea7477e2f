//! The configuration file, and where each setting in effect comes from. The file lives in
//! the platform's config folder (`~/.config/claimtrail/config.toml` on Linux), or wherever
//! `$CLAIMTRAIL_CONFIG` names, and holds four keys:
//!
//! ```toml
//! db = "/home/ana/news/claims.db"   # or "postgres://ana@desk.example/newsroom", no password
//! reporter = "Ana Ruiz"
//! color = "auto"                    # auto, always or never
//! pager = true                      # true, false, or a command such as "less -S"
//! ```
//!
//! A flag beats claimtrail's own environment variable, which beats the file. General
//! environment variables that every program reads (`$NO_COLOR`, `$PAGER`, `$USER`) are
//! defaults the file overrides, as git treats `$PAGER` and as no-color.org asks of
//! `$NO_COLOR`.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::error::usage;

/// The keys the file may hold, in the order `claimtrail config` prints them.
pub const KEYS: [&str; 4] = ["db", "reporter", "color", "pager"];

/// The pager used when nothing else is chosen: quits at once when the output fits the screen
/// (F), passes colour through (R), and leaves the output on the screen when it quits (X).
pub const DEFAULT_PAGER: &str = "less -FRX";

/// When standard output gets colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Auto,
    Always,
    Never,
}

impl Colour {
    fn parse(s: &str) -> Result<Colour, String> {
        match s {
            "auto" => Ok(Colour::Auto),
            "always" => Ok(Colour::Always),
            "never" => Ok(Colour::Never),
            _ => Err(format!("expected auto, always or never, not \"{s}\"")),
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Colour::Auto => "auto",
            Colour::Always => "always",
            Colour::Never => "never",
        }
    }
}

/// Whether long output goes through a pager, and which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pager {
    Off,
    /// The default pager, `less -FRX`.
    On,
    /// A command for `sh`, given the output on its standard input.
    Command(String),
}

impl fmt::Display for Pager {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pager::Off => f.write_str("off"),
            Pager::On => f.write_str(DEFAULT_PAGER),
            Pager::Command(command) => f.write_str(command),
        }
    }
}

/// A value as the file gives it, and the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<T> {
    pub value: T,
    pub line: usize,
}

/// What the configuration file says; a setting it leaves out is `None`.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where the file is, or would be; `None` when the platform has no config folder.
    pub path: Option<PathBuf>,
    /// Whether the file exists.
    pub found: bool,
    pub db: Option<Entry<String>>,
    pub reporter: Option<Entry<String>>,
    pub color: Option<Entry<Colour>>,
    pub pager: Option<Entry<Pager>>,
}

/// Where the file is: `$CLAIMTRAIL_CONFIG`, else `claimtrail/config.toml` in the platform's
/// config folder.
pub fn path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CLAIMTRAIL_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    Some(dirs::config_dir()?.join("claimtrail").join("config.toml"))
}

/// Reads the file; a missing one is an empty configuration, a malformed one a usage error
/// of one line naming the file, the line and the key.
pub fn load() -> Result<Config> {
    let Some(path) = path() else {
        return Ok(Config::default());
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Config {
                path: Some(path),
                ..Config::default()
            });
        }
        Err(e) => {
            return Err(usage(format!("{}: cannot read it: {e}", path.display())));
        }
    };
    let mut config = parse(&text).map_err(|e| usage(e.at(&path)))?;
    // A ledger path in the file is read from the file's folder, or from home with `~/`.
    if let Some(entry) = &mut config.db
        && !crate::store::pg::is_url(&entry.value)
    {
        let home = entry.value.strip_prefix("~/").zip(dirs::home_dir());
        if let Some((rest, home)) = home {
            entry.value = home.join(rest).display().to_string();
        } else if let Some(folder) = path
            .parent()
            .filter(|_| Path::new(&entry.value).is_relative())
        {
            entry.value = folder.join(&entry.value).display().to_string();
        }
    }
    config.path = Some(path);
    config.found = true;
    Ok(config)
}

/// What is wrong with a file, and where.
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed {
    pub line: usize,
    pub key: Option<String>,
    pub problem: String,
}

impl Malformed {
    fn at(&self, path: &Path) -> String {
        match &self.key {
            Some(key) => format!("{}:{}: {key}: {}", path.display(), self.line, self.problem),
            None => format!("{}:{}: {}", path.display(), self.line, self.problem),
        }
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Reads a configuration from the text of a file.
pub fn parse(text: &str) -> Result<Config, Malformed> {
    let doc = toml_edit::Document::parse(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let line = line_of(text, offset);
        // The key the broken line was setting, when it got as far as one.
        let key = text
            .lines()
            .nth(line - 1)
            .and_then(|l| l.split_once('='))
            .map(|(k, _)| k.trim().trim_matches('"').to_owned())
            .filter(|k| !k.is_empty() && !k.contains(char::is_whitespace));
        let problem = e.message().lines().next().unwrap_or("not TOML").to_owned();
        Malformed {
            line,
            key,
            problem: format!("not valid TOML: {}", problem.trim_end_matches('.')),
        }
    })?;
    let mut config = Config::default();
    for (key, item) in doc.iter() {
        let line = doc
            .key(key)
            .and_then(|k| k.span())
            .map_or(1, |s| line_of(text, s.start));
        let bad = |problem: String| Malformed {
            line,
            key: Some(key.to_owned()),
            problem,
        };
        let string = || -> Result<&str, Malformed> {
            item.as_str()
                .ok_or_else(|| bad(format!("expected a string, not {}", type_name(item))))
        };
        match key {
            "db" => {
                let value = check_db(string()?).map_err(bad)?;
                config.db = Some(Entry { value, line });
            }
            "reporter" => {
                let value = check_reporter(string()?).map_err(bad)?;
                config.reporter = Some(Entry { value, line });
            }
            "color" => {
                let value = string().and_then(|s| Colour::parse(s).map_err(bad))?;
                config.color = Some(Entry { value, line });
            }
            "pager" => {
                let value = match (item.as_bool(), item.as_str()) {
                    (Some(true), _) => Pager::On,
                    (Some(false), _) => Pager::Off,
                    (_, Some(command)) => check_pager_command(command).map_err(bad)?,
                    _ => {
                        return Err(bad(format!(
                            "expected true, false or a command in quotes, not {}",
                            type_name(item)
                        )));
                    }
                };
                config.pager = Some(Entry { value, line });
            }
            _ => {
                return Err(bad(format!(
                    "unknown setting (the settings are {})",
                    KEYS.join(", ")
                )));
            }
        }
    }
    Ok(config)
}

fn type_name(item: &toml_edit::Item) -> String {
    let name = item.type_name();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

/// A ledger path or desk URL; a URL may name its user but never a password, which belongs
/// in `~/.pgpass` or `$PGPASSWORD`, not in a file that is copied around.
fn check_db(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("cannot be empty".into());
    }
    if crate::store::pg::is_url(value)
        && (crate::store::pg::shown(value) != value || value.contains("password="))
    {
        return Err(
            "a desk URL here must not hold a password: give postgres://USER@HOST/DBNAME and keep the password in ~/.pgpass or $PGPASSWORD"
                .into(),
        );
    }
    Ok(value.to_owned())
}

fn check_reporter(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        Err("cannot be empty".into())
    } else {
        Ok(value.to_owned())
    }
}

fn check_pager_command(value: &str) -> Result<Pager, String> {
    if value.trim().is_empty() {
        Err("cannot be empty (pager = false turns the pager off)".into())
    } else {
        Ok(Pager::Command(value.trim().to_owned()))
    }
}

/// Checks a value given to `config set` as the file would, turned into TOML.
fn toml_value(key: &str, value: &str) -> Result<toml_edit::Value, String> {
    match key {
        "db" => {
            let db = check_db(value)?;
            Ok(absolute_db(&db).into())
        }
        "reporter" => Ok(check_reporter(value)?.into()),
        "color" => Ok(Colour::parse(value.trim())?.as_str().into()),
        "pager" => match value.trim() {
            "true" => Ok(true.into()),
            "false" => Ok(false.into()),
            command => match check_pager_command(command)? {
                Pager::Command(command) => Ok(command.into()),
                _ => unreachable!("a command is a command"),
            },
        },
        _ => unreachable!("keys are checked first"),
    }
}

/// A ledger path made absolute, so that the setting means the same from every folder.
fn absolute_db(db: &str) -> String {
    if crate::store::pg::is_url(db) || Path::new(db).is_absolute() {
        return db.to_owned();
    }
    match std::env::current_dir() {
        Ok(dir) => dir.join(db).display().to_string(),
        Err(_) => db.to_owned(),
    }
}

/// Writes one setting into the file, keeping the others and any comments; the file is
/// replaced whole, so a reader never sees it half written.
pub fn set(key: &str, value: &str) -> Result<PathBuf> {
    if !KEYS.contains(&key) {
        return Err(usage(format!(
            "unknown setting \"{key}\" (the settings are {})",
            KEYS.join(", ")
        )));
    }
    let config = load()?;
    let Some(path) = config.path else {
        return Err(usage(
            "cannot find a config folder on this platform; set CLAIMTRAIL_CONFIG to a file",
        ));
    };
    let value = toml_value(key, value).map_err(|problem| usage(format!("{key}: {problem}")))?;
    let text = if config.found {
        std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?
    } else {
        String::new()
    };
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .with_context(|| format!("cannot read {}", path.display()))?;
    match doc.get_mut(key).and_then(toml_edit::Item::as_value_mut) {
        // Keeps a comment after the old value on its line.
        Some(old) => {
            let decor = old.decor().clone();
            *old = value;
            *old.decor_mut() = decor;
        }
        None => doc[key] = toml_edit::Item::Value(value),
    }
    write_atomically(&path, doc.to_string().as_bytes())?;
    Ok(path)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(folder) = folder {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config.toml".into());
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
    }
    Ok(())
}

/// Where a setting in effect comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Environment(&'static str),
    File { path: PathBuf, line: usize },
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Environment(name) => write!(f, "environment {name}"),
            // The file's path is shown once, under the settings.
            Source::File { line, .. } => write!(f, "config file, line {line}"),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A setting in effect and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// What was given on the command line, for the settings the file also holds.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub db: Option<String>,
    pub reporter: Option<String>,
    pub color: Option<Colour>,
    pub no_pager: bool,
}

/// Every setting in effect.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `None`: the default ledger, claims.db in the platform data folder.
    pub db: Setting<Option<String>>,
    /// `None`: no name known (on a desk server, the login is recorded instead).
    pub reporter: Setting<Option<String>>,
    pub color: Setting<Colour>,
    pub pager: Setting<Pager>,
}

/// Settles each setting: flag, claimtrail's environment variable, the file, a general
/// environment variable, the default. `env` reads the environment (a parameter so that
/// every order can be tested); empty variables count as unset.
pub fn resolve(flags: &Flags, config: &Config, env: &dyn Fn(&str) -> Option<String>) -> Settings {
    let env = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let from_file = |line: usize| Source::File {
        path: config.path.clone().unwrap_or_default(),
        line,
    };
    let db = if let Some(db) = &flags.db {
        Setting {
            value: Some(db.clone()),
            source: Source::Flag("--db"),
        }
    } else if let Some(db) = env("CLAIMTRAIL_DB") {
        Setting {
            value: Some(db),
            source: Source::Environment("CLAIMTRAIL_DB"),
        }
    } else if let Some(entry) = &config.db {
        Setting {
            value: Some(entry.value.clone()),
            source: from_file(entry.line),
        }
    } else {
        Setting {
            value: None,
            source: Source::Default,
        }
    };

    let reporter = if let Some(name) = &flags.reporter {
        Setting {
            value: Some(name.clone()),
            source: Source::Flag("--reporter"),
        }
    } else if let Some(name) = env("CLAIMTRAIL_REPORTER") {
        Setting {
            value: Some(name.trim().to_owned()),
            source: Source::Environment("CLAIMTRAIL_REPORTER"),
        }
    } else if let Some(entry) = &config.reporter {
        Setting {
            value: Some(entry.value.clone()),
            source: from_file(entry.line),
        }
    } else {
        let login = ["USER", "LOGNAME", "USERNAME"]
            .into_iter()
            .find_map(|name| env(name).map(|v| (name, v.trim().to_owned())));
        match login {
            Some((name, value)) => Setting {
                value: Some(value),
                source: Source::Environment(name),
            },
            None => Setting {
                value: None,
                source: Source::Default,
            },
        }
    };

    let color = if let Some(colour) = flags.color {
        Setting {
            value: colour,
            source: Source::Flag("--color"),
        }
    } else if let Some(colour) = env("CLAIMTRAIL_COLOR").and_then(|c| Colour::parse(c.trim()).ok())
    {
        Setting {
            value: colour,
            source: Source::Environment("CLAIMTRAIL_COLOR"),
        }
    } else if let Some(entry) = &config.color {
        Setting {
            value: entry.value,
            source: from_file(entry.line),
        }
    } else if env("NO_COLOR").is_some() {
        Setting {
            value: Colour::Never,
            source: Source::Environment("NO_COLOR"),
        }
    } else {
        Setting {
            value: Colour::Auto,
            source: Source::Default,
        }
    };

    let pager = if flags.no_pager {
        Setting {
            value: Pager::Off,
            source: Source::Flag("--no-pager"),
        }
    } else if let Some(command) = env("CLAIMTRAIL_PAGER") {
        Setting {
            value: command_or_off(command),
            source: Source::Environment("CLAIMTRAIL_PAGER"),
        }
    } else if let Some(entry) = &config.pager {
        Setting {
            value: entry.value.clone(),
            source: from_file(entry.line),
        }
    } else if let Some(command) = env("PAGER") {
        Setting {
            value: command_or_off(command),
            source: Source::Environment("PAGER"),
        }
    } else {
        Setting {
            value: Pager::On,
            source: Source::Default,
        }
    };

    Settings {
        db,
        reporter,
        color,
        pager,
    }
}

/// A pager command from the environment; `cat`, as for git, means none.
fn command_or_off(command: String) -> Pager {
    match command.trim() {
        "cat" => Pager::Off,
        command => Pager::Command(command.to_owned()),
    }
}

impl Settings {
    /// Each setting as `claimtrail config` shows it: key, value, source.
    pub fn rows(&self, default_db: &str) -> Vec<[String; 3]> {
        let db = match &self.db.value {
            Some(db) if crate::store::pg::is_url(db) => crate::store::pg::shown(db),
            Some(db) => db.clone(),
            None => default_db.to_owned(),
        };
        let reporter = self
            .reporter
            .value
            .clone()
            .unwrap_or_else(|| "(none)".into());
        vec![
            ["db".into(), db, self.db.source.to_string()],
            [
                "reporter".into(),
                reporter,
                self.reporter.source.to_string(),
            ],
            [
                "color".into(),
                self.color.value.as_str().into(),
                self.color.source.to_string(),
            ],
            [
                "pager".into(),
                self.pager.value.to_string(),
                self.pager.source.to_string(),
            ],
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Config {
        let mut config = parse(text).expect("a good file");
        config.path = Some(PathBuf::from("/c.toml"));
        config.found = true;
        config
    }

    fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    const FULL: &str =
        "# mine\ndb = \"/f.db\"\nreporter = \"File Name\"\ncolor = \"always\"\npager = \"most\"\n";

    #[test]
    fn a_flag_beats_the_environment_which_beats_the_file() {
        let config = file(FULL);
        let flags = Flags {
            db: Some("/flag.db".into()),
            reporter: Some("Flag Name".into()),
            color: Some(Colour::Never),
            no_pager: true,
        };
        let env = env_of(&[
            ("CLAIMTRAIL_DB", "/env.db"),
            ("CLAIMTRAIL_REPORTER", "Env Name"),
            ("CLAIMTRAIL_COLOR", "auto"),
            ("CLAIMTRAIL_PAGER", "more"),
        ]);
        let s = resolve(&flags, &config, &env);
        assert_eq!(s.db.value.as_deref(), Some("/flag.db"));
        assert_eq!(s.db.source, Source::Flag("--db"));
        assert_eq!(s.reporter.source, Source::Flag("--reporter"));
        assert_eq!(s.color.value, Colour::Never);
        assert_eq!(s.pager.value, Pager::Off);

        let s = resolve(&Flags::default(), &config, &env);
        assert_eq!(s.db.value.as_deref(), Some("/env.db"));
        assert_eq!(s.db.source, Source::Environment("CLAIMTRAIL_DB"));
        assert_eq!(s.reporter.value.as_deref(), Some("Env Name"));
        assert_eq!(s.color.value, Colour::Auto);
        assert_eq!(s.color.source, Source::Environment("CLAIMTRAIL_COLOR"));
        assert_eq!(s.pager.value, Pager::Command("more".into()));

        let s = resolve(&Flags::default(), &config, &env_of(&[("USER", "login")]));
        assert_eq!(s.db.value.as_deref(), Some("/f.db"));
        assert_eq!(
            s.db.source,
            Source::File {
                path: "/c.toml".into(),
                line: 2
            }
        );
        assert_eq!(s.reporter.value.as_deref(), Some("File Name"));
        assert_eq!(s.color.value, Colour::Always);
        assert_eq!(s.pager.value, Pager::Command("most".into()));
        assert_eq!(
            s.pager.source,
            Source::File {
                path: "/c.toml".into(),
                line: 5
            }
        );
    }

    #[test]
    fn the_file_beats_the_general_environment_variables() {
        let config = file("color = \"always\"\npager = false\n");
        let env = env_of(&[("NO_COLOR", "1"), ("PAGER", "most"), ("USER", "login")]);
        let s = resolve(&Flags::default(), &config, &env);
        assert_eq!(s.color.value, Colour::Always);
        assert_eq!(s.pager.value, Pager::Off);
        assert_eq!(s.reporter.value.as_deref(), Some("login"));
        assert_eq!(s.reporter.source, Source::Environment("USER"));
        // Without the file, they count.
        let s = resolve(&Flags::default(), &Config::default(), &env);
        assert_eq!(s.color.value, Colour::Never);
        assert_eq!(s.color.source, Source::Environment("NO_COLOR"));
        assert_eq!(s.pager.value, Pager::Command("most".into()));
    }

    #[test]
    fn defaults_when_nothing_is_said() {
        let s = resolve(&Flags::default(), &Config::default(), &env_of(&[]));
        assert_eq!(s.db.value, None);
        assert_eq!(s.db.source, Source::Default);
        assert_eq!(s.reporter.value, None);
        assert_eq!(s.color.value, Colour::Auto);
        assert_eq!(s.pager.value, Pager::On);
        assert_eq!(s.pager.source, Source::Default);
        // Empty variables are unset; PAGER=cat means no pager, as for git.
        let env = env_of(&[("CLAIMTRAIL_DB", ""), ("NO_COLOR", ""), ("PAGER", "cat")]);
        let s = resolve(&Flags::default(), &Config::default(), &env);
        assert_eq!(s.db.source, Source::Default);
        assert_eq!(s.color.value, Colour::Auto);
        assert_eq!(s.pager.value, Pager::Off);
    }

    fn malformed(text: &str) -> (usize, Option<String>, String) {
        let e = parse(text).expect_err("a bad file");
        (e.line, e.key, e.problem)
    }

    #[test]
    fn a_bad_file_says_which_line_and_key() {
        let (line, key, problem) = malformed("db = \"/x\"\ncolor = \"sometimes\"\n");
        assert_eq!((line, key.as_deref()), (2, Some("color")));
        assert!(problem.contains("auto, always or never"), "{problem}");

        let (line, key, problem) = malformed("\n\ncolour = \"auto\"\n");
        assert_eq!((line, key.as_deref()), (3, Some("colour")));
        assert!(problem.contains("unknown setting"), "{problem}");

        let (line, key, problem) = malformed("reporter = 3\n");
        assert_eq!((line, key.as_deref()), (1, Some("reporter")));
        assert!(
            problem.contains("expected a string, not an integer"),
            "{problem}"
        );

        let (line, key, problem) = malformed("pager = 1.5\n");
        assert_eq!((line, key.as_deref()), (1, Some("pager")));
        assert!(problem.contains("true, false or a command"), "{problem}");

        let (line, key, problem) = malformed("db = \"/x\"\nreporter = \"Ana\n");
        assert_eq!((line, key.as_deref()), (2, Some("reporter")));
        assert!(problem.starts_with("not valid TOML"), "{problem}");

        let (line, key, problem) = malformed("db = \"postgres://ana:secret@desk/news\"\n");
        assert_eq!((line, key.as_deref()), (1, Some("db")));
        assert!(problem.contains("must not hold a password"), "{problem}");
        assert!(!problem.contains("secret"));

        let (line, key, _) = malformed("[db]\npath = \"/x\"\n");
        assert_eq!((line, key.as_deref()), (1, Some("db")));
    }

    #[test]
    fn a_desk_url_without_a_password_is_fine() {
        let config = file("db = \"postgres://ana@desk.example/news\"\n");
        assert_eq!(
            config.db.map(|e| e.value).as_deref(),
            Some("postgres://ana@desk.example/news")
        );
    }
}
