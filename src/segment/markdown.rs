//! Markdown read as CommonMark reads it, with `pulldown-cmark` (the CommonMark parser of
//! the Rust ecosystem, with tables): ATX and setext headings are headings, each top-level
//! paragraph, block quote, code block, HTML block and table is one unit kept whole, each
//! item of a top-level list is a list item (its nested content flattened into it), and
//! thematic breaks are removed. Line numbers come from the parser's source offsets.
//!
//! Used for files named `*.md` / `*.markdown` and for text that shows at least
//! [`MIN_MARKDOWN_KINDS`] kinds of Markdown block syntax.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::normalize::normalize;
use crate::model::{Artifact, ArtifactKind, Unit, UnitId, UnitKind};

/// Kinds of Markdown block syntax (ATX heading, setext underline, code fence, table
/// delimiter row, block quote) a text must show to be read as Markdown without a `.md`
/// name: two, since one alone (a line starting with `#` or `>`) also occurs in plain text.
pub(crate) const MIN_MARKDOWN_KINDS: usize = 2;

/// True when `path` names a Markdown file or `text` shows enough Markdown syntax.
pub(crate) fn is_markdown(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdown") {
        return true;
    }
    let (mut atx, mut setext, mut fence, mut table, mut quote) =
        (false, false, false, false, false);
    let mut prev_text = false;
    for line in text.lines() {
        let t = line.trim_end();
        let lead = t.len() - t.trim_start().len();
        let s = t.trim_start();
        if lead < 4 {
            let hashes = s.bytes().take_while(|&b| b == b'#').count();
            atx |= (1..=6).contains(&hashes) && s[hashes..].starts_with(' ');
            fence |= s.starts_with("```") || s.starts_with("~~~");
            quote |= s.starts_with("> ");
            let underline = !s.is_empty()
                && (s.bytes().all(|b| b == b'=') || s.len() >= 3 && s.bytes().all(|b| b == b'-'));
            setext |= prev_text && underline;
            table |= s.starts_with('|')
                && s.contains('-')
                && s.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' '));
        }
        prev_text = !s.is_empty();
    }
    [atx, setext, fence, table, quote]
        .iter()
        .filter(|&&k| k)
        .count()
        >= MIN_MARKDOWN_KINDS
}

/// A unit being built from the events of one top-level block.
struct Building {
    kind: UnitKind,
    number: Option<String>,
    level: u8,
    start: usize,
    text: String,
}

impl Building {
    /// An empty unit of `kind` that starts at byte `start`.
    fn new(kind: UnitKind, number: Option<String>, start: usize) -> Building {
        Building {
            kind,
            number,
            level: 0,
            start,
            text: String::new(),
        }
    }
}

/// Cuts Markdown `text` into units.
pub(crate) fn segment(text: &str) -> (Vec<Unit>, Vec<Artifact>) {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |off: usize| line_starts.partition_point(|&s| s <= off).max(1);
    let mut units: Vec<Unit> = Vec::new();
    let mut artifacts = Vec::new();
    // Open headings: (level, id).
    let mut sections: Vec<(u8, UnitId)> = Vec::new();
    let mut cur: Option<Building> = None;
    // Depth of block containers; a unit is built from what a depth-0 block holds.
    let mut depth = 0usize;
    // Open lists, innermost last, each with the next number of an ordered list; and the
    // paragraph that introduces the outermost one.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut intro: Option<UnitId> = None;
    let mut last_paragraph: Option<UnitId> = None;
    let finish = |b: Building,
                  end: usize,
                  units: &mut Vec<Unit>,
                  sections: &mut Vec<(u8, UnitId)>,
                  parent: Option<UnitId>|
     -> UnitId {
        let id = units.len();
        let text: String = b.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if b.kind == UnitKind::Heading {
            while sections.last().is_some_and(|&(l, _)| l >= b.level) {
                sections.pop();
            }
        }
        let section = sections.last().map(|&(_, s)| s);
        if b.kind == UnitKind::Heading {
            sections.push((b.level, id));
        }
        units.push(Unit {
            id,
            kind: b.kind,
            number: b.number,
            section,
            parent,
            line: line_of(b.start),
            end_line: line_of(end.saturating_sub(1).max(b.start)),
            norm: normalize(&text),
            text,
            source: None,
        });
        id
    };
    let options = Options::ENABLE_TABLES;
    let parser = Parser::new_ext(text, options);
    // Link reference definitions (`[core team]: https://…`) give no event, but they are
    // text of the document: each becomes a paragraph where it stands.
    let mut definitions: Vec<std::ops::Range<usize>> = parser
        .reference_definitions()
        .iter()
        .map(|(_, def)| def.span.clone())
        .collect();
    definitions.sort_by_key(|span| span.start);
    // Definitions on consecutive lines read as one block, like the lines of a paragraph.
    let mut blocks: Vec<std::ops::Range<usize>> = Vec::with_capacity(definitions.len());
    for span in definitions {
        match blocks.last_mut() {
            Some(last) if line_of(span.start) <= line_of(last.end.saturating_sub(1)) + 1 => {
                last.end = last.end.max(span.end);
            }
            _ => blocks.push(span),
        }
    }
    let mut definitions = blocks.into_iter().peekable();
    let definition = |span: std::ops::Range<usize>| Building {
        kind: UnitKind::Paragraph,
        number: None,
        level: 0,
        start: span.start,
        text: text[span].to_string(),
    };
    // Depths of the open list items, innermost last.
    let mut items: Vec<usize> = Vec::new();
    for (event, range) in parser.into_offset_iter() {
        if depth == 0 {
            while let Some(span) = definitions.next_if(|span| span.start < range.start) {
                let end = span.end;
                finish(definition(span), end, &mut units, &mut sections, None);
            }
        }
        match event {
            Event::Start(tag) => {
                let top = depth == 0;
                depth += 1;
                if top {
                    let kind = match tag {
                        Tag::Heading { level, .. } => Some((UnitKind::Heading, level as u8)),
                        Tag::List(start) => {
                            lists.push(start);
                            intro = last_paragraph;
                            None
                        }
                        _ => Some((UnitKind::Paragraph, 0)),
                    };
                    if let Some((kind, level)) = kind {
                        cur = Some(Building {
                            kind,
                            number: None,
                            level,
                            start: range.start,
                            text: String::new(),
                        });
                    }
                } else if !lists.is_empty() && matches!(tag, Tag::List(_)) {
                    // A nested list: its items are units of their own, as a reader counts
                    // them; the text of the item that holds it ends here.
                    if let Tag::List(start) = tag {
                        lists.push(start);
                    }
                } else if !lists.is_empty() && matches!(tag, Tag::Item) {
                    if let Some(b) = cur.take() {
                        finish(b, range.start, &mut units, &mut sections, intro);
                    }
                    let number = match lists.last_mut() {
                        Some(Some(n)) => {
                            let s = n.to_string();
                            *n += 1;
                            Some(s)
                        }
                        _ => None,
                    };
                    items.push(depth);
                    cur = Some(Building::new(UnitKind::ListItem, number, range.start));
                } else if matches!(tag, Tag::Paragraph)
                    && items.last().is_some_and(|&d| depth == d + 1)
                    && cur.as_ref().is_some_and(|b| !b.text.trim().is_empty())
                {
                    // A further paragraph of a list item (a law's `a)` under `1.`, a
                    // closing "festlegen,") is a unit of its own, as paragraphs are.
                    if let Some(b) = cur.take() {
                        finish(b, range.start, &mut units, &mut sections, intro);
                    }
                    cur = Some(Building::new(UnitKind::ListItem, None, range.start));
                } else if let Some(b) = cur.as_mut() {
                    // Nested blocks and table cells flow into the unit, word-separated.
                    b.text.push(' ');
                } else if !lists.is_empty() {
                    // An item's text that goes on after its nested list: a paragraph of
                    // its own rather than lost.
                    cur = Some(Building::new(UnitKind::Paragraph, None, range.start));
                }
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if matches!(tag, TagEnd::List(_)) {
                        lists.clear();
                        items.clear();
                        intro = None;
                        last_paragraph = None;
                    } else if let Some(b) = cur.take() {
                        let paragraph = b.kind == UnitKind::Paragraph;
                        let id = finish(b, range.end, &mut units, &mut sections, None);
                        last_paragraph = paragraph.then_some(id);
                    }
                } else if !lists.is_empty() && tag == TagEnd::Item {
                    items.pop();
                    if let Some(b) = cur.take() {
                        finish(b, range.end, &mut units, &mut sections, intro);
                    }
                } else if !lists.is_empty() && matches!(tag, TagEnd::List(_)) {
                    lists.pop();
                } else if let Some(b) = cur.as_mut() {
                    b.text.push(' ');
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                if let Some(b) = cur.as_mut() {
                    b.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = cur.as_mut() {
                    b.text.push(' ');
                }
            }
            Event::Rule => artifacts.push(Artifact {
                kind: ArtifactKind::PageBreak,
                line: line_of(range.start),
                text: text[range].trim_end().to_string(),
            }),
            _ => {}
        }
    }
    for span in definitions {
        let end = span.end;
        finish(definition(span), end, &mut units, &mut sections, None);
    }
    (units, artifacts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_detected_by_name_or_syntax() {
        assert!(is_markdown("README.md", "plain"));
        assert!(is_markdown("x.txt", "# Title\n\nText.\n\n```\ncode\n```\n"));
        assert!(!is_markdown("x.txt", "# Not much\n\nText.\n"));
    }

    #[test]
    fn blocks_become_units() {
        let text = "Title\n=====\n\nIntro:\n\n1. first\n   item\n2. second\n\n> quoted\n> text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n## Sub\n\n```\nfn main() {}\n```\n";
        let (units, artifacts) = segment(text);
        let got: Vec<(&str, Option<&str>, &str, usize)> = units
            .iter()
            .map(|u| {
                (
                    u.kind.as_str(),
                    u.number.as_deref(),
                    u.text.as_str(),
                    u.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("heading", None, "Title", 1),
                ("paragraph", None, "Intro:", 4),
                ("list_item", Some("1"), "first item", 6),
                ("list_item", Some("2"), "second", 8),
                ("paragraph", None, "quoted text", 10),
                ("paragraph", None, "a b 1 2", 13),
                ("heading", None, "Sub", 19),
                ("paragraph", None, "fn main() {}", 21),
            ]
        );
        assert_eq!(units[2].parent, Some(1));
        assert_eq!(units[7].section, Some(6));
        assert_eq!(artifacts.len(), 1);
    }

    #[test]
    fn nested_list_items_are_units_of_their_own() {
        let text = "Intro:\n\n* outer\n    * inner one\n        * innermost\n    * inner two\n\n  after the nested list\n* next\n";
        let (units, _) = segment(text);
        let got: Vec<(&str, &str, usize)> = units
            .iter()
            .map(|u| (u.kind.as_str(), u.text.as_str(), u.line))
            .collect();
        assert_eq!(
            got,
            [
                ("paragraph", "Intro:", 1),
                ("list_item", "outer", 3),
                ("list_item", "inner one", 4),
                ("list_item", "innermost", 5),
                ("list_item", "inner two", 6),
                ("paragraph", "after the nested list", 8),
                ("list_item", "next", 9),
            ]
        );
        assert!(units[1..].iter().all(|u| u.parent == Some(0)));
    }

    #[test]
    fn link_definitions_and_further_item_paragraphs_are_kept_as_units() {
        let text = "Intro\n\n1.  Anforderungen\n\n    a)  hinsichtlich\n\n    festlegen,\n\n[core team]: https://example.org/team\n[PEP]: https://example.org/pep\n";
        let (units, _) = segment(text);
        let got: Vec<(&str, &str, usize)> = units
            .iter()
            .map(|u| (u.kind.as_str(), u.text.as_str(), u.line))
            .collect();
        assert_eq!(
            got,
            [
                ("paragraph", "Intro", 1),
                ("list_item", "Anforderungen", 3),
                ("list_item", "a) hinsichtlich", 5),
                ("list_item", "festlegen,", 7),
                (
                    "paragraph",
                    "[core team]: https://example.org/team [PEP]: https://example.org/pep",
                    9
                ),
            ]
        );
    }
}
