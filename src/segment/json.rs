//! The wire form of a unit, shared by every JSON output that lists units.
//!
//! `draftdiff segment --format json` prints `{"path": …, "units": [UnitJson, …]}`; the
//! main report and the lineage commands embed units in the same form, so a unit reads the
//! same everywhere.

use serde::Serialize;

use crate::model::Unit;

/// One unit as JSON: `{"id", "kind", "number", "line", "end_line", "text"}`.
///
/// `kind` is `heading`, `paragraph`, `list_item` or `footnote`; `number` is the number as
/// printed without a trailing period (`"17"`, `"IV"`, `"(a)"`) or `null`; `line` and
/// `end_line` are 1-based lines of the input file; `text` is the repaired display text
/// without the number.
///
/// ```
/// use draftdiff::segment::{segment, SegmentOptions, UnitJson};
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
        }
    }
}

/// A unit as a JSON value (the same object as [`UnitJson`]).
pub fn unit_json(unit: &Unit) -> serde_json::Value {
    serde_json::to_value(UnitJson::from(unit)).unwrap_or(serde_json::Value::Null)
}
