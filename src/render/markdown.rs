//! The Markdown changelog: a note a secretariat could send to its drafting group.
//!
//! A summary table, then, section by section of the new version, what is new, removed,
//! merged, split, moved and substantially reworded, with old → new paragraph references
//! and short quotes of the key changes. Light edits and renumberings are only counted, so
//! the note stays about substance.

use std::io;

use crate::model::{Change, Document, LinkShape, OpKind, Report, UnitId, UnitKind, WordDiff};

use super::escape::visible;
use super::layout::{self, Entry};

/// Longest quote, in words, before it is cut with an ellipsis.
const QUOTE_WORDS: usize = 14;

/// Words inserted plus deleted from which a light edit is quoted ("Amended") rather than
/// only listed: about a clause, below which edits are wording and punctuation.
const AMENDED_WORDS: usize = 12;

/// How many new units of one section are quoted before the rest are only listed.
const QUOTED_NEW_UNITS: usize = 3;

/// Writes the Markdown changelog of `report`.
pub fn markdown(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let s = &report.summary;
    writeln!(
        out,
        "# Changes from {} to {}\n",
        code(&report.old.path),
        code(&report.new.path)
    )?;
    writeln!(
        out,
        "The new version has {} units against {} in the old one; {:.0}% of the old text \
         ({} of {} words) is carried over unchanged.\n",
        s.new_units,
        s.old_units,
        s.carried_over() * 100.0,
        s.kept_words,
        s.old_words
    )?;
    writeln!(out, "| Change | Count |\n|:--|--:|")?;
    for (name, n) in [
        ("Unchanged", s.unchanged),
        ("Renumbered only", s.renumbered),
        ("Lightly edited", s.edited),
        ("Substantially reworded", s.rewritten),
        ("Moved", s.moved),
        ("Merged (several into one)", s.merged),
        ("Split (one into several)", s.split),
        ("New", s.added),
        ("Removed", s.removed),
    ] {
        writeln!(out, "| {name} | {n} |")?;
    }
    if s.timed_out > 0 {
        writeln!(
            out,
            "\n_Note: {} comparisons hit their time limit; their quotes may be coarse._",
            s.timed_out
        )?;
    }
    for section in sections(report) {
        write_section(report, &section, out)?;
    }
    Ok(())
}

/// The entries of one section of the new version, after its heading.
struct Section {
    heading: Option<Entry>,
    entries: Vec<Entry>,
}

fn sections(report: &Report) -> Vec<Section> {
    let mut out = vec![Section {
        heading: None,
        entries: Vec::new(),
    }];
    for entry in layout::entries(report) {
        let starts = entry.is_heading(report) && !matches!(entry, Entry::Removed { .. });
        if starts {
            out.push(Section {
                heading: Some(entry),
                entries: Vec::new(),
            });
        } else if let Some(last) = out.last_mut() {
            last.entries.push(entry);
        }
    }
    if out[0].entries.is_empty() {
        out.remove(0);
    }
    out
}

fn write_section(report: &Report, section: &Section, out: &mut dyn io::Write) -> io::Result<()> {
    let links = &report.alignment.links;
    // The title, and what became of the heading itself.
    let mut title_note = None;
    let title = match section.heading {
        Some(Entry::Linked { new, link, .. }) => {
            let l = &links[link];
            if l.change != Change::Unchanged && l.change != Change::Renumbered {
                let old_title = layout::labels(&report.old, &l.old);
                let old_text = l
                    .old
                    .first()
                    .map(|&o| report.old.unit(o).text.as_str())
                    .unwrap_or("");
                let new_text = &report.new.unit(new).text;
                let letters = |t: &str| -> String {
                    t.chars()
                        .filter(|c| c.is_alphanumeric())
                        .flat_map(char::to_lowercase)
                        .collect()
                };
                title_note = Some(if letters(old_text) == letters(new_text) {
                    format!("Heading renumbered (was {old_title}).")
                } else {
                    format!(
                        "Heading reworded (was {old_title}, “{}”).",
                        escape(&quote(old_text))
                    )
                });
            }
            heading_title(&report.new, new)
        }
        Some(Entry::Added { new }) => {
            title_note = Some("New section.".to_string());
            heading_title(&report.new, new)
        }
        _ => "Opening paragraphs".to_string(),
    };
    writeln!(out, "\n## {}\n", escape(&title))?;
    if let Some(note) = title_note {
        writeln!(out, "{note}\n")?;
    }

    let mut new_units = Vec::new();
    let mut removed = Vec::new();
    let mut merged = Vec::new();
    let mut split = Vec::new();
    let mut moved = Vec::new();
    let mut reworded = Vec::new();
    let mut edited = Vec::new();
    let mut renumbered = 0;
    let mut unchanged = 0;
    for &entry in &section.entries {
        match entry {
            Entry::Added { new } => new_units.push(new),
            Entry::Removed { old } => removed.push(old),
            Entry::Linked { link, part, .. } => {
                if part > 0 {
                    continue;
                }
                let l = &links[link];
                match l.shape {
                    LinkShape::Merge => merged.push(link),
                    LinkShape::Split => split.push(link),
                    LinkShape::OneToOne => match l.change {
                        Change::Rewritten => reworded.push(link),
                        Change::Edited => edited.push(link),
                        Change::Renumbered => renumbered += 1,
                        Change::Unchanged => unchanged += 1,
                    },
                }
                if l.moved {
                    moved.push(link);
                }
            }
        }
    }

    let mut items: Vec<String> = Vec::new();
    if !new_units.is_empty() {
        let mut text = format!(
            "**New:** {} {}",
            count_units(&report.new, &new_units),
            ranges(&report.new, &new_units)
        );
        let quoted: Vec<String> = new_units
            .iter()
            .filter(|&&n| report.new.unit(n).kind != UnitKind::Heading)
            .take(QUOTED_NEW_UNITS)
            .map(|&n| {
                format!(
                    "{} “{}”",
                    report.new.label(n),
                    escape(&quote(&report.new.unit(n).text))
                )
            })
            .collect();
        if !quoted.is_empty() {
            text.push_str(&format!(": {}", quoted.join("; ")));
            if new_units.len() > quoted.len() {
                text.push_str(&format!("; and {} more", new_units.len() - quoted.len()));
            }
        }
        text.push('.');
        items.push(text);
    }
    for &link in &merged {
        let l = &links[link];
        let mut text = format!(
            "**Merged:** {} combines former {}",
            labels_of(&report.new, &l.new),
            list(&report.old, &l.old)
        );
        text.push_str(&key_changes(&report.diffs[link]));
        text.push('.');
        items.push(text);
    }
    for &link in &split {
        let l = &links[link];
        let mut text = format!(
            "**Split:** former {} is now {}",
            labels_of(&report.old, &l.old),
            list(&report.new, &l.new)
        );
        text.push_str(&key_changes(&report.diffs[link]));
        text.push('.');
        items.push(text);
    }
    let mut within = Vec::new();
    for &link in &moved {
        let l = &links[link];
        let refs = format!(
            "{} (former {})",
            labels_of(&report.new, &l.new),
            list(&report.old, &l.old)
        );
        match l.old.first().and_then(|&o| old_section(&report.old, o)) {
            Some(h) if section_heading_link(report, section) == Some(h) => within.push(refs),
            Some(h) => items.push(format!(
                "**Moved:** {refs}, from “{}”.",
                escape(&heading_title(&report.old, h))
            )),
            None => items.push(format!("**Moved:** {refs}.")),
        }
    }
    if !within.is_empty() {
        items.push(format!(
            "**Moved within this section:** {}.",
            within.join(", ")
        ));
    }
    for &link in &reworded {
        let l = &links[link];
        let mut text = format!(
            "**Substantially reworded:** {} (former {})",
            labels_of(&report.new, &l.new),
            labels_of(&report.old, &l.old)
        );
        text.push_str(&key_changes(&report.diffs[link]));
        text.push('.');
        items.push(text);
    }
    if !removed.is_empty() {
        let quoted: Vec<String> = removed
            .iter()
            .map(|&o| {
                format!(
                    "former {} “{}”",
                    report.old.label(o),
                    escape(&quote(&report.old.unit(o).text))
                )
            })
            .collect();
        items.push(format!("**Removed:** {}.", quoted.join("; ")));
    }
    // Edits that add or drop a clause or more are worth a quote; the rest are listed.
    let (amended, edited): (Vec<usize>, Vec<usize>) = edited.into_iter().partition(|&link| {
        let st = report.diffs[link].stats;
        st.inserted + st.deleted >= AMENDED_WORDS
    });
    for &link in &amended {
        let l = &links[link];
        let new = labels_of(&report.new, &l.new);
        let old = labels_of(&report.old, &l.old);
        let former = if new == old {
            String::new()
        } else {
            format!(" (former {old})")
        };
        items.push(format!(
            "**Amended:** {new}{former}{}.",
            key_changes(&report.diffs[link])
        ));
    }
    if !edited.is_empty() {
        let refs: Vec<String> = edited
            .iter()
            .map(|&link| {
                let l = &links[link];
                let new = labels_of(&report.new, &l.new);
                let old = labels_of(&report.old, &l.old);
                if new == old {
                    new
                } else {
                    format!("{new} (former {old})")
                }
            })
            .collect();
        items.push(format!("Light edits: {}.", refs.join(", ")));
    }
    let quiet = renumbered + unchanged;
    if quiet > 0 {
        let mut text = format!("{} unchanged", count_word(quiet, "paragraph"));
        if renumbered > 0 {
            text.push_str(&format!(" in substance ({renumbered} renumbered only)"));
        }
        text.push('.');
        items.push(text);
    }
    for item in items {
        writeln!(out, "- {item}")?;
    }
    Ok(())
}

/// `adds “…”; drops “…”` for the longest inserted and deleted runs of a diff.
fn key_changes(diff: &WordDiff) -> String {
    let longest = |kind: OpKind| {
        diff.ops
            .iter()
            .filter(|o| o.kind == kind)
            .max_by_key(|o| o.text.split_whitespace().count())
            .map(|o| {
                o.text
                    .trim_matches(|c: char| c.is_whitespace() || ",.;:-–—".contains(c))
            })
            .filter(|t| t.chars().any(char::is_alphabetic))
    };
    let mut parts = Vec::new();
    if let Some(t) = longest(OpKind::Insert) {
        parts.push(format!("adds “{}”", escape(&quote(t))));
    }
    if let Some(t) = longest(OpKind::Delete) {
        parts.push(format!("drops “{}”", escape(&quote(t))));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("; {}", parts.join("; "))
    }
}

/// The old heading the section's heading descends from, if any.
fn section_heading_link(report: &Report, section: &Section) -> Option<UnitId> {
    match section.heading {
        Some(Entry::Linked { link, .. }) => report.alignment.links[link].old.first().copied(),
        _ => None,
    }
}

/// The heading of the section an old unit stood in.
fn old_section(doc: &Document, id: UnitId) -> Option<UnitId> {
    doc.units[..id.min(doc.units.len())]
        .iter()
        .rev()
        .find(|u| u.kind == UnitKind::Heading)
        .map(|u| u.id)
}

fn heading_title(doc: &Document, id: UnitId) -> String {
    let unit = doc.unit(id);
    match &unit.number {
        Some(n) => format!("{n}. {}", unit.text),
        None => unit.text.clone(),
    }
}

/// The first [`QUOTE_WORDS`] words of a text, with an ellipsis when cut; double quotes
/// inside become single ones, since the quote itself stands in double quotes.
/// A final full stop is dropped, since the quote sits inside a sentence of the note.
fn quote(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            '"' => '\'',
            c => c,
        })
        .collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= QUOTE_WORDS {
        let joined = words.join(" ");
        match joined.strip_suffix('.') {
            Some(s) if !s.ends_with('.') => s.to_string(),
            _ => joined,
        }
    } else {
        format!("{} …", words[..QUOTE_WORDS].join(" "))
    }
}

/// Labels joined with `, ` and `and`: `¶27, ¶28 and ¶29`.
fn list(doc: &Document, ids: &[UnitId]) -> String {
    let labels: Vec<String> = ids.iter().map(|&id| doc.label(id)).collect();
    match labels.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn labels_of(doc: &Document, ids: &[UnitId]) -> String {
    list(doc, ids)
}

/// Runs of consecutive units as `(¶12–¶15, ¶19)`.
fn ranges(doc: &Document, ids: &[UnitId]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let mut j = i;
        while j + 1 < ids.len()
            && ids[j + 1] == ids[j] + 1
            && doc.unit(ids[j + 1]).kind == doc.unit(ids[i]).kind
        {
            j += 1;
        }
        if j > i {
            parts.push(format!("{}–{}", doc.label(ids[i]), doc.label(ids[j])));
        } else {
            parts.push(doc.label(ids[i]));
        }
        i = j + 1;
    }
    format!("({})", parts.join(", "))
}

/// `3 paragraphs`, or by kind when mixed: `1 paragraph and 2 footnotes`.
fn count_units(doc: &Document, ids: &[UnitId]) -> String {
    let kinds = [
        (UnitKind::Paragraph, "paragraph"),
        (UnitKind::ListItem, "list item"),
        (UnitKind::Footnote, "footnote"),
        (UnitKind::Heading, "heading"),
    ];
    let parts: Vec<String> = kinds
        .iter()
        .filter_map(|&(kind, noun)| {
            let n = ids.iter().filter(|&&id| doc.unit(id).kind == kind).count();
            (n > 0).then(|| count_word(n, noun))
        })
        .collect();
    match parts.split_last() {
        None => count_word(0, "unit"),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn count_word(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A path as inline code, its control characters made visible (a backtick would end the
/// code span early: it becomes an apostrophe).
fn code(text: &str) -> String {
    format!("`{}`", visible(text).replace('`', "'"))
}

/// Document text made safe inside a sentence or a table cell of the changelog: control
/// characters made visible, then every character Markdown (CommonMark and GitHub's tables
/// and strikethrough) would read as markup backslash-escaped: emphasis, code, links and
/// images, raw HTML, entity and character references (`&#x202E;`), table cells,
/// strikethrough.
pub(crate) fn escape(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_cut() {
        assert_eq!(quote("a b c"), "a b c");
        assert_eq!(quote("a b c."), "a b c");
        assert_eq!(quote("a b etc.."), "a b etc..");
        assert_eq!(quote("the “win-win” term"), "the ‘win-win’ term");
        let long = "w ".repeat(20);
        assert!(quote(&long).ends_with('…'));
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(escape("a*b_[c]|"), "a\\*b\\_\\[c\\]\\|");
        assert_eq!(escape("&#x202E; ~~x~~"), "\\&\\#x202E; \\~\\~x\\~\\~");
        assert_eq!(escape("\u{1b}[8m\u{202e}"), "^\\[\\[8m\\<U+202E\\>");
        assert_eq!(code("a`b\u{1b}"), "`a'b^[`");
    }
}
