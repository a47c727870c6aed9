//! `--width` out of range.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

const CASES: &str = "tests/fixtures/cases";

fn draftdiff() -> Command {
    let mut cmd = Command::cargo_bin("draftdiff").expect("binary built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

fn pair() -> [String; 2] {
    [
        format!("{CASES}/move/old.txt"),
        format!("{CASES}/move/new.txt"),
    ]
}

#[test]
fn width_overflow_is_an_error_not_a_panic() {
    for width in ["18446744073709551615", "99999999999999999999999999"] {
        draftdiff()
            .args(pair())
            .args(["--side-by-side", "--width", width])
            .assert()
            .code(2)
            .stderr(contains("--width"))
            .stderr(contains("panicked").not());
    }
}

#[test]
fn width_above_max_is_an_error() {
    draftdiff()
        .args(pair())
        .args(["--side-by-side", "--width", "1000000000"])
        .assert()
        .code(2)
        .stderr(contains("--width"))
        .stderr(contains("1000"))
        .stdout("");
    draftdiff()
        .args(pair())
        .args(["--side-by-side", "--width", "1000"])
        .assert()
        .code(1);
}

#[test]
fn width_below_min_is_an_error() {
    for width in ["0", "5"] {
        draftdiff()
            .args(pair())
            .args(["--width", width])
            .assert()
            .code(2)
            .stderr(contains("--width"))
            .stdout("");
    }
}
