//! Stage 2: text → [`Document`] of units (headings, paragraphs, list items, footnotes),
//! with the repair of PDF-extracted text.
//!
//! Markdown (a `.md` name, or two kinds of Markdown block syntax) is read by `markdown`
//! with a CommonMark parser; a text that sets its titles with `=` marks (`== Install`) is
//! AsciiDoc, not Markdown, and its paragraphs are blocks between blank lines however many
//! of its lines end a sentence. Other text takes passes over its lines, each linear:
//! 1. `style`: statistics decide the [`Layout`] (PDF-extracted, wrapped blocks, one
//!    paragraph a line) and collect the words broken at line ends;
//! 2. whole-document evidence: `furniture` finds running headers, footers and page
//!    numbers by their repetition at page-regular distances (with or without form feeds),
//!    `frame` finds box-art rules and framed text; then one walk with the page reader
//!    (`layout`: page-break lines, footnote bodies, stray URLs, page numbers) counts the
//!    document's own vocabulary for broken words (`mend`) and collects every line shaped
//!    like a paragraph number, roman heading or capital letter where the layout allows a
//!    unit to start; `sequence` chooses, by dynamic programming over the whole document,
//!    the chains of numbers that are the document's numbering (a false `1.` cannot derail
//!    the rest);
//! 3. the assembler cuts units at the chosen numbers, at list items that continue their
//!    paragraph's list or start one where the layout allows, at Markdown headings and
//!    bullets, blank lines (unless the text is PDF-extracted), page breaks the text does
//!    not run across, and unnumbered title lines; it rejoins wrapped lines, mends broken
//!    words, takes footnote markers (`marker`, with the words the document refers by)
//!    and bodies out of the running text and records everything it removed as
//!    [`Artifact`]s. [`segment_explained`] also says which lines were furniture and by
//!    which pattern, and which numbers were refused and why;
//! 4. passes over the units read what only the whole cut shows: `titles` (title lines
//!    by their layout: an underline, capitals alone, a chapter name under its number, a
//!    section sign; in every layout, a section mark `== Title`), `contents` (a table of
//!    contents spaced one entry a block),
//!    `admonition` (a titled reST admonition: a heading and its paragraphs), beside the
//!    conventions below.
//!
//! One convention holds across readers (`subsections`, with its reason): `(1)`, `(2)` …
//! that no paragraph introduces (a law's Absätze under their § heading) are the
//! section's paragraphs, not list items, in the Markdown segmenter (CommonMark has no
//! `(1)` marker), after the text segmenter's cut, and in the Word and OpenDocument
//! readers; items a sentence introduces (`in two steps: (1) …`) stay list items.
//!
//! Nothing here knows any document's words: every decision comes from the shape of lines
//! and the statistics of the document itself. The one list of words is `marker`'s closed
//! class of function words (articles, prepositions) in four languages, after which a
//! number is never a footnote marker; the reason is given there. (The page reader also
//! knows the English `Page 3 of 10` of a page number standing alone after a page break;
//! in any language, running page numbers are found by their repetition.)
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

mod admonition;
mod asciidoc;
mod assemble;
mod contents;
mod enumerations;
mod explain;
mod frame;
mod furniture;
mod indented;
mod json;
mod layout;
mod markdown;
mod marker;
mod mend;
mod normalize;
mod openers;
mod sequence;
mod start;
mod style;
mod subsections;
mod titles;

pub(crate) use enumerations::enumerations_as_items;
pub use explain::{Explanation, FurnitureNote, RejectedNote};
pub use json::{SourceJson, UnitJson, unit_json};
pub(crate) use markdown::label_template;
pub use normalize::{comparable, fold_style, is_invisible, normalize};
pub(crate) use start::to_roman;
pub use style::Layout;
pub(crate) use subsections::subsections_as_paragraphs;

use crate::model::Document;

/// How to segment a text.
#[derive(Debug, Clone, Default)]
pub struct SegmentOptions {
    /// The layout of the text; [`Layout::Auto`] (the default) decides from the text.
    pub(crate) layout: Layout,
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
    run(path, text, options, false).0
}

/// [`segment`], and the [`Explanation`] of what it decided: the lines taken for page
/// furniture and by which pattern, the numbers refused as unit starts and why.
///
/// ```
/// use draftdiff::segment::{segment_explained, SegmentOptions};
/// let text = "1. The committee met at any time before August\n1. or so, and\n2. Then it rose.\n";
/// let (doc, why) = segment_explained("x.txt", text, &SegmentOptions::new());
/// assert_eq!(doc.units.len(), 2);
/// assert_eq!(why.rejected[0].line, 2);
/// ```
pub fn segment_explained(
    path: &str,
    text: &str,
    options: &SegmentOptions,
) -> (Document, Explanation) {
    let (doc, explanation) = run(path, text, options, true);
    (doc, explanation.unwrap_or_default())
}

fn run(
    path: &str,
    text: &str,
    options: &SegmentOptions,
    explain: bool,
) -> (Document, Option<Explanation>) {
    // YAML front matter (Legalize's laws, Jekyll, Hugo) says nothing of how the text under
    // it is laid out: the reader is chosen on the body alone, the front matter's lines
    // blanked so that line numbers stay the file's. A body of page-printed text gets the
    // front matter back as its first unit, as the Markdown reader makes it.
    let mut as_markdown = options.layout == Layout::Auto && markdown::is_markdown(path, text);
    let front = as_markdown
        .then(|| markdown::front_matter(text))
        .flatten()
        .map(|(_, body)| body);
    let blanked;
    let (whole, text) = match front {
        Some(body) => {
            blanked = "\n".repeat(text[..body].matches('\n').count()) + &text[body..];
            as_markdown = markdown::is_markdown(path, &blanked);
            (text, blanked.as_str())
        }
        None => (text, text),
    };
    let stats = style::Stats::of(text);
    // A `.md` file whose lines are PDF-extracted text with a blank line after each (every
    // line a Markdown paragraph, sentences running on across the blanks) is read as the
    // PDF text it is, not as one paragraph a line; so is one that prints pages.
    if as_markdown && !stats.pdf_shown() && !pages_without_markdown(text, &stats) {
        let (units, artifacts) = markdown::segment(whole);
        let explanation = explain.then(|| Explanation {
            layout: Layout::Blocks,
            ..Explanation::default()
        });
        return (
            Document {
                path: path.to_string(),
                units,
                artifacts,
            },
            explanation,
        );
    }
    let layout = match options.layout {
        // AsciiDoc (titles set with `=` marks) writes its paragraphs as blocks between
        // blank lines, often one sentence a line: however many lines end a sentence, a
        // line is not a paragraph there.
        Layout::Auto if stats.layout() == Layout::Lines && markdown::is_asciidoc(text) => {
            Layout::Blocks
        }
        Layout::Auto => stats.layout(),
        l => l,
    };
    let (mut units, artifacts, explanation) = assemble::assemble(text, layout, &stats, explain);
    if markdown::is_asciidoc(text) {
        asciidoc::asciidoc_blocks_and_items(&mut units, text);
    }
    titles::section_mark_titles(&mut units, text);
    if let Some(body) = front {
        let (mut head, _) = markdown::segment(&whole[..body]);
        let shift = head.len();
        for u in &mut units {
            u.id += shift;
            u.section = u.section.map(|s| s + shift);
            u.parent = u.parent.map(|p| p + shift);
        }
        head.append(&mut units);
        units = head;
    }
    (
        Document {
            path: path.to_string(),
            units,
            artifacts,
        },
        explanation,
    )
}

/// Whether `text`, whatever its name, is page-printed text rather than Markdown: it uses
/// fewer than [`markdown::MIN_MARKDOWN_KINDS`] kinds of Markdown block syntax (a title
/// line marked `#` by whoever saved it, no more), and its lines carry page furniture found
/// by repetition over the whole document (`furniture`: a letterhead, a page number or a
/// running head recurring at page-regular distances, or at the edges of form-fed pages).
/// Text extracted from a PDF and saved with a `.md` name is such a text; Markdown has no
/// pages, and a Markdown document that uses one kind of block syntax shows no furniture.
///
/// A document that writes Markdown's inline syntax (links, code spans, strong emphasis)
/// is Markdown whatever its block syntax: a changelog of headings and lists has no setext
/// title or fence, and its repeated items (`- Bumped MSRV to 1.71`) recur like furniture.
///
/// Only furniture that ends no sentence counts here (a letterhead, a document number, a
/// page counter): the short last line of a paragraph that recurs at about a page's
/// distance (`l'enfant.` in a Markdown code of law) is no page, and a Markdown document
/// must not be sent to the page reader on its evidence.
fn pages_without_markdown(text: &str, stats: &style::Stats) -> bool {
    markdown::syntax_kinds(text) < markdown::MIN_MARKDOWN_KINDS
        && !markdown::writes_inline_syntax(text)
        && (spans_pages(&furniture::Furniture::find(text), text.lines().count())
            || stats.flush_left() && assemble::paragraphs_without_blanks(text, stats))
}

/// Whether `furniture` holds a pattern that ends no sentence and pages a good part of the
/// document: its occurrences times its period cover at least a third of its `lines` lines.
/// Pages run through a document (a letterhead on each of three pages of an act, its
/// annexes unpaged); a column of a table that repeats its cells (`15 mars`, `15 juin`
/// every eight lines in one schedule of a 17,000-line code) recurs in one place.
fn spans_pages(furniture: &furniture::Furniture, lines: usize) -> bool {
    furniture
        .patterns
        .iter()
        .any(|p| !style::ends_terminal(&p.pattern) && 3 * p.count * p.period >= lines)
}

/// The layout [`segment`] would read `text` with under [`Layout::Auto`].
pub fn detect_layout(text: &str) -> Layout {
    style::Stats::of(text).layout()
}
