//! The global one-to-one decision: an in-order backbone, then moves.
//!
//! 1. Among the eligible candidate pairs (at or above
//!    [`min_score`](super::AlignOptions::min_score), or kept by the fitted link model,
//!    `keep.rs`), the heaviest order-preserving chain ([`order::heaviest_chain`]) is the backbone: the
//!    set of in-order links that together carry the most evidence. Weights are squared
//!    scores, so one strong pair outweighs two weak ones that cross it.
//! 2. Pairs off the backbone at or above
//!    [`move_min_score`](super::AlignOptions::move_min_score) become *moved* links, strongest
//!    first. Such a pair may displace the links holding its units when it beats each of them
//!    by [`steal_margin`](super::AlignOptions::steal_margin): a paragraph is given to its
//!    best match, not to whoever came first.
//! 3. Units freed in step 2 may still take a weaker eligible pair that fits
//!    between their in-order neighbours.
//!
//! `O(E log E)` for `E` scored pairs.

use std::collections::BTreeMap;

use super::order::heaviest_chain;
use super::{AlignOptions, Scored};

/// A one-to-one link chosen by [`assign`]: indices into the scored pairs.
pub type Chosen = Vec<usize>;

/// Chooses one-to-one links among `pairs` (sorted by `(old, new)`) whose flag in `keep`
/// is set.
pub fn assign(
    pairs: &[Scored],
    keep: &[bool],
    n_old: usize,
    n_new: usize,
    options: &AlignOptions,
) -> Chosen {
    let eligible: Vec<usize> = (0..pairs.len()).filter(|&i| keep[i]).collect();
    let weighted: Vec<(usize, usize, f64)> = eligible
        .iter()
        .map(|&i| (pairs[i].old, pairs[i].new, pairs[i].score * pairs[i].score))
        .collect();
    let mut old_link: Vec<Option<usize>> = vec![None; n_old];
    let mut new_link: Vec<Option<usize>> = vec![None; n_new];
    // In-order links by old id, to test whether a pair fits between its neighbours.
    let mut backbone: BTreeMap<usize, usize> = BTreeMap::new();
    for k in heaviest_chain(&weighted) {
        let i = eligible[k];
        old_link[pairs[i].old] = Some(i);
        new_link[pairs[i].new] = Some(i);
        backbone.insert(pairs[i].old, pairs[i].new);
    }

    let mut by_score = eligible.clone();
    by_score.sort_by(|&a, &b| {
        pairs[b]
            .score
            .total_cmp(&pairs[a].score)
            .then(pairs[a].old.cmp(&pairs[b].old))
            .then(pairs[a].new.cmp(&pairs[b].new))
    });
    // Step 2: moves, possibly displacing weaker links.
    for &i in &by_score {
        let p = &pairs[i];
        if p.score < options.move_min_score {
            break;
        }
        let holders: Vec<usize> = [old_link[p.old], new_link[p.new]]
            .into_iter()
            .flatten()
            .collect();
        if holders.contains(&i) {
            continue;
        }
        if holders
            .iter()
            .all(|&h| pairs[h].score + options.steal_margin <= p.score)
        {
            for &h in &holders {
                old_link[pairs[h].old] = None;
                new_link[pairs[h].new] = None;
                backbone.remove(&pairs[h].old);
            }
            old_link[p.old] = Some(i);
            new_link[p.new] = Some(i);
        }
    }
    // Step 3: freed units take weaker pairs that fit the order.
    for &i in &by_score {
        let p = &pairs[i];
        if old_link[p.old].is_some() || new_link[p.new].is_some() {
            continue;
        }
        let before = backbone.range(..p.old).next_back().map(|(_, &n)| n);
        let after = backbone.range(p.old + 1..).next().map(|(_, &n)| n);
        if before.is_none_or(|b| b < p.new) && after.is_none_or(|a| p.new < a) {
            old_link[p.old] = Some(i);
            new_link[p.new] = Some(i);
            backbone.insert(p.old, p.new);
        }
    }
    let mut chosen: Chosen = old_link.into_iter().flatten().collect();
    chosen.sort_unstable();
    chosen
}

/// The last step: a pair that is the best candidate of both its units, both left unlinked
/// by every step before, eligible (`keep`) but below
/// [`move_min_score`](super::AlignOptions::move_min_score) because it crosses the order, is a
/// link after all. Order asks more evidence of a crossing pair because a rival in place may
/// be the true one; a pair that no rival beats on either side, left over when everything
/// else is decided, has that evidence. Returns the indices of such pairs in `pairs`.
pub fn mutual_leftovers(
    pairs: &[Scored],
    keep: &[bool],
    linked_old: &[bool],
    linked_new: &[bool],
) -> Vec<usize> {
    let mut best_old = vec![0.0f64; linked_old.len()];
    let mut best_new = vec![0.0f64; linked_new.len()];
    for p in pairs {
        best_old[p.old] = best_old[p.old].max(p.score);
        best_new[p.new] = best_new[p.new].max(p.score);
    }
    (0..pairs.len())
        .filter(|&i| {
            let p = &pairs[i];
            keep[i]
                && !linked_old[p.old]
                && !linked_new[p.new]
                && p.score >= best_old[p.old]
                && p.score >= best_new[p.new]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(old: usize, new: usize, score: f64) -> Scored {
        Scored {
            old,
            new,
            score,
            measures: Default::default(),
        }
    }

    #[test]
    fn a_leftover_pair_is_linked_only_when_no_rival_beats_it_on_either_side() {
        // Old 0 and new 1 are left free; (0, 1) is the best of both: a link. Old 2 and new 2
        // are free too, but new 2's best is old 1 (linked elsewhere): (2, 2) has a rival.
        let pairs = [pair(0, 1, 0.35), pair(1, 2, 0.5), pair(2, 2, 0.4)];
        let keep = [true, true, true];
        let linked_old = [false, true, false];
        let linked_new = [true, false, false];
        assert_eq!(
            mutual_leftovers(&pairs, &keep, &linked_old, &linked_new),
            vec![0]
        );
        // Not eligible: not linked.
        assert!(
            mutual_leftovers(&pairs, &[false, true, true], &linked_old, &linked_new).is_empty()
        );
    }
}
