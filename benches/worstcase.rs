//! The worst case of alignment: one paragraph whose breaks were lost (a PDF text of N
//! sentences as one unit) against the same text with its paragraphs, 1 to 16 MB.
//!
//! The paragraphs are those of a generated document (`draftdiff::synth`, seed 1, no edits):
//! the old version is all of them joined into one paragraph; the new version has them as
//! paragraphs, plus one fresh paragraph (another seed) after every twentieth, which does
//! not come from the old text. The truth: old unit 0 → every paragraph of the old text,
//! and nothing → the fresh ones. For each size the table gives the time and peak extra
//! heap of `align`, and of the word diff of the result (`diff::report`), the heap per input
//! byte, precision, recall and F1 of the linked (old, new) pairs against the truth, and
//! the shape of the link(s) found (a split is right). Then the fitted growth exponent of
//! the align time (1 is linear).
//!
//! `cargo bench --bench worstcase`; `DRAFTDIFF_BENCH_QUICK=1` runs 1 and 2 MB only.
//!
//! Figures of 2026-11-30 (2-core machine shared with five other engineers' builds, load
//! average 8–13), align time / peak extra heap / F1 / result:
//!
//! | MB | before (main at f20b957)             | after                                 |
//! |---:|--------------------------------------|---------------------------------------|
//! |  1 | 1.61 s, 7.5 MiB, 0.000, added 1835   | 0.35 s, 15.1 MiB, 1.000, split 1→1748 |
//! |  2 | 5.68 s, 14.3 MiB, 0.000, added 3670  | 0.69 s, 29.6 MiB, 1.000, split 1→3496 |
//! |  4 | 21.2 s, 28.3 MiB, 0.000, added 7340  | 1.46 s, 58.8 MiB, 1.000, split 1→6991 |
//! |  8 | 83.8 s, 55.2 MiB, 0.000, added 14681 | 3.20 s, 116 MiB, 1.000, split 1→13982 |
//! | 16 | (not run: about 5 min)               | 6.56 s, 217 MiB, 1.000, split 1→27963 |
//!
//! Growth exponent of the align time 1.91 before, 1.07 after. Whole CLI (`--format json`,
//! `/usr/bin/time -v`, load average 7–8): a 15 MB paragraph against its 28,000 paragraphs
//! took 5 min and 315 MB peak RSS before, all "added"; a 43 MB one against its 78,000
//! paragraphs takes 39 s and 934 MB after, one split. A 43 MB paragraph against an edited
//! copy (one paragraph each): 18 s and 1.44 GB before, 43 s and 955 MB after (about 11
//! bytes per input byte; the alignment of the pieces is most of it). The heap is 7.5–8.5 bytes
//! per input byte (old and new) at every size (the sentences of the large unit are aligned as units).
//! That last pair is made and measured by `scripts/huge-paragraph.sh`: 978.6 MiB peak RSS
//! (12.5 bytes per input byte) on main at 3aa06a7, 862.0 MiB (11.0) after pieces borrowed
//! their text and the candidate tables shrank (load average 15–16), 752.5 MiB (9.61) after
//! the sentence search borrowed its words and parallel scoring collected in place (load
//! average about 5).

#[path = "support/mod.rs"]
mod support;

use std::collections::HashSet;

use draftdiff::model::{Document, UnitKind};
use draftdiff::segment::{SegmentOptions, segment};
use draftdiff::synth::{EditRates, SynthOptions, generate};
use draftdiff::{AlignOptions, DiffOptions, align};

#[global_allocator]
static ALLOC: support::PeakAlloc = support::PeakAlloc;

/// Paragraph texts of a generated document of `n` paragraphs (headings left out).
fn paragraphs(n: usize, seed: u64) -> Vec<String> {
    let pair = generate(&SynthOptions::new(n).seed(seed).rates(EditRates::none()));
    let doc = segment("old.txt", &pair.old, &SegmentOptions::new());
    doc.units
        .into_iter()
        .filter(|u| u.kind == UnitKind::Paragraph)
        .map(|u| u.text)
        .collect()
}

/// The pair for about `bytes` of text: (old text, new text, new units that come from the
/// old text).
fn lost_breaks(bytes: usize) -> (String, String, HashSet<usize>) {
    // About 600 bytes a generated paragraph.
    let n = bytes / 600 + 1;
    let mut paras = paragraphs(n, 1);
    let mut total = 0;
    paras.retain(|p| {
        total += p.len() + 1;
        total <= bytes
    });
    let fresh = paragraphs(n / 20 + 1, 2);
    let mut new_paras: Vec<&str> = Vec::new();
    let mut truth = HashSet::new();
    for (i, p) in paras.iter().enumerate() {
        truth.insert(new_paras.len());
        new_paras.push(p);
        if i % 20 == 19
            && let Some(f) = fresh.get(i / 20)
        {
            new_paras.push(f);
        }
    }
    (
        format!("{}\n", paras.join(" ")),
        format!("{}\n", new_paras.join("\n\n")),
        truth,
    )
}

fn main() {
    let sizes: &[usize] = if support::quick() {
        &[1, 2]
    } else {
        &[1, 2, 4, 8, 16]
    };
    println!(
        "worstcase bench: one paragraph (breaks lost) against its paragraphs, + 5% fresh ones"
    );
    println!(
        "{:>4} {:>9} {:>7} | {:>8} {:>9} {:>6} | {:>8} {:>9} | {:>6} {:>6} {:>6} | result",
        "MB", "sentences", "new u", "align", "align MiB", "B/B", "diff", "diff MiB", "P", "R", "F1"
    );
    let mut points = Vec::new();
    for &mb in sizes {
        let (old_text, new_text, truth) = lost_breaks(mb << 20);
        let options = SegmentOptions::new();
        let old: Document = segment("old.txt", &old_text, &options);
        let new: Document = segment("new.txt", &new_text, &options);
        let input = old_text.len() + new_text.len();
        drop((old_text, new_text));
        let sentences: usize = old
            .units
            .iter()
            .map(|u| {
                use unicode_segmentation::UnicodeSegmentation;
                u.text.split_sentence_bounds().count()
            })
            .sum();
        let (alignment, align_time, align_peak) =
            support::measure(|| align(&old, &new, &AlignOptions::new()));
        let found: HashSet<(usize, usize)> = alignment
            .links
            .iter()
            .flat_map(|l| {
                l.old
                    .iter()
                    .flat_map(move |&o| l.new.iter().map(move |&n| (o, n)))
            })
            .collect();
        let gold: HashSet<(usize, usize)> = truth.iter().map(|&n| (0, n)).collect();
        let hits = found.intersection(&gold).count() as f64;
        let precision = hits / found.len().max(1) as f64;
        let recall = hits / gold.len().max(1) as f64;
        let f1 = if hits > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        let shapes: Vec<String> = alignment
            .links
            .iter()
            .take(3)
            .map(|l| format!("{} {}→{}", l.shape.as_str(), l.old.len(), l.new.len()))
            .collect();
        let result = format!(
            "{}{} · added {} · removed {}",
            shapes.join(", "),
            if alignment.links.len() > 3 {
                ", …"
            } else {
                ""
            },
            alignment.added.len(),
            alignment.removed.len()
        );
        let (report, diff_time, diff_peak) = support::measure(|| {
            draftdiff::diff::report(old.clone(), new.clone(), alignment, &DiffOptions::new())
        });
        let over_budget = report.summary.timed_out;
        drop(report);
        println!(
            "{:>4} {:>9} {:>7} | {:>7.2}s {:>9.1} {:>6.1} | {:>7.2}s {:>9.1} | {:>6.3} {:>6.3} {:>6.3} | {} · diff over budget {}",
            mb,
            sentences,
            new.units.len(),
            align_time.as_secs_f64(),
            support::mib(align_peak),
            align_peak as f64 / input as f64,
            diff_time.as_secs_f64(),
            support::mib(diff_peak),
            precision,
            recall,
            f1,
            result,
            over_budget,
        );
        points.push((input as f64, align_time.as_secs_f64().max(1e-9)));
    }
    println!(
        "growth exponent of align time (time ∝ size^b): b = {:.2}",
        support::growth_exponent(&points)
    );
}
