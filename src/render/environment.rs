//! The terminal a report is shown on, read once by the caller into one struct (as delta
//! reads its environment), and the decisions taken from it: the palette (colour on or off,
//! light or dark) and the width to lay out in.
//!
//! Nothing here reads the process: the caller fills in [`TerminalEnv`] (the binary does it
//! in one place, from its variables and standard streams), so a program that embeds
//! draftdiff's reports, or a test, decides exactly as `draftdiff` does from any
//! environment it chooses.
//!
//! ```
//! use draftdiff::render::{ColorEnv, TerminalEnv, Theme};
//!
//! let env = TerminalEnv {
//!     color: ColorEnv { term: Some("xterm-256color".into()), ..ColorEnv::default() },
//!     colorfgbg: Some("0;15".into()),
//!     output_terminal: true,
//!     columns: Some(132),
//! };
//! assert_eq!(env.width(None), 132);
//! assert_eq!(env.width(Some(100)), 100);
//! assert_eq!(env.theme(None), Theme::Light);
//! assert!(!env.palette(None, None).title.is_plain());
//! assert!(env.palette(Some(false), None).title.is_plain());
//! ```

use std::ffi::OsString;

use super::{ColorEnv, DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, Palette, Theme, decide_color};

/// What the colour, theme and width decisions read, as the caller found it.
#[derive(Debug, Clone, Default)]
pub struct TerminalEnv {
    /// `NO_COLOR`, `CLICOLOR_FORCE` and `TERM`.
    pub color: ColorEnv,
    /// `COLORFGBG`, which some terminals set to say their colours.
    pub colorfgbg: Option<OsString>,
    /// The output goes to a terminal (standard output is one, and is where it goes).
    pub output_terminal: bool,
    /// Columns of the terminal the output is shown on: standard output's when it is a
    /// terminal; when it is a pipe and standard error a terminal (`draftdiff … | less -R`),
    /// that terminal's; `None` when the output reaches no terminal.
    pub columns: Option<usize>,
}

impl TerminalEnv {
    /// The palette for `color` (`Some`: `--color always|never`, `None`: auto, see
    /// [`decide_color`]) and `theme` (`None`: from `COLORFGBG`, see [`theme`](Self::theme)).
    pub fn palette(&self, color: Option<bool>, theme: Option<Theme>) -> Palette {
        let color = decide_color(color, self.output_terminal, &self.color);
        Palette::with_theme(color, self.theme(theme))
    }

    /// `theme` when given, else the one the terminal announces
    /// ([`Theme::from_colorfgbg`]).
    pub fn theme(&self, theme: Option<Theme>) -> Theme {
        theme.unwrap_or_else(|| Theme::from_colorfgbg(self.colorfgbg.as_deref()))
    }

    /// `width` when given (`--width`), else the terminal's columns brought into
    /// [`MIN_WIDTH`]..=[`MAX_WIDTH`] (a terminal narrower or wider than draftdiff lays out is
    /// used at the nearest width it does), else [`DEFAULT_WIDTH`].
    pub fn width(&self, width: Option<usize>) -> usize {
        width.unwrap_or_else(|| {
            self.columns
                .map_or(DEFAULT_WIDTH, |w| w.clamp(MIN_WIDTH, MAX_WIDTH))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_gives_the_width_within_bounds() {
        let env = |columns| TerminalEnv {
            columns,
            ..TerminalEnv::default()
        };
        assert_eq!(env(None).width(None), DEFAULT_WIDTH);
        assert_eq!(env(Some(120)).width(None), 120);
        assert_eq!(env(Some(12)).width(None), MIN_WIDTH);
        assert_eq!(env(Some(5000)).width(None), MAX_WIDTH);
        assert_eq!(env(Some(120)).width(Some(60)), 60);
    }

    #[test]
    fn colour_follows_the_output_and_the_variables() {
        let env = |terminal, no_color: Option<&str>| TerminalEnv {
            color: ColorEnv {
                no_color: no_color.map(OsString::from),
                ..ColorEnv::default()
            },
            output_terminal: terminal,
            ..TerminalEnv::default()
        };
        assert!(!env(true, None).palette(None, None).title.is_plain());
        assert!(env(false, None).palette(None, None).title.is_plain());
        assert!(env(true, Some("1")).palette(None, None).title.is_plain());
        assert!(
            !env(false, Some("1"))
                .palette(Some(true), None)
                .title
                .is_plain()
        );
        // The theme: given, else COLORFGBG, else dark.
        let light = TerminalEnv {
            colorfgbg: Some("0;15".into()),
            ..TerminalEnv::default()
        };
        assert_eq!(light.theme(None), Theme::Light);
        assert_eq!(light.theme(Some(Theme::Dark)), Theme::Dark);
        assert_eq!(TerminalEnv::default().theme(None), Theme::Dark);
    }
}
