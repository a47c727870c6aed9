//! One verdict: whether a link changed is what its word diff shows.
//!
//! The aligner decides `Unchanged` by comparing normalised texts (case folded, quote and
//! dash styles unified), which is right for matching but not for the verdict: "The Cat"
//! against "the cat" would be "unchanged" (exit 0) while the diff shows `[-The Cat-]`. And
//! the other way round, an edit the diff options ignore (punctuation, case, quote styles)
//! would still count as an edit. Once every link is diffed, the verdict of each
//! one-to-one link is settled by its diff, so the exit status, the counts, the labels and
//! the diff shown agree.

use crate::model::{Change, Document, Link, LinkShape, OpKind, WordDiff};

use super::DiffOptions;
use super::tokens;

/// True when the word diff of `old` against `new` under `options` would show no change:
/// both texts cut into the same comparison keys. What is never a change (invisible
/// formatting characters, the Unicode normalisation form) and what the options ignore are
/// not compared.
///
/// ```
/// use draftdiff::diff::{DiffOptions, same_text};
/// assert!(same_text("Café", "Cafe\u{301}\u{200B}", &DiffOptions::new()));
/// assert!(!same_text("The Cat", "the cat", &DiffOptions::new()));
/// assert!(same_text("The Cat", "the cat", &DiffOptions::new().ignore_case(true)));
/// ```
pub fn same_text(old: &str, new: &str, options: &DiffOptions) -> bool {
    old == new
        || tokens::tokenize(old, options)
            .iter()
            .map(|t| &t.key)
            .eq(tokens::tokenize(new, options).iter().map(|t| &t.key))
}

/// Settles the change of a one-to-one `link` by its `diff`: an "unchanged" or "renumbered"
/// link whose diff shows a change is edited (its normalised texts matched, so the wording
/// is kept: a light edit, never a rewrite); an edited or rewritten link whose diff shows
/// none is unchanged, or renumbered when its numbers differ. Merges and splits change the
/// shape of the text and stay as they are.
pub(crate) fn settle(link: &mut Link, diff: &WordDiff, old: &Document, new: &Document) {
    if link.shape != LinkShape::OneToOne {
        return;
    }
    let shows_change = diff.ops.iter().any(|op| op.kind != OpKind::Equal);
    let same_number = match (link.old.first(), link.new.first()) {
        (Some(&o), Some(&n)) => {
            old.units.get(o).map(|u| &u.number) == new.units.get(n).map(|u| &u.number)
        }
        _ => true,
    };
    link.change = match (link.change, shows_change) {
        (Change::Unchanged | Change::Renumbered, true) => Change::Edited,
        (Change::Edited | Change::Rewritten, false) if same_number => Change::Unchanged,
        (Change::Edited | Change::Rewritten, false) => Change::Renumbered,
        (change, _) => change,
    };
}
