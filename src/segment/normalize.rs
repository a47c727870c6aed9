//! The matching form of a text.

/// The matching form of a text: lower case, quotes and dashes unified, every run of
/// whitespace (tabs, no-break and other Unicode spaces) one space, zero-width characters
/// and soft hyphens dropped.
///
/// ```
/// use draftdiff::segment::normalize;
/// assert_eq!(normalize("The  “Council”\u{a0}– and\tits ‘work’"), "the \"council\" - and its 'work'");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let start = out.len();
        if start != 0 {
            out.push(' ');
        }
        if word.is_ascii() {
            for b in word.bytes() {
                out.push(match b {
                    b'`' => '\'',
                    b => char::from(b.to_ascii_lowercase()),
                });
            }
            continue;
        }
        let before = out.len();
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '‹'
                | '›' => out.push('\''),
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => {
                    out.push('"')
                }
                '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
                    out.push('-')
                }
                '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
                c => out.extend(c.to_lowercase()),
            }
        }
        if out.len() == before && start != 0 {
            // The word was only invisible characters: drop its separator too.
            out.truncate(start);
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
}
