//! The segmentation corpus (`tests/corpus/segment/`, issue 9): real documents nobody on
//! the team wrote, each segmented exactly as `draftdiff segment FILE` does and scored
//! against its hand-checked segmentation. Prints a table per document and totals per split
//! and per kind of source, and fails when a document falls below the figures recorded in
//! `baseline.json` (a ratchet: figures may only go up).
//!
//! `cargo test --test segment_corpus -- --nocapture` shows the table and the JSON to
//! record in `baseline.json` after an improvement.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use draftdiff::eval::segment::{ExpectedSegmentation, SegScore, score_segmentation};
use draftdiff::read::{self, ReadOptions};
use draftdiff::segment::SegmentOptions;
use serde_json::{Value, json};

const CORPUS: &str = "tests/corpus/segment";
const BASELINE: &str = "tests/corpus/segment/baseline.json";

/// Fewest documents and kinds of source the corpus promises (issue 9).
const MIN_DOCUMENTS: usize = 24;
const MIN_KINDS: usize = 8;

/// The splits, in report order.
const SPLITS: [&str; 2] = ["dev", "test"];

/// One document of the corpus, measured.
struct Measured {
    name: String,
    split: String,
    kind: String,
    score: SegScore,
}

/// The document file of a corpus folder: `doc.txt` or `doc.md`.
fn doc_file(dir: &Path) -> PathBuf {
    ["doc.txt", "doc.md"]
        .iter()
        .map(|f| dir.join(f))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("{}: no doc.txt or doc.md", dir.display()))
}

/// The corpus folders (those with an `expected.json`), sorted by name.
fn folders() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .expect("the corpus folder exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn name_of(dir: &Path) -> String {
    dir.file_name()
        .and_then(|n| n.to_str())
        .expect("UTF-8 folder name")
        .to_string()
}

/// Reads a document's expected segmentation (checked against its text).
fn expected(dir: &Path) -> ExpectedSegmentation {
    let doc = doc_file(dir);
    let path = doc.to_str().expect("UTF-8 path");
    let text = read::read_path(path, &ReadOptions::new()).expect("the document reads");
    let json_path = dir.join("expected.json");
    let json = std::fs::read_to_string(&json_path).expect("expected.json reads");
    ExpectedSegmentation::from_json(json_path.to_str().expect("UTF-8 path"), &json, &text)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Segments and scores every document, the way the CLI reads and segments a file
/// (`Ctx::load`: `read::read_path` with default options, then `segment` with default options).
fn measure() -> Vec<Measured> {
    folders()
        .iter()
        .map(|dir| {
            let expected = expected(dir);
            let doc = doc_file(dir);
            let doc = draftdiff::load(
                doc.to_str().expect("UTF-8 path"),
                &ReadOptions::new(),
                &SegmentOptions::new(),
            )
            .expect("the document reads");
            Measured {
                name: name_of(dir),
                split: expected.split.clone().expect("every document has a split"),
                kind: expected
                    .source_kind
                    .clone()
                    .expect("every document has a source_kind"),
                score: score_segmentation(&doc, &expected),
            }
        })
        .collect()
}

/// Figures rounded as recorded in the baseline (4 decimals).
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The figures the ratchet holds for a score.
fn figures(s: &SegScore) -> Value {
    json!({
        "precision": round(s.precision()),
        "recall": round(s.recall()),
        "f1": round(s.f1()),
        "kind_accuracy": round(s.kind_accuracy()),
        "furniture_recall": round(s.furniture_recall()),
        "furniture_precision": round(s.furniture_precision()),
        "text_lines_dropped": s.text_lines_dropped,
    })
}

const HEADER: &str = "document                          split  P      R      F1     kind   furn found/exp (removed)  dropped/text";

fn row(label: &str, split: &str, s: &SegScore) -> String {
    format!(
        "{label:<33} {split:<5}  {:.3}  {:.3}  {:.3}  {:.3}  {:>4}/{:<4} ({:>4})            {:>4}/{}",
        s.precision(),
        s.recall(),
        s.f1(),
        s.kind_accuracy(),
        s.furniture_found,
        s.expected_furniture,
        s.predicted_furniture,
        s.text_lines_dropped,
        s.text_lines,
    )
}

/// The report: a row per document, totals per split and per kind, the misses of dev documents.
fn report(measured: &[Measured]) -> String {
    let mut out = String::new();
    writeln!(out, "{HEADER}").unwrap();
    for m in measured {
        writeln!(out, "{}", row(&m.name, &m.split, &m.score)).unwrap();
    }
    writeln!(out, "\ntotals per split").unwrap();
    for split in SPLITS {
        let total = total_of(measured.iter().filter(|m| m.split == split));
        writeln!(
            out,
            "{}",
            row(&format!("{} documents", total.documents), split, &total)
        )
        .unwrap();
    }
    writeln!(out, "\ntotals per kind of source").unwrap();
    let kinds: BTreeSet<&str> = measured.iter().map(|m| m.kind.as_str()).collect();
    for kind in kinds {
        for split in SPLITS.iter().map(|s| Some(*s)).chain([None]) {
            let total = total_of(
                measured
                    .iter()
                    .filter(|m| m.kind == kind && split.is_none_or(|s| m.split == s)),
            );
            writeln!(out, "{}", row(kind, split.unwrap_or("all"), &total)).unwrap();
        }
    }
    // The details that guide a rewrite are shown for the dev half only: nobody tunes on test.
    writeln!(
        out,
        "\ndev documents: missed / spurious boundaries, wrong kinds, dropped lines"
    )
    .unwrap();
    for m in measured.iter().filter(|m| m.split == "dev") {
        let s = &m.score;
        let kinds: Vec<String> = s
            .wrong_kind
            .iter()
            .map(|(l, want, got)| format!("{l}:{want}→{got}"))
            .collect();
        writeln!(
            out,
            "{}: missed {:?}; spurious {:?}; kinds {:?}; dropped {:?}",
            m.name, s.missed, s.spurious, kinds, s.dropped
        )
        .unwrap();
    }
    out
}

fn total_of<'a>(measured: impl Iterator<Item = &'a Measured>) -> SegScore {
    let mut total = SegScore::default();
    for m in measured {
        total += &m.score;
    }
    total
}

/// The baseline JSON these measurements would record.
fn baseline_of(measured: &[Measured]) -> Value {
    let documents: serde_json::Map<String, Value> = measured
        .iter()
        .map(|m| (m.name.clone(), figures(&m.score)))
        .collect();
    let totals: serde_json::Map<String, Value> = SPLITS
        .iter()
        .map(|split| {
            let total = total_of(measured.iter().filter(|m| m.split == *split));
            let mut f = figures(&total);
            f["documents"] = json!(total.documents);
            (split.to_string(), f)
        })
        .collect();
    json!({
        "tolerance": 0.001,
        "documents": documents,
        "totals": totals,
    })
}

/// The ratio figures the ratchet holds (higher is better). Boundary precision and recall are
/// recorded for reading but not held one by one: a rewrite may trade one for the other as
/// long as F1 does not fall.
const RATIOS: [&str; 4] = [
    "f1",
    "kind_accuracy",
    "furniture_recall",
    "furniture_precision",
];

/// Every way `now` falls below `recorded` (by more than `tolerance`), as messages.
fn regressions(label: &str, recorded: &Value, now: &Value, tolerance: f64) -> Vec<String> {
    let mut out = Vec::new();
    for key in RATIOS {
        let was = recorded[key]
            .as_f64()
            .unwrap_or_else(|| panic!("baseline {label} has no {key}"));
        let is = now[key].as_f64().expect("measured");
        if is < was - tolerance {
            out.push(format!("{label}: {key} fell from {was:.4} to {is:.4}"));
        }
    }
    let was = recorded["text_lines_dropped"]
        .as_u64()
        .unwrap_or_else(|| panic!("baseline {label} has no text_lines_dropped"));
    let is = now["text_lines_dropped"].as_u64().expect("measured");
    if is > was {
        out.push(format!(
            "{label}: text lines dropped rose from {was} to {is}"
        ));
    }
    out
}

#[test]
fn corpus_is_complete_balanced_and_sourced() {
    let dirs = folders();
    assert!(dirs.len() >= MIN_DOCUMENTS, "{} documents", dirs.len());
    let mut kinds_per_split: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for dir in &dirs {
        let e = expected(dir);
        let split = e.split.clone().expect("split");
        let kind = e.source_kind.clone().expect("source_kind");
        assert!(
            SPLITS.contains(&split.as_str()),
            "{}: split {split}",
            dir.display()
        );
        assert!(!e.units.is_empty(), "{}: no units", dir.display());
        let source = std::fs::read_to_string(dir.join("SOURCE.md")).expect("SOURCE.md");
        assert!(
            source.contains(&format!("split: {split}")),
            "{}: SOURCE.md does not record split {split}",
            dir.display()
        );
        assert!(
            source.contains(&format!("`{kind}`")),
            "{}: SOURCE.md does not name kind {kind}",
            dir.display()
        );
        for field in [
            "## Licence",
            "- repository:",
            "- commit:",
            "- path:",
            "- language:",
        ] {
            assert!(
                source.contains(field),
                "{}: SOURCE.md lacks {field}",
                dir.display()
            );
        }
        kinds_per_split.entry(split).or_default().insert(kind);
    }
    let all: BTreeSet<&String> = kinds_per_split.values().flatten().collect();
    assert!(all.len() >= MIN_KINDS, "{} kinds of source", all.len());
    // Balanced by kind: every kind of source is in both halves.
    for split in SPLITS {
        assert_eq!(
            kinds_per_split.get(split).map(|k| k.len()),
            Some(all.len()),
            "split {split} lacks a kind of source: {kinds_per_split:?}"
        );
    }
}

#[test]
fn segmentation_does_not_fall_below_the_recorded_figures() {
    let measured = measure();
    println!("{}", report(&measured));
    let now = baseline_of(&measured);
    println!(
        "baseline.json for these figures:\n{}",
        serde_json::to_string_pretty(&now).expect("serialises")
    );

    let recorded: Value = serde_json::from_str(
        &std::fs::read_to_string(BASELINE).expect("baseline.json is recorded"),
    )
    .expect("baseline.json parses");
    let tolerance = recorded["tolerance"].as_f64().expect("a tolerance");
    assert!(tolerance <= 0.01, "the tolerance is tiny, not {tolerance}");

    let mut failures = Vec::new();
    let names: BTreeSet<&str> = measured.iter().map(|m| m.name.as_str()).collect();
    for m in &measured {
        match recorded["documents"].get(&m.name) {
            Some(was) => failures.extend(regressions(
                &m.name,
                was,
                &now["documents"][&m.name],
                tolerance,
            )),
            None => failures.push(format!("{}: not recorded in baseline.json", m.name)),
        }
    }
    let recorded_names: BTreeSet<&str> = recorded["documents"]
        .as_object()
        .expect("documents")
        .keys()
        .map(String::as_str)
        .collect();
    for gone in recorded_names.difference(&names) {
        failures.push(format!("{gone}: in baseline.json but not in the corpus"));
    }
    // The totals per split are recorded, count every document, and hold too.
    for split in SPLITS {
        let was = &recorded["totals"][split];
        assert!(
            was.is_object(),
            "baseline.json records no totals for {split}"
        );
        assert_eq!(
            was["documents"], now["totals"][split]["documents"],
            "the {split} totals were recorded over another set of documents"
        );
        failures.extend(regressions(
            &format!("{split} totals"),
            was,
            &now["totals"][split],
            tolerance,
        ));
    }
    assert!(
        failures.is_empty(),
        "segmentation fell below baseline.json:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_ratchet_catches_a_fall_and_allows_a_rise() {
    let was = json!({"precision": 0.5, "recall": 0.5, "f1": 0.5, "kind_accuracy": 0.9,
                     "furniture_recall": 0.0, "furniture_precision": 1.0, "text_lines_dropped": 2});
    let better = json!({"precision": 0.6, "recall": 0.5, "f1": 0.55, "kind_accuracy": 0.9,
                        "furniture_recall": 0.5, "furniture_precision": 1.0, "text_lines_dropped": 0});
    assert!(regressions("x", &was, &better, 0.001).is_empty());
    let within = json!({"precision": 0.4995, "recall": 0.5, "f1": 0.5, "kind_accuracy": 0.9,
                        "furniture_recall": 0.0, "furniture_precision": 1.0, "text_lines_dropped": 2});
    assert!(regressions("x", &was, &within, 0.001).is_empty());
    let worse = json!({"precision": 0.5, "recall": 0.4, "f1": 0.45, "kind_accuracy": 0.9,
                       "furniture_recall": 0.0, "furniture_precision": 0.5, "text_lines_dropped": 3});
    assert_eq!(
        regressions("x", &was, &worse, 0.001),
        [
            "x: f1 fell from 0.5000 to 0.4500",
            "x: furniture_precision fell from 1.0000 to 0.5000",
            "x: text lines dropped rose from 2 to 3",
        ]
    );
    // Precision traded for recall with F1 held is allowed.
    let traded = json!({"precision": 0.45, "recall": 0.56, "f1": 0.4995, "kind_accuracy": 0.9,
                        "furniture_recall": 0.0, "furniture_precision": 1.0, "text_lines_dropped": 2});
    assert!(regressions("x", &was, &traded, 0.001).is_empty());
}
