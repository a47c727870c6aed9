//! The pair's language: how its words are stemmed and where its sentences end.
//!
//! - The language is detected once per pair by `whatlang` (trigram statistics) on a sample
//!   of units spread over both documents, so one shared vocabulary is stemmed one way. When
//!   the detection is unreliable or the language has no Snowball stemmer, words fall back to
//!   the crude stem of earlier versions (plural `s` dropped, cut to
//!   [`STEM_CHARS`](super::STEM_CHARS) characters).
//! - Stems come from the Snowball stemmers of `rust-stemmers` (English, German, French and
//!   fifteen more). English spellings in `-ize` are folded into `-ise` first, so
//!   `organization` and `organisation` share a stem as before.
//! - Sentences are cut at Unicode sentence boundaries (UAX #29, `unicode-segmentation`,
//!   applied to a small window around each terminator followed by a space) on the original
//!   text (its capitals are what tells `e.g. the` from `end. The`), except after
//!   an abbreviation (`No.`, `Art.`, `para.`, `z. B.`, `vgl.`, `al.`, single letters such as
//!   initials). A number's period ends a sentence (`Absatz 2. Sonst` is as common in law
//!   as the ordinal `1. Januar`, and a cut too many costs less than a missed one). Each sentence is then
//!   cut at `; ` into clauses, since law and treaty texts chain whole provisions with
//!   semicolons.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use super::tokens::STEM_CHARS;

/// Bytes of text sampled from the two documents for language detection: a few pages are
/// enough for trigram statistics, and the cost stays fixed whatever the document size.
pub const DETECT_SAMPLE: usize = 16_000;

/// Lowest `whatlang` confidence at which the detected language's stemmer is used; below it,
/// the crude language-neutral stem is safer than a wrong language's suffix rules.
pub const DETECT_MIN_CONFIDENCE: f64 = 0.5;

/// Abbreviations (lower case, without their period) after which a period does not end a
/// sentence, in English, German and French legal and technical prose. Single letters
/// (`e.g.`, `z. B.`, initials) are handled apart.
const ABBREVIATIONS: &[&str] = &[
    // English
    "no", "nos", "art", "arts", "para", "paras", "sec", "secs", "ch", "chap", "fig", "figs", "vol",
    "vols", "pp", "cf", "vs", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd",
    "co", "corp", "approx", "resp", "al", "viz", "ibid", "op", "cit", "ed", "eds", "rev", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "subs", "reg",
    "regs", "ss", "incl", "esp", "min", "max", "ref", "refs", // German
    "abs", "nr", "bzw", "vgl", "ggf", "ca", "usw", "evtl", "inkl", "zzgl", "ziff", "lit", "bd",
    "hrsg", "sog", "gem", "einschl", "insb", "dgl", "buchst", "anl", "satz", "bzgl", "abschn",
    // French
    "mme", "mlle", "mm", "ex", "env", "av", "éd", "chap", "suiv", "cass", "civ",
];

/// The stemmer and sentence rules of one pair.
pub struct Language {
    stemmer: Option<Stemmer>,
    english: bool,
}

impl Default for Language {
    /// No language known: crude stems.
    fn default() -> Language {
        Language {
            stemmer: None,
            english: false,
        }
    }
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Language")
            .field("stemmer", &self.stemmer.is_some())
            .field("english", &self.english)
            .finish()
    }
}

impl Language {
    /// The language of the units' texts `old` and `new` together (see the module docs).
    pub fn detect(old: &[&str], new: &[&str]) -> Language {
        let mut sample = String::new();
        for texts in [old, new] {
            let budget = sample.len() + DETECT_SAMPLE / 2;
            // Units spread over the whole document, not only its front matter.
            let stride = (texts.len() / 64).max(1);
            for text in texts.iter().step_by(stride) {
                if sample.len() >= budget {
                    break;
                }
                sample.push_str(text);
                sample.push('\n');
            }
        }
        let Some(info) = whatlang::detect(&sample) else {
            return Language::default();
        };
        if info.confidence() < DETECT_MIN_CONFIDENCE {
            return Language::default();
        }
        Language::of(info.lang())
    }

    /// The rules of a known language.
    pub fn of(lang: whatlang::Lang) -> Language {
        use whatlang::Lang::*;
        let algorithm = match lang {
            Ara => Some(Algorithm::Arabic),
            Dan => Some(Algorithm::Danish),
            Nld => Some(Algorithm::Dutch),
            Eng => Some(Algorithm::English),
            Fin => Some(Algorithm::Finnish),
            Fra => Some(Algorithm::French),
            Deu => Some(Algorithm::German),
            Ell => Some(Algorithm::Greek),
            Hun => Some(Algorithm::Hungarian),
            Ita => Some(Algorithm::Italian),
            Nob => Some(Algorithm::Norwegian),
            Por => Some(Algorithm::Portuguese),
            Ron => Some(Algorithm::Romanian),
            Rus => Some(Algorithm::Russian),
            Spa => Some(Algorithm::Spanish),
            Swe => Some(Algorithm::Swedish),
            Tam => Some(Algorithm::Tamil),
            Tur => Some(Algorithm::Turkish),
            _ => None,
        };
        Language {
            stemmer: algorithm.map(Stemmer::create),
            english: lang == Eng,
        }
    }

    /// Writes the stem of the raw word `word` into `out` (cleared first); `low` is scratch.
    pub fn stem_into(&self, word: &str, low: &mut String, out: &mut String) {
        low.clear();
        for c in word.chars().filter(|&c| !ignorable(c)) {
            low.extend(c.to_lowercase());
        }
        out.clear();
        match &self.stemmer {
            Some(stemmer) => {
                if self.english && low.len() >= 6 && low.contains('z') {
                    // -ize/-ise and -yze/-yse spellings share one stem.
                    let folded = low.replace('z', "s");
                    out.push_str(&stemmer.stem(&folded));
                } else {
                    out.push_str(&stemmer.stem(low));
                }
            }
            None => crude_stem(low, out),
        }
    }

    /// Calls `f` on each sentence (clause) of `text`, in order (see the module docs).
    pub fn for_each_sentence<'a>(&self, text: &'a str, mut f: impl FnMut(&'a str)) {
        let mut start = 0;
        for end in boundaries(text) {
            if end < text.len() && self.continues(&text[start..end]) {
                continue;
            }
            clauses(&text[start..end], &mut f);
            start = end;
        }
        if start < text.len() {
            clauses(&text[start..], &mut f);
        }
    }

    /// Whether a sentence ending here goes on: it ends with an abbreviation's period.
    fn continues(&self, sentence: &str) -> bool {
        let Some(body) = sentence.trim_end().strip_suffix('.') else {
            return false;
        };
        let word_start = body
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &body[word_start..];
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (None, _) => false,
            // One letter: an initial, `e.g.`, `z. B.`, `i.e.`.
            (Some(c), None) if c.is_alphabetic() => true,
            _ => {
                let low = word.to_lowercase();
                ABBREVIATIONS.contains(&low.as_str())
            }
        }
    }
}

/// Bytes of context on each side of a possible sentence end given to the UAX #29 rules:
/// they look back over the terminator and closing punctuation and ahead over spaces and
/// digits to the next letter, a few characters in practice.
const BOUNDARY_CONTEXT: usize = 48;

/// The UAX #29 sentence boundaries of `text` (byte offsets after each sentence and its
/// trailing spaces), in order. The rules can only break after a sentence terminator, so
/// they are run on a small window around each terminator followed by a space rather than
/// on the whole text: the same boundaries for a fraction of the cost on long documents,
/// except that a line break alone ends no sentence (UAX #29 would end one there; in a
/// repaired unit a line break is layout).
fn boundaries(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            if !is_terminator(c) {
                continue;
            }
            // Skip closing punctuation, then require whitespace.
            let mut end = i + c.len_utf8();
            // A lone period (ATerm) followed only by closing punctuation.
            let mut lone_period = c == '.';
            while let Some(&(j, d)) = chars.peek() {
                if is_terminator(d) || is_closing(d) {
                    lone_period &= !is_terminator(d);
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let &(_, d) = chars.peek()?;
            if !d.is_whitespace() {
                continue;
            }
            let mut ws_end = end;
            let mut line_break = false;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_whitespace() {
                    line_break |= matches!(d, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}');
                    ws_end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if ws_end >= text.len() {
                return None;
            }
            // The common cases, decided by the rules directly (no line break in the
            // spaces): a capital after them breaks (SB11; SB8 needs a lower-case letter
            // first), a lower-case letter after a lone period does not (SB8).
            if let Some(&(_, next)) = chars.peek().filter(|_| !line_break) {
                if next.is_uppercase() {
                    return Some(ws_end);
                }
                if lone_period && next.is_lowercase() {
                    continue;
                }
            }
            let lo = floor_boundary(text, i.saturating_sub(BOUNDARY_CONTEXT));
            let hi = ceil_boundary(text, ws_end + BOUNDARY_CONTEXT);
            let window = &text[lo..hi];
            if window
                .split_sentence_bound_indices()
                .any(|(at, _)| lo + at == ws_end)
            {
                return Some(ws_end);
            }
        }
        None
    })
}

/// Sentence terminators of UAX #29 (STerm and ATerm) that matter in prose.
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\u{203C}' | '\u{203D}' | '\u{2047}'
            ..='\u{2049}'
                | '\u{3002}'
                | '\u{FF01}'
                | '\u{FF0E}'
                | '\u{FF1F}'
                | '\u{061F}'
                | '\u{06D4}'
                | '\u{0964}'
                | '\u{0965}'
    )
}

/// Closing punctuation that may follow a terminator (`."`, `.)`, `.»`).
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '\u{2019}' | '\u{201D}' | '\u{00BB}' | '\u{203A}'
    )
}

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `text` at or above `at`.
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Characters that join a word rather than cut it (soft hyphen, zero-width characters), as
/// the unit's normalised text drops them.
fn ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The words of a text, in order: runs of letters and digits (soft hyphens and zero-width
/// characters inside a word are kept in it and dropped when it is stemmed). In a script
/// written without spaces between words (Chinese, Japanese, Thai…) a run of letters is a
/// whole clause, so such a run is cut into its overlapping pairs of characters instead
/// ([`Unspaced`]).
pub fn raw_words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || ignorable(c)))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .flat_map(Unspaced::new)
}

/// True for the letters of scripts written without spaces between words: Han ideographs,
/// Hiragana, Katakana (full and half width), Thai, Lao, Khmer and Myanmar. (Korean Hangul
/// is written with spaces.)
fn unspaced(c: char) -> bool {
    matches!(
        c as u32,
        0x0E00..=0x0EFF     // Thai, Lao
            | 0x1000..=0x109F // Myanmar
            | 0x1780..=0x17FF // Khmer
            | 0x3040..=0x30FF // Hiragana, Katakana
            | 0x31F0..=0x31FF // Katakana phonetic extensions
            | 0x3400..=0x4DBF // CJK extension A
            | 0x4E00..=0x9FFF // CJK unified ideographs
            | 0xF900..=0xFAFF // CJK compatibility ideographs
            | 0xFF66..=0xFF9F // half-width Katakana
            | 0x20000..=0x3FFFF // CJK extensions B and later
    )
}

/// The words of one run of letters and digits: the run itself when it holds no letter of
/// an unspaced script ([`unspaced`]), else its spaced parts whole (`Vue`, `API`) and its
/// unspaced parts as overlapping character bigrams (`単一ファイル` → `単一`, `一フ`, `ファ`,
/// `ァイ`, `イル`), the unit of indexing that needs no dictionary (as Lucene's CJK bigram
/// filter does); an unspaced character standing alone is a word of one character.
pub struct Unspaced<'a> {
    word: &'a str,
    at: usize,
    /// The last piece ended on an unspaced character that also starts the next bigram.
    after_pair: bool,
}

impl<'a> Unspaced<'a> {
    fn new(word: &'a str) -> Unspaced<'a> {
        Unspaced {
            word,
            at: 0,
            after_pair: false,
        }
    }
}

impl<'a> Iterator for Unspaced<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.at == 0
            && !self.after_pair
            && (self.word.is_ascii() || !self.word.chars().any(unspaced))
        {
            self.at = self.word.len();
            return (!self.word.is_empty()).then_some(self.word);
        }
        loop {
            let rest = &self.word[self.at..];
            let mut chars = rest.char_indices();
            let (_, c) = chars.next()?;
            if !unspaced(c) {
                let end = rest
                    .char_indices()
                    .find(|&(_, c)| unspaced(c))
                    .map_or(rest.len(), |(i, _)| i);
                self.at += end;
                self.after_pair = false;
                return Some(&rest[..end]);
            }
            let first = c.len_utf8();
            match chars.next() {
                Some((_, d)) if unspaced(d) => {
                    self.at += first;
                    self.after_pair = true;
                    return Some(&rest[..first + d.len_utf8()]);
                }
                _ => {
                    self.at += first;
                    let alone = !std::mem::take(&mut self.after_pair);
                    if alone {
                        return Some(&rest[..first]);
                    }
                }
            }
        }
    }
}

/// Cuts `sentence` at `; ` into clauses.
fn clauses<'a>(sentence: &'a str, f: &mut impl FnMut(&'a str)) {
    let mut start = 0;
    let bytes = sentence.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b';' && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace) {
            f(&sentence[start..=i]);
            start = i + 1;
        }
    }
    if start < sentence.len() {
        f(&sentence[start..]);
    }
}

/// The language-neutral stem: a plural `s` dropped, `z` read as `s` in long words, cut to
/// [`STEM_CHARS`] characters.
fn crude_stem(word: &str, out: &mut String) {
    let long = word.len() >= 6 && word.chars().nth(5).is_some();
    let mut chars = word.chars();
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        chars.next_back();
    }
    for c in chars.take(STEM_CHARS) {
        out.push(if long && c == 'z' { 's' } else { c });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(lang: &Language, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        lang.for_each_sentence(text, |s| out.push(s.trim().to_string()));
        out
    }

    fn stem(lang: &Language, word: &str) -> String {
        let (mut low, mut out) = (String::new(), String::new());
        lang.stem_into(word, &mut low, &mut out);
        out
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let en = Language::of(whatlang::Lang::Eng);
        assert_eq!(
            sentences(
                &en,
                "See e.g. Art. 3 and No. 5 of para. 40. Then stop. Go on; or not."
            ),
            vec![
                "See e.g. Art. 3 and No. 5 of para. 40.",
                "Then stop.",
                "Go on;",
                "or not."
            ]
        );
        let de = Language::of(whatlang::Lang::Deu);
        assert_eq!(
            sentences(&de, "Das gilt z. B. nach § 5 Abs. 2 Nr. 3. Sonst nicht."),
            vec!["Das gilt z. B. nach § 5 Abs. 2 Nr. 3.", "Sonst nicht."]
        );
    }

    #[test]
    fn windowed_boundaries_are_the_uax29_boundaries() {
        for text in [
            "One. Two! Three? \"Four.\" (Five.) Six… Seven. 8 is a number. e.g. this. Done.",
            "Der Bund (Art. 3) trägt die Kosten. Die Länder – nicht der Bund – zahlen. Ende.",
            "Un texte. « Une citation. » Fin du texte.  Deux espaces.\nUne ligne.",
            "Why? because. Stop! now. Mr. Smith went. 3. Then. (a) x. 'Quoted.' Next. i.e. so",
            "Ends with \u{2019}quote.\u{2019} And. Über alles. élan vital. Ça va. 12 Monkeys.",
            "",
            "no terminator at all",
        ] {
            let full: Vec<usize> = text
                .split_sentence_bound_indices()
                .map(|(at, piece)| at + piece.len())
                .filter(|&end| end < text.len())
                .collect();
            let windowed: Vec<usize> = boundaries(text).collect();
            assert_eq!(windowed, full, "{text}");
        }
    }

    #[test]
    fn snowball_stems_merge_inflections_and_spellings() {
        let en = Language::of(whatlang::Lang::Eng);
        assert_eq!(stem(&en, "Organisations"), stem(&en, "organization"));
        assert_eq!(stem(&en, "specialised"), stem(&en, "specialized"));
        assert_eq!(stem(&en, "programmes"), stem(&en, "programme"));
        assert_ne!(stem(&en, "state"), stem(&en, "statute"));
        let fr = Language::of(whatlang::Lang::Fra);
        assert_eq!(stem(&fr, "adoptés"), stem(&fr, "adopté"));
        let de = Language::of(whatlang::Lang::Deu);
        assert_eq!(stem(&de, "Kindes"), stem(&de, "Kind"));
    }

    #[test]
    fn unspaced_scripts_are_cut_into_character_pairs() {
        // Vue.js quick start, Japanese translation (align corpus, dev).
        let words: Vec<&str> = raw_words("Vue の単一ファイル (SFC) を使う。").collect();
        assert_eq!(
            words,
            [
                "Vue", "の単", "単一", "一フ", "ファ", "ァイ", "イル", "SFC", "を使", "使う"
            ]
        );
        let mixed: Vec<&str> = raw_words("ES模块x").collect();
        assert_eq!(mixed, ["ES", "模块", "x"]);
        assert_eq!(raw_words("plain words").count(), 2);
    }

    #[test]
    fn soft_hyphens_join_words() {
        let words: Vec<&str> = raw_words("non\u{AD}governmental, bodies").collect();
        assert_eq!(words.len(), 2);
        let none = Language::default();
        assert_eq!(stem(&none, words[0]), "nongove");
    }

    #[test]
    fn the_language_is_detected_from_both_documents() {
        let de = [
            "Der Bund und die Länder tragen gesondert die Ausgaben, die sich aus der \
                      Wahrnehmung ihrer Aufgaben ergeben, soweit dieses Grundgesetz nichts \
                      anderes bestimmt.",
        ];
        let de = Language::detect(&de, &de);
        assert!(de.stemmer.is_some() && !de.english);
        let en = [
            "The federal government and the states shall separately finance the \
                      expenditures resulting from the discharge of their respective tasks.",
        ];
        assert!(Language::detect(&en, &en).english);
    }
}
