//! Paragraph openers: words that, in this document, begin paragraphs and nothing else.
//!
//! Text extracted from a PDF often has no blank line between paragraphs, and a paragraph
//! whose last line happens to be full looks like the sentence after it going on. Some
//! documents open many paragraphs with the same word: the recitals of a Spanish decree
//! (`Que, …`), of an EU act (`Whereas …`), the preamble of a resolution (`Recalling …`).
//! Such a word is an opener of *this* document when the document itself shows it:
//!
//! - at least [`MIN_CONFIRMED`] lines start with it where the layout already says a
//!   paragraph starts (the line before ends a sentence and is short, or a blank line
//!   stands between), and at least as many as those where the layout says nothing (the
//!   line before ends a sentence and is full);
//! - it never starts a line that goes on a sentence (the line before does not end one),
//!   so it is not a name or a term that wraps to a line start;
//! - it never starts a sentence inside a line: a word that does (`The`, `However,`) opens
//!   sentences, and a sentence may start a line inside its paragraph.
//!
//! Then a line that starts with it after a line ending a sentence opens a paragraph, full
//! line before or not. Nothing here knows any word: the words are the document's own.
//!
//! Cost: one pass over the lines and a map of their first words; a second pass over the
//! words, `O(W log C)` for `W` words and `C` candidates, only where a candidate is left.

use std::collections::HashMap;

use super::style::ends_terminal;

/// Fewest lines opening a paragraph by layout that make a word an opener: three, so that
/// two paragraphs that happen to start alike are not enough.
pub(crate) const MIN_CONFIRMED: usize = 3;

/// What the document shows of one word.
#[derive(Default, Clone, Copy)]
struct Seen {
    /// Line starts where the layout says a paragraph starts.
    confirmed: usize,
    /// Line starts after a full line ending a sentence: the case to decide.
    open_question: usize,
    /// Line starts after a line that does not end a sentence, or sentence starts inside
    /// a line.
    against: usize,
}

/// Collects the evidence line by line; [`OpenersBuilder::finish`] gives the openers.
pub(crate) struct OpenersBuilder<'t> {
    short_line: usize,
    /// A blank line separates paragraphs (wrapped blocks); in double-spaced PDF text it
    /// separates every line and says nothing.
    blank_breaks: bool,
    seen: HashMap<&'t str, Seen>,
    /// The text lines, for the sentences started inside them ([`OpenersBuilder::finish`]).
    lines: Vec<&'t str>,
    /// The last text line: its length and whether it ended a sentence.
    last: Option<(usize, bool)>,
    blank_since: bool,
}

impl<'t> OpenersBuilder<'t> {
    pub(crate) fn new(short_line: usize, blank_breaks: bool) -> Self {
        OpenersBuilder {
            short_line,
            blank_breaks,
            seen: HashMap::new(),
            lines: Vec::new(),
            last: None,
            blank_since: false,
        }
    }

    /// A blank line (or a rule) of the text.
    pub(crate) fn blank(&mut self) {
        self.blank_since = true;
    }

    /// A text line (trimmed); page furniture and page breaks are not given.
    pub(crate) fn line(&mut self, t: &'t str) {
        let mut words = t.split_whitespace();
        let Some(first) = words.next() else {
            return;
        };
        if starts_upper(first) {
            let seen = self.seen.entry(first).or_default();
            match self.last {
                Some((_, false)) => seen.against += 1,
                Some((len, true)) if len >= self.short_line => {
                    if self.blank_since && self.blank_breaks {
                        seen.confirmed += 1;
                    } else {
                        seen.open_question += 1;
                    }
                }
                Some(_) => seen.confirmed += 1,
                None => {}
            }
        }
        self.lines.push(t);
        self.last = Some((t.len(), ends_terminal(t)));
        self.blank_since = false;
    }

    /// The openers, sorted. The sentences started inside lines are looked for only when
    /// the line starts leave a candidate, which few documents do.
    pub(crate) fn finish(self) -> Openers {
        let mut words: Vec<&str> = self
            .seen
            .into_iter()
            .filter(|(_, s)| {
                s.against == 0 && s.confirmed >= MIN_CONFIRMED && s.confirmed >= s.open_question
            })
            .map(|(w, _)| w)
            .collect();
        if words.is_empty() {
            return Openers::default();
        }
        words.sort_unstable();
        let mut starts_sentences = vec![false; words.len()];
        for t in self.lines {
            let mut before = "";
            for word in t.split_whitespace() {
                // Most words end in a letter: passed over on their last byte.
                let ends_open = before
                    .as_bytes()
                    .last()
                    .is_none_or(|b| b.is_ascii_alphanumeric() || *b == b',');
                if !ends_open && ends_terminal(before) {
                    if let Ok(i) = words.binary_search(&word) {
                        starts_sentences[i] = true;
                    }
                }
                before = word;
            }
        }
        Openers(
            words
                .into_iter()
                .zip(starts_sentences)
                .filter(|&(_, inside)| !inside)
                .map(|(w, _)| w.to_string())
                .collect(),
        )
    }
}

/// The words that open paragraphs in one document.
#[derive(Debug, Default)]
pub(crate) struct Openers(Vec<String>);

impl Openers {
    /// True when line `t` (trimmed) starts with an opener.
    pub(crate) fn opens(&self, t: &str) -> bool {
        !self.0.is_empty()
            && t.split_whitespace()
                .next()
                .is_some_and(|w| self.0.binary_search_by(|o| o.as_str().cmp(w)).is_ok())
    }
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn openers(text: &str, short_line: usize) -> Openers {
        let mut b = OpenersBuilder::new(short_line, true);
        for line in text.lines() {
            if line.trim().is_empty() {
                b.blank();
            } else {
                b.line(line.trim());
            }
        }
        b.finish()
    }

    /// Five recitals: three open after a short line, the fourth after a full one.
    const RECITALS: &str = "\
Que, the first recital runs over two lines of the page and
ends short;
Que, the second one ends on a line that is
short as well;
Que, the third one does the same, as most
do;
Que, the fourth recital is long enough to fill its last line up;
Que, the fifth one comes after a full line and is the question;
DECRETA:";

    #[test]
    fn a_word_that_opens_paragraphs_by_layout_opens_them_after_full_lines_too() {
        let o = openers(RECITALS, 50);
        assert!(o.opens("Que, the fifth one"));
        assert!(!o.opens("DECRETA:"));
        assert!(!o.opens("short;"));
    }

    #[test]
    fn a_word_that_also_starts_sentences_inside_lines_is_no_opener() {
        let text = format!("{RECITALS}\nIt said so. Que, a sentence inside a line.");
        assert!(!openers(&text, 50).opens("Que, the fifth one"));
    }

    #[test]
    fn a_word_that_starts_a_line_inside_a_sentence_is_no_opener() {
        let text = format!("{RECITALS}\nthe Committee of the\nQue, river basin.");
        assert!(!openers(&text, 50).opens("Que, the fifth one"));
    }

    #[test]
    fn two_paragraphs_by_layout_are_not_enough() {
        let text = "Que, one ends\nshort;\nQue, two ends short.\nQue, three comes after it all.";
        assert!(!openers(text, 20).opens("Que, three"));
    }
}
