//! Reading speed of each reader, in MB of input per second, against `pdftotext`
//! (poppler-utils) and `pandoc` on the same files when they are installed.
//!
//! ```text
//! cargo run --release --example read_speed -- long.docx long.odt long.pdf
//! ```
//!
//! Each file is read [`RUNS`] times and the best time is kept (the machine is shared);
//! the external tools are timed the same way, writing to `/dev/null`. The inputs are built
//! outside the timer (for instance the reference report repeated, through
//! `tests/fixtures/office/make.sh`'s tools); this example only times them.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use draftdiff::SegmentOptions;
use draftdiff::read::{ReadOptions, document};

/// Runs per measurement; the best is kept.
const RUNS: usize = 5;

fn best(mut f: impl FnMut() -> bool) -> Option<Duration> {
    let mut best: Option<Duration> = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        if !f() {
            return None;
        }
        let t = start.elapsed();
        best = Some(best.map_or(t, |b| b.min(t)));
    }
    best
}

fn tool(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: read_speed FILE...");
        std::process::exit(2);
    }
    println!("file\tbytes\tunits\tdraftdiff MB/s\tpeer\tpeer MB/s");
    for path in &paths {
        let bytes = std::fs::read(path).expect("readable input");
        let mb = bytes.len() as f64 / 1e6;
        let mut units = 0;
        let ours = best(|| {
            match document(
                path,
                bytes.clone(),
                &ReadOptions::new(),
                &SegmentOptions::new(),
            ) {
                Ok(doc) => {
                    units = doc.units.len();
                    true
                }
                Err(e) => {
                    eprintln!("{e}");
                    false
                }
            }
        });
        let (peer, theirs) = if path.ends_with(".pdf") {
            (
                "pdftotext",
                best(|| tool("pdftotext", &[path, "/dev/null"])),
            )
        } else {
            (
                "pandoc",
                best(|| tool("pandoc", &[path, "-t", "plain", "-o", "/dev/null"])),
            )
        };
        let rate = |d: Option<Duration>| {
            d.map_or("-".to_string(), |d| format!("{:.2}", mb / d.as_secs_f64()))
        };
        println!(
            "{path}\t{}\t{units}\t{}\t{peer}\t{}",
            bytes.len(),
            rate(ours),
            rate(theirs)
        );
        if path.ends_with(".pdf") {
            // pdf-extract's own plain-text output: how much of our time is extraction.
            let extract = best(|| pdf_extract::extract_text_from_mem(&bytes).is_ok());
            println!("{path}\t\t\t\tpdf-extract text\t{}", rate(extract));
        }
    }
}
