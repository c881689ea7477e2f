//! The command line, declared with clap. Doc comments here are the help text.

use std::path::PathBuf;

use chrono::Duration;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::exchange::claimreview::is_web_address;
use crate::model::{
    self, ClaimId, ClaimantKind, Credibility, OutletKind, Reliability, Status, check_outlet_name,
};
use crate::time::{self, Timestamp};

/// Track the claims in a fast-moving story: who made them, which outlets relayed them, and
/// where verification stands.
#[derive(Debug, Parser)]
#[command(
    name = "claimtrail",
    version,
    max_term_width = 100,
    arg_required_else_help = true
)]
pub struct Cli {
    /// The ledger: a file, or a desk server as postgres://USER@HOST[:PORT]/DBNAME
    /// [default: $CLAIMTRAIL_DB, else the config file's db, else claims.db in the platform
    /// data folder]
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub db: Option<PathBuf>,

    /// Who is logging [default: $CLAIMTRAIL_REPORTER, else the config file's reporter,
    /// else $USER]
    #[arg(long, global = true, value_name = "NAME", value_parser = non_empty("reporter name"),
          help_heading = "Global options")]
    pub reporter: Option<String>,

    /// Colour on standard output: auto (on a terminal, unless NO_COLOR is set), always or
    /// never; files written with --output are plain text [default: $CLAIMTRAIL_COLOR, else
    /// the config file's color, else auto]
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        help_heading = "Global options"
    )]
    pub color: Option<ColorChoice>,

    /// Tables without a width limit: every row on one line, as wide as it needs (tables
    /// otherwise fit the terminal, or $COLUMNS, or 80 columns when piped)
    #[arg(long, global = true, help_heading = "Global options")]
    pub wide: bool,

    /// Never send output through a pager (on a terminal, long output goes through
    /// $CLAIMTRAIL_PAGER, the config file's pager, $PAGER or less -FRX)
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_pager: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log a claim: who made it and who relayed it; prints its id
    Add(AddArgs),
    /// Find the attributed claims in a piece of copy, ready to log
    Extract(ExtractArgs),
    /// Add another attribution to a claim (how corroboration is recorded)
    Cite(CiteArgs),
    /// Record a change in where verification of a claim stands
    Mark(MarkArgs),
    /// Correct a claim's text, story or date; the old value stays in its history
    Edit(EditArgs),
    /// Record that a claim was withdrawn by its claimant or outlet (claims are never deleted)
    Retract(RetractArgs),
    /// List claims, open ones by default, oldest first
    List(ListArgs),
    /// Show one claim whole: text, every attribution, the full status history
    Show(ShowArgs),
    /// How each claimant and outlet has done so far
    Report(ReportArgs),
    /// List the stories, with how many claims each has and how many are open
    Stories(StoriesArgs),
    /// List claimants with their counts, or edit or merge them
    Sources(SourcesArgs),
    /// List outlets with their counts, or edit or merge them
    Outlets(OutletsArgs),
    /// Write claims out: claimtrail's JSON or JSONL, a CSV sheet, or ClaimReview
    Export(ExportArgs),
    /// Read claims in from JSON, JSONL or a CSV sheet, merging by uid
    Import(ImportArgs),
    /// Check the ledger: SQLite's integrity checks and claimtrail's own invariants
    Check,
    /// Copy the ledger consistently, even while others are writing to it
    Backup(BackupArgs),
    /// Build a sample ledger from a 2014 news article and show the list and the report
    Demo(DemoArgs),
    /// The desk ledger on a PostgreSQL server: `desk init URL` sets one up
    #[command(subcommand)]
    Desk(DeskCommand),
    /// Send this ledger's claims and status changes to a desk server (after working offline)
    Push(SyncArgs),
    /// Bring a desk server's claims and status changes into this ledger
    Pull(SyncArgs),
    /// Print a shell's completion script: bash, zsh, fish, elvish or powershell
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man`
    Man,
    /// Show the settings in effect and where each comes from; `config set KEY VALUE` writes
    /// one to the config file
    Config(ConfigArgs),
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: Option<ConfigAction>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Write one setting to the config file, keeping the others: db (a ledger path, or a
    /// desk URL without a password), reporter, color (auto, always, never), pager (true,
    /// false, or a command)
    Set {
        #[arg(value_name = "KEY", value_parser = clap::builder::PossibleValuesParser::new(crate::config::KEYS))]
        key: String,
        #[arg(value_name = "VALUE", allow_hyphen_values = true)]
        value: String,
    },
    /// Print where the config file is, or would be
    Path,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

impl From<ColorChoice> for crate::config::Colour {
    fn from(choice: ColorChoice) -> Self {
        match choice {
            ColorChoice::Auto => crate::config::Colour::Auto,
            ColorChoice::Always => crate::config::Colour::Always,
            ColorChoice::Never => crate::config::Colour::Never,
        }
    }
}

impl From<Format> for crate::render::Format {
    fn from(format: Format) -> Self {
        match format {
            Format::Table => crate::render::Format::Table,
            Format::Json => crate::render::Format::Json,
            Format::Csv => crate::render::Format::Csv,
        }
    }
}

/// Who made a claim and how it reached us, shared by `add` and `cite`.
#[derive(Debug, Args)]
pub struct AttributionArgs {
    /// Who made the claim: a person, organization, official or anonymous source
    #[arg(long = "by", value_name = "CLAIMANT", value_parser = non_empty("claimant name"))]
    pub claimant: String,

    /// The claimant's role, such as "spokesman"
    #[arg(long, value_parser = non_empty("role"))]
    pub role: Option<String>,

    /// The claimant's affiliation, such as "Islamic State in Iraq and the Levant"
    #[arg(long, value_parser = non_empty("affiliation"))]
    pub affiliation: Option<String>,

    /// What sort of claimant [default: person]
    #[arg(long, value_name = "KIND", value_parser = Vocabulary(parse_claimant_kind, ClaimantKind::WORDS))]
    pub kind: Option<ClaimantKind>,

    /// Keep the claimant's identity inside the newsroom: shown as "confidential source #N"
    #[arg(long)]
    pub confidential: bool,

    /// An outlet that relayed it, nearest to the claimant first; repeat for the chain
    #[arg(long, value_name = "OUTLET", value_parser = check_outlet_name)]
    pub via: Vec<String>,

    /// How it was made: "audio recording", "radio interview", "statement"...
    #[arg(long, value_parser = non_empty("medium"))]
    pub medium: Option<String>,

    /// When the claimant made it: 2014-06-12, "2014-06-12 14:30", RFC 3339, today, yesterday,
    /// or "3h ago" (UTC unless an offset is given)
    #[arg(long, value_name = "DATE", value_parser = parse_when)]
    pub made_at: Option<Timestamp>,

    /// Where it can be read or heard
    #[arg(long, value_parser = non_empty("url"))]
    pub url: Option<String>,

    /// How far this piece of information is borne out, on the NATO/Admiralty scale: 1
    /// confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful, 5
    /// improbable, 6 cannot be judged
    #[arg(long, value_name = "1-6", value_parser = Vocabulary(parse_credibility, Credibility::WORDS))]
    pub credibility: Option<Credibility>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The claim, as it would be published; - reads it from standard input
    #[arg(value_name = "TEXT", value_parser = claim_text_or_stdin, allow_hyphen_values = true)]
    pub text: ClaimText,

    #[command(flatten)]
    pub attribution: AttributionArgs,

    /// The story it belongs to, such as iraq-2014
    #[arg(long, value_name = "SLUG", value_parser = non_empty("story"))]
    pub story: Option<String>,

    /// Where verification stands at logging
    #[arg(long, value_name = "STATUS", default_value = "unverified", value_parser = Vocabulary(parse_status, Status::WORDS))]
    pub status: Status,

    /// A note on the first status
    #[arg(long, value_parser = non_empty("note"))]
    pub note: Option<String>,

    /// Do not point out open claims that read like this one
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct CiteArgs {
    /// The claim's id
    #[arg(value_name = "ID", value_parser = parse_id, allow_negative_numbers = true)]
    pub id: ClaimId,

    #[command(flatten)]
    pub attribution: AttributionArgs,
}

#[derive(Debug, Args)]
pub struct MarkArgs {
    /// The claim's id
    #[arg(value_name = "ID", value_parser = parse_id, allow_negative_numbers = true)]
    pub id: ClaimId,

    /// Where verification now stands
    #[arg(value_name = "STATUS", value_parser = Vocabulary(parse_status, Status::WORDS))]
    pub status: Status,

    /// Why: what was checked, who confirmed it
    #[arg(long, value_parser = non_empty("note"))]
    pub note: Option<String>,

    /// A link to the evidence; repeat for more
    #[arg(long, value_name = "URL", value_parser = non_empty("evidence url"))]
    pub evidence: Vec<String>,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The claim's id
    #[arg(value_name = "ID", value_parser = parse_id, allow_negative_numbers = true)]
    pub id: ClaimId,

    /// The corrected text
    #[arg(long, value_parser = claim_text)]
    pub text: Option<String>,

    /// The story it belongs to
    #[arg(long, value_name = "SLUG", value_parser = non_empty("story"))]
    pub story: Option<String>,

    /// When the claimant made it
    #[arg(long, value_name = "DATE", value_parser = parse_when)]
    pub made_at: Option<Timestamp>,

    /// Grade the credibility of one of its attributions again, 1 to 6 (see add --help); the
    /// earlier grade stays in its history
    #[arg(long, value_name = "1-6", value_parser = Vocabulary(parse_credibility, Credibility::WORDS))]
    pub credibility: Option<Credibility>,

    /// Which attribution --credibility grades, numbered as show lists them [default: the
    /// only one]
    #[arg(long, value_name = "N", requires = "credibility", value_parser = clap::value_parser!(u32).range(1..))]
    pub attribution: Option<u32>,

    /// Why it was corrected
    #[arg(long, value_parser = non_empty("note"))]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct RetractArgs {
    /// The claim's id
    #[arg(value_name = "ID", value_parser = parse_id, allow_negative_numbers = true)]
    pub id: ClaimId,

    /// Who withdrew it, and how
    #[arg(long, value_parser = non_empty("note"))]
    pub note: Option<String>,

    /// A link to the withdrawal; repeat for more
    #[arg(long, value_name = "URL", value_parser = non_empty("evidence url"))]
    pub evidence: Vec<String>,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

/// Which claims to look at, shared by `list` and, in part, `report`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only claims at this status; repeat for several [default: the open ones]
    #[arg(long, value_name = "STATUS", value_parser = Vocabulary(parse_status, Status::WORDS), conflicts_with = "all")]
    pub status: Vec<Status>,

    /// Every claim, settled ones too
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// Name confidential claimants
    #[arg(long)]
    pub reveal: bool,

    /// table for people; json or csv for machines
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Which claims to take, besides their status: shared by `list` and `export`.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only claims attributed to this claimant (name or alias)
    #[arg(long = "by", value_name = "NAME", value_parser = non_empty("claimant name"))]
    pub claimant: Option<String>,

    /// Only claims relayed by this outlet anywhere in a chain (name or alias)
    #[arg(long, value_name = "OUTLET", value_parser = non_empty("outlet name"))]
    pub via: Option<String>,

    /// Only claims in this story
    #[arg(long, value_name = "SLUG", value_parser = non_empty("story"))]
    pub story: Option<String>,

    /// Only claims logged on or after this date (2014-06-12, today, "3h ago"), or within
    /// this long (2d, 6h)
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<Since>,

    /// Only claims logged longer ago than this (6h, 2d, 1w)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub older_than: Option<Duration>,

    /// Only claims whose text has all these words
    #[arg(long, value_name = "WORDS", value_parser = non_empty("search words"))]
    pub search: Option<String>,

    /// At most this many claims
    #[arg(long, value_name = "N", value_parser = parse_limit, allow_negative_numbers = true)]
    pub limit: Option<u64>,
}

impl FilterArgs {
    /// Whether no filter was given.
    pub fn is_empty(&self) -> bool {
        self.claimant.is_none()
            && self.via.is_none()
            && self.story.is_none()
            && self.since.is_none()
            && self.older_than.is_none()
            && self.search.is_none()
            && self.limit.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// claimtrail's own, lossless: one JSON document
    Json,
    /// claimtrail's own, lossless: one JSON record a line
    Jsonl,
    /// a sheet: one claim a row, its first attribution and current status
    Csv,
    /// settled claims as schema.org ClaimReview JSON-LD
    Claimreview,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Json,
    Jsonl,
    Csv,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// [default: from the --output extension, else json]
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,

    /// The file to write; - or nothing for standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Only claims at this status; repeat for several [default: all]
    #[arg(long, value_name = "STATUS", value_parser = Vocabulary(parse_status, Status::WORDS))]
    pub status: Vec<Status>,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// Name confidential claimants (never in ClaimReview)
    #[arg(long)]
    pub reveal: bool,

    /// For ClaimReview: the URL of each fact-check page, with {uid} for the claim's uid
    #[arg(long, value_name = "URL", value_parser = url_template)]
    pub url_template: Option<String>,

    /// For ClaimReview: the organization publishing the fact-checks
    #[arg(long, value_name = "NAME", value_parser = non_empty("publisher"))]
    pub publisher: Option<String>,

    /// For ClaimReview: the publisher's own URL
    #[arg(long, value_name = "URL", value_parser = web_address)]
    pub publisher_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to read; - for standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// [default: from the file's extension]
    #[arg(long, value_enum)]
    pub format: Option<ImportFormat>,

    /// Check everything and say what would be added, without writing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum DeskCommand {
    /// Create the ledger's tables and the claimtrail_reporter and claimtrail_editor roles on
    /// an existing database (run once, as an administrator)
    Init {
        /// postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME
        #[arg(value_name = "URL")]
        url: String,
    },
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The desk server: postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME
    #[arg(value_name = "URL")]
    pub url: String,
}

#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// table for people; json or csv for machines
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Only the slugs, one a line (what shell completion reads)
    #[arg(long, hide = true)]
    pub names: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The copy, as plain text; - reads it from standard input
    #[arg(value_name = "FILE", allow_hyphen_values = true)]
    pub file: PathBuf,

    /// The outlet the copy comes from, the end of every relay chain [default: the agency
    /// in the dateline, if any]
    #[arg(long, value_name = "NAME", value_parser = check_outlet_name)]
    pub outlet: Option<String>,

    /// The story the claims belong to when logged, such as iraq-2014
    #[arg(long, value_name = "SLUG", value_parser = non_empty("story"))]
    pub story: Option<String>,

    /// Log every proposal as an unverified claim, its doubts as the note
    #[arg(long)]
    pub add: bool,

    /// Accept, edit or skip each proposal in turn, then log the accepted ones
    #[arg(long, conflicts_with = "add")]
    pub interactive: bool,

    /// Show how each proposal was read: the rules that read it, and the words of the copy
    /// its claimant, cue and claim came from
    #[arg(long, conflicts_with = "interactive")]
    pub explain: bool,

    /// table for people; json for machines
    #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The claim's id
    #[arg(value_name = "ID", value_parser = parse_id, allow_negative_numbers = true)]
    pub id: ClaimId,

    /// Name confidential claimants
    #[arg(long)]
    pub reveal: bool,

    /// table for people; json or csv for machines
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    Claimant,
    Outlet,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only one of the two tables
    #[arg(long, value_enum)]
    pub group: Option<GroupBy>,

    /// Only claims in this story
    #[arg(long, value_name = "SLUG", value_parser = non_empty("story"))]
    pub story: Option<String>,

    /// Only claims logged on or after this date (2014-06-12, today, "3h ago"), or within
    /// this long (2d, 6h)
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<Since>,

    /// Name confidential claimants
    #[arg(long)]
    pub reveal: bool,

    /// table for people; json or csv for machines; html for a page to share
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,

    /// Write to this file instead of standard output (needed for html)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
    Csv,
    Html,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SourcesArgs {
    #[command(subcommand)]
    pub action: Option<SourcesAction>,

    /// Name confidential claimants
    #[arg(long)]
    pub reveal: bool,

    /// table for people; json or csv for machines
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum SourcesAction {
    /// Change a claimant's details
    Edit(SourceEditArgs),
    /// Fold a duplicate claimant into another; its attributions stay as recorded
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
pub struct SourceEditArgs {
    /// The claimant, by name or alias
    #[arg(value_name = "NAME", value_parser = non_empty("claimant name"))]
    pub name: String,

    /// A new name; the old one stays as an alias
    #[arg(long, value_name = "NAME", value_parser = non_empty("claimant name"))]
    pub rename: Option<String>,

    /// The claimant's role ("" clears it)
    #[arg(long)]
    pub role: Option<String>,

    /// The claimant's affiliation ("" clears it)
    #[arg(long)]
    pub affiliation: Option<String>,

    /// What sort of claimant
    #[arg(long, value_name = "KIND", value_parser = Vocabulary(parse_claimant_kind, ClaimantKind::WORDS))]
    pub kind: Option<ClaimantKind>,

    /// Grade how reliable the source has proved, on the NATO/Admiralty scale: A completely
    /// reliable, B usually, C fairly, D not usually, E unreliable, F cannot be judged; the
    /// earlier grade stays in its history (an editor's call on a desk)
    #[arg(long, value_name = "A-F", value_parser = Vocabulary(parse_reliability, Reliability::WORDS))]
    pub reliability: Option<Reliability>,

    /// Keep the claimant's identity inside the newsroom
    #[arg(long, conflicts_with = "not_confidential")]
    pub confidential: bool,

    /// Allow the claimant to be named again
    #[arg(long)]
    pub not_confidential: bool,

    /// Another name this claimant goes by; repeat for more
    #[arg(long, value_name = "ALIAS", value_parser = non_empty("alias"))]
    pub alias: Vec<String>,

    /// An alias to drop; repeat for more
    #[arg(long, value_name = "ALIAS", value_parser = non_empty("alias"))]
    pub unalias: Vec<String>,

    /// Name the claimant in what this prints
    #[arg(long)]
    pub reveal: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct OutletsArgs {
    #[command(subcommand)]
    pub action: Option<OutletsAction>,

    /// Include the known outlets no claim has come through yet
    #[arg(long)]
    pub all: bool,

    /// table for people; json or csv for machines
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum OutletsAction {
    /// Change an outlet's details
    Edit(OutletEditArgs),
    /// Fold a duplicate outlet into another; relay chains stay as recorded
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
pub struct OutletEditArgs {
    /// The outlet, by name or alias
    #[arg(value_name = "NAME", value_parser = non_empty("outlet name"))]
    pub name: String,

    /// A new name; the old one stays as an alias
    #[arg(long, value_name = "NAME", value_parser = check_outlet_name)]
    pub rename: Option<String>,

    /// What sort of outlet
    #[arg(long, value_name = "KIND", value_parser = Vocabulary(parse_outlet_kind, OutletKind::WORDS))]
    pub kind: Option<OutletKind>,

    /// Another name this outlet goes by; repeat for more
    #[arg(long, value_name = "ALIAS", value_parser = check_outlet_name)]
    pub alias: Vec<String>,

    /// An alias to drop; repeat for more
    #[arg(long, value_name = "ALIAS", value_parser = non_empty("alias"))]
    pub unalias: Vec<String>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The duplicate, by name or alias
    #[arg(value_name = "FROM", value_parser = non_empty("name"))]
    pub from: String,

    /// The one to keep, by name or alias
    #[arg(value_name = "INTO", value_parser = non_empty("name"))]
    pub into: String,

    /// Name confidential claimants in what this prints
    #[arg(long)]
    pub reveal: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Name confidential claimants in what this prints
    #[arg(long)]
    pub reveal: bool,
}

/// A `--since` value: a date, or a span back from now.
#[derive(Debug, Clone, Copy)]
pub enum Since {
    At(Timestamp),
    Within(Duration),
}

fn non_empty(what: &'static str) -> impl Fn(&str) -> Result<String, String> + Clone {
    move |s: &str| {
        if s.trim().is_empty() {
            Err(format!("{what} cannot be empty"))
        } else if s.contains('\0') {
            Err(format!("{what} cannot contain NUL bytes"))
        } else {
            Ok(s.trim().to_owned())
        }
    }
}

fn url_template(s: &str) -> Result<String, String> {
    if !is_web_address(s.trim()) {
        Err(format!(
            "the URL template must be a web address starting https:// or http://; got \"{s}\""
        ))
    } else if s.contains("{uid}") {
        Ok(s.trim().to_owned())
    } else {
        Err(format!(
            "the URL template needs {{uid}} where each claim's uid goes, as in https://desk.example/checks/{{uid}}; got \"{s}\""
        ))
    }
}

fn web_address(s: &str) -> Result<String, String> {
    if is_web_address(s.trim()) {
        Ok(s.trim().to_owned())
    } else {
        Err(format!(
            "\"{s}\" is not a web address starting https:// or http://"
        ))
    }
}

/// Where `add` takes its claim from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimText {
    Typed(String),
    /// `-`, exactly as typed: text that merely trims down to a hyphen is a claim.
    Stdin,
}

fn claim_text_or_stdin(s: &str) -> Result<ClaimText, String> {
    if s == "-" {
        return Ok(ClaimText::Stdin);
    }
    model::check_claim_text(s).map(ClaimText::Typed)
}

fn claim_text(s: &str) -> Result<String, String> {
    model::check_claim_text(s)
}

fn parse_id(s: &str) -> Result<ClaimId, String> {
    let digits = s.trim().trim_start_matches('#');
    match digits.parse::<i64>() {
        Ok(id) if id > 0 => Ok(ClaimId(id)),
        Ok(_) => Err(format!("claim ids are positive whole numbers, not \"{s}\"")),
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => {
            Err(format!("no claim has an id as large as {s}"))
        }
        Err(_) => Err(format!(
            "claim ids are whole numbers such as 12, not \"{s}\""
        )),
    }
}

fn parse_limit(s: &str) -> Result<u64, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("the limit is a whole number such as 20, not \"{s}\""))
}

/// A word from one of the ledger's vocabularies: parsed by `parse` (so messages stay the
/// ledger's own), with the words offered to shell completion and listed in help.
#[derive(Clone)]
struct Vocabulary<T>(fn(&str) -> Result<T, String>, &'static [&'static str]);

impl<T: Clone + Send + Sync + 'static> clap::builder::TypedValueParser for Vocabulary<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        self.0.parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.1.iter().map(|w| clap::builder::PossibleValue::new(*w)),
        ))
    }
}

fn parse_status(s: &str) -> Result<Status, String> {
    s.parse()
}

fn parse_claimant_kind(s: &str) -> Result<ClaimantKind, String> {
    s.parse()
}

fn parse_outlet_kind(s: &str) -> Result<OutletKind, String> {
    s.parse()
}

fn parse_reliability(s: &str) -> Result<Reliability, String> {
    s.parse()
}

fn parse_credibility(s: &str) -> Result<Credibility, String> {
    s.parse()
}

fn parse_when(s: &str) -> Result<Timestamp, String> {
    time::parse_when(s)
}

fn parse_duration(s: &str) -> Result<Duration, String> {
    time::parse_duration(s)
}

/// A date, or a span back from now: what looks like a span (digits and units, no dashes) is
/// judged as one, so its error says what is wrong with it.
fn parse_since(s: &str) -> Result<Since, String> {
    let trimmed = s.trim();
    let span_like = trimmed.starts_with(|c: char| c.is_ascii_digit())
        && trimmed.chars().all(|c| c.is_ascii_alphanumeric());
    if span_like {
        return time::parse_duration(s).map(Since::Within);
    }
    time::parse_when(s).map(Since::At).map_err(|e| {
        if e.starts_with("malformed date") {
            format!(
                "malformed date \"{s}\" (expected a span such as 6h or 2d, or {})",
                time::DATE_FORMS
            )
        } else {
            e
        }
    })
}
