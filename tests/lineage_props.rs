//! Invariants of the lineage on random chains of versions: no panic; word attribution covers
//! every word exactly once; origins and last changes are ordered; a trace ends in descendants
//! of where it started; the span between two versions agrees with ancestry.

use draftdiff::diff::DiffOptions;
use draftdiff::lineage::{Lineage, LineageOptions, Node, TraceEnd, blame, trace};
use draftdiff::segment::{SegmentOptions, segment};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "alpha",
    "beta",
    "gamma",
    "delta",
    "budget",
    "scope",
    "review",
    "the",
    "of",
    "shall",
    "committee",
    "report",
    "annual",
    "members",
];

/// A version: 0–6 paragraphs of 3–14 words drawn from a small vocabulary, so paragraphs
/// resemble one another and the aligner has real choices to make.
fn version() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(WORDS), 3..14),
        0..6,
    )
    .prop_map(|paras| {
        paras
            .iter()
            .map(|p| format!("{}.", p.join(" ")))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn lineage_invariants_hold(texts in prop::collection::vec(version(), 1..5)) {
        let docs: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| segment(&format!("v{i}"), t, &SegmentOptions::new()))
            .collect();
        let lineage = Lineage::build(docs, &LineageOptions::new());
        let n = lineage.versions().len();
        let last = &lineage.versions()[n - 1];

        let b = blame(&lineage, &DiffOptions::new());
        prop_assert_eq!(b.units.len(), last.units.len());
        for (bu, unit) in b.units.iter().zip(&last.units) {
            prop_assert_eq!(bu.words(), unit.text.split_whitespace().count());
            prop_assert!(bu.origin <= bu.last_changed && bu.last_changed < n);
            let ancestors = lineage.ancestors(bu.node);
            let oldest = ancestors.iter().map(|a| a.version).min().unwrap_or(n - 1);
            prop_assert_eq!(bu.origin, oldest.min(n - 1));
            if let Some(v) = bu.words_by_version.iter().position(|&w| w > 0) {
                prop_assert!(v >= bu.origin);
            }
        }

        for u in 0..lineage.versions()[0].units.len() {
            let start = Node::new(0, u);
            let t = trace(&lineage, start, &DiffOptions::new());
            let descendants = lineage.descendants(start);
            match &t.end {
                TraceEnd::Reached(units) => {
                    for &e in units {
                        prop_assert!(n == 1 || descendants.contains(&Node::new(n - 1, e)));
                    }
                }
                TraceEnd::Dropped { last_seen, version } => {
                    prop_assert!(*last_seen < *version && *version < n);
                    prop_assert!(descendants.iter().all(|d| d.version <= *last_seen));
                }
            }
        }

        if n > 1 {
            let span = lineage.span(0, n - 1);
            for link in &span.links {
                for &o in &link.old {
                    for &e in &link.new {
                        prop_assert!(lineage.descendants(Node::new(0, o)).contains(&Node::new(n - 1, e)));
                    }
                }
            }
        }
    }
}
