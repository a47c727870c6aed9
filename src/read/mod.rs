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
//!
//! Files are recognised by their content, not their name ([`sniff`]): Word (`.docx`) and
//! OpenDocument (`.odt`) files say what each paragraph is, so their readers give units
//! directly (headings from styles, numbers as the word processor renders them); PDF files
//! are laid out into lines and paragraphs from glyph positions, then cut into units by
//! the segmenter like any text. [`document`] is the one place bytes become a
//! [`Document`], for the library and the binary alike.

mod blocks;
mod decode;
mod docx;
mod numbering;
mod odt;
mod package;
mod pdf;
mod sniff;
mod xml;

pub use decode::{decode, decode_vec};
pub use sniff::{Format, sniff};

use crate::error::{Error, Result};
use crate::model::Document;
use crate::segment::SegmentOptions;

/// The text encoding of an input (`--encoding`; with the feature `cli`, a `clap` value enum
/// whose first doc paragraphs are the option's help; `Auto` is the option left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Encoding {
    /// UTF-8, or UTF-16 when the file starts with a UTF-16 byte-order mark.
    #[default]
    #[cfg_attr(feature = "cli", value(skip))]
    Auto,
    /// UTF-8 (a byte-order mark is allowed).
    ///
    /// UTF-8 only; the byte-order mark is dropped.
    #[cfg_attr(feature = "cli", value(name = "utf-8", alias = "utf8"))]
    Utf8,
    /// Windows-1252, a superset of printable Latin-1.
    ///
    /// Every byte decodes, so this never fails with [`Error::Encoding`].
    #[cfg_attr(
        feature = "cli",
        value(
            name = "windows-1252",
            alias = "latin1",
            alias = "latin-1",
            alias = "cp1252"
        )
    )]
    Windows1252,
    /// UTF-16, little-endian (for a file without a byte-order mark).
    ///
    /// A byte-order mark is allowed and dropped.
    #[cfg_attr(feature = "cli", value(name = "utf-16le", alias = "utf16le"))]
    Utf16Le,
    /// UTF-16, big-endian (for a file without a byte-order mark).
    ///
    /// A byte-order mark is allowed and dropped.
    #[cfg_attr(feature = "cli", value(name = "utf-16be", alias = "utf16be"))]
    Utf16Be,
}

impl Encoding {
    /// The name used in messages: `UTF-8`, `windows-1252`, `UTF-16LE`, `UTF-16BE` or `auto`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// Which text of a Word file with tracked changes is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrackedChanges {
    /// The text as it would be with every change accepted: insertions kept, deletions
    /// dropped (what a reader of the final version sees).
    #[default]
    Accepted,
    /// The text before the changes: deletions kept, insertions dropped (Word and
    /// OpenDocument files).
    Original,
}

/// How to read inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The encoding to decode with (text inputs).
    pub(crate) encoding: Encoding,
    /// Which side of tracked changes to read (Word and OpenDocument inputs).
    pub(crate) tracked_changes: TrackedChanges,
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

    /// Read tracked changes of Word and OpenDocument files this way.
    pub fn tracked_changes(mut self, tracked: TrackedChanges) -> ReadOptions {
        self.tracked_changes = tracked;
        self
    }
}

/// Turns the bytes of one input (read from `path`; `-` for standard input) into a
/// [`Document`], whatever its format: Word, OpenDocument and PDF files by their readers,
/// anything else decoded as text and segmented.
///
/// # Errors
/// The errors of [`decode`] for text; [`Error::Input`] for a damaged, encrypted or
/// image-only PDF, a damaged Word or OpenDocument file, or a ZIP archive that is neither.
///
/// ```
/// use draftdiff::read::{document, ReadOptions};
/// use draftdiff::SegmentOptions;
/// let doc = document("x.txt", b"1. Hello.\n".to_vec(), &ReadOptions::new(), &SegmentOptions::new())?;
/// assert_eq!(doc.units[0].number.as_deref(), Some("1"));
/// assert!(document("x.pdf", b"%PDF-1.4 not really".to_vec(), &ReadOptions::new(), &SegmentOptions::new()).is_err());
/// # Ok::<(), draftdiff::Error>(())
/// ```
pub fn document(
    path: &str,
    bytes: Vec<u8>,
    options: &ReadOptions,
    segment: &SegmentOptions,
) -> Result<Document> {
    match sniff(&bytes) {
        Format::Text => {
            let text = decode_vec(path, bytes, options)?;
            Ok(crate::segment::segment(path, &text, segment))
        }
        Format::Docx => docx::read(path, &bytes, options),
        Format::Odt => odt::read(path, &bytes, options.tracked_changes),
        Format::Pdf => pdf::read(path, &bytes, segment),
        Format::OtherZip => Err(Error::Input {
            path: path.to_string(),
            message: "a ZIP archive that is not a Word (.docx) or OpenDocument (.odt) file; \
                      draftdiff reads those, PDF and text"
                .into(),
        }),
    }
}

/// One of the two inputs of [`document_pair`]: its path (`-` for standard input), its
/// bytes and how to read them.
#[derive(Debug)]
pub struct Input<'a> {
    /// Where the bytes were read from, as errors and the document name it.
    pub path: &'a str,
    /// The whole input.
    pub bytes: Vec<u8>,
    /// How to read it (each version may have its own encoding).
    pub options: &'a ReadOptions,
}

/// Turns OLD and NEW into documents at once, [`document`] on each, the two on rayon's pool
/// (reading and segmenting one input does not depend on the other, and each is a tenth of a
/// comparison's time). The result is that of reading them one after the other: the same
/// documents, and OLD's error first when both fail.
///
/// # Errors
/// As [`document`], OLD's before NEW's.
///
/// ```
/// use draftdiff::read::{document_pair, Input, ReadOptions};
/// use draftdiff::SegmentOptions;
/// let read = ReadOptions::new();
/// let input = |path, text: &str| Input { path, bytes: text.as_bytes().to_vec(), options: &read };
/// let (old, new) = document_pair(input("old.txt", "1. Hello.\n"), input("new.txt", "1. Hi.\n"), &SegmentOptions::new())?;
/// assert_eq!((old.path.as_str(), new.units[0].text.as_str()), ("old.txt", "Hi."));
/// # Ok::<(), draftdiff::Error>(())
/// ```
pub fn document_pair(
    old: Input<'_>,
    new: Input<'_>,
    segment: &SegmentOptions,
) -> Result<(Document, Document)> {
    let read = |input: Input<'_>| document(input.path, input.bytes, input.options, segment);
    let (old, new) = rayon::join(|| read(old), || read(new));
    Ok((old?, new?))
}

/// Reads the file at `path` and turns it into a [`Document`] with [`document`].
///
/// # Errors
/// As [`read_bytes`] and [`document`].
pub fn load_path(path: &str, options: &ReadOptions, segment: &SegmentOptions) -> Result<Document> {
    document(path, read_bytes(path)?, options, segment)
}

/// The most bytes draftdiff reads from one input: 1 GiB, ten times the longest real
/// document we know of (a consolidated code of law of about 100 MB), so that a device
/// such as `/dev/zero` or a runaway pipe ends in a clear error instead of using all memory.
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// How much of an input is looked at first for binary data, so that a binary stream
/// without end is refused after a few kilobytes rather than after [`MAX_INPUT_BYTES`].
const SNIFF_BYTES: usize = 8 * 1024;

/// Reads the file at `path` and decodes it to text with LF line ends.
///
/// # Errors
/// [`Error::IsDirectory`] for a directory, [`Error::Io`] when the file is missing or
/// unreadable, [`Error::Input`] when it is larger than [`MAX_INPUT_BYTES`], and the
/// errors of [`decode`].
pub fn read_path(path: &str, options: &ReadOptions) -> Result<String> {
    decode_vec(path, read_bytes(path)?, options)
}

/// Reads the bytes of the file at `path`.
///
/// # Errors
/// [`Error::IsDirectory`] for a directory, [`Error::Io`] when the file is missing or
/// unreadable.
pub fn read_bytes(path: &str) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_string(),
        });
    }
    let read_error = |e: std::io::Error| {
        // Some systems let you open a directory and fail only on read.
        if e.raw_os_error() == Some(21) {
            Error::IsDirectory {
                path: path.to_string(),
            }
        } else {
            Error::io(path, e)
        }
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let capacity = usize::try_from(meta.len()).unwrap_or(0);
    read_limited(path, file, capacity).map_err(|e| match e {
        Error::Io { source, .. } => read_error(source),
        e => e,
    })
}

/// Reads the bytes of `reader` (standard input, a pipe; `name` names it in errors) as
/// [`read_bytes`] reads a file: at most [`MAX_INPUT_BYTES`], refusing a binary stream
/// that is no format draftdiff reads after its first few kilobytes.
///
/// # Errors
/// [`Error::Io`] when reading fails, [`Error::Input`] when the input is larger than
/// [`MAX_INPUT_BYTES`], [`Error::Binary`] for binary data.
pub fn read_reader_bytes(name: &str, reader: impl std::io::Read) -> Result<Vec<u8>> {
    read_limited(name, reader, 0)
}

/// Reads text from `reader` as [`read_path`] reads a file.
///
/// # Errors
/// As [`read_reader_bytes`] and [`decode`].
pub fn read_reader(
    name: &str,
    reader: impl std::io::Read,
    options: &ReadOptions,
) -> Result<String> {
    decode_vec(name, read_reader_bytes(name, reader)?, options)
}

fn read_limited(name: &str, reader: impl std::io::Read, capacity: usize) -> Result<Vec<u8>> {
    use std::io::Read;

    let mut limited = reader.take(MAX_INPUT_BYTES + 1);
    let mut bytes = Vec::with_capacity(capacity.min(1 << 30));
    // The first few kilobytes decide whether this is text or a format we read at all: a
    // binary stream that never ends (a device, a pipe) is refused without reading it
    // through.
    (&mut limited)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(name, e))?;
    if bytes.len() == SNIFF_BYTES && bytes.contains(&0) && sniff(&bytes) == Format::Text {
        decode_vec(name, bytes.clone(), &ReadOptions::new())?;
    }
    limited
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(name, e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::Input {
            path: name.to_string(),
            message: format!(
                "larger than {} GiB, the most draftdiff reads from one input",
                MAX_INPUT_BYTES >> 30
            ),
        });
    }
    Ok(bytes)
}
