//! `trace`, `blame` and `log` for people: a version list, then each step, unit or summary
//! line, coloured by the one [`Palette`] (a colour per version for blame) and with document
//! text, file names and commit subjects shown through [`Visible`].

use std::io::{self, Write};

use crate::lineage::{Blame, Lineage, StepSummary, Trace, TraceEnd};
use crate::model::{Document, OpKind, WordDiff};

use super::Palette;
use super::escape::{Visible, visible};

/// Words of unchanged text kept on each side of a change when a trace elides.
const CONTEXT_WORDS: usize = 6;

/// The least share of a unit's words a version must have written to be listed on a blame
/// line (the JSON lists every version): below 0.5% it would print as 0%.
const MIN_SHOWN_SHARE: f64 = 0.005;

/// The fewest characters of a unit's text shown on a blame line, however narrow the terminal.
const MIN_TEXT_CHARS: usize = 20;

/// `one` when `n` is 1, else `many`.
pub(crate) fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn write_versions(w: &mut dyn Write, lineage: &Lineage, p: &Palette) -> io::Result<()> {
    for (k, doc) in lineage.versions().iter().enumerate() {
        writeln!(
            w,
            "{}  {}",
            p.version(k).paint(format!("v{}", k + 1)),
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

/// Writes a trace for people: the versions, where the unit starts, each step with its word
/// diff (long unchanged runs elided to their first and last words unless `full`), where it
/// ends.
pub fn trace(
    lineage: &Lineage,
    trace: &Trace,
    full: bool,
    p: &Palette,
    w: &mut dyn Write,
) -> io::Result<()> {
    let docs = lineage.versions();
    let start = &docs[trace.start.version];
    write_versions(w, lineage, p)?;
    writeln!(
        w,
        "\n{} {} of v{} ({})",
        p.title.paint("trace:"),
        Visible(&start.label(trace.start.unit)),
        trace.start.version + 1,
        Visible(&start.path)
    )?;
    let first = trace.first_seen();
    if first > 0 {
        writeln!(
            w,
            "\n{} in v{} {} ({}): no ancestor in an earlier version",
            p.title.paint("new"),
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
            let (ins, del) = link.diff.word_counts();
            let moved = if link.moved { ", moved" } else { "" };
            let counts = if ins + del == 0 {
                String::new()
            } else {
                format!(" (+{ins} −{del} {})", plural(ins.max(del), "word", "words"))
            };
            writeln!(
                w,
                "\n{} v{} {} → v{} {}: {what}{moved}{counts}",
                p.title.paint("step"),
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
                p.title.paint("step"),
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
            p.title.paint("ends in"),
            labels(&docs[last - 1], units),
            Visible(&docs[last - 1].path)
        ),
        TraceEnd::Dropped { last_seen, version } => writeln!(
            w,
            "\n{} dropped in v{} (last seen in v{})",
            p.title.paint("ends:"),
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
                        p.dim.paint("…"),
                        sep(tail > 0),
                        Visible(&words[words.len() - tail..].join(" "))
                    )?;
                }
            }
            OpKind::Insert if p.markers => write!(w, "{{+{}+}}", Visible(&op.text))?,
            OpKind::Delete if p.markers => write!(w, "[-{}-]", Visible(&op.text))?,
            OpKind::Insert => write!(w, "{}", p.inserted.paint(Visible(&op.text)))?,
            OpKind::Delete => write!(w, "{}", p.deleted.paint(Visible(&op.text)))?,
        }
    }
    Ok(())
}

/// Writes a blame for people: one line per unit of the blamed version with its origin, the
/// version that last changed it, its words by version and the start of its text, cut to fit
/// `width` columns.
pub fn blame(
    lineage: &Lineage,
    blame: &Blame,
    width: usize,
    p: &Palette,
    w: &mut dyn Write,
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
        p.title.paint(format!(
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
            .map(|(k, s)| p.version(*k).paint(s).to_string())
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
                .paint(format!("{:<6}", format!("v{}", b.origin + 1))),
            p.version(b.last_changed)
                .paint(format!("{:<7}", format!("v{}", b.last_changed + 1))),
            b.words(),
            styled.join(" "),
            "",
        )?;
    }
    Ok(())
}

/// Writes a log for people: the versions, one line of counts per step, one line per
/// restored unit.
pub fn log(
    lineage: &Lineage,
    summaries: &[StepSummary],
    p: &Palette,
    w: &mut dyn Write,
) -> io::Result<()> {
    write_versions(w, lineage, p)?;
    writeln!(w)?;
    for s in summaries {
        writeln!(
            w,
            "{} v{} → v{}: {} linked ({} unchanged, {} renumbered, {} edited, {} merged, {} split, {} moved); {} added, {} restored, {} dropped",
            p.title.paint("step"),
            s.old + 1,
            s.new + 1,
            s.links,
            s.unchanged,
            s.renumbered,
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
                p.title.paint("restored"),
                labels(&lineage.versions()[step.old], &link.old),
                step.old + 1,
                labels(&lineage.versions()[step.new], &link.new),
                step.new + 1
            )?;
        }
    }
    Ok(())
}
