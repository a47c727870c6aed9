//! How rare each word is in the corpus: the evidence a heavy rewrite keeps.
//!
//! A heavy rewrite replaces about half the content words of a paragraph and turns its
//! clauses round, so it keeps only a few of the word pairs the index finds units by (see
//! [`evidence`](super::evidence)): too few to tell from chance. It keeps more of its single
//! words, and the rarest of them say most about where it came from: two paragraphs on the
//! same topic share its common words, a paragraph and its rewrite also share its rare
//! names and terms. [`Rarity`] knows, for every word stem of the corpus, how many traced
//! units hold it, and weighs a word by its inverse document frequency less a floor
//! ([`Rarity::weight`]); [`Rarity::similarity`] is the cosine of two units' word sets so
//! weighted.

use super::fingerprint;

/// How many traced units of the corpus hold each word stem (hashed as
/// [`word_keys`](super::word_keys)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rarity {
    /// Traced units in the corpus.
    units: u64,
    /// Word keys, sorted, and the units holding each.
    words: Vec<u32>,
    holding: Vec<u32>,
}

impl Rarity {
    /// From the number of traced units and `(word key, units holding it)` counts, in any
    /// order (a key given twice has its counts added).
    pub fn new(units: u64, mut counts: Vec<(u32, u32)>) -> Rarity {
        counts.sort_unstable();
        let mut words: Vec<u32> = Vec::with_capacity(counts.len());
        let mut holding: Vec<u32> = Vec::with_capacity(counts.len());
        for (w, c) in counts {
            if words.last() == Some(&w) {
                let last = holding.last_mut().expect("as many counts as words");
                *last = last.saturating_add(c);
            } else {
                words.push(w);
                holding.push(c);
            }
        }
        Rarity {
            units,
            words,
            holding,
        }
    }

    /// Traced units in the corpus.
    pub fn units(&self) -> u64 {
        self.units
    }

    /// The `(word key, units holding it)` counts, sorted by key.
    pub fn counts(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.words.iter().copied().zip(self.holding.iter().copied())
    }

    /// Units holding the word `key` (0 for a word the corpus does not have).
    pub fn holding(&self, key: u32) -> u32 {
        self.words
            .binary_search(&key)
            .map_or(0, |at| self.holding[at])
    }

    /// The weight of the word `key`: its inverse document frequency
    /// `ln((units + 1) / (holding + 1))` less [`COMMON`], never under 0. So a word held by
    /// more than about one unit in twenty (`e^-3`: stock words, topic words) weighs
    /// nothing, and the rarer a word the more it weighs.
    pub fn weight(&self, key: u32) -> f64 {
        let units = self.units as f64 + 1.0;
        let holding = (f64::from(self.holding(key)) + 1.0).min(units);
        ((units / holding).ln() - COMMON).max(0.0)
    }

    /// How much two normalised texts have in common by their rare words: the cosine of
    /// their word sets weighted by [`weight`](Self::weight), 0 to 1.
    pub fn similarity(&self, old: &str, new: &str) -> f64 {
        let (old, new) = (fingerprint::word_keys(old), fingerprint::word_keys(new));
        let square = |k: u32| self.weight(k).powi(2);
        let mass = |keys: &[u32]| keys.iter().map(|&k| square(k)).sum::<f64>();
        let shared: f64 = old
            .iter()
            .filter(|k| new.binary_search(k).is_ok())
            .map(|&k| square(k))
            .sum();
        let norm = (mass(&old) * mass(&new)).sqrt();
        if norm <= 0.0 {
            0.0
        } else {
            (shared / norm).min(1.0)
        }
    }
}

/// The inverse document frequency under which a word counts for nothing in
/// [`Rarity::weight`]: `ln(20)` would be a word held by one unit in 20; 3 is one in 20.1.
/// Measured on the planted-reuse corpus (development seed 1, 5,000 documents), between
/// the 6 heavy rewrites whose source was among the two heaviest units of a draft unit with
/// too few pairs, and the 1,537 such units of the drafts' own paragraphs (descending from
/// nothing): the cosine without a floor let 124 false ones pass a threshold that keeps
/// every rewrite, 2 too few (floor 3: 27; floor 5: 258); counting each word's weight once
/// rather than squared, 67.
pub const COMMON: f64 = 3.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_words_weigh_most() {
        let common = fingerprint::word_keys("the")[0];
        let rare = fingerprint::word_keys("zanzibar")[0];
        let rarity = Rarity::new(1000, vec![(common, 90), (rare, 1), (common, 9)]);
        assert_eq!(rarity.holding(common), 99);
        assert_eq!(rarity.weight(common), 0.0);
        assert!(rarity.weight(rare) > 0.0);
        assert!(rarity.weight(fingerprint::word_keys("unseen")[0]) > rarity.weight(rare));
        // Sharing the rare word counts for much more than sharing the common one.
        let a = rarity.similarity("the zanzibar accord", "the zanzibar treaty");
        let b = rarity.similarity("the zanzibar accord", "the lisbon treaty");
        assert!(a > 0.3 && b < 0.01, "{a} {b}");
        assert_eq!(rarity.similarity("", "the"), 0.0);
    }
}
