//! The wire form of a unit, shared by every JSON output that lists units.
//!
//! `draftdiff segment --format json` prints `{"version": …, "path": …, "units": [UnitJson, …]}`;
//! the main report and the lineage commands embed units in the same form, so a unit reads
//! the same everywhere.

use serde::Serialize;

use crate::model::{SourceLocation, Unit};

/// One unit as JSON: `{"id", "kind", "number", "line", "end_line", "text"}`.
///
/// `kind` is `heading`, `paragraph`, `list_item` or `footnote`; `number` is the number as
/// printed without a trailing period (`"17"`, `"IV"`, `"(a)"`) or `null`; `line` and
/// `end_line` are 1-based lines of the input file; `text` is the repaired display text
/// without the number. Units read from a Word, OpenDocument or PDF file also carry
/// `source`: `{"paragraph": 12}`, `{"note": 0}` or `{"page": 3, "line": 7, "y": 144}`
/// (see [`SourceLocation`]); the key is absent for plain text.
///
/// ```
/// use draftdiff::render::json::UnitJson;
/// use draftdiff::segment::{segment, SegmentOptions};
/// let doc = segment("x", "1. Hello.\n", &SegmentOptions::new());
/// let json = serde_json::to_string(&UnitJson::from(&doc.units[0])).unwrap();
/// assert_eq!(json, r#"{"id":0,"kind":"paragraph","number":"1","line":1,"end_line":1,"text":"Hello."}"#);
/// ```
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct UnitJson<'a> {
    /// Position of the unit in its document.
    pub id: usize,
    /// `heading`, `paragraph`, `list_item` or `footnote`.
    pub kind: &'static str,
    /// The number as printed, without a trailing period.
    pub number: Option<&'a str>,
    /// First line in the input file, 1-based.
    pub line: usize,
    /// Last line in the input file, 1-based.
    pub end_line: usize,
    /// The repaired display text.
    pub text: &'a str,
    /// Where the unit stands in a Word, OpenDocument or PDF source; absent for plain text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceJson>,
}

/// The wire form of a [`SourceLocation`]: one object whose keys say which kind it is.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum SourceJson {
    /// `{"paragraph": index}`: 0-based paragraph of a Word or OpenDocument body.
    Paragraph {
        /// 0-based index of the paragraph.
        paragraph: usize,
    },
    /// `{"note": index}`: 0-based footnote or endnote, in marker order.
    Note {
        /// 0-based index of the note.
        note: usize,
    },
    /// `{"page": page, "line": line, "y": y}`: a place on a PDF page.
    Page {
        /// 1-based page.
        page: usize,
        /// 1-based text line on the page.
        line: usize,
        /// Baseline distance from the top of the page, in points.
        y: u32,
    },
}

impl From<SourceLocation> for SourceJson {
    fn from(s: SourceLocation) -> SourceJson {
        match s {
            SourceLocation::Paragraph { index } => SourceJson::Paragraph { paragraph: index },
            SourceLocation::Note { index } => SourceJson::Note { note: index },
            SourceLocation::Page { page, line, y } => SourceJson::Page { page, line, y },
        }
    }
}

impl<'a> From<&'a Unit> for UnitJson<'a> {
    fn from(u: &'a Unit) -> UnitJson<'a> {
        UnitJson {
            id: u.id,
            kind: u.kind.as_str(),
            number: u.number.as_deref(),
            line: u.line,
            end_line: u.end_line,
            text: &u.text,
            source: u.source.map(SourceJson::from),
        }
    }
}

/// A unit as a JSON value (the same object as [`UnitJson`]).
pub fn unit_json(unit: &Unit) -> serde_json::Value {
    serde_json::to_value(UnitJson::from(unit)).unwrap_or(serde_json::Value::Null)
}
