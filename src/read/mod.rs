//! Stage 1: bytes → text.
//!
//! Decoding (UTF-8 with or without BOM, UTF-16 with BOM, Latin-1/Windows-1252 on request),
//! line ends, and the checks that turn bad input into a clear [`Error`].
//!
//! PLACEHOLDER: the first cut only decodes UTF-8; the reading issue fills this stage in.

use crate::error::{Error, Result};

/// The text encoding of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8, or UTF-16 when the file starts with a UTF-16 byte-order mark.
    #[default]
    Auto,
    /// UTF-8 only.
    Utf8,
    /// Windows-1252 (a superset of printable Latin-1).
    Windows1252,
}

/// How to read inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The encoding to decode with.
    pub encoding: Encoding,
}

impl ReadOptions {
    /// The defaults: automatic encoding detection.
    pub fn new() -> ReadOptions {
        ReadOptions::default()
    }

    /// Decode with this encoding.
    pub fn encoding(mut self, encoding: Encoding) -> ReadOptions {
        self.encoding = encoding;
        self
    }
}

/// Reads the file at `path` and decodes it to text.
pub fn read_path(path: &str, options: &ReadOptions) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_string(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode(path, &bytes, options)
}

/// Decodes the bytes of the input named `path` (the name is used in errors only).
pub fn decode(path: &str, bytes: &[u8], _options: &ReadOptions) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.replace("\r\n", "\n")),
        Err(e) => Err(Error::Encoding {
            path: path.to_string(),
            encoding: "UTF-8",
            offset: e.valid_up_to(),
        }),
    }
}
