//! A score that shows its working: the wrong and missed links with the start of each unit's
//! text, so a person can check a gold file or an aligner's answer by reading. Written by
//! `render::eval_text` and `render::json::eval`.

use super::{Gold, Score, resolve_key, score};
use crate::model::{Alignment, Document};

/// Characters of a unit's text shown beside its key: enough to recognise a paragraph
/// (about one line of a terminal), not so much that a list of fifty links becomes a wall.
pub const PREVIEW_CHARS: usize = 80;

/// One link named by its keys, with the start of the text of the unit each key names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkText {
    /// The old unit's key (`pN`, `hR`, `LN`).
    pub old: String,
    /// The new unit's key.
    pub new: String,
    /// The first [`PREVIEW_CHARS`] characters of the old unit's text, or `None` when the key
    /// names no unit of the old document.
    pub old_text: Option<String>,
    /// The same for the new unit.
    pub new_text: Option<String>,
}

/// A [`Score`] with the texts of its wrong and missed links.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// Predicted links in sure ∪ possible / predicted links.
    pub precision: f64,
    /// Sure links predicted / sure links.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Predicted unit pairs that count (paragraphs and headings).
    pub predicted: usize,
    /// Sure links in the gold.
    pub sure: usize,
    /// Predicted links that are neither sure nor possible.
    pub wrong: Vec<LinkText>,
    /// Sure links that were not predicted.
    pub missed: Vec<LinkText>,
}

/// Scores `alignment` against `gold` (see [`score`]) and looks up the text of every wrong
/// and missed link.
///
/// ```
/// use draftdiff::eval::{Gold, explain};
/// use draftdiff::segment::{SegmentOptions, segment};
///
/// let old = segment("old.txt", "The cat sat.\n\nIt slept.\n", &SegmentOptions::new());
/// let new = segment("new.txt", "It slept.\n\nThe cat sat down.\n", &SegmentOptions::new());
/// let gold = Gold::from_json("gold.json", r#"{"sure": [["L1", "L3"], ["L3", "L1"]]}"#).unwrap();
/// let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
/// let explained = explain(&gold, &old, &new, &alignment);
/// assert_eq!(explained.recall, 1.0);
/// assert!(explained.missed.is_empty());
/// ```
pub fn explain(gold: &Gold, old: &Document, new: &Document, alignment: &Alignment) -> Explanation {
    let Score {
        precision,
        recall,
        f1,
        predicted,
        sure,
        wrong,
        missed,
    } = score(gold, old, new, alignment);
    let texts = |pairs: Vec<(String, String)>| -> Vec<LinkText> {
        pairs
            .into_iter()
            .map(|(o, n)| LinkText {
                old_text: preview_of(old, &o),
                new_text: preview_of(new, &n),
                old: o,
                new: n,
            })
            .collect()
    };
    Explanation {
        precision,
        recall,
        f1,
        predicted,
        sure,
        wrong: texts(wrong),
        missed: texts(missed),
    }
}

fn preview_of(doc: &Document, key: &str) -> Option<String> {
    resolve_key(doc, key).map(|id| preview(&doc.unit(id).text))
}

/// The first [`PREVIEW_CHARS`] characters of `text`, with `…` when cut; control characters
/// and bidirectional overrides are written as `\u{…}` so that document text can never act
/// on the terminal.
pub fn preview(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == PREVIEW_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() || is_bidi_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that change the direction of the text around them (Unicode's bidi controls).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_cuts_at_a_char_boundary_and_marks_the_cut() {
        let text = "é".repeat(PREVIEW_CHARS + 5);
        let p = preview(&text);
        assert_eq!(p.chars().count(), PREVIEW_CHARS + 1);
        assert!(p.ends_with('…'));
        assert_eq!(preview("short"), "short");
    }

    #[test]
    fn preview_shows_control_and_bidi_characters() {
        assert_eq!(preview("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(preview("x\u{202e}y"), "x\\u{202e}y");
    }
}
