//! One convention for `1.`, `2.` … that a sentence introduces: they are items of that
//! sentence's paragraph, not numbered paragraphs of their own.
//!
//! A UN-style report numbers its paragraphs `1.`, `2.` …, and so does an enumeration
//! inside a paragraph: a law's "… wird bestraft, wer" / `1. eine andere Person …` /
//! `2. sich …`. Markdown writes the second as a list, so the Markdown segmenter makes its
//! items list items of the paragraph before; a Word or OpenDocument file numbers both
//! with one first-level decimal list, and plain and PDF text type both alike, so those
//! readers read both as numbered paragraphs. The two are told apart by evidence in the
//! whole document, after each reader's own cut:
//!
//! - a *run* is a sequence of paragraphs numbered `1`, `2`, `3` … in steps of one (list
//!   items and notes between them, nested items, do not end it);
//! - a run is an enumeration when it starts at 1 right after a paragraph that introduces
//!   it: one ending in `:`, or in a letter (a sentence that goes on in its items);
//! - unless the numbering goes on after it: the next run starts where this one stopped.
//!   Paragraph numbering continues across headings and unnumbered paragraphs, an
//!   enumeration does not; so a report whose first numbered paragraphs happen to follow
//!   an introduction keeps them as paragraphs.
//!
//! An enumeration's items get the introducing paragraph as their parent, and so do the
//! items nested under them (and items between them that had no parent).

use crate::model::{Unit, UnitKind};

/// The value of a plain decimal paragraph number (`12`, as stored without its period).
fn value(unit: &Unit) -> Option<u32> {
    let number = unit.number.as_deref()?;
    if unit.kind != UnitKind::Paragraph || number.is_empty() || number.len() > 4 {
        return None;
    }
    number
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| number.parse().ok())?
}

/// Whether `unit` introduces an enumeration that follows it.
fn introduces(unit: &Unit) -> bool {
    unit.kind == UnitKind::Paragraph
        && value(unit).is_none()
        && unit
            .text
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| c == ':' || c.is_alphabetic())
}

/// Applies the convention to the units of one document, in order.
pub(crate) fn enumerations_as_items(units: &mut [Unit]) {
    // The runs: the indexes of their paragraphs, and the unit before the first.
    let mut runs: Vec<(Vec<usize>, Option<usize>)> = Vec::new();
    let mut open = false;
    let mut before: Option<usize> = None;
    for (i, unit) in units.iter().enumerate() {
        if unit.kind == UnitKind::Footnote {
            continue;
        }
        match value(unit) {
            Some(v) => {
                let follows = |run: &[usize]| value(&units[run[run.len() - 1]]) == Some(v - 1);
                match runs.last_mut() {
                    Some((run, _)) if open && v > 1 && follows(run) => run.push(i),
                    _ => runs.push((vec![i], before)),
                }
                open = true;
            }
            None if unit.kind == UnitKind::ListItem && open => continue,
            None => open = false,
        }
        before = Some(i);
    }
    for r in 0..runs.len() {
        let (run, before) = &runs[r];
        let (first, last) = (value(&units[run[0]]), value(&units[run[run.len() - 1]]));
        let continued = runs
            .get(r + 1)
            .is_some_and(|(next, _)| value(&units[next[0]]) == last.map(|v| v + 1));
        let Some(intro) = before.filter(|&i| introduces(&units[i])) else {
            continue;
        };
        if first != Some(1) || continued {
            continue;
        }
        let intro_id = units[intro].id;
        let members: Vec<usize> = run.iter().map(|&i| units[i].id).collect();
        for unit in &mut units[run[0]..=run[run.len() - 1]] {
            let nested =
                unit.kind == UnitKind::ListItem && unit.parent.is_none_or(|p| members.contains(&p));
            if nested || members.contains(&unit.id) {
                unit.kind = UnitKind::ListItem;
                unit.parent = Some(intro_id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::testing::doc;
    use UnitKind::{Heading as H, ListItem as L, Paragraph as P};

    fn read(units: &[(UnitKind, Option<&str>, &str)]) -> Vec<(UnitKind, Option<usize>)> {
        let mut d = doc(units);
        enumerations_as_items(&mut d.units);
        d.units.iter().map(|u| (u.kind, u.parent)).collect()
    }

    #[test]
    fn a_run_a_sentence_introduces_is_its_items() {
        for intro in ["Ebenso wird bestraft, wer", "The parties shall:"] {
            let got = read(&[
                (P, None, intro),
                (P, Some("1"), "one,"),
                (L, Some("(a)"), "nested,"),
                (P, Some("2"), "two."),
                (P, None, "After the list."),
                (P, Some("1"), "not introduced"),
            ]);
            assert_eq!(
                got,
                [
                    (P, None),
                    (L, Some(0)),
                    (L, Some(0)),
                    (L, Some(0)),
                    (P, None),
                    (P, None)
                ],
                "{intro}"
            );
        }
    }

    #[test]
    fn paragraph_numbering_stays_paragraphs() {
        // After a sentence that ends, or numbering that goes on after the run, or a run
        // that does not start at 1.
        let ended = [
            (P, None, "The Committee met."),
            (P, Some("1"), "a"),
            (P, Some("2"), "b"),
        ];
        let continued = [
            (P, None, "It reports as follows:"),
            (P, Some("1"), "a"),
            (P, Some("2"), "b"),
            (H, Some("II"), "Findings"),
            (P, Some("3"), "c"),
        ];
        let later = [
            (P, None, "as follows:"),
            (P, Some("4"), "d"),
            (P, Some("5"), "e"),
        ];
        let gaps = [
            (P, None, "as follows:"),
            (P, Some("1"), "a"),
            (P, Some("3"), "c"),
        ];
        for units in [&ended[..], &continued, &later] {
            assert!(read(units).iter().all(|&(k, _)| k != L), "{units:?}");
        }
        // A run stops at a gap in its numbers: only `1` is the introduction's item.
        assert_eq!(read(&gaps), [(P, None), (L, Some(0)), (P, None)]);
    }
}
