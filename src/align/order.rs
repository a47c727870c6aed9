//! Document order: the heaviest chain of pairs that keeps the order of both documents.
//!
//! Given weighted pairs `(old, new)`, [`heaviest_chain`] finds the set of pairs with the
//! largest total weight in which both the old and the new ids strictly increase (a weighted
//! longest increasing subsequence). Pairs are visited by new id, and a Fenwick tree over old
//! ids answers "best chain ending before this old id" in `O(log n)`: `O(E log E)` in all for
//! `E` pairs. Ties are broken deterministically (earliest pair wins).
//!
//! The aligner uses it twice: to pick the in-order backbone among candidate pairs, and to
//! decide which final links are *moved* (those off the heaviest in-order chain of links).

/// Indices (into `pairs`) of the heaviest strictly increasing chain, in chain order.
///
/// `pairs` are `(old, new, weight)`; pairs with a non-positive weight are never chosen.
pub fn heaviest_chain(pairs: &[(usize, usize, f64)]) -> Vec<usize> {
    if pairs.is_empty() {
        return Vec::new();
    }
    let n_old = pairs.iter().map(|p| p.0).max().unwrap_or(0) + 1;
    let mut order: Vec<usize> = (0..pairs.len()).filter(|&i| pairs[i].2 > 0.0).collect();
    // By new id ascending; within one new id, by old id descending, so that no two pairs
    // with the same new id can chain.
    order.sort_by(|&a, &b| {
        pairs[a]
            .1
            .cmp(&pairs[b].1)
            .then(pairs[b].0.cmp(&pairs[a].0))
            .then(a.cmp(&b))
    });
    let mut tree = Fenwick::new(n_old);
    let mut best = vec![0f64; pairs.len()];
    let mut parent = vec![usize::MAX; pairs.len()];
    for &i in &order {
        let (o, _, w) = pairs[i];
        let (prev_w, prev) = tree.max_before(o);
        best[i] = prev_w + w;
        parent[i] = prev;
        tree.update(o, best[i], i);
    }
    let (_, mut last) = tree.max_before(n_old);
    let mut chain = Vec::new();
    while last != usize::MAX {
        chain.push(last);
        last = parent[last];
    }
    chain.reverse();
    chain
}

/// A Fenwick tree of prefix maxima `(weight, index)`.
struct Fenwick {
    tree: Vec<(f64, usize)>,
}

impl Fenwick {
    fn new(n: usize) -> Fenwick {
        Fenwick {
            tree: vec![(0.0, usize::MAX); n + 1],
        }
    }

    /// Records a chain of weight `w` ending at old id `o` with pair `i`.
    fn update(&mut self, o: usize, w: f64, i: usize) {
        let mut k = o + 1;
        while k < self.tree.len() {
            if w > self.tree[k].0 {
                self.tree[k] = (w, i);
            }
            k += k & k.wrapping_neg();
        }
    }

    /// The heaviest chain ending at an old id `< o`.
    fn max_before(&self, o: usize) -> (f64, usize) {
        let mut k = o.min(self.tree.len() - 1);
        let mut best = (0.0, usize::MAX);
        while k > 0 {
            if self.tree[k].0 > best.0 {
                best = self.tree[k];
            }
            k -= k & k.wrapping_neg();
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_heavier_of_two_crossing_chains() {
        // 0→0, 1→1, 2→2 in order; 3→0 crosses them with a large weight.
        let pairs = [(0, 0, 1.0), (1, 1, 1.0), (2, 2, 1.0), (3, 0, 2.5)];
        assert_eq!(heaviest_chain(&pairs), vec![0, 1, 2]);
        let pairs = [(0, 0, 1.0), (1, 1, 1.0), (2, 2, 1.0), (3, 0, 3.5)];
        assert_eq!(heaviest_chain(&pairs), vec![3]);
    }

    #[test]
    fn a_move_leaves_the_chain() {
        // Old 0 moved to the end: new order is 1, 2, 3, 0.
        let pairs = [(1, 0, 1.0), (2, 1, 1.0), (3, 2, 1.0), (0, 3, 1.0)];
        assert_eq!(heaviest_chain(&pairs), vec![0, 1, 2]);
    }

    #[test]
    fn no_two_pairs_share_an_id() {
        let pairs = [(0, 0, 1.0), (1, 0, 1.0), (1, 1, 1.0), (1, 2, 0.5)];
        let chain = heaviest_chain(&pairs);
        assert_eq!(chain, vec![0, 2]);
    }

    #[test]
    fn empty_and_weightless_inputs() {
        assert!(heaviest_chain(&[]).is_empty());
        assert!(heaviest_chain(&[(0, 0, 0.0)]).is_empty());
    }
}
