//! Segmentation of generated documents the segmenter has never seen: version pairs from
//! `draftdiff::synth`, the new version rendered as PDF-extracted text (wrapped lines,
//! broken words, footnotes with markers, page-break lines, page numbers, running headers,
//! stray URLs). Every numbered paragraph and heading of the truth must come out as one
//! unit, and no page furniture may stay in the running text.

use std::collections::BTreeSet;

use draftdiff::model::{Document, UnitKind};
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::synth::{Numbering, PdfNoise, SynthOptions, generate};

fn keys(doc: &Document) -> BTreeSet<String> {
    doc.units
        .iter()
        .filter_map(|u| match (u.kind, &u.number) {
            (UnitKind::Paragraph, Some(n)) => Some(format!("p{n}")),
            (UnitKind::Heading, Some(n)) => Some(format!("h{n}")),
            (UnitKind::Paragraph | UnitKind::Heading, None) => Some(format!("L{}", u.line)),
            _ => None,
        })
        .collect()
}

#[test]
fn generated_pdf_text_segments_into_the_truths_units() {
    let mut markers = 0;
    let mut notes = 0;
    for seed in 1..=8 {
        let numbering = if seed % 2 == 0 {
            Numbering::Sectioned
        } else {
            Numbering::Flat
        };
        let options = SynthOptions::new(120)
            .seed(seed)
            .pdf_noise(true)
            .numbering(numbering);
        let pair = generate(&options);
        let truth_old: BTreeSet<String> = pair.links.iter().flat_map(|l| l.old.clone()).collect();
        let truth_new: BTreeSet<String> = pair.links.iter().flat_map(|l| l.new.clone()).collect();
        let old = segment("old.txt", &pair.old, &SegmentOptions::new());
        let new = segment("new.txt", &pair.new, &SegmentOptions::new());
        assert_eq!(keys(&old), truth_old, "seed {seed}: old");
        assert_eq!(keys(&new), truth_new, "seed {seed}: new");
        for u in new.units.iter().filter(|u| u.kind != UnitKind::Footnote) {
            assert!(!u.text.contains("https://"), "seed {seed}: {}", u.text);
            assert!(!u.text.contains("  "), "seed {seed}: {}", u.text);
        }
        notes += new
            .units
            .iter()
            .filter(|u| u.kind == UnitKind::Footnote)
            .count();
        markers += new
            .units
            .iter()
            .filter(|u| u.kind == UnitKind::Footnote && u.parent.is_some())
            .count();
    }
    // Markers are found for most footnotes (a marker glued to a number, `1999 9`, is
    // left in the text on purpose: it cannot be told from a number).
    assert!(notes > 0);
    assert!(
        markers * 10 >= notes * 8,
        "{markers} of {notes} markers found"
    );
}

/// Recall and precision of the unit starts of `doc` against the truth's units.
fn start_scores(truth: &BTreeSet<String>, doc: &Document) -> (f64, f64, Vec<String>) {
    let found = keys(doc);
    let hit = found.intersection(truth).count() as f64;
    let mut wrong: Vec<String> = found.symmetric_difference(truth).cloned().collect();
    wrong.truncate(10);
    (
        hit / truth.len().max(1) as f64,
        hit / found.len().max(1) as f64,
        wrong,
    )
}

/// PDF-style reports whose wrapped lines often start with a number or a list marker
/// (`… before August` / `1. The Committee …`, `… in two steps:` / `(2) offer …`), with
/// page furniture and no page-break lines (a job number and page number alternating sides
/// at each page foot, the document symbol at each top), or with form feeds between pages:
/// every numbered paragraph and heading is found, and nothing else starts a unit.
#[test]
fn wrapped_lines_starting_with_numbers_do_not_start_units() {
    for (seed, form_feeds) in [(11, false), (12, true)] {
        let noise = PdfNoise {
            number_wraps: 0.08,
            page_break_lines: form_feeds,
            form_feeds,
            alternate_footers: !form_feeds,
            footnotes: if form_feeds { 0.08 } else { 0.0 },
            stray_lines: if form_feeds { 0.05 } else { 0.0 },
            ..PdfNoise::new()
        };
        let options = SynthOptions::new(1000)
            .seed(seed)
            .pdf(noise)
            .rates(draftdiff::synth::EditRates::none());
        let pair = generate(&options);
        let truth: BTreeSet<String> = pair.links.iter().flat_map(|l| l.new.clone()).collect();
        let doc = segment("new.txt", &pair.new, &SegmentOptions::new());
        let (recall, precision, wrong) = start_scores(&truth, &doc);
        assert!(
            recall >= 0.999 && precision >= 0.999,
            "seed {seed}: recall {recall:.4}, precision {precision:.4}, differences {wrong:?}"
        );
        if !form_feeds {
            let removed = doc
                .artifacts
                .iter()
                .filter(|a| a.text.contains("GE."))
                .count();
            assert!(removed > 10, "{removed} footers removed");
            for u in &doc.units {
                assert!(!u.text.contains("GE."), "footer left in {}", u.text);
            }
        }
    }
}

/// Generated documents in the other layouts of issue 9 (box art, long lettered lists with
/// lines ending in "I" or "If", Markdown) segment into exactly the units they were made of.
#[test]
fn generated_boxes_lettered_lists_and_markdown_segment_into_their_units() {
    use draftdiff::synth::formats::{self, Format};
    for (format, path) in [
        (Format::Boxed, "boxed.txt"),
        (Format::Lettered, "law.txt"),
        (Format::Markdown, "notes.md"),
    ] {
        for seed in 1..=4 {
            let generated = formats::generate(format, seed, 26);
            let doc = segment(path, &generated.text, &SegmentOptions::new());
            let got: Vec<(&str, Option<&str>, String)> = doc
                .units
                .iter()
                .map(|u| {
                    let start: Vec<&str> = u.text.split_whitespace().take(3).collect();
                    (u.kind.as_str(), u.number.as_deref(), start.join(" "))
                })
                .collect();
            let want: Vec<(&str, Option<&str>, String)> = generated
                .truth
                .iter()
                .map(|e| (e.kind, e.number.as_deref(), e.start.clone()))
                .collect();
            assert_eq!(got, want, "{format:?} seed {seed}:\n{}", generated.text);
        }
    }
}
