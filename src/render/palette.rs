//! The styles of a terminal report, decided once by the caller.

use owo_colors::Style;

/// The styles of each part of a terminal report. A plain palette ([`Palette::plain`])
/// writes no escape codes and marks deletions and insertions with `[-…-]` and `{+…+}`
/// (git's `--word-diff=plain`), so changes stay visible without colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Deleted words.
    pub deleted: Style,
    /// Inserted words.
    pub inserted: Style,
    /// The whole text of a new unit with no origin.
    pub added: Style,
    /// The whole text of a removed old unit.
    pub removed: Style,
    /// Section rules.
    pub heading: Style,
    /// The origin line of a unit (`¶37 ← ¶27 + ¶28`).
    pub origin: Style,
    /// Secondary text: scores, notes.
    pub dim: Style,
    /// The summary header's title.
    pub title: Style,
    /// Whether to write `[-…-]` / `{+…+}` markers around changed words.
    pub markers: bool,
}

impl Palette {
    /// No colour, no escape codes; changes marked with `[-…-]` and `{+…+}`.
    pub fn plain() -> Palette {
        let s = Style::new();
        Palette {
            deleted: s,
            inserted: s,
            added: s,
            removed: s,
            heading: s,
            origin: s,
            dim: s,
            title: s,
            markers: true,
        }
    }

    /// The colours of a terminal: deletions red and struck through, insertions green,
    /// as git and delta show them.
    pub fn colored() -> Palette {
        let s = Style::new();
        Palette {
            deleted: s.red().strikethrough(),
            inserted: s.green(),
            added: s.green(),
            removed: s.red().strikethrough(),
            heading: s.bold().yellow(),
            origin: s.cyan(),
            dim: s.dimmed(),
            title: s.bold(),
            markers: false,
        }
    }

    /// [`colored`](Self::colored) when `color` is true, else [`plain`](Self::plain).
    pub fn new(color: bool) -> Palette {
        if color {
            Palette::colored()
        } else {
            Palette::plain()
        }
    }
}
