//! Why the segmenter read a document as it did: which lines it took for page furniture
//! and by what pattern, and which numbers it refused as unit starts and why
//! (`draftdiff segment --explain`, written by `render::segment_explanation`).

use super::Layout;
use super::sequence::{Rejected, Rejection};

/// One pattern of page furniture and the lines it removed.
#[derive(Debug, Clone, PartialEq)]
pub struct FurnitureNote {
    /// The pattern: lower case, every run of digits `#`, spaces collapsed.
    pub pattern: String,
    /// The typical distance in lines between two occurrences (about one page, or two
    /// for a header printed on odd or even pages only).
    pub period: usize,
    /// The lines it removed (1-based).
    pub lines: Vec<usize>,
}

/// A line that starts like a numbered unit but was not taken for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedNote {
    /// The line (1-based).
    pub line: usize,
    /// The number as printed.
    pub number: String,
    /// Why, in a sentence.
    pub reason: String,
}

/// What `segment --explain` shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explanation {
    /// The layout the text was read with.
    pub layout: Layout,
    /// Page furniture found by repetition.
    pub furniture: Vec<FurnitureNote>,
    /// Numbers refused as unit starts.
    pub rejected: Vec<RejectedNote>,
}

impl From<&Rejected> for RejectedNote {
    fn from(r: &Rejected) -> RejectedNote {
        let reason = match r.why {
            Rejection::Layout => "inside a wrapped sentence: the line before neither ends a \
                                  sentence nor is short, and no blank line stands between"
                .to_string(),
            Rejection::Sequence(Some(last)) => {
                format!("out of the document's sequence (the number before is {last})")
            }
            Rejection::Sequence(None) => "out of the document's sequence".to_string(),
        };
        RejectedNote {
            line: r.line,
            number: r.number.clone(),
            reason,
        }
    }
}

impl Explanation {
    /// Writes the explanation for people: [`crate::render::segment_explanation`], kept here
    /// under its old name.
    pub fn write_text(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        crate::render::segment_explanation(self, w)
    }
}
