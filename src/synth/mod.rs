//! Synthetic version pairs with known lineage, for tests, benches and tuning.
//!
//! [`generate`] writes an old version (word-processor style: one line per paragraph,
//! `12.<TAB>text`, roman-numbered headings) and a new version derived from it by recorded
//! edits, and returns the truth as a [`Gold`] that [`crate::eval::score`] reads. The new
//! version can be rendered like text extracted from a PDF ([`PdfNoise`]): wrapped lines with
//! blank lines between them, words broken at line ends, footnote markers and page-bottom
//! footnotes, page headers and numbers.
//!
//! The prose is made of sentences of 8–30 words drawn from a Zipf-like vocabulary (function
//! words, a listed core of content words, hyphenated compounds, a few thousand invented
//! words, proper nouns, numbers, years and references like "resolution 41/7"), in paragraphs
//! of 1–8 sentences, in sections whose paragraphs share topic words. The edits, with
//! [`EditRates`]: unchanged (renumbered when the numbering shifted), lightly edited, heavily
//! rewritten (about half of the content words replaced, clauses turned round, sentences
//! reordered), split into 2–3 paragraphs, 2–3 paragraphs merged, moved (anywhere, mostly to
//! another section), removed, added; headings renamed, removed or added.
//!
//! Everything is a pure function of the options and the seed (a SplitMix64 generator):
//! the same options give the same bytes on every platform.
//!
//! ```
//! use draftdiff::synth::{SynthOptions, generate};
//! let pair = generate(&SynthOptions::new(40).seed(7).pdf_noise(true));
//! assert!(pair.old.starts_with("I.\t"));
//! assert!(!pair.gold.sure.is_empty());
//! ```

pub mod corpus;
mod edit;
pub mod formats;
mod pdf;
mod prose;
mod rng;
mod stock;
mod vocab;

pub use stock::StockOptions;

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::eval::Gold;

use edit::{NewSection, OldDoc};
use pdf::Block;
use prose::Writer;
use rng::Rng;

/// Default paragraphs per section on average: a mid-sized report's sections.
pub const DEFAULT_SECTION_LEN: usize = 12;
/// Most sections in one version: roman numerals stay in the classical range (≤ 3999), so
/// very large pairs get longer sections instead of more of them.
pub const MAX_SECTIONS: usize = 3000;
/// Default seed.
pub const DEFAULT_SEED: u64 = 1;

/// How often each edit happens, as probabilities per old paragraph (per old heading for the
/// heading rates). The paragraph rates must sum to at most 1; the rest stay unchanged.
#[derive(Debug, Clone, PartialEq)]
pub struct EditRates {
    /// Lightly edited: a few words substituted, inserted or deleted.
    pub edited: f64,
    /// Heavily rewritten, keeping about half of the content words.
    pub rewritten: f64,
    /// Split into 2–3 consecutive paragraphs.
    pub split: f64,
    /// Merged with the next 1–2 paragraphs of its section.
    pub merged: f64,
    /// Moved elsewhere, usually into another section (and lightly edited half the time).
    pub moved: f64,
    /// Removed.
    pub removed: f64,
    /// A new paragraph is inserted before it (per old paragraph).
    pub added: f64,
    /// Heading renamed (a word or two changed).
    pub heading_renamed: f64,
    /// Heading removed (its paragraphs join the previous section).
    pub heading_removed: f64,
    /// A new section of fresh paragraphs is inserted before it.
    pub section_added: f64,
}

impl Default for EditRates {
    fn default() -> EditRates {
        EditRates::new()
    }
}

impl EditRates {
    /// The defaults: about half the paragraphs change in some way, as between a late draft
    /// and a final report; every kind of edit is frequent enough to be seen in 200
    /// paragraphs.
    pub fn new() -> EditRates {
        EditRates {
            edited: 0.22,
            rewritten: 0.08,
            split: 0.05,
            merged: 0.04,
            moved: 0.04,
            removed: 0.05,
            added: 0.08,
            heading_renamed: 0.25,
            heading_removed: 0.03,
            section_added: 0.05,
        }
    }

    /// No edits at all: the new version is the old one, renumbered only where nothing
    /// moves (so, not at all).
    pub fn none() -> EditRates {
        EditRates {
            edited: 0.0,
            rewritten: 0.0,
            split: 0.0,
            merged: 0.0,
            moved: 0.0,
            removed: 0.0,
            added: 0.0,
            heading_renamed: 0.0,
            heading_removed: 0.0,
            section_added: 0.0,
        }
    }
}

/// How the new version is made to look like text extracted from a PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfNoise {
    /// Line width in columns (lines vary by up to 8 less, as proportional fonts do).
    pub width: usize,
    /// Probability that a long word not fitting at a line end is broken with a hyphen
    /// (compounds are broken at their own hyphen whenever it fits).
    pub hyphenate: f64,
    /// Probability that a paragraph carries a footnote marker.
    pub footnotes: f64,
    /// Text lines per page.
    pub page_lines: usize,
    /// Running page headers (a document symbol) and page numbers.
    pub page_headers: bool,
    /// Probability of a stray line (a URL in the margin) at a page break.
    pub stray_lines: f64,
    /// Page breaks are marked by lines of spaces (as most extractors write them); off,
    /// only the furniture tells where a page ends.
    pub page_break_lines: bool,
    /// A form feed line at each page break.
    pub form_feeds: bool,
    /// A footer with a job number and the page number on alternate sides
    /// (`GE.17-12345  3` on odd pages, `4  GE.17-12345` on even ones) instead of the
    /// page number alone.
    pub alternate_footers: bool,
    /// Probability that a wrapped line of a paragraph starts with a number or a list
    /// marker that belongs to its sentence (`… before August` / `1. The Committee …`).
    pub number_wraps: f64,
}

impl Default for PdfNoise {
    fn default() -> PdfNoise {
        PdfNoise::new()
    }
}

impl PdfNoise {
    /// The defaults, modelled on a real PDF-extracted report: 90 columns, a page of 44
    /// lines, a footnote every dozen paragraphs, headers and page numbers on.
    pub fn new() -> PdfNoise {
        PdfNoise {
            width: 90,
            hyphenate: 0.3,
            footnotes: 0.08,
            page_lines: 44,
            page_headers: true,
            stray_lines: 0.05,
            page_break_lines: true,
            form_feeds: false,
            alternate_footers: false,
            number_wraps: 0.0,
        }
    }
}

/// How paragraphs are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Numbering {
    /// `1.`, `2.`, … through the document, as in most reports (the default).
    #[default]
    Flat,
    /// `3.1`, `3.2`, … within section 3, as in standards and codes; keeps the numbers
    /// short in very large documents.
    Sectioned,
}

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthOptions {
    /// Paragraphs of the old version.
    pub(crate) paragraphs: usize,
    /// The seed.
    pub(crate) seed: u64,
    /// Average paragraphs per section (raised for very large pairs, see [`MAX_SECTIONS`]).
    pub(crate) section_len: usize,
    /// The edits.
    pub(crate) rates: EditRates,
    /// PDF rendering of the new version, or `None` for plain text.
    pub(crate) pdf: Option<PdfNoise>,
    /// How paragraphs are numbered.
    pub(crate) numbering: Numbering,
    /// Shared-stock prose and its revision ([`StockOptions`], in `stock.rs`) instead of the
    /// default prose and [`EditRates`], or `None`.
    pub(crate) stock: Option<StockOptions>,
}

impl SynthOptions {
    /// `paragraphs` old paragraphs, the default seed and rates, no PDF noise.
    pub fn new(paragraphs: usize) -> SynthOptions {
        SynthOptions {
            paragraphs,
            seed: DEFAULT_SEED,
            section_len: DEFAULT_SECTION_LEN,
            rates: EditRates::new(),
            pdf: None,
            numbering: Numbering::Flat,
            stock: None,
        }
    }

    /// Writes shared-stock prose revised as [`StockOptions`] says (the edit rates are then
    /// not used).
    pub fn stock(mut self, stock: StockOptions) -> SynthOptions {
        self.stock = Some(stock);
        self
    }

    /// Sets the paragraph numbering.
    pub fn numbering(mut self, numbering: Numbering) -> SynthOptions {
        self.numbering = numbering;
        self
    }

    /// Sets the number of old paragraphs.
    pub fn paragraphs(mut self, paragraphs: usize) -> SynthOptions {
        self.paragraphs = paragraphs;
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: u64) -> SynthOptions {
        self.seed = seed;
        self
    }

    /// Sets the average section length.
    pub fn section_len(mut self, len: usize) -> SynthOptions {
        self.section_len = len.max(1);
        self
    }

    /// Sets the edit rates.
    pub fn rates(mut self, rates: EditRates) -> SynthOptions {
        self.rates = rates;
        self
    }

    /// Turns PDF noise on (with [`PdfNoise::new`]) or off.
    pub fn pdf_noise(mut self, on: bool) -> SynthOptions {
        self.pdf = on.then(PdfNoise::new);
        self
    }

    /// Sets the PDF noise.
    pub fn pdf(mut self, noise: PdfNoise) -> SynthOptions {
        self.pdf = Some(noise);
        self
    }
}

/// What happened to a unit between the versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EditKind {
    /// Same text, same number.
    Unchanged,
    /// Same text, another number.
    Renumbered,
    /// A few words changed.
    Edited,
    /// Heavily reworded.
    Rewritten,
    /// One of the pieces of a split paragraph.
    Split,
    /// Several old paragraphs merged into one.
    Merged,
    /// Moved to another place.
    Moved,
    /// New in the new version.
    Added,
    /// Gone from the new version.
    Removed,
}

/// One link of the truth, with the edit that made it. Keys as in the gold format
/// (`p12`, `hIV`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TruthLink {
    /// Old units.
    pub old: Vec<String>,
    /// New units.
    pub new: Vec<String>,
    /// The edit.
    pub kind: EditKind,
}

/// A generated pair and its truth.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The old version's text.
    pub old: String,
    /// The new version's text.
    pub new: String,
    /// The truth as gold links: every (old, new) pair of every link is sure.
    pub gold: Gold,
    /// The truth link by link, with the edit kinds; removed old units and added new units
    /// appear with an empty other side.
    pub links: Vec<TruthLink>,
}

#[derive(Serialize)]
struct GoldFile<'a> {
    about: String,
    old: &'a str,
    new: &'a str,
    sure: &'a [(String, String)],
    possible: &'a [(String, String)],
    links: &'a [TruthLink],
}

impl Pair {
    /// The truth as gold JSON (`sure`, `possible`, plus `links` with edit kinds), readable
    /// by [`Gold::from_json`].
    pub fn gold_json(&self, about: &str) -> String {
        let file = GoldFile {
            about: about.to_string(),
            old: "old.txt",
            new: "new.txt",
            sure: &self.gold.sure,
            possible: &self.gold.possible,
            links: &self.links,
        };
        serde_json::to_string_pretty(&file).expect("plain data serialises") + "\n"
    }

    /// How many truth links of each kind, sorted by kind.
    pub fn counts(&self) -> Vec<(EditKind, usize)> {
        let mut counts = std::collections::BTreeMap::new();
        for link in &self.links {
            *counts.entry(link.kind).or_insert(0) += 1;
        }
        counts.into_iter().collect()
    }
}

/// Generates a pair.
pub fn generate(options: &SynthOptions) -> Pair {
    let writer = Writer::new(vocab::invented_for(options.paragraphs));
    let mut rng = Rng::new(options.seed);
    let section_len = options
        .section_len
        .max(options.paragraphs.div_ceil(MAX_SECTIONS));
    let (old, new) = match &options.stock {
        Some(stock) => stock::pair(
            &writer,
            &mut rng.fork(4),
            options.paragraphs,
            section_len,
            stock,
        ),
        None => {
            let old = edit::old_doc(&writer, &mut rng.fork(1), options.paragraphs, section_len);
            let new = edit::new_doc(&writer, &mut rng.fork(2), &old, &options.rates);
            (old, new)
        }
    };
    let old_labels = old_labels(&old, options.numbering);
    let old_text = render_old(&writer, &old, &old_labels);
    let (blocks, links) = number_new(&writer, &old_labels, &old, &new, options.numbering);
    let new_text = match &options.pdf {
        Some(noise) => pdf::render(&blocks, noise, &writer, &mut rng.fork(3)),
        None => render_plain(&blocks),
    };
    let mut sure = Vec::new();
    for link in &links {
        for o in &link.old {
            for n in &link.new {
                sure.push((o.clone(), n.clone()));
            }
        }
    }
    Pair {
        old: old_text,
        new: new_text,
        gold: Gold {
            sure,
            possible: Vec::new(),
        },
        links,
    }
}

/// Generates a pair and writes `old.txt`, `new.txt` and `gold.json` into `dir` (created if
/// missing).
pub fn write_pair(dir: &Path, options: &SynthOptions) -> Result<Pair> {
    let pair = generate(options);
    let about = format!(
        "Generated by draftdiff::synth: {} paragraphs, seed {}, PDF noise {}.",
        options.paragraphs,
        options.seed,
        if options.pdf.is_some() { "on" } else { "off" }
    );
    let fail = |path: &Path, e: std::io::Error| Error::Output {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
    for (name, text) in [
        ("old.txt", pair.old.clone()),
        ("new.txt", pair.new.clone()),
        ("gold.json", pair.gold_json(&about)),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| fail(&path, e))?;
    }
    Ok(pair)
}

/// The numbers of the old paragraphs, as printed without a trailing period.
fn old_labels(old: &OldDoc, numbering: Numbering) -> Vec<String> {
    let mut labels = vec![String::new(); old.paras.len()];
    for (si, sec) in old.sections.iter().enumerate() {
        for (k, &p) in sec.paras.iter().enumerate() {
            labels[p] = match numbering {
                Numbering::Flat => (p + 1).to_string(),
                Numbering::Sectioned => format!("{}.{}", si + 1, k + 1),
            };
        }
    }
    labels
}

/// A paragraph number as printed before its text: `12.` (flat) or `3.4` (sectioned).
pub(crate) fn marker(label: &str) -> String {
    if label.contains('.') {
        label.to_string()
    } else {
        format!("{label}.")
    }
}

/// The old version: `N.<TAB>text` a line, `R.<TAB>title` for headings.
fn render_old(writer: &Writer, old: &OldDoc, labels: &[String]) -> String {
    let mut out = String::new();
    for (si, sec) in old.sections.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}.\t{}",
            roman(si + 1),
            writer.render_title(&sec.title)
        );
        for &p in &sec.paras {
            let _ = writeln!(
                out,
                "{}\t{}",
                marker(&labels[p]),
                writer.render_para(&old.paras[p])
            );
        }
    }
    out
}

/// The new version as plain text: `N. text` paragraphs separated by blank lines.
fn render_plain(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        let _ = match block {
            Block::Heading(r, t) => writeln!(out, "{r}. {t}\n"),
            Block::Para(n, t) => writeln!(out, "{} {t}\n", marker(n)),
        };
    }
    out
}

/// Numbers the new version and states its truth.
fn number_new(
    writer: &Writer,
    old_labels: &[String],
    old: &OldDoc,
    new: &[NewSection],
    numbering: Numbering,
) -> (Vec<Block>, Vec<TruthLink>) {
    let mut blocks = Vec::new();
    let mut links = Vec::new();
    let mut used_old = vec![false; old.paras.len()];
    let mut used_heading = vec![false; old.sections.len()];
    let mut next_para = 1;
    for (hi, sec) in new.iter().enumerate() {
        let number = roman(hi + 1);
        blocks.push(Block::Heading(
            number.clone(),
            writer.render_title(&sec.title),
        ));
        let key = format!("h{number}");
        match sec.origin {
            Some(o) => {
                used_heading[o] = true;
                let kind = match sec.kind {
                    EditKind::Unchanged if o != hi => EditKind::Renumbered,
                    k => k,
                };
                links.push(TruthLink {
                    old: vec![format!("h{}", roman(o + 1))],
                    new: vec![key],
                    kind,
                });
            }
            None => links.push(TruthLink {
                old: Vec::new(),
                new: vec![key],
                kind: EditKind::Added,
            }),
        }
        // Pieces of one split are consecutive: gather them into one link.
        let mut in_section = 1;
        let mut i = 0;
        while i < sec.paras.len() {
            let p = &sec.paras[i];
            let mut new_keys = Vec::new();
            let mut j = i;
            while j < sec.paras.len()
                && (j == i
                    || (p.kind == EditKind::Split
                        && sec.paras[j].kind == EditKind::Split
                        && sec.paras[j].origin == p.origin))
            {
                let label = match numbering {
                    Numbering::Flat => next_para.to_string(),
                    Numbering::Sectioned => format!("{}.{in_section}", hi + 1),
                };
                new_keys.push(format!("p{label}"));
                blocks.push(Block::Para(label, writer.render_para(&sec.paras[j].para)));
                next_para += 1;
                in_section += 1;
                j += 1;
            }
            for &o in &p.origin {
                used_old[o] = true;
            }
            let kind = match p.kind {
                EditKind::Unchanged if new_keys[0][1..] != old_labels[p.origin[0]] => {
                    EditKind::Renumbered
                }
                k => k,
            };
            links.push(TruthLink {
                old: p
                    .origin
                    .iter()
                    .map(|&o| format!("p{}", old_labels[o]))
                    .collect(),
                new: new_keys,
                kind,
            });
            i = j;
        }
    }
    for (o, used) in used_heading.iter().enumerate() {
        if !used {
            links.push(TruthLink {
                old: vec![format!("h{}", roman(o + 1))],
                new: Vec::new(),
                kind: EditKind::Removed,
            });
        }
    }
    for (o, used) in used_old.iter().enumerate() {
        if !used {
            links.push(TruthLink {
                old: vec![format!("p{}", old_labels[o])],
                new: Vec::new(),
                kind: EditKind::Removed,
            });
        }
    }
    (blocks, links)
}

/// `n` in roman numerals (`n` ≥ 1; above 3999 the thousands repeat).
pub fn roman(n: usize) -> String {
    crate::segment::to_roman(u32::try_from(n).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 4, 9, 14, 40, 90, 400, 1994, 3999].map(roman).to_vec();
        assert_eq!(
            got,
            [
                "I",
                "IV",
                "IX",
                "XIV",
                "XL",
                "XC",
                "CD",
                "MCMXCIV",
                "MMMCMXCIX"
            ]
        );
    }

    #[test]
    fn no_edits_means_identity_truth() {
        let pair = generate(&SynthOptions::new(60).rates(EditRates::none()));
        assert_eq!(
            pair.old.lines().count(),
            pair.new.lines().filter(|l| !l.is_empty()).count()
        );
        assert!(
            pair.links.iter().all(|l| l.kind == EditKind::Unchanged),
            "{:?}",
            pair.counts()
        );
        assert!(pair.gold.sure.iter().all(|(o, n)| o == n));
    }

    #[test]
    fn default_rates_produce_every_kind() {
        let pair = generate(&SynthOptions::new(400).seed(3));
        let kinds: Vec<EditKind> = pair.counts().into_iter().map(|(k, _)| k).collect();
        for k in [
            EditKind::Unchanged,
            EditKind::Renumbered,
            EditKind::Edited,
            EditKind::Rewritten,
            EditKind::Split,
            EditKind::Merged,
            EditKind::Moved,
            EditKind::Added,
            EditKind::Removed,
        ] {
            assert!(kinds.contains(&k), "{k:?} missing from {:?}", pair.counts());
        }
    }

    #[test]
    fn every_old_paragraph_is_accounted_for_once() {
        let pair = generate(&SynthOptions::new(300).seed(4));
        let mut olds: Vec<&String> = pair.links.iter().flat_map(|l| &l.old).collect();
        olds.sort();
        let n = olds.len();
        olds.dedup();
        assert_eq!(olds.len(), n);
        assert_eq!(olds.iter().filter(|k| k.starts_with('p')).count(), 300);
    }
}
