//! The shared vocabulary of every stage: documents and their units, alignments and their
//! links, word diffs.
//!
//! Stages take and return these types only, so that no third-party type (`similar`,
//! `strsim`, `serde_json`) leaks from one stage into another.

mod alignment;
mod diff;
mod document;
mod report;

pub use alignment::{Alignment, Change, Evidence, Link, LinkShape};
pub use diff::{DiffStats, Op, OpKind, WordDiff};
pub use document::{
    Artifact, ArtifactKind, Block, Document, JOIN_SEPARATOR, SourceLocation, Unit, UnitId,
    UnitKind, join_texts,
};
pub use report::{Report, Summary};
