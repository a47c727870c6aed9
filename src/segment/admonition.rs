//! reStructuredText admonitions with a title, read as a titled box: the title a heading,
//! each paragraph of the content a paragraph.
//!
//! The corpus convention (tests/corpus/segment/README.md) keeps a directive with its
//! content as one unit (a code block, an image, a table), because its lines are one thing.
//! An admonition with a title is not: it is a small section set in a box,
//!
//! ```text
//! .. admonition:: reStructuredText directives
//!    :class: note
//!
//!    ``toctree`` is a reStructuredText :dfn:`directive`, …
//!
//!    *Arguments* are given directly after the double colon …
//! ```
//!
//! and a reader (and a diff) sees its title and its paragraphs. The assembler keeps the
//! directive's indented content with it; this pass cuts such a unit again: the directive
//! line and its options make the heading, each block of content between blank lines a
//! paragraph of that heading's section. Only the admonitions of docutils (a closed list of
//! markup names, not of any document's words) with text after the `::` are cut; an
//! admonition without a title stays one unit, as every other directive does.

use super::normalize::normalize;
use crate::model::{Unit, UnitKind};

/// The admonition directives of docutils and Sphinx (`.. note::`, `.. admonition::`).
const ADMONITIONS: [&str; 12] = [
    "admonition",
    "attention",
    "caution",
    "danger",
    "error",
    "hint",
    "important",
    "note",
    "tip",
    "warning",
    "seealso",
    "todo",
];

/// Whether `line` opens an admonition with a title: `.. note:: Title`.
fn is_titled_admonition(line: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix(".. ") else {
        return false;
    };
    let Some((name, title)) = rest.split_once("::") else {
        return false;
    };
    ADMONITIONS.contains(&name.trim()) && title.chars().any(char::is_alphanumeric)
}

/// A piece of a cut unit: its first and last lines and its text.
struct Piece {
    line: usize,
    end_line: usize,
    text: String,
}

/// The blocks of lines `first..=last` of `lines` (1-based) between blank lines.
fn blocks(lines: &[&str], first: usize, last: usize) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut open = false;
    for no in first..=last.min(lines.len()) {
        let t = lines[no - 1].trim();
        if t.is_empty() {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(p) if open => {
                p.end_line = no;
                p.text.push(' ');
                p.text.push_str(t);
            }
            _ => out.push(Piece {
                line: no,
                end_line: no,
                text: t.to_string(),
            }),
        }
        open = true;
    }
    out
}

/// Cuts every titled admonition among `units` (of the plain text `text`) into its heading
/// and paragraphs; ids, sections and parents are renumbered to match.
pub(crate) fn admonitions_as_sections(units: &mut Vec<Unit>, text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    let cut = |u: &Unit| {
        u.kind == UnitKind::Paragraph
            && u.end_line > u.line
            && lines
                .get(u.line - 1)
                .is_some_and(|l| is_titled_admonition(l))
    };
    if !units.iter().any(cut) {
        return;
    }
    let mut new_id = Vec::with_capacity(units.len());
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    // The new id of the heading a content paragraph belongs to, for the pieces cut here.
    let mut owner: Vec<Option<usize>> = Vec::with_capacity(units.len());
    for unit in units.drain(..) {
        new_id.push(out.len());
        let pieces = if cut(&unit) {
            blocks(&lines, unit.line, unit.end_line)
        } else {
            Vec::new()
        };
        if pieces.len() < 2 {
            out.push(unit);
            owner.push(None);
            continue;
        }
        let heading = out.len();
        for (k, p) in pieces.into_iter().enumerate() {
            let mut u = unit.clone();
            u.line = p.line;
            u.end_line = p.end_line;
            u.norm = normalize(&p.text);
            u.text = p.text;
            if k == 0 {
                u.kind = UnitKind::Heading;
                u.parent = None;
            } else {
                u.kind = UnitKind::Paragraph;
                u.number = None;
                u.parent = None;
            }
            out.push(u);
            owner.push((k > 0).then_some(heading));
        }
    }
    for (id, (u, owner)) in out.iter_mut().zip(owner).enumerate() {
        u.id = id;
        u.section = owner.or(u.section.map(|s| new_id[s]));
        u.parent = u.parent.map(|p| new_id[p]);
    }
    *units = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titled_admonitions() {
        assert!(is_titled_admonition(
            ".. admonition:: reStructuredText directives"
        ));
        assert!(is_titled_admonition("   .. note:: Keep it short"));
        assert!(!is_titled_admonition(".. note::"));
        assert!(!is_titled_admonition(".. code-block:: rst"));
        assert!(!is_titled_admonition(".. image:: picture.png"));
    }
}
