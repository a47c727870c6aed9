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
//! `cargo bench --bench segment` (set `DRAFTDIFF_BENCH_QUICK=1` for a ~5 MB run).

#[path = "support/mod.rs"]
mod support;

use std::hint::black_box;

use draftdiff::read::{self, ReadOptions};
use draftdiff::segment::{self, SegmentOptions};

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
}
