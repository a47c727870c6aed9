//! The evidence the index keeps of a unit: hashed pairs of consecutive word stems.
//!
//! The aligner finds a unit's partner in a very large document by its pairs of consecutive
//! words (see `align::candidates`): far rarer than single words, and kept by light edits,
//! splits and merges. The corpus index uses the same evidence, but it must be stable across
//! runs and machines, because it is saved to a file: words are cut at every character that
//! is not a letter or a digit of the unit's normalised text (already case-folded), reduced
//! to a crude stem of [`STEM_CHARS`](crate::align::STEM_CHARS) characters (language-free,
//! so one index serves a corpus in many languages), and each pair is hashed with FNV-1a and
//! a fixed mixer, never with the process's random hasher.
//!
//! Each corpus unit is remembered by a *sample* of its pairs: those whose hash falls in the
//! lowest `1/rate` of the hash space (threshold sampling, as in MinHash's "bottom" sketches
//! but with a fixed threshold), and at least its [`MIN_SAMPLE`] smallest hashes, so that a
//! short unit is still findable. Because the threshold is the same for every unit, a pair is
//! sampled in *every* unit that holds it (unless one of the few extras for short units):
//! the index then knows how many documents hold each sampled pair, and stock phrasing
//! repeated across the corpus can be told from a sentence found in one document. Because the
//! hash orders pairs at random, two units sharing a fraction of their pairs share about the
//! same fraction of their samples, and a piece of a split unit holds the samples of its
//! sentences. The draft side is not sampled: all its pairs are looked up.

use crate::align::STEM_CHARS;
use crate::model::{Unit, UnitKind};

/// Fewest words a unit needs to be traced: shorter units (headings, "Not applicable.") are
/// too common to say where text came from, and give too few word pairs to be found.
pub const MIN_WORDS: usize = 6;

/// Whether a unit is traced: any unit but a heading (a title says little about where text
/// came from and matches the titles of every document on the same topic) with at least
/// [`MIN_WORDS`] words.
pub fn traced(unit: &Unit) -> bool {
    unit.kind != UnitKind::Heading && words(&unit.norm).nth(MIN_WORDS - 1).is_some()
}

/// The words of a normalised text: runs of letters and digits.
fn words(norm: &str) -> impl Iterator<Item = &str> {
    norm.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The first [`STEM_CHARS`] characters of a word.
fn stem(word: &str) -> &str {
    match word.char_indices().nth(STEM_CHARS) {
        Some((at, _)) => &word[..at],
        None => word,
    }
}

/// FNV-1a, 64 bits: stable on every platform and in every release.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SplitMix64's finaliser: spreads the bits of a combined hash over all 64.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The distinct hashes of the pairs of consecutive word stems of `norm`, sorted.
pub fn pairs(norm: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut previous: Option<u64> = None;
    for word in words(norm) {
        let h = fnv(stem(word).as_bytes());
        if let Some(p) = previous {
            out.push((mix(p.rotate_left(21) ^ h) >> 32) as u32);
        }
        previous = Some(h);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The distinct hashes of the word stems of `norm`, sorted: the single words a heavy
/// rewrite keeps when it loses most of its pairs (see [`Rarity`](super::Rarity)).
pub fn word_keys(norm: &str) -> Vec<u32> {
    let mut out: Vec<u32> = words(norm)
        .map(|w| (mix(fnv(stem(w).as_bytes())) >> 32) as u32)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Fewest pairs sampled from a unit that has them, whatever the rate: a 15-word paragraph
/// has 14 pairs, of which a rate of 3 samples about 5 and sometimes only 1 or 2.
pub const MIN_SAMPLE: usize = 4;

/// The sample of `norm` (see the module docs): its [`pairs`] below `2^32 / rate`, and at
/// least the [`MIN_SAMPLE`] smallest; sorted.
pub fn sample(norm: &str, rate: u32) -> Vec<u32> {
    let mut all = pairs(norm);
    let threshold = u64::from(u32::MAX) / u64::from(rate.max(1));
    let below = all.partition_point(|&h| u64::from(h) <= threshold);
    all.truncate(below.max(MIN_SAMPLE));
    all
}

/// FNV-1a of a file's bytes: how the index recognises a corpus file that changed.
pub fn content_hash(bytes: &[u8]) -> u64 {
    fnv(bytes)
}

/// FNV-1a continued over more bytes (the index file's checksum).
pub(crate) fn fnv_continue(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// FNV-1a's starting value.
pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_stable_and_ignore_punctuation_and_inflection() {
        let a = pairs("the committee recommends, strongly, that states");
        let b = pairs("the committee recommended strongly that states");
        assert_eq!(a, b, "a crude stem merges recommends/recommended");
        // A fixed value: the hash must not change between releases (saved indexes).
        assert_eq!(pairs("a b").len(), 1);
        assert_eq!(pairs("a b"), pairs("a b"));
        assert!(pairs("one").is_empty());
    }

    #[test]
    fn a_sample_is_the_smallest_pairs() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let all = pairs(text);
        let s = sample(text, 1_000_000);
        assert_eq!(s, all[..MIN_SAMPLE]);
        assert_eq!(sample(text, 1), all);
        let third = sample(text, 3);
        assert_eq!(third, all[..third.len()]);
    }

    #[test]
    fn stems_cut_on_char_boundaries() {
        assert_eq!(stem("éééééééééé"), "ééééééé");
        assert_eq!(stem("ab"), "ab");
    }

    #[test]
    fn a_split_piece_keeps_its_share_of_the_sketch() {
        let first = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
        let second = "lambda mu nu xi omicron pi rho sigma tau upsilon";
        let whole = format!("{first} {second}");
        let s = sample(&whole, 2);
        let (p1, p2) = (pairs(first), pairs(second));
        let found = s
            .iter()
            .filter(|h| p1.binary_search(h).is_ok() || p2.binary_search(h).is_ok())
            .count();
        assert!(
            found + 1 >= s.len(),
            "all but the pair across the cut: {found}"
        );
    }
}
