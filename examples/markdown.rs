//! The Markdown changelog of two versions: a note for a drafting group, section by section.
//!
//! ```text
//! cargo run --example markdown [OLD NEW] > changes.md
//! ```

use std::io::Write;

use draftdiff::diff::{DiffOptions, report};
use draftdiff::render;
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (old, new) = match args.as_slice() {
        [old, new] => (old.as_str(), new.as_str()),
        _ => (
            "examples/data/outline-draft.txt",
            "examples/data/final-report.txt",
        ),
    };

    let old = draftdiff::load(old, &ReadOptions::new(), &SegmentOptions::new())?;
    let new = draftdiff::load(new, &ReadOptions::new(), &SegmentOptions::new())?;
    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
    let report = report(old, new, alignment, &DiffOptions::new());

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    render::markdown(&report, &mut out)?;
    out.flush()?;
    Ok(())
}
