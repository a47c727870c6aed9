//! Stage 4: aligned pair → [`WordDiff`]. The only user of `similar`.
//!
//! PLACEHOLDER: the report issue fills this stage in.

use crate::model::{DiffStats, Op, OpKind, WordDiff};

/// How to diff the texts of a link.
#[derive(Debug, Clone, Default)]
pub struct DiffOptions {}

impl DiffOptions {
    /// The defaults.
    pub fn new() -> DiffOptions {
        DiffOptions::default()
    }
}

/// Diffs two texts word by word.
pub fn diff_texts(old: &str, new: &str, _options: &DiffOptions) -> WordDiff {
    let ops = if old == new {
        vec![Op {
            kind: OpKind::Equal,
            text: new.to_string(),
        }]
    } else {
        vec![
            Op {
                kind: OpKind::Delete,
                text: old.to_string(),
            },
            Op {
                kind: OpKind::Insert,
                text: new.to_string(),
            },
        ]
    };
    WordDiff {
        ops,
        stats: DiffStats::default(),
        timed_out: false,
    }
}
