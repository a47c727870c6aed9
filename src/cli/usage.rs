//! The command line read right: the checks clap cannot make, a "did you mean" for a
//! mistyped command, and a warning for each option given where it has no effect.

use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches};

use super::compare::FormatArg;
use super::corpus::SourcesFormat;
use super::lineage::{BlameFormat, LogFormat, TextOrJson};
use super::{Cli, Command};

/// The most a mistyped command may differ from the real one (letters added, dropped,
/// changed or swapped) and still be suggested: two catches `segmnet` and `blam`, and leaves
/// ordinary file names alone.
const MAX_TYPO_DISTANCE: usize = 2;

/// Parses the command line. OLD and NEW (or `--git`) are checked by [`check`], not by clap, so that a
/// mistyped command alone (`draftdiff segmnet`) gets a "did you mean" rather than "NEW is
/// missing".
pub(super) fn parse() -> Result<(Cli, ArgMatches), clap::Error> {
    let matches = Cli::command()
        .mut_arg("old", |a| a.required(false))
        .mut_arg("new", |a| a.required(false))
        .try_get_matches()?;
    let cli = Cli::from_arg_matches(&matches)?;
    Ok((cli, matches))
}

/// The error of a command line that parsed but cannot run, if any.
pub(super) fn check(cli: &Cli, matches: &ArgMatches) -> Option<clap::Error> {
    let mut command = Cli::command();
    if cli.global.label.len() > 2 {
        return Some(command.error(
            ErrorKind::TooManyValues,
            "--label is given at most twice: the first names OLD, the second NEW",
        ));
    }
    if let Some((name, _)) = matches.subcommand() {
        // `draftdiff A B segment FILE`: A and B (and the main command's options) would be
        // silently ignored.
        let main_only: Vec<String> = command
            .get_arguments()
            .filter(|a| !a.is_global_set() && a.get_id() != "help" && a.get_id() != "version")
            .filter(|a| matches.value_source(a.get_id().as_str()) == Some(ValueSource::CommandLine))
            .map(|a| match a.get_long() {
                Some(long) => format!("--{long}"),
                None => a.get_id().as_str().to_uppercase(),
            })
            .collect();
        if !main_only.is_empty() {
            return Some(command.error(
                ErrorKind::ArgumentConflict,
                format!(
                    "`draftdiff {name}` does not take {} (only `draftdiff OLD NEW` does): give either two versions or a command",
                    main_only.join(", ")
                ),
            ));
        }
        return None;
    }
    if let Some(old) = &cli.compare.old
        && let Some(name) = mistyped_command(old)
    {
        return Some(command.error(
            ErrorKind::InvalidSubcommand,
            format!("there is no file or command `{old}`; did you mean `draftdiff {name}`?"),
        ));
    }
    if cli.compare.git.is_none() && (cli.compare.old.is_none() || cli.compare.new.is_none()) {
        return Some(command.error(
            ErrorKind::MissingRequiredArgument,
            "two versions are needed: draftdiff OLD NEW (or a command: see draftdiff --help)",
        ));
    }
    None
}

/// The command `arg` is a slip for, when `arg` names no file.
fn mistyped_command(arg: &str) -> Option<String> {
    if arg == "-" || arg.contains(['/', '.']) || std::path::Path::new(arg).exists() {
        return None;
    }
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .map(|name| (strsim::damerau_levenshtein(arg, &name), name))
        .filter(|&(distance, _)| distance <= MAX_TYPO_DISTANCE)
        .min()
        .map(|(_, name)| name)
}

/// True when the command's output may go through a pager: reports people read, not
/// streams (`batch`), binary files (`index`) or text for other programs (`completions`,
/// `man`).
pub(super) fn pages(cli: &Cli) -> bool {
    !matches!(
        cli.command,
        Some(Command::Index(_) | Command::Batch(_) | Command::Completions(_) | Command::Man)
    )
}

/// The global options that act on some commands and formats only: each one's clap id and
/// its name on the command line.
const SCOPED: [(&str, &str); 6] = [
    ("color", "--color"),
    ("width", "--width"),
    ("label", "--label"),
    ("old_encoding", "--old-encoding"),
    ("new_encoding", "--new-encoding"),
    ("encoding", "--encoding"),
];

/// Which of [`SCOPED`] act on a command and format (the others are warned about).
type Acts = &'static [&'static str];

/// Nothing read, nothing laid out: generated text.
const NOTHING: Acts = &[];
/// Reads documents, writes plain text or a file format.
const PLAIN: Acts = &["--encoding"];
/// Reads documents, writes a report for people on a terminal.
const TERMINAL: Acts = &["--encoding", "--color", "--width"];
/// An OLD and a NEW, written as a file format.
const PAIR: Acts = &["--encoding", "--label", "--old-encoding", "--new-encoding"];
/// An OLD and a NEW, written as a report for people.
const ALL: Acts = &[
    "--encoding",
    "--label",
    "--old-encoding",
    "--new-encoding",
    "--color",
    "--width",
];
/// An OLD and a NEW scored against gold (`eval`): no labels in its output.
const SIDES: Acts = &["--encoding", "--old-encoding", "--new-encoding"];

/// What the command line runs, for messages (`draftdiff segment`, `--format json`), and
/// what the global options act on there.
fn acts(cli: &Cli) -> (String, Acts) {
    let command = |name: &str, acts| (format!("`draftdiff {name}`"), acts);
    let format = |name: &str, acts| (format!("--format {name}"), acts);
    match &cli.command {
        None => match cli.compare.format {
            FormatArg::Terminal => command("OLD NEW", ALL),
            FormatArg::Json => format("json", PAIR),
            FormatArg::Markdown => format("markdown", PAIR),
            FormatArg::Docx => format("docx", PAIR),
            FormatArg::Html => format("html", PAIR),
        },
        Some(Command::Segment(_)) => command("segment", PLAIN),
        Some(Command::Changelog(_)) => command("changelog", PAIR),
        Some(Command::Eval(_)) => command("eval", SIDES),
        Some(Command::Trace(a)) => lineage_format("trace", a.format == TextOrJson::Text),
        Some(Command::Blame(a)) => lineage_format("blame", a.format == BlameFormat::Text),
        Some(Command::Log(a)) => lineage_format("log", a.format == LogFormat::Text),
        Some(Command::Sources(a)) => match a.format {
            SourcesFormat::Text => command("sources", TERMINAL),
            SourcesFormat::Json => format("json", PLAIN),
            SourcesFormat::Markdown => format("markdown", PLAIN),
        },
        Some(Command::Index(_)) => command("index", PLAIN),
        Some(Command::Batch(_)) => command("batch", PLAIN),
        Some(Command::Completions(_)) => command("completions", NOTHING),
        Some(Command::Man) => command("man", NOTHING),
    }
}

/// `trace`, `blame` and `log`: coloured and laid out in text, neither in their other formats.
fn lineage_format(name: &str, text: bool) -> (String, Acts) {
    if text {
        (format!("`draftdiff {name}`"), TERMINAL)
    } else {
        (
            format!("`draftdiff {name}` --format other than text"),
            PLAIN,
        )
    }
}

/// True when the user gave option `id` on the command line (to the command or before it).
fn given(matches: &ArgMatches, id: &str) -> bool {
    matches.value_source(id) == Some(ValueSource::CommandLine)
        || matches.subcommand().is_some_and(|(_, sub)| given(sub, id))
}

/// One line for each option given where it has no effect.
pub(super) fn ignored(cli: &Cli, matches: &ArgMatches) -> Vec<String> {
    let (what, acts) = acts(cli);
    let mut out = Vec::new();
    let mut check = |acts: bool, id: &str, option: &str| {
        if !acts && given(matches, id) {
            out.push(format!("{option} has no effect on {what}; ignored"));
        }
    };
    for (id, option) in SCOPED {
        check(acts.contains(&option), id, option);
    }
    if cli.command.is_none() {
        let compare = &cli.compare;
        let terminal = compare.format == FormatArg::Terminal;
        check(terminal, "stat", "--stat");
        check(terminal, "only", "--only");
        check(terminal, "side_by_side", "--side-by-side");
        check(compare.format == FormatArg::Docx, "author", "--author");
        check(compare.format == FormatArg::Docx, "date", "--date");
    }
    out
}
