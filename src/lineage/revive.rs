//! Revivals: a unit dropped in one version and restored in a later, non-consecutive one.
//!
//! Consecutive alignments cannot see that the paragraph added in version 4 is the one cut in
//! version 2. So, for each version `k`, the units with no parent (orphans) are aligned against
//! the "graveyard": every unit of versions `0..k-1` that has no descendant yet. Only orphans
//! and dropped units take part, so this costs one small alignment per version.

use std::collections::BTreeMap;

use crate::align::{AlignOptions, align};
use crate::model::{Alignment, Change, Document, Unit};

use super::chain::{Lineage, Node, Step};

/// The least link score for a revival: the aligner's bar for a light edit, twice its bar for
/// a link. A restored paragraph is usually restored nearly as it was; the units are compared
/// out of their documents, so the position evidence means nothing; and a false revival
/// invents history the user never asked about. Links the aligner calls rewritten are refused
/// whatever their score.
pub const REVIVAL_MIN_SCORE: f64 = 0.6;

/// Adds to `lineage` one revival step per (old version, new version) pair with restored units.
pub(super) fn revive(lineage: &mut Lineage, options: &AlignOptions) {
    let n = lineage.versions().len();
    for k in 2..n {
        let orphans: Vec<Node> = (0..lineage.versions()[k].units.len())
            .map(|u| Node::new(k, u))
            .filter(|&node| lineage.parent_edges(node).is_empty())
            .collect();
        if orphans.is_empty() {
            continue;
        }
        let graves: Vec<Node> = (0..k - 1)
            .flat_map(|j| (0..lineage.versions()[j].units.len()).map(move |u| Node::new(j, u)))
            .filter(|&node| lineage.child_edges(node).is_empty())
            .collect();
        if graves.is_empty() {
            continue;
        }
        let old = sub_document("earlier versions", lineage, &graves);
        let new = sub_document(&lineage.versions()[k].path, lineage, &orphans);
        let alignment = align(&old, &new, options);
        let mut by_version: BTreeMap<usize, Alignment> = BTreeMap::new();
        for mut link in alignment.links {
            if link.score < REVIVAL_MIN_SCORE || link.change == Change::Rewritten {
                continue;
            }
            let Some(first) = link.old.first().and_then(|&o| graves.get(o)) else {
                continue;
            };
            let j = first.version;
            let same_version = link
                .old
                .iter()
                .all(|&o| graves.get(o).is_some_and(|g| g.version == j));
            if !same_version || link.new.iter().any(|&u| u >= orphans.len()) {
                continue;
            }
            for o in &mut link.old {
                *o = graves[*o].unit;
            }
            for u in &mut link.new {
                *u = orphans[*u].unit;
            }
            link.moved = false;
            by_version.entry(j).or_default().links.push(link);
        }
        for (j, alignment) in by_version {
            lineage.push_step(Step {
                old: j,
                new: k,
                alignment,
            });
        }
    }
}

/// A document made of some units of the lineage, renumbered from 0 so that it can be aligned.
fn sub_document(path: &str, lineage: &Lineage, nodes: &[Node]) -> Document {
    let units = nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let unit = &lineage.versions()[node.version].units[node.unit];
            Unit {
                id: i,
                section: None,
                parent: None,
                ..unit.clone()
            }
        })
        .collect();
    Document {
        path: path.to_string(),
        units,
        artifacts: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::LineageOptions;
    use super::*;
    use crate::segment::{SegmentOptions, segment};

    #[test]
    fn a_paragraph_dropped_and_restored_is_recognised() {
        let texts = [
            "Alpha stays here.\n\nBeta is cut in the second version.\n",
            "Alpha stays here.\n",
            "Alpha stays here.\n\nGamma is new.\n",
            "Alpha stays here.\n\nGamma is new.\n\nBeta is cut in the second version.\n",
        ];
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| segment(&format!("v{i}"), t, &SegmentOptions::new()))
            .collect();
        let lineage = Lineage::build(docs, &LineageOptions::new());
        let beta = Node::new(3, 2);
        assert_eq!(lineage.parents(beta), vec![Node::new(0, 1)]);
        assert_eq!(lineage.revival_steps().len(), 1);
        assert!(lineage.parents(Node::new(2, 1)).is_empty());
    }

    #[test]
    fn revivals_can_be_turned_off() {
        let texts = ["a\n\nb\n", "a\n", "a\n", "a\n\nb\n"];
        let docs = texts
            .iter()
            .map(|t| segment("v", t, &SegmentOptions::new()))
            .collect();
        let lineage = Lineage::build(docs, &LineageOptions::new().revive(false));
        assert!(lineage.parents(Node::new(3, 1)).is_empty());
        assert!(lineage.revival_steps().is_empty());
    }
}
