//! Size and generation time of the HTML report for large pairs: loads and aligns outside
//! the timer, then times the page alone (best of a few runs) and counts its bytes, its
//! rows and how much of it is markup.
//!
//! ```text
//! cargo run --release --features synth --example generate -- --paragraphs 10000 --seed 7 --out /tmp/p10k
//! cargo run --release --example html_size -- /tmp/p10k/old.txt /tmp/p10k/new.txt [PAGE.html]
//! ```

use std::time::{Duration, Instant};

use draftdiff::diff::{DiffOptions, report};
use draftdiff::render;
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (old, new) = match args.as_slice() {
        [old, new] | [old, new, _] => (old.as_str(), new.as_str()),
        _ => (
            "examples/data/outline-draft.txt",
            "examples/data/final-report.txt",
        ),
    };
    let old = draftdiff::load(old, &ReadOptions::new(), &SegmentOptions::new())?;
    let new = draftdiff::load(new, &ReadOptions::new(), &SegmentOptions::new())?;
    let text_bytes: usize = new.units.iter().map(|u| u.text.len()).sum();
    let started = Instant::now();
    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
    let report = report(old, new, alignment, &DiffOptions::new());
    let aligned = started.elapsed();
    let runs = if report.new.units.len() > 50_000 {
        1
    } else {
        3
    };
    let mut best = Duration::MAX;
    let mut page = Vec::new();
    for _ in 0..runs {
        page.clear();
        let started = Instant::now();
        render::html(&report, &mut page)?;
        best = best.min(started.elapsed());
    }
    let text = String::from_utf8(page)?;
    if let Some(path) = args.get(2) {
        std::fs::write(path, &text)?;
    }
    println!(
        "new units {}  page {} bytes ({:.1} MB)  new text {} bytes  page/text {:.1}  \
         rows {}  render {:.3} s (best of {runs})  align+diff {:.1} s",
        report.new.units.len(),
        text.len(),
        text.len() as f64 / 1e6,
        text_bytes,
        text.len() as f64 / text_bytes.max(1) as f64,
        text.matches("<tr class=\"row").count() + text.matches("<tr class=\"moved-from").count(),
        best.as_secs_f64(),
        aligned.as_secs_f64(),
    );
    Ok(())
}
