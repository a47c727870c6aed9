//! Segmentation of generated documents the segmenter has never seen: version pairs from
//! `draftdiff::synth`, the new version rendered as PDF-extracted text (wrapped lines,
//! broken words, footnotes with markers, page-break lines, page numbers, running headers,
//! stray URLs). Every numbered paragraph and heading of the truth must come out as one
//! unit, and no page furniture may stay in the running text.

use std::collections::BTreeSet;

use draftdiff::model::{Document, UnitKind};
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::synth::{Numbering, SynthOptions, generate};

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
