//! The lineage graph of N versions: every unit of every version with its parents and children.
//!
//! The graph is built from the pairwise alignments of consecutive versions (steps), plus, when
//! asked, "revival" alignments between non-consecutive versions that recognise a unit dropped
//! in one version and restored later (see [`revive`](super::revive)). Every edge is a link of
//! one of those alignments, so a merge gives a unit several parents and a split several
//! children.

use std::collections::BTreeSet;

use crate::align::{AlignOptions, align};
use crate::diff::{DiffOptions, same_text};
use crate::model::{Alignment, Change, Document, Evidence, Link, LinkShape, UnitId};

use super::revive;

/// How to build a lineage.
#[derive(Debug, Clone)]
pub struct LineageOptions {
    /// How to align each pair of versions.
    pub(crate) align: AlignOptions,
    /// Whether to align units added in a version against units dropped in earlier,
    /// non-consecutive versions (default [`DEFAULT_REVIVE`]).
    pub(crate) revive: bool,
    /// How many threads align the versions (all steps and the work inside each); 0 (the
    /// default) for rayon's shared pool, one thread per core.
    pub(crate) threads: usize,
}

/// Revivals are on by default: they cost one small alignment per version (only orphans take
/// part), and a paragraph cut and later restored is exactly what a drafting group asks about.
pub const DEFAULT_REVIVE: bool = true;

impl Default for LineageOptions {
    fn default() -> LineageOptions {
        LineageOptions {
            align: AlignOptions::new(),
            revive: DEFAULT_REVIVE,
            threads: 0,
        }
    }
}

impl LineageOptions {
    /// The defaults.
    pub fn new() -> LineageOptions {
        LineageOptions::default()
    }

    /// Align each pair of versions with these options.
    pub fn align(mut self, align: AlignOptions) -> LineageOptions {
        self.align = align;
        self
    }

    /// Whether to look for units dropped and later restored.
    pub fn revive(mut self, revive: bool) -> LineageOptions {
        self.revive = revive;
        self
    }

    /// Align on a pool of `threads` threads (0: rayon's shared pool, one per core). The
    /// result does not depend on it.
    pub fn threads(mut self, threads: usize) -> LineageOptions {
        self.threads = threads;
        self
    }
}

/// One unit of one version: `version` is the 0-based index of the version in the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Node {
    /// The version, 0-based.
    pub version: usize,
    /// The unit of that version.
    pub unit: UnitId,
}

impl Node {
    /// The node of `unit` in `version`.
    pub fn new(version: usize, unit: UnitId) -> Node {
        Node { version, unit }
    }
}

/// An alignment between two versions of the chain.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The old version, 0-based.
    pub old: usize,
    /// The new version, 0-based; `old + 1` for a consecutive step, later for a revival.
    pub new: usize,
    /// The alignment of the old version's units to the new version's. For a revival step it
    /// holds only the revival links; its `added`/`removed` are empty.
    pub alignment: Alignment,
}

impl Step {
    /// True for a step between non-consecutive versions (units dropped and restored).
    pub fn is_revival(&self) -> bool {
        self.new > self.old + 1
    }
}

/// A reference to one link of one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Edge {
    /// Index into [`Lineage::steps`].
    pub step: usize,
    /// Index into that step's `alignment.links`.
    pub link: usize,
}

/// The lineage of N ordered versions.
#[derive(Debug, Clone)]
pub struct Lineage {
    versions: Vec<Document>,
    /// Where each version came from, when known ([`Lineage::with_sources`]).
    sources: Vec<super::VersionSource>,
    steps: Vec<Step>,
    parents: Vec<Vec<Vec<Edge>>>,
    children: Vec<Vec<Vec<Edge>>>,
}

impl Lineage {
    /// The lineage with where each version came from (one per version, oldest first): a
    /// version read from git carries its commit into the JSON outputs.
    pub fn with_sources(mut self, sources: Vec<super::VersionSource>) -> Lineage {
        self.sources = sources;
        self
    }

    /// Where version `k` came from, if [`with_sources`](Self::with_sources) said.
    pub fn source(&self, k: usize) -> Option<&super::VersionSource> {
        self.sources.get(k)
    }

    /// Builds the lineage of `versions` (oldest first) by aligning each version with the next,
    /// and, if `options.revive`, restored units with the earlier versions they were dropped from.
    pub fn build(versions: Vec<Document>, options: &LineageOptions) -> Lineage {
        let pairs = versions.len().saturating_sub(1);
        // Each step is a rayon task, and so is the parallel work inside each alignment: one
        // pool for both, never more threads than it has. Results are collected in step
        // order, so they do not depend on the number of threads.
        let align_all = || -> Vec<Alignment> {
            use rayon::prelude::*;
            (0..pairs)
                .into_par_iter()
                .map(|k| align(&versions[k], &versions[k + 1], &options.align))
                .collect()
        };
        let alignments = match options.threads {
            0 => align_all(),
            n => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
                Ok(pool) => pool.install(align_all),
                // No threads to be had: the shared pool does the same work.
                Err(_) => align_all(),
            },
        };
        Lineage::from_alignments(versions, alignments, options)
    }

    /// Builds the lineage from consecutive alignments computed elsewhere: `alignments[k]`
    /// aligns `versions[k]` to `versions[k + 1]`. Links naming units that do not exist are
    /// ignored. Missing alignments count as empty.
    pub fn from_alignments(
        versions: Vec<Document>,
        alignments: Vec<Alignment>,
        options: &LineageOptions,
    ) -> Lineage {
        let n = versions.len().saturating_sub(1);
        let mut alignments = alignments.into_iter();
        let steps = (0..n)
            .map(|k| Step {
                old: k,
                new: k + 1,
                alignment: alignments.next().unwrap_or_default(),
            })
            .collect();
        Lineage::from_steps(versions, steps, options)
    }

    fn from_steps(versions: Vec<Document>, steps: Vec<Step>, options: &LineageOptions) -> Lineage {
        let mut lineage = Lineage {
            parents: versions
                .iter()
                .map(|d| vec![Vec::new(); d.units.len()])
                .collect(),
            children: versions
                .iter()
                .map(|d| vec![Vec::new(); d.units.len()])
                .collect(),
            versions,
            sources: Vec::new(),
            steps: Vec::new(),
        };
        for step in steps {
            lineage.push_step(step);
        }
        if options.revive {
            revive::revive(&mut lineage, &options.align);
        }
        lineage
    }

    /// Adds a step and its edges, dropping links that name units outside the documents.
    pub(super) fn push_step(&mut self, mut step: Step) {
        let (Some(old_len), Some(new_len)) = (
            self.versions.get(step.old).map(|d| d.units.len()),
            self.versions.get(step.new).map(|d| d.units.len()),
        ) else {
            return;
        };
        step.alignment.links.retain(|l| {
            !l.old.is_empty()
                && !l.new.is_empty()
                && l.old.iter().all(|&u| u < old_len)
                && l.new.iter().all(|&u| u < new_len)
        });
        let index = self.steps.len();
        for (i, link) in step.alignment.links.iter().enumerate() {
            let edge = Edge {
                step: index,
                link: i,
            };
            for &o in &link.old {
                self.children[step.old][o].push(edge);
            }
            for &n in &link.new {
                self.parents[step.new][n].push(edge);
            }
        }
        self.steps.push(step);
    }

    /// The versions, oldest first.
    pub fn versions(&self) -> &[Document] {
        &self.versions
    }

    /// Every step: first the consecutive ones (`steps()[k]` aligns version `k` to `k + 1`),
    /// then the revival steps, if any.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The consecutive steps only.
    pub fn consecutive_steps(&self) -> &[Step] {
        let n = self.versions.len().saturating_sub(1).min(self.steps.len());
        &self.steps[..n]
    }

    /// The revival steps only.
    pub fn revival_steps(&self) -> &[Step] {
        let n = self.versions.len().saturating_sub(1).min(self.steps.len());
        &self.steps[n..]
    }

    /// The link an edge refers to.
    ///
    /// # Panics
    /// If the edge does not come from this lineage.
    pub fn link(&self, edge: Edge) -> &Link {
        &self.steps[edge.step].alignment.links[edge.link]
    }

    /// The step an edge belongs to.
    ///
    /// # Panics
    /// If the edge does not come from this lineage.
    pub fn step(&self, edge: Edge) -> &Step {
        &self.steps[edge.step]
    }

    /// True when the node names a unit of a version of this lineage.
    pub fn contains(&self, node: Node) -> bool {
        self.versions
            .get(node.version)
            .is_some_and(|d| node.unit < d.units.len())
    }

    /// The links through which a unit descends from earlier units (none for a new unit).
    pub fn parent_edges(&self, node: Node) -> &[Edge] {
        self.parents
            .get(node.version)
            .and_then(|v| v.get(node.unit))
            .map_or(&[], Vec::as_slice)
    }

    /// The links through which a unit lives on in later units (none for a dropped unit).
    pub fn child_edges(&self, node: Node) -> &[Edge] {
        self.children
            .get(node.version)
            .and_then(|v| v.get(node.unit))
            .map_or(&[], Vec::as_slice)
    }

    /// The direct parents of a unit, sorted.
    pub fn parents(&self, node: Node) -> Vec<Node> {
        let mut out: Vec<Node> = self
            .parent_edges(node)
            .iter()
            .flat_map(|&e| {
                let old = self.steps[e.step].old;
                self.link(e).old.iter().map(move |&u| Node::new(old, u))
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The direct children of a unit, sorted.
    pub fn children(&self, node: Node) -> Vec<Node> {
        let mut out: Vec<Node> = self
            .child_edges(node)
            .iter()
            .flat_map(|&e| {
                let new = self.steps[e.step].new;
                self.link(e).new.iter().map(move |&u| Node::new(new, u))
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Every unit the node descends from, in any earlier version, sorted (oldest first).
    pub fn ancestors(&self, node: Node) -> Vec<Node> {
        self.closure(node, |n| self.parents(n))
    }

    /// Every unit that descends from the node, in any later version, sorted.
    pub fn descendants(&self, node: Node) -> Vec<Node> {
        self.closure(node, |n| self.children(n))
    }

    /// The alignment the lineage implies between any two versions `old < new`: one link per
    /// unit of `new` that has ancestors in `old`, from those ancestors (a merge when several);
    /// `added` the units of `new` with none, `removed` the units of `old` with no descendant in
    /// `new`. For consecutive versions this is the step's alignment seen unit by unit.
    pub fn span(&self, old: usize, new: usize) -> Alignment {
        let (Some(old_doc), Some(new_doc)) = (self.versions.get(old), self.versions.get(new))
        else {
            return Alignment::default();
        };
        let mut links = Vec::new();
        let mut added = Vec::new();
        let mut kept = vec![false; old_doc.units.len()];
        for unit in &new_doc.units {
            let from: Vec<UnitId> = self
                .ancestors(Node::new(new, unit.id))
                .into_iter()
                .filter(|a| a.version == old)
                .map(|a| a.unit)
                .collect();
            if from.is_empty() {
                added.push(unit.id);
                continue;
            }
            for &o in &from {
                kept[o] = true;
            }
            let shape = if from.len() > 1 {
                LinkShape::Merge
            } else {
                LinkShape::OneToOne
            };
            let change = if from.len() == 1
                && same_text(
                    &old_doc.units[from[0]].text,
                    &unit.text,
                    &DiffOptions::new(),
                ) {
                Change::Unchanged
            } else {
                Change::Edited
            };
            links.push(Link {
                old: from,
                new: vec![unit.id],
                score: 1.0,
                shape,
                change,
                moved: false,
                evidence: Evidence::default(),
            });
        }
        let removed = (0..kept.len()).filter(|&o| !kept[o]).collect();
        Alignment {
            links,
            added,
            removed,
        }
    }

    fn closure(&self, node: Node, next: impl Fn(Node) -> Vec<Node>) -> Vec<Node> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            for m in next(n) {
                if seen.insert(m) {
                    stack.push(m);
                }
            }
        }
        seen.remove(&node);
        seen.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{SegmentOptions, segment};

    fn doc(path: &str, text: &str) -> Document {
        segment(path, text, &SegmentOptions::new())
    }

    fn link(old: Vec<UnitId>, new: Vec<UnitId>) -> Link {
        let shape = match (old.len(), new.len()) {
            (1, 1) => LinkShape::OneToOne,
            (_, 1) => LinkShape::Merge,
            _ => LinkShape::Split,
        };
        Link {
            old,
            new,
            score: 1.0,
            shape,
            change: Change::Edited,
            moved: false,
            evidence: Evidence::default(),
        }
    }

    #[test]
    fn merges_and_splits_give_several_parents_and_children() {
        let v0 = doc("v0", "a\n\nb\n\nc\n");
        let v1 = doc("v1", "ab\n\nc1\n\nc2\n");
        let alignment = Alignment {
            links: vec![link(vec![0, 1], vec![0]), link(vec![2], vec![1, 2])],
            added: vec![],
            removed: vec![],
        };
        let lineage = Lineage::from_alignments(
            vec![v0, v1],
            vec![alignment],
            &LineageOptions::new().revive(false),
        );
        assert_eq!(
            lineage.parents(Node::new(1, 0)),
            vec![Node::new(0, 0), Node::new(0, 1)]
        );
        assert_eq!(
            lineage.children(Node::new(0, 2)),
            vec![Node::new(1, 1), Node::new(1, 2)]
        );
        assert_eq!(lineage.ancestors(Node::new(1, 2)), vec![Node::new(0, 2)]);
    }

    #[test]
    fn links_to_missing_units_are_ignored() {
        let v0 = doc("v0", "a\n");
        let v1 = doc("v1", "a\n");
        let alignment = Alignment {
            links: vec![link(vec![0], vec![5]), link(vec![0], vec![0])],
            added: vec![],
            removed: vec![],
        };
        let lineage =
            Lineage::from_alignments(vec![v0, v1], vec![alignment], &LineageOptions::new());
        assert_eq!(lineage.steps()[0].alignment.links.len(), 1);
        assert_eq!(lineage.children(Node::new(0, 0)), vec![Node::new(1, 0)]);
        assert!(lineage.parents(Node::new(7, 7)).is_empty());
    }
}
