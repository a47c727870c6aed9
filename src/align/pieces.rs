//! Large units aligned as pieces: a unit longer than [`LARGE_UNIT`] is cut into runs of its
//! sentences (at least [`PIECE_MIN`] bytes) for alignment, and the links of the pieces are
//! folded back onto the units.
//!
//! A paragraph whose breaks were lost (a PDF extraction, a pasted chapter) is one unit
//! holding what the other version has as many paragraphs. As one unit it can match only a
//! few of them (a split joins at most [`MAX_GROUP`](super::merges::MAX_GROUP) pieces), and
//! every candidate pair would rescan its whole text. Cut into sentences (UAX #29, from
//! `unicode-segmentation`; short ones joined with the next), each piece finds the paragraph
//! that holds it like any other
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
/// cut, while each pair score stays bounded (see `evidence.rs`).
pub const LARGE_UNIT: usize = 16 * 1024;

/// Shortest piece (in bytes of text, but for the last of a unit): short sentences are
/// joined with the next, so that a piece holds a few informative words and the large unit
/// yields half as many pieces (and half the alignment work and memory) as it has
/// sentences. Shorter than most paragraphs, so a piece rarely spans two of them.
pub const PIECE_MIN: usize = 200;

/// Longest piece (in bytes of text): a sentence longer than this is cut at word
/// boundaries, so a text without sentence punctuation still yields paragraph-sized pieces.
pub const PIECE_MAX: usize = 1024;

/// A document as aligned: the units of the original, large ones cut into pieces, and for
/// each original unit the range of its pieces.
pub struct Expanded<'a> {
    /// The units to align: `text` is left empty (alignment reads `norm` and `kind`; the
    /// words are read from [`texts`](Expanded::texts)).
    pub doc: Document,
    /// The text of each unit of `doc` as written: a slice of its original unit's text, not
    /// a copy (on one huge paragraph a copy was the size of the input).
    pub texts: Vec<&'a str>,
    /// Original unit → its pieces in `doc`.
    pub owners: Vec<Range<usize>>,
}

/// Whether some unit of `doc` is large.
pub fn has_large(doc: &Document) -> bool {
    doc.units.iter().any(|u| u.norm.len() > LARGE_UNIT)
}

/// The texts of the units of `doc`, as [`Expanded::texts`] holds them for pieces.
pub fn texts(doc: &Document) -> Vec<&str> {
    doc.units.iter().map(|u| u.text.as_str()).collect()
}

/// The one-to-one view of `doc`: each unit is its own piece.
pub fn identity(doc: &Document) -> Vec<Range<usize>> {
    (0..doc.units.len()).map(|u| u..u + 1).collect()
}

/// `doc` with its large units cut into pieces.
pub fn expand<'a>(doc: &'a Document) -> Expanded<'a> {
    let mut units: Vec<Unit> = Vec::with_capacity(doc.units.len());
    let mut texts: Vec<&'a str> = Vec::with_capacity(doc.units.len());
    let mut owners = Vec::with_capacity(doc.units.len());
    for unit in &doc.units {
        let start = units.len();
        // The aligner cuts sentences and detects the language from the text as written,
        // which it reads from `texts`.
        let mut push = |text: &'a str, norm: String| {
            units.push(Unit {
                id: units.len(),
                kind: unit.kind,
                block: unit.block,
                number: None,
                section: None,
                parent: None,
                line: unit.line,
                end_line: unit.end_line,
                text: String::new(),
                norm,
                source: None,
            });
            texts.push(text);
        };
        if unit.norm.len() <= LARGE_UNIT {
            push(&unit.text, unit.norm.clone());
        } else {
            for_each_piece(&unit.text, |piece| {
                let norm = normalize(piece);
                if !norm.is_empty() {
                    push(piece, norm);
                }
            });
        }
        owners.push(start..units.len());
    }
    // Grown by doubling (the number of pieces is known only once they are cut): the spare
    // room would be up to half of the largest arrays of the alignment's peak.
    units.shrink_to_fit();
    texts.shrink_to_fit();
    Expanded {
        doc: Document {
            path: doc.path.clone(),
            units,
            artifacts: Vec::new(),
        },
        texts,
        owners,
    }
}

/// The pieces of `text`: runs of its UAX #29 sentences of at least [`PIECE_MIN`] bytes
/// (the last may be shorter); a sentence longer than [`PIECE_MAX`] is cut at word
/// boundaries into runs of at most that size (a single longer word stays whole).
fn for_each_piece<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    let mut pending: Option<usize> = None;
    let mut end = 0;
    for (at, sentence) in text.split_sentence_bound_indices() {
        if sentence.len() > PIECE_MAX {
            if let Some(start) = pending.take() {
                f(&text[start..end]);
            }
            cut_long(sentence, &mut f);
            end = at + sentence.len();
            continue;
        }
        let start = *pending.get_or_insert(at);
        end = at + sentence.len();
        if end - start >= PIECE_MIN {
            f(&text[start..end]);
            pending = None;
        }
    }
    if let Some(start) = pending {
        f(&text[start..end]);
    }
}

/// A sentence longer than [`PIECE_MAX`] in runs of words of at most that size.
fn cut_long<'a>(sentence: &'a str, f: &mut impl FnMut(&'a str)) {
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

/// Folds the groups of pieces back onto original units. `old_owner[p]` and `new_owner[p]`
/// are the original units of piece `p`. Groups are taken strongest first (ties by their
/// first pieces); one that would make a link of several old and several new units is left
/// out. The result is sorted by first old unit.
///
/// Groups of units are disjoint, so the size of a union is known from the sizes of the
/// groups it joins, and joining moves the smaller groups into the largest: `O(P log P)` for
/// `P` pieces, however many pieces one large unit has.
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
    let mut out: Vec<Group> = Vec::new();
    let mut olds: Vec<usize> = Vec::new();
    let mut news: Vec<usize> = Vec::new();
    let mut touched: Vec<usize> = Vec::new();
    for k in order {
        let g = &groups[k];
        olds.clear();
        olds.extend(g.old.iter().map(|&p| old_owner[p]));
        olds.sort_unstable();
        olds.dedup();
        news.clear();
        news.extend(g.new.iter().map(|&p| new_owner[p]));
        news.sort_unstable();
        news.dedup();
        // The groups this one would join, and the sizes of the union.
        touched.clear();
        touched.extend(olds.iter().filter_map(|&o| old_group[o]));
        touched.extend(news.iter().filter_map(|&n| new_group[n]));
        touched.sort_unstable();
        touched.dedup();
        let free_old = olds.iter().filter(|&&o| old_group[o].is_none()).count();
        let free_new = news.iter().filter(|&&n| new_group[n].is_none()).count();
        let n_olds = free_old + touched.iter().map(|&t| out[t].old.len()).sum::<usize>();
        let n_news = free_new + touched.iter().map(|&t| out[t].new.len()).sum::<usize>();
        if n_olds > 1 && n_news > 1 {
            continue;
        }
        // Into the largest group touched (or a new one).
        let target = match touched
            .iter()
            .copied()
            .max_by_key(|&t| (out[t].old.len() + out[t].new.len(), std::cmp::Reverse(t)))
        {
            Some(t) => t,
            None => {
                out.push(Group::default());
                out.len() - 1
            }
        };
        out[target].score = out[target].score.max(g.score);
        for &t in &touched {
            if t == target {
                continue;
            }
            let moved = std::mem::take(&mut out[t]);
            moved.old.iter().for_each(|&o| old_group[o] = Some(target));
            moved.new.iter().for_each(|&n| new_group[n] = Some(target));
            let into = &mut out[target];
            into.old.extend(moved.old);
            into.new.extend(moved.new);
            into.score = into.score.max(moved.score);
        }
        for &o in &olds {
            if old_group[o].is_none() {
                old_group[o] = Some(target);
                out[target].old.push(o);
            }
        }
        for &n in &news {
            if new_group[n].is_none() {
                new_group[n] = Some(target);
                out[target].new.push(n);
            }
        }
    }
    let mut folded: Vec<Group> = out
        .into_iter()
        .filter(|g| !g.old.is_empty() && !g.new.is_empty())
        .map(|mut g| {
            g.old.sort_unstable();
            g.new.sort_unstable();
            g
        })
        .collect();
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
        assert_eq!(pieces(text), [text]);
        let sentence = |i: usize| format!("Sentence {i} {} ends here. ", "word ".repeat(i % 50));
        let text: String = (0..100).map(sentence).collect();
        let got = pieces(&text);
        assert_eq!(got.concat(), text);
        assert!(got[..got.len() - 1].iter().all(|p| p.len() >= PIECE_MIN));
        assert!(got.iter().all(|p| p.len() <= PIECE_MIN + PIECE_MAX));
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
