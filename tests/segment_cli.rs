//! `draftdiff segment` through the binary: the table for people and the JSON, as
//! snapshots of the bundled outline and of the first page of the final report.

use assert_cmd::Command;

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("draftdiff")
        .unwrap()
        .arg("segment")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn outline_table() {
    insta::assert_snapshot!(run(&["examples/data/outline-draft.txt"]));
}

#[test]
fn outline_json() {
    let json = run(&["--format", "json", "examples/data/outline-draft.txt"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let units = v["units"].as_array().unwrap();
    assert_eq!(units.len(), 45);
    for u in units {
        let mut keys: Vec<&str> = u.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["end_line", "id", "kind", "line", "number", "text"]);
    }
    // The wire order of the keys is the documented one.
    assert!(json.contains("\"id\": 0,\n      \"kind\": \"heading\",\n      \"number\": \"I\",\n      \"line\": 1,\n      \"end_line\": 1,\n      \"text\": \"Introduction\""), "{json}");
    insta::assert_snapshot!(json);
}

#[test]
fn final_report_table() {
    insta::assert_snapshot!(run(&["examples/data/final-report.txt"]));
}

/// Issue 13: "1 units". One of each is singular, in the table's summary line and in the
/// report's counts.
#[test]
fn one_of_each_is_singular() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one.txt");
    std::fs::write(
        &file,
        "I. Scope\n\n1. One paragraph only.\n\n(a) One item.\n",
    )
    .unwrap();
    let table = run(&[file.to_str().unwrap()]);
    let summary = table.lines().last().unwrap();
    assert!(
        summary.contains(": 3 units, 1 heading, 1 paragraph, 1 list item, 0 footnotes;"),
        "{summary}"
    );
    let other = dir.path().join("other.txt");
    std::fs::write(
        &other,
        "I. Scope\n\n1. One paragraph, only.\n\n(a) One item.\n",
    )
    .unwrap();
    let out = Command::cargo_bin("draftdiff")
        .unwrap()
        .args(["--color", "never"])
        .arg(&file)
        .arg(&other)
        .output()
        .unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        !report.contains(" 1 units") && !report.contains(" 1 words"),
        "{report}"
    );
}
