//! How a text is laid out, decided from its own statistics in one pass.
//!
//! Three layouts cover what drafts look like:
//! - **PDF-extracted** ([`Layout::Pdf`]): hard-wrapped lines, most of them separated by a
//!   single blank line, most of them ending mid-sentence. Blank lines carry no meaning;
//!   units start at numbers, headings and list markers, and page furniture (page-break
//!   lines, footnote bodies, stray URLs) sits between the lines of running text.
//! - **Blocks** ([`Layout::Blocks`]): hard-wrapped lines grouped into blank-line separated
//!   blocks (plain-text mail, Markdown, licences).
//! - **Lines** ([`Layout::Lines`]): one paragraph a line, as word processors save text
//!   (most lines end a sentence), with or without blank lines between.

use super::mend;

/// The layout of a text; [`Layout::Auto`] decides from the text's own statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Decide from the text (see the module docs).
    #[default]
    Auto,
    /// Text extracted from a PDF: blank lines are not paragraph breaks.
    Pdf,
    /// Wrapped lines in blank-line separated blocks.
    Blocks,
    /// One paragraph a line.
    Lines,
}

/// What the first pass learns about a text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stats {
    /// Non-blank lines.
    pub lines: usize,
    /// Non-blank lines followed by exactly one blank line and then a non-blank line.
    pub single_spaced: usize,
    /// Non-blank lines that end a sentence.
    pub terminal: usize,
    /// Non-blank lines that directly follow another non-blank line.
    pub direct: usize,
    /// 75th percentile of the byte length of non-blank lines (0 when there are none).
    pub typical_len: usize,
    /// The length of a full printed line: the upper end of the densest band of line
    /// lengths ([`FULL_LINE_BAND`]), where the full lines of justified text gather (0
    /// when there are no lines). Unlike
    /// [`Stats::typical_len`] it does not grow when an extraction writes many pairs of
    /// printed lines as one line (`pdftotext` does on some pages).
    pub full_len: usize,
    /// Non-blank lines that start with whitespace. Text extracted from a PDF without its
    /// layout (`pdftotext`) has almost none: every line starts at the margin.
    pub indented: usize,
    /// Lines carrying a form feed: page breaks of a paginated text (an RFC, `pdftotext`).
    pub form_feeds: usize,
    /// Words broken at a line end: (fragment before the hyphen, first word of the next
    /// non-blank line), in text order, repeats included.
    pub breaks: Vec<(String, String)>,
    /// Lines that do not end a sentence, followed by one blank line and a line whose
    /// first letter has a case: where PDF extraction splits a paragraph, or where a title
    /// stands above its text.
    pub open_across_blank: usize,
    /// Of those, the ones whose next line starts in lower case: the sentence runs on
    /// across the blank line, as it does in PDF-extracted text.
    pub runs_across_blank: usize,
    /// Blocks (after a blank line or the start) whose first line is indented deeper than
    /// their second: paragraphs set with a first-line indent.
    pub first_line_indents: usize,
    /// Blocks whose second line is indented deeper than their first: hanging indents.
    pub hanging_indents: usize,
}

/// Share of non-blank lines that must be followed by a single blank line for the text to
/// count as PDF-extracted: one half, since headings, page furniture and page breaks break
/// the pattern here and there but never for most lines.
const PDF_SINGLE_SPACED_SHARE: f64 = 0.5;

/// Largest share of non-blank lines directly following another in PDF-extracted text:
/// there, only the first line of a page does (about one line in twenty), while wrapped
/// blocks have it on most lines.
const PDF_DIRECT_SHARE: f64 = 0.25;

/// Largest typical (75th percentile) line length of PDF-extracted text in bytes: pages are
/// at most about 120 characters wide; longer lines are whole paragraphs.
const PDF_MAX_TYPICAL_LEN: usize = 160;

/// Share of sentence-ending lines below which double-spaced text is wrapped (PDF) rather
/// than one short paragraph a line.
const PDF_MAX_TERMINAL_SHARE: f64 = 0.75;

/// Share of non-blank lines ending a sentence at or above which lines are paragraphs:
/// hard-wrapped prose ends a sentence on roughly one line in four, one-paragraph-a-line
/// text on nearly every line.
const LINES_TERMINAL_SHARE: f64 = 0.5;

/// Fewest lines that end open before a blank line (see [`Stats::open_across_blank`]) for
/// their continuations to count as evidence: fewer say nothing either way.
const PDF_MIN_OPEN_ACROSS_BLANK: usize = 3;

/// Least share of those lines whose sentence runs on in lower case for the text to count
/// as PDF-extracted. Extraction cuts sentences anywhere, so most of its open lines run on
/// in lower case (three in four in English, still most in German with its capitalised
/// nouns); where none or almost none do, the open lines are titles above their text and
/// the blank lines are real paragraph breaks (an RFC, a plain-text specification).
const PDF_MIN_RUN_ON_SHARE: f64 = 0.25;

/// Width of the band of line lengths in which [`Stats::full_len`] looks for the most
/// lines, as a share of its upper end: full justified lines differ in length by their
/// letters' widths, within about 15 %.
const FULL_LINE_BAND: f64 = 0.15;

/// Longest line length counted exactly in the length histogram; longer lines count as
/// this long (only the 75th percentile of wrapped lines is ever used).
const HISTOGRAM_MAX: usize = 512;

/// True when `s` (trimmed) ends a sentence or clause: `.`, `!`, `?`, `:` or `;`, possibly
/// followed by closing quotes or brackets, and by a footnote marker as PDF text leaves it
/// (`… trafficking hotlines.9`, `the following:22`).
pub(crate) fn ends_terminal(s: &str) -> bool {
    let closing =
        |c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']');
    let s = s.trim_end_matches(closing);
    if s.ends_with(['.', '!', '?', ':', ';']) {
        return true;
    }
    // A marker: up to three digits right after the mark that ends a word's sentence (a
    // letter or a closing mark before it, so `3.2` and `A/HRC/40/26` end nothing).
    let digits = s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=MARKER_DIGITS).contains(&digits) {
        return false;
    }
    let quote = |c: char| closing(c) && !c.is_whitespace();
    let before = s[..s.len() - digits].trim_end_matches(quote);
    let mut chars = before.chars().rev();
    chars
        .next()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | ';'))
        && chars.next().is_some_and(|c| c.is_alphabetic() || quote(c))
}

/// Most digits of a footnote marker at a sentence's end.
const MARKER_DIGITS: usize = 3;

impl Stats {
    /// Gathers the statistics of `text` in one pass.
    pub fn of(text: &str) -> Stats {
        let mut stats = Stats::default();
        let mut hist = vec![0usize; HISTOGRAM_MAX + 1];
        // Pattern of the last lines: how many blank lines since the last non-blank one.
        let mut blanks_since: Option<usize> = None;
        let mut head: Option<&str> = None;
        // The last non-blank line did not end a sentence.
        let mut last_open = false;
        // The indentation of the first line of the block being read, until its second.
        let mut block_indent: Option<usize> = None;
        for line in text.lines() {
            if line.contains('\u{c}') {
                stats.form_feeds += 1;
            }
            let t = line.trim();
            if !t.is_empty()
                && line
                    .trim_start_matches('\u{c}')
                    .starts_with(char::is_whitespace)
            {
                stats.indented += 1;
            }
            if t.is_empty() {
                if let Some(b) = blanks_since.as_mut() {
                    *b += 1;
                }
                continue;
            }
            if let Some(h) = head.take() {
                if let Some(tail) = mend::continuation_tail(t) {
                    stats.breaks.push((h.to_string(), tail.to_string()));
                }
            }
            head = mend::broken_head(t);
            // A line that starts with a number or a bullet after an open line is an item
            // the sentence goes on in (`… erkennen, wenn` / `1. das Opfer …`): structure,
            // not a sentence cut by extraction, whatever the case of its first letter.
            let marked =
                t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '(' | '•' | '-' | '*'));
            if last_open && blanks_since == Some(1) && marked {
                stats.open_across_blank += 1;
            } else if last_open && blanks_since == Some(1) {
                if let Some(c) = t.chars().find(|c| c.is_alphabetic()) {
                    if c.is_lowercase() || c.is_uppercase() {
                        stats.open_across_blank += 1;
                        if c.is_lowercase() {
                            stats.runs_across_blank += 1;
                        }
                    }
                }
            }
            last_open = !ends_terminal(t);
            let indent = indent_of(line.trim_start_matches('\u{c}'));
            if blanks_since == Some(0) {
                match block_indent.take() {
                    Some(first) if first > indent => stats.first_line_indents += 1,
                    Some(first) if first < indent => stats.hanging_indents += 1,
                    _ => {}
                }
            } else {
                block_indent = Some(indent);
            }
            match blanks_since {
                Some(0) => stats.direct += 1,
                Some(1) => stats.single_spaced += 1,
                _ => {}
            }
            blanks_since = Some(0);
            stats.lines += 1;
            if ends_terminal(t) {
                stats.terminal += 1;
            }
            hist[t.len().min(HISTOGRAM_MAX)] += 1;
        }
        stats.full_len = densest_band(&hist);
        let target = stats.lines - stats.lines / 4;
        let mut seen = 0;
        for (len, n) in hist.iter().enumerate() {
            seen += n;
            if seen >= target.max(1) {
                stats.typical_len = len;
                break;
            }
        }
        stats
    }

    /// The layout these statistics point to.
    pub fn layout(&self) -> Layout {
        if self.lines == 0 {
            return Layout::Blocks;
        }
        let n = self.lines as f64;
        let terminal = self.terminal as f64 / n;
        let pdf = self.double_spaced()
            && self.typical_len <= PDF_MAX_TYPICAL_LEN
            && terminal < PDF_MAX_TERMINAL_SHARE
            && self.sentences_run_across_blanks();
        if pdf {
            Layout::Pdf
        } else if terminal >= LINES_TERMINAL_SHARE {
            Layout::Lines
        } else {
            Layout::Blocks
        }
    }
}

/// The upper end `l` of the band of lengths `(l - l·FULL_LINE_BAND, l]` that holds the
/// most text (lines weighted by their length, so that many short lines, bullets alone
/// on their line, do not outweigh the full ones) in the histogram `hist` (the shortest
/// such `l` on a tie; 0 when empty).
fn densest_band(hist: &[usize]) -> usize {
    let mut below = Vec::with_capacity(hist.len() + 1);
    below.push(0usize);
    for (len, n) in hist.iter().enumerate() {
        below.push(below.last().copied().unwrap_or(0) + n * len);
    }
    let mut best = (0, 0);
    for l in 1..hist.len() {
        let low = (l as f64 * (1.0 - FULL_LINE_BAND)) as usize;
        let n = below[l + 1] - below[low + 1];
        if n > best.1 {
            best = (l, n);
        }
    }
    best.0
}

/// Fewest blocks opened with a first-line indent for a text to count as set so: one or
/// two may be quotations or examples.
const MIN_FIRST_LINE_INDENTS: usize = 3;

/// The indentation of `line` in columns (a tab counts four).
pub(crate) fn indent_of(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// Most indented lines, one in this many, for a text to be set flush left.
const FLUSH_LEFT_EVERY: usize = 20;

impl Stats {
    /// Whether (almost) every line starts at the margin, as in text extracted from a PDF
    /// without its layout: a title there is set apart by neither indentation nor, in
    /// `pdftotext` output, a blank line after it.
    pub fn flush_left(&self) -> bool {
        self.indented * FLUSH_LEFT_EVERY <= self.lines
    }

    /// Whether the text sets its paragraphs with a first-line indent, their wrapped lines
    /// further out (as plain-text licences and books do): more blocks open so than with a
    /// hanging indent, and at least [`MIN_FIRST_LINE_INDENTS`] of them.
    pub fn indents_first_lines(&self) -> bool {
        self.first_line_indents >= MIN_FIRST_LINE_INDENTS
            && self.first_line_indents > self.hanging_indents
    }

    /// Whether a blank line follows (nearly) every line, as in PDF-extracted text or a file
    /// whose line ends were doubled (`\r\r\n`): a blank line there says nothing by itself,
    /// whatever the layout read from the lines.
    pub fn double_spaced(&self) -> bool {
        let n = self.lines as f64;
        self.lines >= 4
            && self.single_spaced as f64 / n >= PDF_SINGLE_SPACED_SHARE
            && self.direct as f64 / n <= PDF_DIRECT_SHARE
    }

    /// [`Layout::Pdf`], with sentences seen running across the blank lines (not only too
    /// few open lines to tell): the evidence it takes to read a file named as Markdown as
    /// PDF text. A short Markdown note (`- one` / `- two` under a title) is double-spaced
    /// too.
    pub(crate) fn pdf_shown(&self) -> bool {
        self.layout() == Layout::Pdf && self.open_across_blank >= PDF_MIN_OPEN_ACROSS_BLANK
    }

    /// Whether the lines that end open before a blank line run on in lower case often
    /// enough for the blank lines to be extraction artefacts (true when there are too few
    /// such lines to tell, or the script has no case).
    fn sentences_run_across_blanks(&self) -> bool {
        self.open_across_blank < PDF_MIN_OPEN_ACROSS_BLANK
            || self.runs_across_blank as f64 / self.open_across_blank as f64 >= PDF_MIN_RUN_ON_SHARE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_text_is_detected() {
        let text = "1. The present report is\n\nsubmitted by the committee to\n\nthe council pursuant to its\n\nresolution. \n\n2. At its session, the\n\ncommittee established a group\n";
        assert_eq!(Stats::of(text).layout(), Layout::Pdf);
    }

    #[test]
    fn titles_above_their_text_are_not_pdf() {
        // Single-spaced like PDF text, but no open line runs on in lower case: the open
        // lines are titles, the blank lines real breaks.
        let text = "1.  Overview\n\n   Body text of the overview section.\n\n2.  Framing\n\n2.1.  Session\n\n   The framing layer runs atop a transport.\n";
        let stats = Stats::of(text);
        assert_eq!((stats.open_across_blank, stats.runs_across_blank), (3, 0));
        assert_ne!(stats.layout(), Layout::Pdf);
    }

    #[test]
    fn items_a_sentence_goes_on_in_are_not_pdf() {
        // A law's Absatz ends open and goes on in its numbered items, whose text starts in
        // lower case: that is structure, and the blank lines are real breaks.
        let text = "(3) Auf Freiheitsstrafe ist zu erkennen, wenn\n\n1. das Opfer ein Kind ist,\n\n\
                    2. der Täter das Opfer misshandelt oder\n\n3. der Täter gewerbsmäßig handelt.\n\n\
                    (4) Ebenso wird bestraft, wer\n\n1. eine Person veranlasst oder\n\n2. sich bemächtigt.\n";
        let stats = Stats::of(text);
        assert_eq!((stats.open_across_blank, stats.runs_across_blank), (5, 0));
        assert_ne!(stats.layout(), Layout::Pdf);
    }

    #[test]
    fn one_paragraph_a_line() {
        let text =
            "First paragraph ends here.\n\nSecond one too.\n\nAnd a third.\n\nA fourth one.\n";
        assert_eq!(Stats::of(text).layout(), Layout::Lines);
        let text = "1.\tFirst.\n2.\tSecond.\nA title\n3.\tThird:\n(a)\tItem;\n";
        assert_eq!(Stats::of(text).layout(), Layout::Lines);
    }

    #[test]
    fn wrapped_blocks() {
        let text = "This is a wrapped paragraph that\ngoes on over several lines and\nends here.\n\nAnother one that also\nwraps twice before it\nends.\n";
        assert_eq!(Stats::of(text).layout(), Layout::Blocks);
        assert_eq!(Stats::of("").layout(), Layout::Blocks);
    }

    #[test]
    fn terminal_punctuation() {
        assert!(ends_terminal("end.”"));
        assert!(ends_terminal("trafficking hotlines.9"));
        assert!(ends_terminal("the following:22"));
        assert!(ends_terminal("as it said.”104"));
        assert!(!ends_terminal("see paragraph 3.2"));
        assert!(!ends_terminal("A/HRC/40/26"));
        assert!(!ends_terminal("in 2011"));
        assert!(!ends_terminal("RFC:  791"));
        assert!(!ends_terminal("Content-length: 243"));
        assert!(ends_terminal("items: "));
        assert!(!ends_terminal("capacity-"));
        assert!(!ends_terminal("and the"));
    }
}
