//! A document is the sequence of units one version of a draft was cut into.

use std::fmt;

/// Index of a unit in [`Document::units`]; stable for one reading of one file.
pub type UnitId = usize;

/// What a unit is in the structure of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    /// A section title (`II. Definition and history …`, `## Scope`, an unnumbered title line).
    Heading,
    /// A body paragraph, numbered (`12. …`) or not.
    Paragraph,
    /// An item of a list (`(a) …`, `- …`, `i. …`).
    ListItem,
    /// The body of a footnote, taken out of the running text.
    Footnote,
}

impl UnitKind {
    /// The name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Heading => "heading",
            UnitKind::Paragraph => "paragraph",
            UnitKind::ListItem => "list_item",
            UnitKind::Footnote => "footnote",
        }
    }
}

impl fmt::Display for UnitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a unit's text is made of: the document's sentences, or a block that is not prose.
/// The segmenter knows it from the syntax of the format (a Markdown code fence or table);
/// the aligner links a unit only with units of the same block kind, since code and prose
/// that share identifiers (`deposit(amount:)` in a sentence and in a listing) say different
/// things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Block {
    /// Sentences: headings, paragraphs, list items and notes of running text.
    #[default]
    Prose,
    /// Program text or preformatted text (a fenced or indented Markdown code block): code,
    /// its output, a diagram drawn in characters.
    Code,
    /// A table, its cells read in order.
    Table,
}

/// One unit of a document: a heading, paragraph, list item or footnote.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Position of the unit in its document (0-based), also its id in JSON.
    pub id: UnitId,
    /// What the unit is.
    pub kind: UnitKind,
    /// Prose, or a block that is not prose (code, a table): see [`Block`].
    pub block: Block,
    /// The number as printed, without a trailing period: `"17"`, `"IV"`, `"(a)"`, `"3.2"`.
    pub number: Option<String>,
    /// The heading unit of the section this unit sits in, if any.
    pub section: Option<UnitId>,
    /// For a list item, the paragraph that introduces its list; for a footnote, the unit
    /// whose text carried its marker, when it was found.
    pub parent: Option<UnitId>,
    /// First line of the unit in the input file, 1-based. For a Word or OpenDocument file,
    /// the 1-based paragraph of the body (for a footnote, its 1-based place among the
    /// notes); for a PDF file, the text line among all the file's lines, pages in order.
    /// [`source`](Self::source) says more for those files.
    pub line: usize,
    /// Last line of the unit in the input file, 1-based (counted as [`line`](Self::line)).
    pub end_line: usize,
    /// The text shown to people: as written, repaired (lines rejoined, broken words mended,
    /// footnote markers and page artifacts removed), without the printed number.
    pub text: String,
    /// The text used for matching: [`text`](Self::text) normalised (case folded, quotes,
    /// dashes and spaces unified).
    pub norm: String,
    /// Where the unit stands in a structured source (a Word or OpenDocument paragraph, a
    /// place on a PDF page); `None` for plain text, where [`line`](Self::line) says it.
    pub source: Option<SourceLocation>,
}

/// Where a unit was read from in a structured source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceLocation {
    /// A paragraph of a Word (`.docx`) or OpenDocument (`.odt`) body: the 0-based index of
    /// the paragraph among all the body's paragraphs, table cells' paragraphs included, in
    /// document order. For a table row, its first paragraph.
    Paragraph {
        /// 0-based index of the paragraph in the body.
        index: usize,
    },
    /// A footnote or endnote of a Word or OpenDocument file: its place among the notes of
    /// its kind, 0-based, in the order their markers appear.
    Note {
        /// 0-based index of the note.
        index: usize,
    },
    /// A place on a page of a PDF file.
    Page {
        /// The page, 1-based.
        page: usize,
        /// The unit's first line among the text lines of that page, 1-based.
        line: usize,
        /// Distance of that line's baseline from the top of the page, in whole points.
        y: u32,
    },
}

/// Something the reader removed from the running text, kept so nothing is lost silently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    /// What was removed.
    pub kind: ArtifactKind,
    /// Line of the input file it stood on, 1-based.
    pub line: usize,
    /// The removed text, as written.
    pub text: String,
}

/// The kinds of text the reader removes from the running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ArtifactKind {
    /// A running page header or footer.
    PageHeader,
    /// A page number.
    PageNumber,
    /// A line that only marks a page break (spaces, form feed) or a stray line such as a
    /// URL printed in the page margin.
    PageBreak,
    /// An inline footnote marker (`world.2`); the footnote itself becomes a unit.
    FootnoteMarker,
}

/// One version of a draft, cut into units.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The path the document was read from, as given by the user (`-` for standard input).
    pub path: String,
    /// The units in reading order; `units[i].id == i`.
    pub units: Vec<Unit>,
    /// What the reader removed from the text, in input order.
    pub artifacts: Vec<Artifact>,
}

impl Document {
    /// The unit with this id.
    ///
    /// # Panics
    /// If `id` is not the id of a unit of this document.
    pub fn unit(&self, id: UnitId) -> &Unit {
        &self.units[id]
    }

    /// The texts of `ids` joined in order with [`JOIN_SEPARATOR`] (see [`join_texts`]): the
    /// one side of a merge or a split that the diff, trace and blame compare.
    ///
    /// # Panics
    /// If an id is not the id of a unit of this document.
    pub fn joined_text(&self, ids: &[UnitId]) -> String {
        join_texts(ids.iter().map(|&id| self.unit(id).text.as_str()))
    }

    /// A short human label for a unit: `¶17`, `§IV`, `fn 3`, or `line 30` when unnumbered;
    /// a list item with the paragraph that introduces its list (its `parent`), `¶16 (a)`,
    /// since `(a)` alone names an item of every list.
    pub fn label(&self, id: UnitId) -> String {
        let unit = &self.units[id];
        match (&unit.number, unit.kind) {
            (Some(n), UnitKind::Paragraph) => format!("¶{n}"),
            (Some(n), UnitKind::Heading) => format!("§{n}"),
            (Some(n), UnitKind::Footnote) => format!("fn {n}"),
            // The parent comes first in the document, so the naming always ends.
            (Some(n), UnitKind::ListItem) => match unit.parent {
                Some(p) if p < id => format!("{} {n}", self.label(p)),
                _ => n.clone(),
            },
            (None, _) => format!("line {}", unit.line),
        }
    }
}

/// What joins the texts of several units into one side of a merge or a split: a space, so
/// the last word of one unit and the first of the next stay two words.
pub const JOIN_SEPARATOR: &str = " ";

/// `texts` joined in order with [`JOIN_SEPARATOR`]: the one way unit texts are joined, by
/// the aligner's measures, the word diff, trace and blame alike.
///
/// ```
/// assert_eq!(draftdiff::model::join_texts(["a b", "", "c"]), "a b  c");
/// ```
pub fn join_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, text) in texts.into_iter().enumerate() {
        if i > 0 {
            out.push_str(JOIN_SEPARATOR);
        }
        out.push_str(text);
    }
    out
}
