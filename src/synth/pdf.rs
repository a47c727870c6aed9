//! Rendering the new version as text extracted from a PDF: hard-wrapped lines with a blank
//! line after each, words broken at line ends (real compounds broken at their own hyphen),
//! inline footnote markers with their bodies at the page bottom, page-break lines, running
//! page headers and page numbers, and the odd stray URL line in a page margin.

use super::PdfNoise;
use super::prose::Writer;
use super::rng::Rng;

/// One block of the new version, numbered.
#[derive(Debug, Clone)]
pub(crate) enum Block {
    /// A heading: roman number and title.
    Heading(String, String),
    /// A paragraph: number (as printed, without a trailing period) and text.
    Para(String, String),
}

/// A word on its way to a line, with the footnote whose marker it carries, if any.
struct Word {
    text: String,
    note: Option<usize>,
}

struct Pages<'a> {
    noise: &'a PdfNoise,
    rng: &'a mut Rng,
    out: String,
    /// Text lines on the current page so far.
    lines: usize,
    page: usize,
    header: String,
    /// The job number of the alternate footers.
    job: String,
    /// Footnotes (numbers) waiting for the bottom of the current page.
    notes: Vec<usize>,
    /// The body of footnote `n` at `n - 1`.
    bodies: Vec<String>,
    /// The next line is the first of a heading.
    heading_starts: bool,
    /// The number of the paragraph being laid out (0 outside paragraphs).
    para: u64,
}

impl Pages<'_> {
    fn line(&mut self, text: &str) {
        // A page's first line, and a heading's, start with a space, as extracted text has.
        if self.lines == 0 || self.heading_starts {
            self.heading_starts = false;
            self.out.push(' ');
        }
        self.out.push_str(text);
        self.out.push_str(" \n\n");
        self.lines += 1;
        if self.lines >= self.noise.page_lines {
            self.page_break(false);
        }
    }

    fn page_break(&mut self, last: bool) {
        if self.noise.page_break_lines {
            self.out.push_str("  \n\n");
            if self.rng.chance(0.5) {
                self.out.push_str("  \n\n");
            }
        }
        let notes = std::mem::take(&mut self.notes);
        let width = self.noise.width;
        for (i, &n) in notes.iter().enumerate() {
            let body = &self.bodies[n - 1];
            let gap = if self.rng.chance(0.5) { " " } else { "  " };
            let lead = if self.rng.chance(0.8) { " " } else { "" };
            let first = format!("{lead}{n}{gap}");
            let mut lines = wrap_plain(body, width, first.len());
            let head = lines.remove(0);
            self.out.push_str(&first);
            self.out.push_str(&head);
            for l in lines {
                self.out.push_str(" \n\n");
                self.out.push_str(&l);
            }
            self.out
                .push_str(if i + 1 < notes.len() { " \n\n" } else { " \n" });
        }
        if self.noise.page_headers && self.noise.alternate_footers {
            let job = &self.job;
            let page = self.page;
            if page % 2 == 1 {
                self.out.push_str(&format!("{job}  {page} \n"));
            } else {
                self.out.push_str(&format!("{page}  {job} \n"));
            }
        } else if self.noise.page_headers {
            self.out.push_str(&format!("{} \n", self.page));
        }
        if self.noise.form_feeds && !last {
            self.out.push_str("\u{c}\n");
        }
        if !last && self.rng.chance(self.noise.stray_lines) {
            let k = self.rng.range(10, 999);
            self.out
                .push_str(&format!("https://www.example.org/files/annex-{k}_en.pdf\n"));
        }
        self.page += 1;
        self.lines = 0;
        if !last && self.noise.page_headers {
            self.out.push_str(&format!("{} \n\n", self.header));
        }
    }

    /// Lays out `words` in lines of about `width` columns, breaking some words at line ends.
    fn flow(&mut self, words: Vec<Word>, width: usize) {
        let mut cur = String::new();
        let mut notes: Vec<usize> = Vec::new();
        let mut limit = width - self.rng.below(9);
        for word in words {
            let mut text = word.text;
            let fits = |cur: &str, w: &str| cur.is_empty() || cur.len() + 1 + w.len() <= limit;
            if !fits(&cur, &text) {
                // Break the word across the line end, or carry it over whole.
                let room = limit.saturating_sub(cur.len() + 1);
                let cut = broken_at(&text, room, self.noise.hyphenate, self.rng);
                if let Some((head, rest)) = cut {
                    cur.push(' ');
                    cur.push_str(&head);
                    text = rest;
                }
                let mid_sentence = !cur.ends_with(['.', ':', ';', '!', '?']);
                self.emit(&cur, &mut notes);
                cur.clear();
                limit = width - self.rng.below(9);
                // (No draw when off, so the other renderings stay as they were.)
                if mid_sentence
                    && self.noise.number_wraps > 0.0
                    && self.rng.chance(self.noise.number_wraps)
                {
                    // The sentence goes on with a number that opens the next line.
                    cur.push_str(&self.number_word());
                }
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(&text);
            if let Some(n) = word.note {
                notes.push(n);
            }
        }
        if !cur.is_empty() {
            self.emit(&cur, &mut notes);
        }
    }

    /// A number or list marker that belongs to a sentence: `1.`, `7.`, `(2)`, `b)`, a
    /// year, the next paragraph's number.
    fn number_word(&mut self) -> String {
        match self.rng.below(7) {
            0 => "1.".to_string(),
            1 => format!("{}.", self.rng.range(2, 30)),
            2 => format!("({})", self.rng.range(1, 9)),
            3 => format!("{})", ['a', 'b', 'c', 'd'][self.rng.below(4)]),
            4 => format!("{}.", self.rng.range(1990, 2030)),
            5 => format!("({})", ['b', 'c', 'h', 'i'][self.rng.below(4)]),
            _ => format!("{}.", self.para + 1),
        }
    }

    fn emit(&mut self, line: &str, notes: &mut Vec<usize>) {
        self.notes.append(notes);
        self.line(line);
    }
}

/// Where to break `word` so that its head (with a hyphen) fits in `room` columns: at its own
/// hyphen for a compound, else inside a long word with probability `p`.
fn broken_at(word: &str, room: usize, p: f64, rng: &mut Rng) -> Option<(String, String)> {
    if let Some(h) = word.find('-')
        && h < room
        && h > 0
        && h + 1 < word.len()
        && rng.chance(0.8)
    {
        return Some((word[..=h].to_string(), word[h + 1..].to_string()));
    }
    let letters = word.chars().all(|c| c.is_ascii_lowercase());
    if letters && word.len() >= 7 && room >= 4 && rng.chance(p) {
        let max = (word.len() - 3).min(room - 1);
        if max >= 3 {
            let k = rng.range(3, max);
            return Some((format!("{}-", &word[..k]), word[k..].to_string()));
        }
    }
    None
}

/// Plain greedy wrapping (footnote bodies), the first line `indent` columns shorter.
fn wrap_plain(text: &str, width: usize, indent: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut limit = width.saturating_sub(indent);
    for w in text.split_whitespace() {
        let cur = lines.last_mut().expect("one line");
        if !cur.is_empty() && cur.len() + 1 + w.len() > limit {
            lines.push(w.to_string());
            limit = width;
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
    }
    lines
}

/// Typesetting as a PDF has it: curly quotation marks and en dashes where the word
/// processor had straight quotes and hyphens between spaces.
pub(crate) fn typeset(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut prev = ' ';
    for c in text.chars() {
        match c {
            '"' if prev == ' ' => out.push('\u{201C}'),
            '"' => out.push('\u{201D}'),
            '-' if prev == ' ' => out.push('\u{2013}'),
            c => out.push(c),
        }
        prev = c;
    }
    out
}

/// Renders `blocks` as PDF-extracted text; footnote bodies are written by `writer`.
pub(crate) fn render(blocks: &[Block], noise: &PdfNoise, writer: &Writer, rng: &mut Rng) -> String {
    let header = format!(
        "{}/{}/{}",
        ["WP", "CTTE", "DG", "SC"][rng.below(4)],
        rng.range(10, 80),
        rng.range(1, 120)
    );
    let rng_job = if noise.alternate_footers {
        (rng.range(10, 30), rng.range(10000, 99999))
    } else {
        (0, 0)
    };
    let mut pages = Pages {
        noise,
        rng,
        out: String::new(),
        lines: 0,
        page: 1,
        header,
        job: format!("GE.{}-{:05}", rng_job.0, rng_job.1),
        notes: Vec::new(),
        bodies: Vec::new(),
        heading_starts: false,
        para: 0,
    };
    let mut footnote = 0;
    for block in blocks {
        match block {
            Block::Heading(number, title) => {
                let title = &typeset(title);
                pages.heading_starts = true;
                pages.para = 0;
                let words = format!("{number}. {title}")
                    .split_whitespace()
                    .map(|w| Word {
                        text: w.to_string(),
                        note: None,
                    })
                    .collect();
                pages.flow(words, noise.width * 2 / 3);
            }
            Block::Para(number, text) => {
                pages.para = number
                    .rsplit('.')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                let text = &typeset(text);
                let mut words: Vec<Word> = std::iter::once(super::marker(number))
                    .chain(text.split_whitespace().map(str::to_string))
                    .map(|text| Word { text, note: None })
                    .collect();
                if words.len() > 4 && pages.rng.chance(noise.footnotes) {
                    footnote += 1;
                    let at = pages.rng.range(2, words.len() - 2);
                    let w = &mut words[at];
                    if w.text.ends_with('.') || pages.rng.chance(0.5) {
                        // `world.2 The`: the marker glued to the word.
                        w.text.push_str(&footnote.to_string());
                    } else {
                        // `can 1  play`: the marker set apart, with a double space after.
                        w.text.push_str(&format!(" {footnote} "));
                    }
                    w.note = Some(footnote);
                    let mut body = String::new();
                    if pages.rng.chance(0.5) {
                        let topic = writer.topic(pages.rng);
                        writer.render_sentence(&writer.sentence(pages.rng, &topic), &mut body);
                    } else {
                        body = format!(
                            "See document {}/{}/{}, para. {}.",
                            ["WP", "CTTE", "DG"][pages.rng.below(3)],
                            pages.rng.range(10, 80),
                            pages.rng.range(1, 120),
                            pages.rng.range(2, 90)
                        );
                    }
                    pages.bodies.push(body);
                }
                pages.flow(words, noise.width);
            }
        }
    }
    pages.page_break(true);
    pages.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typesetting_curls_quotes_and_lengthens_dashes() {
        assert_eq!(
            typeset(r#"the "can play" role - as noted - of capacity-building"#),
            "the \u{201C}can play\u{201D} role \u{2013} as noted \u{2013} of capacity-building"
        );
    }

    #[test]
    fn lines_stay_near_the_width_and_words_survive() {
        let writer = Writer::new(crate::synth::vocab::MIN_INVENTED);
        let mut rng = Rng::new(2);
        let noise = PdfNoise {
            footnotes: 0.0,
            page_headers: false,
            stray_lines: 0.0,
            ..PdfNoise::new()
        };
        let text = "alpha beta-gamma capacitybuilding ".repeat(40);
        let out = render(
            &[Block::Para("1".to_string(), text.clone())],
            &noise,
            &writer,
            &mut rng,
        );
        assert!(
            out.lines().all(|l| l.trim_end().len() <= noise.width + 20),
            "{out}"
        );
        let mended: String = out
            .split(" \n\n")
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(mended.starts_with("1. alpha"));
        assert!(out.lines().filter(|l| !l.trim().is_empty()).count() > 10);
    }
}
