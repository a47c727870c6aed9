//! Trace: one unit's path through every version.
//!
//! The traced lineage of a unit is the unit, all its ancestors and all its descendants. For
//! each step between versions the trace keeps the links along that path with their word
//! diffs, the units merged in from other lineages or split off to them, and the units dropped;
//! and it says where the path ends: in which units of the last version, or in which version it
//! was dropped.

use std::collections::BTreeSet;

use crate::diff::{DiffOptions, diff_texts};
use crate::model::{Change, LinkShape, OpKind, UnitId, WordDiff};

use super::chain::{Edge, Lineage, Node};

/// One link on the traced path.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceLink {
    /// The link in the lineage.
    pub edge: Edge,
    /// The old units of the link.
    pub old: Vec<UnitId>,
    /// The new units of the link.
    pub new: Vec<UnitId>,
    /// One-to-one, merge or split.
    pub shape: LinkShape,
    /// How much the text changed, as the aligner judged it.
    pub change: Change,
    /// True when the unit moved (broke document order).
    pub moved: bool,
    /// The aligner's confidence.
    pub score: f64,
    /// The old units of the link that are not on the traced path: merged in from elsewhere.
    pub merged_in: Vec<UnitId>,
    /// The new units of the link that are not on the traced path: split off to elsewhere.
    pub split_off: Vec<UnitId>,
    /// Word diff of the old units' joined texts to the new units' joined texts.
    pub diff: WordDiff,
}

/// One step of a trace: from version `old` to version `new`.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceStep {
    /// The old version, 0-based.
    pub old: usize,
    /// The new version, 0-based (later than `old + 1` for a restoration).
    pub new: usize,
    /// The links on the path.
    pub links: Vec<TraceLink>,
    /// Units of the old version on the path that have no descendant in the new version.
    pub dropped: Vec<UnitId>,
}

/// Where a trace ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TraceEnd {
    /// In these units of the last version.
    Reached(Vec<UnitId>),
    /// The path does not reach the last version: it was last present in `last_seen` and is
    /// absent from `version` on.
    Dropped {
        /// The last version (0-based) holding a unit of the path.
        last_seen: usize,
        /// The first version (0-based) without it.
        version: usize,
    },
}

/// The trace of one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    /// The unit traced.
    pub start: Node,
    /// For each version (0-based index), the units on the path, in document order.
    pub members: Vec<Vec<UnitId>>,
    /// The steps touching the path, in order of their new version (consecutive steps first).
    pub steps: Vec<TraceStep>,
    /// Where the path ends.
    pub end: TraceEnd,
}

impl Trace {
    /// The first version (0-based) holding a unit of the path: where its content first
    /// appeared.
    pub fn first_seen(&self) -> usize {
        self.members
            .iter()
            .position(|m| !m.is_empty())
            .unwrap_or(self.start.version)
    }

    /// True when the unit changed along the path: it appeared after the first version, was
    /// dropped, lost a unit of its path, or a step changed its words, merged or split it.
    pub fn has_changes(&self) -> bool {
        !matches!(&self.end, TraceEnd::Reached(_))
            || self.first_seen() > 0
            || self.steps.iter().any(|s| {
                !s.dropped.is_empty()
                    || s.links.iter().any(|l| {
                        l.diff.ops.iter().any(|op| op.kind != OpKind::Equal)
                            || l.old.len() != l.new.len()
                    })
            })
    }
}

/// Traces `start` through every version of `lineage`. A node outside the lineage gives an
/// empty trace that ends where it starts.
pub fn trace(lineage: &Lineage, start: Node, options: &DiffOptions) -> Trace {
    let versions = lineage.versions();
    let mut on_path: BTreeSet<Node> = BTreeSet::new();
    if lineage.contains(start) {
        on_path.insert(start);
        on_path.extend(lineage.ancestors(start));
        on_path.extend(lineage.descendants(start));
    }
    let mut members: Vec<Vec<UnitId>> = vec![Vec::new(); versions.len()];
    for node in &on_path {
        members[node.version].push(node.unit);
    }

    let mut steps = Vec::new();
    for (index, step) in lineage.steps().iter().enumerate() {
        let mut links = Vec::new();
        for (i, link) in step.alignment.links.iter().enumerate() {
            let old_on = |u: &UnitId| on_path.contains(&Node::new(step.old, *u));
            let new_on = |u: &UnitId| on_path.contains(&Node::new(step.new, *u));
            if !(link.old.iter().any(old_on) && link.new.iter().any(new_on)) {
                continue;
            }
            let old_text = versions[step.old].joined_text(&link.old);
            let new_text = versions[step.new].joined_text(&link.new);
            links.push(TraceLink {
                edge: Edge {
                    step: index,
                    link: i,
                },
                old: link.old.clone(),
                new: link.new.clone(),
                shape: link.shape,
                change: link.change,
                moved: link.moved,
                score: link.score,
                merged_in: link.old.iter().filter(|u| !old_on(u)).copied().collect(),
                split_off: link.new.iter().filter(|u| !new_on(u)).copied().collect(),
                diff: diff_texts(&old_text, &new_text, options),
            });
        }
        let dropped: Vec<UnitId> = if step.is_revival() {
            Vec::new()
        } else {
            members[step.old]
                .iter()
                .copied()
                .filter(|&u| {
                    !lineage
                        .child_edges(Node::new(step.old, u))
                        .iter()
                        .any(|&e| e.step == index)
                })
                .collect()
        };
        if !links.is_empty() || !dropped.is_empty() {
            steps.push(TraceStep {
                old: step.old,
                new: step.new,
                links,
                dropped,
            });
        }
    }
    steps.sort_by_key(|s| (s.new, s.old));

    let end = match members.last() {
        Some(last) if !last.is_empty() => TraceEnd::Reached(last.clone()),
        _ => {
            let last_seen = members
                .iter()
                .rposition(|m| !m.is_empty())
                .unwrap_or(start.version);
            TraceEnd::Dropped {
                last_seen,
                version: last_seen + 1,
            }
        }
    };
    Trace {
        start,
        members,
        steps,
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::LineageOptions;
    use super::*;
    use crate::segment::{SegmentOptions, segment};

    fn lineage(texts: &[&str]) -> Lineage {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| segment(&format!("v{i}"), t, &SegmentOptions::new()))
            .collect();
        Lineage::build(docs, &LineageOptions::new())
    }

    #[test]
    fn a_kept_paragraph_reaches_the_last_version() {
        let l = lineage(&["A.\n\nB.\n", "B.\n\nA.\n", "C.\n\nA.\n"]);
        let t = trace(&l, Node::new(0, 0), &DiffOptions::new());
        assert_eq!(t.members, vec![vec![0], vec![1], vec![1]]);
        assert_eq!(t.end, TraceEnd::Reached(vec![1]));
        assert_eq!(t.steps.len(), 2);
    }

    #[test]
    fn a_dropped_paragraph_says_where() {
        let l = lineage(&["A.\n\nB.\n", "A.\n\nB.\n", "A.\n"]);
        let t = trace(&l, Node::new(0, 1), &DiffOptions::new());
        assert_eq!(
            t.end,
            TraceEnd::Dropped {
                last_seen: 1,
                version: 2
            }
        );
        assert_eq!(t.steps.last().map(|s| s.dropped.clone()), Some(vec![1]));
    }

    #[test]
    fn tracing_from_the_middle_shows_ancestors_too() {
        let l = lineage(&["A.\n", "A.\n", "A.\n"]);
        let t = trace(&l, Node::new(1, 0), &DiffOptions::new());
        assert_eq!(t.members, vec![vec![0], vec![0], vec![0]]);
    }
}
