//! Title lines the assembler's title test refuses for their punctuation, told by layout.
//!
//! The assembler takes a line standing alone for a title when it reads like one: a few
//! words, a capital, and no final punctuation. Two layouts make a title whatever its
//! punctuation, and a third follows from them:
//!
//! - **an underline**: a line set over a rule of one repeated character at least as long
//!   as itself (reStructuredText and setext titles, `Encoded Data?` / `-------------`);
//! - **capitals standing alone**: a one-line block of a few words, every letter a
//!   capital, ending in a period (`BOEK I.` / `EEN RECHTVAARDIGE.` / `EERSTE HOOFDSTUK.`,
//!   as Gutenberg books set their book and chapter titles); a comma or a semicolon
//!   inside makes it a line of prose or an imprint (`BONI AND LIVERIGHT, INC.`);
//! - **a subtitle**: a one-line block of a few words ending in a period, right after an
//!   unnumbered one-line heading and before a paragraph of several lines (`Erstes
//!   Kapitel` / `Hinunter in den Kaninchenbau.` / the chapter's text): the chapter's name
//!   under its number. On a title page, where one-line blocks follow each other, the
//!   line after a title is an author or an imprint and stays a paragraph.
//!
//! - **a flush-left title over indented text**: a one-line block of a few words ending in
//!   a question mark or a period, set at the margin, when the text under it is indented
//!   (the plain-text PEPs: `What is a PEP?` / `    PEP stands for …`) and a title the
//!   assembler found is set the same way (`Kinds of PEPs` over indented text): the
//!   document's own evidence that its titles stand at the margin over an indented body.
//!
//! One more is read before the lists are settled, since it decides them: a line of its
//! own that starts with a section sign and a number (`§ 232 Menschenhandel`, `§ 2a`) is
//! the title of a law's section, so the `(1)`, `(2)` under it are its Absätze (paragraphs,
//! `subsections`), not items of a paragraph that introduced them.
//!
//! Nothing here knows a document's words. A unit made a heading opens a section: the
//! units after it, up to the next heading, are in it.

use crate::model::{Unit, UnitKind};

/// Fewest characters of an underline (`---`): a shorter line of dashes is a dash.
const MIN_UNDERLINE: usize = 3;

/// Most words of a title told by capitals or by its place under a heading: a title, not a
/// sentence.
const MAX_TITLE_WORDS: usize = 6;

/// The characters reStructuredText allows for section adornment; `=` and `-` are also
/// Markdown's setext underlines.
const ADORNMENT: &str = "=-~^\"'`#*+:._";

/// Whether `line` is an underline for a title of `title_chars` characters.
fn is_underline(line: &str, title_chars: usize) -> bool {
    let t = line.trim_end();
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    ADORNMENT.contains(first)
        && chars.all(|c| c == first)
        && t.chars().count() >= MIN_UNDERLINE.max(title_chars)
}

/// Columns deeper than a flush-left title the text under it must start.
const BODY_INDENT: usize = 2;

/// Whether `text` is a short phrase ending in one period, with no clause punctuation
/// inside (`EERSTE HOOFDSTUK.`, `Hinunter in den Kaninchenbau.`).
fn is_period_title(text: &str) -> bool {
    let Some(body) = text.strip_suffix('.') else {
        return false;
    };
    is_title_phrase(text, body)
}

/// Whether `text` is a short question (`What is a PEP?`).
fn is_question_title(text: &str) -> bool {
    let Some(body) = text.strip_suffix('?') else {
        return false;
    };
    is_title_phrase(text, body) && text.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `text`, `body` without its final mark, is a few words and one phrase.
fn is_title_phrase(text: &str, body: &str) -> bool {
    text.split_whitespace().count() <= MAX_TITLE_WORDS
        && body.chars().any(char::is_alphabetic)
        && !body.contains([',', ';', ':', '!', '?', '"', '(', '['])
        && !body.ends_with('.')
}

/// Whether every letter of `text` is a capital (and it has at least two).
fn all_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.filter(|c| c.is_lowercase()).count() == 0
}

/// Most words of a section-sign title (`§ 19 Zeitarbeit, Arbeitnehmerüberlassung`).
const MAX_SECTION_TITLE_WORDS: usize = 10;

/// Whether `text` is a section-sign title: `§`, a number (`232`, `2a`), a few words of
/// title and no sentence end. The one test of that shape: the assembler asks it too, of
/// a title run into its text in paginated text.
pub(super) fn is_section_sign_title(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(sign), Some(number)) = (words.next(), words.next()) else {
        return false;
    };
    let digits = number.len()
        - number
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    sign == "§"
        && digits > 0
        && number[digits..].chars().all(|c| c.is_alphabetic())
        && text.split_whitespace().count() <= MAX_SECTION_TITLE_WORDS
        && !text.ends_with([',', ';', ':'])
}

/// Makes every one-line unit that is a section-sign title a heading, and lets the units
/// that took it for their introduction go: run before the lists are settled.
pub(crate) fn section_sign_titles(units: &mut [Unit]) {
    for i in 0..units.len() {
        let u = &units[i];
        if u.kind == UnitKind::Paragraph
            && u.line == u.end_line
            && u.number.is_none()
            && is_section_sign_title(&u.text)
        {
            let id = u.id;
            make_heading(units, i);
            for v in &mut units[i + 1..] {
                if v.parent == Some(id) {
                    v.parent = None;
                }
            }
        }
    }
}

/// Makes unit `i` a heading and the units of its section point to it.
fn make_heading(units: &mut [Unit], i: usize) {
    units[i].kind = UnitKind::Heading;
    units[i].parent = None;
    let id = units[i].id;
    for u in units[i + 1..]
        .iter_mut()
        .take_while(|u| u.kind != UnitKind::Heading)
    {
        if u.kind != UnitKind::Footnote {
            u.section = Some(id);
        }
    }
}

/// Applies the three readings to the units of one plain-text document (`text`, whose lines
/// the units' line numbers count).
pub(crate) fn titles_by_layout(units: &mut [Unit], text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    let line = |no: usize| no.checked_sub(1).and_then(|i| lines.get(i)).copied();
    let body_under = |units: &[Unit], i: usize| {
        units.get(i + 1).is_some_and(|n| {
            n.kind == UnitKind::Paragraph
                && line(n.line)
                    .is_some_and(|l| l.len() - l.trim_start_matches(' ').len() >= BODY_INDENT)
        })
    };
    // Whether the document sets a title it has at the margin over an indented body.
    let titles_over_body = (0..units.len()).any(|i| {
        units[i].kind == UnitKind::Heading
            && line(units[i].line).is_some_and(|l| !l.starts_with([' ', '\t']))
            && body_under(units, i)
    });
    for i in 0..units.len() {
        let u = &units[i];
        if u.kind != UnitKind::Paragraph || u.line != u.end_line {
            continue;
        }
        let Some(own) = line(u.line) else { continue };
        let indented = own.starts_with([' ', '\t']);
        let underlined = !indented
            && line(u.line + 1).is_some_and(|l| is_underline(l, own.trim_end().chars().count()));
        let capitals = is_period_title(&u.text) && all_capitals(&u.text);
        let subtitle = i > 0 && is_period_title(&u.text) && {
            let h = &units[i - 1];
            h.kind == UnitKind::Heading
                && h.number.is_none()
                && h.line == h.end_line
                && units
                    .get(i + 1)
                    .is_some_and(|n| n.kind == UnitKind::Paragraph && n.end_line > n.line)
                && u.text.chars().next().is_some_and(char::is_uppercase)
        };
        let over_body = titles_over_body
            && (is_question_title(&u.text) || is_period_title(&u.text))
            && body_under(units, i);
        if underlined || (!indented && (capitals || subtitle || over_body)) {
            make_heading(units, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn underlines_and_period_titles() {
        assert!(is_underline("-------------", 13));
        assert!(is_underline("==========", 3));
        assert!(!is_underline("------", 13));
        assert!(!is_underline("+----+", 2));
        assert!(!is_underline("--", 1));
        assert!(is_period_title("EERSTE HOOFDSTUK."));
        assert!(is_period_title("M. MYRIEL."));
        assert!(!is_period_title("BONI AND LIVERIGHT, INC."));
        assert!(!is_period_title(
            "Alice fing an sich zu langweilen; sie saß schon lange."
        ));
        assert!(!is_period_title("PUBLISHERS NEW YORK"));
        assert!(is_section_sign_title("§ 232 Menschenhandel"));
        assert!(is_section_sign_title("§ 2a"));
        assert!(!is_section_sign_title(
            "§ 5 Abs. 1 UrhG gilt für alle amtlichen Werke, die hier stehen und weiter"
        ));
        assert!(!is_section_sign_title("§§ and more"));
        assert!(is_question_title("What is a PEP?"));
        assert!(!is_question_title("what then, if not this?"));
        assert!(all_capitals("BOEK I."));
        assert!(!all_capitals("Boek I."));
    }
}
