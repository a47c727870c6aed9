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

/// Units (both documents) from which the two directions of candidate generation run on two
/// threads, and (one document) from which one direction's units are searched in parallel
/// runs of [`SEARCH_RUN`].
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

/// Candidate pairs `(old, new)`, sorted and without duplicates.
pub fn candidates(
    old: &Document,
    new: &Document,
    old_profiles: &[Profile],
    new_profiles: &[Profile],
    n_words: usize,
    limits: Limits,
) -> Vec<(usize, usize)> {
    let big = old.units.len() + new.units.len() >= PARALLEL_MIN_UNITS;
    let (from_new, from_old) = if big {
        // The two directions are independent: two rayon tasks, results joined in a fixed
        // order, so the output is the same whatever the number of threads.
        let (from_old, from_new) = rayon::join(
            || one_way(old, new, old_profiles, new_profiles, n_words, limits),
            || one_way(new, old, new_profiles, old_profiles, n_words, limits),
        );
        (from_new, from_old)
    } else {
        (
            one_way(new, old, new_profiles, old_profiles, n_words, limits),
            one_way(old, new, old_profiles, new_profiles, n_words, limits),
        )
    };
    let mut copies = Vec::new();
    identical(old, new, limits.candidates, &mut copies);
    // Sized exactly: growth by doubling would hold up to twice the pairs at the peak.
    let mut pairs: Vec<(usize, usize)> =
        Vec::with_capacity(from_new.len() + from_old.len() + copies.len());
    pairs.extend(from_new.into_iter().map(|(n, o)| (o as usize, n as usize)));
    pairs.extend(from_old.into_iter().map(|(o, n)| (o as usize, n as usize)));
    pairs.append(&mut copies);
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Pairs of identical texts, whatever their words: a text repeated many times (`Not
/// applicable.`, `[Reserved]`) has only common words, which the indexes skip. Each new unit
/// gets the `k` old copies of its text nearest to its relative position.
fn identical(old: &Document, new: &Document, k: usize, pairs: &mut Vec<(usize, usize)>) {
    // Whole paragraphs are hashed: the eight-bytes-a-step word hasher is several times
    // faster than the default SipHash here, and the map is never iterated.
    let mut copies: HashMap<&str, Vec<usize>, FastHash> = HashMap::default();
    for unit in &old.units {
        if !unit.norm.is_empty() {
            copies.entry(unit.norm.as_str()).or_default().push(unit.id);
        }
    }
    let scale = old.units.len() as f64 / new.units.len().max(1) as f64;
    for unit in &new.units {
        let Some(ids) = copies.get(unit.norm.as_str()) else {
            continue;
        };
        let at = (unit.id as f64 * scale) as usize;
        let mid = ids.partition_point(|&o| o < at);
        let from = mid.saturating_sub(k / 2 + 1);
        let to = (mid + k / 2 + 1).min(ids.len());
        pairs.extend(ids[from..to].iter().map(|&o| (o, unit.id)));
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
    fn new(profiles: &[Profile]) -> ShingleIndex {
        let mut all: Vec<(u32, u32)> = profiles
            .iter()
            .enumerate()
            .flat_map(|(id, p)| p.shingles.iter().map(move |&s| (s, id as u32)))
            .collect();
        all.sort_unstable();
        let mut keys = Vec::new();
        let mut starts = Vec::new();
        let mut units = Vec::with_capacity(all.len());
        for (i, &(key, unit)) in all.iter().enumerate() {
            if i == 0 || all[i - 1].0 != key {
                keys.push(key);
                starts.push(i as u32);
            }
            units.push(unit);
        }
        starts.push(all.len() as u32);
        let mask = (keys.len() * 2).next_power_of_two().max(2) - 1;
        let mut table = vec![0u32; mask + 1];
        for (i, &key) in keys.iter().enumerate() {
            let mut slot = key as usize & mask;
            while table[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            table[slot] = i as u32 + 1;
        }
        ShingleIndex {
            keys,
            starts,
            units,
            table,
        }
    }

    fn postings(&self, key: u32) -> &[u32] {
        let mask = self.table.len() - 1;
        let mut slot = key as usize & mask;
        loop {
            match self.table[slot] {
                0 => return &[],
                i if self.keys[i as usize - 1] == key => {
                    let i = i as usize - 1;
                    return &self.units[self.starts[i] as usize..self.starts[i + 1] as usize];
                }
                _ => slot = (slot + 1) & mask,
            }
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
    let index = WordIndex::new(to_profiles, n_words);
    let shingles = ShingleIndex::new(to_profiles);
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
