//! Command-line parsing, the environment read once, and exit codes; nothing else.
//!
//! Each subcommand has its own file with its clap arguments and a `run` that returns
//! whether the inputs differ; this module reads the environment once into a [`Ctx`] (the
//! library decides colour, width, pager and how inputs are read from it) and maps the
//! outcome to `git diff`'s exit statuses: 0 unless `--exit-code` or `-q` asks for 1 on
//! differences, 2 for trouble.

mod compare;
mod completions;
mod corpus;
mod eval;
mod git_external;
mod lineage;
mod output;
mod segment;
mod usage;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use draftdiff::read::Encoding;
use draftdiff::render::pager::Paging;
use draftdiff::render::{ColorWhen, ThemeChoice, parse_width};

pub use output::Ctx;

/// Paragraph-level diff and lineage for drafts.
///
/// `draftdiff OLD NEW` shows how OLD became NEW, paragraph by paragraph; the commands below
/// trace, blame and log a chain of versions, cut a document into units, or write a changelog.
#[derive(Debug, Parser)]
#[command(
    name = "draftdiff",
    version,
    about,
    long_about,
    subcommand_negates_reqs = true,
    override_usage = "draftdiff [OPTIONS] OLD NEW\n       draftdiff [OPTIONS] <COMMAND> [ARGS]..."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    compare: compare::CompareArgs,
    #[command(flatten)]
    status: StatusArgs,
    #[command(flatten)]
    global: GlobalArgs,
}

/// Exit status of the main command, as `git diff` has them.
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// Exit with status 1 when the versions differ, 0 when they do not (default: 0 either
    /// way; 2 is always trouble).
    #[arg(long)]
    pub exit_code: bool,
    /// Print nothing; implies --exit-code.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options every subcommand takes.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true, value_name = "WHEN")]
    pub color: ColorWhen,
    /// The terminal background colours are chosen for.
    #[arg(long, value_enum, default_value_t = ThemeChoice::Auto, global = true, value_name = "THEME")]
    pub theme: ThemeChoice,
    /// Encoding of the inputs (default: UTF-8, or UTF-16 with a byte-order mark).
    #[arg(long, value_enum, global = true)]
    pub encoding: Option<Encoding>,
    /// Encoding of OLD alone (overrides --encoding).
    #[arg(long, value_enum, global = true, value_name = "ENCODING")]
    pub old_encoding: Option<Encoding>,
    /// Encoding of NEW alone (overrides --encoding).
    #[arg(long, value_enum, global = true, value_name = "ENCODING")]
    pub new_encoding: Option<Encoding>,
    /// Read Word and OpenDocument files as they were before their tracked changes
    /// (default: with every change accepted).
    #[arg(long, global = true)]
    pub original: bool,
    /// Name the versions LABEL in the output instead of their paths: the first --label
    /// names OLD, a second names NEW (as diff's).
    #[arg(long, global = true, value_name = "LABEL", action = clap::ArgAction::Append)]
    pub label: Vec<String>,
    /// When to show long output through a pager: `$DRAFTDIFF_PAGER`, `$PAGER` or `less
    /// -FRX` (empty or `cat`: none).
    #[arg(long, value_enum, default_value_t = Paging::Auto, global = true, value_name = "WHEN")]
    pub paging: Paging,
    /// Write the output to FILE instead of standard output (`-` is standard output). A
    /// regular file is written whole or not at all and keeps its permissions; a device or
    /// FIFO is written straight through; a read-only file or an input is refused.
    #[arg(short = 'o', long, global = true, value_name = "FILE")]
    pub output: Option<String>,
    /// Columns to lay terminal output out in, 40 to 1000 (default: the terminal's width,
    /// else 80).
    #[arg(long, global = true, value_name = "COLUMNS", value_parser = parse_width)]
    pub width: Option<usize>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show how a document is cut into units.
    Segment(segment::SegmentArgs),
    /// Write a Markdown changelog of OLD → NEW for a drafting group.
    Changelog(compare::ChangelogArgs),
    /// Follow one unit through every version.
    Trace(lineage::TraceArgs),
    /// Name, for each unit of the last version, the version its text comes from.
    Blame(lineage::BlameArgs),
    /// Summarise each step of a version chain, or draw its lineage graph.
    Log(lineage::LogArgs),
    /// Score OLD → NEW against a gold lineage; list the wrong and missed links.
    Eval(eval::EvalArgs),
    // Lineage across a corpus (src/cli/corpus.rs).
    /// Index a corpus once for `sources`: draftdiff index CORPUS… -o corpus.ddx
    Index(corpus::IndexArgs),
    /// For each unit of DRAFT, the corpus units it descends from.
    Sources(corpus::SourcesArgs),
    /// Compare many pairs: JSON Lines in ({"old", "new", "id"}), one report line out each.
    Batch(corpus::BatchArgs),
    /// Print a completion script for SHELL: draftdiff completions bash > /etc/bash_completion.d/draftdiff
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff): draftdiff man | man -l -
    Man,
}

/// What a command found: "different" exits 1 only with `--exit-code` or `-q`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No differences (or nothing to compare).
    Same,
    /// Differences found.
    Different,
}

impl From<bool> for Outcome {
    /// `Different` when `differs`.
    fn from(differs: bool) -> Outcome {
        if differs {
            Outcome::Different
        } else {
            Outcome::Same
        }
    }
}

/// Runs the command line and returns its exit status (see the module docs).
pub fn run() -> ExitCode {
    // git running draftdiff as its external diff (src/cli/git_external.rs), before clap.
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    let counter = std::env::var_os("GIT_DIFF_PATH_COUNTER").is_some();
    if let Some(call) = draftdiff::lineage::ExternalDiff::parse(&args, counter) {
        return git_external::run(&call);
    }
    let (cli, matches) = match usage::parse() {
        Ok(parsed) => parsed,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    if let Some(e) = usage::check(&cli, &matches) {
        let _ = e.print();
        return ExitCode::from(2);
    }
    for warning in usage::ignored(&cli, &matches) {
        let _ = writeln!(io::stderr(), "draftdiff: warning: {warning}");
    }
    let ctx = match Ctx::from_env(&cli.global, usage::pages(&cli), cli.status.quiet) {
        Ok(ctx) => ctx,
        Err(e) => return trouble(&e),
    };
    let result = match cli.command {
        None => compare::run(&ctx, &cli.compare),
        Some(Command::Segment(args)) => segment::run(&ctx, &args),
        Some(Command::Changelog(args)) => compare::run_changelog(&ctx, &args),
        Some(Command::Trace(args)) => lineage::run_trace(&ctx, &args),
        Some(Command::Blame(args)) => lineage::run_blame(&ctx, &args),
        Some(Command::Log(args)) => lineage::run_log(&ctx, &args),
        Some(Command::Eval(args)) => eval::run(&ctx, &args),
        // Lineage across a corpus (src/cli/corpus.rs).
        Some(Command::Index(args)) => corpus::run_index(&ctx, &args),
        Some(Command::Sources(args)) => corpus::run_sources(&ctx, &args),
        Some(Command::Batch(args)) => corpus::run_batch(&ctx, &args),
        Some(Command::Completions(args)) => completions::run_completions(&ctx, &args),
        Some(Command::Man) => completions::run_man(&ctx),
    };
    // Only the main command has --exit-code and -q: every other command exits 0 when it
    // worked, whatever it found (as git blame and git log do).
    let exit_code = cli.status.exit_code || cli.status.quiet;
    // A reader that closed the pipe or quit the pager early is no trouble; what was found
    // is known by then, so --exit-code still says it.
    match result {
        Ok(Outcome::Different) if exit_code => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(_) if ctx.pipe_closed() => ExitCode::SUCCESS,
        Err(e) => trouble(&e),
    }
}

/// Reports `error` on standard error and returns the status for trouble. A standard error
/// that is closed or full loses the message but is no reason to panic.
fn trouble(error: &draftdiff::Error) -> ExitCode {
    // A path or a git message can hold control characters too: shown, not sent.
    let shown = draftdiff::render::Visible(&error.to_string());
    let _ = writeln!(io::stderr(), "draftdiff: {shown}");
    ExitCode::from(2)
}
