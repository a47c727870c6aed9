//! Words, their weights and the weighted profile of each unit.
//!
//! A unit's matching text ([`Unit::norm`](crate::model::Unit::norm)) is cut into words at
//! every character that is not a letter or a digit; each word is reduced to a crude stem
//! (British/American `-ise`/`-ize` unified, a plural `s` dropped, cut to
//! [`STEM_CHARS`] characters) so that `specialised`/`specialized`, `programme`/`programmes`
//! or `organisation`/`organizations` count as one word. Words are interned into `u32` ids in
//! order of first appearance (old document first), so nothing depends on hash order.
//!
//! Each word gets an inverse document frequency over the units of *both* documents,
//! `ln((N + 1) / df)`: a word found in every unit weighs about nothing, a word found in two
//! units weighs most. Stop words and the document's own topic words (`human`, `rights`,
//! `assistance` in a human-rights report) are thus discounted without any list.
//!
//! A [`Profile`] is a unit's sparse vector of `(word, weight)` sorted by word id, with weight
//! `idf · (1 + ln tf)`, plus its sentences as sorted word sets. Building all profiles is
//! linear in the size of the input.

use std::collections::HashMap;

use crate::model::Document;

/// Characters a stem keeps: long enough to keep most words apart, short enough to merge
/// inflections (`international`/`internationally`, `recommend`/`recommendations`).
pub const STEM_CHARS: usize = 7;

/// Word pairs kept per unit for candidate generation, the most informative first: enough to
/// find a lightly edited unit by several of them, few enough to keep the index small.
pub const MAX_SHINGLES: usize = 32;

/// A fast hasher for the vocabulary (words are not attacker-chosen keys here, and the map
/// is never iterated, so its order cannot leak into output).
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
}

/// Word ids, in order of first appearance.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: HashMap<String, u32, std::hash::BuildHasherDefault<WordHasher>>,
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

/// The stem of a lower-case word (see the module docs).
#[cfg(test)]
pub fn stem(word: &str) -> String {
    let mut out = String::new();
    stem_into(word, &mut out);
    out
}

/// Writes the stem of `word` into `out` (cleared first), without allocating once `out` has
/// grown.
fn stem_into(word: &str, out: &mut String) {
    out.clear();
    let long = word.len() >= 6 && word.chars().nth(5).is_some();
    let mut chars = word.chars();
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        chars.next_back();
    }
    for c in chars.take(STEM_CHARS) {
        out.push(if long && c == 'z' { 's' } else { c });
    }
}

/// The words of a normalised text, in order.
pub fn raw_words(norm: &str) -> impl Iterator<Item = &str> + '_ {
    norm.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The sentences of a normalised text: cut after `.`, `!`, `?` or `;` followed by a space.
pub fn sentences(norm: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = norm.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?' | b';') && bytes.get(i + 1) == Some(&b' ') {
            out.push(&norm[start..=i]);
            start = i + 1;
        }
    }
    if start < norm.len() {
        out.push(&norm[start..]);
    }
    out
}

/// The profiles of both documents' units, over one shared vocabulary.
pub fn profiles(old: &Document, new: &Document) -> (Vocab, Vec<Profile>, Vec<Profile>) {
    let mut vocab = Vocab::default();
    // Per unit: sentences as lists of word ids.
    let mut buf = String::new();
    let mut tokenize = |doc: &Document| -> Vec<Vec<Vec<u32>>> {
        doc.units
            .iter()
            .map(|u| {
                sentences(&u.norm)
                    .into_iter()
                    .map(|s| {
                        raw_words(s)
                            .map(|w| {
                                stem_into(w, &mut buf);
                                vocab.intern(&buf)
                            })
                            .collect::<Vec<u32>>()
                    })
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .collect()
    };
    let old_words = tokenize(old);
    let new_words = tokenize(new);
    let n_words = vocab.ids.len();
    vocab.df = vec![0; n_words];
    let mut seen = vec![u32::MAX; n_words];
    for (unit_no, unit) in old_words.iter().chain(&new_words).enumerate() {
        let unit_no = unit_no as u32;
        for &w in unit.iter().flatten() {
            if seen[w as usize] != unit_no {
                seen[w as usize] = unit_no;
                vocab.df[w as usize] += 1;
            }
        }
    }
    let n_units = (old_words.len() + new_words.len()) as f32;
    vocab.idf = vocab
        .df
        .iter()
        .map(|&df| ((n_units + 1.0) / df.max(1) as f32).ln())
        .collect();
    let build = |unit: &Vec<Vec<u32>>| -> Profile {
        let mut all: Vec<u32> = unit.iter().flatten().copied().collect();
        all.sort_unstable();
        let mut terms: Vec<(u32, f32)> = Vec::new();
        let mut i = 0;
        while i < all.len() {
            let mut j = i;
            while j < all.len() && all[j] == all[i] {
                j += 1;
            }
            let tf = (j - i) as f32;
            let w = vocab.idf[all[i] as usize] * (1.0 + tf.ln());
            if w > 0.0 {
                terms.push((all[i], w));
            }
            i = j;
        }
        let norm = terms.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
        let mass = terms.iter().map(|t| t.1).sum();
        let sentences = unit
            .iter()
            .map(|s| {
                let mut ids = s.clone();
                ids.sort_unstable();
                ids.dedup();
                let words: Vec<(u32, f32)> = ids
                    .into_iter()
                    .map(|w| (w, vocab.idf[w as usize]))
                    .collect();
                let weight = words.iter().map(|w| w.1).sum();
                Sentence { words, weight }
            })
            .filter(|s| s.weight > 0.0)
            .collect();
        // The most informative word pairs only: a pair of common words finds nothing.
        let mut pairs: Vec<(f32, u32)> = unit
            .iter()
            .flat_map(|s| s.windows(2))
            .map(|p| {
                let idf = vocab.idf[p[0] as usize] + vocab.idf[p[1] as usize];
                (idf, shingle(p[0], p[1]))
            })
            .collect();
        let by_idf = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if pairs.len() > MAX_SHINGLES {
            pairs.select_nth_unstable_by(MAX_SHINGLES, by_idf);
            pairs.truncate(MAX_SHINGLES);
        }
        let mut shingles: Vec<u32> = pairs.into_iter().map(|p| p.1).collect();
        shingles.sort_unstable();
        shingles.dedup();
        Profile {
            terms,
            norm,
            mass,
            sentences,
            shingles,
        }
    };
    // Consumed unit by unit, so the token lists are freed as the profiles are built.
    let old_profiles = old_words.into_iter().map(|u| build(&u)).collect();
    let new_profiles = new_words.into_iter().map(|u| build(&u)).collect();
    (vocab, old_profiles, new_profiles)
}

/// Sums profiles (for the joined side of a merge or split).
pub fn join(profiles: &[&Profile]) -> Profile {
    let mut all: Vec<(u32, f32)> = profiles
        .iter()
        .flat_map(|p| p.terms.iter().copied())
        .collect();
    all.sort_by_key(|a| a.0);
    let mut terms: Vec<(u32, f32)> = Vec::with_capacity(all.len());
    for (w, x) in all {
        match terms.last_mut() {
            Some(last) if last.0 == w => last.1 += x,
            _ => terms.push((w, x)),
        }
    }
    let norm = terms.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
    let mass = terms.iter().map(|t| t.1).sum();
    let sentences = profiles
        .iter()
        .flat_map(|p| p.sentences.iter().cloned())
        .collect();
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
    fn stems_merge_spelling_variants_and_plurals() {
        assert_eq!(stem("specialised"), stem("specialized"));
        assert_eq!(stem("organisations"), stem("organization"));
        assert_eq!(stem("programmes"), stem("programme"));
        assert_eq!(stem("class"), "class");
        assert_ne!(stem("state"), stem("statute"));
    }

    #[test]
    fn sentences_cut_at_terminal_punctuation() {
        assert_eq!(
            sentences("one two. three; four? five"),
            vec!["one two.", " three;", " four?", " five"]
        );
        assert_eq!(
            sentences("no cut in 3.5 or e.g.x"),
            vec!["no cut in 3.5 or e.g.x"]
        );
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
