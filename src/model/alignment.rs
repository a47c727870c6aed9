//! An alignment links the units of an old version to the units of a new version.

use super::UnitId;

/// The shape of a link: how many units on each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkShape {
    /// One old unit became one new unit.
    OneToOne,
    /// Several old units were merged into one new unit.
    Merge,
    /// One old unit was split into several new units.
    Split,
}

impl LinkShape {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkShape::OneToOne => "one_to_one",
            LinkShape::Merge => "merge",
            LinkShape::Split => "split",
        }
    }
}

/// How much the text changed along a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Change {
    /// Same text and same number.
    Unchanged,
    /// Same text, only the printed number differs.
    Renumbered,
    /// Light edit: most of the text is kept.
    Edited,
    /// Heavy rewrite: the content descends from the old unit, the wording mostly does not.
    Rewritten,
}

impl Change {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Unchanged => "unchanged",
            Change::Renumbered => "renumbered",
            Change::Edited => "edited",
            Change::Rewritten => "rewritten",
        }
    }
}

/// The measures behind a link's score, each in `0..=1`, so a user can see why it was made.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Evidence {
    /// Character-level similarity of the normalised texts (from `strsim`).
    pub chars: f64,
    /// Word overlap weighted by how informative each word is (IDF).
    pub words: f64,
    /// Share of the smaller side's weighted words found in the larger side (merges, splits).
    pub containment: f64,
    /// Share of the old side's sentences that reappear on the new side.
    pub sentences: f64,
    /// Agreement of the relative positions in the two documents (1 = same place).
    pub position: f64,
}

/// One link of an alignment: one or more old units descend into one or more new units.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The old units, in document order; several for a merge.
    pub old: Vec<UnitId>,
    /// The new units, in document order; several for a split.
    pub new: Vec<UnitId>,
    /// Confidence in the link, `0..=1`.
    pub score: f64,
    /// One-to-one, merge or split.
    pub shape: LinkShape,
    /// How much the text changed.
    pub change: Change,
    /// True when the link breaks document order (the unit moved).
    pub moved: bool,
    /// The measures that produced the score.
    pub evidence: Evidence,
}

/// The alignment of an old document to a new one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// The links, sorted by their first new unit.
    pub links: Vec<Link>,
    /// New units with no link (new text), in document order.
    pub added: Vec<UnitId>,
    /// Old units with no link (dropped text), in document order.
    pub removed: Vec<UnitId>,
}
