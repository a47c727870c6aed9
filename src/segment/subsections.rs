//! One convention for `(1)`, `(2)` … that no paragraph introduces: they are the section's
//! paragraphs, not list items.
//!
//! A German law's Absätze (`### § 2a` / `(1) Das Bundesministerium …` / `(1a) …` /
//! `(2) …`) stand directly under their heading: each is a complete provision in full
//! sentences, cited as "Absatz 2", and it may introduce a list of its own (`1.`, `a)`).
//! Nothing introduces them, so reading them as list items leaves items without a parent,
//! which a reader of the document would not see and which the evaluation (a list item
//! counts as the paragraph that introduces it) counts as nothing. Read as paragraphs,
//! they are what the Markdown segmenter already made of them (CommonMark has no `(1)`
//! list marker), so the Markdown segmenter, the text segmenter and the Word and
//! OpenDocument readers agree on them.
//!
//! The rule, applied by every reader after its own cut: a list item numbered `(N)` (digits,
//! with a letter or two after them: `(1a)`) that has no introducing paragraph becomes a
//! paragraph of its section, keeping its number; once a section's numbering is read so,
//! every later `(N)` of that section is a paragraph too, even after a paragraph (an
//! Absatz's own `1.` items, a sentence) came between; and an item that followed such a
//! paragraph with no parent gets it as its parent. `(1)`, `(2)` after a sentence that
//! introduces them (`in two steps: (1) …`) keep being list items; so do bullets and
//! lettered items, whose convention this does not change.

use crate::model::{Unit, UnitKind};

/// Whether `number` is a parenthesised Absatz number: `(1)`, `(12)`, `(1a)`.
fn is_subsection_number(number: &str) -> bool {
    let Some(inner) = number.strip_prefix('(').and_then(|n| n.strip_suffix(')')) else {
        return false;
    };
    let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let suffix = &inner[digits..];
    digits > 0 && digits <= 3 && suffix.len() <= 2 && suffix.chars().all(|c| c.is_ascii_lowercase())
}

/// Applies the convention to the units of one document, in order.
pub(crate) fn subsections_as_paragraphs(units: &mut [Unit]) {
    // Whether the current section's `(N)` are paragraphs, and its latest such paragraph.
    let mut numbered = false;
    let mut latest: Option<usize> = None;
    for (i, unit) in units.iter_mut().enumerate() {
        match unit.kind {
            UnitKind::Heading => {
                numbered = false;
                latest = None;
            }
            UnitKind::ListItem
                if unit.number.as_deref().is_some_and(is_subsection_number)
                    && (unit.parent.is_none() || numbered) =>
            {
                unit.kind = UnitKind::Paragraph;
                unit.parent = None;
                numbered = true;
                latest = Some(i);
            }
            UnitKind::ListItem if unit.parent.is_none() && latest.is_some() => {
                unit.parent = latest;
            }
            UnitKind::Paragraph if numbered => latest = Some(i),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{SegmentOptions, segment};

    fn kinds(text: &str) -> Vec<(UnitKind, Option<String>, Option<usize>)> {
        segment("law.txt", text, &SegmentOptions::new())
            .units
            .into_iter()
            .map(|u| (u.kind, u.number, u.parent))
            .collect()
    }

    #[test]
    fn numbers_in_parentheses() {
        for n in ["(1)", "(12)", "(1a)", "(2b)"] {
            assert!(is_subsection_number(n), "{n}");
        }
        for n in ["(a)", "1.", "(i)", "(1", "()", "(1234)", "(1abc)", "a)"] {
            assert!(!is_subsection_number(n), "{n}");
        }
    }

    #[test]
    fn absaetze_under_a_heading_are_paragraphs_and_their_items_are_theirs() {
        use UnitKind::*;
        let text = "### § 2a\n\n(1) Das Ministerium wird ermächtigt, Anforderungen\n\n\
                    1.  an die Haltung,\n\n2.  an die Pflege\n\nfestzulegen.\n\n\
                    (2) Das Ministerium kann mehr regeln.\n";
        let got = kinds(text);
        assert_eq!(got[1], (Paragraph, Some("(1)".into()), None), "{got:?}");
        assert_eq!(got[0].0, Heading, "{got:?}");
        assert_eq!(got.last().unwrap().0, Paragraph, "{got:?}");
        assert_eq!(got.last().unwrap().1.as_deref(), Some("(2)"), "{got:?}");
        for unit in &got {
            assert!(unit.0 != ListItem || unit.2.is_some(), "{got:?}");
        }
    }

    #[test]
    fn numbers_a_sentence_introduces_stay_items() {
        let got = kinds(
            "The committee shall proceed in two steps:\n\n(1) hear the parties;\n\n(2) decide.\n",
        );
        assert_eq!(got[1].0, UnitKind::ListItem, "{got:?}");
        assert_eq!(got[2].0, UnitKind::ListItem, "{got:?}");
        assert_eq!(got[2].2, Some(0), "{got:?}");
    }
}
