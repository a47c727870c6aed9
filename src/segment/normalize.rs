//! The matching form of a text.

/// ASCII bytes copied to the matching form as they are (lower-cased): everything visible
/// but the backtick, which becomes an apostrophe.
const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = b'!';
    while b < 0x7F {
        t[b as usize] = b != b'`';
        b += 1;
    }
    t
};

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
            out.push(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        let mapped = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '‹' | '›' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            c => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.extend(c.to_lowercase());
                continue;
            }
        };
        if space {
            out.push(' ');
            space = false;
        }
        out.push(mapped);
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
