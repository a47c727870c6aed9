//! The report's layout options through the binary: `--width`, `--side-by-side`, `--stat`,
//! `--only`, and the word-comparison flags.

use assert_cmd::Command;

const OLD: &str = "examples/data/outline-draft.txt";
const NEW: &str = "examples/data/final-report.txt";

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("draftdiff")
        .expect("binary built")
        .env_remove("CLICOLOR_FORCE")
        .args([OLD, NEW])
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Lines wider than `width` that could have been wrapped (they hold a space).
fn too_wide(text: &str, width: usize) -> Vec<&str> {
    text.lines()
        .filter(|l| l.chars().count() > width && l.trim().contains(' '))
        .collect()
}

#[test]
fn width_is_obeyed_in_both_layouts() {
    for width in ["60", "80", "132"] {
        let w: usize = width.parse().expect("number");
        let plain = run(&["--width", width]);
        assert!(too_wide(&plain, w).is_empty(), "{:?}", too_wide(&plain, w));
        let sbs = run(&["--width", width, "--side-by-side"]);
        assert!(sbs.contains(" │ "));
        assert!(too_wide(&sbs, w).len() <= 2, "{:?}", too_wide(&sbs, w));
    }
}

#[test]
fn stat_is_the_summary_alone() {
    let out = run(&["--stat"]);
    assert!(out.lines().count() <= 8, "{out}");
    assert!(out.contains("carried over"));
    assert!(!out.contains('←'));
}

#[test]
fn only_keeps_the_named_entries() {
    let added = run(&["--only", "added"]);
    assert!(added.contains("(new)"));
    assert!(!added.contains(" ← "));
    assert!(!added.contains("(removed)"));
    let both = run(&["--only", "removed,moved"]);
    assert!(!both.contains("(new)"));
    for line in both
        .lines()
        .filter(|l| l.contains(" ← ") && !l.starts_with(' '))
    {
        assert!(line.contains("moved"), "{line}");
    }
}

#[test]
fn comparison_flags_change_what_counts() {
    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        serde_json::from_str(&run(&all)).expect("valid JSON")
    };
    let kept = |v: &serde_json::Value| v["summary"]["kept_words"].as_u64().expect("number");
    let base = json(&[]);
    let folded = json(&["--ignore-case", "--ignore-quotes", "--ignore-punctuation"]);
    assert!(
        kept(&folded) >= kept(&base),
        "{} < {}",
        kept(&folded),
        kept(&base)
    );
    assert!(
        kept(&folded) > kept(&base),
        "case and quotes differ somewhere in the pair"
    );
}
