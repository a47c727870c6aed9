//! Prose: sentences, paragraphs and heading titles as token sequences, and their rendering.
//!
//! Texts are kept as tokens (indices into the [`Vocab`]) until rendering, so that edits can
//! tell content words from function words and generation stays cheap at 100,000 paragraphs.

use super::rng::Rng;
use super::vocab::Vocab;

/// One token of prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Tok {
    /// A function word.
    Func(u32),
    /// A content word.
    Word(u32),
    /// A proper noun.
    Name(u32),
    /// A number such as `15` or `340`.
    Num(u32),
    /// A year.
    Year(u16),
    /// A document reference `a/b`, as in "resolution 41/7".
    Ref(u16, u16),
    /// A comma, attached to the previous token.
    Comma,
    /// An opening quotation mark, attached to the next token.
    Open,
    /// A closing quotation mark, attached to the previous token.
    Close,
    /// A dash set between spaces (a parenthetical).
    Dash,
}

impl Tok {
    /// True for the tokens that carry content (what a rewrite must partly keep).
    pub(crate) fn is_content(self) -> bool {
        matches!(
            self,
            Tok::Word(_) | Tok::Name(_) | Tok::Num(_) | Tok::Year(_) | Tok::Ref(..)
        )
    }
}

/// A sentence: tokens without the final period.
pub(crate) type Sentence = Vec<Tok>;

/// A body paragraph: its sentences.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Para {
    /// The sentences, in order.
    pub(crate) sentences: Vec<Sentence>,
}

/// Shortest sentence, in words.
const MIN_SENTENCE: usize = 8;
/// Longest sentence, in words.
const MAX_SENTENCE: usize = 30;
/// Share of function words among a sentence's words (English prose: about 45%).
const FUNCTION_SHARE: f64 = 0.45;
/// Share of a section's content words drawn from its topic words, which makes paragraphs of
/// one section resemble each other as they do in real documents.
const TOPIC_SHARE: f64 = 0.3;
/// Topic words per section.
pub(crate) const TOPIC_WORDS: usize = 15;

/// Writes prose from a vocabulary.
#[derive(Debug)]
pub(crate) struct Writer {
    pub(crate) vocab: Vocab,
    reference_words: Vec<u32>,
}

impl Writer {
    /// A writer over a vocabulary with `invented` generated content words.
    pub(crate) fn new(invented: usize) -> Writer {
        let vocab = Vocab::new(invented);
        let reference_words = ["resolution", "decision", "document", "paragraph", "report"]
            .iter()
            .map(|w| vocab.content_index(w))
            .collect();
        Writer {
            vocab,
            reference_words,
        }
    }

    /// Topic words for a new section: two thirds listed words, one third invented words of
    /// any rank (the section's own terms).
    pub(crate) fn topic(&self, rng: &mut Rng) -> Vec<u32> {
        let listed = self.vocab.listed;
        let hi = self.vocab.content.len();
        (0..TOPIC_WORDS)
            .map(|i| {
                if i % 3 < 2 {
                    rng.range(20, listed - 1) as u32
                } else {
                    rng.range(listed, hi - 1) as u32
                }
            })
            .collect()
    }

    /// A content word, from the topic or the whole vocabulary.
    pub(crate) fn content(&self, rng: &mut Rng, topic: &[u32]) -> Tok {
        if !topic.is_empty() && rng.chance(TOPIC_SHARE) {
            Tok::Word(*rng.pick(topic))
        } else {
            Tok::Word(self.vocab.content_word(rng))
        }
    }

    /// Any word in the proportions of running prose.
    pub(crate) fn word(&self, rng: &mut Rng, topic: &[u32]) -> Tok {
        if rng.chance(FUNCTION_SHARE) {
            Tok::Func(self.vocab.function_word(rng))
        } else {
            self.content(rng, topic)
        }
    }

    /// A fresh sentence of 8–30 words.
    pub(crate) fn sentence(&self, rng: &mut Rng, topic: &[u32]) -> Sentence {
        // Sum of two uniforms: lengths cluster around 19 words, as in formal prose.
        let span = MAX_SENTENCE - MIN_SENTENCE;
        let len = MIN_SENTENCE + (rng.below(span / 2 + 1) + rng.below(span / 2 + 1));
        let mut s = Vec::with_capacity(len + 3);
        let mut words = 0;
        while words < len {
            let r = rng.unit();
            let last = words + 1 == len;
            if words > 0 && !last && r < 0.015 {
                s.push(Tok::Num(rng.range(2, 400) as u32));
            } else if words > 0 && !last && r < 0.025 {
                s.push(Tok::Year(rng.range(1945, 2030) as u16));
            } else if words + 2 < len && r < 0.035 {
                s.push(Tok::Word(*rng.pick(&self.reference_words)));
                s.push(Tok::Ref(rng.range(1, 75) as u16, rng.range(1, 300) as u16));
                words += 1;
            } else if r < 0.065 {
                s.push(Tok::Name(self.vocab.name(rng)));
            } else {
                s.push(self.word(rng, topic));
            }
            words += 1;
            if words > 2 && words + 2 < len && rng.chance(0.06) {
                s.push(Tok::Comma);
            }
        }
        // Now and then a quoted phrase or a parenthetical between dashes.
        if s.len() > 8 && rng.chance(0.06) {
            let at = rng.range(1, s.len() - 5);
            let end = at + rng.range(2, 4);
            if !s[at..end].contains(&Tok::Comma) {
                s.insert(end, Tok::Close);
                s.insert(at, Tok::Open);
            }
        } else if s.len() > 10 && rng.chance(0.04) {
            let at = rng.range(2, s.len() - 6);
            let end = at + rng.range(3, 5);
            if !s[at..end].contains(&Tok::Comma) {
                s.insert(end, Tok::Dash);
                s.insert(at, Tok::Dash);
            }
        }
        s
    }

    /// A fresh paragraph of 1–8 sentences (most have 2–5).
    pub(crate) fn paragraph(&self, rng: &mut Rng, topic: &[u32]) -> Para {
        const COUNTS: [usize; 12] = [1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 8];
        let n = if rng.chance(0.1) {
            rng.range(1, 8)
        } else {
            *rng.pick(&COUNTS)
        };
        Para {
            sentences: (0..n).map(|_| self.sentence(rng, topic)).collect(),
        }
    }

    /// A heading title of 2–9 words, mostly content words.
    pub(crate) fn title(&self, rng: &mut Rng, topic: &[u32]) -> Sentence {
        let n = rng.range(2, 9);
        let connectives = ["and", "of", "in", "for", "on"];
        let mut s = Vec::with_capacity(n);
        for i in 0..n {
            if i > 0 && i + 1 < n && rng.chance(0.3) {
                let w = *rng.pick(&connectives);
                let idx = self.vocab.function.iter().position(|f| f == w).unwrap_or(0);
                s.push(Tok::Func(idx as u32));
            } else {
                s.push(self.content(rng, topic));
            }
        }
        s
    }

    /// Appends the words of `sentence` to `out`, capitalising the first one.
    pub(crate) fn render_words(&self, sentence: &[Tok], out: &mut String) {
        let start = out.len();
        let mut glued = true;
        for &tok in sentence {
            if !glued && !matches!(tok, Tok::Comma | Tok::Close) {
                out.push(' ');
            }
            glued = tok == Tok::Open;
            match tok {
                Tok::Func(i) => out.push_str(&self.vocab.function[i as usize]),
                Tok::Word(i) => out.push_str(&self.vocab.content[i as usize]),
                Tok::Name(i) => out.push_str(&self.vocab.names[i as usize]),
                Tok::Num(n) => out.push_str(&n.to_string()),
                Tok::Year(y) => out.push_str(&y.to_string()),
                Tok::Ref(a, b) => {
                    out.push_str(&a.to_string());
                    out.push('/');
                    out.push_str(&b.to_string());
                }
                Tok::Comma => out.push(','),
                Tok::Open | Tok::Close => out.push('"'),
                Tok::Dash => out.push('-'),
            }
        }
        if let Some(first) = out[start..].chars().find(|c| c.is_alphanumeric())
            && out[start..].starts_with(first)
            && first.is_lowercase()
        {
            let upper: String = first.to_uppercase().collect();
            out.replace_range(start..start + first.len_utf8(), &upper);
        }
    }

    /// A sentence as text, with its final period.
    pub(crate) fn render_sentence(&self, sentence: &[Tok], out: &mut String) {
        self.render_words(sentence, out);
        out.push('.');
    }

    /// A paragraph as one line of text (no number).
    pub(crate) fn render_para(&self, para: &Para) -> String {
        let mut out = String::new();
        for (i, s) in para.sentences.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            self.render_sentence(s, &mut out);
        }
        out
    }

    /// A heading title as text.
    pub(crate) fn render_title(&self, title: &[Tok]) -> String {
        let mut out = String::new();
        self.render_words(title, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_have_8_to_30_words_and_end_with_a_period() {
        let w = Writer::new(crate::synth::vocab::MIN_INVENTED);
        let mut rng = Rng::new(11);
        let topic = w.topic(&mut rng);
        for _ in 0..500 {
            let s = w.sentence(&mut rng, &topic);
            let mut text = String::new();
            w.render_sentence(&s, &mut text);
            let words = text.split_whitespace().count();
            assert!((8..=30).contains(&words), "{words} words: {text}");
            assert!(text.ends_with('.'));
            assert!(
                text.chars().next().is_some_and(|c| !c.is_lowercase()),
                "{text}"
            );
        }
    }
}
