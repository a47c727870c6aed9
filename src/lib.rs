//! draftdiff shows how a document changed from draft to final, paragraph by paragraph, and
//! traces the lineage of every paragraph across many versions.
//!
//! The pipeline, one module a stage:
//!
//! 1. [`read`]: bytes → text (decoding, PDF-text repair);
//! 2. [`segment`]: text → [`Document`] of units (paragraphs, headings, list items, footnotes);
//! 3. [`align`](mod@align): (old, new) → [`Alignment`] (1:1, merges, splits, moves, additions, removals);
//! 4. [`diff`]: aligned pair → [`WordDiff`];
//! 5. [`render`]: report → terminal, JSON or Markdown.
//!
//! [`lineage`] chains the pairwise alignments of N versions; [`corpus`] finds where each unit
//! of a draft came from among many documents. Two modules are behind cargo
//! features that are off for the library alone: `eval` (scores an alignment or a
//! segmentation against hand-built gold; the `cli` feature, on by default, brings it for
//! `draftdiff eval`) and `synth` (generates version pairs with known lineage, for tests and
//! benches).
//!
//! The whole pipeline on two small drafts (a file is read with [`load`] instead):
//!
//! ```
//! use draftdiff::{AlignOptions, DiffOptions, SegmentOptions, render, segment::segment};
//!
//! let old = "I. Scope\n\n1. The committee met twice.\n\n2. It adopted the report.\n";
//! let new = "I. Scope\n\n1. It adopted the final report.\n\n2. The committee met three times.\n";
//! let old = segment("old.txt", old, &SegmentOptions::new());
//! let new = segment("new.txt", new, &SegmentOptions::new());
//!
//! let alignment = draftdiff::align(&old, &new, &AlignOptions::new());
//! // Both paragraphs are found again, renumbered and moved, each with a score.
//! assert_eq!(alignment.links.len(), 3);
//! assert!(alignment.added.is_empty() && alignment.removed.is_empty());
//! assert!(alignment.links.iter().any(|link| link.moved));
//!
//! let report = draftdiff::diff::report(old, new, alignment, &DiffOptions::new());
//! let mut out = Vec::new();
//! render::terminal(&report, &render::TerminalOptions::new(), &render::Palette::plain(), &mut out)?;
//! let text = String::from_utf8(out).expect("the report is UTF-8");
//! assert!(text.contains("    It adopted the {+final+} report.\n"), "{text}");
//! # Ok::<(), std::io::Error>(())
//! ```
#![warn(missing_docs)]

pub mod align;
pub mod corpus;
pub mod diff;
mod error;
#[cfg(feature = "eval")]
pub mod eval;
pub mod inputs;
pub mod lineage;
pub mod model;
pub mod read;
pub mod render;
pub mod segment;
#[cfg(feature = "synth")]
pub mod synth;

pub use align::{AlignOptions, align};
pub use diff::DiffOptions;
pub use error::{Error, Result};
pub use lineage::{Lineage, LineageOptions};
pub use model::Report;
pub use model::{Alignment, Document, Link, Unit, UnitId, UnitKind, WordDiff};
pub use read::ReadOptions;
pub use segment::SegmentOptions;

/// Reads the file at `path` and cuts it into units, whatever its format (text, Markdown,
/// Word, OpenDocument or PDF: see [`read::document`]).
pub fn load(path: &str, read: &ReadOptions, segment: &SegmentOptions) -> Result<Document> {
    read::load_path(path, read, segment)
}
