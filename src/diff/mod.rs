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
//! written. The comparison is `similar`'s patience diff.
//!
//! # A budget, not a deadline
//!
//! The work of one pair is bounded by [`DiffOptions::budget`], counted in cells of the edit
//! matrix (old tokens × new tokens), never by the clock, so the same input gives the same
//! output on any machine under any load:
//!
//! - within the budget, the whole pair is diffed word by word (exact);
//! - above it, the pair is diffed by sentences first (UAX #29 sentences, each compared by
//!   a hash of its tokens' keys; `similar`'s patience diff while the sentence matrix fits
//!   the budget, else matching on sentences unique to both sides, linear-logarithmic), then
//!   word by word inside each changed run of sentences while the budget left allows,
//!   first run first; a changed run past the budget is shown as deleted and inserted
//!   whole. The diff is still correct (it rebuilds both texts), only coarser, and the
//!   [`WordDiff`] says so (`timed_out`, the flag of a diff that hit its limit).
//!
//! Cost: tokenising is linear in the text; the word diff of a pair within the budget is
//! at most `O((n + m) · d)` for `d` differences, `O(budget)` at worst; above the budget the
//! sentence pass is `O(n + s log s)` for `s` sentences, plus at most the budget for the word
//! diffs of changed runs. Memory beyond the texts: the tokens of a pair within the budget,
//! else a few words per sentence and the tokens of one changed run at a time.
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

use std::collections::HashMap;
use std::ops::Range;

use similar::{Algorithm, DiffOp};
use unicode_segmentation::UnicodeSegmentation;

use crate::model::{Alignment, DiffStats, Document, Link, Op, OpKind, Report, Summary, WordDiff};

/// The default [`DiffOptions::budget`]: 25 million cells, that is two texts of 5,000 tokens
/// each (about 2,500 words, several pages). Every real paragraph pair, even a merge of
/// several long paragraphs, is diffed exactly within it, and the worst case of the word
/// diff at this size (texts with nothing in common) takes about a tenth of a second.
pub const DEFAULT_BUDGET: u64 = 25_000_000;

pub use crate::model::JOIN_SEPARATOR;

/// How to diff the texts of a link.
#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// Compare words without regard to case.
    pub(crate) ignore_case: bool,
    /// Do not compare punctuation at all.
    pub(crate) ignore_punctuation: bool,
    /// Do not compare spaces (their width, tabs, line breaks).
    pub(crate) ignore_whitespace: bool,
    /// Treat curly and straight quotes alike, and all dashes and hyphens alike.
    pub(crate) ignore_quote_styles: bool,
    /// Do not compare a leading paragraph or list number (`12.`, `(a)`, `IV.`).
    pub(crate) ignore_numbering: bool,
    /// The work allowed for one pair, in cells of the edit matrix (old tokens × new
    /// tokens); see the module docs for what happens above it.
    pub(crate) budget: u64,
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
            budget: DEFAULT_BUDGET,
        }
    }
}

impl DiffOptions {
    /// The defaults: everything compared except the width of spaces; [`DEFAULT_BUDGET`].
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

    /// The work allowed for one pair, in cells of the edit matrix (old tokens × new tokens).
    /// Past it the diff is coarser and says so; the output never depends on the machine.
    pub fn budget(mut self, cells: u64) -> DiffOptions {
        self.budget = cells;
        self
    }
}

/// Diffs two texts word by word, within [`DiffOptions::budget`].
///
/// The equal and inserted runs concatenate to `new` exactly; the equal and deleted runs
/// concatenate to `old` up to what the options ignore (an equal run shows the new text).
pub fn diff_texts(old: &str, new: &str, options: &DiffOptions) -> WordDiff {
    if old == new {
        // The common case in a report: nothing to compare.
        let ops = if new.is_empty() {
            Vec::new()
        } else {
            vec![Op::new(OpKind::Equal, new)]
        };
        return WordDiff {
            ops,
            stats: DiffStats {
                equal: count_words(new, options),
                ..DiffStats::default()
            },
            ..WordDiff::default()
        };
    }
    let mut out = OpsBuilder::default();
    // Tokens never outnumber bytes: pairs this small fit the budget without counting.
    if cells(old.len(), new.len()) <= options.budget {
        out.exact(old, new, options);
        return out.finish(false);
    }
    let old_sents = sentences(old, options);
    let new_sents = sentences(new, options);
    let n_old: usize = old_sents.iter().map(|s| s.tokens as usize).sum();
    let n_new: usize = new_sents.iter().map(|s| s.tokens as usize).sum();
    if cells(n_old, n_new) <= options.budget {
        drop((old_sents, new_sents));
        out.exact(old, new, options);
        return out.finish(false);
    }
    let mut budget = options.budget;
    let old_keys: Vec<u64> = old_sents.iter().map(|s| s.key).collect();
    let new_keys: Vec<u64> = new_sents.iter().map(|s| s.key).collect();
    let runs = if cells(old_keys.len(), new_keys.len()) <= budget {
        budget -= cells(old_keys.len(), new_keys.len());
        similar::capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys)
    } else {
        unique_anchored(&old_keys, &new_keys)
    };
    drop((old_keys, new_keys));
    // Changed runs are gathered across `similar`'s delete/insert/replace ops until the next
    // equal run, so a changed stretch is word-diffed as one.
    let mut changed: Option<(Range<usize>, Range<usize>)> = None;
    for op in runs {
        let (_, o, n) = op.as_tag_tuple();
        let equal = matches!(op, DiffOp::Equal { .. })
            && o.clone()
                .zip(n.clone())
                .all(|(i, j)| same_sentence(old, &old_sents[i], new, &new_sents[j], options));
        if equal {
            if let Some((o, n)) = changed.take() {
                out.changed(old, &old_sents, o, new, &new_sents, n, options, &mut budget);
            }
            out.stats.equal += new_sents[n.clone()]
                .iter()
                .map(|s| s.words as usize)
                .sum::<usize>();
            out.push_equal(&new[cover(&new_sents, n)], &old[cover(&old_sents, o)]);
        } else {
            changed = Some(match changed {
                Some((a, b)) => (a.start..o.end.max(a.end), b.start..n.end.max(b.end)),
                None => (o, n),
            });
        }
    }
    if let Some((o, n)) = changed.take() {
        out.changed(old, &old_sents, o, new, &new_sents, n, options, &mut budget);
    }
    out.finish(true)
}

/// Cells of the edit matrix of `a` by `b` tokens.
fn cells(a: usize, b: usize) -> u64 {
    (a as u64).saturating_mul(b as u64)
}

/// The options for the piece of a text starting at byte `start`: a leading number can only
/// be at the start of the whole text.
fn options_at(options: &DiffOptions, start: usize) -> DiffOptions {
    DiffOptions {
        ignore_numbering: options.ignore_numbering && start == 0,
        ..options.clone()
    }
}

/// Number of words of `text`, counted one sentence at a time (no token list of the whole).
fn count_words(text: &str, options: &DiffOptions) -> usize {
    sentences(text, options)
        .iter()
        .map(|s| s.words as usize)
        .sum()
}

/// One sentence of a text in the sentence pass: where it is, the hash of its tokens' keys,
/// and how many tokens and words it holds.
struct Sentence {
    range: Range<usize>,
    key: u64,
    tokens: u32,
    words: u32,
}

/// The UAX #29 sentences of `text`, covering it; a leading number ignored by the options is
/// kept inside the first sentence (as the whole-text tokeniser glues it to what follows).
fn sentences(text: &str, options: &DiffOptions) -> Vec<Sentence> {
    let skip = if options.ignore_numbering {
        tokens::leading_number_len(text)
    } else {
        0
    };
    let mut out: Vec<Sentence> = Vec::new();
    for (start, piece) in text[skip..].split_sentence_bound_indices() {
        let from = if out.is_empty() { 0 } else { skip + start };
        let to = skip + start + piece.len();
        out.push(summarize_sentence(text, from..to, options));
    }
    out
}

/// The summary of the sentence `range` of `text`.
fn summarize_sentence(text: &str, range: Range<usize>, options: &DiffOptions) -> Sentence {
    let toks = tokens::tokenize(&text[range.clone()], &options_at(options, range.start));
    // FNV-1a over the keys, each closed by a byte no UTF-8 text holds: fixed, so the
    // same text hashes the same on every run and machine.
    let mut key: u64 = 0xcbf2_9ce4_8422_2325;
    for t in &toks {
        for &b in t.key.as_bytes().iter().chain(&[0xff]) {
            key = (key ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    Sentence {
        key,
        tokens: toks.len() as u32,
        words: words(&toks) as u32,
        range,
    }
}

/// Whether two sentences whose hashes agree really compare equal (a hash collision must
/// not hide a change).
fn same_sentence(old: &str, a: &Sentence, new: &str, b: &Sentence, options: &DiffOptions) -> bool {
    if a.key != b.key || a.tokens != b.tokens {
        return false;
    }
    let x = tokens::tokenize(&old[a.range.clone()], &options_at(options, a.range.start));
    let y = tokens::tokenize(&new[b.range.clone()], &options_at(options, b.range.start));
    x.iter().map(|t| &t.key).eq(y.iter().map(|t| &t.key))
}

/// The bytes covered by the sentences `range` (empty when the range is).
fn cover(sents: &[Sentence], range: Range<usize>) -> Range<usize> {
    if range.is_empty() {
        return 0..0;
    }
    sents[range.start].range.start..sents[range.end - 1].range.end
}

/// A diff of two sequences of sentence keys in `O(s log s)`: the common prefix and suffix,
/// then the keys found exactly once on each side, kept in the longest run that is in order
/// on both sides (patience sorting), each anchor extended to the equal keys around it. What
/// lies between is changed. No step compares every sentence with every other.
fn unique_anchored(old: &[u64], new: &[u64]) -> Vec<DiffOp> {
    use std::collections::HashMap;
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
    // key → (count in old, index in old, count in new, index in new), middles only.
    let mut seen: HashMap<u64, (u32, usize, u32, usize)> = HashMap::new();
    for (i, &k) in old.iter().enumerate().take(old_end).skip(prefix) {
        let e = seen.entry(k).or_insert((0, i, 0, 0));
        e.0 += 1;
    }
    for (j, &k) in new.iter().enumerate().take(new_end).skip(prefix) {
        if let Some(e) = seen.get_mut(&k) {
            e.2 += 1;
            e.3 = j;
        }
    }
    let unique: Vec<(usize, usize)> = new[prefix..new_end]
        .iter()
        .filter_map(|k| seen.get(k))
        .filter(|e| e.0 == 1 && e.2 == 1)
        .map(|e| (e.1, e.3))
        .collect();
    drop(seen);
    // Longest increasing run of old indices, in new order (patience sorting).
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; unique.len()];
    for (k, &(i, _)) in unique.iter().enumerate() {
        let at = tails.partition_point(|&t| unique[t].0 < i);
        back[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut anchors = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        anchors.push(unique[k]);
        at = back[k];
    }
    anchors.reverse();
    let mut ops = Vec::new();
    let push_equal = |ops: &mut Vec<DiffOp>, o: usize, n: usize, len: usize| {
        if len > 0 {
            ops.push(DiffOp::Equal {
                old_index: o,
                new_index: n,
                len,
            });
        }
    };
    let push_changed = |ops: &mut Vec<DiffOp>, o: Range<usize>, n: Range<usize>| {
        if !o.is_empty() || !n.is_empty() {
            ops.push(DiffOp::Replace {
                old_index: o.start,
                old_len: o.len(),
                new_index: n.start,
                new_len: n.len(),
            });
        }
    };
    push_equal(&mut ops, 0, 0, prefix);
    let (mut o, mut n) = (prefix, prefix);
    for (mut i, mut j) in anchors {
        if i < o || j < n {
            continue; // swallowed by the previous anchor's extension
        }
        while i > o && j > n && old[i - 1] == new[j - 1] {
            i -= 1;
            j -= 1;
        }
        let mut len = 0;
        while i + len < old_end && j + len < new_end && old[i + len] == new[j + len] {
            len += 1;
        }
        push_changed(&mut ops, o..i, n..j);
        push_equal(&mut ops, i, j, len);
        (o, n) = (i + len, j + len);
    }
    push_changed(&mut ops, o..old_end, n..new_end);
    push_equal(&mut ops, old_end, new_end, suffix);
    ops
}
/// Diffs one link: its old units' texts joined in order against its new units' texts
/// joined in order (see [`Document::joined_text`]). For a split, the diff also gives each
/// new unit its own runs ([`WordDiff::parts`]).
///
/// # Panics
/// If the link names a unit that is not in its document.
pub fn diff_link(old: &Document, new: &Document, link: &Link, options: &DiffOptions) -> WordDiff {
    let mut diff = diff_texts(
        &linked_text(old, &link.old),
        &linked_text(new, &link.new),
        options,
    );
    if link.new.len() > 1 {
        let lens: Vec<usize> = link.new.iter().map(|&id| new.unit(id).text.len()).collect();
        diff.parts = cut_parts(&diff.ops, &lens);
    }
    diff
}

/// The joined text of the units `ids` of `doc` ([`Document::joined_text`]), borrowed when
/// there is one unit: most links join one unit to one, and copying a huge paragraph's text
/// would add its size to the peak of memory.
fn linked_text<'a>(doc: &'a Document, ids: &[usize]) -> std::borrow::Cow<'a, str> {
    match ids {
        [id] => std::borrow::Cow::Borrowed(doc.unit(*id).text.as_str()),
        _ => std::borrow::Cow::Owned(doc.joined_text(ids)),
    }
}

/// The runs of a diff of joined new texts, cut back at the unit boundaries: `lens` are the
/// byte lengths of the new units' texts, joined with [`JOIN_SEPARATOR`]. Equal and inserted
/// text goes with the unit it stands in (a separator with none); each deleted run goes
/// with the unit at whose position it stood.
fn cut_parts(ops: &[Op], lens: &[usize]) -> Vec<Vec<Op>> {
    let mut ranges = Vec::with_capacity(lens.len());
    let mut at = 0;
    for (i, &len) in lens.iter().enumerate() {
        if i > 0 {
            at += JOIN_SEPARATOR.len();
        }
        ranges.push(at..at + len);
        at += len;
    }
    let mut parts: Vec<Vec<Op>> = vec![Vec::new(); lens.len()];
    let mut pos = 0;
    for op in ops {
        match op.kind {
            OpKind::Delete => {
                // The part the position falls in: the last one that starts at or before it.
                let owner = ranges.iter().rposition(|r| r.start <= pos).unwrap_or(0);
                push_op(&mut parts[owner], op.kind, &op.text);
            }
            OpKind::Equal | OpKind::Insert => {
                let end = pos + op.text.len();
                for (part, want) in parts.iter_mut().zip(&ranges) {
                    let (from, to) = (pos.max(want.start), end.min(want.end));
                    if from == pos && to == end {
                        // The whole run, with its old spelling.
                        push_run(part, op);
                    } else if from < to {
                        // A piece of a run that crosses a unit boundary: its old spelling
                        // cannot be cut at the same place, so the piece shows the new one.
                        if let Some(piece) = op.text.get(from - pos..to - pos) {
                            push_op(part, op.kind, piece);
                        }
                    }
                }
                pos = end;
            }
        }
    }
    parts
}

/// Appends `text` to the last run when it is of the same kind, else as a new run.
fn push_op(out: &mut Vec<Op>, kind: OpKind, text: &str) {
    push_run(out, &Op::new(kind, text));
}

/// Appends `op` to the last run when it is of the same kind (joining their old spellings
/// too), else as a new run.
fn push_run(out: &mut Vec<Op>, op: &Op) {
    match out.last_mut() {
        Some(last) if last.kind == op.kind => {
            if last.old.is_some() || op.old.is_some() {
                let old = format!("{}{}", last.old_text(), op.old_text());
                last.text.push_str(&op.text);
                last.old = (old != last.text).then_some(old);
            } else {
                last.text.push_str(&op.text);
            }
        }
        _ => out.push(op.clone()),
    }
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
    use rayon::prelude::*;
    // Each link's diff depends on its texts alone (a work budget, never the clock), and
    // `collect` keeps the links' order, so the diffs are the same on any number of threads.
    let diffs: Vec<WordDiff> = alignment
        .links
        .par_iter()
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
    s.old_words = {
        use rayon::prelude::*;
        old.units
            .par_iter()
            .map(|u| tokens::count_words(&u.text, options))
            .sum()
    };
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
    /// Diffs `old` against `new` word by word, exactly (the caller checked the budget), and
    /// appends the runs. `options` are those of the pieces (see [`options_at`]).
    fn exact(&mut self, old: &str, new: &str, options: &DiffOptions) {
        let old_tokens = tokens::tokenize(old, options);
        let new_tokens = tokens::tokenize(new, options);
        // Keys as small ids (equal keys, equal ids): the diff then hashes and compares
        // integers instead of strings, and finds exactly the same runs.
        let mut ids: HashMap<&str, u32, foldhash::fast::FixedState> =
            HashMap::with_capacity_and_hasher(old_tokens.len(), Default::default());
        let mut keys = [Vec::new(), Vec::new()];
        for (side, toks) in keys.iter_mut().zip([&old_tokens, &new_tokens]) {
            side.reserve(toks.len());
            for token in toks.iter() {
                let next = ids.len() as u32;
                side.push(*ids.entry(token.key.as_ref()).or_insert(next));
            }
        }
        let [old_keys, new_keys]: [Vec<u32>; 2] = keys;
        for op in similar::capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
            let (_, old_range, new_range) = op.as_tag_tuple();
            let old_run = &old_tokens[old_range];
            let new_run = &new_tokens[new_range];
            match op {
                DiffOp::Equal { .. } => {
                    self.stats.equal += words(new_run);
                    self.push_equal(span(new, new_run), span(old, old_run));
                }
                DiffOp::Delete { .. } => {
                    self.stats.deleted += words(old_run);
                    self.push(OpKind::Delete, span(old, old_run));
                }
                DiffOp::Insert { .. } => {
                    self.stats.inserted += words(new_run);
                    self.push(OpKind::Insert, span(new, new_run));
                }
                DiffOp::Replace { .. } => {
                    self.stats.deleted += words(old_run);
                    self.stats.inserted += words(new_run);
                    self.push(OpKind::Delete, span(old, old_run));
                    self.push(OpKind::Insert, span(new, new_run));
                }
            }
        }
    }

    /// Appends a changed run of sentences: word-diffed when its cells fit what is left of
    /// `budget` (which it then uses up), else deleted and inserted whole.
    #[allow(
        clippy::too_many_arguments,
        reason = "both sides of one run, spelled out"
    )]
    fn changed(
        &mut self,
        old: &str,
        old_sents: &[Sentence],
        o: Range<usize>,
        new: &str,
        new_sents: &[Sentence],
        n: Range<usize>,
        options: &DiffOptions,
        budget: &mut u64,
    ) {
        let tokens = |s: &[Sentence]| s.iter().map(|s| s.tokens as usize).sum::<usize>();
        let cost = cells(tokens(&old_sents[o.clone()]), tokens(&new_sents[n.clone()]));
        let (ob, nb) = (cover(old_sents, o.clone()), cover(new_sents, n.clone()));
        if cost <= *budget {
            *budget -= cost;
            // A leading number can only be at the start of the old or new text; both
            // pieces start there or neither matters (an ignored number is one glued token).
            let at = options_at(options, ob.start.max(nb.start));
            self.exact(&old[ob], &new[nb], &at);
        } else {
            let words = |s: &[Sentence]| s.iter().map(|s| s.words as usize).sum::<usize>();
            self.stats.deleted += words(&old_sents[o]);
            self.stats.inserted += words(&new_sents[n]);
            self.push(OpKind::Delete, &old[ob]);
            self.push(OpKind::Insert, &new[nb]);
        }
    }

    /// The finished diff; `coarse` when the budget was hit.
    fn finish(self, coarse: bool) -> WordDiff {
        WordDiff {
            ops: self.ops,
            stats: self.stats,
            timed_out: coarse,
            parts: Vec::new(),
        }
    }

    fn push(&mut self, kind: OpKind, text: &str) {
        if text.is_empty() {
            return;
        }
        let mut lead = match kind {
            OpKind::Delete => self.old_trailing_space(),
            _ => String::new(),
        };
        let text = if lead.is_empty() {
            text
        } else {
            lead.push_str(text);
            &lead
        };
        match self.ops.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => self.ops.push(Op::new(kind, text)),
        }
    }

    /// A space is glued to the token before it, so an equal run can end with a space that
    /// only the old text has (`event. ` → `event.` when the old words after it are
    /// deleted). That space stands between the kept words and the deleted ones, so it is
    /// taken from the equal run's old spelling and given to the deletion
    /// (`event.[- Representation …-]`): a view of the old text that shows the equal runs
    /// as the new version spells them would lose it. Empty when there is none.
    fn old_trailing_space(&mut self) -> String {
        let Some(last) = self.ops.last_mut() else {
            return String::new();
        };
        let Some(old) = last.old.as_mut() else {
            return String::new();
        };
        if last.kind != OpKind::Equal || last.text.ends_with(char::is_whitespace) {
            return String::new();
        }
        let space = old.split_off(old.trim_end().len());
        if *old == last.text {
            last.old = None;
        }
        space
    }

    /// Appends an equal run: `new` as the new version writes it, `old` as the old one does
    /// (they differ only in what the options ignore), so both texts can be rebuilt.
    fn push_equal(&mut self, new: &str, old: &str) {
        if new.is_empty() {
            // Nothing shown; an old spelling alone is old text only.
            self.push(OpKind::Delete, old);
            return;
        }
        match self.ops.last_mut() {
            Some(last) if last.kind == OpKind::Equal => {
                if last.old.is_some() || old != new {
                    let mut spelled = last.old.take().unwrap_or_else(|| last.text.clone());
                    spelled.push_str(old);
                    last.text.push_str(new);
                    last.old = (spelled != last.text).then_some(spelled);
                } else {
                    last.text.push_str(new);
                }
            }
            _ => self.ops.push(Op {
                kind: OpKind::Equal,
                text: new.to_string(),
                old: (old != new).then(|| old.to_string()),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(kind: OpKind, text: &str) -> Op {
        Op::new(kind, text)
    }

    #[test]
    fn a_split_is_cut_into_one_part_per_new_unit() {
        // New units "ab cd" and "ef" joined as "ab cd ef"; "xx" was deleted inside "ef".
        let ops = [
            op(OpKind::Equal, "ab "),
            op(OpKind::Insert, "cd"),
            op(OpKind::Equal, " e"),
            op(OpKind::Delete, "xx"),
            op(OpKind::Equal, "f"),
        ];
        let parts = cut_parts(&ops, &[5, 2]);
        assert_eq!(
            parts,
            [
                vec![op(OpKind::Equal, "ab "), op(OpKind::Insert, "cd")],
                vec![
                    op(OpKind::Equal, "e"),
                    op(OpKind::Delete, "xx"),
                    op(OpKind::Equal, "f")
                ],
            ]
        );
        let diff = WordDiff {
            ops: ops.to_vec(),
            parts,
            ..WordDiff::default()
        };
        assert_eq!(diff.part(1).len(), 3);
        assert!(diff.part(2).is_empty());
        let one = WordDiff {
            ops: ops.to_vec(),
            ..WordDiff::default()
        };
        assert_eq!(one.part(0), &ops[..]);
    }

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
        // The equal run keeps the old spelling, so both texts come back exactly.
        assert_eq!(d.ops[0].old.as_deref(), Some("a  b"));
        assert_eq!(
            (d.old_text().as_str(), d.new_text().as_str()),
            ("a  b", "a b")
        );
        // The reference pair's "37/23 of" → "37/23of": the old side's space is kept.
        let d = diff_texts(
            "resolution 37/23 of the",
            "resolution 37/23of the",
            &DiffOptions::new(),
        );
        assert_eq!(d.old_text(), "resolution 37/23 of the");
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
    fn a_tiny_budget_still_gives_a_correct_diff() {
        let old: String = (0..3000).map(|i| format!("w{} ", i % 7)).collect();
        let new: String = (0..3000).map(|i| format!("w{} ", i % 5)).collect();
        let d = diff_texts(&old, &new, &DiffOptions::new().budget(0));
        assert_eq!(d.new_text(), new);
        assert_eq!(d.old_text(), old);
        assert!(d.timed_out);
        assert_eq!(d, diff_texts(&old, &new, &DiffOptions::new().budget(0)));
        // Over budget too, spacing the diff ignores comes back on the old side.
        let spaced = old.replace("w3 ", "w3  ");
        let d = diff_texts(&spaced, &new, &DiffOptions::new().budget(0));
        assert_eq!((d.old_text(), d.new_text()), (spaced, new));
    }

    /// Sentences 0..n, each naming its number, with sentence `edit` reworded.
    fn sentences_text(n: usize, edit: Option<usize>) -> String {
        (0..n)
            .map(|i| match edit {
                Some(e) if e == i => format!("Sentence {i} was reworded here. "),
                _ => format!("Sentence {i} says the same thing. "),
            })
            .collect()
    }

    #[test]
    fn over_budget_the_changed_sentences_are_still_diffed_by_word() {
        let old = sentences_text(200, None);
        let new = sentences_text(200, Some(100));
        let full = diff_texts(&old, &new, &DiffOptions::new());
        assert!(!full.timed_out);
        // Too small for the whole pair, enough for the changed sentence.
        let d = diff_texts(&old, &new, &DiffOptions::new().budget(200));
        assert!(d.timed_out);
        assert_eq!(d.new_text(), new);
        assert_eq!(d.old_text(), old);
        assert_eq!(d.stats, full.stats);
        assert_eq!(render(&d), render(&full));
    }

    #[test]
    fn unique_sentences_anchor_the_sentence_pass() {
        let key = |s: &str| s.bytes().map(u64::from).collect::<Vec<u64>>();
        let ops = unique_anchored(&key("axbycz"), &key("aqbycwz"));
        let tags: Vec<_> = ops.iter().map(|op| op.as_tag_tuple()).collect();
        let rebuilt_new: usize = tags.iter().map(|t| t.2.len()).sum();
        let rebuilt_old: usize = tags.iter().map(|t| t.1.len()).sum();
        assert_eq!((rebuilt_old, rebuilt_new), (6, 7));
        let equal: usize = ops
            .iter()
            .filter(|op| matches!(op, DiffOp::Equal { .. }))
            .map(|op| op.as_tag_tuple().1.len())
            .sum();
        assert_eq!(equal, 5, "{ops:?}"); // a, b y c, z (x for q, w inserted)
    }

    #[test]
    fn a_leading_number_is_ignored_over_budget_too() {
        let o = DiffOptions::new().ignore_numbering(true).budget(0);
        let d = diff_texts("12. The text. More text.", "14. The text. More text.", &o);
        assert!(d.ops.iter().all(|op| op.kind == OpKind::Equal), "{d:?}");
    }
}
