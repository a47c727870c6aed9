//! Blocks → [`Document`]: what the structured readers (Word, OpenDocument) share once
//! they know each paragraph's kind, number and text.
//!
//! A structured file says what each paragraph is, so no guessing from the shape of lines
//! is needed: this only gives units their ids, their sections (the nearest heading of a
//! shallower level) and their parents (the paragraph that introduces a list; the unit
//! whose text carried a footnote's marker), and their matching form.

use std::borrow::Cow;

use crate::model::{Document, SourceLocation, Unit, UnitId, UnitKind};
use crate::segment::{
    Layout, SegmentOptions, enumerations_as_items, normalize, segment, subsections_as_paragraphs,
};

/// One paragraph as a structured reader found it.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// What it is.
    pub kind: UnitKind,
    /// Heading level, 1 = top; 0 for anything else.
    pub level: u8,
    /// The number as rendered, trailing period dropped.
    pub number: Option<String>,
    /// The text, spaces not yet collapsed.
    pub text: String,
    /// Where it stands in the source.
    pub source: SourceLocation,
    /// For a footnote: the index of the block whose text carried its marker.
    pub marker_in: Option<usize>,
}

/// One table row of a Word or OpenDocument file as a block: the cells' texts joined by
/// ` | `, at the paragraph index `first`; `None` when every cell is empty.
pub(crate) fn table_row(cells: &[String], first: usize) -> Option<Block> {
    if cells.iter().all(String::is_empty) {
        return None;
    }
    Some(Block {
        kind: UnitKind::Paragraph,
        level: 0,
        number: None,
        text: cells.join(" | "),
        source: SourceLocation::Paragraph { index: first },
        marker_in: None,
    })
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A printed number as the model keeps it: trimmed, without one trailing period
/// (`"12."` → `"12"`, `"1.2."` → `"1.2"`, `"(a)"` stays); `None` when nothing is left.
pub(crate) fn clean_number(label: &str) -> Option<String> {
    let t = label.trim();
    let t = t.strip_suffix('.').unwrap_or(t).trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// A number typed into the text rather than made by the word processor (`12. The
/// committee…`, `IV. Scope`, `(a) an item`): drafts often carry them so. The segmenter
/// decides, reading the paragraph as one line, so typed numbers are read exactly as in
/// text files; `headings` are the typed heading numbers before it, given to the
/// segmenter as lines of context (for a paragraph that may open with a roman number) so
/// that `XI.` after `X.` is a heading as it is in text. Returns the kind the segmenter
/// gives, the number and the text after it.
fn typed_number(text: &str, headings: &[String]) -> Option<(UnitKind, String, String)> {
    let first = text.chars().next()?;
    if !(first.is_ascii_digit() || first == '(' || first.is_ascii_alphabetic()) {
        return None;
    }
    let context = if "IVXLCDM".contains(first) {
        headings
    } else {
        &[]
    };
    let input = if context.is_empty() {
        Cow::Borrowed(text)
    } else {
        let mut s = String::new();
        for h in context {
            s.push_str(h);
            s.push_str(". Context\n");
        }
        s.push_str(text);
        Cow::Owned(s)
    };
    let doc = segment("", &input, &SegmentOptions::new().layout(Layout::Lines));
    if doc.units.len() != context.len() + 1 {
        return None;
    }
    let unit = doc.units.last()?;
    let number = unit.number.clone()?;
    Some((unit.kind, number, unit.text.clone()))
}

/// Builds the document; blocks with no text are dropped (ids stay consecutive).
/// `line` and `end_line` of each unit count source paragraphs (1-based) for Word and
/// OpenDocument files, so labels such as `line 30` still point somewhere.
pub(crate) fn document(path: &str, blocks: Vec<Block>) -> Document {
    let mut units: Vec<Unit> = Vec::with_capacity(blocks.len());
    let mut unit_of_block: Vec<Option<UnitId>> = Vec::with_capacity(blocks.len());
    let mut sections: Vec<(u8, UnitId)> = Vec::new();
    let mut intro: Option<UnitId> = None;
    let mut typed_headings: Vec<String> = Vec::new();
    for b in blocks {
        let mut b = b;
        let mut text = tidy(&b.text);
        if text.is_empty() && b.number.is_none() {
            unit_of_block.push(None);
            continue;
        }
        if b.number.is_none()
            && matches!(
                b.kind,
                UnitKind::Paragraph | UnitKind::Heading | UnitKind::Footnote
            )
            && let Some((kind, number, rest)) = typed_number(&text, &typed_headings)
        {
            if kind == UnitKind::Heading && b.kind != UnitKind::Footnote {
                typed_headings.push(number.clone());
            }
            if b.kind == UnitKind::Paragraph {
                b.kind = kind;
                if kind == UnitKind::Heading {
                    // A typed roman heading: a top-level section.
                    b.level = 1;
                }
            }
            b.number = Some(number);
            text = rest;
        }
        let id = units.len();
        let line = match b.source {
            SourceLocation::Paragraph { index } => index + 1,
            SourceLocation::Note { index } => index + 1,
            SourceLocation::Page { line, .. } => line,
        };
        let mut section = sections.last().map(|s| s.1);
        let parent = match b.kind {
            UnitKind::Heading => {
                let level = b.level.max(1);
                while sections.last().is_some_and(|s| s.0 >= level) {
                    sections.pop();
                }
                section = sections.last().map(|s| s.1);
                sections.push((level, id));
                intro = None;
                None
            }
            UnitKind::Paragraph => {
                intro = Some(id);
                None
            }
            UnitKind::ListItem => intro,
            UnitKind::Footnote => b
                .marker_in
                .and_then(|i| unit_of_block.get(i).copied().flatten()),
        };
        unit_of_block.push(Some(id));
        let norm = normalize(&text);
        units.push(Unit {
            id,
            kind: b.kind,
            block: crate::model::Block::Prose,
            number: b.number,
            section,
            parent,
            line,
            end_line: line,
            text,
            norm,
            source: Some(b.source),
        });
    }
    // `(1)`, `(2)` that no paragraph introduces are paragraphs, as in text files.
    subsections_as_paragraphs(&mut units);
    // `1.`, `2.` that a sentence introduces are its items, as in text files.
    enumerations_as_items(&mut units);
    Document {
        path: path.to_string(),
        units,
        artifacts: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: UnitKind, level: u8, text: &str, index: usize) -> Block {
        Block {
            kind,
            level,
            number: None,
            text: text.into(),
            source: SourceLocation::Paragraph { index },
            marker_in: None,
        }
    }

    #[test]
    fn sections_parents_and_empty_blocks() {
        let doc = document(
            "x.docx",
            vec![
                block(UnitKind::Heading, 1, "Scope", 0),
                block(UnitKind::Paragraph, 0, "  ", 1),
                block(UnitKind::Paragraph, 0, "It  says:", 2),
                block(UnitKind::ListItem, 0, "one", 3),
                block(UnitKind::Heading, 2, "Sub", 4),
                block(UnitKind::Heading, 1, "Next", 5),
            ],
        );
        let got: Vec<_> = doc
            .units
            .iter()
            .map(|u| (u.text.as_str(), u.section, u.parent, u.line))
            .collect();
        assert_eq!(
            got,
            [
                ("Scope", None, None, 1),
                ("It says:", Some(0), None, 3),
                ("one", Some(0), Some(1), 4),
                ("Sub", Some(0), None, 5),
                ("Next", None, None, 6),
            ]
        );
    }

    #[test]
    fn typed_numbers_are_read_as_in_text() {
        let doc = document(
            "x.docx",
            vec![
                block(UnitKind::Paragraph, 0, "II. Definition", 0),
                block(UnitKind::Paragraph, 0, "12. The committee met.", 1),
                block(UnitKind::Paragraph, 0, "(a) an item;", 2),
                block(UnitKind::Paragraph, 0, "2019 was a year.", 3),
                block(UnitKind::Paragraph, 0, "XI. Eleventh", 4),
            ],
        );
        let got: Vec<_> = doc
            .units
            .iter()
            .map(|u| (u.kind, u.number.as_deref(), u.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (UnitKind::Heading, Some("II"), "Definition"),
                (UnitKind::Paragraph, Some("12"), "The committee met."),
                (UnitKind::ListItem, Some("(a)"), "an item;"),
                (UnitKind::Paragraph, None, "2019 was a year."),
                (UnitKind::Paragraph, None, "XI. Eleventh"),
            ]
        );
        assert_eq!(doc.units[2].parent, Some(1));
        // After `X.`, `XI.` continues the sequence, as in text.
        let doc = document(
            "x.docx",
            vec![
                block(UnitKind::Paragraph, 0, "X. Tenth", 0),
                block(UnitKind::Paragraph, 0, "XI. Eleventh", 1),
                block(UnitKind::Paragraph, 0, "XII. Twelfth", 2),
            ],
        );
        assert_eq!(doc.units[1].kind, UnitKind::Heading);
        assert_eq!(doc.units[2].number.as_deref(), Some("XII"));
    }

    #[test]
    fn a_numbered_list_a_sentence_introduces_is_its_items() {
        // As the Word reader hands over a law's Absatz and its `1.`, `2.` list: the list
        // numbers at the first level in decimal, read as numbered paragraphs.
        let numbered = |text: &str, number: &str, index| Block {
            number: Some(number.into()),
            ..block(UnitKind::Paragraph, 0, text, index)
        };
        let doc = document(
            "law.docx",
            vec![
                block(UnitKind::Heading, 1, "§ 232 Menschenhandel", 0),
                block(
                    UnitKind::Paragraph,
                    0,
                    "(3) Auf Freiheitsstrafe ist zu erkennen, wenn",
                    1,
                ),
                numbered("das Opfer ein Kind ist,", "1", 2),
                numbered("der Täter gewerbsmäßig handelt.", "2", 3),
                block(UnitKind::Paragraph, 0, "(4) Der Versuch ist strafbar.", 4),
            ],
        );
        let got: Vec<_> = doc
            .units
            .iter()
            .map(|u| (u.kind, u.number.as_deref(), u.parent))
            .collect();
        assert_eq!(
            got,
            [
                (UnitKind::Heading, None, None),
                (UnitKind::Paragraph, Some("(3)"), None),
                (UnitKind::ListItem, Some("1"), Some(1)),
                (UnitKind::ListItem, Some("2"), Some(1)),
                (UnitKind::Paragraph, Some("(4)"), None),
            ]
        );
    }

    #[test]
    fn numbers_lose_one_trailing_period() {
        assert_eq!(clean_number("12."), Some("12".into()));
        assert_eq!(clean_number("1.2."), Some("1.2".into()));
        assert_eq!(clean_number("(a)"), Some("(a)".into()));
        assert_eq!(clean_number(" "), None);
    }
}
