//! Words, their weights and the weighted profile of each unit.
//!
//! A unit's text is cut into sentences (Unicode sentence boundaries with abbreviations, then
//! clauses at `; `) and words at every character that is not a letter or a digit; each word
//! is lower-cased and reduced to its Snowball stem in the pair's language, or to a crude
//! stem when the language is unknown (see [`language`](super::language)), so that
//! `specialised`/`specialized`, `programme`/`programmes` or `Kindes`/`Kind` count as one
//! word. Words are interned into `u32` ids in order of first appearance (old document
//! first), so nothing depends on hash order.
//!
//! Each word gets an inverse document frequency over the units of *both* documents,
//! `ln((N + 1) / df)`: a word found in every unit weighs about nothing, a word found in two
//! units weighs most. Stop words and the document's own topic words (`human`, `rights`,
//! `assistance` in a human-rights report) are thus discounted without any list.
//!
//! A [`Profile`] is a unit's sparse vector of `(word, weight)` sorted by word id, with weight
//! `idf · (1 + ln tf)`, plus its sentences as sorted word sets. Building all profiles is
//! linear in the size of the input: each distinct raw word is stemmed and interned once
//! (later occurrences cost one hash lookup on a borrowed slice), word ids live in flat
//! arrays, and the profiles themselves are built on two threads.

use std::borrow::Cow;
use std::collections::HashMap;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

#[cfg(test)]
use crate::model::Document;

use super::language::{Language, raw_words};

/// Characters a crude stem keeps (when the pair's language has no Snowball stemmer): long
/// enough to keep most words apart, short enough to merge inflections
/// (`international`/`internationally`, `recommend`/`recommendations`).
pub const STEM_CHARS: usize = 7;

/// Word pairs kept per unit for candidate generation, the most informative first: enough to
/// find a lightly edited unit by several of them, few enough to keep the index small.
pub const MAX_SHINGLES: usize = 32;

/// The hasher of the vocabulary and of the other maps of the aligner: foldhash with its
/// fixed seed (words are not attacker-chosen keys here, and no map is iterated, so its order
/// cannot leak into output; a fixed seed keeps runs identical anyway).
pub(crate) type FastHash = foldhash::fast::FixedState;

/// Word ids, in order of first appearance.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: HashMap<String, u32, FastHash>,
    /// Units (of both documents) containing each word.
    pub df: Vec<u32>,
    /// Inverse document frequency of each word.
    pub idf: Vec<f32>,
}

impl Vocab {
    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let next = self.ids.len() as u32;
        self.ids.insert(word.to_string(), next);
        next
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.df.len()
    }
}

/// One sentence of a unit: its distinct words, sorted, and their summed idf.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// Distinct `(word, idf)`, sorted by word id.
    pub words: Vec<(u32, f32)>,
    /// Sum of the idf of its words.
    pub weight: f32,
}

/// The weighted word vector of one unit.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// `(word, weight)`, sorted by word id, weights `idf · (1 + ln tf)`.
    pub terms: Vec<(u32, f32)>,
    /// Euclidean norm of the weights.
    pub norm: f32,
    /// Sum of the weights.
    pub mass: f32,
    /// The unit's sentences (only those with some weight).
    pub sentences: Vec<Sentence>,
    /// Hashes of the pairs of consecutive words within its sentences, sorted, distinct:
    /// far rarer than single words, they find a unit's partner in very large documents.
    pub shingles: Vec<u32>,
}

/// The stem of a word with the rules of `language` (for tests).
#[cfg(test)]
pub fn stem(language: &Language, word: &str) -> String {
    let (mut low, mut out) = (String::new(), String::new());
    language.stem_into(word, &mut low, &mut out);
    out
}

/// The word ids of every unit, in three flat arrays (no allocation per unit or sentence):
/// unit `u` holds sentences `units[u]..units[u + 1]`, sentence `s` holds words
/// `words[sents[s]..sents[s + 1]]`. Empty sentences are not stored.
struct Tokens {
    words: Vec<u32>,
    sents: Vec<u32>,
    units: Vec<u32>,
}

impl Tokens {
    fn new() -> Tokens {
        Tokens {
            words: Vec::new(),
            sents: vec![0],
            units: vec![0],
        }
    }

    /// Appends the units of `other`.
    fn append(&mut self, other: Tokens) {
        if self.len() == 0 {
            *self = other;
            return;
        }
        let words = self.words.len() as u32;
        let sents = self.sents.len() as u32 - 1;
        self.words.extend_from_slice(&other.words);
        self.sents
            .extend(other.sents[1..].iter().map(|&s| s + words));
        self.units
            .extend(other.units[1..].iter().map(|&u| u + sents));
    }

    /// Number of units.
    fn len(&self) -> usize {
        self.units.len() - 1
    }

    /// The sentences of unit `u`, each a slice of word ids.
    fn unit(&self, u: usize) -> impl Iterator<Item = &[u32]> + Clone + '_ {
        (self.units[u] as usize..self.units[u + 1] as usize)
            .map(move |s| &self.words[self.sents[s] as usize..self.sents[s + 1] as usize])
    }

    /// All word ids of unit `u`, in order.
    fn unit_words(&self, u: usize) -> &[u32] {
        let s0 = self.units[u] as usize;
        let s1 = self.units[u + 1] as usize;
        &self.words[self.sents[s0] as usize..self.sents[s1] as usize]
    }
}

/// Units per thread below which profiles are built on one thread (a thread costs more than
/// it saves on small documents).
const PARALLEL_MIN_UNITS: usize = 2_000;

/// Scratch buffers of [`build`], reused from unit to unit.
#[derive(Default)]
struct Scratch {
    all: Vec<u32>,
    ids: Vec<u32>,
    pairs: Vec<(f32, u32)>,
}

/// The profile of one unit from its sentences of word ids.
fn build<'a>(
    unit: impl Iterator<Item = &'a [u32]> + Clone,
    words: &[u32],
    idf: &[f32],
    scratch: &mut Scratch,
) -> Profile {
    let all = &mut scratch.all;
    all.clear();
    all.extend_from_slice(words);
    all.sort_unstable();
    // Sized exactly (distinct words, sentences): these vectors live through the whole
    // alignment, and growth by doubling would leave up to half of them unused.
    let distinct = all.windows(2).filter(|p| p[0] != p[1]).count() + usize::from(!all.is_empty());
    let mut terms: Vec<(u32, f32)> = Vec::with_capacity(distinct);
    let mut i = 0;
    while i < all.len() {
        let mut j = i;
        while j < all.len() && all[j] == all[i] {
            j += 1;
        }
        let tf = (j - i) as f32;
        let w = idf[all[i] as usize] * (1.0 + tf.ln());
        if w > 0.0 {
            terms.push((all[i], w));
        }
        i = j;
    }
    let norm = terms.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
    let mass = terms.iter().map(|t| t.1).sum();
    let mut sentences = Vec::with_capacity(unit.clone().count());
    for s in unit.clone() {
        let ids = &mut scratch.ids;
        ids.clear();
        ids.extend_from_slice(s);
        ids.sort_unstable();
        ids.dedup();
        let words: Vec<(u32, f32)> = ids.iter().map(|&w| (w, idf[w as usize])).collect();
        let weight = words.iter().map(|w| w.1).sum();
        if weight > 0.0 {
            sentences.push(Sentence { words, weight });
        }
    }
    // The most informative word pairs only: a pair of common words finds nothing.
    let pairs = &mut scratch.pairs;
    pairs.clear();
    pairs.extend(unit.flat_map(|s| s.windows(2)).map(|p| {
        let idf = idf[p[0] as usize] + idf[p[1] as usize];
        (idf, shingle(p[0], p[1]))
    }));
    let by_idf = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if pairs.len() > MAX_SHINGLES {
        pairs.select_nth_unstable_by(MAX_SHINGLES, by_idf);
        pairs.truncate(MAX_SHINGLES);
    }
    let mut shingles: Vec<u32> = pairs.iter().map(|p| p.1).collect();
    shingles.sort_unstable();
    shingles.dedup();
    Profile {
        terms,
        norm,
        mass,
        sentences,
        shingles,
    }
}

/// The profiles of units `range` of `tokens`.
fn build_range(tokens: &Tokens, range: std::ops::Range<usize>, idf: &[f32]) -> Vec<Profile> {
    let mut scratch = Scratch::default();
    range
        .map(|u| build(tokens.unit(u), tokens.unit_words(u), idf, &mut scratch))
        .collect()
}

/// The profiles of all units of `tokens`, in unit order. A large document is cut into
/// fixed runs of [`PARALLEL_MIN_UNITS`] units built on rayon's pool; each profile depends
/// on its unit alone, so the output does not depend on the number of threads.
fn build_all(tokens: &Tokens, idf: &[f32]) -> Vec<Profile> {
    use rayon::prelude::*;
    let n = tokens.len();
    if n < PARALLEL_MIN_UNITS * 2 {
        return build_range(tokens, 0..n, idf);
    }
    let runs: Vec<Vec<Profile>> = (0..n.div_ceil(PARALLEL_MIN_UNITS))
        .into_par_iter()
        .map(|r| {
            let range = r * PARALLEL_MIN_UNITS..((r + 1) * PARALLEL_MIN_UNITS).min(n);
            build_range(tokens, range, idf)
        })
        .collect();
    // Sized exactly: the profiles live through the whole alignment.
    let mut all = Vec::with_capacity(n);
    runs.into_iter().for_each(|run| all.extend(run));
    all
}

/// `text` in Unicode Normalization Form C, borrowed when it already is (always for ASCII):
/// a decomposed accent (`e` + U+0301) is then one letter of its word, as the composed `é`
/// is, so "Café" weighs the same however it was typed. The text shown is never changed.
fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// Raw words (slices of the units' texts) to local ids.
type RawIds<'a> = HashMap<&'a str, u32, FastHash>;

/// The tokens of a run of units with *local* word ids: id `i` is the raw word numbered `i`
/// in order of first appearance within the run, and its stem is
/// `stems[ends[i - 1]..ends[i]]` (all stems in one string: no allocation per word).
struct Piece {
    tokens: Tokens,
    stems: String,
    ends: Vec<u32>,
}

impl Piece {
    /// The stems of the local ids, in id order.
    fn stems(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(from, to)| &self.stems[from as usize..to as usize])
    }
}

/// Tokenises the units' `texts` with local ids and stems each distinct raw word of the run
/// once (a borrowed slice of a unit's text; its occurrences cost one hash lookup). Runs are
/// tokenised and stemmed in parallel; only interning the stems is left to one thread.
fn tokenize_piece(texts: &[Cow<'_, str>], language: &Language) -> Piece {
    let mut ids = RawIds::default();
    let mut raws = Vec::new();
    let mut tokens = Tokens::new();
    for text in texts {
        language.for_each_sentence(text, |s| {
            let before = tokens.words.len();
            for w in raw_words(s) {
                let id = *ids.entry(w).or_insert_with(|| {
                    raws.push(w);
                    raws.len() as u32 - 1
                });
                tokens.words.push(id);
            }
            if tokens.words.len() > before {
                tokens.sents.push(tokens.words.len() as u32);
            }
        });
        tokens.units.push(tokens.sents.len() as u32 - 1);
    }
    let (mut low, mut buf) = (String::new(), String::new());
    let mut stems = String::new();
    let mut ends = Vec::with_capacity(raws.len());
    for w in raws {
        language.stem_into(w, &mut low, &mut buf);
        stems.push_str(&buf);
        ends.push(stems.len() as u32);
    }
    Piece {
        tokens,
        stems,
        ends,
    }
}

/// The word ids of the units' `texts`, interning new stems into `vocab` in order of first appearance.
///
/// A large document is cut into fixed consecutive runs of [`PARALLEL_MIN_UNITS`] units
/// tokenised and stemmed in parallel (rayon) with local ids; the runs' stems are then
/// interned in run order and, within a run, in order of first appearance, which is the
/// order of first appearance in the whole document: the ids are the same as on one thread.
fn tokenize(texts: &[&str], language: &Language, vocab: &mut Vocab) -> Tokens {
    let units: Vec<Cow<str>> = texts.iter().map(|t| nfc(t)).collect();
    let pieces: Vec<Piece> = if units.len() < PARALLEL_MIN_UNITS * 2 {
        vec![tokenize_piece(&units, language)]
    } else {
        use rayon::prelude::*;
        units
            .par_chunks(PARALLEL_MIN_UNITS)
            .map(|run| tokenize_piece(run, language))
            .collect()
    };
    let mut out = Tokens::new();
    for piece in pieces {
        let global: Vec<u32> = piece.stems().map(|stem| vocab.intern(stem)).collect();
        let Piece { mut tokens, .. } = piece;
        for w in &mut tokens.words {
            *w = global[*w as usize];
        }
        out.append(tokens);
    }
    out
}

/// The profiles of both documents' units, over one shared vocabulary (for tests: the
/// aligner passes the texts it aligns, [`profiles_of`]).
#[cfg(test)]
pub fn profiles(old: &Document, new: &Document) -> (Vocab, Vec<Profile>, Vec<Profile>) {
    use super::pieces::texts;
    profiles_of(&texts(old), &texts(new))
}

/// The profiles of the units whose texts are `old` and `new`, over one shared vocabulary.
pub fn profiles_of(old: &[&str], new: &[&str]) -> (Vocab, Vec<Profile>, Vec<Profile>) {
    let mut vocab = Vocab::default();
    // Each distinct raw word (a slice of a unit's text, never copied) is stemmed and
    // interned once; its later occurrences cost one hash lookup.
    let language = Language::detect(old, new);
    let old_tokens = tokenize(old, &language, &mut vocab);
    let new_tokens = tokenize(new, &language, &mut vocab);
    let n_words = vocab.ids.len();
    vocab.df = vec![0; n_words];
    let mut seen = vec![u32::MAX; n_words];
    let mut unit_no = 0u32;
    for tokens in [&old_tokens, &new_tokens] {
        for u in 0..tokens.len() {
            for &w in tokens.unit_words(u) {
                if seen[w as usize] != unit_no {
                    seen[w as usize] = unit_no;
                    vocab.df[w as usize] += 1;
                }
            }
            unit_no += 1;
        }
    }
    drop(seen);
    let n_units = (old_tokens.len() + new_tokens.len()) as f32;
    vocab.idf = vocab
        .df
        .iter()
        .map(|&df| ((n_units + 1.0) / df.max(1) as f32).ln())
        .collect();
    let old_profiles = build_all(&old_tokens, &vocab.idf);
    drop(old_tokens);
    let new_profiles = build_all(&new_tokens, &vocab.idf);
    (vocab, old_profiles, new_profiles)
}

/// Sums profiles (for the joined side of a merge or split). The terms are summed in place
/// in one array sized exactly, and the sentences list is sized exactly: the joined side of
/// a huge unit's split holds all its pieces, the peak of memory of the alignment.
pub fn join(profiles: &[&Profile]) -> Profile {
    let mut terms: Vec<(u32, f32)> =
        Vec::with_capacity(profiles.iter().map(|p| p.terms.len()).sum());
    terms.extend(profiles.iter().flat_map(|p| p.terms.iter().copied()));
    // Stable: equal words are summed in profile order, as they always were.
    terms.sort_by_key(|a| a.0);
    let mut kept = 0;
    for i in 0..terms.len() {
        let (w, x) = terms[i];
        if kept > 0 && terms[kept - 1].0 == w {
            terms[kept - 1].1 += x;
        } else {
            terms[kept] = (w, x);
            kept += 1;
        }
    }
    terms.truncate(kept);
    terms.shrink_to_fit();
    let norm = terms.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
    let mass = terms.iter().map(|t| t.1).sum();
    let mut sentences = Vec::with_capacity(profiles.iter().map(|p| p.sentences.len()).sum());
    sentences.extend(profiles.iter().flat_map(|p| p.sentences.iter().cloned()));
    Profile {
        terms,
        norm,
        mass,
        sentences,
        shingles: Vec::new(),
    }
}

/// The hash of a pair of consecutive word ids (collisions only cost a wasted candidate).
pub fn shingle(a: u32, b: u32) -> u32 {
    let x = ((a as u64) << 32 | b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (x >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crude_stems_merge_spelling_variants_and_plurals() {
        let none = Language::default();
        assert_eq!(stem(&none, "specialised"), stem(&none, "specialized"));
        assert_eq!(stem(&none, "organisations"), stem(&none, "organization"));
        assert_eq!(stem(&none, "Programmes"), stem(&none, "programme"));
        assert_eq!(stem(&none, "class"), "class");
        assert_ne!(stem(&none, "state"), stem(&none, "statute"));
    }

    #[test]
    fn parallel_tokenising_gives_the_ids_of_one_thread() {
        // Enough units for the parallel path; words first seen in the second half too.
        let texts: Vec<String> = (0..PARALLEL_MIN_UNITS * 2 + 7)
            .map(|i| {
                format!(
                    "Word{} common w{}; organised. Organized x{}",
                    i % 97,
                    i,
                    i / 3
                )
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert!(texts.len() >= PARALLEL_MIN_UNITS * 2);
        let mut vocab = Vocab::default();
        let language = Language::of(whatlang::Lang::Eng);
        let parallel = tokenize(&texts, &language, &mut vocab);
        let texts: Vec<Cow<str>> = texts.iter().map(|t| nfc(t)).collect();
        let piece = tokenize_piece(&texts, &language);
        let mut one = Vocab::default();
        let global: Vec<u32> = piece.stems().map(|w| one.intern(w)).collect();
        let words: Vec<u32> = piece
            .tokens
            .words
            .iter()
            .map(|&w| global[w as usize])
            .collect();
        assert_eq!(parallel.words, words);
        assert_eq!(parallel.sents, piece.tokens.sents);
        assert_eq!(parallel.units, piece.tokens.units);
        assert_eq!(vocab.ids.len(), one.ids.len());
    }

    #[test]
    fn composed_and_decomposed_accents_are_one_word() {
        // Issue 13: "Café" typed with U+00E9 and with e + U+0301 is the same word.
        let texts = ["The Caf\u{e9} opens.", "The Cafe\u{301} opens."];
        let mut vocab = Vocab::default();
        let tokens = tokenize(&texts, &Language::default(), &mut vocab);
        let (first, second) = tokens.words.split_at(tokens.words.len() / 2);
        assert_eq!(first, second);
        assert_eq!(nfc("Cafe\u{301}"), "Caf\u{e9}");
        assert!(matches!(nfc("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn idf_discounts_words_found_everywhere() {
        let old = crate::segment::segment(
            "old",
            "the cat sat\n\nthe dog ran\n\nthe bird flew\n",
            &Default::default(),
        );
        let new = crate::segment::segment("new", "the cat sat down\n", &Default::default());
        let (vocab, olds, _) = profiles(&old, &new);
        let the = olds[0].terms.iter().find(|t| t.0 == 0).map(|t| t.1);
        let cat = olds[0].terms.iter().find(|t| t.0 == 1).map(|t| t.1);
        assert!(the.unwrap_or(0.0) < cat.unwrap_or(0.0) / 2.0);
        assert_eq!(vocab.df[0], 4);
    }
}
