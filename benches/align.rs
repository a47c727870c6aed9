//! Alignment at scale, on generated pairs of 1,000, 10,000 and 100,000 paragraphs with known
//! lineage (`draftdiff::synth`, PDF noise on): time and peak memory of `align`, F1 against
//! the truth, and the fitted growth exponent of the time.
//!
//! Two baselines are measured in the same run, so the figures can be read as ratios:
//! segmenting the same pair (the stage before alignment), and the naive aligner a line
//! tool amounts to, exact matching of normalised paragraph texts through a hash map.
//!
//! Paragraphs are numbered within sections (`12.3`), so that numbers stay short at 100,000
//! paragraphs; flat numbers of five digits and more are not read as paragraph numbers by
//! the segmenter, which would make the figures measure segmentation instead of alignment.
//!
//! `cargo bench --bench align`; `DRAFTDIFF_BENCH_QUICK=1` runs 1,000 and 10,000 only.
//!
//! Figures of 2026-11-23 (2-core machine shared with four other builds, load average 4–5;
//! three consecutive runs, align time / peak extra heap / F1):
//!
//! | paragraphs | run 1                  | run 2                  | run 3                  |
//! |-----------:|------------------------|------------------------|------------------------|
//! |      1,000 | 0.085 s, 8 MiB, 0.997  | 0.092 s, 8 MiB, 0.997  | 0.057 s, 8 MiB, 0.997  |
//! |     10,000 | 0.863 s, 71 MiB, 0.995 | 1.508 s, 71 MiB, 0.995 | 1.150 s, 71 MiB, 0.995 |
//! |    100,000 | 17.4 s, 656 MiB, 0.993 | 16.2 s, 656 MiB, 0.993 | 15.8 s, 658 MiB, 0.992 |
//!
//! Growth exponent 1.16, 1.12, 1.22; exact-hash matching reaches F1 0.61–0.70; aligning
//! takes 3–10 times as long as segmenting the same pair.
//!
//! Figures of 2026-11-30 (same machine, 8 builds sharing it), the commit before sentence
//! alignment (f8c5951, load average about 4) and after it (577382c, load about 1.5), run a
//! few minutes apart:
//!
//! | paragraphs | before: align, peak, F1 | after: align, peak, F1 | after / before (align/segment ratio) |
//! |-----------:|-------------------------|------------------------|------------------|
//! |      1,000 | 0.062 s, 6.1 MiB, 0.997 | 0.096 s, 6.9 MiB, 0.998 | 1.5 (1.1) |
//! |     10,000 | 1.048 s, 72 MiB, 0.995  | 1.520 s, 72 MiB, 0.997  | 1.5 (1.4) |
//! |    100,000 | 12.9 s, 654 MiB, 0.992  | 17.0 s, 653 MiB, 0.994  | 1.32 (1.39) |
//!
//! Shared-stock prose (`StockOptions::new()`, second table), after: 1,000 paragraphs F1
//! 0.994 (0.11 s), 10,000 F1 0.992 (1.3 s), 100,000 F1 0.981 (14.8 s, 624 MiB); recall of
//! split pieces 1.000 / 0.988 / 0.937 and of merged paragraphs 0.995 / 0.977 / 0.917.
//!
//! Figures of 2026-12-02 (same machine, one run, load about 1): 1,000 paragraphs 0.079 s,
//! 4.9 MiB, F1 0.997; 10,000 0.775 s, 44 MiB, 0.997; 100,000 9.23 s, 411 MiB, 0.996 (0.974
//! the same day before footnotes numbered past 999 were read as footnotes: the segmenter
//! cut every paragraph such a note interrupted); growth exponent 1.03; aligning takes
//! 1.8–2.4 times as long as segmenting. Shared-stock prose: 1,000 F1 0.995 (0.066 s),
//! 10,000 0.993 (0.66 s), 100,000 0.983 (7.4 s, 407 MiB; 0.963 before the footnote fix);
//! recall of split pieces 1.000 / 0.988 / 0.942 and of merged paragraphs 0.995 / 0.977 /
//! 0.918. Then with sentence postings walked up to 200 (`sentences::MAX_POSTINGS`), the
//! same day: 1,000 0.104 s, F1 0.997; 10,000 0.751 s, 0.997; 100,000 9.98 s, 411 MiB,
//! 0.996; growth exponent 0.99. Shared-stock prose: 0.994 / 0.994 / 0.991 (7.1 s at
//! 100,000); split pieces 1.000 / 0.994 / 0.974, merged paragraphs 0.995 / 0.984 / 0.965.

#[path = "support/mod.rs"]
mod support;

use std::collections::HashMap;
use std::time::Duration;

use draftdiff::eval::{Gold, score};
use draftdiff::model::{Alignment, Change, Document, Evidence, Link, LinkShape};
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::synth::{EditKind, Numbering, StockOptions, SynthOptions, generate};
use draftdiff::{AlignOptions, align};

#[global_allocator]
static ALLOC: support::PeakAlloc = support::PeakAlloc;

/// The baseline: each new unit linked to an unused old unit of identical normalised text.
fn exact_hash(old: &Document, new: &Document) -> Alignment {
    let mut by_text: HashMap<(&str, _), Vec<usize>> = HashMap::new();
    for unit in old.units.iter().rev() {
        by_text
            .entry((unit.norm.as_str(), unit.kind))
            .or_default()
            .push(unit.id);
    }
    let mut alignment = Alignment::default();
    let mut used = vec![false; old.units.len()];
    for unit in &new.units {
        match by_text
            .get_mut(&(unit.norm.as_str(), unit.kind))
            .and_then(Vec::pop)
        {
            Some(o) => {
                used[o] = true;
                alignment.links.push(Link {
                    old: vec![o],
                    new: vec![unit.id],
                    score: 1.0,
                    shape: LinkShape::OneToOne,
                    change: Change::Unchanged,
                    moved: false,
                    evidence: Evidence::default(),
                });
            }
            None => alignment.added.push(unit.id),
        }
    }
    alignment.removed = (0..old.units.len()).filter(|&o| !used[o]).collect();
    alignment
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn main() {
    let sizes: &[usize] = if support::quick() {
        &[1_000, 10_000]
    } else {
        &[1_000, 10_000, 100_000]
    };
    println!(
        "align bench: generated pairs (draftdiff::synth, seed 1, default edit rates, sectioned numbering, PDF noise on)"
    );
    println!(
        "{:>8} {:>9} {:>7} {:>7} | {:>9} {:>9} | {:>9} {:>9} {:>6} {:>6} {:>6} | {:>9} {:>6} | {:>7} {:>7}",
        "paras",
        "bytes",
        "old u",
        "new u",
        "segment",
        "seg MiB",
        "align",
        "align MiB",
        "P",
        "R",
        "F1",
        "hash",
        "hashF1",
        "al/seg",
        "al/hash"
    );
    let mut points = Vec::new();
    for &n in sizes {
        let pair = generate(
            &SynthOptions::new(n)
                .seed(1)
                .numbering(Numbering::Sectioned)
                .pdf_noise(true),
        );
        let bytes = pair.old.len() + pair.new.len();
        let runs = if n <= 1_000 { 5 } else { 1 };
        let options = SegmentOptions::new();
        let ((old, new), seg_time, seg_peak) = support::measure_median(runs, || {
            (
                segment("old.txt", &pair.old, &options),
                segment("new.txt", &pair.new, &options),
            )
        });
        let align_options = AlignOptions::new();
        let (alignment, align_time, align_peak) =
            support::measure_median(runs, || align(&old, &new, &align_options));
        let s = score(&pair.gold, &old, &new, &alignment);
        drop(alignment);
        let (hashed, hash_time, _) = support::measure_median(runs, || exact_hash(&old, &new));
        let hs = score(&pair.gold, &old, &new, &hashed);
        println!(
            "{:>8} {:>9} {:>7} {:>7} | {:>8.3}s {:>9.1} | {:>8.3}s {:>9.1} {:>6.3} {:>6.3} {:>6.3} | {:>8.4}s {:>6.3} | {:>7.2} {:>7.1}",
            n,
            bytes,
            old.units.len(),
            new.units.len(),
            secs(seg_time),
            support::mib(seg_peak),
            secs(align_time),
            support::mib(align_peak),
            s.precision,
            s.recall,
            s.f1,
            secs(hash_time),
            hs.f1,
            secs(align_time) / secs(seg_time),
            secs(align_time) / secs(hash_time),
        );
        points.push((n as f64, secs(align_time).max(1e-9)));
    }
    println!(
        "growth exponent of align time (time ∝ size^b): b = {:.2}",
        support::growth_exponent(&points)
    );
    stock(sizes);
}

/// The same sizes on shared-stock prose revised by spreading and gathering paragraphs
/// (`StockOptions`, PDF noise on): time, peak memory, F1 and recall by edit kind.
fn stock(sizes: &[usize]) {
    println!(
        "\nshared-stock prose (StockOptions::new(), seed 1, sectioned numbering, PDF noise on)"
    );
    println!(
        "{:>8} {:>7} {:>7} | {:>9} {:>9} {:>6} {:>6} {:>6} | recall by edit kind",
        "paras", "old u", "new u", "align", "align MiB", "P", "R", "F1"
    );
    for &n in sizes {
        let pair = generate(
            &SynthOptions::new(n)
                .seed(1)
                .numbering(Numbering::Sectioned)
                .pdf_noise(true)
                .stock(StockOptions::new()),
        );
        let options = SegmentOptions::new();
        let old = segment("old.txt", &pair.old, &options);
        let new = segment("new.txt", &pair.new, &options);
        let runs = if n <= 1_000 { 5 } else { 1 };
        let align_options = AlignOptions::new();
        let (alignment, align_time, align_peak) =
            support::measure_median(runs, || align(&old, &new, &align_options));
        let s = score(&pair.gold, &old, &new, &alignment);
        let mut by_kind = String::new();
        let mut kinds: Vec<EditKind> = pair.links.iter().map(|l| l.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in kinds {
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
                continue;
            }
            let k = score(
                &Gold {
                    sure,
                    possible: Vec::new(),
                },
                &old,
                &new,
                &alignment,
            );
            by_kind += &format!(" {kind:?} {:.3}", k.recall);
        }
        println!(
            "{:>8} {:>7} {:>7} | {:>8.3}s {:>9.1} {:>6.3} {:>6.3} {:>6.3} |{by_kind}",
            n,
            old.units.len(),
            new.units.len(),
            secs(align_time),
            support::mib(align_peak),
            s.precision,
            s.recall,
            s.f1,
        );
    }
}
