//! PDF → [`Document`]: glyphs with their positions and sizes (from `pdf-extract`'s
//! output device), laid out into lines and paragraphs, then cut into units by the
//! segmenter.
//!
//! 1. **Lines**: glyphs in content order; a new line where the baseline moves by more
//!    than half the font size; a space where the gap to the previous glyph is wider than
//!    [`SPACE_GAP`] of the size. Small raised digits are footnote markers, kept apart.
//! 2. **Page furniture**: lines in the top or bottom [`MARGIN_ZONE`] of a page that repeat
//!    (digits aside) on at least half the pages, or that are only a page number, are
//!    taken out as headers, footers and page numbers, and kept as artifacts.
//! 3. **Footnotes**: the run of lines at the bottom of a page set smaller than the body
//!    text, starting with a number, is the page's footnotes; each becomes a footnote unit,
//!    placed after the units of its page, its parent the unit that carries its marker.
//! 4. **Headings**: lines set clearly larger than the body text ([`HEADING_SIZE`]), short,
//!    become headings, one level per size (largest first).
//! 5. **Paragraphs**: a new paragraph where the gap between baselines is wider than usual
//!    ([`PARAGRAPH_GAP`]), where a line is indented from the page's left edge, or after a
//!    heading; a paragraph runs on over a page break unless its last line ended a
//!    sentence.
//! 6. The paragraphs, one line of text per PDF line, go through the segmenter as blocks,
//!    so numbered paragraphs, list items and words broken at line ends are found and
//!    mended exactly as for text. Each unit records its page, line on the page and
//!    baseline ([`SourceLocation::Page`]); its `line` and `end_line`, and the line of each
//!    artifact, count the text lines of the whole file, pages in order (about the lines
//!    `pdftotext` would print).
//!
//! Bold type is not seen: the output device reports sizes but not fonts, so a heading
//! set in bold at body size is read as a paragraph (the segmenter still makes a short
//! line a title).
//!
//! `pdf-extract` can panic on damaged or unusual files: it runs inside
//! [`std::panic::catch_unwind`] and a panic becomes an error naming the file.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use crate::error::{Error, Result};
use crate::model::{Artifact, ArtifactKind, Document, SourceLocation, Unit, UnitKind};
use crate::segment::{Layout, SegmentOptions, normalize, segment};

/// A gap wider than this share of the font size between two glyphs is a space.
const SPACE_GAP: f64 = 0.15;

/// Top and bottom share of the page where running headers, footers and page numbers sit.
const MARGIN_ZONE: f64 = 0.1;

/// A line set at least this much larger than the body text may be a heading.
const HEADING_SIZE: f64 = 1.15;

/// Footnotes set at body size are found below this share of the page height…
const NOTE_ZONE: f64 = 0.4;

/// …after a gap between baselines wider than this multiple of the usual line spacing.
const NOTE_GAP: f64 = 1.8;

/// Most words in a heading line.
const HEADING_MAX_WORDS: usize = 20;

/// A line set at most this share of the body size is small print (footnotes, markers).
const SMALL_SIZE: f64 = 0.9;

/// A baseline gap wider than this multiple of the usual line spacing starts a paragraph.
const PARAGRAPH_GAP: f64 = 1.35;

/// A line whose left edge stands this share of the font size right of the page's usual
/// left edge is indented (a paragraph's first line).
const INDENT: f64 = 0.8;

/// One glyph on a page, `y` measured down from the top.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// The output device: glyphs per page.
#[derive(Default)]
struct Collect {
    pages: Vec<Page>,
}

#[derive(Debug, Default)]
struct Page {
    height: f64,
    glyphs: Vec<Glyph>,
}

impl OutputDev for Collect {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> std::result::Result<(), OutputError> {
        self.pages.push(Page {
            height: (media_box.ury - media_box.lly).abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> std::result::Result<(), OutputError> {
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        // The size of the glyph on the page: the font size through the text matrix.
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        let (x, y) = (trm.m31, page.height - trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) {
            return Ok(());
        }
        page.glyphs.push(Glyph {
            x,
            end: x + width * size,
            y,
            size,
            text: text.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }
}

/// One line of text on a page.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    /// 1-based among the page's lines.
    no: usize,
    /// 1-based among all the text lines of the file, pages in order: the `line` of units
    /// and artifacts read from a PDF.
    global: usize,
    text: String,
    x0: f64,
    /// Where the line's last glyph ends.
    x1: f64,
    /// Where the line's first word ends (the line's end when it has one word).
    first_end: Option<f64>,
    y: f64,
    size: f64,
    /// Footnote markers (small raised digits) found in the line.
    markers: Vec<String>,
    /// The line starts with a small raised number (a footnote body's label).
    lead_marker: Option<String>,
    /// Where the line's second word starts: the text column of a list item, whose
    /// wrapped lines stand under it.
    second_x: Option<f64>,
}

fn input(path: &str, message: impl Into<String>) -> Error {
    Error::Input {
        path: path.to_string(),
        message: message.into(),
    }
}

/// Runs `pdf-extract` on the bytes, a panic turned into an error.
fn glyphs(path: &str, bytes: &[u8]) -> Result<Vec<Page>> {
    let outcome = catch_unwind(AssertUnwindSafe(|| -> Result<Vec<Page>> {
        let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| match e {
            pdf_extract::Error::Decryption(_) => encrypted(path),
            e => input(path, format!("damaged PDF file: {e}")),
        })?;
        if doc.is_encrypted() && doc.decrypt("").is_err() {
            return Err(encrypted(path));
        }
        let mut out = Collect::default();
        pdf_extract::output_doc(&doc, &mut out)
            .map_err(|e| input(path, format!("damaged PDF file: {e}")))?;
        Ok(out.pages)
    }));
    match outcome {
        Ok(r) => r,
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            Err(input(
                path,
                format!("damaged or unsupported PDF file: the PDF reader failed ({why})"),
            ))
        }
    }
}

fn encrypted(path: &str) -> Error {
    input(
        path,
        "encrypted: draftdiff cannot read it; remove the password first",
    )
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// Lays a page's glyphs out into lines.
fn lines_of(page_no: usize, page: &Page) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut cur: Option<(Line, f64)> = None; // the line and the end of its last glyph
    let mut pending_sup = String::new();
    let flush_sup = |line: &mut Line, sup: &mut String| {
        if sup.is_empty() {
            return;
        }
        if line.text.trim().is_empty() {
            line.lead_marker = Some(std::mem::take(sup));
        } else {
            line.markers.push(std::mem::take(sup));
        }
    };
    for g in &page.glyphs {
        let same_line = cur.as_ref().is_some_and(|(l, end)| {
            let tol = 0.6 * l.size.max(g.size);
            (g.y - l.y).abs() <= tol && g.x >= end - 2.0 * l.size.max(g.size)
        });
        if !same_line {
            if let Some((mut l, _)) = cur.take() {
                flush_sup(&mut l, &mut pending_sup);
                lines.push(l);
            }
            cur = Some((
                Line {
                    page: page_no,
                    no: 0,
                    global: 0,
                    text: String::new(),
                    x0: g.x,
                    x1: g.end,
                    first_end: None,
                    y: g.y,
                    size: g.size,
                    markers: Vec::new(),
                    lead_marker: None,
                    second_x: None,
                },
                g.x,
            ));
        }
        let Some((line, end)) = cur.as_mut() else {
            continue;
        };
        // A small raised digit: a footnote marker.
        let raised = g.size < SMALL_SIZE * line.size && g.y < line.y - 0.15 * line.size;
        if raised && is_digits(g.text.trim()) {
            pending_sup.push_str(g.text.trim());
            *end = g.end;
            continue;
        }
        // Digits opening a line, set smaller and higher than what follows them: the
        // label of a footnote body (only known once the first normal glyph comes).
        if is_digits(line.text.trim())
            && !is_digits(g.text.trim())
            && line.size < SMALL_SIZE * g.size
            && line.y < g.y - 0.15 * g.size
        {
            pending_sup = std::mem::take(&mut line.text).trim().to_string();
            line.x0 = g.x;
        }
        flush_sup(line, &mut pending_sup);
        if line.text.is_empty() {
            // The line's size and baseline are its first normal glyph's.
            line.size = g.size;
            line.y = g.y;
            line.x0 = line.x0.min(g.x);
        } else {
            if g.x > *end + SPACE_GAP * g.size && !line.text.ends_with(' ') {
                line.text.push(' ');
            }
            if line.first_end.is_none() && line.text.ends_with(' ') {
                line.first_end = Some(*end);
            }
            line.size = line.size.max(g.size);
            if line.second_x.is_none() && line.text.ends_with(' ') && !g.text.trim().is_empty() {
                line.second_x = Some(g.x);
            }
        }
        line.text.push_str(&g.text);
        *end = g.end;
        line.x1 = line.x1.max(g.end);
    }
    if let Some((mut l, _)) = cur.take() {
        flush_sup(&mut l, &mut pending_sup);
        lines.push(l);
    }
    lines.retain(|l| !l.text.trim().is_empty() || l.lead_marker.is_some());
    for (i, l) in lines.iter_mut().enumerate() {
        l.no = i + 1;
        let t = l.text.split_whitespace().collect::<Vec<_>>().join(" ");
        l.text = t;
    }
    lines
}

/// The right edge of the text column: where the body lines that reach furthest end (the
/// 95th percentile of their ends, so that a table or a long address sticking out does not
/// move it); `None` when there are too few lines to tell.
fn right_edge(body: &[Vec<&Line>], body_size: f64) -> Option<f64> {
    let mut ends: Vec<f64> = body
        .iter()
        .flatten()
        .filter(|l| !is_heading(l, body_size))
        .map(|l| l.x1)
        .collect();
    if ends.len() < 10 {
        return None;
    }
    ends.sort_unstable_by(f64::total_cmp);
    Some(ends[(ends.len() - 1) * 95 / 100])
}

/// True when `line`'s first word (and a space) would have fit at the end of `prev`, left
/// of `right` with an em to spare: then `prev` did not wrap, it ended.
fn has_room_for(prev: &Line, line: &Line, right: Option<f64>) -> bool {
    let word = line.first_end.unwrap_or(line.x1) - line.x0;
    right.is_some_and(|right| prev.x1 + 0.3 * line.size + word < right - line.size)
}

/// The most common value of `key` over the lines, weighted by characters, to a half point.
fn mode(lines: &[&Line], key: impl Fn(&Line) -> f64) -> Option<f64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for l in lines {
        *counts.entry((key(l) * 2.0).round() as i64).or_insert(0) += l.text.len().max(1);
    }
    counts
        .into_iter()
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))
        .map(|(k, _)| k as f64 / 2.0)
}

/// A page number as printed alone: `12`, `- 12 -`, `Page 12`, `12 of 40`, `xii`.
fn is_page_number(t: &str) -> bool {
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let lower = t.to_lowercase();
    let t = lower.strip_prefix("page").map_or(lower.as_str(), str::trim);
    let first = t.split(" of ").next().unwrap_or(t).trim();
    is_digits(first)
        || (!first.is_empty() && first.len() <= 6 && first.chars().all(|c| "ivxlc".contains(c)))
}

/// The key under which a margin line is counted across pages: digits as `#`, lower case.
fn furniture_key(t: &str) -> String {
    t.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A footnote taken out of a page.
#[derive(Debug)]
struct Note {
    label: String,
    text: String,
    page: usize,
    no: usize,
    y: f64,
    /// First and last line of the note among all the file's lines.
    global: usize,
    last_global: usize,
}

/// Reads a PDF file. The segment options' layout is not used: the paragraphs found from
/// the page layout are given to the segmenter as blank-line separated blocks.
///
/// # Errors
/// [`Error::Input`] for a damaged or encrypted file, or one without a text layer.
pub(crate) fn read(path: &str, bytes: &[u8], _options: &SegmentOptions) -> Result<Document> {
    let pages = glyphs(path, bytes)?;
    lay_out(path, &pages)
}

/// Pages of glyphs → document (steps 1–6 of the module docs).
fn lay_out(path: &str, pages: &[Page]) -> Result<Document> {
    if pages
        .iter()
        .all(|p| p.glyphs.iter().all(|g| g.text.trim().is_empty()))
    {
        return Err(input(path, "no text layer: run OCR first, e.g. ocrmypdf"));
    }
    let mut page_lines: Vec<Vec<Line>> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| lines_of(i + 1, p))
        .collect();
    for (i, l) in page_lines.iter_mut().flatten().enumerate() {
        l.global = i + 1;
    }
    let all: Vec<&Line> = page_lines.iter().flatten().collect();
    let body_size = mode(&all, |l| l.size).unwrap_or(10.0).max(1.0);

    // Page furniture: margin lines repeated on half the pages or more, and page numbers.
    let in_margin = |l: &Line| {
        let h = pages[l.page - 1].height.max(1.0);
        l.y < MARGIN_ZONE * h || l.y > (1.0 - MARGIN_ZONE) * h
    };
    let mut repeats: HashMap<String, usize> = HashMap::new();
    for lines in &page_lines {
        let mut keys: Vec<String> = lines
            .iter()
            .filter(|l| in_margin(l))
            .map(|l| furniture_key(&l.text))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *repeats.entry(k).or_insert(0) += 1;
        }
    }
    let many = page_lines.len() >= 2;
    let furniture = |l: &Line| {
        in_margin(l)
            && l.lead_marker.is_none()
            && (is_page_number(&l.text)
                || (many
                    && repeats.get(&furniture_key(&l.text)).copied().unwrap_or(0) * 2
                        >= page_lines.len()))
    };

    let spacing = line_spacing(&page_lines, body_size);

    // Footnotes: the lines at the bottom of each page set smaller than the body, or set
    // apart by a wide gap and opening with a raised number; the run starts with a label.
    let mut notes: Vec<Note> = Vec::new();
    let mut body: Vec<Vec<&Line>> = Vec::new();
    let mut artifacts = Vec::new();
    for lines in &page_lines {
        for l in lines.iter().filter(|l| furniture(l)) {
            let kind = if is_page_number(&l.text) {
                ArtifactKind::PageNumber
            } else {
                ArtifactKind::PageHeader
            };
            artifacts.push(Artifact {
                kind,
                line: l.global,
                text: l.text.clone(),
            });
        }
        let kept: Vec<&Line> = lines.iter().filter(|l| !furniture(l)).collect();
        let mut cut = kept.len();
        while cut > 0 && kept[cut - 1].size <= SMALL_SIZE * body_size {
            cut -= 1;
        }
        let height = lines.first().map_or(0.0, |l| pages[l.page - 1].height);
        if let Some(i) = (1..kept.len()).find(|&i| {
            kept[i].lead_marker.is_some()
                && kept[i].y > NOTE_ZONE * height
                && kept[i].y - kept[i - 1].y > NOTE_GAP * spacing
        }) {
            cut = cut.min(i);
        }
        // The run must start with a note label.
        while cut < kept.len() && note_label(kept[cut]).is_none() {
            cut += 1;
        }
        for l in &kept[cut..] {
            match note_label(l) {
                Some((label, rest)) => notes.push(Note {
                    label,
                    text: rest,
                    page: l.page,
                    no: l.no,
                    y: l.y,
                    global: l.global,
                    last_global: l.global,
                }),
                None => {
                    if let Some(n) = notes.last_mut() {
                        join_line(&mut n.text, &l.text);
                        n.last_global = l.global;
                    }
                }
            }
        }
        body.push(kept[..cut].to_vec());
    }

    // Headings: one level per larger size.
    let mut heading_sizes: Vec<i64> = body
        .iter()
        .flatten()
        .filter(|l| is_heading(l, body_size))
        .map(|l| (l.size * 2.0).round() as i64)
        .collect();
    heading_sizes.sort_unstable_by(|a, b| b.cmp(a));
    heading_sizes.dedup();
    let level_of = |l: &Line| {
        let k = (l.size * 2.0).round() as i64;
        heading_sizes
            .iter()
            .position(|&s| s == k)
            .map_or(1, |i| i + 1)
            .min(6)
    };

    // Paragraphs, written as blocks of text for the segmenter.
    let mut text = String::new();
    // Per line of the text given to the segmenter: the PDF line it stands for.
    let mut places: Vec<&Line> = Vec::new();
    // Footnote markers with the file line they stand on.
    let mut marker_lines: Vec<(usize, String)> = Vec::new();
    let mut prev: Option<&Line> = None;
    let mut prev_heading = false;
    // The text column of the list item the last line belongs to: the item's first line
    // (a bullet or a label first) and the lines wrapped under its text since.
    let mut item_column: Option<f64> = None;
    let right = right_edge(&body, body_size);
    // The left edge of each page's text, by page number.
    let mut lefts: HashMap<usize, f64> = HashMap::new();
    for page in &body {
        let left = mode(
            &page
                .iter()
                .copied()
                .filter(|l| !is_heading(l, body_size))
                .collect::<Vec<_>>(),
            |l| l.x0,
        )
        .unwrap_or(0.0);
        if let Some(first) = page.first() {
            lefts.insert(first.page, margin(page, body_size));
        }
        for &l in page {
            let heading = is_heading(l, body_size);
            let indented = l.x0 > left + INDENT * l.size;
            // A block set in from the margin as a whole (a block quote, or a list whose
            // bullets are drawn, not written, as browsers print them): each of its lines
            // is indented, and one goes on the line before it unless that line was broken
            // by hand, leaving room for this line's first word (a line wraps where the
            // next word no longer fits).
            let in_block = prev.is_some_and(|p| {
                p.page == l.page
                    && p.x0 > left + INDENT * p.size
                    && (p.x0 - l.x0).abs() <= 0.5 * l.size
                    && !has_room_for(p, l, right)
            });
            // The same test ends a paragraph with no space after it and no indent, as
            // lists printed without their bullets are: a line broken by hand before a
            // line that does not go on with a lowercase word.
            let broken = prev.is_some_and(|p| {
                p.page == l.page
                    && has_room_for(p, l, right)
                    && !l.text.starts_with(char::is_lowercase)
            });
            // The lines of a list item wrap under its text, right of its bullet or
            // label (a hanging indent): indented from the page's edge, they still go on
            // with the item. A numbered paragraph wraps to the margin instead, so an
            // indented line after its second line starts a paragraph.
            let hanging = item_column.is_some_and(|x| (l.x0 - x).abs() <= 0.5 * l.size);
            let new_paragraph = match prev {
                None => true,
                Some(p) if p.page != l.page => {
                    heading
                        || prev_heading
                        || indented
                        || (ends_sentence(&p.text) && !l.text.starts_with(char::is_lowercase))
                }
                Some(p) => {
                    heading != prev_heading
                        || (heading && (p.size - l.size).abs() > 0.5)
                        || l.y - p.y > PARAGRAPH_GAP * spacing
                        || l.y < p.y
                        || (indented && !hanging && !in_block)
                        || (broken && !heading)
                }
            };
            if !heading && opens_item(&l.text) {
                item_column = l.second_x;
            } else if !hanging || new_paragraph {
                item_column = None;
            }
            if new_paragraph && !text.is_empty() {
                text.push('\n');
                places.push(l);
            }
            if heading && new_paragraph {
                text.push_str(&"#".repeat(level_of(l)));
                text.push(' ');
            } else if heading {
                // A heading that wraps: one line for the segmenter.
                if text.ends_with('\n') {
                    text.pop();
                }
                text.push(' ');
                text.push_str(&l.text);
                text.push('\n');
                prev = Some(l);
                continue;
            }
            text.push_str(&l.text);
            text.push('\n');
            places.push(l);
            for m in &l.markers {
                marker_lines.push((l.global, m.clone()));
            }
            prev = Some(l);
            prev_heading = heading;
        }
    }
    let text = mark_set_in_items(&text, &places, &lefts);
    let mut doc = segment(path, &text, &SegmentOptions::new().layout(Layout::Blocks));
    // Lines of the segmenter's text → lines of the file.
    let place = |line: usize| places.get(line.wrapping_sub(1)).copied();
    for u in &mut doc.units {
        if let Some(l) = place(u.line) {
            u.source = Some(SourceLocation::Page {
                page: l.page,
                line: l.no,
                y: l.y.max(0.0).round() as u32,
            });
            u.line = l.global;
        }
        if let Some(l) = place(u.end_line) {
            u.end_line = l.global.max(u.line);
        }
    }
    for a in &mut doc.artifacts {
        if let Some(l) = place(a.line) {
            a.line = l.global;
        }
    }
    doc.artifacts.append(&mut artifacts);
    doc.artifacts.sort_by_key(|a| a.line);
    insert_notes(&mut doc, notes, &marker_lines);
    Ok(doc)
}

/// The left margin of a page's text: the leftmost edge (to a half point) where at least a
/// fifth of its body text starts. Unlike the most common edge, it stays the margin on a
/// page that is mostly a list or a quotation set in from it.
fn margin(page: &[&Line], body_size: f64) -> f64 {
    let mut chars: Vec<(i64, usize)> = Vec::new();
    let mut total = 0;
    for l in page.iter().filter(|l| !is_heading(l, body_size)) {
        let x = (l.x0 * 2.0).round() as i64;
        let n = l.text.len().max(1);
        total += n;
        match chars.iter_mut().find(|(k, _)| *k == x) {
            Some((_, c)) => *c += n,
            None => chars.push((x, n)),
        }
    }
    chars.sort_unstable();
    chars
        .iter()
        .find(|&&(_, n)| 5 * n >= total)
        .map_or(0.0, |&(x, _)| x as f64 / 2.0)
}

/// The paragraphs of `text` (blank-line separated, `places` the PDF line of each text
/// line) set in from the page's left edge as a whole, each line alike, marked as list
/// items (`• `): a list whose bullets were drawn rather than written, as browsers print
/// them, is known by that indent alone. A paragraph of one line is taken so only when no
/// paragraph of the document indents its first line alone (where that is the style, a
/// short paragraph is indented too). Headings and paragraphs that open with a label of
/// their own are left as they are.
fn mark_set_in_items(text: &str, places: &[&Line], lefts: &HashMap<usize, f64>) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    // Paragraphs as ranges of text lines.
    let mut paragraphs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.is_empty(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                paragraphs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    let set_in = |i: usize| {
        places.get(i).is_some_and(|l| {
            lefts
                .get(&l.page)
                .is_some_and(|&left| l.x0 > left + INDENT * l.size)
        })
    };
    let first_line_indents = paragraphs
        .iter()
        .any(|r| r.len() > 1 && set_in(r.start) && !set_in(r.start + 1));
    let mut marked: Vec<usize> = Vec::new();
    for r in &paragraphs {
        let first = lines[r.start];
        if first.starts_with('#') || opens_item(first) || (r.len() == 1 && first_line_indents) {
            continue;
        }
        let x = places.get(r.start).map(|l| (l.x0, l.size));
        let alike = r.clone().all(|i| {
            set_in(i)
                && places
                    .get(i)
                    .zip(x)
                    .is_some_and(|(l, (x0, size))| (l.x0 - x0).abs() <= 0.5 * size)
        });
        if alike {
            marked.push(r.start);
        }
    }
    if marked.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 4 * marked.len());
    let mut next = marked.iter().peekable();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if next.peek() == Some(&&i) {
            next.next();
            out.push_str("• ");
        }
        out.push_str(line);
    }
    out
}

/// The usual distance between the baselines of consecutive body lines.
fn line_spacing(pages: &[Vec<Line>], body_size: f64) -> f64 {
    let mut gaps: HashMap<i64, usize> = HashMap::new();
    for page in pages {
        for w in page.windows(2) {
            let dy = w[1].y - w[0].y;
            if dy > 0.0 && (w[0].size - body_size).abs() < 0.5 {
                *gaps.entry((dy * 2.0).round() as i64).or_insert(0) += 1;
            }
        }
    }
    gaps.into_iter()
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))
        .map_or(body_size * 1.2, |(k, _)| k as f64 / 2.0)
}

/// Whether a line ends a sentence: `.`, `!`, `?` or `:`, closing quotes and brackets
/// aside.
/// The line opens a list item: a bullet, or a label (up to three digits, a letter or a
/// small roman number) closed by `.` or `)` or in brackets (`3.`, `b)`, `(iv)`), then a
/// space.
fn opens_item(t: &str) -> bool {
    let Some((first, rest)) = t.split_once(' ') else {
        return false;
    };
    if rest.trim().is_empty() {
        return false;
    }
    let bullet = matches!(
        first,
        "•" | "◦"
            | "▪"
            | "‣"
            | "∙"
            | "·"
            | "–"
            | "—"
            | "-"
            | "*"
            | "○"
            | "■"
            | "□"
            | "➢"
            | "✓"
    );
    let label = first
        .strip_prefix('(')
        .and_then(|f| f.strip_suffix(')'))
        .or_else(|| first.strip_suffix('.'))
        .or_else(|| first.strip_suffix(')'))
        .is_some_and(|l| {
            let n = l.chars().count();
            let digits = (1..=3).contains(&n) && l.chars().all(|c| c.is_ascii_digit());
            let letter = n == 1 && l.chars().all(char::is_alphabetic);
            let roman = (1..=4).contains(&n)
                && l.chars()
                    .all(|c| matches!(c.to_ascii_lowercase(), 'i' | 'v' | 'x'));
            digits || letter || roman
        });
    bullet || label
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with(['.', '!', '?', ':'])
}

fn is_heading(l: &Line, body_size: f64) -> bool {
    l.size >= HEADING_SIZE * body_size
        && l.text.split_whitespace().count() <= HEADING_MAX_WORDS
        && l.text.chars().any(char::is_alphabetic)
}

/// The label of a footnote body line: a small raised number before it, or a number
/// opening it (`3 Text`, `3. Text`).
fn note_label(l: &Line) -> Option<(String, String)> {
    if let Some(m) = &l.lead_marker {
        return Some((m.clone(), l.text.clone()));
    }
    let digits: String = l.text.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let rest = l.text[digits.len()..].trim_start_matches('.');
    if !rest.starts_with(' ') && !rest.is_empty() {
        return None;
    }
    Some((digits, rest.trim().to_string()))
}

/// Appends a wrapped line to a note, mending a word broken by a hyphen at the line end
/// when the next part starts in lower case.
fn join_line(text: &mut String, line: &str) {
    if text.ends_with('-') && !text.ends_with(" -") && line.starts_with(char::is_lowercase) {
        text.pop();
    } else if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(line);
}

/// Puts the footnotes after the units of their page, renumbering ids, sections and
/// parents.
fn insert_notes(doc: &mut Document, notes: Vec<Note>, markers: &[(usize, String)]) {
    if notes.is_empty() {
        return;
    }
    let page_of = |u: &Unit| match u.source {
        Some(SourceLocation::Page { page, .. }) => page,
        _ => 0,
    };
    let old = std::mem::take(&mut doc.units);
    let mut new_id = vec![0usize; old.len()];
    let mut out: Vec<Unit> = Vec::with_capacity(old.len() + notes.len());
    let mut notes = notes.into_iter().peekable();
    let mut used_markers = vec![false; markers.len()];
    let mut push_note = |out: &mut Vec<Unit>, n: Note, old: &[Unit], new_id: &[usize]| {
        // The parent: the unit whose lines carry the marker with this label.
        let parent = markers
            .iter()
            .enumerate()
            .find(|(i, (_, m))| !used_markers[*i] && *m == n.label)
            .and_then(|(i, (line, _))| {
                used_markers[i] = true;
                old.iter()
                    .position(|u| u.line <= *line && *line <= u.end_line)
                    .map(|j| new_id[j])
            });
        let id = out.len();
        let section = out.iter().rev().find_map(|u: &Unit| {
            if u.kind == UnitKind::Heading {
                Some(u.id)
            } else {
                u.section
            }
        });
        out.push(Unit {
            id,
            kind: UnitKind::Footnote,
            block: crate::model::Block::Prose,
            number: Some(n.label),
            section,
            parent,
            line: n.global,
            end_line: n.last_global,
            norm: normalize(&n.text),
            text: n.text,
            source: Some(SourceLocation::Page {
                page: n.page,
                line: n.no,
                y: n.y.max(0.0).round() as u32,
            }),
        });
    };
    for (i, u) in old.iter().enumerate() {
        while notes.peek().is_some_and(|n| n.page < page_of(u)) {
            if let Some(n) = notes.next() {
                push_note(&mut out, n, &old, &new_id);
            }
        }
        new_id[i] = out.len();
        let mut u = u.clone();
        u.id = out.len();
        u.section = u.section.map(|s| new_id[s]);
        u.parent = u.parent.map(|p| new_id[p]);
        out.push(u);
    }
    for n in notes {
        push_note(&mut out, n, &old, &new_id);
    }
    doc.units = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for t in ["12", "- 12 -", "Page 3", "3 of 40", "xii"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["12 Introduction", "Scope", "1.2"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn note_labels() {
        let mut l = Line {
            page: 1,
            no: 1,
            global: 1,
            text: "3 See the report.".into(),
            x0: 0.0,
            x1: 0.0,
            first_end: None,
            y: 0.0,
            size: 8.0,
            markers: Vec::new(),
            lead_marker: None,
            second_x: None,
        };
        assert_eq!(note_label(&l), Some(("3".into(), "See the report.".into())));
        l.text = "2019 was a year".into();
        assert_eq!(note_label(&l), None);
        l.text = "See".into();
        l.lead_marker = Some("4".into());
        assert_eq!(note_label(&l), Some(("4".into(), "See".into())));
    }

    /// A page of lines: (y, x, size, text), one glyph a character, 0.5 em wide.
    fn page(lines: &[(f64, f64, f64, &str)]) -> Page {
        let mut glyphs = Vec::new();
        for &(y, x, size, text) in lines {
            let mut x = x;
            for c in text.chars() {
                let w = 0.5 * size;
                glyphs.push(Glyph {
                    x,
                    end: x + w,
                    y,
                    size,
                    text: c.to_string(),
                });
                x += w;
            }
        }
        Page {
            height: 800.0,
            glyphs,
        }
    }

    #[test]
    fn wrapped_list_items_keep_their_lines() {
        // Bullets set in from the text, each item's lines wrapping under its text (a
        // hanging indent), on a page where the bullets are the commonest left edge.
        let lines = [
            (100.0, 72.0, 10.0, "The features of the library are:"),
            (
                114.0,
                81.0,
                10.0,
                "\u{2022} One line about the first feature.",
            ),
            (
                128.0,
                81.0,
                10.0,
                "\u{2022} A second feature whose text is long enough",
            ),
            (142.0, 92.0, 10.0, "to wrap onto a line under its own text,"),
            (156.0, 92.0, 10.0, "and onto a third."),
            (170.0, 81.0, 10.0, "3) A numbered item that wraps"),
            (184.0, 92.0, 10.0, "under its text as well."),
            (198.0, 81.0, 10.0, "\u{2022} The last feature."),
        ];
        let doc = lay_out("x.pdf", &[page(&lines)]).unwrap();
        let got: Vec<_> = doc
            .units
            .iter()
            .map(|u| (u.kind, u.text.as_str()))
            .collect();
        use UnitKind::*;
        assert_eq!(
            got,
            [
                (Paragraph, "The features of the library are:"),
                (ListItem, "One line about the first feature."),
                (
                    ListItem,
                    "A second feature whose text is long enough to wrap onto a line under its own text, and onto a third."
                ),
                (
                    ListItem,
                    "A numbered item that wraps under its text as well."
                ),
                (ListItem, "The last feature."),
            ]
        );
    }

    #[test]
    fn opens_item_reads_bullets_and_short_labels() {
        for t in [
            "\u{2022} Text",
            "- Text",
            "3. Text",
            "b) Text",
            "(iv) Text",
            "12. Text",
        ] {
            assert!(opens_item(t), "{t:?}");
        }
        for t in [
            "The text",
            "\u{2022}",
            "2026. A year",
            "(see) text",
            "3.",
            "Mr. Smith",
        ] {
            assert!(!opens_item(t), "{t:?}");
        }
    }

    #[test]
    fn furniture_headings_paragraphs_and_notes() {
        let body = |n: usize| -> Vec<(f64, f64, f64, String)> {
            vec![
                (30.0, 72.0, 9.0, "Draft report of the committee".to_string()),
                (
                    100.0,
                    72.0,
                    10.0,
                    format!("{n}. Paragraph {n} opens here and runs on"),
                ),
                (
                    114.0,
                    72.0,
                    10.0,
                    "to a second line that ends it.".to_string(),
                ),
                (
                    128.0,
                    90.0,
                    10.0,
                    "An indented line starts the next one".to_string(),
                ),
                (142.0, 72.0, 10.0, "and ends it.".to_string()),
                (770.0, 300.0, 9.0, format!("{n}")),
            ]
        };
        let mut pages = Vec::new();
        for n in 1..=3 {
            let mut lines = body(n);
            if n == 2 {
                lines.insert(1, (70.0, 72.0, 16.0, "A Larger Title".to_string()));
                lines.insert(6, (700.0, 72.0, 8.0, "1 A note at the foot.".to_string()));
            }
            let refs: Vec<(f64, f64, f64, &str)> = lines
                .iter()
                .map(|(y, x, s, t)| (*y, *x, *s, t.as_str()))
                .collect();
            pages.push(page(&refs));
        }
        let doc = lay_out("x.pdf", &pages).unwrap();
        let got: Vec<_> = doc
            .units
            .iter()
            .map(|u| (u.kind, u.number.as_deref(), u.text.as_str()))
            .collect();
        use UnitKind::*;
        assert_eq!(
            got,
            [
                (
                    Paragraph,
                    Some("1"),
                    "Paragraph 1 opens here and runs on to a second line that ends it."
                ),
                (
                    Paragraph,
                    None,
                    "An indented line starts the next one and ends it."
                ),
                (Heading, None, "A Larger Title"),
                (
                    Paragraph,
                    Some("2"),
                    "Paragraph 2 opens here and runs on to a second line that ends it."
                ),
                (
                    Paragraph,
                    None,
                    "An indented line starts the next one and ends it."
                ),
                (Footnote, Some("1"), "A note at the foot."),
                (
                    Paragraph,
                    Some("3"),
                    "Paragraph 3 opens here and runs on to a second line that ends it."
                ),
                (
                    Paragraph,
                    None,
                    "An indented line starts the next one and ends it."
                ),
            ]
        );
        assert_eq!(
            doc.units[2].source,
            Some(SourceLocation::Page {
                page: 2,
                line: 2,
                y: 70
            })
        );
        assert_eq!(doc.units[3].section, Some(2));
        // Nothing lost silently: the headers and page numbers are artifacts, with the
        // lines they stood on among all the file's lines.
        let furniture: Vec<_> = doc
            .artifacts
            .iter()
            .map(|a| (a.kind, a.line, a.text.as_str()))
            .collect();
        assert_eq!(furniture.len(), 6);
        assert_eq!(
            furniture[..2],
            [
                (ArtifactKind::PageHeader, 1, "Draft report of the committee"),
                (ArtifactKind::PageNumber, 6, "1"),
            ]
        );
        assert_eq!((doc.units[5].line, doc.units[5].end_line), (13, 13));
    }

    /// `text` wrapped as a typesetter would, from `x` to `right` (one glyph 5 wide), on
    /// lines from `y` down, 14 apart: a line ends where the next word no longer fits.
    fn wrapped(text: &str, x: f64, right: f64, y: &mut f64) -> Vec<(f64, f64, f64, String)> {
        let columns = ((right - x) / 5.0) as usize;
        let mut lines: Vec<String> = vec![String::new()];
        for word in text.split(' ') {
            let last = lines.last_mut().unwrap();
            if last.is_empty() {
                last.push_str(word);
            } else if last.len() + 1 + word.len() <= columns {
                last.push(' ');
                last.push_str(word);
            } else {
                lines.push(word.to_string());
            }
        }
        lines
            .into_iter()
            .map(|line| {
                *y += 14.0;
                (*y, x, 10.0, line)
            })
            .collect()
    }

    #[test]
    fn a_list_printed_without_bullets_is_cut_where_its_lines_were_broken() {
        // GitHub's privacy statement (CC0) as a browser prints it: the bullets are drawn,
        // not written, and nothing but the indent and the lines' ends sets items apart.
        let items = [
            "Provide our products and deliver our services including troubleshooting, improving, and personalizing the features on the Service.",
            "Business operations such as billing, accounting, improving our internal operations, securing our systems, detecting fraudulent or illegal activity, and meeting our legal obligations.",
            "Improve and develop our products and services including to develop new services or features, and conduct research.",
            "Provide customer support and respond to your questions.",
        ];
        let intro = "We may use your information to provide, administer, analyze, manage, and operate our Service. For example, we use your information for the following purposes:";
        let after = "We combine data we collect from different sources for these purposes and to give you a more seamless, consistent, and personalized experience.";
        let mut y = 80.0;
        let mut lines = wrapped(intro, 72.0, 492.0, &mut y);
        for item in items {
            lines.extend(wrapped(item, 90.0, 492.0, &mut y));
        }
        lines.extend(wrapped(after, 72.0, 492.0, &mut y));
        assert!(lines.len() > 10, "the items wrap");
        let refs: Vec<(f64, f64, f64, &str)> = lines
            .iter()
            .map(|(y, x, s, t)| (*y, *x, *s, t.as_str()))
            .collect();
        let doc = lay_out("x.pdf", &[page(&refs)]).unwrap();
        let got: Vec<(UnitKind, &str)> = doc
            .units
            .iter()
            .map(|u| (u.kind, u.text.as_str()))
            .collect();
        let mut want = vec![(UnitKind::Paragraph, intro)];
        want.extend(items.map(|i| (UnitKind::ListItem, i)));
        want.push((UnitKind::Paragraph, after));
        assert_eq!(got, want);
    }

    #[test]
    fn random_bytes_are_an_error_not_a_panic() {
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.extend((0..2000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
        assert!(read("x.pdf", &bytes, &SegmentOptions::new()).is_err());
    }
}
