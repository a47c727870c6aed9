//! Lineage on the Darwin chain: chapter 1 of *On the Origin of Species* in six editions
//! (1859–1872), against the gold lineage derived from the CollateX grouping
//! (`tests/fixtures/darwin/`, see its README).
//!
//! Prints precision and recall of every consecutive step and of 1859 → 1872 through the
//! lineage; checks that the first paragraph of 1859 is traced to the right paragraph of 1872
//! and that blame names, for each paragraph of 1872, the edition in which it first appeared.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use draftdiff::diff::DiffOptions;
use draftdiff::eval::{chain_gold, resolve_key, score};
use draftdiff::lineage::{Lineage, LineageOptions, Node, TraceEnd, blame, trace};
use draftdiff::model::{Alignment, Change, Evidence, Link, LinkShape};
use draftdiff::{ReadOptions, SegmentOptions};

const EDITIONS: [&str; 6] = ["1859", "1860", "1861", "1866", "1869", "1872"];

fn dir() -> String {
    format!("{}/tests/fixtures/darwin", env!("CARGO_MANIFEST_DIR"))
}

fn gold_text() -> String {
    std::fs::read_to_string(format!("{}/gold.json", dir())).expect("darwin gold.json")
}

fn lineage() -> &'static Lineage {
    static LINEAGE: OnceLock<Lineage> = OnceLock::new();
    LINEAGE.get_or_init(|| {
        let docs = EDITIONS
            .iter()
            .map(|e| {
                draftdiff::load(
                    &format!("{}/{e}.txt", dir()),
                    &ReadOptions::new(),
                    &SegmentOptions::new(),
                )
                .expect("darwin edition")
            })
            .collect();
        Lineage::build(docs, &LineageOptions::new())
    })
}

fn edition(name: &str) -> usize {
    EDITIONS
        .iter()
        .position(|e| *e == name)
        .unwrap_or_else(|| panic!("unknown edition {name}"))
}

/// The gold groups: per group, edition name → key.
fn groups() -> Vec<BTreeMap<String, String>> {
    let json: serde_json::Value = serde_json::from_str(&gold_text()).expect("gold json");
    serde_json::from_value(json["groups"].clone()).expect("gold groups")
}

#[test]
fn every_step_and_1859_to_1872_reach_097_precision_and_recall() {
    let lineage = lineage();
    let docs = lineage.versions();
    let pairs = chain_gold("darwin/gold.json", &gold_text()).expect("gold pairs");
    assert_eq!(pairs.len(), 6);
    let mut failures = Vec::new();
    for (name, gold) in &pairs {
        let (old, new) = name.split_once("->").expect("pair name OLD->NEW");
        let (old, new) = (edition(old), edition(new));
        let alignment = if new == old + 1 {
            lineage.steps()[old].alignment.clone()
        } else {
            lineage.span(old, new)
        };
        let s = score(gold, &docs[old], &docs[new], &alignment);
        println!("{name}: {s}");
        if s.precision < 0.97 || s.recall < 0.97 {
            failures.push(name.clone());
        }
    }
    let direct = draftdiff::align(&docs[0], &docs[5], &draftdiff::AlignOptions::new());
    let s = score(&pairs["1859->1872"], &docs[0], &docs[5], &direct);
    println!("1859->1872 aligned directly (for comparison): {s}");
    assert!(failures.is_empty(), "below 0.97: {failures:?}");
}

#[test]
fn the_first_paragraph_of_1859_ends_in_the_right_paragraph_of_1872() {
    let lineage = lineage();
    let docs = lineage.versions();
    let group = groups()
        .into_iter()
        .find(|g| g.get("1859").map(String::as_str) == Some("L1"))
        .expect("a group holding 1859 L1");
    let want = resolve_key(&docs[5], &group["1872"]).expect("gold key names a 1872 unit");
    let first = Node::new(0, 0);
    let t = trace(lineage, first, &DiffOptions::new());
    for step in &t.steps {
        println!(
            "{} -> {}: {} links, dropped {:?}",
            EDITIONS[step.old],
            EDITIONS[step.new],
            step.links.len(),
            step.dropped
        );
    }
    assert_eq!(
        t.end,
        TraceEnd::Reached(vec![want]),
        "trace: {:?}",
        t.members
    );
    assert!(t.members.iter().all(|m| !m.is_empty()), "{:?}", t.members);
}

#[test]
fn blame_of_1872_names_the_edition_each_paragraph_first_appeared_in() {
    let lineage = lineage();
    let docs = lineage.versions();
    let b = blame(lineage, &DiffOptions::new());
    assert_eq!(b.units.len(), docs[5].units.len());
    let mut right = 0;
    let mut wrong = Vec::new();
    let groups = groups();
    for group in &groups {
        let Some(key) = group.get("1872") else {
            continue;
        };
        let unit = resolve_key(&docs[5], key).expect("gold key names a 1872 unit");
        let want = EDITIONS
            .iter()
            .position(|e| group.contains_key(*e))
            .expect("group names an edition");
        let got = b.units[unit].origin;
        if got == want {
            right += 1;
        } else {
            wrong.push(format!(
                "{key}: got {} want {}",
                EDITIONS[got], EDITIONS[want]
            ));
        }
    }
    let total = right + wrong.len();
    println!(
        "blame origins right: {right}/{total} ({:.3}); wrong: {wrong:?}",
        right as f64 / total as f64
    );
    // Word attribution is internally consistent whatever the aligner found.
    for (bu, unit) in b.units.iter().zip(&docs[5].units) {
        assert_eq!(bu.words(), unit.text.split_whitespace().count());
        assert!(bu.origin <= bu.last_changed);
        let first_word_version = bu.words_by_version.iter().position(|&n| n > 0);
        assert!(first_word_version.is_none_or(|v| v >= bu.origin));
    }
    assert!(wrong.is_empty(), "{wrong:?}");
}

/// The lineage logic alone, whatever the aligner: built from the gold's own consecutive links,
/// the lineage must give back the gold's 1859 → 1872 pairs, trace and blame origins.
#[test]
fn a_lineage_built_from_the_gold_steps_gives_back_the_gold() {
    let docs = lineage().versions().to_vec();
    let pairs = chain_gold("darwin/gold.json", &gold_text()).expect("gold pairs");
    let alignments: Vec<Alignment> = (0..5)
        .map(|k| {
            let gold = &pairs[&format!("{}->{}", EDITIONS[k], EDITIONS[k + 1])];
            let links = gold
                .sure
                .iter()
                .map(|(o, n)| Link {
                    old: vec![resolve_key(&docs[k], o).expect("old key")],
                    new: vec![resolve_key(&docs[k + 1], n).expect("new key")],
                    score: 1.0,
                    shape: LinkShape::OneToOne,
                    change: Change::Edited,
                    moved: false,
                    evidence: Evidence::default(),
                })
                .collect();
            Alignment {
                links,
                added: vec![],
                removed: vec![],
            }
        })
        .collect();
    let gold_lineage = Lineage::from_alignments(
        docs.clone(),
        alignments,
        &LineageOptions::new().revive(false),
    );
    let s = score(
        &pairs["1859->1872"],
        &docs[0],
        &docs[5],
        &gold_lineage.span(0, 5),
    );
    assert_eq!((s.precision, s.recall), (1.0, 1.0), "{s}");
    let t = trace(&gold_lineage, Node::new(0, 0), &DiffOptions::new());
    assert_eq!(t.end, TraceEnd::Reached(vec![0]));
    assert_eq!(t.steps.len(), 5);
    let b = blame(&gold_lineage, &DiffOptions::new());
    for group in groups() {
        let unit = resolve_key(&docs[5], &group["1872"]).expect("1872 key");
        let want = EDITIONS.iter().position(|e| group.contains_key(*e));
        assert_eq!(Some(b.units[unit].origin), want, "{group:?}");
    }
}
