//! Document text is data, never terminal commands (issue 8, item 1): every human-readable
//! output shows control characters, C1 controls and bidi overrides visibly (`^[`,
//! `<U+009B>`, `<U+202E>`), and DOT, Mermaid and Markdown escape by their own rules.
//!
//! The documents here carry real attacks: clear the screen (`ESC [2J`), set the window
//! title (an OSC sequence), hide an inserted passage (`ESC [8m`), the one-character CSI of
//! C1 (U+009B) and a right-to-left override ("Trojan Source").

#[path = "support/git.rs"]
mod support_git;
#[path = "support/versions.rs"]
mod support_versions;
use support_versions::{Versions as Files, versions as files};

use support_git::git;

use assert_cmd::Command;

const ESC: char = '\u{1b}';

/// The old version: plain text.
const OLD: &str = "1. The cat sat on the mat.\n\n2. Second paragraph stays.\n\n\
                   3. A paragraph to be cut.\n";

/// The new version: paragraph 1 edited with a screen clear and a window title, paragraph 2
/// kept, paragraph 3 cut, and a new paragraph hiding its words with the "hidden" code.
const NEW: &str = "1. The cat sat on the \u{1b}[2J\u{1b}]0;pwned\u{1b}\\ mat.\n\n\
                   2. Second paragraph stays.\n\n\
                   4. Added \u{1b}[8mhidden words\u{1b}[0m here.\n";

/// Runs the binary with `args` then the files, and returns its standard output; the exit
/// status must be 0 or 1 (never trouble).
fn run(args: &[&str], files: &Files) -> String {
    let out = Command::cargo_bin("draftdiff")
        .expect("binary built")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .args(args)
        .args(&files.paths)
        .output()
        .expect("runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Fails when `out` holds any control character other than line feed and tab, any C1
/// control or bidi control; with `sgr_allowed`, an ESC is allowed only as the start of a
/// colour code (`ESC [ digits ; … m`), which is what owo-colors writes.
fn assert_terminal_safe(out: &str, sgr_allowed: bool) {
    let chars: Vec<char> = out.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ESC && sgr_allowed && chars.get(i + 1) == Some(&'[') {
            let mut j = i + 2;
            while chars
                .get(j)
                .is_some_and(|d| d.is_ascii_digit() || *d == ';')
            {
                j += 1;
            }
            assert_eq!(
                chars.get(j),
                Some(&'m'),
                "escape sequence other than a colour at char {i}: {out:?}"
            );
            i = j + 1;
            continue;
        }
        let code = u32::from(c);
        let control = (code < 0x20 && c != '\n' && c != '\t')
            || (0x7F..=0x9F).contains(&code)
            || (0x202A..=0x202E).contains(&code)
            || (0x2066..=0x2069).contains(&code);
        assert!(!control, "raw U+{code:04X} at char {i}: {out:?}");
        i += 1;
    }
}

#[test]
fn esc_in_document_is_shown_not_sent_report_color_never() {
    let f = files(&[OLD, NEW]);
    let out = run(&["--color", "never"], &f);
    assert_terminal_safe(&out, false);
    assert!(out.contains("^[[2J^[]0;pwned^[\\"), "{out}");
    assert!(out.contains("^[[8mhidden"), "{out}");
}

#[test]
fn esc_in_document_is_shown_not_sent_report_color_always() {
    let f = files(&[OLD, NEW]);
    let out = run(&["--color", "always"], &f);
    assert_terminal_safe(&out, true);
    assert!(out.contains("^[[8m"), "{out}");
}

#[test]
fn esc_in_document_is_shown_not_sent_side_by_side() {
    let f = files(&[OLD, NEW]);
    for color in ["never", "always"] {
        let out = run(&["--side-by-side", "--width", "120", "--color", color], &f);
        assert_terminal_safe(&out, color == "always");
        assert!(out.contains("^[[8m"), "{out}");
    }
}

#[test]
fn esc_in_document_is_shown_not_sent_stat_and_only() {
    let f = files(&[OLD, NEW]);
    let out = run(&["--color", "never", "--only", "added"], &f);
    assert_terminal_safe(&out, false);
    assert!(out.contains("^[[8mhidden"), "{out}");
}

#[test]
fn esc_in_document_is_shown_not_sent_segment_table() {
    let f = files(&[NEW]);
    let out = run(&["segment"], &f);
    assert_terminal_safe(&out, false);
    assert!(out.contains("^[[8mhidden"), "{out}");
}

#[test]
fn esc_in_document_is_shown_not_sent_trace() {
    let f = files(&[OLD, NEW]);
    for color in ["never", "always"] {
        let out = run(&["trace", "--para", "1", "--full", "--color", color], &f);
        assert_terminal_safe(&out, color == "always");
        assert!(out.contains("^[[2J"), "{out}");
    }
}

#[test]
fn esc_in_document_is_shown_not_sent_blame() {
    let f = files(&[OLD, NEW]);
    for color in ["never", "always"] {
        let out = run(&["blame", "--width", "200", "--color", color], &f);
        assert_terminal_safe(&out, color == "always");
        assert!(out.contains("^[[8mhidden"), "{out}");
    }
}

#[test]
fn esc_in_document_is_shown_not_sent_changelog() {
    let f = files(&[OLD, NEW]);
    let out = run(&["changelog"], &f);
    assert_terminal_safe(&out, false);
    // Markdown escapes the bracket of the visible form, which still reads `^[`.
    assert!(out.contains("^\\[\\[8mhidden"), "{out}");
    let out = run(&["--format", "markdown"], &f);
    assert_terminal_safe(&out, false);
}

#[test]
fn esc_in_document_is_shown_not_sent_log_commit_subject() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    git(dir, &["init", "-q"]);
    for (text, subject) in [
        (OLD, "First draft"),
        (NEW, "Tidy \u{1b}]0;pwned\u{1b}\\ \u{9b}2J \u{202e}txt.exe"),
    ] {
        std::fs::write(dir.join("draft.txt"), text).expect("write");
        git(dir, &["add", "draft.txt"]);
        git(dir, &["commit", "-q", "-m", subject]);
    }
    let path = dir.join("draft.txt");
    let path = path.to_str().expect("utf-8 path");
    for command in ["log", "blame"] {
        let out = Command::cargo_bin("draftdiff")
            .expect("binary built")
            .args([command, "--color", "never", "--git", path])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let out = String::from_utf8(out.stdout).expect("utf-8");
        assert_terminal_safe(&out, false);
        assert!(
            out.contains("Tidy ^[]0;pwned^[\\ <U+009B>2J <U+202E>txt.exe"),
            "{out}"
        );
    }
}

#[test]
fn c1_csi_is_shown() {
    // U+009B is a whole CSI in one character for terminals that read C1 controls.
    // Paragraph 1 edited, and a new paragraph 4 (which the changelog quotes).
    let new = "1. The cat sat on the \u{9b}2J mat.\n\n2. Second paragraph stays.\n\n\
               4. Added \u{9b}2J here.\n";
    let f = files(&[OLD, new]);
    for args in [
        &["--color", "never"][..],
        &["--side-by-side", "--color", "never"],
        &["changelog"],
        &["blame", "--width", "200"],
        &["trace", "--para", "1", "--full"],
    ] {
        let out = run(args, &f);
        assert_terminal_safe(&out, false);
        let shown = if args[0] == "changelog" {
            "\\<U+009B\\>2J"
        } else {
            "<U+009B>2J"
        };
        assert!(out.contains(shown), "{args:?}: {out}");
    }
    let f = files(&[new]);
    let out = run(&["segment"], &f);
    assert_terminal_safe(&out, false);
    assert!(out.contains("<U+009B>2J"), "{out}");
}

#[test]
fn bidi_override_is_shown() {
    // "Trojan Source": an override makes the text read differently from its bytes.
    // Paragraph 1 edited, and a new paragraph 4 (which the changelog quotes).
    let new = "1. The cat sat on the mat \u{202e}gnp.exe\u{202c} and \u{2067}isolated\u{2069}.\n\n\
               2. Second paragraph stays.\n\n\
               4. Added \u{202e}gnp.exe\u{202c} and \u{2067}isolated\u{2069}.\n";
    let f = files(&[OLD, new]);
    for args in [
        &["--color", "never"][..],
        &["--color", "always"],
        &["--side-by-side", "--color", "never"],
        &["changelog"],
        &["blame", "--width", "200"],
        &["trace", "--para", "1", "--full"],
    ] {
        let out = run(args, &f);
        assert_terminal_safe(&out, args.contains(&"always"));
        let (rlo, isolate) = if args[0] == "changelog" {
            (
                "\\<U+202E\\>gnp.exe\\<U+202C\\>",
                "\\<U+2067\\>isolated\\<U+2069\\>",
            )
        } else {
            ("<U+202E>gnp.exe<U+202C>", "<U+2067>isolated<U+2069>")
        };
        assert!(out.contains(rlo), "{args:?}: {out}");
        assert!(out.contains(isolate), "{args:?}: {out}");
    }
    let f = files(&[new]);
    let out = run(&["segment"], &f);
    assert_terminal_safe(&out, false);
    assert!(out.contains("<U+202E>gnp.exe"), "{out}");
}

/// The text between the quotes of each `["…"]` label of a Mermaid chart.
fn mermaid_labels(chart: &str) -> Vec<&str> {
    chart
        .lines()
        .filter_map(|l| {
            let start = l.find("[\"")? + 2;
            let end = l.rfind("\"]")?;
            Some(&l[start..end])
        })
        .collect()
}

#[test]
fn mermaid_label_cannot_inject_html() {
    // A node shows the first six words: the payload is in them.
    let old = "<img src=x onerror=alert(1)> \"quoted\"[b]#1 `tick`&more.\n\nKept.\n";
    let new = "<img src=x onerror=alert(1)> \"quoted\"[b]#1 `tick`&more \u{1b}[2J.\n\nKept.\n";
    let f = files(&[old, new]);
    let out = run(&["log", "--format", "mermaid"], &f);
    assert_terminal_safe(&out, false);
    let labels = mermaid_labels(&out);
    assert!(labels.len() >= 4, "{out}");
    for label in &labels {
        for bad in ['"', '<', '>', '`'] {
            assert!(!label.contains(bad), "{bad:?} in label {label:?}");
        }
        // Every `#` starts an entity code `#name;` or `#123;`.
        for (i, _) in label.match_indices('#') {
            let rest = &label[i + 1..];
            let end = rest.find(';').expect("entity ends with ;");
            assert!(
                rest[..end].chars().all(|c| c.is_ascii_alphanumeric()) && end > 0,
                "bare # in {label:?}"
            );
        }
    }
    assert!(out.contains("#lt;img"), "{out}");
    assert!(out.contains("#quot;quoted#quot;"), "{out}");
    assert!(out.contains("^[[2J"), "{out}");
}

#[test]
fn dot_label_escaped() {
    // A node shows the first six words: the payload is in them.
    let old = "C:\\new\\table \"quoted\" text.\n\nKept.\n";
    let new = "C:\\new\\table \"quoted\" \u{1b}]0;pwned\u{1b}\\ \u{202e}x.\n\nKept.\n";
    let f = files(&[old, new]);
    let out = run(&["log", "--format", "dot"], &f);
    assert_terminal_safe(&out, false);
    // Each label is one DOT string: after `label="`, only `\\` and `\"` escapes up to the
    // closing quote, then the end of the attribute list.
    let mut labels = 0;
    for line in out.lines() {
        let Some(start) = line.find("label=\"") else {
            continue;
        };
        let rest = &line[start + 7..];
        let mut chars = rest.char_indices();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    let next = chars.next().map(|(_, c)| c);
                    assert!(matches!(next, Some('\\' | '"')), "bad escape in {line:?}");
                }
                '"' => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end.unwrap_or_else(|| panic!("unterminated label in {line:?}"));
        let tail = rest[end + 1..].trim_start_matches([']', ';', ',', ' ']);
        assert!(
            tail.is_empty() || tail.starts_with("label=") || tail.starts_with("arrowhead"),
            "label breaks out in {line:?}"
        );
        labels += 1;
    }
    assert!(labels >= 4, "{out}");
    assert!(
        out.contains("C:\\\\new\\\\table \\\"quoted\\\" text."),
        "{out}"
    );
    assert!(out.contains("^[]0;pwned^[\\\\ <U+202E>x"), "{out}");
}

#[test]
fn changelog_quotes_cannot_inject_markdown() {
    let old = "1. First paragraph stays as it is.\n";
    let new = "1. First paragraph stays as it is.\n\n\
               2. New | cell `code` [link](javascript:alert(1)) &#x202E; <b>bold</b> ~~gone~~.\n";
    let f = files(&[old, new]);
    let out = run(&["changelog"], &f);
    assert_terminal_safe(&out, false);
    let quote = out
        .lines()
        .find(|l| l.starts_with("- **New:**"))
        .unwrap_or_else(|| panic!("no New item: {out}"));
    assert!(quote.contains("New \\| cell \\`code\\`"), "{quote}");
    assert!(quote.contains("\\[link\\]"), "{quote}");
    assert!(quote.contains("\\&\\#x202E;"), "{quote}");
    assert!(quote.contains("\\<b\\>"), "{quote}");
    assert!(quote.contains("\\~\\~gone\\~\\~"), "{quote}");
}

#[test]
fn esc_in_a_file_name_is_shown_not_sent_error_message() {
    // A file name is as hostile as a document: a shared folder can hold any name.
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("draft\u{1b}]0;pwned\u{1b}\\\u{202e}.txt");
    let missing = missing.to_str().expect("utf-8 path");
    let out = Command::cargo_bin("draftdiff")
        .expect("binary built")
        .args([missing, missing])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_terminal_safe(&err, false);
    assert!(err.contains("draft^[]0;pwned^[\\<U+202E>.txt"), "{err}");
}
