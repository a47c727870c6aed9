//! Blame: for each unit of the last version, where its content comes from.
//!
//! Like `git blame`, but per unit and with the text's history followed through rewording,
//! merges, splits and moves. For each unit: its **origin**, the earliest version holding one
//! of its ancestors (where its content first appeared); **last changed**, the latest version
//! in which it was added, edited, merged, split or restored; and, word by word, the version
//! each word of its text was written in. Word origins are carried along every link by the word
//! diff of the link ([`diff_texts`]): a word kept keeps its origin, a word inserted takes the
//! new version's.

use crate::diff::{DiffOptions, diff_texts, same_text};
use crate::model::{Op, OpKind, WordDiff};

use super::chain::{Edge, Lineage, Node};

/// The blame of one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlameUnit {
    /// The unit.
    pub node: Node,
    /// The earliest version (0-based) holding an ancestor of the unit, or the unit's own.
    pub origin: usize,
    /// The latest version (0-based) in which the unit or an ancestor on its way was added,
    /// edited, merged, split or restored.
    pub last_changed: usize,
    /// For each version (0-based index), how many words of the unit's text were written in it.
    pub words_by_version: Vec<usize>,
}

impl BlameUnit {
    /// The number of words of the unit's text.
    pub fn words(&self) -> usize {
        self.words_by_version.iter().sum()
    }

    /// The share (`0..=1`) of the unit's words written in `version`.
    pub fn share(&self, version: usize) -> f64 {
        let words = self.words();
        if words == 0 {
            return 0.0;
        }
        self.words_by_version.get(version).copied().unwrap_or(0) as f64 / words as f64
    }
}

/// The blame of one version: one entry per unit, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Blame {
    /// The version blamed, 0-based.
    pub version: usize,
    /// One entry per unit of that version.
    pub units: Vec<BlameUnit>,
}

/// Blames the last version of `lineage` (an empty blame when there are no versions).
pub fn blame(lineage: &Lineage, options: &DiffOptions) -> Blame {
    match lineage.versions().len() {
        0 => Blame::default(),
        n => blame_version(lineage, n - 1, options),
    }
}

/// Blames version `target` (0-based) of `lineage`; empty if there is no such version.
pub fn blame_version(lineage: &Lineage, target: usize, options: &DiffOptions) -> Blame {
    let versions = lineage.versions();
    if target >= versions.len() {
        return Blame::default();
    }
    let n = target + 1;
    let mut origin: Vec<Vec<usize>> = Vec::with_capacity(n);
    let mut changed: Vec<Vec<usize>> = Vec::with_capacity(n);
    // Word origins per unit; dropped for a version once no later version can read them.
    let mut words: Vec<Vec<Vec<u32>>> = Vec::with_capacity(n);
    for k in 0..n {
        let doc = &versions[k];
        let mut o = Vec::with_capacity(doc.units.len());
        let mut c = Vec::with_capacity(doc.units.len());
        let mut w = Vec::with_capacity(doc.units.len());
        for unit in &doc.units {
            let node = Node::new(k, unit.id);
            let edges = lineage.parent_edges(node);
            let mut first = k;
            let mut last = 0;
            let mut is_changed = edges.is_empty();
            for &edge in edges {
                let step = lineage.step(edge);
                let link = lineage.link(edge);
                for &p in &link.old {
                    first = first.min(origin[step.old][p]);
                    last = last.max(changed[step.old][p]);
                }
                is_changed |= step.is_revival()
                    || link.old.len() != 1
                    || link.new.len() != 1
                    || !same_text(
                        &versions[step.old].units[link.old[0]].text,
                        &unit.text,
                        options,
                    );
            }
            o.push(first);
            c.push(if is_changed { k } else { last });
            w.push(word_origins(lineage, &words, node, edges, options));
        }
        origin.push(o);
        changed.push(c);
        words.push(w);
        if k > 0 {
            release(lineage, &mut words[k - 1], k - 1, k);
        }
    }
    let units = (0..versions[target].units.len())
        .map(|u| {
            let mut words_by_version = vec![0; n];
            for &v in &words[target][u] {
                if let Some(slot) = words_by_version.get_mut(v as usize) {
                    *slot += 1;
                }
            }
            BlameUnit {
                node: Node::new(target, u),
                origin: origin[target][u],
                last_changed: changed[target][u],
                words_by_version,
            }
        })
        .collect();
    Blame {
        version: target,
        units,
    }
}

/// Frees the word origins of version `k`'s units that no version after `done` descends from.
fn release(lineage: &Lineage, words: &mut [Vec<u32>], k: usize, done: usize) {
    for (u, w) in words.iter_mut().enumerate() {
        let needed = lineage
            .child_edges(Node::new(k, u))
            .iter()
            .any(|&e| lineage.step(e).new > done);
        if !needed {
            *w = Vec::new();
        }
    }
}

/// The version each word of `node`'s text was written in, through its best parent link.
fn word_origins(
    lineage: &Lineage,
    words: &[Vec<Vec<u32>>],
    node: Node,
    edges: &[Edge],
    options: &DiffOptions,
) -> Vec<u32> {
    let version = node.version as u32;
    let text = &lineage.versions()[node.version].units[node.unit].text;
    let best = edges.iter().max_by(|a, b| {
        lineage
            .link(**a)
            .score
            .total_cmp(&lineage.link(**b).score)
            .then(b.cmp(a))
    });
    let Some(&edge) = best else {
        return vec![version; word_spans(text).len()];
    };
    let old_version = lineage.step(edge).old;
    let old_doc = &lineage.versions()[old_version];
    let link = lineage.link(edge);
    let old_text = old_doc.joined_text(&link.old);
    let mut old_origins = Vec::new();
    for &p in &link.old {
        let spans = word_spans(&old_doc.units[p].text).len();
        match words.get(old_version).and_then(|w| w.get(p)) {
            Some(o) if o.len() == spans => old_origins.extend_from_slice(o),
            _ => old_origins.extend(std::iter::repeat_n(version, spans)),
        }
    }
    if old_text == *text {
        return old_origins;
    }
    let diff = diff_texts(&old_text, text, options);
    attribute(&old_text, &old_origins, text, version, &diff)
}

/// The byte ranges of the whitespace-separated words of `text`.
pub(super) fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// Carries word origins from `old` to `new` through their word diff: each word of `new` takes
/// the most common origin among its bytes, bytes kept from `old` counting for their origin and
/// inserted bytes for `version`.
///
/// The diff's runs are expected to spell the two texts; if they do not quite (a diff that
/// normalises), positions are scaled, so the attribution degrades rather than fails.
pub(super) fn attribute(
    old: &str,
    old_origins: &[u32],
    new: &str,
    version: u32,
    diff: &WordDiff,
) -> Vec<u32> {
    let mut old_byte: Vec<Option<u32>> = vec![None; old.len()];
    for (&(a, b), &o) in word_spans(old).iter().zip(old_origins) {
        old_byte[a..b].fill(Some(o));
    }
    // An equal run spells the old text as `op.old` says when the two versions write it
    // differently (spacing, quotes…).
    let old_len = |op: &Op| op.old.as_ref().map_or(op.text.len(), String::len);
    let old_total: usize = diff
        .ops
        .iter()
        .filter(|op| op.kind != OpKind::Insert)
        .map(old_len)
        .sum();
    let scale_old = |p: usize| -> usize {
        if old_total == old.len() || old_total == 0 {
            p
        } else {
            p * old.len() / old_total
        }
    };
    let mut new_byte: Vec<Option<u32>> = Vec::with_capacity(new.len());
    let mut old_pos = 0;
    for op in &diff.ops {
        let len = op.text.len();
        match op.kind {
            OpKind::Equal => {
                let at = |p: usize| old_byte.get(scale_old(p)).copied().flatten();
                let spelled = op.old.as_deref().unwrap_or(&op.text);
                let (new_words, old_words) = (word_spans(&op.text), word_spans(spelled));
                if new_words.len() == old_words.len() {
                    // The spellings differ only in what the diff ignores: word k of one
                    // is word k of the other.
                    let start = new_byte.len();
                    new_byte.resize(start + len, None);
                    for ((a, b), (o, _)) in new_words.into_iter().zip(old_words) {
                        new_byte[start + a..start + b].fill(at(old_pos + o));
                    }
                } else {
                    // Byte i of the new spelling faces byte i·old/new of the old one.
                    new_byte.extend((0..len).map(|i| at(old_pos + i * spelled.len() / len.max(1))));
                }
                old_pos += spelled.len();
            }
            OpKind::Insert => new_byte.extend(std::iter::repeat_n(None, len)),
            OpKind::Delete => old_pos += len,
        }
    }
    let new_total = new_byte.len();
    let scale_new = |p: usize| -> usize {
        if new_total == new.len() || new.is_empty() {
            p
        } else {
            p * new_total / new.len()
        }
    };
    word_spans(new)
        .into_iter()
        .map(|(a, b)| {
            let (a, b) = (scale_new(a), scale_new(b).max(scale_new(a) + 1));
            most_common(new_byte.get(a..b.min(new_total)).unwrap_or(&[]), version)
        })
        .collect()
}

/// The most common origin among the bytes of a word (the oldest on a tie), inserted bytes
/// counting for `version`; `version` for an empty word.
fn most_common(bytes: &[Option<u32>], version: u32) -> u32 {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for b in bytes.iter().map(|b| b.unwrap_or(version)) {
        match counts.iter_mut().find(|(o, _)| *o == b) {
            Some((_, n)) => *n += 1,
            None => counts.push((b, 1)),
        }
    }
    counts
        .into_iter()
        .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))
        .map_or(version, |(o, _)| o)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Op;

    fn op(kind: OpKind, text: &str) -> Op {
        Op::new(kind, text)
    }

    #[test]
    fn kept_words_keep_their_origin_and_inserted_words_take_the_new_version() {
        let diff = WordDiff {
            ops: vec![
                op(OpKind::Equal, "the cat "),
                op(OpKind::Delete, "sat"),
                op(OpKind::Insert, "lay down"),
                op(OpKind::Equal, " here"),
            ],
            ..WordDiff::default()
        };
        let got = attribute(
            "the cat sat here",
            &[0, 1, 1, 2],
            "the cat lay down here",
            5,
            &diff,
        );
        assert_eq!(got, vec![0, 1, 5, 5, 2]);
    }

    #[test]
    fn an_equal_run_spelled_differently_in_the_old_text_maps_word_for_word() {
        // The old text's wide spaces are not compared: each equal run gives its old
        // spelling, and the words after it must still face their own old words.
        let old = "a          b c d e f g";
        let diff = WordDiff {
            ops: vec![
                Op {
                    kind: OpKind::Equal,
                    text: "a b ".into(),
                    old: Some("a          b ".into()),
                },
                op(OpKind::Delete, "c"),
                op(OpKind::Insert, "x"),
                op(OpKind::Equal, " d e f g"),
            ],
            ..WordDiff::default()
        };
        let got = attribute(old, &[1, 2, 3, 4, 5, 6, 7], "a b x d e f g", 9, &diff);
        assert_eq!(got, vec![1, 2, 9, 4, 5, 6, 7]);
    }

    #[test]
    fn a_coarse_diff_attributes_everything_to_the_new_version() {
        let diff = WordDiff {
            ops: vec![op(OpKind::Delete, "a b"), op(OpKind::Insert, "a c")],
            ..WordDiff::default()
        };
        assert_eq!(attribute("a b", &[0, 0], "a c", 3, &diff), vec![3, 3]);
    }

    #[test]
    fn attribution_through_the_real_word_diff() {
        let old = "The committee shall adopt, by consensus, the rules.";
        let new = "The committee shall adopt by consensus the new rules of procedure.";
        let diff = diff_texts(old, new, &DiffOptions::new());
        let got = attribute(old, &[0, 0, 1, 1, 2, 2, 3, 3], new, 7, &diff);
        assert_eq!(got.len(), 11);
        // "The committee shall" kept; "new" and "of procedure." inserted.
        assert_eq!(&got[..3], &[0, 0, 1]);
        assert_eq!(got[7], 7);
        assert_eq!(&got[9..], &[7, 7]);
    }

    #[test]
    fn word_spans_skip_runs_of_spaces() {
        assert_eq!(word_spans("  a  bc "), vec![(2, 3), (5, 7)]);
        assert!(word_spans("").is_empty());
    }
}
