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
