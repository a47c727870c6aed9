//! The lineage graph as Graphviz DOT or Mermaid, so users can draw it.
//!
//! One cluster (subgraph) per version, one node per unit labelled with its number or line and
//! its first words, one edge per (old unit, new unit) pair of every link. Edges show the kind
//! of link: plain for unchanged, bold for edited, blue for merges and splits, dashed for a
//! restoration across versions. Labels are escaped by each format's rules (`escape.rs`).

use std::io::{self, Write};

use crate::lineage::{EdgeKind, Lineage, Node, edge_kind, graph_edges, node_id, node_label};

use super::escape::{dot_escape, mermaid_escape};

/// Writes the graph in Graphviz DOT.
pub fn dot(lineage: &Lineage, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "digraph lineage {{")?;
    writeln!(w, "  rankdir=LR;")?;
    writeln!(w, "  node [shape=box, fontsize=10];")?;
    for (k, doc) in lineage.versions().iter().enumerate() {
        writeln!(w, "  subgraph cluster_{k} {{")?;
        writeln!(w, "    label=\"{}\";", dot_escape(&doc.path))?;
        for unit in &doc.units {
            let node = Node::new(k, unit.id);
            writeln!(
                w,
                "    {} [label=\"{}\"];",
                node_id(node),
                dot_escape(&node_label(lineage, node))
            )?;
        }
        writeln!(w, "  }}")?;
    }
    for e in graph_edges(lineage) {
        let (kind, moved) = edge_kind(lineage, &e);
        let style = match kind {
            EdgeKind::Unchanged => "color=gray",
            EdgeKind::Edited => "penwidth=2",
            EdgeKind::Restored => "style=dashed, label=\"restored\"",
            EdgeKind::Merge => "color=blue, label=\"merge\"",
            EdgeKind::Split => "color=blue, label=\"split\"",
        };
        let moved = if moved { ", arrowhead=diamond" } else { "" };
        writeln!(
            w,
            "  {} -> {} [{style}{moved}];",
            node_id(e.from),
            node_id(e.to)
        )?;
    }
    writeln!(w, "}}")
}

/// Writes the graph as a Mermaid flowchart.
pub fn mermaid(lineage: &Lineage, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "flowchart LR")?;
    for (k, doc) in lineage.versions().iter().enumerate() {
        writeln!(w, "  subgraph V{k}[\"{}\"]", mermaid_escape(&doc.path))?;
        for unit in &doc.units {
            let node = Node::new(k, unit.id);
            writeln!(
                w,
                "    {}[\"{}\"]",
                node_id(node),
                mermaid_escape(&node_label(lineage, node))
            )?;
        }
        writeln!(w, "  end")?;
    }
    for e in graph_edges(lineage) {
        let (kind, _) = edge_kind(lineage, &e);
        let arrow = match kind {
            EdgeKind::Unchanged => "-->",
            EdgeKind::Edited => "==>",
            EdgeKind::Restored => "-. restored .->",
            EdgeKind::Merge => "-->|merge|",
            EdgeKind::Split => "-->|split|",
        };
        writeln!(w, "  {} {arrow} {}", node_id(e.from), node_id(e.to))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lineage::LineageOptions;
    use crate::segment::{SegmentOptions, segment};

    fn lineage() -> Lineage {
        let docs = ["Say \"hi\".\n\nB.\n", "Say \"hi\".\n"]
            .iter()
            .enumerate()
            .map(|(i, t)| segment(&format!("v{i}"), t, &SegmentOptions::new()))
            .collect();
        Lineage::build(docs, &LineageOptions::new())
    }

    #[test]
    fn dot_has_clusters_nodes_and_escaped_labels() {
        let mut out = Vec::new();
        dot(&lineage(), &mut out).unwrap();
        let dot = String::from_utf8(out).unwrap();
        assert!(dot.contains("subgraph cluster_1"));
        assert!(dot.contains("v0u0 -> v1u0 [color=gray];"));
        assert!(dot.contains("Say \\\"hi\\\"."));
    }

    #[test]
    fn mermaid_escapes_quotes() {
        let mut out = Vec::new();
        mermaid(&lineage(), &mut out).unwrap();
        let m = String::from_utf8(out).unwrap();
        assert!(m.starts_with("flowchart LR\n"));
        assert!(m.contains("v0u0 --> v1u0"));
        assert!(m.contains("#quot;hi#quot;"));
    }
}
