//! The index file (`.ddx`): a small documented binary format, written and checked by hand.
//!
//! All numbers are little-endian:
//!
//! ```text
//! magic     8 bytes   "DDXINDEX"
//! version   u32       FILE_VERSION
//! rate      u32       one word pair in `rate` indexed (IndexOptions::rate)
//! minimum   u32       fewest pairs indexed per unit (fingerprint::MIN_SAMPLE)
//! stem      u32       characters of a crude stem (align::STEM_CHARS) when it was built
//! documents u32       n, then n times:
//!   path    u32 length + UTF-8 bytes
//!   hash    u64       FNV-1a of the file's bytes
//!   size    u64       the file's size in bytes
//! entries   u64       m
//! keys      m × u32   sorted
//! docs      m × u32   each < n; sorted within a key
//! units     m × u32   unit ids; sorted within a key and document
//! checksum  u64       FNV-1a of every byte before it
//! ```
//!
//! Why by hand rather than through serde and a compact format crate: the body is two flat
//! arrays of `u32` that a crate would write one variable-length integer at a time, the
//! header is five fields, and every field is checked on reading anyway (a key out of order
//! or a document id out of range would make lookups silently wrong). Reading refuses, with a
//! message naming the file: another kind of file, another version of the format, a
//! truncated or corrupt file (checksum), and an index built with other fingerprint settings.

use std::io::{self, Write};

use crate::align::STEM_CHARS;
use crate::error::{Error, Result};

use super::fingerprint::{FNV_START, MIN_SAMPLE, fnv_continue};
use super::index::{CorpusIndex, IndexOptions, IndexedDocument};

/// The first bytes of every index file.
pub const MAGIC: &[u8; 8] = b"DDXINDEX";

/// The version of the index file format written by [`CorpusIndex::write`]. Any change to
/// the layout or to how fingerprints are computed needs a new version.
pub const FILE_VERSION: u32 = 1;

/// True when `bytes` start like an index file (whatever its version).
pub fn is_index(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Writes bytes and keeps the running checksum.
struct Sum<'a> {
    out: &'a mut dyn Write,
    hash: u64,
}

impl Sum<'_> {
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.hash = fnv_continue(self.hash, bytes);
        self.out.write_all(bytes)
    }
}

impl CorpusIndex {
    /// Writes the index in the format above.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut s = Sum {
            out,
            hash: FNV_START,
        };
        s.put(MAGIC)?;
        s.put(&FILE_VERSION.to_le_bytes())?;
        s.put(&self.options.rate.to_le_bytes())?;
        s.put(&(MIN_SAMPLE as u32).to_le_bytes())?;
        s.put(&(STEM_CHARS as u32).to_le_bytes())?;
        s.put(&(self.documents.len() as u32).to_le_bytes())?;
        for d in &self.documents {
            s.put(&(d.path.len() as u32).to_le_bytes())?;
            s.put(d.path.as_bytes())?;
            s.put(&d.hash.to_le_bytes())?;
            s.put(&d.size.to_le_bytes())?;
        }
        s.put(&(self.keys.len() as u64).to_le_bytes())?;
        // In blocks, so a large index is not copied whole into one buffer.
        let mut block = Vec::with_capacity(64 * 1024);
        for column in [&self.keys, &self.docs, &self.units] {
            for chunk in column.chunks(16 * 1024) {
                block.clear();
                for v in chunk {
                    block.extend_from_slice(&v.to_le_bytes());
                }
                s.put(&block)?;
            }
        }
        let sum = s.hash;
        s.out.write_all(&sum.to_le_bytes())
    }

    /// Reads an index written by [`write`](Self::write); `path` names the file in errors.
    ///
    /// # Errors
    /// [`Error::Input`] naming `path` when the bytes are not an index file, are of another
    /// format version, are truncated or corrupt, or were built with other settings.
    pub fn read(path: &str, bytes: &[u8]) -> Result<CorpusIndex> {
        let fail = |message: String| Error::Input {
            path: path.to_string(),
            message,
        };
        if !is_index(bytes) {
            return Err(fail(
                "not a draftdiff index (it does not start with DDXINDEX); build one with `draftdiff index CORPUS… -o FILE`".into(),
            ));
        }
        let mut r = Reader { bytes, at: 8 };
        let truncated = || fail("the index file is truncated; build it again".into());
        let version = r.u32().ok_or_else(truncated)?;
        if version != FILE_VERSION {
            return Err(fail(format!(
                "index format version {version}, but this draftdiff reads version {FILE_VERSION}; build the index again with this draftdiff"
            )));
        }
        if bytes.len() < 8 + 8 {
            return Err(truncated());
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let sum = u64::from_le_bytes(sum.try_into().expect("eight bytes"));
        if fnv_continue(FNV_START, body) != sum {
            return Err(fail(
                "the index file is corrupt (its checksum does not match); build it again".into(),
            ));
        }
        let mut r = Reader {
            bytes: body,
            at: r.at,
        };
        let rate = r.u32().ok_or_else(truncated)?;
        let minimum = r.u32().ok_or_else(truncated)? as usize;
        let stem = r.u32().ok_or_else(truncated)? as usize;
        if rate == 0 || minimum != MIN_SAMPLE || stem != STEM_CHARS {
            return Err(fail(format!(
                "the index was built with other settings (rate {rate}, at least {minimum} pairs a unit, stems of {stem} characters; this draftdiff uses at least {MIN_SAMPLE} and {STEM_CHARS}); build it again"
            )));
        }
        let n = r.u32().ok_or_else(truncated)? as usize;
        let mut documents = Vec::with_capacity(n.min(body.len() / 20));
        for _ in 0..n {
            let len = r.u32().ok_or_else(truncated)? as usize;
            let raw = r.take(len).ok_or_else(truncated)?;
            let path = String::from_utf8(raw.to_vec())
                .map_err(|_| fail("a document path in the index is not UTF-8".into()))?;
            let hash = r.u64().ok_or_else(truncated)?;
            let size = r.u64().ok_or_else(truncated)?;
            documents.push(IndexedDocument { path, hash, size });
        }
        let m = r.u64().ok_or_else(truncated)?;
        let m = usize::try_from(m).map_err(|_| truncated())?;
        if m.checked_mul(12) != Some(body.len() - r.at) {
            return Err(truncated());
        }
        let keys = r.u32s(m).ok_or_else(truncated)?;
        let docs = r.u32s(m).ok_or_else(truncated)?;
        let units = r.u32s(m).ok_or_else(truncated)?;
        let ordered =
            (1..m).all(|i| (keys[i - 1], docs[i - 1], units[i - 1]) < (keys[i], docs[i], units[i]));
        if !ordered || docs.iter().any(|&d| d as usize >= n) {
            return Err(fail(
                "the index file is corrupt (its entries are out of order or name no document); build it again".into(),
            ));
        }
        Ok(CorpusIndex {
            options: IndexOptions::new().rate(rate),
            documents,
            keys,
            docs,
            units,
        })
    }
}

/// Reads little-endian numbers from a byte slice; `None` past its end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(len)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn u32s(&mut self, n: usize) -> Option<Vec<u32>> {
        let raw = self.take(n.checked_mul(4)?)?;
        Some(
            raw.chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::IndexBuilder;
    use crate::segment::{SegmentOptions, segment};

    fn small() -> CorpusIndex {
        let text = "1. The working group met in Geneva to review the draft articles.\n";
        let doc = segment("a.txt", text, &SegmentOptions::new());
        let mut b = IndexBuilder::new(IndexOptions::new());
        b.add(&doc, text.as_bytes());
        b.finish()
    }

    #[test]
    fn round_trip() {
        let index = small();
        let mut bytes = Vec::new();
        index.write(&mut bytes).unwrap();
        assert_eq!(CorpusIndex::read("x.ddx", &bytes).unwrap(), index);
    }

    #[test]
    fn every_damage_is_an_error_naming_the_file() {
        let mut bytes = Vec::new();
        small().write(&mut bytes).unwrap();
        for cut in 0..bytes.len() {
            let e = CorpusIndex::read("x.ddx", &bytes[..cut]).unwrap_err();
            assert!(e.to_string().starts_with("x.ddx"), "{e}");
        }
        for at in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[at] ^= 0x40;
            let e = CorpusIndex::read("x.ddx", &bad).unwrap_err();
            assert!(e.to_string().starts_with("x.ddx"), "{e}");
        }
        let mut v2 = bytes.clone();
        v2[8] = 2;
        let e = CorpusIndex::read("x.ddx", &v2).unwrap_err().to_string();
        assert!(e.contains("version 2"), "{e}");
    }
}
