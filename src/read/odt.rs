//! OpenDocument text (`.odt`) → [`Document`]: headings (`text:h` and its outline level),
//! paragraphs, lists numbered from their list styles, tables, footnotes and endnotes.
//!
//! - **Headings**: `text:h`, level from `text:outline-level`; numbered when the outline
//!   style (`text:outline-style` in `styles.xml`) gives that level a format.
//! - **Lists**: the number of an item is rendered from its list style
//!   (`text:list-level-style-number`: `style:num-format` `1 a A i I`, prefix, suffix,
//!   `text:display-levels`, `text:start-value`), counting per list, continuing a previous
//!   list on `text:continue-numbering` / `text:continue-list`; the same kinds as Word:
//!   a decimal number at the first level is a numbered paragraph, any other number or a
//!   bullet a list item.
//! - **Tables**: one unit a row, cells joined by ` | ` (as for Word).
//! - **Notes**: `text:note` bodies become footnote units after their paragraph, numbered
//!   by their citation as the file shows it; endnotes come at the end.
//! - **Tracked changes** are read as accepted: the body holds the text with insertions,
//!   deletions live apart in `text:tracked-changes`. [`TrackedChanges::Original`] puts
//!   deleted text back at its `text:change` point and leaves out the text between an
//!   insertion's `text:change-start` and `text:change-end`.
//! - Not part of the text: annotations (comments), frames and text boxes.

use std::collections::{HashMap, HashSet};

use super::TrackedChanges;
use super::blocks::{self, Block, clean_number};
use super::numbering::roman;
use super::package::Package;
use super::xml::{NodeId, Tree};
use crate::error::{Error, Result};
use crate::model::{Document, SourceLocation, UnitKind};

/// The media type an OpenDocument text file names in its `mimetype` part.
pub(crate) const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// Deepest list nesting OpenDocument defines.
const LEVELS: usize = 10;

/// One level of a list style.
#[derive(Debug, Clone, Default)]
struct ListLevel {
    /// `1`, `a`, `A`, `i`, `I`, or empty (no number); `None` for a bullet level.
    format: Option<String>,
    prefix: String,
    suffix: String,
    display: usize,
    start: i64,
}

/// List styles by name, and the outline style for headings.
#[derive(Debug, Default)]
struct ListStyles {
    by_name: HashMap<String, Vec<ListLevel>>,
    outline: Vec<ListLevel>,
    /// Text styles that hide their text (`text:display="none"`): hidden text is not
    /// part of the document as shown.
    hidden: HashSet<String>,
}

fn parse_levels(tree: &Tree, style: NodeId) -> Vec<ListLevel> {
    let mut levels = vec![ListLevel::default(); LEVELS];
    for l in tree.elements(style) {
        let Some(n) = tree
            .attr(l, "level")
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|&n| (1..=LEVELS).contains(&n))
        else {
            continue;
        };
        let numbered = matches!(
            tree.name(l),
            "list-level-style-number" | "outline-level-style"
        );
        levels[n - 1] = ListLevel {
            format: numbered.then(|| tree.attr(l, "num-format").unwrap_or("").to_string()),
            prefix: tree.attr(l, "num-prefix").unwrap_or("").to_string(),
            suffix: tree.attr(l, "num-suffix").unwrap_or("").to_string(),
            display: tree
                .attr(l, "display-levels")
                .and_then(|v| v.parse().ok())
                .unwrap_or(1),
            start: tree
                .attr(l, "start-value")
                .and_then(|v| v.parse().ok())
                .unwrap_or(1),
        };
    }
    levels
}

impl ListStyles {
    fn add(&mut self, tree: &Tree) {
        let mut todo: Vec<NodeId> = tree.root().into_iter().collect();
        while let Some(n) = todo.pop() {
            match tree.name(n) {
                "list-style" => {
                    if let Some(name) = tree.attr(n, "name") {
                        self.by_name.insert(name.to_string(), parse_levels(tree, n));
                    }
                }
                "outline-style" => self.outline = parse_levels(tree, n),
                "style" => {
                    let hides = tree
                        .child(n, "text-properties")
                        .is_some_and(|p| tree.attr(p, "display") == Some("none"));
                    if hides && let Some(name) = tree.attr(n, "name") {
                        self.hidden.insert(name.to_string());
                    }
                }
                "styles" | "automatic-styles" | "document-content" | "document-styles" => {
                    todo.extend(tree.elements(n))
                }
                _ => {}
            }
        }
    }
}

fn format_value(v: i64, format: &str) -> String {
    match format {
        "a" => super::numbering::format_value(v, "lowerLetter"),
        "A" => super::numbering::format_value(v, "upperLetter"),
        "i" => roman(v).to_lowercase(),
        "I" => roman(v),
        "" => String::new(),
        _ => v.to_string(),
    }
}

/// Renders the label of level `level` (0-based) from the counters.
fn render(levels: &[ListLevel], counters: &[i64], level: usize) -> Option<String> {
    let def = levels.get(level)?;
    let format = def.format.as_deref()?;
    if format.is_empty() {
        return None;
    }
    let first = (level + 1).saturating_sub(def.display.max(1));
    let parts: Vec<String> = (first..=level)
        .map(|l| {
            let f = levels[l].format.as_deref().unwrap_or("1");
            format_value(counters[l], if f.is_empty() { "1" } else { f })
        })
        .collect();
    Some(format!("{}{}{}", def.prefix, parts.join("."), def.suffix))
}

/// Counters of one list (or of the outline).
#[derive(Debug, Clone)]
struct Counters {
    values: [i64; LEVELS],
    used: [bool; LEVELS],
}

impl Counters {
    fn new() -> Counters {
        Counters {
            values: [0; LEVELS],
            used: [false; LEVELS],
        }
    }

    fn advance(&mut self, levels: &[ListLevel], level: usize, start: Option<i64>) {
        let level = level.min(LEVELS - 1);
        let def_start = levels.get(level).map_or(1, |l| l.start);
        self.values[level] = match (start, self.used[level]) {
            (Some(s), _) => s,
            (None, true) => self.values[level].saturating_add(1),
            (None, false) => def_start,
        };
        self.used[level] = true;
        for l in 0..level {
            if !self.used[l] {
                self.values[l] = levels.get(l).map_or(1, |d| d.start);
                self.used[l] = true;
            }
        }
        for l in level + 1..LEVELS {
            self.used[l] = false;
        }
    }
}

struct Body<'a> {
    tree: &'a Tree,
    inline: Inline<'a>,
    styles: &'a ListStyles,
    blocks: Vec<Block>,
    end_blocks: Vec<Block>,
    paragraphs: usize,
    notes_seen: usize,
    outline: Counters,
    /// Counters by list style name, for `text:continue-numbering`.
    by_style: HashMap<String, Counters>,
    /// Counters by list id, for `text:continue-list`.
    by_id: HashMap<String, Counters>,
}

/// The list context of an item: its nesting level (0 = top).
#[derive(Debug, Clone)]
struct ListCtx {
    level: usize,
}

/// A note found inside a paragraph.
struct Note {
    end: bool,
    citation: String,
    text: String,
}

impl Body<'_> {
    fn walk(&mut self, id: NodeId) {
        let tree = self.tree;
        for c in tree.elements(id).collect::<Vec<_>>() {
            match tree.name(c) {
                "p" | "h" => self.paragraph(c, None, None),
                "list" => self.list(c, 0, None, None),
                "table" => self.table(c),
                "section" | "index-body" | "table-of-content" | "alphabetical-index"
                | "illustration-index" | "bibliography" | "user-index" => self.walk(c),
                _ => {}
            }
        }
    }

    /// A `text:list` at nesting `depth` (0 = top), inside the list `outer` (style, id).
    fn list(
        &mut self,
        list: NodeId,
        depth: usize,
        outer_style: Option<String>,
        outer_counters: Option<String>,
    ) {
        let tree = self.tree;
        let style = tree
            .attr(list, "style-name")
            .map(str::to_string)
            .or(outer_style)
            .unwrap_or_default();
        // Which counters this list uses: a nested list shares its top list's.
        let key = match outer_counters {
            Some(k) => k,
            None => {
                let key = format!("list#{}", self.by_id.len());
                let counters = if let Some(prev) = tree.attr(list, "continue-list") {
                    self.by_id.get(prev).cloned()
                } else if matches!(tree.attr(list, "continue-numbering"), Some("true")) {
                    self.by_style.get(&style).cloned()
                } else {
                    None
                };
                self.by_id
                    .insert(key.clone(), counters.unwrap_or_else(Counters::new));
                if let Some(xml_id) = tree.attr(list, "id") {
                    self.by_id.insert(xml_id.to_string(), Counters::new());
                }
                key
            }
        };
        for item in tree.elements(list).collect::<Vec<_>>() {
            let header = match tree.name(item) {
                "list-item" => false,
                "list-header" => true,
                _ => continue,
            };
            let start = tree
                .attr(item, "start-value")
                .and_then(|v| v.parse::<i64>().ok());
            let mut first = true;
            for c in tree.elements(item).collect::<Vec<_>>() {
                match tree.name(c) {
                    "p" | "h" => {
                        let number = if first && !header {
                            let levels =
                                self.styles.by_name.get(&style).cloned().unwrap_or_default();
                            let counters =
                                self.by_id.entry(key.clone()).or_insert_with(Counters::new);
                            counters.advance(&levels, depth, start);
                            let label = render(&levels, &counters.values, depth);
                            let bullet = levels.get(depth).is_some_and(|l| l.format.is_none());
                            Some((
                                label,
                                bullet,
                                levels.get(depth).and_then(|l| l.format.clone()),
                            ))
                        } else {
                            None
                        };
                        let ctx = ListCtx { level: depth };
                        self.paragraph(c, Some(ctx), number);
                        first = false;
                    }
                    "list" => {
                        self.list(c, depth + 1, Some(style.clone()), Some(key.clone()));
                        first = false;
                    }
                    _ => {}
                }
            }
        }
        if depth == 0 {
            if let Some(c) = self.by_id.get(&key).cloned() {
                self.by_style.insert(style.clone(), c.clone());
                if let Some(xml_id) = tree.attr(list, "id") {
                    self.by_id.insert(xml_id.to_string(), c);
                }
            }
        }
    }

    fn paragraph(
        &mut self,
        p: NodeId,
        list: Option<ListCtx>,
        number: Option<(Option<String>, bool, Option<String>)>,
    ) {
        let tree = self.tree;
        let index = self.paragraphs;
        self.paragraphs += 1;
        let mut text = String::new();
        let mut notes = Vec::new();
        self.inline.read(p, &mut text, &mut notes);
        let (kind, level, label) = if tree.name(p) == "h" {
            let level = tree
                .attr(p, "outline-level")
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, LEVELS);
            let label = match &number {
                Some((label, _, _)) => label.clone(),
                None if !self.styles.outline.is_empty() => {
                    let levels = self.styles.outline.clone();
                    self.outline.advance(&levels, level - 1, None);
                    render(&levels, &self.outline.values, level - 1)
                }
                None => None,
            };
            (UnitKind::Heading, level as u8, label)
        } else {
            match number {
                Some((_, true, _)) => (UnitKind::ListItem, 0, None),
                Some((label, false, format)) => {
                    let paragraph_number = list.as_ref().is_some_and(|l| l.level == 0)
                        && format.as_deref() == Some("1")
                        && !label.as_deref().unwrap_or("").contains(['(', ')']);
                    if paragraph_number {
                        (UnitKind::Paragraph, 0, label)
                    } else {
                        (UnitKind::ListItem, 0, label)
                    }
                }
                None if list.is_some() => (UnitKind::ListItem, 0, None),
                None => (UnitKind::Paragraph, 0, None),
            }
        };
        let block_index = self.blocks.len();
        self.blocks.push(Block {
            kind,
            level,
            number: label.as_deref().and_then(clean_number),
            text,
            source: SourceLocation::Paragraph { index },
            marker_in: None,
        });
        self.push_notes(notes, block_index);
    }

    fn push_notes(&mut self, notes: Vec<Note>, block_index: usize) {
        for n in notes {
            let block = Block {
                kind: UnitKind::Footnote,
                level: 0,
                number: clean_number(&n.citation),
                text: n.text,
                source: SourceLocation::Note {
                    index: self.notes_seen,
                },
                marker_in: Some(block_index),
            };
            self.notes_seen += 1;
            if n.end {
                self.end_blocks.push(block);
            } else {
                self.blocks.push(block);
            }
        }
    }

    fn table(&mut self, table: NodeId) {
        let tree = self.tree;
        let mut rows = Vec::new();
        collect_rows(tree, table, &mut rows);
        for tr in rows {
            let first = self.paragraphs;
            let mut cells = Vec::new();
            let mut notes = Vec::new();
            for tc in tree.children_named(tr, "table-cell").collect::<Vec<_>>() {
                let mut texts = Vec::new();
                self.cell_text(tc, &mut texts, &mut notes);
                cells.push(blocks::tidy(&texts.join(" ")));
            }
            let Some(row) = blocks::table_row(&cells, first) else {
                continue;
            };
            let block_index = self.blocks.len();
            self.blocks.push(row);
            self.push_notes(notes, block_index);
        }
    }

    fn cell_text(&mut self, id: NodeId, texts: &mut Vec<String>, notes: &mut Vec<Note>) {
        let tree = self.tree;
        for c in tree.elements(id).collect::<Vec<_>>() {
            match tree.name(c) {
                "p" | "h" => {
                    self.paragraphs += 1;
                    let mut t = String::new();
                    self.inline.read(c, &mut t, notes);
                    texts.push(t);
                }
                "list" | "list-item" | "list-header" | "table" | "table-row" | "table-rows"
                | "table-header-rows" | "table-cell" | "section" => self.cell_text(c, texts, notes),
                _ => {}
            }
        }
    }
}

fn collect_rows(tree: &Tree, id: NodeId, rows: &mut Vec<NodeId>) {
    for c in tree.elements(id) {
        match tree.name(c) {
            "table-row" => rows.push(c),
            "table-rows" | "table-header-rows" | "table-row-group" => collect_rows(tree, c, rows),
            _ => {}
        }
    }
}

/// A tracked change of the file (`text:changed-region`).
#[derive(Debug, Clone)]
enum Change {
    /// Text inserted between `text:change-start` and `text:change-end`.
    Insertion,
    /// Text deleted at a `text:change` point: the deleted text.
    Deletion(String),
}

/// The tracked changes by id; deleted text as plain text.
fn tracked_changes(tree: &Tree) -> HashMap<String, Change> {
    let mut out = HashMap::new();
    let mut todo: Vec<NodeId> = tree.root().into_iter().collect();
    while let Some(n) = todo.pop() {
        match tree.name(n) {
            "changed-region" => {
                let Some(id) = tree.attr(n, "id") else {
                    continue;
                };
                let change = if let Some(d) = tree.child(n, "deletion") {
                    let mut text = String::new();
                    for c in tree.elements(d).filter(|&c| tree.name(c) != "change-info") {
                        if !text.is_empty() {
                            text.push(' ');
                        }
                        text.push_str(&tree.text(c));
                    }
                    Change::Deletion(text)
                } else {
                    Change::Insertion
                };
                out.insert(id.to_string(), change);
            }
            "document-content" | "body" | "text" | "tracked-changes" => {
                todo.extend(tree.elements(n))
            }
            _ => {}
        }
    }
    out
}

/// Reads the inline content of paragraphs: text, notes taken out, hidden text, comments
/// and (when reading the original) insertions left out, deletions put back.
struct Inline<'t> {
    tree: &'t Tree,
    hidden: &'t HashSet<String>,
    changes: &'t HashMap<String, Change>,
    original: bool,
    /// Inside an insertion skipped when reading the original: its id.
    skipping: Option<String>,
}

impl Inline<'_> {
    fn read(&mut self, id: NodeId, out: &mut String, notes: &mut Vec<Note>) {
        let tree = self.tree;
        for &c in &tree.node(id).children {
            let name = tree.name(c);
            if self.skipping.is_some() && name != "change-end" {
                if !name.is_empty() {
                    self.read(c, &mut String::new(), &mut Vec::new());
                }
                continue;
            }
            match name {
                "" => out.push_str(&tree.node(c).text),
                // Runs of spaces (`text:s`) collapse to one, as every unit's text does.
                "s" => out.push(' '),
                "tab" | "line-break" => out.push(' '),
                "note" => {
                    let end = tree.attr(c, "note-class") == Some("endnote");
                    let citation = tree
                        .child(c, "note-citation")
                        .map(|n| tree.text(n))
                        .unwrap_or_default();
                    let mut text = String::new();
                    if let Some(body) = tree.child(c, "note-body") {
                        for p in tree.elements(body) {
                            let mut t = String::new();
                            self.read(p, &mut t, &mut Vec::new());
                            if !text.is_empty() {
                                text.push(' ');
                            }
                            text.push_str(&t);
                        }
                    }
                    notes.push(Note {
                        end,
                        citation,
                        text,
                    });
                }
                "change" if self.original => {
                    if let Some(Change::Deletion(t)) =
                        tree.attr(c, "change-id").and_then(|i| self.changes.get(i))
                    {
                        out.push_str(t);
                    }
                }
                "change-start" if self.original => {
                    if let Some(i) = tree.attr(c, "change-id")
                        && matches!(self.changes.get(i), Some(Change::Insertion))
                    {
                        self.skipping = Some(i.to_string());
                    }
                }
                "change-end" => {
                    if self.skipping.as_deref() == tree.attr(c, "change-id") {
                        self.skipping = None;
                    }
                }
                "annotation" | "annotation-end" | "frame" | "tracked-changes" | "change"
                | "change-start" | "bookmark" | "bookmark-start" | "bookmark-end"
                | "soft-page-break" | "reference-mark" | "hidden-text" | "hidden-paragraph" => {}
                _ if tree
                    .attr(c, "style-name")
                    .is_some_and(|s| self.hidden.contains(s)) => {}
                _ => self.read(c, out, notes),
            }
        }
    }
}

/// Reads an OpenDocument text file.
///
/// # Errors
/// [`Error::Input`] when the container is damaged or has no `content.xml`.
pub(crate) fn read(path: &str, bytes: &[u8], tracked: TrackedChanges) -> Result<Document> {
    let mut pkg = Package::open(path, bytes, "OpenDocument")?;
    let Some(content) = pkg.xml("content.xml")? else {
        return Err(Error::Input {
            path: path.to_string(),
            message: "an OpenDocument archive without content.xml: damaged file".into(),
        });
    };
    let mut styles = ListStyles::default();
    if let Some(s) = pkg.xml("styles.xml")? {
        styles.add(&s);
    }
    styles.add(&content);
    if styles
        .outline
        .iter()
        .all(|l| l.format.as_deref().unwrap_or("").is_empty())
    {
        styles.outline.clear();
    }
    let changes = tracked_changes(&content);
    let mut body = Body {
        tree: &content,
        inline: Inline {
            tree: &content,
            hidden: &styles.hidden,
            changes: &changes,
            original: tracked == TrackedChanges::Original,
            skipping: None,
        },
        styles: &styles,
        blocks: Vec::new(),
        end_blocks: Vec::new(),
        paragraphs: 0,
        notes_seen: 0,
        outline: Counters::new(),
        by_style: HashMap::new(),
        by_id: HashMap::new(),
    };
    let text = content
        .root()
        .and_then(|r| content.child(r, "body"))
        .and_then(|b| content.child(b, "text"));
    if let Some(t) = text {
        body.walk(t);
    }
    let mut all = body.blocks;
    all.append(&mut body.end_blocks);
    Ok(blocks::document(path, all))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(format: &str, prefix: &str, suffix: &str, display: usize) -> ListLevel {
        ListLevel {
            format: Some(format.into()),
            prefix: prefix.into(),
            suffix: suffix.into(),
            display,
            start: 1,
        }
    }

    #[test]
    fn labels_from_list_levels() {
        let levels = vec![
            level("1", "", ".", 1),
            level("a", "(", ")", 1),
            level("i", "", ".", 3),
        ];
        let mut c = Counters::new();
        c.advance(&levels, 0, None);
        assert_eq!(render(&levels, &c.values, 0).as_deref(), Some("1."));
        c.advance(&levels, 1, None);
        c.advance(&levels, 1, None);
        assert_eq!(render(&levels, &c.values, 1).as_deref(), Some("(b)"));
        c.advance(&levels, 2, None);
        assert_eq!(render(&levels, &c.values, 2).as_deref(), Some("1.b.i."));
        c.advance(&levels, 0, None);
        c.advance(&levels, 1, None);
        assert_eq!(render(&levels, &c.values, 1).as_deref(), Some("(a)"));
        c.advance(&levels, 0, Some(7));
        assert_eq!(render(&levels, &c.values, 0).as_deref(), Some("7."));
    }
}
