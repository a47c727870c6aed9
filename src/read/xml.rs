//! A small read-only tree over `quick-xml` events, for the parts of Word and OpenDocument
//! files: names without their namespace prefix, attributes unescaped, text with its
//! entities resolved.
//!
//! Office XML is read whole and walked many ways (styles before the body, notes by id), so a
//! tree is simpler than a streaming pass; the nodes live in one arena so that no input,
//! however deep, makes a recursive drop. Nesting deeper than [`MAX_DEPTH`] is refused.

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;

/// Deepest nesting of elements accepted. Real office documents stay below 40 (tables in
/// tables in text boxes); the limit keeps the recursive walks of the readers bounded.
pub(crate) const MAX_DEPTH: usize = 256;

/// Index of a node in its [`Tree`].
pub(crate) type NodeId = usize;

/// An element or a run of text.
#[derive(Debug, Default)]
pub(crate) struct Node {
    /// Local name (`p` for `w:p`); empty for text.
    pub name: String,
    /// Attributes by local name (`val` for `w:val`), values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Child nodes in order.
    pub children: Vec<NodeId>,
    /// For a text node, its text.
    pub text: String,
}

/// A parsed XML document; node 0 is a synthetic root holding the top element.
#[derive(Debug)]
pub(crate) struct Tree {
    nodes: Vec<Node>,
}

impl Tree {
    /// Parses `xml`; the error says what is wrong, for a message about the file.
    pub fn parse(xml: &str) -> Result<Tree, String> {
        let mut reader = Reader::from_str(xml);
        let mut nodes = vec![Node::default()];
        let mut stack: Vec<NodeId> = vec![0];
        loop {
            let event = reader
                .read_event()
                .map_err(|e| format!("bad XML at byte {}: {e}", reader.buffer_position()))?;
            match event {
                Event::Start(_) | Event::Empty(_) if stack.len() > MAX_DEPTH => {
                    return Err(format!("XML nested deeper than {MAX_DEPTH} elements"));
                }
                Event::Start(e) => {
                    let id = push_element(&mut nodes, &stack, &e)?;
                    stack.push(id);
                }
                Event::Empty(e) => {
                    push_element(&mut nodes, &stack, &e)?;
                }
                Event::End(_) if stack.len() > 1 => {
                    stack.pop();
                }
                Event::Text(t) => {
                    let s = t.xml10_content().map_err(|e| format!("bad text: {e}"))?;
                    push_text(&mut nodes, &stack, &s);
                }
                Event::CData(t) => {
                    let s = t.decode().map_err(|e| format!("bad text: {e}"))?;
                    push_text(&mut nodes, &stack, &s);
                }
                Event::GeneralRef(r) => {
                    let s = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => match r.decode().as_deref() {
                            Ok("amp") => "&".into(),
                            Ok("lt") => "<".into(),
                            Ok("gt") => ">".into(),
                            Ok("quot") => "\"".into(),
                            Ok("apos") => "'".into(),
                            _ => String::new(),
                        },
                    };
                    push_text(&mut nodes, &stack, &s);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(Tree { nodes })
    }

    /// The node with this id.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    /// The top element, if the document has one.
    pub fn root(&self) -> Option<NodeId> {
        self.nodes[0]
            .children
            .iter()
            .copied()
            .find(|&c| !self.nodes[c].name.is_empty())
    }

    /// The local name of a node (empty for text).
    pub fn name(&self, id: NodeId) -> &str {
        &self.nodes[id].name
    }

    /// The value of attribute `key` (local name) of a node.
    pub fn attr(&self, id: NodeId, key: &str) -> Option<&str> {
        self.nodes[id]
            .attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The element children of a node.
    pub fn elements(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.nodes[id]
            .children
            .iter()
            .copied()
            .filter(|&c| !self.nodes[c].name.is_empty())
    }

    /// The first element child named `name`.
    pub fn child(&self, id: NodeId, name: &str) -> Option<NodeId> {
        self.elements(id).find(|&c| self.nodes[c].name == name)
    }

    /// The element children named `name`.
    pub fn children_named<'t>(
        &'t self,
        id: NodeId,
        name: &'t str,
    ) -> impl Iterator<Item = NodeId> + 't {
        self.elements(id)
            .filter(move |&c| self.nodes[c].name == name)
    }

    /// `attr(child(id, name), "val")`: the common `<w:x w:val="…"/>` pattern.
    pub fn child_val(&self, id: NodeId, name: &str) -> Option<&str> {
        self.child(id, name).and_then(|c| self.attr(c, "val"))
    }

    /// All the text under a node, in order.
    pub fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        let mut todo = vec![id];
        while let Some(n) = todo.pop() {
            let node = &self.nodes[n];
            if node.name.is_empty() {
                out.push_str(&node.text);
            }
            todo.extend(node.children.iter().rev());
        }
        out
    }
}

fn local(name: &[u8]) -> String {
    let local = match name.iter().position(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    };
    String::from_utf8_lossy(local).into_owned()
}

fn push_element(
    nodes: &mut Vec<Node>,
    stack: &[NodeId],
    e: &quick_xml::events::BytesStart<'_>,
) -> Result<NodeId, String> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|e| format!("bad attribute: {e}"))?;
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| format!("bad attribute: {e}"))?;
        attrs.push((local(a.key.as_ref()), value.into_owned()));
    }
    let id = nodes.len();
    nodes.push(Node {
        name: local(e.name().as_ref()),
        attrs,
        children: Vec::new(),
        text: String::new(),
    });
    let parent = *stack.last().unwrap_or(&0);
    nodes[parent].children.push(id);
    Ok(id)
}

fn push_text(nodes: &mut Vec<Node>, stack: &[NodeId], s: &str) {
    if s.is_empty() {
        return;
    }
    let parent = *stack.last().unwrap_or(&0);
    if let Some(&last) = nodes[parent].children.last()
        && nodes[last].name.is_empty()
    {
        nodes[last].text.push_str(s);
        return;
    }
    let id = nodes.len();
    nodes.push(Node {
        text: s.to_string(),
        ..Node::default()
    });
    nodes[parent].children.push(id);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_prefixes_and_entities_resolve() {
        let t = Tree::parse(
            r#"<w:p xmlns:w="x"><w:r><w:t xml:space="preserve">a &amp; b&#x41;</w:t></w:r></w:p>"#,
        )
        .unwrap();
        let p = t.root().unwrap();
        assert_eq!(t.name(p), "p");
        assert_eq!(t.text(p), "a & bA");
        let r = t.child(p, "r").unwrap();
        let wt = t.child(r, "t").unwrap();
        assert_eq!(t.attr(wt, "space"), Some("preserve"));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let xml = "<a>".repeat(MAX_DEPTH + 10);
        assert!(Tree::parse(&xml).unwrap_err().contains("nested"));
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(Tree::parse("<a><b></a>").is_err());
    }
}
