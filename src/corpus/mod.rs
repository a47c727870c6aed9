//! Lineage across a corpus: for each unit of a draft, the units of earlier documents it
//! descends from.
//!
//! Drafting rarely starts from a blank page: a resolution copies paragraphs of last year's,
//! a bill copies a model bill. Comparing a draft with every document of a large corpus is
//! out of reach (10^5 documents of 30 paragraphs), so the corpus is indexed once:
//!
//! 1. [`IndexBuilder`] remembers each traced unit of each corpus document by its hashed
//!    word pairs, all of them by default or a sample (see `fingerprint`: the aligner's own
//!    evidence, made stable so that the index can be saved), in a [`CorpusIndex`] that
//!    [`write`](CorpusIndex::write)s to and [`read`](CorpusIndex::read)s from a versioned
//!    file (see `file` for the format).
//! 2. [`sources`] looks up every word pair of the draft, takes the documents that share
//!    enough pairs with one of its units (pairs that few other units share as much of it:
//!    see [`evidence`]) as candidates, and runs the aligner on each (candidate, draft)
//!    pair: the links it makes, with their score, shape (one to one, merge, split), change
//!    and word diff, are the sources.
//!
//! ```
//! use draftdiff::corpus::{IndexBuilder, IndexOptions, SourcesOptions, sources};
//! use draftdiff::segment::{SegmentOptions, segment};
//!
//! let model = "1. Member States shall ensure that every child has access to free primary \
//!              education of good quality by the year 2030.\n\n\
//!              2. The secretariat shall report on progress every two years.\n";
//! let other = "1. The budget for the biennium was adopted without a vote.\n";
//! let draft = "1. Recalls its earlier work on the subject.\n\n\
//!              2. Member States shall ensure that every girl and boy has access to free \
//!              primary education of good quality by the year 2030.\n";
//! let seg = |path, text| segment(path, text, &SegmentOptions::new());
//! let corpus = [seg("model.txt", model), seg("other.txt", other)];
//!
//! let mut builder = IndexBuilder::new(IndexOptions::new());
//! builder.add(&corpus[0], model.as_bytes());
//! builder.add(&corpus[1], other.as_bytes());
//! let index = builder.finish();
//!
//! let found = sources(seg("draft.txt", draft), &index, &SourcesOptions::new(), &mut |d| {
//!     Ok(corpus.iter().find(|c| c.path == d.path).expect("indexed").clone())
//! })?;
//! assert_eq!(found.links.len(), 1);
//! let link = &found.links[0];
//! assert_eq!(found.documents[link.document].path, "model.txt");
//! assert_eq!((link.link.old.as_slice(), link.link.new.as_slice()), (&[0][..], &[1][..]));
//! # Ok::<(), draftdiff::Error>(())
//! ```

mod batch;
mod file;
mod fingerprint;
mod index;
mod rarity;
mod sources;
mod walk;

pub use batch::{BatchSummary, batch};
pub use file::{FILE_VERSION, MAGIC, is_index};
pub use fingerprint::{MIN_SAMPLE, MIN_WORDS, content_hash, pairs, sample, traced, word_keys};
pub use index::{CorpusIndex, IndexBuilder, IndexOptions, IndexedDocument, RATE};
pub use rarity::{COMMON, Rarity};
pub use sources::{
    CANDIDATE_DOCUMENTS, Evidence, LOOK_UNITS, LOOK_WEIGHT, MAX_POSTINGS, MIN_RARITY,
    MIN_SOURCE_SCORE, MIN_WEIGHT, RIVAL_SHARE, SourceLink, Sources, SourcesOptions, WEIGHT_ONE,
    candidates, evidence, pair_weight, rivals, select, sources, sources_from_evidence, unit_pairs,
    weight_of,
};
pub use walk::{corpus_files, index_files, is_index_file};

use crate::error::{Error, Result};
use crate::model::Document;
use crate::read::{ReadOptions, document, read_bytes};
use crate::segment::SegmentOptions;

/// Reads an indexed document again, refusing it when its bytes changed since the index was
/// built (the sources would then point at units that are no longer there).
///
/// # Errors
/// The errors of [`read_bytes`] and [`document`], and [`Error::Input`] naming the file when
/// it changed.
pub fn load_indexed(indexed: &IndexedDocument, read: &ReadOptions) -> Result<Document> {
    let bytes = read_bytes(&indexed.path)?;
    if bytes.len() as u64 != indexed.size || content_hash(&bytes) != indexed.hash {
        return Err(Error::Input {
            path: indexed.path.clone(),
            message: "the file changed since the index was built; build the index again".into(),
        });
    }
    document(&indexed.path, bytes, read, &SegmentOptions::new())
}
