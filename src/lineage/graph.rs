//! The lineage graph: one node per unit of every version, one edge per (old unit, new unit)
//! pair of every link, and what kind of link each edge stands for. `render::graph` draws it
//! in Graphviz DOT and Mermaid; `render::json::log` lists it.

use crate::diff::{DiffOptions, same_text};
use crate::model::LinkShape;

use super::chain::{Edge, Lineage, Node};

/// Words of a unit's text shown in a node label.
pub const LABEL_WORDS: usize = 6;

/// One edge of the graph: an old unit, a new unit, and the link joining them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct GraphEdge {
    /// The old unit.
    pub from: Node,
    /// The new unit.
    pub to: Node,
    /// The link.
    pub edge: Edge,
}

/// Every edge of the lineage, sorted by old unit then new unit.
pub fn graph_edges(lineage: &Lineage) -> Vec<GraphEdge> {
    let mut out = Vec::new();
    for (s, step) in lineage.steps().iter().enumerate() {
        for (l, link) in step.alignment.links.iter().enumerate() {
            for &o in &link.old {
                for &n in &link.new {
                    out.push(GraphEdge {
                        from: Node::new(step.old, o),
                        to: Node::new(step.new, n),
                        edge: Edge { step: s, link: l },
                    });
                }
            }
        }
    }
    out.sort();
    out
}

/// The id of a node in DOT, Mermaid and JSON: `v2u17` for unit 17 of version 2 (0-based).
pub fn node_id(node: Node) -> String {
    format!("v{}u{}", node.version, node.unit)
}

/// A short label for a node: the unit's label and its first words.
pub fn node_label(lineage: &Lineage, node: Node) -> String {
    let doc = &lineage.versions()[node.version];
    let text = &doc.units[node.unit].text;
    let mut words = text.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(LABEL_WORDS).collect();
    let more = if words.next().is_some() { " …" } else { "" };
    format!("{}: {}{more}", doc.label(node.unit), head.join(" "))
}

/// What kind of link an edge of the graph stands for, as DOT and Mermaid draw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// One-to-one, same text.
    Unchanged,
    /// One-to-one, changed text.
    Edited,
    /// Part of a merge.
    Merge,
    /// Part of a split.
    Split,
    /// A unit restored across versions.
    Restored,
}

/// What kind of edge `e` is, and whether its link moved.
pub fn edge_kind(lineage: &Lineage, e: &GraphEdge) -> (EdgeKind, bool) {
    let step = lineage.step(e.edge);
    let link = lineage.link(e.edge);
    let kind = if step.is_revival() {
        EdgeKind::Restored
    } else if link.shape == LinkShape::Merge {
        EdgeKind::Merge
    } else if link.shape != LinkShape::OneToOne {
        EdgeKind::Split
    } else if same_text(
        &lineage.versions()[e.from.version].units[e.from.unit].text,
        &lineage.versions()[e.to.version].units[e.to.unit].text,
        &DiffOptions::new(),
    ) {
        EdgeKind::Unchanged
    } else {
        EdgeKind::Edited
    };
    (kind, link.moved)
}

#[cfg(test)]
mod tests {
    use super::super::chain::LineageOptions;
    use super::*;
    use crate::segment::{SegmentOptions, segment};

    #[test]
    fn an_unchanged_pair_is_one_plain_edge() {
        let docs = ["Say \"hi\".\n\nB.\n", "Say \"hi\".\n"]
            .iter()
            .enumerate()
            .map(|(i, t)| segment(&format!("v{i}"), t, &SegmentOptions::new()))
            .collect();
        let lineage = Lineage::build(docs, &LineageOptions::new());
        let edges = graph_edges(&lineage);
        assert_eq!(edges.len(), 1);
        assert_eq!(node_id(edges[0].from), "v0u0");
        assert_eq!(edge_kind(&lineage, &edges[0]), (EdgeKind::Unchanged, false));
    }
}
