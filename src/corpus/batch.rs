//! Comparisons in bulk (`draftdiff batch`): JSON Lines in, one line out for each.
//!
//! Each input line is `{"old": PATH, "new": PATH, "id": …}`; either side may instead be given
//! as its text (`"old_text"`, `"new_text"`), and `id` is any JSON value, copied to the output
//! line. Each pair is read, aligned and diffed as `draftdiff OLD NEW` does; its line is
//! written by [`render::batch_report`], or [`render::batch_error`] for a line that failed
//! (bad JSON, a file that cannot be read), which does not stop the others. Blank lines are
//! skipped. Lines are written as they are done, so a long batch can be followed.
//!
//! ```
//! use draftdiff::corpus::batch;
//! use draftdiff::{ReadOptions, diff::DiffOptions};
//!
//! let input = br#"{"old_text": "The cat sat.", "new_text": "The black cat sat.", "id": 7}
//! {"old": "no-such-file.txt", "new_text": "x"}
//! "#;
//! let mut out = Vec::new();
//! let done = batch(&mut &input[..], &ReadOptions::new(), &DiffOptions::new(), &mut out)?;
//! assert_eq!((done.total, done.failed), (2, 1));
//! let text = String::from_utf8(out).unwrap();
//! assert!(text.starts_with(r#"{"line":1,"id":7,"report":{"#));
//! assert!(text.lines().nth(1).unwrap().starts_with(r#"{"line":2,"error":"#));
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io::{self, BufRead, Write};

use crate::diff::DiffOptions;
use crate::model::Document;
use crate::read::ReadOptions;
use crate::render;
use crate::segment::{SegmentOptions, segment};

/// What [`batch`] did.
#[derive(Debug, Default)]
pub struct BatchSummary {
    /// Input lines that were not blank.
    pub total: usize,
    /// Of those, the lines that failed (each has its error line in the output).
    pub failed: usize,
    /// The error that stopped reading the input, if one did (the lines before it were
    /// written).
    pub read_error: Option<io::Error>,
}

/// One line of the input.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    old: Option<String>,
    new: Option<String>,
    old_text: Option<String>,
    new_text: Option<String>,
    id: Option<serde_json::Value>,
}

/// Compares every pair of `input` (JSON Lines, see the module docs) and writes one line
/// for each to `out`, flushed line by line. An error writing `out` stops the batch and is
/// returned; an error reading `input` stops it too and is in the summary.
pub fn batch(
    input: &mut dyn BufRead,
    read: &ReadOptions,
    diff: &DiffOptions,
    out: &mut dyn Write,
) -> io::Result<BatchSummary> {
    let mut summary = BatchSummary::default();
    for (i, line) in input.lines().enumerate() {
        let number = i + 1;
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                summary.read_error = Some(e);
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        summary.total += 1;
        let pair: Pair = match serde_json::from_str(&line) {
            Ok(pair) => pair,
            Err(e) => {
                summary.failed += 1;
                let id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").cloned());
                render::batch_error(number, id.as_ref(), &format!("bad line: {e}"), out)?;
                continue;
            }
        };
        let docs = side(read, "old", pair.old, pair.old_text)
            .and_then(|old| Ok((old, side(read, "new", pair.new, pair.new_text)?)));
        match docs {
            Ok((old, new)) => {
                let alignment = crate::align(&old, &new, &crate::AlignOptions::new());
                let report = crate::diff::report(old, new, alignment, diff);
                render::batch_report(number, pair.id.as_ref(), &report, out)?;
            }
            Err(message) => {
                summary.failed += 1;
                render::batch_error(number, pair.id.as_ref(), &message, out)?;
            }
        }
        out.flush()?;
    }
    Ok(summary)
}

/// Reads one side of a pair: a path, or the text itself.
fn side(
    read: &ReadOptions,
    name: &str,
    path: Option<String>,
    text: Option<String>,
) -> Result<Document, String> {
    match (path, text) {
        (Some(path), None) => {
            let bytes = crate::read::read_bytes(&path).map_err(|e| e.to_string())?;
            crate::read::document(&path, bytes, read, &SegmentOptions::new())
                .map_err(|e| e.to_string())
        }
        (None, Some(text)) => Ok(segment(
            &format!("<{name}_text>"),
            &text,
            &SegmentOptions::new(),
        )),
        (Some(_), Some(_)) => Err(format!(
            "give either \"{name}\" or \"{name}_text\", not both"
        )),
        (None, None) => Err(format!("\"{name}\" (a path) or \"{name}_text\" is missing")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> (BatchSummary, Vec<serde_json::Value>) {
        let mut out = Vec::new();
        let summary = batch(
            &mut input.as_bytes(),
            &ReadOptions::new(),
            &DiffOptions::new(),
            &mut out,
        )
        .expect("written");
        let lines = String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON value a line"))
            .collect();
        (summary, lines)
    }

    #[test]
    fn every_line_gets_its_line_and_bad_lines_do_not_stop_the_batch() {
        let input = concat!(
            r#"{"old_text": "One.", "new_text": "One, now.", "id": "a"}"#,
            "\n\n",
            "not json\n",
            r#"{"old_text": "x", "old": "y", "new_text": "z"}"#,
            "\n",
            r#"{"new_text": "z", "id": [1]}"#,
            "\n",
        );
        let (summary, lines) = run(input);
        assert_eq!((summary.total, summary.failed), (4, 3));
        assert!(summary.read_error.is_none());
        let numbers: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
        assert_eq!(numbers, [1, 3, 4, 5], "blank line 2 skipped, numbers kept");
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[0]["report"]["old"]["path"], "<old_text>");
        assert!(
            lines[1]["error"]
                .as_str()
                .unwrap()
                .starts_with("bad line: ")
        );
        assert_eq!(
            lines[2]["error"],
            "give either \"old\" or \"old_text\", not both"
        );
        assert_eq!(lines[3]["id"], serde_json::json!([1]));
        assert_eq!(
            lines[3]["error"],
            "\"old\" (a path) or \"old_text\" is missing"
        );
    }
}
