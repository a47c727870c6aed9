//! `draftdiff eval GOLD OLD NEW` through the binary, on one small dev pair of the corpus
//! (`quic-recovery-20-21`). The expectations are exact: when the aligner changes its answer
//! on this pair, update them together with `baseline.json`.

use assert_cmd::Command;
use predicates::prelude::*;

const PAIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/corpus/align/quic-recovery-20-21"
);

fn eval() -> Command {
    let mut cmd = Command::cargo_bin("draftdiff").expect("the draftdiff binary");
    cmd.current_dir(PAIR).env_remove("NO_COLOR");
    cmd
}

#[test]
fn eval_prints_the_figures() {
    // Since sentence alignment (src/align/sentences.rs) every sure link of this pair is
    // found; missed links and their texts are checked by the test with a made-up gold.
    eval()
        .args(["eval", "gold.json", "old.md", "new.md"])
        .assert()
        .code(0)
        .stdout(
            "precision 1.000  recall 1.000  F1 1.000  (62 predicted, 62 sure, 0 wrong, 0 missed)\n",
        )
        .stderr("");
}

#[test]
fn eval_json_gives_the_same_figures_and_links() {
    let out = eval()
        .args(["eval", "--format", "json", "gold.json", "old.md", "new.md"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let mut json: serde_json::Value = serde_json::from_slice(&out).expect("eval writes JSON");
    let recall = 1.0;
    for (key, want) in [
        ("precision", 1.0),
        ("recall", recall),
        ("f1", 2.0 * recall / (1.0 + recall)),
    ] {
        let got = json[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key} is a number"));
        assert!((got - want).abs() < 1e-12, "{key}: {got} != {want}");
        json.as_object_mut().unwrap().remove(key);
    }
    assert_eq!(
        json,
        serde_json::json!({
            "version": 1,
            "gold": "gold.json",
            "old": "old.md",
            "new": "new.md",
            "predicted": 62,
            "sure": 62,
            "wrong": [],
            "missed": []
        })
    );
}

#[test]
fn eval_reports_a_wrong_link_and_a_key_that_names_no_unit() {
    // A gold that disagrees with the aligner on purpose: the identical first heading is
    // left out (so its link is wrong), and a sure link names a line past the end.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let gold = dir.path().join("gold.json");
    std::fs::write(&gold, r#"{"sure": [["L3", "L3"], ["L3", "L9999"]]}"#).unwrap();
    eval()
        .args(["eval", &gold.to_string_lossy(), "old.md", "new.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "precision 0.016  recall 0.500  F1 0.031  (62 predicted, 2 sure, 61 wrong, 1 missed)\n\nwrong (61):\n",
        ))
        .stdout(predicate::str::contains(
            "  L1 -> L1\n    old: Loss Detection\n    new: Loss Detection\n",
        ))
        .stdout(predicate::str::contains(
            "  L3 -> L9999\n    old: QUIC senders use both ack information and timeouts to detect lost packets, and t…\n    new: (no unit has this key)\n",
        ));
}

#[test]
fn eval_fails_with_status_2_on_a_missing_or_malformed_gold_file() {
    eval()
        .args(["eval", "no-such-gold.json", "old.md", "new.md"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no-such-gold.json"));
    let dir = tempfile::tempdir().expect("a temporary directory");
    let gold = dir.path().join("gold.json");
    std::fs::write(&gold, r#"{"sure": [["L1"]]}"#).unwrap();
    eval()
        .args(["eval", &gold.to_string_lossy(), "old.md", "new.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad gold file"));
}
