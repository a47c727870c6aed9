//! The measures that say how much a new text descends from an old one, and the score that
//! combines them.
//!
//! All word measures use the IDF-weighted profiles of [`tokens`](super::tokens):
//! - `words`: cosine of the weighted word vectors;
//! - containment both ways: the share of one side's weight found in the other (a merged or
//!   split piece is contained in the whole without resembling it);
//! - sentences both ways: the share (by weight) of one side's sentences that reappear in the
//!   other, a sentence counting when at least [`SENTENCE_FULL`] of its weighted words are
//!   found there (partial credit from [`SENTENCE_FLOOR`]). This sees a paragraph spread over
//!   several new ones, each keeping a sentence or two, which whole-text similarity cannot.
//! - `chars`: character similarity from `strsim`, normalised Levenshtein when both texts are
//!   short (at most [`LEVENSHTEIN_MAX_CELLS`] cells of the edit matrix) and Sørensen–Dice of
//!   character bigrams otherwise (strsim's definition, computed by sorting), so no pair costs
//!   more than `O(len log len)`.
//! - `position`: `1 − |relative position difference|`.
//!
//! Every measure is linear in the size of the two texts; when one side is more than
//! [`LOPSIDED`] times the other, the smaller side's words are looked up in the larger
//! (`O(s log l)`), so a large unit is not walked again for each of its small candidates.
//! Character similarity of very large texts (above [`CHARS_EXACT_MAX`]) counts bigrams in
//! fixed buckets ([`chars_joined`]): linear time, fixed memory.

use crate::model::{Evidence, join_texts};

use super::tokens::Profile;

/// A sentence reappears fully when this share of its weighted words is found on the other
/// side: rewording keeps most content words of a sentence, not all of them.
pub const SENTENCE_FULL: f32 = 0.8;

/// Below this share a sentence does not count at all: topic words alone reach it.
pub const SENTENCE_FLOOR: f32 = 0.5;

/// Largest `len(old) × len(new)` (in characters) for which the Levenshtein distance is
/// computed; above it Sørensen–Dice is used (about 40 µs for the largest allowed pair).
pub const LEVENSHTEIN_MAX_CELLS: usize = 40_000;

/// Word-level measures of one pair of profiles.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Measures {
    /// Weighted cosine.
    pub cosine: f32,
    /// Share of the old weight found in the new text.
    pub old_in_new: f32,
    /// Share of the new weight found in the old text.
    pub new_in_old: f32,
    /// Share of the old sentences that reappear in the new text.
    pub old_sentences: f32,
    /// Share of the new sentences that come from the old text.
    pub new_sentences: f32,
}

impl Measures {
    /// Measures `old` against `new` (allocates; [`Scorer::measures`] reuses its memory).
    #[cfg(test)]
    pub fn of(old: &Profile, new: &Profile) -> Measures {
        let words = old
            .terms
            .iter()
            .chain(&new.terms)
            .map(|t| t.0 as usize + 1)
            .max()
            .unwrap_or(0);
        Scorer::new(words).measures(old, new)
    }

    /// The sentence measure of a one-to-one pair: sentences must reappear both ways.
    pub fn sentences(&self) -> f32 {
        (self.old_sentences * self.new_sentences).sqrt()
    }

    /// The containment of a one-to-one pair: each side must hold the other.
    pub fn containment(&self) -> f32 {
        (self.old_in_new * self.new_in_old).sqrt()
    }
}

/// Sentences are only compared when one side holds at least this share of the other: below
/// it, no sentence can reappear in full and the work would be wasted.
pub const SENTENCE_GATE: f32 = 0.15;

/// Measures pairs of profiles, reusing a marking array over word ids.
#[derive(Debug, Default)]
pub struct Scorer {
    stamp: Vec<u32>,
    epoch: u32,
}

impl Scorer {
    /// A scorer for word ids below `words`.
    pub fn new(words: usize) -> Scorer {
        Scorer {
            stamp: vec![0; words],
            epoch: 0,
        }
    }

    /// Measures `old` against `new`: linear in the smaller profile (times the log of the
    /// larger when their sizes differ much), plus the sentences of both when they overlap.
    pub fn measures(&mut self, old: &Profile, new: &Profile) -> Measures {
        let (dot, shared) = overlap(&old.terms, &new.terms);
        let mut m = Measures {
            cosine: ratio(dot, old.norm * new.norm),
            old_in_new: ratio(shared, old.mass),
            new_in_old: ratio(shared, new.mass),
            old_sentences: 0.0,
            new_sentences: 0.0,
        };
        if m.old_in_new.max(m.new_in_old) >= SENTENCE_GATE {
            m.old_sentences = self.sentences_in(old, new);
            m.new_sentences = self.sentences_in(new, old);
        }
        m
    }

    /// Share (by weight) of the sentences of `from` that reappear in `to`.
    pub fn sentences_in(&mut self, from: &Profile, to: &Profile) -> f32 {
        let total: f32 = from.sentences.iter().map(|s| s.weight).sum();
        if total <= 0.0 {
            return 0.0;
        }
        // A small side against a large one looks its words up in the large one's sorted
        // terms instead of marking them all: no pass over the large side per candidate.
        let from_words: usize = from.sentences.iter().map(|s| s.words.len()).sum();
        let look_up = to.terms.len() > LOPSIDED * from_words.max(1);
        if !look_up {
            self.epoch = self.epoch.wrapping_add(1);
            if self.epoch == 0 {
                self.stamp.fill(0);
                self.epoch = 1;
            }
            for &(w, _) in &to.terms {
                if let Some(slot) = self.stamp.get_mut(w as usize) {
                    *slot = self.epoch;
                }
            }
        }
        let mut found = 0f32;
        for sentence in &from.sentences {
            let kept: f32 = sentence
                .words
                .iter()
                .filter(|w| {
                    if look_up {
                        to.terms.binary_search_by_key(&w.0, |t| t.0).is_ok()
                    } else {
                        self.stamp.get(w.0 as usize) == Some(&self.epoch)
                    }
                })
                .map(|w| w.1)
                .sum();
            let share = kept / sentence.weight;
            let credit =
                ((share - SENTENCE_FLOOR) / (SENTENCE_FULL - SENTENCE_FLOOR)).clamp(0.0, 1.0);
            found += credit * sentence.weight;
        }
        found / total
    }
}

/// Texts (both sides together, in bytes) up to this size get the exact Sørensen–Dice (or
/// Levenshtein); above it, `chars_joined` counts bigrams in [`BIGRAM_BUCKETS`] buckets
/// instead of sorting them, so a link of a very large unit needs a fixed 1 MiB, not eight
/// bytes per character twice over.
pub const CHARS_EXACT_MAX: usize = 1 << 20;

/// Buckets of the bigram counts of very large texts (a power of two): with 2^17 buckets the
/// collisions of a text's few thousand distinct bigrams change the value by well under 1%.
pub const BIGRAM_BUCKETS: usize = 1 << 17;

/// Character similarity of the texts `old` joined with single spaces against `new` joined
/// likewise (see [`chars`]), without joining them when they are very large.
pub fn chars_joined(old: &[&str], new: &[&str]) -> f64 {
    let size: usize = old.iter().chain(new).map(|t| t.len() + 1).sum();
    if size <= CHARS_EXACT_MAX {
        return chars(
            &join_texts(old.iter().copied()),
            &join_texts(new.iter().copied()),
        );
    }
    let count = |texts: &[&str]| -> (Vec<u32>, usize) {
        let mut buckets = vec![0u32; BIGRAM_BUCKETS];
        let mut chars = 0usize;
        let mut prev: Option<char> = None;
        for c in texts
            .iter()
            .flat_map(|t| t.chars())
            .filter(|c| !c.is_whitespace())
        {
            if let Some(p) = prev {
                let key = ((p as u64) << 32 | c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                let slot = &mut buckets[(key >> 47) as usize & (BIGRAM_BUCKETS - 1)];
                *slot = slot.saturating_add(1);
            }
            prev = Some(c);
            chars += 1;
        }
        (buckets, chars.saturating_sub(1))
    };
    let ((a, na), (b, nb)) = (count(old), count(new));
    if na + nb == 0 {
        return 0.0;
    }
    let shared: u64 = a.iter().zip(&b).map(|(x, y)| (*x).min(*y) as u64).sum();
    (2 * shared) as f64 / (na + nb) as f64
}

/// Sizes differing by more than this factor are compared by looking the smaller side's
/// words up in the larger (`O(s log l)`) rather than walking both (`O(s + l)`).
pub const LOPSIDED: usize = 16;

/// Weighted dot product and shared weight (sum of minima) of two sorted term lists.
fn overlap(a: &[(u32, f32)], b: &[(u32, f32)]) -> (f32, f32) {
    let (mut dot, mut shared) = (0f32, 0f32);
    if a.len() > LOPSIDED * b.len().max(1) || b.len() > LOPSIDED * a.len().max(1) {
        let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        let mut from = 0;
        for &(w, x) in small {
            // Galloping would do too; the words are sorted, so the search narrows.
            let at = from + large[from..].partition_point(|t| t.0 < w);
            if let Some(&(v, y)) = large.get(at)
                && v == w
            {
                dot += x * y;
                shared += x.min(y);
            }
            from = at;
        }
        return (dot, shared);
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (u, x) = a[i];
        let (v, y) = b[j];
        match u.cmp(&v) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += x * y;
                shared += x.min(y);
                i += 1;
                j += 1;
            }
        }
    }
    (dot, shared)
}

/// Character similarity of two normalised texts, `0..=1` (see the module docs).
pub fn chars(old: &str, new: &str) -> f64 {
    if old == new {
        return 1.0;
    }
    let (a, b) = (old.chars().count(), new.chars().count());
    if a.saturating_mul(b) <= LEVENSHTEIN_MAX_CELLS {
        strsim::normalized_levenshtein(old, new)
    } else {
        sorensen_dice(old, new)
    }
}

/// `strsim::sorensen_dice`, the same value to the last bit, computed by sorting the
/// bigrams instead of counting them in a hash map (about five times faster on paragraphs,
/// which matters when 100,000 links each need one).
pub fn sorensen_dice(a: &str, b: &str) -> f64 {
    let a: String = a.chars().filter(|c| !c.is_whitespace()).collect();
    let b: String = b.chars().filter(|c| !c.is_whitespace()).collect();
    if a == b {
        return 1.0;
    }
    if a.len() < 2 || b.len() < 2 {
        return 0.0;
    }
    let bigrams = |s: &str| -> Vec<u64> {
        let mut out: Vec<u64> = s
            .chars()
            .zip(s.chars().skip(1))
            .map(|(x, y)| (x as u64) << 32 | y as u64)
            .collect();
        out.sort_unstable();
        out
    };
    let (x, y) = (bigrams(&a), bigrams(&b));
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * shared) as f64 / (a.len() + b.len() - 2) as f64
}

/// Position agreement of unit `o` of `n_old` and unit `n` of `n_new`.
pub fn position(o: usize, n_old: usize, n: usize, n_new: usize) -> f64 {
    let a = (o as f64 + 0.5) / n_old.max(1) as f64;
    let b = (n as f64 + 0.5) / n_new.max(1) as f64;
    1.0 - (a - b).abs()
}

/// Weight of the word cosine in the text score.
pub const W_COSINE: f64 = 0.5;
/// Weight of the two-way containment in the text score.
pub const W_CONTAINMENT: f64 = 0.25;
/// Weight of the two-way sentence measure in the text score.
pub const W_SENTENCES: f64 = 0.25;
/// Weight of position agreement in the final score: enough to break ties between copies of
/// a repeated text, too little to make a link on its own.
pub const W_POSITION: f64 = 0.08;

/// The score of a one-to-one pair from its measures, `chars` when known (short texts), and
/// its position agreement.
pub fn score(m: &Measures, chars: Option<f64>, position: f64) -> f64 {
    let words = words_score(m);
    // Characters can lift the score of texts sharing words, never link texts that share none.
    let text = match chars {
        Some(c) if m.cosine > 0.0 => words.max(0.5 * (words + c)),
        _ => words,
    };
    ((1.0 - W_POSITION) * text + W_POSITION * position).clamp(0.0, 1.0)
}

/// The word part of the score: cosine, two-way containment and two-way sentence reuse,
/// without characters or position.
pub fn words_score(m: &Measures) -> f64 {
    W_COSINE * m.cosine as f64
        + W_CONTAINMENT * m.containment() as f64
        + W_SENTENCES * m.sentences() as f64
}

/// The evidence record of a link from the measures of its (joined) sides.
pub fn evidence(m: &Measures, chars: f64, position: f64) -> Evidence {
    Evidence {
        chars,
        words: m.cosine as f64,
        containment: m.old_in_new.min(1.0).max(m.new_in_old.min(1.0)) as f64,
        sentences: m.old_sentences as f64,
        position,
    }
}

fn ratio(num: f32, den: f32) -> f32 {
    if den > 0.0 {
        (num / den).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tokens::profiles;
    use crate::segment::segment;

    fn pair(old: &str, new: &str) -> Measures {
        let old = segment("o", old, &Default::default());
        let new = segment("n", new, &Default::default());
        let (_, o, n) = profiles(&old, &new);
        Measures::of(&o[0], &n[0])
    }

    #[test]
    fn identical_texts_measure_one() {
        let m = pair(
            "the cat sat on the mat. it purred.",
            "the cat sat on the mat. it purred.",
        );
        assert!((m.cosine - 1.0).abs() < 1e-5);
        assert!((m.containment() - 1.0).abs() < 1e-5);
        assert!((m.sentences() - 1.0).abs() < 1e-5);
        assert!(score(&m, None, 1.0) > 0.99);
    }

    #[test]
    fn a_piece_is_contained_in_the_whole() {
        let m = pair(
            "foxes run at dawn.",
            "foxes run at dawn. owls sleep by day. bears fish in rivers.",
        );
        assert!(m.old_in_new > 0.99);
        assert!(m.new_in_old < 0.5);
        assert!(m.old_sentences > 0.99);
        assert!(m.new_sentences < 0.5);
    }

    #[test]
    fn sorensen_dice_matches_strsim() {
        for (a, b) in [
            ("night", "nacht"),
            ("the cat sat on the mat", "the cat sat on a mat"),
            ("aaaa bbb", "aa bb"),
            ("Côte d’Ivoire", "cote d'ivoire"),
            ("", "x"),
            ("same", "same"),
        ] {
            assert_eq!(
                sorensen_dice(a, b),
                strsim::sorensen_dice(a, b),
                "{a} / {b}"
            );
        }
    }

    #[test]
    fn lopsided_overlap_matches_the_walk() {
        let small: Vec<(u32, f32)> = vec![(3, 1.0), (40, 2.0), (900, 0.5)];
        let large: Vec<(u32, f32)> = (0..1000).map(|w| (w, 1.0 + w as f32 / 1000.0)).collect();
        let (dot, shared) = overlap(&small, &large);
        let walk: f32 = small.iter().map(|&(w, x)| x * large[w as usize].1).sum();
        assert!((dot - walk).abs() < 1e-4);
        let min: f32 = small.iter().map(|&(w, x)| x.min(large[w as usize].1)).sum();
        assert!((shared - min).abs() < 1e-6);
        assert_eq!(overlap(&small, &large), overlap(&large, &small));
    }

    #[test]
    fn chars_of_very_large_texts_is_close_to_the_exact_value() {
        let a: String = (0..30_000).map(|i| format!("w{} ", i % 997)).collect();
        let b: String = (0..30_000).map(|i| format!("w{} ", i % 991)).collect();
        let exact = sorensen_dice(&a, &b);
        let big = chars_joined(&[&a, &a, &a, &a], &[&b, &b, &b, &b]);
        assert!((exact - big).abs() < 0.02, "{exact} {big}");
        assert_eq!(chars_joined(&["abc"], &["abc"]), 1.0);
    }

    #[test]
    fn chars_is_bounded_and_symmetric() {
        assert_eq!(chars("abc", "abc"), 1.0);
        let long_a = "word ".repeat(400);
        let long_b = "ward ".repeat(400);
        let c = chars(&long_a, &long_b);
        assert!((0.0..1.0).contains(&c));
        assert!((chars("kitten", "sitting") - chars("sitting", "kitten")).abs() < 1e-12);
    }
}
