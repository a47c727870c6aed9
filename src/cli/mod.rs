//! Command-line parsing, the colour decision and exit codes; nothing else.
//!
//! Each subcommand has its own file with its clap arguments and a `run` that returns
//! whether the inputs differ; this module reads the environment once into a [`Ctx`] and
//! maps the outcome to diff's exit statuses.

mod compare;
mod corpus;
mod eval;
mod lineage;
mod output;
mod segment;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use draftdiff::render::{MAX_WIDTH, MIN_WIDTH};

pub use output::Ctx;

/// Paragraph-level diff and lineage for drafts.
#[derive(Debug, Parser)]
#[command(name = "draftdiff", version, about, subcommand_negates_reqs = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    compare: compare::CompareArgs,
    #[command(flatten)]
    global: GlobalArgs,
}

/// Options every subcommand takes.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true, value_name = "WHEN")]
    pub color: ColorWhen,
    /// The terminal background colours are chosen for.
    #[arg(long, value_enum, default_value_t = compare::ThemeArg::Auto, global = true, value_name = "THEME")]
    pub theme: compare::ThemeArg,
    /// Encoding of the inputs (default: UTF-8, or UTF-16 with a byte-order mark).
    #[arg(long, value_enum, global = true)]
    pub encoding: Option<EncodingArg>,
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

/// `--width`: a whole number of columns from [`MIN_WIDTH`] to [`MAX_WIDTH`].
fn parse_width(value: &str) -> Result<usize, String> {
    let range = format!("--width takes {MIN_WIDTH} to {MAX_WIDTH} columns");
    let width = match value.parse::<usize>() {
        Ok(width) => width,
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => usize::MAX,
        Err(_) => return Err(format!("not a whole number; {range}")),
    };
    if width < MIN_WIDTH {
        Err(format!(
            "too narrow; {range} (narrower leaves no room for the text beside the margins)"
        ))
    } else if width > MAX_WIDTH {
        Err(format!(
            "too wide; {range} (no terminal is wider, and side-by-side pads every line to the width)"
        ))
    } else {
        Ok(width)
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when standard output is a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// `--encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8 (a byte-order mark is allowed).
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Windows-1252, a superset of printable Latin-1.
    #[value(
        name = "windows-1252",
        alias = "latin1",
        alias = "latin-1",
        alias = "cp1252"
    )]
    Windows1252,
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
}

/// What a command found: like diff, "same" exits 0 and "different" 1.
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

/// Runs the command line and returns its exit status (0 same, 1 different, 2 trouble).
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let ctx = match Ctx::from_env(&cli.global) {
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
    };
    match result {
        _ if ctx.pipe_closed() => ExitCode::SUCCESS,
        Ok(Outcome::Same) => ExitCode::SUCCESS,
        Ok(Outcome::Different) => ExitCode::from(1),
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
