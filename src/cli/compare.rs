//! `draftdiff OLD NEW` and `draftdiff changelog OLD NEW`: load both versions, align them,
//! diff every link, render the report.

use clap::ValueEnum;
use draftdiff::Error;
use draftdiff::diff::DiffOptions;
use draftdiff::inputs::Pair;
use draftdiff::model::Report;
use draftdiff::render::{self, Format, Marks, Only, TerminalOptions};

use super::{Ctx, Outcome};

/// `--format` of the main command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The report for people: origins and inline word diffs, coloured on a terminal.
    Terminal,
    /// The alignment and word diffs as versioned JSON (see docs/json-schema.md).
    Json,
    /// The Markdown changelog (as `draftdiff changelog`).
    Markdown,
    /// A Word redline: the new version with the changes as tracked changes (needs -o).
    Docx,
    /// One self-contained HTML page: the lineage drawn, both versions side by side.
    Html,
}

/// How words are compared (shared by the main command and `changelog`).
#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// Compare words without regard to case.
    #[arg(long)]
    pub ignore_case: bool,
    /// Do not compare punctuation.
    #[arg(long)]
    pub ignore_punctuation: bool,
    /// Treat curly and straight quotes alike, and dashes and hyphens alike.
    #[arg(long)]
    pub ignore_quotes: bool,
    /// Do not compare a leading paragraph or list number in a unit's text.
    #[arg(long)]
    pub ignore_numbering: bool,
    /// Compare the width of spaces too (ignored by default: it carries no meaning in prose).
    #[arg(long)]
    pub compare_whitespace: bool,
}

impl DiffArgs {
    pub(super) fn options(&self) -> DiffOptions {
        DiffOptions::new()
            .ignore_case(self.ignore_case)
            .ignore_punctuation(self.ignore_punctuation)
            .ignore_quote_styles(self.ignore_quotes)
            .ignore_numbering(self.ignore_numbering)
            .ignore_whitespace(!self.compare_whitespace)
    }
}

/// Arguments of the main command.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The old version (`-` for standard input).
    #[arg(required = true)]
    pub old: Option<String>,
    /// The new version (`-` for standard input).
    #[arg(required = true)]
    pub new: Option<String>,
    /// Compare two versions of FILE from git: `--git FILE` (the last commit against the
    /// working tree), `--git REV FILE` (REV against the working tree), `--git REV1 REV2 FILE`
    /// or `--git REV1..REV2 FILE` (exactly those two revisions). Labelled with short hash and
    /// subject, or "not committed yet".
    #[arg(long, num_args = 1..=3, value_name = "[REV [REV]] FILE", conflicts_with_all = ["old", "new"])]
    pub git: Option<Vec<String>>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Terminal)]
    pub format: FormatArg,
    /// Show old and new side by side (terminal format; width from the terminal or --width).
    #[arg(long)]
    pub side_by_side: bool,
    /// Show only these entries (terminal format); repeat or separate with commas.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "WHAT")]
    pub only: Vec<Only>,
    /// Show the summary alone (terminal format).
    #[arg(long)]
    pub stat: bool,
    /// Show unchanged units too (terminal format); by default a line `… N unchanged units`
    /// stands where they are.
    #[arg(long)]
    pub all: bool,
    /// Words of unchanged text shown around each change inside a unit (terminal format);
    /// longer unchanged runs are elided with `…`.
    #[arg(short = 'U', long, value_name = "WORDS", default_value_t = render::DEFAULT_CONTEXT_WORDS)]
    pub context: usize,
    #[command(flatten)]
    pub diff: DiffArgs,
    /// Author of the tracked changes (docx format; default: draftdiff).
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// Date of the tracked changes and comments, `2026-11-30` or an RFC 3339 time (docx
    /// format; default: none, so the same inputs give the same file).
    #[arg(long, value_name = "DATE")]
    pub date: Option<render::docx::ChangeDate>,
}

/// Arguments of `changelog`.
#[derive(Debug, clap::Args)]
pub struct ChangelogArgs {
    /// The old version (`-` for standard input).
    #[arg(required_unless_present = "git")]
    pub old: Option<String>,
    /// The new version (`-` for standard input).
    #[arg(required_unless_present = "git")]
    pub new: Option<String>,
    /// Compare two versions of FILE from git, as the main command's --git does; the
    /// versions table then names each version by its commit and gives the commit's date.
    #[arg(long, num_args = 1..=3, value_name = "[REV [REV]] FILE", conflicts_with_all = ["old", "new"])]
    pub git: Option<Vec<String>>,
    #[command(flatten)]
    pub diff: DiffArgs,
    /// Include the text of every changed, new and removed unit, changes marked.
    #[arg(long)]
    pub full: bool,
    /// How --full marks changes: `~~deleted~~ **inserted**`, or `<del>`/`<ins>` for
    /// readers that render HTML.
    #[arg(long, value_enum, default_value_t = Marks::Markdown, value_name = "MARKS")]
    pub marks: Marks,
    /// The versions' dates, as they should be shown: give it twice, old then new (with
    /// --git, instead of the commits' dates).
    #[arg(long, value_name = "DATE")]
    pub date: Vec<String>,
}

/// The report of OLD → NEW, from the two files or from `--git`, with the files named (which
/// `-o` must not write over) and, from git, each version's day.
struct Compared {
    report: Report,
    files: Vec<String>,
    days: [Option<String>; 2],
}

/// Loads, aligns and diffs OLD and NEW: the files `old` and `new`, or those `git` names.
fn build(
    ctx: &Ctx,
    (old, new): (&Option<String>, &Option<String>),
    git: Option<&[String]>,
    diff: &DiffArgs,
) -> Result<Compared, Error> {
    let Pair {
        old,
        new,
        files,
        days,
    } = ctx.inputs.pair(old.as_deref(), new.as_deref(), git)?;
    let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
    let report = draftdiff::diff::report(old, new, alignment, &diff.options());
    Ok(Compared {
        report,
        files,
        days,
    })
}

/// Runs `draftdiff OLD NEW`.
pub fn run(ctx: &Ctx, args: &CompareArgs) -> Result<Outcome, Error> {
    // A redline is binary: never to a terminal.
    if args.format == FormatArg::Docx && ctx.output_is_terminal() {
        return Err(Error::Output {
            path: "-".into(),
            message: "a .docx redline is binary; write it to a file with -o FILE.docx".into(),
        });
    }
    let Compared { report, files, .. } =
        build(ctx, (&args.old, &args.new), args.git.as_deref(), &args.diff)?;
    let inputs: Vec<&str> = files.iter().map(String::as_str).collect();
    let format = match args.format {
        FormatArg::Terminal if args.side_by_side => Format::SideBySide,
        FormatArg::Terminal => Format::Terminal,
        FormatArg::Json => Format::Json,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Docx => {
            let mut options = render::docx::RedlineOptions::new().date(args.date.clone());
            if let Some(author) = &args.author {
                options = options.author(author.as_str());
            }
            ctx.emit(&inputs, |w| render::docx::redline(&report, &options, w))?;
            return Ok(Outcome::from(report.has_differences()));
        }
        // One page, none of the terminal options.
        FormatArg::Html => {
            ctx.emit(&inputs, |w| render::html(&report, w))?;
            return Ok(Outcome::from(report.has_differences()));
        }
    };
    let options = TerminalOptions::new()
        .width(ctx.width)
        .only(args.only.clone())
        .stat(args.stat)
        .all(args.all)
        .context(args.context);
    ctx.emit(&inputs, |w| {
        render::render(&report, format, &options, &ctx.palette, w)
    })?;
    Ok(Outcome::from(report.has_differences()))
}

/// Runs `draftdiff changelog OLD NEW`.
pub fn run_changelog(ctx: &Ctx, args: &ChangelogArgs) -> Result<Outcome, Error> {
    let mut options = render::ChangelogOptions::new()
        .full(args.full)
        .marks(args.marks);
    if !matches!(args.date.len(), 0 | 2) {
        return Err(Error::Input {
            path: "--date".into(),
            message: "give --date twice, the old version's date then the new one's".into(),
        });
    }
    let compared = build(ctx, (&args.old, &args.new), args.git.as_deref(), &args.diff)?;
    // Dates given by hand win over the commits' days; the working tree has none ("—").
    if let [old, new] = args.date.as_slice() {
        options = options.dates(old.as_str(), new.as_str());
    } else if compared.days.iter().any(Option::is_some) {
        let [old, new] = compared.days.map(|d| d.unwrap_or_else(|| "—".to_string()));
        options = options.dates(old, new);
    }
    let inputs: Vec<&str> = compared.files.iter().map(String::as_str).collect();
    let report = &compared.report;
    ctx.emit(&inputs, |w| render::changelog(report, &options, w))?;
    Ok(Outcome::from(report.has_differences()))
}
