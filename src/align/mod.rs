//! Stage 3: (old, new) → [`Alignment`]: which units of the new version descend from which
//! units of the old one.
//!
//! The method, one file per step:
//!
//! 1. `tokens.rs`: every unit becomes a vector of stemmed words weighted by TF-IDF, the IDF
//!    taken over the units of both documents (common words weigh nothing, no stop list),
//!    plus its sentences as word sets.
//! 2. `candidates.rs`: inverted indexes of the rarest words and the rarest pairs of
//!    consecutive words propose, for each unit, its few best partners on the other side;
//!    only these pairs are scored.
//! 3. `evidence.rs`: each candidate pair is scored from its word cosine, containment both ways
//!    (does one side hold the other?), sentence reuse both ways (which sentences reappear?),
//!    character similarity for short texts (headings) and position agreement. Pairs that are
//!    pieces of one merge or split are scored by their union (`merges.rs`).
//! 4. Pairs at or above a threshold on their score may be linked one-to-one (or, when
//!    asked, those a logistic regression fitted on the dev half of the gold corpus keeps,
//!    from their measures, their rivals' scores and their neighbours': `keep.rs`).
//!    `assign.rs`: the heaviest order-preserving chain of those pairs (`order.rs`) is the in-order
//!    backbone; strong pairs off it become moved links, displacing weaker links that hold
//!    their units. Nothing is given away first-come.
//! 5. `merges.rs`: old units left over whose text is contained in a linked new unit join it
//!    (merge); new units left over whose text comes from a linked old unit join it (split).
//! 6. `gaps.rs`: between two consecutive in-order links, weaker pairs are linked, and `k` old
//!    units facing exactly `k` new ones are taken as rewritten in place.
//! 7. `sentences.rs`: every sentence of the new version looks for its source among all the
//!    old sentences (an inverted index of rare words, weights that discount repeated
//!    boilerplate, a threshold set by the pair's own rival similarities). Unit pairs that
//!    carry a sentence are candidates of step 2, and after step 6 they link the units the
//!    steps above left out: a paragraph spread over several new ones, several gathered
//!    into one, sentences reshuffled between two.
//! 8. `sections.rs`: a heading follows the content of its section: an old heading whose
//!    section's linked content mostly went to one new section, and most of that section's
//!    linked content came from it, is linked (or relinked) to that section's heading.
//!    A heading that is only a label (`Article 1101`) is held out of steps 2 to 7 and
//!    linked here by its section's content alone, merges and splits of articles included.
//!    Last, a pair of step 4 left out only because it crosses the order, whose two units
//!    are still free and have no better candidate on either side, is linked
//!    (`assign::mutual_leftovers`).
//! 9. `pieces.rs`: a unit longer than [`LARGE_UNIT`] (a paragraph whose breaks were lost)
//!    goes through steps 1 to 8 as its UAX #29 sentences, and the links of its pieces are
//!    folded into one link of the unit: a split into the new units its sentences went to,
//!    or a merge when the large unit is new. The pieces' texts are slices of the unit's
//!    text, not copies.
//! 10. `classify.rs`: each link gets its shape, change (unchanged, renumbered, edited,
//!     rewritten), score, evidence and moved flag (off the heaviest in-order chain of
//!     links, a link weighing the number of unit pairs it joins).
//!
//! Headings link only with headings, footnotes with footnotes, paragraphs and list items with
//! each other; a heading of more than 20 words (a sentence set in heading type) aligns as a
//! paragraph (`headings.rs`). Blocks of Markdown link reference definitions carry no text and
//! are never linked (`markup.rs`).
//!
//! # Complexity
//!
//! For `N` units in all, `W` words, `q` query words per unit, `k` candidates per unit and
//! `p ≤ max_postings` postings walked per query word: profiles `O(W log W)`; candidates
//! `O(N · q · p + N · k log k)`; scoring `O(N · k · t)` for `t` words per unit; assignment
//! and merges `O(N · k · log(N · k))`; gaps `O(N)` (at most `GAP_MAX_PAIRS` pairs a gap).
//! Nothing is proportional to `n_old · n_new`, and the character similarity of a link is
//! `O(len log len)` (Levenshtein only below a fixed size, bigram counts in fixed buckets
//! above `CHARS_EXACT_MAX`). The words of a pair are compared in
//! `O(min(s, l) · log max(s, l))` when one side is much larger (`LOPSIDED`), and no unit
//! larger than [`LARGE_UNIT`] reaches pair scoring (its sentences do), so `t` is bounded
//! and one large unit facing many small ones costs time linear in the sum of their sizes,
//! not its size times their number. Cutting large units costs one normalisation of their
//! text; documents without any cost nothing more. Measured by `cargo bench --bench
//! align` on generated pairs with PDF noise (2-core machine shared with other builds): 1,000
//! paragraphs a side in 0.05 s, 10,000 in 0.39 s, 100,000 in 4.4 s wall, 654 MiB peak,
//! F1 0.992; fitted growth exponent of the time 0.99. At 100,000 about 1.3 s go to the
//! profiles, 1.5 s to candidates, 0.8 s to scoring them and 0.6 s to building the links.
//!
//! # Threads
//!
//! Tokenising and building profiles, generating candidates (one direction after the other,
//! each with its two indexes built at once and its units searched in parallel runs),
//! scoring candidate pairs and building the final links run on rayon's pool once the input
//! is large enough (the shared pool, or the one the caller installs, as
//! [`LineageOptions::threads`](crate::LineageOptions::threads) does). The work is cut into
//! fixed consecutive pieces whose results are joined in order, and each piece has its own
//! scorer, so the alignment is the same whatever the number of threads or their timing.
//!
//! # Example
//!
//! ```
//! use draftdiff::{AlignOptions, align, segment::segment};
//!
//! let old = segment("old.txt", "The cat sat on the mat.\n\nDogs bark at night.\n", &Default::default());
//! let new = segment("new.txt", "Dogs bark loudly at night.\n\nThe cat sat on the mat.\n", &Default::default());
//! let alignment = align(&old, &new, &AlignOptions::new());
//! assert_eq!(alignment.links.len(), 2);
//! assert!(alignment.added.is_empty() && alignment.removed.is_empty());
//! ```

mod assign;
mod candidates;
mod classify;
mod evidence;
mod gaps;
mod headings;
mod keep;
mod language;
mod markup;
mod merges;
mod order;
mod pieces;
mod sections;
mod sentences;
mod tokens;

// The tuning weights and internal limits of the steps stay inside the crate: they are named
// and explained where they are used, and are not an interface. Public are the defaults of
// [`AlignOptions`] below and the size above which a unit is cut into pieces.
pub(crate) use candidates::compatible;
pub use pieces::LARGE_UNIT;

// The fitted link model (keep.rs) is an experiment that does not beat the threshold: it
// is reachable only with the `eval` feature (the fitting program and the harnesses), never
// in a user's build or its documentation, where tuning weights have no place.

/// Number of features of the fitted link model (see [`AlignOptions::keep_model`]).
#[cfg(feature = "eval")]
#[doc(hidden)]
pub const KEEP_FEATURES: usize = keep::FEATURES;

/// Names of the features of the fitted link model, in the order of its weights.
#[cfg(feature = "eval")]
#[doc(hidden)]
pub const KEEP_FEATURE_NAMES: [&str; keep::FEATURES] = keep::FEATURE_NAMES;

/// Weights and intercept of a link model: a logistic regression over the features of a
/// candidate pair.
#[cfg(feature = "eval")]
#[doc(hidden)]
pub type KeepModel = LinkModel;

/// [`KeepModel`], in every build.
pub(crate) type LinkModel = ([f64; keep::FEATURES], f64);

/// The link model fitted on the dev half of the gold corpus (`keep.rs` says how, and why
/// it is not the default), for [`AlignOptions::keep_model`].
#[cfg(feature = "eval")]
#[doc(hidden)]
pub const FITTED_KEEP_MODEL: KeepModel = (keep::WEIGHTS, keep::BIAS);
pub(crate) use tokens::STEM_CHARS;

use std::ops::Range;

use crate::model::{Alignment, Document};

use evidence::Measures;

/// Default [`AlignOptions::min_score`]: below 0.3 a pair shares little more than the
/// document's topic words. Chosen on the reference pair and on generated pairs together.
pub const MIN_SCORE: f64 = 0.3;

/// Default [`AlignOptions::move_min_score`]: a link that breaks document order needs more
/// evidence than one that keeps it, since order is itself evidence.
pub const MOVE_MIN_SCORE: f64 = 0.45;

/// Default [`AlignOptions::steal_margin`]: a pair takes a unit from an existing link only when
/// it is clearly better, so near-ties keep document order.
pub const STEAL_MARGIN: f64 = 0.15;

/// Default [`AlignOptions::merge_min`]: a piece joins a merge or split when at least half of
/// its weighted words or sentences are found in the whole (split pieces often gain a
/// sentence of new text).
pub const MERGE_MIN: f64 = 0.5;

/// Default [`AlignOptions::gap_min_score`]: between two in-order links, and for the pieces of
/// merges and splits, a pair needs less evidence than a free-standing link, since its place
/// (or the whole it belongs to) already vouches for it.
pub const GAP_MIN_SCORE: f64 = 0.2;

/// Default [`AlignOptions::replace_min_score`]: `k` old units facing exactly `k` new ones
/// between the same two links are taken as rewritten in place when the word evidence of each
/// pair (no characters, no position) reaches this, that is when they share a few informative
/// words, as a diff pairs the lines of a changed hunk. Texts sharing no word never qualify.
pub const REPLACE_MIN_SCORE: f64 = 0.03;

/// Default [`AlignOptions::min_gain`]: a piece must cover at least 5% more of the whole than
/// the link's other pieces already do, so a repeated text is not merged twice.
pub const MIN_GAIN: f64 = 0.05;

/// Default [`AlignOptions::candidates`]: room for a three-way merge or split plus a few
/// rivals; more costs time without finding more links.
pub const CANDIDATES: usize = 8;

/// Default [`AlignOptions::query_words`]: a unit's 12 rarest words and 12 rarest word pairs
/// find its partner; its common words only add cost. (8 to 16 gave the same accuracy on the
/// reference pair and on generated pairs of 30,000 paragraphs.)
pub const QUERY_WORDS: usize = 12;

/// Default [`AlignOptions::max_postings`]: a word (or word pair) found in more than 100
/// units names no unit; its posting list is not walked. This bounds the cost of a query at
/// `2 · 12 · 100` steps whatever the document size (50 to 300 gave the same accuracy).
pub const MAX_POSTINGS: usize = 100;

/// How to align two documents. Build with [`AlignOptions::new`] and the builder methods;
/// the fields are private so every value goes through a setter's bounds.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Lowest score of an in-order link.
    pub(crate) min_score: f64,
    /// Lowest score of a link that breaks document order.
    pub(crate) move_min_score: f64,
    /// How much better a pair must score to take a unit from an existing link.
    pub(crate) steal_margin: f64,
    /// Lowest share of a piece found in the whole for a merge or split.
    pub(crate) merge_min: f64,
    /// Lowest coverage gain a piece must bring to a merge or split.
    pub(crate) min_gain: f64,
    /// Lowest score of a link inside a gap between two in-order links, or of a piece.
    pub(crate) gap_min_score: f64,
    /// Lowest score of each pair of a block rewritten in place.
    pub(crate) replace_min_score: f64,
    /// Candidate partners kept per unit.
    pub(crate) candidates: usize,
    /// Query words per unit in candidate generation.
    pub(crate) query_words: usize,
    /// Longest posting list walked in candidate generation.
    pub(crate) max_postings: usize,
    /// The model that decides which candidate pairs may become one-to-one links; `None`:
    /// the pairs scoring at least `min_score`.
    pub(crate) keep_model: Option<LinkModel>,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            min_score: MIN_SCORE,
            move_min_score: MOVE_MIN_SCORE,
            steal_margin: STEAL_MARGIN,
            merge_min: MERGE_MIN,
            min_gain: MIN_GAIN,
            gap_min_score: GAP_MIN_SCORE,
            replace_min_score: REPLACE_MIN_SCORE,
            candidates: CANDIDATES,
            query_words: QUERY_WORDS,
            max_postings: MAX_POSTINGS,
            keep_model: None,
        }
    }
}

impl AlignOptions {
    /// The defaults (see the constants of this module).
    pub fn new() -> AlignOptions {
        AlignOptions::default()
    }

    /// Lowest score of an in-order link (a negative or NaN value is taken as 0). A
    /// threshold set here replaces a link model (`keep_model`, `eval` feature).
    pub fn min_score(mut self, value: f64) -> AlignOptions {
        self.min_score = at_least_zero(value);
        self.keep_model = None;
        self
    }

    /// Lowest score of a link that breaks document order (a negative or NaN value is taken as 0).
    pub fn move_min_score(mut self, value: f64) -> AlignOptions {
        self.move_min_score = at_least_zero(value);
        self
    }

    /// How much better a pair must score to take a unit from an existing link (a negative or NaN value is taken as 0).
    pub fn steal_margin(mut self, value: f64) -> AlignOptions {
        self.steal_margin = at_least_zero(value);
        self
    }

    /// Lowest share of a piece found in the whole for a merge or split (a share: kept
    /// between 0 and 1, NaN taken as 0).
    pub fn merge_min(mut self, value: f64) -> AlignOptions {
        self.merge_min = at_least_zero(value).min(1.0);
        self
    }

    /// Lowest coverage gain a piece must bring to a merge or split (a negative or NaN value is taken as 0).
    pub fn min_gain(mut self, value: f64) -> AlignOptions {
        self.min_gain = at_least_zero(value);
        self
    }

    /// Lowest score of a link inside a gap between two in-order links, or of a piece (a negative or NaN value is taken as 0).
    pub fn gap_min_score(mut self, value: f64) -> AlignOptions {
        self.gap_min_score = at_least_zero(value);
        self
    }

    /// Lowest score of each pair of a block rewritten in place (above 1 turns this off; a
    /// negative or NaN value is taken as 0).
    pub fn replace_min_score(mut self, value: f64) -> AlignOptions {
        self.replace_min_score = at_least_zero(value);
        self
    }

    /// Candidate partners kept per unit (at least 1).
    pub fn candidates(mut self, value: usize) -> AlignOptions {
        self.candidates = value.max(1);
        self
    }

    /// Query words per unit in candidate generation (at least 1).
    pub fn query_words(mut self, value: usize) -> AlignOptions {
        self.query_words = value.max(1);
        self
    }

    /// Longest posting list walked in candidate generation (at least 1).
    pub fn max_postings(mut self, value: usize) -> AlignOptions {
        self.max_postings = value.max(1);
        self
    }

    /// The model that decides which candidate pairs may become one-to-one links (weights
    /// of [`KEEP_FEATURE_NAMES`] and an intercept, such as [`FITTED_KEEP_MODEL`]), or
    /// `None` (the default) for a threshold on the pair's score
    /// ([`min_score`](AlignOptions::min_score)). With the `eval` feature only.
    #[cfg(feature = "eval")]
    #[doc(hidden)]
    pub fn keep_model(mut self, model: Option<KeepModel>) -> AlignOptions {
        self.keep_model = model;
        self
    }
}

/// `value`, or 0 when it is negative or NaN: every threshold of [`AlignOptions`] is a score
/// or a share, and a NaN would make every comparison with it false.
fn at_least_zero(value: f64) -> f64 {
    if value > 0.0 { value } else { 0.0 }
}

/// A scored candidate pair.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    old: usize,
    new: usize,
    score: f64,
    measures: Measures,
}

/// Texts at most this long (in bytes, both sides) get character similarity in their pair
/// score: short texts such as headings have too few words for word measures alone, and the
/// edit matrix stays under 10,000 cells.
const SHORT_TEXT: usize = 100;

/// Everything the steps share: the documents, their profiles and a scorer.
pub(crate) struct Context<'a> {
    old: &'a Document,
    new: &'a Document,
    old_profiles: Vec<tokens::Profile>,
    new_profiles: Vec<tokens::Profile>,
    scorer: evidence::Scorer,
    /// Per unit: held out of steps 2 to 7, never a candidate, never linked in a gap or by
    /// a sentence: markup, not text (`markup.rs`), and headings that are only a label
    /// (`Article 1101`), which `sections.rs` links by their sections' content.
    old_held: Vec<bool>,
    new_held: Vec<bool>,
}

impl Context<'_> {
    /// True when neither unit is held out: the pair may be scored and linked.
    fn linkable(&self, o: usize, n: usize) -> bool {
        !self.old_held[o] && !self.new_held[n]
    }

    /// True when both units are the same kind of block (prose with prose, code with code,
    /// a table with a table): the pair may be a link of its own. A pair across kinds may
    /// only be a piece of a merge or split whose first pair is of one kind (`merges.rs`):
    /// a formula set apart as a code block from the sentence that held it.
    fn same_block(&self, o: usize, n: usize) -> bool {
        self.old.units[o].block == self.new.units[n].block
    }
}

impl Context<'_> {
    /// Scores one old unit against one new unit.
    fn pair(&mut self, o: usize, n: usize) -> Scored {
        let mut scorer = std::mem::take(&mut self.scorer);
        let scored = self.pair_with(&mut scorer, o, n);
        self.scorer = scorer;
        scored
    }

    /// Scores one old unit against one new unit with the given scorer (one per thread).
    fn pair_with(&self, scorer: &mut evidence::Scorer, o: usize, n: usize) -> Scored {
        let measures = scorer.measures(&self.old_profiles[o], &self.new_profiles[n]);
        let (a, b) = (&self.old.units[o].norm, &self.new.units[n].norm);
        let chars = (a.len() <= SHORT_TEXT && b.len() <= SHORT_TEXT).then(|| evidence::chars(a, b));
        let position = evidence::position(o, self.old.units.len(), n, self.new.units.len());
        Scored {
            old: o,
            new: n,
            score: evidence::score(&measures, chars, position),
            measures,
        }
    }

    /// Scores the joined old units `olds` against the joined new units `news` (words only).
    fn joined(&mut self, olds: &[usize], news: &[usize]) -> f64 {
        let old = tokens::join(
            &olds
                .iter()
                .map(|&o| &self.old_profiles[o])
                .collect::<Vec<_>>(),
        );
        let new = tokens::join(
            &news
                .iter()
                .map(|&n| &self.new_profiles[n])
                .collect::<Vec<_>>(),
        );
        let m = self.scorer.measures(&old, &new);
        let position =
            evidence::position(olds[0], self.old.units.len(), news[0], self.new.units.len());
        evidence::score(&m, None, position)
    }
}

/// Items below which [`par_map`] stays on one thread.
const PARALLEL_MIN_ITEMS: usize = 4_000;

/// Fewest items of one run of [`par_map`] on one thread: each run gets its own scorer (a
/// table of `words` stamps), so runs are long enough for that table to cost little.
const PARALLEL_PIECE: usize = 1_000;

/// `items` mapped through `f` on rayon's pool, in runs of at least [`PARALLEL_PIECE`]
/// items, each run with its own scorer over `words` word ids. The scorer is scratch space
/// only and the results are collected in the items' order straight into one vector (no
/// per-run vectors held beside it: on a huge paragraph's sentence pairs that doubled the
/// peak), so the output is the same whatever the number of threads or how the runs fall.
fn par_map<T: Sync, R: Send>(
    items: &[T],
    words: usize,
    f: impl Fn(&T, &mut evidence::Scorer) -> R + Sync,
) -> Vec<R> {
    if items.len() < PARALLEL_MIN_ITEMS {
        let mut scorer = evidence::Scorer::new(words);
        return items.iter().map(|item| f(item, &mut scorer)).collect();
    }
    use rayon::prelude::*;
    items
        .par_iter()
        .with_min_len(PARALLEL_PIECE)
        .map_init(
            || evidence::Scorer::new(words),
            |scorer, item| f(item, scorer),
        )
        .collect()
}

/// The original documents of an alignment and, for each of their units, the range of its
/// pieces among the units actually aligned (one piece each unless the unit is large, see
/// `pieces.rs`).
pub(crate) struct Originals<'a> {
    old: &'a Document,
    new: &'a Document,
    old_pieces: &'a [Range<usize>],
    new_pieces: &'a [Range<usize>],
}

/// Aligns the units of `old` to the units of `new`.
pub fn align(old: &Document, new: &Document, options: &AlignOptions) -> Alignment {
    // A sentence set as a heading aligns as the paragraph it is (headings.rs); the links
    // name the same unit ids.
    let (old_read, new_read) = (headings::as_paragraphs(old), headings::as_paragraphs(new));
    if old_read.is_some() || new_read.is_some() {
        let old = old_read.as_ref().unwrap_or(old);
        let new = new_read.as_ref().unwrap_or(new);
        return align_units(old, new, options);
    }
    align_units(old, new, options)
}

/// [`align`] on documents whose kinds are final.
fn align_units(old: &Document, new: &Document, options: &AlignOptions) -> Alignment {
    let links = if pieces::has_large(old) || pieces::has_large(new) {
        let (old_x, new_x) = (pieces::expand(old), pieces::expand(new));
        let texts = (old_x.texts.as_slice(), new_x.texts.as_slice());
        let (groups, ctx, words) = link_groups(&old_x.doc, &new_x.doc, texts, options);
        let groups = pieces::fold(
            &groups,
            &pieces::owner_of(&old_x.owners),
            &pieces::owner_of(&new_x.owners),
        );
        let originals = Originals {
            old,
            new,
            old_pieces: &old_x.owners,
            new_pieces: &new_x.owners,
        };
        classify::links(&groups, &ctx, &originals, words)
    } else {
        let (old_texts, new_texts) = (pieces::texts(old), pieces::texts(new));
        let (groups, ctx, words) = link_groups(old, new, (&old_texts, &new_texts), options);
        let (old_pieces, new_pieces) = (pieces::identity(old), pieces::identity(new));
        let originals = Originals {
            old,
            new,
            old_pieces: &old_pieces,
            new_pieces: &new_pieces,
        };
        classify::links(&groups, &ctx, &originals, words)
    };

    let mut old_used = vec![false; old.units.len()];
    let mut new_used = vec![false; new.units.len()];
    for link in &links {
        link.old.iter().for_each(|&o| old_used[o] = true);
        link.new.iter().for_each(|&n| new_used[n] = true);
    }
    Alignment {
        links,
        added: (0..new.units.len()).filter(|&n| !new_used[n]).collect(),
        removed: (0..old.units.len()).filter(|&o| !old_used[o]).collect(),
    }
}

/// Steps 1 to 3 on the units of `old` and `new`, whose texts as written are `texts`: the
/// scored candidate pairs (sorted by `(old, new)`, merge pieces boosted), the context, the
/// pairs carrying a sentence and the number of distinct words.
fn scored_pairs<'a>(
    old: &'a Document,
    new: &'a Document,
    texts: (&[&str], &[&str]),
    options: &AlignOptions,
) -> (Vec<Scored>, Context<'a>, Vec<sentences::Carried>, usize) {
    let (vocab, old_profiles, new_profiles) = tokens::profiles_of(texts.0, texts.1);
    let limits = candidates::Limits {
        query_words: options.query_words,
        max_postings: options.max_postings,
        candidates: options.candidates,
    };
    let mut ctx = Context {
        old,
        new,
        old_profiles,
        new_profiles,
        scorer: evidence::Scorer::new(vocab.len()),
        old_held: held_out(old),
        new_held: held_out(new),
    };
    // Sentence alignment (sentences.rs): pairs carrying a sentence are candidates too.
    // Found before the candidates of the indexes (the two are independent), so that the
    // peaks of memory of the two searches do not add up.
    let mut carried = sentences::carried(&ctx, vocab.len());
    carried.retain(|c| ctx.linkable(c.old, c.new));
    let mut cands = candidates::candidates(
        old,
        new,
        &ctx.old_profiles,
        &ctx.new_profiles,
        vocab.len(),
        limits,
    );
    // In place: the list of candidates is among the largest arrays of the alignment.
    cands.reserve_exact(carried.len());
    cands.extend(carried.iter().map(|c| (c.old as u32, c.new as u32)));
    cands.retain(|&(o, n)| {
        let (o, n) = (o as usize, n as usize);
        compatible(old.units[o].kind, new.units[n].kind) && ctx.linkable(o, n)
    });
    cands.sort_unstable();
    cands.dedup();
    let mut pairs: Vec<Scored> = par_map(&cands, vocab.len(), |&(o, n), scorer| {
        ctx.pair_with(scorer, o as usize, n as usize)
    });
    drop(cands);
    merges::boost(&mut pairs, &mut ctx, options);
    (pairs, ctx, carried, vocab.len())
}

/// One flag per unit of `doc`: markup (`markup.rs`) or a heading that is only a label
/// (`sections::is_label`), both left out of steps 2 to 7.
fn held_out(doc: &Document) -> Vec<bool> {
    markup::mask(doc)
        .into_iter()
        .zip(&doc.units)
        .map(|(markup, u)| markup || sections::is_label(u))
        .collect()
}

/// The pairs that may become one-to-one links: by the fitted model when there is one, else
/// by their score.
fn eligible(pairs: &[Scored], ctx: &Context, options: &AlignOptions) -> Vec<bool> {
    match &options.keep_model {
        Some((weights, bias)) => keep::features(pairs, ctx)
            .iter()
            .map(|x| keep::probability_with(x, weights, *bias) >= keep::KEEP_PROBABILITY)
            .collect(),
        None => pairs
            .iter()
            .map(|p| p.score >= options.min_score && ctx.same_block(p.old, p.new))
            .collect(),
    }
}

/// Steps 1 to 7 on the units of `old` and `new`, whose texts as written are `texts` (the
/// units' own, or slices of them for pieces): the groups of units to link, the context
/// they were found in and the number of distinct words.
fn link_groups<'a>(
    old: &'a Document,
    new: &'a Document,
    texts: (&[&str], &[&str]),
    options: &AlignOptions,
) -> (Vec<merges::Group>, Context<'a>, usize) {
    let (pairs, mut ctx, carried, words) = scored_pairs(old, new, texts, options);
    let eligible = eligible(&pairs, &ctx, options);
    let chosen = assign::assign(&pairs, &eligible, old.units.len(), new.units.len(), options);
    let mut groups: Vec<merges::Group> = chosen
        .iter()
        .map(|&i| merges::Group {
            old: vec![pairs[i].old],
            new: vec![pairs[i].new],
            score: pairs[i].score,
        })
        .collect();
    merges::grow(&mut groups, &pairs, &ctx, options);
    gaps::fill(&mut groups, &mut ctx, options);
    sentences::attach(&mut groups, &carried, &ctx, options);
    drop(carried);
    sections::relink(&mut groups, &ctx);
    let (mut linked_old, mut linked_new) =
        (vec![false; old.units.len()], vec![false; new.units.len()]);
    for g in &groups {
        g.old.iter().for_each(|&o| linked_old[o] = true);
        g.new.iter().for_each(|&n| linked_new[n] = true);
    }
    for i in assign::mutual_leftovers(&pairs, &eligible, &linked_old, &linked_new) {
        groups.push(merges::Group {
            old: vec![pairs[i].old],
            new: vec![pairs[i].new],
            score: pairs[i].score,
        });
    }
    (groups, ctx, words)
}

/// The candidate pairs of `old` and `new` with the features of the link model, as
/// `(old unit, new unit, features)`; empty when a unit is large enough to be cut into
/// pieces (their ids are not the documents'). For the fitting program.
#[cfg(feature = "eval")]
#[doc(hidden)]
pub fn candidate_features(
    old: &Document,
    new: &Document,
    options: &AlignOptions,
) -> Vec<(usize, usize, [f64; keep::FEATURES])> {
    candidate_rows(old, new, options)
}

/// [`candidate_features`], for the crate's evaluation too.
#[cfg(feature = "eval")]
pub(crate) fn candidate_rows(
    old: &Document,
    new: &Document,
    options: &AlignOptions,
) -> Vec<(usize, usize, [f64; keep::FEATURES])> {
    let (old_read, new_read) = (headings::as_paragraphs(old), headings::as_paragraphs(new));
    let old = old_read.as_ref().unwrap_or(old);
    let new = new_read.as_ref().unwrap_or(new);
    if pieces::has_large(old) || pieces::has_large(new) {
        return Vec::new();
    }
    let (old_texts, new_texts) = (pieces::texts(old), pieces::texts(new));
    let (pairs, ctx, _, _) = scored_pairs(old, new, (&old_texts, &new_texts), options);
    let features = keep::features(&pairs, &ctx);
    pairs
        .iter()
        .zip(features)
        .map(|(p, x)| (p.old, p.new, x))
        .collect()
}

#[cfg(test)]
pub(crate) mod testing {
    //! Hand-made documents for the unit tests of this stage.

    use crate::model::{Document, Unit, UnitKind};
    use crate::segment::normalize;

    /// A document from `(kind, number, text)` triples.
    pub fn doc(units: &[(UnitKind, Option<&str>, &str)]) -> Document {
        Document {
            path: "t".into(),
            units: units
                .iter()
                .enumerate()
                .map(|(id, &(kind, number, text))| Unit {
                    id,
                    kind,
                    block: crate::model::Block::Prose,
                    number: number.map(str::to_string),
                    section: None,
                    parent: None,
                    line: id + 1,
                    end_line: id + 1,
                    text: text.to_string(),
                    norm: normalize(text),
                    source: None,
                })
                .collect(),
            artifacts: Vec::new(),
        }
    }

    /// A document of plain paragraphs.
    pub fn paras(texts: &[&str]) -> Document {
        doc(&texts
            .iter()
            .map(|&t| (UnitKind::Paragraph, None, t))
            .collect::<Vec<_>>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, LinkShape, UnitKind};
    use testing::{doc, paras};

    #[test]
    fn setters_keep_options_in_bounds() {
        // `candidates = 0` once silently lost a link: every count is at least 1.
        let o = AlignOptions::new()
            .candidates(0)
            .query_words(0)
            .max_postings(0);
        assert_eq!((o.candidates, o.query_words, o.max_postings), (1, 1, 1));
        let o = AlignOptions::new()
            .min_score(-0.5)
            .move_min_score(f64::NAN)
            .steal_margin(-1.0)
            .merge_min(f64::NAN)
            .min_gain(-0.1)
            .gap_min_score(f64::NAN)
            .replace_min_score(-2.0);
        assert_eq!(
            [
                o.min_score,
                o.move_min_score,
                o.steal_margin,
                o.merge_min,
                o.min_gain,
                o.gap_min_score,
                o.replace_min_score
            ],
            [0.0; 7]
        );
        assert_eq!(AlignOptions::new().merge_min(1.5).merge_min, 1.0);
        // Above 1 turns the rewrite-in-place step off, so it is kept.
        assert_eq!(
            AlignOptions::new().replace_min_score(2.0).replace_min_score,
            2.0
        );
    }

    #[test]
    fn one_candidate_still_finds_the_links() {
        let (old, new) = (paras(&[A, B, C]), paras(&[A, B, C]));
        let alignment = align(&old, &new, &AlignOptions::new().candidates(0));
        assert_eq!(alignment.links.len(), 3);
    }

    const A: &str = "Volcanic soils hold water well and feed the vineyards of the southern slopes.";
    const B: &str = "Glaciers carved the northern valleys, leaving lakes and moraines behind them.";
    const C: &str =
        "Fishing fleets leave the harbour before dawn and return with sardines at noon.";
    const D: &str = "The railway reached the capital in 1871, and trade with the coast doubled.";
    const E: &str = "Monks copied manuscripts in the abbey library through the long winters.";

    fn pairs(a: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
        a.links
            .iter()
            .map(|l| (l.old.clone(), l.new.clone()))
            .collect()
    }

    #[test]
    fn identical_documents_link_every_unit_unchanged() {
        let d = paras(&[A, B, C]);
        let a = align(&d, &d, &AlignOptions::new());
        assert_eq!(
            pairs(&a),
            vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
        for l in &a.links {
            assert_eq!(l.change, Change::Unchanged);
            assert_eq!(l.shape, LinkShape::OneToOne);
            assert!(!l.moved);
            assert!((l.score - 1.0).abs() < 1e-9);
        }
        assert!(a.added.is_empty() && a.removed.is_empty());
    }

    #[test]
    fn renumbering_only_is_renumbered() {
        use UnitKind::Paragraph as P;
        let old = doc(&[(P, Some("1"), A), (P, Some("2"), B)]);
        let new = doc(&[(P, Some("1"), E), (P, Some("2"), A), (P, Some("3"), B)]);
        let a = align(&old, &new, &AlignOptions::new());
        assert_eq!(pairs(&a), vec![(vec![0], vec![1]), (vec![1], vec![2])]);
        assert!(a.links.iter().all(|l| l.change == Change::Renumbered));
        assert_eq!(a.added, vec![0]);
    }

    #[test]
    fn a_moved_paragraph_is_marked_moved() {
        let old = paras(&[A, B, C, D]);
        let new = paras(&[B, C, D, A]);
        let a = align(&old, &new, &AlignOptions::new());
        assert_eq!(a.links.len(), 4);
        let moved: Vec<_> = a
            .links
            .iter()
            .filter(|l| l.moved)
            .map(|l| l.old[0])
            .collect();
        assert_eq!(moved, vec![0]);
    }

    #[test]
    fn an_edit_is_edited_and_a_new_paragraph_is_added() {
        let old = paras(&[A, B]);
        let edited = "Volcanic soils hold water very well and so feed the vineyards of the south.";
        let new = paras(&[edited, E, B]);
        let a = align(&old, &new, &AlignOptions::new());
        assert_eq!(pairs(&a), vec![(vec![0], vec![0]), (vec![1], vec![2])]);
        assert_eq!(a.links[0].change, Change::Edited);
        assert!(a.links[0].score > 0.5 && a.links[0].score < 1.0);
        assert_eq!(a.added, vec![1]);
    }

    #[test]
    fn two_paragraphs_merged_into_one() {
        let old = paras(&[A, B, C, D]);
        let merged = format!("{B} {C}");
        let new = paras(&[A, &merged, D]);
        let a = align(&old, &new, &AlignOptions::new());
        assert_eq!(
            pairs(&a),
            vec![
                (vec![0], vec![0]),
                (vec![1, 2], vec![1]),
                (vec![3], vec![2])
            ]
        );
        assert_eq!(a.links[1].shape, LinkShape::Merge);
        assert!(a.removed.is_empty());
    }

    #[test]
    fn one_paragraph_split_in_two() {
        let whole = format!("{B} {C}");
        let old = paras(&[A, &whole, D]);
        let new = paras(&[A, B, C, D]);
        let a = align(&old, &new, &AlignOptions::new());
        assert_eq!(
            pairs(&a),
            vec![
                (vec![0], vec![0]),
                (vec![1], vec![1, 2]),
                (vec![2], vec![3])
            ]
        );
        assert_eq!(a.links[1].shape, LinkShape::Split);
        assert!(a.added.is_empty());
    }

    #[test]
    fn headings_link_only_with_headings() {
        use UnitKind::{Heading as H, Paragraph as P};
        let old = doc(&[(H, Some("I"), "Volcanic soils"), (P, Some("1"), A)]);
        let new = doc(&[
            (P, Some("1"), "Volcanic soils"),
            (H, Some("I"), "Volcanic soils of the south"),
        ]);
        let a = align(&old, &new, &AlignOptions::new());
        assert_eq!(pairs(&a), vec![(vec![0], vec![1])]);
        assert_eq!(a.added, vec![0]);
        assert_eq!(a.removed, vec![1]);
    }

    #[test]
    fn unrelated_documents_share_no_link() {
        let a = align(&paras(&[A, B]), &paras(&[C, D, E]), &AlignOptions::new());
        assert!(a.links.is_empty());
        assert_eq!(a.removed, vec![0, 1]);
        assert_eq!(a.added, vec![0, 1, 2]);
    }

    #[test]
    fn many_copies_of_one_text_link_in_order() {
        let mut old_texts = vec!["Not applicable."; 400];
        old_texts.insert(200, A);
        let mut new_texts = old_texts.clone();
        new_texts.remove(0);
        let a = align(&paras(&old_texts), &paras(&new_texts), &AlignOptions::new());
        assert_eq!(a.links.len(), 400);
        assert_eq!(a.removed.len(), 1);
        assert_eq!(a.links.iter().filter(|l| l.moved).count(), 0);
    }

    #[test]
    fn empty_documents() {
        let a = align(&paras(&[]), &paras(&[A]), &AlignOptions::new());
        assert!(a.links.is_empty());
        assert_eq!(a.added, vec![0]);
        let a = align(&paras(&[]), &paras(&[]), &AlignOptions::new());
        assert_eq!(a, Alignment::default());
    }
}
