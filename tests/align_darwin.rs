//! Darwin's chapter 1 in six editions: every consecutive step and 1859 → 1872 must reach
//! precision and recall ≥ 0.97 against the source's paragraph grouping.

use draftdiff::eval::{Gold, score};
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions, align, load};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/darwin");

fn gold(step: &str) -> Gold {
    let path = format!("{DIR}/gold.json");
    let json = std::fs::read_to_string(&path).expect("darwin gold");
    let all: serde_json::Value = serde_json::from_str(&json).expect("darwin gold json");
    let pair = &all["pairs"][step];
    Gold::from_json(&path, &pair.to_string()).expect("darwin gold pair")
}

#[test]
fn darwin_editions_align_with_high_precision_and_recall() {
    let steps = [
        ("1859", "1860"),
        ("1860", "1861"),
        ("1861", "1866"),
        ("1866", "1869"),
        ("1869", "1872"),
        ("1859", "1872"),
    ];
    let mut failures = Vec::new();
    for (a, b) in steps {
        let load_ed = |ed: &str| {
            load(
                &format!("{DIR}/{ed}.txt"),
                &ReadOptions::new(),
                &SegmentOptions::new(),
            )
            .expect("darwin edition")
        };
        let (old, new) = (load_ed(a), load_ed(b));
        let alignment = align(&old, &new, &AlignOptions::new());
        let s = score(&gold(&format!("{a}->{b}")), &old, &new, &alignment);
        eprintln!("darwin {a}->{b}: {s}");
        if s.precision < 0.97 || s.recall < 0.97 {
            failures.push(format!("{a}->{b}: {s}"));
        }
    }
    assert!(failures.is_empty(), "below 0.97: {failures:#?}");
}
