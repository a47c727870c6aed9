//! A word diff of one aligned pair.

/// What a diff operation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpKind {
    /// Text on both sides.
    Equal,
    /// Text only in the new version.
    Insert,
    /// Text only in the old version.
    Delete,
}

impl OpKind {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            OpKind::Equal => "equal",
            OpKind::Insert => "insert",
            OpKind::Delete => "delete",
        }
    }
}

/// One run of a word diff: text as written, spaces included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Op {
    /// Equal, insert or delete.
    pub kind: OpKind,
    /// The text of the run, as written in the version it comes from (the new version's
    /// spelling for an equal run).
    pub text: String,
    /// For an equal run, the old version's spelling when it differs from
    /// [`text`](Self::text): spacing, case, punctuation, quote styles or invisible
    /// characters the diff did not compare. `None` when both versions write the run alike,
    /// and for inserted and deleted runs.
    pub old: Option<String>,
}

impl Op {
    /// A run written alike in the version(s) it belongs to.
    pub fn new(kind: OpKind, text: impl Into<String>) -> Op {
        Op {
            kind,
            text: text.into(),
            old: None,
        }
    }

    /// The run as the old version writes it (for an inserted run, its text).
    pub fn old_text(&self) -> &str {
        self.old.as_deref().unwrap_or(&self.text)
    }
}

/// Word counts of a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DiffStats {
    /// Words on both sides.
    pub equal: usize,
    /// Words only in the new text.
    pub inserted: usize,
    /// Words only in the old text.
    pub deleted: usize,
}

/// The word diff of an aligned pair (joined texts for merges and splits).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WordDiff {
    /// The runs, in order.
    pub ops: Vec<Op>,
    /// Word counts.
    pub stats: DiffStats,
    /// True when the pair exceeded the diff's work budget and was diffed sentence by sentence
    /// first, a coarser (still correct) result. It depends on the input only, never on the
    /// clock. (The name is kept from the deadline it replaced, for the JSON format.)
    pub timed_out: bool,
    /// For a link of several new units (a split): the runs of each new unit, in order, as
    /// the diff cut them back from the joined text. Empty otherwise: the one new unit's
    /// runs are [`ops`](Self::ops). Read through [`part`](Self::part).
    pub parts: Vec<Vec<Op>>,
}

impl WordDiff {
    /// The runs belonging to the `k`-th new unit of the link: all of them for a link of one
    /// new unit, that unit's share for a split (none past its last unit).
    pub fn part(&self, k: usize) -> &[Op] {
        if self.parts.is_empty() {
            &self.ops
        } else {
            self.parts.get(k).map_or(&[], Vec::as_slice)
        }
    }

    /// The new text, rebuilt from the equal and inserted runs (exactly as written).
    pub fn new_text(&self) -> String {
        self.side(OpKind::Insert)
    }

    /// The old text, rebuilt from the equal runs (in their old spelling, [`Op::old_text`])
    /// and the deleted runs, exactly as written.
    pub fn old_text(&self) -> String {
        self.ops
            .iter()
            .filter(|op| op.kind != OpKind::Insert)
            .map(Op::old_text)
            .collect()
    }

    /// Words inserted and deleted, from the stats, or counted from the runs when the stats
    /// are empty (a diff built by hand).
    pub fn word_counts(&self) -> (usize, usize) {
        if self.stats.inserted + self.stats.deleted + self.stats.equal > 0 {
            return (self.stats.inserted, self.stats.deleted);
        }
        let count = |kind: OpKind| -> usize {
            self.ops
                .iter()
                .filter(|op| op.kind == kind)
                .map(|op| op.text.split_whitespace().count())
                .sum()
        };
        (count(OpKind::Insert), count(OpKind::Delete))
    }

    fn side(&self, changed: OpKind) -> String {
        self.ops
            .iter()
            .filter(|op| op.kind == OpKind::Equal || op.kind == changed)
            .map(|op| op.text.as_str())
            .collect()
    }
}
