//! Gaps: weaker links between two in-order links.
//!
//! Once the strong links are made, the in-order ones (the heaviest order-preserving chain
//! of links) cut both documents into gaps: the units left over between two consecutive
//! links, on each side. Being between the same two neighbours is itself evidence, so inside
//! a gap:
//! - a block of `k ≤` [`REPLACED_MAX`] old units facing exactly `k` new units of matching
//!   kinds is taken as rewritten in place, pair by pair, when each pair's word evidence
//!   (without characters or position) reaches
//!   [`replace_min_score`](super::AlignOptions::replace_min_score) (diff's "changed lines");
//!   one heading facing one heading with nothing else between the two links needs no words
//!   in common: it is the section's heading renamed, placed by the links on both sides;
//! - otherwise the in-order pairs reaching
//!   [`gap_min_score`](super::AlignOptions::gap_min_score) with the largest total are linked
//!   (a small dynamic programme over the gap, at most [`GAP_MAX_PAIRS`] pairs).
//!
//! Cost: `O(L log L)` for the chain of `L` links, plus at most `GAP_MAX_PAIRS` pair scores per
//! gap, so linear in the document size.

use super::classify::chain_weight;
use super::evidence;
use super::merges::Group;
use super::order::heaviest_chain;
use super::{AlignOptions, Context, compatible};
use crate::model::UnitKind;

/// Largest block rewritten in place: beyond three paragraphs facing three, equal counts are
/// more likely a coincidence than a rewrite.
pub const REPLACED_MAX: usize = 3;

/// Largest gap (old units × new units) searched for weaker links; larger gaps are left as
/// removals and additions, which keeps the work per gap bounded.
pub const GAP_MAX_PAIRS: usize = 64;

/// Adds the links found in the gaps between in-order links to `groups`. A gap of one old
/// heading facing one new heading, and nothing else between the two links, is that
/// section's heading renamed, whatever its words ("Enforcement" → "Moderation"): the links
/// on both sides place it. (A gap whose other units were linked elsewhere as moves places
/// nothing: there the headings stand among moved text.)
pub fn fill(groups: &mut Vec<Group>, ctx: &mut Context, options: &AlignOptions) {
    let (n_old, n_new) = (ctx.old.units.len(), ctx.new.units.len());
    // Units held out (markup, article labels) are never linked here: not free to take.
    let mut old_free: Vec<bool> = ctx.old_held.iter().map(|&m| !m).collect();
    let mut new_free: Vec<bool> = ctx.new_held.iter().map(|&m| !m).collect();
    for g in groups.iter() {
        g.old.iter().for_each(|&o| old_free[o] = false);
        g.new.iter().for_each(|&n| new_free[n] = false);
    }
    let weighted: Vec<(usize, usize, f64)> = groups
        .iter()
        .map(|g| {
            (
                g.old[0],
                g.new[0],
                chain_weight(g.old.len(), g.new.len(), g.score),
            )
        })
        .collect();
    let mut anchors: Vec<(usize, usize, usize, usize)> = heaviest_chain(&weighted)
        .into_iter()
        .map(|k| {
            let g = &groups[k];
            (
                g.old[0],
                g.old[g.old.len() - 1],
                g.new[0],
                g.new[g.new.len() - 1],
            )
        })
        .collect();
    anchors.sort_unstable();
    // Gaps: after each anchor (and before the first) up to the next.
    let mut bounds = Vec::with_capacity(anchors.len() + 1);
    let mut prev = (0usize, 0usize);
    for &(o_first, o_last, n_first, n_last) in &anchors {
        bounds.push((prev.0, o_first, prev.1, n_first));
        prev = (o_last + 1, n_last + 1);
    }
    bounds.push((prev.0, n_old, prev.1, n_new));
    for (o_from, o_to, n_from, n_to) in bounds {
        if o_from >= o_to || n_from >= n_to {
            continue;
        }
        let olds: Vec<usize> = (o_from..o_to).filter(|&o| old_free[o]).collect();
        let news: Vec<usize> = (n_from..n_to).filter(|&n| new_free[n]).collect();
        if olds.is_empty() || news.is_empty() || olds.len() * news.len() > GAP_MAX_PAIRS {
            continue;
        }
        // Nothing else between the two links: the lone units are each other's only
        // neighbours' neighbours.
        let alone = o_to - o_from == 1 && n_to - n_from == 1;
        let found = replaced_block(&olds, &news, alone, ctx, options)
            .unwrap_or_else(|| best_in_order(&olds, &news, ctx, options));
        for (o, n, score) in found {
            groups.push(Group {
                old: vec![o],
                new: vec![n],
                score,
            });
        }
    }
}

/// `k` old units facing `k` new units of matching kinds, each pair similar enough; an old
/// heading facing a new one `alone` between two links (no other unit, linked or not, on
/// either side) needs no words in common.
fn replaced_block(
    olds: &[usize],
    news: &[usize],
    alone: bool,
    ctx: &mut Context,
    options: &AlignOptions,
) -> Option<Vec<(usize, usize, f64)>> {
    if olds.len() != news.len() || olds.len() > REPLACED_MAX {
        return None;
    }
    let mut out = Vec::with_capacity(olds.len());
    for (&o, &n) in olds.iter().zip(news) {
        if !compatible(ctx.old.units[o].kind, ctx.new.units[n].kind) || !ctx.same_block(o, n) {
            return None;
        }
        let p = ctx.pair(o, n);
        let lone_headings = alone
            && ctx.old.units[o].kind == UnitKind::Heading
            && ctx.new.units[n].kind == UnitKind::Heading;
        if !lone_headings && evidence::words_score(&p.measures) < options.replace_min_score {
            return None;
        }
        out.push((o, n, p.score));
    }
    Some(out)
}

/// The in-order pairs of the gap at or above `gap_min_score` with the largest total excess.
fn best_in_order(
    olds: &[usize],
    news: &[usize],
    ctx: &mut Context,
    options: &AlignOptions,
) -> Vec<(usize, usize, f64)> {
    let (a, b) = (olds.len(), news.len());
    let mut score = vec![f64::NEG_INFINITY; a * b];
    for (i, &o) in olds.iter().enumerate() {
        for (j, &n) in news.iter().enumerate() {
            if compatible(ctx.old.units[o].kind, ctx.new.units[n].kind) && ctx.same_block(o, n) {
                let s = ctx.pair(o, n).score;
                if s >= options.gap_min_score {
                    score[i * b + j] = s;
                }
            }
        }
    }
    // best[i][j]: best total using olds[i..] and news[j..].
    let mut best = vec![0f64; (a + 1) * (b + 1)];
    for i in (0..a).rev() {
        for j in (0..b).rev() {
            let skip = best[(i + 1) * (b + 1) + j].max(best[i * (b + 1) + j + 1]);
            let s = score[i * b + j];
            let take = if s.is_finite() {
                s - options.gap_min_score + 1e-9 + best[(i + 1) * (b + 1) + j + 1]
            } else {
                f64::NEG_INFINITY
            };
            best[i * (b + 1) + j] = skip.max(take);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a && j < b {
        let s = score[i * b + j];
        let here = best[i * (b + 1) + j];
        if s.is_finite()
            && (here - (s - options.gap_min_score + 1e-9 + best[(i + 1) * (b + 1) + j + 1])).abs()
                < 1e-12
        {
            out.push((olds[i], news[j], s));
            i += 1;
            j += 1;
        } else if best[(i + 1) * (b + 1) + j] >= best[i * (b + 1) + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::align::testing::paras;
    use crate::align::{AlignOptions, align};

    const A: &str = "Volcanic soils hold water well and feed the vineyards of the southern slopes.";
    const B: &str = "Glaciers carved the northern valleys, leaving lakes and moraines behind them.";
    const C: &str = "The railway reached the capital in 1871, and trade with the coast doubled.";

    fn links(old: &[&str], new: &[&str], options: &AlignOptions) -> Vec<(Vec<usize>, Vec<usize>)> {
        align(&paras(old), &paras(new), options)
            .links
            .into_iter()
            .map(|l| (l.old, l.new))
            .collect()
    }

    #[test]
    fn a_paragraph_rewritten_in_place_is_linked() {
        // One shared informative word ("glaciers") between the two middle paragraphs.
        let rewritten = "Glaciers shaped everything up north, as any hiker soon notices.";
        let got = links(&[A, B, C], &[A, rewritten, C], &AlignOptions::new());
        assert_eq!(
            got,
            vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
        // With this rule and the weaker links off, only the identical paragraphs link.
        let off = AlignOptions::new()
            .replace_min_score(2.0)
            .gap_min_score(0.9)
            .min_score(0.9)
            .move_min_score(0.9);
        assert_eq!(links(&[A, B, C], &[A, rewritten, C], &off).len(), 2);
    }

    #[test]
    fn a_lone_heading_renamed_between_two_links_is_linked() {
        use crate::align::testing::doc;
        use crate::model::UnitKind::{Heading, Paragraph};
        // "Enforcement" became "Moderation": no word in common, but the only heading
        // between the same two paragraphs on both sides.
        let old = doc(&[
            (Paragraph, None, A),
            (Heading, None, "Enforcement"),
            (Paragraph, None, C),
        ]);
        let new = doc(&[
            (Paragraph, None, A),
            (Heading, None, "Moderation"),
            (Paragraph, None, C),
        ]);
        let got: Vec<(Vec<usize>, Vec<usize>)> = align(&old, &new, &AlignOptions::new())
            .links
            .into_iter()
            .map(|l| (l.old, l.new))
            .collect();
        assert_eq!(
            got,
            vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
        // Two headings facing two are matched by their words, not their places.
        let old = doc(&[
            (Paragraph, None, A),
            (Heading, None, "Enforcement"),
            (Heading, None, "Scope"),
            (Paragraph, None, C),
        ]);
        let new = doc(&[
            (Paragraph, None, A),
            (Heading, None, "Moderation"),
            (Heading, None, "Appeals"),
            (Paragraph, None, C),
        ]);
        assert_eq!(align(&old, &new, &AlignOptions::new()).links.len(), 2);
    }

    #[test]
    fn texts_sharing_no_word_are_never_paired_in_place() {
        let other = "Nothing here resembles anything before it.";
        let got = links(&[A, B, C], &[A, other, C], &AlignOptions::new());
        assert_eq!(got, vec![(vec![0], vec![0]), (vec![2], vec![2])]);
    }

    #[test]
    fn unequal_gaps_take_only_pairs_with_real_evidence() {
        let kept = "Glaciers carved the northern valleys and left many lakes behind.";
        let fresh = "Orchards of apricots cover the hills east of the old market town.";
        let got = links(&[A, B, C], &[A, fresh, kept, C], &AlignOptions::new());
        assert_eq!(
            got,
            vec![(vec![0], vec![0]), (vec![1], vec![2]), (vec![2], vec![3])]
        );
    }
}
