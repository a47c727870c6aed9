//! Snapshots of `log`, `blame` and `trace` on the six Darwin editions, as people see them
//! (no colour, fixed width).

use assert_cmd::Command;

const EDITIONS: [&str; 6] = ["1859", "1860", "1861", "1866", "1869", "1872"];

fn run(args: &[&str]) -> String {
    let dir = format!("{}/tests/fixtures/darwin", env!("CARGO_MANIFEST_DIR"));
    let out = Command::cargo_bin("draftdiff")
        .unwrap()
        .current_dir(&dir)
        .args(args)
        .args(["--color", "never", "--width", "100"])
        .args(EDITIONS.iter().map(|e| format!("{e}.txt")))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn darwin_log() {
    insta::assert_snapshot!(run(&["log"]));
}

#[test]
fn darwin_blame() {
    insta::assert_snapshot!(run(&["blame"]));
}

#[test]
fn darwin_trace_of_the_first_paragraph_of_1859() {
    insta::assert_snapshot!(run(&["trace", "--para", "1"]));
}

#[test]
fn darwin_trace_of_a_paragraph_new_in_1869_by_line() {
    insta::assert_snapshot!(run(&["trace", "--at", "5:L3"]));
}
