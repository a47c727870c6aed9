//! `trace`, `blame` and `log` for people: a version list, then each step, unit or summary
//! line, coloured by the one [`Palette`] (a colour per version for blame) and with document
//! text, file names and commit subjects shown through [`Visible`].

use std::io::{self, Write};

use crate::lineage::{Blame, Lineage, StepSummary, Trace, TraceEnd};
use crate::model::{Document, OpKind, WordDiff};

use super::Palette;
use super::escape::{Visible, visible, visible_width};
use super::wrap::{Role, Span, push, write_wrapped};

/// Words of unchanged text kept on each side of a change when a trace elides.
const CONTEXT_WORDS: usize = 6;

/// The least share of a unit's words a version must have written to be listed on a blame
/// line (the JSON lists every version): below 0.5% it would print as 0%.
const MIN_SHOWN_SHARE: f64 = 0.005;

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

/// Writes `spans` wrapped to `width`, every line indented by `indent`.
fn wrapped(
    w: &mut dyn Write,
    spans: &[Span],
    width: usize,
    indent: usize,
    p: &Palette,
) -> io::Result<()> {
    write_wrapped(w, spans, width, indent, p)
}

/// A title word (`step`, `trace:`) and the plain text after it, as spans.
fn titled(title: &str, rest: String) -> Vec<Span> {
    vec![Span::new(Role::Title, title), Span::new(Role::Plain, rest)]
}

/// Writes a trace for people: the versions, where the unit starts, each step with its word
/// diff (long unchanged runs elided to their first and last words unless `full`), where it
/// ends; every line wrapped to `width` columns (a paragraph's diff once made one line of
/// over a thousand characters).
pub fn trace(
    lineage: &Lineage,
    trace: &Trace,
    full: bool,
    width: usize,
    p: &Palette,
    w: &mut dyn Write,
) -> io::Result<()> {
    let docs = lineage.versions();
    let start = &docs[trace.start.version];
    write_versions(w, lineage, p)?;
    writeln!(w)?;
    let title = titled(
        "trace:",
        format!(
            " {} of v{} ({})",
            start.label(trace.start.unit),
            trace.start.version + 1,
            start.path
        ),
    );
    wrapped(w, &title, width, 0, p)?;
    let first = trace.first_seen();
    if first > 0 {
        writeln!(w)?;
        let new = titled(
            "new",
            format!(
                " in v{} {} ({}): no ancestor in an earlier version",
                first + 1,
                labels(&docs[first], &trace.members[first]),
                docs[first].path
            ),
        );
        wrapped(w, &new, width, 0, p)?;
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
            writeln!(w)?;
            let head = titled(
                "step",
                format!(
                    " v{} {} → v{} {}: {what}{moved}{counts}",
                    step.old + 1,
                    labels(old, &link.old),
                    step.new + 1,
                    labels(new, &link.new),
                ),
            );
            wrapped(w, &head, width, 0, p)?;
            if !link.merged_in.is_empty() {
                let text = format!(
                    "merged with {} of v{}",
                    labels(old, &link.merged_in),
                    step.old + 1
                );
                wrapped(w, &[Span::new(Role::Plain, text)], width, 2, p)?;
            }
            if !link.split_off.is_empty() {
                let text = format!(
                    "split off {} of v{}",
                    labels(new, &link.split_off),
                    step.new + 1
                );
                wrapped(w, &[Span::new(Role::Plain, text)], width, 2, p)?;
            }
            if link.diff.ops.iter().any(|op| op.kind != OpKind::Equal) {
                wrapped(w, &diff_spans(&link.diff, full, p), width, 2, p)?;
            }
        }
        for &u in &step.dropped {
            writeln!(w)?;
            let text = format!(
                " v{} {}: dropped in v{}",
                step.old + 1,
                old.label(u),
                step.new + 1
            );
            wrapped(w, &titled("step", text), width, 0, p)?;
        }
    }
    let last = docs.len();
    writeln!(w)?;
    let end = match &trace.end {
        TraceEnd::Reached(units) => titled(
            "ends in",
            format!(
                " {} of v{last} ({})",
                labels(&docs[last - 1], units),
                docs[last - 1].path
            ),
        ),
        TraceEnd::Dropped { last_seen, version } => titled(
            "ends:",
            format!(
                " dropped in v{} (last seen in v{})",
                version + 1,
                last_seen + 1
            ),
        ),
    };
    wrapped(w, &end, width, 0, p)
}

/// A word diff as spans: deletions `[-…-]`, insertions `{+…+}` (coloured instead when the
/// palette has colour), long unchanged runs elided to their first and last words unless
/// `full`.
fn diff_spans(diff: &WordDiff, full: bool, p: &Palette) -> Vec<Span> {
    let mut spans = Vec::new();
    let n = diff.ops.len();
    for (i, op) in diff.ops.iter().enumerate() {
        match op.kind {
            OpKind::Equal => {
                let words: Vec<&str> = op.text.split_whitespace().collect();
                let head = if i == 0 { 0 } else { CONTEXT_WORDS };
                let tail = if i + 1 == n { 0 } else { CONTEXT_WORDS };
                if full || words.len() <= head + tail + 1 {
                    push(&mut spans, Role::Plain, &op.text);
                } else {
                    if op.text.starts_with(char::is_whitespace) {
                        push(&mut spans, Role::Plain, " ");
                    }
                    if head > 0 {
                        push(&mut spans, Role::Plain, &words[..head].join(" "));
                        push(&mut spans, Role::Plain, " ");
                    }
                    push(&mut spans, Role::Dim, "…");
                    if tail > 0 {
                        push(&mut spans, Role::Plain, " ");
                        push(
                            &mut spans,
                            Role::Plain,
                            &words[words.len() - tail..].join(" "),
                        );
                    }
                    if op.text.ends_with(char::is_whitespace) {
                        push(&mut spans, Role::Plain, " ");
                    }
                }
            }
            OpKind::Insert | OpKind::Delete => {
                // Spaces that end a changed run go outside it (`[-much-] more`), as in the
                // report, so a line never breaks inside the markers.
                let core = op.text.trim_end();
                let (role, open, close) = if op.kind == OpKind::Insert {
                    (Role::Inserted, "{+", "+}")
                } else {
                    (Role::Deleted, "[-", "-]")
                };
                if p.markers && !core.is_empty() {
                    push(&mut spans, role, &format!("{open}{core}{close}"));
                } else {
                    push(&mut spans, role, core);
                }
                let replaced = op.kind == OpKind::Delete
                    && diff
                        .ops
                        .get(i + 1)
                        .is_some_and(|o| o.kind == OpKind::Insert);
                if !replaced {
                    push(&mut spans, Role::Plain, &op.text[core.len()..]);
                }
            }
        }
    }
    spans
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
    // Columns as wide as their widest cell or their header, whichever is wider (the
    // "written in" column was one short of its header when every value was short).
    let label_width = rows
        .iter()
        .map(|r| visible_width(&r.0))
        .chain(["unit".len()])
        .max()
        .unwrap_or(0);
    let shares_width = rows
        .iter()
        .map(|r| shares_len(&r.1))
        .chain(["written in".len()])
        .max()
        .unwrap_or(0);
    writeln!(
        w,
        "\n{}",
        p.title.paint(format!(
            "origin  changed  {:<label_width$}  words  {:<shares_width$}  text",
            "unit", "written in"
        ))
    )?;
    let used = 6 + 2 + 7 + 2 + label_width + 2 + 5 + 2 + shares_width + 2;
    // The text gets what the other columns leave of `width` (a lone `…` when they leave
    // nothing): every line fits unless the other columns alone are wider.
    let text_columns = width.saturating_sub(used);
    for (b, (label, parts)) in blame.units.iter().zip(&rows) {
        let unit = &doc.units[b.node.unit];
        let styled: Vec<String> = parts
            .iter()
            .map(|(k, s)| p.version(*k).paint(s).to_string())
            .collect();
        let pad = shares_width.saturating_sub(shares_len(parts));
        let label_pad = label_width.saturating_sub(visible_width(label));
        let text = cut_to_width(&visible(&unit.text), text_columns);
        writeln!(
            w,
            "{}  {}  {label}{:label_pad$}  {:>5}  {}{:pad$}  {text}",
            p.version(b.origin)
                .paint(format!("{:<6}", format!("v{}", b.origin + 1))),
            p.version(b.last_changed)
                .paint(format!("{:<7}", format!("v{}", b.last_changed + 1))),
            "",
            b.words(),
            styled.join(" "),
            "",
        )?;
    }
    Ok(())
}

/// Columns of a blame line's "written in" parts, joined with one space.
fn shares_len(parts: &[(usize, String)]) -> usize {
    let widths: usize = parts.iter().map(|(_, s)| visible_width(s)).sum();
    widths + parts.len().saturating_sub(1)
}

/// `text` cut to at most `columns` display columns (wide characters count two), ending in
/// `…` when cut.
fn cut_to_width(text: &str, columns: usize) -> String {
    if visible_width(text) <= columns {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = visible_width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > columns {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::DiffOptions;
    use crate::lineage::{LineageOptions, Node};
    use crate::segment::{SegmentOptions, segment};

    fn chain(texts: &[&str]) -> Lineage {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(k, t)| segment(&format!("v{k}.txt"), t, &SegmentOptions::new()))
            .collect();
        Lineage::build(docs, &LineageOptions::new())
    }

    fn long_paragraph(changed: &str) -> String {
        let words: Vec<String> = (0..300).map(|i| format!("word{i}")).collect();
        format!(
            "{} {changed} {}.",
            words[..150].join(" "),
            words[150..].join(" ")
        )
    }

    /// Issue 13: `trace` printed a paragraph's diff on one line of over a thousand
    /// characters at `--width 80`.
    #[test]
    fn trace_wraps_to_the_width() {
        let (a, b) = (long_paragraph("alpha"), long_paragraph("beta"));
        let lineage = chain(&[&format!("{a}\n"), &format!("{b}\n")]);
        let t = crate::lineage::trace(&lineage, Node::new(0, 0), &DiffOptions::new());
        for width in [40, 80] {
            let mut out = Vec::new();
            trace(&lineage, &t, true, width, &Palette::plain(), &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(text.contains("[-alpha-]{+beta+}"), "{text}");
            for line in text.lines() {
                assert!(visible_width(line) <= width, "{width}: {line}");
            }
        }
    }

    /// Issue 13: the text column of blame was one column left of its header when every
    /// "written in" value was short (`v1 100%`), and CJK text overflowed the width.
    #[test]
    fn blame_text_column_is_under_its_header_and_fits_the_width() {
        let lineage = chain(&[
            "First paragraph of the text.\n\n人権に関する技術協力は国際社会の重要な課題であり、各国の能力構築を支援する。\n",
            "First paragraph of the text.\n\n人権に関する技術協力は国際社会の重要な課題であり、各国の能力構築を支援する。\n",
        ]);
        let b = crate::lineage::blame(&lineage, &DiffOptions::new());
        for width in [60, 80] {
            let mut out = Vec::new();
            blame(&lineage, &b, width, &Palette::plain(), &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            let header = text.lines().find(|l| l.starts_with("origin")).unwrap();
            let column = visible_width(&header[..header.find("text").unwrap()]);
            let rows: Vec<&str> = text.lines().filter(|l| l.contains('%')).collect();
            assert_eq!(rows.len(), 2, "{text}");
            for row in rows {
                let start = row.find("First").or_else(|| row.find('人')).unwrap();
                assert_eq!(visible_width(&row[..start]), column, "{text}");
                assert!(visible_width(row) <= width, "{width}: {row}");
            }
        }
    }
}
