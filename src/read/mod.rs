//! Stage 1: bytes → text.
//!
//! Decoding (UTF-8 with or without BOM, UTF-16 LE/BE with BOM, Windows-1252 on request),
//! line ends (CRLF and lone CR become LF, so line numbers still count the file's lines),
//! and the checks that turn bad input into a clear [`Error`] naming the file: directories,
//! missing files, binary data (NUL and other control bytes), invalid UTF-8 with its byte
//! offset.
//!
//! Everything here is one linear pass over the bytes; there is no limit on line length,
//! because no later stage does more than linear work per line.
//!
//! The PDF-text repair (rejoining wrapped lines, mending broken words, taking footnotes
//! out) needs to know where units start, so it lives with segmentation in
//! [`crate::segment`].

mod decode;

pub use decode::{decode, decode_vec};

use crate::error::{Error, Result};

/// The text encoding of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8, or UTF-16 when the file starts with a UTF-16 byte-order mark.
    #[default]
    Auto,
    /// UTF-8 only (a UTF-8 byte-order mark is allowed and dropped).
    Utf8,
    /// Windows-1252 (a superset of printable Latin-1). Every byte decodes, so this never
    /// fails with [`Error::Encoding`].
    Windows1252,
}

impl Encoding {
    /// The name used in messages: `UTF-8`, `windows-1252`, or `auto`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => "windows-1252",
        }
    }
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

/// Reads the file at `path` and decodes it to text with LF line ends.
///
/// # Errors
/// [`Error::IsDirectory`] for a directory, [`Error::Io`] when the file is missing or
/// unreadable, and the errors of [`decode`].
pub fn read_path(path: &str, options: &ReadOptions) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_string(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| {
        // Some systems let you open a directory and fail only on read.
        if e.raw_os_error() == Some(21) {
            Error::IsDirectory {
                path: path.to_string(),
            }
        } else {
            Error::io(path, e)
        }
    })?;
    decode_vec(path, bytes, options)
}
