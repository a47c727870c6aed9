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
//! use draftdiff::render::{ColorEnv, ColorWhen, TerminalEnv, Theme, ThemeChoice};
//!
//! let env = TerminalEnv {
//!     color: ColorEnv { term: Some("xterm-256color".into()), ..ColorEnv::default() },
//!     colorfgbg: Some("0;15".into()),
//!     output_terminal: true,
//!     columns: Some(132),
//! };
//! assert_eq!(env.width(None), 132);
//! assert_eq!(env.width(Some(100)), 100);
//! assert_eq!(env.theme(ThemeChoice::Auto), Theme::Light);
//! assert!(!env.palette(ColorWhen::Auto, ThemeChoice::Auto).title.is_plain());
//! assert!(env.palette(ColorWhen::Never, ThemeChoice::Auto).title.is_plain());
//! ```
//!
//! With the feature `cli`, [`ColorWhen`] and [`ThemeChoice`] are `clap` value enums: their
//! first doc paragraphs are the help of `draftdiff --color` and `--theme`.

use std::ffi::OsString;

use super::{ColorEnv, DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, Palette, Theme, decide_color};

/// When to colour (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ColorWhen {
    /// Colour when standard output is a terminal.
    ///
    /// Unless `NO_COLOR` turns it off or `CLICOLOR_FORCE` on (see [`decide_color`]).
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorWhen {
    /// `Some` for an explicit choice, `None` for auto: what [`decide_color`] takes.
    pub fn explicit(self) -> Option<bool> {
        match self {
            ColorWhen::Auto => None,
            ColorWhen::Always => Some(true),
            ColorWhen::Never => Some(false),
        }
    }
}

/// The background terminal colours are chosen for (`--theme`): one, or the one the terminal
/// announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ThemeChoice {
    /// From `COLORFGBG` where the terminal sets it, else dark.
    #[default]
    Auto,
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
}

/// Parses a width in columns as a command line gives it (`--width`): a whole number from
/// [`MIN_WIDTH`] to [`MAX_WIDTH`]; the error says the bounds and why they are there.
///
/// ```
/// use draftdiff::render::parse_width;
/// assert_eq!(parse_width("100"), Ok(100));
/// assert!(parse_width("39").unwrap_err().starts_with("too narrow"));
/// assert!(parse_width("wide").unwrap_err().starts_with("not a whole number"));
/// ```
pub fn parse_width(value: &str) -> Result<usize, String> {
    let range = format!("--width takes {MIN_WIDTH} to {MAX_WIDTH} columns");
    let width = match value.parse::<usize>() {
        Ok(width) => width,
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => usize::MAX,
        Err(_) => return Err(format!("not a whole number; {range}")),
    };
    if width < MIN_WIDTH {
        Err(format!(
            "too narrow; {range} (narrower leaves no room for the text beside the margins)"
        ))
    } else if width > MAX_WIDTH {
        Err(format!(
            "too wide; {range} (no terminal is wider, and side-by-side pads every line to the width)"
        ))
    } else {
        Ok(width)
    }
}

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
    /// The palette for `color` (auto: see [`decide_color`]) and `theme` (auto: from
    /// `COLORFGBG`, see [`theme`](Self::theme)).
    pub fn palette(&self, color: ColorWhen, theme: ThemeChoice) -> Palette {
        let color = decide_color(color.explicit(), self.output_terminal, &self.color);
        Palette::with_theme(color, self.theme(theme))
    }

    /// `theme` when chosen, else the one the terminal announces
    /// ([`Theme::from_colorfgbg`]).
    pub fn theme(&self, theme: ThemeChoice) -> Theme {
        match theme {
            ThemeChoice::Light => Theme::Light,
            ThemeChoice::Dark => Theme::Dark,
            ThemeChoice::Auto => Theme::from_colorfgbg(self.colorfgbg.as_deref()),
        }
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
        let plain = |env: TerminalEnv, when| env.palette(when, ThemeChoice::Auto).title.is_plain();
        assert!(!plain(env(true, None), ColorWhen::Auto));
        assert!(plain(env(false, None), ColorWhen::Auto));
        assert!(plain(env(true, Some("1")), ColorWhen::Auto));
        assert!(!plain(env(false, Some("1")), ColorWhen::Always));
        assert!(plain(env(true, None), ColorWhen::Never));
        // The theme: given, else COLORFGBG, else dark.
        let light = TerminalEnv {
            colorfgbg: Some("0;15".into()),
            ..TerminalEnv::default()
        };
        assert_eq!(light.theme(ThemeChoice::Auto), Theme::Light);
        assert_eq!(light.theme(ThemeChoice::Dark), Theme::Dark);
        assert_eq!(TerminalEnv::default().theme(ThemeChoice::Auto), Theme::Dark);
        assert_eq!(
            TerminalEnv::default().theme(ThemeChoice::Light),
            Theme::Light
        );
    }

    #[test]
    fn a_width_is_a_whole_number_within_bounds() {
        assert_eq!(parse_width(&MIN_WIDTH.to_string()), Ok(MIN_WIDTH));
        assert_eq!(parse_width(&MAX_WIDTH.to_string()), Ok(MAX_WIDTH));
        let err = |value: &str| parse_width(value).unwrap_err();
        assert!(err("39").starts_with("too narrow; --width takes 40 to 1000 columns"));
        assert!(err("1001").starts_with("too wide; "));
        // Past usize: too wide, not "not a number".
        assert!(err("99999999999999999999999").starts_with("too wide; "));
        assert!(err("-5").starts_with("not a whole number; "));
        assert!(err("").starts_with("not a whole number; "));
    }
}
