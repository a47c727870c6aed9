//! Cutting a text into the tokens a word diff compares, each with the key it is compared by.
//!
//! Tokens follow Unicode word boundaries (UAX #29): a word, a punctuation mark or a run of
//! spaces is each its own piece, so `adopt,` and `adopt` differ only by the comma. A piece
//! that an option says to ignore (spaces by default, punctuation, a leading paragraph
//! number) is not compared: it is glued to the token before it, so the text shown is always
//! the text as written while the comparison sees only what matters.
//!
//! What is never a difference comes from the one normalisation place,
//! [`crate::segment::normalize`], shared with the aligner: invisible formatting characters
//! (zero-width space, joiners, word joiner, byte-order mark, soft hyphen) are not compared:
//! word boundaries are those of the text without them, and each one rides in the range of
//! the piece before it. Every key is in Unicode Normalization Form C, and `--ignore-quotes`
//! folds by the same table of quote and dash styles as the aligner.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::DiffOptions;
use crate::segment::{comparable, fold_style, is_invisible};

/// One compared token: a byte range of the text (the piece and any ignored pieces glued to
/// it) and the normalised key it is compared by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// Bytes of the source text this token covers, ignored trailing pieces included.
    pub range: Range<usize>,
    /// What the diff compares.
    pub key: Cow<'a, str>,
    /// True when the piece is a word (has a letter or digit), for the statistics.
    pub is_word: bool,
}

/// Cuts `text` into tokens according to `options`. Every byte of `text` belongs to exactly
/// one token, in order, so concatenating the tokens' ranges gives back the text.
pub(crate) fn tokenize<'a>(text: &'a str, options: &DiffOptions) -> Vec<Token<'a>> {
    let skip = if options.ignore_numbering {
        leading_number_len(text)
    } else {
        0
    };
    let mut tokens: Vec<Token> = Vec::new();
    // Bytes not yet given to a token because nothing significant came before them.
    let mut pending_start: Option<usize> = if skip > 0 { Some(0) } else { None };
    for (range, piece) in pieces(&text[skip..]) {
        let (start, end) = (range.start + skip, range.end + skip);
        // Nothing to compare: a text made only of invisible characters.
        let invisible = piece.is_empty();
        let is_space = !invisible && piece.chars().all(char::is_whitespace);
        let is_word = !is_space && piece.chars().any(char::is_alphanumeric);
        let ignored = invisible
            || (is_space && options.ignore_whitespace)
            || (!is_space && !is_word && options.ignore_punctuation);
        if ignored {
            match tokens.last_mut() {
                Some(last) => last.range.end = end,
                None => {
                    pending_start.get_or_insert(start);
                }
            }
            continue;
        }
        let key = if is_space {
            piece
        } else {
            normalize_piece(piece, options)
        };
        tokens.push(Token {
            range: pending_start.take().unwrap_or(start)..end,
            key,
            is_word,
        });
    }
    if let Some(start) = pending_start {
        // Only ignored pieces: one token with an empty key, so the text is still shown.
        tokens.push(Token {
            range: start..text.len(),
            key: Cow::Borrowed(""),
            is_word: false,
        });
    }
    tokens
}

/// How many of the tokens [`tokenize`] makes of `text` are words, counted as the pieces
/// are found instead of from a `Vec` of tokens: the summary counts every old unit's words,
/// and the tokens of a 40 MB paragraph would take 2 GB just to be counted.
pub(crate) fn count_words(text: &str, options: &DiffOptions) -> usize {
    let skip = if options.ignore_numbering {
        leading_number_len(text)
    } else {
        0
    };
    let text = &text[skip..];
    // A word is never ignored, and a piece with a letter or digit is not all space.
    let is_word = |piece: &str| piece.chars().any(char::is_alphanumeric);
    if text.is_ascii() {
        ascii_word_bound_indices(text)
            .filter(|(_, piece)| is_word(piece))
            .count()
    } else if !text.contains(is_invisible) {
        text.split_word_bound_indices()
            .filter(|(_, piece)| is_word(&comparable(piece)))
            .count()
    } else {
        pieces(text)
            .iter()
            .filter(|(_, piece)| is_word(piece))
            .count()
    }
}

/// The pieces of `text` at Unicode word boundaries: each one's byte range in `text` and
/// what is compared of it, [`comparable`] (without invisible characters, in NFC).
///
/// The boundaries are those of the text without its invisible characters, so a zero-width
/// space or a soft hyphen inside a word does not cut it in two (`co\u{AD}operation` is one
/// word, as `cooperation` is); an invisible character between two pieces belongs to the
/// one before it, leading ones to the first. The ranges cover `text` exactly, in order.
fn pieces(text: &str) -> Vec<(Range<usize>, Cow<'_, str>)> {
    let nfc = |piece: &str| Cow::Owned(comparable(piece).into_owned());
    if text.is_ascii() {
        // Most text: no invisible character, already in NFC, and its boundaries found
        // without the Unicode tables.
        return ascii_word_bound_indices(text)
            .map(|(i, piece)| (i..i + piece.len(), Cow::Borrowed(piece)))
            .collect();
    }
    if !text.contains(is_invisible) {
        return text
            .split_word_bound_indices()
            .map(|(i, piece)| (i..i + piece.len(), comparable(piece)))
            .collect();
    }
    // The text without its invisible characters, and for each of its bytes the offset in
    // `text` of the character it belongs to.
    let mut shown = String::with_capacity(text.len());
    let mut at: Vec<usize> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices().filter(|&(_, c)| !is_invisible(c)) {
        shown.push(c);
        at.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    let starts: Vec<usize> = shown.split_word_bound_indices().map(|(i, _)| i).collect();
    if starts.is_empty() {
        // Nothing but invisible characters: one piece with nothing to compare.
        return vec![(0..text.len(), Cow::Borrowed(""))];
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &from) in starts.iter().enumerate() {
        let to = starts.get(k + 1).copied().unwrap_or(shown.len());
        let start = if k == 0 { 0 } else { at[from] };
        let end = starts.get(k + 1).map_or(text.len(), |&next| at[next]);
        out.push((start..end, nfc(&shown[from..to])));
    }
    out
}

/// The word-bound class of an ASCII byte (UAX #29, table `WordBreakProperty`): the only
/// classes ASCII holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ascii {
    Letter,
    Numeric,
    /// `_`.
    ExtendNumLet,
    /// `:`.
    MidLetter,
    /// `.` and `'` (`MidNumLetQ`).
    MidNumLet,
    /// `,` and `;`.
    MidNum,
    /// The space (`WSegSpace`; a tab is `Other`).
    Space,
    Cr,
    Lf,
    /// Vertical tab and form feed.
    Newline,
    Other,
}

const fn ascii_class(b: u8) -> Ascii {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Ascii::Letter,
        b'0'..=b'9' => Ascii::Numeric,
        b'_' => Ascii::ExtendNumLet,
        b':' => Ascii::MidLetter,
        b'.' | b'\'' => Ascii::MidNumLet,
        b',' | b';' => Ascii::MidNum,
        b' ' => Ascii::Space,
        b'\r' => Ascii::Cr,
        b'\n' => Ascii::Lf,
        0x0B | 0x0C => Ascii::Newline,
        _ => Ascii::Other,
    }
}

/// [`ascii_class`] of every ASCII byte, looked up instead of matched.
const ASCII_CLASSES: [Ascii; 128] = {
    let mut table = [Ascii::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ascii_class(b as u8);
        b += 1;
    }
    table
};

/// Whether UAX #29 puts a word boundary before byte `i` of the ASCII text `b` (`0 < i <
/// b.len()`): the rules WB3 to WB13b that ASCII can reach, the rest being about classes no
/// ASCII byte has.
fn ascii_break_before(b: &[u8], i: usize) -> bool {
    use Ascii::*;
    let at = |j: usize| ASCII_CLASSES[usize::from(b[j] & 0x7f)];
    let after = || b.get(i + 1).map(|&c| ASCII_CLASSES[usize::from(c & 0x7f)]);
    match (at(i - 1), at(i)) {
        (Letter | Numeric, Letter | Numeric) => false, // WB5, WB8, WB9, WB10
        (Cr, Lf) => false,                             // WB3
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => true, // WB3a, WB3b
        (Space, Space) => false,                       // WB3d
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) => false, // WB13a
        (ExtendNumLet, Letter | Numeric) => false,     // WB13b
        (Letter, MidLetter | MidNumLet) => after() != Some(Letter), // WB6
        (MidLetter | MidNumLet, Letter) => i < 2 || at(i - 2) != Letter, // WB7
        (Numeric, MidNum | MidNumLet) => after() != Some(Numeric), // WB12
        (MidNum | MidNumLet, Numeric) => i < 2 || at(i - 2) != Numeric, // WB11
        _ => true,                                     // WB999
    }
}

/// `split_word_bound_indices` of an ASCII text, without the Unicode tables: the same
/// pieces (a property test checks it against `unicode-segmentation`), in a fraction of the
/// time, for the text most documents are made of.
fn ascii_word_bound_indices(text: &str) -> impl Iterator<Item = (usize, &str)> {
    debug_assert!(text.is_ascii());
    let b = text.as_bytes();
    let mut start = 0;
    (1..=b.len()).filter_map(move |i| {
        if i < b.len() && !ascii_break_before(b, i) {
            return None;
        }
        let piece = (start, &text[start..i]);
        start = i;
        Some(piece)
    })
}

/// The comparison key of one piece (already [`comparable`]): case folded and quote/dash
/// styles unified by [`fold_style`] on request.
fn normalize_piece<'a>(piece: Cow<'a, str>, options: &DiffOptions) -> Cow<'a, str> {
    let plain = (!options.ignore_case || !piece.chars().any(char::is_uppercase))
        && (!options.ignore_quote_styles || !piece.chars().any(|c| fold_style(c).is_some()));
    if plain {
        return piece;
    }
    let mut out = String::with_capacity(piece.len());
    for c in piece.chars() {
        let c = match fold_style(c) {
            Some(plain) if options.ignore_quote_styles => plain,
            _ => c,
        };
        if options.ignore_case {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Length in bytes of a leading paragraph or list number with its following spaces:
/// `12. `, `3.2 `, `(a) `, `b) `, `iv. `, `IV. `. Zero when the text does not start with one.
pub(crate) fn leading_number_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    let paren = bytes.first() == Some(&b'(');
    if paren {
        i += 1;
    }
    let body_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
        i += 1;
    }
    let digits = i > body_start && bytes[body_start].is_ascii_digit();
    if !digits {
        i = body_start;
        while i < bytes.len() && i - body_start < 6 && is_roman_or_letter(bytes[i]) {
            i += 1;
        }
        let len = i - body_start;
        // A single letter `(a)`/`a)`, or a roman numeral that is followed by `.` or `)`.
        let ok = len == 1 || (len > 0 && bytes[body_start..i].iter().all(|&b| is_roman(b)));
        if !ok {
            return 0;
        }
        match bytes.get(i) {
            Some(b'.') | Some(b')') => i += 1,
            _ => return 0,
        }
    } else if bytes.get(i) == Some(&b')') {
        i += 1;
    } else if !paren
        && bytes[i - 1] != b'.'
        && bytes.get(i).is_none_or(|b| !b.is_ascii_whitespace())
    {
        return 0;
    }
    if paren && bytes.get(i - 1) != Some(&b')') {
        return 0;
    }
    // The number must be followed by white space and more text.
    let after = i;
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    if i == after || i == bytes.len() {
        return 0;
    }
    i
}

fn is_roman(b: u8) -> bool {
    matches!(b.to_ascii_lowercase(), b'i' | b'v' | b'x' | b'l' | b'c')
}

fn is_roman_or_letter(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, options: &DiffOptions) -> Vec<String> {
        tokenize(text, options)
            .into_iter()
            .map(|t| t.key.into_owned())
            .collect()
    }

    proptest::proptest! {
        /// The ASCII fast path cuts exactly where `unicode-segmentation` does.
        #[test]
        fn ascii_word_bounds_are_the_unicode_ones(
            // Few letters and digits among every class ASCII has, so that `a.b`, `1,2`,
            // `a_1` and `\r\n` come up often; then any ASCII at all.
            classes in "[ab01_:.',; \t\r\n\x0b\x0c#-]{0,40}",
            any in "[\x00-\x7f]{0,40}",
        ) {
            for text in [&classes, &any] {
                let fast: Vec<(usize, &str)> = ascii_word_bound_indices(text).collect();
                let slow: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
                proptest::prop_assert_eq!(fast, slow);
            }
        }
    }

    proptest::proptest! {
        /// Counting words as the pieces are found gives what counting the tokens gives,
        /// under every option that changes which pieces are tokens or words.
        #[test]
        fn count_words_is_the_tokens_words(
            text in "([a1 ,.\u{AD}\u{200B}\u{301}\u{3000}é—]|\\PC){0,40}",
            numbering: bool,
            punctuation: bool,
            whitespace: bool,
        ) {
            let options = DiffOptions::new()
                .ignore_numbering(numbering)
                .ignore_punctuation(punctuation)
                .ignore_whitespace(whitespace);
            let counted = tokenize(&text, &options).iter().filter(|t| t.is_word).count();
            proptest::prop_assert_eq!(count_words(&text, &options), counted);
            let numbered = format!("12. {text}");
            let counted = tokenize(&numbered, &options).iter().filter(|t| t.is_word).count();
            proptest::prop_assert_eq!(count_words(&numbered, &options), counted);
        }
    }

    #[test]
    fn ascii_word_bounds_on_prose() {
        let text = "Art. 3.1: the state's 1,000.5 units_a; can't\r\n\r  x2 -- \"ok\"\x0c.";
        let fast: Vec<&str> = ascii_word_bound_indices(text).map(|(_, p)| p).collect();
        let slow: Vec<&str> = text.split_word_bound_indices().map(|(_, p)| p).collect();
        assert_eq!(fast, slow);
    }

    #[test]
    fn punctuation_is_its_own_token() {
        let o = DiffOptions::new();
        assert_eq!(keys("adopt, then", &o), ["adopt", ",", "then"]);
    }

    #[test]
    fn tokens_cover_the_text() {
        let text = "  “Hello” – world, 12 times.  ";
        for o in [
            DiffOptions::new(),
            DiffOptions::new().ignore_whitespace(false),
            DiffOptions::new().ignore_punctuation(true),
        ] {
            let toks = tokenize(text, &o);
            let joined: String = toks.iter().map(|t| &text[t.range.clone()]).collect();
            assert_eq!(joined, text);
        }
    }

    #[test]
    fn options_fold_keys() {
        let o = DiffOptions::new()
            .ignore_case(true)
            .ignore_quote_styles(true);
        assert_eq!(keys("“Big” – Deal", &o), ["\"", "big", "\"", "-", "deal"]);
        let o = DiffOptions::new().ignore_punctuation(true);
        assert_eq!(keys("“Big” – Deal", &o), ["Big", "Deal"]);
    }

    #[test]
    fn invisible_characters_are_not_compared() {
        let o = DiffOptions::new();
        assert_eq!(keys("a\u{200B} b", &o), ["a", "b"]);
        assert_eq!(keys("co\u{AD}operation", &o), ["cooperation"]);
        assert_eq!(keys("\u{FEFF}Cafe\u{301}", &o), ["Café"]);
        let o = DiffOptions::new().ignore_whitespace(false);
        assert_eq!(keys("a \u{FEFF}b", &o), ["a", " ", "b"]);
        assert_eq!(keys("a\u{200B}b", &o), ["ab"]);
        assert_eq!(keys("a\u{200B}, b", &o), ["a", ",", " ", "b"]);
        // The text shown is still the text as written.
        let text = "a\u{200B} \u{FEFF}b\u{AD}c";
        let toks = tokenize(text, &o);
        let joined: String = toks.iter().map(|t| &text[t.range.clone()]).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn invisible_characters_change_no_key_and_no_coverage() {
        // Every text of up to four of these characters: the tokens cover it exactly, and
        // its keys are those of the text without its invisible characters.
        let alphabet = [
            'a', ' ', ',', '\u{301}', '\u{200B}', '\u{AD}', '\u{FEFF}', '\u{200D}',
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |&c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        for options in [
            DiffOptions::new(),
            DiffOptions::new().ignore_whitespace(false),
            DiffOptions::new().ignore_punctuation(true),
        ] {
            for text in &texts {
                let toks = tokenize(text, &options);
                let joined: String = toks.iter().map(|t| &text[t.range.clone()]).collect();
                assert_eq!(&joined, text);
                let bare: String = text.chars().filter(|&c| !is_invisible(c)).collect();
                if !bare.is_empty() {
                    assert_eq!(keys(text, &options), keys(&bare, &options), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn quote_styles_fold_by_the_aligners_table() {
        let o = DiffOptions::new().ignore_quote_styles(true);
        assert_eq!(keys("‹a› ″ ′", &o), ["'", "a", "'", "\"", "'"]);
        for c in [
            '‘', '’', '‚', '‛', '′', '‹', '›', '`', '´', '“', '”', '„', '‟', '″', '«', '»', '‐',
            '–', '—', '−',
        ] {
            let piece = c.to_string();
            let key = keys(&piece, &o);
            assert_eq!(key.len(), 1, "{c:?}");
            assert_eq!(key[0], crate::segment::normalize(&piece), "{c:?}");
        }
    }

    #[test]
    fn leading_numbers() {
        assert_eq!(leading_number_len("12. The text"), 4);
        assert_eq!(leading_number_len("3.2 The text"), 4);
        assert_eq!(leading_number_len("(a) The text"), 4);
        assert_eq!(leading_number_len("b) The text"), 3);
        assert_eq!(leading_number_len("IV. Scope"), 4);
        assert_eq!(leading_number_len("In 1955 the"), 0);
        assert_eq!(leading_number_len("1955 was"), 5);
        assert_eq!(leading_number_len("Canada stressed"), 0);
        assert_eq!(leading_number_len("12."), 0);
        assert_eq!(leading_number_len(""), 0);
        assert_eq!(leading_number_len("("), 0);
    }
}
