//! The ZIP container of Word and OpenDocument files: opening it and reading one part as
//! text, with a bound on how much a part may inflate to.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::error::{Error, Result};

/// Largest inflated size of one part read from a package: 256 MiB. The body of a
/// thousand-page report is a few megabytes of XML; a part that inflates further is a ZIP
/// bomb, not a document.
const MAX_PART_BYTES: u64 = 256 << 20;

/// An opened package.
pub(crate) struct Package<'b> {
    path: String,
    zip: ZipArchive<Cursor<&'b [u8]>>,
}

impl<'b> Package<'b> {
    /// Opens the ZIP archive in `bytes` (read from `path`, `what` names the format for
    /// messages: `Word`, `OpenDocument`).
    pub fn open(path: &str, bytes: &'b [u8], what: &str) -> Result<Package<'b>> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Input {
            path: path.to_string(),
            message: format!(
                "damaged {what} file: its ZIP container cannot be read ({e}); was it truncated?"
            ),
        })?;
        Ok(Package {
            path: path.to_string(),
            zip,
        })
    }

    /// The part `name` as UTF-8 text, `None` when the package has no such part.
    pub fn text(&mut self, name: &str) -> Result<Option<String>> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let path = self.path.clone();
        let damaged = |why: String| Error::Input {
            path: path.clone(),
            message: format!("damaged file: part {name} cannot be read ({why}); was it truncated?"),
        };
        let file = self
            .zip
            .by_index(index)
            .map_err(|e| damaged(e.to_string()))?;
        let mut bytes = Vec::new();
        file.take(MAX_PART_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| damaged(e.to_string()))?;
        if bytes.len() as u64 > MAX_PART_BYTES {
            return Err(damaged(format!(
                "it inflates past {} MiB",
                MAX_PART_BYTES >> 20
            )));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            damaged(format!(
                "not UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            ))
        })?;
        Ok(Some(text))
    }

    /// The part `name` parsed as XML, `None` when absent.
    pub fn xml(&mut self, name: &str) -> Result<Option<super::xml::Tree>> {
        let Some(text) = self.text(name)? else {
            return Ok(None);
        };
        super::xml::Tree::parse(&text)
            .map(Some)
            .map_err(|why| Error::Input {
                path: self.path.clone(),
                message: format!("damaged file: part {name}: {why}"),
            })
    }
}
