//! Stage 3: (old, new) → [`Alignment`].
//!
//! PLACEHOLDER: the first cut links identical normalised texts only; the alignment issue
//! fills this stage in.

use std::collections::HashMap;

use crate::model::{Alignment, Change, Document, Evidence, Link, LinkShape};

/// How to align two documents.
#[derive(Debug, Clone, Default)]
pub struct AlignOptions {}

impl AlignOptions {
    /// The defaults.
    pub fn new() -> AlignOptions {
        AlignOptions::default()
    }
}

/// Aligns the units of `old` to the units of `new`.
pub fn align(old: &Document, new: &Document, _options: &AlignOptions) -> Alignment {
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for unit in old.units.iter().rev() {
        by_text.entry(unit.norm.as_str()).or_default().push(unit.id);
    }
    let mut links = Vec::new();
    let mut added = Vec::new();
    let mut used = vec![false; old.units.len()];
    for unit in &new.units {
        match by_text.get_mut(unit.norm.as_str()).and_then(Vec::pop) {
            Some(o) => {
                used[o] = true;
                links.push(Link {
                    old: vec![o],
                    new: vec![unit.id],
                    score: 1.0,
                    shape: LinkShape::OneToOne,
                    change: Change::Unchanged,
                    moved: false,
                    evidence: Evidence::default(),
                })
            }
            None => added.push(unit.id),
        }
    }
    let removed = (0..old.units.len()).filter(|&i| !used[i]).collect();
    Alignment {
        links,
        added,
        removed,
    }
}
