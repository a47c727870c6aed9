//! The JSON rendering of two versions: the alignment, every link's word diff and the
//! summary, in the versioned format documented in `docs/json-schema.md`.
//!
//! ```text
//! cargo run --example json [OLD NEW]
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
    // Compare words as a reviewer would: case and quote styles do not count as changes.
    let options = DiffOptions::new()
        .ignore_case(true)
        .ignore_quote_styles(true);
    let report = report(old, new, alignment, &options);

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    render::json(&report, &mut out)?;
    out.flush()?;
    Ok(())
}
