//! The side-by-side report: old text on the left, new on the right, one row an entry.

use std::io;

use crate::model::{Op, OpKind, Report};

use super::layout::{self, Entry, Step};
use super::terminal::{diff_spans, elide, gap, heading, origin_text, same};
use super::wrap::{Role, Span, width, wrap, write_spans};
use super::{Palette, TerminalOptions};

/// What separates the two columns.
const GUTTER: &str = " │ ";

/// Writes `report` in two columns fitted to `options.width`: each row shows an entry's old
/// text (deletions marked) beside its new text (insertions marked); headings span both.
pub fn side_by_side(
    report: &Report,
    options: &TerminalOptions,
    palette: &Palette,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    if !options.all && !report.has_differences() {
        return same(report, options, palette, out);
    }
    let col = (options.width.saturating_sub(width(GUTTER)) / 2).max(10);
    for step in layout::steps(report, &options.only, !options.all) {
        let entry = match step {
            Step::Heading(entry, own) => {
                heading(report, entry, options, palette, out, own)?;
                continue;
            }
            Step::Gap(n) => {
                gap(n, options, palette, out)?;
                continue;
            }
            Step::Unit(entry) => entry,
        };
        let (old_head, new_head, old_text, new_text) = match entry {
            Entry::Linked { new, link, part } => {
                let l = &report.alignment.links[link];
                let ops = elide(report.diffs[link].part(part), options.context);
                let ops = ops.as_slice();
                (
                    Span::new(Role::Origin, layout::labels(&report.old, &l.old)),
                    Span::new(Role::Origin, origin_text(report, link, part, new)),
                    diff_spans(&side(ops, OpKind::Delete), palette, Role::Plain),
                    diff_spans(&side(ops, OpKind::Insert), palette, Role::Plain),
                )
            }
            Entry::Added { new } => (
                Span::new(Role::Plain, ""),
                Span::new(Role::Inserted, format!("{} (new)", report.new.label(new))),
                Vec::new(),
                vec![Span::new(Role::Added, report.new.unit(new).text.clone())],
            ),
            Entry::Removed { old } => (
                Span::new(
                    Role::Deleted,
                    format!("old {} (removed)", report.old.label(old)),
                ),
                Span::new(Role::Plain, ""),
                vec![Span::new(Role::Removed, report.old.unit(old).text.clone())],
                Vec::new(),
            ),
        };
        writeln!(out)?;
        rows(out, &[old_head], &[new_head], col, palette)?;
        rows(out, &old_text, &new_text, col, palette)?;
    }
    Ok(())
}

/// The runs of one side: equal runs and the runs of `kind`, each side in its own version's
/// spelling; on the old side a space that only the new text had before an insertion is
/// dropped when punctuation follows (`Kingdom .` → `Kingdom.`).
fn side(ops: &[Op], kind: OpKind) -> Vec<Op> {
    let mut out: Vec<Op> = Vec::new();
    // Two unchanged runs that stood apart only by a run of the other side (`forever{+/x +}for`)
    // touch on this side: between two words of a spaced script there was a space, or the
    // two would have been one word (`foreverfor`). Punctuation and CJK are left as they are.
    let spaced_word =
        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && u32::from(c) < 0x2E80);
    let mut dropped = false;
    for op in ops {
        if op.kind != OpKind::Equal && op.kind != kind {
            dropped = true;
            continue;
        }
        let touching = std::mem::take(&mut dropped)
            && op.kind == OpKind::Equal
            && spaced_word(op.text.chars().next())
            && out.last().is_some_and(|o: &Op| {
                o.kind == OpKind::Equal && spaced_word(o.text.chars().next_back())
            });
        if touching {
            out.push(Op {
                kind: OpKind::Equal,
                text: " ".into(),
                old: None,
            });
        }
        let mut op = op.clone();
        // The old side in the old version's spelling.
        if kind == OpKind::Delete
            && let Some(old) = op.old.take()
        {
            op.text = old;
        }
        out.push(op);
    }
    if kind == OpKind::Delete {
        for i in 1..out.len() {
            let next_punct = out[i].text.starts_with(['.', ',', ';', ':', ')', '?', '!']);
            if next_punct && out[i - 1].kind == OpKind::Equal {
                let trimmed = out[i - 1].text.trim_end().len();
                out[i - 1].text.truncate(trimmed);
            }
        }
    }
    out
}

/// Wraps both sides to `col` columns and writes them beside each other.
fn rows(
    out: &mut dyn io::Write,
    old: &[Span],
    new: &[Span],
    col: usize,
    palette: &Palette,
) -> io::Result<()> {
    let left = if old.iter().all(|s| s.text.is_empty()) {
        Vec::new()
    } else {
        wrap(old, col, 0, 0)
    };
    let right = if new.iter().all(|s| s.text.is_empty()) {
        Vec::new()
    } else {
        wrap(new, col, 0, 0)
    };
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let used: usize = l.iter().map(|s| width(&s.text)).sum();
        write_spans(out, l, palette)?;
        write!(out, "{}", " ".repeat(col.saturating_sub(used)))?;
        match right.get(i) {
            Some(r) => {
                write!(out, "{GUTTER}")?;
                write_spans(out, r, palette)?;
                writeln!(out)?;
            }
            None => writeln!(out, "{}", GUTTER.trim_end())?,
        }
    }
    Ok(())
}
