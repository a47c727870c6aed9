//! Headings that are paragraphs: a sentence or two set in heading type (`#### This is the
//! enforcement manual followed by…`), which a later version writes as a plain paragraph.
//!
//! Headings link only with headings (see `candidates::compatible`), which keeps a short
//! title from matching the paragraph that repeats its words. A "heading" of more than
//! [`HEADING_MAX_WORDS`] words is no title, though: it is read as a paragraph for the
//! alignment, so that it can link with the paragraph it became (or came from). The
//! documents are copied only when they hold such a heading.

use crate::model::{Document, UnitKind};

/// Words above which a heading is aligned as a paragraph: titles of sections, articles and
/// chapters stay well below (the longest in the corpus have about twelve words:
/// `§ 233 Menschenhandel zum Zweck der Ausbeutung der Arbeitskraft` has eight), while a
/// sentence set as a heading has more.
pub const HEADING_MAX_WORDS: usize = 20;

/// `doc` with its over-long headings read as paragraphs, or `None` when it has none.
pub fn as_paragraphs(doc: &Document) -> Option<Document> {
    let long = |u: &crate::model::Unit| {
        u.kind == UnitKind::Heading && u.text.split_whitespace().count() > HEADING_MAX_WORDS
    };
    if !doc.units.iter().any(long) {
        return None;
    }
    let mut copy = doc.clone();
    for u in &mut copy.units {
        if long(u) {
            u.kind = UnitKind::Paragraph;
        }
    }
    Some(copy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::testing::doc;

    #[test]
    fn a_sentence_in_heading_type_is_a_paragraph() {
        let long = "This is the enforcement manual followed by the committee, used when we \
                    respond to an incident to make sure that we are consistent and fair to all.";
        let d = doc(&[
            (UnitKind::Heading, None, "Enforcement Manual"),
            (UnitKind::Heading, None, long),
        ]);
        let read = as_paragraphs(&d).expect("one long heading");
        assert_eq!(read.units[0].kind, UnitKind::Heading);
        assert_eq!(read.units[1].kind, UnitKind::Paragraph);
        assert!(as_paragraphs(&doc(&[(UnitKind::Heading, None, "Scope")])).is_none());
    }
}
