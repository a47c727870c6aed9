//! The lines of `draftdiff batch`: one compact JSON object a line (JSON Lines).
//!
//! A pair that was compared: `{"line": 3, "id": …, "report": {…}}`, where `report` is
//! exactly the document `draftdiff OLD NEW --format json` writes (see [`json`]), on one
//! line. A pair that could not be: `{"line": 3, "id": …, "error": "message"}`. `line` is
//! the 1-based line of the input; `id` is copied from the input line as it was given (any
//! JSON value), and absent when it had none.

use std::io;

use serde::Serialize;

use crate::model::Report;

use super::json;

/// Writes the line of a compared pair.
pub fn batch_report(
    line: usize,
    id: Option<&serde_json::Value>,
    report: &Report,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut pretty = Vec::new();
    json(report, &mut pretty)?;
    let head = Head { line, id };
    let mut bytes = serde_json::to_vec(&head).map_err(io::Error::other)?;
    // `{"line":3,"id":…}` → `{"line":3,"id":…,"report":` + the report + `}`.
    bytes.pop();
    bytes.extend_from_slice(b",\"report\":");
    minify(&pretty, &mut bytes);
    bytes.extend_from_slice(b"}\n");
    out.write_all(&bytes)
}

/// Writes the line of a pair that failed.
pub fn batch_error(
    line: usize,
    id: Option<&serde_json::Value>,
    message: &str,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let wire = Failed {
        line,
        id,
        error: message,
    };
    let mut bytes = serde_json::to_vec(&wire).map_err(io::Error::other)?;
    bytes.push(b'\n');
    out.write_all(&bytes)
}

#[derive(Serialize)]
struct Head<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
}

#[derive(Serialize)]
struct Failed<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    error: &'a str,
}

/// Appends `json` without the whitespace between its tokens (strings are kept as they are:
/// serde_json escapes every control character inside them, so a raw space or newline is
/// always between tokens). Keeps the report's key order, which re-parsing would lose.
fn minify(json: &[u8], out: &mut Vec<u8>) {
    let (mut in_string, mut escaped) = (false, false);
    for &b in json {
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            out.push(b);
            in_string = b == b'"';
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minify_keeps_strings() {
        let mut out = Vec::new();
        minify(
            b"{\n  \"a b\": \"x \\\" y\",\n  \"c\": [1, 2]\n}\n",
            &mut out,
        );
        assert_eq!(out, b"{\"a b\":\"x \\\" y\",\"c\":[1,2]}");
    }
}
