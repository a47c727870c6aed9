//! Inline footnote markers: the `2` of `world.2 The` and the `1` of `“can 1  play”`.
//!
//! A marker is only looked for when the footnote it points to was found at the foot of the
//! same page, in the order of the footnotes, so an ordinary number (`15 States`,
//! `resolution 37/23`) is never taken for one unless a footnote of that very number sits
//! at the foot of that page and no better candidate came first.

/// The one list of words in `segment/`: function words after which a bare number is a
/// quantity or a reference (`the 5 contracts`, `of 2015`, `in 12`), never a footnote
/// marker, in English, French, Spanish and German (the languages of the drafts the
/// project reads, and of the segmentation corpus). Articles, prepositions, conjunctions,
/// quantifiers (`all`, `first`, `nearly`) and the citation abbreviations every one of these
/// languages prints before a number (`p.`, `pp.`, `no.`, `nr.`). They are closed classes,
/// so a short list per language covers them, and a document gives no evidence about them:
/// a short text may never put a number after "the" elsewhere. The nouns a document refers
/// by (`resolution 5`, `annex 2`, `goal 16`, `para. 40`) are not listed: they are learnt
/// from the document itself ([`References`]). A language not listed loses only this
/// shortcut: its reference words are still learnt from the document.
const FUNCTION_WORDS: &[&str] = &[
    // English
    "the", "a", "an", "and", "or", "to", "of", "from", "than", "by", "in", "on", "at", "for",
    "with", "about", "over", "under", "some", "only", "all", "these", "those", "first", "last",
    "every", "each", "per", "nearly", "almost", "least", "most", "top", "no", "nos", "p", "pp",
    // French
    "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "à", "au", "aux", "en", "par",
    "pour", "sur", "sous", "avec", "dans", "plus", "moins", "chaque", // Spanish
    "el", "los", "las", "uno", "unos", "unas", "del", "y", "o", "al", "con", "por", "para",
    "sobre", "entre", "cada", "más", "menos", // German
    "der", "die", "das", "den", "dem", "ein", "eine", "einer", "und", "oder", "von", "zu", "im",
    "am", "mit", "für", "über", "unter", "je", "nr",
];

/// How often a word must stand before a number in a document to count as a word that
/// refers by number there (`resolution 37/23`, `annex 2`): twice, so a single
/// coincidence does not make one.
const MIN_REFERENCE_USES: u32 = 2;

/// The words after which a bare number is a reference in one document: the function
/// words, and the words that stand before a number at least [`MIN_REFERENCE_USES`] times
/// in the document's own text.
#[derive(Debug, Default)]
pub(crate) struct References {
    counts: std::collections::HashMap<String, u32>,
    buf: String,
}

impl References {
    /// Counts, in one line of running text, the words that stand before a number (one
    /// scan of the bytes for a digit after a space; the word before it is then looked at).
    pub fn count_line(&mut self, line: &str) {
        let b = line.as_bytes();
        for i in 1..b.len() {
            if !(b[i].is_ascii_digit() && b[i - 1] == b' ') {
                continue;
            }
            let before = line[..i].trim_end();
            // ASCII spaces never split a UTF-8 sequence, so these slices are str.
            let start = before.rfind(' ').map_or(0, |k| k + 1);
            let bare = before[start..].trim_matches(|c: char| !c.is_alphanumeric());
            if bare.is_empty() || !bare.chars().all(char::is_alphabetic) {
                continue;
            }
            self.buf.clear();
            self.buf.extend(bare.chars().flat_map(char::to_lowercase));
            match self.counts.get_mut(self.buf.as_str()) {
                Some(n) => *n += 1,
                None => {
                    self.counts.insert(self.buf.clone(), 1);
                }
            }
        }
    }

    /// Whether a bare number after `word` (lower case) is a reference.
    pub fn refers(&self, word: &str) -> bool {
        FUNCTION_WORDS.contains(&word)
            || self
                .counts
                .get(word)
                .is_some_and(|&n| n >= MIN_REFERENCE_USES)
    }
}

/// Finds the marker `label` (the footnote number as printed) in `s` at or after byte
/// `from`; returns its byte range. Candidates are the number glued to the end of a word (`world.2`, `State.3`,
/// `rights2`) or standing alone between spaces (`can 1  play`), in both cases followed by
/// a space or the end of the line.
pub(crate) fn find(s: &str, label: &str, from: usize, refs: &References) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let from = from.min(s.len());
    for (i, _) in s[from..].match_indices(label) {
        let i = from + i;
        let j = i + label.len();
        if j < bytes.len() && !s[j..].starts_with(char::is_whitespace) {
            continue;
        }
        let before = &s[..i];
        let Some(prev) = before.chars().next_back() else {
            // At the start of the line: a bare number opening a line is more likely part
            // of the text.
            continue;
        };
        if prev.is_whitespace() {
            // Standalone and followed by two spaces: the gap a superscript leaves in
            // extracted text, a marker whatever precedes it.
            if s[j..].starts_with("  ") || s[j..].starts_with(" \u{a0}") {
                return Some((i, j));
            }
            // Standalone otherwise: the previous word must be a word, not a reference keyword.
            let word = before
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            let lowered = bare.to_lowercase();
            if bare.is_empty()
                || !bare.chars().all(char::is_alphabetic)
                || refs.refers(&lowered)
                || word.ends_with([',', ';', ':', '('])
            {
                continue;
            }
            if j >= bytes.len() {
                continue;
            }
            return Some((i, j));
        }
        // Glued to a word: the word must be letters (and closing punctuation), so codes
        // such as A/HRC/27/41, 3.7 or CO2 are not taken.
        let word_start = before.rfind(char::is_whitespace).map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &before[word_start..];
        let core = word.trim_end_matches(['.', ',', ';', ':', ')', '”', '’', '"', '\'']);
        let core_letters = core.trim_start_matches(['(', '“', '‘', '"', '\'']);
        // One letter is enough when punctuation stands between (`a,7`), not when the
        // digits follow it directly (`A4`).
        let min_letters = if core.len() < word.len() { 1 } else { 2 };
        if core_letters.chars().count() < min_letters
            || !core_letters.chars().all(char::is_alphabetic)
        {
            continue;
        }
        if core.len() == word.len() && core_letters.chars().any(char::is_uppercase) {
            // Letters then digits with no punctuation between: only lower-case words
            // (rights2), not codes (CO2, A4).
            continue;
        }
        if core.len() < word.len() && core_letters.chars().count() <= 4 && word.ends_with('.') {
            // para.17, p.4, No.3: abbreviations before a number.
            if core_letters.chars().all(char::is_lowercase) || core_letters == "No" {
                continue;
            }
        }
        return Some((i, j));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document that refers by resolution, paragraph, section and article numbers.
    fn refs() -> References {
        let mut r = References::default();
        for line in [
            "in its resolution 37/23 and resolution 40/1, see para. 4 and para. 12,",
            "section 3 and section 4 of article 2 and article 7, annex 1 and annex 2",
        ] {
            r.count_line(line);
        }
        r
    }

    fn cut(s: &str, label: &str) -> Option<String> {
        find(s, label, 0, &refs()).map(|(i, j)| format!("{}{}", &s[..i], &s[j..]))
    }

    #[test]
    fn reference_words_come_from_the_document() {
        assert!(refs().refers("resolution") && refs().refers("annex"));
        // A word seen once before a number is not enough.
        let mut r = References::default();
        r.count_line("the report of goal 16 was");
        assert!(!r.refers("goal"));
        assert!(r.refers("the"));
    }

    #[test]
    fn glued_and_standalone_markers() {
        assert_eq!(
            cut("cooperation “can 1  play” an", "1").as_deref(),
            Some("cooperation “can   play” an")
        );
        assert_eq!(cut("world.2 The", "2").as_deref(), Some("world. The"));
        assert_eq!(cut("by the State.3", "3").as_deref(), Some("by the State."));
        assert_eq!(cut("the 1  praive", "1").as_deref(), Some("the   praive"));
        assert_eq!(cut("develop 5  ", "5").as_deref(), Some("develop   "));
        assert_eq!(cut("of a,7 courts", "7").as_deref(), Some("of a, courts"));
        assert_eq!(
            cut("of 107 3  borer", "3").as_deref(),
            Some("of 107   borer")
        );
        assert_eq!(
            cut("on Extradition 5 demonstrates", "5").as_deref(),
            Some("on Extradition  demonstrates")
        );
    }

    #[test]
    fn numbers_that_are_not_markers() {
        for (s, n) in [
            ("A total of 15 States", "5"),
            ("resolution 5 of", "5"),
            ("(ibid., para.17)", "17"),
            ("para. 4 below", "4"),
            ("CO2 emissions", "2"),
            ("a 3.7 per cent", "7"),
            ("A/HRC/27/41 and", "41"),
            ("3 States", "3"),
            ("the 5 contracts", "5"),
            ("in 2015, 2 States", "2"),
            ("in 2015 2 States", "2"),
            ("de la 5 contrats", "5"),
        ] {
            assert_eq!(find(s, n, 0, &refs()), None, "{s}");
        }
    }
}
