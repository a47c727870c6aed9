//! Candidate pairs from an inverted index, so that only a few pairs per unit are scored.
//!
//! Each side is indexed by word (`word → [(unit, weight)]`) and by pair of consecutive words
//! (`hash → [unit]`). A unit queries the other side's indexes with its
//! [`query_words`](super::AlignOptions::query_words) rarest words and as many rarest word
//! pairs, skipping any whose posting list is longer than
//! [`max_postings`](super::AlignOptions::max_postings) (a common word says little about which
//! unit is which; in a very large document even its rarer words are common, and word pairs
//! take over). Overlaps accumulate in dense arrays with a list of touched entries (weighted
//! word overlap over the norms, plus the share of queried word pairs found), and the unit
//! keeps its
//! [`candidates`](super::AlignOptions::candidates) best partners (ties broken by position
//! then id). This is done from the new side and from the old side, and the union is scored,
//! together with the nearest copies of identical texts (found through a map of texts, so a
//! text repeated thousands of times still finds its copies).
//!
//! Cost: `O(N · q · p)` where `q` is the number of query words and `p` the mean posting
//! length actually walked (bounded by `max_postings`, and small in practice because the
//! query words are the rarest of each unit), plus `O(N · k log k)` to keep the best `k`.
//! No step is proportional to `n_old · n_new`.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::{Document, UnitKind};

use super::tokens::{FastHash, Profile};

/// Whether units of these kinds may be linked: headings with headings, footnotes with
/// footnotes, paragraphs and list items with each other.
pub fn compatible(old: UnitKind, new: UnitKind) -> bool {
    use UnitKind::*;
    matches!(
        (old, new),
        (Heading, Heading) | (Footnote, Footnote) | (Paragraph | ListItem, Paragraph | ListItem)
    )
}

/// Units (both documents) from which the two indexes of one direction of candidate
/// generation are built on two threads, and (one document) from which one direction's
/// units are searched in parallel runs of [`SEARCH_RUN`].
const PARALLEL_MIN_UNITS: usize = 4_000;

/// Settings of candidate generation.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Query words (and as many query word pairs) per unit.
    pub query_words: usize,
    /// Longest posting list walked.
    pub max_postings: usize,
    /// Candidates kept per unit.
    pub candidates: usize,
}

/// Candidate pairs `(old, new)`, sorted and without duplicates (unit ids as `u32`, half
/// the memory of `usize` pairs: on the largest inputs this list is millions of pairs).
pub fn candidates(
    old: &Document,
    new: &Document,
    old_profiles: &[Profile],
    new_profiles: &[Profile],
    n_words: usize,
    limits: Limits,
) -> Vec<(u32, u32)> {
    // One direction after the other, each using every thread (its two indexes built at
    // the same time, its units searched in parallel runs): the two directions at once
    // would hold all four indexes together, the peak of memory on the largest inputs.
    let from_old = one_way(old, new, old_profiles, new_profiles, n_words, limits);
    let from_new = one_way(new, old, new_profiles, old_profiles, n_words, limits);
    let mut copies = Vec::new();
    identical(old, new, limits.candidates, &mut copies);
    // Sized exactly: growth by doubling would hold up to twice the pairs at the peak.
    let mut pairs: Vec<(u32, u32)> =
        Vec::with_capacity(from_new.len() + from_old.len() + copies.len());
    pairs.extend(from_new.into_iter().map(|(n, o)| (o, n)));
    pairs.extend(from_old);
    pairs.append(&mut copies);
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Pairs of identical texts, whatever their words: a text repeated many times (`Not
/// applicable.`, `[Reserved]`) has only common words, which the indexes skip. Each new unit
/// gets the `k` old copies of its text nearest to its relative position.
fn identical(old: &Document, new: &Document, k: usize, pairs: &mut Vec<(u32, u32)>) {
    // Whole paragraphs are hashed: the eight-bytes-a-step word hasher is several times
    // faster than the default SipHash here, and the map is never iterated.
    let mut copies: HashMap<&str, Vec<u32>, FastHash> = HashMap::default();
    for unit in &old.units {
        if !unit.norm.is_empty() {
            copies
                .entry(unit.norm.as_str())
                .or_default()
                .push(unit.id as u32);
        }
    }
    let scale = old.units.len() as f64 / new.units.len().max(1) as f64;
    for unit in &new.units {
        let Some(ids) = copies.get(unit.norm.as_str()) else {
            continue;
        };
        let at = (unit.id as f64 * scale) as usize;
        let mid = ids.partition_point(|&o| (o as usize) < at);
        let from = mid.saturating_sub(k / 2 + 1);
        let to = (mid + k / 2 + 1).min(ids.len());
        pairs.extend(ids[from..to].iter().map(|&o| (o, unit.id as u32)));
    }
}

/// Postings of word pairs: one flat array grouped by key, found through an open-addressing
/// table (the keys are hashes already, so their low bits pick the slot).
struct ShingleIndex {
    keys: Vec<u32>,
    starts: Vec<u32>,
    units: Vec<u32>,
    /// Slot → key index + 1, 0 when empty; a power of two at least twice the keys.
    table: Vec<u32>,
}

impl ShingleIndex {
    /// Built without a list of `(key, unit)` pairs: the keys alone are sorted to find the
    /// distinct ones and their counts, then the units are written into place through the
    /// table, in unit order (each profile's shingles are distinct): the same postings as
    /// sorting `(key, unit)` pairs, in half their memory (on the largest inputs the
    /// indexes are the peak of the run).
    fn new(profiles: &[Profile]) -> ShingleIndex {
        let total: usize = profiles.iter().map(|p| p.shingles.len()).sum();
        let mut keys: Vec<u32> = Vec::with_capacity(total);
        keys.extend(profiles.iter().flat_map(|p| p.shingles.iter().copied()));
        keys.sort_unstable();
        // Distinct keys moved to the front, with where each one's postings start.
        let n_keys = keys.windows(2).filter(|w| w[0] != w[1]).count() + usize::from(total > 0);
        let mut starts: Vec<u32> = Vec::with_capacity(n_keys + 1);
        let mut distinct = 0;
        for i in 0..keys.len() {
            if i == 0 || keys[i] != keys[distinct - 1] {
                keys[distinct] = keys[i];
                starts.push(i as u32);
                distinct += 1;
            }
        }
        keys.truncate(distinct);
        keys.shrink_to_fit();
        starts.push(total as u32);
        let mask = (keys.len() * 2).next_power_of_two().max(2) - 1;
        let mut table = vec![0u32; mask + 1];
        for (i, &key) in keys.iter().enumerate() {
            let mut slot = key as usize & mask;
            while table[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            table[slot] = i as u32 + 1;
        }
        let mut index = ShingleIndex {
            keys,
            starts,
            units: vec![0; total],
            table,
        };
        let mut fill: Vec<u32> = index.starts[..index.keys.len()].to_vec();
        for (id, p) in profiles.iter().enumerate() {
            for &s in &p.shingles {
                let k = index.slot_of(s).expect("every shingle is a key");
                index.units[fill[k] as usize] = id as u32;
                fill[k] += 1;
            }
        }
        index
    }

    /// The index of `key` among the keys, if it is one.
    fn slot_of(&self, key: u32) -> Option<usize> {
        let mask = self.table.len() - 1;
        let mut slot = key as usize & mask;
        loop {
            match self.table[slot] {
                0 => return None,
                i if self.keys[i as usize - 1] == key => return Some(i as usize - 1),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    fn postings(&self, key: u32) -> &[u32] {
        match self.slot_of(key) {
            Some(i) => &self.units[self.starts[i] as usize..self.starts[i + 1] as usize],
            None => &[],
        }
    }
}

/// For each unit of `from`, its best units of `to`, as `(from_id, to_id)` pairs.
fn one_way(
    from: &Document,
    to: &Document,
    from_profiles: &[Profile],
    to_profiles: &[Profile],
    n_words: usize,
    limits: Limits,
) -> Vec<(u32, u32)> {
    let (index, shingles) = if to_profiles.len() + from_profiles.len() >= PARALLEL_MIN_UNITS {
        rayon::join(
            || WordIndex::new(to_profiles, n_words),
            || ShingleIndex::new(to_profiles),
        )
    } else {
        (
            WordIndex::new(to_profiles, n_words),
            ShingleIndex::new(to_profiles),
        )
    };
    let to_kinds: Vec<UnitKind> = to.units.iter().map(|u| u.kind).collect();
    let to_norms: Vec<f32> = to_profiles.iter().map(|p| p.norm).collect();
    let search = |range: Range<usize>| {
        let tables = Tables {
            index: &index,
            shingles: &shingles,
            to_kinds: &to_kinds,
            to_norms: &to_norms,
        };
        search(from, to, from_profiles, range, &tables, limits)
    };
    let n = from_profiles.len();
    if n < PARALLEL_MIN_UNITS {
        return search(0..n);
    }
    // Each unit's query reads the shared indexes only: fixed runs of units searched on
    // rayon's pool, each with its own scratch tables, joined in order.
    use rayon::prelude::*;
    let runs: Vec<Vec<(u32, u32)>> = (0..n.div_ceil(SEARCH_RUN))
        .into_par_iter()
        .map(|r| search(r * SEARCH_RUN..((r + 1) * SEARCH_RUN).min(n)))
        .collect();
    runs.concat()
}

/// Units of `from` searched by one rayon task in [`one_way`]: each run allocates a table
/// over all units of `to`, so runs are long enough for that to cost little.
const SEARCH_RUN: usize = 2_000;

/// The indexes of the `to` side that [`search`] reads.
struct Tables<'a> {
    index: &'a WordIndex,
    shingles: &'a ShingleIndex,
    to_kinds: &'a [UnitKind],
    to_norms: &'a [f32],
}

/// The best units of `to` for the units `range` of `from`, as `(from_id, to_id)` pairs.
fn search(
    from: &Document,
    to: &Document,
    from_profiles: &[Profile],
    range: Range<usize>,
    tables: &Tables<'_>,
    limits: Limits,
) -> Vec<(u32, u32)> {
    let Tables {
        index,
        shingles,
        to_kinds,
        to_norms,
    } = *tables;
    let to_profiles_len = to_norms.len();
    let mut out = Vec::with_capacity(range.len() * limits.candidates);
    // Per unit of `to`: (weighted word overlap, share of query word pairs found).
    let mut acc = vec![(0f32, 0f32); to_profiles_len];
    let mut touched: Vec<u32> = Vec::new();
    let mut query: Vec<(usize, u32, f32)> = Vec::new();
    let mut pair_query: Vec<(usize, u32)> = Vec::new();
    let mut ranked: Vec<(f32, f64, u32)> = Vec::new();
    let from_len = from.units.len().max(1) as f64;
    let to_len = to.units.len().max(1) as f64;
    let by_len = |a: &(usize, u32, f32), b: &(usize, u32, f32)| a.0.cmp(&b.0).then(a.1.cmp(&b.1));
    for (id, profile) in from_profiles
        .iter()
        .enumerate()
        .take(range.end)
        .skip(range.start)
    {
        let kind = from.units[id].kind;
        // The rarest words on the other side, within the posting limit.
        query.clear();
        query.extend(
            profile
                .terms
                .iter()
                .map(|&(w, x)| (index.postings(w).len(), w, x))
                .filter(|q| q.0 > 0 && q.0 <= limits.max_postings),
        );
        if query.len() > limits.query_words {
            query.select_nth_unstable_by(limits.query_words, by_len);
            query.truncate(limits.query_words);
        }
        for &(_, w, x) in &query {
            for &(other, y) in index.postings(w) {
                let slot = &mut acc[other as usize];
                if *slot == (0.0, 0.0) {
                    touched.push(other);
                }
                slot.0 += x * y;
            }
        }
        // The rarest word pairs, likewise.
        pair_query.clear();
        pair_query.extend(
            profile
                .shingles
                .iter()
                .map(|&s| (shingles.postings(s).len(), s))
                .filter(|q| q.0 > 0 && q.0 <= limits.max_postings),
        );
        if pair_query.len() > limits.query_words {
            pair_query.select_nth_unstable(limits.query_words);
            pair_query.truncate(limits.query_words);
        }
        let pair_share = 1.0 / pair_query.len().max(1) as f32;
        for &(_, s) in &pair_query {
            for &other in shingles.postings(s) {
                let slot = &mut acc[other as usize];
                if *slot == (0.0, 0.0) {
                    touched.push(other);
                }
                slot.1 += pair_share;
            }
        }
        let pos = (id as f64 + 0.5) / from_len;
        ranked.clear();
        ranked.extend(
            touched
                .iter()
                .filter(|&&o| compatible_either(kind, to_kinds[o as usize]))
                .map(|&o| {
                    let (words, pairs) = acc[o as usize];
                    let cos = words / (profile.norm * to_norms[o as usize]).max(f32::MIN_POSITIVE);
                    let dist = ((o as f64 + 0.5) / to_len - pos).abs();
                    (cos + pairs, dist, o)
                }),
        );
        for &o in &touched {
            acc[o as usize] = (0.0, 0.0);
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
        out.extend(ranked.iter().map(|r| (id as u32, r.2)));
    }
    out
}

/// Postings of words, `(unit, weight)` in unit order, in one flat array.
struct WordIndex {
    starts: Vec<u32>,
    postings: Vec<(u32, f32)>,
}

impl WordIndex {
    fn new(profiles: &[Profile], n_words: usize) -> WordIndex {
        let mut starts = vec![0u32; n_words + 1];
        for profile in profiles {
            for &(w, _) in &profile.terms {
                starts[w as usize + 1] += 1;
            }
        }
        for w in 0..n_words {
            starts[w + 1] += starts[w];
        }
        let mut fill = starts.clone();
        let mut postings = vec![(0u32, 0f32); starts[n_words] as usize];
        for (id, profile) in profiles.iter().enumerate() {
            for &(w, x) in &profile.terms {
                let at = &mut fill[w as usize];
                postings[*at as usize] = (id as u32, x);
                *at += 1;
            }
        }
        WordIndex { starts, postings }
    }

    fn postings(&self, w: u32) -> &[(u32, f32)] {
        &self.postings[self.starts[w as usize] as usize..self.starts[w as usize + 1] as usize]
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
