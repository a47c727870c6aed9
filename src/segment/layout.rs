//! Page furniture in PDF-extracted text, recognised line by line.
//!
//! Text extracted from a PDF interleaves the running text with what sits at page
//! boundaries. In double-spaced extracted text (a blank line after every line) the signs
//! of a page boundary are:
//! - lines of spaces only (or form feeds): page-break lines;
//! - after them, footnote bodies: lines starting with a footnote number and spaces
//!   (` 1 The word …`, `3  CEDAW…`), numbered in sequence, continued on the following
//!   blank-separated lines;
//! - a line that follows the previous text line *without* the usual blank line: the
//!   first line of the next page;
//! - a lone URL (or page number) just before such a line.
//!
//! In single-spaced text the page boundaries are the furniture found by repetition
//! (`furniture.rs`), and a page's notes stand under a separator rule (`__________`) or,
//! with no rule, between the page's text and its furniture (`assemble::foot_notes` finds
//! those from the page's markers; [`PageReader::open_notes`], [`PageReader::turn_page`]).
//!
//! [`PageReader`] is a small state machine over the lines; the segmenter runs it twice
//! (a first pass collects the footnotes so their markers can be found in the running text
//! before their bodies are reached), so it is deterministic and keeps no per-line memory.

use super::start::{self, Shape};

/// What one line of the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineClass<'a> {
    /// An empty or all-space line that carries no meaning.
    Blank,
    /// A line that only marks a page break (spaces in PDF text, a form feed).
    PageBreak,
    /// A stray line at a page boundary (a URL printed in the margin).
    Stray,
    /// A page number on a line of its own.
    PageNumber,
    /// A running page header: a line that tops many pages (set by the assembler, which
    /// counts page tops in its first pass).
    PageHeader,
    /// A rule of box art (`*****`, `+---+`): removed, and a block boundary.
    Rule,
    /// A line of page furniture found by repetition (see `furniture`): the index of the
    /// pattern that found it.
    Furniture(usize),
    /// The first line of a footnote body.
    FootnoteStart {
        /// The footnote number.
        number: u32,
        /// The number as printed.
        label: &'a str,
        /// The text after the number.
        rest: &'a str,
    },
    /// A further line of the footnote body being read.
    FootnoteMore,
    /// Running text.
    Text,
}

/// Where a footnote was found, and where its marker may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FootnoteSpot {
    /// The footnote number.
    pub number: u32,
    /// First line of the page that carries the footnote (its marker is on this page).
    pub page_start: usize,
    /// Line where the page's foot begins (the first page-break line).
    pub foot_start: usize,
}

/// The state machine; see the module docs.
#[derive(Debug)]
pub(crate) struct PageReader {
    pdf: bool,
    prev_blank: bool,
    prev_text: bool,
    /// In the foot of a page: after a page-break line, before the next page's text.
    in_foot: bool,
    foot_start: usize,
    in_footnote: bool,
    next_footnote: u32,
    page_start: usize,
    /// In text that is not double-spaced: under a footnote separator (`__________`), where
    /// the notes of the page stand until the page's furniture or the text goes on.
    notes: bool,
}

/// Fewest underscores of a footnote separator line (word processors and PDF extraction
/// write the short rule over a page's notes as a run of underscores).
const NOTE_RULE_MIN: usize = 5;

/// True for a footnote separator: a run of underscores and nothing else.
fn is_note_rule(t: &str) -> bool {
    t.len() >= NOTE_RULE_MIN && t.bytes().all(|b| b == b'_')
}

/// Largest footnote number recognised: four digits, as a long report numbering its notes
/// through the document reaches a thousand notes (a year or an amount starting a line in a
/// page's foot is taken for a footnote only when it continues the notes' own sequence,
/// see [`PageReader::classify`]).
const MAX_FOOTNOTE: u32 = 9999;

fn is_url(t: &str) -> bool {
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// `12`, `- 12 -`, `Page 12`, `12/40`, `Page 3 of 10`: a page number alone on its line.
fn is_page_number(t: &str) -> bool {
    // Cheap first test: page numbers are short and start with a digit, a dash or "Page".
    if t.len() > 24
        || !t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–' | 'P' | 'p'))
    {
        return false;
    }
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .unwrap_or(t);
    let mut parts = t.splitn(2, [' ', '/']);
    let first = parts.next().unwrap_or("");
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) {
        return false;
    }
    match parts.next() {
        None => true,
        Some(rest) => {
            let rest = rest.trim();
            let rest = rest.strip_prefix("of ").unwrap_or(rest).trim();
            digits(rest)
        }
    }
}

/// ` 1 The word…`, `3  CEDAW…`: a footnote number, spaces, text.
pub(crate) fn footnote_start(t: &str) -> Option<(u32, &str, &str)> {
    let end = t.find(|c: char| !c.is_ascii_digit())?;
    if end == 0 {
        return None;
    }
    let after = &t[end..];
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = after.trim_start();
    if rest.is_empty() {
        return None;
    }
    let n: u32 = t[..end].parse().ok()?;
    (1..=MAX_FOOTNOTE)
        .contains(&n)
        .then_some((n, &t[..end], rest))
}

impl PageReader {
    /// A reader for PDF-extracted text (`pdf`) or for any other text, where only form
    /// feeds count as page breaks.
    pub fn new(pdf: bool) -> PageReader {
        PageReader {
            pdf,
            prev_blank: true,
            prev_text: false,
            in_foot: false,
            foot_start: 0,
            in_footnote: false,
            next_footnote: 1,
            page_start: 1,
            notes: false,
        }
    }

    /// The notes of a page found by other evidence begin at line `no` (see
    /// `assemble::foot_notes`): read them as under a footnote separator.
    pub fn open_notes(&mut self, no: usize) {
        if !self.pdf {
            self.notes = true;
            self.in_footnote = false;
            self.foot_start = no;
        }
    }

    /// A page boundary found by other evidence (a running head or page number recurring
    /// over the document, see `furniture.rs`) at line `no`: the notes of the page end, and a
    /// new page begins after it.
    pub fn turn_page(&mut self, no: usize) {
        if !self.pdf {
            self.notes = false;
            self.in_footnote = false;
            self.page_start = no + 1;
        }
    }

    /// The first line of the current page.
    pub fn page_start(&self) -> usize {
        self.page_start
    }

    /// The line where the current page's foot began.
    pub fn foot_start(&self) -> usize {
        self.foot_start
    }

    /// Classifies line `no` (1-based) given the line after it.
    pub fn classify<'a>(&mut self, no: usize, line: &'a str, next: Option<&str>) -> LineClass<'a> {
        let class = self.classify_inner(no, line, next);
        match class {
            LineClass::Blank => {
                self.prev_blank = true;
                self.prev_text = false;
            }
            LineClass::PageBreak => {
                self.prev_blank = false;
                self.prev_text = false;
            }
            _ => {
                self.prev_blank = false;
                self.prev_text = true;
            }
        }
        class
    }

    fn classify_inner<'a>(
        &mut self,
        no: usize,
        line: &'a str,
        next: Option<&str>,
    ) -> LineClass<'a> {
        let t = line.trim();
        if t.is_empty() {
            if line.contains('\u{c}') || (self.pdf && !line.is_empty()) {
                if !self.in_foot {
                    self.in_foot = true;
                    self.foot_start = no;
                }
                self.in_footnote = false;
                return LineClass::PageBreak;
            }
            return LineClass::Blank;
        }
        if !self.pdf {
            return self.classify_plain(no, t, next);
        }
        let direct = self.prev_text && !self.prev_blank;
        if self.in_foot {
            // Page numbers and stray URLs stay in the foot, directly following or not.
            if is_url(t) {
                return LineClass::Stray;
            }
            if is_page_number(t) {
                return LineClass::PageNumber;
            }
            let starts_unit = matches!(
                start::parse(t, false).map(|s| s.shape),
                Some(Shape::Numbered { .. } | Shape::Deep | Shape::Roman(_))
            );
            if !direct && !starts_unit {
                if let Some(note) = self.next_note(t, next) {
                    return note;
                }
                if self.in_footnote {
                    return LineClass::FootnoteMore;
                }
            }
            // The next page begins.
            self.in_foot = false;
            self.in_footnote = false;
            self.page_start = no;
            return LineClass::Text;
        }
        if direct {
            // A line that follows text without the blank line: a new page.
            self.page_start = no;
        }
        let next_direct = next.is_some_and(|n| !n.trim().is_empty());
        if is_url(t) && next_direct {
            return LineClass::Stray;
        }
        if is_page_number(t) && (next_direct || next.is_none() || direct) {
            return LineClass::PageNumber;
        }
        LineClass::Text
    }
}

impl PageReader {
    /// The start of a note when `t` starts with a note number in sequence (the first, or
    /// one of the next three: a note may be missed), taking it as the last note read.
    /// Numbering starts again at 1 only with the first note of a foot: within a note, a
    /// line starting `1 ` wraps its text (`Supplement No.` / `1 (E/CN.6/65/158).`).
    ///
    /// Right under a note's line, a number is read as the next note only when it is the
    /// very next one and the line after does not start with it again (`Supplement No.` /
    /// `82 (S/56/46).` / `82 See …`): a line under a note more often wraps it.
    fn next_note<'a>(&mut self, t: &'a str, next: Option<&str>) -> Option<LineClass<'a>> {
        let (n, label, rest) = footnote_start(t)?;
        let under_note = self.in_footnote && !self.prev_blank;
        let in_sequence = if under_note {
            n == self.next_footnote
                && next
                    .and_then(|l| footnote_start(l.trim()))
                    .is_none_or(|(m, _, _)| m != n)
        } else {
            n == 1 || (self.next_footnote..self.next_footnote + 3).contains(&n)
        };
        if !in_sequence {
            return None;
        }
        self.in_footnote = true;
        self.next_footnote = n + 1;
        Some(LineClass::FootnoteStart {
            number: n,
            label,
            rest,
        })
    }

    /// A non-blank line of text that is not double-spaced: text, except under a footnote
    /// separator, where lines that start with the next note numbers (in sequence, as in
    /// double-spaced text) are notes, and the lines that follow each one directly go on
    /// with it. A line that is neither ends the notes.
    fn classify_plain<'a>(&mut self, no: usize, t: &'a str, next: Option<&str>) -> LineClass<'a> {
        if is_note_rule(t) {
            self.notes = true;
            self.in_footnote = false;
            self.foot_start = no;
            return LineClass::Rule;
        }
        if self.notes {
            if let Some(note) = self.next_note(t, next) {
                return note;
            }
            if self.in_footnote && !self.prev_blank {
                return LineClass::FootnoteMore;
            }
            self.notes = false;
            self.in_footnote = false;
        }
        LineClass::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str) -> Vec<String> {
        classes_in(text, true)
    }

    fn classes_in(text: &str, pdf: bool) -> Vec<String> {
        let lines: Vec<&str> = text.lines().collect();
        let mut r = PageReader::new(pdf);
        (0..lines.len())
            .map(|i| {
                let c = r.classify(i + 1, lines[i], lines.get(i + 1).copied());
                match c {
                    LineClass::FootnoteStart { number, .. } => format!("fn{number}"),
                    c => format!("{c:?}"),
                }
            })
            .collect()
    }

    #[test]
    fn footnotes_at_the_page_foot() {
        let text = "text one\n\nthe end of a page\n\n  \n\n 1 A note that\n\ngoes on.\n\n 2  Another.\n next page text\n\nmore";
        assert_eq!(
            classes(text),
            [
                "Text",
                "Blank",
                "Text",
                "Blank",
                "PageBreak",
                "Blank",
                "fn1",
                "Blank",
                "FootnoteMore",
                "Blank",
                "fn2",
                "Text",
                "Blank",
                "Text"
            ]
        );
    }

    #[test]
    fn notes_under_a_separator_in_single_spaced_text() {
        // As word processors export a page foot: the rule, the notes (one wrapped), then
        // the text of the next page. A numbered line out of sequence is not a note.
        let text = "the welcome digitiz-\n\n____________________\n1 Ibid., para. 139.\n2 See the report of the\nWorking Group.\n\nation of the programmes.\n__________\n7 Out of sequence.\n";
        assert_eq!(
            classes_in(text, false),
            [
                "Text",
                "Blank",
                "Rule",
                "fn1",
                "fn2",
                "FootnoteMore",
                "Blank",
                "Text",
                "Rule",
                "Text"
            ]
        );
    }

    #[test]
    fn a_line_under_a_note_starting_with_a_number_wraps_it() {
        // `3 (…)` followed by `3 See` ends note 2, `1 (…)` under note 4 does not start the
        // numbering again, and a number past the next one wraps its note.
        let text = "text\n\n__________\n1 Ibid.\n2 Official Records, Supplement No.\n3 (S/56/46).\n3 See CCPR/C/40/224.\n4 Official Records, Supplement No.\n1 (E/CN.6/65/158).\n5 Official Records, Supplement No.\n7 (A/66/306).\n";
        assert_eq!(
            classes_in(text, false),
            [
                "Text",
                "Blank",
                "Rule",
                "fn1",
                "fn2",
                "FootnoteMore",
                "fn3",
                "fn4",
                "FootnoteMore",
                "fn5",
                "FootnoteMore"
            ]
        );
    }

    #[test]
    fn a_thousandth_footnote_continues_the_notes() {
        // A report numbering its notes through the document passes note 999; a year at a
        // page's foot is no note unless the notes have reached it.
        let mut r = PageReader::new(true);
        r.next_footnote = 1000;
        r.in_foot = true;
        assert!(matches!(
            r.classify(10, " 1000  See document DG/17/16, para. 86.", None),
            LineClass::FootnoteStart { number: 1000, .. }
        ));
        let text = "text\n\n  \n\n 1 A note.\n\n  \n\n2024  budget figures\n";
        assert_eq!(
            classes(text),
            [
                "Text",
                "Blank",
                "PageBreak",
                "Blank",
                "fn1",
                "Blank",
                "PageBreak",
                "Blank",
                "Text"
            ]
        );
    }

    #[test]
    fn a_numbered_paragraph_ends_the_foot() {
        let text = "text\n\n  \n\n3  Note.\n\n57. Next paragraph";
        assert_eq!(
            classes(text),
            [
                "Text",
                "Blank",
                "PageBreak",
                "Blank",
                "fn3",
                "Blank",
                "Text"
            ]
        );
    }

    #[test]
    fn stray_url_and_page_numbers() {
        let text = "the government of\n\nhttps://example.org/x.pdf\n next page\n\n12\n\nmore text";
        assert_eq!(
            classes(text),
            [
                "Text", "Blank", "Stray", "Text", "Blank", "Text", "Blank", "Text"
            ]
        );
        let text = "a line\n\n– 12 –\nnext page";
        assert_eq!(classes(text), ["Text", "Blank", "PageNumber", "Text"]);
        // A URL inside running text stays.
        let text = "see\n\nhttps://example.org\n\nfor more";
        assert_eq!(classes(text)[2], "Text");
    }

    #[test]
    fn page_number_url_and_header_after_the_footnotes() {
        let text =
            "text\n\n  \n\n 1 A note.\n\n9\nhttps://example.org/a.pdf\nAB/40/29\n\nnext page";
        assert_eq!(
            classes(text),
            [
                "Text",
                "Blank",
                "PageBreak",
                "Blank",
                "fn1",
                "Blank",
                "PageNumber",
                "Stray",
                "Text",
                "Blank",
                "Text"
            ]
        );
    }

    #[test]
    fn page_number_shapes() {
        for s in ["12", "- 12 -", "Page 3", "page 3 of 10", "3/40"] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["12 States", "2019.", "Page one"] {
            assert!(!is_page_number(s), "{s}");
        }
    }
}
