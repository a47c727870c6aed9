//! Scoring an alignment against a hand-built gold lineage.
//!
//! The gold format names units by keys: `LN` the unit whose first line is line N of its
//! file, `pN` the paragraph numbered N, `hR` the heading numbered R. `sure` links must be
//! found, `possible` links are acceptable. As in word-alignment evaluation (Och & Ney),
//! precision is measured on sure ∪ possible and recall on sure.
//!
//! Links between paragraphs and headings count, and links between units the gold names;
//! any other list item counts as the paragraph that introduces its list (nothing when
//! none does), a footnote not at all. So the gold, not the segmenter's kinds, decides
//! what counts: a `1°` line the gold names counts as itself whether the segmenter reads
//! it as a paragraph or as an item of the list its paragraph introduces, while the items
//! of a list the gold linked as a whole (by its paragraph) still count as that paragraph.
//! Gold files therefore name units by `LN` (every file of `tests/corpus/align/` does): a
//! line does not change when a segmenter changes a unit's kind, where `pN` and `hR` name
//! a kind. A key whose line starts no unit (the segmenter joined it to the unit above)
//! names nothing, and its links count as missed: a segmentation error shows in the
//! figures rather than hiding.

mod explain;
mod project;
pub mod segment;

use std::collections::{BTreeSet, HashSet};

use serde::Deserialize;

pub use explain::{Explanation, LinkText, PREVIEW_CHARS, explain, preview};
pub use project::{LOST, project_gold};

use crate::model::{Alignment, Document, UnitId, UnitKind};

/// A gold file (a lineage, or an expected segmentation) that could not be read as one: the
/// evaluation's own error, kept out of the library's [`crate::Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GoldError {
    /// The file.
    pub path: String,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for GoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: bad gold file: {}", self.path, self.message)
    }
}

impl std::error::Error for GoldError {}

/// A bad gold file is bad input to whoever reads it: the same message as an input error.
impl From<GoldError> for crate::Error {
    fn from(e: GoldError) -> crate::Error {
        crate::Error::Input {
            path: e.path,
            message: format!("bad gold file: {}", e.message),
        }
    }
}

/// The result of reading a gold file.
type Result<T, E = GoldError> = std::result::Result<T, E>;

/// A gold lineage between two versions: pairs of unit keys `[old, new]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Gold {
    /// Links that must be found.
    pub sure: Vec<(String, String)>,
    /// Links that are acceptable but not required.
    #[serde(default)]
    pub possible: Vec<(String, String)>,
}

impl Gold {
    /// Parses a gold file's JSON; `path` names it in errors.
    pub fn from_json(path: &str, json: &str) -> Result<Gold> {
        serde_json::from_str(json).map_err(|e| GoldError {
            path: path.to_string(),
            message: e.to_string(),
        })
    }
}

/// Precision, recall and F1 of an alignment against a gold lineage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Score {
    /// Predicted links in sure ∪ possible / predicted links.
    pub precision: f64,
    /// Sure links predicted / sure links.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Predicted unit pairs that count (paragraphs and headings).
    pub predicted: usize,
    /// Sure links in the gold.
    pub sure: usize,
    /// Predicted pairs not in sure ∪ possible, as keys.
    pub wrong: Vec<(String, String)>,
    /// Sure pairs not predicted, as keys.
    pub missed: Vec<(String, String)>,
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "precision {:.3}, recall {:.3}, F1 {:.3} ({} predicted, {} sure; wrong {:?}; missed {:?})",
            self.precision,
            self.recall,
            self.f1,
            self.predicted,
            self.sure,
            self.wrong,
            self.missed
        )
    }
}

/// Finds the unit a gold key names, or `None`.
pub fn resolve_key(doc: &Document, key: &str) -> Option<UnitId> {
    let (kind, rest) = key.split_at(key.char_indices().nth(1).map_or(key.len(), |(i, _)| i));
    match kind {
        "p" => doc
            .units
            .iter()
            .find(|u| u.kind == UnitKind::Paragraph && u.number.as_deref() == Some(rest)),
        "h" => doc
            .units
            .iter()
            .find(|u| u.kind == UnitKind::Heading && u.number.as_deref() == Some(rest)),
        "L" => {
            let line: usize = rest.parse().ok()?;
            doc.units.iter().find(|u| u.line == line)
        }
        _ => None,
    }
    .map(|u| u.id)
}

/// The key a scorer reports for a unit: `pN`/`hR` when numbered, else `LN`.
pub fn unit_key(doc: &Document, id: UnitId) -> String {
    let unit = doc.unit(id);
    match (unit.kind, &unit.number) {
        (UnitKind::Paragraph, Some(n)) => format!("p{n}"),
        (UnitKind::Heading, Some(n)) => format!("h{n}"),
        _ => format!("L{}", unit.line),
    }
}

/// The unit a link end counts as: itself for paragraphs and headings, and for any unit
/// but a footnote whose line the gold names (`named`); else the introducing paragraph for
/// a list item (nothing when none introduces it), nothing for a footnote.
fn counted(doc: &Document, id: UnitId, named: &HashSet<UnitId>) -> Option<UnitId> {
    let unit = doc.unit(id);
    match unit.kind {
        UnitKind::Paragraph | UnitKind::Heading => Some(id),
        UnitKind::ListItem if named.contains(&id) => Some(id),
        UnitKind::ListItem => unit.parent,
        UnitKind::Footnote => None,
    }
}

/// The counted unit pairs of an alignment: every (old, new) pair of every link, a list
/// item counted as the paragraph that introduces its list.
pub fn predicted_pairs(
    old: &Document,
    new: &Document,
    alignment: &Alignment,
) -> BTreeSet<(UnitId, UnitId)> {
    counted_pairs(old, new, alignment, &HashSet::new(), &HashSet::new())
}

/// [`predicted_pairs`], counting the units of `named_old` and `named_new` as themselves.
fn counted_pairs(
    old: &Document,
    new: &Document,
    alignment: &Alignment,
    named_old: &HashSet<UnitId>,
    named_new: &HashSet<UnitId>,
) -> BTreeSet<(UnitId, UnitId)> {
    let mut pairs = BTreeSet::new();
    for link in &alignment.links {
        for &o in &link.old {
            for &n in &link.new {
                if let (Some(o), Some(n)) = (counted(old, o, named_old), counted(new, n, named_new))
                {
                    pairs.insert((o, n));
                }
            }
        }
    }
    pairs
}

/// The gold's links resolved to the units they count as.
struct Resolved {
    named_old: HashSet<UnitId>,
    named_new: HashSet<UnitId>,
    sure: Vec<Option<(UnitId, UnitId)>>,
    possible: Vec<Option<(UnitId, UnitId)>>,
}

/// Scores `alignment` of `old` to `new` against `gold`.
///
/// A gold key that names no unit makes its sure link count as missed (and its possible link
/// as unavailable), so a segmentation error shows in the figures rather than hiding.
pub fn score(gold: &Gold, old: &Document, new: &Document, alignment: &Alignment) -> Score {
    let Resolved {
        named_old,
        named_new,
        sure,
        possible,
    } = resolve(gold, old, new);
    let acceptable: BTreeSet<(UnitId, UnitId)> =
        sure.iter().chain(&possible).flatten().copied().collect();
    let predicted = counted_pairs(old, new, alignment, &named_old, &named_new);

    let correct = predicted.iter().filter(|p| acceptable.contains(p)).count();
    let wrong = predicted
        .iter()
        .filter(|p| !acceptable.contains(p))
        .map(|&(o, n)| (unit_key(old, o), unit_key(new, n)))
        .collect();
    let mut found = 0;
    let mut missed = Vec::new();
    for (ids, keys) in sure.iter().zip(&gold.sure) {
        match ids {
            Some(ids) if predicted.contains(ids) => found += 1,
            _ => missed.push(keys.clone()),
        }
    }
    let precision = ratio(correct, predicted.len());
    let recall = ratio(found, sure.len());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Score {
        precision,
        recall,
        f1,
        predicted: predicted.len(),
        sure: sure.len(),
        wrong,
        missed,
    }
}

/// For each `(old, new)` unit pair of `pairs`, counted as [`score`] counts a predicted
/// link's pairs: `Some(true)` when it is a link of the gold (sure or possible),
/// `Some(false)` when it is not, `None` when it does not count (a footnote, a list item that
/// no paragraph introduces). For fitting a model of links on the gold.
pub fn label_pairs(
    gold: &Gold,
    old: &Document,
    new: &Document,
    pairs: &[(UnitId, UnitId)],
) -> Vec<Option<bool>> {
    let r = resolve(gold, old, new);
    let acceptable: BTreeSet<(UnitId, UnitId)> = r
        .sure
        .iter()
        .chain(&r.possible)
        .flatten()
        .copied()
        .collect();
    pairs
        .iter()
        .map(|&(o, n)| {
            let o = counted(old, o, &r.named_old)?;
            let n = counted(new, n, &r.named_new)?;
            Some(acceptable.contains(&(o, n)))
        })
        .collect()
}

/// The links of `gold` resolved on `old` and `new`.
fn resolve(gold: &Gold, old: &Document, new: &Document) -> Resolved {
    // Keys are looked up in a map built once: `resolve_key` per pair would be quadratic.
    let keys = |doc: &Document| -> std::collections::HashMap<String, UnitId> {
        let mut map = std::collections::HashMap::new();
        for unit in doc.units.iter().rev() {
            map.insert(format!("L{}", unit.line), unit.id);
        }
        for unit in doc.units.iter().rev() {
            if let (UnitKind::Paragraph | UnitKind::Heading, Some(_)) = (unit.kind, &unit.number) {
                map.insert(unit_key(doc, unit.id), unit.id);
            }
        }
        map
    };
    let (old_keys, new_keys) = (keys(old), keys(new));
    let lookup = |keys: &std::collections::HashMap<String, UnitId>, doc: &Document, key: &str| {
        keys.get(key).copied().or_else(|| resolve_key(doc, key))
    };
    // The units the gold names, side by side: each counts as itself (a footnote as nothing).
    let named = |side: fn(&(String, String)) -> &String,
                 keys: &std::collections::HashMap<String, UnitId>,
                 doc: &Document|
     -> HashSet<UnitId> {
        gold.sure
            .iter()
            .chain(&gold.possible)
            .filter_map(|p| lookup(keys, doc, side(p)))
            .collect()
    };
    let named_old = named(|p| &p.0, &old_keys, old);
    let named_new = named(|p| &p.1, &new_keys, new);
    let resolve = |pairs: &[(String, String)]| -> Vec<Option<(UnitId, UnitId)>> {
        pairs
            .iter()
            .map(|p| {
                let o = lookup(&old_keys, old, &p.0).and_then(|id| counted(old, id, &named_old));
                let n = lookup(&new_keys, new, &p.1).and_then(|id| counted(new, id, &named_new));
                o.zip(n)
            })
            .collect()
    };
    Resolved {
        sure: resolve(&gold.sure),
        possible: resolve(&gold.possible),
        named_old,
        named_new,
    }
}

/// `num / den`, 1 when both are 0 (nothing to find and nothing found is perfect).
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// A gold lineage over a chain of versions: `{"pairs": {"OLD->NEW": {"sure": […], "possible": […]}, …}}`
/// (other keys are ignored), as in `tests/fixtures/darwin/gold.json`. Returns the pairs by
/// name, sorted.
pub fn chain_gold(path: &str, json: &str) -> Result<std::collections::BTreeMap<String, Gold>> {
    #[derive(Deserialize)]
    struct Chain {
        pairs: std::collections::BTreeMap<String, Gold>,
    }
    serde_json::from_str::<Chain>(json)
        .map(|c| c.pairs)
        .map_err(|e| GoldError {
            path: path.to_string(),
            message: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    //! Every expected figure is computed by hand in the comment above it.

    use super::*;
    use crate::align::testing::doc;
    use crate::model::{Change, Evidence, Link, LinkShape};

    /// `n` paragraphs numbered 1 to `n` (keys `p1` … `pn`; unit ids 0 … n-1).
    fn numbered(n: usize) -> Document {
        let numbers: Vec<String> = (1..=n).map(|k| k.to_string()).collect();
        doc(&numbers
            .iter()
            .map(|k| (UnitKind::Paragraph, Some(k.as_str()), "text"))
            .collect::<Vec<_>>())
    }

    fn link(old: &[UnitId], new: &[UnitId]) -> Link {
        Link {
            old: old.to_vec(),
            new: new.to_vec(),
            score: 1.0,
            shape: LinkShape::OneToOne,
            change: Change::Edited,
            moved: false,
            evidence: Evidence::default(),
        }
    }

    fn alignment(links: Vec<Link>) -> Alignment {
        Alignment {
            links,
            added: Vec::new(),
            removed: Vec::new(),
        }
    }

    fn pairs(keys: &[(&str, &str)]) -> Vec<(String, String)> {
        keys.iter()
            .map(|&(o, n)| (o.to_string(), n.to_string()))
            .collect()
    }

    fn gold(sure: &[(&str, &str)], possible: &[(&str, &str)]) -> Gold {
        Gold {
            sure: pairs(sure),
            possible: pairs(possible),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn precision_and_recall_differ_and_are_not_swapped() {
        let (old, new) = (numbered(4), numbered(4));
        let g = gold(
            &[("p1", "p1"), ("p2", "p2"), ("p3", "p3"), ("p4", "p4")],
            &[],
        );
        // Predicted: p1→p1 and p2→p2 (right), p3→p4 (wrong); p3→p3 and p4→p4 missed.
        let a = alignment(vec![link(&[0], &[0]), link(&[1], &[1]), link(&[2], &[3])]);
        let s = score(&g, &old, &new, &a);
        // precision = 2 right / 3 predicted; recall = 2 found / 4 sure;
        // F1 = 2·(2/3)·(1/2) / (2/3 + 1/2) = (2/3) / (7/6) = 4/7.
        assert!(close(s.precision, 2.0 / 3.0), "{s}");
        assert!(close(s.recall, 0.5), "{s}");
        assert!(close(s.f1, 4.0 / 7.0), "{s}");
        assert_eq!((s.predicted, s.sure), (3, 4));
        assert_eq!(s.wrong, pairs(&[("p3", "p4")]));
        assert_eq!(s.missed, pairs(&[("p3", "p3"), ("p4", "p4")]));
    }

    #[test]
    fn a_perfect_alignment_scores_one() {
        let (old, new) = (numbered(3), numbered(3));
        let g = gold(&[("p1", "p1"), ("p2", "p2"), ("p3", "p3")], &[]);
        let a = alignment(vec![link(&[0], &[0]), link(&[1], &[1]), link(&[2], &[2])]);
        let s = score(&g, &old, &new, &a);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        assert!(s.wrong.is_empty() && s.missed.is_empty());
    }

    #[test]
    fn nothing_predicted_scores_zero_recall_and_zero_f1() {
        let (old, new) = (numbered(2), numbered(2));
        let g = gold(&[("p1", "p1"), ("p2", "p2")], &[]);
        let s = score(&g, &old, &new, &alignment(Vec::new()));
        // precision = 0/0, taken as 1 (nothing claimed, nothing wrong); recall = 0/2;
        // F1 = 2·1·0 / (1 + 0) = 0.
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 0.0, 0.0));
        assert_eq!(s.missed.len(), 2);
    }

    #[test]
    fn nothing_to_find_and_nothing_found_is_perfect() {
        let (old, new) = (numbered(1), numbered(1));
        let s = score(&Gold::default(), &old, &new, &alignment(Vec::new()));
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        assert_eq!((s.predicted, s.sure), (0, 0));
    }

    #[test]
    fn possible_links_count_for_precision_only() {
        let (old, new) = (numbered(3), numbered(3));
        let g = gold(&[("p1", "p1")], &[("p2", "p3")]);
        // p2→p3 is possible: not wrong, but not a sure link found either.
        let a = alignment(vec![link(&[0], &[0]), link(&[1], &[2])]);
        let s = score(&g, &old, &new, &a);
        // precision = 2 acceptable / 2 predicted; recall = 1 found / 1 sure.
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        assert_eq!((s.predicted, s.sure), (2, 1));
        assert!(s.wrong.is_empty());

        // The possible link alone: precision 1/1, recall 0/1, F1 0.
        let s = score(&g, &old, &new, &alignment(vec![link(&[1], &[2])]));
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 0.0, 0.0));
        assert_eq!(s.missed, pairs(&[("p1", "p1")]));

        // Without the possible link in the gold, the same prediction is wrong: 1/2 precise.
        let g = gold(&[("p1", "p1")], &[]);
        let a = alignment(vec![link(&[0], &[0]), link(&[1], &[2])]);
        let s = score(&g, &old, &new, &a);
        assert!(close(s.precision, 0.5), "{s}");
        assert_eq!(s.recall, 1.0);
        // F1 = 2·(1/2)·1 / (1/2 + 1) = 2/3.
        assert!(close(s.f1, 2.0 / 3.0), "{s}");
        assert_eq!(s.wrong, pairs(&[("p2", "p3")]));
    }

    #[test]
    fn a_merge_counts_every_pair_of_its_units() {
        let (old, new) = (numbered(3), numbered(2));
        // Old p1 and p2 merged into new p1; old p3 → new p2.
        let a = alignment(vec![link(&[0, 1], &[0]), link(&[2], &[1])]);
        let g = gold(&[("p1", "p1"), ("p2", "p1"), ("p3", "p2")], &[]);
        let s = score(&g, &old, &new, &a);
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
        assert_eq!(s.predicted, 3);

        // A gold that knows only half of the merge: the other pair is wrong.
        // precision = 2 / 3 predicted pairs; recall = 2 / 2.
        let g = gold(&[("p1", "p1"), ("p3", "p2")], &[]);
        let s = score(&g, &old, &new, &a);
        assert!(close(s.precision, 2.0 / 3.0), "{s}");
        assert_eq!(s.recall, 1.0);
        assert_eq!(s.wrong, pairs(&[("p2", "p1")]));

        // A gold merge the alignment found one-to-one: one of its two pairs missed.
        let one = alignment(vec![link(&[0], &[0]), link(&[2], &[1])]);
        let g = gold(&[("p1", "p1"), ("p2", "p1"), ("p3", "p2")], &[]);
        let s = score(&g, &old, &new, &one);
        // precision = 2/2; recall = 2/3; F1 = 2·1·(2/3) / (5/3) = 4/5.
        assert_eq!(s.precision, 1.0);
        assert!(close(s.recall, 2.0 / 3.0), "{s}");
        assert!(close(s.f1, 0.8), "{s}");
        assert_eq!(s.missed, pairs(&[("p2", "p1")]));
    }

    #[test]
    fn list_items_count_as_their_paragraph_and_footnotes_not_at_all() {
        let mut old = doc(&[
            (UnitKind::Paragraph, Some("1"), "Intro:"),
            (UnitKind::ListItem, None, "item"),
            (UnitKind::Footnote, Some("1"), "note"),
        ]);
        old.units[1].parent = Some(0);
        let new = old.clone();
        // Item → item counts as p1 → p1; footnote → footnote does not count.
        let a = alignment(vec![link(&[1], &[1]), link(&[2], &[2])]);
        let s = score(&gold(&[("p1", "p1")], &[]), &old, &new, &a);
        assert_eq!(s.predicted, 1);
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
    }

    #[test]
    fn a_unit_that_changes_kind_keeps_its_gold_link() {
        // "Intro:" then "1° one" and "2° two", each named by its line in the gold.
        let g = gold(&[("L1", "L1"), ("L2", "L2"), ("L3", "L3")], &[]);
        let identity = alignment(vec![link(&[0], &[0]), link(&[1], &[1]), link(&[2], &[2])]);
        let as_paragraphs = doc(&[
            (UnitKind::Paragraph, None, "Intro:"),
            (UnitKind::Paragraph, None, "1° one"),
            (UnitKind::Paragraph, None, "2° two"),
        ]);
        let s = score(&g, &as_paragraphs, &as_paragraphs, &identity);
        assert_eq!(
            (s.precision, s.recall, s.predicted, s.sure),
            (1.0, 1.0, 3, 3)
        );
        // The same lines read as items of the list "Intro:" introduces: the gold names
        // them, so they count as themselves, and no link is lost or merged.
        let mut as_items = as_paragraphs.clone();
        for id in [1, 2] {
            as_items.units[id].kind = UnitKind::ListItem;
            as_items.units[id].parent = Some(0);
        }
        let s = score(&g, &as_items, &as_items, &identity);
        let figures = |s: &Score| (s.precision, s.recall, s.predicted, s.sure);
        assert_eq!(figures(&s), (1.0, 1.0, 3, 3));
        // With no paragraph introducing them, the same.
        for id in [1, 2] {
            as_items.units[id].parent = None;
        }
        assert_eq!(
            figures(&score(&g, &as_items, &as_items, &identity)),
            (1.0, 1.0, 3, 3)
        );
        // Items the gold does not name count as their paragraph (the gold linked the list
        // as a whole), or as nothing when no paragraph introduces them.
        let whole = gold(&[("L1", "L1")], &[]);
        as_items.units[1].parent = Some(0);
        let s = score(&whole, &as_items, &as_items, &identity);
        assert_eq!(figures(&s), (1.0, 1.0, 1, 1));
    }

    #[test]
    fn a_key_naming_no_unit_is_a_missed_link() {
        let (old, new) = (numbered(2), numbered(2));
        let g = gold(&[("p1", "p1"), ("p9", "p2")], &[]);
        let a = alignment(vec![link(&[0], &[0]), link(&[1], &[1])]);
        let s = score(&g, &old, &new, &a);
        // recall = 1 / 2 sure (p9 is no unit); precision = 1 / 2 (p2→p2 is not in the gold).
        assert_eq!((s.precision, s.recall), (0.5, 0.5));
        assert_eq!(s.missed, pairs(&[("p9", "p2")]));
    }

    #[test]
    fn keys_name_units_by_number_or_line() {
        let d = doc(&[
            (UnitKind::Heading, Some("II"), "Scope"),
            (UnitKind::Paragraph, Some("7"), "text"),
            (UnitKind::Paragraph, None, "free text"),
        ]);
        assert_eq!(unit_key(&d, 0), "hII");
        assert_eq!(unit_key(&d, 1), "p7");
        assert_eq!(unit_key(&d, 2), "L3");
        for id in 0..3 {
            assert_eq!(resolve_key(&d, &unit_key(&d, id)), Some(id));
        }
        assert_eq!(resolve_key(&d, "p8"), None);
        assert_eq!(resolve_key(&d, "x1"), None);
        assert_eq!(resolve_key(&d, ""), None);
    }

    #[test]
    fn ratio_of_nothing_is_one() {
        assert_eq!(ratio(0, 0), 1.0);
        assert_eq!(ratio(0, 4), 0.0);
        assert_eq!(ratio(3, 4), 0.75);
    }

    #[test]
    fn bad_gold_files_name_the_file() {
        let e = Gold::from_json("g.json", "{\"sure\": 3}").unwrap_err();
        assert_eq!(e.path, "g.json");
        assert!(e.to_string().starts_with("g.json: bad gold file: "), "{e}");
        let as_input: crate::Error = e.into();
        assert!(as_input.to_string().starts_with("g.json: bad gold file: "));
        assert!(chain_gold("c.json", "{}").is_err());

        let g = Gold::from_json("g.json", r#"{"sure": [["p1", "p2"]]}"#).unwrap();
        assert_eq!(g, gold(&[("p1", "p2")], &[]));
        let chain = chain_gold("c.json", r#"{"pairs": {"a->b": {"sure": []}}, "x": 1}"#).unwrap();
        assert_eq!(chain.keys().collect::<Vec<_>>(), ["a->b"]);
    }

    #[test]
    fn pairs_are_labelled_by_the_gold_sure_or_possible() {
        let (old, new) = (numbered(3), numbered(3));
        let g = gold(&[("p1", "p1")], &[("p2", "p3")]);
        let labels = label_pairs(&g, &old, &new, &[(0, 0), (1, 2), (1, 1), (2, 2)]);
        assert_eq!(
            labels,
            vec![Some(true), Some(true), Some(false), Some(false)]
        );
    }
}
