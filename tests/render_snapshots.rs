//! Snapshots of the three renderings (terminal without colour, JSON, Markdown) on the
//! reference pair and on small hand-made cases: a move, a merge, a split, a renumbering
//! and an identical pair. Review changes with `INSTA_UPDATE=always cargo test` and a look
//! at the `.snap` files; CI never writes snapshots.

use draftdiff::diff::{DiffOptions, report};
use draftdiff::model::Report;
use draftdiff::render::{self, Palette, TerminalOptions};
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions};

fn build(old: &str, new: &str) -> Report {
    let old = draftdiff::load(old, &ReadOptions::new(), &SegmentOptions::new()).expect("old loads");
    let new = draftdiff::load(new, &ReadOptions::new(), &SegmentOptions::new()).expect("new loads");
    let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
    report(old, new, alignment, &DiffOptions::new())
}

fn case(name: &str) -> Report {
    build(
        &format!("tests/fixtures/cases/{name}/old.txt"),
        &format!("tests/fixtures/cases/{name}/new.txt"),
    )
}

fn terminal(r: &Report) -> String {
    let mut out = Vec::new();
    render::terminal(r, &TerminalOptions::new(), &Palette::plain(), &mut out).expect("renders");
    String::from_utf8(out).expect("utf-8")
}

fn json(r: &Report) -> String {
    let mut out = Vec::new();
    render::json(r, &mut out).expect("renders");
    String::from_utf8(out).expect("utf-8")
}

fn markdown(r: &Report) -> String {
    let mut out = Vec::new();
    render::markdown(r, &mut out).expect("renders");
    String::from_utf8(out).expect("utf-8")
}

fn all_three(name: &str, r: &Report) {
    let t = terminal(r);
    assert!(
        !t.contains('\u{1b}'),
        "a plain palette writes no escape codes"
    );
    insta::assert_snapshot!(format!("{name}_terminal"), t);
    insta::assert_snapshot!(format!("{name}_json"), json(r));
    insta::assert_snapshot!(format!("{name}_markdown"), markdown(r));
}

#[test]
fn reference_pair() {
    let r = build(
        "examples/data/outline-draft.txt",
        "examples/data/final-report.txt",
    );
    all_three("reference", &r);
    // Same input, byte-identical output.
    let again = build(
        "examples/data/outline-draft.txt",
        "examples/data/final-report.txt",
    );
    assert_eq!(json(&r), json(&again));
}

#[test]
fn reference_pair_side_by_side_and_stat() {
    let r = build(
        "examples/data/outline-draft.txt",
        "examples/data/final-report.txt",
    );
    let mut out = Vec::new();
    render::terminal(
        &r,
        &TerminalOptions::new().stat(true),
        &Palette::plain(),
        &mut out,
    )
    .expect("renders");
    insta::assert_snapshot!("reference_stat", String::from_utf8(out).expect("utf-8"));
    let mut out = Vec::new();
    render::side_by_side(&r, &TerminalOptions::new(), &Palette::plain(), &mut out)
        .expect("renders");
    insta::assert_snapshot!(
        "reference_side_by_side",
        String::from_utf8(out).expect("utf-8")
    );
}

#[test]
fn move_case() {
    all_three("move", &case("move"));
}

#[test]
fn merge_case() {
    all_three("merge", &case("merge"));
}

#[test]
fn split_case() {
    all_three("split", &case("split"));
}

#[test]
fn renumber_case() {
    all_three("renumber", &case("renumber"));
}

#[test]
fn identical_case() {
    let r = case("identical");
    assert!(!r.has_differences());
    all_three("identical", &r);
}

#[test]
fn side_by_side_cases() {
    for name in ["move", "merge", "split"] {
        let r = case(name);
        let mut out = Vec::new();
        render::side_by_side(&r, &TerminalOptions::new(), &Palette::plain(), &mut out)
            .expect("renders");
        let text = String::from_utf8(out).expect("utf-8");
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80 || !line.contains(' '),
                "too wide: {line}"
            );
        }
        insta::assert_snapshot!(format!("{name}_side_by_side"), text);
    }
}

#[test]
fn only_filters_entries() {
    let r = case("renumber");
    let mut out = Vec::new();
    let options = TerminalOptions::new().only(vec![render::Only::Added]);
    render::terminal(&r, &options, &Palette::plain(), &mut out).expect("renders");
    insta::assert_snapshot!(
        "renumber_only_added",
        String::from_utf8(out).expect("utf-8")
    );
}

/// Escape codes spelled out (`␛[…m`), so a palette's snapshot reads as text.
fn spelled(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes)
        .expect("utf-8")
        .replace('\u{1b}', "␛")
}

#[test]
fn light_and_dark_palettes() {
    // Issue 13: colours readable on light and dark terminals; insert and delete told apart
    // by underline and strike-through as well as by hue (a merge with deleted and inserted
    // words, an unchanged unit counted).
    use draftdiff::render::Theme;
    let r = case("merge");
    for (name, theme) in [("dark", Theme::Dark), ("light", Theme::Light)] {
        let palette = Palette::themed(theme);
        let mut out = Vec::new();
        render::terminal(&r, &TerminalOptions::new(), &palette, &mut out).expect("renders");
        let text = spelled(out);
        assert!(
            !text.contains("{+") && !text.contains("[-"),
            "no markers in colour"
        );
        insta::assert_snapshot!(format!("palette_{name}_terminal"), text);
        let mut out = Vec::new();
        render::side_by_side(&r, &TerminalOptions::new(), &palette, &mut out).expect("renders");
        insta::assert_snapshot!(format!("palette_{name}_side_by_side"), spelled(out));
    }
}
