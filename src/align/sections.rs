//! Sections: a heading follows the content of its section.
//!
//! A heading is a few words, often renamed ("Enforcement" → "Moderation") or renumbered
//! ("§ 233" → "§ 232b", "Art. 4" → "Art. 5"), so its own text is weak evidence. The
//! paragraphs under it are strong evidence: when most of the linked content of an old
//! section went to one new section, and most of that new section's linked content came
//! from it, the two headings head the same section. After the other steps:
//! - an old heading left unlinked is linked to such a new heading, when that one is free;
//! - an old heading linked one-to-one to a different new heading whose section took none
//!   of its content is relinked to such a free new heading instead (renumbered sections,
//!   where "§ 2" is now the title of other text). An unchanged heading keeps its link.
//!
//! A section is the run of units after a heading up to the next heading, whatever the
//! levels. Only links of non-heading units vote, each once per pair of sections it joins.
//! Nothing here is a threshold on a score: a heading needs [`SECTION_MIN_LINKS`] links of
//! its content and a majority both ways.
//!
//! Cost: one pass over the links and one over the headings, `O(L log L)` for `L` links.

use std::collections::BTreeMap;

use super::Context;
use super::merges::Group;
use crate::model::{Document, UnitKind};

/// Fewest links of section content that vouch for a heading link: one paragraph in common
/// can be a coincidence or a move; two that agree are a section.
pub const SECTION_MIN_LINKS: usize = 2;

/// Links and relinks headings by the links of their sections' content (see the module
/// docs). Deterministic: headings are taken in document order, ties go to the first.
pub fn relink(groups: &mut Vec<Group>, ctx: &Context) {
    let old_section = sections(ctx.old);
    let new_section = sections(ctx.new);
    let is_heading = |doc: &Document, u: usize| doc.units[u].kind == UnitKind::Heading;

    // votes[(h_old, h_new)]: links joining content of both sections; totals per section.
    let mut votes: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut old_total: BTreeMap<usize, usize> = BTreeMap::new();
    let mut new_total: BTreeMap<usize, usize> = BTreeMap::new();
    for g in groups.iter() {
        if g.old.iter().any(|&o| is_heading(ctx.old, o))
            || g.new.iter().any(|&n| is_heading(ctx.new, n))
        {
            continue;
        }
        let mut olds: Vec<usize> = g.old.iter().filter_map(|&o| old_section[o]).collect();
        let mut news: Vec<usize> = g.new.iter().filter_map(|&n| new_section[n]).collect();
        olds.sort_unstable();
        olds.dedup();
        news.sort_unstable();
        news.dedup();
        for &h in &olds {
            *old_total.entry(h).or_default() += 1;
        }
        for &h in &news {
            *new_total.entry(h).or_default() += 1;
        }
        for &ho in &olds {
            for &hn in &news {
                *votes.entry((ho, hn)).or_default() += 1;
            }
        }
    }

    // Current one-to-one heading links, both ways.
    let mut old_link: BTreeMap<usize, usize> = BTreeMap::new();
    let mut new_used = vec![false; ctx.new.units.len()];
    let mut old_used = vec![false; ctx.old.units.len()];
    for (i, g) in groups.iter().enumerate() {
        g.old.iter().for_each(|&o| old_used[o] = true);
        g.new.iter().for_each(|&n| new_used[n] = true);
        if let ([o], [n]) = (g.old.as_slice(), g.new.as_slice())
            && is_heading(ctx.old, *o)
            && is_heading(ctx.new, *n)
        {
            old_link.insert(*o, i);
        }
    }

    let mut drop = vec![false; groups.len()];
    let mut added = Vec::new();
    for (&ho, &total_o) in &old_total {
        if total_o < SECTION_MIN_LINKS {
            continue;
        }
        // The new section that took most of this one's content (first on ties).
        let Some((hn, v)) = votes
            .range((ho, 0)..=(ho, usize::MAX))
            .map(|(&(_, hn), &v)| (hn, v))
            .fold(None, |best: Option<(usize, usize)>, (hn, v)| match best {
                Some((_, bv)) if bv >= v => best,
                _ => Some((hn, v)),
            })
        else {
            continue;
        };
        let total_n = new_total.get(&hn).copied().unwrap_or(0);
        if v < SECTION_MIN_LINKS || 2 * v <= total_o || 2 * v <= total_n || new_used[hn] {
            continue;
        }
        match old_link.get(&ho) {
            Some(&i) => {
                let current = groups[i].new[0];
                // An unchanged heading keeps its link: its text is evidence enough, and its
                // content may have gone to a subsection (sections here ignore levels).
                if votes.get(&(ho, current)).copied().unwrap_or(0) > 0
                    || ctx.old.units[ho].norm == ctx.new.units[current].norm
                {
                    continue;
                }
                drop[i] = true;
                new_used[current] = false;
            }
            None if old_used[ho] => continue,
            None => {}
        }
        new_used[hn] = true;
        added.push(Group {
            old: vec![ho],
            new: vec![hn],
            score: v as f64 / total_o.max(total_n) as f64,
        });
    }
    if added.is_empty() {
        return;
    }
    let mut i = 0;
    groups.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
    groups.extend(added);
}

/// For each unit, the heading whose section it sits in: the nearest heading before it.
fn sections(doc: &Document) -> Vec<Option<usize>> {
    let mut current = None;
    doc.units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            if u.kind == UnitKind::Heading {
                current = Some(i);
                None
            } else {
                current
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignOptions, align, testing::doc};
    use UnitKind::{Heading as H, Paragraph as P};

    #[test]
    fn a_renamed_heading_follows_its_section() {
        let old = doc(&[
            (H, None, "Enforcement"),
            (
                P,
                None,
                "The forums are not free speech venues; they are for talk about the language.",
            ),
            (
                P,
                None,
                "Moderators are held to a higher standard than other community members.",
            ),
            (H, None, "Reporting"),
            (
                P,
                None,
                "Mail the working group to report an incident in confidence.",
            ),
        ]);
        let new = doc(&[
            (H, None, "Moderation"),
            (
                P,
                None,
                "The forums are not free speech venues; they are for discussion about the language.",
            ),
            (
                P,
                None,
                "Moderators are held to a higher standard than all other community members.",
            ),
            (H, None, "Reporting issues"),
            (
                P,
                None,
                "Mail the working group to report an incident, in confidence.",
            ),
        ]);
        let alignment = align(&old, &new, &AlignOptions::new());
        assert!(alignment.links.iter().any(|l| l.old == [0] && l.new == [0]));
        assert!(alignment.removed.is_empty() && alignment.added.is_empty());
    }

    #[test]
    fn a_renumbered_heading_moves_to_the_section_that_took_its_text() {
        // Old § 2's text now sits under § 3, and a new text under § 2.
        let old = doc(&[
            (H, None, "§ 1 Scope"),
            (
                P,
                None,
                "This law applies to every contract of employment in the country.",
            ),
            (H, None, "§ 2 Reduction of working time"),
            (
                P,
                None,
                "An employee whose contract has lasted six months may ask for shorter hours.",
            ),
            (
                P,
                None,
                "The employer shall agree unless operational reasons stand against it.",
            ),
        ]);
        let new = doc(&[
            (H, None, "§ 1 Scope"),
            (
                P,
                None,
                "This law applies to every contract of employment in the country.",
            ),
            (H, None, "§ 2 Reduction of working time, vacancies"),
            (
                P,
                None,
                "Employers must publish every vacancy as suitable for part-time work too.",
            ),
            (H, None, "§ 3 Indefinite reduction"),
            (
                P,
                None,
                "An employee whose contract has lasted six months may ask for shorter hours.",
            ),
            (
                P,
                None,
                "The employer shall agree unless operational reasons stand against it.",
            ),
        ]);
        let alignment = align(&old, &new, &AlignOptions::new());
        assert!(alignment.links.iter().any(|l| l.old == [2] && l.new == [4]));
        assert!(!alignment.links.iter().any(|l| l.old == [2] && l.new == [2]));
    }
}
