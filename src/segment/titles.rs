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
//!   line after a title is an author or an imprint and stays a paragraph; under an
//!   underlined title, which would underline its subtitle too, it is the first sentence.
//!
//! - **a flush-left title over indented text**: a one-line block of a few words ending in
//!   a question mark or a period, set at the margin, when the text under it is indented
//!   (the plain-text PEPs: `What is a PEP?` / `    PEP stands for …`) and a title the
//!   assembler found is set the same way (`Kinds of PEPs` over indented text): the
//!   document's own evidence that its titles stand at the margin over an indented body.
//!
//! - **the document's title at its top**: the first block of the document, two or three
//!   lines at the margin with few words and no sentence end (`Faust:` / `Der Tragödie
//!   erster Teil`; a chapter title wrapped in two lines), is a title set over its subtitle
//!   or wrapped, not a paragraph: a paragraph that opens a document ends its sentence.
//!   (A one-line block is the assembler's title test's to decide.)
//!
//! One more reading holds in every layout (`section_mark_titles`): a line that opens with
//! one to six `=` and a space before its title (`== Installation`, `= Contributing`), as
//! AsciiDoc and wiki markup set their section titles, is a title whatever its punctuation
//! and however the paragraphs around it are laid out; block attribute lines set over it
//! (`[#gem-install]`) belong to it, and lines under it without a blank line between (a
//! document header's attributes) are a block of their own. A line of `=` alone is a rule or
//! a block delimiter, never a title.
//!
//! One more is read before the lists are settled, since it decides them: a line of its
//! own that starts with a section sign and a number (`§ 232 Menschenhandel`, `§ 2a`) is
//! the title of a law's section, so the `(1)`, `(2)` under it are its Absätze (paragraphs,
//! `subsections`), not items of a paragraph that introduced them.
//!
//! Nothing here knows a document's words. A unit made a heading opens a section: the
//! units after it, up to the next heading, are in it.

use super::normalize::normalize;
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
pub(super) fn is_underline(line: &str, title_chars: usize) -> bool {
    let t = line.trim_end();
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    ADORNMENT.contains(first)
        && chars.all(|c| c == first)
        && t.chars().count() >= MIN_UNDERLINE.max(title_chars)
}

/// Most `=` of a section mark: AsciiDoc has six section levels (`=` to `======`).
const MAX_SECTION_MARKS: usize = 6;

/// Whether `line` is a section title set with a mark of `=` (`== Installation`): one to
/// six `=` at the margin, a space, and a title holding a letter or a digit.
pub(crate) fn is_section_mark_title(line: &str) -> bool {
    let marks = line.bytes().take_while(|&b| b == b'=').count();
    (1..=MAX_SECTION_MARKS).contains(&marks)
        && line[marks..].starts_with(' ')
        && line[marks..]
            .trim_end_matches(['=', ' '])
            .chars()
            .any(char::is_alphanumeric)
}

/// Whether `line` is a block attribute line (`[#gem-install]`, `[CAUTION]`,
/// `[source,ruby]`): a bracketed list standing alone.
fn is_block_attribute(line: &str) -> bool {
    let t = line.trim_end();
    t.len() > 2 && t.starts_with('[') && t.ends_with(']')
}

/// Most lines of a title block at the top of a document (a title wrapped or set over its
/// subtitle); more is a paragraph or a header block.
const MAX_TOP_TITLE_LINES: usize = 3;

/// Most words of a title block at the top of a document (`Capítulo primero. Que trata de
/// la condición …` is 17): a long title, not a paragraph.
const MAX_TOP_TITLE_WORDS: usize = 20;

/// Whether unit `u` (the first unit of its document, of lines `line`) is the document's
/// title set in a few lines: two or three lines at the margin, few words, no sentence end
/// on its last line, not a caption (`[Illustration]`), and no line set in columns (a
/// memo's header block, `Network Working Group      J. Postel`, is metadata, not a title).
fn is_top_title<'a>(u: &Unit, line: impl Fn(usize) -> Option<&'a str>) -> bool {
    let lines = u.end_line + 1 - u.line;
    u.kind == UnitKind::Paragraph
        && u.number.is_none()
        && (2..=MAX_TOP_TITLE_LINES).contains(&lines)
        && (u.line..=u.end_line).all(|no| {
            line(no).is_some_and(|l| {
                !l.is_empty() && !l.starts_with([' ', '\t']) && !l.trim_end().contains("   ")
            })
        })
        && u.text.split_whitespace().count() <= MAX_TOP_TITLE_WORDS
        && !u.text.starts_with('[')
        && !u.text.trim_end().ends_with(['.', ',', ';', ':', '!', '?'])
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

/// Whether `text` is a short phrase ending in one colon, with no other punctuation
/// inside: the formula words of a decree or a resolution (`VISTO:`, `CONSIDERANDO:`,
/// `SE RESUELVE:`), titles of its parts when set in capitals alone on their line.
pub(super) fn is_colon_title(text: &str) -> bool {
    let Some(body) = text.strip_suffix(':') else {
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
pub(super) fn all_capitals(text: &str) -> bool {
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

/// Makes every paragraph or item whose first line (block attributes aside) is a section
/// mark (`== Installation`) a heading, in any layout. Lines under the mark in the same
/// unit (`= Contributing` over its attribute lines) become a paragraph of their own, up to
/// the first blank line; ids, sections and parents are renumbered to match.
pub(crate) fn section_mark_titles(units: &mut Vec<Unit>, text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    let line = |no: usize| no.checked_sub(1).and_then(|i| lines.get(i)).copied();
    // The line of the mark, for a unit that has one.
    let mark = |u: &Unit| -> Option<usize> {
        if !matches!(u.kind, UnitKind::Paragraph | UnitKind::ListItem) {
            return None;
        }
        let at = (u.line..=u.end_line).find(|&no| !line(no).is_some_and(is_block_attribute))?;
        line(at).is_some_and(is_section_mark_title).then_some(at)
    };
    if !units.iter().any(|u| mark(u).is_some()) {
        return;
    }
    let join = |first: usize, last: usize| -> String {
        let mut out = String::new();
        for no in first..=last {
            let t = line(no).unwrap_or("").trim();
            if !t.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(t);
            }
        }
        out
    };
    let mut new_id = Vec::with_capacity(units.len());
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    let mut headings = Vec::new();
    for unit in units.drain(..) {
        new_id.push(out.len());
        let Some(at) = mark(&unit) else {
            out.push(unit);
            continue;
        };
        // The rest of the unit's block under the mark, up to a blank line.
        let rest_end = (at + 1..=unit.end_line)
            .take_while(|&no| line(no).is_some_and(|l| !l.trim().is_empty()))
            .last();
        let mut head = unit.clone();
        head.kind = UnitKind::Heading;
        head.number = None;
        head.parent = None;
        if let Some(end) = rest_end {
            head.end_line = at;
            head.text = join(head.line, at);
            head.norm = normalize(&head.text);
            let mut rest = unit;
            rest.kind = UnitKind::Paragraph;
            rest.number = None;
            rest.parent = None;
            rest.line = at + 1;
            rest.end_line = end;
            rest.text = join(at + 1, end);
            rest.norm = normalize(&rest.text);
            headings.push(out.len());
            out.push(head);
            out.push(rest);
        } else {
            headings.push(out.len());
            out.push(head);
        }
    }
    for (id, u) in out.iter_mut().enumerate() {
        u.id = id;
        u.section = u.section.map(|s| new_id[s]);
        u.parent = u.parent.map(|p| new_id[p]);
    }
    for h in headings {
        make_heading(&mut out, h);
    }
    *units = out;
}

/// Applies the readings above to the units of one plain-text document (`text`, whose lines
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
    if units.first().is_some_and(|u| is_top_title(u, line)) {
        make_heading(units, 0);
    }
    for i in 0..units.len() {
        let u = &units[i];
        if u.kind != UnitKind::Paragraph {
            continue;
        }
        if u.line != u.end_line {
            continue;
        }
        let Some(own) = line(u.line) else { continue };
        let indented = own.starts_with([' ', '\t']);
        let underlined = !indented
            && line(u.line + 1).is_some_and(|l| is_underline(l, own.trim_end().chars().count()));
        let capitals =
            (is_period_title(&u.text) || is_colon_title(&u.text)) && all_capitals(&u.text);
        let subtitle = i > 0 && is_period_title(&u.text) && {
            let h = &units[i - 1];
            // An underlined title (reStructuredText, setext) would underline its subtitle
            // too: the line under it is its first sentence (`Indentation` / `-----` /
            // `Use 4 spaces per indentation level.`).
            let h_underlined = line(h.line)
                .zip(line(h.line + 1))
                .is_some_and(|(t, under)| is_underline(under, t.trim_end().chars().count()));
            h.kind == UnitKind::Heading
                && !h_underlined
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

    fn kinds(text: &str) -> Vec<(UnitKind, usize)> {
        crate::segment::segment("a.txt", text, &crate::segment::SegmentOptions::new())
            .units
            .iter()
            .map(|u| (u.kind, u.line))
            .collect()
    }

    #[test]
    fn a_short_sentence_under_an_underlined_title_is_no_subtitle() {
        let body = "Continuation lines should align wrapped elements either\n\
                    vertically or with a hanging indent, as the examples show.\n";
        let underlined =
            format!("Indentation\n-----------\n\nUse 4 spaces per indentation level.\n\n{body}");
        use UnitKind::{Heading, Paragraph};
        assert_eq!(
            kinds(&underlined),
            vec![(Heading, 1), (Paragraph, 4), (Paragraph, 6)]
        );
    }

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
        assert!(is_section_mark_title("== Installation"));
        assert!(is_section_mark_title("==== apk (Alpine Linux)"));
        assert!(is_section_mark_title("== Title =="));
        assert!(!is_section_mark_title("===="));
        assert!(!is_section_mark_title("======= seven"));
        assert!(!is_section_mark_title(" == indented"));
        assert!(!is_section_mark_title("==> arrow"));
        assert!(is_block_attribute("[#gem-install]"));
        assert!(is_block_attribute("[[anchor]]"));
        assert!(!is_block_attribute("[link](https://example.org)"));
        assert!(all_capitals("BOEK I."));
        // `legalize-pe-lam-dr-4-2022` (dev): the parts of a decree.
        assert!(is_colon_title("DECRETA:") && all_capitals("DECRETA:"));
        assert!(is_colon_title("SE RESUELVE:"));
        assert!(!is_colon_title(
            "El Gobernador del Gobierno Regional Lambayeque, visto lo siguiente: y"
        ));
        assert!(!is_colon_title("VoBo, electrónico de:"));
        assert!(!all_capitals("Boek I."));
    }
}
