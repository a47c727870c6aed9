//! Stage 2: text → [`Document`] of units (headings, paragraphs, list items, footnotes),
//! with the repair of PDF-extracted text.
//!
//! Three passes over the lines, each linear:
//! 1. [`style`]: statistics decide the [`Layout`] (PDF-extracted, wrapped blocks, one
//!    paragraph a line) and collect the words broken at line ends;
//! 2. [`layout`] finds the page furniture of PDF text (page-break lines, footnote bodies,
//!    stray URLs, page numbers) and [`mend`] counts the document's own vocabulary to decide
//!    each broken word;
//! 3. the assembler cuts units at numbered paragraphs (`12.`, `12.3`), roman headings
//!    (`IV.`), list items (`(a)`, `a)`, `i.`), Markdown headings and bullets, blank lines
//!    (unless the text is PDF-extracted) and unnumbered title lines; it rejoins wrapped
//!    lines, mends broken words, takes footnote markers ([`marker`]) and bodies out of
//!    the running text and records everything it removed as [`Artifact`]s.
//!
//! Nothing here knows any document's words: every decision comes from the shape of lines
//! and the statistics of the document itself.
//!
//! ```
//! use draftdiff::segment::{segment, SegmentOptions};
//! use draftdiff::UnitKind;
//! let doc = segment("x.txt", "I. Scope\n1. First paragraph.\n2. Second:\n(a) an item;\n", &SegmentOptions::new());
//! let kinds: Vec<_> = doc.units.iter().map(|u| (u.kind, u.number.as_deref())).collect();
//! assert_eq!(kinds, [
//!     (UnitKind::Heading, Some("I")),
//!     (UnitKind::Paragraph, Some("1")),
//!     (UnitKind::Paragraph, Some("2")),
//!     (UnitKind::ListItem, Some("(a)")),
//! ]);
//! assert_eq!(doc.units[3].parent, Some(2));
//! assert_eq!(doc.units[1].section, Some(0));
//! ```
//!
//! [`Artifact`]: crate::model::Artifact

mod assemble;
mod json;
mod layout;
mod marker;
mod mend;
mod normalize;
mod start;
mod style;

pub use json::{SourceJson, UnitJson, unit_json};
pub use normalize::{comparable, fold_style, is_invisible, normalize};
pub(crate) use start::to_roman;
pub use style::Layout;

use crate::model::Document;

/// How to segment a text.
#[derive(Debug, Clone, Default)]
pub struct SegmentOptions {
    /// The layout of the text; [`Layout::Auto`] (the default) decides from the text.
    pub layout: Layout,
}

impl SegmentOptions {
    /// The defaults: the layout is decided from the text.
    pub fn new() -> SegmentOptions {
        SegmentOptions::default()
    }

    /// Read the text as having this layout instead of deciding from its statistics.
    pub fn layout(mut self, layout: Layout) -> SegmentOptions {
        self.layout = layout;
        self
    }
}

/// Cuts `text` (read from `path`; the name is recorded in the document) into units.
///
/// Never fails: any text is a document, an empty one a document with no units.
pub fn segment(path: &str, text: &str, options: &SegmentOptions) -> Document {
    let stats = style::Stats::of(text);
    let layout = match options.layout {
        Layout::Auto => stats.layout(),
        l => l,
    };
    let (units, artifacts) = assemble::assemble(text, layout, &stats);
    Document {
        path: path.to_string(),
        units,
        artifacts,
    }
}

/// The layout [`segment`] would read `text` with under [`Layout::Auto`].
pub fn detect_layout(text: &str) -> Layout {
    style::Stats::of(text).layout()
}
