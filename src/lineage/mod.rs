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
//! - [`git_versions`] and [`git_history`]: the versions of a file from git history (and the
//!   working tree), [`git_version`]: the file at one revision; [`VersionSource`] keeps where
//!   each version came from (commit, date, author, subject) for the JSON outputs;
//! - [`GitPair`] and [`ExternalDiff`]: what `--git REV1 REV2 FILE` and git's external-diff
//!   call ask for, parsed.
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
mod git_request;
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
pub use git::{
    GitHistory, GitVersion, SkippedVersion, WORKING_TREE, git_history, git_version, git_versions,
};
pub use git_request::{ExternalDiff, GitPair};

/// Where one version of a lineage came from: its file, and for a version read from git its
/// commit. Given to [`Lineage::with_sources`]; the lineage JSON writes it in `versions[]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VersionSource {
    /// The file as the user named it.
    pub path: String,
    /// The commit, for a version read from git.
    pub git: Option<GitSource>,
}

/// The commit a version was read from ([`GitVersion::source`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GitSource {
    /// The full commit hash; `None` for the working tree (uncommitted changes).
    pub commit: Option<String>,
    /// The author date, ISO 8601; `None` for the working tree.
    pub date: Option<String>,
    /// The author's name; `None` for the working tree.
    pub author: Option<String>,
    /// The first line of the commit message ([`WORKING_TREE`] for the working tree).
    pub subject: String,
}
pub use graph::{EdgeKind, GraphEdge, LABEL_WORDS, edge_kind, graph_edges, node_id, node_label};
pub use log::{StepSummary, summarize};
pub use trace::{Trace, TraceEnd, TraceLink, TraceStep, trace};
