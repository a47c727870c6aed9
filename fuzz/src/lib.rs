//! What the fuzz targets share: the layout of a fuzz input and the pipeline run on it.
//!
//! Every target that takes two texts reads the same input, so one seed corpus serves them
//! all and a crash file of one target replays in the others:
//!
//! ```text
//! byte 0  layout of the old text   (mod 4: auto, pdf, blocks, lines)
//! byte 1  layout of the new text
//! byte 2  diff options, one bit each: case, punctuation, whitespace, quote styles, numbering
//! byte 3  terminal width, an index into WIDTHS
//! byte 4  --only, one bit each: added, removed, changed, moved
//! byte 5  bit 0: --stat; bit 1: colour
//! rest    the old text, a NUL byte, the new text (without a NUL: cut in the middle);
//!         invalid UTF-8 becomes U+FFFD
//! ```
//!
//! `fuzz/seeds.sh` writes seed files in this layout.

use arbitrary::{Arbitrary, Unstructured};
use draftdiff::diff::DiffOptions;
use draftdiff::render::{Only, Palette, TerminalOptions};
use draftdiff::segment::{Layout, SegmentOptions, segment};
use draftdiff::{AlignOptions, Document, Report};

/// Longest text of each side: the aligner and the renderers are linear or bounded, so
/// larger inputs only slow the fuzzer down.
pub const MAX_TEXT: usize = 16 * 1024;

/// Terminal widths tried. The field is public, so widths below the builder's minimum of
/// 40 are reachable by a library user and are fuzzed too.
pub const WIDTHS: [usize; 8] = [0, 1, 12, 40, 60, 80, 132, 300];

/// The header of a fuzz input (see the crate docs).
#[derive(Debug, Clone, Copy, Arbitrary)]
pub struct Knobs {
    /// Layout of the old text.
    pub old_layout: u8,
    /// Layout of the new text.
    pub new_layout: u8,
    /// Diff option bits.
    pub diff: u8,
    /// Index into [`WIDTHS`].
    pub width: u8,
    /// `--only` bits.
    pub only: u8,
    /// Bit 0: stat; bit 1: colour.
    pub misc: u8,
}

/// One fuzz input: the header and the two texts.
#[derive(Debug)]
pub struct Input {
    /// The header.
    pub knobs: Knobs,
    /// The old text.
    pub old: String,
    /// The new text.
    pub new: String,
}

impl Input {
    /// Reads an input; never fails (a short input has zero bits and empty texts).
    pub fn parse(data: &[u8]) -> Input {
        let mut u = Unstructured::new(data);
        let knobs = Knobs::arbitrary(&mut u).unwrap_or(Knobs {
            old_layout: 0,
            new_layout: 0,
            diff: 0,
            width: 0,
            only: 0,
            misc: 0,
        });
        let text = String::from_utf8_lossy(u.take_rest()).into_owned();
        let (old, new) = split_pair(&text);
        Input {
            knobs,
            old: bounded(old).to_string(),
            new: bounded(new).to_string(),
        }
    }

    /// The old document.
    pub fn old_doc(&self) -> Document {
        segment(
            "old.txt",
            &self.old,
            &segment_options(self.knobs.old_layout),
        )
    }

    /// The new document.
    pub fn new_doc(&self) -> Document {
        segment(
            "new.txt",
            &self.new,
            &segment_options(self.knobs.new_layout),
        )
    }

    /// The diff options the header selects.
    pub fn diff_options(&self) -> DiffOptions {
        let b = self.knobs.diff;
        DiffOptions::new()
            .ignore_case(b & 1 != 0)
            .ignore_punctuation(b & 2 != 0)
            .ignore_whitespace(b & 4 != 0)
            .ignore_quote_styles(b & 8 != 0)
            .ignore_numbering(b & 16 != 0)
    }

    /// The terminal options the header selects (widths out of range go through the
    /// setter, which clamps them as the library does for every caller).
    pub fn terminal_options(&self) -> TerminalOptions {
        let b = self.knobs.only;
        let only = [Only::Added, Only::Removed, Only::Changed, Only::Moved]
            .into_iter()
            .enumerate()
            .filter(|(i, _)| b & (1 << i) != 0)
            .map(|(_, o)| o)
            .collect();
        TerminalOptions::new()
            .only(only)
            .stat(self.knobs.misc & 1 != 0)
            .width(WIDTHS[usize::from(self.knobs.width) % WIDTHS.len()])
    }

    /// The palette the header selects.
    pub fn palette(&self) -> Palette {
        Palette::new(self.knobs.misc & 2 != 0)
    }

    /// The whole pipeline: segment, align, diff.
    pub fn report(&self) -> Report {
        let old = self.old_doc();
        let new = self.new_doc();
        let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
        draftdiff::diff::report(old, new, alignment, &self.diff_options())
    }
}

/// The layout a header byte selects.
pub fn layout(b: u8) -> Layout {
    [Layout::Auto, Layout::Pdf, Layout::Blocks, Layout::Lines][usize::from(b % 4)]
}

fn segment_options(b: u8) -> SegmentOptions {
    SegmentOptions::new().layout(layout(b))
}

/// Old and new: around the first NUL, else the two halves (cut at a char boundary).
fn split_pair(text: &str) -> (&str, &str) {
    if let Some((old, new)) = text.split_once('\0') {
        return (old, new);
    }
    let mut mid = text.len() / 2;
    while !text.is_char_boundary(mid) {
        mid -= 1;
    }
    text.split_at(mid)
}

/// `text` cut to at most [`MAX_TEXT`] bytes, at a char boundary.
pub fn bounded(text: &str) -> &str {
    let mut end = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Checks what every document must satisfy: ids are indexes, line ranges are ordered,
/// sections and parents point at units of the document.
pub fn check_document(doc: &Document) {
    for (i, u) in doc.units.iter().enumerate() {
        assert_eq!(u.id, i, "unit ids are their indexes");
        assert!(
            u.line >= 1 && u.line <= u.end_line,
            "line range of unit {i}"
        );
        if let Some(s) = u.section {
            assert!(s < doc.units.len(), "section of unit {i} out of range");
        }
        if let Some(p) = u.parent {
            assert!(p < doc.units.len(), "parent of unit {i} out of range");
        }
    }
}

/// Panics when `text` (the output `what`) holds a character that
/// [`draftdiff::render::is_marked`] says must never reach an output raw (a C0 or C1
/// control, DEL, a bidi control), line feeds aside: the renderers write their own.
pub fn assert_no_raw_controls(what: &str, text: &str) {
    if let Some((at, c)) = text
        .char_indices()
        .find(|&(_, c)| c != '\n' && draftdiff::render::is_marked(c))
    {
        panic!("{what}: raw U+{:04X} at byte {at}", u32::from(c));
    }
}

/// Runs `render` twice into fresh buffers, panics unless both give the same bytes, and
/// returns them: the check every renderer's target makes.
pub fn bytes_twice(render: impl Fn(&mut Vec<u8>) -> std::io::Result<()>) -> Vec<u8> {
    let run = || {
        let mut out = Vec::new();
        render(&mut out).expect("writing to a Vec");
        out
    };
    let out = run();
    assert_eq!(out, run(), "output differs between two runs");
    out
}

/// [`bytes_twice`] for a text renderer: the bytes must also be UTF-8, returned as text.
pub fn rendered_twice(render: impl Fn(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    String::from_utf8(bytes_twice(render)).expect("the output is UTF-8")
}
