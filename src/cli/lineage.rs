//! `draftdiff trace`, `blame` and `log` over N versions.
//!
//! Versions are given oldest first as files, or taken from git with `--git PATH` /
//! `--git REV1..REV2 PATH`. On the command line versions count from 1 (`--at 2:L30` is line
//! 30 of the second version); in JSON they are 0-based indices into `versions`.
//!
//! Document text, file names and commit subjects are written through
//! [`draftdiff::render::Visible`], so their control characters are shown, never obeyed.

use std::io::{self, Write};

use clap::ValueEnum;
use draftdiff::diff::DiffOptions;
use draftdiff::lineage::json::{BlameJson, LogJson, TraceJson, word_counts};
use draftdiff::lineage::{
    self, Blame, Lineage, LineageOptions, Selector, StepSummary, Trace, TraceEnd, UnitAddress,
};
use draftdiff::model::{Document, OpKind, WordDiff};
use draftdiff::render::{Visible, visible};
use draftdiff::{Error, SegmentOptions};
use owo_colors::Style;

use super::{Ctx, Outcome};

/// Where the versions come from; shared by `trace`, `blame` and `log`.
#[derive(Debug, clap::Args)]
pub struct VersionArgs {
    /// The versions, oldest first.
    #[arg(required_unless_present = "git", conflicts_with = "git", num_args = 1..)]
    pub versions: Vec<String>,
    /// Take the versions from git: `--git PATH` (every commit that touched PATH, oldest
    /// first) or `--git REV1..REV2 PATH` (the file at REV1, then each commit of the range
    /// that changed it). Versions are labelled with short hash and subject.
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
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
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

/// Words of unchanged text kept on each side of a change when a trace elides.
const CONTEXT_WORDS: usize = 6;

/// The least share of a unit's words a version must have written to be listed on a blame
/// line (the JSON lists every version): below 0.5% it would print as 0%.
const MIN_SHOWN_SHARE: f64 = 0.005;

/// The fewest characters of a unit's text shown on a blame line, however narrow the terminal.
const MIN_TEXT_CHARS: usize = 20;

/// The colours of lineage output: the report's palette for word changes, plus one colour per
/// version for blame; all plain when colour is off.
struct Palette {
    diff: draftdiff::render::Palette,
    versions: [Style; 6],
}

impl Palette {
    fn new(ctx: &Ctx) -> Palette {
        let s = Style::new();
        let versions = if ctx.color {
            [
                s.blue(),
                s.magenta(),
                s.cyan(),
                s.yellow(),
                s.green(),
                s.red(),
            ]
        } else {
            [s; 6]
        };
        Palette {
            diff: ctx.palette,
            versions,
        }
    }

    fn version(&self, k: usize) -> Style {
        self.versions[k % self.versions.len()]
    }
}

/// Reads the versions and builds their lineage.
fn load(ctx: &Ctx, args: &VersionArgs) -> Result<(Lineage, Vec<String>), Error> {
    let docs: Vec<Document> = match &args.git {
        Some(git) => {
            let (range, path) = match git.as_slice() {
                [path] => (None, path),
                [range, path] => (Some(range.as_str()), path),
                _ => unreachable!("clap takes one or two values for --git"),
            };
            ctx.git_versions(path, range)?
                .into_iter()
                .map(|v| match v.document {
                    // A Word, OpenDocument or PDF version, already read by its reader.
                    Some(doc) => doc,
                    None => {
                        draftdiff::segment::segment(&v.label(), &v.text, &SegmentOptions::new())
                    }
                })
                .collect()
        }
        None => args
            .versions
            .iter()
            .map(|p| ctx.load(p))
            .collect::<Result<_, _>>()?,
    };
    let inputs = args.versions.clone();
    let options = LineageOptions::new().revive(!args.no_revive);
    Ok((Lineage::build(docs, &options), inputs))
}

fn refs(inputs: &[String]) -> Vec<&str> {
    inputs.iter().map(String::as_str).collect()
}

fn chain_differs(summaries: &[StepSummary]) -> Outcome {
    if summaries.iter().all(StepSummary::is_unchanged) {
        Outcome::Same
    } else {
        Outcome::Different
    }
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
    let (lineage, inputs) = load(ctx, &args.versions)?;
    let start = address.resolve(lineage.versions())?;
    let trace = lineage::trace(&lineage, start, &DiffOptions::new());
    let changed = !matches!(&trace.end, TraceEnd::Reached(_))
        || trace.first_seen() > 0
        || trace.steps.iter().any(|s| {
            !s.dropped.is_empty()
                || s.links.iter().any(|l| {
                    l.diff.ops.iter().any(|op| op.kind != OpKind::Equal)
                        || l.old.len() != l.new.len()
                })
        });
    let palette = Palette::new(ctx);
    ctx.emit(&refs(&inputs), |w| match args.format {
        TextOrJson::Json => json(w, &TraceJson::new(&lineage, &trace)),
        TextOrJson::Text => write_trace(w, &lineage, &trace, args.full, &palette),
    })?;
    Ok(if changed {
        Outcome::Different
    } else {
        Outcome::Same
    })
}

/// Runs `draftdiff blame`.
pub fn run_blame(ctx: &Ctx, args: &BlameArgs) -> Result<Outcome, Error> {
    let (lineage, inputs) = load(ctx, &args.versions)?;
    let blame = lineage::blame(&lineage, &DiffOptions::new());
    let palette = Palette::new(ctx);
    ctx.emit(&refs(&inputs), |w| match args.format {
        TextOrJson::Json => json(w, &BlameJson::new(&lineage, &blame)),
        TextOrJson::Text => write_blame(w, &lineage, &blame, ctx.width, &palette),
    })?;
    Ok(chain_differs(&lineage::summarize(&lineage)))
}

/// Runs `draftdiff log`.
pub fn run_log(ctx: &Ctx, args: &LogArgs) -> Result<Outcome, Error> {
    let (lineage, inputs) = load(ctx, &args.versions)?;
    let summaries = lineage::summarize(&lineage);
    let palette = Palette::new(ctx);
    ctx.emit(&refs(&inputs), |w| match args.format {
        LogFormat::Json => json(w, &LogJson::new(&lineage, &summaries)),
        LogFormat::Dot => lineage::write_dot(&lineage, w),
        LogFormat::Mermaid => lineage::write_mermaid(&lineage, w),
        LogFormat::Text => write_log(w, &lineage, &summaries, &palette),
        // --format html: the picture over all versions and each unit's history.
        LogFormat::Html => {
            draftdiff::render::html_log(&lineage, &lineage::blame(&lineage, &DiffOptions::new()), w)
        }
    })?;
    Ok(chain_differs(&summaries))
}

fn json(w: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    // Serialised first, so that write errors (a closed pipe) reach `emit` with their kind.
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    writeln!(w, "{text}")
}

fn write_versions(w: &mut dyn Write, lineage: &Lineage, p: &Palette) -> io::Result<()> {
    for (k, doc) in lineage.versions().iter().enumerate() {
        writeln!(
            w,
            "{}  {}",
            p.version(k).style(format!("v{}", k + 1)),
            Visible(&doc.path)
        )?;
    }
    Ok(())
}

/// The labels of `units` joined with ` + `, made visible (a label carries the number as
/// printed in the document).
fn labels(doc: &Document, units: &[usize]) -> String {
    let joined = units
        .iter()
        .map(|&u| doc.label(u))
        .collect::<Vec<_>>()
        .join(" + ");
    visible(&joined).into_owned()
}

fn write_trace(
    w: &mut dyn Write,
    lineage: &Lineage,
    trace: &Trace,
    full: bool,
    p: &Palette,
) -> io::Result<()> {
    let docs = lineage.versions();
    let start = &docs[trace.start.version];
    write_versions(w, lineage, p)?;
    writeln!(
        w,
        "\n{} {} of v{} ({})",
        p.diff.title.style("trace:"),
        Visible(&start.label(trace.start.unit)),
        trace.start.version + 1,
        Visible(&start.path)
    )?;
    let first = trace.first_seen();
    if first > 0 {
        writeln!(
            w,
            "\n{} in v{} {} ({}): no ancestor in an earlier version",
            p.diff.title.style("new"),
            first + 1,
            labels(&docs[first], &trace.members[first]),
            Visible(&docs[first].path)
        )?;
    }
    for step in &trace.steps {
        let (old, new) = (&docs[step.old], &docs[step.new]);
        for link in &step.links {
            let what = if step.new > step.old + 1 {
                "restored".to_string()
            } else if link.old.len() > 1 {
                "merged".to_string()
            } else if link.new.len() > 1 {
                "split".to_string()
            } else if link.diff.ops.iter().all(|op| op.kind == OpKind::Equal) {
                "unchanged".to_string()
            } else {
                "edited".to_string()
            };
            let (ins, del) = word_counts(&link.diff);
            let moved = if link.moved { ", moved" } else { "" };
            let counts = if ins + del == 0 {
                String::new()
            } else {
                format!(" (+{ins} −{del} words)")
            };
            writeln!(
                w,
                "\n{} v{} {} → v{} {}: {what}{moved}{counts}",
                p.diff.title.style("step"),
                step.old + 1,
                labels(old, &link.old),
                step.new + 1,
                labels(new, &link.new),
            )?;
            if !link.merged_in.is_empty() {
                writeln!(
                    w,
                    "  merged with {} of v{}",
                    labels(old, &link.merged_in),
                    step.old + 1
                )?;
            }
            if !link.split_off.is_empty() {
                writeln!(
                    w,
                    "  split off {} of v{}",
                    labels(new, &link.split_off),
                    step.new + 1
                )?;
            }
            if link.diff.ops.iter().any(|op| op.kind != OpKind::Equal) {
                write!(w, "  ")?;
                write_diff(w, &link.diff, full, p)?;
                writeln!(w)?;
            }
        }
        for &u in &step.dropped {
            writeln!(
                w,
                "\n{} v{} {}: dropped in v{}",
                p.diff.title.style("step"),
                step.old + 1,
                Visible(&old.label(u)),
                step.new + 1
            )?;
        }
    }
    let last = docs.len();
    match &trace.end {
        TraceEnd::Reached(units) => writeln!(
            w,
            "\n{} {} of v{last} ({})",
            p.diff.title.style("ends in"),
            labels(&docs[last - 1], units),
            Visible(&docs[last - 1].path)
        ),
        TraceEnd::Dropped { last_seen, version } => writeln!(
            w,
            "\n{} dropped in v{} (last seen in v{})",
            p.diff.title.style("ends:"),
            version + 1,
            last_seen + 1
        ),
    }
}

/// Writes a word diff inline: deletions `[-…-]`, insertions `{+…+}` (coloured when on), long
/// unchanged runs elided to their first and last words unless `full`.
fn write_diff(w: &mut dyn Write, diff: &WordDiff, full: bool, p: &Palette) -> io::Result<()> {
    let n = diff.ops.len();
    for (i, op) in diff.ops.iter().enumerate() {
        match op.kind {
            OpKind::Equal => {
                let words: Vec<&str> = op.text.split_whitespace().collect();
                let head = if i == 0 { 0 } else { CONTEXT_WORDS };
                let tail = if i + 1 == n { 0 } else { CONTEXT_WORDS };
                if full || words.len() <= head + tail + 1 {
                    write!(w, "{}", Visible(&op.text))?;
                } else {
                    let lead = if op.text.starts_with(char::is_whitespace) {
                        " "
                    } else {
                        ""
                    };
                    let trail = if op.text.ends_with(char::is_whitespace) {
                        " "
                    } else {
                        ""
                    };
                    let sep = |a: bool| if a { " " } else { "" };
                    write!(
                        w,
                        "{lead}{}{}{}{}{}{trail}",
                        Visible(&words[..head].join(" ")),
                        sep(head > 0),
                        p.diff.dim.style("…"),
                        sep(tail > 0),
                        Visible(&words[words.len() - tail..].join(" "))
                    )?;
                }
            }
            OpKind::Insert if p.diff.markers => write!(w, "{{+{}+}}", Visible(&op.text))?,
            OpKind::Delete if p.diff.markers => write!(w, "[-{}-]", Visible(&op.text))?,
            OpKind::Insert => write!(w, "{}", p.diff.inserted.style(Visible(&op.text)))?,
            OpKind::Delete => write!(w, "{}", p.diff.deleted.style(Visible(&op.text)))?,
        }
    }
    Ok(())
}

fn write_blame(
    w: &mut dyn Write,
    lineage: &Lineage,
    blame: &Blame,
    width: usize,
    p: &Palette,
) -> io::Result<()> {
    let Some(doc) = lineage.versions().get(blame.version) else {
        return Ok(());
    };
    write_versions(w, lineage, p)?;
    // Per unit: its label and its "written in" parts, plain, to size the columns.
    let rows: Vec<(String, Vec<(usize, String)>)> = blame
        .units
        .iter()
        .map(|b| {
            let parts = b
                .words_by_version
                .iter()
                .enumerate()
                .filter(|&(k, _)| b.share(k) >= MIN_SHOWN_SHARE)
                .map(|(k, _)| (k, format!("v{} {:.0}%", k + 1, 100.0 * b.share(k))))
                .collect();
            (visible(&doc.label(b.node.unit)).into_owned(), parts)
        })
        .collect();
    let label_width = rows
        .iter()
        .map(|r| r.0.chars().count())
        .chain([4])
        .max()
        .unwrap_or(4);
    let shares_width = rows
        .iter()
        .map(|r| {
            r.1.iter()
                .map(|(_, s)| s.chars().count() + 1)
                .sum::<usize>()
        })
        .chain([10])
        .max()
        .unwrap_or(10)
        .saturating_sub(1);
    writeln!(
        w,
        "\n{}",
        p.diff.title.style(format!(
            "origin  changed  {:<label_width$}  words  {:<shares_width$}  text",
            "unit", "written in"
        ))
    )?;
    let used = 6 + 2 + 7 + 2 + label_width + 2 + 5 + 2 + shares_width + 2;
    let text_chars = width.saturating_sub(used).max(MIN_TEXT_CHARS);
    for (b, (label, parts)) in blame.units.iter().zip(&rows) {
        let unit = &doc.units[b.node.unit];
        let plain_len = parts
            .iter()
            .map(|(_, s)| s.chars().count() + 1)
            .sum::<usize>();
        let styled: Vec<String> = parts
            .iter()
            .map(|(k, s)| p.version(*k).style(s).to_string())
            .collect();
        let pad = shares_width.saturating_sub(plain_len.saturating_sub(1));
        let shown = visible(&unit.text);
        let text: String = if shown.chars().count() > text_chars {
            let mut t: String = shown.chars().take(text_chars - 1).collect();
            t.push('…');
            t
        } else {
            shown.into_owned()
        };
        writeln!(
            w,
            "{}  {}  {label:<label_width$}  {:>5}  {}{:pad$}  {text}",
            p.version(b.origin)
                .style(format!("{:<6}", format!("v{}", b.origin + 1))),
            p.version(b.last_changed)
                .style(format!("{:<7}", format!("v{}", b.last_changed + 1))),
            b.words(),
            styled.join(" "),
            "",
        )?;
    }
    Ok(())
}

fn write_log(
    w: &mut dyn Write,
    lineage: &Lineage,
    summaries: &[StepSummary],
    p: &Palette,
) -> io::Result<()> {
    write_versions(w, lineage, p)?;
    writeln!(w)?;
    for s in summaries {
        writeln!(
            w,
            "{} v{} → v{}: {} linked ({} unchanged, {} edited, {} merged, {} split, {} moved); {} added, {} restored, {} dropped",
            p.diff.title.style("step"),
            s.old + 1,
            s.new + 1,
            s.links,
            s.unchanged,
            s.edited,
            s.merged,
            s.split,
            s.moved,
            s.added,
            s.restored,
            s.dropped
        )?;
    }
    for step in lineage.revival_steps() {
        for link in &step.alignment.links {
            writeln!(
                w,
                "{} {} of v{} → {} of v{}",
                p.diff.title.style("restored"),
                labels(&lineage.versions()[step.old], &link.old),
                step.old + 1,
                labels(&lineage.versions()[step.new], &link.new),
                step.new + 1
            )?;
        }
    }
    Ok(())
}
