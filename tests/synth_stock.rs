//! The whole pipeline on generated pairs of shared-stock prose (`draftdiff::synth`,
//! `StockOptions`): paragraphs recombining stock sentences and clauses, revised by spreading
//! one paragraph over several new ones and gathering several into one, with PDF noise on.
//! F1 against the generator's truth must be at least 0.99 at 1,000 paragraphs; recall by
//! edit kind is printed (`--nocapture`).

use draftdiff::eval::{Gold, score};
use draftdiff::model::{Alignment, Document};
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::synth::{EditKind, Numbering, Pair, StockOptions, SynthOptions, generate};
use draftdiff::{AlignOptions, align};

/// Paragraphs of the old version (the size for this test).
const PARAGRAPHS: usize = 1_000;
/// Required F1.
const MIN_F1: f64 = 0.99;

/// Recall of the truth links of each edit kind, as `(kind, found pairs, pairs)`.
fn recall_by_kind(
    pair: &Pair,
    old: &Document,
    new: &Document,
    alignment: &Alignment,
) -> Vec<(EditKind, usize, usize)> {
    let mut kinds: Vec<EditKind> = pair.links.iter().map(|l| l.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds
        .into_iter()
        .filter_map(|kind| {
            let sure: Vec<(String, String)> = pair
                .links
                .iter()
                .filter(|l| l.kind == kind)
                .flat_map(|l| {
                    l.old
                        .iter()
                        .flat_map(|o| l.new.iter().map(move |n| (o.clone(), n.clone())))
                })
                .collect();
            if sure.is_empty() {
                return None;
            }
            let gold = Gold {
                sure,
                possible: Vec::new(),
            };
            let s = score(&gold, old, new, alignment);
            Some((kind, s.sure - s.missed.len(), s.sure))
        })
        .collect()
}

#[test]
fn shared_stock_pairs_with_spreads_and_gatherings_align_with_f1_at_least_099() {
    let pair = generate(
        &SynthOptions::new(PARAGRAPHS)
            .seed(1)
            .numbering(Numbering::Sectioned)
            .pdf_noise(true)
            .stock(StockOptions::new()),
    );
    let old = segment("old.txt", &pair.old, &SegmentOptions::new());
    let new = segment("new.txt", &pair.new, &SegmentOptions::new());
    let alignment = align(&old, &new, &AlignOptions::new());
    let s = score(&pair.gold, &old, &new, &alignment);
    println!(
        "{} old units, {} new units: precision {:.3}, recall {:.3}, F1 {:.3} ({} predicted, {} sure)",
        old.units.len(),
        new.units.len(),
        s.precision,
        s.recall,
        s.f1,
        s.predicted,
        s.sure
    );
    for (kind, found, all) in recall_by_kind(&pair, &old, &new, &alignment) {
        println!(
            "  {kind:?}: recall {:.3} ({found} of {all} pairs)",
            found as f64 / all as f64
        );
    }
    println!(
        "  wrong (first 10): {:?}",
        &s.wrong[..s.wrong.len().min(10)]
    );
    println!(
        "  missed (first 10): {:?}",
        &s.missed[..s.missed.len().min(10)]
    );
    assert!(s.f1 >= MIN_F1, "F1 {:.3} < {MIN_F1}", s.f1);
}
