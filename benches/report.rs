//! The full report — read, segment, align, word-diff, render the terminal report without
//! colour — on a generated pair of 10,000-paragraph versions, against
//! `git diff --no-index --word-diff` on the same two files, in the same run.
//!
//! ```text
//! cargo bench --bench report            # 10,000 paragraphs
//! DRAFTDIFF_BENCH_QUICK=1 cargo bench --bench report   # 1,000 paragraphs
//! ```
//!
//! The pair comes from `draftdiff::synth` (with PDF noise on the new version); it is built
//! outside the timers and written to a temporary directory, so both tools read the same
//! files from disk. Each timing is the median of three runs.
//!
//! Dated figures (2-core machine shared with other builds, so ±50% between runs):
//!
//! | date | pair | draftdiff | stages (read+segment / align / word diff / render) | git --word-diff | ratio |
//! |:--|:--|--:|:--|--:|--:|
//! | 2026-11-23 | synth 10,000 ¶, PDF noise (5.3 + 6.1 MB) | 1.662 s, peak 96 MiB | 0.129 / 0.725 / 0.442 / 0.218 s | 1.083 s | 1.54 |
//! | 2026-11-23 (earlier aligner, heavier load) | same | 4.659 s | 0.284 / 2.426 / 0.689 / 0.363 s | 2.211 s | 2.11 |

mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use draftdiff::diff::{DiffOptions, report};
use draftdiff::render::{self, Palette, TerminalOptions};
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions};

#[global_allocator]
static ALLOC: support::PeakAlloc = support::PeakAlloc;

fn full_report(old: &str, new: &str) -> usize {
    let old = draftdiff::load(old, &ReadOptions::new(), &SegmentOptions::new()).expect("old");
    let new = draftdiff::load(new, &ReadOptions::new(), &SegmentOptions::new()).expect("new");
    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
    let report = report(old, new, alignment, &DiffOptions::new());
    let mut out = Vec::new();
    render::terminal(
        &report,
        &TerminalOptions::new(),
        &Palette::plain(),
        &mut out,
    )
    .expect("renders");
    out.len()
}

/// The same pipeline with each stage timed once, to show where the time goes.
fn stages(old: &str, new: &str) {
    let (docs, t_load, _) = support::measure(|| {
        (
            draftdiff::load(old, &ReadOptions::new(), &SegmentOptions::new()).expect("old"),
            draftdiff::load(new, &ReadOptions::new(), &SegmentOptions::new()).expect("new"),
        )
    });
    let (alignment, t_align, _) =
        support::measure(|| draftdiff::align(&docs.0, &docs.1, &AlignOptions::new()));
    let (report, t_diff, _) =
        support::measure(|| report(docs.0, docs.1, alignment, &DiffOptions::new()));
    let (_, t_render, _) = support::measure(|| {
        let mut out = Vec::new();
        render::terminal(
            &report,
            &TerminalOptions::new(),
            &Palette::plain(),
            &mut out,
        )
        .expect("renders");
        out.len()
    });
    println!(
        "  stages: read+segment {:.3} s, align {:.3} s, word diff {:.3} s ({} links, {} hit the deadline), render {:.3} s",
        secs(t_load),
        secs(t_align),
        secs(t_diff),
        report.alignment.links.len(),
        report.summary.timed_out,
        secs(t_render)
    );
}

fn git_word_diff(old: &str, new: &str) -> Option<usize> {
    let out = Command::new("git")
        .args(["diff", "--no-index", "--word-diff", "--no-color", old, new])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    // git diff exits 1 when the files differ.
    matches!(out.status.code(), Some(0 | 1)).then_some(out.stdout.len())
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn main() {
    let n = if support::quick() { 1_000 } else { 10_000 };
    // The project's generator: realistic prose, every kind of edit, the new version
    // rendered like PDF-extracted text (wrapped lines, broken words, page headers).
    let pair = draftdiff::synth::generate(&draftdiff::synth::SynthOptions::new(n).pdf_noise(true));
    let (old_text, new_text) = (pair.old, pair.new);
    let dir = tempfile::tempdir().expect("temp dir");
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(&old, &old_text).expect("write old");
    std::fs::write(&new, &new_text).expect("write new");
    let (old, new) = (
        old.to_str().expect("utf-8 path").to_string(),
        new.to_str().expect("utf-8 path").to_string(),
    );

    let (bytes, ours, peak) = support::measure_median(3, || full_report(&old, &new));
    println!(
        "draftdiff full report, {n} paragraphs ({} + {} bytes in): {:.3} s, peak {:.1} MiB, {bytes} bytes out",
        old_text.len(),
        new_text.len(),
        secs(ours),
        support::mib(peak)
    );
    stages(&old, &new);
    let (git_bytes, theirs, _) = support::measure_median(3, || git_word_diff(&old, &new));
    match git_bytes {
        Some(b) => {
            println!(
                "git diff --no-index --word-diff, same files:       {:.3} s, {b} bytes out",
                secs(theirs)
            );
            println!(
                "ratio draftdiff / git word-diff: {:.2}",
                secs(ours) / secs(theirs).max(1e-9)
            );
        }
        None => println!("git diff --no-index --word-diff: git not available, no ratio"),
    }
}
