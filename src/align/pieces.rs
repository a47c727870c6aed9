//! Large units aligned as pieces: a unit longer than [`LARGE_UNIT`] is cut into its
//! sentences for alignment, and the links of the pieces are folded back onto the units.
//!
//! A paragraph whose breaks were lost (a PDF extraction, a pasted chapter) is one unit
//! holding what the other version has as many paragraphs. As one unit it can match only a
//! few of them (a split joins at most [`MAX_GROUP`](super::merges::MAX_GROUP) pieces), and
//! every candidate pair would rescan its whole text. Cut into sentences (UAX #29, from
//! `unicode-segmentation`), each piece finds the paragraph that holds it like any other
//! unit, and all links of its pieces become one link of the large unit: a *split* of an
//! old unit into the new units its sentences went to (a *merge* when the large unit is
//! new). A sentence longer than [`PIECE_MAX`] (text without punctuation) is cut further at
//! word boundaries.
//!
//! Folding back keeps the shapes of the model: links are taken strongest first, and a piece
//! link that would join several old units to several new ones is left out.
//!
//! Cost: linear in the size of the large units (each piece is normalised once), and
//! nothing when no unit is large.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::model::{Document, Unit};
use crate::segment::normalize;

use super::merges::Group;

/// Units whose matching text is longer than this (in bytes) are aligned as pieces: five
/// times the longest paragraph of the reference documents, so real paragraphs are never
/// cut, while each pair score stays bounded (see [`evidence`](super::evidence)).
pub const LARGE_UNIT: usize = 16 * 1024;

/// Longest piece (in bytes of text): a sentence longer than this is cut at word
/// boundaries, so a text without sentence punctuation still yields paragraph-sized pieces.
pub const PIECE_MAX: usize = 1024;

/// A document as aligned: the units of the original, large ones cut into pieces, and for
/// each original unit the range of its pieces.
pub struct Expanded {
    /// The units to align: `text` is left empty (alignment reads `norm` and `kind` only).
    pub doc: Document,
    /// Original unit → its pieces in `doc`.
    pub owners: Vec<Range<usize>>,
}

/// Whether some unit of `doc` is large.
pub fn has_large(doc: &Document) -> bool {
    doc.units.iter().any(|u| u.norm.len() > LARGE_UNIT)
}

/// The one-to-one view of `doc`: each unit is its own piece.
pub fn identity(doc: &Document) -> Vec<Range<usize>> {
    (0..doc.units.len()).map(|u| u..u + 1).collect()
}

/// `doc` with its large units cut into pieces.
pub fn expand(doc: &Document) -> Expanded {
    let mut units: Vec<Unit> = Vec::with_capacity(doc.units.len());
    let mut owners = Vec::with_capacity(doc.units.len());
    for unit in &doc.units {
        let start = units.len();
        let mut push = |norm: String| {
            units.push(Unit {
                id: units.len(),
                kind: unit.kind,
                number: None,
                section: None,
                parent: None,
                line: unit.line,
                end_line: unit.end_line,
                text: String::new(),
                norm,
            });
        };
        if unit.norm.len() <= LARGE_UNIT {
            push(unit.norm.clone());
        } else {
            for_each_piece(&unit.text, |piece| {
                let norm = normalize(piece);
                if !norm.is_empty() {
                    push(norm);
                }
            });
        }
        owners.push(start..units.len());
    }
    Expanded {
        doc: Document {
            path: doc.path.clone(),
            units,
            artifacts: Vec::new(),
        },
        owners,
    }
}

/// The pieces of `text`: its UAX #29 sentences, each longer than [`PIECE_MAX`] cut at word
/// boundaries into runs of at most that size (a single longer word stays whole).
fn for_each_piece(text: &str, mut f: impl FnMut(&str)) {
    for sentence in text.split_sentence_bounds() {
        if sentence.len() <= PIECE_MAX {
            f(sentence);
            continue;
        }
        let mut start = 0;
        let mut end = 0;
        for (at, word) in sentence.split_word_bound_indices() {
            if at + word.len() - start > PIECE_MAX && end > start {
                f(&sentence[start..end]);
                start = end;
            }
            end = at + word.len();
        }
        if end > start {
            f(&sentence[start..end]);
        }
    }
}

/// Folds the groups of pieces back onto original units. `old_owner[p]` and `new_owner[p]`
/// are the original units of piece `p`. Groups are taken strongest first (ties by their
/// first pieces); one that would make a link of several old and several new units is left
/// out. The result is sorted by first old unit.
pub fn fold(groups: &[Group], old_owner: &[usize], new_owner: &[usize]) -> Vec<Group> {
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&groups[a], &groups[b]);
        y.score
            .total_cmp(&x.score)
            .then(x.old.first().cmp(&y.old.first()))
            .then(x.new.first().cmp(&y.new.first()))
    });
    let n_old = old_owner.iter().max().map_or(0, |&m| m + 1);
    let n_new = new_owner.iter().max().map_or(0, |&m| m + 1);
    let mut old_group: Vec<Option<usize>> = vec![None; n_old];
    let mut new_group: Vec<Option<usize>> = vec![None; n_new];
    let mut out: Vec<Option<Group>> = Vec::new();
    for k in order {
        let g = &groups[k];
        let mut olds: Vec<usize> = g.old.iter().map(|&p| old_owner[p]).collect();
        let mut news: Vec<usize> = g.new.iter().map(|&p| new_owner[p]).collect();
        olds.sort_unstable();
        olds.dedup();
        news.sort_unstable();
        news.dedup();
        // The groups this one would join, and what the union would hold.
        let mut touched: Vec<usize> = olds
            .iter()
            .filter_map(|&o| old_group[o])
            .chain(news.iter().filter_map(|&n| new_group[n]))
            .collect();
        touched.sort_unstable();
        touched.dedup();
        let mut all_old = olds.clone();
        let mut all_new = news.clone();
        for &t in &touched {
            if let Some(other) = &out[t] {
                all_old.extend_from_slice(&other.old);
                all_new.extend_from_slice(&other.new);
            }
        }
        all_old.sort_unstable();
        all_old.dedup();
        all_new.sort_unstable();
        all_new.dedup();
        if all_old.len() > 1 && all_new.len() > 1 {
            continue;
        }
        let score = touched
            .iter()
            .filter_map(|&t| out[t].as_ref().map(|o| o.score))
            .fold(g.score, f64::max);
        for &t in &touched {
            out[t] = None;
        }
        let id = out.len();
        all_old.iter().for_each(|&o| old_group[o] = Some(id));
        all_new.iter().for_each(|&n| new_group[n] = Some(id));
        out.push(Some(Group {
            old: all_old,
            new: all_new,
            score,
        }));
    }
    let mut folded: Vec<Group> = out.into_iter().flatten().collect();
    folded.sort_by(|a, b| a.old[0].cmp(&b.old[0]).then(a.new[0].cmp(&b.new[0])));
    folded
}

/// The owner of each piece: the inverse of [`Expanded::owners`].
pub fn owner_of(owners: &[Range<usize>]) -> Vec<usize> {
    let mut out = vec![0; owners.last().map_or(0, |r| r.end)];
    for (u, range) in owners.iter().enumerate() {
        out[range.clone()].iter_mut().for_each(|o| *o = u);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_piece(text, |p| out.push(p.to_string()));
        out
    }

    #[test]
    fn pieces_are_sentences_and_cover_the_text() {
        let text = "The cat sat. Dogs bark at night! Owls? Yes.";
        assert_eq!(
            pieces(text),
            ["The cat sat. ", "Dogs bark at night! ", "Owls? ", "Yes."]
        );
        let long = "word ".repeat(1000);
        let got = pieces(&long);
        assert!(got.len() >= 5 && got.iter().all(|p| p.len() <= PIECE_MAX));
        assert_eq!(got.concat(), long);
    }

    #[test]
    fn folding_joins_pieces_and_keeps_shapes() {
        let g = |old: &[usize], new: &[usize], score: f64| Group {
            old: old.to_vec(),
            new: new.to_vec(),
            score,
        };
        // Pieces 0..3 of old unit 0, piece 3 is old unit 1; new pieces are new units.
        let old_owner = [0, 0, 0, 1];
        let new_owner = [0, 1, 2, 3];
        let groups = [
            g(&[0], &[0], 0.9),
            g(&[1], &[1], 0.8),
            g(&[2], &[2], 0.7),
            // Would join old units 0 and 1 to new units 0..2 and 3: left out.
            g(&[2, 3], &[3], 0.6),
            g(&[3], &[3], 0.5),
        ];
        let folded = fold(&groups, &old_owner, &new_owner);
        let shapes: Vec<_> = folded
            .iter()
            .map(|g| (g.old.clone(), g.new.clone()))
            .collect();
        assert_eq!(shapes, vec![(vec![0], vec![0, 1, 2]), (vec![1], vec![3])]);
    }
}
