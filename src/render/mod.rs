//! Stage 5: model types → bytes. Every output of the project is written here: the
//! terminal report, side by side and `--stat` ([`terminal`], [`side_by_side`]), the Markdown
//! changelog ([`markdown`]), the segment table ([`segment_table`]), trace, blame and log for
//! people ([`trace`], [`blame`], [`log`]), the lineage graph in DOT and Mermaid ([`graph`]),
//! the HTML report ([`html`]), the Word redline ([`docx`]), and every JSON document in one versioned vocabulary ([`json`](mod@json)).
//!
//! Renderers write to any [`io::Write`] and never look at the process: whether to colour,
//! and how wide to wrap, arrive resolved in [`TerminalOptions`] and a [`Palette`]. A plain
//! palette writes no escape codes at all and marks changes git-style instead
//! (`[-deleted-]{+inserted+}`), so a report stays readable in a pipe, a file or `less`.
//! JSON and Markdown are never coloured.
//!
//! Document text is data, never terminal commands: every human-readable renderer writes it
//! through [`Visible`] (see `escape`), which shows control characters, C1 controls and
//! bidi overrides visibly (`^[`, `<U+009B>`, `<U+202E>`); DOT, Mermaid and Markdown then
//! escape by their own rules.
//!
//! ```
//! use draftdiff::{Document, diff::{DiffOptions, report}, render};
//! use draftdiff::segment::{segment, SegmentOptions};
//!
//! let old = segment("old.txt", "1. The cat sat.\n\n2. It slept.\n", &SegmentOptions::new());
//! let new = segment("new.txt", "1. The black cat sat.\n\n2. It slept.\n", &SegmentOptions::new());
//! let alignment = draftdiff::align(&old, &new, &draftdiff::AlignOptions::new());
//! let report = report(old, new, alignment, &DiffOptions::new());
//! let mut out = Vec::new();
//! render::terminal(&report, &render::TerminalOptions::new(), &render::Palette::plain(), &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().contains("old.txt"));
//! ```

mod batch;
pub mod docx;
mod environment;
mod escape;
#[cfg(feature = "eval")]
mod eval;
pub mod graph;
mod html;
pub mod json;
mod layout;
mod lineage;
mod markdown;
/// One command's output, written once: the `-o` target, through the pager or not.
#[cfg(feature = "cli")]
pub mod output;
#[cfg(feature = "cli")]
pub mod pager;
mod palette;
mod segment;
mod side_by_side;
mod sources;
/// The `-o` writer of the binary (safe replacement, signal clean-up): with the `cli` feature.
#[cfg(feature = "cli")]
pub mod target;
mod terminal;
mod wrap;

use std::io;

pub use batch::{batch_error, batch_report};
pub use environment::{ColorWhen, TerminalEnv, ThemeChoice, parse_width};
pub use escape::{Html, Visible, is_marked, visible, visible_width};
#[cfg(feature = "eval")]
pub use eval::eval_text;
pub use html::{html, html_blame, html_log};
pub use json::{JSON_VERSION, json};
pub use lineage::{blame, log, trace};
pub use markdown::{ChangelogOptions, Marks, changelog, markdown};
pub use palette::{ColorEnv, Palette, Style, Theme, VERSION_COLORS, decide_color};
pub use segment::{segment_explanation, segment_table};
pub use side_by_side::side_by_side;
pub use sources::{
    SOURCES_JSON_VERSION, sources_json, sources_json_line, sources_markdown, sources_text,
};
pub use terminal::terminal;

#[allow(unused_imports, reason = "re-exported for the docs")]
use crate::model::Report;

/// The width used when none is given and none can be asked of a terminal: the classic
/// terminal width, which every pager and editor shows without wrapping.
pub const DEFAULT_WIDTH: usize = 80;

/// The narrowest width the renderers lay out for; below it lines simply overflow.
pub const MIN_WIDTH: usize = 40;

/// The widest layout `--width` accepts. No terminal is wider in practice (a 4K screen in a
/// 6-pixel font is 640 columns), and the side-by-side layout pads every line to the full
/// width, so a larger number only multiplies the output: `--width 1000000000` once turned a
/// small diff into gigabytes.
pub const MAX_WIDTH: usize = 1000;

/// Words of unchanged text kept on each side of a change inside a paragraph (`-U`,
/// `--context`), the rest elided with `…`. git keeps three lines around a change; three
/// words of prose rarely say where a change stands, a clause does: eight words on each side
/// put a one-word edit in about a line and a half of an 80-column terminal, enough to find
/// it in the document.
pub const DEFAULT_CONTEXT_WORDS: usize = 8;

/// Which entries a terminal report shows (`--only`; with the feature `cli`, a `clap` value
/// enum whose doc comments are the option's help).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Only {
    /// New units with no origin.
    Added,
    /// Old units with no descendant.
    Removed,
    /// Units whose text or number changed, merges and splits.
    Changed,
    /// Units that moved.
    Moved,
}

/// How to lay out a terminal report.
#[derive(Debug, Clone)]
pub struct TerminalOptions {
    /// Columns to wrap to.
    pub(crate) width: usize,
    /// Show only these entries (all when empty).
    pub(crate) only: Vec<Only>,
    /// Show the summary alone.
    pub(crate) stat: bool,
    /// Show unchanged units too (`--all`); by default they are counted, not shown.
    pub(crate) all: bool,
    /// Words of unchanged text kept around each change in a unit (`-U`).
    pub(crate) context: usize,
}

impl Default for TerminalOptions {
    fn default() -> TerminalOptions {
        TerminalOptions {
            width: DEFAULT_WIDTH,
            only: Vec::new(),
            stat: false,
            all: false,
            context: DEFAULT_CONTEXT_WORDS,
        }
    }
}

impl TerminalOptions {
    /// The defaults: [`DEFAULT_WIDTH`] columns, every changed entry (unchanged units
    /// counted in a `… N unchanged units` line where they stand), [`DEFAULT_CONTEXT_WORDS`]
    /// words around each change, the whole report.
    pub fn new() -> TerminalOptions {
        TerminalOptions::default()
    }

    /// Wrap to `width` columns (at least [`MIN_WIDTH`]).
    pub fn width(mut self, width: usize) -> TerminalOptions {
        self.width = width.max(MIN_WIDTH);
        self
    }

    /// Show only these entries.
    pub fn only(mut self, only: Vec<Only>) -> TerminalOptions {
        self.only = only;
        self
    }

    /// Show the summary alone.
    pub fn stat(mut self, stat: bool) -> TerminalOptions {
        self.stat = stat;
        self
    }

    /// Show unchanged units too, in full, instead of a `… N unchanged units` line.
    pub fn all(mut self, all: bool) -> TerminalOptions {
        self.all = all;
        self
    }

    /// Keep `words` words of unchanged text on each side of a change in a unit; longer
    /// unchanged runs are elided with `…`. `usize::MAX` shows every unit whole.
    pub fn context(mut self, words: usize) -> TerminalOptions {
        self.context = words;
        self
    }
}

/// The formats a report can be rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The terminal report (coloured or marked).
    Terminal,
    /// Two columns, old and new.
    SideBySide,
    /// The versioned JSON document (see `docs/json-schema.md`).
    Json,
    /// The Markdown changelog.
    Markdown,
}

/// Renders `report` in `format`.
pub fn render(
    report: &Report,
    format: Format,
    options: &TerminalOptions,
    palette: &Palette,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    match format {
        Format::Terminal => terminal(report, options, palette, out),
        Format::SideBySide => side_by_side(report, options, palette, out),
        Format::Json => json(report, out),
        Format::Markdown => markdown(report, out),
    }
}
