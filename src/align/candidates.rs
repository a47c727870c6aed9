//! Candidate pairs from an inverted index, so that only a few pairs per unit are scored.
//!
//! Each side is indexed by word: `word → [(unit, weight)]`. A unit queries the other side's
//! index with its [`query_words`](super::AlignOptions::query_words) most informative words,
//! skipping words whose posting list is longer than
//! [`max_postings`](super::AlignOptions::max_postings) (such a word is common and says little
//! about which unit is which). The weighted overlaps accumulate in a dense array with a
//! list of touched entries, and the unit keeps its
//! [`candidates`](super::AlignOptions::candidates) best partners (ties broken by position
//! then id). This is done from the new side and from the old side, and the union is scored.
//!
//! Cost: `O(N · q · p)` where `q` is the number of query words and `p` the mean posting
//! length actually walked (bounded by `max_postings`, and small in practice because the
//! query words are the rarest of each unit), plus `O(N · k log k)` to keep the best `k`.
//! No step is proportional to `n_old · n_new`.

use crate::model::{Document, UnitKind};

use super::tokens::Profile;

/// Whether units of these kinds may be linked: headings with headings, footnotes with
/// footnotes, paragraphs and list items with each other.
pub fn compatible(old: UnitKind, new: UnitKind) -> bool {
    use UnitKind::*;
    matches!(
        (old, new),
        (Heading, Heading) | (Footnote, Footnote) | (Paragraph | ListItem, Paragraph | ListItem)
    )
}

/// Settings of candidate generation.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Query words per unit.
    pub query_words: usize,
    /// Longest posting list walked.
    pub max_postings: usize,
    /// Candidates kept per unit.
    pub candidates: usize,
}

/// Candidate pairs `(old, new)`, sorted and without duplicates.
pub fn candidates(
    old: &Document,
    new: &Document,
    old_profiles: &[Profile],
    new_profiles: &[Profile],
    n_words: usize,
    limits: Limits,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    one_way(
        new,
        old,
        new_profiles,
        old_profiles,
        n_words,
        limits,
        |n, o| pairs.push((o, n)),
    );
    one_way(
        old,
        new,
        old_profiles,
        new_profiles,
        n_words,
        limits,
        |o, n| pairs.push((o, n)),
    );
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// For each unit of `from`, its best units of `to`; calls `emit(from_id, to_id)`.
fn one_way(
    from: &Document,
    to: &Document,
    from_profiles: &[Profile],
    to_profiles: &[Profile],
    n_words: usize,
    limits: Limits,
    mut emit: impl FnMut(usize, usize),
) {
    let mut index: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_words];
    for (id, profile) in to_profiles.iter().enumerate() {
        for &(w, x) in &profile.terms {
            index[w as usize].push((id as u32, x));
        }
    }
    let mut acc = vec![0f32; to_profiles.len()];
    let mut touched: Vec<u32> = Vec::new();
    let from_len = from.units.len().max(1) as f64;
    let to_len = to.units.len().max(1) as f64;
    for (id, profile) in from_profiles.iter().enumerate() {
        let kind = from.units[id].kind;
        for w in profile.top_words(limits.query_words) {
            let postings = &index[w as usize];
            if postings.len() > limits.max_postings {
                continue;
            }
            let x = profile.weight(w);
            for &(other, y) in postings {
                let slot = &mut acc[other as usize];
                if *slot == 0.0 {
                    touched.push(other);
                }
                *slot += x * y;
            }
        }
        let pos = (id as f64 + 0.5) / from_len;
        let mut ranked: Vec<(f32, f64, u32)> = touched
            .iter()
            .filter(|&&o| compatible_either(kind, to.units[o as usize].kind))
            .map(|&o| {
                let p = &to_profiles[o as usize];
                let cos = acc[o as usize] / (profile.norm * p.norm).max(f32::MIN_POSITIVE);
                let dist = ((o as f64 + 0.5) / to_len - pos).abs();
                (cos, dist, o)
            })
            .collect();
        for &o in &touched {
            acc[o as usize] = 0.0;
        }
        touched.clear();
        let by_rank = |a: &(f32, f64, u32), b: &(f32, f64, u32)| {
            b.0.total_cmp(&a.0)
                .then(a.1.total_cmp(&b.1))
                .then(a.2.cmp(&b.2))
        };
        if ranked.len() > limits.candidates {
            ranked.select_nth_unstable_by(limits.candidates, by_rank);
            ranked.truncate(limits.candidates);
        }
        for (_, _, o) in ranked {
            emit(id, o as usize);
        }
    }
}

/// [`compatible`] in either direction (the index is queried from both sides).
fn compatible_either(a: UnitKind, b: UnitKind) -> bool {
    compatible(a, b) || compatible(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tokens::profiles;
    use crate::segment::segment;

    fn doc(text: &str) -> Document {
        segment("t", text, &Default::default())
    }

    #[test]
    fn finds_the_paragraph_sharing_rare_words() {
        let old = doc("alpha beta gamma\n\ndelta epsilon zeta\n\neta theta iota\n");
        let new = doc("eta theta kappa\n\nalpha beta lambda\n");
        let (vocab, o, n) = profiles(&old, &new);
        let limits = Limits {
            query_words: 8,
            max_postings: 100,
            candidates: 1,
        };
        let pairs = candidates(&old, &new, &o, &n, vocab.len(), limits);
        assert!(pairs.contains(&(0, 1)));
        assert!(pairs.contains(&(2, 0)));
        assert!(!pairs.iter().any(|p| p.0 == 1));
    }

    #[test]
    fn kinds_link_only_with_compatible_kinds() {
        use UnitKind::*;
        assert!(compatible(Heading, Heading));
        assert!(compatible(ListItem, Paragraph));
        assert!(!compatible(Heading, Paragraph));
        assert!(!compatible(Footnote, Paragraph));
    }
}
