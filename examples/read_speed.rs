//! Reading speed of each reader, in MB of input per second (read + segment, to units),
//! against `pandoc` (Word and OpenDocument to plain text) and `pdftotext` (poppler-utils)
//! on the same files, when they are installed.
//!
//! ```text
//! bash scripts/readers/speed.sh            # makes the long document, then runs this
//! cargo run --release --example read_speed -- long.txt long.docx long.odt long.pdf
//! ```
//!
//! Each file is read [`RUNS`] times and the median time is kept (the machine is shared,
//! so one slow run says little); the external tools are timed the same way, writing to
//! `/dev/null`. The inputs are built outside the timer (`scripts/readers/speed.sh`);
//! this example only times them. Output: one Markdown table row per file.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use draftdiff::SegmentOptions;
use draftdiff::read::{ReadOptions, document};

/// Runs per measurement; the median is kept.
const RUNS: usize = 3;

/// The median time of [`RUNS`] runs of `f`, or `None` when a run fails.
fn median(mut f: impl FnMut() -> bool) -> Option<Duration> {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        if !f() {
            return None;
        }
        times.push(start.elapsed());
    }
    times.sort();
    times.get(RUNS / 2).copied()
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
    println!(
        "| input | size | units | draftdiff (read + segment) | peer, same run | pdf-extract's own text |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for path in &paths {
        let bytes = std::fs::read(path).expect("readable input");
        let mb = bytes.len() as f64 / 1e6;
        let mut units = 0;
        let ours = median(|| {
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
        let rate = |d: Option<Duration>| {
            d.map_or("-".to_string(), |d| {
                format!(
                    "{:.2} MB/s ({:.2} s)",
                    mb / d.as_secs_f64(),
                    d.as_secs_f64()
                )
            })
        };
        let extension = path.rsplit('.').next().unwrap_or("");
        let peer = match extension {
            "pdf" => format!(
                "`pdftotext`: {}",
                rate(median(|| tool("pdftotext", &[path, "/dev/null"])))
            ),
            "docx" | "odt" => format!(
                "`pandoc -t plain`: {}",
                rate(median(|| tool(
                    "pandoc",
                    &[path, "-t", "plain", "-o", "/dev/null"]
                )))
            ),
            _ => "-".to_string(),
        };
        // pdf-extract's own plain-text output: how much of our time is glyph extraction.
        let extract = if extension == "pdf" {
            rate(median(|| {
                pdf_extract::extract_text_from_mem(&bytes).is_ok()
            }))
        } else {
            "-".to_string()
        };
        println!(
            "| `.{extension}` | {:.2} MB | {units} | {} | {peer} | {extract} |",
            mb,
            rate(ours)
        );
    }
}
