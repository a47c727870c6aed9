//! Document text is data, never terminal commands: the one place where every
//! human-readable output makes control characters visible.
//!
//! A document (or a commit subject, or a file name) can hold bytes a terminal obeys: ESC
//! sequences that clear the screen, set the window title, plant hyperlinks or hide text;
//! the single-character C1 controls (U+009B is a whole CSI for terminals that read them);
//! and the bidi overrides and isolates that make text read differently from its bytes
//! ("Trojan Source"). Every renderer writes document text through [`Visible`] (or
//! [`visible`]), which shows such a character the way `less` and `git` do: C0 controls in
//! caret notation (`^[` for ESC, `^G` for BEL, `^?` for DEL), the others as `<U+202E>`.
//!
//! Kept as they are: tab (it only moves the cursor forward, and the layouts treat it as a
//! space), and every printable or invisible formatting character (zero-width space, joiners,
//! soft hyphen), which cannot drive a terminal. A line feed inside one piece of text (a
//! label, a cell, a span) is shown as `^J`: the renderers write their own line breaks, and
//! one inside a document's field would forge a line of output.

use std::borrow::Cow;
use std::fmt;

/// How a character that must not reach the output raw is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Caret notation: `^` and the character 64 places on (`^[` for ESC, `^?` for DEL).
    Caret(char),
    /// `<U+XXXX>`.
    Code(u32),
}

impl Mark {
    /// Columns (characters) the mark takes.
    fn width(self) -> usize {
        match self {
            Mark::Caret(_) => 2,
            // `<U+` and `>` around at least four hex digits.
            Mark::Code(code) => (32 - code.leading_zeros()).div_ceil(4).max(4) as usize + 4,
        }
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Mark::Caret(c) => write!(f, "^{c}"),
            Mark::Code(code) => write!(f, "<U+{code:04X}>"),
        }
    }
}

/// The visible form of `c`, or `None` when it is shown as it is.
fn mark(c: char) -> Option<Mark> {
    let code = u32::from(c);
    match c {
        '\t' => None,
        // C0 controls: ^@ … ^_ (the character 64 places on is always ASCII).
        '\0'..='\x1f' => char::from_u32(code + 0x40).map(Mark::Caret),
        '\x7f' => Some(Mark::Caret('?')),
        // C1 controls, and every bidi control: the arabic letter mark, the left-to-right
        // and right-to-left marks, the embeddings and overrides, the isolates.
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some(Mark::Code(code)),
        _ => None,
    }
}

/// True when `c` is shown other than as it is.
pub fn is_marked(c: char) -> bool {
    mark(c).is_some()
}

/// A text displayed with its control characters made visible; nothing is allocated, runs
/// without controls are written as they are.
///
/// ```
/// use draftdiff::render::Visible;
/// assert_eq!(Visible("a\u{1b}[2Jb\u{202e}c").to_string(), "a^[[2Jb<U+202E>c");
/// assert_eq!(format!("{}", Visible("plain\ttext")), "plain\ttext");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visible<'a>(pub &'a str);

impl fmt::Display for Visible<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.width().is_some() || f.precision().is_some() {
            // `{:<6}` and the like: pad (or cut) the visible form.
            return f.pad(&visible(self.0));
        }
        let mut rest = self.0;
        while let Some((i, c, m)) = first_mark(rest) {
            f.write_str(&rest[..i])?;
            write!(f, "{m}")?;
            rest = &rest[i + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// Document text for HTML: made visible as [`Visible`] does, then `&`, `<`, `>`, `"` and
/// `'` written as character references, so the text is inert both between tags and inside
/// a quoted attribute value. The HTML report writes every piece of document text (and every
/// path and label) through it.
///
/// ```
/// use draftdiff::render::Html;
/// assert_eq!(Html("<b>\"a\" & 'b'</b>").to_string(), "&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;");
/// assert_eq!(Html("x\u{202e}y\u{1b}").to_string(), "x&lt;U+202E&gt;y^[");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Html<'a>(pub &'a str);

impl fmt::Display for Html<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = visible(self.0);
        let mut rest: &str = &shown;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

/// The first marked character of `text`: its byte offset, itself and its mark.
fn first_mark(text: &str) -> Option<(usize, char, Mark)> {
    // Most text is printable ASCII: skip it a byte at a time.
    let start = text
        .bytes()
        .position(|b| !(b' '..0x7f).contains(&b) && b != b'\t')?;
    text[start..]
        .char_indices()
        .find_map(|(i, c)| mark(c).map(|m| (start + i, c, m)))
}

/// `text` with its control characters made visible; borrowed when there is none.
///
/// ```
/// use draftdiff::render::visible;
/// assert_eq!(visible("bell\u{7}"), "bell^G");
/// assert!(matches!(visible("plain"), std::borrow::Cow::Borrowed("plain")));
/// ```
pub fn visible(text: &str) -> Cow<'_, str> {
    if first_mark(text).is_none() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(Visible(text).to_string())
    }
}

/// Columns `text` takes on a terminal once made visible: a mark's characters, and for every
/// other character its display width (`unicode-width`: two for wide CJK characters, none
/// for zero-width and combining ones; a tab counts as the one space the layouts make of it).
///
/// ```
/// use draftdiff::render::visible_width;
/// assert_eq!(visible_width("abc"), 3);
/// assert_eq!(visible_width("人権"), 4);
/// assert_eq!(visible_width("a\u{1b}"), 3); // `a^[`
/// ```
pub fn visible_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Columns one character takes once made visible (see [`visible_width`]).
pub(crate) fn char_width(c: char) -> usize {
    match mark(c) {
        Some(m) => m.width(),
        None if c == '\t' => 1,
        None => unicode_width::UnicodeWidthChar::width(c).unwrap_or(0),
    }
}

// Each format's own escaping, after control characters are made visible: the one place
// document text is made safe for DOT, Mermaid and Markdown.

/// Text made safe inside a double-quoted DOT string: control characters made visible
/// (line breaks included, as `^J`), then the two characters DOT escapes inside quotes: the
/// quote and the backslash (which would otherwise start `\n`, `\l`, `\N` and the like).
pub(crate) fn dot_escape(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out
}

/// Text made safe inside a quoted Mermaid label (`["…"]`): control characters made
/// visible, then Mermaid's entity codes for what would end the label or reach its HTML:
/// the quote, `#` (which starts an entity code), `<`, `>` and `&` (markup and references
/// in the rendered label) and the backtick (which starts a Markdown string).
pub(crate) fn mermaid_escape(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            c => out.push(c),
        }
    }
    out
}

/// Document text made safe inside a sentence or a table cell of the changelog: control
/// characters made visible, then every character Markdown (CommonMark and GitHub's tables
/// and strikethrough) would read as markup backslash-escaped: emphasis, code, links and
/// images, raw HTML, entity and character references (`&#x202E;`), table cells,
/// strikethrough.
pub(crate) fn markdown_escape(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c0_controls_in_caret_notation() {
        assert_eq!(visible("\u{1b}[2J"), "^[[2J");
        assert_eq!(visible("\u{1b}]0;title\u{7}"), "^[]0;title^G");
        assert_eq!(visible("\0\r\u{8}\u{7f}"), "^@^M^H^?");
        assert_eq!(visible("two\nlines"), "two^Jlines");
        assert_eq!(visible("\u{1f}"), "^_");
    }

    #[test]
    fn c1_and_bidi_controls_by_code_point() {
        assert_eq!(visible("\u{9b}2J"), "<U+009B>2J");
        assert_eq!(visible("\u{85}\u{80}\u{9f}"), "<U+0085><U+0080><U+009F>");
        assert_eq!(
            visible("\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}"),
            "<U+202A><U+202B><U+202C><U+202D><U+202E>"
        );
        assert_eq!(
            visible("\u{2066}\u{2067}\u{2068}\u{2069}"),
            "<U+2066><U+2067><U+2068><U+2069>"
        );
        assert_eq!(
            visible("\u{200e}\u{200f}\u{61c}"),
            "<U+200E><U+200F><U+061C>"
        );
    }

    #[test]
    fn printable_and_formatting_text_is_borrowed_as_is() {
        for text in [
            "",
            "plain ASCII, with a tab\there",
            "Côte d’Ivoire – “quoted” 人権 عربي",
            "zero\u{200b}width\u{ad}soft\u{feff}\u{2060}\u{200c}\u{200d}",
            "\u{a0}\u{a1}\u{2028}",
        ] {
            assert!(
                matches!(visible(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
            assert_eq!(Visible(text).to_string(), text);
            assert_eq!(
                visible_width(text),
                unicode_width::UnicodeWidthStr::width(text.replace('\t', " ").as_str()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn width_counts_the_visible_form() {
        for text in ["a\u{1b}b", "\u{202e}x", "\u{9b}", "é\u{7f}\u{2069}", "x"] {
            assert_eq!(
                visible_width(text),
                visible(text).chars().count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_visible_form_holds_no_control() {
        // Every character from U+0000 to U+30FF, in one text.
        let all: String = (0..0x3100).filter_map(char::from_u32).collect();
        let shown = visible(&all);
        assert!(shown.chars().all(|c| c == '\t' || !is_marked(c)));
        assert!(
            shown
                .chars()
                .all(|c| c == '\t' || !(c.is_control() || ('\u{2066}'..='\u{2069}').contains(&c)))
        );
    }

    #[test]
    fn padding_counts_the_visible_form() {
        assert_eq!(format!("[{:<6}]", Visible("\u{1b}x")), "[^[x   ]");
        assert_eq!(format!("[{:>4}]", Visible("ab")), "[  ab]");
    }

    #[test]
    fn html_text_holds_no_markup_and_no_control() {
        let all: String = (0..0x3100).filter_map(char::from_u32).collect();
        let shown = Html(&all).to_string();
        assert!(!shown.contains(['<', '>', '"', '\'']));
        assert!(shown.chars().all(|c| c == '\t' || !is_marked(c)));
        assert_eq!(Html("a&amp;b").to_string(), "a&amp;amp;b");
        assert_eq!(Html("Côte d’Ivoire").to_string(), "Côte d’Ivoire");
    }

    #[test]
    fn marks_never_split_a_character() {
        let text = "é\u{1b}ü\u{202e}漢";
        assert_eq!(visible(text), "é^[ü<U+202E>漢");
    }

    #[test]
    fn labels_are_escaped_by_their_format() {
        let text = "<img onerror=x> \"q\" #1 `t` & C:\\n \u{1b}[2J\u{202e}\nnext";
        assert_eq!(
            mermaid_escape(text),
            "#lt;img onerror=x#gt; #quot;q#quot; #35;1 #96;t#96; #amp; C:\\n ^[[2J#lt;U+202E#gt;^Jnext"
        );
        assert_eq!(
            dot_escape(text),
            "<img onerror=x> \\\"q\\\" #1 `t` & C:\\\\n ^[[2J<U+202E>^Jnext"
        );
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(markdown_escape("a*b_[c]|"), "a\\*b\\_\\[c\\]\\|");
        assert_eq!(
            markdown_escape("&#x202E; ~~x~~"),
            "\\&\\#x202E; \\~\\~x\\~\\~"
        );
        assert_eq!(
            markdown_escape("\u{1b}[8m\u{202e}"),
            "^\\[\\[8m\\<U+202E\\>"
        );
    }
}
