//! A report: everything the renderers need about one old → new comparison.

use super::{Alignment, Change, Document, Link, LinkShape, UnitId, WordDiff};

/// An old and a new document, their alignment, the word diff of every link and a summary.
///
/// Built by [`crate::diff::report`]; rendered by [`crate::render`].
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The old version.
    pub old: Document,
    /// The new version.
    pub new: Document,
    /// How the units of the two versions are linked.
    pub alignment: Alignment,
    /// The word diff of each link, in the order of [`Alignment::links`].
    pub diffs: Vec<WordDiff>,
    /// Counts over the whole comparison.
    pub summary: Summary,
}

/// Counts over a comparison: units, links by kind, and how much old text was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Units in the old version.
    pub old_units: usize,
    /// Units in the new version.
    pub new_units: usize,
    /// Links whose text and number are the same.
    pub unchanged: usize,
    /// Links whose text is the same but whose number changed.
    pub renumbered: usize,
    /// Links lightly edited.
    pub edited: usize,
    /// Links heavily rewritten.
    pub rewritten: usize,
    /// Links that break document order.
    pub moved: usize,
    /// Links joining several old units into one new unit.
    pub merged: usize,
    /// Links cutting one old unit into several new units.
    pub split: usize,
    /// New units with no origin.
    pub added: usize,
    /// Old units with no descendant.
    pub removed: usize,
    /// Words in the whole old version.
    pub old_words: usize,
    /// Old words that reappear unchanged in the new version (equal runs of the word diffs).
    pub kept_words: usize,
    /// Word diffs that exceeded their work budget and are coarser than they could be.
    pub timed_out: usize,
}

impl Summary {
    /// Share of the old words carried over into the new version, `0..=1` (1 when the old
    /// version has no words).
    pub fn carried_over(&self) -> f64 {
        if self.old_words == 0 {
            1.0
        } else {
            (self.kept_words as f64 / self.old_words as f64).min(1.0)
        }
    }
}

impl Report {
    /// True when the two versions differ in any way a reader would see: a unit added,
    /// removed, moved, merged, split, renumbered or reworded.
    pub fn has_differences(&self) -> bool {
        !self.alignment.added.is_empty()
            || !self.alignment.removed.is_empty()
            || self
                .alignment
                .links
                .iter()
                .any(|l| l.moved || l.shape != LinkShape::OneToOne || l.change != Change::Unchanged)
    }

    /// For each new unit, the index of the link it belongs to, if any.
    pub fn link_of_new(&self) -> Vec<Option<usize>> {
        owners(self.new.units.len(), &self.alignment.links, |l| &l.new)
    }

    /// For each old unit, the index of the link it belongs to, if any.
    pub fn link_of_old(&self) -> Vec<Option<usize>> {
        owners(self.old.units.len(), &self.alignment.links, |l| &l.old)
    }
}

fn owners(len: usize, links: &[Link], side: impl Fn(&Link) -> &Vec<UnitId>) -> Vec<Option<usize>> {
    let mut out = vec![None; len];
    for (i, link) in links.iter().enumerate() {
        for &id in side(link) {
            if let Some(slot) = out.get_mut(id) {
                slot.get_or_insert(i);
            }
        }
    }
    out
}
