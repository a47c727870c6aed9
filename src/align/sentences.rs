//! Sentence alignment across the whole pair, and the unit links it implies.
//!
//! Units are compared whole by the other steps; but when a paragraph's sentences are spread
//! over several reworded new paragraphs, or a new paragraph gathers sentences from several
//! old ones, no whole-unit measure is high, while each carried sentence is plain to see.
//! So every sentence (clause) of the new version looks for its source among *all* the
//! sentences of the old version:
//!
//! 1. Sentence words are weighted by their rarity among sentences (`ln((S + 1) / df)` over
//!    the `S` sentences of both documents), and a sentence repeated `k` times in one
//!    document (boilerplate, stock phrases) counts `1 / k`: it says little about *which*
//!    unit holds it, however rare its words are elsewhere.
//! 2. Candidates come from an inverted index of old sentences by word: a new sentence queries
//!    its [`QUERY_WORDS`] rarest words, skipping words found in more than [`MAX_POSTINGS`]
//!    sentences, and keeps its [`CANDIDATES`] best old sentences by shared weight (ties by
//!    relative position, then id). A sentence left with fewer than [`SATURATED_BELOW`]
//!    such words (a long document of stock phrases, where every word is common) also
//!    queries the pairs of its [`PAIR_WORDS`] rarest words, from an index of the old
//!    sentences in the same state: two words common alone are rare together. `O(S · q ·
//!    p)`, nothing proportional to the product of the two documents' sizes.
//! 3. Each candidate is measured exactly: the shared weight as a share of each side's
//!    weight. A pair *matches* when the two sentences share most of their weight (weighted
//!    Dice at least the threshold), or when one holds nearly all of the other (a sentence
//!    cut in two, or two joined). The threshold adapts to the pair: it is at least
//!    [`MATCH_MIN`], and at least the [`NOISE_QUANTILE`] quantile of the best *rival*
//!    similarity (the second-best candidate of each new sentence), so that a document whose
//!    sentences all resemble each other must show more than its usual resemblance.
//! 4. Matches are summed per (old unit, new unit): the shares of each unit's sentence
//!    weight carried across. These pairs are handed to the unit aligner as candidates, and
//!    after it has decided, [`attach`] links the pairs it left out: a unit left over joins
//!    a link as a merge or split piece, and a pair whose units are both linked elsewhere
//!    (a paragraph spread over several, sentences reshuffled between two) becomes a link
//!    of its own when a whole sentence was carried.

use std::collections::HashMap;

use super::merges::{Group, gain};
use super::tokens::{FastHash, Profile};
use super::{AlignOptions, Context, compatible};

/// New sentences below which the search stays on one thread.
const PARALLEL_MIN_SENTENCES: usize = 20_000;

/// Query words per sentence: a sentence's 6 rarest words find its source (8 found the same
/// links on the corpus and on generated pairs, at twice the cost at 100,000 paragraphs).
pub const QUERY_WORDS: usize = 6;

/// A word found in more than this many old sentences names no sentence; its postings are
/// not walked, which bounds a query's cost whatever the document size. The bound is one of
/// cost: the larger the document, the more sentences a word rare in proportion is found
/// in, and at 50 a sentence spread into another paragraph of a 100,000-paragraph
/// shared-stock pair often had no word left to query (F1 0.983, seeds 1 and 2; 0.991 and
/// 0.990 at 200, and the same at 10,000 paragraphs and on the gold corpus). At 200 the whole
/// comparison of that pair takes the same time within noise (15.1–15.8 s).
pub const MAX_POSTINGS: usize = 200;

/// A sentence with fewer words than this under [`MAX_POSTINGS`] is *saturated*: its words
/// alone would find few or no candidates, so pairs of its rarest words are queried too (two
/// words common alone are rare together: `school feeding` with `independent review`).
pub const SATURATED_BELOW: usize = 3;

/// Rarest words of a saturated sentence whose pairs are keys (10 pairs).
pub const PAIR_WORDS: usize = 5;

/// Candidate old sentences measured per new sentence: room for a sentence joined from two
/// plus a rival.
pub const CANDIDATES: usize = 4;

/// Lowest weighted Dice of two sentences taken as the same sentence reworded: rewording
/// keeps most of a sentence's rare words.
pub const MATCH_MIN: f32 = 0.5;

/// A sentence's best match must beat its best rival by this much (in weighted Dice) when
/// both reach the threshold: otherwise the sentence is ambiguous and proves nothing.
pub const AMBIGUITY_MARGIN: f32 = 0.1;

/// One side of a pair holding this share of the other's weight is a piece of it (a sentence
/// cut in two, or two joined into one).
pub const PIECE_MIN: f32 = 0.8;

/// The adaptive floor: the best rival similarity of 90% of the new sentences stays below
/// the threshold.
pub const NOISE_QUANTILE: f64 = 0.9;

/// The threshold never rises above this, so that a document of near-identical sentences can
/// still match its identical ones.
pub const MATCH_MAX: f32 = 0.8;

/// Sentences lighter than this (in sentence-idf units, about two rare words) are not
/// aligned: a heading-like fragment or a list marker says nothing on its own.
pub const MIN_WEIGHT: f32 = 4.0;

/// A pair found only by sentences is linked on its own when a carried sentence makes up at
/// least this share of the new unit or of the old unit.
pub const LINK_SHARE: f32 = 0.3;

/// A pair found only by sentences is also linked when one sentence of this weight (shared
/// sentence-idf, about four rare words) was carried whole, however long the two units: a
/// paragraph gathering one sentence from each of four old ones carries a fifth of each.
pub const LINK_WEIGHT: f32 = 10.0;

/// Even a whole sentence says little when it is a sliver of both units: a clause of a long
/// chapter paragraph that reappears in another long one (a reworded aside) is not what
/// either paragraph became. Below a tenth of both, a carried sentence links nothing.
pub const LINK_MIN_SHARE: f32 = 0.1;

/// Evidence that some sentences of an old unit are carried into a new unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Carried {
    /// Old unit.
    pub old: usize,
    /// New unit.
    pub new: usize,
    /// Share of the old unit's sentence weight carried into the new unit.
    pub old_share: f32,
    /// Share of the new unit's sentence weight coming from the old unit.
    pub new_share: f32,
    /// Weight of the heaviest sentence carried (shared sentence-idf, times its trust).
    pub best: f32,
}

/// One sentence: its unit, its words (borrowed from its unit's profile; their weights
/// here are the sentence-level idf, looked up by word), its weight and multiplicity.
struct Sent<'a> {
    unit: u32,
    words: &'a [(u32, f32)],
    weight: f32,
    /// `1 / k` for a sentence repeated `k` times in its document.
    trust: f32,
}

/// The sentences of one document's profiles, weighted by `idf`, with repeats counted.
fn sentences<'a>(profiles: &'a [Profile], idf: &[f32]) -> Vec<Sent<'a>> {
    let mut out = Vec::new();
    let mut repeats: HashMap<u64, u32, FastHash> = HashMap::default();
    for (u, p) in profiles.iter().enumerate() {
        for s in &p.sentences {
            let words = &s.words[..];
            let weight = words.iter().map(|&(w, _)| idf[w as usize]).sum();
            *repeats.entry(key(words)).or_default() += 1;
            out.push(Sent {
                unit: u as u32,
                words,
                weight,
                trust: 1.0,
            });
        }
    }
    for s in &mut out {
        s.trust = 1.0 / repeats.get(&key(s.words)).copied().unwrap_or(1).max(1) as f32;
    }
    out
}

/// Adds `x` to old sentence `o`'s shared query weight, noting it among those `touched`.
fn credit(acc: &mut [f32], touched: &mut Vec<u32>, o: u32, x: f32) {
    if acc[o as usize] == 0.0 {
        touched.push(o);
    }
    acc[o as usize] += x;
}

/// A hash of a sentence's word set (collisions only make a sentence look repeated).
fn key(words: &[(u32, f32)]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = FastHash::default().build_hasher();
    for &(w, _) in words {
        h.write_u32(w);
    }
    h.finish()
}

/// Shared weight (`idf`) of two sentences' sorted word lists.
fn shared(a: &[(u32, f32)], b: &[(u32, f32)], idf: &[f32]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += idf[a[i].0 as usize];
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Weight (`idf`) of the words of `new` found in `old` and not yet `covered`; marks them
/// covered.
fn fresh(new: &[(u32, f32)], old: &[(u32, f32)], covered: &mut [bool], idf: &[f32]) -> f32 {
    let (mut i, mut j, mut g) = (0, 0, 0f32);
    while i < new.len() && j < old.len() {
        match new[i].0.cmp(&old[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !covered[i] {
                    covered[i] = true;
                    g += idf[new[i].0 as usize];
                }
                i += 1;
                j += 1;
            }
        }
    }
    g
}

/// The sentence matches of the pair, summed per (old unit, new unit), sorted by
/// `(old, new)`. Only pairs of compatible kinds are kept.
pub fn carried(ctx: &Context, n_words: usize) -> Vec<Carried> {
    // Sentence-level rarity over both documents.
    let mut df = vec![0u32; n_words];
    let mut total = 0usize;
    for p in ctx.old_profiles.iter().chain(&ctx.new_profiles) {
        for s in &p.sentences {
            total += 1;
            for &(w, _) in &s.words {
                df[w as usize] += 1;
            }
        }
    }
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((total as f32 + 1.0) / d.max(1) as f32).ln())
        .collect();
    let olds = sentences(&ctx.old_profiles, &idf);
    let news = sentences(&ctx.new_profiles, &idf);

    // Inverted index of old sentences: word → sentence ids, in one flat array.
    let mut starts = vec![0u32; n_words + 1];
    for s in &olds {
        for &(w, _) in s.words {
            starts[w as usize + 1] += 1;
        }
    }
    for w in 0..n_words {
        starts[w + 1] += starts[w];
    }
    let mut fill = starts.clone();
    let mut postings = vec![0u32; starts[n_words] as usize];
    for (id, s) in olds.iter().enumerate() {
        for &(w, _) in s.words {
            postings[fill[w as usize] as usize] = id as u32;
            fill[w as usize] += 1;
        }
    }
    drop(fill);
    let post = |w: u32| &postings[starts[w as usize] as usize..starts[w as usize + 1] as usize];
    // Saturated sentences (every rare word of theirs in too many sentences, as in a long
    // document of stock phrases) are indexed by pairs of their rarest words as well.
    let saturated = |words: &[(u32, f32)]| {
        words
            .iter()
            .filter(|&&(w, _)| (1..=MAX_POSTINGS).contains(&post(w).len()))
            .count()
            < SATURATED_BELOW
    };
    let pairs_of = |words: &[(u32, f32)], out: &mut Vec<u64>| {
        let mut rare: Vec<(usize, u32)> = words
            .iter()
            .map(|&(w, _)| (post(w).len(), w))
            .filter(|q| q.0 > 0)
            .collect();
        rare.sort_unstable();
        rare.truncate(PAIR_WORDS);
        rare.sort_unstable_by_key(|q| q.1);
        out.clear();
        for (i, &(_, a)) in rare.iter().enumerate() {
            for &(_, b) in &rare[i + 1..] {
                out.push(u64::from(a) << 32 | u64::from(b));
            }
        }
    };
    let mut pair_index: Vec<(u64, u32)> = Vec::new();
    let mut keys = Vec::new();
    for (id, s) in olds.iter().enumerate() {
        if s.weight >= MIN_WEIGHT && saturated(s.words) {
            pairs_of(s.words, &mut keys);
            pair_index.extend(keys.iter().map(|&k| (k, id as u32)));
        }
    }
    pair_index.sort_unstable();
    let pair_post = |key: u64| {
        let from = pair_index.partition_point(|e| e.0 < key);
        let to = pair_index.partition_point(|e| e.0 <= key);
        &pair_index[from..to]
    };

    let n_old = ctx.old.units.len().max(1) as f32;
    let n_new = ctx.new.units.len().max(1) as f32;
    // Per new sentence: its measured candidates (old sentence, dice, old share, new share).
    let run = |piece: &[Sent]| -> Vec<Vec<(u32, f32, f32, f32)>> {
        let mut acc = vec![0f32; olds.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut query: Vec<(usize, u32, f32)> = Vec::new();
        let mut ranked: Vec<(f32, f32, u32)> = Vec::new();
        let mut keys = Vec::new();
        let mut found = Vec::with_capacity(piece.len());
        for s in piece {
            let mut measured = Vec::new();
            if s.weight >= MIN_WEIGHT {
                query.clear();
                query.extend(
                    s.words
                        .iter()
                        .map(|&(w, _)| (post(w).len(), w, idf[w as usize]))
                        .filter(|q| q.0 > 0 && q.0 <= MAX_POSTINGS),
                );
                let by_len = |a: &(usize, u32, f32), b: &(usize, u32, f32)| {
                    a.0.cmp(&b.0).then(a.1.cmp(&b.1))
                };
                if query.len() > QUERY_WORDS {
                    query.select_nth_unstable_by(QUERY_WORDS, by_len);
                    query.truncate(QUERY_WORDS);
                }
                for &(_, w, x) in &query {
                    for &o in post(w) {
                        credit(&mut acc, &mut touched, o, x);
                    }
                }
                if !pair_index.is_empty() && saturated(s.words) {
                    pairs_of(s.words, &mut keys);
                    for &k in &keys {
                        let hits = pair_post(k);
                        if hits.len() > MAX_POSTINGS {
                            continue;
                        }
                        let x = idf[(k >> 32) as usize] + idf[(k & 0xffff_ffff) as usize];
                        for &(_, o) in hits {
                            credit(&mut acc, &mut touched, o, x);
                        }
                    }
                }
                let here = (s.unit as f32 + 0.5) / n_new;
                ranked.clear();
                ranked.extend(touched.iter().map(|&o| {
                    let there = (olds[o as usize].unit as f32 + 0.5) / n_old;
                    (acc[o as usize], (here - there).abs(), o)
                }));
                for &o in &touched {
                    acc[o as usize] = 0.0;
                }
                touched.clear();
                let by_rank = |a: &(f32, f32, u32), b: &(f32, f32, u32)| {
                    b.0.total_cmp(&a.0)
                        .then(a.1.total_cmp(&b.1))
                        .then(a.2.cmp(&b.2))
                };
                if ranked.len() > CANDIDATES {
                    ranked.select_nth_unstable_by(CANDIDATES, by_rank);
                    ranked.truncate(CANDIDATES);
                }
                ranked.sort_by(by_rank);
                for &(_, _, o) in &ranked {
                    let other = &olds[o as usize];
                    if other.weight < MIN_WEIGHT {
                        continue;
                    }
                    let sh = shared(other.words, s.words, &idf);
                    let dice = 2.0 * sh / (other.weight + s.weight);
                    measured.push((o, dice, sh / other.weight, sh / s.weight));
                }
                measured.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            }
            found.push(measured);
        }
        found
    };
    // Large pairs: the new sentences in fixed consecutive pieces on rayon's pool, joined in
    // order; each sentence's matches depend on it alone, so the result is the same whatever
    // the number of threads.
    let found: Vec<Vec<(u32, f32, f32, f32)>> = if news.len() < PARALLEL_MIN_SENTENCES {
        run(&news)
    } else {
        use rayon::prelude::*;
        let pieces: Vec<Vec<_>> = news
            .par_chunks(PARALLEL_MIN_SENTENCES / 2)
            .map(run)
            .collect();
        pieces.into_iter().flatten().collect()
    };
    let mut rivals: Vec<f32> = found.iter().filter_map(|m| m.get(1).map(|r| r.1)).collect();
    let threshold = adaptive_threshold(&mut rivals);

    // Matches summed per unit pair.
    let mut per_pair: Vec<(u32, u32, f32)> = Vec::new();
    let mut covered: Vec<bool> = Vec::new();
    for (s, measured) in news.iter().zip(&found) {
        covered.clear();
        covered.resize(s.words.len(), false);
        for (k, &(o, dice, old_in, new_in)) in measured.iter().enumerate() {
            // A sentence matching two old ones about as well (page furniture, stock
            // phrases) does not say which it comes from.
            let clear = measured
                .get(1)
                .is_none_or(|r| r.1 < threshold || dice - r.1 >= AMBIGUITY_MARGIN);
            let whole = dice >= threshold && k == 0 && clear;
            let piece = old_in.max(new_in) >= PIECE_MIN && dice >= MATCH_MIN * 0.5;
            if !(whole || piece) {
                continue;
            }
            let other = &olds[o as usize];
            // A further source must bring words the earlier ones did not (a copy of the
            // same sentence elsewhere brings nothing).
            if fresh(s.words, other.words, &mut covered, &idf) < (1.0 - PIECE_MIN) * s.weight {
                continue;
            }
            let trust = other.trust.min(s.trust);
            let sh = dice * 0.5 * (other.weight + s.weight);
            per_pair.push((other.unit, s.unit, sh * trust));
        }
    }
    per_pair.sort_by_key(|a| (a.0, a.1));
    let mut old_mass = vec![0f32; ctx.old_profiles.len()];
    for s in &olds {
        old_mass[s.unit as usize] += s.weight;
    }
    let mut new_mass = vec![0f32; ctx.new_profiles.len()];
    for s in &news {
        new_mass[s.unit as usize] += s.weight;
    }
    let mut out: Vec<Carried> = Vec::new();
    for (o, n, sh) in per_pair {
        let (o, n) = (o as usize, n as usize);
        if !compatible(ctx.old.units[o].kind, ctx.new.units[n].kind) || !ctx.same_block(o, n) {
            continue;
        }
        let a = sh / old_mass[o].max(f32::MIN_POSITIVE);
        let b = sh / new_mass[n].max(f32::MIN_POSITIVE);
        match out.last_mut() {
            Some(last) if last.old == o && last.new == n => {
                last.old_share += a;
                last.new_share += b;
                last.best = last.best.max(sh);
            }
            _ => out.push(Carried {
                old: o,
                new: n,
                old_share: a,
                new_share: b,
                best: sh,
            }),
        }
    }
    for c in &mut out {
        c.old_share = c.old_share.min(1.0);
        c.new_share = c.new_share.min(1.0);
    }
    out
}

/// The match threshold of this pair (see the module docs).
fn adaptive_threshold(rivals: &mut [f32]) -> f32 {
    if rivals.is_empty() {
        return MATCH_MIN;
    }
    rivals.sort_by(f32::total_cmp);
    let at = ((rivals.len() - 1) as f64 * NOISE_QUANTILE).round() as usize;
    rivals[at].clamp(MATCH_MIN, MATCH_MAX)
}

/// Links the sentence pairs the unit aligner left out (see the module docs).
pub fn attach(groups: &mut Vec<Group>, carried: &[Carried], ctx: &Context, options: &AlignOptions) {
    let (n_old, n_new) = (ctx.old.units.len(), ctx.new.units.len());
    let mut old_group: Vec<Option<usize>> = vec![None; n_old];
    let mut new_group: Vec<Option<usize>> = vec![None; n_new];
    for (g, group) in groups.iter().enumerate() {
        group.old.iter().for_each(|&o| old_group[o] = Some(g));
        group.new.iter().for_each(|&n| new_group[n] = Some(g));
    }
    let mut order: Vec<&Carried> = carried
        .iter()
        .filter(|c| {
            let share = c.old_share.max(c.new_share);
            share >= LINK_SHARE || (c.best >= LINK_WEIGHT && share >= LINK_MIN_SHARE)
        })
        .collect();
    order.sort_by(|a, b| {
        let s = |c: &Carried| c.old_share + c.new_share;
        s(b).total_cmp(&s(a))
            .then((a.old, a.new).cmp(&(b.old, b.new)))
    });
    for c in order {
        let (o, n) = (c.old, c.new);
        // A unit already linked takes a further partner only when it brings text the
        // link's partners do not already supply (a copy elsewhere brings nothing).
        let brings = |group: Option<usize>, old_side: bool| match group {
            None => true,
            Some(g) if old_side => {
                gain(&ctx.new_profiles[n], &groups[g].old, o, &ctx.old_profiles) >= options.min_gain
            }
            Some(g) => {
                gain(&ctx.old_profiles[o], &groups[g].new, n, &ctx.new_profiles) >= options.min_gain
            }
        };
        if old_group[o] != new_group[n]
            && !(brings(new_group[n], true) && brings(old_group[o], false))
        {
            continue;
        }
        match (old_group[o], new_group[n]) {
            (Some(a), Some(b)) if a == b => {}
            (None, None) => {
                old_group[o] = Some(groups.len());
                new_group[n] = Some(groups.len());
                groups.push(Group {
                    old: vec![o],
                    new: vec![n],
                    score: (c.old_share * c.new_share).sqrt() as f64,
                });
            }
            (None, Some(g)) if groups[g].new.len() == 1 => {
                groups[g].old.push(o);
                groups[g].old.sort_unstable();
                old_group[o] = Some(g);
            }
            (Some(g), None) if groups[g].old.len() == 1 => {
                groups[g].new.push(n);
                groups[g].new.sort_unstable();
                new_group[n] = Some(g);
            }
            _ => {
                // Both units are linked elsewhere (or the piece cannot join a link that is
                // already a split or a merge the other way): a link of its own.
                let g = groups.len();
                groups.push(Group {
                    old: vec![o],
                    new: vec![n],
                    score: (c.old_share * c.new_share).sqrt() as f64,
                });
                old_group[o].get_or_insert(g);
                new_group[n].get_or_insert(g);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::align::testing::paras;
    use crate::align::{AlignOptions, align};

    /// Sentence `i` of a document written with 40 words, 8 a sentence: every word is in
    /// about a fifth of the sentences (too many to name one), pairs of them are rare.
    fn stock_sentence(i: u64) -> String {
        const SYLLABLES: [&str; 8] = ["ba", "ko", "tu", "mi", "re", "sa", "lo", "ne"];
        let word = |w: u64| {
            let w = w as usize;
            [w % 8, w / 8 % 8, (w * 3 + 1) % 8]
                .map(|k| SYLLABLES[k])
                .concat()
        };
        let step = |x: u64| {
            x.wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407)
        };
        let mut state = step(i);
        let mut words: Vec<u64> = Vec::new();
        while words.len() < 8 {
            state = step(state);
            let w = (state >> 33) % 40;
            if !words.contains(&w) {
                words.push(w);
            }
        }
        let text = words.into_iter().map(word).collect::<Vec<_>>().join(" ");
        let mut chars = text.chars();
        let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or(' ');
        format!("{first}{}.", chars.as_str())
    }

    #[test]
    fn a_sentence_of_common_words_is_found_by_its_rare_pairs() {
        // Old paragraph 0 is spread over three new paragraphs, one sentence in three each,
        // in a document of 400 paragraphs where no single word is rare enough to query.
        let filler: Vec<String> = (0..400)
            .map(|p| {
                (0..3)
                    .map(|k| stock_sentence(10 + 3 * p + k))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let spread: Vec<String> = (0..3).map(stock_sentence).collect();
        let mut old: Vec<String> = vec![spread.join(" ")];
        old.extend(filler.iter().cloned());
        let mut new: Vec<String> = filler.clone();
        for (k, at) in [(0, 100), (1, 200), (2, 300)] {
            let fresh = |j| stock_sentence(5000 + 2 * k as u64 + j);
            new.insert(at + k, format!("{} {} {}", fresh(0), spread[k], fresh(1)));
        }
        let (old, new) = (paras(&refs(&old)), paras(&refs(&new)));
        let texts = |d: &crate::model::Document| -> Vec<String> {
            d.units.iter().map(|u| u.text.clone()).collect()
        };
        let (old_texts, new_texts) = (texts(&old), texts(&new));
        let (_, _, carried, _) = crate::align::scored_pairs(
            &old,
            &new,
            (&refs(&old_texts), &refs(&new_texts)),
            &AlignOptions::new(),
        );
        let from_first: Vec<(usize, f32)> = carried
            .iter()
            .filter(|c| c.old == 0)
            .map(|c| (c.new, c.old_share))
            .collect();
        let targets: Vec<usize> = from_first.iter().map(|c| c.0).collect();
        assert_eq!(targets, vec![100, 201, 302]);
        // A third of the old paragraph each.
        assert!(from_first.iter().all(|c| (c.1 - 1.0 / 3.0).abs() < 0.02));
    }

    fn refs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }

    #[test]
    fn a_paragraph_spread_over_reworded_ones_links_to_each() {
        let old = paras(&[
            "Volcanic soils hold water well and feed the vineyards of the southern slopes. \
             Glaciers carved the northern valleys, leaving lakes and moraines behind them. \
             Fishing fleets leave the harbour before dawn and return with sardines at noon.",
            "The railway reached the capital in 1871, and trade with the coast doubled.",
        ]);
        let new = paras(&[
            "Farmers say volcanic soils hold water well and feed the vineyards on southern \
             slopes. Wine is the main export.",
            "The railway reached the capital in 1871, and trade with the coast doubled.",
            "Tourists admire how glaciers carved the northern valleys, leaving lakes and \
             moraines behind them. Hiking is popular.",
            "Fishing fleets still leave the harbour before dawn and return with sardines at \
             noon. Markets open early.",
        ]);
        let a = align(&old, &new, &AlignOptions::new());
        let mut pairs: Vec<(usize, usize)> = a
            .links
            .iter()
            .flat_map(|l| {
                l.old
                    .iter()
                    .flat_map(|&o| l.new.iter().map(move |&n| (o, n)))
            })
            .collect();
        pairs.sort_unstable();
        assert_eq!(pairs, vec![(0, 0), (0, 2), (0, 3), (1, 1)]);
    }

    #[test]
    fn the_threshold_rises_with_the_rivals() {
        let mut low = vec![0.1, 0.2, 0.3];
        assert_eq!(super::adaptive_threshold(&mut low), super::MATCH_MIN);
        let mut high = vec![0.7; 20];
        assert!((super::adaptive_threshold(&mut high) - 0.7).abs() < 1e-6);
        assert_eq!(super::adaptive_threshold(&mut []), super::MATCH_MIN);
    }
}
