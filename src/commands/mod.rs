//! One module per subcommand, each a short `run`; this one dispatches and holds what they
//! share: where the ledger is, who is logging, and what time it is.

mod add;
mod attribution;
mod backup;
mod check;
mod cite;
mod completions;
mod config;
mod demo;
mod desk;
mod edit;
mod export;
mod extract;
mod import;
mod list;
mod mark;
mod outlets;
mod pull;
mod push;
mod report;
mod retract;
mod show;
mod sources;
mod stories;
mod twins;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context as _, Result, anyhow};

use crate::cli::{Cli, Command, FilterArgs, Since};
use crate::config::{Colour, Flags, Settings};
use crate::model::Status;
use crate::render::Style;
use crate::store::{ClaimFilter, Ledger};
use crate::time::Timestamp;

/// What every command may need from the global options, the configuration file and the
/// environment.
pub struct Context {
    /// `--db` as given, kept as a path (it need not be UTF-8).
    db: Option<PathBuf>,
    settings: Settings,
    wide: bool,
}

impl Context {
    /// How to style what goes to standard output: `always` colours it wherever it goes,
    /// `auto` only on a terminal. Tables fit `$COLUMNS`, else the terminal, else 80
    /// columns; with `--wide`, rows run on one line.
    fn stdout_style(&self) -> Style {
        let terminal = io::stdout().is_terminal();
        let colour = match self.settings.color.value {
            Colour::Always => true,
            Colour::Never => false,
            Colour::Auto => terminal,
        };
        let terminal_width = terminal_size::terminal_size_of(io::stdout())
            .map(|(w, _)| w.0)
            .filter(|_| terminal);
        Style {
            colour,
            width: self.width(terminal_width),
        }
    }

    /// How to style a file written with `--output`: plain text for whoever opens it, laid
    /// out as for a pipe, whatever standard output is.
    fn file_style(&self) -> Style {
        Style {
            colour: false,
            width: self.width(None),
        }
    }

    /// `--wide`: none; else `$COLUMNS`, the terminal's, or the conventional 80.
    fn width(&self, terminal: Option<u16>) -> Option<u16> {
        if self.wide {
            return None;
        }
        Some(columns().or(terminal).unwrap_or(CONVENTIONAL_WIDTH))
    }

    /// The ledger `--db`, `$CLAIMTRAIL_DB` or the config file names, else claims.db in the
    /// platform data folder.
    pub fn db_path(&self) -> Result<PathBuf> {
        if let Some(path) = &self.db {
            return Ok(path.clone());
        }
        if let Some(path) = &self.settings.db.value {
            return Ok(PathBuf::from(path));
        }
        let path = default_db()
            .ok_or_else(|| anyhow!("cannot find a data folder for the ledger; give --db PATH"))?;
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("cannot create {}", folder.display()))?;
        }
        Ok(path)
    }

    /// Whether there is a ledger to read yet: a desk server always has one.
    fn has_ledger(&self) -> Result<bool> {
        Ok(self.has_desk()? || self.db_path()?.exists())
    }

    fn has_desk(&self) -> Result<bool> {
        Ok(crate::store::pg::is_url(&self.db_path()?.to_string_lossy()))
    }

    /// The local ledger a push or pull works on, and the desk server at `url`.
    fn local_and_desk(&self, url: &str) -> Result<(Box<dyn Ledger>, Box<dyn Ledger>)> {
        if !crate::store::pg::is_url(url) {
            return Err(crate::error::usage(format!(
                "\"{url}\" is not a desk server: give postgres://USER@HOST[:PORT]/DBNAME"
            )));
        }
        if self.has_desk()? {
            return Err(crate::error::usage(
                "push and pull move claims between a ledger file and a desk server: give --db a ledger file",
            ));
        }
        let desk = crate::store::open(url)?;
        Ok((self.store()?, desk))
    }

    /// The `--db` given on the command line, to repeat in a command suggested to the user.
    fn db_flag(&self) -> Option<String> {
        self.db.as_ref().map(|p| shown_db(p))
    }

    /// The ledger, on whichever backend `--db` names.
    fn store(&self) -> Result<Box<dyn Ledger>> {
        crate::store::open(&self.db_path()?.to_string_lossy())
    }

    /// `--reporter`, `$CLAIMTRAIL_REPORTER`, the config file's, else the login name. A desk
    /// server records its connection's role whatever is given, so there it need not be set.
    fn reporter(&self) -> Result<String> {
        let named = self.settings.reporter.value.clone();
        if self.has_desk()? {
            return Ok(named.unwrap_or_else(|| "desk".to_owned()));
        }
        named.filter(|r| !r.is_empty()).ok_or_else(|| {
            anyhow!(
                "who is logging? give --reporter NAME, set CLAIMTRAIL_REPORTER, or run claimtrail config set reporter NAME"
            )
        })
    }
}

/// claims.db in the platform data folder, where the ledger is when nothing names one.
fn default_db() -> Option<PathBuf> {
    Some(dirs::data_dir()?.join("claimtrail").join("claims.db"))
}

/// The width tables fit when nothing says otherwise: a terminal's as it usually opens.
const CONVENTIONAL_WIDTH: u16 = 80;

/// The width `$COLUMNS` asks tables to fit, if it is set to one.
fn columns() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&c| c > 0)
}

/// A ledger's path, or a desk server's URL without its password, for what is printed.
fn shown_db(db: &std::path::Path) -> String {
    let db = db.display().to_string();
    if crate::store::pg::is_url(&db) {
        crate::store::pg::shown(&db)
    } else {
        db
    }
}

/// A word quoted for a POSIX shell, for the commands the program suggests.
fn shell_quote(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@%+,".contains(c));
    if plain {
        value.to_owned()
    } else {
        format!("'{}'", value.replace('\'', "'\\''"))
    }
}

fn now() -> Result<Timestamp> {
    Timestamp::now().map_err(|e| anyhow!(e))
}

/// The claims `list` or `export` should take.
fn claim_filter(args: FilterArgs, statuses: Vec<Status>, now: Timestamp) -> ClaimFilter {
    ClaimFilter {
        statuses,
        by: args.claimant,
        via: args.via,
        story: args.story,
        since: args.since.map(|s| since_time(s, now)),
        logged_before: args.older_than.map(|d| now.minus(d)),
        search: args.search,
        limit: args.limit,
        changed_since: None,
    }
}

/// The moment a `--since` value stands for.
fn since_time(since: Since, now: Timestamp) -> Timestamp {
    match since {
        Since::At(t) => t,
        Since::Within(d) => now.minus(d),
    }
}

pub fn run(cli: Cli) -> Result<()> {
    // A malformed config file stops everything, before anything is read or written.
    let file = crate::config::load()?;
    let flags = Flags {
        db: cli.db.as_ref().map(|p| p.to_string_lossy().into_owned()),
        reporter: cli.reporter,
        color: cli.color.map(Into::into),
        no_pager: cli.no_pager,
    };
    let settings = crate::config::resolve(&flags, &file, &|name| std::env::var(name).ok());
    let ctx = Context {
        db: cli.db,
        settings,
        wide: cli.wide,
    };
    if let Command::Config(args) = cli.command {
        let mut out = io::stdout().lock();
        return config::run(&ctx, &file, args, &mut out);
    }
    let pager = if pages(&cli.command) && io::stdout().is_terminal() {
        crate::pager::start(&ctx.settings.pager.value)
    } else {
        None
    };
    let Some((pager, input)) = pager else {
        // Buffered: a report of thousands of rows is otherwise a write per line.
        let mut out = io::BufWriter::new(io::stdout().lock());
        dispatch(&ctx, cli.command, &mut out)?;
        out.flush()?;
        return Ok(());
    };
    let mut out = io::BufWriter::new(input);
    let result = dispatch(&ctx, cli.command, &mut out).and_then(|()| Ok(out.flush()?));
    // The pager sees the end of the output, and the reader has it until they quit; a
    // reader quitting early is a closed pipe, which `error::report` keeps quiet.
    drop(out);
    pager.wait()?;
    result
}

/// Whether a command's output can run long enough to page, as git pages `log` and `show`:
/// the listings and reports, written to standard output.
fn pages(command: &Command) -> bool {
    match command {
        Command::List(_) | Command::Show(_) | Command::Demo(_) => true,
        Command::Sources(args) => args.action.is_none(),
        Command::Outlets(args) => args.action.is_none(),
        Command::Report(args) => args.output.is_none(),
        Command::Stories(args) => !args.names,
        Command::Extract(args) => !args.add && !args.interactive,
        Command::Export(args) => args.output.as_ref().is_none_or(|p| p.as_os_str() == "-"),
        _ => false,
    }
}

fn dispatch(ctx: &Context, command: Command, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Add(args) => add::run(ctx, args, out),
        Command::Cite(args) => cite::run(ctx, args, out),
        Command::Mark(args) => mark::run(ctx, args, out),
        Command::Edit(args) => edit::run(ctx, args, out),
        Command::Retract(args) => retract::run(ctx, args, out),
        Command::List(args) => list::run(ctx, args, out),
        Command::Show(args) => show::run(ctx, args, out),
        Command::Report(args) => report::run(ctx, args, out),
        Command::Sources(args) => sources::run(ctx, args, out),
        Command::Outlets(args) => outlets::run(ctx, args, out),
        Command::Export(args) => export::run(ctx, args, out),
        Command::Import(args) => import::run(ctx, args, out),
        Command::Check => check::run(ctx, out),
        Command::Backup(args) => backup::run(ctx, args, out),
        Command::Demo(args) => demo::run(ctx, args, out),
        Command::Extract(args) => extract::run(ctx, args, out),
        Command::Stories(args) => stories::run(ctx, args, out),
        Command::Desk(command) => desk::run(command, out),
        Command::Push(args) => push::run(ctx, args, out),
        Command::Pull(args) => pull::run(ctx, args, out),
        Command::Completions(args) => completions::completions(args, out),
        Command::Man => completions::man(out),
        Command::Config(_) => unreachable!("run handles config before any output"),
    }
}
