//! Word (`.docx`) → [`Document`]: paragraphs, headings from styles, numbers as Word
//! renders them, list items, tables, footnotes and endnotes, tracked changes.
//!
//! - **Headings** come from the paragraph's style: an outline level (`w:outlineLvl` 0–8)
//!   or a built-in `heading N` / `Title` style, on the style or on any style it is based
//!   on (`w:basedOn` chains are followed); a direct `w:outlineLvl` on the paragraph wins.
//! - **Numbers** are computed from `numbering.xml` ([`super::numbering`]), the numbering
//!   referenced from the paragraph (`w:numPr`) or from its style chain.
//! - **Kinds**: a heading style makes a heading; a decimal number at the first level a
//!   numbered paragraph (`12.`); any other number or a bullet a list item.
//! - **Tables**: one unit a row, its cells' texts joined by ` | `, so that a row edited
//!   in one cell aligns with itself (a unit per cell would make every short cell a
//!   candidate for every other).
//! - **Notes**: each footnote is a unit right after the paragraph that carries its
//!   marker, numbered in marker order (1, 2, …); endnotes (i, ii, …) come at the end.
//! - **Tracked changes** read as accepted: insertions kept, deletions dropped
//!   ([`TrackedChanges::Original`] reads the text before the changes instead). Tracked
//!   paragraph marks too (`w:ins`, `w:del`, `w:moveTo`, `w:moveFrom` in the mark's
//!   `w:pPr/w:rPr`): a mark the side read does not have joins its paragraph to the next
//!   one, text to text with nothing between (as Word joins them); the joined paragraph
//!   has the properties (style, numbering) of the paragraph whose mark remains, the last
//!   one, since a paragraph's properties belong to its mark. So a deleted mark joins two
//!   paragraphs when changes are accepted, an inserted one when they are rejected, and a
//!   paragraph deleted whole (text and mark) disappears without taking its style to the
//!   next. A mark removed before a table or at the end of the body stays a paragraph
//!   end: there is nothing to join it to.
//! - Not part of the text: comments, field codes (`w:instrText`), hidden text, deleted
//!   text, drawings and text boxes, headers and footers.

use std::collections::HashMap;

use super::blocks::{self, Block, clean_number};
use super::numbering::{Numbering, roman};
use super::package::Package;
use super::xml::{NodeId, Tree};
use super::{ReadOptions, TrackedChanges};
use crate::error::{Error, Result};
use crate::model::{Document, SourceLocation, UnitKind};

/// Longest `w:basedOn` chain followed; real style sheets are a few deep, and a cycle in a
/// damaged file must not loop.
const MAX_STYLE_CHAIN: usize = 32;

/// Outline level Word uses for body text (levels 0–8 are headings).
const BODY_OUTLINE: u8 = 9;

#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

struct Styles {
    by_id: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

impl Styles {
    fn parse(tree: Option<&Tree>) -> Styles {
        let mut styles = Styles {
            by_id: HashMap::new(),
            default_paragraph: None,
        };
        let Some(tree) = tree else { return styles };
        let Some(root) = tree.root() else {
            return styles;
        };
        for s in tree.children_named(root, "style") {
            if tree.attr(s, "type").is_some_and(|t| t != "paragraph") {
                continue;
            }
            let Some(id) = tree.attr(s, "styleId") else {
                continue;
            };
            if matches!(tree.attr(s, "default"), Some("1" | "true" | "on")) {
                styles.default_paragraph = Some(id.to_string());
            }
            let ppr = tree.child(s, "pPr");
            let num_pr = ppr.and_then(|p| tree.child(p, "numPr"));
            styles.by_id.insert(
                id.to_string(),
                Style {
                    name: tree.child_val(s, "name").unwrap_or("").to_string(),
                    based_on: tree.child_val(s, "basedOn").map(str::to_string),
                    outline: ppr
                        .and_then(|p| tree.child_val(p, "outlineLvl"))
                        .and_then(|v| v.parse().ok()),
                    num_id: num_pr
                        .and_then(|n| tree.child_val(n, "numId"))
                        .map(str::to_string),
                    ilvl: num_pr
                        .and_then(|n| tree.child_val(n, "ilvl"))
                        .and_then(|v| v.parse().ok()),
                },
            );
        }
        styles
    }

    /// The style and the styles it is based on, nearest first.
    fn chain<'s>(&'s self, id: &str) -> Vec<(&'s str, &'s Style)> {
        let mut out = Vec::new();
        let mut cur = Some(id);
        while let Some(id) = cur {
            if out.len() >= MAX_STYLE_CHAIN || out.iter().any(|(i, _)| *i == id) {
                break;
            }
            let Some((key, style)) = self.by_id.get_key_value(id) else {
                break;
            };
            out.push((key.as_str(), style));
            cur = style.based_on.as_deref();
        }
        out
    }

    /// The heading level (1-based) a style gives, if it makes headings.
    fn heading_level(&self, id: &str) -> Option<u8> {
        for (sid, s) in self.chain(id) {
            if let Some(o) = s.outline {
                return (o < BODY_OUTLINE).then_some(o + 1);
            }
            if let Some(l) = builtin_heading(&s.name).or_else(|| builtin_heading(sid)) {
                return Some(l);
            }
        }
        None
    }

    /// True when a style is Word's footnote text style (`footnote text`), or based on it.
    fn is_footnote(&self, id: &str) -> bool {
        self.chain(id).into_iter().any(|(sid, s)| {
            s.name.eq_ignore_ascii_case("footnote text") || sid.eq_ignore_ascii_case("FootnoteText")
        })
    }

    /// The numbering (instance, level) a style gives, from the nearest style that has one.
    fn numbering(&self, id: &str) -> Option<(String, Option<usize>)> {
        self.chain(id)
            .into_iter()
            .find_map(|(_, s)| s.num_id.clone().map(|n| (n, s.ilvl)))
    }
}

/// Numbering styles (`w:style w:type="numbering"`) by id → the numbering instance they
/// refer to, for `w:numStyleLink`.
fn numbering_styles(tree: Option<&Tree>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Some(tree) = tree else { return out };
    let Some(root) = tree.root() else { return out };
    for s in tree.children_named(root, "style") {
        if tree.attr(s, "type") != Some("numbering") {
            continue;
        }
        let num = tree
            .child(s, "pPr")
            .and_then(|p| tree.child(p, "numPr"))
            .and_then(|n| tree.child_val(n, "numId"));
        if let (Some(id), Some(num)) = (tree.attr(s, "styleId"), num) {
            out.insert(id.to_string(), num.to_string());
        }
    }
    out
}

/// `heading 3` / `Heading3` → 3, `Title` → 1.
fn builtin_heading(name: &str) -> Option<u8> {
    let n = name.to_ascii_lowercase();
    if n == "title" {
        return Some(1);
    }
    let rest = n.strip_prefix("heading")?.trim();
    rest.parse::<u8>().ok().filter(|l| (1..=9).contains(l))
}

/// A note reference met in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NoteKind {
    Foot,
    End,
}

/// True when the paragraph mark of `p` (the end of the paragraph) is not on the side
/// `tracked` reads: deleted or moved away when changes are accepted, inserted or moved
/// here when they are rejected. The paragraph then joins the next one.
fn mark_removed(tree: &Tree, p: NodeId, tracked: TrackedChanges) -> bool {
    let Some(rpr) = tree.child(p, "pPr").and_then(|x| tree.child(x, "rPr")) else {
        return false;
    };
    let removed: [&str; 2] = match tracked {
        TrackedChanges::Accepted => ["del", "moveFrom"],
        TrackedChanges::Original => ["ins", "moveTo"],
    };
    tree.elements(rpr).any(|c| removed.contains(&tree.name(c)))
}

/// The notes of one kind, by id: their text.
fn notes(tree: Option<&Tree>, element: &str, tracked: TrackedChanges) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Some(tree) = tree else { return out };
    let Some(root) = tree.root() else { return out };
    for n in tree.children_named(root, element) {
        if tree
            .attr(n, "type")
            .is_some_and(|t| t != "normal" && !t.is_empty())
        {
            continue; // separators
        }
        let Some(id) = tree.attr(n, "id") else {
            continue;
        };
        let mut text = String::new();
        let mut refs = Vec::new();
        // A note's paragraphs are one unit, joined by a space; with nothing between them
        // where a paragraph mark is removed.
        let mut joined = true;
        for p in tree.elements(n) {
            let mut para = Paragraph {
                text: String::new(),
                refs: &mut refs,
                tracked,
            };
            para.collect(tree, p);
            if !text.is_empty() && !joined {
                text.push(' ');
            }
            text.push_str(&para.text);
            joined = mark_removed(tree, p, tracked);
        }
        out.insert(id.to_string(), text);
    }
    out
}

/// The text of one paragraph and the notes it refers to.
struct Paragraph<'r> {
    text: String,
    refs: &'r mut Vec<(NoteKind, String)>,
    tracked: TrackedChanges,
}

impl Paragraph<'_> {
    fn collect(&mut self, tree: &Tree, id: NodeId) {
        let accepted = self.tracked == TrackedChanges::Accepted;
        for c in tree.node(id).children.iter().copied() {
            match tree.name(c) {
                "" => {} // whitespace between elements
                "t" => self.text.push_str(&tree.text(c)),
                "delText" if !accepted => self.text.push_str(&tree.text(c)),
                "tab" | "br" | "cr" | "ptab" => self.text.push(' '),
                "noBreakHyphen" => self.text.push('-'),
                "r" => {
                    let hidden = tree
                        .child(c, "rPr")
                        .and_then(|p| tree.child(p, "vanish"))
                        .is_some_and(|v| {
                            !matches!(tree.attr(v, "val"), Some("0" | "false" | "off"))
                        });
                    if !hidden {
                        self.collect(tree, c);
                    }
                }
                "ins" | "moveTo" if accepted => self.collect(tree, c),
                "del" | "moveFrom" if !accepted => self.collect(tree, c),
                "footnoteReference" | "endnoteReference" => {
                    if let Some(nid) = tree.attr(c, "id") {
                        let kind = if tree.name(c) == "footnoteReference" {
                            NoteKind::Foot
                        } else {
                            NoteKind::End
                        };
                        self.refs.push((kind, nid.to_string()));
                    }
                }
                "hyperlink" | "smartTag" | "sdt" | "sdtContent" | "fldSimple" | "customXml"
                | "bdo" | "dir" => self.collect(tree, c),
                // pPr, rPr, instrText, fldChar, comment marks, bookmarks, proofErr,
                // drawings, tracked changes of the other side, …
                _ => {}
            }
        }
    }
}

/// The walk over the body.
struct Body<'a> {
    tree: &'a Tree,
    styles: &'a Styles,
    numbering: Numbering,
    tracked: TrackedChanges,
    footnotes: HashMap<String, String>,
    endnotes: HashMap<String, String>,
    blocks: Vec<Block>,
    endnote_blocks: Vec<Block>,
    paragraphs: usize,
    notes_seen: usize,
    footnotes_seen: usize,
    endnotes_seen: usize,
    /// Paragraphs whose mark is removed on the side read (with their indexes), waiting to
    /// be joined to the next paragraph.
    joined: Vec<(NodeId, usize)>,
}

impl Body<'_> {
    fn walk(&mut self, id: NodeId) {
        let tree = self.tree;
        for c in tree.elements(id).collect::<Vec<_>>() {
            match tree.name(c) {
                "p" => {
                    let index = self.paragraphs;
                    self.paragraphs += 1;
                    self.joined.push((c, index));
                    if !mark_removed(tree, c, self.tracked) {
                        self.paragraph();
                    }
                }
                "tbl" => {
                    self.end_paragraph();
                    self.table(c);
                }
                "ins" | "moveTo" if self.tracked == TrackedChanges::Accepted => self.walk(c),
                "del" | "moveFrom" if self.tracked == TrackedChanges::Original => self.walk(c),
                "sdt" | "sdtContent" | "customXml" => self.walk(c),
                _ => {}
            }
        }
    }

    /// Ends the paragraphs waiting to be joined where they are: before a table, at the
    /// end of the body.
    fn end_paragraph(&mut self) {
        if !self.joined.is_empty() {
            self.paragraph();
        }
    }

    /// One paragraph from the paragraphs waiting in `joined` (one, or several whose marks
    /// are removed, then the one whose mark ends them all): their texts joined, the last
    /// one's properties.
    fn paragraph(&mut self) {
        let tree = self.tree;
        let group = std::mem::take(&mut self.joined);
        let Some(&(p, last_index)) = group.last() else {
            return;
        };
        let ppr = tree.child(p, "pPr");
        let style = ppr
            .and_then(|x| tree.child_val(x, "pStyle"))
            .map(str::to_string)
            .or_else(|| self.styles.default_paragraph.clone());
        let direct_outline = ppr
            .and_then(|x| tree.child_val(x, "outlineLvl"))
            .and_then(|v| v.parse::<u8>().ok());
        let level = match direct_outline {
            Some(o) => (o < BODY_OUTLINE).then_some(o + 1),
            None => style.as_deref().and_then(|s| self.styles.heading_level(s)),
        };
        // Numbering: the paragraph's own numPr, else its style's.
        let num_pr = ppr.and_then(|x| tree.child(x, "numPr"));
        let own_num = num_pr.and_then(|n| tree.child_val(n, "numId"));
        let own_lvl = num_pr
            .and_then(|n| tree.child_val(n, "ilvl"))
            .and_then(|v| v.parse::<usize>().ok());
        let (num, lvl) = match own_num {
            Some(n) => (Some(n.to_string()), own_lvl),
            None => match style.as_deref().and_then(|s| self.styles.numbering(s)) {
                Some((n, l)) => (Some(n), own_lvl.or(l)),
                None => (None, own_lvl),
            },
        };
        let rendered = num.and_then(|n| {
            let lvl = lvl
                .or_else(|| {
                    style
                        .as_deref()
                        .and_then(|s| self.numbering.level_of_style(&n, s))
                })
                .unwrap_or(0);
            self.numbering.next(&n, lvl)
        });

        let mut refs = Vec::new();
        let mut para = Paragraph {
            text: String::new(),
            refs: &mut refs,
            tracked: self.tracked,
        };
        // The unit stands where its text starts: at the first paragraph with any.
        let mut index = None;
        for &(node, i) in &group {
            para.collect(tree, node);
            if index.is_none() && !para.text.trim().is_empty() {
                index = Some(i);
            }
        }
        let index = index.unwrap_or(last_index);
        let text = para.text;

        let (kind, number) = match (&level, &rendered) {
            (Some(_), r) => (
                UnitKind::Heading,
                r.as_ref().and_then(|r| clean_number(&r.label)),
            ),
            (None, Some(r)) if r.format == "bullet" || r.format == "none" => {
                (UnitKind::ListItem, None)
            }
            (None, Some(r)) => {
                let number = clean_number(&r.label);
                let paragraph_number = r.level == 0
                    && matches!(r.format.as_str(), "decimal" | "decimalZero")
                    && !r.label.contains(['(', ')']);
                if paragraph_number {
                    (UnitKind::Paragraph, number)
                } else {
                    (UnitKind::ListItem, number)
                }
            }
            (None, None) => (UnitKind::Paragraph, None),
        };
        // A note typed into the body in the footnote style (a redline's notes, a draft
        // converted from PDF) is a footnote, as a heading style makes a heading; its
        // typed number is read as a paragraph's is, and it belongs to the paragraph
        // before it.
        let footnote = kind == UnitKind::Paragraph
            && rendered.is_none()
            && style.as_deref().is_some_and(|s| self.styles.is_footnote(s));
        let (kind, marker_in) = if footnote {
            let before = self
                .blocks
                .iter()
                .rposition(|b| b.kind != UnitKind::Footnote);
            (UnitKind::Footnote, before)
        } else {
            (kind, None)
        };
        let block_index = self.blocks.len();
        self.blocks.push(Block {
            kind,
            level: level.unwrap_or(0),
            number,
            text,
            source: SourceLocation::Paragraph { index },
            marker_in,
        });
        self.notes(&refs, block_index);
    }

    fn notes(&mut self, refs: &[(NoteKind, String)], block_index: usize) {
        for (kind, id) in refs {
            let (text, number) = match kind {
                NoteKind::Foot => {
                    let Some(t) = self.footnotes.get(id) else {
                        continue;
                    };
                    self.footnotes_seen += 1;
                    (t.clone(), self.footnotes_seen.to_string())
                }
                NoteKind::End => {
                    let Some(t) = self.endnotes.get(id) else {
                        continue;
                    };
                    self.endnotes_seen += 1;
                    (t.clone(), roman(self.endnotes_seen as i64).to_lowercase())
                }
            };
            let block = Block {
                kind: UnitKind::Footnote,
                level: 0,
                number: Some(number),
                text,
                source: SourceLocation::Note {
                    index: self.notes_seen,
                },
                marker_in: Some(block_index),
            };
            self.notes_seen += 1;
            match kind {
                NoteKind::Foot => self.blocks.push(block),
                NoteKind::End => self.endnote_blocks.push(block),
            }
        }
    }

    /// One unit a row: the cells' texts joined by ` | `.
    fn table(&mut self, tbl: NodeId) {
        let tree = self.tree;
        for tr in tree.children_named(tbl, "tr").collect::<Vec<_>>() {
            let first = self.paragraphs;
            let mut cells = Vec::new();
            let mut refs = Vec::new();
            for tc in tree.children_named(tr, "tc").collect::<Vec<_>>() {
                let mut texts = Vec::new();
                self.cell_text(tc, &mut texts, &mut refs);
                cells.push(blocks::tidy(&texts.join(" ")));
            }
            let Some(row) = blocks::table_row(&cells, first) else {
                continue;
            };
            let block_index = self.blocks.len();
            self.blocks.push(row);
            self.notes(&refs, block_index);
        }
    }

    /// The texts of a cell's paragraphs (nested tables flattened into the cell).
    fn cell_text(
        &mut self,
        id: NodeId,
        texts: &mut Vec<String>,
        refs: &mut Vec<(NoteKind, String)>,
    ) {
        let tree = self.tree;
        let mut cell_joined = false;
        for c in tree.elements(id).collect::<Vec<_>>() {
            match tree.name(c) {
                "p" => {
                    self.paragraphs += 1;
                    let mut para = Paragraph {
                        text: String::new(),
                        refs,
                        tracked: self.tracked,
                    };
                    para.collect(tree, c);
                    // A removed mark joins this paragraph to the cell's next one.
                    let removed = mark_removed(tree, c, self.tracked);
                    match texts.last_mut() {
                        Some(last) if cell_joined => last.push_str(&para.text),
                        _ => texts.push(para.text),
                    }
                    cell_joined = removed;
                }
                "tbl" | "tr" | "tc" | "sdt" | "sdtContent" | "customXml" => {
                    self.cell_text(c, texts, refs)
                }
                _ => {}
            }
        }
    }
}

/// The main document part named in `_rels/.rels` (the `officeDocument` relationship),
/// without a leading slash.
fn main_part(rels: &Tree) -> Option<String> {
    let root = rels.root()?;
    rels.children_named(root, "Relationship")
        .find(|&r| {
            rels.attr(r, "Type")
                .is_some_and(|t| t.ends_with("/officeDocument"))
        })
        .and_then(|r| rels.attr(r, "Target"))
        .map(|t| t.trim_start_matches('/').to_string())
        .filter(|t| !t.is_empty() && !t.contains(".."))
}

/// Reads a Word file (`bytes` read from `path`).
///
/// # Errors
/// [`Error::Input`] when the container is damaged or the file has no `word/document.xml`.
pub(crate) fn read(path: &str, bytes: &[u8], options: &ReadOptions) -> Result<Document> {
    let mut pkg = Package::open(path, bytes, "Word")?;
    // The main part is named by the package's relationships; Word calls it
    // word/document.xml, other writers may not.
    let main = pkg
        .xml("_rels/.rels")
        .ok()
        .flatten()
        .and_then(|rels| main_part(&rels))
        .unwrap_or_else(|| "word/document.xml".to_string());
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let part = |name: &str| {
        if dir.is_empty() {
            name.to_string()
        } else {
            format!("{dir}/{name}")
        }
    };
    let Some(document) = pkg.xml(&main)? else {
        return Err(Error::Input {
            path: path.to_string(),
            message: format!("a ZIP archive without {main}: not a Word (.docx) file"),
        });
    };
    let styles = pkg.xml(&part("styles.xml"))?;
    let numbering = pkg.xml(&part("numbering.xml"))?;
    let footnotes = pkg.xml(&part("footnotes.xml"))?;
    let endnotes = pkg.xml(&part("endnotes.xml"))?;
    let mut numbering = numbering.as_ref().map(Numbering::parse).unwrap_or_default();
    numbering.link_styles(&numbering_styles(styles.as_ref()));
    let styles = Styles::parse(styles.as_ref());
    let tracked = options.tracked_changes;
    let mut body = Body {
        tree: &document,
        styles: &styles,
        numbering,
        tracked,
        footnotes: notes(footnotes.as_ref(), "footnote", tracked),
        endnotes: notes(endnotes.as_ref(), "endnote", tracked),
        blocks: Vec::new(),
        endnote_blocks: Vec::new(),
        paragraphs: 0,
        notes_seen: 0,
        footnotes_seen: 0,
        endnotes_seen: 0,
        joined: Vec::new(),
    };
    if let Some(b) = document.root().and_then(|r| document.child(r, "body")) {
        body.walk(b);
        body.end_paragraph();
    }
    let mut all = body.blocks;
    all.append(&mut body.endnote_blocks);
    Ok(blocks::document(path, all))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_part_from_relationships() {
        let rels = Tree::parse(
            r#"<Relationships xmlns="x"><Relationship Id="rId2" Type="http://x/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#,
        )
        .unwrap();
        assert_eq!(main_part(&rels).as_deref(), Some("word/document2.xml"));
    }

    #[test]
    fn builtin_heading_names() {
        assert_eq!(builtin_heading("heading 2"), Some(2));
        assert_eq!(builtin_heading("Heading1"), Some(1));
        assert_eq!(builtin_heading("Title"), Some(1));
        assert_eq!(builtin_heading("Normal"), None);
        assert_eq!(builtin_heading("heading 12"), None);
    }

    #[test]
    fn style_chains_give_levels_and_stop_on_cycles() {
        let xml = r#"<w:styles xmlns:w="w">
          <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
          <w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="My head"/><w:basedOn w:val="Heading2"/></w:style>
          <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr><w:basedOn w:val="Heading2"/></w:style>
          <w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style>
          <w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style>
        </w:styles>"#;
        let tree = Tree::parse(xml).unwrap();
        let s = Styles::parse(Some(&tree));
        assert_eq!(s.heading_level("MyHead"), Some(2));
        assert_eq!(s.heading_level("Body"), None);
        assert_eq!(s.heading_level("A"), None);
    }
}
