//! `draftdiff segment` for people: a table of the units of one document, and with
//! `--explain` why it was cut so.

use std::io::{self, Write};

use crate::model::{ArtifactKind, Document, UnitKind};
use crate::segment::Explanation;

use super::escape::{Visible, visible};

/// Characters of unit text shown in the table.
const PREVIEW_CHARS: usize = 60;

/// The start of a unit's text as shown in the table: control characters made visible,
/// then cut to [`PREVIEW_CHARS`].
fn preview(text: &str) -> String {
    let text = visible(text);
    let mut out: String = text.chars().take(PREVIEW_CHARS).collect();
    if text.chars().nth(PREVIEW_CHARS).is_some() {
        out.push('…');
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What a removed artifact was: its name in JSON (`page_header`) and for people
/// (`page header or footer`).
pub(crate) fn artifact_kind(kind: ArtifactKind) -> (&'static str, &'static str) {
    match kind {
        ArtifactKind::PageHeader => ("page_header", "page header or footer"),
        ArtifactKind::PageNumber => ("page_number", "page number"),
        ArtifactKind::PageBreak => ("page_break", "page break or stray line"),
        ArtifactKind::FootnoteMarker => ("footnote_marker", "footnote marker"),
    }
}

/// Writes how `doc` was cut into units, for people: one line per unit (id, kind, number,
/// lines, the start of its text), then the counts of units and of removed artifacts, then
/// each removed artifact with its line and text, so nothing is lost silently.
pub fn segment_table(doc: &Document, w: &mut dyn Write) -> io::Result<()> {
    writeln!(
        w,
        "{:>5}  {:<9}  {:<6}  {:<11}  text",
        "id", "kind", "number", "lines"
    )?;
    for u in &doc.units {
        let lines = if u.line == u.end_line {
            u.line.to_string()
        } else {
            format!("{}-{}", u.line, u.end_line)
        };
        writeln!(
            w,
            "{:>5}  {:<9}  {:<6}  {:<11}  {}",
            u.id,
            u.kind.as_str(),
            Visible(u.number.as_deref().unwrap_or("-")),
            lines,
            preview(&u.text)
        )?;
    }
    let count = |k: UnitKind| doc.units.iter().filter(|u| u.kind == k).count();
    let removed = |k: ArtifactKind| doc.artifacts.iter().filter(|a| a.kind == k).count();
    writeln!(
        w,
        "{}: {}, {}, {}, {}, {}; removed {}, {}, {}",
        Visible(&doc.path),
        plural(doc.units.len(), "unit", "units"),
        plural(count(UnitKind::Heading), "heading", "headings"),
        plural(count(UnitKind::Paragraph), "paragraph", "paragraphs"),
        plural(count(UnitKind::ListItem), "list item", "list items"),
        plural(count(UnitKind::Footnote), "footnote", "footnotes"),
        plural(
            removed(ArtifactKind::FootnoteMarker),
            "footnote marker",
            "footnote markers"
        ),
        plural(
            removed(ArtifactKind::PageBreak),
            "page-break or stray line",
            "page-break or stray lines"
        ),
        plural(
            removed(ArtifactKind::PageHeader) + removed(ArtifactKind::PageNumber),
            "page header or number",
            "page headers or numbers"
        ),
    )?;
    if doc.artifacts.is_empty() {
        return Ok(());
    }
    writeln!(w, "\nremoved:")?;
    writeln!(w, "{:>7}  {:<24}  text", "line", "what")?;
    for a in &doc.artifacts {
        writeln!(
            w,
            "{:>7}  {:<24}  {}",
            a.line,
            artifact_kind(a.kind).1,
            if a.text.chars().all(|c| c == ' ' || c == '\t') {
                "(blank)".to_string()
            } else {
                preview(&a.text)
            }
        )?;
    }
    Ok(())
}

/// Most lines listed per furniture pattern (the count is always given).
const MAX_LINES_SHOWN: usize = 12;

/// Writes why a document was segmented as it was (`segment --explain`), for people: the
/// layout, each pattern of page furniture with its lines, each number refused as a unit
/// start and why. Document text goes through [`Visible`].
pub fn segment_explanation(why: &Explanation, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "layout: {:?}", why.layout)?;
    if why.furniture.is_empty() {
        writeln!(w, "page furniture: none found by repetition")?;
    }
    for f in &why.furniture {
        let shown: Vec<String> = f
            .lines
            .iter()
            .take(MAX_LINES_SHOWN)
            .map(usize::to_string)
            .collect();
        let more = if f.lines.len() > MAX_LINES_SHOWN {
            ", …"
        } else {
            ""
        };
        writeln!(
            w,
            "page furniture \"{}\": {} lines, about every {} lines (lines {}{more})",
            Visible(&f.pattern),
            f.lines.len(),
            f.period,
            shown.join(", ")
        )?;
    }
    for r in &why.rejected {
        writeln!(
            w,
            "line {}: \"{}\" is not a unit start: {}",
            r.line,
            Visible(&r.number),
            r.reason
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Artifact;
    use crate::segment::{SegmentOptions, segment};

    /// Issue 13: "nothing is lost silently", yet `segment` gave only counts of what it
    /// removed. The table and the JSON list each removed artifact with its line and text.
    #[test]
    fn removed_artifacts_are_listed_with_their_lines() {
        let mut doc = segment("d.txt", "1. First.\n\n2. Second.\n", &SegmentOptions::new());
        doc.artifacts = vec![
            Artifact {
                kind: ArtifactKind::PageHeader,
                line: 3,
                text: "A/HRC/43/22\u{1b}".into(),
            },
            Artifact {
                kind: ArtifactKind::PageBreak,
                line: 4,
                text: "  ".into(),
            },
        ];
        let mut out = Vec::new();
        segment_table(&doc, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("      3  page header or footer     A/HRC/43/22^["),
            "{text}"
        );
        assert!(
            text.contains("      4  page break or stray line  (blank)"),
            "{text}"
        );
        let mut out = Vec::new();
        crate::render::json::segment(&doc, &mut out).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            json["removed"],
            serde_json::json!([
                {"line": 3, "text": "A/HRC/43/22\u{1b}", "why": "page_header"},
                {"line": 4, "text": "  ", "why": "page_break"},
            ])
        );
    }
}
