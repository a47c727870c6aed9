//! The whole pipeline (segment → align → score) on small generated pairs whose new version
//! is rendered like PDF-extracted text: F1 against the generator's truth must be ≥ 0.95.
//!
//! The pairs are generated in memory (no fixture to go stale); the figures are printed so a
//! run with `--nocapture` shows them.

use draftdiff::eval::score;
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::synth::{SynthOptions, generate};
use draftdiff::{AlignOptions, align};

/// Paragraphs of the old version: large enough for every kind of edit to occur several
/// times, small enough for a debug build.
const PARAGRAPHS: usize = 250;
/// Required F1 (the bar).
const MIN_F1: f64 = 0.95;

#[test]
fn generated_pairs_with_pdf_noise_align_with_f1_at_least_095() {
    let mut worst = f64::MAX;
    for seed in [1, 2, 3] {
        let pair = generate(&SynthOptions::new(PARAGRAPHS).seed(seed).pdf_noise(true));
        let old = segment("old.txt", &pair.old, &SegmentOptions::new());
        let new = segment("new.txt", &pair.new, &SegmentOptions::new());
        let alignment = align(&old, &new, &AlignOptions::new());
        let s = score(&pair.gold, &old, &new, &alignment);
        println!(
            "seed {seed}: {} old units, {} new units; precision {:.3}, recall {:.3}, F1 {:.3} \
             ({} predicted, {} sure)\n  wrong {:?}\n  missed {:?}",
            old.units.len(),
            new.units.len(),
            s.precision,
            s.recall,
            s.f1,
            s.predicted,
            s.sure,
            s.wrong,
            s.missed
        );
        worst = worst.min(s.f1);
    }
    assert!(worst >= MIN_F1, "worst F1 {worst:.3} < {MIN_F1}");
}
