//! Segmentation speed and memory on ~50 MB of PDF-extracted text.
//!
//! The input is the bundled final report (PDF-extracted: wrapped lines, footnotes, page
//! breaks, broken words) repeated until it reaches the target size, built outside the
//! timer. Each copy restarts its paragraph, heading and footnote numbering, which the
//! segmenter accepts as a restart, so every copy must yield the same units: the bench
//! checks that before reporting.
//!
//! Reported: MB/s of `read::decode` + `segment::segment`, the peak of extra heap as a
//! multiple of the input size, and the same for a baseline measured in the same run
//! (`str::lines` + `split_whitespace`, counting words: the least any reader must do).
//!
//! Then generated PDF-style reports of 10,000 and 100,000 paragraphs (10,000 only in a
//! quick run) from `draftdiff::synth`: page furniture without page-break lines (job number
//! and page number alternating sides), wrapped lines that start with a number or a list
//! marker. Reported: MB/s and peak / input of `segment`, and the recall and precision of
//! unit starts against the generator's truth (both must be at least 0.999).
//!
//! `cargo bench --bench segment` (set `DRAFTDIFF_BENCH_QUICK=1` for a ~5 MB run).

#[path = "support/mod.rs"]
mod support;

use std::hint::black_box;

use std::collections::BTreeSet;

use draftdiff::model::{Document, UnitKind};
use draftdiff::read::{self, ReadOptions};
use draftdiff::segment::{self, SegmentOptions};
use draftdiff::synth::{EditRates, PdfNoise, SynthOptions, generate};

#[global_allocator]
static ALLOC: support::PeakAlloc = support::PeakAlloc;

const REPORT: &str = include_str!("../examples/data/final-report.txt");

fn main() {
    let target: usize = if support::quick() { 5 } else { 50 } << 20;
    let copies = target.div_ceil(REPORT.len());
    let mut text = String::with_capacity(copies * (REPORT.len() + 1));
    for _ in 0..copies {
        text.push_str(REPORT);
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    let bytes = text.into_bytes();
    let mb = bytes.len() as f64 / 1e6;
    let one = segment::segment("r", REPORT, &SegmentOptions::new())
        .units
        .len();

    let (words, base_t, base_peak) = support::measure_median(3, || {
        let s = std::str::from_utf8(&bytes).expect("utf-8");
        s.lines()
            .map(|l| l.split_whitespace().count())
            .sum::<usize>()
    });
    black_box(words);

    let (doc, t, peak) = support::measure_median(3, || {
        let text = read::decode("bench", &bytes, &ReadOptions::new()).expect("decodes");
        segment::segment("bench", &text, &SegmentOptions::new())
    });
    // As `draftdiff::load` does it: the file's bytes (here a copy made outside the timer)
    // handed over to `decode_vec`, which keeps them as the text.
    let (_, own_t, own_peak) = {
        let owned = bytes.clone();
        support::measure(move || {
            let text = read::decode_vec("bench", owned, &ReadOptions::new()).expect("decodes");
            segment::segment("bench", &text, &SegmentOptions::new())
        })
    };
    assert_eq!(
        doc.units.len(),
        one * copies,
        "every copy yields the same units"
    );
    let (_, seg_t, seg_peak) = {
        let text = read::decode("bench", &bytes, &ReadOptions::new()).expect("decodes");
        let r = support::measure_median(3, || {
            segment::segment("bench", &text, &SegmentOptions::new())
        });
        drop(text);
        r
    };

    let rate = |secs: f64| mb / secs;
    println!(
        "segment bench: {copies} copies of final-report.txt, {mb:.1} MB, {} units",
        doc.units.len()
    );
    println!(
        "{:<34} {:>10} {:>10} {:>14}",
        "step", "time (ms)", "MB/s", "peak / input"
    );
    let row = |name: &str, t: std::time::Duration, peak: usize| {
        println!(
            "{:<34} {:>10.1} {:>10.1} {:>13.2}x",
            name,
            t.as_secs_f64() * 1e3,
            rate(t.as_secs_f64()),
            peak as f64 / bytes.len() as f64
        );
    };
    row("baseline: lines + split_whitespace", base_t, base_peak);
    row("decode + segment", t, peak);
    row("decode_vec (owned bytes) + segment", own_t, own_peak);
    row("segment only (text already decoded)", seg_t, seg_peak);
    println!(
        "decode + segment is {:.1}x slower than the baseline",
        t.as_secs_f64() / base_t.as_secs_f64()
    );
    let sizes: &[usize] = if support::quick() {
        &[10_000]
    } else {
        &[10_000, 100_000]
    };
    for &n in sizes {
        synthetic(n);
    }
}

/// The unit starts of a document, as the generator's truth names them.
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

/// Segments a generated PDF-style report of `n` paragraphs (see the module docs).
fn synthetic(n: usize) {
    let noise = PdfNoise {
        number_wraps: 0.08,
        page_break_lines: false,
        alternate_footers: true,
        footnotes: 0.0,
        stray_lines: 0.0,
        ..PdfNoise::new()
    };
    let pair = generate(
        &SynthOptions::new(n)
            .seed(5)
            .pdf(noise)
            .rates(EditRates::none()),
    );
    let truth: BTreeSet<String> = pair.links.iter().flat_map(|l| l.new.clone()).collect();
    let text = pair.new;
    let mb = text.len() as f64 / 1e6;
    let (doc, t, peak) = support::measure_median(3, || {
        segment::segment("synth", &text, &SegmentOptions::new())
    });
    let found = keys(&doc);
    let hit = found.intersection(&truth).count() as f64;
    let recall = hit / truth.len() as f64;
    let precision = hit / found.len() as f64;
    println!(
        "synthetic report, {n} paragraphs, {mb:.1} MB: segment {:.1} ms, {:.1} MB/s, peak {:.2}x input; \
         unit starts recall {recall:.5}, precision {precision:.5}",
        t.as_secs_f64() * 1e3,
        mb / t.as_secs_f64(),
        peak as f64 / text.len() as f64
    );
    assert!(
        recall >= 0.999 && precision >= 0.999,
        "unit starts: recall {recall}, precision {precision}"
    );
}
