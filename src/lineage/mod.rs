//! Lineage over N versions: trace, blame, log.
//!
//! A drafting group asks where a paragraph of the final text came from, which round changed
//! it, and what became of a paragraph of the first draft. [`Lineage::build`] answers from the
//! pairwise alignments of consecutive versions (following merges and splits), plus alignments
//! of restored units against units dropped earlier ([`revive`]); every unit of every version
//! then knows its ancestors and descendants. On that graph:
//!
//! - [`trace()`]: one unit's path through every version, with the word diff of each step;
//! - [`blame()`]: each unit of the last version with the version its content first appeared
//!   in, the version that last changed it, and the share of its words written in each version;
//! - [`summarize`] and [`graph_edges`]: the per-step counts and the graph (drawn by
//!   `render::graph`);
//! - [`git_versions`] and [`git_history`]: the versions of a file from git history.
//!
//! ```
//! use draftdiff::lineage::{Lineage, LineageOptions, Node, blame, trace};
//! use draftdiff::diff::DiffOptions;
//! use draftdiff::segment::{SegmentOptions, segment};
//!
//! let texts = ["Cats sleep.\n\nDogs bark.\n", "Cats sleep.\n", "Cats sleep.\n\nBirds sing.\n"];
//! let versions = texts
//!     .iter()
//!     .enumerate()
//!     .map(|(i, t)| segment(&format!("v{i}.txt"), t, &SegmentOptions::new()))
//!     .collect();
//! let lineage = Lineage::build(versions, &LineageOptions::new());
//! let blame = blame(&lineage, &DiffOptions::new());
//! assert_eq!(blame.units[0].origin, 0); // "Cats sleep." dates from the first version
//! assert_eq!(blame.units[1].origin, 2); // "Birds sing." is new in the third
//! let dogs = trace(&lineage, Node::new(0, 1), &DiffOptions::new());
//! assert!(matches!(dogs.end, draftdiff::lineage::TraceEnd::Dropped { version: 1, .. }));
//! ```

mod address;
mod blame;
mod chain;
mod git;
mod graph;
mod log;
pub mod revive;
mod trace;

pub use address::{Selector, UnitAddress};
pub use blame::{Blame, BlameUnit, blame, blame_version};
pub use chain::{DEFAULT_REVIVE, Edge, Lineage, LineageOptions, Node, Step};
#[cfg(fuzzing)]
#[doc(hidden)]
pub use git::fuzz_parse_log;
pub use git::{GitHistory, GitVersion, SkippedVersion, git_history, git_versions};
pub use graph::{EdgeKind, GraphEdge, LABEL_WORDS, edge_kind, graph_edges, node_id, node_label};
pub use log::{StepSummary, summarize};
pub use trace::{Trace, TraceEnd, TraceLink, TraceStep, trace};
