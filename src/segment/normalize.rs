//! The matching form of a text, and the one place that says which differences between two
//! texts are not differences at all.
//!
//! Both comparisons of the pipeline read from here: the aligner's [`normalize`]d text
//! (the `norm` of a unit) and the word diff's token keys (`diff::tokens`). So a text that
//! differs from another only by invisible formatting or by its Unicode normalisation form
//! is the same text for the verdict, the counts and the diff shown, and the quote and dash
//! styles that `--ignore-quotes` folds are exactly those the aligner folds.
//!
//! - [`is_invisible`]: invisible formatting characters (zero-width space, non-joiner,
//!   joiner, word joiner, byte-order mark, soft hyphen): dropped by every comparison, kept
//!   in the text shown.
//! - [`comparable`]: a text without them, in Unicode Normalization Form C, so "Café"
//!   typed as one character or as `e` and a combining accent (as macOS file names and some
//!   PDF extractors write it) is one text.
//! - [`fold_style`]: the one table of quote, prime, guillemet, dash and minus styles.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// True for the invisible formatting characters every comparison ignores: the zero-width
/// space, non-joiner and joiner, the word joiner, the byte-order mark (zero-width no-break
/// space) and the soft hyphen. They change how a text may be broken or shaped, never what
/// it says; a change of them alone is not a change.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// `text` as it is compared: without [invisible](is_invisible) characters and in Unicode
/// Normalization Form C. Borrowed when it already is (always for ASCII).
///
/// ```
/// use draftdiff::segment::comparable;
/// assert_eq!(comparable("Cafe\u{301}"), "Café");
/// assert_eq!(comparable("co\u{AD}operation\u{200B}"), "cooperation");
/// assert!(matches!(comparable("plain"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn comparable(text: &str) -> Cow<'_, str> {
    if text.is_ascii()
        || (!text.contains(is_invisible) && is_nfc_quick(text.chars()) == IsNormalized::Yes)
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|&c| !is_invisible(c)).nfc().collect())
}

/// The one table of quote and dash styles: the plain ASCII character a typographic quote,
/// prime, guillemet, backtick, acute accent, dash, hyphen or minus sign stands for, or
/// `None` for any other character. The aligner always folds them; the word diff on
/// `--ignore-quotes`.
///
/// ```
/// use draftdiff::segment::fold_style;
/// assert_eq!(fold_style('“'), Some('"'));
/// assert_eq!(fold_style('‹'), Some('\''));
/// assert_eq!(fold_style('—'), Some('-'));
/// assert_eq!(fold_style('a'), None);
/// ```
pub fn fold_style(c: char) -> Option<char> {
    match c {
        // Single quotes and what stands in for them: ‘ ’ ‚ ‛, the prime ′, single
        // guillemets ‹ ›, the backtick and the acute accent.
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}'
        | '\u{203A}' | '`' | '\u{B4}' => Some('\''),
        // Double quotes: “ ” „ ‟, the double prime ″, guillemets « ».
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}' | '\u{BB}' => {
            Some('"')
        }
        // Hyphens and dashes (U+2010 to U+2015), the minus sign, small and full-width
        // hyphen-minus.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Some('-'),
        _ => None,
    }
}

/// ASCII bytes copied to the matching form as they are (lower-cased): everything visible
/// but the backtick, which [`fold_style`] makes an apostrophe.
const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = b'!';
    while b < 0x7F {
        t[b as usize] = b != b'`';
        b += 1;
    }
    t
};

/// The matching form of a text: [`comparable`] (invisible characters dropped, NFC), lower
/// case, quotes and dashes unified by [`fold_style`], every run of whitespace (tabs,
/// no-break and other Unicode spaces) one space.
///
/// ```
/// use draftdiff::segment::normalize;
/// assert_eq!(normalize("The  “Council”\u{a0}– and\tits ‘work’"), "the \"council\" - and its 'work'");
/// ```
pub fn normalize(text: &str) -> String {
    let text = &*comparable(text);
    let mut out = String::with_capacity(text.len());
    // A space is written only before the next visible character, so runs of whitespace
    // collapse and nothing trails.
    let mut space = false;
    let bytes = text.as_bytes();
    let plain = |b: u8| PLAIN[usize::from(b)];
    let mut i = 0;
    while i < bytes.len() {
        if plain(bytes[i]) {
            // A run of plain ASCII, single spaces included: copied and lower-cased at once.
            let start = i;
            while i < bytes.len()
                && (plain(bytes[i])
                    || (bytes[i] == b' ' && i + 1 < bytes.len() && plain(bytes[i + 1])))
            {
                i += 1;
            }
            if space {
                out.push(' ');
                space = false;
            }
            let at = out.len();
            out.push_str(&text[start..i]);
            out[at..].make_ascii_lowercase();
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_ascii() {
            if c.is_ascii_whitespace() || c == '\u{b}' {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(fold_style(c).unwrap_or(c.to_ascii_lowercase()));
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match fold_style(c) {
            Some(plain) => out.push(plain),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn unifies() {
        assert_eq!(normalize("  A\u{2003}B\u{200B}c  "), "a bc");
        assert_eq!(normalize("non\u{2011}governmental"), "non-governmental");
        assert_eq!(normalize("x \u{200B} y"), "x y");
        assert_eq!(normalize("Côte d’Ivoire"), "côte d'ivoire");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn invisible_characters_and_normal_forms_are_not_differences() {
        use super::comparable;
        assert_eq!(normalize("Cafe\u{301}"), normalize("Café"));
        assert_eq!(
            normalize("co\u{AD}op\u{2060}er\u{200C}a\u{200D}tion"),
            "cooperation"
        );
        assert_eq!(normalize("\u{FEFF}Text"), "text");
        assert_eq!(comparable("e\u{200B}\u{301}"), "é");
        assert_eq!(comparable("\u{200B}"), "");
    }

    #[test]
    fn one_table_of_styles() {
        use super::fold_style;
        // Every folded character normalises to its plain form, and nothing else folds.
        for c in (0..0x10000).filter_map(char::from_u32) {
            if let Some(plain) = fold_style(c) {
                assert_eq!(normalize(&c.to_string()), plain.to_string(), "{c:?}");
                assert!(plain.is_ascii_punctuation());
            }
        }
        assert_eq!(normalize("`a´ ‹b› «c» d′ e″"), "'a' 'b' \"c\" d' e\"");
    }
}
