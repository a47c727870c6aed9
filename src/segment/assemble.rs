//! The assembler: lines → units, with wrapped lines rejoined, broken words mended,
//! footnotes taken out and numbering checked for sequence.

use std::borrow::Cow;
use std::collections::HashMap;

use super::layout::{FootnoteSpot, LineClass, PageReader};
use super::marker;
use super::mend::{self, MendBuilder, Mender};
use super::normalize::normalize;
use super::start::{self, Shape, Start};
use super::style::{Layout, Stats, ends_terminal};
use crate::model::{Artifact, ArtifactKind, Unit, UnitId, UnitKind};

/// How far a paragraph number may jump ahead of the previous one and still start a
/// paragraph (drafts skip a number or two when paragraphs are deleted; a wrapped line that
/// starts with a year or an amount is far off the sequence).
const MAX_NUMBER_JUMP: u32 = 5;

/// The same for roman-numbered headings.
const MAX_ROMAN_JUMP: u32 = 3;

/// Highest roman number accepted as the first heading of a document (a line starting with
/// `C. livia` is not heading 100).
const MAX_FIRST_ROMAN: u32 = 10;

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

/// Runs passes 2 and 3 (see the module docs of `segment`).
pub(crate) fn assemble(text: &str, layout: Layout, stats: &Stats) -> (Vec<Unit>, Vec<Artifact>) {
    let pdf = layout == Layout::Pdf;

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
    for (no, line, next) in numbered_lines(text) {
        let class = reader.classify(no, line, next);
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
            LineClass::Blank | LineClass::PageBreak => continue,
            _ => {}
        }
        if !vocab.is_empty() {
            vocab.count_line(line, after_break);
            after_break = mend::broken_head(line.trim_end()).is_some();
        }
    }

    // Pass 3: units.
    let mut asm = Assembler {
        layout,
        pdf,
        short_line: (stats.typical_len as f64 * SHORT_LINE_SHARE) as usize,
        mender: vocab.finish(),
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
        last_roman: None,
    };
    let mut reader = PageReader::new(pdf);
    for (no, line, next) in numbered_lines(text) {
        let mut class = reader.classify(no, line, next);
        if let Some(key) = header_key(pdf, &reader, no, line, class) {
            let repeats = page_tops.get(&key).copied().unwrap_or(0);
            if repeats >= MIN_HEADER_REPEATS && repeats * HEADER_PAGE_SHARE >= pages {
                class = LineClass::PageHeader;
            }
        }
        asm.line(no, line, class);
    }
    asm.close_note();
    asm.close_open();
    (asm.units, asm.artifacts)
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
}

#[derive(Debug, Clone, Copy)]
struct Section {
    level: u8,
    id: UnitId,
    numbered: bool,
}

struct Assembler {
    layout: Layout,
    pdf: bool,
    short_line: usize,
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
    last_roman: Option<u32>,
}

/// A short line that reads as a title: few words, starts with a capital or digit, and does
/// not end like a sentence or clause.
fn is_title(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    (first.is_uppercase() || first.is_ascii_digit())
        && text.chars().count() <= TITLE_MAX_CHARS
        && text.split_whitespace().count() <= TITLE_MAX_WORDS
        && text.chars().any(char::is_alphabetic)
        && !text.ends_with(['.', ',', ';', ':', '!', '?', '-'])
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
                    self.close_open();
                }
            }
            LineClass::PageBreak => self.artifact(ArtifactKind::PageBreak, no, line),
            LineClass::Stray => self.artifact(ArtifactKind::PageBreak, no, line),
            LineClass::PageNumber => self.artifact(ArtifactKind::PageNumber, no, line),
            LineClass::PageHeader => self.artifact(ArtifactKind::PageHeader, no, line),
            LineClass::FootnoteStart { label, rest, .. } => {
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
                None => self.text(no, line),
            },
            LineClass::Text => {
                self.close_note();
                self.text(no, line);
            }
        }
    }

    fn text(&mut self, no: usize, line: &str) {
        // Trailing spaces are kept for the marker search: `develop 5  ` at a line end is
        // a marker by the gap a superscript leaves.
        let t = line.trim_start();
        let at_block_start = self.layout == Layout::Lines || self.open.is_none();
        let start =
            start::parse(t, !self.pdf).filter(|s| self.accept(s, at_block_start && !self.pdf));
        if let Some(s) = start {
            self.close_open();
            self.open_start(no, s);
            return;
        }
        let continues = match &self.open {
            None => false,
            Some(_) if self.layout == Layout::Lines => false,
            Some(o) => match o.role {
                Role::LineHeading => false,
                Role::Heading => o.lines < MAX_HEADING_LINES && !o.last_terminal,
                Role::Plain | Role::Body => {
                    !(self.pdf
                        && o.last_terminal
                        && o.last_len < self.short_line
                        && t.chars().next().is_some_and(char::is_uppercase))
                }
            },
        };
        if continues {
            let id = self.open.as_ref().map_or(0, |o| o.id);
            let text = self.take_markers(no, t, id);
            self.append(id, no, &text);
            self.note_line(t);
        } else {
            self.close_open();
            let id = self.units.len();
            self.push_unit(UnitKind::Paragraph, None, no, None);
            self.intro = Some(id);
            self.open = Some(Open {
                id,
                role: Role::Plain,
                lines: 0,
                last_len: 0,
                last_terminal: false,
                last_list_end: false,
            });
            let text = self.take_markers(no, t, id);
            self.append(id, no, &text);
            self.note_line(t);
        }
    }

    fn note_line(&mut self, t: &str) {
        let t = t.trim_end();
        if let Some(o) = self.open.as_mut() {
            o.lines += 1;
            o.last_len = t.len();
            o.last_terminal = ends_terminal(t);
            o.last_list_end = t.ends_with([':', ';']);
        }
    }

    /// Whether a start shape really starts a unit here, given the numbering so far.
    fn accept(&self, s: &Start<'_>, at_block_start: bool) -> bool {
        match s.shape {
            Shape::Numbered { major, minor: None } => {
                at_block_start && major < 1000
                    || match self.last_major {
                        None => major < 1000,
                        Some(l) => (l < major && major <= l + MAX_NUMBER_JUMP) || major == 1,
                    }
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
            }
            Shape::Roman(v) => {
                !s.rest.starts_with(char::is_lowercase)
                    && match self.last_roman {
                        None => v <= MAX_FIRST_ROMAN,
                        Some(l) => (l < v && v <= l + MAX_ROMAN_JUMP) || v == 1,
                    }
            }
            Shape::Item => {
                // `a.` or `iv.` opening a wrapped line of PDF text is as likely a sentence
                // wrapped there; take it as an item only where a list is going on.
                let dotted = s.number.is_some_and(|n| !n.ends_with(')'));
                !(self.pdf && dotted) || self.open.as_ref().is_some_and(|o| o.last_list_end)
            }
            Shape::Bullet | Shape::Markdown(_) => true,
        }
    }

    fn open_start(&mut self, no: usize, s: Start<'_>) {
        let id = self.units.len();
        let (kind, role) = match s.shape {
            Shape::Numbered { major, minor } => {
                self.last_major = Some(major);
                self.last_minor = minor;
                self.push_unit(UnitKind::Paragraph, s.number, no, None);
                self.intro = Some(id);
                (UnitKind::Paragraph, Role::Body)
            }
            Shape::Roman(v) => {
                self.last_roman = Some(v);
                self.open_heading(1, true, s.number, no);
                (UnitKind::Heading, Role::Heading)
            }
            Shape::Markdown(level) => {
                self.open_heading(level, true, None, no);
                (UnitKind::Heading, Role::LineHeading)
            }
            Shape::Item | Shape::Bullet => {
                let parent = self.intro;
                self.push_unit(UnitKind::ListItem, s.number, no, parent);
                (UnitKind::ListItem, Role::Body)
            }
        };
        debug_assert_eq!(self.units[id].kind, kind);
        self.open = Some(Open {
            id,
            role,
            lines: 0,
            last_len: 0,
            last_terminal: false,
            last_list_end: false,
        });
        let text = self.take_markers(no, s.rest, id);
        self.append(id, no, &text);
        self.note_line(s.rest);
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
            let Some((i, j)) = marker::find(&cur, &label, from) else {
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
        if open.role == Role::Plain
            && open.lines == 1
            && !self.pdf
            && is_title(&self.units[id].text)
        {
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
            });
            self.intro = None;
        }
        self.finish(id);
    }
}
