//! Blocks set deeper than the body text, read as a reader of plain text reads them: the
//! items of the paragraph that introduces them, or the entries of a definition list.
//!
//! Plain-text specifications (RFCs and internet-drafts, man pages, plain-text reports)
//! set their body text at one indentation and indent enumerations deeper, with no marker:
//!
//! ```text
//!    The session offers four improvements over HTTP:
//!
//!       Multiplexed requests: There is no limit to the number of requests …
//!
//!       Prioritized requests: Clients can request certain resources …
//! ```
//!
//! The body's indentation is learnt from the document (the commonest first-line indent of
//! its paragraphs); nothing here knows a document's words. Two rules, for blocks of text
//! (not code or drawings: most of their characters are letters) set at least two columns
//! deeper than the body, with no number of their own:
//!
//! - after a body paragraph ending in `:`, a run of at least two such blocks are its list
//!   items (one alone is a quotation or an example as often as an item);
//! - directly under a heading, a run of at least two such blocks shaped as a term and its
//!   definition (`client: The endpoint …`) are the entries of a definition list, list
//!   items with no parent.

use crate::model::{Unit, UnitKind};

/// Columns deeper than the body a block must start to be set apart from it.
const DEEPER: usize = 2;

/// Paragraphs a document needs before its body indentation is trusted.
const MIN_PARAGRAPHS: usize = 6;

/// Blocks a run needs to be a list: one indented block alone is a quotation or an
/// example as often as an item.
const MIN_ITEMS: usize = 2;

/// Longest term of a definition entry, in characters.
const MAX_TERM: usize = 40;

/// The indentation of line `no` (1-based) of `text`: leading spaces, a tab to the next
/// multiple of 8.
fn indent(lines: &[&str], no: usize) -> usize {
    let Some(line) = no.checked_sub(1).and_then(|i| lines.get(i)) else {
        return 0;
    };
    let mut col = 0;
    for c in line.chars() {
        match c {
            ' ' => col += 1,
            '\t' => col = (col / 8 + 1) * 8,
            _ => break,
        }
    }
    col
}

/// Whether `text` is prose rather than code or a drawing: most of its visible characters
/// are letters.
fn is_prose(text: &str) -> bool {
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    visible > 0 && letters * 3 >= visible * 2
}

/// Whether `text` starts with a short term and a colon (`session error: An error …`).
fn is_definition(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(term, rest)| {
        !term.is_empty()
            && term.chars().count() <= MAX_TERM
            && !term.contains(['.', ';', ':'])
            && !rest.trim().is_empty()
    })
}

/// Applies the rules to the units of a plain text `text` read in blocks.
pub(crate) fn indented_blocks_as_items(units: &mut [Unit], text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
    for u in units.iter().filter(|u| u.kind == UnitKind::Paragraph) {
        *counts.entry(indent(&lines, u.line)).or_insert(0) += 1;
    }
    let paragraphs: usize = counts.values().sum();
    // The commonest indentation; on a tie the shallower.
    let Some((&body, _)) = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .filter(|_| paragraphs >= MIN_PARAGRAPHS)
    else {
        return;
    };
    let deeper = |u: &Unit| {
        u.kind == UnitKind::Paragraph
            && u.number.is_none()
            && indent(&lines, u.line) >= body + DEEPER
            && is_prose(&u.text)
    };
    let mut i = 0;
    while i < units.len() {
        let before = &units[i];
        let intro = before.kind == UnitKind::Paragraph
            && indent(&lines, before.line) <= body
            && before.text.trim_end().ends_with(':')
            // `::` ends a reStructuredText paragraph over a literal block: code, not items.
            && !before.text.trim_end().ends_with("::");
        let heading = before.kind == UnitKind::Heading;
        let end = (i + 1..units.len())
            .find(|&j| !deeper(&units[j]))
            .unwrap_or(units.len());
        let run = i + 1..end;
        let definitions =
            heading && run.len() >= 2 && units[run.clone()].iter().all(|u| is_definition(&u.text));
        if (intro && run.len() >= MIN_ITEMS) || definitions {
            let parent = intro.then_some(units[i].id);
            for u in &mut units[run] {
                u.kind = UnitKind::ListItem;
                u.parent = parent;
            }
            i = end;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::UnitKind;
    use crate::segment::{Layout, SegmentOptions, segment};

    /// The units of `text` read in blocks (a text this short gives too little evidence
    /// for the layout to be decided from it).
    fn kinds(text: &str) -> Vec<(UnitKind, Option<usize>)> {
        segment(
            "spec.txt",
            text,
            &SegmentOptions::new().layout(Layout::Blocks),
        )
        .units
        .iter()
        .map(|u| (u.kind, u.parent))
        .collect()
    }

    /// Body text at three columns, as RFCs set it.
    const BODY: &str = "   The protocol runs over a reliable transport and keeps one session for\n   every pair of endpoints that talk to each other, whatever the load.\n\n   Each session carries many streams, each stream a sequence of frames\n   sent in order and acknowledged by the other side as they arrive.\n\n   Frames are small, so that one large stream does not hold the others\n   back for long, and every frame says which stream it belongs to.\n\n   An endpoint may close a stream at any time by sending the frame that\n   ends it, and the other side then stops sending on that stream.\n\n   Errors on one stream end that stream only, while errors in the session\n   itself end the whole session and every stream it carries.\n\n   Implementations keep the state of each stream for as long as either\n   side may still send on it, and free it as soon as both are done.\n\n";

    #[test]
    fn blocks_deeper_than_the_body_after_a_colon_are_its_items() {
        let text = format!(
            "{BODY}   The session offers two improvements:\n\n      Multiplexed requests: there is no limit to the number of requests.\n\n      Prioritized requests: clients can ask for some resources first.\n\n   The rest of the text stays as it was before this change.\n"
        );
        let got = kinds(&text);
        let n = got.len();
        assert_eq!(
            got[n - 4..],
            [
                (UnitKind::Paragraph, None),
                (UnitKind::ListItem, Some(n - 4)),
                (UnitKind::ListItem, Some(n - 4)),
                (UnitKind::Paragraph, None),
            ],
            "{got:?}"
        );
    }

    #[test]
    fn definitions_under_a_heading_are_entries_and_drawings_stay_paragraphs() {
        let text = format!(
            "1.  Definitions\n\n      client: The endpoint initiating the session.\n\n      server: The endpoint that did not initiate it.\n\n{BODY}   The frame looks like this:\n\n      +--------+--------+\n      |C| Type | Flags  |\n      +--------+--------+\n"
        );
        let got = kinds(&text);
        assert_eq!(got[0].0, UnitKind::Heading, "{got:?}");
        assert_eq!(got[1..3], [(UnitKind::ListItem, None); 2], "{got:?}");
        assert_eq!(got.last().unwrap().0, UnitKind::Paragraph, "{got:?}");
    }

    #[test]
    fn deeper_blocks_after_a_sentence_stay_paragraphs() {
        let text = format!(
            "{BODY}   This sentence ends.\n\n      A quoted passage set deeper than the body text.\n"
        );
        assert!(kinds(&text).iter().all(|k| k.0 != UnitKind::ListItem));
    }
}
