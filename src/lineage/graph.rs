//! The lineage graph as Graphviz DOT or Mermaid, so users can draw it.
//!
//! One cluster (subgraph) per version, one node per unit labelled with its number or line and
//! its first words, one edge per (old unit, new unit) pair of every link. Edges show the kind
//! of link: plain for unchanged, bold for edited, blue for merges and splits, dashed for a
//! restoration across versions.

use std::io::{self, Write};

use crate::diff::{DiffOptions, same_text};
use crate::model::LinkShape;
use crate::render::visible;

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

/// What kind of edge to draw for a link.
fn edge_kind(lineage: &Lineage, e: &GraphEdge) -> (&'static str, bool) {
    let step = lineage.step(e.edge);
    let link = lineage.link(e.edge);
    let kind = if step.is_revival() {
        "restored"
    } else if link.shape != LinkShape::OneToOne {
        link.shape.as_str()
    } else if same_text(
        &lineage.versions()[e.from.version].units[e.from.unit].text,
        &lineage.versions()[e.to.version].units[e.to.unit].text,
        &DiffOptions::new(),
    ) {
        "unchanged"
    } else {
        "edited"
    };
    (kind, link.moved)
}

/// Writes the graph in Graphviz DOT.
pub fn write_dot(lineage: &Lineage, w: &mut dyn Write) -> io::Result<()> {
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
            "unchanged" => "color=gray",
            "edited" => "penwidth=2",
            "restored" => "style=dashed, label=\"restored\"",
            "merge" => "color=blue, label=\"merge\"",
            _ => "color=blue, label=\"split\"",
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
pub fn write_mermaid(lineage: &Lineage, w: &mut dyn Write) -> io::Result<()> {
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
            "unchanged" => "-->".to_string(),
            "edited" => "==>".to_string(),
            "restored" => "-. restored .->".to_string(),
            other => format!("-->|{other}|"),
        };
        writeln!(w, "  {} {arrow} {}", node_id(e.from), node_id(e.to))?;
    }
    Ok(())
}

/// Text made safe inside a double-quoted DOT string: control characters made visible
/// (line breaks included, as `^J`), then the two characters DOT escapes inside quotes: the
/// quote and the backslash (which would otherwise start `\n`, `\l`, `\N` and the like).
fn dot_escape(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out
}

/// Text made safe inside a quoted Mermaid label (`["…"]`): control characters made
/// visible, then Mermaid's entity codes for what would end the label or reach its HTML:
/// the quote, `#` (which starts an entity code), `<`, `>` and `&` (markup and references
/// in the rendered label) and the backtick (which starts a Markdown string).
fn mermaid_escape(text: &str) -> String {
    let text = visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::chain::LineageOptions;
    use super::*;
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
        write_dot(&lineage(), &mut out).unwrap();
        let dot = String::from_utf8(out).unwrap();
        assert!(dot.contains("subgraph cluster_1"));
        assert!(dot.contains("v0u0 -> v1u0 [color=gray];"));
        assert!(dot.contains("Say \\\"hi\\\"."));
    }

    #[test]
    fn mermaid_escapes_quotes() {
        let mut out = Vec::new();
        write_mermaid(&lineage(), &mut out).unwrap();
        let m = String::from_utf8(out).unwrap();
        assert!(m.starts_with("flowchart LR\n"));
        assert!(m.contains("v0u0 --> v1u0"));
        assert!(m.contains("#quot;hi#quot;"));
    }

    #[test]
    fn labels_are_escaped_by_their_format() {
        let text = "<img onerror=x> \"q\" #1 `t` & C:\\n \u{1b}[2J\u{202e}\nnext";
        assert_eq!(
            mermaid_escape(text),
            "#lt;img onerror=x#gt; #quot;q#quot; #35;1 #96;t#96; #amp; C:\\n ^[[2J#lt;U+202E#gt;^Jnext"
        );
        assert_eq!(
            dot_escape(text),
            "<img onerror=x> \\\"q\\\" #1 `t` & C:\\\\n ^[[2J<U+202E>^Jnext"
        );
    }
}
