//! Stage 2: text → [`Document`] of units.
//!
//! PLACEHOLDER: the first cut only splits on blank lines; the reading issue fills this stage
//! in (numbered paragraphs, headings, list items, footnotes, PDF-text repair).

use crate::model::{Document, Unit, UnitKind};

/// How to segment a text.
#[derive(Debug, Clone, Default)]
pub struct SegmentOptions {}

impl SegmentOptions {
    /// The defaults.
    pub fn new() -> SegmentOptions {
        SegmentOptions::default()
    }
}

/// Cuts `text` (read from `path`) into units.
pub fn segment(path: &str, text: &str, _options: &SegmentOptions) -> Document {
    let mut units = Vec::new();
    let mut start = None;
    let mut buf = String::new();
    for (i, line) in text.lines().chain(std::iter::once("")).enumerate() {
        if line.trim().is_empty() {
            if let Some(first) = start.take() {
                let text = std::mem::take(&mut buf);
                units.push(Unit {
                    id: units.len(),
                    kind: UnitKind::Paragraph,
                    number: None,
                    section: None,
                    parent: None,
                    line: first,
                    end_line: i,
                    norm: normalize(&text),
                    text,
                });
            }
        } else {
            if start.is_none() {
                start = Some(i + 1);
            } else {
                buf.push(' ');
            }
            buf.push_str(line.trim());
        }
    }
    Document {
        path: path.to_string(),
        units,
        artifacts: Vec::new(),
    }
}

/// The matching form of a text: lower case, quotes and dashes unified, spaces collapsed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' => out.push('\''),
                '\u{201C}' | '\u{201D}' | '\u{201E}' => out.push('"'),
                '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}
