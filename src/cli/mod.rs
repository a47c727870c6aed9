//! Command-line parsing, the colour decision and exit codes; nothing else.
//!
//! PLACEHOLDER: the report issue fills this in.

use std::process::ExitCode;

use clap::Parser;

/// Paragraph-level diff and lineage for drafts.
#[derive(Debug, Parser)]
#[command(name = "draftdiff", version)]
struct Args {
    /// The old version.
    old: String,
    /// The new version.
    new: String,
}

/// Runs the command line and returns its exit status (0 same, 1 different, 2 trouble).
pub fn run() -> ExitCode {
    let args = Args::parse();
    let opts = (
        draftdiff::ReadOptions::new(),
        draftdiff::SegmentOptions::new(),
    );
    let load = |p: &str| draftdiff::load(p, &opts.0, &opts.1);
    let (old, new) = match (load(&args.old), load(&args.new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("draftdiff: {e}");
            return ExitCode::from(2);
        }
    };
    let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
    println!(
        "{} links, {} added, {} removed",
        alignment.links.len(),
        alignment.added.len(),
        alignment.removed.len()
    );
    if alignment.added.is_empty() && alignment.removed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
