//! One verdict (issue 8, item 5): whether a unit changed is decided the same way for the
//! exit status, the counts, the labels and the word diff shown, in every command.
//!
//! Invisible formatting characters (zero-width space, non-joiner, joiner, word joiner,
//! byte-order mark, soft hyphen) and the Unicode normalisation form (NFC against NFD) are
//! not changes: a text differing only by them is unchanged everywhere and shows no change.

#[path = "support/versions.rs"]
mod support_versions;
use support_versions::{Versions as Files, versions as files};

use assert_cmd::Command;
use draftdiff::diff::{DiffOptions, diff_texts};
use draftdiff::model::OpKind;

const OLD: &str = "1. The cooperation of the Café committee was welcome.\n\n\
                   2. Second paragraph here.\n";

/// `OLD` with a zero-width space, a byte-order mark and a word joiner between words, a
/// soft hyphen, a joiner and a non-joiner inside words, and "Café" decomposed (NFD).
const INVISIBLE: &str = "1. The co\u{ad}operation\u{200b} of the Cafe\u{301} \u{feff}committee \
                         was\u{2060} wel\u{200c}co\u{200d}me.\n\n\
                         2. Second paragraph here.\n";

/// Exit status and standard output of the binary with `args` then the files.
fn run(args: &[&str], files: &Files) -> (Option<i32>, String) {
    let out = Command::cargo_bin("draftdiff")
        .expect("binary built")
        .args(["--color", "never"])
        .args(args)
        .args(&files.paths)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("utf-8"),
    )
}

fn assert_no_change_shown(out: &str) {
    assert!(!out.contains("{+") && !out.contains("[-"), "{out}");
}

#[test]
fn zero_width_only_change_is_unchanged_everywhere() {
    let f = files(&[OLD, INVISIBLE]);

    // --all: identical versions are otherwise one line (issue 13).
    let (code, out) = run(&["--all"], &f);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("unchanged 2 · renumbered 0 · edited 0"),
        "{out}"
    );
    assert!(out.contains("(11 of 11 words)"), "{out}");
    assert_no_change_shown(&out);

    let (code, out) = run(&["--side-by-side"], &f);
    assert_eq!(code, Some(0), "{out}");
    assert_no_change_shown(&out);

    let (code, out) = run(&["--format", "json"], &f);
    assert_eq!(code, Some(0), "{out}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(json["summary"]["unchanged"], 2, "{out}");
    assert_eq!(json["summary"]["edited"], 0, "{out}");
    for link in json["links"].as_array().expect("links") {
        assert_eq!(link["change"], "unchanged", "{link}");
        for op in link["diff"]["ops"].as_array().expect("ops") {
            assert_eq!(op["op"], "equal", "{link}");
        }
    }

    let (code, out) = run(&["changelog"], &f);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("2 paragraphs unchanged."), "{out}");
    assert!(!out.contains("Light edits"), "{out}");

    let (code, out) = run(&["log"], &f);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("(2 unchanged, 0 renumbered, 0 edited"),
        "{out}"
    );

    let (code, out) = run(&["trace", "--para", "1"], &f);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(": unchanged"), "{out}");
    assert_no_change_shown(&out);

    let (code, out) = run(&["blame"], &f);
    assert_eq!(code, Some(0), "{out}");
    // Both units were written in v1 and last changed in v1.
    let rows: Vec<&str> = out.lines().filter(|l| l.contains('¶')).collect();
    assert_eq!(rows.len(), 2, "{out}");
    for row in rows {
        let words: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(&words[..2], ["v1", "v1"], "{row}");
        assert!(row.contains("v1 100%") && !row.contains("v2 "), "{row}");
    }

    let (code, out) = run(&["log", "--format", "dot"], &f);
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("penwidth=2"), "no edited edge: {out}");
}

#[test]
fn zero_width_only_change_shows_no_change_in_the_word_diff() {
    for (old, new) in [
        ("a b", "a\u{200b} b"),
        ("a b", "a \u{200b}b"),
        ("ab", "a\u{ad}b"),
        ("a b", "\u{feff}a b\u{feff}"),
        ("a b", "a\u{2060} b"),
        ("café", "cafe\u{301}"),
    ] {
        for options in [
            DiffOptions::new(),
            DiffOptions::new().ignore_whitespace(false),
            DiffOptions::new()
                .ignore_case(true)
                .ignore_quote_styles(true),
        ] {
            let d = diff_texts(old, new, &options);
            assert!(
                d.ops.iter().all(|o| o.kind == OpKind::Equal),
                "{old:?} → {new:?}: {d:?}"
            );
            // The text shown is the text as written.
            assert_eq!(d.new_text(), new);
        }
    }
}

#[test]
fn mid_file_bom_is_not_an_insertion() {
    // Two files joined with `cat`: the second one's byte-order mark lands mid-file.
    let joined = "1. The cooperation of the Café committee was welcome.\n\n\
                  \u{feff}2. Second paragraph here.\n";
    let f = files(&[OLD, joined]);
    let (code, out) = run(&["--all"], &f);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("¶2 ← ¶2 (unchanged)"), "{out}");
    assert_no_change_shown(&out);
    assert!(!out.contains('\u{feff}'), "{out:?}");

    let (code, out) = run(&["segment"], &files(&[joined]));
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("paragraph  2 "), "{out}");
}

#[test]
fn nfd_text_is_not_a_change() {
    let nfd = "1. The cooperation of the Cafe\u{301} committee was welcome.\n\n\
               2. Second paragraph here.\n";
    let f = files(&[OLD, nfd]);
    let (code, out) = run(&[], &f);
    assert_eq!(code, Some(0), "{out}");
    assert_no_change_shown(&out);
}

#[test]
fn a_case_change_is_an_edit_unless_case_is_ignored() {
    let new = "1. The cooperation of the CAFÉ committee was welcome.\n\n\
               2. Second paragraph here.\n";
    let f = files(&[OLD, new]);
    let (code, out) = run(&[], &f);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("¶1 ← ¶1 (edited"), "{out}");
    assert!(out.contains("[-Café-]{+CAFÉ+}"), "{out}");
    assert!(
        out.contains("unchanged 1 · renumbered 0 · edited 1"),
        "{out}"
    );

    let (code, out) = run(&["--ignore-case", "--all"], &f);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("unchanged 2 · renumbered 0 · edited 0"),
        "{out}"
    );
    assert_no_change_shown(&out);
}

#[test]
fn a_quote_style_change_is_an_edit_unless_quote_styles_are_ignored() {
    let old = "1. The ‘so-called’ «win–win» approach of the committee.\n\n\
               2. Second paragraph here.\n";
    // Every quote and dash in another style of the one folding table.
    let new = "1. The `so\u{2010}called´ \"win-win\" approach of the committee.\n\n\
               2. Second paragraph here.\n";
    let f = files(&[old, new]);
    let (code, out) = run(&[], &f);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("¶1 ← ¶1 (edited"), "{out}");

    let (code, out) = run(&["--ignore-quotes", "--all"], &f);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("¶1 ← ¶1 (unchanged)"), "{out}");
    assert_no_change_shown(&out);
}

#[test]
fn a_punctuation_only_change_is_unchanged_when_punctuation_is_ignored() {
    let new = "1. The cooperation, of the Café committee was welcome!\n\n\
               2. Second paragraph here.\n";
    let f = files(&[OLD, new]);
    let (code, out) = run(&[], &f);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = run(&["--ignore-punctuation", "--all"], &f);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("unchanged 2 · renumbered 0 · edited 0"),
        "{out}"
    );
}
