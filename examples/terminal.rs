//! The terminal report of two versions, as the library produces it.
//!
//! ```text
//! cargo run --example terminal [OLD NEW] [--color]
//! ```
//!
//! Without arguments it compares the reference pair in `examples/data/`. The library never
//! decides about colour itself: the caller picks the palette (here `--color`, else plain
//! with `[-…-]{+…+}` markers) and the width.

use std::io::Write;

use draftdiff::diff::{DiffOptions, report};
use draftdiff::render::{self, Palette, TerminalOptions};
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let color = args.iter().any(|a| a == "--color");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (old, new) = match paths.as_slice() {
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
    render::terminal(
        &report,
        &TerminalOptions::new().width(80),
        &Palette::new(color),
        &mut out,
    )?;
    out.flush()?;
    Ok(())
}
