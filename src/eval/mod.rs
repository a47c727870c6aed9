//! Scoring an alignment against a hand-built gold lineage.
//!
//! The gold format names units by keys: `pN` the paragraph numbered N, `hR` the heading
//! numbered R, `LN` the unit whose first line is line N of its file. `sure` links must be
//! found, `possible` links are acceptable. As in word-alignment evaluation (Och & Ney),
//! precision is measured on sure ∪ possible and recall on sure. Only links between
//! paragraphs and headings count; a list item is counted as the paragraph that introduces
//! its list, a footnote not at all.

mod explain;
pub mod segment;

use std::collections::BTreeSet;

use serde::Deserialize;

pub use explain::{Explanation, LinkText, PREVIEW_CHARS, explain, preview};

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

/// The unit a link end counts as: itself for paragraphs and headings, the introducing
/// paragraph for list items, nothing for footnotes.
fn counted(doc: &Document, id: UnitId) -> Option<UnitId> {
    let unit = doc.unit(id);
    match unit.kind {
        UnitKind::Paragraph | UnitKind::Heading => Some(id),
        UnitKind::ListItem => unit.parent,
        UnitKind::Footnote => None,
    }
}

/// The counted unit pairs of an alignment: every (old, new) pair of every link.
pub fn predicted_pairs(
    old: &Document,
    new: &Document,
    alignment: &Alignment,
) -> BTreeSet<(UnitId, UnitId)> {
    let mut pairs = BTreeSet::new();
    for link in &alignment.links {
        for &o in &link.old {
            for &n in &link.new {
                if let (Some(o), Some(n)) = (counted(old, o), counted(new, n)) {
                    pairs.insert((o, n));
                }
            }
        }
    }
    pairs
}

/// Scores `alignment` of `old` to `new` against `gold`.
///
/// A gold key that names no unit makes its sure link count as missed (and its possible link
/// as unavailable), so a segmentation error shows in the figures rather than hiding.
pub fn score(gold: &Gold, old: &Document, new: &Document, alignment: &Alignment) -> Score {
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
    let resolve = |pairs: &[(String, String)]| -> Vec<Option<(UnitId, UnitId)>> {
        pairs
            .iter()
            .map(|p| {
                let o = old_keys
                    .get(&p.0)
                    .copied()
                    .or_else(|| resolve_key(old, &p.0));
                let n = new_keys
                    .get(&p.1)
                    .copied()
                    .or_else(|| resolve_key(new, &p.1));
                o.zip(n)
            })
            .collect()
    };
    let sure = resolve(&gold.sure);
    let possible = resolve(&gold.possible);
    let acceptable: BTreeSet<(UnitId, UnitId)> =
        sure.iter().chain(&possible).flatten().copied().collect();
    let predicted = predicted_pairs(old, new, alignment);

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
