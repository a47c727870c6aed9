//! Carrying a gold lineage over to another rendering of the same two versions.
//!
//! The gold of a pair names units of its plain-text files. The same versions rendered to
//! Word, to PDF or to `pdftotext` text hold the same words in the same order, cut into
//! units that may differ (a PDF reader may join two paragraphs or split one at a page
//! break) and numbered by other lines. [`project_gold`] follows the words: it aligns the
//! word sequence of each plain document with that of its rendering (an LCS diff, as
//! `similar` computes it), gives each plain unit the rendered unit that holds most of its
//! words, and rewrites the gold's keys to name those units. What the rendering lost
//! cannot be found, so a link whose unit lost most of its words stays in the gold under a
//! key that names nothing, and counts as missed.

use std::collections::BTreeSet;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::{Gold, resolve_key, unit_key};
use crate::model::{Document, UnitId};

/// The key a projected link gets when its unit did not survive the rendering: it names no
/// unit, so [`super::score`] counts the link as missed.
pub const LOST: &str = "lost";

/// `gold`, keyed on `plain_old` → `plain_new`, rewritten to name the units of
/// `shown_old` → `shown_new`: the same versions read from another rendering. Links that
/// land on the same pair of units are kept once; a possible link that became sure is
/// dropped from the possible ones.
pub fn project_gold(
    gold: &Gold,
    plain_old: &Document,
    plain_new: &Document,
    shown_old: &Document,
    shown_new: &Document,
) -> Gold {
    let old = Projection::new(plain_old, shown_old);
    let new = Projection::new(plain_new, shown_new);
    let project = |links: &[(String, String)]| -> Vec<(String, String)> {
        let mut seen = BTreeSet::new();
        links
            .iter()
            .map(|(o, n)| (old.key(plain_old, o), new.key(plain_new, n)))
            .filter(|link| seen.insert(link.clone()))
            .collect()
    };
    let sure = project(&gold.sure);
    let possible = project(&gold.possible)
        .into_iter()
        .filter(|link| !sure.contains(link))
        .collect();
    Gold { sure, possible }
}

/// Where each unit of one document went in another rendering of it.
struct Projection<'a> {
    shown: &'a Document,
    /// For each unit of the plain document, by id, the shown unit holding most of its
    /// words, if that is at least half of them.
    target: Vec<Option<UnitId>>,
}

impl<'a> Projection<'a> {
    fn new(plain: &Document, shown: &'a Document) -> Projection<'a> {
        let (plain_words, plain_owner) = words(plain);
        let (shown_words, shown_owner) = words(shown);
        // For each plain unit: (shown unit, words in common), in one sorted list.
        let mut shared: std::collections::BTreeMap<(UnitId, UnitId), usize> =
            std::collections::BTreeMap::new();
        for op in capture_diff_slices(Algorithm::Myers, &plain_words, &shown_words) {
            if let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            {
                for k in 0..len {
                    *shared
                        .entry((plain_owner[old_index + k], shown_owner[new_index + k]))
                        .or_default() += 1;
                }
            }
        }
        let mut size = vec![0usize; plain.units.len()];
        for &owner in &plain_owner {
            size[owner] += 1;
        }
        let mut best: Vec<Option<(usize, UnitId)>> = vec![None; plain.units.len()];
        for (&(p, s), &count) in &shared {
            let slot = &mut best[p];
            // Most words wins; the earlier shown unit on a tie (the map is in id order).
            if slot.is_none_or(|(c, _)| count > c) {
                *slot = Some((count, s));
            }
        }
        let target = best
            .iter()
            .zip(&size)
            .map(|(best, &size)| best.filter(|&(count, _)| 2 * count >= size).map(|b| b.1))
            .collect();
        Projection { shown, target }
    }

    /// The key, in the shown document, of the unit a plain-document key names.
    fn key(&self, plain: &Document, key: &str) -> String {
        let Some(target) = resolve_key(plain, key).and_then(|id| self.target[id]) else {
            return LOST.to_string();
        };
        let key = unit_key(self.shown, target);
        if resolve_key(self.shown, &key) == Some(target) {
            key
        } else {
            // A number used twice resolves to its first unit: name this one by its line.
            format!("L{}", self.shown.unit(target).line)
        }
    }
}

/// The words of a document, lower-cased and hashed, and the unit each belongs to.
fn words(doc: &Document) -> (Vec<u64>, Vec<UnitId>) {
    let mut hashes = Vec::new();
    let mut owners = Vec::new();
    for unit in &doc.units {
        for word in unit
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            hashes.push(hash(&word.to_lowercase()));
            owners.push(unit.id);
        }
    }
    (hashes, owners)
}

fn hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0).hash_one(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SegmentOptions;

    fn doc(name: &str, text: &str) -> Document {
        crate::segment::segment(name, text, &SegmentOptions::new())
    }

    #[test]
    fn links_follow_the_words_to_the_other_rendering() {
        let plain_old = doc(
            "old.txt",
            "1. Alpha beta gamma.\n\n2. Delta epsilon zeta.\n",
        );
        let plain_new = doc(
            "new.txt",
            "1. Delta epsilon zeta eta.\n\n2. Alpha beta gamma.\n",
        );
        // The rendering adds a page header and moves every unit down two lines.
        let shown_old = doc(
            "old.pdf.txt",
            "DRAFT\n\n1. Alpha beta gamma.\n\n2. Delta epsilon zeta.\n",
        );
        let shown_new = doc(
            "new.pdf.txt",
            "DRAFT\n\n1. Delta epsilon zeta eta.\n\n2. Alpha beta gamma.\n",
        );
        let gold = Gold {
            sure: vec![("p1".into(), "p2".into()), ("p2".into(), "p1".into())],
            possible: vec![],
        };
        let projected = project_gold(&gold, &plain_old, &plain_new, &shown_old, &shown_new);
        assert_eq!(projected.sure, gold.sure);
    }

    #[test]
    fn a_unit_the_rendering_lost_names_nothing_and_joined_units_give_one_link() {
        let plain_old = doc("old.txt", "Alpha beta gamma.\n\nDelta epsilon zeta.\n");
        let plain_new = doc("new.txt", "Alpha beta gamma.\n\nDelta epsilon zeta.\n");
        // Old: both paragraphs joined into one. New: the second paragraph lost.
        let shown_old = doc("old.pdf.txt", "Alpha beta gamma. Delta epsilon zeta.\n");
        let shown_new = doc("new.pdf.txt", "Alpha beta gamma.\n");
        let gold = Gold {
            sure: vec![("L1".into(), "L1".into()), ("L3".into(), "L3".into())],
            possible: vec![("L3".into(), "L1".into())],
        };
        let projected = project_gold(&gold, &plain_old, &plain_new, &shown_old, &shown_new);
        assert_eq!(
            projected.sure,
            [("L1".into(), "L1".into()), ("L1".into(), LOST.into())]
        );
        // (L3 → L1) became (L1 → L1), already sure.
        assert!(projected.possible.is_empty());
        assert_eq!(resolve_key(&shown_new, LOST), None);
    }
}
