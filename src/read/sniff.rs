//! What a file is, from its first bytes and, for ZIP archives, from the parts inside:
//! the extension is not trusted (a `.pdf` of random bytes, a `.docx` that is a renamed
//! text file, a Word file saved without an extension all happen).

use std::io::Cursor;

/// The formats draftdiff reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text or Markdown (any encoding [`decode`](super::decode) reads).
    Text,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
    /// An OpenDocument text (`.odt`).
    Odt,
    /// A PDF file.
    Pdf,
    /// A ZIP archive that is neither a Word nor an OpenDocument text file.
    OtherZip,
}

impl Format {
    /// The name used in messages: `text`, `Word`, `OpenDocument`, `PDF`, `ZIP`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Docx => "Word",
            Format::Odt => "OpenDocument",
            Format::Pdf => "PDF",
            Format::OtherZip => "ZIP",
        }
    }
}

/// Bytes at the start of every ZIP archive that holds a file (a local file header).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Bytes at the start of a PDF file. Readers accept the header within the first KiB,
/// after junk some generators write; so do we.
const PDF_MAGIC: &[u8] = b"%PDF-";

/// How far into the file the PDF header is looked for.
const PDF_HEADER_WINDOW: usize = 1024;

/// Decides the format of `bytes` from their content.
///
/// A ZIP archive is Word when it holds `word/document.xml` or a `[Content_Types].xml` that
/// names the Word main part, OpenDocument text when its `mimetype` part (stored first, by
/// the standard) is `application/vnd.oasis.opendocument.text`; a ZIP archive whose central
/// directory cannot be read is taken as Word when its first entry says so, else as
/// another ZIP, so that the reader reports the damage. Everything else is text; decoding
/// decides whether it really is.
///
/// ```
/// use draftdiff::read::{Format, sniff};
/// assert_eq!(sniff(b"%PDF-1.7\n..."), Format::Pdf);
/// assert_eq!(sniff("1. Hello".as_bytes()), Format::Text);
/// ```
pub fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    if head.windows(PDF_MAGIC.len()).any(|w| w == PDF_MAGIC) && !looks_like_text(head) {
        return Format::Pdf;
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Format::Text;
    }
    // The standard stores `mimetype` first and uncompressed: its name and content are
    // readable from the local header even in a truncated file.
    if let Some(rest) = bytes.get(30..)
        && rest.starts_with(b"mimetype")
        && rest[8..].starts_with(super::odt::MIMETYPE.as_bytes())
    {
        return Format::Odt;
    }
    match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(mut zip) => {
            if zip.index_for_name("word/document.xml").is_some() {
                return Format::Docx;
            }
            if let Some(i) = zip.index_for_name("[Content_Types].xml")
                && let Ok(file) = zip.by_index(i)
            {
                use std::io::Read;
                let mut s = String::new();
                if file.take(1 << 20).read_to_string(&mut s).is_ok()
                    && s.contains("wordprocessingml.document.main")
                {
                    return Format::Docx;
                }
            }
            if let Some(i) = zip.index_for_name("mimetype")
                && let Ok(file) = zip.by_index(i)
            {
                use std::io::Read;
                let mut s = String::new();
                if file.take(256).read_to_string(&mut s).is_ok() && s.trim() == super::odt::MIMETYPE
                {
                    return Format::Odt;
                }
            }
            Format::OtherZip
        }
        Err(_) => {
            // Damaged: guess from the local headers so the right reader names the damage.
            let window = &bytes[..bytes.len().min(1 << 16)];
            let has = |needle: &[u8]| window.windows(needle.len()).any(|w| w == needle);
            if has(b"word/") || has(b"[Content_Types].xml") {
                Format::Docx
            } else {
                Format::OtherZip
            }
        }
    }
}

/// A text that merely quotes `%PDF-` (a note about PDF files) is still text: a real PDF
/// has a binary comment or stream bytes early on, or starts with the header.
fn looks_like_text(head: &[u8]) -> bool {
    !head.starts_with(PDF_MAGIC) && std::str::from_utf8(head).is_ok() && !head.contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_pdf_headers() {
        assert_eq!(sniff(b""), Format::Text);
        assert_eq!(sniff(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"), Format::Pdf);
        assert_eq!(sniff(b"notes about %PDF-1.4 files"), Format::Text);
        assert_eq!(sniff(b"PK\x03\x04garbage"), Format::OtherZip);
    }
}
