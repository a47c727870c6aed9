//! Merges and splits: grow one-to-one links into many-to-one and one-to-many.
//!
//! An old unit left without a link joins the link of a new unit (a *merge*) when most of
//! its text is found there — its weighted words ([`containment`](super::evidence)) or its
//! sentences — and when it brings words the link's other old units do not already supply
//! (the new unit's coverage by the old side grows by at least
//! [`min_gain`](super::AlignOptions::min_gain)). Symmetrically a new unit left without a
//! link joins the link of an old unit (a *split*). A link is never both a merge and a split.
//!
//! Candidates are visited strongest first, so a piece goes to the whole that holds it best.
//! Cost: `O(E log E)` to sort the `E` scored pairs, plus one profile join per accepted piece.

use super::tokens::{Profile, join};
use super::{AlignOptions, Context, Scored};

/// A link under construction: old and new unit ids, each sorted.
#[derive(Debug, Clone, Default)]
pub struct Group {
    /// Old unit ids.
    pub old: Vec<usize>,
    /// New unit ids.
    pub new: Vec<usize>,
    /// The score that made the link (of its first pair).
    pub score: f64,
}

/// Share of `part`'s weight found in `whole`.
pub fn contained(part: &Profile, whole: &Profile) -> f32 {
    if part.mass <= 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0f32);
    while i < part.terms.len() && j < whole.terms.len() {
        let (a, x) = part.terms[i];
        let (b, y) = whole.terms[j];
        match a.cmp(&b) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += x.min(y);
                i += 1;
                j += 1;
            }
        }
    }
    (shared / part.mass).clamp(0.0, 1.0)
}

/// Adds merges and splits to `groups` (made of one-to-one links).
pub fn grow(groups: &mut [Group], pairs: &[Scored], ctx: &Context, options: &AlignOptions) {
    let (old_profiles, new_profiles) = (&ctx.old_profiles, &ctx.new_profiles);
    let mut old_group: Vec<Option<usize>> = vec![None; old_profiles.len()];
    let mut new_group: Vec<Option<usize>> = vec![None; new_profiles.len()];
    for (g, group) in groups.iter().enumerate() {
        for &o in &group.old {
            old_group[o] = Some(g);
        }
        for &n in &group.new {
            new_group[n] = Some(g);
        }
    }
    // (strength, is_merge, pair index)
    let mut pieces: Vec<(f32, bool, usize)> = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        let m = &p.measures;
        if old_group[p.old].is_none() && new_group[p.new].is_some() {
            pieces.push((m.old_in_new.max(m.old_sentences), true, i));
        } else if new_group[p.new].is_none() && old_group[p.old].is_some() {
            pieces.push((m.new_in_old.max(m.new_sentences), false, i));
        }
    }
    // A piece is found in its whole more than in any other unit (see `boost`).
    let (old_best, new_best) = best_strengths(pairs, old_profiles.len(), new_profiles.len());
    pieces.retain(|&(strength, is_merge, i)| {
        let best = if is_merge {
            old_best[pairs[i].old]
        } else {
            new_best[pairs[i].new]
        };
        strength as f64 >= options.merge_min
            && pairs[i].score >= options.gap_min_score
            && strength >= best
    });
    // A piece of another kind of block than its whole (a formula set apart as a code block
    // from the sentence that held it) joins only when it is the whole's own words.
    pieces.retain(|p| {
        let q = &pairs[p.2];
        ctx.same_block(q.old, q.new) || p.0 >= CROSS_BLOCK_MIN
    });
    pieces.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
    for (_, is_merge, i) in pieces {
        let p = &pairs[i];
        if is_merge {
            let Some(g) = new_group[p.new] else { continue };
            if old_group[p.old].is_some()
                || groups[g].new.len() != 1
                || groups[g].old.len() >= MAX_GROUP
            {
                continue;
            }
            let whole = &new_profiles[groups[g].new[0]];
            let gain = gain(whole, &groups[g].old, p.old, old_profiles);
            if gain >= options.min_gain {
                groups[g].old.push(p.old);
                groups[g].old.sort_unstable();
                old_group[p.old] = Some(g);
            }
        } else {
            let Some(g) = old_group[p.old] else { continue };
            if new_group[p.new].is_some()
                || groups[g].old.len() != 1
                || groups[g].new.len() >= MAX_GROUP
            {
                continue;
            }
            let whole = &old_profiles[groups[g].old[0]];
            let gain = gain(whole, &groups[g].new, p.new, new_profiles);
            if gain >= options.min_gain {
                groups[g].new.push(p.new);
                groups[g].new.sort_unstable();
                new_group[p.new] = Some(g);
            }
        }
    }
}

/// Least share of a piece found in its whole when the two are different kinds of block
/// ([`Block`](crate::model::Block)): a code block or table joins a prose link only when
/// (nearly) all its weighted words are the prose's own, as when a formula or a command
/// written in a sentence is set apart as a block. Code that a paragraph merely discusses
/// shares its identifiers, not all its words.
const CROSS_BLOCK_MIN: f32 = 0.9;

/// Most units on the many side of one merge or split: each piece re-joins the others to
/// measure its gain, so this bounds that work (real merges join a handful of paragraphs).
pub const MAX_GROUP: usize = 16;

/// Most pieces considered for one merge or split.
const MAX_PIECES: usize = 4;

/// Raises the scores of pairs that are pieces of one merge or split to the score of the
/// whole: three old paragraphs each holding a third of a new one score poorly one by one,
/// but their union matches it well. Pieces are pairs whose smaller side is mostly found in
/// the larger (see [`merge_min`](super::AlignOptions::merge_min)).
pub fn boost(pairs: &mut [Scored], ctx: &mut Context, options: &AlignOptions) {
    // A piece is found in its whole more than in any other unit: a paragraph whose words
    // are better kept elsewhere is no piece of this merge.
    let (old_best, new_best) = best_strengths(pairs, ctx.old.units.len(), ctx.new.units.len());
    // Merges: by new unit; splits: by old unit.
    for merge in [true, false] {
        let key = |p: &Scored| if merge { p.new } else { p.old };
        let strength = |p: &Scored| {
            let m = &p.measures;
            if merge {
                m.old_in_new.max(m.old_sentences)
            } else {
                m.new_in_old.max(m.new_sentences)
            }
        };
        let (best, piece): (&[f32], fn(&Scored) -> usize) = if merge {
            (&old_best, |p| p.old)
        } else {
            (&new_best, |p| p.new)
        };
        let mut order: Vec<usize> = (0..pairs.len())
            .filter(|&i| {
                strength(&pairs[i]) as f64 >= options.merge_min
                    && pairs[i].score >= options.gap_min_score
                    && strength(&pairs[i]) >= best[piece(&pairs[i])]
            })
            .collect();
        order.sort_by(|&a, &b| {
            key(&pairs[a])
                .cmp(&key(&pairs[b]))
                .then(strength(&pairs[b]).total_cmp(&strength(&pairs[a])))
                .then(a.cmp(&b))
        });
        let mut start = 0;
        while start < order.len() {
            let mut end = start;
            while end < order.len() && key(&pairs[order[end]]) == key(&pairs[order[start]]) {
                end += 1;
            }
            let group: Vec<usize> = order[start..end].iter().copied().take(MAX_PIECES).collect();
            start = end;
            if group.len() < 2 {
                continue;
            }
            let mut pieces: Vec<usize> = group
                .iter()
                .map(|&i| if merge { pairs[i].old } else { pairs[i].new })
                .collect();
            pieces.sort_unstable();
            let whole = [key(&pairs[group[0]])];
            let joined = if merge {
                ctx.joined(&pieces, &whole)
            } else {
                ctx.joined(&whole, &pieces)
            };
            for &i in &group {
                if joined > pairs[i].score {
                    pairs[i].score = joined;
                }
            }
        }
    }
}

/// For each old unit, the largest share of it found in any new unit of its candidate
/// pairs (words or sentences), and the same for each new unit in the old ones: a unit is a
/// piece of a merge or split only where it is found most.
fn best_strengths(pairs: &[Scored], n_old: usize, n_new: usize) -> (Vec<f32>, Vec<f32>) {
    let (mut old_best, mut new_best) = (vec![0f32; n_old], vec![0f32; n_new]);
    for p in pairs {
        let m = &p.measures;
        old_best[p.old] = old_best[p.old].max(m.old_in_new.max(m.old_sentences));
        new_best[p.new] = new_best[p.new].max(m.new_in_old.max(m.new_sentences));
    }
    (old_best, new_best)
}

/// How much more of `whole` is covered by `sources` plus `piece` than by `sources` alone.
pub fn gain(whole: &Profile, sources: &[usize], piece: usize, profiles: &[Profile]) -> f64 {
    let before: Vec<&Profile> = sources.iter().map(|&s| &profiles[s]).collect();
    let mut after = before.clone();
    after.push(&profiles[piece]);
    (contained(whole, &join(&after)) - contained(whole, &join(&before))) as f64
}

#[cfg(test)]
mod tests {
    use crate::align::testing::paras;
    use crate::align::{AlignOptions, align};
    use crate::model::LinkShape;

    const A: &str = "Volcanic soils hold water well and feed the vineyards of the southern slopes.";
    const D: &str = "The railway reached the capital in 1871, and trade with the coast doubled.";

    #[test]
    fn a_paragraph_kept_better_elsewhere_is_no_piece_of_a_merge() {
        // Code civil before and after the 2016 reform (align corpus, dev): the old "contrat
        // de bienfaisance" (line 23) shares a stock phrase with the new "commutatif"
        // definition (line 65), which old "commutatif" (line 17) became, but its words
        // are kept best in the new "à titre gratuit" one (line 61): it is no piece of a
        // merge into line 65.
        let dir = "tests/corpus/align/law-fr-code-civil-contrats-2016";
        let old = include_str!("../../tests/corpus/align/law-fr-code-civil-contrats-2016/old.md");
        let new = include_str!("../../tests/corpus/align/law-fr-code-civil-contrats-2016/new.md");
        let old = crate::segment::segment(&format!("{dir}/old.md"), old, &Default::default());
        let new = crate::segment::segment(&format!("{dir}/new.md"), new, &Default::default());
        let a = align(&old, &new, &AlignOptions::new());
        let at = |doc: &crate::model::Document, line: usize| {
            doc.units
                .iter()
                .position(|u| u.line == line)
                .expect("a unit starts there")
        };
        let (commutatif, bienfaisance) = (at(&old, 17), at(&old, 23));
        let link = a
            .links
            .iter()
            .find(|l| l.old.contains(&commutatif))
            .expect("old commutatif is linked");
        assert_eq!(link.new, [at(&new, 65)]);
        assert!(!link.old.contains(&bienfaisance), "{link:?}");
    }

    #[test]
    fn three_short_remarks_merged_into_one_paragraph() {
        let r1 = "Canada stressed that the notion of shared benefit is vague.";
        let r2 = "Canada then asked the committee to define the notion first.";
        let r3 = "Canada finally recalled the principles set out in resolution 60/251.";
        let merged = "Canada stressed that the notion of shared benefit is vague and asked the \
                      committee to define it first; it finally recalled the principles set out in \
                      resolution 60/251 and the instruments the Council was built upon.";
        let a = align(
            &paras(&[A, r1, r2, r3, D]),
            &paras(&[A, merged, D]),
            &AlignOptions::new(),
        );
        let link = a
            .links
            .iter()
            .find(|l| l.new == vec![1])
            .expect("merge link");
        assert_eq!(link.old, vec![1, 2, 3]);
        assert_eq!(link.shape, LinkShape::Merge);
        assert!(a.removed.is_empty());
    }

    #[test]
    fn a_repeated_piece_is_not_merged_twice() {
        let piece = "Glaciers carved the northern valleys, leaving lakes and moraines behind.";
        let whole = format!("{piece} Fishing fleets leave the harbour before dawn.");
        let a = align(
            &paras(&[piece, piece]),
            &paras(&[&whole]),
            &AlignOptions::new(),
        );
        assert_eq!(a.links.len(), 1);
        assert_eq!(a.links[0].old.len(), 1, "the copy brings nothing new");
        assert_eq!(a.removed.len(), 1);
    }

    #[test]
    fn contained_measures_the_share_of_the_part() {
        use crate::align::tokens::profiles;
        let (_, o, n) = profiles(&paras(&["alpha beta"]), &paras(&["alpha beta gamma delta"]));
        assert!((super::contained(&o[0], &n[0]) - 1.0).abs() < 1e-6);
        assert!(super::contained(&n[0], &o[0]) < 0.9);
    }

    /// Aligns two Markdown texts.
    fn align_md(old: &str, new: &str) -> crate::model::Alignment {
        let read = |text: &str| crate::segment::segment("t.md", text, &Default::default());
        align(&read(old), &read(new), &AlignOptions::new())
    }

    #[test]
    fn code_a_paragraph_discusses_does_not_join_its_link() {
        // SE-0306 actors pitch vs accepted (align corpus, dev): the old paragraph quoting
        // a compiler error and the error itself as a code block; the new paragraph only
        // mentions the error. The code block is not part of the paragraph's descent.
        let old = "Based on the above, `parallelForEach` would need its closure parameter \
                   will be `@escaping`. The second example (with `parallelForEach`) will be \
                   rejected with an error that names the property balance.\n\n```\n\
                   error: actor-isolated property 'balance' is unsafe to reference in code \
                   that may execute concurrently\n```\n";
        let new = "With actors, the attempt to reference `other.balance` in code that may \
                   execute concurrently triggers a compiler error, because `balance` is \
                   actor-isolated and unsafe to reference there; the closure parameter of \
                   `parallelForEach` will be `@escaping`.\n";
        let a = align_md(old, new);
        assert!(a.removed.contains(&1), "{a:#?}");
    }

    #[test]
    fn a_formula_set_apart_as_code_joins_the_sentence_it_left() {
        // QUIC recovery draft -20 vs -21 (align corpus, dev): the threshold formula,
        // written in a sentence, became a code block of its own after the sentence.
        let old = "Once a later packet has been acknowledged, an endpoint SHOULD declare an \
                   earlier packet lost if it was sent a threshold amount of time in the past. \
                   The time threshold is computed as kTimeThreshold * max(SRTT, latest_RTT).\n";
        let new = "Once a later packet within the same packet number space has been \
                   acknowledged, an endpoint SHOULD declare an earlier packet lost if it was \
                   sent a threshold amount of time in the past. The time threshold is:\n\n\
                   ~~~\nkTimeThreshold * max(SRTT, latest_RTT)\n~~~\n";
        let a = align_md(old, new);
        assert_eq!(a.links.len(), 1, "{a:#?}");
        assert_eq!(a.links[0].new, vec![0, 1]);
        assert_eq!(a.links[0].shape, LinkShape::Split);
    }
}
