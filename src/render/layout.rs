//! The reading order of a report, shared by the renderers: the new document in order, each
//! removed old unit placed where it stood, and the word diff of each entry.

use crate::model::{Change, Link, LinkShape, Report, UnitId, UnitKind};

use super::Only;

/// One entry of the report, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A new unit with an origin: link index, and its position among the link's new units.
    Linked {
        new: UnitId,
        link: usize,
        part: usize,
    },
    /// A new unit with no origin.
    Added { new: UnitId },
    /// An old unit with no descendant.
    Removed { old: UnitId },
}

/// The entries of a report: every new unit in order; every removed old unit right after the
/// new unit that descends from the nearest old unit before it that did not move (so it
/// shows where it stood), or first when there is none.
pub(crate) fn entries(report: &Report) -> Vec<Entry> {
    let link_of_new = report.link_of_new();
    let link_of_old = report.link_of_old();
    let links = &report.alignment.links;
    // Removed old units, grouped by the new unit they follow (None: before everything).
    let mut after: Vec<(Option<UnitId>, UnitId)> = Vec::new();
    for &old in &report.alignment.removed {
        let anchor = (0..old).rev().find_map(|p| {
            let link = &links[link_of_old.get(p).copied().flatten()?];
            (!link.moved)
                .then(|| link.new.iter().copied().max())
                .flatten()
        });
        after.push((anchor, old));
    }
    after.sort();
    let mut removed = after.into_iter().peekable();
    let mut out = Vec::new();
    while let Some(&(None, old)) = removed.peek() {
        out.push(Entry::Removed { old });
        removed.next();
    }
    for unit in &report.new.units {
        match link_of_new.get(unit.id).copied().flatten() {
            Some(link) => {
                let part = links[link]
                    .new
                    .iter()
                    .position(|&n| n == unit.id)
                    .unwrap_or(0);
                out.push(Entry::Linked {
                    new: unit.id,
                    link,
                    part,
                });
            }
            None => out.push(Entry::Added { new: unit.id }),
        }
        while let Some(&(Some(anchor), old)) = removed.peek() {
            if anchor != unit.id {
                break;
            }
            out.push(Entry::Removed { old });
            removed.next();
        }
    }
    // Anchors that name no new unit (a bad alignment): show the rest at the end.
    out.extend(removed.map(|(_, old)| Entry::Removed { old }));
    out
}

/// One step of the walk a terminal-like renderer makes through a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// A section heading: shown in its own right (`true`, with its origin), or only as the
    /// context of a unit that `--only` lets through (`false`).
    Heading(Entry, bool),
    /// A unit to show.
    Unit(Entry),
    /// This many unchanged units not shown where they stand (like git's hunk gaps).
    Gap(usize),
}

/// The entries of `report` that `only` lets through, in reading order, each preceded by
/// its section heading when that heading is not shown in its own right.
///
/// With `hide_unchanged` (and no `only`), units and headings that neither changed nor
/// moved are left out, a [`Step::Gap`] counting them where they stood; a heading of a
/// section where something is shown still comes first, as context.
pub(crate) fn steps(report: &Report, only: &[Only], hide_unchanged: bool) -> Vec<Step> {
    let hide_unchanged = hide_unchanged && only.is_empty();
    // What a hidden entry adds to a gap: nothing when `--only` filters (no gaps then).
    let one = usize::from(hide_unchanged);
    let mut steps = Vec::new();
    let mut pending_heading: Option<Entry> = None;
    // Units hidden before the pending heading (or since the last step), and after it.
    let (mut before, mut after) = (0, 0);
    let gap = |steps: &mut Vec<Step>, n: &mut usize| {
        if *n > 0 {
            steps.push(Step::Gap(*n));
            *n = 0;
        }
    };
    for entry in entries(report) {
        let shown = if hide_unchanged {
            !entry.is_unchanged(report)
        } else {
            entry.shown(report, only)
        };
        if entry.is_heading(report) {
            if (only.is_empty() && !hide_unchanged) || shown {
                before += after + one * usize::from(pending_heading.is_some());
                after = 0;
                gap(&mut steps, &mut before);
                steps.push(Step::Heading(entry, true));
                pending_heading = None;
            } else if !matches!(entry, Entry::Removed { .. }) {
                // The previous section showed nothing: its heading is hidden with it.
                if pending_heading.replace(entry).is_some() {
                    before += one;
                }
                before += after;
                after = 0;
            }
            continue;
        }
        if !shown {
            if hide_unchanged {
                if pending_heading.is_some() {
                    after += 1;
                } else {
                    before += 1;
                }
            }
            continue;
        }
        gap(&mut steps, &mut before);
        if let Some(h) = pending_heading.take() {
            steps.push(Step::Heading(h, false));
        }
        gap(&mut steps, &mut after);
        steps.push(Step::Unit(entry));
    }
    if hide_unchanged {
        before += after + usize::from(pending_heading.is_some());
        gap(&mut steps, &mut before);
    }
    steps
}

impl Entry {
    /// True when the entry is a heading of its document.
    pub fn is_heading(self, report: &Report) -> bool {
        let unit = match self {
            Entry::Linked { new, .. } | Entry::Added { new } => report.new.units.get(new),
            Entry::Removed { old } => report.old.units.get(old),
        };
        unit.is_some_and(|u| u.kind == UnitKind::Heading)
    }

    /// True when the entry is a linked unit whose text, number and shape are the same and
    /// which did not move: what the report hides unless asked for everything.
    pub fn is_unchanged(self, report: &Report) -> bool {
        match self {
            Entry::Linked { link, .. } => {
                let l = &report.alignment.links[link];
                !is_changed(l) && !l.moved
            }
            Entry::Added { .. } | Entry::Removed { .. } => false,
        }
    }

    /// True when `--only` lets the entry through.
    pub fn shown(self, report: &Report, only: &[Only]) -> bool {
        if only.is_empty() {
            return true;
        }
        only.iter().any(|o| match (o, self) {
            (Only::Added, Entry::Added { .. }) => true,
            (Only::Removed, Entry::Removed { .. }) => true,
            (Only::Changed, Entry::Linked { link, .. }) => {
                is_changed(&report.alignment.links[link])
            }
            (Only::Moved, Entry::Linked { link, .. }) => report.alignment.links[link].moved,
            _ => false,
        })
    }
}

/// True when a link changed the text, the number or the shape.
pub(crate) fn is_changed(link: &Link) -> bool {
    link.change != Change::Unchanged || link.shape != LinkShape::OneToOne
}

/// The origin of a link in words: `merged`, `split 2/3`, `edited`, `edited, moved`.
pub(crate) fn kind_words(link: &Link, part: usize) -> String {
    let mut words = match link.shape {
        LinkShape::Merge => "merged".to_string(),
        LinkShape::Split => format!("split {}/{}", part + 1, link.new.len()),
        LinkShape::OneToOne => link.change.as_str().to_string(),
    };
    if link.moved {
        words.push_str(", moved");
    }
    words
}

/// The labels of units joined with ` + `.
pub(crate) fn labels(doc: &crate::model::Document, ids: &[UnitId]) -> String {
    ids.iter()
        .map(|&id| doc.label(id))
        .collect::<Vec<_>>()
        .join(" + ")
}
