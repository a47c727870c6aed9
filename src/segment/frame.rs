//! Box-art frames and rules: `*****`, `+----+`, `|====|` lines, and text framed by a
//! character on both sides (`* This eBook is for the use of … *`, as Project Gutenberg
//! headers and licence boxes have it).
//!
//! A rule is a line of frame characters only. A framed line starts and ends with the same
//! frame character (`*` or `|`); it counts only inside a *box*: a run of at least
//! [`MIN_BOX_LINES`] framed lines with the same character, or a shorter run between two
//! rules, so a Markdown bullet with emphasis (`* a *word*`) is not taken for a box. Rules
//! are removed from the running text; framed lines are read without their frame, a framed
//! empty line as a blank line.

/// Characters rules are drawn with.
const RULE_CHARS: &[char] = &['*', '=', '-', '_', '~', '+', '|', '#'];

/// Characters that frame a line on both sides.
const FRAME_CHARS: &[char] = &['*', '|'];

/// Fewest frame characters in a rule (`---` is the shortest Markdown rule).
const MIN_RULE_CHARS: usize = 3;

/// Fewest consecutive framed lines that make a box by themselves.
const MIN_BOX_LINES: usize = 2;

/// What the frame pass makes of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FrameMark {
    /// A rule: removed.
    Rule,
    /// A framed line: only the bytes `start..end` of the line are text.
    Inner { start: usize, end: usize },
}

/// True for a line of rule characters (spaces between allowed): `*****`, `+---+---+`,
/// `= = =`.
pub(crate) fn is_rule(t: &str) -> bool {
    // The corners of a boxed comment: `/*****`, `*****/`.
    let t = t.trim_start_matches('/').trim_end_matches('/');
    let mut n = 0;
    let mut kinds = [false; 8];
    // The widest run of spaces between two drawn characters.
    let (mut gap, mut widest) = (0, 0);
    for c in t.chars() {
        if c == ' ' || c == '\t' {
            gap += 1;
            continue;
        }
        widest = widest.max(gap);
        gap = 0;
        match RULE_CHARS.iter().position(|&r| r == c) {
            Some(k) => {
                kinds[k] = true;
                n += 1;
            }
            None => return false,
        }
    }
    let kinds = kinds.iter().filter(|&&k| k).count();
    // At most three kinds (`+`, `-`, `|` of a table border). Spaced wide, one kind is a
    // scene break (`*     *     *`); several are pieces of a drawing (`|    +----+`).
    n >= MIN_RULE_CHARS && kinds <= 3 && (kinds == 1 || widest < 2)
}

/// The frame character and the inner byte range of a framed line (`line` untrimmed).
fn framed(line: &str) -> Option<(char, usize, usize)> {
    let t = line.trim();
    let c = t.chars().next()?;
    if !FRAME_CHARS.contains(&c) || t.len() < 2 || !t.ends_with(c) || is_rule(t) {
        return None;
    }
    let lead = line.len() - line.trim_start().len();
    let inner = &t[c.len_utf8()..t.len() - c.len_utf8()];
    // `|a|b|` is a table row, not a framed line.
    if c == '|' && inner.contains('|') {
        return None;
    }
    let inner_trimmed = inner.trim_matches(c);
    let off = lead + c.len_utf8() + (inner.len() - inner.trim_start_matches(c).len());
    let start = off;
    let end = off + inner_trimmed.len();
    Some((c, start, end))
}

/// True for a row of a table drawn with bars: `| a | b |`.
fn table_row(line: &str) -> bool {
    let t = line.trim();
    t.len() > 2 && t.starts_with('|') && t.ends_with('|') && t[1..t.len() - 1].contains('|')
}

/// True for a row of a table or a drawing: a line that opens with a bar or a corner and
/// has another further on, not as a frame around text (`| Author Domain |< . . .`).
fn drawn_row(line: &str) -> bool {
    let t = line.trim();
    table_row(line)
        || (t.starts_with(['|', '+']) && !t.ends_with(&t[..1]) && t[1..].contains(['|', '+']))
}

/// For each line, whether its block (the lines between blank lines) holds a row of a
/// table or a drawing: then its rules are the table's or the drawing's edges.
fn drawn_blocks(lines: &[&str]) -> Vec<bool> {
    let mut drawn = vec![false; lines.len()];
    let mut start = 0;
    for end in 0..=lines.len() {
        if end == lines.len() || lines[end].trim().is_empty() {
            if lines[start..end].iter().any(|l| drawn_row(l)) {
                drawn[start..end].fill(true);
            }
            start = end + 1;
        }
    }
    drawn
}

/// The frame marks of `text`, by 1-based line number, sorted.
pub(crate) fn find(text: &str) -> Vec<(usize, FrameMark)> {
    let mut marks = Vec::new();
    // The current run of framed lines: (frame char, first line, marks).
    let mut run: Vec<(usize, FrameMark)> = Vec::new();
    let mut run_char = ' ';
    let mut rule_before = false;
    let flush = |run: &mut Vec<(usize, FrameMark)>,
                 marks: &mut Vec<(usize, FrameMark)>,
                 rule_before: bool,
                 rule_after: bool| {
        if run.len() >= MIN_BOX_LINES || (!run.is_empty() && rule_before && rule_after) {
            marks.append(run);
        }
        run.clear();
    };
    let mut last_rule = 0usize;
    let lines: Vec<&str> = text.lines().collect();
    let drawn = drawn_blocks(&lines);
    for (i, &line) in lines.iter().enumerate() {
        let no = i + 1;
        // Most lines start with a letter or digit: neither a rule nor framed.
        let first = line.bytes().find(|b| !b.is_ascii_whitespace());
        if !first.is_some_and(|b| b"*=-_~+|#/".contains(&b)) {
            flush(&mut run, &mut marks, rule_before, false);
            rule_before = false;
            continue;
        }
        let t = line.trim();
        // The rules of a grid table (`+----+----+` between `| a | b |` rows) or a
        // drawing belong to it, which stays one unit.
        if is_rule(t) && !drawn[i] {
            flush(&mut run, &mut marks, rule_before, true);
            marks.push((no, FrameMark::Rule));
            rule_before = true;
            last_rule = no;
            continue;
        }
        match framed(line) {
            Some((c, start, end)) if run.is_empty() || c == run_char => {
                if run.is_empty() {
                    rule_before = last_rule + 1 == no;
                }
                run_char = c;
                run.push((no, FrameMark::Inner { start, end }));
            }
            Some((c, start, end)) => {
                flush(&mut run, &mut marks, rule_before, false);
                rule_before = false;
                run_char = c;
                run.push((no, FrameMark::Inner { start, end }));
            }
            None => {
                flush(&mut run, &mut marks, rule_before, false);
                rule_before = false;
            }
        }
    }
    flush(&mut run, &mut marks, rule_before, false);
    marks.sort_by_key(|&(l, _)| l);
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        for s in [
            "*****",
            "+---+---+",
            "= = =",
            "|====|",
            "---",
            "/*****",
            "*****/",
        ] {
            assert!(is_rule(s), "{s}");
        }
        for s in ["--", "* a *", "-- Signed", "1---2"] {
            assert!(!is_rule(s), "{s}");
        }
        // A scene break spaced wide is a rule; pieces of a drawing are not (lines of the
        // flow diagram of draft-ietf-dmarc-dmarcbis-41).
        assert!(is_rule("*       *       *       *       *"));
        for s in [
            "|                                    *       *",
            "|           +----------+",
            "+-----------+     +--------+",
        ] {
            assert!(!is_rule(s), "{s}");
        }
    }

    #[test]
    fn the_edges_of_a_drawing_are_kept() {
        // The top of the flow diagram of draft-ietf-dmarc-dmarcbis-00: the box's top edge
        // follows a page header's blank lines, its side runs on into dotted arrows.
        let text = "    +---------------+\n    | Author Domain |< . . . . . . .\n    +---------------+         .\n";
        assert_eq!(find(text), []);
        // Its bottom edge under a box's side (-41).
        let text = "    |  DMARC   |<**\n             +----------+\n             |  Domain  |\n             +----------+\n";
        assert_eq!(find(text), []);
        // A box framing text still loses its frame.
        let boxed = "+------+\n| text |\n+------+\n";
        assert_eq!(find(boxed)[0], (1, FrameMark::Rule));
    }

    #[test]
    fn boxes() {
        let text = "****\n* Small print *\n*             *\n* more text   *\n****\n* a *b*\n";
        let marks = find(text);
        let line = |n: usize| text.lines().nth(n - 1).unwrap();
        assert_eq!(marks[0], (1, FrameMark::Rule));
        match marks[1] {
            (2, FrameMark::Inner { start, end }) => {
                assert_eq!(&line(2)[start..end].trim(), &"Small print")
            }
            m => panic!("{m:?}"),
        }
        match marks[2] {
            (3, FrameMark::Inner { start, end }) => assert!(line(3)[start..end].trim().is_empty()),
            m => panic!("{m:?}"),
        }
        assert_eq!(marks[4], (5, FrameMark::Rule));
        // The bullet after the box is not framed: a single line, no rule after it.
        assert_eq!(marks.len(), 5);
    }

    #[test]
    fn table_rows_are_not_frames() {
        assert_eq!(framed("| a | b |"), None);
        assert!(framed("| text |").is_some());
    }

    #[test]
    fn grid_table_rules_are_kept_with_their_table() {
        let text = "+----+----+\n| a  | b  |\n+====+====+\n| 1  | 2  |\n+----+----+\n\n+---+\n";
        assert_eq!(find(text), [(7, FrameMark::Rule)]);
    }
}
