//! Bytes → text: byte-order marks, UTF-8/UTF-16/Windows-1252, binary detection, line ends.

use super::{Encoding, ReadOptions};
use crate::error::{Error, Result};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// Decodes the bytes of the input named `path` (the name is used in errors only) to text
/// whose lines end in `\n` only.
///
/// With [`Encoding::Auto`], a UTF-16 byte-order mark selects UTF-16 (LE or BE), anything
/// else is read as UTF-8 (a UTF-8 byte-order mark is dropped). A byte-order mark further on
/// (files joined with `cat`) is dropped too: see `drop_byte_order_marks`. CRLF and lone
/// CR become LF,
/// so the n-th line of the result is the n-th line of the file. An empty input is an empty
/// text.
///
/// [`Encoding::Utf16Le`] and [`Encoding::Utf16Be`] read UTF-16 without a byte-order mark
/// (one that is there is dropped).
///
/// # Errors
/// [`Error::Binary`] when the input holds a NUL or another control character that text
/// does not use (tab, line feed, vertical tab, form feed, carriage return and escape are
/// allowed); [`Error::Encoding`] with the byte offset of the first invalid sequence;
/// [`Error::Input`] with a hint when bytes read as UTF-8 look like UTF-16 without a
/// byte-order mark.
pub fn decode(path: &str, bytes: &[u8], options: &ReadOptions) -> Result<String> {
    decode_any(path, bytes, options).map_err(|e| utf16_hint(e, bytes, options))
}

fn decode_any(path: &str, bytes: &[u8], options: &ReadOptions) -> Result<String> {
    match options.encoding {
        Encoding::Auto => {
            if let Some(body) = bytes.strip_prefix(UTF16LE_BOM) {
                decode_utf16(path, body, false, UTF16LE_BOM.len()).map(drop_byte_order_marks)
            } else if let Some(body) = bytes.strip_prefix(UTF16BE_BOM) {
                decode_utf16(path, body, true, UTF16BE_BOM.len()).map(drop_byte_order_marks)
            } else {
                decode_utf8(path, bytes).map(drop_byte_order_marks)
            }
        }
        Encoding::Utf8 => decode_utf8(path, bytes).map(drop_byte_order_marks),
        Encoding::Windows1252 => {
            check_binary_bytes(path, bytes, 0)?;
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(unify_line_ends(&text))
        }
        Encoding::Utf16Le => match bytes.strip_prefix(UTF16LE_BOM) {
            Some(body) => decode_utf16(path, body, false, UTF16LE_BOM.len()),
            None => decode_utf16(path, bytes, false, 0),
        }
        .map(drop_byte_order_marks),
        Encoding::Utf16Be => match bytes.strip_prefix(UTF16BE_BOM) {
            Some(body) => decode_utf16(path, body, true, UTF16BE_BOM.len()),
            None => decode_utf16(path, bytes, true, 0),
        }
        .map(drop_byte_order_marks),
    }
}

/// How many leading bytes [`looks_like_utf16`] looks at: enough for a few lines of text.
const UTF16_SNIFF_BYTES: usize = 4096;

/// `error` with a hint to try UTF-16 when the binary-looking `bytes` read as UTF-8 (or
/// guessed) look like UTF-16 without a byte-order mark; else `error` as it is.
fn utf16_hint(error: Error, bytes: &[u8], options: &ReadOptions) -> Error {
    let Error::Binary { path, offset } = error else {
        return error;
    };
    if !matches!(options.encoding, Encoding::Auto | Encoding::Utf8) {
        return Error::Binary { path, offset };
    }
    let name = match looks_like_utf16(bytes) {
        Some(false) => "utf-16le",
        Some(true) => "utf-16be",
        None => return Error::Binary { path, offset },
    };
    Error::Input {
        path,
        message: format!(
            "looks like UTF-16 without a byte-order mark (byte {offset} is a NUL); try --encoding {name}"
        ),
    }
}

/// `Some(big_endian)` when `bytes` look like UTF-16 text without a byte-order mark: most
/// 16-bit units of the start have one zero byte, always on the same side (Latin text: the
/// high byte of each unit is zero), and the other byte is not zero.
fn looks_like_utf16(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(UTF16_SNIFF_BYTES)];
    let units = head.len() / 2;
    if units < 2 {
        return None;
    }
    let (mut zero_high_le, mut zero_high_be) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        match (pair[0], pair[1]) {
            (0, 0) => return None,
            (_, 0) => zero_high_le += 1,
            (0, _) => zero_high_be += 1,
            _ => {}
        }
    }
    // Most units are Latin, and none the other way round.
    if zero_high_le * 2 > units && zero_high_be == 0 {
        Some(false)
    } else if zero_high_be * 2 > units && zero_high_le == 0 {
        Some(true)
    } else {
        None
    }
}

/// Like [`decode`], but takes the bytes by value so UTF-8 input with LF line ends (the
/// common case) becomes the text without a copy.
///
/// # Errors
/// As [`decode`].
pub fn decode_vec(path: &str, bytes: Vec<u8>, options: &ReadOptions) -> Result<String> {
    let plain_utf8 = match options.encoding {
        Encoding::Auto => {
            !bytes.starts_with(UTF16LE_BOM)
                && !bytes.starts_with(UTF16BE_BOM)
                && !bytes.starts_with(UTF8_BOM)
        }
        Encoding::Utf8 => !bytes.starts_with(UTF8_BOM),
        Encoding::Windows1252 | Encoding::Utf16Le | Encoding::Utf16Be => false,
    };
    if !plain_utf8 {
        return decode(path, &bytes, options);
    }
    check_binary_bytes(path, &bytes, 0).map_err(|e| utf16_hint(e, &bytes, options))?;
    match String::from_utf8(bytes) {
        Ok(s) if s.contains('\r') => Ok(drop_byte_order_marks(unify_line_ends(&s))),
        Ok(s) => Ok(drop_byte_order_marks(s)),
        Err(e) => Err(Error::Encoding {
            path: path.to_string(),
            encoding: "UTF-8",
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

fn decode_utf8(path: &str, bytes: &[u8]) -> Result<String> {
    let (body, skip) = match bytes.strip_prefix(UTF8_BOM) {
        Some(body) => (body, UTF8_BOM.len()),
        None => (bytes, 0),
    };
    check_binary_bytes(path, body, skip)?;
    match std::str::from_utf8(body) {
        Ok(s) => Ok(unify_line_ends(s)),
        Err(e) => Err(Error::Encoding {
            path: path.to_string(),
            encoding: "UTF-8",
            offset: skip + e.valid_up_to(),
        }),
    }
}

/// Decodes UTF-16 `body`, which starts `bom` bytes into the file (offsets in errors are
/// the file's).
fn decode_utf16(path: &str, body: &[u8], big_endian: bool, bom: usize) -> Result<String> {
    let encoding = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
    let units = body.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    let mut out = String::with_capacity(body.len());
    // Offset, in 16-bit units, of the character being decoded.
    let mut at = 0usize;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                if is_binary_char(c) {
                    return Err(Error::Binary {
                        path: path.to_string(),
                        offset: bom + 2 * at,
                    });
                }
                out.push(c);
                at += c.len_utf16();
            }
            Err(_) => {
                return Err(Error::Encoding {
                    path: path.to_string(),
                    encoding,
                    offset: bom + 2 * at,
                });
            }
        }
    }
    if body.len() % 2 == 1 {
        return Err(Error::Encoding {
            path: path.to_string(),
            encoding,
            offset: bom + body.len() - 1,
        });
    }
    Ok(if out.contains('\r') {
        unify_line_ends(&out)
    } else {
        out
    })
}

/// Control characters that do not occur in text files: everything below U+0020 except
/// tab, LF, VT, FF, CR and ESC (coloured terminal output), and DEL.
fn is_binary_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1B)) || b == 0x7F
}

fn is_binary_char(c: char) -> bool {
    u8::try_from(u32::from(c)).is_ok_and(is_binary_byte)
}

fn check_binary_bytes(path: &str, bytes: &[u8], skip: usize) -> Result<()> {
    match bytes.iter().position(|&b| is_binary_byte(b)) {
        Some(i) => Err(Error::Binary {
            path: path.to_string(),
            offset: skip + i,
        }),
        None => Ok(()),
    }
}

/// Drops every U+FEFF left in a decoded text. Past the start of a file it is a byte-order
/// mark that joining files (`cat a.txt b.txt`) carried into the middle: not text (Unicode
/// has deprecated it as a zero-width no-break space in favour of U+2060 since 3.2), and at
/// the start of a line it would hide the paragraph number after it. Lines are kept.
fn drop_byte_order_marks(text: String) -> String {
    if text.contains('\u{FEFF}') {
        text.replace('\u{FEFF}', "")
    } else {
        text
    }
}

/// CRLF and lone CR → LF.
fn unify_line_ends(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(bytes: &[u8]) -> Result<String> {
        decode("f.txt", bytes, &ReadOptions::new())
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(auto(b"a\nb").unwrap(), "a\nb");
        assert_eq!(auto(b"\xEF\xBB\xBFa\nb").unwrap(), "a\nb");
        assert_eq!(auto(b"").unwrap(), "");
    }

    #[test]
    fn byte_order_marks_of_joined_files_are_dropped() {
        let joined = b"\xEF\xBB\xBFa\n\xEF\xBB\xBF2. b\r\nc\xEF\xBB\xBF";
        assert_eq!(auto(joined).unwrap(), "a\n2. b\nc");
        assert_eq!(
            decode_vec("f.txt", b"a\n\xEF\xBB\xBFb".to_vec(), &ReadOptions::new()).unwrap(),
            "a\nb"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a\n\u{FEFF}b".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(auto(&utf16).unwrap(), "a\nb");
    }

    #[test]
    fn line_ends_unified() {
        assert_eq!(auto(b"a\r\nb\rc\n\r\n").unwrap(), "a\nb\nc\n\n");
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "Caf\u{e9} \u{1F600}\r\nx";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(auto(&le).unwrap(), "Caf\u{e9} \u{1F600}\nx");
        assert_eq!(auto(&be).unwrap(), "Caf\u{e9} \u{1F600}\nx");
    }

    #[test]
    fn utf16_errors_have_offsets() {
        // Lone high surrogate at unit 1 (byte 2 after the BOM).
        let bad = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        match auto(&bad) {
            Err(Error::Encoding {
                offset, encoding, ..
            }) => {
                assert_eq!((offset, encoding), (4, "UTF-16LE"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            auto(&[0xFF, 0xFE, b'a']),
            Err(Error::Encoding { offset: 2, .. })
        ));
        assert!(matches!(
            auto(&[0xFF, 0xFE, 0, 0]),
            Err(Error::Binary { offset: 2, .. })
        ));
    }

    #[test]
    fn invalid_utf8_offset() {
        match auto(b"ab\xC3(") {
            Err(Error::Encoding { offset, .. }) => assert_eq!(offset, 2),
            other => panic!("{other:?}"),
        }
        // The BOM counts in the offset: it is the file's byte offset.
        match auto(b"\xEF\xBB\xBFab\xFF") {
            Err(Error::Encoding { offset, .. }) => assert_eq!(offset, 5),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn binary_bytes() {
        assert!(matches!(
            auto(b"text\0more"),
            Err(Error::Binary { offset: 4, .. })
        ));
        assert!(matches!(
            auto(b"\x01"),
            Err(Error::Binary { offset: 0, .. })
        ));
        // Tabs, form feeds and escapes are text.
        assert!(auto(b"a\tb\x0c\x1b[1m").is_ok());
    }

    #[test]
    fn by_value_is_the_same() {
        let opts = ReadOptions::new();
        for bytes in [
            &b"a\r\nb"[..],
            b"\xEF\xBB\xBFa",
            b"ab\xC3(",
            b"x\0",
            b"\xFF\xFEa\0",
            b"plain\n",
        ] {
            assert_eq!(
                format!("{:?}", decode_vec("f", bytes.to_vec(), &opts)),
                format!("{:?}", decode("f", bytes, &opts))
            );
        }
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf16_without_a_byte_order_mark_gets_a_hint() {
        for (big_endian, name) in [(false, "utf-16le"), (true, "utf-16be")] {
            let bytes = utf16("1. Caf\u{e9} au lait.\n2. Th\u{e9}.\n", big_endian);
            for result in [
                auto(&bytes),
                decode_vec("f.txt", bytes.clone(), &ReadOptions::new()),
            ] {
                let message = result.expect_err("NULs").to_string();
                assert!(
                    message.contains(&format!(
                        "looks like UTF-16 without a byte-order mark (byte {}",
                        usize::from(!big_endian)
                    )) && message.contains(&format!("try --encoding {name}")),
                    "{message}"
                );
            }
            let encoding = if big_endian {
                Encoding::Utf16Be
            } else {
                Encoding::Utf16Le
            };
            let options = ReadOptions::new().encoding(encoding);
            assert_eq!(
                decode("f.txt", &bytes, &options).unwrap(),
                "1. Caf\u{e9} au lait.\n2. Th\u{e9}.\n"
            );
        }
        // Real binary data keeps the plain message.
        assert!(matches!(
            auto(b"\x00\x00\x01\x02PK\x03\x04"),
            Err(Error::Binary { .. })
        ));
        assert!(matches!(auto(b"ab\0"), Err(Error::Binary { .. })));
    }

    #[test]
    fn utf16_named_encodings_drop_a_byte_order_mark_and_report_file_offsets() {
        let options = ReadOptions::new().encoding(Encoding::Utf16Le);
        assert_eq!(decode("f", b"\xFF\xFEa\0", &options).unwrap(), "a");
        // A lone high surrogate at byte 2 of a file without a byte-order mark.
        assert!(matches!(
            decode("f", &[b'a', 0, 0x00, 0xD8], &options),
            Err(Error::Encoding { offset: 2, .. })
        ));
    }

    #[test]
    fn windows_1252() {
        let opts = ReadOptions::new().encoding(Encoding::Windows1252);
        assert_eq!(
            decode("f", b"caf\xE9 \x93q\x94\r\n", &opts).unwrap(),
            "caf\u{e9} \u{201C}q\u{201D}\n"
        );
        let utf8 = ReadOptions::new().encoding(Encoding::Utf8);
        assert!(matches!(
            decode("f", b"caf\xE9", &utf8),
            Err(Error::Encoding { offset: 3, .. })
        ));
    }
}
