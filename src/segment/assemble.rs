//! The assembler: lines → units, with wrapped lines rejoined, broken words mended,
//! footnotes taken out and numbering checked for sequence.

use std::borrow::Cow;
use std::collections::HashMap;

use super::explain::{Explanation, FurnitureNote, RejectedNote};
use super::frame::{self, FrameMark};
use super::furniture::Furniture;
use super::layout::{FootnoteSpot, LineClass, PageReader};
use super::marker;
use super::mend::{self, MendBuilder, Mender};
use super::normalize::normalize;
use super::openers::{Openers, OpenersBuilder};
use super::sequence::{Chosen, Collector, Family, Pick, label_value};
use super::start::{self, Shape, Start};
use super::style::{Layout, Stats, ends_terminal, indent_of};
use crate::model::{Artifact, ArtifactKind, Unit, UnitId, UnitKind};

/// Bytes reserved for a unit's text when it opens (a typical paragraph), so growing it
/// line by line rarely reallocates; the slack is given back when the unit closes.
const TEXT_RESERVE: usize = 512;

/// Most lines a wrapped heading title spans.
const MAX_HEADING_LINES: usize = 3;

/// An unnumbered title line has at most this many words…
const TITLE_MAX_WORDS: usize = 12;
/// …and at most this many characters.
const TITLE_MAX_CHARS: usize = 100;

/// In PDF text, a line ending a sentence and shorter than this share of the typical line
/// length ends its paragraph (the last line of a paragraph is rarely full).
const SHORT_LINE_SHARE: f64 = 0.7;

/// How many page tops must carry the same line (digits aside) for it to be a running
/// header: three, so that two pages that happen to start alike are not enough.
const MIN_HEADER_REPEATS: usize = 3;

/// A running header tops at least one page in this many (one in two or one in four when
/// odd and even pages differ); a line that tops fewer pages is text that happens to repeat.
const HEADER_PAGE_SHARE: usize = 4;

/// Longest running header in bytes.
const MAX_HEADER_LEN: usize = 80;

/// For the first line of a page in PDF text, the key under which repeated page tops are
/// counted: lower case, digits as `#` (`A/HRC/43/58`, `GE.19-12345`, `Page 3` repeat).
fn header_key(
    pdf: bool,
    reader: &PageReader,
    no: usize,
    line: &str,
    class: LineClass<'_>,
) -> Option<String> {
    if !pdf || class != LineClass::Text || reader.page_start() != no || no == 1 {
        return None;
    }
    let t = line.trim();
    // Headers are short, and neither continue a sentence (lower-case start) nor start a
    // numbered unit.
    if t.len() > MAX_HEADER_LEN
        || t.starts_with(char::is_lowercase)
        || start::parse(t, false).is_some()
    {
        return None;
    }
    Some(
        t.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// The lines of a text with their numbers and the line after each.
fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str, Option<&str>)> {
    let mut it = text.lines().peekable();
    let mut no = 0;
    std::iter::from_fn(move || {
        let line = it.next()?;
        no += 1;
        Some((no, line, it.peek().copied()))
    })
}

/// What the whole-document passes found about single lines (box-art frames, page
/// furniture found by repetition), looked up in line order by both passes.
struct Marks {
    frames: Vec<(usize, FrameMark)>,
    frame_at: usize,
    furniture: Furniture,
    /// First lines of the blocks of notes set over a page's furniture (see [`foot_notes`]).
    notes: Vec<usize>,
    notes_at: usize,
}

/// Most lines of notes over one page's furniture.
const FOOT_NOTES_MAX_LINES: usize = 16;

/// The blocks of footnotes that stand, with no separator, between a page's text and its
/// furniture (as `pdftotext` leaves them): the first lines of such blocks, in order. A
/// block qualifies when it is set apart by a blank line, stands right over the furniture
/// (blank lines aside), starts with a note number, and the page's text above carries that
/// number as a marker (`children.1 The`, `reported2 that`).
fn foot_notes(text: &str, furniture: &Furniture) -> Vec<usize> {
    let runs: Vec<usize> = furniture.lines().iter().map(|&(l, _)| l).collect();
    if runs.is_empty() {
        return Vec::new();
    }
    let lines: Vec<&str> = text.lines().collect();
    let blank = |no: usize| lines.get(no - 1).is_none_or(|l| l.trim().is_empty());
    let mut out = Vec::new();
    let mut page_from = 1;
    for (k, &f) in runs.iter().enumerate() {
        // The first line of a run of furniture (a page number and a symbol together).
        let prev_furniture = k > 0 && (runs[k - 1] + 1..f).all(blank);
        if prev_furniture {
            page_from = f + 1;
            continue;
        }
        let mut end = f - 1;
        while end > page_from && blank(end) {
            end -= 1;
        }
        let mut start = end;
        while start > page_from && !blank(start - 1) && end - start < FOOT_NOTES_MAX_LINES {
            start -= 1;
        }
        if start > page_from && blank(start - 1) && !blank(start) {
            let first = lines[start - 1].trim();
            if let Some((_, label, _)) = super::layout::footnote_start(first)
                && (page_from..start - 1).any(|no| has_marker(lines[no - 1], label))
            {
                out.push(start);
            }
        }
        page_from = f + 1;
    }
    out
}

/// True when `line` carries `label` as a footnote marker: right after a letter or a
/// closing mark, and not followed by another digit.
fn has_marker(line: &str, label: &str) -> bool {
    line.match_indices(label).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + label.len()..].chars().next();
        before.is_some_and(|c| {
            c.is_alphabetic() || matches!(c, '.' | ',' | ';' | ':' | ')' | '”' | '’' | '"')
        }) && after.is_none_or(|c| !c.is_ascii_digit() && !c.is_alphanumeric())
    })
}

impl Marks {
    fn new(text: &str) -> Marks {
        // reStructuredText source is not printed pages: a comment line recurring in its
        // literal blocks (`# Correct:`) is text, however regularly it recurs.
        let furniture = if !text.contains('\u{c}') && super::markdown::is_restructured_text(text) {
            Furniture::default()
        } else {
            Furniture::find(text)
        };
        Marks {
            frames: frame::find(text),
            frame_at: 0,
            notes: foot_notes(text, &furniture),
            notes_at: 0,
            furniture,
        }
    }

    fn rewind(&mut self) {
        self.frame_at = 0;
        self.notes_at = 0;
        self.furniture.rewind();
    }

    /// Line `no` as the running text sees it (without its frame), and the class it has
    /// whatever the page reader says (a rule, furniture).
    fn view<'a>(&mut self, no: usize, line: &'a str) -> (&'a str, Option<LineClass<'a>>) {
        if let Some(p) = self.furniture.at(no) {
            return (line, Some(LineClass::Furniture(p)));
        }
        while self.frames.get(self.frame_at).is_some_and(|&(l, _)| l < no) {
            self.frame_at += 1;
        }
        match self.frames.get(self.frame_at) {
            Some(&(l, FrameMark::Rule)) if l == no => (line, Some(LineClass::Rule)),
            Some(&(l, FrameMark::Inner { start, end })) if l == no => {
                (line.get(start..end).unwrap_or(line), None)
            }
            _ => (line, None),
        }
    }

    /// Classifies line `no` with `reader`, the marks overriding it.
    fn classify<'a>(
        &mut self,
        reader: &mut PageReader,
        no: usize,
        line: &'a str,
        next: Option<&str>,
    ) -> (&'a str, LineClass<'a>) {
        let (line, over) = self.view(no, line);
        // Before the reader sees it: a page number in the footer (`4   GE.23-83999`) is
        // not the next note.
        if let Some(LineClass::Furniture(_)) = over {
            reader.turn_page(no);
        }
        if self.notes.get(self.notes_at) == Some(&no) {
            self.notes_at += 1;
            reader.open_notes(no);
        }
        let class = reader.classify(no, line, next);
        match over {
            Some(o) if !matches!(class, LineClass::Blank | LineClass::PageBreak) => (line, o),
            _ => (line, class),
        }
    }
}

/// Runs passes 2 and 3 (see the module docs of `segment`); `explain` also gathers the
/// explanation of what was decided.
pub(crate) fn assemble(
    text: &str,
    layout: Layout,
    stats: &Stats,
    explain: bool,
) -> (Vec<Unit>, Vec<Artifact>, Option<Explanation>) {
    let pdf = layout == Layout::Pdf;
    let mut marks = Marks::new(text);
    let furniture_numbers: Vec<bool> = (0..marks.furniture.patterns.len())
        .map(|p| marks.furniture.is_number(p))
        .collect();

    // Pass 2: page furniture and the vocabulary for broken words.
    let mut vocab = MendBuilder::default();
    for (h, t) in &stats.breaks {
        vocab.add_break(h, t);
    }
    vocab.prepare();
    let mut spots = Vec::new();
    let mut page_tops: HashMap<String, usize> = HashMap::new();
    let mut pages = 0usize;
    let mut reader = PageReader::new(pdf);
    let mut after_break = false;
    // Paginated text set flush left (`pdftotext`): a full printed line is measured by the
    // densest band of lengths, since lines that hold two printed lines (written so on
    // some pages) would lengthen the typical line and, with it, what counts as short.
    // A text prints pages when form feeds break them, or when running heads or page
    // numbers recur at page-regular distances (`furniture`): an extraction with no
    // page-break character at all, flush left as `pdftotext` sets it or with its list
    // items set in. So is one set flush left whose blocks hold several paragraphs each,
    // told by the layout alone (`paragraphs_without_blanks`): extraction that kept no
    // blank line between them.
    let turns_pages = stats.form_feeds > 0 || !marks.furniture.lines().is_empty();
    let paged = turns_pages || stats.flush_left() && paragraphs_without_blanks(text, stats);
    let flush_paged = layout == Layout::Blocks && paged && stats.flush_left();
    let typical_len = if flush_paged {
        stats.typical_len.min(stats.full_len)
    } else {
        stats.typical_len
    };
    let short_line = (typical_len as f64 * SHORT_LINE_SHARE) as usize;
    let mut collector = Collector::new(pdf, layout == Layout::Lines, short_line);
    // The words this document refers by number (`resolution 5`), for telling footnote
    // markers from references.
    let mut references = marker::References::default();
    // Blocks (wrapped-blocks layout) made only of title lines: (first line, last line).
    let mut title_blocks: Vec<(usize, usize)> = Vec::new();
    // The block being read: its first and last lines, whether all its lines are titles,
    // how many hold a comma.
    let mut block: Option<(usize, usize, bool, usize)> = None;
    // Where a short line is what ends a paragraph, the words that open paragraphs here.
    let paged_blocks = layout == Layout::Blocks && paged;
    let mut openers = (pdf || paged_blocks).then(|| OpenersBuilder::new(short_line, paged_blocks));
    for (no, line, next) in numbered_lines(text) {
        let (line, class) = marks.classify(&mut reader, no, line, next);
        match class {
            LineClass::Text => {
                collector.text(no, line.trim());
                if let Some(o) = openers.as_mut() {
                    o.line(line.trim());
                }
                references.count_line(line);
                let title = is_block_title(line.trim());
                let comma = usize::from(line.contains(','));
                block = Some(match block {
                    Some((first, last, all, commas)) if last + 1 == no => {
                        (first, no, all && title, commas + comma)
                    }
                    _ => {
                        close_title_block(block, &mut title_blocks);
                        (no, no, title, comma)
                    }
                });
            }
            LineClass::Blank | LineClass::Rule => {
                collector.blank();
                if let Some(o) = openers.as_mut() {
                    o.blank();
                }
                close_title_block(block.take(), &mut title_blocks);
            }
            _ => {}
        }
        if pdf && reader.page_start() == no && no > 1 {
            pages += 1;
        }
        if let Some(key) = header_key(pdf, &reader, no, line, class) {
            *page_tops.entry(key).or_insert(0) += 1;
        }
        match class {
            LineClass::FootnoteStart { number, .. } => spots.push(FootnoteSpot {
                number,
                page_start: reader.page_start(),
                foot_start: reader.foot_start(),
            }),
            LineClass::Blank | LineClass::PageBreak | LineClass::Rule | LineClass::Furniture(_) => {
                continue;
            }
            _ => {}
        }
        if !vocab.is_empty() {
            vocab.count_line(line, after_break);
            after_break = mend::broken_head(line.trim_end()).is_some();
        }
    }

    close_title_block(block, &mut title_blocks);
    if layout != Layout::Blocks {
        title_blocks.clear();
    }
    let chosen = collector.finish();
    let explanation = explain.then(|| {
        let f = &marks.furniture;
        Explanation {
            layout,
            furniture: f
                .patterns
                .iter()
                .enumerate()
                .map(|(i, p)| FurnitureNote {
                    pattern: p.pattern.clone(),
                    period: p.period,
                    lines: f
                        .lines()
                        .iter()
                        .filter(|&&(_, q)| q == i)
                        .map(|&(l, _)| l)
                        .collect(),
                })
                .collect(),
            rejected: chosen.rejected.iter().map(RejectedNote::from).collect(),
        }
    });

    let scattered = if flush_paged {
        scattered_words(text)
    } else {
        Vec::new()
    };
    // Pass 3: units.
    let mut asm = Assembler {
        layout,
        pdf,
        short_line,
        openers: openers.map(OpenersBuilder::finish).unwrap_or_default(),
        paged_blocks,
        turns_pages,
        double_spaced: layout == Layout::Blocks && stats.double_spaced(),
        flush_left: stats.flush_left(),
        indents_first_lines: stats.indents_first_lines(),
        scattered,
        block_start: 0,
        definitions: flush_paged && definitions_by_line(text),
        typical_len,
        pending_bullet: None,
        pending_label: None,
        title_cut: false,
        mender: vocab.finish(),
        chosen,
        references,
        maybe_title: None,
        items: Vec::new(),
        marker_owner: vec![None; spots.len()],
        spots,
        next_spot: 0,
        notes_seen: 0,
        units: Vec::new(),
        artifacts: Vec::new(),
        open: None,
        open_note: None,
        sections: Vec::new(),
        intro: None,
        last_major: None,
        last_minor: None,
        last_dotted: None,
        after_break: false,
        pending_close: false,
        after_rule: false,
        furniture_numbers,
        indent: 0,
        title_blocks,
        literal_indent: None,
    };
    let mut reader = PageReader::new(pdf);
    marks.rewind();
    // Whether the line before stood apart from the text (blank, furniture, a page break).
    let mut after_edge = true;
    for (no, line, next) in numbered_lines(text) {
        let (line, mut class) = marks.classify(&mut reader, no, line, next);
        if let Some(key) = header_key(pdf, &reader, no, line, class) {
            let repeats = page_tops.get(&key).copied().unwrap_or(0);
            if repeats >= MIN_HEADER_REPEATS && repeats * HEADER_PAGE_SHARE >= pages {
                class = LineClass::PageHeader;
            }
        }
        // A scanner's noise standing alone on a printed page (`“SS`, `2Y`, `.>».` left
        // by a stamp or a signature in a page's margin) is no text.
        if paged
            && class == LineClass::Text
            && after_edge
            && next.is_none_or(|n| n.trim().is_empty())
            && asm.scattered.binary_search(&no).is_err()
            && is_noise(line.trim())
        {
            class = LineClass::Stray;
        }
        after_edge = !matches!(
            class,
            LineClass::Text | LineClass::FootnoteStart { .. } | LineClass::FootnoteMore
        );
        asm.line(no, line, class);
    }
    if let Some((at, label)) = asm.pending_label.take() {
        asm.text(at, &label);
    }
    asm.close_note();
    asm.settle_break(None);
    asm.close_open();
    field_lists(&mut asm.units);
    super::titles::section_sign_titles(&mut asm.units);
    super::subsections_as_paragraphs(&mut asm.units);
    if layout == Layout::Blocks {
        super::indented::indented_blocks_as_items(&mut asm.units, text);
    }
    super::enumerations_as_items(&mut asm.units);
    super::contents::contents_as_items(&mut asm.units, text);
    if layout == Layout::Blocks {
        super::titles::titles_by_layout(&mut asm.units, text);
    }
    super::admonition::admonitions_as_sections(&mut asm.units, text);
    (asm.units, asm.artifacts, explanation)
}

/// Fewest paragraph ends inside blocks (see [`paragraphs_without_blanks`]) that tell a
/// text whose paragraphs follow each other without a blank line.
const MIN_ENDS_INSIDE_BLOCKS: usize = 6;

/// Shortest typical line (bytes) of such a text: verse and addresses, whose short lines
/// end sentences inside stanzas, are set narrower than prose.
const MIN_PROSE_LINE: usize = 50;

/// Whether the blocks of `text` (between blank lines) hold several paragraphs each, as
/// PDF extraction sets them when it keeps no blank line between paragraphs: inside the
/// blocks, a line shorter than [`SHORT_LINE_SHARE`] of the typical line that ends a
/// sentence, followed by a line starting with a capital, happens at least
/// [`MIN_ENDS_INSIDE_BLOCKS`] times and more often than there are blocks of prose (two
/// lines or more, one of them no short line). Hand-wrapped text fills its lines up to a
/// paragraph's last, which a blank line follows; a letterhead or a title of two short lines
/// is no paragraph a blank line closes.
pub(super) fn paragraphs_without_blanks(text: &str, stats: &Stats) -> bool {
    if stats.typical_len < MIN_PROSE_LINE {
        return false;
    }
    let short_line = (stats.typical_len as f64 * SHORT_LINE_SHARE) as usize;
    let (mut ends, mut blocks) = (0usize, 0usize);
    let mut prev: Option<&str> = None;
    // Lines of the block being read, and whether one of them is a full line of prose.
    let (mut block_lines, mut full) = (0usize, false);
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            blocks += usize::from(block_lines >= 2 && full);
            (block_lines, full) = (0, false);
            prev = None;
            continue;
        }
        block_lines += 1;
        full |= t.len() >= short_line;
        if let Some(p) = prev
            && p.len() < short_line
            && ends_terminal(p)
            && t.starts_with(char::is_uppercase)
        {
            ends += 1;
        }
        prev = Some(t);
    }
    blocks += usize::from(block_lines >= 2 && full);
    ends >= MIN_ENDS_INSIDE_BLOCKS && ends > blocks
}

/// Records the block `block` (first line, last line, all titles, lines with a comma) if
/// it is a block of [`TITLE_BLOCK_MIN_LINES`] title lines or more, few with a comma.
fn close_title_block(block: Option<(usize, usize, bool, usize)>, blocks: &mut Vec<(usize, usize)>) {
    if let Some((first, last, true, commas)) = block {
        let lines = last + 1 - first;
        if lines >= TITLE_BLOCK_MIN_LINES && commas * TITLE_BLOCK_COMMA_EVERY <= lines {
            blocks.push((first, last));
        }
    }
}

/// A line that is only a bullet glyph (`•`, `◦`, `▪`, `‣`): PDF text extraction puts a
/// list item's bullet on a line of its own when a wide hanging indent separates it from
/// the text. ASCII `-` and `*` alone are rules or separators, not bullets.
fn is_lone_bullet(t: &str) -> bool {
    matches!(t, "•" | "◦" | "▪" | "‣" | "●" | "○" | "■") || super::start::is_symbol_font_bullet(t)
}

/// Fewest letters of a word: a line with no longer word is no text when it stands alone
/// on a printed page ([`is_noise`]).
const NOISE_WORD_LETTERS: usize = 3;

/// Longest line [`is_noise`] reads as noise, in characters.
const NOISE_MAX_CHARS: usize = 12;

/// A short line with no word of [`NOISE_WORD_LETTERS`] letters that is no number, no
/// list label, bullet, roman numeral or omission mark (`(...)`): what OCR makes of a stamp
/// or a signature (`“SS`, `2Y`, `N`, `.>».`). A line of digits alone (`12`, `3.5`) is a
/// page number or a table cell, and stays for the rules that know them.
fn is_noise(t: &str) -> bool {
    let letters = t.chars().any(char::is_alphabetic);
    t.chars().count() <= NOISE_MAX_CHARS
        && (letters || !t.chars().any(|c| c.is_ascii_digit()))
        && !t
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= NOISE_WORD_LETTERS)
        && !t.chars().all(|c| "IVXLCDMivxlcdm.".contains(c))
        // An omission in a quotation, `(...)`, marks text left out.
        && !t.contains("...")
        && !t.contains('…')
        && !is_lone_bullet(t)
        && !is_lone_label(t)
        && start::parse(t, false).is_none()
}

/// Longest list label that may stand alone on its line (`(viii)`, `12.3.`).
const LONE_LABEL_MAX_LEN: usize = 8;

/// A line that is only a list or paragraph label with its punctuation (`1.`, `(3)`,
/// `a)`, `IV.`, `2.1.`): `pdftotext` puts a Word list item's number on a line of its own,
/// a blank line before the item's text, when a tab separates them. A bare number (`12`) is
/// a page number or a table cell, not a label.
fn is_lone_label(t: &str) -> bool {
    t.len() <= LONE_LABEL_MAX_LEN
        && !t.contains(char::is_whitespace)
        && (t.ends_with(['.', ')']) || t.starts_with('('))
        && start::parse(&format!("{t} x"), true)
            .is_some_and(|s| !matches!(s.shape, Shape::Bullet | Shape::Markdown(_)))
}

/// In paginated text set flush left, the lines (numbers, in order) that each hold one
/// word between blank lines, next to another such line: `pdftotext` writes the words of
/// a justified line spread wide (a heading, a list item's last line) one a block
/// (`How do` / `project?` / blank / `I` / blank / `formalize` / blank / `leadership` …).
/// They go on with the unit before them. A word alone but for no other is a title or a
/// label, and stays what it is.
fn scattered_words(text: &str) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.is_empty());
    // One token alone between blank lines: a word, or (`number` true) a number such as
    // the day or the year of a spread-out date (`1` / `de` / `noviembre` / `de` / `2023`).
    let alone = |i: usize, number: bool| {
        let t = lines[i];
        i > 0
            && blank(i - 1)
            && blank(i + 1)
            && !t.is_empty()
            && !t.contains(char::is_whitespace)
            && if number {
                t.chars().all(|c| c.is_ascii_digit())
            } else {
                t.chars().any(char::is_alphabetic) && !is_lone_label(t) && !is_lone_bullet(t)
            }
    };
    let word = |i: usize| alone(i, false);
    let token = |i: usize| alone(i, false) || alone(i, true);
    let near =
        |i: usize, f: &dyn Fn(usize) -> bool| i >= 2 && f(i - 2) || i + 2 < lines.len() && f(i + 2);
    // A word next to a word or a number; a number only next to a word.
    (0..lines.len())
        .filter(|&i| word(i) && near(i, &token) || alone(i, true) && near(i, &word))
        .map(|i| i + 1)
        .collect()
}

/// Most words of the term of a `Term: definition` line (`Control bit: The 'C' bit …`).
const DEFINITION_TERM_MAX_WORDS: usize = 3;

/// A line that opens a definition with its term (`Version: The version number of …`):
/// a capitalised term of a few words, a colon, a space, then the definition.
fn is_definition_line(t: &str) -> bool {
    let Some((term, rest)) = t.split_once(": ") else {
        return false;
    };
    term.starts_with(char::is_uppercase)
        && term.split_whitespace().count() <= DEFINITION_TERM_MAX_WORDS
        && !term.contains(['.', ',', ';', '(', '['])
        && !rest.trim().is_empty()
}

/// In paginated text set flush left, whether the document lays out definitions one a
/// paragraph, each line opening with its term: at least [`MIN_FIELDS`] such lines after a
/// line that ends a sentence. Then such a line after a sentence end opens a unit even
/// when the line before is full (`… always 1.` / `Version: The version …`).
fn definitions_by_line(text: &str) -> bool {
    let mut after_end = false;
    let mut n = 0;
    for t in text.lines().map(str::trim).filter(|t| !t.is_empty()) {
        if after_end && is_definition_line(t) {
            n += 1;
        }
        after_end = ends_terminal(t);
    }
    n >= MIN_FIELDS
}

/// Fewest `Name: value` units in a row that make a field list (`Title: Candide` /
/// `Author: Voltaire` / `Language: English`): three, so that two labelled notes in a row
/// (`NOTE: …`) stay prose.
const MIN_FIELDS: usize = 3;

/// Most words of a field name (`Release date`).
const FIELD_NAME_MAX_WORDS: usize = 3;

/// A unit that reads as one field of a field list: a short name of letters starting with a
/// capital, `: `, a value that is not a sentence (`NOTE: … .` is prose).
fn is_field(unit: &Unit) -> bool {
    let Some((name, value)) = unit.text.split_once(": ") else {
        return false;
    };
    unit.number.is_none()
        && matches!(unit.kind, UnitKind::Paragraph | UnitKind::Heading)
        && !value.trim().is_empty()
        && !value.trim_end().ends_with(['.', '!', '?'])
        && name.starts_with(char::is_uppercase)
        && name.split_whitespace().count() <= FIELD_NAME_MAX_WORDS
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
}

/// Runs of at least [`MIN_FIELDS`] field units in a row are a field list (a book's
/// header, a memo's `To:` / `From:` / `Date:`): each field a list item. A field that had
/// been read as a title line stops being a section; its units go to the section above it.
fn field_lists(units: &mut [Unit]) {
    let mut unsectioned: HashMap<UnitId, Option<UnitId>> = HashMap::new();
    let mut i = 0;
    while i < units.len() {
        let mut j = i;
        while j < units.len() && is_field(&units[j]) {
            j += 1;
        }
        if j - i >= MIN_FIELDS {
            for unit in &mut units[i..j] {
                if unit.kind == UnitKind::Heading {
                    let up = unit
                        .section
                        .and_then(|s| unsectioned.get(&s).copied().unwrap_or(Some(s)));
                    unsectioned.insert(unit.id, up);
                }
                unit.kind = UnitKind::ListItem;
            }
        }
        i = j.max(i + 1);
    }
    if unsectioned.is_empty() {
        return;
    }
    for unit in units.iter_mut() {
        if let Some(&up) = unit.section.as_ref().and_then(|s| unsectioned.get(s)) {
            unit.section = up;
        }
    }
}

/// What the open unit is, for deciding whether the next line continues it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A numbered heading whose title may wrap.
    Heading,
    /// A one-line heading (Markdown).
    LineHeading,
    /// A paragraph without a number (may turn out to be a title line).
    Plain,
    /// A numbered paragraph or a list item.
    Body,
    /// A lettered unit (`A.`): a list item, or a heading when it is one title line.
    Lettered,
}

#[derive(Debug)]
struct Open {
    id: UnitId,
    role: Role,
    lines: usize,
    last_len: usize,
    last_terminal: bool,
    /// The last line ends with `:` or `;`, as lines before a list item do.
    last_list_end: bool,
    /// Indentation (columns) of the first line and of the last line.
    first_indent: usize,
    /// Column where the first line's text starts: after an item's bullet or number
    /// (`- Yes::` → 2), else [`Open::first_indent`].
    text_indent: usize,
    last_indent: usize,
    /// The second line is indented more than the first: a hanging indent.
    hanging: bool,
    /// Twice the centre column of the first line and of the last line (indent plus
    /// half the width, doubled to stay whole), for text set centred ([`Open::centred`]).
    first_centre: usize,
    last_centre: usize,
    /// The last line is a table-of-contents entry ([`is_contents_entry`]).
    last_contents: bool,
    /// The first line reads as the term of a definition list: short, a few words, no
    /// punctuation at its end.
    term: bool,
    /// The first line opens a reStructuredText directive (`.. epigraph::`), whose
    /// content, indented under it, goes on across blank lines.
    directive: bool,
    /// Every line is one token of code or an address, set in from the margin
    /// ([`is_display_token`]): an example line of a specification.
    tokens: bool,
    /// The last line as appended: where it starts in the unit's text, its line number, and
    /// the unit's last line before it (see [`Assembler::split_title_tail`]).
    tail: Option<Tail>,
}

#[derive(Debug, Clone, Copy)]
struct Tail {
    at: usize,
    no: usize,
    prev_end: usize,
    prev_len: usize,
    prev_terminal: bool,
    prev_list_end: bool,
}

impl Open {
    /// Unit `id` opening at column `indent` as plain text, before its first line is noted.
    fn plain(id: UnitId, indent: usize) -> Open {
        Open {
            id,
            role: Role::Plain,
            lines: 0,
            last_len: 0,
            last_terminal: false,
            last_list_end: false,
            last_contents: false,
            term: false,
            directive: false,
            tokens: false,
            tail: None,
            first_indent: indent,
            text_indent: indent,
            last_indent: indent,
            hanging: false,
            first_centre: 0,
            last_centre: 0,
        }
    }

    /// The lines are set centred, as a title on a plain-text page is
    /// (`GNU GENERAL PUBLIC LICENSE` over `Version 3, 29 June 2007`): both well in from
    /// the margin, about the same column at their middles. Such a block is not a
    /// definition list, whose term stands at the margin and whose definition is long.
    fn centred(&self) -> bool {
        self.first_indent >= CENTRED_INDENT
            && self.last_indent >= CENTRED_INDENT
            && self.first_centre.abs_diff(self.last_centre) <= 3
    }
}

/// The least indent (columns) of a centred line: a centred line narrower than the page by
/// a whole word or two.
const CENTRED_INDENT: usize = 8;

/// Most columns a line may be set in from the margin and still stand at it: a page laid
/// out from a PDF puts a line a column or two off now and then.
const MARGIN_SLACK: usize = 2;

/// How far apart (in half columns) the middles of two centred lines may be: a layout
/// rounds each line's place to a whole column, so two lines of odd and even widths
/// centred on one axis stand up to two half columns apart, and a PDF's own rounding adds
/// as much again.
const CENTRE_SLACK: usize = 4;

/// Whether `t` (trimmed) is one token of code or an address, not a word: no space inside,
/// a letter or digit and a mark that words do not hold inside them (`:`, `/`, `@`, `=`,
/// `+`: `tel:+1-816-555-1212`, `news:comp.infosystems.www.servers.unix`).
fn is_display_token(t: &str) -> bool {
    let inner = t.trim_end_matches(['.', ',', ';']);
    inner.len() >= 3
        && !inner.contains(char::is_whitespace)
        && inner.chars().any(char::is_alphanumeric)
        && inner.contains([':', '/', '@', '=', '+'])
}

/// Most words of a definition-list term (`content negotiation`, `Fundstelle`).
const TERM_MAX_WORDS: usize = 4;

/// Fewest spaces, or leader dots, between a table-of-contents entry and its page number.
const CONTENTS_GAP: usize = 3;

/// A line shaped like a table-of-contents entry: words, then a gap of at least
/// [`CONTENTS_GAP`] spaces or leader dots, then a page number of up to four digits
/// (`3. MD5 Algorithm Description      3`, `19.6.3   Changes from RFC 2068 .....172`).
/// One such line proves nothing; the assembler cuts only where two follow each other.
pub(super) fn is_contents_entry(t: &str) -> bool {
    let t = t.trim_end();
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = t.len() - body.len();
    if !(1..=4).contains(&digits) {
        return false;
    }
    let words = body.trim_end_matches([' ', '.']);
    body.len() - words.len() >= CONTENTS_GAP && words.chars().any(char::is_alphabetic)
}

/// Least change of indentation (columns) that marks a new paragraph inside a block.
const INDENT_STEP: usize = 2;

#[derive(Debug, Clone, Copy)]
struct Section {
    level: u8,
    id: UnitId,
    numbered: bool,
    /// Titles found by the shape of a unit and what follows it (`A. Mandate`,
    /// `0. Definitions.`): the kind, so that the next of the same kind is its sibling.
    titled: Option<Titled>,
}

/// Kinds of titles recognised after the fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Titled {
    Lettered,
    Numbered,
}

/// Fewest lines of a block made only of one-line titles for each line to be an entry of
/// a list (a table of contents without page numbers: `Nacht` / `Vor dem Tor` / …):
/// fewer are a wrapped title, an address or a signature.
const TITLE_BLOCK_MIN_LINES: usize = 8;

/// Most words of a line in such a block.
const TITLE_BLOCK_MAX_WORDS: usize = 6;

/// At most one line in this many of such a block holds a comma (`Nacht, offen Feld`);
/// verse without final punctuation has commas on more of its lines.
const TITLE_BLOCK_COMMA_EVERY: usize = 5;

/// A line that may stand in a block of titles: a title ([`is_title`]) of a few words.
fn is_block_title(t: &str) -> bool {
    is_title(t) && t.split_whitespace().count() <= TITLE_BLOCK_MAX_WORDS
}

/// A title in paginated text, where no blank line sets it off from its text: a title
/// ([`is_title`]), or a section sign, its number and a title (`§ 233a Förderung des
/// Menschenhandels`, the heading of a law's section), as `titles` reads it.
fn is_run_in_title(text: &str) -> bool {
    if text.starts_with('§') {
        return super::titles::is_section_sign_title(text);
    }
    is_title(text)
}

/// A line longer than this many typical lines holds more than one printed line:
/// `pdftotext` sometimes writes two lines of a justified paragraph as one.
const MERGED_LINE_SHARE: f64 = 1.15;

/// The length of the last printed line in a line of `len` bytes, in text whose typical
/// line is `typical` bytes long: a line too long to be one printed line
/// ([`MERGED_LINE_SHARE`]) holds full lines before its last one. (`… in private.` ending
/// an 87-byte line among 72-byte lines ends a short printed line, and so its paragraph.)
fn printed_tail(len: usize, typical: usize) -> usize {
    let full = (len as f64 / (typical as f64 * MERGED_LINE_SHARE)) as usize;
    len.saturating_sub(full * typical)
}

/// A numbered section title (`0. Definitions.`) has at most this many words.
const NUMBERED_TITLE_MAX_WORDS: usize = 8;

struct Assembler {
    layout: Layout,
    pdf: bool,
    short_line: usize,
    /// Words that open paragraphs in this document, full line before or not.
    openers: Openers,
    /// Wrapped blocks of a paginated text (form feeds: `pdftotext` output, an RFC): as in
    /// PDF text, a short line that ends a sentence before a capital ends its paragraph,
    /// since such extractions often leave no blank line between paragraphs. Hand-wrapped
    /// text without pages keeps its blocks whole (its lines are ragged).
    paged_blocks: bool,
    /// Page breaks are known: form feeds, or running heads or page numbers found.
    turns_pages: bool,
    /// Blocks of a text with a blank line after nearly every line
    /// ([`Stats::double_spaced`]): the blank lines say nothing, and a line that goes on
    /// the words of the line before goes on its unit.
    double_spaced: bool,
    /// Every line starts at the margin ([`Stats::flush_left`]).
    flush_left: bool,
    /// Paragraphs open with a first-line indent ([`Stats::indents_first_lines`]).
    indents_first_lines: bool,
    /// Lines that are one word of a spread-out printed line ([`scattered_words`]), in
    /// order.
    scattered: Vec<usize>,
    /// The first text line after the last blank line: where `pdftotext` starts a block.
    block_start: usize,
    /// Definitions open their paragraphs with their terms ([`definitions_by_line`]).
    definitions: bool,
    /// The typical line length ([`Stats::typical_len`]).
    typical_len: usize,
    /// A bullet glyph seen alone on its line, waiting for the text it marks.
    pending_bullet: Option<char>,
    /// In paginated text, a list label seen alone on its line ([`is_lone_label`]),
    /// waiting for the text it numbers.
    pending_label: Option<(usize, String)>,
    /// The open unit is being closed as a title run into the text under it
    /// ([`Assembler::title_runs_in`]): it becomes a heading.
    title_cut: bool,
    mender: Mender,
    spots: Vec<FootnoteSpot>,
    /// For each footnote spot, the unit its marker was found in.
    marker_owner: Vec<Option<UnitId>>,
    next_spot: usize,
    notes_seen: usize,
    units: Vec<Unit>,
    artifacts: Vec<Artifact>,
    open: Option<Open>,
    open_note: Option<UnitId>,
    sections: Vec<Section>,
    /// The paragraph that introduces list items that follow it.
    intro: Option<UnitId>,
    last_major: Option<u32>,
    last_minor: Option<u32>,
    /// The last two-level number (`4.2` → (4, 2)), kept apart from plain numbers: a
    /// stray `207.` (a footnote, a quoted paragraph) between `1459.14` and `1459.15` must
    /// not derail the two-level numbering for the rest of the document.
    last_dotted: Option<(u32, u32)>,
    /// A page break (or page furniture) came since the last text line.
    after_break: bool,
    /// A blank line came since the last text line (outside PDF text): the open unit ends
    /// unless a page break between says the text runs on.
    pending_close: bool,
    /// A footnote rule came right after text: if notes follow, they are the page's foot
    /// and the open unit waits under them for the next page (where it may run on); if
    /// anything else follows, the rule ended the unit.
    after_rule: bool,
    /// For each furniture pattern, whether it is a page number.
    furniture_numbers: Vec<bool>,
    /// Indentation of the line being read (columns).
    indent: usize,
    /// The unit starts chosen over the whole document.
    chosen: Chosen,
    /// The words after which a number is a reference, not a footnote marker.
    references: marker::References,
    /// A one-line numbered unit that reads as a title (`0. Definitions.`): it becomes a
    /// heading if the next unit is unnumbered text.
    maybe_title: Option<UnitId>,
    /// The list items of the current paragraph: (style, family, value) of the last item
    /// of each kind, so `(c)` follows `(b)` and `(i)` after `(h)` is a letter.
    items: Vec<(ItemStyle, Family, u32)>,
    /// Blocks made only of short title lines (first line, last line), in order: each
    /// line an entry, as in a table of contents.
    title_blocks: Vec<(usize, usize)>,
    /// The indentation of the last unit closed when its text ended in `::`, a
    /// reStructuredText literal-block marker (`Optional::`): lines indented deeper after it
    /// are one block of literal text, blank lines inside included.
    literal_indent: Option<usize>,
}

/// How a list label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemStyle {
    /// `(a)`
    Paren,
    /// `a)`
    Close,
    /// `a.`
    Dot,
}

/// Whether the label `next` (`3.`, `(c)`) numbers the item after the one numbered `prev`
/// (`2`, `b`): the next number, or the next letter.
fn label_follows(prev: &str, next: &str) -> bool {
    let bare = |s: &str| s.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let (prev, next) = (bare(prev), bare(next));
    if let (Ok(p), Ok(n)) = (prev.parse::<u32>(), next.parse::<u32>()) {
        return p + 1 == n;
    }
    let letter = |s: &str| {
        let mut chars = s.chars();
        chars
            .next()
            .filter(|c| c.is_ascii_alphabetic() && chars.next().is_none())
    };
    matches!((letter(&prev), letter(&next)), (Some(p), Some(n)) if (p as u8) + 1 == n as u8)
}

/// The style and bare label of a list item's number as printed.
fn item_label(number: &str) -> (ItemStyle, &str) {
    if let Some(l) = number.strip_prefix('(') {
        (ItemStyle::Paren, l.strip_suffix(')').unwrap_or(l))
    } else if let Some(l) = number.strip_suffix(')') {
        (ItemStyle::Close, l)
    } else {
        (ItemStyle::Dot, number.strip_suffix('.').unwrap_or(number))
    }
}

/// The label of value `v` in `family` (`Letter` 2 → `b`, `Roman` 4 → `iv`), the way
/// [`label_value`] reads it.
fn previous_label(family: Family, v: u32) -> Option<String> {
    match family {
        Family::Letter if (1..=26).contains(&v) => {
            Some(char::from(b'a' + u8::try_from(v - 1).ok()?).to_string())
        }
        Family::Letter if (27..=52).contains(&v) => {
            let c = char::from(b'a' + u8::try_from(v - 27).ok()?);
            Some(format!("{c}{c}"))
        }
        Family::Upper if (1..=26).contains(&v) => {
            Some(char::from(b'A' + u8::try_from(v - 1).ok()?).to_string())
        }
        Family::Roman if v >= 1 => Some(start::to_roman(v).to_ascii_lowercase()),
        Family::Digit if (1..100).contains(&v) => Some(v.to_string()),
        _ => None,
    }
}

/// A short line that reads as a title: few words, starts with a capital or digit, and does
/// not end like a sentence or clause.
fn is_title(text: &str) -> bool {
    is_title_of_lines(text, 1)
}

/// [`is_title`] for a title set on `lines` lines, each within a title line's bounds.
fn is_title_of_lines(text: &str, lines: usize) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    (first.is_uppercase() || first.is_ascii_digit())
        && text.chars().count() <= TITLE_MAX_CHARS * lines
        && text.split_whitespace().count() <= TITLE_MAX_WORDS * lines
        && text.chars().any(char::is_alphabetic)
        && !text.ends_with(['.', ',', ';', ':', '!', '?', '-'])
}

/// A numbered unit's one line that reads as a section title: at most `max_words` words
/// and `max_chars` characters starting with a capital, one phrase (a final period at
/// most), no clause punctuation.
fn is_numbered_title(text: &str, max_words: usize, max_chars: usize) -> bool {
    let body = text.strip_suffix('.').unwrap_or(text);
    body.starts_with(char::is_uppercase)
        && body.split_whitespace().count() <= max_words
        && body.chars().count() <= max_chars
        && !body.contains(['.', ',', ';', ':', '!', '?'])
}

/// Bytes that need a closer look in [`single_spaced`]: ASCII whitespace and the lead
/// bytes of the Unicode spaces (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let special = [
        b' ', b'\t', b'\n', b'\r', 0x0B, 0x0C, 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    let mut i = 0;
    while i < special.len() {
        t[special[i] as usize] = true;
        i += 1;
    }
    t
};

/// True when `s` is empty or is words each preceded by exactly one ASCII space, with no
/// other whitespace (so it can be copied into a unit's text as is).
fn single_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() {
        return true;
    }
    if b[0] != b' ' || b[b.len() - 1] == b' ' {
        return false;
    }
    let mut prev_space = true;
    let mut i = 1;
    while i < b.len() {
        let c = b[i];
        if !SPECIAL[c as usize] {
            prev_space = false;
        } else if c == b' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
        } else if c < 0x80 || s[i..].chars().next().is_some_and(char::is_whitespace) {
            return false;
        } else {
            prev_space = false;
        }
        i += 1;
    }
    true
}

impl Assembler {
    fn section(&self) -> Option<UnitId> {
        self.sections.last().map(|s| s.id)
    }

    fn artifact(&mut self, kind: ArtifactKind, line: usize, text: &str) {
        self.artifacts.push(Artifact {
            kind,
            line,
            text: text.to_string(),
        });
    }

    fn line(&mut self, no: usize, line: &str, class: LineClass<'_>) {
        match class {
            LineClass::Blank => {
                if !self.pdf {
                    self.pending_close = true;
                }
            }
            LineClass::PageBreak => {
                self.after_break = true;
                self.artifact(ArtifactKind::PageBreak, no, line);
            }
            LineClass::Rule => {
                self.close_under_rule();
                self.after_rule = true;
                self.artifact(ArtifactKind::PageBreak, no, line);
            }
            LineClass::Furniture(p) => {
                self.after_break = true;
                let kind = if self.furniture_numbers.get(p).copied().unwrap_or(false) {
                    ArtifactKind::PageNumber
                } else {
                    ArtifactKind::PageHeader
                };
                self.artifact(kind, no, line);
            }
            LineClass::Stray => self.artifact(ArtifactKind::PageBreak, no, line),
            LineClass::PageNumber => self.artifact(ArtifactKind::PageNumber, no, line),
            LineClass::PageHeader => self.artifact(ArtifactKind::PageHeader, no, line),
            LineClass::FootnoteStart { label, rest, .. } => {
                // Notes under the rule: the page's foot, the text waits above it.
                self.after_rule = false;
                self.close_note();
                let id = self.units.len();
                let parent = self.marker_owner.get(self.notes_seen).copied().flatten();
                self.notes_seen += 1;
                self.push_unit(UnitKind::Footnote, Some(label), no, parent);
                self.open_note = Some(id);
                self.append(id, no, rest);
            }
            LineClass::FootnoteMore => match self.open_note {
                Some(id) => self.append(id, no, line.trim()),
                // No note to go on: a line of the text, a pending label's included.
                None => self.text_line(no, line),
            },
            LineClass::Text => {
                self.close_under_rule();
                self.close_note();
                self.text_line(no, line);
            }
        }
    }

    /// A line of running text: it may be a list label or bullet set apart from its text, or
    /// the text a pending one marks.
    fn text_line(&mut self, no: usize, line: &str) {
        let t = line.trim();
        let paged = self.pdf || self.paged_blocks;
        // A full line broken off mid-phrase (`… amounted to 67,485 euros in` / `2011.`):
        // what follows is its sentence's end, not a label, unless it numbers the next
        // item of the list the open unit is in (`… bringt oder` / `3.`).
        let mid_sentence = self.open.as_ref().is_some_and(|o| {
            let unit = &self.units[o.id];
            o.last_len >= self.short_line
                && !o.last_terminal
                && !o.last_list_end
                && unit.text.ends_with(char::is_alphanumeric)
                && !unit.number.as_deref().is_some_and(|n| label_follows(n, t))
        });
        if paged && is_lone_label(t) && !mid_sentence {
            // A label set apart from its text: it numbers the text that follows
            // (after the blank line `pdftotext` leaves); two in a row, the first
            // was text of its own.
            if let Some((at, label)) = self.pending_label.replace((no, t.to_string())) {
                self.text(at, &label);
            }
        } else if let Some((at, label)) = self.pending_label.take() {
            if start::parse(t, false).is_some() {
                // The line numbers itself (`a.` / `4.15 Tiseida …`): the "label"
                // was the last word of a wrapped sentence (`… hence` / `a.`).
                self.text(at, &label);
                self.text(no, line);
            } else {
                self.text(no, &format!("{label} {t}"));
            }
        } else if is_lone_bullet(t) {
            // A bullet set apart from its text (PDF extraction of a hanging
            // indent): it marks the text that follows.
            self.pending_bullet = Some(t.chars().next().unwrap_or('•'));
        } else if let Some(bullet) = self.pending_bullet.take() {
            self.text(no, &format!("{bullet} {t}"));
        } else {
            self.text(no, line);
        }
    }

    /// Before a text line `next` (or anything else, `None`): ends the open unit if a blank
    /// line came since its last line, or a page break that the text does not run across.
    fn settle_break(&mut self, next: Option<&str>) {
        let broke = std::mem::take(&mut self.after_break);
        let blank = std::mem::take(&mut self.pending_close);
        if !broke && !blank {
            return;
        }
        let runs_on = broke && next.is_some_and(|t| self.runs_across_break(t));
        let goes_on = !broke
            && self.open.as_ref().is_some_and(|o| {
                // A title or a sentence broken off mid-phrase, no punctuation at all at its
                // end, and a lower-case start after the blank (`Έγκριση σχεδίου σύμβασης
                // προμήθειας` / `μαχητικών αεροσκαφών τύπου «RAFALE»`).
                let runs_on = self.double_spaced
                    && o.role != Role::LineHeading
                    && next.is_some_and(|t| t.trim_start().starts_with(char::is_lowercase))
                    && self.units[o.id]
                        .text
                        .trim_end_matches(['»', '”', '’', ')'])
                        .ends_with(char::is_alphanumeric);
                let deeper = |by: usize| next.is_some_and(|t| indent_of(t) >= o.first_indent + by);
                // A directive's content, or the definition of an indented term, indented
                // under it after a blank line (`   Resource` / `      This specification …`).
                runs_on
                    || o.directive && deeper(1)
                    // Example lines set one a line with blank lines between (an RFC's
                    // `ftp://ftp.is.co.za/…` / `mailto:John.Doe@example.com`): one block.
                    || o.tokens
                        && next.is_some_and(|t| {
                            indent_of(t) == o.first_indent && is_display_token(t.trim())
                        })
                    || o.term
                        && o.lines == 1
                        && o.first_indent > 0
                        && !self.pdf
                        && self.layout == Layout::Blocks
                        && deeper(INDENT_STEP)
            });
        if goes_on {
            return;
        }
        if !runs_on {
            self.close_open();
        }
    }

    /// Whether the open unit runs on across a page break into the line `t`: only when the
    /// text says so. Its last line does not end a sentence, and the next starts in lower
    /// case or the last line is full (a paragraph's last line rarely is) and the next is
    /// not a title. In PDF text a full last line goes on even after a full stop: pages end
    /// between the sentences of a paragraph. So it does in other paged text when the open
    /// unit is a numbered paragraph, where blank lines cannot tell (they also stand
    /// between the text and the page's foot).
    fn runs_across_break(&self, t: &str) -> bool {
        let Some(o) = &self.open else {
            return false;
        };
        let t = t.trim();
        let lower = t.starts_with(char::is_lowercase);
        if o.role == Role::Heading {
            // A numbered heading's title wrapped onto the next page.
            return o.lines < MAX_HEADING_LINES && !o.last_terminal && lower;
        }
        if o.role == Role::LineHeading || self.layout == Layout::Lines {
            return false;
        }
        let full = o.last_len >= self.short_line;
        let title = is_title(t) && t.len() < self.short_line;
        if !o.last_terminal {
            lower || (full && !title)
        } else {
            // A numbered paragraph, in a paged text whose paragraphs number themselves:
            // the next paragraph would carry the next number. A short line there is a
            // block of its own (`Recomienda:`).
            let unit = &self.units[o.id];
            let numbered = unit.kind == UnitKind::Paragraph
                && unit.number.is_some()
                && t.len() >= self.short_line;
            (self.pdf || self.turns_pages && numbered) && full && !title
        }
    }

    /// In wrapped blocks, whether the line (indented [`Assembler::indent`] columns) starts
    /// a new paragraph by its indentation alone, after a line that ends a sentence: a
    /// first-line indent (indented more than the lines before, which were not a hanging
    /// indent), or the return to the margin after a hanging indent.
    fn indent_starts_paragraph(&self, o: &Open) -> bool {
        if self.layout != Layout::Blocks || o.role != Role::Plain || !o.last_terminal {
            return false;
        }
        let indent = self.indent;
        let first_line = o.lines >= 2 && !o.hanging && indent >= o.last_indent + INDENT_STEP;
        let back = o.hanging && indent + INDENT_STEP <= o.last_indent && indent <= o.first_indent;
        first_line || back
    }

    fn text(&mut self, no: usize, line: &str) {
        self.indent = indent_of(line);
        if self.pending_close {
            self.block_start = no;
        }
        if self.open.is_some() && !self.after_break && self.scattered.binary_search(&no).is_ok() {
            // A word of a spread-out line: it goes on with the unit before it.
            self.pending_close = false;
            let t = line.trim();
            let id = self.open.as_ref().map_or(0, |o| o.id);
            let text = self.take_markers(no, t, id);
            self.append(id, no, &text);
            self.note_line(t);
            return;
        }
        // A unit still open after a blank line goes on by its indentation (a term and
        // its definition): no title runs into it.
        let direct = !self.pending_close;
        self.settle_break(Some(line));
        // Trailing spaces are kept for the marker search: `develop 5  ` at a line end is
        // a marker by the gap a superscript leaves.
        let t = line.trim_start();
        if is_contents_entry(t) && self.open.as_ref().is_some_and(|o| o.last_contents) {
            self.contents_entry(no, t);
            return;
        }
        if self.open.is_some() && self.in_title_block(no) && self.in_title_block(no - 1) {
            self.contents_entry(no, t);
            return;
        }
        if self.literal_block(no, t) {
            return;
        }
        let at_block_start = self.layout == Layout::Lines || self.open.is_none();
        // A directive's content (`.. code-block::` / `   # Correct:`) starts nothing.
        let in_directive = self
            .open
            .as_ref()
            .is_some_and(|o| o.directive && self.indent > o.first_indent);
        let start = (!in_directive)
            .then(|| start::parse(t, !self.pdf))
            .flatten()
            .filter(|_| !(direct && self.wrapped_at_margin(t)))
            .filter(|s| self.accept(no, s, at_block_start && !self.pdf))
            .map(|mut s| {
                // `I.` after `H.`: the sequence says it is a letter.
                if let Some(Pick::Letter(v)) = self.chosen.pick(no) {
                    s.shape = Shape::Letter(v);
                }
                s
            });
        if let Some(s) = start {
            self.title_cut = self.first_label_after_title(&s);
            self.split_title_tail();
            self.close_open();
            let text_indent = self.indent + t.len().saturating_sub(s.rest.len());
            self.open_start(no, s);
            if let Some(o) = self.open.as_mut() {
                o.text_indent = text_indent;
            }
            return;
        }
        let continues = match &self.open {
            None => false,
            // A reStructuredText directive's options and content, indented under it
            // (`.. figure:: img.png` / `   :alt: …` / `   :name: hp`), are the directive's.
            Some(o) if o.directive && self.indent > o.first_indent => true,
            Some(_) if self.layout == Layout::Lines => false,
            Some(o) => match o.role {
                Role::LineHeading => false,
                Role::Heading => o.lines < MAX_HEADING_LINES && !o.last_terminal,
                Role::Plain | Role::Body | Role::Lettered => {
                    let capital = t.chars().next().is_some_and(char::is_uppercase);
                    let last_printed = if self.paged_blocks && self.flush_left {
                        printed_tail(o.last_len, self.typical_len)
                    } else {
                        o.last_len
                    };
                    let pdf_end = (self.pdf || self.paged_blocks)
                        && o.last_terminal
                        && (last_printed < self.short_line || self.openers.opens(t))
                        && capital;
                    // Paginated blocks: a numbered title line (`1.1 Version`) with its
                    // paragraph straight under it, no blank line between.
                    // A short title line under a one-line title is more likely the
                    // title's own second line (`§ 232 Menschenhandel zum Zweck der
                    // sexuellen` / `Ausbeutung`) than the text under it.
                    let wraps = o.lines == 1 && is_title(t) && t.len() < self.short_line;
                    // Where some lines are indented (paragraphs opened by an indent,
                    // items hung under their bullet), a title runs into its text only
                    // when both stand at the margin.
                    let at_margin = self.flush_left
                        || o.first_indent <= MARGIN_SLACK && self.indent <= MARGIN_SLACK;
                    // A title runs into text: a full line, or one that ends a sentence.
                    // A short phrase under short phrases is a block of lines (a
                    // signature, an address, a stamp), not a title over its text.
                    let into_text = t.trim_end().len() >= self.short_line || ends_terminal(t);
                    let title_run_in = direct
                        && at_margin
                        && self.title_runs_in(o)
                        && o.last_len < self.short_line
                        && !t.starts_with(char::is_lowercase)
                        && into_text
                        && !wraps;
                    // A short question that opens a block, the text under it (`What are
                    // some of the common governance structures for community projects?` /
                    // `If you’re …`): a title, however full its line.
                    let question = self.paged_blocks
                        && self.flush_left
                        && o.role == Role::Plain
                        && o.lines <= MAX_HEADING_LINES
                        && self.units[o.id].line == self.block_start
                        && self.units[o.id].text.ends_with('?')
                        && self.units[o.id].text.chars().count() <= TITLE_MAX_CHARS
                        && capital;
                    // A short block set centred on the text column (`Pasal 12`;
                    // `Paragraf 6` / `Peraturan Pelaksanaan`) with a line at the margin
                    // straight under it: a title over its text, as a printed page sets
                    // it. A paragraph's indented first line reaches the right margin.
                    let line_centre = 2 * self.indent + t.trim_end().chars().count();
                    let centred_title = self.is_centred_title(o)
                        && self.indent + CENTRED_INDENT <= o.last_indent
                        && (self.indent <= MARGIN_SLACK
                            || line_centre.abs_diff(o.last_centre) > CENTRE_SLACK)
                        && !t.starts_with(char::is_lowercase);
                    if title_run_in || question || centred_title {
                        self.title_cut = true;
                    }
                    let title_end = self.paged_blocks
                        && o.role == Role::Body
                        && o.lines == 1
                        && !o.last_terminal
                        && o.last_len < self.short_line
                        && is_title(&self.units[o.id].text)
                        && capital;
                    // A part of a decree set in capitals on its own line (`CONSIDERANDO:`
                    // under `… Asesoría Jurídica; y,`): a title whatever ends the line
                    // before it, in page-printed text, where no blank line sets it apart.
                    let formula = self.paged_blocks
                        && super::titles::is_colon_title(t.trim_end())
                        && super::titles::all_capitals(t);
                    let definition = self.definitions
                        && o.last_terminal
                        && o.role == Role::Plain
                        && is_definition_line(t);
                    !(pdf_end
                        || formula
                        || centred_title
                        || definition
                        || title_end
                        || title_run_in
                        || question
                        || self.indent_starts_paragraph(o))
                }
            },
        };
        if continues {
            let indent = self.indent;
            if let Some(o) = self.open.as_mut() {
                if o.lines == 1 {
                    o.hanging = indent >= o.first_indent + INDENT_STEP;
                }
                o.last_indent = indent;
                let unit = &self.units[o.id];
                // A line joined to a broken word is no line of its own.
                let mended =
                    mend::broken_head(&unit.text).is_some() || unit.text.ends_with('\u{AD}');
                o.tail = (!mended).then_some(Tail {
                    at: unit.text.len(),
                    no,
                    prev_end: unit.end_line,
                    prev_len: o.last_len,
                    prev_terminal: o.last_terminal,
                    prev_list_end: o.last_list_end,
                });
            }
            let id = self.open.as_ref().map_or(0, |o| o.id);
            let text = self.take_markers(no, t, id);
            self.append(id, no, &text);
            self.note_line(t);
        } else {
            self.close_open();
            let id = self.units.len();
            self.push_unit(UnitKind::Paragraph, None, no, None);
            self.intro = Some(id);
            self.open = Some(Open::plain(id, self.indent));
            let text = self.take_markers(no, t, id);
            self.append(id, no, &text);
            self.note_line(t);
        }
    }

    /// Before a unit start, in page-printed text without blank lines: when the open unit's
    /// last line is a short title line with no final punctuation, standing between a line
    /// that ended a sentence and the start (`… of the Trust Fund board.` / `Observations` /
    /// `102. In addition, …`), it was a title, not the paragraph's last line (which would
    /// end its sentence). It becomes a unit of its own, decided as any one-line block.
    fn split_title_tail(&mut self) {
        if !(self.pdf || self.paged_blocks) {
            return;
        }
        let Some(o) = &self.open else {
            return;
        };
        let Some(tail) = o.tail else {
            return;
        };
        let unit = &self.units[o.id];
        let Some(line) = unit.text.get(tail.at..) else {
            return;
        };
        let title = line.strip_prefix(' ').is_some_and(|t| {
            t.len() < self.short_line
                && is_title(t)
                && t.starts_with(char::is_uppercase)
                && !t.contains(|c: char| c.is_ascii_digit())
        });
        if !(title
            && matches!(o.role, Role::Plain | Role::Body)
            // The line before ended a sentence, not a clause (`:`, `;`).
            && tail.prev_terminal
            && !tail.prev_list_end
            && !o.last_terminal
            && o.last_indent <= o.first_indent + MARGIN_SLACK)
        {
            return;
        }
        let line = line.trim().to_string();
        let unit = &mut self.units[o.id];
        unit.text.truncate(tail.at);
        unit.end_line = tail.prev_end;
        let indent = o.last_indent;
        if let Some(o) = self.open.as_mut() {
            o.lines -= 1;
            o.last_len = tail.prev_len;
            o.last_terminal = tail.prev_terminal;
            o.last_list_end = tail.prev_list_end;
            o.tail = None;
        }
        self.close_open();
        let id = self.units.len();
        self.push_unit(UnitKind::Paragraph, None, tail.no, None);
        self.intro = Some(id);
        self.open = Some(Open::plain(id, indent));
        self.append(id, tail.no, &line);
        self.note_line(&line);
    }

    /// The first line `t` of a literal block after a unit that ended in `::`: opens the
    /// block, as a paragraph that goes on while lines are indented deeper than the marker
    /// (as a directive's content does), and starts no number or title inside it.
    fn literal_block(&mut self, no: usize, t: &str) -> bool {
        let Some(marker) = self.literal_indent else {
            return false;
        };
        if self.open.is_some() || self.indent <= marker {
            self.literal_indent = self.literal_indent.filter(|_| self.open.is_some());
            return false;
        }
        self.literal_indent = None;
        let id = self.units.len();
        self.push_unit(UnitKind::Paragraph, None, no, None);
        self.intro = None;
        self.open = Some(Open {
            last_indent: self.indent,
            ..Open::plain(id, marker)
        });
        let text = self.take_markers(no, t, id);
        self.append(id, no, &text);
        self.note_line(t);
        if let Some(o) = self.open.as_mut() {
            o.directive = true;
        }
        true
    }

    /// A table-of-contents entry after another: each entry is a list item of its own,
    /// and the entry before, if it stood alone, was one too.
    fn contents_entry(&mut self, no: usize, t: &str) {
        if let Some(o) = self.open.as_mut() {
            if o.lines == 1 && self.units[o.id].kind != UnitKind::Heading {
                self.units[o.id].kind = UnitKind::ListItem;
                o.role = Role::Body;
            }
        }
        self.maybe_title = None;
        self.close_open();
        let id = self.units.len();
        self.push_unit(UnitKind::ListItem, None, no, None);
        self.open = Some(Open {
            role: Role::Body,
            ..Open::plain(id, self.indent)
        });
        self.append(id, no, t);
        self.note_line(t);
    }

    /// Whether line `no` is in a block of title lines.
    fn in_title_block(&self, no: usize) -> bool {
        let i = self.title_blocks.partition_point(|&(_, last)| last < no);
        self.title_blocks
            .get(i)
            .is_some_and(|&(first, last)| (first..=last).contains(&no))
    }

    fn note_line(&mut self, t: &str) {
        let t = t.trim_end();
        if let Some(o) = self.open.as_mut() {
            o.lines += 1;
            o.last_len = t.len();
            o.last_terminal = ends_terminal(t);
            o.last_list_end = t.ends_with([':', ';']);
            o.last_contents = is_contents_entry(t);
            o.last_centre = 2 * self.indent + t.chars().count();
            if o.lines == 1 {
                o.first_centre = o.last_centre;
                o.directive = t.starts_with(".. ") && t.contains("::");
                o.tokens = o.first_indent > 0 && is_display_token(t);
                // A field and its size (`RSV1, RSV2, RSV3:  1 bit each`) count the words
                // of the field.
                let words = |s: &str| s.split_whitespace().count();
                o.term = t.starts_with(char::is_alphanumeric)
                    && t.split_once(':').map_or(words(t), |(term, _)| words(term))
                        <= TERM_MAX_WORDS
                    && words(t) <= 2 * TERM_MAX_WORDS
                    && t.chars().any(char::is_alphabetic)
                    && !t.ends_with(|c: char| c.is_ascii_punctuation() && c != ')');
            } else {
                o.tokens &= is_display_token(t);
            }
        }
    }

    /// Whether the line `t` (right under the open unit's last line) is that unit's text
    /// wrapped back to the margin, whatever it starts with: in a text that sets its
    /// paragraphs with a first-line indent, the line stands out from the unit's first
    /// line and its first word did not fit on the line before (`  … with two steps:` /
    /// `(1) assert copyright …`). A new unit there would have started indented, or after a
    /// line with room left.
    fn wrapped_at_margin(&self, t: &str) -> bool {
        let Some(o) = &self.open else {
            return false;
        };
        let word = t.split_whitespace().next().map_or(0, str::len);
        self.indents_first_lines
            && !self.pdf
            && self.layout == Layout::Blocks
            && matches!(o.role, Role::Plain | Role::Body)
            && !o.centred()
            && self.indent + INDENT_STEP <= o.first_indent
            && self.indent <= o.last_indent
            && o.last_indent + o.last_len + 1 + word > self.typical_len
    }

    /// Whether a start shape really starts a unit here, given the numbering so far.
    fn accept(&self, no: usize, s: &Start<'_>, at_block_start: bool) -> bool {
        match s.shape {
            Shape::Numbered { major, minor: None } => {
                at_block_start && major < 1000 || self.chosen.pick(no) == Some(Pick::Arabic)
            }
            Shape::Numbered {
                major,
                minor: Some(m),
            } => {
                at_block_start
                    || match self.last_major {
                        None => m == 1,
                        Some(l) => {
                            (major == l && m == self.last_minor.map_or(1, |p| p + 1))
                                || (major == l + 1 && m == 1)
                        }
                    }
                    || self.last_dotted.is_some_and(|(l, p)| {
                        (major == l && m == p + 1) || (major == l + 1 && m == 1)
                    })
            }
            // `2.2.1.` numbers a title: at the start of a block, or under the section it
            // deepens (`2.2` then `2.2.1`).
            Shape::Deep => {
                at_block_start
                    || self.last_dotted.is_some_and(|(l, p)| {
                        s.number
                            .is_some_and(|n| n.starts_with(&format!("{l}.{p}.")))
                    })
            }
            Shape::Roman(_) | Shape::Letter(_) => self.chosen.pick(no).is_some(),
            Shape::Item => self.accept_item(s, at_block_start),
            Shape::Bullet | Shape::Markdown(_) => true,
        }
    }

    /// The readings of a list label in its style: the one that continues a list of the
    /// current paragraph (`(i)` after `(h)`) alone, else every family it may belong to
    /// (`(i)` a letter and a roman numeral); `true` when it continues a list.
    fn item_readings(&self, number: &str) -> (ItemStyle, Vec<(Family, u32)>, bool) {
        let (style, label) = item_label(number);
        let mut all = Vec::new();
        for family in [Family::Letter, Family::Roman, Family::Digit, Family::Upper] {
            let Some(v) = label_value(label, family) else {
                continue;
            };
            let follows = self
                .items
                .iter()
                .any(|&(st, f, last)| st == style && f == family && last + 1 == v);
            if follows {
                return (style, vec![(family, v)], true);
            }
            all.push((family, v));
        }
        (style, all, false)
    }

    /// Whether a list-item shape starts an item here: it continues a list of the current
    /// paragraph (`(c)` after `(b)`, whatever the line before), or the layout says a new
    /// unit starts (the line before ends a sentence or a clause, or is short). `a.` or
    /// `iv.` opening a wrapped line of PDF text is as likely a sentence wrapped there: it
    /// starts a list only after a line ending in `:` or `;`.
    fn accept_item(&self, s: &Start<'_>, at_block_start: bool) -> bool {
        if self.layout == Layout::Lines {
            return true;
        }
        let Some((style, _, follows)) = s.number.map(|n| self.item_readings(n)) else {
            return true;
        };
        if follows {
            return true;
        }
        if self.continues_inline_list(s) {
            return false;
        }
        let open = self.open.as_ref();
        let list_end = open.is_some_and(|o| o.last_list_end);
        if self.pdf && style == ItemStyle::Dot {
            return list_end;
        }
        at_block_start
            || open.is_none_or(|o| o.last_terminal || o.last_len < self.short_line || list_end)
            || self.first_label_after_title(s)
    }

    /// In paginated text set flush left, whether the open unit is a title run into the
    /// line after it (`pdftotext` leaves no blank line between a heading and its text,
    /// nor any indentation; an RFC's title stands apart by its indent): unnumbered, at
    /// most [`MAX_HEADING_LINES`] lines shaped like a title ([`is_run_in_title`]), none
    /// ending a sentence.
    fn title_runs_in(&self, o: &Open) -> bool {
        self.paged_blocks
            && o.role == Role::Plain
            && o.lines <= MAX_HEADING_LINES
            && !o.last_terminal
            && is_run_in_title(&self.units[o.id].text)
    }

    /// Whether the list label `s` opens the numbering of a title's text: the open unit is
    /// a title run into it ([`Assembler::title_runs_in`]), the label is the first of its
    /// list (`(1)`, `a)`), and its text starts a sentence (`§ 233 Menschenhandel …` /
    /// `(1) Wer …`). A reference wrapped before its label (`nach Absatz` / `(1) …`) has
    /// none of that shape.
    fn first_label_after_title(&self, s: &Start<'_>) -> bool {
        s.shape == Shape::Item
            && s.rest.starts_with(char::is_uppercase)
            && s.number
                .is_some_and(|n| self.item_readings(n).1.iter().any(|&(_, v)| v == 1))
            && self.open.as_ref().is_some_and(|o| self.title_runs_in(o))
    }

    /// Whether a list label at a line start (`(2) offer you …`) continues an enumeration
    /// that runs inside the open unit's sentence (`… with two steps: (1) assert copyright
    /// on the software, and` / `(2) offer you …`): its predecessor, in the same style, is
    /// already in the unit's text without having started a unit, so the sentence was
    /// wrapped before this label too.
    fn continues_inline_list(&self, s: &Start<'_>) -> bool {
        let (Some(number), Some(open)) = (s.number, self.open.as_ref()) else {
            return false;
        };
        let (style, label) = item_label(number);
        let text = &self.units[open.id].text;
        [Family::Letter, Family::Roman, Family::Digit, Family::Upper]
            .into_iter()
            .filter_map(|family| {
                let v = label_value(label, family)?;
                (v > 1).then(|| previous_label(family, v - 1))?
            })
            .any(|prev| {
                let printed = match style {
                    ItemStyle::Paren => format!("({prev}) "),
                    ItemStyle::Close => format!(" {prev}) "),
                    ItemStyle::Dot => format!(" {prev}. "),
                };
                text.contains(&printed)
            })
    }

    fn open_start(&mut self, no: usize, s: Start<'_>) {
        if let Some(title) = self.maybe_title.take() {
            // `2.  SPDY Framing Layer` straight above `2.1.  Session`: a one-line numbered
            // unit whose number the next one deepens is that section's title.
            let deepens = matches!(s.shape, Shape::Numbered { .. } | Shape::Deep)
                && self.units[title].number.as_deref().is_some_and(|t| {
                    s.number
                        .and_then(|n| n.strip_prefix(t))
                        .and_then(|r| r.strip_prefix('.'))
                        .is_some_and(|r| r.split('.').count() == 1 && r.parse::<u32>().is_ok())
                });
            if deepens {
                self.make_title(title, Titled::Numbered);
            }
        }
        let id = self.units.len();
        let (kind, role) = match s.shape {
            Shape::Numbered { major, minor } => {
                self.last_major = Some(major);
                self.last_minor = minor;
                if let Some(m) = minor {
                    self.last_dotted = Some((major, m));
                }
                self.items.clear();
                self.push_unit(UnitKind::Paragraph, s.number, no, None);
                self.intro = Some(id);
                (UnitKind::Paragraph, Role::Body)
            }
            Shape::Deep => {
                // Numbered like a paragraph; the title test at its end makes it a heading.
                self.items.clear();
                self.push_unit(UnitKind::Paragraph, s.number, no, None);
                self.intro = Some(id);
                (UnitKind::Paragraph, Role::Body)
            }
            Shape::Roman(_) => {
                self.items.clear();
                self.open_heading(1, true, s.number, no);
                (UnitKind::Heading, Role::Heading)
            }
            Shape::Markdown(level) => {
                self.items.clear();
                self.open_heading(level, true, None, no);
                (UnitKind::Heading, Role::LineHeading)
            }
            Shape::Letter(_) => {
                self.items.clear();
                let parent = self.intro;
                self.push_unit(UnitKind::ListItem, s.number, no, parent);
                (UnitKind::ListItem, Role::Lettered)
            }
            Shape::Item | Shape::Bullet => {
                if let Some((style, readings, _)) = s.number.map(|n| self.item_readings(n)) {
                    for (family, v) in readings {
                        self.items.retain(|&(st, f, _)| st != style || f != family);
                        self.items.push((style, family, v));
                    }
                }
                let parent = self.intro;
                self.push_unit(UnitKind::ListItem, s.number, no, parent);
                (UnitKind::ListItem, Role::Body)
            }
        };
        debug_assert_eq!(self.units[id].kind, kind);
        self.open = Some(Open {
            role,
            ..Open::plain(id, self.indent)
        });
        let text = self.take_markers(no, s.rest, id);
        self.append(id, no, &text);
        self.note_line(s.rest);
    }

    /// Whether the closing plain unit is an unnumbered title line.
    /// In PDF text the line must also be short: a full line without final punctuation is
    /// more likely a sentence cut by the extraction.
    fn is_title_line(&self, open: &Open) -> bool {
        if open.directive {
            return false;
        }
        let text = &self.units[open.id].text;
        self.title_cut && open.role == Role::Plain
            || open.lines == 1 && is_title(text) && (!self.pdf || text.len() < self.short_line)
            // Double-spaced blocks: the lines are the title's, run on (see `settle_break`).
            || self.double_spaced
                && open.lines <= MAX_HEADING_LINES
                && is_title_of_lines(text, open.lines)
            || self.is_centred_title(open)
    }

    /// A block of at most [`MAX_HEADING_LINES`] lines set centred on the text column (its
    /// first line in by [`CENTRED_INDENT`] or more, none at the margin, their middles
    /// within [`CENTRE_SLACK`] of each other and within a quarter of a typical line of the
    /// column's), ending no sentence: a title as a printed page sets it (`Paragraf 6` /
    /// `Peraturan Pelaksanaan`; `Bagian Ketiga` / its two lines of name).
    fn is_centred_title(&self, o: &Open) -> bool {
        o.role == Role::Plain
            && o.lines <= MAX_HEADING_LINES
            && o.first_indent >= CENTRED_INDENT
            && o.last_indent > MARGIN_SLACK
            && o.first_centre.abs_diff(o.last_centre) <= CENTRE_SLACK
            && !o.last_terminal
            && o.last_centre.abs_diff(self.typical_len) <= self.typical_len / 4
            && self.units[o.id]
                .text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    }

    /// Whether the numbered unit `id` comes right after a numbered section title in its
    /// sequence (`3.` after the title `2. Basic Permissions.`): siblings share a role, so
    /// it may be a title as long as any title line ([`TITLE_MAX_WORDS`]), where a first
    /// title must be short ([`NUMBERED_TITLE_MAX_WORDS`]).
    fn follows_numbered_title(&self, id: UnitId) -> bool {
        let value = |id: UnitId| self.units[id].number.as_deref()?.parse::<u32>().ok();
        let Some(v) = value(id) else {
            return false;
        };
        self.sections
            .iter()
            .rev()
            .find(|s| s.titled == Some(Titled::Numbered))
            .is_some_and(|s| value(s.id).is_some_and(|p| p + 1 == v))
    }

    /// Turns unit `id` into a title heading of kind `titled`: a sibling of the last title
    /// of that kind if one is open, else one level below the innermost section.
    fn make_title(&mut self, id: UnitId, titled: Titled) {
        let level = match self
            .sections
            .iter()
            .rev()
            .find(|s| s.titled == Some(titled))
        {
            Some(s) => s.level,
            None => self
                .sections
                .last()
                .map_or(1, |s| s.level.saturating_add(1)),
        };
        while self.sections.last().is_some_and(|s| s.level >= level) {
            self.sections.pop();
        }
        if self.intro == Some(id) {
            self.intro = None;
        }
        let unit = &mut self.units[id];
        unit.kind = UnitKind::Heading;
        unit.parent = None;
        unit.section = self.sections.last().map(|s| s.id);
        self.sections.push(Section {
            level,
            id,
            numbered: true,
            titled: Some(titled),
        });
        self.intro = None;
    }

    /// Opens a heading of `level`: closes the sections at that level or deeper.
    fn open_heading(&mut self, level: u8, numbered: bool, number: Option<&str>, no: usize) {
        while self.sections.last().is_some_and(|s| s.level >= level) {
            self.sections.pop();
        }
        let id = self.units.len();
        self.push_unit(UnitKind::Heading, number, no, None);
        self.sections.push(Section {
            level,
            id,
            numbered,
            titled: None,
        });
        self.intro = None;
    }

    fn push_unit(
        &mut self,
        kind: UnitKind,
        number: Option<&str>,
        no: usize,
        parent: Option<UnitId>,
    ) {
        let id = self.units.len();
        self.units.push(Unit {
            id,
            kind,
            block: crate::model::Block::Prose,
            number: number.map(str::to_string),
            section: self.section(),
            parent,
            line: no,
            end_line: no,
            text: String::with_capacity(TEXT_RESERVE),
            norm: String::new(),
            source: None,
        });
    }

    /// Takes the footnote markers out of `s` (line `no`, going into unit `owner`).
    fn take_markers<'s>(&mut self, no: usize, s: &'s str, owner: UnitId) -> Cow<'s, str> {
        let mut cur = Cow::Borrowed(s);
        let mut from = 0;
        loop {
            while self
                .spots
                .get(self.next_spot)
                .is_some_and(|sp| sp.foot_start < no)
            {
                self.next_spot += 1;
            }
            let Some(spot) = self.spots.get(self.next_spot).copied() else {
                break;
            };
            if no < spot.page_start {
                break;
            }
            let label = spot.number.to_string();
            let Some((i, j)) = marker::find(&cur, &label, from, &self.references) else {
                break;
            };
            self.artifact(ArtifactKind::FootnoteMarker, no, &label);
            self.marker_owner[self.next_spot] = Some(owner);
            self.next_spot += 1;
            let mut cut = String::with_capacity(cur.len());
            cut.push_str(&cur[..i]);
            cut.push_str(&cur[j..]);
            cur = Cow::Owned(cut);
            from = i;
        }
        cur
    }

    /// Appends the words of `s` (line `no`) to unit `id`, mending a word broken at the end
    /// of the text so far.
    fn append(&mut self, id: UnitId, no: usize, s: &str) {
        let unit = &mut self.units[id];
        unit.end_line = no;
        let text = &mut unit.text;
        let s = s.trim();
        // The first word decides the joint; the rest is copied as is when it is already
        // single-spaced ASCII (the common case), word by word otherwise.
        let (first, rest) = match s.find(|c: char| c.is_whitespace()) {
            Some(i) => (&s[..i], &s[i..]),
            None => (s, ""),
        };
        if first.is_empty() {
            return;
        }
        {
            let keep = match mend::broken_head(text) {
                // `Secretary-` / `General`, `COVID-` / `19`: always a compound.
                Some(_) if first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) => {
                    Some(true)
                }
                Some(head) => {
                    mend::continuation_tail(first).map(|tail| self.mender.keep_hyphen(head, tail))
                }
                None => None,
            };
            if text.is_empty() {
                text.push_str(first);
            } else if let Some(keep) = keep {
                if !keep {
                    text.pop();
                }
                text.push_str(first);
            } else if text.ends_with('\u{AD}') {
                text.pop();
                text.push_str(first);
            } else {
                text.push(' ');
                text.push_str(first);
            }
        }
        if single_spaced(rest) {
            text.push_str(rest);
        } else {
            for w in rest.split_whitespace() {
                text.push(' ');
                text.push_str(w);
            }
        }
    }

    /// Finishes the text of unit `id`: gives back the slack of its growth and computes the
    /// matching form.
    fn finish(&mut self, id: UnitId) {
        let unit = &mut self.units[id];
        unit.text.shrink_to_fit();
        unit.norm = normalize(&unit.text);
    }

    /// A rule that no note followed: it ended the open unit.
    fn close_under_rule(&mut self) {
        if std::mem::take(&mut self.after_rule) {
            self.settle_break(None);
            self.close_open();
        }
    }

    fn close_note(&mut self) {
        if let Some(id) = self.open_note.take() {
            self.finish(id);
        }
    }

    fn close_open(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let id = open.id;
        // `Example::`, or `::` alone (the expanded form).
        self.literal_indent =
            (!open.directive && self.units[id].text.ends_with("::")).then_some(if open.lines > 1 {
                open.last_indent
            } else {
                open.text_indent
            });
        if open.role == Role::Lettered
            && open.lines == 1
            && self.units[id].text.len() < self.short_line
            && is_title(&self.units[id].text)
        {
            // `A. Mandate`: a lettered title, one level below the heading it sits under.
            self.make_title(id, Titled::Lettered);
        } else if open.role == Role::Body
            && open.lines == 1
            && self.units[id].kind == UnitKind::Paragraph
            && self.units[id].number.is_some()
            && (is_title(&self.units[id].text)
                || self.layout != Layout::Lines
                    && (is_numbered_title(
                        &self.units[id].text,
                        NUMBERED_TITLE_MAX_WORDS,
                        TITLE_MAX_CHARS / 2,
                    ) || self.follows_numbered_title(id)
                        && is_numbered_title(
                            &self.units[id].text,
                            TITLE_MAX_WORDS,
                            TITLE_MAX_CHARS,
                        )))
        {
            // One paragraph a line: only a title without final punctuation, since a short
            // numbered paragraph there (`12. Decides to remain seized.`) is common.
            // `0. Definitions.`, `3.1 Step 1. Append Padding Bits`: a title if unnumbered
            // text or a deeper number follows (decided there).
            self.maybe_title = Some(id);
        } else if open.role == Role::Plain
            && !self.pdf
            && !open.directive
            && self.layout == Layout::Blocks
            && open.lines >= 2
            && open.hanging
            && open.term
            && !open.centred()
        {
            // A short term with its definition indented under it (`connection` /
            // `   A transport layer virtual circuit …`): a definition-list entry.
            if let Some(title) = self.maybe_title.take() {
                self.make_title(title, Titled::Numbered);
                self.units[id].section = Some(title);
            }
            self.units[id].kind = UnitKind::ListItem;
        } else if open.role == Role::Plain
            && self.maybe_title.is_some()
            && !self.is_title_line(&open)
        {
            // Unnumbered text after `0. Definitions.`: that was the section's title.
            if let Some(title) = self.maybe_title.take() {
                self.make_title(title, Titled::Numbered);
                self.units[id].section = Some(title);
            }
        } else if open.role == Role::Plain && self.is_title_line(&open) {
            self.maybe_title = None;
            // An unnumbered title line: a heading one level below the numbered heading it
            // sits under, or a sibling of the unnumbered heading before it.
            if self.intro == Some(id) {
                self.intro = None;
            }
            let level = match self.sections.last() {
                None => 1,
                Some(s) if !s.numbered => s.level,
                Some(s) => s.level.saturating_add(1),
            };
            while self.sections.last().is_some_and(|s| s.level >= level) {
                self.sections.pop();
            }
            let unit = &mut self.units[id];
            unit.kind = UnitKind::Heading;
            unit.section = self.sections.last().map(|s| s.id);
            self.sections.push(Section {
                level,
                id,
                numbered: false,
                titled: None,
            });
            self.intro = None;
        }
        self.title_cut = false;
        self.finish(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str) -> Vec<(UnitKind, usize)> {
        let stats = Stats::of(text);
        let (units, _, _) = assemble(text, stats.layout(), &stats, false);
        units.iter().map(|u| (u.kind, u.line)).collect()
    }

    #[test]
    fn notes_over_the_page_furniture_are_footnotes_when_the_page_marks_them() {
        // Single-spaced extraction with no separator: each page's note stands between its
        // text and its footer. Page 3's last block also starts with its number, but no
        // marker on the page names it: it stays a paragraph.
        let notes = [
            "Ibid., para. 11.",
            "See the report of the Secretary-General.",
            "Adopted without a vote.",
            "Official Records of the General Assembly.",
        ];
        let mut text = String::new();
        for (p, note) in (1..=4).zip(notes) {
            let marker = if p == 3 { String::new() } else { p.to_string() };
            text.push_str(&format!(
                "{p}. The delegations of the working group discussed the{marker} report at\n\
                 length and agreed on the text of the recommendations it holds.\n\n"
            ));
            for l in 0..20 {
                text.push_str(&format!(
                    "Line {l} of the running text of the page that goes on\n"
                ));
            }
            text.push_str(&format!("\n{p} {note}\n\n"));
            // The report's pages are numbered from 2: a footer's number is the next note's.
            text.push_str(&format!(
                "{}                                  GE.23-03021\n\n",
                p + 1
            ));
        }
        let notes: Vec<(UnitKind, usize)> = seg(&text)
            .into_iter()
            .filter(|&(_, line)| line % 28 == 25)
            .collect();
        assert_eq!(
            notes,
            [
                (UnitKind::Footnote, 25),
                (UnitKind::Footnote, 53),
                (UnitKind::Paragraph, 81),
                (UnitKind::Footnote, 109)
            ]
        );
    }

    #[test]
    fn a_numbered_paragraph_runs_on_over_its_page_foot() {
        // Pages of numbered paragraphs with blank lines between, a rule and a note at each
        // foot, then the footer and the running head. Odd pages break mid-sentence, even
        // pages after a full stop: the next page's first block, unnumbered, goes on with
        // the paragraph either way.
        let words = [
            "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
            "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo",
        ];
        let notes = [
            "Ibid., para. 11.",
            "See the report of the Secretary-General.",
            "Adopted without a vote.",
            "Official Records of the General Assembly.",
            "Available at the website.",
            "Information provided by the secretariat.",
        ];
        let mut lines: Vec<String> = Vec::new();
        let mut k = 0;
        let mut body = || {
            k += 1;
            let line: Vec<&str> = (0..11)
                .map(|j| words[(k * 7 + j * 3) % words.len()])
                .collect();
            line.join(" ")
        };
        let mut expected = Vec::new();
        for (p, note) in (1..=6).zip(notes) {
            if p > 1 {
                let first = body();
                let mut chars = first.chars();
                let capital = chars.next().map(|c| c.to_ascii_uppercase());
                lines.push(format!(
                    "{}{} agreed",
                    capital.unwrap_or('X'),
                    chars.as_str()
                ));
                lines.push(format!("{} as set out.", body()));
                lines.push(String::new());
            }
            lines.push(format!(
                "{p}. The delegations of the working group discussed the {}",
                body()
            ));
            expected.push((UnitKind::Paragraph, lines.len()));
            lines.extend((0..12).map(|_| body()));
            let last = body();
            lines.push(if p % 2 == 1 { last } else { format!("{last}.") });
            lines.push(String::new());
            lines.push("____________________".to_string());
            lines.push(format!("{p} {note}"));
            expected.push((UnitKind::Footnote, lines.len()));
            lines.push(String::new());
            lines.push(format!("Page {p} of 6"));
            lines.push(format!("{:>60}", "A/HRC/40/26"));
            lines.push(String::new());
        }
        assert_eq!(seg(&lines.join("\n")), expected);
    }

    #[test]
    fn a_number_ending_a_sentence_broken_at_a_full_line_is_no_label() {
        // `2011.` alone under a full line broken mid-phrase ends that sentence; it does
        // not number the title under it.
        let text = "1. The delegations of the working group discussed the report of the meeting at\n\
                    length, and the budget for the clearance of the mines amounted to 67,485 euros in\n\
                    2011.\n\
                    Background\n\
                    2. The working group took note of the report and of the budget that it holds for\n\
                    the next year, and it agreed on the text of the recommendations that it holds.\n\
                    \u{c}\n\
                    3. The working group adopted the report.\n";
        assert_eq!(
            seg(text),
            [
                (UnitKind::Paragraph, 1),
                (UnitKind::Heading, 4),
                (UnitKind::Paragraph, 5),
                (UnitKind::Paragraph, 8)
            ]
        );
    }

    #[test]
    fn a_title_line_between_a_full_sentence_end_and_a_number_is_a_title() {
        // Page-printed text without blank lines: `Observations` under a full line that
        // ends a sentence, right over paragraph 3, ends nothing itself: it is a title.
        let text = "1. The delegations of the working group discussed the report of the meeting at\n\
                    length and agreed on the text of the recommendations that the report holds for\n\
                    the next session of the committee.\n\
                    2. The working group took note of the budget that the secretariat had prepared for\n\
                    the clearance of mines in the region, and it asked for a revised estimate by the end\n\
                    of the year, with particular attention to the costs of the experts and the survey.\n\
                    Observations\n\
                    3. The working group welcomed the progress made since the last session and thanked\n\
                    the host Government for its support.\n\
                    4. The working group adopted the report and asked the secretariat to publish it.\n\
                    \n\
                    \u{c}\n\
                    5. The working group closed the session.\n";
        assert_eq!(
            seg(text),
            [
                (UnitKind::Paragraph, 1),
                (UnitKind::Paragraph, 4),
                (UnitKind::Heading, 7),
                (UnitKind::Paragraph, 8),
                (UnitKind::Paragraph, 10),
                (UnitKind::Paragraph, 13)
            ]
        );
    }

    #[test]
    fn a_part_of_a_decree_in_capitals_starts_a_unit_whatever_ends_the_line_before() {
        // `legalize-pe-lam-dr-4-2022` (dev), lines 19-29: `CONSIDERANDO:` under a line
        // ending `y,`, then the recitals, on pages whose letterhead makes them paged.
        let head = "GOBIERNO REGIONAL LAMBAYEQUE\n";
        let recital = |n: usize| {
            format!(
                "Que, mediante Oficio No. {n}-2022-GR.LAMB/ORPP de fecha 17 de marzo 2022, el Jefe\n\
                 Regional de Planeamiento remite al Gerente General Regional el proyecto de\n\
                 Decreto Regional número {n};\n"
            )
        };
        let first = "VISTO:\n\
                     El Oficio No. 000626-2022-GR.LAMB/ORPP, de fecha 16 de marzo de 2022, emitido por\n\
                     el Jefe de la Oficina Regional de Planeamiento, Presupuesto y Acondicionamiento\n\
                     Territorial, dado por el Jefe Regional de Asesoría Jurídica; y,\n\
                     CONSIDERANDO:\n";
        let text = format!(
            "{head}{first}{}{}\n1/3\n\n{head}{}{}\n2/3\n\n{head}{}{}\n3/3\n",
            recital(1),
            recital(2),
            recital(3),
            recital(4),
            recital(5),
            recital(6)
        );
        let got = seg(&text);
        assert_eq!(
            got.iter()
                .filter(|&&(_, line)| (2..=10).contains(&line))
                .copied()
                .collect::<Vec<_>>(),
            vec![
                (UnitKind::Heading, 2),
                (UnitKind::Paragraph, 3),
                (UnitKind::Heading, 6),
                (UnitKind::Paragraph, 7),
                (UnitKind::Paragraph, 10),
            ]
        );
    }

    #[test]
    fn blocks_holding_many_paragraphs_are_told_from_hand_wrapped_text() {
        // `legalize-pe-lal-or-15-2023` (dev): recitals one after another, no blank line.
        let recital = "Que, de conformidad a lo establecido en el Artículo 191 de la Constitución\n\
                       Política del Estado y la Ley Orgánica de Gobiernos Regionales, señalan que\n\
                       los Gobiernos Regionales son personas jurídicas;\n";
        let block = recital.repeat(7);
        assert!(paragraphs_without_blanks(&block, &Stats::of(&block)));
        // The same recitals with a blank line after each: nothing to tell.
        let spaced = format!("{recital}\n").repeat(7);
        assert!(!paragraphs_without_blanks(&spaced, &Stats::of(&spaced)));
        // Verse: short lines ending sentences inside its stanzas.
        let stanza = "Ihr naht euch wieder, schwankende Gestalten.\nDie früh sich einst dem trüben Blick gezeigt.\nVersuch ich wohl, euch diesmal festzuhalten?\n\n";
        let verse = stanza.repeat(4);
        assert!(!paragraphs_without_blanks(&verse, &Stats::of(&verse)));
        // Letterheads and titles set apart by blank lines are no paragraphs a blank line
        // closes: only blocks of prose weigh against the ends inside them
        // (`legalize-pe-jun-or-411-2024`, dev, whose two pages repeat their letterhead).
        let headed = format!(
            "{block}\n{}",
            "GOBIERNO REGIONAL JUNÍN\nCONSEJO REGIONAL\n\n".repeat(8)
        );
        assert!(paragraphs_without_blanks(&headed, &Stats::of(&headed)));
    }

    #[test]
    fn a_field_of_several_names_is_a_definition_entry_like_its_neighbours() {
        // An RFC's header fields (the layout of `rfc791-internet-protocol`, dev): each
        // field and its size, its definition indented under it.
        let text = "   The fields are as follows.\n\n\
                    \x20  FIN:  1 bit\n\n\
                    \x20     Indicates that this is the final fragment in a message, and the\n\
                    \x20     first fragment MAY also be the final fragment.\n\n\
                    \x20  RSV1, RSV2, RSV3:  1 bit each\n\n\
                    \x20     MUST be 0 unless an extension is negotiated that defines\n\
                    \x20     meanings for non-zero values.\n\n\
                    \x20  Opcode:  4 bits\n\n\
                    \x20     Defines the interpretation of the payload data, and an\n\
                    \x20     unknown opcode fails the connection.\n";
        use UnitKind::{ListItem, Paragraph};
        assert_eq!(
            seg(text),
            vec![(Paragraph, 1), (ListItem, 3), (ListItem, 8), (ListItem, 13)]
        );
    }

    #[test]
    fn a_literal_block_is_one_unit_and_its_comment_lines_start_nothing() {
        // `pep-0572-assignment-expressions` (dev): a `::` paragraph over code with blank
        // lines and `#` comments, an item whose code sits under it and a paragraph of the
        // item after the code; then a directive whose content opens with a comment.
        let text = "Syntax\n======\n\nThe target is assigned that value::\n\n\
                    \x20   # Handle a matched regex\n\
                    \x20   if (match := pattern.search(data)) is not None:\n\n\
                    \x20   # A loop that can't be trivially rewritten\n\
                    \x20   while chunk := file.read(8192):\n\n\
                    Cases\n-----\n\n\
                    - Unparenthesized assignment expressions are prohibited.  Example::\n\n\
                    \x20   y := f(x)  # INVALID\n\n\
                    \x20 This rule is included to simplify the choice.\n\n\
                    - Assignment expressions in f-strings need parentheses. Example::\n\n\
                    \x20   >>> f'{(x:=10)}'\n\n\
                    \x20 This shows what looks like an assignment operator.\n\n\
                    .. code-block::\n\n\
                    \x20  # Correct:\n\n\
                    \x20  # Aligned with opening delimiter.\n\
                    \x20  foo = long_function_name(var_one, var_two)\n\n\
                    The 4-space rule is optional.\n";
        use UnitKind::{Heading, ListItem, Paragraph};
        assert_eq!(
            seg(text),
            vec![
                (Heading, 1),
                (Paragraph, 4),
                (Paragraph, 6),
                (Heading, 12),
                (ListItem, 15),
                (Paragraph, 17),
                (Paragraph, 19),
                (ListItem, 21),
                (Paragraph, 23),
                (Paragraph, 25),
                (Paragraph, 27),
                (Paragraph, 34),
            ]
        );
    }

    #[test]
    fn a_title_broken_mid_phrase_runs_on_across_the_blank_of_double_spaced_text() {
        // `greek-law-4766-el` (dev) is set so: a blank line after every line (its line
        // ends were doubled), titles under each article number broken in two.
        let text = "Article one\n\nApproval of the draft contract for the purchase\n\n\
                    of eighteen aircraft\n\n1. The draft contract is approved.\n\n\
                    Article two\n\nOther provisions\n\n1. The originals are kept.\n\n\
                    2. The contracts apply from their signature.\n\nArticle three\n\n\
                    Entry into force\n\nThis law enters into force on publication.\n";
        use UnitKind::{Heading, Paragraph};
        assert_eq!(
            seg(text),
            vec![
                (Heading, 1),
                (Heading, 3),
                (Paragraph, 7),
                (Heading, 9),
                (Heading, 11),
                (Paragraph, 13),
                (Paragraph, 15),
                (Heading, 17),
                (Heading, 19),
                (Paragraph, 21),
            ]
        );
    }

    #[test]
    fn a_label_wrapped_to_the_margin_of_a_first_line_indented_paragraph_starts_nothing() {
        // `gnu-gpl-3-en` (dev), lines 29–48: paragraphs open two columns in and wrap at
        // the margin, so `(1) assert …` under a full line is that paragraph's text.
        let text = "  To protect your rights, we need to prevent others from denying you
these rights or asking you to surrender the rights.  Therefore, you have
certain responsibilities if you distribute copies of the software, or if
you modify it: responsibilities to respect the freedom of others.

  For example, if you distribute copies of such a program, whether
gratis or for a fee, you must pass on to the recipients the same
freedoms that you received.  You must make sure that they, too, receive
or can get the source code.  And you must show them these terms so they
know their rights.

  Developers that use the GNU GPL protect your rights with two steps:
(1) assert copyright on the software, and (2) offer you this License
giving you legal permission to copy, distribute and/or modify it.

  For the developers' and authors' protection, the GPL clearly explains
that there is no warranty for this free software.  For both users' and
authors' sake, the GPL requires that modified versions be marked as
changed, so that their problems will not be attributed erroneously to
authors of previous versions.
";
        use UnitKind::Paragraph as P;
        assert_eq!(seg(text), [(P, 1), (P, 6), (P, 12), (P, 16)]);
    }

    #[test]
    fn a_long_numbered_title_after_numbered_titles_is_a_title() {
        // `gnu-gpl-3-en` (dev), lines 154, 175–177 and 179–185: `3. Protecting …` is
        // longer than a first numbered title may be, but it follows the title `2.`.
        let text = "  2. Basic Permissions.

  Conveying under any other circumstances is permitted solely under
the conditions stated below.  Sublicensing is not allowed; section 10
makes it unnecessary.

  3. Protecting Users' Legal Rights From Anti-Circumvention Law.

  No covered work shall be deemed part of an effective technological
measure under any applicable law fulfilling obligations under article
11 of the WIPO copyright treaty adopted on 20 December 1996, or
similar laws prohibiting or restricting circumvention of such
measures.
";
        use UnitKind::{Heading as H, Paragraph as P};
        assert_eq!(seg(text), [(H, 1), (P, 3), (H, 7), (P, 9)]);
    }

    #[test]
    fn centred_titles_over_text_at_the_margin() {
        // `ruu-cipta-kerja-final-id` (dev), `pdftotext -layout`: centred `Paragraf`,
        // `Bagian` and `Pasal` titles, the article's text straight under its title.
        let text = r"                            Paragraf 6
                     Peraturan Pelaksanaan


                            Pasal 12
Ketentuan lebih lanjut mengenai Perizinan Berusaha berbasis
risiko sebagaimana dimaksud dalam Pasal 7, Pasal 8, Pasal 9,
dan Pasal 10, serta tata cara pengawasan sebagaimana
dimaksud dalam Pasal 11 diatur dengan Peraturan Pemerintah.


                          Bagian Ketiga
      Penyederhanaan Persyaratan Dasar Perizinan Berusaha,
            Pengadaan Tanah, dan Pemanfaatan Lahan


                            Paragraf 1
                             Umum


                            Pasal 13
Penyederhanaan persyaratan dasar Perizinan Berusaha dan
pengadaan tanah dan pemanfaatan lahan sebagaimana
dimaksud dalam Pasal 6 huruf b meliputi:
a.    kesesuaian kegiatan pemanfaatan ruang;
b.    persetujuan lingkungan; dan
c.    Persetujuan Bangunan Gedung dan sertifikat laik fungsi.
";
        use UnitKind::{Heading as H, ListItem as L, Paragraph as P};
        assert_eq!(
            seg(text),
            [
                (H, 1),
                (H, 5),
                (P, 6),
                (H, 12),
                (H, 17),
                (H, 21),
                (P, 22),
                (L, 25),
                (L, 26),
                (L, 27)
            ]
        );
    }

    #[test]
    fn titles_run_into_text_at_the_margin_among_indented_paragraphs() {
        // `regeringen-dir-2016-15-sv` (dev), `pdftotext -layout` of a Word document:
        // paragraphs opened by a four-space indent, bullet items hung under their
        // bullet, and each title at the margin with its text straight under it.
        let text = "Beslut vid regeringssammanträde den 25 februari 2016\n\
\n\
\n\
Sammanfattning\n\
Inom kort förväntas EU besluta om en förordning som utgör en ny\n\
generell reglering för personuppgiftsbehandling inom EU. En\n\
särskild utredare ska föreslå de anpassningar och kompletterande\n\
författningsbestämmelser på generell nivå som denna förordning ger\n\
anledning till. Syftet är att säkerställa att det finns en ändamålsenlig\n\
och välbalanserad kompletterande nationell reglering om\n\
personuppgiftsbehandling på plats när förordningen börjar tillämpas.\n\
    Utredaren ska bl.a.\n\
\u{f0b7} undersöka vilka kompletterande nationella föreskrifter,\n\
     exempelvis processuella bestämmelser, som förordningen\n\
     kräver,\n\
\u{f0b7} analysera vilka bestämmelser om administrativa\n\
     sanktionsavgifter och andra sanktioner som Sverige\n\
     behöver eller bör införa,\n\
\u{f0b7} överväga vilka kompletterande bestämmelser om t.ex.\n\
     behandling av känsliga personuppgifter och personnummer\n\
     som bör införas i den svenska generella regleringen,\n\
\u{f0b7} undersöka om det finns behov av generella bestämmelser\n\
     för personuppgiftsbehandling utanför EU-rättens\n\
     tillämpningsområde, och\n\
\u{f0b7} lämna sådana författningsförslag som är behövliga och\n\
     lämpliga.\n\
    I uppdraget ingår inte att överväga eller lämna förslag till\n\
grundlagsändringar.\n\
    Uppdraget ska redovisas senast den 12 maj 2017.\n\
\u{c}2\n\
\n\
Den nuvarande och den nya regleringen\n\
\n\
Dataskyddsdirektivet – den nuvarande EU-regleringen\n\
Den allmänna regleringen om behandling av personuppgifter\n\
inom EU finns i dag i Europaparlamentets och rådets direktiv\n\
95/46/EG av den 24 oktober 1995 om skydd för enskilda\n\
personer med avseende på behandling av personuppgifter och\n\
om behandling av det fria flödet av sådana uppgifter\n\
(dataskyddsdirektivet). Direktivet syftar till att garantera en hög\n\
och i alla medlemsstater likvärdig skyddsnivå när det gäller\n\
enskilda personers fri- och rättigheter med avseende på\n\
behandling av personuppgifter, samt att främja ett fritt flöde av\n\
personuppgifter mellan medlemsstaterna i EU.\n\
    Dataskyddsdirektivet gäller inte för behandling av\n\
personuppgifter på områden som faller utanför gemenskaps-\n\
rätten, t.ex. allmän säkerhet, försvar, statens säkerhet och\n\
statens verksamhet på straffrättens område.\n";
        let units = seg(text);
        // `Sammanfattning` (line 4 here) is a title; its text starts on line 5.
        assert!(units.contains(&(UnitKind::Heading, 4)), "{units:?}");
        assert!(units.contains(&(UnitKind::Paragraph, 5)), "{units:?}");
        assert!(units.contains(&(UnitKind::Heading, 32)), "{units:?}");
        // The Symbol-font bullets are items.
        assert!(units.contains(&(UnitKind::ListItem, 13)), "{units:?}");
    }

    #[test]
    fn contents_entries() {
        assert!(is_contents_entry("3. MD5 Algorithm Description      3"));
        assert!(is_contents_entry("19.6.3   Changes from RFC 2068 .....172"));
        assert!(!is_contents_entry("the year 1992"));
        assert!(!is_contents_entry("Section      12345"));
        assert!(!is_contents_entry("....   12"));
        let text = "Contents\n\n   1. Executive Summary          1\n   2. Terminology                2\n   References                    7\n\n1. Executive Summary\n\n   This document describes the algorithm.\n";
        use UnitKind::*;
        assert_eq!(
            seg(text),
            [
                (Heading, 1),
                (ListItem, 3),
                (ListItem, 4),
                (ListItem, 5),
                (Heading, 7),
                (Paragraph, 9)
            ]
        );
    }

    #[test]
    fn field_lists_and_definitions() {
        use UnitKind::*;
        let text = "Title: Candide\n\nAuthor: Voltaire\n\nLanguage: English\n\nNOTE: a note in running text, not a field list.\n\n   Resource\n\n      This specification does not limit the scope of what might be a\n      resource.\n\n   connection\n      A transport layer virtual circuit established between two\n      programs.\n";
        assert_eq!(
            seg(text),
            [
                (ListItem, 1),
                (ListItem, 3),
                (ListItem, 5),
                (Paragraph, 7),
                (ListItem, 9),
                (ListItem, 14)
            ]
        );
    }
}
