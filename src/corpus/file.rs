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
//! traced    u64       traced units (the corpus side of Rarity)
//! words     u64       w
//! stems     w × u32   word stem keys (fingerprint::word_keys), sorted, distinct
//! holding   w × u32   traced units holding each
//! checksum  u64       FNV-1a of every byte before it
//! ```
//!
//! Why by hand rather than through serde and a compact format crate: the body is two flat
//! arrays of `u32` that a crate would write one variable-length integer at a time, the
//! header is five fields, and every field is checked on reading anyway (a key out of order
//! or a document id out of range would make lookups silently wrong). Reading refuses, with a
//! message naming the file: another kind of file, another version of the format, a
//! truncated or corrupt file (checksum), and an index built with other fingerprint settings.

use std::fs::File;
use std::io::{self, Read, Write};

use crate::align::STEM_CHARS;
use crate::error::{Error, Result};

use super::fingerprint::{FNV_START, MIN_SAMPLE, fnv_continue};
use super::index::{CorpusIndex, IndexOptions, IndexedDocument};
use super::rarity::Rarity;

/// The first bytes of every index file.
pub const MAGIC: &[u8; 8] = b"DDXINDEX";

/// The version of the index file format written by [`CorpusIndex::write`]. Any change to
/// the layout or to how fingerprints are computed needs a new version. Version 2 added the
/// word counts of [`Rarity`].
pub const FILE_VERSION: u32 = 2;

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
        s.put(&self.rarity.units().to_le_bytes())?;
        let counts: Vec<(u32, u32)> = self.rarity.counts().collect();
        s.put(&(counts.len() as u64).to_le_bytes())?;
        for pick in [|c: &(u32, u32)| c.0, |c: &(u32, u32)| c.1] {
            for chunk in counts.chunks(16 * 1024) {
                block.clear();
                for c in chunk {
                    block.extend_from_slice(&pick(c).to_le_bytes());
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
        parse(path, &mut &bytes[..], bytes.len() as u64)
    }

    /// Reads the index file at `path` as [`read`](Self::read) does, streaming: the file is
    /// never held whole in memory beside the index (at 10^5 documents that halves the peak:
    /// a 1.7 GB file read into a buffer, then copied into the columns, took 3.3 GB).
    ///
    /// # Errors
    /// Those of [`read`](Self::read), and [`Error::Io`] naming `path` when it cannot be read.
    pub fn open(path: &str) -> Result<CorpusIndex> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let len = file.metadata().map_err(|e| Error::io(path, e))?.len();
        parse(path, &mut io::BufReader::with_capacity(1 << 20, file), len)
    }
}

/// Parses an index of `len` bytes from `input` (see the module docs). The checksum covers
/// the whole file, so it is known only at the end: what the header says is checked before
/// (the layout depends on it), the settings after, so that a damaged file is called
/// corrupt rather than built otherwise.
fn parse(path: &str, input: &mut dyn Read, len: u64) -> Result<CorpusIndex> {
    let fail = |message: &str| Error::Input {
        path: path.to_string(),
        message: message.to_string(),
    };
    let mut magic = [0u8; 8];
    let mut r = Reader {
        input,
        hash: FNV_START,
        at: 0,
        path,
    };
    if len < 8 || r.fill(&mut magic).is_err() || !is_index(&magic) {
        return Err(fail(
            "not a draftdiff index (it does not start with DDXINDEX); build one with `draftdiff index CORPUS… -o FILE`",
        ));
    }
    let version = r.u32()?;
    if version != FILE_VERSION {
        return Err(fail(&format!(
            "index format version {version}, but this draftdiff reads version {FILE_VERSION}; build the index again with this draftdiff"
        )));
    }
    // Bytes left before the checksum: no length read from the file may exceed them.
    let left = |r: &Reader<'_>| len.saturating_sub(r.at + 8);
    let rate = r.u32()?;
    let minimum = r.u32()? as usize;
    let stem = r.u32()? as usize;
    let n = r.u32()? as usize;
    let mut documents = Vec::with_capacity(n.min(1 << 16));
    for _ in 0..n {
        let size = u64::from(r.u32()?);
        if size > left(&r) {
            return Err(r.truncated());
        }
        let mut raw = vec![0u8; size as usize];
        r.fill(&mut raw)?;
        let path = String::from_utf8(raw)
            .map_err(|_| fail("a document path in the index is not UTF-8"))?;
        let hash = r.u64()?;
        let size = r.u64()?;
        documents.push(IndexedDocument { path, hash, size });
    }
    let m = r.u64()?;
    // The postings, the two counts of the words, then at least nothing.
    let room = left(&r);
    if m.checked_mul(12)
        .and_then(|b| b.checked_add(16))
        .is_none_or(|b| b > room)
    {
        return Err(r.truncated());
    }
    let m = usize::try_from(m).map_err(|_| r.truncated())?;
    let keys = r.u32s(m)?;
    let docs = r.u32s(m)?;
    let units = r.u32s(m)?;
    let traced = r.u64()?;
    let w = r.u64()?;
    if w.checked_mul(8) != Some(left(&r)) {
        return Err(r.truncated());
    }
    let w = usize::try_from(w).map_err(|_| r.truncated())?;
    let stems = r.u32s(w)?;
    let holding = r.u32s(w)?;
    let computed = r.hash;
    let mut sum = [0u8; 8];
    r.fill(&mut sum)?;
    if u64::from_le_bytes(sum) != computed {
        return Err(fail(
            "the index file is corrupt (its checksum does not match); build it again",
        ));
    }
    if rate == 0 || minimum != MIN_SAMPLE || stem != STEM_CHARS {
        return Err(fail(&format!(
            "the index was built with other settings (rate {rate}, at least {minimum} pairs a unit, stems of {stem} characters; this draftdiff uses at least {MIN_SAMPLE} and {STEM_CHARS}); build it again"
        )));
    }
    let ordered =
        (1..m).all(|i| (keys[i - 1], docs[i - 1], units[i - 1]) < (keys[i], docs[i], units[i]));
    let distinct = stems.windows(2).all(|p| p[0] < p[1]);
    if !ordered || !distinct || docs.iter().any(|&d| d as usize >= n) {
        return Err(fail(
            "the index file is corrupt (its entries are out of order or name no document); build it again",
        ));
    }
    Ok(CorpusIndex {
        options: IndexOptions::new().rate(rate),
        documents,
        keys,
        docs,
        units,
        rarity: Rarity::new(traced, stems.into_iter().zip(holding).collect()),
    })
}

/// Reads little-endian numbers from the file and keeps the running checksum.
struct Reader<'a> {
    input: &'a mut dyn Read,
    hash: u64,
    at: u64,
    path: &'a str,
}

impl Reader<'_> {
    fn truncated(&self) -> Error {
        Error::Input {
            path: self.path.to_string(),
            message: "the index file is truncated or corrupt; build it again".into(),
        }
    }

    fn fill(&mut self, buf: &mut [u8]) -> Result<()> {
        self.input.read_exact(buf).map_err(|e| {
            if e.kind() == io::ErrorKind::UnexpectedEof {
                self.truncated()
            } else {
                Error::io(self.path, e)
            }
        })?;
        self.hash = fnv_continue(self.hash, buf);
        self.at += buf.len() as u64;
        Ok(())
    }

    fn u32(&mut self) -> Result<u32> {
        let mut b = [0u8; 4];
        self.fill(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn u64(&mut self) -> Result<u64> {
        let mut b = [0u8; 8];
        self.fill(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    /// `n` numbers, read in blocks straight into the column.
    fn u32s(&mut self, n: usize) -> Result<Vec<u32>> {
        let mut out = Vec::with_capacity(n);
        let mut block = vec![0u8; 64 * 1024];
        while out.len() < n {
            let count = (n - out.len()).min(block.len() / 4);
            let bytes = &mut block[..count * 4];
            self.fill(bytes)?;
            out.extend(
                bytes
                    .chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
            );
        }
        Ok(out)
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
        let mut v1 = bytes.clone();
        v1[8] = 1;
        let e = CorpusIndex::read("x.ddx", &v1).unwrap_err().to_string();
        assert!(e.contains("version 1"), "{e}");
    }
}
