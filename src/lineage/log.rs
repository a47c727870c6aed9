//! Log: per step between consecutive versions, how many units were kept, edited, merged,
//! split, moved, added, dropped and restored.

use super::chain::{Lineage, Node};
use crate::diff::{DiffOptions, same_text};

/// The summary counts of one step between consecutive versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StepSummary {
    /// The old version, 0-based.
    pub old: usize,
    /// The new version, 0-based (`old + 1`).
    pub new: usize,
    /// Links of the step.
    pub links: usize,
    /// One-to-one links whose text is the same (as the word diff compares it:
    /// [`same_text`]) and whose printed number is the same.
    pub unchanged: usize,
    /// One-to-one links whose text is the same but whose printed number changed.
    pub renumbered: usize,
    /// One-to-one links whose text changed.
    pub edited: usize,
    /// Links merging several old units into one new unit.
    pub merged: usize,
    /// Links splitting one old unit into several new units.
    pub split: usize,
    /// Links that break document order.
    pub moved: usize,
    /// New units with no ancestor at all.
    pub added: usize,
    /// New units with no parent in the old version but restored from an earlier one.
    pub restored: usize,
    /// Old units with no child in the new version.
    pub dropped: usize,
}

impl StepSummary {
    /// True when the step changed nothing.
    pub fn is_unchanged(&self) -> bool {
        self.links == self.unchanged
            && self.renumbered == 0
            && self.added == 0
            && self.restored == 0
            && self.dropped == 0
            && self.moved == 0
    }
}

/// The summary of each consecutive step of `lineage`, in order.
pub fn summarize(lineage: &Lineage) -> Vec<StepSummary> {
    let versions = lineage.versions();
    lineage
        .consecutive_steps()
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let (old, new) = (&versions[step.old], &versions[step.new]);
            let mut s = StepSummary {
                old: step.old,
                new: step.new,
                links: step.alignment.links.len(),
                ..StepSummary::default()
            };
            for link in &step.alignment.links {
                match (link.old.len(), link.new.len()) {
                    (1, 1)
                        if same_text(
                            &old.units[link.old[0]].text,
                            &new.units[link.new[0]].text,
                            &DiffOptions::new(),
                        ) =>
                    {
                        if old.units[link.old[0]].number == new.units[link.new[0]].number {
                            s.unchanged += 1
                        } else {
                            s.renumbered += 1
                        }
                    }
                    (1, 1) => s.edited += 1,
                    (_, 1) => s.merged += 1,
                    _ => s.split += 1,
                }
                s.moved += usize::from(link.moved);
            }
            for u in 0..new.units.len() {
                let parents = lineage.parent_edges(Node::new(step.new, u));
                if !parents.iter().any(|e| e.step == index) {
                    if parents.is_empty() {
                        s.added += 1;
                    } else {
                        s.restored += 1;
                    }
                }
            }
            s.dropped = (0..old.units.len())
                .filter(|&u| {
                    !lineage
                        .child_edges(Node::new(step.old, u))
                        .iter()
                        .any(|e| e.step == index)
                })
                .count();
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::chain::LineageOptions;
    use super::*;
    use crate::segment::{SegmentOptions, segment};

    #[test]
    fn counts_kept_added_and_dropped_units() {
        let docs = ["A.\n\nB.\n", "A.\n\nC.\n"]
            .iter()
            .map(|t| segment("v", t, &SegmentOptions::new()))
            .collect();
        let lineage = Lineage::build(docs, &LineageOptions::new());
        let s = summarize(&lineage);
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].unchanged, s[0].added, s[0].dropped), (1, 1, 1));
        assert!(!s[0].is_unchanged());
    }

    #[test]
    fn renumbered_units_are_not_counted_unchanged() {
        // Issue 13: a unit whose number alone changed is renumbered, not unchanged.
        let docs = [
            "1. Alpha beta gamma.\n\n2. Delta epsilon.\n",
            "1. Zeta.\n\n2. Alpha beta gamma.\n\n3. Delta epsilon.\n",
        ]
        .iter()
        .map(|t| segment("v", t, &SegmentOptions::new()))
        .collect();
        let lineage = Lineage::build(docs, &LineageOptions::new());
        let s = summarize(&lineage);
        assert_eq!((s[0].unchanged, s[0].renumbered, s[0].added), (0, 2, 1));
        assert!(!s[0].is_unchanged());
    }
}
