//! A table of contents whose entries stand apart, one a block: read as the list it is.
//!
//! A book set as plain text often spaces its contents out, a blank line between entries,
//! each entry its title and, far to the right, its page number:
//!
//! ```text
//! Inhalt.
//!
//!
//! 1. Hinunter in den Kaninchenbau                   1
//!
//! 2. Der Thränenpfuhl                              14
//! ```
//!
//! The assembler cuts at the blank lines, so each entry is already a unit, but a numbered
//! one reads as a numbered paragraph (or, as a short line, a title) and the line that
//! names the list as a paragraph. The evidence is the run, never one line: at least
//! [`MIN_ENTRIES`] units in a row, each one line shaped as a contents entry (words, a wide
//! gap or leader dots, a page number), are list items; and the one short line just before
//! the run, if it is a line of its own and no entry, is the run's heading (`Inhalt.`,
//! `Contents`). Nothing here knows a document's words.

use super::assemble::is_contents_entry;
use crate::model::{Unit, UnitKind};

/// Fewest one-line entries in a row that make a table of contents: one or two lines with
/// a number at the end are as often a table row or a dated note.
const MIN_ENTRIES: usize = 3;

/// Most words of the line that names a table of contents (`Table of Contents`,
/// `Inhalt.`): a name, not a sentence.
const MAX_TITLE_WORDS: usize = 3;

/// Whether `unit` is one line of `lines` shaped like a contents entry.
fn is_entry(unit: &Unit, lines: &[&str]) -> bool {
    matches!(unit.kind, UnitKind::Paragraph | UnitKind::Heading)
        && unit.line == unit.end_line
        && unit
            .line
            .checked_sub(1)
            .and_then(|i| lines.get(i))
            .is_some_and(|l| is_contents_entry(l))
}

/// Applies the reading to the units of one plain-text document (`text`, whose lines the
/// units' line numbers count).
pub(crate) fn contents_as_items(units: &mut [Unit], text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < units.len() {
        let start = i;
        while i < units.len() && is_entry(&units[i], &lines) {
            i += 1;
        }
        if i - start < MIN_ENTRIES {
            i = start + 1;
            continue;
        }
        let title = start.checked_sub(1).filter(|&t| {
            let u = &units[t];
            u.kind == UnitKind::Paragraph
                && u.line == u.end_line
                && u.number.is_none()
                && u.text.split_whitespace().count() <= MAX_TITLE_WORDS
                && u.text.chars().next().is_some_and(char::is_uppercase)
        });
        // Entries first: one of them may have been read as a heading.
        let section = units[start].section;
        for u in &mut units[start..i] {
            u.kind = UnitKind::ListItem;
            u.parent = None;
            u.section = section;
        }
        let (first, section) = match title {
            Some(t) => {
                units[t].kind = UnitKind::Heading;
                units[t].parent = None;
                (t + 1, Some(units[t].id))
            }
            None => (start, section),
        };
        // The units of the section the contents stand in, up to the next heading.
        for u in units[first..]
            .iter_mut()
            .take_while(|u| u.kind != UnitKind::Heading)
        {
            if u.kind != UnitKind::Footnote {
                u.section = section;
            }
        }
    }
}
