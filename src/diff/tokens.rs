//! Cutting a text into the tokens a word diff compares, each with the key it is compared by.
//!
//! Tokens follow Unicode word boundaries (UAX #29): a word, a punctuation mark or a run of
//! spaces is each its own piece, so `adopt,` and `adopt` differ only by the comma. A piece
//! that an option says to ignore (spaces by default, punctuation, a leading paragraph
//! number) is not compared: it is glued to the token before it, so the text shown is always
//! the text as written while the comparison sees only what matters.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::DiffOptions;

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
    for (start, piece) in text[skip..].split_word_bound_indices() {
        let start = start + skip;
        let end = start + piece.len();
        let is_space = piece.chars().all(char::is_whitespace);
        let is_word = !is_space && piece.chars().any(char::is_alphanumeric);
        let ignored = (is_space && options.ignore_whitespace)
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
            Cow::Borrowed(piece)
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

/// The comparison key of one piece: case folded and quote/dash styles unified on request.
fn normalize_piece<'a>(piece: &'a str, options: &DiffOptions) -> Cow<'a, str> {
    let plain = (!options.ignore_case || !piece.chars().any(char::is_uppercase))
        && (!options.ignore_quote_styles || piece.is_ascii());
    if plain {
        return Cow::Borrowed(piece);
    }
    let mut out = String::with_capacity(piece.len());
    for c in piece.chars() {
        let c = if options.ignore_quote_styles {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '`' | '\u{00B4}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
                '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
                c => c,
            }
        } else {
            c
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
