//! Units that are markup, not text: a block of Markdown link reference definitions
//! (`[summary]: #summary`, `[1]: https://example.org "Title"`).
//!
//! The segmenter reads such a block as a paragraph, but it carries no sentence of the
//! document: it only names the targets of links written elsewhere. Its words are labels and
//! URLs, so it matches any other block citing the same site, and two identical blocks
//! (`[summary]: #summary` under the same section of two versions) say nothing about the
//! paragraphs around them. These units are left out of the alignment: never candidates,
//! never linked in a gap or by a sentence, shown as removed and added. The link whose text
//! cites a target still shows a changed URL in its own word diff.

use crate::model::Document;

/// Longest label of a link reference definition (CommonMark allows 999 characters).
const LABEL_MAX: usize = 999;

/// One flag per unit of `doc`: true for a unit made only of link reference definitions.
pub fn mask(doc: &Document) -> Vec<bool> {
    doc.units
        .iter()
        .map(|u| is_link_definitions(&u.text))
        .collect()
}

/// True when `text` is one or more Markdown link reference definitions and nothing else:
/// `[label]: destination` with an optional title in `"…"`, `'…'` or `(…)`, one after the
/// other (the segmenter joins their lines with spaces).
pub fn is_link_definitions(text: &str) -> bool {
    let mut rest = text.trim_start();
    let mut definitions = 0;
    while !rest.is_empty() {
        match definition(rest) {
            Some(after) => {
                definitions += 1;
                rest = after.trim_start();
            }
            None => return false,
        }
    }
    definitions > 0
}

/// Parses one definition at the start of `s`; returns what follows it.
fn definition(s: &str) -> Option<&str> {
    let s = s.strip_prefix('[')?;
    let close = s.find(']')?;
    let label = &s[..close];
    if label.trim().is_empty() || label.len() > LABEL_MAX || label.contains('[') {
        return None;
    }
    let s = s[close + 1..].strip_prefix(':')?;
    let s = s.trim_start();
    // The destination: `<…>` or a run of non-space characters.
    let s = if let Some(inner) = s.strip_prefix('<') {
        &inner[inner.find('>')? + 1..]
    } else {
        let end = s.find(char::is_whitespace).unwrap_or(s.len());
        if end == 0 {
            return None;
        }
        &s[end..]
    };
    // An optional title, which must be followed by a space or the end.
    let trimmed = s.trim_start();
    let closing = match trimmed.chars().next() {
        Some('"') => Some('"'),
        Some('\'') => Some('\''),
        Some('(') => Some(')'),
        _ => None,
    };
    match closing {
        Some(c) if trimmed.len() < s.len() => {
            let body = &trimmed[1..];
            let end = body.find(c)?;
            let after = &body[end + c.len_utf8()..];
            after
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
                .then_some(after)
        }
        _ => Some(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_blocks_of_definitions() {
        assert!(is_link_definitions("[summary]: #summary"));
        assert!(is_link_definitions(
            "[1]: https://example.org/a [rfc]: <https://x.test/y z> \"The RFC\""
        ));
        assert!(is_link_definitions("[a]: /u 'title' [b]: /v (other title)"));
    }

    #[test]
    fn text_is_not_a_definition() {
        assert!(!is_link_definitions(""));
        assert!(!is_link_definitions("Requirements for each tier:"));
        assert!(!is_link_definitions(
            "[summary]: #summary and then some prose"
        ));
        assert!(!is_link_definitions(
            "See [the guide]: it explains the rules."
        ));
        assert!(!is_link_definitions("[]: /empty-label"));
        assert!(!is_link_definitions("[label]:"));
    }
}
