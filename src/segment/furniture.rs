//! Page furniture found by repetition over the whole document: running headers and
//! footers, page numbers, document symbols and job numbers that PDF extraction (or a
//! form-feed paginated text such as an RFC) leaves between the lines of running text.
//!
//! Each short line is reduced to a *pattern*: lower case, every run of digits one `#`,
//! every run of spaces one space (`GE.17-12345  3` → `ge.#-# #`, `[Page 5]` → `[page #]`).
//! A pattern is page furniture when the whole document gives three kinds of evidence:
//! - **recurrence**: it occurs at least [`MIN_REPEATS`] times;
//! - **regular spacing**: the distances between occurrences are, for at least
//!   [`REGULAR_SHARE`] of them, close to one page length or a small multiple of it (a
//!   footer printed on odd pages only recurs every two pages, its even-page mirror image
//!   is a pattern of its own with the same period);
//! - **page evidence**: at least once in [`INTERRUPT_EVERY`] occurrences it stands inside
//!   a sentence (the text line before it, other recurring lines aside, does not end one,
//!   or the text line after it starts in lower case),
//!   or it is laid out in columns (parts set apart by [`COLUMN_GAP`] spaces or more, as
//!   the left, centre and right parts of a running head in paginated plain text), or it
//!   stands next to a form feed. Titles and numbered headings that recur (`Article 3`,
//!   `Article 4`, …) are single phrases that always follow the end of a sentence;
//!   furniture falls wherever the page ends.
//!
//! A scanner's noise makes one running head many patterns (`GOBIERNO REGIONAL DEL CUSCO 7
//! Me`, `… j pa`, `… ; a`; `AÑO` read as `ANO`): a line whose pattern does not recur is
//! counted with the lines of the same *skeleton* (its words of three letters or more,
//! accents dropped) when that recurs, and the family must give the same evidence.
//!
//! In text paginated by form feeds (`pdftotext`), the page boundaries are known: a pattern
//! that opens every page, or closes every page, is furniture by that place alone, however
//! few or uneven the pages (see `Furniture::add_page_anchored`).
//!
//! Two more shapes are found by lines that recur together rather than alone (see
//! `Furniture::add_stacked` and `Furniture::add_recurring_blocks`): a line too long for a
//! running head that stands with the heads on every page (a letterhead's motto), and a
//! block of small print set wider than the text that recurs line for line, at whatever
//! distances (a certification notice under the pages of a signed PDF).
//!
//! Nothing here knows what a header says: only the repetition and the place count.

use std::collections::HashMap;

use super::mend::FastHash;
use super::style::ends_terminal;

/// Fewest occurrences of a pattern to call it furniture: two pages that happen to start
/// alike are not enough, three in step are.
pub(crate) const MIN_REPEATS: usize = 3;

/// Longest pattern (in characters, spaces collapsed) looked at: running headers and footers
/// are short (an RFC header `rfc # http/# may #` is 19); running text lines are longer.
/// Counted in characters, not bytes, so that a Greek or Chinese head is measured as a
/// Latin one is.
const MAX_PATTERN_LEN: usize = 60;

/// Fewest non-blank lines of a block of small print that recurs as a whole (see
/// `Furniture::add_recurring_blocks`): two lines alike can be a clause of a law quoted
/// twice over a line break, three in a row and three times over are set by the page.
const BLOCK_MIN_LINES: usize = 3;

/// Most non-blank lines of such a block: a notice under a page, not a page of text.
const BLOCK_MAX_LINES: usize = 12;

/// How much wider than the median line of a text a line of small print is: a footer set
/// in smaller type runs 30 % or more past the text's measure (110 characters against 80);
/// a line of the text itself rarely exceeds it.
const WIDE_SHARE: f64 = 1.3;

/// A page counter's line: (line number, its number, the number of pages).
type Counter = (usize, u64, u64);

/// Most words beside its two numbers in a page counter (`Página 2 de 5`, `Page 4 of 12`).
const COUNTER_MAX_WORDS: usize = 2;

/// Shortest page, in lines: a pattern recurring more often than this is part of the text
/// (a table column, a refrain), not of the page.
const MIN_PAGE_LINES: usize = 8;

/// Shortest page, in lines, on which a sentence running on in lower case after a recurring
/// line counts as cut by the page: a page of running text holds a few dozen lines.
const MIN_CUT_PAGE_LINES: usize = 20;

/// Longest page, in lines: a single-spaced page has about 60 lines, a double-spaced PDF
/// extraction about twice that with its footnotes; a pattern recurring at longer
/// distances is a recurring title or a repeated document, not page furniture.
const MAX_PAGE_LINES: usize = 200;

/// How far a distance between occurrences may stray from a multiple of the page length:
/// pages carry more or fewer lines (headings, footnotes, tables), rarely 30 % more.
const PAGE_TOLERANCE: f64 = 0.3;

/// Share of distances that must be regular.
const REGULAR_SHARE: f64 = 0.7;

/// At least one occurrence in this many must interrupt a sentence.
const INTERRUPT_EVERY: usize = 5;

/// Most non-blank lines between a form feed and the furniture it brings: a page number, a
/// document symbol and a running head under a page's last footnote, or a head, a
/// subtitle and a date over its first line.
const PAGE_EDGE_LINES: usize = 4;

/// Largest multiple of the page length still counted as regular: a header missing on one
/// or two pages (a chapter opening, a full-page table) leaves a gap of two or three pages.
const MAX_PAGE_MULTIPLE: usize = 3;

type FastMap<K, V> = HashMap<K, V, FastHash>;

/// A recurring pattern taken as page furniture.
#[derive(Debug, Clone, PartialEq)]
pub struct FurniturePattern {
    /// The pattern: lower case, digits as `#`, spaces collapsed.
    pub pattern: String,
    /// How many lines it removed.
    pub count: usize,
    /// The typical distance in lines between two occurrences.
    pub period: usize,
}

/// The furniture lines of one document.
#[derive(Debug, Default)]
pub(crate) struct Furniture {
    /// (line number, index into `patterns`), sorted by line.
    lines: Vec<(usize, usize)>,
    pub patterns: Vec<FurniturePattern>,
    cursor: usize,
}

/// The pattern of a trimmed line, if it is short enough to be furniture: written into
/// `out`, which is cleared first. ASCII is handled byte by byte (the common case, and this
/// runs on every line); other characters are lower-cased as chars.
fn pattern_into(t: &str, out: &mut String) -> bool {
    out.clear();
    let bytes = t.as_bytes();
    // Cheap first test (a tight loop over bytes): a line with more visible non-digit
    // characters than a pattern may hold is running text (a UTF-8 continuation byte is
    // no character of its own).
    if bytes.len() > MAX_PATTERN_LEN {
        let mut visible = 0;
        for &b in bytes {
            visible +=
                usize::from(!b.is_ascii_whitespace() && !b.is_ascii_digit() && b & 0xC0 != 0x80);
            if visible > MAX_PATTERN_LEN {
                return false;
            }
        }
    }
    let mut digits = false;
    let mut space = false;
    let mut alnum = false;
    // Bytes of `out` beyond one per character: `out.len() - wide` is its length in
    // characters.
    let mut wide = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            if !digits {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push('#');
            }
            digits = true;
            alnum = true;
            i += 1;
            continue;
        }
        digits = false;
        if b < 0x80 {
            i += 1;
            if b.is_ascii_whitespace() {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            alnum |= b.is_ascii_alphabetic();
            out.push(char::from(b.to_ascii_lowercase()));
        } else {
            let Some(c) = t[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            if c.is_whitespace() {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            alnum |= c.is_alphanumeric();
            let start = out.len();
            out.extend(c.to_lowercase());
            wide += out.len() - start - out[start..].chars().count();
        }
        if out.len() - wide > MAX_PATTERN_LEN {
            return false;
        }
    }
    if alnum && !out.contains('#') {
        roman_to_hash(out);
    }
    alnum && !out.is_empty() && !is_prose(out)
}

/// Writes a roman page number (`[Page iii]`, `- xii -`) as `#`, like a number in digits:
/// front matter is numbered in roman figures and its pages carry the same running foot.
/// Only in a pattern without digits, and only a word of at least two letters that is a
/// well-formed numeral once brackets and dashes are trimmed (`I`, `a`, … stay words).
fn roman_to_hash(out: &mut String) {
    let is_roman = |w: &str| {
        let core = w.trim_matches(|c: char| c.is_ascii_punctuation());
        core.len() >= 2 && core.len() <= 8 && super::start::roman_value(core).is_some()
    };
    if !out.split(' ').any(is_roman) {
        return;
    }
    let words: Vec<String> = out
        .split(' ')
        .map(|w| {
            if is_roman(w) {
                let core = w.trim_matches(|c: char| c.is_ascii_punctuation());
                w.replacen(core, "#", 1)
            } else {
                w.to_string()
            }
        })
        .collect();
    *out = words.join(" ");
}

/// Fewest marks of one kind on each side of a page mark (`=== PAGE 3 ===`).
const MARK_MIN_RUN: usize = 3;

/// Most marks a title's markup puts on each side of it (Markdown's closing `#`s,
/// AsciiDoc's and MediaWiki's `=` runs, six levels at most): a run of `=` or `#` that
/// short may frame a section title, so it must show a page's regular spacing as well.
const TITLE_MARK_MAX_RUN: usize = 6;

/// Most words (the number included) inside a page mark's frame (`PAGE 3`, `Seite 3`,
/// `3`).
const MARK_MAX_WORDS: usize = 3;

/// The page-mark label of a trimmed line: the text between two runs of one framing
/// character (`=`, `-`, `*`, `_`, `~`, `#`, `+`), at least [`MARK_MIN_RUN`] long each,
/// holding one number and at most [`MARK_MAX_WORDS`] words; with the number and the
/// shorter run's length.
fn page_mark(t: &str) -> Option<(String, u64, usize)> {
    let c = t.chars().next().filter(|c| "=-*_~#+".contains(*c))?;
    let inner = t.trim_start_matches(c);
    let left = t.len() - inner.len();
    let label = inner.trim_end_matches(c);
    let right = inner.len() - label.len();
    let label = label.trim();
    let words: Vec<&str> = label.split_whitespace().collect();
    if left.min(right) < MARK_MIN_RUN || words.is_empty() || words.len() > MARK_MAX_WORDS {
        return None;
    }
    let mut numbers = words
        .iter()
        .filter(|w| w.bytes().all(|b| b.is_ascii_digit()));
    let number = numbers.next()?.parse().ok()?;
    if numbers.next().is_some() || words.iter().any(|w| w.contains(c)) {
        return None;
    }
    let pattern = words
        .iter()
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii_digit()) {
                "#".to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some((
        format!("{c}{c}{c} {pattern} {c}{c}{c}"),
        number,
        left.min(right),
    ))
}

/// The lines that mark page breaks in text converted page by page (`=== PAGE 10 ===`,
/// `----- 3 -----` written by a conversion script before each page): lines of one page-mark
/// pattern (see [`page_mark`]), at least [`MIN_ANCHORED_PAGES`] of them, whose numbers
/// run on by one from each to the next, as pages do and as nothing else framed that way
/// does. A frame of `=` or `#` no longer than a title's markup ([`TITLE_MARK_MAX_RUN`])
/// must also recur at regular, page-long distances. They are page breaks (as form feeds
/// are) and furniture, never text.
fn page_marks(text: &str) -> Vec<usize> {
    let mut groups: FastMap<String, Vec<(usize, u64, usize)>> = FastMap::default();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.len() < 2 * MARK_MIN_RUN || t.len() > MAX_PATTERN_LEN * 4 {
            continue;
        }
        if let Some((pattern, number, run)) = page_mark(t) {
            groups
                .entry(pattern)
                .or_default()
                .push((i + 1, number, run));
        }
    }
    let mut marks: Vec<usize> = groups
        .into_iter()
        .filter(|(pattern, found)| {
            let lines: Vec<usize> = found.iter().map(|&(l, _, _)| l).collect();
            let title_like = pattern.starts_with(['=', '#'])
                && found.iter().any(|&(_, _, run)| run <= TITLE_MARK_MAX_RUN);
            found.len() >= MIN_ANCHORED_PAGES
                && found.windows(2).all(|w| w[1].1 == w[0].1 + 1)
                && (!title_like || (found.len() >= MIN_REPEATS && regular_period(&lines).is_some()))
        })
        .flat_map(|(_, found)| found.into_iter().map(|(l, _, _)| l))
        .collect();
    marks.sort_unstable();
    marks
}

/// Fewest pages of a form-feed paginated text that must open (or close) with the same
/// pattern for it to be page furniture by its place alone: every page, and at least two.
const MIN_ANCHORED_PAGES: usize = 2;

/// Least share of the pages whose first (or last) line is their page number alone for
/// those numbers to be furniture when the other pages open (close) otherwise: four in
/// five, so that a few numbers of a list or a table that happen to end a page are not
/// enough.
const PAGE_NUMBER_SHARE: f64 = 0.8;

/// Fewest spaces that set two parts of a line apart as columns (`RFC 2045   Internet
/// Message Bodies   November 1996`): more than a sentence's double space after a full stop.
const COLUMN_GAP: usize = 3;

/// True when the trimmed line `t` is laid out in columns: two parts set apart by
/// [`COLUMN_GAP`] spaces or more.
fn in_columns(t: &str) -> bool {
    let mut run = 0;
    t.bytes().any(|b| {
        run = if b == b' ' { run + 1 } else { 0 };
        run >= COLUMN_GAP
    })
}

/// Fewest words of a line that ends a sentence for it to be read as prose.
const PROSE_MIN_WORDS: usize = 4;

/// True for a pattern that reads as a sentence of running text: [`PROSE_MIN_WORDS`] words
/// or more, no number, and a sentence end. Running headers and footers are titles, symbols,
/// names and page numbers, which do not end sentences; a body line that happens to recur
/// (a repeated clause of a law, a line of a form) must never be dropped as furniture.
fn is_prose(pattern: &str) -> bool {
    !pattern.contains('#')
        && pattern.ends_with(['.', '!', '?', ';'])
        && pattern.split(' ').count() >= PROSE_MIN_WORDS
}

fn hash(s: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = FastHash::default().build_hasher();
    h.write(s.as_bytes());
    h.finish()
}

/// Shortest word kept in a skeleton: OCR reads specks beside a running head as one- and
/// two-letter words (`7 Me`, `j pa`) that change from page to page.
const SKELETON_MIN_WORD: usize = 3;

/// Fewest letters of a skeleton: a shorter line says too little to be told from another
/// that merely looks like it.
const SKELETON_MIN_LETTERS: usize = 12;

/// The skeleton of a trimmed line, written into `out` (cleared first): its words of
/// [`SKELETON_MIN_WORD`] letters or more, lower case, accents dropped, each followed by a
/// space (so no skeleton is ever a pattern's text, which never ends in one).
/// Lines whose patterns differ only by a scanner's noise (a speck read as a letter, an
/// accent lost: `AÑO`, `ANO`) share it. False when too little is left (two words and
/// [`SKELETON_MIN_LETTERS`] letters at least).
fn skeleton_into(t: &str, out: &mut String) -> bool {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    out.clear();
    let (mut words, mut letters, mut word_start, mut word_letters) = (0, 0, 0, 0);
    let mut end_word = |out: &mut String, word_start: &mut usize, word_letters: &mut usize| {
        if *word_letters >= SKELETON_MIN_WORD {
            words += 1;
            letters += *word_letters;
            out.push(' ');
        } else {
            out.truncate(*word_start);
        }
        *word_start = out.len();
        *word_letters = 0;
    };
    let mut letter =
        |c: char, out: &mut String, word_start: &mut usize, word_letters: &mut usize| {
            if c.is_alphabetic() {
                out.extend(c.to_lowercase());
                *word_letters += 1;
            } else if !is_combining_mark(c) {
                end_word(out, word_start, word_letters);
            }
        };
    for c in t.chars() {
        if c.is_ascii() {
            letter(c, out, &mut word_start, &mut word_letters);
        } else {
            // Decomposed one character at a time: most lines are ASCII and need none.
            decompose_canonical(c, |d| letter(d, out, &mut word_start, &mut word_letters));
        }
    }
    end_word(out, &mut word_start, &mut word_letters);
    words >= 2 && letters >= SKELETON_MIN_LETTERS
}

/// One occurrence of a recurring pattern.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    line: usize,
    /// Where the line stands: its indentation and the column where it ends (running
    /// heads are set flush left or flush right, a title is centred).
    left: usize,
    right: usize,
    /// The text line before it (recurring lines skipped) does not end a sentence.
    /// Stands inside a sentence, in columns, or next to a form feed.
    evidence: bool,
    /// How many non-blank lines stand before it.
    rank: usize,
}

/// The occurrences of a furniture pattern without those set off both margins (a centred
/// title that reads like the running head `Internet Protocol`, which is set flush left
/// on one page and flush right on the next), when [`MIN_REPEATS`] or more remain at a
/// margin.
fn placed_alike(occ: Vec<Occurrence>) -> Vec<Occurrence> {
    let (Some(left), Some(right)) = (
        occ.iter().map(|o| o.left).min(),
        occ.iter().map(|o| o.right).max(),
    ) else {
        return occ;
    };
    let at_margin = |o: &Occurrence| o.left <= left + 1 || o.right + 1 >= right;
    let kept: Vec<Occurrence> = occ.iter().copied().filter(|o| at_margin(o)).collect();
    if kept.len() == occ.len() || kept.len() < MIN_REPEATS {
        occ
    } else {
        kept
    }
}

/// Most words of a line that may stand with the running heads (a section name).
const COMPANION_MAX_WORDS: usize = 4;

/// A pattern that reads as a section name: a few words, no digits, no sentence end.
fn is_companion_title(pattern: &str) -> bool {
    !pattern.contains('#')
        && pattern.split(' ').count() <= COMPANION_MAX_WORDS
        && !ends_terminal(pattern)
        && !pattern.ends_with(',')
}

/// The numbers printed in `text`, each run of ASCII digits (saturating past `u64`).
fn numbers(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut current: Option<u64> = None;
    for b in text.bytes() {
        if b.is_ascii_digit() {
            let d = u64::from(b - b'0');
            current = Some(current.unwrap_or(0).saturating_mul(10).saturating_add(d));
        } else if let Some(n) = current.take() {
            out.push(n);
        }
    }
    out.extend(current);
    out
}

/// Whether the numbers of the occurrences `printed` (line, text) of a pattern recurring
/// every `period` lines keep step with the pages: at each place, the number either stays
/// as it was or rises by no more than [`MAX_PAGE_MULTIPLE`] for each page between two
/// occurrences, at [`REGULAR_SHARE`] of the steps or more. Occurrences that print
/// different counts of numbers (a scanner's noise) say nothing either way.
fn numbers_keep_step<'a>(printed: impl Iterator<Item = (usize, &'a str)>, period: usize) -> bool {
    let printed: Vec<(usize, Vec<u64>)> = printed.map(|(l, t)| (l, numbers(t))).collect();
    let Some((_, first)) = printed.first() else {
        return true;
    };
    if first.is_empty() || printed.iter().any(|(_, n)| n.len() != first.len()) {
        return true;
    }
    (0..first.len()).all(|g| {
        if printed.iter().all(|(_, n)| n[g] == first[g]) {
            return true;
        }
        let steps = printed.len() - 1;
        let in_step = printed
            .windows(2)
            .filter(|w| {
                let pages = ((w[1].0 - w[0].0) as f64 / period.max(1) as f64)
                    .round()
                    .max(1.0);
                let (a, b) = (w[0].1[g], w[1].1[g]);
                b >= a && (b - a) as f64 <= MAX_PAGE_MULTIPLE as f64 * pages
            })
            .count();
        in_step as f64 >= REGULAR_SHARE * steps as f64
    })
}

/// True when the distances between `lines` are regular; returns the period.
fn regular_period(lines: &[usize]) -> Option<usize> {
    let mut gaps: Vec<usize> = lines.windows(2).map(|w| w[1] - w[0]).collect();
    if gaps.is_empty() {
        return None;
    }
    gaps.sort_unstable();
    let median = gaps[gaps.len() / 2];
    if !(MIN_PAGE_LINES..=MAX_PAGE_LINES).contains(&median) {
        return None;
    }
    let m = median as f64;
    let regular = gaps
        .iter()
        .filter(|&&g| {
            (1..=MAX_PAGE_MULTIPLE).any(|k| (g as f64 - k as f64 * m).abs() <= PAGE_TOLERANCE * m)
        })
        .count();
    (regular as f64 >= REGULAR_SHARE * gaps.len() as f64).then_some(median)
}

/// A non-blank line as the passes over lines see it.
struct Row<'a> {
    /// Its trimmed text.
    text: &'a str,
    /// Its number (from 1).
    line: u32,
}

impl Row<'_> {
    /// A sentence, a numbered paragraph or an item: text however it recurs. A rule (a
    /// title's underline) is not furniture here either: the rule pass removes it.
    fn is_text(&self) -> bool {
        let t = self.text;
        (!t.bytes().any(|b| b.is_ascii_digit()) && is_prose(&t.to_lowercase()))
            || super::start::parse(t, true).is_some()
            || super::frame::is_rule(t)
    }

    /// Whether it may be furniture at all: a line longer than any running head or footer
    /// is not.
    fn is_printable_furniture(&self) -> bool {
        self.text.len() <= MAX_PATTERN_LEN * 4
    }
}

/// Which lines have the same text: a hash per line (`u64::MAX` for a line that cannot be
/// furniture) and how often each occurs.
struct Texts {
    keys: Vec<u64>,
    counts: FastMap<u64, u32>,
}

/// The non-blank lines of a text. The hashes of all lines are computed when a pass first
/// needs them: most texts never do.
struct Lines<'a> {
    rows: Vec<Row<'a>>,
    texts: std::cell::OnceCell<Texts>,
}

impl Lines<'_> {
    fn of(text: &str) -> Lines<'_> {
        let rows = text
            .lines()
            .enumerate()
            .filter_map(|(i, line)| {
                let t = line.trim();
                (!t.is_empty()).then(|| Row {
                    text: t,
                    line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                })
            })
            .collect();
        Lines {
            rows,
            texts: std::cell::OnceCell::new(),
        }
    }

    /// The row of line `no`, if it is not blank.
    fn row(&self, no: usize) -> Option<usize> {
        self.rows
            .binary_search_by_key(&no, |r| r.line as usize)
            .ok()
    }

    /// The hashes of the lines' texts and their counts, computed on first use.
    fn texts(&self) -> &Texts {
        self.texts.get_or_init(|| {
            let mut counts: FastMap<u64, u32> = FastMap::default();
            let keys = self
                .rows
                .iter()
                .map(|r| {
                    if !r.is_printable_furniture() {
                        return u64::MAX;
                    }
                    let key = hash(r.text);
                    *counts.entry(key).or_insert(0) += 1;
                    key
                })
                .collect();
            Texts { keys, counts }
        })
    }

    /// The hash of row `k`'s text.
    fn key(&self, k: usize) -> u64 {
        self.texts().keys[k]
    }

    /// How often the text of row `k` occurs.
    fn count(&self, k: usize) -> u32 {
        let texts = self.texts();
        texts.counts.get(&texts.keys[k]).copied().unwrap_or(0)
    }
}

impl Furniture {
    /// Finds the furniture of `text` (see the module docs).
    pub fn find(text: &str) -> Furniture {
        let marks = page_marks(text);
        let lines = Lines::of(text);
        let mut furniture = Furniture::find_repeated(text, &lines, &marks);
        furniture.add_page_marks(&marks);
        furniture.add_page_anchored(text);
        furniture.add_page_counters(text);
        furniture.add_stacked(&lines);
        furniture.add_recurring_blocks(&lines);
        furniture.release_first_apart();
        furniture
    }

    /// The furniture found by repetition at regular distances.
    fn find_repeated(text: &str, lines: &Lines, marks: &[usize]) -> Furniture {
        // Pass 1: the pattern and skeleton of every short line, and how often each occurs.
        let mut counts: FastMap<u64, u32> = FastMap::default();
        let mut skeletons: FastMap<u64, u32> = FastMap::default();
        let mut short: Vec<(usize, u64, Option<u64>)> = Vec::new();
        let mut buf = String::new();
        let mut skeleton = String::new();
        for row in &lines.rows {
            let t = row.text;
            if !row.is_printable_furniture() || !pattern_into(t, &mut buf) {
                continue;
            }
            let h = hash(&buf);
            *counts.entry(h).or_insert(0) += 1;
            let s = skeleton_into(t, &mut skeleton).then(|| hash(&skeleton));
            if let Some(s) = s {
                *skeletons.entry(s).or_insert(0) += 1;
            }
            short.push((row.line as usize, h, s));
        }
        // Each line's key: its pattern when that recurs, else its skeleton when that does
        // (the same running head read by OCR with its noise: `… CUSCO 7 Me`, `… CUSCO j pa`).
        let recurs = |n: Option<&u32>| n.is_some_and(|&n| n as usize >= MIN_REPEATS);
        let keyed: Vec<(usize, u64)> = short
            .iter()
            .filter_map(|&(line, h, s)| {
                if recurs(counts.get(&h)) {
                    Some((line, h))
                } else {
                    s.filter(|s| recurs(skeletons.get(s))).map(|s| (line, s))
                }
            })
            .collect();
        drop(skeletons);
        // Patterns seen exactly twice, in no recurring family, may stand with the
        // furniture (see `add_companions`): their lines and text, kept apart.
        let mut pairs: FastMap<u64, Vec<usize>> = FastMap::default();
        let mut k = keyed.iter().peekable();
        for &(line, h, _) in &short {
            let in_family = k.next_if(|&&(l, _)| l == line).is_some();
            if !in_family && counts.get(&h) == Some(&2) {
                pairs.entry(h).or_default().push(line);
            }
        }
        drop(short);
        drop(counts);
        if keyed.is_empty() {
            return Furniture::default();
        }
        // Where the recurring ones are; keep those in step with the pages.
        let mut found: FastMap<u64, Vec<usize>> = FastMap::default();
        for &(line, key) in &keyed {
            found.entry(key).or_default().push(line);
        }
        let mut regular: FastMap<u64, (Vec<Occurrence>, usize)> = found
            .into_iter()
            .filter_map(|(h, lines)| {
                let period = regular_period(&lines)?;
                let occ = lines
                    .into_iter()
                    .map(|line| Occurrence {
                        line,
                        left: 0,
                        right: 0,
                        evidence: false,
                        rank: 0,
                    })
                    .collect();
                Some((h, (occ, period)))
            })
            .collect();
        if regular.is_empty() {
            return Furniture::default();
        }
        // Pass 2 (only when some pattern is regular): which occurrences stand inside a
        // sentence (the other regular lines skipped: a footer, a form feed and a header
        // may stand together), and the text of each pattern. A numbered paragraph or
        // heading is text whatever its repetition.
        let mut prev_terminal = true;
        // A form feed on the line before (a header after a page break), or pending for the
        // occurrence before it (a footer before a page break).
        let mut after_form_feed = false;
        let mut last_occ: Option<(u64, usize)> = None;
        // The occurrences since the last text line (a page number and a symbol together).
        let mut since_text: Vec<(u64, usize)> = Vec::new();
        let mut next_occ: FastMap<u64, usize> = FastMap::default();
        let mut texts: FastMap<u64, String> = FastMap::default();
        let mut names: FastMap<u64, String> = FastMap::default();
        let mut numbered: Vec<u64> = Vec::new();
        // The page breaks, each as the number of non-blank lines before it.
        let mut breaks: Vec<usize> = vec![0];
        let mut rank = 0;
        let mut marks = marks.iter().peekable();
        let mut keys = keyed.iter().peekable();
        let mut pair_lines: Vec<usize> = pairs.values().flatten().copied().collect();
        pair_lines.sort_unstable();
        let mut pair_lines = pair_lines.iter().peekable();
        for (i, line) in text.lines().enumerate() {
            // A page mark is a page break, as a form feed is, and no text.
            let mark = marks.next_if_eq(&&(i + 1)).is_some();
            if mark || line.contains('\u{c}') {
                breaks.push(rank);
                after_form_feed = true;
                if let Some((h, k)) = last_occ.take()
                    && let Some(o) = regular.get_mut(&h).and_then(|(occ, _)| occ.get_mut(k))
                {
                    o.evidence = true;
                }
            }
            let t = line.trim();
            if t.is_empty() || mark {
                continue;
            }
            rank += 1;
            // Only the lines pass 1 kept need their pattern again.
            while keys.next_if(|&&(l, _)| l <= i).is_some() {}
            while pair_lines.next_if(|&&l| l <= i).is_some() {}
            let key = keys.next_if(|&&(l, _)| l == i + 1).map(|&(_, key)| key);
            let paired = pair_lines.next_if(|&&l| l == i + 1).is_some();
            if (key.is_some() || paired) && pattern_into(t, &mut buf) {
                if let Some(h) = key
                    && let Some((occ, _)) = regular.get_mut(&h)
                {
                    if super::start::parse(t, false).is_some() {
                        numbered.push(h);
                    }
                    let k = next_occ.entry(h).or_insert(0);
                    if let Some(o) = occ.get_mut(*k) {
                        o.evidence = !prev_terminal || after_form_feed || in_columns(t);
                        let body = line.trim_end();
                        o.left = body.chars().count() - body.trim_start().chars().count();
                        o.right = body.chars().count();
                        o.rank = rank;
                    }
                    last_occ = Some((h, *k));
                    since_text.push((h, *k));
                    *k += 1;
                    after_form_feed = false;
                    texts.entry(h).or_insert_with(|| buf.clone());
                    continue;
                }
                if paired {
                    names.entry(hash(&buf)).or_insert_with(|| buf.clone());
                }
            }
            // A sentence that goes on in lower case after them (`… the national imple-`,
            // footnotes, `1`, `A/HRC/52/18`, `mentation of …`) was cut by them: the text
            // before may be a footnote that ends its own sentence.
            // Only at a page's length: a record repeated every few lines (an addressee's
            // `Alcalde/sa` / `de la Municipalidad` / `Provincial` / `de Chumbivilcas,` in a
            // list of them) also runs on in lower case.
            if t.chars().next().is_some_and(char::is_lowercase) {
                for &(h, k) in &since_text {
                    if let Some((occ, period)) = regular.get_mut(&h)
                        && *period >= MIN_CUT_PAGE_LINES
                        && let Some(o) = occ.get_mut(k)
                    {
                        o.evidence = true;
                    }
                }
            }
            since_text.clear();
            prev_terminal = ends_terminal(t);
            after_form_feed = false;
            last_occ = None;
        }
        for h in numbered {
            regular.remove(&h);
        }
        // A line underlined wherever it stands (`Tier 1` over `------`) is a title that
        // recurs, however regularly: running heads are not underlined.
        let underlined = |no: usize| {
            let (Some(k), Some(next)) = (lines.row(no), lines.row(no + 1)) else {
                return false;
            };
            super::titles::is_underline(lines.rows[next].text, lines.rows[k].text.chars().count())
        };
        regular.retain(|_, (occ, _)| !occ.iter().all(|o| underlined(o.line)));
        // A number in a running head or foot stands still (a document symbol, a year) or
        // counts the pages; a number that jumps faster than the pages turn numbers
        // something else (`Article 21`, `Article 40`, `Article 75`, ten lines apart).
        regular.retain(|_, (occ, period)| {
            let printed = occ.iter().filter_map(|o| {
                let k = lines.row(o.line)?;
                Some((o.line, lines.rows[k].text))
            });
            numbers_keep_step(printed, *period)
        });
        // Where form feeds mark the pages, furniture stands at a page's head or foot: a
        // line that recurs in the middle of pages (a field of a registry's entries, a line
        // of repeated examples) is text, however regular.
        breaks.push(rank);
        // `breaks` holds 0, each form feed and the last rank: one page between two, the
        // page around rank r from the break before it to the one at or after it.
        let pages = breaks.len() - 1;
        if pages >= MIN_REPEATS {
            let near_break = |o: &Occurrence| {
                let i = breaks.partition_point(|&b| b < o.rank);
                let after = o.rank.saturating_sub(breaks[i.saturating_sub(1)]);
                let before = breaks.get(i).map_or(usize::MAX, |&b| b + 1 - o.rank);
                after.min(before) <= PAGE_EDGE_LINES
            };
            regular.retain(|_, (occ, _)| {
                occ.retain(near_break);
                occ.len() >= MIN_REPEATS
            });
        }
        let mut patterns: Vec<(String, Vec<Occurrence>, usize)> = regular
            .into_iter()
            .filter(|(_, (occ, _))| {
                let evidence = occ.iter().filter(|o| o.evidence).count();
                evidence > 0 && evidence * INTERRUPT_EVERY >= occ.len()
            })
            .map(|(h, (occ, period))| {
                (
                    texts.remove(&h).unwrap_or_default(),
                    placed_alike(occ),
                    period,
                )
            })
            .collect();
        // Deterministic order: by first occurrence.
        patterns.sort_by_key(|(_, occ, _)| occ[0].line);
        let mut lines = Vec::new();
        let mut out = Vec::new();
        for (i, (pattern, occ, period)) in patterns.into_iter().enumerate() {
            lines.extend(occ.iter().map(|o| (o.line, i)));
            out.push(FurniturePattern {
                pattern,
                count: occ.len(),
                period,
            });
        }
        lines.sort_unstable();
        let mut furniture = Furniture {
            lines,
            patterns: out,
            cursor: 0,
        };
        furniture.add_companions(text, &pairs, &names);
        furniture
    }

    /// Lines that recur with the running heads (a section name printed under the
    /// document title, `Introduction` on every page of that section): a title-like
    /// pattern seen exactly twice, a page apart, each time directly under (or over) the
    /// same furniture pattern with only a blank line on its other side. Too rare to count
    /// as furniture on their own, they stand where only furniture stands; a line of
    /// running text next to a head has text on its other side.
    fn add_companions(
        &mut self,
        text: &str,
        candidates: &FastMap<u64, Vec<usize>>,
        names: &FastMap<u64, String>,
    ) {
        let Some(period) = self.patterns.iter().map(|p| p.period).min() else {
            return;
        };
        let furniture_at = |no: usize| {
            self.lines
                .binary_search_by_key(&no, |&(l, _)| l)
                .ok()
                .map(|i| self.lines[i].1)
        };
        // Candidates next to furniture, and the lines beside them whose blankness counts.
        let mut near: Vec<(u64, &Vec<usize>)> = candidates
            .iter()
            .filter(|(h, lines)| {
                lines.len() == 2
                    && names.get(*h).is_some_and(|n| is_companion_title(n))
                    && lines.iter().all(|&l| {
                        furniture_at(l).is_none()
                            && (furniture_at(l - 1).is_some() || furniture_at(l + 1).is_some())
                    })
                    && {
                        let g = (lines[1] - lines[0]) as f64;
                        let m = period as f64;
                        (1..=MAX_PAGE_MULTIPLE)
                            .any(|k| (g - k as f64 * m).abs() <= PAGE_TOLERANCE * m)
                    }
            })
            .map(|(h, lines)| (*h, lines))
            .collect();
        if near.is_empty() {
            return;
        }
        near.sort_by_key(|(_, lines)| lines[0]);
        let mut wanted: Vec<usize> = near
            .iter()
            .flat_map(|(_, lines)| lines.iter().flat_map(|&l| [l - 1, l + 1]))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut blank = vec![false; wanted.len()];
        for (i, line) in text.lines().enumerate() {
            if let Ok(k) = wanted.binary_search(&(i + 1)) {
                blank[k] = line.trim().is_empty();
            }
        }
        let is_blank = |no: usize| wanted.binary_search(&no).is_ok_and(|k| blank[k]);
        // The same furniture on the same side every time, a blank on the other.
        let side = |l: usize| match (furniture_at(l - 1), furniture_at(l + 1)) {
            (Some(p), _) if is_blank(l + 1) => Some((p, true)),
            (_, Some(p)) if is_blank(l - 1) => Some((p, false)),
            _ => None,
        };
        let added: Vec<(u64, Vec<usize>)> = near
            .into_iter()
            .filter(|(_, lines)| {
                let first = side(lines[0]);
                first.is_some() && lines.iter().all(|&l| side(l) == first)
            })
            .map(|(h, lines)| (h, lines.clone()))
            .collect();
        if added.is_empty() {
            return;
        }
        for (h, lines) in added {
            let i = self.patterns.len();
            self.lines.extend(lines.iter().map(|&l| (l, i)));
            self.patterns.push(FurniturePattern {
                pattern: names.get(&h).cloned().unwrap_or_default(),
                count: lines.len(),
                period,
            });
        }
        self.lines.sort_unstable();
    }

    /// Lines stacked with the running heads: when the nearest non-blank line below (or
    /// above) every occurrence of a furniture pattern, at most [`PAGE_EDGE_LINES`] lines
    /// away, is the same line each time (by its skeleton, so that a scanner's noise does
    /// not split it), set apart by a blank line from what lies beyond it (as the heads are
    /// from the text), and that line stands nowhere else, it belongs to the same head,
    /// however long (a letterhead's motto under the names, `“AÑO DE LA RECUPERACIÓN Y
    /// CONSOLIDACIÓN DE LA ECONOMÍA PERUANA”`, too long to be taken for a head of its
    /// own). Repeated until the stacks stop growing. A sentence, a numbered paragraph or an
    /// item stays text.
    fn add_stacked(&mut self, lines: &Lines) {
        let rows = &lines.rows;
        let mut skeleton = String::new();
        let mut skeleton_of = |t: &str| skeleton_into(t, &mut skeleton).then(|| hash(&skeleton));
        let mut from = 0;
        while from < self.patterns.len() {
            let to = self.patterns.len();
            for p in from..to {
                if self.patterns[p].count < MIN_REPEATS {
                    continue;
                }
                let occ: Vec<usize> = self
                    .lines
                    .iter()
                    .filter(|&&(_, q)| q == p)
                    .map(|&(l, _)| l)
                    .collect();
                for below in [true, false] {
                    let stacked: Option<Vec<usize>> = occ
                        .iter()
                        .map(|&no| {
                            let k = lines.row(no)?;
                            let k = if below { k + 1 } else { k.checked_sub(1)? };
                            let r = rows.get(k)?;
                            // A blank line (or the end) parts it from what lies beyond.
                            let beyond = if below {
                                rows.get(k + 1)
                            } else {
                                k.checked_sub(1).map(|j| &rows[j])
                            };
                            let apart = beyond.is_none_or(|b| b.line.abs_diff(r.line) > 1);
                            (r.is_printable_furniture()
                                && apart
                                && (r.line as usize).abs_diff(no) <= PAGE_EDGE_LINES
                                && !self.is_furniture(r.line as usize))
                            .then_some(k)
                        })
                        .collect();
                    let Some(mut stacked) = stacked else {
                        continue;
                    };
                    stacked.sort_unstable();
                    stacked.dedup();
                    // The same line each time (by skeleton), and nowhere else (by text).
                    let mut texts: Vec<(u64, u32)> = stacked
                        .iter()
                        .map(|&k| (lines.key(k), lines.count(k)))
                        .collect();
                    texts.sort_unstable();
                    texts.dedup();
                    let elsewhere =
                        texts.iter().map(|&(_, n)| n as usize).sum::<usize>() != stacked.len();
                    if stacked.len() < MIN_REPEATS || elsewhere {
                        continue;
                    }
                    let alike = texts.len() == 1 || {
                        let first = skeleton_of(rows[stacked[0]].text);
                        first.is_some()
                            && stacked[1..]
                                .iter()
                                .all(|&k| skeleton_of(rows[k].text) == first)
                    };
                    if !alike || rows[stacked[0]].is_text() {
                        continue;
                    }
                    let i = self.patterns.len();
                    self.patterns.push(FurniturePattern {
                        pattern: rows[stacked[0]]
                            .text
                            .chars()
                            .take(MAX_PATTERN_LEN)
                            .collect(),
                        count: stacked.len(),
                        period: self.patterns[p].period,
                    });
                    self.lines
                        .extend(stacked.iter().map(|&k| (rows[k].line as usize, i)));
                    self.lines.sort_unstable();
                }
            }
            from = to;
        }
    }

    /// Small print that recurs as a block: a run of at least [`BLOCK_MIN_LINES`] non-blank
    /// lines found again line for line at least [`MIN_REPEATS`] times, each time at least
    /// [`MIN_PAGE_LINES`] after the last, each time at most [`BLOCK_MAX_LINES`] lines and
    /// set wider than the text (a line longer than [`WIDE_SHARE`] times the median line):
    /// a certification notice in small
    /// type under the pages of a signed PDF. Set by the page, not by the text, such a block
    /// need not recur at regular distances. Every line of a block stands nowhere else in
    /// the text (a line that recurs elsewhere too is the text's). The page evidence is that
    /// of single lines ([`INTERRUPT_EVERY`]); a block with a line that reads as a sentence
    /// ([`is_prose`]) or starts a numbered paragraph or an item is text (a clause of a law
    /// repeated in several sections, set at the text's width anyway). Each block is then
    /// grown by the lines that stand beside at least two of its occurrences alike and
    /// nowhere else (the first line of a notice whose first copy the scanner garbled).
    fn add_recurring_blocks(&mut self, lines: &Lines) {
        let rows = &lines.rows;
        if rows.len() < BLOCK_MIN_LINES * MIN_REPEATS {
            return;
        }
        // Every occurrence holds a wide line, so some wide line recurs: most texts have
        // none, and need no more work.
        // Each line's width, counted once; the median is the text's measure.
        let widths: Vec<usize> = rows.iter().map(|r| r.text.chars().count()).collect();
        let measure = {
            let mut sorted = widths.clone();
            let mid = sorted.len() / 2;
            *sorted.select_nth_unstable(mid).1 as f64
        };
        let wide = |k: usize| widths[k] as f64 > WIDE_SHARE * measure;
        let mut wide_texts: FastMap<u64, u32> = FastMap::default();
        for (k, r) in rows.iter().enumerate() {
            if r.is_printable_furniture() && wide(k) {
                *wide_texts.entry(hash(r.text)).or_insert(0) += 1;
            }
        }
        if wide_texts.values().all(|&n| (n as usize) < MIN_REPEATS) {
            return;
        }
        let texts = lines.texts();
        let recurs = |k: usize| {
            texts.keys[k] != u64::MAX && texts.counts[&texts.keys[k]] as usize >= MIN_REPEATS
        };
        // Runs of BLOCK_MIN_LINES rows whose lines all recur, by their texts.
        let mut windows: FastMap<u64, Vec<usize>> = FastMap::default();
        for k in 0..=rows.len() - BLOCK_MIN_LINES {
            if (k..k + BLOCK_MIN_LINES).all(recurs) {
                let key = texts.keys[k..k + BLOCK_MIN_LINES]
                    .iter()
                    .fold(0u64, |h, &key| h.rotate_left(17) ^ key);
                windows.entry(key).or_default().push(k);
            }
        }
        let mut covered = vec![false; rows.len()];
        let mut any = false;
        for starts in windows.values() {
            if starts.len() < MIN_REPEATS {
                continue;
            }
            let apart = starts
                .windows(2)
                .all(|p| rows[p[1]].line >= rows[p[0]].line + MIN_PAGE_LINES as u32);
            let block = &rows[starts[0]..starts[0] + BLOCK_MIN_LINES];
            let only_there = (starts[0]..starts[0] + BLOCK_MIN_LINES)
                .all(|k| lines.count(k) as usize == starts.len());
            if apart && only_there && !block.iter().any(Row::is_text) {
                for &k in starts {
                    covered[k..k + BLOCK_MIN_LINES].fill(true);
                }
                any = true;
            }
        }
        if !any {
            return;
        }
        // The occurrences: runs of covered rows, as [first, last] row indices.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for k in (0..rows.len()).filter(|&k| covered[k]) {
            match runs.last_mut() {
                Some((_, last)) if *last + 1 == k => *last = k,
                _ => runs.push((k, k)),
            }
        }
        // Grown row by row, up and down, by lines standing alike beside two runs.
        loop {
            let mut grew = false;
            for up in [true, false] {
                let beside = |&(first, last): &(usize, usize)| {
                    if up {
                        first.checked_sub(1)
                    } else {
                        Some(last + 1).filter(|&k| k < rows.len())
                    }
                    .filter(|&k| !covered[k] && texts.keys[k] != u64::MAX)
                };
                let mut keys: FastMap<u64, u32> = FastMap::default();
                for k in runs.iter().filter_map(beside) {
                    *keys.entry(texts.keys[k]).or_insert(0) += 1;
                }
                // Alike beside two runs at least, and nowhere else.
                keys.retain(|key, n| *n >= 2 && texts.counts[key] == *n);
                let grown: Vec<(usize, usize)> = runs
                    .iter()
                    .enumerate()
                    .filter_map(|(j, run)| Some((j, beside(run)?)))
                    .filter(|&(_, k)| keys.contains_key(&texts.keys[k]) && !rows[k].is_text())
                    .collect();
                for (j, k) in grown {
                    covered[k] = true;
                    if up {
                        runs[j].0 = k;
                    } else {
                        runs[j].1 = k;
                    }
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
        // Set by the page: every run holds a line wider than the text's, and is no longer
        // than small print (a longer run is a passage of the text given again).
        if !runs
            .iter()
            .all(|&(first, last)| last - first < BLOCK_MAX_LINES && (first..=last).any(wide))
        {
            return;
        }
        // Page evidence: the text line before a run (furniture aside) does not end a
        // sentence.
        let evidence = runs
            .iter()
            .filter(|&&(first, _)| {
                rows[..first]
                    .iter()
                    .rev()
                    .find(|r| !self.is_furniture(r.line as usize))
                    .is_some_and(|r| !ends_terminal(r.text))
            })
            .count();
        if evidence == 0 || evidence * INTERRUPT_EVERY < runs.len() {
            return;
        }
        let new_rows: Vec<usize> = runs
            .iter()
            .flat_map(|&(first, last)| first..=last)
            .filter(|&k| !self.is_furniture(rows[k].line as usize))
            .collect();
        let Some(&first) = new_rows.first() else {
            return;
        };
        let mut gaps: Vec<usize> = runs
            .windows(2)
            .map(|w| (rows[w[1].0].line - rows[w[0].0].line) as usize)
            .collect();
        gaps.sort_unstable();
        let i = self.patterns.len();
        // Named by its first line, cut as short as a running head's pattern.
        let name: String = rows[first].text.chars().take(MAX_PATTERN_LEN).collect();
        self.patterns.push(FurniturePattern {
            pattern: format!("{name} …"),
            count: new_rows.len(),
            period: gaps.get(gaps.len() / 2).copied().unwrap_or(0),
        });
        self.lines
            .extend(new_rows.into_iter().map(|k| (rows[k].line as usize, i)));
        self.lines.sort_unstable();
    }

    /// The page marks (see [`page_marks`]) as furniture of their own pattern.
    fn add_page_marks(&mut self, marks: &[usize]) {
        let marks: Vec<usize> = marks
            .iter()
            .copied()
            .filter(|&no| !self.is_furniture(no))
            .collect();
        if marks.is_empty() {
            return;
        }
        let period = marks.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
        let i = self.patterns.len();
        self.lines.extend(marks.iter().map(|&no| (no, i)));
        self.lines.sort_unstable();
        self.patterns.push(FurniturePattern {
            pattern: "page mark".to_string(),
            count: marks.len(),
            period,
        });
    }

    /// In text paginated by form feeds (`pdftotext`), the pattern that opens every page
    /// and the one that closes every page (a running header, a page number), on at least
    /// [`MIN_ANCHORED_PAGES`] pages: the form feeds say where pages start, so a short
    /// document whose pages vary in length, or has too few of them for
    /// [`MIN_REPEATS`], still shows its furniture by its place. A numbered line or a
    /// sentence is text wherever it stands.
    fn add_page_anchored(&mut self, text: &str) {
        if !text.contains('\u{c}') {
            return;
        }
        // The first and last non-blank line of each page: (line number, trimmed text).
        let mut tops: Vec<(usize, &str)> = Vec::new();
        let mut bottoms: Vec<(usize, &str)> = Vec::new();
        let mut last: Option<(usize, &str)> = None;
        let mut fresh = true;
        let mut lines = 0;
        for (i, line) in text.lines().enumerate() {
            lines = i + 1;
            if line.contains('\u{c}') {
                bottoms.extend(last.take());
                fresh = true;
            }
            let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
            if t.is_empty() {
                continue;
            }
            if fresh {
                tops.push((i + 1, t));
                fresh = false;
            }
            last = Some((i + 1, t));
        }
        bottoms.extend(last);
        let period = lines / tops.len().max(1);
        let mut buf = String::new();
        for ends in [tops, bottoms] {
            if ends.len() < MIN_ANCHORED_PAGES {
                continue;
            }
            let mut pattern = None;
            let alike = ends.iter().all(|&(_, t)| {
                if !pattern_into(t, &mut buf)
                    || is_prose(&buf)
                    || super::start::parse(t, false).is_some()
                {
                    return false;
                }
                pattern.get_or_insert_with(|| buf.clone()) == &buf
            });
            let taken = ends.iter().any(|&(no, _)| self.is_furniture(no));
            let Some(pattern) = pattern.filter(|_| alike && !taken) else {
                self.add_page_numbers(&ends, period);
                continue;
            };
            let i = self.patterns.len();
            self.lines.extend(ends.iter().map(|&(no, _)| (no, i)));
            self.lines.sort_unstable();
            self.patterns.push(FurniturePattern {
                pattern,
                count: ends.len(),
                period,
            });
        }
    }

    /// Running heads stand together at the page edge (a letterhead of three lines, the
    /// document's number under it, the page counter over it). When every occurrence of a
    /// pattern but its first stands within [`PAGE_EDGE_LINES`] of another pattern's line,
    /// and the first stands apart from all of them, below the first page's heads (not at
    /// the top of the text, where an excerpt's first running head stands alone), that
    /// first one is the line the heads
    /// repeat: the document's own title on its first page (a decree's number under the
    /// letterhead's date and place, repeated as the running head of the next pages). It
    /// is given back to the text.
    fn release_first_apart(&mut self) {
        if self.patterns.len() < 2 {
            return;
        }
        let lines = &self.lines;
        let near_other = |no: usize, p: usize| {
            let from = lines.partition_point(|&(l, _)| l + PAGE_EDGE_LINES < no);
            lines[from..]
                .iter()
                .take_while(|&&(l, _)| l <= no + PAGE_EDGE_LINES)
                .any(|&(_, q)| q != p)
        };
        let mut first: Vec<Option<usize>> = vec![None; self.patterns.len()];
        let mut rest_near = vec![true; self.patterns.len()];
        for &(no, p) in lines {
            if first[p].is_none() {
                first[p] = Some(no);
            } else {
                rest_near[p] &= near_other(no, p);
            }
        }
        let released: Vec<(usize, usize)> = (0..self.patterns.len())
            .filter_map(|p| {
                let no = first[p]?;
                let below_other = lines.iter().any(|&(l, q)| l < no && q != p);
                (self.patterns[p].count >= MIN_REPEATS
                    && rest_near[p]
                    && below_other
                    && !near_other(no, p))
                .then_some((no, p))
            })
            .collect();
        for &(no, p) in &released {
            self.lines.retain(|&(l, _)| l != no);
            self.patterns[p].count -= 1;
        }
    }

    /// Page counters (`1/3`, `2/3`, `3/3`; `Página 2 de 5`; `Page 4 of 12`): short lines of
    /// one pattern holding two numbers, the first running on by one from each line to the
    /// next, the second the same on every line and never below the first. That count is
    /// the evidence, wherever the lines stand: the last page of a document is often short,
    /// so the distances between counters need not be regular. At least
    /// [`MIN_ANCHORED_PAGES`] lines, and at most [`COUNTER_MAX_WORDS`] words beside the
    /// numbers (a sentence that cites `1/3` and `2/3` is not a counter).
    fn add_page_counters(&mut self, text: &str) {
        let mut groups: FastMap<u64, (String, Vec<Counter>)> = FastMap::default();
        let mut buf = String::new();
        for (i, line) in text.lines().enumerate() {
            let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
            // Two numbers or none: most lines of text have no digit, and need no pattern.
            if t.is_empty()
                || t.len() > MAX_PATTERN_LEN
                || !t.bytes().any(|b| b.is_ascii_digit())
                || !pattern_into(t, &mut buf)
            {
                continue;
            }
            let words = buf
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .count();
            if buf.matches('#').count() != 2 || words > COUNTER_MAX_WORDS {
                continue;
            }
            let mut numbers = t
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse::<u64>().unwrap_or(u64::MAX));
            let (Some(n), Some(of)) = (numbers.next(), numbers.next()) else {
                continue;
            };
            groups
                .entry(hash(&buf))
                .or_insert_with(|| (buf.clone(), Vec::new()))
                .1
                .push((i + 1, n, of));
        }
        let mut found: Vec<(String, Vec<Counter>)> = groups
            .into_values()
            .filter(|(_, lines)| {
                lines.len() >= MIN_ANCHORED_PAGES
                    && lines.windows(2).all(|w| w[1].1 == w[0].1.saturating_add(1))
                    && lines.iter().all(|&(_, n, of)| of == lines[0].2 && n <= of)
            })
            .collect();
        found.sort_by_key(|(_, lines)| lines[0].0);
        for (pattern, lines) in found {
            if lines.iter().any(|&(no, _, _)| self.is_furniture(no)) {
                continue;
            }
            let first = lines[0].0;
            let last = lines[lines.len() - 1].0;
            let i = self.patterns.len();
            self.lines.extend(lines.iter().map(|&(no, _, _)| (no, i)));
            self.lines.sort_unstable();
            self.patterns.push(FurniturePattern {
                pattern,
                count: lines.len(),
                period: (last - first) / (lines.len() - 1),
            });
        }
    }

    /// When not every page opens (or closes) alike: the page numbers alone on the line that
    /// opens (closes) their page, if they are most of those lines
    /// ([`PAGE_NUMBER_SHARE`]) and rise from page to page. `pdftotext` writes a page
    /// number into the last line of text when the two share a baseline (`… seiner
    /// vertrag2`), so a few pages lack one of its own; the others still are furniture.
    fn add_page_numbers(&mut self, ends: &[(usize, &str)], period: usize) {
        let is_number = |t: &str| t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit());
        let numbers: Vec<(usize, u32)> = ends
            .iter()
            .filter(|&&(_, t)| is_number(t))
            .filter_map(|&(no, t)| Some((no, t.parse().ok()?)))
            .collect();
        // The first page (a title page, unnumbered) and the last (an excerpt's cut, or a
        // short last page) may lack the number every other page carries.
        let edges = [ends.first(), ends.last()]
            .into_iter()
            .flatten()
            .filter(|&&(_, t)| !is_number(t))
            .count()
            .min(ends.len().saturating_sub(1));
        let pages = ends.len() - edges;
        let rising = numbers.windows(2).all(|w| w[0].1 < w[1].1);
        let taken = numbers.iter().any(|&(no, _)| self.is_furniture(no));
        if numbers.len() < MIN_ANCHORED_PAGES
            || (numbers.len() as f64) < pages as f64 * PAGE_NUMBER_SHARE
            || !rising
            || taken
        {
            return;
        }
        let i = self.patterns.len();
        self.lines.extend(numbers.iter().map(|&(no, _)| (no, i)));
        self.lines.sort_unstable();
        self.patterns.push(FurniturePattern {
            pattern: "#".to_string(),
            count: numbers.len(),
            period,
        });
    }

    /// True when line `no` is already taken as furniture.
    fn is_furniture(&self, no: usize) -> bool {
        self.lines.binary_search_by_key(&no, |&(l, _)| l).is_ok()
    }

    /// Every furniture line: (line number, pattern index), sorted.
    pub fn lines(&self) -> &[(usize, usize)] {
        &self.lines
    }

    /// Starts a new walk over the lines (each walk asks for lines in increasing order).
    pub fn rewind(&mut self) {
        self.cursor = 0;
    }

    /// The pattern that makes line `no` furniture, if any; `no` must not decrease
    /// between calls of one walk.
    pub fn at(&mut self, no: usize) -> Option<usize> {
        while self.lines.get(self.cursor).is_some_and(|&(l, _)| l < no) {
            self.cursor += 1;
        }
        match self.lines.get(self.cursor) {
            Some(&(l, p)) if l == no => Some(p),
            _ => None,
        }
    }

    /// True when the pattern is a page number alone (`#`, `- # -`), or after one word,
    /// in whatever language the document prints it (`page #`, `seite #`, `página #`):
    /// the repetition, not the word, made it furniture.
    pub fn is_number(&self, pattern: usize) -> bool {
        self.patterns.get(pattern).is_some_and(|p| {
            p.pattern
                .trim_start_matches(char::is_alphabetic)
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '#')
                == "#"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_marks_are_page_breaks_and_recurring_section_titles_stay_text() {
        // `ruu-cipta-kerja-final-id` (dev): a conversion script wrote `=== PAGE n ===`
        // before each page; the section titles `Paragraf 6`, `Paragraf 1`, `Paragraf 2`
        // recur at page-like distances after lines that end no sentence (titles), but
        // two of them stand in the middle of a page, where no furniture stands.
        let text = include_str!("../../tests/corpus/segment/ruu-cipta-kerja-final-id/doc.txt");
        let found = Furniture::find(text);
        let lines: Vec<usize> = found.lines().iter().map(|&(l, _)| l).collect();
        assert_eq!(lines, [1, 52, 103]);
        assert_eq!(page_marks(text), [1, 52, 103]);
        // A counter that does not run on by one, or a title's short frame without a
        // page's regular spacing, is no page mark.
        assert!(page_marks("=== PAGE 1 ===\ntext\n=== PAGE 3 ===\n").is_empty());
        assert!(page_marks("== Step 1 ==\ntext\n== Step 2 ==\n").is_empty());
        assert!(page_marks("=== Step 1 ===\ntext\n=== Step 2 ===\n").is_empty());
        assert_eq!(page_marks("--- 1 ---\ntext\n--- 2 ---\n"), [1, 3]);
    }

    #[test]
    fn page_numbers_on_every_page_but_the_title_page() {
        // `regeringen-dir-2016-15-sv` (dev): pdftotext pages whose first line is the page
        // number, on every page but the first, the directive's title page.
        let text = "Kommittédirektiv\nDataskyddsförordningen                 Dir.\n\n\
            Sammanfattning\nInom kort förväntas EU besluta om en förordning.\n\
            \u{c}2\n\nDen nuvarande och den nya regleringen\n\
            Den allmänna regleringen om behandling av personuppgifter\n\
            \u{c}                                             3\n\n\
            datalagen (2009:287) och polisdatalagen (2010:361). Men det\n\
            \u{c}4\n\npublicering i Europeiska unionens officiella tidning. Det\n";
        let found = Furniture::find(text);
        let lines: Vec<usize> = found.lines().iter().map(|&(l, _)| l).collect();
        assert_eq!(lines, [6, 10, 13]);
    }

    #[test]
    fn a_title_repeated_as_running_head_stays_text_on_its_first_page() {
        // `legalize-pe-lam-dr-4-2022` (dev): the decree's number stands under the date on
        // page 1, and under the letterhead of every later page.
        let mut text = String::new();
        for page in 1..=3 {
            text.push_str("GOBIERNO REGIONAL LAMBAYEQUE\nUNIDAD EJECUTORA 001 SEDE CENTRAL\n\n");
            if page == 1 {
                for i in 0..10 {
                    text.push_str(&format!(
                        "Fecha y hora de proceso {i} y otros datos de la firma\n"
                    ));
                }
            }
            text.push_str("DECRETO REGIONAL N° 000004-2022-GR.LAMB/GR [4139442 - 9]\n");
            for i in 0..40 {
                text.push_str(&format!(
                    "Que, la línea {page}{i} del considerando sigue aquí y no\n"
                ));
            }
            text.push('\n');
        }
        let f = Furniture::find(&text);
        let taken: Vec<usize> = f.lines().iter().map(|&(l, _)| l).collect();
        // Letterhead lines on all three pages; the number on pages 2 and 3 only.
        assert_eq!(taken.len(), 8, "{taken:?} {:?}", f.patterns);
        assert!(!taken.contains(&14), "{taken:?}");
    }

    #[test]
    fn page_counters_are_furniture_however_uneven_the_pages() {
        // `legalize-pe-lam-dr-4-2022` (dev): `1/3` … `3/3` at the page feet, the last
        // page short, so the distances (55, 36) are not regular.
        let mut text = String::new();
        for (page, lines) in [(1, 50), (2, 54), (3, 35)] {
            for i in 0..lines {
                text.push_str(&format!(
                    "Que, la línea {i} del considerando sigue aquí y no termina\n"
                ));
            }
            text.push_str(&format!("\n{page}/3\n\n"));
        }
        let f = Furniture::find(&text);
        assert_eq!(f.lines().len(), 3, "{:?}", f.patterns);
        assert_eq!(f.patterns[0].pattern, "#/#");
        // Not a counter: the first numbers do not run on by one, or exceed the second.
        for not in ["1/3\n\n3/3\n\n2/3\n", "1/2\n\n2/2\n\n3/2\n"] {
            let f = Furniture::find(not);
            assert!(f.lines().is_empty(), "{not:?}: {:?}", f.patterns);
        }
    }

    fn pattern(t: &str) -> Option<String> {
        let mut s = String::new();
        pattern_into(t, &mut s).then_some(s)
    }

    #[test]
    fn patterns() {
        assert_eq!(pattern("GE.17-12345  3").as_deref(), Some("ge.#-# #"));
        assert_eq!(
            pattern("RFC 7540        HTTP/2       May 2015").as_deref(),
            Some("rfc # http/# may #")
        );
        assert_eq!(pattern("- 12 -").as_deref(), Some("- # -"));
        assert_eq!(pattern("* * *"), None);
    }

    /// A document of `pages` pages of `lines` lines each, every page ending mid-sentence
    /// on odd pages, with `header(page)` on top of each.
    fn paged(pages: usize, lines: usize, header: impl Fn(usize) -> String) -> String {
        let mut s = String::new();
        for p in 1..=pages {
            s.push_str(&header(p));
            s.push('\n');
            for l in 0..lines {
                let end = if l + 1 == lines && p % 2 == 0 {
                    "."
                } else {
                    ""
                };
                let words = [
                    "the",
                    "members",
                    "of",
                    "committee",
                    "met",
                    "and",
                    "discussed",
                ];
                s.push_str(&format!(
                    "{} text of the page that goes on{end}\n",
                    words[(l + p) % words.len()]
                ));
            }
        }
        s
    }

    #[test]
    fn running_headers_and_page_numbers_recur() {
        let text = paged(6, 20, |p| format!("A/HRC/36/52   page {p}"));
        let mut f = Furniture::find(&text);
        assert_eq!(f.patterns.len(), 1);
        assert_eq!(f.patterns[0].pattern, "a/hrc/#/# page #");
        assert_eq!(f.patterns[0].count, 6);
        assert_eq!(f.at(1), Some(0));
        assert_eq!(f.at(2), None);
        assert_eq!(f.at(22), Some(0));
    }

    #[test]
    fn a_foot_of_notes_does_not_hide_the_sentence_cut_by_the_page() {
        // Each page ends with a footnote (which ends its own sentence), then the page number
        // and the document symbol; the paragraph cut by the page goes on in lower case
        // (the shape of a UN report extracted from PDF, where the notes used to hide it).
        let notes = [
            "See the report of the meeting.",
            "Ibid.",
            "Official Records of the General Assembly.",
            "As amended in 2019.",
            "Adopted without a vote.",
            "Available from the secretariat.",
        ];
        let mut s = String::new();
        for (p, note) in (1..=6).zip(notes) {
            for l in 0..24 {
                s.push_str(&format!(
                    "Delegates discussed item {l} of the agenda at length\n"
                ));
            }
            s.push_str(&format!("\n{p} {note}\n\n"));
            s.push_str(&format!("                    {p}\n"));
            s.push_str("A/HRC/52/18\n\n");
            s.push_str("and the debate went on.\n");
        }
        let f = Furniture::find(&s);
        let mut found: Vec<&str> = f.patterns.iter().map(|p| p.pattern.as_str()).collect();
        found.sort_unstable();
        assert_eq!(found, ["#", "a/hrc/#/#"]);
        // The same lines over a sentence that ended before the notes stay unproven.
        let ended = s.replace("and the debate went on.", "The debate went on.");
        assert!(Furniture::find(&ended).patterns.is_empty());
    }

    #[test]
    fn recurring_titles_after_sentences_are_not_furniture() {
        let mut s = String::new();
        for a in 1..=6 {
            s.push_str(&format!("Article {a}\n"));
            for l in 0..20 {
                s.push_str(&format!("A sentence {l} that ends.\n"));
            }
        }
        assert!(Furniture::find(&s).patterns.is_empty());
    }

    #[test]
    fn irregular_recurrence_is_not_furniture() {
        let mut s = String::new();
        for (a, n) in [3, 40, 9, 70, 12].iter().enumerate() {
            s.push_str(&format!("Note {a}\n"));
            for l in 0..*n {
                s.push_str(&format!("words {l} and\n"));
            }
        }
        assert!(Furniture::find(&s).patterns.is_empty());
    }

    /// A body line that recurs on every page (a repeated clause) is text: found by the
    /// reader of PDF layout, where the same lines stood on three generated pages and were
    /// dropped as furniture.
    /// The letterhead of a regional council's agreement as OCR read it on its three pages
    /// (legalize-pe `pe-cus/A-R-0245-2025.md`): specks read as letters beside the head,
    /// accents lost on later pages. No two pages give the same pattern; their skeletons
    /// agree.
    #[test]
    fn a_running_head_read_with_ocr_noise_is_furniture_on_every_page() {
        let heads = [
            "GOBIERNO REGIONAL DEL CUSCO 7 Me",
            "GOBIERNO REGIONAL DEL CUSCO j pa",
            "GOBIERNO REGIONAL DEL CUSCO ; a",
        ];
        let text = paged(3, 20, |p| heads[p - 1].to_string());
        let mut f = Furniture::find(&text);
        assert_eq!(f.patterns.len(), 1);
        assert_eq!(f.patterns[0].count, 3);
        assert_eq!([f.at(1), f.at(22), f.at(43)], [Some(0); 3]);

        // The running head of the Greek Government Gazette: 88 bytes, 46 characters. A
        // head is measured in characters, as a Latin one is.
        let gazette = "ΕΦΗΜΕΡΙΣ ΤΗΣ ΚΥΒΕΡΝΗΣΕΩΣ ΤΗΣ ΕΛΛΗΝΙΚΗΣ ΔΗΜΟΚΡΑΤΙΑΣ";
        assert!(gazette.len() > MAX_PATTERN_LEN);
        assert_eq!(
            pattern(gazette).as_deref(),
            Some("εφημερισ τησ κυβερνησεωσ τησ ελληνικησ δημοκρατιασ")
        );

        let mut skeleton = String::new();
        assert!(skeleton_into(heads[0], &mut skeleton));
        assert_eq!(skeleton, "gobierno regional del cusco ");
        // Accents dropped: `AÑO` and its OCR reading `ANO` agree.
        assert!(skeleton_into("“AÑO DE LA RECUPERACIÓN”", &mut skeleton));
        assert_eq!(skeleton, "ano recuperacion ");
        // Too little left to tell one line from another.
        assert!(!skeleton_into("Page 7 of 12", &mut skeleton));
        assert!(!skeleton_into("A/HRC/36/52", &mut skeleton));
    }

    /// Two heads that differ by a word are two patterns, not one: on alternate pages,
    /// neither recurs often enough.
    #[test]
    fn heads_that_differ_by_a_word_are_not_one_family() {
        let heads = ["GOBIERNO REGIONAL DEL CUSCO", "CONSEJO REGIONAL DEL CUSCO"];
        let text = paged(4, 20, |p| heads[p % 2].to_string());
        assert!(Furniture::find(&text).patterns.is_empty());
    }

    #[test]
    fn a_recurring_sentence_is_not_furniture() {
        let text = paged(6, 20, |_| "to a second line that ends it.".to_string());
        assert!(Furniture::find(&text).patterns.is_empty());
        assert!(is_prose("to a second line that ends it."));
        assert!(!is_prose("page # of #."));
        assert!(!is_prose("human rights council"));
    }

    /// Running heads and foots of paginated plain text (an RFC copied without its form
    /// feeds) fall between paragraphs as often as inside them; their columns give them away.
    #[test]
    fn heads_in_columns_are_furniture_between_paragraphs_too() {
        let mut text = String::new();
        for p in 1..=5 {
            text.push_str("RFC 4648        Base-N Encodings        October 2006\n\n");
            for l in 0..20 {
                text.push_str(&format!("Sentence {l} of the page ends here.\n"));
            }
            text.push_str(&format!(
                "\nJosefsson        Standards Track        [Page {p}]\n\n"
            ));
        }
        let f = Furniture::find(&text);
        let found: Vec<&str> = f.patterns.iter().map(|p| p.pattern.as_str()).collect();
        assert_eq!(
            found,
            [
                "rfc # base-n encodings october #",
                "josefsson standards track [page #]"
            ]
        );
        // A title recurring between paragraphs in one column is still text.
        assert!(!in_columns("Article 3"));
    }

    /// An RFC of 1981 as rfc-editor.org renders it: no form feeds, the running head set
    /// flush left on one page and flush right on the next, a section name under it, roman
    /// page numbers on the front matter, and a centred title that reads like the head.
    fn alternating_pages() -> String {
        let mut text = String::from("                           INTERNET PROTOCOL\n\n");
        for p in 1..=4 {
            for l in 0..40 {
                text.push_str(&format!("  line {l} of the running text goes on and\n"));
            }
            let number = if p == 1 {
                "iii".to_string()
            } else {
                p.to_string()
            };
            if p % 2 == 1 {
                let foot = format!("[Page {number}]");
                text.push_str(&format!("\n{foot:>72}\n\n"));
                text.push_str("                                                          September 1981\nInternet Protocol\n");
            } else {
                text.push_str(&format!("\n[Page {number}]\n\nSeptember 1981\n                                                       Internet Protocol\n"));
            }
            if p >= 2 {
                text.push_str("Introduction\n");
            }
            text.push('\n');
        }
        text
    }

    #[test]
    fn alternating_heads_roman_page_numbers_and_section_names() {
        let text = alternating_pages();
        let f = Furniture::find(&text);
        let found: Vec<(&str, usize)> = f
            .patterns
            .iter()
            .map(|p| (p.pattern.as_str(), p.count))
            .collect();
        assert_eq!(
            found,
            [
                ("[page #]", 4),
                ("september #", 4),
                ("internet protocol", 4),
                ("introduction", 3),
            ]
        );
        // The centred title on line 1 is text, though its words are the running head's.
        assert!(f.lines().iter().all(|&(l, _)| l != 1));
        assert_eq!(pattern("[Page iii]").as_deref(), Some("[page #]"));
        assert_eq!(pattern("Chapter I").as_deref(), Some("chapter i"));
    }

    /// A section name seen twice, each time under the running head with a blank line
    /// after it, is furniture; a text line under the head with text after it is not.
    #[test]
    fn a_line_standing_with_the_heads_twice_is_furniture() {
        let mut text = String::new();
        for p in 1..=4 {
            text.push_str("Internet Protocol        September 1981\n");
            match p {
                2 | 3 => text.push_str("Introduction\n\n"),
                4 => text.push_str("Overview\nThe text goes on right under the head\n"),
                _ => text.push('\n'),
            }
            for l in 0..30 {
                text.push_str(&format!("line {l} of the running text goes on and\n"));
            }
        }
        text.push_str("Overview\n");
        let f = Furniture::find(&text);
        let found: Vec<&str> = f.patterns.iter().map(|p| p.pattern.as_str()).collect();
        assert_eq!(found, ["internet protocol september #", "introduction"]);
    }

    /// A body of `pages` runs of `lines[p]` lines of about 70 characters, none ending a
    /// sentence, with `block` after each run.
    fn with_blocks(lines: &[usize], block: &[&str]) -> String {
        let mut text = String::new();
        for (p, &n) in lines.iter().enumerate() {
            for l in 0..n {
                text.push_str(&format!(
                    "line {l} of page {p} where the members of the committee went on to\n"
                ));
            }
            for b in block {
                text.push_str(b);
                text.push('\n');
            }
        }
        text.push_str("The end.\n");
        text
    }

    const NOTICE: [&str; 3] = [
        "This is an authentic printable copy of an electronic document filed by the Regional Government,",
        "under Art. 25 of Supreme Decree 070-2013-PCM and the Third Final Complementary Provision of the",
        "Decree. Its authenticity may be checked at the following address: https://example.org/verify",
    ];

    #[test]
    fn small_print_recurring_as_a_block_is_furniture_however_uneven_the_pages() {
        let text = with_blocks(&[20, 35, 12], &NOTICE);
        let f = Furniture::find(&text);
        let mut found: Vec<usize> = f.lines().iter().map(|&(l, _)| l).collect();
        found.sort_unstable();
        assert_eq!(found, [21, 22, 23, 59, 60, 61, 74, 75, 76]);
        assert_eq!(f.patterns.len(), 1);
        assert_eq!(f.patterns[0].count, 9);

        // The same block at the text's own width is text (a clause quoted in three
        // sections), and so is a wide block that recurs only twice.
        let narrow: Vec<String> = NOTICE
            .iter()
            .map(|l| l.chars().take(70).collect())
            .collect();
        let narrow: Vec<&str> = narrow.iter().map(String::as_str).collect();
        assert!(
            Furniture::find(&with_blocks(&[20, 35, 12], &narrow))
                .lines()
                .is_empty()
        );
        assert!(
            Furniture::find(&with_blocks(&[20, 35], &NOTICE))
                .lines()
                .is_empty()
        );
        // So is a passage of wide lines given three times over: longer than small print.
        let passage: Vec<String> = (0..=BLOCK_MAX_LINES)
            .map(|i| format!("{} (part {i})", NOTICE[i % 3]))
            .collect();
        let passage: Vec<&str> = passage.iter().map(String::as_str).collect();
        assert!(
            Furniture::find(&with_blocks(&[20, 35, 12], &passage))
                .lines()
                .is_empty()
        );
        // A block that opens a numbered paragraph is text whatever its width.
        let numbered = [&format!("(2) {}", NOTICE[0])[..], NOTICE[1], NOTICE[2]];
        let f = Furniture::find(&with_blocks(&[20, 35, 12], &numbered));
        let found: Vec<usize> = f.lines().iter().map(|&(l, _)| l).collect();
        assert!(!found.contains(&21), "{found:?}");
    }

    #[test]
    fn a_title_underlined_wherever_it_recurs_is_text() {
        // Sections of one shape (`Tier 1`, `Tier 2`, `Tier 3`), each title underlined,
        // at regular distances and after sentences that do not end: titles, not heads.
        let text = paged(3, 20, |p| format!("\nTier {p}\n------"));
        assert!(Furniture::find(&text).patterns.is_empty());
        // The same lines not underlined are running heads.
        let text = paged(3, 20, |p| format!("\nTier {p}"));
        assert_eq!(Furniture::find(&text).patterns.len(), 1);
    }

    #[test]
    fn a_long_line_stacked_under_the_running_heads_is_furniture() {
        let motto = [
            "“AÑO DE LA RECUPERACIÓN Y CONSOLIDACIÓN DE LA ECONOMÍA PERUANA”",
            "“ANO DE LA RECUPERACION Y CONSOLIDACION DE LA ECONOMIA PERUANA”",
            "“ANO DE LA RECUPERACION Y CONSOLIDACION DE LA ECONOMIA PERUANA”",
        ];
        assert!(motto[0].chars().count() > MAX_PATTERN_LEN);
        let text = paged(3, 20, |p| {
            format!("REGIONAL COUNCIL OF CUSCO\n\n{}\n", motto[p - 1])
        });
        let mut f = Furniture::find(&text);
        let found: Vec<&str> = f.patterns.iter().map(|p| p.pattern.as_str()).collect();
        let name: String = motto[0].chars().take(MAX_PATTERN_LEN).collect();
        assert_eq!(found, ["regional council of cusco", name.as_str()]);
        assert_eq!([f.at(3), f.at(27), f.at(51)], [Some(1); 3]);
        // Run on into the text (no blank line beyond it), it is the text's first line.
        let text = paged(3, 20, |p| {
            format!("REGIONAL COUNCIL OF CUSCO\n\n{}", motto[p - 1])
        });
        assert_eq!(Furniture::find(&text).patterns.len(), 1);

        // Under the heads, a different first line on each page is text.
        let first = [
            "The council met in May",
            "Members voted",
            "A new session opened",
        ];
        let text = paged(3, 20, |p| {
            format!("REGIONAL COUNCIL OF CUSCO\n\n{}\n", first[p - 1])
        });
        assert_eq!(Furniture::find(&text).patterns.len(), 1);
    }
}
