//! The terminal report: a summary, then the new version in order with the origin and the
//! inline word diff of every unit, removed units where they stood, headings as rules.

use std::io;

use crate::model::{Op, OpKind, Report, Summary, UnitKind};

use super::layout::{self, Entry, Step};
use super::wrap::{Role, Span, push, width, write_spans, write_wrapped};
use super::{Palette, TerminalOptions};

/// Indentation of a unit's text under its origin line.
const TEXT_INDENT: usize = 4;

/// Writes the terminal report of `report`.
pub fn terminal(
    report: &Report,
    options: &TerminalOptions,
    palette: &Palette,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    if !options.all && !report.has_differences() {
        return same(report, options, palette, out);
    }
    summary(report, options, palette, out)?;
    if options.stat {
        return Ok(());
    }
    for step in layout::steps(report, &options.only, !options.all) {
        match step {
            Step::Heading(entry, own) => heading(report, entry, options, palette, out, own)?,
            Step::Unit(entry) => unit(report, entry, options, palette, out)?,
            Step::Gap(n) => gap(n, options, palette, out)?,
        }
    }
    Ok(())
}

/// The one line for two versions with no difference: `OLD and NEW have the same N units`.
pub(crate) fn same(
    report: &Report,
    options: &TerminalOptions,
    palette: &Palette,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let n = report.new.units.len();
    let line = vec![Span::new(
        Role::Plain,
        format!(
            "{} and {} have the same {n} {}",
            report.old.path,
            report.new.path,
            if n == 1 { "unit" } else { "units" }
        ),
    )];
    write_wrapped(out, &line, options.width, 0, palette)
}

/// `… 12 unchanged units`, where they stand (shown with `--all`).
pub(crate) fn gap(
    n: usize,
    options: &TerminalOptions,
    palette: &Palette,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    writeln!(out)?;
    let line = vec![Span::new(
        Role::Dim,
        format!(
            "{ELISION} {n} unchanged {}",
            if n == 1 { "unit" } else { "units" }
        ),
    )];
    write_wrapped(out, &line, options.width, 0, palette)
}

/// What stands for elided text, in a unit (`-U`) and for hidden units.
pub(crate) const ELISION: &str = "…";

/// The fewest words an elision hides: hiding less than a short clause saves less room
/// than the reader loses in following the sentence.
const MIN_ELIDED_WORDS: usize = 6;

/// Byte ranges of the words (runs of non-space characters) of `text`.
fn word_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// `ops` with the middle of each long unchanged run replaced by one [`ELISION`] op,
/// keeping `context` words on each side of a change (none before the first change or
/// after the last). A unit with no change at all keeps its first `2 × context` words.
pub(crate) fn elide(ops: &[Op], context: usize) -> Vec<Op> {
    let changed = |op: &Op| op.kind != OpKind::Equal;
    let (first, last) = (ops.iter().position(changed), ops.iter().rposition(changed));
    let equal = |text: String| Op {
        kind: OpKind::Equal,
        text,
        old: None,
    };
    let mut out = Vec::with_capacity(ops.len());
    for (i, op) in ops.iter().enumerate() {
        if changed(op) {
            out.push(op.clone());
            continue;
        }
        let (head, tail) = match (first, last) {
            (Some(f), Some(l)) => (
                if i < f { 0 } else { context },
                if i > l { 0 } else { context },
            ),
            _ => (context.saturating_mul(2), 0),
        };
        let words = word_ranges(&op.text);
        if words.len() < head.saturating_add(tail).saturating_add(MIN_ELIDED_WORDS) {
            out.push(op.clone());
            continue;
        }
        if head > 0 {
            out.push(equal(format!("{} ", &op.text[..words[head - 1].end])));
        }
        out.push(equal(ELISION.to_string()));
        if tail > 0 {
            out.push(equal(format!(
                " {}",
                &op.text[words[words.len() - tail].start..]
            )));
        }
    }
    out
}

/// The summary header.
fn summary(
    report: &Report,
    options: &TerminalOptions,
    palette: &Palette,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let s = &report.summary;
    let title = vec![
        Span::new(Role::Title, "draftdiff"),
        Span::new(
            Role::Plain,
            format!(" {} → {}", report.old.path, report.new.path),
        ),
    ];
    write_wrapped(out, &title, options.width, 0, palette)?;
    let units = vec![Span::new(
        Role::Plain,
        format!("units: {} old, {} new", s.old_units, s.new_units),
    )];
    write_wrapped(out, &units, options.width, 0, palette)?;
    for line in counts(s) {
        write_wrapped(out, &line, options.width, 0, palette)?;
    }
    let kept = vec![Span::new(
        Role::Plain,
        format!(
            "old text carried over: {:.1}% ({} of {} {})",
            s.carried_over() * 100.0,
            s.kept_words,
            s.old_words,
            if s.old_words == 1 { "word" } else { "words" }
        ),
    )];
    write_wrapped(out, &kept, options.width, 0, palette)?;
    if s.timed_out > 0 {
        let note = vec![Span::new(
            Role::Dim,
            format!(
                "note: {} went over {} work budget and {} coarser than {} could be",
                if s.timed_out == 1 {
                    "1 word diff".to_string()
                } else {
                    format!("{} word diffs", s.timed_out)
                },
                if s.timed_out == 1 { "its" } else { "their" },
                if s.timed_out == 1 { "is" } else { "are" },
                if s.timed_out == 1 { "it" } else { "they" },
            ),
        )];
        write_wrapped(out, &note, options.width, 0, palette)?;
    }
    Ok(())
}

/// `unchanged 3 · renumbered 2 · …` over two lines (links, then moves and units), each
/// count in the colour of its kind.
fn counts(s: &Summary) -> [Vec<Span>; 2] {
    let line = |items: &[(&str, usize, Role)]| {
        let mut spans = Vec::new();
        for (i, &(name, n, role)) in items.iter().enumerate() {
            if i > 0 {
                push(&mut spans, Role::Dim, " · ");
            }
            push(
                &mut spans,
                if n > 0 { role } else { Role::Plain },
                &format!("{name} {n}"),
            );
        }
        spans
    };
    [
        line(&[
            ("unchanged", s.unchanged, Role::Plain),
            ("renumbered", s.renumbered, Role::Plain),
            ("edited", s.edited, Role::Plain),
            ("rewritten", s.rewritten, Role::Plain),
        ]),
        line(&[
            ("moved", s.moved, Role::Plain),
            ("merged", s.merged, Role::Plain),
            ("split", s.split, Role::Plain),
            ("added", s.added, Role::Inserted),
            ("removed", s.removed, Role::Deleted),
        ]),
    ]
}

/// A section rule: `── §III Technical assistance ───────`, with its origin when it changed.
pub(crate) fn heading(
    report: &Report,
    entry: Entry,
    options: &TerminalOptions,
    palette: &Palette,
    out: &mut dyn io::Write,
    with_origin: bool,
) -> io::Result<()> {
    let (label, spans, note) = match entry {
        Entry::Linked { new, link, part } => {
            let l = &report.alignment.links[link];
            let note = layout::is_changed(l) || l.moved;
            let note = note.then(|| origin_text(report, link, part, new));
            let ops = report.diffs[link].part(part);
            (
                number_prefix(report.new.unit(new).number.as_deref()),
                diff_spans(ops, palette, Role::Heading),
                note,
            )
        }
        Entry::Added { new } => (
            number_prefix(report.new.unit(new).number.as_deref()),
            vec![Span::new(Role::Heading, report.new.unit(new).text.clone())],
            Some(format!("{} (new)", report.new.label(new))),
        ),
        Entry::Removed { old } => (
            number_prefix(report.old.unit(old).number.as_deref()),
            vec![Span::new(Role::Removed, report.old.unit(old).text.clone())],
            Some(format!("old {} (removed)", report.old.label(old))),
        ),
    };
    writeln!(out)?;
    let mut line = vec![Span::new(Role::Heading, format!("── {label}"))];
    line.extend(spans);
    let mut lines = super::wrap::wrap(&line, options.width, 0, 3);
    let last = lines.len() - 1;
    for (i, l) in lines.iter_mut().enumerate() {
        if i > 0 {
            write!(out, "   ")?;
        }
        let used = l.iter().map(|s| width(&s.text)).sum::<usize>() + if i > 0 { 3 } else { 0 };
        if i == last && used + 2 < options.width {
            push(
                l,
                Role::Heading,
                &format!(" {}", "─".repeat(options.width - used - 1)),
            );
        }
        write_spans(out, l, palette)?;
        writeln!(out)?;
    }
    if let (true, Some(note)) = (with_origin, note) {
        write_wrapped(
            out,
            &[Span::new(Role::Origin, note)],
            options.width,
            3,
            palette,
        )?;
    }
    Ok(())
}

fn number_prefix(number: Option<&str>) -> String {
    match number {
        Some(n) => format!("{n}. "),
        None => String::new(),
    }
}

/// `¶37 ← ¶27 + ¶28 + ¶29 (merged, 0.71)`.
pub(crate) fn origin_text(report: &Report, link: usize, part: usize, new: usize) -> String {
    let l = &report.alignment.links[link];
    let kind = layout::kind_words(l, part);
    let score = if layout::is_changed(l) && l.change != crate::model::Change::Renumbered || l.moved
    {
        format!(", {:.2}", l.score)
    } else {
        String::new()
    };
    let timed_out = if report.diffs[link].timed_out {
        "; word diff coarse: work budget exceeded"
    } else {
        ""
    };
    format!(
        "{} ← {} ({kind}{score}{timed_out})",
        report.new.label(new),
        layout::labels(&report.old, &l.old)
    )
}

/// One non-heading entry: its origin line and its text with the inline diff.
fn unit(
    report: &Report,
    entry: Entry,
    options: &TerminalOptions,
    palette: &Palette,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    writeln!(out)?;
    let (origin, text) = match entry {
        Entry::Linked { new, link, part } => {
            let ops = report.diffs[link].part(part);
            let origin = Span::new(Role::Origin, origin_text(report, link, part, new));
            if mostly_rewritten(ops) {
                // Interleaved words would be unreadable: the old text, then the new.
                write_wrapped(out, &[origin], options.width, 0, palette)?;
                let (old, new) = both_sides(ops, palette);
                write_wrapped(out, &old, options.width, TEXT_INDENT, palette)?;
                return write_wrapped(out, &new, options.width, TEXT_INDENT, palette);
            }
            let ops = elide(ops, options.context);
            (origin, diff_spans(&ops, palette, Role::Plain))
        }
        Entry::Added { new } => (
            Span::new(Role::Inserted, format!("{} (new)", report.new.label(new))),
            vec![Span::new(Role::Added, report.new.unit(new).text.clone())],
        ),
        Entry::Removed { old } => (
            Span::new(
                Role::Deleted,
                format!("old {} (removed)", report.old.label(old)),
            ),
            vec![Span::new(Role::Removed, report.old.unit(old).text.clone())],
        ),
    };
    write_wrapped(out, &[origin], options.width, 0, palette)?;
    let indent = match entry {
        Entry::Linked { new, .. } | Entry::Added { new }
            if report.new.unit(new).kind == UnitKind::ListItem =>
        {
            TEXT_INDENT + 2
        }
        _ => TEXT_INDENT,
    };
    write_wrapped(out, &text, options.width, indent, palette)
}

/// Share of kept words under which a diff is shown as two blocks rather than inline: below
/// it, more than two words in three changed and the inline view becomes a word salad.
const INLINE_MIN_KEPT: f64 = 0.34;

/// True when so few words are kept that the inline view would not read. Words only
/// added (the first part of a split that grew) or only dropped never interleave, so they
/// stay inline: two blocks would show the kept words as deleted.
fn mostly_rewritten(ops: &[Op]) -> bool {
    let count = |kind: OpKind| -> usize {
        ops.iter()
            .filter(|o| o.kind == kind)
            .map(|o| {
                o.text
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count()
            })
            .sum()
    };
    let (equal, inserted, deleted) = (
        count(OpKind::Equal),
        count(OpKind::Insert),
        count(OpKind::Delete),
    );
    let longer = (equal + inserted).max(equal + deleted);
    inserted > 0 && deleted > 0 && (equal as f64) < INLINE_MIN_KEPT * longer as f64
}

/// The old text as one deleted block and the new text as one inserted block, for a unit
/// rewritten beyond inline reading; the kept words stay plain inside each block.
fn both_sides(ops: &[Op], palette: &Palette) -> (Vec<Span>, Vec<Span>) {
    let side = |kind: OpKind, open: &str, close: &str, role: Role| {
        let mut spans = Vec::new();
        if palette.markers {
            push(&mut spans, role, open);
        }
        for op in ops
            .iter()
            .filter(|o| o.kind == OpKind::Equal || o.kind == kind)
        {
            // Each block in its own version's spelling.
            match (op.kind, &op.old) {
                (OpKind::Equal, Some(old)) if kind == OpKind::Delete => {
                    push(&mut spans, Role::Plain, old);
                }
                (OpKind::Equal, _) => push(&mut spans, Role::Plain, &op.text),
                _ => push(&mut spans, role, &op.text),
            }
        }
        if let Some(last) = spans.last_mut() {
            let trimmed = last.text.trim_end().len();
            last.text.truncate(trimmed);
        }
        if palette.markers {
            push(&mut spans, role, close);
        }
        spans
    };
    (
        side(OpKind::Delete, "[-", "-]", Role::Deleted),
        side(OpKind::Insert, "{+", "+}", Role::Inserted),
    )
}

/// The spans of a word diff: equal text in `base`, deletions and insertions in their roles,
/// with `[-…-]`/`{+…+}` markers when the palette has no colour. Spaces that start or end
/// a changed run are moved outside it (`[-big-] dog`, not `[-big -]dog`), and dropped
/// between a deletion and the insertion that replaces it.
pub(crate) fn diff_spans(ops: &[Op], palette: &Palette, base: Role) -> Vec<Span> {
    let mut spans = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        match op.kind {
            OpKind::Equal if op.text == ELISION => push(&mut spans, Role::Dim, ELISION),
            OpKind::Equal => push(&mut spans, base, &op.text),
            OpKind::Delete | OpKind::Insert => {
                let core = op.text.trim();
                let lead = &op.text[..op.text.len() - op.text.trim_start().len()];
                let tail = &op.text[lead.len() + core.len()..];
                let (role, open, close) = if op.kind == OpKind::Delete {
                    (Role::Deleted, "[-", "-]")
                } else {
                    (Role::Inserted, "{+", "+}")
                };
                if core.is_empty() {
                    push(&mut spans, role, &op.text);
                    continue;
                }
                // A space before the changed words (the old text's space before a deleted
                // word: `event. [-Representation …-]`) is shown outside the marks, once.
                let spaced = spans
                    .last()
                    .is_none_or(|s: &Span| s.text.ends_with(char::is_whitespace));
                if !lead.is_empty() && !spaced {
                    push(&mut spans, base, lead);
                }
                if palette.markers {
                    push(&mut spans, role, &format!("{open}{core}{close}"));
                } else {
                    push(&mut spans, role, core);
                }
                let replaced = op.kind == OpKind::Delete
                    && ops.get(i + 1).is_some_and(|n| n.kind == OpKind::Insert);
                if !replaced {
                    push(&mut spans, base, tail);
                }
            }
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{DiffOptions, diff_texts};

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn heavy_rewrites_show_two_blocks() {
        let d = diff_texts(
            "Switzerland observed that the term is vague.",
            "According to the Swiss delegation, no definition exists yet for this notion.",
            &DiffOptions::new(),
        );
        assert!(mostly_rewritten(&d.ops));
        let (old, new) = both_sides(&d.ops, &Palette::plain());
        assert!(text(&old).starts_with("[-Switzerland"), "{}", text(&old));
        assert!(text(&old).ends_with("vague.-]"), "{}", text(&old));
        assert!(text(&new).starts_with("{+According"), "{}", text(&new));
        let light = diff_texts(
            "The cat sat on the mat.",
            "The cat sat on a mat.",
            &DiffOptions::new(),
        );
        assert!(!mostly_rewritten(&light.ops));
        // A paragraph's opening that grew into a whole paragraph (the first part of a
        // split, draft-ietf-dmarc-dmarcbis-01 → -02): its words are kept, not deleted.
        let grown = diff_texts(
            "DMARC permits Identifier Alignment based on the result of",
            "DMARC permits Identifier Alignment based on the result of a DKIM authentication \
             to be strict or relaxed. (Note that these terms are not related to DKIM's \
             \"simple\" and \"relaxed\" canonicalization modes.)",
            &DiffOptions::new(),
        );
        assert!(!mostly_rewritten(&grown.ops));
    }

    #[test]
    fn deleted_words_keep_their_space() {
        let d = diff_texts(
            "resolution 37/23 of March, in",
            "resolution 37/23, in",
            &DiffOptions::new(),
        );
        let t = text(&diff_spans(&d.ops, &Palette::plain(), Role::Plain));
        assert_eq!(t, "resolution 37/23 [-of March-], in");
        let d = diff_texts(
            "resolution 60/250.",
            "resolution 60/251.",
            &DiffOptions::new(),
        );
        let t = text(&diff_spans(&d.ops, &Palette::plain(), Role::Plain));
        assert_eq!(t, "resolution 60/[-250-]{+251+}.");
    }
}
