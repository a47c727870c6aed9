//! The one error type of the library: what failed, on which input, and what to try.

use std::fmt;
use std::io;

/// Everything that can go wrong reading, aligning or writing documents.
///
/// Every variant names the file it concerns, so a message can be shown to the user as is.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be opened or read (missing, permission denied, …).
    Io {
        /// The file.
        path: String,
        /// The operating system's error.
        source: io::Error,
    },
    /// The path names a directory, not a file.
    IsDirectory {
        /// The directory.
        path: String,
    },
    /// The file holds binary data (NUL bytes or control characters), not text.
    Binary {
        /// The file.
        path: String,
        /// Byte offset of the first binary byte.
        offset: usize,
    },
    /// The file is not valid in the encoding it was read with.
    Encoding {
        /// The file.
        path: String,
        /// The encoding tried (`UTF-8`, `UTF-16LE`, …).
        encoding: &'static str,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Anything else about one input: a bad unit reference, a git failure, …
    Input {
        /// The input concerned.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The output could not be written.
    Output {
        /// The output file (`-` for standard output).
        path: String,
        /// What went wrong.
        message: String,
    },
}

impl Error {
    /// An [`Error::Io`] for `path`, read as a directory error when that is what it is.
    pub fn io(path: &str, source: io::Error) -> Error {
        Error::Io {
            path: path.to_string(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => match source.kind() {
                io::ErrorKind::NotFound => write!(f, "{path}: no such file"),
                io::ErrorKind::PermissionDenied => write!(f, "{path}: permission denied"),
                _ => write!(f, "{path}: cannot read: {source}"),
            },
            Error::IsDirectory { path } => write!(f, "{path}: is a directory, not a file"),
            Error::Binary { path, offset } => write!(
                f,
                "{path}: looks like a binary file (byte {offset} is not text); draftdiff reads text, Markdown, Word (.docx), OpenDocument (.odt) and PDF files"
            ),
            Error::Encoding {
                path,
                encoding,
                offset,
            } => write!(
                f,
                "{path}: invalid {encoding} at byte {offset} (if the file is Latin-1 or Windows-1252, try --encoding windows-1252)"
            ),
            Error::Input { path, message } => write!(f, "{path}: {message}"),
            Error::Output { path, message } => write!(f, "{path}: cannot write output: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
