//! `draftdiff trace`, `blame` and `log` over N versions.
//!
//! Versions are given oldest first as files, or taken from git with `--git PATH` /
//! `--git REV1..REV2 PATH`. On the command line versions count from 1 (`--at 2:L30` is line
//! 30 of the second version); in JSON they are 0-based indices into `versions`.
//!
//! Every output is written by `draftdiff::render` (text, JSON, DOT, Mermaid).

use clap::ValueEnum;
use draftdiff::Error;
use draftdiff::diff::DiffOptions;
use draftdiff::lineage::{self, Lineage, LineageOptions, Selector, StepSummary, UnitAddress};
use draftdiff::render;

use super::{Ctx, Outcome};

/// Where the versions come from; shared by `trace`, `blame` and `log`.
#[derive(Debug, clap::Args)]
pub struct VersionArgs {
    /// The versions, oldest first.
    #[arg(required_unless_present = "git", conflicts_with = "git", num_args = 1..)]
    pub versions: Vec<String>,
    /// Take the versions from git: `--git PATH` (every commit of the mainline that changed
    /// PATH, oldest first, a merged branch as its merge, then the working tree if it has
    /// uncommitted changes) or `--git REV1..REV2 PATH`
    /// (the file at REV1, then each commit of the range that changed it). Versions are
    /// labelled with short hash and subject ("not committed yet" for the working tree).
    #[arg(long, num_args = 1..=2, value_names = ["[RANGE] PATH"])]
    pub git: Option<Vec<String>>,
    /// Do not look for units dropped in one version and restored in a later one.
    #[arg(long)]
    pub no_revive: bool,
}

/// `--format` of `trace` and `blame`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    /// For people.
    Text,
    /// For tools.
    Json,
}

/// `--format` of `log`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Per step counts, for people.
    Text,
    /// Step counts and the lineage graph (nodes and edges).
    Json,
    /// The lineage graph in Graphviz DOT (`| dot -Tsvg`).
    Dot,
    /// The lineage graph as a Mermaid flowchart.
    Mermaid,
    /// One self-contained HTML page: the lineage drawn, each unit's history.
    Html,
}

/// Arguments of `trace`.
#[derive(Debug, clap::Args)]
pub struct TraceArgs {
    #[command(flatten)]
    pub versions: VersionArgs,
    /// The unit of the first version to trace: its printed number, or in unnumbered text its
    /// position among the paragraphs (1 = first); also `L<line>` or `#<position>`.
    #[arg(
        long,
        value_name = "N",
        required_unless_present = "at",
        conflicts_with = "at"
    )]
    pub para: Option<String>,
    /// The unit to trace as VERSION:UNIT, versions counted from 1: `3:17` (numbered 17, or
    /// the 17th paragraph if unnumbered), `3:L41` (on line 41), `3:#5` (5th unit).
    #[arg(long, value_name = "K:UNIT")]
    pub at: Option<String>,
    /// Show the whole text at each step instead of eliding long unchanged runs.
    #[arg(long)]
    pub full: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

/// Arguments of `blame`.
#[derive(Debug, clap::Args)]
pub struct BlameArgs {
    #[command(flatten)]
    pub versions: VersionArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BlameFormat::Text)]
    pub format: BlameFormat,
}

/// `--format` of `blame`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BlameFormat {
    /// For people.
    Text,
    /// For tools.
    Json,
    /// One self-contained HTML page: each unit with the versions that wrote its words.
    Html,
}

/// Arguments of `log`.
#[derive(Debug, clap::Args)]
pub struct LogArgs {
    #[command(flatten)]
    pub versions: VersionArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub format: LogFormat,
}

/// Reads the versions and builds their lineage; a note for each commit git gave that is
/// not text.
fn load(ctx: &Ctx, args: &VersionArgs) -> Result<Lineage, Error> {
    let options = LineageOptions::new().revive(!args.no_revive);
    let chain = ctx
        .inputs
        .chain(&args.versions, args.git.as_deref(), &options)?;
    ctx.note_skipped(&chain.skipped);
    Ok(chain.lineage)
}

/// The input files, which `-o` never writes over.
fn refs(args: &VersionArgs) -> Vec<&str> {
    args.versions.iter().map(String::as_str).collect()
}

fn chain_differs(summaries: &[StepSummary]) -> Outcome {
    Outcome::from(!summaries.iter().all(StepSummary::is_unchanged))
}

/// Runs `draftdiff trace`.
pub fn run_trace(ctx: &Ctx, args: &TraceArgs) -> Result<Outcome, Error> {
    let address = match (&args.at, &args.para) {
        (Some(at), _) => UnitAddress::parse(at, "--at")?,
        (None, Some(para)) => UnitAddress {
            version: 0,
            selector: Selector::parse(para, "--para")?,
        },
        (None, None) => unreachable!("clap requires --para or --at"),
    };
    let lineage = load(ctx, &args.versions)?;
    let start = address.resolve(lineage.versions())?;
    let trace = lineage::trace(&lineage, start, &DiffOptions::new());
    ctx.emit(&refs(&args.versions), |w| match args.format {
        TextOrJson::Json => render::json::trace(&lineage, &trace, w),
        TextOrJson::Text => render::trace(&lineage, &trace, args.full, ctx.width, &ctx.palette, w),
    })?;
    Ok(Outcome::from(trace.has_changes()))
}

/// Runs `draftdiff blame`.
pub fn run_blame(ctx: &Ctx, args: &BlameArgs) -> Result<Outcome, Error> {
    let lineage = load(ctx, &args.versions)?;
    let blame = lineage::blame(&lineage, &DiffOptions::new());
    ctx.emit(&refs(&args.versions), |w| match args.format {
        BlameFormat::Json => render::json::blame(&lineage, &blame, w),
        BlameFormat::Text => render::blame(&lineage, &blame, ctx.width, &ctx.palette, w),
        BlameFormat::Html => render::html_blame(&lineage, &blame, w),
    })?;
    Ok(chain_differs(&lineage::summarize(&lineage)))
}

/// Runs `draftdiff log`.
pub fn run_log(ctx: &Ctx, args: &LogArgs) -> Result<Outcome, Error> {
    let lineage = load(ctx, &args.versions)?;
    let summaries = lineage::summarize(&lineage);
    ctx.emit(&refs(&args.versions), |w| match args.format {
        LogFormat::Json => render::json::log(&lineage, &summaries, w),
        LogFormat::Dot => render::graph::dot(&lineage, w),
        LogFormat::Mermaid => render::graph::mermaid(&lineage, w),
        LogFormat::Text => render::log(&lineage, &summaries, &ctx.palette, w),
        // --format html: the picture over all versions and each unit's history.
        LogFormat::Html => {
            render::html_log(&lineage, &lineage::blame(&lineage, &DiffOptions::new()), w)
        }
    })?;
    Ok(chain_differs(&summaries))
}
