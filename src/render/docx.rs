//! The redline: a Word (`.docx`) document of the new version with every change as a real
//! tracked change, so a drafting group reviews it in Word or LibreOffice as it would a
//! colleague's edits.
//!
//! - **Words**: each link's word diff becomes runs: equal text plain, inserted text in
//!   `w:ins`, deleted text in `w:del` (`w:delText`), author [`RedlineOptions::author`],
//!   no date unless one is given.
//! - **Paragraphs**: a new unit with no origin is an inserted paragraph (its runs and its
//!   paragraph mark inserted); a removed old unit is a deleted paragraph placed where it
//!   stood, after the paragraph that descends from the old unit before it. A merge deletes
//!   the paragraph marks between its old units, a split inserts them between its new units,
//!   so that Word's "accept all" gives exactly the new text and "reject all" exactly the
//!   old text, in the old order.
//! - **Moves** are a deletion at the old place plus an insertion at the new place, not
//!   `w:moveFrom`/`w:moveTo`: a Word move must carry the same text at both ends, while most
//!   moved paragraphs of a draft are also reworded; deletion plus insertion is what every
//!   reader (Word, LibreOffice, pandoc, Google Docs) shows and accepts or rejects the same
//!   way, and rejecting it restores the old order. A link whose old units would come back
//!   out of order (a move the aligner did not flag, a merge of units that were not
//!   neighbours) is shown the same way. A comment on each end names the other ("Moved
//!   from old ¶8 (renumbered)", "Moved to new ¶3"); a merge or split shown in place is
//!   commented too ("Old ¶5 + ¶6 merged into ¶5").
//! - **Exactness**: the report's diff may ignore spacing, case or punctuation, so an equal
//!   run can be spelled differently in the two versions ([`Op::old`]): such a run becomes
//!   the changes between its two spellings, diffed comparing everything. A link is shown
//!   word by word only when its runs then rebuild both of its texts byte for byte; else it
//!   is diffed again whole, comparing everything, and as a last resort shown as its old
//!   paragraphs deleted and new ones inserted: coarser, never wrong.
//! - **Layout**: headings in the styles `Heading1`…`Heading6` (level from the number's
//!   depth: `3.2` is level 2), list items in `ListParagraph`, footnotes as plain paragraphs
//!   in `FootnoteText` where the report puts them (after the paragraph that carries their
//!   marker); printed numbers are kept as text (`12. `, `(a) `), so a renumbering shows
//!   as a change of the number.
//! - **Text**: characters XML 1.0 forbids (C0 controls other than tab, line feed and
//!   carriage return; U+FFFE, U+FFFF) are written visibly, in caret notation (`^[`) or as
//!   `<U+FFFE>`; tabs become `w:tab`, line breaks `w:br`.
//! - **Reproducible**: the same report gives the same bytes: fixed ZIP timestamps
//!   (1980-01-01, the format's epoch), parts in a fixed order, change ids counted in
//!   document order.
//!
//! ```
//! use draftdiff::{diff::{report, DiffOptions}, render::docx::{redline, RedlineOptions}};
//! use draftdiff::segment::{segment, SegmentOptions};
//!
//! let old = segment("old.txt", "1. The cat sat.\n", &SegmentOptions::new());
//! let new = segment("new.txt", "1. The black cat sat.\n", &SegmentOptions::new());
//! let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
//! let report = report(old, new, alignment, &DiffOptions::new());
//! let mut out = Vec::new();
//! redline(&report, &RedlineOptions::new(), &mut out).unwrap();
//! assert_eq!(&out[..2], b"PK");
//! ```

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, Cursor, Write};

use quick_xml::escape::escape;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::layout::labels;
use crate::diff::{DiffOptions, JOIN_SEPARATOR, diff_texts};
use crate::model::{Link, LinkShape, Op, OpKind, Report, Unit, UnitId, UnitKind};

/// The author written on every change when none is given: the tool, so a reviewer sees
/// that the marks were computed, not typed by a colleague.
pub const DEFAULT_AUTHOR: &str = "draftdiff";

/// The deepest heading style written: Word's built-in styles go to 9, but few documents
/// use more than 6 levels and deeper numbers are usually list items.
const MAX_HEADING_LEVEL: usize = 6;

/// How to write a redline.
#[derive(Debug, Clone)]
pub struct RedlineOptions {
    /// The author of every tracked change.
    pub author: String,
    /// The date of every tracked change and comment, or none: Word and LibreOffice then
    /// show no date, and the output depends on the inputs alone.
    pub date: Option<ChangeDate>,
}

impl Default for RedlineOptions {
    fn default() -> RedlineOptions {
        RedlineOptions {
            author: DEFAULT_AUTHOR.to_string(),
            date: None,
        }
    }
}

impl RedlineOptions {
    /// The defaults: author [`DEFAULT_AUTHOR`], no date.
    pub fn new() -> RedlineOptions {
        RedlineOptions::default()
    }

    /// Sign every change with `author`.
    pub fn author(mut self, author: impl Into<String>) -> RedlineOptions {
        self.author = author.into();
        self
    }

    /// Date every change and comment, or not at all.
    pub fn date(mut self, date: Option<ChangeDate>) -> RedlineOptions {
        self.date = date;
        self
    }
}

/// The date written on tracked changes and comments (`w:date`): a calendar date or an
/// RFC 3339 time, kept in the form Word writes, `2026-11-30T14:05:00Z` (UTC, to the second).
///
/// Parsed from `2026-11-30` (midnight UTC) or a full RFC 3339 time
/// (`2026-11-30T14:05:00Z`, `2026-11-30T15:05:00.250+01:00`; `t`, `z` and a space for
/// the `T` are accepted too): an offset is turned into UTC, fractions of a second are
/// dropped (Word and LibreOffice keep whole seconds). Every field is checked against the
/// calendar, so `2026-02-29` is refused; so is a leap second (`23:59:60`), which Word's
/// date form (XML Schema's `dateTime`) cannot hold.
///
/// ```
/// use draftdiff::render::docx::ChangeDate;
/// let date: ChangeDate = "2026-11-30".parse().unwrap();
/// assert_eq!(date.as_str(), "2026-11-30T00:00:00Z");
/// let date: ChangeDate = "2026-12-01T00:30:00+01:00".parse().unwrap();
/// assert_eq!(date.as_str(), "2026-11-30T23:30:00Z");
/// assert!("2026-11-31".parse::<ChangeDate>().is_err());
/// assert!("30/11/2026".parse::<ChangeDate>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeDate(String);

impl ChangeDate {
    /// The date as written in the file: `YYYY-MM-DDThh:mm:ssZ`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ChangeDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a text is not a [`ChangeDate`]; its message says what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(String);

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

impl std::str::FromStr for ChangeDate {
    type Err = DateError;

    /// Parsed by the `time` crate's RFC 3339 parser (a date alone is read as midnight UTC);
    /// the two things RFC 3339 allows and a Word date does not are refused here: a separator
    /// other than `T`, `t` or a space, and a leap second.
    fn from_str(value: &str) -> Result<ChangeDate, DateError> {
        const FORMS: &str = "expected a date (2026-11-30) or an RFC 3339 time \
                             (2026-11-30T14:05:00Z, 2026-11-30T14:05:00+01:00)";
        let bad = |why: &dyn std::fmt::Display| DateError(format!("{why}; {FORMS}"));
        // `YYYY-MM-DD` is ten bytes; with them alone, midnight UTC.
        let time = if value.len() == DATE_LEN {
            OffsetDateTime::parse(&format!("{value}T00:00:00Z"), &Rfc3339)
        } else {
            OffsetDateTime::parse(value, &Rfc3339)
        }
        .map_err(|e| bad(&format!("not a date or time: {e}")))?;
        if value.len() > DATE_LEN && !matches!(value.as_bytes()[DATE_LEN], b'T' | b't' | b' ') {
            return Err(bad(&"a time must follow the date after a `T`"));
        }
        // RFC 3339 allows `23:59:60`; XML Schema's `dateTime` does not.
        if value.get(SECONDS) == Some("60") {
            return Err(bad(&"a leap second cannot be written in a Word file"));
        }
        let utc = time
            .checked_to_offset(UtcOffset::UTC)
            .filter(|utc| (1..=9999).contains(&utc.year()))
            .ok_or_else(|| bad(&"out of the years 0001 to 9999"))?;
        Ok(ChangeDate(format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            utc.year(),
            u8::from(utc.month()),
            utc.day(),
            utc.hour(),
            utc.minute(),
            utc.second()
        )))
    }
}

/// Bytes in `YYYY-MM-DD`, the date before any time.
const DATE_LEN: usize = 10;

/// Where the seconds stand in `YYYY-MM-DDThh:mm:ss`.
const SECONDS: std::ops::Range<usize> = 17..19;

/// Writes the redline of `report` as a `.docx` file to `out`.
///
/// The ZIP container needs to seek, so the file is built in memory and then copied to
/// `out` (a redline is a few times the size of the new text).
pub fn redline(report: &Report, options: &RedlineOptions, out: &mut dyn Write) -> io::Result<()> {
    let (body, comments) = Body::of(report).xml(options);
    let zip_options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", body.as_str()),
        ("word/styles.xml", &styles()),
        ("word/settings.xml", SETTINGS),
        ("word/comments.xml", comments.as_str()),
        ("docProps/core.xml", &core_properties(report)),
    ] {
        zip.start_file(name, zip_options)
            .map_err(io::Error::other)?;
        zip.write_all(content.as_bytes())?;
    }
    let bytes = zip.finish().map_err(io::Error::other)?.into_inner();
    out.write_all(&bytes)
}

/// What the paragraph mark (the end of a paragraph) does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// On both sides.
    Kept,
    /// Only in the new version: rejecting it joins the paragraph to the next one.
    Inserted,
    /// Only in the old version: accepting it joins the paragraph to the next one.
    Deleted,
}

/// One paragraph of the redline: its style, its runs, its mark.
#[derive(Debug, Clone)]
struct Paragraph {
    style: &'static str,
    runs: Vec<Op>,
    mark: Mark,
    /// A comment on the whole paragraph: where a moved unit came from or went, what a
    /// merge or split joined or cut.
    comment: Option<String>,
}

impl Paragraph {
    fn new(style: &'static str) -> Paragraph {
        Paragraph {
            style,
            runs: Vec::new(),
            mark: Mark::Kept,
            comment: None,
        }
    }

    fn push(&mut self, kind: OpKind, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.runs.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => self.runs.push(Op::new(kind, text)),
        }
    }
}

/// The paragraphs of the redline, in order.
struct Body {
    paragraphs: Vec<Paragraph>,
}

/// One step of the redline's reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// A link shown word by word, at its first new unit.
    Linked(usize),
    /// A new unit shown as inserted (added, or the new end of a link shown coarsely).
    Inserted(UnitId),
    /// An old unit shown as deleted (removed, or the old end of a link shown coarsely).
    Deleted(UnitId),
}

impl Body {
    fn of(report: &Report) -> Body {
        let links = &report.alignment.links;
        let link_of_new = report.link_of_new();
        // Links shown in place, decided in new order: not moved, old units neighbours, and
        // old units after those of every link already shown in place, so that rejecting
        // all changes gives the old units back in their order.
        let mut in_place = vec![false; links.len()];
        let mut last_old: Option<UnitId> = None;
        for unit in &report.new.units {
            let Some(link) = link_of_new.get(unit.id).copied().flatten() else {
                continue;
            };
            let l = &links[link];
            if l.new.first() != Some(&unit.id) {
                continue;
            }
            let neighbours = l.old.windows(2).all(|w| w[1] == w[0] + 1);
            let after = match (last_old, l.old.first()) {
                (Some(last), Some(&first)) => first > last,
                _ => true,
            };
            let new_neighbours = l.new.windows(2).all(|w| w[1] == w[0] + 1);
            if !l.moved && neighbours && new_neighbours && after && !l.old.is_empty() {
                in_place[link] = true;
                last_old = l.old.last().copied();
            }
        }
        // For each old unit, the link it is shown in place with.
        let mut placed_old: Vec<Option<usize>> = vec![None; report.old.units.len()];
        for (i, l) in links.iter().enumerate().filter(|&(i, _)| in_place[i]) {
            for &o in &l.old {
                if let Some(slot) = placed_old.get_mut(o) {
                    *slot = Some(i);
                }
            }
        }
        // Old units shown deleted, each after the last new unit of the nearest old unit
        // before it that is shown in place (None: before everything).
        let mut deleted: Vec<(Option<UnitId>, UnitId)> = Vec::new();
        for old in 0..report.old.units.len() {
            if placed_old[old].is_some() {
                continue;
            }
            let anchor = (0..old)
                .rev()
                .find_map(|p| placed_old[p].and_then(|l| links[l].new.last().copied()));
            deleted.push((anchor, old));
        }
        deleted.sort();
        let mut deleted = deleted.into_iter().peekable();

        let mut places = Vec::new();
        while let Some(&(None, old)) = deleted.peek() {
            places.push(Place::Deleted(old));
            deleted.next();
        }
        for unit in &report.new.units {
            match link_of_new.get(unit.id).copied().flatten() {
                Some(link) if in_place[link] => {
                    if links[link].new.first() == Some(&unit.id) {
                        places.push(Place::Linked(link));
                    }
                }
                _ => places.push(Place::Inserted(unit.id)),
            }
            while let Some(&(Some(anchor), old)) = deleted.peek() {
                if anchor != unit.id {
                    break;
                }
                places.push(Place::Deleted(old));
                deleted.next();
            }
        }
        places.extend(deleted.map(|(_, old)| Place::Deleted(old)));

        let link_of_old = report.link_of_old();
        let mut paragraphs = Vec::new();
        for place in places {
            match place {
                Place::Inserted(new) => {
                    let unit = report.new.unit(new);
                    let mut p = Paragraph::new(style(unit));
                    p.push(OpKind::Insert, &prefix(unit));
                    p.push(OpKind::Insert, &unit.text);
                    p.mark = Mark::Inserted;
                    p.comment = link_of_new
                        .get(new)
                        .copied()
                        .flatten()
                        .map(|l| moved_here(report, &links[l]));
                    paragraphs.push(p);
                }
                Place::Deleted(old) => {
                    let unit = report.old.unit(old);
                    let mut p = Paragraph::new(style(unit));
                    p.push(OpKind::Delete, &prefix(unit));
                    p.push(OpKind::Delete, &unit.text);
                    p.mark = Mark::Deleted;
                    p.comment = link_of_old
                        .get(old)
                        .copied()
                        .flatten()
                        .map(|l| moved_away(report, &links[l]));
                    paragraphs.push(p);
                }
                Place::Linked(link) => {
                    let l = &links[link];
                    let ops = exact_ops(report, l, &report.diffs[link].ops);
                    let first = paragraphs.len();
                    linked(report, l, &ops, &mut paragraphs);
                    if let Some(p) = paragraphs.get_mut(first) {
                        p.comment = reshaped(report, l);
                    }
                }
            }
        }
        // Word keeps the last paragraph mark of a document whatever its tracked change
        // says; a plain empty paragraph at the end keeps every tracked mark honoured (and
        // gives an empty comparison the one paragraph a body needs).
        if paragraphs.last().is_none_or(|p| p.mark != Mark::Kept) {
            paragraphs.push(Paragraph::new("Normal"));
        }
        Body { paragraphs }
    }

    /// `word/document.xml` and `word/comments.xml`. Changes and comments are numbered
    /// together in document order, so every id is unique in the file.
    fn xml(&self, options: &RedlineOptions) -> (String, String) {
        let ids = std::cell::Cell::new(0usize);
        let next_id = || {
            ids.set(ids.get() + 1);
            ids.get()
        };
        let author = escape(xml_safe(&options.author).into_owned()).into_owned();
        let mut comments = String::from(XML_DECLARATION);
        let _ = write!(comments, "<w:comments xmlns:w=\"{W_NS}\">");
        // A checked date is digits, dashes, colons and letters: nothing to escape.
        let date = options
            .date
            .as_ref()
            .map(|d| format!(" w:date=\"{d}\""))
            .unwrap_or_default();
        let change = |tag: &str, close: bool| -> String {
            let id = next_id();
            format!(
                "<w:{tag} w:id=\"{id}\" w:author=\"{author}\"{date}{}>",
                if close { "/" } else { "" }
            )
        };
        let mut out = String::from(XML_DECLARATION);
        out.push_str("<w:document xmlns:w=\"");
        out.push_str(W_NS);
        out.push_str("\"><w:body>");
        for p in &self.paragraphs {
            let _ = write!(out, "<w:p><w:pPr><w:pStyle w:val=\"{}\"/>", p.style);
            match p.mark {
                Mark::Kept => {}
                Mark::Inserted => {
                    out.push_str("<w:rPr>");
                    out.push_str(&change("ins", true));
                    out.push_str("</w:rPr>");
                }
                Mark::Deleted => {
                    out.push_str("<w:rPr>");
                    out.push_str(&change("del", true));
                    out.push_str("</w:rPr>");
                }
            }
            out.push_str("</w:pPr>");
            let comment = p.comment.as_deref().map(|text| {
                let id = next_id();
                let _ = write!(
                    comments,
                    "<w:comment w:id=\"{id}\" w:author=\"{author}\"{date}><w:p>{}</w:p></w:comment>",
                    run_xml(text, "w:t")
                );
                let _ = write!(out, "<w:commentRangeStart w:id=\"{id}\"/>");
                id
            });
            for run in &p.runs {
                match run.kind {
                    OpKind::Equal => out.push_str(&run_xml(&run.text, "w:t")),
                    OpKind::Insert => {
                        out.push_str(&change("ins", false));
                        out.push_str(&run_xml(&run.text, "w:t"));
                        out.push_str("</w:ins>");
                    }
                    OpKind::Delete => {
                        out.push_str(&change("del", false));
                        out.push_str(&run_xml(&run.text, "w:delText"));
                        out.push_str("</w:del>");
                    }
                }
            }
            if let Some(id) = comment {
                let _ = write!(
                    out,
                    "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
                );
            }
            out.push_str("</w:p>");
        }
        comments.push_str("</w:comments>");
        // Portrait A4 with Word's default margins, so the page looks the same in every reader.
        out.push_str(
            "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" \
             w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" \
             w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
        );
        (out, comments)
    }
}

/// The runs of a link that rebuild both of its texts exactly (see the module docs).
fn exact_ops(report: &Report, link: &Link, ops: &[Op]) -> Vec<Op> {
    let old = report.old.joined_text(&link.old);
    let new = report.new.joined_text(&link.new);
    let rebuilds = |ops: &[Op]| {
        let side = |changed: OpKind| -> String {
            ops.iter()
                .filter(|op| op.kind == OpKind::Equal || op.kind == changed)
                .map(|op| op.text.as_str())
                .collect()
        };
        side(OpKind::Delete) == old && side(OpKind::Insert) == new
    };
    // An equal run the two versions spell differently (spacing, case, … the report's
    // diff ignored) becomes the changes between its two spellings, diffed comparing
    // everything; what even that leaves unequal (invisible characters) is deleted and
    // inserted.
    let strict = DiffOptions::new().ignore_whitespace(false);
    let mut expanded = Vec::with_capacity(ops.len());
    for op in ops {
        match &op.old {
            Some(old) if op.kind == OpKind::Equal => {
                for sub in diff_texts(old, &op.text, &strict).ops {
                    match sub.old {
                        Some(sub_old) if sub.kind == OpKind::Equal => {
                            expanded.push(Op::new(OpKind::Delete, sub_old));
                            expanded.push(Op::new(OpKind::Insert, sub.text));
                        }
                        _ => expanded.push(sub),
                    }
                }
            }
            _ => expanded.push(op.clone()),
        }
    }
    if rebuilds(&expanded) {
        return expanded;
    }
    [(OpKind::Delete, old), (OpKind::Insert, new)]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(kind, text)| Op::new(kind, text))
        .collect()
}

/// Appends the paragraphs of a link shown in place: its runs cut at the unit boundaries of
/// each side, a deleted paragraph mark between two old units (merge), an inserted one
/// between two new units (split). `ops` rebuild both joined texts exactly.
fn linked(report: &Report, link: &Link, ops: &[Op], out: &mut Vec<Paragraph>) {
    let old_units: Vec<&Unit> = link.old.iter().map(|&o| report.old.unit(o)).collect();
    let new_units: Vec<&Unit> = link.new.iter().map(|&n| report.new.unit(n)).collect();
    // Byte offsets of the separators in each joined text.
    let bounds = |units: &[&Unit]| -> Vec<usize> {
        let mut at = 0;
        let mut out = Vec::new();
        for (i, u) in units.iter().enumerate() {
            if i > 0 {
                out.push(at);
                at += JOIN_SEPARATOR.len();
            }
            at += u.text.len();
        }
        out
    };
    let old_bounds: HashSet<usize> = bounds(&old_units).into_iter().collect();
    let new_bounds: HashSet<usize> = bounds(&new_units).into_iter().collect();
    let (mut next_old, mut next_new) = (1, 1);
    let first = new_units.first().or(old_units.first());
    let mut p = Paragraph::new(first.map_or("Normal", |u| style(u)));
    let old_prefix = old_units.first().map(|u| prefix(u)).unwrap_or_default();
    let new_prefix = new_units.first().map(|u| prefix(u)).unwrap_or_default();
    if old_prefix == new_prefix {
        p.push(OpKind::Equal, &new_prefix);
    } else {
        p.push(OpKind::Delete, &old_prefix);
        p.push(OpKind::Insert, &new_prefix);
    }
    let (mut o, mut n) = (0usize, 0usize);
    for op in ops {
        let mut rest = op.text.as_str();
        while !rest.is_empty() {
            // The next separator in this run, on the side(s) the run covers.
            let cut = rest.char_indices().map(|(i, _)| i).find(|&i| {
                let old_cut = op.kind != OpKind::Insert && old_bounds.contains(&(o + i));
                let new_cut = op.kind != OpKind::Delete && new_bounds.contains(&(n + i));
                old_cut || new_cut
            });
            let Some(at) = cut else {
                p.push(op.kind, rest);
                advance(op.kind, rest.len(), &mut o, &mut n);
                break;
            };
            p.push(op.kind, &rest[..at]);
            advance(op.kind, at, &mut o, &mut n);
            let old_cut = op.kind != OpKind::Insert && old_bounds.contains(&o);
            let sep = JOIN_SEPARATOR.len();
            // The separator itself: an equal one stands for a space on the side without
            // the boundary; a changed one was never in the text.
            let (mark, kind) = if old_cut {
                (Mark::Deleted, OpKind::Insert)
            } else {
                (Mark::Inserted, OpKind::Delete)
            };
            if op.kind == OpKind::Equal {
                p.push(kind, &rest[at..at + sep]);
            }
            advance(op.kind, sep, &mut o, &mut n);
            rest = &rest[at + sep..];
            p.mark = mark;
            let kept = p.style;
            out.push(std::mem::replace(&mut p, Paragraph::new(kept)));
            if old_cut {
                let unit = old_units.get(next_old);
                next_old += 1;
                p.push(OpKind::Delete, &unit.map(|u| prefix(u)).unwrap_or_default());
            } else {
                let unit = new_units.get(next_new);
                next_new += 1;
                if let Some(u) = unit {
                    p.style = style(u);
                }
                p.push(OpKind::Insert, &unit.map(|u| prefix(u)).unwrap_or_default());
            }
        }
    }
    out.push(p);
}

/// The comment on a new unit of a link shown coarsely: where it came from.
fn moved_here(report: &Report, link: &Link) -> String {
    let how = match (link.moved, link.shape) {
        (true, _) => "Moved",
        (false, LinkShape::Merge) => "Merged",
        (false, LinkShape::Split) => "Split",
        // In place by the alignment, but its old units would come back out of order.
        (false, LinkShape::OneToOne) => "Taken",
    };
    format!(
        "{how} from old {} ({})",
        labels(&report.old, &link.old),
        link.change.as_str()
    )
}

/// The comment on an old unit of a link shown coarsely: where it went.
fn moved_away(report: &Report, link: &Link) -> String {
    let how = if link.moved { "Moved" } else { "Taken" };
    format!("{how} to new {}", labels(&report.new, &link.new))
}

/// The comment on a merge or split shown in place.
fn reshaped(report: &Report, link: &Link) -> Option<String> {
    let (old, new) = (
        labels(&report.old, &link.old),
        labels(&report.new, &link.new),
    );
    match link.shape {
        LinkShape::OneToOne => None,
        LinkShape::Merge => Some(format!("Old {old} merged into {new}")),
        LinkShape::Split => Some(format!("Old {old} split into {new}")),
    }
}

fn advance(kind: OpKind, len: usize, old: &mut usize, new: &mut usize) {
    if kind != OpKind::Insert {
        *old += len;
    }
    if kind != OpKind::Delete {
        *new += len;
    }
}

/// The printed number as text before the unit's text: `12. `, `IV. `, `(a) `.
fn prefix(unit: &Unit) -> String {
    match unit.number.as_deref() {
        Some(n) if n.ends_with(')') || n.ends_with('.') => format!("{n} "),
        Some(n) => format!("{n}. "),
        None => String::new(),
    }
}

/// The paragraph style of a unit.
fn style(unit: &Unit) -> &'static str {
    const HEADINGS: [&str; MAX_HEADING_LEVEL] = [
        "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6",
    ];
    match unit.kind {
        UnitKind::Heading => HEADINGS[heading_level(unit) - 1],
        UnitKind::Paragraph => "Normal",
        UnitKind::ListItem => "ListParagraph",
        UnitKind::Footnote => "FootnoteText",
    }
}

/// A heading's level, 1-based: the depth of a dotted decimal number (`3.2` is 2), else 1.
fn heading_level(unit: &Unit) -> usize {
    let depth = unit.number.as_deref().map_or(1, |n| {
        let parts: Vec<&str> = n.split('.').filter(|p| !p.is_empty()).collect();
        if parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
            parts.len()
        } else {
            1
        }
    });
    depth.clamp(1, MAX_HEADING_LEVEL)
}

/// `text` with every character XML 1.0 forbids shown visibly (see the module docs).
fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let forbidden = |c: char| matches!(c, '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\u{fffe}' | '\u{ffff}');
    if !text.contains(forbidden) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\0'..='\x1f' if forbidden(c) => {
                out.push('^');
                out.push(char::from(c as u8 + 0x40));
            }
            '\u{fffe}' | '\u{ffff}' => {
                let _ = write!(out, "<U+{:04X}>", u32::from(c));
            }
            _ => out.push(c),
        }
    }
    out.into()
}

/// One run (`w:r`) holding `text`: tabs as `w:tab`, line breaks as `w:br`, the rest in
/// `tag` (`w:t`, or `w:delText` inside a deletion), spaces preserved.
fn run_xml(text: &str, tag: &str) -> String {
    let text = xml_safe(text);
    let mut out = String::from("<w:r>");
    let mut piece = String::new();
    let flush = |piece: &mut String, out: &mut String| {
        if !piece.is_empty() {
            let _ = write!(
                out,
                "<{tag} xml:space=\"preserve\">{}</{tag}>",
                escape(piece.as_str())
            );
            piece.clear();
        }
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => {
                flush(&mut piece, &mut out);
                out.push_str("<w:tab/>");
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                flush(&mut piece, &mut out);
                out.push_str("<w:br/>");
            }
            _ => piece.push(c),
        }
    }
    flush(&mut piece, &mut out);
    out.push_str("</w:r>");
    out
}

/// `word/styles.xml`: the few styles the redline uses, headings with their outline level
/// so Word's navigation pane and table of contents see them.
fn styles() -> String {
    let mut out = String::from(XML_DECLARATION);
    let _ = write!(
        out,
        "<w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\"/>\
         </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"160\"/></w:pPr>\
         </w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
    );
    for level in 1..=MAX_HEADING_LEVEL {
        // 16 pt for level 1, down by 1 pt a level, never below the body's 11 pt.
        let half_points = (34 - 2 * level).max(22);
        let _ = write!(
            out,
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>\
             <w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"{}\"/></w:pPr>\
             <w:rPr><w:b/><w:sz w:val=\"{half_points}\"/></w:rPr></w:style>",
            level - 1
        );
    }
    out.push_str(
        "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>\
         <w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"720\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/>\
         <w:basedOn w:val=\"Normal\"/><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style></w:styles>",
    );
    out
}

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>\
</Relationships>";

/// `docProps/core.xml`: the title names the two versions as the report does (their paths,
/// or `--label`s), so Word's document properties and pandoc's `title` say what was compared.
fn core_properties(report: &Report) -> String {
    let title = format!("{} \u{2192} {}", report.old.path, report.new.path);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title></cp:coreProperties>",
        escape(xml_safe(&title).as_ref())
    )
}

/// `word/settings.xml`: track changes stays on, so a reviewer's own edits are tracked too.
const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:trackRevisions/></w:settings>";

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(kind: UnitKind, number: Option<&str>) -> Unit {
        Unit {
            id: 0,
            kind,
            block: crate::model::Block::Prose,
            number: number.map(str::to_string),
            section: None,
            parent: None,
            line: 1,
            end_line: 1,
            text: "Text.".into(),
            norm: "text.".into(),
            source: None,
        }
    }

    #[test]
    fn forbidden_characters_are_shown_and_the_rest_kept() {
        assert_eq!(xml_safe("a\u{1b}[2Jb\u{0}c"), "a^[[2Jb^@c");
        assert_eq!(xml_safe("x\u{fffe}"), "x<U+FFFE>");
        // Tab, line breaks, bidi marks and C1 controls are allowed in XML 1.0.
        assert_eq!(xml_safe("a\tb\nc\u{202e}d\u{85}"), "a\tb\nc\u{202e}d\u{85}");
    }

    #[test]
    fn runs_escape_markup_and_keep_tabs_and_breaks() {
        assert_eq!(
            run_xml("a<b>&\tc\r\nd", "w:t"),
            "<w:r><w:t xml:space=\"preserve\">a&lt;b&gt;&amp;</w:t><w:tab/>\
             <w:t xml:space=\"preserve\">c</w:t><w:br/><w:t xml:space=\"preserve\">d</w:t></w:r>"
        );
        assert_eq!(run_xml("", "w:delText"), "<w:r></w:r>");
    }

    #[test]
    fn numbers_are_printed_as_typed() {
        assert_eq!(prefix(&unit(UnitKind::Paragraph, Some("12"))), "12. ");
        assert_eq!(prefix(&unit(UnitKind::ListItem, Some("(a)"))), "(a) ");
        assert_eq!(prefix(&unit(UnitKind::ListItem, Some("b)"))), "b) ");
        assert_eq!(prefix(&unit(UnitKind::Paragraph, None)), "");
    }

    #[test]
    fn heading_levels_follow_the_numbers_depth() {
        let level = |n: Option<&str>| heading_level(&unit(UnitKind::Heading, n));
        assert_eq!(level(None), 1);
        assert_eq!(level(Some("IV")), 1);
        assert_eq!(level(Some("3.2")), 2);
        assert_eq!(level(Some("1.2.3.4.5.6.7.8")), MAX_HEADING_LEVEL);
        assert_eq!(style(&unit(UnitKind::Heading, Some("3.2"))), "Heading2");
    }

    #[test]
    fn dates_are_checked_against_the_calendar_and_written_in_utc() {
        let ok = |s: &str| s.parse::<ChangeDate>().map(|d| d.to_string());
        assert_eq!(ok("2024-02-29").as_deref(), Ok("2024-02-29T00:00:00Z"));
        assert_eq!(ok("2000-02-29").as_deref(), Ok("2000-02-29T00:00:00Z"));
        assert!(ok("1900-02-29").is_err());
        assert!(ok("2026-04-31").is_err());
        assert!(ok("2026-00-10").is_err());
        assert_eq!(
            ok("2026-11-30t14:05:09.999z").as_deref(),
            Ok("2026-11-30T14:05:09Z")
        );
        assert_eq!(
            ok("2026-11-30 14:05:00-00:00").as_deref(),
            Ok("2026-11-30T14:05:00Z")
        );
        // Offsets carried across days, months and years.
        assert_eq!(
            ok("2027-01-01T01:00:00+02:00").as_deref(),
            Ok("2026-12-31T23:00:00Z")
        );
        assert_eq!(
            ok("2024-02-28T23:30:00-05:30").as_deref(),
            Ok("2024-02-29T05:00:00Z")
        );
        assert!(ok("0001-01-01T00:00:00+01:00").is_err(), "before year 1");
        for bad in [
            "",
            "2026",
            "2026-1-30",
            "2026-11-30T",
            "2026-11-30T10:00Z",
            "2026-11-30T10:00:00+1:00",
            "2026-11-30T10:00:00+24:00",
            "2026-11-30T10:00:00.Z",
            "2026-11-30T10:00:00Zjunk",
            "２０２６-11-30",
            "2026-11-30X10:00:00Z",
            "2026-12-31T23:59:60Z",
            "9999-12-31T23:00:00-02:00",
        ] {
            assert!(ok(bad).is_err(), "{bad:?}");
        }
        // What RFC 3339 allows and a Word date does not, refused with its own reason.
        let why = |s: &str| s.parse::<ChangeDate>().unwrap_err().to_string();
        assert!(why("2026-12-31T23:59:60Z").starts_with("a leap second cannot be written"));
        assert!(why("2026-11-30X10:00:00Z").starts_with("a time must follow the date"));
        assert!(why("9999-12-31T23:00:00-02:00").starts_with("out of the years 0001 to 9999"));
        assert!(why("2026-11-31").starts_with("not a date or time: "));
    }

    #[test]
    fn an_empty_comparison_is_a_valid_document_with_one_paragraph() {
        let report = crate::diff::report(
            crate::Document::default(),
            crate::Document::default(),
            crate::Alignment::default(),
            &DiffOptions::new(),
        );
        let (xml, comments) = Body::of(&report).xml(&RedlineOptions::new());
        assert_eq!(xml.matches("<w:p>").count(), 1);
        assert!(comments.ends_with("<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"></w:comments>"));
        let mut out = Vec::new();
        redline(&report, &RedlineOptions::new(), &mut out).expect("writes");
        assert_eq!(&out[..2], b"PK");
    }
}
