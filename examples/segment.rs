//! Reads a file and prints its units and what was removed from the running text, using
//! the library directly (the same as `draftdiff segment`, without the command line).
//!
//! ```text
//! cargo run --example segment -- examples/data/final-report.txt
//! ```

use std::process::ExitCode;

use draftdiff::model::UnitKind;
use draftdiff::read::ReadOptions;
use draftdiff::segment::{self, SegmentOptions};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: segment FILE");
        return ExitCode::from(2);
    };
    let text = match draftdiff::read::read_path(&path, &ReadOptions::new()) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("segment: {e}");
            return ExitCode::from(2);
        }
    };
    println!("layout: {:?}", segment::detect_layout(&text));
    let doc = segment::segment(&path, &text, &SegmentOptions::new());
    for unit in &doc.units {
        let indent = match unit.kind {
            UnitKind::Heading => "",
            UnitKind::Paragraph => "  ",
            UnitKind::ListItem | UnitKind::Footnote => "    ",
        };
        let first: String = unit.text.chars().take(70).collect();
        println!(
            "{indent}{} {} (lines {}-{}): {first}",
            unit.kind,
            unit.number.as_deref().unwrap_or("-"),
            unit.line,
            unit.end_line
        );
    }
    for a in &doc.artifacts {
        println!("removed {:?} at line {}: {:?}", a.kind, a.line, a.text);
    }
    ExitCode::SUCCESS
}
