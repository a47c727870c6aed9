//! Turning groups of units into [`Link`]s: shape, change, score, evidence, moved.
//!
//! - *shape*: one-to-one, merge (several old), split (several new);
//! - *change*: `Unchanged` when the normalised texts and printed numbers agree, `Renumbered`
//!   when only the numbers differ, `Edited` when character or word similarity reaches
//!   [`EDITED_MIN`], `Rewritten` otherwise;
//! - *score* and *evidence*: the measures of the joined old side against the joined new side;
//! - *moved*: links off the heaviest order-preserving chain of links, a link weighing the
//!   number of unit pairs it joins (so a merge of three paragraphs keeps its place against
//!   three separate ones) plus half its score.
//!
//! `O(L log L)` for `L` links, plus the (bounded) character similarity of each link.

use crate::model::{Change, Link, LinkShape};

use super::evidence::{self, Scorer};
use super::merges::Group;
use super::order::heaviest_chain;
use super::tokens::join;
use super::{Context, Originals, par_map};

/// A link is a light edit (not a rewrite) when its character similarity or its word cosine
/// reaches this: at 0.6 most of the wording is kept.
pub const EDITED_MIN: f64 = 0.6;

/// The weight of a link (or group) of `old` × `new` units with `score` in the heaviest
/// order-preserving chain, which decides what moved: the number of unit pairs it joins (so
/// a merge of three paragraphs keeps its place against three separate ones) plus half its
/// score (so between equal counts the surer link stays in place).
pub(crate) fn chain_weight(old: usize, new: usize, score: f64) -> f64 {
    (old * new) as f64 + 0.5 * score
}

/// Builds the links of `groups` (of original units, measured through their pieces in
/// `ctx`), sorted by first new unit.
/// The links are built on up to two threads (each link is independent of the others).
pub fn links(groups: &[Group], ctx: &Context, units: &Originals, words: usize) -> Vec<Link> {
    let groups: Vec<&Group> = groups
        .iter()
        .filter(|g| !g.old.is_empty() && !g.new.is_empty())
        .collect();
    let mut links: Vec<Link> = par_map(&groups, words, |g, scorer| link(g, ctx, units, scorer));
    links.sort_by_key(|l| l.new[0]);
    let weighted: Vec<(usize, usize, f64)> = links
        .iter()
        .map(|l| {
            (
                l.old[0],
                l.new[0],
                chain_weight(l.old.len(), l.new.len(), l.score),
            )
        })
        .collect();
    for link in &mut links {
        link.moved = true;
    }
    for k in heaviest_chain(&weighted) {
        links[k].moved = false;
    }
    links
}

fn link(g: &Group, ctx: &Context, units: &Originals, scorer: &mut Scorer) -> Link {
    let (old, new) = (units.old, units.new);
    let old_side = join(
        &g.old
            .iter()
            .flat_map(|&o| units.old_pieces[o].clone())
            .map(|p| &ctx.old_profiles[p])
            .collect::<Vec<_>>(),
    );
    let new_side = join(
        &g.new
            .iter()
            .flat_map(|&n| units.new_pieces[n].clone())
            .map(|p| &ctx.new_profiles[p])
            .collect::<Vec<_>>(),
    );
    let m = scorer.measures(&old_side, &new_side);
    drop((old_side, new_side));
    let old_texts: Vec<&str> = g.old.iter().map(|&o| old.units[o].norm.as_str()).collect();
    let new_texts: Vec<&str> = g.new.iter().map(|&n| new.units[n].norm.as_str()).collect();
    let chars = evidence::chars_joined(&old_texts, &new_texts);
    let position = evidence::position(g.old[0], old.units.len(), g.new[0], new.units.len());
    let shape = match (g.old.len(), g.new.len()) {
        (1, 1) => LinkShape::OneToOne,
        (_, 1) => LinkShape::Merge,
        _ => LinkShape::Split,
    };
    let change = if shape == LinkShape::OneToOne && old_texts[0] == new_texts[0] {
        if old.units[g.old[0]].number == new.units[g.new[0]].number {
            Change::Unchanged
        } else {
            Change::Renumbered
        }
    } else if chars.max(m.cosine as f64) >= EDITED_MIN {
        Change::Edited
    } else {
        Change::Rewritten
    };
    let score = if change == Change::Unchanged || change == Change::Renumbered {
        1.0
    } else {
        // Merges and splits are judged by how well each side holds the other as a whole.
        evidence::score(&m, Some(chars), position)
    };
    Link {
        old: g.old.clone(),
        new: g.new.clone(),
        score,
        shape,
        change,
        moved: false,
        evidence: evidence::evidence(&m, chars, position),
    }
}
