//! AsciiDoc blocks and lists, read after the assembler's cut of a text that sets its titles
//! with `=` marks (`markdown::is_asciidoc`).
//!
//! The assembler cuts at blank lines and knows the bullets of plain text; AsciiDoc adds two
//! things a reader sees at once:
//!
//! - **delimited blocks**: a line of four or more of one delimiter character (`----` a
//!   listing, `====` an example or admonition, `....` a literal, `****` a sidebar, `____` a
//!   quote, `++++` a passthrough, `////` a comment) opens a block that the next identical
//!   line closes. Whatever stands between, blank lines included, is one block: one unit
//!   with the block attribute line set over it (`[source]`, `[CAUTION]`), as the corpus
//!   convention keeps a code block or a directive with its content whole;
//! - **list items** marked `.`, `..`, `*`, `**`, `-` at the start of a line (ordered items
//!   are written `. Step`): each starts an item, nested ones too, whether or not a blank
//!   line separates them. A line `+` attaches the block after it to the item above.
//!
//! Nothing here knows a document's words: only the markup of the lines.

use super::normalize::normalize;
use crate::model::{Unit, UnitKind};

/// The characters of AsciiDoc block delimiters.
const DELIMITERS: &str = "-=.*_+/";

/// Fewest characters of a block delimiter line (`----`): two hyphens open an open block,
/// which frames nothing a reader sees, and three are a rule in other markups.
const MIN_DELIMITER: usize = 4;

/// Deepest list marker read (`*****`): AsciiDoc nests five levels.
const MAX_MARKER: usize = 5;

/// Whether `line` is a block delimiter: four or more of one delimiter character alone.
fn is_delimiter(line: &str) -> bool {
    let t = line.trim_end();
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    DELIMITERS.contains(first) && t.len() >= MIN_DELIMITER && chars.all(|c| c == first)
}

/// Where the list marker of `line` ends, when it opens an item: one to five `.` or `*`, or
/// one `-`, after optional indentation, then a space and a word.
fn item_marker(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    let first = *t.as_bytes().first()?;
    // The markers are ASCII, so a count of them is a byte offset.
    let run = t.bytes().take_while(|&c| c == first).count();
    let ok = match first {
        b'.' | b'*' => (1..=MAX_MARKER).contains(&run),
        b'-' => run == 1,
        _ => false,
    };
    if !ok {
        return None;
    }
    let rest = &t[run..];
    (rest.starts_with(' ')
        && rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace()))
    .then_some(lead + run)
}

/// The delimited blocks of `lines`: (opening line, closing line), 1-based.
fn delimited_blocks(lines: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        if !is_delimiter(l) {
            continue;
        }
        match open {
            Some(o) if lines[o].trim_end() == l.trim_end() => {
                out.push((o + 1, i + 1));
                open = None;
            }
            Some(_) => {}
            None => open = Some(i),
        }
    }
    out
}

/// Joins lines `first..=last` (1-based) of `lines`, trimmed, blank ones left out.
fn join(lines: &[&str], first: usize, last: usize) -> String {
    let mut out = String::new();
    for no in first..=last.min(lines.len()) {
        let t = lines[no - 1].trim();
        if !t.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t);
        }
    }
    out
}

/// A unit rebuilt from lines `line..=end_line` of `lines` (an item without its marker).
fn piece(from: &Unit, lines: &[&str], line: usize, end_line: usize, kind: UnitKind) -> Unit {
    let mut u = from.clone();
    u.line = line;
    u.end_line = end_line;
    u.kind = kind;
    u.number = None;
    u.parent = None;
    let mut own: Vec<&str> = lines[line - 1..end_line.min(lines.len())].to_vec();
    if kind == UnitKind::ListItem {
        if let Some(at) = item_marker(own[0]) {
            own[0] = &own[0][at..];
        }
    }
    u.text = join(&own, 1, own.len());
    u.norm = normalize(&u.text);
    u
}

/// Cuts items at their markers and joins delimited blocks, for the units of the AsciiDoc
/// text `text`; ids, sections and parents are renumbered to match.
pub(crate) fn asciidoc_blocks_and_items(units: &mut Vec<Unit>, text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    let blocks = delimited_blocks(&lines);
    let inside = |no: usize| blocks.iter().any(|&(o, c)| o < no && no < c);
    let cuttable = |u: &Unit| matches!(u.kind, UnitKind::Paragraph | UnitKind::ListItem);
    // 1. Items: every line of a unit (outside a delimited block) that opens with a marker
    // starts an item.
    let mut new_id = Vec::with_capacity(units.len());
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    for unit in units.drain(..) {
        new_id.push(out.len());
        if !cuttable(&unit) || unit.end_line > lines.len() {
            out.push(unit);
            continue;
        }
        let starts: Vec<usize> = (unit.line..=unit.end_line)
            .filter(|&no| no == unit.line || (!inside(no) && item_marker(lines[no - 1]).is_some()))
            .collect();
        let first_is_item = !inside(unit.line) && item_marker(lines[unit.line - 1]).is_some();
        if starts.len() == 1 && !first_is_item {
            out.push(unit);
            continue;
        }
        for (k, &s) in starts.iter().enumerate() {
            let e = starts.get(k + 1).map_or(unit.end_line, |&n| n - 1);
            let is_item = !inside(s) && item_marker(lines[s - 1]).is_some();
            let kind = if is_item {
                UnitKind::ListItem
            } else {
                unit.kind
            };
            let mut p = piece(&unit, &lines, s, e, kind);
            if k == 0 {
                p.parent = if is_item { unit.parent } else { None };
            }
            out.push(p);
        }
    }
    renumber(&mut out, &new_id);
    // 2. Delimited blocks: the units starting inside a block join the unit set right over
    // its opening line (its attribute line, no blank line between), or the first of them.
    for &(o, c) in &blocks {
        let Some(first) = out.iter().position(|u| o < u.line && u.line < c) else {
            continue;
        };
        let last = out
            .iter()
            .rposition(|u| o < u.line && u.line < c)
            .unwrap_or(first);
        let host = match first.checked_sub(1) {
            Some(h) if out[h].line < o && out[h].end_line + 1 >= o => h,
            _ => first,
        };
        if host == last {
            continue;
        }
        let end = out[last].end_line.max(out[host].end_line);
        let kind = if out[host].kind == UnitKind::ListItem {
            UnitKind::ListItem
        } else {
            UnitKind::Paragraph
        };
        let mut merged = piece(&out[host], &lines, out[host].line, end, kind);
        merged.parent = out[host].parent;
        let ids: Vec<usize> = (0..out.len())
            .map(|i| {
                if i <= host {
                    i
                } else if i <= last {
                    host
                } else {
                    i - (last - host)
                }
            })
            .collect();
        out.splice(host..=last, [merged]);
        renumber(&mut out, &ids);
    }
    *units = out;
}

/// Gives every unit its place as id and maps sections and parents through `new_id` (old
/// id → new id).
fn renumber(units: &mut [Unit], new_id: &[usize]) {
    for (id, u) in units.iter_mut().enumerate() {
        u.id = id;
        u.section = u.section.and_then(|s| new_id.get(s).copied());
        u.parent = u.parent.and_then(|p| new_id.get(p).copied());
        if u.parent == Some(id) {
            u.parent = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_and_markers() {
        assert!(is_delimiter("----"));
        assert!(is_delimiter("===="));
        assert!(!is_delimiter("--"));
        assert!(!is_delimiter("-=-="));
        assert_eq!(item_marker(". Run `bundle` to install."), Some(1));
        assert_eq!(item_marker(" ** If the `bundle` command"), Some(3));
        assert_eq!(item_marker("* CRuby"), Some(1));
        assert_eq!(item_marker(".  aprobación"), Some(1));
        assert_eq!(item_marker("...."), None);
        assert_eq!(item_marker("-- open"), None);
        assert_eq!(item_marker("Plain text"), None);
        assert_eq!(item_marker("Öffnen Sie ein Terminal"), None);
        assert_eq!(item_marker("·· ·"), None);
    }
}
