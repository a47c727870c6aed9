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
//!   where "§ 2" is now the title of other text). An unchanged heading keeps its link when
//!   the section it found is one of its subsections, or took no linked content at all, and
//!   its text carries no number.
//!
//!
//! A heading that is only a label (`Article 1101`, `§ 232`, `Chapter IV`: [`is_label`])
//! carries no words of its own. It is held out of the steps before (a text that a
//! renumbering gives to other content would anchor the alignment in the wrong place) and
//! linked here by its section's content alone: each label to the label whose section took
//! most of its content, both ways, the labels so joined making one link (two articles
//! merged into one, one spread over two). A label over no linked content keeps the same
//! label on the other side when the labels around both are linked to each other.
//!
//! A section is the run of units after a heading up to the next heading, whatever the
//! levels. Only links of non-heading units vote, each once per pair of sections it joins.
//! Nothing here is a threshold on a score: a heading needs [`SECTION_MIN_LINKS`] links of
//! its content and a majority both ways. Heading links that their sections contradict are
//! dropped before any is added, so a chain of renumbered sections (old 9 → new 10, old 10
//! → new 11) relinks whole; the same text keeps its link unless it is a numbered label
//! ("Articolul 9", "§ 232") whose new section holds other content.
//!
//! Cost: one pass over the links and one over the headings, `O(L log L)` for `L` links.

use std::collections::BTreeMap;

use super::Context;
use super::merges::Group;
use crate::model::{Document, UnitKind};

/// Fewest links of section content that vouch for a heading link: one paragraph in common
/// can be a coincidence or a move; two that agree are a section. The exception is a
/// numbered heading ("Articolul 9") whose section's only linked paragraph went to a section
/// holding no other linked content: short articles, renumbered, have no second link to give.
pub const SECTION_MIN_LINKS: usize = 2;

/// Links and relinks headings by the links of their sections' content (see the module
/// docs). Deterministic: headings are taken in document order, ties go to the first.
pub fn relink(groups: &mut Vec<Group>, ctx: &Context) {
    let old_section = sections(ctx.old);
    let new_section = sections(ctx.new);
    let is_heading = |doc: &Document, u: usize| doc.units[u].kind == UnitKind::Heading;
    let old_label: Vec<bool> = ctx.old.units.iter().map(is_label).collect();
    let new_label: Vec<bool> = ctx.new.units.iter().map(is_label).collect();

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

    // The new section that took most of each old section's content (first on ties), when
    // it holds a majority both ways.
    let mut target: BTreeMap<usize, (usize, usize, usize)> = BTreeMap::new();
    for (&ho, &total_o) in &old_total {
        if total_o == 0 || old_label[ho] {
            continue;
        }
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
        if new_label[hn] {
            continue;
        }
        let total_n = new_total.get(&hn).copied().unwrap_or(0);
        // A single link vouches only for a numbered heading whose section and target
        // section have no other linked content (a short article, renumbered).
        let single = v == 1 && total_o == 1 && total_n == 1 && numbered(&ctx.old.units[ho].norm);
        if (v < SECTION_MIN_LINKS && !single) || 2 * v <= total_o || 2 * v <= total_n {
            continue;
        }
        target.insert(ho, (hn, v, total_o.max(total_n)));
    }

    // A heading link that its section contradicts is dropped first, so that a chain of
    // renumbered sections (old 9 → new 10, old 10 → new 11) frees each new heading before
    // the next old one asks for it. An unchanged heading keeps its link when its new
    // section took no content from elsewhere (its content may have gone to a subsection:
    // sections here ignore levels); when the new section is filled with other old
    // sections' content, the same text ("Article 9") is a number that now heads other
    // text.
    let mut drop = vec![false; groups.len()];
    for (&ho, &(hn, _, _)) in &target {
        let Some(&i) = old_link.get(&ho) else {
            continue;
        };
        let current = groups[i].new[0];
        if current == hn || votes.get(&(ho, current)).copied().unwrap_or(0) > 0 {
            continue;
        }
        let same_text = ctx.old.units[ho].norm == ctx.new.units[current].norm;
        if same_text
            && (within(ctx.new, hn, current)
                || new_total.get(&current).copied().unwrap_or(0) == 0
                    && !numbered(&ctx.new.units[current].norm))
        {
            continue;
        }
        drop[i] = true;
        new_used[current] = false;
        old_used[ho] = false;
    }
    let mut added = Vec::new();
    for (&ho, &(hn, v, total)) in &target {
        if new_used[hn] || old_used[ho] {
            continue;
        }
        if let Some(&i) = old_link.get(&ho)
            && !drop[i]
        {
            continue;
        }
        new_used[hn] = true;
        old_used[ho] = true;
        added.push(Group {
            old: vec![ho],
            new: vec![hn],
            score: v as f64 / total as f64,
        });
    }
    // A dropped link whose heading found no new place keeps its link, if its new heading
    // is still free.
    for (i, g) in groups.iter().enumerate() {
        if drop[i] && !old_used[g.old[0]] && !new_used[g.new[0]] {
            drop[i] = false;
            old_used[g.old[0]] = true;
            new_used[g.new[0]] = true;
        }
    }
    added.extend(label_links(&votes, ctx, (&old_label, &new_label)));
    if !drop.iter().any(|&d| d) && added.is_empty() {
        return;
    }
    let mut i = 0;
    groups.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
    groups.extend(added);
}

/// Whether `unit` is a heading that is only a label, a word and a number (`Article 1101`,
/// `§ 232`, `Chapter IV`): its text names a place in the numbering, not its content.
/// Renumbering gives the same label to other text (the 2016 reform of the French Code
/// civil moved every article of contract formation: old 1102 is new 1106, and new 1102
/// says something else), so such a heading is linked by its section's content alone.
pub(crate) fn is_label(unit: &crate::model::Unit) -> bool {
    unit.kind == UnitKind::Heading && crate::segment::label_template(&unit.text).is_some()
}

/// The links of label headings (held out of the steps before, see [`is_label`]), from
/// `votes`, the content links joining their sections. Each old label names the new label
/// whose section took most of its content, and each new label the old one it took most
/// from (first on ties); the labels joined so, directly or through each other, form one
/// link: two articles merged into one (old 1102 and 1103 → new 1106), one spread over
/// two (old 1110 → new 1132 and 1134). A label whose section has no linked content keeps
/// the same label on the other side when that one has none either and the labels before
/// and after the two are linked to each other (an article rewritten in place).
fn label_links(
    votes: &BTreeMap<(usize, usize), usize>,
    ctx: &Context,
    (old_label, new_label): (&[bool], &[bool]),
) -> Vec<Group> {
    let mut best_new: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut best_old: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut old_voted = vec![false; old_label.len()];
    let mut new_voted = vec![false; new_label.len()];
    for (&(ho, hn), &v) in votes {
        old_voted[ho] = true;
        new_voted[hn] = true;
        if !(old_label[ho] && new_label[hn]) {
            continue;
        }
        if best_new.get(&ho).is_none_or(|&(_, bv)| v > bv) {
            best_new.insert(ho, (hn, v));
        }
        if best_old.get(&hn).is_none_or(|&(_, bv)| v > bv) {
            best_old.insert(hn, (ho, v));
        }
    }
    // Union-find over old labels (ids as they are) and new labels (offset by the old count).
    let offset = old_label.len();
    let mut parent: Vec<usize> = (0..offset + new_label.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut joined = vec![false; parent.len()];
    let mut edge_set: std::collections::BTreeSet<(usize, usize)> = Default::default();
    let edges = best_new
        .iter()
        .map(|(&ho, &(hn, _))| (ho, hn))
        .chain(best_old.iter().map(|(&hn, &(ho, _))| (ho, hn)));
    for (ho, hn) in edges {
        let (a, b) = (root(&mut parent, ho), root(&mut parent, offset + hn));
        parent[a.max(b)] = a.min(b);
        joined[ho] = true;
        joined[offset + hn] = true;
        edge_set.insert((ho, hn));
    }
    let mut components: BTreeMap<usize, Group> = BTreeMap::new();
    let members: Vec<usize> = (0..parent.len()).filter(|&x| joined[x]).collect();
    for x in members {
        let r = root(&mut parent, x);
        let g = components.entry(r).or_insert_with(|| Group {
            old: Vec::new(),
            new: Vec::new(),
            score: 0.0,
        });
        if x < offset {
            g.old.push(x);
        } else {
            g.new.push(x - offset);
        }
    }
    // Each link's score: the share of the content links touching its sections that join
    // them to each other (one pass over the votes).
    let mut inside: BTreeMap<usize, usize> = BTreeMap::new();
    let mut all: BTreeMap<usize, usize> = BTreeMap::new();
    for (&(ho, hn), &v) in votes {
        let ro = joined[ho].then(|| root(&mut parent, ho));
        let rn = joined[offset + hn].then(|| root(&mut parent, offset + hn));
        if let Some(r) = ro {
            *all.entry(r).or_default() += v;
        }
        if let Some(r) = rn
            && ro != Some(r)
        {
            *all.entry(r).or_default() += v;
        }
        if ro.is_some() && ro == rn && edge_set.contains(&(ho, hn)) {
            *inside.entry(ro.unwrap_or_default()).or_default() += v;
        }
    }
    let mut links: Vec<Group> = components
        .into_iter()
        .map(|(r, mut g)| {
            let (inside, all) = (inside.get(&r).copied(), all.get(&r).copied());
            g.score = inside.unwrap_or(0) as f64 / all.unwrap_or(0).max(1) as f64;
            g
        })
        .collect();
    // Labels over no linked content keep their own text's partner when they stand in
    // place: the labels before and after them are linked to each other (or there are
    // none). Renumbering puts the same label elsewhere, among other labels.
    let old_labels: Vec<usize> = (0..old_label.len()).filter(|&o| old_label[o]).collect();
    let new_labels: Vec<usize> = (0..new_label.len()).filter(|&n| new_label[n]).collect();
    let mut linked: std::collections::BTreeSet<(usize, usize)> = Default::default();
    for g in &links {
        for &o in &g.old {
            linked.extend(g.new.iter().map(|&n| (o, n)));
        }
    }
    let agree = |o: Option<&usize>, n: Option<&usize>| match (o, n) {
        (None, None) => true,
        (Some(&o), Some(&n)) => linked.contains(&(o, n)),
        _ => false,
    };
    let mut by_text: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (j, &n) in new_labels.iter().enumerate() {
        by_text
            .entry(ctx.new.units[n].norm.as_str())
            .or_default()
            .push(j);
    }
    let mut taken = vec![false; new_label.len()];
    let mut kept = Vec::new();
    for (i, &o) in old_labels.iter().enumerate() {
        if old_voted[o] || joined[o] {
            continue;
        }
        let Some(places) = by_text.get(ctx.old.units[o].norm.as_str()) else {
            continue;
        };
        let found = places
            .iter()
            .map(|&j| (j, &new_labels[j]))
            .find(|&(j, &n)| {
                !new_voted[n]
                    && !joined[offset + n]
                    && !taken[n]
                    && agree(
                        i.checked_sub(1).map(|k| &old_labels[k]),
                        j.checked_sub(1).map(|k| &new_labels[k]),
                    )
                    && agree(old_labels.get(i + 1), new_labels.get(j + 1))
            });
        if let Some((_, &n)) = found {
            taken[n] = true;
            kept.push(Group {
                old: vec![o],
                new: vec![n],
                score: 1.0,
            });
        }
    }
    links.extend(kept);
    links
}

/// Whether a heading's text carries a number ("Article 9", "§ 232"): a label that
/// renumbering gives to other text, so that the same text is no evidence of the same
/// section when the content says otherwise.
fn numbered(norm: &str) -> bool {
    norm.chars().any(|c| c.is_ascii_digit())
}

/// Whether heading `inner` sits under heading `outer` (at any depth).
fn within(doc: &Document, inner: usize, outer: usize) -> bool {
    let mut at = doc.units[inner].section;
    while let Some(h) = at {
        if h == outer {
            return true;
        }
        if h >= inner {
            return false;
        }
        at = doc.units[h].section;
    }
    false
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
    fn renumbered_article_labels_follow_their_content() {
        // The 2016 reform of the French Code civil (align corpus, dev): old 1102 and 1103
        // became the two paragraphs of new 1106, and new 1102 says something else.
        let synallagmatic = "Le contrat est synallagmatique lorsque les contractants s'obligent réciproquement les uns envers les autres.";
        let unilateral = "Il est unilatéral lorsqu'une ou plusieurs personnes s'obligent envers une ou plusieurs autres sans engagement réciproque.";
        let freedom = "Chacun est libre de contracter ou de ne pas contracter et de choisir son cocontractant dans les limites fixées par la loi.";
        let old = doc(&[
            (H, None, "Article 1102"),
            (P, None, synallagmatic),
            (H, None, "Article 1103"),
            (P, None, unilateral),
        ]);
        let new = doc(&[
            (H, None, "Article 1102"),
            (P, None, freedom),
            (H, None, "Article 1106"),
            (P, None, synallagmatic),
            (P, None, unilateral),
        ]);
        let alignment = align(&old, &new, &AlignOptions::new());
        assert!(
            alignment
                .links
                .iter()
                .any(|l| l.old == [0, 2] && l.new == [2]),
            "{:?}",
            alignment.links
        );
        assert_eq!(alignment.added, [0, 1]);
    }

    #[test]
    fn a_label_over_rewritten_text_keeps_its_place() {
        // Article 2's text is new from end to end; the articles around it are unchanged,
        // so its label still names it.
        let first =
            "The committee shall meet at least twice a year at the seat of the organisation.";
        let third = "The secretariat shall keep the minutes and publish them within one month.";
        let old = doc(&[
            (H, None, "Article 1"),
            (P, None, first),
            (H, None, "Article 2"),
            (
                P,
                None,
                "Members are appointed by the assembly for four years, renewable once.",
            ),
            (H, None, "Article 3"),
            (P, None, third),
        ]);
        let new = doc(&[
            (H, None, "Article 1"),
            (P, None, first),
            (H, None, "Article 2"),
            (
                P,
                None,
                "Budgets are voted in December and audited every spring by outside auditors.",
            ),
            (H, None, "Article 3"),
            (P, None, third),
        ]);
        let alignment = align(&old, &new, &AlignOptions::new());
        for h in [0, 2, 4] {
            assert!(
                alignment.links.iter().any(|l| l.old == [h] && l.new == [h]),
                "{h}"
            );
        }
    }

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

    #[test]
    fn a_chain_of_renumbered_articles_relinks_whole() {
        // A new article 2 pushes old 2 and 3 to 3 and 4: each heading keeps its number's
        // text, so only the content says which heads which.
        let old = doc(&[
            (H, None, "Article 1"),
            (
                P,
                None,
                "This regulation applies to every commune of the country.",
            ),
            (H, None, "Article 2"),
            (
                P,
                None,
                "Political leave is granted to mayors for their municipal duties.",
            ),
            (H, None, "Article 3"),
            (
                P,
                None,
                "The state refunds the employer the salary paid during the leave.",
            ),
        ]);
        let new = doc(&[
            (H, None, "Article 1"),
            (
                P,
                None,
                "This regulation applies to every commune of the country.",
            ),
            (H, None, "Article 2"),
            (
                P,
                None,
                "Day centres for the elderly are run by the local authorities.",
            ),
            (H, None, "Article 3"),
            (
                P,
                None,
                "Political leave is granted to mayors for their municipal duties.",
            ),
            (H, None, "Article 4"),
            (
                P,
                None,
                "The state refunds the employer the salary paid during the leave.",
            ),
        ]);
        let alignment = align(&old, &new, &AlignOptions::new());
        let linked =
            |o: usize, n: usize| alignment.links.iter().any(|l| l.old == [o] && l.new == [n]);
        assert!(linked(0, 0));
        assert!(linked(2, 4), "{:?}", alignment.links);
        assert!(linked(4, 6), "{:?}", alignment.links);
        assert!(!linked(2, 2) && !linked(4, 4));
    }
}
