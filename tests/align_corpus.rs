//! The aligner on the gold corpus of `tests/corpus/align/`: every pair is read, segmented and
//! aligned with the library defaults (as the `draftdiff` command does), scored with
//! `draftdiff::eval`, and compared with the figures recorded in `baseline.json`.
//!
//! Run `cargo test --test align_corpus -- --nocapture` to see the table: each pair with its
//! split, kind and precision/recall/F1, then the means of the dev and test halves side by
//! side and the means on heavy and light pairs. The test fails when a pair falls below its
//! recorded figures (a ratchet: figures may only go up) or has none recorded. After an
//! improvement, record the new figures with
//! `DRAFTDIFF_RECORD_BASELINE=1 cargo test --test align_corpus` and commit `baseline.json`.

mod align_corpus_pairs;

use std::collections::BTreeMap;

use align_corpus_pairs::{Pair, corpus_dir, pairs};
use draftdiff::eval::{Gold, Score, score};
use draftdiff::{AlignOptions, ReadOptions, SegmentOptions, align, load};
use serde::{Deserialize, Serialize};

/// How far below its recorded figure a pair may fall: float noise only, so that any real
/// loss of a link fails (one link of the smallest pair moves a figure by more than 0.01).
const TOLERANCE: f64 = 1e-6;

/// Recorded figures of one pair.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct Figures {
    precision: f64,
    recall: f64,
    f1: f64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Baseline {
    about: String,
    pairs: BTreeMap<String, Figures>,
}

struct Scored {
    pair: Pair,
    units: (usize, usize),
    score: Score,
}

fn run(pair: Pair) -> Scored {
    let read = |path: &std::path::Path| {
        load(
            &path.to_string_lossy(),
            &ReadOptions::new(),
            &SegmentOptions::new(),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", pair.name))
    };
    let (old, new) = (read(&pair.old), read(&pair.new));
    let gold = Gold::from_json(&pair.gold_path.to_string_lossy(), &pair.gold_json)
        .unwrap_or_else(|e| panic!("{}: {e}", pair.name));
    let alignment = align(&old, &new, &AlignOptions::new());
    let score = score(&gold, &old, &new, &alignment);
    Scored {
        units: (old.units.len(), new.units.len()),
        pair,
        score,
    }
}

fn mean(scored: &[&Scored]) -> Option<Figures> {
    if scored.is_empty() {
        return None;
    }
    let n = scored.len() as f64;
    let sum = |f: fn(&Score) -> f64| scored.iter().map(|s| f(&s.score)).sum::<f64>() / n;
    Some(Figures {
        precision: sum(|s| s.precision),
        recall: sum(|s| s.recall),
        f1: sum(|s| s.f1),
    })
}

fn cell(figures: Option<Figures>, n: usize) -> String {
    match figures {
        Some(f) => format!(
            "P {:.3} R {:.3} F1 {:.3} ({n})",
            f.precision, f.recall, f.f1
        ),
        None => "(no pair)".to_string(),
    }
}

/// The table printed by the test: one line per pair, then the means.
fn table(scored: &[Scored]) -> String {
    let mut out = format!(
        "{:<34} {:<5} {:<13} {:<5} {:>9}  {:>6} {:>6} {:>6}\n",
        "pair", "split", "kind", "heavy", "units", "P", "R", "F1"
    );
    for s in scored {
        out += &format!(
            "{:<34} {:<5} {:<13} {:<5} {:>9}  {:>6.3} {:>6.3} {:>6.3}\n",
            s.pair.name,
            s.pair.meta.split,
            s.pair.meta.kind,
            if s.pair.meta.heavy { "yes" } else { "no" },
            format!("{}/{}", s.units.0, s.units.1),
            s.score.precision,
            s.score.recall,
            s.score.f1
        );
    }
    let of = |keep: &dyn Fn(&Scored) -> bool| -> Vec<&Scored> {
        scored.iter().filter(|s| keep(s)).collect()
    };
    let row = |name: &str, keep: &dyn Fn(&Scored) -> bool| -> String {
        let dev = of(&|s| s.pair.meta.split == "dev" && keep(s));
        let test = of(&|s| s.pair.meta.split == "test" && keep(s));
        format!(
            "{name:<8} dev: {:<34} test: {}\n",
            cell(mean(&dev), dev.len()),
            cell(mean(&test), test.len())
        )
    };
    out += "\nmeans\n";
    out += &row("all", &|_| true);
    out += &row("heavy", &|s| s.pair.meta.heavy);
    out += &row("light", &|s| !s.pair.meta.heavy);
    out
}

#[test]
fn corpus_pairs_stay_at_or_above_their_recorded_figures() {
    let scored: Vec<Scored> = pairs().into_iter().map(run).collect();
    assert!(!scored.is_empty(), "no pair in tests/corpus/align");
    println!("{}", table(&scored));

    let path = corpus_dir().join("baseline.json");
    if std::env::var_os("DRAFTDIFF_RECORD_BASELINE").is_some() {
        // The recorded history of the figures is kept: a new reason is added to it by hand.
        let about = std::fs::read_to_string(&path)
            .ok()
            .and_then(|json| serde_json::from_str::<Baseline>(&json).ok())
            .map(|old| old.about)
            .unwrap_or_else(|| {
                "Figures of the aligner on each pair with the library defaults, recorded by \
                 `DRAFTDIFF_RECORD_BASELINE=1 cargo test --test align_corpus`; the test fails \
                 when a pair falls below them."
                    .to_string()
            });
        let baseline = Baseline {
            about,
            pairs: scored
                .iter()
                .map(|s| {
                    let round = |x: f64| (x * 1e6).floor() / 1e6;
                    let figures = Figures {
                        precision: round(s.score.precision),
                        recall: round(s.score.recall),
                        f1: round(s.score.f1),
                    };
                    (s.pair.name.clone(), figures)
                })
                .collect(),
        };
        let json = serde_json::to_string_pretty(&baseline).expect("baseline serialises");
        std::fs::write(&path, json + "\n").expect("baseline.json is writable");
        eprintln!("recorded {}", path.display());
    }

    let json = std::fs::read_to_string(&path).expect("tests/corpus/align/baseline.json");
    let baseline: Baseline = serde_json::from_str(&json).expect("baseline.json parses");
    let mut problems = Vec::new();
    for s in &scored {
        let Some(want) = baseline.pairs.get(&s.pair.name) else {
            problems.push(format!(
                "{}: no figures recorded in baseline.json (record them with \
                 DRAFTDIFF_RECORD_BASELINE=1)",
                s.pair.name
            ));
            continue;
        };
        for (name, got, want) in [
            ("precision", s.score.precision, want.precision),
            ("recall", s.score.recall, want.recall),
            ("F1", s.score.f1, want.f1),
        ] {
            if got < want - TOLERANCE {
                problems.push(format!(
                    "{}: {name} {got:.6} fell below the recorded {want:.6}",
                    s.pair.name
                ));
            }
        }
    }
    for name in baseline.pairs.keys() {
        if !scored.iter().any(|s| &s.pair.name == name) {
            problems.push(format!(
                "{name}: recorded in baseline.json but no such pair"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
