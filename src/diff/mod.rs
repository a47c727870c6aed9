//! Stage 4: aligned pair → [`WordDiff`]. The only user of `similar`.
//!
//! Each link of an [`Alignment`] is diffed word by word: its old units' texts joined in
//! order against its new units' texts joined in order, so a merge is read as "these three
//! old paragraphs, one after the other, became this one" and a split the other way round.
//! Whole documents are never word-diffed: the alignment decides what to compare.
//!
//! Texts are cut at Unicode word boundaries (see `tokens`), so punctuation is its own token,
//! and compared by a normalised key (case, quote and dash styles, spaces, punctuation and
//! leading numbers can each be ignored), while the runs handed back are always the text as
//! written. The comparison is `similar`'s patience diff with a deadline per pair: past it,
//! `similar` returns a coarser but still correct diff and the [`WordDiff`] says
//! `timed_out`.
//!
//! Cost: tokenising is linear in the text; the patience diff is about O(n log n) on prose
//! and bounded by [`DiffOptions::timeout`] on pathological input.
//!
//! ```
//! use draftdiff::diff::{DiffOptions, diff_texts};
//! use draftdiff::model::OpKind;
//!
//! let d = diff_texts("The cat sat.", "The black cat sat!", &DiffOptions::new());
//! let inserted: Vec<&str> = d.ops.iter().filter(|o| o.kind == OpKind::Insert).map(|o| o.text.as_str()).collect();
//! assert_eq!(inserted, ["black ", "!"]);
//! assert_eq!((d.stats.equal, d.stats.inserted, d.stats.deleted), (3, 1, 0));
//! ```

mod tokens;
mod verdict;

pub use verdict::same_text;

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp};

use crate::model::{
    Alignment, DiffStats, Document, Link, Op, OpKind, Report, Summary, UnitId, WordDiff,
};

/// The default deadline of one word diff: long enough that every real paragraph pair
/// (even a merge of several long paragraphs) finishes exactly, short enough that a
/// pathological pair cannot stall a report of thousands of links.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_millis(250);

/// What separates the texts of several units of one link when they are joined: one space,
/// so the last word of one unit and the first of the next stay separate words.
pub const JOIN_SEPARATOR: &str = " ";

/// How to diff the texts of a link.
#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// Compare words without regard to case.
    pub ignore_case: bool,
    /// Do not compare punctuation at all.
    pub ignore_punctuation: bool,
    /// Do not compare spaces (their width, tabs, line breaks).
    pub ignore_whitespace: bool,
    /// Treat curly and straight quotes alike, and all dashes and hyphens alike.
    pub ignore_quote_styles: bool,
    /// Do not compare a leading paragraph or list number (`12.`, `(a)`, `IV.`).
    pub ignore_numbering: bool,
    /// The deadline of one pair.
    pub timeout: Duration,
}

impl Default for DiffOptions {
    fn default() -> DiffOptions {
        DiffOptions {
            ignore_case: false,
            ignore_punctuation: false,
            // Spacing carries no meaning in prose and differs with every PDF extraction.
            ignore_whitespace: true,
            ignore_quote_styles: false,
            ignore_numbering: false,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

impl DiffOptions {
    /// The defaults: everything compared except the width of spaces; [`DEFAULT_TIMEOUT`].
    pub fn new() -> DiffOptions {
        DiffOptions::default()
    }

    /// Compare words without regard to case.
    pub fn ignore_case(mut self, yes: bool) -> DiffOptions {
        self.ignore_case = yes;
        self
    }

    /// Do not compare punctuation.
    pub fn ignore_punctuation(mut self, yes: bool) -> DiffOptions {
        self.ignore_punctuation = yes;
        self
    }

    /// Do not compare spaces (on by default).
    pub fn ignore_whitespace(mut self, yes: bool) -> DiffOptions {
        self.ignore_whitespace = yes;
        self
    }

    /// Treat “ ” and ", ‘ ’ and ', – — and - alike.
    pub fn ignore_quote_styles(mut self, yes: bool) -> DiffOptions {
        self.ignore_quote_styles = yes;
        self
    }

    /// Do not compare a leading paragraph or list number.
    pub fn ignore_numbering(mut self, yes: bool) -> DiffOptions {
        self.ignore_numbering = yes;
        self
    }

    /// The deadline of one pair.
    pub fn timeout(mut self, timeout: Duration) -> DiffOptions {
        self.timeout = timeout;
        self
    }
}

/// Diffs two texts word by word.
///
/// The equal and inserted runs concatenate to `new` exactly; the equal and deleted runs
/// concatenate to `old` up to what the options ignore (an equal run shows the new text).
pub fn diff_texts(old: &str, new: &str, options: &DiffOptions) -> WordDiff {
    let old_tokens = tokens::tokenize(old, options);
    let new_tokens = tokens::tokenize(new, options);
    if old == new {
        // The common case in a report: nothing to compare.
        let equal = words(&new_tokens);
        let ops = if new.is_empty() {
            Vec::new()
        } else {
            vec![Op {
                kind: OpKind::Equal,
                text: new.to_string(),
            }]
        };
        return WordDiff {
            ops,
            stats: DiffStats {
                equal,
                ..DiffStats::default()
            },
            timed_out: false,
        };
    }
    let deadline = Instant::now() + options.timeout;
    let old_keys: Vec<&str> = old_tokens.iter().map(|t| t.key.as_ref()).collect();
    let new_keys: Vec<&str> = new_tokens.iter().map(|t| t.key.as_ref()).collect();
    let ops = similar::capture_diff_slices_deadline(
        Algorithm::Patience,
        &old_keys,
        &new_keys,
        Some(deadline),
    );
    let timed_out = Instant::now() >= deadline;

    let mut out = OpsBuilder::default();
    for op in ops {
        let (_, old_range, new_range) = op.as_tag_tuple();
        let old_run = &old_tokens[old_range];
        let new_run = &new_tokens[new_range];
        match op {
            DiffOp::Equal { .. } => {
                out.stats.equal += words(new_run);
                out.push(OpKind::Equal, span(new, new_run));
            }
            DiffOp::Delete { .. } => {
                out.stats.deleted += words(old_run);
                out.push(OpKind::Delete, span(old, old_run));
            }
            DiffOp::Insert { .. } => {
                out.stats.inserted += words(new_run);
                out.push(OpKind::Insert, span(new, new_run));
            }
            DiffOp::Replace { .. } => {
                out.stats.deleted += words(old_run);
                out.stats.inserted += words(new_run);
                out.push(OpKind::Delete, span(old, old_run));
                out.push(OpKind::Insert, span(new, new_run));
            }
        }
    }
    WordDiff {
        ops: out.ops,
        stats: out.stats,
        timed_out,
    }
}

/// Diffs one link: its old units' texts joined in order against its new units' texts
/// joined in order (with [`JOIN_SEPARATOR`]).
///
/// # Panics
/// If the link names a unit that is not in its document.
pub fn diff_link(old: &Document, new: &Document, link: &Link, options: &DiffOptions) -> WordDiff {
    diff_texts(
        &joined_text(old, &link.old),
        &joined_text(new, &link.new),
        options,
    )
}

/// The texts of `ids` joined in order with [`JOIN_SEPARATOR`].
pub fn joined_text(doc: &Document, ids: &[UnitId]) -> String {
    let mut out = String::new();
    for (i, &id) in ids.iter().enumerate() {
        if i > 0 {
            out.push_str(JOIN_SEPARATOR);
        }
        out.push_str(&doc.unit(id).text);
    }
    out
}

/// Builds the [`Report`] of an aligned pair: diffs every link, settles each one-to-one
/// link's change by what its diff shows (see [`same_text`]), and counts the summary.
///
/// # Panics
/// If the alignment names a unit that is not in its document.
pub fn report(
    old: Document,
    new: Document,
    mut alignment: Alignment,
    options: &DiffOptions,
) -> Report {
    let diffs: Vec<WordDiff> = alignment
        .links
        .iter()
        .map(|link| diff_link(&old, &new, link, options))
        .collect();
    // One verdict: a link is unchanged exactly when its diff shows no change.
    for (link, diff) in alignment.links.iter_mut().zip(&diffs) {
        verdict::settle(link, diff, &old, &new);
    }
    let summary = summarize(&old, &new, &alignment, &diffs, options);
    Report {
        old,
        new,
        alignment,
        diffs,
        summary,
    }
}

/// Counts links by kind and the share of the old words that the new version keeps.
fn summarize(
    old: &Document,
    new: &Document,
    alignment: &Alignment,
    diffs: &[WordDiff],
    options: &DiffOptions,
) -> Summary {
    use crate::model::{Change, LinkShape};
    let mut s = Summary {
        old_units: old.units.len(),
        new_units: new.units.len(),
        added: alignment.added.len(),
        removed: alignment.removed.len(),
        ..Summary::default()
    };
    for link in &alignment.links {
        match link.change {
            Change::Unchanged => s.unchanged += 1,
            Change::Renumbered => s.renumbered += 1,
            Change::Edited => s.edited += 1,
            Change::Rewritten => s.rewritten += 1,
        }
        match link.shape {
            LinkShape::OneToOne => {}
            LinkShape::Merge => s.merged += 1,
            LinkShape::Split => s.split += 1,
        }
        if link.moved {
            s.moved += 1;
        }
    }
    s.old_words = old
        .units
        .iter()
        .map(|u| words(&tokens::tokenize(&u.text, options)))
        .sum();
    s.kept_words = diffs.iter().map(|d| d.stats.equal).sum();
    s.timed_out = diffs.iter().filter(|d| d.timed_out).count();
    s
}

/// Number of word tokens in a run.
fn words(run: &[tokens::Token]) -> usize {
    run.iter().filter(|t| t.is_word).count()
}

/// The source text a run of tokens covers.
fn span<'a>(text: &'a str, run: &[tokens::Token]) -> &'a str {
    match (run.first(), run.last()) {
        (Some(first), Some(last)) => &text[first.range.start..last.range.end],
        _ => "",
    }
}

/// Collects runs, merging neighbours of the same kind and dropping empty ones.
#[derive(Default)]
struct OpsBuilder {
    ops: Vec<Op>,
    stats: DiffStats,
}

impl OpsBuilder {
    fn push(&mut self, kind: OpKind, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.ops.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => self.ops.push(Op {
                kind,
                text: text.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(d: &WordDiff) -> String {
        d.ops
            .iter()
            .map(|o| match o.kind {
                OpKind::Equal => o.text.clone(),
                OpKind::Delete => format!("[-{}-]", o.text),
                OpKind::Insert => format!("{{+{}+}}", o.text),
            })
            .collect()
    }

    #[test]
    fn identical_texts_are_one_equal_run() {
        let d = diff_texts("Same words here.", "Same words here.", &DiffOptions::new());
        assert_eq!(d.ops.len(), 1);
        assert_eq!(d.ops[0].kind, OpKind::Equal);
        assert_eq!(d.stats.equal, 3);
    }

    #[test]
    fn punctuation_alone_changes() {
        let d = diff_texts("we adopt, then", "we adopt then", &DiffOptions::new());
        assert_eq!(render(&d), "we adopt [-, -]then");
        assert_eq!(d.stats.deleted, 0);
        let d = diff_texts(
            "we adopt, then",
            "we adopt then",
            &DiffOptions::new().ignore_punctuation(true),
        );
        assert_eq!(render(&d), "we adopt then");
    }

    #[test]
    fn runs_rebuild_both_texts() {
        let old = "Canada stressed from the start that MBC is closely linked.";
        let new = "Canada stressed that the concept of MBC appeared closely linked to trade.";
        let d = diff_texts(old, new, &DiffOptions::new());
        assert_eq!(d.new_text(), new);
        assert_eq!(squeeze(&d.old_text()), squeeze(old));
        assert_eq!(
            render(&d),
            "Canada stressed [-from -]{+that +}the [-start that -]{+concept of +}MBC [-is -]{+appeared +}closely linked {+to trade+}."
        );
    }

    fn squeeze(s: &str) -> String {
        s.split_whitespace().collect()
    }

    #[test]
    fn options_hide_style_changes() {
        let old = "the “Win-Win” cooperation";
        let new = "The \"win–win\" cooperation";
        let d = diff_texts(old, new, &DiffOptions::new());
        assert!(d.ops.iter().any(|o| o.kind != OpKind::Equal));
        let o = DiffOptions::new()
            .ignore_case(true)
            .ignore_quote_styles(true);
        let d = diff_texts(old, new, &o);
        assert_eq!(d.ops.len(), 1, "{d:?}");
        assert_eq!(d.ops[0].text, new);
    }

    #[test]
    fn numbering_can_be_ignored() {
        let o = DiffOptions::new().ignore_numbering(true);
        let d = diff_texts("12. The text.", "14. The text.", &o);
        assert_eq!(d.ops.len(), 1);
        let d = diff_texts("12. The text.", "14. The text.", &DiffOptions::new());
        assert_eq!(render(&d), "[-12-]{+14+}. The text.");
    }

    #[test]
    fn whitespace_width_is_ignored_by_default() {
        let d = diff_texts("a  b", "a b", &DiffOptions::new());
        assert_eq!(d.ops.len(), 1);
        let d = diff_texts("a  b", "a b", &DiffOptions::new().ignore_whitespace(false));
        assert_eq!(render(&d), "a[-  -]{+ +}b");
    }

    #[test]
    fn empty_texts() {
        let d = diff_texts("", "", &DiffOptions::new());
        assert!(d.ops.is_empty());
        let d = diff_texts("", "new words", &DiffOptions::new());
        assert_eq!(render(&d), "{+new words+}");
        assert_eq!(d.stats.inserted, 2);
    }

    #[test]
    fn a_tiny_deadline_still_gives_a_correct_diff() {
        let old: String = (0..3000).map(|i| format!("w{} ", i % 7)).collect();
        let new: String = (0..3000).map(|i| format!("w{} ", i % 5)).collect();
        let d = diff_texts(&old, &new, &DiffOptions::new().timeout(Duration::ZERO));
        assert_eq!(d.new_text(), new);
        assert_eq!(squeeze(&d.old_text()), squeeze(&old));
        assert!(d.timed_out);
    }
}
