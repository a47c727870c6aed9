//! What a line starts with: a paragraph number, a roman heading number, a list marker, a
//! Markdown heading or bullet.
//!
//! These are shapes only; whether a shape really starts a unit (`12.` after paragraph 11,
//! not a year wrapped onto a new line) is decided by the assembler, which knows the
//! numbering so far.

/// The shape of a unit start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `12.`, `12.3`, `12.3.`: the integer components (up to two).
    Numbered { major: u32, minor: Option<u32> },
    /// `2.2.1.`, `1.1.2`: a section number of three or more levels (a title's number;
    /// paragraphs are not numbered that deep).
    Deep,
    /// `IV.`: the value of the roman numeral.
    Roman(u32),
    /// `H.`: a capital letter that is not a roman numeral, its place in the alphabet
    /// (`I.`, `V.`, `X.` parse as [`Shape::Roman`]; the sequence decides).
    Letter(u32),
    /// `(a)`, `a)`, `(iv)`, `iv.`, `1)`, `(1)`.
    Item,
    /// `-`, `*`, `+`, `•` bullets.
    Bullet,
    /// `#`…`######`: the level.
    Markdown(u8),
}

/// A recognised start: its shape, the number as printed (without a trailing period) and
/// the text after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Start<'a> {
    pub shape: Shape,
    pub number: Option<&'a str>,
    pub rest: &'a str,
}

/// Splits `s` (already trimmed at the start) into the first token and the rest after the
/// whitespace that follows it; `None` when there is no whitespace or nothing after it.
fn split_marker(s: &str) -> Option<(&str, &str)> {
    let end = s.find(|c: char| c.is_whitespace())?;
    let rest = s[end..].trim_start();
    if rest.trim_end().is_empty() {
        return None;
    }
    Some((&s[..end], rest))
}

/// The value of a roman numeral written in `digits` (all upper or all lower case), if it
/// is a well-formed numeral between 1 and 3999.
pub(crate) fn roman_value(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    let upper = digits.bytes().all(|b| b.is_ascii_uppercase());
    let lower = digits.bytes().all(|b| b.is_ascii_lowercase());
    if !upper && !lower {
        return None;
    }
    let val = |b: u8| match b.to_ascii_uppercase() {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let bytes = digits.as_bytes();
    let mut total = 0i64;
    for i in 0..bytes.len() {
        let v = val(bytes[i])?;
        match bytes.get(i + 1).map(|&b| val(b)) {
            Some(Some(next)) if next > v => total -= v,
            Some(None) => return None,
            _ => total += v,
        }
    }
    // Accept only the canonical spelling, so "IIII" or "VX" are not numerals.
    let total = u32::try_from(total)
        .ok()
        .filter(|&t| (1..=3999).contains(&t))?;
    if to_roman(total) != digits.to_ascii_uppercase() {
        return None;
    }
    Some(total)
}

/// `n` in roman numerals (`n` ≥ 1; above 3999 the thousands repeat).
pub(crate) fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Most digits of a printed paragraph number: long documents (laws, specifications, large
/// generated corpora) run past 9,999 paragraphs; the sequence check, not the width, is what
/// keeps a wrapped line starting with a number from being read as a paragraph.
const MAX_NUMBER_DIGITS: usize = 6;

/// Most levels of a section number (`1.2.3.4.5.6`): deeper dotted numbers are versions
/// or addresses, not titles.
const MAX_SECTION_LEVELS: usize = 6;

fn small_int(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > MAX_NUMBER_DIGITS || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// True for a list label inside `(…)` or before `)`: a lower-case letter or a doubled one
/// (`aa`, after `z`), a lower-case roman numeral, one or two digits, or one upper-case
/// letter. Other pairs of letters (`it)`, `(or`) are words.
fn is_item_label(label: &str) -> bool {
    let n = label.len();
    let b = label.as_bytes();
    (n == 1 && b[0].is_ascii_lowercase() || n == 2 && b[0] == b[1] && b[0].is_ascii_lowercase())
        || (n <= 6 && roman_value(label).is_some() && label.bytes().all(|b| b.is_ascii_lowercase()))
        || (1..=2).contains(&n) && label.bytes().all(|b| b.is_ascii_digit())
        || n == 1 && label.bytes().all(|b| b.is_ascii_uppercase())
}

/// A bullet of the Symbol or Wingdings font as `pdftotext` extracts it from a PDF made
/// by a word processor: the font's code in Unicode's private use area (U+F0B7 is
/// Symbol's `•`, U+F0A7 Wingdings' `▪`), no other character standing for it.
pub(crate) fn is_symbol_font_bullet(marker: &str) -> bool {
    matches!(marker, "\u{f0b7}" | "\u{f0a7}")
}

/// Recognises the start shape of `line` (leading whitespace is skipped). `bullets`
/// allows Markdown `-`/`*`/`+` bullets (off in PDF-extracted text, where a wrapped line
/// may begin with a dash).
pub(crate) fn parse(line: &str, bullets: bool) -> Option<Start<'_>> {
    let s = line.trim_start();
    let first = *s.as_bytes().first()?;
    let (marker, rest) = split_marker(s)?;
    match first {
        b'0'..=b'9' => {
            let (body, dotted) = match marker.strip_suffix('.') {
                Some(b) => (b, true),
                None => (marker, false),
            };
            if let Some(label) = body.strip_suffix(')') {
                return (!dotted && small_int(label).is_some_and(|n| n < 100)).then_some(Start {
                    shape: Shape::Item,
                    number: Some(marker),
                    rest,
                });
            }
            let mut parts = body.split('.');
            let major = small_int(parts.next()?)?;
            let minor = match parts.next() {
                Some(p) => Some(small_int(p)?),
                None => None,
            };
            if parts.next().is_some() {
                let deep = body.split('.').count() <= MAX_SECTION_LEVELS
                    && body
                        .split('.')
                        .all(|p| small_int(p).is_some_and(|n| n < 1000));
                return deep.then_some(Start {
                    shape: Shape::Deep,
                    number: Some(body),
                    rest,
                });
            }
            if minor.is_none() && !dotted {
                return None;
            }
            Some(Start {
                shape: Shape::Numbered { major, minor },
                number: Some(body),
                rest,
            })
        }
        b'(' => {
            let label = marker.strip_prefix('(')?.strip_suffix(')')?;
            is_item_label(label).then_some(Start {
                shape: Shape::Item,
                number: Some(marker),
                rest,
            })
        }
        b'#' => {
            let level = marker.len();
            (level <= 6 && marker.bytes().all(|b| b == b'#')).then_some(Start {
                shape: Shape::Markdown(level as u8),
                number: None,
                rest,
            })
        }
        // A bullet marks words: `+ - - - +----+` is a row of a drawing.
        b'-' | b'*' | b'+'
            if bullets && marker.len() == 1 && rest.contains(char::is_alphanumeric) =>
        {
            Some(Start {
                shape: Shape::Bullet,
                number: None,
                rest,
            })
        }
        _ => {
            if matches!(marker, "•" | "◦" | "▪" | "‣" | "●") || is_symbol_font_bullet(marker)
            {
                return Some(Start {
                    shape: Shape::Bullet,
                    number: None,
                    rest,
                });
            }
            if let Some(label) = marker.strip_suffix(')') {
                return (label.bytes().all(|b| b.is_ascii_lowercase()) && is_item_label(label))
                    .then_some(Start {
                        shape: Shape::Item,
                        number: Some(marker),
                        rest,
                    });
            }
            let label = marker.strip_suffix('.')?;
            if label.len() == 1 && label.bytes().all(|b| b.is_ascii_uppercase()) {
                if let Some(v) = roman_value(label) {
                    return Some(Start {
                        shape: Shape::Roman(v),
                        number: Some(label),
                        rest,
                    });
                }
                return Some(Start {
                    shape: Shape::Letter(u32::from(label.as_bytes()[0] - b'A') + 1),
                    number: Some(label),
                    rest,
                });
            }
            if label.bytes().all(|b| b.is_ascii_uppercase()) {
                let v = roman_value(label)?;
                return Some(Start {
                    shape: Shape::Roman(v),
                    number: Some(label),
                    rest,
                });
            }
            let lower_item = (label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase()))
                || (label.len() <= 6 && roman_value(label).is_some());
            lower_item.then_some(Start {
                shape: Shape::Item,
                number: Some(label),
                rest,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(s: &str) -> Option<(Shape, Option<&str>, &str)> {
        parse(s, true).map(|st| (st.shape, st.number, st.rest))
    }

    #[test]
    fn numbered_paragraphs() {
        assert_eq!(
            shape("12. Text"),
            Some((
                Shape::Numbered {
                    major: 12,
                    minor: None
                },
                Some("12"),
                "Text"
            ))
        );
        assert_eq!(
            shape("1.\tThis outline"),
            Some((
                Shape::Numbered {
                    major: 1,
                    minor: None
                },
                Some("1"),
                "This outline"
            ))
        );
        assert_eq!(
            shape(" 3.2 Sub"),
            Some((
                Shape::Numbered {
                    major: 3,
                    minor: Some(2)
                },
                Some("3.2"),
                "Sub"
            ))
        );
        // A number without period is a wrapped line, not a paragraph number.
        assert_eq!(shape("222 (IX), requested"), None);
        assert_eq!(shape("12."), None);
        assert_eq!(shape("2,300 in 2015"), None);
        // Regression: documents past 9,999 paragraphs keep their numbers.
        assert_eq!(
            shape("12345. Long"),
            Some((
                Shape::Numbered {
                    major: 12345,
                    minor: None
                },
                Some("12345"),
                "Long"
            ))
        );
        assert_eq!(shape("1234567. Too long"), None);
        // Section numbers of three or more levels (an IETF draft's `2.2.1. Control
        // frames`, one space or two after the number) are titles' numbers.
        assert_eq!(
            shape("2.2.1. Control frames"),
            Some((Shape::Deep, Some("2.2.1"), "Control frames"))
        );
        assert_eq!(
            shape("1.1.2  Examples"),
            Some((Shape::Deep, Some("1.1.2"), "Examples"))
        );
        assert_eq!(shape("1.2.3.4.5.6.7 Too deep"), None);
        assert_eq!(shape("1.2.x Not a number"), None);
    }

    #[test]
    fn roman_headings() {
        assert_eq!(
            shape("\tIII.\tTechnical"),
            Some((Shape::Roman(3), Some("III"), "Technical"))
        );
        assert_eq!(
            shape("XIII. Recommendations").map(|s| s.0),
            Some(Shape::Roman(13))
        );
        assert_eq!(shape("IIII. x"), None);
        assert_eq!(shape("I have discussed"), None);
        assert_eq!(
            shape("C. livia"),
            Some((Shape::Roman(100), Some("C"), "livia"))
        );
    }

    #[test]
    fn list_items() {
        for (s, n) in [
            ("(a)\tExpert", "(a)"),
            ("a) Expert", "a)"),
            ("i. Expert", "i"),
            ("(iv) Expert", "(iv)"),
            ("(1) Expert", "(1)"),
            ("1) Expert", "1)"),
        ] {
            assert_eq!(shape(s), Some((Shape::Item, Some(n), "Expert")), "{s}");
        }
        assert_eq!(shape("(IX), requested"), None);
        assert_eq!(shape("it) with"), None);
        assert_eq!(shape("(aa) Expert").map(|s| s.0), Some(Shape::Item));
        assert_eq!(
            shape("H. Expert"),
            Some((Shape::Letter(8), Some("H"), "Expert"))
        );
        assert_eq!(shape("(see below)"), None);
    }

    #[test]
    fn markdown() {
        assert_eq!(shape("## Scope"), Some((Shape::Markdown(2), None, "Scope")));
        assert_eq!(shape("- item"), Some((Shape::Bullet, None, "item")));
        assert_eq!(parse("- item", false), None);
        // A row of a drawing or a grid table, not a bullet.
        assert_eq!(shape("+ - - - - - - - +-----------+"), None);
        assert_eq!(shape("* * *"), None);
        assert_eq!(shape("• item").map(|s| s.0), Some(Shape::Bullet));
        // `regeringen-dir-2016-15-sv` (dev): a Word document's Symbol-font bullet.
        assert_eq!(
            shape("\u{f0b7} undersöka vilka kompletterande nationella föreskrifter,").map(|s| s.0),
            Some(Shape::Bullet)
        );
        assert_eq!(shape("#hashtag"), None);
    }

    #[test]
    fn roman_values() {
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("MCMXCIX"), Some(1999));
        assert_eq!(roman_value("IC"), None);
        assert_eq!(roman_value("Iv"), None);
    }
}
