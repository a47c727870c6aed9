//! Word wrapping of styled text: lines never break inside a word, and styles are applied
//! after the layout so escape codes never count towards the width.

use std::io;

use super::Palette;
use super::escape::{Visible, char_width, visible_width};
use super::palette::Style;

/// What a piece of text is, and so which style of the [`Palette`] it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Plain,
    Deleted,
    Inserted,
    Added,
    Removed,
    Heading,
    Origin,
    Dim,
    Title,
}

/// A run of text in one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub role: Role,
    pub text: String,
}

impl Span {
    pub fn new(role: Role, text: impl Into<String>) -> Span {
        Span {
            role,
            text: text.into(),
        }
    }
}

/// Appends `text` to `spans`, merging with the last span when the role is the same.
pub(crate) fn push(spans: &mut Vec<Span>, role: Role, text: &str) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.role == role => last.text.push_str(text),
        _ => spans.push(Span::new(role, text)),
    }
}

/// Display width of a text (wide characters two columns), control characters counted as
/// they are shown (`^[` is two columns).
pub(crate) fn width(text: &str) -> usize {
    visible_width(text)
}

/// A word: its pieces (a word can change role midway, `linked{+,+}`), its width, the
/// role of the space before it (`None` when it follows no space), and whether it ends with a
/// wide character.
struct Atom {
    pieces: Vec<Span>,
    width: usize,
    gap: Option<Role>,
    ends_wide: bool,
}

/// True for a wide (two-column) character: CJK ideographs, kana, Hangul, fullwidth forms.
/// Text in these scripts has no spaces, and a line may break before or after any of them
/// (as UAX #14 allows for ideographs), so each is a word of its own for the wrapper.
fn is_wide(c: char) -> bool {
    char_width(c) >= 2 && !super::is_marked(c)
}

/// `run` (no spaces) cut into runs of narrow characters and single wide characters.
fn wide_pieces(run: &str) -> impl Iterator<Item = &str> {
    let mut rest = run;
    std::iter::from_fn(move || {
        let c = rest.chars().next()?;
        let end = if is_wide(c) {
            c.len_utf8()
        } else {
            rest.find(is_wide).unwrap_or(rest.len())
        };
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

fn atoms(spans: &[Span]) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    let mut gap: Option<Role> = None;
    let mut current: Option<Atom> = None;
    for span in spans {
        let text = span.text.as_str();
        let mut rest = text;
        while !rest.is_empty() {
            // A run of spaces ends the current word; a run of other characters extends it.
            let space = rest.starts_with(char::is_whitespace);
            let end = rest
                .find(|c: char| c.is_whitespace() != space)
                .unwrap_or(rest.len());
            let (run, tail) = rest.split_at(end);
            rest = tail;
            if space {
                if let Some(atom) = current.take() {
                    out.push(atom);
                }
                gap.get_or_insert(span.role);
            } else {
                for piece in wide_pieces(run) {
                    let wide = piece.starts_with(is_wide);
                    // A line may break before and after a wide character, with no space.
                    if wide || current.as_ref().is_some_and(|atom| atom.ends_wide) {
                        out.extend(current.take());
                    }
                    let atom = current.get_or_insert_with(|| Atom {
                        pieces: Vec::new(),
                        width: 0,
                        gap: gap.take(),
                        ends_wide: false,
                    });
                    push(&mut atom.pieces, span.role, piece);
                    atom.width += width(piece);
                    atom.ends_wide = wide;
                }
            }
        }
    }
    out.extend(current);
    out
}

/// Lays `spans` out in lines of at most `width` columns, the first line starting at column
/// `first`, the others at column `indent`. Spaces collapse to one; a word wider than a
/// whole line (a long URL, a run of text with no spaces) is broken between characters,
/// so no line is ever wider than `width` (unless a single character is).
pub(crate) fn wrap(spans: &[Span], width: usize, first: usize, indent: usize) -> Vec<Vec<Span>> {
    let mut lines: Vec<Vec<Span>> = Vec::new();
    let mut line: Vec<Span> = Vec::new();
    let mut col = first;
    for atom in atoms(spans) {
        let gap = usize::from(atom.gap.is_some() && !line.is_empty());
        let fits_a_line = atom.width <= width.saturating_sub(indent);
        if !line.is_empty() && col + gap + atom.width > width && fits_a_line {
            lines.push(std::mem::take(&mut line));
            col = indent;
        } else if gap == 1 {
            push(&mut line, atom.gap.unwrap_or(Role::Plain), " ");
            col += 1;
        }
        if fits_a_line {
            for piece in atom.pieces {
                push(&mut line, piece.role, &piece.text);
            }
            col += atom.width;
            continue;
        }
        // Too wide for any line: as much as fits here, the rest on the next lines.
        for piece in atom.pieces {
            let mut start = 0;
            for (i, c) in piece.text.char_indices() {
                let w = char_width(c);
                if w > 0 && col + w > width && col > indent {
                    push(&mut line, piece.role, &piece.text[start..i]);
                    lines.push(std::mem::take(&mut line));
                    col = indent;
                    start = i;
                }
                col += w;
            }
            push(&mut line, piece.role, &piece.text[start..]);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Writes one line of spans in the palette's styles (no newline), control characters of the
/// text made visible: every span of the terminal and side-by-side reports goes out here.
pub(crate) fn write_spans(
    out: &mut dyn io::Write,
    spans: &[Span],
    palette: &Palette,
) -> io::Result<()> {
    for span in spans {
        let style = match span.role {
            Role::Plain => Style::plain(),
            Role::Deleted => palette.deleted,
            Role::Inserted => palette.inserted,
            Role::Added => palette.added,
            Role::Removed => palette.removed,
            Role::Heading => palette.heading,
            Role::Origin => palette.origin,
            Role::Dim => palette.dim,
            Role::Title => palette.title,
        };
        write!(out, "{}", style.paint(Visible(&span.text)))?;
    }
    Ok(())
}

/// Wraps `spans` to `width` and writes them, every line indented by `indent` spaces.
pub(crate) fn write_wrapped(
    out: &mut dyn io::Write,
    spans: &[Span],
    width: usize,
    indent: usize,
    palette: &Palette,
) -> io::Result<()> {
    let pad = " ".repeat(indent);
    for line in wrap(spans, width, indent, indent) {
        write!(out, "{pad}")?;
        write_spans(out, &line, palette)?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Vec<Span>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        let spans = vec![Span::new(Role::Plain, "one two three four five")];
        assert_eq!(
            text(&wrap(&spans, 10, 0, 0)),
            ["one two", "three four", "five"]
        );
        // Continuation lines start at the indent, which counts towards the width.
        assert_eq!(
            text(&wrap(&spans, 10, 0, 2)),
            ["one two", "three", "four", "five"]
        );
    }

    #[test]
    fn a_word_across_roles_is_not_broken() {
        let spans = vec![
            Span::new(Role::Plain, "aaaa bbbb"),
            Span::new(Role::Inserted, "{+,+}"),
            Span::new(Role::Plain, " cc"),
        ];
        assert_eq!(text(&wrap(&spans, 12, 0, 0)), ["aaaa", "bbbb{+,+} cc"]);
    }

    #[test]
    fn long_words_are_broken_to_the_width() {
        // Issue 13: a word wider than the line pushed side by side's separator out of line.
        let spans = vec![Span::new(Role::Plain, "a verylongwordindeed b")];
        assert_eq!(
            text(&wrap(&spans, 8, 0, 0)),
            ["a verylo", "ngwordin", "deed b"]
        );
        // Roles survive the cut; continuation lines start at the indent.
        let spans = vec![
            Span::new(Role::Plain, "x "),
            Span::new(Role::Inserted, "abcdefghij"),
        ];
        let lines = wrap(&spans, 6, 0, 2);
        assert_eq!(text(&lines), ["x abcd", "efgh", "ij"]);
        assert!(lines[1].iter().all(|s| s.role == Role::Inserted));
    }

    #[test]
    fn empty_gives_one_empty_line() {
        assert_eq!(wrap(&[], 10, 0, 0).len(), 1);
    }
}
